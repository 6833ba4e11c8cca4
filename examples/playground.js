// The data playground: JSON or a CSV/TSV sheet in, validation messages or the chart out.
const C = window.Claimline;
const $ = (id) => document.getElementById(id);
const input = $("input");
const chartSelect = $("chart");
const asOf = $("as-of");
const problems = $("problems");
const stage = $("chart-stage");
const FACTORY = { "figure-comparison": "figureComparison", timeline: "timeline", "promise-tracker": "promiseTracker" };
let handle = null;
let shownChart = null;

function list(title, lines, ok = false) {
  problems.textContent = "";
  problems.classList.toggle("ok", ok);
  const p = document.createElement("p");
  p.textContent = title;
  problems.appendChild(p);
  if (!lines.length) return;
  const ul = document.createElement("ul");
  for (const line of lines) {
    const li = document.createElement("li");
    li.textContent = line;
    ul.appendChild(li);
  }
  problems.appendChild(ul);
}

/** Text → raw dataset input; throws with a readable message. */
function read(text) {
  const t = text.trim();
  added = "";
  if (!t) return { version: 1 };
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return JSON.parse(t);
    } catch (err) {
      throw new Error(`This is not valid JSON: ${err.message}`);
    }
  }
  const rows = C.parseSheet(t);
  const kind = C.guessSheetName(Object.keys(rows[0] ?? {}));
  if (!kind) throw new Error("Cannot tell which records this sheet holds: give it a header row like id,date,kind,title (events), id,subject,value,qualifier,claimant (claims) or id,speaker,said,topic,quote,window (promises).");
  try {
    return C.datasetFromSheets({ [kind]: t });
  } catch (err) {
    return withMissingNamed(kind, t, err);
  }
}

/**
 * One pasted sheet names people and outlets by id ("trump", "nbc-news") that
 * live in the actors and sources sheets. Rather than refuse it, read it again
 * with those ids as records named by their id, and say so; the library's
 * validation itself stays strict, and any other problem is still shown.
 */
let added = "";
function withMissingNamed(kind, text, err) {
  if (!(err instanceof C.DatasetError)) throw err;
  const missing = { actors: new Set(), sources: new Set() };
  for (const p of err.problems) {
    const m = /^no (actor or source|actor|source) "(.*)"$/.exec(p.message);
    if (!m) throw err;
    missing[m[1] === "source" ? "sources" : "actors"].add(m[2]);
  }
  const cell = (v) => `"${v.replace(/"/g, '""')}"`;
  const sheet = (ids) => ["id,name", ...[...ids].map((id) => `${cell(id)},${cell(id)}`)].join("\n");
  const sheets = { [kind]: text };
  if (missing.actors.size) sheets.actors = sheet(missing.actors);
  if (missing.sources.size) sheets.sources = sheet(missing.sources);
  const data = C.datasetFromSheets(sheets);
  added = `Named by id only (paste the actors and sources sheets to give their names): ${[...missing.actors, ...missing.sources].join(", ")}.`;
  return data;
}

function update() {
  let data;
  try {
    data = read(input.value);
  } catch (err) {
    if (err instanceof C.DatasetError) list(`${err.problems.length} problem(s) in the sheet:`, err.problems.map((p) => `${p.path}: ${p.message}`));
    else list(err.message, []);
    return;
  }
  const { problems: found } = C.validateDataset(data);
  if (found.length) list(`${found.length} problem(s):`, found.map((p) => `${p.path || "(dataset)"}: ${p.message}`));
  else list(added ? `The sheet is valid. ${added}` : "The dataset is valid.", [], true);
  const options = { asOf: asOf.value || undefined };
  if (handle && shownChart === chartSelect.value) handle.update(data, options);
  else {
    handle?.destroy();
    shownChart = chartSelect.value;
    handle = C[FACTORY[shownChart]](stage, data, options);
  }
}

let timer = 0;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(update, 250);
});
chartSelect.addEventListener("change", update);
asOf.addEventListener("change", update);

async function load(url, asText) {
  const res = await fetch(url);
  const text = await res.text();
  input.value = asText ? text : JSON.stringify(JSON.parse(text), null, 2);
  update();
}
$("load-seeds").addEventListener("click", () => load("/examples/data/seeds.json").catch((e) => list(e.message, [])));
$("load-csv").addEventListener("click", () => load("/examples/data/seeds-csv/promises.csv", true).catch((e) => list(e.message, [])));

load("/examples/data/seeds.json").catch(() => {
  input.value = JSON.stringify({ version: 1, promises: [] }, null, 2);
  update();
});
