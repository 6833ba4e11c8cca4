/**
 * Event-kind symbols as SVG path strings centred on (x, y), so one `<path>`
 * draws one mark and the 10,000-event case stays one element per record.
 * Shapes differ by kind (colour is never the only signal); status adds a
 * shape of its own (hollow, a strike, an arrow) drawn by `statusPath`.
 */
import { EVENT_KINDS } from "../model/validate.js";
import { roundAttr } from "./dom.js";

/** A built-in kind's symbol, the shared "other" hexagon, or the n-th shape of the pool for kinds a dataset names itself (`custom-0`…). */
export type SymbolKind = (typeof EVENT_KINDS)[number] | "other" | `custom-${number}`;

/**
 * The symbol for an event kind: a built-in kind's own; a kind the dataset names itself (`customKinds`, in
 * order of first appearance, as the prepare stage lists them) the next shape of the pool; any further kind
 * the generic hexagon, "Other".
 */
export function symbolKind(kind: string, customKinds: readonly string[] = []): SymbolKind {
  if ((EVENT_KINDS as readonly string[]).includes(kind)) return kind as SymbolKind;
  const i = customKinds.indexOf(kind);
  return i >= 0 && i < CUSTOM_SHAPES.length ? `custom-${i}` : "other";
}

/** Unit outlines (radius 1) as [x, y] vertices; the circle is special-cased. */
const star = Array.from({ length: 10 }, (_, i) => {
  const a = (i * Math.PI) / 5 - Math.PI / 2;
  const r = i % 2 ? 0.5 : 1.2;
  return [r * Math.cos(a), r * Math.sin(a) + 0.1] as [number, number];
});
const hexagon = Array.from({ length: 6 }, (_, i) => [Math.cos((i * Math.PI) / 3), Math.sin((i * Math.PI) / 3)] as [number, number]);
/** A regular polygon of `k` corners, one at the top (`turn`: a fraction of a side, to stand it on a side instead). */
const polygon = (k: number, r = 1.1, turn = 0) => Array.from({ length: k }, (_, i) => [r * Math.sin(((i + turn) * 2 * Math.PI) / k), -r * Math.cos(((i + turn) * 2 * Math.PI) / k)] as [number, number]);

/**
 * Shapes for kinds a dataset names itself ("talks", "attack"…), in order of first appearance; none is a
 * built-in kind's shape or the hexagon of "Other", and each has its own outline at 10 px. Kinds beyond
 * these share "Other" (the prepare stage lists at most CUSTOM_KIND_LIMIT, the pool's length).
 */
export const CUSTOM_SHAPES: ReadonlyArray<{ name: string; points: Array<[number, number]> }> = [
  { name: "pentagon", points: polygon(5, 1.15) },
  { name: "cross", points: [[-0.35, -1.1], [0.35, -1.1], [0.35, -0.35], [1.1, -0.35], [1.1, 0.35], [0.35, 0.35], [0.35, 1.1], [-0.35, 1.1], [-0.35, 0.35], [-1.1, 0.35], [-1.1, -0.35], [-0.35, -0.35]] },
  { name: "hourglass", points: [[-1, -1.05], [1, -1.05], [0.15, 0], [1, 1.05], [-1, 1.05], [-0.15, 0]] },
  { name: "chevron", points: [[0, -1.15], [1.15, 0.35], [1.15, 1], [0, -0.2], [-1.15, 1], [-1.15, 0.35]] },
  { name: "triangle-down", points: [[-1.1, -0.85], [1.1, -0.85], [0, 1.2]] },
  // A half disc, flat side down: round like a meeting's circle only on top.
  { name: "dome", points: Array.from({ length: 9 }, (_, i) => [-1.25 * Math.cos((i * Math.PI) / 8), 0.55 - 1.25 * Math.sin((i * Math.PI) / 8)] as [number, number]) },
];
const SHAPES: Record<Exclude<SymbolKind, "meeting" | `custom-${number}`>, Array<[number, number]>> = {
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
  const pts = kind.startsWith("custom-") ? (CUSTOM_SHAPES[Number(kind.slice(7))]?.points ?? hexagon) : SHAPES[kind as keyof typeof SHAPES];
  return "M" + pts.map(([px, py]) => `${n(x + px * r)},${n(y + py * r)}`).join("L") + "Z";
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
