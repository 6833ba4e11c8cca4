import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/server/cli.js";

function run(args: string[]) {
  let out = "";
  let err = "";
  const code = main(args, { write: (s: string) => ((out += s), true) } as any, { write: (s: string) => ((err += s), true) } as any);
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), "claimline-cli-"));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe("claimline CLI", () => {
  it("claimline validate seeds.json exits 0 with a one-line summary", () => {
    const r = run(["validate", "examples/data/seeds.json"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^examples\/data\/seeds\.json: valid claimline dataset v1 — \d+ sources, \d+ actors, \d+ events, \d+ claims, 14 promises\n$/);
  });

  it("claimline validate reads a folder of CSV sheets", () => {
    const r = run(["validate", "examples/data/seeds-csv"]);
    expect(r.code).toBe(0);
  });

  it("claimline validate bad.json exits 1 with every problem and its path on stderr, no stack trace", () => {
    const bad = file(
      "bad.json",
      JSON.stringify({ version: 1, actors: [{ id: "a", name: "A" }], events: [{ id: "e1", date: "2025-02-29", kind: "call", title: "x", participants: ["nobody"] }], claims: [{ id: "c1", subject: "s", qualifier: "range", low: 12000, high: 10000, claimant: "a", citations: [] }] }),
    );
    const r = run(["validate", bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("events[0].date:");
    expect(r.err).toContain('events[0].participants[0]: no actor "nobody"');
    expect(r.err).toContain("claims[0]: low 12000 is above high 10000");
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe("");
  });

  it("claimline validate malformed.json exits 1 naming $", () => {
    const r = run(["validate", file("m.json", "{ nope")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^\$: not valid JSON/m);
  });

  it("claimline validate names CSV rows and columns", () => {
    const r = run(["validate", file("claims.csv", "id,subject,value,qualifier,claimant\nc1,troops,15k,about,nobody\n")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('claims.csv row 2, column "value": "15k" is not a number');
  });

  it("claimline render without --chart or with an unknown chart exits non-zero saying so", () => {
    expect(run(["render", "examples/data/seeds.json"]).err).toMatch(/--chart is required/);
    const r = run(["render", "examples/data/seeds.json", "--chart", "pie"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown chart "pie"/);
  });

  it("claimline render --chart promise-tracker --as-of 2025-08-16 writes static SVG", () => {
    const out = join(tmp, "p.svg");
    const r = run(["render", "examples/data/seeds.json", "--chart", "promise-tracker", "--as-of", "2025-08-16", "-o", out]);
    expect(r.code, r.err).toBe(0);
    const svg = readFileSync(out, "utf8");
    expect(svg).toMatch(/^<\?xml/);
    expect(svg.match(/data-status="overdue"/g)?.length).toBe(12);
    expect(svg.match(/data-status="late"/g)?.length).toBe(2);
  });

  for (const chart of ["figure-comparison", "timeline", "promise-tracker"]) {
    it(`claimline render --chart ${chart} --format html writes the SVG plus the data table`, () => {
      const r = run(["render", "examples/data/seeds.json", "--chart", chart, "--format", "html", "--width", "600", "--locale", "de-DE", "--theme", "dark"]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/^<!doctype html>/);
      expect(r.out).toContain("<table");
      expect(r.out).toContain('data-id="');
      expect(r.out).toContain("claimline-v1-theme-dark");
    });
  }

  it("bin/claimline.js runs from the build", () => {
    if (!existsSync("dist/cli.js")) return expect.fail("run `npm run build` first: dist/cli.js is missing");
    const r = spawnSync(process.execPath, ["bin/claimline.js", "validate", "examples/data/seeds.json"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("valid claimline dataset v1");
  });
});
