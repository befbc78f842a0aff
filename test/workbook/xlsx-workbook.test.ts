import ExcelJS from "exceljs";
import { OWNED_RANGE_NAME } from "../../src/common/owned";
import { buildWorkbookOutput } from "../../src/report/build";
import { rangeAddress } from "../../src/report/cells";
import type { WorkbookOutput } from "../../src/report/types";
import { WorkbookFileError, WorkbookWriteError } from "../../src/workbook/file-errors";
import { FileWorkbook } from "../helpers/file-workbook";
import { conditionalFormats } from "../helpers/exceljs-grid";
import { checkResult, finding, person, rosterRead } from "../report/fixtures";
import { dumpSheet, dumpWorkbook, load, rosterWorkbookBytes, toBytes } from "./workbooks";

const USER_SHEETS = ["Cover", "Staff", "ARRS max reimb 25-26"];
const OWNED = ["ARRS Claim Summary", "ARRS Claim Lines", "ARRS Settings"];
/** The roster's last column is G; one blank column (H), then the owned columns I:K. */
const FIRST_OWNED = 9;

function result() {
  return checkResult({
    staff: [
      person({ rowNumber: 4, name: "Asha Patel", salary: 45000, findings: [finding("ONCOSTS_ESTIMATED", "warning", "Estimated on-costs.", 4)], onCostsEstimated: true }),
      person({ rowNumber: 5, name: "Ben Jones", role: "social-prescribing-link-worker", wte: 0.8, start: "2025-06-16", salary: 27000 }),
      person({ rowNumber: 6, name: '=HYPERLINK("http://evil","x")', role: "first-contact-physiotherapist", wte: 0.5, salary: 40000, findings: [finding("RATE_UNCONFIRMED", "info", "Inferred.", 6)] }),
      person({ rowNumber: 7, name: "Dee Smith", role: null, roleText: "Receptionist", maximum: null, limit: "invalid-row", findings: [finding("UNKNOWN_ROLE", "error", "Not an ARRS role.\nRename it.", 7)] }),
    ],
  });
}

function output(ownedColumn: number | null = null): WorkbookOutput {
  const roster = rosterRead({ sheetName: "Staff", headerRowNumber: 3, lastColumn: 7, ownedColumn, rowNumbers: [4, 5, 6, 7] });
  return buildWorkbookOutput(result(), roster, { generatedOn: "2025-09-15", rosterSheet: "Staff", columnMapping: { wte: "WTE" } });
}

async function written(bytes: Uint8Array, out: WorkbookOutput = output()): Promise<Uint8Array> {
  const wb = await load(bytes);
  await wb.write(out);
  return wb.toBuffer();
}

/** ExcelJS orders tabs by an untyped orderNo. */
const moveToFront = (ws: ExcelJS.Worksheet) => { (ws as unknown as { orderNo: number }).orderNo = -1; };

const ownedColumn = (sheet: string, column: number) => sheet === "Staff" && column >= FIRST_OWNED && column <= FIRST_OWNED + 2;

describe("FileWorkbook.fromBuffer", () => {
  it("rejects bytes that are not an .xlsx workbook", async () => {
    await expect(FileWorkbook.fromBuffer(new TextEncoder().encode("Name,Role\nAsha,CP\n"))).rejects.toThrow(WorkbookFileError);
    await expect(FileWorkbook.fromBuffer(new TextEncoder().encode("hello"))).rejects.toThrow(/not an \.xlsx workbook/);
  });

  it("says when the file is an old .xls or password-protected one", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(FileWorkbook.fromBuffer(ole)).rejects.toThrow(/not an \.xlsx workbook: it is an older \.xls workbook/);
  });

  it("rejects a damaged zip with the same error class", async () => {
    const broken = new Uint8Array(64);
    broken.set([0x50, 0x4b, 0x03, 0x04]);
    const error = await FileWorkbook.fromBuffer(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as Error).message).toMatch(/not an \.xlsx workbook, or it is damaged/);
  });

  it("opens a workbook from an ArrayBuffer too (as a browser gives it)", async () => {
    const bytes = await rosterWorkbookBytes();
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(await (await FileWorkbook.fromBuffer(copy)).sheetNames()).toEqual(USER_SHEETS);
  });
});

