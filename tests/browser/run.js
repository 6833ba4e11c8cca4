#!/usr/bin/env node
/**
 * Browser tests in real Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core). Run after `npm run build` (`npm test` does both):
 *
 *   1. every story of every gallery page loads with no console error, draws
 *      its marks (or its message / its validation problems), passes axe-core,
 *      and is screenshotted to tests/artifacts/screens/<page>-<story>.png;
 *   2. keyboard: from the first mark, ArrowRight reaches every mark and each
 *      shows its detail card;
 *   3. resize: the chart re-lays out when the viewport goes 1200 → 320 px;
 *   4. the script-tag embed (two copies of the script, no double render),
 *      the custom element (attribute changes, removal), the iframe embed
 *      (pym height messages, shrinking too), the strict-CSP page, the hidden
 *      tab, the server-rendered page (readable without JavaScript, enhanced
 *      in place), and destroy() leaving no listeners or observers.
 *
 * Prints a summary; exits 1 on any failure. `--only <word>` runs the checks
 * whose name contains the word (`--only 'a|b'`: either word). CHROMIUM=/path overrides the browser.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { colourMaths } from "./colour.js";
import { claimsDataset, eventsDataset, promisesDataset } from "../../bench/datasets.js";
import { startServer } from "../../scripts/serve.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const screens = join(root, "tests", "artifacts", "screens");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const CHARTS = ["figure-comparison", "timeline", "promise-tracker"];
const onlyArg = process.argv.indexOf("--only");
const only = onlyArg > 0 ? process.argv[onlyArg + 1] : null;

// ---- setup --------------------------------------------------------------------

if (!existsSync(join(root, "dist", "claimline.min.js"))) {
  console.error("tests/browser: dist/claimline.min.js is missing; run `npm run build` first");
  process.exit(1);
}
if (!existsSync(executablePath)) {
  console.error(`tests/browser: no Chromium at ${executablePath}; install it (apt-get install chromium, or .ci/run) or set CHROMIUM`);
  process.exit(1);
}
const built = spawnSync(process.execPath, [join(root, "scripts", "build-static.js")], { stdio: "inherit" });
if (built.status !== 0) {
  console.error("tests/browser: scripts/build-static.js failed");
  process.exit(1);
}
mkdirSync(screens, { recursive: true });
const axeSource = readFileSync(join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");

const { server, url: base } = await startServer(0);
const browser = await chromium.launch({ executablePath, args: ARGS, headless: true });

const results = [];
let current = null;

/** Run one named check; failures are collected, never thrown past here. */
async function check(name, fn) {
  if (only && !only.split("|").some((w) => name.includes(w))) return;
  const started = Date.now();
  current = { name, failures: [], notes: [] };
  try {
    await fn(current);
  } catch (err) {
    current.failures.push(err?.stack?.split("\n").slice(0, 3).join(" | ") ?? String(err));
  }
  current.ms = Date.now() - started;
  results.push(current);
  const mark = current.failures.length ? "FAIL" : "ok  ";
  console.log(`${mark} ${name} (${current.ms} ms)${current.notes.length ? " — " + current.notes.join("; ") : ""}`);
  for (const f of current.failures) console.log(`       ✗ ${f}`);
}

function expect(ok, message) {
  if (!ok) current.failures.push(message);
  return ok;
}

