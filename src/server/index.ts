/**
 * Server rendering: the same chart definitions, drawn on a light DOM
 * (src/render/lightDom.ts, claimline's own) instead of the browser's. `renderToString` returns the static
 * SVG, or a standalone HTML page with the chart, its data table and the
 * pym.js height messages for iframe embeds.
 */
import { createHash } from "node:crypto";
import { chartByName } from "../charts/registry.js";
// Static output is written in one pass: every shipped language is registered up front.
import "../locales/all.js";
import { parseDataset } from "../model/validate.js";
import { PREFIX } from "../render/dom.js";
import { framedSvg, renderMessage, renderTable } from "../render/frame.js";
import { lightDocument } from "../render/lightDom.js";
import { CSS, NARROW_BELOW } from "../render/styles.js";
import { isMessage, type ChartMessage, type ChartName, type ChartView } from "../render/view.js";
import { resolveDataset } from "../model/resolve.js";
import { optionsToDataAttributes } from "../embed/attributes.js";
import type { FigureComparisonInput } from "../charts/figureComparison.js";
import type { PromiseTrackerOptions } from "../charts/promiseTracker.js";
import type { TimelineOptions } from "../charts/timeline.js";
import type { Dataset } from "../model/types.js";

/**
 * What `renderToString` takes as data: a dataset (any list may be missing),
 * parsed JSON or its text. Validation checks every field; this type only
 * catches the shape (`{ events: "nope" }` does not compile).
 */
export type DatasetInput =
  | Dataset
  | string
  | { version?: number; title?: string; asOf?: string; sources?: readonly object[]; actors?: readonly object[]; events?: readonly object[]; claims?: readonly object[]; promises?: readonly object[] };

/** Each chart's options, by its public name. */
export interface ChartOptionsByName {
  "figure-comparison": FigureComparisonInput;
  timeline: TimelineOptions;
  "promise-tracker": PromiseTrackerOptions;
}

export interface RenderOptions {
  /**
   * "svg": a standalone SVG; "html": a standalone page (data table, pym height
   * messages) for iframes; "fragment": a `<div data-claimline>` to put in a
   * page, readable without JavaScript and replaced in place by the live chart
   * when the script-tag bundle loads. @default "svg"
   */
  format?: "svg" | "html" | "fragment";
  /**
   * The drawing's width. Formats "html" and "fragment" wider than 480 px also carry the chart drawn at 288 px,
   * shown instead in a box narrower than 480 px, so a page framed on a phone is not a shrunken drawing (NARROW).
   * @default 800
   */
  width?: number;
  /**
   * format "html": link the page's stylesheet and height script from these
   * URLs (write their text from `pageAssets()`) instead of inlining them, so
   * the page works under `Content-Security-Policy: default-src 'self'`.
   * @default inline (allow it with `pageCspSources()` or `nonce`)
   */
  assets?: { css: string; script: string };
  /** format "html", inline: `nonce="…"` on the page's `<style>` and `<script>`, for a CSP with `'nonce-…'`. */
  nonce?: string;
}

/** A chart's options plus the output options. */
export type RenderToStringOptions<C extends ChartName> = ChartOptionsByName[C] & RenderOptions;

/** The stylesheet rewritten to apply to a standalone `<svg class="claimline-v1">`. */
export function standaloneSvgCss(): string {
  return CSS.replaceAll(`:where(.${PREFIX}) svg`, `:where(svg.${PREFIX})`).replaceAll(`:where(.${PREFIX}`, `:where(svg.${PREFIX}`);
}

/**
 * The DOM the server draws on: claimline's own small one (render/lightDom.ts), so `claimline/server` needs
 * no other package, and a cold render does not load ~100 files of a general-purpose DOM. It writes the same
 * markup linkedom did, byte for byte (tests/server/lightDom.test.ts holds the two to that).
 */
let makeDocument: () => Document = lightDocument;
/** Draw on another DOM from now on (tests compare the output on linkedom with this one's). @internal */
export function useDocument(make: () => Document): void {
  makeDocument = make;
}

