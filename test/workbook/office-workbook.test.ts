import { OWNED_RANGE_NAME } from "../../src/common/owned";
import { buildWorkbookOutput } from "../../src/report/build";
import { buildClaimLinesSheet } from "../../src/report/claim-lines-sheet";
import { buildRosterColumns } from "../../src/report/roster-columns";
import { buildSettingsSheet } from "../../src/report/settings-sheet";
import { buildSummarySheet } from "../../src/report/summary-sheet";
import type { ChartSpec, SheetRange, WorkbookOutput } from "../../src/report/types";
import { INCOMPLETE_NOTE } from "../../src/workbook/office-area";
import { excelSerialToDate } from "../../src/common/dates";
import { gridValue, isDateFormat, rectangles, serialFromIso } from "../../src/workbook/office-cells";
import { chartName } from "../../src/workbook/chart-style";
import { OfficeWorkbook, OfficeWorkbookError, toUserMessage, type ExcelRun } from "../../src/workbook/office-workbook";
import { REQUEST_LIMIT_BYTES } from "../../src/workbook/office-requests";
import { checkResult, finding, person, rosterRead } from "../report/fixtures";
import { FakeExcel, columnLetters, type SyncRecord } from "./fake-excel";

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
/** A sheet range as the fake's 0-based rectangle. */
const rectOf = (r: SheetRange) => ({ row: r.top - 1, col: r.left - 1, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });
const OWNED = ["ARRS Claim Summary", "ARRS Claim Lines", "ARRS Settings"];
/** The roster's last column is G; one blank column (H), then the owned columns I:K. */
const FIRST_OWNED = 9;

/** "Cover", "Staff" (title merged over A1:C1, header on row 3, rows 4–7) and a rate sheet; a user name and format. */
function rosterExcel(): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet("Cover");
  excel.setValues("Cover", "A1", [["PCN workforce"], ["Total salary", 151000]]);
  excel.cell("Cover", "A1")!.style = { bold: true, fill: "#FFFF00" };
  excel.cell("Cover", "B2")!.format = "#,##0";
  const staff = excel.addSheet("Staff");
  excel.setValues("Staff", "A1", [["Staff roster 2025/26"]]);
  staff.merges.push({ row: 0, col: 0, rows: 1, cols: 3 });
  excel.setValues("Staff", "A3", [["Name", "Role", "WTE", "Start", "Salary", "Link", "Note"]]);
  excel.setValues("Staff", "A4", [
    ["Asha Patel", "Clinical Pharmacist", 1, utc(2025, 4, 1), 45000, "profile", "ok"],
    ["Ben Jones", "SPLW", 0.8, utc(2025, 6, 16), 27000, null, "#N/A"],
    ["=1+2", "FCP", 0.5, utc(2024, 10, 1), 40000, null, null],
    ["Dee Smith", "Receptionist", 1, utc(2025, 1, 6), 39000, null, "not ARRS"],
  ]);
  excel.cell("Staff", "A6")!.format = "@"; // the user's own text that looks like a formula
  staff.widths.set(0, 130);
  staff.conditionalFormats.push({ id: 999, type: "CellValue", areas: [{ row: 3, col: 2, rows: 4, cols: 1 }], props: { "cellValue.rule": { formula1: "1", operator: "GreaterThan" } } });
  excel.names.set("payroll", { name: "Payroll", sheetId: staff.id, rect: { row: 3, col: 4, rows: 4, cols: 1 } });
  excel.addSheet("ARRS max reimb 25-26");
  excel.setValues("ARRS max reimb 25-26", "A1", [["Role", "Max"], ["Social prescribing link worker", 43352]]);
  return excel;
}

function result() {
  return checkResult({
    staff: [
      person({ rowNumber: 4, name: "Asha Patel", salary: 45000, findings: [finding("ONCOSTS_ESTIMATED", "warning", "Estimated on-costs.", 4)], onCostsEstimated: true }),
      person({ rowNumber: 5, name: "Ben Jones", role: "social-prescribing-link-worker", wte: 0.8, start: "2025-06-16", salary: 27000 }),
      person({ rowNumber: 6, name: "=1+2", role: "first-contact-physiotherapist", wte: 0.5, salary: 40000, findings: [finding("RATE_UNCONFIRMED", "info", "Inferred.", 6)] }),
      person({ rowNumber: 7, name: "@SUM(A1)", role: null, roleText: "Receptionist", maximum: null, limit: "invalid-row", findings: [finding("UNKNOWN_ROLE", "error", "Not an ARRS role.\nRename it.", 7)] }),
    ],
  });
}

