#!/usr/bin/env node
/**
 * Server-rendered example pages, from the built `dist/server.js` (run after
 * `npm run build`; `npm start` and the browser tests run it):
 *   examples/static/<chart>.html   standalone pages for iframe embeds (pym height messages),
 *                                  linking claimline-page.css and claimline-pym.js beside them
 *                                  so they run under the gallery's CSP (default-src 'self')
 *   examples/static/<chart>.svg    static SVG
 *   examples/static/ssr.html       server-rendered fragments, readable without
 *                                  JavaScript, enhanced in place by the script tag
 *   examples/static/thumbs/<chart>/<story>.svg  a static thumbnail per gallery story
 *   examples/static/stories.json   the story index (chart, id, title, thumbnail) the
 *                                  gallery's front page lists (examples/index.js)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "examples", "static");
const seedsPath = join(root, "examples", "data", "seeds.json");
const CHARTS = ["figure-comparison", "timeline", "promise-tracker"];
const AS_OF = "2025-08-16";

const { renderToString, pageAssets } = await import(join(root, "dist", "server.js"));
mkdirSync(out, { recursive: true });

// One stylesheet and one height script shared by the standalone pages: no inline code, so no CSP exception.
const assets = pageAssets();
writeFileSync(join(out, assets.css.name), assets.css.text);
writeFileSync(join(out, assets.script.name), assets.script.text);
const page = { format: "html", assets: { css: assets.css.name, script: assets.script.name } };

const seeds = existsSync(seedsPath) ? JSON.parse(readFileSync(seedsPath, "utf8")) : null;
if (!seeds) console.warn("build-static: examples/data/seeds.json is missing; static pages show an empty dataset");
const data = seeds ?? { version: 1 };

const fragments = [];
for (const chart of CHARTS) {
  const options = chart === "promise-tracker" ? { asOf: AS_OF } : {};
  try {
    writeFileSync(join(out, `${chart}.html`), renderToString(chart, data, { ...options, ...page, width: 640 }));
    writeFileSync(join(out, `${chart}.svg`), renderToString(chart, data, { ...options, format: "svg", width: 800 }));
    fragments.push(`<section aria-labelledby="h-${chart}">\n<h2 id="h-${chart}">${chart}</h2>\n${renderToString(chart, data, { ...options, format: "fragment" })}</section>`);
  } catch (err) {
    console.error(`build-static: ${chart}: ${err.message}`);
    process.exitCode = 1;
  }
}

writeFileSync(
  join(out, "ssr.html"),
  `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<title>Server-rendered charts, enhanced in place — claimline</title>
<link rel="icon" href="/examples/favicon.svg">
<link rel="stylesheet" href="/dist/claimline.css">
<link rel="stylesheet" href="/examples/gallery.css">
<script src="/dist/claimline.min.js" defer></script>
</head>
<body>
<header><p><a href="/">claimline gallery</a></p><h1>Server-rendered, enhanced in place</h1></header>
<main>
<p>Each chart below was rendered on the server by <code>renderToString(chart, data, { format: "fragment" })</code>. With JavaScript off it is a static SVG and its data table; when <code>claimline.min.js</code> loads, the same element is redrawn as the live chart (keyboard, detail cards, resizing) — never a second chart.</p>
${fragments.join("\n")}
</main>
</body>
</html>
`,
);
// ---- thumbnails: every gallery story (its CSF file's and the generic ones), drawn by the server renderer ----
const { storiesFromModule } = await import(pathToFileURL(join(root, "examples", "stories", "csf.js")).href);
const { genericStories } = await import(pathToFileURL(join(root, "examples", "stories", "generic.js")).href);
const escXml = (t) => String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** A card in place of a thumbnail (a generated 10,000-record story, an invalid dataset): words, no picture to misread. */
const placeholder = (title, line) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="480" height="270" viewBox="0 0 480 270"><rect width="480" height="270" fill="#f6f7f9"/><text x="24" y="120" font-family="system-ui, sans-serif" font-size="22" font-weight="700" fill="#1a1a1a">${escXml(title)}</text><text x="24" y="154" font-family="system-ui, sans-serif" font-size="16" fill="#555">${escXml(line)}</text></svg>\n`;
const index = [];
let thumbs = 0;
for (const chart of CHARTS) {
  let fromFile = [];
  const file = join(root, "examples", "stories", `${chart}.stories.js`);
  const legacy = join(root, "examples", "stories", `${chart}.js`);
  try {
    if (existsSync(file)) fromFile = storiesFromModule(await import(pathToFileURL(file).href));
    else if (existsSync(legacy)) fromFile = storiesFromModule(await import(pathToFileURL(legacy).href));
  } catch (err) {
    console.error(`build-static: stories of ${chart}: ${err.message}`);
    process.exitCode = 1;
  }
  const stories = [...fromFile.filter((s) => !s.chart || s.chart === chart), ...genericStories(chart, fromFile)];
  mkdirSync(join(out, "thumbs", chart), { recursive: true });
  for (const story of stories) {
    const name = `thumbs/${chart}/${story.id.replace(/[^\w-]/g, "_")}.svg`;
    let svg;
    try {
      if (story.lazy) svg = placeholder(story.title, "Generated in the browser when shown");
      else {
        const data = typeof story.data === "function" ? story.data() : typeof story.data === "string" ? JSON.parse(readFileSync(join(root, "examples", story.data), "utf8")) : story.data;
        // The first variant stands for a story of several; a thumbnail is drawn at 480 px, the story's own width if narrower.
        const options = { ...story.options, ...(story.variants?.[0]?.options ?? {}) };
        for (const k of Object.keys(options)) if (options[k] === undefined) delete options[k];
        svg = renderToString(chart, data, { ...options, format: "svg", width: Math.min(480, story.width ?? 480) });
      }
    } catch (err) {
      svg = placeholder(story.title, story.expect === "error" ? "Every problem listed, with its path" : err.message.slice(0, 60));
    }
    writeFileSync(join(out, name), svg);
    thumbs++;
    index.push({ chart, id: story.id, title: story.title, thumb: `/examples/static/${name}` });
  }
}
writeFileSync(join(out, "stories.json"), JSON.stringify(index, null, 1) + "\n");

console.log(`build-static: wrote ${CHARTS.length * 2 + 3} files and ${thumbs} story thumbnails to examples/static/`);