/**
 * The width of the narrow drawing a static page or fragment carries beside the wide one, and the width of the
 * frame below which it is shown instead (a 800 px drawing shrunk into a 320 px frame has 5 px text; this one is
 * drawn for a phone: 320 px less 16 px margins, so it is never shrunk there). A drawing already narrow gets no second one.
 */
export const NARROW = { width: 288, below: NARROW_BELOW };

/**
 * Draw `chart` (its public name) for `data` at a fixed width; returns the view or a message, and with
 * `narrow`, the same prepared words drawn again at NARROW.width (null when the first is narrow already).
 */
export function drawStatic(chart: string, data: unknown, options: Record<string, unknown> = {}, doc = makeDocument(), narrow = false) {
  const def = chartByName(chart);
  const dataset = parseDataset(data);
  const opts = def.resolveOptions({ ...options, width: options.width ?? 800 });
  const width = opts.width ?? 800;
  // Prepared once (every word, width-independent), laid out and rendered per width, as the live chart does on resize.
  const prepared = def.prepare(resolveDataset(dataset), opts);
  if (isMessage(prepared as ChartView | ChartMessage)) return { doc, opts, result: prepared as ChartMessage, narrow: null };
  const result = def.draw(doc, prepared, opts, width);
  const small = narrow && !isMessage(result) && width > NARROW.below ? def.draw(doc, prepared, opts, NARROW.width) : null;
  return { doc, opts, result, narrow: small && !isMessage(small) ? small : null };
}

/**
 * Static SVG (format "svg"), a standalone HTML page with the data table
 * (format "html") or a server fragment (format "fragment"). Each chart name
 * takes only that chart's options. Throws DatasetError on bad data.
 */
