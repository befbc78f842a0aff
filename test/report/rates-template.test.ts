/**
 * The rates template (src/report/rates-template.ts): one row per role claimable in the year, MHP rows
 * per band and table from 2025/26, known figures filled and cited, blanks shaded, last year beside them;
 * and the rates reader reads it back as written.
 */
import { financialYearStarting } from "../../src/common/dates";
import type { CellValue } from "../../src/common/grid";
import { buildRatesTemplate, ratesSheetName } from "../../src/report/rates-template";
import type { OutputCell } from "../../src/report/types";
import { readRateSheet } from "../../src/roster/rate-sheet";
import { RuleSet } from "../../src/rules/ruleset";

const rules = new RuleSet();
const HEADER_ROW = 6;
const values = (rows: OutputCell[][]): CellValue[][] => rows.map((row) => row.map((cell) => (typeof cell.value === "object" && cell.value !== null ? null : cell.value as CellValue)));

describe("buildRatesTemplate", () => {
  const y2026 = buildRatesTemplate(rules, financialYearStarting(2026));

  test("names the sheet and the document to copy from", () => {
    expect(y2026.sheet.name).toBe("ARRS max reimb 26-27");
    expect(ratesSheetName(financialYearStarting(2019))).toBe("ARRS max reimb 19-20");
    expect(y2026.sheet.rows[1][0].value).toMatch(/Network Contract DES Contract specification 2026\/27.*Table 2.*Tables 3a and 3b.*Table 3c/);
    expect(y2026.sheet.rows[HEADER_ROW - 1].map((c) => c.value)).toEqual([
      "Role", "AfC band", "National", "Outer London", "Inner London", "Source",
      "2025/26 National (for reference)", "2025/26 Outer London (for reference)", "2025/26 Inner London (for reference)",
    ]);
    expect(y2026.sheet.freezeRows).toBe(HEADER_ROW);
  });

  test("2026/27: one row per claimable role, MHPs per band and table, every amount blank and shaded", () => {
    const body = y2026.sheet.rows.slice(HEADER_ROW);
    const mhp = body.filter((row) => String(row[0].value).startsWith("Mental Health Practitioner"));
    expect(mhp.map((row) => row[1].value)).toEqual(["4", "5", "6", "7", "8a", "4", "5", "6", "7", "8a"]);
    expect(mhp[0][0].value).toMatch(/50%, Table 3a/);
    expect(mhp[5][0].value).toMatch(/100%, Table 3b/);
    expect(body).toHaveLength(rules.rolesClaimableOn("2027-03-31").length - 1 + 10);
    for (const row of body) {
      for (const cell of row.slice(2, 5)) expect(cell).toEqual({ value: null, format: "money", style: "warning" });
      expect(row[5].value).toMatch(/^To fill in from the DES 2026\/27, Table (2|3a|3b|3c)\.$/);
    }
    expect(body.find((row) => row[0].value === "General Practitioner")![5].value).toMatch(/Table 3c/);
    expect(y2026.firstBlank).toBe("C7");
    expect(y2026.blanks).toBe(body.length * 3);
    // Last year's figures, for comparison.
    expect(body[0].slice(6).map((c) => c.value)).toEqual([66972, 74392, 77545]);
    // A note row says what the shading means.
    expect(y2026.sheet.rows.slice(0, HEADER_ROW).map((r) => r[0]?.value).join(" ")).toMatch(/Shaded cells are figures the tool does not have/);
  });

  test("2025/26: the known figures are filled and cited", () => {
    const y2025 = buildRatesTemplate(rules, financialYearStarting(2025));
    const pharmacist = y2025.sheet.rows[HEADER_ROW];
    expect(pharmacist.slice(0, 5).map((c) => c.value)).toEqual(["Clinical Pharmacist", "7-8a", 66972, 74392, 77545]);
    expect(pharmacist[2].style).toBeUndefined();
    expect(pharmacist[5].value).toMatch(/Network Contract DES Contract specification 2025\/26.*Table 2.*\(published\)/);
    const blankCells = y2025.sheet.rows.slice(HEADER_ROW).flatMap((row) => row.slice(2, 5)).filter((c) => c.value === null);
    expect(y2025.blanks).toBe(blankCells.length);
  });

  test("2024/25: no MHP tables yet, and GPs (claimable from October 2024) are on the sheet", () => {
    const y2024 = buildRatesTemplate(rules, financialYearStarting(2024));
    const roles = y2024.sheet.rows.slice(HEADER_ROW).map((row) => row[0].value);
    expect(roles).toContain("Mental Health Practitioner");
    expect(roles).toContain("General Practitioner");
    expect(roles).not.toContain("Healthcare Support Worker");
    expect(y2024.sheet.rows[1][0].value).toMatch(/, Table 2\.$/);
  });

  test.each([2025, 2026])("the rates reader reads the %i template back: its figures, no warnings", (startYear) => {
    const year = financialYearStarting(startYear);
    const template = buildRatesTemplate(rules, year);
    const result = readRateSheet({ sheetName: template.sheet.name, firstRow: 1, firstColumn: 1, values: values(template.sheet.rows) }, { rules, checkedYear: year });
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    for (const o of result.overrides) {
      expect(rules.builtInAmount(o.role, o.from, o.region, { band: o.band ?? null, mhpTable: o.mhpTable ?? null })?.amount).toBe(o.amount);
    }
    const known = template.sheet.rows.slice(HEADER_ROW).flatMap((row) => row.slice(2, 5)).filter((c) => c.value !== null).length;
    // GP rows give outer and inner London apart, so every known cell is one override.
    expect(result.overrides).toHaveLength(known);
  });
});
