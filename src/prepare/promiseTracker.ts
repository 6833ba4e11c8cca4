/**
 * The promise tracker's words and order, width-independent: statuses as of
 * the day, rows sorted and grouped, every row's label words, accessible
 * name, table row and detail card, the legend, the summary and the chrome.
 * Built once per dataset and options; a resize only lays out again.
 */
import { DAY, type DateSpan } from "../model/dates.js";
import { formatDuration, type Duration } from "../model/durations.js";
import type { ResolvedCommon } from "../model/options.js";
import type { ResolvedCitation, ResolvedDataset, ResolvedPromise } from "../model/resolve.js";
import { DERIVED_STATUSES, summarizeStatuses, windowEnd, type PromiseStatus } from "../model/status.js";
import type { PromiseRecord } from "../model/types.js";
import { prepareChrome, type Chrome } from "./chrome.js";
import { addFootnote, citationLinks, footnoteLegend, noteText, sentence, type Footnote } from "./citations.js";
import { wordsFor, type MessageKey, type Words } from "./messages.js";
import type { DetailSpec, TableSpec } from "../render/view.js";

export type TrackerStatus = PromiseStatus["status"];
export const STATUS_ORDER: readonly TrackerStatus[] = DERIVED_STATUSES;

export interface ResolvedPromiseTrackerOptions extends ResolvedCommon {
  /** EDTF day; else dataset.asOf, else today. */
  asOf?: string;
  sort: "said" | "overdue" | "status";
  group: "none" | "speaker" | "topic";
  compact: "auto" | boolean;
  highlight: string[];
  /** The time axis's range in ms: from the start's earliest day to the end's last moment. */
  domain?: [number, number];
}

/** A status with the fields the model may add (a range of days, "at least" as of a check date). */
type Status = PromiseStatus;

export interface TrackerEntry {
  p: PromiseRecord;
  r: ResolvedPromise;
  s: Status;
  /** Said after the as-of day: drawn faint, in no status count. */
  future: boolean;
  /** "said 23 Apr", "due 7–14 May", "overdue by 94 days", "restates Tariffs of 23 Apr". */
  words: { said: string; due: string; status: string; restates?: string };
  /** "+94 d" beside the bar. */
  note: string;
  /** The marker of the promise's numbered note ("1"; "≠1" where a source disputes it), drawn after the topic. */
  marker?: string;
  /** The row's name for assistive tech: the same at every width. */
  name: string;
  table: TableSpec["rows"][number];
  detail: DetailSpec;
}

export interface PreparedTracker {
  words: Words;
  asOf: number;
  asOfYear: number;
  asOfText: string;
  entries: TrackerEntry[];
  /** Rows by group heading ("" when not grouped), in order. */
  groups: Map<string, TrackerEntry[]>;
  chrome: Chrome;
  table: TableSpec;
  legend: Array<{ key: "said" | "window" | "fuzzy" | "fn:note" | "fn:differ" | TrackerStatus; label: string }>;
  /** Numbered notes (the promise's note, what its sources dispute) in row order, listed under the chart. */
  footnotes: Footnote[];
  /** Whether any row restates another that is drawn. */
  hasLinks: boolean;
  /** Whether any row ends at the as-of line (overdue or open). */
  hasAsOfMark: boolean;
}

const rangeCache = new Map<string, Intl.DateTimeFormat>();
/** "7–14 May" / "May 7 – 14" / "28 Apr–5 May 2025", in the reader's locale. */
export function dayRangeText(a: number, b: number, tag: string, withYear: boolean): string {
  const key = `${tag}|${withYear}`;
  let f = rangeCache.get(key);
  if (!f) rangeCache.set(key, (f = new Intl.DateTimeFormat(tag, { timeZone: "UTC", day: "numeric", month: "short", ...(withYear ? { year: "numeric" } : {}) })));
  // ICU writes "7 – 14 May" with thin spaces; between two bare numbers the dash alone reads better ("7–14 May").
  return a === b ? f.format(a) : f.formatRange(a, b).replace(/(\d)\s–\s(\d)/gu, "$1–$2");
}


