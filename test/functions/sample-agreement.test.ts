/**
 * =ARRS.CLAIM agrees, to the penny, with the claimable amount the task pane writes beside the roster,
 * for every row of examples/sample-pcn-2025-26.xlsx whose claim depends only on CLAIM's arguments.
 *
 * The pipeline runs on the sample (FileWorkbook + checkWorkbook, as the command line and the task
 * pane do); the workbook's "ARRS max reimb 25-26" sheet becomes the functions' rules the same way
 * (WorkbookRates, as functions.ts does in Excel). CLAIM is called with what an analyst would give it:
 * the Job title cell as written, salary + employer NI + employer pension, WTE (hours / 37.5), the
 * start and end cells as Excel passes them (date cells as serial numbers, text as text), "2025/26" and
 * the PCN's region.
 *
 * Rows the engine limits for reasons CLAIM cannot see are listed below with the reason, and what CLAIM
 * gives for them is checked too, so the list cannot go stale silently.
 */
import { readFileSync } from "node:fs";
import { excelSerialFromIso, parseFinancialYear } from "../../src/common/dates";
import { isRateSheetName } from "../../src/common/owned";
import * as arrs from "../../src/functions/arrs";
import { isCellError, type CellError } from "../../src/functions/arguments";
import { WorkbookRates } from "../../src/functions/workbook-rates";
import { checkWorkbook, type CheckedWorkbook } from "../../src/pipeline/check-workbook";
import { COMMAND_LINE_WORDS } from "../../src/pipeline/door-words";
import type { Grid } from "../../src/common/grid";
import { FileWorkbook } from "../helpers/file-workbook";
import { SAMPLE } from "../helpers/workbooks";

const TODAY = "2026-11-21";
const YEAR = "2025/26";

/**
 * Sheet row → why the task pane's figure cannot come from CLAIM's arguments, what the task pane writes
 * (0, or a claim) and what CLAIM gives. docs/functions.md lists the same rows.
 */
const NOT_COMPARABLE: Record<number, { reason: string; pane: "zero" | "claim"; claim: "value" | "na" | "more" }> = {
  10: { reason: "invalid row: the start date \"31/02/2025\" is not a date (the task pane writes 0 and INVALID_DATE; CLAIM is #VALUE!)", pane: "zero", claim: "value" },
  16: { reason: "on-costs the task pane estimates per pay period: in the part month the paramedic starts, employer NI is on the part pay above the full monthly threshold, while CLAIM takes one annual cost and pro-rates it (CLAIM gives a little more)", pane: "claim", claim: "more" },
  17: { reason: "GP started more than 2 years after CCT: the CCT date is not an argument of CLAIM (the task pane writes 0)", pane: "zero", claim: "more" },
  19: { reason: "nurse employed by the PCN in the last 12 months: that answer is not an argument of CLAIM (the task pane writes 0); \"Practice Nurse\" also needs its band", pane: "zero", claim: "value" },
  21: { reason: "invalid row: end date before start date (the task pane writes 0 and END_BEFORE_START; CLAIM is #VALUE!)", pane: "zero", claim: "value" },
  24: { reason: "Mental Health Practitioner: from 2025/26 the task pane claims by band and by the person's place in it (band 6, the first, on the 50% Table 3a); neither is an argument of CLAIM, which has no maximum without them (#N/A)", pane: "claim", claim: "na" },
  26: { reason: "the same person as row 5, at 1.4 WTE in total: the task pane cuts this later row so the person is claimed at 1.0 WTE (DUPLICATE_PERSON); CLAIM sees one row", pane: "claim", claim: "more" },
  25: { reason: "not an ARRS role, \"Receptionist (ARRS)\" (the task pane writes 0 and UNKNOWN_ROLE; CLAIM is #VALUE!)", pane: "zero", claim: "value" },
};

const pence = (amount: number) => Math.round(amount * 100);

/** A cell as Excel passes it to a custom function: dates as serial numbers, everything else as it is. */
function asExcelPasses(value: unknown): unknown {
  if (value instanceof Date) return excelSerialFromIso(value.toISOString().slice(0, 10));
  return value ?? "";
}