describe("reading", () => {
  let wb: FileWorkbook;
  beforeAll(async () => { wb = await load(await rosterWorkbookBytes()); });

  it("lists sheets in tab order", async () => {
    expect(await wb.sheetNames()).toEqual(USER_SHEETS);
  });

  it("turns every cell into the value Excel shows", async () => {
    const grid = await wb.readSheet("Staff");
    expect(grid).toMatchObject({ sheetName: "Staff", firstRow: 1, firstColumn: 1 });
    expect(grid.values).toHaveLength(7);
    expect(grid.values[0]).toEqual(["Staff roster 2025/26", null, null, null, null, null, null]);
    expect(grid.values[1]).toEqual([null, null, null, null, null, null, null]);
    expect(grid.values[2]).toEqual(["Name", "Role", "WTE", "Start", "Salary", "Link", "Note"]);
    expect(grid.values[3]).toEqual(["Asha Patel", "Clinical Pharmacist", 1, new Date(Date.UTC(2025, 3, 1)), 45000, "profile", "ok"]);
    // Rich text joined, a formula's date result kept a Date, a formula's number, an error's text.
    expect(grid.values[4]).toEqual(["Ben Jones", "SPLW", 0.8, new Date(Date.UTC(2025, 5, 16)), 27000, null, "#N/A"]);
    // A shared formula gives its result; formula-looking text is text.
    expect(grid.values[5]).toEqual(['=HYPERLINK("http://evil","x")', "FCP", 0.5, new Date(Date.UTC(2024, 9, 1)), 40000, null, null]);
    expect(grid.values[6][0]).toBe("Dee Smith");
    // The test workbook really holds a shared formula there, not a plain number.
    expect(wb.excel.getWorksheet("Staff")!.getCell("E6").value).toMatchObject({ sharedFormula: "E5" });
  });

  it("gives null for a formula never calculated, and the text of an error result", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("F");
    ws.getCell("A1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
    ws.getCell("B1").value = { formula: "A1+1" } as ExcelJS.CellValue;
    ws.getCell("C1").value = { text: { richText: [{ text: "rich " }, { text: "link" }] }, hyperlink: "https://example.org" } as unknown as ExcelJS.CellValue;
    ws.getCell("D1").value = true;
    const grid = await FileWorkbook.fromExcelJs(book).readSheet("F");
    expect(grid.values).toEqual([["#DIV/0!", null, "rich link", true]]);
  });

  it("gives the used range's first row and column", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Offset");
    ws.getCell("C5").value = "a";
    ws.getCell("E6").value = 2;
    ws.getCell("A1").style = { font: { bold: true } };
    const grid = await FileWorkbook.fromExcelJs(book).readSheet("offset");
    expect(grid).toEqual({ sheetName: "Offset", firstRow: 5, firstColumn: 3, values: [["a", null, null], [null, null, 2]] });
    book.addWorksheet("Empty");
    expect(await FileWorkbook.fromExcelJs(book).readSheet("Empty")).toEqual({ sheetName: "Empty", firstRow: 1, firstColumn: 1, values: [] });
  });

  it("says which sheet is missing", async () => {
    await expect(wb.readSheet("Rota")).rejects.toThrow('There is no sheet named "Rota"');
  });
});

