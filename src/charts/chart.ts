/**
 * The public handle every chart returns: `{ node, update, resize, destroy }`.
 *
 * 1. Resolve the target and the data (a Dataset, raw JSON, or a JSON string).
 * 2. Resolve options once per update; a bad option or dataset becomes a
 *    readable message in place, never a blank box or a thrown error.
 * 3. Draw at the container's width (or `options.width`); a container that is
 *    hidden (width 0) waits for the ResizeObserver to report a width.
 * 4. Wire keyboard, hover and touch to the detail card.
 * Several updates in one tick make one redraw; `destroy()` removes every
 * listener and observer it added.
 *
 * The handle is composed of parts that share its state (charts/state.ts): the detail card (card.ts),
 * the data table (table.ts), the keyboard tree (keyboard.ts) and the pointer (pointer.ts).
 */
import { DatasetError, parseDataset } from "../model/validate.js";
import type { Dataset } from "../model/types.js";
import type { ResolvedCommon } from "../model/options.js";
import { resolveDataset } from "../model/resolve.js";
import { fallbackChain, onMessages, requestMessages, wordsFor, type Words } from "../prepare/messages.js";
import { cls, html, PREFIX, uniqueId } from "../render/dom.js";
import { renderMessage } from "../render/frame.js";
import { ensureStyles } from "../render/styles.js";
import { patchTree } from "../render/patch.js";
import type { ChartGroup } from "../prepare/groups.js";
import { markPointer, type MarkPointer } from "./pointer.js";
import { detailCard, type DetailCard } from "./card.js";
import { dataTable, type DataTable } from "./table.js";
import { keyboardTree, markOf, navLayer, type KeyboardTree } from "./keyboard.js";
import type { Shared } from "./state.js";
import { isMessage, type ChartDefinition, type ChartMessage, type ChartView } from "../render/view.js";

export { LAZY_TABLE_ROWS } from "./table.js";

export interface ChartHandle {
  /** The chart's root element (inside the target). */
  node: HTMLElement;
  /** Replace the data and/or merge new options; redraws once per tick. */
  update(next?: unknown, options?: Record<string, unknown>): void;
  /** Re-lay out at `width`, or at the container's width. */
  resize(width?: number): void;
  /** Remove the chart, its listeners and its observer. */
  destroy(): void;
}

export function resolveTarget(target: Element | string): HTMLElement {
  if (typeof target === "string") {
    const el = typeof document !== "undefined" ? document.querySelector(target) : null;
    if (!el) throw new Error(`claimline: no element matches ${JSON.stringify(target)}`);
    return el as HTMLElement;
  }
  if (!target || typeof (target as Element).appendChild !== "function") throw new Error("claimline: target must be an element or a selector");
  return target as HTMLElement;
}

/** Dataset problems as message lines: "claims[0].high: …". */
export function problemLines(err: unknown): string[] {
  if (err instanceof DatasetError) return err.problems.map((p) => `${p.path}: ${p.message}`);
  return [err instanceof Error ? err.message : String(err)];
}

type Listen = (el: EventTarget, type: string, fn: (e: any) => void, opts?: AddEventListenerOptions | boolean) => void;

/** One handle's state: what it was given, what it resolved and prepared, what it has drawn, and its parts. */
interface Handle<O extends ResolvedCommon, P> extends Shared {
  readonly def: ChartDefinition<O, P>;
  readonly helpId: string;
  readonly card: DetailCard;
  readonly table: DataTable;
  readonly keys: KeyboardTree;
  /** The pointer means the nearest mark (charts/pointer.ts). */
  readonly pointer: MarkPointer;
  rawData: unknown;
  rawOptions: Record<string, unknown>;
  dataset: Dataset | null;
  dataError: unknown;
  fixedWidth: number | undefined;
  lastWidth: number;
  scheduled: boolean;
  destroyed: boolean;
  help: HTMLElement | null;
  /** Options are resolved once per `update(…, options)`, not on every resize. */
  resolvedFor: Record<string, unknown> | null;
  resolved: { opts: O } | { error: unknown } | null;
  /** What the mounted view was drawn from. */
  drawn: { dataset: Dataset | null; opts: O | null; width: number };
  /** Every word of the chart, prepared once per dataset and options: a resize only lays out and renders again. */
  prepared: { dataset: Dataset; opts: O; value: P | ChartMessage; groups: ChartGroup[] } | null;
}

/** `drawn` before the first draw, and after anything that must redraw even at the same width. */
const NOTHING_DRAWN = { dataset: null, opts: null, width: 0 };

