// Stories for the promise tracker (issue 5), in Storybook's Component Story
// Format (CSF 3): the NBC News list of "two weeks" promises, as of the
// article's date and as of 16 August 2025. Loaded as they are by Storybook
// (@storybook/html) and by our gallery (`npm start`); see ./csf.js.
import { ARG_TYPES, loaders, render } from "./csf.js";

export default {
  title: "claimline/Promise tracker",
  render,
  loaders,
  args: { asOf: "2025-08-16" },
  argTypes: ARG_TYPES["promise-tracker"],
  parameters: {
    claimline: { chart: "promise-tracker", data: "data/seeds.json", order: ["ThenAndNow", "Default", "Dark", "Phone", "ByStatus"] },
  },
};

export const ThenAndNow = {
  name: "“Two weeks”: as of the article, and two months later",
  // One domain for both panels: the same time scale, so the bars' lengths compare across them.
  args: { asOf: undefined, domain: ["2017-02", "2025-08-16"] },
  parameters: {
    claimline: {
      id: "promise-tracker-then-and-now",
      layout: "side-by-side",
      variants: [
        { title: "As of 19 June 2025", options: { asOf: "2025-06-19" } },
        { title: "As of 16 August 2025", options: { asOf: "2025-08-16" } },
      ],
    },
    docs: {
      description: {
        story:
          "The same 14 promises as of 19 June 2025, when NBC News published its list, and as of 16 August 2025, the day after the Anchorage summit, on one time scale. Changing the as-of date recomputes every status, count and median.",
      },
    },
  },
};

export const Default = {
  name: "“Two weeks”: what came due, what happened",
  parameters: {
    claimline: { id: "promise-tracker" },
    docs: {
      description: {
        story:
          "One row per promise: the day it was said, the promised window as a band, then the outcome (kept ✓, late with the gap drawn) or a bar growing to the as-of date for an overdue promise. The 2017 tax plan and the 2025 promises are eight years apart, so the time axis is cut (//) between them, and the lone 2017 promise gets a narrow segment.",
      },
    },
  },
};

export const Dark = {
  name: "Dark theme, most overdue first",
  args: { theme: "dark", sort: "overdue" },
  parameters: {
    claimline: { id: "promise-tracker-dark" },
    docs: { description: { story: "Sorted by days overdue (then days late); every status is a shape and words as well as a colour." } },
  },
};

export const Phone = {
  name: "Phone width (320 px)",
  parameters: {
    claimline: { id: "promise-tracker-phone", width: 320 },
    docs: { description: { story: "Compact mode: labels move above the bars, the axis condenses, nothing overlaps; every row is a tap target at least 44 px tall." } },
  },
};

export const ByStatus = {
  name: "Grouped by speaker, sorted by status",
  args: { group: "speaker", sort: "status" },
  parameters: {
    claimline: { id: "promise-tracker-by-status" },
    docs: { description: { story: "Group headings per speaker; restated promises are linked by a bracket at the left, one column per chain, and say “restates …” in their label." } },
  },
};
