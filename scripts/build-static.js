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
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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
console.log(`build-static: wrote ${CHARTS.length * 2 + 3} files to examples/static/`);
