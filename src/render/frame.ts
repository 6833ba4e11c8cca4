/**
 * The parts every chart shares around its picture: the svg root with its
 * title and description, the data table, the detail card and the in-place
 * message. All take the `document` to build in.
 */
import { cls, html, safeHref, svg } from "./dom.js";
import type { ChartMessage, DetailSpec, TableSpec } from "./view.js";

/** `<svg role="img">` sized to the layout, with `<title>` and `<desc>` first. */
export function svgRoot(doc: Document, o: { width: number; height: number; title: string; desc: string; className?: string }): SVGSVGElement {
  const root = svg(doc, "svg", {
    xmlns: "http://www.w3.org/2000/svg",
    class: cls("svg", o.className ?? ""),
    role: "img",
    width: Math.round(o.width),
    height: Math.round(o.height),
    viewBox: `0 0 ${Math.round(o.width)} ${Math.round(o.height)}`,
    "font-family": "system-ui, sans-serif",
  });
  svg(doc, "title", undefined, root, o.title);
  svg(doc, "desc", undefined, root, o.desc);
  return root;
}

/** The data table, collapsed under "Show the data" so it is one tap away and read by screen readers in full. */
export function renderTable(doc: Document, spec: TableSpec): HTMLDetailsElement {
  const details = html(doc, "details", { class: cls("data") });
  html(doc, "summary", undefined, details, `Show the data (${spec.rows.length} ${spec.rows.length === 1 ? "row" : "rows"})`);
  const scroll = html(doc, "div", { class: cls("table-scroll") }, details);
  const table = html(doc, "table", undefined, scroll);
  html(doc, "caption", undefined, table, spec.caption);
  const head = html(doc, "tr", undefined, html(doc, "thead", undefined, table));
  for (const c of spec.columns) html(doc, "th", { scope: "col" }, head, c);
  const body = html(doc, "tbody", undefined, table);
  for (const row of spec.rows) {
    const tr = html(doc, "tr", { "data-row": row.id }, body);
    row.cells.forEach((cell, i) => html(doc, i === 0 ? "th" : "td", i === 0 ? { scope: "row" } : undefined, tr, cell));
  }
  return details;
}

/** Fill the detail card for one record. */
export function renderDetail(doc: Document, card: HTMLElement, spec: DetailSpec): void {
  card.textContent = "";
  html(doc, "h3", undefined, card, spec.heading);
  if (spec.lines.length) {
    const dl = html(doc, "dl", undefined, card);
    for (const line of spec.lines) {
      html(doc, "dt", undefined, dl, line.label);
      html(doc, "dd", undefined, dl, line.text);
    }
  }
  if (spec.quote) html(doc, "blockquote", undefined, card, `“${spec.quote}”`);
  if (spec.links.length) {
    const ul = html(doc, "ul", { "aria-label": "Sources" }, card);
    for (const link of spec.links) {
      const li = html(doc, "li", undefined, ul);
      const href = safeHref(link.href);
      if (href) html(doc, "a", { href, target: "_blank", rel: "noopener noreferrer" }, li, link.text);
      else li.textContent = link.text;
    }
  }
}

/** A readable message where the chart would be: never a blank box. */
export function renderMessage(doc: Document, msg: ChartMessage, role: "alert" | "status" = "status"): HTMLElement {
  const box = html(doc, "div", { class: cls("message"), role });
  html(doc, "p", undefined, box, msg.message);
  if (msg.details?.length) {
    const ul = html(doc, "ul", undefined, box);
    const shown = msg.details.slice(0, 50);
    for (const d of shown) html(doc, "li", undefined, ul, d);
    if (msg.details.length > shown.length) html(doc, "li", undefined, ul, `…and ${msg.details.length - shown.length} more`);
  }
  return box;
}

/** A legend entry list (HTML, wraps on narrow screens). Each item draws its symbol into a 16×16 svg. */
export function renderLegend(doc: Document, items: Array<{ label: string; draw(g: SVGGElement): void }>, label = "Legend"): HTMLUListElement {
  const ul = html(doc, "ul", { class: cls("legend"), "aria-label": label });
  for (const item of items) {
    const li = html(doc, "li", undefined, ul);
    const icon = svg(doc, "svg", { width: 16, height: 16, viewBox: "-8 -8 16 16", "aria-hidden": "true" }, li);
    item.draw(svg(doc, "g", undefined, icon));
    html(doc, "span", undefined, li, item.label);
  }
  return ul;
}
