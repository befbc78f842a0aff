import { MonthTable, StaffMonths } from "../../src/engine/month-table";
import { addDraftFinding, NO_FINDINGS, type RowDraft } from "../../src/engine/draft";
import { finding, flat } from "../../src/engine/findings";
import { findingCodeInfo } from "../../src/rules/finding-codes";
import { RuleSet } from "../../src/rules/ruleset";
import type { Finding, MaxAmount } from "../../src/rules/types";
import { makeRow } from "../helpers/rows";

const MONTHS = ["2025-04-01", "2025-05-01", "2025-06-01"];

function maximum(amount: number): MaxAmount {
  const rules = new RuleSet();
  return { ...rules.maxAmount("clinical-pharmacist", "2025-04-01", "national")!, amount };
}

describe("the month table keeps each month's maximum", () => {
  it("gives back the same maximum object for every row and month that used it, and null for none", () => {
    const a = maximum(50_000);
    const b = maximum(60_000);
    const table = new MonthTable(3, MONTHS);
    const uses: (MaxAmount | null)[][] = [[a, a, b], [null, b, null], [b, a, a]];
    uses.forEach((months, row) => months.forEach((rate, i) => table.row(row).set(i, 30, 30, 1, 100, null, rate, 10, 10)));
    uses.forEach((months, row) => months.forEach((rate, i) => expect(table.row(row).rate(i)).toBe(rate)));
    expect(table.row(0).maximumAnnual(2)).toBe(60_000);
    expect(table.row(1).maximumAnnual(0)).toBeNull();
  });

  it("reads months made from claims as they were given", () => {
    const a = maximum(50_000);
    const months = StaffMonths.fromClaims(MONTHS.map((month, i) => ({
      month, daysInPost: 30, daysInMonth: 30, wte: 1, cost: 100 + i, maximumAnnual: i === 1 ? null : a.amount,
      maximumForMonth: i === 1 ? null : 90, claimable: i === 1 ? 0 : 90, limit: i === 1 ? "no-rate" as const : "over-max" as const, rate: i === 1 ? null : a,
    })));
    expect(months.claims().map((c) => [c.rate, c.limit, c.maximumForMonth])).toEqual([[a, "over-max", 90], [null, "no-rate", null], [a, "over-max", 90]]);
  });
});

describe("a new month table", () => {
  it("reads as nothing: no days, WTE, cost, limit or maximum, and nothing claimed (the engine writes only what differs)", () => {
    const months = new MonthTable(2, MONTHS).row(1);
    expect(months.claims()).toEqual(MONTHS.map((month) => ({
      month, daysInPost: 0, daysInMonth: 0, wte: 0, cost: 0, maximumAnnual: null, maximumForMonth: null, claimable: 0, limit: null, rate: null,
    })));
  });
});

describe("findings", () => {
  it("all have one shape, and JSON leaves out what a finding does not have", () => {
    const a = finding("NOT_IN_YEAR", "m", "s", { rowNumber: 7 });
    const b = finding("ONCOSTS_ESTIMATED", "m", "s", { rowNumber: 8, field: "employerNi", details: { x: 1 } });
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(JSON.parse(JSON.stringify(a))).toEqual({ code: "NOT_IN_YEAR", severity: findingCodeInfo("NOT_IN_YEAR").severity, message: "m", source: "s", rowNumber: 7 });
    expect(Object.keys(JSON.parse(JSON.stringify(b)))).toEqual(["code", "severity", "message", "source", "rowNumber", "field", "details"]);
  });
});

describe("a finding's words made with flat", () => {
  it.each<[string, string | number]>([
    ["a string", "£1,234.56"],
    ["an empty string", ""],
    ["a whole number", 12],
    ["a fraction", 0.8],
    ["negative zero", -0],
    ["a very large number", 1e21],
    ["not a number", Number.NaN],
  ])("read as the same template literal would, with %s", (_what, value) => {
    expect(flat`Costs ${value} a year (${value}).`).toBe(`Costs ${value} a year (${value}).`);
  });

  it("with no values, and with a value first and last", () => {
    expect(flat`Nothing to claim.`).toBe("Nothing to claim.");
    expect(flat`${"a"} and ${2}`).toBe("a and 2");
  });
});

describe("a draft's findings", () => {
  const note: Finding = { code: "DUPLICATE_PERSON", severity: "warning", message: "m", source: "s", rowNumber: 5 };

  it("a draft with none gets an array of its own on its first finding, and the shared empty list stays empty", () => {
    const months = new MonthTable(2, MONTHS);
    const first: RowDraft = { row: makeRow({ rowNumber: 5 }), role: null, usable: true, months: months.row(0), findings: NO_FINDINGS };
    const second: RowDraft = { row: makeRow({ rowNumber: 6 }), role: null, usable: true, months: months.row(1), findings: NO_FINDINGS };
    addDraftFinding(first, note);
    addDraftFinding(first, note);
    expect(first.findings).toEqual([note, note]);
    expect(second.findings).toHaveLength(0);
    expect(NO_FINDINGS).toHaveLength(0);
    expect(Object.isFrozen(NO_FINDINGS)).toBe(true);
  });
});
