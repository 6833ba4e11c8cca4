// Deutsch (de): the words are in de.json (see README.md). Importing this module registers them: `import "claimline/locales/de";`
import { registerShipped, type Catalogue } from "../prepare/messages.js";
import words from "./de.json";

export const de: Catalogue = registerShipped("de", words);
