import { describe, it, expect } from "vitest";
import { addDuration, durationDays, DurationParseError, formatDuration, parseDuration, parseWindowValue, readDurationPhrase } from "../../src/model/durations.js";

const day = (s: string): number => Date.parse(`${s}T00:00:00Z`);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** "min max" as ISO text, or the reason. */
const read = (phrase: string): string => {
  const r = readDurationPhrase(phrase);
  return r.ok ? `${r.min.text} ${r.max.text}` : r.reason;
};

describe("parseDuration", () => {
  it("parseDuration reads P14D, P2W, P1M, P1Y2M10D, P0D", () => {
    expect(parseDuration("P14D")).toEqual({ text: "P14D", years: 0, months: 0, weeks: 0, days: 14 });
    expect(parseDuration("P2W")).toEqual({ text: "P2W", years: 0, months: 0, weeks: 2, days: 0 });
    expect(parseDuration("P1M")).toEqual({ text: "P1M", years: 0, months: 1, weeks: 0, days: 0 });
    expect(parseDuration("P1Y2M10D")).toEqual({ text: "P1Y2M10D", years: 1, months: 2, weeks: 0, days: 10 });
    expect(parseDuration("P0D")).toMatchObject({ days: 0 });
  });

  it('parseDuration rejects "P", "14D", "p14d" and phrases', () => {
    for (const bad of ["P", "14D", "p14d", "P14", "P1D2M", "", " P14D", "two fortnights"]) {
      expect(() => parseDuration(bad), bad).toThrowError(DurationParseError);
    }
    expect(() => parseDuration("two fortnights")).toThrowError('"two fortnights" is not a duration (write an ISO 8601 duration such as P14D, or a phrase like "two weeks")');
  });

  it('parseDuration("P1.5W") rejects fractions and says so', () => {
    expect(() => parseDuration("P1.5W")).toThrowError(/^"P1.5W" has a fraction/);
  });

  it('parseDuration("PT36H") rejects time parts with a clear message', () => {
    expect(() => parseDuration("PT36H")).toThrowError(/^"PT36H" has a time part/);
    expect(() => parseDuration("P1DT2H")).toThrowError(/has a time part/);
  });
});

describe("addDuration and durationDays", () => {
  it("addDuration adds days and weeks", () => {
    expect(iso(addDuration(day("2025-05-16"), parseDuration("P2W")))).toBe("2025-05-30");
    expect(iso(addDuration(day("2025-12-25"), parseDuration("P14D")))).toBe("2026-01-08");
  });

  it("addDuration clamps the day of month (Jan 31 + P1M = Feb 28/29)", () => {
    expect(iso(addDuration(day("2025-01-31"), parseDuration("P1M")))).toBe("2025-02-28");
    expect(iso(addDuration(day("2024-01-31"), parseDuration("P1M")))).toBe("2024-02-29");
    expect(iso(addDuration(day("2024-02-29"), parseDuration("P1Y")))).toBe("2025-02-28");
    expect(iso(addDuration(day("2025-05-15"), parseDuration("P1M")))).toBe("2025-06-15");
    expect(iso(addDuration(day("2025-11-30"), parseDuration("P3M")))).toBe("2026-02-28");
  });

  it("addDuration adds months before days and keeps the time of day", () => {
    expect(iso(addDuration(day("2025-01-31"), parseDuration("P1M1D")))).toBe("2025-03-01");
    expect(addDuration(day("2025-05-31") + 3600_000, parseDuration("P1M"))).toBe(day("2025-06-30") + 3600_000);
  });

  it("durationDays orders mixed units", () => {
    expect(durationDays(parseDuration("P2W"))).toBe(14);
    expect(durationDays(parseDuration("P1M"))).toBeCloseTo(30.44);
    expect(durationDays(parseDuration("P1Y"))).toBe(365.25);
  });
});

describe("formatDuration", () => {
  it("formatDuration names the units", () => {
    expect(formatDuration(parseDuration("P2W"))).toBe("2 weeks");
    expect(formatDuration(parseDuration("P14D"))).toBe("14 days");
    expect(formatDuration(parseDuration("P1M"))).toBe("1 month");
    expect(formatDuration(parseDuration("P1D"))).toBe("1 day");
    expect(formatDuration(parseDuration("P0D"))).toBe("0 days");
    expect(formatDuration(parseDuration("P1Y2M10D"))).toBe("1 year, 2 months, and 10 days");
  });
});

