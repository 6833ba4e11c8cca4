import { describe, expect, it } from "vitest";
import { calendarTicks } from "../../src/layout/timeBreaks.js";

const ms = (s: string) => Date.parse(`${s}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("calendarTicks (the timeline's axis ticks on d3-time's UTC intervals)", () => {
  it("calendarTicks(two weeks, 7) gives every other day at UTC midnight", () => {
    expect(calendarTicks(ms("2025-08-01"), ms("2025-08-15"), 7).map(iso)).toEqual(["2025-08-01", "2025-08-03", "2025-08-05", "2025-08-07", "2025-08-09", "2025-08-11", "2025-08-13", "2025-08-15"]);
  });
  it("calendarTicks(seven months, 5) gives the first of each month", () => {
    expect(calendarTicks(ms("2025-03-10"), ms("2025-10-05"), 5).map(iso)).toEqual(["2025-04-01", "2025-05-01", "2025-06-01", "2025-07-01", "2025-08-01", "2025-09-01", "2025-10-01"]);
  });
  it("calendarTicks(four years, 8) gives quarters", () => {
    const t = calendarTicks(ms("2022-02-01"), ms("2025-11-01"), 8).map(iso);
    expect(t[0]).toBe("2022-04-01");
    expect(t.at(-1)).toBe("2025-10-01");
    expect(t.every((d) => /-(01|04|07|10)-01$/.test(d))).toBe(true);
  });
  it("calendarTicks(three centuries, 6) gives round years: every 20 (the coarsest 1-2-5 step within 46 years)", () => {
    expect(calendarTicks(ms("1750-01-01"), ms("2025-06-01"), 6).map((d) => d.getUTCFullYear())).toEqual([1760, 1780, 1800, 1820, 1840, 1860, 1880, 1900, 1920, 1940, 1960, 1980, 2000, 2020]);
  });
  it("calendarTicks gives at least `count` ticks inside the span, in order, for spans from two weeks to 500 years", () => {
    for (const days of [14, 30, 90, 200, 400, 1000, 3000, 10000, 40000, 180000])
      for (const count of [2, 3, 5, 8, 13]) {
        const t0 = ms("1900-03-17");
        const t1 = t0 + days * 86_400_000;
        const t = calendarTicks(t0, t1, count).map(Number);
        expect(t.length, `${days} days, count ${count}`).toBeGreaterThanOrEqual(Math.min(count, 2));
        expect(t.every((x, i) => x >= t0 && x <= t1 && (i === 0 || x > t[i - 1]!))).toBe(true);
      }
  });
});
