/**
 * The format's newer fields — Promise.deadline and .checked, outcome
 * "partial", Citation.disputes, Claim.supersedes, Event.importance — read
 * from JSON and from CSV sheets, and the problems a desk sees when one is wrong.
 */
import { describe, expect, it } from "vitest";
import { datasetFromSheets } from "../../src/model/csv.js";
import { DatasetError, parseDataset, validateDataset } from "../../src/model/validate.js";

function base(): any {
  return {
    version: 1,
    sources: [
      { id: "s1", name: "The Independent" },
      { id: "s2", name: "UK daily" },
    ],
    actors: [
      { id: "biden", name: "Joe Biden" },
      { id: "pentagon", name: "Pentagon" },
      { id: "taliban", name: "Taliban" },
    ],
    events: [{ id: "e1", date: "2024-06", kind: "treaty", title: "Treaty signed", citations: [{ source: "s1" }, { source: "s2", quote: "signed in November last year", disputes: "November 2024" }] }],
    claims: [
      { id: "dead-12", subject: "US service members killed", value: 12, qualifier: "exact", claimant: "pentagon", date: "2021-08-26", citations: [{ source: "s1" }] },
      { id: "dead-13", subject: "US service members killed", value: 13, qualifier: "exact", claimant: "pentagon", date: "2021-08-27", supersedes: "dead-12", citations: [{ source: "s1" }] },
    ],
    promises: [{ id: "p1", speaker: "biden", said: "2021-04-14", topic: "Withdrawal", quote: "by September 11", deadline: "2021-09-11" }],
  };
}

const problemsOf = (mutate: (d: any) => void): string[] => {
  const d = base();
  mutate(d);
  return validateDataset(d).problems.map((p) => `${p.path}: ${p.message}`);
};

describe("validateDataset: new fields", () => {
  it("parseDataset(deadline, disputes, supersedes) keeps every field as written", () => {
    const d = parseDataset(base());
    expect(d.promises[0]).toMatchObject({ deadline: "2021-09-11" });
    expect(d.promises[0]!.window).toBeUndefined();
    expect(d.events[0]!.citations![1]).toEqual({ source: "s2", quote: "signed in November last year", disputes: "November 2024" });
    expect(d.claims[1]!.supersedes).toBe("dead-12");
  });

  it("validateDataset(promise with neither window nor deadline) says to give one", () => {
    expect(problemsOf((d) => delete d.promises[0].deadline)).toEqual([
      'promises[0].window: missing: a promise needs a window (write {"min": "P14D", "max": "P14D"}) or a deadline (write "2021-09-11", or "2021-03" for the end of March)',
    ]);
  });

  it("validateDataset(window and deadline) accepts both", () => {
    expect(problemsOf((d) => (d.promises[0].window = { min: "P14D", max: "P21D" }))).toEqual([]);
  });

  it("validateDataset(deadline) rejects a non-date and one before the promise was said", () => {
    expect(problemsOf((d) => (d.promises[0].deadline = "11 September"))[0]).toMatch(/^promises\[0\]\.deadline: /);
    expect(problemsOf((d) => (d.promises[0].deadline = "2021-03"))).toEqual(["promises[0].deadline: 2021-03 is before the promise was said (2021-04-14)"]);
  });

  it("validateDataset(checked) takes an EDTF date not before the promise was said", () => {
    expect(problemsOf((d) => (d.promises[0].checked = "2021-06-19"))).toEqual([]);
    expect(problemsOf((d) => (d.promises[0].checked = "2021-04-01"))).toEqual(["promises[0].checked: 2021-04-01 is before the promise was said (2021-04-14)"]);
    expect(problemsOf((d) => (d.promises[0].checked = "yesterday"))[0]).toMatch(/^promises\[0\]\.checked: /);
  });

  it("validateDataset(outcome partial) is accepted; an unknown outcome status lists partial among the choices", () => {
    expect(problemsOf((d) => (d.promises[0].outcome = { status: "partial", date: "2021-08-30", note: "Troops left; evacuees remained" }))).toEqual([]);
    expect(problemsOf((d) => (d.promises[0].outcome = { status: "half" }))[0]).toMatch(/partial/);
  });

  it("validateDataset(citation disputes) must be text", () => {
    expect(problemsOf((d) => (d.events[0].citations[1].disputes = 2024))).toEqual(["events[0].citations[1].disputes: expected text, got 2024"]);
  });

  it("validateDataset(importance) must be a number", () => {
    expect(problemsOf((d) => (d.events[0].importance = 3))).toEqual([]);
    expect(problemsOf((d) => (d.events[0].importance = "high"))[0]).toMatch(/^events\[0\]\.importance: "high" is not a number/);
  });

  it("validateDataset(claim supersedes) must name a claim, not itself, by the same claimant, not dated earlier, with no loop", () => {
    expect(problemsOf((d) => (d.claims[1].supersedes = "dead-11"))).toEqual([expect.stringMatching(/^claims\[1\]\.supersedes: no claim "dead-11"/)]);
    expect(problemsOf((d) => (d.claims[1].supersedes = "dead-13"))).toEqual(["claims[1].supersedes: a claim cannot supersede itself"]);
    expect(problemsOf((d) => (d.claims[0].claimant = "taliban"))).toEqual([
      'claims[1].supersedes: claim "dead-12" is by "taliban", this one by "pentagon": supersedes is for the same claimant updating its figure (figures from different claimants are compared, not replaced)',
    ]);
    expect(problemsOf((d) => (d.claims[1].date = "2021-08-25"))).toEqual(['claims[1].supersedes: this claim (2021-08-25) is dated before the claim it supersedes, "dead-12" (2021-08-26)']);
    expect(problemsOf((d) => ((d.claims[0].supersedes = "dead-13"), delete d.claims[0].date, delete d.claims[1].date))).toEqual([
      'claims[0].supersedes: supersedes goes round in a loop back to "dead-12"',
      'claims[1].supersedes: supersedes goes round in a loop back to "dead-13"',
    ]);
  });
});

