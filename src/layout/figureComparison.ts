/**
 * Figure comparison: one row per claim, a panel per subject (and per unit, so
 * figures in different units never share an axis), each panel on its own
 * value axis with the band of values every claim allows.
 *
 * 1. Group claims into panels (subject, then unit) and sort the rows.
 * 2. Per panel: agreement, scale type, domain (room for open arrows), ticks.
 * 3. Per row: the words ("more than 10,000 troops"), labels wrapped or cut to
 *    fit, the mark's geometry.
 * Wide charts put the claimant in a left column; narrow ones stack it above
 * the mark. Pure: numbers and strings only, text measured by estimate.
 */
import { extent, max, min, nice, ticks as linearTicks } from "d3-array";
import type { Agreement } from "../model/agreement.js";
import { resolveDataset } from "../model/resolve.js";
import type { Claim, Dataset, Qualifier } from "../model/types.js";
import { prepareFigureComparison, type FigureComparisonOptions, type FigureEntry, type PreparedFigures, type PreparedPanel } from "../prepare/figureComparison.js";
import { withSlack } from "./text.js";

export type { FigureAxis, FigureComparisonOptions, FigureSort } from "../prepare/figureComparison.js";
export { claimValue, compactFigure, figureWords, formatFigure, intervalWords } from "../prepare/figureComparison.js";

export type TextRole = "heading" | "note" | "conflict" | "claimant" | "meta" | "value" | "annotation" | "updated" | "subject" | "tick" | "caption";

export interface TextItem {
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  anchor: "start" | "middle" | "end";
  size: number;
  bold: boolean;
  role: TextRole;
  /** The whole text when `text` was cut. */
  full?: string;
}

export type MarkKind = "exact" | "about" | "floor" | "ceiling" | "range";

export interface FigureMark {
  kind: MarkKind;
  /** The bound is excluded (more than / fewer than): drawn as a hollow dot. */
  open: boolean;
  /** The figure, the bound, or the low end of a range. */
  x: number;
  /** Arrow tip at the axis end, or the high end of a range. */
  x2?: number;
  /** A range's central figure, when given. */
  xValue?: number;
  y: number;
}

export interface FigureRow {
  id: string;
  /** The row's prepared words (name, card, table row), shared across resizes. */
  entry: FigureEntry;
  claim: Claim;
  top: number;
  height: number;
  mark: FigureMark;
  texts: TextItem[];
  highlight: boolean;
  /** Part of the named conflicting or differing pair. */
  flag?: "conflict" | "differ";
  /** The row's own column (the single-claim list on a wide chart has two); else the chart's width. */
  left?: number;
  width?: number;
}

export interface FigurePanel {
  subject: string;
  prepared: PreparedPanel;
  unit?: string;
  top: number;
  height: number;
  scale: "linear" | "log" | "symlog";
  domain: [number, number];
  plot: { x0: number; x1: number; y0: number; y1: number };
  axisY: number;
  ticks: Array<{ x: number; value: number }>;
  /** x of the zero line when the domain crosses zero. */
  zeroX?: number;
  /** A linear axis that leaves zero out: an axis-break mark at its start (and words in the caption). */
  broken?: boolean;
  /** Where the band's key is drawn, beside the note that says what the band is. */
  bandKey?: { x: number; y: number };
  band?: { x0: number; x1: number; lo?: { x: number; open: boolean }; hi?: { x: number; open: boolean } };
  agreement: Agreement;
  notes: string[];
  texts: TextItem[];
  rows: FigureRow[];
  /** One sentence for the summary. */
  summary: string;
}

/** Subjects with a single claim: one line each after the comparisons, no axis. */
export interface SingleList {
  top: number;
  height: number;
  /** The list's heading. */
  texts: TextItem[];
  rows: FigureRow[];
}

export interface FigureLayout {
  width: number;
  height: number;
  wide: boolean;
  panels: FigurePanel[];
  singles?: SingleList;
  /** Claim ids in keyboard order. */
  order: string[];
  qualifiers: Qualifier[];
  locale: string;
  prepared: PreparedFigures;
}

/**
 * Wide fonts still fit: text is measured with this slack. DejaVu Sans, the
 * usual Linux fallback, runs up to ~6% wider than the estimate for Latin text
 * (12% for some Cyrillic); its bold is accounted for in textWidth's bold factor.
 */
const { width: textWidth, wrap, truncate } = withSlack(1.06, 1.06);

