// @vitest-environment node
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { NARROW, renderToString } from "../../src/server/index.js";

const require = createRequire(import.meta.url);

const seeds = JSON.parse(readFileSync(new URL("../../examples/data/seeds.json", import.meta.url), "utf8"));
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'"));

describe("renderToString(chart, seeds, {format: 'svg'}): a file that stands alone", () => {
  for (const chart of ["timeline", "promise-tracker", "figure-comparison"] as const) {
    it(`${chart}: headline, summary, legend and source line are visible text in the SVG`, () => {
      const svg = renderToString(chart, seeds, { width: 800, ...(chart === "figure-comparison" ? {} : { asOf: "2025-08-16" }), title: "A headline", subtitle: "A dek", credit: "The desk" } as never);
      const t = texts(svg);
      expect(t[0]).toBe("A headline");
      expect(t).toContain("A dek");
      expect(t.some((s) => /^Sources?: /.test(s))).toBe(true);
      expect(t).toContain("Graphic: The desk");
      // The legend's words, each beside its icon.
      expect(svg).toMatch(/<g (transform="translate\([\d.]+,[\d.]+\)" aria-hidden="true"|aria-hidden="true" transform="translate\([\d.]+,[\d.]+\)")><g>/);
      // The picture moved down under the chrome, inside the viewBox.
      const [, , h] = svg.match(/viewBox="0 0 (\d+) (\d+)"/)!.map(Number);
      expect(Number(svg.match(/height="(\d+)"/)![1])).toBe(h);
    });
  }
  it("promise-tracker: the legend names the statuses drawn", () => {
    const t = texts(renderToString("promise-tracker", seeds, { width: 800, asOf: "2025-08-16" } as never));
    for (const word of ["said", "promised window", "overdue", "late", "partly kept"]) expect(t).toContain(word);
  });
});

describe("static HTML page and fragment: legible at 320 px (issue 12)", () => {
  const charts = ["timeline", "promise-tracker", "figure-comparison"] as const;
  const opts = (chart: string) => (chart === "figure-comparison" ? {} : { asOf: "2025-08-16" });
  const { parseHTML } = require("linkedom") as typeof import("linkedom");
  const read = (markup: string) => parseHTML(markup.startsWith("<!doctype") ? markup : `<!doctype html><html><body>${markup}</body></html>`).document as unknown as Document;

  for (const chart of charts) {
    for (const format of ["html", "fragment"] as const) {
      it(`${chart} ${format}: a wide drawing and a narrow one, one shown at a time, one table, no repeated id`, () => {
        const doc = read(renderToString(chart, seeds, { format, width: 800, ...opts(chart) } as never));
        const root = doc.querySelector("[data-claimline-static]")!;
        const svgs = Array.from(root.querySelectorAll("svg[role=img]"));
        // The legend's icons are svgs too; the pictures are the role="img" ones.
        expect(svgs.map((s) => s.getAttribute("width"))).toEqual(["800", String(NARROW.width)]);
        const [wide, narrow] = svgs as [Element, Element];
        // The wide picture stays a child of the static root, marked; the narrow one sits in a box hidden without CSS.
        expect(wide.parentElement).toBe(root);
        expect(wide.getAttribute("class")).toContain("claimline-v1-wide");
        const box = narrow.closest(".claimline-v1-narrow")!;
        expect(box.parentElement).toBe(root);
        expect(box.hasAttribute("hidden")).toBe(true);
        expect(wide.closest("[hidden]")).toBeNull();
        // Each drawing carries every record's mark once.
        const ids = (s: Element) => new Set(Array.from(s.querySelectorAll("[data-id]")).map((m) => m.getAttribute("data-id")));
        expect([...ids(narrow)].sort()).toEqual([...ids(wide)].sort());
        expect(ids(wide).size).toBeGreaterThan(5);
        // The headline and source line in each, above and below its picture.
        for (const part of [root, box]) {
          expect(part.querySelector(":scope > .claimline-v1-header .claimline-v1-headline")?.textContent).toBeTruthy();
          expect(part.querySelector(":scope > .claimline-v1-footer .claimline-v1-source")?.textContent).toMatch(/^Sources?: /);
        }
        expect(root.querySelectorAll("details.claimline-v1-data").length).toBe(1);
        expect(root.querySelector("details.claimline-v1-data")!.hasAttribute("open")).toBe(false);
        const allIds = Array.from(doc.querySelectorAll("[id]")).map((e) => e.id);
        expect(allIds.filter((id, i) => allIds.indexOf(id) !== i)).toEqual([]);
      });
    }
  }
  it("the stylesheet swaps them in a box under 480 px (container query, the viewport as fallback); the page's pym script reads the shown height", () => {
    const page = renderToString("timeline", seeds, { format: "html", width: 800 } as never);
    const css = page.match(/<style>([\s\S]*?)<\/style>/)![1]!;
    expect(NARROW.below).toBe(480);
    expect(css).toContain(":where([data-claimline-static]){container-type:inline-size}");
    const swap = "[data-claimline-static]>.claimline-v1-wide{display:none}[data-claimline-static]>.claimline-v1-narrow{display:block}";
    expect(css).toContain(`@container (max-width:480px){${swap}}`);
    expect(css).toContain(`@supports not (container-type:inline-size){@media (max-width:480px){${swap}}}`);
    // The height sent is the document's as laid out (the shown drawing), and it is sent again on every resize.
    expect(page).toMatch(/document\.documentElement\.offsetHeight[\s\S]*new ResizeObserver\(send\)\.observe\(document\.body\)/);
  });
  it("a drawing already narrow (width ≤ 480), a message, and the standalone SVG carry one picture", () => {
    const small = read(renderToString("timeline", seeds, { format: "html", width: 360 } as never));
    expect(small.querySelectorAll("svg[role=img]").length).toBe(1);
    expect(small.querySelector(".claimline-v1-narrow, .claimline-v1-wide")).toBeNull();
    const svg = renderToString("timeline", seeds, { width: 800 } as never);
    expect(svg.match(/<svg[^>]*role="img"/g)!.length).toBe(1);
    const empty = read(renderToString("timeline", { version: 1, events: [] }, { format: "html", width: 800 } as never));
    expect(empty.querySelector(".claimline-v1-narrow")).toBeNull();
  });
});
