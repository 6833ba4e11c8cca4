/**
 * Figure comparison as SVG: per panel the grid, the agreement band, the axis,
 * then one `<g data-id>` per claim with its labels and its mark. Each
 * qualifier has its own shape (solid dot, dot in a dashed ring, dot with an
 * open arrow, bar), and its words are on the label, so neither colour nor
 * shape alone carries the meaning.
 */
import type { FigureComparisonOptions, FigureLayout, FigureMark, FigurePanel, FigureRow, TextItem } from "../layout/figureComparison.js";
import type { Qualifier } from "../model/types.js";
import { cls, html, safeHref, svg } from "./dom.js";
import { renderLegend, svgRoot } from "./frame.js";
import { markName, sentences, speakable, spokenLabel } from "./symbols.js";
import type { ChartView, DetailSpec, TableSpec } from "./view.js";

const R = 4.5;

export function renderFigureComparison(doc: Document, layout: FigureLayout, options: FigureComparisonOptions & { title: string }): ChartView {
  // Every comparison in full; single figures counted when there are many.
  const told = layout.panels.length > 3 ? layout.panels.filter((p) => p.rows.length > 1) : layout.panels;
  const rest = layout.panels.length - told.length;
  const summary = [...told.map((p) => p.summary), ...(rest ? [`${rest} more ${rest === 1 ? "subject has" : "subjects have"} one claim${rest === 1 ? "" : " each"}`] : [])].join(". ") + ".";
  const root = svgRoot(doc, { width: layout.width, height: layout.height, title: options.title, desc: summary, className: "figure-comparison" });
  const details = new Map<string, DetailSpec>();
  // One subject: it is in the caption, not repeated on every row.
  const subjects = new Set(layout.panels.map((p) => p.subject)).size > 1;
  const table: TableSpec = { caption: options.title, columns: ["Claimant", ...(subjects ? ["Subject"] : []), "Figure", "Reported by", "Said", "Refers to", "Quote", "Note"], rows: [] };

  for (const panel of layout.panels) {
    const g = svg(doc, "g", { class: cls("fc-panel") }, root);
    const { x0, x1, y0, y1 } = panel.plot;
    // 1. Highlight, grid and band under the rows.
    for (const row of panel.rows) if (row.highlight) svg(doc, "rect", { class: cls("fc-highlight-bg"), x: 0, y: row.top, width: layout.width, height: row.height, rx: 3, "aria-hidden": "true" }, g);
    const grid = svg(doc, "g", { class: cls("grid"), "aria-hidden": "true" }, g);
    for (const t of panel.ticks) svg(doc, "line", { x1: t.x, x2: t.x, y1: y0, y2: panel.axisY }, grid);
    if (panel.band) {
      const b = panel.band;
      const w = Math.max(3, b.x1 - b.x0);
      const band = svg(doc, "g", { class: cls("fc-band"), "aria-hidden": "true" }, g);
      svg(doc, "rect", { x: b.x1 - b.x0 < 3 ? b.x0 - 1.5 : b.x0, y: y0, width: w, height: y1 - y0 }, band);
      for (const edge of [b.lo, b.hi]) if (edge) svg(doc, "line", { class: cls("fc-band-edge", edge.open ? "fc-open" : ""), x1: edge.x, x2: edge.x, y1: y0, y2: y1 }, band);
    }
    if (panel.zeroX !== undefined) svg(doc, "line", { class: cls("fc-zero"), x1: panel.zeroX, x2: panel.zeroX, y1: y0, y2: panel.axisY, "aria-hidden": "true" }, g);
    svg(doc, "line", { class: cls("fc-axis-line"), x1: x0, x2: x1, y1: panel.axisY, y2: panel.axisY, "aria-hidden": "true" }, g);
    const labels = svg(doc, "g", { class: cls("fc-labels") }, g);
    for (const t of panel.texts) renderText(doc, t, labels);

    // 2. One group per claim: focus area, guide, mark, labels.
    for (const row of panel.rows) {
      const c = row.claim;
      const { texts, name } = rowWords(row, panel);
      // role="button" here is what an interactive chart gives every mark; in a static picture (svg role="img") it is not exposed.
      const rg = svg(doc, "g", { class: cls("fc-row", row.highlight ? "fc-highlight" : "", row.flag ? `fc-flag-${row.flag}` : ""), "data-id": row.id, "data-qualifier": c.qualifier, role: "button", "aria-label": name }, g);
      svg(doc, "rect", { class: cls("focus"), x: 1, y: row.top, width: layout.width - 2, height: row.height, rx: 3 }, rg);
      svg(doc, "line", { class: cls("fc-guide"), x1: x0, x2: x1, y1: row.mark.y, y2: row.mark.y }, rg);
      renderMark(doc, row.mark, svg(doc, "g", { class: cls("fc-mark", `fc-${row.mark.kind}`), "aria-hidden": "true" }, rg));
      for (const t of texts) {
        // A space between the labels: their words must not run together where text is read in DOM order.
        rg.appendChild(doc.createTextNode(" "));
        // No <title> on a row's cut labels: it would count as visible text of the mark; the name and the detail card say it in full.
        renderText(doc, t, rg, false);
      }

      details.set(row.id, detailOf(row, panel.subject, panel.notes[0]));
      table.rows.push({ id: row.id, cells: [row.claimant, ...(subjects ? [panel.subject] : []), row.figure, row.outlets.join(", "), row.said ?? "", row.refersTo ?? "", c.quote ?? c.citations.find((ci) => ci.quote)?.quote ?? "", [c.note, row.annotation].filter(Boolean).join(" ")] });
    }
  }

  // 3. The legend explains only the marks drawn.
  const header = html(doc, "div", { class: cls("header") });
  const items = LEGEND.filter((l) => (l.q === "band" ? layout.panels.some((p) => p.band) : l.q.some((q) => layout.qualifiers.includes(q))));
  if (items.length) header.appendChild(renderLegend(doc, items.map((l) => ({ label: l.label, draw: (g: SVGGElement) => l.draw(doc, g) })), "How the figures are drawn"));

  return { svg: root, summary, table, details, order: layout.order, header };
}

