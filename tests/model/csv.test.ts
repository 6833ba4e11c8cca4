import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CITATION_FIELDS, csvPath, datasetFromSheets, guessSheetName, parseSheet, SHEET_COLUMNS } from "../../src/model/csv.js";
import { DatasetError, parseDataset } from "../../src/model/validate.js";

const problems = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DatasetError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
};

describe("datasetFromSheets", () => {
  it("datasetFromSheets(sheets) reads lists, nested columns and numbered citations", () => {
    const d = datasetFromSheets({
      sources: "id,name,kind\nnbc,NBC News,outlet\n",
      actors: "id,name\ntrump,Donald Trump\nputin,Vladimir Putin\n",
      events: "id,date,kind,title,participants,citation.source,citation.quote,citation2.source\ne1,2025-08-15,summit,Alaska summit,trump; putin,nbc,met in Anchorage,nbc\n",
      claims: "id,subject,value,qualifier,claimant,citation.source\nc1,troops,15000,about,nbc,nbc\n",
      promises: 'id,speaker,said,topic,quote,window\np1,trump,2025-05-16,Meet Putin,"in, uh, two or three weeks",two or three weeks\n',
    });
    expect(d.events[0]!.participants).toEqual(["trump", "putin"]);
    expect(d.events[0]!.citations).toEqual([{ source: "nbc", quote: "met in Anchorage" }, { source: "nbc" }]);
    expect(d.claims[0]!.value).toBe(15000);
    expect(d.promises[0]!.window).toEqual({ min: "P14D", max: "P21D" });
  });

  it("datasetFromSheets reads TSV too", () => {
    const d = datasetFromSheets({ actors: "id\tname\nkim\tKim Jong Un\n" });
    expect(d.actors).toEqual([{ id: "kim", name: "Kim Jong Un" }]);
  });

  it("datasetFromSheets names the sheet, row and column of each problem", () => {
    const lines = problems(() =>
      datasetFromSheets({
        sources: "id,name\nnbc,NBC\n",
        claims: "id,subject,value,qualifier,claimant,citation.source\nc1,troops,\"10,000\",about,nbc,nbc\nc2,troops,5,roughly,nbc,bbc\n",
        promises: "id,speaker,said,topic,quote,window\np1,nbc,2025-02-30,T,Q,soon\n",
      }),
    );
    expect(lines).toContain('claims.csv row 2, column "value": "10,000" is not a number (write 10000 without separators)');
    expect(lines.some((l) => l.startsWith('claims.csv row 3, column "qualifier": unknown qualifier "roughly"'))).toBe(true);
    expect(lines).toContain('claims.csv row 3, column "citation.source": no source "bbc" (did you mean "nbc"?)');
    expect(lines.some((l) => l.startsWith('promises.csv row 2, column "window": '))).toBe(true);
    expect(lines.some((l) => l.startsWith('promises.csv row 2, column "said": '))).toBe(true);
    expect(lines).toContain('promises.csv row 2, column "speaker": no actor "nbc"');
  });

  it("csvPath maps JSON paths to spreadsheet cells", () => {
    expect(csvPath("events[0]")).toBe("events.csv row 2");
    expect(csvPath("events[2].citations[1].quote")).toBe('events.csv row 4, column "citation2.quote"');
    expect(csvPath("events[2].participants[3]")).toBe('events.csv row 4, column "participants"');
  });

  it("guessSheetName(columns) tells record types apart", () => {
    expect(guessSheetName(["id", "speaker", "said"])).toBe("promises");
    expect(guessSheetName(["id", "subject", "qualifier", "claimant"])).toBe("claims");
    expect(guessSheetName(["id", "date", "kind", "title"])).toBe("events");
    expect(guessSheetName(["id", "name", "kind"])).toBe("sources");
    expect(guessSheetName(["id", "name"])).toBe("actors");
    expect(guessSheetName(["foo"])).toBeUndefined();
  });

  it("parseSheet drops a byte-order mark", () => {
    expect(Object.keys(parseSheet("\uFEFFid,name\na,b\n")[0]!)).toEqual(["id", "name"]);
  });
});

