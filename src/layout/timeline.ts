/**
 * Timeline layout: events → positioned marks, labels, clusters, lanes and
 * ticks, in plain numbers. No DOM.
 *
 * 1. Resolve each event's span (date, optional `end`) and drop the ones
 *    outside the domain (the `domain` option, else the events' extent).
 * 2. Assign lanes: one per actor (an event sits in its first participant's
 *    lane, in dataset actor order, and links to dots in the others), one per
 *    kind, or a single lane.
 * 3. Scale time linearly along x (horizontal) or y (vertical), with ticks on
 *    d3-time's UTC calendar intervals (`calendarTicks` in timeBreaks.ts, shared
 *    with the promise tracker's axis; the scale itself is a linear map, which
 *    keeps d3-scale, d3-interpolate and d3-color out of the bundle): a day is a
 *    point at noon, a month, a year or an interval a band across it.
 * 4. Place labels (see timelineLabels.ts), in rank order (highlight, note,
 *    importance, kind): stacked tiers above and below each lane line with
 *    leader lines when horizontal; one wrapped column when vertical, on a
 *    time axis with empty stretches cut out (splitTimeAxis/brokenTimeScale,
 *    shared with the promise tracker) and as tall as the labels need. Labels
 *    wrap before they are cut, at a word. What cannot be labelled collapses
 *    into "+N events" clusters whose members stay one mark each; highlighted
 *    events never do.
 * A month, year or interval is a band; its kind symbol sits at the band's
 * start (where the reported period begins), not in its middle, where a dot
 * would read as a day.
 * 5. Geometry for lanes, ticks, periods and the "as of" marker.
 */
import { extent } from "d3-array";
import type { LocaleFormat } from "../format/locale.js";
import { DAY } from "../model/dates.js";
import { resolveDataset } from "../model/resolve.js";
import type { Dataset } from "../model/types.js";
import { prepareTimeline, type EndStyle, type PreparedTimeline, type ResolvedTimelineOptions, type TimelineEntry, type TimelineLayoutOptions, type ZoomChoice } from "../prepare/timeline.js";
import { brokenTimeScale, calendarTicks, splitTimeAxis, type BrokenTimeScale, type TimeSegment } from "./timeBreaks.js";
import { boxesIntersect, withSlack, type Box } from "./text.js";
import { groupClusters, placeColumn, placeTiers, type Cluster, type ColumnItem, type ColumnSlot, type TierItem, type TierPlacement } from "./timelineLabels.js";

export type { EndStyle, TimelineLayoutOptions, ZoomChoice } from "../prepare/timeline.js";
export type { TimelinePeriodOption } from "../prepare/timeline.js";


export type LineRole = "title" | "date" | "note" | "cluster" | "period" | "asof" | "lane" | "tick";
export interface TextLine {
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  role: LineRole;
}
/** A drawn label: its box (for collision tests) and its lines. */
export interface LabelBox extends Box {
  key: string;
  anchor: "start" | "middle" | "end";
  lines: TextLine[];
  /** Rotated −90° about its first line's origin (vertical lane headers); the box is the rotated extent. */
  rotate?: boolean;
}
type Seg = [number, number, number, number];

/** An event placed: its prepared words (also in `entry`, shared across resizes) and its geometry. */
export interface TimelineMark extends TimelineEntry {
  entry: TimelineEntry;
  lane: number;
  /** Symbol centre. */
  x: number;
  y: number;
  /** A month, year or interval: the band it covers (clipped to the plot). A day has none. */
  band?: Box;
  /** Connector to dots in the other participants' lanes; `segments`: the line as drawn, stopped at the labels it would cross. */
  link?: { line: Seg; dots: Array<[number, number]>; segments?: Seg[] };
  label?: LabelBox;
  leader?: Array<[number, number]>;
  /** Index into `clusters` when the label is collapsed. */
  cluster?: number;
}

export interface TimelineCluster {
  key: string;
  /** Indices into `marks`. */
  members: number[];
  label: LabelBox;
  /** Polylines: the brace along the members and, when vertical, its connector to the label. */
  bracket: Array<Array<[number, number]>>;
  /** The expanded list (shown on focus), for clusters small enough to list. */
  panel?: Box & { rows: Array<{ mark: number; x: number; y: number; text: string }> };
}

export interface TimelineLane {
  key: string;
  name: string;
  label?: LabelBox;
  line: Seg;
}

export interface TimelineLayout {
  width: number;
  height: number;
  orientation: "horizontal" | "vertical";
  domain: [number, number];
  /** Events' extent [first start, last end) in ms. */
  extent: [number, number];
  axis: Seg;
  ticks: Array<{ pos: number; tick: Seg; grid: Seg; label: LabelBox }>;
  lanes: TimelineLane[];
  /** Visible events in time order (= keyboard order). */
  marks: TimelineMark[];
  clusters: TimelineCluster[];
  periods: Array<{ box: Box; text: string; label: LabelBox }>;
  /** The marker; `leader` (vertical only) runs from the line's end to a label the column had to move. */
  asOf?: { ms: number; line: Seg; text: string; label: LabelBox; leader?: Array<[number, number]>; segments?: Seg[] };
  /** Vertical: the time axis in segments with breaks between them (empty stretches cut out); one segment when nothing is cut. */
  segments?: TimeSegment[];
  /** Vertical: where the axis is broken (the middle of each cut), in px along the time axis. */
  breaks?: number[];
  /** Events outside the domain, not drawn. */
  hidden: number;
  /** Periods a reader can zoom to (the handle shows them as buttons); see `zoomChoices`. */
  zoom: ZoomChoice[];
  /** Lanes were asked for but there was no room for their columns (vertical, narrow): one lane is drawn. */
  lanesHidden: boolean;
  /** Every visible label box, for collision tests. Cluster panels are overlays shown on focus and are not included. */
  labels: LabelBox[];
  /** The words it was laid out from. */
  prepared: PreparedTimeline;
}