describe("writing", () => {
  let original: Uint8Array;
  let first: Uint8Array;
  let after: FileWorkbook;
  beforeAll(async () => {
    original = await rosterWorkbookBytes();
    first = await written(original);
    after = await load(first);
  });

  it("adds the owned sheets at the end of the tab order", async () => {
    expect(await after.sheetNames()).toEqual([...USER_SHEETS, ...OWNED]);
  });

  it("writes the roster columns after a blank column, from the header row down", async () => {
    const grid = await after.readSheet("Staff");
    const owned = grid.values.map((row) => row.slice(FIRST_OWNED - 1, FIRST_OWNED + 2));
    expect(grid.values[2][7]).toBeNull();
    expect(owned[2]).toEqual(["ARRS status", "ARRS claimable 2025/26", "ARRS findings"]);
    expect(owned.slice(3).map((r) => r[0])).toEqual(["Warning", "OK", "Note", "Error"]);
    expect(owned[6][2]).toBe("UNKNOWN_ROLE: Not an ARRS role.\nRename it.");
    expect(owned[3][1]).toBeCloseTo(result().staff[0].claimable, 9);
    expect(owned[0]).toEqual([null, null, null]);
  });

  it("formats the roster columns: header style, money, unwrapped findings, status colours by text", () => {
    const ws = after.excel.getWorksheet("Staff")!;
    expect(ws.getCell(3, FIRST_OWNED).font?.bold).toBe(true);
    expect(ws.getCell(7, FIRST_OWNED + 2).alignment?.wrapText).toBeFalsy();
    expect(ws.getCell(4, FIRST_OWNED + 1).numFmt).toBe("£#,##0.00");
    expect(ws.getColumn(FIRST_OWNED + 2).width).toBeGreaterThan(40);
    const ours = conditionalFormats(ws).find((cf) => cf.ref === "I4:I7")!;
    expect(ours.rules.map((rule) => (rule as ExcelJS.CellIsRuleType).formulae)).toEqual([['"Error"'], ['"Warning"'], ['"Note"']]);
    // After the user's own rule, which keeps priority 1.
    expect(ours.rules.map((rule) => rule.priority)).toEqual([2, 3, 4]);
  });

  it("names the owned columns with a workbook-level defined name, keeping the user's names", () => {
    const names = after.excel.definedNames.model;
    expect(names).toContainEqual({ name: OWNED_RANGE_NAME, ranges: ["Staff!$I$3:$K$7"] });
    expect(names).toContainEqual({ name: "Payroll", ranges: ["Staff!$E$4:$E$7"] });
  });

  it("writes the summary with styles, widths, data bars for the role table, and literal text", async () => {
    const ws = after.excel.getWorksheet("ARRS Claim Summary")!;
    expect(ws.getCell("A1").value).toBe("ARRS claim summary 2025/26");
    expect(ws.getCell("A1").font?.size).toBe(14);
    expect(ws.getColumn(1).width).toBe(52);
    const header = ws.getColumn(1).values.indexOf("Role");
    expect(ws.getCell(header, 1).fill).toMatchObject({ type: "pattern", pattern: "solid" });
    const bars = conditionalFormats(ws).filter((cf) => cf.rules[0].type === "dataBar").map((cf) => cf.ref);
    const out = output().sheets[0];
    expect(bars).toEqual(out.dataBars!.map((bar) => rangeAddress(bar.range)));
    const months = (await after.readSheet("ARRS Claim Summary")).values.map((r) => r[0]);
    expect(months).toContain("Apr 2025");
  });

  it("writes claim lines with a frozen header, a filter, dates and formula-looking names as text", async () => {
    const ws = after.excel.getWorksheet("ARRS Claim Lines")!;
    // The table's header row, below the claim header block, found by its text; columns by their headers.
    const headerRow = ws.getColumn(1).values.indexOf("Month");
    expect(headerRow).toBeGreaterThan(1);
    expect(ws.getCell(1, 1).value).toBe("Claim period");
    const headers = (ws.getRow(headerRow).values as unknown[]).slice(1);
    const column = (header: string) => {
      const c = headers.indexOf(header) + 1;
      expect([header, c > 0]).toEqual([header, true]);
      return c;
    };
    expect(headers.at(-1)).toBe("Roster row");
    expect(ws.getCell(headerRow, column("Name")).font?.bold).toBe(true);
    const lastLine = ws.getColumn(1).values.length - 1;
    expect(lastLine).toBeGreaterThan(headerRow);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: headerRow });
    expect(ws.autoFilter).toBe(`A${headerRow}:${ws.getColumn(headers.length).letter}${lastLine}`);
    const first = headerRow + 1;
    expect(ws.getCell(first, column("Month")).value).toEqual(new Date(Date.UTC(2025, 3, 1)));
    expect(ws.getCell(first, column("Month")).numFmt).toBe("mmm yyyy");
    expect(ws.getCell(first, column("Start date")).value).toEqual(new Date(Date.UTC(2025, 3, 1)));
    expect(ws.getCell(first, column("Start date")).numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell(first, column("Claimable")).numFmt).toBe("£#,##0.00");
    const name = column("Name");
    const evil = ws.getColumn(name).values.findIndex((v) => typeof v === "string" && v.startsWith("=HYPERLINK"));
    expect(evil).toBeGreaterThan(headerRow);
    expect(ws.getCell(evil, name).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell(evil, name).formula).toBeUndefined();
  });

  it("writes the settings sheet that the settings reader reads back", async () => {
    const grid = await after.readSheet("ARRS Settings");
    expect(grid.values.slice(1)).toEqual([
      ["Setting", "Value"], ["Financial year", "2025/26"], ["List size", 60000], ["Weighted population", 50000],
      ["Region", "national"], ["Claim up to earlier maximums when a figure is missing", "Yes"], ["Roster sheet", "Staff"],
      // The claim header: blank until given.
      ["PCN name", null], ["PCN ODS code", null], ["ICB", null], ["Lead or paying practice", null],
      ["Column: wte", "WTE"],
    ]);
  });

  it("leaves every other sheet, cell, style, format, name and the sheet order as they were", async () => {
    const before = dumpWorkbook(await load(original));
    const now = dumpWorkbook(after, ownedColumn);
    expect(now.sheets.slice(0, 3)).toEqual(before.sheets);
    expect(now.names.filter((n) => n.name !== OWNED_RANGE_NAME)).toEqual(before.names);
  });

  it("gives the same workbook when run a second time", async () => {
    const second = await written(first);
    expect(dumpWorkbook(await load(second))).toEqual(dumpWorkbook(after));
    // And twice in memory before saving.
    const twice = await load(original);
    await twice.write(output());
    await twice.write(output(FIRST_OWNED));
    expect(dumpWorkbook(await load(await twice.toBuffer()))).toEqual(dumpWorkbook(after));
  });

  it("returns the workbook to its original contents when the output is removed", async () => {
    const wb = await load(first);
    expect(await wb.removeOutput()).toEqual({ removedSheets: OWNED, clearedColumns: 3 });
    const restored = await load(await wb.toBuffer());
    expect(dumpWorkbook(restored)).toEqual(dumpWorkbook(await load(original)));
    expect(await restored.removeOutput()).toEqual({ removedSheets: [], clearedColumns: 0 });
  });
});

