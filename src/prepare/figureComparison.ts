/**
 * The figure comparison's words and groups, width-independent: panels
 * (subject, then unit), their agreement, scale type and notes; each claim's
 * figure in words, its claimant, outlets and dates, its accessible name,
 * table row and detail card; the summary, legend and chrome.
 * Built once per dataset and options; a resize only lays out.
 */
import { extent } from "d3-array";
import { isCurrency, isPercent, type LocaleFormat } from "../format/locale.js";
import { computeAgreement, type Agreement, type Interval } from "../model/agreement.js";
import type { ResolvedCommon } from "../model/options.js";
import type { ResolvedCitation, ResolvedClaim, ResolvedDataset } from "../model/resolve.js";
import type { Claim, Qualifier } from "../model/types.js";
import type { DetailSpec, TableSpec } from "../render/view.js";
import { prepareChrome, type Chrome } from "./chrome.js";
import { addFootnote, citationLinks, footnoteLegend, noteText, sentence, type Footnote } from "./citations.js";
import { wordsFor, type MessageKey, type Words } from "./messages.js";

export type FigureSort = "value" | "date" | "claimant";
export type FigureAxis = "auto" | "linear" | "log" | "symlog";
export type ScaleType = "linear" | "log" | "symlog";

export interface FigureComparisonOptions extends ResolvedCommon {
  /** Show only this subject. */
  subject?: string;
  sort: FigureSort;
  /** Claim id to emphasise. */
  highlight?: string;
  /** Editor's notes drawn under a row, by claim id. */
  annotations: Record<string, string>;
  axis: FigureAxis;
  /**
   * Start a linear axis at zero: true, false, or "auto" (the default): zero
   * when the figures' own span would take up at least half the axis anyway
   * (the smallest figure under 40% of the largest), or the figures cross zero;
   * otherwise a domain around the claims, with an axis-break mark and
   * "axis does not start at zero" in the caption.
   */
  zero: boolean | "auto";
}

/** Whether a linear axis for these figures starts at zero under the `zero` option. */
export function includesZero(zero: boolean | "auto", lo: number, hi: number): boolean {
  if (zero !== "auto") return zero;
  if (lo <= 0 && hi >= 0) return true;
  const [near, far] = lo > 0 ? [lo, hi] : [-hi, -lo];
  return near < far * 0.4;
}

export interface FigureEntry {
  id: string;
  claim: Claim;
  /** The figure in words: "more than 10,000 troops"; with ⚠ first on a conflicting row. */
  figure: string;
  shown: string;
  claimant: string;
  outlets: string[];
  /** "The Independent +2 · 13 Aug 2025": the outlet cut first when space is short, never the date. */
  outlet?: string;
  said?: string;
  saidAt: number;
  refersTo?: string;
  annotation?: string;
  highlight: boolean;
  flag?: "conflict" | "differ";
  /** An earlier figure the same claimant later updated: drawn muted, in no conflict. */
  superseded?: string;
  /** The claim's note and what its sources dispute, numbered under the chart. */
  noted?: { text: string; differ: boolean };
  /** The marker of that note ("1"; "≠1" where a source disputes the claim): the end of `shown`, after a word joiner. */
  marker?: string;
  /** The accessible name: claimant, subject, figure, where and when, the same at every width. */
  name: string;
  detail: DetailSpec;
  table: TableSpec["rows"][number];
}

export interface PreparedPanel {
  subject: string;
  unit?: string;
  /** "Subject (unit)" when a subject has several units. */
  heading: string;
  entries: FigureEntry[];
  agreement: Agreement;
  /** The band of values every firm claim allows, when drawn. */
  band?: Interval;
  scale: ScaleType;
  /** Notes under the heading; the first is the conflict when there is one. */
  notes: string[];
  conflict: boolean;
  /** Unit and scale in words under the axis. */
  caption: string;
  /** One sentence for the summary. */
  summary: string;
  /** Every figure in the panel (for the domain). */
  numbers: number[];
  floors: number[];
  ceilings: number[];
  integer: boolean;
  /** Start a linear axis at zero (the `zero` option, "auto" resolved for these figures). */
  zero: boolean;
  /** Caption words for a linear axis that leaves zero out. */
  notFromZero: string;
  /** Index in `notes` of the sentence that says what the band is (drawn with the band's key beside it). */
  bandNote?: number;
  /** One claim: listed after the comparisons, without an axis. */
  single: boolean;
  tick(v: number): string;
}

