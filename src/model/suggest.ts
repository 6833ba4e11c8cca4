/**
 * "Did you mean …?" for a name the data does not know (a misspelt column, an
 * unknown id): the closest known name by edit distance, when it is close
 * enough to be the likely intent.
 */

/**
 * Edit distance with adjacent transpositions (optimal string alignment: "titel"
 * is one edit from "title"), case-insensitive, stopping early once it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Letters and digits only, lower case: "Citation source" and "citation.source" compare equal. */
const bare = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * The known name closest to `name` — equal once case, spaces and punctuation
 * are ignored, or within about a third of its length in edits — else
 * undefined. Ties go to the first in `known`. Long lists are cut at 10,000
 * names so a hostile dataset cannot make this quadratic.
 */
export function closest(name: string, known: Iterable<string>): string | undefined {
  const key = bare(name);
  const limit = Math.max(1, Math.floor(Math.min(name.length, 24) / 3));
  let best: string | undefined;
  let bestCost = limit + 1;
  let seen = 0;
  for (const k of known) {
    if (++seen > 10_000) break;
    if (k === name) continue;
    if (key && bare(k) === key) return k;
    const cost = editDistance(name, k, bestCost - 1);
    if (cost < bestCost) (best = k), (bestCost = cost);
  }
  return best;
}

/** ` (did you mean "x"?)`, or "" when nothing is close. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const k = closest(name, known);
  return k === undefined ? "" : ` (did you mean ${JSON.stringify(k)}?)`;
}