/** Whether `orientation` resolves to vertical at `width`. */
export function isVertical(o: Pick<TimelineLayoutOptions, "orientation" | "breakpoint">, width: number): boolean {
  return o.orientation === "vertical" || (o.orientation === "auto" && width < o.breakpoint);
}

interface Variant {
  w: number;
  h: number;
  lines: Array<{ text: string; role: LineRole; dy: number }>;
}
/** Labels here sit close, so regular text measures with headroom for DejaVu Sans (the Linux default sans); textWidth's bold estimate already follows DejaVu Sans Bold. */
const slack = withSlack(1.06, 1);
/** Every word on the timeline is set at 12 px at least (Chartability); lines 15 px apart. */
const SIZE = 12;
const LH = 15;
const measure = (s: string, size = SIZE, bold = false) => slack.width(s, size, bold);
const cut = (s: string, w: number, size = SIZE, bold = false) => slack.truncate(s, w, size, bold).text;
const FONT: Record<LineRole, number> = { title: 12, date: 12, note: 12, cluster: 12, period: 12, asof: 12, lane: 12, tick: 12 };
const PAD = 6;
/** Roles set in bold (styles.ts): measured as bold. */
const BOLD = new Set<LineRole>(["title", "asof", "lane", "cluster"]);
/** The smallest touch target (WCAG 2.5.5, Chartability): 44 px. */
export const TARGET = 44;
/** At most this many events, the vertical timeline is a list (every event on its own row); more are clustered. */
const LIST_MAX = 150;

/**
 * `s` wrapped to `w` in at most `maxLines` lines, never cut inside a word: a word wider than `w` widens the
 * line to it, and text beyond the last line ends at a whole word with "…".
 */
function wrapWords(s: string, w: number, size: number, maxLines: number, bold = false): string[] {
  const longest = Math.max(0, ...s.split(/\s+/).map((x) => measure(x, size, bold)));
  const width = Math.max(w, longest);
  // A hair over the width: a line measured at exactly `width` (its longest word) still fits it.
  const all = slack.wrap(s, width + 0.011, size, 99, bold).lines;
  if (all.length <= maxLines) return all;
  const keep = all.slice(0, maxLines);
  const last = keep[maxLines - 1]!.split(" ");
  while (last.length > 1 && measure(`${last.join(" ")}…`, size, bold) > width) last.pop();
  keep[maxLines - 1] = `${last.join(" ").replace(/[\s,;:.–-]+$/u, "")}…`;
  return keep;
}

/** Lines stacked from the top of a box: first baseline at 12, then every 15 px. */
function variant(lines: Array<{ text: string; role: LineRole }>): Variant {
  let w = 0;
  const out = lines.map((l, k) => {
    w = Math.max(w, measure(l.text, FONT[l.role], BOLD.has(l.role)));
    // Spelled out, not `{ ...l, dy }`: V8's spread with an added property is its slow path (hot at 10,000 events).
    return { text: l.text, role: l.role, dy: 12 + LH * k };
  });
  return { w: w + PAD, h: LH * lines.length + 3, lines: out };
}

/** An event's label at each width in `shapes` ([width, title lines], best first): the title wraps, the date wraps (never cut), the note wraps to three lines. */
function eventVariants(m: TimelineMark, shapes: Array<[number, number]>): Variant[] {
  const out: Variant[] = [];
  for (const [w, titleLines] of shapes) {
    const v = variant([
      ...wrapWords(m.event.title, w - PAD, SIZE, titleLines, true).map((text) => ({ text, role: "title" as const })),
      ...wrapWords(m.entry.dateLine, w - PAD, SIZE, 99).map((text) => ({ text, role: "date" as const })),
      ...(m.entry.noteLine ? wrapWords(m.entry.noteLine, w - PAD, SIZE, 3).map((text) => ({ text, role: "note" as const })) : []),
    ]);
    out.push(v);
  }
  return out;
}

function toLabel(key: string, v: Variant, x: number, y: number, anchor: "start" | "end"): LabelBox {
  const tx = anchor === "start" ? x + PAD / 2 : x + v.w - PAD / 2;
  return { key, x, y, width: v.w, height: v.h, anchor, lines: v.lines.map((l) => ({ x: tx, y: y + l.dy, text: l.text, role: l.role })) };
}

function oneLine(key: string, text: string, role: LineRole, x: number, y: number, anchor: "start" | "middle" | "end", maxW = Infinity): LabelBox {
  const t = cut(text, maxW, FONT[role], BOLD.has(role));
  const w = measure(t, FONT[role], BOLD.has(role));
  const bx = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
  return { key, x: bx, y, width: w, height: 16, anchor, lines: [{ x, y: y + 12, text: t, role }] };
}

/** Tick labels for the interval d3 chose: years, months (with the year at January and at the first tick) or days. */
function tickTexts(ticks: Date[], loc: LocaleFormat): string[][] {
  const step = ticks.length > 1 ? +ticks[1]! - +ticks[0]! : 366 * DAY;
  return ticks.map((d, k) => {
    const ms = +d;
    if (step >= 360 * DAY) return [loc.year(ms)];
    const newYear = k === 0 || new Date(+ticks[k - 1]!).getUTCFullYear() !== d.getUTCFullYear();
    const head = step >= 28 * DAY ? loc.monthShort(ms) : loc.dayShort(ms);
    return newYear ? [head, loc.year(ms)] : [head];
  });
}

/**
 * An axis-aligned line with the stretches inside `boxes` (plus a 2 px margin) cut out: the as-of line and
 * participant links stop at the labels they would otherwise run through.
 */
