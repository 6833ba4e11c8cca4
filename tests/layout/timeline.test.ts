import { describe, expect, it } from "vitest";
import seeds from "../../examples/data/seeds.json";
import { resolveTimelineOptions } from "../../src/charts/timeline.js";
import { boxesIntersect } from "../../src/layout/text.js";
import { labelCollisions, layoutTimeline, type TimelineLayout } from "../../src/layout/timeline.js";
import { groupClusters, placeColumn, placeTiers } from "../../src/layout/timelineLabels.js";
import { OptionError } from "../../src/model/options.js";
import type { Dataset, Event } from "../../src/model/types.js";
import { parseDataset } from "../../src/model/validate.js";

const DAY = 86_400_000;
const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
const dataset = parseDataset(seeds);
const layout = (o: Record<string, unknown> = {}, width = 800, data: Dataset = dataset) => layoutTimeline(data, resolveTimelineOptions(o), width);
const mark = (L: TimelineLayout, id: string) => L.marks.find((m) => m.id === id)!;
/** Where `ms` falls on the layout's time axis (x when horizontal, y when vertical; on a broken axis, in its segment). */
const pos = (L: TimelineLayout, ms: number) => {
  const seg = L.segments?.find((s) => ms >= s.t0 && ms <= s.t1);
  if (seg) return seg.x0 + ((ms - seg.t0) / (seg.t1 - seg.t0)) * (seg.x1 - seg.x0);
  const [x1, y1, x2, y2] = L.axis;
  const [a, b] = L.orientation === "horizontal" ? [x1, x2] : [y1, y2];
  return a + ((ms - L.domain[0]) / (L.domain[1] - L.domain[0])) * (b - a);
};
const ds = (events: Event[], extra: Partial<Dataset> = {}): Dataset => ({ version: 1, sources: [], actors: [{ id: "a", name: "A" }, { id: "b", name: "B" }, { id: "c", name: "C" }], events, claims: [], promises: [], ...extra });
const ev = (id: string, date: string, extra: Partial<Event> = {}): Event => ({ id, date, kind: "meeting", title: `Event ${id}`, ...extra });

/** A deterministic dense year: n events, a few per day, some month precision, some approximate. */
function denseYear(n: number): Dataset {
  let s = 7;
  const r = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const kinds = ["call", "meeting", "visit", "summit", "treaty", "deployment", "statement", "briefing"];
  const events = Array.from({ length: n }, (_, i) => {
    const d = new Date(day("2025-01-01") + Math.floor(r() * 365) * DAY).toISOString().slice(0, 10);
    const f = r();
    return ev(`e${i}`, f < 0.85 ? d : f < 0.95 ? d.slice(0, 7) : `${d}~`, { kind: kinds[i % kinds.length]!, title: `Synthetic ${kinds[i % kinds.length]} number ${i}`, participants: [["a", "b", "c"][i % 3]!] });
  });
  return ds(events, { asOf: "2025-12-31" });
}

