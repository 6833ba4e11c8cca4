import { wordsFor } from "../../src/prepare/messages.js";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { resolveTimelineOptions } from "../../src/charts/timeline.js";
import { describe, expect, it } from "vitest";
import { resolveFigureComparisonOptions } from "../../src/charts/figureComparison.js";
import { resolveLocale } from "../../src/format/locale.js";
import { scaleLinear, scaleLog, scaleSymlog } from "d3-scale";
import { figureWords, formatFigure, layoutFigureComparison, textBox, valueScale, type FigureLayout } from "../../src/layout/figureComparison.js";
import { boxesIntersect, textWidth, truncateText, wrapText } from "../../src/layout/text.js";
import { OptionError } from "../../src/model/options.js";
import { parseDataset } from "../../src/model/validate.js";
import { extreme, validDataset } from "../proof/arbitraries.js";
import type { Claim, Dataset } from "../../src/model/types.js";

const SUBJECT = "North Korean troops sent to Russia";
/** The seed troop figures, by hand. */
export function troops(extra: Partial<Claim>[] = []): Dataset {
  const base: Claim[] = [
    { id: "sk", subject: SUBJECT, value: 15000, qualifier: "about", unit: "troops", claimant: "sk", citations: [{ source: "independent", published: "2025-08-13", url: "https://www.independent.co.uk/" }], date: "2025-08-13" },
    { id: "kd", subject: SUBJECT, value: 10000, qualifier: "more-than", unit: "troops", claimant: "kd", citations: [{ source: "kd" }], date: "2025-04-28", refersTo: "2024-10" },
    { id: "ag", subject: SUBJECT, value: 10000, qualifier: "at-least", unit: "troops", claimant: "ag", citations: [{ source: "ag" }], date: "2025-08-14" },
  ];
  return {
    version: 1,
    sources: [
      { id: "independent", name: "The Independent" },
      { id: "kd", name: "Korean daily" },
      { id: "ag", name: "Aggregator" },
    ],
    actors: [{ id: "sk", name: "South Korean assessments" }],
    events: [],
    promises: [],
    claims: [...base, ...extra.map((e, i) => ({ id: `x${i}`, subject: SUBJECT, qualifier: "exact" as const, unit: "troops", claimant: "sk", citations: [], ...e }))],
  };
}
const opts = (o: Record<string, unknown> = {}) => resolveFigureComparisonOptions(o);
const row = (l: FigureLayout, id: string) => [...l.panels.flatMap((p) => p.rows), ...(l.singles?.rows ?? [])].find((r) => r.id === id)!;
/** Every text the layout draws: panels, their rows, the single-claim list. */
const allTexts = (l: FigureLayout) => [...l.panels.flatMap((p) => [...p.texts, ...p.rows.flatMap((r) => r.texts)]), ...(l.singles ? [...l.singles.texts, ...l.singles.rows.flatMap((r) => r.texts)] : [])];

function overlaps(l: FigureLayout): string[] {
  const texts = allTexts(l);
  const out: string[] = [];
  texts.forEach((a, i) =>
    texts.slice(i + 1).forEach((b) => {
      if (boxesIntersect(textBox(a), textBox(b))) out.push(`${JSON.stringify(a.text)} × ${JSON.stringify(b.text)}`);
    }),
  );
  for (const t of texts) {
    const b = textBox(t);
    if (b.x < 0 || b.x + b.width > l.width + 0.5) out.push(`${JSON.stringify(t.text)} outside 0–${l.width}`);
  }
  return out;
}

