/**
 * Timeline rendering: SVG from a `TimelineLayout`, on a given document.
 * Every event is one element with `data-id` and a spoken `aria-label`: a
 * labelled event is a `<g>` (focus box, band or symbol, leader, label);
 * an event inside a cluster is a bare tick, or — in small clusters — a `<g>`
 * holding its tick and its row of the list the cluster expands into on
 * focus or hover (CSS only: `:focus-within`, no script, CSP-safe).
 */
import { TARGET, type LabelBox, type TimelineLayout, type TimelineMark } from "../layout/timeline.js";
import { DAY } from "../model/dates.js";
import { cls, html, roundAttr, svg } from "./dom.js";
import { footnoteIcon, footnoteMark, renderChrome, renderFootnotes, renderLegend, svgRoot } from "./frame.js";
import { isHollow, statusPath, symbolKind, symbolPath, type SymbolKind } from "./symbols.js";
import { leanNames, LEAN_MARKS, markName, type ChartView, type DetailSpec } from "./view.js";

const n = roundAttr;
const pts = (p: Array<[number, number]>) => p.map(([x, y]) => `${n(x)},${n(y)}`).join(" ");

/**
 * A label's lines; `spaced` puts a space between them, so words of a mark's lines do not run together where text is read in DOM order.
 * `marker`: the note's marker ("1", "≠1") that ends the date line, drawn raised and small, like a footnote's number.
 */
function drawLabel(doc: Document, parent: Element, label: LabelBox, spaced = false, marker?: string): void {
  const last = marker ? label.lines.map((l) => l.role).lastIndexOf("date") : -1;
  label.lines.forEach((l, k) => {
    if (spaced) parent.appendChild(doc.createTextNode(" "));
    const cut = k === last && l.text.endsWith(`\u2060${marker}`) ? l.text.length - marker!.length - 1 : -1;
    const t = svg(doc, "text", { x: l.x, y: l.y, class: cls(`tl-${l.role}`), "text-anchor": label.anchor === "start" ? null : label.anchor, transform: label.rotate ? `rotate(-90 ${n(l.x)} ${n(l.y)})` : null }, parent, cut < 0 ? l.text : l.text.slice(0, cut));
    if (cut >= 0) footnoteMark(doc, t, marker!);
  });
}

/** The mark itself: band with its ends, or whiskers for an approximate or uncertain day, then the kind symbol and status shape. */
function drawMark(doc: Document, g: Element, m: TimelineMark, vertical: boolean, r: number, customKinds: readonly string[]): void {
  const kind = symbolKind(m.kind, customKinds);
  if (m.band) {
    const b = m.band;
    svg(doc, "rect", { x: b.x, y: b.y, width: b.width, height: b.height, rx: 3, class: cls("tl-band", m.uncertain ? "tl-dashed" : "") }, g);
    m.ends.forEach((end, k) => {
      const len = vertical ? b.height : b.width;
      const at = k ? len : 0;
      const dir = k ? 1 : -1;
      if (end === "soft") {
        // Soft ends: a fading run-out beyond the span, as wide as a third of it (4–12 px).
        const ext = Math.max(4, Math.min(12, len / 3));
        const o = at + (k ? 0 : -ext);
        svg(doc, "rect", vertical ? { x: b.x + 2, y: b.y + o, width: b.width - 4, height: ext, class: cls("tl-fade") } : { x: b.x + o, y: b.y + 2, width: ext, height: b.height - 4, class: cls("tl-fade") }, g);
      } else if (end === "unknown") {
        // Began or ended at a time nobody reported: a dashed run-out, not a made-up extent.
        const c = vertical ? b.x + b.width / 2 : b.y + b.height / 2;
        const p0 = (vertical ? b.y : b.x) + at;
        const d = vertical ? `M${n(c)},${n(p0)}v${dir * 18}` : `M${n(p0)},${n(c)}h${dir * 18}`;
        svg(doc, "path", { d, class: cls("tl-whisker", "tl-dashed") }, g);
      } else if (end === "open") {
        const c = vertical ? b.x + b.width / 2 : b.y + b.height / 2;
        const tip = at + dir * 6;
        const d = vertical ? `M${n(c - 6)},${n(b.y + at)}L${n(c)},${n(b.y + tip)}L${n(c + 6)},${n(b.y + at)}Z` : `M${n(b.x + at)},${n(c - 6)}L${n(b.x + tip)},${n(c)}L${n(b.x + at)},${n(c + 6)}Z`;
        svg(doc, "path", { d, class: cls("tl-open") }, g);
      }
    });
  } else if (m.approximate || m.uncertain) {
    const d = vertical ? `M${n(m.x)},${n(m.y - 14)}V${n(m.y + 14)}` : `M${n(m.x - 14)},${n(m.y)}H${n(m.x + 14)}`;
    svg(doc, "path", { d, class: cls("tl-whisker", m.approximate ? "tl-soft" : "", m.uncertain ? "tl-dashed" : "") }, g);
  }
  svg(doc, "path", { d: symbolPath(kind, m.x, m.y, r), class: cls("tl-sym", isHollow(m.status) ? "tl-hollow" : "") }, g);
  const extra = statusPath(m.status, m.x, m.y, r);
  if (extra) svg(doc, "path", { d: extra, class: cls("tl-status") }, g);
}