describe("writing over an earlier run", () => {
  it("replaces rows a previous run flagged that are no longer on the roster", async () => {
    const wb = await load(await written(await rosterWorkbookBytes()));
    const fewer = buildWorkbookOutput(checkResult({ staff: [person({ rowNumber: 4 })] }), rosterRead({ sheetName: "Staff", headerRowNumber: 3, lastColumn: 7, ownedColumn: FIRST_OWNED, rowNumbers: [4] }), { generatedOn: "2025-09-15", rosterSheet: "Staff" });
    await wb.write(fewer);
    const grid = await wb.readSheet("Staff");
    expect(grid.values.slice(4).map((r) => r.slice(FIRST_OWNED - 1))).toEqual([[null, null, null], [null, null, null], [null, null, null]]);
    expect(conditionalFormats(wb.excel.getWorksheet("Staff")!).map((cf) => cf.ref)).toEqual(["C4:C7", "I4:I4"]);
  });

  it("clears an earlier run's columns wherever they were on the roster sheet", async () => {
    const wb = await load(await rosterWorkbookBytes());
    const moved = output();
    moved.rosterColumns = { ...moved.rosterColumns!, firstColumn: 12 };
    await wb.write(moved);
    await wb.write(output());
    const grid = await wb.readSheet("Staff");
    expect(grid.values[2].slice(FIRST_OWNED - 1)).toEqual(["ARRS status", "ARRS claimable 2025/26", "ARRS findings"]);
    expect(wb.excel.definedNames.model).toContainEqual({ name: OWNED_RANGE_NAME, ranges: ["Staff!$I$3:$K$7"] });
  });

  it("clears an earlier run's columns beside another sheet when the roster moved", async () => {
    const wb = await load(await written(await rosterWorkbookBytes()));
    const elsewhere = output();
    elsewhere.rosterColumns = { ...elsewhere.rosterColumns!, sheetName: "Cover", headerRowNumber: 1, firstColumn: 4, rows: [], clearThroughRow: 2 };
    await wb.write(elsewhere);
    const staff = await wb.readSheet("Staff");
    expect(staff.values[0]).toHaveLength(7);
    expect((await wb.readSheet("Cover")).values[0]).toEqual(["PCN workforce", null, null, "ARRS status", "ARRS claimable 2025/26", "ARRS findings"]);
    expect(wb.excel.definedNames.model).toContainEqual({ name: OWNED_RANGE_NAME, ranges: ["Cover!$D$1:$F$2"] });
  });

  it("rewrites an owned sheet in place, keeping its tab position and dropping stale cells", async () => {
    const book = await load(await rosterWorkbookBytes());
    const stale = book.excel.addWorksheet("ARRS Claim Summary");
    stale.getCell("Z99").value = "stale";
    stale.getCell("Z99").style = { font: { bold: true } };
    stale.mergeCells("X1:Y2");
    stale.addConditionalFormatting({ ref: "Z1:Z9", rules: [{ type: "dataBar", priority: 1, cfvo: [{ type: "min" }, { type: "max" }] } as ExcelJS.DataBarRuleType] });
    moveToFront(stale); // as a user dragging the tab
    const id = stale.id;
    const wb = await load(await book.toBuffer());
    await wb.write(output());
    expect((await wb.sheetNames())[0]).toBe("ARRS Claim Summary");
    const ws = wb.excel.getWorksheet("ARRS Claim Summary")!;
    expect(ws.id).toBe(id);
    expect(ws.getCell("Z99").value).toBeNull();
    expect(ws.getCell("Z99").font).toBeUndefined();
    expect(ws.model.merges).toEqual([]);
    expect(conditionalFormats(ws).map((cf) => cf.ref)).not.toContain("Z1:Z9");
  });
});