function output(ownedColumn: number | null = null): WorkbookOutput {
  const roster = rosterRead({ sheetName: "Staff", headerRowNumber: 3, lastColumn: 7, ownedColumn, rowNumbers: [4, 5, 6, 7] });
  return buildWorkbookOutput(result(), roster, { generatedOn: "2025-09-15", rosterSheet: "Staff", columnMapping: { wte: "WTE" } });
}

function workbook(excel: FakeExcel, apiVersion = "1.20"): OfficeWorkbook {
  const [major, minor] = apiVersion.split(".").map(Number);
  return new OfficeWorkbook({
    run: excel.run as unknown as ExcelRun,
    requirementSetSupported: (name, version) => {
      const [m, n] = version.split(".").map(Number);
      return name === "ExcelApi" && (m < major || (m === major && n <= minor));
    },
  });
}

/**
 * The claim lines table on the written sheet, found by its header row ("Month" in column A) below the
 * claim header block: the header row's 0-based index, its headers, and each header's 0-based column.
 */
function claimLinesTable(excel: FakeExcel) {
  const sheet = excel.sheet("ARRS Claim Lines");
  const headerRow = [...sheet.cells.keys()].sort((a, b) => a - b).find((r) => sheet.cell(r, 0)?.value === "Month");
  if (headerRow === undefined) throw new Error('no "Month" header row on ARRS Claim Lines');
  const headers: string[] = [];
  for (let c = 0; sheet.cell(headerRow, c)?.value !== undefined; c++) headers.push(sheet.cell(headerRow, c)!.value as string);
  const column = (header: string) => {
    const c = headers.indexOf(header);
    if (c < 0) throw new Error(`no "${header}" column on ARRS Claim Lines`);
    return c;
  };
  /** The 0-based rows below the header row with a month: the claim lines. */
  const lineRows = [...sheet.cells.keys()].filter((r) => r > headerRow && sheet.cell(r, 0)?.value !== undefined).sort((a, b) => a - b);
  return { sheet, headerRow, headers, column, lineRows };
}

/** Cells of the owned columns on the roster sheet (I:K), from the header row down. */
const ownedColumn = (sheet: string, row: number, col: number) => sheet === "Staff" && col >= FIRST_OWNED - 1 && col <= FIRST_OWNED + 1 && (row >= 2 || row === -1);
const userPart = (sheet: string, row: number, col: number) => OWNED.includes(sheet) || ownedColumn(sheet, row, col);
const userSnapshot = (excel: FakeExcel) => {
  const snap = excel.snapshot(userPart) as { sheets: { name: string }[]; names: { name: string }[] };
  return { sheets: snap.sheets.filter((s) => !OWNED.includes(s.name)), names: snap.names.filter((n) => n.name !== OWNED_RANGE_NAME) };
};

describe("reading", () => {
  it("lists the sheets in tab order", async () => {
    expect(await workbook(rosterExcel()).sheetNames()).toEqual(["Cover", "Staff", "ARRS max reimb 25-26"]);
  });

  it("gives the used range's values: dates as UTC midnight, empty cells as null, errors as text", async () => {
    const grid = await workbook(rosterExcel()).readSheet("staff");
    expect(grid).toMatchObject({ sheetName: "Staff", firstRow: 1, firstColumn: 1 });
    expect(grid.values).toHaveLength(7);
    expect(grid.values[0]).toEqual(["Staff roster 2025/26", null, null, null, null, null, null]);
    expect(grid.values[1]).toEqual([null, null, null, null, null, null, null]);
    expect(grid.values[3]).toEqual(["Asha Patel", "Clinical Pharmacist", 1, utc(2025, 4, 1), 45000, "profile", "ok"]);
    expect(grid.values[4]).toEqual(["Ben Jones", "SPLW", 0.8, utc(2025, 6, 16), 27000, null, "#N/A"]);
    expect(grid.values[5][0]).toBe("=1+2");
  });

  it("trims to the cells that show a value, and reads an empty sheet as no rows", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Offset");
    excel.setValues("Offset", "C5", [["a", null, null], [null, null, 2]]);
    excel.sheet("Offset").ensure(0, 0).style = { bold: true };
    excel.addSheet("Empty");
    const wb = workbook(excel);
    expect(await wb.readSheet("Offset")).toEqual({ sheetName: "Offset", firstRow: 5, firstColumn: 3, values: [["a", null, null], [null, null, 2]] });
    expect(await wb.readSheet("Empty")).toEqual({ sheetName: "Empty", firstRow: 1, firstColumn: 1, values: [] });
  });

  it("asks again in smaller blocks when Excel finds a response too large", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Notes");
    const long = (r: number) => `${r}:${"x".repeat(30000)}`;
    excel.setValues("Notes", "A1", Array.from({ length: 40 }, (_, r) => Array.from({ length: 10 }, () => long(r))));
    const grid = await workbook(excel).readSheet("Notes");
    expect(grid.values).toHaveLength(40);
    expect(grid.values[39][9]).toBe(long(39));
    expect(excel.syncs.some((s) => s.responseBytes > 5_000_000)).toBe(true); // the first try, refused
  });

  it("says which sheet is missing", async () => {
    const error = await workbook(rosterExcel()).readSheet("Rota").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeWorkbookError);
    expect(toUserMessage(error)).toBe('There is no sheet named "Rota" in this workbook.');
  });
});

