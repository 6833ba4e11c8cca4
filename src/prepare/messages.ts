/**
 * Every word a chart shows or speaks, in one place: the English catalogue is
 * built in; other languages register theirs (`registerMessages`, or the
 * on-demand modules under `claimline/locales/*`), and a `messages` option
 * overrides any string. Numbers, dates, plurals and lists are left to `Intl`.
 *
 * A message is a template (`"as of {date}"`) or, when it counts something, a
 * set of plural forms keyed by `Intl.PluralRules` categories
 * (`{ one: "{n} day", other: "{n} days" }`; Russian adds `few` and `many`).
 * Numbers passed as arguments are formatted in the reader's locale.
 *
 * Lookup for a key, in order: the `messages` option, the catalogue of the
 * locale's tag (`de-AT`), of its language (`de`), then English. A missing
 * key never shows as a blank or as its own name.
 */
import { resolveLocale, type LocaleFormat } from "../format/locale.js";
import { formatDateSpan, type DateSpan, type DateWords } from "../model/dates.js";
import english from "../locales/en.json";

export type PluralForms = { other: string } & Partial<Record<"zero" | "one" | "two" | "few" | "many", string>>;
export type Message = string | PluralForms;

/**
 * The English catalogue: the keys every catalogue may translate, in the order the
 * build packs the other catalogues in. Its words are in src/locales/en.json (notes on
 * some keys: src/locales/README.md).
 */
export const en = english satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
export type Catalogue = Partial<Record<MessageKey, Message>>;
export type MessageArgs = Record<string, string | number>;

/** The words of one chart in one language: `t(key, args)`, plus the locale's number and date formats. */
export interface Words {
  /** The BCP 47 tag numbers and dates are formatted in. */
  readonly locale: string;
  /** Writing direction of the catalogue's language. */
  readonly dir: "ltr" | "rtl";
  readonly fmt: LocaleFormat;
  /** The message for `key` with `args` filled in; a number `n` picks the plural form. */
  t(key: MessageKey, args?: MessageArgs): string;
  /** "Putin, Kim and Trump" in the reader's language. */
  list(items: readonly string[]): string;
  /** A date span at its own precision, with "c.", "from", "until" in the reader's language. */
  date(span: DateSpan): string;
}

const registry = new Map<string, Catalogue>([["en", en]]);
const listeners = new Set<(lang: string) => void>();

/**
 * Add (or extend) the catalogue for a language tag ("de", "pt-BR"). Charts drawn before it arrived redraw
 * once (see `onMessages`). Newsrooms use it for a language claimline does not ship, or a house style.
 */
export function registerMessages(tag: string, catalogue: Catalogue): void {
  // The shipped script-tag catalogues (dist/locales/<lang>.global.js) pass their packed form here.
  const c = unpackCatalogue(catalogue as Catalogue | PackedCatalogue, tag);
  if (!c) return;
  const key = tag.toLowerCase();
  registry.set(key, { ...(registry.get(key) ?? {}), ...c });
  cache.clear();
  for (const fn of listeners) fn(key);
}

/**
 * A shipped catalogue as the build packs it (rollup.config.js, `catalogues`): the fingerprint of the
 * key list it was packed against, then its messages in `en`'s key order, null for a key the language
 * lacks (English shows). Keys were a third of each catalogue's bytes; `en` already has them.
 */
export type PackedCatalogue = readonly [keys: number, ...messages: (Message | null)[]];

