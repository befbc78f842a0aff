/**
 * Issue 18 points 5 and 7, the reader's part: monthly salary, employer NI and pension are read × 12;
 * a supplier's fee (a year, or a month × 12) is read into supplierFee; every column not used is
 * listed with why; a value missing because its column was not recognised says so. Figures worked by
 * hand beside each case.
 */
import { headerField } from "../../src/roster/columns";
import { readRoster } from "../../src/roster/read-roster";
import { RuleSet } from "../../src/rules/ruleset";
import type { CellValue } from "../../src/common/grid";
import type { RosterReadResult } from "../../src/roster/types";
import { grid } from "./grids";

const rules = new RuleSet();
const read = (values: CellValue[][], mapping?: Record<string, string>): RosterReadResult =>
  readRoster(grid("Practice A", values), { rules, mapping });

describe("headers for monthly amounts and a supplier's fee", () => {
  test.each([
    ["Monthly salary", "annualSalary"],
    ["Salary per month", "annualSalary"],
    ["Gross pay (monthly)", "annualSalary"],
    ["Er NI (monthly)", "employerNi"],
    ["Employer NI per month", "employerNi"],
    ["Er pension (monthly)", "employerPension"],
    ["Employer's pension (monthly)", "employerPension"],
    ["Monthly fee", "supplierFee"],
    ["Invoice amount", "supplierFee"],
    ["Supplier fee (monthly)", "supplierFee"],
    ["Supplier fee", "supplierFee"],
    ["Contract cost", "supplierFee"],
    ["Annual contract value", "supplierFee"],
    // Still left unread:
    ["Hourly rate", null],
    ["Monthly total cost", null],
    ["Employee NI (monthly)", null],
    ["Employer NI % (monthly)", null],
    ["FTE salary per month", null],
    ["Total contract cost", null],
    ["Supplier", null],
    ["Contract end", "end"],
  ])("%p → %p", (header, field) => {
    expect(headerField(header)).toBe(field);
  });
});

describe("monthly columns are read × 12", () => {
  const header = ["Name", "Role", "WTE", "Start date", "Monthly salary", "Er NI (monthly)", "Er pension (monthly)"];

  test("salary, employer NI and pension a month → a year, with a note and no finding", () => {
    // £2,850.25 × 12 = £34,203.00; £300.10 × 12 = £3,601.20; £409.87 × 12 = £4,918.44.
    const result = read([header, ["Asha Patel", "Clinical Pharmacist", 1, "01/04/2025", 2850.25, "£300.10", 409.87]]);
    const [row] = result.rows;
    expect(row.annualSalary).toBeCloseTo(34203.0, 6);
    expect(row.employerNi).toBeCloseTo(3601.2, 6);
    expect(row.employerPension).toBeCloseTo(4918.44, 6);
    expect(row.salaryBasis).toBe("actual");
    expect(row.findings).toEqual([]);
    expect(result.findings).toEqual([]);
    expect(result.columns.map((c) => [c.field, c.header])).toEqual([
      ["name", "Name"], ["role", "Role"], ["wte", "WTE"], ["start", "Start date"],
      ["annualSalary", "Monthly salary"], ["employerNi", "Er NI (monthly)"], ["employerPension", "Er pension (monthly)"],
    ]);
    expect(result.notes).toEqual([
      'Monthly amounts were read × 12 as a year\'s: "Monthly salary" (column E), "Er NI (monthly)" (column F), "Er pension (monthly)" (column G).',
    ]);
    expect(result.unusedColumns).toEqual([]);
  });

  test("an annual column wins over a monthly one, which is listed as not used", () => {
    const result = read([
      ["Name", "Role", "WTE", "Start date", "Monthly salary", "Annual salary"],
      ["Asha Patel", "Clinical Pharmacist", 1, "01/04/2025", 2850.25, 34000],
    ]);
    expect(result.rows[0].annualSalary).toBe(34000);
    expect(result.notes).toEqual([]);
    expect(result.unusedColumns).toEqual([
      { sheet: "Practice A", column: "E", header: "Monthly salary", reason: '"Annual salary" is read for the same thing' },
    ]);
  });

  test.each([
    // An annual figure in a monthly column: £34,203 a month would be £410,436 a year.
    [34203, "is more than £20,000 a month; it looks like an annual amount"],
    // An hourly rate: £18.50 × 12 = £222 a year.
    [18.5, "a month is less than £1,000 a year; it looks like an hourly rate or a placeholder"],
  ])("a monthly salary of %p is not read: %s", (value, problem) => {
    const [row] = read([header, ["Asha Patel", "Clinical Pharmacist", 1, "01/04/2025", value, 300, 400]]).rows;
    expect(row.annualSalary).toBeNull();
    expect(row.findings).toEqual([expect.objectContaining({ code: "INVALID_AMOUNT", field: "annualSalary", column: "Monthly salary" })]);
    expect(row.findings[0].message).toContain(problem);
    expect(row.findings[0].message).toContain('take "monthly" out of its header');
  });
});

