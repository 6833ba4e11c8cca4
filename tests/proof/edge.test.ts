/**
 * Edge datasets (issue 7, item 6): each draws a sensible chart or says in
 * words why not — never a throw, never a blank box, never an svg without
 * marks when there are records to draw.
 */
import { drawChart } from "../../src/charts/draw.js";
import { describe, expect, it } from "vitest";
import { createChart } from "../../src/charts/chart.js";
import { CHARTS } from "../../src/charts/registry.js";
import { parseDataset } from "../../src/model/validate.js";
import { isMessage } from "../../src/render/view.js";
import { renderToString } from "../../src/server/index.js";
import { makeDocument } from "../helpers/dom.js";
import { badGeometry, CHART_LIST, marksById, relevant } from "./inspect.js";

const base = () => ({
  version: 1 as const,
  asOf: "2025-08-16",
  sources: [{ id: "yonhap", name: "Yonhap", url: "https://en.yna.co.kr/" }],
  actors: [
    { id: "trump", name: "Donald Trump" },
    { id: "putin", name: "Vladimir Putin" },
    { id: "kim", name: "Kim Jong Un" },
  ],
  events: [] as any[],
  claims: [] as any[],
  promises: [] as any[],
});
const event = (id: string, date: string, extra: object = {}) => ({ id, date, kind: "meeting", title: `Meeting ${id}`, participants: ["trump", "putin"], ...extra });
const claim = (id: string, value: number, extra: object = {}) => ({ id, subject: "North Korean troops in Kursk", value, qualifier: "about", unit: "troops", claimant: "yonhap", citations: [{ source: "yonhap" }], ...extra });
const promise = (id: string, said: string, outcome?: object) => ({ id, speaker: "trump", said, topic: `Topic ${id}`, quote: "in two weeks", window: { min: "P14D", max: "P14D" }, ...(outcome ? { outcome } : {}) });

const EDGES: Record<string, any> = {
  "an empty dataset": { version: 1 },
  "one record of each kind": { ...base(), events: [event("e1", "2025-08-15")], claims: [claim("c1", 11000)], promises: [promise("p1", "2025-07-14")] },
  "all records on one day": {
    ...base(),
    events: Array.from({ length: 12 }, (_, i) => event(`e${i}`, "2025-08-15")),
    claims: Array.from({ length: 6 }, (_, i) => claim(`c${i}`, 10000 + i * 1000, { date: "2025-08-15" })),
    promises: Array.from({ length: 6 }, (_, i) => promise(`p${i}`, "2025-08-15")),
  },
  "dates 75 years apart": {
    ...base(),
    events: [event("e1", "1950-06-25"), event("e2", "1953-07-27"), event("e3", "2018-06-12"), event("e4", "2025-08-15")],
    claims: [claim("c1", 1_000_000, { date: "1950-10" }), claim("c2", 15000, { date: "2025-08-15" })],
    promises: [promise("p1", "1950-07-01", { status: "late", date: "2025-01-01" }), promise("p2", "2025-08-01")],
  },
  "a single subject with one claim": { ...base(), claims: [claim("c1", 12000)] },
  "a claim of 0": { ...base(), claims: [claim("c0", 0), claim("c1", 0, { qualifier: "exact", claimant: "kim" })] },
  "a 1e12 figure": { ...base(), claims: [claim("c1", 1e12, { unit: "USD", subject: "Aid" }), claim("c2", 5, { unit: "USD", subject: "Aid" }), claim("c3", 1e12, { qualifier: "range", value: undefined, low: 9e11, high: 1.2e12, unit: "USD", subject: "Aid" })] },
  "every promise kept": { ...base(), promises: Array.from({ length: 5 }, (_, i) => promise(`p${i}`, `2025-0${i + 1}-10`, { status: "kept", date: `2025-0${i + 1}-20` })) },
  "every promise overdue": { ...base(), asOf: "2025-12-31", promises: Array.from({ length: 5 }, (_, i) => promise(`p${i}`, `2025-0${i + 1}-10`, { status: "pending" })) },
  "month- and year-precision dates only": { ...base(), events: [event("e1", "2025-03"), event("e2", "2025"), event("e3", "2025-XX~"), event("e4", "2025-03-21/2025-03-31")], promises: [promise("p1", "2025-03")] },
  "open and unknown interval ends": { ...base(), events: [event("e1", "2025-06/.."), event("e2", "../2025-06"), event("e3", "2025-06-01/"), event("e4", "/2025-07-01")] },
};

