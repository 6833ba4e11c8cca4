/**
 * Durations: the ISO 8601 form the dataset stores (`P14D`, `P2W`, `P1M`),
 * and the phrases journalists copy from quotes ("two or three weeks", "a
 * week and a half, two weeks", "within two weeks", "up to a fortnight",
 * "fourteen months", "48 hours"), read into a min–max window. Numbers are
 * digits or words up to the hundreds; hours round up to whole days. A
 * phrase we cannot read fails with the phrase named; we never guess ("soon"
 * and "a few weeks" are not durations).
 */

import { DAY } from "./dates.js";

export interface Duration {
  /** The ISO text: the input for parsed durations, canonical for ones read from phrases. */
  text: string;
  years: number;
  months: number;
  weeks: number;
  days: number;
}

export interface DurationRange {
  min: Duration;
  max: Duration;
}

export type PhraseResult = { ok: true; phrase: string; min: Duration; max: Duration } | { ok: false; phrase: string; reason: string };

export class DurationParseError extends Error {
  override name = "DurationParseError";
}


export function parseDuration(text: string): Duration {
  const m = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(text);
  if (m) return { text, years: +(m[1] ?? 0), months: +(m[2] ?? 0), weeks: +(m[3] ?? 0), days: +(m[4] ?? 0) };
  // Promise windows are counted in whole days, so hours and fractions have no meaning here; say so rather than "not a duration".
  if (/^P[\dYMWD]*T/.test(text)) throw new DurationParseError(`"${text}" has a time part; promise windows are whole days (write e.g. P2D)`);
  if (/^P.*\d[.,]\d/.test(text)) throw new DurationParseError(`"${text}" has a fraction; write whole units (e.g. P10D for a week and a half)`);
  throw new DurationParseError(`"${text}" is not a duration (write an ISO 8601 duration such as P14D, or a phrase like "two weeks")`);
}

/** Calendar arithmetic in UTC: months first, clamping the day of month (31 Jan + P1M = 28/29 Feb), then days. */
export function addDuration(ms: number, d: Duration): number {
  let t = ms;
  const months = d.years * 12 + d.months;
  if (months) {
    const date = new Date(ms);
    const target = new Date(0);
    target.setUTCFullYear(date.getUTCFullYear(), date.getUTCMonth() + months + 1, 0); // last day of the target month
    const day = Math.min(date.getUTCDate(), target.getUTCDate());
    target.setUTCDate(day);
    t = target.getTime() + (((ms % DAY) + DAY) % DAY);
  }
  return t + (d.weeks * 7 + d.days) * DAY;
}

/** Approximate length in days, for sorting and comparing windows only. */
export function durationDays(d: Duration): number {
  return d.years * 365.25 + d.months * 30.44 + d.weeks * 7 + d.days;
}

/** "2 weeks", "1 month and 10 days" — unit names via Intl, so other locales get their own words. */
export function formatDuration(d: Duration, locale = "en"): string {
  const parts = (["year", "month", "week", "day"] as const)
    .map((unit) => [unit, d[`${unit}s`]] as const)
    .filter(([, n]) => n > 0)
    .map(([unit, n]) => new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(n));
  if (!parts.length) return new Intl.NumberFormat(locale, { style: "unit", unit: "day", unitDisplay: "long" }).format(0);
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(parts);
}

function make(years: number, months: number, days: number): Duration {
  const text = `P${years ? `${years}Y` : ""}${months ? `${months}M` : ""}${days || (!years && !months) ? `${days}D` : ""}`;
  return { text, years, months, weeks: 0, days };
}

/** Number words: "zero"…"nineteen" by index, then the tens. */
const SMALL = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(" ");
const TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split(" ");
/**
 * Unit → days per unit, or months per unit (negative marks months, so years
 * and months stay calendar units). A Map, so a phrase like "two constructors"
 * finds no unit on Object.prototype.
 */