export function renderToString<C extends ChartName>(chart: C, data: DatasetInput, options?: RenderToStringOptions<C>): string;
export function renderToString(chart: string, data: unknown, options: RenderOptions & Record<string, unknown> = {}): string {
  const { format = "svg", assets, nonce, ...rest } = options;
  const { doc, opts, result, narrow } = drawStatic(chart, data, rest, undefined, format !== "svg");
  const theme = `${PREFIX}-theme-${opts.theme ?? "light"}`;
  if (format === "svg") {
    if (isMessage(result)) return messageSvg(result.message, opts.width ?? 800);
    // A file on its own carries its headline, legend and source line as visible text.
    const svg = framedSvg(doc, result);
    svg.setAttribute("class", `${PREFIX} ${theme} ${svg.getAttribute("class") ?? ""}`.trim());
    const style = doc.createElementNS("http://www.w3.org/2000/svg", "style");
    style.textContent = standaloneSvgCss();
    svg.insertBefore(style, svg.firstChild);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(svg)}\n`;
  }
  if (format === "fragment") return fragment(doc, chart, data, rest, result, narrow, theme);
  if (format !== "html") throw new Error(`renderToString: format must be "svg", "html" or "fragment", got ${JSON.stringify(format)}`);
  const title = opts.title ?? (isMessage(result) ? "claimline chart" : titleOf(result));
  return htmlPage(doc, chart, result, narrow, title, theme, opts.locale ?? "en", { assets, nonce });
}

/**
 * JSON safe inside `<script>`: no `</script>`, `<!--` or line separators can
 * end or bend it, and no character the markup cannot carry (U+FFFE/U+FFFF are
 * escaped too; JSON.stringify already escapes controls and lone surrogates),
 * so the data reaches the live chart exactly.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")
    .replace(/\uFFFE/g, "\\ufffe")
    .replace(/\uFFFF/g, "\\uffff");
}

/**
 * `<div data-claimline="chart" data-…><script type="application/json">data</script><div data-claimline-static>…</div></div>`:
 * the static chart and its table for readers without JavaScript; the
 * auto-embed replaces the static part with the live chart in the same element.
 */
function fragment(doc: Document, chart: string, data: unknown, options: Record<string, unknown>, result: Drawn["result"], narrow: Drawn["narrow"], theme: string): string {
  const host = doc.createElement("div");
  host.setAttribute("data-claimline", chart);
  for (const [name, value] of optionsToDataAttributes(options)) host.setAttribute(name, value);
  const script = doc.createElement("script");
  script.setAttribute("type", "application/json");
  const root = staticRoot(doc, chart, result, narrow, theme, false);
  host.appendChild(root);
  const json = scriptJson(typeof data === "string" ? JSON.parse(data) : data);
  // Raw text in a <script>: scriptJson has no "<" at all, so nothing in the data can close it.
  script.textContent = json;
  host.insertBefore(script, root);
  return serializeHtml(host) + "\n";
}

type Drawn = ReturnType<typeof drawStatic>;

/**
 * The static chart: headline, picture and source lines, then the data table (one). With a narrow drawing, two
 * copies of the first three: the wide ones marked `claimline-v1-wide`, the narrow ones in a `claimline-v1-narrow`
 * box (`hidden`, so a page without the stylesheet shows the wide one alone); the stylesheet shows the narrow ones
 * instead in a box under NARROW.below px (a container query, or the viewport where those are missing). Only one is
 * ever displayed, so only one is in the accessibility tree, and a frame's height is the one shown. No element ids.
 */
function staticRoot(doc: Document, chart: string, result: Drawn["result"], narrow: Drawn["narrow"], theme: string, openTable: boolean): HTMLElement {
  const root = doc.createElement("div");
  root.setAttribute("class", `${PREFIX} ${PREFIX}-chart ${PREFIX}-${chart} ${theme}`);
  root.setAttribute("data-claimline-static", chart);
  if (!isMessage(result) && result.words) root.setAttribute("dir", result.words.dir);
  if (isMessage(result)) {
    const box = renderMessage(doc, result);
    root.appendChild(box);
  } else {
    const picture = (v: ChartView, into: HTMLElement) => {
      if (v.header) into.appendChild(v.header);
      into.appendChild(v.svg);
      if (v.footer) into.appendChild(v.footer);
      // Without JavaScript the notes are read here, not in a card: open.
      v.footer?.querySelector(`.${PREFIX}-footnotes`)?.setAttribute("open", "");
    };
    picture(result, root);
    if (narrow) {
      // The wide parts stay where a reader of the markup looks for them (`[data-claimline-static] > svg`), marked.
      for (const el of [result.header, result.svg, result.footer]) el?.classList.add(`${PREFIX}-wide`);
      const small = doc.createElement("div");
      small.setAttribute("class", `${PREFIX}-narrow`);
      small.setAttribute("hidden", "");
      picture(narrow, small);
      root.appendChild(small);
    }
    const table = renderTable(doc, result.table);
    if (openTable) table.setAttribute("open", "");
    root.appendChild(table);
  }
  return root;
}

function titleOf(view: ChartView): string {
  return view.svg.querySelector("title")?.textContent ?? "claimline chart";
}

function messageSvg(message: string, width: number): string {
  const doc = makeDocument();
  const svg = doc.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", "60");
  svg.setAttribute("role", "img");
  const text = doc.createElementNS("http://www.w3.org/2000/svg", "text");
  text.setAttribute("x", "8");
  text.setAttribute("y", "30");
  text.setAttribute("font-family", "system-ui, sans-serif");
  text.textContent = message;
  svg.appendChild(text);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(svg)}\n`;
}

/** The page's own stylesheet: no margins (the iframe is sized to the page), then claimline's. */
function pageCss(): string {
  return `html,body{margin:0;padding:0;background:transparent}body{padding:8px}\n${CSS}`;
}

/**
 * The stylesheet and script a standalone page uses, as file names and text:
 * write them beside pages rendered with `assets: { css: "claimline-page.css",
 * script: "claimline-pym.js" }` (the CLI does). One pair serves every page.
 */
