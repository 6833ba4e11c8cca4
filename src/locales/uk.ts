// Українська (uk): the words are in uk.json (see README.md). Importing this module registers them: `import "claimline/locales/uk";`
import { registerShipped, type Catalogue } from "../prepare/messages.js";
import words from "./uk.json";

export const uk: Catalogue = registerShipped("uk", words);
