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
  const c = new Checker();
  const root = readRoot(input, c);
  if (!root) return { problems: c.problems };
  const top = checkTopLevel(root, c);
  const refs = checkIds(top.arrays, c);
  const sources = checkSources(top.arrays.sources, refs);
  const actors = checkActors(top.arrays.actors, refs);
  const events = checkEvents(top.arrays.events, refs);
  const claims = checkClaims(top.arrays.claims, refs);
  const promises = checkPromises(top.arrays.promises, refs);

  if (c.problems.length) return { problems: c.problems };
  const dataset: Dataset = { version: 1, sources, actors, events, claims, promises };
  if (top.title !== undefined) dataset.title = top.title;
  if (top.asOf) dataset.asOf = root.asOf as string;
  if (top.domain !== undefined) dataset.domain = top.domain;
  if (top.periods.length) dataset.periods = top.periods;
  return { dataset, problems: c.problems };
}

/** 1. Text → value: the dataset object, or undefined with the problem recorded. */
function readRoot(input: unknown, c: Checker): Obj | undefined {
  let root = input;
  if (typeof input === "string") {
    try {
      // A byte-order mark is not JSON, but editors' tools write one; drop it as the CSV reader does.
      root = JSON.parse(stripBom(input));
    } catch (err) {
      c.add("$", `not valid JSON (${(err as Error).message})`);
      return undefined;
    }
  }
  if (!isObj(root)) {
    c.add("$", `expected a dataset object with "version": 1, got ${show(root)}`);
    return undefined;
  }
  return root;
}

/** 2. Field checkers that record a problem and return the value when it is usable. */
class Checker {
  readonly problems: Problem[] = [];

  add(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  str(o: Obj, key: string, path: string, required: boolean): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) this.add(`${path}.${key}`, "missing required field");
      return undefined;
    }
    if (typeof v !== "string") return void this.add(`${path}.${key}`, `expected text, got ${show(v)}`);
    if (required && !v.trim()) return void this.add(`${path}.${key}`, "must not be empty");
    return v;
  }

  oneOf<T extends string>(o: Obj, key: string, path: string, allowed: readonly T[], required: boolean): T | undefined {
    const v = this.str(o, key, path, required);
    if (v === undefined) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    // Sheets read any letter case (csv.ts lower-cases); JSON is exact, so name the spelling it wants.
    const near = allowed.find((a) => a === v.trim().toLowerCase().replace(/\s+/g, "-"));
    return void this.add(`${path}.${key}`, `unknown ${key} ${JSON.stringify(v)} (${near ? `write "${near}"` : `expected one of ${allowed.join(", ")}`})`);
  }

  date(o: Obj, key: string, path: string, required: boolean): DateSpan | undefined {
    const v = this.str(o, key, path, required);
    if (v === undefined) return undefined;
    try {
      return parseDate(v);
    } catch (err) {
      return void this.add(`${path}.${key}`, (err as Error).message);
    }
  }

  url(o: Obj, key: string, path: string): string | undefined {
    const v = this.str(o, key, path, false);
    if (v === undefined) return undefined;
    if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(v)) return void this.add(`${path}.${key}`, `${JSON.stringify(v.length > 80 ? v.slice(0, 80) + "…" : v)} is not an http(s) URL`);
    return v;
  }

  num(o: Obj, key: string, path: string): number | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (typeof v === "string") {
      const worded = qualifierWords(v);
      const hint = worded ? ` (write ${worded.value}, with qualifier "${worded.qualifier}")` : /^[\d.,\s]+$/.test(v.trim()) ? ` (write ${v.replace(/[,\s]/g, "")} without separators)` : /^\d[\d.,]*\s*[kKmMbB]$/.test(v.trim()) ? " (write the full number, e.g. 15000)" : "";
      return void this.add(`${path}.${key}`, `${JSON.stringify(v)} is not a number${hint}`);
    }
    return void this.add(`${path}.${key}`, `expected a number, got ${show(v)}`);
  }

  duration(o: Obj, key: string, path: string): Duration | undefined {
    const v = this.str(o, key, path, true);
    if (v === undefined) return undefined;
    let d: Duration;
    try {
      d = parseDuration(v);
    } catch {
      return void this.add(`${path}.${key}`, `${JSON.stringify(v)} is not a duration (write ISO 8601, e.g. P14D or P2W)`);
    }
    // Past this a deadline is beyond any date a chart can draw (P300000Y would validate, then fail to render).
    if (isTooLong(d)) return void this.add(`${path}.${key}`, `${v} is longer than ${MAX_DURATION_YEARS} years (write at most P${MAX_DURATION_YEARS}Y)`);
    return d;
  }

  list(o: Obj, key: string, path: string, required: boolean): unknown[] | undefined {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) this.add(`${path}.${key}`, "missing required field (a list, may be empty)");
      return undefined;
    }
    if (!Array.isArray(v)) return void this.add(`${path}.${key}`, `expected a list, got ${show(v)}`);
    return v;
  }
}

