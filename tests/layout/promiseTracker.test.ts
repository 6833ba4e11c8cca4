import { describe, expect, it } from "vitest";
import { layoutPromiseTracker, type PromiseTrackerLayout, type ResolvedPromiseTrackerOptions } from "../../src/layout/promiseTracker.js";
import { boxesIntersect, textWidth, type Box } from "../../src/layout/text.js";
import { brokenTimeScale, DAY, labelBoxes, layoutTimeAxis, splitTimeAxis } from "../../src/layout/timeBreaks.js";
import { resolveLocale } from "../../src/format/locale.js";
import { resolvePromiseTrackerOptions } from "../../src/charts/promiseTracker.js";
import type { Dataset, PromiseRecord } from "../../src/model/types.js";

const day = (s: string) => Date.parse(`${s}T00:00:00Z`);

function p(id: string, said: string, topic: string, min: string, max: string, extra: Partial<PromiseRecord> = {}): PromiseRecord {
  return { id, speaker: "trump", said, topic, quote: `quote ${id}`, window: { min, max }, ...extra };
}

/** A small list in the shape of the seeds: one 2017 promise, the rest in 2025, a month-precision `said`, a restatement. */
const fixture: Dataset = {
  version: 1,
  asOf: "2025-08-16",
  sources: [{ id: "nbc", name: "NBC News", url: "https://www.nbcnews.com/" }],
  actors: [
    { id: "trump", name: "Donald Trump" },
    { id: "leavitt", name: "Karoline Leavitt" },
    { id: "other", name: "Someone Else" },
  ],
  events: [],
  claims: [],
  promises: [
    p("tax", "2017-02-09", "Tax overhaul plan", "P14D", "P21D", { outcome: { status: "late", date: "2017-04-27" } }),
    p("tariffs", "2025-04-23", "Tariff rates", "P14D", "P21D"),
    p("path", "2025-05-04", "Putin's path in Ukraine", "P14D", "P1M"),
    p("meet", "2025-05-16", "Meeting Putin", "P14D", "P21D", { outcome: { status: "late", date: "2025-08-15" } }),
    p("endwar", "2025-05-28", "Whether Putin wants to end the war", "P10D", "P14D", { supersedes: "path" }),
    p("letters", "2025-06", "Trade deal offer letters", "P10D", "P14D"),
    p("iran", "2025-06-19", "Whether to strike Iran", "P0D", "P14D", { deliveredBy: "leavitt" }),
    p("kept", "2025-07-01", "A kept promise", "P14D", "P14D", { speaker: "other", outcome: { status: "kept", date: "2025-07-03" } }),
    p("broken", "2025-07-02", "A broken promise", "P14D", "P14D", { speaker: "other", outcome: { status: "broken", date: "2025-07-20" } }),
    p("open", "2025-08-10", "An open promise", "P14D", "P21D", { speaker: "other" }),
  ],
};

const opts = (o: Record<string, unknown> = {}): ResolvedPromiseTrackerOptions => resolvePromiseTrackerOptions({ locale: "en-GB", ...o });
const row = (L: PromiseTrackerLayout, id: string) => L.rows.find((r) => r.id === id)!;

/** Every text box the layout places: axis labels, as-of label, headings, row lines, notes. */
function textBoxes(L: PromiseTrackerLayout): Box[] {
  const m = (t: string) => textWidth(t, 11);
  const boxes: Box[] = [...labelBoxes(L.axis.ticks, L.axis.tickY, 11, m), ...labelBoxes(L.axis.years, L.axis.yearY, 11, m)];
  if (L.asOfMark) {
    const w = m(L.asOfMark.label.text);
    const a = L.asOfMark.label.anchor;
    boxes.push({ x: a === "middle" ? L.asOfMark.label.x - w / 2 : a === "end" ? L.asOfMark.label.x - w : L.asOfMark.label.x, y: L.axis.yearY - 11, width: w, height: 11 });
  }
  for (const h of L.headings) boxes.push({ x: h.x, y: h.y - 13, width: textWidth(h.text, 13, true), height: 13 });
  for (const r of L.rows) {
    for (const line of r.lines) {
      const w = textWidth(line.text, line.size, line.kind === "topic" || line.kind === "status");
      boxes.push({ x: line.anchor === "end" ? line.x - w : line.x, y: line.y - line.size, width: w, height: line.size + 2 });
    }
    if (r.note) boxes.push({ x: r.note.x, y: r.y - 8, width: textWidth(r.note.text, 11), height: 11 });
  }
  return boxes;
}

