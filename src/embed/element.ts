/**
 * `<claimline-chart chart="timeline" src="events.json" as-of="2025-08-16">`:
 * the same attributes as the script-tag embed (without `data-`), in light
 * DOM so the page's fonts and claimline's stylesheet apply. Attribute
 * changes redraw through the handle (several in one tick make one redraw);
 * a changed `chart` or `src` mounts afresh; removing the element destroys
 * the chart, its listeners and its observer (moving it keeps the chart). Frameworks can also set the
 * `data` property to a dataset object (React 19, Vue, Svelte set properties),
 * also before the element is defined: the value is picked up at upgrade.
 *
 * The class is created when defined, not at import, because `HTMLElement`
 * does not exist in Node.
 */
import { ELEMENT_ATTRIBUTES, readAttributes } from "./attributes.js";
import { mountEmbed, type Embed } from "./mount.js";
import type { ChartHandle } from "../charts/chart.js";

export const ELEMENT_NAME = "claimline-chart";

export interface ClaimlineChartElement extends HTMLElement {
  /** A dataset (object or JSON text); wins over `src` and inline JSON. */
  data: unknown;
  /** The live chart's handle, once drawn. */
  readonly handle: ChartHandle | null;
  /** Settles when the current chart is drawn or its error shown. */
  readonly ready: Promise<ChartHandle | null>;
}

/** Define `<claimline-chart>` once (a second copy of the script, or a second call, does nothing). */
export function defineClaimlineChart(): CustomElementConstructor | undefined {
  const registry = typeof customElements !== "undefined" ? customElements : undefined;
  if (!registry || typeof HTMLElement === "undefined") return undefined;
  const existing = registry.get(ELEMENT_NAME);
  if (existing) return existing;
  const ClaimlineChart = createElementClass();
  registry.define(ELEMENT_NAME, ClaimlineChart);
  return ClaimlineChart;
}

/**
 * The element's class: its state, the connect/disconnect lifecycle, attribute changes and the
 * batching of redraws. Made by a call (only where `HTMLElement` exists), not at import.
 */
function createElementClass(): CustomElementConstructor {
  return class ClaimlineChart extends HTMLElement implements ClaimlineChartElement {
    static get observedAttributes(): string[] {
      return [...ELEMENT_ATTRIBUTES];
    }
    private _embed: Embed | null = null;
    private _data: unknown = undefined;
    private _scheduled = false;
    private _remount = true;
    private _waiting = false;

    constructor() {
      super();
      upgradeProperty(this, "data");
    }

    get data(): unknown {
      return this._data;
    }
    set data(value: unknown) {
      this._data = value;
      if (this._embed?.handle && value !== undefined) this._embed.handle.update(value);
      else this._schedule(true);
    }
    get handle(): ChartHandle | null {
      return this._embed?.handle ?? null;
    }
    get ready(): Promise<ChartHandle | null> {
      return this._embed?.ready ?? Promise.resolve(null);
    }

    connectedCallback(): void {
      upgradeProperty(this, "data");
      // Moved within the page (disconnected and connected in one task): the chart is still there.
      if (this._embed) return;
      // While the parser is still inside this element its inline JSON may not exist yet.
      if (this.ownerDocument.readyState === "loading") {
        if (this._waiting) return;
        this._waiting = true;
        this.ownerDocument.addEventListener(
          "DOMContentLoaded",
          () => {
            this._waiting = false;
            this._schedule(true);
          },
          { once: true },
        );
      } else this._schedule(true);
    }

    disconnectedCallback(): void {
      // Destroyed once it has really left (not when it is moved): chart, listeners and observer go.
      queueMicrotask(() => {
        if (this.isConnected) return;
        this._embed?.destroy();
        this._embed = null;
        this._remount = true;
      });
    }

    attributeChangedCallback(name: string, oldValue: string | null, value: string | null): void {
      if (oldValue === value || !this._embed) return;
      this._schedule(name === "chart" || name === "src");
    }

    private _schedule(remount: boolean): void {
      this._remount ||= remount;
      if (this._scheduled) return;
      this._scheduled = true;
      queueMicrotask(() => this._flush());
    }

    private _flush(): void {
      this._scheduled = false;
      if (!this.isConnected) return;
      const config = readAttributes(this, "element");
      // An attribute that cannot be read is shown in place by a fresh mount, not applied to the live chart.
      if (!this._remount && this._embed?.handle && !config.errors.length) {
        this._embed.handle.update(undefined, config.options);
        return;
      }
      this._remount = false;
      this._embed?.destroy();
      this._embed = mountEmbed(this, config, this._data);
    }
  };
}

/**
 * A property set before the element was defined (a `defer` script, Vue's `.prop`) sits on the
 * instance and hides the class's setter: take it off and set it again through the setter.
 */
function upgradeProperty(element: ClaimlineChartElement, name: "data"): void {
  if (!Object.prototype.hasOwnProperty.call(element, name)) return;
  const value = (element as unknown as Record<string, unknown>)[name];
  delete (element as unknown as Record<string, unknown>)[name];
  element[name] = value;
}
