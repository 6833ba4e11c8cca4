/**
 * A very small DOM for drawing outside a browser (the CLI): just what the renderers, the frame and the
 * server's serialiser use — elements, text, attributes, classList, textContent, cloneNode and a few simple
 * selectors (tag, .class, [attr], [attr=v], [attr$=v], descendant, `>`, lists). Loading linkedom cost
 * about a third of a cold `claimline render`; this is a few hundred lines already parsed with the charts.
 *
 * It copies linkedom's observable choices, so output is byte for byte the same with either: attributes are
 * listed newest first (a changed value keeps its place), `tagName` is upper case for every element.
 */
const HTML = "http://www.w3.org/1999/xhtml";

abstract class LightNode {
  parentNode: LightElement | null = null;
  nextSibling: LightNode | null = null;
  previousSibling: LightNode | null = null;
  abstract readonly nodeType: number;
  abstract get textContent(): string | null;
  abstract set textContent(v: string | null);
  abstract cloneNode(deep?: boolean): LightNode;
  get parentElement(): LightElement | null {
    return this.parentNode;
  }
  remove(): void {
    this.parentNode?.removeChild(this);
  }
  get nodeValue(): string | null {
    return null;
  }
  set nodeValue(_: string | null) {}
}

class LightText extends LightNode {
  readonly nodeType = 3;
  constructor(
    public data: string,
    readonly ownerDocument: LightDocument,
  ) {
    super();
  }
  get textContent(): string {
    return this.data;
  }
  set textContent(v: string | null) {
    this.data = v ?? "";
  }
  override get nodeValue(): string {
    return this.data;
  }
  override set nodeValue(v: string | null) {
    this.data = v ?? "";
  }
  cloneNode(): LightText {
    return new LightText(this.data, this.ownerDocument);
  }
}

interface Attr {
  name: string;
  value: string;
}

class LightClassList {
  constructor(private readonly el: LightElement) {}
  private get list(): string[] {
    return (this.el.getAttribute("class") ?? "").split(/\s+/).filter(Boolean);
  }
  contains(c: string): boolean {
    return this.list.includes(c);
  }
  add(...cs: string[]): void {
    const l = this.list;
    for (const c of cs) if (!l.includes(c)) l.push(c);
    this.el.setAttribute("class", l.join(" "));
  }
  remove(...cs: string[]): void {
    if (this.el.hasAttribute("class")) this.el.setAttribute("class", this.list.filter((c) => !cs.includes(c)).join(" "));
  }
  toggle(c: string, force?: boolean): boolean {
    const on = force ?? !this.contains(c);
    if (on) this.add(c);
    else this.remove(c);
    return on;
  }
}

