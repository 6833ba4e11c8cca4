/**
 * claimline's stylesheet. Selectors sit under `:where()` so any host rule wins,
 * colours come from `--claimline-*` custom properties (light by default, dark
 * under the theme class or, with theme "auto", the reader's preference), and
 * every class carries the versioned prefix. Nothing is set through `style=""`:
 * a strict Content-Security-Policy forbids it.
 */
import { PREFIX } from "./dom.js";

const p = `.${PREFIX}`;

const light = `--claimline-bg:#ffffff;--claimline-ink:#1a1a1a;--claimline-muted:#595959;--claimline-faint:#d9d9d9;--claimline-grid:#ececec;--claimline-accent:#0b5cad;--claimline-accent-soft:#cfe2f6;--claimline-kept:#1b7a3a;--claimline-late:#9a5b00;--claimline-broken:#b3261e;--claimline-overdue:#b3261e;--claimline-open:#0b5cad;--claimline-band:#e6eef7;--claimline-conflict:#b3261e;--claimline-highlight:#fff3c4;--claimline-font:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans KR",sans-serif;`;
const dark = `--claimline-bg:#16181c;--claimline-ink:#f2f2f2;--claimline-muted:#b3b3b3;--claimline-faint:#4d4d4d;--claimline-grid:#2c2f35;--claimline-accent:#7fb8f0;--claimline-accent-soft:#1f3a57;--claimline-kept:#6fd08c;--claimline-late:#f0b45c;--claimline-broken:#ff8a80;--claimline-overdue:#ff8a80;--claimline-open:#7fb8f0;--claimline-band:#243246;--claimline-conflict:#ff8a80;--claimline-highlight:#4a3f14;`;