describe("layoutTimeline positions", () => {
  const L = layout({ domain: ["2024-05", "2025-10"] }, 800);

  it("layoutTimeline(seeds) draws a day as a point at its noon", () => {
    const m = mark(L, "putin-kim-call");
    expect(m.band).toBeUndefined();
    expect(m.x).toBeCloseTo(pos(L, day("2025-08-12") + DAY / 2), 6);
    expect(m.dateText).toBe("Tuesday (12 August), 2025");
  });

  it("layoutTimeline(seeds) draws a month as a band across the month, never as a day: its symbol at the band's start, not mid-month", () => {
    const m = mark(L, "treaty-signing");
    expect(m.band!.x).toBeCloseTo(pos(L, day("2024-06-01")), 6);
    expect(m.band!.x + m.band!.width).toBeCloseTo(pos(L, day("2024-07-01")), 6);
    expect(m.x).toBeLessThanOrEqual(m.band!.x + 7.001);
    expect(m.x).toBeLessThan(m.band!.x + m.band!.width / 2);
    expect(m.dateText).toBe("June 2024");
  });

  it("layoutTimeline(seeds, {domain}) continues a year cut by the domain to the edge", () => {
    const m = mark(L, "kursk-incursion");
    expect(m.ends[0]).toBe("open");
    expect(m.band!.x).toBe(L.axis[0]);
    expect(m.band!.x + m.band!.width).toBeCloseTo(pos(L, day("2025-01-01")), 6);
    expect(m.dateText).toBe("last year (2024)");
    expect(L.hidden).toBe(1); // the 2022 invasion is outside the domain
  });

  it("layoutTimeline(seeds) draws an interval as a bar from its first to its last day", () => {
    const m = mark(L, "shoigu-visit-march");
    expect(m.band!.x).toBeCloseTo(pos(L, day("2025-03-21")), 6);
    expect(m.band!.x + m.band!.width).toBeCloseTo(pos(L, day("2025-04-01")), 6);
    expect(m.ends).toEqual(["closed", "closed"]);
  });

  it("layoutTimeline(seeds) keeps an unknown start unknown: the band is the known month, the end style says the rest", () => {
    const m = mark(L, "kim-putin-letters");
    expect(m.ends).toEqual(["unknown", "closed"]);
    expect(m.band!.x).toBeCloseTo(pos(L, day("2025-06-01")), 6);
  });

  it("layoutTimeline(data) flags an uncertain day (?) without making it a span", () => {
    const m = mark(layout({}, 800, ds([ev("a", "2025-06-18?"), ev("b", "2025-07-01")])), "a");
    expect(m.uncertain).toBe(true);
    expect(m.band).toBeUndefined();
  });

  it("layoutTimeline(data) gives approximate ends soft styles and open ends the plot edge", () => {
    const L2 = layout({}, 800, ds([ev("a", "2025-03~"), ev("b", "2025-06-02/.."), ev("c", "2025-01-10", { end: "2025-01-20" }), ev("d", "2025-02-03%")]));
    expect(mark(L2, "a").ends).toEqual(["soft", "soft"]);
    expect(mark(L2, "a").approximate).toBe(true);
    const b = mark(L2, "b");
    expect(b.ends).toEqual(["closed", "open"]);
    expect(b.band!.x + b.band!.width).toBe(L2.axis[2]);
    expect(mark(L2, "c").band!.width).toBeCloseTo(pos(L2, day("2025-01-21")) - pos(L2, day("2025-01-10")), 6);
    expect(mark(L2, "c").dateText).toBe("Jan 10, 2025 – Jan 20, 2025");
    expect(mark(L2, "d")).toMatchObject({ approximate: true, uncertain: true });
    expect(mark(L2, "d").dateText).toBe("c. Feb 3, 2025?");
  });

  it("layoutTimeline orders marks by time (the keyboard order)", () => {
    const starts = L.marks.map((m) => m.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("layoutTimeline(seeds, {orientation: 'vertical'}) runs time down the page", () => {
    const V = layout({ orientation: "vertical" }, 800);
    expect(V.orientation).toBe("vertical");
    expect(mark(V, "trump-putin-summit").y).toBeGreaterThan(mark(V, "putin-kim-call").y);
    // A list: each event's mark sits on its own label row, and the axis runs through the rows in time order.
    const call = mark(V, "putin-kim-call");
    expect(call.y).toBeCloseTo(call.label!.y + 8, 6);
    const ticks = V.ticks.map((tk) => tk.pos);
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
    const days = V.marks.filter((m) => !m.band);
    for (let k = 1; k < days.length; k++) expect(days[k]!.y, days[k]!.id).toBeGreaterThan(days[k - 1]!.y);
  });

  it("layoutTimeline(seeds, {orientation: 'auto'}) turns vertical below the breakpoint", () => {
    expect(layout({}, 559).orientation).toBe("vertical");
    expect(layout({}, 560).orientation).toBe("horizontal");
    expect(layout({ breakpoint: 900 }, 800).orientation).toBe("vertical");
    expect(layout({ orientation: "horizontal" }, 320).orientation).toBe("horizontal");
  });

  it("layoutTimeline(seeds, vertical, 320 px): the as-of label sits on its line, or an elbow leads from the line to it", () => {
    const V = layout({ orientation: "vertical" }, 320);
    const a = V.asOf!;
    const y = a.line[1];
    expect(a.line[3]).toBe(y);
    const labelMid = a.label.y + 8;
    if (Math.abs(labelMid - y) > 4) {
      expect(a.leader, "a moved label needs a leader").toBeDefined();
      expect(a.leader![0]).toEqual([a.line[2], y]);
      expect(a.leader![a.leader!.length - 1]![1]).toBeCloseTo(labelMid, 0);
    } else expect(a.leader).toBeUndefined();
  });

  it("layoutTimeline(seeds) puts the as-of marker at dataset.asOf, or the option, or nowhere", () => {
    expect(L.asOf!.ms).toBe(day("2025-08-16") + DAY / 2);
    expect(L.asOf!.text).toBe("As of Aug 16, 2025");
    expect(layout({ locale: "en-GB" }).asOf!.text).toBe("As of 16 Aug 2025");
    expect(layout({ asOf: "2025-07-01", domain: ["2024-05", "2025-10"] }).asOf!.ms).toBe(day("2025-07-01") + DAY / 2);
    expect(layout({ asOf: false }).asOf).toBeUndefined();
  });

  it("layoutTimeline(seeds, {periods}) shades each period and labels it", () => {
    const P = layout({ domain: ["2024-05", "2025-10"], periods: [{ start: "2022-02-24", end: "..", label: "War in Ukraine" }, { start: "2025-08-12", end: "2025-08-15", label: "Road to Anchorage" }] });
    expect(P.periods.map((p) => p.text)).toEqual(["War in Ukraine", "Road to Anchorage"]);
    expect(P.periods[0]!.box.x).toBe(P.axis[0]);
    expect(P.periods[1]!.box.x).toBeCloseTo(pos(P, day("2025-08-12")), 6);
    expect(P.periods[1]!.box.x + P.periods[1]!.box.width).toBeCloseTo(pos(P, day("2025-08-16")), 6);
  });
});

describe("layoutTimeline lanes", () => {
  it("layoutTimeline(seeds, {lanes: 'participants'}) makes a lane per actor in dataset order and draws a shared event once, linked", () => {
    const L = layout({ lanes: "participants" }, 1200);
    const keys = L.lanes.map((l) => l.key);
    const actorOrder = dataset.actors.map((a) => a.id).filter((id) => keys.includes(id));
    expect(keys.slice(0, actorOrder.length)).toEqual(actorOrder);
    expect(keys[keys.length - 1]).toBe(""); // events without participants
    expect(L.lanes[L.lanes.length - 1]!.name).toBe("Others");
    // Trump and Putin meet: one mark, in Putin's lane (Putin comes first among the actors), a dot in Trump's.
    const summit = mark(L, "trump-putin-summit");
    expect(L.marks.filter((m) => m.id === "trump-putin-summit")).toHaveLength(1);
    expect(keys[summit.lane]).toBe("putin");
    const trumpY = L.lanes[keys.indexOf("trump")]!.line[1];
    expect(summit.link!.dots).toEqual([[summit.x, trumpY]]);
    expect(summit.link!.line).toEqual([summit.x, summit.y, summit.x, trumpY]);
    expect(keys[mark(L, "opm-fork-in-the-road-email").lane]).toBe("");
  });

  it("layoutTimeline(seeds, {lanes: 'kind'}) makes a lane per kind, known kinds first", () => {
    const L = layout({ lanes: "kind" }, 1200);
    expect(L.lanes.map((l) => l.name).slice(0, 7)).toEqual(["Calls", "Meetings", "Visits", "Summits", "Treaties", "Deployments", "Statements"]);
    for (const m of L.marks) expect(L.lanes[m.lane]!.key).toBe(m.kind);
  });

  it("layoutTimeline(seeds, {lanes: 'participants'}) at 320 px has no room for 16 columns and draws one lane, saying so", () => {
    const L = layout({ lanes: "participants" }, 320);
    expect(L.lanesHidden).toBe(true);
    expect(L.lanes).toHaveLength(1);
    const few = layout({ lanes: "participants", domain: ["2025-06", "2025-08"] }, 320);
    expect(few.lanesHidden).toBe(false);
    expect(few.lanes.length).toBeGreaterThan(1);
    expect(few.lanes.every((l) => l.label?.rotate)).toBe(true);
  });

  it("layoutTimeline(seeds, {lanes: 'none'}) uses one unlabelled lane", () => {
    const L = layout({}, 800);
    expect(L.lanes).toHaveLength(1);
    expect(L.lanes[0]!.label).toBeUndefined();
  });
});

describe("layoutTimeline labels never overlap", () => {
  const variants: Array<Record<string, unknown>> = [
    {},
    { lanes: "participants" },
    { lanes: "kind" },
    { orientation: "horizontal" },
    { orientation: "horizontal", lanes: "participants" },
    { orientation: "vertical", lanes: "participants" },
    { domain: ["2025-04", "2025-08"], annotations: { "trump-putin-summit": "The first meeting of the two in person since 2019" }, periods: [{ start: "2025-08-12", end: "2025-08-15", label: "The week of the summit" }] },
    { locale: "ko-KR" },
    { locale: "ru-RU", orientation: "horizontal" },
  ];
  for (const width of [320, 800, 1200]) {
    for (const o of variants) {
      it(`layoutTimeline(seeds, ${JSON.stringify(o)}) at ${width} px: no two label boxes intersect, all inside the chart`, () => {
        const L = layout(o, width);
        expect(labelCollisions(L)).toEqual([]);
        for (const b of L.labels) {
          expect(b.x, b.key).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width, b.key).toBeLessThanOrEqual(width + 0.01);
          expect(b.y, b.key).toBeGreaterThanOrEqual(0);
          expect(b.y + b.height, b.key).toBeLessThanOrEqual(L.height);
        }
        // Every record is labelled or in a cluster, never dropped.
        for (const m of L.marks) expect(!!m.label !== (m.cluster !== undefined), m.id).toBe(true);
      });
    }
  }

  it("labelCollisions(layout) finds intersecting boxes (the check itself works)", () => {
    const L = layout({}, 800);
    const a = L.labels[0]!;
    const broken = { ...L, labels: [...L.labels, { ...a, key: "copy", x: a.x + 1 }] };
    expect(labelCollisions(broken)).toContainEqual(expect.arrayContaining(["copy"]));
  });

  it("layoutTimeline(seeds) at 320 px vertical wraps labels to the column instead of truncating the title to nothing", () => {
    const L = layout({ domain: ["2025-03", "2025-09"] }, 320);
    const m = L.marks.find((x) => x.label && x.label.lines.filter((l) => l.role === "title").length > 1);
    expect(m).toBeDefined();
    for (const x of L.marks) if (x.label) expect(x.label.x + x.label.width).toBeLessThanOrEqual(320);
  });

  it("layoutTimeline(seeds, {annotations}) shows the editor's note in the event's label", () => {
    const L = layout({ domain: ["2025-04", "2025-09"], annotations: { "putin-kim-call": "Three days before Anchorage" } }, 800);
    const notes = mark(L, "putin-kim-call").label!.lines.filter((l) => l.role === "note").map((l) => l.text).join(" ");
    expect(notes).toBe("Note: Three days before Anchorage");
  });

  it("layoutTimeline: events with ids like 'constructor' or '__proto__' get no note they were not given, and a note keyed '__proto__' is kept", () => {
    const data = ds([ev("constructor", "2025-04-01"), ev("__proto__", "2025-05-01"), ev("toString", "2025-06-01")]);
    const plain = layout({ orientation: "horizontal" }, 800, data);
    for (const m of plain.marks) expect(m.label?.lines.some((l) => l.role === "note") ?? false, m.id).toBe(false);
    const noted = layout({ orientation: "horizontal", annotations: JSON.parse('{"__proto__": "Keyed by an unlucky id"}') }, 800, data);
    expect(mark(noted, "__proto__").label!.lines.filter((l) => l.role === "note").map((l) => l.text).join(" ")).toBe("Note: Keyed by an unlucky id");
  });
});

describe("layoutTimeline clusters", () => {
  it("layoutTimeline(dense day) collapses what cannot be labelled into a '+N events' cluster holding every record", () => {
    const events = Array.from({ length: 12 }, (_, i) => ev(`d${i}`, "2025-04-28", { title: `Statement number ${i} on the same Monday` }));
    const L = layout({ orientation: "horizontal" }, 320, ds([...events, ev("far", "2025-01-02")]));
    expect(L.clusters.length).toBeGreaterThan(0);
    const clustered = L.clusters.flatMap((c) => c.members);
    const labelled = L.marks.filter((m) => m.label).length;
    expect(clustered.length + labelled).toBe(13);
    for (const c of L.clusters) expect(c.label.lines[0]!.text).toBe(`+${c.members.length} ${c.members.length === 1 ? "event" : "events"}`);
    expect(labelCollisions(L)).toEqual([]);
    // Small clusters list their members on focus.
    const small = L.clusters.find((c) => c.members.length <= 8);
    if (small) expect(small.panel!.rows.map((r) => r.mark)).toEqual(small.members);
  });

  it("layoutTimeline(10,000 events) completes with clusters, few labels and no collisions", () => {
    const big = denseYear(10_000);
    for (const [o, width] of [[{}, 1200], [{}, 320], [{ lanes: "participants" }, 800]] as const) {
      const L = layout(o, width, big);
      expect(L.marks).toHaveLength(10_000);
      const labelled = L.marks.filter((m) => m.label).length;
      expect(labelled).toBeLessThan(400);
      expect(L.clusters.reduce((s, c) => s + c.members.length, 0) + labelled).toBe(10_000);
      expect(labelCollisions(L)).toEqual([]);
      // Big clusters are not listed (the DOM stays one small element per record).
      expect(L.clusters.filter((c) => c.members.length > 8).every((c) => !c.panel)).toBe(true);
    }
  });
});

describe("timelineLabels", () => {
  it("placeTiers(items) stacks close labels so no leader crosses a lower label", () => {
    const items = [0, 10, 20, 30].map((at, i) => ({ i, at: 100 + at, widths: [80] }));
    const { placed, overflow } = placeTiers(items, 0, 400, 3);
    expect(placed.length + overflow.length).toBe(4);
    for (const p of placed) {
      for (const q of placed) {
        if (p === q) continue;
        if (p.tier === q.tier) expect(p.b <= q.a || q.b <= p.a).toBe(true);
        if (q.tier < p.tier) expect(items[p.i]!.at < q.a - 2 || items[p.i]!.at > q.b + 2).toBe(true);
      }
    }
  });

  it("groupClusters(items, reach) merges clusters whose labels would collide", () => {
    const cs = groupClusters([0, 5, 60, 64, 300].map((at, i) => ({ i, at })), 48, () => 70, 0, 500);
    expect(cs.map((c) => c.members)).toEqual([[0, 1, 2, 3], [4]]);
    for (let k = 1; k < cs.length; k++) expect(cs[k]!.a).toBeGreaterThanOrEqual(cs[k - 1]!.b);
  });

  it("placeColumn(items) stacks labels downward and clusters runs pushed too far", () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ i, at: 100 + i, forced: false }));
    const slots = placeColumn(items, { gap: 4, maxShift: 90, reach: 60, clusterH: 18, size: (_, short) => (short ? 20 : 30) });
    let bottom = -Infinity;
    let count = 0;
    for (const s of slots) {
      expect(s.top).toBeGreaterThanOrEqual(bottom);
      bottom = s.top + (s.cluster ? 18 : s.short ? 20 : 30);
      count += s.cluster ? s.cluster.members.length : 1;
    }
    expect(count).toBe(20);
    expect(slots.some((s) => s.cluster)).toBe(true);
  });

  it("boxesIntersect is the overlap rule the tests use", () => {
    expect(boxesIntersect({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 5, height: 5 })).toBe(false);
  });
});

