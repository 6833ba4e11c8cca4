/**
 * claimline's stylesheet. Selectors sit under `:where()` so any host rule wins,
 * colours come from `--claimline-*` custom properties (light by default, dark
 * under the theme class or, with theme "auto", the reader's preference; system
 * colours in forced-colors mode), and every class carries the versioned
 * prefix. Nothing is set through `style=""`: a strict Content-Security-Policy
 * forbids it. Rules with the same declarations share one block; the server
 * rewrites the `:where(.claimline-v1)` scope for standalone SVGs.
 */
import { PREFIX } from "./dom.js";

/** The chart root, unscoped: `.claimline-v1`. */
const p = `.${PREFIX}`;
/** Scope: `:where(.claimline-v1)` (no specificity). */
const w = `:where(${p})`;
/** Class prefix: `.claimline-v1-`. */
const c = `${p}-`;

const font = `system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans KR",sans-serif`;
const palette = (bg: string, ink: string, muted: string, faint: string, grid: string, accent: string, accentSoft: string, kept: string, late: string, broken: string, band: string, highlight: string, open = accent) =>
  `--claimline-bg:${bg};--claimline-ink:${ink};--claimline-muted:${muted};--claimline-faint:${faint};--claimline-grid:${grid};--claimline-accent:${accent};--claimline-accent-soft:${accentSoft};--claimline-kept:${kept};--claimline-late:${late};--claimline-broken:${broken};--claimline-overdue:${broken};--claimline-open:${open};--claimline-band:${band};--claimline-conflict:${broken};--claimline-highlight:${highlight};`;
const light = palette("#ffffff", "#1a1a1a", "#595959", "#d9d9d9", "#ececec", "#0b5cad", "#cfe2f6", "#1b7a3a", "#9a5b00", "#b3261e", "#e6eef7", "#fff3c4");
const dark = palette("#16181c", "#f2f2f2", "#b3b3b3", "#4d4d4d", "#2c2f35", "#7fb8f0", "#1f3a57", "#6fd08c", "#f0b45c", "#ff8a80", "#243246", "#4a3f14");
/** Windows High Contrast and the like: the reader's system colours; shapes, icons and words still tell statuses apart. */
const forced = palette("Canvas", "CanvasText", "GrayText", "GrayText", "GrayText", "Highlight", "Canvas", "CanvasText", "CanvasText", "CanvasText", "Canvas", "Canvas", "LinkText");

/** Text halo: a stroke of the background under the glyphs, so labels read over lines and bands. */
const halo = "paint-order:stroke;stroke:var(--claimline-bg);stroke-width:3px;stroke-linejoin:round";

/**
 * Static output (an HTML page, an iframe page, a fragment) carries a narrow drawing beside the wide one: shown
 * instead of it in a box narrower than this (a container query on the static chart; the viewport where container
 * queries are missing). The server draws both (server/index.ts NARROW).
 */
export const NARROW_BELOW = 480;
const narrowSwap = `[data-claimline-static]>${c}wide{display:none}[data-claimline-static]>${c}narrow{display:block}`;