export function createChart<O extends ResolvedCommon, P>(def: ChartDefinition<O, P>, target: Element | string, data: unknown, options: Record<string, unknown> = {}): ChartHandle {
  const host = resolveTarget(target);
  const doc = host.ownerDocument;
  const view = doc.defaultView;
  ensureStyles(doc, def.css);

  const node = html(doc, "div", { class: `${PREFIX} ${cls("chart", def.name)}`, "data-claimline-chart": def.name });
  host.appendChild(node);
  const shared: Shared = { doc, view, node, detailId: uniqueId("detail"), current: null, marks: new Map(), words: wordsFor("en") };
  const card = detailCard(shared, (el) => keys.setTabStop(el));
  const keys = keyboardTree(shared, card);
  const h: Handle<O, P> = Object.assign(shared, {
    def,
    helpId: uniqueId("help"),
    card,
    keys,
    table: dataTable(shared, def.name),
    pointer: markPointer(),
    rawData: data,
    rawOptions: { ...options },
    dataset: null,
    dataError: null,
    fixedWidth: undefined,
    lastWidth: 0,
    scheduled: false,
    destroyed: false,
    help: null,
    resolvedFor: null,
    resolved: null,
    drawn: NOTHING_DRAWN,
    prepared: null,
  });

  const cleanups: Array<() => void> = [];
  const listen: Listen = (el, type, fn, opts) => {
    el.addEventListener(type, fn, opts);
    cleanups.push(() => el.removeEventListener(type, fn, opts));
  };
  wireFocus(h, listen);
  wireInput(h, listen);
  const resized = observe(h, cleanups);

  // A catalogue that arrives after the first draw (loaded on demand): redraw once in the reader's language.
  cleanups.push(
    onMessages((lang) => {
      const opts = h.resolved && "opts" in h.resolved ? h.resolved.opts : null;
      if (opts && fallbackChain(opts.locale).includes(lang)) {
        h.prepared = null;
        h.drawn = NOTHING_DRAWN;
        schedule(h);
      }
    }),
  );

  parse(h);
  draw(h);

  return {
    node,
    update(next?: unknown, options?: Record<string, unknown>) {
      if (next !== undefined) {
        h.rawData = next;
        parse(h);
      }
      if (options) h.rawOptions = { ...h.rawOptions, ...options };
      // An explicit update always redraws (a dataset edited in place, "today" moving on).
      h.drawn = NOTHING_DRAWN;
      h.prepared = null;
      schedule(h);
    },
    resize(width?: number) {
      h.fixedWidth = width;
      resized();
    },
    destroy() {
      if (h.destroyed) return;
      h.destroyed = true;
      for (const c of cleanups.splice(0)) c();
      node.remove();
      forget(h);
    },
  };
}

function parse(h: Handle<any, any>): void {
  try {
    h.dataset = parseDataset(h.rawData);
    h.dataError = null;
  } catch (err) {
    h.dataset = null;
    h.dataError = err;
  }
}

function schedule(h: Handle<any, any>): void {
  if (h.scheduled || h.destroyed) return;
  h.scheduled = true;
  queueMicrotask(() => draw(h));
}

function measure(node: HTMLElement): number {
  return Math.floor(node.getBoundingClientRect?.().width || node.clientWidth || 0);
}

/** Drop every reference to the mounted view (after its nodes are gone). */
function forget(h: Handle<any, any>): void {
  h.current = null;
  h.card.forget();
  h.help = null;
  h.table.forget();
  h.marks = new Map();
  h.keys.forget();
}

/** Replace whatever is drawn with a message. */
function showMessage(h: Handle<any, any>, el: HTMLElement): void {
  h.node.textContent = "";
  forget(h);
  h.node.appendChild(el);
}

function setTheme(node: HTMLElement, theme: string): void {
  // Only touch the class list when the theme changes: a class change restyles the whole chart.
  const want = `${PREFIX}-theme-${theme}`;
  for (const t of ["light", "dark", "auto"]) {
    const c = `${PREFIX}-theme-${t}`;
    if (c !== want && node.classList.contains(c)) node.classList.remove(c);
  }
  if (!node.classList.contains(want)) node.classList.add(want);
}

