// Français (fr): the words are in fr.json (see README.md). Importing this module registers them: `import "claimline/locales/fr";`
import { registerShipped, type Catalogue } from "../prepare/messages.js";
import words from "./fr.json";

export const fr: Catalogue = registerShipped("fr", words);
