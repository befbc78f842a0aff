/**
 * The ICB workbook's four sheets built from a roll-up of real checks (the sample PCN, the fixture
 * with a roster per practice, and a workbook that could not be checked): a row per PCN with its
 * figures, the totals adding them, the chart of the year by PCN over the table's own cells, roles
 * adding up to the summary, the claim lines each PCN's own sheet holds, and every error and warning
 * with where it is.
 */
import { readFileSync } from "node:fs";
import { checkWorkbook } from "../../src/pipeline/check-workbook";
import { COMMAND_LINE_WORDS } from "../../src/pipeline/door-words";
import { buildClaimLinesSheet, countClaimLines } from "../../src/report/claim-lines-sheet";
import { pcnFigures } from "../../src/report/icb-figures";
import type { CheckedPcn, Rollup } from "../../src/report/icb-types";
import { buildIcbSheets, ICB_SHEETS } from "../../src/report/icb-workbook";
import type { OwnedSheet } from "../../src/report/types";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { fixture, SAMPLE } from "../helpers/workbooks";
import { cellAt, rowOf, valueAt } from "./helpers";

const pence = (n: number | null) => (n === null ? null : Math.round(n * 100));

async function checked(file: string, settings: Record<string, unknown>): Promise<CheckedPcn> {
  const outcome = await checkWorkbook(await XlsxWorkbook.fromBuffer(readFileSync(file)), {
    settings: { financialYear: "2025/26", ...settings }, today: "2026-11-21", asOf: "2025-11-30", words: COMMAND_LINE_WORDS,
  });
  if (outcome.kind !== "checked") throw new Error(outcome.message);
  return { kind: "checked", file: `/rosters/${file.split("/").pop()}`, result: outcome.result, forecast: outcome.forecast, copy: null };
}

let rollup: Rollup;
let sheets: Record<string, OwnedSheet>;
beforeAll(async () => {
  rollup = {
    financialYear: "2025/26",
    asOf: "2025-11-30",
    generatedOn: "2026-11-21",
    pcns: [
      await checked(SAMPLE, { pcnName: "Oakwood Vale PCN", odsCode: "U11111", weightedPopulation: 61000, listSize: 58000 }),
      { kind: "failed", file: "/rosters/broken.xlsx", error: "This file is not an .xlsx workbook." },
      await checked(fixture("three-practices-2025-26.xlsx"), { weightedPopulation: 42000, listSize: 40000 }),
    ],
  };
  sheets = Object.fromEntries(buildIcbSheets(rollup).map((sheet) => [sheet.name, sheet]));
});

const checkedPcns = () => rollup.pcns.filter((p): p is CheckedPcn => p.kind === "checked");

describe("ICB Summary", () => {
  test("a row per PCN checked, named from its settings or else its file, with its figures", () => {
    const sheet = sheets["ICB Summary"];
    expect(Object.keys(sheets)).toEqual([...ICB_SHEETS]);
    const header = sheet.freezeRows!;
    expect(sheet.rows[header - 1].map((c) => c.value)).toEqual([
      "PCN", "ODS code", "File", "Practices", "Staff", "WTE", "ARRS sum", "Claimable, whole year", "Claimed to date",
      "Forecast, rest of year", "Planned posts", "Forecast unspent", "Errors", "Warnings", "Figures not confirmed",
    ]);
    expect([valueAt(sheet, header + 1, 1), valueAt(sheet, header + 1, 2), valueAt(sheet, header + 1, 3)]).toEqual(["Oakwood Vale PCN", "U11111", "sample-pcn-2025-26.xlsx"]);
    expect([valueAt(sheet, header + 2, 1), valueAt(sheet, header + 2, 2)]).toEqual(["three-practices-2025-26", null]);
    expect(valueAt(sheet, header + 2, 4)).toBe(3);
    checkedPcns().forEach((pcn, i) => {
      const f = pcnFigures(pcn);
      const row = header + 1 + i;
      expect(valueAt(sheet, row, 7)).toBe(f.entitlement);
      expect(valueAt(sheet, row, 8)).toBe(pcn.result.totals.claimable);
      expect(cellAt(sheet, row, 8)?.format).toBe("money");
      // To date and the rest of the year add up to the year; unspent is the ARRS sum less the year and planned posts.
      expect(pence(f.toDate)! + pence(f.restOfYear)!).toBe(pence(f.claimable));
      expect(pence(f.unspent)).toBe(pence(f.entitlement)! - pence(f.claimable)! - pence(f.plannedPosts)!);
      expect(f.staff).toBe(pcn.result.byRole.reduce((t, r) => t + r.headcount, 0) + pcn.result.staff.filter((s) => s.role === null && s.months.some((m) => m.daysInPost > 0)).length);
    });
  });

  test("totals add the PCNs exactly; the broken workbook is listed below with why", () => {
    const sheet = sheets["ICB Summary"];
    const total = rowOf(sheet, "Total");
    expect(total).toBe(sheet.freezeRows! + 3);
    for (const column of [7, 8, 9, 10, 11, 12]) {
      const sum = [1, 2].reduce((t, i) => t + pence(valueAt(sheet, sheet.freezeRows! + i, column) as number)!, 0);
      expect(pence(valueAt(sheet, total, column) as number)).toBe(sum);
    }
    const failed = rowOf(sheet, "broken.xlsx");
    expect(valueAt(sheet, failed, 2)).toBe("This file is not an .xlsx workbook.");
    expect(String(valueAt(sheet, 2, 1))).toMatch(/Claimed to date: April 2025 to November 2025, as of 30\/11\/2025; December 2025 to March 2026 is forecast\. 1 workbook could not be checked/);
  });

  test("a stacked chart of the year by PCN over the table's own cells; filter, frozen and printed header", () => {
    const sheet = sheets["ICB Summary"];
    const header = sheet.freezeRows!;
    expect(sheet.autoFilter).toEqual({ top: header, left: 1, bottom: header + 2, right: 15 });
    expect(sheet.print).toEqual({ landscape: true, fitToWidth: 1, repeatRows: header });
    const [chart] = sheet.charts!;
    expect(chart.type).toBe("stackedColumn");
    expect(chart.categories).toEqual({ top: header + 1, left: 1, bottom: header + 2, right: 1 });
    expect(chart.series.map((s) => [s.name, valueAt(sheet, header, s.values.left)])).toEqual([
      ["Claimed to date", "Claimed to date"], ["Forecast, rest of year", "Forecast, rest of year"], ["Planned posts", "Planned posts"],
    ]);
    expect(chart.anchor.top).toBeGreaterThan(rowOf(sheet, "Notes"));
  });

  test("without a forecast, the chart shows the year's claim", () => {
    const withoutForecast: Rollup = { ...rollup, pcns: checkedPcns().map((pcn) => ({ ...pcn, forecast: null })) };
    const [sheet] = buildIcbSheets(withoutForecast);
    expect(sheet.charts![0].series.map((s) => s.name)).toEqual(["Claimable, whole year"]);
  });
});