function draw<O extends ResolvedCommon, P>(h: Handle<O, P>): void {
  h.scheduled = false;
  if (h.destroyed) return;
  const { doc, node, def } = h;
  const focusedId = doc.activeElement && node.contains(doc.activeElement) ? doc.activeElement.getAttribute("data-id") : null;
  let resolved = h.resolved;
  const rawOptions = h.rawOptions;
  if (h.resolvedFor !== rawOptions || !resolved) {
    h.resolvedFor = rawOptions;
    try {
      resolved = { opts: def.resolveOptions(rawOptions) };
    } catch (err) {
      resolved = { error: err };
    }
    h.resolved = resolved;
  }
  const more = (n: number) => h.words.t("msg.more", { n });
  if ("error" in resolved) {
    showMessage(h, renderMessage(doc, { message: h.words.t("msg.badOption"), details: problemLines(resolved.error) }, "alert", more));
    return;
  }
  const opts = resolved.opts;
  const words = (h.words = wordsFor(opts.locale, opts.messages));
  requestMessages(opts.locale);
  // Arabic, Hebrew…: the header, legend, card and table run right to left; the time axis keeps running left to right.
  if (node.getAttribute("dir") !== words.dir) node.setAttribute("dir", words.dir);
  setTheme(node, opts.theme ?? "light");
  const dataset = h.dataset;
  if (!dataset) {
    showMessage(h, renderMessage(doc, { message: words.t("msg.badData"), details: problemLines(h.dataError) }, "alert", more));
    return;
  }
  // resize(width) wins over the width option: the call is the newer instruction.
  const width = h.fixedWidth ?? opts.width ?? measure(node);
  h.lastWidth = width;
  if (!(width > 0)) {
    // Hidden (display:none, a closed tab): say so in text and wait for the observer.
    showMessage(h, renderMessage(doc, { message: words.t("msg.loading") }));
    return;
  }
  // Nothing changed since the last draw (a resize to the width already drawn): keep what is there.
  const drawn = h.drawn;
  if (h.current && drawn.dataset === dataset && drawn.opts === opts && drawn.width === width) return;
  let result;
  try {
    let prepared = h.prepared;
    if (!prepared || prepared.dataset !== dataset || prepared.opts !== opts) {
      const value = def.prepare(resolveDataset(dataset), opts);
      prepared = h.prepared = { dataset, opts, value, groups: isMessage(value as ChartView | ChartMessage) ? [] : def.groups(value as P, opts) };
    }
    const p = prepared.value;
    result = isMessage(p as ChartView | ChartMessage) ? (p as ChartMessage) : def.draw(doc, p as P, opts, width);
  } catch (err) {
    showMessage(h, renderMessage(doc, { message: words.t("msg.failed"), details: problemLines(err) }, "alert", more));
    return;
  }
  if (isMessage(result)) {
    showMessage(h, renderMessage(doc, result, "status", more));
    return;
  }
  mount(h, result, focusedId);
  h.drawn = { dataset, opts, width };
}

/**
 * Show a drawn view. A redraw of a mounted chart (resize, new options) swaps the header and the svg
 * and keeps the detail card, and the data table when its rows are unchanged (a resize rebuilds none
 * of its cells, and an open table stays open and scrolled where it was).
 */
function mount(h: Handle<any, any>, v: ChartView, focusedId: string | null): void {
  const { doc, node, card, keys } = h;
  const zoomFocus = v.zoom && doc.activeElement && node.contains(doc.activeElement) ? doc.activeElement.getAttribute("data-zoom") : null;
  // A group node or the chart itself had focus: the same one has it after the redraw.
  const navFocus = doc.activeElement && node.contains(doc.activeElement) ? (doc.activeElement.getAttribute("data-nav") ?? (doc.activeElement === h.current?.svg ? "chart" : null)) : null;
  if (v.zoom) (v.header ??= html(doc, "div", { class: cls("header") })).appendChild(zoomBar(doc, h.words, v.zoom));
  v.svg.setAttribute("aria-describedby", h.helpId);
  // Focusable marks inside role="img" would be hidden from assistive tech; interactive charts are a labelled group.
  v.svg.setAttribute("role", "group");
  // The root of the keyboard's tree (Up from a group): focusable by script, not a second tab stop.
  v.svg.setAttribute("tabindex", "-1");
  card.reset();
  keys.index(v);
  const prev = h.current;
  if (prev && card.el && h.table.el) patch(h, prev, v);
  else first(h, v);
  h.current = v;
  keys.build(v, h.prepared?.groups ?? [], navFocus);
  h.pointer.reset();
  if (zoomFocus !== null) Array.from(v.header?.querySelectorAll<HTMLElement>("[data-zoom]") ?? []).find((b) => b.getAttribute("data-zoom") === zoomFocus)?.focus();
  const refocus = focusedId ? h.marks.get(focusedId) : undefined;
  if (refocus) {
    keys.arm(refocus);
    refocus.focus();
  }
  card.restore();
}

