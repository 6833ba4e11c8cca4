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
      counts: { kept: 1, late: 2, broken: 1, overdue: 3, open: 1 },
      medianDaysOverdue: 3,
      medianDaysLate: 4,
    });
  });

  it("summarizeStatuses([]) has zero counts and no medians", () => {
    expect(summarizeStatuses([])).toEqual({ total: 0, counts: { kept: 0, late: 0, broken: 0, overdue: 0, open: 0 } });
  });
});
