/**
 * Figure comparison as SVG: per panel the grid, the agreement band, the axis,
 * then one `<g data-id>` per claim with its labels and its mark. Each
 * qualifier has its own shape (solid dot, dot in a dashed ring, dot with an
 * open arrow, bar), and its words are on the label, so neither colour nor
 * shape alone carries the meaning.
 */
import type { FigureLayout, FigureMark, FigurePanel, FigureRow, TextItem } from "../layout/figureComparison.js";
import type { Qualifier } from "../model/types.js";
import { cls, html, svg } from "./dom.js";
import { footnoteIcon, footnoteMark, renderChrome, renderFootnotes, renderLegend, svgRoot } from "./frame.js";
import { LEAN_MARKS, markName, type ChartView, type DetailSpec } from "./view.js";

const R = 4.5;

export function renderFigureComparison(doc: Document, layout: FigureLayout): ChartView {
  const P = layout.prepared;
  const summary = P.chrome.summary;
  const root = svgRoot(doc, { width: layout.width, height: layout.height, title: P.chrome.headline, desc: summary, className: "figure-comparison" });
  const details = new Map<string, DetailSpec>();
  // A dense comparison's rows are drawn lean: named by the handle when reached (see LEAN_MARKS).
  const lean = layout.order.length > LEAN_MARKS;
  const names = new Map<string, string>();

  for (const panel of layout.panels) {
    const g = svg(doc, "g", { class: cls("fc-panel") }, root);
    renderPanelGround(doc, panel, layout.width, g);
    // 2. One group per claim: focus area, guide, mark, labels.
    for (const row of panel.rows) {
      const rg = renderRow(doc, row, layout.width, g, lean);
      if (lean) names.set(row.id, row.entry.name);
      svg(doc, "line", { class: cls("fc-guide"), x1: panel.plot.x0, x2: panel.plot.x1, y1: row.mark.y, y2: row.mark.y }, rg);
      renderMark(doc, row.mark, svg(doc, "g", { class: cls("fc-mark", `fc-${row.mark.kind}`), "aria-hidden": "true" }, rg));
      details.set(row.id, row.entry.detail);
    }
  }
  // 3. Subjects with one claim: a list without an axis, each line one mark with the qualifier's shape.
  if (layout.singles) {
    const g = svg(doc, "g", { class: cls("fc-singles") }, root);
    const labels = svg(doc, "g", { class: cls("fc-labels") }, g);
    for (const t of layout.singles.texts) renderText(doc, t, labels);
    for (const row of layout.singles.rows) {
      const left = row.left ?? 0;
      if (row.highlight) svg(doc, "rect", { class: cls("fc-highlight-bg"), x: left + 0.5, y: row.top, width: (row.width ?? layout.width) - 1, height: row.height, rx: 3, "aria-hidden": "true" }, g);
      if (row.top > layout.singles.rows[0]!.top) svg(doc, "line", { class: cls("fc-list-rule"), x1: left, x2: left + (row.width ?? layout.width), y1: row.top - 1, y2: row.top - 1, "aria-hidden": "true" }, g);
      const rg = renderRow(doc, row, layout.width, g, lean, SINGLE_ORDER);
      if (lean) names.set(row.id, row.entry.name);
      LEGEND[row.claim.qualifier](doc, svg(doc, "g", { class: cls("fc-mark", `fc-${row.mark.kind}`), transform: `translate(${row.mark.x},${row.mark.y})`, "aria-hidden": "true" }, rg));
      details.set(row.id, row.entry.detail);
    }
  }

  // 4. The legend explains only the marks drawn.
  const header = html(doc, "div", { class: cls("header") });
  const footer = renderChrome(doc, header, P.chrome);
  renderFootnotes(doc, footer, P.footnotes, P.words.t("fn.heading", { n: P.footnotes.length }));
  const icon = (key: (typeof P.legend)[number]["key"]) => (key === "fn:note" ? footnoteIcon(doc, P.words.fmt.number(1)) : key === "fn:differ" ? footnoteIcon(doc, "≠") : (g: SVGGElement) => LEGEND[key](doc, g));
  if (P.legend.length) header.appendChild(renderLegend(doc, P.legend.map((l) => ({ label: l.label, draw: icon(l.key) })), P.words.t("fc.legendLabel")));

  return { svg: root, summary, table: P.table, details, order: layout.order, ...(lean ? { names } : {}), header, footer, words: P.words };
}