type Collection = (typeof COLLECTIONS)[number];

interface TopLevel {
  title: string | undefined;
  asOf: DateSpan | undefined;
  domain: string | undefined;
  periods: string[];
  /** Each collection's objects, each remembering its index in the input (non-objects are reported and left out). */
  arrays: Record<Collection, Obj[]> & { position: WeakMap<Obj, number> };
}

/** 3. Top level: version, title, asOf, the timeline's domain and periods, and the collections' objects. */
function checkTopLevel(root: Obj, c: Checker): TopLevel {
  if (root.version === undefined) c.add("version", 'missing required field (write "version": 1)');
  else if (root.version !== 1) c.add("version", `unsupported version ${show(root.version)} (this claimline reads version 1)`);
  const title = c.str(root, "title", "$", false);
  const asOf = c.date(root, "asOf", "$", false);
  // The timeline's range and periods, as an editor types them: read by the same parser as data-domain and data-periods.
  const domain = c.str(root, "domain", "$", false);
  if (domain !== undefined) {
    try {
      parseDomainText(domain, "domain");
    } catch (err) {
      c.add("$.domain", (err as Error).message.replace(/^domain: /, ""));
    }
  }
  const periods: string[] = [];
  (c.list(root, "periods", "$", false) ?? []).forEach((p, i) => {
    if (typeof p !== "string") return void c.add(`$.periods[${i}]`, `expected text, a date or interval then its label ("2021-08-15/2021-08-31 Evacuation"), got ${show(p)}`);
    try {
      const read = parsePeriodsText(p, "period");
      if (read.length === 1) periods.push(p);
      else c.add(`$.periods[${i}]`, read.length ? `holds ${read.length} periods: give each its own item` : "is empty: write a date or interval, then its label");
    } catch (err) {
      c.add(`$.periods[${i}]`, (err as Error).message.replace(/^period: /, ""));
    }
  });
  const position = new WeakMap<Obj, number>();
  const arrays: TopLevel["arrays"] = { sources: [], actors: [], events: [], claims: [], promises: [], position };
  for (const key of COLLECTIONS) {
    const items = c.list(root, key, "$", false) ?? [];
    items.forEach((item, i) => {
      if (isObj(item)) (arrays[key].push(item), position.set(item, i));
      else c.add(`${key}[${i}]`, `expected an object, got ${show(item)}`);
    });
  }
  // Top-level paths read `version`, not `$.version`.
  for (const p of c.problems) p.path = p.path.replace(/^\$\./, "");
  return { title, asOf, domain, periods, arrays };
}

/** What the records are checked against: the ids of each kind, and checkers for references to them. */
class Refs {
  /** Suggestions ("did you mean") are looked for only while this lasts. */
  private readonly suggestions = { left: 100 };
  /** A claim by its id, for following `supersedes`. */
  readonly claimById: Map<unknown, Obj>;

