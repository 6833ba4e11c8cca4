// Português (Brasil) (pt): the words are in pt.json (see README.md). Importing this module registers them: `import "claimline/locales/pt";`
import { registerShipped, type Catalogue } from "../prepare/messages.js";
import words from "./pt.json";

export const pt: Catalogue = registerShipped("pt", words);