const UNITS = new Map<string, number>([
  ["hour", 1 / 24],
  ["hr", 1 / 24],
  ["day", 1],
  ["week", 7],
  ["wk", 7],
  ["fortnight", 14],
  ["month", -1],
  ["year", -12],
  ["yr", -12],
]);
/** Words around the amount that don't change it ("in about", "over the next", "from now"). "About" adds no invented margin. */
const FILLER = new Set(
  "in the next over about around roughly approximately approx some at point from now time maybe perhaps probably uh um er like just another coming after by so say between".split(" "),
);
/** Leading words that make the window start at zero: "within two weeks", "up to two weeks", "no more than a month". */
const FROM_ZERO = [["within"], ["up", "to"], ["no", "more", "than"], ["not", "more", "than"], ["no", "later", "than"], ["less", "than"], ["fewer", "than"], ["under"], ["at", "most"], ["inside"]];

/** The number written at t[i] ("14", "1.5", "fourteen", "twenty one", "a hundred", "two hundred and ten"), and where it ends. */
function numberAt(t: string[], i: number): { n: number; next: number } | null {
  if (/^\d+(\.\d+)?$/.test(t[i] ?? "")) return { n: Number(t[i]), next: i + 1 };
  let n = 0;
  let j = i;
  const small = (w?: string) => (w === undefined ? -1 : SMALL.indexOf(w));
  if (t[j] === "hundred") (n = 100), j++;
  else if (small(t[j]) > 0 && t[j + 1] === "hundred") (n = small(t[j]) * 100), (j += 2);
  if (j > i && t[j] === "and" && (small(t[j + 1]) >= 0 || TENS.includes(t[j + 1]!))) j++;
  if (TENS.includes(t[j]!)) {
    n += (TENS.indexOf(t[j++]!) + 2) * 10;
    if (small(t[j]) > 0 && small(t[j]) < 10) n += small(t[j++]);
  } else if (small(t[j]) >= 0) n += small(t[j++]);
  return j > i ? { n, next: j } : null;
}

/** Read one amount: "two weeks", "a week and a half", "half a month", "a couple of weeks", "48 hours", "twenty-one days", "3", "week". */
function amount(t: string[]): { n: number; unit?: string } | null {
  let i = 0;
  let n = 1;
  let bare = true; // a number with no unit may borrow one from its neighbour ("two or three weeks")
  const half = () => (t[i] === "and" && (t[i + 1] === "half" || ((t[i + 1] === "a" || t[i + 1] === "an") && t[i + 2] === "half")) ? ((i += t[i + 1] === "half" ? 2 : 3), true) : false);
  if (t[i] === "half" && (t[i + 1] === "a" || t[i + 1] === "an")) (n = 0.5), (i += 2), (bare = false);
  else {
    if (t[i] === "a" || t[i] === "an") i++, (bare = false);
    const num = numberAt(t, i);
    if (t[i] === "couple") (n = 2), i++, t[i] === "of" && i++, (bare = true);
    else if (num) (n = num.n), (i = num.next), (bare = true);
  }
  let halved = half();
  const u = (t[i] ?? "").replace(/s$/, "");
  const unit = UNITS.has(u) ? (i++, u) : undefined;
  if (unit && !halved) halved = half();
  if (halved) n += 0.5;
  if (i !== t.length || i === 0 || (!unit && !bare)) return null;
  return unit ? { n, unit } : { n };
}

/**
 * Whole days for day-based units (a week and a half = 10.5 days, rounded down
 * to 10); hours round up to whole days (48 hours = 2 days, 36 hours = 2 days:
 * the promise is due within the second day); half a month = 15 days; half a
 * year = 6 months.
 */
