/**
 * The typed attribute table shared by the script-tag embed
 * (`<div data-claimline="timeline" data-as-of="…">`), the custom element
 * (`<claimline-chart chart="timeline" as-of="…">`) and the server fragment
 * (which writes the same attributes back, so the live chart that replaces a
 * static one is drawn with the same options). Every public option of every
 * chart has a row. Conversion happens here, at the edge:
 * - a number or keyword that does not convert is passed through as written,
 *   so the chart's option normaliser names the option in its message;
 * - text with a syntax of its own (`data-domain="2021-08/2021-09"`,
 *   `data-periods="2021-08-15/2021-08-31 Evacuation; 2021-08-26 Attack"`,
 *   `data-annotations='{"e1": "note"}'`, `data-messages`) that cannot be read becomes an error
 *   naming the attribute and the part, shown in place by the embed.
 */
import { formatDomainText, formatPeriodsText, parseDomainText, parsePeriodsText } from "../model/periodText.js";
import type { ChartName } from "../render/view.js";

export type AttributeType =
  /** Text as written (trimmed). */
  | "string"
  /** A number; "640px" is 640. */
  | "number"
  /** "true" (or present and empty) / "false". */
  | "boolean"
  /** A boolean or a keyword such as "auto". */
  | "boolean-or-keyword"
  /** `start/end` or `start,end` (src/model/periodText.ts). */
  | "domain"
  /** `date-or-interval label; …`, or a JSON list of `{ start, end, label }`. */
  | "periods"
  /** A JSON object (`{ "record id": "note" }`, message overrides). */
  | "object";

const ALL: readonly ChartName[] = ["figure-comparison", "timeline", "promise-tracker"];

export interface AttributeSpec {
  /** camelCase option name (or "chart" / "src"). */
  option: string;
  /** Attribute on a plain element (script-tag embed). */
  data: string;
  /** Attribute on `<claimline-chart>`. */
  attr: string;
  type: AttributeType;
  /** The charts that have this option. */
  charts: readonly ChartName[];
}

function spec(option: string, attr: string, type: AttributeType, charts: readonly ChartName[] = ALL, data = `data-${attr}`): AttributeSpec {
  return { option, data, attr, type, charts };
}

const FC: ChartName = "figure-comparison";
const TL: ChartName = "timeline";
const PT: ChartName = "promise-tracker";

export const ATTRIBUTES: readonly AttributeSpec[] = [
  spec("chart", "chart", "string", ALL, "data-claimline"),
  spec("src", "src", "string"),
  // Every chart.
  spec("locale", "locale", "string"),
  spec("theme", "theme", "string"),
  spec("width", "width", "number"),
  spec("title", "title", "string"),
  spec("subtitle", "subtitle", "string"),
  spec("source", "source", "string"),
  spec("note", "note", "string"),
  spec("credit", "credit", "string"),
  spec("messages", "messages", "object"),
  // Some charts.
  spec("asOf", "as-of", "string", [TL, PT]),
  spec("sort", "sort", "string", [FC, PT]),
  spec("highlight", "highlight", "string", [TL, FC, PT]),
  spec("annotations", "annotations", "object", [TL, FC]),
  // Timeline.
  spec("orientation", "orientation", "string", [TL]),
  spec("lanes", "lanes", "string", [TL]),
  spec("domain", "domain", "domain", [TL, PT]),
  spec("periods", "periods", "periods", [TL]),
  spec("breakpoint", "breakpoint", "number", [TL]),
  // Figure comparison.
  spec("subject", "subject", "string", [FC]),
  spec("axis", "axis", "string", [FC]),
  spec("zero", "zero", "boolean", [FC]),
  // Promise tracker.
  spec("group", "group", "string", [PT]),
  spec("compact", "compact", "boolean-or-keyword", [PT]),
];

/** The `<claimline-chart>` attributes (its `observedAttributes`). */
export const ELEMENT_ATTRIBUTES: readonly string[] = ATTRIBUTES.map((a) => a.attr);
/** The script-tag embed attributes. */
export const DATA_ATTRIBUTES: readonly string[] = ATTRIBUTES.map((a) => a.data);

export interface EmbedConfig {
  /** The chart's public name as written ("timeline"); checked by the caller. */
  chart?: string;
  /** URL of a JSON dataset or a CSV/TSV sheet. */
  src?: string;
  /**
   * Chart options: every option of the named chart (of every chart when the name is unknown) is a key,
   * undefined when its attribute is absent, so an update clears removed attributes.
   */
  options: Record<string, unknown>;
  /** Attributes that could not be read, each message naming the attribute ("data-periods: …"). */
  errors: string[];
}

