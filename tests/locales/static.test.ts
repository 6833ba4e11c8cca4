// @vitest-environment node
/**
 * Issue 13's acceptance test: a story written in German, rendered as static HTML (chart and data table)
 * in de-DE, fr-FR, es-ES, ru-RU, ko-KR, ja-JP and ar, carries none of the charts' own English words.
 */
import { describe, expect, it } from "vitest";
import { en, type Message } from "../../src/prepare/messages.js";
import { renderToString } from "../../src/server/index.js";

const story = {
  version: 1,
  title: "Gipfel in Alaska",
  asOf: "2025-08-16",
  sources: [{ id: "dpa", name: "dpa", url: "https://www.dpa.com/" }],
  actors: [
    { id: "putin", name: "Wladimir Putin" },
    { id: "trump", name: "Donald Trump" },
  ],
  events: [
    { id: "anruf", date: "2025-08-12", kind: "call", title: "Telefonat", participants: ["putin", "trump"], citations: [{ source: "dpa", published: "2025-08-13", quote: "Sie sprachen lange." }] },
    { id: "gipfel", date: "2025-08-15", kind: "summit", title: "Gipfeltreffen in Anchorage", participants: ["putin", "trump"], place: "Anchorage", citations: [{ source: "dpa" }] },
    { id: "besuch", date: "2025-03~", kind: "visit", title: "Besuch in Pjöngjang", status: "scheduled", citations: [{ source: "dpa" }] },
  ],
  claims: [
    { id: "z1", subject: "Soldaten", value: 15000, qualifier: "about", unit: "Soldaten", claimant: "dpa", citations: [{ source: "dpa", published: "2025-08-13" }] },
    { id: "z2", subject: "Soldaten", value: 10000, qualifier: "more-than", unit: "Soldaten", claimant: "putin", citations: [{ source: "dpa" }] },
  ],
  promises: [
    { id: "v1", speaker: "trump", said: "2025-05-01", topic: "Zölle", quote: "In zwei Wochen.", window: { min: "P14D", max: "P14D" }, citations: [{ source: "dpa", quote: "In zwei Wochen." }] },
    { id: "v2", speaker: "trump", said: "2025-07-01", topic: "Treffen", quote: "Bald.", window: { min: "P7D", max: "P14D" }, outcome: { status: "kept", date: "2025-07-10" } },
  ],
};

/** Words of four letters or more from the English catalogue: none may reach a page in another language. */
const english = new Set(
  Object.values(en)
    .flatMap((m: Message) => (typeof m === "string" ? [m] : Object.values(m)))
    .join(" ")
    .replace(/\{\w+\}/g, " ")
    .match(/[A-Za-z]{4,}/g)!
    .map((w) => w.toLowerCase()),
);
const dataWords = new Set(JSON.stringify(story).match(/[A-Za-z]{4,}/g)!.map((w) => w.toLowerCase()));

/** The text a reader gets: visible text and accessible names, without the inline style and script. */
function readerText(page: string): string {
  const body = page.replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, " ");
  const names = [...body.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]).join(" ");
  return `${body.replace(/<[^>]+>/g, " ")} ${names}`.replace(/&[a-z#0-9]+;/gi, " ");
}

describe("static HTML in the reader's language", () => {
  for (const locale of ["de-DE", "fr-FR", "es-ES", "ru-RU", "ko-KR", "ja-JP", "ar"]) {
    for (const chart of ["timeline", "promise-tracker", "figure-comparison"] as const) {
      it(`renderToString(${chart}, german story, {locale: ${locale}, format: html}) has none of the charts' English words`, () => {
        const page = renderToString(chart, story, { format: "html", locale, width: 800 } as never);
        const left = [...new Set((readerText(page).match(/[A-Za-z]{4,}/g) ?? []).map((w) => w.toLowerCase()))].filter((w) => english.has(w) && !dataWords.has(w));
        expect(left).toEqual([]);
      });
    }
  }
  it("the check can fail: the same page in en-US is full of the charts' English words", () => {
    const page = renderToString("promise-tracker", story, { format: "html", locale: "en-US", width: 800 } as never);
    const left = (readerText(page).match(/[A-Za-z]{4,}/g) ?? []).map((w) => w.toLowerCase()).filter((w) => english.has(w) && !dataWords.has(w));
    expect(left.length).toBeGreaterThan(10);
  });
  it("renderToString(timeline, …, {locale: ar}) writes a right-to-left page", () => {
    const page = renderToString("timeline", story, { format: "html", locale: "ar", width: 800 } as never);
    expect(page).toMatch(/<html lang="ar"[^>]*dir="rtl"/);
  });
});
