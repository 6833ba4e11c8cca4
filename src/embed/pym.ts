/**
 * The parent side of an iframe embed, for pages without pym.js: an iframe
 * whose height follows the child's pym height messages
 * (`pymxPYMx<childId>xPYMxheightxPYMx<px>`), shrinking as well as growing.
 * The child is any page rendered by `renderToString(…, { format: "html" })`
 * or `claimline render … --format html` (or any pym.js child).
 * Heights are set with the `height` attribute, which a strict CSP allows.
 * One `message` listener per window serves every frame, by child id, and
 * goes with the last frame; a frame taken out of the page lets go by itself
 * (`whenRemoved`, which the chart auto-embed shares: this file is the one
 * both script bundles carry).
 */
let frames = 0;

// ---- one message listener per window, dispatching by child id -------------------------------

const PYM = "pymxPYMx";
/** The live frames of a window by child id, and the one `message` listener that serves them. */
const channels = new WeakMap<Window, { frames: Map<string, Set<HTMLIFrameElement>>; onMessage: (e: MessageEvent) => void }>();

function setHeight(frame: HTMLIFrameElement, value: string | undefined): void {
  const h = Math.ceil(Number(value));
  if (Number.isFinite(h) && h >= 0 && frame.height !== String(h)) frame.height = String(h);
}

function listen(win: Window, id: string, frame: HTMLIFrameElement): void {
  let ch = channels.get(win);
  if (!ch) {
    const byId = new Map<string, Set<HTMLIFrameElement>>();
    const onMessage = (e: MessageEvent) => {
      if (typeof e.data !== "string" || !e.data.startsWith(PYM)) return;
      const [childId, type, value] = e.data.slice(PYM.length).split("xPYMx");
      for (const f of byId.get(childId!) ?? []) {
        // Only the frame's own page may size it.
        if (e.source === f.contentWindow && type === "height") setHeight(f, value);
      }
    };
    ch = { frames: byId, onMessage };
    channels.set(win, ch);
    win.addEventListener("message", onMessage);
  }
  const set = ch.frames.get(id) ?? new Set();
  set.add(frame);
  ch.frames.set(id, set);
}

function unlisten(win: Window, id: string, frame: HTMLIFrameElement): void {
  const ch = channels.get(win);
  const set = ch?.frames.get(id);
  if (!ch || !set) return;
  set.delete(frame);
  if (!set.size) ch.frames.delete(id);
  // The last frame gone: no listener stays behind.
  if (!ch.frames.size) {
    win.removeEventListener("message", ch.onMessage);
    channels.delete(win);
  }
}

// ---- removal from the page --------------------------------------------------------------------

/** Per document: one MutationObserver for every watched element, disconnected when none is left. */
const watches = new WeakMap<Document, { observer: MutationObserver; els: Map<Element, { seen: boolean; gone: () => void }> }>();

/**
 * Call `gone` once `el` has left the document (a live blog or a single-page app removing an embed),
 * and stop watching it. An element moved within the page (removed and inserted in one task) stays.
 * Shared by the auto-embed's charts and the frames. Returns a function that stops watching.
 */
export function whenRemoved(el: Element, gone: () => void): () => void {
  const doc = el.ownerDocument;
  const MO = (doc.defaultView as (Window & typeof globalThis) | null)?.MutationObserver;
  if (!MO) return () => {};
  let w = watches.get(doc);
  if (!w) {
    const els = new Map<Element, { seen: boolean; gone: () => void }>();
    const observer = new MO(() => {
      for (const [e, entry] of els) {
        if (e.isConnected) entry.seen = true;
        else if (entry.seen) {
          els.delete(e);
          entry.gone();
        }
      }
      if (!els.size) {
        observer.disconnect();
        if (watches.get(doc)?.observer === observer) watches.delete(doc);
      }
    });
    observer.observe(doc, { childList: true, subtree: true });
    w = { observer, els };
    watches.set(doc, w);
  }
  // Inside a shadow root, removals there are seen too.
  const root = el.getRootNode();
  if (root !== doc && root.nodeType === 11) w.observer.observe(root, { childList: true, subtree: true });
  const watch = w;
  watch.els.set(el, { seen: el.isConnected, gone });
  return () => {
    if (!watch.els.delete(el) || watch.els.size) return;
    watch.observer.disconnect();
    if (watches.get(doc) === watch) watches.delete(doc);
  };
}

export interface FrameHandle {
  iframe: HTMLIFrameElement;
  /** Remove the iframe and let go of the message listener (also done when the iframe leaves the page). */
  destroy(): void;
}

