/**
 * What every chart's option resolver shares: the common options, the chrome
 * (headline, dek, source, note, credit), the `messages` override, and the
 * refusal of option names no chart knows ("did you mean …?").
 */
import { resolveCommonOptions, stringOption, OptionError, type ResolvedCommon } from "../model/options.js";
import { checkOptionNames } from "../model/optionNames.js";
import { readCatalogue } from "../prepare/messages.js";

/** Options every chart accepts, by name (the attribute table, the CLI flags and the run-time check read this). */
export const COMMON_OPTIONS = ["width", "locale", "theme", "title", "subtitle", "source", "note", "credit", "messages"] as const;

export function resolveChartOptions(o: Record<string, unknown>, own: readonly string[], chart: string): ResolvedCommon {
  checkOptionNames(o, [...COMMON_OPTIONS, ...own], chart);
  const r = resolveCommonOptions(o);
  for (const k of ["subtitle", "source", "note", "credit"] as const) {
    const v = stringOption(o[k], k);
    if (v !== undefined) r[k] = v;
  }
  try {
    const m = readCatalogue(o.messages);
    if (m) r.messages = m;
  } catch (err) {
    throw new OptionError((err as Error).message);
  }
  return r;
}
