// العربية (ar): the words are in ar.json (see README.md). Importing this module registers them: `import "claimline/locales/ar";`
import { registerShipped, type Catalogue } from "../prepare/messages.js";
import words from "./ar.json";

export const ar: Catalogue = registerShipped("ar", words);
