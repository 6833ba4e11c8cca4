/**
 * A shared time axis with the long empty stretches cut out. Promises made
 * years apart (a 2017 tax plan beside 2025 tariffs) would squash each other on
 * one linear axis; instead the axis is split into segments, each linear, with
 * a visible break ("//") between them. A gap is cut only when it is longer
 * than everything drawn put together and longer than `minGap` (a year), so
 * evenly spread data — or a few months' silence — keeps one linear axis.
 */
import { DAY } from "../model/dates.js";
import { utcDay, utcMonday, utcMonth, utcYear, type TimeInterval } from "d3-time";
import type { Box } from "./text.js";

export { DAY } from "../model/dates.js";

/** Time spans to draw, each `[start, end]` in ms. Returns the segments `[t0, t1]` to keep (unpadded). */
export function splitTimeAxis(intervals: Array<[number, number]>, minGap = 365 * DAY): Array<[number, number]> {
  const sorted = intervals.filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b)).map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]).sort((a, b) => a[0] - b[0]);
  // 1. Merge what overlaps into clusters.
  const clusters: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else clusters.push([a, b]);
  }
  // 2. Cut only the gaps longer than all the drawn time together.
  const covered = clusters.reduce((s, [a, b]) => s + (b - a), 0);
  const threshold = Math.max(minGap, covered);
  const segments: Array<[number, number]> = [];
  for (const c of clusters) {
    const last = segments[segments.length - 1];
    if (last && c[0] - last[1] <= threshold) last[1] = Math.max(last[1], c[1]);
    else segments.push([c[0], c[1]]);
  }
  return segments;
}

export interface TimeSegment {
  t0: number;
  t1: number;
  x0: number;
  x1: number;
}

export interface BrokenTimeScale {
  /** x of a time; times inside a cut gap map to the break's middle. */
  x(t: number): number;
  segments: TimeSegment[];
  /** The middle x of each cut, with the times either side. */
  breaks: Array<{ x: number; t0: number; t1: number }>;
}

/**
 * Place `segments` between `x0` and `x1`, `gap` px apart. Each segment is
 * padded by 4% (at least two days) and gets width in proportion to its time,
 * but never less than `minShare` of the total, so a short cluster stays legible.
 *
 * `counts` (optional): how many records each segment holds. A segment holding
 * a smaller share of the records than of the time (an early outlier: one 2017
 * promise beside thirteen in 2025) is narrowed to its share of the records,
 * but not below `minShare`, so it does not squeeze the dense months.
 */
export function brokenTimeScale(segments: Array<[number, number]>, x0: number, x1: number, gap = 22, minShare = 0.18, counts?: number[]): BrokenTimeScale {
  if (!segments.length) segments = [[0, DAY]];
  const padded = segments.map(([a, b]) => {
    const pad = Math.max(2 * DAY, (b - a) * 0.04);
    return [a - pad, b + pad] as [number, number];
  });
  const total = padded.reduce((s, [a, b]) => s + (b - a), 0);
  let weights = padded.map(([a, b]) => Math.max(b - a, total * minShare));
  const n = counts && counts.length === padded.length ? counts.reduce((sum, c) => sum + Math.max(0, c), 0) : 0;
  if (n > 0) weights = weights.map((w, i) => Math.min(w, total * Math.max(minShare, Math.max(0, counts![i]!) / n)));
  const wsum = weights.reduce((s, w) => s + w, 0);
  const avail = Math.max(1, x1 - x0 - gap * (padded.length - 1));
  const out: TimeSegment[] = [];
  let x = x0;
  padded.forEach(([a, b], i) => {
    const w = (avail * weights[i]!) / wsum;
    out.push({ t0: a, t1: b, x0: x, x1: x + w });
    x += w + gap;
  });
  const breaks = out.slice(1).map((s, i) => ({ x: (out[i]!.x1 + s.x0) / 2, t0: out[i]!.t1, t1: s.t0 }));
  return {
    segments: out,
    breaks,
    x(t) {
      for (let i = 0; i < out.length; i++) {
        const s = out[i]!;
        if (t < s.t0) return i === 0 ? s.x0 : breaks[i - 1]!.x;
        if (t <= s.t1) return s.x0 + ((t - s.t0) / (s.t1 - s.t0)) * (s.x1 - s.x0);
      }
      return out[out.length - 1]!.x1;
    },
  };
}

export interface AxisFormat {
  dayShort(ms: number): string;
  monthShort(ms: number): string;
  year(ms: number): string;
}

export interface AxisLabel {
  x: number;
  text: string;
  anchor: "start" | "middle" | "end";
}

