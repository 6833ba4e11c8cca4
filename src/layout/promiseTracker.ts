/**
 * Promise tracker geometry: one row per promise on a shared time axis (cut
 * where years pass with nothing drawn, see timeBreaks.ts). Pure: dataset +
 * resolved options + width → positioned marks and wrapped label lines.
 *
 * 1. Resolve the as-of date; derive every status as of it (promises said
 *    after it did not exist yet and are left out).
 * 2. Sort, then group (headings become rows of their own).
 * 3. Fit the time axis: said spans, promised windows, outcomes and the as-of
 *    day decide the segments; long empty gaps are cut.
 * 4. Wrap each row's words (topic, said · due · status) beside the plot, or
 *    above it in compact mode, so no label can touch another.
 * 5. Place marks: said, window band (fuzzy fringes for a fuzzy `said`),
 *    connector, then outcome + gap, overdue bar, or open marker.
 */
import { dayIndex, formatDateSpan, lastDay, type DateSpan } from "../model/dates.js";
import { addDuration, parseDuration, parseWindowValue, type Duration } from "../model/durations.js";
import type { ResolvedCommon } from "../model/options.js";
import { promiseStatus, resolveAsOf, summarizeStatuses, type PromiseStatus } from "../model/status.js";
import type { Dataset, PromiseRecord } from "../model/types.js";
import { resolveLocale, type LocaleFormat } from "../format/locale.js";
import { textWidth, wrapText, type Box } from "./text.js";
import { brokenTimeScale, DAY, layoutTimeAxis, splitTimeAxis, type AxisLabel, type BrokenTimeScale } from "./timeBreaks.js";

export type TrackerStatus = PromiseStatus["status"];
export const STATUS_ORDER: TrackerStatus[] = ["kept", "late", "broken", "overdue", "open"];

export interface ResolvedPromiseTrackerOptions extends ResolvedCommon {
  /** EDTF day; else dataset.asOf, else today. */
  asOf?: string;
  sort: "said" | "overdue" | "status";
  group: "none" | "speaker" | "topic";
  compact: "auto" | boolean;
  highlight: string[];
}

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

export interface TrackerRow {
  id: string;
  promise: PromiseRecord;
  status: PromiseStatus;
  speaker: string;
  deliveredBy?: string;
  /** "said 23 Apr", "due 7–14 May", "overdue by 94 days", "restates Tariffs of 23 Apr". */
  words: { said: string; due: string; status: string; restates?: string };
  /** The whole row in one sentence (aria-label). */
  label: string;
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
  outcome?: { x: number; span?: { x0: number; x1: number }; kind: "kept" | "late" | "broken" };
  /** Late: deadline → outcome. */
  gap?: { x0: number; x1: number };
  /** Overdue: deadline → as-of, ending in an arrow; `breaks` are cut marks it crosses. */
  overdue?: { x0: number; x1: number; breaks: number[] };
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
  /** A bracket in a lane left of the plot: from the restated row's y (y0) to the restating row's (y1). */
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
  title: string;
  summary: string;
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
  locale: LocaleFormat;
}

const LINE = 15;
const TOPIC = 13;
const META = 12;
const AXIS_FONT = 11;
/**
 * textWidth() is tuned to typical UI fonts (its bold estimate already follows
 * DejaVu Sans Bold); DejaVu Sans regular (the Linux fallback for system-ui)
 * measured 4% wider, so label room is planned with this slack and labels fit
 * in every font we render with.
 */
const SLACK = 1.05;
const SLACK_BOLD = 1;
const tw = (t: string, size: number, bold = false) => textWidth(t, size, bold) * (bold ? SLACK_BOLD : SLACK);

/** Day-precision spans print as days; coarser ones through formatDateSpan, never as a day. */
function spanText(span: DateSpan, loc: LocaleFormat, asOfYear: number): string {
  if (span.precision !== "day" || span.end - span.start > DAY || span.approximate || span.uncertain) return formatDateSpan(span, loc.tag);
  return new Date(span.start).getUTCFullYear() === asOfYear ? loc.dayShort(span.start) : loc.day(span.start);
}

