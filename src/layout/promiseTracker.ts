/**
 * Promise tracker geometry: one row per promise on a shared time axis (cut
 * where years pass with nothing drawn, see timeBreaks.ts). Pure: dataset +
 * resolved options + width → positioned marks and wrapped label lines.
 *
 * Statuses, order, groups and every word come prepared (prepare/promiseTracker.ts).
 * 1. Fit the time axis: said spans, promised windows, outcomes and the as-of
 *    day decide the segments; long empty gaps are cut.
 * 2. Wrap each row's words (topic, said · due · status) beside the plot, or
 *    above it in compact mode, so no label can touch another.
 * 3. Place marks: said, window band (fuzzy fringes for a fuzzy `said`),
 *    connector, then outcome + gap, overdue bar, or open marker.
 */
import { lastDay } from "../model/dates.js";
import { addDuration } from "../model/durations.js";
import { resolveDataset } from "../model/resolve.js";
import type { PromiseStatus } from "../model/status.js";
import type { Dataset, PromiseRecord } from "../model/types.js";
import { windowEnd } from "../model/status.js";
import { preparePromiseTracker, type PreparedTracker, type ResolvedPromiseTrackerOptions, type TrackerEntry, type TrackerStatus } from "../prepare/promiseTracker.js";
import { textWidth, withSlack, type Box } from "./text.js";
import { brokenTimeScale, DAY, layoutTimeAxis, splitTimeAxis, type AxisLabel, type BrokenTimeScale } from "./timeBreaks.js";

export { STATUS_ORDER, type TrackerStatus, type ResolvedPromiseTrackerOptions } from "../prepare/promiseTracker.js";

/** One run of label text; the status words end-anchored, so they line up as a column beside the plot. */
export interface LabelLine {
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  kind: "topic" | "meta" | "status" | "restates";
  text: string;
  anchor: "start" | "end";
}

/** A settled promise's icon. */
export type OutcomeKind = "kept" | "late" | "broken" | "partial";

export interface TrackerRow {
  id: string;
  promise: PromiseRecord;
  status: PromiseStatus;
  speaker: string;
  deliveredBy?: string;
  /** "said 23 Apr", "due 7–14 May", "overdue by 94 days", "restates Tariffs of 23 Apr". */
  words: TrackerEntry["words"];
  /** The row's accessible name, the same at every width. */
  name: string;
  highlight: boolean;
  /** Said after the as-of day: drawn faint, with no outcome, bar or open marker. */
  future: boolean;
  top: number;
  height: number;
  /** Centre line of the marks. */
  y: number;
  lines: LabelLine[];
  said: { x0: number; x1: number; fuzzy: boolean };
  window: { x0: number; x1: number; core?: { x0: number; x1: number } };
  /** Thin line from the said mark to the window. */
  lead?: { x0: number; x1: number };
  outcome?: { x: number; span?: { x0: number; x1: number }; kind: OutcomeKind };
  /** Late: deadline → outcome. */
  gap?: { x0: number; x1: number };
  /** Overdue: deadline → as-of, ending in an arrow; `breaks` are cut marks it crosses. */
  overdue?: { x0: number; x1: number; breaks: number[] };
  /** Overdue as of a last check: the stretch from the check to the as-of day, which no source reports on. */
  unknown?: { x0: number; x1: number };
  /** Open: said → as-of, hollow marker at as-of. */
  open?: { x0: number; x1: number };
  /** "+94 d" after the last mark. */
  note?: { x: number; text: string };
  box: Box;
}

export interface TrackerHeading {
  text: string;
  x: number;
  y: number;
  rule: { x0: number; x1: number; y: number };
}

export interface TrackerLink {
  from: string;
  to: string;
  /** A bracket in its chain's column left of the plot: from the restated row's y (y0) to the restating row's (y1). */
  x: number;
  lane: number;
  y0: number;
  y1: number;
}

export interface PromiseTrackerLayout {
  width: number;
  height: number;
  compact: boolean;
  asOf: number;
  asOfText: string;
  rows: TrackerRow[];
  headings: TrackerHeading[];
  links: TrackerLink[];
  axis: {
    y: number;
    tickY: number;
    yearY: number;
    ticks: AxisLabel[];
    years: AxisLabel[];
    segments: Array<{ x0: number; x1: number }>;
    breaks: number[];
    plot: { x0: number; x1: number; y0: number; y1: number };
    /** Where vertical rules (grid, cuts, as-of) may run: the whole plot, or in compact mode only each row's bar band, so no rule crosses a label. */
    bands: Array<[number, number]>;
  };
  asOfMark?: { x: number; label: AxisLabel };
  /** The words it was laid out from. */
  prepared: PreparedTracker;
}

