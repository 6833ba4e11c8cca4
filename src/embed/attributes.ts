/**
 * The typed attribute table shared by the script-tag embed
 * (`<div data-claimline="timeline" data-as-of="…">`), the custom element
 * (`<claimline-chart chart="timeline" as-of="…">`) and the server fragment
 * (which writes the same attributes back). Conversion happens here, at the
 * edge; a value that does not convert is passed through as written so the
 * chart's option normaliser names the option in its message.
 */
export type AttributeType = "string" | "number";

export interface AttributeSpec {
  /** camelCase option name (or "chart" / "src"). */
  option: string;
  /** Attribute on a plain element (script-tag embed). */
  data: string;
  /** Attribute on `<claimline-chart>`. */
  attr: string;
  type: AttributeType;
}

function spec(option: string, attr: string, type: AttributeType = "string", data = `data-${attr}`): AttributeSpec {
  return { option, data, attr, type };
}

export const ATTRIBUTES: readonly AttributeSpec[] = [
  spec("chart", "chart", "string", "data-claimline"),
  spec("src", "src"),
  spec("asOf", "as-of"),
  spec("locale", "locale"),
  spec("theme", "theme"),
  spec("width", "width", "number"),
  spec("sort", "sort"),
  spec("lanes", "lanes"),
  spec("orientation", "orientation"),
  spec("subject", "subject"),
  spec("group", "group"),
  spec("highlight", "highlight"),
  spec("title", "title"),
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
  /** Chart options; every key in the table is present (undefined when absent) so an update clears removed attributes. */
  options: Record<string, unknown>;
}

function convert(value: string, type: AttributeType): unknown {
  const v = value.trim();
  if (type === "number") {
    const n = Number(v.replace(/px$/i, ""));
    return v !== "" && Number.isFinite(n) ? n : v;
  }
  return v;
}

/** Read an element's attributes through the table: `kind` "data" for `data-*`, "element" for `<claimline-chart>`. */
export function readAttributes(el: Element, kind: "data" | "element"): EmbedConfig {
  const out: EmbedConfig = { options: {} };
  for (const a of ATTRIBUTES) {
    const raw = el.getAttribute(kind === "data" ? a.data : a.attr);
    const value = raw === null || raw.trim() === "" ? undefined : convert(raw, a.type);
    if (a.option === "chart") out.chart = value as string | undefined;
    else if (a.option === "src") out.src = value as string | undefined;
    else out.options[a.option] = value;
  }
  return out;
}

/** The `data-*` attributes for options (server fragments write them so the live chart gets the same options). */
export function optionsToDataAttributes(options: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const a of ATTRIBUTES) {
    if (a.option === "chart" || a.option === "src") continue;
    const v = options[a.option];
    if (v === undefined || v === null || v === "") continue;
    out.push([a.data, Array.isArray(v) ? v.join(",") : String(v)]);
  }
  return out;
}