/** FNV-1a over the keys, in order, joined by commas; rollup.config.js computes the same when it packs. */
export function keysFingerprint(keys: readonly string[]): number {
  const s = keys.join();
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The catalogue as an object. A packed one is read against `en`'s keys; one packed against another
 * key list (a catalogue file from another version of claimline) is refused, undefined, with a
 * warning: the chart shows English rather than words under the wrong keys.
 */
export function unpackCatalogue(catalogue: Catalogue | PackedCatalogue, tag: string): Catalogue | undefined {
  if (!Array.isArray(catalogue)) return catalogue as Catalogue;
  const keys = Object.keys(en);
  if (catalogue.length !== keys.length + 1 || catalogue[0] !== keysFingerprint(keys)) {
    console.warn(`claimline: catalogue ${tag} is from another version`);
    return undefined;
  }
  const out: Record<string, Message> = {};
  keys.forEach((k, i) => {
    const m = catalogue[i + 1];
    if (m != null) out[k] = m;
  });
  return out;
}

/** For src/locales/<lang>.ts: register a shipped catalogue (packed, once built) and return it as an object. */
export function registerShipped(tag: string, catalogue: Catalogue | PackedCatalogue): Catalogue {
  const c = unpackCatalogue(catalogue, tag);
  if (c) registerMessages(tag, c);
  return c ?? {};
}

/** Call `fn` whenever a catalogue is registered; returns the function that stops it. */
export function onMessages(fn: (lang: string) => void): () => void {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}

/** The language tags that have a catalogue now. */
export function registeredLanguages(): string[] {
  return [...registry.keys()];
}

/** Tags to look in for `locale`, most specific first: de-AT → de-at, de, then en. */
export function fallbackChain(locale: string): string[] {
  const parts = locale.toLowerCase().split("-");
  const chain: string[] = [];
  for (let k = parts.length; k > 0; k--) chain.push(parts.slice(0, k).join("-"));
  if (!chain.includes("en")) chain.push("en");
  return chain;
}

/** Whether the locale's language has its catalogue registered (English always has). */
export function hasCatalogue(locale: string): boolean {
  const chain = fallbackChain(locale);
  return chain[0]!.split("-")[0] === "en" || chain.slice(0, -1).some((t) => registry.has(t));
}

let loader: ((locale: string) => void) | null = null;
/** How a catalogue not yet registered is fetched (the script-tag bundle loads it from beside itself); ESM users import it. */
export function setMessageLoader(fn: ((locale: string) => void) | null): void {
  loader = fn;
}
/** Ask for the locale's catalogue when it is not here yet; the chart redraws once it registers (`onMessages`). */
export function requestMessages(locale: string): void {
  if (loader && !hasCatalogue(locale)) loader(locale);
}

const RTL = new Set(["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"]);
const cache = new Map<string, Words>();
const plurals = new Map<string, Intl.PluralRules>();

/** The words for `locale`, with `overrides` (the `messages` option) taking precedence over every catalogue. */
export function wordsFor(locale: string, overrides?: Catalogue): Words {
  const fmt = resolveLocale(locale);
  const key = overrides ? "" : fmt.tag;
  const hit = key ? cache.get(key) : undefined;
  if (hit) return hit;
  const chain = fallbackChain(fmt.tag)
    .map((t) => registry.get(t))
    .filter((c): c is Catalogue => !!c);
  if (overrides) chain.unshift(overrides);
  let rules = plurals.get(fmt.tag);
  if (!rules) plurals.set(fmt.tag, (rules = new Intl.PluralRules(fmt.tag)));
  const pr = rules;
  const lang = fmt.tag.split("-")[0]!.toLowerCase();
  const words: Words = {
    locale: fmt.tag,
    dir: RTL.has(lang) ? "rtl" : "ltr",
    fmt,
    t(k, args) {
      let m: Message | undefined;
      for (const c of chain) {
        const v = c[k];
        if (v !== undefined && v !== "") {
          m = v;
          break;
        }
      }
      // Unreachable for a known key (English has them all); an unknown key from a hand-built catalogue reads as nothing rather than as its name.
      if (m === undefined) return "";
      const n = args?.n;
      const template = typeof m === "string" ? m : typeof n === "number" ? (m[pr.select(n)] ?? m.other) : m.other;
      return fill(template, args, fmt);
    },
    list: (items) => fmt.list([...items]),
    date: (span) => formatDateSpan(span, fmt.tag, say),
  };
  const say: DateWords = { circa: (date) => words.t("date.circa", { date }), from: (date) => words.t("date.from", { date }), until: (date) => words.t("date.until", { date }) };
  if (key) cache.set(key, words);
  return words;
}

function fill(template: string, args: MessageArgs | undefined, fmt: LocaleFormat): string {
  if (!args || template.indexOf("{") < 0) return template;
  return template.replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = args[name];
    return v === undefined ? all : typeof v === "number" ? fmt.number(v) : v;
  });
}

/** Check a `messages` option: an object of known keys whose values are text or plural forms. */
export function readCatalogue(value: unknown, name = "messages"): Catalogue | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const o = typeof value === "string" ? JSON.parse(value) : value;
  if (typeof o !== "object" || Array.isArray(o)) throw new TypeError(`option ${name}: expected an object of messages, got ${JSON.stringify(value)}`);
  const out: Catalogue = {};
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (!Object.hasOwn(en, k)) {
      const near = Object.keys(en).filter((e) => e.split(".").pop() === k.split(".").pop());
      throw new TypeError(`option ${name}: no message ${JSON.stringify(k)}${near.length ? ` (did you mean ${near.slice(0, 3).map((x) => JSON.stringify(x)).join(" or ")}?)` : ""}`);
    }
    const ok = typeof v === "string" || (typeof v === "object" && v !== null && typeof (v as PluralForms).other === "string");
    if (!ok) throw new TypeError(`option ${name}.${k}: expected text or plural forms with "other", got ${JSON.stringify(v)}`);
    (out as Record<string, Message>)[k] = v as Message;
  }
  return out;
}
