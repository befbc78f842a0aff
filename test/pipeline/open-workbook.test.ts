/**
 * The steps every door shares before and around a check (src/pipeline/open-workbook.ts,
 * store-settings.ts, result-summary.ts), over a workbook of plain grids.
 */
import type { Grid } from "../../src/common/grid";
import type { CheckResult } from "../../src/engine/types";
import { PANE_WORDS } from "../../src/pipeline/door-words";
import { findRoster, openWorkbook, settingsFor } from "../../src/pipeline/open-workbook";
import { summariseResult } from "../../src/pipeline/result-summary";
import { storeSettings, withColumnChanges } from "../../src/pipeline/store-settings";
import type { WorkbookOutput } from "../../src/report/types";
import type { WorkbookPort } from "../../src/workbook/types";

const ROSTER = [
  ["Name", "Job title", "WTE", "Start date", "Annual salary"],
  ["A. Person", "Clinical pharmacist", 1, "01/04/2025", 45000],
];
const NOTES = [["Notes about the PCN"]];

/** A workbook of plain grids; writes are recorded, not applied. */
function workbook(sheets: Record<string, unknown[][]>): WorkbookPort & { written: WorkbookOutput[] } {
  const written: WorkbookOutput[] = [];
  return {
    written,
    sheetNames: async () => Object.keys(sheets),
    readSheet: async (name: string): Promise<Grid> => ({ sheetName: name, firstRow: 1, firstColumn: 1, values: sheets[name] as Grid["values"] }),
    write: async (output) => { written.push(output); },
    removeOutput: async () => ({ removedSheets: [], clearedColumns: 0 }),
  };
}

const settingsSheet = (rows: [string, unknown][]) => [["ARRS settings"], ["Setting", "Value"], ...rows];

test("openWorkbook: which sheets could hold a roster, the rate sheets, and what is stored", async () => {
  const opened = await openWorkbook(workbook({
    Notes: NOTES,
    "Roster 2025-26": ROSTER,
    "ARRS max reimb 2024-25": [["Role", "Maximum"]],
    "ARRS Settings": settingsSheet([["Financial year", "2025/26"], ["Roster sheet", "Roster 2025-26"]]),
  }));
  expect(opened.rosterSheets).toEqual(["Notes", "Roster 2025-26"]);
  expect(opened.rateSheets).toEqual(["ARRS max reimb 2024-25"]);
  expect(opened.hasSettingsSheet).toBe(true);
  expect(opened.stored).toMatchObject({ financialYear: "2025/26", rosterSheet: "Roster 2025-26" });
});

test.each([
  ["the sheet asked for, even one that is not a roster", "Notes", "Roster 2025-26", "Notes"],
  ["the stored sheet, whatever its case", undefined, "roster 2025-26", "Roster 2025-26"],
  ["not a stored name that is one of the tool's own sheets: the roster is looked for", undefined, "ARRS Settings", "Roster 2025-26"],
  ["not a stored name no longer in the workbook: the roster is looked for", undefined, "Old roster", "Roster 2025-26"],
])("findRoster: %s", async (_, sheet, storedSheet, expected) => {
  const book = workbook({ Notes: NOTES, "Roster 2025-26": ROSTER, "ARRS Settings": settingsSheet([["Roster sheet", storedSheet]]) });
  const found = await findRoster(book, await openWorkbook(book), { sheet, words: PANE_WORDS });
  expect("grid" in found ? found.grid.sheetName : found.problem).toBe(expected);
});

test("findRoster: a sheet asked for that is not there is a problem, in words", async () => {
  const book = workbook({ Notes: NOTES });
  const found = await findRoster(book, await openWorkbook(book), { sheet: "Roster", words: PANE_WORDS });
  expect(found).toEqual({ problem: 'There is no sheet named "Roster". The sheets are: "Notes".' });
});

test("settingsFor: the year the roster sheet's name gives, said as an assumption", async () => {
  const opened = await openWorkbook(workbook({ "Roster 2024-25": ROSTER }));
  const { settings, year, findings } = settingsFor(opened, { rosterSheet: "Roster 2024-25", today: "2025-11-21" });
  expect(settings).toEqual({
    financialYear: "2024/25", listSize: null, weightedPopulation: null, region: "national", rateFloor: true,
    // The claim header, carried with the settings: not given here, so null (and not assumed).
    pcnName: null, odsCode: null, icb: null, payingPractice: null,
  });
  expect(year.label).toBe("2024/25");
  expect(findings.map((f) => f.code)).toEqual(["SETTING_ASSUMED", "SETTING_ASSUMED"]);
});

test("storeSettings: the settings sheet alone, the roster left as it is, and what a check would assume", async () => {
  const book = workbook({ "Roster 2024-25": ROSTER });
  await storeSettings(book, { requested: { listSize: 58214 }, columns: { staffId: "Practice", wte: null }, rosterSheet: "Roster 2024-25", today: "2025-11-21" });
  expect(book.written).toHaveLength(1);
  const [output] = book.written;
  expect(output.rosterColumns).toBeNull();
  expect(output.sheets.map((s) => s.name)).toEqual(["ARRS Settings"]);
  const rows = output.sheets[0].rows.map((row) => row.map((cell) => cell.value));
  expect(rows).toEqual(expect.arrayContaining([
    ["Financial year", "2024/25"], ["List size", 58214], ["Region", "national"], ["Roster sheet", "Roster 2024-25"], ["Column: staffId", "Practice"],
  ]));
});

test("storeSettings keeps the role the unspent money is measured in, which the pane's form does not show", async () => {
  const book = workbook({
    "Roster 2025-26": ROSTER,
    "ARRS Settings": settingsSheet([["Financial year", "2025/26"], ["Region", "national"], ["Unspent money shown as WTE of", "Clinical Pharmacist"]]),
  });
  await storeSettings(book, { requested: { listSize: 58214 }, rosterSheet: "Roster 2025-26", today: "2025-11-21" });
  const rows = book.written[0].sheets[0].rows.map((row) => row.map((cell) => cell.value));
  expect(rows).toEqual(expect.arrayContaining([["Unspent money shown as WTE of", "Clinical Pharmacist"], ["List size", 58214]]));
});

test("withColumnChanges: a header sets a field's column, null goes back to the headers, undefined leaves it", () => {
  expect(withColumnChanges({ wte: "FTE", name: "Who" }, { wte: null, staffId: "Practice", name: undefined })).toEqual({ name: "Who", staffId: "Practice" });
});

test("summariseResult: findings counted across the PCN and every row, WTE summed, the money as it is", () => {
  const finding = (severity: "error" | "warning" | "info") => ({ code: "MISSING_VALUE", severity, message: "", source: "" });
  const result = {
    financialYear: { label: "2025/26" },
    findings: [finding("info")],
    staff: [{ wte: 0.5, findings: [finding("error"), finding("warning")] }, { wte: null, findings: [finding("warning")] }],
    totals: { claimable: 1000.5, entitlement: null, headroom: null, overMaxGap: 0, months: [], cost: 0 },
  } as unknown as CheckResult;
  expect(summariseResult(result)).toEqual({
    financialYear: "2025/26",
    staffRows: 2,
    wte: 0.5,
    counts: { error: 1, warning: 2, info: 1 },
    totals: { claimable: 1000.5, entitlement: null, headroom: null, overMaxGap: 0 },
  });
});
