/**
 * fast-check arbitraries for claimline datasets. `validDataset()` builds
 * datasets that follow every rule of the format (references resolve, ids are
 * unique, dates are real calendar dates in every EDTF form the format allows,
 * windows have min ≤ max, outcomes come after the promise), so whatever a
 * chart does with them is the chart's business, not validation's.
 */
import fc from "fast-check";

const DAY = 86_400_000;
export const EVENT_KINDS = ["call", "meeting", "visit", "summit", "treaty", "deployment", "statement"] as const;
export const QUALIFIERS = ["exact", "about", "at-least", "more-than", "up-to", "fewer-than", "range"] as const;
/** Ids and words that break code which keys plain objects by data. */
export const PROTO_WORDS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"];

/** Characters XML 1.0 cannot carry at all (not even escaped): C0 controls except tab/LF/CR, U+FFFE/FFFF, lone surrogates. */
export const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text a desk might type, from any script; never blank (required fields reject blank text). */
export const text = (max = 40): fc.Arbitrary<string> =>
  fc
    .oneof(
      { weight: 3, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: max }) },
      { weight: 2, arbitrary: fc.constantFrom("Kim Jong Un", "김정은", "Ким Чен Ын", "كيم جونغ أون", "Владимир Путин", "習近平", "Trump–Putin summit", "“Two weeks”", "a & b < c > d \"e\" 'f'", "<b>bold</b>", "&amp; &lt;", "x") },
      { weight: 1, arbitrary: fc.constantFrom(...PROTO_WORDS) },
    )
    .map((s) => s.replace(XML_ILLEGAL, ""))
    .filter((s) => s.trim().length > 0);

// ---------------------------------------------------------------- dates

/** A UTC day in [1850, 2150], as ms. */
const dayMs = fc.integer({ min: Math.floor(Date.UTC(1850, 0, 1) / DAY), max: Math.floor(Date.UTC(2150, 11, 31) / DAY) }).map((d) => d * DAY);
const ymd = (t: number) => new Date(t).toISOString().slice(0, 10);

/** One EDTF date (no interval) that contains day `t`, in any of the allowed forms. */
function singleForm(t: number): fc.Arbitrary<string> {
  const s = ymd(t);
  const y = s.slice(0, 4);
  return fc
    .tuple(
      fc.constantFrom(s, s, s, s.slice(0, 7), s.slice(0, 7), y, `${y}-XX`, `${s.slice(0, 7)}-XX`, `${y}-XX-XX`, `${y.slice(0, 3)}X`, `${y.slice(0, 2)}XX`),
      fc.constantFrom("", "", "", "~", "?", "%"),
    )
    .map(([d, q]) => d + q);
}

/** An EDTF date in any allowed form, with `at`: a day inside it or at its known end (later dates can be built after it). */
export const edtf: fc.Arbitrary<{ text: string; at: number }> = fc.oneof(
  { weight: 6, arbitrary: dayMs.chain((t) => singleForm(t).map((text) => ({ text, at: t }))) },
  {
    weight: 2,
    arbitrary: fc.tuple(dayMs, fc.integer({ min: 0, max: 400 })).chain(([t, n]) => fc.tuple(singleForm(t), singleForm(t + n * DAY)).map(([a, b]) => ({ text: `${a}/${b}`, at: t + n * DAY }))),
  },
  { weight: 1, arbitrary: dayMs.chain((t) => fc.tuple(singleForm(t), fc.constantFrom("..", "")).map(([a, b]) => ({ text: `${a}/${b}`, at: t }))) },
  { weight: 1, arbitrary: dayMs.chain((t) => fc.tuple(fc.constantFrom("..", ""), singleForm(t)).map(([a, b]) => ({ text: `${a}/${b}`, at: t }))) },
);

/** A day-precision date `1..maxDays` days after `t`. */
const after = (t: number, maxDays = 500) => fc.integer({ min: 1, max: maxDays }).map((n) => ymd(t + n * DAY));

// ---------------------------------------------------------------- durations

/** [min, max] ISO durations with min ≤ max whatever the start date. */
export const window_: fc.Arbitrary<{ min: string; max: string }> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })).map(([a, b]) => ({ min: `P${Math.min(a, b)}D`, max: `P${Math.max(a, b)}D` })),
  fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })).map(([a, b]) => ({ min: `P${Math.min(a, b)}W`, max: `P${Math.max(a, b)}W` })),
  fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })).map(([a, b]) => ({ min: `P${Math.min(a, b)}M`, max: `P${Math.max(a, b)}M` })),
  fc.integer({ min: 1, max: 3 }).map((y) => ({ min: "P0D", max: `P${y}Y` })),
  fc.constant({ min: "P1M", max: "P1M2W3D" }),
  fc.constant({ min: "P2W", max: "P1Y" }),
);

