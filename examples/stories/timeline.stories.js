// Stories for the meeting timeline (issue 4), in Storybook's Component Story
// Format (CSF 3): the seed chain of contacts, lanes per participant, a
// phone-width vertical view, the dark theme, and a dense synthetic year.
// Loaded as they are by Storybook (@storybook/html) and by our gallery; see ./csf.js.
import { ARG_TYPES, loaders, render } from "./csf.js";

const CONTACTS = ["2024-05", "2025-10"];

/** A deterministic dense year: `n` events in 2025, a few a day, some month-precision, approximate or scheduled. */
export function denseYear(n = 1000, seed = 42) {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const kinds = ["call", "meeting", "visit", "summit", "treaty", "deployment", "statement", "briefing"];
  const actors = ["Kim Jong Un", "Vladimir Putin", "Donald Trump", "Sergei Shoigu", "Xi Jinping", "Lee Jae-myung"].map((name, i) => ({ id: `a${i}`, name }));
  const events = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 365) * 86400000).toISOString().slice(0, 10);
    const f = rand();
    const kind = kinds[Math.floor(rand() * kinds.length)];
    const a = Math.floor(rand() * actors.length);
    const b = (a + 1 + Math.floor(rand() * (actors.length - 1))) % actors.length;
    events.push({
      id: `e${i}`,
      date: f < 0.82 ? day : f < 0.92 ? day.slice(0, 7) : `${day}~`,
      kind,
      title: `${actors[a].name} and ${actors[b].name}: ${kind} ${i + 1}`,
      participants: [actors[a].id, actors[b].id],
      ...(day > "2025-11-30" ? { status: "scheduled" } : {}),
    });
  }
  return { version: 1, title: `A dense synthetic year: ${n.toLocaleString("en-US")} events in 2025`, asOf: "2025-11-30", sources: [], actors, events, claims: [], promises: [] };
}

export default {
  title: "claimline/Timeline",
  render,
  loaders,
  // denseYear builds a dataset; it is not a story.
  excludeStories: ["denseYear"],
  args: {},
  argTypes: ARG_TYPES.timeline,
  parameters: {
    claimline: { chart: "timeline", data: "data/seeds.json", order: ["Default", "Participants", "Phone", "Dark", "DenseYear"] },
  },
};

export const Default = {
  name: "From the treaty to Anchorage: Russia and North Korea, June 2024 to August 2025",
  args: {
    domain: CONTACTS,
    periods: [{ start: "2025-08-12", end: "2025-08-15", label: "Call, then summit" }],
    annotations: { "treaty-signing": "Two articles say June 2024; one says November." },
  },
  parameters: {
    claimline: { id: "timeline" },
    docs: {
      description: {
        story:
          "The treaty signed in Pyongyang (June 2024), the deployment (October 2024), Shoigu's visits in late March and on 4 June 2025, the April confirmations, the 12 August call and the 15 August summit in Alaska. Days are points; months and years are light bands, their symbol at the start (a dot mid-month would read as a day); “late March” is drawn as the interval it was reported as. Labels stack in rows above and below the line and wrap before they are cut; the empty stretch before 2024 is cut from the axis (//).",
      },
    },
  },
};

export const Participants = {
  name: "Who met whom: a lane per participant",
  args: { lanes: "participants", domain: CONTACTS },
  parameters: {
    claimline: { id: "timeline-participants", width: 1200 },
    docs: {
      description: {
        story:
          "One lane per actor, in the dataset's order. A meeting of two is drawn once, in the first participant's lane, with a dotted link to a dot in the other's: Putin and Kim's call sits in Putin's lane and links to Kim's.",
      },
    },
  },
};

export const Phone = {
  name: "Phone width (320 px): time runs down the page",
  args: { domain: ["2025-03", "2025-09"] },
  parameters: {
    claimline: { id: "timeline-phone", width: 320 },
    docs: { description: { story: "Below 560 px the timeline turns vertical: a list in time order, every event on its own row beside its mark, empty stretches cut from the axis (//)." } },
  },
};

export const Dark = {
  name: "Dark theme, a lane per kind, the war as a highlighted period",
  args: { theme: "dark", lanes: "kind", periods: [{ start: "2022-02-24", end: "..", label: "Russia's full-scale war in Ukraine" }] },
  parameters: {
    claimline: { id: "timeline-dark" },
    docs: { description: { story: "The whole seed record since February 2022, with the full-scale war in Ukraine shaded from 24 February 2022 on." } },
  },
};

export const DenseYear = {
  name: "A dense synthetic year: 1,000 events",
  parameters: {
    claimline: { id: "timeline-dense-year", data: () => denseYear(1000) },
    docs: {
      description: {
        story:
          "Generated deterministically. Labels that fit are drawn; the rest collapse into “+N events” clusters whose every event is still a mark you can reach with the arrow keys. 10,000 events lay out the same way (see the benchmark).",
      },
    },
  },
};
