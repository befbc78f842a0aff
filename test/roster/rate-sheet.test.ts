import { financialYearFromSheetName, readRateSheet } from "../../src/roster/rate-sheet";
import { financialYearStarting } from "../../src/common/dates";
import { RuleSet } from "../../src/rules/ruleset";
import type { CellValue } from "../../src/common/grid";
import { grid } from "./grids";

const rules = new RuleSet();
const checkedYear = financialYearStarting(2025);
const readSheet = (name: string, values: CellValue[][]) => readRateSheet(grid(name, values), { rules, checkedYear });

describe("financialYearFromSheetName", () => {
  test.each([
    ["ARRS max reimb 22-23", "2022/23"],
    ["ARRS max reimb 2025-26", "2025/26"],
    ["ARRS max reimb 25/26", "2025/26"],
    ["arrs MAX reimb 2024/2025", "2024/25"],
    ["ARRS max reimb 2023", "2023/24"],
    ["ARRS max reimb", null],
    ["ARRS max reimb 22-24", null],
  ])("%p → %p", (name, label) => {
    expect(financialYearFromSheetName(name)?.label ?? null).toBe(label);
  });
});

describe("readRateSheet", () => {
  test("one amount column under title rows is the national rate for the year the name gives", () => {
    const result = readSheet("ARRS max reimb 22-23", [
      ["Maximum reimbursable amounts"],
      ["Including employer on-costs"],
      [],
      ["Role", "Band", "Max reimbursement"],
      ["Clinical Pharmacist", "7-8a", "£55,670"],
      ["Social Prescribing Link Worker", "5", 35389],
      ["Care Co-ordinator", "4", null],
    ]);
    expect(result.financialYear.label).toBe("2022/23");
    // The role named without a figure is listed once, as a note, rather than passed over silently.
    expect(result.findings).toEqual([expect.objectContaining({ code: "RATE_SHEET_PROBLEM", severity: "info" })]);
    expect(result.findings[0].message).toMatch(/no 2022\/23 figure for Care Co-ordinator \(row 7\)/);
    expect(result.overrides).toEqual([
      { role: "clinical-pharmacist", region: "national", amount: 55670, from: "2022-04-01", to: "2023-03-31", sheetName: "ARRS max reimb 22-23", rowNumber: 5 },
      { role: "social-prescribing-link-worker", region: "national", amount: 35389, from: "2022-04-01", to: "2023-03-31", sheetName: "ARRS max reimb 22-23", rowNumber: 6 },
    ]);
  });

  test.each(["Maximum", "Amount", "Annual max", "Max reimb"])("a single %p column is national", (header) => {
    const result = readSheet("ARRS max reimb", [["ARRS role", header], ["Paramedic", 60000]]);
    expect(result.overrides).toEqual([expect.objectContaining({ role: "paramedic", region: "national", amount: 60000 })]);
  });

  test("three region columns, and a sheet with no year is for the checked year", () => {
    const result = readSheet("ARRS max reimb", [
      ["Role", "National", "Outer London", "Inner London"],
      ["Paramedic", 60000, 63000, 66000],
      ["Dietitian", 57000, "", "62,000"],
    ]);
    expect(result.financialYear.label).toBe("2025/26");
    expect(result.overrides.map((o) => [o.role, o.region, o.amount, o.from, o.to, o.rowNumber])).toEqual([
      ["paramedic", "national", 60000, "2025-04-01", "2026-03-31", 2],
      ["paramedic", "outer-london", 63000, "2025-04-01", "2026-03-31", 2],
      ["paramedic", "inner-london", 66000, "2025-04-01", "2026-03-31", 2],
      ["dietitian", "national", 57000, "2025-04-01", "2026-03-31", 3],
      ["dietitian", "inner-london", 62000, "2025-04-01", "2026-03-31", 3],
    ]);
  });

  test("bad rows are warnings with the row number; the good rows are kept", () => {
    const result = readSheet("ARRS max reimb 25/26", [
      ["Job role", "Max reimbursement (national)", "Max reimbursement (outer London)"],
      ["Receptionist", 25000, null],
      ["Paramedic", "tbc", 61000],
      ["Dietitian", "(500)", 0],
      ["Paramedic", 62000, null],
      ["Notes: figures include NI and pension", null, null],
      ["Total", 100000, null],
    ]);
    expect(result.overrides.map((o) => [o.role, o.region, o.amount, o.rowNumber])).toEqual([
      ["paramedic", "outer-london", 61000, 3],
      ["paramedic", "national", 62000, 5],
    ]);
    expect(result.findings.map((f) => [f.code, f.severity, f.rowNumber])).toEqual([
      ["RATE_SHEET_PROBLEM", "warning", 2],
      ["RATE_SHEET_PROBLEM", "warning", 3],
      ["RATE_SHEET_PROBLEM", "warning", 4],
      ["RATE_SHEET_PROBLEM", "warning", 4],
    ]);
    expect(result.findings[0].message).toMatch(/"Receptionist" is not one the tool recognises.*Rename it/);
    expect(result.findings[1].message).toMatch(/"tbc" is not an amount.*Enter the annual maximum/);
    expect(result.findings[2].message).toMatch(/is negative/);
    expect(result.findings[3].message).toMatch(/is zero/);
  });

  test("a role given twice for the same region keeps the first and warns", () => {
    const result = readSheet("ARRS max reimb 25-26", [
      ["Role", "Band", "Maximum"],
      ["Clinical pharmacist", "7", 50000],
      ["Clinical pharmacist", "8a", 58000],
    ]);
    expect(result.overrides).toEqual([expect.objectContaining({ role: "clinical-pharmacist", amount: 50000, rowNumber: 2 })]);
    expect(result.findings).toEqual([expect.objectContaining({ code: "RATE_SHEET_PROBLEM", rowNumber: 3 })]);
    expect(result.findings[0].message).toMatch(/second national maximum for Clinical Pharmacist; the one on row 2 was used/);
  });

  test("the band column settles band-dependent roles", () => {
    const result = readSheet("ARRS max reimb 25-26", [["Role", "Band", "Maximum"], ["Practice nurse", "5", 40000], ["Practice nurse", "6", 47000]]);
    expect(result.overrides.map((o) => o.role)).toEqual(["new-to-general-practice-nurse", "experienced-general-practice-nurse"]);
  });

  test("salary and on-cost columns are not taken for the maximum", () => {
    const result = readSheet("ARRS max reimb 25-26", [["Role", "Max salary", "Employer NI", "Total"], ["Paramedic", 50000, 6000, 63000]]);
    expect(result.overrides).toEqual([expect.objectContaining({ role: "paramedic", region: "national", amount: 63000 })]);
  });

  test("a title naming another year, on a sheet whose name gives none, is a warning", () => {
    const result = readSheet("ARRS max reimb", [["Maximum reimbursement 2023/24"], ["Role", "Maximum"], ["Paramedic", 55000]]);
    expect(result.financialYear.label).toBe("2025/26");
    expect(result.overrides).toHaveLength(1);
    expect(result.findings).toEqual([expect.objectContaining({ code: "RATE_SHEET_PROBLEM" })]);
    expect(result.findings[0].message).toMatch(/title mentions 2023\/24.*rename the sheet "ARRS max reimb 2023-24"/);
  });

  test("a sheet with no usable header is one warning", () => {
    const result = readSheet("ARRS max reimb 25-26", [["Some notes"], ["Paramedic", 1]]);
    expect(result.overrides).toEqual([]);
    expect(result.findings).toEqual([expect.objectContaining({ code: "RATE_SHEET_PROBLEM", severity: "warning" })]);
    expect(result.findings[0].message).toMatch(/"Role" column/);
  });

  test("odd cells and an empty grid do not throw", () => {
    expect(() => readSheet("ARRS max reimb", [])).not.toThrow();
    const result = readSheet("ARRS max reimb", [["Role", "Maximum"], [true, new Date(0)], ["=A1", "@x"], ["Paramedic", true]]);
    expect(result.overrides).toEqual([]);
    expect(result.findings.length).toBe(3);
  });
});