export interface PreparedFigures {
  words: Words;
  panels: PreparedPanel[];
  order: string[];
  qualifiers: Qualifier[];
  chrome: Chrome;
  table: TableSpec;
  legend: Array<{ key: Qualifier | "band" | "fn:note" | "fn:differ"; label: string }>;
  /** Numbered notes (the claim's note, what its sources dispute) in reading order, listed under the chart. */
  footnotes: Footnote[];
  /** Heading over the single-claim list, when it is drawn with one. */
  singlesHeading?: string;
}

const currencyCompact = new Map<string, Intl.NumberFormat>();
/** Beyond trillions, or below a millionth, digits stop being readable. */
const outOfWords = (v: number) => v !== 0 && (Math.abs(v) >= 1e15 || Math.abs(v) < 1e-6);
const sci = new Map<string, Intl.NumberFormat>();
function scientific(loc: LocaleFormat, v: number, unit?: string): string {
  let f = sci.get(loc.tag);
  if (!f) sci.set(loc.tag, (f = new Intl.NumberFormat(loc.tag, { notation: "scientific", maximumFractionDigits: 2 })));
  const n = f.format(v);
  return !unit ? n : isPercent(unit) ? `${n}%` : `${n} ${unit}`;
}

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

const QUALIFIER_KEY: Partial<Record<Qualifier, MessageKey>> = { about: "fc.about", "at-least": "fc.atLeast", "more-than": "fc.moreThan", "up-to": "fc.upTo", "fewer-than": "fc.fewerThan" };

/** The qualifier in words: "about 15,000 troops", "between 1,000 and 2,000 troops". */
export function figureWords(c: Claim, w: Words): string {
  const loc = w.fmt;
  const f = (v: number) => formatFigure(loc, v, c.unit);
  if (c.qualifier === "range") {
    const lo = formatFigure(loc, c.low!, isCurrency(c.unit) || isPercent(c.unit) ? c.unit : undefined);
    return c.value === undefined ? w.t("fc.between", { lo, hi: f(c.high!) }) : w.t("fc.betweenLikely", { lo, hi: f(c.high!), v: f(c.value) });
  }
  const key = QUALIFIER_KEY[c.qualifier];
  return key ? w.t(key, { v: f(c.value!) }) : f(c.value!);
}

/** An interval of values in words: "more than 10,000 troops", "from 10,000 to 12,000 troops". */
export function intervalWords(i: Interval, w: Words, unit?: string): string {
  const f = (v: number) => formatFigure(w.fmt, v, unit);
  if (i.lo === -Infinity && i.hi === Infinity) return w.t("fc.anyValue");
  if (i.hi === Infinity) return w.t(i.loOpen ? "fc.moreThan" : "fc.atLeast", { v: f(i.lo) });
  if (i.lo === -Infinity) return w.t(i.hiOpen ? "fc.lessThan" : "fc.atMost", { v: f(i.hi) });
  if (i.lo === i.hi) return f(i.lo);
  return w.t("fc.fromTo", { lo: f(i.lo), hi: f(i.hi) });
}

/** The number a claim is sorted and summarised by. */
export function claimValue(c: Claim): number {
  return c.qualifier === "range" ? (c.value ?? ((c.low ?? 0) + (c.high ?? 0)) / 2) : (c.value ?? 0);
}

export function claimNumbers(c: Claim): number[] {
  return c.qualifier === "range" ? [c.low!, c.high!, ...(c.value === undefined ? [] : [c.value])] : [c.value!];
}

/** A floor drawn as an arrow to the right, a ceiling to the left. */
export const isFloor = (q: Qualifier) => q === "at-least" || q === "more-than";
export const isCeiling = (q: Qualifier) => q === "up-to" || q === "fewer-than";


