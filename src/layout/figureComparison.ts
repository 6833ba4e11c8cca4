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
import { nice, ticks as linearTicks } from "d3-array";
import { isCurrency, isPercent, resolveLocale, type LocaleFormat } from "../format/locale.js";
import { formatDateSpan, parseDate, type DateSpan } from "../model/dates.js";
import type { ResolvedCommon } from "../model/options.js";
import type { Claim, Dataset, Qualifier } from "../model/types.js";
import { computeAgreement, type Agreement, type Interval } from "./agreement.js";
import { textWidth as estimate, truncateText, wrapText } from "./text.js";

export type FigureSort = "value" | "date" | "claimant";
export type FigureAxis = "auto" | "linear" | "log" | "symlog";

export interface FigureComparisonOptions extends ResolvedCommon {
  /** Show only this subject. */
  subject?: string;
  sort: FigureSort;
  /** Claim id to emphasise. */
  highlight?: string;
  /** Editor's notes drawn under a row, by claim id. */
  annotations: Record<string, string>;
  axis: FigureAxis;
  /** Start a linear axis at zero. */
  zero: boolean;
}

export type TextRole = "heading" | "note" | "conflict" | "claimant" | "meta" | "value" | "annotation" | "tick" | "caption";

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
  claim: Claim;
  top: number;
  height: number;
  mark: FigureMark;
  texts: TextItem[];
  /** The words for the figure: "more than 10,000 troops". */
  figure: string;
  claimant: string;
  outlets: string[];
  /** Where it was reported, for the detail card's links. */
  citations: Array<{ name: string; url?: string; date?: string; quote?: string }>;
  /** When the claim was made (text). */
  said?: string;
  refersTo?: string;
  annotation?: string;
  highlight: boolean;
  /** Part of the named conflicting or differing pair. */
  flag?: "conflict" | "differ";
  /** Everything the row says, in words (the mark's accessible name). */
  label: string;
}

export interface FigurePanel {
  subject: string;
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
  band?: { x0: number; x1: number; lo?: { x: number; open: boolean }; hi?: { x: number; open: boolean } };
  agreement: Agreement;
  notes: string[];
  texts: TextItem[];
  rows: FigureRow[];
  /** One sentence for the summary. */
  summary: string;
}

export interface FigureLayout {
  width: number;
  height: number;
  wide: boolean;
  panels: FigurePanel[];
  /** Claim ids in keyboard order. */
  order: string[];
  qualifiers: Qualifier[];
  locale: string;
}

/**
 * Wide fonts still fit: text is measured with this slack. DejaVu Sans, the
 * usual Linux fallback, runs up to ~6% wider than the estimate for Latin text
 * (12% for some Cyrillic); its bold is accounted for in textWidth's bold factor.
 */
const slack = (_bold: boolean) => 1.06;
const textWidth = (text: string, size: number, bold = false) => estimate(text, size, bold) * slack(bold);
const wrap = (text: string, w: number, size: number, lines: number, bold = false) => wrapText(text, w / slack(bold), size, lines, bold);
const truncate = (text: string, w: number, size: number, bold = false) => truncateText(text, w / slack(bold), size, bold);

/** The box a text item covers (with the same slack the layout used), for overlap checks. */
export function textBox(t: TextItem): { x: number; y: number; width: number; height: number } {
  const width = textWidth(t.text, t.size, t.bold);
  const x = t.anchor === "start" ? t.x : t.anchor === "end" ? t.x - width : t.x - width / 2;
  return { x, y: t.y - t.size * 0.8, width, height: t.size };
}

const SIZE = 12;
const LINE = 15;
const PAD = 4;
const PANEL_GAP = 28;
const ARROW_ROOM = 26;
export const WIDE = 560;

/** The number a claim is sorted and summarised by. */
export function claimValue(c: Claim): number {
  return c.qualifier === "range" ? c.value ?? ((c.low ?? 0) + (c.high ?? 0)) / 2 : c.value ?? 0;
}