/** The box a text item covers (with the same slack the layout used), for overlap checks. */
export function textBox(t: TextItem): { x: number; y: number; width: number; height: number } {
  const width = textWidth(t.text, t.size, t.bold);
  const x = t.anchor === "start" ? t.x : t.anchor === "end" ? t.x - width : t.x - width / 2;
  return { x, y: t.y - t.size * 0.8, width, height: t.size };
}

const SIZE = 12;
/** No text under 12 px (Chartability). */
const SMALL = 12;
const LINE = 15;
/** The most ticks an axis carries. */
const MAX_TICKS = 8;
/** A row's least height: a 44 px touch target. */
const TOUCH = 44;
const PAD = 4;
const PANEL_GAP = 28;
const ARROW_ROOM = 26;
export const WIDE = 560;

function markKind(q: Qualifier): MarkKind {
  return q === "at-least" || q === "more-than" ? "floor" : q === "up-to" || q === "fewer-than" ? "ceiling" : q === "range" ? "range" : q === "about" ? "about" : "exact";
}

/** Lay out for `width` from the dataset (prepares first; the chart handle keeps the prepared words across resizes). */
export function layoutFigureComparison(data: Dataset, o: FigureComparisonOptions, width: number): FigureLayout {
  return placeFigureComparison(prepareFigureComparison(resolveDataset(data), o), width);
}

/** Geometry only: each prepared panel placed at `width`. */
export function placeFigureComparison(prep: PreparedFigures, width: number): FigureLayout {
  const wide = width >= WIDE;
  const panels: FigurePanel[] = [];
  let y = 0;
  for (const p of prep.panels) {
    if (p.single) continue;
    const panel = placePanel(p, y, width, wide);
    panels.push(panel);
    y += panel.height + PANEL_GAP;
  }
  const ones = prep.panels.filter((p) => p.single);
  let singles: SingleList | undefined;
  if (ones.length) {
    singles = placeSingles(ones, prep.singlesHeading, y, width, wide);
    y += singles.height + PANEL_GAP;
  }
  const l: FigureLayout = { width, height: Math.max(0, Math.ceil(y - PANEL_GAP)), wide, panels, order: prep.order, qualifiers: prep.qualifiers, locale: prep.words.locale, prepared: prep };
  if (singles) l.singles = singles;
  return l;
}

/** The left column's right edge on a wide chart (claimants there, marks to the right). */
const columnX = (width: number) => Math.round(Math.min(260, Math.max(150, width * 0.3))) + 16;

/** The single-claim list: a heading, then per subject its name, the figure in words with the qualifier's shape, the claimant, outlet and date. */
function placeSingles(ones: PreparedPanel[], heading: string | undefined, top: number, width: number, wide: boolean): SingleList {
  const texts: TextItem[] = [];
  let y = top;
  if (heading) {
    const h = wrap(heading, width - 2 * PAD, 14, 2, true);
    for (const line of h.lines) texts.push({ x: PAD, y: (y += 17), text: line, anchor: "start", size: 14, bold: true, role: "heading", ...(h.truncated ? { full: heading } : {}) });
    y += 8;
  }
  // Two columns, read down the first then the second, when the chart is wide enough for both.
  const cols = width >= LIST_COLUMNS && ones.length >= 6 ? 2 : 1;
  const colW = cols === 2 ? Math.floor((width - COLUMN_GAP) / 2) : width;
  const perCol = Math.ceil(ones.length / cols);
  const rowsTop = y;
  let bottom = y;
  const rows = ones.map((p, i) => {
    const col = Math.floor(i / perCol);
    if (i > 0 && i % perCol === 0) y = rowsTop;
    const left = col * (colW + COLUMN_GAP);
    const row = placeSingleRow(p, y, left, colW, cols === 2 ? colW >= WIDE : wide);
    if (cols === 2) (row.left = left), (row.width = colW);
    y += row.height + 2;
    bottom = Math.max(bottom, y);
    return row;
  });
  return { top, height: bottom - top, texts, rows };
}

/** A chart this wide lists single claims in two columns. */
const LIST_COLUMNS = 880;
const COLUMN_GAP = 24;