export function prepareFigureComparison(data: ResolvedDataset, o: FigureComparisonOptions): PreparedFigures {
  const w = wordsFor(o.locale, o.messages);
  const loc = w.fmt;
  const claims = data.claims.filter((r) => (o.subject === undefined || r.record.subject === o.subject) && claimNumbers(r.record).every((v) => typeof v === "number" && Number.isFinite(v)));

  // 1. Panels: subject, then unit, in order of first appearance (one list per unit, appended to: linear).
  const groups = new Map<string, Map<string, ResolvedClaim[]>>();
  for (const r of claims) {
    let units = groups.get(r.record.subject);
    if (!units) groups.set(r.record.subject, (units = new Map()));
    const u = r.record.unit ?? "";
    const list = units.get(u);
    if (list) list.push(r);
    else units.set(u, [r]);
  }
  // Subjects with the most claims first: the comparisons lead, single figures follow.
  const subjects = [...groups].map(([subject, units], i) => {
    let n = 0;
    for (const g of units.values()) n += g.length;
    return { subject, units, i, n };
  });
  subjects.sort((a, b) => b.n - a.n || a.i - b.i);
  const all: PreparedPanel[] = [];
  for (const { subject, units } of subjects) for (const [unit, group] of units) all.push(preparePanel(subject, unit || undefined, units.size, group, o, w));
  // Comparisons first, then the subjects with a single claim, listed without an axis.
  const panels = [...all.filter((p) => !p.single), ...all.filter((p) => p.single)];
  // Notes numbered in reading order; each figure as drawn ends with its marker.
  const footnotes: Footnote[] = [];
  for (const p of panels)
    for (const e of p.entries) {
      const fn = addFootnote(footnotes, e.id, p.single ? `${p.heading}: ${e.claimant}` : `${e.claimant}, ${p.heading}`, e.noted, w);
      if (fn) (e.marker = fn.marker), (e.shown += `\u2060${fn.marker}`);
    }

  // 2. Summary, chrome, table, legend.
  // Every comparison in full; single figures counted when there are many.
  const told = panels.length > 3 ? panels.filter((p) => p.entries.length > 1) : panels;
  const rest = panels.length - told.length;
  const summary = [...told.map((p) => p.summary), ...(rest ? [w.t("fc.moreSubjects", { n: rest })] : [])].join(". ") + ".";
  const only = o.subject ?? (groups.size === 1 ? [...groups.keys()][0] : undefined);
  const cited: ResolvedCitation[] = claims.flatMap((r) => r.citations);
  const chrome = prepareChrome(
    w,
    o,
    { title: only ? w.t("chart.figuresOf", { subject: only }) : data.dataset.title ? w.t("chart.figuresOf", { subject: data.dataset.title }) : w.t("chart.figures") },
    cited,
    summary,
  );
  // One subject: it is in the caption, not repeated on every row.
  const several = groups.size > 1;
  const table: TableSpec = {
    caption: chrome.headline,
    show: w.t("table.show", { n: claims.length }),
    columns: [w.t("fc.col.claimant"), ...(several ? [w.t("fc.col.subject")] : []), w.t("fc.col.figure"), w.t("fc.col.reportedBy"), w.t("fc.col.said"), w.t("fc.col.refersTo"), w.t("fc.col.quote"), w.t("fc.col.note")],
    rows: panels.flatMap((p) => p.entries.map((e) => (several ? e.table : { id: e.id, cells: e.table.cells.filter((_, k) => k !== 1) }))),
  };
  const qualifiers = [...new Set(claims.map((r) => r.record.qualifier))];
  const LEGEND: Array<[Qualifier | "band", MessageKey]> = [
    ["exact", "fc.legend.exact"],
    ["about", "fc.legend.about"],
    ["at-least", "fc.legend.atLeast"],
    ["more-than", "fc.legend.moreThan"],
    ["up-to", "fc.legend.upTo"],
    ["fewer-than", "fc.legend.fewerThan"],
    ["range", "fc.legend.range"],
    ["band", "fc.legend.band"],
  ];
  const legend: PreparedFigures["legend"] = LEGEND.filter(([q]) => (q === "band" ? panels.some((p) => p.band) : qualifiers.includes(q))).map(([key, label]) => ({ key, label: w.t(label) }));
  legend.push(...footnoteLegend(footnotes, w));
  const prepared: PreparedFigures = { words: w, panels, order: panels.flatMap((p) => p.entries.map((e) => e.id)), qualifiers, chrome, table, legend, footnotes };
  // The list's heading, unless the list is the whole chart's one line.
  if (panels.some((p) => p.single) && panels.length > 1) prepared.singlesHeading = w.t("fc.singles");
  return prepared;
}

