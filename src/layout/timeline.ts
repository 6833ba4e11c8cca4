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
import type { LocaleFormat } from "../format/locale.js";
import { resolveDataset } from "../model/resolve.js";
import type { Dataset } from "../model/types.js";
import { prepareTimeline, type EndStyle, type PreparedTimeline, type ResolvedTimelineOptions, type TimelineEntry, type TimelineLayoutOptions, type ZoomChoice } from "../prepare/timeline.js";
import { calendarTicks } from "./timeBreaks.js";
import { boxesIntersect, textWidth, truncateText, wrapText, type Box } from "./text.js";
import { groupClusters, placeColumn, placeTiers, type Cluster, type ColumnItem } from "./timelineLabels.js";

export type { EndStyle, TimelineLayoutOptions, ZoomChoice } from "../prepare/timeline.js";
export type { TimelinePeriodOption } from "../prepare/timeline.js";

const DAY = 86_400_000;

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
  const date = m.entry.dateLine;
  const note = m.entry.noteLine ?? "";
  const full = [
    ...(titleLines > 1 ? wrap(m.event.title, maxW - PAD, 12, titleLines, true) : [cut(m.event.title, maxW - PAD, 12, true)]).map((text) => ({ text, role: "title" as const })),
    // A date is never cut: it wraps.
    ...wrap(date, maxW - PAD, 11, 3).map((text) => ({ text, role: "date" as const })),
    ...(note ? wrap(note, maxW - PAD, 11, 3).map((text) => ({ text, role: "note" as const })) : []),
  ];
  const short = [
    ...(shortLines > 1 ? wrap(m.event.title, shortW - PAD, 12, shortLines, true) : [cut(m.event.title, shortW - PAD, 12, true)]).map((text) => ({ text, role: "title" as const })),
    ...wrap(date, shortW - PAD, 11, 3).map((text) => ({ text, role: "date" as const })),
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

/** Lay out for `width` from the dataset (prepares first; the chart handle keeps the prepared words across resizes). */
export function layoutTimeline(dataset: Dataset, options: ResolvedTimelineOptions, width: number): TimelineLayout {
  return placeTimeline(prepareTimeline(resolveDataset(dataset), options), options, width);
}

/** Geometry only: the prepared events placed at `width`. */
export function placeTimeline(prep: PreparedTimeline, options: TimelineLayoutOptions, width: number): TimelineLayout {
  const vertical = isVertical(options, width);
  const { words: w, domain, extent, entries, periods: periodsIn, asOfMs, asOfWords, hidden } = prep;
  const loc = w.fmt;
  const clusterText = prep.more;
  let { laneKeys, laneNames, eventLanes } = prep.lanes(options.lanes);
  const lanesHidden = vertical && laneKeys.length > 1 && laneKeys.length * 14 > width * 0.3;
  if (lanesHidden) ({ laneKeys, laneNames, eventLanes } = prep.lanes("none"));
  const nLanes = laneKeys.length;

  // Fresh marks each time (the placement below writes their geometry); the words are shared.
  const marks: TimelineMark[] = new Array(entries.length);
  for (let k = 0; k < entries.length; k++) marks[k] = { ...entries[k]!, entry: entries[k]!, lane: eventLanes[k]![0]!, x: 0, y: 0 };
  const bandEdges = (m: TimelineMark, t: (ms: number) => number, lo: number, hi: number): [number, number] => {
    // Open ends run to the edge; unknown ends stop at the known date (the renderer adds a dashed run-out).
    const { ends, span } = m.entry;
    const a = ends[0] === "open" ? lo : t(Math.max(span.start, domain[0]));
    const b = ends[1] === "open" ? hi : t(Math.min(span.end, domain[1]));
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
    zoom: prep.zoom,
    prepared: prep,
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
          rows: c.members.map((mi, r) => ({ mark: mi, x: x + 18, y: y + 15 + r * 16, text: cut(marks[mi]!.row, w - 24) })),
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
      if (marks[k]!.isBand) {
        const [a, b] = bandEdges(m, t, lo, hi);
        m.band = { x: a, y: 0, width: b - a, height: 10 };
        m.x = (a + b) / 2;
      } else m.x = t(m.entry.span.start + DAY / 2);
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
      const order = own.map((k) => [k, marks[k]!.entry.rank] as const).sort((p, q) => q[1] - p[1] || p[0] - q[0]).map(([k]) => k);
      const item = (k: number) => ({ i: k, at: marks[k]!.x, widths: () => vars(k).map((v) => v.w) });
      const up = placeTiers(order.map(item), lo, hi, maxTiers);
      const down = placeTiers(up.overflow.map(item), lo, hi, maxTiers - 1);
      let over = down.overflow;
      let cl: Cluster[];
      // A leader from below may not pass through a cluster label: that label's event joins the cluster instead.
      for (;;) {
        cl = groupClusters(over.sort((a, b) => marks[a]!.x - marks[b]!.x || a - b).map((k) => ({ i: k, at: marks[k]!.x })), 48, (n) => measure(clusterText(n)) + PAD, lo, hi);
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
        const label = oneLine(key, clusterText(c.members.length), "cluster", (c.a + c.b) / 2, y + 1, "middle");
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
    if (marks[k]!.isBand) {
      const [a, b] = bandEdges(m, t, plotTop, plotTop + plotH);
      m.band = { x: m.x - 5, y: a, width: 10, height: b - a };
      m.y = (a + b) / 2;
    } else m.y = t(m.entry.span.start + DAY / 2);
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
    ...marks.map((m, k) => ({ i: k, at: m.y - 8, forced: !!m.entry.note || m.entry.forced })),
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
      const label = oneLine(key, clusterText(c.members.length), "cluster", colX + PAD / 2, s.top, "start");
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

/** Pairs of label boxes that intersect (for tests and a debug check); empty when the layout is sound. */
export function labelCollisions(layout: TimelineLayout): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const ls = [...layout.labels].sort((a, b) => a.x - b.x);
  for (let i = 0; i < ls.length; i++)
    for (let j = i + 1; j < ls.length && ls[j]!.x < ls[i]!.x + ls[i]!.width; j++) if (boxesIntersect(ls[i]!, ls[j]!)) out.push([ls[i]!.key, ls[j]!.key]);
  return out;
}
