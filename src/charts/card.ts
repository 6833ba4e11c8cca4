/**
 * The detail card: one per chart, opened by a mark's focus, hover or press (pinned by a press, Enter or
 * Space), placed where it is seen whole, and closed without ever leaving focus on <body>.
 */
import { cls, html, PREFIX } from "../render/dom.js";
import { renderDetail } from "../render/frame.js";
import type { Shared } from "./state.js";

export interface DetailCard {
  /** The card element (null before the first mount and after a message replaced the chart). */
  readonly el: HTMLElement | null;
  /** The record whose card stays open until closed (a press, Enter, Space). */
  readonly pinned: string | null;
  /** The record whose card is open, and whose mark has the active class. */
  readonly activeId: string | null;
  /** A first mount: the card element, hidden. */
  create(): HTMLElement;
  show(id: string, pin?: boolean): void;
  /** Close the card; `refocus` (Close, Escape) puts focus back on the mark it belonged to, never on <body>. */
  hide(force?: boolean, refocus?: boolean): void;
  /** A new view's marks: none is active yet. */
  reset(): void;
  /** After a mount: the pinned record's card open again on its new mark, or unpinned when the record is gone. */
  restore(): void;
  forget(): void;
}

/** The card of the chart `s`; `setTabStop` makes a mark the keyboard's tab stop (charts/keyboard.ts). */
export function detailCard(s: Shared, setTabStop: (el: SVGElement) => void): DetailCard {
  const { doc, node, view } = s;
  let card: HTMLElement | null = null;
  let pinned: string | null = null;
  let activeId: string | null = null;
  let activeEl: SVGElement | null = null;

  function show(id: string, pin = false): void {
    if (!s.current || !card) return;
    const spec = s.current.details.get(id);
    if (!spec) return;
    if (pin) pinned = id;
    setActive(id);
    renderDetail(doc, card, spec, s.words.t("card.sources"));
    const close = html(doc, "button", { type: "button", class: cls("close"), "aria-label": s.words.t("card.close") }, card, "×");
    close.addEventListener("click", () => hide(true, true));
    card.hidden = false;
    place(card, s.marks.get(id), node, view);
    // Focus can scroll the mark into view after this runs: place again once the page has settled.
    view?.requestAnimationFrame?.(() => {
      if (card && !card.hidden && activeId === id && s.current) place(card, s.marks.get(id), node, view);
    });
  }

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
      activeEl = s.marks.get(id) ?? null;
      activeEl?.classList.add(`${PREFIX}-active`);
    }
  }

  return {
    get el() {
      return card;
    },
    get pinned() {
      return pinned;
    },
    get activeId() {
      return activeId;
    },
    create() {
      return (card = html(doc, "div", { class: cls("detail"), id: s.detailId, role: "dialog", "aria-label": s.words.t("card.label"), hidden: true }));
    },
    show,
    hide,
    reset() {
      activeId = null;
      activeEl = null;
    },
    restore() {
      if (pinned && s.marks.has(pinned)) show(pinned, true);
      else pinned = null;
    },
    forget() {
      card = null;
      activeEl = null;
      activeId = null;
    },
  };
}

/**
 * Put the card where it is seen whole: below the mark, else above it, else beside it, inside the chart and
 * the viewport; on a narrow screen it is a sheet along the bottom of the viewport. CSSOM writes are allowed
 * under a strict CSP; `style=""` is not.
 */
function place(card: HTMLElement, mark: SVGElement | undefined, node: HTMLElement, view: Window | null): void {
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

