/**
 * What the parts of a chart handle share (charts/chart.ts composes them): the detail card (card.ts), the
 * data table (table.ts) and the keyboard tree (keyboard.ts) all read the view that is mounted, its marks
 * and the words of the moment. Types only: nothing here runs.
 */
import type { Words } from "../prepare/messages.js";
import type { ChartView } from "../render/view.js";

export interface Shared {
  readonly doc: Document;
  readonly view: Window | null;
  /** The chart's root element (inside the target). */
  readonly node: HTMLElement;
  /** The detail card's id: every mark names it in `aria-controls`. */
  readonly detailId: string;
  /** The mounted view; null while a message (or nothing) is shown. */
  current: ChartView | null;
  /** The marks of the mounted view by record id (the first element per id), built once per mount. */
  marks: Map<string, SVGElement>;
  /** The words of the handle's own controls and messages. */
  words: Words;
}
