#!/usr/bin/env node
/**
 * Accessibility-tree transcripts (issue 17): what Chromium gives a screen reader for each chart's seed story,
 * written to docs/a11y-transcripts/<chart>.txt to be read end to end. Run after `npm run build`:
 *
 *   node scripts/a11y-transcript.js [--width 1200]     (default: 1200 and 320 px)
 *
 * Each file has two parts:
 *   1. Browse mode: the chart's accessibility tree (CDP Accessibility.getFullAXTree) in page order, one line per
 *      node a screen reader reads — role, name, description, state — indented by depth; unnamed generic
 *      containers and ignored nodes are left out (their children are kept); text already said as its parent's
 *      name is not repeated.
 *   2. Keyboard: the announcement after each key press (the focused node's role, name and description), from
 *      Tab into the chart, ArrowRight over every mark, then Up to the groups, Right across them, Up to the chart.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "./serve.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "docs", "a11y-transcripts");
const widthArg = process.argv.indexOf("--width");
/** 1,200 px → <chart>.txt; 320 px (the clusters and the narrow layout) → <chart>-320.txt. */
const WIDTHS = widthArg > 0 ? [Number(process.argv[widthArg + 1])] : [1200, 320];
const seeds = JSON.parse(readFileSync(join(root, "examples", "data", "seeds.json"), "utf8"));
const STORIES = [
  { chart: "timeline", factory: "timeline", file: "timeline.stories.js" },
  { chart: "promise-tracker", factory: "promiseTracker", file: "promise-tracker.stories.js" },
  { chart: "figure-comparison", factory: "figureComparison", file: "figure-comparison.stories.js" },
  // Every seed figure: several subjects and the single claims, so several groups to read.
  { chart: "figure-comparison", factory: "figureComparison", file: "figure-comparison.stories.js", story: "AllSeeds", suffix: "-all-seeds" },
];
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimline transcript</title><script src="/dist/claimline.min.js"></script></head><body><main><div id="chart"></div></main></body></html>`;

const { server, url: base } = await startServer(0);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"], headless: true });
mkdirSync(out, { recursive: true });

const clip = (s, n = 400) => (s.length > n ? `${s.slice(0, n)}…` : s);
const STATES = ["focusable", "focused", "expanded", "pressed", "hidden", "level", "sort"];

/** One node's line: role "name" — description [states]. */
function line(n) {
  const role = n.role?.value ?? "";
  const name = n.name?.value ?? "";
  const desc = n.description?.value ?? "";
  const props = (n.properties ?? []).filter((p) => STATES.includes(p.name) && p.value?.value !== false && p.value?.value !== "none").map((p) => (p.value?.value === true ? p.name : `${p.name}=${p.value?.value}`));
  return `${role}${name ? ` "${clip(name)}"` : ""}${desc ? ` — ${clip(desc)}` : ""}${props.length ? ` [${props.join(", ")}]` : ""}`;
}

async function tree(cdp, page) {
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const { result } = await cdp.send("Runtime.evaluate", { expression: "document.querySelector('[data-claimline-chart]')" });
  const { node } = await cdp.send("DOM.describeNode", { objectId: result.objectId });
  const start = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
  const lines = [];
  const walk = (n, depth, parentName) => {
    const role = n.role?.value ?? "";
    const name = n.name?.value ?? "";
    let shown = !n.ignored && role !== "InlineTextBox" && !(["generic", "none", "LineBreak"].includes(role) && !name);
    if (role === "StaticText" && parentName && parentName.includes(name.trim())) shown = false;
    if (shown) lines.push(`${"  ".repeat(depth)}${role === "StaticText" ? `text "${clip(name)}"` : line(n)}`);
    for (const c of n.childIds ?? []) {
      const child = byId.get(c);
      if (child) walk(child, shown ? depth + 1 : depth, shown && role !== "StaticText" ? name : parentName);
    }
  };
  if (start) walk(start, 0, "");
  return { lines, nodes };
}

async function focused(cdp) {
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  // The document is "focused" too: the focused element is the last focused node that is not the page.
  const f = nodes.filter((n) => n.role?.value !== "RootWebArea" && (n.properties ?? []).some((p) => p.name === "focused" && p.value?.value === true)).pop();
  return f ? line(f).replace(/ \[.*\]$/, "") : "(nothing focused in the chart)";
}

for (const WIDTH of WIDTHS)
for (const s of STORIES) {
  const mod = await import(pathToFileURL(join(root, "examples", "stories", s.file)).href);
  const story = mod[s.story ?? "Default"];
  const args = { ...(mod.default.args ?? {}), ...(story.args ?? {}) };
  const id = story.parameters?.claimline?.id ?? s.chart;
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.route(`${base}/examples/__transcript.html`, (r) => r.fulfill({ contentType: "text/html", body: PAGE }));
  await page.goto(`${base}/examples/__transcript.html`);
  await page.evaluate(({ factory, data, options }) => void window.Claimline[factory](document.getElementById("chart"), data, options), { factory: s.factory, data: seeds, options: args });
  await page.waitForSelector("[data-claimline-chart] > svg [data-id]");
  await page.waitForTimeout(200);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Accessibility.enable");
  await cdp.send("DOM.enable");
  const browse = (await tree(cdp, page)).lines;

  // Keyboard: Tab from the page into the chart, then the arrows.
  const keys = [];
  const press = async (key) => {
    await page.keyboard.press(key);
    keys.push(`[${key}] ${await focused(cdp)}`);
  };
  await page.evaluate(() => document.body.focus());
  for (let i = 0; i < 12; i++) {
    await press("Tab");
    if (await page.evaluate(() => document.activeElement?.hasAttribute("data-id"))) break;
  }
  const marks = await page.evaluate(() => new Set([...document.querySelectorAll("[data-claimline-chart] > svg [data-id]")].map((m) => m.getAttribute("data-id"))).size);
  for (let i = 1; i < marks; i++) await press("ArrowRight");
  await press("ArrowUp");
  const groups = await page.evaluate(() => document.querySelectorAll("[data-claimline-chart] > svg [data-nav]").length);
  await press("Home");
  for (let i = 1; i < groups; i++) await press("ArrowRight");
  await press("ArrowDown");
  await press("ArrowUp");
  await press("ArrowUp");
  await press("ArrowDown");
  await press("Enter");
  await press("Escape");

  const text = [
    `Accessibility transcript: ${s.chart}, story "${id}" (${story.name}), ${WIDTH} px, light theme, Chromium.`,
    `Written by scripts/a11y-transcript.js from Chromium's accessibility tree (what a screen reader is given). Regenerate after \`npm run build\`.`,
    "",
    "1. Browse mode: the chart's accessibility tree in page order",
    "",
    ...browse,
    "",
    "2. Keyboard: what is announced after each key",
    "",
    ...keys,
    "",
  ].join("\n");
  const file = `${s.chart}${s.suffix ?? ""}${WIDTH === 1200 ? "" : `-${WIDTH}`}.txt`;
  writeFileSync(join(out, file), text);
  console.log(`docs/a11y-transcripts/${file}: ${browse.length} tree lines, ${keys.length} key presses`);
  await context.close();
}
await browser.close();
server.close();
