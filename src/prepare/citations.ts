/**
 * Citations as the reader sees them, one shared wording for every chart: the
 * outlet and its date, the link, the quote, and — where the source disagrees
 * with the record — what it gives instead ("The Independent says November 2024").
 */
import { safeHref } from "../model/links.js";
import type { ResolvedCitation } from "../model/resolve.js";
import type { DetailSpec } from "../render/view.js";
import type { Words } from "./messages.js";

export function citationLinks(cites: readonly ResolvedCitation[], w: Words): DetailSpec["links"] {
  return cites.map((c) => {
    const link: DetailSpec["links"][number] = { text: c.published ? `${c.name}, ${w.date(c.published)}` : c.name };
    const href = safeHref(c.url);
    if (href) link.href = href;
    if (c.citation.quote) link.quote = w.t("card.quote", { quote: c.citation.quote });
    const disputes = (c.citation as { disputes?: string }).disputes;
    if (disputes) link.disputes = w.t("cite.disputes", { source: c.name, value: disputes });
    return link;
  });
}

/** Sentences joined, a full stop after each unless it ends in a stop already; empty parts dropped. */
export function sentence(parts: ReadonlyArray<string | undefined | false>): string {
  return parts
    .map((p) => (p || "").trim())
    .filter(Boolean)
    .map((p) => (/[.!?…:;。！？]$/.test(p) ? p : `${p}.`))
    .join(" ");
}

/**
 * A record's numbered note, for static output: the marker drawn beside its mark ("1", or "≠1" where a
 * source disputes the record) and the footnote listed under the chart ("Title — Sources differ: The UK
 * daily says November 2024. <the record's note>").
 */
export interface Footnote {
  /** The record's id. */
  id: string;
  n: number;
  /** "1", or "≠1" where sources differ: drawn beside the mark (aria-hidden: the name and the table say it). */
  marker: string;
  /** A citation disputes the record. */
  differ: boolean;
  /** The note's words without the record's title (the table's Notes cell). */
  text: string;
  /** The footnote as listed: the record's title, then the note's words. */
  line: string;
}

/** What a record's sources dispute and its note say, as one text ("Sources differ: … . <note>"); undefined when neither. */
export function noteText(links: DetailSpec["links"], note: string | undefined, w: Words): { text: string; differ: boolean } | undefined {
  const disputes = links.map((l) => l.disputes).filter((d): d is string => !!d);
  if (!disputes.length && !note?.trim()) return undefined;
  return { differ: disputes.length > 0, text: sentence([disputes.length ? w.t("cite.differWhat", { what: disputes.join("; ") }) : "", note]) };
}

/** Add a record's note (if it has one) to `list` with the next number, in reading order; returns it. */
export function addFootnote(list: Footnote[], id: string, title: string, note: { text: string; differ: boolean } | undefined, w: Words): Footnote | undefined {
  if (!note) return undefined;
  const n = list.length + 1;
  const f: Footnote = { id, n, marker: (note.differ ? "≠" : "") + w.fmt.number(n), differ: note.differ, text: note.text, line: w.t("fn.item", { title, text: note.text }) };
  list.push(f);
  return f;
}

/** The legend entries for the markers drawn: a number for a note, "≠" where sources differ. */
export function footnoteLegend(notes: readonly Footnote[], w: Words): Array<{ key: "fn:note" | "fn:differ"; label: string }> {
  const out: Array<{ key: "fn:note" | "fn:differ"; label: string }> = [];
  if (notes.some((f) => !f.differ)) out.push({ key: "fn:note", label: w.t("fn.legendNote") });
  if (notes.some((f) => f.differ)) out.push({ key: "fn:differ", label: w.t("fn.legendDiffer") });
  return out;
}