const LINE = 15;
const TOPIC = 13;
const META = 12;
/** Axis labels and "+94 d" notes: 12 px, the smallest text a chart sets (Chartability). */
const AXIS_FONT = 12;
/** A row is at least this tall: its focus rectangle (the box less 1 px each side) is the tap target, at least 44 px (WCAG 2.5.5). */
const MIN_ROW = 46;
/**
 * textWidth() is tuned to typical UI fonts (its bold estimate already follows
 * DejaVu Sans Bold); DejaVu Sans regular (the Linux fallback for system-ui)
 * measured 4% wider, so label room is planned with 5% slack (bold none) and
 * labels fit in every font we render with.
 */
const { width: tw, wrap } = withSlack(1.05, 1);

/**
 * Words for one row, as lines: topic (bold, up to two lines), "said … · due …"
 * (the two parts kept whole where they fit), the status at the right end of
 * the last of those lines if it fits beside them, else on a line of its own,
 * then "restates …". Returns runs without y; `k` is the line index.
 */
function rowLines(topic: string, words: TrackerRow["words"], width: number, marker?: string): Array<{ k: number; size: number; kind: LabelLine["kind"]; text: string; anchor: "start" | "end" }> {
  const out: Array<{ k: number; size: number; kind: LabelLine["kind"]; text: string; anchor: "start" | "end" }> = [];
  let k = 0;
  // A note's marker ("≠1") ends the topic's last line, after a word joiner; room is kept for it, so a cut topic keeps it too.
  const room = marker ? tw(marker, 12, true) + 3 : 0;
  const topicLines = wrap(topic, width - room, TOPIC, 2, true).lines;
  if (marker && topicLines.length) topicLines[topicLines.length - 1] += `\u2060${marker}`;
  for (const t of topicLines) out.push({ k: k++, size: TOPIC, kind: "topic", text: t, anchor: "start" });
  const joined = `${words.said} · ${words.due}`;
  const meta = tw(joined, META) <= width ? [joined] : [words.said, words.due].flatMap((t) => wrap(t, width, META, 2).lines);
  for (const t of meta) out.push({ k: k++, size: META, kind: "meta", text: t, anchor: "start" });
  const beside = tw(meta[meta.length - 1]!, META) + 14 + tw(words.status, META, true) <= width;
  if (beside) out.push({ k: k - 1, size: META, kind: "status", text: words.status, anchor: "end" });
  // A status too long to sit beside the dates gets lines of its own, wrapped, never cut ("overdue by at least 36 days on 19 Jun 2025; no report since").
  else for (const t of wrap(words.status, width, META, 3, true).lines) out.push({ k: k++, size: META, kind: "status", text: t, anchor: "start" });
  if (words.restates) for (const t of wrap(words.restates, width, META, 2).lines) out.push({ k: k++, size: META, kind: "restates", text: t, anchor: "start" });
  return out;
}

/** Lay out for `width` from the dataset (prepares first; the chart handle keeps the prepared words across resizes). */
export function layoutPromiseTracker(dataset: Dataset, options: ResolvedPromiseTrackerOptions, width: number): PromiseTrackerLayout {
  return placePromiseTracker(preparePromiseTracker(resolveDataset(dataset), options), options, width);
}