describe("edge datasets draw a chart or a readable message", () => {
  for (const [label, data] of Object.entries(EDGES)) {
    for (const name of CHART_LIST) {
      for (const width of [320, 800]) {
        it(`${name}.draw(${label}) at ${width} px`, () => {
          const def = CHARTS[name];
          const dataset = parseDataset(JSON.parse(JSON.stringify(data)));
          const result = drawChart(def, makeDocument(), dataset, def.resolveOptions({ width }), width);
          const records = relevant(name, dataset);
          if (isMessage(result)) {
            expect(result.message.trim().length, "message is readable").toBeGreaterThan(10);
            // A message instead of a picture is fine only when there is nothing (or nothing comparable) to draw.
            expect(records.length <= 1, `${name} gave a message "${result.message}" for ${records.length} records`).toBe(true);
            return;
          }
          const marks = marksById(result.svg);
          expect(marks.size, "an svg with zero marks").toBeGreaterThan(0);
          for (const r of records) expect(marks.get(r.id), `mark for ${r.id}`).toBe(1);
          expect(badGeometry(result.svg)).toEqual([]);
          expect(Number(result.svg.getAttribute("width"))).toBe(width);
          expect(Number(result.svg.getAttribute("height"))).toBeGreaterThan(20);
          expect(result.summary.trim().length).toBeGreaterThan(10);
          expect(result.table.rows.length).toBe(records.length);
        });
      }
      it(`${name}(element, ${label}) through the handle is never a blank box`, () => {
        const doc = makeDocument();
        const host = doc.createElement("div");
        doc.body.appendChild(host);
        const h = createChart(CHARTS[name], host, JSON.parse(JSON.stringify(data)), { width: 600 });
        const svg = h.node.querySelector("svg[data-id], svg [data-id]") ? h.node.querySelector(":scope > svg") : null;
        const message = h.node.querySelector(".claimline-v1-message");
        expect(svg || message, `blank box: ${h.node.outerHTML.slice(0, 300)}`).toBeTruthy();
        if (message) expect(message.textContent!.trim().length).toBeGreaterThan(10);
        expect(h.node.textContent).not.toMatch(/could not be drawn/);
        h.destroy();
      });
      it(`renderToString("${name}", ${label}) gives svg and html`, () => {
        const svg = renderToString(name, JSON.parse(JSON.stringify(data)), { width: 640 });
        expect(svg).toMatch(/<svg[\s>]/);
        expect(svg).not.toMatch(/NaN|Infinity/);
        const html = renderToString(name, JSON.parse(JSON.stringify(data)), { width: 640, format: "html" });
        expect(html).toMatch(/^<!doctype html>/i);
      });
    }
  }
});

describe("very large inputs (14.9)", () => {
  it("layoutTimeline(130,000 events) lays out without overflowing the stack", async () => {
    const { layoutTimeline } = await import("../../src/layout/timeline.js");
    const { resolveTimelineOptions } = await import("../../src/charts/timeline.js");
    const events = Array.from({ length: 130_000 }, (_, i) => ({ id: `e${i}`, date: new Date(Date.UTC(2025, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10), kind: "meeting", title: `Event ${i}` }));
    const L = layoutTimeline({ version: 1, sources: [], actors: [], events, claims: [], promises: [] }, resolveTimelineOptions({}), 800);
    expect(L.marks.length).toBe(130_000);
    expect(L.clusters.length).toBeGreaterThan(0);
    // And on a phone, where one cluster can hold tens of thousands of members.
    const P = layoutTimeline({ version: 1, sources: [], actors: [], events, claims: [], promises: [] }, resolveTimelineOptions({}), 320);
    expect(P.orientation).toBe("vertical");
    expect(P.marks.length).toBe(130_000);
  }, 120_000);
});

describe("figure layout stays near-linear (14.2)", () => {
  it("layoutFigureComparison(32,000 claims on one subject) lays out (it took 127 s when grouping copied an array per claim)", async () => {
    const { layoutFigureComparison } = await import("../../src/layout/figureComparison.js");
    const { resolveFigureComparisonOptions } = await import("../../src/charts/figureComparison.js");
    const claims = Array.from({ length: 32_000 }, (_, i) => ({ id: `c${i}`, subject: "Troops", value: 1000 + (i % 5000), qualifier: i % 2 ? "about" : "exact", unit: "troops", claimant: "a", citations: [] }));
    const L = layoutFigureComparison({ version: 1, sources: [], actors: [{ id: "a", name: "A" }], events: [], claims, promises: [] } as never, resolveFigureComparisonOptions({}), 800);
    expect(L.order.length).toBe(32_000);
  }, 60_000);
});
