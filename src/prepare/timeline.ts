/**
 * The timeline's words and order, width-independent: the domain, the visible
 * events in time order with their printed dates, date styles and names, the
 * lanes, periods, "as of", zoom choices, summary, legend, table, detail cards
 * and chrome. Built once per dataset and options; a resize only lays out.
 */
import { DAY, parseDate, type DateSpan } from "../model/dates.js";
import { parseDomainText, parsePeriodsText } from "../model/periodText.js";
import type { ResolvedCommon } from "../model/options.js";
import type { ResolvedCitation, ResolvedDataset, ResolvedEvent } from "../model/resolve.js";
import type { Event, EventStatus } from "../model/types.js";
import { EVENT_KINDS } from "../model/validate.js";
import type { DetailSpec, TableSpec } from "../render/view.js";
import { prepareChrome, type Chrome } from "./chrome.js";
import { addFootnote, citationLinks, footnoteLegend, noteText, sentence, type Footnote } from "./citations.js";
import { wordsFor, type MessageKey, type Words } from "./messages.js";


export interface TimelinePeriodOption {
  /** EDTF; the period runs from this date's start… */
  start: string;
  /** …to this date's end; missing or ".." runs to the edge. */
  end?: string;
  label: string;
}

/** What the timeline reads from its resolved options. */
export interface TimelineLayoutOptions {
  locale: string;
  orientation: "horizontal" | "vertical" | "auto";
  lanes: "participants" | "kind" | "none";
  /** EDTF date of the "as of" marker; `false` hides it; undefined uses `dataset.asOf`. */
  asOf?: string | false;
  /** Highlighted periods; undefined: the dataset's own (`Dataset.periods`), `[]`: none. */
  periods?: TimelinePeriodOption[];
  /** Editor's notes by event id. */
  annotations: Record<string, string>;
  /** [start, end] EDTF: show only this period. */
  domain?: [string, string];
  /** Below this width `orientation: "auto"` is vertical. */
  breakpoint: number;
  /** Event ids that are always labelled, never folded into "+N events". */
  highlight?: string[];
}

export type ResolvedTimelineOptions = ResolvedCommon & TimelineLayoutOptions;

/** How a band ends: a firm edge, soft (approximate), continuing to the edge (open, or cut by the domain), or unknown (a dashed run-out). */
export type EndStyle = "closed" | "soft" | "open" | "unknown";

/** One visible event, with everything about it that does not depend on the width. */
export interface TimelineEntry {
  id: string;
  event: Event;
  span: DateSpan;
  /** Printed date: `dateLabel` (with its year when it has none), else the span at its precision. */
  dateText: string;
  /** The date line as drawn: the date, the status in words when the event has not (yet) happened, and the note's marker ("≠1") last. */
  dateLine: string;
  /** The marker of the event's numbered note, when it has one ("1"; "≠1" where a source disputes it): the end of `dateLine`. */
  marker?: string;
  kind: string;
  status: EventStatus;
  participants: string[];
  /** The editor's annotation (the `annotations` option). */
  note?: string;
  /** "Note: …" as drawn. */
  noteLine?: string;
  ends: [EndStyle, EndStyle];
  approximate: boolean;
  uncertain: boolean;
  /** A month, year or interval (or an open or unknown end): drawn as a band, not a point. */
  isBand: boolean;
  /** Label priority: higher first (highlight, annotation, importance, then kind). */
  rank: number;
  /** Always labelled. */
  forced: boolean;
  /** The accessible name: full title and date in words, the same at every width. */
  name: string;
  /** "Title · date", for a cluster's list row. */
  row: string;
}

/** A period to zoom to: its words and the `domain` option that shows it (`null`: the whole timeline). */
export interface ZoomChoice {
  label: string;
  domain: [string, string] | null;
  /** This is what is shown now. */
  current: boolean;
}

export interface LaneAssignment {
  laneKeys: string[];
  laneNames: string[];
  /** Per entry: its lanes, its own first. */
  eventLanes: number[][];
}
export type LaneMode = TimelineLayoutOptions["lanes"];

