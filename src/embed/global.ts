// The script-tag bundle: everything in the ESM entry on the global `Claimline`, plus auto-embed,
// the `<claimline-chart>` element and the iframe (pym) parent helper.
export * from "../index.js";
export { autoInit, defineClaimlineChart, iframe, autoFrames } from "./auto.js";
