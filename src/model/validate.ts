/**
 * Dataset validation. `parseDataset` reads JSON text or a parsed value and
 * either returns a typed Dataset or throws ONE `DatasetError` that lists every
 * problem it found, each with its JSON path and a plain reason:
 *   claims[0]: low 12000 is above high 10000
 *   events[0].participants[0]: no actor "nobody"
 * It never stops at the first problem (a desk fixes a sheet in one pass).
 */
import { isDate, parseDate, type DateSpan } from "./dates.js";
import { addDuration, isTooLong, MAX_DURATION_YEARS, parseDuration, type Duration } from "./durations.js";
import { stripBom } from "./decode.js";
import { parseDomainText, parsePeriodsText } from "./periodText.js";
import { didYouMean } from "./suggest.js";
import type { Actor, Citation, Claim, Dataset, Event, PromiseRecord, Source } from "./types.js";

export interface Problem {
  /** JSON path: `claims[0].high`, `events[1].id`, or `$` for the whole input. */
  path: string;
  message: string;
}

export class DatasetError extends Error {
  override name = "DatasetError";
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`${problems.length} ${problems.length === 1 ? "problem" : "problems"} in the dataset:\n` + problems.map((p) => `  ${p.path}: ${p.message}`).join("\n"));
    this.problems = problems;
  }
}

export const SOURCE_KINDS = ["outlet", "agency", "government", "intelligence", "other"] as const;
export const EVENT_KINDS = ["call", "meeting", "visit", "summit", "treaty", "deployment", "statement"] as const;
export const EVENT_STATUSES = ["happened", "scheduled", "postponed", "cancelled"] as const;
export const QUALIFIERS = ["exact", "about", "at-least", "more-than", "up-to", "fewer-than", "range"] as const;
export const OUTCOME_STATUSES = ["pending", "kept", "late", "broken", "partial"] as const;
const COLLECTIONS = ["sources", "actors", "events", "claims", "promises"] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : v === undefined ? "nothing" : Array.isArray(v) ? "a list" : typeof v === "object" && v ? "an object" : String(v));

/** Parse and validate; throws DatasetError listing every problem. */
export function parseDataset(input: unknown): Dataset {
  const { dataset, problems } = validateDataset(input);
  if (problems.length || !dataset) throw new DatasetError(problems);
  return dataset;
}

