/**
 * Label placement for the timeline, in one dimension at a time so it stays
 * linear-ish at 10,000 events:
 * - `placeTiers` (horizontal): each label sits in the lowest free tier above
 *   its mark with a vertical leader; a leader may not cross a lower label and
 *   a label may not cover a higher label's leader. Full label,
 *   then the abbreviated one; what still does not fit overflows.
 * - `groupClusters`: overflowing marks gather into "+N events" clusters whose
 *   labels share one row; clusters that would collide merge.
 * - `placeColumn` (vertical): labels stack down one column with leader lines;
 *   a label pushed further than `maxShift` from its mark turns, with its
 *   neighbours, into a cluster.
 */

export interface TierItem {
  /** Caller's index. */
  i: number;
  /** Leader position on the time axis (px). */
  at: number;
  /** Widths of the label variants, best first (full, abbreviated); a function is only called when a narrow probe fits, so 10,000 labels are not all measured. */
  widths: number[] | (() => number[]);
  /** Tiers this item may use, when not `maxTiers` (highlighted events get more, so they are never folded into "+N"). */
  tiers?: number;
}

export interface TierPlacement {
  i: number;
  variant: number;
  tier: number;
  /** Box extent on the time axis. */
  a: number;
  b: number;
  anchor: "start" | "end";
}

const GAP = 6;
/** The width of a cell of placeTiers' grid, in px. */
const CELL = 32;
/** The narrowest label worth probing for before measuring one. */
const PROBE = 40;

export function placeTiers(items: TierItem[], lo: number, hi: number, maxTiers: number): { placed: TierPlacement[]; overflow: number[] } {
  const placed: TierPlacement[] = [];
  const overflow: number[] = [];
  const sorted = [...items].sort((p, q) => p.at - q.at);
  const next = new Map<number, number>();
  for (let k = 0; k < sorted.length; k++) next.set(sorted[k]!.i, sorted[k + 1]?.at ?? Infinity);
  const rankOf = new Map(sorted.map((p, k) => [p.i, k]));
  const search: TierSearch = { lo, hi, maxTiers, labels: new PlacedLabels(), pending: new PendingLeaders(sorted.map((p) => p.at)) };
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    const follower = next.get(item.i)!;
    search.pending.remove(rankOf.get(item.i)!);
    if (typeof item.widths === "function" && !findSpot(search, item.at, PROBE, follower, item.tiers)) {
      overflow.push(item.i);
      continue;
    }
    const widths = typeof item.widths === "function" ? item.widths() : item.widths;
    // The widest variant that costs nothing; else the cheapest.
    let pick: { v: number; spot: Spot } | null = null;
    for (let v = 0; v < widths.length; v++) {
      const spot = findSpot(search, item.at, widths[v]!, follower, item.tiers);
      if (spot && (!pick || spot.cost < pick.spot.cost - 0.5)) pick = { v, spot };
      if (pick && pick.spot.cost < 0.5) break;
    }
    if (!pick) {
      overflow.push(item.i);
      continue;
    }
    const { v, spot } = pick;
    placed.push({ i: k, variant: v, tier: spot.tier, a: spot.a, b: spot.b, anchor: spot.anchor });
    search.labels.add(spot.a, spot.b, spot.tier, item.at);
  }
  // `i` was the position in `items` while placing (to find leaders); hand back the caller's index.
  return { placed: placed.map((p) => ({ ...p, i: items[p.i]!.i })), overflow };
}

/** A free place for a label: its tier and extent, and what it costs the leaders it covers. */
type Spot = Omit<TierPlacement, "i" | "variant"> & { cost: number };

/** What placeTiers' search reads: the axis, the tier limit, the labels placed and the leaders still to place. */
interface TierSearch {
  lo: number;
  hi: number;
  maxTiers: number;
  labels: PlacedLabels;
  pending: PendingLeaders;
}

/**
 * The best free (position, tier) for a label of width w, or null. A label low down covering other marks'
 * leaders fences them out of every tier above it, so each candidate costs the leaders it covers times the
 * tiers above it: dense runs stack into a staircase instead of one label blocking its neighbours.
 */
