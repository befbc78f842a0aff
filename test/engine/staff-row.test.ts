import { checkRoster } from "../../src/engine/check";
import { MonthTable } from "../../src/engine/month-table";
import { NO_FINDINGS, StaffRow } from "../../src/engine/staff-row";
import { RuleSet } from "../../src/rules/ruleset";
import type { Finding } from "../../src/rules/types";
import { makeRow } from "../helpers/rows";

const MONTHS = ["2025-04-01", "2025-05-01", "2025-06-01"];
const rules = new RuleSet();
const settings = { financialYear: "2025/26", listSize: 60000, weightedPopulation: 60000, region: "national" as const };

describe("a row's findings before it is finished", () => {
  const note: Finding = { code: "DUPLICATE_PERSON", severity: "warning", message: "m", source: "s", rowNumber: 5 };

  it("a row with none gets an array of its own on its first finding, and the shared empty list stays empty", () => {
    const table = new MonthTable(2, MONTHS);
    const first = new StaffRow(makeRow({ rowNumber: 5 }), null, false, table, 0, NO_FINDINGS as Finding[]);
    const second = new StaffRow(makeRow({ rowNumber: 6 }), null, false, table, 1, NO_FINDINGS as Finding[]);
    first.addFinding(note);
    first.addFinding(note);
    expect(first.findings).toEqual([note, note]);
    expect(second.findings).toHaveLength(0);
    expect(NO_FINDINGS).toHaveLength(0);
    expect(Object.isFrozen(NO_FINDINGS)).toBe(true);
  });
});

describe("a row as its result", () => {
  it("reads its values from the roster row, and its figures from the table once finished", () => {
    const table = new MonthTable(2, MONTHS);
    const row = makeRow({ rowNumber: 9, name: "Asha Patel", staffId: "A1", wte: 0.8, employerNi: null });
    const person = new StaffRow(row, rules.role("clinical-pharmacist")!, true, table, 1, NO_FINDINGS as Finding[]);
    person.finish([], "ok", 1234.5, 10.25, 5000, 7190, 62190);
    expect(person).toMatchObject({
      rowNumber: 9, name: "Asha Patel", staffId: "A1", role: "clinical-pharmacist", roleName: "Clinical Pharmacist",
      roleText: "Clinical Pharmacist", wte: 0.8, start: "2025-04-01", end: null, salary: 50000,
      employerNi: 5000, employerPension: 7190, onCostsEstimated: true, annualCost: 62190, claimable: 1234.5, overMaxGap: 10.25,
      findings: [], status: "ok",
    });
    // The other row of the table is untouched.
    expect([table.rowClaimable[0], table.rowAnnualCost[0]]).toEqual([0, 0]);
  });

  it("reads its months from its own slots of the table, through a view made when asked for", () => {
    const table = new MonthTable(2, MONTHS);
    table.row(1).set(2, 30, 30, 1, 100, "over-max", null, 90, 90);
    const person = new StaffRow(makeRow({ rowNumber: 4 }), null, true, table, 1, NO_FINDINGS as Finding[]);
    expect(person.firstSlot).toBe(3);
    expect(person.months.claimables()).toEqual([0, 0, 90]);
    expect(person.months.limit(2)).toBe("over-max");
    // A view holds no months of its own: what the table holds is what every view reads.
    person.months.setCapped(2, 0.5, 45, "beyond-cap");
    expect(person.months.claim(2)).toMatchObject({ wte: 0.5, claimable: 45, limit: "beyond-cap" });
  });

  it("a row that cannot be claimed keeps its on-costs as given, has no annual cost, and estimated nothing", () => {
    const table = new MonthTable(1, MONTHS);
    const row = makeRow({ employerNi: -5, employerPension: null });
    const person = new StaffRow(row, null, false, table, 0, NO_FINDINGS as Finding[]);
    person.finish([], "error", 0, 0, 0, 0, 0);
    expect(person).toMatchObject({ role: null, roleName: null, employerNi: -5, employerPension: null, annualCost: null, onCostsEstimated: false, claimable: 0 });
  });

  it("in JSON is a plain object with the result's properties in order, months written whole", () => {
    const result = checkRoster({ rows: [makeRow({ employerPension: null }), makeRow({ rowNumber: 3, wte: 7 })], settings, rules });
    const written = JSON.parse(JSON.stringify(result.staff));
    expect(Object.keys(written[0])).toEqual([
      "rowNumber", "name", "staffId", "role", "roleName", "roleText", "wte", "start", "end", "salary", "employerNi", "employerPension",
      "onCostsEstimated", "annualCost", "months", "claimable", "overMaxGap", "findings", "status",
    ]);
    expect(written[0].months).toHaveLength(12);
    expect(written[0].months[0]).toMatchObject({ month: "2025-04-01", daysInPost: 30, claimable: result.staff[0].months.claimable(0) });
    expect(written[0]).toMatchObject({ employerPension: result.staff[0].employerPension, onCostsEstimated: true, status: result.staff[0].status });
    expect(written[1]).toMatchObject({ rowNumber: 3, wte: 7, annualCost: null, claimable: 0, status: "error" });
  });
});
