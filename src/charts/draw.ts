/**
 * One walk from a dataset to a drawn view, for callers that draw once (the
 * server, the CLI, tests): resolve, prepare, lay out and render. The chart
 * handle does the same steps but keeps the prepared words across resizes.
 */
import type { ResolvedCommon } from "../model/options.js";
import { resolveDataset } from "../model/resolve.js";
import type { Dataset } from "../model/types.js";
import { isMessage, type ChartDefinition, type ChartMessage, type ChartView } from "../render/view.js";

export function drawChart<O extends ResolvedCommon, P>(def: ChartDefinition<O, P>, doc: Document, dataset: Dataset, options: O, width: number): ChartView | ChartMessage {
  const prepared = def.prepare(resolveDataset(dataset), options);
  return isMessage(prepared as ChartView | ChartMessage) ? (prepared as ChartMessage) : def.draw(doc, prepared as P, options, width);
}
