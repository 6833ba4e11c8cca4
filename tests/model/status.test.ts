import { describe, it, expect } from "vitest";
import { promiseStatus, resolveAsOf, summarizeStatuses, type PromiseStatus } from "../../src/model/status.js";
import type { PromiseOutcome, PromiseRecord } from "../../src/model/types.js";

const day = (s: string): number => Date.parse(`${s}T00:00:00Z`);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Said 16 May 2025, "two weeks": due by 30 May 2025. */
function promise(outcome?: PromiseOutcome, said = "2025-05-16", min = "P14D", max = "P14D"): PromiseRecord {
  return { id: "p", speaker: "trump", said, topic: "T", quote: "in two weeks", window: { min, max }, ...(outcome && { outcome }) };
}

describe("promiseStatus", () => {
  it("promiseStatus(pending) is open on the deadline day, daysLeft 0", () => {
    const s = promiseStatus(promise(), "2025-05-30");
    expect(s).toMatchObject({ status: "open", daysLeft: 0 });
    expect(iso(s.dueBy)).toBe("2025-05-30");
    expect(iso(s.dueFrom)).toBe("2025-05-30");
  });

  it("promiseStatus(pending) is open before the deadline with days left", () => {
    expect(promiseStatus(promise(), "2025-05-20")).toMatchObject({ status: "open", daysLeft: 10 });
    expect(promiseStatus(promise({ status: "pending" }), day("2025-05-29"))).toMatchObject({ status: "open", daysLeft: 1 });
  });

  it("promiseStatus(pending) is overdue by 1 the day after the deadline", () => {
    expect(promiseStatus(promise(), "2025-05-31")).toMatchObject({ status: "overdue", daysOverdue: 1 });
    expect(promiseStatus(promise(), "2025-08-16")).toMatchObject({ status: "overdue", daysOverdue: 78 });
  });

  it("promiseStatus takes asOf as ms (any time of day), Date or EDTF (latest day)", () => {
    expect(promiseStatus(promise(), day("2025-05-30") + 23 * 3600_000).status).toBe("open");
    expect(promiseStatus(promise(), new Date(day("2025-05-31") + 60_000))).toMatchObject({ status: "overdue", daysOverdue: 1 });
    // "2025-05" as of the end of May: 31 May, one day overdue.
    expect(promiseStatus(promise(), "2025-05")).toMatchObject({ status: "overdue", daysOverdue: 1 });
  });

  it("promiseStatus(kept on the deadline day) is kept, daysEarly 0", () => {
    const s = promiseStatus(promise({ status: "kept", date: "2025-05-30" }), "2025-08-16");
    expect(s).toMatchObject({ status: "kept", daysEarly: 0 });
    expect(s.outcomeDate?.text).toBe("2025-05-30");
  });

  it("promiseStatus(kept early) counts as kept with days early", () => {
    expect(promiseStatus(promise({ status: "kept", date: "2025-05-20" }), "2025-08-16")).toMatchObject({ status: "kept", daysEarly: 10 });
  });

  it("promiseStatus(outcome before said) is kept and does not crash", () => {
    expect(promiseStatus(promise({ status: "kept", date: "2025-04-01" }), "2025-08-16")).toMatchObject({ status: "kept", daysEarly: 59 });
  });

  it("promiseStatus(outcome one day after the deadline) is late by 1", () => {
    expect(promiseStatus(promise({ status: "kept", date: "2025-05-31" }), "2025-08-16")).toMatchObject({ status: "late", daysLate: 1 });
    expect(promiseStatus(promise({ status: "late", date: "2025-06-15" }), "2025-08-16")).toMatchObject({ status: "late", daysLate: 16 });
  });

  it("promiseStatus derives kept/late from the date, not the typed status", () => {
    expect(promiseStatus(promise({ status: "late", date: "2025-05-25" }), "2025-08-16").status).toBe("kept");
  });

  it("promiseStatus(outcome after asOf) is overdue, not late", () => {
    const s = promiseStatus(promise({ status: "kept", date: "2025-06-10" }), "2025-06-05");
    expect(s).toMatchObject({ status: "overdue", daysOverdue: 6 });
    expect(s.outcomeDate).toBeUndefined();
    expect(s.daysLate).toBeUndefined();
    expect(promiseStatus(promise({ status: "kept", date: "2025-05-25" }), "2025-05-20")).toMatchObject({ status: "open", daysLeft: 10 });
  });

  it("promiseStatus(outcome on asOf) counts", () => {
    expect(promiseStatus(promise({ status: "kept", date: "2025-06-05" }), "2025-06-05")).toMatchObject({ status: "late", daysLate: 6 });
  });

  it("promiseStatus(broken) is broken with or without a date, unless the date is after asOf", () => {
    expect(promiseStatus(promise({ status: "broken" }), "2025-05-20").status).toBe("broken");
    expect(promiseStatus(promise({ status: "broken", date: "2025-06-01" }), "2025-08-16")).toMatchObject({ status: "broken", outcomeDate: { text: "2025-06-01" } });
    expect(promiseStatus(promise({ status: "broken", date: "2025-06-01" }), "2025-05-25").status).toBe("open");
  });

  it("promiseStatus(kept/late without a date) follows the typed status with no day counts", () => {
    const kept = promiseStatus(promise({ status: "kept" }), "2025-08-16");
    expect(kept.status).toBe("kept");
    expect(kept.daysEarly).toBeUndefined();
    const late = promiseStatus(promise({ status: "late" }), "2025-08-16");
    expect(late.status).toBe("late");
    expect(late.daysLate).toBeUndefined();
  });

  it("promiseStatus(said in May 2025, two weeks) is due by 14 June 2025", () => {
    const s = promiseStatus(promise(undefined, "2025-05"), "2025-06-14");
    expect(iso(s.dueFrom)).toBe("2025-05-15");
    expect(iso(s.dueBy)).toBe("2025-06-14");
    expect(s).toMatchObject({ status: "open", daysLeft: 0 });
    expect(s.said.precision).toBe("month");
    expect(promiseStatus(promise(undefined, "2025-05"), "2025-06-15")).toMatchObject({ status: "overdue", daysOverdue: 1 });
  });

  it("promiseStatus(said as an interval or approximate) gives the benefit of the doubt", () => {
    expect(iso(promiseStatus(promise(undefined, "2025-05-10/2025-05-16"), "2025-06-01").dueBy)).toBe("2025-05-30");
    expect(iso(promiseStatus(promise(undefined, "2025-05-10/2025-05-16"), "2025-06-01").dueFrom)).toBe("2025-05-24");
    expect(iso(promiseStatus(promise(undefined, "2025-05-16~"), "2025-06-01").dueBy)).toBe("2025-05-30");
  });

  it("promiseStatus uses window.min for dueFrom and window.max for dueBy (months clamp)", () => {
    const s = promiseStatus(promise(undefined, "2025-01-31", "P2W", "P1M"), "2025-02-01");
    expect(iso(s.dueFrom)).toBe("2025-02-14");
    expect(iso(s.dueBy)).toBe("2025-02-28");
    expect(s.daysLeft).toBe(27);
  });

  it("promiseStatus(month-precision outcome) counts from its earliest day", () => {
    expect(promiseStatus(promise({ status: "kept", date: "2025-06" }), "2025-08-16")).toMatchObject({ status: "late", daysLate: 2 });
    // Not yet known if asOf is before the month starts.
    expect(promiseStatus(promise({ status: "kept", date: "2025-06" }), "2025-05-31").status).toBe("overdue");
  });
});

