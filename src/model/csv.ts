/**
 * CSV/TSV sheets as a newsroom exports them from a spreadsheet: one sheet per
 * record type, a header row of field names, nested fields flattened with dots
 * (`window.min`, `outcome.status`), citations as `citation.source`,
 * `citation.quote`, then `citation2.source`…, an outcome's as
 * `outcome.citation.source`, lists (participants) separated by `;`. A
 * `window` column may hold a phrase copied from the quote ("two or three
 * weeks").
 *
 * Forgiving where the meaning is certain — surrounding spaces, the letter
 * case of headers and of enumerated values ("Kept", "About"), blank rows —
 * and strict everywhere else: every problem names the sheet, the row and the
 * column, says how to fix it, and comes once (a row with a cell too many is
 * reported as that, not as the eight wrong fields it causes).
 */
import { csvParseRows, tsvParseRows } from "d3-dsv";
import { parseWindowValue } from "./durations.js";
import { formatPeriodsText, parsePeriodsText } from "./periodText.js";
import { closest } from "./suggest.js";
import { DatasetError, validateDataset, type Problem } from "./validate.js";
import type { Dataset } from "./types.js";

export type SheetName = "dataset" | "sources" | "actors" | "events" | "claims" | "promises";
export const SHEET_NAMES: readonly SheetName[] = ["dataset", "sources", "actors", "events", "claims", "promises"];
type RecordSheet = Exclude<SheetName, "dataset">;

/** The fields of a citation, as `citation.<field>` columns. */
export const CITATION_FIELDS: readonly string[] = ["source", "url", "published", "quote", "disputes"];
/** Every column each sheet reads, besides citations (a test keeps this in step with schema.json). */
export const SHEET_COLUMNS: Readonly<Record<RecordSheet, readonly string[]>> = {
  sources: ["id", "name", "kind", "url", "country"],
  actors: ["id", "name", "role", "country"],
  events: ["id", "date", "dateLabel", "end", "kind", "title", "summary", "participants", "place", "status", "importance", "note"],
  claims: ["id", "subject", "value", "low", "high", "qualifier", "unit", "quote", "claimant", "date", "refersTo", "supersedes", "note"],
  promises: ["id", "speaker", "deliveredBy", "said", "topic", "quote", "window", "window.min", "window.max", "deadline", "checked", "outcome.status", "outcome.date", "outcome.note", "supersedes", "note"],
};
/** The keys `dataset.csv` reads (`periods` may take several rows, one period or a `;`-separated list each). */
export const DATASET_KEYS: readonly string[] = ["version", "title", "asOf", "domain", "periods"];
/** Which sheets carry citations, and whose outcome carries them too. */
const CITED = new Set<SheetName>(["events", "claims", "promises"]);
const OUTCOME_CITED = new Set<SheetName>(["promises"]);
/** More citations than this on one record is a typo in a header (`citation999999999.source`), not data. */
export const MAX_CITATIONS = 99;

const NUMERIC = new Set(["value", "low", "high", "importance"]);
const LISTS = new Set(["participants"]);
/** Enumerated values: any letter case reads as the canonical lower case. */
const LOWER = new Set(["kind", "status", "qualifier", "outcome.status"]);