/** A mark's hit area: at least 44 × 44 px around its symbol, and a band's whole length. */
function hitBox(m: TimelineMark): { x: number; y: number; width: number; height: number } {
  const h = TARGET / 2;
  const box = { x: m.x - h, y: m.y - h, width: TARGET, height: TARGET };
  if (!m.band) return box;
  const x = Math.min(box.x, m.band.x - 3);
  const y = Math.min(box.y, m.band.y - 3);
  return { x, y, width: Math.max(box.x + TARGET, m.band.x + m.band.width + 3) - x, height: Math.max(box.y + TARGET, m.band.y + m.band.height + 3) - y };
}

/** The days a cluster's events cover, as `domain` text ("2025-04-26/2025-04-28"); none when they share one day (zooming would not part them). */
function clusterDomain(spans: Array<{ start: number; end: number }>): string | null {
  let a = Infinity;
  let b = -Infinity;
  for (const sp of spans) {
    if (sp.start < a) a = sp.start;
    if (sp.end > b) b = sp.end;
  }
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return b - a > DAY ? `${day(a)}/${day(b - 1)}` : null;
}

/** A cluster member's tick: a short line for a day, a thin bar for a span. */
function tickPath(m: TimelineMark, vertical: boolean): string {
  if (m.band) {
    const b = m.band;
    return vertical ? `M${n(b.x + 3)},${n(b.y)}h4v${n(b.height)}h-4Z` : `M${n(b.x)},${n(b.y + 3)}h${n(b.width)}v4h${n(-b.width)}Z`;
  }
  return vertical ? `M${n(m.x - 5)},${n(m.y)}h10` : `M${n(m.x)},${n(m.y - 5)}v10`;
}

