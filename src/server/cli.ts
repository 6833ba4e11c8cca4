/**
 * The command line:
 *   claimline validate FILE
 *   claimline render FILE --chart timeline|figure-comparison|promise-tracker
 *     [--format svg|html|fragment] [-o OUT] [the chart's options as flags]
 *   claimline --version | --help | COMMAND --help
 * FILE is a dataset JSON, a CSV/TSV sheet, a folder of sheets (sources.csv,
 * events.csv, …) or `-` for standard input. Problems go to stderr, one per
 * line with its path, and the exit code is 1 (2 for a mistake in the command
 * itself); never a stack trace, never a hang on a device or a pipe.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, writeFileSync, type Stats } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CHART_NAMES } from "../charts/registry.js";
import { datasetFromSheets, guessSheetName, parseSheet, SHEET_NAMES, type SheetName } from "../model/csv.js";
import { decodeText } from "../model/decode.js";
import { OptionError } from "../model/options.js";
import { nearestName } from "../model/optionNames.js";
import { DatasetError, parseDataset } from "../model/validate.js";
import type { Dataset } from "../model/types.js";
import type { ChartName } from "../render/view.js";
import { CHART_FLAGS, FlagError, flagName, flagsOf, optionsFromFlags, type FlagSpec } from "./flags.js";
import { pageAssets, pageCspSources, renderToString, type RenderOptions } from "./index.js";

/** The largest input read: far beyond any newsroom dataset, well below what would exhaust memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
const MAX_MB = MAX_INPUT_BYTES / 1024 / 1024;

/** A mistake in the command line: exit 2 with a pointer to the help. */
class UsageError extends Error {}
/** An input that cannot be read (missing, not a file, too large): exit 1. */
class InputError extends Error {}

// ---------------------------------------------------------------- help

/** The flags of the commands themselves (not chart options). */
interface CommandFlag {
  short?: string;
  value?: string;
  help: string;
}

const RENDER_FLAGS: Record<string, CommandFlag> = {
  chart: { short: "c", value: CHART_NAMES.join("|"), help: "the chart to draw (required)" },
  format: { short: "f", value: "svg|html|fragment", help: "static SVG, a standalone page for iframes, or a <div data-claimline> the script tag brings to life (default: html when OUT ends in .html, else svg)" },
  output: { short: "o", value: "OUT", help: "write to OUT instead of standard output (never onto FILE); an html page gets claimline-page.css and claimline-pym.js beside it, so it runs under Content-Security-Policy: default-src 'self'" },
  inline: { help: "html: one file, with the stylesheet and height script inline (the CSP hashes that allow them are printed on stderr)" },
  nonce: { value: "VALUE", help: "html: inline, with nonce=\"VALUE\" on the style and script, for a CSP with 'nonce-VALUE'" },
  help: { short: "h", help: "this help (with --chart, that chart's options only)" },
};

const VALIDATE_FLAGS: Record<string, CommandFlag> = {
  help: { short: "h", help: "this help" },
};

const FILE_HELP = `FILE: a dataset .json, a .csv/.tsv sheet, a folder of sheets (sources.csv, actors.csv, events.csv,
claims.csv, promises.csv, dataset.csv), or - for standard input (at most ${MAX_MB} MB).`;

function usage(): string {
  return `usage:
  claimline validate FILE
  claimline render FILE --chart ${CHART_NAMES.join("|")} [--format svg|html|fragment] [-o OUT] [options]
  claimline --version
  claimline COMMAND --help

${FILE_HELP}
Run "claimline render --help" for the charts' options.
`;
}

const HELP_COLUMN = 34;
const HELP_WIDTH = 100;

/** `text` cut at spaces into lines of at most `width` characters. */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** One flag in the help: the flag and its value, then its help text in a column, wrapped. */
function flagLine(name: string, short: string | undefined, value: string | undefined, help: string): string {
  const head = `  ${short ? `-${short}, ` : "    "}--${name}${value ? ` ${value}` : ""}`;
  const indent = "".padEnd(HELP_COLUMN);
  const body = wrapWords(help, HELP_WIDTH - HELP_COLUMN).map((l) => indent + l);
  if (head.length < HELP_COLUMN) body[0] = head.padEnd(HELP_COLUMN) + body[0]!.trimStart();
  else body.unshift(head);
  return body.join("\n");
}