/** The mark band of each row: said mark to the last mark. */
function markBox(r: PromiseTrackerLayout["rows"][0]): Box {
  const xs = [r.said.x0, r.said.x1, r.window.x0, r.window.x1, r.outcome?.x ?? r.said.x0, r.overdue?.x1 ?? r.said.x0, r.open?.x1 ?? r.said.x0];
  return { x: Math.min(...xs) - 6, y: r.y - 7, width: Math.max(...xs) - Math.min(...xs) + 12, height: 14 };
}

describe("splitTimeAxis", () => {
  it("splitTimeAxis(spans 8 years apart) cuts the gap into two segments", () => {
    const segs = splitTimeAxis([
      [day("2017-02-09"), day("2017-04-28")],
      [day("2025-04-23"), day("2025-05-15")],
      [day("2025-08-16"), day("2025-08-17")],
    ]);
    expect(segs).toEqual([
      [day("2017-02-09"), day("2017-04-28")],
      [day("2025-04-23"), day("2025-08-17")],
    ]);
  });

  it("splitTimeAxis(evenly spread spans) keeps one linear axis", () => {
    const spans: Array<[number, number]> = Array.from({ length: 12 }, (_, i) => [day("2025-01-01") + i * 30 * DAY, day("2025-01-15") + i * 30 * DAY]);
    expect(splitTimeAxis(spans)).toHaveLength(1);
  });

  it("splitTimeAxis cuts only gaps longer than all drawn time together and than minGap (a year)", () => {
    // 60 days drawn, a 400-day gap: longer than both, cut.
    expect(splitTimeAxis([[0, 30 * DAY], [430 * DAY, 460 * DAY]])).toHaveLength(2);
    // 60 days drawn, a 300-day gap: shorter than a year, kept.
    expect(splitTimeAxis([[0, 30 * DAY], [330 * DAY, 360 * DAY]])).toHaveLength(1);
    // 500 days drawn, a 400-day gap: shorter than what is drawn, kept.
    expect(splitTimeAxis([[0, 250 * DAY], [650 * DAY, 900 * DAY]])).toHaveLength(1);
    // minGap is a parameter: 90 days cuts a 100-day gap.
    expect(splitTimeAxis([[0, 30 * DAY], [130 * DAY, 160 * DAY]], 90 * DAY)).toHaveLength(2);
  });
});

