// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- a plain ES module script without types
import { startServer } from "../scripts/serve.js";

let server: { close(): void };
let base = "";

beforeAll(async () => {
  const started = await startServer(0);
  server = started.server;
  base = started.url;
});
afterAll(() => server?.close());

describe("the gallery server", () => {
  it("startServer() sends Content-Security-Policy: default-src 'self' with every HTML page, the server-rendered ones included", async () => {
    for (const path of ["/", "/examples/csp.html", "/examples/chart.html"]) {
      const res = await fetch(new URL(path, base));
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-security-policy"), path).toBe("default-src 'self'");
    }
  });

  it("startServer() leaves scripts, stylesheets and SVG without the page policy (an SVG keeps its own <style>)", async () => {
    for (const path of ["/examples/gallery.js", "/examples/gallery.css", "/examples/favicon.svg"]) {
      const res = await fetch(new URL(path, base));
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-security-policy"), path).toBeNull();
    }
  });
});