function chartFlagLines(flags: Record<string, FlagSpec>, skip: Set<string> = new Set()): string[] {
  const lines: string[] = [];
  for (const [option, spec] of Object.entries(flags)) {
    if (skip.has(option)) continue;
    const short = option === "width" ? "w" : option === "locale" ? "l" : undefined;
    lines.push(flagLine(flagName(option, spec), short, spec.value, spec.help + (spec.repeatable ? " (repeatable)" : "")));
  }
  return lines;
}

function renderHelp(chart?: ChartName): string {
  const out = [
    `usage: claimline render FILE --chart ${chart ?? CHART_NAMES.join("|")}`,
    "         [--format svg|html|fragment] [-o OUT] [options]",
    "",
    "Draws FILE as a static chart.",
    "",
    FILE_HELP,
    "",
    ...Object.entries(RENDER_FLAGS).map(([n, f]) => flagLine(n, f.short, f.value, f.help)),
  ];
  if (chart) {
    out.push("", `${chart} options:`, ...chartFlagLines(CHART_FLAGS[chart]));
  } else {
    // The options every chart takes once, then each chart's own.
    // Common: the same flag, value and help in every chart (`--highlight` differs: one claim, or a list).
    const first = CHART_FLAGS[CHART_NAMES[0]!];
    const common = new Set(Object.keys(first).filter((o) => CHART_NAMES.every((c) => JSON.stringify(CHART_FLAGS[c][o]) === JSON.stringify(first[o]))));
    out.push("", "options of every chart:", ...chartFlagLines(Object.fromEntries(Object.entries(CHART_FLAGS[CHART_NAMES[0]!]).filter(([o]) => common.has(o)))));
    for (const c of CHART_NAMES) out.push("", `${c} options:`, ...chartFlagLines(CHART_FLAGS[c], common));
  }
  out.push(
    "",
    "examples:",
    "  claimline render seeds.json --chart promise-tracker --as-of 2025-08-16 --sort overdue \\",
    "    -o promises.svg",
    "  claimline render seeds.json --chart timeline --domain 2025-03/2025-08 \\",
    '    --period "2025-08-12/2025-08-15 Road to Anchorage" -o timeline.html',
  );
  return out.join("\n") + "\n";
}

function validateHelp(): string {
  return `usage: claimline validate FILE

Checks FILE against the claimline dataset format v1: exits 0 with a one-line summary, or 1 with every problem and its path on stderr.

${FILE_HELP}

${Object.entries(VALIDATE_FLAGS).map(([n, f]) => flagLine(n, f.short, f.value, f.help)).join("\n")}
`;
}

/** The package's version, from the package.json above this file (src/server/ or dist/). */
export function version(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++, dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    try {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "claimline" && pkg.version) return pkg.version;
    } catch {
      /* not ours: keep looking */
    }
  }
  return "unknown";
}

// ---------------------------------------------------------------- arguments

interface Parsed {
  positionals: string[];
  /** Flag name (long form) → every value given, in order ("" for a switch). */
  flags: Map<string, string[]>;
}

/**
 * Split argv into positionals and flags. `takesValue` says which long flags
 * read a value (`--x v` or `--x=v`); `shorts` maps one-letter aliases. An
 * unknown flag is refused with the nearest known one.
 */
