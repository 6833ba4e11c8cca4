/** Every chart by its public name (the `--chart` flag, `data-claimline` attribute and `chart` attribute use these). */
import { figureComparisonChart } from "./figureComparison.js";
import { promiseTrackerChart } from "./promiseTracker.js";
import { timelineChart } from "./timeline.js";
import type { ChartDefinition, ChartName, CommonOptions } from "../render/view.js";

export const CHARTS: Record<ChartName, ChartDefinition<CommonOptions>> = {
  "figure-comparison": figureComparisonChart as unknown as ChartDefinition<CommonOptions>,
  timeline: timelineChart as unknown as ChartDefinition<CommonOptions>,
  "promise-tracker": promiseTrackerChart as unknown as ChartDefinition<CommonOptions>,
};

export const CHART_NAMES = Object.keys(CHARTS) as ChartName[];

export function chartByName(name: string): ChartDefinition<CommonOptions> {
  const def = (CHARTS as Record<string, ChartDefinition<CommonOptions>>)[name];
  if (!def) throw new Error(`unknown chart ${JSON.stringify(name)} (expected one of ${CHART_NAMES.join(", ")})`);
  return def;
}