function findSpot({ lo, hi, maxTiers, labels, pending }: TierSearch, at: number, w: number, follower: number, tiers = maxTiers): Spot | null {
  // A close follower would be fenced in by a label running right: end this one at its leader instead.
  const wants = follower - at < w + GAP ? [at - w, at, at - w / 2] : [at, at - w, at - w / 2];
  let best: Spot | null = null;
  for (let order = 0; order < wants.length; order++) {
    const a = Math.max(lo, Math.min(hi - w, wants[order]!));
    const b = a + w;
    if (b > hi + 0.5 || at < a - 0.5 || at > b + 0.5) continue;
    const others = pending.covered(a, b);
    let scanned = false;
    for (let tier = 0; tier < tiers; tier++) {
      const cost = others * Math.max(0, Math.min(tiers, maxTiers) - 1 - tier) + tier * 0.01 + order * 0.001;
      if (best && cost >= best.cost) continue;
      if (!scanned) labels.scan(at, a, b), (scanned = true);
      if (!labels.clashes(tier)) best = { tier, a, b, anchor: a + w / 2 < at && b >= at ? "end" : "start", cost };
    }
  }
  return best;
}

const cell = (x: number) => Math.floor(x / CELL);

/**
 * The placed labels' extents, tiers and leader positions in flat arrays: every item probes them all, so this is
 * the hot loop at 10,000 events. A grid over the time axis lists each placed label in every cell its extent
 * (plus GAP) and its leader touch, so a probe looks only at the labels near it, not at every one placed
 * (10,000 events, ~1,000 placed).
 */
class PlacedLabels {
  private readonly pa: number[] = [];
  private readonly pb: number[] = [];
  private readonly pt: number[] = [];
  private readonly pat: number[] = [];
  private readonly grid = new Map<number, number[]>();
  // What a label [a, b] with its leader at `at` would clash with, for every tier at once (one scan of the cells
  // it touches, not one per tier): `same` has bit t set when a placed label in tier t overlaps it (with GAP);
  // `below` is the lowest tier of a placed label this leader passes through; `above` the highest tier whose
  // leader passes through this label. In tier t it clashes when bit t is set, when a lower tier blocks the
  // leader (below < t) or when a higher tier's leader crosses it (above > t).
  // A leader may run up a label's edge (its text starts 3 px in): events of the same day stack on one leader.
  private same = 0;
  /** Tiers from 31 up (a context row of many periods), which a 32-bit mask cannot hold. */
  private readonly sameHigh: number[] = [];
  private below = Infinity;
  private above = -Infinity;

  add(a: number, b: number, tier: number, at: number): void {
    const { pa, pb, pt, pat, grid } = this;
    pa.push(a), pb.push(b), pt.push(tier), pat.push(at);
    const j = pa.length - 1;
    const c0 = Math.min(cell(a - GAP), cell(at));
    const c1 = Math.max(cell(b + GAP), cell(at));
    for (let c = c0; c <= c1; c++) {
      const list = grid.get(c);
      if (list) list.push(j);
      else grid.set(c, [j]);
    }
  }

  /** Record what [a, b] with its leader at `at` clashes with, for `clashes` to read per tier. */
  scan(at: number, a: number, b: number): void {
    const { pa, pb, pt, pat, grid, sameHigh } = this;
    let same = 0;
    sameHigh.length = 0;
    let below = Infinity;
    let above = -Infinity;
    const c1 = cell(Math.max(b, at) + GAP);
    for (let c = cell(Math.min(a, at) - GAP); c <= c1; c++) {
      const list = grid.get(c);
      if (!list) continue;
      for (let q = 0; q < list.length; q++) {
        const j = list[q]!;
        const t = pt[j]!;
        const ja = pa[j]!;
        const jb = pb[j]!;
        if (a < jb + GAP && ja < b + GAP) {
          if (t < 31) same |= 1 << t;
          else sameHigh.push(t);
        }
        if (t < below && at > ja + 1.5 && at < jb - 1.5) below = t;
        if (t > above && pat[j]! > a + 1.5 && pat[j]! < b - 1.5) above = t;
      }
    }
    this.same = same;
    this.below = below;
    this.above = above;
  }

  /** Whether the label last scanned clashes in `tier`. */
  clashes(tier: number): boolean {
    return (tier < 31 ? (this.same & (1 << tier)) !== 0 : this.sameHigh.includes(tier)) || this.below < tier || this.above > tier;
  }
}

/** Leaders not yet placed, counted by a Fenwick tree over the sorted positions `ats`. */
class PendingLeaders {
  private readonly tree: number[];

  constructor(private readonly ats: number[]) {
    const n = ats.length;
    const tree = (this.tree = new Array<number>(n + 1).fill(0));
    // Every leader counted once: the tree built in one pass (each node passes its sum to its parent).
    for (let j = 1; j <= n; j++) {
      tree[j]! += 1;
      const up = j + (j & -j);
      if (up <= n) tree[up]! += tree[j]!;
    }
  }

  /** The leader of rank k is placed (or overflows). */
  remove(k: number): void {
    const { tree, ats } = this;
    for (let j = k + 1; j <= ats.length; j += j & -j) tree[j]! -= 1;
  }