/** Geometry only: the prepared rows placed at `width`. */
export function placePromiseTracker(prep: PreparedTracker, options: ResolvedPromiseTrackerOptions, width: number): PromiseTrackerLayout {
  const compact = options.compact === "auto" ? width < 560 : options.compact;
  const measure = (t: string) => textWidth(t, AXIS_FONT);
  const { words: w, asOf, asOfText, entries, groups, hasAsOfMark, hasLinks } = prep;
  const domain = options.domain;
  const segments = timeSegments(prep, domain);
  // Restatement chains: one column each (chains whose rows do not overlap may share one), so no bracket is ambiguous.
  const chainCols = restatementColumns([...groups.values()].flat());
  const cols = Math.max(0, ...chainCols.values()) + (chainCols.size ? 1 : 0);
  const laneW = hasLinks && cols ? 6 + 5 * cols : 0;
  const gutter = compact ? 0 : Math.round(Math.min(340, Math.max(180, width * 0.4)));
  let noteW = 0;
  for (const e of entries) if (e.note) noteW = Math.max(noteW, tw(e.note, AXIS_FONT, true) + 12);
  // With a fixed domain (trackers compared side by side) the plot's right edge must not depend on this panel's notes.
  if (domain) noteW = Math.max(noteW, tw(w.t("pt.shortDaysAtLeast", { n: 999 }), AXIS_FONT, true) + 12);
  const plotX0 = (compact ? 8 : gutter + 12) + laneW;
  const plotX1 = width - Math.max(10, noteW);
  // Each segment's records: an early outlier (one promise years before the rest) gets a narrow segment.
  const counts = segments.map(([a, b]) => entries.filter((e) => e.s.said.start >= a && e.s.said.start <= b).length);
  const scale: BrokenTimeScale = brokenTimeScale(segments, plotX0, Math.max(plotX0 + 40, plotX1), compact ? 16 : 22, compact ? 0.2 : 0.12, counts);

  // Axis header: as-of label and years on one line, tick labels below, then the rows.
  const yearY = 12;
  const tickY = 28;
  const axisY = 34;
  const { ticks, years } = layoutTimeAxis(scale, w.fmt, measure);
  const { asOfMark, keptTicks, keptYears } = hasAsOfMark ? placeAsOfMark(prep, scale.x(asOf + DAY / 2), width, ticks, years, measure) : { asOfMark: undefined, keptTicks: ticks, keptYears: years };

  // 4–5. Rows, top to bottom.
  const rows: TrackerRow[] = [];
  const headings: TrackerHeading[] = [];
  let y = axisY + 8;
  // Compact labels sit right of the restatement lanes, which cross the rows.
  const labelX = compact ? laneW + 4 : 4;
  const row: RowPlace = { compact, labelX, labelW: compact ? width - labelX - 4 : gutter - 8, width, asOf, scale, highlight: new Set(options.highlight) };
  for (const [key, list] of groups) {
    if (options.group !== "none") {
      // The heading on one line, 30 px kept for its count.
      const text = `${wrap(key, width - 8 - 30, TOPIC, 1, true).lines[0] ?? key} (${w.fmt.number(list.length)})`;
      headings.push({ text, x: 4, y: y + 16, rule: { x0: 4, x1: width - 4, y: y + 21 } });
      y += 28;
    }
    for (const e of list) {
      const r = placeRow(e, y, row);
      rows.push(r);
      y += r.height;
    }
  }
  const plotBottom = y;

  return {
    width,
    height: Math.ceil(plotBottom + 8),
    compact,
    asOf,
    asOfText,
    rows,
    headings,
    links: restatementLinks(rows, chainCols, compact ? (lane) => 2 + (cols - 1 - lane) * 5 : (lane) => plotX0 - 6 - lane * 5),
    axis: {
      y: axisY,
      tickY,
      yearY,
      ticks: keptTicks,
      years: keptYears,
      segments: scale.segments.map((sg) => ({ x0: sg.x0, x1: sg.x1 })),
      breaks: scale.breaks.map((b) => b.x),
      plot: { x0: plotX0, x1: plotX1, y0: axisY, y1: plotBottom },
      bands: compact ? rows.map((r) => [r.y - 10, r.y + 10] as [number, number]) : [[axisY, plotBottom]],
    },
    ...(asOfMark ? { asOfMark } : {}),
    prepared: prep,
  };
}

/** The "as of" label over the as-of line at `ax`, and the year and tick labels it leaves room for. */
function placeAsOfMark(prep: PreparedTracker, ax: number, width: number, ticks: AxisLabel[], years: AxisLabel[], measure: (t: string) => number): { asOfMark: PromiseTrackerLayout["asOfMark"]; keptTicks: AxisLabel[]; keptYears: AxisLabel[] } {
  const text = prep.words.t("date.asOf", { date: prep.asOfText });
  const tw0 = tw(text, AXIS_FONT, true); // set bold
  const anchor = ax + tw0 / 2 <= width - 2 ? (ax - tw0 / 2 >= 2 ? "middle" : "start") : "end";
  const left = anchor === "middle" ? ax - tw0 / 2 : anchor === "start" ? ax : ax - tw0;
  return {
    asOfMark: { x: ax, label: { x: anchor === "start" ? Math.max(ax, 2) : ax, text, anchor } },
    keptYears: years.filter((yl) => yl.x + tw(yl.text, AXIS_FONT, true) + 6 < left || yl.x > left + tw0 + 6),
    keptTicks: ticks.filter((t) => Math.abs(t.x - ax) > measure(t.text) / 2 + 3),
  };
}

