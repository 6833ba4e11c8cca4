/**
 * The script-tag auto-embed, pym.js style: on load, every
 * `[data-claimline]:not([data-claimline-initialized])` element is read
 * through the attribute table, marked done at once (so a second copy of the
 * script, or a second `autoInit()`, never draws it twice) and mounted; when
 * the element leaves the page its chart is destroyed (one MutationObserver
 * per document, disconnected when no embed is left).
 * Importing this module is the one side effect in claimline; in Node, with no
 * `document`, it does nothing.
 */
import { readAttributes } from "./attributes.js";
import { defineClaimlineChart } from "./element.js";
import { mountEmbed, type Embed } from "./mount.js";
import { autoFrames, whenRemoved } from "./pym.js";

export { defineClaimlineChart } from "./element.js";
export { iframe, autoFrames } from "./pym.js";
export type { Embed, ReadyDetail, ErrorDetail } from "./mount.js";

const DONE = "data-claimline-initialized";
const GUARD = Symbol.for("claimline.v1.auto");

/** Mount every un-initialised `[data-claimline]` element under `root` (default: the document). Returns the new embeds. */
export function autoInit(root?: ParentNode): Embed[] {
  const scope = root ?? (typeof document !== "undefined" ? document : null);
  if (!scope) return [];
  const embeds: Embed[] = [];
  for (const el of Array.from(scope.querySelectorAll<HTMLElement>(`[data-claimline]:not([${DONE}]):not(style):not(link):not(script)`))) {
    el.setAttribute(DONE, "");
    const embed = mountEmbed(el, readAttributes(el, "data"));
    // Taken out of the page (a live blog, a single-page app), the chart lets go of its nodes, listeners and
    // observers; put back, the element is mounted afresh by the next autoInit().
    const unwatch = whenRemoved(el, () => {
      embed.destroy();
      el.removeAttribute(DONE);
    });
    const destroy = embed.destroy;
    embed.destroy = () => {
      unwatch();
      destroy();
    };
    embeds.push(embed);
  }
  autoFrames(scope);
  return embeds;
}

function start(): void {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (typeof document === "undefined" || g[GUARD]) return;
  g[GUARD] = true;
  defineClaimlineChart();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => autoInit(), { once: true });
  else autoInit();
}

start();
