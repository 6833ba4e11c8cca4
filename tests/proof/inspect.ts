/**
 * Checks the proof tests share: strict XML well-formedness (jsdom's XML
 * parser, which follows the spec and reports errors), marks by record id,
 * numeric attributes that went NaN, the allow-lists of what claimline emits.
 */
import { JSDOM } from "jsdom";
import { CHARTS } from "../../src/charts/registry.js";
import type { ChartName } from "../../src/render/view.js";

let window_: any;
/** A spec-conforming parser window (jsdom): XML errors become a <parsererror> document. */
export function parserWindow(): any {
  window_ ??= new JSDOM("<!doctype html><html><body></body></html>").window;
  return window_;
}

/** The first well-formedness error of `markup` as XML, or null. */
export function xmlError(markup: string): string | null {
  const doc = new (parserWindow().DOMParser)().parseFromString(markup, "image/svg+xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  return err ? err.textContent || "parsererror" : null;
}

/** Parse markup the way a browser does: XML for `image/svg+xml`, HTML otherwise. */
export function parse(markup: string, type: "image/svg+xml" | "text/html"): Document {
  return new (parserWindow().DOMParser)().parseFromString(markup, type);
}

/** How many elements carry each data-id. */
export function marksById(root: Element): Map<string, number> {
  const m = new Map<string, number>();
  for (const el of Array.from(root.querySelectorAll("[data-id]"))) {
    const id = el.getAttribute("data-id")!;
    m.set(id, (m.get(id) ?? 0) + 1);
  }
  return m;
}

const GEOMETRY = new Set(["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "d", "transform", "points", "viewBox", "dx", "dy", "font-size", "stroke-width", "opacity"]);
/** Geometry attributes holding NaN, Infinity or undefined: "rect[data-id=e1] x=NaN". */
export function badGeometry(root: Element): string[] {
  const out: string[] = [];
  for (const el of [root, ...Array.from(root.querySelectorAll("*"))]) {
    for (const a of Array.from(el.attributes)) {
      if (GEOMETRY.has(a.name) && /NaN|Infinity|undefined|null/.test(a.value)) out.push(`<${el.tagName.toLowerCase()}${el.getAttribute("data-id") ? ` data-id=${el.getAttribute("data-id")}` : ""}> ${a.name}="${a.value.slice(0, 60)}"`);
    }
  }
  return out;
}

/** The records a chart draws one mark for. */
export function relevant(chart: ChartName, dataset: any): any[] {
  return chart === "figure-comparison" ? dataset.claims : chart === "timeline" ? dataset.events : dataset.promises;
}

export const CHART_LIST = Object.keys(CHARTS) as ChartName[];

/** Tags claimline emits (SVG picture, HTML frame, the server's standalone page). */
export const ALLOWED_TAGS = new Set(
  [
    // svg
    "svg", "title", "desc", "g", "rect", "circle", "ellipse", "line", "path", "polyline", "polygon", "text", "tspan", "defs", "clipPath", "style",
    // html frame, table, detail card, message, legend
    "div", "p", "span", "ul", "ol", "li", "details", "summary", "table", "caption", "thead", "tbody", "tr", "th", "td", "h2", "h3", "dl", "dt", "dd", "blockquote", "q", "a", "button", "strong", "em", "small", "abbr", "time",
    // the standalone html page: a main landmark and its level-one heading
    "html", "head", "body", "meta", "script", "main", "h1",
  ].map((t) => t.toLowerCase()),
);

/** Attribute names claimline emits. No `on*`, no `style`, no `href` other than on <a>, no xlink. */
export const ALLOWED_ATTRS = new Set([
  "xmlns", "class", "role", "width", "height", "viewbox", "font-family", "font-size", "font-weight", "id", "data-id", "data-for", "data-status", "data-checked", "dir", "data-kind", "data-row", "data-claimline-chart", "data-claimline-static", "data-qualifier", "data-subject", "data-precision", "data-lane", "data-count", "data-nav", "data-zoom",
  "aria-label", "aria-sort", "data-download", "aria-hidden", "aria-labelledby", "aria-describedby", "aria-live", "aria-controls", "aria-roledescription", "aria-expanded", "tabindex", "focusable", "hidden", "open", "scope", "colspan", "rowspan", "lang", "dir", "title",
  "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "transform", "dx", "dy", "text-anchor", "dominant-baseline", "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin", "opacity", "fill-opacity", "clip-path", "vector-effect", "paint-order", "marker-end", "pointer-events",
  "href", "target", "rel", "type", "charset", "name", "content", "datetime",
  // a server fragment's host: the chart and its options for the live chart (src/embed/attributes.ts)
  "data-claimline", "data-as-of", "data-locale", "data-theme", "data-width", "data-sort", "data-lanes", "data-orientation", "data-subject", "data-group", "data-highlight", "data-title",
]);

/** Every element and attribute of `root` that is not on the allow-lists, or that smells of script. */
export function foreignMarkup(root: Element, allowScript: (el: Element) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const el of [root, ...Array.from(root.querySelectorAll("*"))]) {
    const tag = (el.localName || el.tagName).toLowerCase();
    if (!ALLOWED_TAGS.has(tag) || (tag === "script" && !allowScript(el))) out.push(`element <${tag}>`);
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase();
      // The detail card is placed through the CSSOM (CSP-safe), which serialises as a style attribute of left/top (and max-height) only.
      const placed = name === "style" && /(^| )claimline-v1-detail( |$)/.test(el.getAttribute("class") ?? "") && /^\s*((left|top|max-height)\s*:\s*-?[\d.]+px\s*;?\s*)+$/.test(a.value);
      // Lists shown only on focus or hover are display="none" in the static picture (CSS shows them); "none" is the only value claimline sets.
      const hiddenUntilHover = name === "display" && a.value === "none";
      if ((!ALLOWED_ATTRS.has(name) && !placed && !hiddenUntilHover) || name.startsWith("on") || name.includes(":")) out.push(`attribute ${name}="${a.value.slice(0, 40)}" on <${tag}>`);
      if (name === "href" && (tag !== "a" || !/^https?:\/\//i.test(a.value))) out.push(`href ${JSON.stringify(a.value)} on <${tag}>`);
    }
  }
  return out;
}