/** The first mount (or the first after a message): header, keyboard help, picture, notes, card, table. */
function first(h: Handle<any, any>, v: ChartView): void {
  const { doc, node } = h;
  node.textContent = "";
  if (v.header) node.appendChild(v.header);
  // Keyboard instructions: the chart's description for screen readers, shown to sighted keyboard users on focus.
  // aria-hidden: read once, as the chart's description (aria-describedby reads hidden text), not again as a paragraph.
  h.help = html(doc, "p", { class: cls("help"), id: h.helpId, "aria-hidden": "true" }, node, h.words.t("keys.help"));
  node.appendChild(v.svg);
  if (v.footer) node.appendChild(v.footer);
  node.appendChild(h.card.create());
  node.appendChild(h.table.create(v.table));
}

/** A redraw of a mounted chart: the new view patched into the one shown (`v.svg` becomes the mounted svg). */
function patch(h: Handle<any, any>, prev: ChartView, v: ChartView): void {
  if (v.header) {
    if (prev.header) prev.header.replaceWith(v.header);
    else h.node.insertBefore(v.header, prev.svg);
  } else prev.header?.remove();
  // The picture is updated in place: marks keep their nodes (and focus), only what changed is written.
  // The group nodes are the handle's, not the renderer's: taken out before the patch, built again after it.
  navLayer(prev.svg)?.remove();
  patchTree(prev.svg, v.svg);
  v.svg = prev.svg;
  h.keys.adopt(v);
  if (v.footer) {
    // A reader who opened the notes keeps them open across a resize.
    if (prev.footer?.querySelector("details[open]")) v.footer.querySelector("details")?.setAttribute("open", "");
    if (prev.footer) prev.footer.replaceWith(v.footer);
    else v.svg.after(v.footer);
  } else prev.footer?.remove();
  h.help!.textContent = h.words.t("keys.help");
  h.card.el!.hidden = true;
  h.table.update(v.table);
}

/** Buttons for the periods a chart offers to zoom to; each sets the `domain` option (see ChartView.zoom). */
function zoomBar(doc: Document, words: Words, choices: NonNullable<ChartView["zoom"]>): HTMLElement {
  const bar = html(doc, "div", { class: cls("zoom"), role: "group", "aria-label": words.t("zoom.label") });
  html(doc, "span", {}, bar, words.t("zoom.show"));
  for (const c of choices) {
    html(doc, "button", { type: "button", "data-zoom": c.domain ? c.domain.join("/") : "", "aria-pressed": c.current ? "true" : "false" }, bar, c.label);
  }
  return bar;
}

/** The zoom buttons, and focus moving in and out of marks, group nodes and the chart. */
function wireFocus(h: Handle<any, any>, listen: Listen): void {
  const { node, card, keys } = h;
  listen(node, "click", (e) => {
    const b = (e.target as Element | null)?.closest?.("[data-zoom]");
    if (!b || !node.contains(b)) return;
    const value = b.getAttribute("data-zoom") ?? "";
    const { domain: _old, ...rest } = h.rawOptions;
    h.rawOptions = value ? { ...rest, domain: value.split("/") } : rest;
    schedule(h);
  });

  // Events are delegated to the root so a redraw needs no re-binding.
  listen(node, "focusin", (e) => {
    const m = markOf(h, e);
    if (m) {
      if (h.current) keys.setTabStop(h.marks.get(m.getAttribute("data-id")!) ?? m);
      card.show(m.getAttribute("data-id")!);
    }
  });
  // A group node with focus: its ring drawn around its marks, its marks lit.
  listen(node, "focusin", (e: FocusEvent) => {
    const at = (e.target as Element | null)?.getAttribute?.("data-nav");
    if (at != null) keys.ring(Number(at), true);
    // The chart itself focused (a press on its empty space, or Up from a group): a card that is not pinned closes,
    // as it did when such a press left focus on the page.
    else if (h.current && e.target === h.current.svg) card.hide();
  });
  listen(node, "focusout", (e: FocusEvent) => {
    const at = (e.target as Element | null)?.getAttribute?.("data-nav");
    if (at != null) keys.ring(Number(at), false);
  });
  listen(node, "focusout", (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    if (!next || !node.contains(next)) card.hide();
  });
}

