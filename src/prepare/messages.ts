/**
 * Every word a chart shows or speaks, in one place: the English catalogue is
 * built in; other languages register theirs (`registerMessages`, or the
 * on-demand modules under `claimline/locales/*`), and a `messages` option
 * overrides any string. Numbers, dates, plurals and lists are left to `Intl`.
 *
 * A message is a template (`"as of {date}"`) or, when it counts something, a
 * set of plural forms keyed by `Intl.PluralRules` categories
 * (`{ one: "{n} day", other: "{n} days" }`; Russian adds `few` and `many`).
 * Numbers passed as arguments are formatted in the reader's locale.
 *
 * Lookup for a key, in order: the `messages` option, the catalogue of the
 * locale's tag (`de-AT`), of its language (`de`), then English. A missing
 * key never shows as a blank or as its own name.
 */
import { resolveLocale, type LocaleFormat } from "../format/locale.js";
import { formatDateSpan, type DateSpan, type DateWords } from "../model/dates.js";

export type PluralForms = { other: string } & Partial<Record<"zero" | "one" | "two" | "few" | "many", string>>;
export type Message = string | PluralForms;

/** The English catalogue: the keys every catalogue may translate. */
export const en = {
  // The chart's frame
  "chart.timeline": "Timeline of events",
  "chart.figures": "Figures compared",
  "chart.figuresOf": "{subject}: figures compared",
  "chart.promises": "Promises and their deadlines",
  "chrome.source": "Source: {sources}",
  "chrome.sources": "Sources: {sources}",
  "chrome.note": "Note: {note}",
  "chrome.credit": "Graphic: {credit}",
  "chrome.others": { one: "{n} other", other: "{n} others" },
  "table.show": { one: "Show the data ({n} row)", other: "Show the data ({n} rows)" },
  "table.download": "Get the data (CSV)",
  "table.sort": "Sort by this column",
  "card.label": "Details",
  "card.close": "Close",
  "card.sources": "Sources",
  "card.quote": "“{quote}”",
  "cite.disputes": "{source} says {value}",
  "cite.differ": "Sources differ",
  "cite.differWhat": "Sources differ: {what}",
  "fn.heading": "Notes ({n})",
  "fn.item": "{title} — {text}",
  "fn.ref": "Note {n} under the chart",
  "fn.legendNote": "See the numbered note under the chart",
  "fn.legendDiffer": "Sources differ: see the note under the chart",
  "legend.label": "Key",
  "zoom.label": "Zoom to a period",
  "zoom.show": "Show:",
  "zoom.all": "Whole timeline",
  "keys.help": "Arrow keys: left and right move between marks, up goes to their group and down back into it, Home and End to the first and last. Enter opens a mark’s details, Escape closes them.",
  /** A group of marks when the keyboard reaches it (up from a mark): "Overdue, group 3 of 5, 12 promises". */
  "nav.group": "{name}, group {i} of {n}, {records}",
  "msg.loading": "Loading chart…",
  "msg.badOption": "This chart could not be drawn: an option is wrong.",
  "msg.badData": "This chart could not be drawn: the data has problems.",
  "msg.failed": "This chart could not be drawn.",
  "msg.more": "…and {n} more",
  // Dates
  "date.asOf": "as of {date}",
  "date.asOfCap": "As of {date}",
  "date.circa": "c. {date}",
  "date.from": "from {date}",
  "date.until": "until {date}",
  "date.range": "{from} – {to}",
  "date.withYear": "{label} ({date})",
  "date.labelYear": "{label}, {year}",
  // Timeline
  "tl.noEvents": "No events to show: the dataset has no events.",
  "tl.noneInDomain": { one: "The event falls outside {from} – {to}.", other: "None of the {n} events falls between {from} and {to}." },
  "tl.events": { one: "{n} event", other: "{n} events" },
  "tl.shownOf": { one: "{shown} of {n} event shown", other: "{shown} of {n} events shown" },
  "tl.in": "in {month}",
  "tl.fromTo": "from {from} to {to}",
  "tl.summary": "{shown} {when}: {kinds}.",
  "tl.summaryStatus": "{shown} {when}: {kinds}; {statuses}.",
  "tl.more": { one: "+{n} event", other: "+{n} events" },
  "tl.others": "Others",
  "tl.noLanes": "Too narrow for a lane per group: all events share one line here.",
  "tl.caption": "{title}: events in time order",
  "tl.col.event": "Event",
  "tl.col.date": "Date",
  "tl.col.kind": "Kind",
  "tl.col.who": "Participants",
  "tl.col.place": "Place",
  "tl.col.status": "Status",
  "tl.col.sources": "Sources",
  "tl.col.notes": "Notes",
  "tl.card.date": "Date",
  "tl.card.kind": "Kind",
  "tl.card.who": "Who",
  "tl.card.where": "Where",
  "tl.card.what": "What",
  "tl.card.editorNote": "Editor’s note",
  "tl.card.note": "Note",
  "tl.noteLine": "Note: {note}",
  "tl.legend.band": "Month, year or period",
  "tl.legend.approx": "Approximate date",
  "tl.legend.uncertain": "Uncertain date",
  "tl.legend.unknownEnd": "Start or end not reported",
  "tl.legend.open": "Continues",
  "tl.legend.cluster": "Grouped events: focus or tap to list",
  "tl.legend.clusterZoom": "Grouped events: tap to list them or to zoom in",
  "kind.call": "Call",
  "kind.meeting": "Meeting",
  "kind.visit": "Visit",
  "kind.summit": "Summit",
  "kind.treaty": "Treaty",
  "kind.deployment": "Deployment",
  "kind.statement": "Statement",
  "kind.other": "Other",
  "kinds.call": { one: "{n} call", other: "{n} calls" },
  "kinds.meeting": { one: "{n} meeting", other: "{n} meetings" },
  "kinds.visit": { one: "{n} visit", other: "{n} visits" },
  "kinds.summit": { one: "{n} summit", other: "{n} summits" },
  "kinds.treaty": { one: "{n} treaty", other: "{n} treaties" },
  "kinds.deployment": { one: "{n} deployment", other: "{n} deployments" },
  "kinds.statement": { one: "{n} statement", other: "{n} statements" },
  "kinds.other": { one: "{n} other event", other: "{n} other events" },
  /** A kind the dataset names itself, counted under its own name: "2 talks events". */
  "kinds.named": { one: "{n} {kind} event", other: "{n} {kind} events" },
  "lane.call": "Calls",
  "lane.meeting": "Meetings",
  "lane.visit": "Visits",
  "lane.summit": "Summits",
  "lane.treaty": "Treaties",
  "lane.deployment": "Deployments",
  "lane.statement": "Statements",
  "status.happened": "happened",
  "status.scheduled": "scheduled",
  "status.postponed": "postponed",
  "status.cancelled": "cancelled",
  "statuses.scheduled": "{n} scheduled",
  "statuses.postponed": "{n} postponed",
  "statuses.cancelled": "{n} cancelled",
  // Promise tracker
  "pt.none": "There are no promises in this dataset to track.",
  "pt.said": "said {date}",
  "pt.due": "due {date}",
  "pt.dueBy": "due by {date}",
  "pt.restates": "restates {topic} of {date}",
  "pt.notYet": "not yet made",
  "pt.kept": "kept",
  "pt.keptSameDay": "kept the same day",
  "pt.keptAfter": { one: "kept, {n} day after", other: "kept, {n} days after" },
  "pt.late": "late",
  "pt.lateBy": { one: "late by {n} day", other: "late by {n} days" },
  "pt.lateByAbout": { one: "late by about {n} day", other: "late by about {n} days" },
  "pt.lateByRange": "late by {from}–{to} days",
  "pt.broken": "broken",
  "pt.partial": "partly kept",
  "pt.partialAfter": { one: "partly kept, {n} day after the window", other: "partly kept, {n} days after the window" },
  "pt.overdue": "overdue",
  "pt.overdueBy": { one: "overdue by {n} day", other: "overdue by {n} days" },
  "pt.overdueByRange": "overdue by {from}–{to} days",
  "pt.overdueAtLeast": { one: "overdue by at least {n} day on {date}; no report since", other: "overdue by at least {n} days on {date}; no report since" },
  "pt.unknown": "not reported",
  "pt.unknownSince": "past due; no report since {date}",
  "pt.open": "open",
  "pt.dueToday": "open, due today",
  "pt.daysLeft": { one: "open, {n} day left", other: "open, {n} days left" },
  "pt.shortDays": "+{n} d",
  "pt.shortDaysAtLeast": "≥ {n} d",
  "pt.promises": { one: "{n} promise", other: "{n} promises" },
  "pt.promisesBy": { one: "{n} promise by {speaker}", other: "{n} promises by {speaker}" },
  "pt.count.kept": "{n} kept",
  "pt.count.late": "{n} late",
  "pt.count.broken": "{n} broken",
  "pt.count.partial": "{n} partly kept",
  "pt.count.overdue": "{n} overdue",
  "pt.count.open": "{n} open",
  "pt.count.unknown": "{n} past due with no report since",
  "pt.count.notYet": "{n} not yet made",
  "pt.medianOverdue": { one: "median {n} day overdue", other: "median {n} days overdue" },
  "pt.medianOverdueAtLeast": { one: "median at least {n} day overdue", other: "median at least {n} days overdue" },
  "pt.medianLate": { one: "median {n} day late", other: "median {n} days late" },
  "pt.window.days": { one: "{n} day", other: "{n} days" },
  "pt.window.within": { one: "within {n} day", other: "within {n} days" },
  "pt.window.range": "{from}–{to} days",
  "pt.window.to": "{from} to {to}",
  "pt.caption": "Promises and what happened, as of {date}",
  "pt.col.promise": "Promise",
  "pt.col.said": "Said",
  "pt.col.due": "Due",
  "pt.col.status": "Status",
  "pt.col.outcome": "Outcome",
  "pt.col.sources": "Sources",
  "pt.col.notes": "Notes",
  "pt.saidBy": "{date}, by {speaker}",
  "pt.saidByDelivered": "{date}, by {speaker} (delivered by {deliverer})",
  "pt.card.status": "Status",
  "pt.card.statusAsOf": "{status} (as of {date})",
  "pt.card.said": "Said",
  "pt.card.saidBy": "{date} by {speaker}",
  "pt.card.deliveredBy": "Delivered by",
  "pt.card.window": "Window",
  "pt.card.due": "Due",
  "pt.card.outcome": "Outcome",
  "pt.card.restates": "Restates",
  "pt.card.note": "Note",
  "pt.legend.said": "said",
  "pt.legend.window": "promised window",
  "pt.legend.fuzzy": "date said not exact",
  "pt.legend.unknown": "no report since the last check",
  // Figure comparison
  "fc.none": "No figures to compare: the dataset has no claims.",
  "fc.noSubject": "No claims about {subject}. Subjects in this dataset:",
  "fc.about": "about {v}",
  "fc.atLeast": "at least {v}",
  "fc.moreThan": "more than {v}",
  "fc.upTo": "up to {v}",
  "fc.fewerThan": "fewer than {v}",
  "fc.between": "between {lo} and {hi}",
  "fc.betweenLikely": "between {lo} and {hi}, most likely {v}",
  "fc.anyValue": "any value",
  "fc.atMost": "at most {v}",
  "fc.lessThan": "less than {v}",
  "fc.fromTo": "from {lo} to {hi}",
  "fc.says": "{who} says {what}",
  "fc.conflict": "⚠ Claims conflict: {a}; {b}",
  "fc.differ": "Claims differ: {a}; {b}",
  "fc.conflictStatus": "claims conflict: {a}, {b}",
  "fc.differStatus": "claims differ: {a}, {b}",
  "fc.shadedFirm": "Shaded: the claims without “about” are all consistent with {range}",
  "fc.shadedAll": "Shaded: all {n} claims are consistent with {range}",
  "fc.allowStatus": "every claim allows {range}",
  "fc.allAbout": "All {n} claims give about {range}",
  "fc.allAboutStatus": "all give about {range}",
  "fc.units": "{n} units: shown on separate axes",
  "fc.symlog": "Symmetric log scale",
  "fc.symlogZero": "Symmetric log scale: a log scale cannot show zero or negative values",
  "fc.symlogFar": "Symmetric log scale: figures this close to zero or this large are beyond a log scale",
  "fc.logCaption": "log scale, each gridline ×10",
  "fc.claims": { one: "{n} claim", other: "{n} claims" },
  "fc.summaryOne": "{subject}: 1 claim, {says}",
  "fc.summaryMany": "{subject}: {n} claims from {lo} to {hi}",
  "fc.summaryAll": "{subject}: {n} claims, all {v}",
  "fc.updatedCount": { one: "{n} earlier figure updated by its claimant", other: "{n} earlier figures updated by their claimants" },
  "fc.moreSubjects": { one: "{n} more subject has one claim", other: "{n} more subjects have one claim each" },
  "fc.conflictsRow": "Conflicts with another claim",
  "fc.differsRow": "Differs from another claim",
  "fc.agreesRow": "Consistent with the other claims",
  "fc.reportedBy": "Reported by {outlets}",
  "fc.reportedByOn": "Reported by {outlets}, {date}",
  "fc.saidOn": "Said {date}",
  "fc.refersTo": "Refers to {date}",
  "fc.highlighted": "Highlighted",
  "fc.updatedTo": "Updated to {figure}",
  "fc.updatedToOn": "Updated to {figure} on {date}",
  "fc.card.updated": "Updated",
  "fc.editorNote": "Editor’s note: {note}",
  "fc.col.claimant": "Claimant",
  "fc.col.subject": "Subject",
  "fc.col.figure": "Figure",
  "fc.col.reportedBy": "Reported by",
  "fc.col.said": "Said",
  "fc.col.refersTo": "Refers to",
  "fc.col.quote": "Quote",
  "fc.col.note": "Note",
  "fc.card.claimant": "Claimant",
  "fc.card.figure": "Figure",
  "fc.card.subject": "Subject",
  "fc.card.said": "Said",
  "fc.card.refersTo": "Refers to",
  "fc.card.conflict": "Conflict",
  "fc.card.differs": "Differs",
  "fc.card.note": "Note",
  "fc.card.editorNote": "Editor’s note",
  "fc.legendLabel": "How the figures are drawn",
  "fc.legend.exact": "Figure as stated",
  "fc.legend.about": "About: approximate, no margin given",
  "fc.legend.atLeast": "At least: the figure or more",
  "fc.legend.moreThan": "More than: above the figure (open dot)",
  "fc.legend.upTo": "Up to: the figure or less",
  "fc.legend.fewerThan": "Fewer than: below the figure (open dot)",
  "fc.legend.range": "Range: from low to high",
  "fc.legend.band": "Shaded: values consistent with every claim, not a consensus",
  "fc.singles": "Subjects with one claim",
  "fc.notFromZero": "axis does not start at zero",
  "fc.updatedAside": "Dashed: updated later by the same claimant, so not compared",
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
export type Catalogue = Partial<Record<MessageKey, Message>>;
export type MessageArgs = Record<string, string | number>;

/** The words of one chart in one language: `t(key, args)`, plus the locale's number and date formats. */
export interface Words {
  /** The BCP 47 tag numbers and dates are formatted in. */
  readonly locale: string;
  /** Writing direction of the catalogue's language. */
  readonly dir: "ltr" | "rtl";
  readonly fmt: LocaleFormat;
  /** The message for `key` with `args` filled in; a number `n` picks the plural form. */
  t(key: MessageKey, args?: MessageArgs): string;
  /** "Putin, Kim and Trump" in the reader's language. */
  list(items: readonly string[]): string;
  /** A date span at its own precision, with "c.", "from", "until" in the reader's language. */
  date(span: DateSpan): string;
}

const registry = new Map<string, Catalogue>([["en", en]]);
const listeners = new Set<(lang: string) => void>();

/**
 * Add (or extend) the catalogue for a language tag ("de", "pt-BR"). Charts drawn before it arrived redraw
 * once (see `onMessages`). Newsrooms use it for a language claimline does not ship, or a house style.
 */
export function registerMessages(tag: string, catalogue: Catalogue): void {
  const key = tag.toLowerCase();
  registry.set(key, { ...(registry.get(key) ?? {}), ...catalogue });
  cache.clear();
  for (const fn of listeners) fn(key);
}

/** Call `fn` whenever a catalogue is registered; returns the function that stops it. */
export function onMessages(fn: (lang: string) => void): () => void {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}

/** The language tags that have a catalogue now. */
export function registeredLanguages(): string[] {
  return [...registry.keys()];
}

/** Tags to look in for `locale`, most specific first: de-AT → de-at, de, then en. */
export function fallbackChain(locale: string): string[] {
  const parts = locale.toLowerCase().split("-");
  const chain: string[] = [];
  for (let k = parts.length; k > 0; k--) chain.push(parts.slice(0, k).join("-"));
  if (!chain.includes("en")) chain.push("en");
  return chain;
}

/** Whether the locale's language has its catalogue registered (English always has). */
export function hasCatalogue(locale: string): boolean {
  const chain = fallbackChain(locale);
  return chain[0]!.split("-")[0] === "en" || chain.slice(0, -1).some((t) => registry.has(t));
}

let loader: ((locale: string) => void) | null = null;
/** How a catalogue not yet registered is fetched (the script-tag bundle loads it from beside itself); ESM users import it. */
export function setMessageLoader(fn: ((locale: string) => void) | null): void {
  loader = fn;
}
/** Ask for the locale's catalogue when it is not here yet; the chart redraws once it registers (`onMessages`). */
export function requestMessages(locale: string): void {
  if (loader && !hasCatalogue(locale)) loader(locale);
}

const RTL = new Set(["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"]);
const cache = new Map<string, Words>();
const plurals = new Map<string, Intl.PluralRules>();

/** The words for `locale`, with `overrides` (the `messages` option) taking precedence over every catalogue. */
export function wordsFor(locale: string, overrides?: Catalogue): Words {
  const fmt = resolveLocale(locale);
  const key = overrides ? "" : fmt.tag;
  const hit = key ? cache.get(key) : undefined;
  if (hit) return hit;
  const chain = fallbackChain(fmt.tag)
    .map((t) => registry.get(t))
    .filter((c): c is Catalogue => !!c);
  if (overrides) chain.unshift(overrides);
  let rules = plurals.get(fmt.tag);
  if (!rules) plurals.set(fmt.tag, (rules = new Intl.PluralRules(fmt.tag)));
  const pr = rules;
  const lang = fmt.tag.split("-")[0]!.toLowerCase();
  const words: Words = {
    locale: fmt.tag,
    dir: RTL.has(lang) ? "rtl" : "ltr",
    fmt,
    t(k, args) {
      let m: Message | undefined;
      for (const c of chain) {
        const v = c[k];
        if (v !== undefined && v !== "") {
          m = v;
          break;
        }
      }
      // Unreachable for a known key (English has them all); an unknown key from a hand-built catalogue reads as nothing rather than as its name.
      if (m === undefined) return "";
      const n = args?.n;
      const template = typeof m === "string" ? m : typeof n === "number" ? (m[pr.select(n)] ?? m.other) : m.other;
      return fill(template, args, fmt);
    },
    list: (items) => fmt.list([...items]),
    date: (span) => formatDateSpan(span, fmt.tag, say),
  };
  const say: DateWords = { circa: (date) => words.t("date.circa", { date }), from: (date) => words.t("date.from", { date }), until: (date) => words.t("date.until", { date }) };
  if (key) cache.set(key, words);
  return words;
}

function fill(template: string, args: MessageArgs | undefined, fmt: LocaleFormat): string {
  if (!args || template.indexOf("{") < 0) return template;
  return template.replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = args[name];
    return v === undefined ? all : typeof v === "number" ? fmt.number(v) : v;
  });
}

/** Check a `messages` option: an object of known keys whose values are text or plural forms. */
export function readCatalogue(value: unknown, name = "messages"): Catalogue | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const o = typeof value === "string" ? JSON.parse(value) : value;
  if (typeof o !== "object" || Array.isArray(o)) throw new TypeError(`option ${name}: expected an object of messages, got ${JSON.stringify(value)}`);
  const out: Catalogue = {};
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (!Object.hasOwn(en, k)) {
      const near = Object.keys(en).filter((e) => e.split(".").pop() === k.split(".").pop());
      throw new TypeError(`option ${name}: no message ${JSON.stringify(k)}${near.length ? ` (did you mean ${near.slice(0, 3).map((x) => JSON.stringify(x)).join(" or ")}?)` : ""}`);
    }
    const ok = typeof v === "string" || (typeof v === "object" && v !== null && typeof (v as PluralForms).other === "string");
    if (!ok) throw new TypeError(`option ${name}.${k}: expected text or plural forms with "other", got ${JSON.stringify(v)}`);
    (out as Record<string, Message>)[k] = v as Message;
  }
  return out;
}
