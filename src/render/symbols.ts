/**
 * Event-kind symbols as SVG path strings centred on (x, y), so one `<path>`
 * draws one mark and the 10,000-event case stays one element per record.
 * Shapes differ by kind (colour is never the only signal); status adds a
 * shape of its own (hollow, a strike, an arrow) drawn by `statusPath`.
 */
import { EVENT_KINDS } from "../model/validate.js";
import { roundAttr } from "./dom.js";

export type SymbolKind = (typeof EVENT_KINDS)[number] | "other";

/** The symbol for an event kind; unknown kinds get the generic hexagon. */
export function symbolKind(kind: string): SymbolKind {
  return (EVENT_KINDS as readonly string[]).includes(kind) ? (kind as SymbolKind) : "other";
}

/** Unit outlines (radius 1) as [x, y] vertices; the circle is special-cased. */
const star = Array.from({ length: 10 }, (_, i) => {
  const a = (i * Math.PI) / 5 - Math.PI / 2;
  const r = i % 2 ? 0.5 : 1.2;
  return [r * Math.cos(a), r * Math.sin(a) + 0.1] as [number, number];
});
const hexagon = Array.from({ length: 6 }, (_, i) => [Math.cos((i * Math.PI) / 3), Math.sin((i * Math.PI) / 3)] as [number, number]);
const SHAPES: Record<Exclude<SymbolKind, "meeting">, Array<[number, number]>> = {
  call: [[0, -1.25], [1.25, 0], [0, 1.25], [-1.25, 0]],
  visit: [[0, -1.2], [1.1, 0.85], [-1.1, 0.85]],
  summit: star,
  treaty: [[-0.9, -0.9], [0.9, -0.9], [0.9, 0.9], [-0.9, 0.9]],
  deployment: [[-1, -0.9], [0.2, -0.9], [1.2, 0], [0.2, 0.9], [-1, 0.9], [-0.4, 0]],
  statement: [[-1, -0.95], [1, -0.95], [1, 0.45], [-0.1, 0.45], [-0.7, 1.1], [-0.7, 0.45], [-1, 0.45]],
  other: hexagon,
};

const n = roundAttr;

/** Path for a kind's symbol of radius `r` centred on (x, y). */
export function symbolPath(kind: SymbolKind, x: number, y: number, r = 6): string {
  if (kind === "meeting") return `M${n(x - r)},${n(y)}a${n(r)},${n(r)} 0 1,0 ${n(2 * r)},0a${n(r)},${n(r)} 0 1,0 ${n(-2 * r)},0Z`;
  return "M" + SHAPES[kind].map(([px, py]) => `${n(x + px * r)},${n(y + py * r)}`).join("L") + "Z";
}

/** The extra shape a status adds: a strike for cancelled, a forward arrow for postponed. */
export function statusPath(status: string | undefined, x: number, y: number, r = 6): string | undefined {
  if (status === "cancelled") return `M${n(x - r - 2)},${n(y + r + 2)}L${n(x + r + 2)},${n(y - r - 2)}`;
  if (status === "postponed") return `M${n(x + r + 2)},${n(y)}h6m-3,-3l3,3l-3,3`;
  return undefined;
}

/** Whether the symbol is drawn hollow: anything that has not (yet) happened. */
export function isHollow(status: string | undefined): boolean {
  return status === "scheduled" || status === "postponed" || status === "cancelled";
}

// ---- Accessible names -----------------------------------------------------------
//
// A mark's accessible name begins with the words drawn inside it, in the order
// they are in the DOM (WCAG 2.5.3, label in name: a speech-input user says what
// they see). axe-core checks this by comparing words: lower case, letters and
// digits only, parenthesised text dropped on both sides, and the drawn words
// must be one unbroken run of the name's. Where a label is cut with "…", the
// cut is moved back to a word boundary and what it hid is spoken in
// parentheses, so a screen reader still hears the whole text.

const ELLIPSIS = "…";
const WORDY = /[\p{L}\p{N}]/u;
const wordy = (w: string) => WORDY.test(w);

/** The words a label-in-name check compares, as axe-core curates them. */
export function nameTokens(s: string): string[] {
  let t = s.normalize("NFKD");
  for (let prev = ""; prev !== t; ) {
    prev = t;
    t = t.replace(/\([^()]*\)/g, "");
  }
  return t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ").filter(Boolean);
}

/** Whether the words of `visible` are one unbroken run of the words of `name`. */
export function labelInName(visible: string, name: string): boolean {
  const v = nameTokens(visible);
  if (!v.length) return true;
  const n = nameTokens(name);
  for (let i = 0; i + v.length <= n.length; i++) if (v.every((w, k) => n[i + k] === w)) return true;
  return false;
}

export interface SpokenLabel {
  /** The lines to draw: as given, or with a cut moved back to a word boundary. */
  lines: string[];
  /** The words to speak for them. */
  spoken: string;
}