  constructor(
    readonly c: Checker,
    private readonly position: WeakMap<Obj, number>,
    readonly sourceIds: Set<string>,
    readonly actorIds: Set<string>,
    readonly claimIds: Set<string>,
    readonly promiseIds: Set<string>,
    claims: Obj[],
  ) {
    this.claimById = new Map(claims.map((o) => [o.id, o] as const));
  }

  /** The record's path: `claims[3]`. */
  path(key: Collection, o: Obj): string {
    return `${key}[${this.position.get(o)}]`;
  }

  noSuch(what: string, id: string, pools: Array<Set<string> | undefined>): string {
    return noSuch(what, id, pools, this.suggestions);
  }

  ref(o: Obj, key: string, path: string, pool: Set<string>, what: string, required: boolean, alt?: Set<string>): string | undefined {
    const v = this.c.str(o, key, path, required);
    if (v !== undefined && !pool.has(v) && !alt?.has(v)) this.c.add(`${path}.${key}`, this.noSuch(what, v, [pool, alt]));
    return v;
  }

  citations(o: Obj, key: string, path: string, required: boolean): Citation[] | undefined {
    const c = this.c;
    const items = c.list(o, key, path, required);
    if (!items) return undefined;
    const out: Citation[] = [];
    items.forEach((item, i) => {
      const p = `${path}.${key}[${i}]`;
      if (!isObj(item)) return void c.add(p, `expected a citation object {"source": …}, got ${show(item)}`);
      const source = this.ref(item, "source", p, this.sourceIds, "source", true);
      const cit: Citation = { source: source ?? "" };
      const u = c.url(item, "url", p);
      if (u) cit.url = u;
      if (c.date(item, "published", p, false)) cit.published = item.published as string;
      const quote = c.str(item, "quote", p, false);
      if (quote !== undefined) cit.quote = quote;
      const disputes = c.str(item, "disputes", p, false);
      if (disputes !== undefined) cit.disputes = disputes;
      out.push(cit);
    });
    return out;
  }
}

/** 4. Ids: present, unique within kind. */
function checkIds(arrays: TopLevel["arrays"], c: Checker): Refs {
  const ids = (key: Collection): Set<string> => {
    const seen = new Set<string>();
    for (const o of arrays[key]) {
      const path = `${key}[${arrays.position.get(o)}]`;
      const id = c.str(o, "id", path, true);
      if (id === undefined) continue;
      if (seen.has(id)) c.add(`${path}.id`, `duplicate id ${JSON.stringify(id)}`);
      seen.add(id);
    }
    return seen;
  };
  const sourceIds = ids("sources");
  const actorIds = ids("actors");
  ids("events");
  const claimIds = ids("claims");
  const promiseIds = ids("promises");
  return new Refs(c, arrays.position, sourceIds, actorIds, claimIds, promiseIds, arrays.claims);
}

// 5. Records.

function checkSources(objs: Obj[], r: Refs): Source[] {
  const c = r.c;
  return objs.map((o) => {
    const path = r.path("sources", o);
    c.str(o, "name", path, true);
    c.oneOf(o, "kind", path, SOURCE_KINDS, false);
    c.url(o, "url", path);
    c.str(o, "country", path, false);
    return strip(o) as unknown as Source;
  });
}

function checkActors(objs: Obj[], r: Refs): Actor[] {
  const c = r.c;
  return objs.map((o) => {
    const path = r.path("actors", o);
    c.str(o, "name", path, true);
    c.str(o, "role", path, false);
    c.str(o, "country", path, false);
    return strip(o) as unknown as Actor;
  });
}

