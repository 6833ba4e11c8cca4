// 日本語 (ja): the words are in ja.json (see README.md). Importing this module registers them: `import "claimline/locales/ja";`
import { registerShipped, type Catalogue } from "../prepare/messages.js";
import words from "./ja.json";

export const ja: Catalogue = registerShipped("ja", words);