/** Hover, presses and clicks, keys, the data table's toggle, and taps elsewhere. */
function wireInput(h: Handle<any, any>, listen: Listen): void {
  const { doc, node, card, keys, pointer } = h;
  /** The card open is the pointer's. */
  let hovered = false;
  /** The mark a press (mousedown) meant, for the click that follows it. */
  let pressed: string | null = null;
  listen(node, "pointermove", (e: PointerEvent) => {
    if (e.pointerType === "touch" || card.pinned || !h.current || card.el?.contains(e.target as Node)) return;
    const id = pointer.pick(h.current.svg, h.marks, e);
    if (id) {
      hovered = true;
      if (id !== card.activeId) card.show(id);
    } else if (hovered) {
      hovered = false;
      card.hide();
    }
  });
  listen(node, "pointerleave", (e: PointerEvent) => {
    if (e.pointerType !== "touch" && hovered) {
      hovered = false;
      card.hide();
    }
  });
  listen(node, "click", (e) => {
    if (h.table.click(e.target as Element | null)) return;
    // A pointer's click means the mark nearest where it was pressed (overlapping hit areas); a keyboard's or a script's (detail 0), its target.
    const picked = e.detail > 0 && h.current ? (pressed ?? pointer.pick(h.current.svg, h.marks, e)) : null;
    pressed = null;
    const m = (picked && h.marks.get(picked)) || markOf(h, e);
    if (m) {
      const id = m.getAttribute("data-id")!;
      // The keyboard carries on from the mark meant (focused here, not by the press: see mousedown).
      if (picked && doc.activeElement !== m) {
        keys.arm(m);
        m.focus({ preventScroll: true });
      }
      if (card.pinned === id) card.hide(true);
      else card.show(id, true);
    }
  });
  // A press on a mark: the mark it means is taken now, and the browser does not focus the one drawn on top (which
  // scrolls a tall mark's label into view, so the page jumps between press and release); the click focuses the one meant.
  listen(node, "mousedown", (e: MouseEvent) => {
    pressed = h.current && e.button === 0 ? pointer.pick(h.current.svg, h.marks, e) : null;
    // A press on a cluster's "+N events" (it zooms on click) must not focus the chart either: a tall chart would scroll.
    const zoomer = (e.target as Element | null)?.closest?.("svg [data-zoom]");
    if (pressed || zoomer) e.preventDefault();
  });
  listen(node, "keydown", keys.key);
  // A big data table is built when the reader opens it (`toggle` does not bubble: listen in the capture phase).
  listen(node, "toggle", h.table.toggle, true);
  // Tap elsewhere closes a pinned card.
  listen(doc, "pointerdown", (e: PointerEvent) => {
    if (card.pinned && !node.contains(e.target as Node)) card.hide(true);
  });
}

/**
 * Off-screen charts skip work: a resize of a chart nobody can see is redrawn when it scrolls into view
 * (20 charts on a live blog, one visible, resize as one). The first draw always happens, so nothing is blank.
 * Returns what a new width does (the ResizeObserver's report, or `resize()`).
 */
function observe(h: Handle<any, any>, cleanups: Array<() => void>): () => void {
  const node = h.node;
  const win = h.view as (Window & typeof globalThis) | null;
  let visible = true;
  let seen = false;
  let deferred = false;
  const IO = win?.IntersectionObserver;
  if (IO) {
    const io = new IO(
      (entries) => {
        seen = true;
        visible = entries[entries.length - 1]!.isIntersecting;
        if (visible && deferred) {
          deferred = false;
          schedule(h);
        }
      },
      { rootMargin: "200px 0px" },
    );
    io.observe(node);
    cleanups.push(() => io.disconnect());
  }
  const RO = win?.ResizeObserver;
  if (RO) {
    const ro = new RO((entries) => {
      const w = Math.floor(entries[entries.length - 1]!.contentRect.width);
      if (h.fixedWidth === undefined && typeof h.rawOptions.width !== "number" && w !== h.lastWidth && w > 0) resized();
    });
    ro.observe(node);
    cleanups.push(() => ro.disconnect());
  }

  /** A new width: redrawn now when the chart is in view (or not drawn yet), else when it scrolls into view. */
  function resized(): void {
    // Before the observer's first report, ask the box itself (one read; the draw measures it anyway).
    if (!seen && win && IO) {
      const r = node.getBoundingClientRect();
      visible = r.bottom > -200 && r.top < win.innerHeight + 200;
    }
    if (visible || !h.current) schedule(h);
    else deferred = true;
  }
  return resized;
}