export function clipAround(seg: Seg, boxes: Box[]): Seg[] {
  const [x1, y1, x2, y2] = seg;
  const vert = x1 === x2;
  const c = vert ? x1 : y1;
  let a = Math.min(vert ? y1 : x1, vert ? y2 : x2);
  const b = Math.max(vert ? y1 : x1, vert ? y2 : x2);
  const cuts = boxes
    .filter((bx) => (vert ? c > bx.x - 2 && c < bx.x + bx.width + 2 : c > bx.y - 2 && c < bx.y + bx.height + 2))
    .map((bx) => (vert ? [bx.y - 2, bx.y + bx.height + 2] : [bx.x - 2, bx.x + bx.width + 2]) as [number, number])
    .filter(([p, q]) => q > a && p < b)
    .sort((p, q) => p[0] - q[0]);
  const out: Seg[] = [];
  for (const [p, q] of cuts) {
    if (p > a + 1) out.push(vert ? [c, a, c, p] : [a, c, p, c]);
    a = Math.max(a, q);
  }
  if (b > a + 1) out.push(vert ? [c, a, c, b] : [a, c, b, c]);
  return out;
}

/** Lay out for `width` from the dataset (prepares first; the chart handle keeps the prepared words across resizes). */
export function layoutTimeline(dataset: Dataset, options: ResolvedTimelineOptions, width: number): TimelineLayout {
  return placeTimeline(prepareTimeline(resolveDataset(dataset), options), options, width);
}

/** What both placements share: the marks (fresh geometry, shared words), the lanes, the output lists. */
interface Ctx {
  prep: PreparedTimeline;
  width: number;
  marks: TimelineMark[];
  labels: LabelBox[];
  clusters: TimelineCluster[];
  nLanes: number;
  laneKeys: string[];
  laneNames: string[];
  eventLanes: number[][];
  lanesHidden: boolean;
}

/** Geometry only: the prepared events placed at `width`. */
export function placeTimeline(prep: PreparedTimeline, options: TimelineLayoutOptions, width: number): TimelineLayout {
  const vertical = isVertical(options, width);
  let { laneKeys, laneNames, eventLanes } = prep.lanes(options.lanes);
  const lanesHidden = vertical && laneKeys.length > 1 && laneKeys.length * 14 > width * 0.3;
  if (lanesHidden) ({ laneKeys, laneNames, eventLanes } = prep.lanes("none"));
  // Fresh marks each time (the placement below writes their geometry); the words are shared.
  const entries = prep.entries;
  const marks: TimelineMark[] = new Array(entries.length);
  // Object.assign, not `{ ...entry, entry, … }`: entries come in several shapes (optional note), and V8's spread with extra
  // properties then takes its slow path — 10× slower at 10,000 events. Same properties, same order.
  for (let k = 0; k < entries.length; k++) {
    const m = Object.assign({}, entries[k]!) as TimelineMark;
    m.entry = entries[k]!;
    m.lane = eventLanes[k]![0]!;
    m.x = 0;
    m.y = 0;
    marks[k] = m;
  }
  const ctx: Ctx = { prep, width, marks, labels: [], clusters: [], nLanes: laneKeys.length, laneKeys, laneNames, eventLanes, lanesHidden };
  const placed = vertical ? placeVertical(ctx) : placeHorizontal(ctx);
  const layout: TimelineLayout = {
    orientation: vertical ? "vertical" : "horizontal",
    domain: prep.domain,
    extent: prep.extent,
    marks,
    clusters: ctx.clusters,
    hidden: prep.hidden,
    zoom: prep.zoom,
    prepared: prep,
    lanesHidden,
    labels: ctx.labels,
    width,
    ...placed,
  };
  routeAroundLabels(layout);
  fitPanels(layout);
  return layout;
}

/** Band edges on the time axis: open ends run to the plot's edge; unknown ends stop at the known date (the renderer adds a dashed run-out). */
function bandEdges(m: TimelineMark, t: (ms: number) => number, lo: number, hi: number, domain: [number, number]): [number, number] {
  const { ends, span } = m.entry;
  const a = ends[0] === "open" ? lo : t(Math.max(span.start, domain[0]));
  const b = ends[1] === "open" ? hi : t(Math.min(span.end, domain[1]));
  return [a, Math.max(b, a + 2)];
}
/** Where a band's symbol and leader sit: at its start, not its middle (a dot mid-band would read as a day). */
const bandAnchor = (a: number, b: number) => a + Math.min(7, (b - a) / 2);

/** A small cluster's list, shown on focus or tap: one 44 px row per member. */
function panelRows(ctx: Ctx, c: Cluster, x: number, y: number, w: number): TimelineCluster["panel"] {
  if (c.members.length > 8) return undefined;
  return {
    x,
    y,
    width: w,
    height: c.members.length * TARGET + 6,
    rows: c.members.map((mi, r) => ({ mark: mi, x: x + 20, y: y + 3 + r * TARGET + TARGET / 2 + 5, text: cut(ctx.marks[mi]!.row, w - 26) })),
  };
}

/** Cluster lists stay inside the chart: moved up when they would run off its foot. */
function fitPanels(L: TimelineLayout): void {
  for (const c of L.clusters) {
    const p = c.panel;
    if (!p) continue;
    const dy = Math.max(-p.y, Math.min(0, L.height - (p.y + p.height)));
    if (!dy) continue;
    p.y += dy;
    for (const r of p.rows) r.y += dy;
  }
}

/** The as-of line and participant links stop at the labels they would cross. */
function routeAroundLabels(L: TimelineLayout): void {
  if (L.asOf) L.asOf.segments = clipAround(L.asOf.line, L.labels.filter((b) => b !== L.asOf!.label));
  for (const m of L.marks) if (m.link) m.link.segments = clipAround(m.link.line, L.labels.filter((b) => b !== m.label));
}