/** Day-precision spans print as days (with the year when it is not the as-of year); coarser ones never as a day. */
function spanText(span: DateSpan, w: Words, asOfYear: number): string {
  if (span.precision !== "day" || span.end - span.start > DAY || span.approximate || span.uncertain) return w.date(span);
  return new Date(span.start).getUTCFullYear() === asOfYear ? w.fmt.dayShort(span.start) : w.fmt.day(span.start);
}

/** The status in words: "overdue by 94 days", "overdue by 33–44 days", "late by 56 days", "partly kept, 70 days after the window". */
export function statusWords(s: Status, w: Words): string {
  const days = (n: number | undefined, max: number | undefined, one: MessageKey, range: MessageKey) =>
    max !== undefined && n !== undefined && max > n ? w.t(range, { from: n, to: max }) : w.t(one, { n: n! });
  switch (s.status as string) {
    case "kept": {
      const after = s.outcomeDate ? Math.round((s.outcomeDate.start - s.said.start) / DAY) : undefined;
      return after === undefined ? w.t("pt.kept") : after <= 0 ? w.t("pt.keptSameDay") : w.t("pt.keptAfter", { n: after });
    }
    case "partial":
      return s.daysLate ? w.t("pt.partialAfter", { n: s.daysLate }) : w.t("pt.partial");
    case "late":
      if (s.daysLate === undefined) return w.t("pt.late");
      // An approximate outcome date ("11 weeks later") gives an approximate count.
      if (s.outcomeDate?.approximate || s.outcomeDate?.uncertain) return w.t("pt.lateByAbout", { n: s.daysLate });
      return days(s.daysLate, s.daysLateMax, "pt.lateBy", "pt.lateByRange");
    case "broken":
      return w.t("pt.broken");
    case "unknown":
      // Past due, but the sources were last checked before it fell due: silence is not "overdue".
      return s.checked !== undefined ? w.t("pt.unknownSince", { date: w.fmt.day(s.checked) }) : w.t("pt.unknown");
    case "overdue":
      if (s.daysOverdue === undefined) return w.t("pt.overdue");
      if (s.atLeast && s.checked !== undefined) return w.t("pt.overdueAtLeast", { n: s.daysOverdue, date: w.fmt.day(s.checked) });
      return days(s.daysOverdue, s.daysOverdueMax, "pt.overdueBy", "pt.overdueByRange");
    default:
      return s.daysLeft === undefined ? w.t("pt.open") : s.daysLeft === 0 ? w.t("pt.dueToday") : w.t("pt.daysLeft", { n: s.daysLeft });
  }
}

