// @vitest-environment node
import { describe, expect, it } from "vitest";
import { resolveTimelineOptions } from "../../src/charts/timeline.js";
import { OptionError } from "../../src/model/options.js";
import { formatDomainText, formatPeriodsText, parseDomainText, parsePeriodsText } from "../../src/model/periodText.js";

describe("parseDomainText(text, name)", () => {
  it.each([
    ["2021-08/2021-09", ["2021-08", "2021-09"]],
    ["2021-08,2021-09", ["2021-08", "2021-09"]],
    ["  2021-08-15 / 2021-09-01 ", ["2021-08-15", "2021-09-01"]],
    ["2021, 2022~", ["2021", "2022~"]],
  ])("parseDomainText(%j) reads %j", (text, want) => {
    expect(parseDomainText(text)).toEqual(want);
  });
  it.each([
    ["2021-08", /cannot read "2021-08" as a range/],
    ["2021-08/2021-13", /cannot read the end "2021-13"/],
    ["Aug 2021/2021-09", /cannot read the start "Aug 2021"/],
    ["2021-09/2021-08", /the end 2021-08 is before the start 2021-09/],
    ["../2021-09", /start cannot be open/],
    ["2021-08/2021-09/2021-10", /as a range/],
  ])("parseDomainText(%j, 'data-domain') names the attribute and the part", (text, re) => {
    let err: unknown;
    try {
      parseDomainText(text, "data-domain");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OptionError);
    expect((err as Error).message).toMatch(/^data-domain: /);
    expect((err as Error).message).toMatch(re);
  });
  it("formatDomainText(domain) is read back by parseDomainText", () => {
    expect(formatDomainText(["2024-05", "2025-10"])).toBe("2024-05/2025-10");
    expect(parseDomainText(formatDomainText(["2024-05", "2025-10~"]))).toEqual(["2024-05", "2025-10~"]);
  });
});

describe("parsePeriodsText(text, name)", () => {
  it("parsePeriodsText reads the issue's example: an interval, then a single day, separated by ;", () => {
    expect(parsePeriodsText("2021-08-15/2021-08-31 Evacuation; 2021-08-26 Kabul airport attack")).toEqual([
      { start: "2021-08-15", end: "2021-08-31", label: "Evacuation" },
      { start: "2021-08-26", end: "2021-08-26", label: "Kabul airport attack" },
    ]);
  });
  it("parsePeriodsText takes new lines as separators, skips blank ones, and open or empty ends run to the edge", () => {
    expect(parsePeriodsText("\n 2022-02-24/.. War in Ukraine\n\n2021-08/ Withdrawal \r\n2021 Year; ")).toEqual([
      { start: "2022-02-24", label: "War in Ukraine" },
      { start: "2021-08", label: "Withdrawal" },
      { start: "2021", end: "2021", label: "Year" },
    ]);
  });
  it("parsePeriodsText forgives spaces around the slash, and keeps a slash inside the label", () => {
    expect(parsePeriodsText("2021-08-15 / 2021-08-31 Evacuation; 2021-08-26 Call/visit; 2021-08 /.. From August; 2021-08-30/")).toEqual([
      { start: "2021-08-15", end: "2021-08-31", label: "Evacuation" },
      { start: "2021-08-26", end: "2021-08-26", label: "Call/visit" },
      { start: "2021-08", label: "From August" },
      { start: "2021-08-30", label: "" },
    ]);
  });
  it("parsePeriodsText keeps \\; in a label and allows no label", () => {
    expect(parsePeriodsText("2021-08 Talks\\; then a deal; 2021-09")).toEqual([
      { start: "2021-08", end: "2021-08", label: "Talks; then a deal" },
      { start: "2021-09", end: "2021-09", label: "" },
    ]);
    expect(parsePeriodsText("  ")).toEqual([]);
  });
  it("parsePeriodsText reports every period it cannot read, naming the attribute and the part", () => {
    let msg = "";
    try {
      parsePeriodsText("Evacuation 2021-08-15/2021-08-31; 2021-08-26 Attack; 2021-08-31/2021-08-15 Backwards; ../2021-09 Open start", "data-periods");
    } catch (e) {
      expect(e).toBeInstanceOf(OptionError);
      msg = (e as Error).message;
    }
    expect(msg).toMatch(/^data-periods: /);
    expect(msg).toMatch(/period 1 \("Evacuation 2021-08-15\/2021-08-31"\): cannot read "Evacuation" as a date or interval/);
    expect(msg).not.toMatch(/period 2/);
    expect(msg).toMatch(/period 3 .*ends \(2021-08-15\) before it starts \(2021-08-31\)/);
    expect(msg).toMatch(/period 4 .*needs a start date/);
    expect(msg).toMatch(/e\.g\. "2021-08-15\/2021-08-31 Evacuation/);
  });
  it("parsePeriodsText('31/08/2021 Fall') passes on the date parser's hint", () => {
    expect(() => parsePeriodsText("31/08/2021 Fall", "--period")).toThrow(/^--period: "31\/08\/2021 Fall": cannot read "31\/08\/2021" as a date or interval: .*2021-08-31/);
  });
});

describe("formatPeriodsText(periods)", () => {
  const periods = [
    { start: "2021-08-15", end: "2021-08-31", label: "Evacuation" },
    { start: "2021-08-26", end: "2021-08-26", label: "Kabul airport attack" },
    { start: "2022-02-24", label: "War; in Ukraine \\ and after" },
    { start: "2025-03~", end: "..", label: "" },
  ];
  it("formatPeriodsText writes single days as one date, open ends as /..", () => {
    expect(formatPeriodsText(periods)).toBe("2021-08-15/2021-08-31 Evacuation; 2021-08-26 Kabul airport attack; 2022-02-24/.. War\\; in Ukraine \\\\ and after; 2025-03~/..");
  });
  it("parsePeriodsText(formatPeriodsText(p)) resolves to the same timeline periods", () => {
    const back = parsePeriodsText(formatPeriodsText(periods));
    expect(resolveTimelineOptions({ periods: back }).periods).toEqual(resolveTimelineOptions({ periods }).periods);
  });
  it("formatPeriodsText puts a label with line breaks on one line", () => {
    expect(parsePeriodsText(formatPeriodsText([{ start: "2021", label: "Two\nlines" }]))).toEqual([{ start: "2021", label: "Two lines" }]);
  });
});
