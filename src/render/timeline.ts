/**
 * Timeline rendering: SVG from a `TimelineLayout`, on a given document.
 * Every event is one element with `data-id` and a spoken `aria-label`: a
 * labelled event is a `<g>` (focus box, band or symbol, leader, label);
 * an event inside a cluster is a bare tick, or — in small clusters — a `<g>`
 * holding its tick and its row of the list the cluster expands into on
 * focus or hover (CSS only: `:focus-within`, no script, CSP-safe).
 */
import { resolveLocale } from "../format/locale.js";
import type { Dataset } from "../model/types.js";
import { formatEdtf, type LabelBox, type TimelineLayout, type TimelineMark } from "../layout/timeline.js";
import { cls, html, roundAttr, svg } from "./dom.js";
import { renderLegend, svgRoot } from "./frame.js";
import { isHollow, markName, sentences, speakable, spokenLabel, statusPath, symbolKind, symbolPath, type SymbolKind } from "./symbols.js";
import type { ChartView, DetailSpec } from "./view.js";
import { EVENT_KINDS } from "../model/validate.js";

export interface TimelineRenderOptions {
  title: string;
  locale: string;
  dataset: Dataset;
}

const PLURAL: Record<string, string> = { call: "calls", meeting: "meetings", visit: "visits", summit: "summits", treaty: "treaties", deployment: "deployments", statement: "statements" };
const n = roundAttr;
const pts = (p: Array<[number, number]>) => p.map(([x, y]) => `${n(x)},${n(y)}`).join(" ");
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A label's lines; `spaced` puts a space between them, so words of a mark's lines do not run together where text is read in DOM order. */
function drawLabel(doc: Document, parent: Element, label: LabelBox, spaced = false): void {
  for (const l of label.lines) {
    if (spaced) parent.appendChild(doc.createTextNode(" "));
    svg(doc, "text", { x: l.x, y: l.y, class: cls(`tl-${l.role}`), "text-anchor": label.anchor === "start" ? null : label.anchor, transform: label.rotate ? `rotate(-90 ${n(l.x)} ${n(l.y)})` : null }, parent, l.text);
  }
}

/** The date as a label prints it: with the status in words when the event has not (yet) happened. */
const printedDate = (m: TimelineMark) => m.dateText + (m.status !== "happened" ? ` · ${m.status}` : "");

/** What the label does not say: the kind, the status, who and where. */
function unsaid(m: TimelineMark, statusSaid: boolean): string {
  const status = m.status !== "happened" && !statusSaid ? ` (${m.status})` : "";
  const who = m.participants.length ? `; ${m.participants.join(", ")}` : "";
  return `${cap(m.kind)}${status}${who}${m.event.place ? `; ${m.event.place}` : ""}`;
}

/**
 * A labelled event's lines (cut at word boundaries) and its accessible name,
 * which begins with exactly the words drawn: "Putin and Kim sign the
 * Comprehensive Strategic Partnership treaty, June 2024. Treaty; Vladimir
 * Putin, Kim Jong Un; Pyongyang."
 */
function eventWords(m: TimelineMark): { label?: LabelBox; name: string } {
  const label = m.label;
  if (!label) return { name: sentences([`${m.event.title}, ${m.dateText}`, unsaid(m, false)]) };
  const lines = [...label.lines];
  const fullOf: Record<string, string | undefined> = { title: m.event.title, date: printedDate(m), note: m.note ? `Note: ${m.note}` : undefined };
  const spoken: string[] = [];
  let dateSaid = "";
  for (const role of [...new Set(lines.map((l) => l.role))]) {
    const idx = lines.flatMap((l, i) => (l.role === role ? [i] : []));
    const said = spokenLabel(
      idx.map((i) => lines[i]!.text),
      fullOf[role],
    );
    idx.forEach((i, k) => (lines[i] = { ...lines[i]!, text: said.lines[k] ?? lines[i]!.text }));
    spoken.push(speakable(said.spoken));
    if (role === "date") dateSaid = said.spoken;
  }
  const statusSaid = m.status !== "happened" && dateSaid.includes(m.status);
  // Title and date read as one phrase; a note is its own sentence.
  const [head, ...rest] = spoken;
  const dateAt = [...new Set(lines.map((l) => l.role))].indexOf("date");
  const name = dateAt === 1 ? sentences([`${head}, ${rest[0]}`, ...rest.slice(1), unsaid(m, statusSaid)]) : sentences([...spoken, unsaid(m, statusSaid)]);
  return { label: { ...label, lines }, name: markName(lines.map((l) => l.text), name) };
}