describe("ICB Roles", () => {
  test("roles across the PCNs add up to the summary's staff, WTE and claim", () => {
    const roles = sheets["ICB Roles"];
    const summary = sheets["ICB Summary"];
    const total = rowOf(roles, "Total");
    const summaryTotal = rowOf(summary, "Total");
    expect(valueAt(roles, total, 3)).toBe(valueAt(summary, summaryTotal, 5));
    expect(valueAt(roles, total, 4)).toBeCloseTo(valueAt(summary, summaryTotal, 6) as number, 9);
    expect(pence(valueAt(roles, total, 5) as number)).toBe(pence(valueAt(summary, summaryTotal, 8) as number));
    // A role both PCNs have says so.
    const pharmacist = rowOf(roles, "Clinical Pharmacist");
    expect(valueAt(roles, pharmacist, 2)).toBe(2);
  });
});

describe("ICB Claim Lines", () => {
  test("every PCN's claim lines, as its own sheet has them, each with its PCN, ODS code and file", () => {
    const sheet = sheets["ICB Claim Lines"];
    const header = sheet.freezeRows!;
    const lines = sheet.rows.slice(header);
    expect(lines).toHaveLength(checkedPcns().reduce((t, pcn) => t + countClaimLines(pcn.result), 0));
    const own = buildClaimLinesSheet(checkedPcns()[0].result);
    const ownLines = own.rows.slice(own.freezeRows!);
    expect(lines[0].slice(0, 3).map((c) => c.value)).toEqual(["Oakwood Vale PCN", "U11111", "sample-pcn-2025-26.xlsx"]);
    expect(lines.slice(0, ownLines.length).map((row) => row.slice(3))).toEqual(ownLines);
    expect(sheet.autoFilter).toEqual({ top: header, left: 1, bottom: header + lines.length, right: 3 + own.rows[own.freezeRows! - 1].length });
  });

  test("too many lines for one sheet: a note says where they are", () => {
    const sheet = buildIcbSheets(rollup, { claimLinesLimit: 10 })[2];
    expect(String(valueAt(sheet, 4, 1))).toMatch(/claim lines are too many for one sheet/);
  });
});

describe("ICB Findings", () => {
  test("every error and warning with PCN, file, sheet and row; errors first within a PCN; no notes", () => {
    const sheet = sheets["ICB Findings"];
    const header = sheet.freezeRows!;
    const rows = sheet.rows.slice(header);
    const expected = checkedPcns().reduce((t, pcn) => t + [...pcn.result.findings, ...pcn.result.staff.flatMap((s) => s.findings)]
      .filter((f) => f.severity !== "info").length, 0);
    expect(rows).toHaveLength(expected);
    expect(rows.every((row) => row[6].value === "Error" || row[6].value === "Warning")).toBe(true);
    const ofSample = rows.filter((row) => row[0].value === "Oakwood Vale PCN");
    const firstWarning = ofSample.findIndex((row) => row[6].value === "Warning");
    expect(ofSample.slice(firstWarning).every((row) => row[6].value === "Warning")).toBe(true);
    const rowFinding = ofSample.find((row) => row[4].value !== null)!;
    expect(rowFinding[2].value).toBe("sample-pcn-2025-26.xlsx");
    expect(typeof rowFinding[3].value).toBe("string");
    expect(rowFinding[8].value).toEqual(expect.any(String));
    // The practice's sheet is named where a PCN keeps a roster per practice.
    const sheetsNamed = new Set(rows.filter((row) => row[0].value === "three-practices-2025-26").map((row) => row[3].value));
    expect([...sheetsNamed].some((name) => ["Oakwood", "Elm Grove", "Birch Lane"].includes(String(name)))).toBe(true);
  });
});