describe("the seed dataset", () => {
  const json = parseDataset(readFileSync("examples/data/seeds.json", "utf8"));

  it("examples/data/seeds.json validates and holds events, claims and promises", () => {
    expect(json.events.length).toBeGreaterThanOrEqual(8);
    expect(json.claims.length).toBeGreaterThanOrEqual(5);
    expect(json.promises.length).toBe(14);
  });

  it("the CSV sheets hold the same dataset as the JSON", () => {
    const dir = "examples/data/seeds-csv";
    const sheets: Record<string, string> = {};
    for (const f of readdirSync(dir)) if (f.endsWith(".csv")) sheets[f.replace(/\.csv$/, "")] = readFileSync(`${dir}/${f}`, "utf8");
    const csv = datasetFromSheets(sheets);
    expect(csv).toEqual(json);
  });

  it("every record in the seeds carries a verbatim quote and a source", () => {
    for (const c of json.claims) expect(c.citations.length, c.id).toBeGreaterThan(0);
    for (const p of json.promises) expect(p.quote.length, p.id).toBeGreaterThan(10);
    for (const e of json.events) expect(e.citations?.length, e.id).toBeGreaterThan(0);
  });
});

describe("CSV loading under a strict Content-Security-Policy (no eval, no new Function)", () => {
  /** Run `fn` with Function and eval replaced by stubs that throw, as a CSP without 'unsafe-eval' would. */
  const withoutEval = <T>(fn: () => T): T => {
    const g = globalThis as Record<string, unknown>;
    const { Function: realFunction, eval: realEval } = g;
    const blocked = function () {
      throw new EvalError("Refused to evaluate a string as JavaScript (CSP: no 'unsafe-eval')");
    };
    g.Function = blocked;
    g.eval = blocked;
    try {
      return fn();
    } finally {
      g.Function = realFunction;
      g.eval = realEval;
    }
  };

  it("parseSheet reads CSV and TSV without compiling code", () => {
    const rows = withoutEval(() => parseSheet('id,name,note\na,"Alpha, Inc.",\nb,Beta\n'));
    expect([...rows]).toEqual([
      { id: "a", name: "Alpha, Inc.", note: "" },
      { id: "b", name: "Beta", note: "" },
    ]);
    expect([...withoutEval(() => parseSheet("id\tname\nkim\tKim Jong Un\n"))]).toEqual([{ id: "kim", name: "Kim Jong Un" }]);
  });

  it("datasetFromSheets loads the seed sheets, and names row and column in errors, without compiling code", () => {
    const dir = "examples/data/seeds-csv";
    const sheets = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(".csv")).map((f) => [f.replace(/\.csv$/, ""), readFileSync(`${dir}/${f}`, "utf8")]));
    const d = withoutEval(() => datasetFromSheets(sheets));
    expect(d.promises.length).toBe(14);
    const lines = withoutEval(() => problems(() => datasetFromSheets({ sources: "id,name\nnbc,NBC\n", claims: 'id,subject,value,qualifier,claimant,citation.source\nc1,troops,"10,000",about,nbc,nbc\n' })));
    expect(lines).toContain('claims.csv row 2, column "value": "10,000" is not a number (write 10000 without separators)');
  });

  it("parseSheet keeps d3-dsv's row objects: missing cells are empty, extra cells dropped, the last of duplicate columns wins, header-only gives no rows", () => {
    expect([...parseSheet("a,b,a\n1,2,3,4\n5\n")]).toEqual([
      { a: "3", b: "2" },
      { a: "", b: "" },
    ]);
    expect([...parseSheet("id,name\n")]).toEqual([]);
    expect([...parseSheet("")]).toEqual([]);
    expect([...parseSheet("id,name\r\nx,y\r\n")]).toEqual([{ id: "x", name: "y" }]);
    expect((parseSheet("id,name\nx,y\n") as unknown as { columns: string[] }).columns).toEqual(["id", "name"]);
  });
});

const actors = "id,name\nbiden,Joe Biden\nghani,Ashraf Ghani\n";
const sources = "id,name\nap,Associated Press\nreuters,Reuters\n";

