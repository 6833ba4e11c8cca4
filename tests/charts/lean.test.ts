// @vitest-environment jsdom
// Dense charts drawn lean (issue 11, item 5): above LEAN_MARKS marks no mark carries its name or role in the
// markup; the view hands the names to the handle, which names a mark when the keyboard or a pointer reaches it.
import { describe, expect, it } from "vitest";
import { claimsDataset, eventsDataset, promisesDataset } from "../../bench/datasets.js";
import seeds from "../../examples/data/seeds.json";
import { drawChart } from "../../src/charts/draw.js";
import { CHARTS } from "../../src/charts/registry.js";
import { timeline } from "../../src/charts/timeline.js";
import { parseDataset } from "../../src/model/validate.js";
import { isMessage, LEAN_MARKS, type ChartView } from "../../src/render/view.js";
import { makeDocument } from "../helpers/dom.js";

const dense = {
  timeline: eventsDataset(LEAN_MARKS + 50, 7),
  "figure-comparison": claimsDataset(LEAN_MARKS + 50, 8),
  "promise-tracker": promisesDataset(LEAN_MARKS + 50, 9),
} as const;

function draw(name: keyof typeof dense, data: unknown): ChartView {
  const def = CHARTS[name];
  const v = drawChart(def, makeDocument(), parseDataset(data), def.resolveOptions({ width: 960 }), 960);
  if (isMessage(v)) throw new Error(`${name}: ${v.message}`);
  return v;
}

describe("lean marks", () => {
  for (const name of Object.keys(dense) as Array<keyof typeof dense>) {
    it(`${name}: above ${LEAN_MARKS} marks, names come with the view, not in every mark's markup`, () => {
      const v = draw(name, dense[name]);
      const marks = [...v.svg.querySelectorAll("[data-id]")];
      expect(marks.length).toBeGreaterThan(LEAN_MARKS);
      expect(marks.filter((m) => m.hasAttribute("aria-label") || m.hasAttribute("role"))).toEqual([]);
      // Every record in the keyboard order has its name, and no name is empty.
      expect(v.names).toBeDefined();
      for (const id of v.order) expect(v.names!.get(id)?.trim().length, id).toBeGreaterThan(0);
    });

    it(`${name}: the seed story is drawn with every mark named`, () => {
      const v = draw(name, seeds);
      expect(v.names).toBeUndefined();
      const marks = [...v.svg.querySelectorAll("[data-id]")];
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) {
        expect(m.getAttribute("role")).toBe("button");
        expect(m.getAttribute("aria-label")?.length).toBeGreaterThan(0);
      }
    });
  }

  it("the handle names the tab stop at once and each other mark when the keyboard reaches it", async () => {
    const host = document.createElement("div");
    document.body.appendChild(host);
    const data = dense.timeline;
    const h = timeline(host, data, { width: 960, lanes: "none" });
    await Promise.resolve();
    const svg = host.querySelector("[data-claimline-chart] > svg")!;
    const named = () => [...svg.querySelectorAll("[data-id][aria-label]")];
    const stop = svg.querySelector<SVGElement>('[data-id][tabindex="0"]')!;
    expect(named()).toEqual([stop]);
    expect(stop.getAttribute("role")).toBe("button");
    stop.focus();
    stop.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    const next = document.activeElement as SVGElement;
    expect(next).not.toBe(stop);
    expect(next.getAttribute("data-id")).toBeTruthy();
    expect(next.getAttribute("tabindex")).toBe("0");
    expect(next.getAttribute("role")).toBe("button");
    const title = (data.events as Array<{ id: string; title: string }>).find((e) => e.id === next.getAttribute("data-id"))!.title;
    expect(next.getAttribute("aria-label")).toContain(title);
    expect(next.getAttribute("aria-controls")).toBeTruthy();
    // Only the marks reached carry names; a resize keeps the focused one named and focused.
    expect(named().length).toBe(2);
    h.resize(700);
    await Promise.resolve();
    expect(document.activeElement?.getAttribute("data-id")).toBe(next.getAttribute("data-id"));
    expect(document.activeElement?.getAttribute("aria-label")).toContain(title);
    h.destroy();
    host.remove();
  });
});
