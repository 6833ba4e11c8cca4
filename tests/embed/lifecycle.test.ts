// @vitest-environment jsdom
// Embeds that leave the page let go of everything (issue 14, item 6), and <claimline-chart>
// takes a `data` property set before it was defined (item 7). jsdom has no layout, so charts
// are given a width.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const seeds = JSON.parse(readFileSync(join(process.cwd(), "examples/data/seeds.json"), "utf8"));
const seedsJson = JSON.stringify(seeds).replace(/</g, "\\u003c");
const tick = () => new Promise((r) => setTimeout(r, 0));

/** Live listeners on window and document, and live MutationObservers, counted from here on. */
const live = { listeners: [] as Array<{ t: EventTarget; type: string; fn: unknown; capture: boolean }>, observers: 0 };
const count = (type?: string) => live.listeners.filter((l) => (l.t === window || l.t === document) && (!type || l.type === type)).length;
const add = EventTarget.prototype.addEventListener;
const remove = EventTarget.prototype.removeEventListener;
const MO = window.MutationObserver;

// jsdom's window has its own addEventListener (another realm's EventTarget): count both.
const win = window as unknown as { addEventListener: typeof add; removeEventListener: typeof remove };
const winAdd = win.addEventListener;
const winRemove = win.removeEventListener;

function counting(addFn: typeof add, removeFn: typeof remove): [typeof add, typeof remove] {
  const capture = (o: unknown) => !!(typeof o === "object" ? (o as AddEventListenerOptions | null)?.capture : o);
  return [
    function (this: EventTarget, type: string, fn: unknown, o?: unknown) {
      if (!live.listeners.some((l) => l.t === this && l.type === type && l.fn === fn && l.capture === capture(o))) live.listeners.push({ t: this, type, fn, capture: capture(o) });
      return addFn.call(this, type, fn as EventListener, o as AddEventListenerOptions);
    } as typeof add,
    function (this: EventTarget, type: string, fn: unknown, o?: unknown) {
      const i = live.listeners.findIndex((l) => l.t === this && l.type === type && l.fn === fn && l.capture === capture(o));
      if (i >= 0) live.listeners.splice(i, 1);
      return removeFn.call(this, type, fn as EventListener, o as EventListenerOptions);
    } as typeof remove,
  ];
}

beforeAll(() => {
  [EventTarget.prototype.addEventListener, EventTarget.prototype.removeEventListener] = counting(add, remove);
  if (winAdd !== add) [win.addEventListener, win.removeEventListener] = counting(winAdd, winRemove);
  window.MutationObserver = class extends MO {
    private on = false;
    override observe(t: Node, o?: MutationObserverInit) {
      if (!this.on) live.observers++;
      this.on = true;
      return super.observe(t, o);
    }
    override disconnect() {
      if (this.on) live.observers--;
      this.on = false;
      return super.disconnect();
    }
  };
});
afterAll(() => {
  EventTarget.prototype.addEventListener = add;
  EventTarget.prototype.removeEventListener = remove;
  if (winAdd !== add) [win.addEventListener, win.removeEventListener] = [winAdd, winRemove];
  window.MutationObserver = MO;
});

function embedHost(): HTMLElement {
  const host = document.createElement("div");
  host.setAttribute("data-claimline", "timeline");
  host.setAttribute("data-width", "640");
  host.innerHTML = `<script type="application/json">${seedsJson}</script>`;
  return host;
}