function parseFlags(args: string[], takesValue: Map<string, boolean>, shorts: Record<string, string>, known: () => string[], where: string): Parsed {
  const out: Parsed = { positionals: [], flags: new Map() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      out.positionals.push(...args.slice(i + 1));
      break;
    }
    let name: string;
    let inline: string | undefined;
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      inline = eq < 0 ? undefined : a.slice(eq + 1);
    } else if (/^-[A-Za-z]$/.test(a)) {
      const long = shorts[a[1]!];
      if (!long) throw new UsageError(`${where}: unknown option ${a}`);
      name = long;
    } else {
      out.positionals.push(a);
      continue;
    }
    if (!takesValue.has(name)) {
      const near = nearestName(name, known());
      throw new UsageError(`${where}: unknown option --${name}${near ? ` (did you mean --${near}?)` : ""}`);
    }
    let value = "";
    if (takesValue.get(name)) {
      if (inline !== undefined) value = inline;
      else if (i + 1 < args.length) value = args[++i]!;
      else throw new UsageError(`${where}: --${name} needs a value`);
    } else if (inline !== undefined) throw new UsageError(`${where}: --${name} takes no value`);
    out.flags.set(name, [...(out.flags.get(name) ?? []), value]);
  }
  return out;
}

/** Every flag `render` knows: its own, and each chart's options (checked against the chosen chart later). */
function renderFlagTable(): Map<string, boolean> {
  const m = new Map<string, boolean>();
  for (const [n, f] of Object.entries(RENDER_FLAGS)) m.set(n, f.value !== undefined);
  for (const c of CHART_NAMES) for (const name of flagsOf(c).keys()) m.set(name, true);
  return m;
}

const RENDER_SHORTS: Record<string, string> = { c: "chart", f: "format", o: "output", h: "help", w: "width", l: "locale" };

// ---------------------------------------------------------------- input

/** Refuse anything but a regular file or a folder, and files too large to be a dataset, before reading a byte. */
function checkInput(file: string, stat: Stats): void {
  if (stat.isFile()) {
    if (stat.size > MAX_INPUT_BYTES) throw new InputError(`${file} is ${(stat.size / 1024 / 1024).toFixed(0)} MB; claimline reads at most ${MAX_MB} MB`);
    return;
  }
  const kind = stat.isFIFO() ? "a named pipe" : stat.isCharacterDevice() || stat.isBlockDevice() ? "a device" : stat.isSocket() ? "a socket" : "not a regular file";
  throw new InputError(`${file} is ${kind}, not a dataset file; give a .json, .csv or .tsv file, a folder of sheets, or - for standard input`);
}

/** Standard input, read up to MAX_INPUT_BYTES (an endless stream such as /dev/zero is refused, not read forever). */
function readStdin(): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === "EOF") break;
      throw new InputError(`cannot read standard input: ${(e as Error).message}`);
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw new InputError(`standard input is larger than ${MAX_MB} MB; claimline reads at most ${MAX_MB} MB`);
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