/** A sheet as read: header, body rows (each with its row number in the spreadsheet, the header being row 1). */
interface RawSheet {
  columns: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

function readRows(text: string): RawSheet {
  const clean = text.replace(/^\uFEFF/, "");
  const header = clean.slice(0, clean.indexOf("\n") >>> 0);
  const [columns = [], ...body] = (header.includes("\t") ? tsvParseRows : csvParseRows)(clean);
  return { columns, rows: body.map((cells, i) => ({ row: i + 2, cells })) };
}

/**
 * Rows of a CSV or TSV text (tabs in the header mean TSV), one object per row
 * keyed by the header, as d3-dsv's csvParse gives them (a missing cell is "",
 * the last of two same-named columns wins, `.columns` lists the header). A
 * byte-order mark is dropped. Built from csvParseRows by hand: csvParse
 * compiles its row converter with `new Function`, which a Content-Security-
 * Policy without 'unsafe-eval' blocks. Rows have no prototype, so a column
 * named `__proto__` is a column like any other.
 */
export function parseSheet(text: string): Record<string, string>[] {
  const { columns, rows } = readRows(text);
  const out = rows.map(({ cells }) => {
    const row: Record<string, string> = Object.create(null);
    columns.forEach((name, i) => (row[name] = cells[i] || ""));
    return row;
  });
  return Object.assign(out, { columns });
}

/** Which record type a sheet holds, from its header. */
export function guessSheetName(columns: string[]): SheetName | undefined {
  const lower = columns.map((c) => c.trim().toLowerCase());
  const has = (c: string) => lower.includes(c);
  if (has("key") && has("value") && columns.length === 2) return "dataset";
  if (has("said") || has("speaker")) return "promises";
  if (has("qualifier") || has("claimant")) return "claims";
  if (has("date") && has("kind")) return "events";
  if (has("id") && has("name") && (has("kind") || has("url"))) return "sources";
  if (has("id") && has("name")) return "actors";
  return undefined;
}

/** Where a problem lies: the sheet, its row and column, for the message and for dropping follow-on problems. */
export interface SheetInfo {
  /** Record index → spreadsheet row number. */
  rows: number[];
  /** Canonical column (`citation2.source`, `title`) → the header as the sheet spells it. */
  headers: Map<string, string>;
}

/** A header cell read: the canonical column it fills, or the one problem with it. */
type HeaderCell = { column: string } | { column?: string; problem: string };

/** The canonical column for a header cell, or the problem with it. Case and surrounding spaces do not matter. */
function readHeader(sheet: RecordSheet, name: string): HeaderCell {
  const known = SHEET_COLUMNS[sheet];
  const trimmed = name.trim();
  const exact = known.find((k) => k.toLowerCase() === trimmed.toLowerCase());
  if (exact) return { column: exact };
  const cite = /^(outcome\.)?citation(\d*)\.([a-z]+)$/i.exec(trimmed);
  if (cite && (cite[1] ? OUTCOME_CITED : CITED).has(sheet)) {
    const [, outcome = "", digits = "", field = ""] = cite;
    const prefix = `${outcome.toLowerCase()}citation`;
    if (digits !== "" && Number(digits) === 0) return { problem: `citations count from 1: write ${prefix}.${field} for the first, then ${prefix}2.${field}, ${prefix}3.${field}…` };
    if (Number(digits) > MAX_CITATIONS) return { problem: `at most ${MAX_CITATIONS} citations a record (${prefix}${MAX_CITATIONS}.${field}); is ${digits} a typo?` };
    const f = CITATION_FIELDS.find((k) => k === field.toLowerCase());
    const n = Number(digits || 1);
    const column = `${prefix}${n === 1 ? "" : n}.${f ?? field}`;
    if (f) return { column };
    const guess = closest(field, CITATION_FIELDS);
    return { column: guess && `${prefix}${n === 1 ? "" : n}.${guess}`, problem: `unknown citation field "${field}" (${guess ? `did you mean "${prefix}${n === 1 ? "" : n}.${guess}"?` : `a citation has ${CITATION_FIELDS.join(", ")}`})` };
  }
  return unknownColumn(sheet, trimmed);
}

/** An unknown header: the closest known column, or the list of columns the sheet reads. */
function unknownColumn(sheet: RecordSheet, name: string): HeaderCell {
  const known = SHEET_COLUMNS[sheet];
  const cited = CITED.has(sheet) ? CITATION_FIELDS.map((f) => `citation.${f}`) : [];
  const outcomeCited = OUTCOME_CITED.has(sheet) ? CITATION_FIELDS.map((f) => `outcome.citation.${f}`) : [];
  const all = [...known, ...cited, ...outcomeCited];
  // "outcome" or "citation" alone: the fields under it are meant.
  const under = all.filter((k) => k.toLowerCase().startsWith(name.toLowerCase() + ".") && !k.slice(name.length + 1).includes("."));
  if (name && under.length) return { problem: `holds nothing by itself: name the column ${under.slice(0, -1).join(", ")}${under.length > 1 ? " or " : ""}${under[under.length - 1]}` };
  const guess = closest(name, all);
  if (guess) return { column: guess, problem: `unknown column (did you mean "${guess}"?)` };
  return { problem: `unknown column (${sheet}.csv reads ${known.join(", ")}${cited.length ? ", citation.source…" : ""})` };
}

/** Loader problems carry the JSON path they stand for, so validation's problems under it can be dropped as follow-ons. */
type Found = Problem & { under?: string };

/** Read the header of one sheet: canonical columns by position (undefined: ignore), and every header problem. */
function readHeaderRow(sheet: RecordSheet, raw: RawSheet, found: Found[], info: SheetInfo): Array<string | undefined> {
  const seen = new Map<string, number>();
  const cells = raw.columns.map((name) => (name.trim() ? readHeader(sheet, name) : undefined));
  // Columns the header names outright; a guess for a misspelt header never takes one of them.
  const named = new Set(cells.flatMap((cell) => (cell && !("problem" in cell) ? [cell.column] : [])));
  return raw.columns.map((name, c) => {
    const at = `${sheet}.csv row 1, column ${name.trim() ? JSON.stringify(name.trim()) : c + 1}`;
    if (!name.trim()) {
      const used = raw.rows.find((r) => (r.cells[c] ?? "").trim());
      if (used) found.push({ path: at, message: `has no name, but row ${used.row} holds ${JSON.stringify(used.cells[c]!.trim().slice(0, 40))} (name the column, or delete it)` });
      return undefined;
    }
    const cell = cells[c]!;
    if ("problem" in cell) {
      found.push({ path: at, message: cell.problem });
      // A guess keeps the column's data (so no "missing" follow-ons) unless another column already fills it.
      if (!cell.column || named.has(cell.column) || seen.has(cell.column)) return undefined;
    }
    if (!cell.column) return undefined;
    const first = seen.get(cell.column);
    if (first !== undefined) {
      const same = raw.columns[first]!.trim() === name.trim();
      found.push({
        path: at,
        message: same
          ? `appears twice (columns ${first + 1} and ${c + 1}): keep one`
          : `means the same as column "${raw.columns[first]!.trim()}" (${/citation/.test(cell.column) ? "number citations citation.source, citation2.source, citation3.source…" : "keep one"})`,
      });
      return undefined;
    }
    seen.set(cell.column, c);
    info.headers.set(cell.column, name.trim());
    return cell.column;
  });
}

/** Set one cell on a record: `a.b` nests, citations go into a list, numbers and lists are read. */
function assign(record: Record<string, unknown>, column: string, cell: string, found: Found[], where: string, under: string): void {
  const m = /^(outcome\.)?citation(\d*)\.(\w+)$/.exec(column);
  if (m) {
    const owner = m[1] ? ((record.outcome as Record<string, unknown>) ??= {}) : record;
    const list = ((owner.citations as Record<string, string>[]) ??= []);
    (list[m[2] ? Number(m[2]) - 1 : 0] ??= {} as Record<string, string>)[m[3]!] = cell;
    return;
  }
  const o = /^outcome\.(\w+)$/.exec(column);
  if (o) {
    ((record.outcome as Record<string, string>) ??= {})[o[1]!] = LOWER.has(column) ? cell.toLowerCase() : cell;
    return;
  }
  const w = /^window(?:\.(min|max))?$/.exec(column);
  if (w) return readWindow(record, w[1] as "min" | "max" | undefined, cell, found, `${where}, column "${column}"`, `${under}.window`);
  if (NUMERIC.has(column)) {
    // Only plain numbers become numbers; "10,000" or "15k" stay text so validation names them.
    record[column] = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cell) ? Number(cell) : cell;
    return;
  }
  if (LISTS.has(column)) {
    record[column] = cell.split(";").map((s) => s.trim()).filter(Boolean);
    return;
  }
  if (column === "qualifier") record[column] = cell.toLowerCase().replace(/\s+/g, "-"); // "At least" → "at-least"
  else record[column] = LOWER.has(column) ? cell.toLowerCase() : cell;
}