describe("resolveAsOf", () => {
  const now = day("2025-09-01") + 15 * 3600_000;
  it("resolveAsOf prefers the option, then dataset.asOf, then today (UTC midnight)", () => {
    expect(resolveAsOf("2025-08-16", "2025-07-01", now)).toBe(day("2025-08-16"));
    expect(resolveAsOf(undefined, "2025-07", now)).toBe(day("2025-07-31"));
    expect(resolveAsOf(undefined, undefined, now)).toBe(day("2025-09-01"));
    expect(resolveAsOf(day("2025-08-16") + 5000, "2025-07", now)).toBe(day("2025-08-16"));
    expect(resolveAsOf(new Date(day("2025-08-16")))).toBe(day("2025-08-16"));
  });

  it("resolveAsOf rejects a bad date", () => {
    expect(() => resolveAsOf("yesterday")).toThrowError(/not an EDTF date/);
    expect(() => resolveAsOf(Number.NaN)).toThrowError(RangeError);
  });
});

describe("summarizeStatuses", () => {
  const at = (asOf: string, outcome?: PromiseOutcome): PromiseStatus => promiseStatus(promise(outcome), asOf);

  it("summarizeStatuses counts every status and takes medians", () => {
    const list = [
      at("2025-05-31"), // overdue 1
      at("2025-06-02"), // overdue 3
      at("2025-06-10"), // overdue 11
      at("2025-08-16", { status: "kept", date: "2025-06-01" }), // late 2
      at("2025-08-16", { status: "kept", date: "2025-06-05" }), // late 6
      at("2025-08-16", { status: "kept", date: "2025-05-20" }),
      at("2025-08-16", { status: "broken" }),
      at("2025-05-20"),
    ];
    expect(summarizeStatuses(list)).toEqual({
      total: 8,
      counts: { kept: 1, partial: 0, late: 2, broken: 1, overdue: 3, unknown: 0, open: 1 },
      medianDaysOverdue: 3,
      medianDaysLate: 4,
    });
  });

  it("summarizeStatuses([]) has zero counts and no medians", () => {
    expect(summarizeStatuses([])).toEqual({ total: 0, counts: { kept: 0, partial: 0, late: 0, broken: 0, overdue: 0, unknown: 0, open: 0 } });
  });

  it("summarizeStatuses(one overdue, one late) gives no median: a median of one promise is not a summary", () => {
    const sum = summarizeStatuses([at("2025-06-12"), at("2025-08-16", { status: "kept", date: "2025-06-01" })]);
    expect(sum.counts).toMatchObject({ overdue: 1, late: 1 });
    expect(sum.medianDaysOverdue).toBeUndefined();
    expect(sum.medianDaysLate).toBeUndefined();
    expect(sum).not.toHaveProperty("medianDaysOverdueAtLeast");
  });

  it("summarizeStatuses counts partial and unknown, and marks a median of 'at least' counts", () => {
    const checked = (asOf: string, c: string) => promiseStatus({ ...promise(), checked: c }, asOf);
    const sum = summarizeStatuses([
      checked("2025-08-16", "2025-06-19"), // at least 20
      at("2025-06-10"), // 11
      at("2025-08-16", { status: "partial", date: "2025-08-15" }),
      checked("2025-08-16", "2025-05-20"), // not due on 20 May: unknown
    ]);
    expect(sum.counts).toMatchObject({ overdue: 2, partial: 1, unknown: 1 });
    expect(sum.medianDaysOverdue).toBe(15.5);
    expect(sum.medianDaysOverdueAtLeast).toBe(true);
  });
});