class LightElement extends LightNode {
  readonly nodeType = 1;
  firstChild: LightNode | null = null;
  lastChild: LightNode | null = null;
  /** Newest first, as linkedom lists them. */
  private attrs: Attr[] = [];
  readonly tagName: string;
  readonly classList = new LightClassList(this);
  constructor(
    readonly localName: string,
    readonly namespaceURI: string,
    readonly ownerDocument: LightDocument,
  ) {
    super();
    this.tagName = localName.toUpperCase();
  }
  get attributes(): Attr[] {
    return this.attrs;
  }
  getAttributeNames(): string[] {
    return this.attrs.map((a) => a.name);
  }
  getAttribute(name: string): string | null {
    for (const a of this.attrs) if (a.name === name) return a.value;
    return null;
  }
  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null;
  }
  setAttribute(name: string, value: unknown): void {
    const v = String(value);
    for (const a of this.attrs) if (a.name === name) return void (a.value = v);
    this.attrs.unshift({ name, value: v });
  }
  removeAttribute(name: string): void {
    this.attrs = this.attrs.filter((a) => a.name !== name);
  }
  toggleAttribute(name: string, force?: boolean): boolean {
    const on = force ?? !this.hasAttribute(name);
    if (on) {
      if (!this.hasAttribute(name)) this.setAttribute(name, "");
    } else this.removeAttribute(name);
    return on;
  }
  get id(): string {
    return this.getAttribute("id") ?? "";
  }
  set id(v: string) {
    this.setAttribute("id", v);
  }
  get className(): string {
    return this.getAttribute("class") ?? "";
  }
  set className(v: string) {
    this.setAttribute("class", v);
  }
  get childNodes(): LightNode[] {
    const out: LightNode[] = [];
    for (let c = this.firstChild; c; c = c.nextSibling) out.push(c);
    return out;
  }
  get children(): LightElement[] {
    return this.childNodes.filter((c): c is LightElement => c.nodeType === 1);
  }
  get firstElementChild(): LightElement | null {
    for (let c = this.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) return c as LightElement;
    return null;
  }
  insertBefore<T extends LightNode>(node: T, ref: LightNode | null): T {
    if (node === ref) return node;
    node.parentNode?.removeChild(node);
    node.parentNode = this;
    const prev = ref ? ref.previousSibling : this.lastChild;
    node.previousSibling = prev;
    node.nextSibling = ref;
    if (prev) prev.nextSibling = node;
    else this.firstChild = node;
    if (ref) ref.previousSibling = node;
    else this.lastChild = node;
    return node;
  }
  appendChild<T extends LightNode>(node: T): T {
    return this.insertBefore(node, null);
  }
  append(...nodes: Array<LightNode | string>): void {
    for (const n of nodes) this.appendChild(typeof n === "string" ? this.ownerDocument.createTextNode(n) : n);
  }
  removeChild<T extends LightNode>(node: T): T {
    if (node.parentNode !== this) throw new Error("lightDom: not a child");
    const { previousSibling: p, nextSibling: n } = node;
    if (p) p.nextSibling = n;
    else this.firstChild = n;
    if (n) n.previousSibling = p;
    else this.lastChild = p;
    node.parentNode = node.nextSibling = node.previousSibling = null;
    return node;
  }
  replaceWith(...nodes: LightNode[]): void {
    const parent = this.parentNode;
    if (!parent) return;
    const ref = this.nextSibling;
    parent.removeChild(this);
    for (const n of nodes) parent.insertBefore(n, ref);
  }
  get textContent(): string {
    let s = "";
    for (let c = this.firstChild; c; c = c.nextSibling) s += c.textContent ?? "";
    return s;
  }
  set textContent(v: string | null) {
    while (this.firstChild) this.removeChild(this.firstChild);
    if (v) this.appendChild(this.ownerDocument.createTextNode(v));
  }
  cloneNode(deep = false): LightElement {
    const el = new LightElement(this.localName, this.namespaceURI, this.ownerDocument);
    el.attrs = this.attrs.map((a) => ({ ...a }));
    if (deep) for (let c = this.firstChild; c; c = c.nextSibling) el.appendChild(c.cloneNode(true));
    return el;
  }
  contains(node: LightNode | null): boolean {
    for (let n = node; n; n = n.parentNode) if (n === this) return true;
    return false;
  }
  querySelectorAll(selector: string): LightElement[] {
    const groups = parseSelector(selector);
    const out: LightElement[] = [];
    const walk = (el: LightElement) => {
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== 1) continue;
        const e = c as LightElement;
        if (groups.some((g) => matches(e, g, g.length - 1, this))) out.push(e);
        walk(e);
      }
    };
    walk(this);
    return out;
  }
  querySelector(selector: string): LightElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }
  matches(selector: string): boolean {
    return parseSelector(selector).some((g) => matches(this, g, g.length - 1, null));
  }
  closest(selector: string): LightElement | null {
    for (let n: LightElement | null = this; n; n = n.parentNode) if (n.matches(selector)) return n;
    return null;
  }
}

// ---------------------------------------------------------------- selectors

interface Compound {
  tag?: string;
  classes: string[];
  attrs: Array<{ name: string; op?: "=" | "$=" | "^=" | "*=" | "~="; value?: string }>;
  /** How this compound relates to the one before it. */
  combinator: " " | ">";
}

