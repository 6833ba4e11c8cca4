/**
 * The charts' options as command-line flags. Each chart's table is typed
 * against that chart's option interface, so an option added to a chart
 * without a flag here fails `tsc` (the list cannot drift); names the charts
 * do not declare yet (the chrome lines: subtitle, source, note, credit) may
 * be listed too and are passed through for the chart to judge. A keyword
 * option's value hint lists the words its chart's resolver accepts
 * (…_KEYWORDS), so the help cannot name a word the chart refuses.
 */
import { FIGURE_COMPARISON_KEYWORDS, type FigureComparisonInput } from "../charts/figureComparison.js";
import { PROMISE_TRACKER_KEYWORDS, type PromiseTrackerOptions } from "../charts/promiseTracker.js";
import { TIMELINE_KEYWORDS, type TimelineOptions } from "../charts/timeline.js";
import { parseDomainText, parsePeriodsText } from "../model/periodText.js";
import type { ChartName } from "../render/view.js";

/**
 * How a flag's text becomes the option value: "string" and "number" as
 * written (the chart's normaliser converts and names the option on error),
 * "list" a comma-separated list, "domain" START/END and "period" START/END LABEL
 * (repeatable) read by model/periodText, "annotation" ID=TEXT (repeatable),
 * "json" a JSON object.
 */
export type FlagKind = "string" | "number" | "list" | "domain" | "period" | "annotation" | "json";

export interface FlagSpec {
  kind: FlagKind;
  /** The flag's name when it is not the option's name in kebab case (`--period` for `periods`). */
  flag?: string;
  /** Its value in the help text: `--lanes participants|kind|none`. */
  value: string;
  help: string;
  /** Given more than once, each adds one. */
  repeatable?: boolean;
}

/** A table that must name every option of `O`, and may name more. */
type FlagTable<O> = { [K in keyof Required<O>]: FlagSpec } & Record<string, FlagSpec>;

const common = {
  width: { kind: "number", value: "PX", help: "fixed width in pixels (default 800); html and fragment output wider than 480 also carry a 288 px drawing, shown instead under 480 px" },
  locale: { kind: "string", value: "TAG", help: "BCP 47 locale, e.g. de-DE (default en-US)" },
  theme: { kind: "string", value: "light|dark|auto", help: "colour theme (default light)" },
  title: { kind: "string", value: "TEXT", help: "headline (default: the dataset's title)" },
  subtitle: { kind: "string", value: "TEXT", help: "dek under the headline" },
  source: { kind: "string", value: "TEXT", help: '"Source:" line (default: from the cited sources)' },
  note: { kind: "string", value: "TEXT", help: "note under the chart" },
  credit: { kind: "string", value: "TEXT", help: "credit line" },
  messages: { kind: "json", value: "JSON", help: 'override any message by key, e.g. \'{"pt.kept":"done"}\'' },
} satisfies Record<string, FlagSpec>;

const timeline: FlagTable<TimelineOptions> = {
  ...common,
  orientation: { kind: "string", value: TIMELINE_KEYWORDS.orientation.join("|"), help: "auto turns vertical below --breakpoint (default auto)" },
  lanes: { kind: "string", value: TIMELINE_KEYWORDS.lanes.join("|"), help: "a lane per actor, per kind, or one lane (default none)" },
  asOf: { kind: "string", value: "DATE|false", help: 'EDTF date of the "as of" marker; false hides it (default: the dataset\'s asOf)' },
  periods: { kind: "period", flag: "period", value: '"START/END LABEL"', help: 'a highlighted period, e.g. "2021-08-15/2021-08-31 Evacuation"; END may be ..', repeatable: true },
  annotations: { kind: "annotation", flag: "annotation", value: "ID=TEXT", help: "an editor's note on event ID", repeatable: true },
  domain: { kind: "domain", value: "START/END", help: "show only this period, e.g. 2021-08/2021-09" },
  breakpoint: { kind: "number", value: "PX", help: "width below which orientation auto turns vertical (default 560)" },
  highlight: { kind: "list", value: "ID[,ID…]", help: "event ids to mark" },
};

