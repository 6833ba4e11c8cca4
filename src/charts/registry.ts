/** Every chart by its public name (the `--chart` flag, `data-claimline` attribute and `chart` attribute use these). */
import { figureComparisonChart } from "./figureComparison.js";
import { promiseTrackerChart } from "./promiseTracker.js";
import { timelineChart } from "./timeline.js";
import type { ChartDefinition, ChartName } from "../render/view.js";
import type { ResolvedCommon } from "../model/options.js";

export const CHARTS: Record<ChartName, ChartDefinition<ResolvedCommon, any>> = {
  "figure-comparison": figureComparisonChart as unknown as ChartDefinition<ResolvedCommon, any>,
  timeline: timelineChart as unknown as ChartDefinition<ResolvedCommon, any>,
  "promise-tracker": promiseTrackerChart as unknown as ChartDefinition<ResolvedCommon, any>,
};

export const CHART_NAMES = Object.keys(CHARTS) as ChartName[];

export function chartByName(name: string): ChartDefinition<ResolvedCommon, any> {
  const def = (CHARTS as Record<string, ChartDefinition<ResolvedCommon, any>>)[name];
  if (!def) throw new Error(`unknown chart ${JSON.stringify(name)} (expected one of ${CHART_NAMES.join(", ")})`);
  return def;
}