/** The order a row's labels are read in: who, what figure, where and when reported, the editor's note. */
const READ_ORDER: TextItem["role"][] = ["claimant", "value", "meta", "annotation"];

/**
 * A row's labels in reading order (cut at word boundaries) and its accessible
 * name, which begins with exactly those words: "South Korean assessments:
 * about 15,000 troops. The Independent, c. Aug 13, 2025." then what the
 * picture does not say in words.
 */
function rowWords(row: FigureRow, panel: FigurePanel): { texts: TextItem[]; name: string } {
  const texts: TextItem[] = [];
  const spoken = new Map<string, string>();
  const roles = [...READ_ORDER, ...new Set(row.texts.map((t) => t.role).filter((r) => !READ_ORDER.includes(r)))];
  for (const role of roles) {
    const items = row.texts.filter((t) => t.role === role);
    if (!items.length) continue;
    const said = spokenLabel(
      items.map((t) => t.text),
      items.find((t) => t.full)?.full,
    );
    items.forEach((t, i) => texts.push({ ...t, text: said.lines[i] ?? t.text }));
    // The ⚠ is for the eye; the name says "Conflicts with another claim".
    spoken.set(role, speakable(said.spoken.replace(/^⚠\s*/, "")));
  }
  const outlets = row.outlets.filter((o) => o !== row.claimant);
  const agreement =
    row.flag === "conflict" ? "Conflicts with another claim" : row.flag === "differ" ? "Differs from another claim" : panel.agreement.status === "agree" ? "Consistent with the other claims" : "";
  const first = [spoken.get("claimant"), spoken.get("value")].filter(Boolean).join(": ");
  const name = sentences([
    first,
    ...roles.slice(2).map((r) => spoken.get(r)),
    outlets.length > 1 && `Reported by ${outlets.slice(0, -1).join(", ")} and ${outlets[outlets.length - 1]}`,
    row.refersTo && `Refers to ${row.refersTo}`,
    agreement,
    row.highlight && "Highlighted",
  ]);
  return { texts, name: markName(texts.map((t) => t.text), name) };
}

