/**
 * Workbooks built in the tests with ExcelJS, and a dump of everything about a sheet the tool must not
 * change, for before/after comparisons.
 */
import ExcelJS from "exceljs";
import { FileWorkbook } from "../helpers/file-workbook";
import { conditionalFormats } from "../helpers/exceljs-grid";
import { columnNumber } from "../../src/common/grid";

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/**
 * "Cover" (formulas and styles), "Staff" (a roster: title merged over A1:C1, header on row 3, rows 4–7,
 * columns A–G, with dates, formulas, shared formulas, rich text, a hyperlink and an error), and an
 * "ARRS max reimb 25-26" sheet. Plus a user defined name and a user conditional format.
 */
export async function rosterWorkbookBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet("Cover");
  cover.getCell("A1").value = "PCN workforce";
  cover.getCell("A1").style = { font: { bold: true, size: 16 }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } } };
  cover.getCell("A2").value = "Total salary";
  cover.getCell("B2").value = { formula: "SUM(Staff!E4:E7)", result: 151000 };
  cover.getCell("B2").numFmt = "#,##0";
  cover.getColumn(1).width = 30;

  const staff = wb.addWorksheet("Staff");
  staff.getCell("A1").value = "Staff roster 2025/26";
  staff.mergeCells("A1:C1");
  const headers = ["Name", "Role", "WTE", "Start", "Salary", "Link", "Note"];
  headers.forEach((h, i) => {
    const cell = staff.getCell(3, i + 1);
    cell.value = h;
    cell.style = { font: { bold: true }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFCCCCCC" } } };
  });
  const rows: ExcelJS.CellValue[][] = [
    ["Asha Patel", "Clinical Pharmacist", 1, utc(2025, 4, 1), 45000, { text: "profile", hyperlink: "https://example.org/asha" }, "ok"],
    [{ richText: [{ text: "Ben " }, { text: "Jones", font: { bold: true } }] }, "SPLW", 0.8, { formula: "DATE(2025,6,16)", result: utc(2025, 6, 16) }, { formula: "E4*0.6", result: 27000 }, null, { error: "#N/A" }],
    ["=HYPERLINK(\"http://evil\",\"x\")", "FCP", 0.5, utc(2024, 10, 1), { sharedFormula: "E5", result: 40000 }, null, null],
    ["Dee Smith", "Receptionist", 1, utc(2025, 1, 6), 39000, null, "not ARRS"],
  ];
  rows.forEach((values, r) => values.forEach((value, c) => { if (value !== null) staff.getCell(4 + r, 1 + c).value = value; }));
  // Shared formulas need a master with a ref; make row 5's salary the master of E5:E6.
  staff.getCell("E5").value = { formula: "E4*0.6", result: 27000, shareType: "shared", ref: "E5:E6" } as ExcelJS.CellValue;
  for (let r = 4; r <= 7; r++) {
    staff.getCell(r, 4).numFmt = "dd/mm/yyyy";
    staff.getCell(r, 5).numFmt = "£#,##0";
  }
  staff.getColumn(1).width = 24;
  staff.addConditionalFormatting({ ref: "C4:C7", rules: [{ type: "cellIs", operator: "greaterThan", formulae: ["1"], priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFF0000" } } } }] });
  wb.definedNames.add("Staff!$E$4:$E$7", "Payroll");

  const rates = wb.addWorksheet("ARRS max reimb 25-26");
  rates.addRow(["Role", "Max"]);
  rates.addRow(["Social prescribing link worker", 43352]);
  return toBytes(wb);
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return FileWorkbook.fromExcelJs(wb).toBuffer();
}

/** What a sheet holds, as JSON-comparable data; cells with no value and no style are left out. */
export function dumpSheet(ws: ExcelJS.Worksheet, skipColumns: (column: number) => boolean = () => false) {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (skipColumns(c)) return;
      const style = JSON.parse(JSON.stringify(cell.style ?? {}));
      if ((cell.value === null || cell.value === undefined) && Object.keys(style).length === 0) return;
      cells.push({ at: `${r}:${c}`, type: cell.type, value: JSON.parse(JSON.stringify(cell.value ?? null)), style });
    });
  });
  const widths: unknown[] = [];
  for (let c = 1; c <= ws.columnCount; c++) if (!skipColumns(c)) widths.push(ws.getColumn(c).width ?? null);
  while (widths.length > 0 && widths[widths.length - 1] === null) widths.pop();
  const keptFormats = conditionalFormats(ws).filter((cf) => !skipColumns(columnNumber(/^\$?([A-Z]+)/i.exec(cf.ref)?.[1] ?? "A")));
  return {
    name: ws.name,
    cells,
    widths,
    merges: ws.model.merges,
    // x14Id is a fresh GUID ExcelJS gives each data bar on every save, not content; ExcelJS's writer
    // also stamps each rule with its dxfId and its range's ref as it saves, so a model saved once
    // differs from one never saved.
    conditionalFormats: JSON.parse(JSON.stringify(keptFormats.map((cf) => ({ ...cf, rules: cf.rules.map((rule) => {
      const { dxfId: _dxf, ref: _ref, ...rest } = rule as typeof rule & { dxfId?: number; ref?: string };
      return rest;
    }) })), (key, value) => (key === "x14Id" ? undefined : value))),
    views: JSON.parse(JSON.stringify(ws.views)),
    autoFilter: ws.autoFilter ?? null,
  };
}

export async function load(bytes: Uint8Array): Promise<FileWorkbook> {
  return FileWorkbook.fromBuffer(bytes);
}

export function dumpWorkbook(wb: FileWorkbook, skip: (sheet: string, column: number) => boolean = () => false) {
  return {
    sheets: wb.excel.worksheets.map((ws) => dumpSheet(ws, (c) => skip(ws.name, c))),
    names: wb.excel.definedNames.model,
  };
}
