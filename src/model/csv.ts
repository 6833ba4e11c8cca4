/**
 * CSV/TSV sheets as a newsroom exports them from a spreadsheet: one sheet per
 * record type, a header row of field names, nested fields flattened with dots
 * (`window.min`, `outcome.status`), citations as `citation.source`, an
 * outcome's as `outcome.citation.source`,
 * `citation.quote`, then `citation2.source`…, lists (participants) separated
 * by `;`. A `window` column may hold a phrase copied from the quote ("two or
 * three weeks"). Problems name the sheet, the row and the column.
 */
import { csvParseRows, tsvParseRows } from "d3-dsv";
import { parseWindowValue } from "./durations.js";
import { DatasetError, validateDataset, type Problem } from "./validate.js";
import type { Dataset } from "./types.js";

export type SheetName = "dataset" | "sources" | "actors" | "events" | "claims" | "promises";
export const SHEET_NAMES: readonly SheetName[] = ["dataset", "sources", "actors", "events", "claims", "promises"];

const NUMERIC = new Set(["value", "low", "high"]);
const LISTS = new Set(["participants"]);

/**
 * Rows of a CSV or TSV text (tabs in the header mean TSV), one object per row
 * keyed by the header, as d3-dsv's csvParse gives them (a missing cell is "",
 * the last of two same-named columns wins, `.columns` lists the header). A
 * byte-order mark is dropped. Built from csvParseRows by hand: csvParse
 * compiles its row converter with `new Function`, which a Content-Security-
 * Policy without 'unsafe-eval' blocks.
 */
export function parseSheet(text: string): Record<string, string>[] {
  const clean = text.replace(/^\uFEFF/, "");
  const header = clean.slice(0, clean.indexOf("\n") >>> 0);
  const [columns = [], ...body] = (header.includes("\t") ? tsvParseRows : csvParseRows)(clean);
  const rows = body.map((cells) => {
    const row: Record<string, string> = {};
    columns.forEach((name, i) => (row[name] = cells[i] || ""));
    return row;
  });
  return Object.assign(rows, { columns });
}

/** Which record type a sheet holds, from its header. */
export function guessSheetName(columns: string[]): SheetName | undefined {
  const has = (c: string) => columns.includes(c);
  if (has("key") && has("value") && columns.length === 2) return "dataset";
  if (has("said") || has("speaker")) return "promises";
  if (has("qualifier") || has("claimant")) return "claims";
  if (has("date") && has("kind")) return "events";
  if (has("id") && has("name") && (has("kind") || has("url"))) return "sources";
  if (has("id") && has("name")) return "actors";
  return undefined;
}

/** Set `obj[a][b] = v` for the column "a.b"; citations go into a list. */
function assign(record: Record<string, unknown>, column: string, cell: string, problems: Problem[], where: string): void {
  const m = /^(outcome\.)?citation(\d*)\.(\w+)$/.exec(column);
  if (m) {
    const owner = m[1] ? ((record.outcome as Record<string, unknown>) ??= {}) : record;
    const n = m[2] ? Number(m[2]) - 1 : 0;
    const list = ((owner.citations as Record<string, string>[]) ??= []);
    (list[n] ??= {} as Record<string, string>)[m[3]!] = cell;
    return;
  }
  const o = /^outcome\.(\w+)$/.exec(column);
  if (o) {
    ((record.outcome as Record<string, string>) ??= {})[o[1]!] = cell;
    return;
  }
  const w = /^window(?:\.(min|max))?$/.exec(column);
  if (w) {
    const win = ((record.window as Record<string, string>) ??= {});
    if (w[1]) win[w[1]] = cell;
    else {
      try {
        const range = parseWindowValue(cell);
        win.min ??= range.min.text;
        win.max ??= range.max.text;
      } catch (err) {
        problems.push({ path: `${where}, column "window"`, message: (err as Error).message });
      }
    }
    return;
  }
  if (NUMERIC.has(column)) {
    // Only plain numbers become numbers; "10,000" or "15k" stay text so validation names them.
    record[column] = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cell.trim()) ? Number(cell) : cell;
    return;
  }
  if (LISTS.has(column)) {
    record[column] = cell.split(";").map((s) => s.trim()).filter(Boolean);
    return;
  }
  if (column === "version") {
    record[column] = /^\d+$/.test(cell) ? Number(cell) : cell;
    return;
  }
  record[column] = cell;
}

/** Read sheets (name → CSV/TSV text) into a validated Dataset; throws DatasetError naming sheet, row and column. */
export function datasetFromSheets(sheets: Partial<Record<SheetName, string>>): Dataset {
  const problems: Problem[] = [];
  const raw: Record<string, unknown> = { version: 1 };
  const rowsOf: Partial<Record<SheetName, Record<string, string>[]>> = {};
  for (const name of SHEET_NAMES) {
    const text = sheets[name];
    if (text == null) continue;
    let rows: Record<string, string>[];
    try {
      rows = parseSheet(text);
    } catch (err) {
      problems.push({ path: `${name}.csv`, message: `could not be read as CSV (${(err as Error).message})` });
      continue;
    }
    rowsOf[name] = rows;
    if (name === "dataset") {
      rows.forEach((row, i) => {
        if (row.key) assign(raw, row.key, row.value ?? "", problems, `dataset.csv row ${i + 2}`);
      });
      continue;
    }
    raw[name] = rows.map((row, i) => {
      const record: Record<string, unknown> = {};
      for (const column in row) {
        const cell = row[column];
        if (cell == null || cell.trim() === "") continue;
        assign(record, column.trim(), cell, problems, `${name}.csv row ${i + 2}`);
      }
      return record;
    });
  }
  const { dataset, problems: more } = validateDataset(raw);
  for (const p of more) problems.push({ path: csvPath(p.path), message: p.message });
  if (problems.length || !dataset) throw new DatasetError(problems);
  return dataset;
}

/** `events[2].citations[1].quote` → `events.csv row 4, column "citation2.quote"` (row 1 is the header). */
export function csvPath(path: string): string {
  const m = /^(\w+)\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (!m) return path === "$" ? path : `dataset.csv, key "${path}"`;
  const [, sheet, index, rest] = m;
  const where = `${sheet}.csv row ${Number(index) + 2}`;
  if (!rest) return where;
  const column = rest.replace(/(^|outcome\.)citations\[(\d+)\]/, (_, o, n) => `${o}citation${Number(n) === 0 ? "" : Number(n) + 1}`).replace(/^participants\[\d+\]$/, "participants");
  return `${where}, column "${column}"`;
}
