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
 * 4. Place labels (see timelineLabels.ts): tiers with leader lines when
 *    horizontal, one wrapped column when vertical; what cannot be labelled
 *    collapses into "+N events" clusters whose members stay one mark each.
 * 5. Geometry for lanes, ticks, periods and the "as of" marker.
 */
import { resolveLocale, type LocaleFormat } from "../format/locale.js";
import { formatDateSpan, parseDate, type DateSpan } from "../model/dates.js";
import { calendarTicks } from "./timeBreaks.js";
import type { Dataset, Event, EventStatus } from "../model/types.js";
import { EVENT_KINDS } from "../model/validate.js";
import { boxesIntersect, textWidth, truncateText, wrapText, type Box } from "./text.js";
import { groupClusters, placeColumn, placeTiers, type Cluster, type ColumnItem } from "./timelineLabels.js";

const DAY = 86_400_000;

export interface TimelinePeriodOption {
  /** EDTF; the period runs from this date's start… */
  start: string;
  /** …to this date's end; missing or ".." runs to the edge. */
  end?: string;
  label: string;
}

/** What the layout reads from the resolved options (the chart adds width and theme). */
export interface TimelineLayoutOptions {
  locale: string;
  orientation: "horizontal" | "vertical" | "auto";
  lanes: "participants" | "kind" | "none";
  /** EDTF date of the "as of" marker; `false` hides it; undefined uses `dataset.asOf`. */
  asOf?: string | false;
  periods: TimelinePeriodOption[];
  /** Editor's notes by event id. */
  annotations: Record<string, string>;
  /** [start, end] EDTF: show only this period. */
  domain?: [string, string];
  /** Below this width `orientation: "auto"` is vertical. */
  breakpoint: number;
}

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
/** How a band ends: a firm edge, soft (approximate), continuing to the edge (open, or cut by the domain), or unknown (a dashed run-out). */
export type EndStyle = "closed" | "soft" | "open" | "unknown";
type Seg = [number, number, number, number];

export interface TimelineMark {
  id: string;
  event: Event;
  span: DateSpan;
  /** Printed date: `dateLabel`, else the span formatted at its precision. */
  dateText: string;
  kind: string;
  status: EventStatus;
  participants: string[];
  note?: string;
  lane: number;
  /** Symbol centre. */
  x: number;
  y: number;
  /** A month, year or interval: the band it covers (clipped to the plot). A day has none. */
  band?: Box;
  ends: [EndStyle, EndStyle];
  approximate: boolean;
  uncertain: boolean;
  /** Connector to dots in the other participants' lanes. */
  link?: { line: Seg; dots: Array<[number, number]> };
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
  asOf?: { ms: number; line: Seg; text: string; label: LabelBox; leader?: Array<[number, number]> };
  /** Events outside the domain, not drawn. */
  hidden: number;
  /** Periods a reader can zoom to (the handle shows them as buttons); see `zoomChoices`. */
  zoom: ZoomChoice[];
  /** Lanes were asked for but there was no room for their columns (vertical, narrow): one lane is drawn. */
  lanesHidden: boolean;
  /** Every visible label box, for collision tests. Cluster panels are overlays shown on focus and are not included. */
  labels: LabelBox[];
}

const KIND_LANE: Record<string, string> = { call: "Calls", meeting: "Meetings", visit: "Visits", summit: "Summits", treaty: "Treaties", deployment: "Deployments", statement: "Statements" };
/** Label priority when space is short: the contacts a meeting timeline is about come first. */
const PRIORITY = ["summit", "treaty", "call", "meeting", "visit", "deployment", "statement"];
const STATUS_WORD: Partial<Record<EventStatus, string>> = { scheduled: "scheduled", postponed: "postponed", cancelled: "cancelled" };

/** The printed date: `dateLabel` if the desk wrote one, else the span at its own precision. */
export function eventDateText(e: Event, locale: string): string {
  if (e.dateLabel) return e.dateLabel;
  return memo(`${locale}|${e.date}|${e.end ?? ""}`, () => {
    const s = formatDateSpan(spanOf(e.date), locale);
    return e.end ? `${s} – ${formatDateSpan(spanOf(e.end), locale)}` : s;
  });
}