/** A panel's highlight, grid, band, zero line, axis (with its break when zero is left out), heading, notes and ticks. */
function renderPanelGround(doc: Document, panel: FigurePanel, width: number, g: SVGGElement): void {
  const { x0, x1, y0, y1 } = panel.plot;
  for (const row of panel.rows) if (row.highlight) svg(doc, "rect", { class: cls("fc-highlight-bg"), x: 0.5, y: row.top, width: width - 1, height: row.height, rx: 3, "aria-hidden": "true" }, g);
  const grid = svg(doc, "g", { class: cls("grid"), "aria-hidden": "true" }, g);
  for (const t of panel.ticks) svg(doc, "line", { x1: t.x, x2: t.x, y1: y0, y2: panel.axisY }, grid);
  if (panel.band) {
    const b = panel.band;
    const w = Math.max(3, b.x1 - b.x0);
    const band = svg(doc, "g", { class: cls("fc-band"), "aria-hidden": "true" }, g);
    svg(doc, "rect", { x: b.x1 - b.x0 < 3 ? b.x0 - 1.5 : b.x0, y: y0, width: w, height: y1 - y0 }, band);
    // Outlined top and bottom (3:1 against the page in both themes); the ends are the claims' own edges, dashed when open.
    for (const y of [y0, y1]) svg(doc, "line", { class: cls("fc-band-edge"), x1: b.x0, x2: b.x0 + w, y1: y, y2: y }, band);
    for (const edge of [b.lo, b.hi]) if (edge) svg(doc, "line", { class: cls("fc-band-edge", edge.open ? "fc-open" : ""), x1: edge.x, x2: edge.x, y1: y0, y2: y1 }, band);
  }
  if (panel.bandKey) svg(doc, "rect", { class: cls("fc-band-key"), x: panel.bandKey.x - 6, y: panel.bandKey.y - 6, width: 12, height: 12, "aria-hidden": "true" }, g);
  if (panel.zeroX !== undefined) svg(doc, "line", { class: cls("fc-zero"), x1: panel.zeroX, x2: panel.zeroX, y1: y0, y2: panel.axisY, "aria-hidden": "true" }, g);
  svg(doc, "line", { class: cls("fc-axis-line"), x1: x0, x2: x1, y1: panel.axisY, y2: panel.axisY, "aria-hidden": "true" }, g);
  if (panel.broken) {
    // Two slanted strokes across the axis start: the scale does not begin at zero.
    const bx = x0 + 2;
    const brk = svg(doc, "g", { class: cls("fc-break"), "aria-hidden": "true" }, g);
    svg(doc, "rect", { x: bx - 1, y: panel.axisY - 6, width: 7, height: 12 }, brk);
    for (const dx of [0, 5]) svg(doc, "line", { x1: bx + dx - 2, x2: bx + dx + 2, y1: panel.axisY + 5, y2: panel.axisY - 5 }, brk);
  }
  // Heading and notes are read; the axis is not (the table carries every value).
  const labels = svg(doc, "g", { class: cls("fc-labels") }, g);
  const axisText = svg(doc, "g", { class: cls("fc-labels"), "aria-hidden": "true" }, g);
  // The lines of one heading or note are one <text> (a tspan per line), so it is read as one sentence, not in pieces.
  let run: { role: string; el: Element } | undefined;
  for (const t of panel.texts) {
    const hidden = t.role === "tick" || t.role === "caption";
    if (!hidden && run?.role === t.role) {
      run.el.appendChild(doc.createTextNode(" "));
      svg(doc, "tspan", { x: t.x, y: t.y }, run.el, t.text);
      continue;
    }
    const el = renderText(doc, t, hidden ? axisText : labels);
    run = hidden ? undefined : { role: t.role, el };
  }
}

/** A claim's group (its focus rect covers the whole row: the touch target) and, beside it, its words tied by `data-for`. */
function renderRow(doc: Document, row: FigureRow, width: number, parent: SVGGElement, lean: boolean, order = READ_ORDER): SVGGElement {
  const c = row.claim;
  const texts = [...row.texts].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  const state = [row.highlight ? "fc-highlight" : "", row.flag ? `fc-flag-${row.flag}` : "", row.entry.superseded ? "fc-superseded" : ""];
  const rg = svg(doc, "g", { class: cls("fc-row", ...state), "data-id": row.id, "data-qualifier": c.qualifier, ...markName(row.entry.name, lean) }, parent);
  svg(doc, "rect", { class: cls("focus"), x: (row.left ?? 0) + 1, y: row.top, width: (row.width ?? width) - 2, height: row.height, rx: 3 }, rg);
  // The row's words beside its mark, hidden from assistive tech (the name says them in full, the same at every
  // width) and tied to the row by `data-for`, so a tap on them opens the row's card.
  const tg = svg(doc, "g", { class: cls("fc-row-text", state[0]!, state[2]!), "data-for": row.id, "aria-hidden": "true" }, parent);
  for (const t of texts) renderText(doc, t, tg, false, t.role === "value" ? row.entry.marker : undefined);
  return rg;
}

