/**
 * functions.json as the build generates it: custom-functions-metadata (what
 * custom-functions-metadata-plugin runs in webpack.config.js) on src/functions/functions.ts. Every
 * function is there with its parameters, optional flags, descriptions, and "matrix" for ranges in and
 * results out; each description that has a date says that a missing date means today.
 */
import * as path from "node:path";
import { generateCustomFunctionsMetadata, type IFunction } from "custom-functions-metadata";

const FUNCTIONS_TS = path.join(__dirname, "..", "..", "src", "functions", "functions.ts");

/** Each function's parameters: name, and "?" when optional. All take ranges unless marked "scalar". */
const EXPECTED: Record<string, string[]> = {
  CAP: ["role", "listSize", "date?"],
  MAXREIMB: ["role", "date?", "region?"],
  CLAIM: ["role", "annualCost", "wte", "start", "end?", "financialYear?", "region?"],
  MONTHLY: ["role", "annualCost", "wte", "start", "end?", "financialYear?", "region?"],
  ELIGIBLE: ["role", "date?"],
  ENTITLEMENT: ["weightedPopulation", "financialYear"],
  ROLES: ["date? scalar"],
  ROLE: ["text"],
  SOURCE: ["role", "date?", "region?"],
  UNSPENT: ["entitlement", "claims", "asOf?", "financialYear?"],
};

describe("functions.json generated from functions.ts", () => {
  let functions: IFunction[];
  const byId = (id: string) => functions.find((f) => f.id === id)!;

  beforeAll(async () => {
    const generated = await generateCustomFunctionsMetadata(FUNCTIONS_TS);
    expect(generated.errors).toEqual([]);
    functions = (JSON.parse(generated.metadataJson) as { functions: IFunction[] }).functions;
  }, 60_000);

  test("lists the ten ARRS functions, and VERSION", () => {
    expect(functions.map((f) => f.id).sort()).toEqual([...Object.keys(EXPECTED), "VERSION"].sort());
    for (const f of functions) expect(f.name).toBe(f.id);
  });

  test.each(Object.entries(EXPECTED))("%s: parameters, optional flags, ranges in and out", (id, parameters) => {
    const fn = byId(id);
    expect(fn.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}${p.dimensionality === "matrix" ? "" : " scalar"}`)).toEqual(parameters);
    for (const p of fn.parameters) {
      expect(p.type).toBe("any");
      expect(p.description && p.description.length).toBeGreaterThan(10);
    }
    expect(fn.result?.dimensionality).toBe("matrix");
  });

  test("descriptions: present, short enough for Excel's function help, and say what a missing date means", () => {
    for (const fn of functions) {
      expect(fn.description?.length).toBeGreaterThan(20);
      expect({ id: fn.id, length: fn.description!.length <= 255 }).toEqual({ id: fn.id, length: true });
      if (fn.parameters.some((p) => p.name === "date")) {
        expect({ id: fn.id, today: /missing date means today/i.test(fn.description!) }).toEqual({ id: fn.id, today: true });
        const date = fn.parameters.find((p) => p.name === "date")!;
        expect(date.description).toMatch(/Missing means today/);
      }
      if (fn.parameters.some((p) => p.name === "financialYear" && p.optional)) {
        expect(fn.description).toMatch(/missing financial year means the current one/i);
      }
    }
  });

  test("no function is volatile or streaming: results change only with their arguments and the rate sheets", () => {
    for (const fn of functions) expect(fn.options ?? {}).not.toMatchObject({ volatile: true });
    for (const fn of functions) expect(fn.options ?? {}).not.toMatchObject({ stream: true });
  });
});
