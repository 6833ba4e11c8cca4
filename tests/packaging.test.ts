// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

describe("nobody installs linkedom: the server and the CLI draw on claimline's own small DOM (14.16)", () => {
  it("linkedom is no dependency of any kind (only the tests use it, to check the light DOM against it)", () => {
    expect(pkg.dependencies.linkedom).toBeUndefined();
    expect(pkg.peerDependencies?.linkedom).toBeUndefined();
    expect(pkg.optionalDependencies?.linkedom).toBeUndefined();
    expect(pkg.devDependencies.linkedom).toBeDefined();
  });
  it("no file of dist/ names linkedom, the server entry and the CLI included", () => {
    if (!existsSync(new URL("../dist/claimline.js", import.meta.url))) return expect.fail("run npm run build first");
    const dist = new URL("../dist/", import.meta.url);
    const files = ["claimline.js", "auto.js", "server.js", "cli.js", "claimline.min.js", ...readdirSync(new URL("chunks/", dist)).map((f) => `chunks/${f}`)].filter((f) => f.endsWith(".js"));
    for (const f of files) expect(readFileSync(new URL(f, dist), "utf8"), f).not.toMatch(/["']linkedom["']/);
  });
});

/** `figureComparison` alone, bundled and minified as a page's bundler would, from `from` (src/ or the built dist/). */
async function figureComparisonAlone(from: string, loader: "ts" | "js"): Promise<string> {
  const { build } = await import("esbuild");
  const out = await build({
    stdin: { contents: `export { figureComparison } from "${from}";`, resolveDir: new URL("..", import.meta.url).pathname, loader },
    bundle: true,
    format: "esm",
    write: false,
    minify: true,
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}

describe("a one-chart build carries only that chart's CSS (14.17)", () => {
  it("figureComparison alone bundles none of the timeline's or the promise tracker's rules", async () => {
    const code = await figureComparisonAlone("./src/index.ts", "ts");
    expect(code).toMatch(/fc-band-edge/);
    expect(code).not.toMatch(/pt-overdue-bar|tl-whisker/);
  });

  // The built package too: there the charts share one chunk, so only statement-level purity (the
  // /* @__PURE__ */ on define() and factory()) lets a bundler drop the charts a page does not import.
  it.skipIf(!existsSync(new URL("../dist/claimline.js", import.meta.url)))("figureComparison alone, from dist/ as a bundler sees the package, carries no timeline or tracker code", async () => {
    const code = await figureComparisonAlone("./dist/claimline.js", "js");
    expect(code).toMatch(/fc-band-edge/);
    expect(code).not.toMatch(/pt-overdue-bar|tl-whisker|tl-cluster/);
  });
});
