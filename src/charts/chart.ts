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
 */
import { DatasetError, parseDataset } from "../model/validate.js";
import type { Dataset } from "../model/types.js";
import { cls, html, PREFIX, uniqueId } from "../render/dom.js";
import { renderDetail, renderMessage, renderTable } from "../render/frame.js";
import { ensureStyles } from "../render/styles.js";
import { isMessage, type ChartDefinition, type ChartView, type CommonOptions } from "../render/view.js";

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

export function createChart<O extends CommonOptions>(def: ChartDefinition<O>, target: Element | string, data: unknown, options: Record<string, unknown> = {}): ChartHandle {
  const host = resolveTarget(target);
  const doc = host.ownerDocument;
  const view = doc.defaultView;
  ensureStyles(doc);

  const node = html(doc, "div", { class: `${PREFIX} ${cls("chart", def.name)}`, "data-claimline-chart": def.name });
  host.appendChild(node);
  const detailId = uniqueId("detail");

  let rawData = data;
  let rawOptions = { ...options };
  let dataset: Dataset | null = null;
  let dataError: unknown = null;
  let fixedWidth: number | undefined;
  let lastWidth = 0;
  let scheduled = false;
  let destroyed = false;
  let current: ChartView | null = null;
  let card: HTMLElement | null = null;
  let pinned: string | null = null;
  let activeId: string | null = null;
  const cleanups: Array<() => void> = [];

  function parse(): void {
    try {
      dataset = parseDataset(rawData);
      dataError = null;
    } catch (err) {
      dataset = null;
      dataError = err;
    }
  }

  function listen(el: EventTarget, type: string, fn: (e: any) => void, opts?: AddEventListenerOptions): void {
    el.addEventListener(type, fn, opts);
    cleanups.push(() => el.removeEventListener(type, fn, opts));
  }

  function measure(): number {
    return fixedWidth ?? (typeof rawOptions.width === "number" ? rawOptions.width : Math.floor(node.getBoundingClientRect?.().width || node.clientWidth || 0));
  }

  function draw(): void {
    scheduled = false;
    if (destroyed) return;
    const focusedId = doc.activeElement && node.contains(doc.activeElement) ? doc.activeElement.getAttribute("data-id") : null;
    node.textContent = "";
    current = null;
    card = null;
    let opts: O;
    try {
      opts = def.resolveOptions(rawOptions);
    } catch (err) {
      node.appendChild(renderMessage(doc, { message: "This chart could not be drawn: an option is wrong.", details: problemLines(err) }, "alert"));
      return;
    }
    node.classList.remove(`${PREFIX}-theme-light`, `${PREFIX}-theme-dark`, `${PREFIX}-theme-auto`);
    node.classList.add(`${PREFIX}-theme-${opts.theme ?? "light"}`);
    if (!dataset) {
      node.appendChild(renderMessage(doc, { message: "This chart could not be drawn: the data has problems.", details: problemLines(dataError) }, "alert"));
      return;
    }
    const width = opts.width ?? measure();
    lastWidth = width;
    if (!(width > 0)) {
      // Hidden (display:none, a closed tab): say so in text and wait for the observer.
      node.appendChild(renderMessage(doc, { message: "Loading chart…" }));
      return;
    }
    let result;
    try {
      result = def.draw(doc, dataset, opts, width);
    } catch (err) {
      node.appendChild(renderMessage(doc, { message: "This chart could not be drawn.", details: problemLines(err) }, "alert"));
      return;
    }
    if (isMessage(result)) {
      node.appendChild(renderMessage(doc, result));
      return;
    }
    mount(result, focusedId);
  }

  function mount(v: ChartView, focusedId: string | null): void {
    current = v;
    if (v.header) node.appendChild(v.header);
    // Focusable marks inside role="img" would be hidden from assistive tech; interactive charts are a labelled group.
    v.svg.setAttribute("role", "group");
    node.appendChild(v.svg);
    card = html(doc, "div", { class: cls("detail"), id: detailId, role: "dialog", "aria-label": "Details", "aria-live": "polite", hidden: true });
    node.appendChild(card);
    node.appendChild(renderTable(doc, v.table));
    const marks = marksById();
    v.order.forEach((id, i) => {
      const el = marks.get(id);
      if (!el) return;
      el.setAttribute("tabindex", i === 0 ? "0" : "-1");
      if (!el.getAttribute("role")) el.setAttribute("role", "button");
      el.setAttribute("aria-controls", detailId);
    });
    if (focusedId) marks.get(focusedId)?.focus();
    if (pinned && marks.has(pinned)) show(pinned, true);
    else pinned = null;
  }

  function marksById(): Map<string, SVGElement> {
    const map = new Map<string, SVGElement>();
    current?.svg.querySelectorAll<SVGElement>("[data-id]").forEach((el) => {
      if (!map.has(el.getAttribute("data-id")!)) map.set(el.getAttribute("data-id")!, el);
    });
    return map;
  }

  function markOf(e: Event): SVGElement | null {
    const t = e.target as Element | null;
    const el = t && typeof t.closest === "function" ? t.closest("[data-id]") : null;
    return el && current?.svg.contains(el) ? (el as SVGElement) : null;
  }

  function show(id: string, pin = false): void {
    if (!current || !card) return;
    const spec = current.details.get(id);
    if (!spec) return;
    if (pin) pinned = id;
    setActive(id);
    renderDetail(doc, card, spec);
    const close = html(doc, "button", { type: "button", class: cls("close"), "aria-label": "Close" }, card, "×");
    close.addEventListener("click", () => hide(true));
    card.hidden = false;
    place(id);
  }

  function hide(force = false): void {
    if (!card || (pinned && !force)) return;
    pinned = null;
    card.hidden = true;
    setActive(null);
  }

  function setActive(id: string | null): void {
    if (activeId === id) return;
    const marks = current?.svg.querySelectorAll(`.${PREFIX}-active`);
    marks?.forEach((m) => m.classList.remove(`${PREFIX}-active`));
    activeId = id;
    if (id) marksById().get(id)?.classList.add(`${PREFIX}-active`);
  }

  /** Put the card beside the mark, inside the chart; CSSOM writes are allowed under CSP, `style=""` is not. */
  function place(id: string): void {
    if (!card || !current) return;
    const mark = marksById().get(id);
    if (!mark || typeof mark.getBoundingClientRect !== "function") return;
    const box = node.getBoundingClientRect();
    const m = mark.getBoundingClientRect();
    const cw = Math.min(card.offsetWidth || 300, box.width);
    let left = m.left - box.left + m.width / 2 - cw / 2;
    left = Math.max(0, Math.min(left, box.width - cw));
    const top = m.bottom - box.top + 8;
    card.style.left = `${Math.round(left)}px`;
    card.style.top = `${Math.round(top)}px`;
  }

  function move(from: string, step: number | "first" | "last"): void {
    if (!current) return;
    const order = current.order;
    const i = order.indexOf(from);
    const j = step === "first" ? 0 : step === "last" ? order.length - 1 : Math.max(0, Math.min(order.length - 1, i + step));
    const marks = marksById();
    const target = marks.get(order[j]!);
    if (!target) return;
    marks.get(from)?.setAttribute("tabindex", "-1");
    target.setAttribute("tabindex", "0");
    target.focus();
  }

  // Events are delegated to the root so a redraw needs no re-binding.
  listen(node, "focusin", (e) => {
    const m = markOf(e);
    if (m) {
      current && marksById().forEach((el, id) => el.setAttribute("tabindex", id === m.getAttribute("data-id") ? "0" : "-1"));
      show(m.getAttribute("data-id")!);
    }
  });
  listen(node, "focusout", (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    if (!next || !node.contains(next)) hide();
  });
  listen(node, "pointerover", (e: PointerEvent) => {
    if (e.pointerType === "touch") return;
    const m = markOf(e);
    if (m && !pinned) show(m.getAttribute("data-id")!);
  });
  listen(node, "pointerout", (e: PointerEvent) => {
    if (e.pointerType === "touch") return;
    const m = markOf(e);
    const next = e.relatedTarget as Element | null;
    if (m && !(next && (m.contains(next) || card?.contains(next)))) hide();
  });
  listen(node, "click", (e) => {
    const m = markOf(e);
    if (m) {
      const id = m.getAttribute("data-id")!;
      if (pinned === id) hide(true);
      else show(id, true);
    }
  });
  listen(node, "keydown", (e: KeyboardEvent) => {
    const m = markOf(e);
    if (e.key === "Escape") {
      hide(true);
      return;
    }
    if (!m) return;
    const id = m.getAttribute("data-id")!;
    const steps: Record<string, number | "first" | "last"> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: "first", End: "last" };
    const step = steps[e.key];
    if (step !== undefined) {
      e.preventDefault();
      move(id, step);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      show(id, true);
    }
  });
  // Tap elsewhere closes a pinned card.
  listen(doc, "pointerdown", (e: PointerEvent) => {
    if (pinned && !node.contains(e.target as Node)) hide(true);
  });

  const RO = (view as (Window & typeof globalThis) | null)?.ResizeObserver;
  if (RO) {
    const ro = new RO((entries) => {
      const w = Math.floor(entries[entries.length - 1]!.contentRect.width);
      if (fixedWidth === undefined && typeof rawOptions.width !== "number" && w !== lastWidth && w > 0) schedule();
    });
    ro.observe(node);
    cleanups.push(() => ro.disconnect());
  }

  function schedule(): void {
    if (scheduled || destroyed) return;
    scheduled = true;
    queueMicrotask(draw);
  }

  parse();
  draw();

  return {
    node,
    update(next?: unknown, options?: Record<string, unknown>) {
      if (next !== undefined) {
        rawData = next;
        parse();
      }
      if (options) rawOptions = { ...rawOptions, ...options };
      schedule();
    },
    resize(width?: number) {
      fixedWidth = width;
      schedule();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const c of cleanups.splice(0)) c();
      node.remove();
      current = null;
      card = null;
    },
  };
}