export interface PreparedTimeline {
  words: Words;
  domain: [number, number];
  /** Events' extent [first start, last end) in ms. */
  extent: [number, number];
  entries: TimelineEntry[];
  /** Events outside the domain, not drawn. */
  hidden: number;
  periods: Array<{ text: string; from: number; to: number }>;
  asOfMs?: number;
  asOfWords: string;
  lanes(mode: LaneMode): LaneAssignment;
  zoom: ZoomChoice[];
  chrome: Chrome;
  table: TableSpec;
  /** Legend entries that do not depend on the width (the renderer adds "grouped events" when it groups). */
  legend: Array<{ key: string; label: string }>;
  /** Kinds the dataset names itself that get their own shape and legend entry, in order of first appearance (see CUSTOM_KIND_LIMIT). */
  customKinds: string[];
  /** Numbered notes (the event's note, what its sources dispute) in time order, listed under the chart. */
  footnotes: Footnote[];
  detail(id: string): DetailSpec | undefined;
  /** "+3 events". */
  more(n: number): string;
}

/**
 * Kinds a dataset names itself ("talks", "attack"…) each get a legend entry, a shape and a count of their own, in order of
 * first appearance in the dataset, up to this many (the render's pool of shapes is as long); further kinds share "Other".
 */
export const CUSTOM_KIND_LIMIT = 6;
const isBuiltIn = (kind: string) => (EVENT_KINDS as readonly string[]).includes(kind);

/** The kinds that get their own entry: not built in, not "other", in order of first appearance, at most CUSTOM_KIND_LIMIT. */
export function customKindsOf(kinds: Iterable<string>): string[] {
  const out: string[] = [];
  for (const k of kinds) if (!isBuiltIn(k) && k !== "other" && !out.includes(k) && out.length < CUSTOM_KIND_LIMIT) out.push(k);
  return out;
}

/** Label priority when space is short: the contacts a meeting timeline is about come first. */
const PRIORITY = ["summit", "treaty", "call", "meeting", "visit", "deployment", "statement"];
const rankOfKind = (kind: string) => {
  const i = (EVENT_KINDS as readonly string[]).indexOf(kind);
  return i < 0 ? EVENT_KINDS.length : i;
};

/** The printed date: the desk's wording, placed in its year when it names none ("last year (2024)"); else the span. */
function dateTextOf(r: ResolvedEvent, w: Words): string {
  const e = r.record;
  const exact = w.date(r.span) + (r.endSpan ? ` – ${w.date(r.endSpan)}` : "");
  if (!e.dateLabel) return exact;
  if (/\d{4}/.test(e.dateLabel)) return e.dateLabel;
  // "Tuesday (12 August)" names its day: the year completes it. "last year", "late March" name none: the date does.
  const year = w.fmt.year(r.span.start);
  const month = w.fmt.month(r.span.start).replace(/\s*\d{4}.*$/u, "").replace(/^.*\d{4}\S*\s*/u, "");
  const named = /\d/.test(e.dateLabel) || (r.span.precision === "month" && !!month && e.dateLabel.toLowerCase().includes(month.toLowerCase()));
  return named ? w.t("date.labelYear", { label: e.dateLabel, year }) : w.t("date.withYear", { label: e.dateLabel, date: r.span.precision === "year" ? year : exact });
}

const kindWord = (kind: string, w: Words) => ((EVENT_KINDS as readonly string[]).includes(kind) ? w.t(`kind.${kind}` as MessageKey) : kind.charAt(0).toUpperCase() + kind.slice(1));