/** A label; a cut one carries its full text in a `<title>` unless `title` is false. */
function renderText(doc: Document, t: TextItem, parent: Element, title = true): void {
  const el = svg(doc, "text", { x: t.x, y: t.y, "text-anchor": t.anchor === "start" ? null : t.anchor, class: cls(`fc-${t.role}`) }, parent, t.text);
  if (t.full && title) svg(doc, "title", undefined, el, t.full);
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

function detailOf(row: FigureRow, subject: string, panelNote?: string): DetailSpec {
  const c = row.claim;
  const lines: DetailSpec["lines"] = [
    { label: "Claimant", text: row.claimant },
    { label: "Figure", text: row.figure },
    { label: "Subject", text: subject },
  ];
  if (row.said) lines.push({ label: "Said", text: row.said });
  if (row.refersTo) lines.push({ label: "Refers to", text: row.refersTo });
  if (row.flag && panelNote) lines.push({ label: row.flag === "conflict" ? "Conflict" : "Differs", text: panelNote.replace(/^⚠ /, "") });
  if (c.note) lines.push({ label: "Note", text: c.note });
  if (row.annotation) lines.push({ label: "Editor's note", text: row.annotation });
  const quote = c.quote ?? c.citations.find((ci) => ci.quote)?.quote;
  return {
    heading: `${row.claimant}: ${row.figure}`,
    lines,
    ...(quote ? { quote } : {}),
    links: row.citations.map((ci) => {
      const href = safeHref(ci.url);
      return { text: ci.date ? `${ci.name}, ${ci.date}` : ci.name, ...(href ? { href } : {}) };
    }),
  };
}

type LegendEntry = { q: Qualifier[] | "band"; label: string; draw(doc: Document, g: SVGGElement): void };
const legendArrow = (doc: Document, g: SVGGElement, dir: 1 | -1, open: boolean) => {
  svg(doc, "line", { class: cls("fc-stem"), x1: -4 * dir, x2: 7 * dir, y1: 0, y2: 0 }, g);
  svg(doc, "path", { class: cls("fc-arrow"), d: `M${3 * dir},-4L${7 * dir},0L${3 * dir},4` }, g);
  svg(doc, "circle", { class: cls(open ? "fc-hollow" : "fc-dot"), cx: -4 * dir, cy: 0, r: 3.5 }, g);
};
const LEGEND: LegendEntry[] = [
  { q: ["exact"], label: "Figure as stated", draw: (doc, g) => void svg(doc, "circle", { class: cls("fc-dot"), r: R }, g) },
  {
    q: ["about"],
    label: "About: approximate, no margin given",
    draw: (doc, g) => (svg(doc, "circle", { class: cls("fc-ring"), r: 7 }, g), svg(doc, "circle", { class: cls("fc-dot"), r: 3.5 }, g)),
  },
  { q: ["at-least"], label: "At least: the figure or more", draw: (doc, g) => legendArrow(doc, g, 1, false) },
  { q: ["more-than"], label: "More than: above the figure (open dot)", draw: (doc, g) => legendArrow(doc, g, 1, true) },
  { q: ["up-to"], label: "Up to: the figure or less", draw: (doc, g) => legendArrow(doc, g, -1, false) },
  { q: ["fewer-than"], label: "Fewer than: below the figure (open dot)", draw: (doc, g) => legendArrow(doc, g, -1, true) },
  {
    q: ["range"],
    label: "Range: from low to high",
    draw: (doc, g) => {
      svg(doc, "rect", { class: cls("fc-bar"), x: -6, y: -3, width: 12, height: 6, rx: 1 }, g);
      for (const e of [-6, 6]) svg(doc, "line", { class: cls("fc-cap"), x1: e, x2: e, y1: -6, y2: 6 }, g);
    },
  },
  { q: "band", label: "Shaded: values every claim allows", draw: (doc, g) => void svg(doc, "rect", { class: cls("fc-band-key"), x: -7, y: -7, width: 14, height: 14 }, g) },
];
