import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchData } from "../../src/embed/load.js";
import { decodeText, EncodingError, invalidUtf8Offset } from "../../src/model/decode.js";
import { parseDataset, validateDataset } from "../../src/model/validate.js";
import { loadDatasetFile } from "../../src/server/cli.js";

const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];

describe("decodeText", () => {
  it("decodeText(bytes, file) drops a UTF-8 byte-order mark and keeps every letter", () => {
    const bytes = new Uint8Array([...BOM, ...utf8("id,name\nk,Kim Jong Un — 김정은\n")]);
    expect(decodeText(bytes, "actors.csv")).toBe("id,name\nk,Kim Jong Un — 김정은\n");
  });

  it("decodeText(windows1252, file) refuses the file and names the byte offset", () => {
    // "Peña" saved as Windows-1252: ñ is the single byte 0xF1, at offset 8 + 7.
    const head = utf8("id,name\n");
    const bytes = new Uint8Array([...head, ...utf8("pena,Pe"), 0xf1, ...utf8("a Nieto\n")]);
    expect(() => decodeText(bytes, "actors.csv")).toThrow(new EncodingError("actors.csv", 15, 0xf1));
    expect(() => decodeText(bytes, "actors.csv")).toThrow('actors.csv is not UTF-8 text: byte 15 is 0xF1 (save the file as UTF-8, e.g. "CSV UTF-8" in Excel)');
  });

  it("decodeText reads an ArrayBuffer from another realm (an iframe's fetch) and a Node Buffer slice", () => {
    const foreign = runInNewContext("new Uint8Array([0xEF, 0xBB, 0xBF, 0x6B, 0x69, 0x6D]).buffer") as ArrayBuffer;
    expect(foreign instanceof ArrayBuffer).toBe(false);
    expect(decodeText(foreign, "x.json")).toBe("kim");
    expect(decodeText(Buffer.from("__kim__").subarray(2, 5), "x.json")).toBe("kim");
  });

  it("invalidUtf8Offset finds overlongs, surrogates, truncated sequences and stray continuation bytes", () => {
    expect(invalidUtf8Offset(utf8("añ€😀"))).toBe(utf8("añ€😀").length);
    expect(invalidUtf8Offset(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1); // overlong "\0"
    expect(invalidUtf8Offset(new Uint8Array([0x41, 0x42, 0xed, 0xa0, 0x80]))).toBe(2); // a surrogate
    expect(invalidUtf8Offset(new Uint8Array([0xe2, 0x82]))).toBe(0); // cut short
    expect(invalidUtf8Offset(new Uint8Array([0x41, 0x80]))).toBe(1); // continuation without a lead
    expect(invalidUtf8Offset(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
  });
});

describe("a byte-order mark on JSON", () => {
  it("parseDataset(text with a BOM) reads the dataset, as the CSV reader does", () => {
    expect(parseDataset('\uFEFF{"version": 1, "title": "T"}').title).toBe("T");
    expect(validateDataset('\uFEFF{"version": 1}').problems).toEqual([]);
  });
});

describe("fetchData (the embed's reading)", () => {
  const serve = (body: Uint8Array, type: string) =>
    vi.stubGlobal("fetch", async () => new Response(body, { status: 200, headers: { "content-type": type } }));
  afterEach(() => vi.unstubAllGlobals());

  it("fetchData(json with a BOM) returns the text without it", async () => {
    serve(new Uint8Array([...BOM, ...utf8('{"version":1}')]), "application/json");
    expect(await fetchData("data.json", "https://example.org/")).toBe('{"version":1}');
  });

  it("fetchData(a Windows-1252 sheet) rejects naming the src and the byte", async () => {
    serve(new Uint8Array([...utf8("id,name\nj,Jos"), 0xe9, ...utf8("\n")]), "text/csv");
    await expect(fetchData("actors.csv", "https://example.org/")).rejects.toThrow("actors.csv is not UTF-8 text: byte 13 is 0xE9");
  });
});

describe("loadDatasetFile (the CLI's reading)", () => {
  const dir = mkdtempSync(join(tmpdir(), "claimline-decode-"));

  it("loadDatasetFile(json with a BOM) validates", () => {
    const file = join(dir, "bom.json");
    writeFileSync(file, new Uint8Array([...BOM, ...utf8('{"version":1,"actors":[{"id":"a","name":"Ñandú"}]}')]));
    expect(loadDatasetFile(file).actors[0]!.name).toBe("Ñandú");
  });

  it("loadDatasetFile(a Windows-1252 sheet) fails naming the file and byte, never passing U+FFFD on", () => {
    const file = join(dir, "actors.csv");
    writeFileSync(file, new Uint8Array([...utf8("id,name\nj,Jos"), 0xe9, ...utf8("\n")]));
    expect(() => loadDatasetFile(file)).toThrow(`${file} is not UTF-8 text: byte 13 is 0xE9`);
  });

  it("loadDatasetFile(folder) fails on its one non-UTF-8 sheet", () => {
    const folder = mkdtempSync(join(dir, "sheets-"));
    writeFileSync(join(folder, "actors.csv"), "id,name\na,A\n");
    writeFileSync(join(folder, "sources.csv"), new Uint8Array([...utf8("id,name\ns,Le Monde diplomatique "), 0x96, ...utf8(" Paris\n")]));
    expect(() => loadDatasetFile(folder)).toThrow(`${join(folder, "sources.csv")} is not UTF-8 text: byte 32 is 0x96`);
  });
});