describe("<claimline-chart>", () => {
  // First in this file: importing the auto-embed defines the element.
  it("a data property set before the element is defined is drawn when it is (a defer script, Vue's .prop)", async () => {
    document.body.insertAdjacentHTML("beforeend", `<claimline-chart id="late" chart="timeline" width="640" domain="2025-03/2025-09" periods="2025-08-12/2025-08-15 Call, then summit"></claimline-chart>`);
    const el = document.getElementById("late") as HTMLElement & { data: unknown; ready: Promise<unknown> };
    expect(customElements.get("claimline-chart")).toBeUndefined();
    el.data = seeds;
    const { defineClaimlineChart } = await import("../../src/embed/element.js");
    defineClaimlineChart();
    await tick();
    await el.ready;
    expect(el.data).toBe(seeds);
    expect(el.textContent).not.toMatch(/no data/);
    const ids = [...el.querySelectorAll("svg [data-id]")].map((m) => m.getAttribute("data-id"));
    expect(ids.length).toBeGreaterThan(0);
    // The range and the period from the attributes: only 2025-03 … 2025-09 events, the period's label drawn.
    const months = (date: string) => date.split("/").filter((d) => d && d !== "..").map((d) => d.slice(0, 7));
    const outside = seeds.events.filter((e: { date: string }) => months(e.date).every((m) => m < "2025-03" || m > "2025-09")).map((e: { id: string }) => e.id);
    expect(outside).toContain("treaty-signing");
    expect(ids.filter((id) => outside.includes(id))).toEqual([]);
    expect(ids).toContain("putin-kim-call");
    expect(el.querySelector("[data-claimline-chart] > svg")!.textContent).toContain("Call, then summit");
    expect(el.querySelectorAll("[data-claimline-chart] > svg .claimline-v1-tl-period-band")).toHaveLength(1);
    el.remove();
  });
  it("moving the element keeps its chart; removing it destroys the chart and its listeners", async () => {
    const before = count();
    const a = document.body.appendChild(document.createElement("section"));
    const b = document.body.appendChild(document.createElement("section"));
    const el = document.createElement("claimline-chart") as HTMLElement & { data: unknown; ready: Promise<unknown>; handle: unknown };
    el.setAttribute("chart", "timeline");
    el.setAttribute("width", "640");
    el.data = seeds;
    a.appendChild(el);
    await tick();
    await el.ready;
    const chart = el.querySelector("[data-claimline-chart]");
    expect(chart).not.toBeNull();
    expect(count()).toBeGreaterThan(before);
    b.appendChild(el);
    await tick();
    expect(el.querySelector("[data-claimline-chart]")).toBe(chart);
    el.remove();
    await tick();
    expect(el.querySelector("[data-claimline-chart]")).toBeNull();
    expect(el.handle).toBeNull();
    expect(count()).toBe(before);
    a.remove();
    b.remove();
  });
  it("changing periods or domain redraws; an unreadable value is named in place, and fixing it draws again", async () => {
    const el = document.createElement("claimline-chart") as HTMLElement & { data: unknown; ready: Promise<unknown> };
    el.setAttribute("chart", "timeline");
    el.setAttribute("width", "640");
    el.setAttribute("periods", "2025-08-12/2025-08-15 Call, then summit");
    el.data = seeds;
    document.body.appendChild(el);
    await tick();
    await el.ready;
    const text = () => el.querySelector("[data-claimline-chart] > svg")?.textContent ?? "";
    expect(text()).toContain("Call, then summit");
    el.setAttribute("periods", "2025-06-04 Shoigu in Pyongyang\n2025-03-21/2025-03-31 Late March");
    el.setAttribute("domain", "2025-03,2025-09");
    await tick();
    expect(text()).not.toContain("Call, then summit");
    expect(text()).toContain("Shoigu in Pyongyang");
    expect(text()).toContain("Late March");
    expect(el.querySelectorAll("[data-claimline-chart] > svg .claimline-v1-tl-period-band")).toHaveLength(2);
    expect(el.querySelector('[data-id="treaty-signing"]')).toBeNull();
    el.setAttribute("periods", "late March 2025");
    await tick();
    expect(el.getAttribute("data-claimline-state")).toBe("error");
    expect(el.textContent).toMatch(/periods: "late March 2025": cannot read "late"/);
    expect(el.querySelector("[data-claimline-chart]")).toBeNull();
    el.setAttribute("periods", "2025-03-21/2025-03-31 Late March");
    await tick();
    await el.ready;
    expect(el.getAttribute("data-claimline-state")).toBe("ready");
    expect(text()).toContain("Late March");
    expect(el.querySelectorAll("[data-claimline-chart]")).toHaveLength(1);
    expect(el.querySelector("[data-claimline-status]")).toBeNull();
    el.remove();
  });
  it("setting data on a defined element redraws it with the new data", async () => {
    const el = document.createElement("claimline-chart") as HTMLElement & { data: unknown; ready: Promise<unknown> };
    el.setAttribute("chart", "timeline");
    el.setAttribute("width", "640");
    el.data = { ...seeds, events: seeds.events.slice(0, 3) };
    document.body.appendChild(el);
    await tick();
    await el.ready;
    expect(el.querySelectorAll("svg [data-id]").length).toBe(3);
    el.remove();
  });
});

