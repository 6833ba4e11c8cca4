/**
 * A promise's status is derived, never typed in: from when it was said, the
 * window or deadline it was promised for, what happened, and when the sources
 * were last checked, as of a date. Everything is counted in whole UTC days;
 * the deadline day itself is still on time.
 *
 * Three rules keep the counts honest:
 * 1. Due: a `deadline` is due by its latest day ("2021-03" = by 31 March). With
 *    only a window, due by the latest said day + window.max. When both are
 *    given, the deadline wins: it is the date the speaker named, where a window
 *    is a reading of loose words ("in two weeks"); the window still sets `dueFrom`.
 * 2. Ranges, not false points: when the said date, the deadline or the outcome
 *    date is a span (a month, an interval), days late/overdue run from
 *    `daysMin` (the benefit of the doubt, also in `daysLate`/`daysOverdue`) to
 *    `daysMax` (the earliest the promise could have been due, the latest the
 *    outcome could have come).
 * 3. Silence is not evidence: with no outcome reported and `checked` before the
 *    as-of day, a promise already past due on `checked` is overdue only "at
 *    least" (`atLeast`), its days counted to `checked`; one not yet due on
 *    `checked` but past due on the as-of day is `unknown` — nothing says
 *    whether it was kept, so it is neither overdue nor open.
 */
import type { PromiseRecord } from "./types.js";
import { DAY, dayIndex, lastDay, parseDate, type DateSpan } from "./dates.js";
import { addDuration, parseDuration, parseWindowValue, type Duration } from "./durations.js";

/**
 * `partial`: the outcome says kept in part. `unknown`: past due on the as-of
 * day, but the sources were last checked (`checked`) before it fell due and
 * report nothing since.
 */
export type DerivedStatus = "kept" | "late" | "broken" | "overdue" | "partial" | "open" | "unknown";

/** Every derived status, in the order a legend or summary lists them. */
export const DERIVED_STATUSES: readonly DerivedStatus[] = ["kept", "partial", "late", "broken", "overdue", "unknown", "open"];

export interface PromiseStatus {
  status: DerivedStatus;
  said: DateSpan;
  /** ms: UTC midnight of the earliest said day + window.min (the said day itself with only a deadline). */
  dueFrom: number;
  /** ms: UTC midnight of the deadline day = the deadline's latest day, else latest said day + window.max. */
  dueBy: number;
  /** ms: the earliest the promise could have been due (earliest said day + window.max, or an interval deadline's first day); = dueBy when the dates are certain. */
  dueByEarliest?: number;
  /** The promise's `deadline`, when it gives one (it then decides `dueBy`). */
  deadline?: DateSpan;
  /** The outcome's date, when it counts as of asOf. */
  outcomeDate?: DateSpan;
  /** late, partial after the window: whole days from the deadline day to the outcome's earliest day (≥ 1). */
  daysLate?: number;
  /** kept, partial within the window: days before the deadline day (0 on the day). */
  daysEarly?: number;
  /** overdue: whole days from the deadline day to asOf (≥ 1), or to `checked` when `atLeast`. */
  daysOverdue?: number;
  /** open: days from asOf to the deadline day (0 on the day). */
  daysLeft?: number;
  /**
   * late, partial after the window, overdue: the days as a range. `daysMin` is
   * always `daysLate`/`daysOverdue`; `daysMax` is larger when a date is a span
   * ("overdue by 44–66 days"), equal when the count is certain.
   */
  daysMin?: number;
  daysMax?: number;
  /** = daysMax on a late or partial status, named for the field it bounds. */
  daysLateMax?: number;
  /** = daysMax on an overdue status, named for the field it bounds. */
  daysOverdueMax?: number;
  /**
   * overdue, unknown: ms, UTC midnight of the day the sources were last checked
   * (the promise's `checked`, its earliest day), when that is before asOf.
   * Nothing is known after it: draw the stretch from here to asOf as unknown.
   */
  checked?: number;
  /** overdue: the count stops at `checked`; it is a floor ("overdue by at least 61 days on 19 June; no report since"). */
  atLeast?: true;
}


/** ms of UTC midnight of a day: an EDTF string counts as its latest day (asOf "2025-08" means the end of August). */
function toDay(value: string | number | Date): number {
  if (typeof value === "string") return lastDay(parseDate(value));
  const ms = value instanceof Date ? value.getTime() : value;
  if (!Number.isFinite(ms)) throw new RangeError(`asOf ${String(value)} is not a date`);
  return dayIndex(ms) * DAY;
}

/** The as-of day: the option, else the dataset's asOf, else today (UTC). */
export function resolveAsOf(option?: string | number | Date | null, datasetAsOf?: string | null, now = Date.now()): number {
  if (option !== undefined && option !== null && option !== "") return toDay(option);
  if (datasetAsOf) return toDay(datasetAsOf);
  return toDay(now);
}

/** Window ends are ISO durations once validated; a phrase is read too so hand-built records don't crash. */
export function windowEnd(text: string, end: "min" | "max"): Duration {
  try {
    return parseDuration(text);
  } catch {
    return parseWindowValue(text)[end];
  }
}

