/**
 * The parent side of an iframe embed, for pages without pym.js: an iframe
 * whose height follows the child's pym height messages
 * (`pymxPYMx<childId>xPYMxheightxPYMx<px>`), shrinking as well as growing.
 * The child is any page rendered by `renderToString(…, { format: "html" })`
 * or `claimline render … --format html` (or any pym.js child).
 * Heights are set with the `height` attribute, which a strict CSP allows.
 */
let frames = 0;

export interface FrameHandle {
  iframe: HTMLIFrameElement;
  /** Remove the iframe and its message listener. */
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
  const prefix = `pymxPYMx${id}xPYMx`;
  const onMessage = (e: MessageEvent) => {
    if (e.source !== frame.contentWindow || typeof e.data !== "string" || !e.data.startsWith(prefix)) return;
    const [type, value] = e.data.slice(prefix.length).split("xPYMx");
    if (type === "height") {
      const h = Math.ceil(Number(value));
      if (Number.isFinite(h) && h >= 0 && frame.height !== String(h)) frame.height = String(h);
    }
  };
  win.addEventListener("message", onMessage);
  host.appendChild(frame);
  return {
    iframe: frame,
    destroy() {
      win.removeEventListener("message", onMessage);
      frame.remove();
    },
  };
}

/** Turn every `<div data-claimline-frame="page.html">` under `root` into a self-sizing iframe (once). */
export function autoFrames(root: ParentNode = document): FrameHandle[] {
  const out: FrameHandle[] = [];
  for (const el of Array.from(root.querySelectorAll<HTMLElement>("[data-claimline-frame]:not([data-claimline-initialized])"))) {
    el.setAttribute("data-claimline-initialized", "");
    try {
      out.push(iframe(el, el.getAttribute("data-claimline-frame")!, { title: el.getAttribute("data-title") ?? undefined }));
    } catch {
      // The reason is already shown in place; the other frames on the page still load.
    }
  }
  return out;
}
