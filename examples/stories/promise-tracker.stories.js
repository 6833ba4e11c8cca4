// Gallery stories for the promise tracker (issue 5): the NBC News list of
// "two weeks" promises, as of the article's date and as of 16 August 2025.
export default [
  {
    id: "promise-tracker-then-and-now",
    title: "“Two weeks”: as of the article, and two months later",
    description:
      "The same 14 promises as of 19 June 2025, when NBC News published its list, and as of 16 August 2025, the day after the Anchorage summit. Changing the as-of date recomputes every status, count and median.",
    chart: "promise-tracker",
    data: "data/seeds.json",
    layout: "side-by-side",
    // One domain for both panels: the same time scale, so the bars' lengths compare across them.
    options: { domain: ["2017-02", "2025-08-16"] },
    variants: [
      { title: "As of 19 June 2025", options: { asOf: "2025-06-19" } },
      { title: "As of 16 August 2025", options: { asOf: "2025-08-16" } },
    ],
  },
  {
    id: "promise-tracker",
    title: "“Two weeks”: what came due, what happened",
    description:
      "One row per promise: the day it was said, the promised window as a band, then the outcome (kept ✓, late with the gap drawn) or a bar growing to the as-of date for an overdue promise. The 2017 tax plan and the 2025 promises are eight years apart, so the time axis is cut (//) between them.",
    chart: "promise-tracker",
    data: "data/seeds.json",
    options: { asOf: "2025-08-16" },
  },
  {
    id: "promise-tracker-dark",
    title: "Dark theme, most overdue first",
    description: "Sorted by days overdue (then days late); every status is a shape and words as well as a colour.",
    chart: "promise-tracker",
    data: "data/seeds.json",
    options: { asOf: "2025-08-16", theme: "dark", sort: "overdue" },
  },
  {
    id: "promise-tracker-phone",
    title: "Phone width (320 px)",
    description: "Compact mode: labels move above the bars, the axis condenses, nothing overlaps.",
    chart: "promise-tracker",
    data: "data/seeds.json",
    options: { asOf: "2025-08-16" },
    width: 320,
  },
  {
    id: "promise-tracker-by-status",
    title: "Grouped by speaker, sorted by status",
    description: "Group headings per speaker; restated promises are linked by a bracket at the left and say “restates …” in their label.",
    chart: "promise-tracker",
    data: "data/seeds.json",
    options: { asOf: "2025-08-16", group: "speaker", sort: "status" },
  },
];
