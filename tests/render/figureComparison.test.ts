import { readFileSync } from "node:fs";
import { drawChart } from "../../src/charts/draw.js";
import { describe, expect, it } from "vitest";
import { createChart } from "../../src/charts/chart.js";
import { figureComparison, figureComparisonChart, resolveFigureComparisonOptions } from "../../src/charts/figureComparison.js";
import { parseDataset } from "../../src/model/validate.js";
import type { Dataset } from "../../src/model/types.js";
import { isMessage, type ChartView } from "../../src/render/view.js";
import { makeDocument, pretty, labelNotInName } from "../helpers/dom.js";

const seeds = parseDataset(JSON.parse(readFileSync(new URL("../../examples/data/seeds.json", import.meta.url), "utf8")));
const money = parseDataset(JSON.parse(readFileSync(new URL("../../examples/data/money.json", import.meta.url), "utf8")));
const TROOPS = "North Korean troops sent to Russia";

/** The words a mark draws, in DOM order: its <text> elements, less those in a display="none" list. */
/** The words drawn for a mark: inside it, and in its `data-for` label group (hidden from assistive tech, tied to the mark). */
const shownText = (m: Element) =>
  [...Array.from(m.querySelectorAll("text")), ...Array.from(m.closest("svg")?.querySelectorAll(`[data-for="${m.getAttribute("data-id")}"] text`) ?? [])]
    .filter((t) => !t.closest('[display="none"]'))
    .map((t) => t.textContent)
    .join(" ");

function draw(data: Dataset, options: Record<string, unknown> = {}, width = 800): ChartView {
  const result = drawChart(figureComparisonChart, makeDocument(), data, resolveFigureComparisonOptions({ width, ...options }), width);
  if (isMessage(result)) throw new Error(result.message);
  return result;
}

describe("renderFigureComparison snapshots (reviewed by eye)", () => {
  for (const width of [320, 800]) {
    it(`figureComparison(seeds, {subject: troops}) at ${width} px`, async () => {
      await expect(pretty(draw(seeds, { subject: TROOPS }, width).svg) + "\n").toMatchFileSnapshot(`../output/figure-comparison-troops-${width}.svg`);
    });
    it(`figureComparison(seeds) at ${width} px`, async () => {
      await expect(pretty(draw(seeds, {}, width).svg) + "\n").toMatchFileSnapshot(`../output/figure-comparison-seeds-${width}.svg`);
    });
  }
  it("figureComparison(money, {locale: 'de-DE', highlight}) at 320 px", async () => {
    await expect(pretty(draw(money, { locale: "de-DE", highlight: "visa-fee-cbo" }, 320).svg) + "\n").toMatchFileSnapshot("../output/figure-comparison-money-de-320.svg");
  });
});