function checkEvents(objs: Obj[], r: Refs): Event[] {
  const c = r.c;
  return objs.map((o) => {
    const path = r.path("events", o);
    const start = c.date(o, "date", path, true);
    const end = c.date(o, "end", path, false);
    if (start && end && end.end < start.start) c.add(`${path}.end`, `${end.text} is before the start ${start.text}`);
    c.str(o, "dateLabel", path, false);
    const kind = c.str(o, "kind", path, true);
    if (kind !== undefined && !/^[a-z][a-z0-9-]*$/i.test(kind)) c.add(`${path}.kind`, `kind ${JSON.stringify(kind)} should be one word such as ${EVENT_KINDS.join(", ")}`);
    c.str(o, "title", path, true);
    c.str(o, "summary", path, false);
    c.str(o, "place", path, false);
    c.str(o, "note", path, false);
    c.oneOf(o, "status", path, EVENT_STATUSES, false);
    c.num(o, "importance", path);
    const parts = c.list(o, "participants", path, false);
    parts?.forEach((a, i) => {
      if (typeof a !== "string") c.add(`${path}.participants[${i}]`, `expected an actor id, got ${show(a)}`);
      else if (!r.actorIds.has(a)) c.add(`${path}.participants[${i}]`, r.noSuch("actor", a, [r.actorIds]));
    });
    const e = strip(o) as unknown as Event;
    const cits = r.citations(o, "citations", path, false);
    if (cits) e.citations = cits;
    return e;
  });
}

function checkClaims(objs: Obj[], r: Refs): Claim[] {
  const c = r.c;
  return objs.map((o) => {
    const path = r.path("claims", o);
    c.str(o, "subject", path, true);
    const q = c.oneOf(o, "qualifier", path, QUALIFIERS, true);
    const value = c.num(o, "value", path);
    const low = c.num(o, "low", path);
    const high = c.num(o, "high", path);
    if (q === "range") {
      if (o.low === undefined) c.add(`${path}.low`, 'missing: a "range" claim needs low and high');
      if (o.high === undefined) c.add(`${path}.high`, 'missing: a "range" claim needs low and high');
    } else if (q && o.value === undefined) {
      c.add(`${path}.value`, `missing: a "${q}" claim needs a value`);
    }
    if (low !== undefined && high !== undefined && low > high) c.add(path, `low ${low} is above high ${high}`);
    if (value !== undefined && low !== undefined && high !== undefined && low <= high && (value < low || value > high)) c.add(`${path}.value`, `value ${value} is outside low–high ${low}–${high}`);
    else if (value !== undefined && low !== undefined && value < low) c.add(`${path}.value`, `value ${value} is below low ${low}`);
    else if (value !== undefined && high !== undefined && value > high) c.add(`${path}.value`, `value ${value} is above high ${high}`);
    c.str(o, "unit", path, false);
    c.str(o, "quote", path, false);
    c.str(o, "note", path, false);
    r.ref(o, "claimant", path, r.actorIds, "actor or source", true, r.sourceIds);
    c.date(o, "date", path, false);
    c.date(o, "refersTo", path, false);
    checkClaimSupersedes(o, path, r);
    const claim = strip(o) as unknown as Claim;
    claim.citations = r.citations(o, "citations", path, true) ?? [];
    return claim;
  });
}

/** A later figure from the same claimant replacing an earlier one (12 then 13 dead): an update, not a conflict. */
function checkClaimSupersedes(o: Obj, path: string, r: Refs): void {
  const c = r.c;
  const sup = c.str(o, "supersedes", path, false);
  if (sup === undefined) return;
  const earlier = r.claimById.get(sup);
  if (!r.claimIds.has(sup) || !earlier) return void c.add(`${path}.supersedes`, r.noSuch("claim", sup, [r.claimIds]));
  if (earlier === o) return void c.add(`${path}.supersedes`, "a claim cannot supersede itself");
  if (typeof o.claimant === "string" && typeof earlier.claimant === "string" && o.claimant !== earlier.claimant)
    c.add(`${path}.supersedes`, `claim ${JSON.stringify(sup)} is by ${JSON.stringify(earlier.claimant)}, this one by ${JSON.stringify(o.claimant)}: supersedes is for the same claimant updating its figure (figures from different claimants are compared, not replaced)`);
  const [mine, theirs] = [o.date, earlier.date].map((d) => (typeof d === "string" && isDate(d) ? parseDate(d) : undefined));
  if (mine && theirs && mine.end <= theirs.start) c.add(`${path}.supersedes`, `this claim (${mine.text}) is dated before the claim it supersedes, ${JSON.stringify(sup)} (${theirs.text})`);
  // A loop (a → b → a) would leave no current figure.
  const seen = new Set<Obj>([o]);
  for (let next: Obj | undefined = earlier; next; next = typeof next.supersedes === "string" ? r.claimById.get(next.supersedes) : undefined) {
    if (seen.has(next)) return void c.add(`${path}.supersedes`, `supersedes goes round in a loop back to ${JSON.stringify(o.id)}`);
    seen.add(next);
  }
}