function placeSingleRow(p: PreparedPanel, top: number, left: number, width: number, wide: boolean): FigureRow {
  const e = p.entries[0]!;
  const rt: TextItem[] = [];
  const PAD_L = left + PAD;
  // The subject: the left column on a wide chart, its own lines on a narrow one.
  const subjectW = wide ? columnX(width) - 16 - PAD : width - 2 * PAD;
  const subject = wrap(p.heading, subjectW, SIZE, 3, true);
  let ly = top;
  for (const line of subject.lines) rt.push({ x: PAD_L, y: (ly += LINE), text: line, anchor: "start", size: SIZE, bold: true, role: "subject", ...(subject.truncated ? { full: p.heading } : {}) });
  // The figure after the qualifier's shape, then who said it, and where and when.
  const gx = left + (wide ? columnX(width) : PAD) + 8;
  const tx = gx + 14;
  const avail = left + width - PAD - tx;
  let ry = wide ? top : ly;
  const fig = wrap(e.shown, avail, SIZE, 2, e.highlight);
  for (const line of fig.lines) rt.push({ x: tx, y: (ry += LINE), text: line, anchor: "start", size: SIZE, bold: e.highlight, role: "value", ...(fig.truncated ? { full: e.shown } : {}) });
  const kind = markKind(e.claim.qualifier);
  const mark: FigureMark = { kind, open: e.claim.qualifier === "more-than" || e.claim.qualifier === "fewer-than", x: gx, y: top + (wide ? 0 : ly - top) + LINE - 4 };
  const who = wrap(e.claimant, avail, SIZE, 2, true);
  for (const line of who.lines) rt.push({ x: tx, y: (ry += LINE), text: line, anchor: "start", size: SIZE, bold: true, role: "claimant", ...(who.truncated ? { full: e.claimant } : {}) });
  const meta = metaText(e, avail);
  if (meta) rt.push({ ...meta, x: tx, y: (ry += LINE) });
  for (const extra of [e.superseded, e.annotation]) {
    if (!extra) continue;
    const aw = wrap(extra, avail, SMALL, 3);
    for (const line of aw.lines) rt.push({ x: tx, y: (ry += LINE), text: line, anchor: "start", size: SMALL, bold: false, role: extra === e.superseded ? "updated" : "annotation", ...(aw.truncated ? { full: extra } : {}) });
  }
  const height = Math.max(TOUCH, Math.max(ly, ry) + 8 - top);
  const row: FigureRow = { id: e.id, entry: e, claim: e.claim, top, height, mark, texts: rt, highlight: e.highlight };
  if (e.flag) row.flag = e.flag;
  return row;
}

/** "Outlet · date", the outlet cut rather than the date, to fit `room`. */
function metaText(e: FigureEntry, room: number): TextItem | undefined {
  const meta = [e.outlet, e.said].filter(Boolean).join(" · ");
  if (!meta) return undefined;
  const tail = e.outlet && e.said ? ` · ${e.said}` : "";
  const m = truncate(tail ? e.outlet! : meta, room - textWidth(tail, SMALL), SMALL);
  return { x: PAD, y: 0, text: m.text + tail, anchor: "start", size: SMALL, bold: false, role: "meta", ...(m.truncated ? { full: meta } : {}) };
}

