// Shared pieces of the Component Story Format (CSF 3) story files,
// examples/stories/<chart>.stories.js. Storybook is NOT a dependency: the same
// files are read by our gallery (examples/gallery.js, via storiesFromModule),
// by scripts/build-static.js (thumbnails, in Node) and, as they are, by a
// newsroom's own Storybook (@storybook/html), which uses `render` and `loaders`
// (with `claimline` installed; the stories fetch their data from examples/data/,
// so serve that folder, e.g. `staticDirs: [{ from: "../examples/data", to: "/examples/data" }]`).
// Nothing here touches the DOM at import time.
//
// A story: { name, args: <chart options>, parameters: { claimline: { id, data, width?, variants?, layout?, expect? }, docs: { description: { story } } } }
// `parameters.claimline.id` keeps the gallery's story ids stable (Storybook derives its own from the export name).

/** Chart name → the factory on the `Claimline` global / the ESM entry. */
export const FACTORIES = { "figure-comparison": "figureComparison", timeline: "timeline", "promise-tracker": "promiseTracker" };

const text = (description, category = "Chrome") => ({ control: { type: "text" }, description, table: { category } });
const select = (options, description, category = "Chart") => ({ control: { type: "select" }, options, description, table: { category } });

/** Every chart's common options (src/charts/common.ts COMMON_OPTIONS). */
const COMMON = {
  title: text("Headline; default the dataset's title."),
  subtitle: text("Dek: a sentence or two under the headline."),
  source: text('The "Source:" line; default built from the cited sources.'),
  note: text("A note under the chart."),
  credit: text('"Graphic: …"'),
  width: { control: { type: "number", min: 240, step: 10 }, description: "Fixed width in px; default the container's width.", table: { category: "Display" } },
  locale: select(["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "pt-BR", "ru-RU", "uk-UA", "ko-KR", "ja-JP", "zh-CN", "ar-EG"], "Language of every word, number and date.", "Display"),
  theme: select(["light", "dark", "auto"], "Colour theme.", "Display"),
  messages: { control: { type: "object" }, description: "Override any message by key.", table: { category: "Display" } },
};

/** Each chart's public options as Storybook argTypes (the gallery builds its args table from these). */
export const ARG_TYPES = {
  "promise-tracker": {
    asOf: text('Statuses as of this day (EDTF day, "2025-08-16").', "Chart"),
    sort: select(["said", "overdue", "status"], "Row order."),
    group: select(["none", "speaker", "topic"], "Group rows under headings."),
    compact: select(["auto", true, false], "Labels above the bars (auto: below 560 px)."),
    highlight: text("Promise id(s) to mark, comma-separated.", "Chart"),
    domain: { control: { type: "object" }, description: 'The time axis\'s range [start, end] (EDTF), shared by panels compared side by side.', table: { category: "Chart" } },
    ...COMMON,
  },
  timeline: {
    orientation: select(["auto", "horizontal", "vertical"], "Time across or down the page."),
    lanes: select(["none", "participants", "kind"], "A lane per actor, per kind, or one lane."),
    asOf: text('The "as of" marker (EDTF date), or false to hide it.', "Chart"),
    periods: { control: { type: "object" }, description: "Highlighted periods [{ start, end, label }].", table: { category: "Chart" } },
    annotations: { control: { type: "object" }, description: "Editor's notes by event id.", table: { category: "Chart" } },
    domain: { control: { type: "object" }, description: "Show only this range [start, end] (EDTF).", table: { category: "Chart" } },
    breakpoint: { control: { type: "number", min: 0, step: 10 }, description: "Width below which auto turns vertical.", table: { category: "Chart" } },
    highlight: text("Event id(s) to mark, comma-separated.", "Chart"),
    ...COMMON,
  },
  "figure-comparison": {
    subject: text("Show one subject only.", "Chart"),
    sort: select(["value", "date", "claimant"], "Row order within a panel."),
    highlight: text("A claim id to emphasise.", "Chart"),
    annotations: { control: { type: "object" }, description: "Editor's notes by claim id.", table: { category: "Chart" } },
    axis: select(["auto", "linear", "log", "symlog"], "Axis scale."),
    zero: select(["auto", true, false], "Start a linear axis at zero."),
    ...COMMON,
  },
};

/** A story's data: a path relative to examples/ (fetched), an inline dataset, or a function that builds one. */
export async function loadStoryData(data, base = new URL("../", import.meta.url)) {
  if (typeof data === "function") return data();
  if (typeof data !== "string") return data;
  const res = await fetch(new URL(data, base));
  if (!res.ok) throw new Error(`could not load ${data}: HTTP ${res.status}`);
  return res.json();
}

/** Storybook loaders: the library (the page's `Claimline` global, else the package) and the story's data. */
export const loaders = [
  async ({ parameters }) => ({
    Claimline: globalThis.Claimline ?? (await import("claimline")),
    data: await loadStoryData(parameters.claimline?.data),
  }),
];

/** Storybook render (@storybook/html): one chart per variant, each with its caption. */
export function render(args, { parameters, loaded }) {
  const cl = parameters.claimline ?? {};
  const root = document.createElement("div");
  const lib = loaded?.Claimline ?? globalThis.Claimline;
  const variants = cl.variants?.length ? cl.variants : [{}];
  const options = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined && v !== ""));
  for (const v of variants) {
    const stage = document.createElement("div");
    if (v.title) {
      const caption = document.createElement("p");
      caption.textContent = v.title;
      stage.appendChild(caption);
    }
    const host = document.createElement("div");
    stage.appendChild(host);
    root.appendChild(stage);
    lib[FACTORIES[cl.chart]](host, loaded?.data, { ...(cl.width ? { width: cl.width } : {}), ...options, ...(v.options ?? {}) });
  }
  return root;
}

/**
 * A CSF module → the gallery's story list: `{ id, title, description, chart, data, options, width?, variants?, layout?, expect? }`.
 * Stories in `parameters.claimline.order` (export names) first, then any others; a legacy array default export is taken as it is.
 */
export function storiesFromModule(mod) {
  if (Array.isArray(mod.default)) return mod.default;
  const meta = mod.default ?? {};
  const chart = meta.parameters?.claimline?.chart;
  const exclude = new Set(["default", ...(Array.isArray(meta.excludeStories) ? meta.excludeStories : [])]);
  const names = Object.keys(mod).filter((k) => !exclude.has(k) && mod[k] && typeof mod[k] === "object" && !Array.isArray(mod[k]));
  const order = meta.parameters?.claimline?.order ?? [];
  names.sort((a, b) => (order.includes(a) ? order.indexOf(a) : 1e9) - (order.includes(b) ? order.indexOf(b) : 1e9));
  return names.map((name) => {
    const s = mod[name];
    const cl = { ...(meta.parameters?.claimline ?? {}), ...(s.parameters?.claimline ?? {}) };
    const story = {
      id: cl.id ?? name.replace(/[A-Z]/g, (c, i) => (i ? "-" : "") + c.toLowerCase()),
      exportName: name,
      title: s.name ?? name,
      description: s.parameters?.docs?.description?.story ?? "",
      chart: cl.chart ?? chart,
      data: cl.data,
      options: { ...(meta.args ?? {}), ...(s.args ?? {}) },
    };
    for (const k of ["width", "variants", "layout", "expect", "lazy"]) if (cl[k] !== undefined) story[k] = cl[k];
    return story;
  });
}
