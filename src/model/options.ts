/**
 * Option normalising helpers, in the Observable Plot manner: a bad option
 * throws a message naming the option and what was expected.
 */
export class OptionError extends Error {
  override name = "OptionError";
}

/** `value` if it is one of `allowed`, `fallback` if undefined, else an OptionError. */
export function keyword<T extends string>(value: unknown, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === null || value === "") return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new OptionError(`option ${name}: expected one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${JSON.stringify(value)}`);
}

/** A finite number ≥ `min`, or undefined. Numeric strings (from data attributes) are accepted. */
export function numberOption(value: unknown, name: string, min = -Infinity): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const n = typeof value === "string" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n) || n < min) {
    throw new OptionError(`option ${name}: expected a number${min > -Infinity ? ` ≥ ${min}` : ""}, got ${JSON.stringify(value)}`);
  }
  return n;
}

export function stringOption(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw new OptionError(`option ${name}: expected a string, got ${JSON.stringify(value)}`);
  return value;
}

export function booleanOption(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined || value === null || value === "") return fallback;
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  throw new OptionError(`option ${name}: expected true or false, got ${JSON.stringify(value)}`);
}

/** A list of record ids: an array of strings, or one comma-separated string (from data attributes). */
export function idListOption(value: unknown, name: string, what: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== "string" && !(Array.isArray(value) && value.every((v) => typeof v === "string"))) {
    throw new OptionError(`option ${name}: expected ${what} id or a list of ids, got ${JSON.stringify(value)}`);
  }
  return (typeof value === "string" ? value.split(",") : value).map((s) => s.trim()).filter(Boolean);
}

export function objectOption(value: unknown, name: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new OptionError(`option ${name}: expected an object, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

/**
 * An option that may come as JSON text (a data attribute, a CMS field) or as the value itself: the text is
 * read, and text that is not JSON is an OptionError naming the option, like any other mistake in it.
 */
export function jsonOption(value: unknown, name: string, expected: string): unknown {
  if (value === "") return undefined;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new OptionError(`option ${name}: expected ${expected} (or its JSON text), got ${JSON.stringify(value)}`);
  }
}

/** Editor's notes by record id (`annotations`): an object of id → text, or its JSON text; keys stay data (no prototype), an empty (null) note is none. */
export function notesOption(value: unknown, name: string): Record<string, string> {
  const notes: Record<string, string> = Object.create(null);
  for (const [id, note] of Object.entries(objectOption(jsonOption(value, name, "an object"), name))) {
    if (note == null) continue;
    if (typeof note !== "string") throw new OptionError(`option ${name}.${id}: expected text, got ${JSON.stringify(note)}`);
    notes[id] = note;
  }
  return notes;
}

export interface ResolvedCommon {
  width?: number;
  locale: string;
  theme: "light" | "dark" | "auto";
  /** Headline; else the dataset's title, else the chart's own. */
  title?: string;
  /** Dek: one or two sentences under the headline. */
  subtitle?: string;
  /** The "Source:" line; else built from the sources the drawn records cite. */
  source?: string;
  note?: string;
  credit?: string;
  /** Message overrides by key (see prepare/messages.ts), checked by the chart's resolver. */
  messages?: Record<string, string | { other: string }>;
}

/** The options every chart shares. */
export function resolveCommonOptions(o: Record<string, unknown>): ResolvedCommon {
  const r: ResolvedCommon = {
    locale: stringOption(o.locale, "locale") ?? "en-US",
    theme: keyword(o.theme, "theme", ["light", "dark", "auto"] as const, "light"),
  };
  const width = numberOption(o.width, "width", 1);
  // A width beyond any screen or print page (1e300) would write NaN and Infinity into the SVG.
  if (width !== undefined && width > 20_000) throw new OptionError(`option width: expected a number of pixels from 1 to 20000, got ${JSON.stringify(o.width)}`);
  if (width !== undefined) r.width = width;
  const title = stringOption(o.title, "title");
  if (title !== undefined) r.title = title;
  return r;
}
