import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { csvPath, datasetFromSheets, guessSheetName, parseSheet } from "../../src/model/csv.js";
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