type Placed = Pick<TimelineLayout, "height" | "axis" | "ticks" | "lanes" | "periods" | "asOf" | "segments" | "breaks">;

/** The time axis in segments: the empty stretches splitTimeAxis would cut (events and the as-of day, clipped to the domain), else the whole domain. */
function axisSegments(ctx: Ctx): Array<[number, number]> {
  const { domain, asOfMs } = ctx.prep;
  const spans: Array<[number, number]> = ctx.marks.map((m) => [Math.max(domain[0], m.span.start), Math.min(domain[1], m.span.end)]);
  if (asOfMs !== undefined) spans.push([asOfMs, asOfMs]);
  const cuts = splitTimeAxis(spans);
  return cuts.length > 1 ? cuts.map(([a, b], k) => [k ? a : domain[0], k === cuts.length - 1 ? domain[1] : b]) : [domain];
}

/** Horizontal: time along x, lanes stacked, labels in tiers above and below each lane line. */
function placeHorizontal(ctx: Ctx): Placed {
  const { prep, width, marks, labels, nLanes } = ctx;
  const { domain } = prep;
  const lo = 8;
  const hi = width - 8;
  const plotW = hi - lo;
  // One linear axis, or — when a long empty stretch would squeeze everything else — the broken scale shared with the promise tracker.
  const segs = axisSegments(ctx);
  const broken = segs.length > 1 ? brokenTimeScale(segs, lo, hi, 26, 0.12) : undefined;
  const t = broken ? broken.x : (ms: number) => lo + ((ms - domain[0]) / (domain[1] - domain[0])) * (hi - lo);
  const segments = broken ? broken.segments : [{ t0: domain[0], t1: domain[1], x0: lo, x1: hi }];
  marks.forEach((m) => {
    if (m.isBand) {
      const [a, b] = bandEdges(m, t, lo, hi, domain);
      m.band = { x: a, y: 0, width: b - a, height: 10 };
      m.x = bandAnchor(a, b);
    } else m.x = t(m.entry.span.start + DAY / 2);
  });
  const ctxRow = contextRow(ctx, t, lo, hi);
  let y = ctxRow.bottom;
  const plotTop = y;
  const lanes: TimelineLane[] = [];
  const laneLineY: number[] = [];
  // Wide, then narrower and taller: the title wraps to more lines before a label gives way.
  const maxW = Math.max(120, Math.min(220, plotW * 0.2));
  const shapes: Array<[number, number]> = [[maxW, 4], [maxW * 0.72, 5], [Math.max(112, maxW * 0.5), 6]];
  const variants: Variant[][] = [];
  const vars = (k: number) => (variants[k] ??= eventVariants(marks[k]!, shapes));
  for (let l = 0; l < nLanes; l++) {
    const r = placeLane(ctx, l, y, lo, hi, vars);
    lanes.push(r.lane);
    laneLineY.push(r.lane.line[1]);
    y = r.bottom;
  }
  marks.forEach((m, k) => {
    m.y = laneLineY[m.lane]!;
    if (m.band) m.band.y = m.y - 5;
    if (m.label) labels.push(m.label);
    const ls = ctx.eventLanes[k]!;
    if (ls.length > 1) m.link = { line: [m.x, m.y, m.x, laneLineY[ls[ls.length - 1]!]!], dots: ls.slice(1).map((l) => [m.x, laneLineY[l]!]) };
  });
  const axisY = y;
  // Per segment; a tick whose label would touch the one before (across a break) is dropped.
  const ticks = segments
    .flatMap((sg) => horizontalTicks(ctx, t, sg, plotTop, axisY))
    .filter((tk, k, all) => k === 0 || tk.label.x >= all[k - 1]!.label.x + all[k - 1]!.label.width + 8)
    .map((tk, k) => ({ ...tk, label: { ...tk.label, key: `tick-${k}` } }));
  for (const tk of ticks) labels.push(tk.label);
  const periods = ctxRow.labels.filter((c) => c.i >= 0).map(({ i, label }) => {
    const p = prep.periods[i]!;
    return { box: { x: t(p.from), y: plotTop, width: t(p.to) - t(p.from), height: axisY - plotTop }, text: p.text, label };
  });
  const asOfLabel = ctxRow.labels.find((c) => c.i < 0)?.label;
  for (const c of ctxRow.labels) labels.push(c.label);
  const asOfMs = prep.asOfMs;
  return {
    height: axisY + 22 + LH * Math.max(...ticks.map((tk) => tk.label.lines.length), 1),
    axis: [lo, axisY, hi, axisY],
    ticks,
    lanes,
    periods,
    ...(asOfMs !== undefined && asOfLabel ? { asOf: { ms: asOfMs, line: [t(asOfMs), asOfLabel.y + asOfLabel.height, t(asOfMs), axisY] as Seg, text: prep.asOfWords, label: asOfLabel } } : {}),
    ...(broken ? { segments, breaks: broken.breaks.map((b) => b.x) } : {}),
  };
}

/** The context row above the plot: period and "as of" labels, tiered so they never collide. */
function contextRow(ctx: Ctx, t: (ms: number) => number, lo: number, hi: number): { labels: Array<{ i: number; label: LabelBox }>; bottom: number } {
  const { prep } = ctx;
  const plotW = hi - lo;
  const items = prep.periods.map((p, k) => ({ i: k, at: t(p.from), text: p.text, w: Math.min(plotW, 240) }));
  if (prep.asOfMs !== undefined) items.push({ i: -1, at: t(prep.asOfMs), text: prep.asOfWords, w: plotW });
  const texts = items.map((c) => cut(c.text, c.w - PAD, SIZE, c.i < 0));
  const placed = placeTiers(items.map((c, k) => ({ i: k, at: c.at, widths: [measure(texts[k]!, SIZE, c.i < 0) + PAD] })), lo, hi, Math.max(1, items.length)).placed;
  const tiers = placed.reduce((n, p) => Math.max(n, p.tier + 1), 0);
  const labels = placed.map((p) => {
    const c = items[p.i]!;
    const v = variant([{ text: texts[p.i]!, role: c.i < 0 ? "asof" : "period" }]);
    return { i: c.i, label: toLabel(c.i < 0 ? "as-of" : `period-${c.i}`, v, p.a, 4 + p.tier * 20, p.anchor) };
  });
  return { labels, bottom: 4 + tiers * 20 + (tiers ? 2 : 0) };
}

