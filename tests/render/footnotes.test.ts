// Disagreements visible without JavaScript (issue 15): a record with a note, or a citation that disputes it,
// gets a numbered marker beside its mark ("1"; "≠1" where sources differ), and the static chart — the
// standalone SVG, the HTML page and the fragment — lists the numbered notes under the picture, as text.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderToString } from "../../src/server/index.js";
import { drawStatic } from "../../src/server/index.js";
import { isMessage, type ChartView } from "../../src/render/view.js";

const seeds = JSON.parse(readFileSync(new URL("../../examples/data/seeds.json", import.meta.url), "utf8"));

const view = (chart: string, data: unknown, options: Record<string, unknown> = {}): ChartView => {
  const { result } = drawStatic(chart, data, options);
  if (isMessage(result)) throw new Error(result.message);
  return result;
};
/** The marker drawn for a record: in its label group (`data-for`) or in the mark itself. */
const markerOf = (v: ChartView, id: string): Element | null => v.svg.querySelector(`[data-for="${id}"] .claimline-v1-fn-mark, [data-id="${id}"] .claimline-v1-fn-mark`);
/** The svg's visible text lines (framedSvg draws one <text> per line). */
const svgLines = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, "&"));

describe("timeline: notes and disagreements in static output", () => {
  it("the invasion's year and the treaty's month are marked ≠ beside their marks, the marker hidden from assistive tech", () => {
    for (const width of [320, 1200]) {
      const v = view("timeline", seeds, { width });
      const inv = markerOf(v, "invasion-of-ukraine")!;
      const treaty = markerOf(v, "treaty-signing")!;
      expect(inv.textContent).toBe("≠1");
      expect(treaty.textContent).toMatch(/^≠\d+$/);
      for (const m of [inv, treaty]) expect(m.closest('[aria-hidden="true"]')).not.toBeNull();
      // The date stays the date: the marker is its own raised run, not part of the words.
      expect(inv.parentElement!.firstChild!.textContent).toBe("February 2022");
      // An event with a note but no dispute gets a plain number.
      expect(markerOf(v, "kursk-incursion")!.textContent).toMatch(/^\d+$/);
      // The name says what the disputing source gives and points to the note (read in full in the card and the
      // list, not on every arrow press); the marker itself is not in it.
      const name = v.svg.querySelector('[data-id="invasion-of-ukraine"]')!.getAttribute("aria-label")!;
      expect(name).toMatch(/Sources differ: The Independent says February 2021\. Note 1 under the chart\.$/);
      expect(name).not.toContain("Sources disagree on the year");
      expect(name).not.toContain("≠");
    }
  });

  it("the standalone SVG lists the numbered notes under the chart, with what each source gives instead, at 320 and 1,200 px", () => {
    for (const width of [320, 1200]) {
      const svg = renderToString("timeline", seeds, { width });
      const text = svgLines(svg).join(" ");
      expect(svgLines(svg)).toContain("Notes (21)");
      expect(text).toContain("Sources differ: The Independent says February 2021.");
      expect(text).toContain("Sources differ: UK daily says November 2024.");
      // Numbered as drawn: ≠1 is the invasion, and its words follow its number.
      const k = svgLines(svg).indexOf("≠1");
      expect(k).toBeGreaterThan(0);
      expect(svgLines(svg)[k + 1]).toMatch(/^Russia launches its full-scale/);
      // Every note of every drawn event is listed, wrapped, never cut.
      expect(text).toContain("the seeds do not explain the November date.");
      expect(text).not.toMatch(/…$/);
      // The legend says what the marks mean.
      expect(text).toContain("Sources differ: see the note under the chart");
    }
  });

  it("the HTML page and the fragment list the notes, each item beginning with its marker", () => {
    for (const format of ["html", "fragment"] as const) {
      const out = renderToString("timeline", seeds, { width: 800, format });
      const li = /<ul><li>(<span[^>]*>([^<]*)<\/span>)([^<]*)<\/li>/.exec(out)!;
      expect(li[1]).toContain('class="claimline-v1-fn-mark"');
      expect(li[1]).toContain('aria-hidden="true"');
      // The space is the hidden marker's, so what is read starts with the first word.
      expect(li[2]).toBe("≠1 ");
      expect(li[3]).toMatch(/^Russia launches its full-scale invasion of Ukraine — Sources differ: The Independent says February 2021\. Sources disagree on the year\./);
      expect(out).toContain("Sources differ: UK daily says November 2024.");
    }
  });

  it("the table's Notes cell says what the disputing source gives, once", () => {
    const v = view("timeline", seeds);
    const k = v.table.columns.indexOf("Notes");
    const row = v.table.rows.find((r) => r.id === "treaty-signing")!;
    expect(row.cells[k]).toMatch(/^Sources differ: UK daily says November 2024\. Sources disagree on the month\./);
    expect(row.cells[k]!.split("November 2024").length).toBe(3); // the dispute once, the note's own mention once
  });

  it("no notes, no markers, no list, no legend entry", () => {
    const bare = { ...seeds, events: seeds.events.map((e: Record<string, unknown>) => ({ ...e, note: undefined, citations: (e.citations as Array<Record<string, unknown>> | undefined)?.map((c) => ({ ...c, disputes: undefined })) })) };
    const v = view("timeline", bare);
    expect(v.svg.querySelector(".claimline-v1-fn-mark")).toBeNull();
    expect(v.footer!.querySelector(".claimline-v1-footnotes")).toBeNull();
    expect(v.header!.textContent).not.toContain("note under the chart");
    expect(v.table.columns).not.toContain("Notes");
  });
});