/** Zoom choices: the whole timeline, each highlighted period, and each calendar year that holds events (two to twelve years). */
export function zoomChoices(options: TimelineLayoutOptions, starts: number[], extent: [number, number], w: Words): ZoomChoice[] {
  const cur = options.domain ? options.domain.join("/") : "";
  const out: ZoomChoice[] = [];
  const add = (label: string, domain: [string, string] | null) => {
    const key = domain ? domain.join("/") : "";
    if (!out.some((c) => (c.domain ? c.domain.join("/") : "") === key)) out.push({ label, domain, current: key === cur });
  };
  if (!Number.isFinite(extent[0]) || !Number.isFinite(extent[1])) return [];
  const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  for (const p of options.periods ?? []) {
    const end = p.end && p.end !== ".." ? p.end : isoDay(Math.max(extent[1] - 1, parseDate(p.start).end));
    if (p.label) add(p.label, [p.start, end]);
  }
  // Only years that hold an event: a year button must never open an empty view.
  const years = [...new Set(starts.map((ms) => new Date(ms).getUTCFullYear()))].sort((a, b) => a - b);
  if (years.length > 1 && years.length <= 12) for (const y of years) add(w.fmt.year(Date.UTC(y, 6, 1)), [String(y), String(y)]);
  if (!out.length && !cur) return [];
  return [{ label: w.t("zoom.all"), domain: null, current: !cur }, ...out];
}

export function prepareTimeline(data: ResolvedDataset, options: ResolvedTimelineOptions): PreparedTimeline {
  const w = wordsFor(options.locale, options.messages);
  const events = data.events;

  // 1. Domain, visible events in time order.
  const asOfText = options.asOf === false ? undefined : (options.asOf ?? data.dataset.asOf);
  const asOfSpan = asOfText ? parseDate(asOfText) : undefined;
  const { extent, domain, periodOptions } = timelineDomain(data, options, asOfSpan);
  const visible = events.filter((r) => r.end > domain[0] && r.start < domain[1]).sort((a, b) => a.start - b.start || a.end - b.end);

  // 2. Each event's words and date style.
  const { entries, linkList, footnotes } = prepareEntries(visible, domain, options, w);
  const byId = new Map(entries.map((m, k) => [m.id, { m, links: linkList[k]! }]));

  // 3. Lanes: one per actor, per kind, or one; computed per mode on demand (a narrow vertical layout falls back to one lane).
  const laneCache = new Map<LaneMode, LaneAssignment>();
  const lanes = (mode: LaneMode): LaneAssignment => {
    const known = laneCache.get(mode);
    if (known) return known;
    const out = assignLanes(mode, visible, data, w);
    laneCache.set(mode, out);
    return out;
  };

  // 4. Periods, as-of, zoom.
  const periods = periodsIn(periodOptions, domain);
  const asOfMs = asOfSpan && asOfSpan.start >= domain[0] && asOfSpan.start <= domain[1] ? asOfSpan.start + (asOfSpan.precision === "day" ? DAY / 2 : 0) : undefined;
  const asOfWords = asOfSpan ? w.t("date.asOfCap", { date: w.date(asOfSpan) }) : "";

  // 5. Summary, chrome, legend, table, cards.
  const hidden = events.length - entries.length;
  // Kinds the dataset names itself, in order of first appearance in the whole dataset (a zoom keeps each one's shape).
  const customKinds = customKindsOf(events.map((r) => r.record.kind));
  const kindOrder = (k: string) => (isBuiltIn(k) ? rankOfKind(k) : k === "other" ? 99 : EVENT_KINDS.length + customKinds.indexOf(k));
  const summary = summarize(entries, hidden, w, customKinds, kindOrder);
  const cited: ResolvedCitation[] = visible.flatMap((r) => r.citations);
  const chrome = prepareChrome(w, options, { title: w.t("chart.timeline"), ...(data.dataset.title ? { datasetTitle: data.dataset.title } : {}) }, cited, summary);
  const table = timelineTable(entries, byId, footnotes, chrome, w);
  const cards = new Map<string, DetailSpec>();
  const detail = (id: string): DetailSpec | undefined => {
    let d = cards.get(id);
    const hit = byId.get(id);
    if (!d && hit) cards.set(id, (d = detailOf(hit.m, hit.links, w)));
    return d;
  };
  const legend = timelineLegend(entries, customKinds, kindOrder, footnotes, w);

  return {
    words: w,
    domain,
    extent,
    entries,
    hidden,
    periods,
    ...(asOfMs !== undefined ? { asOfMs } : {}),
    asOfWords,
    lanes,
    // The explicit domain only: "Whole timeline" is the chart as it opens (the dataset's range, when it gives one).
    zoom: zoomChoices(
      { ...options, periods: periodOptions },
      events.map((r) => r.start),
      extent,
      w,
    ),
    chrome,
    table,
    legend,
    customKinds,
    footnotes,
    detail,
    more: (n) => w.t("tl.more", { n }),
  };
}

