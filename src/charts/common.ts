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

/** The text options among `names` that are given, by name (a value that is not text throws an OptionError naming its option). */
export function textOptions<K extends string>(o: Record<string, unknown>, names: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const k of names) {
    const v = stringOption(o[k], k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export function resolveChartOptions(o: Record<string, unknown>, own: readonly string[], chart: string): ResolvedCommon {
  checkOptionNames(o, [...COMMON_OPTIONS, ...own], chart);
  const r: ResolvedCommon = { ...resolveCommonOptions(o), ...textOptions(o, ["subtitle", "source", "note", "credit"]) };
  try {
    const m = readCatalogue(o.messages);
    if (m) r.messages = m;
  } catch (err) {
    throw new OptionError((err as Error).message);
  }
  return r;
}
