// @vitest-environment node
// The attribute table round trip (issue 14, item 5): every option a chart resolves survives
// options → attributes → options, so the live chart that replaces a server fragment is drawn
// with the options the static one was.
import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { resolveFigureComparisonOptions } from "../../src/charts/figureComparison.js";
import { resolvePromiseTrackerOptions } from "../../src/charts/promiseTracker.js";
import { resolveTimelineOptions } from "../../src/charts/timeline.js";
import { ATTRIBUTES, optionsToAttributes, readAttributes } from "../../src/embed/attributes.js";
import { renderToString } from "../../src/server/index.js";
import { makeDocument } from "../helpers/dom.js";

const seeds = JSON.parse(readFileSync(new URL("../../examples/data/seeds.json", import.meta.url), "utf8"));

const chrome = { locale: "de-DE", theme: "dark", width: 640, title: "A headline; with \"quotes\" & <b>", subtitle: "Dek", source: "Source: Wire", note: "Note", credit: "Graphic: A. Editor", messages: { "chart.timeline": "Key dates" } };

/** Each chart's options set to something other than the default, every option at least once over its samples. */
const CASES: Array<{ chart: "timeline" | "figure-comparison" | "promise-tracker"; resolve: (o: unknown) => object; samples: Record<string, unknown>[] }> = [
  {
    chart: "timeline",
    resolve: resolveTimelineOptions,
    samples: [
      {
        ...chrome,
        asOf: "2021-08-20",
        orientation: "vertical",
        lanes: "kind",
        domain: ["2021-08", "2021-09~"],
        periods: [
          { start: "2021-08-15", end: "2021-08-31", label: "Evacuation" },
          { start: "2021-08-26", end: "2021-08-26", label: "Kabul airport attack; 13 US dead" },
          { start: "2021-08-30", label: "After \\ the last flight" },
          { start: "2021-09", end: "..", label: "" },
        ],
        annotations: { "e-summit": "Dates differ; by \"source\"", other: "x" },
        breakpoint: 400,
      },
      { asOf: false, orientation: "horizontal", lanes: "participants", domain: ["2021", "2022"], periods: [{ start: "2021-08", label: "From August" }] },
    ],
  },
  {
    chart: "figure-comparison",
    resolve: resolveFigureComparisonOptions,
    samples: [
      { ...chrome, subject: "Troops deployed", sort: "date", highlight: "c-1", annotations: { "c-1": "Different periods" }, axis: "log", zero: false },
      { sort: "claimant", axis: "symlog", zero: true },
    ],
  },
  {
    chart: "promise-tracker",
    resolve: resolvePromiseTrackerOptions,
    samples: [
      { ...chrome, asOf: "2025-08-16", sort: "overdue", group: "topic", compact: true, highlight: ["p-1", "p-2"] },
      { sort: "status", group: "speaker", compact: false, highlight: "p-3" },
    ],
  },
];

const tableOptions = (chart: string) => ATTRIBUTES.filter((a) => a.charts.includes(chart as never) && a.option !== "chart" && a.option !== "src").map((a) => a.option);

describe.each(CASES)("the attribute table for $chart", ({ chart, resolve, samples }) => {
  it(`every option resolve…Options knows has a row in the table for ${chart}`, () => {
    const keys = new Set([...Object.keys(resolve({})), ...samples.flatMap((s) => Object.keys(resolve(s)))]);
    const missing = [...keys].filter((k) => !tableOptions(chart).includes(k));
    expect(missing).toEqual([]);
  });

  it(`the samples set every ${chart} option to something other than its default (so the round trip can fail)`, () => {
    const plain = resolve({}) as Record<string, unknown>;
    for (const option of tableOptions(chart)) {
      const differs = samples.some((s) => option in s && JSON.stringify((resolve(s) as Record<string, unknown>)[option]) !== JSON.stringify(plain[option]));
      // An option the resolver does not take yet (the chrome options, while they land) resolves to nothing either way.
      if (samples.some((s) => (resolve(s) as Record<string, unknown>)[option] !== undefined) || option in plain) expect(differs, option).toBe(true);
    }
  });

  it.each(["data", "element"] as const)(`readAttributes(optionsToAttributes(options, %j)) resolves to the same ${chart} options`, (kind) => {
    const doc = makeDocument();
    for (const sample of samples) {
      const el = doc.createElement(kind === "data" ? "div" : "claimline-chart");
      el.setAttribute(kind === "data" ? "data-claimline" : "chart", chart);
      for (const [name, value] of optionsToAttributes(sample, kind)) el.setAttribute(name, value);
      // Through markup, as a server fragment or a CMS template carries it.
      const html = el.outerHTML;
      const back = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body.firstElementChild!;
      const config = readAttributes(back as unknown as Element, kind);
      expect(config.errors).toEqual([]);
      expect(config.chart).toBe(chart);
      expect(resolve(config.options)).toEqual(resolve(sample));
    }
  });
});

