/**
 * Promise tracker SVG from a layout: axis with its cuts, one `<g data-id>`
 * per promise (label, said mark, window band, outcome / overdue bar / open
 * marker), restatement brackets, and the as-of line. Shapes and words carry
 * every status; colour only repeats them.
 */
import { formatDateSpan, parseDate } from "../model/dates.js";
import { formatDuration, type Duration } from "../model/durations.js";
import type { Citation, Dataset } from "../model/types.js";
import type { PromiseTrackerLayout, TrackerRow, TrackerStatus } from "../layout/promiseTracker.js";
import { dayRangeText, windowEnd } from "../layout/promiseTracker.js";
import type { LocaleFormat } from "../format/locale.js";
import { cls, html, svg } from "./dom.js";
import { renderLegend, svgRoot } from "./frame.js";
import { markName, sentences, speakable, spokenLabel } from "./symbols.js";
import type { ChartView, DetailSpec, TableSpec } from "./view.js";

type Doc = Document;

/** A status icon centred on (x, y): ✓ kept, clock late, ✕ broken, hollow open. Overdue is a bar, drawn elsewhere. */
export function drawStatusIcon(doc: Doc, g: Element, status: TrackerStatus, x: number, y: number): void {
  if (status === "open") {
    svg(doc, "circle", { class: cls("pt-open-icon"), cx: x, cy: y, r: 5 }, g);
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

function drawOverdueBar(doc: Doc, g: Element, x0: number, x1: number, y: number, breaks: number[] = []): void {
  const tip = Math.max(x0 + 7, x1);
  svg(doc, "rect", { class: cls("pt-overdue-bar"), x: x0, y: y - 3, width: Math.max(0, tip - 6 - x0), height: 6 }, g);
  svg(doc, "path", { class: cls("pt-overdue-arrow"), d: `M${tip - 7},${y - 6.5} L${tip},${y} L${tip - 7},${y + 6.5} Z` }, g);
  for (const b of breaks) {
    svg(doc, "rect", { class: cls("pt-cut"), x: b - 3, y: y - 5, width: 6, height: 10 }, g);
    svg(doc, "path", { class: cls("pt-cut-mark"), d: `M${b - 5},${y + 5} l4,-10 M${b + 1},${y + 5} l4,-10` }, g);
  }
}

/**
 * A row's label lines (cut at word boundaries) and its accessible name, which
 * begins with exactly the words drawn: "Tariff rates. Said Apr 23, due May
 * 7–14. Overdue by 94 days."
 */
function rowWords(r: TrackerRow): { lines: TrackerRow["lines"]; name: string } {
  const lines = [...r.lines];
  const fullOf: Record<string, string | undefined> = { topic: r.promise.topic, meta: `${r.words.said} · ${r.words.due}`, status: r.words.status, restates: r.words.restates };
  const spoken: string[] = [];
  for (const kind of [...new Set(lines.map((l) => l.kind))]) {
    const idx = lines.flatMap((l, i) => (l.kind === kind ? [i] : []));
    const said = spokenLabel(
      idx.map((i) => lines[i]!.text),
      fullOf[kind],
    );
    idx.forEach((i, k) => (lines[i] = { ...lines[i]!, text: said.lines[k] ?? lines[i]!.text }));
    spoken.push(cap(speakable(said.spoken)));
  }
  return { lines, name: markName(lines.map((l) => l.text), sentences(spoken)) };
}

function renderRow(doc: Doc, parent: Element, r: TrackerRow): void {
  const st = r.status.status;
  const { lines, name } = rowWords(r);
  // role="button" is what an interactive chart gives every mark; in a static picture (svg role="img") it is not exposed.
  const g = svg(doc, "g", { class: cls("pt-row", `pt-${st}`, r.highlight ? "pt-highlight" : "", r.future ? "pt-future" : ""), "data-id": r.id, "data-status": st, role: "button", "aria-label": name }, parent);
  if (r.highlight) svg(doc, "rect", { class: cls("pt-highlight-bg"), x: r.box.x, y: r.box.y, width: r.box.width, height: r.box.height }, g);
  svg(doc, "rect", { class: cls("focus"), x: r.box.x + 1, y: r.box.y + 1, width: r.box.width - 2, height: r.box.height - 2, rx: 4 }, g);
  for (const line of lines) {
    const bold = line.kind === "topic" || line.kind === "status";
    // A space between the lines: their words must not run together where text is read in DOM order.
    g.appendChild(doc.createTextNode(" "));
    svg(doc, "text", { x: line.x, y: line.y, "font-size": line.size, "font-weight": bold ? 600 : null, "text-anchor": line.anchor === "end" ? "end" : null, class: cls(`pt-${line.kind}`) }, g, line.text);
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
  if (r.overdue) drawOverdueBar(doc, g, r.overdue.x0, r.overdue.x1, y, r.overdue.breaks);
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
  if (r.note) svg(doc, "text", { class: cls("pt-note", `pt-${r.status.status}-text`), x: r.note.x, y: r.y + 4, "font-size": 11 }, parent, r.note.text);
}

function cite(c: Citation, sources: Map<string, { name: string; url?: string }>, locale: string): { text: string; href?: string } {
  const src = sources.get(c.source);
  let text = src?.name ?? c.source;
  if (c.published) {
    try {
      text += `, ${formatDateSpan(parseDate(c.published), locale)}`;
    } catch {
      text += `, ${c.published}`;
    }
  }
  const href = c.url ?? src?.url;
  return href ? { text, href } : { text };
}

/** "14–21 days", "within 14 days", "1 month to 2 months". */
function windowWords(minText: string, maxText: string, loc: LocaleFormat): string {
  const min = windowEnd(minText, "min");
  const max = windowEnd(maxText, "max");
  const days = (d: Duration) => (d.years || d.months ? undefined : d.weeks * 7 + d.days);
  const a = days(min);
  const b = days(max);
  if (a !== undefined && b !== undefined) {
    if (a === b) return `${loc.number(b)} ${b === 1 ? "day" : "days"}`;
    return a === 0 ? `within ${loc.number(b)} days` : `${loc.number(a)}–${loc.number(b)} days`;
  }
  const fa = formatDuration(min, loc.tag);
  const fb = formatDuration(max, loc.tag);
  return fa === fb ? fb : `${fa} to ${fb}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Words for the table and the detail card (the same words the label uses, plus the long forms). */
function rowFacts(r: TrackerRow, L: PromiseTrackerLayout) {
  const s = r.status;
  const tag = L.locale.tag;
  const due = dayRangeText(s.dueFrom, s.dueBy, tag, true);
  const outcome = r.promise.outcome;
  const outcomeText = [s.outcomeDate ? formatDateSpan(s.outcomeDate, tag) : "", outcome?.note ?? ""].filter(Boolean).join(": ");
  return { said: formatDateSpan(s.said, tag), window: windowWords(r.promise.window.min, r.promise.window.max, L.locale), due, outcomeText };
}

export function renderPromiseTracker(doc: Doc, L: PromiseTrackerLayout, dataset: Pick<Dataset, "sources">): ChartView {
  const root = svgRoot(doc, { width: L.width, height: L.height, title: L.title, desc: L.summary, className: `pt${L.compact ? " " + cls("pt-compact") : ""}` });
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
  for (const r of L.rows) renderRow(doc, rowsG, r);
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

  // 5. Words: details, table, header.
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const details = new Map<string, DetailSpec>();
  const table: TableSpec = {
    caption: `Promises and what happened, as of ${L.asOfText}`,
    columns: ["Promise", "Said", "Due", "Status", "Outcome"],
    rows: [],
  };
  for (const r of L.rows) {
    const f = rowFacts(r, L);
    const lines = [
      { label: "Status", text: `${cap(r.words.status)} (as of ${L.asOfText})` },
      { label: "Said", text: `${f.said} by ${r.speaker}` },
      ...(r.deliveredBy ? [{ label: "Delivered by", text: r.deliveredBy }] : []),
      { label: "Window", text: f.window },
      { label: "Due", text: f.due },
      ...(f.outcomeText ? [{ label: "Outcome", text: f.outcomeText }] : []),
      ...(r.words.restates ? [{ label: "Restates", text: r.words.restates.replace(/^restates /, "") }] : []),
      ...(r.promise.note ? [{ label: "Note", text: r.promise.note }] : []),
    ];
    const cites = [...(r.promise.citations ?? []), ...(r.promise.outcome?.citations ?? [])];
    details.set(r.id, { heading: r.promise.topic, lines, quote: r.promise.quote, links: cites.map((c) => cite(c, sources, L.locale.tag)) });
    table.rows.push({
      id: r.id,
      // Five columns, so the table still reads on a phone.
      cells: [r.promise.topic, `${f.said}, by ${r.speaker}${r.deliveredBy ? ` (delivered by ${r.deliveredBy})` : ""}`, `${f.due} (${f.window})`, cap(r.words.status), f.outcomeText || "—"],
    });
  }

  const header = html(doc, "div", { class: cls("header") });
  html(doc, "p", { class: cls("summary") }, header, L.summary);
  const present = new Set(L.rows.map((r) => r.status.status));
  const legend: Array<{ label: string; draw(g: SVGGElement): void }> = [
    { label: "said", draw: (g) => void svg(doc, "circle", { class: cls("pt-said"), cx: 0, cy: 0, r: 3.5 }, g) },
    { label: "promised window", draw: (g) => void svg(doc, "rect", { class: cls("pt-window"), x: -7, y: -4, width: 14, height: 8 }, g) },
  ];
  if (L.rows.some((r) => r.said.fuzzy)) legend.push({ label: "date said not exact", draw: (g) => void svg(doc, "rect", { class: cls("pt-said-span"), x: -7, y: -4, width: 14, height: 8, rx: 3 }, g) });
  for (const st of ["kept", "late", "broken", "overdue", "open"] as const) {
    if (!present.has(st)) continue;
    legend.push({ label: st, draw: (g) => (st === "overdue" ? drawOverdueBar(doc, g, -7, 7, 0) : drawStatusIcon(doc, g, st, 0, 0)) });
  }
  header.appendChild(renderLegend(doc, legend, "Key"));

  return { svg: root, summary: L.summary, table, details, order: L.rows.map((r) => r.id), header };
}
