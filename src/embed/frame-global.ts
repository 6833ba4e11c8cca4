// `dist/claimline-frame.js`: only the iframe parent helper (a few hundred bytes) for pages that host
// claimline's standalone HTML pages without pym.js and without the chart library.
export { iframe, autoFrames } from "./pym.js";
import { autoFrames } from "./pym.js";

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => autoFrames(), { once: true });
  else autoFrames();
}
