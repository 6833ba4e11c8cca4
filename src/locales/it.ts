// Italiano (it): the words are in it.json (see README.md). Importing this module registers them: `import "claimline/locales/it";`
import { registerShipped, type Catalogue } from "../prepare/messages.js";
import words from "./it.json";

export const it: Catalogue = registerShipped("it", words);
