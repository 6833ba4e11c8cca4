import { readFileSync } from "node:fs";
import fc from "fast-check";
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

describe("patchTree on random trees", () => {
  const doc = makeDocument();
  // Children drawn from a small pool of keyed marks (data-id), words (data-for) and unkeyed shapes, in any order.
  const child = fc.oneof(
    fc.record({ key: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h"), kind: fc.constantFrom("id", "for"), x: fc.integer({ min: 0, max: 3 }) }),
    fc.record({ tag: fc.constantFrom("line", "rect", "text"), x: fc.integer({ min: 0, max: 3 }) }),
  );
  const build = (kids: Array<{ key?: string; kind?: string; tag?: string; x: number }>) => {
    const seen = new Set<string>();
    const g = doc.createElement("g");
    for (const k of kids) {
      if (k.key !== undefined) {
        const id = `${k.kind}:${k.key}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const el = g.appendChild(doc.createElement("g"));
        el.setAttribute(k.kind === "id" ? "data-id" : "data-for", k.key);
        el.setAttribute("x", String(k.x));
        el.appendChild(doc.createTextNode(k.key + k.x));
      } else {
        const el = g.appendChild(doc.createElement(k.tag!));
        el.setAttribute("x", String(k.x));
      }
    }
    return g;
  };
  const keyOf = (e: Element) => (e.hasAttribute("data-id") ? `id:${e.getAttribute("data-id")}` : e.hasAttribute("data-for") ? `for:${e.getAttribute("data-for")}` : null);
  /** Patch a tree built from `olds` with one built from `news`; returns the keyed nodes before, the patched tree and the moves of nodes already in it. */
  const run = (olds: Parameters<typeof build>[0], news: Parameters<typeof build>[0]) => {
    const a = build(olds);
    const b = build(news);
    const want = b.outerHTML;
    const wanted = Array.from(b.children).map(keyOf);
    const before = new Map<string, Element>();
    for (const e of Array.from(a.children)) if (keyOf(e)) before.set(keyOf(e)!, e);
    let moves = 0;
    const insert = a.insertBefore.bind(a);
    (a as { insertBefore: typeof a.insertBefore }).insertBefore = <T extends Node>(n: T, ref: Node | null) => {
      if (n.parentNode === a) moves++;
      return insert(n, ref);
    };
    patchTree(a, b);
    return { a, want, wanted, before, moves };
  };
  it("the mounted tree ends equal to the fresh one, and keyed nodes keep their identity", () => {
    fc.assert(
      fc.property(fc.array(child, { maxLength: 14 }), fc.array(child, { maxLength: 14 }), (olds, news) => {
        const { a, want, before } = run(olds, news);
        expect(a.outerHTML).toBe(want);
        for (const e of Array.from(a.children)) {
          const k = keyOf(e);
          if (k && before.has(k)) expect(before.get(k) === e).toBe(true);
        }
      }),
    );
  });
  it("marks that stay, in the same order, are not moved, whatever enters or leaves around them", () => {
    const keyed = fc.record({ key: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h"), kind: fc.constant("id"), x: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.uniqueArray(keyed, { selector: (k) => k.key, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), fc.uniqueArray(fc.constantFrom("p", "q", "r"), { maxLength: 3 }), (olds, keep, enter) => {
        // The fresh tree: some old marks dropped, the rest in their order, new ones entering at the end.
        const news = [...olds.filter((_, i) => keep[i]), ...enter.map((key) => ({ key, kind: "id", x: 0 }))];
        const { a, want, moves } = run(olds, news);
        expect(a.outerHTML).toBe(want);
        expect(moves).toBe(0);
      }),
    );
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