/** Rules every chart needs: the frame, text, chrome, card, table, messages. */
export const CSS_BASE = (): string => `
${w}{${light}--claimline-font:${font};display:block;position:relative;color:var(--claimline-ink);background:var(--claimline-bg);font-family:var(--claimline-font);font-size:14px;line-height:1.35;max-width:100%}
:where(${p}${c}theme-dark){${dark}}
@media (prefers-color-scheme:dark){:where(${p}${c}theme-auto){${dark}}}
@media (forced-colors:active){${w}{${forced}}${w} svg{forced-color-adjust:none}${w} ${c}zoom button[aria-pressed=true]{forced-color-adjust:none;background:Highlight;color:HighlightText;border-color:Highlight}${w} ${c}fc-band rect,${w} ${c}fc-band-key,${w} ${c}tl-band,${w} ${c}tl-period-band,${w} ${c}pt-window{stroke:CanvasText;stroke-width:1}}
${w} svg{display:block;overflow:visible;font-family:var(--claimline-font);max-width:100%;height:auto;direction:ltr}
${w} svg text{unicode-bidi:plaintext}
${w} svg text{fill:var(--claimline-ink);font-size:12px}
${w} ${c}muted{fill:var(--claimline-muted);color:var(--claimline-muted)}
${w} ${c}axis line,${w} ${c}axis path{stroke:var(--claimline-faint);fill:none}
${w} ${c}axis text{fill:var(--claimline-muted);font-size:12px}
${w} ${c}grid line{stroke:var(--claimline-grid)}
${w} ${c}leader{stroke:var(--claimline-muted);stroke-width:1;fill:none}
${w} [data-id]{cursor:pointer;outline:none}
${w} [data-id]:focus-visible ${c}focus,${w} [data-id]${c}active ${c}focus{stroke:var(--claimline-accent);stroke-width:2;fill:var(--claimline-accent-soft);fill-opacity:.35;visibility:visible}
${w} ${c}focus{visibility:hidden;fill:none}
${w} ${c}nav-ring{fill:none;stroke:none;pointer-events:none}
${w} ${c}nav-group{outline:none}
${w} ${c}nav-group:focus-visible ${c}nav-ring{stroke:var(--claimline-accent);stroke-width:2}
${w} [data-id]${c}member ${c}focus{visibility:visible;fill:var(--claimline-accent-soft);fill-opacity:.35;stroke:none}
${w}>svg:focus{outline:none}
${w}>svg:focus-visible{outline:2px solid var(--claimline-accent);outline-offset:2px}
${w} ${c}fc-row ${c}focus,${w} ${c}tl-event>${c}focus,${w} ${c}tl-group ${c}focus{pointer-events:all}
${w} ${c}header{margin:0 0 8px}
${w} ${c}headline{font-size:20px;line-height:1.2;font-weight:700;margin:0 0 4px}
${w} ${c}dek{font-size:15px;margin:0 0 6px}
${w} ${c}summary{color:var(--claimline-muted);font-size:13px;margin:0 0 6px}
${w} ${c}footer{margin:6px 0 0;font-size:12px;color:var(--claimline-muted)}
${w} ${c}footer p{margin:2px 0}
${w} ${c}help{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
${w}:focus-within>${c}help{position:static;width:auto;height:auto;margin:0 0 4px;overflow:visible;clip:auto;white-space:normal;font-size:12px;color:var(--claimline-muted)}
${w} ${c}detail q{display:block;font-style:italic;margin:2px 0}
${w} ${c}disputes{display:block;font-weight:600}
${w} ${c}fn-mark{fill:var(--claimline-accent);color:var(--claimline-accent);font-weight:700}
${w} ${c}footnotes ul{list-style:none;margin:0;padding:0}
${w} ${c}legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:0;padding:0;list-style:none;color:var(--claimline-muted);font-size:12px}
${w} ${c}legend li{display:flex;align-items:center;gap:5px}
${w} ${c}legend svg{display:inline-block;flex:none}
${w} ${c}detail{position:absolute;z-index:2;overflow:auto;max-width:min(340px,100%);box-sizing:border-box;padding:10px 12px;background:var(--claimline-bg);color:var(--claimline-ink);border:1px solid var(--claimline-faint);border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.18);font-size:13px}
${w} ${c}detail[hidden]{display:none}
${w} ${c}detail${c}sheet{position:fixed;left:0;right:0;bottom:0;top:auto;max-width:none;max-height:60vh;overflow:auto;border-radius:10px 10px 0 0;z-index:10}
${w} ${c}detail h3{font-size:14px;margin:0 0 6px}
${w} ${c}detail dl{display:grid;grid-template-columns:auto 1fr;gap:2px 8px;margin:0 0 6px}
${w} ${c}detail dt{color:var(--claimline-muted)}
${w} ${c}detail dd{margin:0;overflow-wrap:anywhere}
${w} ${c}detail blockquote{margin:6px 0;padding-left:8px;border-left:3px solid var(--claimline-faint);font-style:italic;overflow-wrap:anywhere}
${w} ${c}detail a{color:var(--claimline-accent)}
${w} ${c}detail ul{margin:0;padding-left:16px}
${w} ${c}close{position:absolute;top:0;right:0;min-width:44px;min-height:44px;border:0;background:none;color:var(--claimline-muted);font-size:20px;line-height:1;cursor:pointer;padding:0}
${w} ${c}detail h3{padding-right:36px}
${w} ${c}zoom{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:6px 0;font-size:13px}
${w} ${c}zoom button{font:inherit;color:var(--claimline-accent);background:var(--claimline-bg);border:1px solid var(--claimline-muted);border-radius:3px;padding:4px 8px;min-height:44px;min-width:44px;cursor:pointer}
${w} ${c}zoom button[aria-pressed=true]{color:var(--claimline-bg);background:var(--claimline-accent);border-color:var(--claimline-accent);font-weight:600}
${w} ${c}data{margin-top:8px;font-size:13px}
${w} ${c}data summary,${w} ${c}footnotes summary{cursor:pointer;color:var(--claimline-accent);min-height:44px;display:flex;align-items:center}
${w} ${c}data th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;text-align:inherit;cursor:pointer;min-height:44px;min-width:44px}
${w} ${c}data th[aria-sort=ascending] button::after{content:" ▲"}
${w} ${c}data th[aria-sort=descending] button::after{content:" ▼"}
${w} ${c}download{font:inherit;color:var(--claimline-accent);background:var(--claimline-bg);border:1px solid var(--claimline-muted);border-radius:3px;padding:4px 10px;min-height:44px;margin:6px 0;cursor:pointer}
${w} button:focus-visible,${w} summary:focus-visible,${w} ${c}table-scroll:focus-visible{outline:2px solid var(--claimline-ink);outline-offset:2px}
${w} ${c}data table{border-collapse:collapse;width:100%;margin-top:6px}
${w} ${c}data th,${w} ${c}data td{text-align:left;vertical-align:top;padding:3px 6px;border-bottom:1px solid var(--claimline-grid);overflow-wrap:anywhere}
${w} ${c}data caption{text-align:left;font-weight:600;padding:4px 0}
${w} ${c}table-scroll{overflow-x:auto}
${w} ${c}message{padding:14px 16px;border:1px dashed var(--claimline-faint);border-radius:6px;color:var(--claimline-ink)}
${w} ${c}message p{margin:0 0 6px;font-weight:600}
${w} ${c}message ul{margin:0;padding-left:18px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
${w} ${c}sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
:where(claimline-chart){display:block}
:where([data-claimline-static]){container-type:inline-size}
@container (max-width:${NARROW_BELOW}px){${narrowSwap}}
@supports not (container-type:inline-size){@media (max-width:${NARROW_BELOW}px){${narrowSwap}}}
:where(iframe${c}frame){display:block;border:0;width:100%}
${w} ${c}pt-highlight-bg,${w} ${c}fc-highlight-bg{fill:var(--claimline-highlight)}
${w} ${c}pt-rule,${w} ${c}fc-axis-line,${w} ${c}tl-lane-line{stroke:var(--claimline-faint)}
${w} ${c}fc-row-text text,${w} ${c}tl-back text,${w} ${c}tl-words text,${w} ${c}tl-group text{${halo}}
${w} [data-for]{pointer-events:none}
@media (prefers-reduced-motion:no-preference){${w} [data-id]{transition:opacity .15s}}
`;