export const CSS = `
:where(${p}){${light}display:block;position:relative;color:var(--claimline-ink);background:var(--claimline-bg);font-family:var(--claimline-font);font-size:14px;line-height:1.35;max-width:100%}
:where(${p}.${PREFIX}-theme-dark){${dark}}
@media (prefers-color-scheme:dark){:where(${p}.${PREFIX}-theme-auto){${dark}}}
:where(${p}) svg{display:block;overflow:visible;font-family:var(--claimline-font);max-width:100%;height:auto}
:where(${p}) svg text{fill:var(--claimline-ink);font-size:12px}
:where(${p}) .${PREFIX}-muted{fill:var(--claimline-muted);color:var(--claimline-muted)}
:where(${p}) .${PREFIX}-axis line,:where(${p}) .${PREFIX}-axis path{stroke:var(--claimline-faint);fill:none}
:where(${p}) .${PREFIX}-axis text{fill:var(--claimline-muted);font-size:11px}
:where(${p}) .${PREFIX}-grid line{stroke:var(--claimline-grid)}
:where(${p}) .${PREFIX}-leader{stroke:var(--claimline-muted);stroke-width:1;fill:none}
:where(${p}) [data-id]{cursor:pointer;outline:none}
:where(${p}) [data-id]:focus-visible .${PREFIX}-focus,:where(${p}) [data-id].${PREFIX}-active .${PREFIX}-focus{stroke:var(--claimline-accent);stroke-width:2;fill:var(--claimline-accent-soft);fill-opacity:.35;visibility:visible}
:where(${p}) .${PREFIX}-focus{visibility:hidden;fill:none}
:where(${p}) .${PREFIX}-header{margin:0 0 8px}
:where(${p}) .${PREFIX}-summary{font-weight:600;margin:0 0 6px}
:where(${p}) .${PREFIX}-legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:0;padding:0;list-style:none;color:var(--claimline-muted);font-size:12px}
:where(${p}) .${PREFIX}-legend li{display:flex;align-items:center;gap:5px}
:where(${p}) .${PREFIX}-legend svg{display:inline-block;flex:none}
:where(${p}) .${PREFIX}-detail{position:absolute;z-index:2;max-width:min(340px,100%);box-sizing:border-box;padding:10px 12px;background:var(--claimline-bg);color:var(--claimline-ink);border:1px solid var(--claimline-faint);border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.18);font-size:13px}
:where(${p}) .${PREFIX}-detail[hidden]{display:none}
:where(${p}) .${PREFIX}-detail h3{font-size:14px;margin:0 0 6px}
:where(${p}) .${PREFIX}-detail dl{display:grid;grid-template-columns:auto 1fr;gap:2px 8px;margin:0 0 6px}
:where(${p}) .${PREFIX}-detail dt{color:var(--claimline-muted)}
:where(${p}) .${PREFIX}-detail dd{margin:0;overflow-wrap:anywhere}
:where(${p}) .${PREFIX}-detail blockquote{margin:6px 0;padding-left:8px;border-left:3px solid var(--claimline-faint);font-style:italic;overflow-wrap:anywhere}
:where(${p}) .${PREFIX}-detail a{color:var(--claimline-accent)}
:where(${p}) .${PREFIX}-detail ul{margin:0;padding-left:16px}
:where(${p}) .${PREFIX}-close{position:absolute;top:4px;right:6px;border:0;background:none;color:var(--claimline-muted);font-size:18px;line-height:1;cursor:pointer;padding:4px}
:where(${p}) .${PREFIX}-data{margin-top:8px;font-size:13px}
:where(${p}) .${PREFIX}-data summary{cursor:pointer;color:var(--claimline-accent)}
:where(${p}) .${PREFIX}-data table{border-collapse:collapse;width:100%;margin-top:6px}
:where(${p}) .${PREFIX}-data th,:where(${p}) .${PREFIX}-data td{text-align:left;vertical-align:top;padding:3px 6px;border-bottom:1px solid var(--claimline-grid);overflow-wrap:anywhere}
:where(${p}) .${PREFIX}-data caption{text-align:left;font-weight:600;padding:4px 0}
:where(${p}) .${PREFIX}-table-scroll{overflow-x:auto}
:where(${p}) .${PREFIX}-message{padding:14px 16px;border:1px dashed var(--claimline-faint);border-radius:6px;color:var(--claimline-ink)}
:where(${p}) .${PREFIX}-message p{margin:0 0 6px;font-weight:600}
:where(${p}) .${PREFIX}-message ul{margin:0;padding-left:18px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
:where(${p}) .${PREFIX}-sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
:where(claimline-chart){display:block}
:where(iframe.${PREFIX}-frame){display:block;border:0;width:100%}
:where(${p}) .${PREFIX}-pt-topic{font-size:13px;font-weight:600}
:where(${p}) .${PREFIX}-pt-status{font-weight:600}
:where(${p}) .${PREFIX}-pt-kept .${PREFIX}-pt-status{fill:var(--claimline-kept)}
:where(${p}) .${PREFIX}-pt-late .${PREFIX}-pt-status,:where(${p}) .${PREFIX}-pt-late-text{fill:var(--claimline-late)}
:where(${p}) .${PREFIX}-pt-broken .${PREFIX}-pt-status{fill:var(--claimline-broken)}
:where(${p}) .${PREFIX}-pt-overdue .${PREFIX}-pt-status,:where(${p}) .${PREFIX}-pt-overdue-text{fill:var(--claimline-overdue)}
:where(${p}) .${PREFIX}-pt-open .${PREFIX}-pt-status{fill:var(--claimline-open)}
:where(${p}) .${PREFIX}-pt-restates{fill:var(--claimline-muted);font-style:italic}
:where(${p}) .${PREFIX}-pt-axis .${PREFIX}-pt-year{fill:var(--claimline-ink);font-weight:600}
:where(${p}) .${PREFIX}-pt-axis .${PREFIX}-pt-break{stroke:var(--claimline-muted);stroke-dasharray:2 4}
:where(${p}) .${PREFIX}-pt-axis .${PREFIX}-grid{stroke:var(--claimline-grid)}
:where(${p}) .${PREFIX}-pt-axis .${PREFIX}-pt-break-mark,:where(${p}) .${PREFIX}-pt-cut-mark{stroke:var(--claimline-muted);stroke-width:1.5;fill:none}
:where(${p}) .${PREFIX}-pt-cut{fill:var(--claimline-bg)}
:where(${p}) .${PREFIX}-pt-window{fill:var(--claimline-band);stroke:var(--claimline-accent);stroke-width:1}
:where(${p}) .${PREFIX}-pt-window-fuzzy{fill:var(--claimline-band);fill-opacity:.45;stroke:var(--claimline-accent);stroke-width:1;stroke-dasharray:2 2}
:where(${p}) .${PREFIX}-pt-said{fill:var(--claimline-ink)}
:where(${p}) .${PREFIX}-pt-said-span{fill:var(--claimline-faint);stroke:var(--claimline-ink);stroke-width:1;stroke-dasharray:2 1.5}
:where(${p}) .${PREFIX}-pt-lead{stroke:var(--claimline-muted);stroke-width:1;stroke-dasharray:1 2}
:where(${p}) .${PREFIX}-pt-gap{stroke:var(--claimline-late);stroke-width:2;stroke-dasharray:4 3}
:where(${p}) .${PREFIX}-pt-icon{stroke:var(--claimline-bg);stroke-width:1}
:where(${p}) .${PREFIX}-pt-kept-icon{fill:var(--claimline-kept)}
:where(${p}) .${PREFIX}-pt-late-icon{fill:var(--claimline-late)}
:where(${p}) .${PREFIX}-pt-broken-icon{fill:var(--claimline-broken)}
:where(${p}) .${PREFIX}-pt-glyph{fill:none;stroke:var(--claimline-bg);stroke-width:1.8;stroke-linecap:round;stroke-linejoin:round}
:where(${p}) .${PREFIX}-pt-open-icon{fill:var(--claimline-bg);stroke:var(--claimline-open);stroke-width:2}
:where(${p}) .${PREFIX}-pt-open-line{stroke:var(--claimline-open);stroke-width:1.5;stroke-dasharray:3 2}
:where(${p}) .${PREFIX}-pt-overdue-bar{fill:var(--claimline-overdue);fill-opacity:.75}
:where(${p}) .${PREFIX}-pt-overdue-arrow{fill:var(--claimline-overdue)}
:where(${p}) .${PREFIX}-pt-outcome-span{stroke:var(--claimline-ink);stroke-width:1;fill:none}
:where(${p}) svg .${PREFIX}-pt-note{font-size:11px;font-weight:600}
:where(${p}) .${PREFIX}-pt-link{fill:none;stroke:var(--claimline-muted);stroke-width:1.2}
:where(${p}) .${PREFIX}-pt-link-arrow{fill:var(--claimline-muted)}
:where(${p}) .${PREFIX}-pt-asof{pointer-events:none}
:where(${p}) .${PREFIX}-pt-asof path{stroke:var(--claimline-ink);stroke-dasharray:4 3;fill:none}
:where(${p}) svg .${PREFIX}-pt-asof text{font-size:11px;font-weight:600}
:where(${p}) svg .${PREFIX}-pt-heading{font-size:13px;font-weight:700}
:where(${p}) .${PREFIX}-pt-rule{stroke:var(--claimline-faint)}
:where(${p}) .${PREFIX}-pt-highlight-bg{fill:var(--claimline-highlight)}
:where(${p}) .${PREFIX}-pt-future .${PREFIX}-pt-window,:where(${p}) .${PREFIX}-pt-future .${PREFIX}-pt-said{opacity:.5}
:where(${p}) .${PREFIX}-pt-future .${PREFIX}-pt-status{fill:var(--claimline-muted)}
:where(${p}) .${PREFIX}-fc-heading{font-size:14px;font-weight:700}
:where(${p}) .${PREFIX}-fc-row text{paint-order:stroke;stroke:var(--claimline-bg);stroke-width:3px;stroke-linejoin:round}
:where(${p}) .${PREFIX}-fc-highlight text{stroke:var(--claimline-highlight)}
:where(${p}) .${PREFIX}-fc-row .${PREFIX}-focus{pointer-events:all}
:where(.${PREFIX}-figure-comparison) .${PREFIX}-data th,:where(.${PREFIX}-figure-comparison) .${PREFIX}-data td{overflow-wrap:break-word}
:where(${p}) .${PREFIX}-fc-note{fill:var(--claimline-ink)}
:where(${p}) .${PREFIX}-fc-conflict{fill:var(--claimline-conflict);font-weight:700}
:where(${p}) .${PREFIX}-fc-claimant{font-weight:700}
:where(${p}) .${PREFIX}-fc-meta,:where(${p}) .${PREFIX}-fc-tick,:where(${p}) .${PREFIX}-fc-caption{fill:var(--claimline-muted);font-size:11px}
:where(${p}) .${PREFIX}-fc-annotation{fill:var(--claimline-muted);font-size:11px;font-style:italic}
:where(${p}) .${PREFIX}-fc-highlight .${PREFIX}-fc-value{font-weight:700}
:where(${p}) .${PREFIX}-fc-highlight-bg{fill:var(--claimline-highlight)}
:where(${p}) .${PREFIX}-fc-axis-line{stroke:var(--claimline-faint)}
:where(${p}) .${PREFIX}-fc-zero{stroke:var(--claimline-muted);stroke-width:1.5}
:where(${p}) .${PREFIX}-fc-guide{stroke:var(--claimline-grid);stroke-dasharray:1 3}
:where(${p}) .${PREFIX}-fc-band rect{fill:var(--claimline-band);fill-opacity:.8}
:where(${p}) .${PREFIX}-fc-band-key{fill:var(--claimline-band);stroke:var(--claimline-accent);stroke-width:1}
:where(${p}) .${PREFIX}-fc-band-edge{stroke:var(--claimline-accent);stroke-width:1}
:where(${p}) .${PREFIX}-fc-band-edge.${PREFIX}-fc-open{stroke-dasharray:4 3}
:where(${p}) .${PREFIX}-fc-dot{fill:var(--claimline-accent)}
:where(${p}) .${PREFIX}-fc-hollow{fill:var(--claimline-bg);stroke:var(--claimline-accent);stroke-width:2}
:where(${p}) .${PREFIX}-fc-ring{fill:none;stroke:var(--claimline-accent);stroke-width:1.5;stroke-dasharray:2.5 2}
:where(${p}) .${PREFIX}-fc-stem,:where(${p}) .${PREFIX}-fc-cap{stroke:var(--claimline-accent);stroke-width:2}
:where(${p}) .${PREFIX}-fc-arrow{fill:none;stroke:var(--claimline-accent);stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
:where(${p}) .${PREFIX}-fc-bar{fill:var(--claimline-accent);fill-opacity:.75}
:where(${p}) .${PREFIX}-fc-flag-conflict .${PREFIX}-fc-mark,:where(${p}) .${PREFIX}-fc-flag-differ .${PREFIX}-fc-mark{--claimline-accent:var(--claimline-conflict)}
:where(${p}) .${PREFIX}-tl-title{font-size:12px;font-weight:600}
:where(${p}) .${PREFIX}-tl-date,:where(${p}) .${PREFIX}-tl-note,:where(${p}) .${PREFIX}-tl-period,:where(${p}) .${PREFIX}-tl-asof,:where(${p}) .${PREFIX}-tl-lane,:where(${p}) .${PREFIX}-tl-cluster,:where(${p}) .${PREFIX}-tl-row-text,:where(${p}) .${PREFIX}-tl-tick{font-size:11px}
:where(${p}) .${PREFIX}-tl-date,:where(${p}) .${PREFIX}-tl-tick,:where(${p}) .${PREFIX}-tl-lane,:where(${p}) .${PREFIX}-tl-period{fill:var(--claimline-muted)}
:where(${p}) .${PREFIX}-tl-note{font-style:italic}
:where(${p}) .${PREFIX}-tl-lane,:where(${p}) .${PREFIX}-tl-asof{font-weight:600}
:where(${p}) .${PREFIX}-tl-cluster{font-weight:600;fill:var(--claimline-accent)}
:where(${p}) .${PREFIX}-tl-back text,:where(${p}) .${PREFIX}-tl-events text,:where(${p}) .${PREFIX}-tl-group text{paint-order:stroke;stroke:var(--claimline-bg);stroke-width:3px;stroke-linejoin:round}
:where(${p}) .${PREFIX}-tl-period-band{fill:var(--claimline-band)}
:where(${p}) .${PREFIX}-tl-asof-line{stroke:var(--claimline-ink);stroke-dasharray:4 3}
:where(${p}) .${PREFIX}-tl-lane-line{stroke:var(--claimline-faint)}
:where(${p}) .${PREFIX}-tl-link{stroke:var(--claimline-muted);stroke-dasharray:2 2}
:where(${p}) .${PREFIX}-tl-dot{fill:var(--claimline-bg);stroke:var(--claimline-muted);stroke-width:1.5}
:where(${p}) .${PREFIX}-tl-sym{fill:var(--claimline-accent);stroke:var(--claimline-bg);stroke-width:1}
:where(${p}) .${PREFIX}-tl-sym.${PREFIX}-tl-hollow{fill:var(--claimline-bg);stroke:var(--claimline-accent);stroke-width:1.5}
:where(${p}) .${PREFIX}-tl-status{fill:none;stroke:var(--claimline-ink);stroke-width:1.5;stroke-linecap:round}
:where(${p}) .${PREFIX}-tl-band{fill:var(--claimline-accent-soft);stroke:var(--claimline-accent)}
:where(${p}) .${PREFIX}-tl-fade{fill:var(--claimline-accent);fill-opacity:.3}
:where(${p}) .${PREFIX}-tl-whisker{fill:none;stroke:var(--claimline-accent);stroke-width:2}
:where(${p}) .${PREFIX}-tl-whisker.${PREFIX}-tl-soft{stroke-opacity:.4}
:where(${p}) .${PREFIX}-tl-dashed{stroke-dasharray:3 2}
:where(${p}) .${PREFIX}-tl-open{fill:var(--claimline-accent)}
:where(${p}) .${PREFIX}-tl-mini{fill:var(--claimline-accent-soft);stroke:var(--claimline-accent);stroke-width:1.5}
:where(${p}) .${PREFIX}-tl-mini[data-id]:focus-visible,:where(${p}) .${PREFIX}-tl-mini.${PREFIX}-active,:where(${p}) .${PREFIX}-active>.${PREFIX}-tl-mini{stroke:var(--claimline-ink);stroke-width:4}
:where(${p}) .${PREFIX}-tl-bracket{fill:none;stroke:var(--claimline-accent)}
:where(${p}) .${PREFIX}-tl-event>.${PREFIX}-focus{pointer-events:all}
:where(${p}) .${PREFIX}-tl-group{outline:none;-webkit-tap-highlight-color:transparent}
:where(${p}) .${PREFIX}-tl-panel{fill:var(--claimline-bg);stroke:var(--claimline-faint)}
:where(${p}) .${PREFIX}-tl-group:focus-within .${PREFIX}-tl-panel,:where(${p}) .${PREFIX}-tl-group:focus-within .${PREFIX}-tl-row,:where(${p}) .${PREFIX}-tl-group:hover .${PREFIX}-tl-panel,:where(${p}) .${PREFIX}-tl-group:hover .${PREFIX}-tl-row{display:inline}
@media (prefers-reduced-motion:no-preference){:where(${p}) [data-id]{transition:opacity .15s}}
`.trim();

const adopted = new WeakSet<Document>();

/**
 * Add the stylesheet to a document once. Constructable stylesheets are not
 * inline styles, so this works under `style-src 'self'`; browsers without
 * them get a `<style>` element (pages with a strict CSP link `claimline.css`).
 */
export function ensureStyles(doc: Document): void {
  if (adopted.has(doc)) return;
  adopted.add(doc);
  if (doc.querySelector(`link[href$="claimline.css"],style[data-claimline]`)) return;
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const Sheet = view?.CSSStyleSheet;
  if (Sheet && "adoptedStyleSheets" in doc && "replaceSync" in Sheet.prototype) {
    try {
      const sheet = new Sheet();
      sheet.replaceSync(CSS);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return;
    } catch {
      /* fall through to a <style> element */
    }
  }
  const style = doc.createElement("style");
  style.setAttribute("data-claimline", "");
  style.textContent = CSS;
  (doc.head ?? doc.documentElement).appendChild(style);
}
