/**
 * The in-page half of `npm run bench` (loaded with a script tag after
 * dist/claimline.min.js and an Observable Plot bundle). Each measurement ends
 * with a forced layout (`getBoundingClientRect`), so the time includes style
 * and layout, not only building the DOM.
 */
(function () {
  const stage = () => document.getElementById("stage");
  const layout = (el) => el.getBoundingClientRect().height;
  const gc = () => (typeof window.gc === "function" ? window.gc() : undefined);
  const tick = () => new Promise((r) => setTimeout(r, 0));
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };

  /**
   * One benchmark case: `warmup` + `runs` rounds of, in turn,
   *   chart  — create (parse + layout + render + table) and force layout;
   *   resize — handle.resize(width2), flush the microtask redraw, force layout;
   *   floor  — assign the chart's own final svg markup as one string, force layout;
   *   all    — the same for the chart's whole markup (header, svg, table);
   *   plot   — Plot.dot(records, {x, y}).plot({width}) appended, force layout.
   * Returns the medians in ms and the sizes drawn.
   */
  async function runCase({ chart, dataset, records, time, width, width2, warmup, runs }) {
    const factory = window.Claimline[chart];
    const host = stage();
    host.style.width = `${width}px`;
    const samples = { chart: [], resize: [], floor: [], all: [], plot: [] };
    let marks = 0;
    let svgBytes = 0;
    let allBytes = 0;
    const data = records.map((r) => ({ x: time ? new Date(r.x) : r.x, lane: r.lane }));
    for (let i = 0; i < warmup + runs; i++) {
      const keep = i >= warmup;

      host.textContent = "";
      gc();
      await tick();
      let t0 = performance.now();
      const h = factory(host, dataset);
      layout(h.node);
      const tChart = performance.now() - t0;
      const svg = h.node.querySelector(":scope > svg");
      if (!svg) throw new Error(`${chart}: no chart svg was drawn (${h.node.textContent.slice(0, 200)})`);
      const markup = svg.outerHTML;
      const whole = h.node.innerHTML;
      marks = new Set(Array.from(svg.querySelectorAll("[data-id]"), (e) => e.getAttribute("data-id"))).size;
      svgBytes = markup.length;
      allBytes = whole.length;

      await tick();
      t0 = performance.now();
      h.resize(width2);
      await Promise.resolve();
      layout(h.node);
      const tResize = performance.now() - t0;
      if (h.node.querySelector(":scope > svg")?.getAttribute("width") !== String(width2)) throw new Error(`${chart}: resize(${width2}) did not redraw in the same tick`);
      h.destroy();

      host.textContent = "";
      gc();
      await tick();
      t0 = performance.now();
      host.innerHTML = markup;
      layout(host.firstElementChild);
      const tFloor = performance.now() - t0;

      host.textContent = "";
      gc();
      await tick();
      const box = document.createElement("div");
      box.className = "claimline-v1";
      host.appendChild(box);
      t0 = performance.now();
      box.innerHTML = whole;
      layout(box);
      const tAll = performance.now() - t0;

      host.textContent = "";
      gc();
      await tick();
      t0 = performance.now();
      const p = window.Plot.dot(data, { x: "x", y: "lane" }).plot({ width });
      host.appendChild(p);
      layout(p);
      const tPlot = performance.now() - t0;
      host.textContent = "";

      if (keep) {
        samples.chart.push(tChart);
        samples.resize.push(tResize);
        samples.floor.push(tFloor);
        samples.all.push(tAll);
        samples.plot.push(tPlot);
      }
    }
    const out = { marks, svgBytes, allBytes, runs };
    for (const k in samples) out[k] = median(samples[k]);
    return out;
  }

  window.claimlineBench = { runCase };
})();