function checkPromises(objs: Obj[], r: Refs): PromiseRecord[] {
  const c = r.c;
  return objs.map((o) => {
    const path = r.path("promises", o);
    r.ref(o, "speaker", path, r.actorIds, "actor", true);
    r.ref(o, "deliveredBy", path, r.actorIds, "actor", false);
    const said = c.date(o, "said", path, true);
    c.str(o, "topic", path, true);
    c.str(o, "quote", path, true);
    c.str(o, "note", path, false);
    checkPromiseTiming(o, path, said, c);
    const sup = c.str(o, "supersedes", path, false);
    if (sup !== undefined) {
      if (!r.promiseIds.has(sup)) c.add(`${path}.supersedes`, r.noSuch("promise", sup, [r.promiseIds]));
      else if (sup === o.id) c.add(`${path}.supersedes`, "a promise cannot supersede itself");
    }
    const p = strip(o) as unknown as PromiseRecord;
    const outcome = checkOutcome(o, path, said, r);
    if (outcome) p.outcome = outcome;
    const cits = r.citations(o, "citations", path, false);
    if (cits) p.citations = cits;
    return p;
  });
}

/** A promise's deadline, checked date and window: after it was said, and a window or a deadline at all. */
function checkPromiseTiming(o: Obj, path: string, said: DateSpan | undefined, c: Checker): void {
  const win = o.window;
  const deadline = c.date(o, "deadline", path, false);
  if (deadline && said && deadline.end <= said.start) c.add(`${path}.deadline`, `${deadline.text} is before the promise was said (${said.text})`);
  const checked = c.date(o, "checked", path, false);
  if (checked && said && checked.end <= said.start) c.add(`${path}.checked`, `${checked.text} is before the promise was said (${said.text})`);
  if (win === undefined || win === null) {
    if (o.deadline === undefined || o.deadline === null) c.add(`${path}.window`, 'missing: a promise needs a window (write {"min": "P14D", "max": "P14D"}) or a deadline (write "2021-09-11", or "2021-03" for the end of March)');
  } else if (!isObj(win)) c.add(`${path}.window`, `expected {"min": …, "max": …}, got ${show(win)}`);
  else {
    const min = c.duration(win, "min", `${path}.window`);
    const max = c.duration(win, "max", `${path}.window`);
    const from = said?.start ?? 0;
    if (min && max && addDuration(from, min) > addDuration(from, max)) c.add(`${path}.window`, `min ${min.text} is longer than max ${max.text}`);
  }
}

/** A promise's outcome, when it has one that is an object. */
function checkOutcome(o: Obj, path: string, said: DateSpan | undefined, r: Refs): PromiseRecord["outcome"] {
  const c = r.c;
  const out = o.outcome;
  if (out === undefined || out === null) return undefined;
  if (!isObj(out)) return void c.add(`${path}.outcome`, `expected {"status": …}, got ${show(out)}`);
  const op = `${path}.outcome`;
  c.oneOf(out, "status", op, OUTCOME_STATUSES, true);
  const od = c.date(out, "date", op, false);
  if (od && said && od.end <= said.start) c.add(`${op}.date`, `${od.text} is before the promise was said (${said.text})`);
  c.str(out, "note", op, false);
  const oc = { ...out } as unknown as NonNullable<PromiseRecord["outcome"]>;
  const cits = r.citations(out, "citations", op, false);
  if (cits) oc.citations = cits;
  return oc;
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