describe("layoutFigureComparison geometry per qualifier", () => {
  const l = layoutFigureComparison(
    troops([
      { id: "ex", value: 12000, qualifier: "exact" },
      { id: "up", value: 14000, qualifier: "up-to" },
      { id: "ft", value: 16000, qualifier: "fewer-than" },
      { id: "rg", qualifier: "range", low: 11000, high: 13000, value: 12500 },
    ]),
    opts({ axis: "linear" }),
    800,
  );
  const p = l.panels[0]!;
  const x = (v: number) => p.plot.x0 + ((v - p.domain[0]) / (p.domain[1] - p.domain[0])) * (p.plot.x1 - p.plot.x0);

  it("layoutFigureComparison(exact) is a solid dot at the figure", () => {
    expect(row(l, "ex").mark).toMatchObject({ kind: "exact", open: false });
    expect(row(l, "ex").mark.x).toBeCloseTo(x(12000), 6);
  });
  it("layoutFigureComparison(about) is a dot marked approximate at the figure, with no extent", () => {
    const m = row(l, "sk").mark;
    expect(m.kind).toBe("about");
    expect(m.x).toBeCloseTo(x(15000), 6);
    expect(m.x2).toBeUndefined();
  });
  it("layoutFigureComparison(at-least / more-than) runs an arrow from the figure to the axis end; more-than is open", () => {
    for (const id of ["kd", "ag"]) {
      const m = row(l, id).mark;
      expect(m.kind).toBe("floor");
      expect(m.x).toBeCloseTo(x(10000), 6);
      expect(m.x2).toBe(p.plot.x1);
    }
    expect(row(l, "kd").mark.open).toBe(true);
    expect(row(l, "ag").mark.open).toBe(false);
  });
  it("layoutFigureComparison(up-to / fewer-than) runs an arrow back from the cap to the axis start", () => {
    expect(row(l, "up").mark).toMatchObject({ kind: "ceiling", open: false, x2: p.plot.x0 });
    expect(row(l, "ft").mark).toMatchObject({ kind: "ceiling", open: true, x2: p.plot.x0 });
    expect(row(l, "up").mark.x).toBeCloseTo(x(14000), 6);
  });
  it("layoutFigureComparison(range) is a bar from low to high with the central figure", () => {
    const m = row(l, "rg").mark;
    expect(m.kind).toBe("range");
    expect(m.x).toBeCloseTo(x(11000), 6);
    expect(m.x2).toBeCloseTo(x(13000), 6);
    expect(m.xValue).toBeCloseTo(x(12500), 6);
  });
  it("layoutFigureComparison: the domain extends past the largest floor so its open arrow shows", () => {
    const only = layoutFigureComparison(troops().claims.length ? { ...troops(), claims: troops().claims.filter((c) => c.id !== "sk") } : troops(), opts(), 800);
    const m = only.panels[0]!.rows[0]!.mark;
    expect(only.panels[0]!.domain[1]).toBeGreaterThan(10000);
    expect(m.x2! - m.x).toBeGreaterThanOrEqual(26);
  });
  it("layoutFigureComparison({zero: auto}): figures from 10,000 to 16,000 get an axis around them, marked as not starting at zero; ticks are nice", () => {
    expect(p.scale).toBe("linear");
    expect(p.domain[0]).toBeGreaterThan(5000);
    expect(p.domain[0]).toBeLessThanOrEqual(10000);
    expect(p.broken).toBe(true);
    expect(p.texts.filter((t) => t.role === "caption").map((t) => t.text).join(" ")).toContain("axis does not start at zero");
    for (const t of p.ticks) expect(t.value % 1000).toBe(0);
  });
  it("layoutFigureComparison: every row sits below the one before, marks inside the plot", () => {
    const rows = p.rows;
    rows.slice(1).forEach((r, i) => expect(r.top).toBeGreaterThanOrEqual(rows[i]!.top + rows[i]!.height));
    for (const r of rows) {
      expect(r.mark.x).toBeGreaterThanOrEqual(p.plot.x0);
      expect(r.mark.x).toBeLessThanOrEqual(p.plot.x1);
      expect(r.mark.y).toBeGreaterThan(r.top);
      expect(r.mark.y).toBeLessThan(r.top + r.height);
    }
  });
});

describe("layoutFigureComparison agreement in the panel", () => {
  it("layoutFigureComparison(seed troops) shades the values every claim allows and says so", () => {
    const l = layoutFigureComparison(troops(), opts(), 800);
    const p = l.panels[0]!;
    expect(p.agreement.status).toBe("agree");
    expect(p.band).toBeDefined();
    expect(p.band!.lo).toEqual({ x: row(l, "kd").mark.x, open: true });
    expect(p.band!.hi).toBeUndefined();
    expect(p.band!.x1).toBe(p.plot.x1);
    expect(p.notes[0]).toBe("Shaded: all 3 claims are consistent with more than 10,000 troops");
    // The band's key is drawn beside the note that says what the band is.
    expect(p.bandKey).toBeDefined();
    const note = p.texts.find((t) => t.text === p.notes[0])!;
    expect(note.x).toBeGreaterThan(p.bandKey!.x + 6);
    expect(Math.abs(note.y - 4 - p.bandKey!.y)).toBeLessThan(6);
    expect(p.summary).toBe("North Korean troops sent to Russia: 3 claims from 10,000 to 15,000 troops; every claim allows more than 10,000 troops");
  });
  it("layoutFigureComparison(conflicting claims) names the pair in a note and flags both rows, with no band", () => {
    const l = layoutFigureComparison(troops([{ id: "cap", value: 5000, qualifier: "up-to", claimant: "ag" }]), opts(), 800);
    const p = l.panels[0]!;
    expect(p.agreement.status).toBe("conflict");
    expect(p.band).toBeUndefined();
    expect(p.notes[0]).toBe("⚠ Claims conflict: Korean daily says more than 10,000 troops; Aggregator says up to 5,000 troops");
    expect(p.texts.find((t) => t.role === "conflict")?.text).toMatch(/^⚠ Claims conflict/);
    expect(row(l, "kd").flag).toBe("conflict");
    expect(row(l, "cap").flag).toBe("conflict");
    expect(row(l, "sk").flag).toBeUndefined();
    expect(p.summary).toContain("claims conflict: Korean daily says more than 10,000 troops, Aggregator says up to 5,000 troops");
  });
  it("layoutFigureComparison(an about figure outside the band) says the claims differ", () => {
    const l = layoutFigureComparison(troops([{ id: "low", value: 3000, qualifier: "about", claimant: "ag" }]), opts(), 800);
    const p = l.panels[0]!;
    expect(p.agreement.status).toBe("differ");
    expect(p.notes[0]).toBe("Claims differ: Korean daily says more than 10,000 troops; Aggregator says about 3,000 troops");
    expect(p.band).toBeDefined();
    expect(p.notes[1]).toMatch(/^Shaded: the claims without “about” are all consistent with more than 10,000 troops/);
  });
  it("layoutFigureComparison(two units in one subject) draws a panel per unit and says so", () => {
    const d = troops([{ id: "pct", value: 12, unit: "%" }, { id: "pct2", value: 15, unit: "%", qualifier: "about", claimant: "ag" }]);
    const l = layoutFigureComparison(d, opts(), 800);
    expect(l.panels.map((p) => p.unit)).toEqual(["troops", "%"]);
    for (const p of l.panels) expect(p.notes).toContain("2 units: shown on separate axes");
    expect(l.panels[1]!.texts.find((t) => t.role === "heading")!.text).toBe(`${SUBJECT} (%)`);
  });
  it("layoutFigureComparison({subject}) keeps one subject", () => {
    const d = troops([{ id: "other", subject: "Killed or injured", value: 4000, qualifier: "about" }]);
    const both = layoutFigureComparison(d, opts(), 800);
    expect(both.panels.map((p) => p.subject)).toEqual([SUBJECT]);
    expect(both.singles!.rows.map((r) => r.id)).toEqual(["other"]);
    const l = layoutFigureComparison(d, opts({ subject: "Killed or injured" }), 800);
    expect(l.panels).toEqual([]);
    expect(l.singles!.rows.map((r) => r.entry.claim.subject)).toEqual(["Killed or injured"]);
    // One line is the whole chart: no list heading over it.
    expect(l.singles!.texts).toEqual([]);
    expect(l.order).toEqual(["other"]);
  });
});

