/**
 * A promise's status is derived, never typed in: from when it was said, the
 * window it was promised for and what happened, as of a date. Everything is
 * counted in whole UTC days; the deadline day itself is still on time.
 */
import type { PromiseRecord } from "./types.js";
import { dayIndex, lastDay, parseDate, type DateSpan } from "./dates.js";
import { addDuration, parseDuration, parseWindowValue, type Duration } from "./durations.js";

export type DerivedStatus = "kept" | "late" | "broken" | "overdue" | "open";

export interface PromiseStatus {
  status: DerivedStatus;
  said: DateSpan;
  /** ms: UTC midnight of the earliest said day + window.min. */
  dueFrom: number;
  /** ms: UTC midnight of the deadline day = latest said day + window.max. */
  dueBy: number;
  /** The outcome's date, when it counts as of asOf. */
  outcomeDate?: DateSpan;
  /** late: whole days from the deadline day to the outcome's earliest day (≥ 1). */
  daysLate?: number;
  /** kept: days before the deadline day (0 on the day). */
  daysEarly?: number;
  /** overdue: whole days from the deadline day to asOf (≥ 1). */
  daysOverdue?: number;
  /** open: days from asOf to the deadline day (0 on the day). */
  daysLeft?: number;
}

const DAY = 86_400_000;

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
function windowEnd(text: string, end: "min" | "max"): Duration {
  try {
    return parseDuration(text);
  } catch {
    return parseWindowValue(text)[end];
  }
}

export function promiseStatus(p: PromiseRecord, asOf: number | string | Date): PromiseStatus {
  const said = parseDate(p.said);
  const asOfDay = dayIndex(toDay(asOf));
  // Fuzzy said dates (a month, an interval, "c."): due from the earliest day, due by the latest — the benefit of the doubt.
  const dueFrom = addDuration(said.start, windowEnd(p.window.min, "min"));
  const dueBy = addDuration(lastDay(said), windowEnd(p.window.max, "max"));
  const dueDay = dayIndex(dueBy);
  const base = { said, dueFrom, dueBy };

  const o = p.outcome;
  if (o && o.status !== "pending") {
    const date = o.date ? parseDate(o.date) : undefined;
    // An outcome dated after asOf was not yet known on that day: the promise was still pending then.
    if (!date || dayIndex(date.start) <= asOfDay) {
      const known = date ? { outcomeDate: date } : {};
      if (o.status === "broken") return { status: "broken", ...base, ...known };
      if (!date) return { status: o.status, ...base };
      const day = dayIndex(date.start);
      // The date decides kept or late, whatever was typed; one before `said` simply counts as early.
      return day <= dueDay ? { status: "kept", ...base, ...known, daysEarly: dueDay - day } : { status: "late", ...base, ...known, daysLate: day - dueDay };
    }
  }
  return asOfDay > dueDay ? { status: "overdue", ...base, daysOverdue: asOfDay - dueDay } : { status: "open", ...base, daysLeft: dueDay - asOfDay };
}

function median(xs: number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function summarizeStatuses(list: PromiseStatus[]): {
  total: number;
  counts: Record<DerivedStatus, number>;
  medianDaysOverdue?: number;
  medianDaysLate?: number;
} {
  const counts: Record<DerivedStatus, number> = { kept: 0, late: 0, broken: 0, overdue: 0, open: 0 };
  for (const s of list) counts[s.status]++;
  const overdue = median(list.flatMap((s) => (s.status === "overdue" && s.daysOverdue !== undefined ? [s.daysOverdue] : [])));
  const late = median(list.flatMap((s) => (s.status === "late" && s.daysLate !== undefined ? [s.daysLate] : [])));
  return { total: list.length, counts, ...(overdue !== undefined && { medianDaysOverdue: overdue }), ...(late !== undefined && { medianDaysLate: late }) };
}
