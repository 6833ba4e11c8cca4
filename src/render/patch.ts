/**
 * Update a mounted tree in place to match a freshly rendered one, in the manner of d3's keyed join: an
 * element with a `data-id` (a mark) or a `data-for` (its words) is matched by that key wherever it moved;
 * other elements by tag, in order. Matched nodes keep their identity — focus stays on the focused mark,
 * nothing the reader is looking at is torn down — and only attributes and text that changed are written.
 * Unmatched new nodes move over from the fresh tree (it is thrown away); unmatched old ones leave.
 */
const keyOf = (n: Node): string | null => {
  if (n.nodeType !== 1) return null;
  const el = n as Element;
  const id = el.getAttribute("data-id");
  if (id !== null) return `id:${el.tagName}:${id}`;
  const forId = el.getAttribute("data-for");
  return forId !== null ? `for:${el.tagName}:${forId}` : null;
};

function syncAttributes(a: Element, b: Element): void {
  const next = b.attributes;
  for (let i = 0; i < next.length; i++) {
    const { name, value } = next[i]!;
    if (a.getAttribute(name) !== value) a.setAttribute(name, value);
  }
  const prev = Array.from(a.attributes);
  for (const { name } of prev) if (!b.hasAttribute(name)) a.removeAttribute(name);
}

/** Make `a` look like `b` (same tag), keeping `a`'s nodes where they match. `b` is consumed. */
export function patchTree(a: Element, b: Element): void {
  syncAttributes(a, b);
  const olds = Array.from(a.childNodes);
  const keyed = new Map<string, Node>();
  const loose = new Map<string, Node[]>();
  for (const n of olds) {
    const k = keyOf(n);
    if (k !== null) keyed.set(k, n);
    else {
      const tag = n.nodeType === 1 ? (n as Element).tagName : `#${n.nodeType}`;
      const list = loose.get(tag);
      if (list) list.push(n);
      else loose.set(tag, [n]);
    }
  }
  const used = new Set<Node>();
  let at: Node | null = a.firstChild;
  for (const n of Array.from(b.childNodes)) {
    const k = keyOf(n);
    let match: Node | undefined;
    if (k !== null) match = keyed.get(k);
    else {
      const tag = n.nodeType === 1 ? (n as Element).tagName : `#${n.nodeType}`;
      match = loose.get(tag)?.shift();
    }
    if (match && !used.has(match)) {
      used.add(match);
      if (n.nodeType === 1) patchTree(match as Element, n as Element);
      else if (match.nodeValue !== n.nodeValue) match.nodeValue = n.nodeValue;
    } else match = n;
    // Place it at the cursor (a no-op when it is already there).
    if (match !== at) a.insertBefore(match, at);
    at = match.nextSibling;
  }
  for (const n of olds) if (!used.has(n)) n.parentNode === a && a.removeChild(n);
}