/** Dates repeat (10,000 events fall on ~1,000 days): parse and format each text once. Spans are shared, so never mutated. */
const cache = new Map<string, unknown>();
function memo<T>(key: string, make: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  if (cache.size > 50_000) cache.clear();
  const v = make();
  cache.set(key, v);
  return v;
}
const spanOf = (text: string): DateSpan => memo(`@${text}`, () => parseDate(text));
/** `formatDateSpan(parseDate(text), locale)`, memoised. */
export const formatEdtf = (text: string, locale: string): string => memo(`${locale}#${text}`, () => formatDateSpan(spanOf(text), locale));

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
const K = (bold: boolean) => (bold ? 1 : 1.06);
const measure = (s: string, size = 11, bold = false) => textWidth(s, size, bold) * K(bold);
const cut = (s: string, w: number, size = 11, bold = false) => truncateText(s, w / K(bold), size, bold).text;
const wrap = (s: string, w: number, size: number, lines: number, bold = false) => wrapText(s, w / K(bold), size, lines, bold).lines;
const FONT: Record<LineRole, number> = { title: 12, date: 11, note: 11, cluster: 11, period: 11, asof: 11, lane: 11, tick: 11 };
const PAD = 6;

/** Lines stacked from the top of a box: first baseline at 11, then every 13 px. */
function variant(lines: Array<{ text: string; role: LineRole }>): Variant {
  let w = 0;
  const out = lines.map((l, k) => {
    w = Math.max(w, measure(l.text, FONT[l.role], l.role === "title"));
    return { ...l, dy: 11 + 13 * k };
  });
  return { w: w + PAD, h: 13 * lines.length + 3, lines: out };
}

function eventVariants(m: TimelineMark, maxW: number, shortW: number, titleLines: number, shortLines = 1): Variant[] {
  const date = m.dateText + (STATUS_WORD[m.status] ? ` · ${STATUS_WORD[m.status]}` : "");
  const note = m.note ? `Note: ${m.note}` : "";
  const full = [
    ...(titleLines > 1 ? wrap(m.event.title, maxW - PAD, 12, titleLines, true) : [cut(m.event.title, maxW - PAD, 12, true)]).map((text) => ({ text, role: "title" as const })),
    { text: cut(date, maxW - PAD), role: "date" as const },
    ...(note ? wrap(note, maxW - PAD, 11, 3).map((text) => ({ text, role: "note" as const })) : []),
  ];
  const short = [
    ...(shortLines > 1 ? wrap(m.event.title, shortW - PAD, 12, shortLines, true) : [cut(m.event.title, shortW - PAD, 12, true)]).map((text) => ({ text, role: "title" as const })),
    { text: cut(date, shortW - PAD), role: "date" as const },
    ...(note ? [{ text: cut(note, shortW - PAD), role: "note" as const }] : []),
  ];
  return [variant(full), variant(short)];
}

function toLabel(key: string, v: Variant, x: number, y: number, anchor: "start" | "end"): LabelBox {
  const tx = anchor === "start" ? x + PAD / 2 : x + v.w - PAD / 2;
  return { key, x, y, width: v.w, height: v.h, anchor, lines: v.lines.map((l) => ({ x: tx, y: y + l.dy, text: l.text, role: l.role })) };
}

function oneLine(key: string, text: string, role: LineRole, x: number, y: number, anchor: "start" | "middle" | "end", maxW = Infinity): LabelBox {
  const t = cut(text, maxW, FONT[role]);
  const w = measure(t, FONT[role]);
  const bx = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
  return { key, x: bx, y, width: w, height: 14, anchor, lines: [{ x, y: y + 11, text: t, role }] };
}

const clusterText = (n: number, loc: LocaleFormat) => `+${loc.number(n)} ${n === 1 ? "event" : "events"}`;

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

type LaneMode = TimelineLayoutOptions["lanes"];
interface LaneAssignment {
  laneKeys: string[];
  laneNames: string[];
  eventLanes: number[][];
}
/** A mark's width-independent part: everything but its lane and geometry. */
type MarkBase = Omit<TimelineMark, "lane" | "x" | "y" | "band" | "link" | "label" | "leader" | "cluster">;
/** What a layout needs that does not depend on the width: computed once per dataset and options, so a resize only places. */
interface Prepared {
  loc: LocaleFormat;
  domain: [number, number];
  extent: [number, number];
  base: MarkBase[];
  isBand: boolean[];
  hidden: number;
  periodsIn: Array<{ text: string; from: number; to: number }>;
  asOfMs: number | undefined;
  asOfWords: string;
  lanes(mode: LaneMode): LaneAssignment;
}

/** One prepared layout per dataset (the last options it was laid out with). Keyed by identity and checked against what it read. */
const prepared = new WeakMap<Dataset, { events: Dataset["events"]; n: number; actors: Dataset["actors"]; asOf: unknown; sig: string; prep: Prepared }>();

function prepare(dataset: Dataset, options: TimelineLayoutOptions): Prepared {
  const sig = JSON.stringify([options.locale, options.asOf, options.periods, options.annotations, options.domain]);
  const hit = prepared.get(dataset);
  if (hit && hit.events === dataset.events && hit.n === dataset.events.length && hit.actors === dataset.actors && hit.asOf === dataset.asOf && hit.sig === sig) return hit.prep;
  const prep = prepareUncached(dataset, options);
  prepared.set(dataset, { events: dataset.events, n: dataset.events.length, actors: dataset.actors, asOf: dataset.asOf, sig, prep });
  return prep;
}