describe("layoutFigureComparison scales", () => {
  it("valueScale(type, domain, range) maps and inverts as d3-scale's linear, log and symlog do", () => {
    const cases = [
      ["linear", scaleLinear(), [-11e9, 30e9]],
      ["log", scaleLog(), [1000, 1e7]],
      ["symlog", scaleSymlog(), [-2e6, 16000]],
    ] as const;
    for (const [type, d3, domain] of cases) {
      const ours = valueScale(type, [...domain], [256, 786]);
      const theirs = d3.domain(domain).range([256, 786]);
      for (const v of [domain[0], domain[1], (domain[0] + domain[1]) / 3, 15000]) {
        expect(ours(v)).toBeCloseTo(theirs(v), 6);
        expect(ours.invert(ours(v)) / v).toBeCloseTo(1, 9);
      }
    }
  });
  it("layoutFigureComparison: values spanning more than 100× get a log axis, ticks at powers of ten", () => {
    const l = layoutFigureComparison(troops([{ id: "big", value: 2_000_000 }]), opts(), 800);
    const p = l.panels[0]!;
    expect(p.scale).toBe("log");
    for (const t of p.ticks) expect(Math.log10(t.value) % 1).toBe(0);
    expect(p.texts.some((t) => t.role === "caption" && t.text.includes("log scale"))).toBe(true);
  });
  it("layoutFigureComparison({axis: 'linear'}) keeps a linear axis however wide the span", () => {
    expect(layoutFigureComparison(troops([{ id: "big", value: 2_000_000 }]), opts({ axis: "linear" }), 800).panels[0]!.scale).toBe("linear");
  });
  it("layoutFigureComparison: negative and zero values stay linear with a zero line, never a log axis", () => {
    const l = layoutFigureComparison(troops([{ id: "neg", value: -2_000_000 }, { id: "zero", value: 0 }]), opts(), 800);
    const p = l.panels[0]!;
    expect(p.scale).toBe("linear");
    expect(p.domain[0]).toBeLessThanOrEqual(-2_000_000);
    expect(p.zeroX).toBeGreaterThan(p.plot.x0);
  });
  it("layoutFigureComparison({axis: 'log'}) with negative values falls back to symlog and says why", () => {
    const l = layoutFigureComparison(troops([{ id: "neg", value: -2_000_000 }]), opts({ axis: "log" }), 800);
    const p = l.panels[0]!;
    expect(p.scale).toBe("symlog");
    expect(p.notes).toContain("Symmetric log scale: a log scale cannot show zero or negative values");
    expect(p.ticks.map((t) => t.value)).toContain(0);
  });
  it("layoutFigureComparison: tick labels never collide, at any width", () => {
    for (const width of [320, 400, 800, 1200]) {
      for (const extra of [[], [{ id: "big", value: 2_000_000 }], [{ id: "neg", value: -123_456_789 }]] as Partial<Claim>[][]) {
        const l = layoutFigureComparison(troops(extra), opts(), width);
        expect(l.panels[0]!.ticks.length).toBeGreaterThanOrEqual(2);
        expect(overlaps(l)).toEqual([]);
      }
    }
  });
});

