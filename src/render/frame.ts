/**
 * The parts every chart shares around its picture: the svg root with its
 * title and description, the data table, the detail card and the in-place
 * message. All take the `document` to build in.
 */
import { wrapText, textWidth } from "../layout/text.js";
import { cls, html, PREFIX, roundAttr, safeHref, svg } from "./dom.js";
import type { Chrome } from "../prepare/chrome.js";
import type { ChartMessage, DetailSpec, TableSpec } from "./view.js";

/**
 * The headline, dek and summary line above the picture (into `header`), and the source, note and credit
 * lines below it (returned): visible text, in the live chart and in static output alike.
 */
export function renderChrome(doc: Document, header: HTMLElement, chrome: Chrome): HTMLElement {
  const top = header.firstChild;
  const add = (tag: "h2" | "p", name: string, text: string | undefined) => {
    if (text) header.insertBefore(html(doc, tag, { class: cls(name) }, null, text), top);
  };
  add("h2", "headline", chrome.headline);
  add("p", "dek", chrome.dek);
  add("p", "summary", chrome.summary);
  const footer = html(doc, "div", { class: cls("footer") });
  for (const k of ["source", "note", "credit"] as const) if (chrome[k]) html(doc, "p", { class: cls(k) }, footer, chrome[k]);
  return footer;
}

/** A note's marker ("1", "≠1") at the end of a drawn line: raised and small, like a footnote's number. */
export function footnoteMark(doc: Document, text: Element, marker: string): SVGElement {
  return svg(doc, "tspan", { class: cls("fn-mark"), dx: 2, dy: -5, "font-size": 12, "font-weight": 700 }, text, marker);
}

/** The legend's icon for a note's marker: its sign ("1", "≠") as text in the 16 × 16 icon. */
export function footnoteIcon(doc: Document, sign: string): (g: SVGGElement) => void {
  return (g) => void svg(doc, "text", { class: cls("fn-mark"), x: 0, y: 4, "text-anchor": "middle", "font-size": 12, "font-weight": 700 }, g, sign);
}

/**
 * The numbered notes under the chart (first in the footer, before the source line): a heading and a list whose
 * numbers are the markers drawn beside the marks. Text, so a page without JavaScript and a standalone SVG
 * (framedSvg) show every note and every disagreement between sources.
 */
export function renderFootnotes(doc: Document, footer: HTMLElement, notes: ReadonlyArray<{ id: string; n: number; marker: string; line: string }>, heading: string): void {
  if (!notes.length) return;
  // Folded under "Notes" in the live chart (each note is also in its mark's card, one tap away); static output opens it.
  const box = html(doc, "details", { class: cls("footnotes") });
  html(doc, "span", { class: cls("footnotes-heading") }, html(doc, "summary", undefined, box), heading);
  // A list whose items begin with their markers (hidden from assistive tech, like the markers on the chart: the words say it).
  const ul = html(doc, "ul", undefined, box);
  for (const f of notes) {
    const li = html(doc, "li", undefined, ul);
    // The space after the marker is the marker's (hidden with it), so the item is read from its first word.
    html(doc, "span", { class: cls("fn-mark"), "aria-hidden": "true" }, li, `${f.marker} `);
    li.appendChild(doc.createTextNode(f.line));
  }
  footer.insertBefore(box, footer.firstChild);
}

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

/**
 * The data table, collapsed under "Show the data" so it is one tap away and read by screen readers in full.
 * `lazy`: only the `<details>` and its summary (which says how many rows) are built; the table itself is
 * built by `fillTable` when the reader opens it (a closed `<details>` is hidden from assistive tech too, so
 * nothing is lost, and a chart of 10,000 records does not build 80,000 cells nobody has asked for).
 */
export function renderTable(doc: Document, spec: TableSpec, lazy = false, tools?: { sort: string; download: string }): HTMLDetailsElement {
  const details = html(doc, "details", { class: cls("data") });
  html(doc, "summary", undefined, details, spec.show);
  if (!lazy) fillTable(doc, details, spec, tools);
  return details;
}