/** Calendar intervals, finest first, each with its approximate step in days. */
const CANDIDATES: Array<[TimeInterval, "day" | "month" | "year", number]> = [
  [utcDay, "day", 1],
  [utcDay.every(2)!, "day", 2],
  [utcMonday, "day", 7],
  [utcMonday.every(2)!, "day", 14],
  [utcMonth, "month", 28],
  [utcMonth.every(2)!, "month", 59],
  [utcMonth.every(3)!, "month", 90],
  [utcMonth.every(6)!, "month", 181],
  [utcYear, "year", 365],
  [utcYear.every(2)!, "year", 730],
  [utcYear.every(5)!, "year", 1826],
  [utcYear.every(10)!, "year", 3652],
];

/**
 * At least about `count` ticks between t0 and t1 (ms), on calendar
 * boundaries: the coarsest interval above whose step is no longer than the
 * span / count, or for long spans every 10, 20, 50, 100… years. Days are the finest step (a timeline spans
 * at least two weeks).
 */
export function calendarTicks(t0: number, t1: number, count: number): Date[] {
  const target = (t1 - t0) / Math.max(1, count) / DAY;
  // The coarsest step no longer than the target (so at least `count` ticks; the caller thins them until
  // their labels fit): 3 months for a target of 169 days, days for anything under two.
  const found = target <= 3652 ? [...CANDIDATES].reverse().find(([, , days]) => days <= target) ?? CANDIDATES[0] : undefined;
  let interval: TimeInterval | null = found ? found[0] : null;
  if (!interval) {
    const years = target / 365.25;
    const p = 10 ** Math.floor(Math.log10(years));
    interval = utcYear.every([5, 2, 1].map((k) => k * p).find((n) => n <= years) ?? p);
  }
  return interval ? interval.range(new Date(t0), new Date(t1 + 1)) : [];
}

/**
 * Ticks for each segment: the finest calendar interval whose labels fit
 * without touching (and without crossing a break), plus a year label at the
 * start of each segment and at each new year inside it.
 */
export function layoutTimeAxis(scale: BrokenTimeScale, fmt: AxisFormat, measure: (text: string) => number): { ticks: AxisLabel[]; years: AxisLabel[] } {
  const ticks: AxisLabel[] = [];
  const years: AxisLabel[] = [];
  let yearTicks = true;
  for (const seg of scale.segments) {
    let best: AxisLabel[] = [];
    const room = (seg.x1 - seg.x0) / 30;
    for (const [interval, unit, days] of CANDIDATES) {
      // Far too many ticks to fit: skip before listing and measuring them (a century of days).
      if ((seg.t1 - seg.t0) / (days * DAY) > 2 * room + 4) continue;
      const label = unit === "day" ? fmt.dayShort : unit === "month" ? fmt.monthShort : fmt.year;
      const cand = interval
        .range(new Date(seg.t0), new Date(seg.t1 + 1))
        .map((d) => ({ x: scale.x(+d), text: label(+d), anchor: "middle" as const, w: measure(label(+d)) }))
        .filter((l) => l.x - l.w / 2 >= seg.x0 - 2 && l.x + l.w / 2 <= seg.x1 + 2);
      if (cand.length > room) continue;
      if (cand.every((l, i) => i === 0 || l.x - cand[i - 1]!.x >= (l.w + cand[i - 1]!.w) / 2 + 10)) {
        best = cand.map(({ x, text, anchor }) => ({ x, text, anchor }));
        if (unit !== "year") yearTicks = false;
        break;
      }
    }
    ticks.push(...best);
    // Years: the segment's first year, then each 1 January inside it, if they do not touch.
    // A 1 January too close to the segment's start label replaces it: the start is padding before the
    // data, so its year ("2019" above January 2020) would name the wrong year for every tick below it.
    let lastEnd = -Infinity;
    let first = -1;
    for (const t of [seg.t0, ...utcYear.range(new Date(seg.t0 + 1), new Date(seg.t1))].map(Number)) {
      const x = t === seg.t0 ? seg.x0 : scale.x(t);
      const text = fmt.year(t);
      if (x < lastEnd + 8) {
        if (years.length - 1 === first && first >= 0) {
          years[first] = { x, text, anchor: "start" };
          lastEnd = x + measure(text);
          first = -1;
        }
        continue;
      }
      if (t === seg.t0) first = years.length;
      else first = -1;
      years.push({ x, text, anchor: "start" });
      lastEnd = x + measure(text);
    }
  }
  return { ticks, years: yearTicks ? [] : years };
}

/** Boxes of axis labels set at baseline `y` with `fontSize`, for overlap checks. */
export function labelBoxes(labels: AxisLabel[], y: number, fontSize: number, measure: (text: string) => number): Box[] {
  return labels.map((l) => {
    const w = measure(l.text);
    return { x: l.anchor === "middle" ? l.x - w / 2 : l.x, y: y - fontSize, width: w, height: fontSize };
  });
}
