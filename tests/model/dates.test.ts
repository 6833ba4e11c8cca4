import { describe, it, expect } from "vitest";
import { DateParseError, dayIndex, formatDateSpan, isDate, lastDay, parseDate } from "../../src/model/dates.js";

const day = (s: string): number => Date.parse(`${s}T00:00:00Z`);
const bounds = (text: string) => {
  const s = parseDate(text);
  return [new Date(s.start).toISOString().slice(0, 10), new Date(lastDay(s)).toISOString().slice(0, 10)];
};
const reason = (text: string): string => {
  try {
    parseDate(text);
  } catch (e) {
    expect(e).toBeInstanceOf(DateParseError);
    return (e as Error).message;
  }
  throw new Error(`parseDate(${JSON.stringify(text)}) did not throw`);
};

describe("parseDate forms", () => {
  it('parseDate("2025-08-12") is one day', () => {
    const s = parseDate("2025-08-12");
    expect(s).toMatchObject({ text: "2025-08-12", precision: "day", start: day("2025-08-12"), end: day("2025-08-13"), approximate: false, uncertain: false, unspecified: false });
    expect(s.interval).toBeUndefined();
  });

  it('parseDate("2025-08") is the whole month at month precision', () => {
    expect(parseDate("2025-08").precision).toBe("month");
    expect(bounds("2025-08")).toEqual(["2025-08-01", "2025-08-31"]);
    expect(bounds("2025-12")).toEqual(["2025-12-01", "2025-12-31"]);
  });

  it('parseDate("2025") is the whole year at year precision', () => {
    expect(parseDate("2025").precision).toBe("year");
    expect(bounds("2025")).toEqual(["2025-01-01", "2025-12-31"]);
  });

  it("parseDate reads years below 100 as themselves, not 19xx", () => {
    expect(new Date(parseDate("0099-03-01").start).getUTCFullYear()).toBe(99);
  });

  it("parseDate reads the qualifiers ~ ? %", () => {
    expect(parseDate("2025-08-12~")).toMatchObject({ approximate: true, uncertain: false, precision: "day" });
    expect(parseDate("2025-08?")).toMatchObject({ approximate: false, uncertain: true, precision: "month" });
    expect(parseDate("2025%")).toMatchObject({ approximate: true, uncertain: true, precision: "year" });
    expect(bounds("2025-08~")).toEqual(["2025-08-01", "2025-08-31"]);
  });

  it("parseDate resolves X digits to the span of possibilities", () => {
    expect(parseDate("2025-XX")).toMatchObject({ precision: "year", unspecified: true });
    expect(bounds("2025-XX")).toEqual(["2025-01-01", "2025-12-31"]);
    expect(bounds("2025-XX-XX")).toEqual(["2025-01-01", "2025-12-31"]);
    expect(parseDate("2025-08-XX")).toMatchObject({ precision: "month", unspecified: true });
    expect(bounds("2025-08-XX")).toEqual(["2025-08-01", "2025-08-31"]);
    expect(bounds("202X")).toEqual(["2020-01-01", "2029-12-31"]);
    expect(bounds("19XX")).toEqual(["1900-01-01", "1999-12-31"]);
    expect(parseDate("202X~").approximate).toBe(true);
  });

  it("parseDate rejects X digits outside the subset", () => {
    expect(reason("2025-XX-12")).toMatch(/^"2025-XX-12" is not an EDTF date/);
    expect(reason("202X-05")).toMatch(/^"202X-05" is not an EDTF date/);
    expect(reason("2025-1X")).toMatch(/not an EDTF date/);
    expect(reason("XXXX")).toMatch(/not an EDTF date/);
  });
});