/** Like parseDataset, but returns the problems instead of throwing (for playgrounds and the CLI). */
export function validateDataset(input: unknown): { dataset?: Dataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  // 1. Text → value.
  let root = input;
  if (typeof input === "string") {
    try {
      // A byte-order mark is not JSON, but editors' tools write one; drop it as the CSV reader does.
      root = JSON.parse(stripBom(input));
    } catch (err) {
      add("$", `not valid JSON (${(err as Error).message})`);
      return { problems };
    }
  }
  if (!isObj(root)) {
    add("$", `expected a dataset object with "version": 1, got ${show(root)}`);
    return { problems };
  }

  // 2. Field checkers that record a problem and return the value when it is usable.
  const str = (o: Obj, key: string, path: string, required: boolean): string | undefined => {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) add(`${path}.${key}`, "missing required field");
      return undefined;
    }
    if (typeof v !== "string") return void add(`${path}.${key}`, `expected text, got ${show(v)}`);
    if (required && !v.trim()) return void add(`${path}.${key}`, "must not be empty");
    return v;
  };
  const oneOf = <T extends string>(o: Obj, key: string, path: string, allowed: readonly T[], required: boolean): T | undefined => {
    const v = str(o, key, path, required);
    if (v === undefined) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    // Sheets read any letter case (csv.ts lower-cases); JSON is exact, so name the spelling it wants.
    const near = allowed.find((a) => a === v.trim().toLowerCase().replace(/\s+/g, "-"));
    return void add(`${path}.${key}`, `unknown ${key} ${JSON.stringify(v)} (${near ? `write "${near}"` : `expected one of ${allowed.join(", ")}`})`);
  };
  const date = (o: Obj, key: string, path: string, required: boolean): DateSpan | undefined => {
    const v = str(o, key, path, required);
    if (v === undefined) return undefined;
    try {
      return parseDate(v);
    } catch (err) {
      return void add(`${path}.${key}`, (err as Error).message);
    }
  };
  const url = (o: Obj, key: string, path: string): string | undefined => {
    const v = str(o, key, path, false);
    if (v === undefined) return undefined;
    if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(v)) return void add(`${path}.${key}`, `${JSON.stringify(v.length > 80 ? v.slice(0, 80) + "…" : v)} is not an http(s) URL`);
    return v;
  };
  const num = (o: Obj, key: string, path: string): number | undefined => {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (typeof v === "string") {
      const worded = qualifierWords(v);
      const hint = worded ? ` (write ${worded.value}, with qualifier "${worded.qualifier}")` : /^[\d.,\s]+$/.test(v.trim()) ? ` (write ${v.replace(/[,\s]/g, "")} without separators)` : /^\d[\d.,]*\s*[kKmMbB]$/.test(v.trim()) ? " (write the full number, e.g. 15000)" : "";
      return void add(`${path}.${key}`, `${JSON.stringify(v)} is not a number${hint}`);
    }
    return void add(`${path}.${key}`, `expected a number, got ${show(v)}`);
  };
  const duration = (o: Obj, key: string, path: string): Duration | undefined => {
    const v = str(o, key, path, true);
    if (v === undefined) return undefined;
    let d: Duration;
    try {
      d = parseDuration(v);
    } catch {
      return void add(`${path}.${key}`, `${JSON.stringify(v)} is not a duration (write ISO 8601, e.g. P14D or P2W)`);
    }
    // Past this a deadline is beyond any date a chart can draw (P300000Y would validate, then fail to render).
    if (isTooLong(d)) return void add(`${path}.${key}`, `${v} is longer than ${MAX_DURATION_YEARS} years (write at most P${MAX_DURATION_YEARS}Y)`);
    return d;
  };
  const list = (o: Obj, key: string, path: string, required: boolean): unknown[] | undefined => {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) add(`${path}.${key}`, "missing required field (a list, may be empty)");
      return undefined;
    }
    if (!Array.isArray(v)) return void add(`${path}.${key}`, `expected a list, got ${show(v)}`);
    return v;
  };

  // 3. Top level.
  if (root.version === undefined) add("version", 'missing required field (write "version": 1)');
  else if (root.version !== 1) add("version", `unsupported version ${show(root.version)} (this claimline reads version 1)`);
  const title = str(root, "title", "$", false);
  const asOf = date(root, "asOf", "$", false);
  // The timeline's range and periods, as an editor types them: read by the same parser as data-domain and data-periods.
  const domain = str(root, "domain", "$", false);
  if (domain !== undefined) {
    try {
      parseDomainText(domain, "domain");
    } catch (err) {
      add("$.domain", (err as Error).message.replace(/^domain: /, ""));
    }
  }
  const periods: string[] = [];
  (list(root, "periods", "$", false) ?? []).forEach((p, i) => {
    if (typeof p !== "string") return void add(`$.periods[${i}]`, `expected text, a date or interval then its label ("2021-08-15/2021-08-31 Evacuation"), got ${show(p)}`);
    try {
      const read = parsePeriodsText(p, "period");
      if (read.length === 1) periods.push(p);
      else add(`$.periods[${i}]`, read.length ? `holds ${read.length} periods: give each its own item` : "is empty: write a date or interval, then its label");
    } catch (err) {
      add(`$.periods[${i}]`, (err as Error).message.replace(/^period: /, ""));
    }
  });
  const position = new WeakMap<Obj, number>();
  const at = (o: Obj) => position.get(o);
  const arrays: Record<(typeof COLLECTIONS)[number], Obj[]> = { sources: [], actors: [], events: [], claims: [], promises: [] };
  for (const key of COLLECTIONS) {
    const items = list(root, key, "$", false) ?? [];
    items.forEach((item, i) => {
      if (isObj(item)) (arrays[key].push(item), position.set(item, i));
      else add(`${key}[${i}]`, `expected an object, got ${show(item)}`);
    });
  }
  // Top-level paths read `version`, not `$.version`.
  for (const p of problems) p.path = p.path.replace(/^\$\./, "");

  // 4. Ids: present, unique within kind.
  const ids = (key: (typeof COLLECTIONS)[number]): Set<string> => {
    const seen = new Set<string>();
    for (const o of arrays[key]) {
      const path = `${key}[${at(o)}]`;
      const id = str(o, "id", path, true);
      if (id === undefined) continue;
      if (seen.has(id)) add(`${path}.id`, `duplicate id ${JSON.stringify(id)}`);
      seen.add(id);
    }
    return seen;
  };
  const sourceIds = ids("sources");
  const actorIds = ids("actors");
  ids("events");
  const claimIds = ids("claims");
  const promiseIds = ids("promises");

  const suggestions = { left: 100 };
  const ref = (o: Obj, key: string, path: string, pool: Set<string>, what: string, required: boolean, alt?: Set<string>) => {
    const v = str(o, key, path, required);
    if (v !== undefined && !pool.has(v) && !alt?.has(v)) add(`${path}.${key}`, noSuch(what, v, [pool, alt], suggestions));
    return v;
  };
  const citations = (o: Obj, key: string, path: string, required: boolean): Citation[] | undefined => {
    const items = list(o, key, path, required);
    if (!items) return undefined;
    const out: Citation[] = [];
    items.forEach((c, i) => {
      const p = `${path}.${key}[${i}]`;
      if (!isObj(c)) return void add(p, `expected a citation object {"source": …}, got ${show(c)}`);
      const source = ref(c, "source", p, sourceIds, "source", true);
      const cit: Citation = { source: source ?? "" };
      const u = url(c, "url", p);
      if (u) cit.url = u;
      if (date(c, "published", p, false)) cit.published = c.published as string;
      const quote = str(c, "quote", p, false);
      if (quote !== undefined) cit.quote = quote;
      const disputes = str(c, "disputes", p, false);
      if (disputes !== undefined) cit.disputes = disputes;
      out.push(cit);
    });
    return out;
  };

  // 5. Records.
  const sources: Source[] = arrays.sources.map((o) => {
    const path = `sources[${at(o)}]`;
    str(o, "name", path, true);
    oneOf(o, "kind", path, SOURCE_KINDS, false);
    url(o, "url", path);
    str(o, "country", path, false);
    return strip(o) as unknown as Source;
  });
  const actors: Actor[] = arrays.actors.map((o) => {
    const path = `actors[${at(o)}]`;
    str(o, "name", path, true);
    str(o, "role", path, false);
    str(o, "country", path, false);
    return strip(o) as unknown as Actor;
  });
  const events: Event[] = arrays.events.map((o) => {
    const path = `events[${at(o)}]`;
    const start = date(o, "date", path, true);
    const end = date(o, "end", path, false);
    if (start && end && end.end < start.start) add(`${path}.end`, `${end.text} is before the start ${start.text}`);
    str(o, "dateLabel", path, false);
    const kind = str(o, "kind", path, true);
    if (kind !== undefined && !/^[a-z][a-z0-9-]*$/i.test(kind)) add(`${path}.kind`, `kind ${JSON.stringify(kind)} should be one word such as ${EVENT_KINDS.join(", ")}`);
    str(o, "title", path, true);
    str(o, "summary", path, false);
    str(o, "place", path, false);
    str(o, "note", path, false);
    oneOf(o, "status", path, EVENT_STATUSES, false);
    num(o, "importance", path);
    const parts = list(o, "participants", path, false);
    parts?.forEach((a, i) => {
      if (typeof a !== "string") add(`${path}.participants[${i}]`, `expected an actor id, got ${show(a)}`);
      else if (!actorIds.has(a)) add(`${path}.participants[${i}]`, noSuch("actor", a, [actorIds], suggestions));
    });
    const e = strip(o) as unknown as Event;
    const cits = citations(o, "citations", path, false);
    if (cits) e.citations = cits;
    return e;
  });
  // A later figure from the same claimant replacing an earlier one (12 then 13 dead): an update, not a conflict.
  const claimById = new Map(arrays.claims.map((o) => [o.id, o] as const));
  const supersedesClaim = (o: Obj, path: string): void => {
    const sup = str(o, "supersedes", path, false);
    if (sup === undefined) return;
    const earlier = claimById.get(sup);
    if (!claimIds.has(sup) || !earlier) return void add(`${path}.supersedes`, noSuch("claim", sup, [claimIds], suggestions));
    if (earlier === o) return void add(`${path}.supersedes`, "a claim cannot supersede itself");
    if (typeof o.claimant === "string" && typeof earlier.claimant === "string" && o.claimant !== earlier.claimant)
      add(`${path}.supersedes`, `claim ${JSON.stringify(sup)} is by ${JSON.stringify(earlier.claimant)}, this one by ${JSON.stringify(o.claimant)}: supersedes is for the same claimant updating its figure (figures from different claimants are compared, not replaced)`);
    const [mine, theirs] = [o.date, earlier.date].map((d) => (typeof d === "string" && isDate(d) ? parseDate(d) : undefined));
    if (mine && theirs && mine.end <= theirs.start) add(`${path}.supersedes`, `this claim (${mine.text}) is dated before the claim it supersedes, ${JSON.stringify(sup)} (${theirs.text})`);
    // A loop (a → b → a) would leave no current figure.
    const seen = new Set<Obj>([o]);
    for (let next: Obj | undefined = earlier; next; next = typeof next.supersedes === "string" ? claimById.get(next.supersedes) : undefined) {
      if (seen.has(next)) return void add(`${path}.supersedes`, `supersedes goes round in a loop back to ${JSON.stringify(o.id)}`);
      seen.add(next);
    }
  };
  const claims: Claim[] = arrays.claims.map((o) => {
    const path = `claims[${at(o)}]`;
    str(o, "subject", path, true);
    const q = oneOf(o, "qualifier", path, QUALIFIERS, true);
    const value = num(o, "value", path);
    const low = num(o, "low", path);
    const high = num(o, "high", path);
    if (q === "range") {
      if (o.low === undefined) add(`${path}.low`, 'missing: a "range" claim needs low and high');
      if (o.high === undefined) add(`${path}.high`, 'missing: a "range" claim needs low and high');
    } else if (q && o.value === undefined) {
      add(`${path}.value`, `missing: a "${q}" claim needs a value`);
    }
    if (low !== undefined && high !== undefined && low > high) add(path, `low ${low} is above high ${high}`);
    if (value !== undefined && low !== undefined && high !== undefined && low <= high && (value < low || value > high)) add(`${path}.value`, `value ${value} is outside low–high ${low}–${high}`);
    else if (value !== undefined && low !== undefined && value < low) add(`${path}.value`, `value ${value} is below low ${low}`);
    else if (value !== undefined && high !== undefined && value > high) add(`${path}.value`, `value ${value} is above high ${high}`);
    str(o, "unit", path, false);
    str(o, "quote", path, false);
    str(o, "note", path, false);
    ref(o, "claimant", path, actorIds, "actor or source", true, sourceIds);
    date(o, "date", path, false);
    date(o, "refersTo", path, false);
    supersedesClaim(o, path);
    const c = strip(o) as unknown as Claim;
    c.citations = citations(o, "citations", path, true) ?? [];
    return c;
  });
  const promises: PromiseRecord[] = arrays.promises.map((o) => {
    const path = `promises[${at(o)}]`;
    ref(o, "speaker", path, actorIds, "actor", true);
    ref(o, "deliveredBy", path, actorIds, "actor", false);
    const said = date(o, "said", path, true);
    str(o, "topic", path, true);
    str(o, "quote", path, true);
    str(o, "note", path, false);
    const win = o.window;
    const deadline = date(o, "deadline", path, false);
    if (deadline && said && deadline.end <= said.start) add(`${path}.deadline`, `${deadline.text} is before the promise was said (${said.text})`);
    const checked = date(o, "checked", path, false);
    if (checked && said && checked.end <= said.start) add(`${path}.checked`, `${checked.text} is before the promise was said (${said.text})`);
    if (win === undefined || win === null) {
      if (o.deadline === undefined || o.deadline === null) add(`${path}.window`, 'missing: a promise needs a window (write {"min": "P14D", "max": "P14D"}) or a deadline (write "2021-09-11", or "2021-03" for the end of March)');
    } else if (!isObj(win)) add(`${path}.window`, `expected {"min": …, "max": …}, got ${show(win)}`);
    else {
      const min = duration(win, "min", `${path}.window`);
      const max = duration(win, "max", `${path}.window`);
      const from = said?.start ?? 0;
      if (min && max && addDuration(from, min) > addDuration(from, max)) add(`${path}.window`, `min ${min.text} is longer than max ${max.text}`);
    }
    const sup = str(o, "supersedes", path, false);
    if (sup !== undefined) {
      if (!promiseIds.has(sup)) add(`${path}.supersedes`, noSuch("promise", sup, [promiseIds], suggestions));
      else if (sup === o.id) add(`${path}.supersedes`, "a promise cannot supersede itself");
    }
    const p = strip(o) as unknown as PromiseRecord;
    const out = o.outcome;
    if (out !== undefined && out !== null) {
      if (!isObj(out)) add(`${path}.outcome`, `expected {"status": …}, got ${show(out)}`);
      else {
        const op = `${path}.outcome`;
        oneOf(out, "status", op, OUTCOME_STATUSES, true);
        const od = date(out, "date", op, false);
        if (od && said && od.end <= said.start) add(`${op}.date`, `${od.text} is before the promise was said (${said.text})`);
        str(out, "note", op, false);
        const oc = { ...out } as unknown as NonNullable<PromiseRecord["outcome"]>;
        const cits = citations(out, "citations", op, false);
        if (cits) oc.citations = cits;
        p.outcome = oc;
      }
    }
    const cits = citations(o, "citations", path, false);
    if (cits) p.citations = cits;
    return p;
  });

  if (problems.length) return { problems };
  const dataset: Dataset = { version: 1, sources, actors, events, claims, promises };
  if (title !== undefined) dataset.title = title;
  if (asOf) dataset.asOf = root.asOf as string;
  if (domain !== undefined) dataset.domain = domain;
  if (periods.length) dataset.periods = periods;
  return { dataset, problems };
}