/** The events' extent, the domain drawn (the option's, the dataset's, or the extent with air), and the periods asked for. */
function timelineDomain(data: ResolvedDataset, options: ResolvedTimelineOptions, asOfSpan: DateSpan | undefined): { extent: [number, number]; domain: [number, number]; periodOptions: TimelinePeriodOption[] } {
  let d0 = Infinity;
  let d1 = -Infinity;
  for (const r of data.events) {
    if (r.start < d0) d0 = r.start;
    if (r.end > d1) d1 = r.end;
  }
  const extent: [number, number] = [d0, d1];
  // The dataset's own range and periods (Dataset.domain, .periods: validated text) stand in when the options give none.
  const ds = data.dataset;
  const domainOption = options.domain ?? (ds.domain ? parseDomainText(ds.domain) : undefined);
  const periodOptions = options.periods ?? (ds.periods ?? []).flatMap((t) => parsePeriodsText(t));
  let domain: [number, number];
  if (domainOption) domain = [parseDate(domainOption[0]).start, parseDate(domainOption[1]).end];
  else {
    if (asOfSpan && asOfSpan.end > d1 && asOfSpan.start - d1 < (d1 - d0) / 2) d1 = asOfSpan.end;
    if (!Number.isFinite(d0)) (d0 = asOfSpan?.start ?? 0), (d1 = d0 + DAY);
    if (d1 - d0 < 14 * DAY) (d0 -= (14 * DAY - (d1 - d0)) / 2), (d1 = d0 + 14 * DAY);
    // A little air at both ends, to the day; not nice(), which can add a year of empty axis.
    const pad = Math.ceil(((d1 - d0) * 0.02) / DAY) * DAY;
    domain = [d0 - pad, d1 + pad];
  }
  return { extent, domain, periodOptions };
}

/** The visible events' entries, each one's citations in words (same order), and the numbered notes. */
function prepareEntries(visible: ResolvedEvent[], domain: [number, number], options: ResolvedTimelineOptions, w: Words): { entries: TimelineEntry[]; linkList: Array<DetailSpec["links"]>; footnotes: Footnote[] } {
  const highlight = new Set(options.highlight ?? []);
  const footnotes: Footnote[] = [];
  // Each event's citations in words, built once: its name, its table row and its card read them.
  const linkList: Array<DetailSpec["links"]> = [];
  const entries: TimelineEntry[] = [];
  for (const r of visible) {
    const links = citationLinks(r.citations, w);
    linkList.push(links);
    entries.push(entryOf(r, links, domain, options.annotations, highlight, footnotes, w));
  }
  return { entries, linkList, footnotes };
}

/** How the event's span starts and ends: open where the domain cuts it, else as its dates say. */
function endsOf(r: ResolvedEvent, domain: [number, number]): [EndStyle, EndStyle] {
  const iv = r.span.interval;
  const endIv = r.endSpan?.interval;
  const startQ = iv?.from ?? r.span;
  const endQ = r.endSpan ? (endIv?.to ?? r.endSpan) : (iv?.to ?? r.span);
  const startEnd: EndStyle = iv?.startOpen || r.start < domain[0] ? "open" : iv?.startUnknown ? "unknown" : startQ.approximate ? "soft" : "closed";
  const endOpen = (r.endSpan ? endIv?.endOpen : iv?.endOpen) || r.end > domain[1];
  const endEnd: EndStyle = endOpen ? "open" : (r.endSpan ? endIv?.endUnknown : iv?.endUnknown) ? "unknown" : endQ.approximate ? "soft" : "closed";
  return [startEnd, endEnd];
}

