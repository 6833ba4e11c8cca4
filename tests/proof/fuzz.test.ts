/**
 * Fuzzing (issue 7, item 3), bounded and seeded so a failure replays:
 *   parseDataset(anything) returns a Dataset or throws a DatasetError whose
 *   every problem has a path — never another exception;
 *   every valid dataset draws in all three charts as well-formed SVG with
 *   exactly one mark per record and no NaN in its geometry.
 */
import { drawChart } from "../../src/charts/draw.js";
import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHARTS } from "../../src/charts/registry.js";
import { DatasetError, parseDataset } from "../../src/model/validate.js";
import { isMessage, type ChartName } from "../../src/render/view.js";
import { renderToString, serializeXml } from "../../src/server/index.js";
import { makeDocument } from "../helpers/dom.js";
import { extreme, mutated, validDataset, XML_ILLEGAL } from "./arbitraries.js";
import { badGeometry, CHART_LIST, marksById, parse, relevant, xmlError } from "./inspect.js";

/** The seed every property starts from: fixed, so a CI run is repeatable; `FC_SEED=$RANDOM npx vitest run tests/proof` explores others. */
const SEED = Number(process.env.FC_SEED ?? 20250816);
/**
 * A fixed number of cases per property, never a time box: a slow machine
 * runs the same cases more slowly (the suite's timeout below leaves room),
 * so a pass means the same thing everywhere and a failure replays from the
 * seed printed with it. Speed is measured by `npm run bench`, not here.
 */
const params = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: false });
const LOCALES = ["en-US", "en-GB", "de-DE", "fr-FR", "ru-RU", "ko-KR", "uk-UA"];

/** parseDataset's contract: a Dataset, or a DatasetError listing problems that each have a path. */
function checkParse(input: unknown): void {
  let result: unknown;
  try {
    result = parseDataset(input);
  } catch (err) {
    if (!(err instanceof DatasetError)) throw new Error(`parseDataset threw ${(err as Error)?.name}: ${(err as Error)?.message}\n${(err as Error)?.stack}`);
    expect(err.problems.length).toBeGreaterThan(0);
    for (const p of err.problems) {
      expect(typeof p.path, JSON.stringify(p)).toBe("string");
      expect(p.path.length, JSON.stringify(p)).toBeGreaterThan(0);
      expect(typeof p.message).toBe("string");
      expect(p.message.length).toBeGreaterThan(0);
    }
    return;
  }
  expect((result as { version: number }).version).toBe(1);
}

/** Draw `dataset` with every chart and check the picture. */
function checkDraw(dataset: any, width: number, locale: string, requireXml = true): void {
  const parsed = parseDataset(dataset);
  for (const name of CHART_LIST) {
    const def = CHARTS[name as ChartName];
    const doc = makeDocument();
    let result;
    try {
      result = drawChart(def, doc, parsed, def.resolveOptions({ width, locale }), width);
    } catch (err) {
      throw new Error(`${name}.draw threw at width ${width}, locale ${locale}: ${(err as Error).stack}`);
    }
    const records = relevant(name, parsed);
    if (isMessage(result)) {
      expect(records.length, `${name} returned a message (${result.message}) for ${records.length} records`).toBe(0);
      expect(result.message.trim().length).toBeGreaterThan(0);
      continue;
    }
    const svg = result.svg;
    // As the server writes it: a DOM's outerHTML is HTML serialisation, which need not be XML.
    const markup = serializeXml(svg);
    if (requireXml) {
      const err = xmlError(markup);
      expect(err, `${name}: svg is not well-formed XML: ${err}`).toBeNull();
    }
    expect(badGeometry(svg), `${name}: NaN/Infinity in geometry`).toEqual([]);
    const marks = marksById(svg);
    const ids = records.map((r: any) => r.id);
    for (const id of ids) expect(marks.get(id), `${name}: marks carrying data-id=${JSON.stringify(id)}`).toBe(1);
    expect(marks.size, `${name}: data-ids ${JSON.stringify([...marks.keys()].slice(0, 20))} vs records ${JSON.stringify(ids.slice(0, 20))}`).toBe(ids.length);
    expect(svg.querySelector("title")?.textContent?.length ?? 0).toBeGreaterThan(0);
    expect(svg.querySelector("desc")?.textContent?.length ?? 0).toBeGreaterThan(0);
  }
}