describe("layoutFigureComparison rows, labels, sorting", () => {
  it("layoutFigureComparison({sort: 'value'}) puts the highest figure first", () => {
    const l = layoutFigureComparison(troops([{ id: "low", value: 3000, qualifier: "about" }]), opts(), 800);
    expect(l.order).toEqual(["sk", "ag", "kd", "low"]);
  });
  it("layoutFigureComparison({sort: 'date'}) orders by when the claim was made", () => {
    expect(layoutFigureComparison(troops(), opts({ sort: "date" }), 800).order).toEqual(["kd", "sk", "ag"]);
  });
  it("layoutFigureComparison({sort: 'date'}) puts undated claims last, by claimant", () => {
    const d = troops([{ id: "u2", value: 1, claimant: "sk" }, { id: "u1", value: 2, claimant: "ag" }]);
    expect(layoutFigureComparison(d, opts({ sort: "date" }), 800).order).toEqual(["kd", "sk", "ag", "u1", "u2"]);
  });
  it("layoutFigureComparison({sort: 'claimant'}) orders by claimant name", () => {
    expect(layoutFigureComparison(troops(), opts({ sort: "claimant" }), 800).order).toEqual(["ag", "kd", "sk"]);
  });
  it("layoutFigureComparison labels each row with claimant, outlet and date, and the figure in words", () => {
    const r = row(layoutFigureComparison(troops(), opts(), 800), "sk");
    expect(r.texts.map((t) => [t.role, t.text])).toEqual([
      ["claimant", "South Korean assessments"],
      ["meta", "The Independent · Aug 13, 2025"],
      ["value", "about 15,000 troops"],
    ]);
  });
  it("layoutFigureComparison({highlight, annotations}) marks the row and draws the editor's note under it", () => {
    const plain = layoutFigureComparison(troops(), opts(), 800);
    const l = layoutFigureComparison(troops(), opts({ highlight: "kd", annotations: { kd: "Refers to October 2024, before the Kursk fighting." } }), 800);
    expect(row(l, "kd").highlight).toBe(true);
    expect(row(l, "sk").highlight).toBe(false);
    expect(row(l, "kd").texts.find((t) => t.role === "annotation")?.text).toBe("Refers to October 2024, before the Kursk fighting.");
    expect(row(l, "kd").height).toBeGreaterThan(row(plain, "kd").height);
  });
  it("layoutFigureComparison: long claimant names wrap to two lines and are cut with the full name kept", () => {
    const d = troops();
    d.actors[0]!.name = "The Joint Chiefs of Staff of the Republic of Korea, citing the National Intelligence Service and unnamed officials";
    for (const width of [320, 800]) {
      const r = row(layoutFigureComparison(d, opts(), width), "sk");
      const names = r.texts.filter((t) => t.role === "claimant");
      expect(names.length).toBe(2);
      expect(names[1]!.text.endsWith("…")).toBe(true);
      expect(names[1]!.full).toBe(d.actors[0]!.name);
    }
  });
  it("layoutFigureComparison: no two labels overlap and none leaves the chart, from 320 to 1,200 px", () => {
    const d = troops([
      { id: "cap", value: 5000, qualifier: "up-to", claimant: "ag" },
      { id: "rg", qualifier: "range", low: 9000, high: 16000 },
      { id: "pct", value: 12.5, unit: "%" },
    ]);
    d.actors[0]!.name = "South Korea's National Intelligence Service, briefing lawmakers behind closed doors in Seoul";
    for (const width of [320, 375, 559, 560, 800, 1200]) {
      const l = layoutFigureComparison(d, opts({ highlight: "kd", annotations: { sk: "A long editor's note that has to wrap onto a second line when the chart is narrow, and maybe a third." } }), width);
      expect(overlaps(l), `at ${width} px`).toEqual([]);
      expect(l.height).toBeGreaterThan(0);
      const panels = l.panels;
      panels.slice(1).forEach((p, i) => expect(p.top).toBeGreaterThanOrEqual(panels[i]!.top + panels[i]!.height));
    }
  });
  it("layoutFigureComparison: narrow charts stack the label above the mark, wide ones use a left column", () => {
    const narrow = row(layoutFigureComparison(troops(), opts(), 320), "sk");
    const wide = row(layoutFigureComparison(troops(), opts(), 800), "sk");
    const v = (r: typeof narrow, role: string) => r.texts.find((t) => t.role === role)!;
    expect(v(narrow, "value").y).toBeGreaterThan(v(narrow, "meta").y);
    expect(v(wide, "value").y).toBe(v(wide, "claimant").y);
    expect(v(wide, "value").x).toBeGreaterThan(v(wide, "claimant").x + 100);
  });
});

/** "12 then 13 dead": the same claimant updates its count; a second outlet reports 13. */
function updated(supersedes = true): Dataset {
  const S = "Service members killed";
  return {
    version: 1,
    sources: [{ id: "agency", name: "A news agency" }],
    actors: [{ id: "command", name: "The military command" }],
    events: [],
    promises: [],
    claims: [
      { id: "d12", subject: S, value: 12, qualifier: "exact", unit: "dead", claimant: "command", citations: [{ source: "agency" }], date: "2021-08-26" },
      { id: "d13", subject: S, value: 13, qualifier: "exact", unit: "dead", claimant: "command", citations: [{ source: "agency" }], date: "2021-08-27", ...(supersedes ? { supersedes: "d12" } : {}) },
      { id: "a13", subject: S, value: 13, qualifier: "exact", unit: "dead", claimant: "agency", citations: [{ source: "agency" }], date: "2021-08-27" },
    ],
  };
}