/** One lane: tiers above its line, then below it; what fits in neither becomes a cluster (highlighted events always fit: they may use more tiers). */
function placeLane(ctx: Ctx, l: number, top: number, lo: number, hi: number, vars: (k: number) => Variant[]): { lane: TimelineLane; bottom: number } {
  const { marks, clusters, labels, prep, nLanes } = ctx;
  const plotW = hi - lo;
  const one = nLanes === 1;
  const upTiers = one ? 6 : nLanes <= 3 ? 4 : 2;
  const downTiers = one ? 4 : nLanes <= 3 ? 3 : 1;
  const own = marks.map((_, k) => k).filter((k) => marks[k]!.lane === l);
  // Highlighted, annotated, important events first, then contacts before statements, each in time order.
  const order = own.map((k) => [k, marks[k]!.entry.rank] as const).sort((p, q) => q[1] - p[1] || p[0] - q[0]).map(([k]) => k);
  const item =
    (extra: number) =>
    (k: number): TierItem => {
      const it: TierItem = { i: k, at: marks[k]!.x, widths: () => vars(k).map((v) => v.w) };
      if (marks[k]!.entry.forced) it.tiers = extra;
      return it;
    };
  const up = placeTiers(order.map(item(upTiers + 6)), lo, hi, upTiers);
  const down = placeTiers(up.overflow.map(item(downTiers + 6)), lo, hi, downTiers);
  let over = down.overflow;
  let cl: Cluster[];
  // A leader from below may not pass through a cluster label: that label's event joins the cluster instead (never a highlighted one: its label stays).
  for (;;) {
    cl = groupClusters(over.sort((a, b) => marks[a]!.x - marks[b]!.x || a - b).map((k) => ({ i: k, at: marks[k]!.x })), 48, (n) => measure(prep.more(n), SIZE, true) + PAD, lo, hi);
    const clash = down.placed.filter((p) => !marks[p.i]!.entry.forced && cl.some((c) => marks[p.i]!.x >= c.a - 2 && marks[p.i]!.x <= c.b + 2));
    if (!clash.length) break;
    down.placed = down.placed.filter((p) => !clash.includes(p));
    over = over.concat(clash.map((p) => p.i));
  }
  const hs = (placed: TierPlacement[]) => Array.from(placed.reduce<number[]>((h, p) => ((h[p.tier] = Math.max(h[p.tier] ?? 0, vars(p.i)[p.variant]!.h)), h), []), (h) => h ?? 0);
  const tierTops = (h: number[]) => h.reduce<number[]>((tops, x, k) => (tops.push((tops[k - 1] ?? 0) + (k ? h[k - 1]! + 4 : 0)), tops), []);
  const upH = hs(up.placed);
  const downH = hs(down.placed);
  let y = top;
  let header: LabelBox | undefined;
  if (nLanes > 1 || ctx.laneNames[0]) (header = oneLine(`lane-${l}`, ctx.laneNames[l]!, "lane", lo, y, "start", plotW)), (y += 18);
  const lineY = y + upH.reduce((s, h) => s + h + 4, 0) + 9;
  const upTops = tierTops(upH);
  for (const p of up.placed) {
    const m = marks[p.i]!;
    m.label = toLabel(m.id, vars(p.i)[p.variant]!, p.a, lineY - 9 - upTops[p.tier]! - upH[p.tier]!, p.anchor);
    m.leader = [[m.x, m.label.y + m.label.height], [m.x, lineY - 7]];
  }
  y = lineY + 9;
  // Clusters: "+N events" under the line; the list opens above the line when it has room, else below.
  for (const c of cl) {
    const key = `cluster-${clusters.length}`;
    const label = oneLine(key, prep.more(c.members.length), "cluster", (c.a + c.b) / 2, y + 1, "middle");
    const pw = Math.min(280, plotW);
    const px = Math.max(lo, Math.min(hi - pw, (c.from + c.to) / 2 - pw / 2));
    const ph = c.members.length * TARGET + 6;
    c.members.sort((a, b) => a - b).forEach((mi) => (marks[mi]!.cluster = clusters.length));
    clusters.push({ key, members: c.members, label, bracket: [[[c.from, lineY + 4], [c.from, lineY + 7], [c.to, lineY + 7], [c.to, lineY + 4]]], panel: panelRows(ctx, c, px, lineY - 12 - ph >= 0 ? lineY - 12 - ph : y + 18, pw) });
    labels.push(label);
  }
  if (cl.length) y += 18;
  const downTops = tierTops(downH);
  for (const p of down.placed) {
    const m = marks[p.i]!;
    m.label = toLabel(m.id, vars(p.i)[p.variant]!, p.a, y + downTops[p.tier]!, p.anchor);
    m.leader = [[m.x, lineY + 7], [m.x, m.label.y]];
  }
  y += downH.reduce((s, h) => s + h + 4, 0);
  if (header) labels.push(header);
  return { lane: { key: ctx.laneKeys[l]!, name: ctx.laneNames[l]!, ...(header ? { label: header } : {}), line: [lo, lineY, hi, lineY] }, bottom: y + 8 };
}