function toDuration(n: number, unit: string): Duration {
  const per = UNITS.get(unit)!;
  if (per < 1 && per > 0) return make(0, 0, Math.ceil(n * per - 1e-9));
  if (per > 0) return make(0, 0, Math.floor(n * per));
  const months = Math.floor(n * -per);
  const days = per === -1 && n % 1 ? 15 : 0;
  return make(Math.floor(months / 12), months % 12, days);
}

/** The longest window a phrase or a dataset may give: beyond it a date is past what charts can draw. */
export const MAX_DURATION_YEARS = 100;
/** Whether `d` is longer than MAX_DURATION_YEARS (compared in calendar terms, so P100Y and P1200M pass, P36525D passes, P36526D does not). */
export function isTooLong(d: Duration): boolean {
  return d.years * 12 + d.months > MAX_DURATION_YEARS * 12 || durationDays(d) > MAX_DURATION_YEARS * 365.25;
}

export function readDurationPhrase(phrase: string): PhraseResult {
  const fail: PhraseResult = { ok: false, phrase, reason: `could not read "${phrase}" as a duration` };
  const tokens = phrase
    .toLowerCase()
    .replace(/[’']/g, "") // "two weeks' time"
    .replace(/(\d)([a-z])/g, "$1 $2") // "48hrs", "2wks"
    // "twenty-one" is one number, not the alternatives "twenty" or "one" (as "2-3" is)
    .replace(new RegExp(`\\b(${TENS.join("|")})[-–](${SMALL.slice(1, 10).join("|")})\\b`, "g"), "$1 $2")
    .replace(/[,;:/\-–—]/g, " , ")
    .replace(/[.!?"“”()…](?!\d)/g, " ")
    .split(/\s+/)
    .filter((w) => w && !FILLER.has(w));
  const lead = FROM_ZERO.find((words) => words.every((w, k) => tokens[k] === w));
  const fromZero = !!lead;
  if (lead) tokens.splice(0, lead.length);
  // Alternatives: "two or three", "two to three", "two, three", "2-3"; "between two and three" too.
  const between = /\bbetween\b/i.test(phrase);
  const groups: string[][] = [[]];
  tokens.forEach((w, k) => {
    const and = between && w === "and" && tokens[k + 1] !== "half" && tokens[k + 2] !== "half";
    if (w === "," || w === "or" || w === "to" || and) groups.push([]);
    else groups[groups.length - 1]!.push(w);
  });
  const amounts = groups.filter((g) => g.length).map(amount);
  if (!amounts.length || amounts.some((a) => !a)) return fail;
  const list = amounts as { n: number; unit?: string }[];
  const durations: Duration[] = [];
  for (let k = 0; k < list.length; k++) {
    const unit = list[k]!.unit ?? list.slice(k + 1).find((a) => a.unit)?.unit ?? list.slice(0, k).reverse().find((a) => a.unit)?.unit;
    if (!unit) return fail;
    const d = toDuration(list[k]!.n, unit);
    if (isTooLong(d)) return { ok: false, phrase, reason: `"${phrase}" is longer than ${MAX_DURATION_YEARS} years` };
    durations.push(d);
  }
  durations.sort((a, b) => durationDays(a) - durationDays(b));
  return { ok: true, phrase, min: fromZero ? make(0, 0, 0) : durations[0]!, max: durations[durations.length - 1]! };
}

/** A window cell from a CSV sheet: an ISO duration (min = max) or a phrase. */
export function parseWindowValue(text: string): DurationRange {
  try {
    const d = parseDuration(text);
    return { min: d, max: d };
  } catch (err) {
    const r = readDurationPhrase(text);
    if (r.ok) return { min: r.min, max: r.max };
    if (r.reason !== `could not read "${text}" as a duration`) throw new DurationParseError(r.reason);
    // An ISO-looking value gets parseDuration's specific message ("has a time part"); anything else the general one.
    if (/^P/.test(text)) throw err;
    throw new DurationParseError(`"${text}" is not a duration (write an ISO 8601 duration such as P14D, or a phrase like "two weeks")`);
  }
}
