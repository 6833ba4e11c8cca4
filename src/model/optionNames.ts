/**
 * Unknown option names, refused where they are made: `{ widht: 600 }` would
 * otherwise be ignored in silence and the chart drawn at another width. The
 * message names the chart, the option and the nearest known name.
 */
import { OptionError } from "./options.js";

/**
 * Throw an OptionError naming the first key of `options` that is not in
 * `allowed`, with a "did you mean …?" for a near miss (edit distance ≤ 2, or
 * the same letters in another case). Keys whose value is `undefined` count
 * too: the caller wrote the name. Inherited keys are ignored.
 */
export function checkOptionNames(options: object | null | undefined, allowed: readonly string[], chart: string): void {
  if (options === null || options === undefined || typeof options !== "object") return;
  for (const name of Object.keys(options)) {
    if (allowed.includes(name)) continue;
    const near = nearestName(name, allowed);
    throw new OptionError(
      `${chart}: unknown option ${JSON.stringify(name)}${near ? ` — did you mean ${JSON.stringify(near)}?` : ""} (options: ${allowed.join(", ")})`,
    );
  }
}

/** The name in `candidates` closest to `name`, if it is close enough to be a typo. */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase().replace(/[-_]/g, "");
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  // A short name has few letters to spare: "sort" → "port" is not a typo for it.
  const limit = Math.min(2, Math.max(1, Math.floor(lower.length / 3)));
  return bestDistance <= limit ? best : undefined;
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), so "widht" is one edit from "width". */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3; // only near misses matter; skip the table
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}