const rangeCache = new Map<string, Intl.DateTimeFormat>();
/** "7–14 May" / "May 7 – 14" / "28 Apr–5 May 2025", in the reader's locale. */
export function dayRangeText(a: number, b: number, tag: string, withYear: boolean): string {
  const key = `${tag}|${withYear}`;
  let f = rangeCache.get(key);
  if (!f) rangeCache.set(key, (f = new Intl.DateTimeFormat(tag, { timeZone: "UTC", day: "numeric", month: "short", ...(withYear ? { year: "numeric" } : {}) })));
  // ICU writes "7 – 14 May" with thin spaces; between two bare numbers the dash alone reads better ("7–14 May").
  return a === b ? f.format(a) : f.formatRange(a, b).replace(/(\d)\s–\s(\d)/gu, "$1–$2");
}

/** A window end: ISO once validated; a phrase is read too, as promiseStatus does. */
export function windowEnd(text: string, end: "min" | "max"): Duration {
  try {
    return parseDuration(text);
  } catch {
    return parseWindowValue(text)[end];
  }
}

function plural(n: number, loc: LocaleFormat, one: string, many: string): string {
  return `${loc.number(n)} ${n === 1 ? one : many}`;
}

/** The status in words: "overdue by 94 days", "late by 56 days", "kept, 2 days after". */
export function statusWords(s: PromiseStatus, loc: LocaleFormat): string {
  switch (s.status) {
    case "kept": {
      const after = s.outcomeDate ? dayIndex(s.outcomeDate.start) - dayIndex(s.said.start) : undefined;
      return after === undefined ? "kept" : after === 0 ? "kept the same day" : `kept, ${plural(after, loc, "day", "days")} after`;
    }
    case "late":
      // An approximate outcome date ("11 weeks later") gives an approximate count.
      return s.daysLate !== undefined ? `late by ${s.outcomeDate?.approximate || s.outcomeDate?.uncertain ? "about " : ""}${plural(s.daysLate, loc, "day", "days")}` : "late";
    case "broken":
      return "broken";
    case "overdue":
      return s.daysOverdue !== undefined ? `overdue by ${plural(s.daysOverdue, loc, "day", "days")}` : "overdue";
    default:
      return s.daysLeft !== undefined ? (s.daysLeft === 0 ? "open, due today" : `open, ${plural(s.daysLeft, loc, "day", "days")} left`) : "open";
  }
}

/**
 * "14 promises by Donald Trump · 2 late · 12 overdue · median 78 days overdue · as of 16 Aug 2025".
 * `later` counts promises said after the as-of day: drawn, but not yet made then, so in no status count.
 */
export function summarizeTracker(statuses: PromiseStatus[], loc: LocaleFormat, asOfText: string, speaker?: string, later = 0): string {
  const sum = summarizeStatuses(statuses);
  const parts = [`${plural(sum.total + later, loc, "promise", "promises")}${speaker ? ` by ${speaker}` : ""}`];
  for (const st of STATUS_ORDER) if (sum.counts[st]) parts.push(`${loc.number(sum.counts[st])} ${st}`);
  if (later) parts.push(`${loc.number(later)} not yet made`);
  if (sum.medianDaysOverdue !== undefined) parts.push(`median ${plural(sum.medianDaysOverdue, loc, "day", "days")} overdue`);
  if (sum.medianDaysLate !== undefined) parts.push(`median ${plural(sum.medianDaysLate, loc, "day", "days")} late`);
  parts.push(`as of ${asOfText}`);
  return parts.join(" · ");
}

/**
 * Words for one row, as lines: topic (bold, up to two lines), "said … · due …"
 * (the two parts kept whole where they fit), the status at the right end of
 * the last of those lines if it fits beside them, else on a line of its own,
 * then "restates …". Returns runs without y; `k` is the line index.
 */
function rowLines(topic: string, words: TrackerRow["words"], width: number): Array<{ k: number; size: number; kind: LabelLine["kind"]; text: string; anchor: "start" | "end" }> {
  const out: Array<{ k: number; size: number; kind: LabelLine["kind"]; text: string; anchor: "start" | "end" }> = [];
  let k = 0;
  for (const t of wrapText(topic, width / SLACK_BOLD, TOPIC, 2, true).lines) out.push({ k: k++, size: TOPIC, kind: "topic", text: t, anchor: "start" });
  const joined = `${words.said} · ${words.due}`;
  const meta = tw(joined, META) <= width ? [joined] : [words.said, words.due].flatMap((t) => wrapText(t, width / SLACK, META, 2).lines);
  for (const t of meta) out.push({ k: k++, size: META, kind: "meta", text: t, anchor: "start" });
  const beside = tw(meta[meta.length - 1]!, META) + 14 + tw(words.status, META, true) <= width;
  out.push({ k: beside ? k - 1 : k++, size: META, kind: "status", text: words.status, anchor: "end" });
  if (words.restates) for (const t of wrapText(words.restates, width / SLACK, META, 2).lines) out.push({ k: k++, size: META, kind: "restates", text: t, anchor: "start" });
  return out;
}