/** One event's entry: its printed date, date style, rank and name; adds its note to `footnotes`. */
function entryOf(r: ResolvedEvent, links: DetailSpec["links"], domain: [number, number], annotations: Record<string, string>, highlight: Set<string>, footnotes: Footnote[], w: Words): TimelineEntry {
  const e = r.record;
  const note = Object.hasOwn(annotations, e.id) ? annotations[e.id] : undefined;
  const status = e.status ?? "happened";
  const dateText = dateTextOf(r, w);
  const statusWord = status !== "happened" ? w.t(`status.${status}` as MessageKey) : "";
  const participants = r.participants.map((p) => p.name);
  const span = r.end === r.span.end ? r.span : { ...r.span, end: r.end };
  const ends = endsOf(r, domain);
  const isBand = span.end - span.start > DAY || ends.includes("open") || ends.includes("unknown");
  const forced = highlight.has(e.id);
  const importance = typeof e.importance === "number" && Number.isFinite(e.importance) ? e.importance : 0;
  // The event's note and what its sources dispute: said in its name, numbered in time order under the chart.
  const noted = noteText(links, e.note, w);
  const disputes = links.map((l) => l.disputes).filter((d): d is string => !!d);
  // Numbered in time order under the chart; the name says what the sources dispute and points to the note
  // (read in full in the card and the notes list, not on every arrow press).
  const fn = addFootnote(footnotes, e.id, e.title, noted, w);
  const entry: TimelineEntry = {
    id: e.id,
    event: e,
    span,
    dateText,
    dateLine: statusWord ? `${dateText} · ${statusWord}` : dateText,
    kind: e.kind,
    status,
    participants,
    ends,
    approximate: r.span.approximate || !!r.endSpan?.approximate,
    uncertain: r.span.uncertain || !!r.endSpan?.uncertain,
    isBand,
    // Highlighted, then annotated, then by importance, then the kinds a meeting timeline is about.
    rank: (forced ? 1e6 : 0) + (note ? 1e5 : 0) + importance * 100 - (PRIORITY.indexOf(e.kind) + 1 || PRIORITY.length + 1) / 1e3,
    forced,
    name: sentence([
      // Title, date and status in the order the label draws them (a voice user says what they see).
      `${e.title}, ${dateText}` + (statusWord ? `, ${statusWord}` : ""),
      kindWord(e.kind, w),
      participants.length ? w.list(participants) : "",
      e.place,
      note ? w.t("tl.noteLine", { note }) : "",
      disputes.length ? w.t("cite.differWhat", { what: disputes.join("; ") }) : "",
      fn && w.t("fn.ref", { n: w.fmt.number(fn.n) }),
    ]),
    row: `${e.title} · ${dateText}`,
  };
  if (note) {
    entry.note = note;
    entry.noteLine = w.t("tl.noteLine", { note });
  }
  // The note's marker at the end of the date line.
  // A word joiner, not a space: the marker stays on the date's last line, as a footnote's number does.
  if (fn) (entry.marker = fn.marker), (entry.dateLine += `\u2060${fn.marker}`);
  return entry;
}

/** The highlighted periods, clipped to the domain; those wholly outside it are dropped. */
function periodsIn(periodOptions: TimelinePeriodOption[], domain: [number, number]): PreparedTimeline["periods"] {
  return periodOptions
    .map((p) => {
      const s = parseDate(p.start);
      const e = p.end && p.end !== ".." ? parseDate(p.end).end : Infinity;
      return { text: p.label, from: Math.max(s.start, domain[0]), to: Math.min(e, domain[1]) };
    })
    .filter((p) => p.to > p.from);
}