/** Ticks along x for one segment of the axis: fewer until their labels fit side by side; the year at the segment's first tick and at each new year. */
function horizontalTicks(ctx: Ctx, t: (ms: number) => number, seg: TimeSegment, plotTop: number, axisY: number): TimelineLayout["ticks"] {
  const { domain, words } = ctx.prep;
  const [a, b] = [Math.max(seg.t0, domain[0]), Math.min(seg.t1, domain[1])];
  let count = Math.min(Math.max(1, Math.floor((seg.x1 - seg.x0) / 90)), Math.ceil((b - a) / DAY));
  for (;;) {
    const ds = calendarTicks(a, b, count);
    const texts = tickTexts(ds, words.fmt);
    const ticks = ds.map((d, k) => {
      const pos = t(+d);
      const w = Math.max(...texts[k]!.map((s) => measure(s)));
      const bx = Math.max(0, Math.min(ctx.width - w, pos - w / 2));
      const label: LabelBox = { key: `tick-${k}`, x: bx, y: axisY + 5, width: w, height: LH * texts[k]!.length + 2, anchor: "middle", lines: texts[k]!.map((s, j) => ({ x: bx + w / 2, y: axisY + 17 + LH * j, text: s, role: "tick" })) };
      return { pos, tick: [pos, axisY, pos, axisY + 4] as Seg, grid: [pos, plotTop, pos, axisY] as Seg, label };
    });
    const inside = ticks.every((tk) => tk.label.x >= seg.x0 - 12 && tk.label.x + tk.label.width <= seg.x1 + 12);
    if (count <= 1 || (inside && ticks.every((tk, k) => k === 0 || tk.label.x >= ticks[k - 1]!.label.x + ticks[k - 1]!.label.width + 8))) return inside ? ticks : ticks.slice(0, 1);
    count = Math.max(1, Math.floor(count * 0.7));
  }
}

/** Vertical: time down the page, broken where nothing happens, lanes as narrow columns, labels wrapped in one column to the right. */
function placeVertical(ctx: Ctx): Placed {
  const { prep, width, marks, nLanes, laneNames } = ctx;
  const { domain } = prep;
  const M = 6;
  const headerH = nLanes > 1 ? Math.min(90, Math.max(...laneNames.map((n) => measure(n))) + 4) + 8 : 0;
  const plotTop = M + headerH + 10;
  const laneW = nLanes > 1 ? Math.max(14, Math.min(26, (width * 0.3) / nLanes)) : 0;
  // The empty stretches to cut: what events and the as-of day cover, clipped to the domain.
  const segs = axisSegments(ctx);
  // The widest tick label any plot height could draw (verticalTicks never steps finer than these).
  const tickW = Math.max(...segs.flatMap(([a, b]) => tickTexts(calendarTicks(a, b, tickCount(a, b, 2400)), prep.words.fmt).map((l) => measure(l.join(" ")))));
  const axisX = M + tickW + 6;
  const laneX = (l: number) => (nLanes > 1 ? axisX + 12 + l * laneW + laneW / 2 : axisX);
  const laneRight = nLanes > 1 ? axisX + 12 + nLanes * laneW : axisX + 8;
  // A 24 px channel for the leaders' slanted runs.
  const colX = laneRight + 30;
  const colW = Math.max(60, width - colX - M);
  const variants: Variant[][] = [];
  const vars = (k: number) => (variants[k] ??= eventVariants(marks[k]!, [[colW, 4], [colW, 2]]));
  // As tall as the labels need: grow the plot until no label is pushed far from its mark (dense data stops at a cap and clusters).
  const n = marks.length;
  const cap = n > LIST_MAX ? 2400 : Math.max(600, n * 72);
  let plotH = Math.max(320, Math.min(cap, n * 30));
  let col: ReturnType<typeof placeVerticalColumn>;
  for (;;) {
    col = placeVerticalColumn(ctx, segs, plotTop, plotH, { axisX, laneX, laneRight, colX, colW, vars });
    if (col.far <= 40 || plotH >= cap) break;
    plotH = Math.min(cap, Math.ceil(plotH * 1.3));
  }
  const { scale } = col;
  plotH = col.plotH;
  ctx.labels.push(...col.labels);
  const lanes: TimelineLane[] = ctx.laneKeys.map((key, l) => {
    const x = laneX(l);
    let label: LabelBox | undefined;
    if (nLanes > 1) {
      // Rotated −90° about the baseline origin: the text runs up the page from just above the plot.
      const one = oneLine(`lane-${l}`, laneNames[l]!, "lane", 0, 0, "start", headerH - 8);
      label = { ...one, x: x - 6, y: plotTop - 8 - one.width, width: 12, height: one.width, rotate: true, lines: [{ ...one.lines[0]!, x: x + 4, y: plotTop - 8 }] };
      ctx.labels.push(label);
    }
    return { key, name: laneNames[l]!, ...(label ? { label } : {}), line: [x, plotTop, x, plotTop + plotH] as Seg };
  });
  const ticks = verticalTicks(ctx, scale, axisX, laneRight);
  for (const tk of ticks) ctx.labels.push(tk.label);
  return {
    height: Math.ceil(Math.max(col.bottom, plotTop + plotH) + 12),
    axis: [axisX, plotTop, axisX, plotTop + plotH],
    ticks,
    lanes,
    periods: col.periods,
    ...(col.asOf ? { asOf: col.asOf } : {}),
    segments: scale.segments,
    breaks: scale.breaks.map((b) => b.x),
  };
}

interface ColumnGeometry {
  axisX: number;
  laneX(l: number): number;
  laneRight: number;
  colX: number;
  colW: number;
  vars(k: number): Variant[];
}

