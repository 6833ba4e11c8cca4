// Gallery stories for the figure comparison (issue 3): the seed troop
// figures, a dark and a 320 px variant, every seed figure, a money story with
// a negative figure and percentages, and how a conflict is shown.
const TROOPS = "North Korean troops sent to Russia";

export default [
  {
    id: "figure-comparison",
    title: "How many North Korean troops? Four figures, one picture",
    description:
      "“Around 15,000” (South Korean assessments, via The Independent), an estimated 15,000 (a UK daily), “more than 10,000 … deployed in October” (a Korean daily) and “upwards of 10,000 … currently fighting” (an aggregator). The shading shows the values every claim allows: more than 10,000. “About” figures are dots in a dashed ring, with no invented margin.",
    chart: "figure-comparison",
    data: "data/seeds.json",
    options: { subject: TROOPS },
  },
  {
    id: "figure-comparison-dark",
    title: "Dark theme, in the order the claims were made, with an editor's note",
    description: "Sorted by claim date; the Korean daily's figure is highlighted and annotated, because it counts the troops deployed in October 2024, not those fighting now.",
    chart: "figure-comparison",
    data: "data/seeds.json",
    options: {
      subject: TROOPS,
      theme: "dark",
      sort: "date",
      highlight: "nk-troops-10000-october",
      annotations: { "nk-troops-10000-october": "Counts the deployment in October 2024, not the troops fighting now." },
    },
  },
  {
    id: "figure-comparison-phone",
    title: "Phone width (320 px)",
    description: "Labels stack above the marks; long names wrap or are cut, with the full name in the detail card and the data table.",
    chart: "figure-comparison",
    data: "data/seeds.json",
    options: { subject: TROOPS },
    width: 320,
  },
  {
    id: "figure-comparison-korean",
    title: "In Korean number format (ko-KR)",
    description: "The same figures with the reader's locale: ticks read 1만 and 1.5만.",
    chart: "figure-comparison",
    data: "data/seeds.json",
    options: { subject: TROOPS, locale: "ko-KR" },
  },
  {
    id: "figure-comparison-all-seeds",
    title: "Every figure in the seed stories",
    description: "A panel per subject, the subjects with several claims first. The visa fee's two estimates differ (a decade of revenue against three years of lost spending); different units are never put on one axis.",
    chart: "figure-comparison",
    data: "data/seeds.json",
    options: {},
  },
  {
    id: "figure-comparison-money",
    title: "A visa fee and federal job cuts: dollars and percentages",
    description:
      "Money in US dollars with a negative figure (a cost) and a zero line, percentages, and one subject given in two units — workers and per cent — drawn on separate axes with a note saying so.",
    chart: "figure-comparison",
    data: "data/money.json",
    options: { annotations: { "visa-fee-tourism": "Different periods: three years here, a decade for the CBO." } },
  },
  {
    id: "figure-comparison-conflict",
    title: "How a conflict is shown (illustration)",
    description: "A constructed example, not reporting: when no value satisfies every claim, the chart says “claims conflict” and names the pair that cannot both be right.",
    chart: "figure-comparison",
    data: {
      version: 1,
      title: "Illustration: conflicting estimates",
      sources: [{ id: "a", name: "Estimate A" }, { id: "b", name: "Estimate B" }, { id: "c", name: "Estimate C" }],
      actors: [],
      claims: [
        { id: "a", subject: "Attendance at a rally (illustration)", value: 50000, qualifier: "more-than", unit: "people", claimant: "a", citations: [{ source: "a" }] },
        { id: "b", subject: "Attendance at a rally (illustration)", value: 30000, qualifier: "up-to", unit: "people", claimant: "b", citations: [{ source: "b" }] },
        { id: "c", subject: "Attendance at a rally (illustration)", qualifier: "range", low: 20000, high: 40000, unit: "people", claimant: "c", citations: [{ source: "c" }] },
      ],
    },
    options: {},
  },
  {
    id: "figure-comparison-updated",
    title: "An updated count is not a conflict (illustration)",
    description:
      "A constructed example, not reporting: a military command first gives 12 dead, then updates its own count to 13; a news agency also reports 13. The earlier figure is drawn muted and dashed with “updated to 13”, and no conflict is flagged. A second subject with a single claim is listed below, without an axis.",
    chart: "figure-comparison",
    data: {
      version: 1,
      title: "Illustration: an updated count",
      sources: [{ id: "agency", name: "A news agency" }, { id: "daily", name: "A daily" }],
      actors: [{ id: "command", name: "The military command" }, { id: "ministry", name: "The health ministry" }],
      claims: [
        { id: "dead-12", subject: "Service members killed (illustration)", value: 12, qualifier: "exact", unit: "dead", claimant: "command", citations: [{ source: "agency" }], date: "2021-08-26" },
        { id: "dead-13", subject: "Service members killed (illustration)", value: 13, qualifier: "exact", unit: "dead", claimant: "command", citations: [{ source: "agency" }], date: "2021-08-27", supersedes: "dead-12" },
        { id: "dead-13-agency", subject: "Service members killed (illustration)", value: 13, qualifier: "exact", unit: "dead", claimant: "agency", citations: [{ source: "agency" }], date: "2021-08-27" },
        { id: "civilians", subject: "Civilians killed (illustration)", value: 170, qualifier: "at-least", unit: "dead", claimant: "ministry", citations: [{ source: "daily" }], date: "2021-08-28" },
      ],
    },
    options: { sort: "date" },
  },
];