describe("layoutFigureComparison for every subject (issues 12, 16, 17)", () => {
  const seeds = parseDataset(JSON.parse(readFileSync(new URL("../../examples/data/seeds.json", import.meta.url), "utf8")));
  const counts = new Map<string, number>();
  for (const c of seeds.claims) counts.set(`${c.subject}|${c.unit ?? ""}`, (counts.get(`${c.subject}|${c.unit ?? ""}`) ?? 0) + 1);
  const ones = [...counts.values()].filter((n) => n === 1).length;

  it("layoutFigureComparison(seeds): single-claim subjects are one list after the comparisons, with no axis of their own", () => {
    expect(ones).toBeGreaterThan(20);
    for (const width of [320, 1200]) {
      const l = layoutFigureComparison(seeds, opts(), width);
      expect(l.panels.every((p) => p.rows.length > 1)).toBe(true);
      expect(l.singles!.rows.length).toBe(ones);
      expect(l.singles!.top).toBeGreaterThanOrEqual(Math.max(...l.panels.map((p) => p.top + p.height)));
      expect(l.singles!.texts.map((t) => t.text).join(" ")).toBe("Subjects with one claim");
      // Keyboard order: the comparisons' rows, then the list's, as drawn.
      expect(l.order).toEqual([...l.panels.flatMap((p) => p.rows.map((r) => r.id)), ...l.singles!.rows.map((r) => r.id)]);
      // One column at 320 px, two read downwards at 1,200: each row below the one before in its column.
      const columns = [...new Set(l.singles!.rows.map((r) => r.left ?? 0))];
      expect(columns.length).toBe(width < 880 ? 1 : 2);
      for (const left of columns) {
        const rows = l.singles!.rows.filter((r) => (r.left ?? 0) === left);
        rows.slice(1).forEach((r, i) => expect(r.top).toBeGreaterThanOrEqual(rows[i]!.top + rows[i]!.height));
        for (const r of rows) for (const t of r.texts) expect(textBox(t).x + textBox(t).width).toBeLessThanOrEqual(left + (r.width ?? width));
      }
      // 28 subjects fit in far less than 28 axes did (about 90 px each).
      expect(l.singles!.height / ones).toBeLessThan(width < 560 ? 90 : 40);
    }
  });
  it("layoutFigureComparison(seeds): a single-claim line says subject, figure in words, claimant, outlet and date", () => {
    for (const width of [320, 1200]) {
      const r = row(layoutFigureComparison(seeds, opts(), width), "nk-casualties-4000");
      const said = (role: string) => r.texts.filter((t) => t.role === role).map((t) => t.text).join(" ");
      expect(said("subject")).toBe("North Korean soldiers killed or injured");
      expect(said("value")).toBe("about 4,000 soldiers");
      expect(said("claimant")).toBe("South Korea");
      expect(said("meta")).toMatch(/^UK daily · .*2025$/);
      expect(r.mark.kind).toBe("about");
    }
  });
  it("layoutFigureComparison: every text is at least 12 px and every row at least 44 px tall at 320 px", () => {
    for (const width of [320, 1200]) {
      const l = layoutFigureComparison(seeds, opts({ annotations: { "nk-troops-10000-october": "An editor's note" } }), width);
      expect(allTexts(l).filter((t) => t.size < 12).map((t) => t.text)).toEqual([]);
      for (const r of [...l.panels.flatMap((p) => p.rows), ...l.singles!.rows]) expect(r.height, r.id).toBeGreaterThanOrEqual(44);
    }
  });
  it("layoutFigureComparison: no axis carries more than 8 ticks, at any width", () => {
    for (const width of [320, 800, 1200, 2400])
      for (const extra of [[], [{ id: "big", value: 2_000_000 }], [{ id: "neg", value: -123_456_789 }], [{ id: "tiny", value: 0.001 }]] as Partial<Claim>[][])
        for (const l of [layoutFigureComparison(troops(extra), opts(), width), layoutFigureComparison(seeds, opts(), width)])
          for (const p of l.panels) expect(p.ticks.length, `${p.subject} at ${width}`).toBeLessThanOrEqual(8);
  });
  it("layoutFigureComparison({zero}): auto starts at zero only when the figures would fill at least half the axis; true and false force it", () => {
    const around = layoutFigureComparison(troops(), opts(), 800).panels[0]!;
    expect(around.domain[0]).toBeGreaterThan(0);
    expect(around.broken).toBe(true);
    const forced = layoutFigureComparison(troops(), opts({ zero: true }), 800).panels[0]!;
    expect(forced.domain[0]).toBe(0);
    expect(forced.broken).toBeUndefined();
    expect(forced.texts.map((t) => t.text).join(" ")).not.toContain("axis does not start at zero");
    // 5,000 to 15,000: the figures span most of the axis anyway, so zero stays.
    const wide = layoutFigureComparison(troops([{ id: "low", value: 5000 }]), opts(), 800).panels[0]!;
    expect(wide.domain[0]).toBe(0);
    expect(wide.broken).toBeUndefined();
    const off = layoutFigureComparison(troops([{ id: "low", value: 5000 }]), opts({ zero: "false" }), 800).panels[0]!;
    expect(off.domain[0]).toBeGreaterThan(0);
    expect(off.broken).toBe(true);
    // Figures crossing zero always show it.
    expect(layoutFigureComparison(troops([{ id: "neg", value: -500 }]), opts({ zero: false }), 800).panels[0]!.zeroX).toBeDefined();
  });
  it("layoutFigureComparison(12 then 13 dead): close figures are not pinned to the axis ends", () => {
    const p = layoutFigureComparison(updated(), opts(), 800).panels[0]!;
    const x12 = row(layoutFigureComparison(updated(), opts(), 800), "d12").mark.x;
    expect(p.domain[0]).toBeLessThan(12);
    expect(p.domain[1]).toBeGreaterThan(13);
    expect(x12 - p.plot.x0).toBeGreaterThan(20);
  });
  it("layoutFigureComparison(12 then 13 dead, same claimant): the earlier figure is superseded, says what it was updated to, and is in no conflict", () => {
    const l = layoutFigureComparison(updated(), opts(), 800);
    const p = l.panels[0]!;
    expect(p.agreement.status).toBe("agree");
    expect(p.notes.join(" ")).not.toMatch(/conflict|differ/i);
    expect(p.notes).toContain("Dashed: updated later by the same claimant, so not compared");
    expect(layoutFigureComparison(troops(), opts(), 800).panels[0]!.notes.join(" ")).not.toContain("Dashed");
    expect(row(l, "d12").flag).toBeUndefined();
    expect(row(l, "d12").entry.superseded).toBe("Updated to 13 dead on Aug 27, 2021");
    expect(row(l, "d12").texts.find((t) => t.role === "updated")?.text).toBe("Updated to 13 dead on Aug 27, 2021");
    expect(row(l, "d13").entry.superseded).toBeUndefined();
    // The control: without `supersedes`, 12 and 13 exact figures conflict.
    const control = layoutFigureComparison(updated(false), opts(), 800);
    expect(control.panels[0]!.agreement.status).toBe("conflict");
    expect(row(control, "d12").flag).toBe("conflict");
  });
  it("layoutFigureComparison: claims differ or conflict only within one subject and unit", () => {
    // 5 per cent would conflict with "more than 10,000" troops; in its own unit it is compared with nothing.
    const l = layoutFigureComparison(troops([{ id: "pct", value: 5, unit: "%" }]), opts(), 800);
    expect(l.panels[0]!.agreement.status).toBe("agree");
    expect(l.panels[0]!.band).toBeDefined();
    expect(row(l, "pct").flag).toBeUndefined();
    const same = layoutFigureComparison(troops([{ id: "pct", value: 5 }]), opts(), 800);
    expect(same.panels[0]!.agreement.status).toBe("conflict");
    const other = layoutFigureComparison(troops([{ id: "o", value: 5, subject: "Something else" }]), opts(), 800);
    expect(other.panels[0]!.agreement.status).toBe("agree");
  });
});

