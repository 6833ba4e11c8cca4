import { describe, expect, it } from "vitest";
import { DatasetError, parseDataset, validateDataset } from "../../src/model/validate.js";

/** A small valid dataset; each case below breaks one thing. */
function base(): any {
  return {
    version: 1,
    title: "Test",
    asOf: "2025-08-16",
    sources: [{ id: "s1", name: "The Independent", kind: "outlet", url: "https://www.independent.co.uk/" }],
    actors: [
      { id: "putin", name: "Vladimir Putin" },
      { id: "kim", name: "Kim Jong Un" },
    ],
    events: [{ id: "e1", date: "2025-08-12", kind: "call", title: "Putin–Kim call", participants: ["putin", "kim"], citations: [{ source: "s1", quote: "spoke on Tuesday" }] }],
    claims: [{ id: "c1", subject: "troops", value: 15000, qualifier: "about", claimant: "s1", citations: [{ source: "s1" }] }],
    promises: [{ id: "p1", speaker: "putin", said: "2025-04-23", topic: "Tariffs", quote: "two weeks", window: { min: "P14D", max: "P21D" } }],
  };
}

function problemsOf(mutate: (d: any) => void): string[] {
  const d = base();
  mutate(d);
  return validateDataset(d).problems.map((p) => `${p.path}: ${p.message}`);
}

describe("parseDataset", () => {
  it("parseDataset(valid) returns the dataset with every list present", () => {
    const d = parseDataset({ version: 1 });
    expect(d).toEqual({ version: 1, sources: [], actors: [], events: [], claims: [], promises: [] });
    expect(parseDataset(base()).claims[0]!.value).toBe(15000);
  });

  it("parseDataset(text) reads JSON text and reports malformed JSON at $", () => {
    expect(parseDataset(JSON.stringify(base())).events).toHaveLength(1);
    expect(() => parseDataset("{ version: 1,")).toThrowError(DatasetError);
    try {
      parseDataset("{ version: 1,");
    } catch (e) {
      expect((e as DatasetError).problems[0]!.path).toBe("$");
      expect((e as DatasetError).problems[0]!.message).toMatch(/not valid JSON/);
    }
  });

  it("parseDataset does not change the caller's object", () => {
    const d = base();
    const copy = JSON.parse(JSON.stringify(d));
    parseDataset(d);
    expect(d).toEqual(copy);
  });

  it("parseDataset throws one DatasetError listing every problem", () => {
    const d = base();
    d.claims[0].low = 12000;
    d.claims[0].high = 10000;
    d.events[0].participants = ["nobody"];
    d.events.push({ ...d.events[0], participants: [] });
    d.promises[0].window.min = "two fortnights";
    try {
      parseDataset(d);
      expect.unreachable();
    } catch (e) {
      const lines = (e as DatasetError).problems.map((p) => `${p.path}: ${p.message}`);
      expect(lines).toContain("claims[0]: low 12000 is above high 10000");
      expect(lines).toContain('events[0].participants[0]: no actor "nobody"');
      expect(lines).toContain('events[1].id: duplicate id "e1"');
      expect(lines.some((l) => l.startsWith('promises[0].window.min: "two fortnights" is not a duration'))).toBe(true);
      expect((e as Error).message).toMatch(/problems in the dataset/);
    }
  });
});

