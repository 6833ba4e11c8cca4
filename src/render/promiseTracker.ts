/**
 * Promise tracker SVG from a layout: axis with its cuts, one `<g data-id>`
 * per promise (label, said mark, window band, outcome / overdue bar / open
 * marker), restatement brackets, and the as-of line. Shapes and words carry
 * every status; colour only repeats them.
 */
import type { OutcomeKind, PromiseTrackerLayout, TrackerRow, TrackerStatus } from "../layout/promiseTracker.js";
import { cls, html, svg } from "./dom.js";
import { footnoteIcon, footnoteMark, renderChrome, renderFootnotes, renderLegend, svgRoot } from "./frame.js";
import { leanNames, LEAN_MARKS, markName, type ChartView } from "./view.js";

type Doc = Document;

/** A status icon centred on (x, y): ✓ kept, clock late, ✕ broken, hollow open. Overdue is a bar, drawn elsewhere. */
export function drawStatusIcon(doc: Doc, g: Element, status: TrackerStatus | OutcomeKind, x: number, y: number): void {
  if (status === "open") {
    svg(doc, "circle", { class: cls("pt-open-icon"), cx: x, cy: y, r: 5 }, g);
    return;
  }
  if (status === "partial") {
    // Half kept: a ring, its left half filled.
    svg(doc, "circle", { class: cls("pt-partial-ring"), cx: x, cy: y, r: 6.5 }, g);
    svg(doc, "path", { class: cls("pt-partial-fill"), d: `M${x},${y - 6.5} A6.5,6.5 0 0 0 ${x},${y + 6.5} Z` }, g);
    return;
  }
  svg(doc, "circle", { class: cls(`pt-icon`, `pt-${status}-icon`), cx: x, cy: y, r: 6.5 }, g);
  const d =
    status === "kept"
      ? `M${x - 3},${y} l2,2.6 l4,-5`
      : status === "late"
        ? `M${x},${y - 3.8} V${y} H${x + 2.8}`
        : `M${x - 2.6},${y - 2.6} l5.2,5.2 M${x + 2.6},${y - 2.6} l-5.2,5.2`;
  svg(doc, "path", { class: cls("pt-glyph"), d }, g);
}

function drawOverdueBar(doc: Doc, g: Element, x0: number, x1: number, y: number, breaks: number[] = [], stops = false): void {
  const tip = Math.max(x0 + 7, x1);
  svg(doc, "rect", { class: cls("pt-overdue-bar"), x: x0, y: y - 3, width: Math.max(0, stops ? tip - x0 : tip - 6 - x0), height: 6 }, g);
  // Overdue "at least" up to a check date: the bar ends square at the check (a rule across it), no arrow running on.
  if (stops) svg(doc, "rect", { class: cls("pt-overdue-arrow"), x: tip - 1.5, y: y - 6.5, width: 3, height: 13 }, g);
  else svg(doc, "path", { class: cls("pt-overdue-arrow"), d: `M${tip - 7},${y - 6.5} L${tip},${y} L${tip - 7},${y + 6.5} Z` }, g);
  for (const b of breaks) {
    svg(doc, "rect", { class: cls("pt-cut"), x: b - 3, y: y - 5, width: 6, height: 10 }, g);
    svg(doc, "path", { class: cls("pt-cut-mark"), d: `M${b - 5},${y + 5} l4,-10 M${b + 1},${y + 5} l4,-10` }, g);
  }
}