describe("writing", () => {
  let excel: FakeExcel;
  let original: unknown;
  let writeSyncs: SyncRecord[];
  beforeAll(async () => {
    excel = rosterExcel();
    original = userSnapshot(excel);
    await workbook(excel).write(output());
    writeSyncs = [...excel.syncs];
  });

  it("round-trips: the roster columns and the owned sheets read back", async () => {
    const wb = workbook(excel);
    expect(await wb.sheetNames()).toEqual(["Cover", "Staff", "ARRS max reimb 25-26", ...OWNED]);
    const staff = await wb.readSheet("Staff");
    const owned = staff.values.map((row) => row.slice(FIRST_OWNED - 1, FIRST_OWNED + 2));
    expect(staff.values[2][7]).toBeNull();
    expect(owned[2]).toEqual(["ARRS status", "ARRS claimable 2025/26", "ARRS findings"]);
    expect(owned.slice(3).map((r) => r[0])).toEqual(["Warning", "OK", "Note", "Error"]);
    expect(owned[6][2]).toBe("UNKNOWN_ROLE: Not an ARRS role.\nRename it.");
    expect(owned[3][1]).toBeCloseTo(result().staff[0].claimable, 9);
    const settings = await wb.readSheet("ARRS Settings");
    expect(settings.values.slice(1)).toEqual([
      ["Setting", "Value"], ["Financial year", "2025/26"], ["List size", 60000], ["Weighted population", 50000],
      ["Region", "national"], ["Claim up to earlier maximums when a figure is missing", "Yes"], ["Roster sheet", "Staff"],
      // The claim header: blank until given.
      ["PCN name", null], ["PCN ODS code", null], ["ICB", null], ["Lead or paying practice", null],
      ["Column: wte", "WTE"],
    ]);
    const lines = await wb.readSheet("ARRS Claim Lines");
    // The table below the claim header block, found by its header row.
    const header = lines.values.findIndex((row) => row[0] === "Month");
    expect(header).toBeGreaterThan(0);
    expect(lines.values[0]).toEqual(["Claim period", "April 2025 to March 2026 (2025/26)", ...Array(lines.values[0].length - 2).fill(null)]);
    const headers = lines.values[header];
    const first = lines.values[header + 1];
    expect(first[headers.indexOf("Month")]).toEqual(utc(2025, 4, 1));
    expect(first[headers.indexOf("Name")]).toBe("Asha Patel");
    expect(first[headers.indexOf("Start date")]).toEqual(utc(2025, 4, 1));
    expect(first[headers.indexOf("Claimable")]).toBeCloseTo(result().staff[0].months[0].claimable, 2);
  });

  it("leaves every other sheet, cell, format, width, name and the sheet order as they were", () => {
    expect(userSnapshot(excel)).toEqual(original);
  });

  it("formats: text as text, money, dates, months, header style, widths, frozen header, filter", () => {
    expect(excel.cell("Staff", "I3")).toMatchObject({ value: "ARRS status", format: "@", style: { bold: true, fill: "#D9E1F2" } });
    expect(excel.cell("Staff", "J4")!.format).toBe("£#,##0.00");
    expect(excel.cell("Staff", "I4")!.format).toBe("@");
    expect(excel.sheet("Staff").widths.get(FIRST_OWNED + 1)).toBeGreaterThan(300);
    const { sheet: lines, headerRow, headers, column, lineRows } = claimLinesTable(excel);
    const first = headerRow + 1;
    expect(lineRows[0]).toBe(first);
    expect(lines.cell(headerRow, column("Name"))).toMatchObject({ value: "Name", format: "@", style: { bold: true } });
    expect(lines.cell(first, column("Month"))).toMatchObject({ value: serialFromIso("2025-04-01"), format: "mmm yyyy" });
    expect(lines.cell(first, column("Start date"))).toMatchObject({ value: serialFromIso("2025-04-01"), format: "dd/mm/yyyy" });
    expect(lines.cell(first, column("Claimable"))!.format).toBe("£#,##0.00");
    expect(lines.cell(first, column("Name"))).toMatchObject({ value: "Asha Patel", format: "@" });
    // Frozen down to and including the header row; the filter covers the header row and every line, every column.
    expect(lines.frozenRows).toBe(headerRow + 1);
    expect(headers.at(-1)).toBe("Roster row");
    expect(lines.autoFilter).toEqual({ row: headerRow, col: 0, rows: lineRows.length + 1, cols: headers.length });
    expect(lines.widths.size).toBe(headers.length);
    expect(excel.cell("ARRS Claim Summary", "A1")).toMatchObject({ value: "ARRS claim summary 2025/26", style: { bold: true, size: 14 } });
  });

  it("writes roster text that looks like a formula as text", () => {
    const { sheet: lines, column } = claimLinesTable(excel);
    const names = [...lines.cells.values()].map((row) => row.get(column("Name"))).filter((cell) => cell && (cell.value === "=1+2" || cell.value === "@SUM(A1)"));
    expect(names.length).toBeGreaterThan(0);
    for (const cell of names) expect(cell).toMatchObject({ format: "@" });
    const formulas = [...lines.cells.values()].flatMap((row) => [...row.values()]).filter((cell) => cell.formula !== undefined);
    expect(formulas).toEqual([]);
  });

  it("colours the status column by its text, and names the owned columns", () => {
    const rules = excel.sheet("Staff").conditionalFormats.filter((cf) => cf.id !== 999);
    expect(rules.map((cf) => (cf.props["cellValue.rule"] as { formula1: string }).formula1)).toEqual(['="Error"', '="Warning"', '="Note"']);
    expect(rules.map((cf) => cf.areas)).toEqual(Array(3).fill([{ row: 3, col: FIRST_OWNED - 1, rows: 4, cols: 1 }]));
    expect(rules[0].props["cellValue.fill"]).toBe("#FFC7CE");
    expect(excel.names.get(OWNED_RANGE_NAME.toLowerCase())).toEqual({ name: OWNED_RANGE_NAME, sheetId: excel.sheet("Staff").id, rect: { row: 2, col: FIRST_OWNED - 1, rows: 5, cols: 3 } });
  });

  it("draws the summary's chart from its spec: type, named series over the cells, title, axis title, place", () => {
    const summary = excel.sheet("ARRS Claim Summary");
    const spec = output().sheets[0].charts![0];
    expect(summary.charts).toHaveLength(1);
    const chart = summary.charts[0];
    expect(chart).toMatchObject({ type: "ColumnClustered", seriesBy: "Columns", source: rectOf(spec.series[0].values) });
    expect(chart.props).toMatchObject({
      name: chartName(spec), title: spec.title, legendVisible: false, "valueAxis.title": "£", "valueAxis.numberFormat": "#,##0",
      "series0.name": "Claimable", "series0.values": rectOf(spec.series[0].values), "series0.categories": rectOf(spec.categories), "series0.fill": "#005EB8",
      position: `D${spec.anchor.top}:F${spec.anchor.bottom}`,
    });
    expect(summary.conditionalFormats.map((cf) => cf.type)).toEqual(["DataBar"]);
  });

  it("writes a small workbook in one request, after three reads", () => {
    // Reads: the sheets; their details; where the roster sheet's own conditional format applies.
    // Then one request writes everything, and the last recalculates.
    expect(writeSyncs.map((s) => s.writes > 0)).toEqual([false, false, false, true, false]);
  });

  it("suspends calculation and screen updating in every request that writes, then recalculates", () => {
    const writing = writeSyncs.filter((s) => s.writes > 0);
    expect(writing.length).toBeGreaterThan(0);
    for (const sync of writing) expect(sync).toMatchObject({ suspendedCalculation: true, suspendedScreen: true });
    expect(excel.recalculations).toBe(1);
  });
});

