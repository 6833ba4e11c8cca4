/**
 * Catalogues on demand for the script-tag bundle (issue 13).
 *
 * How a language arrives, by the kind of page:
 * - ESM (bundlers): `import "claimline/locales/de";` — each `src/locales/<lang>.ts`
 *   registers its catalogue when imported (the module's one side effect) and
 *   also exports it (`import { de } from "claimline/locales/de"`), for a page
 *   that wants to extend it with `registerMessages("de", { ...de, … })`.
 * - Script tag: `dist/locales/<lang>.global.js` registers through
 *   `window.Claimline.registerMessages`. A chart that needs a language not yet
 *   registered calls `loadMessages(locale, scriptSrc)`, which adds
 *   `<script src="<dir of claimline.min.js>/locales/<lang>.global.js">` once per
 *   language: same origin as claimline.min.js itself, so a strict CSP
 *   (`script-src 'self'`, or a nonce, which is copied) still holds; no eval,
 *   no inline script. The chart redraws when `onMessages` reports the language.
 */
import { fallbackChain, registeredLanguages } from "../prepare/messages.js";

/** The languages claimline ships a catalogue for, beside English (built in). */
export const SHIPPED_LANGUAGES = ["de", "fr", "es", "it", "pt", "ru", "uk", "ko", "ja", "zh", "ar"] as const;
export type ShippedLanguage = (typeof SHIPPED_LANGUAGES)[number];

/** The shipped catalogue `locale` reads from ("pt-BR" → "pt"), or undefined (English, or a language not shipped). */
export function shippedLanguage(locale: string): ShippedLanguage | undefined {
  return fallbackChain(locale).find((t): t is ShippedLanguage => (SHIPPED_LANGUAGES as readonly string[]).includes(t));
}

/** URL of a language's script-tag catalogue, beside the script at `scriptSrc` (relative to `base`). */
export function catalogueUrl(lang: string, scriptSrc: string, base?: string): string {
  return new URL(`locales/${lang}.global.js`, new URL(scriptSrc, base)).href;
}

const pending = new Map<string, Promise<boolean>>();

/**
 * Make sure the catalogue for `locale` is registered, loading the script-tag
 * flavour from beside `scriptSrc` (the `src` of claimline.min.js, read from
 * `document.currentScript` while the bundle first runs) when it is not.
 *
 * Resolves `true` once the language is registered (at once if it already is),
 * `false` when there is nothing to load (English, a language claimline does not
 * ship, no document or no `scriptSrc`) or the script failed to load; never
 * rejects. One `<script>` per language per page, however many charts ask.
 */
export function loadMessages(locale: string, scriptSrc: string | undefined, doc: Document | undefined = globalThis.document): Promise<boolean> {
  const lang = shippedLanguage(locale);
  if (!lang) return Promise.resolve(false);
  if (registeredLanguages().includes(lang)) return Promise.resolve(true);
  const known = pending.get(lang);
  if (known) return known;
  if (!doc || !scriptSrc) return Promise.resolve(false);
  let src: string;
  try {
    src = catalogueUrl(lang, scriptSrc, doc.baseURI);
  } catch {
    return Promise.resolve(false);
  }
  if (!/^https?:/i.test(src)) return Promise.resolve(false);
  const p = new Promise<boolean>((resolve) => {
    const script = doc.createElement("script");
    // The page's own rules for claimline.min.js apply to its catalogues too.
    const self = Array.from(doc.scripts).find((s) => s.src === new URL(scriptSrc, doc.baseURI).href);
    if (self?.nonce) script.nonce = self.nonce;
    if (self?.crossOrigin != null) script.crossOrigin = self.crossOrigin;
    script.async = true;
    script.src = src;
    script.setAttribute("data-claimline-locale", lang);
    // The script runs (and registers) before its load event fires.
    script.addEventListener("load", () => resolve(registeredLanguages().includes(lang)), { once: true });
    script.addEventListener("error", () => resolve(false), { once: true });
    (doc.head ?? doc.documentElement).appendChild(script);
  });
  pending.set(lang, p);
  return p;
}