describe("parseDate intervals", () => {
  it('parseDate("2025-03-21/2025-03-31") spans both ends', () => {
    const s = parseDate("2025-03-21/2025-03-31");
    expect(bounds("2025-03-21/2025-03-31")).toEqual(["2025-03-21", "2025-03-31"]);
    expect(s.precision).toBe("day");
    expect(s.interval).toMatchObject({ startOpen: false, endOpen: false, startUnknown: false, endUnknown: false });
    expect(s.interval!.from!.text).toBe("2025-03-21");
    expect(s.interval!.to!.text).toBe("2025-03-31");
  });

  it("parseDate interval precision is the coarser end, qualifiers carry over", () => {
    const s = parseDate("2025-03~/2025-04-10");
    expect(s.precision).toBe("month");
    expect(s.approximate).toBe(true);
    expect(bounds("2025-03~/2025-04-10")).toEqual(["2025-03-01", "2025-04-10"]);
  });

  it('parseDate("2025-06/..") has an open end and the known end\'s span', () => {
    const s = parseDate("2025-06/..");
    expect(s.interval).toMatchObject({ from: { text: "2025-06" }, to: null, endOpen: true, endUnknown: false, startOpen: false });
    expect(bounds("2025-06/..")).toEqual(["2025-06-01", "2025-06-30"]);
  });

  it('parseDate("../2025-03-10") has an open start', () => {
    const s = parseDate("../2025-03-10");
    expect(s.interval).toMatchObject({ from: null, startOpen: true, startUnknown: false });
    expect(bounds("../2025-03-10")).toEqual(["2025-03-10", "2025-03-10"]);
  });

  it("parseDate reads empty interval ends as unknown", () => {
    expect(parseDate("2025-06/").interval).toMatchObject({ endUnknown: true, endOpen: false, to: null });
    expect(parseDate("/2025").interval).toMatchObject({ startUnknown: true, startOpen: false, from: null });
  });

  it('parseDate("2025-06/2025-03") rejects a reversed interval', () => {
    expect(reason("2025-06/2025-03")).toBe('"2025-06/2025-03" ends before it starts');
  });

  it("parseDate rejects intervals with no known end, or a bad end", () => {
    expect(reason("../..")).toMatch(/neither end known/);
    expect(reason("/")).toMatch(/neither end known/);
    expect(reason("../")).toMatch(/neither end known/);
    expect(reason("2025-02-30/2025-03")).toMatch(/^"2025-02-30" is not a calendar date/);
    expect(reason("2025/2026/2027")).toMatch(/not an EDTF date/);
  });
});