describe("writing a second time", () => {
  it("replaces the roster columns and owned sheets in place, and changes nothing else", async () => {
    const excel = rosterExcel();
    const wb = workbook(excel);
    await wb.write(output());
    const first = excel.snapshot();
    const ids = OWNED.map((name) => excel.sheet(name).id);
    await wb.write(output(FIRST_OWNED));
    expect(excel.snapshot()).toEqual(first);
    expect(OWNED.map((name) => excel.sheet(name).id)).toEqual(ids);
  });

  it("clears rows a previous run flagged that are no longer on the roster", async () => {
    const excel = rosterExcel();
    const wb = workbook(excel);
    await wb.write(output());
    const fewer = buildWorkbookOutput(checkResult({ staff: [person({ rowNumber: 4 })] }), rosterRead({ sheetName: "Staff", headerRowNumber: 3, lastColumn: 7, ownedColumn: FIRST_OWNED, rowNumbers: [4] }), { generatedOn: "2025-09-15", rosterSheet: "Staff" });
    await wb.write(fewer);
    expect(excel.values("Staff").slice(4).map((row) => row.slice(FIRST_OWNED - 1))).toEqual(Array(3).fill([null, null, null]));
    expect(excel.sheet("Staff").conditionalFormats.map((cf) => cf.areas[0])).toEqual([{ row: 3, col: 2, rows: 4, cols: 1 }, ...Array(3).fill({ row: 3, col: FIRST_OWNED - 1, rows: 1, cols: 1 })]);
  });

  it("clears an earlier run's columns wherever they were, even beside another sheet", async () => {
    const excel = rosterExcel();
    const wb = workbook(excel);
    const moved = output();
    moved.rosterColumns = { ...moved.rosterColumns!, firstColumn: 12 };
    await wb.write(moved);
    const elsewhere = output();
    elsewhere.rosterColumns = { ...elsewhere.rosterColumns!, sheetName: "Cover", headerRowNumber: 1, firstColumn: 4, rows: [], clearThroughRow: 2 };
    await wb.write(elsewhere);
    expect((await wb.readSheet("Staff")).values[2]).toHaveLength(7);
    expect((await wb.readSheet("Cover")).values[0]).toEqual(["PCN workforce", null, null, "ARRS status", "ARRS claimable 2025/26", "ARRS findings"]);
    expect(excel.names.get(OWNED_RANGE_NAME.toLowerCase())!.rect).toEqual({ row: 0, col: 3, rows: 2, cols: 3 });
  });

  it("draws stacked columns and lines with every series, and replaces only the tool's charts on a rerun", async () => {
    const excel = rosterExcel();
    const wb = workbook(excel);
    const out = output();
    const months = out.sheets[0].charts![0];
    const twoSeries = (type: ChartSpec["type"], title: string): ChartSpec => ({
      ...months, type, title, series: [months.series[0], { name: "Forecast", values: { ...months.series[0].values, left: 3, right: 3 } }],
    });
    out.sheets[0] = { ...out.sheets[0], charts: [twoSeries("stackedColumn", "Stacked"), twoSeries("line", "Lines")] };
    await wb.write(out);
    const summary = excel.sheet("ARRS Claim Summary");
    expect(summary.charts.map((c) => [c.type, c.props.name, c.props.legendVisible, c.props.legendPosition])).toEqual([
      ["ColumnStacked", "ARRS chart: Stacked", true, "Bottom"],
      ["LineMarkers", "ARRS chart: Lines", true, "Bottom"],
    ]);
    const lines = summary.charts[1].props;
    expect(lines).toMatchObject({ "series1.name": "Forecast", "series1.values": rectOf(twoSeries("line", "").series[1].values), "series1.categories": rectOf(months.categories), "series1.markerStyle": "Circle", "series1.line": "#41B6E6" });

    // The user draws a chart of their own on the summary sheet; the rerun keeps it and redraws the tool's.
    summary.charts.push({ id: 999, type: "Pie", source: { row: 0, col: 0, rows: 2, cols: 1 }, seriesBy: "Columns", props: { name: "Chart 1" } });
    await wb.write(output());
    expect(excel.sheet("ARRS Claim Summary").charts.map((c) => c.props.name)).toEqual(["Chart 1", chartName(months)]);
  });

  it("leaves the roster columns alone when the output has none (saving the settings sheet only)", async () => {
    const excel = rosterExcel();
    const wb = workbook(excel);
    await wb.write(output());
    const staff = JSON.stringify(excel.snapshot((sheet) => sheet !== "Staff"));
    await wb.write({ rosterColumns: null, sheets: [output().sheets[2]] });
    expect(JSON.stringify(excel.snapshot((sheet) => sheet !== "Staff"))).toBe(staff);
  });
});

