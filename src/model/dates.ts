/**
 * EDTF dates, the subset the dataset format allows: `YYYY`, `YYYY-MM`,
 * `YYYY-MM-DD`, a whole-date qualifier (`~` approximate, `?` uncertain,
 * `%` both), unspecified digits (`2025-XX`, `2025-08-XX`, `202X`, `19XX`)
 * and intervals `A/B` whose ends may be open (`..`) or unknown (empty).
 *
 * Every date resolves to a span of whole UTC days, so a month-precision
 * date stays a month everywhere downstream and is never drawn as a day.
 * Hand-written rather than a dependency: the subset is small and the error
 * messages are for people fixing a spreadsheet.
 */

export type DatePrecision = "day" | "month" | "year";

export interface DateInterval {
  from: DateSpan | null;
  to: DateSpan | null;
  /** `..` at the start: it began at no particular time and continues back indefinitely. */
  startOpen: boolean;
  endOpen: boolean;
  /** Empty start: it began at some time nobody reported. */
  startUnknown: boolean;
  endUnknown: boolean;
}

export interface DateSpan {
  /** The input, exactly. */
  text: string;
  /** Of the date; for intervals the coarser of the two known ends. */
  precision: DatePrecision;
  /** ms since epoch: UTC midnight of the earliest possible day. */
  start: number;
  /** ms: UTC midnight of the day after the latest possible day (exclusive). */
  end: number;
  approximate: boolean;
  uncertain: boolean;
  /** Had X digits (2025-XX, 202X). */
  unspecified: boolean;
  interval?: DateInterval;
}

export class DateParseError extends Error {
  override name = "DateParseError";
}

/** A day in milliseconds: every span is whole UTC days. The one definition. */
export const DAY = 86_400_000;
const MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
const RANK: Record<DatePrecision, number> = { day: 0, month: 1, year: 2 };

/** UTC midnight; setUTCFullYear because Date.UTC maps years 0–99 to 1900–1999. Month and day overflow roll over. */
function utc(y: number, m0: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m0, d);
  return t.getTime();
}

const daysIn = (y: number, m0: number): number => new Date(utc(y, m0 + 1, 0)).getUTCDate();

export function dayIndex(ms: number): number {
  return Math.floor(ms / DAY);
}

export function lastDay(span: DateSpan): number {
  return span.end - DAY;
}

export function isDate(text: string): boolean {
  try {
    parseDate(text);
    return true;
  } catch {
    return false;
  }
}

export function parseDate(text: string): DateSpan {
  if (typeof text !== "string") throw new DateParseError(`expected an EDTF date string, got ${typeof text}`);
  // A dataset repeats its dates (validation, then layout, then every redraw): parse each text once.
  const known = parsed.get(text);
  if (known) return known;
  const span = deepFreeze(parseUncached(text));
  if (parsed.size >= 20_000) parsed.clear();
  parsed.set(text, span);
  return span;
}

/** Spans are shared between callers through the cache, so none may change one. */
const parsed = new Map<string, DateSpan>();
function deepFreeze(span: DateSpan): DateSpan {
  if (span.interval) {
    if (span.interval.from) Object.freeze(span.interval.from);
    if (span.interval.to) Object.freeze(span.interval.to);
    Object.freeze(span.interval);
  }
  return Object.freeze(span);
}