function renderRow(doc: Doc, parent: Element, r: TrackerRow, lean: boolean, marker?: string): void {
  const st = r.status.status;
  const { lines, name } = r;
  const checked = r.status.checked !== undefined ? new Date(r.status.checked).toISOString().slice(0, 10) : null;
  const g = svg(doc, "g", { class: cls("pt-row", `pt-${st}`, r.highlight ? "pt-highlight" : "", r.future ? "pt-future" : ""), "data-id": r.id, "data-status": st, "data-checked": checked, ...markName(name, lean) }, parent);
  if (r.highlight) svg(doc, "rect", { class: cls("pt-highlight-bg"), x: r.box.x, y: r.box.y, width: r.box.width, height: r.box.height }, g);
  svg(doc, "rect", { class: cls("focus"), x: r.box.x + 1, y: r.box.y + 1, width: r.box.width - 2, height: r.box.height - 2, rx: 4 }, g);
  // The row's words, cut or wrapped to the width, beside the mark: its name says them once, the same at every
  // width, so they are hidden and tied to the mark by data-for (a tap on them opens the row's card).
  const words = svg(doc, "g", { class: cls("pt-row-text", `pt-${st}`, r.future ? "pt-future" : ""), "data-for": r.id, "aria-hidden": "true" }, parent);
  for (const line of lines) {
    const bold = line.kind === "topic" || line.kind === "status";
    // A space between the lines: their words must not run together where text is copied in DOM order.
    words.appendChild(doc.createTextNode(" "));
    // The note's marker ends the topic (after a word joiner): raised and small, like a footnote's number.
    const cut = marker && line.kind === "topic" && line.text.endsWith(`\u2060${marker}`) ? line.text.length - marker.length - 1 : -1;
    const t = svg(doc, "text", { x: line.x, y: line.y, "font-size": line.size, "font-weight": bold ? 600 : null, "text-anchor": line.anchor === "end" ? "end" : null, class: cls(`pt-${line.kind}`) }, words, cut < 0 ? line.text : line.text.slice(0, cut));
    if (cut >= 0) footnoteMark(doc, t, marker!);
  }
  const y = r.y;
  // Window: fuzzy fringe (said on an unknown day), then the band every possible day shares.
  const w = r.window;
  if (w.core || r.said.fuzzy) svg(doc, "rect", { class: cls("pt-window-fuzzy"), x: w.x0, y: y - 5, width: Math.max(3, w.x1 - w.x0), height: 10 }, g);
  const core = r.said.fuzzy ? w.core : w;
  if (core) svg(doc, "rect", { class: cls("pt-window"), x: core.x0, y: y - 5, width: Math.max(3, core.x1 - core.x0), height: 10 }, g);
  if (r.lead) svg(doc, "line", { class: cls("pt-lead"), x1: r.lead.x0, x2: r.lead.x1, y1: y, y2: y }, g);
  if (r.said.fuzzy) svg(doc, "rect", { class: cls("pt-said-span"), x: r.said.x0, y: y - 4, width: Math.max(2, r.said.x1 - r.said.x0), height: 8, rx: 3 }, g);
  else svg(doc, "circle", { class: cls("pt-said"), cx: r.said.x0, cy: y, r: 3.5 }, g);
  if (r.gap) svg(doc, "line", { class: cls("pt-gap"), x1: r.gap.x0, x2: r.gap.x1 - 6, y1: y, y2: y }, g);
  if (r.overdue) drawOverdueBar(doc, g, r.overdue.x0, r.overdue.x1, y, r.overdue.breaks, !!r.unknown);
  // After the last check: no source says kept or not. A dashed run-out, not more red.
  if (r.unknown) svg(doc, "line", { class: cls("pt-unknown-line"), x1: r.unknown.x0, x2: r.unknown.x1, y1: y, y2: y }, g);
  if (r.open) {
    svg(doc, "line", { class: cls("pt-open-line"), x1: r.open.x0, x2: r.open.x1, y1: y, y2: y }, g);
    drawStatusIcon(doc, g, "open", r.open.x1, y);
  }
  if (r.outcome) {
    const sp = r.outcome.span;
    if (sp) svg(doc, "path", { class: cls("pt-outcome-span"), d: `M${sp.x0},${y - 4} v8 M${sp.x0},${y} H${sp.x1} M${sp.x1},${y - 4} v8` }, g);
    drawStatusIcon(doc, g, r.outcome.kind, r.outcome.x, y);
  }
}

/** "+94 d" beside a bar: shorthand for the status words already in the row's name, so it is drawn outside the mark. */
function renderNote(doc: Doc, parent: Element, r: TrackerRow): void {
  // data-for: a tap on the note reaches its row's mark, like a tap anywhere else on the row.
  if (r.note) svg(doc, "text", { class: cls("pt-note", `pt-${r.status.status}-text`), "data-for": r.id, x: r.note.x, y: r.y + 4, "font-size": 12 }, parent, r.note.text);
}

