/**
 * Where the maximums come from (src/pipeline/rate-sources.ts): a rates file first, then the roster
 * workbook's own sheets, then the built-in figures; a figure two of them give differently is one
 * RATE_SOURCES_DIFFER finding for the PCN.
 */
import { financialYearStarting } from "../../src/common/dates";
import type { CellValue, Grid } from "../../src/common/grid";
import { rulesWithRateSheets } from "../../src/pipeline/rate-sources";
import { RuleSet } from "../../src/rules/ruleset";

const sheet = (sheetName: string, values: CellValue[][]): Grid => ({ sheetName, firstRow: 1, firstColumn: 1, values });
const checkedYear = financialYearStarting(2025);
const rules = new RuleSet();

describe("rulesWithRateSheets", () => {
  test("the rates file's figure is found first, cites the file, and the difference is one warning", () => {
    const file = sheet("ARRS max reimb 25-26", [["Role", "National"], ["Paramedic", 67000]]);
    const own = sheet("ARRS max reimb 25-26", [["Role", "National"], ["Paramedic", 66000]]);
    const { rules: used, findings } = rulesWithRateSheets(rules, { sources: [{ grids: [file], workbook: "icb.xlsx" }, { grids: [own] }], checkedYear });
    const amount = used.maxAmount("paramedic", "2025-06-01", "national")!;
    expect(amount.amount).toBe(67000);
    expect(amount.source.title).toBe("\"ARRS max reimb 25-26\" sheet of icb.xlsx");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: "RATE_SOURCES_DIFFER", severity: "warning" });
    expect(findings[0].message).toMatch(/£67,000 from the "ARRS max reimb 25-26" sheet of icb\.xlsx \(row 2\) was used; the "ARRS max reimb 25-26" sheet in this workbook \(row 2\) gives £66,000; the built-in figure is £64,907/);
  });

  test("a user's figure that differs only from the built-in one is a note; the same figure is nothing", () => {
    const own = sheet("ARRS max reimb 25-26", [["Role", "National"], ["Clinical pharmacist", 69383], ["Pharmacy technician", 43352]]);
    const { findings } = rulesWithRateSheets(rules, { sources: [{ grids: [own] }], checkedYear });
    expect(findings).toEqual([expect.objectContaining({ code: "RATE_SOURCES_DIFFER", severity: "info" })]);
    expect(findings[0].message).toMatch(/national maximum for Clinical Pharmacist for 2025\/26.*£69,383.*built-in figure is £66,972/);
  });

  test("the rates file's problems name the file", () => {
    const file = sheet("ARRS max reimb 25-26", [["Role", "National"], ["Receptionist", 25000]]);
    const { findings } = rulesWithRateSheets(rules, { sources: [{ grids: [file], workbook: "icb.xlsx" }], checkedYear });
    expect(findings).toEqual([expect.objectContaining({ code: "RATE_SHEET_PROBLEM", message: expect.stringMatching(/^icb\.xlsx: Row 2/) })]);
  });
});