const figureComparison: FlagTable<FigureComparisonInput> = {
  ...common,
  subject: { kind: "string", value: "TEXT", help: "one subject only (default: a panel per subject)" },
  sort: { kind: "string", value: FIGURE_COMPARISON_KEYWORDS.sort.join("|"), help: "row order within a panel (default value)" },
  highlight: { kind: "string", value: "ID", help: "a claim id to emphasise" },
  annotations: { kind: "annotation", flag: "annotation", value: "ID=TEXT", help: "an editor's note under claim ID", repeatable: true },
  axis: { kind: "string", value: FIGURE_COMPARISON_KEYWORDS.axis.join("|"), help: "value axis (default auto)" },
  zero: { kind: "string", value: "true|false", help: "start a linear axis at zero (default true)" },
};

const promiseTracker: FlagTable<PromiseTrackerOptions> = {
  ...common,
  asOf: { kind: "string", value: "DATE", help: "statuses as of this day, e.g. 2025-08-16 (default: the dataset's asOf, else today)" },
  sort: { kind: "string", value: PROMISE_TRACKER_KEYWORDS.sort.join("|"), help: "row order (default said)" },
  group: { kind: "string", value: PROMISE_TRACKER_KEYWORDS.group.join("|"), help: "group rows under headings (default none)" },
  compact: { kind: "string", value: "auto|true|false", help: "labels above the bars (default auto)" },
  highlight: { kind: "list", value: "ID[,ID…]", help: "promise ids to mark" },
  domain: { kind: "domain", value: "START/END", help: "the time axis's range, shared by trackers compared side by side, e.g. 2017-02/2025-08-16" },
};

/** Every chart's option flags, by chart name and option name. */
export const CHART_FLAGS: Record<ChartName, Record<string, FlagSpec>> = {
  "figure-comparison": figureComparison,
  timeline,
  "promise-tracker": promiseTracker,
};

/** `asOf` → `as-of`. */
export function kebab(option: string): string {
  return option.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
}

/** The flag name (without dashes) of an option. */
export function flagName(option: string, spec: FlagSpec): string {
  return spec.flag ?? kebab(option);
}

/** Flag name → option name and spec, for one chart. */
export function flagsOf(chart: ChartName): Map<string, { option: string; spec: FlagSpec }> {
  const out = new Map<string, { option: string; spec: FlagSpec }>();
  for (const [option, spec] of Object.entries(CHART_FLAGS[chart])) out.set(flagName(option, spec), { option, spec });
  return out;
}

/** "e-summit=Dates differ by source" → ["e-summit", "Dates differ by source"]. */
export function parseAnnotationFlag(text: string): [string, string] {
  const k = text.indexOf("=");
  if (k <= 0) throw new FlagError(`--annotation: expected ID=TEXT such as "e-summit=Dates differ by source", got ${JSON.stringify(text)}`);
  return [text.slice(0, k).trim(), text.slice(k + 1).trim()];
}

/** A flag that cannot be read; the CLI prints it with the usage. */
export class FlagError extends Error {}

/** The option values for `chart` from the flags given (each a list of the values written, in order). */
export function optionsFromFlags(chart: ChartName, given: Map<string, string[]>): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const flags = flagsOf(chart);
  for (const [name, values] of given) {
    const entry = flags.get(name);
    if (!entry) continue;
    const { option, spec } = entry;
    if (!spec.repeatable && values.length > 1) throw new FlagError(`--${name} is given ${values.length} times; give it once`);
    const last = values[values.length - 1]!;
    switch (spec.kind) {
      case "number": {
        const n = Number(last);
        options[option] = last.trim() !== "" && Number.isFinite(n) ? n : last; // the chart names the option on a bad value
        break;
      }
      case "list":
        options[option] = last.split(",").map((s) => s.trim()).filter(Boolean);
        break;
      case "domain":
        options[option] = parseDomainText(last, `--${name}`);
        break;
      case "period":
        // One flag per period; a flag may also hold several separated by ";".
        options[option] = values.flatMap((v) => parsePeriodsText(v, `--${name}`));
        break;
      case "annotation":
        options[option] = Object.fromEntries(values.map(parseAnnotationFlag));
        break;
      case "json":
        try {
          options[option] = JSON.parse(last);
        } catch {
          throw new FlagError(`--${name}: expected a JSON object, got ${JSON.stringify(last)}`);
        }
        break;
      default:
        options[option] = last;
    }
  }
  return options;
}