/** Build the table inside a `renderTable` `<details>` (once; a second call does nothing). */
export function fillTable(doc: Document, details: HTMLDetailsElement, spec: TableSpec, tools?: { sort: string; download: string }): void {
  if (details.querySelector("table")) return;
  // Keyboard users can scroll a wide table on a phone: the region takes focus and is named by the caption.
  const scroll = html(doc, "div", { class: cls("table-scroll"), tabindex: 0, role: "region", "aria-label": spec.caption });
  const table = html(doc, "table", undefined, scroll);
  html(doc, "caption", undefined, table, spec.caption);
  const head = html(doc, "tr", undefined, html(doc, "thead", undefined, table));
  spec.columns.forEach((c, k) => {
    // Live charts sort by any column (a button in the header, aria-sort on it); static output has no buttons that do nothing.
    if (!tools) return void html(doc, "th", { scope: "col" }, head, c);
    const th = html(doc, "th", { scope: "col", "aria-sort": "none" }, head);
    html(doc, "button", { type: "button", "data-sort": k, title: tools.sort }, th, c);
  });
  if (tools) html(doc, "button", { type: "button", class: cls("download"), "data-download": "csv" }, details, tools.download);
  const body = html(doc, "tbody", undefined, table);
  for (const row of spec.rows) {
    const tr = html(doc, "tr", { "data-row": row.id }, body);
    const cells = row.cells;
    for (let i = 0; i < cells.length; i++) html(doc, i === 0 ? "th" : "td", i === 0 ? { scope: "row" } : undefined, tr, cells[i]);
  }
  // Built detached, attached once: one insertion, not one per row.
  details.appendChild(scroll);
}

/** Whether two table specs hold the same caption, columns and cells (a resize usually changes none of them). */
export function sameTable(a: TableSpec, b: TableSpec): boolean {
  if (a === b) return true;
  if (a.caption !== b.caption || a.columns.length !== b.columns.length || a.rows.length !== b.rows.length) return false;
  for (let i = 0; i < a.columns.length; i++) if (a.columns[i] !== b.columns[i]) return false;
  for (let i = 0; i < a.rows.length; i++) {
    const r = a.rows[i]!;
    const q = b.rows[i]!;
    if (r.id !== q.id || r.cells.length !== q.cells.length) return false;
    for (let j = 0; j < r.cells.length; j++) if (r.cells[j] !== q.cells[j]) return false;
  }
  return true;
}

/** Fill the detail card for one record. */
export function renderDetail(doc: Document, card: HTMLElement, spec: DetailSpec, sourcesLabel = "Sources"): void {
  card.textContent = "";
  html(doc, "h3", undefined, card, spec.heading);
  if (spec.lines.length) {
    const dl = html(doc, "dl", undefined, card);
    for (const line of spec.lines) {
      html(doc, "dt", undefined, dl, line.label);
      html(doc, "dd", undefined, dl, line.text);
    }
  }
  if (spec.quote) html(doc, "blockquote", undefined, card, spec.quote);
  if (spec.links.length) {
    const ul = html(doc, "ul", { "aria-label": sourcesLabel }, card);
    for (const link of spec.links) {
      const li = html(doc, "li", undefined, ul);
      const href = safeHref(link.href);
      if (href) html(doc, "a", { href, target: "_blank", rel: "noopener noreferrer" }, li, link.text);
      else li.textContent = link.text;
      // Every citation's own words reach the reader, not only the first quote.
      if (link.quote) html(doc, "q", undefined, li, link.quote);
      if (link.disputes) html(doc, "span", { class: cls("disputes") }, li, link.disputes);
    }
  }
}

