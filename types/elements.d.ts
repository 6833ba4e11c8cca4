/**
 * Typings for the page-level parts of claimline, shipped as dist/elements.d.ts
 * and referenced from the package's types (`claimline`, `claimline/auto`):
 *   - `<claimline-chart>` in React 19 JSX, Vue templates (Volar) and Svelte 5;
 *   - `document.createElement("claimline-chart")` / `querySelector` typed;
 *   - `window.Claimline`, the script-tag bundle's global.
 * Each framework block is skipped when that framework's types are not
 * installed (the `@ts-ignore` before each line that names the framework), so
 * a project with none of them type-checks cleanly, with or without
 * `skipLibCheck`.
 */
import type { ChartHandle, ChartName, Dataset } from "./claimline.js";

/** The attributes of `<claimline-chart>` (the script-tag embed's `data-*` attributes without `data-`). */
export interface ClaimlineChartAttributes {
  /** The chart: "figure-comparison", "timeline" or "promise-tracker". */
  chart?: ChartName;
  /** URL of a JSON dataset or CSV/TSV sheets (several separated by spaces). */
  src?: string;
  locale?: string;
  theme?: "light" | "dark" | "auto";
  width?: number | string;
  title?: string;
  subtitle?: string;
  source?: string;
  note?: string;
  credit?: string;
  /** JSON: `{"pt.kept": "done"}`. */
  messages?: string;
  "as-of"?: string;
  sort?: string;
  highlight?: string;
  /** JSON: `{"event-id": "note"}`. */
  annotations?: string;
  orientation?: "horizontal" | "vertical" | "auto";
  lanes?: "participants" | "kind" | "none";
  /** "2021-08/2021-09" */
  domain?: string;
  /** "2021-08-15/2021-08-31 Evacuation; 2021-08-26 Kabul airport attack" */
  periods?: string;
  breakpoint?: number | string;
  subject?: string;
  axis?: "auto" | "linear" | "log" | "symlog";
  zero?: "true" | "false" | boolean;
  group?: "none" | "speaker" | "topic";
  compact?: "auto" | "true" | "false" | boolean;
}

/** The dataset a framework may set as the `data` property (object or JSON text). */
export type ClaimlineChartData = Dataset | Partial<Dataset> | string;

/** `<claimline-chart>` as an element. */
export interface ClaimlineChartElement extends HTMLElement {
  /** A dataset (object or JSON text); wins over `src` and inline JSON. */
  data: ClaimlineChartData | undefined;
  /** The live chart's handle, once drawn. */
  readonly handle: ChartHandle | null;
  /** Settles when the current chart is drawn or its error shown. */
  readonly ready: Promise<ChartHandle | null>;
}

/** What a framework passes to `<claimline-chart>`: its attributes and the `data` property. */
export interface ClaimlineChartProps extends ClaimlineChartAttributes {
  data?: ClaimlineChartData;
}

type ClaimlineGlobal = typeof import("./claimline.js") & typeof import("./auto.js");

declare global {
  interface HTMLElementTagNameMap {
    "claimline-chart": ClaimlineChartElement;
  }
  interface Window {
    /** The script-tag bundle's API (dist/claimline.min.js): every ESM export plus autoInit, iframe, autoFrames, defineClaimlineChart. */
    Claimline: ClaimlineGlobal;
  }
  /** Svelte 5's element typings (`svelteHTML`), merged when Svelte is used; harmless otherwise. */
  namespace svelteHTML {
    interface IntrinsicElements {
      "claimline-chart": ClaimlineChartProps & { [attribute: string]: unknown };
    }
  }
}

// React 19: `<claimline-chart chart="timeline" data={dataset} />` in JSX.
// @ts-ignore -- only when @types/react is installed
declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      // @ts-ignore -- only when @types/react is installed
      "claimline-chart": ClaimlineChartProps & import("react").HTMLAttributes<ClaimlineChartElement> & { ref?: import("react").Ref<ClaimlineChartElement>; key?: import("react").Key | null; class?: string };
    }
  }
}

// Vue 3: `<claimline-chart chart="timeline" :data.prop="dataset" />` in templates (with
// `compilerOptions.isCustomElement` set so Vue renders it as an element).
// @ts-ignore -- only when vue is installed
declare module "vue" {
  interface GlobalComponents {
    // @ts-ignore -- only when vue is installed
    "claimline-chart": import("vue").DefineComponent<ClaimlineChartProps>;
  }
}
