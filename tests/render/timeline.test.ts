import { describe, expect, it } from "vitest";
import { drawChart } from "../../src/charts/draw.js";
import seeds from "../../examples/data/seeds.json";
import { resolveTimelineOptions, timeline, timelineChart } from "../../src/charts/timeline.js";
import type { Dataset, Event } from "../../src/model/types.js";
import { parseDataset } from "../../src/model/validate.js";
import { CSS } from "../../src/render/styles.js";
import { isMessage, type ChartView } from "../../src/render/view.js";
import { makeDocument, pretty, labelNotInName } from "../helpers/dom.js";

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

function draw(width: number, options: Record<string, unknown> = {}, data: Dataset = dataset): ChartView {
  const view = drawChart(timelineChart, makeDocument(), data, resolveTimelineOptions(options), width);
  if (isMessage(view)) throw new Error(view.message);
  return view;
}
const ds = (events: Event[]): Dataset => ({ version: 1, sources: [{ id: "s", name: "Wire", url: "https://wire.example/" }], actors: [{ id: "a", name: "Alpha" }], events, claims: [], promises: [] });

describe("renderTimeline", () => {
  it.each([320, 800])("renderTimeline(seeds) at %i px matches its snapshot", async (width) => {
    await expect(pretty(draw(width).svg) + "\n").toMatchFileSnapshot(`../output/timeline-${width}.svg`);
  });

  it("renderTimeline(seeds, {lanes: 'participants', domain, periods, annotations}) at 1200 px matches its snapshot", async () => {
    const view = draw(1200, {
      lanes: "participants",
      domain: ["2024-05", "2025-10"],
      periods: [{ start: "2025-08-12", end: "2025-08-15", label: "Road to Anchorage" }],
      annotations: { "putin-kim-call": "Three days before the summit" },
    });
    await expect(pretty(view.svg) + "\n").toMatchFileSnapshot("../output/timeline-participants-1200.svg");
  });

  it("renderTimeline(seeds, {theme: 'dark', orientation: 'vertical'}) at 375 px matches its snapshot", async () => {
    await expect(pretty(draw(375, { theme: "dark", orientation: "vertical", domain: ["2025-03", "2025-09"] }).svg) + "\n").toMatchFileSnapshot("../output/timeline-vertical-375.svg");
  });

  it("renderTimeline draws one element per event with data-id and a spoken aria-label, the same in every layout", () => {
    const names = new Map<string, string[]>();
    for (const [width, o] of [[320, {}], [800, {}], [800, { lanes: "participants" }], [1200, { lanes: "kind", orientation: "vertical" }]] as const) {
      const view = draw(width, o);
      const marks = Array.from(view.svg.querySelectorAll("[data-id]"));
      expect(marks.map((m) => m.getAttribute("data-id")).sort()).toEqual(dataset.events.map((e) => e.id).sort());
      for (const m of marks) {
        const e = dataset.events.find((x) => x.id === m.getAttribute("data-id"))!;
        const name = m.getAttribute("aria-label")!;
        // The whole title is spoken, whatever the width, then the kind: no bracketed fragments of cut words.
        expect(name.startsWith(`${e.title}, `)).toBe(true);
        expect(name).not.toMatch(/\w\(/);
        expect(name).toContain(`${e.kind[0]!.toUpperCase()}${e.kind.slice(1)}`);
        names.set(e.id, [...(names.get(e.id) ?? []), name]);
        // Label in name: the words drawn in the mark (none for a cluster tick) are in its name, in order, from its first word.
        expect(m.getAttribute("role")).toBe("button");
        expect(labelNotInName(shownText(m), name), `${shownText(m)} ⊄ ${name}`).toBeUndefined();
        expect(m.getAttribute("data-status")).toBe(e.status ?? "happened");
      }
    }
    for (const [id, list] of names) expect(new Set(list).size, id).toBe(1);
  });

  it("renderTimeline keyboard order is time order", () => {
    const view = draw(800);
    const start = (id: string) => Date.parse(dataset.events.find((e) => e.id === id)!.date.replace(/^\//, "").replace(/[~?%]$/, "").split("/")[0]!.padEnd(7, "-01").padEnd(10, "-01"));
    const starts = view.order.map(start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(view.order).toHaveLength(dataset.events.length);
  });

  it("renderTimeline summarises counts by kind and the span in the <desc> and the header", () => {
    const view = draw(800);
    // The seeds' own kinds (invasion, offensive, correspondence, policy, interview) are counted by name, not as "5 other events" (issue 16).
    expect(view.summary).toBe(
      "24 events from February 2022 to October 2025: 1 call, 4 meetings, 3 visits, 1 summit, 1 treaty, 1 deployment, 8 statements, 1 invasion event, 1 offensive event, 1 correspondence event, 1 policy event, and 1 interview event; 1 scheduled.",
    );
    expect(view.svg.querySelector("desc")!.textContent).toBe(view.summary);
    expect(view.header!.querySelector(".claimline-v1-summary")!.textContent).toBe(view.summary);
    const legend = Array.from(view.header!.querySelectorAll(".claimline-v1-legend li")).map((li) => li.textContent);
    expect(legend).toEqual(expect.arrayContaining(["Call", "Summit", "Treaty", "Invasion", "Offensive", "Correspondence", "Policy", "Interview", "Scheduled", "Month, year or period", "Start or end not reported"]));
    expect(legend).not.toContain("Other");
    expect(draw(800, { domain: ["2025-08", "2025-08"] }).summary).toMatch(/^2 of 24 events shown in August 2025: 1 call and 1 summit\.$/);
  });

  it("renderTimeline gives each event a detail card: title, date as reported, participants, place, summary, sources", () => {
    const view = draw(800, { annotations: { "trump-putin-summit": "First meeting since 2019" } });
    expect(view.details.size).toBe(dataset.events.length);
    const summit = dataset.events.find((e) => e.id === "trump-putin-summit")!;
    const d = view.details.get(summit.id)!;
    expect(d.heading).toBe(summit.title);
    const line = (label: string) => d.lines.find((l) => l.label === label)?.text;
    expect(line("Date")).toBe("Friday 15 August, 2025");
    expect(line("Who")).toBe("Donald Trump and Vladimir Putin");
    if (summit.place) expect(line("Where")).toBe(summit.place);
    if (summit.summary) expect(line("What")).toBe(summit.summary);
    expect(line("Editor’s note")).toBe("First meeting since 2019");
    expect(d.links.length).toBe(summit.citations!.length);
    for (const l of d.links) if (l.href) expect(l.href).toMatch(/^https?:\/\//);
    // A month is reported as a month.
    expect(view.details.get("treaty-signing")!.lines[0]).toEqual({ label: "Date", text: "June 2024" });
  });

  it("renderTimeline draws scheduled hollow, postponed and cancelled with a shape and a word", () => {
    const view = draw(800, {}, ds([ev("a", "2025-01-10", { status: "scheduled" }), ev("b", "2025-02-10", { status: "postponed" }), ev("c", "2025-03-10", { status: "cancelled" }), ev("d", "2025-04-10")]));
    const mark = (id: string) => view.svg.querySelector(`[data-id="${id}"]`)!;
    expect(mark("a").querySelector(".claimline-v1-tl-hollow")).not.toBeNull();
    expect(mark("b").querySelector(".claimline-v1-tl-status")).not.toBeNull();
    expect(mark("c").querySelector(".claimline-v1-tl-status")).not.toBeNull();
    expect(mark("d").querySelector(".claimline-v1-tl-hollow")).toBeNull();
    expect(shownText(mark("b"))).toContain("postponed");
    expect(mark("c").getAttribute("aria-label")).toMatch(/^Event c, Mar 10, 2025, cancelled\. Meeting\./);
    expect(view.summary).toContain("1 scheduled, 1 postponed, and 1 cancelled");
  });

  it("renderTimeline draws precision honestly: a band for a month, whiskers for an approximate day, an arrow for an open end", () => {
    const view = draw(800, {}, ds([ev("m", "2025-03"), ev("d", "2025-05-10~"), ev("o", "2025-06-01/.."), ev("u", "/2025-02")]));
    const mark = (id: string) => view.svg.querySelector(`[data-id="${id}"]`)!;
    expect(mark("m").querySelector(".claimline-v1-tl-band")).not.toBeNull();
    expect(mark("d").querySelector(".claimline-v1-tl-band")).toBeNull();
    expect(mark("d").querySelector(".claimline-v1-tl-whisker.claimline-v1-tl-soft")).not.toBeNull();
    expect(mark("o").querySelector(".claimline-v1-tl-open")).not.toBeNull();
    expect(mark("u").querySelector(".claimline-v1-tl-whisker.claimline-v1-tl-dashed")).not.toBeNull();
  });

  it("renderTimeline sets text from data as text, never as markup", () => {
    const title = '<img src=x onerror="alert(1)">';
    const view = draw(800, {}, ds([ev("x", "2025-01-10", { title, place: "</text><script>" })]));
    expect(view.svg.querySelector("img, script")).toBeNull();
    const mark = view.svg.querySelector("[data-id]")!;
    // The label may be cut ("…"); what is drawn is the title's own characters, and the name speaks them all.
    const drawn = Array.from(mark.querySelectorAll(".claimline-v1-tl-title")).map((t) => t.textContent).join(" ");
    expect(title.startsWith(drawn.replace(/…$/, ""))).toBe(true);
    const name = mark.getAttribute("aria-label")!;
    expect(name.startsWith(drawn.replace(/…$/, ""))).toBe(true);
    expect(name).toMatch(/, Jan 10, 2025\. Meeting\. Alpha\. <\/text><script>\.$/);
  });

  it("renderTimeline(10,000 events) keeps one small element per record and draws no per-record text in clusters", () => {
    const events = Array.from({ length: 10_000 }, (_, i) => ev(`e${i}`, new Date(Date.UTC(2025, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10), { title: `Synthetic event ${i}` }));
    const view = draw(960, {}, ds(events));
    const marks = view.svg.querySelectorAll("[data-id]");
    expect(marks.length).toBe(10_000);
    expect(view.svg.querySelectorAll("text").length).toBeLessThan(600);
    expect(view.svg.querySelectorAll("path[data-id]").length).toBeGreaterThan(9_000);
    expect(view.order).toHaveLength(10_000);
  });

  it("renderTimeline lists a small cluster's members in a panel shown on focus (CSS only), one 44 px row each, opened by a 44 px target", () => {
    // Same-day events stack on one leader in ten tiers; the rest gather into a cluster.
    const events = Array.from({ length: 14 }, (_, i) => ev(`d${i}`, "2025-04-28", { title: `Statement ${i} on the same Monday` }));
    const view = draw(320, { orientation: "horizontal" }, ds([...events, ev("far", "2025-01-02")]));
    const group = view.svg.querySelector(".claimline-v1-tl-group")!;
    const size = (r: Element) => [Number(r.getAttribute("width")), Number(r.getAttribute("height"))];
    for (const r of group.querySelectorAll(".claimline-v1-tl-row > .claimline-v1-focus")) expect(size(r)[1]).toBeGreaterThanOrEqual(44);
    const opener = group.querySelector(":scope > [aria-hidden] > .claimline-v1-focus")!;
    expect(Math.min(...size(opener))).toBeGreaterThanOrEqual(44);
    expect(group.getAttribute("tabindex")).toBe("-1");
    expect(group.querySelector(".claimline-v1-tl-cluster")!.textContent).toMatch(/^\+\d events?$/);
    const rows = group.querySelectorAll("[data-id] .claimline-v1-tl-row");
    expect(rows.length).toBe(group.querySelectorAll("[data-id]").length);
    expect(group.querySelector(".claimline-v1-tl-panel")).not.toBeNull();
    // A row's words are its member's name, drawn: hidden, so they are not read a second time.
    for (const t of group.querySelectorAll("[data-id] text")) expect(t.closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it("renderTimeline at 320 px gives every mark a hit area of at least 44 × 44 px; axis ticks stay hidden from assistive technology", () => {
    for (const o of [{}, { orientation: "horizontal" }, { domain: ["2025-03", "2025-09"] }]) {
      const view = draw(320, o);
      for (const m of view.svg.querySelectorAll("[data-id]")) {
        // A member of a cluster too big to list is a bare tick: the cluster's own 44 px opener is its target.
        if (m.tagName.toLowerCase() === "path") {
          const opener = m.closest(".claimline-v1-tl-group")!.querySelector(":scope > [aria-hidden] > .claimline-v1-focus")!;
          expect(Math.min(Number(opener.getAttribute("width")), Number(opener.getAttribute("height")))).toBeGreaterThanOrEqual(44);
          continue;
        }
        const rects = [...m.querySelectorAll(":scope > .claimline-v1-focus")];
        expect(rects.some((r) => Number(r.getAttribute("width")) >= 44 && Number(r.getAttribute("height")) >= 44), m.getAttribute("data-id")!).toBe(true);
      }
      for (const t of view.svg.querySelectorAll(".claimline-v1-tl-tick")) expect(t.closest("[aria-hidden='true']")).not.toBeNull();
    }
  });

  it("the timeline's text is 12 px or larger (no 11 px rule left for a tl- class)", () => {
    const rules = CSS.split("}").filter((r) => /tl-[a-z-]+/.test(r) && /font-size/.test(r));
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) for (const [, px] of r.matchAll(/font-size:(\d+(?:\.\d+)?)px/g)) expect(Number(px), r).toBeGreaterThanOrEqual(12);
  });

  it("timelineChart.draw returns a message, not a blank svg, when there is nothing to draw", () => {
    const none = drawChart(timelineChart, makeDocument(), ds([]), resolveTimelineOptions({}), 800);
    expect(isMessage(none) && none.message).toMatch(/no events/);
    const outside = drawChart(timelineChart, makeDocument(), dataset, resolveTimelineOptions({ domain: ["1990", "1991"] }), 800);
    expect(isMessage(outside) && outside.message).toMatch(/None of the 24 events falls between 1990 and 1991/);
  });

  it("timeline(element, data, {width}) mounts a handle on a linkedom document and destroys cleanly", () => {
    const doc = makeDocument();
    const host = doc.createElement("div");
    doc.body.appendChild(host);
    const h = timeline(host, seeds, { width: 640, lanes: "kind" });
    expect(h.node.querySelector("svg.claimline-v1-svg")!.getAttribute("role")).toBe("group");
    expect(h.node.querySelectorAll("[data-id][tabindex='0']").length).toBe(1);
    expect(h.node.querySelector("table")!.querySelectorAll("tbody tr").length).toBe(24);
    h.destroy();
    expect(host.childNodes.length).toBe(0);
  });

  it("timeline handle: zoom buttons (whole timeline, each highlighted period, each year that holds events) redraw the chart on that period", async () => {
    const doc = makeDocument();
    const host = doc.createElement("div");
    doc.body.appendChild(host);
    const h = timeline(host, seeds, { width: 800, periods: [{ start: "2025-08-12", end: "2025-08-15", label: "The week of the summit" }] });
    const buttons = () => Array.from(h.node.querySelectorAll<HTMLButtonElement>(".claimline-v1-zoom button"));
    expect(buttons().map((b) => b.textContent)).toEqual(["Whole timeline", "The week of the summit", "2022", "2024", "2025"]);
    // 2023 holds no event: no button opens an empty view.
    expect(buttons().map((b) => b.getAttribute("aria-pressed"))).toEqual(["true", "false", "false", "false", "false"]);
    const all = h.node.querySelectorAll("svg [data-id]").length;
    buttons()[1]!.dispatchEvent(new doc.defaultView!.Event("click", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    const week = Array.from(h.node.querySelectorAll("svg [data-id]")).map((m) => m.getAttribute("data-id"));
    expect(week).toContain("putin-kim-call");
    expect(week).toContain("trump-putin-summit");
    expect(week.length).toBeLessThan(all);
    expect(buttons().find((b) => b.getAttribute("aria-pressed") === "true")!.textContent).toBe("The week of the summit");
    buttons()[0]!.dispatchEvent(new doc.defaultView!.Event("click", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(h.node.querySelectorAll("svg [data-id]").length).toBe(all);
    h.destroy();
  });

  it("timeline handle: one tap on a cluster too big to list zooms to its events' days, and 'Whole timeline' leads back", async () => {
    // Thirty events over ten days in May, one far off in January: at 320 px (horizontal) May folds into "+N events".
    const may = Array.from({ length: 30 }, (_, i) => ev(`m${i}`, `2025-05-${String(10 + (i % 10)).padStart(2, "0")}`, { title: `Meeting number ${i} in May` }));
    const doc = makeDocument();
    const host = doc.createElement("div");
    doc.body.appendChild(host);
    const h = timeline(host, ds([...may, ev("far", "2024-01-02")]), { width: 320, orientation: "horizontal" });
    const opener = h.node.querySelector(".claimline-v1-tl-group [data-zoom]")!;
    const members = Array.from(opener.closest(".claimline-v1-tl-group")!.querySelectorAll("[data-id]")).map((m) => m.getAttribute("data-id"));
    expect(members.length).toBeGreaterThan(8);
    expect(opener.getAttribute("data-zoom")).toMatch(/^2025-05-1\d\/2025-05-1\d$/);
    expect(h.node.querySelector(".claimline-v1-tl-group [data-zoom] .claimline-v1-tl-cluster")!.textContent).toMatch(/^\+\d+ events$/);
    opener.dispatchEvent(new doc.defaultView!.Event("click", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    const shown = Array.from(h.node.querySelectorAll("svg [data-id]")).map((m) => m.getAttribute("data-id"));
    expect(shown).not.toContain("far");
    for (const id of members) expect(shown).toContain(id);
    // Drawn apart now: fewer of them folded than before.
    expect(h.node.querySelectorAll(".claimline-v1-tl-group [data-id]").length).toBeLessThan(members.length);
    const whole = Array.from(h.node.querySelectorAll<HTMLButtonElement>(".claimline-v1-zoom button")).find((b) => b.textContent === "Whole timeline")!;
    expect(whole.getAttribute("aria-pressed")).toBe("false");
    whole.dispatchEvent(new doc.defaultView!.Event("click", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(h.node.querySelector('svg [data-id="far"]')).not.toBeNull();
    h.destroy();
  });

  it("timeline static output (server) has no zoom buttons", () => {
    const view = drawChart(timelineChart, makeDocument(), parseDataset(seeds), resolveTimelineOptions({}), 800);
    expect(isMessage(view) ? null : view.header!.querySelector("button")).toBeNull();
  });
});

function ev(id: string, date: string, extra: Partial<Event> = {}): Event {
  return { id, date, kind: "meeting", title: `Event ${id}`, participants: ["a"], citations: [{ source: "s", url: "https://wire.example/x" }], ...extra };
}

describe("resolveTimelineOptions(domain as text)", () => {
  it("resolveTimelineOptions({domain: '2021-08/2021-09'}) reads the slash form editors type, as data-domain and --domain do", () => {
    expect(resolveTimelineOptions({ domain: "2021-08/2021-09" }).domain).toEqual(["2021-08", "2021-09"]);
    expect(resolveTimelineOptions({ domain: "2021-08, 2021-09" }).domain).toEqual(["2021-08", "2021-09"]);
    expect(() => resolveTimelineOptions({ domain: "August" })).toThrow(/domain/);
  });
});