describe("datasetFromSheets: headers (issue 14.3)", () => {
  it("datasetFromSheets(citation999999999.source) refuses the column at once, without walking a billion-slot array", () => {
    const t0 = performance.now();
    expect(problems(() => datasetFromSheets({ sources, events: "id,date,kind,title,citation999999999.source\ne1,2021-08-15,call,T,ap\n" }))).toEqual([
      'events.csv row 1, column "citation999999999.source": at most 99 citations a record (citation99.source); is 999999999 a typo?',
    ]);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it("datasetFromSheets reads citation99 and citation1 (= citation)", () => {
    const d = datasetFromSheets({ sources, events: "id,date,kind,title,citation1.source,citation99.source\ne1,2021-08-15,call,T,ap,reuters\n" });
    expect(d.events[0]!.citations).toEqual([{ source: "ap" }, { source: "reuters" }]);
  });

  it("datasetFromSheets(citation0.source) says citations count from 1", () => {
    expect(problems(() => datasetFromSheets({ sources, events: "id,date,kind,title,citation0.source\ne1,2021-08-15,call,T,ap\n" }))).toEqual([
      'events.csv row 1, column "citation0.source": citations count from 1: write citation.source for the first, then citation2.source, citation3.source…',
    ]);
  });

  it("datasetFromSheets(citation beside citation1) names both columns", () => {
    expect(problems(() => datasetFromSheets({ sources, events: "id,date,kind,title,citation.source,citation1.source\ne1,2021-08-15,call,T,ap,reuters\n" }))).toEqual([
      'events.csv row 1, column "citation1.source": means the same as column "citation.source" (number citations citation.source, citation2.source, citation3.source…)',
    ]);
  });

  it("datasetFromSheets(outcome beside outcome.status) is one readable problem, not a TypeError", () => {
    expect(problems(() => datasetFromSheets({ actors, promises: "id,speaker,said,topic,quote,window,outcome,outcome.status\np1,biden,2021-04-14,T,Q,P14D,kept,kept\n" }))).toEqual([
      'promises.csv row 1, column "outcome": holds nothing by itself: name the column outcome.status, outcome.date or outcome.note',
    ]);
  });

  it('datasetFromSheets(a misspelt header "Citation source") is an error naming the column, with a suggestion', () => {
    expect(problems(() => datasetFromSheets({ sources, claims: "id,subject,value,qualifier,claimant,Citation source\nc1,dead,13,exact,ap,ap\n" }))).toEqual([
      'claims.csv row 1, column "Citation source": unknown column (did you mean "citation.source"?)',
    ]);
    expect(problems(() => datasetFromSheets({ actors: "id,name,nationality\nbiden,Joe Biden,US\n" }))).toEqual([
      'actors.csv row 1, column "nationality": unknown column (actors.csv reads id, name, role, country)',
    ]);
    expect(problems(() => datasetFromSheets({ sources, events: "id,date,kind,title,citation.qoute,citation.source\ne1,2021-08-15,call,T,said,ap\n" }))).toEqual([
      'events.csv row 1, column "citation.qoute": unknown citation field "qoute" (did you mean "citation.quote"?)',
    ]);
  });

  it("datasetFromSheets(a column twice) says so instead of keeping the last", () => {
    expect(problems(() => datasetFromSheets({ actors: "id,name,Name\nbiden,Joe Biden,Biden\n" }))).toEqual(['actors.csv row 1, column "Name": means the same as column "name" (keep one)']);
  });

  it("datasetFromSheets(a column with no header but data) names the column number and the data", () => {
    expect(problems(() => datasetFromSheets({ actors: "id,name,\nbiden,Joe Biden,\nghani,Ashraf Ghani,President\n" }))).toEqual([
      'actors.csv row 1, column 3: has no name, but row 3 holds "President" (name the column, or delete it)',
    ]);
    expect(datasetFromSheets({ actors: "id,name,,\nbiden,Joe Biden,,\n" }).actors).toEqual([{ id: "biden", name: "Joe Biden" }]);
  });

  it("datasetFromSheets(a header named __proto__) reports it as an unknown column", () => {
    expect(problems(() => datasetFromSheets({ actors: "id,name,__proto__\nbiden,Joe Biden,x\n" }))).toEqual(['actors.csv row 1, column "__proto__": unknown column (actors.csv reads id, name, role, country)']);
  });
});

describe("datasetFromSheets: forgiving where meaning is certain (issue 16)", () => {
  it("datasetFromSheets trims cells and headers, reads enumerations in any case, and skips blank rows", () => {
    const d = datasetFromSheets({
      actors,
      sources: "id,name,Kind\nap , Associated Press ,Agency\n",
      events: " ID , Date ,kind,title,status,participants\ne1,2021-08-15,Talks,Doha talks,Happened,biden ; ghani\n,,,,,\n\ne2,2021-08-26,constructor,Attack,,\n",
      claims: "id,subject,value,qualifier,claimant,citation.source\nc1,US dead, 13 ,About,ap,ap\nc2,US dead,12,At least,ap,ap\nc3,US dead,12,MORE-THAN,ap,ap\n",
      promises: "id,speaker,said,topic,quote,window,outcome.status\np1,biden,2021-04-14,Withdrawal,by 11 September,fourteen months, Kept \n",
    });
    expect(d.sources[0]).toEqual({ id: "ap", name: "Associated Press", kind: "agency" });
    expect(d.events.map((e) => [e.id, e.kind, e.status, e.participants])).toEqual([
      ["e1", "talks", "happened", ["biden", "ghani"]],
      ["e2", "constructor", undefined, undefined],
    ]);
    expect(d.claims.map((c) => [c.value, c.qualifier])).toEqual([
      [13, "about"],
      [12, "at-least"],
      [12, "more-than"],
    ]);
    expect(d.promises[0]!.window).toEqual({ min: "P1Y2M", max: "P1Y2M" });
    expect(d.promises[0]!.outcome).toEqual({ status: "kept" });
  });

  it('datasetFromSheets(participants "biden, ghani") splits on commas when every part is an actor id', () => {
    const d = datasetFromSheets({ actors, events: 'id,date,kind,title,participants\ne1,2021-08-15,call,T,"biden, ghani"\n' });
    expect(d.events[0]!.participants).toEqual(["biden", "ghani"]);
  });

  it('datasetFromSheets(participants "biden, karzai") says to separate ids with ";", once', () => {
    expect(problems(() => datasetFromSheets({ actors, events: 'id,date,kind,title,participants\ne1,2021-08-15,call,T,"biden, karzai"\n' }))).toEqual([
      'events.csv row 2, column "participants": no actor "biden, karzai" (separate ids with ";": biden; karzai)',
    ]);
  });

  it("datasetFromSheets reports rows after a blank row by their spreadsheet row number", () => {
    expect(problems(() => datasetFromSheets({ actors: "id,name\nbiden,Joe Biden\n,\nghani,\n" }))).toEqual(['actors.csv row 4, column "name": missing required field']);
  });
});

describe("datasetFromSheets: one message per mistake, pointing at the cell (issue 16)", () => {
  it("datasetFromSheets(a row with a cell too many) says so, without follow-on errors for that row", () => {
    const lines = problems(() =>
      datasetFromSheets({
        actors,
        promises: "id,speaker,said,topic,quote,window,outcome.status\np1,biden,2021-04-14,Troops,we have 8,600 troops there,P14D,kept\np2,biden,2021-04-14,T,Q,P14D,kept\n",
      }),
    );
    expect(lines).toEqual(["promises.csv row 2: has 8 cells, the header 7: a comma inside an unquoted cell? (put the cell in double quotes)"]);
  });

  it("datasetFromSheets(a row with a cell too few) says so", () => {
    expect(problems(() => datasetFromSheets({ actors, promises: "id,speaker,said,topic,quote,window,outcome.status\np1,biden,2021-04-14,Troops,Q,P14D\n" }))).toEqual([
      "promises.csv row 2: has 6 cells, the header 7: a missing comma, or a line break inside an unquoted cell?",
    ]);
  });

  it("datasetFromSheets accepts trailing empty cells beyond the header", () => {
    expect(datasetFromSheets({ actors: "id,name\nbiden,Joe Biden,,\n" }).actors).toEqual([{ id: "biden", name: "Joe Biden" }]);
  });

  it("datasetFromSheets(a window phrase it cannot read) gives one problem and none for absent window.min/max columns", () => {
    expect(problems(() => datasetFromSheets({ actors, promises: "id,speaker,said,topic,quote,window\np1,biden,2021-04-14,T,Q,soonish\n" }))).toEqual([
      'promises.csv row 2, column "window": "soonish" is not a duration (write an ISO 8601 duration such as P14D, or a phrase like "two weeks")',
    ]);
  });

  it.each([
    ["48 hours", "P2D", "P2D"],
    ["a fortnight", "P14D", "P14D"],
    ["up to two weeks", "P0D", "P14D"],
    ["in a couple of weeks", "P14D", "P14D"],
    ["twenty-one days", "P21D", "P21D"],
    ["fourteen months", "P1Y2M", "P1Y2M"],
  ])("datasetFromSheets(window %j) reads it", (phrase, min, max) => {
    expect(datasetFromSheets({ actors, promises: `id,speaker,said,topic,quote,window\np1,biden,2021-04-14,T,Q,${phrase}\n` }).promises[0]!.window).toEqual({ min, max });
  });

  it("datasetFromSheets(window.min and window.max as phrases) reads one length each, and refuses a range there", () => {
    const d = datasetFromSheets({ actors, promises: "id,speaker,said,topic,quote,window.min,window.max\np1,biden,2021-04-14,T,Q,two weeks,three weeks\n" });
    expect(d.promises[0]!.window).toEqual({ min: "P14D", max: "P21D" });
    expect(problems(() => datasetFromSheets({ actors, promises: "id,speaker,said,topic,quote,window.min,window.max\np1,biden,2021-04-14,T,Q,two or three weeks,P21D\n" }))).toEqual([
      'promises.csv row 2, column "window.min": "two or three weeks" is a range; write it in a "window" column, or one length here',
    ]);
  });

  it('datasetFromSheets(value "about 170") points to the qualifier column', () => {
    expect(problems(() => datasetFromSheets({ sources, claims: "id,subject,value,qualifier,claimant,citation.source\nc1,dead,about 170,exact,ap,ap\n" }))).toEqual([
      'claims.csv row 2, column "value": "about 170" is not a number (write 170, with qualifier "about")',
    ]);
  });

  it("datasetFromSheets(unknown ids) suggests the closest id, spelt as in the sheet's header", () => {
    expect(
      problems(() =>
        datasetFromSheets({
          actors,
          sources,
          claims: "id,subject,value,qualifier,claimant,Citation1.Source\nc1,dead,13,exact,bidenn,reutres\n",
          promises: "id,speaker,said,topic,quote,window,supersedes\np1,ghanni,2021-04-14,T,Q,P14D,\np2,biden,2021-04-14,T,Q,P14D,p-1\n",
        }),
      ),
    ).toEqual([
      'claims.csv row 2, column "claimant": no actor or source "bidenn" (did you mean "biden"?)',
      'claims.csv row 2, column "Citation1.Source": no source "reutres" (did you mean "reuters"?)',
      'promises.csv row 2, column "speaker": no actor "ghanni" (did you mean "ghani"?)',
      'promises.csv row 3, column "supersedes": no promise "p-1" (did you mean "p1"?)',
    ]);
  });

  it("datasetFromSheets(dataset.csv) reads keys in any case and names unknown ones with their row", () => {
    expect(datasetFromSheets({ dataset: "key,value\nVersion,1\nasof,2021-09-01\nTitle, The withdrawal \n" })).toMatchObject({ version: 1, asOf: "2021-09-01", title: "The withdrawal" });
    expect(problems(() => datasetFromSheets({ dataset: "key,value\nversion,1\ntitel,x\nasOf,2021-02-30\n" }))).toEqual([
      'dataset.csv row 3, key "titel": unknown key (did you mean "title"?)',
      expect.stringMatching(/^dataset\.csv row 4, key "asOf": /),
    ]);
  });

  it("datasetFromSheets(dataset.csv with domain and periods) reads them: periods one per row or several in a cell, any letter case, `period` too", () => {
    const d = datasetFromSheets({
      dataset: "key,value\nDomain, 2021-08/2021-09 \nperiods,2021-08-15/2021-08-31 Evacuation\nperiod,2021-08-26 Kabul airport attack; 2021-08-30/.. After the last flight\n",
    });
    expect(d.domain).toBe("2021-08/2021-09");
    expect(d.periods).toEqual(["2021-08-15/2021-08-31 Evacuation", "2021-08-26 Kabul airport attack", "2021-08-30/.. After the last flight"]);
  });
  it("datasetFromSheets(dataset.csv with a domain or period it cannot read) points at the row and says how to write it", () => {
    expect(problems(() => datasetFromSheets({ dataset: "key,value\ndomain,August 2021\nperiods,2021-08-15/2021-08-31 Evacuation\nperiods,Aug 15 Evacuation\n" }))).toEqual([
      expect.stringMatching(/^dataset\.csv row 4, key "periods": "Aug 15 Evacuation": cannot read "Aug" as a date or interval: .*Write each period as an EDTF date or interval, then its label/),
      expect.stringMatching(/^dataset\.csv row 2, key "domain": cannot read "August 2021" as a range; write two EDTF dates, start\/end, e\.g\. "2021-08\/2021-09"/),
    ]);
  });
});

describe("SHEET_COLUMNS", () => {
  const schema = JSON.parse(readFileSync("src/schema.json", "utf8"));
  const columnsOf = (def: string): string[] =>
    Object.entries(schema.$defs[def].properties as Record<string, any>).flatMap(([k, v]) => (k === "citations" ? [] : v.type === "object" ? Object.keys(v.properties).filter((s) => s !== "citations").map((s) => `${k}.${s}`) : [k]));

  it.each([
    ["sources", "Source"],
    ["actors", "Actor"],
    ["events", "Event"],
    ["claims", "Claim"],
    ["promises", "Promise"],
  ] as const)("SHEET_COLUMNS.%s has a column for every field of the schema's %s", (sheet, def) => {
    expect(columnsOf(def).filter((c) => !SHEET_COLUMNS[sheet].includes(c))).toEqual([]);
  });

  it("CITATION_FIELDS has every field of the schema's Citation", () => {
    expect(Object.keys(schema.$defs.Citation.properties).filter((f) => !CITATION_FIELDS.includes(f))).toEqual([]);
  });
});

describe("datasetFromSheets: the editor's Afghanistan story (issue 16, done when)", () => {
  it("datasetFromSheets(sheets with deadlines, capitals, spaces and phrases) validates", () => {
    const d = datasetFromSheets({
      dataset: "key,value\nVersion,1\nTitle , The withdrawal\nasOf,2021-09-01\n",
      sources: "id,name,kind\nap,Associated Press, Agency \nreuters,Reuters,Agency\n",
      actors,
      events: 'id,date,kind,title,participants,citation.source,citation.disputes\ne1,2021-08-15,Evacuation,Kabul falls,"biden, ghani",ap,2021-08-16\n',
      claims: "id,subject,value,qualifier,claimant,date,supersedes,citation.source\nd12,US dead,12,Exact,ap,2021-08-26,,ap\nd13,US dead,13, exact ,ap,2021-08-27,d12,ap\n",
      promises:
        "id,speaker,said,topic,quote,window,deadline,checked,outcome.status,outcome.date\n" +
        "p1,biden,2021-04-14,Withdrawal,by 11 September,,2021-09-11,2021-09-01,Kept,2021-08-30\n" +
        "p2,biden,2020-02-29,Prisoners,within fourteen months, Fourteen Months ,,,Pending,\n" +
        "p3,ghani,2021-08-01,Talks,in 48 hours,48 hours,,,,\n",
    });
    expect(d.title).toBe("The withdrawal");
    expect(d.events[0]!.kind).toBe("evacuation");
    expect(d.events[0]!.citations).toEqual([{ source: "ap", disputes: "2021-08-16" }]);
    expect(d.claims.map((c) => [c.qualifier, c.supersedes])).toEqual([
      ["exact", undefined],
      ["exact", "d12"],
    ]);
    expect(d.promises.map((p) => [p.window, p.deadline, p.outcome?.status])).toEqual([
      [undefined, "2021-09-11", "kept"],
      [{ min: "P1Y2M", max: "P1Y2M" }, undefined, "pending"],
      [{ min: "P2D", max: "P2D" }, undefined, undefined],
    ]);
  });
});

describe("datasetFromSheets: one problem per header cell", () => {
  it('datasetFromSheets(headers "title" and "titel") reports "titel" once', () => {
    expect(problems(() => datasetFromSheets({ events: "id,date,kind,title,titel\ne1,2021-08-15,call,T,U\n" }))).toEqual(['events.csv row 1, column "titel": unknown column (did you mean "title"?)']);
    expect(problems(() => datasetFromSheets({ events: "id,date,kind,titel,title\ne1,2021-08-15,call,T,U\n" }))).toEqual(['events.csv row 1, column "titel": unknown column (did you mean "title"?)']);
    expect(problems(() => datasetFromSheets({ events: "id,date,kind,titel\ne1,2021-08-15,call,T\n" }))).toEqual(['events.csv row 1, column "titel": unknown column (did you mean "title"?)']);
  });
});