// Each rule: a mutation and the path (and words) of the problem it must produce.
const rules: Array<[string, (d: any) => void, RegExp]> = [
  ["not an object", (d) => Object.assign(d, { version: undefined }), /^version: missing required field/],
  ["wrong version", (d) => (d.version = 2), /^version: unsupported version 2/],
  ["list not a list", (d) => (d.events = {}), /^events: expected a list/],
  ["record not an object", (d) => (d.claims = [42]), /^claims\[0\]: expected an object/],
  ["missing id", (d) => delete d.sources[0].id, /^sources\[0\]\.id: missing required field/],
  ["missing name", (d) => delete d.actors[0].name, /^actors\[0\]\.name: missing required field/],
  ["missing event date", (d) => delete d.events[0].date, /^events\[0\]\.date: missing required field/],
  ["missing event title", (d) => delete d.events[0].title, /^events\[0\]\.title: missing required field/],
  ["missing event kind", (d) => delete d.events[0].kind, /^events\[0\]\.kind: missing required field/],
  ["bad date", (d) => (d.events[0].date = "2025-02-29"), /^events\[0\]\.date: .*2025-02-29/],
  ["impossible month", (d) => (d.events[0].date = "2025-13-45"), /^events\[0\]\.date: /],
  ["prose date", (d) => (d.events[0].date = "Aug 12, 2025"), /^events\[0\]\.date: /],
  ["end before start", (d) => (d.events[0].end = "2025-08-01"), /^events\[0\]\.end: .*before/],
  ["bad asOf", (d) => (d.asOf = "yesterday"), /^asOf: /],
  ["unknown participant", (d) => (d.events[0].participants = ["putin", "nobody"]), /^events\[0\]\.participants\[1\]: no actor "nobody"/],
  ["unknown citation source", (d) => (d.events[0].citations[0].source = "bbc"), /^events\[0\]\.citations\[0\]\.source: no source "bbc"/],
  ["unknown claimant", (d) => (d.claims[0].claimant = "nobody"), /^claims\[0\]\.claimant: no actor or source "nobody"/],
  ["unknown speaker", (d) => (d.promises[0].speaker = "trump"), /^promises\[0\]\.speaker: no actor "trump"/],
  ["unknown deliveredBy", (d) => (d.promises[0].deliveredBy = "leavitt"), /^promises\[0\]\.deliveredBy: no actor "leavitt"/],
  ["unknown supersedes", (d) => (d.promises[0].supersedes = "p9"), /^promises\[0\]\.supersedes: no promise "p9"/],
  ["self supersedes", (d) => (d.promises[0].supersedes = "p1"), /^promises\[0\]\.supersedes: a promise cannot supersede itself/],
  ["duplicate source id", (d) => d.sources.push({ id: "s1", name: "Dup" }), /^sources\[1\]\.id: duplicate id "s1"/],
  ["duplicate promise id", (d) => d.promises.push({ ...d.promises[0] }), /^promises\[1\]\.id: duplicate id "p1"/],
  ["value as text with separators", (d) => (d.claims[0].value = "10,000"), /^claims\[0\]\.value: "10,000" is not a number \(write 10000/],
  ["value as 15k", (d) => (d.claims[0].value = "15k"), /^claims\[0\]\.value: "15k" is not a number/],
  ["value not finite", (d) => (d.claims[0].value = null, d.claims[0].value = Infinity), /^claims\[0\]\.value: expected a number/],
  ["low above high", (d) => Object.assign(d.claims[0], { qualifier: "range", low: 12000, high: 10000 }), /^claims\[0\]: low 12000 is above high 10000/],
  ["value outside range", (d) => Object.assign(d.claims[0], { low: 1000, high: 2000 }), /^claims\[0\]\.value: value 15000 is outside low–high 1000–2000/],
  ["range without high", (d) => Object.assign(d.claims[0], { qualifier: "range", low: 1 }), /^claims\[0\]\.high: missing: a "range" claim needs low and high/],
  ["exact without value", (d) => Object.assign(d.claims[0], { qualifier: "exact", value: undefined }), /^claims\[0\]\.value: missing: a "exact" claim needs a value/],
  ["unknown qualifier", (d) => (d.claims[0].qualifier = "roughly"), /^claims\[0\]\.qualifier: unknown qualifier "roughly"/],
  ["claim without citations", (d) => delete d.claims[0].citations, /^claims\[0\]\.citations: missing required field/],
  ["unknown event status", (d) => (d.events[0].status = "maybe"), /^events\[0\]\.status: unknown status "maybe"/],
  ["unknown source kind", (d) => (d.sources[0].kind = "blog"), /^sources\[0\]\.kind: unknown kind "blog"/],
  ["event kind with spaces", (d) => (d.events[0].kind = "phone call <b>"), /^events\[0\]\.kind: /],
  ["unknown outcome status", (d) => (d.promises[0].outcome = { status: "done" }), /^promises\[0\]\.outcome\.status: unknown status "done"/],
  ["outcome before said", (d) => (d.promises[0].outcome = { status: "kept", date: "2025-04-01" }), /^promises\[0\]\.outcome\.date: 2025-04-01 is before the promise was said/],
  ["reversed window", (d) => (d.promises[0].window = { min: "P1M", max: "P14D" }), /^promises\[0\]\.window: min P1M is longer than max P14D/],
  ["window and deadline missing", (d) => delete d.promises[0].window, /^promises\[0\]\.window: missing: a promise needs a window .* or a deadline/],
  ["window phrase", (d) => (d.promises[0].window.max = "two fortnights"), /^promises\[0\]\.window\.max: "two fortnights" is not a duration/],
  ["missing quote", (d) => delete d.promises[0].quote, /^promises\[0\]\.quote: missing required field/],
  ["javascript: url", (d) => (d.sources[0].url = "javascript:alert(1)"), /^sources\[0\]\.url: "javascript:alert\(1\)" is not an http\(s\) URL/],
  ["data: url in citation", (d) => (d.events[0].citations[0].url = "data:text/html,<script>"), /^events\[0\]\.citations\[0\]\.url: .* is not an http\(s\) URL/],
  ["relative url", (d) => (d.sources[0].url = "/news/1"), /^sources\[0\]\.url: /],
  ["bad published date", (d) => (d.events[0].citations[0].published = "2025-06-31"), /^events\[0\]\.citations\[0\]\.published: /],
  ["title not text", (d) => (d.title = 5), /^title: expected text/],
];

describe("validateDataset rules", () => {
  for (const [name, mutate, expected] of rules) {
    it(`validateDataset(${name}) names the path`, () => {
      const lines = problemsOf(mutate);
      expect(lines.some((l) => expected.test(l)), lines.join("\n")).toBe(true);
    });
  }

  it("validateDataset(base) finds no problem", () => {
    expect(problemsOf(() => {})).toEqual([]);
  });

  it("validateDataset accepts unknown event kinds as a generic mark", () => {
    expect(problemsOf((d) => (d.events[0].kind = "rally"))).toEqual([]);
  });

  it("validateDataset accepts a claimant that is a source", () => {
    expect(problemsOf((d) => (d.claims[0].claimant = "s1"))).toEqual([]);
  });
});

describe("validateDataset: issue 14.9 and 16 (kinds, long windows, did you mean, worded figures)", () => {
  it("validateDataset(events with kinds constructor, toString, valueOf, hasOwnProperty) validates and keeps the kinds", () => {
    const kinds = ["constructor", "toString", "valueOf", "hasOwnProperty"];
    const d = parseDataset({ ...base(), events: kinds.map((kind, i) => ({ id: `e${i}`, date: "2025-08-12", kind, title: kind })) });
    expect(d.events.map((e) => e.kind)).toEqual(kinds);
  });

  it('validateDataset(kind "__proto__") gives one readable problem, no TypeError', () => {
    expect(problemsOf((d) => (d.events[0].kind = "__proto__"))).toEqual(['events[0].kind: kind "__proto__" should be one word such as call, meeting, visit, summit, treaty, deployment, statement']);
  });

  it("validateDataset(window P300000Y) is refused: windows are at most 100 years", () => {
    expect(problemsOf((d) => (d.promises[0].window = { min: "P1D", max: "P300000Y" }))).toEqual(["promises[0].window.max: P300000Y is longer than 100 years (write at most P100Y)"]);
    expect(problemsOf((d) => (d.promises[0].window = { min: "P99999999999999999999D", max: "P99999999999999999999D" }))).toHaveLength(2);
    expect(problemsOf((d) => (d.promises[0].window = { min: "P1D", max: "P100Y" }))).toEqual([]);
    expect(problemsOf((d) => (d.promises[0].window = { min: "P1D", max: "P1201M" }))).toEqual(["promises[0].window.max: P1201M is longer than 100 years (write at most P100Y)"]);
  });

  it("validateDataset(unknown ids) suggests the closest id", () => {
    expect(
      problemsOf((d) => {
        d.events[0].participants = ["puttin", "xi"];
        d.claims[0].citations[0].source = "S1";
        d.promises[0].speaker = "kimm";
        d.promises.push({ ...d.promises[0], id: "p2", speaker: "putin", supersedes: "p-1" });
      }),
    ).toEqual([
      'events[0].participants[0]: no actor "puttin" (did you mean "putin"?)',
      'events[0].participants[1]: no actor "xi"',
      'claims[0].citations[0].source: no source "S1" (did you mean "s1"?)',
      'promises[0].speaker: no actor "kimm" (did you mean "kim"?)',
      'promises[1].supersedes: no promise "p-1" (did you mean "p1"?)',
    ]);
  });

  it('validateDataset(claimant "independant") suggests among actors and sources alike', () => {
    expect(problemsOf((d) => (d.claims[0].claimant = "s2"))).toEqual(['claims[0].claimant: no actor or source "s2" (did you mean "s1"?)']);
  });

  it.each([
    ["about 170", '"about 170" is not a number (write 170, with qualifier "about")'],
    ["around 15,000", '"around 15,000" is not a number (write 15000, with qualifier "about")'],
    ["at least 600", '"at least 600" is not a number (write 600, with qualifier "at-least")'],
    ["More than 10,000", '"More than 10,000" is not a number (write 10000, with qualifier "more-than")'],
    ["up to 12000", '"up to 12000" is not a number (write 12000, with qualifier "up-to")'],
    ["fewer than 50", '"fewer than 50" is not a number (write 50, with qualifier "fewer-than")'],
    ["lots of 170", '"lots of 170" is not a number'],
  ])("validateDataset(value %j) points to the qualifier", (value, message) => {
    expect(problemsOf((d) => (d.claims[0].value = value))).toEqual([`claims[0].value: ${message}`]);
  });

  it("validateDataset(20,000 dangling references among 20,000 actors) stays fast: suggestions stop after 100", () => {
    const d = base();
    d.actors.push(...Array.from({ length: 20_000 }, (_, i) => ({ id: `actor-${i}`, name: `A${i}` })));
    d.events = Array.from({ length: 20_000 }, (_, i) => ({ id: `e${i}`, date: "2025-08-12", kind: "call", title: "t", participants: [`actr-${i}`] }));
    const t0 = performance.now();
    const { problems } = validateDataset(d);
    expect(problems).toHaveLength(20_000);
    expect(problems[0]!.message).toBe('no actor "actr-0" (did you mean "actor-0"?)');
    expect(problems[19_999]!.message).toBe('no actor "actr-19999"');
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe("validateDataset: enumerations in JSON", () => {
  it('validateDataset(qualifier "At least", outcome status "Kept") names the exact spelling', () => {
    expect(
      problemsOf((d) => {
        d.claims[0].qualifier = "At least";
        d.promises[0].outcome = { status: "Kept " };
      }),
    ).toEqual(['claims[0].qualifier: unknown qualifier "At least" (write "at-least")', 'promises[0].outcome.status: unknown status "Kept " (write "kept")']);
  });
});
