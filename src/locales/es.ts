// Español (es): the words are in es.json (see README.md). Importing this module registers them: `import "claimline/locales/es";`
import { registerShipped, type Catalogue } from "../prepare/messages.js";
import words from "./es.json";

export const es: Catalogue = registerShipped("es", words);
