#!/usr/bin/env node
/**
 * Generates the example data derived from examples/data/seeds.json, so the
 * copies never drift from the one hand-edited file:
 *
 *   examples/data/seeds-csv/{dataset,sources,actors,events,claims,promises}.csv
 *       the same dataset as spreadsheet sheets, in the layout the CSV loader
 *       reads (src/model/csv.ts): header row of field names, nested fields
 *       flattened with dots (window.min, outcome.status), lists joined with
 *       ";", citations as citation.source … then citation2.source …
 *   examples/data/promises.json  promises only (+ the actors and sources they use), asOf 2025-06-19
 *   examples/data/figures.json   claims only (+ the actors and sources they use)
 *   examples/data/timeline.json  events only (+ the actors and sources they use)
 *
 *   node scripts/seeds-to-csv.js           write the files
 *   node scripts/seeds-to-csv.js --check   exit 1 if any file on disk differs from what would be written
 */
import { csvFormat } from "d3-dsv";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = join(root, "examples/data");
const csvDir = join(dataDir, "seeds-csv");
const check = process.argv.includes("--check");

/** asOf of the promises-only example: the day NBC News published its "two weeks" list. */
const PROMISES_AS_OF = "2025-06-19";

const seeds = JSON.parse(readFileSync(join(dataDir, "seeds.json"), "utf8"));
if (seeds.version !== 1) throw new Error(`seeds.json: expected version 1, got ${seeds.version}`);

// ---------------------------------------------------------------- CSV sheets

/** Columns of each sheet, in this order, whether or not a record uses them (the header doubles as a template). */
const FIELDS = {
  sources: ["id", "name", "kind", "url", "country"],
  actors: ["id", "name", "role", "country"],
  events: ["id", "date", "dateLabel", "end", "kind", "title", "summary", "participants", "place", "status", "importance", "note"],
  claims: ["id", "subject", "value", "low", "high", "qualifier", "unit", "quote", "claimant", "date", "refersTo", "supersedes", "note"],
  promises: ["id", "speaker", "deliveredBy", "said", "topic", "quote", "window.min", "window.max", "deadline", "checked", "outcome.status", "outcome.date", "outcome.note", "supersedes", "note"],
};
const CITATION_FIELDS = ["source", "url", "published", "quote", "disputes"];
/** Fields that are lists of ids, written as "a;b". */
const LISTS = new Set(["participants"]);

/** citation.x for the first, citation2.x for the second… */
const citationColumn = (prefix, i, field) => `${prefix}citation${i === 0 ? "" : i + 1}.${field}`;

