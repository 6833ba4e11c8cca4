import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { timeline } from "../../src/charts/timeline.js";
import { promiseTracker } from "../../src/charts/promiseTracker.js";
import { patchTree } from "../../src/render/patch.js";
import { makeDocument } from "../helpers/dom.js";

const seeds = JSON.parse(readFileSync(new URL("../../examples/data/seeds.json", import.meta.url), "utf8"));

describe("patchTree(mounted, fresh)", () => {
  const doc = makeDocument();
  const tree = (html: string) => {
    const d = doc.createElement("div");
    d.innerHTML = html;
    return d.firstElementChild!;
  };
  it("patchTree keeps keyed nodes wherever they moved, updates their attributes and text, drops the rest", () => {
    const a = tree('<g><g data-id="x" class="old"><text>X</text></g><g data-id="y"><text>Y</text></g><line class="axis"></line></g>');
    const x = a.querySelector('[data-id="x"]')!;
    const y = a.querySelector('[data-id="y"]')!;
    patchTree(a, tree('<g><g data-id="y" class="moved"><text>Y2</text></g><g data-id="z"><text>Z</text></g><g data-id="x"><text>X</text></g></g>'));
    expect(Array.from(a.children).map((c) => c.getAttribute("data-id"))).toEqual(["y", "z", "x"]);
    expect(a.querySelector('[data-id="x"]') === x).toBe(true);
    expect(a.querySelector('[data-id="y"]') === y).toBe(true);
    expect(y.getAttribute("class")).toBe("moved");
    expect(y.textContent).toBe("Y2");
    expect(x.hasAttribute("class")).toBe(false);
    expect(a.querySelector("line")).toBeNull();
  });
  it("patchTree matches unkeyed elements by tag in order and leaves an identical tree untouched", () => {
    const html = '<svg><title>T</title><desc>D</desc><g class="axis"><line x1="1"></line><text>2025</text></g></svg>';
    const a = tree(html);
    const line = a.querySelector("line")!;
    const fresh = tree(html.replace('x1="1"', 'x1="2"'));
    const want = fresh.outerHTML;
    patchTree(a, fresh);
    expect(a.querySelector("line") === line).toBe(true);
    expect(line.getAttribute("x1")).toBe("2");
    expect(a.outerHTML).toBe(want);
  });
});

describe("a resize updates the chart in place", () => {
  for (const [name, make] of [
    ["timeline", (host: HTMLElement) => timeline(host, seeds, { width: 1000 })],
    ["promiseTracker", (host: HTMLElement) => promiseTracker(host, seeds, { width: 1000, asOf: "2025-08-16" })],
  ] as const) {
    it(`${name}: resize(700) keeps the svg and every mark's node, moved to the new layout`, async () => {
      const doc = makeDocument();
      const host = doc.createElement("div");
      doc.body.appendChild(host);
      const h = make(host as unknown as HTMLElement);
      const svg = h.node.querySelector("svg.claimline-v1-svg")!;
      const before = new Map(Array.from(svg.querySelectorAll("[data-id]")).map((m) => [m.getAttribute("data-id")!, m]));
      h.resize(700);
      await Promise.resolve();
      const after = h.node.querySelector("svg.claimline-v1-svg")!;
      expect(after === svg).toBe(true);
      expect(after.getAttribute("width")).toBe("700");
      let kept = 0;
      for (const m of Array.from(after.querySelectorAll("[data-id]"))) if (before.get(m.getAttribute("data-id")!) === m) kept++;
      expect(kept).toBeGreaterThan(before.size * 0.5);
      // Exactly one mark in the tab order, and it is a live node of this svg.
      expect(after.querySelectorAll('[data-id][tabindex="0"]').length).toBe(1);
      h.destroy();
    });
  }
});
