/**
 * Text measurement without a DOM. Layout must run in Node and in tests, so
 * widths are estimated from character classes of a typical system sans-serif;
 * the estimates err wide, so labels laid out with them do not collide when the
 * real font is a little narrower.
 */

/** Approximate advance width of one character, in ems. */
function charEm(code: number): number {
  if (code === 32) return 0.3;
  // CJK, Hangul, full-width forms: one em.
  if ((code >= 0x1100 && code <= 0x11ff) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef)) return 1;
  if (code >= 0x1f000) return 1.2; // emoji
  if (code >= 48 && code <= 57) return 0.58; // digits (tabular in most UI fonts)
  if (code >= 65 && code <= 90) return code === 73 ? 0.32 : code === 77 || code === 87 ? 0.88 : 0.68;
  if ("iljtf.,:;'!|()[]".includes(String.fromCharCode(code))) return 0.32;
  if (code === 109 || code === 119) return 0.86;
  if (code < 128) return 0.55;
  // Cyrillic, Greek, Arabic and others: a little wider than Latin lower case.
  return 0.62;
}

/**
 * How much wider bold is than the regular estimate. Measured from the fonts'
 * advance widths: DejaVu Sans Bold (the Linux fallback for system-ui, and the
 * widest bold we render with) runs 1.19–1.23× the regular estimate for Latin
 * text (1.25× for Cyrillic, where the layouts' regular slack covers the rest);
 * Noto Sans CJK Bold runs under 1×. The old 1.06 underestimated bold DejaVu
 * by 12–16%, so bold labels that "fit" collided in Chromium.
 */
export const BOLD_FACTOR = 1.23;

/** charEm for ASCII, looked up instead of computed (layout measures the same labels at every width). */
const ASCII_EM = Array.from({ length: 128 }, (_, c) => charEm(c));
/** Widths in ems of strings measured before: a resize measures the same words again. Emptied when it grows large. */
const EMS = new Map<string, number>();

/** Width in ems of `text`, summed character by character (in this order, so a cached and a fresh value agree to the bit). */
function ems(text: string): number {
  let em = EMS.get(text);
  if (em !== undefined) return em;
  em = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) em += ASCII_EM[c]!;
    else {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      em += charEm(cp);
    }
  }
  if (EMS.size > 50_000) EMS.clear();
  EMS.set(text, em);
  return em;
}

/** Estimated width in px of `text` at `fontSize` px (bold: × BOLD_FACTOR). */
export function textWidth(text: string, fontSize = 12, bold = false): number {
  return ems(text) * fontSize * (bold ? BOLD_FACTOR : 1);
}

let segmenter: Intl.Segmenter | null | undefined;
/**
 * The characters a reader sees (grapheme clusters): a flag, a ZWJ family emoji or a letter with its
 * combining marks is never cut in two. `Intl.Segmenter` where the platform has it, code points otherwise.
 */
export function graphemes(text: string): string[] {
  if (segmenter === undefined) segmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;
  if (!segmenter) return Array.from(text);
  const out: string[] = [];
  for (const s of segmenter.segment(text)) out.push(s.segment);
  return out;
}

/** `text` cut to fit `maxWidth` with an ellipsis; `truncated` says whether it was cut (the full text then belongs in a title or the detail card). */
export function truncateText(text: string, maxWidth: number, fontSize = 12, bold = false): { text: string; truncated: boolean } {
  if (textWidth(text, fontSize, bold) <= maxWidth) return { text, truncated: false };
  const chars = graphemes(text);
  const ell = textWidth("…", fontSize, bold);
  let w = 0;
  let i = 0;
  for (; i < chars.length; i++) {
    const cw = textWidth(chars[i]!, fontSize, bold);
    if (w + cw + ell > maxWidth) break;
    w += cw;
  }
  // Cut at the last word boundary ("Comprehensive…", not "Comprehensive Strateg…": half a word reads as
  // another word); text with no boundary before the cut (CJK, one long word) is cut where it fits.
  let cut = i;
  if (i > 0 && i < chars.length && !/\s/.test(chars[i]!) && !/\s/.test(chars[i - 1]!)) {
    let j = i - 1;
    while (j > 0 && !/\s/.test(chars[j]!)) j--;
    if (j > 0) cut = j;
  }
  const out = (k: number) => chars.slice(0, k).join("").trimEnd().replace(/[\s,;:·–—-]+$/u, "") + "…";
  // Summed char by char above, the width can differ from textWidth() of the whole in the last float bit.
  while (cut > 0 && textWidth(out(cut), fontSize, bold) > maxWidth) cut--;
  return { text: out(cut), truncated: true };
}

/**
 * Greedy word wrap into at most `maxLines` lines (at least one). Words that do
 * not fit on the last line stay on it and it is cut with an ellipsis; a single
 * word wider than `maxWidth` is cut on whichever line it lands. No returned
 * line is wider than `maxWidth` (unless even "…" is); `truncated` says
 * whether anything was cut.
 */
export function wrapText(text: string, maxWidth: number, fontSize = 12, maxLines = 2, bold = false): { lines: string[]; truncated: boolean } {
  const max = Math.max(1, Math.floor(maxLines) || 1);
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i]!;
    if (!line || textWidth(next, fontSize, bold) <= maxWidth) {
      line = next;
      continue;
    }
    if (lines.length === max - 1) {
      // The last line allowed: the rest of the text goes on it, to be cut below.
      line = [line, ...words.slice(i)].join(" ");
      break;
    }
    lines.push(line);
    line = words[i]!;
  }
  if (line) lines.push(line);
  let truncated = false;
  for (let k = 0; k < lines.length; k++) {
    if (textWidth(lines[k]!, fontSize, bold) <= maxWidth) continue;
    const t = truncateText(lines[k]!, maxWidth, fontSize, bold);
    lines[k] = t.text;
    truncated ||= t.truncated;
  }
  return { lines, truncated };
}

/**
 * Text planned with slack, for labels that must fit in every font a chart is set in: a width is the
 * estimate × the slack, and text is wrapped or cut to `maxWidth` ÷ the slack. `regular` and `bold` are the
 * factors for each weight (textWidth's bold estimate already follows DejaVu Sans Bold, so a layout whose
 * regular slack covers DejaVu Sans may give bold 1). Each layout says why its factors are what they are.
 */
export function withSlack(regular: number, bold: number) {
  const slack = (b: boolean) => (b ? bold : regular);
  return {
    width: (text: string, fontSize: number, b = false) => textWidth(text, fontSize, b) * slack(b),
    wrap: (text: string, maxWidth: number, fontSize: number, maxLines: number, b = false) => wrapText(text, maxWidth / slack(b), fontSize, maxLines, b),
    truncate: (text: string, maxWidth: number, fontSize: number, b = false) => truncateText(text, maxWidth / slack(b), fontSize, b),
  };
}

/** Axis-aligned box. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two boxes overlap (touching edges do not count). */
export function boxesIntersect(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
