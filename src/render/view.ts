import type { Dataset } from "../model/types.js";

/** What a chart shows when a record is focused, hovered or tapped. All strings are data: set as text. */
export interface DetailSpec {
  heading: string;
  /** Label/value pairs: "Said", "Claimant", "Date"… */
  lines: Array<{ label: string; text: string }>;
  /** The verbatim quote, shown in quotation marks. */
  quote?: string;
  /** Sources; only http(s) hrefs are rendered as links, the rest as text. */
  links: Array<{ text: string; href?: string }>;
}

/** The accessible table of the same records the chart draws. */
export interface TableSpec {
  caption: string;
  columns: string[];
  rows: Array<{ id: string; cells: string[] }>;
}

/** A drawn chart, before the handle makes it interactive. */
export interface ChartView {
  /** `<svg role="img">` with `<title>` and `<desc>`; every record mark carries `data-id` and `aria-label`. */
  svg: SVGSVGElement;
  /** Plain-language summary; also the svg `<desc>`. */
  summary: string;
  table: TableSpec;
  details: Map<string, DetailSpec>;
  /** Record ids in keyboard order (row by row, or time order). */
  order: string[];
  /** Optional HTML shown above the svg (summary line, legend, notes). */
  header?: HTMLElement;
  /**
   * Periods the reader can zoom to; the interactive handle shows them as
   * buttons that set the `domain` option (`null` = everything). Static
   * output has no buttons.
   */
  zoom?: Array<{ label: string; domain: [string, string] | null; current: boolean }>;
}

/** A readable message in place of a chart (empty data, nothing to compare). */
export interface ChartMessage {
  message: string;
  details?: string[];
}

export type ChartName = "figure-comparison" | "timeline" | "promise-tracker";

/** Options every chart accepts. */
export interface CommonOptions {
  /** Fixed width in px; by default the container's width. */
  width?: number;
  /** BCP 47 tag, e.g. "ko-KR". @default "en-US" */
  locale?: string;
  /** @default "light" ("auto" follows prefers-color-scheme) */
  theme?: "light" | "dark" | "auto";
  /** Accessible title; defaults to the dataset title or a chart-specific one. */
  title?: string;
}

/** A chart: one option normaliser, one draw (layout then render) on a given document. */
export interface ChartDefinition<O extends CommonOptions> {
  name: ChartName;
  resolveOptions(options: unknown): O;
  draw(doc: Document, dataset: Dataset, options: O, width: number): ChartView | ChartMessage;
}

export function isMessage(v: ChartView | ChartMessage): v is ChartMessage {
  return (v as ChartMessage).message !== undefined;
}