function cell(value, column) {
  if (value === undefined || value === null) return "";
  if (LISTS.has(column)) {
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v.includes(";"))) throw new Error(`${column}: expected a list of ids without ";"`);
    return value.join(";");
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${column}: ${value} is not a finite number`);
    return String(value);
  }
  if (typeof value === "string") return value;
  throw new Error(`${column}: cannot write ${JSON.stringify(value)} to a cell`);
}

/** One record → one flat row { column: text }. Unknown nested shapes fail loudly rather than vanish. */
function flatten(kind, record) {
  const row = {};
  const put = (column, value) => {
    if (column in row) throw new Error(`${kind} ${record.id}: column ${column} written twice`);
    row[column] = cell(value, column);
  };
  const citations = (list, prefix, where) => {
    if (!Array.isArray(list)) throw new Error(`${where}: citations must be a list`);
    list.forEach((c, i) => {
      for (const key of Object.keys(c)) if (!CITATION_FIELDS.includes(key)) throw new Error(`${where}: unknown citation field ${key}`);
      for (const f of CITATION_FIELDS) if (c[f] !== undefined) put(citationColumn(prefix, i, f), c[f]);
    });
  };
  for (const [key, value] of Object.entries(record)) {
    if (key === "citations") citations(value, "", `${kind} ${record.id}`);
    else if (key === "window") for (const [k, v] of Object.entries(value)) put(`window.${k}`, v);
    else if (key === "outcome") {
      for (const [k, v] of Object.entries(value)) {
        if (k === "citations") citations(v, "outcome.", `${kind} ${record.id} outcome`);
        else put(`outcome.${k}`, v);
      }
    } else put(key, value);
  }
  return row;
}

/** Known fields first, then citation columns (as many numbered groups as the widest record needs), then anything else. */
function columnsFor(kind, rows) {
  const used = new Set(rows.flatMap((r) => Object.keys(r)));
  const known = FIELDS[kind];
  const groups = (prefix) => {
    let n = 0;
    while (CITATION_FIELDS.some((f) => used.has(citationColumn(prefix, n, f)))) n++;
    return Array.from({ length: n }, (_, i) => CITATION_FIELDS.map((f) => citationColumn(prefix, i, f))).flat();
  };
  const outcomeCitations = kind === "promises" ? groups("outcome.") : [];
  const recordCitations = kind === "sources" || kind === "actors" ? [] : groups("");
  // Outcome citations sit with the other outcome columns.
  const ordered = kind === "promises" ? [...known.slice(0, known.indexOf("outcome.note") + 1), ...outcomeCitations, ...known.slice(known.indexOf("outcome.note") + 1)] : [...known];
  const columns = [...ordered, ...recordCitations];
  const extra = [...used].filter((c) => !columns.includes(c));
  if (extra.some((c) => c.includes("."))) throw new Error(`${kind}: unexpected nested columns ${extra.join(", ")}`);
  return [...columns, ...extra];
}

const outputs = new Map(); // path → text

const datasetRows = [
  { key: "version", value: String(seeds.version) },
  ...(seeds.title !== undefined ? [{ key: "title", value: seeds.title }] : []),
  ...(seeds.asOf !== undefined ? [{ key: "asOf", value: seeds.asOf }] : []),
];
outputs.set(join(csvDir, "dataset.csv"), csvFormat(datasetRows, ["key", "value"]) + "\n");

for (const kind of ["sources", "actors", "events", "claims", "promises"]) {
  const rows = (seeds[kind] ?? []).map((r) => flatten(kind, r));
  outputs.set(join(csvDir, `${kind}.csv`), csvFormat(rows, columnsFor(kind, rows)) + "\n");
}

// ------------------------------------------------------- single-chart subsets

/** Ids of actors and sources a set of records refers to. */
function referenced(records) {
  const ids = new Set();
  const cites = (list) => (list ?? []).forEach((c) => ids.add(c.source));
  for (const r of records) {
    for (const key of ["claimant", "speaker", "deliveredBy"]) if (r[key]) ids.add(r[key]);
    (r.participants ?? []).forEach((p) => ids.add(p));
    cites(r.citations);
    if (r.outcome) cites(r.outcome.citations);
  }
  return ids;
}

function subset(kind, title, asOf) {
  const records = seeds[kind] ?? [];
  const ids = referenced(records);
  const out = {
    version: 1,
    title,
    asOf,
    sources: (seeds.sources ?? []).filter((s) => ids.has(s.id)),
    actors: (seeds.actors ?? []).filter((a) => ids.has(a.id)),
    events: [],
    claims: [],
    promises: [],
  };
  out[kind] = records;
  return JSON.stringify(out, null, 2) + "\n";
}

outputs.set(join(dataDir, "promises.json"), subset("promises", "Trump's \"two weeks\": promises and what became of them", PROMISES_AS_OF));
outputs.set(join(dataDir, "figures.json"), subset("claims", "Who said how many: figures from the seed stories", seeds.asOf));
outputs.set(join(dataDir, "timeline.json"), subset("events", "Putin, Kim and the road to Anchorage: a timeline", seeds.asOf));

// ------------------------------------------------------------------- output

let stale = 0;
for (const [path, text] of outputs) {
  const name = relative(root, path);
  if (check) {
    if (!existsSync(path) || readFileSync(path, "utf8") !== text) {
      stale++;
      console.error(`out of date: ${name}`);
    }
    continue;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${name}`);
}
if (check) {
  if (stale) console.error(`${stale} generated file(s) differ from seeds.json; run node scripts/seeds-to-csv.js`);
  else console.log(`seeds-to-csv: ${outputs.size} generated files up to date`);
  process.exit(stale ? 1 : 0);
}
