import { readFileSync } from "node:fs";
import { drawChart } from "../../src/charts/draw.js";
import { describe, expect, it } from "vitest";
import { createChart } from "../../src/charts/chart.js";
import { figureComparison, figureComparisonChart, resolveFigureComparisonOptions } from "../../src/charts/figureComparison.js";
import { parseDataset } from "../../src/model/validate.js";
import type { Dataset } from "../../src/model/types.js";
import { isMessage, type ChartView } from "../../src/render/view.js";
import { makeDocument, pretty, labelNotInName } from "../helpers/dom.js";
import { CSS } from "../../src/render/styles.js";

const seeds = parseDataset(JSON.parse(readFileSync(new URL("../../examples/data/seeds.json", import.meta.url), "utf8")));
const money = parseDataset(JSON.parse(readFileSync(new URL("../../examples/data/money.json", import.meta.url), "utf8")));
const TROOPS = "North Korean troops sent to Russia";

/** The words a mark draws, in DOM order: its <text> elements, less those in a display="none" list. */
/** The words drawn for a mark: inside it, and in its `data-for` label group (hidden from assistive tech, tied to the mark). */
/** A text's words, less a note's marker ("1", "≠1": a footnote's number, aria-hidden; the note is listed under the chart). */
const wordsOf = (t: Element) =>
  Array.from(t.childNodes)
    .filter((n) => !(n.nodeType === 1 && (n as Element).getAttribute("class")?.includes("fn-mark")))
    .map((n) => n.textContent)
    .join("");
const shownText = (m: Element) =>
  [...Array.from(m.querySelectorAll("text")), ...Array.from(m.closest("svg")?.querySelectorAll(`[data-for="${m.getAttribute("data-id")}"] text`) ?? [])]
    .filter((t) => !t.closest('[display="none"]'))
    .map(wordsOf)
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
    expect(legend).toContain("Shaded: values consistent with every claim, not a consensus");
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

