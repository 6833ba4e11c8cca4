#!/usr/bin/env node
/**
 * `npm run size` — what a reader downloads, min+gzip (zlib level 9):
 *   1. the script-tag bundle dist/claimline.min.js, as built (all charts,
 *      auto-embed, validation);
 *   2. each chart imported alone from the ESM build, tree-shaken and minified
 *      by esbuild from a one-line entry, the way an article page bundles it;
 *   3. each message catalogue in dist/locales/*.js (ESM and script-tag
 *      flavours), min+gzip as shipped, when the build has them.
 * Budgets (1 KB = 1,000 bytes, the stricter reading; issue 11): script-tag
 * bundle ≤ 40 KB, any one chart alone ≤ 24 KB, any one locale catalogue
 * ≤ 1.5 KB. Every row is reported; over any budget, the largest contributors
 * (esbuild metafile, bytes in output) are printed and the exit code is 1 —
 * no ceiling, no ratchet: the budget is the verdict. `--why` prints the
 * contributors for every row.
 *
 * Run after `npm run build`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const KB = 1000;
const BUDGET = { bundle: 40 * KB, chart: 24 * KB, locale: 1.5 * KB };
const why = process.argv.includes("--why");

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;

/** Bundle `contents` (an entry importing from dist) with tree-shaking and minify; returns the output and esbuild's metafile. */
async function bundle(contents, name) {
  const out = await build({
    stdin: { contents, resolveDir: root, sourcefile: `${name}.entry.js`, loader: "js" },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    legalComments: "none",
    metafile: true,
    write: false,
    absWorkingDir: root,
    logLevel: "silent",
  });
  const file = out.outputFiles[0];
  return { code: Buffer.from(file.contents), metafile: out.metafile };
}

/** Inputs by bytes in output, largest first, with a per-package roll-up. */
function contributors(metafile, top = 15) {
  const inputs = [];
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, info] of Object.entries(output.inputs)) inputs.push({ path, bytes: info.bytesInOutput });
  }
  inputs.sort((a, b) => b.bytes - a.bytes);
  const byPackage = new Map();
  for (const { path, bytes } of inputs) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = m ? m[1] : path.startsWith("dist/") || path.includes("/dist/") ? "claimline (dist)" : path.startsWith("src/") ? "claimline (src)" : "(entry)";
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytes);
  }
  const lines = ["    largest inputs (minified bytes in output, before gzip):"];
  for (const { path, bytes } of inputs.slice(0, top)) lines.push(`      ${String(bytes).padStart(8)}  ${path}`);
  lines.push("    by package:");
  for (const [key, bytes] of [...byPackage].sort((a, b) => b[1] - a[1])) lines.push(`      ${String(bytes).padStart(8)}  ${key}`);
  return lines.join("\n");
}

function fail(msg) {
  console.error(msg);
  process.exit(1);
}

if (!existsSync(join(dist, "claimline.min.js")) || !existsSync(join(dist, "claimline.js"))) fail("size: dist/ is missing; run `npm run build` first.");

const esm = join(dist, "claimline.js").split("\\").join("/");
const rows = [];

// 1. The script-tag bundle, as built by rollup. Its contributors come from an
//    esbuild build of the same entry (src/embed/global.ts), only if needed.
{
  const code = readFileSync(join(dist, "claimline.min.js"));
  rows.push({
    name: "script-tag bundle (dist/claimline.min.js)",
    min: code.length,
    gzip: gz(code),
    budget: BUDGET.bundle,
    explain: async () => {
      const out = await build({ entryPoints: [join(root, "src/embed/global.ts")], bundle: true, minify: true, format: "iife", globalName: "Claimline", platform: "browser", target: "es2020", metafile: true, write: false, absWorkingDir: root, logLevel: "silent", legalComments: "none" });
      return contributors(out.metafile);
    },
  });
}

// 2. Each chart alone, from a one-line entry.
for (const name of ["figureComparison", "timeline", "promiseTracker"]) {
  const { code, metafile } = await bundle(`import { ${name} } from ${JSON.stringify(esm)}; window.x = ${name};`, name);
  // dist/ holds rollup's shared chunks, one input each; the same entry built from src/ names the files inside them.
  const fromSrc = async () => (await bundle(`import { ${name} } from ${JSON.stringify(join(root, "src/index.ts"))}; window.x = ${name};`, `${name}-src`)).metafile;
  rows.push({ name: `${name} alone (ESM, tree-shaken)`, min: code.length, gzip: gz(code), budget: BUDGET.chart, explain: async () => `${contributors(metafile, 8)}\n    the same, built from src/:\n${contributors(await fromSrc())}` });
}

// 3. Each message catalogue as shipped (already minified by the build).
const localeDir = join(dist, "locales");
if (existsSync(localeDir)) {
  for (const name of readdirSync(localeDir).filter((f) => f.endsWith(".js")).sort()) {
    const code = readFileSync(join(localeDir, name));
    rows.push({ name: `locale catalogue dist/locales/${name}`, min: code.length, gzip: gz(code), budget: BUDGET.locale });
  }
}

// 4. For reference (no budget): all three charts together, and validation alone.
{
  const { code } = await bundle(`import { figureComparison, timeline, promiseTracker } from ${JSON.stringify(esm)}; window.x = [figureComparison, timeline, promiseTracker];`, "all");
  rows.push({ name: "all three charts (ESM, tree-shaken)", min: code.length, gzip: gz(code) });
  const v = await bundle(`import { parseDataset } from ${JSON.stringify(esm)}; window.x = parseDataset;`, "validate");
  rows.push({ name: "parseDataset alone (ESM, tree-shaken)", min: v.code.length, gzip: gz(v.code) });
}

// 5. The table, then the verdict.
const w = Math.max(...rows.map((r) => r.name.length));
const head = `${"".padEnd(w)}  ${"min".padStart(9)}  ${"min+gzip".padStart(9)}  ${"budget".padStart(8)}  `;
console.log(`claimline size (esbuild ${(await import("esbuild")).version}, gzip -9; 1 KB = 1,000 bytes)\n`);
console.log(head);
console.log("-".repeat(head.length + 4));
const over = [];
for (const r of rows) {
  const ok = r.budget === undefined || r.gzip <= r.budget;
  if (!ok) over.push(r);
  const status = r.budget === undefined ? "" : ok ? `ok (${Math.round((r.gzip / r.budget) * 100)}%)` : `OVER by ${kb(r.gzip - r.budget)}`;
  console.log(`${r.name.padEnd(w)}  ${kb(r.min).padStart(9)}  ${kb(r.gzip).padStart(9)}  ${(r.budget ? kb(r.budget) : "—").padStart(8)}  ${status}`);
  if ((!ok || why) && r.explain) console.log((await r.explain()).replaceAll(root + "/", ""));
}
console.log("");
const where = relative(process.cwd(), dist) || "dist";
if (over.length) fail(`size: ${over.length} budget${over.length === 1 ? "" : "s"} exceeded (${where}): ${over.map((r) => `${r.name} ${kb(r.gzip)} > ${kb(r.budget)}`).join("; ")}.`);
console.log(`size: all budgets met (${where}).`);
