/**
 * Bytes → text for every door data comes in by (the CLI's files, the embed's
 * fetches). A UTF-8 byte-order mark is dropped, as spreadsheets write one;
 * anything that is not UTF-8 (a sheet saved as Windows-1252) is refused with
 * the file and the byte offset, because decoding it leniently would replace
 * its letters with U+FFFD and the chart would print them altered.
 */

export class EncodingError extends Error {
  override name = "EncodingError";
  /** Offset of the first byte that is not UTF-8. */
  readonly offset: number;
  constructor(file: string, offset: number, byte: number) {
    super(`${file} is not UTF-8 text: byte ${offset} is 0x${byte.toString(16).toUpperCase().padStart(2, "0")} (save the file as UTF-8, e.g. "CSV UTF-8" in Excel)`);
    this.offset = offset;
  }
}

/** UTF-8 text of `bytes`, without a leading byte-order mark; throws EncodingError naming `file` and the first bad byte. */
export function decodeText(bytes: ArrayBuffer | ArrayBufferView, file: string): string {
  // isView rather than instanceof: a buffer from another realm (an iframe, jsdom) is no instance of this one's ArrayBuffer.
  const view = ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
  try {
    // ignoreBOM: false (the default) drops one leading BOM.
    return new TextDecoder("utf-8", { fatal: true }).decode(view);
  } catch {
    const at = invalidUtf8Offset(view);
    throw new EncodingError(file, at, view[at] ?? 0);
  }
}

/** Drop one leading U+FEFF from text that was already decoded (pasted JSON, a string handed to the API). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629), or the length if all are well formed. */
export function invalidUtf8Offset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    // Lead byte → sequence length and the allowed range of the second byte (no overlongs, no surrogates, ≤ U+10FFFF).
    let n: number, lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 2;
    else if (c >= 0xe0 && c <= 0xef) (n = 3), c === 0xe0 ? (lo = 0xa0) : c === 0xed ? (hi = 0x9f) : 0;
    else if (c >= 0xf0 && c <= 0xf4) (n = 4), c === 0xf0 ? (lo = 0x90) : c === 0xf4 ? (hi = 0x8f) : 0;
    else return i;
    for (let k = 1; k < n; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n;
  }
  return i;
}