describe("datasetFromSheets: new columns", () => {
  const sheets = {
    sources: "id,name\ns1,The Independent\ns2,UK daily\n",
    actors: "id,name\nbiden,Joe Biden\npentagon,Pentagon\n",
    events: "id,date,kind,title,importance,citation.source,citation2.source,citation2.disputes\ne1,2024-06,treaty,Treaty signed,2,s1,s2,November 2024\n",
    claims: "id,subject,value,qualifier,claimant,date,supersedes,citation.source\ndead-12,US dead,12,exact,pentagon,2021-08-26,,s1\ndead-13,US dead,13,exact,pentagon,2021-08-27,dead-12,s1\n",
    promises:
      "id,speaker,said,topic,quote,window,deadline,checked,outcome.status,outcome.date\n" +
      "p1,biden,2021-04-14,Withdrawal,by September 11,,2021-09-11,2021-08-31,partial,2021-08-30\n" +
      "p2,biden,2021-08-20,Evacuation,in two weeks,two weeks,,2021-08-25,,\n",
  };

  it("datasetFromSheets reads deadline, checked, partial, citationN.disputes, supersedes and importance", () => {
    const d = datasetFromSheets(sheets);
    expect(d.promises[0]).toMatchObject({ deadline: "2021-09-11", checked: "2021-08-31", outcome: { status: "partial", date: "2021-08-30" } });
    expect(d.promises[0]!.window).toBeUndefined();
    expect(d.promises[1]).toMatchObject({ window: { min: "P14D", max: "P14D" }, checked: "2021-08-25" });
    expect(d.events[0]!.importance).toBe(2);
    expect(d.events[0]!.citations).toEqual([{ source: "s1" }, { source: "s2", disputes: "November 2024" }]);
    expect(d.claims[1]!.supersedes).toBe("dead-12");
  });

  it("datasetFromSheets reads citation1.disputes as the first citation's disagreement", () => {
    const d = datasetFromSheets({ ...sheets, events: "id,date,kind,title,citation1.source,citation1.disputes\ne1,2024-06,treaty,Treaty signed,s2,November 2024\n" });
    expect(d.events[0]!.citations).toEqual([{ source: "s2", disputes: "November 2024" }]);
  });

  it("datasetFromSheets(a promise row with no window and no deadline) names the row and the fix", () => {
    const bad = { ...sheets, promises: "id,speaker,said,topic,quote,window,deadline\np1,biden,2021-04-14,Withdrawal,soon,,\n" };
    try {
      datasetFromSheets(bad);
      expect.unreachable();
    } catch (e) {
      expect((e as DatasetError).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
        'promises.csv row 2, column "window": missing: a promise needs a window (write {"min": "P14D", "max": "P14D"}) or a deadline (write "2021-09-11", or "2021-03" for the end of March)',
      ]);
    }
  });
});
