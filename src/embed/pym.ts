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

/** Put an iframe of `src` into `container` and keep its height in step with the page inside. */
export function iframe(container: Element | string, src: string, options: FrameOptions = {}): FrameHandle {
  const host = typeof container === "string" ? document.querySelector(container) : container;
  if (!host) throw new Error(`claimline: no element matches ${JSON.stringify(container)}`);
  const doc = host.ownerDocument;
  const win = doc.defaultView!;
  const id = options.id ?? `claimline-frame-${++frames}`;
  const url = new URL(src, doc.baseURI);
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
    out.push(iframe(el, el.getAttribute("data-claimline-frame")!, { title: el.getAttribute("data-title") ?? undefined }));
  }
  return out;
}