function placePanel(p: PreparedPanel, top: number, width: number, wide: boolean): FigurePanel {
  // 1. Scale and domain: room past the last floor (before the first ceiling) for the open arrow.
  const [lo0, hi0] = extent(p.numbers) as [number, number];
  const x0 = wide ? columnX(width) : PAD + 6;
  const x1 = width - PAD - 10;
  const scale = domainScale(p.scale, lo0, hi0, p.floors, p.ceilings, p.zero, [x0, x1]);
  const domain = scale.domain() as [number, number];
  const X = (v: number) => scale(Math.max(domain[0], Math.min(domain[1], v)));

  // 2. Heading and notes, wrapped to the full width.
  const texts: TextItem[] = [];
  let cy = top;
  const heading = wrap(p.heading, width - 2 * PAD, 14, 3, true);
  for (const line of heading.lines) texts.push({ x: PAD, y: (cy += 17), text: line, anchor: "start", size: 14, bold: true, role: "heading", ...(heading.truncated ? { full: p.heading } : {}) });
  let bandKey: FigurePanel["bandKey"];
  for (const [i, note] of p.notes.entries()) {
    const role: TextRole = i === 0 && p.conflict ? "conflict" : "note";
    // The note that says what the shading is starts with the band's own key.
    const indent = i === p.bandNote ? 20 : 0;
    if (indent) bandKey = { x: PAD + 7, y: cy + LINE - 4 };
    const w = wrap(note, width - 2 * PAD - indent, SIZE, 4, role === "conflict");
    for (const line of w.lines) texts.push({ x: PAD + indent, y: (cy += LINE), text: line, anchor: "start", size: SIZE, bold: role === "conflict", role, ...(w.truncated ? { full: note } : {}) });
  }
  cy += 8;

  // 3. Rows.
  const plotTop = cy;
  const rows = p.entries.map((e) => {
    const row = placeRow(e, cy, width, wide, x0, x1, X);
    cy = row.top + row.height + 2;
    return row;
  });
  const plotBottom = cy;

  // 4. Axis: ticks thinned until their labels keep apart, the end labels kept inside the chart.
  const axisY = plotBottom + 4;
  const bounds: [number, number] = [PAD, width - PAD];
  const ticks = axisTicks(scale, p.scale, bounds, p.tick, p.integer);
  for (const t of ticks) {
    const text = p.tick(t);
    const { x, w } = tickLabelX(scale(t), text, bounds);
    texts.push({ x: x + w / 2, y: axisY + 16, text, anchor: "middle", size: SMALL, bold: false, role: "tick" });
  }
  let bottom = axisY + 21;
  // Zero left out of a linear axis: said in the caption, marked with a break at the axis start.
  const broken = p.scale === "linear" && (domain[0] > 0 || domain[1] < 0);
  const caption = [p.caption, broken ? p.notFromZero : ""].filter(Boolean).join(" · ");
  if (caption) {
    const cw = wrap(caption, width - x0 - PAD, SMALL, 3);
    for (const line of cw.lines) texts.push({ x: x0, y: (bottom += LINE), text: line, anchor: "start", size: SMALL, bold: false, role: "caption" });
  }

  const panel: FigurePanel = {
    subject: p.subject,
    prepared: p,
    top,
    height: bottom + 4 - top,
    scale: p.scale,
    domain,
    plot: { x0, x1, y0: plotTop, y1: plotBottom },
    axisY,
    ticks: ticks.map((v) => ({ x: scale(v), value: v })),
    agreement: p.agreement,
    notes: p.notes,
    texts,
    rows,
    summary: p.summary,
  };
  if (p.unit) panel.unit = p.unit;
  if (domain[0] < 0 && domain[1] > 0) panel.zeroX = scale(0);
  if (broken) panel.broken = true;
  if (bandKey && p.band) panel.bandKey = bandKey;
  if (p.band) {
    const band = p.band;
    const b: NonNullable<FigurePanel["band"]> = { x0: X(band.lo), x1: X(band.hi) };
    if (isFinite(band.lo)) b.lo = { x: X(band.lo), open: band.loOpen };
    if (isFinite(band.hi)) b.hi = { x: X(band.hi), open: band.hiOpen };
    panel.band = b;
  }
  return panel;
}

/** A comparison row: claimant, outlet and date (left column, or stacked above on a narrow chart), the figure in words over its mark, then any update or editor's note. */
function placeRow(e: FigureEntry, top: number, width: number, wide: boolean, x0: number, x1: number, X: (v: number) => number): FigureRow {
  const c = e.claim;
  const rowTop = top;
  const rt: TextItem[] = [];
  const labelW = wide ? x0 - 16 - PAD : width - 2 * PAD;
  const name = wrap(e.claimant, labelW, SIZE, 2, true);
  let ly = rowTop;
  for (const line of name.lines) rt.push({ x: PAD, y: (ly += LINE), text: line, anchor: "start", size: SIZE, bold: true, role: "claimant", ...(name.truncated ? { full: e.claimant } : {}) });
  const m = metaText(e, labelW);
  if (m) rt.push({ ...m, y: (ly += LINE) });
  // The figure's words above the mark, starting at the figure (ending at it for a ceiling), kept inside the plot.
  let vy = wide ? rowTop : ly;
  const kind = markKind(c.qualifier);
  const mark: FigureMark = { kind, open: c.qualifier === "more-than" || c.qualifier === "fewer-than", x: X(kind === "range" ? c.low! : c.value!), y: 0 };
  if (kind === "floor") mark.x2 = x1;
  if (kind === "ceiling") mark.x2 = x0;
  if (kind === "range") {
    mark.x2 = X(c.high!);
    if (c.value !== undefined) mark.xValue = X(c.value);
  }
  const minX = wide ? x0 - 8 : PAD;
  const maxX = width - PAD;
  const vt = truncate(e.shown, maxX - minX, SIZE, e.highlight);
  const vw = textWidth(vt.text, SIZE, e.highlight);
  const want = kind === "ceiling" ? mark.x + 6 - vw : mark.x - 6;
  rt.push({ x: Math.max(minX, Math.min(want, maxX - vw)), y: (vy += LINE), text: vt.text, anchor: "start", size: SIZE, bold: e.highlight, role: "value", ...(vt.truncated ? { full: e.shown } : {}) });
  mark.y = vy += 13;
  vy += 8;
  for (const extra of [e.superseded, e.annotation]) {
    if (!extra) continue;
    const aw = wrap(extra, maxX - minX, SMALL, 3);
    vy -= 2;
    for (const line of aw.lines) rt.push({ x: minX, y: (vy += LINE), text: line, anchor: "start", size: SMALL, bold: false, role: extra === e.superseded ? "updated" : "annotation", ...(aw.truncated ? { full: extra } : {}) });
    vy += 4;
  }
  const bottom = Math.max(ly + 8, vy, rowTop + TOUCH);
  const row: FigureRow = { id: e.id, entry: e, claim: c, top: rowTop, height: bottom - rowTop, mark, texts: rt, highlight: e.highlight };
  if (e.flag) row.flag = e.flag;
  return row;
}