/** The mark itself: band with its ends, or whiskers for an approximate or uncertain day, then the kind symbol and status shape. */
function drawMark(doc: Document, g: Element, m: TimelineMark, vertical: boolean, r: number): void {
  const kind = symbolKind(m.kind);
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

/** A cluster member's tick: a short line for a day, a thin bar for a span. */
function tickPath(m: TimelineMark, vertical: boolean): string {
  if (m.band) {
    const b = m.band;
    return vertical ? `M${n(b.x + 3)},${n(b.y)}h4v${n(b.height)}h-4Z` : `M${n(b.x)},${n(b.y + 3)}h${n(b.width)}v4h${n(-b.width)}Z`;
  }
  return vertical ? `M${n(m.x - 5)},${n(m.y)}h10` : `M${n(m.x)},${n(m.y - 5)}v10`;
}

function summarize(layout: TimelineLayout, locale: string): string {
  const loc = resolveLocale(locale);
  const ms = layout.marks;
  const count = (k: number, word: string, plural: string) => `${loc.number(k)} ${k === 1 ? word : plural}`;
  const kinds = new Map<string, number>();
  const statuses = new Map<string, number>();
  for (const m of ms) {
    const k = PLURAL[m.kind] ? m.kind : "other";
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
    if (m.status !== "happened") statuses.set(m.status, (statuses.get(m.status) ?? 0) + 1);
  }
  const order = [...EVENT_KINDS, "other"];
  const parts = [...kinds].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])).map(([k, c]) => (k === "other" ? count(c, "other event", "other events") : count(c, k, PLURAL[k]!)));
  const first = Math.min(...ms.map((m) => m.span.start));
  const last = Math.max(...ms.map((m) => m.span.end)) - 86_400_000;
  const a = loc.month(first);
  const b = loc.month(last);
  const when = a === b ? `in ${a}` : `from ${a} to ${b}`;
  const shown = layout.hidden ? `${loc.number(ms.length)} of ${count(ms.length + layout.hidden, "event", "events")} shown` : count(ms.length, "event", "events");
  const st = [...statuses].map(([s, c]) => `${loc.number(c)} ${s}`);
  return `${shown} ${when}: ${parts.join(", ")}${st.length ? `; ${st.join(", ")}` : ""}.`;
}