describe("parseDate rejects impossible and malformed dates", () => {
  it('parseDate("2025-02-29") rejects an impossible day', () => {
    expect(reason("2025-02-29")).toBe('"2025-02-29" is not a calendar date (February 2025 has 28 days)');
    expect(reason("2025-04-31")).toBe('"2025-04-31" is not a calendar date (April 2025 has 30 days)');
    expect(reason("2025-08-00")).toMatch(/has no day 0/);
  });

  it("parseDate knows leap years (2024, 2000 yes; 2025, 1900 no)", () => {
    expect(isDate("2024-02-29")).toBe(true);
    expect(isDate("2000-02-29")).toBe(true);
    expect(reason("1900-02-29")).toBe('"1900-02-29" is not a calendar date (February 1900 has 28 days)');
    expect(isDate("2025-02-29")).toBe(false);
    expect(bounds("2024-02")).toEqual(["2024-02-01", "2024-02-29"]);
  });

  it('parseDate("2025-13-45") and parseDate("2025-00") reject missing months', () => {
    expect(reason("2025-13-45")).toBe('"2025-13-45" has no month 13');
    expect(reason("2025-13")).toBe('"2025-13" has no month 13');
    expect(reason("2025-00")).toBe('"2025-00" has no month 0');
  });

  it('parseDate("2025-1-2") asks for two-digit months and days', () => {
    expect(reason("2025-1-2")).toMatch(/^"2025-1-2" is not an EDTF date \(write 2025-01-02/);
  });

  it('parseDate("Aug 2025") suggests the EDTF form', () => {
    expect(reason("Aug 2025")).toBe('"Aug 2025" is not an EDTF date (write 2025-08)');
    expect(reason("12 August 2025")).toBe('"12 August 2025" is not an EDTF date (write 2025-08-12)');
    expect(reason("August 12, 2025")).toBe('"August 12, 2025" is not an EDTF date (write 2025-08-12)');
    expect(reason("12/08/2025")).toMatch(/write year-month-day/);
  });

  it('parseDate("") and other non-dates are rejected', () => {
    expect(reason("")).toMatch(/^"" is not an EDTF date/);
    expect(reason("yesterday")).toMatch(/^"yesterday" is not an EDTF date/);
    expect(reason("2025?~")).toMatch(/not an EDTF date/);
    expect(reason("25-08-12")).toMatch(/not an EDTF date/);
  });

  it('parseDate("2025-08-12T10:00") rejects times', () => {
    expect(reason("2025-08-12T10:00")).toBe('"2025-08-12T10:00" is not an EDTF date (times are not part of a date; write 2025-08-12)');
  });

  it('parseDate(" 2025") trims nothing', () => {
    expect(reason(" 2025")).toMatch(/^" 2025" is not an EDTF date \(remove the spaces/);
    expect(isDate("2025 ")).toBe(false);
  });
});

describe("day helpers", () => {
  it("dayIndex counts whole UTC days; lastDay is the span's last midnight", () => {
    expect(dayIndex(0)).toBe(0);
    expect(dayIndex(day("1970-01-02") - 1)).toBe(0);
    expect(dayIndex(day("2025-08-12") + 23 * 3600_000)).toBe(dayIndex(day("2025-08-12")));
    expect(dayIndex(-1)).toBe(-1);
    expect(lastDay(parseDate("2025-08"))).toBe(day("2025-08-31"));
  });
});

describe("formatDateSpan", () => {
  it("formatDateSpan prints each precision honestly", () => {
    expect(formatDateSpan(parseDate("2025-08-12"))).toBe("12 Aug 2025");
    expect(formatDateSpan(parseDate("2025-08-12"), "en-US")).toBe("Aug 12, 2025");
    expect(formatDateSpan(parseDate("2025-08"))).toBe("August 2025");
    expect(formatDateSpan(parseDate("2025-08-XX"))).toBe("August 2025");
    expect(formatDateSpan(parseDate("2025"))).toBe("2025");
    expect(formatDateSpan(parseDate("2025-XX"))).toBe("2025");
    expect(formatDateSpan(parseDate("202X"))).toMatch(/^2020\s?–\s?2029$/);
  });

  it("formatDateSpan never prints a day for a month-precision date", () => {
    for (const locale of ["en-GB", "en-US", "de-DE", "fr-FR", "ru-RU", "ko-KR", "uk-UA"]) {
      expect(formatDateSpan(parseDate("2025-08"), locale)).not.toMatch(/\b(0?1|31)\b/);
    }
  });

  it("formatDateSpan marks approximate and uncertain dates", () => {
    expect(formatDateSpan(parseDate("2025-08-12~"))).toBe("c. 12 Aug 2025");
    expect(formatDateSpan(parseDate("2025-08?"))).toBe("August 2025?");
    expect(formatDateSpan(parseDate("2025%"))).toBe("c. 2025?");
  });

  it("formatDateSpan prints intervals, open and unknown ends", () => {
    expect(formatDateSpan(parseDate("2025-03-21/2025-03-31"))).toMatch(/^21\s?–\s?31 Mar 2025$/);
    expect(formatDateSpan(parseDate("2025-03/2025-04"))).toMatch(/^March\s?–\s?April 2025$/);
    expect(formatDateSpan(parseDate("2025-03~/2025-04-10"))).toBe("c. March 2025 – 10 Apr 2025");
    expect(formatDateSpan(parseDate("2025-06/.."))).toBe("from June 2025");
    expect(formatDateSpan(parseDate("../2025-03-10"))).toBe("until 10 Mar 2025");
    expect(formatDateSpan(parseDate("2025-06/"))).toBe("June 2025 – ?");
    expect(formatDateSpan(parseDate("/2025"))).toBe("? – 2025");
  });
});
