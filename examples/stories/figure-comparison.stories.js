// Stories for the figure comparison (issue 3), in Storybook's Component Story
// Format (CSF 3): the seed troop figures, a dark and a 320 px variant, every
// seed figure, a money story with a negative figure and percentages, and how a
// conflict is shown. Loaded as they are by Storybook (@storybook/html) and by
// our gallery; see ./csf.js.
import { ARG_TYPES, loaders, render } from "./csf.js";
const TROOPS = "North Korean troops sent to Russia";

export default {
  title: "claimline/Figure comparison",
  render,
  loaders,
  args: {},
  argTypes: ARG_TYPES["figure-comparison"],
  parameters: {
    claimline: { chart: "figure-comparison", data: "data/seeds.json", order: ["Default", "Dark", "Phone", "Korean", "AllSeeds", "Money", "Conflict", "Updated"] },
  },
};

export const Default = {
  name: "How many North Korean troops? Four figures, one picture",
  args: { subject: TROOPS },
  parameters: {
    claimline: { id: "figure-comparison" },
    docs: { description: { story: "“Around 15,000” (South Korean assessments, via The Independent), an estimated 15,000 (a UK daily), “more than 10,000 … deployed in October” (a Korean daily) and “upwards of 10,000 … currently fighting” (an aggregator). The shading shows the values all four claims are consistent with — more than 10,000 — not a consensus estimate; the axis runs around the claims, with a break mark, because zero would squeeze them together. “About” figures are dots in a dashed ring, with no invented margin." } },
  },
};

export const Dark = {
  name: "Dark theme, in the order the claims were made, with an editor's note",
  args: {
    subject: TROOPS,
    theme: "dark",
    sort: "date",
    highlight: "nk-troops-10000-october",
    annotations: { "nk-troops-10000-october": "Counts the deployment in October 2024, not the troops fighting now." },
  },
  parameters: {
    claimline: { id: "figure-comparison-dark" },
    docs: { description: { story: "Sorted by claim date; the Korean daily's figure is highlighted and annotated, because it counts the troops deployed in October 2024, not those fighting now." } },
  },
};

export const Phone = {
  name: "Phone width (320 px)",
  args: { subject: TROOPS },
  parameters: {
    claimline: { id: "figure-comparison-phone", width: 320 },
    docs: { description: { story: "Labels stack above the marks; long names wrap or are cut, with the full name in the detail card and the data table." } },
  },
};

export const Korean = {
  name: "In Korean number format (ko-KR)",
  args: { subject: TROOPS, locale: "ko-KR" },
  parameters: {
    claimline: { id: "figure-comparison-korean" },
    docs: { description: { story: "The same figures with the reader's locale: ticks read 1만 and 1.5만." } },
  },
};

export const AllSeeds = {
  name: "Every figure in the seed stories",
  parameters: {
    claimline: { id: "figure-comparison-all-seeds" },
    docs: { description: { story: "Subjects with several claims get a panel each; the 28 subjects with a single claim are listed after them, one line each without an axis (two columns on wide screens). Different units are never put on one axis." } },
  },
};

export const Money = {
  name: "A visa fee and federal job cuts: dollars and percentages",
  args: { annotations: { "visa-fee-tourism": "Different periods: three years here, a decade for the CBO." } },
  parameters: {
    claimline: { id: "figure-comparison-money", data: "data/money.json" },
    docs: { description: { story: "Money in US dollars with a negative figure (a cost) and a zero line, percentages, and one subject given in two units — workers and per cent — drawn on separate axes with a note saying so." } },
  },
};

export const Conflict = {
  name: "How a conflict is shown (illustration)",
  parameters: {
    claimline: { id: "figure-comparison-conflict", data: {
      version: 1,
      title: "Illustration: conflicting estimates",
      sources: [{ id: "a", name: "Estimate A" }, { id: "b", name: "Estimate B" }, { id: "c", name: "Estimate C" }],
      actors: [],
      claims: [
        { id: "a", subject: "Attendance at a rally (illustration)", value: 50000, qualifier: "more-than", unit: "people", claimant: "a", citations: [{ source: "a" }] },
        { id: "b", subject: "Attendance at a rally (illustration)", value: 30000, qualifier: "up-to", unit: "people", claimant: "b", citations: [{ source: "b" }] },
        { id: "c", subject: "Attendance at a rally (illustration)", qualifier: "range", low: 20000, high: 40000, unit: "people", claimant: "c", citations: [{ source: "c" }] },
      ],
    } },
    docs: { description: { story: "A constructed example, not reporting: when no value satisfies every claim, the chart says “claims conflict” and names the pair that cannot both be right." } },
  },
};

export const Updated = {
  name: "An updated count is not a conflict (illustration)",
  args: { sort: "date" },
  parameters: {
    claimline: { id: "figure-comparison-updated", data: {
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
    } },
    docs: { description: { story: "A constructed example, not reporting: a military command first gives 12 dead, then updates its own count to 13; a news agency also reports 13. The earlier figure is drawn muted and dashed with “updated to 13”, and no conflict is flagged. A second subject with a single claim is listed below, without an axis." } },
  },
};

