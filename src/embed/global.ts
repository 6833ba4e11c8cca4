// The script-tag bundle: everything in the ESM entry on the global `Claimline`, plus auto-embed,
// the `<claimline-chart>` element and the iframe (pym) parent helper.
export * from "../index.js";
export { autoInit, defineClaimlineChart, iframe, autoFrames } from "./auto.js";

// Catalogues of other languages are loaded on demand from beside this script (same origin: a strict CSP holds).
import { loadMessages } from "../locales/load.js";
import { setMessageLoader } from "../prepare/messages.js";
const bundleSrc = typeof document !== "undefined" ? (document.currentScript as HTMLScriptElement | null)?.src : undefined;
if (bundleSrc) setMessageLoader((locale) => void loadMessages(locale, bundleSrc));
export { loadMessages, shippedLanguage, SHIPPED_LANGUAGES } from "../locales/load.js";
