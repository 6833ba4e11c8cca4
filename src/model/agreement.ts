/**
 * Which values every claim about one quantity allows.
 *
 * Each claim becomes the interval of values consistent with it:
 *   exact [v,v] · at-least [v,∞) · more-than (v,∞) · up-to (-∞,v] ·
 *   fewer-than (-∞,v) · range [low,high].
 * Their intersection is the agreement band; when it is empty two of them
 * conflict, and in one dimension there is always a single pair to name (the
 * tightest floor against the tightest ceiling).
 *
 * `about` claims have no stated margin and claimline invents none, so an
 * `about` figure cannot narrow the band: it is a point that either falls
 * inside the band the firm claims allow, or it does not. One that does not,
 * or `about` figures that disagree with each other, make the panel "differ"
 * rather than "conflict": with an unknown margin, a gap is a difference
 * worth showing, not a proven contradiction.
 */
import type { Claim } from "../model/types.js";

export interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

export type AgreementStatus = "single" | "agree" | "differ" | "conflict";

export interface Agreement {
  status: AgreementStatus;
  /** Values every firm (non-`about`) claim allows; absent on conflict or when no claim is firm. */
  band?: Interval;
  /** The pair named in a conflict or difference: [the higher floor or figure, the lower ceiling or figure]. */
  pair?: [string, string];
  /** `about` claims that fall outside the band. */
  outside: string[];
}

/** The interval of values consistent with one claim, or null for `about` (a point without margin) and claims missing their numbers. */
export function claimInterval(c: Claim): Interval | null {
  const v = c.value;
  switch (c.qualifier) {
    case "exact":
      return v === undefined ? null : { lo: v, hi: v, loOpen: false, hiOpen: false };
    case "at-least":
    case "more-than":
      return v === undefined ? null : { lo: v, hi: Infinity, loOpen: c.qualifier === "more-than", hiOpen: true };
    case "up-to":
    case "fewer-than":
      return v === undefined ? null : { lo: -Infinity, hi: v, loOpen: true, hiOpen: c.qualifier === "fewer-than" };
    case "range":
      return c.low === undefined || c.high === undefined ? null : { lo: c.low, hi: c.high, loOpen: false, hiOpen: false };
    default:
      return null;
  }
}

export function contains(i: Interval, v: number): boolean {
  return (i.loOpen ? v > i.lo : v >= i.lo) && (i.hiOpen ? v < i.hi : v <= i.hi);
}

export function isEmpty(i: Interval): boolean {
  return i.lo > i.hi || (i.lo === i.hi && (i.loOpen || i.hiOpen));
}

/** Compare agreement across `claims` (one subject, one unit). */
export function computeAgreement(claims: Claim[]): Agreement {
  const firm: Array<{ id: string; i: Interval }> = [];
  const about: Claim[] = [];
  for (const c of claims) {
    const i = claimInterval(c);
    if (i) firm.push({ id: c.id, i });
    else if (c.qualifier === "about" && c.value !== undefined) about.push(c);
  }
  if (firm.length + about.length < 2) return { status: "single", ...(firm[0] ? { band: firm[0].i } : {}), outside: [] };

  // 1. The tightest floor and the tightest ceiling (at a tie, the open end is tighter).
  let floor: { id: string; i: Interval } | undefined;
  let ceil: { id: string; i: Interval } | undefined;
  for (const f of firm) {
    if (!floor || f.i.lo > floor.i.lo || (f.i.lo === floor.i.lo && f.i.loOpen && !floor.i.loOpen)) floor = f;
    if (!ceil || f.i.hi < ceil.i.hi || (f.i.hi === ceil.i.hi && f.i.hiOpen && !ceil.i.hiOpen)) ceil = f;
  }
  if (floor && ceil) {
    const band: Interval = { lo: floor.i.lo, loOpen: floor.i.loOpen, hi: ceil.i.hi, hiOpen: ceil.i.hiOpen };
    if (isEmpty(band)) return { status: "conflict", pair: [floor.id, ceil.id], outside: [] };
    // 2. `about` points are checked against the band, never used to narrow it.
    const outside = about.filter((c) => !contains(band, c.value!)).map((c) => c.id);
    if (outside.length) {
      const o = about.find((c) => c.id === outside[0])!;
      const below = o.value! < band.lo || (o.value === band.lo && band.loOpen);
      return { status: "differ", band, pair: below ? [floor.id, o.id] : [o.id, ceil.id], outside };
    }
    return { status: "agree", band, outside };
  }
  // 3. Only `about` figures: they agree if they are the same figure.
  const sorted = [...about].sort((a, b) => b.value! - a.value!);
  const hi = sorted[0]!;
  const lo = sorted[sorted.length - 1]!;
  if (hi.value === lo.value) return { status: "agree", band: { lo: hi.value!, hi: hi.value!, loOpen: false, hiOpen: false }, outside: [] };
  return { status: "differ", pair: [hi.id, lo.id], outside: [] };
}
