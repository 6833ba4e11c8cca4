// @vitest-environment node
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderToString } from "../../src/server/index.js";

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