/** "14–21 days", "within 14 days", "1 month to 2 months". */
function windowWords(p: PromiseRecord, w: Words): string {
  if (!p.window) return "";
  const min = windowEnd(p.window.min, "min");
  const max = windowEnd(p.window.max, "max");
  const days = (d: Duration) => (d.years || d.months ? undefined : d.weeks * 7 + d.days);
  const a = days(min);
  const b = days(max);
  if (a !== undefined && b !== undefined) {
    if (a === b) return w.t("pt.window.days", { n: b });
    return a === 0 ? w.t("pt.window.within", { n: b }) : w.t("pt.window.range", { from: a, to: b });
  }
  const fa = formatDuration(min, w.locale);
  const fb = formatDuration(max, w.locale);
  return fa === fb ? fb : w.t("pt.window.to", { from: fa, to: fb });
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * "14 promises by Donald Trump · 2 late · 12 overdue · median 78 days overdue · as of 16 Aug 2025".
 * `later` counts promises said after the as-of day: drawn, but not yet made then, so in no status count.
 */
export function summarizeTracker(statuses: PromiseStatus[], w: Words, asOfText: string, speaker?: string, later = 0): string {
  const sum = summarizeStatuses(statuses);
  const total = sum.total + later;
  const parts = [speaker ? w.t("pt.promisesBy", { n: total, speaker }) : w.t("pt.promises", { n: total })];
  const counts = sum.counts as Record<string, number>;
  for (const st of STATUS_ORDER) if (counts[st]) parts.push(w.t(`pt.count.${st}` as MessageKey, { n: counts[st]! }));
  if (later) parts.push(w.t("pt.count.notYet", { n: later }));
  // A median of one is just that promise's count, already in its row.
  const several = (k: "overdue" | "late") => (counts[k] ?? 0) > 1;
  // Whole days: a median of an even count can fall on a half day, and "at least" rounds down.
  if (sum.medianDaysOverdue !== undefined && several("overdue"))
    parts.push(w.t(sum.medianDaysOverdueAtLeast ? "pt.medianOverdueAtLeast" : "pt.medianOverdue", { n: Math.floor(sum.medianDaysOverdue) }));
  if (sum.medianDaysLate !== undefined && several("late")) parts.push(w.t("pt.medianLate", { n: Math.floor(sum.medianDaysLate) }));
  parts.push(w.t("date.asOf", { date: asOfText }));
  return parts.join(" · ");
}

/** Everything the tracker says, once per dataset and options. */
export function preparePromiseTracker(data: ResolvedDataset, options: ResolvedPromiseTrackerOptions): PreparedTracker {
  const w = wordsFor(options.locale, options.messages);

  // 1. As-of and statuses (derived once per day in the resolved dataset).
  const { asOf, list } = data.statuses(options.asOf);
  const asOfYear = new Date(asOf).getUTCFullYear();
  const asOfText = w.fmt.day(asOf);
  const statusOf = new Map(data.promises.map((r, k) => [r.record.id, list[k] as Status]));
  const entries: TrackerEntry[] = data.promises.map((r, k) => {
    const s = list[k] as Status;
    return { p: r.record, r, s, future: s.said.start > asOf } as TrackerEntry;
  });

  // 2. Sort (date said, then id, breaks every tie), then group.
  sortEntries(entries, options.sort);
  const groups = groupEntries(entries, options.group);

  // 3. Each row's words, name, table row and card.
  const columns = [w.t("pt.col.promise"), w.t("pt.col.said"), w.t("pt.col.due"), w.t("pt.col.status"), w.t("pt.col.outcome"), w.t("pt.col.sources")];
  const row: RowContext = { statusOf, asOfYear, asOfText, cited: [], footnotes: [], w };
  for (const e of entries) wordRow(e, row);
  const { cited, footnotes } = row;
  // A Notes column, as the timeline has, when some row has a note or a source that disputes it (what it disputes is said there).
  if (footnotes.length) {
    columns.push(w.t("pt.col.notes"));
    const noteOf = new Map(footnotes.map((f) => [f.id, f.text]));
    for (const e of entries) e.table.cells.push(noteOf.get(e.p.id) ?? "");
  }

  const speakers = new Set(entries.map((e) => e.r.speaker));
  const summary = summarizeTracker(
    entries.filter((e) => !e.future).map((e) => e.s),
    w,
    asOfText,
    speakers.size === 1 ? [...speakers][0] : undefined,
    entries.filter((e) => e.future).length,
  );
  const legend = trackerLegend(entries, footnotes, w);
  const ids = new Set(entries.map((e) => e.p.id));
  const chrome = prepareChrome(w, options, { title: w.t("chart.promises"), ...(data.dataset.title ? { datasetTitle: data.dataset.title } : {}) }, cited, summary);
  return {
    words: w,
    asOf,
    asOfYear,
    asOfText,
    entries,
    groups,
    chrome,
    legend,
    footnotes,
    table: { caption: w.t("pt.caption", { date: asOfText }), show: w.t("table.show", { n: entries.length }), columns, rows: entries.map((e) => e.table) },
    hasLinks: entries.some((e) => !!e.p.supersedes && ids.has(e.p.supersedes)),
    hasAsOfMark: entries.some((e) => !e.future && (e.s.status === "overdue" || e.s.status === "open" || e.s.status === "unknown")),
  };
}

/** Sorts in place: by date said (then id, which breaks every tie), or lateness or status first. */
function sortEntries(entries: TrackerEntry[], sort: ResolvedPromiseTrackerOptions["sort"]): void {
  const bySaid = (a: TrackerEntry, b: TrackerEntry) => a.s.said.start - b.s.said.start || a.s.said.end - b.s.said.end || (a.p.id < b.p.id ? -1 : 1);
  // "overdue": the overdue first, most days first, then the late the same way, then the rest by date said.
  const lateness = (e: TrackerEntry) => (e.s.daysOverdue !== undefined ? 2e6 + e.s.daysOverdue : e.s.daysLate !== undefined ? 1e6 + e.s.daysLate : 0);
  entries.sort(
    sort === "overdue"
      ? (a, b) => lateness(b) - lateness(a) || bySaid(a, b)
      : sort === "status"
        ? (a, b) => (a.future ? 9 : STATUS_ORDER.indexOf(a.s.status)) - (b.future ? 9 : STATUS_ORDER.indexOf(b.s.status)) || bySaid(a, b)
        : bySaid,
  );
}

/** Rows by group heading (speaker, topic, or "" for one group), in row order. */
function groupEntries(entries: TrackerEntry[], group: ResolvedPromiseTrackerOptions["group"]): Map<string, TrackerEntry[]> {
  const groups = new Map<string, TrackerEntry[]>();
  for (const e of entries) {
    const key = group === "speaker" ? e.r.speaker : group === "topic" ? e.p.topic : "";
    const g = groups.get(key);
    if (g) g.push(e);
    else groups.set(key, [e]);
  }
  return groups;
}

/** What every row's words read, and what they collect: the citations and the numbered notes in row order. */
interface RowContext {
  statusOf: Map<string, Status>;
  asOfYear: number;
  asOfText: string;
  cited: ResolvedCitation[];
  footnotes: Footnote[];
  w: Words;
}

/** A deadline ("by 11 September") is worded as the day or month the speaker named, never as a range from the day said. */
function deadlineText(deadline: DateSpan | undefined, dueBy: number, withYear: boolean, w: Words): string {
  return deadline && (deadline.precision !== "day" || deadline.interval || deadline.approximate || deadline.uncertain || deadline.end - deadline.start > DAY)
    ? w.date(deadline)
    : withYear
      ? w.fmt.day(dueBy)
      : w.fmt.dayShort(dueBy);
}

/** One row's words, note, name, card and table row. */
function wordRow(e: TrackerEntry, { statusOf, asOfYear, asOfText, cited, footnotes, w }: RowContext): void {
  const s = e.s;
  const sameYear = new Date(s.dueFrom).getUTCFullYear() === asOfYear && new Date(s.dueBy).getUTCFullYear() === asOfYear && new Date(s.said.start).getUTCFullYear() === asOfYear;
  const prev = e.r.supersedes;
  const prevSaid = prev ? statusOf.get(prev.id)?.said : undefined;
  const deadline = s.deadline;
  const dueText = deadline ? deadlineText(deadline, s.dueBy, !sameYear, w) : dayRangeText(s.dueFrom, s.dueBy, w.locale, !sameYear);
  e.words = {
    said: w.t("pt.said", { date: spanText(s.said, w, asOfYear) }),
    due: w.t(deadline ? "pt.dueBy" : "pt.due", { date: dueText }),
    status: e.future ? w.t("pt.notYet") : statusWords(s, w),
    ...(prev && prevSaid ? { restates: w.t("pt.restates", { topic: prev.topic, date: spanText(prevSaid, w, asOfYear) }) } : {}),
  };
  const n = s.status === "overdue" ? s.daysOverdue : s.status === "late" ? s.daysLate : undefined;
  e.note = n ? w.t(s.atLeast ? "pt.shortDaysAtLeast" : "pt.shortDays", { n }) : "";
  e.name = sentence([e.p.topic, cap(`${e.words.said}, ${e.words.due}`), cap(e.words.status), e.words.restates && cap(e.words.restates)]);
  const said = w.date(s.said);
  const window = windowWords(e.p, w);
  const due = deadline ? w.t("pt.dueBy", { date: deadlineText(deadline, s.dueBy, true, w) }) : dayRangeText(s.dueFrom, s.dueBy, w.locale, true);
  const outcome = e.p.outcome;
  const outcomeText = [s.outcomeDate ? w.date(s.outcomeDate) : "", outcome?.note ?? ""].filter(Boolean).join(": ");
  const cites = [...e.r.citations, ...e.r.outcomeCitations];
  cited.push(...cites);
  const links = citationLinks(cites, w);
  // The promise's note and what its sources dispute: numbered in row order, marked after the topic.
  const fn = addFootnote(footnotes, e.p.id, e.p.topic, noteText(links, e.p.note, w), w);
  if (fn) e.marker = fn.marker;
  e.detail = {
    heading: e.p.topic,
    lines: [
      { label: w.t("pt.card.status"), text: w.t("pt.card.statusAsOf", { status: cap(e.words.status), date: asOfText }) },
      { label: w.t("pt.card.said"), text: w.t("pt.card.saidBy", { date: said, speaker: e.r.speaker }) },
      ...(e.r.deliveredBy ? [{ label: w.t("pt.card.deliveredBy"), text: e.r.deliveredBy }] : []),
      ...(window ? [{ label: w.t("pt.card.window"), text: window }] : []),
      { label: w.t("pt.card.due"), text: due },
      ...(outcomeText ? [{ label: w.t("pt.card.outcome"), text: outcomeText }] : []),
      ...(prev ? [{ label: w.t("pt.card.restates"), text: prev.topic }] : []),
      ...(e.p.note ? [{ label: w.t("pt.card.note"), text: e.p.note }] : []),
    ],
    quote: w.t("card.quote", { quote: e.p.quote }),
    links,
  };
  e.table = {
    id: e.p.id,
    cells: [
      e.p.topic,
      e.r.deliveredBy ? w.t("pt.saidByDelivered", { date: said, speaker: e.r.speaker, deliverer: e.r.deliveredBy }) : w.t("pt.saidBy", { date: said, speaker: e.r.speaker }),
      window ? `${due} (${window})` : due,
      cap(e.words.status),
      outcomeText || "—",
      links.map((l) => l.text + (l.quote ? `: ${l.quote}` : "")).join("; "),
    ],
  };
}

/** The legend: said and window always, fuzzy dates and the statuses present, "unknown", the notes. */
function trackerLegend(entries: TrackerEntry[], footnotes: Footnote[], w: Words): PreparedTracker["legend"] {
  const present = new Set(entries.map((e) => e.s.status as string));
  const legend: PreparedTracker["legend"] = [
    { key: "said", label: w.t("pt.legend.said") },
    { key: "window", label: w.t("pt.legend.window") },
  ];
  if (entries.some((e) => e.s.said.end - e.s.said.start > DAY)) legend.push({ key: "fuzzy", label: w.t("pt.legend.fuzzy") });
  for (const st of STATUS_ORDER) if (present.has(st) && st !== "unknown") legend.push({ key: st, label: w.t(`pt.${st}` as MessageKey) });
  if (entries.some((e) => e.s.checked !== undefined && (e.s.atLeast || e.s.status === "unknown"))) legend.push({ key: "unknown", label: w.t("pt.legend.unknown") });
  legend.push(...footnoteLegend(footnotes, w));
  return legend;
}