/** The backdrop (hidden from assistive technology): periods, grid, axis with its breaks, lanes, context labels, the as-of line. */
function drawBackdrop(doc: Document, back: Element, layout: TimelineLayout): void {
  const vertical = layout.orientation === "vertical";
  for (const p of layout.periods) svg(doc, "rect", { ...p.box, class: cls("tl-period-band") }, back);
  const grid = svg(doc, "g", { class: cls("grid") }, back);
  const axis = svg(doc, "g", { class: cls("axis") }, back);
  const [ax1, ay1, ax2, ay2] = layout.axis;
  svg(doc, "line", { x1: ax1, y1: ay1, x2: ax2, y2: ay2 }, axis);
  // A cut in the time axis (vertical): a gap across the axis and lanes, with two slanted strokes.
  const breaks = svg(doc, "g", { class: cls("tl-breaks") }, null);
  for (const t of layout.ticks) {
    svg(doc, "line", { x1: t.grid[0], y1: t.grid[1], x2: t.grid[2], y2: t.grid[3] }, grid);
    svg(doc, "line", { x1: t.tick[0], y1: t.tick[1], x2: t.tick[2], y2: t.tick[3] }, axis);
    drawLabel(doc, axis, t.label);
  }
  for (const lane of layout.lanes) {
    if (layout.lanes.length > 1 || !vertical) svg(doc, "line", { x1: lane.line[0], y1: lane.line[1], x2: lane.line[2], y2: lane.line[3], class: cls("tl-lane-line") }, back);
    if (lane.label) drawLabel(doc, back, lane.label);
  }
  for (const at of layout.breaks ?? []) {
    if (vertical) {
      const [x0, x1] = [ax1 - 9, (layout.lanes.length > 1 ? Math.max(...layout.lanes.map((l) => l.line[0])) : ax1) + 9];
      svg(doc, "rect", { x: x0, y: at - 5, width: x1 - x0, height: 10, class: cls("tl-break-gap") }, breaks);
      for (const d of [-4, 4]) svg(doc, "line", { x1: ax1 - 7, y1: at + d + 3, x2: ax1 + 7, y2: at + d - 3, class: cls("tl-break") }, breaks);
    } else {
      // Across the lanes and grid, down to the axis; the strokes sit on the axis.
      const top = Math.min(...layout.lanes.map((l) => l.line[1])) - 12;
      svg(doc, "rect", { x: at - 5, y: top, width: 10, height: ay1 + 5 - top, class: cls("tl-break-gap") }, breaks);
      for (const d of [-4, 4]) svg(doc, "line", { x1: at + d - 3, y1: ay1 + 7, x2: at + d + 3, y2: ay1 - 7, class: cls("tl-break") }, breaks);
    }
  }
  if (layout.breaks?.length) back.appendChild(breaks);
  for (const p of layout.periods) drawLabel(doc, back, p.label);
  if (layout.asOf) {
    // The line stops at the labels it would cross (layout: segments).
    for (const [x1, y1, x2, y2] of layout.asOf.segments ?? [layout.asOf.line]) svg(doc, "line", { x1, y1, x2, y2, class: cls("tl-asof-line") }, back);
    if (layout.asOf.leader) svg(doc, "polyline", { points: pts(layout.asOf.leader), class: cls("leader") }, back);
    drawLabel(doc, back, layout.asOf.label);
  }
}

