// The timeline's range and periods kept with the data (issue 16): Dataset.domain and Dataset.periods, in the
// text an editor types ("2021-08/2021-09", "2021-08-15/2021-08-31 Evacuation"), validated with JSON paths,
// read from dataset.csv, and used by the timeline when its own domain and periods options are not given.
import { describe, expect, it } from "vitest";
import { drawChart } from "../../src/charts/draw.js";
import { resolveTimelineOptions, timelineChart } from "../../src/charts/timeline.js";
import { datasetFromSheets } from "../../src/model/csv.js";
import { DatasetError, parseDataset, validateDataset } from "../../src/model/validate.js";
import { isMessage, type ChartView } from "../../src/render/view.js";
import { makeDocument } from "../helpers/dom.js";

const base = {
  version: 1,
  sources: [{ id: "ap", name: "AP" }],
  actors: [],
  events: [
    // One 2018 event that would squeeze August 2021 into a sliver.
    { id: "doha", date: "2018-10", kind: "talks", title: "Talks begin in Doha" },
    { id: "kabul", date: "2021-08-15", kind: "statement", title: "Kabul falls" },
    { id: "attack", date: "2021-08-26", kind: "attack", title: "Airport attack" },
    { id: "last", date: "2021-08-30", kind: "withdrawal", title: "Last flight out" },
  ],
};
const problems = (data: unknown) => validateDataset(data).problems.map((p) => `${p.path}: ${p.message}`);

function draw(data: unknown, options: Record<string, unknown> = {}, width = 800): ChartView {
  const v = drawChart(timelineChart, makeDocument(), parseDataset(data), resolveTimelineOptions({ width, ...options }), width);
  if (isMessage(v)) throw new Error(v.message);
  return v;
}
const periodLabels = (v: ChartView) => Array.from(v.svg.querySelectorAll(".claimline-v1-tl-back text")).map((t) => t.textContent);

describe("Dataset.domain and Dataset.periods", () => {
  it("parseDataset keeps them as written", () => {
    const d = parseDataset({ ...base, domain: "2021-08/2021-09", periods: ["2021-08-15/2021-08-31 Evacuation", "2021-08-26 Kabul airport attack"] });
    expect(d.domain).toBe("2021-08/2021-09");
    expect(d.periods).toEqual(["2021-08-15/2021-08-31 Evacuation", "2021-08-26 Kabul airport attack"]);
    expect(parseDataset(base).domain).toBeUndefined();
  });

  it("validateDataset points at the field and says how to write it", () => {
    expect(problems({ ...base, domain: "August 2021" })).toEqual([expect.stringMatching(/^domain: cannot read "August 2021" as a range; write two EDTF dates, start\/end, e\.g\. "2021-08\/2021-09"/)]);
    expect(problems({ ...base, domain: "2021-09/2021-08" })).toEqual([expect.stringMatching(/^domain: the end 2021-08 is before the start 2021-09/)]);
    expect(problems({ ...base, domain: 2021 })).toEqual(["domain: expected text, got 2021"]);
    expect(problems({ ...base, periods: "2021-08-15/2021-08-31 Evacuation" })).toEqual(['periods: expected a list, got "2021-08-15/2021-08-31 Evacuation"']);
    expect(problems({ ...base, periods: ["2021-08-15/2021-08-31 Evacuation", 7, "2021-08-26 A; 2021-08-27 B", "Aug 15 Evacuation", ""] })).toEqual([
      'periods[1]: expected text, a date or interval then its label ("2021-08-15/2021-08-31 Evacuation"), got 7',
      "periods[2]: holds 2 periods: give each its own item",
      expect.stringMatching(/^periods\[3\]: "Aug 15 Evacuation": cannot read "Aug" as a date or interval/),
      "periods[4]: is empty: write a date or interval, then its label",
    ]);
    expect(() => parseDataset({ ...base, domain: "nope" })).toThrow(DatasetError);
  });

  it("the timeline draws the dataset's range and periods when its options give none", () => {
    const plain = draw(base);
    expect(plain.summary).toMatch(/^4 events from October 2018 to August 2021/);
    const v = draw({ ...base, domain: "2021-08/2021-09", periods: ["2021-08-15/2021-08-31 Evacuation"] });
    // The 2018 talks are counted, not drawn; August 2021 has the width.
    expect(v.summary).toMatch(/^3 of 4 events shown in August 2021/);
    expect(v.svg.querySelector('[data-id="doha"]')).toBeNull();
    expect(periodLabels(v)).toContain("Evacuation");
    expect(periodLabels(plain)).not.toContain("Evacuation");
  });

  it("the options win over the dataset's range and periods", () => {
    const v = draw({ ...base, domain: "2021-08/2021-09", periods: ["2021-08-15/2021-08-31 Evacuation"] }, { domain: "2018/2021", periods: [{ start: "2021-08-26", end: "2021-08-26", label: "Attack" }] });
    expect(v.summary).toMatch(/^4 events from October 2018 to August 2021/);
    expect(periodLabels(v)).toContain("Attack");
    expect(periodLabels(v)).not.toContain("Evacuation");
  });

  it("periods: [] switches the dataset's periods off", () => {
    const v = draw({ ...base, periods: ["2021-08-15/2021-08-31 Evacuation"] }, { periods: [] });
    expect(periodLabels(v)).not.toContain("Evacuation");
  });

  it("a dataset range that holds no event says which range, in words", () => {
    const opts = resolveTimelineOptions({ width: 800 });
    const v = drawChart(timelineChart, makeDocument(), parseDataset({ ...base, domain: "2019-03/2019-05" }), opts, 800);
    expect(isMessage(v) && v.message).toBe("None of the 4 events falls between March 2019 and May 2019.");
  });

  it("from sheets: dataset.csv's domain and periods reach the timeline", () => {
    const d = datasetFromSheets({
      dataset: "key,value\nversion,1\ndomain,2021-08/2021-09\nperiods,2021-08-15/2021-08-31 Evacuation\n",
      sources: "id,name\nap,AP\n",
      events: "id,date,kind,title\ndoha,2018-10,talks,Talks begin in Doha\nkabul,2021-08-15,statement,Kabul falls\n",
    });
    const v = draw(d);
    expect(v.summary).toMatch(/^1 of 2 events shown in August 2021/);
    expect(periodLabels(v)).toContain("Evacuation");
  });
});