/** What every row's placement reads: the label column, the width, the as-of day and the time scale. */
interface RowPlace {
  compact: boolean;
  labelX: number;
  labelW: number;
  width: number;
  asOf: number;
  scale: BrokenTimeScale;
  highlight: Set<string>;
}

/** One row at `top`: its wrapped label lines, said mark, window band and status marks. */
function placeRow(e: TrackerEntry, top: number, { compact, labelX, labelW, width, asOf, scale, highlight }: RowPlace): TrackerRow {
  const x = scale.x;
  const words = e.words;
  const s = e.s;
  const runs = rowLines(e.p.topic, words, labelW, e.marker);
  const textH = (Math.max(...runs.map((r) => r.k)) + 1) * LINE;
  const height = compact ? Math.max(textH + 30, MIN_ROW) : Math.max(textH + 12, MIN_ROW);
  const markY = compact ? top + textH + 17 : top + height / 2;
  const lines: LabelLine[] = runs.map(({ k, ...r }) => ({ ...r, x: r.anchor === "end" ? labelX + labelW : labelX, y: top + 6 + (k + 1) * LINE - 3 }));

  const saidFuzzy = s.said.end - s.said.start > DAY;
  const said = saidFuzzy ? { x0: x(s.said.start), x1: x(s.said.end), fuzzy: true } : { x0: x(s.said.start + DAY / 2), x1: x(s.said.start + DAY / 2), fuzzy: false };
  const window: TrackerRow["window"] = { x0: x(s.dueFrom), x1: x(s.dueBy + DAY) };
  if (saidFuzzy) {
    // Certain for every possible day said: from the latest day + min to the earliest day + max.
    // Certain for every possible day said: from the latest day + min to the earliest day + max (a fixed deadline is the same for all).
    const c0 = e.p.window ? addDuration(lastDay(s.said), windowEnd(e.p.window.min, "min")) : s.dueFrom;
    const c1 = e.p.window ? addDuration(s.said.start, windowEnd(e.p.window.max, "max")) + DAY : s.dueBy + DAY;
    if (c1 > c0) window.core = { x0: x(c0), x1: x(c1) };
  }
  const row: TrackerRow = {
    id: e.p.id,
    promise: e.p,
    status: s,
    speaker: e.r.speaker,
    words,
    name: e.name,
    highlight: highlight.has(e.p.id),
    future: e.future,
    top,
    height,
    y: markY,
    lines,
    said,
    window,
    box: { x: 0, y: top, width, height },
  };
  if (e.r.deliveredBy) row.deliveredBy = e.r.deliveredBy;
  if (window.x0 - said.x1 > 4) row.lead = { x0: said.x1, x1: window.x0 };
  const end = x(s.dueBy + DAY);
  placeStatusMarks(row, e, end, asOf, scale);
  const note = e.note;
  if (note) row.note = { x: (row.unknown?.x1 ?? row.overdue?.x1 ?? row.outcome?.x ?? end) + 9, text: note };
  return row;
}

/** After the window (which ends at `end`): the outcome and any gap, the overdue bar, the unknown stretch, or the open marker. */
function placeStatusMarks(row: TrackerRow, e: TrackerEntry, end: number, asOf: number, scale: BrokenTimeScale): void {
  const x = scale.x;
  const s = e.s;
  const settled = s.status === "kept" || s.status === "late" || s.status === "broken" || (s.status as string) === "partial";
  if (settled && s.outcomeDate) {
    const o = s.outcomeDate;
    const fuzzy = o.end - o.start > DAY;
    const ox = x((o.start + o.end) / 2);
    row.outcome = { x: ox, kind: s.status as OutcomeKind };
    if (fuzzy) row.outcome.span = { x0: x(o.start), x1: x(o.end) };
    if ((s.status === "late" || (s.status as string) === "partial") && ox > end) row.gap = { x0: end, x1: ox };
  } else if (settled) {
    // No outcome date reported: the icon just after the window, claiming no day.
    row.outcome = { x: end + 8, kind: s.status as OutcomeKind };
  } else if (s.status === "overdue") {
    // Overdue as far as the sources know: the bar stops at the last check; after it, nobody reported either way.
    const checked = e.s.atLeast && e.s.checked !== undefined && e.s.checked < asOf ? e.s.checked : undefined;
    const stop = checked ?? asOf;
    row.overdue = { x0: end, x1: x(stop + DAY / 2), breaks: scale.breaks.filter((b) => b.t0 > s.dueBy && b.t1 < stop).map((b) => b.x) };
    if (checked !== undefined) row.unknown = { x0: x(checked + DAY / 2), x1: x(asOf + DAY / 2) };
  } else if (s.status === "unknown") {
    // Past due after the last check: nothing reported either way, so no red bar — only the unknown stretch.
    row.unknown = { x0: end, x1: x(asOf + DAY / 2) };
  } else if (!e.future) {
    row.open = { x0: row.said.x1, x1: x(asOf + DAY / 2) };
  }
}

