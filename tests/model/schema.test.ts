import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import schema from "../../src/schema.json";
import seeds from "../../examples/data/seeds.json";

/** Interface name → { property: required } read from src/model/types.ts with the TypeScript compiler. */
function interfacesOf(file: string): Record<string, Record<string, boolean>> {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const out: Record<string, Record<string, boolean>> = {};
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node)) return;
    const props: Record<string, boolean> = {};
    for (const m of node.members) if (ts.isPropertySignature(m) && m.name && ts.isIdentifier(m.name)) props[m.name.text] = !m.questionToken;
    out[node.name.text] = props;
  });
  return out;
}

function schemaProps(def: any): Record<string, boolean> {
  const required = new Set<string>(def.required ?? []);
  return Object.fromEntries(Object.keys(def.properties).map((k) => [k, required.has(k)]));
}

const types = interfacesOf("src/model/types.ts");
const defs = (schema as any).$defs;

describe("schema.json and types.ts", () => {
  const pairs: Array<[string, any]> = [
    ["Dataset", schema],
    ["Source", defs.Source],
    ["Actor", defs.Actor],
    ["Citation", defs.Citation],
    ["Event", defs.Event],
    ["Claim", defs.Claim],
    ["PromiseRecord", defs.Promise],
    ["PromiseWindow", defs.Promise.properties.window],
    ["PromiseOutcome", defs.Promise.properties.outcome],
  ];
  for (const [name, def] of pairs) {
    it(`schema ${name} has the same fields and required fields as the TypeScript type`, () => {
      const expected = { ...types[name]! };
      const actual = schemaProps(def);
      // The schema lets every list be missing (= empty), as the format says; the type has them after parsing.
      if (name === "Dataset") for (const k of ["sources", "actors", "events", "claims", "promises"]) expected[k] = false;
      expect(actual).toEqual(expected);
    });
  }

  it("schema enums match the TypeScript unions", () => {
    const text = readFileSync("src/model/types.ts", "utf8");
    const union = (n: string) => [...new RegExp(`export type ${n} = ([^;]+);`).exec(text)![1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    expect(defs.Claim.properties.qualifier.enum).toEqual(union("Qualifier"));
    expect(defs.Source.properties.kind.enum).toEqual(union("SourceKind"));
    expect(defs.Event.properties.status.enum).toEqual(union("EventStatus"));
    expect(defs.Promise.properties.outcome.properties.status.enum).toEqual(union("OutcomeStatus"));
    expect(defs.Event.properties.kind.examples).toEqual(union("EventKind"));
  });

  it("schema Promise needs a window or a deadline (or both), as validation does", () => {
    expect(defs.Promise.required).not.toContain("window");
    expect(defs.Promise.anyOf).toEqual([{ required: ["window"] }, { required: ["deadline"] }]);
    expect(defs.Promise.properties.deadline.$ref).toBe("#/$defs/date");
    expect(defs.Promise.properties.checked.$ref).toBe("#/$defs/date");
  });

  it("schema outcome status includes partial, and Citation.disputes, Claim.supersedes, Event.importance have the types the TypeScript has", () => {
    expect(defs.Promise.properties.outcome.properties.status.enum).toContain("partial");
    expect(defs.Citation.properties.disputes.type).toBe("string");
    expect(defs.Claim.properties.supersedes.type).toBe("string");
    expect(defs.Event.properties.importance.type).toBe("number");
  });

  it("schema describes every record field (SHEETS.md is generated from these descriptions)", () => {
    const missing: string[] = [];
    for (const name of ["Source", "Actor", "Citation", "Event", "Claim", "Promise"]) {
      for (const [key, prop] of Object.entries<any>(defs[name].properties)) if (key !== "note" && !prop.description) missing.push(`${name}.${key}`);
    }
    expect(missing).toEqual([]);
  });

  it("schema Event kind lists every built-in kind in its description", () => {
    for (const kind of defs.Event.properties.kind.examples) expect(defs.Event.properties.kind.description).toContain(kind);
  });

  it("the seed dataset matches the schema's date and duration patterns", () => {
    const date = new RegExp(defs.date.pattern);
    const duration = new RegExp(defs.duration.pattern);
    for (const e of (seeds as any).events) expect(e.date).toMatch(date);
    for (const p of (seeds as any).promises) {
      expect(p.said).toMatch(date);
      if (p.window) {
        expect(p.window.min).toMatch(duration);
        expect(p.window.max).toMatch(duration);
      }
      for (const key of ["deadline", "checked"]) if (p[key] !== undefined) expect(p[key]).toMatch(date);
    }
  });
});
