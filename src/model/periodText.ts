/**
 * The timeline's range and periods as plain text an editor can type, for
 * every door that carries text only: `data-domain` / `data-periods`, the
 * `<claimline-chart>` attributes, the CLI's `--domain` / `--period` flags.
 *
 *   domain:  "2021-08/2021-09"  (or "2021-08,2021-09"): two EDTF dates, start then end
 *   periods: "2021-08-15/2021-08-31 Evacuation; 2021-08-26 Kabul airport attack"
 *            `;` or a new line between periods; each is an EDTF date or interval,
 *            then its label. A single date is a period of that date's span; an
 *            interval with an open (`..`) or empty end runs to the chart's edge.
 *            In a label, `\;` is a semicolon and `\\` a backslash.
 *
 * Errors are OptionErrors that name the attribute or flag (`name`) and quote
 * the part that cannot be read; every problem in the text is reported, not
 * only the first. The format functions write what the parse functions read,
 * so options round-trip through text.
 */
import { parseDate } from "./dates.js";
import { OptionError } from "./options.js";

/** A highlighted period, as the timeline's `periods` option takes it. */
export interface PeriodText {
  /** EDTF; the period runs from this date's start… */
  start: string;
  /** …to this date's end; missing runs to the chart's edge. */
  end?: string;
  label: string;
}

const DOMAIN_EXAMPLE = `"2021-08/2021-09"`;
const PERIOD_EXAMPLE = `"2021-08-15/2021-08-31 Evacuation; 2021-08-26 Kabul airport attack"`;

/** Why `text` is not a single EDTF date, or null when it is one. */
function dateProblem(text: string): string | null {
  try {
    const span = parseDate(text);
    return span.interval ? "a single date is needed here, not an interval" : null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** `"2021-08/2021-09"` or `"2021-08,2021-09"` → `["2021-08", "2021-09"]`. */
export function parseDomainText(text: string, name = "domain"): [string, string] {
  const t = String(text).trim();
  const parts = t.split(/\s*[/,]\s*/);
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new OptionError(`${name}: cannot read ${JSON.stringify(t)} as a range; write two EDTF dates, start/end, e.g. ${DOMAIN_EXAMPLE} (or "2021-08,2021-09")`);
  }
  const problems: string[] = [];
  for (const [k, part] of parts.entries()) {
    if (part === "..") problems.push(`the ${k ? "end" : "start"} cannot be open (".."): a range needs two dates`);
    else {
      const why = dateProblem(part);
      if (why) problems.push(`cannot read the ${k ? "end" : "start"} ${JSON.stringify(part)}: ${why}`);
    }
  }
  if (!problems.length && parseDate(parts[1]!).end <= parseDate(parts[0]!).start) problems.push(`the end ${parts[1]} is before the start ${parts[0]}`);
  if (problems.length) throw new OptionError(`${name}: ${problems.join("; ")} (e.g. ${DOMAIN_EXAMPLE})`);
  return [parts[0]!, parts[1]!];
}

/** `["2021-08", "2021-09"]` → `"2021-08/2021-09"`. */
export function formatDomainText(domain: readonly string[]): string {
  return `${domain[0]}/${domain[1]}`;
}

/** Split at `;` and new lines that are not escaped; unescape `\;` and `\\`. */
function splitPeriods(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && (text[i + 1] === ";" || text[i + 1] === "\\")) {
      cur += text[++i];
    } else if (c === ";" || c === "\n" || c === "\r") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** One period's date part: a date (its own span) or an interval (`..` or empty end: to the edge). */
function readPeriodDates(token: string): Omit<PeriodText, "label"> | string {
  if (!token.includes("/")) {
    const why = dateProblem(token);
    return why ?? { start: token, end: token };
  }
  const [start, end, ...more] = token.split("/");
  if (more.length) return dateProblem(token) ?? "an interval has one /";
  if (!start || start === "..") return "a period needs a start date";
  const why = dateProblem(start);
  if (why) return `its start ${JSON.stringify(start)}: ${why}`;
  if (!end || end === "..") return { start };
  const whyEnd = dateProblem(end);
  if (whyEnd) return `its end ${JSON.stringify(end)}: ${whyEnd}`;
  if (parseDate(end).end < parseDate(start).start) return `it ends (${end}) before it starts (${start})`;
  return { start, end };
}

/**
 * `"2021-08-15/2021-08-31 Evacuation; 2021-08-26 Kabul airport attack"` →
 * `[{ start: "2021-08-15", end: "2021-08-31", label: "Evacuation" }, { start: "2021-08-26", end: "2021-08-26", label: "Kabul airport attack" }]`.
 * Empty text is no periods.
 */
export function parsePeriodsText(text: string, name = "periods"): PeriodText[] {
  const periods: PeriodText[] = [];
  const problems: string[] = [];
  const items = splitPeriods(String(text))
    .map((s) => s.trim())
    .filter(Boolean);
  items.forEach((item, k) => {
    // "2021-08-15 / 2021-08-31 Evacuation": spaces around the slash are forgiven; what follows it is
    // the end only when it can be a date ("2021-08/ Withdrawal" is an open end and a label).
    const spaced = /^([^\s/]+)\s*\/\s*(\.\.|[+-]?\d\S*)?(?:\s+([\s\S]*))?$/.exec(item);
    const m = spaced ? null : /^(\S+)(?:\s+([\s\S]*))?$/.exec(item)!;
    const token = spaced ? `${spaced[1]}/${spaced[2] ?? ""}` : m![1]!;
    const label = ((spaced ? spaced[3] : m![2]) ?? "").trim();
    const dates = readPeriodDates(token);
    const which = items.length > 1 ? `period ${k + 1} (${JSON.stringify(item.length > 48 ? item.slice(0, 47) + "…" : item)})` : `${JSON.stringify(item)}`;
    if (typeof dates === "string") {
      problems.push(`${which}: cannot read ${JSON.stringify(token)} as a date or interval: ${dates}`);
    } else periods.push({ ...dates, label });
  });
  if (problems.length) throw new OptionError(`${name}: ${problems.join("; ")}. Write each period as an EDTF date or interval, then its label, separated by ";" or new lines, e.g. ${PERIOD_EXAMPLE}`);
  return periods;
}

/** A label as it can stand in the text: on one line, `;` and `\` escaped. */
function escapeLabel(label: string): string {
  return label.replace(/\s*[\r\n]+\s*/g, " ").replace(/\\/g, "\\\\").replace(/;/g, "\\;").trim();
}

/**
 * Periods as text `parsePeriodsText` reads back to the same periods:
 * `{ start, end }` with start = end is written as the single date; a period
 * without an end (or with `..`) as `start/..`.
 */
export function formatPeriodsText(periods: readonly { start: string; end?: string | undefined; label?: string | undefined }[]): string {
  return periods
    .map((p) => {
      const open = p.end === undefined || p.end === null || p.end === "" || p.end === "..";
      const dates = open ? `${p.start}/..` : p.end === p.start ? p.start : `${p.start}/${p.end}`;
      const label = escapeLabel(p.label ?? "");
      return label ? `${dates} ${label}` : dates;
    })
    .join("; ");
}