/** What a layout needs that does not depend on the width: statuses, order, groups and words, once per dataset and options. */
function prepareTracker(dataset: Dataset, options: ResolvedPromiseTrackerOptions) {
  const loc = resolveLocale(options.locale);

  // 1. As-of and statuses.
  const asOf = resolveAsOf(options.asOf, dataset.asOf);
  const asOfYear = new Date(asOf).getUTCFullYear();
  const asOfText = loc.day(asOf);
  const actors = new Map(dataset.actors.map((a) => [a.id, a.name]));
  const byId = new Map(dataset.promises.map((p) => [p.id, p]));
  // A promise said after the as-of day is drawn (every record has its mark) but was not yet made then.
  const entries = dataset.promises.map((p) => {
    const s = promiseStatus(p, asOf);
    return { p, s, future: s.said.start > asOf };
  });

  // 2. Sort (date said, then id, breaks every tie), then group.
  const bySaid = (a: (typeof entries)[0], b: (typeof entries)[0]) => a.s.said.start - b.s.said.start || a.s.said.end - b.s.said.end || (a.p.id < b.p.id ? -1 : 1);
  // "overdue": the overdue first, most days first, then the late the same way, then the rest by date said.
  const lateness = (e: (typeof entries)[0]) => (e.s.daysOverdue !== undefined ? 2e6 + e.s.daysOverdue : e.s.daysLate !== undefined ? 1e6 + e.s.daysLate : 0);
  entries.sort(
    options.sort === "overdue"
      ? (a, b) => lateness(b) - lateness(a) || bySaid(a, b)
      : options.sort === "status"
        ? (a, b) => (a.future ? 9 : STATUS_ORDER.indexOf(a.s.status)) - (b.future ? 9 : STATUS_ORDER.indexOf(b.s.status)) || bySaid(a, b)
        : bySaid,
  );
  const groups = new Map<string, typeof entries>();
  for (const e of entries) {
    const key = options.group === "speaker" ? actors.get(e.p.speaker) ?? e.p.speaker : options.group === "topic" ? e.p.topic : "";
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  const speakers = new Set(entries.map((e) => e.p.speaker));
  const summary = summarizeTracker(
    entries.filter((e) => !e.future).map((e) => e.s),
    loc,
    asOfText,
    speakers.size === 1 ? actors.get([...speakers][0]!) : undefined,
    entries.filter((e) => e.future).length,
  );

  // 3. Time axis. The overdue bars are not part of the fit: they may cross a cut.
  const rowWords = entries.map((e) => {
    const s = e.s;
    const sameYear = new Date(s.dueFrom).getUTCFullYear() === asOfYear && new Date(s.dueBy).getUTCFullYear() === asOfYear;
    const prev = e.p.supersedes ? byId.get(e.p.supersedes) : undefined;
    return {
      said: `said ${spanText(s.said, loc, asOfYear)}`,
      due: `due ${dayRangeText(s.dueFrom, s.dueBy, loc.tag, !sameYear)}`,
      status: e.future ? "not yet made" : statusWords(s, loc),
      restates: prev ? `restates ${prev.topic} of ${spanText(promiseStatus(prev, asOf).said, loc, asOfYear)}` : undefined,
    };
  });
  const notes = entries.map((e) => (e.s.status === "overdue" && e.s.daysOverdue ? `+${loc.number(e.s.daysOverdue)} d` : e.s.status === "late" && e.s.daysLate ? `+${loc.number(e.s.daysLate)} d` : ""));
  const spans: Array<[number, number]> = [];
  for (const { s } of entries) {
    spans.push([s.said.start, Math.max(s.said.end, s.dueBy + DAY)]);
    if (s.outcomeDate && s.status !== "overdue" && s.status !== "open") spans.push([s.outcomeDate.start, s.outcomeDate.end]);
  }
  const hasAsOfMark = entries.some((e) => !e.future && (e.s.status === "overdue" || e.s.status === "open"));
  if (hasAsOfMark) spans.push([asOf, asOf + DAY]);

  const ids = new Set(entries.map((e) => e.p.id));
  const hasLinks = entries.some((e) => !!e.p.supersedes && ids.has(e.p.supersedes));
  const index = new Map(entries.map((e, k) => [e, k]));
  const segments = splitTimeAxis(spans);
  return { loc, asOf, asOfYear, asOfText, actors, byId, entries, index, groups, summary, rowWords, notes, segments, hasAsOfMark, hasLinks };
}

type PreparedTracker = ReturnType<typeof prepareTracker>;
/** One prepared tracker per dataset (the last options it was laid out with), checked against what it read: a resize only places. */
const preparedTrackers = new WeakMap<Dataset, { promises: Dataset["promises"]; n: number; actors: Dataset["actors"]; asOf: unknown; sig: string; prep: PreparedTracker }>();

export function layoutPromiseTracker(dataset: Dataset, options: ResolvedPromiseTrackerOptions, width: number): PromiseTrackerLayout {
  const compact = options.compact === "auto" ? width < 560 : options.compact;
  const measure = (t: string) => textWidth(t, AXIS_FONT);
  // `asOf` unset means today: the date is part of the key, so a tracker left open past midnight recomputes.
  const sig = JSON.stringify([options.locale, options.asOf, options.sort, options.group, options.asOf === undefined ? new Date().toISOString().slice(0, 10) : ""]);
  const hit = preparedTrackers.get(dataset);
  let prep: PreparedTracker;
  if (hit && hit.promises === dataset.promises && hit.n === dataset.promises.length && hit.actors === dataset.actors && hit.asOf === dataset.asOf && hit.sig === sig) prep = hit.prep;
  else {
    prep = prepareTracker(dataset, options);
    preparedTrackers.set(dataset, { promises: dataset.promises, n: dataset.promises.length, actors: dataset.actors, asOf: dataset.asOf, sig, prep });
  }
  const { loc, asOf, asOfText, actors, entries, index, groups, summary, rowWords, notes, segments, hasAsOfMark, hasLinks } = prep;
  const laneW = hasLinks ? 14 : 0;
  const gutter = compact ? 0 : Math.round(Math.min(340, Math.max(180, width * 0.4)));
  const noteW = Math.max(0, ...notes.map((n) => (n ? tw(n, AXIS_FONT, true) + 12 : 0)));
  const plotX0 = (compact ? 8 : gutter + 12) + laneW;
  const plotX1 = width - Math.max(10, noteW);
  const scale: BrokenTimeScale = brokenTimeScale(segments, plotX0, Math.max(plotX0 + 40, plotX1), compact ? 16 : 22, compact ? 0.25 : 0.18);
  const x = scale.x;

  // Axis header: as-of label and years on one line, tick labels below, then the rows.
  const yearY = 12;
  const tickY = 28;
  const axisY = 34;
  const { ticks, years } = layoutTimeAxis(scale, loc, measure);
  let asOfMark: PromiseTrackerLayout["asOfMark"];
  let keptYears = years;
  let keptTicks = ticks;
  if (hasAsOfMark) {
    const ax = x(asOf + DAY / 2);
    const text = `as of ${asOfText}`;
    const w = tw(text, AXIS_FONT, true); // set bold
    const anchor = ax + w / 2 <= width - 2 ? (ax - w / 2 >= 2 ? "middle" : "start") : "end";
    const left = anchor === "middle" ? ax - w / 2 : anchor === "start" ? ax : ax - w;
    asOfMark = { x: ax, label: { x: anchor === "start" ? Math.max(ax, 2) : ax, text, anchor } };
    keptYears = years.filter((yl) => yl.x + tw(yl.text, AXIS_FONT, true) + 6 < left || yl.x > left + w + 6);
    keptTicks = ticks.filter((t) => Math.abs(t.x - ax) > measure(t.text) / 2 + 3);
  }

  // 4–5. Rows, top to bottom.
  const rows: TrackerRow[] = [];
  const headings: TrackerHeading[] = [];
  let y = axisY + 8;
  // Compact labels sit right of the restatement lanes, which cross the rows.
  const labelX = compact ? laneW + 4 : 4;
  const labelW = compact ? width - labelX - 4 : gutter - 8;
  const highlight = new Set(options.highlight);
  let i = 0;
  for (const [key, list] of groups) {
    if (options.group !== "none") {
      const text = `${wrapText(key, (width - 8) / SLACK_BOLD - 30, TOPIC, 1, true).lines[0] ?? key} (${loc.number(list.length)})`;
      headings.push({ text, x: 4, y: y + 16, rule: { x0: 4, x1: width - 4, y: y + 21 } });
      y += 28;
    }
    for (const e of list) {
      const idx = index.get(e)!;
      const words = rowWords[idx]!;
      const s = e.s;
      const runs = rowLines(e.p.topic, words, labelW);
      const textH = (Math.max(...runs.map((r) => r.k)) + 1) * LINE;
      const height = compact ? textH + 30 : Math.max(textH + 12, 36);
      const top = y;
      const markY = compact ? top + textH + 17 : top + height / 2;
      const lines: LabelLine[] = runs.map(({ k, ...r }) => ({ ...r, x: r.anchor === "end" ? labelX + labelW : labelX, y: top + 6 + (k + 1) * LINE - 3 }));

      const saidFuzzy = s.said.end - s.said.start > DAY;
      const said = saidFuzzy ? { x0: x(s.said.start), x1: x(s.said.end), fuzzy: true } : { x0: x(s.said.start + DAY / 2), x1: x(s.said.start + DAY / 2), fuzzy: false };
      const window: TrackerRow["window"] = { x0: x(s.dueFrom), x1: x(s.dueBy + DAY) };
      if (saidFuzzy) {
        // Certain for every possible day said: from the latest day + min to the earliest day + max.
        const min = windowEnd(e.p.window.min, "min");
        const max = windowEnd(e.p.window.max, "max");
        const c0 = addDuration(lastDay(s.said), min);
        const c1 = addDuration(s.said.start, max) + DAY;
        if (c1 > c0) window.core = { x0: x(c0), x1: x(c1) };
      }
      const row: TrackerRow = {
        id: e.p.id,
        promise: e.p,
        status: s,
        speaker: actors.get(e.p.speaker) ?? e.p.speaker,
        words,
        label: [e.p.topic, words.said, words.due, words.status, words.restates].filter(Boolean).join(" · "),
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
      if (e.p.deliveredBy) row.deliveredBy = actors.get(e.p.deliveredBy) ?? e.p.deliveredBy;
      if (window.x0 - said.x1 > 4) row.lead = { x0: said.x1, x1: window.x0 };
      const end = x(s.dueBy + DAY);
      if ((s.status === "kept" || s.status === "late" || s.status === "broken") && s.outcomeDate) {
        const o = s.outcomeDate;
        const fuzzy = o.end - o.start > DAY;
        const ox = x((o.start + o.end) / 2);
        row.outcome = { x: ox, kind: s.status as "kept" | "late" | "broken" };
        if (fuzzy) row.outcome.span = { x0: x(o.start), x1: x(o.end) };
        if (s.status === "late" && ox > end) row.gap = { x0: end, x1: ox };
      } else if (s.status === "kept" || s.status === "late" || s.status === "broken") {
        // No outcome date reported: the icon just after the window, claiming no day.
        row.outcome = { x: end + 8, kind: s.status };
      } else if (s.status === "overdue") {
        const ax = x(asOf + DAY / 2);
        row.overdue = { x0: end, x1: ax, breaks: scale.breaks.filter((b) => b.t0 > s.dueBy && b.t1 < asOf).map((b) => b.x) };
      } else if (!e.future) {
        row.open = { x0: said.x1, x1: x(asOf + DAY / 2) };
      }
      const note = notes[idx];
      if (note) row.note = { x: (row.overdue?.x1 ?? row.outcome?.x ?? end) + 9, text: note };
      rows.push(row);
      y += height;
      i++;
    }
  }
  const plotBottom = y;

  // Restatements: bracket connectors in lanes left of the plot, nearest first.
  const links: TrackerLink[] = [];
  const laneEnds: number[] = [];
  for (const r of rows) {
    if (!r.promise.supersedes) continue;
    const prev = rows.find((o) => o.id === r.promise.supersedes);
    if (!prev) continue;
    const y0 = Math.min(prev.y, r.y);
    const y1 = Math.max(prev.y, r.y);
    let lane = laneEnds.findIndex((endY) => endY < y0 - 2);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = y1;
    // Lane 0 nearest the plot; in compact mode the lanes sit left of the labels.
    const x = compact ? 2 + (2 - Math.min(lane, 2)) * 4 : plotX0 - 4 - Math.min(lane, 2) * 4;
    links.push({ from: prev.id, to: r.id, x, lane, y0: prev.y, y1: r.y });
  }

  return {
    width,
    height: Math.ceil(plotBottom + 8),
    compact,
    asOf,
    asOfText,
    title: options.title ?? dataset.title ?? "Promises and their deadlines",
    summary,
    rows,
    headings,
    links,
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
    locale: loc,
  };
}