/** One try at the vertical column for a plot `plotH` tall: marks on the broken scale, labels stacked beside them; `far`: the furthest a label was pushed from its mark. */
function placeVerticalColumn(ctx: Ctx, segs: Array<[number, number]>, plotTop: number, plotH: number, g: ColumnGeometry) {
  const { prep, marks } = ctx;
  const { domain } = prep;
  const { colX, colW, vars, laneX, axisX, laneRight } = g;
  const base = brokenTimeScale(segs, plotTop, plotTop + plotH, 26, 0.12);
  let scale: Pick<BrokenTimeScale, "x" | "segments" | "breaks"> = base;
  let t = (ms: number) => scale.x(ms);
  const labels: LabelBox[] = [];
  ctx.clusters.length = 0;
  marks.forEach((m, k) => {
    m.x = laneX(m.lane);
    delete m.label, delete m.leader, delete m.cluster;
    if (m.isBand) {
      const [a, b] = bandEdges(m, t, plotTop, plotTop + plotH, domain);
      m.band = { x: m.x - 5, y: a, width: 10, height: b - a };
      m.y = bandAnchor(a, b);
    } else m.y = t(m.entry.span.start + DAY / 2);
    const ls = ctx.eventLanes[k]!;
    if (ls.length > 1) m.link = { line: [m.x, m.y, laneX(ls[ls.length - 1]!), m.y], dots: ls.slice(1).map((l) => [laneX(l), m.y]) };
  });
  // One column of items in time order: events, plus periods and "as of" that are never clustered.
  type Extra = { text: string; role: LineRole; key: string };
  const extras: Array<{ at: number; x: Extra }> = prep.periods.map((p, k) => ({ at: t(p.from), x: { text: p.text, role: "period", key: `period-${k}` } }));
  if (prep.asOfMs !== undefined) extras.push({ at: t(prep.asOfMs), x: { text: prep.asOfWords, role: "asof", key: "as-of" } });
  const items: ColumnItem[] = [
    ...marks.map((m, k) => ({ i: k, at: m.y - 8, forced: !!m.entry.note || m.entry.forced })),
    ...extras.map((e, k) => ({ i: -1 - k, at: e.at - 8, forced: true })),
  ].sort((a, b) => a.at - b.at || a.i - b.i);
  // Period and "as of" words wrap to two lines, like the events'.
  const extraV = extras.map((e) => variant(wrapWords(e.x.text, colW - PAD, SIZE, 2).map((text) => ({ text, role: e.x.role }))));
  const size = (i: number, short: boolean) => (i < 0 ? extraV[-1 - i]!.h : vars(i)[short ? 1 : 0]!.h);
  let slots: ColumnSlot[];
  if (marks.length <= LIST_MAX) {
    const list = listRows(marks, items, size, base, plotTop, plotH);
    slots = list.slots;
    scale = list.scale;
    plotH = list.plotH;
    t = (ms: number) => scale.x(ms);
  } else slots = placeColumn(items, { gap: 4, maxShift: 90, reach: 60, clusterH: 22, size });
  const periods: TimelineLayout["periods"] = [];
  let asOf: TimelineLayout["asOf"];
  let bottom = plotTop + plotH;
  let far = 0;
  const atOf = new Map(items.map((it) => [it.i, it.at]));
  for (const s of slots) {
    if (s.cluster) {
      const c = s.cluster;
      const key = `cluster-${ctx.clusters.length}`;
      const label = oneLine(key, prep.more(c.members.length), "cluster", colX + PAD / 2, s.top, "start");
      const ys = c.members.map((mi) => marks[mi]!.y);
      // A cluster can hold 100,000 members: no spread onto the stack.
      const [y0, y1] = extent(ys) as [number, number];
      const bx = colX - 8;
      far = Infinity;
      c.members.sort((a, b) => a - b).forEach((mi) => (marks[mi]!.cluster = ctx.clusters.length));
      ctx.clusters.push({ key, members: c.members, label, bracket: [[[bx - 3, y0], [bx, y0], [bx, y1], [bx - 3, y1]], [[bx, (y0 + y1) / 2], [colX, s.top + 8]]], panel: panelRows(ctx, c, colX, s.top + 20, Math.min(colW, 280)) });
      labels.push(label);
      bottom = Math.max(bottom, s.top + 20);
      continue;
    }
    far = Math.max(far, Math.abs(s.top - atOf.get(s.i)!));
    if (s.i >= 0) {
      const m = marks[s.i]!;
      m.label = toLabel(m.id, vars(s.i)[s.short ? 1 : 0]!, colX, s.top, "start");
      // Elbow leaders: level at the mark, then a short steep run to the label, so leaders in time order never cross.
      m.leader = [[m.x + 8, m.y], [laneRight + 4, m.y], [colX - 5, s.top + 8], [colX - 2, s.top + 8]];
      labels.push(m.label);
      bottom = Math.max(bottom, s.top + m.label.height);
      continue;
    }
    const e = extras[-1 - s.i]!;
    const label = toLabel(e.x.key, extraV[-1 - s.i]!, colX, s.top, "start");
    labels.push(label);
    bottom = Math.max(bottom, s.top + label.height);
    if (e.x.role === "asof") {
      const y = t(prep.asOfMs!);
      // Moved down past other labels: the line stops short and an elbow leads to the label, as for events.
      asOf =
        Math.abs(s.top + 8 - y) <= 4
          ? { ms: prep.asOfMs!, line: [axisX - 8, y, colX - 4, y], text: prep.asOfWords, label }
          : { ms: prep.asOfMs!, line: [axisX - 8, y, laneRight + 4, y], text: prep.asOfWords, label, leader: [[laneRight + 4, y], [colX - 5, s.top + 8], [colX - 2, s.top + 8]] };
    } else {
      const p = prep.periods[-1 - s.i]!;
      periods.push({ box: { x: axisX - 6, y: t(p.from), width: laneRight - axisX + 10, height: t(p.to) - t(p.from) }, text: p.text, label });
    }
  }
  // A list puts every label on its mark's row: nothing is far, and a taller plot would only add empty time.
  return { scale, labels, periods, asOf, bottom: Math.max(bottom, plotTop + plotH), far: marks.length <= LIST_MAX ? 0 : far, plotH };
}