function parseUncached(text: string): DateSpan {
  if (!text.includes("/")) return single(text);
  const [a, b, ...rest] = text.split("/") as [string, string, ...string[]];
  if (rest.length) throw notEdtf(text, /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text) ? hintFor(text) : "an interval has one /");
  const end = (s: string): DateSpan | "open" | "unknown" => (s === ".." ? "open" : s === "" ? "unknown" : single(s));
  const from = end(a);
  const to = end(b);
  if (typeof from === "string" && typeof to === "string") throw new DateParseError(`"${text}" is an interval with neither end known`);
  const f = typeof from === "string" ? null : from;
  const t = typeof to === "string" ? null : to;
  if (f && t && t.end <= f.start) throw new DateParseError(`"${text}" ends before it starts`);
  const known = [f, t].filter((s): s is DateSpan => s !== null);
  return {
    text,
    precision: known.reduce<DatePrecision>((p, s) => (RANK[s.precision] > RANK[p] ? s.precision : p), "day"),
    // With one end open or unknown, the span is the known end's own span; the flags say the rest.
    start: (f ?? t!).start,
    end: (t ?? f!).end,
    approximate: known.some((s) => s.approximate),
    uncertain: known.some((s) => s.uncertain),
    unspecified: known.some((s) => s.unspecified),
    interval: { from: f, to: t, startOpen: from === "open", endOpen: to === "open", startUnknown: from === "unknown", endUnknown: to === "unknown" },
  };
}

function notEdtf(text: string, hint: string): DateParseError {
  return new DateParseError(`"${text}" is not an EDTF date (${hint})`);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** One date, no interval. */
function single(text: string): DateSpan {
  const m = /^(\d{4}|\d{3}X|\d{2}XX|\dXXX)(?:-(\d\d|XX)(?:-(\d\d|XX))?)?([~?%])?$/.exec(text);
  if (!m) throw notEdtf(text, hintFor(text));
  const [, ys, ms, ds, q] = m as unknown as [string, string, string | undefined, string | undefined, string | undefined];
  const flags = { text, approximate: q === "~" || q === "%", uncertain: q === "?" || q === "%" };
  if (ys.includes("X")) {
    // 19XX: any year of the 1900s. Unspecified months or days under it are ISO 8601-2 level 2; keep the subset small.
    if (ms !== undefined) throw notEdtf(text, "X digits in the year stand alone, e.g. 202X");
    const lo = Number(ys.replace(/X/g, "0"));
    const hi = Number(ys.replace(/X/g, "9"));
    return { ...flags, precision: "year", start: utc(lo, 0, 1), end: utc(hi + 1, 0, 1), unspecified: true };
  }
  const y = Number(ys);
  if (ms === undefined) return { ...flags, precision: "year", start: utc(y, 0, 1), end: utc(y + 1, 0, 1), unspecified: false };
  if (ms === "XX") {
    if (ds !== undefined && ds !== "XX") throw notEdtf(text, `a day needs its month; write ${ys}-XX-XX or ${ys}`);
    // Some month of the year: the honest precision is the year.
    return { ...flags, precision: "year", start: utc(y, 0, 1), end: utc(y + 1, 0, 1), unspecified: true };
  }
  const mo = Number(ms);
  if (mo < 1 || mo > 12) throw new DateParseError(`"${text}" has no month ${ms.replace(/^0/, "")}`);
  const monthSpan = { ...flags, precision: "month" as const, start: utc(y, mo - 1, 1), end: utc(y, mo, 1) };
  if (ds === undefined) return { ...monthSpan, unspecified: false };
  if (ds === "XX") return { ...monthSpan, unspecified: true };
  const d = Number(ds);
  const n = daysIn(y, mo - 1);
  if (d < 1) throw new DateParseError(`"${text}" has no day 0`);
  if (d > n) {
    const name = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "long", year: "numeric" }).format(monthSpan.start);
    throw new DateParseError(`"${text}" is not a calendar date (${name} has ${n} days)`);
  }
  return { ...flags, precision: "day", start: utc(y, mo - 1, d), end: utc(y, mo - 1, d + 1), unspecified: false };
}