/** The promise tracker's own rules (a one-chart build carries only its chart's CSS). */
export const CSS_PROMISE_TRACKER = (): string => `
${w} ${c}pt-topic{font-size:13px;font-weight:600}
${w} ${c}pt-status{font-weight:600}
${w} ${c}pt-kept ${c}pt-status,${w} ${c}pt-kept-icon{fill:var(--claimline-kept)}
${w} ${c}pt-late ${c}pt-status,${w} ${c}pt-late-text,${w} ${c}pt-late-icon{fill:var(--claimline-late)}
${w} ${c}pt-broken ${c}pt-status,${w} ${c}pt-broken-icon{fill:var(--claimline-broken)}
${w} ${c}pt-overdue ${c}pt-status,${w} ${c}pt-overdue-text,${w} ${c}pt-overdue-arrow{fill:var(--claimline-overdue)}
${w} ${c}pt-open ${c}pt-status{fill:var(--claimline-open)}
${w} ${c}pt-restates{fill:var(--claimline-muted);font-style:italic}
${w} ${c}pt-axis ${c}pt-year{fill:var(--claimline-ink);font-weight:600}
${w} ${c}pt-axis ${c}pt-break{stroke:var(--claimline-muted);stroke-dasharray:2 4}
${w} ${c}pt-axis ${c}grid{stroke:var(--claimline-grid)}
${w} ${c}pt-axis ${c}pt-break-mark,${w} ${c}pt-cut-mark{stroke:var(--claimline-muted);stroke-width:1.5;fill:none}
${w} ${c}pt-cut{fill:var(--claimline-bg)}
${w} ${c}pt-window{fill:var(--claimline-band);stroke:var(--claimline-accent);stroke-width:1}
${w} ${c}pt-window-fuzzy{fill:var(--claimline-band);fill-opacity:.45;stroke:var(--claimline-accent);stroke-width:1;stroke-dasharray:2 2}
${w} ${c}pt-said{fill:var(--claimline-ink)}
${w} ${c}pt-said-span{fill:var(--claimline-faint);stroke:var(--claimline-ink);stroke-width:1;stroke-dasharray:2 1.5}
${w} ${c}pt-lead{stroke:var(--claimline-muted);stroke-width:1;stroke-dasharray:1 2}
${w} ${c}pt-gap{stroke:var(--claimline-late);stroke-width:2;stroke-dasharray:4 3}
${w} ${c}pt-icon{stroke:var(--claimline-bg);stroke-width:1}
${w} ${c}pt-glyph{fill:none;stroke:var(--claimline-bg);stroke-width:1.8;stroke-linecap:round;stroke-linejoin:round}
${w} ${c}pt-open-icon{fill:var(--claimline-bg);stroke:var(--claimline-open);stroke-width:2}
${w} ${c}pt-partial-ring{fill:var(--claimline-bg);stroke:var(--claimline-kept);stroke-width:2}
${w} ${c}pt-partial-fill{fill:var(--claimline-kept)}
${w} ${c}pt-partial ${c}pt-status{fill:var(--claimline-kept)}
${w} ${c}pt-unknown-line{stroke:var(--claimline-muted);stroke-width:2;stroke-dasharray:3 3}
${w} ${c}pt-unknown ${c}pt-status{fill:var(--claimline-muted)}
${w} ${c}pt-open-line{stroke:var(--claimline-open);stroke-width:1.5;stroke-dasharray:3 2}
${w} ${c}pt-overdue-bar{fill:var(--claimline-overdue);fill-opacity:.75}
${w} ${c}pt-outcome-span{stroke:var(--claimline-ink);stroke-width:1;fill:none}
${w} svg ${c}pt-note,${w} svg ${c}pt-asof text{font-size:12px;font-weight:600}
${w} ${c}pt-axis text{font-size:12px}
${w} ${c}pt-row>${c}focus{pointer-events:all}
${w} ${c}pt-highlight-bg{stroke:var(--claimline-accent);stroke-width:1.5}
${w} ${c}pt-link{fill:none;stroke:var(--claimline-muted);stroke-width:1.2}
${w} ${c}pt-link-arrow{fill:var(--claimline-muted)}
${w} ${c}pt-asof{pointer-events:none}
${w} ${c}pt-asof path{stroke:var(--claimline-ink);stroke-dasharray:4 3;fill:none}
${w} svg ${c}pt-heading{font-size:13px;font-weight:700}
${w} ${c}pt-future ${c}pt-window{fill-opacity:.4;stroke:var(--claimline-muted)}
${w} ${c}pt-future ${c}pt-said{fill:var(--claimline-muted)}
${w} ${c}pt-future ${c}pt-status{fill:var(--claimline-muted)}`;