describe("figures in the reader's locale", () => {
  const c = (q: Claim["qualifier"], v: Partial<Claim>): Claim => ({ id: "c", subject: "s", qualifier: q, unit: "troops", claimant: "a", citations: [], ...v });
  it("figureWords(about 15000) in en-US, de-DE, fr-FR, ru-RU, ko-KR", () => {
    const words = ["en-US", "de-DE", "fr-FR", "ru-RU", "ko-KR"].map((tag) => figureWords(c("about", { value: 15000 }), wordsFor(tag)));
    expect(words).toEqual(["about 15,000 troops", "about 15.000 troops", "about 15\u202f000 troops", "about 15\u00a0000 troops", "about 15,000 troops"]);
  });
  it("figureWords says every qualifier in words", () => {
    const en = wordsFor("en-US");
    expect(figureWords(c("exact", { value: 1000 }), en)).toBe("1,000 troops");
    expect(figureWords(c("at-least", { value: 10000 }), en)).toBe("at least 10,000 troops");
    expect(figureWords(c("more-than", { value: 10000 }), en)).toBe("more than 10,000 troops");
    expect(figureWords(c("up-to", { value: 5 }), en)).toBe("up to 5 troops");
    expect(figureWords(c("fewer-than", { value: 5 }), en)).toBe("fewer than 5 troops");
    expect(figureWords(c("range", { low: 1000, high: 2000 }), en)).toBe("between 1,000 and 2,000 troops");
    expect(figureWords(c("range", { low: 10, high: 20, unit: "%" }), en)).toBe("between 10% and 20%");
  });
  it("formatFigure: currency, negative, percent, and billions shortened only when nothing is lost", () => {
    const en = resolveLocale("en-US");
    expect(formatFigure(en, 27e9, "USD")).toBe("$27B");
    expect(formatFigure(en, -11e9, "USD")).toBe("-$11B");
    expect(formatFigure(en, 27_345_000_000, "USD")).toBe("$27,345,000,000");
    expect(formatFigure(en, 12.5, "%")).toBe("12.5%");
    expect(formatFigure(resolveLocale("de-DE"), 12.5, "%")).toBe("12,5\u00a0%");
    expect(formatFigure(resolveLocale("de-DE"), 27e9, "USD")).toBe("27\u00a0Mrd.\u00a0$");
  });
  it("layoutFigureComparison({locale: 'ko-KR'}) ticks read 만", () => {
    const l = layoutFigureComparison(troops(), opts({ locale: "ko-KR" }), 800);
    expect(l.panels[0]!.texts.filter((t) => t.role === "tick").map((t) => t.text)).toContain("1만");
  });
});

describe("resolveFigureComparisonOptions", () => {
  it("resolveFigureComparisonOptions({}) gives the defaults", () => {
    expect(opts()).toEqual({ locale: "en-US", theme: "light", sort: "value", axis: "auto", zero: "auto", annotations: {} });
  });
  it("resolveFigureComparisonOptions({zero}) takes auto, true and false, and their strings from attributes and flags", () => {
    for (const [v, want] of [["auto", "auto"], [true, true], [false, false], ["true", true], ["false", false], ["", "auto"]] as const) expect(opts({ zero: v }).zero).toBe(want);
    expect(() => opts({ zero: "sometimes" })).toThrow(/option zero: expected "auto", true or false, got "sometimes"/);
  });
  it("resolveFigureComparisonOptions throws an OptionError naming a bad option", () => {
    expect(() => opts({ sort: "size" })).toThrow(OptionError);
    expect(() => opts({ sort: "size" })).toThrow(/option sort: expected one of "value", "date", "claimant", got "size"/);
    expect(() => opts({ axis: "sqrt" })).toThrow(/option axis/);
    expect(() => opts({ annotations: { kd: 5 } })).toThrow(/option annotations\.kd: expected text/);
    expect(() => opts({ annotations: "x" })).toThrow(/option annotations: expected an object/);
    // The same reading as the timeline's: JSON text (a CMS field, a data attribute) or the object; a null note is none.
    expect({ ...opts({ annotations: '{"kd": "Editor: counted twice"}' }).annotations }).toEqual({ kd: "Editor: counted twice" });
    expect({ ...opts({ annotations: { kd: null, ks: "Kept" } }).annotations }).toEqual({ ks: "Kept" });
    expect({ ...resolveTimelineOptions({ annotations: '{"kd": "Editor: counted twice"}' }).annotations }).toEqual({ kd: "Editor: counted twice" });
    expect(() => opts({ width: -3 })).toThrow(/option width/);
  });
});

