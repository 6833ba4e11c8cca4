/**
 * The chart as a tree, for structured keyboard navigation (in the manner of Olli): chart → groups → records.
 * Derived from a chart's prepared words only, so the groups and their names are the same at every width:
 *   timeline          a lane per participant or kind when the chart has lanes; else a group per year, or,
 *                     when every event falls in one year, a group per kind;
 *   promise tracker   the drawn groups (speaker or topic) when the chart is grouped; else a group per status;
 *   figure comparison a group per compared subject, and one for the subjects with a single claim.
 * Each group lists its records' ids in the chart's own order; each chart's definition names its function
 * (`groups`), and the handle (charts/chart.ts) keeps only the ids it drew and announces each group with its
 * name, position and count.
 */
import type { PreparedFigures } from "./figureComparison.js";
import type { MessageKey } from "./messages.js";
import { STATUS_ORDER, type PreparedTracker } from "./promiseTracker.js";
import type { LaneMode, PreparedTimeline } from "./timeline.js";

export interface ChartGroup {
  /** Stable within one prepared result: "lane:<key>", "year:2025", "status:overdue", "panel:3"… */
  id: string;
  /** The group's name as read and shown: "Vladimir Putin", "2025", "Overdue", "North Korean troops sent to Russia". */
  name: string;
  /** Record ids, in the chart's order. */
  ids: string[];
  /** How its records are counted when it is read ("12 promises"): a plural message taking `n`. */
  unit: MessageKey;
}

const cap = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** Group records by a key, keeping the first-seen order of keys unless `order` says otherwise. */
function bucket(ids: Array<[string, string, string]>, unit: MessageKey, order?: readonly string[]): ChartGroup[] {
  const out = new Map<string, ChartGroup>();
  for (const [id, key, name] of ids) {
    let g = out.get(key);
    if (!g) out.set(key, (g = { id: key, name, ids: [], unit }));
    g.ids.push(id);
  }
  const list = [...out.values()];
  if (order) list.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return list;
}

export function timelineGroups(p: PreparedTimeline, lanes: LaneMode): ChartGroup[] {
  if (!p.entries.length) return [];
  const byLane = (mode: LaneMode) => {
    const a = p.lanes(mode);
    return bucket(p.entries.map((e, k) => {
      const lane = a.eventLanes[k]?.[0] ?? 0;
      return [e.id, `lane:${a.laneKeys[lane] ?? lane}`, a.laneNames[lane] ?? ""];
    }), "tl.events", a.laneKeys.map((key) => `lane:${key}`));
  };
  if (lanes !== "none") return byLane(lanes);
  const years = bucket(p.entries.map((e) => [e.id, `year:${new Date(e.span.start).getUTCFullYear()}`, p.words.fmt.year(e.span.start)]), "tl.events");
  years.sort((a, b) => Number(a.id.slice(5)) - Number(b.id.slice(5)));
  return years.length > 1 ? years : byLane("kind");
}

export function trackerGroups(p: PreparedTracker): ChartGroup[] {
  const keys = [...p.groups.keys()];
  if (keys.length > 1 || (keys.length === 1 && keys[0] !== "")) {
    return keys.map((k, i) => ({ id: `group:${i}`, name: k, ids: p.groups.get(k)!.map((e) => e.p.id), unit: "pt.promises" }));
  }
  const KEY: Record<string, MessageKey> = { kept: "pt.kept", partial: "pt.partial", late: "pt.late", broken: "pt.broken", overdue: "pt.overdue", unknown: "pt.unknown", open: "pt.open" };
  const order = [...STATUS_ORDER.map((s) => `status:${s}`), "status:future"];
  return bucket(
    p.entries.map((e) => {
      const s = e.future ? "future" : e.s.status;
      return [e.p.id, `status:${s}`, cap(p.words.t(e.future ? "pt.notYet" : (KEY[s] ?? "pt.open")))];
    }),
    "pt.promises",
    order,
  );
}

export function figureGroups(p: PreparedFigures): ChartGroup[] {
  const out: ChartGroup[] = [];
  const singles: string[] = [];
  p.panels.forEach((panel, i) => {
    if (panel.single) singles.push(...panel.entries.map((e) => e.id));
    else out.push({ id: `panel:${i}`, name: panel.heading, ids: panel.entries.map((e) => e.id), unit: "fc.claims" });
  });
  if (singles.length) out.push({ id: "singles", name: p.singlesHeading ?? p.words.t("fc.singles"), ids: singles, unit: "fc.claims" });
  return out;
}
