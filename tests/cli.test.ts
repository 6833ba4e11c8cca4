import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/server/cli.js";
import { chartByName } from "../src/charts/registry.js";
import { CHART_FLAGS, flagName } from "../src/server/flags.js";
import { pageAssets, pageCspSources } from "../src/server/index.js";

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
    // The seeds' statuses as of 16 August 2025 (what the sources knew: some outcomes unknown after `checked`).
    const statuses: Record<string, number> = {};
    for (const m of svg.matchAll(/data-status="([a-z-]+)"/g)) statuses[m[1]!] = (statuses[m[1]!] ?? 0) + 1;
    expect(statuses).toEqual({ overdue: 10, late: 1, partial: 1, unknown: 2 });
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

  it("claimline --version prints the package's version", () => {
    const r = run(["--version"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`claimline ${JSON.parse(readFileSync("package.json", "utf8")).version}\n`);
    expect(run(["-v"]).out).toBe(r.out);
  });

  it("claimline render --help lists every option flag of every chart; --chart narrows it to one", () => {
    const r = run(["render", "--help"]);
    expect(r.code).toBe(0);
    for (const chart of ["figure-comparison", "timeline", "promise-tracker"] as const) {
      expect(r.out).toContain(`${chart} options:`);
      for (const [option, spec] of Object.entries(CHART_FLAGS[chart])) expect(r.out).toContain(`--${flagName(option, spec)} ${spec.value}`);
    }
    for (const flag of ["--lanes", "--sort", "--title", "--subtitle", "--source", "--note", "--credit", "--orientation", "--subject", "--group", "--highlight", "--axis", "--breakpoint", "--domain", "--period", "--format svg|html|fragment"]) expect(r.out).toContain(flag);
    const t = run(["render", "--chart", "timeline", "--help"]);
    expect(t.out).toContain("--lanes");
    expect(t.out).not.toContain("--group");
    expect(run(["validate", "--help"]).out).toMatch(/^usage: claimline validate FILE/);
    expect(run(["help", "render"]).out).toBe(r.out);
  });

  it("every option flag of a chart names an option that chart's resolver accepts (flags and options cannot drift apart)", () => {
    for (const [chart, flags] of Object.entries(CHART_FLAGS)) {
      const def = chartByName(chart);
      for (const option of Object.keys(flags)) {
        let error = "";
        try {
          def.resolveOptions({ [option]: undefined });
        } catch (e) {
          error = (e as Error).message;
        }
        expect(error, `${chart} --${flagName(option, flags[option]!)}`).toBe("");
      }
    }
  });

  it("claimline render --widht 600 refuses the flag and suggests --width (exit 2)", () => {
    const r = run(["render", "examples/data/seeds.json", "--chart", "timeline", "--widht", "600"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown option --widht (did you mean --width?)");
    expect(r.out).toBe("");
    expect(run(["render", "examples/data/seeds.json", "--chart", "timelin"]).err).toContain("(did you mean timeline?)");
    expect(run(["rendr", "x"]).err).toContain("(did you mean render?)");
  });

  it("claimline render --chart promise-tracker --lanes kind says --lanes is a timeline option", () => {
    const r = run(["render", "examples/data/seeds.json", "--chart", "promise-tracker", "--lanes", "kind"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--lanes is not a promise-tracker option (it is for timeline)");
  });

  it("claimline render passes the charts' options from flags: --lanes, --domain, --period, --sort, --title", () => {
    const tl = run(["render", "examples/data/seeds.json", "--chart", "timeline", "--lanes", "kind", "--domain", "2025-03/2025-08", "--period", "2025-08-12/2025-08-15 Road to Anchorage", "--period", "2025-05-16/2025-06-06 Two weeks"]);
    expect(tl.code, tl.err).toBe(0);
    const all = run(["render", "examples/data/seeds.json", "--chart", "timeline"]);
    expect(tl.out).toContain("Road to Anchorage");
    expect(tl.out).toContain("Two weeks");
    // The domain drops the events outside it.
    expect(tl.out.match(/data-id="/g)!.length).toBeLessThan(all.out.match(/data-id="/g)!.length);
    const said = run(["render", "examples/data/seeds.json", "--chart", "promise-tracker", "--as-of", "2025-08-16"]);
    const overdue = run(["render", "examples/data/seeds.json", "--chart", "promise-tracker", "--as-of", "2025-08-16", "--sort", "overdue", "--title", "Deadlines <missed>"]);
    const order = (svg: string) => [...svg.matchAll(/<g[^>]* data-id="([^"]+)"/g)].map((m) => m[1]);
    expect(order(overdue.out)).not.toEqual(order(said.out));
    expect(overdue.out).toContain("Deadlines &lt;missed&gt;");
  });

  it("claimline render: a bad --domain, --period or option value names the flag (exit 2)", () => {
    const d = run(["render", "examples/data/seeds.json", "--chart", "timeline", "--domain", "2025-13/2025-08"]);
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/--domain: cannot read the start "2025-13"/);
    expect(run(["render", "examples/data/seeds.json", "--chart", "timeline", "--period", "whenever"]).err).toContain("--period");
    const s = run(["render", "examples/data/seeds.json", "--chart", "promise-tracker", "--sort", "sideways"]);
    expect(s.code).toBe(2);
    expect(s.err).toContain('option sort: expected one of "said", "overdue", "status", got "sideways"');
    expect(run(["render", "examples/data/seeds.json", "--chart", "timeline", "--width", "wide"]).err).toContain("--width must be a positive number");
  });

  it("claimline render --title … --subtitle … --source … --note … --credit … are accepted (passed to the chart)", () => {
    const r = run(["render", "examples/data/seeds.json", "--chart", "timeline", "--title", "T", "--subtitle", "S", "--source", "Src", "--note", "N", "--credit", "C"]);
    expect(r.err).not.toMatch(/unknown option|not a timeline option/);
  });

  it("claimline render --format fragment writes a <div data-claimline> with the data and the static chart", () => {
    const r = run(["render", "examples/data/seeds.json", "--chart", "promise-tracker", "--format", "fragment", "--as-of", "2025-08-16"]);
    expect(r.code, r.err).toBe(0);
    const open = /^<div [^>]*>/.exec(r.out)![0];
    expect(open).toContain('data-claimline="promise-tracker"');
    expect(open).toContain('data-as-of="2025-08-16"');
    expect(r.out).toContain('<script type="application/json">');
    expect(r.out).toContain("data-claimline-static");
  });

  it("claimline render -o onto its own input is refused and the input is left as it was", () => {
    const input = file("self.json", readFileSync("examples/data/seeds.json", "utf8"));
    const before = readFileSync(input, "utf8");
    const r = run(["render", input, "--chart", "timeline", "-o", input]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("would overwrite the input");
    expect(readFileSync(input, "utf8")).toBe(before);
    // Through another path to the same file, and through a link.
    const link = join(tmp, "link.json");
    symlinkSync(input, link);
    expect(run(["render", link, "--chart", "timeline", "-o", join(tmp, ".", "self.json")]).code).toBe(2);
    // A sheet in a folder given as FILE.
    const dir = join(tmp, "sheets");
    mkdirSync(dir);
    writeFileSync(join(dir, "events.csv"), "id,date,kind,title\ne1,2025-08-12,call,A call\n");
    expect(run(["render", dir, "--chart", "timeline", "-o", join(dir, "events.csv")]).err).toContain("would overwrite the input");
    expect(readFileSync(join(dir, "events.csv"), "utf8")).toContain("A call");
  });

  it("claimline validate on a device, a folder without sheets or a FIFO exits 1 with a clear error, without reading it", () => {
    const dev = run(["validate", "/dev/zero"]);
    expect(dev.code).toBe(1);
    expect(dev.err).toBe("claimline: /dev/zero is a device, not a dataset file; give a .json, .csv or .tsv file, a folder of sheets, or - for standard input\n");
    const empty = join(tmp, "empty");
    mkdirSync(empty);
    expect(run(["validate", empty]).err).toMatch(/holds no sheets named/);
    expect(run(["validate", empty]).code).toBe(1);
    expect(run(["validate", join(tmp, "missing.json")]).code).toBe(1);
    const fifo = join(tmp, "pipe.json");
    if (spawnSync("mkfifo", [fifo]).status === 0) {
      // Opening a FIFO with no writer would block forever: refused from its stat, it never is.
      const r = run(["validate", fifo]);
      expect(r.code).toBe(1);
      expect(r.err).toContain("is a named pipe, not a dataset file");
    }
  });

  it("claimline validate - < /dev/zero stops at the size cap with exit 1 instead of reading forever", () => {
    if (!existsSync("dist/cli.js")) return expect.fail("run `npm run build` first: dist/cli.js is missing");
    const r = spawnSync("sh", ["-c", `${JSON.stringify(process.execPath)} bin/claimline.js validate - < /dev/zero`], { encoding: "utf8", timeout: 30000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^claimline: standard input is larger than \d+ MB/);
  });

  it("claimline render … | head: a reader that stops early ends the command quietly with exit 0", () => {
    if (!existsSync("dist/cli.js")) return expect.fail("run `npm run build` first: dist/cli.js is missing");
    const b = spawnSync("bash", ["-c", `${JSON.stringify(process.execPath)} bin/claimline.js render examples/data/seeds.json --chart timeline --format fragment | head -c 10 >/dev/null; exit \${PIPESTATUS[0]}`], { encoding: "utf8", timeout: 30000 });
    expect(b.status).toBe(0);
    expect(b.stderr).toBe("");
  });

  it("claimline render --format html -o page.html writes the page with its stylesheet and script as files beside it (no inline code)", () => {
    const dir = join(tmp, "page");
    mkdirSync(dir);
    const r = run(["render", "examples/data/seeds.json", "--chart", "timeline", "-o", join(dir, "timeline.html")]);
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(join(dir, "timeline.html"), "utf8");
    expect(html).toContain('<link rel="stylesheet" href="claimline-page.css">');
    expect(html).toContain('<script src="claimline-pym.js"></script>');
    expect(html).not.toMatch(/<style|<script>|<script nonce| style="/);
    const assets = pageAssets();
    expect(readFileSync(join(dir, "claimline-page.css"), "utf8")).toBe(assets.css.text);
    expect(readFileSync(join(dir, "claimline-pym.js"), "utf8")).toBe(assets.script.text);
    expect(assets.script.text).toContain("xPYMx");
  });

  it("claimline render --format html --inline prints the CSP hashes of the page's inline style and script", () => {
    const r = run(["render", "examples/data/seeds.json", "--chart", "timeline", "--format", "html", "--inline"]);
    expect(r.code, r.err).toBe(0);
    const style = /<style>([\s\S]*?)<\/style>/.exec(r.out)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(r.out)![1]!;
    const sha = (t: string) => `'sha256-${createHash("sha256").update(t).digest("base64")}'`;
    expect(pageCspSources()).toEqual({ style: sha(style), script: sha(script) });
    expect(r.err).toContain(`style-src ${sha(style)}; script-src ${sha(script)}`);
    const n = run(["render", "examples/data/seeds.json", "--chart", "timeline", "--format", "html", "--nonce", "r4nd0m"]);
    expect(n.out).toContain('<style nonce="r4nd0m">');
    expect(n.out).toContain('<script nonce="r4nd0m">');
    expect(run(["render", "examples/data/seeds.json", "--chart", "timeline", "--format", "html", "--nonce", '"><script>']).code).toBe(2);
  });

  it("bin/claimline.js runs from the build", () => {
    if (!existsSync("dist/cli.js")) return expect.fail("run `npm run build` first: dist/cli.js is missing");
    const r = spawnSync(process.execPath, ["bin/claimline.js", "validate", "examples/data/seeds.json"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("valid claimline dataset v1");
  });
});
