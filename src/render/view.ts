import type { ResolvedCommon } from "../model/options.js";
import type { ResolvedDataset } from "../model/resolve.js";
import type { ChartGroup } from "../prepare/groups.js";
import type { Words } from "../prepare/messages.js";

/** What a chart shows when a record is focused, hovered or tapped. All strings are data: set as text. */
export interface DetailSpec {
  heading: string;
  /** Label/value pairs: "Said", "Claimant", "Date"… */
  lines: Array<{ label: string; text: string }>;
  /** The verbatim quote, shown in quotation marks. */
  quote?: string;
  /** Every citation: outlet and date, its link (only http(s) hrefs are rendered as links), its quote, and what it gives instead where it disputes the record. */
  links: Array<{ text: string; href?: string; quote?: string; disputes?: string }>;
}

/** The accessible table of the same records the chart draws. */
export interface TableSpec {
  caption: string;
  /** The disclosure's words: "Show the data (14 rows)". */
  show: string;
  columns: string[];
  rows: Array<{ id: string; cells: string[] }>;
}

/**
 * Above this many marks a chart is drawn lean (issue 11, item 5): its marks carry no role or name in the
 * markup (about 150 bytes a mark, a third of a dense timeline's). The handle gives a mark its role and name
 * when the keyboard or a pointer reaches it (roving focus: the tab stop has them from the start), cluster
 * members are reached through their cluster, and the data table is the full-text path. In a static picture
 * (`role="img"`) marks' names are not exposed at all, so nothing is lost there.
 */
export const LEAN_MARKS = 300;

/** A mark's role and spoken name as attributes; none when the chart is lean (see LEAN_MARKS). */
export function markName(name: string, lean: boolean): { role?: string; "aria-label"?: string } {
  // role="button" is what an interactive chart gives every mark; in a static picture (svg role="img") it is not
  // exposed, and a mark with a name but no role is an ARIA error there.
  return lean ? {} : { role: "button", "aria-label": name };
}

/** `ChartView.names` for a lean chart (the handle sets a mark's name when it gets focus); nothing otherwise. */
export function leanNames(lean: boolean, marks: ReadonlyArray<{ id: string; name: string }>): { names?: ReadonlyMap<string, string> } {
  return lean ? { names: new Map(marks.map((m) => [m.id, m.name])) } : {};
}

/** A drawn chart, before the handle makes it interactive. */
export interface ChartView {
  /** `<svg role="img">` with `<title>` and `<desc>`; every record mark carries `data-id`, and `aria-label` unless the chart is lean (`names`). */
  svg: SVGSVGElement;
  /** Plain-language summary; also the svg `<desc>`. */
  summary: string;
  table: TableSpec;
  details: Map<string, DetailSpec>;
  /** Record ids in keyboard order (row by row, or time order). */
  order: string[];
  /** A lean chart's mark names by record id (see LEAN_MARKS); absent when every mark carries its name. */
  names?: ReadonlyMap<string, string>;
  /** Optional HTML shown above the svg (headline, dek, summary line, legend, notes). */
  header?: HTMLElement;
  /** Source, note and credit lines shown below the svg. */
  footer?: HTMLElement;
  /** The chart's words for the handle's own controls (close, zoom, table). */
  words?: Words;
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
  /** Dek: a sentence or two under the headline. */
  subtitle?: string;
  /** The "Source:" line. @default built from the sources the drawn records cite */
  source?: string;
  /** A note under the chart. */
  note?: string;
  /** "Graphic: …" */
  credit?: string;
  /** Override any message by key ("pt.overdueBy": { one: "…", other: "…" }); see prepare/messages.ts. */
  messages?: Record<string, string | { other: string; [form: string]: string }>;
  /** Fixed width in px; by default the container's width. */
  width?: number;
  /** BCP 47 tag, e.g. "ko-KR". @default "en-US" */
  locale?: string;
  /** @default "light" ("auto" follows prefers-color-scheme) */
  theme?: "light" | "dark" | "auto";
  /** Accessible title; defaults to the dataset title or a chart-specific one. */
  title?: string;
}

/**
 * A chart: one option normaliser; a prepare step (every word, width-independent, kept across resizes);
 * one draw (layout then render) at a width on a given document.
 */
export interface ChartDefinition<O extends ResolvedCommon = ResolvedCommon, P = unknown> {
  name: ChartName;
  /** The chart's own CSS rules (added to a page once, beside the shared ones); a function, so a build of other charts drops them. */
  css: () => string;
  resolveOptions(options: unknown): O;
  prepare(data: ResolvedDataset, options: O): P | ChartMessage;
  /** The chart as groups of records, for keyboard navigation (prepare/groups.ts); from the prepared result, once per prepare. */
  groups(prepared: P, options: O): ChartGroup[];
  draw(doc: Document, prepared: P, options: O, width: number): ChartView | ChartMessage;
}

export function isMessage(v: ChartView | ChartMessage): v is ChartMessage {
  return (v as ChartMessage).message !== undefined;
}