describe("brokenTimeScale", () => {
  const scale = brokenTimeScale([[day("2017-02-09"), day("2017-04-28")], [day("2025-04-23"), day("2025-08-17")]], 100, 700, 22);

  it("brokenTimeScale(segments, x0, x1, gap) fills [x0, x1] with the segments gap px apart", () => {
    const [a, b] = scale.segments;
    expect(a!.x0).toBe(100);
    expect(b!.x1).toBeCloseTo(700);
    expect(b!.x0 - a!.x1).toBeCloseTo(22);
    expect(scale.breaks).toHaveLength(1);
    expect(scale.breaks[0]!.x).toBeCloseTo((a!.x1 + b!.x0) / 2);
  });

  it("brokenTimeScale is increasing and maps a time in the cut to the break", () => {
    const ts = ["2017-02-09", "2017-03-01", "2017-04-28", "2025-04-23", "2025-06-01", "2025-08-17"].map(day);
    const xs = ts.map(scale.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    expect(scale.x(day("2021-01-01"))).toBe(scale.breaks[0]!.x);
  });

  it("brokenTimeScale gives each segment width in proportion to its time, at least minShare", () => {
    const [a, b] = scale.segments;
    const ratio = (a!.x1 - a!.x0) / (b!.x1 - b!.x0);
    expect(ratio).toBeCloseTo((a!.t1 - a!.t0) / (b!.t1 - b!.t0), 5);
    const tiny = brokenTimeScale([[0, DAY], [1000 * DAY, 1300 * DAY]], 0, 500, 20, 0.2);
    expect(tiny.segments[0]!.x1 - tiny.segments[0]!.x0).toBeGreaterThan(60);
  });
});

describe("layoutTimeAxis", () => {
  it.each([320, 560, 800, 1200])("layoutTimeAxis(scale at %i px) puts non-overlapping labels inside their segments", (width) => {
    const scale = brokenTimeScale([[day("2017-02-09"), day("2017-04-28")], [day("2025-04-23"), day("2025-08-17")]], 8, width - 8, 16);
    const m = (t: string) => textWidth(t, 11);
    const { ticks, years } = layoutTimeAxis(scale, resolveLocale("en-GB"), m);
    expect(ticks.length).toBeGreaterThanOrEqual(scale.segments.length);
    for (const boxes of [labelBoxes(ticks, 28, 11, m), labelBoxes(years, 12, 11, m)]) {
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(boxesIntersect(boxes[i]!, boxes[j]!)).toBe(false);
    }
    expect(years.map((y) => y.text)).toEqual(["2017", "2025"]);
  });
});

describe("layoutPromiseTracker", () => {
  it("layoutPromiseTracker(data, {asOf}) derives each row's status as of that day", () => {
    const L = layoutPromiseTracker(fixture, opts({ asOf: "2025-08-16" }), 800);
    expect(Object.fromEntries(L.rows.map((r) => [r.id, r.status.status]))).toEqual({
      tax: "late",
      tariffs: "overdue",
      path: "overdue",
      meet: "late",
      endwar: "overdue",
      letters: "overdue",
      iran: "overdue",
      kept: "kept",
      broken: "broken",
      open: "open",
    });
    expect(row(L, "tariffs").words).toMatchObject({ said: "said 23 Apr", due: "due 7–14 May", status: "overdue by 94 days" });
    expect(row(L, "tax").words.said).toBe("said 9 Feb 2017");
    expect(row(L, "tax").words.due).toBe("due 23 Feb\u2009–\u20092 Mar 2017");
    expect(row(L, "tax").words.status).toBe("late by 56 days");
    expect(row(L, "meet").words.status).toBe("late by 70 days");
    expect(row(L, "kept").words.status).toBe("kept, 2 days after");
    expect(row(L, "open").words.status).toBe("open, 15 days left");
    expect(row(L, "letters").words).toMatchObject({ said: "said June 2025", due: "due 11 Jun\u2009–\u200914 Jul" });
  });

  it("layoutPromiseTracker with a new asOf recomputes statuses, words and summary; promises said later are drawn as not yet made", () => {
    const june = layoutPromiseTracker(fixture, opts({ asOf: "2025-06-19" }), 800);
    expect(june.rows.filter((r) => !r.future).map((r) => r.id)).toEqual(["tax", "tariffs", "path", "meet", "endwar", "letters", "iran"]);
    expect(june.rows.filter((r) => r.future).map((r) => [r.id, r.words.status, r.open, r.outcome])).toEqual([
      ["kept", "not yet made", undefined, undefined],
      ["broken", "not yet made", undefined, undefined],
      ["open", "not yet made", undefined, undefined],
    ]);
    // The Anchorage meeting (15 Aug) had not happened by 19 June.
    expect(row(june, "meet").status).toMatchObject({ status: "overdue", daysOverdue: 13 });
    expect(row(june, "tariffs").words.status).toBe("overdue by 36 days");
    expect(row(june, "iran").words.status).toBe("open, 14 days left");
    expect(june.prepared.chrome.summary).toBe("10 promises · 1 late · 4 overdue · 2 open · 3 not yet made · median 14 days overdue · as of 19 Jun 2025");
    const aug = layoutPromiseTracker(fixture, opts({ asOf: "2025-08-16" }), 800);
    expect(aug.prepared.chrome.summary).toBe("10 promises · 1 kept · 2 late · 1 broken · 5 overdue · 1 open · median 66 days overdue · median 63 days late · as of 16 Aug 2025");
  });

  it("layoutPromiseTracker(data) takes dataset.asOf when the option is absent", () => {
    expect(layoutPromiseTracker(fixture, opts(), 800).asOf).toBe(day("2025-08-16"));
  });

  it("layoutPromiseTracker(data, {sort}) orders by date said, by days overdue then late, or by status", () => {
    const ids = (o: Record<string, unknown>) => layoutPromiseTracker(fixture, opts(o), 800).rows.map((r) => r.id);
    expect(ids({})).toEqual(["tax", "tariffs", "path", "meet", "endwar", "letters", "iran", "kept", "broken", "open"]);
    expect(ids({ sort: "overdue" })).toEqual(["tariffs", "path", "endwar", "iran", "letters", "meet", "tax", "kept", "broken", "open"]);
    expect(ids({ sort: "status" })).toEqual(["kept", "tax", "meet", "broken", "tariffs", "path", "endwar", "letters", "iran", "open"]);
  });

  it("layoutPromiseTracker(data, {group}) adds a heading per speaker or topic above its rows", () => {
    const L = layoutPromiseTracker(fixture, opts({ group: "speaker" }), 800);
    expect(L.headings.map((h) => h.text)).toEqual(["Donald Trump (7)", "Someone Else (3)"]);
    expect(L.headings[1]!.y).toBeLessThan(row(L, "kept").top + 1);
    expect(L.headings[1]!.y).toBeGreaterThan(row(L, "iran").top + row(L, "iran").height);
    expect(layoutPromiseTracker(fixture, opts({ group: "topic" }), 800).headings).toHaveLength(10);
    expect(layoutPromiseTracker(fixture, opts(), 800).headings).toHaveLength(0);
  });

  it("layoutPromiseTracker links a restated promise and says so in its words", () => {
    const L = layoutPromiseTracker(fixture, opts(), 800);
    expect(L.links).toEqual([expect.objectContaining({ from: "path", to: "endwar", y0: row(L, "path").y, y1: row(L, "endwar").y })]);
    expect(L.links[0]!.x).toBeLessThan(L.axis.plot.x0);
    expect(row(L, "endwar").words.restates).toBe("restates Putin's path in Ukraine of 4 May");
  });

  it("layoutPromiseTracker draws a month-precision said as a span and widens the window to match", () => {
    const L = layoutPromiseTracker(fixture, opts(), 800);
    const r = row(L, "letters");
    expect(r.said.fuzzy).toBe(true);
    expect(r.said.x1 - r.said.x0).toBeGreaterThan(20);
    // 1 June + 10 days → 30 June + 14 days: every day of June is a possible start.
    expect(r.status.dueFrom).toBe(day("2025-06-11"));
    expect(r.status.dueBy).toBe(day("2025-07-14"));
    // No day is inside the window whichever day of June it was said (10 Jul > 15 Jun), so no certain core.
    expect(r.window.core).toBeUndefined();
    const t = row(L, "tariffs");
    expect(t.said.fuzzy).toBe(false);
    expect(t.said.x0).toBe(t.said.x1);
  });

  it("layoutPromiseTracker gives a fuzzy said a certain core inside the widened window when one exists", () => {
    const data = { ...fixture, promises: [p("wk", "2025-05-05/2025-05-07", "A week's span", "P14D", "P30D")] };
    const r = layoutPromiseTracker(data, opts(), 800).rows[0]!;
    expect(r.said.fuzzy).toBe(true);
    expect(r.window.core).toBeDefined();
    expect(r.window.core!.x0).toBeGreaterThan(r.window.x0);
    expect(r.window.core!.x1).toBeLessThan(r.window.x1);
  });

  it("layoutPromiseTracker places marks in order: said, window, then outcome, gap, overdue bar or open marker", () => {
    const L = layoutPromiseTracker(fixture, opts(), 800);
    const late = row(L, "meet");
    expect(late.said.x0).toBeLessThan(late.window.x0);
    expect(late.gap!.x0).toBeCloseTo(late.window.x1);
    expect(late.gap!.x1).toBe(late.outcome!.x);
    expect(late.outcome!.kind).toBe("late");
    const od = row(L, "tariffs");
    expect(od.overdue!.x0).toBeCloseTo(od.window.x1);
    expect(od.overdue!.x1).toBeCloseTo(L.asOfMark!.x);
    expect(od.note!.text).toBe("+94 d");
    const kept = row(L, "kept");
    expect(kept.outcome!.x).toBeLessThan(kept.window.x1);
    expect(kept.gap).toBeUndefined();
    expect(row(L, "broken").outcome!.kind).toBe("broken");
    expect(row(L, "open").open!.x1).toBeCloseTo(L.asOfMark!.x);
    expect(L.asOfMark!.label.text).toBe("as of 16 Aug 2025");
  });

  it("layoutPromiseTracker cuts the axis between 2017 and 2025 and marks overdue bars that cross the cut", () => {
    const L = layoutPromiseTracker(fixture, opts(), 800);
    expect(L.axis.segments).toHaveLength(2);
    expect(L.axis.breaks).toHaveLength(1);
    expect(row(L, "tax").outcome!.x).toBeLessThan(L.axis.breaks[0]!);
    expect(row(L, "tariffs").said.x0).toBeGreaterThan(L.axis.breaks[0]!);
    const old = { ...fixture, promises: [p("old", "2017-02-09", "Never done", "P14D", "P21D"), p("new", "2025-05-01", "New", "P14D", "P14D")] };
    const O = layoutPromiseTracker(old, opts(), 800);
    expect(O.axis.breaks).toHaveLength(1);
    expect(row(O, "old").overdue!.breaks).toEqual(O.axis.breaks);
  });

  it("layoutPromiseTracker(data, {compact: 'auto'}) goes compact below 560 px and puts labels above the bars", () => {
    expect(layoutPromiseTracker(fixture, opts(), 559).compact).toBe(true);
    expect(layoutPromiseTracker(fixture, opts(), 560).compact).toBe(false);
    expect(layoutPromiseTracker(fixture, opts({ compact: true }), 1200).compact).toBe(true);
    const C = layoutPromiseTracker(fixture, opts(), 320);
    for (const r of C.rows) for (const line of r.lines) expect(line.y).toBeLessThan(r.y - 8);
    const W = layoutPromiseTracker(fixture, opts(), 800);
    for (const r of W.rows) for (const line of r.lines) expect(line.anchor === "end" ? line.x : line.x + textWidth(line.text, line.size, true)).toBeLessThan(W.axis.plot.x0);
  });

  it.each([320, 400, 560, 800, 1200])("layoutPromiseTracker at %i px: no two labels intersect, no label touches a mark, all inside the width", (width) => {
    for (const o of [{}, { group: "speaker" }, { sort: "overdue" }]) {
      const L = layoutPromiseTracker(fixture, opts(o), width);
      const boxes = textBoxes(L);
      for (let i = 0; i < boxes.length; i++) {
        expect(boxes[i]!.x).toBeGreaterThanOrEqual(0);
        expect(boxes[i]!.x + boxes[i]!.width).toBeLessThanOrEqual(width);
        for (let j = i + 1; j < boxes.length; j++) expect(boxesIntersect(boxes[i]!, boxes[j]!), `${JSON.stringify(boxes[i])} ${JSON.stringify(boxes[j])}`).toBe(false);
      }
      const marks = L.rows.map(markBox);
      for (const m of marks) {
        expect(m.x).toBeGreaterThanOrEqual(0);
        expect(m.x + m.width).toBeLessThanOrEqual(width);
        for (const b of boxes) if (!L.rows.some((r) => r.note && b.x === r.note.x)) expect(boxesIntersect(m, b)).toBe(false);
      }
      // Rows stack without overlapping, inside the height.
      for (let i = 1; i < L.rows.length; i++) expect(L.rows[i]!.top).toBeGreaterThanOrEqual(L.rows[i - 1]!.top + L.rows[i - 1]!.height);
      expect(L.height).toBeGreaterThanOrEqual(L.rows.at(-1)!.top + L.rows.at(-1)!.height);
    }
  });

  it("layoutPromiseTracker puts an undated outcome just after the window, with no gap", () => {
    const data = { ...fixture, promises: [p("k", "2025-05-01", "Kept, no date", "P14D", "P14D", { outcome: { status: "kept" } }), p("b", "2025-05-02", "Broken, no date", "P14D", "P14D", { outcome: { status: "broken" } })] };
    const L = layoutPromiseTracker(data, opts(), 800);
    for (const r of L.rows) {
      expect(r.outcome!.x).toBeCloseTo(r.window.x1 + 8);
      expect(r.gap).toBeUndefined();
    }
    expect(L.rows.map((r) => r.words.status)).toEqual(["kept", "broken"]);
  });

  it("layoutPromiseTracker(data, {highlight}) flags the named rows", () => {
    const L = layoutPromiseTracker(fixture, opts({ highlight: "iran, tax" }), 800);
    expect(L.rows.filter((r) => r.highlight).map((r) => r.id)).toEqual(["tax", "iran"]);
  });

  it("layoutPromiseTracker(data, {locale: 'de-DE'}) prints dates and numbers in that locale", () => {
    const L = layoutPromiseTracker(fixture, opts({ locale: "de-DE" }), 800);
    expect(row(L, "tariffs").words.said).toBe("said 23. Apr.");
    expect(L.prepared.chrome.summary).toContain("as of 16. Aug. 2025");
  });
});

describe("promise tracker: shared scales, outliers, chains, years and deadlines (issues 12, 16, 17)", () => {
  const DOMAIN = ["2017-02", "2025-08-16"];
  it("two trackers with the same domain share one time scale whatever their as-of days (without it they do not)", () => {
    // The promises said by 19 June: as of 16 August the axis would run on two months further.
    const early = { ...fixture, promises: fixture.promises.filter((q) => q.said < "2025-06-19") };
    const a = layoutPromiseTracker(early, opts({ asOf: "2025-06-19", domain: DOMAIN }), 600);
    const b = layoutPromiseTracker(early, opts({ asOf: "2025-08-16", domain: DOMAIN }), 600);
    expect(a.axis.segments).toEqual(b.axis.segments);
    expect(a.axis.plot.x1).toBe(b.axis.plot.x1);
    for (const id of ["tax", "tariffs", "endwar", "letters"]) {
      expect(row(a, id).said.x0, id).toBeCloseTo(row(b, id).said.x0, 6);
      expect(row(a, id).window.x1, id).toBeCloseTo(row(b, id).window.x1, 6);
    }
    const c = layoutPromiseTracker(early, opts({ asOf: "2025-06-19" }), 600);
    const d = layoutPromiseTracker(early, opts({ asOf: "2025-08-16" }), 600);
    expect(row(c, "tariffs").window.x1).not.toBeCloseTo(row(d, "tariffs").window.x1, 0);
  });
  it("domain takes text (data-domain, --domain) or a pair, and refuses a reversed range", () => {
    expect(opts({ domain: "2017-02/2025-08-16" }).domain).toEqual(opts({ domain: DOMAIN }).domain);
    expect(opts({ domain: DOMAIN }).domain).toEqual([day("2017-02-01"), day("2025-08-17")]);
    expect(() => opts({ domain: ["2025-08", "2025-01"] })).toThrow(/before/);
  });
  it("an early outlier (one 2017 promise) gets a narrow segment, and the dense months most of the plot", () => {
    for (const width of [320, 800, 1200]) {
      const L = layoutPromiseTracker(fixture, opts(), width);
      const [first, last] = [L.axis.segments[0]!, L.axis.segments.at(-1)!];
      const plot = L.axis.plot.x1 - L.axis.plot.x0;
      expect(L.axis.segments.length).toBe(2);
      expect((first.x1 - first.x0) / plot, `${width} px`).toBeLessThan(0.25);
      expect((last.x1 - last.x0) / plot, `${width} px`).toBeGreaterThan(0.7);
    }
    // The scale alone: the counts narrow the sparse segment; without them it keeps its share of the time.
    const segs: Array<[number, number]> = [[day("2017-02-09"), day("2017-04-27")], [day("2025-04-23"), day("2025-08-16")]];
    const plain = brokenTimeScale(segs, 0, 1000, 22, 0.12);
    const counted = brokenTimeScale(segs, 0, 1000, 22, 0.12, [1, 13]);
    const w0 = (s: typeof plain) => s.segments[0]!.x1 - s.segments[0]!.x0;
    expect(w0(plain)).toBeGreaterThan(300);
    expect(w0(counted)).toBeLessThan(180);
  });
  it("restatement chains each get their own column; the links of one chain share it", () => {
    const data: Dataset = {
      ...fixture,
      promises: [
        p("a1", "2025-05-01", "A first", "P14D", "P14D"),
        p("b1", "2025-05-02", "B first", "P14D", "P14D"),
        p("a2", "2025-05-03", "A again", "P14D", "P14D", { supersedes: "a1" }),
        p("b2", "2025-05-04", "B again", "P14D", "P14D", { supersedes: "b1" }),
        p("a3", "2025-05-05", "A a third time", "P14D", "P14D", { supersedes: "a2" }),
        p("c1", "2025-05-06", "C first", "P14D", "P14D"),
        p("c2", "2025-05-07", "C again", "P14D", "P14D", { supersedes: "c1" }),
      ],
    };
    for (const width of [320, 800]) {
      const L = layoutPromiseTracker(data, opts(), width);
      const x = (to: string) => L.links.find((k) => k.to === to)!.x;
      expect(L.links.length).toBe(4);
      expect(x("a2")).toBe(x("a3"));
      expect(x("b2")).not.toBe(x("a2"));
      // C starts after A and B end: it may reuse a column without touching either.
      expect([x("a2"), x("b2")]).toContain(x("c2"));
      // No column runs through a label: every bracket sits left of the plot (or, compact, left of the labels).
      for (const k of L.links) {
        if (L.compact) for (const r of L.rows) for (const l of r.lines) expect(k.x).toBeLessThan(l.x - 2);
        else expect(k.x).toBeGreaterThan(L.axis.plot.x0 - 30), expect(k.x).toBeLessThan(L.axis.plot.x0);
      }
    }
  });
  it("year labels name the year they stand over (five years of data from January 2020 start at 2020, not 2019)", () => {
    const promises: PromiseRecord[] = [];
    for (let k = 0; k < 60; k++) {
      const t = new Date(day("2020-01-03") + k * 30 * DAY).toISOString().slice(0, 10);
      promises.push(p(`s${k}`, t, `Topic ${k}`, "P14D", "P14D"));
    }
    for (const width of [320, 800, 1200]) {
      const L = layoutPromiseTracker({ ...fixture, promises }, opts({ asOf: "2025-01-01" }), width);
      // Year labels above month ticks, or (narrow) the ticks are the years.
      const years = (L.axis.years.length ? L.axis.years : L.axis.ticks).map((y) => Number(y.text));
      // No label names the padding's year (2019); year labels over month ticks start at the data's first year.
      expect(Math.min(...years), `${width} px`).toBeGreaterThanOrEqual(2020);
      if (L.axis.years.length) expect(years[0], `${width} px`).toBe(2020);
      expect(years.every((y, i) => i === 0 || y > years[i - 1]!)).toBe(true);
    }
  });
  it("every row is at least 46 px tall (a 44 px tap target inside its 1 px focus inset), at 320 and 1,200 px", () => {
    for (const width of [320, 1200]) for (const r of layoutPromiseTracker(fixture, opts(), width).rows) expect(r.height, `${r.id} at ${width}`).toBeGreaterThanOrEqual(46);
  });
  it("a due date in another year than the as-of year shows its year; a deadline reads 'due by' the day or month named", () => {
    const data: Dataset = {
      ...fixture,
      promises: [
        p("year", "2021-08-18", "Within a year", "P1Y", "P1Y"),
        { id: "sept", speaker: "trump", said: "2021-08-18", topic: "Out by September", quote: "q", deadline: "2021-09-11" } as PromiseRecord,
        { id: "march", speaker: "trump", said: "2021-08-18", topic: "By March", quote: "q", deadline: "2022-03" } as PromiseRecord,
      ],
    };
    const then = layoutPromiseTracker(data, opts({ asOf: "2021-09-01" }), 800);
    expect(row(then, "year").words.due).toBe("due 18 Aug 2022");
    expect(row(then, "march").words.due).toBe("due by March 2022");
    const later = layoutPromiseTracker(data, opts({ asOf: "2022-09-01" }), 800);
    expect(row(later, "year").words.said).toBe("said 18 Aug 2021");
    expect(row(later, "year").words.due).toBe("due 18 Aug 2022");
    expect(row(later, "sept").words.due).toBe("due by 11 Sept 2021");
    expect(row(later, "sept").name).toContain("due by 11 Sept 2021");
  });
});