export function pageAssets(): { css: { name: string; text: string }; script: { name: string; text: string } } {
  return { css: { name: "claimline-page.css", text: pageCss() }, script: { name: "claimline-pym.js", text: PYM_CHILD } };
}

/**
 * CSP sources that allow a page rendered with inline assets (the default):
 * `{ style: "'sha256-…'", script: "'sha256-…'" }`, for
 * `style-src 'self' <style>; script-src 'self' <script>`. The same for every page.
 */
export function pageCspSources(): { style: string; script: string } {
  const hash = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
  return { style: hash(pageCss()), script: hash(PYM_CHILD) };
}

/**
 * A standalone page for iframe embeds. It reports its height to the parent
 * with pym.js's message format (`pymxPYMx<id>xPYMxheightxPYMx<px>`), so CMSs
 * that host pym embeds take it unchanged; heights shrink as well as grow.
 * Its stylesheet and script are linked (`assets`) or inline (allowed by hash
 * or `nonce`): a page under `default-src 'self'` runs no inline code.
 */
function htmlPage(
  doc: Document,
  chart: string,
  result: Drawn["result"],
  narrow: Drawn["narrow"],
  title: string,
  theme: string,
  locale: string,
  page: { assets?: { css: string; script: string } | undefined; nonce?: string | undefined },
): string {
  // The table closed, as everywhere: a frame reports the chart's height, not 2,000–6,900 px of table.
  const root = staticRoot(doc, chart, result, narrow, theme, false);
  // A page of its own needs a level-one heading and a main landmark; the chart's summary line is visible already.
  const h1 = doc.createElement("h1");
  h1.setAttribute("class", `${PREFIX}-sr`);
  h1.textContent = title;
  root.insertBefore(h1, root.firstChild);
  const esc = (s: string) => escapeAttr(s, false);
  const nonce = page.nonce !== undefined ? ` nonce="${esc(page.nonce)}"` : "";
  const style = page.assets ? `<link rel="stylesheet" href="${esc(page.assets.css)}">` : `<style${nonce}>${pageCss()}</style>`;
  const script = page.assets ? `<script src="${esc(page.assets.script)}"></script>` : `<script${nonce}>${PYM_CHILD}</script>`;
  return `<!doctype html>
<html lang="${esc(locale)}" dir="${isMessage(result) ? "ltr" : (result.words?.dir ?? "ltr")}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
${style}
</head>
<body>
<main>
${serializeHtml(root)}
</main>
${script}
</body>
</html>
`;
}

/** The child side of pym.js's protocol, in a few lines: send the height on load and on every resize. */
export const PYM_CHILD = `(function(){var q=location.search.match(/[?&]childId=([^&]+)/),id=q?decodeURIComponent(q[1]):"claimline",last=-1;function send(){var h=document.documentElement.offsetHeight;if(h!==last&&window.parent!==window){last=h;window.parent.postMessage("pym"+"xPYMx"+id+"xPYMx"+"height"+"xPYMx"+h,"*")}}window.addEventListener("load",send);window.addEventListener("resize",send);if(window.ResizeObserver)new ResizeObserver(send).observe(document.body);send()})();`;

// ---------------------------------------------------------------- serialisation

/*
 * linkedom's outerHTML leaves "<" and "&" unescaped in attribute values and
 * keeps characters XML cannot carry, so the server writes markup itself: a
 * walk over the tree, one string pushed per token.
 *
 * The rule for characters XML 1.0 cannot hold at all (C0 controls other than
 * tab, LF and CR; U+FFFE and U+FFFF; lone surrogates): each becomes U+FFFD,
 * the replacement character, in every format. XML has no escape for them;
 * an HTML parser drops NUL and flags the others as parse errors, and a lone
 * surrogate cannot be written as UTF-8 at all. A visible U+FFFD keeps the
 * reader's text honest that something was there (and words do not run
 * together), where silently removing it would not. All other text is kept.
 */