/**
 * Up to LIST_MAX events: a list, every event on its own row beside its mark. Rows push the time axis apart
 * where events crowd (a monotone stretch of the broken scale through each row); the empty stretches keep the
 * broken scale's breaks. Moves the marks onto their rows.
 */
function listRows(marks: TimelineMark[], items: ColumnItem[], size: (i: number, short: boolean) => number, base: BrokenTimeScale, plotTop: number, plotH: number) {
  const P: number[] = [];
  const Y: number[] = [];
  let cursor = plotTop - 8;
  const slots: ColumnSlot[] = items.map((it) => {
    const top = Math.max(it.at, cursor);
    cursor = top + size(it.i, false) + 4;
    P.push(it.at + 8), Y.push(top + 8);
    return { i: it.i, top, short: false, forced: true };
  });
  const W = stretch(P, Y);
  const rowY = new Map(items.map((it, k) => [it.i, Y[k]!]));
  const scale: Pick<BrokenTimeScale, "x" | "segments" | "breaks"> = { x: (ms) => W(base.x(ms)), segments: base.segments.map((sg) => ({ ...sg, x0: W(sg.x0), x1: W(sg.x1) })), breaks: base.breaks.map((b) => ({ ...b, x: W(b.x) })) };
  const end = W(plotTop + plotH);
  marks.forEach((m, k) => {
    m.y = rowY.get(k)!;
    if (m.band) {
      const y1 = m.entry.ends[1] === "open" ? end : Math.max(W(m.band.y + m.band.height), m.y + 5);
      const y0 = Math.min(m.y - 5, m.entry.ends[0] === "open" ? plotTop : W(m.band.y));
      m.band = { ...m.band, y: y0, height: y1 - y0 };
    }
    if (m.link) m.link = { line: [m.link.line[0], m.y, m.link.line[2], m.y], dots: m.link.dots.map(([x]) => [x, m.y]) };
  });
  return { slots, scale, plotH: end - plotTop };
}

/** Piecewise linear through (P[k], Y[k]) (P and Y both non-decreasing), slope 1 beyond the ends. */
function stretch(P: number[], Y: number[]): (p: number) => number {
  if (!P.length) return (p) => p;
  return (p) => {
    if (p <= P[0]!) return Y[0]! - (P[0]! - p);
    const n = P.length - 1;
    if (p >= P[n]!) return Y[n]! + (p - P[n]!);
    let lo = 0;
    let hi = n;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (P[mid]! <= p) lo = mid;
      else hi = mid;
    }
    const [p0, p1, y0, y1] = [P[lo]!, P[hi]!, Y[lo]!, Y[hi]!];
    return p1 > p0 ? y0 + ((p - p0) / (p1 - p0)) * (y1 - y0) : y0;
  };
}

/** About one tick per 80 px, but no finer than months when the stretch spans two months or more. */
function tickCount(a: number, b: number, px: number): number {
  const months = Math.floor((b - a) / (30.5 * DAY));
  const n = Math.max(1, Math.floor(px / 80));
  return months >= 2 ? Math.min(n, months) : n;
}

/** Ticks down the axis, per segment of the broken scale: about one per 80 px, none that would touch another. */
function verticalTicks(ctx: Ctx, scale: Pick<BrokenTimeScale, "x" | "segments">, axisX: number, laneRight: number): TimelineLayout["ticks"] {
  const loc = ctx.prep.words.fmt;
  const out: TimelineLayout["ticks"] = [];
  let last = -Infinity;
  let prevYear = NaN;
  for (const seg of scale.segments) {
    const [a, b] = [Math.max(seg.t0, ctx.prep.domain[0]), Math.min(seg.t1, ctx.prep.domain[1])];
    const count = tickCount(a, b, seg.x1 - seg.x0);
    const ds = calendarTicks(a, b, count).filter((d) => +d >= seg.t0 && +d <= seg.t1);
    const texts = tickTexts(ds, loc);
    ds.forEach((d, k) => {
      const pos = scale.x(+d);
      if (pos - 8 < last + 14) return;
      const year = d.getUTCFullYear();
      // The year on every segment's first tick and at each new year.
      const words = texts[k]!.length === 1 && year !== prevYear && texts[k]![0] !== loc.year(+d) ? [texts[k]![0]!, loc.year(+d)] : texts[k]!;
      const text = words.join(" ");
      prevYear = year;
      last = pos + 8;
      const w = measure(text);
      const label: LabelBox = { key: `tick-${out.length}`, x: axisX - 6 - w, y: pos - 8, width: w, height: 16, anchor: "end", lines: [{ x: axisX - 6, y: pos + 4, text, role: "tick" }] };
      out.push({ pos, tick: [axisX - 4, pos, axisX, pos], grid: [axisX, pos, laneRight, pos], label });
    });
  }
  return out;
}

/** Pairs of label boxes that intersect (for tests and a debug check); empty when the layout is sound. */
export function labelCollisions(layout: TimelineLayout): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const ls = [...layout.labels].sort((a, b) => a.x - b.x);
  for (let i = 0; i < ls.length; i++)
    for (let j = i + 1; j < ls.length && ls[j]!.x < ls[i]!.x + ls[i]!.width; j++) if (boxesIntersect(ls[i]!, ls[j]!)) out.push([ls[i]!.key, ls[j]!.key]);
  return out;
}