/** The figure comparison's own rules. */
export const CSS_FIGURE_COMPARISON = (): string => `
${w} ${c}fc-heading{font-size:14px;font-weight:700}
${w} ${c}fc-highlight text{stroke:var(--claimline-highlight)}
:where(${c}figure-comparison) ${c}data th,:where(${c}figure-comparison) ${c}data td{overflow-wrap:break-word}
${w} ${c}fc-note{fill:var(--claimline-ink)}
${w} ${c}fc-conflict{fill:var(--claimline-conflict);font-weight:700}
${w} ${c}fc-meta,${w} ${c}fc-tick,${w} ${c}fc-caption,${w} ${c}fc-annotation,${w} ${c}fc-updated{fill:var(--claimline-muted);font-size:12px}
${w} ${c}fc-claimant,${w} ${c}fc-subject{font-weight:700}
${w} ${c}fc-superseded ${c}fc-value{fill:var(--claimline-muted)}
${w} ${c}fc-superseded ${c}fc-mark{--claimline-accent:var(--claimline-muted)}
${w} ${c}fc-superseded ${c}fc-dot{fill:var(--claimline-bg);stroke:var(--claimline-muted);stroke-width:1.5;stroke-dasharray:2.5 1.5}
${w} ${c}fc-superseded ${c}fc-stem,${w} ${c}fc-superseded ${c}fc-cap{stroke-dasharray:4 3}
${w} ${c}fc-superseded ${c}fc-bar{fill-opacity:.35}
${w} ${c}fc-break rect{fill:var(--claimline-bg)}
${w} ${c}fc-break line{stroke:var(--claimline-muted);stroke-width:1.5}
${w} ${c}fc-list-rule{stroke:var(--claimline-grid)}
${w} ${c}fc-highlight-bg{stroke:var(--claimline-accent);stroke-width:1.5}
${w} ${c}fc-annotation{font-style:italic}
${w} ${c}fc-highlight ${c}fc-value{font-weight:700}
${w} ${c}fc-zero{stroke:var(--claimline-muted);stroke-width:1.5}
${w} ${c}fc-guide{stroke:var(--claimline-grid);stroke-dasharray:1 3}
${w} ${c}fc-band rect{fill:var(--claimline-band);fill-opacity:.8}
${w} ${c}fc-band-key{fill:var(--claimline-band);stroke:var(--claimline-accent);stroke-width:1}
${w} ${c}fc-band-edge{stroke:var(--claimline-accent);stroke-width:1}
${w} ${c}fc-band-edge${c}fc-open{stroke-dasharray:4 3}
${w} ${c}fc-dot{fill:var(--claimline-accent)}
${w} ${c}fc-hollow{fill:var(--claimline-bg);stroke:var(--claimline-accent);stroke-width:2}
${w} ${c}fc-ring{fill:none;stroke:var(--claimline-accent);stroke-width:1.5;stroke-dasharray:2.5 2}
${w} ${c}fc-stem,${w} ${c}fc-cap{stroke:var(--claimline-accent);stroke-width:2}
${w} ${c}fc-arrow{fill:none;stroke:var(--claimline-accent);stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
${w} ${c}fc-bar{fill:var(--claimline-accent);fill-opacity:.75}
${w} ${c}fc-flag-conflict ${c}fc-mark,${w} ${c}fc-flag-differ ${c}fc-mark{--claimline-accent:var(--claimline-conflict)}`;

