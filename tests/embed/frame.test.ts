// @vitest-environment node
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { autoFrames, frameUrl, iframe } from "../../src/embed/pym.js";

const page = (body: string) => new JSDOM(`<!doctype html><body>${body}</body>`, { url: "https://news.example/story/" }).window.document;

describe("frameUrl(src, base)", () => {
  const base = "https://news.example/story/";
  it.each([
    ["javascript:parent.document.title='x'//"],
    ["  javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    ["\tjava\nscript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["vbscript:msgbox(1)"],
    ["blob:https://news.example/1234"],
    ["file:///etc/passwd"],
    [""],
  ])("frameUrl(%j) is refused with a reason", (src) => {
    const r = frameUrl(src, base);
    expect(typeof r).toBe("string");
  });
  it.each([
    ["chart.html", "https://news.example/story/chart.html"],
    ["/graphics/chart.html", "https://news.example/graphics/chart.html"],
    ["https://cdn.example/chart.html", "https://cdn.example/chart.html"],
    ["  http://cdn.example/c.html", "http://cdn.example/c.html"],
  ])("frameUrl(%j) resolves to %s", (src, href) => {
    const r = frameUrl(src, base);
    expect(typeof r).not.toBe("string");
    expect((r as URL).href).toBe(href);
  });
  it("frameUrl(relative, file: base) stays on the file page's origin", () => {
    expect((frameUrl("chart.html", "file:///tmp/index.html") as URL).href).toBe("file:///tmp/chart.html");
  });
});

describe("autoFrames(root) with a hostile data-claimline-frame", () => {
  it("makes no iframe and says why in place", () => {
    const doc = page(`<div id="a" data-claimline-frame="javascript:parent.document.title='x'//"></div><div id="b" data-claimline-frame=" JAVASCRIPT:alert(1)"></div><div id="c" data-claimline-frame="chart.html"></div>`);
    const handles = autoFrames(doc);
    expect(handles).toHaveLength(1);
    expect(doc.querySelectorAll("iframe")).toHaveLength(1);
    expect(doc.querySelector("#c iframe")!.getAttribute("src")).toMatch(/^https:\/\/news\.example\/story\/chart\.html\?/);
    for (const id of ["a", "b"]) {
      const el = doc.getElementById(id)!;
      expect(el.querySelector("iframe")).toBeNull();
      expect(el.textContent).toMatch(/cannot be shown: only http\(s\) addresses and relative paths can be framed, not "javascript:"/);
    }
  });
  it("iframe(el, 'javascript:…') throws and leaves the reason in place", () => {
    const doc = page(`<div id="x"></div>`);
    const el = doc.getElementById("x")!;
    expect(() => iframe(el, "javascript:alert(1)")).toThrow(/only http\(s\)/);
    expect(el.querySelector("iframe")).toBeNull();
    expect(el.getAttribute("role") ?? el.firstElementChild!.getAttribute("role")).toBe("alert");
  });
});