describe("writing only where the tool owns", () => {
  it("refuses to write over the user's data in the target columns, before changing anything", async () => {
    const excel = rosterExcel();
    excel.setValues("Staff", "J6", [["my note"]]);
    const before = excel.snapshot();
    const error = await workbook(excel).write(output()).catch((e: unknown) => e);
    expect(toUserMessage(error)).toMatch(/^Cell J6 on "Staff" holds your own data, where the ARRS columns would go\. Nothing was written/);
    expect(excel.snapshot()).toEqual(before);
    expect(excel.syncs.filter((s) => s.writes > 0)).toEqual([]);
  });

  it("refuses a sheet that is not one of its own", async () => {
    const out = output();
    out.sheets = [{ ...out.sheets[0], name: "Cover" }];
    await expect(workbook(rosterExcel()).write(out)).rejects.toThrow(/"Cover" is not one of the tool's own sheets/);
  });

  it("does not take a user's lone \"ARRS status\" column for its own", async () => {
    const excel = rosterExcel();
    excel.setValues("Cover", "D1", [["ARRS status"], ["submitted"]]);
    expect(await workbook(excel).removeOutput()).toEqual({ removedSheets: [], clearedColumns: 0 });
    expect(excel.cell("Cover", "D2")!.value).toBe("submitted");
  });
});

describe("removing the output", () => {
  it("deletes the owned sheets, clears the owned columns and the name, and leaves the rest as it was", async () => {
    const excel = rosterExcel();
    const before = excel.snapshot();
    const wb = workbook(excel);
    await wb.write(output());
    expect(await wb.removeOutput()).toEqual({ removedSheets: OWNED, clearedColumns: 3 });
    expect(excel.snapshot()).toEqual(before);
    expect(await wb.removeOutput()).toEqual({ removedSheets: [], clearedColumns: 0 });
    // Deleting sheets cannot be undone, so removal is never run as an undo group.
    expect(excel.runs.filter((r) => r.mergeUndoGroup)).toHaveLength(1);
  });
});

describe("selecting a row and adding a sheet", () => {
  it("activates the sheet and selects the row", async () => {
    const excel = rosterExcel();
    await workbook(excel).selectRow("Staff", 6);
    expect(excel.activeSheetId).toBe(excel.sheet("Staff").id);
    expect(excel.selection).toEqual({ sheetId: excel.sheet("Staff").id, rect: { row: 5, col: 0, rows: 1, cols: 16384 } });
    await expect(workbook(excel).selectRow("Gone", 2)).rejects.toThrow('There is no sheet named "Gone" in this workbook.');
  });

  it("adds a sheet with the values as given, text as text, and refuses a name in use", async () => {
    const excel = rosterExcel();
    const wb = workbook(excel);
    await wb.addSheet("Sample roster", [["Name", "WTE"], ["=1+2", 1], ["Bo", null]]);
    expect(excel.values("Sample roster")).toEqual([["Name", "WTE"], ["=1+2", 1], ["Bo", null]]);
    expect(excel.activeSheetId).toBe(excel.sheet("Sample roster").id);
    await expect(wb.addSheet("sample ROSTER", [["x"]])).rejects.toThrow('A sheet named "sample ROSTER" already exists.');
  });
});

describe("undo", () => {
  it("groups a whole write into one undo step on ExcelApi 1.20, and not on an older host", async () => {
    const newer = rosterExcel();
    await workbook(newer, "1.20").write(output());
    expect(newer.runs).toEqual([{ mergeUndoGroup: true }]);
    const older = rosterExcel();
    await workbook(older, "1.19").write(output());
    expect(older.runs).toEqual([{}]);
  });
});

describe("Excel's errors in plain English", () => {
  it("names a protected sheet, before changing anything", async () => {
    const excel = rosterExcel();
    excel.sheet("Staff").protected = true;
    const before = excel.snapshot();
    const error = await workbook(excel).write(output()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeWorkbookError);
    expect(toUserMessage(error)).toBe('The sheet "Staff" is protected. Unprotect it (Review > Unprotect Sheet) and try again.');
    expect(excel.snapshot()).toEqual(before);
  });

  it("names a protected sheet of the tool's own", async () => {
    const excel = rosterExcel();
    await workbook(excel).write(output());
    excel.sheet("ARRS Claim Lines").protected = true;
    await expect(workbook(excel).write(output())).rejects.toThrow('The sheet "ARRS Claim Lines" is protected. Unprotect it (Review > Unprotect Sheet) and try again.');
  });

  it("says so when a sheet is deleted between two syncs", async () => {
    const excel = rosterExcel();
    const wb = workbook(excel);
    await wb.write(output());
    // The write reads three times (sheets; their details; the headers beside "ARRS status"), then the
    // user deletes the roster before the first change reaches Excel.
    excel.beforeSync(excel.syncs.length + 4, () => excel.deleteSheet("Staff"));
    const error = await wb.write(output()).catch((e: unknown) => e);
    expect(error).toMatchObject({ problem: "sheet-changed", code: "ItemNotFound" });
    expect(toUserMessage(error)).toBe("A sheet was renamed or deleted while the ARRS checker was using it. Check the sheet names and run the check again.");
  });

  it.each([
    ["ConnectionFailure", /connection to Excel was lost/],
    ["RequestPayloadSizeLimitExceeded", /too large for Excel on the web/],
    ["Timeout", /took too long/],
    ["ActivityLimitReached", /Excel is busy/],
    ["InvalidOperationInCellEditMode", /finish editing a cell/],
    ["AccessDenied", /protected/],
  ])("turns %s into a plain message", async (code, message) => {
    const excel = rosterExcel();
    excel.failSync(1, code);
    const error = await workbook(excel).readSheet("Staff").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeWorkbookError);
    expect((error as OfficeWorkbookError).code).toBe(code);
    expect(toUserMessage(error)).toMatch(message);
  });

  it("turns anything else into an OfficeWorkbookError with a user message", async () => {
    const excel = rosterExcel();
    excel.failSync(1, "GeneralException");
    const error = await workbook(excel).sheetNames().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "OfficeWorkbookError", problem: "unknown", code: "GeneralException" });
    expect(toUserMessage(error)).toMatch(/^Excel could not finish the ARRS checker's request/);
    expect(toUserMessage(new Error("boom"))).toMatch(/\(boom\)/);
    expect(toUserMessage("nothing useful")).toMatch(/^Excel could not finish/);
  });
});

