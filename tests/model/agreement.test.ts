import { describe, expect, it } from "vitest";
import { claimInterval, computeAgreement, contains, isEmpty, type Interval } from "../../src/model/agreement.js";
import type { Claim, Qualifier } from "../../src/model/types.js";

const claim = (id: string, qualifier: Qualifier, value?: number, low?: number, high?: number): Claim => ({
  id,
  subject: "s",
  qualifier,
  claimant: "a",
  citations: [],
  ...(value === undefined ? {} : { value }),
  ...(low === undefined ? {} : { low }),
  ...(high === undefined ? {} : { high }),
});
const iv = (lo: number, hi: number, loOpen = false, hiOpen = false): Interval => ({ lo, hi, loOpen, hiOpen });

describe("claimInterval(claim)", () => {
  const cases: Array<[Qualifier, number | undefined, number | undefined, number | undefined, Interval | null]> = [
    ["exact", 5, undefined, undefined, iv(5, 5)],
    ["at-least", 5, undefined, undefined, iv(5, Infinity, false, true)],
    ["more-than", 5, undefined, undefined, iv(5, Infinity, true, true)],
    ["up-to", 5, undefined, undefined, iv(-Infinity, 5, true, false)],
    ["fewer-than", 5, undefined, undefined, iv(-Infinity, 5, true, true)],
    ["range", undefined, 2, 8, iv(2, 8)],
    ["about", 5, undefined, undefined, null],
  ];
  for (const [q, v, lo, hi, expected] of cases) {
    it(`claimInterval(${q} ${v ?? `${lo}–${hi}`}) is ${expected ? `${expected.loOpen ? "(" : "["}${expected.lo}, ${expected.hi}${expected.hiOpen ? ")" : "]"}` : "null: no margin is invented"}`, () => {
      expect(claimInterval(claim("c", q, v, lo, hi))).toEqual(expected);
    });
  }
  it("contains() and isEmpty() respect open ends", () => {
    expect(contains(iv(10, Infinity, true, true), 10)).toBe(false);
    expect(contains(iv(10, Infinity, false, true), 10)).toBe(true);
    expect(isEmpty(iv(10, 10, true, false))).toBe(true);
    expect(isEmpty(iv(10, 10))).toBe(false);
    expect(isEmpty(iv(11, 10))).toBe(true);
  });
});

