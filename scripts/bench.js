#!/usr/bin/env node
/**
 * `npm run bench` — claimline's speed in headless Chromium beside two
 * references measured in the same run: the floor (assigning the chart's own
 * final svg markup as one string) and Observable Plot drawing the same records
 * as a dot chart with an axis. Prints medians and ratios, measures the cold
 * wall time of `claimline render`, and writes BENCHMARKS.md.
 *
 *   node scripts/bench.js [--runs 7] [--warmup 2] [--quick] [--check] [--no-write]
 *
 * `--check` exits 1 when a target is missed. Not part of `npm test`: timings
 * depend on the machine.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { claimsDataset, eventsDataset, plotRecords, promisesDataset } from "../bench/datasets.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "7" },
    warmup: { type: "string", default: "2" },
    quick: { type: "boolean", default: false },
    check: { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
  },
});
const RUNS = args.quick ? 3 : Math.max(7, Number(args.runs) || 7);
const WARMUP = Math.max(1, Number(args.warmup) || 2);
const WIDTH = 960;
const WIDTH2 = 720;

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const version = (pkg) => {
  try {
    return JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")).version;
  } catch {
    return "?";
  }
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

// 1. Build what the page loads: the script-tag bundle (from `npm run build`) and Observable Plot.
// CLAIMLINE_BUNDLE=path measures another build of the script-tag bundle (an A/B of two trees in the same minute).
const bundle = process.env.CLAIMLINE_BUNDLE ?? join(root, "dist/claimline.min.js");
if (!existsSync(bundle)) {
  console.error("bench: dist/claimline.min.js is missing; run `npm run build` first (npm run bench does).");
  process.exit(1);
}
const tmp = mkdtempSync(join(tmpdir(), "claimline-bench-"));
const plotFile = join(tmp, "plot.js");
await build({ stdin: { contents: 'import * as Plot from "@observablehq/plot"; window.Plot = Plot;', resolveDir: root, loader: "js" }, bundle: true, minify: true, format: "iife", platform: "browser", outfile: plotFile, logLevel: "silent" });

// 2. The cases: deterministic synthetic data, the sizes the issue names.
const cases = [
  { label: "timeline, 1,000 events", chart: "timeline", kind: "timeline", dataset: eventsDataset(1000), time: true },
  { label: "timeline, 10,000 events", chart: "timeline", kind: "timeline", dataset: eventsDataset(10000), time: true },
  { label: "figure comparison, 1,000 claims", chart: "figureComparison", kind: "figureComparison", dataset: claimsDataset(1000), time: false },
  { label: "promise tracker, 500 promises", chart: "promiseTracker", kind: "promiseTracker", dataset: promisesDataset(500), time: true },
];

// The machine may be shared: record the load average before and after, so a noisy run shows as one.
const loadBefore = loadavg();

// 3. Chromium.
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: [...CHROMIUM_ARGS, "--js-flags=--expose-gc"] });
const chromiumVersion = browser.version();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>claimline bench</title></head><body><main id="stage"></main></body></html>`);
if (existsSync(join(root, "dist/claimline.css"))) await page.addStyleTag({ path: join(root, "dist/claimline.css") });
await page.addScriptTag({ path: bundle });
await page.addScriptTag({ path: plotFile });
await page.addScriptTag({ path: join(root, "bench/harness.js") });

const results = [];
for (const c of cases) {
  process.stderr.write(`bench: ${c.label}… `);
  const records = plotRecords(c.kind, c.dataset);
  const r = await page.evaluate((a) => window.claimlineBench.runCase(a), { chart: c.chart, dataset: c.dataset, records, time: c.time, width: WIDTH, width2: WIDTH2, warmup: WARMUP, runs: RUNS });
  process.stderr.write(`${ms(r.chart)} ms\n`);
  results.push({ ...c, r, records: records.length });
}
await browser.close();

// 4. Cold `claimline render` (a fresh Node process each time) beside an empty Node start.
const seeds = join(root, "examples/data/seeds.json");
let renderFile = seeds;
if (!existsSync(seeds)) {
  renderFile = join(tmp, "seeds.json");
  writeFileSync(renderFile, JSON.stringify(eventsDataset(40)));
}
const wall = (argv) => {
  const t0 = performance.now();
  const p = spawnSync(process.execPath, argv, { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
  const t = performance.now() - t0;
  if (p.status !== 0) throw new Error(`${argv.join(" ")} exited ${p.status}: ${p.stderr.slice(0, 500)}`);
  return t;
};
const cli = ["bin/claimline.js", "render", renderFile.startsWith(root) ? renderFile.slice(root.length + 1) : renderFile, "--chart", "timeline"];
wall(cli); // warm the file cache
const coldRender = median(Array.from({ length: 5 }, () => wall(cli)));
const nodeStart = median(Array.from({ length: 5 }, () => wall(["-e", "0"])));

// 4b. Layout time per record as the data grows (no DOM, in Node): every layout stays near-linear.
// Claims all on one subject (the case that was quadratic), events and promises as in the page cases.
const layoutFile = join(tmp, "layouts.mjs");
await build({
  stdin: {
    contents: [
      'export { layoutFigureComparison } from "./src/layout/figureComparison.ts";',
      'export { resolveFigureComparisonOptions } from "./src/charts/figureComparison.ts";',
      'export { layoutTimeline } from "./src/layout/timeline.ts";',
      'export { resolveTimelineOptions } from "./src/charts/timeline.ts";',
      'export { layoutPromiseTracker } from "./src/layout/promiseTracker.ts";',
      'export { resolvePromiseTrackerOptions } from "./src/charts/promiseTracker.ts";',
      'export { parseDataset } from "./src/model/validate.ts";',
    ].join("\n"),
    resolveDir: root,
    loader: "ts",
  },
  bundle: true,
  format: "esm",
  platform: "node",
  outfile: layoutFile,
  logLevel: "silent",
});
const L = await import(layoutFile);
const SIZES = [1000, 4000, 16000, 32000];
const oneSubject = (n) => {
  const d = claimsDataset(n);
  for (const c of d.claims) c.subject = "Troops deployed";
  return d;
};
const scaling = [
  { label: "figure comparison, one subject", make: oneSubject, run: (d) => L.layoutFigureComparison(d, L.resolveFigureComparisonOptions({}), WIDTH) },
  { label: "timeline", make: eventsDataset, run: (d) => L.layoutTimeline(d, L.resolveTimelineOptions({}), WIDTH) },
  { label: "promise tracker", make: promisesDataset, run: (d) => L.layoutPromiseTracker(d, L.resolvePromiseTrackerOptions({ asOf: "2025-08-16" }), WIDTH) },
].map((c) => {
  process.stderr.write(`bench: layout scaling, ${c.label}… `);
  const perRecord = SIZES.map((n) => {
    // A fresh dataset each round: the resolved and prepared forms are cached per dataset object.
    const times = Array.from({ length: 3 }, () => {
      const d = L.parseDataset(c.make(n));
      const t0 = performance.now();
      c.run(d);
      return performance.now() - t0;
    });
    return (median(times) / n) * 1000;
  });
  process.stderr.write(`${perRecord.map((x) => x.toFixed(1)).join(" / ")} µs per record\n`);
  return { ...c, perRecord, growth: perRecord[perRecord.length - 1] / perRecord[0] };
});

// 5. Report.
const byLabel = (l) => results.find((x) => x.label === l).r;
const t10k = byLabel("timeline, 10,000 events");
const t1k = byLabel("timeline, 1,000 events");
const targets = [
  { what: "timeline 10,000: first render ≤ 1.5× its floor", value: t10k.chart / t10k.floor, limit: 1.5, show: ratio(t10k.chart, t10k.floor) },
  { what: "timeline 10,000: first render ≤ 1.0× Plot", value: t10k.chart / t10k.plot, limit: 1.0, show: ratio(t10k.chart, t10k.plot) },
  { what: "timeline 1,000: resize re-layout ≤ 16 ms", value: t1k.resize, limit: 16, show: `${ms(t1k.resize)} ms` },
  { what: "claimline render (cold) ≤ 2.5× node -e 0", value: coldRender / nodeStart, limit: 2.5, show: ratio(coldRender, nodeStart) },
  ...scaling.map((c) => ({ what: `${c.label}: layout time per record flat from 1,000 to 32,000 (≤ 2× growth)`, value: c.growth, limit: 2, show: `${c.growth.toFixed(2)}×` })),
];

const head = ["case", "marks", "first render", "÷ floor", "÷ floor (all)", "÷ Plot", "resize", "floor (svg)", "floor (all)", "Plot"];
const rows = results.map(({ label, r }) => [label, String(r.marks), `${ms(r.chart)} ms`, ratio(r.chart, r.floor), ratio(r.chart, r.all), ratio(r.chart, r.plot), `${ms(r.resize)} ms`, `${ms(r.floor)} ms`, `${ms(r.all)} ms`, `${ms(r.plot)} ms`]);
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(`\nclaimline bench — Chromium ${chromiumVersion}, median of ${RUNS} runs after ${WARMUP} warm-ups, width ${WIDTH} px (resize to ${WIDTH2} px)\n`);
console.log(line(head));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of rows) console.log(line(row));
console.log(`\ncold \`claimline render ${cli[2]} --chart timeline\`: ${ms(coldRender)} ms (an empty \`node -e 0\`: ${ms(nodeStart)} ms), median of 5\n`);
for (const t of targets) console.log(`${t.value <= t.limit ? "  ok  " : "  MISS"}  ${t.what}: ${t.show}`);

const loadAfter = loadavg();
const load = (l) => l.map((x) => x.toFixed(2)).join(", ");
console.log(`load average (1, 5, 15 min): before ${load(loadBefore)}; after ${load(loadAfter)} on ${cpus().length} cores`);
const cpu = cpus();
const machine = `${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM, ${platform()} ${release()}`;
const versions = ["d3-array", "d3-time", "d3-dsv", "linkedom", "@observablehq/plot", "playwright-core", "esbuild"].map((p) => `${p} ${version(p)}`).join(", ");
const md = `# Benchmarks

Measured by \`npm run bench\` (scripts/bench.js, bench/harness.js, bench/datasets.js) on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${machine}
- Node ${process.versions.node}; Chromium ${chromiumVersion} (headless, \`--disable-gpu\`)
- Load average (1, 5, 15 min) before the run: ${load(loadBefore)}; after: ${load(loadAfter)} (${cpu.length} cores; a load above the core count means other work shared the CPU and every timing, the references included, is inflated)
- claimline ${JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version} (dist/claimline.min.js); ${versions}

## Method

Synthetic, deterministic datasets (bench/datasets.js). Each case runs ${WARMUP} warm-ups then ${RUNS} measured rounds in one page; the table shows medians. Every timing ends with a forced layout (\`getBoundingClientRect()\`).

- **first render** — \`Claimline.<chart>(container, dataset)\`: validation, layout, SVG, data table (built up front up to 250 rows; above that only its closed \`<details>\` and the summary that gives the row count, the table being built when a reader opens it), handle wiring, then layout.
- **resize** — \`handle.resize(${WIDTH2})\` on a chart drawn at ${WIDTH} px, the microtask redraw flushed, then layout.
- **floor (svg)** — assigning the chart's own final \`<svg>\` markup to a container's \`innerHTML\` as one string: the practical floor for drawing that picture.
- **floor (all)** — the same for everything the chart puts in its root (header, svg, detail card, data table as drawn — so, above 250 rows, without the unopened table's cells): the floor for the whole component.
- **Plot** — Observable Plot ${version("@observablehq/plot")} drawing the same records as \`Plot.dot(records, {x, y: lane}).plot({width: ${WIDTH}})\` (time or value on x, a category on y), appended to the page.

## Results

| ${head.join(" | ")} |
|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|
${rows.map((row) => `| ${row.join(" | ")} |`).join("\n")}

Cold \`node bin/claimline.js render ${cli[2]} --chart timeline\` (a fresh process, wall time, median of 5): **${ms(coldRender)} ms**; an empty \`node -e 0\` on the same machine: ${ms(nodeStart)} ms.

### Layout time per record as the data grows (Node, no DOM; median of 3; µs per record)

| layout | ${SIZES.map((n) => n.toLocaleString("en-US")).join(" | ")} | growth |
|---|${SIZES.map(() => "---:").join("|")}|---:|
${scaling.map((c) => `| ${c.label} | ${c.perRecord.map((x) => x.toFixed(1)).join(" | ")} | ${c.growth.toFixed(2)}× |`).join("\n")}

## Targets

| target | measured | |
|---|---:|---|
${targets.map((t) => `| ${t.what} | ${t.show} | ${t.value <= t.limit ? "met" : "**missed**"} |`).join("\n")}
`;
// Hand-written notes (profiles, before/after comparisons, leak-test results) live under NOTES and survive a run.
const NOTES = "\n## Notes (kept across runs)\n";
const previous = existsSync(join(root, "BENCHMARKS.md")) ? readFileSync(join(root, "BENCHMARKS.md"), "utf8") : "";
const notes = previous.includes(NOTES) ? previous.slice(previous.indexOf(NOTES)) : "";
if (!args["no-write"]) {
  writeFileSync(join(root, "BENCHMARKS.md"), md + notes);
  console.log("\nbench: wrote BENCHMARKS.md");
}
if (args.check && targets.some((t) => t.value > t.limit)) process.exit(1);