export interface FrameOptions {
  /** The iframe's accessible title. @default "Chart" */
  title?: string;
  /** The child id sent as `?childId=` (pym's parameter). @default a unique id */
  id?: string;
  /** Height before the first message. @default 150 */
  height?: number;
}

/**
 * The frame's URL, or why it is refused. Only http(s) URLs and relative paths on the page's own
 * origin may become a frame: a `javascript:` (or `data:`, `blob:`, `vbscript:` …) frame would run
 * script in, or in the name of, the host page, and HTML sanitisers keep `data-*` attributes.
 * The URL parser itself strips the leading spaces, tabs and newlines and folds the letter case
 * that such tricks hide behind, so the decision is made on what the browser would load.
 */
export function frameUrl(src: unknown, baseURI: string): URL | string {
  if (typeof src !== "string" || !src.trim()) return "no page address was given";
  let url: URL;
  let base: URL;
  try {
    base = new URL(baseURI);
    url = new URL(src, base);
  } catch {
    return `${JSON.stringify(src)} is not a valid address`;
  }
  if (url.protocol === "http:" || url.protocol === "https:") return url;
  // A relative path on a page that is not served over http(s) (a file opened from disk) stays on that origin.
  const relative = !/^[\u0000-\u0020]*[a-z][a-z0-9+.-]*:/i.test(src);
  if (relative && url.protocol === base.protocol && url.protocol === "file:") return url;
  return `only http(s) addresses and relative paths can be framed, not ${JSON.stringify(url.protocol)}`;
}

/** A readable message in place of a frame that cannot be made. */
function refuse(host: Element, reason: string): never {
  const p = host.ownerDocument.createElement("p");
  p.className = "claimline-v1-message";
  p.setAttribute("role", "alert");
  p.textContent = `This chart cannot be shown: ${reason}.`;
  host.replaceChildren(p);
  throw new Error(`claimline: ${reason}`);
}

/** Put an iframe of `src` into `container` and keep its height in step with the page inside. */
export function iframe(container: Element | string, src: string, options: FrameOptions = {}): FrameHandle {
  const host = typeof container === "string" ? document.querySelector(container) : container;
  if (!host) throw new Error(`claimline: no element matches ${JSON.stringify(container)}`);
  const doc = host.ownerDocument;
  const win = doc.defaultView!;
  const id = options.id ?? `claimline-frame-${++frames}`;
  const url = frameUrl(src, doc.baseURI);
  if (typeof url === "string") refuse(host, url);
  // pym's query parameters, so pym children work too.
  url.searchParams.set("initialWidth", String(Math.round((host as HTMLElement).getBoundingClientRect?.().width || 0)));
  url.searchParams.set("childId", id);
  url.searchParams.set("parentTitle", doc.title);
  url.searchParams.set("parentUrl", doc.location.href);
  const frame = doc.createElement("iframe");
  frame.src = url.href;
  frame.title = options.title ?? "Chart";
  frame.width = "100%";
  frame.height = String(options.height ?? 150);
  frame.setAttribute("scrolling", "no");
  frame.setAttribute("frameborder", "0");
  frame.setAttribute("loading", "lazy");
  frame.className = "claimline-v1-frame";
  listen(win, id, frame);
  host.appendChild(frame);
  let unwatch = () => {};
  const handle: FrameHandle = {
    iframe: frame,
    destroy() {
      unwatch();
      unlisten(win, id, frame);
      frame.remove();
    },
  };
  // A frame taken out of the page with its container lets go of its listener too.
  unwatch = whenRemoved(frame, () => handle.destroy());
  return handle;
}

/** Turn every `<div data-claimline-frame="page.html">` under `root` into a self-sizing iframe (once). */
export function autoFrames(root: ParentNode = document): FrameHandle[] {
  const out: FrameHandle[] = [];
  for (const el of Array.from(root.querySelectorAll<HTMLElement>("[data-claimline-frame]:not([data-claimline-initialized])"))) {
    el.setAttribute("data-claimline-initialized", "");
    try {
      const handle = iframe(el, el.getAttribute("data-claimline-frame")!, { title: el.getAttribute("data-title") ?? undefined });
      // Removed from the page, the element can be put back and framed afresh.
      whenRemoved(el, () => {
        handle.destroy();
        el.removeAttribute("data-claimline-initialized");
      });
      out.push(handle);
    } catch {
      // The reason is already shown in place; the other frames on the page still load.
    }
  }
  return out;
}
