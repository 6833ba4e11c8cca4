/**
 * datasetFromSheets on arbitrary sheet text: it returns a dataset or throws
 * one DatasetError whose every problem names a sheet; never a TypeError, and
 * never slowly (the 95-byte sheet of issue 14.3 took a minute). Seeded by
 * tests/setup.ts (FC_SEED), a fixed number of runs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { datasetFromSheets, SHEET_COLUMNS } from "../../src/model/csv.js";
import { DatasetError } from "../../src/model/validate.js";

const header = fc.oneof(
  fc.constantFrom(...SHEET_COLUMNS.promises, ...SHEET_COLUMNS.events, "outcome", "citation", "__proto__", "constructor", "toString", "Citation source", ""),
  fc.tuple(fc.constantFrom("", "outcome."), fc.constantFrom("", "0", "1", "2", "99", "100", "999999999", "1e3"), fc.constantFrom("source", "quote", "qoute", "__proto__")).map(([o, n, f]) => `${o}citation${n}.${f}`),
  fc.string({ maxLength: 12 }),
);
const cell = fc.oneof(fc.constantFrom("", " ", "a", "P14D", "two weeks", "soon", "2021-08-15", "Kept", "about 170", "a, b", "__proto__", "constructor", '"'), fc.string({ maxLength: 8 }));
const sheet = fc
  .tuple(fc.array(header, { minLength: 1, maxLength: 8 }), fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 4 }))
  .map(([cols, rows]) => [cols, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n"));

describe("datasetFromSheets(arbitrary sheets)", () => {
  it("datasetFromSheets(any promises/events sheet) returns or throws one DatasetError naming sheets, fast", () => {
    fc.assert(
      fc.property(sheet, sheet, (promises, events) => {
        const t0 = performance.now();
        try {
          datasetFromSheets({ actors: "id,name\na,A\n", sources: "id,name\ns,S\n", promises, events });
        } catch (e) {
          expect(e).toBeInstanceOf(DatasetError);
          for (const p of (e as DatasetError).problems) expect(p.path).toMatch(/^(promises|events|actors|sources|dataset)\.csv|^\$/);
        }
        expect(performance.now() - t0).toBeLessThan(1000);
      }),
      { numRuns: 300 },
    );
  });
});
