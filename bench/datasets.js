/**
 * Deterministic synthetic datasets for the benchmark and the browser load
 * and leak checks. The same `seed` always gives the same records, so runs on
 * different days and machines draw the same charts.
 */

/** mulberry32: a small, fast, seedable PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86400000;
const KINDS = ["call", "meeting", "visit", "summit", "treaty", "deployment", "statement"];
const QUALIFIERS = ["exact", "about", "at-least", "more-than", "up-to", "fewer-than", "range"];
const NAMES = ["Kim Jong Un", "Vladimir Putin", "Donald Trump", "Volodymyr Zelensky", "Sergei Shoigu", "Lee Jae-myung", "Xi Jinping", "Karoline Leavitt", "Antonio Guterres", "Keir Starmer", "Emmanuel Macron", "Friedrich Merz"];
const OUTLETS = ["Reuters", "Yonhap", "AP", "BBC", "TASS", "KCNA"];

const iso = (t) => new Date(t).toISOString().slice(0, 10);

function base(r) {
  return {
    version: 1,
    title: "Synthetic benchmark data",
    asOf: "2025-08-16",
    sources: OUTLETS.map((name, i) => ({ id: `s${i}`, name, kind: i === 5 ? "government" : "agency", url: `https://example.com/${name.toLowerCase()}` })),
    actors: NAMES.map((name, i) => ({ id: `a${i}`, name, role: i % 2 ? "minister" : "head of state" })),
    events: [],
    claims: [],
    promises: [],
  };
}

const cite = (r, i) => [{ source: `s${Math.floor(r() * OUTLETS.length)}`, url: `https://example.com/story/${i}`, published: "2025-08-01" }];

/** `n` events over about three years: mostly day precision, some month precision and approximate dates, some multi-day. */
export function eventsDataset(n, seed = 1) {
  const r = rng(seed);
  const d = base(r);
  const start = Date.UTC(2022, 6, 1);
  const span = 3 * 365 * DAY;
  for (let i = 0; i < n; i++) {
    const t = start + Math.floor(r() * span / DAY) * DAY;
    const a = Math.floor(r() * NAMES.length);
    const b = (a + 1 + Math.floor(r() * (NAMES.length - 1))) % NAMES.length;
    const form = r();
    const date = form < 0.8 ? iso(t) : form < 0.9 ? iso(t).slice(0, 7) : iso(t) + "~";
    const e = { id: `e${i}`, date, kind: KINDS[i % KINDS.length], title: `${NAMES[a]} and ${NAMES[b]}: ${KINDS[i % KINDS.length]} ${i}`, participants: [`a${a}`, `a${b}`], citations: cite(r, i) };
    if (form > 0.97) e.end = iso(t + 2 * DAY);
    if (i % 11 === 0) e.place = "Pyongyang";
    d.events.push(e);
  }
  return d;
}

/** `n` claims over n/20 subjects (about 20 claimants each), every qualifier. */
export function claimsDataset(n, seed = 2) {
  const r = rng(seed);
  const d = base(r);
  const subjects = Math.max(1, Math.round(n / 20));
  for (let i = 0; i < n; i++) {
    const q = QUALIFIERS[i % QUALIFIERS.length];
    const v = Math.round(1000 + r() * 14000);
    const c = { id: `c${i}`, subject: `Troops deployed, front ${i % subjects}`, qualifier: q, unit: "troops", claimant: r() < 0.5 ? `a${Math.floor(r() * NAMES.length)}` : `s${Math.floor(r() * OUTLETS.length)}`, citations: cite(r, i), date: iso(Date.UTC(2024, 9, 1) + Math.floor(r() * 300) * DAY), quote: `around ${v} soldiers` };
    if (q === "range") Object.assign(c, { low: v, high: v + Math.round(r() * 5000) });
    else c.value = v;
    d.claims.push(c);
  }
  return d;
}

/** `n` promises with windows of days to months and every outcome: kept, late, broken, pending (open or overdue as of 2025-08-16). */
export function promisesDataset(n, seed = 3) {
  const r = rng(seed);
  const d = base(r);
  const start = Date.UTC(2024, 0, 1);
  const windows = [["P14D", "P14D"], ["P2W", "P3W"], ["P0D", "P2W"], ["P1M", "P1M"], ["P10D", "P2W"]];
  for (let i = 0; i < n; i++) {
    const said = start + Math.floor(r() * 590) * DAY;
    const [min, max] = windows[i % windows.length];
    const p = { id: `p${i}`, speaker: `a${i % 4}`, said: iso(said), topic: `Topic ${i % 25}: decision on sanctions`, quote: `We'll know in about two weeks (${i})`, window: { min, max }, citations: cite(r, i) };
    const o = r();
    if (o < 0.25) p.outcome = { status: "kept", date: iso(said + (1 + Math.floor(r() * 13)) * DAY) };
    else if (o < 0.45) p.outcome = { status: "late", date: iso(said + (40 + Math.floor(r() * 60)) * DAY) };
    else if (o < 0.55) p.outcome = { status: "broken", date: iso(said + (20 + Math.floor(r() * 60)) * DAY) };
    else p.outcome = { status: "pending" };
    d.promises.push(p);
  }
  return d;
}

/** The records Observable Plot draws for the same data: one dot per record at (`x`: time in ms or a value, `lane`). */
export function plotRecords(kind, dataset) {
  const day = (s) => Date.parse(s.replace(/[~?%]/g, "").slice(0, 10).padEnd(10, "-01").slice(0, 10));
  if (kind === "timeline") return dataset.events.map((e) => ({ x: day(e.date), lane: e.kind }));
  if (kind === "figureComparison") return dataset.claims.map((c) => ({ x: c.value ?? c.low, lane: c.subject }));
  return dataset.promises.map((p) => ({ x: day(p.said), lane: p.outcome?.status ?? "pending" }));
}
