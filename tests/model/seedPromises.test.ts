/**
 * The seed list (NBC News, 19 June 2025: Trump's "two weeks" deadlines) with
 * every status written out by hand. Day counts were worked out with
 * `date -ud` (deadline = last day said + window max; overdue = as-of day −
 * deadline day; late = outcome day − deadline day), not by the code under test.
 * Outcomes: only those the seeds report (the 2017 tax outline "11 weeks later",
 * ~27 April 2017; the Anchorage meeting on 15 August 2025, partly keeping a
 * promise to meet "to end the war"); the other twelve have no outcome and
 * `checked` 2025-06-19, the day of NBC's review: after it the seeds say
 * nothing, so on 16 August they are overdue "at least" (days counted to
 * 19 June), or unknown when they were not yet due on 19 June.
 */
import { describe, expect, it } from "vitest";
import seeds from "../../examples/data/seeds.json";
import { addDuration, readDurationPhrase } from "../../src/model/durations.js";
import { promiseStatus, summarizeStatuses } from "../../src/model/status.js";
import { parseDataset } from "../../src/model/validate.js";

const dataset = parseDataset(seeds);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const byId = (id: string) => {
  const p = dataset.promises.find((q) => q.id === id);
  if (!p) throw new Error(`no seed promise ${id}`);
  return p;
};

// As of 2025-08-16, "overdue" counts stop at checked (19 June) and are floors: "overdue by at least 36 days on 19 June".
//            id                                   dueFrom       dueBy         as of 2025-08-16              as of 2025-06-19
const TABLE: Array<[string, string, string, [string, number | undefined], [string, number]]> = [
  ["tax-plan-2017", "2017-02-23", "2017-03-02", ["late", 56], ["late", 56]],
  ["tariff-rates", "2025-05-07", "2025-05-14", ["overdue", 36], ["overdue", 36]],
  ["ukraine-aid", "2025-05-08", "2025-05-08", ["overdue", 42], ["overdue", 42]],
  ["trust-putin", "2025-05-11", "2025-05-11", ["overdue", 39], ["overdue", 39]],
  ["putin-path", "2025-05-18", "2025-06-04", ["overdue", 15], ["overdue", 15]],
  ["china-trade-deal", "2025-05-18", "2025-05-25", ["overdue", 25], ["overdue", 25]],
  ["pharmaceutical-tariffs", "2025-05-19", "2025-05-19", ["overdue", 31], ["overdue", 31]],
  ["sign-trade-deals", "2025-05-20", "2025-05-20", ["overdue", 30], ["overdue", 30]],
  // Met in Anchorage on 15 Aug 2025 (the war did not end): partly kept, 70 days after the window; on 19 June it had not happened, so overdue.
  ["meet-putin", "2025-05-30", "2025-06-06", ["partial", 70], ["overdue", 13]],
  ["trade-terms-letters", "2025-05-30", "2025-06-06", ["overdue", 13], ["overdue", 13]],
  ["zelenskyy-judgement", "2025-06-02", "2025-06-16", ["overdue", 3], ["overdue", 3]],
  ["putin-end-war", "2025-05-28", "2025-06-11", ["overdue", 8], ["overdue", 8]],
  // Said some day from 28 May to 19 June: due from 28 May + 10 days, due by 19 June + 14 days. Not yet due on 19 June, nothing reported since: unknown.
  ["trade-deal-letters-kennedy-center", "2025-06-07", "2025-07-03", ["unknown", undefined], ["open", 14]],
  ["iran-decision", "2025-06-19", "2025-07-03", ["unknown", undefined], ["open", 14]],
];

const daysOf = (s: ReturnType<typeof promiseStatus>) => s.daysLate ?? s.daysOverdue ?? s.daysLeft ?? s.daysEarly;

