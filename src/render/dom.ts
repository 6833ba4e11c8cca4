/**
 * Element creation against a given `document`, so the browser, jsdom and the
 * server's light DOM share one code path. Text from data is only ever set
 * with `textContent`; links pass through `safeHref` first.
 */
export const SVG_NS = "http://www.w3.org/2000/svg";
export const HTML_NS = "http://www.w3.org/1999/xhtml";

export type Attrs = Record<string, string | number | boolean | null | undefined>;

function applyAttrs(el: Element, attrs?: Attrs): void {
  if (!attrs) return;
  for (const name in attrs) {
    const v = attrs[name];
    if (v == null || v === false) continue;
    // `style` attributes are refused under a strict CSP; classes and custom properties style instead.
    if (name === "style") throw new Error("claimline: style attributes are not CSP-safe; use a class");
    el.setAttribute(name, v === true ? "" : typeof v === "number" ? roundAttr(v) : v);
  }
}

/** Three decimals is below a device pixel and keeps SVG snapshots stable. */
export function roundAttr(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

/** Create an SVG element with attributes, optionally appended to `parent`. */
export function svg<K extends keyof SVGElementTagNameMap>(doc: Document, name: K, attrs?: Attrs, parent?: Element | null, text?: string): SVGElementTagNameMap[K] {
  const el = doc.createElementNS(SVG_NS, name) as SVGElementTagNameMap[K];
  applyAttrs(el, attrs);
  if (text != null) el.textContent = text;
  if (parent) parent.appendChild(el);
  return el;
}

/** Create an HTML element with attributes, optionally appended to `parent`. */
export function html<K extends keyof HTMLElementTagNameMap>(doc: Document, name: K, attrs?: Attrs, parent?: Element | null, text?: string): HTMLElementTagNameMap[K] {
  const el = doc.createElement(name) as HTMLElementTagNameMap[K];
  applyAttrs(el, attrs);
  if (text != null) el.textContent = text;
  if (parent) parent.appendChild(el);
  return el;
}

export { safeHref } from "../model/links.js";

/** A class name under claimline's versioned prefix, so two versions on one page do not clash. */
export const PREFIX = "claimline-v1";
export function cls(...names: string[]): string {
  return names.filter(Boolean).map((n) => `${PREFIX}-${n}`).join(" ");
}

let uid = 0;
/** Ids unique per page (several charts on one page must not collide). */
export function uniqueId(name: string): string {
  return `${PREFIX}-${name}-${(++uid).toString(36)}`;
}
