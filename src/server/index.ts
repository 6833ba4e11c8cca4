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
import { renderTable } from "../render/frame.js";
import { CSS } from "../render/styles.js";
import { isMessage, type ChartView } from "../render/view.js";

export interface RenderOptions extends Record<string, unknown> {
  /** @default "svg" */
  format?: "svg" | "html";
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
  return htmlPage(doc, chart, result, opts.title ?? (isMessage(result) ? "claimline chart" : titleOf(result)), theme, opts.locale ?? "en");
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
  const root = doc.createElement("div");
  root.setAttribute("class", `${PREFIX} ${PREFIX}-chart ${PREFIX}-${chart} ${theme}`);
  root.setAttribute("data-claimline-static", chart);
  if (isMessage(result)) {
    const p = doc.createElement("p");
    p.setAttribute("class", `${PREFIX}-message`);
    p.textContent = result.message;
    root.appendChild(p);
  } else {
    if (result.header) root.appendChild(result.header);
    root.appendChild(result.svg);
    const table = renderTable(doc, result.table);
    table.setAttribute("open", "");
    root.appendChild(table);
  }
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
${root.outerHTML}
<script>${PYM_CHILD}</script>
</body>
</html>
`;
}

/** The child side of pym.js's protocol, in a few lines: send the height on load and on every resize. */
export const PYM_CHILD = `(function(){var q=location.search.match(/[?&]childId=([^&]+)/),id=q?decodeURIComponent(q[1]):"claimline",last=-1;function send(){var h=document.documentElement.offsetHeight;if(h!==last&&window.parent!==window){last=h;window.parent.postMessage("pym"+"xPYMx"+id+"xPYMx"+"height"+"xPYMx"+h,"*")}}window.addEventListener("load",send);window.addEventListener("resize",send);if(window.ResizeObserver)new ResizeObserver(send).observe(document.body);send()})();`;
