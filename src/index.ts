// claimline — the ESM entry. Re-exports only; importing it has no side effects and touches no DOM.
export type * from "./model/types.js";
export { parseDataset, validateDataset, DatasetError, type Problem } from "./model/validate.js";
export { datasetFromSheets, parseSheet, guessSheetName, type SheetName } from "./model/csv.js";
export { parseDate, formatDateSpan, DateParseError, type DateSpan, type DatePrecision } from "./model/dates.js";
export { parseDuration, readDurationPhrase, parseWindowValue, addDuration, formatDuration, DurationParseError, type Duration } from "./model/durations.js";
export { promiseStatus, summarizeStatuses, resolveAsOf, type DerivedStatus, type PromiseStatus } from "./model/status.js";
export { OptionError } from "./model/options.js";
export { resolveLocale, SUPPORTED_LOCALES, type LocaleFormat } from "./format/locale.js";
export { CSS } from "./render/styles.js";
export type { ChartHandle } from "./charts/chart.js";
export type { ChartName, CommonOptions } from "./render/view.js";
export { figureComparison, figureComparisonChart, resolveFigureComparisonOptions, type FigureComparisonInput, type FigureComparisonOptions } from "./charts/figureComparison.js";
export { computeAgreement, claimInterval, type Agreement, type AgreementStatus, type Interval } from "./layout/agreement.js";
export { timeline, timelineChart, resolveTimelineOptions, type TimelineOptions, type ResolvedTimelineOptions } from "./charts/timeline.js";
export { layoutTimeline, labelCollisions, type TimelineLayout } from "./layout/timeline.js";
export { promiseTracker, promiseTrackerChart, resolvePromiseTrackerOptions, type PromiseTrackerOptions } from "./charts/promiseTracker.js";