function prepareUncached(dataset: Dataset, options: TimelineLayoutOptions): Prepared {
  const loc = resolveLocale(options.locale);
  const actors = new Map(dataset.actors.map((a, k) => [a.id, { name: a.name, order: k }]));

  // 1. Spans, domain, visible events in time order.
  const spans = dataset.events.map((e) => {
    const s = spanOf(e.date);
    const end = e.end ? spanOf(e.end) : undefined;
    return { e, s, start: s.start, end: end ? Math.max(end.end, s.end) : s.end, endSpan: end };
  });
  const asOfText = options.asOf === false ? undefined : (options.asOf ?? dataset.asOf);
  const asOfSpan = asOfText ? parseDate(asOfText) : undefined;
  let d0 = Infinity;
  let d1 = -Infinity;
  for (const s of spans) {
    if (s.start < d0) d0 = s.start;
    if (s.end > d1) d1 = s.end;
  }
  const extent: [number, number] = [d0, d1];
  let domain: [number, number];
  if (options.domain) domain = [parseDate(options.domain[0]).start, parseDate(options.domain[1]).end];
  else {
    if (asOfSpan && asOfSpan.end > d1 && asOfSpan.start - d1 < (d1 - d0) / 2) d1 = asOfSpan.end;
    if (!Number.isFinite(d0)) (d0 = asOfSpan?.start ?? 0), (d1 = d0 + DAY);
    if (d1 - d0 < 14 * DAY) (d0 -= (14 * DAY - (d1 - d0)) / 2), (d1 = d0 + 14 * DAY);
    // A little air at both ends, to the day; not nice(), which can add a year of empty axis.
    const pad = Math.ceil(((d1 - d0) * 0.02) / DAY) * DAY;
    domain = [d0 - pad, d1 + pad];
  }
  const visible = spans.filter((s) => s.end > domain[0] && s.start < domain[1]).sort((a, b) => a.start - b.start || a.end - b.end);

  // 2. Lanes: one per actor, per kind, or one; computed per mode on demand (a narrow vertical layout falls back to one lane).
  const laneCache = new Map<LaneMode, LaneAssignment>();
  const lanes = (mode: LaneMode): LaneAssignment => {
    const known = laneCache.get(mode);
    if (known) return known;
    const laneKeys: string[] = [];
    const laneNames: string[] = [];
    const eventLanes: number[][] = [];
    const laneOf = new Map<string, number>();
    const addLane = (key: string, name: string) => laneOf.get(key) ?? (laneOf.set(key, laneKeys.length), laneKeys.push(key), laneNames.push(name), laneKeys.length - 1);
    if (mode === "participants") {
      const used = new Set(visible.flatMap((v) => v.e.participants ?? []).filter((id) => actors.has(id)));
      [...used].sort((a, b) => actors.get(a)!.order - actors.get(b)!.order).forEach((id) => addLane(id, actors.get(id)!.name));
      for (const v of visible) {
        const ls = [...new Set((v.e.participants ?? []).map((p) => laneOf.get(p)).filter((l): l is number => l !== undefined))].sort((a, b) => a - b);
        eventLanes.push(ls.length ? ls : [addLane("", "Others")]);
      }
    } else if (mode === "kind") {
      const kinds = [...new Set(visible.map((v) => v.e.kind))].sort((a, b) => rank(a) - rank(b));
      kinds.forEach((k) => addLane(k, KIND_LANE[k] ?? k[0]!.toUpperCase() + k.slice(1)));
      for (const v of visible) eventLanes.push([laneOf.get(v.e.kind)!]);
    } else {
      addLane("", "");
      for (let k = 0; k < visible.length; k++) eventLanes.push([0]);
    }
    const out = { laneKeys, laneNames, eventLanes };
    laneCache.set(mode, out);
    return out;
  };

  // 3. The marks' words and date styles.
  const base: MarkBase[] = visible.map((v) => {
    const iv = v.s.interval;
    const endIv = v.endSpan?.interval;
    const startQ = iv?.from ?? v.s;
    const endQ = v.endSpan ? (endIv?.to ?? v.endSpan) : (iv?.to ?? v.s);
    const names = (v.e.participants ?? []).map((id) => actors.get(id)?.name ?? id);
    const startEnd: EndStyle = iv?.startOpen || v.start < domain[0] ? "open" : iv?.startUnknown ? "unknown" : startQ.approximate ? "soft" : "closed";
    const endOpen = (v.endSpan ? endIv?.endOpen : iv?.endOpen) || v.end > domain[1];
    const endEnd: EndStyle = endOpen ? "open" : (v.endSpan ? endIv?.endUnknown : iv?.endUnknown) ? "unknown" : endQ.approximate ? "soft" : "closed";
    const note = Object.hasOwn(options.annotations, v.e.id) ? options.annotations[v.e.id] : undefined;
    return {
      id: v.e.id,
      event: v.e,
      span: v.end === v.s.end ? v.s : { ...v.s, end: v.end },
      dateText: eventDateText(v.e, loc.tag),
      kind: v.e.kind,
      status: v.e.status ?? "happened",
      participants: names,
      ...(note ? { note } : {}),
      ends: [startEnd, endEnd],
      approximate: v.s.approximate || !!v.endSpan?.approximate,
      uncertain: v.s.uncertain || !!v.endSpan?.uncertain,
    };
  });
  // A day is a point; anything longer (month, year, interval, multi-day with `end`) is a band.
  const isBand = base.map((m) => m.span.end - m.span.start > DAY || m.ends[0] === "open" || m.ends[1] === "open" || m.ends[0] === "unknown" || m.ends[1] === "unknown");

  const periodsIn = options.periods
    .map((p) => {
      const s = parseDate(p.start);
      const e = p.end && p.end !== ".." ? parseDate(p.end).end : Infinity;
      return { text: p.label, from: Math.max(s.start, domain[0]), to: Math.min(e, domain[1]) };
    })
    .filter((p) => p.to > p.from);
  const asOfMs = asOfSpan && asOfSpan.start >= domain[0] && asOfSpan.start <= domain[1] ? asOfSpan.start + (asOfSpan.precision === "day" ? DAY / 2 : 0) : undefined;
  const asOfWords = asOfSpan ? `As of ${formatDateSpan(asOfSpan, loc.tag)}` : "";
  return { loc, domain, extent, base, isBand, hidden: dataset.events.length - base.length, periodsIn, asOfMs, asOfWords, lanes };
}