describe("autoInit(): a [data-claimline] element removed from the page", () => {
  it("autoInit() then remove(), 20 times: each chart is destroyed, listeners and observers back to none", async () => {
    const { autoInit } = await import("../../src/embed/auto.js");
    const before = { listeners: count(), observers: live.observers };
    let drawn = 0;
    for (let i = 0; i < 20; i++) {
      const host = embedHost();
      document.body.appendChild(host);
      const [embed] = autoInit();
      await embed!.ready;
      if (host.querySelector("[data-claimline-chart] svg [data-id]")) drawn++;
      expect(live.observers).toBe(before.observers + 1);
      // The chart listens on the document while it is drawn (so the count can see what a removal must take away).
      expect(count()).toBeGreaterThan(before.listeners);
      host.remove();
      await tick();
      expect(host.querySelector("[data-claimline-chart]")).toBeNull();
      expect(host.hasAttribute("data-claimline-initialized")).toBe(false);
      expect(embed!.handle).toBeNull();
    }
    expect(drawn).toBe(20);
    expect(count()).toBe(before.listeners);
    expect(live.observers).toBe(before.observers);
  });

  it("an element moved within the page keeps its chart; put back after removal, autoInit() draws it again", async () => {
    const { autoInit } = await import("../../src/embed/auto.js");
    const a = document.createElement("section");
    const b = document.createElement("section");
    document.body.append(a, b);
    const host = embedHost();
    a.appendChild(host);
    const [embed] = autoInit();
    await embed!.ready;
    const chart = host.querySelector("[data-claimline-chart]");
    expect(chart).not.toBeNull();
    b.appendChild(host);
    await tick();
    expect(host.querySelector("[data-claimline-chart]")).toBe(chart);
    expect(embed!.handle).not.toBeNull();
    host.remove();
    await tick();
    expect(host.querySelector("[data-claimline-chart]")).toBeNull();
    a.appendChild(host);
    const [again] = autoInit();
    await again!.ready;
    expect(host.querySelectorAll("[data-claimline-chart] svg [data-id]").length).toBeGreaterThan(0);
    // destroy() by hand stops the watch: no observer stays for it.
    again!.destroy();
    expect(live.observers).toBe(0);
    a.remove();
    b.remove();
  });
});

describe("iframe() and autoFrames(): one message listener per window", () => {
  it("three frames share one message listener, each sized by its own child's messages; it goes with the last frame", async () => {
    const { autoFrames, iframe } = await import("../../src/embed/pym.js");
    const before = count("message");
    const hosts = [0, 1, 2].map((i) => {
      const d = document.createElement("div");
      d.setAttribute("data-claimline-frame", `chart-${i}.html`);
      document.body.appendChild(d);
      return d;
    });
    const handles = autoFrames(document);
    const direct = iframe(document.body.appendChild(document.createElement("div")), "chart-3.html", { id: "direct" });
    expect(handles).toHaveLength(3);
    expect(count("message")).toBe(before + 1);
    const frames = [...handles.map((h) => h.iframe), direct.iframe];
    const ids = frames.map((f) => new URL(f.src).searchParams.get("childId"));
    expect(ids[3]).toBe("direct");
    const post = (id: string, source: Window | null, h: number) => window.dispatchEvent(new MessageEvent("message", { data: `pymxPYMx${id}xPYMxheightxPYMx${h}`, source }));
    post(ids[1]!, frames[1]!.contentWindow, 321);
    post(ids[2]!, frames[1]!.contentWindow, 999); // another frame's page cannot size this one
    expect(frames.map((f) => f.height)).toEqual(["150", "321", "150", "150"]);
    hosts[0]!.remove();
    await tick();
    expect(count("message")).toBe(before + 1);
    expect(hosts[0]!.hasAttribute("data-claimline-initialized")).toBe(false);
    direct.destroy();
    hosts[1]!.remove();
    hosts[2]!.remove();
    await tick();
    expect(count("message")).toBe(before);
    expect(live.observers).toBe(0);
  });
});
