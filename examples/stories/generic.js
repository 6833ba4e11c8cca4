// The stories every chart page has besides its own (examples/stories/<chart>.stories.js):
// the seed data, dark theme, a 320 px phone, Korean and Russian, an empty and an
// invalid dataset, and 10,000 generated records. Shared by the gallery
// (examples/gallery.js) and the thumbnails (scripts/build-static.js); no DOM.
export const AS_OF = "2025-08-16";

/** A small deterministic random generator, so the stress story is the same every time. */
function random(seed) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const pad = (n) => String(n).padStart(2, "0");
function day(rand, fromYear = 2020, years = 5) {
  const t = Date.UTC(fromYear, 0, 1) + Math.floor(rand() * years * 365) * 864e5;
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 10,000 records of the chart's kind. */
export function stress(name, n = 10000) {
  const rand = random(42);
  const actors = Array.from({ length: 24 }, (_, i) => ({ id: `a${i}`, name: `Speaker ${i + 1}` }));
  const sources = [{ id: "s1", name: "Wire service", kind: "agency" }, { id: "s2", name: "Daily paper", kind: "outlet" }];
  const ds = { version: 1, title: `${n.toLocaleString("en-US")} records`, asOf: AS_OF, sources, actors, events: [], claims: [], promises: [] };
  const kinds = ["call", "meeting", "visit", "summit", "treaty", "deployment", "statement"];
  const quals = ["exact", "about", "at-least", "more-than", "up-to", "fewer-than", "range"];
  const outcomes = ["pending", "kept", "late", "broken"];
  for (let i = 0; i < n; i++) {
    if (name === "timeline") {
      ds.events.push({ id: `e${i}`, date: day(rand), kind: kinds[i % kinds.length], title: `Event ${i + 1}`, participants: [`a${i % 24}`, `a${(i * 7 + 3) % 24}`].filter((v, j, a) => a.indexOf(v) === j), citations: [{ source: "s1" }] });
    } else if (name === "figure-comparison") {
      const q = quals[i % quals.length];
      const v = Math.round(1000 + rand() * 20000);
      const c = { id: `c${i}`, subject: `Figure ${1 + (i % 100)}`, qualifier: q, unit: "people", claimant: i % 3 ? `a${i % 24}` : "s2", citations: [{ source: i % 2 ? "s1" : "s2" }], date: day(rand) };
      if (q === "range") Object.assign(c, { low: v, high: v + Math.round(rand() * 5000) });
      else c.value = v;
      ds.claims.push(c);
    } else {
      const said = day(rand, 2020, 5);
      const status = outcomes[Math.floor(rand() * outcomes.length)];
      const p = { id: `p${i}`, speaker: `a${i % 24}`, said, topic: `Topic ${1 + (i % 50)}`, quote: "in two weeks", window: { min: "P14D", max: "P14D" } };
      if (status !== "pending") {
        const t = Date.parse(said) + Math.floor(rand() * 40) * 864e5;
        const d = new Date(Math.min(t, Date.parse(AS_OF)));
        p.outcome = { status, date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` };
        if (status === "broken") delete p.outcome.date;
      }
      ds.promises.push(p);
    }
  }
  return ds;
}

/** A dataset with a problem of every kind, so the chart shows its validation messages. */
const INVALID = {
  version: 1,
  sources: [{ id: "s1", name: "Wire service", kind: "newspaper" }],
  actors: [{ id: "a1", name: "Speaker" }],
  events: [{ id: "e1", date: "2025-02-30", kind: "call", title: "Impossible date", participants: ["nobody"] }],
  claims: [{ id: "c1", subject: "Troops", qualifier: "range", low: 20000, high: 10000, claimant: "nobody", citations: [{ source: "s1" }] }],
  promises: [{ id: "p1", speaker: "a1", said: "2025-13-01", topic: "Meet", quote: "two weeks", window: { min: "two-ish", max: "P14D" } }],
};

export function genericStories(name, fromFile) {
  const base = name === "promise-tracker" ? { asOf: AS_OF } : {};
  const seed = "data/seeds.json";
  const list = [
    { id: "seed", title: "Seed data", description: "The events, figures and promises from the seed articles.", data: seed, options: base },
    { id: "dark", title: "Dark theme", description: "theme: \"dark\" — colours from the --claimline-* custom properties.", data: seed, options: { ...base, theme: "dark" } },
    { id: "phone", title: "320 px phone", description: "The narrowest phone: labels move, stack or give way to a count; nothing overlaps.", data: seed, options: base, width: 320 },
    { id: "ko-KR", title: "Korean (ko-KR)", description: "Numbers and dates in Korean.", data: seed, options: { ...base, locale: "ko-KR" } },
    { id: "ru-RU", title: "Russian (ru-RU)", description: "Numbers and dates in Russian.", data: seed, options: { ...base, locale: "ru-RU" } },
    { id: "empty", title: "Empty dataset", description: "No records: a readable message, never a blank box.", data: { version: 1 }, options: base, expect: "message" },
    { id: "invalid", title: "Invalid dataset", description: "Every problem, each with its path, in place of the chart.", data: INVALID, options: base, expect: "error" },
    { id: "stress", title: "10,000 records", description: "Generated in the browser: 10,000 records drawn, labels clustered.", data: () => stress(name), options: base, lazy: true },
  ];
  const ids = new Set(fromFile.map((s) => s.id));
  return list.filter((s) => !ids.has(s.id) && !(s.id === "seed" && fromFile.length));
}