/** A fresh page that records console errors, page errors and CSP violations. */
async function openPage(path, { width = 1200, height = 900, javaScriptEnabled = true, allow = [], init } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (msg) => {
    if (msg.type() !== "error" && !/Content.Security.Policy|Refused to/i.test(msg.text())) return;
    const text = `${msg.type()}: ${msg.text()}${msg.location()?.url ? ` (${msg.location().url})` : ""}`;
    if (!allow.some((re) => re.test(text))) errors.push(text);
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.on("requestfailed", (req) => {
    const text = `request failed: ${req.url()} ${req.failure()?.errorText ?? ""}`;
    if (!allow.some((re) => re.test(text))) errors.push(text);
  });
  if (init) await page.addInitScript(init);
  await page.goto(new URL(path, base).href, { waitUntil: "load" });
  return {
    page,
    errors,
    async close() {
      await context.close();
    },
  };
}

/** axe-core's violations on the page (evaluated through DevTools, which a strict CSP does not block). */
async function axe(page, exclude = []) {
  await page.evaluate(axeSource);
  return page.evaluate(async (exclude) => {
    const r = await window.axe.run({ exclude: exclude.map((s) => [s]) }, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}${v.nodes.length > 3 ? ` …+${v.nodes.length - 3}` : ""}`);
  }, exclude);
}

async function screenshot(page, name, fullPage = true) {
  const path = join(screens, `${name.replace(/[^\w.-]+/g, "_")}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

const settle = (page, ms = 150) => page.waitForTimeout(ms);

/** Two animation frames: ResizeObserver callbacks and the microtask redraw have run. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

function reportErrors(errors, where) {
  for (const e of errors) current.failures.push(`${where}: ${e}`);
}

// ---- 1. the gallery ---------------------------------------------------------------

const storyLists = {};
for (const chart of CHARTS) {
  await check(`gallery ${chart}: story list`, async () => {
    const { page, errors, close } = await openPage(`/examples/chart.html?chart=${chart}&story=none`, { allow: [] });
    await page.waitForSelector("html[data-gallery-ready]", { timeout: 15000 });
    storyLists[chart] = await page.evaluate(() => window.claimlineStories);
    expect(storyLists[chart]?.length >= 8, `expected at least 8 stories, got ${storyLists[chart]?.length}`);
    current.notes.push(storyLists[chart].map((s) => s.id).join(", "));
    reportErrors(errors, "console");
    await close();
  });
  for (const story of storyLists[chart] ?? []) {
    await check(`gallery ${chart}/${story.id}`, async () => {
      const stress = story.id === "stress";
      const { page, errors, close } = await openPage(`/examples/chart.html?chart=${chart}&story=${encodeURIComponent(story.id)}`);
      await page.waitForSelector("section[data-drawn]", { timeout: stress ? 120000 : 15000 });
      await frames(page);
      const state = await page.evaluate(() => {
        const section = document.querySelector("section[data-story]");
        const charts = [...section.querySelectorAll("[data-claimline-chart]")];
        return {
          drawn: section.getAttribute("data-drawn"),
          charts: charts.length,
          marks: section.querySelectorAll("[data-claimline-chart] svg [data-id]").length,
          messages: section.querySelectorAll("[data-claimline-chart] .claimline-v1-message").length,
          alerts: [...section.querySelectorAll('[data-claimline-chart] [role="alert"] li')].map((li) => li.textContent),
          text: section.querySelector("[data-stage]")?.textContent.slice(0, 200),
        };
      });
      expect(state.drawn === "", `story did not draw: ${state.text}`);
      expect(state.charts >= 1, "no chart element");
      if (story.expect === "marks") expect(state.marks > 0, `no [data-id] marks drawn (shown: ${JSON.stringify(state.text)})`);
      if (story.expect === "message") expect(state.messages > 0 && state.marks === 0, `expected a message and no marks, got ${state.marks} marks, ${state.messages} messages`);
      if (story.expect === "error") expect(state.alerts.length > 0, "expected the dataset's problems listed in place");
      current.notes.push(story.expect === "marks" ? `${state.marks} marks` : story.expect === "error" ? `${state.alerts.length} problems shown` : "message shown");
      await screenshot(page, `${chart}-${story.id}`, !stress);
      // axe on 10,000 marks takes minutes; the same markup is checked on the seed stories.
      const violations = await axe(page, stress ? ["[data-stage]"] : []);
      for (const v of violations) current.failures.push(`axe: ${v}`);
      reportErrors(errors, "console");
      await close();
    });
  }
}

// ---- 2. keyboard ------------------------------------------------------------------

for (const chart of CHARTS) {
  await check(`keyboard ${chart}: ArrowRight reaches every mark and shows its detail`, async () => {
    const story = (storyLists[chart] ?? []).find((s) => s.expect === "marks" && s.id !== "stress" && !s.variants);
    if (!expect(story, "no story with marks")) return;
    const { page, errors, close } = await openPage(`/examples/chart.html?chart=${chart}&story=${encodeURIComponent(story.id)}`);
    await page.waitForSelector("section[data-drawn] [data-claimline-chart] svg [data-id]", { timeout: 15000 });
    const info = await page.evaluate(() => {
      const node = document.querySelector("[data-claimline-chart]");
      const ids = new Set([...node.querySelectorAll("svg [data-id]")].map((m) => m.getAttribute("data-id")));
      node.setAttribute("data-test-chart", "");
      return { marks: ids.size, rows: node.querySelectorAll("tr[data-row]").length, tabbable: node.querySelectorAll('svg [data-id][tabindex="0"]').length };
    });
    expect(info.tabbable === 1, `expected exactly one mark in the tab order (roving tabindex), got ${info.tabbable}`);
    // Tab from the controls into the chart: the first mark gets focus.
    await page.focus("[data-test-chart] svg [data-id][tabindex='0']");
    const seen = [];
    for (let i = 0; i < info.marks + 2; i++) {
      const s = await page.evaluate(() => {
        const a = document.activeElement;
        const node = document.querySelector("[data-test-chart]");
        const card = node.querySelector(".claimline-v1-detail");
        return {
          id: a?.getAttribute("data-id"),
          name: a?.getAttribute("aria-label") ?? "",
          card: card && !card.hidden && card.getBoundingClientRect().height > 0 ? card.textContent.slice(0, 80) : null,
          ring: a ? getComputedStyle(a.querySelector(".claimline-v1-focus") ?? a).visibility : "",
        };
      });
      if (!s.id || seen.includes(s.id)) break;
      seen.push(s.id);
      expect(s.card, `mark ${s.id}: focus shows no detail card`);
      expect(s.name.trim().length > 0, `mark ${s.id}: no accessible name`);
      if (seen.length === 1) await screenshot(page, `keyboard-${chart}`, false);
      await page.keyboard.press("ArrowRight");
    }
    expect(seen.length === info.marks, `ArrowRight focused ${seen.length} marks, the chart has ${info.marks}`);
    expect(info.rows === 0 || seen.length === info.rows, `focused ${seen.length} marks, the data table has ${info.rows} records`);
    current.notes.push(`${seen.length} marks focused, ${info.rows} table rows`);
    await page.keyboard.press("Escape");
    reportErrors(errors, "console");
    await close();
  });
}

// ---- 3. resize ----------------------------------------------------------------------

for (const chart of CHARTS) {
  await check(`resize ${chart}: 1200 → 320 px re-lays out`, async () => {
    const story = (storyLists[chart] ?? []).find((s) => s.expect === "marks" && s.id !== "stress" && !s.variants && !s.width);
    if (!expect(story, "no story to resize")) return;
    const { page, errors, close } = await openPage(`/examples/chart.html?chart=${chart}&story=${encodeURIComponent(story.id)}`, { width: 1200 });
    await page.waitForSelector("section[data-drawn] [data-claimline-chart] svg [data-id]", { timeout: 15000 });
    const width = () => page.evaluate(() => Number(document.querySelector("[data-claimline-chart] > svg")?.getAttribute("width")));
    const before = await width();
    await page.setViewportSize({ width: 320, height: 800 });
    await frames(page);
    await settle(page);
    const after = await width();
    expect(before > 600, `at 1200 px the svg is ${before} px wide`);
    expect(after > 0 && after <= 320 && after < before, `after resizing to 320 px the svg is ${after} px wide (was ${before})`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow <= 320, `the page scrolls sideways at 320 px (scrollWidth ${overflow})`);
    current.notes.push(`${before} → ${after} px`);
    await screenshot(page, `resize-${chart}-320`);
    reportErrors(errors, "console");
    await close();
  });
}

// ---- 4. embedding --------------------------------------------------------------------

const settled = (page, selector) =>
  page.waitForFunction((sel) => [...document.querySelectorAll(sel)].every((el) => el.hasAttribute("data-claimline-state") && el.getAttribute("data-claimline-state") !== "loading"), selector, { timeout: 15000 });

await check("script-tag embed: data-src, inline JSON, CSV, errors in place, no double render", async () => {
  const { page, errors, close } = await openPage("/examples/embed-script.html", { allow: [/no-such-file\.json/] });
  await settled(page, "[data-claimline]");
  await page.waitForSelector("#api-chart [data-id]", { timeout: 15000 });
  const s = await page.evaluate(() => {
    const one = (id) => {
      const el = document.getElementById(id);
      return { state: el.getAttribute("data-claimline-state"), charts: el.querySelectorAll("[data-claimline-chart]").length, marks: el.querySelectorAll("svg [data-id]").length, text: el.textContent.trim().slice(0, 160) };
    };
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    return {
      ok: ["embed-tracker", "embed-inline", "embed-csv", "embed-ko"].map((id) => [id, one(id)]),
      bad: ["embed-missing", "embed-bad-option", "embed-unknown"].map((id) => [id, one(id)]),
      log: [...document.querySelectorAll("#log li")].map((li) => li.textContent),
      injected: document.querySelectorAll("#embed-inline b").length,
      duplicates: ids.filter((id, i) => ids.indexOf(id) !== i),
      dark: document.querySelector("#embed-ko [data-claimline-chart]")?.classList.contains("claimline-v1-theme-dark"),
      global: ["timeline", "promiseTracker", "figureComparison", "autoInit", "iframe"].filter((k) => typeof window.Claimline?.[k] !== "function"),
      again: window.Claimline.autoInit().length,
    };
  });
  for (const [id, r] of s.ok) {
    expect(r.state === "ready", `#${id}: state ${r.state} (${r.text})`);
    expect(r.charts === 1, `#${id}: ${r.charts} charts (a second copy of the script must not render twice)`);
    expect(r.marks > 0, `#${id}: no marks`);
  }
  for (const [id, r] of s.bad) {
    expect(r.state === "error", `#${id}: state ${r.state}`);
    expect(r.text.length > 20, `#${id}: the error is not readable text in place (${JSON.stringify(r.text)})`);
  }
  expect(s.log.filter((l) => l.startsWith("claimline:ready")).length >= 4, `expected claimline:ready events, log: ${s.log.join(" / ")}`);
  expect(s.log.filter((l) => l.startsWith("claimline:error")).length === 3, `expected 3 claimline:error events, log: ${s.log.join(" / ")}`);
  expect(s.injected === 0, "text from inline JSON was parsed as markup");
  expect(s.duplicates.length === 0, `duplicate ids on a page with several charts: ${s.duplicates.join(", ")}`);
  expect(s.dark, "data-theme=dark did not reach the chart");
  expect(s.global.length === 0, `missing on the Claimline global: ${s.global.join(", ")}`);
  expect(s.again === 0, `autoInit() again initialised ${s.again} elements`);
  for (const v of await axe(page)) current.failures.push(`axe: ${v}`);
  await screenshot(page, "embed-script");
  reportErrors(errors, "console");
  await close();
});

await check("custom element: renders, reacts to attribute changes, cleans up when removed", async () => {
  const { page, errors, close } = await openPage("/examples/embed-element.html");
  await page.waitForSelector("#element svg [data-id]", { timeout: 15000 });
  await page.waitForSelector("#element-inline svg [data-id]", { timeout: 15000 });
  const chartOf = () => page.evaluate(() => {
    const n = document.querySelectorAll("#element [data-claimline-chart]");
    return { count: n.length, name: n[0]?.getAttribute("data-claimline-chart"), cls: n[0]?.className ?? "", lang: document.querySelector("#element svg [data-id]")?.getAttribute("aria-label") };
  });
  const a = await chartOf();
  expect(a.count === 1 && a.name === "promise-tracker", `expected one promise tracker, got ${JSON.stringify(a)}`);
  await page.click("#toggle-theme");
  await frames(page);
  const b = await chartOf();
  expect(b.count === 1 && b.cls.includes("theme-dark"), `theme attribute change did not redraw dark: ${b.cls}`);
  const axisBefore = await page.evaluate(() => document.querySelector("#element [data-claimline-chart] > svg").textContent);
  await page.click("#toggle-locale");
  await frames(page);
  const axisAfter = await page.evaluate(() => document.querySelector("#element [data-claimline-chart] > svg").textContent);
  expect(axisAfter !== axisBefore && /[а-яё]/i.test(axisAfter), "locale=ru-RU did not redraw the chart in Russian");
  await screenshot(page, "embed-element-ru-dark");
  await page.click("#switch-chart");
  await page.waitForFunction(() => document.querySelector("#element [data-claimline-chart]")?.getAttribute("data-claimline-chart") === "timeline" && document.querySelector("#element svg [data-id]"), null, { timeout: 15000 });
  expect((await chartOf()).count === 1, "switching chart left two charts");
  await page.click("#remove");
  await frames(page);
  const removed = await page.evaluate(() => ({ attached: !!document.getElementById("element"), charts: document.querySelectorAll("[data-claimline-chart]").length }));
  expect(!removed.attached && removed.charts === 1, `after removal: ${JSON.stringify(removed)}`);
  await page.click("#add");
  await page.waitForSelector("#element svg [data-id]", { timeout: 15000 });
  expect((await chartOf()).count === 1, "re-adding the element drew more than one chart");
  for (const v of await axe(page)) current.failures.push(`axe: ${v}`);
  await screenshot(page, "embed-element");
  reportErrors(errors, "console");
  await close();
});

await check("destroy(): no listeners or observers left behind", async () => {
  // Count listeners on document/window and live ResizeObservers, before the page's scripts run.
  // Listeners count only on targets that outlive a chart (window, document, nodes still in the page):
  // a listener on an element removed with the chart goes with it.
  const init = () => {
    const entries = [];
    let observers = 0;
    const key = (type, opts) => `${type}|${!!(typeof opts === "object" ? opts?.capture : opts)}`;
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    EventTarget.prototype.addEventListener = function (type, fn, opts) {
      const k = key(type, opts);
      if (!entries.some((e) => e.t === this && e.k === k && e.fn === fn)) entries.push({ t: this, k, fn });
      return add.call(this, type, fn, opts);
    };
    EventTarget.prototype.removeEventListener = function (type, fn, opts) {
      const k = key(type, opts);
      const i = entries.findIndex((e) => e.t === this && e.k === k && e.fn === fn);
      if (i >= 0) entries.splice(i, 1);
      return remove.call(this, type, fn, opts);
    };
    const RO = window.ResizeObserver;
    window.ResizeObserver = class extends RO {
      observe(t, o) {
        if (!this.__on) observers++;
        this.__on = true;
        return super.observe(t, o);
      }
      disconnect() {
        if (this.__on) observers--;
        this.__on = false;
        return super.disconnect();
      }
    };
    Object.defineProperty(window, "__live", {
      get: () => ({ listeners: entries.filter((e) => !(e.t instanceof Node) || e.t.isConnected).length, observers }),
    });
  };
  const { page, errors, close } = await openPage("/examples/embed-element.html", { init });
  await page.waitForSelector("#element svg [data-id]", { timeout: 15000 });
  const r = await page.evaluate(async () => {
    const data = await (await fetch("/examples/data/seeds.json")).json();
    const before = { ...window.__live };
    const host = document.createElement("div");
    document.querySelector("main").appendChild(host);
    const handles = [window.Claimline.timeline(host, data), window.Claimline.promiseTracker(host, data, { asOf: "2025-08-16" }), window.Claimline.figureComparison(host, data)];
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const during = { ...window.__live };
    const mark = host.querySelector("svg [data-id]");
    mark?.focus();
    mark?.dispatchEvent(new PointerEvent("pointerover", { bubbles: true, pointerType: "mouse" }));
    handles.forEach((h) => h.destroy());
    const after = { ...window.__live };
    // The element too: removing it destroys its chart.
    const el = document.getElementById("element-inline");
    const beforeEl = { ...window.__live };
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    const afterEl = { ...window.__live };
    return { before, during, after, beforeEl, afterEl, left: host.childElementCount };
  });
  expect(r.during.observers > r.before.observers, `charts observed no resizes (${JSON.stringify(r)})`);
  expect(r.after.listeners === r.before.listeners, `listeners left after destroy(): ${r.after.listeners - r.before.listeners}`);
  expect(r.after.observers === r.before.observers, `ResizeObservers left after destroy(): ${r.after.observers - r.before.observers}`);
  expect(r.left === 0, `destroy() left ${r.left} elements in the target`);
  expect(r.afterEl.observers === r.beforeEl.observers - 1, `removing <claimline-chart> did not disconnect its observer (${r.beforeEl.observers} → ${r.afterEl.observers})`);
  expect(r.afterEl.listeners < r.beforeEl.listeners, `removing <claimline-chart> removed no listeners (${r.beforeEl.listeners} → ${r.afterEl.listeners})`);
  current.notes.push(`listeners ${r.before.listeners}→${r.during.listeners}→${r.after.listeners}, observers ${r.before.observers}→${r.during.observers}→${r.after.observers}`);
  reportErrors(errors, "console");
  await close();
});

await check("iframe embed: pym height messages size the iframe, shrinking too", async () => {
  const { page, errors, close } = await openPage("/examples/embed-iframe.html", { width: 1000 });
  await page.waitForFunction(() => [...document.querySelectorAll("iframe")].length === 3 && [...document.querySelectorAll("iframe")].every((f) => f.height !== "150"), null, { timeout: 15000 });
  await settle(page, 300);
  const sizes = await page.evaluate(() =>
    [...document.querySelectorAll("iframe")].map((f) => ({ src: f.src, height: Number(f.height), content: f.contentDocument?.documentElement.offsetHeight, title: f.title })),
  );
  for (const s of sizes) {
    expect(s.height > 200, `${s.src}: height ${s.height}`);
    expect(Math.abs(s.height - s.content) <= 2, `${s.src}: iframe height ${s.height} ≠ content height ${s.content}`);
    expect(s.title, `${s.src}: iframe has no title`);
  }
  const heights = await page.textContent("#heights");
  expect(/px/.test(heights), `the parent page saw no pym height messages (${heights})`);
  // Shrink: remove the data table inside the first frame.
  const frame = page.frames().find((f) => f.url().includes("promise-tracker.html"));
  const tall = sizes.find((s) => s.src.includes("promise-tracker")).height;
  await frame.evaluate(() => document.querySelector("details.claimline-v1-data")?.remove());
  await page.waitForFunction((h) => Number(document.querySelector("#frame-tracker iframe").height) < h - 20, tall, { timeout: 5000 }).catch(() => {});
  const short = await page.evaluate(() => Number(document.querySelector("#frame-tracker iframe").height));
  expect(short < tall - 20, `the iframe did not shrink (${tall} → ${short})`);
  current.notes.push(`heights ${sizes.map((s) => s.height).join(", ")}; shrank ${tall} → ${short}`);
  for (const v of await axe(page)) current.failures.push(`axe: ${v}`);
  await screenshot(page, "embed-iframe");
  reportErrors(errors, "console");
  await close();
});

await check("iframe embed: data-claimline-frame refuses javascript: and other non-http(s) addresses (no script runs)", async () => {
  const { page, errors, close } = await openPage("/examples/embed-script.html", { allow: [/no-such-file\.json/] });
  const got = await page.evaluate(async () => {
    document.title = "safe";
    window.__framed = 0;
    const srcs = ["javascript:parent.document.title='x'//", "  javascript:parent.__framed=1//", "JaVaScRiPt:parent.__framed=2//", "data:text/html,<script>parent.__framed=3</script>"];
    const hosts = srcs.map((src) => {
      const d = document.createElement("div");
      d.setAttribute("data-claimline-frame", src);
      document.body.prepend(d);
      return d;
    });
    await new Promise((r) => {
      const s = document.createElement("script");
      s.src = "/dist/claimline-frame.js";
      s.onload = r;
      document.head.appendChild(s);
    });
    window.Claimline?.autoFrames?.();
    await new Promise((r) => setTimeout(r, 300));
    return { title: document.title, framed: window.__framed, iframes: hosts.map((h) => h.querySelectorAll("iframe").length), text: hosts.map((h) => h.textContent) };
  });
  expect(got.title === "safe", `a javascript: frame ran in the host page (title "${got.title}")`);
  expect(got.framed === 0, `a hostile frame ran script (${got.framed})`);
  expect(got.iframes.every((n) => n === 0), `iframes were made for hostile addresses: ${got.iframes}`);
  expect(got.text.every((t) => /cannot be shown/.test(t)), `no reason shown in place: ${JSON.stringify(got.text)}`);
  reportErrors(errors, "console");
  await close();
});

await check("iframe embed: renderToString html page speaks pym to a pym.js-style parent", async () => {
  // A parent with only Claimline.iframe (the main bundle), at a fixed child id.
  const { page, errors, close } = await openPage("/examples/embed-script.html", { allow: [/no-such-file\.json/] });
  const got = await page.evaluate(async () => {
    const host = document.createElement("div");
    // At the top of the page: the embed's iframe is loading="lazy", and at the foot of this page (whose charts
    // are still growing as their data arrives) it would load only once a reader scrolled down to it.
    document.querySelector("main").prepend(host);
    const messages = [];
    addEventListener("message", (e) => typeof e.data === "string" && messages.push(e.data));
    const h = window.Claimline.iframe(host, "/examples/static/timeline.html", { id: "tl", title: "Timeline" });
    host.scrollIntoView();
    for (let t = 0; t < 50 && !(messages.some((m) => m.startsWith("pymxPYMxtlxPYMxheight")) && Number(h.iframe.height) > 200); t++) await new Promise((r) => setTimeout(r, 100));
    const out = { messages: messages.slice(0, 3), height: h.iframe.height };
    h.destroy();
    return { ...out, left: host.childElementCount };
  });
  expect(got.messages.some((m) => /^pymxPYMxtlxPYMxheightxPYMx\d+$/.test(m)), `no pym height message with the child id: ${JSON.stringify(got.messages)}`);
  expect(Number(got.height) > 200, `iframe height ${got.height}`);
  expect(got.left === 0, "destroy() left the iframe");
  reportErrors(errors, "console");
  await close();
});

await check("detail card: inside the chart and the viewport for every mark (1,200 px), a bottom sheet at 320 px; Escape and Close put focus back on the mark; the table sorts and downloads", async () => {
  for (const [width, chart, story] of [[1200, "promise-tracker", "promise-tracker"], [1200, "figure-comparison", "figure-comparison-all-seeds"], [1200, "timeline", "timeline"], [320, "promise-tracker", "promise-tracker-phone"]]) {
    const { page, errors, close } = await openPage(`/examples/chart.html?chart=${chart}&story=${story}`, { width, height: 700 });
    await page.waitForSelector("section[data-drawn] [data-claimline-chart] svg [data-id]", { timeout: 15000 });
    const ids = await page.evaluate(() => [...document.querySelectorAll("[data-claimline-chart] svg [data-id][tabindex]")].map((m) => m.getAttribute("data-id")));
    let outside = 0;
    for (const id of ids) {
      await page.focus(`[data-claimline-chart] svg [data-id="${id}"]`);
      await frames(page);
      const r = await page.evaluate(() => {
        const card = document.querySelector("[data-claimline-chart] .claimline-v1-detail");
        const node = card.closest("[data-claimline-chart]").getBoundingClientRect();
        const c = card.getBoundingClientRect();
        return { hidden: card.hidden, sheet: card.classList.contains("claimline-v1-sheet"), c: [c.left, c.top, c.right, c.bottom], node: [node.left, node.right], vh: innerHeight, vw: innerWidth };
      });
      if (r.hidden) continue;
      const [l, t, rr, b] = r.c;
      const inView = t >= -1 && b <= r.vh + 1 && l >= -1 && rr <= r.vw + 1;
      const inChart = r.sheet || (l >= r.node[0] - 1 && rr <= r.node[1] + 1);
      if (!inView || !inChart) {
        outside++;
        if (outside <= 2) current.notes.push(`${chart} ${id}: card ${r.c.map(Math.round)} in view ${r.vw}×${r.vh}, chart ${r.node.map(Math.round)}`);
      }
      if (width === 320) expect(r.sheet, `${chart} at 320 px: the card is not a bottom sheet`);
    }
    expect(outside === 0, `${chart} at ${width} px: ${outside} of ${ids.length} cards outside the chart or the viewport`);
    // Escape closes the card and focus stays on the mark, not <body>.
    await page.focus(`[data-claimline-chart] svg [data-id="${ids[0]}"]`);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    const afterEscape = await page.evaluate(() => ({ id: document.activeElement?.getAttribute("data-id"), hidden: document.querySelector("[data-claimline-chart] .claimline-v1-detail").hidden }));
    expect(afterEscape.id === ids[0] && afterEscape.hidden, `Escape: focus on ${afterEscape.id}, card hidden ${afterEscape.hidden}`);
    // Close (the card's button, pressed from the keyboard) does the same.
    await page.keyboard.press("Enter");
    await page.focus("[data-claimline-chart] .claimline-v1-close");
    await page.keyboard.press("Enter");
    const afterClose = await page.evaluate(() => ({ id: document.activeElement?.getAttribute("data-id"), hidden: document.querySelector("[data-claimline-chart] .claimline-v1-detail").hidden }));
    expect(afterClose.id === ids[0] && afterClose.hidden, `Close: focus on ${afterClose.id}, card hidden ${afterClose.hidden}`);
    if (width === 1200) {
      // The table: sorted by its first column both ways, and downloaded as CSV built in the page.
      await page.click("[data-claimline-chart] details.claimline-v1-data > summary");
      await page.click("[data-claimline-chart] th button[data-sort='0']");
      const asc = await page.evaluate(() => ({ sort: document.querySelector("[data-claimline-chart] th").getAttribute("aria-sort"), first: [...document.querySelectorAll("[data-claimline-chart] tbody tr")].map((r) => r.cells[0].textContent) }));
      await page.click("[data-claimline-chart] th button[data-sort='0']");
      const desc = await page.evaluate(() => ({ sort: document.querySelector("[data-claimline-chart] th").getAttribute("aria-sort"), first: [...document.querySelectorAll("[data-claimline-chart] tbody tr")].map((r) => r.cells[0].textContent) }));
      const sorted = [...asc.first].sort((a, b) => a.localeCompare(b, "en", { numeric: true, sensitivity: "base" }));
      expect(asc.sort === "ascending" && JSON.stringify(asc.first) === JSON.stringify(sorted), `${chart}: table not sorted ascending (${asc.sort})`);
      expect(desc.sort === "descending" && JSON.stringify(desc.first) === JSON.stringify([...sorted].reverse()), `${chart}: table not sorted descending (${desc.sort})`);
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 5000 }), page.click("[data-claimline-chart] [data-download]")]);
      const csv = (await (await download.createReadStream()).toArray()).join("");
      const lines = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
      expect(download.suggestedFilename() === `${chart}.csv`, `download named ${download.suggestedFilename()}`);
      expect(lines.length === asc.first.length + 1, `${chart}: CSV has ${lines.length} lines for ${asc.first.length} rows`);
      for (const v of await axe(page)) current.failures.push(`axe (card closed, table open): ${v}`);
    }
    current.notes.push(`${chart} ${width}px: ${ids.length} cards placed`);
    reportErrors(errors, "console");
    await close();
  }
});

await check("stylesheet once: a page that already has claimline.css (a bundler's <style> or hashed file) gets no second copy", async () => {
  const { page, errors, close } = await openPage("/examples/index.html", { allow: [/ERR_ABORTED/] });
  const css = readFileSync(join(root, "dist", "claimline.css"), "utf8");
  // Pages of our own (no CSP header: a bundler's page with its CSS in a <style>), on the gallery's origin.
  const pages = { with: `<!doctype html><html><head><style>${css}</style></head><body><div id="with"></div></body></html>`, without: `<!doctype html><html><head></head><body><div id="a"></div><div id="b"></div></body></html>` };
  await page.route("**/__once/*.html", (route) => route.fulfill({ contentType: "text/html", body: pages[route.request().url().includes("with.html") ? "with" : "without"] }));
  await page.goto(new URL("/__once/with.html", base).href);
  await page.addScriptTag({ url: new URL("/dist/claimline.min.js", base).href });
  const got = await page.evaluate(async () => {
    const data = await (await fetch("/examples/data/seeds.json")).json();
    window.Claimline.timeline("#with", data, { width: 600 });
    return { adopted: document.adoptedStyleSheets.length, styles: document.querySelectorAll("style").length, styled: getComputedStyle(document.querySelector("#with .claimline-v1")).position };
  });
  expect(got.adopted === 0 && got.styles === 1, `the chart added its stylesheet again (${got.adopted} adopted, ${got.styles} <style>)`);
  expect(got.styled === "relative", `the page's claimline.css did not style the chart (${got.styled})`);
  // Without claimline.css on the page, the chart brings its own (once).
  await page.goto(new URL("/__once/without.html", base).href);
  await page.addScriptTag({ url: new URL("/dist/claimline.min.js", base).href });
  const own = await page.evaluate(async () => {
    const data = await (await fetch("/examples/data/seeds.json")).json();
    window.Claimline.timeline("#a", data, { width: 600 });
    window.Claimline.promiseTracker("#b", data, { width: 600 });
    const two = document.adoptedStyleSheets.length + document.querySelectorAll("style").length;
    // A second timeline adds nothing: each part once per page.
    const c = document.createElement("div");
    document.body.append(c);
    window.Claimline.timeline(c, data, { width: 600 });
    return { two, three: document.adoptedStyleSheets.length + document.querySelectorAll("style").length };
  });
  expect(own.two === 3 && own.three === 3, `expected the shared rules and each chart's own once (3 sheets), got ${own.two}, then ${own.three}`);
  reportErrors(errors, "console");
  await close();
});

await check("strict CSP page: renders with no violations", async () => {
  const { page, errors, close } = await openPage("/examples/csp.html");
  await page.waitForSelector("#csp-embed svg [data-id]", { timeout: 15000 });
  await page.waitForSelector("#csp-element svg [data-id]", { timeout: 15000 });
  await page.waitForSelector("#csp-api svg [data-id]", { timeout: 15000 });
  // Hover and focus place the detail card through the CSSOM: still no violation.
  await page.focus("#csp-embed svg [data-id][tabindex='0']");
  // The mark's own hit area (a mark's bounding box can be mostly empty: a band, a leader and a label far apart).
  await page.locator("#csp-api svg [data-id] > .claimline-v1-focus").first().hover({ timeout: 5000, force: true });
  await settle(page);
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector("#csp-embed .claimline-v1")).position);
  expect(styled === "relative", `claimline.css did not apply (position ${styled})`);
  const inline = await page.evaluate(() => document.querySelectorAll("[style]").length);
  current.notes.push(`${inline} elements with a style attribute (CSSOM-set, allowed)`);
  for (const v of await axe(page)) current.failures.push(`axe: ${v}`);
  await screenshot(page, "csp");
  reportErrors(errors, "console");
  await close();
});

await check("hidden tab and display:none box: drawn when they become visible", async () => {
  const { page, errors, close } = await openPage("/examples/hidden.html");
  await settled(page, "[data-claimline]");
  await page.waitForFunction(() => document.querySelector("#hidden-timeline [data-claimline-chart]"), null, { timeout: 15000 });
  const hiddenState = await page.evaluate(() => ["hidden-tracker", "hidden-timeline", "hidden-figures"].map((id) => ({ id, marks: document.querySelectorAll(`#${id} svg [data-id]`).length, text: document.getElementById(id).textContent.trim().slice(0, 60) })));
  for (const h of hiddenState) expect(h.marks === 0 && /Loading/.test(h.text), `#${h.id} while hidden: ${JSON.stringify(h)}`);
  await page.click("#tab-2");
  await page.waitForSelector("#hidden-tracker svg [data-id]", { timeout: 5000 });
  await page.click("#tab-3");
  await page.waitForSelector("#hidden-timeline svg [data-id]", { timeout: 5000 });
  await page.click("#reveal");
  await page.waitForSelector("#hidden-figures svg [data-id]", { timeout: 5000 });
  const widths = await page.evaluate(() => ["hidden-timeline", "hidden-figures"].map((id) => Number(document.querySelector(`#${id} [data-claimline-chart] > svg`)?.getAttribute("width"))));
  expect(widths.every((w) => w > 600), `charts drawn after becoming visible have widths ${widths}`);
  for (const v of await axe(page)) current.failures.push(`axe: ${v}`);
  await screenshot(page, "hidden");
  reportErrors(errors, "console");
  await close();
});

await check("server rendering: readable without JavaScript, enhanced in place", async () => {
  const off = await openPage("/examples/static/ssr.html", { javaScriptEnabled: false });
  const s = await off.page.evaluate(() =>
    [...document.querySelectorAll("[data-claimline]")].map((el) => ({
      chart: el.getAttribute("data-claimline"),
      svg: el.querySelectorAll("[data-claimline-static] svg").length,
      marks: el.querySelectorAll("[data-claimline-static] svg [data-id]").length,
      rows: el.querySelectorAll("[data-claimline-static] tr").length,
      styled: getComputedStyle(el.querySelector("[data-claimline-static]")).position,
    })),
  );
  expect(s.length === 3, `expected 3 server-rendered fragments, got ${s.length}`);
  for (const f of s) expect(f.svg >= 1 && f.marks > 0 && f.rows > 1 && f.styled === "relative", `${f.chart} without JavaScript: ${JSON.stringify(f)}`);
  await screenshot(off.page, "ssr-no-js");
  reportErrors(off.errors, "console (no JS)");
  await off.close();
  const on = await openPage("/examples/static/ssr.html");
  await settled(on.page, "[data-claimline]");
  const e = await on.page.evaluate(() =>
    [...document.querySelectorAll("[data-claimline]")].map((el) => ({
      chart: el.getAttribute("data-claimline"),
      state: el.getAttribute("data-claimline-state"),
      svgs: el.querySelectorAll("[data-claimline-chart] > svg").length,
      live: el.querySelectorAll("[data-claimline-chart]").length,
      static: el.querySelectorAll("[data-claimline-static]").length,
    })),
  );
  for (const f of e) expect(f.state === "ready" && f.live === 1 && f.svgs === 1 && f.static === 0, `${f.chart} with JavaScript: ${JSON.stringify(f)}`);
  for (const v of await axe(on.page)) current.failures.push(`axe (JS): ${v}`);
  await screenshot(on.page, "ssr-enhanced");
  reportErrors(on.errors, "console");
  await on.close();
  // axe needs JavaScript, so the static markup is checked in the standalone pages (the same server rendering).
  for (const chart of CHARTS) {
    const p = await openPage(`/examples/static/${chart}.html`, { width: 800 });
    for (const v of await axe(p.page)) current.failures.push(`axe static/${chart}.html: ${v}`);
    await screenshot(p.page, `static-${chart}`);
    reportErrors(p.errors, `console static/${chart}.html`);
    await p.close();
  }
});

await check("other gallery pages: index and playground load cleanly and pass axe", async () => {
  for (const path of ["/", "/examples/playground.html"]) {
    const { page, errors, close } = await openPage(path);
    if (path.includes("playground")) {
      await page.waitForSelector("#chart-stage svg [data-id]", { timeout: 15000 });
      await page.fill("#input", '{"version":1,"promises":[{"id":"p1","speaker":"nobody","said":"2025-02-30","topic":"x","quote":"y","window":{"min":"P14D","max":"P14D"}}]}');
      await page.waitForFunction(() => document.querySelectorAll("#problems li").length >= 2, null, { timeout: 5000 }).catch(() => {});
      const problems = await page.$$eval("#problems li", (li) => li.map((l) => l.textContent));
      expect(problems.length >= 2 && problems.some((p) => p.includes("promises[0]")), `playground shows no problems with paths: ${JSON.stringify(problems)}`);
      await screenshot(page, "playground-invalid");
      await page.click("#load-csv");
      await page.waitForFunction(() => document.querySelector("#problems p")?.textContent.includes("valid") && document.querySelector("#chart-stage svg [data-id]"), null, { timeout: 5000 }).catch(() => {});
      expect(await page.$("#chart-stage svg [data-id]"), `the CSV sheet did not draw: ${await page.textContent("#problems")}`);
      await screenshot(page, "playground-csv");
    } else await screenshot(page, "index");
    for (const v of await axe(page)) current.failures.push(`axe ${path}: ${v}`);
    reportErrors(errors, `console ${path}`);
    await close();
  }
});

await check("html page under CSP default-src 'self': styled, sends its pym height, no violation", async () => {
  // The standalone page is served with the gallery's CSP header; a strict-CSP parent frames it.
  const { page, errors, close } = await openPage("/examples/csp.html");
  const res = await page.request.get(new URL("/examples/static/timeline.html", base).href);
  expect(res.headers()["content-security-policy"] === "default-src 'self'", `static page CSP header: ${res.headers()["content-security-policy"]}`);
  const got = await page.evaluate(async () => {
    const messages = [];
    addEventListener("message", (e) => typeof e.data === "string" && messages.push(e.data));
    const frame = document.createElement("iframe");
    frame.src = "/examples/static/timeline.html?childId=csp";
    frame.title = "Timeline";
    document.querySelector("main").prepend(frame);
    await new Promise((r) => frame.addEventListener("load", r, { once: true }));
    for (let t = 0; t < 50 && !messages.some((m) => m.startsWith("pymxPYMxcspxPYMxheight")); t++) await new Promise((r) => setTimeout(r, 100));
    const doc = frame.contentDocument;
    const root = doc.querySelector(".claimline-v1");
    return {
      messages: messages.slice(0, 3),
      inline: doc.querySelectorAll("style, script:not([src]), [style]").length,
      bodyPadding: getComputedStyle(doc.body).paddingTop,
      position: root ? getComputedStyle(root).position : null,
      marks: doc.querySelectorAll("svg [data-id]").length,
    };
  });
  expect(got.messages.some((m) => /^pymxPYMxcspxPYMxheightxPYMx\d+$/.test(m)), `no pym height message: ${JSON.stringify(got.messages)}`);
  expect(got.inline === 0, `${got.inline} inline style/script in the page`);
  expect(got.bodyPadding === "8px" && got.position === "relative", `page stylesheet not applied: ${JSON.stringify(got)}`);
  expect(got.marks > 0, "no marks in the framed page");
  reportErrors(errors, "console");
  await close();
});

await check("embed range and periods: data-domain and data-periods (and the element's domain/periods) draw that range and those periods", async () => {
  const { page, errors, close } = await openPage("/examples/embed-script.html", { allow: [/no-such-file\.json/] });
  await settled(page, "[data-claimline]");
  const got = await page.evaluate(async () => {
    const data = await (await fetch("/examples/data/seeds.json")).json();
    const main = document.querySelector("main") ?? document.body;
    const make = (html) => {
      const box = document.createElement("section");
      box.innerHTML = html;
      main.prepend(box);
      return box.firstElementChild;
    };
    const attrs = (p) => `${p}domain="2025-03/2025-09" ${p}periods="2025-08-12/2025-08-15 Call, then summit; 2025-06-04 Shoigu in Pyongyang"`;
    const div = make(`<div data-claimline="timeline" data-src="/examples/data/seeds.json" ${attrs("data-")}></div>`);
    const el = make(`<claimline-chart chart="timeline" src="/examples/data/seeds.json" ${attrs("")}></claimline-chart>`);
    const bad = make(`<div data-claimline="timeline" data-src="/examples/data/seeds.json" data-periods="Evacuation 2021-08-15/2021-08-31" data-domain="2021-08,2021-09"></div>`);
    window.Claimline.autoInit();
    await Promise.all([div, el, bad].map((h) => new Promise((r) => {
      const done = () => h.getAttribute("data-claimline-state") && h.getAttribute("data-claimline-state") !== "loading";
      if (done()) return r();
      const t = setInterval(() => done() && (clearInterval(t), r()), 50);
    })));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const months = (date) => date.split("/").filter((d) => d && d !== "..").map((d) => d.slice(0, 7));
    const outside = data.events.filter((e) => months(e.date).every((m) => m < "2025-03" || m > "2025-09")).map((e) => e.id);
    const read = (h) => {
      const svg = h.querySelector("[data-claimline-chart] > svg");
      const ids = [...(svg?.querySelectorAll("[data-id]") ?? [])].map((m) => m.getAttribute("data-id"));
      return {
        state: h.getAttribute("data-claimline-state"),
        text: svg?.textContent ?? h.textContent.trim().slice(0, 200),
        bands: svg?.querySelectorAll(".claimline-v1-tl-period-band").length ?? 0,
        ids,
        drawnOutside: ids.filter((id) => outside.includes(id)),
        zoom: [...h.querySelectorAll("button[data-zoom]")].map((b) => `${b.getAttribute("data-zoom")}=${b.textContent}`),
        ticks: [...(svg?.querySelectorAll(".claimline-v1-axis text, [class*='axis'] text") ?? [])].map((t) => t.textContent),
      };
    };
    return { div: read(div), el: read(el), bad: { state: bad.getAttribute("data-claimline-state"), text: bad.textContent }, outside: outside.length };
  });
  for (const [name, r] of [["data-* embed", got.div], ["<claimline-chart>", got.el]]) {
    expect(r.state === "ready", `${name}: state ${r.state} (${r.text})`);
    expect(r.text.includes("Call, then summit") && r.text.includes("Shoigu in Pyongyang"), `${name}: the period labels are not in the SVG text`);
    expect(r.bands === 2, `${name}: ${r.bands} period bands, expected 2`);
    expect(r.ids.includes("putin-kim-call") && r.ids.includes("shoigu-visit-june-4"), `${name}: events inside the range are missing (${r.ids.join(", ")})`);
    expect(got.outside > 0 && r.drawnOutside.length === 0, `${name}: events outside 2025-03/2025-09 drawn: ${r.drawnOutside.join(", ")}`);
    expect(r.zoom.includes("2025-08-12/2025-08-15=Call, then summit") && r.zoom.includes("2025-06-04/2025-06-04=Shoigu in Pyongyang"), `${name}: the zoom bar does not offer the periods: ${r.zoom.join(" | ")}`);
    expect(!r.ticks.length || !r.ticks.some((t) => /2022|2024/.test(t)), `${name}: axis ticks outside the range: ${r.ticks.join(", ")}`);
  }
  current.notes.push(`${got.div.ids.length} events in range, ticks ${got.div.ticks.slice(0, 4).join(", ")}…`);
  expect(got.bad.state === "error" && /data-periods: .*cannot read "Evacuation"/.test(got.bad.text), `an unreadable data-periods is not named in place: ${got.bad.state} ${got.bad.text.slice(0, 200)}`);
  await screenshot(page, "embed-domain-periods", false);
  reportErrors(errors, "console");
  await close();
});

await check("gallery embed code: the snippets carry the story's periods, domain and notes, and the pasted script-tag snippet draws what the story draws", async () => {
  const { page, errors, close } = await openPage("/examples/chart.html?chart=timeline&story=timeline");
  await page.waitForSelector("[data-story] [data-stage] svg [data-id]", { timeout: 15000 });
  const got = await page.evaluate(async () => {
    const codes = [...document.querySelectorAll(".snippet pre code")].map((c) => c.textContent);
    const script = codes.find((c) => c.includes("data-claimline=")) ?? "";
    const element = codes.find((c) => c.includes("<claimline-chart")) ?? "";
    const frame = codes.find((c) => c.includes("data-claimline-frame")) ?? "";
    // Paste the script-tag snippet's element (the script itself is already on the page).
    const box = document.createElement("div");
    box.innerHTML = script.replace(/<script[^>]*><\/script>\n?/, "");
    const host = box.firstElementChild;
    document.querySelector("[data-stage]").after(box);
    window.Claimline.autoInit(box);
    for (let t = 0; t < 150 && host.getAttribute("data-claimline-state") !== "ready" && host.getAttribute("data-claimline-state") !== "error"; t++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const read = (root) => {
      const svg = root.querySelector("[data-claimline-chart] > svg");
      return { ids: [...(svg?.querySelectorAll("[data-id]") ?? [])].map((m) => m.getAttribute("data-id")).sort().join(" "), bands: svg?.querySelectorAll(".claimline-v1-tl-period-band").length ?? -1, text: svg?.textContent ?? "", zoom: [...root.querySelectorAll("button[data-zoom]")].map((b) => b.getAttribute("data-zoom")).join(" ") };
    };
    return { script, element, frame, story: read(document.querySelector("[data-stage]")), pasted: read(host), state: host.getAttribute("data-claimline-state"), hostText: host.textContent.slice(0, 200) };
  });
  for (const [name, code] of [["script tag", got.script], ["custom element", got.element]]) {
    expect(!code.includes("[object Object]"), `${name} snippet writes [object Object]: ${code}`);
    // In the text an editor reads and types (formatPeriodsText / formatDomainText on the Claimline global).
    expect(code.includes('periods="2025-08-12/2025-08-15 Call, then summit"') && code.includes('domain="2024-05/2025-10"') && /annotations="[^"]*treaty-signing/.test(code), `${name} snippet lacks the story's periods, domain or notes as text: ${code}`);
  }
  expect(/--domain 2024-05\/2025-10/.test(got.frame) && /--period '2025-08-12\/2025-08-15 Call, then summit'/.test(got.frame) && /--annotation 'treaty-signing=/.test(got.frame) && /data-claimline-frame="timeline\.html"/.test(got.frame), `iframe snippet ignores the story's settings: ${got.frame}`);
  expect(got.state === "ready", `the pasted snippet did not draw: ${got.state} ${got.hostText}`);
  expect(got.pasted.ids === got.story.ids && got.pasted.ids.length > 0, `the pasted snippet draws other events than the story:\n  story  ${got.story.ids}\n  pasted ${got.pasted.ids}`);
  expect(got.pasted.bands === got.story.bands && got.story.bands > 0 && got.pasted.text.includes("Call, then summit"), `the pasted snippet draws other periods (${got.pasted.bands} vs ${got.story.bands})`);
  expect(got.pasted.zoom === got.story.zoom, `zoom bars differ: ${got.pasted.zoom} vs ${got.story.zoom}`);
  current.notes.push(got.script.split("\n").pop().slice(0, 160));
  reportErrors(errors, "console");
  await close();
});

await check("custom element: a data property set before the element is defined (a defer script, Vue's .prop) is drawn at upgrade", async () => {
  // A page without claimline yet: the element is set up, then the bundle arrives.
  const { page, errors, close } = await openPage("/examples/data/seeds.json");
  const got = await page.evaluate(async () => {
    const data = await (await fetch("/examples/data/seeds.json")).json();
    const el = document.createElement("claimline-chart");
    el.setAttribute("chart", "timeline");
    document.body.appendChild(el);
    const defined = !!customElements.get("claimline-chart");
    el.data = data;
    await new Promise((r, j) => {
      const s = document.createElement("script");
      s.src = "/dist/claimline.min.js";
      s.onload = r;
      s.onerror = j;
      document.head.appendChild(s);
    });
    for (let t = 0; t < 100 && !el.querySelector("svg [data-id]") && el.getAttribute("data-claimline-state") !== "error"; t++) await new Promise((r) => setTimeout(r, 100));
    return { defined, own: Object.prototype.hasOwnProperty.call(el, "data"), same: el.data === data, marks: el.querySelectorAll("svg [data-id]").length, state: el.getAttribute("data-claimline-state"), text: el.textContent.trim().slice(0, 160) };
  });
  expect(!got.defined, "the element was already defined before the bundle loaded");
  expect(got.state === "ready" && got.marks > 0, `the data set before definition was not drawn: ${JSON.stringify(got)}`);
  expect(!got.own && got.same, `the data property was not taken up by the element's setter: ${JSON.stringify(got)}`);
  reportErrors(errors, "console");
  await close();
});

// ---- 5. publication-ready (issue 12): contrast, chrome, pointer, zoom, label counts, static pages at 320 px -----

/** A blank page on the gallery's origin (no CSP) with the script-tag bundle: charts are drawn by each check. */
async function bundlePage(width, height = 900) {
  const p = await openPage("/examples/index.html", { width, height, allow: [/ERR_ABORTED/] });
  await p.page.route("**/__issue12.html", (route) => route.fulfill({ contentType: "text/html", body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>claimline check</title></head><body><main></main></body></html>' }));
  await p.page.goto(new URL("/__issue12.html", base).href);
  await p.page.addScriptTag({ url: new URL("/dist/claimline.min.js", base).href });
  await p.page.evaluate(`(${colourMaths})()`);
  await p.page.evaluate(() => {
    // WCAG contrast (tests/browser/colour.js) on [r, g, b] triples, and a painted colour composited (its alpha, its opacity) over the background.
    const { parse, ratio } = window.__colour;
    const rgb = (s) => {
      const p = parse(s);
      return p && { c: [p.r, p.g, p.b], a: p.a };
    };
    const of = ([r, g, b]) => ({ r, g, b });
    window.__ratio = (a, b) => ratio(of(a), of(b));
    window.__bg = (node) => rgb(getComputedStyle(node).backgroundColor).c;
    /** The contrast of an element's fill and stroke against `bg`, with its fill-/stroke-opacity and every ancestor's opacity. */
    window.__paint = (el, bg) => {
      const cs = getComputedStyle(el);
      let op = 1;
      for (let e = el; e && e.localName !== "svg"; e = e.parentElement) op *= Number(getComputedStyle(e).opacity);
      const on = (v, o) => {
        const p = rgb(v);
        if (!p) return 0;
        const a = p.a * o * op;
        return window.__ratio(p.c.map((x, i) => x * a + bg[i] * (1 - a)), bg);
      };
      const lineLike = ["line", "polyline"].includes(el.localName) || cs.fill === "none";
      return { fill: lineLike ? 0 : on(cs.fill, Number(cs.fillOpacity)), stroke: cs.stroke === "none" || parseFloat(cs.strokeWidth) < 1 ? 0 : on(cs.stroke, Number(cs.strokeOpacity)), text: el.localName === "text" || el.localName === "tspan" };
    };
  });
  return p;
}

await check("contrast: every band, window box, highlight and annotation passes WCAG AA against the background (3:1, 4.5:1 for text), light and dark", async () => {
  const { page, errors, close } = await bundlePage(1200, 900);
  const got = await page.evaluate(async () => {
    const seeds = await (await fetch("/examples/data/seeds.json")).json();
    const ev = (id, date, kind, title) => ({ id, date, kind, title, citations: [{ source: "s" }] });
    // Soft (approximate) ends and an approximate day: the fading run-out and the soft whiskers.
    const soft = { version: 1, sources: [{ id: "s", name: "A source" }], events: [ev("talks", "2025-03-01~/2025-05-20", "meeting", "Talks from about early March"), ev("visit", "2025-06-10~", "visit", "A visit, about 10 June"), ev("month", "2025-07", "statement", "A statement in July"), ev("year", "2024", "statement", "Sometime in 2024"), ev("day", "2025-08-15", "summit", "A summit")] };
    const TROOPS = "North Korean troops sent to Russia";
    const want = {
      timeline: [".claimline-v1-tl-period-band", ".claimline-v1-tl-band", ".claimline-v1-tl-fade", ".claimline-v1-tl-whisker", ".claimline-v1-tl-note", ".claimline-v1-tl-period"],
      "promise-tracker": [".claimline-v1-pt-window", ".claimline-v1-pt-window-fuzzy", ".claimline-v1-pt-future .claimline-v1-pt-window", ".claimline-v1-pt-unknown-line", ".claimline-v1-pt-highlight-bg", ".claimline-v1-pt-overdue-bar", ".claimline-v1-pt-said-span", ".claimline-v1-pt-note"],
      "figure-comparison": [".claimline-v1-fc-band-edge", ".claimline-v1-fc-band-key", ".claimline-v1-fc-highlight-bg", ".claimline-v1-fc-annotation"],
    };
    const out = [];
    for (const theme of ["light", "dark"]) {
      const hosts = [];
      const draw = (fn, data, options) => {
        const host = document.createElement("div");
        document.querySelector("main").appendChild(host);
        hosts.push(host);
        window.Claimline[fn](host, data, { width: 1100, theme, ...options });
        return host;
      };
      draw("timeline", seeds, { periods: [{ start: "2025-08-12", end: "2025-08-15", label: "Call, then summit" }], highlight: "putin-kim-call", annotations: { "treaty-signing": "An editor's note" } });
      draw("timeline", soft, {});
      draw("promiseTracker", seeds, { asOf: "2025-05-01", highlight: "tariff-rates" });
      draw("promiseTracker", seeds, { asOf: "2025-08-16" });
      draw("figureComparison", seeds, { subject: TROOPS, highlight: "nk-troops-10000-october", annotations: { "nk-troops-10000-october": "Counts the deployment in October 2024" } });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const found = {};
      for (const host of hosts) {
        const node = host.querySelector("[data-claimline-chart]");
        const chart = node.getAttribute("data-claimline-chart");
        const bg = window.__bg(node);
        for (const sel of want[chart]) {
          for (const el of node.querySelectorAll(`svg ${sel}`)) {
            const b = el.getBoundingClientRect();
            if (!(b.width + b.height > 0)) continue;
            const p = window.__paint(el, bg);
            const best = p.text ? p.fill : Math.max(p.fill, p.stroke);
            const need = p.text ? 4.5 : 3;
            const key = `${theme} ${chart} ${sel.replace(/\.claimline-v1-/g, ".")}`;
            found[key] = found[key] ?? { n: 0, worst: Infinity, need };
            found[key].n++;
            found[key].worst = Math.min(found[key].worst, Math.round(best * 100) / 100);
          }
        }
      }
      for (const [chart, sels] of Object.entries(want)) for (const sel of sels) {
        const key = `${theme} ${chart} ${sel.replace(/\.claimline-v1-/g, ".")}`;
        out.push({ key, ...(found[key] ?? { n: 0, worst: 0, need: 3 }) });
      }
      hosts.forEach((h) => h.remove());
    }
    return out;
  });
  for (const r of got) {
    expect(r.n > 0, `${r.key}: none drawn (the check would pass vacuously)`);
    expect(r.n === 0 || r.worst >= r.need, `${r.key}: contrast ${r.worst}:1 < ${r.need}:1 (${r.n} drawn)`);
  }
  current.notes.push(`${got.length} element kinds; lowest ${Math.min(...got.filter((r) => r.n).map((r) => r.worst))}:1`);
  reportErrors(errors, "console");
  await close();
});

await check("chrome: headline, dek, source, note and credit are visible text (a box, AA contrast) in each chart, light and dark; the summary is a secondary line", async () => {
  const { page, errors, close } = await bundlePage(1000, 900);
  const got = await page.evaluate(async () => {
    const seeds = await (await fetch("/examples/data/seeds.json")).json();
    const chrome = { title: "A headline for the desk", subtitle: "A dek that says what the reader sees", source: "The desk's reporting", note: "Dates as reported", credit: "The graphics desk" };
    const out = [];
    for (const theme of ["light", "dark"]) {
      for (const [fn, extra] of [["timeline", {}], ["promiseTracker", { asOf: "2025-08-16" }], ["figureComparison", { subject: "North Korean troops sent to Russia" }]]) {
        const host = document.createElement("div");
        document.querySelector("main").appendChild(host);
        window.Claimline[fn](host, seeds, { theme, ...chrome, ...extra });
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const node = host.querySelector("[data-claimline-chart]");
        const bg = window.__bg(node);
        const parts = {};
        for (const [k, text] of [["headline", chrome.title], ["dek", chrome.subtitle], ["source", chrome.source], ["note", chrome.note], ["credit", chrome.credit], ["summary", null]]) {
          const el = node.querySelector(`.claimline-v1-${k}`);
          if (!el) {
            parts[k] = { missing: true };
            continue;
          }
          const b = el.getBoundingClientRect();
          const cs = getComputedStyle(el);
          const colour = /rgba?\(([^)]+)\)/.exec(cs.color)[1].split(/[\s,/]+/).map(Number).slice(0, 3);
          parts[k] = { text: el.textContent, has: text === null || el.textContent.includes(text), box: [Math.round(b.width), Math.round(b.height)], shown: el.checkVisibility({ opacityProperty: true, visibilityProperty: true }), inSvg: !!el.closest("svg"), contrast: Math.round(window.__ratio(colour, bg) * 100) / 100, size: parseFloat(cs.fontSize), tag: el.localName };
        }
        out.push({ theme, chart: fn, parts });
        host.remove();
      }
    }
    return out;
  });
  for (const { theme, chart, parts } of got) {
    for (const k of ["headline", "dek", "source", "note", "credit"]) {
      const p = parts[k];
      const where = `${chart} ${theme} ${k}`;
      if (!expect(!p.missing, `${where}: not drawn`)) continue;
      expect(p.has, `${where}: says ${JSON.stringify(p.text)}`);
      expect(p.box[0] > 0 && p.box[1] > 0 && p.shown, `${where}: not visible (box ${p.box}, shown ${p.shown})`);
      expect(!p.inSvg, `${where}: drawn inside the picture, not as page text`);
      expect(p.contrast >= 4.5, `${where}: contrast ${p.contrast}:1`);
      expect(p.size >= 12, `${where}: ${p.size} px text`);
    }
    expect(parts.headline.tag === "h2" && !parts.summary.missing && parts.summary.size < parts.headline.size && parts.summary.text !== parts.headline.text, `${chart} ${theme}: the summary is not a secondary line under the headline (${JSON.stringify(parts.summary)})`);
  }
  reportErrors(errors, "console");
  await close();
});

/**
 * Hover (and click) at the centre of every hit area of every mark: the card shown is that mark's. Areas whose centre
 * another mark's area shares (two events on one day: the same spot) are left out; every mark must keep at least one.
 */
async function pointerTargets(page) {
  return page.evaluate(() => {
    const node = document.querySelector("[data-claimline-chart]");
    const out = [];
    const seen = new Set();
    for (const m of node.querySelectorAll("svg [data-id]")) {
      const id = m.getAttribute("data-id");
      if (seen.has(id)) continue;
      seen.add(id);
      const rects = [...m.querySelectorAll(".claimline-v1-focus")].filter((r) => !r.closest("[display]"));
      (rects.length ? rects : [m]).forEach((r, i) => {
        const b = r.getBoundingClientRect();
        if (b.width > 0 && b.height > 0) out.push({ id, i, cx: b.left + b.width / 2 + scrollX, cy: b.top + b.height / 2 + scrollY });
      });
    }
    return out.map((t) => ({ ...t, shared: out.some((o) => o.id !== t.id && Math.hypot(o.cx - t.cx, o.cy - t.cy) < 1) }));
  });
}

async function pointAt(page, t) {
  await page.mouse.move(1, 1);
  const p = await page.evaluate(({ id, i }) => {
    const m = document.querySelector(`[data-claimline-chart] svg [data-id="${CSS.escape(id)}"]`);
    const rects = [...m.querySelectorAll(".claimline-v1-focus")].filter((r) => !r.closest("[display]"));
    const r = (rects.length ? rects : [m])[i];
    const b0 = r.getBoundingClientRect();
    window.scrollBy(0, b0.top + b0.height / 2 - innerHeight / 2);
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }, t);
  return p;
}

const cardState = (page) =>
  page.evaluate(() => {
    const node = document.querySelector("[data-claimline-chart]");
    const card = node.querySelector(".claimline-v1-detail");
    return { active: node.querySelector("svg .claimline-v1-active")?.getAttribute("data-id") ?? null, shown: !card.hidden, title: card.querySelector("h3")?.textContent ?? "" };
  });

await check("pointer: hovering or clicking each mark's hit area opens that mark's own card (the 12 August call is not the 15 August summit)", async () => {
  for (const [chart, story, width] of [["timeline", "timeline", 1200], ["timeline", "timeline", 800], ["timeline", "timeline-phone", 320], ["promise-tracker", "promise-tracker", 1200], ["figure-comparison", "figure-comparison-all-seeds", 1200]]) {
    const { page, errors, close } = await openPage(`/examples/chart.html?chart=${chart}&story=${story}`, { width, height: 800 });
    await page.waitForSelector("section[data-drawn] [data-claimline-chart] svg [data-id]", { timeout: 15000 });
    const targets = await pointerTargets(page);
    const titles = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll("[data-claimline-chart] svg [data-id]")].map((m) => [m.getAttribute("data-id"), m.getAttribute("aria-label")])));
    const ok = new Set();
    let wrong = 0;
    for (const t of targets.filter((x) => !x.shared)) {
      const p = await pointAt(page, t);
      await page.mouse.move(p.x, p.y);
      const s = await cardState(page);
      if (s.shown && s.active === t.id) ok.add(t.id);
      else if (++wrong <= 3) current.failures.push(`${chart} ${width}px: hovering ${t.id}'s hit area ${t.i} at (${Math.round(p.x)}, ${Math.round(p.y)}) shows ${s.shown ? s.active : "no card"}`);
    }
    const ids = Object.keys(titles);
    // Marks folded into "+N events" share their spot on the axis: the pointer reaches them through the group's list.
    for (const id of ids.filter((x) => !ok.has(x))) {
      const at = (sel) =>
        page.evaluate(
          ({ id, sel }) => {
            const m = document.querySelector(`[data-claimline-chart] svg .claimline-v1-tl-member[data-id="${CSS.escape(id)}"]`);
            const r = m && (sel === "group" ? m.closest(".claimline-v1-tl-group").querySelector(":scope > g[aria-hidden] > .claimline-v1-focus") : m.querySelector(".claimline-v1-tl-row .claimline-v1-focus"));
            if (!r) return null;
            if (sel === "group") {
              const b0 = r.getBoundingClientRect();
              window.scrollBy(0, b0.top + b0.height / 2 - innerHeight / 3);
            }
            const b = r.getBoundingClientRect();
            return b.width > 0 ? { x: b.left + b.width / 2, y: b.top + b.height / 2 } : null;
          },
          { id, sel },
        );
      await page.mouse.move(1, 1);
      const g = await at("group");
      if (!g) continue;
      await page.mouse.move(g.x, g.y);
      const row = await at("row");
      if (!row) continue;
      await page.mouse.move(row.x, row.y);
      const s = await cardState(page);
      if (s.shown && s.active === id) ok.add(id);
    }
    const unreachable = ids.filter((id) => !ok.has(id));
    expect(unreachable.length === 0, `${chart} ${width}px: no hit area opens the card of ${unreachable.join(", ")}`);
    expect(wrong === 0, `${chart} ${width}px: ${wrong} hit areas open another mark's card`);
    if (chart === "timeline" && width > 320) {
      // The call and the summit, 3 px apart: a click at the call's symbol pins the call's card, and the keyboard carries on from it.
      const call = targets.find((t) => t.id === "putin-kim-call" && t.i === 0);
      const p = await pointAt(page, call);
      await page.mouse.click(p.x, p.y);
      const s = await cardState(page);
      const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-id"));
      expect(s.shown && s.active === "putin-kim-call" && /speak by phone/.test(s.title), `${width}px: a click on the 12 August call shows ${s.active}: ${s.title}`);
      expect(focused === "putin-kim-call", `${width}px: after the click, focus is on ${focused}`);
      await page.mouse.click(p.x, p.y);
      await page.mouse.move(1, 1);
    }
    current.notes.push(`${chart} ${width}px: ${ok.size}/${ids.length} marks by ${targets.filter((x) => !x.shared).length} areas (${targets.filter((x) => x.shared).length} shared)`);
    reportErrors(errors, "console");
    await close();
  }
});

await check("zoom: every choice shows marks, and a way back to the whole timeline is always offered", async () => {
  for (const width of [1200, 320]) {
    const { page, errors, close } = await openPage(`/examples/chart.html?chart=timeline&story=timeline`, { width, height: 900 });
    await page.waitForSelector("section[data-drawn] [data-claimline-chart] svg [data-id]", { timeout: 15000 });
    const read = () =>
      page.evaluate(() => {
        const node = document.querySelector("[data-claimline-chart]");
        const svg = node.querySelector(":scope > svg");
        const shown = [...svg.querySelectorAll("[data-id]")].filter((m) => {
          const b = m.getBoundingClientRect();
          return b.width > 0 && b.height > 0;
        });
        const buttons = [...node.querySelectorAll("button[data-zoom]")];
        return { marks: shown.length, choices: buttons.map((b) => b.getAttribute("data-zoom")), labels: buttons.map((b) => b.textContent), pressed: buttons.filter((b) => b.getAttribute("aria-pressed") === "true").map((b) => b.getAttribute("data-zoom")), back: buttons.some((b) => b.getAttribute("data-zoom") === "" && b.getBoundingClientRect().width > 0) };
      });
    const first = await read();
    expect(first.choices.length >= 2, `${width}px: ${first.choices.length} zoom choices`);
    const zoom = async (value) => {
      await page.click(`[data-claimline-chart] button[data-zoom="${value}"]`);
      await frames(page);
      return read();
    };
    const whole = await zoom("");
    expect(whole.marks > 0 && whole.pressed.join() === "", `${width}px: the whole timeline shows ${whole.marks} marks, pressed ${whole.pressed}`);
    for (const [k, value] of first.choices.entries()) {
      if (!value) continue;
      const s = await zoom(value);
      expect(s.marks > 0, `${width}px: zoomed to ${first.labels[k]} (${value}): an empty view`);
      expect(s.back, `${width}px: zoomed to ${first.labels[k]}: no way back to the whole timeline`);
      expect(s.pressed.length === 1 && s.pressed[0] === value, `${width}px: zoomed to ${value}, pressed ${s.pressed}`);
      current.notes.push(`${width}px ${first.labels[k]}: ${s.marks}`);
    }
    const back = await zoom("");
    expect(back.marks === whole.marks, `${width}px: back to the whole timeline shows ${back.marks} marks, not ${whole.marks}`);
    reportErrors(errors, "console");
    await close();
  }
});

await check("cluster: one tap on a '+N events' too big to list zooms to its events (44 px target), and 'Whole timeline' leads back", async () => {
  const { page, errors, close } = await openPage(`/examples/chart.html?chart=timeline&story=timeline-dense-year`, { width: 320, height: 900 });
  await page.waitForSelector("section[data-drawn] [data-claimline-chart] svg [data-id]", { timeout: 15000 });
  const opener = page.locator("[data-claimline-chart] > svg .claimline-v1-tl-group > [data-zoom]").first();
  expect((await opener.count()) === 1, "the dense story at 320 px has no cluster too big to list");
  const members = await opener.evaluate((g) => g.parentElement.querySelectorAll("[data-id]").length);
  const target = await opener.locator(".claimline-v1-focus").boundingBox();
  expect(target.width >= 44 && target.height >= 44, `the '+N' target is ${Math.round(target.width)}×${Math.round(target.height)} px`);
  const domain = await opener.getAttribute("data-zoom");
  await opener.scrollIntoViewIfNeeded();
  const box = await opener.locator(".claimline-v1-focus").boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await frames(page);
  const after = await page.evaluate(() => {
    const node = document.querySelector("[data-claimline-chart]");
    const buttons = [...node.querySelectorAll("button[data-zoom]")];
    return { marks: node.querySelectorAll(":scope > svg [data-id]").length, back: buttons.some((b) => b.getAttribute("data-zoom") === "" && b.getAttribute("aria-pressed") === "false") };
  });
  expect(after.marks >= members && after.marks < 1000, `after the tap on ${domain}: ${after.marks} marks (the cluster had ${members})`);
  expect(after.back, "after the tap: no 'Whole timeline' button to lead back");
  await page.click('[data-claimline-chart] button[data-zoom=""]');
  await frames(page);
  const back = await page.evaluate(() => document.querySelectorAll("[data-claimline-chart] > svg [data-id]").length);
  expect(back === 1000, `back on the whole timeline: ${back} marks`);
  current.notes.push(`+${members} → ${domain}: ${after.marks} marks drawn; back: ${back}`);
  reportErrors(errors, "console");
  await close();
});

await check("lean marks (issue 11, item 5): dense charts name a mark when it is reached — Tab, arrows and a click each give a named button; axe reports nothing with the card shown", async () => {
  const { page, errors, close } = await bundlePage(1000, 900);
  const axe = readFileSync(join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");
  await page.evaluate(axe);
  const data = { timeline: eventsDataset(400, 31), figureComparison: claimsDataset(400, 32), promiseTracker: promisesDataset(400, 33) };
  for (const [fn, dataset] of Object.entries(data)) {
    const setup = await page.evaluate(async ({ fn, dataset }) => {
      const main = document.querySelector("main");
      main.textContent = "";
      const host = document.createElement("div");
      main.appendChild(host);
      window.__h?.destroy();
      window.__h = window.Claimline[fn](host, dataset);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const svg = host.querySelector("[data-claimline-chart] > svg");
      return { marks: svg.querySelectorAll("[data-id]").length, named: svg.querySelectorAll("[data-id][aria-label]").length, stops: svg.querySelectorAll('[data-id][tabindex="0"]').length };
    }, { fn, dataset });
    expect(setup.marks >= 300, `${fn}: ${setup.marks} marks drawn`);
    expect(setup.named === 1 && setup.stops === 1, `${fn}: ${setup.named} marks named and ${setup.stops} tab stops before any focus (expected the tab stop alone)`);
    await page.focus("[data-claimline-chart] > svg [data-id][tabindex='0']");
    const seen = [];
    for (let i = 0; i < 6; i++) {
      const a = await page.evaluate(() => {
        const el = document.activeElement;
        return { id: el?.getAttribute("data-id"), role: el?.getAttribute("role"), name: el?.getAttribute("aria-label") ?? "", card: !document.querySelector("[data-claimline-chart] .claimline-v1-detail").hidden };
      });
      expect(a.id && a.role === "button" && a.name.trim().length > 10 && a.card, `${fn}: arrow step ${i}: ${JSON.stringify(a).slice(0, 160)}`);
      seen.push(a.id);
      await page.keyboard.press("ArrowRight");
    }
    expect(new Set(seen).size === 6, `${fn}: ArrowRight visited ${new Set(seen).size} distinct marks of 6 presses`);
    // A pointer: a mark far from the keyboard's, clicked, becomes a named, focused button.
    const far = await page.evaluate(() => {
      const marks = [...document.querySelectorAll("[data-claimline-chart] > svg [data-id]")].filter((m) => !m.hasAttribute("aria-label") && m.getBoundingClientRect().width > 0);
      const m = marks[Math.floor(marks.length / 2)];
      m.scrollIntoView({ block: "center" });
      const r = (m.querySelector(".claimline-v1-focus") ?? m).getBoundingClientRect();
      return { id: m.getAttribute("data-id"), x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(far.x, far.y);
    const clicked = await page.evaluate(() => ({ id: document.activeElement?.getAttribute("data-id"), role: document.activeElement?.getAttribute("role"), name: document.activeElement?.getAttribute("aria-label") ?? "" }));
    expect(clicked.id && clicked.role === "button" && clicked.name.length > 10, `${fn}: a click near ${far.id} focused ${JSON.stringify(clicked).slice(0, 160)}`);
    const violations = await page.evaluate(async () => (await window.axe.run("[data-claimline-chart]", { resultTypes: ["violations"] })).violations.map((v) => `${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`));
    expect(violations.length === 0, `${fn}: axe ${violations.join("; ")}`);
    current.notes.push(`${fn}: ${setup.marks} marks, 1 named up front; 6 arrow steps and a click named; axe ${violations.length}`);
  }
  reportErrors(errors, "console");
  await close();
});

await check("seed timeline labels as drawn (real fonts): the story's own domain at 1,200 px labels ≥ 20 of 23; ten events labelled in full at 1,200 and 320 px; no two labels' text boxes overlap", async () => {
  const { page, errors, close } = await bundlePage(1300, 900);
  const got = await page.evaluate(async () => {
    const seeds = await (await fetch("/examples/data/seeds.json")).json();
    const ten = ["trump-store-meeting", "russia-top-general-confirmation", "north-korea-confirmation", "putin-thanks-kim", "peskov-no-plans", "trump-carney-meeting", "shoigu-visit-june-4", "paris-military-chiefs-meeting", "putin-kim-call", "trump-putin-summit"];
    const runs = [
      ["seeds, May 2024 – October 2025, 1,200 px", seeds, { domain: ["2024-05", "2025-10"] }, 1200],
      ["ten events, 1,200 px", { ...seeds, events: seeds.events.filter((e) => ten.includes(e.id)) }, {}, 1200],
      ["ten events, 320 px", { ...seeds, events: seeds.events.filter((e) => ten.includes(e.id)) }, {}, 320],
    ];
    const out = [];
    for (const [name, data, options, width] of runs) {
      const host = document.createElement("div");
      document.querySelector("main").appendChild(host);
      window.Claimline.timeline(host, data, { width, ...options });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const svg = host.querySelector("[data-claimline-chart] > svg");
      const ids = [...new Set([...svg.querySelectorAll("[data-id]")].map((m) => m.getAttribute("data-id")))];
      const boxes = [];
      for (const id of ids) {
        const words = svg.querySelector(`[data-for="${CSS.escape(id)}"]`);
        const texts = words ? [...words.querySelectorAll("text")].filter((t) => t.textContent.trim()) : [];
        for (const t of texts) {
          const b = t.getBoundingClientRect();
          if (b.width > 0) boxes.push({ id, text: t.textContent, l: b.left, t: b.top, r: b.right, b: b.bottom });
        }
      }
      const labelled = new Set(boxes.map((b) => b.id));
      const overlaps = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const c = boxes[j];
          if (a.id === c.id) continue;
          const w = Math.min(a.r, c.r) - Math.max(a.l, c.l);
          const h = Math.min(a.b, c.b) - Math.max(a.t, c.t);
          if (w > 1 && h > 1) overlaps.push(`"${a.text}" (${a.id}) × "${c.text}" (${c.id}): ${Math.round(w)}×${Math.round(h)} px`);
        }
      out.push({ name, marks: ids.length, labelled: labelled.size, unlabelled: ids.filter((id) => !labelled.has(id)), clusters: svg.querySelectorAll(".claimline-v1-tl-group").length, overlaps });
      host.remove();
    }
    return out;
  });
  const [story, tenWide, tenNarrow] = got;
  expect(story.marks === 23 && story.labelled >= 20, `${story.name}: ${story.labelled} of ${story.marks} labelled (unlabelled: ${story.unlabelled.join(", ")})`);
  for (const t of [tenWide, tenNarrow]) expect(t.marks === 10 && t.labelled === 10 && t.clusters === 0, `${t.name}: ${t.labelled} of ${t.marks} labelled, ${t.clusters} "+N" groups (unlabelled: ${t.unlabelled.join(", ")})`);
  for (const r of got) expect(r.overlaps.length === 0, `${r.name}: label text overlaps as drawn: ${r.overlaps.slice(0, 3).join("; ")}${r.overlaps.length > 3 ? ` …+${r.overlaps.length - 3}` : ""}`);
  current.notes.push(got.map((r) => `${r.name}: ${r.labelled}/${r.marks}`).join("; "));
  reportErrors(errors, "console");
  await close();
});

await check("static pages at 320 px: the narrow drawing is the one shown (text ≥ 12 px), one picture in the accessibility tree at 320 and 1,200 px, the frame's pym height is the page's", async () => {
  for (const chart of CHARTS) {
    for (const width of [320, 1200]) {
      const { page, errors, close } = await openPage(`/examples/static/${chart}.html`, { width, height: 800 });
      const s = await page.evaluate(() => {
        const root = document.querySelector("[data-claimline-static]");
        const pictures = [...root.querySelectorAll("svg[role=img]")];
        const shown = pictures.filter((p) => p.checkVisibility());
        const svg = shown[0];
        const scale = svg ? svg.getBoundingClientRect().width / Number(svg.getAttribute("width")) : 0;
        const sizes = svg ? [...svg.querySelectorAll("text")].filter((t) => t.checkVisibility() && t.textContent.trim() && t.getBoundingClientRect().width > 0).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale) : [];
        return { pictures: pictures.length, shown: shown.length, narrow: !!svg?.closest(".claimline-v1-narrow"), width: svg?.getAttribute("width"), scale, min: Math.min(...sizes), texts: sizes.length, overflow: document.documentElement.scrollWidth };
      });
      const snapshot = await page.locator("[data-claimline-static]").ariaSnapshot();
      const images = (snapshot.match(/^\s*- '?img\b/gm) ?? []).length;
      expect(s.pictures === 2, `${chart} ${width}px: ${s.pictures} pictures in the page, expected the wide and the narrow`);
      expect(s.shown === 1 && images === 1, `${chart} ${width}px: ${s.shown} pictures displayed, ${images} in the accessibility tree`);
      expect(s.narrow === (width === 320), `${chart} ${width}px: the ${s.narrow ? "narrow" : "wide"} picture is shown`);
      if (width === 320) {
        expect(s.min >= 11.9 && s.texts > 5, `${chart} at 320 px: the smallest text is ${s.min.toFixed(1)} px (drawing ${s.width} px at ×${s.scale.toFixed(2)})`);
        expect(s.overflow <= 320, `${chart} at 320 px: the page scrolls sideways (${s.overflow})`);
        await screenshot(page, `static-${chart}-320`);
      }
      current.notes.push(`${chart} ${width}px: ${s.narrow ? "narrow" : "wide"} ${s.width} px, text ≥ ${s.min.toFixed(1)} px`);
      reportErrors(errors, `console ${chart} ${width}px`);
      await close();
    }
  }
  // Fragments in an article page (its own margins), without JavaScript, at 320 px: each shows its narrow picture unshrunk.
  const ssr = await openPage("/examples/static/ssr.html", { width: 320, javaScriptEnabled: false });
  const frags = await ssr.page.evaluate(() =>
    [...document.querySelectorAll("[data-claimline-static]")].map((root) => {
      const shown = [...root.querySelectorAll("svg[role=img]")].filter((p) => p.checkVisibility());
      const svg = shown[0];
      const scale = svg ? svg.getBoundingClientRect().width / Number(svg.getAttribute("width")) : 0;
      const sizes = svg ? [...svg.querySelectorAll("text")].filter((t) => t.checkVisibility() && t.textContent.trim()).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale) : [];
      return { chart: root.getAttribute("data-claimline-static"), shown: shown.length, narrow: !!svg?.closest(".claimline-v1-narrow"), min: Math.min(...sizes) };
    }),
  );
  for (const f of frags) expect(f.shown === 1 && f.narrow && f.min >= 11.9, `fragment ${f.chart} at 320 px without JavaScript: ${JSON.stringify(f)}`);
  reportErrors(ssr.errors, "console (ssr.html at 320 px)");
  await ssr.close();
  // In a 320 px frame: the height the page reports is the narrow page's, and the frame is sized to it.
  const { page, errors, close } = await openPage("/examples/csp.html", { width: 400 });
  const got = await page.evaluate(async () => {
    const messages = [];
    addEventListener("message", (e) => typeof e.data === "string" && messages.push(e.data));
    const frame = document.createElement("iframe");
    frame.src = "/examples/static/timeline.html?childId=narrow";
    frame.title = "Timeline";
    frame.width = "320";
    document.querySelector("main").prepend(frame);
    await new Promise((r) => frame.addEventListener("load", r, { once: true }));
    for (let t = 0; t < 30 && !messages.some((m) => m.startsWith("pymxPYMxnarrowxPYMxheight")); t++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 300));
    const last = messages.filter((m) => m.startsWith("pymxPYMxnarrowxPYMxheight")).pop();
    const doc = frame.contentDocument;
    return { sent: last ? Number(last.split("xPYMx").pop()) : null, height: doc.documentElement.offsetHeight, narrow: doc.querySelector(".claimline-v1-narrow").checkVisibility() };
  });
  expect(got.narrow, "the 320 px frame does not show the narrow picture");
  expect(got.sent === got.height, `the 320 px frame reported ${got.sent} px, its page is ${got.height} px tall`);
  current.notes.push(`320 px frame: ${got.sent} px`);
  reportErrors(errors, "console (320 px frame)");
  await close();
});

// ---- summary ------------------------------------------------------------------------

await browser.close();
server.close();
const failed = results.filter((r) => r.failures.length);
console.log(`\nbrowser tests: ${results.length - failed.length} passed, ${failed.length} failed; screenshots in ${screens}`);
for (const r of failed) console.log(`  ✗ ${r.name}\n${r.failures.map((f) => `      ${f}`).join("\n")}`);
process.exit(failed.length ? 1 : 0);