export function renderTimeline(doc: Document, layout: TimelineLayout): ChartView {
  const P = layout.prepared;
  const vertical = layout.orientation === "vertical";
  const summary = P.chrome.summary;
  const root = svgRoot(doc, { width: layout.width, height: layout.height, title: P.chrome.headline, desc: summary, className: "timeline" });
  root.setAttribute("class", `${root.getAttribute("class")} ${cls(`timeline-${layout.orientation}`)}`);
  const layer = (name: string, hidden = true) => svg(doc, "g", { class: cls(name), "aria-hidden": hidden ? "true" : null }, root);

  // 1. Backdrop: periods, grid, axis and its breaks, lanes, context labels, the as-of line.
  drawBackdrop(doc, layer("tl-back"), layout);
  const links = layer("tl-links");
  for (const m of layout.marks) {
    if (!m.link || m.cluster !== undefined) continue;
    for (const [x1, y1, x2, y2] of m.link.segments ?? [m.link.line]) svg(doc, "line", { x1, y1, x2, y2, class: cls("tl-link") }, links);
    for (const [cx, cy] of m.link.dots) svg(doc, "circle", { cx, cy, r: 3, class: cls("tl-dot") }, links);
  }

  // 2. Labelled events, one group each; their words in a layer above, hidden from assistive tech (each mark's
  // name says them in full, the same at every width) and tied to the mark by `data-for` for the pointer.
  const events = layer("tl-events", false);
  const words = layer("tl-words");
  // A dense timeline's marks are drawn lean: named by the handle when reached (see LEAN_MARKS).
  const lean = layout.marks.length > LEAN_MARKS;
  const mark = (parent: Element, m: TimelineMark, tag: "g" | "path", name: string, extra: Record<string, string> = {}) =>
    svg(doc, tag, { "data-id": m.id, "data-status": m.status, ...markName(name, lean), class: cls(tag === "g" ? "tl-event" : "tl-mini"), ...extra }, parent);
  for (const m of layout.marks) {
    if (m.cluster !== undefined) continue;
    const g = mark(events, m, "g", m.name);
    // Hit areas at least 44 × 44 px: around the symbol (or the band's start), and the label.
    svg(doc, "rect", { ...hitBox(m), rx: 3, class: cls("focus") }, g);
    if (m.label) svg(doc, "rect", { x: m.label.x - 2, y: m.label.y - 1, width: m.label.width + 4, height: Math.max(TARGET, m.label.height + 2), rx: 3, class: cls("focus") }, g);
    if (m.leader) svg(doc, "polyline", { points: pts(m.leader), class: cls("leader") }, g);
    drawMark(doc, g, m, vertical, m.band ? 4.5 : 6, P.customKinds);
    if (m.label) drawLabel(doc, svg(doc, "g", { "data-for": m.id }, words), m.label, true, m.entry.marker);
  }

  // 3. Clusters last, so an expanded list draws over its neighbours.
  for (const c of layout.clusters) {
    const g = svg(doc, "g", { class: cls("tl-group"), tabindex: -1, role: "group", "aria-label": `${c.label.lines[0]!.text}: ${c.members.map((i) => layout.marks[i]!.event.title).slice(0, 8).join("; ")}${c.members.length > 8 ? "…" : ""}` }, root);
    for (const b of c.bracket) svg(doc, "polyline", { points: pts(b), class: cls("tl-bracket"), "aria-hidden": "true" }, g);
    // A cluster too big to list opens by zooming to its events' days (the `domain` a zoom button sets; "Whole
    // timeline" leads back): one tap, and its members are drawn apart. A small cluster's list opens on tap instead.
    const lab = svg(doc, "g", { "aria-hidden": "true", "data-zoom": c.panel ? null : clusterDomain(c.members.map((i) => layout.marks[i]!.span)) }, g);
    // One tap on "+N events" opens the list: a 44 px target behind the words.
    const cb = c.label;
    svg(doc, "rect", { x: cb.x - Math.max(2, (TARGET - cb.width) / 2), y: cb.y + cb.height / 2 - TARGET / 2, width: Math.max(cb.width + 4, TARGET), height: TARGET, class: cls("focus") }, lab);
    drawLabel(doc, lab, c.label);
    // The list is display="none" until the cluster has focus or hover (CSS), so the static picture has no overlapping text.
    if (c.panel) svg(doc, "rect", { x: c.panel.x, y: c.panel.y, width: c.panel.width, height: c.panel.height, rx: 4, class: cls("tl-panel"), display: "none" }, g);
    c.members.forEach((i, r) => {
      const m = layout.marks[i]!;
      const row = c.panel?.rows[r];
      if (!row) return void mark(g, m, "path", m.name, { d: tickPath(m, vertical) });
      const rowText = row.text;
      const mg = mark(g, m, "g", m.name, { class: cls("tl-event", "tl-member") });
      svg(doc, "rect", { x: m.x - TARGET / 2, y: m.y - TARGET / 2, width: TARGET, height: TARGET, class: cls("focus") }, mg);
      svg(doc, "path", { d: tickPath(m, vertical), class: cls("tl-mini") }, mg);
      const rg = svg(doc, "g", { class: cls("tl-row"), display: "none" }, mg);
      svg(doc, "rect", { x: c.panel!.x + 2, y: row.y - 27, width: c.panel!.width - 4, height: TARGET, class: cls("focus") }, rg);
      svg(doc, "path", { d: symbolPath(symbolKind(m.kind, P.customKinds), row.x - 9, row.y - 4, 4.5), class: cls("tl-sym", isHollow(m.status) ? "tl-hollow" : "") }, rg);
      // The member's name says the row's words (the same at every width): drawn, not read again.
      svg(doc, "text", { x: row.x, y: row.y, class: cls("tl-row-text"), "aria-hidden": "true" }, rg, rowText);
    });
  }

  // 4. Header, table, details, keyboard order: the words come prepared.
  const header = html(doc, "div", { class: cls("header") });
  const footer = renderChrome(doc, header, P.chrome);
  renderFootnotes(doc, footer, P.footnotes, P.words.t("fn.heading", { n: P.footnotes.length }));
  header.appendChild(renderLegend(doc, legendItems(doc, layout), P.words.t("legend.label")));
  if (layout.lanesHidden) html(doc, "p", { class: cls("muted") }, header, P.words.t("tl.noLanes"));
  return {
    svg: root,
    summary,
    header,
    footer,
    words: P.words,
    ...(layout.zoom.length ? { zoom: layout.zoom } : {}),
    order: layout.marks.map((m) => m.id),
    ...leanNames(lean, layout.marks),
    details: new LazyDetails(new Set(layout.marks.map((m) => m.id)), (id) => P.detail(id)!),
    table: P.table,
  };
}