describe("promiseStatus: partial outcomes", () => {
  it("promiseStatus(partial after the window) is partial with days after the window, as a late one would be", () => {
    // Said 16 May, two or three weeks: due by 6 June; they met on 15 August, the war did not end.
    const s = promiseStatus(promise({ status: "partial", date: "2025-08-15" }, "2025-05-16", "P14D", "P21D"), "2025-08-16");
    expect(s).toMatchObject({ status: "partial", daysLate: 70, daysMin: 70, daysMax: 70 });
    expect(s.outcomeDate?.text).toBe("2025-08-15");
    expect(s.daysEarly).toBeUndefined();
  });

  it("promiseStatus(partial within the window) is partial with days early, never 'kept'", () => {
    expect(promiseStatus(promise({ status: "partial", date: "2025-05-28" }), "2025-08-16")).toMatchObject({ status: "partial", daysEarly: 2 });
  });

  it("promiseStatus(partial without a date) is partial with no day counts; one dated after asOf is not known yet", () => {
    const s = promiseStatus(promise({ status: "partial" }), "2025-08-16");
    expect(s.status).toBe("partial");
    expect(s.daysLate).toBeUndefined();
    expect(promiseStatus(promise({ status: "partial", date: "2025-08-15" }), "2025-06-05")).toMatchObject({ status: "overdue", daysOverdue: 6 });
  });
});