/** A shallow copy, so the caller's object is never changed. */
function strip(o: Obj): Obj {
  return { ...o };
}

/**
 * `no actor "bidden" (did you mean "biden"?)`: an unknown reference, with the
 * closest id of the pools when one is close. Suggestions are looked for only
 * while `budget.left` lasts, so a dataset of 100,000 dangling references stays linear.
 */
export function noSuch(what: string, id: string, pools: Array<Set<string> | undefined>, budget = { left: 100 }): string {
  if (budget.left-- <= 0) return `no ${what} ${JSON.stringify(id)}`;
  function* all() {
    for (const p of pools) if (p) yield* p;
  }
  return `no ${what} ${JSON.stringify(id)}${didYouMean(id, all())}`;
}

/** Words before a figure that belong in the qualifier: "about 170" → value 170, qualifier "about". */
const QUALIFIER_WORDS: ReadonlyArray<[RegExp, (typeof QUALIFIERS)[number]]> = [
  [/^(about|around|approximately|approx\.?|roughly|some|circa|ca\.?|c\.|~|nearly|almost|an estimated|estimated)$/, "about"],
  [/^(at least|no fewer than|no less than|a minimum of)$/, "at-least"],
  [/^(more than|over|above|upwards of|in excess of|\+|>)$/, "more-than"],
  [/^(up to|as many as|at most|a maximum of|no more than)$/, "up-to"],
  [/^(fewer than|less than|under|below|<)$/, "fewer-than"],
];
function qualifierWords(text: string): { value: string; qualifier: string } | undefined {
  // Short cells only: the pattern backtracks, and a figure with its words is never long.
  const m = text.length <= 60 ? /^\s*(.*?)\s*(-?\d[\d,.\s]*?)\s*$/.exec(text) : null;
  if (!m || !m[1]) return undefined;
  const words = m[1].toLowerCase().replace(/\s+/g, " ");
  const hit = QUALIFIER_WORDS.find(([re]) => re.test(words));
  return hit && { value: m[2]!.replace(/[,\s]/g, ""), qualifier: hit[1] };
}
