/**
 * `figureComparison(target, data, options?)`: the same quantity as different
 * claimants state it, uncertainty drawn for what it means.
 */
import { layoutFigureComparison, type FigureComparisonOptions } from "../layout/figureComparison.js";
import { keyword, objectOption, OptionError, booleanOption, resolveCommonOptions, stringOption } from "../model/options.js";
import type { Dataset } from "../model/types.js";
import { renderFigureComparison } from "../render/figureComparison.js";
import type { ChartDefinition, ChartMessage, ChartView, CommonOptions } from "../render/view.js";
import { createChart, type ChartHandle } from "./chart.js";

export type { FigureComparisonOptions } from "../layout/figureComparison.js";

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
  /** Start a linear axis at zero. @default true */
  zero?: boolean;
}

export function resolveFigureComparisonOptions(input: unknown): FigureComparisonOptions {
  const o = objectOption(input, "options");
  const annotations: Record<string, string> = Object.create(null);
  for (const [id, note] of Object.entries(objectOption(o.annotations, "annotations"))) {
    if (typeof note !== "string") throw new OptionError(`option annotations.${id}: expected text, got ${JSON.stringify(note)}`);
    annotations[id] = note;
  }
  const r: FigureComparisonOptions = {
    ...resolveCommonOptions(o),
    sort: keyword(o.sort, "sort", ["value", "date", "claimant"] as const, "value"),
    axis: keyword(o.axis, "axis", ["auto", "linear", "log", "symlog"] as const, "auto"),
    zero: booleanOption(o.zero, "zero", true),
    annotations,
  };
  const subject = stringOption(o.subject, "subject");
  if (subject !== undefined) r.subject = subject;
  const highlight = stringOption(o.highlight, "highlight");
  if (highlight !== undefined) r.highlight = highlight;
  return r;
}

function drawFigureComparison(doc: Document, data: Dataset, options: FigureComparisonOptions, width: number): ChartView | ChartMessage {
  const subjects = [...new Set(data.claims.map((c) => c.subject))];
  if (!data.claims.length) return { message: "No figures to compare: the dataset has no claims." };
  if (options.subject !== undefined && !subjects.includes(options.subject)) {
    return { message: `No claims about ${JSON.stringify(options.subject)}. Subjects in this dataset:`, details: subjects };
  }
  const layout = layoutFigureComparison(data, options, width);
  const only = options.subject ?? (subjects.length === 1 ? subjects[0] : undefined);
  const title = options.title ?? (only ? `${only}: figures compared` : data.title ? `${data.title}: figures compared` : "Figures compared");
  return renderFigureComparison(doc, layout, { ...options, title });
}

export const figureComparisonChart: ChartDefinition<FigureComparisonOptions> = {
  name: "figure-comparison",
  resolveOptions: resolveFigureComparisonOptions,
  draw: drawFigureComparison,
};

export function figureComparison(target: Element | string, data: Dataset | unknown, options?: FigureComparisonInput): ChartHandle {
  return createChart(figureComparisonChart, target, data, options as Record<string, unknown> | undefined);
}
