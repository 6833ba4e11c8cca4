// The gallery page for one chart: examples/chart.html?chart=<name>[&story=<id>].
// Stories come from examples/stories/<chart>.js (written with each chart) plus
// the generic ones below; each gets controls that call handle.update and
// copy-ready embed code. Loaded as an external module: the page runs under
// `default-src 'self'`.
const Claimline = window.Claimline;
const CHARTS = {
  "figure-comparison": { factory: "figureComparison", title: "Figure comparison", records: "claims" },
  timeline: { factory: "timeline", title: "Timeline", records: "events" },
  "promise-tracker": { factory: "promiseTracker", title: "Promise tracker", records: "promises" },
};
/** Sort orders each chart accepts (the control is hidden when a chart has none). */
const SORTS = {
  "figure-comparison": ["", "value", "claimant", "date"],
  timeline: [],
  "promise-tracker": ["", "said", "overdue", "status"],
};
/** Every language claimline ships (issue 13); English is built in, the others load from /dist/locales/. */
const LOCALES = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "pt-BR", "ru-RU", "uk-UA", "ko-KR", "ja-JP", "zh-CN", "ar-EG"];
const catalogues = new Map();
/** Load a locale's catalogue (the script-tag flavour, same origin: the page's CSP holds) before a chart uses it. */
function loadCatalogue(tag) {
  const lang = String(tag ?? "en").split("-")[0].toLowerCase();
  if (lang === "en") return Promise.resolve();
  const bundle = document.querySelector('script[src$="claimline.min.js"]')?.src ?? new URL("/dist/claimline.min.js", location.href).href;
  if (Claimline.loadMessages) return Claimline.loadMessages(tag, bundle);
  if (!catalogues.has(lang)) {
    catalogues.set(lang, new Promise((resolve) => {
      const script = document.createElement("script");
      script.src = new URL(`locales/${lang}.global.js`, bundle).href;
      script.addEventListener("load", resolve, { once: true });
      script.addEventListener("error", resolve, { once: true });
      document.head.append(script);
    }));
  }
  return catalogues.get(lang);
}
const WIDTHS = ["fit", "320", "480", "640", "800", "1200"];
const AS_OF = "2025-08-16";
const SCRIPT_URL = "https://unpkg.com/claimline/dist/claimline.min.js";
const FRAME_URL = "https://unpkg.com/claimline/dist/claimline-frame.js";

const params = new URLSearchParams(location.search);
const chart = params.get("chart") ?? "promise-tracker";
const only = params.get("story");
const main = document.getElementById("stories");
const nav = document.getElementById("story-nav");

// ---- data -------------------------------------------------------------------

const cache = new Map();
function loadData(data) {
  if (typeof data !== "string") return Promise.resolve(data);
  const url = new URL(data, location.href).href;
  if (!cache.has(url)) {
    cache.set(url, fetch(url).then((r) => {
      if (!r.ok) throw new Error(`could not load ${data}: HTTP ${r.status}`);
      return r.json();
    }));
  }
  return cache.get(url);
}

