/**
 * The resolved dataset: every date parsed once to its span, every reference
 * resolved to the record it names, every citation to its source and date,
 * and promise statuses derived for an as-of day. Charts read this, never the
 * raw strings; people who build their own charts can too (`resolveDataset`).
 *
 * Resolved once per dataset object (a WeakMap), so a resize, a second chart
 * of the same data or a new option re-uses it. Records are not copied: each
 * resolved record keeps its `record`.
 */
import { parseDate, type DateSpan } from "./dates.js";
import { promiseStatus, resolveAsOf, type PromiseStatus } from "./status.js";
import type { Actor, Citation, Claim, Dataset, Event, PromiseRecord, Source } from "./types.js";

export interface ResolvedCitation {
  citation: Citation;
  /** The source's name, or its id when the dataset does not name it. */
  name: string;
  source?: Source;
  published?: DateSpan;
  /** The article's link, else the source's: unchecked here (links are checked where drawn). */
  url?: string;
}

export interface ResolvedEvent {
  record: Event;
  span: DateSpan;
  endSpan?: DateSpan;
  /** ms: the earliest day, and the day after the latest (of `date` and `end` together). */
  start: number;
  end: number;
  /** Participants in the dataset's order of mention; ids the dataset does not name stay as ids. */
  participants: Array<{ id: string; name: string; actor?: Actor }>;
  citations: ResolvedCitation[];
}

export interface ResolvedClaim {
  record: Claim;
  /** The claimant's name (an actor's or a source's), else its id. */
  claimant: string;
  date?: DateSpan;
  refersTo?: DateSpan;
  citations: ResolvedCitation[];
  /** The claim this one updates (same claimant, later figure), when given. */
  supersedes?: Claim;
}

export interface ResolvedPromise {
  record: PromiseRecord;
  speaker: string;
  deliveredBy?: string;
  said: DateSpan;
  /** The promise this one restates. */
  supersedes?: PromiseRecord;
  citations: ResolvedCitation[];
  outcomeCitations: ResolvedCitation[];
}

export interface ResolvedDataset {
  dataset: Dataset;
  sources: ReadonlyMap<string, Source>;
  actors: ReadonlyMap<string, Actor>;
  /** An actor's or a source's name by id; the id itself when neither names it. */
  nameOf(id: string): string;
  events: ResolvedEvent[];
  claims: ResolvedClaim[];
  promises: ResolvedPromise[];
  asOf?: DateSpan;
  /** Statuses of `promises` (same order) as of a day; cached per day. */
  statuses(asOf?: string | number | Date): { asOf: number; list: PromiseStatus[] };
}

/** A date that passed validation; hand-built records with a bad date get none rather than a thrown render. */
function span(text: string | undefined): DateSpan | undefined {
  if (!text) return undefined;
  try {
    return parseDate(text);
  } catch {
    return undefined;
  }
}

const resolved = new WeakMap<Dataset, { key: unknown[]; value: ResolvedDataset }>();

/** The parts of a dataset a resolution reads: a dataset edited in place (a new list, a new asOf) resolves again. */
const keyOf = (d: Dataset): unknown[] => [d.events, d.events.length, d.claims, d.claims.length, d.promises, d.promises.length, d.actors, d.sources, d.asOf];

export function resolveDataset(dataset: Dataset): ResolvedDataset {
  const key = keyOf(dataset);
  const hit = resolved.get(dataset);
  if (hit && hit.key.every((v, k) => v === key[k])) return hit.value;
  const value = resolveUncached(dataset);
  resolved.set(dataset, { key, value });
  return value;
}

function resolveUncached(dataset: Dataset): ResolvedDataset {
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const actors = new Map(dataset.actors.map((a) => [a.id, a]));
  const nameOf = (id: string) => actors.get(id)?.name ?? sources.get(id)?.name ?? id;
  const cite = (list: Citation[] | undefined): ResolvedCitation[] =>
    (list ?? []).map((c) => {
      const source = sources.get(c.source);
      const out: ResolvedCitation = { citation: c, name: source?.name ?? c.source };
      if (source) out.source = source;
      const published = span(c.published);
      if (published) out.published = published;
      const url = c.url ?? source?.url;
      if (url) out.url = url;
      return out;
    });

  const events: ResolvedEvent[] = [];
  for (const e of dataset.events) {
    const s = span(e.date);
    if (!s) continue;
    const endSpan = span(e.end);
    const r: ResolvedEvent = {
      record: e,
      span: s,
      start: s.start,
      end: endSpan ? Math.max(endSpan.end, s.end) : s.end,
      participants: (e.participants ?? []).map((id) => {
        const actor = actors.get(id);
        return actor ? { id, name: actor.name, actor } : { id, name: id };
      }),
      citations: cite(e.citations),
    };
    if (endSpan) r.endSpan = endSpan;
    events.push(r);
  }

  const claimsById = new Map(dataset.claims.map((c) => [c.id, c]));
  const claims = dataset.claims.map((c) => {
    const r: ResolvedClaim = { record: c, claimant: nameOf(c.claimant), citations: cite(c.citations) };
    const date = span(c.date ?? c.citations.find((ci) => ci.published)?.published);
    if (date) r.date = date;
    const ref = span(c.refersTo);
    if (ref) r.refersTo = ref;
    const sup = (c as Claim & { supersedes?: string }).supersedes;
    const prev = sup ? claimsById.get(sup) : undefined;
    if (prev) r.supersedes = prev;
    return r;
  });

  const promisesById = new Map(dataset.promises.map((p) => [p.id, p]));
  const promises: ResolvedPromise[] = [];
  for (const p of dataset.promises) {
    const said = span(p.said);
    if (!said) continue;
    const r: ResolvedPromise = { record: p, speaker: nameOf(p.speaker), said, citations: cite(p.citations), outcomeCitations: cite(p.outcome?.citations) };
    if (p.deliveredBy) r.deliveredBy = nameOf(p.deliveredBy);
    const prev = p.supersedes ? promisesById.get(p.supersedes) : undefined;
    if (prev) r.supersedes = prev;
    promises.push(r);
  }

  const byDay = new Map<number, PromiseStatus[]>();
  const asOf = span(dataset.asOf);
  return {
    dataset,
    sources,
    actors,
    nameOf,
    events,
    claims,
    promises,
    ...(asOf ? { asOf } : {}),
    statuses(option) {
      const day = resolveAsOf(option, dataset.asOf);
      let list = byDay.get(day);
      if (!list) {
        if (byDay.size > 8) byDay.clear();
        byDay.set(day, (list = promises.map((p) => promiseStatus(p.record, day))));
      }
      return { asOf: day, list };
    },
  };
}