/** The order a row's labels are read in: who, what figure, where and when reported, the editor's note. */
const READ_ORDER: TextItem["role"][] = ["claimant", "value", "meta", "updated", "annotation"];
/** A single-claim line: what is counted, the figure, who said it, where and when. */
const SINGLE_ORDER: TextItem["role"][] = ["subject", "value", "claimant", "meta", "updated", "annotation"];

/** A label; a cut one carries its full text in a `<title>` unless `title` is false. A figure's note `marker` (after a word joiner) is drawn raised and small. */
function renderText(doc: Document, t: TextItem, parent: Element, title = true, marker?: string): Element {
  const cut = marker && t.text.endsWith(`\u2060${marker}`) ? t.text.length - marker.length - 1 : -1;
  const el = svg(doc, "text", { x: t.x, y: t.y, "text-anchor": t.anchor === "start" ? null : t.anchor, class: cls(`fc-${t.role}`) }, parent, cut < 0 ? t.text : t.text.slice(0, cut));
  if (cut >= 0) footnoteMark(doc, el, marker!);
  if (t.full && title) svg(doc, "title", undefined, el, t.full);
  return el;
}

/** A qualifier's shape. Arrowheads are open chevrons: the claim runs on past the axis end. */
function renderMark(doc: Document, m: FigureMark, g: SVGGElement): void {
  const { x, y } = m;
  const dot = (cx: number, open = false) => svg(doc, "circle", { class: cls(open ? "fc-hollow" : "fc-dot"), cx, cy: y, r: R }, g);
  const arrow = (tip: number, dir: 1 | -1) => {
    svg(doc, "line", { class: cls("fc-stem"), x1: x + dir * R, x2: tip, y1: y, y2: y }, g);
    svg(doc, "path", { class: cls("fc-arrow"), d: `M${tip - dir * 7},${y - 5}L${tip},${y}L${tip - dir * 7},${y + 5}` }, g);
  };
  switch (m.kind) {
    case "about":
      svg(doc, "circle", { class: cls("fc-ring"), cx: x, cy: y, r: R + 4 }, g);
      dot(x);
      break;
    case "floor":
      arrow(m.x2!, 1);
      dot(x, m.open);
      break;
    case "ceiling":
      arrow(m.x2!, -1);
      dot(x, m.open);
      break;
    case "range":
      svg(doc, "rect", { class: cls("fc-bar"), x, y: y - 3, width: Math.max(1, m.x2! - x), height: 6, rx: 1 }, g);
      for (const e of [x, m.x2!]) svg(doc, "line", { class: cls("fc-cap"), x1: e, x2: e, y1: y - 7, y2: y + 7 }, g);
      if (m.xValue !== undefined) dot(m.xValue);
      break;
    default:
      dot(x);
  }
}


const legendArrow = (doc: Document, g: SVGGElement, dir: 1 | -1, open: boolean) => {
  svg(doc, "line", { class: cls("fc-stem"), x1: -4 * dir, x2: 7 * dir, y1: 0, y2: 0 }, g);
  svg(doc, "path", { class: cls("fc-arrow"), d: `M${3 * dir},-4L${7 * dir},0L${3 * dir},4` }, g);
  svg(doc, "circle", { class: cls(open ? "fc-hollow" : "fc-dot"), cx: -4 * dir, cy: 0, r: 3.5 }, g);
};
const LEGEND: Record<Qualifier | "band", (doc: Document, g: SVGGElement) => void> = {
  exact: (doc, g) => void svg(doc, "circle", { class: cls("fc-dot"), r: R }, g),
  about: (doc, g) => (svg(doc, "circle", { class: cls("fc-ring"), r: 7 }, g), svg(doc, "circle", { class: cls("fc-dot"), r: 3.5 }, g)),
  "at-least": (doc, g) => legendArrow(doc, g, 1, false),
  "more-than": (doc, g) => legendArrow(doc, g, 1, true),
  "up-to": (doc, g) => legendArrow(doc, g, -1, false),
  "fewer-than": (doc, g) => legendArrow(doc, g, -1, true),
  range: (doc, g) => {
    svg(doc, "rect", { class: cls("fc-bar"), x: -6, y: -3, width: 12, height: 6, rx: 1 }, g);
    for (const e of [-6, 6]) svg(doc, "line", { class: cls("fc-cap"), x1: e, x2: e, y1: -6, y2: 6 }, g);
  },
  band: (doc, g) => void svg(doc, "rect", { class: cls("fc-band-key"), x: -7, y: -7, width: 14, height: 14 }, g),
};