describe("layoutFigureComparison on any valid dataset", () => {
  const seeds = parseDataset(JSON.parse(readFileSync(new URL("../../examples/data/seeds.json", import.meta.url), "utf8")));
  it("layoutFigureComparison(seeds) at 320–1,200 px: no label overlaps, none leaves the chart", () => {
    for (const width of [320, 414, 640, 800, 1200]) expect(overlaps(layoutFigureComparison(seeds, opts(), width)), `at ${width} px`).toEqual([]);
  });
  for (const [name, numbers] of [["realistic", undefined], ["extreme (±1.8e308, denormals)", extreme]] as const) {
    it(`layoutFigureComparison(random ${name} figures, any axis, any locale): finite geometry, labels apart`, () => {
      fc.assert(
        fc.property(validDataset({ maxRecords: 8, ...(numbers ? { numbers } : {}) } as never), fc.constantFrom(320, 560, 1200), fc.constantFrom("en-US", "ko-KR", "de-DE", "ar-EG"), fc.constantFrom("auto", "log", "linear", "symlog"), (d, width, locale, axis) => {
          const l = layoutFigureComparison(parseDataset(d), opts({ locale, axis }), width);
          for (const p of l.panels) {
            expect([...p.domain, p.plot.y1, p.axisY, ...p.ticks.map((t) => t.x)].every(Number.isFinite)).toBe(true);
            for (const r of p.rows) expect([r.mark.x, r.mark.x2 ?? 0, r.mark.y, ...r.texts.map((t) => t.x)].every(Number.isFinite)).toBe(true);
          }
          expect(overlaps(l)).toEqual([]);
        }),
        { numRuns: 60 },
      );
    }, 60000);
  }
});

describe("layoutFigureComparison regressions: denormals, prototype words", () => {
  const tinyAndFloor = (q: Claim["qualifier"] = "exact"): Dataset => ({
    version: 1,
    sources: [{ id: "s", name: "Source" }],
    actors: [],
    events: [],
    promises: [],
    claims: [
      { id: "tiny", subject: "x", value: 2e-323, qualifier: q, claimant: "s", citations: [] },
      { id: "floor", subject: "x", value: 999997, qualifier: "at-least", claimant: "s", citations: [] },
    ],
  });
  for (const axis of ["auto", "linear", "log", "symlog"] as const) {
    it(`layoutFigureComparison(2e-323 and at least 999,997, axis ${axis}): finite, few ticks, marks inside the plot`, () => {
      for (const q of ["exact", "about", "up-to"] as const)
        for (const zero of [true, false])
          for (const width of [320, 800, 1200]) {
            const t0 = performance.now();
            const l = layoutFigureComparison(tinyAndFloor(q), opts({ axis, zero }), width);
            expect(performance.now() - t0, `${q} ${zero} ${width}`).toBeLessThan(500);
            const p = l.panels[0]!;
            expect([...p.domain, ...p.ticks.map((t) => t.x), ...p.ticks.map((t) => t.value)].every(Number.isFinite)).toBe(true);
            expect(p.ticks.length).toBeGreaterThan(0);
            expect(p.ticks.length).toBeLessThanOrEqual(20);
            // Never a log axis: 2e-323 is a denormal, beyond what a log axis can place.
            expect(p.scale).not.toBe("log");
            for (const r of p.rows) for (const x of [r.mark.x, r.mark.x2 ?? r.mark.x]) expect(x >= p.plot.x0 - 0.5 && x <= p.plot.x1 + 0.5, `${r.id} at ${x}`).toBe(true);
            expect(overlaps(l)).toEqual([]);
          }
    });
  }
  it("layoutFigureComparison({axis: 'log'}) with a positive denormal says why it is not a log axis, without calling it negative", () => {
    const p = layoutFigureComparison(tinyAndFloor(), opts({ axis: "log" }), 800).panels[0]!;
    expect(p.scale).toBe("symlog");
    expect(p.notes.join(" ")).not.toMatch(/negative/);
    expect(p.notes).toContain("Symmetric log scale: figures this close to zero or this large are beyond a log scale");
  });
  it("layoutFigureComparison(claim ids __proto__, constructor, toString) reads highlight and annotations as own keys only", () => {
    const d: Dataset = {
      version: 1,
      sources: [{ id: "s", name: "Source" }],
      actors: [],
      events: [],
      promises: [],
      claims: ["__proto__", "constructor", "toString", "hasOwnProperty"].map((id, i) => ({ id, subject: "__proto__", value: 1000 * (i + 1), qualifier: "exact" as const, claimant: "s", citations: [] })),
    };
    // JSON.parse makes "__proto__" an own key, as options from a data attribute or a CMS arrive.
    const annotations = JSON.parse('{"__proto__": "Editor: a proto note", "constructor": "Editor: a constructor note"}');
    const l = layoutFigureComparison(d, { ...opts(), highlight: "__proto__", annotations }, 800);
    expect(l.panels.map((p) => p.subject)).toEqual(["__proto__"]);
    expect(l.order.sort()).toEqual(["__proto__", "constructor", "hasOwnProperty", "toString"]);
    expect(row(l, "__proto__").highlight).toBe(true);
    expect(row(l, "__proto__").entry.annotation).toBe("Editor: a proto note");
    expect(row(l, "constructor").entry.annotation).toBe("Editor: a constructor note");
    expect(row(l, "constructor").highlight).toBe(false);
    // Inherited members of Object.prototype are not notes.
    expect(row(l, "toString").entry.annotation).toBeUndefined();
    expect(row(l, "hasOwnProperty").entry.annotation).toBeUndefined();
    expect(overlaps(l)).toEqual([]);
  });
});