describe("computeAgreement(claims)", () => {
  const table: Array<{ name: string; claims: Claim[]; status: string; band?: Interval; pair?: [string, string]; outside?: string[] }> = [
    { name: "one claim is single", claims: [claim("a", "more-than", 10000)], status: "single" },
    { name: "the seed troop figures agree above 10,000", claims: [claim("sk", "about", 15000), claim("kd", "more-than", 10000), claim("ag", "at-least", 10000)], status: "agree", band: iv(10000, Infinity, true, true) },
    { name: "a floor above a ceiling conflicts", claims: [claim("lo", "up-to", 5000), claim("hi", "more-than", 10000), claim("x", "at-least", 1000)], status: "conflict", pair: ["hi", "lo"] },
    { name: "exact 10 and more than 10 conflict at the open end", claims: [claim("e", "exact", 10), claim("m", "more-than", 10)], status: "conflict", pair: ["m", "e"] },
    { name: "at least 10 and up to 10 meet in one value", claims: [claim("f", "at-least", 10), claim("c", "up-to", 10)], status: "agree", band: iv(10, 10) },
    { name: "fewer than 10 and at least 10 conflict", claims: [claim("f", "at-least", 10), claim("c", "fewer-than", 10)], status: "conflict", pair: ["f", "c"] },
    { name: "overlapping ranges agree on their overlap", claims: [claim("r1", "range", undefined, 10, 20), claim("r2", "range", undefined, 15, 30)], status: "agree", band: iv(15, 20) },
    { name: "disjoint ranges name the highest floor and the lowest ceiling", claims: [claim("a", "range", undefined, 0, 5), claim("b", "range", undefined, 3, 8), claim("c", "range", undefined, 10, 12)], status: "conflict", pair: ["c", "a"] },
    { name: "equal exact figures agree", claims: [claim("a", "exact", 7), claim("b", "exact", 7)], status: "agree", band: iv(7, 7) },
    { name: "different exact figures conflict", claims: [claim("a", "exact", 7), claim("b", "exact", 8)], status: "conflict", pair: ["b", "a"] },
    { name: "negative figures work", claims: [claim("a", "range", undefined, -20, -5), claim("b", "fewer-than", -10)], status: "agree", band: iv(-20, -10, false, true) },
    { name: "an about figure outside the band differs, it does not conflict", claims: [claim("kia", "about", 4000), claim("m", "more-than", 10000)], status: "differ", pair: ["m", "kia"], outside: ["kia"] },
    { name: "an about figure above a ceiling differs", claims: [claim("ab", "about", 20), claim("c", "up-to", 10), claim("f", "at-least", 5)], status: "differ", pair: ["ab", "c"], outside: ["ab"] },
    { name: "about figures alone: the same figure agrees", claims: [claim("a", "about", 15), claim("b", "about", 15)], status: "agree", band: iv(15, 15) },
    { name: "about figures alone: different figures differ, highest first", claims: [claim("a", "about", 12), claim("b", "about", 15), claim("c", "about", 13)], status: "differ", pair: ["b", "a"] },
  ];
  for (const t of table) {
    it(`computeAgreement: ${t.name}`, () => {
      const a = computeAgreement(t.claims);
      expect(a.status).toBe(t.status);
      if (t.band) expect(a.band).toEqual(t.band);
      if (t.pair) expect(a.pair).toEqual(t.pair);
      if (t.status === "conflict") expect(a.band).toBeUndefined();
      expect(a.outside).toEqual(t.outside ?? []);
    });
  }

  it("computeAgreement: an about figure never narrows the band", () => {
    const a = computeAgreement([claim("f", "at-least", 10), claim("c", "up-to", 20), claim("x", "about", 12)]);
    expect(a).toEqual({ status: "agree", band: iv(10, 20), outside: [] });
  });

  it("computeAgreement: on random firm claims, a conflict's pair really is disjoint and an agreement's band lies in every claim", () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const qs: Qualifier[] = ["exact", "at-least", "more-than", "up-to", "fewer-than", "range"];
    for (let k = 0; k < 500; k++) {
      const claims = Array.from({ length: 2 + Math.floor(rnd() * 4) }, (_, i) => {
        const q = qs[Math.floor(rnd() * qs.length)]!;
        const a = Math.round(rnd() * 20);
        const b = a + Math.round(rnd() * 10);
        return q === "range" ? claim(`c${i}`, q, undefined, a, b) : claim(`c${i}`, q, a);
      });
      const result = computeAgreement(claims);
      const intervals = new Map(claims.map((c) => [c.id, claimInterval(c)!]));
      if (result.status === "conflict") {
        const [x, y] = result.pair!.map((id) => intervals.get(id)!);
        const meet: Interval = { lo: Math.max(x!.lo, y!.lo), hi: Math.min(x!.hi, y!.hi), loOpen: x!.lo > y!.lo ? x!.loOpen : x!.lo < y!.lo ? y!.loOpen : x!.loOpen || y!.loOpen, hiOpen: x!.hi < y!.hi ? x!.hiOpen : x!.hi > y!.hi ? y!.hiOpen : x!.hiOpen || y!.hiOpen };
        expect(isEmpty(meet)).toBe(true);
      } else {
        expect(result.status).toBe("agree");
        const band = result.band!;
        // A value inside the band is inside every claim.
        const probe = Number.isFinite(band.lo) && Number.isFinite(band.hi) ? (band.lo + band.hi) / 2 : Number.isFinite(band.lo) ? band.lo + 1 : band.hi - 1;
        for (const i of intervals.values()) expect(contains(i, probe)).toBe(true);
      }
    }
  });
});