export type Scale = ((v: number) => number) & { domain(): [number, number]; range(): [number, number]; invert(x: number): number; ticks(n: number): number[] };

/**
 * Linear, log and symlog (d3's constant 1) scales as a transform plus a linear
 * map. d3-scale's are the same arithmetic, but they bring d3-interpolate,
 * d3-color and d3-format along (~9 KB gzipped) for nothing this chart uses;
 * ticks and nice() still come from d3-array.
 */
const TRANSFORMS: Record<FigurePanel["scale"], [(v: number) => number, (t: number) => number]> = {
  linear: [(v) => v, (t) => t],
  log: [Math.log10, (t) => 10 ** t],
  symlog: [(v) => Math.sign(v) * Math.log1p(Math.abs(v)), (t) => Math.sign(t) * Math.expm1(Math.abs(t))],
};
export function valueScale(type: FigurePanel["scale"], domain: [number, number], range: [number, number]): Scale {
  const [f, g] = TRANSFORMS[type];
  const [t0, t1] = [f(domain[0]), f(domain[1])];
  const [r0, r1] = range;
  const s = ((v: number) => r0 + ((f(v) - t0) / (t1 - t0)) * (r1 - r0)) as Scale;
  s.invert = (x) => g(t0 + ((x - r0) / (r1 - r0)) * (t1 - t0));
  s.domain = () => [...domain];
  s.range = () => [...range];
  s.ticks = (n) => linearTicks(domain[0], domain[1], n);
  return s;
}

/** A tick label's left edge and width: centred on its tick, kept inside `bounds`. */
export function tickLabelX(x: number, text: string, bounds: [number, number]): { x: number; w: number } {
  const w = textWidth(text, SMALL);
  return { x: Math.max(bounds[0], Math.min(bounds[1] - w, x - w / 2)), w };
}