describe("layout/text.ts, shared by every layout", () => {
  it("wrapText(…, maxLines 1) gives one line, cut with an ellipsis to fit", () => {
    const text = "Summit in Pyongyang on troop deployment and the ceasefire";
    for (const maxWidth of [40, 90, 160]) {
      const w = wrapText(text, maxWidth, 12, 1);
      expect(w.lines).toHaveLength(1);
      expect(w.truncated).toBe(true);
      expect(w.lines[0]!.endsWith("…")).toBe(true);
      expect(textWidth(w.lines[0]!, 12)).toBeLessThanOrEqual(maxWidth);
    }
    expect(wrapText("Kim Jong Un", 500, 12, 1)).toEqual({ lines: ["Kim Jong Un"], truncated: false });
    expect(wrapText("Kim Jong Un", 500, 12, 0).lines).toEqual(["Kim Jong Un"]);
  });
  it("wrapText(…, maxLines n) never returns more than n lines, none wider than maxWidth", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("Kim", "Jong", "Un", "Supercalifragilisticexpialidocious", "평양에서", "Владимир", "a", "—"), { maxLength: 20 }), fc.integer({ min: 30, max: 300 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (words, maxWidth, maxLines, bold) => {
        const w = wrapText(words.join(" "), maxWidth, 12, maxLines, bold);
        expect(w.lines.length).toBeLessThanOrEqual(maxLines);
        for (const line of w.lines) expect(textWidth(line, 12, bold)).toBeLessThanOrEqual(Math.max(maxWidth, textWidth("…", 12, bold)));
        if (!w.truncated) expect(w.lines.join(" ")).toBe(words.join(" "));
      }),
      { numRuns: 200 },
    );
  });
  it("truncateText cuts at the last word boundary, mid-word only when there is none, and never leaves trailing punctuation", () => {
    const full = "Putin and Kim sign the Comprehensive Strategic Partnership Treaty";
    const w = textWidth("Putin and Kim sign the Comprehensive Strat…", 12, true);
    expect(truncateText(full, w, 12, true).text).toBe("Putin and Kim sign the Comprehensive…");
    expect(truncateText("meet in Anchorage, Alaska", textWidth("meet in Anchorage, A…", 12), 12).text).toBe("meet in Anchorage…");
    expect(truncateText("Supercalifragilisticexpialidocious", 60, 12).text).toMatch(/^Super\S*…$/);
    expect(truncateText("김정은 위원장과 블라디미르 푸틴 대통령", 60, 12).truncated).toBe(true);
  });
  it("wrapText(…, maxLines 2) fills the first line and cuts only the last", () => {
    const w = wrapText("Telephone call on the ceasefire between the two leaders", 150, 12, 2);
    expect(w.lines).toHaveLength(2);
    expect(w.lines[0]).not.toMatch(/…$/);
    expect(w.lines[1]).toMatch(/…$/);
    expect(w.truncated).toBe(true);
  });
  // Advance widths of DejaVu Sans Bold (units per em 2048) for U+0020–U+007E, from DejaVuSans-Bold.ttf's hmtx table:
  // the widest bold sans claimline renders with (Chromium's system-ui on Linux without Noto Sans).
  const DEJAVU_BOLD = [713,934,1067,1716,1425,2052,1786,627,936,936,1071,1716,778,850,778,748,1425,1425,1425,1425,1425,1425,1425,1425,1425,1425,819,819,1716,1716,1716,1188,2048,1585,1561,1503,1700,1399,1399,1681,1714,762,762,1587,1305,2038,1714,1741,1501,1741,1577,1475,1397,1663,1585,2259,1579,1483,1485,936,748,936,1716,1024,1024,1382,1466,1214,1466,1389,891,1466,1458,702,702,1362,702,2134,1458,1407,1466,1466,1010,1219,979,1458,1335,1892,1321,1335,1192,1458,748,1458,1716];
  const dejavuBold = (s: string, size: number) => (Array.from(s).reduce((w, ch) => w + DEJAVU_BOLD[ch.charCodeAt(0) - 32]!, 0) / 2048) * size;
  it("textWidth(bold) is at least DejaVu Sans Bold's width for Latin labels (it was 12–16% short)", () => {
    const labels = ["South Korean assessments", "North Korean troops sent to Russia", "Kim Jong Un", "Vladimir Putin", "Donald Trump", "more than 10,000 troops", "Summit in Pyongyang on troop deployment", "Telephone call on the ceasefire", "Shaded: the values all 3 claims allow, at least 10,000", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789", "1,500,000,000 USD", "Aid (USD)", "$27B"];
    for (const s of labels) for (const size of [11, 12, 14]) expect(textWidth(s, size, true), s).toBeGreaterThanOrEqual(dejavuBold(s, size) * 0.995);
    // …and bold is measured wider than regular by about DejaVu's own ratio (~1.13), plus the regular estimate's margin.
    expect(textWidth("Kim Jong Un", 12, true) / textWidth("Kim Jong Un", 12)).toBeGreaterThanOrEqual(1.15);
  });
});