export function renderTimeline(doc: Document, layout: TimelineLayout, options: TimelineRenderOptions): ChartView {
  const { dataset, locale, title } = options;
  const vertical = layout.orientation === "vertical";
  const summary = summarize(layout, locale);
  const root = svgRoot(doc, { width: layout.width, height: layout.height, title, desc: summary, className: "timeline" });
  root.setAttribute("class", `${root.getAttribute("class")} ${cls(`timeline-${layout.orientation}`)}`);
  const layer = (name: string, hidden = true) => svg(doc, "g", { class: cls(name), "aria-hidden": hidden ? "true" : null }, root);

  // 1. Backdrop: periods, grid, axis, lanes, context labels.
  const back = layer("tl-back");
  for (const p of layout.periods) svg(doc, "rect", { ...p.box, class: cls("tl-period-band") }, back);
  const grid = svg(doc, "g", { class: cls("grid") }, back);
  const axis = svg(doc, "g", { class: cls("axis") }, back);
  const [ax1, ay1, ax2, ay2] = layout.axis;
  svg(doc, "line", { x1: ax1, y1: ay1, x2: ax2, y2: ay2 }, axis);
  for (const t of layout.ticks) {
    svg(doc, "line", { x1: t.grid[0], y1: t.grid[1], x2: t.grid[2], y2: t.grid[3] }, grid);
    svg(doc, "line", { x1: t.tick[0], y1: t.tick[1], x2: t.tick[2], y2: t.tick[3] }, axis);
    drawLabel(doc, axis, t.label);
  }
  for (const lane of layout.lanes) {
    if (layout.lanes.length > 1 || !vertical) svg(doc, "line", { x1: lane.line[0], y1: lane.line[1], x2: lane.line[2], y2: lane.line[3], class: cls("tl-lane-line") }, back);
    if (lane.label) drawLabel(doc, back, lane.label);
  }
  for (const p of layout.periods) drawLabel(doc, back, p.label);
  if (layout.asOf) {
    const [x1, y1, x2, y2] = layout.asOf.line;
    svg(doc, "line", { x1, y1, x2, y2, class: cls("tl-asof-line") }, back);
    if (layout.asOf.leader) svg(doc, "polyline", { points: pts(layout.asOf.leader), class: cls("leader") }, back);
    drawLabel(doc, back, layout.asOf.label);
  }
  const links = layer("tl-links");
  for (const m of layout.marks) {
    if (!m.link || m.cluster !== undefined) continue;
    const [x1, y1, x2, y2] = m.link.line;
    svg(doc, "line", { x1, y1, x2, y2, class: cls("tl-link") }, links);
    for (const [cx, cy] of m.link.dots) svg(doc, "circle", { cx, cy, r: 3, class: cls("tl-dot") }, links);
  }

  // 2. Labelled events, one group each.
  const events = layer("tl-events", false);
  // role="button" is what an interactive chart gives every mark; in a static picture (svg role="img") it is not exposed,
  // and a mark with a name but no role is an ARIA error there.
  const mark = (parent: Element, m: TimelineMark, tag: "g" | "path", name: string, extra: Record<string, string> = {}) =>
    svg(doc, tag, { "data-id": m.id, "data-status": m.status, role: "button", "aria-label": name, class: cls(tag === "g" ? "tl-event" : "tl-mini"), ...extra }, parent);
  for (const m of layout.marks) {
    if (m.cluster !== undefined) continue;
    const { label, name } = eventWords(m);
    const g = mark(events, m, "g", name);
    const hit = m.band ? { x: m.band.x - 3, y: m.band.y - 3, width: m.band.width + 6, height: m.band.height + 6 } : { x: m.x - 10, y: m.y - 10, width: 20, height: 20 };
    svg(doc, "rect", { ...hit, rx: 3, class: cls("focus") }, g);
    if (m.label) svg(doc, "rect", { x: m.label.x - 2, y: m.label.y - 1, width: m.label.width + 4, height: m.label.height + 2, rx: 3, class: cls("focus") }, g);
    if (m.leader) svg(doc, "polyline", { points: pts(m.leader), class: cls("leader") }, g);
    drawMark(doc, g, m, vertical, m.band ? 5 : 6);
    if (label) drawLabel(doc, g, label, true);
  }

  // 3. Clusters last, so an expanded list draws over its neighbours.
  for (const c of layout.clusters) {
    const g = svg(doc, "g", { class: cls("tl-group"), tabindex: -1, role: "group", "aria-label": `${c.label.lines[0]!.text}: ${c.members.map((i) => layout.marks[i]!.event.title).slice(0, 8).join("; ")}${c.members.length > 8 ? "…" : ""}` }, root);
    for (const b of c.bracket) svg(doc, "polyline", { points: pts(b), class: cls("tl-bracket"), "aria-hidden": "true" }, g);
    const lab = svg(doc, "g", { "aria-hidden": "true" }, g);
    drawLabel(doc, lab, c.label);
    // The list is display="none" until the cluster has focus or hover (CSS), so the static picture has no overlapping text.
    if (c.panel) svg(doc, "rect", { x: c.panel.x, y: c.panel.y, width: c.panel.width, height: c.panel.height, rx: 4, class: cls("tl-panel"), display: "none" }, g);
    c.members.forEach((i, r) => {
      const m = layout.marks[i]!;
      const row = c.panel?.rows[r];
      if (!row) return void mark(g, m, "path", sentences([`${m.event.title}, ${m.dateText}`, unsaid(m, false)]), { d: tickPath(m, vertical) });
      // The row is drawn (on focus or hover) as "title · date": the name begins with those words.
      const said = spokenLabel([row.text], `${m.event.title} · ${m.dateText}`);
      const rowText = said.lines[0] ?? row.text;
      const mg = mark(g, m, "g", markName([rowText], sentences([speakable(said.spoken), unsaid(m, false)])), { class: cls("tl-event", "tl-member") });
      svg(doc, "rect", { ...(vertical ? { x: m.x - 7, y: m.y - 3 } : { x: m.x - 3, y: m.y - 7 }), width: vertical ? 14 : 6, height: vertical ? 6 : 14, class: cls("focus") }, mg);
      svg(doc, "path", { d: tickPath(m, vertical), class: cls("tl-mini") }, mg);
      const rg = svg(doc, "g", { class: cls("tl-row"), display: "none" }, mg);
      svg(doc, "rect", { x: c.panel!.x + 2, y: row.y - 12, width: c.panel!.width - 4, height: 16, class: cls("focus") }, rg);
      svg(doc, "path", { d: symbolPath(symbolKind(m.kind), row.x - 9, row.y - 4, 4.5), class: cls("tl-sym", isHollow(m.status) ? "tl-hollow" : "") }, rg);
      svg(doc, "text", { x: row.x, y: row.y, class: cls("tl-row-text") }, rg, rowText);
    });
  }

  // 4. Header, table, details, keyboard order.
  const header = html(doc, "div", { class: cls("header") });
  html(doc, "p", { class: cls("summary") }, header, summary);
  header.appendChild(renderLegend(doc, legendItems(doc, layout), "Key"));
  if (layout.lanesHidden) html(doc, "p", { class: cls("muted") }, header, "Too narrow for a lane per group: all events share one line here.");
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const byId = new Map(layout.marks.map((m) => [m.id, m]));
  const details = new LazyDetails(
    new Set(byId.keys()),
    (id) => detailOf(byId.get(id)!, sources, locale),
  );
  return {
    svg: root,
    summary,
    header,
    ...(layout.zoom.length ? { zoom: layout.zoom } : {}),
    order: layout.marks.map((m) => m.id),
    details,
    table: {
      caption: `${title}: events in time order`,
      columns: ["Event", "Date", "Kind", "Participants", "Place", "Status", "Sources"],
      rows: layout.marks.map((m) => ({
        id: m.id,
        cells: [m.event.title, m.dateText, m.kind, m.participants.join(", "), m.event.place ?? "", m.status, (m.event.citations ?? []).map((c) => sources.get(c.source)?.name ?? c.source).join("; ")],
      })),
    },
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

function detailOf(m: TimelineMark, sources: Map<string, Dataset["sources"][number]>, locale: string): DetailSpec {
  const e = m.event;
  const exact = formatEdtf(e.date, locale) + (e.end ? ` – ${formatEdtf(e.end, locale)}` : "");
  const lines = [
    { label: "Date", text: e.dateLabel && e.dateLabel !== exact ? `${e.dateLabel} (${exact})` : m.dateText },
    { label: "Kind", text: cap(e.kind) + (m.status !== "happened" ? ` (${m.status})` : "") },
    ...(m.participants.length ? [{ label: "Who", text: m.participants.join(", ") }] : []),
    ...(e.place ? [{ label: "Where", text: e.place }] : []),
    ...(e.summary ? [{ label: "What", text: e.summary }] : []),
    ...(m.note ? [{ label: "Editor’s note", text: m.note }] : []),
    ...(e.note ? [{ label: "Note", text: e.note }] : []),
  ];
  const cites = e.citations ?? [];
  const quote = cites.find((c) => c.quote)?.quote;
  return {
    heading: e.title,
    lines,
    ...(quote ? { quote } : {}),
    links: cites.map((c) => {
      const s = sources.get(c.source);
      const href = c.url ?? s?.url;
      return { text: (s?.name ?? c.source) + (c.published ? `, ${formatEdtf(c.published, locale)}` : ""), ...(href ? { href } : {}) };
    }),
  };
}

/** Kinds, statuses and date styles that appear, each with its shape and words. */
function legendItems(doc: Document, layout: TimelineLayout): Array<{ label: string; draw(g: SVGGElement): void }> {
  const ms = layout.marks;
  const items: Array<{ label: string; draw(g: SVGGElement): void }> = [];
  const path = (d: string, c: string) => (g: SVGGElement) => void svg(doc, "path", { d, class: cls(...c.split(" ")) }, g);
  const kinds = [...new Set(ms.map((m) => symbolKind(m.kind)))].sort((a, b) => [...EVENT_KINDS, "other"].indexOf(a) - [...EVENT_KINDS, "other"].indexOf(b));
  for (const k of kinds as SymbolKind[]) items.push({ label: k === "other" ? "Other" : cap(k), draw: path(symbolPath(k, 0, 0, 5), "tl-sym") });
  for (const s of ["scheduled", "postponed", "cancelled"] as const) {
    if (!ms.some((m) => m.status === s)) continue;
    items.push({
      label: cap(s),
      draw: (g) => {
        path(symbolPath("meeting", s === "postponed" ? -3 : 0, 0, 4.5), "tl-sym tl-hollow")(g);
        const extra = statusPath(s, s === "postponed" ? -3 : 0, 0, 3.5);
        if (extra) path(extra, "tl-status")(g);
      },
    });
  }
  const band = (c: string) => (g: SVGGElement) => void svg(doc, "rect", { x: -7, y: -4, width: 14, height: 8, rx: 2, class: cls(...c.split(" ")) }, g);
  if (ms.some((m) => m.band)) items.push({ label: "Month, year or period", draw: band("tl-band") });
  if (ms.some((m) => m.approximate)) items.push({ label: "Approximate date", draw: path("M-8,0H8", "tl-whisker tl-soft") });
  if (ms.some((m) => m.uncertain)) items.push({ label: "Uncertain date", draw: band("tl-band tl-dashed") });
  if (ms.some((m) => m.ends.includes("unknown"))) items.push({ label: "Start or end not reported", draw: path("M-8,0H8", "tl-whisker tl-dashed") });
  if (ms.some((m) => m.ends.includes("open"))) items.push({ label: "Continues", draw: path("M-7,-4h8v8h-8ZM2,-6l6,6l-6,6Z", "tl-open") });
  if (layout.clusters.length) items.push({ label: "Grouped events: focus or tap to list", draw: path("M-7,-3v3h14v-3", "tl-bracket") });
  return items;
}
