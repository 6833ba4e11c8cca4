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

function list(title, lines) {
  problems.textContent = "";
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
  return C.datasetFromSheets({ [kind]: t });
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
  else list("The dataset is valid.", []);
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