describe("renderFigureComparison structure", () => {
  const view = draw(seeds);
  const marks = Array.from(view.svg.querySelectorAll("[data-id]"));

  it("figureComparison(seeds) draws one labelled mark per claim, in keyboard order", () => {
    expect(marks.map((m) => m.getAttribute("data-id")).sort()).toEqual(seeds.claims.map((c) => c.id).sort());
    expect(view.order).toEqual(marks.map((m) => m.getAttribute("data-id")));
    for (const m of marks) {
      const name = m.getAttribute("aria-label")!;
      expect(name.length).toBeGreaterThan(20);
      // Label in name: claimant, figure, outlet and date as drawn begin the name, unbroken.
      expect(m.getAttribute("role")).toBe("button");
      const drawn = shownText(m);
      expect(labelNotInName(drawn, name), `${drawn} ⊄ ${name}`).toBeUndefined();
      expect(m.querySelector(".claimline-v1-focus")).not.toBeNull();
    }
    expect(view.order.slice(0, 4).every((id) => seeds.claims.find((c) => c.id === id)!.subject === TROOPS)).toBe(true);
  });

  it("figureComparison(seeds) draws each qualifier as its own shape", () => {
    const shape = (id: string) => view.svg.querySelector(`[data-id="${id}"] .claimline-v1-fc-mark`)!;
    expect(shape("nk-troops-15000-south-korea").getAttribute("class")).toContain("fc-about");
    expect(shape("nk-troops-15000-south-korea").querySelector(".claimline-v1-fc-ring")).not.toBeNull();
    expect(shape("nk-troops-10000-october").querySelector(".claimline-v1-fc-hollow")).not.toBeNull();
    expect(shape("nk-troops-10000-october").querySelector(".claimline-v1-fc-arrow")).not.toBeNull();
    expect(shape("nk-soldiers-fighting-10000").querySelector(".claimline-v1-fc-dot")).not.toBeNull();
    expect(shape("nk-soldiers-fighting-10000").querySelector(".claimline-v1-fc-hollow")).toBeNull();
    expect(shape("kursk-sappers-1000").querySelectorAll("circle").length).toBe(1);
    expect(shape("deferred-resignation-savings-100bn").getAttribute("class")).toContain("fc-ceiling");
  });

  it("figureComparison(seeds) has a title, a summary desc and a legend of the marks drawn", () => {
    expect(view.svg.querySelector("title")!.textContent).toBe(`${seeds.title}: figures compared`);
    expect(view.svg.querySelector("desc")!.textContent).toBe(view.summary);
    expect(view.summary).toMatch(/^North Korean troops sent to Russia: 4 claims from 10,000 to 15,000 troops; every claim allows more than 10,000 troops\. /);
    expect(view.summary).toMatch(/\d+ more subjects have one claim each\.$/);
    const legend = Array.from(view.header!.querySelectorAll("li")).map((li) => li.textContent);
    expect(legend).toContain("About: approximate, no margin given");
    expect(legend).toContain("Shaded: values every claim allows");
    expect(legend.some((l) => l!.startsWith("Range"))).toBe(false);
  });

  it("figureComparison(seeds) details say quote, claimant, outlet, claim date and the date the figure refers to", () => {
    const d = view.details.get("nk-troops-10000-october")!;
    expect(d.heading).toBe("Korean daily: more than 10,000 troops");
    expect(d.quote ?? d.links[0]!.quote).toBe("“more than 10,000 North Korea forces were deployed to Russia in October”");
    expect(d.lines).toContainEqual({ label: "Said", text: "Apr 28, 2025" });
    expect(d.lines).toContainEqual({ label: "Refers to", text: "October 2024" });
    expect(d.links[0]!.text).toBe("Korean daily, Apr 28, 2025");
    expect(view.table.rows.length).toBe(seeds.claims.length);
    expect(view.table.rows.find((r) => r.id === "nk-troops-10000-october")!.cells.slice(0, 3)).toEqual(["Korean daily", TROOPS, "more than 10,000 troops"]);
  });

  it("figureComparison: a conflict is a visible note naming the pair", () => {
    const data: Dataset = { ...money, claims: [...money.claims, { id: "cap", subject: money.claims[0]!.subject, value: 5e9, qualifier: "up-to", unit: "USD", claimant: "officials", citations: [] }] };
    const v = draw(data, { subject: money.claims[0]!.subject });
    const note = v.svg.querySelector(".claimline-v1-fc-conflict")!;
    expect(note.textContent).toMatch(/^⚠ Claims conflict: Congressional Budget Office says more than \$27B;/);
    expect(Array.from(v.svg.querySelectorAll("text")).map((t) => t.textContent).join(" ")).toContain("Administration officials says up to $5B");
    expect(v.svg.querySelectorAll("g.claimline-v1-fc-flag-conflict").length).toBe(2);
    expect(v.svg.querySelector(".claimline-v1-fc-band")).toBeNull();
  });

  it("figureComparison(money, {annotations, highlight}) draws the note and the highlight", () => {
    const v = draw(money, { highlight: "visa-fee-cbo", annotations: { "visa-fee-tourism": "Three years, not ten" } });
    expect(v.svg.querySelectorAll(".claimline-v1-fc-highlight-bg").length).toBe(1);
    expect(v.svg.querySelector('[data-id="visa-fee-cbo"]')!.getAttribute("class")).toContain("fc-highlight");
    expect(v.svg.querySelector('[data-for="visa-fee-tourism"] .claimline-v1-fc-annotation')!.textContent).toBe("Three years, not ten");
    expect(v.svg.querySelector(".claimline-v1-fc-zero")).not.toBeNull();
  });
});