describe("a supplier's fee", () => {
  test.each([
    // A monthly fee: £4,200 × 12 = £50,400 a year.
    ["Monthly fee", 4200, 50400],
    // An invoice (a month's): £3,750.50 × 12 = £45,006 a year.
    ["Invoice amount", "£3,750.50", 45006],
    // A year's fee, as written.
    ["Contract cost", "£48,000", 48000],
    ["Supplier fee", 52000.4, 52000.4],
  ])("%p of %p → £%p a year, with no salary needed", (feeHeader, value, yearly) => {
    const result = read([
      ["Name", "Role", "WTE", "Start date", "Supplier", feeHeader, "Annual salary"],
      ["Dr Locum", "Paramedic", 1, "01/04/2025", "Agency Ltd", value, null],
    ]);
    const [row] = result.rows;
    expect(row.supplierFee).toBeCloseTo(yearly, 6);
    expect(row.annualSalary).toBeNull();
    expect(row.findings).toEqual([]);
    expect(result.unusedColumns).toEqual([
      { sheet: "Practice A", column: "E", header: "Supplier", reason: "left unread on purpose: The supplier's name, not its fee." },
    ]);
  });

  test("a row with no fee has no supplierFee", () => {
    const [row] = read([["Name", "Role", "WTE", "Supplier fee", "Annual salary"], ["A", "Paramedic", 1, null, 40000]]).rows;
    expect(row.supplierFee ?? null).toBeNull();
    expect(row.annualSalary).toBe(40000);
  });
});

describe("columns not used, and values missing because their column was not recognised", () => {
  test("every column not used is listed, with why", () => {
    const result = read([
      ["Staff ID", "Name", "Job title", "Hours per week", "Start date", "Annual salary", "Hourly rate", "Comments", "", "Salary"],
      ["OV1", "A", "Paramedic", 37.5, "01/04/2025", 40000, 20.51, "ok", "x", 1],
    ]);
    expect(result.unusedColumns).toEqual([
      { sheet: "Practice A", column: "G", header: "Hourly rate", reason: expect.stringMatching(/^left unread on purpose: Hourly figures/) },
      { sheet: "Practice A", column: "H", header: "Comments", reason: "header not recognised" },
      { sheet: "Practice A", column: "I", header: "", reason: "no header" },
      { sheet: "Practice A", column: "J", header: "Salary", reason: '"Annual salary" is read for the same thing' },
    ]);
    // Every needed column was found, so nothing is said on the row about a missing column.
    expect(result.rows[0].findings).toEqual([]);
  });

  test("no salary column recognised but a \"Pay\" column: the finding names it and the settings row", () => {
    const result = read([
      ["Name", "Role", "WTE", "Start date", "Pay", "Notes"],
      ["A", "Paramedic", 1, "01/04/2025", 40000, ""],
      ["B", "Paramedic", 1, "01/04/2025", 41000, "part time"],
    ]);
    expect(result.unusedColumns.map((u) => [u.column, u.header, u.reason])).toEqual([
      ["E", "Pay", "header not recognised"], ["F", "Notes", "header not recognised"],
    ]);
    for (const row of result.rows) {
      expect(row.annualSalary).toBeNull();
      expect(row.findings).toEqual([expect.objectContaining({ code: "MISSING_VALUE", severity: "error", field: "annualSalary", rowNumber: row.rowNumber })]);
      const { message } = row.findings[0];
      expect(message).toContain("No salary column was recognised in the header row (row 1) of sheet \"Practice A\"");
      expect(message).toContain("(it is not blank)");
      expect(message).toContain('Columns not recognised: "Pay" (E), "Notes" (F)');
      expect(message).toContain('"Column: annualSalary" row of the ARRS Settings sheet');
      expect(message).not.toMatch(/salary is blank/);
    }
  });

  test("mapping the column in ARRS Settings reads it, and the finding goes", () => {
    const result = read([["Name", "Role", "WTE", "Start date", "Pay"], ["A", "Paramedic", 1, "01/04/2025", 40000]], { annualSalary: "Pay" });
    expect(result.rows[0].annualSalary).toBe(40000);
    expect(result.rows[0].findings).toEqual([]);
    expect(result.unusedColumns).toEqual([]);
  });

  test("a row with a supplier's fee needs no salary column", () => {
    const result = read([["Name", "Role", "WTE", "Start date", "Monthly fee", "Notes"], ["A", "Paramedic", 1, "01/04/2025", 4000, "agency"]]);
    expect(result.rows[0].supplierFee).toBe(48000);
    expect(result.rows[0].findings).toEqual([]);
  });

  test("no start date or WTE column: each says so on the row", () => {
    const result = read([["Name", "Role", "Annual salary", "Began", "Time"], ["A", "Paramedic", 40000, "01/04/2025", "full"]]);
    expect(result.rows[0].findings.map((f) => [f.field, f.message.split(" in the header row")[0]])).toEqual([
      ["wte", "No WTE, hours or sessions column was recognised"],
      ["start", "No start date column was recognised"],
    ]);
  });

  test("skipped rows are kept with their reason", () => {
    const result = read([
      ["Name", "Role", "WTE", "Start date", "Annual salary"],
      ["A", "Paramedic", 1, "01/04/2025", 40000],
      ["Practice B", null, null, null, null],
      ["Name", "Role", "WTE", "Start date", "Annual salary"],
      ["Total", null, 1, null, 40000],
    ]);
    expect(result.skippedRows).toEqual([
      { rowNumber: 3, reason: 'only one cell filled ("Practice B"): read as a heading or note, not a person' },
      { rowNumber: 4, reason: "repeated header row" },
      { rowNumber: 5, reason: "totals row" },
    ]);
  });
});
