/** The URL if it is an absolute http(s) URL, else undefined: `javascript:`, `data:` and relative links are never rendered. */
export function safeHref(url: unknown): string | undefined {
  if (typeof url !== "string") return undefined;
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s/?#]+/i.test(trimmed)) return undefined;
  // Control characters and whitespace inside a URL are how scheme tricks hide.
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return undefined;
  return trimmed;
}