/**
 * A window cell: `window` holds an ISO duration or a phrase ("two or three
 * weeks"); `window.min` / `window.max` an ISO duration or a phrase for one
 * length. A phrase that cannot be read is one problem, and the window gets a
 * placeholder so validation adds none for it.
 */
function readWindow(record: Record<string, unknown>, end: "min" | "max" | undefined, cell: string, found: Found[], where: string, under: string): void {
  const win = ((record.window as Record<string, string>) ??= {});
  try {
    const range = parseWindowValue(cell);
    if (end && range.min.text !== range.max.text) throw new Error(`"${cell}" is a range; write it in a "window" column, or one length here`);
    if (end) win[end] = /^P/.test(cell) ? cell : range.min.text;
    else {
      win.min ??= range.min.text;
      win.max ??= range.max.text;
    }
  } catch (err) {
    found.push({ path: where, message: (err as Error).message, under });
    win.min ??= "P0D";
    win.max ??= "P0D";
  }
}

/** Split list cells that use commas where every part is a known id ("biden, ghani"); otherwise say to use ";". */
function readList(record: Record<string, unknown>, column: string, ids: Set<string>, found: Found[], where: string, under: string): void {
  const items = record[column] as string[] | undefined;
  if (!items) return;
  const out: string[] = [];
  for (const item of items) {
    const parts = item.split(",").map((s) => s.trim()).filter(Boolean);
    if (ids.has(item) || parts.length < 2) out.push(item);
    else if (parts.every((p) => ids.has(p))) out.push(...parts);
    else {
      found.push({ path: `${where}, column "${column}"`, message: `no actor ${JSON.stringify(item)} (separate ids with ";": ${parts.join("; ")})`, under: `${under}.${column}` });
      out.push(item);
    }
  }
  record[column] = out;
}

