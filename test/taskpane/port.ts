/**
 * Test doubles for the task pane: the sample workbook (or an empty one) in the ExcelJS adapter, with
 * every port method a jest spy, and selectRow/addSheet as Office would offer them.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { FileWorkbook } from "../helpers/file-workbook";
import type { Grid } from "../../src/common/grid";
import type { OwnedSheet } from "../../src/report/types";
import type { WorkbookPort } from "../../src/workbook/types";

export const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-pcn-2025-26.xlsx");

export type SpyPort = WorkbookPort & {
  workbook: FileWorkbook;
  sheetNames: jest.Mock<Promise<string[]>, []>;
  readSheet: jest.Mock<Promise<Grid>, [string]>;
  write: jest.Mock<ReturnType<WorkbookPort["write"]>, Parameters<WorkbookPort["write"]>>;
  removeOutput: jest.Mock<ReturnType<WorkbookPort["removeOutput"]>, []>;
  selectRow: jest.Mock<Promise<void>, [string, number]>;
  addSheet: jest.Mock<Promise<void>, [string, (string | number | null)[][]]>;
  addFormattedSheet: jest.Mock<Promise<void>, [OwnedSheet, { select?: string | null }?]>;
  selectCell: jest.Mock<Promise<void>, [string, string]>;
};

/** Wraps a FileWorkbook: reads pass through; writes are recorded and applied. */
export function spyPort(workbook: FileWorkbook, options: { excel?: boolean } = { excel: true }): SpyPort {
  const port = {
    workbook,
    sheetNames: jest.fn(() => workbook.sheetNames()),
    readSheet: jest.fn((name: string) => workbook.readSheet(name)),
    write: jest.fn((output) => workbook.write(output)),
    removeOutput: jest.fn(() => workbook.removeOutput()),
    selectRow: jest.fn(async () => undefined),
    addSheet: jest.fn(async (name: string, values: (string | number | null)[][]) => {
      const ws = workbook.excel.addWorksheet(name);
      values.forEach((row) => ws.addRow(row));
    }),
    // The rates sheet's values (its formats are the adapters' to test); refused if the name is taken.
    addFormattedSheet: jest.fn(async (sheet: OwnedSheet) => {
      if (workbook.excel.worksheets.some((ws) => ws.name.toLowerCase() === sheet.name.toLowerCase())) {
        throw Object.assign(new Error(`A sheet named "${sheet.name}" already exists.`), { name: "WorkbookWriteError" });
      }
      const ws = workbook.excel.addWorksheet(sheet.name);
      sheet.rows.forEach((row) => ws.addRow(row.map((cell) => (typeof cell.value === "object" && cell.value !== null ? cell.value.date : cell.value))));
    }),
    selectCell: jest.fn(async () => undefined),
  };
  if (!options.excel) {
    // A file in a browser tab: a sheet can be added (it goes into the download), but nothing selected.
    delete (port as Partial<typeof port>).selectRow;
    delete (port as Partial<typeof port>).addSheet;
    delete (port as Partial<typeof port>).selectCell;
  }
  return port as unknown as SpyPort;
}

export async function sampleWorkbook(): Promise<FileWorkbook> {
  return FileWorkbook.fromBuffer(new Uint8Array(readFileSync(SAMPLE)));
}

/** The sample without its ARRS Settings sheet: settings not yet given, roster still found. */
export async function sampleWithoutSettings(): Promise<FileWorkbook> {
  const workbook = await sampleWorkbook();
  await workbook.removeOutput();
  return workbook;
}

/** A new workbook with one empty sheet: the first run. */
export function emptyWorkbook(): FileWorkbook {
  const excel = new ExcelJS.Workbook();
  excel.addWorksheet("Sheet1");
  return FileWorkbook.fromExcelJs(excel);
}
