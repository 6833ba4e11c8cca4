// @vitest-environment node
import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { ATTRIBUTES, ELEMENT_ATTRIBUTES, optionsToDataAttributes, readAttributes } from "../../src/embed/attributes.js";
import { isSheet, sheetsToData } from "../../src/embed/load.js";
import { renderToString, scriptJson } from "../../src/server/index.js";
import { makeDocument } from "../helpers/dom.js";

const seeds = JSON.parse(readFileSync(new URL("../../examples/data/seeds.json", import.meta.url), "utf8"));

describe("root entry in Node", () => {
  it("import('claimline') with no DOM does not throw", async () => {
    expect(typeof document).toBe("undefined");
    const mod = await import("../../src/index.js");
    expect(typeof mod.timeline).toBe("function");
  });
  it("import('claimline/auto') with no DOM does nothing and autoInit() returns []", async () => {
    const auto = await import("../../src/embed/auto.js");
    expect(auto.autoInit()).toEqual([]);
    expect(auto.defineClaimlineChart).toBeTypeOf("function");
  });
});

describe("readAttributes(el, kind)", () => {
  it("readAttributes(div, 'data') converts through the table", () => {
    const doc = makeDocument();
    const el = doc.createElement("div");
    el.setAttribute("data-claimline", "promise-tracker");
    el.setAttribute("data-src", "promises.json");
    el.setAttribute("data-as-of", "2025-08-16");
    el.setAttribute("data-locale", "ko-KR");
    el.setAttribute("data-width", "640px");
    el.setAttribute("data-highlight", "a, b");
    const c = readAttributes(el, "data");
    expect(c.chart).toBe("promise-tracker");
    expect(c.src).toBe("promises.json");
    expect(c.options).toMatchObject({ asOf: "2025-08-16", locale: "ko-KR", width: 640, highlight: "a, b", theme: undefined });
    // Every promise-tracker option is a key (so an update clears a removed attribute); no other chart's option is.
    expect(Object.keys(c.options).sort()).toEqual(ATTRIBUTES.filter((a) => a.charts.includes("promise-tracker") && a.option !== "chart" && a.option !== "src").map((a) => a.option).sort());
    expect(c.options).not.toHaveProperty("lanes");
    expect(c.errors).toEqual([]);
  });
  it("readAttributes(el, 'element') reads the attributes without data-", () => {
    const doc = makeDocument();
    const el = doc.createElement("claimline-chart");
    el.setAttribute("chart", "timeline");
    el.setAttribute("lanes", "participants");
    el.setAttribute("width", "wide");
    const c = readAttributes(el, "element");
    expect(c.chart).toBe("timeline");
    expect(c.options.lanes).toBe("participants");
    // Not a number: passed through so the option normaliser names it.
    expect(c.options.width).toBe("wide");
    expect(ELEMENT_ATTRIBUTES).toContain("as-of");
  });
  it("optionsToDataAttributes(options) writes the table back, lists comma-joined", () => {
    expect(optionsToDataAttributes({ asOf: "2025-08-16", highlight: ["a", "b"], nope: 1, theme: undefined })).toEqual([
      ["data-as-of", "2025-08-16"],
      ["data-highlight", "a,b"],
    ]);
  });
});

describe("sheets by URL", () => {
  it("isSheet(url, type) reads the extension or the content type", () => {
    expect(isSheet("data/claims.csv?v=2")).toBe(true);
    expect(isSheet("data/x.tsv")).toBe(true);
    expect(isSheet("data/x.json")).toBe(false);
    expect(isSheet("/api/x", "text/csv; charset=utf-8")).toBe(true);
  });
  it("sheetsToData(sheets) takes each kind from the file name", () => {
    const sheet = (name: string) => [`x/${name}.csv`, readFileSync(new URL(`../../examples/data/seeds-csv/${name}.csv`, import.meta.url), "utf8")] as [string, string];
    const d = sheetsToData([sheet("sources"), sheet("actors"), sheet("promises")]) as { promises: unknown[] };
    expect(d.promises.length).toBeGreaterThan(0);
  });
});

describe("renderToString(chart, data, { format: 'fragment' })", () => {
  it("scriptJson(value) cannot end its <script>", () => {
    const s = scriptJson({ q: "</script><script>alert(1)</script><!-- \u2028" });
    expect(s).not.toMatch(/<|>|\u2028/);
    expect(JSON.parse(s).q).toBe("</script><script>alert(1)</script><!-- \u2028");
  });
  it("fragment holds the data, the options as data attributes, and a static chart", () => {
    const data = structuredClone(seeds);
    data.events[0].title = "</script><img src=x onerror=alert(1)>";
    const html = renderToString("timeline", data, { format: "fragment", locale: "de-DE" });
    const dom = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { window: Window & typeof globalThis };
    const host = dom.window.document.querySelector("[data-claimline]")!;
    expect(host.getAttribute("data-claimline")).toBe("timeline");
    expect(host.getAttribute("data-locale")).toBe("de-DE");
    expect(host.hasAttribute("data-width")).toBe(false);
    expect(dom.window.document.querySelectorAll("img").length).toBe(0);
    const json = JSON.parse(host.querySelector('script[type="application/json"]')!.textContent!);
    expect(json.events[0].title).toBe(data.events[0].title);
    const fixed = host.querySelector("[data-claimline-static]")!;
    expect(fixed.querySelectorAll("svg [data-id]").length).toBeGreaterThan(0);
    expect(fixed.querySelector("table")).not.toBeNull();
  });
});

describe("autoInit(root) on a DOM without layout (linkedom)", () => {
  it("mounts inline-data embeds once, replacing server-rendered markup in place", async () => {
    const fragment = renderToString("promise-tracker", seeds, { format: "fragment", asOf: "2025-08-16" });
    const dom = parseHTML(`<!doctype html><html><body>${fragment}<div id="bad" data-claimline="pie"></div></body></html>`) as unknown as { window: Window & typeof globalThis };
    const g = globalThis as Record<string, unknown>;
    g.document = dom.window.document;
    try {
      const { autoInit } = await import("../../src/embed/auto.js");
      const events: string[] = [];
      dom.window.document.addEventListener("claimline:ready", (e: Event) => events.push("ready:" + (e as CustomEvent).detail.chart));
      dom.window.document.addEventListener("claimline:error", () => events.push("error"));
      const embeds = autoInit(dom.window.document);
      expect(embeds).toHaveLength(2);
      await Promise.all(embeds.map((e) => e.ready));
      const host = dom.window.document.querySelector('[data-claimline="promise-tracker"]')!;
      expect(host.getAttribute("data-claimline-state")).toBe("ready");
      expect(host.querySelectorAll("[data-claimline-static]").length).toBe(0);
      expect(host.querySelectorAll("[data-claimline-chart]").length).toBe(1);
      expect(dom.window.document.getElementById("bad")!.textContent).toMatch(/no known chart/);
      expect(events).toEqual(["ready:promise-tracker", "error"]);
      expect(autoInit(dom.window.document)).toHaveLength(0);
      embeds.forEach((e) => e.destroy());
      expect(host.querySelectorAll("[data-claimline-chart]").length).toBe(0);
    } finally {
      delete g.document;
    }
  });
});