describe("resolveTimelineOptions", () => {
  it("resolveTimelineOptions({}) gives the documented defaults", () => {
    expect(resolveTimelineOptions({})).toEqual({ locale: "en-US", theme: "light", orientation: "auto", lanes: "none", annotations: {}, breakpoint: 560 });
  });

  it("resolveTimelineOptions reads data-attribute strings", () => {
    const o = resolveTimelineOptions({ domain: "2025-03, 2025-08", asOf: "false", breakpoint: "600", periods: '[{"start":"2025-08-12","end":"..","label":"x"}]' });
    expect(o.domain).toEqual(["2025-03", "2025-08"]);
    expect(o.asOf).toBe(false);
    expect(o.breakpoint).toBe(600);
    expect(o.periods).toEqual([{ start: "2025-08-12", label: "x" }]);
  });

  it.each([
    [{ orientation: "diagonal" }, /option orientation: expected one of "horizontal", "vertical", "auto"/],
    [{ lanes: "actors" }, /option lanes/],
    [{ domain: ["2025-13", "2025-08"] }, /option domain\[0\]: "2025-13" has no month 13/],
    [{ domain: ["2025-08", "2025-03"] }, /option domain: 2025-03 is before 2025-08/],
    [{ domain: "2025" }, /option domain: expected \[start, end\]/],
    [{ asOf: "16 August 2025" }, /option asOf: .*write 2025-08-16/],
    [{ periods: [{ start: "2025-02-30", label: "x" }] }, /option periods\[0\].start/],
    [{ annotations: { a: 5 } }, /option annotations.a: expected text, got 5/],
    [{ annotations: "{a: 'not JSON'}" }, /option annotations: expected an object \(or its JSON text\), got "\{a: 'not JSON'\}"/],
    [{ periods: "[{start: 2025}" }, /option periods: expected a list of \{ start, end, label \} \(or its JSON text\)/],
    [{ breakpoint: -1 }, /option breakpoint/],
  ])("resolveTimelineOptions(%j) throws an OptionError naming the option", (input, message) => {
    expect(() => resolveTimelineOptions(input)).toThrow(OptionError);
    expect(() => resolveTimelineOptions(input)).toThrow(message);
  });
});