  /** How many leaders still to place fall in [a, b]. */
  covered(a: number, b: number): number {
    return this.prefix(this.first(b - 1.5)) - this.prefix(this.first(a + 1.5001));
  }

  private prefix(k: number): number {
    const tree = this.tree;
    let sum = 0;
    for (let j = k; j > 0; j -= j & -j) sum += tree[j]!;
    return sum;
  }

  private first(x: number): number {
    const ats = this.ats;
    let l = 0;
    let h = ats.length;
    while (l < h) {
      const m = (l + h) >> 1;
      if (ats[m]! < x) l = m + 1;
      else h = m;
    }
    return l;
  }
}

export interface Cluster {
  members: number[];
  /** Extent of the members on the time axis. */
  from: number;
  to: number;
  /** Label extent on the time axis (horizontal) or its top (vertical). */
  a: number;
  b: number;
}

/** Overflowing marks (sorted by `at`) into clusters no wider than `reach`, whose centred labels of `width(n)` do not collide. */
export function groupClusters(items: Array<{ i: number; at: number }>, reach: number, width: (n: number) => number, lo: number, hi: number): Cluster[] {
  const out: Cluster[] = [];
  const label = (c: Cluster) => {
    const w = width(c.members.length);
    c.a = Math.max(lo, Math.min(hi - w, (c.from + c.to) / 2 - w / 2));
    c.b = c.a + w;
    return c;
  };
  let cur: Cluster | null = null;
  for (const it of items) {
    if (cur && it.at - cur.from <= reach) {
      cur.members.push(it.i);
      cur.to = it.at;
      continue;
    }
    out.push((cur = { members: [it.i], from: it.at, to: it.at, a: 0, b: 0 }));
  }
  const merged: Cluster[] = [];
  for (const c of out) {
    let next = label(c);
    while (merged.length && next.a < merged[merged.length - 1]!.b + GAP) {
      const prev = merged.pop()!;
      next = label({ members: prev.members.concat(next.members), from: prev.from, to: Math.max(prev.to, next.to), a: 0, b: 0 });
    }
    merged.push(next);
  }
  return merged;
}

export interface ColumnItem {
  i: number;
  /** Desired top (px). */
  at: number;
  /** Never clustered (periods, "as of", annotated events). */
  forced: boolean;
}

export type ColumnSlot = { i: number; top: number; short: boolean; forced: boolean; cluster?: undefined } | { cluster: Cluster; top: number };

/** `o.size(i, short)` is the height of item i's full or compact label; it is only asked for labels that are placed. */
export function placeColumn(items: ColumnItem[], o: { gap: number; maxShift: number; reach: number; clusterH: number; size(i: number, short: boolean): number }): ColumnSlot[] {
  const seq: ColumnSlot[] = [];
  const at = new Map(items.map((it) => [it.i, it.at]));
  let cursor = -Infinity;
  items.forEach((it, k) => {
    const top = Math.max(it.at, cursor + o.gap);
    if (it.forced || top - it.at <= o.maxShift) {
      const next = items[k + 1];
      const short = !it.forced && !!next && next.at < top + o.size(it.i, false) + o.gap;
      seq.push({ i: it.i, top, short, forced: it.forced });
      cursor = top + o.size(it.i, short);
      return;
    }
    let last = seq[seq.length - 1];
    // A label just placed gives way to a cluster that holds it and this one, unless an earlier cluster is near enough to take both.
    if (last && !last.cluster && !last.forced && it.at - last.top <= o.reach) {
      seq.pop();
      const before = seq[seq.length - 1];
      if (before?.cluster && it.at - before.cluster.from <= o.reach) {
        before.cluster.members.push(last.i);
        last = before;
      } else {
        const c = { members: [last.i], from: at.get(last.i)!, to: at.get(last.i)!, a: last.top, b: last.top };
        seq.push((last = { cluster: c, top: last.top }));
      }
      cursor = last.top + o.clusterH;
    }
    if (last?.cluster && it.at - last.cluster.from <= o.reach) {
      last.cluster.members.push(it.i);
      last.cluster.to = it.at;
      return;
    }
    // A cluster of one helps nobody: open one only when the next item would join it.
    const next = items[k + 1];
    if (!next || next.forced || next.at - it.at > o.reach) {
      seq.push({ i: it.i, top, short: true, forced: false });
      cursor = top + o.size(it.i, true);
      return;
    }
    const c = { members: [it.i], from: it.at, to: it.at, a: top, b: top };
    seq.push({ cluster: c, top });
    cursor = top + o.clusterH;
  });
  return seq;
}

