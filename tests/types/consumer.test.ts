/**
 * The shipped typings (dist/*.d.ts) as a TypeScript user meets them: a
 * project that depends on claimline, with no framework installed and
 * `skipLibCheck: false`, type-checks cleanly; `<claimline-chart>`, its `data`
 * property and `window.Claimline` are typed; mistakes in `renderToString`
 * options are compile errors. Run after `npm run build`.
 */
// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ELEMENT_ATTRIBUTES } from "../../src/embed/attributes.js";

const root = resolve(".");

/** Type-check `files` in a fresh project whose node_modules/claimline is this package; the diagnostics as text. */
function check(files: Record<string, string>, moduleResolution: "bundler" | "node16"): string[] {
  const dir = mkdtempSync(join(tmpdir(), "claimline-types-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", type: "module", private: true }));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(root, join(dir, "node_modules", "claimline"), "dir");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
    module: moduleResolution === "bundler" ? ts.ModuleKind.ESNext : ts.ModuleKind.Node16,
    moduleResolution: moduleResolution === "bundler" ? ts.ModuleResolutionKind.Bundler : ts.ModuleResolutionKind.Node16,
  };
  const program = ts.createProgram(Object.keys(files).map((f) => join(dir, f)), options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.replace(dir + "/", "")}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1})` : "";
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

const GOOD = `
import { timeline, type ClaimlineChartElement } from "claimline";
import { renderToString } from "claimline/server";

const el: ClaimlineChartElement | null = document.querySelector("claimline-chart");
if (el) el.data = { version: 1, events: [] };
const made = document.createElement("claimline-chart");
made.data = JSON.stringify({ version: 1 });
void made.ready.then((handle) => handle?.resize());
window.Claimline.autoInit();
window.Claimline.timeline("#x", { version: 1 }, { lanes: "kind" });
timeline("#x", { version: 1 });
export const svg: string = renderToString("timeline", { version: 1 }, { width: 600, lanes: "kind", format: "html", assets: { css: "a.css", script: "a.js" } });
`;

const BAD_OPTIONS = `import { renderToString } from "claimline/server";
renderToString("timeline", { version: 1 }, { widht: 600 });
renderToString("promise-tracker", { version: 1 }, { lanes: "kind" });
renderToString("timeline", { version: 1, events: "nope" });
renderToString("pie", { version: 1 });
`;

const BAD_ELEMENT = `import "claimline/auto";
const el = document.querySelector("claimline-chart")!;
el.data = 42;
window.Claimline.timelin("#x", {});
`;

it("types/elements.d.ts types every <claimline-chart> attribute the element observes, and no other", () => {
  const text = readFileSync("types/elements.d.ts", "utf8");
  const body = /interface ClaimlineChartAttributes \{([\s\S]*?)\n\}/.exec(text)![1]!;
  const typed = [...body.matchAll(/^\s+"?([a-z-]+)"?\?:/gm)].map((m) => m[1]);
  expect([...typed].sort()).toEqual([...ELEMENT_ATTRIBUTES].sort());
});

describe("the shipped typings", () => {
  if (!existsSync("dist/elements.d.ts")) {
    it("need a build", () => expect.fail("run `npm run build` first: dist/elements.d.ts is missing"));
    return;
  }
  // One program per resolution mode (each takes seconds): the good file and the bad ones side by side.
  const bundler = check({ "main.ts": GOOD, "options.ts": BAD_OPTIONS, "element.ts": BAD_ELEMENT }, "bundler");
  const of = (file: string, line: number) => bundler.filter((e) => e.startsWith(`${file}(${line})`)).join("\n");

  it("a project without React, Vue or Svelte type-checks with skipLibCheck false (moduleResolution bundler and node16)", () => {
    expect(bundler.filter((e) => !/^(options|element)\.ts/.test(e))).toEqual([]);
    expect(check({ "main.ts": GOOD }, "node16")).toEqual([]);
  });

  it("renderToString(chart, data, options) refuses a misspelt option, another chart's option, a bad dataset shape and an unknown chart", () => {
    expect(of("options.ts", 2)).toContain("widht");
    expect(of("options.ts", 3)).toContain("lanes");
    expect(of("options.ts", 4)).toContain("Type 'string' is not assignable");
    expect(of("options.ts", 5)).toContain('"pie"');
  });

  it("<claimline-chart>'s data property and window.Claimline are typed (not any)", () => {
    expect(of("element.ts", 3)).toContain("Type '42' is not assignable");
    expect(of("element.ts", 4)).toContain("timelin");
  });
});