/** Sorting: by value high to low, by claim date, or by claimant; ties by claimant. */
function sortRows(group: ResolvedClaim[], sort: FigureComparisonOptions["sort"], tag: string): ResolvedClaim[] {
  const diff = (x: number, y: number) => (x === y ? 0 : x - y); // undated claims (Infinity) last, without NaN
  const at = (r: ResolvedClaim) => r.date?.start ?? Infinity;
  const byName = (a: ResolvedClaim, b: ResolvedClaim) => a.claimant.localeCompare(b.claimant, tag);
  return [...group].sort((a, b) =>
    sort === "date"
      ? diff(at(a), at(b)) || byName(a, b)
      : sort === "claimant"
        ? byName(a, b) || claimValue(b.record) - claimValue(a.record)
        : claimValue(b.record) - claimValue(a.record) || byName(a, b),
  );
}

/** The panel's axis: as asked, or log when every figure is positive and they span more than a hundredfold. */
function scaleTypeOf(numbers: number[], axis: FigureComparisonOptions["axis"], lo0: number, hi0: number): ScaleType {
  // A log axis needs every figure positive, and far enough from the float limits for its padding and ticks.
  const allPositive = numbers.every((v) => v > 1e-300 && v < 1e300);
  let scale: ScaleType = "linear";
  if (axis === "log" || axis === "symlog") scale = allPositive && axis === "log" ? "log" : "symlog";
  else if (axis === "auto" && allPositive && hi0 / lo0 > 100) scale = "log";
  return scale;
}

