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