/**
 * Restatements: bracket connectors, one column per chain, left of the plot (column 0 nearest it);
 * in compact mode the columns sit left of the labels. `laneX` is a column's x.
 */
function restatementLinks(rows: TrackerRow[], chainCols: Map<string, number>, laneX: (lane: number) => number): TrackerLink[] {
  const links: TrackerLink[] = [];
  for (const r of rows) {
    if (!r.promise.supersedes) continue;
    const prev = rows.find((o) => o.id === r.promise.supersedes);
    const lane = chainCols.get(r.id);
    if (!prev || lane === undefined) continue;
    links.push({ from: prev.id, to: r.id, x: laneX(lane), lane, y0: prev.y, y1: r.y });
  }
  return links;
}

/**
 * The time axis's kept segments: said spans, windows, outcomes and the as-of day (overdue bars may cross a cut).
 * With a `domain`, its two ends are kept and nothing outside it: two trackers with the same domain and
 * promises get the same segments whatever their as-of days.
 */
function timeSegments(prep: PreparedTracker, domain?: [number, number]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const { s } of prep.entries) {
    spans.push([s.said.start, Math.max(s.said.end, s.dueBy + DAY)]);
    if (s.outcomeDate && s.status !== "overdue" && s.status !== "open") spans.push([s.outcomeDate.start, s.outcomeDate.end]);
  }
  if (!domain) {
    if (prep.hasAsOfMark) spans.push([prep.asOf, prep.asOf + DAY]);
    return splitTimeAxis(spans);
  }
  const [d0, d1] = domain;
  const inside = spans.filter(([a, b]) => b > d0 && a < d1).map(([a, b]): [number, number] => [Math.max(a, d0), Math.min(b, d1)]);
  return splitTimeAxis([...inside, [d0, Math.min(d1, d0 + DAY)], [Math.max(d0, d1 - DAY), d1]]);
}

/**
 * Each restating row's column: rows of one chain (a restates b restates c) share a column; chains whose
 * row ranges overlap never do. Rows in drawing order; returns row id → column (0 nearest the plot).
 */
export function restatementColumns(order: TrackerEntry[]): Map<string, number> {
  const index = new Map(order.map((e, k) => [e.p.id, k]));
  const rootOf = (id: string): string => {
    const seen = new Set<string>();
    let cur = id;
    for (;;) {
      const sup = order[index.get(cur)!]?.p.supersedes;
      if (!sup || !index.has(sup) || seen.has(sup)) return cur;
      seen.add(cur);
      cur = sup;
    }
  };
  const chains = new Map<string, { ids: string[]; lo: number; hi: number }>();
  for (const e of order) {
    const sup = e.p.supersedes;
    if (!sup || !index.has(sup)) continue;
    const root = rootOf(e.p.id);
    const c = chains.get(root) ?? { ids: [], lo: Infinity, hi: -Infinity };
    c.ids.push(e.p.id);
    for (const k of [index.get(e.p.id)!, index.get(sup)!]) (c.lo = Math.min(c.lo, k)), (c.hi = Math.max(c.hi, k));
    chains.set(root, c);
  }
  const out = new Map<string, number>();
  const colEnds: number[] = [];
  for (const c of [...chains.values()].sort((a, b) => a.lo - b.lo || a.hi - b.hi)) {
    let col = colEnds.findIndex((end) => end < c.lo);
    if (col < 0) col = colEnds.length;
    colEnds[col] = c.hi;
    for (const id of c.ids) out.set(id, col);
  }
  return out;
}
