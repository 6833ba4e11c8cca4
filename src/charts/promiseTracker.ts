/**
 * `promiseTracker(target, data, options?)`: what was promised on which day,
 * the window it was promised for, and what happened — kept, late by N days,
 * broken, or overdue by N days as of a date.
 */
import { parseDate } from "../model/dates.js";
import { idListOption, keyword, objectOption, OptionError, stringOption } from "../model/options.js";
import { placePromiseTracker } from "../layout/promiseTracker.js";
import { preparePromiseTracker, type PreparedTracker, type ResolvedPromiseTrackerOptions } from "../prepare/promiseTracker.js";
import { trackerGroups } from "../prepare/groups.js";
import { resolveChartOptions } from "./common.js";
import { CSS_PROMISE_TRACKER } from "../render/styles.js";
import { renderPromiseTracker } from "../render/promiseTracker.js";
import type { ChartDefinition, CommonOptions } from "../render/view.js";
import { define, domainOption, factory } from "./define.js";

export type { ResolvedPromiseTrackerOptions };

export interface PromiseTrackerOptions extends CommonOptions {
  /** Statuses are derived as of this day (EDTF day, "2025-08-16"). @default dataset.asOf, else today */
  asOf?: string;
  /** Row order: date said, days overdue (then late) most first, or by status. @default "said" */
  sort?: "said" | "overdue" | "status";
  /** Group rows under headings. @default "none" */
  group?: "none" | "speaker" | "topic";
  /** Labels above the bars and a condensed axis. @default "auto" (below 560 px) */
  compact?: "auto" | boolean;
  /** Promise id(s) to mark; a comma-separated string works from data attributes. @default [] */
  highlight?: string | string[];
  /**
   * The time axis's range, `[start, end]` as EDTF dates ("2017-02", "2025-08-16"), or "START/END".
   * Trackers drawn side by side with the same domain share one time scale, so their bars compare.
   * @default the drawn promises and the as-of day
   */
  domain?: [string, string] | string;
}

/** The tracker's own options, by name. */
export const PROMISE_TRACKER_OPTIONS = ["asOf", "sort", "group", "compact", "highlight", "domain"] as const;

/** The words its keyword options take: checked by the resolver, listed by the CLI's help. */
export const PROMISE_TRACKER_KEYWORDS = {
  sort: ["said", "overdue", "status"],
  group: ["none", "speaker", "topic"],
} as const;

export function resolvePromiseTrackerOptions(input: unknown): ResolvedPromiseTrackerOptions {
  const o = objectOption(input, "options");
  let asOf = o.asOf instanceof Date ? o.asOf.toISOString().slice(0, 10) : stringOption(o.asOf, "asOf");
  if (asOf !== undefined) {
    let ok = false;
    try {
      ok = parseDate(asOf).precision === "day" && !parseDate(asOf).interval;
    } catch {
      /* reported below */
    }
    if (!ok) throw new OptionError(`option asOf: expected a day like "2025-08-16", got ${JSON.stringify(o.asOf)}`);
  }
  const compact = o.compact === true || o.compact === "true" ? true : o.compact === false || o.compact === "false" ? false : keyword(o.compact, "compact", ["auto"] as const, "auto");
  const r: ResolvedPromiseTrackerOptions = {
    ...resolveChartOptions(o, PROMISE_TRACKER_OPTIONS, "promiseTracker"),
    sort: keyword(o.sort, "sort", PROMISE_TRACKER_KEYWORDS.sort, "said"),
    group: keyword(o.group, "group", PROMISE_TRACKER_KEYWORDS.group, "none"),
    compact,
    highlight: idListOption(o.highlight, "highlight", "a promise"),
  };
  if (asOf !== undefined) r.asOf = asOf;
  const domain = domainOption(o.domain);
  if (domain) r.domain = [parseDate(domain[0]).start, parseDate(domain[1]).end];
  return r;
}

export const promiseTrackerChart: ChartDefinition<ResolvedPromiseTrackerOptions, PreparedTracker> = /* @__PURE__ */ define<ResolvedPromiseTrackerOptions, PreparedTracker, ReturnType<typeof placePromiseTracker>>({
  name: "promise-tracker",
  css: CSS_PROMISE_TRACKER,
  resolveOptions: resolvePromiseTrackerOptions,
  prepare(data, options) {
    const p = preparePromiseTracker(data, options);
    return p.entries.length ? p : { message: p.words.t("pt.none") };
  },
  groups: trackerGroups,
  place: placePromiseTracker,
  render: renderPromiseTracker,
});

export const promiseTracker = /* @__PURE__ */ factory<PromiseTrackerOptions | Record<string, unknown>>(promiseTrackerChart);
