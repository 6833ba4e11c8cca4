/**
 * What the three chart definitions share, written once: the definition built
 * from its stages (prepare → place → render), the factory a page calls, and the
 * readers of date-valued options (`asOf`, `domain`, a period's ends).
 */
import { parseDate } from "../model/dates.js";
import { OptionError, type ResolvedCommon } from "../model/options.js";
import { parseDomainText } from "../model/periodText.js";
import type { ResolvedDataset } from "../model/resolve.js";
import type { ChartGroup } from "../prepare/groups.js";
import type { ChartDefinition, ChartMessage, ChartName, ChartView } from "../render/view.js";
import { createChart, type ChartHandle } from "./chart.js";

/** A chart's stages; `define` joins place and render into the definition's `draw`. */
export interface ChartStages<O extends ResolvedCommon, P, L> {
  name: ChartName;
  css: () => string;
  resolveOptions(options: unknown): O;
  prepare(data: ResolvedDataset, options: O): P | ChartMessage;
  groups(prepared: P, options: O): ChartGroup[];
  place(prepared: P, options: O, width: number): L;
  render(doc: Document, layout: L): ChartView | ChartMessage;
}

export function define<O extends ResolvedCommon, P, L>(s: ChartStages<O, P, L>): ChartDefinition<O, P> {
  return {
    name: s.name,
    css: s.css,
    resolveOptions: s.resolveOptions,
    prepare: s.prepare,
    groups: s.groups,
    draw: (doc, prepared, options, width) => s.render(doc, s.place(prepared, options, width)),
  };
}

/** The public factory `(target, data, options?) → ChartHandle` for a definition. */
export function factory<I>(def: ChartDefinition<any, any>): (target: Element | string, data: unknown, options?: I) => ChartHandle {
  return (target, data, options) => createChart(def, target, data, (options ?? {}) as Record<string, unknown>);
}

/** An option holding one EDTF date; the error names the option and says what was wrong. */
export function edtfOption(value: unknown, name: string): string {
  if (typeof value !== "string") throw new OptionError(`option ${name}: expected an EDTF date such as "2025-08-15", got ${JSON.stringify(value)}`);
  try {
    parseDate(value);
  } catch (err) {
    throw new OptionError(`option ${name}: ${(err as Error).message}`);
  }
  return value;
}

/**
 * `domain`: text as an editor types it ("2021-08/2021-09", from data-domain or --domain) or a
 * `[start, end]` pair; both ends checked, the end after the start. Undefined when not given.
 */
export function domainOption(value: unknown): [string, string] | undefined {
  if (value == null || value === "") return undefined;
  const bad = () => new OptionError(`option domain: expected [start, end] as EDTF dates, got ${JSON.stringify(value)} (write "2021-08/2021-09")`);
  let pair: unknown = value;
  // Text that is no range at all gets the option's own message; a range with a bad end gets the parser's, which names it.
  if (typeof value === "string") pair = /[/,]/.test(value) ? parseDomainText(value, "option domain") : undefined;
  if (!Array.isArray(pair) || pair.length !== 2) throw bad();
  const [a, b] = [edtfOption(pair[0], "domain[0]"), edtfOption(pair[1], "domain[1]")];
  if (parseDate(b).end <= parseDate(a).start) throw new OptionError(`option domain: ${b} is before ${a}`);
  return [a, b];
}