describe("writing only where the tool owns", () => {
  it("refuses to write over the user's data in the target columns, and changes nothing", async () => {
    const bytes = await rosterWorkbookBytes();
    const wb = await load(bytes);
    wb.excel.getWorksheet("Staff")!.getCell("J6").value = "my note";
    const before = dumpWorkbook(wb);
    await expect(wb.write(output())).rejects.toThrow(WorkbookWriteError);
    await expect(wb.write(output())).rejects.toThrow(/J6 on "Staff" holds your own data/);
    expect(dumpWorkbook(wb)).toEqual(before);
  });

  it("refuses a sheet that is not one of its own", async () => {
    const wb = await load(await rosterWorkbookBytes());
    const out = output();
    out.sheets = [{ ...out.sheets[0], name: "Cover" }];
    await expect(wb.write(out)).rejects.toThrow(/"Cover" is not one of the tool's own sheets/);
    expect(dumpSheet(wb.excel.getWorksheet("Cover")!).cells).toHaveLength(3);
  });

  it("does not take a user's lone \"ARRS status\" column for its own", async () => {
    const book = await load(await rosterWorkbookBytes());
    book.excel.getWorksheet("Cover")!.getCell("D1").value = "ARRS status";
    book.excel.getWorksheet("Cover")!.getCell("D2").value = "submitted";
    expect(await book.removeOutput()).toEqual({ removedSheets: [], clearedColumns: 0 });
    expect(book.excel.getWorksheet("Cover")!.getCell("D2").value).toBe("submitted");
  });

  it("keeps the active sheet when owned sheets before it are removed", async () => {
    const book = await load(await written(await rosterWorkbookBytes()));
    moveToFront(book.excel.getWorksheet("ARRS Claim Lines")!);
    const reordered = await load(await book.toBuffer());
    reordered.excel.views = [{ x: 0, y: 0, width: 10000, height: 10000, firstSheet: 0, activeTab: 2, visibility: "visible" }];
    expect(reordered.excel.worksheets[2].name).toBe("Staff");
    await reordered.removeOutput();
    expect(reordered.excel.views[0].activeTab).toBe(1);
    expect(reordered.excel.worksheets[1].name).toBe("Staff");
  });
});

describe("toBytes helper", () => {
  it("round-trips a fresh workbook", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Only").getCell("A1").value = 1;
    expect(await (await load(await toBytes(book))).sheetNames()).toEqual(["Only"]);
  });
});
