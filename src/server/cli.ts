/**
 * The command line:
 *   claimline validate FILE
 *   claimline render FILE --chart timeline|figure-comparison|promise-tracker
 *     [--width N] [--as-of DATE] [--locale L] [--theme light|dark] [--format svg|html] [-o OUT]
 * FILE is a dataset JSON, a CSV/TSV sheet, a folder of sheets (sources.csv,
 * events.csv, …) or `-` for standard input. Problems go to stderr, one per
 * line with its path, and the exit code is 1; never a stack trace.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { parseArgs } from "node:util";
import { CHART_NAMES } from "../charts/registry.js";
import { datasetFromSheets, guessSheetName, parseSheet, SHEET_NAMES, type SheetName } from "../model/csv.js";
import { DatasetError, parseDataset } from "../model/validate.js";
import { decodeText } from "../model/decode.js";
import type { Dataset } from "../model/types.js";
import { renderToString } from "./index.js";

const USAGE = `usage:
  claimline validate FILE
  claimline render FILE --chart ${CHART_NAMES.join("|")} [--width N] [--as-of DATE] [--locale L] [--theme light|dark] [--format svg|html] [-o OUT]

FILE: a dataset .json, a .csv/.tsv sheet, a folder of sheets (sources.csv, actors.csv, events.csv, claims.csv, promises.csv, dataset.csv), or - for stdin.`;

class UsageError extends Error {}

/** Read FILE in whichever form it comes. */
export function loadDatasetFile(file: string): Dataset {
  if (file === "-") return parseDataset(decodeText(readFileSync(0), "standard input"));
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new UsageError(`cannot read ${file}: no such file or folder`);
  }
  if (stat.isDirectory()) {
    const sheets: Partial<Record<SheetName, string>> = {};
    for (const name of readdirSync(file)) {
      const stem = basename(name, extname(name)) as SheetName;
      if (/\.(csv|tsv)$/i.test(name) && SHEET_NAMES.includes(stem)) sheets[stem] = decodeText(readFileSync(join(file, name)), join(file, name));
    }
    if (!Object.keys(sheets).length) throw new UsageError(`${file} holds no sheets named ${SHEET_NAMES.map((s) => s + ".csv").join(", ")}`);
    return datasetFromSheets(sheets);
  }
  const text = decodeText(readFileSync(file), file);
  if (/\.(csv|tsv)$/i.test(file)) {
    const stem = basename(file, extname(file)) as SheetName;
    const kind = SHEET_NAMES.includes(stem) ? stem : guessSheetName(Object.keys(parseSheet(text)[0] ?? {}));
    if (!kind) throw new UsageError(`cannot tell which records ${file} holds; name it events.csv, claims.csv, promises.csv, …`);
    return datasetFromSheets({ [kind]: text });
  }
  return parseDataset(text);
}

export function main(argv: string[], out = process.stdout, err = process.stderr): number {
  const [command, ...rest] = argv;
  try {
    if (!command || command === "--help" || command === "-h" || command === "help") {
      out.write(USAGE + "\n");
      return command ? 0 : 2;
    }
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        chart: { type: "string", short: "c" },
        width: { type: "string", short: "w" },
        "as-of": { type: "string" },
        locale: { type: "string", short: "l" },
        theme: { type: "string" },
        format: { type: "string", short: "f" },
        output: { type: "string", short: "o" },
      },
    });
    const file = positionals[0];
    if (!file) throw new UsageError(`${command}: FILE is missing`);
    if (command === "validate") {
      const d = loadDatasetFile(file);
      out.write(`${file}: valid claimline dataset v1 — ${d.sources.length} sources, ${d.actors.length} actors, ${d.events.length} events, ${d.claims.length} claims, ${d.promises.length} promises\n`);
      return 0;
    }
    if (command === "render") {
      if (!values.chart) throw new UsageError(`render: --chart is required (${CHART_NAMES.join(", ")})`);
      if (!(CHART_NAMES as string[]).includes(values.chart)) throw new UsageError(`render: unknown chart ${JSON.stringify(values.chart)} (expected ${CHART_NAMES.join(", ")})`);
      const format = values.format ?? (values.output && /\.html?$/i.test(values.output) ? "html" : "svg");
      if (format !== "svg" && format !== "html") throw new UsageError(`render: --format must be svg or html, got ${JSON.stringify(format)}`);
      if (values.width !== undefined && !(Number(values.width) > 0)) throw new UsageError(`render: --width must be a positive number of pixels, got ${JSON.stringify(values.width)}`);
      const dataset = loadDatasetFile(file);
      const options: Record<string, unknown> = { format };
      if (values.width) options.width = Number(values.width);
      if (values["as-of"]) options.asOf = values["as-of"];
      if (values.locale) options.locale = values.locale;
      if (values.theme) options.theme = values.theme;
      const text = renderToString(values.chart, dataset, options);
      if (values.output) writeFileSync(values.output, text);
      else out.write(text);
      return 0;
    }
    throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  } catch (e) {
    if (e instanceof DatasetError) {
      err.write(`${positionalsOf(argv)}: ${e.problems.length} ${e.problems.length === 1 ? "problem" : "problems"}\n`);
      for (const p of e.problems) err.write(`${p.path}: ${p.message}\n`);
      return 1;
    }
    const msg = e instanceof Error ? e.message : String(e);
    err.write(`claimline: ${msg}\n`);
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) err.write(USAGE + "\n");
    return e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") ? 2 : 1;
  }
}

function positionalsOf(argv: string[]): string {
  return argv.slice(1).find((a) => !a.startsWith("-")) ?? "dataset";
}
