/**
 * SHEETS.md and the blank templates in examples/data/template/ are generated
 * from src/schema.json (scripts/sheets-doc.js, `npm run docs:sheets`); these
 * tests fail when either is stale, and when the page documents a column or a
 * phrase the loader would refuse.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain JS script, without types
import { renderSheets, templates } from "../../scripts/sheets-doc.js";
import schema from "../../src/schema.json";
import { CITATION_FIELDS, datasetFromSheets, SHEET_COLUMNS, type SheetName } from "../../src/model/csv.js";
import { readDurationPhrase } from "../../src/model/durations.js";

const copy = (): any => JSON.parse(JSON.stringify(schema));
const sheets: Record<string, string[]> = templates(schema);

describe("SHEETS.md", () => {
  it("SHEETS.md is what scripts/sheets-doc.js generates from src/schema.json (run npm run docs:sheets)", () => {
    expect(readFileSync("SHEETS.md", "utf8")).toBe(renderSheets(schema));
  });

  it("renderSheets(schema) follows the schema: a new field, an allowed value and a required field show up", () => {
    const s = copy();
    s.$defs.Event.properties.venue = { type: "string", description: "The building." };
    s.$defs.Promise.properties.outcome.properties.status.enum.push("abandoned");
    s.$defs.Event.required.push("place");
    const md: string = renderSheets(s);
    expect(md).toContain("| `venue` |  | The building. | text |  |");
    expect(md).toMatch(/\| `outcome\.status` \|.*`partial`, `abandoned` \|/);
    expect(md).toMatch(/\| `place` \| yes \|/);
  });

  it("renderSheets(schema) lists the new columns with what they hold", () => {
    const md: string = renderSheets(schema);
    for (const column of ["checked", "deadline", "supersedes", "importance", "citation.disputes", "outcome.citation.disputes"]) expect(md).toContain(`| \`${column}\` |`);
    expect(md).toMatch(/\| `window` \| one of `window` or `deadline` \|/);
    expect(md).toMatch(/\| `deadline` \| one of `window` or `deadline` \|/);
    expect(md).toMatch(/`pending`, `kept`, `late`, `broken`, `partial`/);
    expect(md).toContain("separated by `;`");
  });

  it("every phrase SHEETS.md offers for a window column is one the loader reads", () => {
    const phrases: string[] = (schema as any).$defs.Promise.properties.window["x-phrases"];
    expect(phrases.length).toBeGreaterThan(5);
    for (const p of phrases) expect([p, readDurationPhrase(p).ok]).toEqual([p, true]);
  });
});

describe("examples/data/template", () => {
  it.each(Object.keys(sheets))("template/%s.csv is the generated header row", (sheet) => {
    expect(readFileSync(`examples/data/template/${sheet}.csv`, "utf8")).toBe(sheets[sheet]!.join(",") + "\n");
  });

  it("every template column is one the CSV loader reads", () => {
    for (const [sheet, columns] of Object.entries(sheets)) {
      if (sheet === "dataset") continue;
      const known = SHEET_COLUMNS[sheet as Exclude<SheetName, "dataset">];
      const unknown = columns.filter((c) => !known.includes(c) && !CITATION_FIELDS.some((f) => c === `citation.${f}` || c === `outcome.citation.${f}`));
      expect([sheet, unknown]).toEqual([sheet, []]);
    }
  });

  it("the blank templates load as an empty dataset, with no problems", () => {
    const texts = Object.fromEntries(Object.entries(sheets).map(([k, cols]) => [k, cols.join(",") + "\n"]));
    expect(datasetFromSheets(texts)).toEqual({ version: 1, sources: [], actors: [], events: [], claims: [], promises: [] });
  });

  it("a filled-in promises template row with a deadline and no window loads", () => {
    const header = sheets.promises!;
    const row = Object.fromEntries(header.map((c) => [c, ""]));
    Object.assign(row, { id: "p1", speaker: "biden", said: "2021-04-14", topic: "Withdrawal", quote: "by September 11", deadline: "2021-09-11", checked: "2021-08-31" });
    const d = datasetFromSheets({ actors: "id,name\nbiden,Joe Biden\n", promises: header.join(",") + "\n" + header.map((c) => row[c]).join(",") + "\n" });
    expect(d.promises[0]).toEqual({ id: "p1", speaker: "biden", said: "2021-04-14", topic: "Withdrawal", quote: "by September 11", deadline: "2021-09-11", checked: "2021-08-31" });
  });
});