/**
 * A label drawn as `lines` (wrapped, perhaps cut with "…") from the text `full`:
 * the lines to draw, with any word cut in half dropped (the ellipsis moves to
 * the word before), and the words to speak: the drawn words in order, with what
 * each cut hid in parentheses. When the lines cannot be matched to `full`, both
 * come back unchanged (`markName` then puts the drawn words first).
 */
export function spokenLabel(lines: readonly string[], full?: string): SpokenLabel {
  const drawn = lines.join(" ");
  const same = { lines: [...lines], spoken: full ?? drawn };
  if (full === undefined || !drawn.includes(ELLIPSIS) || full.includes(ELLIPSIS)) return same;
  const F = full.split(/\s+/).filter(Boolean);
  const flat = lines.flatMap((l, line) => l.split(/\s+/).filter(Boolean).map((w) => ({ line, w })));
  const kept: string[][] = lines.map(() => []);
  const spoken: string[] = [];
  let j = 0;
  const skipPunct = (stop: (w: string) => boolean) => {
    while (j < F.length && !stop(F[j]!) && !wordy(F[j]!)) spoken.push(F[j++]!);
  };
  for (let i = 0; i < flat.length; i++) {
    const { line, w } = flat[i]!;
    const at = w.indexOf(ELLIPSIS);
    if (at < 0) {
      skipPunct((f) => f === w);
      if (F[j] === w) {
        spoken.push(F[j++]!);
        kept[line]!.push(w);
      } else if (!wordy(w)) kept[line]!.push(w);
      else return same;
      continue;
    }
    // A cut: `base` is what is left of the word it fell in.
    if (at !== w.length - 1) return same;
    const base = w.slice(0, at);
    if (base) {
      skipPunct((f) => f.startsWith(base));
      const f = F[j];
      if (f === undefined || !f.startsWith(base)) return same;
      const mine = kept[line]!;
      // A whole word whose trailing punctuation the cut dropped ("Anchorage," drawn as "Anchorage…") is not half a word.
      if (f === base || f.replace(/\p{P}+$/u, "") === base) {
        spoken.push(f);
        j++;
        mine.push(w);
      } else if (mine.length && wordy(mine[mine.length - 1]!)) {
        // Half a word reads as a different word: drop it, and speak it whole with the rest of the cut.
        mine[mine.length - 1] += ELLIPSIS;
      } else {
        // The only word on its line: keep the visible half, speak the rest of it.
        spoken.push(`${base}(${f.slice(base.length).replace(/[()]/g, "")})`);
        j++;
        mine.push(w);
      }
    } else kept[line]!.push(w);
    // What the cut hid: up to the next drawn word, or the end.
    const next = flat.slice(i + 1).find((x) => wordy(x.w))?.w;
    let k = F.length;
    if (next !== undefined) {
      const n = next.endsWith(ELLIPSIS) ? next.slice(0, -1) : next;
      k = j;
      while (k < F.length && !(n === next ? F[k] === n : F[k]!.startsWith(n))) k++;
      if (k === F.length) return same;
    }
    const hidden = F.slice(j, k);
    let h = hidden.length;
    while (h > 0 && !wordy(hidden[h - 1]!)) h--;
    if (h) spoken.push(`(${hidden.slice(0, h).join(" ").replace(/[()]/g, "")})`);
    spoken.push(...hidden.slice(h));
    j = k;
  }
  const rest = F.slice(j);
  if (rest.some(wordy)) spoken.push(`(${rest.join(" ").replace(/[()]/g, "")})`);
  else spoken.push(...rest);
  return { lines: kept.map((ws) => ws.join(" ")), spoken: spoken.join(" ") };
}

/**
 * A mark's accessible name: `name` when the `drawn` lines (in DOM order) are an
 * unbroken run of it, else the drawn words first and `name` after them.
 */
export function markName(drawn: readonly string[], name: string): string {
  const visible = drawn.join(" ").replace(/\s+/g, " ").trim();
  if (labelInName(visible, name)) return name;
  const both = `${visible.replaceAll(ELLIPSIS, "")}. ${name}`;
  return labelInName(visible, both) ? both : `${visible}. ${name.replace(/[()]/g, "")}`;
}

/** "a · b" as speech: a comma, not a "middle dot". */
export function speakable(s: string): string {
  return s
    .replace(/\s+·\s+/g, ", ")
    .replace(/\(\s*·\s*/g, "(")
    .replace(/\s*·\s*\)/g, ")")
    .replace(/\s+/g, " ")
    .trim();
}

/** Sentences joined: a full stop after each unless it ends in one already. */
export function sentences(parts: ReadonlyArray<string | undefined | false>): string {
  return parts
    .map((p) => (p || "").trim())
    .filter(Boolean)
    .map((p) => (/[.!?…:;]$/.test(p) ? p : `${p}.`))
    .join(" ");
}
