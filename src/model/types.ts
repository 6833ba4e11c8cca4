/**
 * The claimline dataset format, version 1 — as written by a graphics desk
 * (JSON, or CSV sheets read by the loaders). Field names are a public
 * contract: extend, never rename. `schema.json` mirrors these types and a
 * test keeps the two in step.
 */

/** An EDTF (ISO 8601-2) date string: `2025-08-12`, `2025-08`, `2025`, `2025-03~`, `2025-XX`, `2025-03-21/2025-03-31`, `2025-06/..`. */
export type EdtfString = string;
/** An ISO 8601 duration: `P14D`, `P2W`, `P1M`, `P1Y2M`. */
export type DurationString = string;

export type SourceKind = "outlet" | "agency" | "government" | "intelligence" | "other";
export type EventKind = "call" | "meeting" | "visit" | "summit" | "treaty" | "deployment" | "statement";
export type EventStatus = "happened" | "scheduled" | "postponed" | "cancelled";
export type Qualifier = "exact" | "about" | "at-least" | "more-than" | "up-to" | "fewer-than" | "range";
export type OutcomeStatus = "pending" | "kept" | "late" | "broken" | "partial";

/** Who published. */
export interface Source {
  id: string;
  name: string;
  kind?: SourceKind;
  /** http(s) only. */
  url?: string;
  country?: string;
}

/** Who acts or asserts. */
export interface Actor {
  id: string;
  name: string;
  role?: string;
  country?: string;
}

/** Where a record was reported: a Source id, and optionally the article, its date and the verbatim words. */
export interface Citation {
  source: string;
  /** http(s) only. */
  url?: string;
  published?: EdtfString;
  quote?: string;
  /** What this source gives instead, where it disagrees with the record ("November 2024"): the disagreement as data, not only in a note. */
  disputes?: string;
}

/** Something that happened (or is scheduled): a call, a meeting, a visit… */
export interface Event {
  id: string;
  date: EdtfString;
  /** The wording to print instead of the formatted date ("late March"). */
  dateLabel?: string;
  /** End of a multi-day event (EDTF). */
  end?: EdtfString;
  /** One of EventKind, or any other word (drawn with a generic mark). */
  kind: EventKind | (string & {});
  title: string;
  summary?: string;
  /** Actor ids. */
  participants?: string[];
  place?: string;
  status?: EventStatus;
  /** Ranks what the timeline labels first when labels must give way: higher first (default 0). */
  importance?: number;
  citations?: Citation[];
  /** Extension: an editor's note, e.g. where sources disagree on the date. */
  note?: string;
}

/** A figure someone asserts. */
export interface Claim {
  id: string;
  /** What is counted; claims with the same subject are compared. */
  subject: string;
  value?: number;
  low?: number;
  high?: number;
  qualifier: Qualifier;
  /** "troops", "USD", "%"… */
  unit?: string;
  quote?: string;
  /** The originator: an Actor id or a Source id. */
  claimant: string;
  citations: Citation[];
  /** When the claim was made (EDTF). */
  date?: EdtfString;
  /** The time the figure describes (EDTF). */
  refersTo?: EdtfString;
  /** Id of an earlier claim by the same claimant that this figure replaces (an updated count, not a conflict). */
  supersedes?: string;
  /** Extension: an editor's note. */
  note?: string;
}

export interface PromiseWindow {
  min: DurationString;
  max: DurationString;
}

export interface PromiseOutcome {
  /** `partial`: kept in part (they met; the war did not end). */
  status: OutcomeStatus;
  date?: EdtfString;
  note?: string;
  citations?: Citation[];
}

/** A dated promise: "in two weeks". Named `Promise` in the format; exported as `PromiseRecord` too, to avoid shadowing the global. */
export interface PromiseRecord {
  id: string;
  /** Actor id of who made the promise. */
  speaker: string;
  /** Actor id of who delivered it (e.g. a press secretary). */
  deliveredBy?: string;
  said: EdtfString;
  topic: string;
  quote: string;
  /** How long after `said` it was promised for ("two or three weeks"). A promise gives a window, a deadline, or both. */
  window?: PromiseWindow;
  /**
   * A deadline date (EDTF date or interval): "by 11 September" → `2021-09-11`, "by the end of March" → `2021-03`.
   * Due by its latest day. When a window is given too, the deadline decides when the promise is due.
   */
  deadline?: EdtfString;
  outcome?: PromiseOutcome;
  /** The last date the sources were checked for an outcome (EDTF): after it, an unreported outcome is unknown, not missing. */
  checked?: EdtfString;
  /** Id of the promise this one restates. */
  supersedes?: string;
  citations?: Citation[];
  /** Extension: an editor's note. */
  note?: string;
}
export type { PromiseRecord as Promise };

export interface Dataset {
  version: 1;
  title?: string;
  asOf?: EdtfString;
  /**
   * The timeline's range when its `domain` option is not given: two EDTF dates, start/end, as an editor
   * types them ("2021-08/2021-09"); events outside it are counted, not drawn.
   */
  domain?: string;
  /**
   * The timeline's highlighted periods when its `periods` option is not given: each an EDTF date or
   * interval, then its label ("2021-08-15/2021-08-31 Evacuation"; an open end `..` runs to the edge).
   */
  periods?: string[];
  sources: Source[];
  actors: Actor[];
  events: Event[];
  claims: Claim[];
  promises: PromiseRecord[];
}