/** The scale for a panel: the data, zero for a linear axis, and room past the last floor (before the first ceiling) for the open arrow. */
export function domainScale(type: FigurePanel["scale"], lo: number, hi: number, floors: number[], ceilings: number[], zero: boolean, range: [number, number]): Scale {
  // Every step keeps the domain finite: figures near ±1.8e308 must not overflow into Infinity.
  const fin = (v: number, fallback: number) => (Number.isFinite(v) ? v : fallback);
  // Beyond ±4e307 the span itself overflows; such figures are drawn at the axis end (their labels still say them).
  const LIM = 4e307;
  lo = Math.max(-LIM, Math.min(LIM, lo));
  hi = Math.max(-LIM, Math.min(LIM, hi));
  if (type === "linear" && zero) (lo = Math.min(lo, 0)), (hi = Math.max(hi, 0));
  if (type !== "log" && hi - lo < 1e-200) (lo = hi = (lo + hi) / 2); // denormal spans break tick arithmetic
  if (lo === hi) {
    if (type === "log") (lo /= 2), (hi *= 2);
    else {
      const d = Math.abs(lo) * 0.1 > 1e-200 ? Math.abs(lo) * 0.1 : 1;
      (lo -= d), (hi += d);
    }
  }
  // A little air so a dot at the extreme is not pinned to the axis end (a zero baseline stays put); an axis
  // around the claims (zero left out) gets more, so close figures (12 and 13) are not pinned to both ends.
  if (type === "linear") {
    const around = lo > 0 || hi < 0;
    const air = around ? Math.max((hi - lo) * 0.1, Math.max(Math.abs(lo), Math.abs(hi)) * 0.05) : hi * 0.03 - lo * 0.03;
    // Around the claims, the air never carries the axis across zero.
    if (hi !== 0) hi = fin(around && hi < 0 ? Math.min(hi + air, hi / 2) : hi + air, hi);
    if (lo !== 0) lo = fin(around && lo > 0 ? Math.max(lo - air, lo / 2) : lo - air, lo);
  }
  const make = (a: number, b: number): Scale => {
    // nice(): round numbers for linear, whole powers of ten for log; symlog keeps the data's ends.
    const [n0, n1] = type === "linear" ? nice(a, b, 10) : type === "log" ? [10 ** Math.floor(Math.log10(a)), 10 ** Math.ceil(Math.log10(b))] : [a, b];
    return valueScale(type, Number.isFinite(n0) && Number.isFinite(n1) && n0 < n1 && (type !== "log" || n0 > 0) ? [n0, n1] : [a, b], range);
  };
  let s = make(lo, hi);
  // Extend in pixels, so the arrow is visible whatever the scale type.
  for (let k = 0; k < 3; k++) {
    const [d0, d1] = s.domain() as [number, number];
    const px = (range[1] - range[0]) / 100;
    const inv = (x: number) => s.invert(x);
    let a = d0;
    let b = d1;
    if (floors.length && range[1] - s(max(floors)!) < ARROW_ROOM) b = fin(inv(s(max(floors)!) + ARROW_ROOM + px * 4), d1);
    if (ceilings.length && s(min(ceilings)!) - range[0] < ARROW_ROOM) a = fin(inv(s(min(ceilings)!) - ARROW_ROOM - px * 4), d0);
    if (type === "log" && !(a > 0)) a = d0;
    if (a === d0 && b === d1) break;
    s = make(a, b);
  }
  return s;
}

/** Tick values whose labels do not collide: fewer ticks for linear, powers of ten for log and symlog. */
export function axisTicks(scale: Scale, type: FigurePanel["scale"], bounds: [number, number], label: (v: number) => string, integer = false): number[] {
  const plotWidth = Math.abs(scale.range()[1]! - scale.range()[0]!);
  const fits = (ticks: number[]) =>
    ticks.every((t, i) => {
      if (!i) return true;
      const [a, b] = [tickLabelX(scale(ticks[i - 1]!), label(ticks[i - 1]!), bounds), tickLabelX(scale(t), label(t), bounds)];
      return b.x - (a.x + a.w) >= 10;
    });
  const [d0, d1] = scale.domain() as [number, number];
  let ticks: number[];
  if (type === "linear") {
    // At most 40 tries: a very wide chart must not loop thousands of times when no integer ticks fall in the domain.
    for (let n = Math.min(MAX_TICKS, Math.max(2, Math.round(plotWidth / 70))); n >= 1; n--) {
      // Counts of whole things get whole-number ticks.
      ticks = scale.ticks(n).filter((t) => Number.isFinite(t) && (!integer || Number.isInteger(t)));
      if (ticks.length && ticks.length <= MAX_TICKS && fits(ticks)) return ticks;
    }
    return fits([d0, d1]) ? [d0, d1] : [d0];
  }
  ticks = [];
  const top = Math.min(308, Math.ceil(Math.log10(Math.max(Math.abs(d0), Math.abs(d1), 1))));
  if (type === "symlog" && d0 <= 0 && d1 >= 0) ticks.push(0);
  for (let k = type === "log" ? Math.max(-323, Math.floor(Math.log10(d0))) : 0; k <= top; k++) {
    const p = 10 ** k;
    if (p >= d0 && p <= d1) ticks.push(p);
    if (type === "symlog" && -p >= d0 && -p <= d1) ticks.push(-p);
  }
  ticks.sort((a, b) => a - b);
  // Every other power of ten until the labels fit.
  while ((!fits(ticks) || ticks.length > MAX_TICKS) && ticks.length > 2) {
    const zero = Math.max(0, ticks.indexOf(0));
    ticks = ticks.filter((_, i) => (i - zero) % 2 === 0);
  }
  return fits(ticks) ? ticks : ticks.slice(0, 1);
}
