// @vitest-environment node
// claimline/server draws on its own small DOM (src/render/lightDom.ts). It must write exactly what a full DOM
// (linkedom) writes for the same drawing: every chart, format, width and language, odd data and big data.
import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { afterAll, describe, expect, it } from "vitest";
import { claimsDataset, eventsDataset, promisesDataset } from "../../bench/datasets.js";
import { renderToString, useDocument } from "../../src/server/index.js";
import { lightDocument } from "../../src/render/lightDom.js";

const seeds = JSON.parse(readFileSync(new URL("../../examples/data/seeds.json", import.meta.url), "utf8"));
const linkedom = () => parseHTML('<!doctype html><html lang="en"><head></head><body></body></html>').document as unknown as Document;
const onBoth = (draw: () => string): [string, string] => {
  useDocument(linkedom);
  try {
    const full = draw();
    useDocument(lightDocument);
    return [draw(), full];
  } finally {
    useDocument(lightDocument);
  }
};
const charts = ["timeline", "promise-tracker", "figure-comparison"] as const;
const asOf = (chart: string) => (chart === "figure-comparison" ? {} : { asOf: "2025-08-16" });

describe("renderToString on claimline's light DOM = on linkedom, byte for byte", () => {
  afterAll(() => useDocument(lightDocument));
  for (const chart of charts)
    for (const format of ["svg", "html", "fragment"] as const)
      for (const [width, locale] of [[320, "en-US"], [800, "de-DE"], [1200, "ar"], [800, "ko-KR"]] as const)
        it(`${chart}, ${format}, ${width} px, ${locale}`, () => {
          const [light, full] = onBoth(() => renderToString(chart, seeds, { format, width, locale, ...asOf(chart) } as never));
          expect(light.length).toBeGreaterThan(2000);
          expect(light).toBe(full);
        });
  for (const [chart, data] of [
    ["timeline", eventsDataset(300)],
    ["figure-comparison", claimsDataset(200)],
    ["promise-tracker", promisesDataset(200)],
    ["timeline", { ...seeds, events: [] }],
  ] as const)
    it(`${chart} on ${"events" in data && data.events.length === 0 ? "no events (a message in place)" : "synthetic data"}, html`, () => {
      const [light, full] = onBoth(() => renderToString(chart, data, { format: "html", width: 960 } as never));
      expect(light).toBe(full);
    });
  it("text from data stays text on both: markup in a title is escaped, never drawn", () => {
    const hostile = structuredClone(seeds);
    hostile.events[0].title = '<img src=x onerror=alert(1)> & "quoted" </text><script>x</script>';
    const [light, full] = onBoth(() => renderToString("timeline", hostile, { format: "html", width: 800, asOf: "2025-08-16" } as never));
    expect(light).toBe(full);
    expect(light).not.toContain("<img src=x");
    expect(light).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
