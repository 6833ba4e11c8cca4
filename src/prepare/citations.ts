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