describe("promiseStatus: deadlines", () => {
  const withDeadline = (deadline: string, extra: Partial<PromiseRecord> = {}): PromiseRecord => {
    const { window: _w, ...rest } = promise(undefined, "2021-08-20");
    return { ...rest, deadline, ...extra };
  };

  it("promiseStatus(deadline 2021-09-11, no window) is due by 11 September, from the day said", () => {
    const s = promiseStatus(withDeadline("2021-09-11"), "2021-09-11");
    expect(s).toMatchObject({ status: "open", daysLeft: 0 });
    expect(iso(s.dueBy)).toBe("2021-09-11");
    expect(iso(s.dueFrom)).toBe("2021-08-20");
    expect(s.deadline?.text).toBe("2021-09-11");
    expect(promiseStatus(withDeadline("2021-09-11"), "2021-09-14")).toMatchObject({ status: "overdue", daysOverdue: 3, daysMin: 3, daysMax: 3 });
  });

  it("promiseStatus(deadline 2022-03) means by the end of March: a point, not a range", () => {
    const s = promiseStatus(withDeadline("2022-03"), "2022-04-10");
    expect(iso(s.dueBy)).toBe("2022-03-31");
    expect(s).toMatchObject({ status: "overdue", daysOverdue: 10, daysMax: 10 });
    expect(promiseStatus(withDeadline("2022-03", { outcome: { status: "kept", date: "2022-03-31" } }), "2022-04-10")).toMatchObject({ status: "kept", daysEarly: 0 });
    expect(promiseStatus(withDeadline("2022-03", { outcome: { status: "kept", date: "2022-04-02" } }), "2022-04-10")).toMatchObject({ status: "late", daysLate: 2 });
  });

  it("promiseStatus(deadline as an interval) is due by its last day, overdue as a range from its first", () => {
    const s = promiseStatus(withDeadline("2021-09-01/2021-09-11"), "2021-09-20");
    expect(iso(s.dueBy)).toBe("2021-09-11");
    expect(iso(s.dueByEarliest!)).toBe("2021-09-01");
    expect(s).toMatchObject({ status: "overdue", daysOverdue: 9, daysMin: 9, daysMax: 19 });
  });

  it("promiseStatus(window and deadline) is due by the deadline, earlier or later than the window; the window sets dueFrom", () => {
    // Said 20 Aug, "in two weeks" (3 Sept) "by 11 September": the named date decides.
    const later = promiseStatus({ ...promise(undefined, "2021-08-20"), deadline: "2021-09-11" }, "2021-09-05");
    expect(later).toMatchObject({ status: "open", daysLeft: 6 });
    expect(iso(later.dueFrom)).toBe("2021-09-03");
    const earlier = promiseStatus({ ...promise(undefined, "2021-08-20"), deadline: "2021-08-31" }, "2021-09-02");
    expect(earlier).toMatchObject({ status: "overdue", daysOverdue: 2 });
    expect(iso(earlier.dueFrom)).toBe("2021-08-31");
  });
});