describe("ARRS.CLAIM against the task pane on the sample workbook", () => {
  let checked: CheckedWorkbook;
  let roster: Grid;
  let rates: WorkbookRates;

  beforeAll(async () => {
    const workbook = await FileWorkbook.fromBuffer(readFileSync(SAMPLE));
    const result = await checkWorkbook(workbook, { words: COMMAND_LINE_WORDS, today: TODAY });
    if (result.kind !== "checked") throw new Error(result.message);
    checked = result;
    roster = await workbook.readSheet(checked.roster.sheetName);
    const names = (await workbook.sheetNames()).filter(isRateSheetName);
    rates = new WorkbookRates(await Promise.all(names.map((n) => workbook.readSheet(n))));
  });

  /** The claimable figure the task pane writes for a sheet row, from the output it builds. */
  function written(rowNumber: number): number {
    const columns = checked.output.rosterColumns!;
    const index = columns.headers.findIndex((h) => typeof h.value === "string" && h.value.startsWith("ARRS claimable"));
    const row = columns.rows.find((r) => r.rowNumber === rowNumber)!;
    return row.cells[index].value as number;
  }

  function cell(rowNumber: number, field: string): unknown {
    const column = checked.roster.columns.find((c) => c.field === field);
    if (!column) return "";
    return roster.values[rowNumber - roster.firstRow]?.[column.column - roster.firstColumn] ?? null;
  }

  function claimFor(rowNumber: number): unknown {
    const row = checked.roster.rows.find((r) => r.rowNumber === rowNumber)!;
    const staff = checked.result.staff.find((s) => s.rowNumber === rowNumber)!;
    // Salary + employer NI + employer pension as the roster gives them; where it leaves the on-costs
    // blank (row 16), the engine's estimate of them, which an analyst would otherwise add by hand.
    const annualCost = row.employerNi !== null && row.employerPension !== null && row.annualSalary !== null
      ? row.annualSalary + row.employerNi + row.employerPension
      : staff.annualCost ?? "";
    const context = { today: TODAY, rules: (year: Parameters<WorkbookRates["rulesFor"]>[0]) => rates.rulesFor(year) };
    return arrs.claim(context, asExcelPasses(cell(rowNumber, "role")), annualCost, row.wte ?? "",
      asExcelPasses(cell(rowNumber, "start")), asExcelPasses(cell(rowNumber, "end")), YEAR, checked.result.settings.region);
  }

  test("the sample is what this test expects: 2025/26, national, 20 people on 21 rows, a rate sheet", () => {
    expect(checked.result.financialYear.label).toBe(YEAR);
    expect(checked.result.settings.region).toBe("national");
    expect(checked.roster.rows).toHaveLength(21);
    expect(checked.rateSheets).toEqual(["ARRS max reimb 25-26"]);
    expect(rates.rulesFor(parseFinancialYear(YEAR)!).overrides.length).toBeGreaterThan(0);
  });

  test("every row whose claim depends only on CLAIM's arguments agrees to the penny", () => {
    const compared: number[] = [];
    for (const row of checked.roster.rows) {
      if (NOT_COMPARABLE[row.rowNumber]) continue;
      const claim = claimFor(row.rowNumber);
      // To the penny: the task pane rounds each part of a month's cost (salary, NI, pension), CLAIM the
      // cost as one, so a row claimed at cost may differ by a penny.
      const given = isCellError(claim) ? claim : pence(claim as number);
      const near = typeof given === "number" && Math.abs(given - pence(written(row.rowNumber))) <= 1 ? pence(written(row.rowNumber)) : given;
      expect({ row: row.rowNumber, role: row.roleText, claim: near }).toEqual({ row: row.rowNumber, role: row.roleText, claim: pence(written(row.rowNumber)) });
      compared.push(row.rowNumber);
    }
    // Rows that claim against the workbook's own figures are among them (the care co-ordinator's £36,000).
    expect(compared).toEqual(expect.arrayContaining([5, 7, 11, 13, 15, 18, 20]));
    expect(compared).toHaveLength(checked.roster.rows.length - Object.keys(NOT_COMPARABLE).length);
    expect(written(11)).toBeGreaterThan(0);
  });

  const listed = Object.entries(NOT_COMPARABLE).map(([row, { reason, pane, claim }]) => [Number(row), reason, pane, claim] as const);
  test.each(listed)("row %d is listed (%s)", (rowNumber, _reason, pane, expected) => {
    if (pane === "zero") expect(written(rowNumber)).toBe(0);
    else expect(written(rowNumber)).toBeGreaterThan(0);
    const claim = claimFor(rowNumber);
    if (expected === "more") {
      expect(isCellError(claim)).toBe(false);
      expect(claim as number).toBeGreaterThan(written(rowNumber));
    } else {
      expect(isCellError(claim) && (claim as CellError).error).toBe(expected);
    }
  });

  // The sheet's one figure that differs from the built-in ones is the care co-ordinator's: £36,000 (its
  // row 13) against the built-in 2025/26 band 4 £36,150. Row 11's cost is within both, so its agreement
  // alone would not show the sheet is read: these check that CLAIM, like the task pane, uses the sheet.
  test("the care co-ordinator (row 11) is claimed against the sheet's £36,000, not the built-in £36,150, by both", () => {
    const row = checked.roster.rows.find((r) => r.rowNumber === 11)!;
    const staff = checked.result.staff.find((s) => s.rowNumber === 11)!;
    expect(staff.findings.filter((f) => f.code === "USER_RATE_USED").map((f) => f.message)).toEqual([expect.stringContaining("(row 13)")]);

    const withSheet = { today: TODAY, rules: (year: Parameters<WorkbookRates["rulesFor"]>[0]) => rates.rulesFor(year) };
    const builtIn = { today: TODAY };
    const role = cell(11, "role");
    expect(arrs.maxReimb(withSheet, role, "01/04/2025")).toBe(36000);
    expect(arrs.source(withSheet, role, "01/04/2025")).toBe('"ARRS max reimb 25-26" sheet in this workbook, row 13 (your own figure)');
    expect(arrs.maxReimb(builtIn, role, "01/04/2025")).toBe(36150);
    expect(arrs.source(builtIn, role, "01/04/2025")).toMatch(/Table 2/);

    // In post all year: a cost above both maximums claims the sheet's with it, the built-in one without.
    const start = asExcelPasses(cell(11, "start"));
    expect(row.wte).toBe(1);
    expect(arrs.claim(withSheet, role, 40000, row.wte, start, "", YEAR)).toBeCloseTo(36000, 8);
    expect(arrs.claim(builtIn, role, 40000, row.wte, start, "", YEAR)).toBeCloseTo(36150, 8);
    // Row 11's own cost is within both, so it is claimed in full either way.
    const cost = row.annualSalary! + row.employerNi! + row.employerPension!;
    expect(cost).toBeLessThan(36000);
    expect(pence(arrs.claim(builtIn, role, cost, row.wte, start, "", YEAR) as number)).toBe(pence(written(11)));
  });
});
