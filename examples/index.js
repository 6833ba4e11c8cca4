// The gallery's front page: a thumbnail per story, from examples/static/stories.json
// (written by scripts/build-static.js, which draws each thumbnail with the server
// renderer). Without that file the page keeps its three chart cards. Runs under
// `default-src 'self'`: an external module, no inline code.
const host = document.getElementById("story-index");
const TITLES = { "figure-comparison": "Figure comparison", timeline: "Timeline", "promise-tracker": "Promise tracker" };

function el(name, attrs = {}, parent, text) {
  const node = document.createElement(name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

async function start() {
  let list = [];
  try {
    const res = await fetch("/examples/static/stories.json");
    if (res.ok) list = await res.json();
  } catch {
    /* no index built: the chart cards above are the way in */
  }
  if (!host || !list.length) return;
  host.textContent = "";
  el("h2", { id: "stories-heading" }, host, "Every story");
  for (const chart of Object.keys(TITLES)) {
    const stories = list.filter((s) => s.chart === chart);
    if (!stories.length) continue;
    const section = el("section", { "aria-labelledby": `stories-${chart}` }, host);
    el("h3", { id: `stories-${chart}` }, section, `${TITLES[chart]} (${stories.length})`);
    const ul = el("ul", { class: "thumbs" }, section);
    for (const s of stories) {
      const a = el("a", { href: `/examples/chart.html?chart=${encodeURIComponent(chart)}&story=${encodeURIComponent(s.id)}` }, el("li", {}, ul));
      // The link's name is the story's title; the picture repeats it.
      el("img", { src: s.thumb, alt: "", loading: "lazy", width: "480", height: "270" }, a);
      el("span", {}, a, s.title);
    }
  }
  host.setAttribute("data-ready", "");
}

start();