/** A readable message where the chart would be: never a blank box. */
export function renderMessage(doc: Document, msg: ChartMessage, role: "alert" | "status" = "status", more = (n: number) => `…and ${n} more`): HTMLElement {
  const box = html(doc, "div", { class: cls("message"), role });
  html(doc, "p", undefined, box, msg.message);
  if (msg.details?.length) {
    const ul = html(doc, "ul", undefined, box);
    const shown = msg.details.slice(0, 50);
    for (const d of shown) html(doc, "li", undefined, ul, d);
    if (msg.details.length > shown.length) html(doc, "li", undefined, ul, more(msg.details.length - shown.length));
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

/**
 * A standalone SVG that carries its chrome as visible text, for pages and tools that take an SVG file alone:
 * headline, dek and summary above the picture, the legend under them, the source, note and credit lines
 * below. The picture's own `<title>`/`<desc>` stay first; its marks move into a translated group.
 */
export function framedSvg(doc: Document, view: { svg: SVGSVGElement; header?: HTMLElement; footer?: HTMLElement }): SVGSVGElement {
  const root = view.svg;
  const W = Number(root.getAttribute("width"));
  const H = Number(root.getAttribute("height"));
  const pad = 4;
  const lines: Array<{ text: string; size: number; cls: string; bold?: boolean }> = [];
  const wrap = (text: string | null | undefined, size: number, name: string, bold = false, max = 3) => {
    // 1.1: the width estimate runs a little short for real fonts at 13–20 px; a line must not run off the right edge.
    if (text) for (const t of wrapText(text, (W - 2 * pad) / 1.1, size, max, bold).lines) lines.push({ text: t, size, cls: name, bold });
  };
  const head = view.header;
  wrap(head?.querySelector(`.${PREFIX}-headline`)?.textContent, 20, "headline", true);
  wrap(head?.querySelector(`.${PREFIX}-dek`)?.textContent, 15, "dek");
  wrap(head?.querySelector(`.${PREFIX}-summary`)?.textContent, 13, "summary", false, 4);
  const top = svg(doc, "g", { class: cls("chrome") });
  let y = 0;
  for (const l of lines) {
    y += Math.round(l.size * 1.3);
    svg(doc, "text", { x: pad, y, "font-size": l.size, "font-weight": l.bold ? 700 : null, class: cls(l.cls) }, top, l.text);
  }
  // The legend: its icons (already drawn as SVG in the HTML legend) and words, flowing into rows.
  const items = Array.from(head?.querySelectorAll(`.${PREFIX}-legend li`) ?? []);
  let x = pad;
  if (items.length) y += 8;
  let rowY = y + 12;
  for (const li of items) {
    const icon = li.querySelector("svg > g");
    const label = li.querySelector("span")?.textContent ?? "";
    const w = 20 + textWidth(label, 12) * 1.06 + 14;
    if (x > pad && x + w > W - pad) (x = pad), (rowY += 20);
    const g = svg(doc, "g", { transform: `translate(${roundAttr(x + 8)},${roundAttr(rowY - 4)})`, "aria-hidden": "true" }, top);
    if (icon) g.appendChild(icon.cloneNode(true));
    // A label wider than the picture (a long one at 320 px) wraps under itself rather than running off the edge.
    const lines = w > W - 2 * pad ? wrapText(label, (W - 2 * pad - 20) / 1.1, 12, 4).lines : [label];
    lines.forEach((t, k) => svg(doc, "text", { x: roundAttr(x + 20), y: rowY + k * 15, "font-size": 12, class: cls("muted") }, top, t));
    rowY += (lines.length - 1) * 15;
    x = lines.length > 1 ? W : x + w;
  }
  if (items.length) y = rowY + 10;
  const offset = Math.ceil(y + (lines.length || items.length ? 8 : 0));
  const body = svg(doc, "g", { transform: `translate(0,${offset})` });
  for (const child of Array.from(root.childNodes)) {
    const name = (child as Element).tagName?.toLowerCase();
    if (name !== "title" && name !== "desc") body.appendChild(child);
  }
  root.appendChild(top);
  root.appendChild(body);
  let bottom = offset + H;
  for (const p of Array.from(view.footer?.querySelectorAll(`p, li, .${PREFIX}-footnotes-heading`) ?? [])) {
    // A numbered note: its marker hangs in the margin, the words wrap beside it, never cut (they carry what sources dispute).
    const mark = p.tagName.toLowerCase() === "li" ? p.querySelector(`.${PREFIX}-fn-mark`) : null;
    const marker = mark ? (mark.textContent ?? "").trim() : null;
    const words = Array.from(p.childNodes)
      .filter((n) => n !== mark)
      .map((n) => n.textContent ?? "")
      .join("")
      .trim();
    const indent = marker === null ? 0 : Math.ceil(textWidth(marker, 12, true) * 1.06) + 6;
    const head = p.classList.contains(`${PREFIX}-footnotes-heading`);
    const lines = wrapText(words, (W - 2 * pad - indent) / 1.06, 12, marker === null ? 3 : 99).lines;
    if (head) bottom += 6;
    lines.forEach((t, k) => {
      bottom += 16;
      if (marker !== null && k === 0) svg(doc, "text", { x: pad, y: bottom, "font-size": 12, "font-weight": 700, class: cls("fn-mark") }, root, marker);
      svg(doc, "text", { x: pad + indent, y: bottom, "font-size": 12, "font-weight": head ? 700 : null, class: cls("muted") }, root, t);
    });
  }
  const total = Math.ceil(bottom + 6);
  root.setAttribute("height", String(total));
  root.setAttribute("viewBox", `0 0 ${W} ${total}`);
  return root;
}