/** When the promise falls due: [dueFrom, dueByEarliest, dueBy] in ms, per rule 1. */
function dueDates(p: PromiseRecord, said: DateSpan, deadline: DateSpan | undefined): [number, number, number] {
  const w = p.window;
  const fromWindow = w ? addDuration(said.start, windowEnd(w.min, "min")) : said.start;
  if (deadline) {
    const dueBy = lastDay(deadline);
    // "2021-03" means by the end of March: one day. Only an interval or a doubted date ("2021-09-11?") leaves the day open.
    const earliest = deadline.interval || deadline.uncertain || deadline.approximate ? Math.min(deadline.start, dueBy) : dueBy;
    return [Math.min(fromWindow, dueBy), earliest, dueBy];
  }
  // Without a window or deadline (an unvalidated record) the promise is due the day it was said.
  const max = w ? windowEnd(w.max, "max") : undefined;
  // Fuzzy said dates (a month, an interval, "c."): due by the latest day — the benefit of the doubt — but possibly from the earliest.
  const dueBy = max ? addDuration(lastDay(said), max) : lastDay(said);
  const earliest = max ? addDuration(said.start, max) : said.start;
  return [fromWindow, earliest, dueBy];
}

export function promiseStatus(p: PromiseRecord, asOf: number | string | Date): PromiseStatus {
  const said = parseDate(p.said);
  const asOfDay = dayIndex(toDay(asOf));
  const deadline = p.deadline ? parseDate(p.deadline) : undefined;
  const [dueFrom, dueByEarliest, dueBy] = dueDates(p, said, deadline);
  const dueDay = dayIndex(dueBy);
  const earliestDueDay = dayIndex(dueByEarliest);
  const base: PromiseStatus = { status: "open", said, dueFrom, dueBy, dueByEarliest, ...(deadline && { deadline }) };

  // 1. A reported outcome, if it was known on the as-of day.
  const o = p.outcome;
  if (o && o.status !== "pending") {
    const date = o.date ? parseDate(o.date) : undefined;
    // An outcome dated after asOf was not yet known on that day: the promise was still pending then.
    if (!date || dayIndex(date.start) <= asOfDay) {
      const known = date ? { outcomeDate: date } : {};
      if (o.status === "broken") return { ...base, status: "broken", ...known };
      if (!date) return { ...base, status: o.status };
      const day = dayIndex(date.start);
      // The date decides kept or late, whatever was typed; one before `said` simply counts as early. A partial outcome keeps its word.
      if (day <= dueDay) return { ...base, status: o.status === "partial" ? "partial" : "kept", ...known, daysEarly: dueDay - day };
      const daysMax = Math.max(day - dueDay, dayIndex(lastDay(date)) - earliestDueDay);
      return { ...base, status: o.status === "partial" ? "partial" : "late", ...known, daysLate: day - dueDay, daysMin: day - dueDay, daysMax, daysLateMax: daysMax };
    }
  }

  // 2. Nothing reported: as far as the sources know (rule 3).
  const checkedDay = p.checked ? dayIndex(parseDate(p.checked).start) : undefined;
  if (checkedDay !== undefined && checkedDay < asOfDay && asOfDay > dueDay) {
    const checked = checkedDay * DAY;
    if (checkedDay > dueDay) {
      const [days, daysMax] = [checkedDay - dueDay, checkedDay - earliestDueDay];
      return { ...base, status: "overdue", daysOverdue: days, daysMin: days, daysMax, daysOverdueMax: daysMax, checked, atLeast: true };
    }
    return { ...base, status: "unknown", checked };
  }
  if (asOfDay > dueDay) {
    const [days, daysMax] = [asOfDay - dueDay, asOfDay - earliestDueDay];
    return { ...base, status: "overdue", daysOverdue: days, daysMin: days, daysMax, daysOverdueMax: daysMax };
  }
  return { ...base, status: "open", daysLeft: dueDay - asOfDay };
}

function median(xs: number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface StatusSummary {
  total: number;
  counts: Record<DerivedStatus, number>;
  /** Median of `daysOverdue` (the lower bounds), given only when two or more promises are overdue: a median of one is no summary. */
  medianDaysOverdue?: number;
  /** Some overdue count in the median is "at least" (the sources were checked before asOf): print "median at least N days overdue". */
  medianDaysOverdueAtLeast?: true;
  /** Median of `daysLate` over late promises, given only when two or more have a count. */
  medianDaysLate?: number;
}

export function summarizeStatuses(list: PromiseStatus[]): StatusSummary {
  const counts = Object.fromEntries(DERIVED_STATUSES.map((s) => [s, 0])) as Record<DerivedStatus, number>;
  for (const s of list) counts[s.status]++;
  const overdueList = list.filter((s) => s.status === "overdue" && s.daysOverdue !== undefined);
  const lateDays = list.flatMap((s) => (s.status === "late" && s.daysLate !== undefined ? [s.daysLate] : []));
  const out: StatusSummary = { total: list.length, counts };
  if (overdueList.length >= 2) {
    out.medianDaysOverdue = median(overdueList.map((s) => s.daysOverdue!))!;
    if (overdueList.some((s) => s.atLeast)) out.medianDaysOverdueAtLeast = true;
  }
  if (lateDays.length >= 2) out.medianDaysLate = median(lateDays)!;
  return out;
}