function preparePanel(subject: string, unit: string | undefined, unitCount: number, group: ResolvedClaim[], o: FigureComparisonOptions, w: Words): PreparedPanel {
  const loc = w.fmt;
  const heading = unitCount > 1 && unit ? `${subject} (${unit})` : subject;

  const rows = sortRows(group, o.sort, loc.tag);

  // Agreement over the current figures: a claim its own claimant later updated is history, not a rival.
  const inGroup = new Set(group.map((r) => r.record.id));
  const updatedBy = new Map<string, ResolvedClaim>();
  for (const r of group) if (r.supersedes && inGroup.has(r.supersedes.id)) updatedBy.set(r.supersedes.id, r);
  const current = group.filter((r) => !updatedBy.has(r.record.id)).map((r) => r.record);
  const agreement = computeAgreement(current);
  const numbers = group.flatMap((r) => claimNumbers(r.record));
  const [lo0, hi0] = extent(numbers) as [number, number];
  const scale = scaleTypeOf(numbers, o.axis, lo0, hi0);
  const nonPositive = numbers.some((v) => v <= 0);

  // Notes: conflict or difference first, then what the shading means, then units and scale.
  const byId = new Map(group.map((r) => [r.record.id, r]));
  const who = (id: string) => w.t("fc.says", { who: byId.get(id)!.claimant, what: figureWords(byId.get(id)!.record, w) });
  const firm = current.filter((c) => c.qualifier !== "about").length;
  const shaded = agreement.status === "agree" ? agreement.band : agreement.status === "differ" && firm > 1 ? agreement.band : undefined;
  const notes: string[] = [];
  let bandNote: number | undefined;
  let status = "";
  const conflict = agreement.status === "conflict";
  if (agreement.status === "conflict" || agreement.status === "differ") {
    const [a, b] = agreement.pair!;
    notes.push(w.t(conflict ? "fc.conflict" : "fc.differ", { a: who(a), b: who(b) }));
    status = w.t(conflict ? "fc.conflictStatus" : "fc.differStatus", { a: who(a), b: who(b) });
    if (shaded) bandNote = notes.push(w.t("fc.shadedFirm", { range: intervalWords(shaded, w, unit) })) - 1;
  } else if (shaded) {
    const range = intervalWords(shaded, w, unit);
    if (firm) {
      bandNote = notes.push(w.t("fc.shadedAll", { n: current.length, range })) - 1;
      status = w.t("fc.allowStatus", { range });
    } else {
      notes.push(w.t("fc.allAbout", { n: current.length, range }));
      status = w.t("fc.allAboutStatus", { range });
    }
  }
  // Why a dashed figure outside the band is flagged nothing.
  if (updatedBy.size) notes.push(w.t("fc.updatedAside"));
  if (unitCount > 1) notes.push(w.t("fc.units", { n: unitCount }));
  if (scale === "symlog") notes.push(w.t(o.axis !== "log" ? "fc.symlog" : nonPositive ? "fc.symlogZero" : "fc.symlogFar"));

  const flagged = new Set(agreement.pair ?? []);
  const one = group.length === 1;
  const entries = rows.map((r) => prepareEntry(r, { w, o, heading, one, flagged, conflict, agreement, updatedBy, notes }));

  // The summary speaks of the current figures: an updated one is counted as updated, not as a claim the band or range answers to.
  const [lo1, hi1] = updatedBy.size ? (extent(current.flatMap(claimNumbers)) as [number, number]) : [lo0, hi0];
  const bare = isCurrency(unit) || isPercent(unit) ? unit : undefined;
  const counted =
    current.length === 1
      ? w.t("fc.summaryOne", { subject: heading, says: who(current[0]!.id) })
      : lo1 === hi1
        ? w.t("fc.summaryAll", { subject: heading, n: current.length, v: formatFigure(loc, hi1, unit) })
        : w.t("fc.summaryMany", { subject: heading, n: current.length, lo: formatFigure(loc, lo1, bare), hi: formatFigure(loc, hi1, unit) });
  const summary = updatedBy.size ? `${counted}; ${w.t("fc.updatedCount", { n: updatedBy.size })}` : counted;
  const caption = [unit && !isCurrency(unit) && !isPercent(unit) && group.length > 1 ? unit : "", scale === "log" ? w.t("fc.logCaption") : ""].filter(Boolean).join(" · ");
  const panel: PreparedPanel = {
    subject,
    heading,
    entries,
    agreement,
    scale,
    notes,
    conflict,
    caption,
    summary: status ? `${summary}; ${status}` : summary,
    numbers,
    floors: group.filter((r) => isFloor(r.record.qualifier)).map((r) => r.record.value!),
    ceilings: group.filter((r) => isCeiling(r.record.qualifier)).map((r) => r.record.value!),
    integer: numbers.every(Number.isInteger),
    zero: includesZero(o.zero, lo0, hi0),
    notFromZero: w.t("fc.notFromZero"),
    single: one,
    tick: (v) => compactFigure(loc, v, unit),
  };
  if (unit) panel.unit = unit;
  const band = firm ? shaded : undefined;
  if (band) panel.band = band;
  if (band && bandNote !== undefined) panel.bandNote = bandNote;
  return panel;
}

interface EntryContext {
  w: Words;
  o: FigureComparisonOptions;
  heading: string;
  /** The panel's only claim (drawn in the list, subject first). */
  one: boolean;
  flagged: Set<string>;
  conflict: boolean;
  agreement: Agreement;
  updatedBy: Map<string, ResolvedClaim>;
  notes: string[];
}

