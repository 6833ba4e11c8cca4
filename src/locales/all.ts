// Every shipped catalogue at once, for Node: the server renderer and the CLI (`--locale`) draw
// synchronously, so they register all languages up front (about 30 KB min+gzip, never sent to
// a browser). Browser pages import or load only the language they need (see README.md).
import "./de.js";
import "./fr.js";
import "./es.js";
import "./it.js";
import "./pt.js";
import "./ru.js";
import "./uk.js";
import "./ko.js";
import "./ja.js";
import "./zh.js";
import "./ar.js";

export { SHIPPED_LANGUAGES } from "./load.js";