describe("promiseStatus: ranges when dates are spans", () => {
  it("promiseStatus(said 2025-05-28/2025-06-19, 10 to 14 days) is overdue by 44 to 66 days on 16 August", () => {
    const s = promiseStatus(promise(undefined, "2025-05-28/2025-06-19", "P10D", "P14D"), "2025-08-16");
    expect(s).toMatchObject({ status: "overdue", daysOverdue: 44, daysMin: 44, daysMax: 66, daysOverdueMax: 66 });
    expect(s.daysLateMax).toBeUndefined();
    expect(iso(s.dueByEarliest!)).toBe("2025-06-11");
  });

  it("promiseStatus(said on a known day) gives daysMin = daysMax", () => {
    expect(promiseStatus(promise(), "2025-08-16")).toMatchObject({ daysOverdue: 78, daysMin: 78, daysMax: 78 });
    expect(iso(promiseStatus(promise(), "2025-08-16").dueByEarliest!)).toBe("2025-05-30");
  });

  it("promiseStatus(outcome in June 2025) is late by 2 to 31 days; with a fuzzy said date the spans add up", () => {
    expect(promiseStatus(promise({ status: "kept", date: "2025-06" }), "2025-08-16")).toMatchObject({ status: "late", daysLate: 2, daysMin: 2, daysMax: 31, daysLateMax: 31 });
    // Said some day in May: due by 14 June at the latest, 15 May at the earliest; outcome 1–31 July: 17 to 77 days.
    expect(promiseStatus(promise({ status: "kept", date: "2025-07" }, "2025-05"), "2025-08-16")).toMatchObject({ status: "late", daysLate: 17, daysMax: 77 });
  });
});

describe("promiseStatus: checked (as far as the sources know)", () => {
  const checked = (c: string, outcome?: PromiseOutcome) => ({ ...promise(outcome), checked: c });

  it("promiseStatus(checked 19 June, no outcome) on 16 August is overdue by at least 20 days, counted to 19 June", () => {
    const s = promiseStatus(checked("2025-06-19"), "2025-08-16");
    expect(s).toMatchObject({ status: "overdue", daysOverdue: 20, daysMin: 20, daysMax: 20, atLeast: true });
    expect(iso(s.checked!)).toBe("2025-06-19");
  });

  it("promiseStatus(checked on or after asOf) is today's overdue, with no 'at least'", () => {
    for (const c of ["2025-08-16", "2025-09-01"]) {
      const s = promiseStatus(checked(c), "2025-08-16");
      expect(s).toMatchObject({ status: "overdue", daysOverdue: 78 });
      expect(s.atLeast).toBeUndefined();
      expect(s.checked).toBeUndefined();
    }
  });

  it("promiseStatus(checked, pending outcome) reads like no outcome; a reported outcome ignores checked", () => {
    expect(promiseStatus(checked("2025-06-19", { status: "pending" }), "2025-08-16")).toMatchObject({ status: "overdue", daysOverdue: 20, atLeast: true });
    const kept = promiseStatus(checked("2025-06-19", { status: "kept", date: "2025-07-01" }), "2025-08-16");
    expect(kept).toMatchObject({ status: "late", daysLate: 32 });
    expect(kept.atLeast).toBeUndefined();
  });

  it("promiseStatus(checked before it fell due, past due on asOf) is unknown, not overdue", () => {
    // Due by 30 May; the sources were last checked on 20 May, when it was open.
    const s = promiseStatus(checked("2025-05-20"), "2025-08-16");
    expect(s.status).toBe("unknown");
    expect(iso(s.checked!)).toBe("2025-05-20");
    expect(s.daysOverdue).toBeUndefined();
    expect(s.daysLeft).toBeUndefined();
    // Checked on the deadline day itself: still on time then, so unknown too.
    expect(promiseStatus(checked("2025-05-30"), "2025-08-16").status).toBe("unknown");
  });

  it("promiseStatus(checked, not yet due on asOf) is open with its days left", () => {
    expect(promiseStatus(checked("2025-05-18"), "2025-05-20")).toMatchObject({ status: "open", daysLeft: 10 });
  });

  it("promiseStatus(checked June 2025) counts to the first day of the month: the sources are known to reach no further", () => {
    expect(promiseStatus(checked("2025-06"), "2025-08-16")).toMatchObject({ status: "overdue", daysOverdue: 2, atLeast: true });
  });
});
