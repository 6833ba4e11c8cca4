// Structured navigation's tree (issue 17): groups derived from each chart's prepared words, the same at every
// width, and the handle's group nodes ("Overdue, group 3 of 5, 12 promises") after the svg's title.
import { describe, expect, it } from "vitest";
import seeds from "../../examples/data/seeds.json";
import { figureComparisonChart, resolveFigureComparisonOptions } from "../../src/charts/figureComparison.js";
import { promiseTracker, promiseTrackerChart, resolvePromiseTrackerOptions } from "../../src/charts/promiseTracker.js";
import { resolveTimelineOptions, timelineChart } from "../../src/charts/timeline.js";
import { resolveDataset } from "../../src/model/resolve.js";
import { parseDataset } from "../../src/model/validate.js";
import { figureGroups, timelineGroups, trackerGroups } from "../../src/prepare/groups.js";
import type { PreparedFigures } from "../../src/prepare/figureComparison.js";
import type { PreparedTracker } from "../../src/prepare/promiseTracker.js";
import type { PreparedTimeline } from "../../src/prepare/timeline.js";
import { makeDocument } from "../helpers/dom.js";

const data = resolveDataset(parseDataset(seeds));
const ids = (g: { ids: string[] }[]) => g.flatMap((x) => x.ids);

/** The seed promise tracker mounted at 800 px on a linkedom page, drawn. */
async function mountTracker() {
  const doc = makeDocument();
  const host = doc.createElement("div");
  doc.body.appendChild(host);
  const h = promiseTracker(host, seeds, { asOf: "2025-08-16", width: 800 });
  await Promise.resolve();
  return { h, host, svg: host.querySelector("[data-claimline-chart] > svg")! };
}

describe("chart groups", () => {
  it("promise tracker: a group per status, in status order, every promise once", () => {
    const p = promiseTrackerChart.prepare(data, resolvePromiseTrackerOptions({ asOf: "2025-08-16" })) as PreparedTracker;
    const g = trackerGroups(p);
    expect(g.map((x) => x.name)).toEqual(["Partly kept", "Late", "Overdue", "Not reported"]);
    expect(ids(g).sort()).toEqual(p.entries.map((e) => e.p.id).sort());
  });

  it("promise tracker grouped by speaker: the drawn groups", () => {
    const p = promiseTrackerChart.prepare(data, resolvePromiseTrackerOptions({ asOf: "2025-08-16", group: "speaker" })) as PreparedTracker;
    expect(trackerGroups(p).map((x) => x.name)).toEqual([...p.groups.keys()]);
  });

  it("timeline: a group per year without lanes, per lane with them", () => {
    const p = timelineChart.prepare(data, resolveTimelineOptions({ domain: ["2024-05", "2025-10"] })) as PreparedTimeline;
    const years = timelineGroups(p, "none");
    expect(years.map((x) => x.name)).toEqual(["2024", "2025"]);
    expect(ids(years).sort()).toEqual(p.entries.map((e) => e.id).sort());
    const q = timelineChart.prepare(data, resolveTimelineOptions({ lanes: "kind" })) as PreparedTimeline;
    expect(timelineGroups(q, "kind").map((x) => x.name)).toEqual(q.lanes("kind").laneNames);
  });

  it("figure comparison: a group per compared subject, then the single claims", () => {
    const p = figureComparisonChart.prepare(data, resolveFigureComparisonOptions({})) as PreparedFigures;
    const g = figureGroups(p);
    expect(g[0]!.name).toBe(p.panels[0]!.heading);
    expect(ids(g).sort()).toEqual([...p.order].sort());
  });
});

describe("the handle's group nodes", () => {
  it("one focusable node per group, named with its position and count, after the title and description", async () => {
    const { h, svg } = await mountTracker();
    const nodes = [...svg.querySelectorAll("[data-nav]")];
    expect(nodes.map((n) => n.getAttribute("aria-label"))).toEqual([
      "Partly kept, group 1 of 4, 1 promise",
      "Late, group 2 of 4, 1 promise",
      "Overdue, group 3 of 4, 10 promises",
      "Not reported, group 4 of 4, 2 promises",
    ]);
    expect(nodes.every((n) => n.getAttribute("tabindex") === "-1" && n.getAttribute("role") === "button")).toBe(true);
    const first = [...svg.children].find((c) => !["title", "desc"].includes(c.tagName.toLowerCase()));
    expect(first?.getAttribute("class")).toBe("claimline-v1-nav");
    h.destroy();
  });
});

describe("the group nodes across a redraw", () => {
  it("a resize builds them once again (one layer), with the same names", async () => {
    const { h, host, svg } = await mountTracker();
    const before = [...svg.querySelectorAll("[data-nav]")].map((n) => n.getAttribute("aria-label"));
    h.resize(320);
    await Promise.resolve();
    await Promise.resolve();
    const after = host.querySelector("[data-claimline-chart] > svg")!;
    expect(after.querySelectorAll(".claimline-v1-nav").length).toBe(1);
    expect([...after.querySelectorAll("[data-nav]")].map((n) => n.getAttribute("aria-label"))).toEqual(before);
    expect(after.getAttribute("width")).toBe("320");
    h.destroy();
  });
});