const parsed = new Map<string, Compound[][]>();
function parseSelector(selector: string): Compound[][] {
  let groups = parsed.get(selector);
  if (groups) return groups;
  groups = selector.split(",").map((part) => {
    const tokens = part.trim().replace(/\s*>\s*/g, " > ").split(/\s+/);
    const out: Compound[] = [];
    let combinator: " " | ">" = " ";
    for (const t of tokens) {
      if (t === ">") {
        combinator = ">";
        continue;
      }
      const m = /^([a-zA-Z][\w-]*|\*)?((?:\.[\w-]+|\[[^\]]+\])*)$/.exec(t);
      if (!m) throw new Error(`lightDom: unsupported selector ${JSON.stringify(selector)}`);
      const c: Compound = { classes: [], attrs: [], combinator };
      if (m[1] && m[1] !== "*") c.tag = m[1].toLowerCase();
      for (const x of m[2]!.match(/\.[\w-]+|\[[^\]]+\]/g) ?? []) {
        if (x[0] === ".") c.classes.push(x.slice(1));
        else {
          const a = /^\[\s*([\w:-]+)\s*(?:([$^*~]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]*)))?\s*\]$/.exec(x);
          if (!a) throw new Error(`lightDom: unsupported selector ${JSON.stringify(selector)}`);
          c.attrs.push({ name: a[1]!, ...(a[2] ? { op: a[2] as "=", value: a[3] ?? a[4] ?? a[5] ?? "" } : {}) });
        }
      }
      out.push(c);
      combinator = " ";
    }
    return out;
  });
  parsed.set(selector, groups);
  return groups;
}

function matchesCompound(el: LightElement, c: Compound): boolean {
  if (c.tag && el.localName.toLowerCase() !== c.tag) return false;
  if (c.classes.length) {
    const cls = (el.getAttribute("class") ?? "").split(/\s+/);
    if (!c.classes.every((x) => cls.includes(x))) return false;
  }
  for (const a of c.attrs) {
    const v = el.getAttribute(a.name);
    if (v === null) return false;
    if (!a.op) continue;
    const want = a.value!;
    if (a.op === "=" ? v !== want : a.op === "$=" ? !v.endsWith(want) : a.op === "^=" ? !v.startsWith(want) : a.op === "*=" ? !v.includes(want) : !v.split(/\s+/).includes(want)) return false;
  }
  return true;
}

/** Whether `el` matches compounds[0..k], the ancestors staying inside `scope` (querySelectorAll's root). */
function matches(el: LightElement, compounds: Compound[], k: number, scope: LightElement | null): boolean {
  if (!matchesCompound(el, compounds[k]!)) return false;
  if (k === 0) return true;
  const inScope = (n: LightElement | null) => n !== null && n !== scope && (scope === null || scope.contains(n));
  if (compounds[k]!.combinator === ">") {
    const p = el.parentNode;
    return inScope(p) && matches(p!, compounds, k - 1, scope);
  }
  for (let p = el.parentNode; inScope(p); p = p!.parentNode) if (matches(p!, compounds, k - 1, scope)) return true;
  return false;
}

// ---------------------------------------------------------------- document

class LightDocument {
  readonly defaultView = null;
  readonly nodeType = 9;
  readonly documentElement: LightElement;
  readonly head: LightElement;
  readonly body: LightElement;
  constructor() {
    this.documentElement = this.createElement("html");
    this.documentElement.setAttribute("lang", "en");
    this.head = this.documentElement.appendChild(this.createElement("head"));
    this.body = this.documentElement.appendChild(this.createElement("body"));
  }
  createElement(name: string): LightElement {
    return new LightElement(name.toLowerCase(), HTML, this);
  }
  createElementNS(ns: string | null, name: string): LightElement {
    return new LightElement(name, ns ?? "", this);
  }
  createTextNode(text: string): LightText {
    return new LightText(String(text), this);
  }
  querySelector(selector: string): LightElement | null {
    return this.documentElement.matches(selector) ? this.documentElement : this.documentElement.querySelector(selector);
  }
  querySelectorAll(selector: string): LightElement[] {
    return [...(this.documentElement.matches(selector) ? [this.documentElement] : []), ...this.documentElement.querySelectorAll(selector)];
  }
  get activeElement(): null {
    return null;
  }
}

/** A new empty document (html, head, body) to draw a chart on, outside a browser. */
export function lightDocument(): Document {
  return new LightDocument() as unknown as Document;
}