describe("parseDataset never throws anything but a DatasetError with paths", { timeout: 120_000 }, () => {
  it("parseDataset(random JSON value)", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), checkParse), params(300));
  });

  it("parseDataset(random JS value: dates, maps, sparse arrays, null prototypes, bigints)", () => {
    const anything = fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true, withObjectString: true });
    fc.assert(fc.property(anything, checkParse), params(300));
  });

  it("parseDataset({version: 1, <collection>: random}) reaches every field checker", () => {
    const key = fc.constantFrom("sources", "actors", "events", "claims", "promises", "title", "asOf");
    const rec = fc.dictionary(fc.constantFrom("id", "name", "date", "end", "kind", "title", "subject", "qualifier", "value", "low", "high", "claimant", "citations", "speaker", "said", "topic", "quote", "window", "outcome", "participants", "url", "supersedes", "source", "published", "min", "max", "status"), fc.jsonValue({ maxDepth: 2 }));
    fc.assert(fc.property(fc.dictionary(key, fc.oneof(fc.array(rec, { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }))), (d) => checkParse({ version: 1, ...d })), params(300));
  });

  it("parseDataset(JSON text, truncated or random)", () => {
    fc.assert(
      fc.property(validDataset({ maxRecords: 4 }), fc.nat(), (d, cut) => {
        const textIn = JSON.stringify(d);
        checkParse(textIn);
        checkParse(textIn.slice(0, cut % (textIn.length + 1)));
      }),
      params(100),
    );
    fc.assert(fc.property(fc.string({ maxLength: 50 }), checkParse), params(200));
  });

  it("parseDataset(mutated valid dataset: a field deleted, a type changed, ids swapped, a record duplicated)", () => {
    const seeds = "examples/data/seeds.json";
    const bases: unknown[] = [];
    if (existsSync(seeds)) bases.push(JSON.parse(readFileSync(seeds, "utf8")));
    bases.push(fc.sample(validDataset({ maxRecords: 5 }), { seed: SEED, numRuns: 1 })[0]);
    for (const base of bases) fc.assert(fc.property(mutated(base), checkParse), params(200));
  });

  it("parseDataset(valid dataset) returns it", () => {
    fc.assert(fc.property(validDataset({ maxRecords: 6 }), (d) => void parseDataset(d)), params(150));
  });
});

describe("every valid dataset draws in all three charts", { timeout: 120_000 }, () => {
  it("draw(doc, validDataset, {width, locale}) → a view, one mark per record, finite geometry", () => {
    fc.assert(
      fc.property(validDataset({ maxRecords: 15 }), fc.oneof(fc.constantFrom(320, 800, 1200), fc.integer({ min: 200, max: 1600 })), fc.constantFrom(...LOCALES), (d, width, locale) => checkDraw(d, width, locale, false)),
      params(60),
    );
  });

  it("serializeXml(draw(doc, validDataset).svg) and renderToString(…, {format: 'svg'}) are well-formed XML", () => {
    fc.assert(
      fc.property(validDataset({ maxRecords: 8 }), (d) => {
        checkDraw(d, 640, "en-US", true);
        for (const name of CHART_LIST) {
          if (!relevant(name, d).length) continue;
          const out = renderToString(name, d, { width: 640 });
          const err = xmlError(out);
          expect(err, `renderToString(${name}) is not well-formed XML: ${err}`).toBeNull();
        }
      }),
      params(40),
    );
  });

  it("draw(doc, validDataset with extreme finite numbers ±1.8e308) → one mark per claim, finite geometry", () => {
    fc.assert(
      fc.property(validDataset({ maxRecords: 6, numbers: extreme }), (d) => checkDraw({ ...d, events: [], promises: [] }, 640, "en-US")),
      params(60),
    );
  });

  it("draw(doc, dataset with XML-illegal control characters in text) → still well-formed svg, each character as U+FFFD", () => {
    // Text from a spreadsheet can carry U+0001–U+001F; XML cannot hold them even escaped, so the server writes each as U+FFFD.
    const nasty = "Kim\u0001Jong\u0008Un\u000B\u001F\uFFFE\uD800";
    const shown = "Kim\uFFFDJong\uFFFDUn\uFFFD\uFFFD\uFFFD\uFFFD";
    // U+000B is also whitespace, which labels wrapped into lines fold into a space before any serialising.
    const shownWrapped = "Kim\uFFFDJong\uFFFDUn \uFFFD\uFFFD\uFFFD";
    expect(nasty.match(XML_ILLEGAL)?.length).toBe(6);
    const d = {
      version: 1,
      sources: [{ id: "s", name: nasty }],
      actors: [{ id: "a", name: nasty }],
      events: [{ id: "e", date: "2025-08-12", kind: "call", title: nasty, participants: ["a"] }],
      claims: [{ id: "c", subject: nasty, value: 1, qualifier: "about", claimant: "a", citations: [{ source: "s", quote: nasty }], quote: nasty }],
      promises: [{ id: "p", speaker: "a", said: "2025-08-01", topic: nasty, quote: nasty, window: { min: "P14D", max: "P14D" } }],
    };
    for (const name of CHART_LIST) {
      const def = CHARTS[name];
      const result = drawChart(def, makeDocument(), parseDataset(d), def.resolveOptions({ width: 600 }), 600);
      if (isMessage(result)) throw new Error(`${name}: message ${result.message}`);
      for (const markup of [serializeXml(result.svg), renderToString(name, d, { width: 600 })]) {
        expect(xmlError(markup), name).toBeNull();
        expect(markup.match(XML_ILLEGAL), name).toBeNull();
        const svg = parse(markup, "image/svg+xml").documentElement;
        // The mark's accessible name still says the name, the illegal characters replaced one for one.
        const label = svg.querySelector("[data-id]")?.getAttribute("aria-label") ?? "";
        expect(label.includes(shown) || label.includes(shownWrapped), `${name}: ${JSON.stringify(label)}`).toBe(true);
      }
    }
  });
});
