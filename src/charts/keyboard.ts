/**
 * The keyboard tree of a chart: chart → groups → records, in the manner of Olli. One mark is the tab stop
 * (roving tabindex); arrow keys move between marks, Up goes out to the mark's group (a focusable node with a
 * ring drawn around its marks), Up again to the chart itself. A lean chart's marks are named when reached.
 */
import { cls, PREFIX, svg } from "../render/dom.js";
import type { ChartGroup } from "../prepare/groups.js";
import type { ChartView } from "../render/view.js";
import type { DetailCard } from "./card.js";
import type { Shared } from "./state.js";

export interface KeyboardTree {
  /** Give a mark its role, name and tie to the card (see below). */
  arm(el: SVGElement): void;
  /** Make `el` the one mark reached by Tab. */
  setTabStop(el: SVGElement): void;
  /** A new view, still detached: its marks indexed, its first mark the tab stop. */
  index(v: ChartView): void;
  /** A view patched into the mounted svg: its marks indexed again, the tab stop kept where the patch left it. */
  adopt(v: ChartView): void;
  /** The mounted view's group nodes; `navFocus` (a group's index, or "chart") had focus before the redraw and has it again. */
  build(v: ChartView, groups: ChartGroup[], navFocus: string | null): void;
  /** Draw group `i`'s ring (on focus) or take it away (on blur). */
  ring(i: number, on: boolean): void;
  /** The `keydown` listener. */
  key(e: KeyboardEvent): void;
  forget(): void;
}

/** The layer of group nodes: a child of the svg (found without `:scope`, which not every DOM supports). */
export function navLayer(root: Element): Element | undefined {
  return Array.from(root.children).find((c) => c.getAttribute("class") === cls("nav"));
}

/** The mark an event concerns: the mark itself, or the one whose words were tapped (`data-for`). */
export function markOf(s: Shared, e: Event): SVGElement | null {
  const t = e.target as Element | null;
  const el = t && typeof t.closest === "function" ? t.closest("[data-id],[data-for]") : null;
  if (!el || !s.current?.svg.contains(el)) return null;
  const forId = el.getAttribute("data-for");
  return forId !== null ? (s.marks.get(forId) ?? null) : (el as SVGElement);
}

/** The marks of `root` by record id (the first element per id). */
function marksOf(root: SVGElement): Map<string, SVGElement> {
  const marks = new Map<string, SVGElement>();
  const all = root.querySelectorAll<SVGElement>("[data-id]");
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    const id = el.getAttribute("data-id")!;
    if (!marks.has(id)) marks.set(id, el);
  }
  return marks;
}

/**
 * Structured navigation (chart → groups → records, in the manner of Olli): the drawn groups, one focusable
 * node each (Up from a mark), the group of each record, and the record last visited in each group (Down).
 */
interface Nav {
  nodes: SVGElement[];
  groups: ChartGroup[];
  of: Map<string, number>;
  last: Map<number, string>;
}

/** The keyboard tree of the chart `s`; moving to a group or the chart closes the `card` left open. */
export function keyboardTree(s: Shared, card: DetailCard): KeyboardTree {
  /** The one mark with tabindex="0" (roving tabindex). */
  let tabStop: SVGElement | null = null;
  /** A lean chart's mark names (ChartView.names): set on a mark when it is reached. */
  let names: ReadonlyMap<string, string> | undefined;
  /** The group nodes of the mounted view (see Nav). */
  let nav: Nav = { nodes: [], groups: [], of: new Map(), last: new Map() };

  /**
   * A mark's role, name and tie to the card, given when it is reached: at once for every mark of a chart that
   * draws their names, on focus for a lean one (ChartView.names, issue 11 item 5: no name markup per mark).
   */
  function arm(el: SVGElement): void {
    if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    if (!el.getAttribute("role")) el.setAttribute("role", "button");
    const name = names?.get(el.getAttribute("data-id") ?? "");
    if (name !== undefined && el.getAttribute("aria-label") !== name) el.setAttribute("aria-label", name);
    if (el.getAttribute("aria-controls") !== s.detailId) el.setAttribute("aria-controls", s.detailId);
  }

  function setTabStop(el: SVGElement): void {
    if (el.hasAttribute("data-id")) arm(el);
    if (tabStop === el) return;
    tabStop?.setAttribute("tabindex", "-1");
    el.setAttribute("tabindex", "0");
    tabStop = el;
  }

  /** Move the keyboard to `el` (a group node, the chart, or a mark): it becomes the tab stop; a card left open closes. */
  function go(el: SVGElement | undefined): void {
    if (!el) return;
    if (!el.hasAttribute("data-id")) card.hide(true);
    // A group's ring is measured before focus, so focus scrolls the group (not an empty box) into view.
    const at = el.getAttribute("data-nav");
    if (at !== null) ringGroup(s, nav, Number(at), true);
    setTabStop(el);
    el.focus();
  }

  function key(e: KeyboardEvent): void {
    const m = markOf(s, e);
    if (e.key === "Escape") {
      card.hide(true, true);
      return;
    }
    if (!m) {
      navKey(s, nav, e, go);
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
      const target = stepFrom(s, id, step);
      if (!target) return;
      // setTabStop takes the old stop out of the tab order (clearing `from` here lost the only stop at either end).
      setTabStop(target);
      target.focus();
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      card.show(id, true);
    }
  }

  return {
    arm,
    setTabStop,
    index(v) {
      // Keyboard attributes go on while the svg is still detached: no style invalidation per attribute.
      names = v.names;
      tabStop = tabOrder(s, v, arm);
    },
    adopt(v) {
      s.marks = marksOf(v.svg);
      tabStop = s.marks.get(v.order[0]!) ?? null;
    },
    build(v, groups, navFocus) {
      nav = buildNav(s, v, groups, nav);
      if (navFocus === "chart") go(v.svg);
      else if (navFocus !== null) go(nav.nodes[Number(navFocus)]);
    },
    ring: (i, on) => ringGroup(s, nav, i, on),
    key,
    forget() {
      tabStop = null;
    },
  };
}