/** The table of events: one row each, with a notes column when any event has a note. */
function timelineTable(entries: TimelineEntry[], byId: Map<string, { m: TimelineEntry; links: DetailSpec["links"] }>, footnotes: Footnote[], chrome: Chrome, w: Words): TableSpec {
  const noteOf = new Map(footnotes.map((f) => [f.id, f.text]));
  const notes = entries.some((m) => m.note || noteOf.has(m.id));
  return {
    caption: w.t("tl.caption", { title: chrome.headline }),
    show: w.t("table.show", { n: entries.length }),
    columns: [w.t("tl.col.event"), w.t("tl.col.date"), w.t("tl.col.kind"), w.t("tl.col.who"), w.t("tl.col.place"), w.t("tl.col.status"), w.t("tl.col.sources"), ...(notes ? [w.t("tl.col.notes")] : [])],
    rows: entries.map((m) => {
      const links = byId.get(m.id)!.links;
      return {
        id: m.id,
        cells: [
          m.event.title,
          m.dateText,
          kindWord(m.kind, w),
          w.list(m.participants),
          m.event.place ?? "",
          w.t(`status.${m.status}` as MessageKey),
          links.map((l) => l.text + (l.quote ? `: ${l.quote}` : "")).join("; "),
          ...(notes ? [sentence([m.note, noteOf.get(m.id)])] : []),
        ],
      };
    }),
  };
}

