// 简体中文 (zh): the words are in zh.json (see README.md). Importing this module registers them: `import "claimline/locales/zh";`
import { registerShipped, type Catalogue } from "../prepare/messages.js";
import words from "./zh.json";

export const zh: Catalogue = registerShipped("zh", words);