/** One claim's words: the figure, its row labels, accessible name, detail card and table row. */
function prepareEntry(r: ResolvedClaim, x: EntryContext): FigureEntry {
  const { w, o, heading, one, flagged, conflict, agreement, updatedBy, notes } = x;
  const loc = w.fmt;
  const c = r.record;
  const figure = figureWords(c, w);
  const outletsShown = [...new Set(r.citations.map((ci) => ci.name))].filter((n) => n !== r.claimant);
  const said = r.date && w.date(r.date);
  const refersTo = r.refersTo && w.date(r.refersTo);
  const flag = flagged.has(c.id) ? (conflict ? "conflict" : "differ") : undefined;
  const highlight = o.highlight === c.id;
  // Own keys only: a claim id such as "constructor" must not find Object's.
  const own = Object.prototype.hasOwnProperty.call(o.annotations, c.id) ? o.annotations[c.id] : undefined;
  const annotation = typeof own === "string" && own ? own : undefined;
  const later = updatedBy.get(c.id);
  const superseded = later ? (later.date ? w.t("fc.updatedToOn", { figure: figureWords(later.record, w), date: w.date(later.date) }) : w.t("fc.updatedTo", { figure: figureWords(later.record, w) })) : undefined;
  const agreeWords = flag === "conflict" ? w.t("fc.conflictsRow") : flag === "differ" ? w.t("fc.differsRow") : agreement.status === "agree" && !later ? w.t("fc.agreesRow") : "";
  const reported = outletsShown.length ? w.t(said ? "fc.reportedByOn" : "fc.reportedBy", { outlets: w.list(outletsShown), date: said ?? "" }) : said ? w.t("fc.saidOn", { date: said }) : "";
  const links = citationLinks(r.citations, w);
  const quote = c.quote ?? c.citations.find((ci) => ci.quote)?.quote;
  const noted = noteText(links, c.note, w);
  const e: FigureEntry = {
    id: c.id,
    claim: c,
    figure,
    // A conflicting row carries the note's ⚠, so the pair is found without colour.
    shown: conflict && flag ? `⚠ ${figure}` : figure,
    claimant: r.claimant,
    outlets: [...new Set(r.citations.map((ci) => ci.name))],
    saidAt: r.date?.start ?? Infinity,
    highlight,
    // A single claim is drawn subject first (in the list without an axis): its name begins the same way.
    name: sentence([
      one ? `${heading}: ${figure}, ${r.claimant}` : `${r.claimant}: ${figure}`,
      one ? "" : heading,
      reported,
      refersTo && w.t("fc.refersTo", { date: refersTo }),
      superseded,
      agreeWords,
      highlight && w.t("fc.highlighted"),
      annotation && w.t("fc.editorNote", { note: annotation }),
    ]),
    detail: {
      heading: `${r.claimant}: ${figure}`,
      lines: [
        { label: w.t("fc.card.claimant"), text: r.claimant },
        { label: w.t("fc.card.figure"), text: figure },
        { label: w.t("fc.card.subject"), text: heading },
        ...(said ? [{ label: w.t("fc.card.said"), text: said }] : []),
        ...(refersTo ? [{ label: w.t("fc.card.refersTo"), text: refersTo }] : []),
        ...(superseded ? [{ label: w.t("fc.card.updated"), text: superseded }] : []),
        ...(flag && notes[0] ? [{ label: w.t(flag === "conflict" ? "fc.card.conflict" : "fc.card.differs"), text: notes[0].replace(/^⚠ /, "") }] : []),
        ...(c.note ? [{ label: w.t("fc.card.note"), text: c.note }] : []),
        ...(annotation ? [{ label: w.t("fc.card.editorNote"), text: annotation }] : []),
      ],
      // The claim's own quote leads; each outlet's words follow with its link.
      ...(c.quote ? { quote: w.t("card.quote", { quote: c.quote }) } : {}),
      links,
    },
    table: {
      id: c.id,
      cells: [
        r.claimant,
        heading,
        figure,
        w.list(outletsShown.length ? outletsShown : [...new Set(r.citations.map((ci) => ci.name))]),
        said ?? "",
        refersTo ?? "",
        quote ?? "",
        sentence([noted?.text, annotation, superseded]),
      ],
    },
  };
  if (outletsShown.length) e.outlet = outletsShown.length > 1 ? `${outletsShown[0]} +${loc.number(outletsShown.length - 1)}` : outletsShown[0];
  if (said) e.said = said;
  if (refersTo) e.refersTo = refersTo;
  if (annotation) e.annotation = annotation;
  if (flag) e.flag = flag;
  if (superseded) e.superseded = superseded;
  if (noted) e.noted = noted;
  return e;
}