describe("readDurationPhrase", () => {
  it.each([
    ["two weeks", "P14D P14D"],
    ["in about two weeks", "P14D P14D"],
    ["Two weeks.", "P14D P14D"],
    ["over the next two weeks", "P14D P14D"],
    ["two weeks from now", "P14D P14D"],
    ["at some point in the next two weeks!", "P14D P14D"],
    ["in two weeks' time", "P14D P14D"],
    ["two or three weeks", "P14D P21D"],
    ["two to three weeks", "P14D P21D"],
    ["two, three weeks", "P14D P21D"],
    ["2-3 weeks", "P14D P21D"],
    ["2–3 weeks", "P14D P21D"],
    ["two weeks or three weeks", "P14D P21D"],
    ["between two and three weeks", "P14D P21D"],
    ["in, uh, two or three weeks", "P14D P21D"],
    ["a week and a half, two weeks", "P10D P14D"],
    ["two weeks or four weeks", "P14D P28D"],
    ["a month from now, or two weeks from now", "P14D P1M"],
    ["within two weeks", "P0D P14D"],
    ["Within the next two weeks", "P0D P14D"],
    ["within two or three weeks", "P0D P21D"],
    ["a couple of weeks", "P14D P14D"],
    ["a month", "P1M P1M"],
    ["an hour", "P1D P1D"],
    ["ten days", "P10D P10D"],
    ["10 days", "P10D P10D"],
    ["a fortnight", "P14D P14D"],
    ["twelve months", "P1Y P1Y"],
    ["one year", "P1Y P1Y"],
    ["a year and a half", "P1Y6M P1Y6M"],
    ["half a year", "P6M P6M"],
    ["half a month", "P15D P15D"],
    ["two and a half weeks", "P17D P17D"],
    ["eleven days", "P11D P11D"],
    ["the next week", "P7D P7D"],
    // Issue 16: number words and digits alike, hours, and "up to".
    ["fourteen months", "P1Y2M P1Y2M"],
    ["14 months", "P1Y2M P1Y2M"],
    ["twenty-one days", "P21D P21D"],
    ["twenty one days", "P21D P21D"],
    ["twenty-two or twenty-three days", "P22D P23D"],
    ["a hundred days", "P100D P100D"],
    ["two hundred and ten days", "P210D P210D"],
    ["ninety-nine years", "P99Y P99Y"],
    ["1.5 weeks", "P10D P10D"],
    ["48 hours", "P2D P2D"],
    ["36 hours", "P2D P2D"],
    ["forty-eight hours", "P2D P2D"],
    ["within 24 hours", "P0D P1D"],
    ["a fortnight", "P14D P14D"],
    ["up to two weeks", "P0D P14D"],
    ["Up to 2 weeks", "P0D P14D"],
    ["no more than a month", "P0D P1M"],
    ["less than three weeks", "P0D P21D"],
    ["in a couple of weeks", "P14D P14D"],
    ["two-three weeks", "P14D P21D"],
    ["48hrs", "P2D P2D"],
    ["2wks", "P14D P14D"],
    ["a year or two", "P1Y P2Y"],
  ])("readDurationPhrase(%j) reads %s", (phrase, expected) => {
    expect(read(phrase)).toBe(expected);
  });

  it('readDurationPhrase("a week and a half") is 10 days: 10.5 rounded down to whole days', () => {
    const r = readDurationPhrase("a week and a half");
    expect(r).toMatchObject({ ok: true, phrase: "a week and a half", min: { days: 10, text: "P10D" }, max: { days: 10 } });
  });

  it("readDurationPhrase orders alternatives by size", () => {
    expect(read("three weeks or two weeks")).toBe("P14D P21D");
    expect(read("two weeks or a month")).toBe("P14D P1M");
  });

  it.each(["two constructors", "a toString", "twenty", "up to", "a few hours", "hundreds of days"])("readDurationPhrase(%j) finds no unit on Object.prototype and fails", (phrase) => {
    expect(readDurationPhrase(phrase)).toEqual({ ok: false, phrase, reason: `could not read "${phrase}" as a duration` });
  });

  it('readDurationPhrase("300000 years") fails: windows are at most 100 years', () => {
    expect(readDurationPhrase("300000 years")).toEqual({ ok: false, phrase: "300000 years", reason: '"300000 years" is longer than 100 years' });
    expect(() => parseWindowValue("300000 years")).toThrowError('"300000 years" is longer than 100 years');
    expect(readDurationPhrase("a hundred years")).toMatchObject({ ok: true, max: { text: "P100Y" } });
  });

  it.each(["soon", "very soon", "two fortnights and a bit", "", "   ", "two or three", "a few weeks", "a", "weeks weeks", "two weeks and counting", "P14D"])(
    "readDurationPhrase(%j) fails and names the phrase",
    (phrase) => {
      expect(readDurationPhrase(phrase)).toEqual({ ok: false, phrase, reason: `could not read "${phrase}" as a duration` });
    },
  );
});

describe("parseWindowValue", () => {
  it("parseWindowValue(ISO) gives min = max", () => {
    expect(parseWindowValue("P2W")).toEqual({ min: parseDuration("P2W"), max: parseDuration("P2W") });
  });

  it("parseWindowValue(phrase) reads the phrase", () => {
    const r = parseWindowValue("two or three weeks");
    expect([r.min.text, r.max.text]).toEqual(["P14D", "P21D"]);
  });

  it("parseWindowValue throws DurationParseError on what it can't read", () => {
    expect(() => parseWindowValue("soon")).toThrowError(DurationParseError);
    expect(() => parseWindowValue("two fortnights and a bit")).toThrowError(/^"two fortnights and a bit" is not a duration/);
    expect(() => parseWindowValue("PT36H")).toThrowError(/has a time part/);
  });
});