/** Read one record sheet into raw records (one per non-blank row), noting where each came from. */
function readRecordSheet(sheet: RecordSheet, raw: RawSheet, found: Found[], info: SheetInfo, skip: Set<string>): Record<string, unknown>[] {
  const columns = readHeaderRow(sheet, raw, found, info);
  const width = raw.columns.length;
  const records: Record<string, unknown>[] = [];
  for (const { row, cells } of raw.rows) {
    // 1. Blank rows (a spreadsheet's trailing ",,,,") hold nothing.
    if (cells.every((c) => !c.trim())) continue;
    const index = records.length;
    const under = `${sheet}[${index}]`;
    const where = `${sheet}.csv row ${row}`;
    info.rows.push(row);
    // 2. A row whose cells do not line up with the header: one problem, and none of what follows from it.
    const extra = cells.slice(width).some((c) => c.trim());
    if (cells.length < width || extra) {
      const hint = extra ? "a comma inside an unquoted cell? (put the cell in double quotes)" : "a missing comma, or a line break inside an unquoted cell?";
      found.push({ path: where, message: `has ${cells.length} cells, the header ${width}: ${hint}`, under });
      skip.add(under);
    }
    // 3. Cells, trimmed; empty ones are absent fields.
    const record: Record<string, unknown> = {};
    columns.forEach((column, c) => {
      const cell = (cells[c] ?? "").trim();
      if (column && cell) assign(record, column, cell, found, where, under);
    });
    records.push(record);
  }
  return records;
}

/** `dataset.csv`: `key,value` rows for the dataset's own fields (version, title, asOf, domain, periods). */
function readDatasetSheet(raw: RawSheet, target: Record<string, unknown>, found: Found[], info: SheetInfo): void {
  const [k = "", v = ""] = raw.columns.map((c) => c.trim().toLowerCase());
  if (k !== "key" || v !== "value") return void found.push({ path: "dataset.csv row 1", message: `the header must be key,value (got ${raw.columns.join(",")})` });
  for (const { row, cells } of raw.rows) {
    const key = (cells[0] ?? "").trim();
    const value = (cells[1] ?? "").trim();
    if (!key) continue;
    const where = `dataset.csv row ${row}, key ${JSON.stringify(key)}`;
    // "period" is "periods" (one row per period reads naturally in a sheet).
    const known = DATASET_KEYS.find((d) => d.toLowerCase() === key.toLowerCase() || (d === "periods" && key.toLowerCase() === "period"));
    if (known === "periods") {
      // Each row adds its periods: one, or several separated by ";" (the text data-periods and --period take).
      if (!info.headers.has(known)) (info.headers.set(known, key), (info.rows[DATASET_KEYS.indexOf(known)] = row));
      if (!value) continue;
      try {
        const list = (target.periods ??= []) as string[];
        for (const p of parsePeriodsText(value, "periods")) list.push(formatPeriodsText([p]));
      } catch (err) {
        found.push({ path: where, message: (err as Error).message.replace(/^periods: /, "") });
      }
      continue;
    }
    if (!known) {
      const guess = closest(key, DATASET_KEYS);
      found.push({ path: where, message: guess ? `unknown key (did you mean "${guess}"?)` : `unknown key (dataset.csv reads ${DATASET_KEYS.join(", ")})` });
      continue;
    }
    if (info.headers.has(known)) {
      found.push({ path: where, message: `appears twice (rows ${info.rows[DATASET_KEYS.indexOf(known)]} and ${row}): keep one` });
      continue;
    }
    info.headers.set(known, key);
    info.rows[DATASET_KEYS.indexOf(known)] = row;
    if (value) target[known] = known === "version" && /^\d+$/.test(value) ? Number(value) : value;
  }
}

