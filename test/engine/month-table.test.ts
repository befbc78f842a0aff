import { MonthTable, StaffMonths } from "../../src/engine/month-table";
import { finding, flat } from "../../src/engine/findings";
import { findingCodeInfo } from "../../src/rules/finding-codes";
import { RuleSet } from "../../src/rules/ruleset";
import type { MaxAmount } from "../../src/rules/types";

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

describe("a month's WTE, cost and maximum, worked out from the row's", () => {
  // Three months; May and June use a second set of on-cost rates (as when NI changes mid-year).
  function engineTable(): MonthTable {
    const table = new MonthTable(2, MONTHS, [0, 1, 1]);
    const rate = maximum(48_000);
    // Row 1: 0.8 WTE, £40,000 a year with April's rates and £41,000 with the later ones; in post
    // all of April, 15 days of May, not in June.
    table.rowWte[1] = 0.8;
    table.annualCost[1 * table.costSets + 0] = 40_000;
    table.annualCost[1 * table.costSets + 1] = 41_000;
    const row = table.row(1);
    [[30, 30], [15, 31], [0, 30]].forEach(([days, inMonth], i) => {
      table.daysInPost[row.first + i] = days;
      table.daysInMonth[row.first + i] = inMonth;
    });
    table.setRate(row.first + 0, rate);
    table.setRate(row.first + 1, null);
    return table;
  }

  it("reads each month as the engine's sums give it, and nothing for a month not in post", () => {
    const months = engineTable().row(1);
    expect([0, 1, 2].map((i) => months.wte(i))).toEqual([0.8, 0.8, 0]);
    expect(months.cost(0)).toBe((1 * 40_000) / 12);
    expect(months.cost(1)).toBe(((15 / 31) * 41_000) / 12);
    expect(months.cost(2)).toBe(0);
    expect(months.maximumForMonth(0)).toBe((1 * 48_000 * 0.8) / 12);
    expect(months.maximumForMonth(1)).toBeNull();
    expect(engineTable().row(0).claims().map((c) => [c.wte, c.cost, c.maximumForMonth])).toEqual([[0, 0, null], [0, 0, null], [0, 0, null]]);
  });

  it("counts the WTE a cap allows in a month it held down, and the row's WTE in the others", () => {
    const months = engineTable().row(1);
    months.setCapped(0, 0.25, 100, "beyond-cap");
    expect([months.wte(0), months.claimable(0), months.limit(0), months.wte(1)]).toEqual([0.25, 100, "beyond-cap", 0.8]);
  });

  it("gives a row's cost for the year as the engine summed it, and as its months' costs summed once months are given", () => {
    const table = engineTable();
    table.yearCost[1] = 12_345;
    expect(table.row(1).yearCost()).toBe(12_345);
    table.row(0).set(0, 30, 30, 1, 500, null, null, null, 0);
    const months = table.row(1);
    expect(months.yearCost()).toBe(months.cost(0) + months.cost(1) + months.cost(2));
    expect(table.row(0).yearCost()).toBe(500);
  });

  it("numbers each maximum once, 0 for none, the same number however it is written", () => {
    const table = new MonthTable(1, MONTHS);
    const a = maximum(50_000);
    const b = maximum(60_000);
    const numbers = [table.numberOfRate(a), table.numberOfRate(b), table.numberOfRate(a), table.numberOfRate(null)];
    expect(numbers).toEqual([1, 2, 1, 0]);
    table.setRate(0, b);
    expect(table.rateNumber[0]).toBe(2);
    table.rateNumber[1] = numbers[0];
    expect(table.row(0).rate(1)).toBe(a);
  });

  it("keeps what months read as when another month of the table is then written whole", () => {
    const table = engineTable();
    const before = table.row(1).claims();
    table.row(0).set(0, 30, 30, 1, 500, null, null, null, 0);
    expect(table.row(1).claims()).toEqual(before);
    expect(table.row(0).cost(0)).toBe(500);
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
