#!/usr/bin/env node
/**
 * The Chartability measurement suite (issue 17), in real Chromium. For each chart's seed story at 320 and
 * 1,200 px, in the light theme, the dark theme and forced colours (`emulateMedia({ forcedColors: "active" })`),
 * it measures rather than trusts:
 *   - text: every visible glyph run at ≥ 12 px and ≥ 4.5:1 against what is behind it (3:1 when large);
 *   - marks: every shape of a mark, and every band, ≥ 3:1 by its fill or its outline;
 *   - focus rings on every mark, group node, the chart and every control: ≥ 3:1 and ≥ 2 px;
 *   - touch targets at 320 px: every mark's hit area and every control ≥ 44 × 44 px;
 *   - a visible title and summary;
 *   - axe-core clean on the chart with a detail card shown and the data table open;
 *   - the marks' page (DOM) order equals their arrow-key order;
 *   - each mark's name the same at 320 and 1,200 px;
 *   - the keyboard tree: Up from a mark reaches its group ("Overdue, group 3 of 4, 10 promises"), Right the
 *     next group, Up the chart, Down back into the group; Escape and Close return focus to the mark; the card
 *     is not a live region (an arrow press announces the mark's name only).
 * Prints the numbers per configuration; exits 1 on any failure. Run after `npm run build`.
 * `--only <word>` runs the configurations whose name contains the word.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { colourMaths } from "./colour.js";
import { startServer } from "../../scripts/serve.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const onlyArg = process.argv.indexOf("--only");
const only = onlyArg > 0 ? process.argv[onlyArg + 1] : null;

if (!existsSync(join(root, "dist", "claimline.min.js"))) {
  console.error("tests/browser/a11y: dist/claimline.min.js is missing; run `npm run build` first");
  process.exit(1);
}
const axeSource = readFileSync(join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");
const seeds = JSON.parse(readFileSync(join(root, "examples", "data", "seeds.json"), "utf8"));

/** The seed story of each chart: its CSF file's first-listed default story's args. */
const STORIES = [
  { chart: "timeline", factory: "timeline", file: "timeline.stories.js", story: "Default" },
  { chart: "promise-tracker", factory: "promiseTracker", file: "promise-tracker.stories.js", story: "Default" },
  { chart: "figure-comparison", factory: "figureComparison", file: "figure-comparison.stories.js", story: "Default" },
];
for (const s of STORIES) {
  const mod = await import(pathToFileURL(join(root, "examples", "stories", s.file)).href);
  s.args = { ...(mod.default.args ?? {}), ...(mod[s.story].args ?? {}) };
  s.id = mod[s.story].parameters?.claimline?.id ?? s.chart;
}
const WIDTHS = [320, 1200];
const MODES = [
  { name: "light", theme: "light", media: { colorScheme: "light", forcedColors: "none" } },
  { name: "dark", theme: "dark", media: { colorScheme: "dark", forcedColors: "none" } },
  { name: "forced", theme: "light", media: { colorScheme: "light", forcedColors: "active" } },
  // High contrast on a dark system palette (Windows "Night sky"): the dark theme under forced colours.
  { name: "forced-dark", theme: "dark", media: { colorScheme: "dark", forcedColors: "active" } },
];

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimline accessibility measurements</title><script src="/dist/claimline.min.js"></script></head>
<body><main><h1>Chart under test</h1><div id="chart"></div></main></body></html>`;

// ---- in-page measurements ---------------------------------------------------------------------------

/** Installed once per page as window.__m (after window.__colour, tests/browser/colour.js): the measurements that need no key presses. */
const HELPERS = () => {
  const { parse, blend, ratio } = window.__colour;
  const chart = () => document.querySelector("[data-claimline-chart]");
  const svgRoot = () => chart().querySelector(":scope > svg");
  /** The opaque colour behind an HTML element: the first ancestor background that is not transparent. */
  const backdrop = (el) => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return parse(getComputedStyle(document.body).backgroundColor) ?? { r: 255, g: 255, b: 255, a: 1 };
  };
  const chartBg = () => backdrop(chart());
  /** The product of opacity from an SVG element up to the chart. */
  const opacityOf = (el) => {
    let o = 1;
    for (let e = el; e && e !== chart(); e = e.parentElement) o *= Number(getComputedStyle(e).opacity || 1);
    return o;
  };
  const shown = (el) => {
    if (el.closest('[display="none"]')) return false;
    const cs = getComputedStyle(el);
    if (cs.display === "none" || cs.visibility === "hidden") return false;
    const r = el.getBoundingClientRect();
    // A line has no height (or no width).
    return /^(line|polyline)$/i.test(el.tagName) ? r.width + r.height > 1 : r.width > 1 && r.height > 1;
  };
  /** The effective colour of an SVG paint (fill or stroke) over the chart's background. */
  const paint = (el, which) => {
    const cs = getComputedStyle(el);
    const c = parse(cs[which]);
    if (!c || c.a === 0) return null;
    if (which === "stroke" && parseFloat(cs.strokeWidth) < 1) return null;
    const a = c.a * Number(which === "fill" ? cs.fillOpacity : cs.strokeOpacity) * opacityOf(el);
    const bg = chartBg();
    return { ratio: ratio(blend(c, bg, a), bg), width: which === "stroke" ? parseFloat(cs.strokeWidth) : null };
  };
  const describe = (el) => {
    const id = el.closest("[data-id]")?.getAttribute("data-id");
    const cl = el.getAttribute("class") ?? "";
    return `${el.tagName.toLowerCase()}${cl ? "." + cl.split(/\s+/)[0].replace("claimline-v1-", "") : ""}${id ? ` in ${id}` : ""}${el.textContent?.trim() ? ` "${el.textContent.trim().slice(0, 30)}"` : ""}`;
  };

  return {
    ratio,
    parse,
    chartBg,
    describe,
    /** Every visible text run: its size, its contrast (SVG text: fill over the chart; HTML: colour over its backdrop). */
    text() {
      const out = [];
      const node = chart();
      for (const t of node.querySelectorAll("svg text")) {
        if (!t.textContent.trim() || !shown(t)) continue;
        const cs = getComputedStyle(t);
        const size = parseFloat(cs.fontSize);
        const f = paint(t, "fill");
        // A text over a highlight box or a panel: its backdrop is that box.
        const box = t.closest("[data-id]")?.querySelector(".claimline-v1-fc-highlight-bg,.claimline-v1-pt-highlight-bg");
        let contrast = f?.ratio ?? 0;
        if (box && f) {
          const c = parse(cs.fill);
          const bg = blend(parse(getComputedStyle(box).fill), chartBg(), Number(getComputedStyle(box).fillOpacity));
          contrast = Math.min(contrast, ratio(blend(c, bg, c.a * Number(cs.fillOpacity) * opacityOf(t)), bg));
        }
        const bold = Number(cs.fontWeight) >= 700;
        out.push({ what: describe(t), size, contrast, need: size >= 24 || (bold && size >= 18.66) ? 3 : 4.5 });
      }
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!n.nodeValue.trim() || !el || el.closest("svg") || !shown(el)) continue;
        const cs = getComputedStyle(el);
        const size = parseFloat(cs.fontSize);
        const c = parse(cs.color);
        const bg = backdrop(el);
        const bold = Number(cs.fontWeight) >= 700;
        out.push({ what: `${el.tagName.toLowerCase()} "${n.nodeValue.trim().slice(0, 30)}"`, size, contrast: c ? ratio(blend(c, bg, c.a * Number(cs.opacity)), bg) : 0, need: size >= 24 || (bold && size >= 18.66) ? 3 : 4.5 });
      }
      return out;
    },
    /** Every shape of every mark, and every band: the better of its fill and its outline against the chart. */
    marks() {
      const out = [];
      const root = svgRoot();
      const shapes = root.querySelectorAll("[data-id] :is(path,circle,rect,line,polyline,polygon,ellipse), :is(.claimline-v1-fc-band,.claimline-v1-tl-back) :is(rect,path,line)");
      const best = (s) => Math.max(paint(s, "fill")?.ratio ?? 0, paint(s, "stroke")?.ratio ?? 0);
      for (const s of shapes) {
        // Hit areas and highlight boxes are not marks; a glyph drawn in the background colour on its icon is read against
        // the icon; a row's dotted guide to its mark is a gridline (non-data ink, exempt like the grid).
        if (s.matches(".claimline-v1-focus, .claimline-v1-focus *, .claimline-v1-fc-highlight-bg, .claimline-v1-pt-highlight-bg, .claimline-v1-tl-panel, .claimline-v1-pt-glyph, .claimline-v1-fc-guide") || !shown(s)) continue;
        if (s.closest(".claimline-v1-tl-back") && !/band/.test(s.getAttribute("class") ?? "")) continue;
        let contrast = best(s);
        // A band is outlined: its fill may be light when its edges stand out.
        const band = s.closest(".claimline-v1-fc-band");
        if (band && s.tagName === "rect") contrast = Math.max(contrast, ...[...band.querySelectorAll(".claimline-v1-fc-band-edge")].filter(shown).map(best));
        out.push({ what: describe(s), contrast });
      }
      // The legend's keys are read against the chart too (a band's key outlined like the band).
      for (const s of chart().querySelectorAll(".claimline-v1-legend svg :is(path,circle,rect,line,polyline)")) {
        if (!shown(s) || s.matches(".claimline-v1-pt-glyph")) continue;
        out.push({ what: `legend ${describe(s)} "${s.closest("li")?.textContent.trim().slice(0, 30)}"`, contrast: best(s) });
      }
      return out;
    },
    /** Marks in page order (the first element per id) and their names. */
    marksInOrder() {
      const ids = [];
      const names = {};
      for (const m of svgRoot().querySelectorAll("[data-id]")) {
        const id = m.getAttribute("data-id");
        if (id in names) continue;
        ids.push(id);
        names[id] = m.getAttribute("aria-label") ?? "";
      }
      return { ids, names };
    },
    /** The focused element's ring: an outline (HTML, the svg) or the stroke of its focus / group rect. */
    ring() {
      const a = document.activeElement;
      if (!a || !chart().contains(a)) return { what: "outside", width: 0, contrast: 0 };
      const rect = a.matches("[data-id]") ? a.querySelector(".claimline-v1-focus") : a.matches("[data-nav]") ? a.querySelector(".claimline-v1-nav-ring") : null;
      if (rect) {
        const cs = getComputedStyle(rect);
        const c = parse(cs.stroke);
        const visible = cs.visibility !== "hidden" && c && c.a > 0;
        return { what: describe(a), width: visible ? parseFloat(cs.strokeWidth) : 0, contrast: visible ? ratio(blend(c, chartBg(), c.a * Number(cs.strokeOpacity)), chartBg()) : 0 };
      }
      const cs = getComputedStyle(a);
      const c = parse(cs.outlineColor);
      const width = cs.outlineStyle === "none" ? 0 : parseFloat(cs.outlineWidth);
      // The ring sits outside the control (outline-offset ≥ 0): against what is around it.
      const bg = backdrop(a.parentElement ?? a);
      return { what: describe(a), width, contrast: c ? ratio(blend(c, bg, c.a), bg) : 0 };
    },
    /** Hit areas: each mark's largest focus rect (its touch target) and every control's box. */
    targets() {
      const out = [];
      const seen = new Set();
      for (const m of svgRoot().querySelectorAll("[data-id]")) {
        const id = m.getAttribute("data-id");
        if (seen.has(id)) continue;
        seen.add(id);
        let w = 0;
        let h = 0;
        const rects = [...m.querySelectorAll(".claimline-v1-focus")].filter((r) => !r.closest('[display="none"]'));
        for (const r of rects.length ? rects : [m]) {
          const b = r.getBoundingClientRect();
          if (b.width * b.height > w * h) [w, h] = [b.width, b.height];
        }
        out.push({ what: `mark ${id}`, w, h });
      }
      for (const c of chart().querySelectorAll("button, summary, a[href], .claimline-v1-table-scroll")) {
        if (!shown(c)) continue;
        const b = c.getBoundingClientRect();
        out.push({ what: describe(c), w: b.width, h: b.height });
      }
      return out;
    },
    /** Title and summary: present, on screen, not clipped to a pixel. */
    chrome() {
      const vis = (sel) => {
        const el = chart().querySelector(sel);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return r.width > 20 && r.height >= 12 && getComputedStyle(el).visibility !== "hidden" ? el.textContent.trim() : null;
      };
      return { title: vis(".claimline-v1-headline"), summary: vis(".claimline-v1-summary") };
    },
  };
};

// ---- the run -----------------------------------------------------------------------------------------

const { server, url: base } = await startServer(0);
const browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
const results = [];
let failures = 0;

function report(name, ms, fails, notes) {
  failures += fails.length;
  results.push({ name, fails });
  console.log(`${fails.length ? "FAIL" : "ok  "} ${name} (${ms} ms) — ${notes.join("; ")}`);
  for (const f of fails.slice(0, 12)) console.log(`       ✗ ${f}`);
  if (fails.length > 12) console.log(`       … and ${fails.length - 12} more`);
}

async function openChart(story, width, mode) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.route(`${base}/examples/__a11y.html`, (route) => route.fulfill({ contentType: "text/html", body: PAGE }));
  await page.emulateMedia(mode.media);
  await page.goto(`${base}/examples/__a11y.html`);
  await page.evaluate(
    ({ factory, data, options }) => {
      window.handle = window.Claimline[factory](document.getElementById("chart"), data, options);
    },
    { factory: story.factory, data: seeds, options: { ...story.args, theme: mode.theme } },
  );
  await page.waitForSelector("[data-claimline-chart] > svg [data-id]", { timeout: 15000 });
  await page.evaluate(`(${colourMaths})(); window.__m = (${HELPERS})()`);
  return { page, errors, close: () => context.close() };
}

const fmt = (v) => (Number.isFinite(v) ? (Math.round(v * 100) / 100).toString() : String(v));
const names = {};

for (const story of STORIES) {
  for (const width of WIDTHS) {
    for (const mode of MODES) {
      const name = `${story.chart}/${story.id} ${width} px ${mode.name}`;
      if (only && !name.includes(only)) continue;
      const started = Date.now();
      const fails = [];
      const notes = [];
      const { page, errors, close } = await openChart(story, width, mode);
      try {
        // Title, summary, text, marks.
        const chrome = await page.evaluate(() => window.__m.chrome());
        if (!chrome.title) fails.push("no visible title");
        if (!chrome.summary) fails.push("no visible summary");
        // Read once: the summary and the keyboard instructions each once in what a screen reader is given.
        const cdp = await page.context().newCDPSession(page);
        const { nodes } = await cdp.send("Accessibility.getFullAXTree");
        const help = await page.evaluate(() => document.querySelector("[data-claimline-chart] .claimline-v1-help")?.textContent ?? "");
        const said = (t) => nodes.filter((n) => !n.ignored && n.role?.value !== "InlineTextBox" && [n.name?.value, n.description?.value].includes(t)).length;
        const times = { summary: said(chrome.summary ?? ""), help: said(help) };
        if (times.summary !== 1) fails.push(`the summary is read ${times.summary} times`);
        if (times.help !== 1) fails.push(`the keyboard instructions are read ${times.help} times`);
        await cdp.detach();
        const text = await page.evaluate(() => window.__m.text());
        const small = text.filter((t) => t.size < 12);
        const faint = text.filter((t) => t.contrast < t.need);
        for (const t of small.slice(0, 5)) fails.push(`text ${t.size} px: ${t.what}`);
        if (small.length > 5) fails.push(`…${small.length} text runs under 12 px in all`);
        for (const t of faint.slice(0, 5)) fails.push(`text contrast ${fmt(t.contrast)}:1 < ${t.need}: ${t.what}`);
        if (faint.length > 5) fails.push(`…${faint.length} text runs under their contrast in all`);
        notes.push(`text ${text.length} runs, min ${fmt(Math.min(...text.map((t) => t.size)))} px, min ${fmt(Math.min(...text.map((t) => t.contrast / t.need * 4.5)))}:1`);
        const marks = await page.evaluate(() => window.__m.marks());
        const weak = marks.filter((m) => m.contrast < 3);
        for (const m of weak.slice(0, 5)) fails.push(`mark contrast ${fmt(m.contrast)}:1 < 3: ${m.what}`);
        if (weak.length > 5) fails.push(`…${weak.length} shapes under 3:1 in all`);
        notes.push(`shapes ${marks.length}, min ${fmt(Math.min(...marks.map((m) => m.contrast)))}:1`);

        // Names, page order, arrow order and every mark's ring.
        const { ids, names: nm } = await page.evaluate(() => window.__m.marksInOrder());
        (names[story.chart] ??= {})[`${width} ${mode.name}`] = nm;
        await page.focus("[data-claimline-chart] > svg [data-id][tabindex='0']");
        // A key press first: the focus rings are the keyboard's (:focus-visible).
        await page.keyboard.press("ArrowLeft");
        const arrow = [];
        const rings = [];
        for (let i = 0; i <= ids.length; i++) {
          const s = await page.evaluate(() => ({ id: document.activeElement?.getAttribute("data-id"), ring: window.__m.ring(), live: !!document.querySelector("[data-claimline-chart] [aria-live]:not([aria-live=off])") }));
          if (!s.id || arrow.includes(s.id)) break;
          arrow.push(s.id);
          rings.push(s.ring);
          if (s.live) fails.push("a live region in the chart: an arrow press would announce more than the mark's name");
          await page.keyboard.press("ArrowRight");
        }
        if (arrow.length !== ids.length) fails.push(`ArrowRight reached ${arrow.length} of ${ids.length} marks`);
        const outOfOrder = ids.filter((id, i) => arrow[i] !== id).length;
        if (outOfOrder) fails.push(`page order ≠ arrow order: ${outOfOrder} of ${ids.length} marks differ (page: ${ids.slice(0, 6).join(", ")}…; arrows: ${arrow.slice(0, 6).join(", ")}…)`);
        notes.push(`${ids.length} marks, page order ${outOfOrder ? "differs" : "= arrow order"}`);

        // The keyboard instructions are shown while the chart has focus: on screen, at least 12 px.
        const shownHelp = await page.evaluate(() => {
          const h = document.querySelector("[data-claimline-chart] .claimline-v1-help");
          const r = h?.getBoundingClientRect();
          return h && r ? { w: r.width, h: r.height, size: parseFloat(getComputedStyle(h).fontSize) } : null;
        });
        if (!shownHelp || shownHelp.w < 100 || shownHelp.h < 12 || shownHelp.size < 12) fails.push(`keyboard instructions not shown on focus: ${JSON.stringify(shownHelp)}`);
        // The tree: Up from a mark to its group, Down back to that mark; Up, Right to the next group; Up to the chart; Down to the first group.
        const active = () => page.evaluate(() => ({ id: document.activeElement?.getAttribute("data-id"), nav: document.activeElement?.getAttribute("data-nav"), chart: document.activeElement === document.querySelector("[data-claimline-chart] > svg"), label: document.activeElement?.getAttribute("aria-label"), ring: window.__m.ring() }));
        await page.focus(`[data-claimline-chart] > svg [data-id="${arrow[0]}"]`);
        await page.keyboard.press("ArrowUp");
        const g1 = await active();
        if (g1.nav == null || !/^.+, \S+ \d+ \S+ \d+, .+$/.test(g1.label ?? "")) fails.push(`ArrowUp from a mark: expected its group, got ${JSON.stringify(g1.label)}`);
        rings.push(g1.ring);
        await page.keyboard.press("ArrowDown");
        const down = await active();
        if (down.id !== arrow[0]) fails.push(`ArrowDown from the group: expected the mark it came from (${arrow[0]}), got ${down.id ?? down.label}`);
        await page.keyboard.press("ArrowUp");
        await page.keyboard.press("ArrowRight");
        const g2 = await active();
        const groups = await page.evaluate(() => document.querySelectorAll("[data-claimline-chart] > svg [data-nav]").length);
        if (g2.nav !== String(Math.min(groups - 1, Number(g1.nav) + 1))) fails.push(`ArrowRight from group ${g1.nav}: got ${g2.nav ?? g2.label}`);
        await page.keyboard.press("ArrowUp");
        const top = await active();
        if (!top.chart) fails.push("ArrowUp from a group does not reach the chart");
        rings.push(top.ring);
        await page.keyboard.press("ArrowDown");
        const first = await active();
        if (first.nav !== "0") fails.push(`ArrowDown from the chart: expected the first group, got ${first.label}`);
        await page.keyboard.press("End");
        const end = await active();
        if (end.nav !== String(groups - 1)) fails.push(`End among the groups: got ${end.label}`);
        notes.push(`tree of ${groups} groups: "${g1.label}" → "${g2.label}"`);
        // Back to the first mark for what follows.
        await page.focus(`[data-claimline-chart] > svg [data-id="${arrow[0]}"]`);
        const back = arrow[0];

        // Escape and Close give focus back to the mark; the card is shown (pinned) for axe.
        await page.keyboard.press("Enter");
        await page.keyboard.press("Escape");
        const esc = await page.evaluate(() => document.activeElement?.getAttribute("data-id"));
        if (esc !== back) fails.push(`Escape left focus on ${esc ?? document.activeElement}, not the mark`);
        await page.keyboard.press("Enter");
        await page.click("[data-claimline-chart] .claimline-v1-close");
        const closed = await page.evaluate(() => document.activeElement?.getAttribute("data-id"));
        if (closed !== back) fails.push(`Close left focus on ${closed}, not the mark`);

        // Open the table, then Tab through every control (the card open: its Close button too).
        await page.click("[data-claimline-chart] details.claimline-v1-data > summary");
        await page.focus("[data-claimline-chart] > svg [data-id][tabindex='0']");
        await page.keyboard.press("Enter");
        for (let i = 0; i < 40; i++) {
          await page.keyboard.press("Tab");
          const r = await page.evaluate(() => window.__m.ring());
          if (r.what === "outside") break;
          rings.push(r);
        }
        const badRings = rings.filter((r) => r.width < 2 || r.contrast < 3);
        for (const r of badRings.slice(0, 6)) fails.push(`focus ring ${fmt(r.width)} px, ${fmt(r.contrast)}:1: ${r.what}`);
        notes.push(`${rings.length} focus rings, min ${fmt(Math.min(...rings.map((r) => r.width)))} px, ${fmt(Math.min(...rings.map((r) => r.contrast)))}:1`);

        // axe with the card shown and the table open.
        await page.focus("[data-claimline-chart] > svg [data-id][tabindex='0']");
        await page.keyboard.press("Enter");
        const state = await page.evaluate(() => ({ card: !document.querySelector("[data-claimline-chart] .claimline-v1-detail").hidden, table: document.querySelector("[data-claimline-chart] details.claimline-v1-data").open }));
        if (!state.card || !state.table) fails.push(`axe state: card shown ${state.card}, table open ${state.table}`);
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const r = await window.axe.run("[data-claimline-chart]", { resultTypes: ["violations"] });
          return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
        });
        for (const v of violations) fails.push(`axe ${v}`);
        notes.push(`axe ${violations.length} violations`);

        // Touch targets at 320 px: card and table open, so every control is there to measure.
        if (width === 320) {
          const targets = await page.evaluate(() => window.__m.targets());
          const tiny = targets.filter((t) => t.w < 43.5 || t.h < 43.5);
          for (const t of tiny.slice(0, 8)) fails.push(`target ${fmt(t.w)}×${fmt(t.h)} px: ${t.what}`);
          if (tiny.length > 8) fails.push(`…${tiny.length} of ${targets.length} targets under 44×44 in all`);
          notes.push(`${targets.length} targets, ${tiny.length} under 44×44, min ${fmt(Math.min(...targets.map((t) => Math.min(t.w, t.h))))} px`);
        }
        // The table sorts by a column (aria-sort on its header, by keyboard) and downloads the records as CSV.
        if (width === 1200 && mode.name === "light") {
          const sortBy = async () => {
            await page.focus("[data-claimline-chart] th:nth-child(2) [data-sort]");
            await page.keyboard.press("Enter");
            return page.evaluate(() => {
              const th = document.querySelector("[data-claimline-chart] th:nth-child(2)");
              return { sort: th.getAttribute("aria-sort"), cells: [...document.querySelectorAll("[data-claimline-chart] tbody tr")].map((r) => r.cells[1]?.textContent ?? "") };
            });
          };
          const up = await sortBy();
          const down = await sortBy();
          if (up.sort !== "ascending" || down.sort !== "descending") fails.push(`sort by the second column: aria-sort ${up.sort}, then ${down.sort}`);
          if (up.cells.join("|") !== [...down.cells].reverse().join("|") && new Set(up.cells).size === up.cells.length) fails.push("descending is not ascending reversed");
          const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-claimline-chart] [data-download]")]);
          const csv = readFileSync(await download.path(), "utf8");
          const rows = csv.trim().split(/\r?\n/).length - 1;
          if (download.suggestedFilename() !== `${story.chart}.csv` || rows < ids.length) fails.push(`download: ${download.suggestedFilename()}, ${rows} rows for ${ids.length} marks`);
          notes.push(`table sorts (aria-sort ${up.sort}/${down.sort}), CSV ${download.suggestedFilename()} with ${rows} rows`);
        }
        // A redraw (a resize) keeps a focused group focused, and the tab stop on it.
        await page.focus(`[data-claimline-chart] > svg [data-id="${arrow[0]}"]`);
        await page.keyboard.press("ArrowUp");
        const wasGroup = await page.evaluate(() => document.activeElement?.getAttribute("data-nav"));
        await page.evaluate((w) => window.handle.resize(w), width - 20);
        await page.waitForFunction((w) => Number(document.querySelector("[data-claimline-chart] > svg")?.getAttribute("width")) <= w, width - 20);
        const kept = await page.evaluate(() => ({ nav: document.activeElement?.getAttribute("data-nav"), stop: document.activeElement?.getAttribute("tabindex") }));
        if (kept.nav !== wasGroup || kept.stop !== "0") fails.push(`after a resize, focus is on ${JSON.stringify(kept)}, not group ${wasGroup} as the tab stop`);
        // A zoom choice pressed (selected): its words against its own background, in every mode.
        if (await page.$("[data-claimline-chart] button[data-zoom]")) {
          await page.click("[data-claimline-chart] button[data-zoom]:last-of-type");
          await page.waitForSelector("[data-claimline-chart] button[data-zoom][aria-pressed=true]");
          const pressed = await page.evaluate(() => window.__m.text().filter((t) => t.what.startsWith("button")));
          for (const t of pressed.filter((t) => t.contrast < t.need)) fails.push(`zoom button text ${fmt(t.contrast)}:1: ${t.what}`);
          notes.push(`zoom buttons min ${fmt(Math.min(...pressed.map((t) => t.contrast)))}:1 with one pressed`);
        }
        for (const e of errors) fails.push(`console: ${e}`);
      } catch (err) {
        fails.push(String(err?.stack ?? err).split("\n").slice(0, 3).join(" | "));
      }
      await close();
      report(name, Date.now() - started, fails, notes);
    }
  }
  // Names: the same at every width (and in every theme).
  const seen = names[story.chart] ?? {};
  const keys = Object.keys(seen);
  if (keys.length > 1) {
    const fails = [];
    const [first, ...rest] = keys;
    for (const k of rest) {
      for (const [id, n] of Object.entries(seen[first])) if (seen[k][id] !== undefined && seen[k][id] !== n) fails.push(`${id}: "${n}" (${first}) ≠ "${seen[k][id]}" (${k})`);
      const a = Object.keys(seen[first]).sort().join();
      const b = Object.keys(seen[k]).sort().join();
      if (a !== b) fails.push(`different marks at ${first} and ${k}`);
    }
    report(`${story.chart}: names the same at ${keys.join(", ")}`, 0, fails, [`${Object.keys(seen[first]).length} names compared across ${keys.length} views`]);
  }
}

await browser.close();
server.close();
const failed = results.filter((r) => r.fails.length);
console.log(`\n${results.length - failed.length} of ${results.length} accessibility checks pass${failed.length ? `; failing: ${failed.map((r) => r.name).join(", ")}` : ""}`);
process.exit(failures ? 1 : 0);