describe("promise tracker and figure comparison: notes and disagreements", () => {
  const data = {
    version: 1,
    asOf: "2021-09-30",
    sources: [{ id: "ap", name: "AP" }, { id: "daily", name: "The Daily" }],
    actors: [{ id: "biden", name: "Joe Biden" }],
    promises: [
      { id: "p1", speaker: "biden", said: "2021-04-14", topic: "Troops out", quote: "by September 11", deadline: "2021-09-11", outcome: { status: "kept", date: "2021-08-30" }, citations: [{ source: "ap" }, { source: "daily", disputes: "31 August" }] },
      { id: "p2", speaker: "biden", said: "2021-04-14", topic: "Embassy open", quote: "stays open", window: { min: "P0D", max: "P30D" }, note: "The embassy moved to the airport in August." },
      { id: "p3", speaker: "biden", said: "2021-04-14", topic: "Aid continues", quote: "aid continues", window: { min: "P0D", max: "P30D" } },
    ],
    claims: [
      { id: "c1", subject: "Evacuated", value: 123000, qualifier: "about", claimant: "ap", citations: [{ source: "ap" }, { source: "daily", disputes: "more than 120,000" }] },
      { id: "c2", subject: "Evacuated", value: 120000, qualifier: "more-than", claimant: "daily", citations: [{ source: "daily" }], note: "Counted to 30 August." },
      { id: "c3", subject: "Evacuated", value: 122000, qualifier: "exact", claimant: "biden", citations: [{ source: "ap" }] },
    ],
  };

  it("promise tracker: a Notes column with the disputes' words and the note, markers after the topics, the notes listed", () => {
    const v = view("promise-tracker", data);
    expect(v.table.columns).toEqual(["Promise", "Said", "Due", "Status", "Outcome", "Sources", "Notes"]);
    const cell = (id: string) => v.table.rows.find((r) => r.id === id)!.cells[6];
    expect(cell("p1")).toBe("Sources differ: The Daily says 31 August.");
    expect(cell("p2")).toBe("The embassy moved to the airport in August.");
    expect(cell("p3")).toBe("");
    // The sources column names the outlets; what one disputes is said once, in Notes.
    expect(v.table.rows.find((r) => r.id === "p1")!.cells[5]).toBe("AP; The Daily");
    expect(markerOf(v, "p1")!.textContent).toBe("≠1");
    expect(markerOf(v, "p2")!.textContent).toBe("2");
    expect(markerOf(v, "p3")).toBeNull();
    // Hidden with the row's other drawn words (the name says them); outside the mark, so the mark's visible text is its name's.
    expect(markerOf(v, "p1")!.closest('[data-for="p1"]')!.getAttribute("aria-hidden")).toBe("true");
    expect(v.svg.querySelector('[data-id="p1"] text')).toBeNull();
    const svg = renderToString("promise-tracker", data, { width: 320 });
    expect(svgLines(svg).join(" ")).toContain("Troops out — Sources differ: The Daily says 31 August.");
    // Without a note or a dispute anywhere, no Notes column.
    const bare = view("promise-tracker", { ...data, promises: [data.promises[2]] });
    expect(bare.table.columns).not.toContain("Notes");
  });

  it("figure comparison: markers after the figures, the notes listed under the chart with claimant and subject", () => {
    const v = view("figure-comparison", data);
    const order = v.order;
    const noted = order.filter((id) => id !== "c3");
    expect(noted.map((id) => markerOf(v, id)!.textContent)).toEqual(noted.map((id, k) => (id === "c1" ? "≠" : "") + String(k + 1)));
    expect(markerOf(v, "c3")).toBeNull();
    const items = Array.from(v.footer!.querySelectorAll("li")).map((li) => li.textContent);
    expect(items).toContain("≠1 AP, Evacuated — Sources differ: The Daily says more than 120,000.");
    expect(items).toContain("2 The Daily, Evacuated — Counted to 30 August.");
  });
});

describe("the notes under a live chart and a static one", () => {
  it("live: folded under 'Notes (N)' (each note is in its mark's card too), and kept open across a resize once opened", async () => {
    const { makeDocument } = await import("../helpers/dom.js");
    const { timeline } = await import("../../src/charts/timeline.js");
    const doc = makeDocument();
    const host = doc.createElement("div");
    doc.body.appendChild(host);
    const h = timeline(host, seeds, { width: 800 });
    const notes = () => h.node.querySelector<HTMLDetailsElement>("details.claimline-v1-footnotes")!;
    expect(notes().hasAttribute("open")).toBe(false);
    expect(notes().querySelector("summary")!.textContent).toBe("Notes (21)");
    expect(notes().querySelectorAll("li")).toHaveLength(21);
    notes().setAttribute("open", "");
    h.resize(640);
    await new Promise((r) => setTimeout(r, 0));
    expect(notes().hasAttribute("open")).toBe(true);
    h.destroy();
  });

  it("static (html page and fragment): open, so a reader without JavaScript sees every note", () => {
    for (const format of ["html", "fragment"] as const) {
      const out = renderToString("timeline", seeds, { width: 800, format });
      expect(out).toMatch(/<details open="" class="claimline-v1-footnotes"/);
      expect(out).toContain("Sources differ: UK daily says November 2024");
    }
  });
});
