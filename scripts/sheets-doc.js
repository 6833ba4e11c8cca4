#!/usr/bin/env node
/**
 * Writes SHEETS.md (each CSV sheet's columns: required or not, what they hold,
 * allowed values, examples) and the blank templates in
 * examples/data/template/ from src/schema.json, so neither can drift from the
 * format. Column naming follows src/model/csv.ts: nested fields as dotted
 * columns (window.min, outcome.status), citations as citation.<field>,
 * citation2.<field>…, lists separated by ";".
 *
 *   node scripts/sheets-doc.js           write the files
 *   node scripts/sheets-doc.js --check   exit 1 if a file on disk differs from what would be written
 *
 * `renderSheets(schema)` and `templates(schema)` are exported for the test.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SHEETS = [
  ["sources", "Source", "Who published."],
  ["actors", "Actor", "Who acts or asserts."],
  ["events", "Event", "What happened (or is scheduled): calls, meetings, visits…"],
  ["claims", "Claim", "A figure someone asserts."],
  ["promises", "Promise", "A dated promise and what became of it."],
];

const DEFS = (schema) => schema.$defs;
const refName = (p) => (p && p.$ref ? p.$ref.replace("#/$defs/", "") : undefined);
const code = (s) => "`" + s + "`";
const cellText = (s) => String(s).replace(/\|/g, "\\|").replace(/\n/g, " ");

/** What goes in the cell: allowed values or the format, with where it points. */
function format(prop) {
  const ref = refName(prop);
  if (prop.enum) return prop.enum.map(code).join(", ");
  if (prop.examples && /kind/i.test(prop.description ?? "") && prop.type === "string") return `${prop.examples.map(code).join(", ")}, or another word`;
  if (ref === "date") return "date (EDTF, see Dates)";
  if (ref === "duration") return "duration (ISO 8601, see Windows)";
  if (ref === "url") return "http(s) URL";
  if (prop.type === "number") return "number, digits only";
  if (prop.type === "array") return "ids separated by `;`";
  if (/\b(Actor|Source|Claim|Promise) id\b/.test(prop.description ?? "")) return "an id";
  return "text";
}

const example = (prop) => (prop.examples && prop.examples.length && typeof prop.examples[0] !== "object" ? code(prop.examples[0]) : "");

/** Columns of a record sheet, in schema order: [column, required, description, format, example]. */
function columnsOf(schema, defName) {
  const defs = DEFS(schema);
  const def = defs[defName];
  const required = new Set(def.required ?? []);
  const oneOf = (def.anyOf ?? []).flatMap((a) => a.required ?? []);
  const req = (key) => (required.has(key) ? "yes" : oneOf.includes(key) ? `one of ${oneOf.map(code).join(" or ")}` : "");
  const rows = [];
  const citations = (prefix, required, owner) => {
    for (const [field, prop] of Object.entries(defs.Citation.properties)) {
      const need = field === "source" && required ? "yes, one citation at least" : field === "source" ? "with any other citation column" : "";
      const what = field === "source" ? `${owner.replace(/\.$/, "")}: a Source id. More citations: ${code(`${prefix}citation2.source`)}, ${code(`${prefix}citation3.source`)}…` : prop.description;
      rows.push([`${prefix}citation.${field}`, need, what, field === "source" ? "an id" : format(prop), example(prop)]);
    }
  };
  for (const [key, prop] of Object.entries(def.properties)) {
    if (key === "citations") continue;
    if (key === "window") {
      rows.push(["window", req(key), `${prop.description} Or the two ends in ${code("window.min")} and ${code("window.max")}.`, "a phrase or a duration (see Windows)", code(prop["x-phrases"][2])]);
      for (const [end, p] of Object.entries(prop.properties)) rows.push([`window.${end}`, "", p.description, format(p), example(defs.duration)]);
      continue;
    }
    if (key === "outcome") {
      for (const [field, p] of Object.entries(prop.properties)) {
        if (field === "citations") citations("outcome.", false, "Where the outcome was reported");
        else rows.push([`outcome.${field}`, field === "status" ? "with any other outcome column" : "", p.description, format(p), example(p)]);
      }
      continue;
    }
    rows.push([key, req(key), prop.description ?? "", format(prop), example(prop)]);
  }
  if (def.properties.citations) citations("", required.has("citations"), def.properties.citations.description ?? "Where it was reported");
  return rows;
}

/** The columns a blank template carries: every column but the alternatives (window.min/max beside window) and numbered citations. */
export function templates(schema) {
  const out = { dataset: ["key", "value"] };
  for (const [sheet, defName] of SHEETS) out[sheet] = columnsOf(schema, defName).map((r) => r[0]).filter((c) => !/^window\./.test(c));
  return out;
}