function jsonOf(text: string, name: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${name}: expected ${what}, but this is not valid JSON (${(err as Error).message})`);
  }
}

/** An attribute's text as the option's value; throws an Error naming the attribute when a syntax cannot be read. */
function convert(raw: string, a: AttributeSpec, name: string): unknown {
  const v = raw.trim();
  switch (a.type) {
    case "number": {
      const n = Number(v.replace(/px$/i, ""));
      return Number.isFinite(n) ? n : v;
    }
    case "boolean":
    case "boolean-or-keyword":
      return v === "true" ? true : v === "false" ? false : v;
    case "domain":
      return parseDomainText(v, name);
    case "periods":
      return v.startsWith("[") ? jsonOf(v, name, `a list of periods such as [{"start": "2021-08-15", "end": "2021-08-31", "label": "Evacuation"}]`) : parsePeriodsText(v, name);
    case "object": {
      const example = a.option === "messages" ? `{"chart.timeline": "Key dates"}` : `{"e-summit": "Dates differ by source"}`;
      const o = jsonOf(v, name, `a JSON object such as ${example}`);
      if (!o || typeof o !== "object" || Array.isArray(o)) throw new Error(`${name}: expected a JSON object such as ${example}, got ${v}`);
      return o;
    }
    default:
      return v;
  }
}

/** Read an element's attributes through the table: `kind` "data" for `data-*`, "element" for `<claimline-chart>`. */
export function readAttributes(el: Element, kind: "data" | "element"): EmbedConfig {
  const out: EmbedConfig = { options: {}, errors: [] };
  const nameOf = (a: AttributeSpec) => (kind === "data" ? a.data : a.attr);
  const read = (a: AttributeSpec): string | undefined => {
    const raw = el.getAttribute(nameOf(a));
    return raw === null ? undefined : raw;
  };
  const meta = (option: string) => read(ATTRIBUTES.find((a) => a.option === option)!)?.trim() || undefined;
  out.chart = meta("chart");
  out.src = meta("src");
  const known = (ALL as readonly string[]).includes(out.chart ?? "");
  for (const a of ATTRIBUTES) {
    if (a.option === "chart" || a.option === "src") continue;
    if (known && !(a.charts as readonly string[]).includes(out.chart!)) continue;
    const raw = read(a);
    let value: unknown;
    // A present, empty boolean attribute (`<claimline-chart compact>`) is true, as in HTML.
    if (raw !== undefined && raw.trim() === "" && (a.type === "boolean" || a.type === "boolean-or-keyword")) value = true;
    else if (raw !== undefined && raw.trim() !== "") {
      try {
        value = convert(raw, a, nameOf(a));
      } catch (err) {
        out.errors.push((err as Error).message);
      }
    }
    out.options[a.option] = value;
  }
  return out;
}

/** One option's value as attribute text, or undefined when it is absent (or the default, for lists and notes). */
function toText(v: unknown, a: AttributeSpec): string | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "string") return v;
  if (a.type === "domain" && Array.isArray(v)) return formatDomainText(v.map(String));
  if (a.type === "periods" && Array.isArray(v)) {
    if (!v.length) return undefined;
    // Only well-formed periods have a text form; anything else goes as JSON, for the normaliser to name.
    const plain = v.every((p) => p && typeof p === "object" && typeof p.start === "string" && (p.end == null || typeof p.end === "string") && (p.label == null || typeof p.label === "string"));
    return plain ? formatPeriodsText(v) : JSON.stringify(v);
  }
  if (a.type === "object" && typeof v === "object") return Object.keys(v).length ? JSON.stringify(v) : undefined;
  if (Array.isArray(v)) return v.join(",");
  return String(v);
}

/**
 * The attributes for `options`, `kind` "data" for `data-*` (server fragments write them so the live chart
 * gets the same options), "element" for `<claimline-chart>`. `readAttributes` reads them back to options
 * that resolve the same.
 */
export function optionsToAttributes(options: Record<string, unknown>, kind: "data" | "element" = "data"): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const a of ATTRIBUTES) {
    if (a.option === "chart" || a.option === "src") continue;
    const text = toText(options[a.option], a);
    if (text !== undefined) out.push([kind === "data" ? a.data : a.attr, text]);
  }
  return out;
}

/** The `data-*` attributes for options (server fragments write them so the live chart gets the same options). */
export function optionsToDataAttributes(options: Record<string, unknown>): Array<[string, string]> {
  return optionsToAttributes(options, "data");
}
