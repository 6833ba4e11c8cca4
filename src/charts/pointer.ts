/**
 * Which mark the pointer means. Hit areas overlap where marks stand close (the 12 August call and the
 * 15 August summit are three pixels apart on the seed timeline), and the browser hands the event to
 * whichever was drawn last. Here every mark's hit areas (its `claimline-v1-focus` rects, else its box)
 * are measured once per render into a quadtree of their centres; the pointer then means:
 *
 * 1. among the hit areas it is inside, or within a few pixels of, the nearest one; areas it is inside
 *    come first, then the nearest centre — so each of two overlapping symbols opens its own card,
 *    and a point inside a long label's area opens that label's mark, not a symbol beside it;
 * 2. nothing, when no hit area is that near.
 *
 * Parts drawn only while hovered or focused (a cluster's list, `display="none"` until then) are never
 * measured: what is under the pointer there is what it means. Other hit areas that are no mark's
 * (a cluster's "+N events") mean no mark. Geometry is kept in the svg's own units, so a chart scaled by
 * CSS or scrolled needs no new measure. No DOM is touched at import time.
 */
import { quadtree, type Quadtree } from "d3-quadtree";
import { PREFIX } from "../render/dom.js";

/** One hit area: its record id, its centre and its half extents, in the svg's user units. */
export interface HitArea {
  id: string;
  x: number;
  y: number;
  hw: number;
  hh: number;
}

/** Hit areas by their centres, and the largest half extents (how far from a centre an area can reach). */
export interface HitIndex {
  tree: Quadtree<HitArea>;
  hw: number;
  hh: number;
}

/** How near (in CSS pixels) the pointer must come to a hit area it is not inside; a finger gets more room. */
export const SLOP = { mouse: 8, touch: 16 };

export function hitIndex(areas: readonly HitArea[]): HitIndex {
  let hw = 0;
  let hh = 0;
  for (const a of areas) {
    if (a.hw > hw) hw = a.hw;
    if (a.hh > hh) hh = a.hh;
  }
  const tree = quadtree<HitArea>()
    .x((a) => a.x)
    .y((a) => a.y)
    .addAll(areas as HitArea[]);
  return { tree, hw, hh };
}

/**
 * The hit area the point (x, y) means: inside or within `slop` of it, inside first, then the nearest
 * centre; undefined when none is that near. Only the quadtree's cells that can hold such an area are visited.
 */
export function nearestArea(index: HitIndex, x: number, y: number, slop: number): HitArea | undefined {
  const rx = index.hw + slop;
  const ry = index.hh + slop;
  let best: HitArea | undefined;
  let bestOut = Infinity;
  let bestCentre = Infinity;
  index.tree.visit((node, x0, y0, x1, y1) => {
    if (x0 > x + rx || x1 < x - rx || y0 > y + ry || y1 < y - ry) return true;
    if (!node.length) {
      for (let leaf: typeof node | undefined = node; leaf; leaf = (leaf as { next?: typeof node }).next) {
        const a = (leaf as { data: HitArea }).data;
        const dx = Math.abs(x - a.x);
        const dy = Math.abs(y - a.y);
        const out = Math.hypot(Math.max(0, dx - a.hw), Math.max(0, dy - a.hh));
        if (out > slop) continue;
        const centre = dx * dx + dy * dy;
        if (out < bestOut || (out === bestOut && centre < bestCentre)) {
          best = a;
          bestOut = out;
          bestCentre = centre;
        }
      }
    }
    return false;
  });
  return best;
}

const FOCUS = `.${PREFIX}-focus`;

/** A point in client pixels, in the svg's user units. */
function toUser(m: DOMMatrix, x: number, y: number): { x: number; y: number } {
  return { x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f };
}

/**
 * A `<rect>`'s box read from its attributes, in the svg's user units, when nothing between it and the svg moves it
 * (no `transform`): no layout query, so 10,000 marks are measured in milliseconds. Null otherwise.
 */
function rectBox(el: Element, svg: Element): { x: number; y: number; w: number; h: number } | null {
  if (el.localName !== "rect") return null;
  for (let a: Element | null = el; a && a !== svg; a = a.parentElement) if (a.hasAttribute("transform")) return null;
  const n = (name: string) => Number(el.getAttribute(name) ?? 0);
  const box = { x: n("x"), y: n("y"), w: n("width"), h: n("height") };
  return Number.isFinite(box.x + box.y + box.w + box.h) ? box : null;
}

/** Measure every mark's hit areas (skipping parts shown only on hover or focus); null when the svg is not laid out. */
export function measureAreas(svg: SVGSVGElement, marks: ReadonlyMap<string, Element>): HitArea[] | null {
  const ctm = typeof svg.getScreenCTM === "function" ? svg.getScreenCTM() : null;
  if (!ctm) return null;
  const inv = ctm.inverse();
  const areas: HitArea[] = [];
  for (const [id, mark] of marks) {
    const own = mark.querySelectorAll(FOCUS);
    const boxes = own.length ? Array.from(own) : [mark];
    for (const el of boxes) {
      const shown = el.closest("[display]");
      if (shown && svg.contains(shown)) continue;
      const box = rectBox(el, svg);
      if (box) {
        if (box.w > 0 && box.h > 0) areas.push({ id, x: box.x + box.w / 2, y: box.y + box.h / 2, hw: box.w / 2, hh: box.h / 2 });
        continue;
      }
      const r = el.getBoundingClientRect();
      if (!(r.width > 0 && r.height > 0)) continue;
      const a = toUser(inv, r.left, r.top);
      const b = toUser(inv, r.right, r.bottom);
      areas.push({ id, x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, hw: Math.abs(b.x - a.x) / 2, hh: Math.abs(b.y - a.y) / 2 });
    }
  }
  return areas;
}

export interface MarkPointer {
  /** A new render: measure again at the next pointer event. */
  reset(): void;
  /** The record id a pointer event over `svg` means, or null (not over the picture, or near no mark). */
  pick(svg: SVGSVGElement, marks: ReadonlyMap<string, Element>, e: MouseEvent): string | null;
}

/** The pointer's picker for one chart handle; it measures lazily, once per render. */
export function markPointer(): MarkPointer {
  let index: HitIndex | null = null;
  let measuredFor: SVGSVGElement | null = null;
  return {
    reset() {
      index = null;
      measuredFor = null;
    },
    pick(svg, marks, e) {
      const t = e.target as Element | null;
      if (!t || typeof t.closest !== "function" || !svg.contains(t)) return null;
      // A part shown only while hovered (a cluster's list): the pointer means what it is on.
      const shown = t.closest("[display]");
      if (shown && svg.contains(shown)) {
        const el = t.closest("[data-id],[data-for]");
        return el ? (el.getAttribute("data-id") ?? el.getAttribute("data-for")) : null;
      }
      // Another control's hit area (a cluster's "+N events"): no mark's.
      if (t.matches(FOCUS) && !t.closest("[data-id],[data-for]")) return null;
      if (!index || measuredFor !== svg) {
        const areas = measureAreas(svg, marks);
        if (!areas) return null;
        index = hitIndex(areas);
        measuredFor = svg;
      }
      const ctm = svg.getScreenCTM();
      if (!ctm) return null;
      const p = toUser(ctm.inverse(), e.clientX, e.clientY);
      const scale = Math.hypot(ctm.a, ctm.b) || 1;
      const slop = ((e as PointerEvent).pointerType === "touch" ? SLOP.touch : SLOP.mouse) / scale;
      return nearestArea(index, p.x, p.y, slop)?.id ?? null;
    },
  };
}
