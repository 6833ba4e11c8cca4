/**
 * Server rendering: the same chart definitions, drawn on a light DOM
 * (linkedom) instead of the browser's. `renderToString` returns the static
 * SVG, or a standalone HTML page with the chart, its data table and the
 * pym.js height messages for iframe embeds.
 */
import { parseHTML } from "linkedom";
import { chartByName } from "../charts/registry.js";
import { parseDataset } from "../model/validate.js";
import { PREFIX } from "../render/dom.js";
import { renderMessage, renderTable } from "../render/frame.js";
import { CSS } from "../render/styles.js";
import { isMessage, type ChartView } from "../render/view.js";
import { optionsToDataAttributes } from "../embed/attributes.js";

export interface RenderOptions extends Record<string, unknown> {
  /**
   * "svg": a standalone SVG; "html": a standalone page (data table, pym height
   * messages) for iframes; "fragment": a `<div data-claimline>` to put in a
   * page, readable without JavaScript and replaced in place by the live chart
   * when the script-tag bundle loads. @default "svg"
   */
  format?: "svg" | "html" | "fragment";
  /** @default 800 */
  width?: number;
}

/** The stylesheet rewritten to apply to a standalone `<svg class="claimline-v1">`. */
export function standaloneSvgCss(): string {
  return CSS.replaceAll(`:where(.${PREFIX}) svg`, `:where(svg.${PREFIX})`).replaceAll(`:where(.${PREFIX}`, `:where(svg.${PREFIX}`);
}

function newDocument(): Document {
  return parseHTML('<!doctype html><html lang="en"><head></head><body></body></html>').document as unknown as Document;
}

/** Draw `chart` (its public name) for `data` at a fixed width; returns the view or a message. */
export function drawStatic(chart: string, data: unknown, options: Record<string, unknown> = {}, doc = newDocument()) {
  const def = chartByName(chart);
  const dataset = parseDataset(data);
  const opts = def.resolveOptions({ ...options, width: options.width ?? 800 });
  return { doc, opts, result: def.draw(doc, dataset, opts, opts.width ?? 800) };
}

/** Static SVG (format "svg") or a standalone HTML page with the data table (format "html"). Throws DatasetError on bad data. */
export function renderToString(chart: string, data: unknown, options: RenderOptions = {}): string {
  const { format = "svg", ...rest } = options;
  const { doc, opts, result } = drawStatic(chart, data, rest);
  const theme = `${PREFIX}-theme-${opts.theme ?? "light"}`;
  if (format === "svg") {
    if (isMessage(result)) return messageSvg(result.message, opts.width ?? 800);
    const svg = result.svg;
    svg.setAttribute("class", `${PREFIX} ${theme} ${svg.getAttribute("class") ?? ""}`.trim());
    const style = doc.createElementNS("http://www.w3.org/2000/svg", "style");
    style.textContent = standaloneSvgCss();
    svg.insertBefore(style, svg.firstChild);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.outerHTML}\n`;
  }
  if (format === "fragment") return fragment(doc, chart, data, rest, result, theme);
  return htmlPage(doc, chart, result, opts.title ?? (isMessage(result) ? "claimline chart" : titleOf(result)), theme, opts.locale ?? "en");
}

/** JSON safe inside `<script>`: no `</script>`, `<!--` or line separators can end or bend it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * `<div data-claimline="chart" data-…><script type="application/json">data</script><div data-claimline-static>…</div></div>`:
 * the static chart and its table for readers without JavaScript; the
 * auto-embed replaces the static part with the live chart in the same element.
 */
function fragment(doc: Document, chart: string, data: unknown, options: Record<string, unknown>, result: ReturnType<typeof drawStatic>["result"], theme: string): string {
  const host = doc.createElement("div");
  host.setAttribute("data-claimline", chart);
  for (const [name, value] of optionsToDataAttributes(options)) host.setAttribute(name, value);
  const script = doc.createElement("script");
  script.setAttribute("type", "application/json");
  const root = staticRoot(doc, chart, result, theme, false);
  host.appendChild(root);
  const json = scriptJson(typeof data === "string" ? JSON.parse(data) : data);
  // linkedom would escape the script text; splice the already-safe JSON in as raw text.
  const marker = "__claimline_json__";
  script.textContent = marker;
  host.insertBefore(script, root);
  return host.outerHTML.replace(marker, () => json) + "\n";
}

function staticRoot(doc: Document, chart: string, result: ReturnType<typeof drawStatic>["result"], theme: string, openTable: boolean): HTMLElement {
  const root = doc.createElement("div");
  root.setAttribute("class", `${PREFIX} ${PREFIX}-chart ${PREFIX}-${chart} ${theme}`);
  root.setAttribute("data-claimline-static", chart);
  if (isMessage(result)) {
    const box = renderMessage(doc, result);
    root.appendChild(box);
  } else {
    if (result.header) root.appendChild(result.header);
    root.appendChild(result.svg);
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
  const doc = newDocument();
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
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.outerHTML}\n`;
}

/**
 * A standalone page for iframe embeds. It reports its height to the parent
 * with pym.js's message format (`pymxPYMx<id>xPYMxheightxPYMx<px>`), so CMSs
 * that host pym embeds take it unchanged; heights shrink as well as grow.
 */
function htmlPage(doc: Document, chart: string, result: ReturnType<typeof drawStatic>["result"], title: string, theme: string, locale: string): string {
  const root = staticRoot(doc, chart, result, theme, true);
  // A page of its own needs a level-one heading and a main landmark; the chart's summary line is visible already.
  const h1 = doc.createElement("h1");
  h1.setAttribute("class", `${PREFIX}-sr`);
  h1.textContent = title;
  root.insertBefore(h1, root.firstChild);
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return `<!doctype html>
<html lang="${esc(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>html,body{margin:0;padding:0;background:transparent}body{padding:8px}
${CSS}</style>
</head>
<body>
<main>
${root.outerHTML}
</main>
<script>${PYM_CHILD}</script>
</body>
</html>
`;
}

/** The child side of pym.js's protocol, in a few lines: send the height on load and on every resize. */
export const PYM_CHILD = `(function(){var q=location.search.match(/[?&]childId=([^&]+)/),id=q?decodeURIComponent(q[1]):"claimline",last=-1;function send(){var h=document.documentElement.offsetHeight;if(h!==last&&window.parent!==window){last=h;window.parent.postMessage("pym"+"xPYMx"+id+"xPYMx"+"height"+"xPYMx"+h,"*")}}window.addEventListener("load",send);window.addEventListener("resize",send);if(window.ResizeObserver)new ResizeObserver(send).observe(document.body);send()})();`;