describe("seed promises", () => {
  it("the seeds hold the 14 promises of the NBC News list", () => {
    expect(dataset.promises.map((p) => p.id).sort()).toEqual(TABLE.map((r) => r[0]).sort());
  });

  it.each(TABLE)("promiseStatus(%s): due %s to %s; as of 2025-08-16 %j; as of 2025-06-19 %j", (id, dueFrom, dueBy, aug, jun) => {
    const p = byId(id);
    const a = promiseStatus(p, "2025-08-16");
    expect(iso(a.dueFrom)).toBe(dueFrom);
    expect(iso(a.dueBy)).toBe(dueBy);
    expect([a.status, daysOf(a)]).toEqual(aug);
    const j = promiseStatus(p, "2025-06-19");
    expect([j.status, daysOf(j)]).toEqual(jun);
  });

  it("promiseStatus(meet-putin) is partial: the seeds report the Anchorage meeting on 15 August 2025, not an end to the war", () => {
    const s = promiseStatus(byId("meet-putin"), "2025-08-16");
    expect(s).toMatchObject({ status: "partial", daysLate: 70, daysMin: 70, daysMax: 70 });
    expect(iso(s.outcomeDate!.start)).toBe("2025-08-15");
    expect(byId("meet-putin").outcome!.note).toMatch(/Anchorage.*the war did not end/);
  });

  it("promiseStatus(the twelve unreported promises) on 16 August: ten overdue at least as of 19 June, two unknown, none from silence alone", () => {
    const unreported = dataset.promises.filter((p) => !p.outcome);
    expect(unreported).toHaveLength(12);
    for (const p of unreported) expect(p.checked).toBe("2025-06-19");
    const statuses = unreported.map((p) => promiseStatus(p, "2025-08-16"));
    for (const s of statuses) expect(iso(s.checked!)).toBe("2025-06-19");
    expect(statuses.filter((s) => s.status === "overdue").every((s) => s.atLeast === true)).toBe(true);
    expect(statuses.map((s) => s.status).sort()).toEqual([...Array(10).fill("overdue"), "unknown", "unknown"]);
  });

  it("promiseStatus(trade-deal-letters-kennedy-center) on 19 June has a range of due days: said 28 May to 19 June", () => {
    const s = promiseStatus(byId("trade-deal-letters-kennedy-center"), "2025-06-19");
    expect(iso(s.dueByEarliest!)).toBe("2025-06-11");
    expect(iso(s.dueBy)).toBe("2025-07-03");
    // Had nothing been checked, on 16 August it would read 44 to 66 days overdue, never a false point.
    const { checked: _c, ...unchecked } = byId("trade-deal-letters-kennedy-center");
    expect(promiseStatus(unchecked, "2025-08-16")).toMatchObject({ status: "overdue", daysMin: 44, daysMax: 66 });
  });

  it("promiseStatus(tax-plan-2017) is late: the outline came ~11 weeks after 9 Feb 2017", () => {
    const s = promiseStatus(byId("tax-plan-2017"), "2025-08-16");
    expect(s.outcomeDate!.approximate).toBe(true);
    expect(iso(s.outcomeDate!.start)).toBe("2017-04-27");
  });

  it("summarizeStatuses(seeds) as of 2025-08-16 and 2025-06-19", () => {
    const at = (asOf: string) => summarizeStatuses(dataset.promises.map((p) => promiseStatus(p, asOf)));
    // One late promise gives no "median days late": a median of one is not a summary.
    expect(at("2025-08-16")).toEqual({
      total: 14,
      counts: { kept: 0, partial: 1, late: 1, broken: 0, overdue: 10, unknown: 2, open: 0 },
      medianDaysOverdue: 27.5,
      medianDaysOverdueAtLeast: true,
    });
    expect(at("2025-06-19")).toEqual({ total: 14, counts: { kept: 0, partial: 0, late: 1, broken: 0, overdue: 11, unknown: 0, open: 2 }, medianDaysOverdue: 25 });
  });
});

describe("window arithmetic for the phrases in the seed quotes", () => {
  // [phrase as quoted, min, max, seed promise whose window it sets]
  const PHRASES: Array<[string, string, string, string | null]> = [
    ["over the next two or three weeks", "P14D", "P21D", "tax-plan-2017"],
    ["Over the next two, three weeks", "P14D", "P21D", "tariff-rates"],
    ["over the next couple of weeks", "P14D", "P14D", null],
    ["in two weeks", "P14D", "P14D", "ukraine-aid"],
    ["in about two weeks", "P14D", "P14D", "trust-putin"],
    ["in a month from now, or two weeks from now", "P14D", "P1M", "putin-path"],
    ["in the next two weeks or three weeks", "P14D", "P21D", "china-trade-deal"],
    ["over the next two weeks", "P14D", "P14D", "pharmaceutical-tariffs"],
    ["at some point over the next two weeks", "P14D", "P14D", "sign-trade-deals"],
    ["in, uh, two or three weeks", "P14D", "P21D", "meet-putin"],
    ["over the next two to three weeks", "P14D", "P21D", "trade-terms-letters"],
    ["in two weeks or four weeks from now", "P14D", "P28D", "zelenskyy-judgement"],
    ["within two weeks", "P0D", "P14D", "putin-end-war"],
    ["about a week and a half, two weeks", "P10D", "P14D", "trade-deal-letters-kennedy-center"],
    ["within the next two weeks", "P0D", "P14D", "iran-decision"],
  ];

  it.each(PHRASES)("readDurationPhrase(%j) reads %s to %s, the seed's window", (phrase, min, max, id) => {
    const r = readDurationPhrase(phrase);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([r.min.text, r.max.text]).toEqual([min, max]);
    if (id) expect(byId(id).window).toEqual({ min, max });
  });

  it("addDuration(said, window) gives the dates the promise was due", () => {
    const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
    const read = (phrase: string) => readDurationPhrase(phrase) as Extract<ReturnType<typeof readDurationPhrase>, { ok: true }>;
    // "two or three weeks" from 9 Feb 2017: 23 Feb to 2 Mar.
    expect(iso(addDuration(day("2017-02-09"), read("two or three weeks").min))).toBe("2017-02-23");
    expect(iso(addDuration(day("2017-02-09"), read("two or three weeks").max))).toBe("2017-03-02");
    // "a month from now, or two weeks from now" from 4 May: 18 May to 4 June (a calendar month).
    expect(iso(addDuration(day("2025-05-04"), read("a month from now, or two weeks from now").min))).toBe("2025-05-18");
    expect(iso(addDuration(day("2025-05-04"), read("a month from now, or two weeks from now").max))).toBe("2025-06-04");
    // "a week and a half" is 10 whole days: from 28 May, 7 June.
    expect(iso(addDuration(day("2025-05-28"), read("a week and a half, two weeks").min))).toBe("2025-06-07");
    // "within the next two weeks" from 19 June: due from that day, by 3 July.
    expect(iso(addDuration(day("2025-06-19"), read("within the next two weeks").min))).toBe("2025-06-19");
    expect(iso(addDuration(day("2025-06-19"), read("within the next two weeks").max))).toBe("2025-07-03");
  });
});