describe("text from data never becomes markup", () => {
  const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  const data: Dataset = {
    version: 1,
    sources: [{ id: "s", name: `Outlet ${evil}`, url: "javascript:alert(3)" }],
    actors: [{ id: "a", name: `Claimant ${evil}` }],
    events: [],
    promises: [],
    claims: [
      { id: "c1", subject: `Subject ${evil}`, value: 5, qualifier: "exact", unit: `u${evil}`, quote: `Quote ${evil}`, claimant: "a", citations: [{ source: "s", url: "javascript:alert(4)" }] },
      { id: "c2", subject: `Subject ${evil}`, value: 7, qualifier: "at-least", unit: `u${evil}`, claimant: "s", citations: [{ source: "s", url: "https://example.org/ok" }] },
    ],
  };
  it("figureComparison(<script> in every field) renders it as text", () => {
    const doc = makeDocument();
    const host = doc.createElement("div");
    doc.body.appendChild(host);
    // The validator refuses javascript: URLs outright, so the handle gets http(s) ones.
    const valid = JSON.parse(JSON.stringify(data).replace(/javascript:alert\(\d\)/g, "https://example.org/"));
    const h = createChart(figureComparisonChart, host, valid, { width: 600 });
    expect(h.node.querySelector("img, script, foreignObject")).toBeNull();
    expect(h.node.textContent).toContain("<script>alert(2)</script>");
    for (const a of Array.from(h.node.querySelectorAll("[href]"))) expect(a.getAttribute("href")).toMatch(/^https:/);
    for (const el of Array.from(h.node.querySelectorAll("*"))) for (const attr of Array.from(el.attributes)) expect(attr.name).not.toMatch(/^on/);
    h.destroy();
  });
  it("figureComparison details link only http(s) URLs", () => {
    const v = draw(data);
    expect(v.details.get("c1")!.links).toEqual([{ text: `Outlet ${evil}` }]);
    expect(v.details.get("c2")!.links).toEqual([{ text: `Outlet ${evil}`, href: "https://example.org/ok" }]);
  });
});

describe("figureComparison handle and messages", () => {
  it("figureComparison(target, data) mounts an interactive chart; focus shows the detail card", () => {
    const doc = makeDocument();
    const host = doc.createElement("div");
    doc.body.appendChild(host);
    const h = figureComparison(host, seeds, { width: 640, subject: TROOPS });
    const first = h.node.querySelector('[data-id][tabindex="0"]') as SVGElement;
    expect(first.getAttribute("data-id")).toBe("nk-troops-15000-south-korea");
    (first as unknown as HTMLElement).focus();
    first.dispatchEvent(new (doc.defaultView as any).Event("focusin", { bubbles: true }));
    const card = h.node.querySelector(".claimline-v1-detail") as HTMLElement;
    expect(card.hidden).toBe(false);
    expect(card.textContent).toContain("North Korea had sent around 15000 troops");
    h.destroy();
    expect(host.children.length).toBe(0);
  });
  it("drawChart(figureComparisonChart, no claims) gives a message, not a blank svg", () => {
    const r = drawChart(figureComparisonChart, makeDocument(), { ...seeds, claims: [] }, resolveFigureComparisonOptions({}), 800);
    expect(isMessage(r) && r.message).toMatch(/no claims/);
  });
  it("drawChart(figureComparisonChart, {subject: unknown}) lists the subjects there are", () => {
    const r = drawChart(figureComparisonChart, makeDocument(), seeds, resolveFigureComparisonOptions({ subject: "Tanks" }), 800);
    expect(isMessage(r)).toBe(true);
    if (isMessage(r)) {
      expect(r.message).toBe('No claims about "Tanks". Subjects in this dataset:');
      expect(r.details).toContain(TROOPS);
    }
  });
});