/** The timeline's own rules. */
export const CSS_TIMELINE = (): string => `
${w} ${c}tl-title{font-size:12px;font-weight:600}
${w} ${c}tl-date,${w} ${c}tl-note,${w} ${c}tl-period,${w} ${c}tl-asof,${w} ${c}tl-lane,${w} ${c}tl-cluster,${w} ${c}tl-row-text,${w} ${c}tl-tick{font-size:12px}
${w} ${c}tl-date,${w} ${c}tl-tick,${w} ${c}tl-lane,${w} ${c}tl-period{fill:var(--claimline-muted)}
${w} ${c}tl-note{font-style:italic}
${w} ${c}tl-lane,${w} ${c}tl-asof{font-weight:600}
${w} ${c}tl-cluster{font-weight:600;fill:var(--claimline-accent)}
${w} ${c}tl-period-band{fill:var(--claimline-band);stroke:var(--claimline-muted);stroke-width:1;stroke-dasharray:2 3}
${w} ${c}tl-break-gap{fill:var(--claimline-bg)}
${w} ${c}tl-break{stroke:var(--claimline-muted);stroke-width:1.5}
${w} ${c}tl-asof-line{stroke:var(--claimline-ink);stroke-dasharray:4 3}
${w} ${c}tl-link{stroke:var(--claimline-muted);stroke-dasharray:2 2}
${w} ${c}tl-dot{fill:var(--claimline-bg);stroke:var(--claimline-muted);stroke-width:1.5}
${w} ${c}tl-sym{fill:var(--claimline-accent);stroke:var(--claimline-bg);stroke-width:1}
${w} ${c}tl-sym${c}tl-hollow{fill:var(--claimline-bg);stroke:var(--claimline-accent);stroke-width:1.5}
${w} ${c}tl-status{fill:none;stroke:var(--claimline-ink);stroke-width:1.5;stroke-linecap:round}
${w} ${c}tl-band{fill:var(--claimline-accent-soft);stroke:var(--claimline-accent)}
${w} ${c}tl-fade{fill:var(--claimline-accent);fill-opacity:.3;stroke:var(--claimline-accent);stroke-width:1;stroke-dasharray:1 2}
${w} ${c}tl-whisker{fill:none;stroke:var(--claimline-accent);stroke-width:2}
${w} ${c}tl-whisker${c}tl-soft{stroke-opacity:.7}
${w} ${c}tl-dashed{stroke-dasharray:3 2}
${w} ${c}tl-open{fill:var(--claimline-accent)}
${w} ${c}tl-mini{fill:var(--claimline-accent-soft);stroke:var(--claimline-accent);stroke-width:1.5}
${w} ${c}tl-mini[data-id]:focus-visible,${w} ${c}tl-mini${c}active,${w} ${c}active>${c}tl-mini{stroke:var(--claimline-ink);stroke-width:4}
${w} ${c}tl-bracket{fill:none;stroke:var(--claimline-accent)}
${w} ${c}tl-group{outline:none;-webkit-tap-highlight-color:transparent}
${w} ${c}tl-panel{fill:var(--claimline-bg);stroke:var(--claimline-faint)}
${w} ${c}tl-group:focus-within ${c}tl-panel,${w} ${c}tl-group:focus-within ${c}tl-row,${w} ${c}tl-group:hover ${c}tl-panel,${w} ${c}tl-group:hover ${c}tl-row{display:inline}`;