function claimNumbers(c: Claim): number[] {
  return c.qualifier === "range" ? [c.low!, c.high!, ...(c.value === undefined ? [] : [c.value])] : [c.value!];
}

const currencyCompact = new Map<string, Intl.NumberFormat>();
/**
 * Short form for ticks and big figures. Currencies get their own formatter:
 * Node 20's ICU resolves compact currency to one fixed decimal ("$27.0B")
 * unless minimumFractionDigits is 0.
 */
export function compactFigure(loc: LocaleFormat, v: number, unit?: string): string {
  if (outOfWords(v)) return scientific(loc, v, isCurrency(unit) || isPercent(unit) ? unit : undefined);
  if (!isCurrency(unit)) return loc.compact(v, unit);
  const key = `${loc.tag}|${unit}`;
  let f = currencyCompact.get(key);
  if (!f) currencyCompact.set(key, (f = new Intl.NumberFormat(loc.tag, { style: "currency", currency: unit, notation: "compact", maximumFractionDigits: 1, minimumFractionDigits: 0 })));
  return f.format(v);
}

/** Beyond trillions, or below a millionth, digits stop being readable. */
const outOfWords = (v: number) => v !== 0 && (Math.abs(v) >= 1e15 || Math.abs(v) < 1e-6);
const sci = new Map<string, Intl.NumberFormat>();
function scientific(loc: LocaleFormat, v: number, unit?: string): string {
  let f = sci.get(loc.tag);
  if (!f) sci.set(loc.tag, (f = new Intl.NumberFormat(loc.tag, { notation: "scientific", maximumFractionDigits: 2 })));
  const n = f.format(v);
  return !unit ? n : isPercent(unit) ? `${n}%` : `${n} ${unit}`;
}

/** A figure in the reader's locale with its unit; billions shortened when nothing is lost ("$27B"). */
export function formatFigure(loc: LocaleFormat, v: number, unit?: string): string {
  if (outOfWords(v)) return scientific(loc, v, unit);
  const e = Math.abs(v) >= 1e6 ? Math.floor(Math.log10(Math.abs(v)) / 3) * 3 : 0;
  if (e && Math.round((v / 10 ** e) * 10) / 10 === v / 10 ** e) {
    const c = compactFigure(loc, v, unit);
    return unit && !isCurrency(unit) && !isPercent(unit) ? `${c} ${unit}` : c;
  }
  return loc.figure(v, unit);
}

/** The qualifier in words: "about 15,000 troops", "between 1,000 and 2,000 troops". */
export function figureWords(c: Claim, loc: LocaleFormat): string {
  const f = (v: number) => formatFigure(loc, v, c.unit);
  switch (c.qualifier) {
    case "about":
      return `about ${f(c.value!)}`;
    case "at-least":
      return `at least ${f(c.value!)}`;
    case "more-than":
      return `more than ${f(c.value!)}`;
    case "up-to":
      return `up to ${f(c.value!)}`;
    case "fewer-than":
      return `fewer than ${f(c.value!)}`;
    case "range": {
      const lo = formatFigure(loc, c.low!, isCurrency(c.unit) || isPercent(c.unit) ? c.unit : undefined);
      return `between ${lo} and ${f(c.high!)}${c.value === undefined ? "" : `, most likely ${f(c.value)}`}`;
    }
    default:
      return f(c.value!);
  }
}

/** An interval of values in words: "more than 10,000 troops", "from 10,000 to 12,000 troops". */
export function intervalWords(i: Interval, loc: LocaleFormat, unit?: string): string {
  const f = (v: number) => formatFigure(loc, v, unit);
  if (i.lo === -Infinity && i.hi === Infinity) return "any value";
  if (i.hi === Infinity) return `${i.loOpen ? "more than" : "at least"} ${f(i.lo)}`;
  if (i.lo === -Infinity) return `${i.hiOpen ? "less than" : "at most"} ${f(i.hi)}`;
  if (i.lo === i.hi) return f(i.lo);
  return `from ${f(i.lo)} to ${f(i.hi)}`;
}