// ---------------------------------------------------------------- numbers

export const realistic: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1e12, 1.5e9, 0.001) },
);
export const extreme: fc.Arbitrary<number> = fc.double({ noNaN: true, noDefaultInfinity: true });

// ---------------------------------------------------------------- datasets

export interface DatasetShape {
  maxRecords?: number;
  numbers?: fc.Arbitrary<number>;
}

/** A dataset that passes validation. Ids are unique across all kinds, so each chart's marks map to its own records. */
export function validDataset({ maxRecords = 20, numbers = realistic }: DatasetShape = {}): fc.Arbitrary<any> {
  const special = fc.option(fc.oneof(fc.constantFrom(...PROTO_WORDS), fc.constantFrom('a"b', "<x>", "é", "0", "id with spaces", "'", "&amp;")), { freq: 5 });
  return fc
    .record({
      nSources: fc.integer({ min: 1, max: 4 }),
      nActors: fc.integer({ min: 1, max: 6 }),
      nEvents: fc.integer({ min: 0, max: maxRecords }),
      nClaims: fc.integer({ min: 0, max: maxRecords }),
      nPromises: fc.integer({ min: 0, max: maxRecords }),
    })
    .chain((n) => {
      const sourceIds = Array.from({ length: n.nSources }, (_, i) => `s${i}`);
      const actorIds = Array.from({ length: n.nActors }, (_, i) => `a${i}`);
      const claimants = [...sourceIds, ...actorIds];
      const citation = fc.record(
        { source: fc.constantFrom(...sourceIds), url: fc.constantFrom("https://example.com/a", "http://example.org/b?c=1&d=2", "https://例え.jp/パス"), published: edtf.map((d) => d.text), quote: text(80) },
        { requiredKeys: ["source"] },
      );
      const citations = fc.array(citation, { maxLength: 3 });
      const subjects = fc.constantFrom("troops", "North Korean troops in Kursk", "casualties", "constructor", "__proto__", "병력", "военные");
      const event = fc.tuple(edtf, fc.option(fc.integer({ min: 0, max: 30 }), { freq: 4 }), special).chain(([d, endDays, sp]) =>
        fc
          .record(
            {
              date: fc.constant(d.text),
              end: endDays === null ? fc.constant(undefined) : fc.constant(ymd(d.at + endDays * DAY)),
              dateLabel: text(20),
              kind: fc.oneof(fc.constantFrom(...EVENT_KINDS), fc.constantFrom("strike", "talks", "constructor", "toString", "x-1")),
              title: text(80),
              summary: text(120),
              participants: fc.subarray(actorIds),
              place: text(20),
              status: fc.constantFrom("happened", "scheduled", "postponed", "cancelled"),
              citations,
              note: text(40),
            },
            { requiredKeys: ["date", "kind", "title"] },
          )
          .map((e) => ({ ...e, sp })),
      );
      const claim = fc.tuple(fc.constantFrom(...QUALIFIERS), numbers, numbers, numbers, special).chain(([q, a, b, c, sp]) => {
        const [low, value, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        const figures = q === "range" ? fc.constantFrom({ low, high }, { low, high, value }) : fc.constantFrom({ value }, { value }, { value, low, high }, { value, low: value }, { value, high: value });
        return fc
          .record(
            { subject: subjects, figures, qualifier: fc.constant(q), unit: fc.constantFrom("troops", "USD", "%", "people", "병력"), quote: text(80), claimant: fc.constantFrom(...claimants), citations, date: edtf.map((d) => d.text), refersTo: edtf.map((d) => d.text), note: text(40) },
            { requiredKeys: ["subject", "figures", "qualifier", "claimant", "citations"] },
          )
          .map(({ figures: f, ...c }) => ({ ...c, ...f, sp }));
      });
      const promise = fc.tuple(edtf, special).chain(([said, sp]) =>
        fc
          .record(
            {
              speaker: fc.constantFrom(...actorIds),
              deliveredBy: fc.constantFrom(...actorIds),
              said: fc.constant(said.text),
              topic: text(60),
              quote: text(120),
              window: window_,
              outcome: fc.oneof(
                fc.record({ status: fc.constant("pending") }),
                fc.record({ status: fc.constantFrom("kept", "late", "broken"), date: after(said.at), note: text(40), citations }, { requiredKeys: ["status"] }),
              ),
              citations,
              note: text(40),
              supersedes: fc.boolean(),
            },
            { requiredKeys: ["speaker", "said", "topic", "quote", "window"] },
          )
          .map((p) => ({ ...p, sp })),
      );
      return fc.record({
        title: fc.option(text(60), { nil: undefined }),
        asOf: fc.option(
          dayMs.map((t) => ymd(t)),
          { nil: undefined },
        ),
        sources: fc.tuple(...sourceIds.map((id) => fc.record({ name: text(30), kind: fc.constantFrom("outlet", "agency", "government", "intelligence", "other"), url: fc.constantFrom("https://example.com/", "http://x.example"), country: text(10) }, { requiredKeys: ["name"] }).map((s) => ({ id, ...s })))),
        actors: fc.tuple(...actorIds.map((id) => fc.record({ name: text(30), role: text(20), country: text(10) }, { requiredKeys: ["name"] }).map((a) => ({ id, ...a })))),
        events: fc.array(event, { minLength: n.nEvents, maxLength: n.nEvents }),
        claims: fc.array(claim, { minLength: n.nClaims, maxLength: n.nClaims }),
        promises: fc.array(promise, { minLength: n.nPromises, maxLength: n.nPromises }),
      });
    })
    .map((d) => {
      // Ids: the special word if no record has taken it yet, else kind + index (unique across kinds).
      const used = new Set<string>([...d.sources.map((s: any) => s.id), ...d.actors.map((a: any) => a.id)]);
      const assign = (list: any[], prefix: string) =>
        list.map(({ sp, ...r }, i) => {
          const id = sp !== null && !used.has(sp) ? sp : `${prefix}${i}`;
          used.add(id);
          return { id, ...stripUndefined(r) };
        });
      const events = assign(d.events, "e");
      const claims = assign(d.claims, "c");
      const promises = assign(d.promises, "p").map((p: any, i: number, all: any[]) => {
        const { supersedes, ...rest } = p;
        return supersedes && i > 0 ? { ...rest, supersedes: all[i - 1].id } : rest;
      });
      return stripUndefined({ version: 1, title: d.title, asOf: d.asOf, sources: d.sources, actors: d.actors, events, claims, promises });
    });
}

function stripUndefined<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

// ---------------------------------------------------------------- mutations

type Path = Array<string | number>;

/** Every path to a value inside `v` (objects and arrays), the root excluded. */
export function pathsOf(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (v && typeof v === "object") {
    for (const [k, child] of Object.entries(v)) {
      const p = [...prefix, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      pathsOf(child, p, out);
    }
  }
  return out;
}

const parentOf = (root: any, path: Path) => path.slice(0, -1).reduce((o, k) => o[k], root);

/** A mutation of a dataset: delete a field, change its type, swap or break an id, duplicate a record. */
export function mutated(base: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  const ids = paths.filter((p) => p[p.length - 1] === "id" || ["source", "claimant", "speaker", "supersedes", "deliveredBy"].includes(String(p[p.length - 1])));
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant("delete" as const), path: fc.constantFrom(...paths) }),
    fc.record({ kind: fc.constant("set" as const), path: fc.constantFrom(...paths), value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, "", " ", 0, -1, 1e309, "2025-02-29", "P", "javascript:alert(1)", [], {}, "__proto__", true)) }),
    fc.record({ kind: fc.constant("swap" as const), a: fc.constantFrom(...(ids.length ? ids : paths)), b: fc.constantFrom(...(ids.length ? ids : paths)) }),
    fc.record({ kind: fc.constant("dup" as const), path: fc.constantFrom(...(paths.filter((p) => p.length === 2) as Path[]).concat([["version"]])) }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => {
    const root = structuredClone(base) as any;
    for (const m of ms) {
      try {
        if (m.kind === "delete") {
          const parent = parentOf(root, m.path);
          const key = m.path[m.path.length - 1]!;
          if (Array.isArray(parent)) parent.splice(Number(key), 1);
          else if (parent && typeof parent === "object") delete parent[key];
        } else if (m.kind === "set") {
          const parent = parentOf(root, m.path);
          if (parent && typeof parent === "object") parent[m.path[m.path.length - 1]!] = structuredClone(m.value);
        } else if (m.kind === "swap") {
          const pa = parentOf(root, m.a);
          const pb = parentOf(root, m.b);
          const ka = m.a[m.a.length - 1]!;
          const kb = m.b[m.b.length - 1]!;
          if (pa && pb && typeof pa === "object" && typeof pb === "object") [pa[ka], pb[kb]] = [pb[kb], pa[ka]];
        } else {
          const parent = parentOf(root, m.path);
          const key = m.path[m.path.length - 1]!;
          if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(key)]));
        }
      } catch {
        // A path an earlier mutation removed: skip it.
      }
    }
    return root;
  });
}
