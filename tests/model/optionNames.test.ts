import { describe, expect, it } from "vitest";
import { checkOptionNames, editDistance, nearestName } from "../../src/model/optionNames.js";
import { OptionError } from "../../src/model/options.js";

const TIMELINE = ["width", "locale", "theme", "title", "orientation", "lanes", "asOf", "periods", "annotations", "domain", "breakpoint"];

function message(options: object): string {
  try {
    checkOptionNames(options, TIMELINE, "timeline");
  } catch (e) {
    expect(e).toBeInstanceOf(OptionError);
    return (e as Error).message;
  }
  return "";
}

describe("checkOptionNames", () => {
  it("checkOptionNames(known names, allowed, chart) accepts them, and nullish options", () => {
    expect(() => checkOptionNames({ width: 600, lanes: "kind", asOf: undefined }, TIMELINE, "timeline")).not.toThrow();
    expect(() => checkOptionNames(undefined, TIMELINE, "timeline")).not.toThrow();
    expect(() => checkOptionNames(null, TIMELINE, "timeline")).not.toThrow();
    expect(() => checkOptionNames({}, TIMELINE, "timeline")).not.toThrow();
  });

  it("checkOptionNames({ widht }) says did you mean \"width\", naming the chart", () => {
    expect(message({ widht: 600 })).toBe(`timeline: unknown option "widht" — did you mean "width"? (options: ${TIMELINE.join(", ")})`);
  });

  it("checkOptionNames({ domian }), { lane }, { asof }, { \"as-of\" } suggest the option meant", () => {
    expect(message({ domian: ["2025-01", "2025-02"] })).toContain('did you mean "domain"?');
    expect(message({ lane: "kind" })).toContain('did you mean "lanes"?');
    expect(message({ asof: "2025-08-16" })).toContain('did you mean "asOf"?');
    expect(message({ "as-of": "2025-08-16" })).toContain('did you mean "asOf"?');
    expect(message({ Theme: "dark" })).toContain('did you mean "theme"?');
  });

  it("checkOptionNames({ colour }) refuses a name with no near miss, without a wrong guess", () => {
    const m = message({ colour: "red" });
    expect(m).toMatch(/^timeline: unknown option "colour" \(options: /);
    expect(m).not.toContain("did you mean");
  });

  it("checkOptionNames refuses a name even when its value is undefined (the caller wrote it)", () => {
    expect(message({ sort: undefined })).toContain('unknown option "sort"');
  });

  it("checkOptionNames ignores inherited keys and refuses an own __proto__ key", () => {
    expect(() => checkOptionNames(Object.create({ bogus: 1 }), TIMELINE, "timeline")).not.toThrow();
    expect(message(JSON.parse('{"__proto__": {"x": 1}}'))).toContain('unknown option "__proto__"');
  });

  it("nearestName keeps short names strict and editDistance counts a transposition as one edit", () => {
    expect(nearestName("srot", ["sort", "group"])).toBe("sort");
    expect(nearestName("zap", ["sort", "group"])).toBeUndefined();
    expect(nearestName("x", ["width"])).toBeUndefined();
    expect(editDistance("widht", "width")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "ab")).toBe(2);
  });
});
