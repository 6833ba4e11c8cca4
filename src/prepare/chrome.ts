/**
 * The words around a chart, as a graphics desk publishes it: headline, dek,
 * the machine summary as a secondary line, and the source, note and credit
 * lines. Width-independent: built once per dataset and options.
 */
import type { ResolvedCommon } from "../model/options.js";
import type { ResolvedCitation } from "../model/resolve.js";
import type { Words } from "./messages.js";

export interface Chrome {
  headline: string;
  dek?: string;
  /** The generated plain-language summary (also the svg's `<desc>`). */
  summary: string;
  /** "Source: …" in full, ready to print. */
  source?: string;
  note?: string;
  credit?: string;
}

/**
 * `title` option, else the dataset's title, else the chart's own name; the source line from the option, else
 * from the outlets the drawn records cite (most cited first, at most six, so it stays one line on a desktop).
 */
export function prepareChrome(w: Words, o: ResolvedCommon, fallback: { title: string; datasetTitle?: string }, cited: Iterable<ResolvedCitation>, summary: string): Chrome {
  const chrome: Chrome = { headline: o.title ?? fallback.datasetTitle ?? fallback.title, summary };
  if (o.subtitle) chrome.dek = o.subtitle;
  if (o.source) chrome.source = w.t("chrome.source", { sources: o.source });
  else {
    const counts = new Map<string, number>();
    for (const c of cited) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
    const names = [...counts].sort((a, b) => b[1] - a[1]).map(([n]) => n);
    if (names.length) {
      const shown = names.slice(0, 6);
      const more = names.length - shown.length;
      const list = w.list(more ? [...shown, w.t("chrome.others", { n: more })] : shown);
      chrome.source = w.t(names.length === 1 ? "chrome.source" : "chrome.sources", { sources: list });
    }
  }
  if (o.note) chrome.note = w.t("chrome.note", { note: o.note });
  if (o.credit) chrome.credit = w.t("chrome.credit", { credit: o.credit });
  return chrome;
}