describe("a sync that fails part way", () => {
  it("leaves the workbook as it was when the first write request never reaches Excel", async () => {
    const excel = rosterExcel();
    const wb = workbook(excel);
    await wb.write(output());
    const before = excel.snapshot();
    const reads = 3;
    excel.failSync(excel.syncs.length + reads + 1, "ConnectionFailure");
    await expect(wb.write(output(FIRST_OWNED))).rejects.toThrow(/connection to Excel was lost/);
    expect(excel.snapshot()).toEqual(before);
  });

  it("marks an area too big for one request as incomplete until its last request, and a rerun completes it", async () => {
    const excel = bigRosterExcel(40000);
    const wb = workbook(excel);
    const out = bigOutput(40000);
    const start = excel.syncs.length;
    excel.failSync(start + 4, "ConnectionFailure"); // two reads (no earlier run), then the second write request
    await expect(wb.write(out)).rejects.toThrow(/connection to Excel was lost/);
    const header = excel.cell("Staff", `${letters(out.rosterColumns!.firstColumn + 2)}1`)!;
    expect(header.value).toBe(`ARRS findings (${INCOMPLETE_NOTE})`);
    await wb.write(out);
    expect(excel.cell("Staff", `${letters(out.rosterColumns!.firstColumn + 2)}1`)!.value).toBe("ARRS findings");
    expect(excel.cell("Staff", `${letters(out.rosterColumns!.firstColumn)}40001`)!.value).toBe("Warning");
  });
});