/** A hint for the usual near-misses, so the message says what to write instead. */
function hintFor(text: string): string {
  const example = "write e.g. 2025-08-12, 2025-08 or 2025";
  if (text.trim() !== text) return "remove the spaces around it";
  const iso = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?/.exec(text);
  if (iso) {
    const fixed = `${iso[1]}-${pad(Number(iso[2]))}${iso[3] ? `-${pad(Number(iso[3]))}` : ""}`;
    if (/^\d{4}-\d\d-\d\d[T ]\d/.test(text)) return `times are not part of a date; write ${fixed}`;
    if (fixed !== iso[0]) return `write ${fixed}: months and days take two digits`;
  }
  // "Aug 2025", "12 August 2025", "August 12, 2025"
  const words = /^(?:(\d{1,2})\s+)?([a-z]{3,})\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/i.exec(text);
  const mi = words ? MONTHS.indexOf(words[2]!.slice(0, 3).toLowerCase()) : -1;
  if (words && mi >= 0 && mi % 3 === 0) {
    const day = words[1] ?? words[3];
    return `write ${words[4]}-${pad(mi / 3 + 1)}${day ? `-${pad(Number(day))}` : ""}`;
  }
  if (/^\d{1,2}[./]\d{1,2}[./]\d{4}$/.test(text)) return "write year-month-day, e.g. 2025-08-12";
  return example;
}

/** A formatter whose results are remembered: 10,000 events share a few hundred dates (Intl formatting was 10% of a first draw). */
type Fmt = { format(ms: number): string; formatRange(a: number, b: number): string };
const fmtCache = new Map<string, Fmt>();
function fmt(locale: string, precision: DatePrecision): Fmt {
  const key = `${locale}|${precision}`;
  let f = fmtCache.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      precision === "day" ? { day: "numeric", month: "short", year: "numeric" } : precision === "month" ? { month: "long", year: "numeric" } : { year: "numeric" };
    const intl = new Intl.DateTimeFormat(locale, { ...opts, timeZone: "UTC" });
    const seen = new Map<string, string>();
    const memo = (k: string, make: () => string) => {
      let s = seen.get(k);
      if (s === undefined) {
        if (seen.size > 10_000) seen.clear();
        seen.set(k, (s = make()));
      }
      return s;
    };
    f = { format: (ms) => memo(`${ms}`, () => intl.format(ms)), formatRange: (a, b) => memo(`${a}/${b}`, () => intl.formatRange(a, b)) };
    fmtCache.set(key, f);
  }
  return f;
}

/** The words around a date, in the reader's language (English by default). */
export interface DateWords {
  circa(date: string): string;
  from(date: string): string;
  until(date: string): string;
}
const ENGLISH: DateWords = { circa: (d) => `c. ${d}`, from: (d) => `from ${d}`, until: (d) => `until ${d}` };

/** A non-interval span at its own precision; a span of several years (202X) as a year range. */
function plain(span: DateSpan, locale: string, say: DateWords): string {
  const f = fmt(locale, span.precision);
  const last = lastDay(span);
  const core = span.precision === "year" && new Date(last).getUTCFullYear() !== new Date(span.start).getUTCFullYear() ? f.formatRange(span.start, last) : f.format(span.start);
  const text = core + (span.uncertain ? "?" : "");
  return span.approximate ? say.circa(text) : text;
}

/**
 * Precision-honest text: a day as a day ("12 Aug 2025"), a month as a month
 * ("August 2025"), never a made-up day. Approximate dates get "c. ",
 * uncertain ones "?". The connecting words come from `say` (the chart's
 * message catalogue), English by default.
 */
export function formatDateSpan(span: DateSpan, locale = "en-GB", say: DateWords = ENGLISH): string {
  const iv = span.interval;
  if (!iv) return plain(span, locale, say);
  const { from, to } = iv;
  if (from && to) {
    const qualified = from.approximate || from.uncertain || to.approximate || to.uncertain;
    // formatRange shares the common parts ("21–31 Mar 2025") when both ends read at the same precision.
    if (!qualified && from.precision === to.precision && !from.unspecified && !to.unspecified) {
      return fmt(locale, from.precision).formatRange(from.start, to.start);
    }
    return `${plain(from, locale, say)} – ${plain(to, locale, say)}`;
  }
  if (from) return iv.endOpen ? say.from(plain(from, locale, say)) : `${plain(from, locale, say)} – ?`;
  return iv.startOpen ? say.until(plain(to!, locale, say)) : `? – ${plain(to!, locale, say)}`;
}
