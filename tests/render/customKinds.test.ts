// Kinds a dataset names itself (issue 16): each gets its own legend entry, under its own name, and its own
// shape from a pool, in order of first appearance; beyond the pool's size the rest share "Other". The
// summary counts them by name.
import { describe, expect, it } from "vitest";
import { drawChart } from "../../src/charts/draw.js";
import { resolveTimelineOptions, timelineChart } from "../../src/charts/timeline.js";
import { parseDataset } from "../../src/model/validate.js";
import { CUSTOM_KIND_LIMIT, customKindsOf } from "../../src/prepare/timeline.js";
import { CUSTOM_SHAPES, symbolKind, symbolPath } from "../../src/render/symbols.js";
import { EVENT_KINDS } from "../../src/model/validate.js";
import { isMessage, type ChartView } from "../../src/render/view.js";
import { makeDocument } from "../helpers/dom.js";

const KINDS = ["talks", "attack", "withdrawal", "evacuation", "speech", "airlift", "strike", "vote"];
const data = parseDataset({
  version: 1,
  sources: [{ id: "ap", name: "AP" }],
  actors: [],
  // Kinds appear in this order: meeting first, then the eight the desk named itself, talks twice.
  events: [
    { id: "e0", date: "2021-08-01", kind: "meeting", title: "Meeting" },
    ...KINDS.map((kind, k) => ({ id: `e${k + 1}`, date: `2021-08-${String(k + 2).padStart(2, "0")}`, kind, title: `Event ${k + 1}` })),
    { id: "e9", date: "2021-08-20", kind: "talks", title: "More talks" },
  ],
});

function draw(width = 1200, options: Record<string, unknown> = {}): ChartView {
  const v = drawChart(timelineChart, makeDocument(), data, resolveTimelineOptions({ width, ...options }), width);
  if (isMessage(v)) throw new Error(v.message);
  return v;
}
const legend = (v: ChartView) => Array.from(v.header!.querySelectorAll(".claimline-v1-legend li")).map((li) => ({ label: li.textContent, d: li.querySelector("path")?.getAttribute("d") }));

describe("custom event kinds", () => {
  it("the first six kinds the dataset names get their own entry, named after the kind; the rest share Other", () => {
    expect(CUSTOM_KIND_LIMIT).toBe(CUSTOM_SHAPES.length);
    expect(customKindsOf(data.events.map((e) => e.kind))).toEqual(KINDS.slice(0, 6));
    const labels = legend(draw()).map((l) => l.label);
    expect(labels.slice(0, 8)).toEqual(["Meeting", "Talks", "Attack", "Withdrawal", "Evacuation", "Speech", "Airlift", "Other"]);
    expect(labels).not.toContain("Strike");
  });

  it("each own kind's shape differs from every built-in shape, from Other's and from each other, in the legend and on the marks", () => {
    const all = [...EVENT_KINDS, "other", ...CUSTOM_SHAPES.map((_, i) => `custom-${i}`)] as const;
    const paths = all.map((k) => symbolPath(k as Parameters<typeof symbolPath>[0], 0, 0, 6));
    expect(new Set(paths).size).toBe(paths.length);
    const v = draw();
    const icons = legend(v).slice(0, 8).map((l) => l.d);
    expect(new Set(icons).size).toBe(8);
    // Marks draw the same shape as their legend entry: talks (both events) with the first of the pool.
    const markShape = (id: string) => shapeOf(v.svg.querySelector(`[data-id="${id}"] .claimline-v1-tl-sym`)!.getAttribute("d")!);
    expect(markShape("e1")).toBe(shapeOf(symbolPath("custom-0", 0, 0, 6)));
    expect(markShape("e9")).toBe(shapeOf(symbolPath("custom-0", 0, 0, 6)));
    expect(markShape("e3")).toBe(shapeOf(symbolPath("custom-2", 0, 0, 6)));
    // Kinds beyond the pool: the shared hexagon.
    expect(markShape("e7")).toBe(shapeOf(symbolPath("other", 0, 0, 6)));
  });

  it("shapes are assigned by first appearance in the whole dataset, so a zoom keeps them", () => {
    expect(symbolKind("withdrawal", customKindsOf(data.events.map((e) => e.kind)))).toBe("custom-2");
    const zoomed = draw(1200, { domain: ["2021-08-04", "2021-08-05"] });
    expect(legend(zoomed).map((l) => l.label)).toEqual(expect.arrayContaining(["Withdrawal"]));
    expect(legend(zoomed).find((l) => l.label === "Withdrawal")!.d).toBe(legend(draw()).find((l) => l.label === "Withdrawal")!.d);
  });

  it("the summary counts own kinds by name, and only the kinds beyond the pool as other events", () => {
    expect(draw().summary).toBe(
      "10 events in August 2021: 1 meeting, 2 talks events, 1 attack event, 1 withdrawal event, 1 evacuation event, 1 speech event, 1 airlift event, and 2 other events.",
    );
  });
});

/** A path's outline wherever it is drawn: its vertices relative to the first, to a tenth of a pixel. */
function shapeOf(d: string): string {
  const p = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  return p.map(([x, y]) => `${Math.round((x! - p[0]![0]!) * 10)},${Math.round((y! - p[0]![1]!) * 10)}`).join(" ");
}