/** A small deterministic random generator, so the stress story is the same every time. */
function random(seed) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const pad = (n) => String(n).padStart(2, "0");
function day(rand, fromYear = 2020, years = 5) {
  const t = Date.UTC(fromYear, 0, 1) + Math.floor(rand() * years * 365) * 864e5;
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 10,000 records of the chart's kind. */
function stress(name, n = 10000) {
  const rand = random(42);
  const actors = Array.from({ length: 24 }, (_, i) => ({ id: `a${i}`, name: `Speaker ${i + 1}` }));
  const sources = [{ id: "s1", name: "Wire service", kind: "agency" }, { id: "s2", name: "Daily paper", kind: "outlet" }];
  const ds = { version: 1, title: `${n.toLocaleString("en-US")} records`, asOf: AS_OF, sources, actors, events: [], claims: [], promises: [] };
  const kinds = ["call", "meeting", "visit", "summit", "treaty", "deployment", "statement"];
  const quals = ["exact", "about", "at-least", "more-than", "up-to", "fewer-than", "range"];
  const outcomes = ["pending", "kept", "late", "broken"];
  for (let i = 0; i < n; i++) {
    if (name === "timeline") {
      ds.events.push({ id: `e${i}`, date: day(rand), kind: kinds[i % kinds.length], title: `Event ${i + 1}`, participants: [`a${i % 24}`, `a${(i * 7 + 3) % 24}`].filter((v, j, a) => a.indexOf(v) === j), citations: [{ source: "s1" }] });
    } else if (name === "figure-comparison") {
      const q = quals[i % quals.length];
      const v = Math.round(1000 + rand() * 20000);
      const c = { id: `c${i}`, subject: `Figure ${1 + (i % 100)}`, qualifier: q, unit: "people", claimant: i % 3 ? `a${i % 24}` : "s2", citations: [{ source: i % 2 ? "s1" : "s2" }], date: day(rand) };
      if (q === "range") Object.assign(c, { low: v, high: v + Math.round(rand() * 5000) });
      else c.value = v;
      ds.claims.push(c);
    } else {
      const said = day(rand, 2020, 5);
      const status = outcomes[Math.floor(rand() * outcomes.length)];
      const p = { id: `p${i}`, speaker: `a${i % 24}`, said, topic: `Topic ${1 + (i % 50)}`, quote: "in two weeks", window: { min: "P14D", max: "P14D" } };
      if (status !== "pending") {
        const t = Date.parse(said) + Math.floor(rand() * 40) * 864e5;
        const d = new Date(Math.min(t, Date.parse(AS_OF)));
        p.outcome = { status, date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` };
        if (status === "broken") delete p.outcome.date;
      }
      ds.promises.push(p);
    }
  }
  return ds;
}

/** A dataset with a problem of every kind, so the chart shows its validation messages. */
const INVALID = {
  version: 1,
  sources: [{ id: "s1", name: "Wire service", kind: "newspaper" }],
  actors: [{ id: "a1", name: "Speaker" }],
  events: [{ id: "e1", date: "2025-02-30", kind: "call", title: "Impossible date", participants: ["nobody"] }],
  claims: [{ id: "c1", subject: "Troops", qualifier: "range", low: 20000, high: 10000, claimant: "nobody", citations: [{ source: "s1" }] }],
  promises: [{ id: "p1", speaker: "a1", said: "2025-13-01", topic: "Meet", quote: "two weeks", window: { min: "two-ish", max: "P14D" } }],
};

function genericStories(name, fromFile) {
  const base = name === "promise-tracker" ? { asOf: AS_OF } : {};
  const seed = "data/seeds.json";
  const list = [
    { id: "seed", title: "Seed data", description: "The events, figures and promises from the seed articles.", data: seed, options: base },
    { id: "dark", title: "Dark theme", description: "theme: \"dark\" — colours from the --claimline-* custom properties.", data: seed, options: { ...base, theme: "dark" } },
    { id: "phone", title: "320 px phone", description: "The narrowest phone: labels move, stack or give way to a count; nothing overlaps.", data: seed, options: base, width: 320 },
    { id: "ko-KR", title: "Korean (ko-KR)", description: "Numbers and dates in Korean.", data: seed, options: { ...base, locale: "ko-KR" } },
    { id: "ru-RU", title: "Russian (ru-RU)", description: "Numbers and dates in Russian.", data: seed, options: { ...base, locale: "ru-RU" } },
    { id: "empty", title: "Empty dataset", description: "No records: a readable message, never a blank box.", data: { version: 1 }, options: base, expect: "message" },
    { id: "invalid", title: "Invalid dataset", description: "Every problem, each with its path, in place of the chart.", data: INVALID, options: base, expect: "error" },
    { id: "stress", title: "10,000 records", description: "Generated in the browser: 10,000 records drawn, labels clustered.", data: () => stress(name), options: base, lazy: true },
  ];
  const ids = new Set(fromFile.map((s) => s.id));
  return list.filter((s) => !ids.has(s.id) && !(s.id === "seed" && fromFile.length));
}

// ---- embed snippets ---------------------------------------------------------

const kebab = (s) => s.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
const escAttr = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
/** A shell word, single-quoted unless it needs no quoting. */
const shellWord = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${String(s).replace(/'/g, "'\\''")}'`);
// The text forms the embed reads back (src/model/periodText.ts). A bundle without them gets JSON,
// which the attribute table reads too, so the snippet is exact either way.
const periodsText = (v) => (Claimline.formatPeriodsText ? Claimline.formatPeriodsText(v) : JSON.stringify(v));
const domainText = (v) => (Claimline.formatDomainText ? Claimline.formatDomainText(v) : v.join(","));

/** One option as attribute text: periods and the domain in the editor's syntax, objects as JSON, lists comma-joined. */
function attrText(key, v) {
  if (key === "periods" && Array.isArray(v)) return periodsText(v);
  if (key === "domain" && Array.isArray(v)) return domainText(v);
  if (Array.isArray(v)) return v.join(",");
  if (v && typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** The options as `claimline render` flags: --period once per period, --annotation ID=TEXT once per note. */
function cliFlags(opts) {
  const out = [];
  for (const [k, v] of opts) {
    if (k === "periods" && Array.isArray(v)) for (const p of v) out.push(`--period ${shellWord(periodsText([p]))}`);
    else if (k === "annotations" && v && typeof v === "object") for (const [id, note] of Object.entries(v)) out.push(`--annotation ${shellWord(`${id}=${note}`)}`);
    else out.push(`--${kebab(k)} ${shellWord(attrText(k, v))}`);
  }
  return out.map((f) => ` ${f}`).join("");
}

/** Embed code for `story` drawn with `options` (the story's own and the controls'): each door gets every option. */
function snippets(story, options) {
  const src = typeof story.data === "string" ? new URL(story.data, location.href).href : "your-data.json";
  const file = typeof story.data === "string" ? story.data.split("/").pop() : "data.json";
  // A story of several variants: the code for the first chart, whose own options win as on the page.
  const drawn = { ...options, ...(story.variants?.[0]?.options ?? {}) };
  const opts = Object.entries(drawn).filter(([, v]) => v !== undefined && v !== "" && v !== null && !(Array.isArray(v) && !v.length));
  const attrs = (prefix) => opts.map(([k, v]) => ` ${prefix}${kebab(k)}="${escAttr(attrText(k, v))}"`).join("");
  const factory = CHARTS[chart].factory;
  const optsJs = opts.length ? `, ${JSON.stringify(Object.fromEntries(opts))}` : "";
  // The page the command writes (the gallery's own static pages are drawn at a fixed width, with other settings).
  const framePage = `${chart}.html`;
  return [
    ["Script tag", `<script src="${SCRIPT_URL}" defer></script>\n<div data-claimline="${chart}" data-src="${src}"${attrs("data-")}></div>`],
    ["ESM import (with a bundler)", `// npm install claimline — the ESM build imports d3-* by name, so use a bundler (Vite, webpack, esbuild).\nimport { ${factory} } from "claimline";\n\nconst data = await (await fetch("${src}")).json();\nconst chart = ${factory}("#chart", data${optsJs});\n// chart.update(next, options) · chart.resize() · chart.destroy()`],
    ["Custom element", `<script src="${SCRIPT_URL}" defer></script>\n<claimline-chart chart="${chart}" src="${src}"${attrs("")}></claimline-chart>`],
    ["Iframe (pym.js protocol)", `<!-- the page: npx claimline render ${file} --chart ${chart}${cliFlags(opts)} --format html -o ${chart}.html -->\n<div data-claimline-frame="${escAttr(framePage)}" data-title="${escAttr(CHARTS[chart].title)}"></div>\n<script src="${FRAME_URL}" defer></script>\n<!-- or, on pages that already use pym.js: new pym.Parent("chart", "${framePage}", {}); -->`],
  ];
}

function renderSnippets(container, story, options) {
  container.textContent = "";
  snippets(story, options).forEach(([title, code], i) => {
    const box = el("div", { class: "snippet" }, container);
    el("h3", {}, box, title);
    const pre = el("pre", { id: `${story.domId}-snippet-${i}`, tabindex: "0", "aria-label": `${title} code` }, box);
    el("code", {}, pre, code);
    const button = el("button", { type: "button", "aria-describedby": pre.id }, box, "Copy");
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(code);
        button.textContent = "Copied";
      } catch {
        // Clipboard refused (insecure origin, permissions): select the text for Ctrl+C instead.
        getSelection()?.selectAllChildren(pre);
        button.textContent = "Selected — press Ctrl+C";
      }
      setTimeout(() => (button.textContent = "Copy"), 2000);
    });
  });
}

// ---- page -------------------------------------------------------------------

function el(name, attrs = {}, parent, text) {
  const node = document.createElement(name);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : v);
  if (text !== undefined) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

function select(parent, label, id, values, value, names = {}) {
  const wrap = el("label", { for: id }, parent, label);
  const s = el("select", { id }, wrap);
  for (const v of values) el("option", { value: v, selected: v === value }, s, names[v] ?? (v || "default"));
  return s;
}

function renderStory(story, index) {
  story.domId = `story-${index}`;
  const section = el("section", { class: "story", id: story.id, "aria-labelledby": `${story.domId}-title`, "data-story": story.id, "data-expect": story.expect ?? "marks" }, main);
  el("h2", { id: `${story.domId}-title` }, section, story.title);
  if (story.description) el("p", {}, section, story.description);
  const options = { ...(story.options ?? {}) };
  const form = el("form", { class: "controls", "aria-label": `Controls for ${story.title}` }, section);
  form.addEventListener("submit", (e) => e.preventDefault());
  const id = (n) => `${story.domId}-${n}`;
  const width = select(form, "Width", id("width"), WIDTHS, story.width ? String(story.width) : "fit", { fit: "fit the page", 320: "320 px", 480: "480 px", 640: "640 px", 800: "800 px", 1200: "1,200 px" });
  const theme = select(form, "Theme", id("theme"), ["light", "dark", "auto"], options.theme ?? "light");
  const locale = select(form, "Locale", id("locale"), LOCALES, options.locale ?? "en-US");
  const asOfLabel = el("label", { for: id("as-of") }, form, "As of");
  const asOf = el("input", { id: id("as-of"), type: "date", value: options.asOf ?? "" }, asOfLabel);
  const sorts = SORTS[chart] ?? [];
  const sort = sorts.length ? select(form, "Sort", id("sort"), sorts, options.sort ?? "", { "": "default" }) : null;

  // A story may show several variants side by side (e.g. the same data as of two dates).
  const variants = story.variants?.length ? story.variants : [{}];
  const row = variants.length > 1 ? el("div", { class: story.layout === "side-by-side" ? "variants side-by-side" : "variants" }, section) : section;
  const stages = variants.map((v) => {
    const stage = el("div", { class: "stage", "data-stage": "" }, row);
    if (v.title || v.options) el("p", { class: "variant-title" }, stage, v.title ?? Object.entries(v.options).map(([k, val]) => `${k}: ${val}`).join(", "));
    return stage;
  });
  const setWidth = () => {
    // CSSOM writes are allowed under a strict CSP (style="" attributes are not).
    for (const stage of stages) stage.style.width = width.value === "fit" ? "" : `${width.value}px`;
  };
  const setStageTheme = () => stages.forEach((stage) => stage.classList.toggle("stage-dark", theme.value === "dark"));
  setWidth();
  setStageTheme();

  const details = el("details", { class: "snippets" }, section);
  el("summary", {}, details, "Embed code");
  const code = el("div", {}, details);
  renderSnippets(code, story, options);

  const handles = [];
  const change = (patch) => {
    Object.assign(options, patch);
    for (const k of Object.keys(patch)) if (patch[k] === "" || patch[k] === undefined) delete options[k];
    // A variant's own options (e.g. its as-of date) stay fixed.
    handles.forEach((h, i) => {
      const own = variants[i].options ?? {};
      const rest = Object.fromEntries(Object.entries(patch).filter(([k]) => !(k in own)));
      if (Object.keys(rest).length) h.update(undefined, rest);
    });
    renderSnippets(code, story, options);
  };
  width.addEventListener("change", setWidth);
  theme.addEventListener("change", () => (setStageTheme(), change({ theme: theme.value })));
  locale.addEventListener("change", () => loadCatalogue(locale.value).then(() => change({ locale: locale.value })));
  asOf.addEventListener("change", () => change({ asOf: asOf.value || undefined }));
  sort?.addEventListener("change", () => change({ sort: sort.value || undefined }));

  const draw = async () => {
    const status = el("p", { role: "status" }, stages[0], "Loading data…");
    try {
      await Promise.all([options, ...variants.map((v) => v.options ?? {})].map((o) => loadCatalogue(o.locale)));
      const data = typeof story.data === "function" ? story.data() : await loadData(story.data);
      status.remove();
      variants.forEach((v, i) => handles.push(Claimline[CHARTS[chart].factory](stages[i], data, { ...options, ...(v.options ?? {}) })));
      section.setAttribute("data-drawn", "");
    } catch (err) {
      status.remove();
      el("p", { role: "alert" }, stages[0], `This story could not load its data: ${err.message}`);
      section.setAttribute("data-drawn", "error");
    }
  };
  if (story.lazy && !only && "IntersectionObserver" in window) {
    const wait = el("p", { role: "status" }, stages[0], "Drawn when scrolled into view.");
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        wait.remove();
        draw();
      }
    });
    io.observe(stages[0]);
  } else draw();
}

async function start() {
  const info = CHARTS[chart];
  if (!info) {
    main.textContent = "";
    el("p", { role: "alert" }, main, `Unknown chart "${chart}". Try figure-comparison, timeline or promise-tracker.`);
    return;
  }
  document.title = `${info.title} — claimline gallery`;
  document.getElementById("page-title").textContent = info.title;
  let fromFile = [];
  try {
    fromFile = (await import(`./stories/${chart}.js`)).default ?? [];
  } catch {
    // No story file yet: the generic stories (seed data first) stand in.
  }
  fromFile = fromFile.filter((s) => !s.chart || s.chart === chart);
  const stories = [...fromFile, ...genericStories(chart, fromFile)];
  main.textContent = "";
  const shown = only ? stories.filter((s) => s.id === only) : stories;
  if (!shown.length) el("p", { role: "alert" }, main, `No story "${only}" for ${chart}.`);
  for (const s of stories) {
    const li = el("li", {}, nav);
    const a = el("a", { href: only ? `?chart=${chart}&story=${encodeURIComponent(s.id)}` : `#${s.id}` }, li, s.title);
    if (s.id === only) a.setAttribute("aria-current", "page");
  }
  if (only) el("li", {}, nav).appendChild(el("a", { href: `?chart=${chart}` }, undefined, "All stories"));
  shown.forEach(renderStory);
  document.documentElement.setAttribute("data-gallery-ready", "");
  // The browser tests read the story list from here.
  window.claimlineStories = stories.map((s) => ({ id: s.id, title: s.title, expect: s.expect ?? "marks", variants: s.variants?.length ?? 0, width: s.width ?? s.options?.width ?? null }));
}

start();
