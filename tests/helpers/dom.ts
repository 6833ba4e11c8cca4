import { parseHTML } from "linkedom";

/** A fresh light DOM document (the same one the server renderer uses). */
export function makeDocument(): Document {
  const { document } = parseHTML("<!doctype html><html lang=\"en\"><head></head><body></body></html>");
  return document as unknown as Document;
}

/**
 * Serialise an element as indented markup, one element per line, numbers
 * rounded to 2 decimals, for SVG snapshot files that read well in review.
 */
export function pretty(node: Element, indent = ""): string {
  const attrs = Array.from(node.attributes)
    .map((a) => ` ${a.name}="${escapeAttr(roundNumbers(a.value))}"`)
    .join("");
  const name = node.tagName.toLowerCase() === node.tagName ? node.tagName : node.tagName.toLowerCase();
  const kids = Array.from(node.childNodes);
  if (!kids.length) return `${indent}<${name}${attrs}/>`;
  if (kids.every((k) => k.nodeType === 3)) return `${indent}<${name}${attrs}>${escapeText(node.textContent ?? "")}</${name}>`;
  const inner = kids
    .map((k) => (k.nodeType === 1 ? pretty(k as Element, indent + "  ") : k.nodeType === 3 && k.textContent?.trim() ? `${indent}  ${escapeText(k.textContent)}` : ""))
    .filter(Boolean)
    .join("\n");
  return `${indent}<${name}${attrs}>\n${inner}\n${indent}</${name}>`;
}

function roundNumbers(s: string): string {
  return s.replace(/-?\d+\.\d{3,}/g, (m) => String(Math.round(Number(m) * 100) / 100));
}
function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Words as a screen reader's label-in-name check compares them: lower case, letters and digits, parenthesised asides dropped. */
export function nameTokens(s: string): string[] {
  let t = s.normalize("NFKD");
  for (let prev = ""; prev !== t; ) {
    prev = t;
    t = t.replace(/\([^()]*\)/g, "");
  }
  return t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ").filter(Boolean);
}

/**
 * Label in name, for marks whose names stay the same at every width: the words drawn (a cut label's
 * shown words) appear in the name in the order drawn, and the name begins with the first of them.
 * Returns the first word that breaks the rule, or undefined.
 */
export function labelNotInName(drawn: string, name: string): string | undefined {
  const d = nameTokens(drawn);
  const n = nameTokens(name);
  if (d.length && n[0] !== d[0]) return d[0];
  let at = 0;
  for (const t of d) {
    const k = n.indexOf(t, at);
    if (k < 0) return t;
    at = k + 1;
  }
  return undefined;
}