function markKind(q: Qualifier): MarkKind {
  return q === "at-least" || q === "more-than" ? "floor" : q === "up-to" || q === "fewer-than" ? "ceiling" : q === "range" ? "range" : q === "about" ? "about" : "exact";
}

function tryDate(text?: string): DateSpan | undefined {
  if (!text) return undefined;
  try {
    return parseDate(text);
  } catch {
    return undefined;
  }
}

export function layoutFigureComparison(data: Dataset, o: FigureComparisonOptions, width: number): FigureLayout {
  const loc = resolveLocale(o.locale);
  const names = new Map<string, string>();
  for (const s of data.sources) names.set(s.id, s.name);
  for (const a of data.actors) names.set(a.id, a.name);
  const wide = width >= WIDE;
  const claims = data.claims.filter((c) => (o.subject === undefined || c.subject === o.subject) && claimNumbers(c).every((v) => typeof v === "number" && Number.isFinite(v)));

  // 1. Panels: subject, then unit, in order of first appearance.
  const groups = new Map<string, Map<string, Claim[]>>();
  for (const c of claims) {
    let units = groups.get(c.subject);
    if (!units) groups.set(c.subject, (units = new Map()));
    const u = c.unit ?? "";
    units.set(u, [...(units.get(u) ?? []), c]);
  }

  // Subjects with the most claims first: the comparisons lead, single figures follow.
  const subjects = [...groups].map(([subject, units], i) => ({ subject, units, i, n: [...units.values()].reduce((s, g) => s + g.length, 0) }));
  subjects.sort((a, b) => b.n - a.n || a.i - b.i);
  const panels: FigurePanel[] = [];
  const order: string[] = [];
  let y = 0;
  for (const { subject, units } of subjects) {
    for (const [unit, group] of units) {
      const panel = layoutPanel(subject, unit || undefined, units.size, group, y);
      panels.push(panel);
      order.push(...panel.rows.map((r) => r.id));
      y += panel.height + PANEL_GAP;
    }
  }
  const qualifiers = [...new Set(claims.map((c) => c.qualifier))];
  return { width, height: Math.max(0, Math.ceil(y - PANEL_GAP)), wide, panels, order, qualifiers, locale: loc.tag };

  function describe(c: Claim) {
    const claimant = names.get(c.claimant) ?? c.claimant;
    const outlets = [...new Set(c.citations.map((ci) => ci.source))].map((s) => names.get(s) ?? s);
    const citations = c.citations.map((ci) => {
      const src = data.sources.find((s) => s.id === ci.source);
      const date = tryDate(ci.published);
      const url = ci.url ?? src?.url;
      return { name: names.get(ci.source) ?? ci.source, ...(url ? { url } : {}), ...(date ? { date: formatDateSpan(date, loc.tag) } : {}), ...(ci.quote ? { quote: ci.quote } : {}) };
    });
    const saidSpan = tryDate(c.date ?? c.citations.find((ci) => ci.published)?.published);
    const refSpan = tryDate(c.refersTo);
    return {
      claimant,
      outlets,
      citations,
      said: saidSpan && formatDateSpan(saidSpan, loc.tag),
      saidAt: saidSpan?.start ?? Infinity,
      refersTo: refSpan && formatDateSpan(refSpan, loc.tag),
    };
  }

  function layoutPanel(subject: string, unit: string | undefined, unitCount: number, group: Claim[], top: number): FigurePanel {
    const info = new Map(group.map((c) => [c.id, describe(c)]));
    // Sorting: by value high to low, by claim date, or by claimant; ties by claimant.
    const diff = (x: number, y: number) => (x === y ? 0 : x - y); // undated claims (Infinity) last, without NaN
    const byName = (a: Claim, b: Claim) => info.get(a.id)!.claimant.localeCompare(info.get(b.id)!.claimant, loc.tag);
    const rows = [...group].sort((a, b) =>
      o.sort === "date" ? diff(info.get(a.id)!.saidAt, info.get(b.id)!.saidAt) || byName(a, b) : o.sort === "claimant" ? byName(a, b) || claimValue(b) - claimValue(a) : claimValue(b) - claimValue(a) || byName(a, b),
    );

    // 2. Agreement, scale and domain.
    const agreement = computeAgreement(group);
    const nums = group.flatMap(claimNumbers);
    // A log axis needs every figure positive, and far enough from the float limits (no denormals like 2e-323,
    // nothing near 1.8e308) for its padding, nice() and powers-of-ten ticks to stay finite and few.
    const allPositive = nums.every((v) => v > 1e-300 && v < 1e300);
    const nonPositive = nums.some((v) => v <= 0);
    const lo0 = Math.min(...nums);
    const hi0 = Math.max(...nums);
    const notes: string[] = [];
    let type: FigurePanel["scale"] = "linear";
    if (o.axis === "log" || o.axis === "symlog") type = allPositive && o.axis === "log" ? "log" : "symlog";
    else if (o.axis === "auto" && allPositive && hi0 / lo0 > 100) type = "log";

    const x0 = wide ? Math.round(Math.min(260, Math.max(150, width * 0.3))) + 16 : PAD + 6;
    const x1 = width - PAD - 10;
    const floors = group.filter((c) => markKind(c.qualifier) === "floor").map((c) => c.value!);
    const ceilings = group.filter((c) => markKind(c.qualifier) === "ceiling").map((c) => c.value!);
    const scale = domainScale(type, lo0, hi0, floors, ceilings, o.zero, [x0, x1]);
    const domain = scale.domain() as [number, number];
    const X = (v: number) => scale(Math.max(domain[0], Math.min(domain[1], v)));

    // Notes: conflict or difference first, then what the shading means, then units and scale.
    const figure = (id: string) => group.find((c) => c.id === id)!;
    const who = (id: string) => `${info.get(id)!.claimant} says ${figureWords(figure(id), loc)}`;
    const firm = group.filter((c) => c.qualifier !== "about").length;
    const shaded = agreement.status === "agree" ? agreement.band : agreement.status === "differ" && firm > 1 ? agreement.band : undefined;
    let status = "";
    if (agreement.status === "conflict" || agreement.status === "differ") {
      const [a, b] = agreement.pair!;
      const conflict = agreement.status === "conflict";
      notes.push(`${conflict ? "⚠ Claims conflict" : "Claims differ"}: ${who(a)}; ${who(b)}`);
      status = `${conflict ? "claims conflict" : "claims differ"}: ${who(a)}, ${who(b)}`;
      if (shaded) notes.push(`Shaded: the values the claims without “about” allow, ${intervalWords(shaded, loc, unit)}`);
    } else if (shaded) {
      const words = intervalWords(shaded, loc, unit);
      if (firm) {
        notes.push(`Shaded: the values all ${group.length} claims allow, ${words}`);
        status = `every claim allows ${words}`;
      } else {
        notes.push(`All ${group.length} claims give about ${words}`);
        status = `all give about ${words}`;
      }
    }
    if (unitCount > 1) notes.push(`${unitCount} units: shown on separate axes`);
    if (type === "symlog")
      notes.push(o.axis !== "log" ? "Symmetric log scale" : nonPositive ? "Symmetric log scale: a log scale cannot show zero or negative values" : "Symmetric log scale: figures this close to zero or this large are beyond a log scale");

    // Panel heading and notes, wrapped to the full width.
    const texts: TextItem[] = [];
    let cy = top;
    const heading = wrap(unitCount > 1 && unit ? `${subject} (${unit})` : subject, width - 2 * PAD, 14, 3, true);
    for (const line of heading.lines) texts.push({ x: PAD, y: (cy += 17), text: line, anchor: "start", size: 14, bold: true, role: "heading", ...(heading.truncated ? { full: subject } : {}) });
    for (const [i, note] of notes.entries()) {
      const role: TextRole = i === 0 && agreement.status === "conflict" ? "conflict" : "note";
      const w = wrap(note, width - 2 * PAD, SIZE, 4, role === "conflict");
      for (const line of w.lines) texts.push({ x: PAD, y: (cy += LINE), text: line, anchor: "start", size: SIZE, bold: role === "conflict", role, ...(w.truncated ? { full: note } : {}) });
    }
    cy += 8;

    // 3. Rows.
    const plotTop = cy;
    const flagged = new Set(agreement.pair ?? []);
    const laid = rows.map((c) => {
      const d = info.get(c.id)!;
      const rowTop = cy;
      const rt: TextItem[] = [];
      const words = figureWords(c, loc);
      const outletsShown = d.outlets.filter((n) => n !== d.claimant);
      const outlet = outletsShown.length > 1 ? `${outletsShown[0]} +${outletsShown.length - 1}` : outletsShown[0];
      const meta = [outlet, d.said].filter(Boolean).join(" · ");
      const labelW = wide ? x0 - 16 - PAD : width - 2 * PAD;
      const highlight = o.highlight === c.id;
      const name = wrap(d.claimant, labelW, SIZE, 2, true);
      let ly = rowTop;
      for (const line of name.lines) rt.push({ x: PAD, y: (ly += LINE), text: line, anchor: "start", size: SIZE, bold: true, role: "claimant", ...(name.truncated ? { full: d.claimant } : {}) });
      if (meta) {
        // Cut the outlet's name rather than the date.
        const tail = outlet && d.said ? ` · ${d.said}` : "";
        const m = truncate(tail ? outlet! : meta, labelW - textWidth(tail, 11), 11);
        rt.push({ x: PAD, y: (ly += 14), text: m.text + tail, anchor: "start", size: 11, bold: false, role: "meta", ...(m.truncated ? { full: meta } : {}) });
      }
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
      // A conflicting row carries the note's ⚠, so the pair is found without colour.
      const shown = agreement.status === "conflict" && flagged.has(c.id) ? `⚠ ${words}` : words;
      const vt = truncate(shown, maxX - minX, SIZE, highlight);
      const vw = textWidth(vt.text, SIZE, highlight);
      const want = kind === "ceiling" ? mark.x + 6 - vw : mark.x - 6;
      rt.push({ x: Math.max(minX, Math.min(want, maxX - vw)), y: (vy += LINE), text: vt.text, anchor: "start", size: SIZE, bold: highlight, role: "value", ...(vt.truncated ? { full: shown } : {}) });
      mark.y = vy += 13;
      vy += 8;
      // Own keys only: a claim id such as "constructor" must not find Object's.
      const own = Object.prototype.hasOwnProperty.call(o.annotations, c.id) ? o.annotations[c.id] : undefined;
      const note = typeof own === "string" ? own : undefined;
      if (note) {
        const aw = wrap(note, maxX - minX, 11, 3);
        vy -= 2;
        for (const line of aw.lines) rt.push({ x: minX, y: (vy += 13), text: line, anchor: "start", size: 11, bold: false, role: "annotation", ...(aw.truncated ? { full: note } : {}) });
        vy += 4;
      }
      const bottom = Math.max(ly + 8, vy);
      cy = bottom + 2;
      const flag = flagged.has(c.id) ? (agreement.status === "conflict" ? "conflict" : "differ") : undefined;
      const agreeWords =
        agreement.status === "conflict" && flag
          ? "Conflicts with another claim."
          : agreement.status === "differ" && flag
            ? "Differs from another claim."
            : agreement.status === "agree"
              ? "Consistent with the other claims."
              : "";
      const label = [
        `${d.claimant}: ${words}.`,
        outletsShown.length ? `Reported by ${loc.list(outletsShown)}${d.said ? `, ${d.said}` : ""}.` : d.said ? `Said ${d.said}.` : "",
        d.refersTo ? `Refers to ${d.refersTo}.` : "",
        agreeWords,
        highlight ? "Highlighted." : "",
        note ? `Editor's note: ${note}` : "",
      ]
        .filter(Boolean)
        .join(" ");
      const row: FigureRow = { id: c.id, claim: c, top: rowTop, height: bottom - rowTop, mark, texts: rt, figure: words, claimant: d.claimant, outlets: d.outlets, citations: d.citations, highlight, label };
      if (d.said) row.said = d.said;
      if (d.refersTo) row.refersTo = d.refersTo;
      if (note) row.annotation = note;
      if (flag) row.flag = flag;
      return row;
    });
    const plotBottom = cy;

    // Axis: ticks thinned until their labels keep apart, the end labels kept inside the chart.
    const axisY = plotBottom + 4;
    const bounds: [number, number] = [PAD, width - PAD];
    const ticks = axisTicks(scale, type, bounds, (v) => compactFigure(loc, v, unit), nums.every(Number.isInteger));
    for (const t of ticks) {
      const text = compactFigure(loc, t, unit);
      const { x, w } = tickLabelX(scale(t), text, bounds);
      texts.push({ x: x + w / 2, y: axisY + 15, text, anchor: "middle", size: 11, bold: false, role: "tick" });
    }
    const caption = [unit && !isCurrency(unit) && !isPercent(unit) && group.length > 1 ? unit : "", type === "log" ? "log scale, each gridline ×10" : ""].filter(Boolean).join(" · ");
    let bottom = axisY + 20;
    if (caption) texts.push({ x: x0, y: (bottom += 14), text: caption, anchor: "start", size: 11, bold: false, role: "caption" });

    const panel: FigurePanel = {
      subject,
      top,
      height: bottom + 4 - top,
      scale: type,
      domain,
      plot: { x0, x1, y0: plotTop, y1: plotBottom },
      axisY,
      ticks: ticks.map((v) => ({ x: scale(v), value: v })),
      agreement,
      notes,
      texts,
      rows: laid,
      summary: `${subject}${unitCount > 1 && unit ? ` (${unit})` : ""}: ${group.length === 1 ? `1 claim, ${who(group[0]!.id)}` : `${group.length} claims from ${formatFigure(loc, lo0, isCurrency(unit) || isPercent(unit) ? unit : undefined)} to ${formatFigure(loc, hi0, unit)}`}${status ? `; ${status}` : ""}`,
    };
    if (unit) panel.unit = unit;
    if (domain[0] < 0 && domain[1] > 0) panel.zeroX = scale(0);
    const band = firm ? shaded : undefined;
    if (band) {
      const b: NonNullable<FigurePanel["band"]> = { x0: X(band.lo), x1: X(band.hi) };
      if (isFinite(band.lo)) b.lo = { x: X(band.lo), open: band.loOpen };
      if (isFinite(band.hi)) b.hi = { x: X(band.hi), open: band.hiOpen };
      panel.band = b;
    }
    return panel;
  }
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
  const w = textWidth(text, 11);
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
  // A little air so a dot at the extreme is not pinned to the axis end (a zero baseline stays put).
  if (type === "linear") {
    const air = hi * 0.03 - lo * 0.03;
    if (hi !== 0) hi = fin(hi + air, hi);
    if (lo !== 0) lo = fin(lo - air, lo);
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
    if (floors.length && range[1] - s(Math.max(...floors)) < ARROW_ROOM) b = fin(inv(s(Math.max(...floors)) + ARROW_ROOM + px * 4), d1);
    if (ceilings.length && s(Math.min(...ceilings)) - range[0] < ARROW_ROOM) a = fin(inv(s(Math.min(...ceilings)) - ARROW_ROOM - px * 4), d0);
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
    for (let n = Math.min(40, Math.max(2, Math.round(plotWidth / 70))); n >= 1; n--) {
      // Counts of whole things get whole-number ticks.
      ticks = scale.ticks(n).filter((t) => Number.isFinite(t) && (!integer || Number.isInteger(t)));
      if (ticks.length && fits(ticks)) return ticks;
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
  while (!fits(ticks) && ticks.length > 2) {
    const zero = Math.max(0, ticks.indexOf(0));
    ticks = ticks.filter((_, i) => (i - zero) % 2 === 0);
  }
  return fits(ticks) ? ticks : ticks.slice(0, 1);
}
