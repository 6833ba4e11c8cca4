/**
 * Where an embed's data comes from: a child `<script type="application/json">`
 * (also written by server fragments), or `src` fetched as JSON, or as a
 * CSV/TSV sheet when the URL (or the response type) says so.
 */
import { datasetFromSheets, guessSheetName, parseSheet, SHEET_NAMES, type SheetName } from "../model/csv.js";
import { decodeText } from "../model/decode.js";

/** The inline JSON data of an embed, if it has a direct `<script type="application/json">` child. */
export function inlineData(host: Element): string | undefined {
  for (const child of Array.from(host.children)) {
    if (child.tagName.toLowerCase() === "script" && /^application\/(ld\+)?json$/i.test(child.getAttribute("type") ?? "")) return child.textContent ?? "";
  }
  return undefined;
}

/** Is this URL (or content type) a CSV/TSV sheet rather than JSON? */
export function isSheet(url: string, contentType = ""): boolean {
  return /\.(csv|tsv)(?:[?#]|$)/i.test(url) || /text\/(csv|tab-separated-values)/i.test(contentType);
}

/** Which records a sheet holds: from its file name (`claims.csv`) or, failing that, its header. */
export function sheetKind(url: string, text: string): SheetName {
  const stem = (url.split(/[?#]/)[0]!.split("/").pop() ?? "").replace(/\.(csv|tsv)$/i, "") as SheetName;
  const kind = SHEET_NAMES.includes(stem) ? stem : guessSheetName(Object.keys(parseSheet(text)[0] ?? {}));
  if (!kind) throw new Error(`cannot tell which records ${url} holds; name it sources.csv, actors.csv, events.csv, claims.csv or promises.csv`);
  return kind;
}

/** Sheets (url → text) as one dataset; a claims sheet needs its sources and actors sheets beside it. */
export function sheetsToData(sheets: Array<[url: string, text: string]>): unknown {
  const byKind: Partial<Record<SheetName, string>> = {};
  for (const [url, text] of sheets) byKind[sheetKind(url, text)] = text;
  return datasetFromSheets(byKind);
}

/**
 * Fetch `src` relative to the page and return raw dataset input: JSON text,
 * or a Dataset from CSV/TSV sheets. Several sheets are listed separated by
 * spaces: `data-src="sources.csv actors.csv claims.csv"`.
 */
export async function fetchData(src: string, base: string, signal?: AbortSignal): Promise<unknown> {
  const urls = src.trim().split(/\s+/);
  if (urls.length > 1) return sheetsToData(await Promise.all(urls.map(async (u) => [u, await fetchText(u, base, signal)] as [string, string])));
  const url = new URL(src, base).href;
  const { text, type } = await fetchOne(src, base, signal);
  return isSheet(url, type) ? sheetsToData([[url, text]]) : text;
}

async function fetchText(src: string, base: string, signal?: AbortSignal): Promise<string> {
  return (await fetchOne(src, base, signal)).text;
}

async function fetchOne(src: string, base: string, signal?: AbortSignal): Promise<{ text: string; type: string }> {
  const url = new URL(src, base).href;
  let res: Response;
  try {
    res = await fetch(url, { signal, credentials: "same-origin" });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new Error(`could not load ${src}: ${(err as Error).message || "network error"}`);
  }
  if (!res.ok) throw new Error(`could not load ${src}: HTTP ${res.status}${res.statusText ? " " + res.statusText : ""}`);
  return { text: decodeText(await res.arrayBuffer(), src), type: res.headers.get("content-type") ?? "" };
}