describe("renderToString(chart, data, { format: 'fragment', …options })", () => {
  it("the fragment's attributes carry periods, annotations, domain and breakpoint to the live timeline", () => {
    const options = CASES[0]!.samples[0]!;
    const html = renderToString("timeline", seeds, { format: "fragment", ...options });
    const host = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.querySelector("div[data-claimline]")!;
    expect(host.getAttribute("data-periods")).toBe("2021-08-15/2021-08-31 Evacuation; 2021-08-26 Kabul airport attack\\; 13 US dead; 2021-08-30/.. After \\\\ the last flight; 2021-09/..");
    expect(host.getAttribute("data-domain")).toBe("2021-08/2021-09~");
    const config = readAttributes(host as unknown as Element, "data");
    expect(resolveTimelineOptions(config.options)).toEqual(resolveTimelineOptions(options));
  });
  it("the fragment's attributes carry axis and zero to the live figure comparison, compact to the promise tracker", () => {
    for (const { chart, resolve, samples } of CASES.slice(1)) {
      // The seed data has no subject "Troops deployed": draw every panel.
      const { subject: _, ...options } = samples[0]!;
      const html = renderToString(chart, seeds, { format: "fragment", ...options });
      const host = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.querySelector("div[data-claimline]")!;
      expect(host.getAttribute("data-claimline")).toBe(chart);
      const config = readAttributes(host as unknown as Element, "data");
      expect(resolve(config.options)).toEqual(resolve(options));
    }
  });
});

describe("readAttributes(el, kind) with text it cannot read", () => {
  it("names the attribute and the part in config.errors, and reads the rest", () => {
    const doc = makeDocument();
    const el = doc.createElement("div");
    el.setAttribute("data-claimline", "timeline");
    el.setAttribute("data-periods", "Evacuation 2021-08-15/2021-08-31");
    el.setAttribute("data-domain", "2021-08/2021-13");
    el.setAttribute("data-annotations", "e1: a note");
    el.setAttribute("data-lanes", "kind");
    const config = readAttributes(el, "data");
    expect(config.errors).toHaveLength(3);
    expect(config.errors[0]).toMatch(/^data-annotations: expected a JSON object/);
    expect(config.errors[1]).toMatch(/^data-domain: cannot read the end "2021-13"/);
    expect(config.errors[2]).toMatch(/^data-periods: "Evacuation 2021-08-15\/2021-08-31": cannot read "Evacuation" as a date or interval/);
    expect(config.options.lanes).toBe("kind");
    const element = doc.createElement("claimline-chart");
    element.setAttribute("chart", "timeline");
    element.setAttribute("domain", "August");
    expect(readAttributes(element, "element").errors[0]).toMatch(/^domain: cannot read "August"/);
  });
  it("reads data-domain with a comma, data-periods as JSON, and a present empty boolean as true", () => {
    const doc = makeDocument();
    const el = doc.createElement("claimline-chart");
    el.setAttribute("chart", "timeline");
    el.setAttribute("domain", "2021-08, 2021-09");
    el.setAttribute("periods", '[{"start": "2021-08-15", "end": "2021-08-31", "label": "Evacuation"}]');
    expect(readAttributes(el, "element").options).toMatchObject({ domain: ["2021-08", "2021-09"], periods: [{ start: "2021-08-15", end: "2021-08-31", label: "Evacuation" }] });
    const tracker = doc.createElement("claimline-chart");
    tracker.setAttribute("chart", "promise-tracker");
    tracker.setAttribute("compact", "");
    expect(readAttributes(tracker, "element").options.compact).toBe(true);
  });
});

describe("autoInit() on a server fragment with every timeline option", () => {
  it("the live chart that replaces the static one draws the same events, periods and notes (linkedom)", async () => {
    const options: Record<string, unknown> = {
      ...CASES[0]!.samples[0]!,
      width: 800,
      domain: ["2025-03", "2025-09"],
      orientation: "horizontal",
      messages: undefined,
      periods: [
        { start: "2025-08-12", end: "2025-08-15", label: "Call, then summit" },
        { start: "2025-06-04", end: "2025-06-04", label: "Shoigu in Pyongyang" },
      ],
      annotations: { "putin-kim-call": "Readouts differ on the length of the call." },
    };
    const html = renderToString("timeline", seeds, { format: "fragment", ...options });
    const dom = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { window: Window & typeof globalThis };
    const doc = dom.window.document;
    const read = (svg: Element | null) => ({
      ids: [...(svg?.querySelectorAll("[data-id]") ?? [])].map((m) => m.getAttribute("data-id")).join(" "),
      bands: svg?.querySelectorAll(".claimline-v1-tl-period-band").length,
      text: svg?.textContent ?? "",
    });
    const before = read(doc.querySelector("[data-claimline-static] > svg"));
    expect(before.text).toContain("Call, then summit");
    expect(before.text).toContain("Readouts differ");
    // Imported before `document` exists, so its own start-up autoInit() finds nothing.
    const { autoInit } = await import("../../src/embed/auto.js");
    const g = globalThis as Record<string, unknown>;
    g.document = doc;
    try {
      const [embed] = autoInit(doc);
      await embed!.ready;
      expect(doc.querySelector("div[data-claimline]")!.getAttribute("data-claimline-state")).toBe("ready");
      expect(doc.querySelector("[data-claimline-static]")).toBeNull();
      const after = read(doc.querySelector("[data-claimline-chart] > svg"));
      expect(after).toEqual(before);
      embed!.destroy();
    } finally {
      delete g.document;
    }
  });
});
