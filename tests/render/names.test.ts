import { describe, expect, it } from "vitest";
import { labelInName, markName, nameTokens, sentences, speakable, spokenLabel } from "../../src/render/symbols.js";

describe("accessible names: the drawn words begin the name (label in name)", () => {
  it("nameTokens compares words as axe-core does: lower case, letters and digits, parentheses dropped", () => {
    expect(nameTokens("Tuesday (12 August), 15,000 troops · c. Aug 13")).toEqual(["tuesday", "15", "000", "troops", "c", "aug", "13"]);
    expect(nameTokens("a (b (c) d) e")).toEqual(["a", "e"]);
  });

  it("labelInName wants the drawn words as one unbroken run", () => {
    expect(labelInName("Tariff rates said Apr 23", "Tariff rates. Said Apr 23, due May 7.")).toBe(true);
    expect(labelInName("Tariff rates due May 7", "Tariff rates. Said Apr 23, due May 7.")).toBe(false);
    expect(labelInName("", "anything")).toBe(true);
  });

  it("spokenLabel leaves uncut lines alone and speaks the full text", () => {
    expect(spokenLabel(["Putin and Kim sign", "the treaty"], "Putin and Kim sign the treaty")).toEqual({ lines: ["Putin and Kim sign", "the treaty"], spoken: "Putin and Kim sign the treaty" });
  });

  it("spokenLabel moves a cut back to a word boundary and speaks what it hid in parentheses", () => {
    const s = spokenLabel(["Trump meets", "Norwegian Prime M…"], "Trump meets Norwegian Prime Minister Jonas Gahr Støre");
    expect(s.lines).toEqual(["Trump meets", "Norwegian Prime…"]);
    expect(s.spoken).toBe("Trump meets Norwegian Prime (Minister Jonas Gahr Støre)");
    expect(labelInName(s.lines.join(" "), s.spoken)).toBe(true);
  });

  it("spokenLabel handles a cut inside a line (an outlet's name before its date)", () => {
    const s = spokenLabel(["Yonhap News Ag… · c. Aug 13, 2025"], "Yonhap News Agency +2 · c. Aug 13, 2025");
    expect(s.lines).toEqual(["Yonhap News… · c. Aug 13, 2025"]);
    expect(speakable(s.spoken)).toBe("Yonhap News (Agency +2), c. Aug 13, 2025");
    expect(labelInName(s.lines.join(" "), s.spoken)).toBe(true);
  });

  it("spokenLabel keeps half of a word that is alone on its line, and an unbalanced parenthesis stays matched", () => {
    const s = spokenLabel(["Supercalifragilist…", "visits"], "Supercalifragilistic visits");
    expect(s.lines).toEqual(["Supercalifragilist…", "visits"]);
    expect(labelInName(s.lines.join(" "), s.spoken)).toBe(true);
    const d = spokenLabel(["on Wednesday (18 Ju…"], "on Wednesday (18 June?) or so");
    expect(d.lines).toEqual(["on Wednesday (18…"]);
    expect(labelInName(d.lines.join(" "), d.spoken)).toBe(true);
  });

  it("spokenLabel gives up (unchanged) when the lines are not from the text", () => {
    expect(spokenLabel(["Something else…"], "Another text")).toEqual({ lines: ["Something else…"], spoken: "Another text" });
  });

  it("markName puts the drawn words first when the name does not hold them", () => {
    expect(markName(["Alpha", "beta"], "Alpha beta. More.")).toBe("Alpha beta. More.");
    const name = markName(["Something else…"], "Another text (with notes)");
    expect(labelInName("Something else…", name)).toBe(true);
    expect(name.startsWith("Something else")).toBe(true);
    // A parenthesis the drawn words leave open cannot swallow them.
    const open = markName(["News (SwissX…"], "News (SwissX Ltd) said (a) thing");
    expect(labelInName("News (SwissX…", open)).toBe(true);
  });

  it("sentences and speakable read as prose", () => {
    expect(sentences(["Tariff rates", "Said Apr 23, due May 7", undefined, false, "Overdue by 94 days."])).toBe("Tariff rates. Said Apr 23, due May 7. Overdue by 94 days.");
    expect(speakable("said Apr 23 · due May 7")).toBe("said Apr 23, due May 7");
  });
});
