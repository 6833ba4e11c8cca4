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
import type { ResolvedCommon } from "../model/options.js";
import { resolveDataset } from "../model/resolve.js";
import { fallbackChain, onMessages, requestMessages, wordsFor, type Words } from "../prepare/messages.js";
import { cls, html, PREFIX, svg, uniqueId } from "../render/dom.js";
import { fillTable, renderDetail, renderMessage, renderTable, sameTable } from "../render/frame.js";
import { ensureStyles } from "../render/styles.js";
import { patchTree } from "../render/patch.js";
import type { ChartGroup } from "../prepare/groups.js";
import { markPointer } from "./pointer.js";
import { csvFormatRows } from "d3-dsv";
import { isMessage, type ChartDefinition, type ChartMessage, type ChartView, type TableSpec } from "../render/view.js";

/** Above this many rows the data table is built when the reader opens it, not with the picture. */
export const LAZY_TABLE_ROWS = 250;

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

export function createChart<O extends ResolvedCommon, P>(def: ChartDefinition<O, P>, target: Element | string, data: unknown, options: Record<string, unknown> = {}): ChartHandle {
  const host = resolveTarget(target);
  const doc = host.ownerDocument;
  const view = doc.defaultView;
  ensureStyles(doc, def.css);

  const node = html(doc, "div", { class: `${PREFIX} ${cls("chart", def.name)}`, "data-claimline-chart": def.name });
  host.appendChild(node);
  const detailId = uniqueId("detail");
  const helpId = uniqueId("help");

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
  let help: HTMLElement | null = null;
  let pinned: string | null = null;
  let activeId: string | null = null;
  /** The marks of the mounted view by record id (the first element per id), built once per mount. */
  let marks = new Map<string, SVGElement>();
  /** The one mark with tabindex="0" (roving tabindex) and the one with the active class. */
  let tabStop: SVGElement | null = null;
  /** A lean chart's mark names (ChartView.names): set on a mark when it is reached. */
  let names: ReadonlyMap<string, string> | undefined;
  let activeEl: SVGElement | null = null;
  /** The data table element and the spec it shows (built lazily for big tables). */
  let tableEl: HTMLDetailsElement | null = null;
  let tableSpec: TableSpec | null = null;
  /** Options are resolved once per `update(…, options)`, not on every resize. */
  let resolvedFor: Record<string, unknown> | null = null;
  let resolved: { opts: O } | { error: unknown } | null = null;
  /** What the mounted view was drawn from. */
  let drawn: { dataset: Dataset | null; opts: O | null; width: number } = { dataset: null, opts: null, width: 0 };
  /** Every word of the chart, prepared once per dataset and options: a resize only lays out and renders again. */
  let prepared: { dataset: Dataset; opts: O; value: P | ChartMessage; groups: ChartGroup[] } | null = null;
  /**
   * Structured navigation (chart → groups → records, in the manner of Olli): the drawn groups, one focusable
   * node each (Up from a mark), the group of each record, and the record last visited in each group (Down).
   */
  let nav: { nodes: SVGElement[]; groups: ChartGroup[]; of: Map<string, number>; last: Map<number, string> } = { nodes: [], groups: [], of: new Map(), last: new Map() };
  /** The words of the handle's own controls and messages. */
  let words: Words = wordsFor("en");
  const cleanups: Array<() => void> = [];
  /** The pointer means the nearest mark (charts/pointer.ts); `hovered`: the card open is the pointer's. */
  const pointer = markPointer();
  let hovered = false;
  /** The mark a press (mousedown) meant, for the click that follows it. */
  let pressed: string | null = null;

  function parse(): void {
    try {
      dataset = parseDataset(rawData);
      dataError = null;
    } catch (err) {
      dataset = null;
      dataError = err;
    }
  }

  function listen(el: EventTarget, type: string, fn: (e: any) => void, opts?: AddEventListenerOptions | boolean): void {
    el.addEventListener(type, fn, opts);
    cleanups.push(() => el.removeEventListener(type, fn, opts));
  }

  function measure(): number {
    return Math.floor(node.getBoundingClientRect?.().width || node.clientWidth || 0);
  }

  /** Drop every reference to the mounted view (after its nodes are gone). */
  function forget(): void {
    current = null;
    card = null;
    help = null;
    tableEl = null;
    tableSpec = null;
    marks = new Map();
    tabStop = null;
    activeEl = null;
    activeId = null;
  }

  /** Replace whatever is drawn with a message. */
  function showMessage(el: HTMLElement): void {
    node.textContent = "";
    forget();
    node.appendChild(el);
  }

  function setTheme(theme: string): void {
    // Only touch the class list when the theme changes: a class change restyles the whole chart.
    const want = `${PREFIX}-theme-${theme}`;
    for (const t of ["light", "dark", "auto"]) {
      const c = `${PREFIX}-theme-${t}`;
      if (c !== want && node.classList.contains(c)) node.classList.remove(c);
    }
    if (!node.classList.contains(want)) node.classList.add(want);
  }

  function draw(): void {
    scheduled = false;
    if (destroyed) return;
    const focusedId = doc.activeElement && node.contains(doc.activeElement) ? doc.activeElement.getAttribute("data-id") : null;
    if (resolvedFor !== rawOptions || !resolved) {
      resolvedFor = rawOptions;
      try {
        resolved = { opts: def.resolveOptions(rawOptions) };
      } catch (err) {
        resolved = { error: err };
      }
    }
    const more = (n: number) => words.t("msg.more", { n });
    if ("error" in resolved) {
      showMessage(renderMessage(doc, { message: words.t("msg.badOption"), details: problemLines(resolved.error) }, "alert", more));
      return;
    }
    const opts = resolved.opts;
    words = wordsFor(opts.locale, opts.messages);
    requestMessages(opts.locale);
    // Arabic, Hebrew…: the header, legend, card and table run right to left; the time axis keeps running left to right.
    if (node.getAttribute("dir") !== words.dir) node.setAttribute("dir", words.dir);
    setTheme(opts.theme ?? "light");
    if (!dataset) {
      showMessage(renderMessage(doc, { message: words.t("msg.badData"), details: problemLines(dataError) }, "alert", more));
      return;
    }
    // resize(width) wins over the width option: the call is the newer instruction.
    const width = fixedWidth ?? opts.width ?? measure();
    lastWidth = width;
    if (!(width > 0)) {
      // Hidden (display:none, a closed tab): say so in text and wait for the observer.
      showMessage(renderMessage(doc, { message: words.t("msg.loading") }));
      return;
    }
    // Nothing changed since the last draw (a resize to the width already drawn): keep what is there.
    if (current && drawn.dataset === dataset && drawn.opts === opts && drawn.width === width) return;
    let result;
    try {
      if (!prepared || prepared.dataset !== dataset || prepared.opts !== opts) {
        const value = def.prepare(resolveDataset(dataset), opts);
        prepared = { dataset, opts, value, groups: isMessage(value as ChartView | ChartMessage) ? [] : def.groups(value as P, opts) };
      }
      const p = prepared.value;
      result = isMessage(p as ChartView | ChartMessage) ? (p as ChartMessage) : def.draw(doc, p as P, opts, width);
    } catch (err) {
      showMessage(renderMessage(doc, { message: words.t("msg.failed"), details: problemLines(err) }, "alert", more));
      return;
    }
    if (isMessage(result)) {
      showMessage(renderMessage(doc, result, "status", more));
      return;
    }
    mount(result, focusedId);
    drawn = { dataset, opts, width };
  }

  const tools = () => ({ sort: words.t("table.sort"), download: words.t("table.download") });
  function newTable(spec: TableSpec, open: boolean): HTMLDetailsElement {
    const lazy = spec.rows.length > LAZY_TABLE_ROWS;
    const el = renderTable(doc, spec, lazy, tools());
    if (open) {
      if (lazy) fillTable(doc, el, spec, tools());
      el.open = true;
    }
    return el;
  }

  /** Sort the table's rows by column `k` (ascending, then descending on a second press), numbers as numbers. */
  function sortTable(button: Element): void {
    const th = button.closest("th");
    const table = button.closest("table");
    const body = table?.querySelector("tbody");
    if (!th || !table || !body) return;
    const k = Number(button.getAttribute("data-sort"));
    const dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    for (const other of Array.from(table.querySelectorAll("th[aria-sort]"))) other.setAttribute("aria-sort", "none");
    th.setAttribute("aria-sort", dir);
    const collator = new Intl.Collator(words.locale, { numeric: true, sensitivity: "base" });
    const rows = Array.from(body.rows);
    const key = (r: HTMLTableRowElement) => r.cells[k]?.textContent ?? "";
    rows.sort((a, b) => (dir === "ascending" ? 1 : -1) * collator.compare(key(a), key(b)));
    body.append(...rows);
  }

  /** "Get the data": the records as drawn, as a CSV file built in the page (no server). */
  function downloadTable(): void {
    if (!tableSpec || !view) return;
    const text = csvFormatRows([tableSpec.columns, ...tableSpec.rows.map((r) => r.cells)]);
    const url = URL.createObjectURL(new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" }));
    const a = html(doc, "a", { href: url, download: `${def.name}.csv` });
    node.appendChild(a);
    a.click();
    a.remove();
    view.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /**
   * Show a drawn view. A redraw of a mounted chart (resize, new options) swaps the header and the svg
   * and keeps the detail card, and the data table when its rows are unchanged (a resize rebuilds none
   * of its cells, and an open table stays open and scrolled where it was).
   */
  function mount(v: ChartView, focusedId: string | null): void {
    const zoomFocus = v.zoom && doc.activeElement && node.contains(doc.activeElement) ? doc.activeElement.getAttribute("data-zoom") : null;
    // A group node or the chart itself had focus: the same one has it after the redraw.
    const navFocus = doc.activeElement && node.contains(doc.activeElement) ? (doc.activeElement.getAttribute("data-nav") ?? (doc.activeElement === current?.svg ? "chart" : null)) : null;
    if (v.zoom) (v.header ??= html(doc, "div", { class: cls("header") })).appendChild(zoomBar(v.zoom));
    v.svg.setAttribute("aria-describedby", helpId);
    // Focusable marks inside role="img" would be hidden from assistive tech; interactive charts are a labelled group.
    v.svg.setAttribute("role", "group");
    // The root of the keyboard's tree (Up from a group): focusable by script, not a second tab stop.
    v.svg.setAttribute("tabindex", "-1");
    // Keyboard attributes go on while the svg is still detached: no style invalidation per attribute.
    activeId = null;
    activeEl = null;
    tabStop = null;
    marks = new Map();
    const all = v.svg.querySelectorAll<SVGElement>("[data-id]");
    for (let i = 0; i < all.length; i++) {
      const el = all[i]!;
      const id = el.getAttribute("data-id")!;
      if (!marks.has(id)) marks.set(id, el);
    }
    const order = v.order;
    names = v.names;
    // A lean chart (ChartView.names) names only its tab stop now; every other mark when it is reached (arm).
    for (let i = 0; i < (names ? Math.min(1, order.length) : order.length); i++) {
      const el = marks.get(order[i]!);
      if (!el) continue;
      el.setAttribute("tabindex", i === 0 ? "0" : "-1");
      if (i === 0) tabStop = el;
      arm(el);
    }
    const prev = current;
    if (prev && card && tableEl && tableSpec) {
      if (v.header) {
        if (prev.header) prev.header.replaceWith(v.header);
        else node.insertBefore(v.header, prev.svg);
      } else prev.header?.remove();
      // The picture is updated in place: marks keep their nodes (and focus), only what changed is written.
      // The group nodes are the handle's, not the renderer's: taken out before the patch, built again after it.
      navLayer(prev.svg)?.remove();
      patchTree(prev.svg, v.svg);
      v.svg = prev.svg;
      marks = new Map();
      for (const el of Array.from(v.svg.querySelectorAll<SVGElement>("[data-id]"))) if (!marks.has(el.getAttribute("data-id")!)) marks.set(el.getAttribute("data-id")!, el);
      tabStop = marks.get(v.order[0]!) ?? null;
      if (v.footer) {
        // A reader who opened the notes keeps them open across a resize.
        if (prev.footer?.querySelector("details[open]")) v.footer.querySelector("details")?.setAttribute("open", "");
        if (prev.footer) prev.footer.replaceWith(v.footer);
        else v.svg.after(v.footer);
      } else prev.footer?.remove();
      help!.textContent = words.t("keys.help");
      card.hidden = true;
      if (!sameTable(tableSpec, v.table)) {
        const next = newTable(v.table, tableEl.open);
        tableEl.replaceWith(next);
        tableEl = next;
      }
      tableSpec = v.table;
    } else {
      node.textContent = "";
      if (v.header) node.appendChild(v.header);
      // Keyboard instructions: the chart's description for screen readers, shown to sighted keyboard users on focus.
      // aria-hidden: read once, as the chart's description (aria-describedby reads hidden text), not again as a paragraph.
      help = html(doc, "p", { class: cls("help"), id: helpId, "aria-hidden": "true" }, node, words.t("keys.help"));
      node.appendChild(v.svg);
      if (v.footer) node.appendChild(v.footer);
      card = html(doc, "div", { class: cls("detail"), id: detailId, role: "dialog", "aria-label": words.t("card.label"), hidden: true });
      node.appendChild(card);
      tableEl = newTable(v.table, false);
      tableSpec = v.table;
      node.appendChild(tableEl);
    }
    current = v;
    buildNav(v);
    if (navFocus === "chart") go(v.svg);
    else if (navFocus !== null) go(nav.nodes[Number(navFocus)]);
    pointer.reset();
    if (zoomFocus !== null) Array.from(v.header?.querySelectorAll<HTMLElement>("[data-zoom]") ?? []).find((b) => b.getAttribute("data-zoom") === zoomFocus)?.focus();
    const refocus = focusedId ? marks.get(focusedId) : undefined;
    if (refocus) {
      arm(refocus);
      refocus.focus();
    }
    if (pinned && marks.has(pinned)) show(pinned, true);
    else pinned = null;
  }

  /**
   * A mark's role, name and tie to the card, given when it is reached: at once for every mark of a chart that
   * draws their names, on focus for a lean one (ChartView.names, issue 11 item 5: no name markup per mark).
   */
  function arm(el: SVGElement): void {
    if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    if (!el.getAttribute("role")) el.setAttribute("role", "button");
    const name = names?.get(el.getAttribute("data-id") ?? "");
    if (name !== undefined && el.getAttribute("aria-label") !== name) el.setAttribute("aria-label", name);
    if (el.getAttribute("aria-controls") !== detailId) el.setAttribute("aria-controls", detailId);
  }

  /** Make `el` the one mark reached by Tab. */
  function setTabStop(el: SVGElement): void {
    if (el.hasAttribute("data-id")) arm(el);
    if (tabStop === el) return;
    tabStop?.setAttribute("tabindex", "-1");
    el.setAttribute("tabindex", "0");
    tabStop = el;
  }

  /** The layer of group nodes: a child of the svg (found without `:scope`, which not every DOM supports). */
  function navLayer(root: Element): Element | undefined {
    return Array.from(root.children).find((c) => c.getAttribute("class") === cls("nav"));
  }

  /**
   * One focusable node per group, in a layer right after the svg's title and description (so a screen reader in
   * browse mode meets the outline before the marks): "Overdue, group 3 of 5, 12 promises". Only records drawn
   * count; the groups come from the prepare stage (prepare/groups.ts), the same at every width.
   */
  function buildNav(v: ChartView): void {
    const at = new Map<string, number>();
    v.order.forEach((id, i) => at.set(id, i));
    const groups = (prepared?.groups ?? [])
      .map((g) => ({ ...g, ids: g.ids.filter((id) => marks.has(id) && at.has(id)).sort((a, b) => at.get(a)! - at.get(b)!) }))
      .filter((g) => g.ids.length > 0);
    const last = nav.groups.length === groups.length ? nav.last : new Map<number, string>();
    nav = { nodes: [], groups, of: new Map(), last };
    navLayer(v.svg)?.remove();
    if (!groups.length) return;
    const layer = svg(doc, "g", { class: cls("nav") });
    let before: Element | null = v.svg.firstElementChild;
    while (before && (before.tagName.toLowerCase() === "title" || before.tagName.toLowerCase() === "desc")) before = before.nextElementSibling;
    v.svg.insertBefore(layer, before);
    groups.forEach((g, i) => {
      for (const id of g.ids) if (!nav.of.has(id)) nav.of.set(id, i);
      const label = words.t("nav.group", { name: g.name, i: i + 1, n: groups.length, records: words.t(g.unit, { n: g.ids.length }) });
      const el = svg(doc, "g", { class: cls("nav-group"), "data-nav": i, tabindex: -1, role: "button", "aria-label": label }, layer);
      svg(doc, "rect", { class: cls("nav-ring"), x: 0, y: 0, width: 0, height: 0, rx: 4 }, el);
      nav.nodes.push(el);
    });
  }

  /** Draw group `i`'s ring around its marks (measured when it gets focus: no layout read per redraw) and mark its members. */
  function ringGroup(i: number, on: boolean): void {
    const g = nav.groups[i];
    const el = nav.nodes[i];
    if (!g || !el || !current) return;
    for (const id of g.ids) marks.get(id)?.classList.toggle(`${PREFIX}-member`, on);
    const ctm = (current.svg as SVGSVGElement).getScreenCTM?.();
    if (!on || !ctm) return;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const id of g.ids) {
      const r = marks.get(id)!.getBoundingClientRect();
      if (!r.width && !r.height) continue;
      x0 = Math.min(x0, r.left); y0 = Math.min(y0, r.top); x1 = Math.max(x1, r.right); y1 = Math.max(y1, r.bottom);
    }
    if (!(x1 > x0)) return;
    const inv = ctm.inverse();
    const a = new DOMPoint(x0, y0).matrixTransform(inv);
    const b = new DOMPoint(x1, y1).matrixTransform(inv);
    const rect = el.firstElementChild!;
    rect.setAttribute("x", String(Math.round(a.x - 3)));
    rect.setAttribute("y", String(Math.round(a.y - 3)));
    rect.setAttribute("width", String(Math.round(b.x - a.x + 6)));
    rect.setAttribute("height", String(Math.round(b.y - a.y + 6)));
  }

  /** Move the keyboard to `el` (a group node, the chart, or a mark): it becomes the tab stop; a card left open closes. */
  function go(el: SVGElement | undefined): void {
    if (!el) return;
    if (!el.hasAttribute("data-id")) hide(true);
    // A group's ring is measured before focus, so focus scrolls the group (not an empty box) into view.
    const at = el.getAttribute("data-nav");
    if (at !== null) ringGroup(Number(at), true);
    setTabStop(el);
    el.focus();
  }

  /**
   * Arrow keys on a group node or on the chart: Left/Right between groups, Home/End to the first and last,
   * Down (or Enter) into the group's records (back to the one last visited there), Up to the chart; Down from the
   * chart to its first group. Returns whether the key was handled.
   */
  function navKey(e: KeyboardEvent): boolean {
    const t = e.target as SVGElement | null;
    if (!current || !t) return false;
    if (t === current.svg) {
      if (e.key !== "ArrowDown" && e.key !== "Enter" && e.key !== " " && e.key !== "ArrowUp") return false;
      e.preventDefault();
      if (e.key !== "ArrowUp") go(nav.nodes[0] ?? marks.get(current.order[0]!));
      return true;
    }
    const at = t.getAttribute?.("data-nav");
    if (at == null || !nav.nodes.includes(t)) return false;
    const i = Number(at);
    const n = nav.nodes.length;
    const to: Record<string, () => SVGElement | undefined> = {
      ArrowRight: () => nav.nodes[Math.min(n - 1, i + 1)],
      ArrowLeft: () => nav.nodes[Math.max(0, i - 1)],
      Home: () => nav.nodes[0],
      End: () => nav.nodes[n - 1],
      ArrowUp: () => current!.svg,
      ArrowDown: () => marks.get(nav.last.get(i) ?? nav.groups[i]!.ids[0]!),
    };
    const fn = to[e.key] ?? (e.key === "Enter" || e.key === " " ? to.ArrowDown : undefined);
    if (!fn) return false;
    e.preventDefault();
    go(fn());
    return true;
  }

  /** The mark an event concerns: the mark itself, or the one whose words were tapped (`data-for`). */
  function markOf(e: Event): SVGElement | null {
    const t = e.target as Element | null;
    const el = t && typeof t.closest === "function" ? t.closest("[data-id],[data-for]") : null;
    if (!el || !current?.svg.contains(el)) return null;
    const forId = el.getAttribute("data-for");
    return forId !== null ? (marks.get(forId) ?? null) : (el as SVGElement);
  }

  function show(id: string, pin = false): void {
    if (!current || !card) return;
    const spec = current.details.get(id);
    if (!spec) return;
    if (pin) pinned = id;
    setActive(id);
    renderDetail(doc, card, spec, words.t("card.sources"));
    const close = html(doc, "button", { type: "button", class: cls("close"), "aria-label": words.t("card.close") }, card, "×");
    close.addEventListener("click", () => hide(true, true));
    card.hidden = false;
    place(id);
    // Focus can scroll the mark into view after this runs: place again once the page has settled.
    view?.requestAnimationFrame?.(() => {
      if (card && !card.hidden && activeId === id) place(id);
    });
  }

  /** Close the card; `refocus` (Close, Escape) puts focus back on the mark it belonged to, never on <body>. */
  function hide(force = false, refocus = false): void {
    if (!card || (pinned && !force)) return;
    const back = activeEl;
    const inside = card.contains(doc.activeElement);
    pinned = null;
    card.hidden = true;
    setActive(null);
    if (back && (refocus || inside)) {
      setTabStop(back);
      back.focus();
      // Focusing the mark would open its card again; Close means closed.
      if (card && !card.hidden) hide(true);
    }
  }

  function setActive(id: string | null): void {
    if (activeId === id) return;
    activeEl?.classList.remove(`${PREFIX}-active`);
    activeEl = null;
    activeId = id;
    if (id) {
      activeEl = marks.get(id) ?? null;
      activeEl?.classList.add(`${PREFIX}-active`);
    }
  }

  /**
   * Put the card where it is seen whole: below the mark, else above it, else beside it, inside the chart and
   * the viewport; on a narrow screen it is a sheet along the bottom of the viewport. CSSOM writes are allowed
   * under a strict CSP; `style=""` is not.
   */
  function place(id: string): void {
    if (!card || !current) return;
    const mark = marks.get(id);
    if (!mark || typeof mark.getBoundingClientRect !== "function") return;
    const win = view as (Window & typeof globalThis) | null;
    const vw = win?.innerWidth ?? 0;
    const vh = win?.innerHeight ?? 0;
    const narrow = vw > 0 && vw < 480;
    card.classList.toggle(`${PREFIX}-sheet`, narrow);
    if (narrow) {
      card.style.left = card.style.top = "";
      return;
    }
    const box = node.getBoundingClientRect();
    // The mark's own hit area, not its whole group (a timeline mark's group reaches up to its label).
    const m = (mark.querySelector(`.${PREFIX}-focus`) ?? mark).getBoundingClientRect();
    card.style.maxHeight = "";
    const cw = Math.min(card.offsetWidth || 300, box.width);
    const ch = card.offsetHeight || 160;
    // The room on screen, in the chart's coordinates (the viewport bounds it; without one, the chart does).
    const minTop = vh ? -box.top : 0;
    const maxBottom = vh ? vh - box.top : box.height + ch;
    const below = m.bottom - box.top + 8;
    const aboveEnd = m.top - box.top - 8;
    let top: number;
    let left = m.left - box.left + m.width / 2 - cw / 2;
    if (below + ch <= maxBottom) top = below;
    else if (aboveEnd - ch >= minTop) top = aboveEnd - ch;
    else {
      // Neither whole: the side with more room, the card scrolling within it.
      const roomBelow = maxBottom - below;
      const roomAbove = aboveEnd - minTop;
      const room = Math.max(120, Math.max(roomBelow, roomAbove));
      card.style.maxHeight = `${Math.floor(room)}px`;
      top = roomBelow >= roomAbove ? below : aboveEnd - Math.min(ch, room);
    }
    left = Math.max(0, Math.min(left, box.width - cw));
    card.style.left = `${Math.round(left)}px`;
    card.style.top = `${Math.round(top)}px`;
  }

  function move(from: string, step: number | "first" | "last"): void {
    if (!current) return;
    const order = current.order;
    const i = order.indexOf(from);
    const j = step === "first" ? 0 : step === "last" ? order.length - 1 : Math.max(0, Math.min(order.length - 1, i + step));
    const target = marks.get(order[j]!);
    if (!target) return;
    // setTabStop takes the old stop out of the tab order (clearing `from` here lost the only stop at either end).
    setTabStop(target);
    target.focus();
  }

  /** Buttons for the periods a chart offers to zoom to; each sets the `domain` option (see ChartView.zoom). */
  function zoomBar(choices: NonNullable<ChartView["zoom"]>): HTMLElement {
    const bar = html(doc, "div", { class: cls("zoom"), role: "group", "aria-label": words.t("zoom.label") });
    html(doc, "span", {}, bar, words.t("zoom.show"));
    for (const c of choices) {
      html(doc, "button", { type: "button", "data-zoom": c.domain ? c.domain.join("/") : "", "aria-pressed": c.current ? "true" : "false" }, bar, c.label);
    }
    return bar;
  }

  listen(node, "click", (e) => {
    const b = (e.target as Element | null)?.closest?.("[data-zoom]");
    if (!b || !node.contains(b)) return;
    const value = b.getAttribute("data-zoom") ?? "";
    const { domain: _old, ...rest } = rawOptions;
    rawOptions = value ? { ...rest, domain: value.split("/") } : rest;
    schedule();
  });

  // Events are delegated to the root so a redraw needs no re-binding.
  listen(node, "focusin", (e) => {
    const m = markOf(e);
    if (m) {
      if (current) setTabStop(marks.get(m.getAttribute("data-id")!) ?? m);
      show(m.getAttribute("data-id")!);
    }
  });
  // A group node with focus: its ring drawn around its marks, its marks lit.
  listen(node, "focusin", (e: FocusEvent) => {
    const at = (e.target as Element | null)?.getAttribute?.("data-nav");
    if (at != null) ringGroup(Number(at), true);
    // The chart itself focused (a press on its empty space, or Up from a group): a card that is not pinned closes,
    // as it did when such a press left focus on the page.
    else if (current && e.target === current.svg) hide();
  });
  listen(node, "focusout", (e: FocusEvent) => {
    const at = (e.target as Element | null)?.getAttribute?.("data-nav");
    if (at != null) ringGroup(Number(at), false);
  });
  listen(node, "focusout", (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    if (!next || !node.contains(next)) hide();
  });
  listen(node, "pointermove", (e: PointerEvent) => {
    if (e.pointerType === "touch" || pinned || !current || card?.contains(e.target as Node)) return;
    const id = pointer.pick(current.svg, marks, e);
    if (id) {
      hovered = true;
      if (id !== activeId) show(id);
    } else if (hovered) {
      hovered = false;
      hide();
    }
  });
  listen(node, "pointerleave", (e: PointerEvent) => {
    if (e.pointerType !== "touch" && hovered) {
      hovered = false;
      hide();
    }
  });
  listen(node, "click", (e) => {
    // Opening a lazily built data table: fill it before the default action opens it, so no empty frame shows.
    const t = e.target as Element | null;
    if (tableEl && tableSpec && !tableEl.open && t && typeof t.closest === "function" && t.closest("summary")?.parentElement === tableEl) fillTable(doc, tableEl, tableSpec, tools());
    const tool = t && typeof t.closest === "function" ? t.closest("[data-sort],[data-download]") : null;
    if (tool && tableEl?.contains(tool)) {
      if (tool.hasAttribute("data-sort")) sortTable(tool);
      else downloadTable();
      return;
    }
    // A pointer's click means the mark nearest where it was pressed (overlapping hit areas); a keyboard's or a script's (detail 0), its target.
    const picked = e.detail > 0 && current ? (pressed ?? pointer.pick(current.svg, marks, e)) : null;
    pressed = null;
    const m = (picked && marks.get(picked)) || markOf(e);
    if (m) {
      const id = m.getAttribute("data-id")!;
      // The keyboard carries on from the mark meant (focused here, not by the press: see mousedown).
      if (picked && doc.activeElement !== m) {
        arm(m);
        m.focus({ preventScroll: true });
      }
      if (pinned === id) hide(true);
      else show(id, true);
    }
  });
  // A press on a mark: the mark it means is taken now, and the browser does not focus the one drawn on top (which
  // scrolls a tall mark's label into view, so the page jumps between press and release); the click focuses the one meant.
  listen(node, "mousedown", (e: MouseEvent) => {
    pressed = current && e.button === 0 ? pointer.pick(current.svg, marks, e) : null;
    // A press on a cluster's "+N events" (it zooms on click) must not focus the chart either: a tall chart would scroll.
    const zoomer = (e.target as Element | null)?.closest?.("svg [data-zoom]");
    if (pressed || zoomer) e.preventDefault();
  });
  listen(node, "keydown", (e: KeyboardEvent) => {
    const m = markOf(e);
    if (e.key === "Escape") {
      hide(true, true);
      return;
    }
    if (!m) {
      navKey(e);
      return;
    }
    const id = m.getAttribute("data-id")!;
    if (e.key === "ArrowUp" || e.key === "ArrowDown") {
      // Up: out to the mark's group (less detail); Down: a mark is a leaf, nothing below it.
      e.preventDefault();
      const g = nav.of.get(id);
      if (e.key === "ArrowUp" && g !== undefined) {
        nav.last.set(g, id);
        go(nav.nodes[g]);
      }
      return;
    }
    const steps: Record<string, number | "first" | "last"> = { ArrowRight: 1, ArrowLeft: -1, Home: "first", End: "last" };
    const step = steps[e.key];
    if (step !== undefined) {
      e.preventDefault();
      move(id, step);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      show(id, true);
    }
  });
  // A big data table is built when the reader opens it (`toggle` does not bubble: listen in the capture phase).
  listen(
    node,
    "toggle",
    (e: Event) => {
      if (e.target === tableEl && tableEl && tableEl.open && tableSpec) fillTable(doc, tableEl, tableSpec, tools());
    },
    true,
  );
  // Tap elsewhere closes a pinned card.
  listen(doc, "pointerdown", (e: PointerEvent) => {
    if (pinned && !node.contains(e.target as Node)) hide(true);
  });

  // Off-screen charts skip work: a resize of a chart nobody can see is redrawn when it scrolls into view
  // (20 charts on a live blog, one visible, resize as one). The first draw always happens, so nothing is blank.
  const win = view as (Window & typeof globalThis) | null;
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
          schedule();
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
      if (fixedWidth === undefined && typeof rawOptions.width !== "number" && w !== lastWidth && w > 0) resized();
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
    if (visible || !current) schedule();
    else deferred = true;
  }

  function schedule(): void {
    if (scheduled || destroyed) return;
    scheduled = true;
    queueMicrotask(draw);
  }

  // A catalogue that arrives after the first draw (loaded on demand): redraw once in the reader's language.
  cleanups.push(
    onMessages((lang) => {
      const opts = resolved && "opts" in resolved ? resolved.opts : null;
      if (opts && fallbackChain(opts.locale).includes(lang)) {
        prepared = null;
        drawn = { dataset: null, opts: null, width: 0 };
        schedule();
      }
    }),
  );

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
      // An explicit update always redraws (a dataset edited in place, "today" moving on).
      drawn = { dataset: null, opts: null, width: 0 };
      prepared = null;
      schedule();
    },
    resize(width?: number) {
      fixedWidth = width;
      resized();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const c of cleanups.splice(0)) c();
      node.remove();
      forget();
    },
  };
}
