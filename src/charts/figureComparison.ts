/**
 * `figureComparison(target, data, options?)`: the same quantity as different
 * claimants state it, uncertainty drawn for what it means.
 */
import { placeFigureComparison } from "../layout/figureComparison.js";
import type { Dataset } from "../model/types.js";
import { keyword, notesOption, objectOption, OptionError, booleanOption } from "../model/options.js";
import { prepareFigureComparison, type FigureComparisonOptions, type PreparedFigures } from "../prepare/figureComparison.js";
import { wordsFor } from "../prepare/messages.js";
import { renderFigureComparison } from "../render/figureComparison.js";
import type { ChartDefinition, CommonOptions } from "../render/view.js";
import { figureGroups } from "../prepare/groups.js";
import { resolveChartOptions, textOptions } from "./common.js";
import { CSS_FIGURE_COMPARISON } from "../render/styles.js";
import { define, factory } from "./define.js";

export type { FigureComparisonOptions } from "../prepare/figureComparison.js";

/** The figure comparison's own options, by name. */
export const FIGURE_COMPARISON_OPTIONS = ["subject", "sort", "highlight", "annotations", "axis", "zero"] as const;

/** The words its keyword options take: checked by the resolver, listed by the CLI's help. */
export const FIGURE_COMPARISON_KEYWORDS = {
  sort: ["value", "date", "claimant"],
  axis: ["auto", "linear", "log", "symlog"],
} as const;

export interface FigureComparisonInput extends CommonOptions {
  /** Show one subject only (the claims' `subject`). @default all subjects, a panel each */
  subject?: string;
  /** Row order within a panel: "value" (high to low), "date" (when said) or "claimant". @default "value" */
  sort?: "value" | "date" | "claimant";
  /** A claim id to emphasise. */
  highlight?: string;
  /** Editor's notes drawn under rows, by claim id. @default {} */
  annotations?: Record<string, string>;
  /** "auto" uses a log axis when a panel's positive values span more than 100×; "log" falls back to symlog for zero or negative values. @default "auto" */
  axis?: "auto" | "linear" | "log" | "symlog";
  /**
   * Start a linear axis at zero: true, false, or "auto" — zero when the smallest figure is under 40% of the
   * largest (or the figures cross zero), else a domain around the claims with an axis-break mark and a note.
   * @default "auto"
   */
  zero?: boolean | "auto" | "true" | "false";
}

/** `zero`: true, false, "auto" (the default), or their strings from an attribute or a flag. */
function zeroOption(value: unknown): boolean | "auto" {
  if (value === undefined || value === null || value === "" || value === "auto") return "auto";
  try {
    return booleanOption(value, "zero", true);
  } catch {
    throw new OptionError(`option zero: expected "auto", true or false, got ${JSON.stringify(value)}`);
  }
}

export function resolveFigureComparisonOptions(input: unknown): FigureComparisonOptions {
  const o = objectOption(input, "options");
  return {
    ...resolveChartOptions(o, FIGURE_COMPARISON_OPTIONS, "figureComparison"),
    sort: keyword(o.sort, "sort", FIGURE_COMPARISON_KEYWORDS.sort, "value"),
    axis: keyword(o.axis, "axis", FIGURE_COMPARISON_KEYWORDS.axis, "auto"),
    zero: zeroOption(o.zero),
    annotations: notesOption(o.annotations, "annotations"),
    ...textOptions(o, ["subject", "highlight"]),
  };
}

export const figureComparisonChart: ChartDefinition<FigureComparisonOptions, PreparedFigures> = /* @__PURE__ */ define<FigureComparisonOptions, PreparedFigures, ReturnType<typeof placeFigureComparison>>({
  name: "figure-comparison",
  css: CSS_FIGURE_COMPARISON,
  resolveOptions: resolveFigureComparisonOptions,
  prepare(data, options) {
    const w = wordsFor(options.locale, options.messages);
    if (!data.claims.length) return { message: w.t("fc.none") };
    const subjects = [...new Set(data.claims.map((r) => r.record.subject))];
    if (options.subject !== undefined && !subjects.includes(options.subject)) return { message: w.t("fc.noSubject", { subject: JSON.stringify(options.subject) }), details: subjects };
    return prepareFigureComparison(data, options);
  },
  groups: figureGroups,
  place: (prepared, _options, width) => placeFigureComparison(prepared, width),
  render: renderFigureComparison,
});

export const figureComparison = /* @__PURE__ */ factory<FigureComparisonInput>(figureComparisonChart);
