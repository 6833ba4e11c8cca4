// Русский (ru): the words are in ru.json (see README.md). Importing this module registers them: `import "claimline/locales/ru";`
import { registerShipped, type Catalogue } from "../prepare/messages.js";
import words from "./ru.json";

export const ru: Catalogue = registerShipped("ru", words);
