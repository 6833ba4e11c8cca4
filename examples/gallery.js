// The gallery page for one chart: examples/chart.html?chart=<name>[&story=<id>][&args=…][&stage=320].
// Stories come from examples/stories/<chart>.stories.js, written in Storybook's
// Component Story Format (read through storiesFromModule in ./stories/csf.js),
// plus the generic ones in ./stories/generic.js; each gets an args table (a
// control for every public option of the chart, from the stories' argTypes)
// that calls handle.update, keeps its state in the URL, and copy-ready embed
// code. Loaded as an external module: the page runs under `default-src 'self'`.
import { ARG_TYPES, storiesFromModule } from "./stories/csf.js";
import { genericStories } from "./stories/generic.js";

const Claimline = window.Claimline;
const CHARTS = {
  "figure-comparison": { factory: "figureComparison", title: "Figure comparison", records: "claims" },
  timeline: { factory: "timeline", title: "Timeline", records: "events" },
  "promise-tracker": { factory: "promiseTracker", title: "Promise tracker", records: "promises" },
};
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

// ---- args in the URL ----------------------------------------------------------
// Storybook's form: args=sort:overdue;theme:dark — strings as they are (encoded),
// anything else (numbers, booleans, lists, objects) as "!" + JSON.

function argsToParam(args) {
  return Object.entries(args)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}:${typeof v === "string" ? encodeURIComponent(v) : "!" + encodeURIComponent(JSON.stringify(v))}`)
    .join(";");
}
function argsFromParam(text) {
  const out = {};
  // Read from the raw query: the values are encoded once, so a ":" or ";" inside one stays encoded until split.
  const raw = text ?? location.search.match(/[?&]args=([^&#]*)/)?.[1] ?? "";
  for (const part of raw.split(";")) {
    const i = part.indexOf(":");
    if (i <= 0) continue;
    const raw = decodeURIComponent(part.slice(i + 1));
    try {
      out[part.slice(0, i)] = raw.startsWith("!") ? JSON.parse(raw.slice(1)) : raw;
    } catch {
      /* a hand-edited link with broken JSON: that arg is skipped */
    }
  }
  return out;
}
/** The args that differ from the story's own. */
function argsDiff(options, base) {
  const keys = new Set([...Object.keys(options), ...Object.keys(base)]);
  const out = {};
  for (const k of keys) if (JSON.stringify(options[k]) !== JSON.stringify(base[k])) out[k] = options[k] ?? null;
  return out;
}
function storyHref(story, options, stage) {
  let q = `?chart=${encodeURIComponent(chart)}&story=${encodeURIComponent(story.id)}`;
  // Each value is encoded once by argsToParam; the ":" and ";" between them stay readable.
  const diff = argsToParam(argsDiff(options, story.options ?? {}));
  if (diff) q += `&args=${diff}`;
  if (stage && stage !== "fit" && String(stage) !== String(story.width ?? "")) q += `&stage=${encodeURIComponent(stage)}`;
  return q;
}

// ---- the args table -------------------------------------------------------------

/** One control per argType: a row of the args table. Returns { input, read(), write(v) }. */
function argControl(tbody, story, name, type, value) {
  const tr = el("tr", {}, tbody);
  const th = el("th", { scope: "row" }, tr);
  const id = `${story.domId}-arg-${name}`;
  el("label", { for: id }, th).appendChild(el("code", {}, undefined, name));
  el("td", {}, tr, type.description ?? "");
  const td = el("td", {}, tr);
  const kind = type.control?.type ?? type.control ?? "text";
  let input;
  if (kind === "select") {
    input = el("select", { id }, td);
    el("option", { value: "" }, input, "default");
    for (const o of type.options ?? []) el("option", { value: String(o) }, input, String(o));
  } else if (kind === "object") {
    input = el("textarea", { id, rows: "2", spellcheck: "false", "aria-describedby": `${id}-hint` }, td);
    el("span", { id: `${id}-hint`, class: "arg-hint" }, td, "JSON");
  } else if (kind === "number") {
    input = el("input", { id, type: "number", min: type.control?.min, step: type.control?.step, inputmode: "numeric" }, td);
  } else {
    input = el("input", { id, type: "text", spellcheck: "false" }, td);
  }
  const options = type.options ?? [];
  const write = (v) => {
    if (v === undefined || v === null) input.value = "";
    else if (kind === "object") input.value = typeof v === "string" ? v : JSON.stringify(v);
    else input.value = String(v);
  };
  const read = () => {
    const v = input.value.trim();
    input.removeAttribute("aria-invalid");
    if (!v) return undefined;
    if (kind === "select") return options.find((o) => String(o) === v) ?? v;
    if (kind === "number") return Number.isFinite(Number(v)) ? Number(v) : undefined;
    if (kind === "object") {
      try {
        return JSON.parse(v);
      } catch {
        input.setAttribute("aria-invalid", "true");
        throw new Error(`${name}: not JSON`);
      }
    }
    return v;
  };
  write(value);
  return { input, read, write };
}

function renderStory(story, index) {
  story.domId = `story-${index}`;
  const section = el("section", { class: "story", id: story.id, "aria-labelledby": `${story.domId}-title`, "data-story": story.id, "data-expect": story.expect ?? "marks" }, main);
  el("h2", { id: `${story.domId}-title` }, section, story.title);
  if (story.description) el("p", {}, section, story.description);
  const fromUrl = only === story.id ? argsFromParam() : {};
  const options = { ...(story.options ?? {}) };
  for (const [k, v] of Object.entries(fromUrl)) if (v === null) delete options[k];
  Object.assign(options, Object.fromEntries(Object.entries(fromUrl).filter(([, v]) => v !== null)));
  for (const k of Object.keys(options)) if (options[k] === undefined) delete options[k];
  const form = el("form", { class: "controls", "aria-label": `Controls for ${story.title}` }, section);
  form.addEventListener("submit", (e) => e.preventDefault());
  const id = (n) => `${story.domId}-${n}`;
  const stageWidth = only === story.id && params.get("stage") ? params.get("stage") : story.width ? String(story.width) : "fit";
  const width = select(form, "Stage width", id("width"), WIDTHS.includes(stageWidth) ? WIDTHS : [...WIDTHS, stageWidth], stageWidth, { fit: "fit the page", 320: "320 px", 480: "480 px", 640: "640 px", 800: "800 px", 1200: "1,200 px" });
  const link = el("a", { class: "story-link", href: storyHref(story, options, stageWidth) }, form, "Link to this story with these settings");

  // The args table: every public option of the chart (the stories' argTypes), as Storybook's Controls panel shows them.
  const argTypes = ARG_TYPES[chart] ?? {};
  // Below the chart, as Storybook's Controls panel sits below the canvas; open when the link carries args.
  const argsBox = el("details", { class: "args", ...(only === story.id && params.get("args") ? { open: true } : {}) });
  el("summary", {}, argsBox, `Options (${Object.keys(argTypes).length} args)`);
  const scroll = el("div", { class: "args-scroll", tabindex: "0", role: "region", "aria-label": `Options of ${story.title}` }, argsBox);
  const table = el("table", {}, scroll);
  el("caption", { class: "visually-hidden" }, table, `Options of ${story.title}: name, what it does, value`);
  const headRow = el("tr", {}, el("thead", {}, table));
  for (const h of ["Name", "Description", "Control"]) el("th", { scope: "col" }, headRow, h);
  const tbody = el("tbody", {}, table);
  const controls = Object.fromEntries(Object.entries(argTypes).map(([name, type]) => [name, argControl(tbody, story, name, type, options[name])]));

  // A story may show several variants side by side (e.g. the same data as of two dates).
  const variants = story.variants?.length ? story.variants : [{}];
  const row = variants.length > 1 ? el("div", { class: story.layout === "side-by-side" ? "variants side-by-side" : "variants" }, section) : section;
  // 10,000 records draw a very tall chart: it scrolls in a box of its own instead of making the page 750,000 px tall.
  const boxed = !!story.lazy;
  const stages = variants.map((v) => {
    const stage = el("div", { class: boxed ? "stage scroll-box" : "stage", "data-stage": "", ...(boxed ? { tabindex: "0", role: "region", "aria-label": `${story.title} (scrolls)` } : {}) }, row);
    if (v.title || v.options) el("p", { class: "variant-title" }, stage, v.title ?? Object.entries(v.options).map(([k, val]) => `${k}: ${val}`).join(", "));
    return stage;
  });
  const setWidth = () => {
    // CSSOM writes are allowed under a strict CSP (style="" attributes are not).
    for (const stage of stages) stage.style.width = width.value === "fit" ? "" : `${width.value}px`;
  };
  const setStageTheme = () => stages.forEach((stage) => stage.classList.toggle("stage-dark", options.theme === "dark"));
  setWidth();
  setStageTheme();
  section.appendChild(argsBox);

  const details = el("details", { class: "snippets" }, section);
  el("summary", {}, details, "Embed code");
  const code = el("div", {}, details);
  renderSnippets(code, story, options);

  const handles = [];
  const syncUrl = () => {
    link.setAttribute("href", storyHref(story, options, width.value));
    if (only === story.id) history.replaceState(null, "", storyHref(story, options, width.value));
  };
  const change = (patch) => {
    Object.assign(options, patch);
    for (const k of Object.keys(patch)) if (patch[k] === "" || patch[k] === undefined) delete options[k];
    // A variant's own options (e.g. its as-of date) stay fixed.
    handles.forEach((h, i) => {
      const own = variants[i].options ?? {};
      const rest = Object.fromEntries(Object.entries(patch).filter(([k]) => !(k in own)));
      if (Object.keys(rest).length) h.update(undefined, rest);
    });
    setStageTheme();
    renderSnippets(code, story, options);
    syncUrl();
  };
  width.addEventListener("change", () => (setWidth(), syncUrl()));
  for (const [name, c] of Object.entries(controls)) {
    c.input.addEventListener("change", () => {
      let v;
      try {
        v = c.read();
      } catch {
        return; // invalid JSON: marked aria-invalid, the chart keeps its last good value
      }
      if (name === "locale") loadCatalogue(v).then(() => change({ locale: v }));
      else change({ [name]: v });
    });
  }

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

/** The chart's stories: its CSF file (a legacy array file is read too), then the generic ones. */
async function loadStories(name) {
  let fromFile = [];
  for (const file of [`./stories/${name}.stories.js`, `./stories/${name}.js`]) {
    try {
      fromFile = storiesFromModule(await import(file));
      break;
    } catch {
      // No such file: try the next; none at all and the generic stories (seed data first) stand in.
    }
  }
  fromFile = fromFile.filter((s) => !s.chart || s.chart === name);
  return [...fromFile, ...genericStories(name, fromFile)];
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
  const stories = await loadStories(chart);
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