function readChecked(file: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as { code?: string }).code ?? (e as Error).message}`);
  }
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The input named in problem reports. */
let reading = "dataset";

/** Read FILE in whichever form it comes. */
export function loadDatasetFile(file: string): Dataset {
  reading = file === "-" ? "standard input" : file;
  if (file === "-") return parseDataset(decodeText(readStdin(), "standard input"));
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch {
    throw new InputError(`cannot read ${file}: no such file or folder`);
  }
  if (stat.isDirectory()) {
    const sheets: Partial<Record<SheetName, string>> = {};
    for (const name of readdirSync(file)) {
      const stem = basename(name, extname(name)) as SheetName;
      if (!/\.(csv|tsv)$/i.test(name) || !SHEET_NAMES.includes(stem)) continue;
      const path = join(file, name);
      checkInput(path, statSync(path));
      sheets[stem] = decodeText(readChecked(path), path);
    }
    if (!Object.keys(sheets).length) throw new InputError(`${file} holds no sheets named ${SHEET_NAMES.map((s) => s + ".csv").join(", ")}`);
    return datasetFromSheets(sheets);
  }
  checkInput(file, stat);
  const text = decodeText(readChecked(file), file);
  if (/\.(csv|tsv)$/i.test(file)) {
    const stem = basename(file, extname(file)) as SheetName;
    const kind = SHEET_NAMES.includes(stem) ? stem : guessSheetName(Object.keys(parseSheet(text)[0] ?? {}));
    if (!kind) throw new InputError(`cannot tell which records ${file} holds; name it events.csv, claims.csv, promises.csv, …`);
    return datasetFromSheets({ [kind]: text });
  }
  return parseDataset(text);
}

/** The same file on disk (through links and relative paths), or a file inside the input folder's sheets. */
function sameFile(a: string, b: string): boolean {
  try {
    const [sa, sb] = [statSync(a), statSync(b)];
    if (sa.dev === sb.dev && sa.ino === sb.ino) return true;
  } catch {
    /* b does not exist yet: compare paths */
  }
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return join(existsSync(dirname(resolve(p))) ? realpathSync(dirname(resolve(p))) : dirname(resolve(p)), basename(p));
    }
  };
  return real(a) === real(b);
}

/** Refuse to write over the input (FILE itself, or a sheet in a FILE folder). */
function checkOutputs(input: string, outputs: string[]): void {
  if (input === "-") return;
  const inputs = [input];
  try {
    if (statSync(input).isDirectory()) inputs.push(...readdirSync(input).map((n) => join(input, n)));
  } catch {
    return;
  }
  for (const out of outputs) {
    for (const i of inputs) if (sameFile(i, out)) throw new UsageError(`render: -o ${out} would overwrite the input ${i}; write somewhere else`);
  }
}

// ---------------------------------------------------------------- commands

function render(parsed: Parsed, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const one = (name: string): string | undefined => {
    const v = parsed.flags.get(name);
    if (v && v.length > 1) throw new UsageError(`render: --${name} is given ${v.length} times; give it once`);
    return v?.[0];
  };
  const chart = one("chart");
  if (chart !== undefined && !(CHART_NAMES as string[]).includes(chart)) {
    const near = nearestName(chart, CHART_NAMES);
    throw new UsageError(`render: unknown chart ${JSON.stringify(chart)}${near ? ` (did you mean ${near}?)` : ""} (expected ${CHART_NAMES.join(", ")})`);
  }
  if (parsed.flags.has("help")) {
    out.write(renderHelp(chart as ChartName | undefined));
    return 0;
  }
  const file = parsed.positionals[0];
  if (!file) throw new UsageError("render: FILE is missing");
  if (parsed.positionals.length > 1) throw new UsageError(`render: one FILE only, got ${parsed.positionals.map((p) => JSON.stringify(p)).join(", ")}`);
  if (!chart) throw new UsageError(`render: --chart is required (${CHART_NAMES.join(", ")})`);
  const name = chart as ChartName;

  // Every option flag must be one of this chart's.
  const own = flagsOf(name);
  const chartOptions = new Map<string, string[]>();
  for (const [flag, values] of parsed.flags) {
    if (flag in RENDER_FLAGS) continue;
    if (!own.has(flag)) {
      const others = CHART_NAMES.filter((c) => flagsOf(c).has(flag));
      throw new UsageError(`render: --${flag} is not a ${name} option (it is for ${others.join(", ")}); run "claimline render --chart ${name} --help"`);
    }
    chartOptions.set(flag, values);
  }

  const output = one("output");
  const format = one("format") ?? (output && /\.html?$/i.test(output) ? "html" : "svg");
  if (format !== "svg" && format !== "html" && format !== "fragment") throw new UsageError(`render: --format must be svg, html or fragment, got ${JSON.stringify(format)}`);
  const nonce = one("nonce");
  const inline = parsed.flags.has("inline") || nonce !== undefined || !output;
  if ((parsed.flags.has("inline") || nonce !== undefined) && format !== "html") throw new UsageError(`render: --inline and --nonce are for --format html`);
  if (nonce !== undefined && !/^[A-Za-z0-9+/_=-]+$/.test(nonce)) throw new UsageError(`render: --nonce must be base64 characters, got ${JSON.stringify(nonce)}`);

  let options: Record<string, unknown>;
  try {
    options = optionsFromFlags(name, chartOptions);
  } catch (e) {
    if (e instanceof FlagError || e instanceof OptionError) throw new UsageError(`render: ${e.message}`);
    throw e;
  }
  const width = options.width;
  if (width !== undefined && !(typeof width === "number" && width > 0)) throw new UsageError(`render: --width must be a positive number of pixels, got ${JSON.stringify(width)}`);

  // Where each file goes: the page, and for a linked html page its two assets beside it.
  const assets = pageAssets();
  const linked = format === "html" && !inline;
  const targets = output ? [output, ...(linked ? [join(dirname(output), assets.css.name), join(dirname(output), assets.script.name)] : [])] : [];
  checkOutputs(file, targets);

  const dataset = loadDatasetFile(file);
  const page: RenderOptions = { format };
  if (linked) page.assets = { css: assets.css.name, script: assets.script.name };
  if (nonce !== undefined) page.nonce = nonce;
  const text = renderToString(name, dataset, { ...options, ...page } as never);
  if (output) {
    const write = (path: string, body: string) => {
      try {
        writeFileSync(path, body);
      } catch (e) {
        throw new InputError(`cannot write ${path}: ${(e as { code?: string }).code === "ENOENT" ? "no such folder" : (e as Error).message}`);
      }
    };
    write(output, text);
    if (linked) {
      write(targets[1]!, assets.css.text);
      write(targets[2]!, assets.script.text);
    }
  } else out.write(text);
  if (format === "html" && inline && nonce === undefined) {
    const csp = pageCspSources();
    err.write(`claimline: the page's inline style and script run under a Content-Security-Policy that allows them: style-src ${csp.style}; script-src ${csp.script}${output ? "" : " (or write the page with -o OUT.html to get them as files)"}\n`);
  }
  return 0;
}