/** The legend: the kinds shown, the statuses other than "happened", the date styles in use, the notes. */
function timelineLegend(entries: TimelineEntry[], customKinds: string[], kindOrder: (k: string) => number, footnotes: Footnote[], w: Words): PreparedTimeline["legend"] {
  const legend: PreparedTimeline["legend"] = [];
  // Built-in kinds in their order, then the dataset's own kinds (each its own shape and name), then "Other" for the rest.
  const groupOf = (k: string) => (isBuiltIn(k) || customKinds.includes(k) ? k : "other");
  const kinds = [...new Set(entries.map((m) => groupOf(m.kind)))].sort((a, b) => kindOrder(a) - kindOrder(b));
  for (const k of kinds) {
    const custom = customKinds.indexOf(k);
    legend.push(custom >= 0 ? { key: `kind:custom-${custom}`, label: cap(k) } : { key: `kind:${k}`, label: w.t(`kind.${k}` as MessageKey) });
  }
  for (const s of ["scheduled", "postponed", "cancelled"] as const) if (entries.some((m) => m.status === s)) legend.push({ key: `status:${s}`, label: cap(w.t(`status.${s}`)) });
  if (entries.some((m) => m.isBand)) legend.push({ key: "band", label: w.t("tl.legend.band") });
  if (entries.some((m) => m.approximate)) legend.push({ key: "approx", label: w.t("tl.legend.approx") });
  if (entries.some((m) => m.uncertain)) legend.push({ key: "uncertain", label: w.t("tl.legend.uncertain") });
  if (entries.some((m) => m.ends.includes("unknown"))) legend.push({ key: "unknown", label: w.t("tl.legend.unknownEnd") });
  if (entries.some((m) => m.ends.includes("open"))) legend.push({ key: "open", label: w.t("tl.legend.open") });
  legend.push(...footnoteLegend(footnotes, w));
  return legend;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function assignLanes(mode: LaneMode, visible: ResolvedEvent[], data: ResolvedDataset, w: Words): LaneAssignment {
  const laneKeys: string[] = [];
  const laneNames: string[] = [];
  const eventLanes: number[][] = [];
  const laneOf = new Map<string, number>();
  const addLane = (key: string, name: string) => laneOf.get(key) ?? (laneOf.set(key, laneKeys.length), laneKeys.push(key), laneNames.push(name), laneKeys.length - 1);
  if (mode === "participants") {
    const order = new Map(data.dataset.actors.map((a, k) => [a.id, k]));
    const used = new Set(visible.flatMap((r) => r.participants.filter((p) => p.actor).map((p) => p.id)));
    [...used].sort((a, b) => order.get(a)! - order.get(b)!).forEach((id) => addLane(id, data.actors.get(id)!.name));
    for (const r of visible) {
      const ls = [...new Set(r.participants.map((p) => laneOf.get(p.id)).filter((l): l is number => l !== undefined))].sort((a, b) => a - b);
      eventLanes.push(ls.length ? ls : [addLane("", w.t("tl.others"))]);
    }
  } else if (mode === "kind") {
    const kinds = [...new Set(visible.map((r) => r.record.kind))].sort((a, b) => rankOfKind(a) - rankOfKind(b));
    kinds.forEach((k) => addLane(k, (EVENT_KINDS as readonly string[]).includes(k) ? w.t(`lane.${k}` as MessageKey) : cap(k)));
    for (const r of visible) eventLanes.push([laneOf.get(r.record.kind)!]);
  } else {
    addLane("", "");
    for (let k = 0; k < visible.length; k++) eventLanes.push([0]);
  }
  return { laneKeys, laneNames, eventLanes };
}

/** "24 events from February 2022 to October 2025: 3 calls, 9 meetings…; 1 scheduled." */
function summarize(entries: TimelineEntry[], hidden: number, w: Words, customKinds: readonly string[], kindOrder: (k: string) => number): string {
  if (!entries.length) return w.t("tl.events", { n: 0 });
  const kinds = new Map<string, number>();
  const statuses = new Map<string, number>();
  let first = Infinity;
  let last = -Infinity;
  for (const m of entries) {
    const k = isBuiltIn(m.kind) || customKinds.includes(m.kind) ? m.kind : "other";
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
    if (m.status !== "happened") statuses.set(m.status, (statuses.get(m.status) ?? 0) + 1);
    if (m.span.start < first) first = m.span.start;
    if (m.span.end > last) last = m.span.end;
  }
  // A kind the dataset names itself is counted by its own name ("1 talks event"), not as "other".
  const parts = [...kinds].sort((a, b) => kindOrder(a[0]) - kindOrder(b[0])).map(([k, n]) => (customKinds.includes(k) ? w.t("kinds.named", { n, kind: k }) : w.t(`kinds.${k}` as MessageKey, { n })));
  const a = w.fmt.month(first);
  const b = w.fmt.month(last - DAY);
  const when = a === b ? w.t("tl.in", { month: a }) : w.t("tl.fromTo", { from: a, to: b });
  const total = entries.length + hidden;
  const shown = hidden ? w.t("tl.shownOf", { shown: w.fmt.number(entries.length), n: total }) : w.t("tl.events", { n: total });
  const st = [...statuses].map(([s, n]) => w.t(`statuses.${s}` as MessageKey, { n }));
  return st.length ? w.t("tl.summaryStatus", { shown, when, kinds: w.list(parts), statuses: w.list(st) }) : w.t("tl.summary", { shown, when, kinds: w.list(parts) });
}

function detailOf(m: TimelineEntry, links: DetailSpec["links"], w: Words): DetailSpec {
  const e = m.event;
  return {
    heading: e.title,
    lines: [
      { label: w.t("tl.card.date"), text: m.dateText },
      { label: w.t("tl.card.kind"), text: kindWord(e.kind, w) + (m.status !== "happened" ? ` (${w.t(`status.${m.status}` as MessageKey)})` : "") },
      ...(m.participants.length ? [{ label: w.t("tl.card.who"), text: w.list(m.participants) }] : []),
      ...(e.place ? [{ label: w.t("tl.card.where"), text: e.place }] : []),
      ...(e.summary ? [{ label: w.t("tl.card.what"), text: e.summary }] : []),
      ...(m.note ? [{ label: w.t("tl.card.editorNote"), text: m.note }] : []),
      ...(e.note ? [{ label: w.t("tl.card.note"), text: e.note }] : []),
    ],
    // Every citation carries its own quote, in the list of sources.
    links,
  };
}