/** A period to zoom to: its words and the `domain` option that shows it (`null`: the whole timeline). */
export interface ZoomChoice {
  label: string;
  domain: [string, string] | null;
  /** This is what is shown now. */
  current: boolean;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Zoom choices: the whole timeline, each highlighted period, and each
 * calendar year the events span (when they span two to twelve years). Empty
 * when there is nothing to zoom to.
 */
export function zoomChoices(options: TimelineLayoutOptions, extent: [number, number]): ZoomChoice[] {
  const cur = options.domain ? options.domain.join("/") : "";
  const out: ZoomChoice[] = [];
  const add = (label: string, domain: [string, string] | null) => {
    const key = domain ? domain.join("/") : "";
    if (!out.some((c) => (c.domain ? c.domain.join("/") : "") === key)) out.push({ label, domain, current: key === cur });
  };
  if (!Number.isFinite(extent[0]) || !Number.isFinite(extent[1])) return [];
  for (const p of options.periods) {
    const end = p.end && p.end !== ".." ? p.end : isoDay(Math.max(extent[1] - 1, parseDate(p.start).end));
    if (p.label) add(p.label, [p.start, end]);
  }
  const [y0, y1] = [new Date(extent[0]).getUTCFullYear(), new Date(extent[1] - 1).getUTCFullYear()];
  if (y1 > y0 && y1 - y0 < 12) for (let y = y0; y <= y1; y++) add(String(y), [String(y), String(y)]);
  if (!out.length && !cur) return [];
  return [{ label: "Whole timeline", domain: null, current: !cur }, ...out];
}

export function layoutTimeline(dataset: Dataset, options: TimelineLayoutOptions, width: number): TimelineLayout {
  const vertical = isVertical(options, width);
  const { loc, domain, extent, base, isBand, periodsIn, asOfMs, asOfWords, hidden } = prepare(dataset, options);
  let { laneKeys, laneNames, eventLanes } = prepare(dataset, options).lanes(options.lanes);
  const lanesHidden = vertical && laneKeys.length > 1 && laneKeys.length * 14 > width * 0.3;
  if (lanesHidden) ({ laneKeys, laneNames, eventLanes } = prepare(dataset, options).lanes("none"));
  const nLanes = laneKeys.length;

  // Fresh marks each time (the placement below writes their geometry); the words are shared.
  const marks: TimelineMark[] = new Array(base.length);
  for (let k = 0; k < base.length; k++) {
    const b = base[k]!;
    const m: TimelineMark = { id: b.id, event: b.event, span: b.span, dateText: b.dateText, kind: b.kind, status: b.status, participants: b.participants, lane: eventLanes[k]![0]!, x: 0, y: 0, ends: b.ends, approximate: b.approximate, uncertain: b.uncertain };
    if (b.note) m.note = b.note;
    marks[k] = m;
  }
  const bandEdges = (m: TimelineMark, t: (ms: number) => number, lo: number, hi: number): [number, number] => {
    // Open ends run to the edge; unknown ends stop at the known date (the renderer adds a dashed run-out).
    const a = m.ends[0] === "open" ? lo : t(Math.max(m.span.start, domain[0]));
    const b = m.ends[1] === "open" ? hi : t(Math.min(m.span.end, domain[1]));
    return [a, Math.max(b, a + 2)];
  };

  const labels: LabelBox[] = [];
  const clusters: TimelineCluster[] = [];
  let r0 = 0;
  let r1 = 1;
  const t = (ms: number) => r0 + ((ms - domain[0]) / (domain[1] - domain[0])) * (r1 - r0);
  const ticksFor = (count: number) => calendarTicks(domain[0], domain[1], count);
  const out = {
    orientation: (vertical ? "vertical" : "horizontal") as "vertical" | "horizontal",
    domain,
    extent,
    marks,
    clusters,
    hidden,
    zoom: zoomChoices(options, extent),
    lanesHidden,
    labels,
  };
  const panelRows = (c: Cluster, x: number, y: number, w: number) =>
    c.members.length <= 8
      ? {
          x,
          y,
          width: w,
          height: c.members.length * 16 + 6,
          rows: c.members.map((mi, r) => ({ mark: mi, x: x + 18, y: y + 15 + r * 16, text: cut(`${marks[mi]!.event.title} · ${marks[mi]!.dateText}`, w - 24) })),
        }
      : undefined;

  if (!vertical) {
    // 4h. Horizontal: time along x, lanes stacked, labels in tiers above each lane line.
    const M = 8;
    const lo = M;
    const hi = width - M;
    (r0 = lo), (r1 = hi);
    const plotW = hi - lo;
    const maxW = Math.max(110, Math.min(180, plotW * 0.2));
    const titleLines = 2;
    const maxTiers = nLanes <= 3 ? 3 : 2;
    marks.forEach((m, k) => {
      if (isBand[k]) {
        const [a, b] = bandEdges(m, t, lo, hi);
        m.band = { x: a, y: 0, width: b - a, height: 10 };
        m.x = (a + b) / 2;
      } else m.x = t(m.span.start + DAY / 2);
    });

    // Context row: period and "as of" labels, tiered so they never collide.
    const ctxItems = periodsIn.map((p, k) => ({ i: k, at: t(p.from), text: p.text, w: Math.min(plotW, 220) }));
    if (asOfMs !== undefined) ctxItems.push({ i: -1, at: t(asOfMs), text: asOfWords, w: plotW });
    const ctxTexts = ctxItems.map((c) => cut(c.text, c.w - PAD));
    const ctx = placeTiers(
      ctxItems.map((c, k) => ({ i: k, at: c.at, widths: [measure(ctxTexts[k]!) + PAD] })),
      lo,
      hi,
      ctxItems.length,
    );
    const ctxTiers = ctx.placed.reduce((n, p) => Math.max(n, p.tier + 1), 0);
    const ctxLabels = ctx.placed.map((p) => {
      const c = ctxItems[p.i]!;
      const v = variant([{ text: ctxTexts[p.i]!, role: c.i < 0 ? "asof" : "period" }]);
      return { c, label: toLabel(c.i < 0 ? "as-of" : `period-${c.i}`, v, p.a, 4 + p.tier * 17, p.anchor) };
    });
    let y = 4 + ctxTiers * 17 + (ctxTiers ? 2 : 0);
    const plotTop = y;

    // Per lane: tiers, then clusters, then y geometry.
    // Measured on demand: at 10,000 events most labels are never tried.
    const variants: Variant[][] = [];
    const vars = (k: number) => (variants[k] ??= eventVariants(marks[k]!, maxW, 74, titleLines));
    const lanes: TimelineLane[] = [];
    const laneLineY: number[] = [];
    const tierTops = (hs: number[]) => hs.reduce<number[]>((tops, h, k) => (tops.push((tops[k - 1] ?? 0) + (k ? hs[k - 1]! + 3 : 0)), tops), []);
    for (let l = 0; l < nLanes; l++) {
      // Tiers above the lane line, then below it; what fits in neither becomes a cluster.
      const own = marks.map((_, k) => k).filter((k) => marks[k]!.lane === l);
      // Annotated events first, then contacts (summits, treaties, calls…) before statements and other kinds, each in time order.
      const order = own.map((k) => [k, marks[k]!.note ? -1 : PRIORITY.indexOf(marks[k]!.kind) >>> 0] as const).sort((p, q) => p[1] - q[1] || p[0] - q[0]).map(([k]) => k);
      const item = (k: number) => ({ i: k, at: marks[k]!.x, widths: () => vars(k).map((v) => v.w) });
      const up = placeTiers(order.map(item), lo, hi, maxTiers);
      const down = placeTiers(up.overflow.map(item), lo, hi, maxTiers - 1);
      let over = down.overflow;
      let cl: Cluster[];
      // A leader from below may not pass through a cluster label: that label's event joins the cluster instead.
      for (;;) {
        cl = groupClusters(over.sort((a, b) => marks[a]!.x - marks[b]!.x || a - b).map((k) => ({ i: k, at: marks[k]!.x })), 48, (n) => measure(clusterText(n, loc)) + PAD, lo, hi);
        const clash = down.placed.filter((p) => cl.some((c) => marks[p.i]!.x >= c.a - 2 && marks[p.i]!.x <= c.b + 2));
        if (!clash.length) break;
        down.placed = down.placed.filter((p) => !clash.includes(p));
        over = over.concat(clash.map((p) => p.i));
      }
      const hs = (placed: typeof up.placed) => placed.reduce<number[]>((h, p) => ((h[p.tier] = Math.max(h[p.tier] ?? 0, vars(p.i)[p.variant]!.h)), h), []).map((h) => h ?? 0);
      const upH = hs(up.placed);
      const downH = hs(down.placed);
      let header: LabelBox | undefined;
      if (nLanes > 1 || laneNames[0]) (header = oneLine(`lane-${l}`, laneNames[l]!, "lane", lo, y, "start", plotW)), (y += 16);
      const lineY = y + upH.reduce((s, h) => s + h + 3, 0) + 9;
      laneLineY.push(lineY);
      const upTops = tierTops(upH);
      for (const p of up.placed) {
        const m = marks[p.i]!;
        m.label = toLabel(m.id, vars(p.i)[p.variant]!, p.a, lineY - 9 - upTops[p.tier]! - upH[p.tier]!, p.anchor);
        m.leader = [[m.x, m.label.y + m.label.height], [m.x, lineY - 7]];
      }
      y = lineY + 9;
      for (const c of cl) {
        const key = `cluster-${clusters.length}`;
        const label = oneLine(key, clusterText(c.members.length, loc), "cluster", (c.a + c.b) / 2, y + 1, "middle");
        const pw = Math.min(260, plotW);
        const px = Math.max(lo, Math.min(hi - pw, (c.from + c.to) / 2 - pw / 2));
        const ph = c.members.length * 16 + 6;
        c.members.sort((a, b) => a - b).forEach((mi) => (marks[mi]!.cluster = clusters.length));
        clusters.push({ key, members: c.members, label, bracket: [[[c.from, lineY + 4], [c.from, lineY + 7], [c.to, lineY + 7], [c.to, lineY + 4]]], panel: panelRows(c, px, lineY - 12 - ph >= 0 ? lineY - 12 - ph : y + 16, pw) });
        labels.push(label);
      }
      if (cl.length) y += 16;
      const downTops = tierTops(downH);
      for (const p of down.placed) {
        const m = marks[p.i]!;
        m.label = toLabel(m.id, vars(p.i)[p.variant]!, p.a, y + downTops[p.tier]!, p.anchor);
        m.leader = [[m.x, lineY + 7], [m.x, m.label.y]];
      }
      y += downH.reduce((s, h) => s + h + 3, 0);
      lanes.push({ key: laneKeys[l]!, name: laneNames[l]!, ...(header ? { label: header } : {}), line: [lo, lineY, hi, lineY] });
      if (header) labels.push(header);
      y += 8;
    }
    marks.forEach((m, k) => {
      m.y = laneLineY[m.lane]!;
      if (m.band) m.band.y = m.y - 5;
      if (m.label) labels.push(m.label);
      const ls = eventLanes[k]!;
      if (ls.length > 1) m.link = { line: [m.x, m.y, m.x, laneLineY[ls[ls.length - 1]!]!], dots: ls.slice(1).map((l) => [m.x, laneLineY[l]!]) };
    });
    const axisY = y;
    // Ticks: fewer until their labels fit side by side.
    let count = Math.min(Math.max(2, Math.floor(plotW / 90)), Math.ceil((domain[1] - domain[0]) / DAY));
    let ticks: TimelineLayout["ticks"] = [];
    for (;;) {
      const ds = ticksFor(count);
      const texts = tickTexts(ds, loc);
      ticks = ds.map((d, k) => {
        const pos = t(+d);
        const ws = texts[k]!.map((s) => measure(s));
        const w = Math.max(...ws);
        const bx = Math.max(0, Math.min(width - w, pos - w / 2));
        return { pos, tick: [pos, axisY, pos, axisY + 4], grid: [pos, plotTop, pos, axisY], label: { key: `tick-${k}`, x: bx, y: axisY + 5, width: w, height: 13 * texts[k]!.length + 2, anchor: "middle", lines: texts[k]!.map((s, j) => ({ x: bx + w / 2, y: axisY + 16 + 13 * j, text: s, role: "tick" })) } };
      });
      if (count <= 2 || ticks.every((tk, k) => k === 0 || tk.label.x >= ticks[k - 1]!.label.x + ticks[k - 1]!.label.width + 8)) break;
      count = Math.floor(count * 0.7);
    }
    for (const tk of ticks) labels.push(tk.label);
    const periods = ctxLabels.filter((c) => c.c.i >= 0).map(({ c, label }) => {
      const p = periodsIn[c.i]!;
      return { box: { x: t(p.from), y: plotTop, width: t(p.to) - t(p.from), height: axisY - plotTop }, text: p.text, label };
    });
    const asOfLabel = ctxLabels.find((c) => c.c.i < 0)?.label;
    for (const c of ctxLabels) labels.push(c.label);
    return {
      ...out,
      width,
      height: axisY + 20 + 13 * Math.max(...ticks.map((tk) => tk.label.lines.length), 1),
      axis: [lo, axisY, hi, axisY],
      ticks,
      lanes,
      periods,
      ...(asOfMs !== undefined && asOfLabel ? { asOf: { ms: asOfMs, line: [t(asOfMs), asOfLabel.y + asOfLabel.height, t(asOfMs), axisY] as Seg, text: asOfWords, label: asOfLabel } } : {}),
    };
  }

  // 4v. Vertical: time down the page, lanes as narrow columns, labels wrapped in one column to the right.
  const M = 6;
  const plotH = Math.max(320, Math.min(2400, marks.length * 38));
  let headerH = 0;
  const laneW = nLanes > 1 ? Math.max(14, Math.min(26, (width * 0.3) / nLanes)) : 0;
  if (nLanes > 1) headerH = Math.min(90, Math.max(...laneNames.map((n) => measure(n))) + 4) + 8;
  const plotTop = M + headerH + 10;
  (r0 = plotTop), (r1 = plotTop + plotH);
  // calendarTicks gives at least `count` ticks (up to twice as many): about one per 50–100 px.
  let count = Math.max(2, Math.floor(plotH / 100));
  count = Math.min(count, Math.ceil((domain[1] - domain[0]) / DAY));
  const tickDates = ticksFor(count);
  const tickStr = tickTexts(tickDates, loc).map((l) => l.join(" "));
  const tickW = Math.max(0, ...tickStr.map((s) => measure(s)));
  const axisX = M + tickW + 6;
  const laneX = (l: number) => (nLanes > 1 ? axisX + 12 + l * laneW + laneW / 2 : axisX);
  const laneRight = nLanes > 1 ? axisX + 12 + nLanes * laneW : axisX + 8;
  const colX = laneRight + 14;
  const colW = Math.max(60, width - colX - M);
  const lanes: TimelineLane[] = laneKeys.map((key, l) => {
    const x = laneX(l);
    let label: LabelBox | undefined;
    if (nLanes > 1) {
      // Rotated −90° about the baseline origin: the text runs up the page from just above the plot.
      const one = oneLine(`lane-${l}`, laneNames[l]!, "lane", 0, 0, "start", headerH - 8);
      label = { ...one, x: x - 6, y: plotTop - 8 - one.width, width: 11, height: one.width, rotate: true, lines: [{ ...one.lines[0]!, x: x + 4, y: plotTop - 8 }] };
      labels.push(label);
    }
    return { key, name: laneNames[l]!, ...(label ? { label } : {}), line: [x, plotTop, x, plotTop + plotH] as Seg };
  });
  marks.forEach((m, k) => {
    m.x = laneX(m.lane);
    if (isBand[k]) {
      const [a, b] = bandEdges(m, t, plotTop, plotTop + plotH);
      m.band = { x: m.x - 5, y: a, width: 10, height: b - a };
      m.y = (a + b) / 2;
    } else m.y = t(m.span.start + DAY / 2);
    const ls = eventLanes[k]!;
    if (ls.length > 1) m.link = { line: [m.x, m.y, laneX(ls[ls.length - 1]!), m.y], dots: ls.slice(1).map((l) => [laneX(l), m.y]) };
  });
  const variants: Variant[][] = [];
  const vars = (k: number) => (variants[k] ??= eventVariants(marks[k]!, colW, colW, 3, 2));
  // One column of items in time order: events, plus periods and "as of" that are never clustered.
  type Extra = { text: string; role: LineRole; key: string };
  const extras: Array<{ at: number; x: Extra }> = periodsIn.map((p, k) => ({ at: t(p.from), x: { text: p.text, role: "period", key: `period-${k}` } }));
  if (asOfMs !== undefined) extras.push({ at: t(asOfMs), x: { text: asOfWords, role: "asof", key: "as-of" } });
  const items: ColumnItem[] = [
    ...marks.map((m, k) => ({ i: k, at: m.y - 8, forced: !!m.note })),
    ...extras.map((e, k) => ({ i: -1 - k, at: e.at - 8, forced: true })),
  ].sort((a, b) => a.at - b.at || a.i - b.i);
  const slots = placeColumn(items, { gap: 4, maxShift: 90, reach: 60, clusterH: 18, size: (i, short) => (i < 0 ? 16 : vars(i)[short ? 1 : 0]!.h) });
  const periods: TimelineLayout["periods"] = [];
  let asOf: TimelineLayout["asOf"];
  let bottom = plotTop + plotH;
  for (const s of slots) {
    if (s.cluster) {
      const c = s.cluster;
      const key = `cluster-${clusters.length}`;
      const label = oneLine(key, clusterText(c.members.length, loc), "cluster", colX + PAD / 2, s.top, "start");
      const ys = c.members.map((mi) => marks[mi]!.y);
      const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
      const bx = colX - 8;
      c.members.sort((a, b) => a - b).forEach((mi) => (marks[mi]!.cluster = clusters.length));
      clusters.push({ key, members: c.members, label, bracket: [[[bx - 3, y0], [bx, y0], [bx, y1], [bx - 3, y1]], [[bx, (y0 + y1) / 2], [colX, s.top + 7]]], panel: panelRows(c, colX, s.top + 16, Math.min(colW, 260)) });
      labels.push(label);
      bottom = Math.max(bottom, s.top + 18);
    } else if (s.i >= 0) {
      const m = marks[s.i]!;
      m.label = toLabel(m.id, vars(s.i)[s.short ? 1 : 0]!, colX, s.top, "start");
      // Elbow leaders: level at the mark, then a short steep run to the label, so leaders in time order never cross.
      m.leader = [[m.x + 8, m.y], [colX - 16, m.y], [colX - 7, s.top + 7], [colX - 2, s.top + 7]];
      labels.push(m.label);
      bottom = Math.max(bottom, s.top + m.label.height);
    } else {
      const e = extras[-1 - s.i]!;
      const label = toLabel(e.x.key, variant([{ text: cut(e.x.text, colW - PAD), role: e.x.role }]), colX, s.top, "start");
      labels.push(label);
      bottom = Math.max(bottom, s.top + 16);
      if (e.x.role === "asof") {
        const y = t(asOfMs!);
        // Moved down past other labels: the line stops short and an elbow leads to the label, as for events.
        asOf =
          Math.abs(s.top + 7 - y) <= 4
            ? { ms: asOfMs!, line: [M, y, colX - 4, y], text: asOfWords, label }
            : { ms: asOfMs!, line: [M, y, colX - 16, y], text: asOfWords, label, leader: [[colX - 16, y], [colX - 7, s.top + 7], [colX - 2, s.top + 7]] };
      }
      else {
        const p = periodsIn[-1 - s.i]!;
        periods.push({ box: { x: axisX - 6, y: t(p.from), width: laneRight - axisX + 10, height: t(p.to) - t(p.from) }, text: p.text, label });
      }
    }
  }
  const ticks = tickDates.map((d, k) => {
    const pos = t(+d);
    const w = measure(tickStr[k]!);
    const label: LabelBox = { key: `tick-${k}`, x: axisX - 6 - w, y: pos - 7, width: w, height: 14, anchor: "end", lines: [{ x: axisX - 6, y: pos + 4, text: tickStr[k]!, role: "tick" }] };
    labels.push(label);
    return { pos, tick: [axisX - 4, pos, axisX, pos] as Seg, grid: [axisX, pos, laneRight, pos] as Seg, label };
  });
  return { ...out, width, height: Math.ceil(bottom + 12), axis: [axisX, plotTop, axisX, plotTop + plotH], ticks, lanes, periods, ...(asOf ? { asOf } : {}) };
}

function rank(kind: string): number {
  const i = (EVENT_KINDS as readonly string[]).indexOf(kind);
  return i < 0 ? EVENT_KINDS.length : i;
}

/** Pairs of label boxes that intersect (for tests and a debug check); empty when the layout is sound. */
export function labelCollisions(layout: TimelineLayout): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const ls = [...layout.labels].sort((a, b) => a.x - b.x);
  for (let i = 0; i < ls.length; i++)
    for (let j = i + 1; j < ls.length && ls[j]!.x < ls[i]!.x + ls[i]!.width; j++) if (boxesIntersect(ls[i]!, ls[j]!)) out.push([ls[i]!.key, ls[j]!.key]);
  return out;
}
