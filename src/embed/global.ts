// The script-tag bundle: everything in the ESM entry on the global `Claimline`, plus auto-embed.
export * from "../index.js";
import "./auto.js";