/** Detail cards are built when first asked for: at 10,000 events, building them all up front costs more than the picture. */
class LazyDetails extends Map<string, DetailSpec> {
  constructor(
    private readonly ids: Set<string>,
    private readonly make: (id: string) => DetailSpec,
  ) {
    super();
  }
  override get(id: string): DetailSpec | undefined {
    if (!super.has(id) && this.ids.has(id)) super.set(id, this.make(id));
    return super.get(id);
  }
  override has(id: string): boolean {
    return this.get(id) !== undefined;
  }
  override get size(): number {
    return this.ids.size;
  }
  override entries() {
    for (const id of this.ids) this.get(id);
    return super.entries();
  }
  override keys() {
    return this.entries() && super.keys();
  }
  override values() {
    return this.entries() && super.values();
  }
  override [Symbol.iterator]() {
    return this.entries();
  }
  override forEach(fn: (value: DetailSpec, key: string, map: Map<string, DetailSpec>) => void, self?: unknown): void {
    this.entries();
    super.forEach(fn, self);
  }
}

/** The legend: the prepared entries, each with its shape; "grouped events" when this width groups some. */
function legendItems(doc: Document, layout: TimelineLayout): Array<{ label: string; draw(g: SVGGElement): void }> {
  const path = (d: string, c: string) => (g: SVGGElement) => void svg(doc, "path", { d, class: cls(...c.split(" ")) }, g);
  const band = (c: string) => (g: SVGGElement) => void svg(doc, "rect", { x: -7, y: -4, width: 14, height: 8, rx: 2, class: cls(...c.split(" ")) }, g);
  const status = (s: string) => (g: SVGGElement) => {
    path(symbolPath("meeting", s === "postponed" ? -3 : 0, 0, 4.5), "tl-sym tl-hollow")(g);
    const extra = statusPath(s, s === "postponed" ? -3 : 0, 0, 3.5);
    if (extra) path(extra, "tl-status")(g);
  };
  const draw = (key: string): ((g: SVGGElement) => void) => {
    const [type, value] = key.split(":");
    if (type === "kind") return path(symbolPath(value as SymbolKind, 0, 0, 5), "tl-sym");
    if (type === "fn") return footnoteIcon(doc, value === "differ" ? "≠" : layout.prepared.words.fmt.number(1));
    if (type === "status") return status(value!);
    return (
      {
        band: band("tl-band"),
        approx: path("M-8,0H8", "tl-whisker tl-soft"),
        uncertain: band("tl-band tl-dashed"),
        unknown: path("M-8,0H8", "tl-whisker tl-dashed"),
        open: path("M-7,-4h8v8h-8ZM2,-6l6,6l-6,6Z", "tl-open"),
      } as Record<string, (g: SVGGElement) => void>
    )[key]!;
  };
  const items = layout.prepared.legend.map((l) => ({ label: l.label, draw: draw(l.key) }));
  if (layout.clusters.length) items.push({ label: layout.prepared.words.t(layout.clusters.every((c) => c.panel) ? "tl.legend.cluster" : "tl.legend.clusterZoom"), draw: path("M-7,-3v3h14v-3", "tl-bracket") });
  return items;
}