/** Read sheets (name → CSV/TSV text) into a validated Dataset; throws DatasetError naming sheet, row and column. */
export function datasetFromSheets(sheets: Partial<Record<SheetName, string>>): Dataset {
  const found: Found[] = [];
  const raw: Record<string, unknown> = { version: 1 };
  const infos: Partial<Record<SheetName, SheetInfo>> = {};
  const skip = new Set<string>();
  // 1. Each sheet → raw records.
  for (const name of SHEET_NAMES) {
    const text = sheets[name];
    if (text == null) continue;
    let sheet: RawSheet;
    try {
      sheet = readRows(text);
    } catch (err) {
      found.push({ path: `${name}.csv`, message: `could not be read as CSV (${(err as Error).message})` });
      continue;
    }
    const info: SheetInfo = (infos[name] = { rows: [], headers: new Map() });
    if (name === "dataset") readDatasetSheet(sheet, raw, found, info);
    else raw[name] = readRecordSheet(name, sheet, found, info, skip);
  }
  // 2. Lists written with commas, now that the actor ids are known.
  const actorIds = new Set(((raw.actors ?? []) as Record<string, unknown>[]).map((a) => a.id).filter((id): id is string => typeof id === "string"));
  ((raw.events ?? []) as Record<string, unknown>[]).forEach((e, i) => readList(e, "participants", actorIds, found, `events.csv row ${infos.events!.rows[i]}`, `events[${i}]`));
  // 3. Validation; its problems under a place the loader already reported are follow-ons, and dropped.
  for (const f of found) if (f.under) skip.add(f.under);
  const within = (path: string) => [...prefixes(path)].some((p) => skip.has(p));
  const { dataset, problems: more } = validateDataset(raw);
  // A loader problem stays unless it lies inside a row already reported whole (a row of the wrong width).
  const inside = (under: string) => [...prefixes(under)].slice(1).some((p) => skip.has(p));
  const problems: Problem[] = found.filter((f) => !f.under || !inside(f.under)).map(({ path, message }) => ({ path, message }));
  for (const p of more) if (!within(p.path)) problems.push({ path: csvPath(p.path, infos), message: p.message });
  if (problems.length || !dataset) throw new DatasetError(problems);
  return dataset;
}

/** `events[2].citations[1].quote` → `events[2].citations[1].quote`, `events[2].citations[1]`, `events[2].citations`, `events[2]`. */
function* prefixes(path: string): Generator<string> {
  let p = path;
  for (;;) {
    yield p;
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    if (cut <= 0) return;
    p = p.slice(0, cut);
  }
}

/**
 * `events[2].citations[1].quote` → `events.csv row 4, column "citation2.quote"`
 * (row 1 is the header). With the sheets' info, the row is the spreadsheet's
 * (blank rows skipped) and the column is spelt as the sheet's header spells it.
 */
export function csvPath(path: string, infos: Partial<Record<SheetName, SheetInfo>> = {}): string {
  const m = /^(\w+)\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (!m) {
    if (path === "$") return path;
    const key = path.split(/[.[]/)[0]!;
    const at = DATASET_KEYS.indexOf(key);
    const row = infos.dataset?.rows[at];
    return `dataset.csv${row ? ` row ${row}` : ""}, key "${infos.dataset?.headers.get(key) ?? path}"`;
  }
  const [, sheet, index, rest] = m;
  const info = infos[sheet as SheetName];
  const where = `${sheet}.csv row ${info?.rows[Number(index)] ?? Number(index) + 2}`;
  if (!rest) return where;
  const column = rest.replace(/(^|outcome\.)citations\[(\d+)\]/, (_, o, n) => `${o}citation${Number(n) === 0 ? "" : Number(n) + 1}`).replace(/^participants\[\d+\]$/, "participants");
  return `${where}, column "${info?.headers.get(column) ?? column}"`;
}