export function renderPromiseTracker(doc: Doc, L: PromiseTrackerLayout): ChartView {
  const P = L.prepared;
  const root = svgRoot(doc, { width: L.width, height: L.height, title: P.chrome.headline, desc: P.chrome.summary, className: `pt${L.compact ? " " + cls("pt-compact") : ""}` });
  const { axis } = L;

  // 1. Axis: grid, segment baselines, cut marks through the plot, labels.
  const ax = svg(doc, "g", { class: cls("axis", "pt-axis"), "aria-hidden": "true" }, root);
  const rule = (x: number) => axis.bands.map(([a, b]) => `M${x},${Math.max(a, axis.y)}V${b}`).join("");
  if (axis.ticks.length) svg(doc, "path", { class: cls("grid"), d: axis.ticks.map((t) => rule(t.x)).join("") }, ax);
  for (const sg of axis.segments) svg(doc, "path", { d: `M${sg.x0},${axis.y} H${sg.x1}` }, ax);
  for (const b of axis.breaks) {
    svg(doc, "path", { class: cls("pt-break"), d: rule(b).replace(`M${b},${axis.y}V`, `M${b},${axis.y + 6}V`) }, ax);
    svg(doc, "path", { class: cls("pt-break-mark"), d: `M${b - 6},${axis.y + 5} l5,-10 M${b + 1},${axis.y + 5} l5,-10` }, ax);
  }
  for (const t of axis.ticks) {
    svg(doc, "line", { x1: t.x, x2: t.x, y1: axis.y, y2: axis.y - 3 }, ax);
    svg(doc, "text", { x: t.x, y: axis.tickY, "text-anchor": "middle" }, ax, t.text);
  }
  for (const yl of axis.years) svg(doc, "text", { x: yl.x, y: axis.yearY, class: cls("pt-year") }, ax, yl.text);

  // 2. Group headings and restatement brackets.
  if (L.headings.length) {
    const hg = svg(doc, "g", { class: cls("pt-headings"), "aria-hidden": "true" }, root);
    for (const h of L.headings) {
      svg(doc, "line", { class: cls("pt-rule"), x1: h.rule.x0, x2: h.rule.x1, y1: h.rule.y, y2: h.rule.y }, hg);
      svg(doc, "text", { class: cls("pt-heading"), x: h.x, y: h.y, "font-size": 13 }, hg, h.text);
    }
  }
  if (L.links.length) {
    const lg = svg(doc, "g", { class: cls("pt-links"), "aria-hidden": "true" }, root);
    for (const k of L.links) {
      svg(doc, "path", { class: cls("pt-link"), d: `M${k.x + 6},${k.y0} H${k.x} V${k.y1} H${k.x + 4}` }, lg);
      svg(doc, "path", { class: cls("pt-link-arrow"), d: `M${k.x + 3},${k.y1 - 3.5} L${k.x + 8},${k.y1} L${k.x + 3},${k.y1 + 3.5} Z` }, lg);
    }
  }

  // 3. One group per promise, in keyboard order.
  const rowsG = svg(doc, "g", { class: cls("pt-rows") }, root);
  const markers = new Map(P.footnotes.map((f) => [f.id, f.marker]));
  // A dense tracker's rows are drawn lean: named by the handle when reached (see LEAN_MARKS).
  const lean = L.rows.length > LEAN_MARKS;
  for (const r of L.rows) renderRow(doc, rowsG, r, lean, markers.get(r.id));
  if (L.rows.some((r) => r.note)) {
    const ng = svg(doc, "g", { class: cls("pt-notes"), "aria-hidden": "true" }, root);
    for (const r of L.rows) renderNote(doc, ng, r);
  }

  // 4. The as-of line, over the rows.
  if (L.asOfMark) {
    const m = L.asOfMark;
    const ag = svg(doc, "g", { class: cls("pt-asof"), "aria-hidden": "true" }, root);
    svg(doc, "path", { d: `M${m.x},${axis.yearY + 3}V${axis.y}` + rule(m.x) }, ag);
    svg(doc, "text", { x: m.label.x + (m.label.anchor === "start" ? 3 : m.label.anchor === "end" ? -3 : 0), y: axis.yearY, "text-anchor": m.label.anchor }, ag, m.label.text);
  }

  // 5. Words, prepared once: details, table, header, legend.
  const details = new Map(P.entries.map((e) => [e.p.id, e.detail]));
  const header = html(doc, "div", { class: cls("header") });
  const footer = renderChrome(doc, header, P.chrome);
  renderFootnotes(doc, footer, P.footnotes, P.words.t("fn.heading", { n: P.footnotes.length }));
  const draw: Record<string, (g: SVGGElement) => void> = {
    said: (g) => void svg(doc, "circle", { class: cls("pt-said"), cx: 0, cy: 0, r: 3.5 }, g),
    window: (g) => void svg(doc, "rect", { class: cls("pt-window"), x: -7, y: -4, width: 14, height: 8 }, g),
    fuzzy: (g) => void svg(doc, "rect", { class: cls("pt-said-span"), x: -7, y: -4, width: 14, height: 8, rx: 3 }, g),
    overdue: (g) => drawOverdueBar(doc, g, -7, 7, 0),
    unknown: (g) => void svg(doc, "line", { class: cls("pt-unknown-line"), x1: -8, x2: 8, y1: 0, y2: 0 }, g),
    "fn:note": footnoteIcon(doc, P.words.fmt.number(1)),
    "fn:differ": footnoteIcon(doc, "≠"),
  };
  header.appendChild(renderLegend(doc, P.legend.map((l) => ({ label: l.label, draw: draw[l.key] ?? ((g: SVGGElement) => drawStatusIcon(doc, g, l.key as TrackerStatus, 0, 0)) })), P.words.t("legend.label")));

  return { svg: root, summary: P.chrome.summary, table: P.table, details, order: L.rows.map((r) => r.id), ...leanNames(lean, L.rows), header, footer, words: P.words };
}