export function renderSheets(schema) {
  const defs = DEFS(schema);
  const lines = [];
  const table = (header, rows) => {
    lines.push(`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`);
    for (const r of rows) lines.push(`| ${r.map(cellText).join(" | ")} |`);
    lines.push("");
  };
  lines.push(
    "# Sheets",
    "",
    "<!-- Generated from src/schema.json by `npm run docs:sheets` (scripts/sheets-doc.js); a test fails when this file is out of date. Edit the schema, not this file. -->",
    "",
    "A dataset can be kept as spreadsheet sheets, one per record type, each exported as CSV (or TSV): `dataset.csv`, `sources.csv`, `actors.csv`, `events.csv`, `claims.csv`, `promises.csv`. Row 1 is the header: the column names below. Blank templates of every sheet are in [`examples/data/template/`](examples/data/template/); the seed stories as sheets are in [`examples/data/seeds-csv/`](examples/data/seeds-csv/).",
    "",
    "- **Nested fields** are dotted columns: `window.min`, `outcome.status`.",
    "- **Citations** are `citation.source`, `citation.quote`… for the first, `citation2.source`, `citation2.quote`… for the second, and so on; a promise's outcome has its own, `outcome.citation.source`…",
    "- **Lists** of ids (`participants`) are separated by `;`: `putin;kim-jong-un`.",
    "- **Ids** are unique within a sheet; every id a cell names must be in its sheet (`speaker` → `actors.csv`, `citation.source` → `sources.csv`).",
    "- An empty cell is a field left out.",
    "",
    "Load the sheets with `datasetFromSheets({ events: text, … })`, `claimline validate FOLDER`, or a script tag's `data-src=\"sources.csv actors.csv events.csv\"`. Problems name the sheet, row and column.",
    "",
    "## dataset.csv",
    "",
    "Two columns, `key` and `value`, one row per setting.",
    "",
  );
  table(
    ["key", "required", "what it holds", "values", "example"],
    Object.entries(schema.properties)
      // The record sheets are lists of objects; a list of texts (periods) is a setting: one row per item, or `;` between items.
      .filter(([, p]) => p.type !== "array" || p.items?.type === "string")
      .map(([k, p]) =>
        p.type === "array"
          ? [code(k), "", p.description ?? "", "text, one row each (or `;` between)", code(p.examples?.[0]?.[0] ?? "")]
          : [code(k), (schema.required ?? []).includes(k) ? "no (1 is assumed)" : "", p.description ?? "", p.const !== undefined ? code(p.const) : format(p), example(p)],
      ),
  );
  for (const [sheet, defName, intro] of SHEETS) {
    const def = defs[defName];
    lines.push(`## ${sheet}.csv`, "", def.description ?? intro, "");
    table(
      ["column", "required", "what it holds", "values", "example"],
      columnsOf(schema, defName).map(([c, r, d, f, e]) => [code(c), r, d, f, e]),
    );
  }
  const date = defs.date;
  const win = defs.Promise.properties.window;
  lines.push(
    "## Dates",
    "",
    `${date.description} A date is as precise as it was reported and no more: a month stays a month.`,
    "",
    ...date.examples.map((e) => `- ${code(e)}`),
    "",
    "## Windows",
    "",
    `A promise's window is two ISO 8601 durations (${defs.duration.examples.map(code).join(", ")}) in \`window.min\` and \`window.max\`, or one phrase from the quote in a \`window\` column, such as:`,
    "",
    ...win["x-phrases"].map((p) => `- ${code(p)}`),
    "",
    `**Deadlines.** ${defs.Promise.properties.deadline.description}`,
    "",
    "## Event kinds",
    "",
    defs.Event.properties.kind.description,
    "",
  );
  return lines.join("\n");
}

// ---------------------------------------------------------------- CLI

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const schema = JSON.parse(readFileSync(join(root, "src/schema.json"), "utf8"));
  const check = process.argv.includes("--check");
  const outputs = new Map([[join(root, "SHEETS.md"), renderSheets(schema)]]);
  for (const [sheet, columns] of Object.entries(templates(schema))) outputs.set(join(root, "examples/data/template", `${sheet}.csv`), columns.join(",") + "\n");
  let stale = 0;
  for (const [path, text] of outputs) {
    const same = existsSync(path) && readFileSync(path, "utf8") === text;
    if (check) {
      if (!same) (stale++, console.error(`out of date: ${relative(root, path)}`));
    } else if (!same) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      console.log(`wrote ${relative(root, path)}`);
    }
  }
  if (stale) {
    console.error(`${stale} file(s) differ from src/schema.json; run npm run docs:sheets`);
    process.exit(1);
  }
  if (check) console.log(`sheets-doc: ${outputs.size} files up to date`);
}
