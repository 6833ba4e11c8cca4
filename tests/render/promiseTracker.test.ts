import { describe, expect, it } from "vitest";
import { drawChart } from "../../src/charts/draw.js";
import seeds from "../../examples/data/seeds.json";
import { promiseTracker, promiseTrackerChart, resolvePromiseTrackerOptions } from "../../src/charts/promiseTracker.js";
import { layoutPromiseTracker } from "../../src/layout/promiseTracker.js";
import { OptionError } from "../../src/model/options.js";
import { promiseStatus } from "../../src/model/status.js";
import { parseDataset } from "../../src/model/validate.js";
import { renderPromiseTracker } from "../../src/render/promiseTracker.js";
import { isMessage, type ChartView } from "../../src/render/view.js";
import { labelNotInName, makeDocument, pretty } from "../helpers/dom.js";

const dataset = parseDataset(seeds);

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

function draw(width: number, options: Record<string, unknown> = {}): ChartView {
  const opts = resolvePromiseTrackerOptions({ asOf: "2025-08-16", ...options });
  const view = drawChart(promiseTrackerChart, makeDocument(), dataset, opts, width);
  if (isMessage(view)) throw new Error(view.message);
  return view;
}

describe("renderPromiseTracker", () => {
  it.each([320, 800])("renderPromiseTracker(seeds as of 2025-08-16) at %i px matches its snapshot", async (width) => {
    await expect(pretty(draw(width).svg) + "\n").toMatchFileSnapshot(`../output/promise-tracker-${width}.svg`);
  });

  it("renderPromiseTracker(seeds as of 2025-06-19, grouped by speaker) matches its snapshot", async () => {
    await expect(pretty(draw(800, { asOf: "2025-06-19", group: "speaker", theme: "dark" }).svg) + "\n").toMatchFileSnapshot("../output/promise-tracker-800-2025-06-19.svg");
  });

  it("renderPromiseTracker draws one mark per promise with data-id, the derived data-status and a full aria-label, the same at every width", () => {
    const names = new Map<string, string[]>();
    for (const width of [320, 800]) {
      const view = draw(width);
      const marks = Array.from(view.svg.querySelectorAll("[data-id]"));
      expect(marks.map((m) => m.getAttribute("data-id")).sort()).toEqual(dataset.promises.map((p) => p.id).sort());
      for (const m of marks) {
        const p = dataset.promises.find((q) => q.id === m.getAttribute("data-id"))!;
        expect(m.getAttribute("data-status")).toBe(promiseStatus(p, "2025-08-16").status);
        const name = m.getAttribute("aria-label")!;
        // Topic in full, said and due, status: the same words at every width.
        expect(name.startsWith(`${p.topic}. Said `)).toBe(true);
        expect(name).toMatch(/, due .+\. (Kept|Late|Broken|Overdue|Open|Partly kept|Past due)/);
        names.set(p.id, [...(names.get(p.id) ?? []), name]);
        // Label in name: the words drawn in the row are in its name, in order.
        expect(m.getAttribute("role")).toBe("button");
        const drawn = shownText(m);
        expect(labelNotInName(drawn, name), `${drawn} ⊄ ${name}`).toBeUndefined();
        expect(m.querySelector(".claimline-v1-focus")).not.toBeNull();
      }
      expect(view.order).toEqual(marks.map((m) => m.getAttribute("data-id")));
    }
    for (const [id, list] of names) expect(new Set(list).size, id).toBe(1);
  });

  it("renderPromiseTracker puts the same summary sentence in the svg <desc> and the header", () => {
    const view = draw(800);
    expect(view.svg.getAttribute("role")).toBe("img");
    expect(view.svg.querySelector("desc")!.textContent).toBe(view.summary);
    expect(view.header!.querySelector(".claimline-v1-summary")!.textContent).toBe(view.summary);
    // Overdue only as far as the sources know (checked 19 June); two fell due after that check: no report, no count.
    expect(view.summary).toBe("14 promises by Donald Trump · 1 partly kept · 1 late · 10 overdue · 2 past due with no report since · median at least 27 days overdue · as of Aug 16, 2025");
    expect(view.header!.querySelectorAll(".claimline-v1-legend li").length).toBeGreaterThanOrEqual(4);
  });

  it("renderPromiseTracker gives each promise a detail card: quote, who said and delivered it, window, due, outcome, sources", () => {
    const view = draw(800);
    expect(view.details.size).toBe(dataset.promises.length);
    const iran = dataset.promises.find((p) => p.deliveredBy)!;
    const d = view.details.get(iran.id)!;
    expect(d.heading).toBe(iran.topic);
    expect(d.quote).toBe(`“${iran.quote}”`);
    const lines = Object.fromEntries(d.lines.map((l) => [l.label, l.text]));
    expect(lines["Said"]).toMatch(/by Donald Trump$/);
    expect(lines["Delivered by"]).toBe("Karoline Leavitt");
    expect(lines["Window"]).toMatch(/days/);
    expect(lines["Status"]).toBe("Past due; no report since Jun 19, 2025 (as of Aug 16, 2025)");
    for (const spec of view.details.values()) {
      expect(spec.links.length).toBeGreaterThan(0);
      for (const l of spec.links) if (l.href) expect(l.href).toMatch(/^https?:\/\//);
    }
    const meet = [...view.details.values()].find((s) => s.lines.some((l) => l.label === "Outcome" && /Anchorage/.test(l.text)));
    expect(meet).toBeDefined();
  });

  it("renderPromiseTracker writes a table row per promise", () => {
    const view = draw(320);
    // A Notes column, as the timeline's table has, since some promises carry a note (issue 15).
    expect(view.table.columns).toEqual(["Promise", "Said", "Due", "Status", "Outcome", "Sources", "Notes"]);
    const iran = view.table.rows.find((r) => r.id === "iran-decision")!;
    expect(iran.cells).toEqual(["Decision on striking Iran", "Jun 19, 2025, by Donald Trump (delivered by Karoline Leavitt)", "Jun 19\u2009–\u2009Jul 3, 2025 (within 14 days)", "Past due; no report since Jun 19, 2025", "—", iran.cells[5]!, iran.cells[6]!]);
    expect(iran.cells[6]).toMatch(/^Inferred date\. Read out by press secretary Karoline Leavitt/);
    // Every citation reaches the table: outlet, date and its quote.
    expect(iran.cells[5]).toMatch(/^NBC News, .*: “/);
    expect(view.table.rows.map((r) => r.id)).toEqual(view.order);
    expect(view.table.caption).toBe("Promises and what happened, as of Aug 16, 2025");
  });

  it("renderPromiseTracker sets text from data as text and never writes style attributes", () => {
    const evil = { ...dataset, promises: dataset.promises.map((p, i) => (i === 0 ? { ...p, topic: '<img src=x onerror="alert(1)">Tax' } : p)) };
    const opts = resolvePromiseTrackerOptions({ asOf: "2025-08-16" });
    const view = renderPromiseTracker(makeDocument(), layoutPromiseTracker(evil, opts, 800));
    expect(view.svg.querySelector("img")).toBeNull();
    expect(view.svg.textContent).toContain('<img src=x onerror="alert(1)">Tax');
    expect(view.svg.querySelectorAll("[style]").length + view.header!.querySelectorAll("[style]").length).toBe(0);
  });

  it("renderPromiseTracker marks a restated promise with a bracket and words", () => {
    const withLink = { ...dataset, promises: dataset.promises.map((p, i, all) => (i === all.length - 1 && !p.supersedes ? { ...p, supersedes: all[1]!.id } : p)) };
    const opts = resolvePromiseTrackerOptions({ asOf: "2025-08-16" });
    const view = renderPromiseTracker(makeDocument(), layoutPromiseTracker(withLink, opts, 800));
    expect(view.svg.querySelectorAll(".claimline-v1-pt-link").length).toBeGreaterThanOrEqual(1);
    expect(view.svg.querySelector(".claimline-v1-pt-restates")!.textContent).toMatch(/^restates /);
  });

  it("promiseTrackerChart.draw returns a message, not a blank svg, when there is nothing to draw", () => {
    const opts = resolvePromiseTrackerOptions({});
    expect(drawChart(promiseTrackerChart, makeDocument(), { ...dataset, promises: [] }, opts, 800)).toEqual({ message: "There are no promises in this dataset to track." });
  });

  it("renderPromiseTracker as of a day before a promise was said still draws its mark, as not yet made", () => {
    const early = draw(800, { asOf: "2025-05-01" });
    expect(early.summary).toBe("14 promises by Donald Trump · 1 late · 3 open · 10 not yet made · as of May 1, 2025");
    const meet = early.svg.querySelector('[data-id="meet-putin"]')!;
    expect(meet.getAttribute("data-status")).toBe("open");
    expect(meet.getAttribute("aria-label")).toMatch(/\. Not yet made\.$/);
    expect(meet.getAttribute("class")).toContain("claimline-v1-pt-future");
    expect(early.svg.querySelectorAll("[data-id]")).toHaveLength(14);
  });
});

describe("resolvePromiseTrackerOptions", () => {
  it("resolvePromiseTrackerOptions({}) fills the defaults", () => {
    expect(resolvePromiseTrackerOptions({})).toEqual({ locale: "en-US", theme: "light", sort: "said", group: "none", compact: "auto", highlight: [] });
  });

  it("resolvePromiseTrackerOptions reads data-attribute strings", () => {
    expect(resolvePromiseTrackerOptions({ width: "320", compact: "true", highlight: "a, b", asOf: "2025-08-16", sort: "overdue", group: "topic" })).toMatchObject({
      width: 320,
      compact: true,
      highlight: ["a", "b"],
      asOf: "2025-08-16",
      sort: "overdue",
      group: "topic",
    });
    expect(resolvePromiseTrackerOptions({ compact: false, highlight: ["x"] })).toMatchObject({ compact: false, highlight: ["x"] });
  });

  it("resolvePromiseTrackerOptions throws an OptionError naming the option", () => {
    expect(() => resolvePromiseTrackerOptions({ sort: "late" })).toThrow(OptionError);
    expect(() => resolvePromiseTrackerOptions({ sort: "late" })).toThrow(/option sort: expected one of "said", "overdue", "status", got "late"/);
    expect(() => resolvePromiseTrackerOptions({ group: "party" })).toThrow(/option group/);
    expect(() => resolvePromiseTrackerOptions({ compact: "yes" })).toThrow(/option compact/);
    expect(() => resolvePromiseTrackerOptions({ asOf: "16/08/2025" })).toThrow(/option asOf: expected a day like "2025-08-16"/);
    expect(() => resolvePromiseTrackerOptions({ asOf: "2025-08" })).toThrow(/option asOf/);
    expect(() => resolvePromiseTrackerOptions({ highlight: 3 })).toThrow(/option highlight/);
  });
});

describe("promiseTracker", () => {
  it("promiseTracker(target, seeds, {width, asOf}) mounts; update({asOf}) recomputes every status; destroy() removes it", async () => {
    const doc = makeDocument();
    const host = doc.createElement("div");
    doc.body.appendChild(host);
    const chart = promiseTracker(host, seeds, { width: 800, asOf: "2025-08-16" });
    const statusOf = () => Object.fromEntries(Array.from(chart.node.querySelectorAll("svg [data-id]")).map((m) => [m.getAttribute("data-id"), m.getAttribute("data-status")]));
    const before = statusOf();
    expect(Object.values(before).filter((s) => s === "late")).toHaveLength(1);
    expect(Object.values(before).filter((s) => s === "partial")).toHaveLength(1);
    expect(chart.node.querySelector("table")).not.toBeNull();
    chart.update(undefined, { asOf: "2025-06-19" });
    await Promise.resolve();
    const after = statusOf();
    expect(after).not.toEqual(before);
    expect(Object.values(after)).toContain("open");
    expect(chart.node.querySelector("svg desc")!.textContent).toMatch(/as of Jun 19, 2025$/);
    chart.destroy();
    expect(host.querySelector("svg")).toBeNull();
  });
});

describe("promise tracker text size, tap targets and static legend (issues 16, 17)", () => {
  it("every text the chart sets is at least 12 px, at 320 and 1,200 px (attributes and the stylesheet's pt rules)", async () => {
    for (const width of [320, 1200]) {
      const sizes = Array.from(draw(width, { group: "speaker" }).svg.querySelectorAll("[font-size]")).map((t) => Number(t.getAttribute("font-size")));
      expect(sizes.length).toBeGreaterThan(20);
      expect(Math.min(...sizes), `${width} px`).toBeGreaterThanOrEqual(12);
    }
    const { CSS } = await import("../../src/render/styles.js");
    const ptRules = String(CSS).split("\n").filter((l) => /pt-(axis|note|asof)/.test(l) && /font-size/.test(l));
    expect(ptRules.length).toBeGreaterThan(0);
    for (const r of ptRules) for (const m of r.matchAll(/font-size:(\d+)px/g)) expect(Number(m[1]), r).toBeGreaterThanOrEqual(12);
  });
  it("each row's focus rectangle spans the whole row (full width, at least 44 px tall) at 320 px, and takes the pointer", async () => {
    const view = draw(320);
    for (const g of Array.from(view.svg.querySelectorAll("[data-id]"))) {
      const r = g.querySelector(".claimline-v1-focus")!;
      expect(Number(r.getAttribute("height")), g.getAttribute("data-id")!).toBeGreaterThanOrEqual(44);
      expect(Number(r.getAttribute("width"))).toBeGreaterThanOrEqual(316);
    }
    const { CSS } = await import("../../src/render/styles.js");
    expect(String(CSS)).toMatch(/pt-row>[^{]*focus\{pointer-events:all\}/);
    // The "+94 d" notes beside the bars sit outside the mark: each names its row, so a tap on it reaches the row.
    const ids = new Set(Array.from(view.svg.querySelectorAll("[data-id]")).map((g) => g.getAttribute("data-id")));
    const notes = Array.from(view.svg.querySelectorAll(".claimline-v1-pt-note"));
    expect(notes.length).toBeGreaterThan(5);
    for (const n of notes) expect(ids.has(n.getAttribute("data-for"))).toBe(true);
  });
  it("the static SVG (renderToString format svg) carries its legend as drawn words", async () => {
    const { renderToString } = await import("../../src/server/index.js");
    const svg = renderToString("promise-tracker", seeds, { asOf: "2025-08-16", format: "svg", width: 800 });
    const words = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    for (const label of ["said", "promised window", "overdue", "partly kept"]) expect(words, label).toContain(label);
  });
});

describe("gallery stories in Component Story Format (examples/stories/*.stories.js)", () => {
  it("the args table has a control for every public option of each chart, and no other", async () => {
    // @ts-expect-error plain JS module of the gallery
    const { ARG_TYPES } = await import("../../examples/stories/csf.js");
    const { COMMON_OPTIONS } = await import("../../src/charts/common.js");
    const { TIMELINE_OPTIONS } = await import("../../src/charts/timeline.js");
    const { FIGURE_COMPARISON_OPTIONS } = await import("../../src/charts/figureComparison.js");
    const { PROMISE_TRACKER_OPTIONS } = await import("../../src/charts/promiseTracker.js");
    const own: Record<string, readonly string[]> = { timeline: TIMELINE_OPTIONS, "figure-comparison": FIGURE_COMPARISON_OPTIONS, "promise-tracker": PROMISE_TRACKER_OPTIONS };
    for (const [chart, names] of Object.entries(own)) expect(Object.keys(ARG_TYPES[chart]).sort(), chart).toEqual([...names, ...COMMON_OPTIONS].sort());
  });
  it("each story file is CSF 3 (default export with title, args, argTypes; named story objects with args) and keeps the gallery's story ids", async () => {
    // @ts-expect-error plain JS module of the gallery
    const { storiesFromModule } = await import("../../examples/stories/csf.js");
    const ids: Record<string, string[]> = {
      "promise-tracker": ["promise-tracker-then-and-now", "promise-tracker", "promise-tracker-dark", "promise-tracker-phone", "promise-tracker-by-status"],
      timeline: ["timeline", "timeline-participants", "timeline-phone", "timeline-dark", "timeline-dense-year"],
      "figure-comparison": ["figure-comparison", "figure-comparison-dark", "figure-comparison-phone", "figure-comparison-korean", "figure-comparison-all-seeds", "figure-comparison-money", "figure-comparison-conflict"],
    };
    for (const [chart, want] of Object.entries(ids)) {
      const mod = await import(`../../examples/stories/${chart}.stories.js`);
      expect(typeof mod.default.title, chart).toBe("string");
      expect(mod.default.args && mod.default.argTypes && typeof mod.default.render, chart).toBe("function");
      const stories = Object.entries(mod).filter(([k]) => k !== "default" && !(mod.default.excludeStories ?? []).includes(k));
      for (const [name, s] of stories) expect(typeof s === "object" && s !== null && "parameters" in (s as object), `${chart} ${name}`).toBe(true);
      const got = storiesFromModule(mod).map((s: { id: string }) => s.id);
      for (const id of want) expect(got, chart).toContain(id);
    }
    // The then-and-now story: both panels on one domain, captioned in words.
    // @ts-expect-error plain JS module of the gallery
    const pt = storiesFromModule(await import("../../examples/stories/promise-tracker.stories.js"));
    const then = pt.find((s: { id: string }) => s.id === "promise-tracker-then-and-now");
    expect(then.options.domain).toEqual(["2017-02", "2025-08-16"]);
    expect(then.variants.map((v: { title: string }) => v.title)).toEqual(["As of 19 June 2025", "As of 16 August 2025"]);
  });
});
