/**
 * The data table under a chart: a `<details>` with every record as drawn, built lazily for big tables,
 * sortable by column, and downloadable as CSV.
 */
import { csvFormatRows } from "d3-dsv";
import { html } from "../render/dom.js";
import { fillTable, renderTable, sameTable } from "../render/frame.js";
import type { TableSpec } from "../render/view.js";
import type { Shared } from "./state.js";

/** Above this many rows the data table is built when the reader opens it, not with the picture. */
export const LAZY_TABLE_ROWS = 250;

export interface DataTable {
  /** The table element shown (null before the first mount and after a message replaced the chart). */
  readonly el: HTMLDetailsElement | null;
  /** A first mount: a new, closed table of `spec`. */
  create(spec: TableSpec): HTMLDetailsElement;
  /** A redraw: a table whose rows are unchanged stays (a resize rebuilds none of its cells, an open one stays open and scrolled). */
  update(spec: TableSpec): void;
  /** A click in the chart: fills a lazy table about to open, runs a sort or download button. True when it was a table tool. */
  click(t: Element | null): boolean;
  /** The `toggle` event (listened to in the capture phase: it does not bubble). */
  toggle(e: Event): void;
  forget(): void;
}

/** The data table of the chart `s`, named `name` (the CSV file's name). */
export function dataTable(s: Shared, name: string): DataTable {
  const { doc, node, view } = s;
  /** The data table element and the spec it shows (built lazily for big tables). */
  let tableEl: HTMLDetailsElement | null = null;
  let tableSpec: TableSpec | null = null;

  const tools = () => ({ sort: s.words.t("table.sort"), download: s.words.t("table.download") });
  function newTable(spec: TableSpec, open: boolean): HTMLDetailsElement {
    const lazy = spec.rows.length > LAZY_TABLE_ROWS;
    const el = renderTable(doc, spec, lazy, tools());
    if (open) {
      if (lazy) fillTable(doc, el, spec, tools());
      el.open = true;
    }
    return el;
  }

  /** Sort the table's rows by column `k` (ascending, then descending on a second press), numbers as numbers. */
  function sortTable(button: Element): void {
    const th = button.closest("th");
    const table = button.closest("table");
    const body = table?.querySelector("tbody");
    if (!th || !table || !body) return;
    const k = Number(button.getAttribute("data-sort"));
    const dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    for (const other of Array.from(table.querySelectorAll("th[aria-sort]"))) other.setAttribute("aria-sort", "none");
    th.setAttribute("aria-sort", dir);
    const collator = new Intl.Collator(s.words.locale, { numeric: true, sensitivity: "base" });
    const rows = Array.from(body.rows);
    const key = (r: HTMLTableRowElement) => r.cells[k]?.textContent ?? "";
    rows.sort((a, b) => (dir === "ascending" ? 1 : -1) * collator.compare(key(a), key(b)));
    body.append(...rows);
  }

  /** "Get the data": the records as drawn, as a CSV file built in the page (no server). */
  function downloadTable(): void {
    if (!tableSpec || !view) return;
    const text = csvFormatRows([tableSpec.columns, ...tableSpec.rows.map((r) => r.cells)]);
    const url = URL.createObjectURL(new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" }));
    const a = html(doc, "a", { href: url, download: `${name}.csv` });
    node.appendChild(a);
    a.click();
    a.remove();
    view.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return {
    get el() {
      return tableEl;
    },
    create(spec) {
      tableEl = newTable(spec, false);
      tableSpec = spec;
      return tableEl;
    },
    update(spec) {
      if (!sameTable(tableSpec!, spec)) {
        const next = newTable(spec, tableEl!.open);
        tableEl!.replaceWith(next);
        tableEl = next;
      }
      tableSpec = spec;
    },
    click(t) {
      // Opening a lazily built data table: fill it before the default action opens it, so no empty frame shows.
      if (tableEl && tableSpec && !tableEl.open && t && typeof t.closest === "function" && t.closest("summary")?.parentElement === tableEl) fillTable(doc, tableEl, tableSpec, tools());
      const tool = t && typeof t.closest === "function" ? t.closest("[data-sort],[data-download]") : null;
      if (!tool || !tableEl?.contains(tool)) return false;
      if (tool.hasAttribute("data-sort")) sortTable(tool);
      else downloadTable();
      return true;
    },
    toggle(e) {
      // A big data table is built when the reader opens it.
      if (e.target === tableEl && tableEl && tableEl.open && tableSpec) fillTable(doc, tableEl, tableSpec, tools());
    },
    forget() {
      tableEl = null;
      tableSpec = null;
    },
  };
}
