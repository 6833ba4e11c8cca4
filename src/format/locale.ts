/**
 * Numbers and dates in the reader's language. The browser's (and Node's) Intl
 * carries the CLDR data for every locale, so claimline ships no locale tables:
 * `resolveLocale("ko-KR")` formats 15000 as "15,000", compactly as "1.5만",
 * and `resolveLocale("de-DE")` as "15.000".
 */
export interface LocaleFormat {
  /** The BCP 47 tag actually used. */
  tag: string;
  /** Full precision with the locale's grouping: 15,000 / 15.000 / 15 000. */
  number(value: number): string;
  /** A figure with its unit: "$27,000,000,000", "12.5%", "15,000 troops". */
  figure(value: number, unit?: string): string;
  /** Short form for axis ticks: "15K", "1.5만", "$27B", "12%". */
  compact(value: number, unit?: string): string;
  /** "12 Aug 2025" (day precision, UTC). */
  day(ms: number): string;
  /** "August 2025". */
  month(ms: number): string;
  /** "Aug" for ticks. */
  monthShort(ms: number): string;
  /** "12 Aug" for ticks. */
  dayShort(ms: number): string;
  year(ms: number): string;
  /** "Putin, Kim and Trump". */
  list(items: string[]): string;
}

/** Locales the gallery and tests exercise; any BCP 47 tag Intl knows works. */
export const SUPPORTED_LOCALES = ["en-US", "en-GB", "de-DE", "fr-FR", "ru-RU", "ko-KR", "uk-UA"] as const;

const cache = new Map<string, LocaleFormat>();

/**
 * Whether `unit` is an ISO 4217 currency code that Intl knows (USD, EUR,
 * KRW) — not any three capitals: "KIA" or "POW" as a unit stays a word.
 * Where `Intl.supportedValuesOf` is missing, Intl.DisplayNames decides;
 * with neither, nothing is a currency (the unit is printed as written).
 */
export function isCurrency(unit?: string): unit is string {
  if (!unit || !/^[A-Z]{3}$/.test(unit)) return false;
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[]; DisplayNames?: new (l: string, o: object) => { of(code: string): string | undefined } };
  currencies ??= new Set(intl.supportedValuesOf?.("currency") ?? []);
  if (currencies.size) return currencies.has(unit);
  try {
    return !!intl.DisplayNames && new intl.DisplayNames("en", { type: "currency", fallback: "none" }).of(unit) !== undefined;
  } catch {
    return false;
  }
}
let currencies: Set<string> | undefined;

/** Whether `unit` means percent. */
export function isPercent(unit?: string): boolean {
  return unit === "%" || unit === "percent" || unit === "per cent";
}

/** Normalise a locale tag; unknown or malformed tags fall back to en-US rather than throwing mid-render. */
export function canonicalLocale(tag?: string): string {
  if (!tag) return "en-US";
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? "en-US";
  } catch {
    return "en-US";
  }
}

export function resolveLocale(tag?: string): LocaleFormat {
  const key = canonicalLocale(tag);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = createLocale(key)));
  return f;
}

/** `fn` remembered per argument: a chart formats the same few hundred dates and lists for 10,000 records. Emptied when it grows large. */
function remember<K, V>(fn: (k: K) => V): (k: K) => V {
  const seen = new Map<K, V>();
  return (k) => {
    let v = seen.get(k);
    if (v === undefined) {
      v = fn(k);
      if (seen.size > 10_000) seen.clear();
      seen.set(k, v);
    }
    return v;
  };
}

/** `make()` on first use, then the same value: a formatter is built only when a chart uses it (each costs ~1 ms cold). */
function once<T>(make: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= make());
}

function createLocale(tag: string): LocaleFormat {
  const utc = { timeZone: "UTC" } as const;
  const num = once(() => new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }));
  const compactNum = once(() => new Intl.NumberFormat(tag, { notation: "compact", maximumFractionDigits: 1 }));
  const dayF = once(() => new Intl.DateTimeFormat(tag, { ...utc, day: "numeric", month: "short", year: "numeric" }));
  const monthF = once(() => new Intl.DateTimeFormat(tag, { ...utc, month: "long", year: "numeric" }));
  const monthShortF = once(() => new Intl.DateTimeFormat(tag, { ...utc, month: "short" }));
  const dayShortF = once(() => new Intl.DateTimeFormat(tag, { ...utc, day: "numeric", month: "short" }));
  const yearF = once(() => new Intl.DateTimeFormat(tag, { ...utc, year: "numeric" }));
  const listF = typeof Intl.ListFormat === "function" ? once(() => new Intl.ListFormat(tag, { type: "conjunction" })) : null;
  const currencyCache = new Map<string, [Intl.NumberFormat, Intl.NumberFormat]>();
  const currency = (code: string) => {
    let pair = currencyCache.get(code);
    if (!pair) {
      pair = [
        new Intl.NumberFormat(tag, { style: "currency", currency: code, maximumFractionDigits: 2, minimumFractionDigits: 0 }),
        new Intl.NumberFormat(tag, { style: "currency", currency: code, notation: "compact", maximumFractionDigits: 1 }),
      ];
      currencyCache.set(code, pair);
    }
    return pair;
  };
  const lists = new Map<string, string>();
  const list = (items: string[]): string => {
    const key = JSON.stringify(items);
    let v = lists.get(key);
    if (v === undefined) {
      v = listF!().format(items);
      if (lists.size > 10_000) lists.clear();
      lists.set(key, v);
    }
    return v;
  };
  const pct = once(() => new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 2 }));
  const pctCompact = once(() => new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 1 }));
  return {
    tag,
    number: (v) => num().format(v),
    figure(v, unit) {
      if (isCurrency(unit)) return currency(unit)[0].format(v);
      if (isPercent(unit)) return pct().format(v / 100);
      return unit ? `${num().format(v)} ${unit}` : num().format(v);
    },
    compact(v, unit) {
      if (isCurrency(unit)) return currency(unit)[1].format(v);
      if (isPercent(unit)) return pctCompact().format(v / 100);
      return compactNum().format(v);
    },
    day: remember((ms: number) => dayF().format(ms)),
    month: remember((ms: number) => monthF().format(ms)),
    monthShort: remember((ms: number) => monthShortF().format(ms)),
    dayShort: remember((ms: number) => dayShortF().format(ms)),
    year: remember((ms: number) => yearF().format(ms)),
    list: (items) => (listF ? list(items) : items.join(", ")),
  };
}