const HTML_NAMESPACE = "http://www.w3.org/1999/xhtml";
/** Characters XML 1.0 cannot carry, even escaped. */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen", "param"]);
/** HTML elements whose text the HTML parser reads raw (no entities, ends only at the end tag). */
const RAW_TEXT = new Set(["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]);

/** `s` with every XML-illegal character replaced by U+FFFD. */
export function replaceIllegal(s: string): string {
  return s.replace(XML_ILLEGAL, "\uFFFD");
}

const TEXT_XML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };
const ATTR_XML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };
const TEXT_HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const ATTR_HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text content, escaped: for XML (CR kept as a reference, or the parser would fold it) or HTML. */
export function escapeText(s: string, xml: boolean): string {
  return replaceIllegal(s).replace(xml ? /[&<>\r]/g : /[&<>]/g, (c) => (xml ? TEXT_XML : TEXT_HTML)[c]!);
}

/** A double-quoted attribute value, escaped: for XML (whitespace kept as references, or attribute normalisation turns it into spaces) or HTML. */
export function escapeAttr(s: string, xml: boolean): string {
  return replaceIllegal(s).replace(xml ? /[&<>"\t\n\r]/g : /[&<>"]/g, (c) => (xml ? ATTR_XML : ATTR_HTML)[c]!);
}

/** Well-formed XML for an element tree: escaped text and attributes, empty elements self-closed, namespaces declared where they change. */
export function serializeXml(node: Node): string {
  const out: string[] = [];
  writeXml(node, "", out);
  return out.join("");
}

function writeXml(node: Node, inherited: string, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(escapeText((node as Text).data, true));
    return;
  }
  if (node.nodeType !== 1) return; // comments, processing instructions: claimline emits none
  const el = node as Element;
  const name = el.localName;
  const ns = el.namespaceURI ?? "";
  out.push("<", name);
  let declared = false;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i]!;
    if (a.name === "xmlns") {
      if (a.value !== ns && ns) continue; // a stray xmlns that contradicts the element: the real one is written below
      declared = true;
    }
    out.push(" ", a.name, '="', escapeAttr(a.value, true), '"');
  }
  if (!declared && ns && ns !== inherited) out.push(' xmlns="', escapeAttr(ns, true), '"');
  const first = el.firstChild;
  if (!first) {
    out.push("/>");
    return;
  }
  out.push(">");
  for (let c: Node | null = first; c; c = c.nextSibling) writeXml(c, ns, out);
  out.push("</", name, ">");
}

/** HTML for an element tree, as the HTML parser reads it back: void elements without end tags, raw text only for claimline's own script and style text. */
export function serializeHtml(node: Node): string {
  const out: string[] = [];
  writeHtml(node, out);
  return out.join("");
}

function writeHtml(node: Node, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(escapeText((node as Text).data, false));
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  const html = el.namespaceURI === HTML_NAMESPACE || !el.namespaceURI;
  const name = html ? el.localName.toLowerCase() : el.localName;
  out.push("<", name);
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i]!;
    // In HTML, an svg's namespace comes from where it stands; an xmlns attribute is allowed but carries nothing.
    out.push(" ", a.name, '="', escapeAttr(a.value, false), '"');
  }
  if (html && VOID.has(name)) {
    out.push(">");
    return;
  }
  const first = el.firstChild;
  if (!html && !first) {
    // Foreign (svg) elements may self-close in HTML.
    out.push("/>");
    return;
  }
  out.push(">");
  if (html && RAW_TEXT.has(name)) {
    // Raw text is never data: it is claimline's stylesheet or JSON made safe by scriptJson. Refuse anything that could end the element early.
    const text = replaceIllegal(el.textContent ?? "");
    if (new RegExp(`</${name}|<!--`, "i").test(text)) throw new Error(`claimline: <${name}> text would end the element early`);
    out.push(text);
  } else for (let c: Node | null = first; c; c = c.nextSibling) writeHtml(c, out);
  out.push("</", name, ">");
}