/**
 * Every rule: `claimline.css`, the standalone page and the static SVG. It marks the page (a custom property)
 * so charts drawn there add none of their own.
 */
export const CSS = /* @__PURE__ */ (() => `:root{--${PREFIX}-css:1}
${CSS_BASE()}
${CSS_PROMISE_TRACKER()}
${CSS_FIGURE_COMPARISON()}
${CSS_TIMELINE()}`)();

const added = new WeakMap<Document, Set<() => string>>();

/**
 * Add the shared rules and one chart's rules to a document, each once: a page with only a timeline carries
 * only the timeline's CSS. Constructable stylesheets are not inline styles, so this works under
 * `style-src 'self'`; browsers without them get a `<style>` element. A page that already has `claimline.css`
 * (linked, or under any name: it sets a custom property) gets nothing added.
 */
export function ensureStyles(doc: Document, part?: () => string): void {
  let done = added.get(doc);
  if (!done) {
    added.set(doc, (done = new Set()));
    if (hasClaimlineCss(doc)) done.add(ALL);
    else addSheet(doc, CSS_BASE());
  }
  if (done.has(ALL) || !part || done.has(part)) return;
  done.add(part);
  addSheet(doc, part());
}
const ALL = (): string => "";

function hasClaimlineCss(doc: Document): boolean {
  if (doc.querySelector(`link[href$="claimline.css"]`)) return true;
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  return !!(view?.getComputedStyle && doc.documentElement && view.getComputedStyle(doc.documentElement).getPropertyValue(`--${PREFIX}-css`).trim());
}

function addSheet(doc: Document, css: string): void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const Sheet = view?.CSSStyleSheet;
  if (Sheet && "adoptedStyleSheets" in doc && "replaceSync" in Sheet.prototype) {
    try {
      const sheet = new Sheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return;
    } catch {
      /* fall through to a <style> element */
    }
  }
  const style = doc.createElement("style");
  style.setAttribute("data-claimline", "");
  style.textContent = css;
  (doc.head ?? doc.documentElement).appendChild(style);
}
