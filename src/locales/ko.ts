// 한국어 (ko): the words are in ko.json (see README.md). Importing this module registers them: `import "claimline/locales/ko";`
import { registerShipped, type Catalogue } from "../prepare/messages.js";
import words from "./ko.json";

export const ko: Catalogue = registerShipped("ko", words);