describe("a 50,000-row roster", () => {
  it("reads and writes in a few requests, none over 4 MB", async () => {
    const excel = bigRosterExcel(50000);
    const wb = workbook(excel);
    const grid = await wb.readSheet("Staff");
    expect(grid.values).toHaveLength(50001);
    expect(grid.values[50000][6]).toEqual(utc(2025, 4, 1));
    await wb.write(bigOutput(50000));
    const figures = measure(excel);
    console.log(`50,000-row roster, readSheet + write: ${figures.syncs} syncs, largest request ${figures.largestRequest} bytes, largest response ${figures.largestResponse} bytes`);
    expect(figures.syncs).toBeLessThanOrEqual(20);
    expect(figures.largestRequest).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    expect(figures.largestResponse).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    expect(excel.cell("Staff", "P50001")!.value).toBe("Warning");
  });

  it("writes the claim lines of 50,000 people (600,000 rows) in full requests, none over 4 MB", async () => {
    const excel = bigRosterExcel(50000);
    excel.discardCellsOf.add("ARRS Claim Lines"); // checked and measured, but not kept: memory
    const wb = workbook(excel);
    await wb.readSheet("Staff");
    const reads = excel.syncs.length;
    await wb.write(bigOutput(50000, { claimLines: true }));
    const figures = measure(excel);
    const written = excel.syncs.slice(reads).reduce((sum, s) => sum + s.requestBytes, 0);
    console.log(`50,000-row roster with its 600,000 claim lines: ${figures.syncs} syncs (${reads} to read), ${(written / 1e6).toFixed(1)} MB written, largest request ${figures.largestRequest} bytes`);
    expect(figures.largestRequest).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    // Bound by bytes, not rows: requests average over 3 MB, plus the two reads and the recalculation.
    expect(figures.syncs - reads).toBeLessThanOrEqual(3 + Math.ceil(written / 3_000_000));
  });
});