/** WCAG relative luminance contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
  return (x! + 0.05) / (y! + 0.05);
}

describe("renderFigureComparison for every subject (issues 12, 16, 17)", () => {
  const updated: Dataset = parseDataset({
    version: 1,
    sources: [{ id: "agency", name: "A news agency" }],
    actors: [{ id: "command", name: "The military command" }],
    claims: [
      { id: "d12", subject: "Service members killed", value: 12, qualifier: "exact", unit: "dead", claimant: "command", citations: [{ source: "agency" }], date: "2021-08-26" },
      { id: "d13", subject: "Service members killed", value: 13, qualifier: "exact", unit: "dead", claimant: "command", citations: [{ source: "agency" }], date: "2021-08-27", supersedes: "d12" },
      { id: "a13", subject: "Service members killed", value: 13, qualifier: "exact", unit: "dead", claimant: "agency", citations: [{ source: "agency" }], date: "2021-08-27" },
    ],
  });

  it("figureComparison(seeds): single-claim subjects are lines in one list, each one mark with its own shape, no axis", () => {
    for (const width of [320, 1200]) {
      const v = draw(seeds, {}, width);
      const list = v.svg.querySelector(".claimline-v1-fc-singles")!;
      const marks = Array.from(list.querySelectorAll("[data-id]"));
      expect(marks.length).toBeGreaterThan(20);
      expect(list.querySelector(".claimline-v1-fc-axis-line, .claimline-v1-grid, .claimline-v1-fc-tick")).toBeNull();
      // Comparisons keep their axes: one per panel.
      expect(v.svg.querySelectorAll(".claimline-v1-fc-panel").length).toBe(v.svg.querySelectorAll(".claimline-v1-fc-axis-line").length);
      for (const m of marks) {
        expect(m.querySelector(".claimline-v1-fc-mark")).not.toBeNull();
        expect(Number(m.querySelector(".claimline-v1-focus")!.getAttribute("height")), m.getAttribute("data-id")!).toBeGreaterThanOrEqual(44);
      }
      const hv = draw(seeds, { highlight: "nk-casualties-4000" }, width);
      expect(hv.svg.querySelectorAll(".claimline-v1-fc-singles > .claimline-v1-fc-highlight-bg").length).toBe(1);
      const line = shownText(list.querySelector('[data-id="nk-casualties-4000"]')!);
      expect(line).toMatch(/^North Korean soldiers killed or injured about 4,000 soldiers South Korea UK daily · .*2025$/);
    }
  });
  it("figureComparison(seeds): every row's touch target is the whole row, at least 44 px tall at 320 px", () => {
    const v = draw(seeds, { subject: TROOPS }, 320);
    for (const r of Array.from(v.svg.querySelectorAll(".claimline-v1-fc-row"))) {
      const f = r.querySelector(".claimline-v1-focus")!;
      expect(Number(f.getAttribute("height"))).toBeGreaterThanOrEqual(44);
      expect(Number(f.getAttribute("width"))).toBeGreaterThan(300);
    }
  });
  it("figureComparison(seeds troops): the band is outlined and its note says what it is, with the legend's key beside it", () => {
    const v = draw(seeds, { subject: TROOPS });
    const band = v.svg.querySelector(".claimline-v1-fc-band")!;
    // Top and bottom outline plus the open edge at 10,000.
    expect(band.querySelectorAll(".claimline-v1-fc-band-edge").length).toBe(3);
    expect(v.svg.querySelector(".claimline-v1-fc-panel > .claimline-v1-fc-band-key")).not.toBeNull();
    const notes = Array.from(v.svg.querySelectorAll(".claimline-v1-fc-note")).map((t) => t.textContent).join(" ");
    expect(notes).toContain("Shaded: all 4 claims are consistent with more than 10,000 troops");
  });
  it("figureComparison(seeds troops): the axis around the claims carries a break mark and says it does not start at zero; {zero: true} has neither", () => {
    const v = draw(seeds, { subject: TROOPS });
    expect(v.svg.querySelector(".claimline-v1-fc-break")).not.toBeNull();
    expect(v.svg.querySelector(".claimline-v1-fc-caption")!.textContent).toBe("troops · axis does not start at zero");
    expect(v.svg.querySelector(".claimline-v1-fc-caption")!.closest('[aria-hidden="true"]')).not.toBeNull();
    const z = draw(seeds, { subject: TROOPS, zero: true });
    expect(z.svg.querySelector(".claimline-v1-fc-break")).toBeNull();
    expect(z.svg.querySelector(".claimline-v1-fc-caption")!.textContent).toBe("troops");
  });
  it("figureComparison(12 then 13 dead): the earlier figure is muted with its update in words, and no conflict is drawn", () => {
    const v = draw(updated);
    const early = v.svg.querySelector('[data-id="d12"]')!;
    expect(early.getAttribute("class")).toContain("fc-superseded");
    expect(v.svg.querySelector('[data-for="d12"] .claimline-v1-fc-updated')!.textContent).toBe("Updated to 13 dead on Aug 27, 2021");
    expect(early.getAttribute("aria-label")).toContain("Updated to 13 dead on Aug 27, 2021");
    expect(v.svg.querySelector('[data-id="d13"]')!.getAttribute("class")).not.toContain("fc-superseded");
    expect(v.svg.querySelectorAll(".claimline-v1-fc-flag-conflict, .claimline-v1-fc-conflict").length).toBe(0);
    // The summary counts the current figures only: the updated 12 is neither one of "every claim" nor the low end of the range (issue 16).
    expect(v.summary).toBe("Service members killed: 2 claims, all 13 dead; 1 earlier figure updated by its claimant; every claim allows 13 dead.");
    expect(v.svg.querySelector("desc")!.textContent).not.toMatch(/12|3 claims/);
    // Control: the same figures without `supersedes` conflict.
    const control = draw({ ...updated, claims: updated.claims.map((c) => ({ ...c, supersedes: undefined })) as Dataset["claims"] });
    expect(control.svg.querySelectorAll("g.claimline-v1-fc-flag-conflict").length).toBe(2);
  });
  it("figureComparison(updated figure beside a floor): the range and the band come from the current figures, the update is counted apart", () => {
    const d = parseDataset({
      ...updated,
      claims: [...updated.claims.filter((c) => c.id !== "a13"), { id: "f10", subject: "Service members killed", value: 10, qualifier: "at-least", unit: "dead", claimant: "agency", citations: [{ source: "agency" }], date: "2021-08-28" }],
    });
    const v = draw(d);
    expect(v.summary).toBe("Service members killed: 2 claims from 10 to 13 dead; 1 earlier figure updated by its claimant; every claim allows 13 dead.");
    // Only the command's own update left: one current claim, said as such.
    const alone = draw(parseDataset({ ...updated, claims: updated.claims.filter((c) => c.id !== "a13") }));
    expect(alone.summary).toBe("Service members killed: 1 claim, The military command says 13 dead; 1 earlier figure updated by its claimant.");
  });
  it("styles: figure-comparison text is never under 12 px; the superseded mark is muted and dashed", () => {
    const fcRules = CSS.split("\n").filter((l) => l.includes("fc-"));
    expect(fcRules.filter((l) => /font-size:(\d+(\.\d+)?)px/.test(l) && Number(/font-size:(\d+(?:\.\d+)?)px/.exec(l)![1]) < 12)).toEqual([]);
    expect(CSS).toMatch(/fc-superseded \.claimline-v1-fc-dot\{[^}]*stroke-dasharray/);
    expect(CSS).toMatch(/fc-superseded \.claimline-v1-fc-mark\{--claimline-accent:var\(--claimline-muted\)\}/);
  });
  it("styles: in both themes the band's outline and the highlight's outline pass 3:1 against the page; forced colours outline the band and its key", () => {
    const palette = (selector: RegExp) => {
      const block = selector.exec(CSS)![1]!;
      return (name: string) => new RegExp(`--claimline-${name}:(#[0-9a-f]{6})`).exec(block)![1]!;
    };
    const light = palette(/:where\(\.claimline-v1\)\{([^}]*)\}/);
    const dark = palette(/:where\(\.claimline-v1\.claimline-v1-theme-dark\)\{([^}]*)\}/);
    expect(CSS).toMatch(/fc-band-edge\{stroke:var\(--claimline-accent\)/);
    expect(CSS).toMatch(/fc-highlight-bg\{stroke:var\(--claimline-accent\)/);
    for (const t of [light, dark]) {
      expect(contrast(t("accent"), t("bg"))).toBeGreaterThanOrEqual(3);
      expect(contrast(t("accent"), t("band"))).toBeGreaterThanOrEqual(3);
      expect(contrast(t("accent"), t("highlight"))).toBeGreaterThanOrEqual(3);
    }
    expect(CSS).toMatch(/@media \(forced-colors:active\)\{[^\n]*fc-band rect,[^\n]*fc-band-key[^\n]*stroke:CanvasText/);
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
