import { describe, expect, it } from "vitest";
import { isCurrency, resolveLocale } from "../../src/format/locale.js";

describe("isCurrency (issue 14.10)", () => {
  it("isCurrency(code) is true only for ISO 4217 codes Intl knows", () => {
    expect(["USD", "EUR", "KRW", "RUB", "GBP"].filter((c) => isCurrency(c))).toEqual(["USD", "EUR", "KRW", "RUB", "GBP"]);
    expect(["KIA", "POW", "MIA", "NGO", "UAV", "usd", "US$", "", undefined].filter((c) => isCurrency(c))).toEqual([]);
  });

  it('resolveLocale("en-US").figure(1200, "KIA") prints the unit as a word, not as a currency', () => {
    const loc = resolveLocale("en-US");
    expect(loc.figure(1200, "KIA")).toBe("1,200 KIA");
    expect(loc.figure(1200, "USD")).toBe("$1,200");
  });
});