describe("cell conversions", () => {
  it("knows date formats from others", () => {
    for (const format of ["dd/mm/yyyy", "mmm yyyy", "d-mmm-yy", "[$-809]dd mmmm yyyy", "h:mm", "[h]:mm:ss", "yyyy-mm-dd;@"]) expect(isDateFormat(format)).toBe(true);
    for (const format of ["General", "@", "0.00", "£#,##0.00", "[Red]#,##0", "0.0%", '0 "days"', "_-£* #,##0.00_-;-£* #,##0.00_-;_-£* \"-\"??_-;_-@_-", "0.00E+00"]) expect(isDateFormat(format)).toBe(false);
  });

  it("turns serials into UTC midnight dates and back", () => {
    expect(excelSerialToDate(serialFromIso("2025-04-01"))).toEqual(utc(2025, 4, 1));
    expect(gridValue(45748, "dd/mm/yyyy")).toEqual(utc(2025, 4, 1));
    expect(gridValue(45748, "General")).toBe(45748);
    expect(gridValue("", "General")).toBeNull();
  });

  it("groups cells into rectangles of one key, blanks joining their neighbours", () => {
    const keys = [
      ["@", "@", "m"],
      [null, "@", "m"],
      ["@", "@", null],
      ["g", "g", "m"],
    ];
    expect(rectangles(keys, 3).map(({ top, left, bottom, right, key }) => `${key}:${top},${left}-${bottom},${right}`)).toEqual([
      "@:0,0-2,1", "g:3,0-3,1", "m:0,2-3,2",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Large rosters
// ---------------------------------------------------------------------------------------------------

const ROLES = ["Clinical Pharmacist", "Social Prescribing Link Worker", "First Contact Physiotherapist", "Care Coordinator", "Health and Wellbeing Coach"];
const HEADERS = ["Staff ID", "Name", "Practice", "Job title", "Band", "Hours per week", "Start date", "End date", "Annual salary", "Employer NI", "Employer pension", "Date of CCT", "Employed in PCN in last 12 months", "Comments"];

/** A roster like the sample's (14 columns, header on row 1), generated row by row. */
function bigRosterExcel(rows: number): FakeExcel {
  const excel = new FakeExcel();
  const sheet = excel.addSheet("Staff");
  HEADERS.forEach((header, c) => { sheet.ensure(0, c).value = header; });
  const start = serialFromIso("2025-04-01");
  for (let r = 1; r <= rows; r++) {
    const values = [`OV${String(r).padStart(6, "0")}`, `Person Number ${r}`, "Vale Medical Centre", ROLES[r % ROLES.length], 6 + (r % 3), 37.5, start, null, 30000 + (r % 20) * 500, 4100.5, 5200.25, null, null, r % 10 === 0 ? "Started on a fixed-term contract; check the end date with HR" : null];
    values.forEach((value, c) => {
      if (value === null) return;
      const cell = sheet.ensure(r, c);
      cell.value = value;
      if (c === 6) cell.format = "dd/mm/yyyy";
      if (c >= 8 && c <= 10) cell.format = "£#,##0.00";
    });
  }
  return excel;
}

/**
 * What the report builds for such a roster: roster columns for every row, the summary and settings
 * sheets, and (only if asked: 12 lines a person) the claim lines. One person is worked out and
 * copied, which keeps a 50,000-row test fast.
 */
function bigOutput(rows: number, options: { claimLines?: boolean } = {}): WorkbookOutput {
  const template = person({ rowNumber: 2 });
  const staff = Array.from({ length: rows }, (_, i) => ({
    ...template,
    rowNumber: i + 2,
    name: `Person Number ${i + 1}`,
    // Every row flagged, as on a roster full of problems: the heaviest roster columns to write.
    findings: [finding("ONCOSTS_ESTIMATED", "warning", "Employer on-costs were estimated from the salary; enter the real figures if you have them.", i + 2)],
    status: "warning" as const,
  }));
  const result = checkResult({ staff });
  const roster = rosterRead({ sheetName: "Staff", headerRowNumber: 1, lastColumn: 14, rowNumbers: staff.map((s) => s.rowNumber) });
  const build = { generatedOn: "2025-09-15", rosterSheet: "Staff" };
  // No limit: the adapter must write a sheet of any length in full requests (the report caps it at 50,000 lines).
  const claimLines = options.claimLines ? [buildClaimLinesSheet(result, { limit: Infinity })] : [];
  return { rosterColumns: buildRosterColumns(result, roster), sheets: [buildSummarySheet(result, build), ...claimLines, buildSettingsSheet(result, build)] };
}

function measure(excel: FakeExcel) {
  return {
    syncs: excel.syncs.length,
    largestRequest: Math.max(...excel.syncs.map((s) => s.requestBytes)),
    largestResponse: Math.max(...excel.syncs.map((s) => s.responseBytes)),
  };
}

const letters = (column: number) => columnLetters(column - 1);