/** A new view's marks indexed into `s.marks`, the first in reading order the tab stop (returned). */
function tabOrder(s: Shared, v: ChartView, arm: (el: SVGElement) => void): SVGElement | null {
  let first: SVGElement | null = null;
  const marks = (s.marks = marksOf(v.svg));
  const order = v.order;
  // A lean chart (ChartView.names) names only its tab stop now; every other mark when it is reached (arm).
  for (let i = 0; i < (v.names ? Math.min(1, order.length) : order.length); i++) {
    const el = marks.get(order[i]!);
    if (!el) continue;
    el.setAttribute("tabindex", i === 0 ? "0" : "-1");
    if (i === 0) first = el;
    arm(el);
  }
  return first;
}

/**
 * One focusable node per group, in a layer right after the svg's title and description (so a screen reader in
 * browse mode meets the outline before the marks): "Overdue, group 3 of 5, 12 promises". Only records drawn
 * count; the groups come from the prepare stage (prepare/groups.ts), the same at every width. A group keeps the
 * record last visited in it while the number of groups stays the same.
 */
function buildNav(s: Shared, v: ChartView, all: ChartGroup[], prev: Nav): Nav {
  const { doc, words } = s;
  const at = new Map<string, number>();
  v.order.forEach((id, i) => at.set(id, i));
  const groups = all
    .map((g) => ({ ...g, ids: g.ids.filter((id) => s.marks.has(id) && at.has(id)).sort((a, b) => at.get(a)! - at.get(b)!) }))
    .filter((g) => g.ids.length > 0);
  const last = prev.groups.length === groups.length ? prev.last : new Map<number, string>();
  const nav: Nav = { nodes: [], groups, of: new Map(), last };
  navLayer(v.svg)?.remove();
  if (!groups.length) return nav;
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
  return nav;
}

/** Draw group `i`'s ring around its marks (measured when it gets focus: no layout read per redraw) and mark its members. */
function ringGroup(s: Shared, nav: Nav, i: number, on: boolean): void {
  const g = nav.groups[i];
  const el = nav.nodes[i];
  if (!g || !el || !s.current) return;
  const marks = s.marks;
  for (const id of g.ids) marks.get(id)?.classList.toggle(`${PREFIX}-member`, on);
  const ctm = (s.current.svg as SVGSVGElement).getScreenCTM?.();
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

/**
 * Arrow keys on a group node or on the chart: Left/Right between groups, Home/End to the first and last,
 * Down (or Enter) into the group's records (back to the one last visited there), Up to the chart; Down from the
 * chart to its first group. Returns whether the key was handled.
 */
function navKey(s: Shared, nav: Nav, e: KeyboardEvent, go: (el: SVGElement | undefined) => void): boolean {
  const t = e.target as SVGElement | null;
  const current = s.current;
  if (!current || !t) return false;
  if (t === current.svg) {
    if (e.key !== "ArrowDown" && e.key !== "Enter" && e.key !== " " && e.key !== "ArrowUp") return false;
    e.preventDefault();
    if (e.key !== "ArrowUp") go(nav.nodes[0] ?? s.marks.get(current.order[0]!));
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
    ArrowUp: () => current.svg,
    ArrowDown: () => s.marks.get(nav.last.get(i) ?? nav.groups[i]!.ids[0]!),
  };
  const fn = to[e.key] ?? (e.key === "Enter" || e.key === " " ? to.ArrowDown : undefined);
  if (!fn) return false;
  e.preventDefault();
  go(fn());
  return true;
}

/** The mark `step` marks away from `from` in reading order (or the first, or the last). */
function stepFrom(s: Shared, from: string, step: number | "first" | "last"): SVGElement | undefined {
  if (!s.current) return undefined;
  const order = s.current.order;
  const i = order.indexOf(from);
  const j = step === "first" ? 0 : step === "last" ? order.length - 1 : Math.max(0, Math.min(order.length - 1, i + step));
  return s.marks.get(order[j]!);
}
