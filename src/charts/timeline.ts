/**
 * `timeline(target, data, options?)`: meetings, calls, visits, summits and
 * statements on a time axis, each date drawn at the precision it was reported.
 */
import { placeTimeline } from "../layout/timeline.js";
import { parseDate } from "../model/dates.js";
import { parseDomainText } from "../model/periodText.js";
import { idListOption, jsonOption, keyword, notesOption, numberOption, objectOption, OptionError, stringOption } from "../model/options.js";
import { prepareTimeline, type PreparedTimeline, type ResolvedTimelineOptions, type TimelinePeriodOption } from "../prepare/timeline.js";
import { timelineGroups } from "../prepare/groups.js";
import { resolveChartOptions } from "./common.js";
import { CSS_TIMELINE } from "../render/styles.js";
import { renderTimeline } from "../render/timeline.js";
import type { ChartDefinition, CommonOptions } from "../render/view.js";
import { define, domainOption, edtfOption, factory } from "./define.js";

export interface TimelineOptions extends CommonOptions {
  /** "auto" is horizontal, and vertical below `breakpoint` px. @default "auto" */
  orientation?: "horizontal" | "vertical" | "auto";
  /** A lane per actor (an event shared by several sits in its first participant's lane, linked to dots in the others), per kind, or one lane. @default "none" */
  lanes?: "participants" | "kind" | "none";
  /** EDTF date of the "as of" marker; `false` hides it. @default dataset.asOf */
  asOf?: string | false;
  /** Highlighted periods, e.g. `[{ start: "2022-02-24", end: "..", label: "War in Ukraine" }]`. @default the dataset's `periods`, else none; `[]` switches those off */
  periods?: TimelinePeriodOption[];
  /** An editor's note shown on the event: `{ "e-summit": "Dates differ by source" }`. @default {} */
  annotations?: Record<string, string>;
  /** Show only this period: `["2025-03", "2025-08"]` (EDTF). @default the events' extent */
  domain?: [string, string];
  /** Width in px below which `orientation: "auto"` turns vertical. @default 560 */
  breakpoint?: number;
  /** Event id(s) always labelled, never folded into "+N events"; a comma-separated string works from data attributes. @default [] */
  highlight?: string | string[];
}

export type { ResolvedTimelineOptions };

/** The timeline's own options, by name. */
export const TIMELINE_OPTIONS = ["orientation", "lanes", "asOf", "periods", "annotations", "domain", "breakpoint", "highlight"] as const;

/** The words its keyword options take: checked by the resolver, listed by the CLI's help. */
export const TIMELINE_KEYWORDS = {
  orientation: ["horizontal", "vertical", "auto"],
  lanes: ["participants", "kind", "none"],
} as const;

/** One normaliser: defaults written once, a bad option throws an OptionError naming it. */
export function resolveTimelineOptions(input: unknown): ResolvedTimelineOptions {
  const o = objectOption(input, "options");
  const r: ResolvedTimelineOptions = {
    ...resolveChartOptions(o, TIMELINE_OPTIONS, "timeline"),
    orientation: keyword(o.orientation, "orientation", TIMELINE_KEYWORDS.orientation, "auto"),
    lanes: keyword(o.lanes, "lanes", TIMELINE_KEYWORDS.lanes, "none"),
    annotations: notesOption(o.annotations, "annotations"),
    breakpoint: numberOption(o.breakpoint, "breakpoint", 0) ?? 560,
  };
  const highlight = idListOption(o.highlight, "highlight", "an event");
  if (highlight.length) r.highlight = highlight;
  if (o.asOf === false || o.asOf === "false") r.asOf = false;
  else if (o.asOf != null && o.asOf !== "") r.asOf = edtfOption(o.asOf, "asOf");
  const periods = jsonOption(o.periods, "periods", "a list of { start, end, label }");
  if (periods != null) {
    if (!Array.isArray(periods)) throw new OptionError(`option periods: expected a list of { start, end, label }, got ${JSON.stringify(periods)}`);
    r.periods = periods.map((p, k) => {
      const q = objectOption(p, `periods[${k}]`);
      const end = q.end == null || q.end === "" || q.end === ".." ? undefined : edtfOption(q.end, `periods[${k}].end`);
      return { start: edtfOption(q.start, `periods[${k}].start`), ...(end ? { end } : {}), label: stringOption(q.label, `periods[${k}].label`) ?? "" };
    });
  }
  const domain = domainOption(o.domain);
  if (domain) r.domain = domain;
  return r;
}

export const timelineChart: ChartDefinition<ResolvedTimelineOptions, PreparedTimeline> = /* @__PURE__ */ define<ResolvedTimelineOptions, PreparedTimeline, ReturnType<typeof placeTimeline>>({
  name: "timeline",
  css: CSS_TIMELINE,
  resolveOptions: resolveTimelineOptions,
  prepare(data, options) {
    const p = prepareTimeline(data, options);
    if (!data.events.length) return { message: p.words.t("tl.noEvents") };
    if (!p.entries.length) {
      // The range that hid them: the option's, else the dataset's own; its ends in the reader's words.
      const range = options.domain ?? (data.dataset.domain ? parseDomainText(data.dataset.domain) : undefined);
      const [from, to] = range ? range.map((d) => p.words.date(parseDate(d))) : ["", ""];
      return { message: p.words.t("tl.noneInDomain", { n: data.events.length, from, to }) };
    }
    return p;
  },
  groups: (p, o) => timelineGroups(p, o.lanes),
  place: placeTimeline,
  render: renderTimeline,
});

export const timeline = /* @__PURE__ */ factory<TimelineOptions>(timelineChart);
