import { describe, expect, it } from "vitest";
import { graphemes, textWidth, truncateText } from "../../src/layout/text.js";

describe("truncateText(text, width) cuts between graphemes, never inside one", () => {
  const cases = [
    ["flags", "🇺🇦🇰🇷🇺🇸🇷🇺🇰🇵🇩🇪🇫🇷🇯🇵🇨🇳🇸🇦"],
    ["ZWJ families", "👨‍👩‍👧‍👦👩‍❤️‍👨👨‍👩‍👧‍👦👩‍❤️‍👨👨‍👩‍👧‍👦"],
    ["combining marks", "e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301"],
    ["Hangul jamo", "\u1100\u1161\u11A8\u1100\u1161\u11A8\u1100\u1161\u11A8\u1100\u1161\u11A8\u1100\u1161\u11A8"],
  ] as const;
  for (const [name, text] of cases) {
    it(`truncateText(${name}) keeps whole graphemes at every width`, () => {
      const all = graphemes(text);
      for (let w = 8; w < textWidth(text, 12); w += 3) {
        const { text: cut, truncated } = truncateText(text, w, 12);
        if (!truncated) continue;
        const kept = graphemes(cut.replace(/…$/, ""));
        // Every kept grapheme is one of the originals, in order: none was split.
        expect(kept).toEqual(all.slice(0, kept.length));
      }
    });
  }
  it("graphemes counts a flag as one character, not two code points", () => {
    expect(graphemes("🇺🇦🇰🇷")).toHaveLength(2);
    expect(Array.from("🇺🇦🇰🇷")).toHaveLength(4);
  });
});
