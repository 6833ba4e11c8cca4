#!/usr/bin/env node
/**
 * Checks that every verbatim quote in the example data is copied exactly from
 * one of the seed articles: claim and promise `quote`s, and the `quote` of
 * every citation (records' and outcomes'). Only whitespace and curly quote
 * marks are normalised; any other difference is a miss. Exits 1 on a miss.
 *
 *   node scripts/check-seed-quotes.js [--seeds DIR] [FILE.json ...]
 *
 * Defaults: seeds from $CLAIMLINE_SEEDS or /work/shared/seeds, data file
 * examples/data/seeds.json (the other example files are generated from it).
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
let seedsDir = process.env.CLAIMLINE_SEEDS || "/work/shared/seeds";
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--seeds") seedsDir = args[++i];
  else files.push(args[i]);
}
if (!files.length) files.push(join(root, "examples/data/seeds.json"));

if (!existsSync(seedsDir)) {
  console.error(`check-seed-quotes: no seeds directory at ${seedsDir} (pass --seeds DIR or set CLAIMLINE_SEEDS)`);
  process.exit(2);
}

/** Whitespace runs (incl. no-break spaces) → one space; curly quotes → straight. Nothing else. */
const normalise = (s) =>
  s
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, " ")
    .trim();

const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => ({ file: f, text: normalise(readFileSync(join(seedsDir, f), "utf8")) }));
if (!seeds.length) {
  console.error(`check-seed-quotes: no .txt seed articles in ${seedsDir}`);
  process.exit(2);
}

/** Every quote in a dataset, with a path for the report. */
function* quotesOf(data) {
  const cites = function* (list, path) {
    for (const [i, c] of (list ?? []).entries()) if (c.quote != null) yield [`${path}.citations[${i}].quote`, c.quote];
  };
  for (const kind of ["events", "claims", "promises"]) {
    for (const [i, r] of (data[kind] ?? []).entries()) {
      const path = `${kind}[${i}] (${r.id})`;
      if (r.quote != null) yield [`${path}.quote`, r.quote];
      yield* cites(r.citations, path);
      if (r.outcome) yield* cites(r.outcome.citations, `${path}.outcome`);
    }
  }
}

let checked = 0;
let misses = 0;
for (const file of files) {
  const data = JSON.parse(readFileSync(file, "utf8"));
  for (const [path, quote] of quotesOf(data)) {
    checked++;
    const q = normalise(String(quote));
    const hit = q.length > 0 && seeds.find((s) => s.text.includes(q));
    if (!hit) {
      misses++;
      console.error(`MISS ${file}: ${path}\n     ${JSON.stringify(quote)}`);
    }
  }
}
console.log(`check-seed-quotes: ${checked} quotes checked against ${seeds.length} seed articles, ${misses} missing`);
process.exit(misses ? 1 : 0);