export function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): number {
  const [command, ...rest] = argv;
  try {
    if (!command) {
      err.write(usage());
      return 2;
    }
    if (command === "--help" || command === "-h" || command === "help") {
      const topic = rest[0];
      out.write(topic === "render" ? renderHelp() : topic === "validate" ? validateHelp() : usage());
      return 0;
    }
    if (command === "--version" || command === "-v" || command === "version") {
      out.write(`claimline ${version()}\n`);
      return 0;
    }
    if (command === "render") return render(parseFlags(rest, renderFlagTable(), RENDER_SHORTS, () => [...renderFlagTable().keys()], "render"), out, err);
    if (command === "validate") {
      const table = new Map(Object.entries(VALIDATE_FLAGS).map(([n, f]) => [n, f.value !== undefined]));
      const parsed = parseFlags(rest, table, { h: "help" }, () => [...table.keys()], "validate");
      if (parsed.flags.has("help")) {
        out.write(validateHelp());
        return 0;
      }
      const file = parsed.positionals[0];
      if (!file) throw new UsageError("validate: FILE is missing");
      const d = loadDatasetFile(file);
      out.write(`${file}: valid claimline dataset v1 — ${d.sources.length} sources, ${d.actors.length} actors, ${d.events.length} events, ${d.claims.length} claims, ${d.promises.length} promises\n`);
      return 0;
    }
    const near = nearestName(command.replace(/^-+/, ""), ["render", "validate", "help", "version"]);
    throw new UsageError(`unknown command ${JSON.stringify(command)}${near ? ` (did you mean ${near}?)` : ""}`);
  } catch (e) {
    if (e instanceof DatasetError) {
      err.write(`${reading}: ${e.problems.length} ${e.problems.length === 1 ? "problem" : "problems"}\n`);
      for (const p of e.problems) err.write(`${p.path}: ${p.message}\n`);
      return 1;
    }
    const msg = e instanceof Error ? e.message : String(e);
    err.write(`claimline: ${msg}\n`);
    if (e instanceof UsageError || e instanceof OptionError) {
      err.write(`Run "claimline ${command === "render" || command === "validate" ? command + " " : ""}--help" for usage.\n`);
      return 2;
    }
    return 1;
  }
}