describe("layoutTimeline: the editor decides what is labelled, and the space is used before clustering (issue 12)", () => {
  const labelled = (L: TimelineLayout) => L.marks.filter((m) => m.label && m.cluster === undefined).length;
  const sound = (L: TimelineLayout) => {
    expect(labelCollisions(L)).toEqual([]);
    for (const b of L.labels) {
      expect(b.x, b.key).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, b.key).toBeLessThanOrEqual(L.width + 0.01);
      expect(b.y, b.key).toBeGreaterThanOrEqual(0);
      expect(b.y + b.height, b.key).toBeLessThanOrEqual(L.height);
    }
  };
  /** A label's lines: never cut inside a word (a cut ends at a whole word with "…"), the date never cut. */
  const wholeWords = (L: TimelineLayout) => {
    for (const m of L.marks) {
      if (!m.label) continue;
      const words = new Set(`${m.event.title} ${m.entry.dateLine} ${m.entry.noteLine ?? ""}`.split(/\s+/));
      for (const l of m.label.lines) for (const w of l.text.replace(/…$/, "").split(/\s+/)) expect(words.has(w) || words.has(`${w},`) || [...words].some((x) => x.startsWith(w) && /^[,;:.–-]+$/.test(x.slice(w.length))), `${m.id}: "${l.text}"`).toBe(true);
      const flat = (x: string) => x.replace(/\s+/gu, " ");
      expect(flat(m.label.lines.filter((l) => l.role === "date").map((l) => l.text).join(" ")), m.id).toBe(flat(m.entry.dateLine));
    }
  };

  it("the seed story's own domain (May 2024 – October 2025) at 1,200 px labels at least 20 of the 23 events in view", () => {
    const L = layout({ domain: ["2024-05", "2025-10"] }, 1200);
    expect(L.marks).toHaveLength(23);
    expect(labelled(L)).toBeGreaterThanOrEqual(20);
    sound(L);
    wholeWords(L);
    // The events the story's description names are among them.
    for (const id of ["treaty-signing", "nk-troop-deployment", "shoigu-visit-march", "shoigu-visit-june-4", "kremlin-confirmation-april", "north-korea-confirmation", "kim-putin-letters", "putin-kim-call", "trump-putin-summit"]) expect(mark(L, id).label, id).toBeDefined();
  });

  it("a story of about ten events is labelled in full at 1,200 and at 320 px, with whole words and whole dates", () => {
    const ids = ["trump-store-meeting", "russia-top-general-confirmation", "north-korea-confirmation", "putin-thanks-kim", "peskov-no-plans", "trump-carney-meeting", "shoigu-visit-june-4", "paris-military-chiefs-meeting", "putin-kim-call", "trump-putin-summit"];
    const ten = { ...dataset, events: dataset.events.filter((e) => ids.includes(e.id)) };
    for (const width of [1200, 320]) {
      const L = layout({}, width, ten);
      expect(L.marks, `${width}`).toHaveLength(10);
      expect(labelled(L), `${width}`).toBe(10);
      expect(L.clusters, `${width}`).toEqual([]);
      sound(L);
      wholeWords(L);
    }
  });

  it("highlighted events are never folded into '+N events', in either orientation, even in a dense year", () => {
    const big = denseYear(400);
    const picks = ["e5", "e77", "e78", "e200", "e399"];
    for (const [o, width] of [[{ orientation: "horizontal" }, 1200], [{ orientation: "horizontal" }, 320], [{ orientation: "vertical" }, 320]] as const) {
      const plain = layout(o, width, big);
      expect(plain.clusters.length, "the control clusters").toBeGreaterThan(0);
      const L = layout({ ...o, highlight: picks }, width, big);
      for (const id of picks) {
        expect(mark(L, id).cluster, `${id} at ${width}`).toBeUndefined();
        expect(mark(L, id).label, `${id} at ${width}`).toBeDefined();
      }
      expect(labelCollisions(L)).toEqual([]);
    }
  });

  it("rank decides who gets a label when space is short: importance outranks kind", () => {
    const crowd = Array.from({ length: 30 }, (_, i) => ev(`s${i}`, "2025-04-28", { kind: "summit", title: `Summit number ${i}` }));
    const minor = ev("minor", "2025-04-28", { kind: "statement", title: "A statement that matters", importance: 5 });
    const L = layout({ orientation: "horizontal" }, 800, ds([...crowd, minor, ev("far", "2025-01-02")]));
    expect(L.clusters.length).toBeGreaterThan(0);
    expect(mark(L, "minor").label).toBeDefined();
    const control = layout({ orientation: "horizontal" }, 800, ds([...crowd, { ...minor, importance: 0 }, ev("far", "2025-01-02")]));
    expect(mark(control, "minor").cluster).toBeDefined();
  });

  it("the whole seed record (2022 – 2025) at 1,200 px cuts the empty 2022–2023 stretch with an axis break and labels most events", () => {
    const L = layout({}, 1200);
    expect(L.orientation).toBe("horizontal");
    expect(L.breaks!.length).toBeGreaterThanOrEqual(1);
    // The break sits between the 2022 invasion and the 2024 events; no tick label falls inside it.
    const inv = mark(L, "invasion-of-ukraine");
    const kursk = mark(L, "kursk-incursion");
    expect(L.breaks![0]!).toBeGreaterThan(inv.band ? inv.band.x + inv.band.width : inv.x);
    expect(L.breaks![0]!).toBeLessThan(kursk.band!.x);
    for (const tk of L.ticks) expect(Math.abs(tk.pos - L.breaks![0]!), tk.label.lines[0]!.text).toBeGreaterThan(8);
    expect(labelled(L)).toBeGreaterThanOrEqual(17);
    sound(L);
  });

  it("the as-of line and participant links never run through a label", () => {
    for (const [o, width] of [[{ domain: ["2024-05", "2025-10"] }, 1200], [{ lanes: "participants", domain: ["2024-05", "2025-10"] }, 1200], [{}, 320], [{ lanes: "participants" }, 800]] as const) {
      const L = layout(o, width);
      const lines = [...(L.asOf ? (L.asOf.segments ?? [L.asOf.line]).map((s) => ({ s, own: L.asOf!.label })) : []), ...L.marks.flatMap((m) => (m.link ? (m.link.segments ?? [m.link.line]).map((s) => ({ s, own: m.label })) : []))];
      expect(lines.length).toBeGreaterThan(0);
      for (const { s, own } of lines) {
        const box = { x: Math.min(s[0], s[2]), y: Math.min(s[1], s[3]), width: Math.abs(s[2] - s[0]) || 0.5, height: Math.abs(s[3] - s[1]) || 0.5 };
        for (const b of L.labels) if (b !== own) expect(boxesIntersect(box, b), `${JSON.stringify(o)} ${width}: line through ${b.key}`).toBe(false);
      }
    }
  });

  it("320 px: a list in time order, every event on its own row near its mark, leaders that never cross, the empty 2022–2024 stretch cut by an axis break", () => {
    const L = layout({}, 320);
    expect(L.orientation).toBe("vertical");
    expect(L.clusters).toEqual([]);
    expect(labelled(L)).toBe(24);
    sound(L);
    // Rows in the order of their marks down the time axis, one under another: leaders never cross.
    const rows = [...L.marks].sort((a, b) => a.y - b.y).map((m) => m.label!);
    for (let k = 1; k < rows.length; k++) expect(rows[k]!.y).toBeGreaterThanOrEqual(rows[k - 1]!.y + rows[k - 1]!.height);
    // No label far from its mark.
    const far = Math.max(...L.marks.map((m) => Math.abs(m.label!.y + 8 - m.y)));
    expect(far).toBeLessThanOrEqual(160);
    expect(L.breaks!.length).toBeGreaterThanOrEqual(1);
    expect(L.segments!.length).toBe(L.breaks!.length + 1);
    // Dense data still clusters (the list would be thousands of rows).
    expect(layout({}, 320, denseYear(1000)).clusters.length).toBeGreaterThan(0);
  });
});
