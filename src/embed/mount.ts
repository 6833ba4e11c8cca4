/**
 * One embed, from configuration to a live chart, shared by the script-tag
 * auto-embed and `<claimline-chart>`:
 * 1. check the chart name; 2. say "Loading…" in place; 3. take the inline
 * data or fetch `src`; 4. draw with the chart's handle (which itself shows
 * data and option problems as text); 5. replace a server-rendered static
 * chart in the same element; 6. fire `claimline:ready` or `claimline:error`.
 */
import { createChart, problemLines, type ChartHandle } from "../charts/chart.js";
import { CHART_NAMES, chartByName } from "../charts/registry.js";
import { OptionError } from "../model/options.js";
import { DatasetError, validateDataset, type Problem } from "../model/validate.js";
import { cls } from "../render/dom.js";
import { renderMessage } from "../render/frame.js";
import { ensureStyles } from "../render/styles.js";
import type { EmbedConfig } from "./attributes.js";
import { fetchData, inlineData } from "./load.js";

export interface ReadyDetail {
  chart: string;
  handle: ChartHandle;
}
export interface ErrorDetail {
  error: Error;
  /** Dataset problems (`{ path, message }`) when the data was the trouble; else one problem for the error. */
  problems: Problem[];
}

export interface Embed {
  /** The live chart, once drawn. */
  handle: ChartHandle | null;
  /** Settles when the chart is drawn or the error is shown. */
  ready: Promise<ChartHandle | null>;
  destroy(): void;
}

const STATE = "data-claimline-state";

function emit(host: Element, type: string, detail: ReadyDetail | ErrorDetail): void {
  const view = host.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const CE = view?.CustomEvent ?? (typeof CustomEvent !== "undefined" ? CustomEvent : undefined);
  if (CE) host.dispatchEvent(new CE(type, { bubbles: true, composed: true, detail }));
}

/** Static server-rendered markup inside the host (replaced, not duplicated, by the live chart). */
function staticParts(host: Element): Element[] {
  return Array.from(host.children).filter((c) => c.hasAttribute("data-claimline-static") || c.hasAttribute("data-claimline-status"));
}

function showStatus(host: Element, message: string, details: string[] | undefined, role: "status" | "alert"): void {
  for (const old of Array.from(host.children)) if (old.hasAttribute("data-claimline-status")) old.remove();
  const box = renderMessage(host.ownerDocument, { message, details }, role);
  // The message box is styled by the chart's root class.
  const wrap = host.ownerDocument.createElement("div");
  wrap.className = `claimline-v1 ${cls("embed-status")}`;
  wrap.setAttribute("data-claimline-status", "");
  wrap.appendChild(box);
  host.appendChild(wrap);
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

function problemsOf(err: unknown): Problem[] {
  if (err instanceof DatasetError) return err.problems;
  return [{ path: "", message: asError(err).message }];
}

/** Mount one embed into `host`. `data`, when given, wins over inline JSON and `src` (the element's `data` property). */
export function mountEmbed(host: HTMLElement, config: EmbedConfig, data?: unknown): Embed {
  const doc = host.ownerDocument;
  const abort = typeof AbortController !== "undefined" ? new AbortController() : null;
  let destroyed = false;
  const embed: Embed = {
    handle: null,
    ready: Promise.resolve(null),
    destroy() {
      destroyed = true;
      abort?.abort();
      embed.handle?.destroy();
      embed.handle = null;
      for (const el of Array.from(host.children)) if (el.hasAttribute("data-claimline-status")) el.remove();
      host.removeAttribute(STATE);
    },
  };
  ensureStyles(doc);

  function fail(err: unknown, message: string): null {
    host.setAttribute(STATE, "error");
    showStatus(host, message, problemLines(err), "alert");
    emit(host, "claimline:error", { error: asError(err), problems: problemsOf(err) });
    return null;
  }

  // 1. The chart name.
  const name = config.chart ?? "";
  if (!(CHART_NAMES as string[]).includes(name)) {
    const err = new Error(name ? `unknown chart ${JSON.stringify(name)} (expected one of ${CHART_NAMES.join(", ")})` : `no chart named (set data-claimline / chart to one of ${CHART_NAMES.join(", ")})`);
    embed.ready = Promise.resolve(fail(err, "This chart could not be drawn: the embed names no known chart."));
    return embed;
  }
  const def = chartByName(name);

  // Attributes whose text could not be read (a period, a range): say which, in place, rather than draw without them.
  if (config.errors?.length) {
    const err = new OptionError(config.errors.join("\n"));
    host.setAttribute(STATE, "error");
    showStatus(host, "This chart could not be drawn: an attribute is wrong.", config.errors, "alert");
    emit(host, "claimline:error", { error: err, problems: config.errors.map((message) => ({ path: message.split(":")[0]!, message })) });
    embed.ready = Promise.resolve(null);
    return embed;
  }

  // 4–6. Draw, replace static markup, report.
  function draw(input: unknown): ChartHandle | null {
    if (destroyed) return null;
    for (const el of Array.from(host.children)) if (el.hasAttribute("data-claimline-status")) el.remove();
    const handle = createChart(def, host, input, config.options);
    embed.handle = handle;
    for (const el of staticParts(host)) el.remove();
    const { problems } = validateDataset(input);
    let optionError: unknown = null;
    try {
      def.resolveOptions(config.options);
    } catch (err) {
      optionError = err;
    }
    if (problems.length) {
      host.setAttribute(STATE, "error");
      emit(host, "claimline:error", { error: new DatasetError(problems), problems });
    } else if (optionError) {
      host.setAttribute(STATE, "error");
      emit(host, "claimline:error", { error: asError(optionError), problems: problemsOf(optionError) });
    } else {
      host.setAttribute(STATE, "ready");
      emit(host, "claimline:ready", { chart: name, handle });
    }
    return handle;
  }

  // 3. The data: given, inline, or fetched.
  const inline = data === undefined ? inlineData(host) : undefined;
  if (data !== undefined || inline !== undefined) {
    embed.ready = Promise.resolve(draw(data !== undefined ? data : inline));
    return embed;
  }
  if (!config.src) {
    embed.ready = Promise.resolve(fail(new Error("no data: add a src / data-src URL or a <script type=\"application/json\"> child"), "This chart has no data."));
    return embed;
  }
  // 2. Loading text in place (a server-rendered chart stays visible instead).
  host.setAttribute(STATE, "loading");
  if (!staticParts(host).length) showStatus(host, "Loading chart…", undefined, "status");
  const src = config.src;
  embed.ready = fetchData(src, doc.baseURI, abort?.signal).then(
    (input) => draw(input),
    (err) => (destroyed || (err as Error)?.name === "AbortError" ? null : fail(err, err instanceof DatasetError ? "This chart could not be drawn: the data has problems." : "This chart could not be loaded.")),
  );
  return embed;
}
