/**
 * The ExcelJS adapter: a workbook held in memory, loaded from and saved to bytes. No node:fs here, so
 * the same code runs in a browser tab; file-io.ts adds the path helpers for the command line.
 *
 * ExcelJS cannot draw charts, so a chart spec becomes data bars over its values. ExcelJS also drops
 * some parts of a workbook it does not model (charts, pivot tables, macros) when it saves; that is a
 * limit of the file door, not something this adapter changes on purpose.
 */
import ExcelJS from "exceljs";
import type { Grid, CellValue } from "../common/grid";
import { columnLetter } from "../common/grid";
import { OWNED_RANGE_NAME, OWNED_SHEET_NAMES } from "../common/owned";
import { rangeAddress } from "../report/cells";
import type { OutputCell, OwnedSheet, RosterColumnsOutput, WorkbookOutput } from "../report/types";
import { dataBarRule, excelStyles, excelValue, shownValue, statusRule } from "./excel-cells";
import { sheetTooLong } from "./file-limits";
import { clearBlock, findOwnedBlocks, maxPriority, mergedFromOutside, type OwnedBlock } from "./owned-columns";
import type { WorkbookPort } from "./types";

/** The bytes given are not an .xlsx workbook ExcelJS can open. */
export class WorkbookFileError extends Error {
  override name = "WorkbookFileError";
}

/** The tool was asked to write somewhere it does not own; nothing was written. */
export class WorkbookWriteError extends Error {
  override name = "WorkbookWriteError";
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Old binary .xls files and password-protected .xlsx files are both OLE compound files. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * An encrypted .xlsx is an OLE compound file holding the streams "EncryptionInfo" and
 * "EncryptedPackage" (MS-OFFCRYPTO); their names are in the file's directory in UTF-16.
 */
function isEncryptedOoxml(bytes: Uint8Array): boolean {
  const name = Array.from("EncryptedPackage", (ch) => ch.charCodeAt(0)).flatMap((code) => [code, 0]);
  outer: for (let i = bytes.indexOf(name[0]); i !== -1; i = bytes.indexOf(name[0], i + 1)) {
    for (let k = 1; k < name.length; k++) if (bytes[i + k] !== name[k]) continue outer;
    return true;
  }
  return false;
}

export class FileWorkbook implements WorkbookPort {
  private constructor(readonly excel: ExcelJS.Workbook) {}

  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<FileWorkbook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (startsWith(bytes, OLE_MAGIC)) {
      throw new WorkbookFileError(isEncryptedOoxml(bytes)
        ? "This workbook is password-protected, so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, and clear it) and save an unprotected copy, then check that copy."
        : "This file is not an .xlsx workbook: it is an older .xls workbook (or another Office file). Open it in Excel and save it as an Excel Workbook (.xlsx), then try again.");
    }
    if (!startsWith(bytes, ZIP_MAGIC)) {
      throw new WorkbookFileError("This file is not an .xlsx workbook. Save the roster from Excel as an Excel Workbook (.xlsx) and try again.");
    }
    // Counted before ExcelJS parses anything: a sheet of a million rows would take minutes and gigabytes.
    const tooLong = await sheetTooLong(bytes);
    if (tooLong) throw new WorkbookFileError(tooLong);
    const workbook = new ExcelJS.Workbook();
    try {
      // ExcelJS's typings say Buffer; at run time it takes any bytes JSZip takes (Buffer, Uint8Array, ArrayBuffer).
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (error) {
      throw new WorkbookFileError(`This file is not an .xlsx workbook, or it is damaged (${(error as Error).message}).`);
    }
    if (workbook.worksheets.length === 0) throw new WorkbookFileError("This file is not an .xlsx workbook: it holds no worksheets.");
    return new FileWorkbook(workbook);
  }

  /** Wraps a workbook built in memory (tests, or a new file). */
  static fromExcelJs(workbook: ExcelJS.Workbook): FileWorkbook {
    return new FileWorkbook(workbook);
  }

  async toBuffer(): Promise<Uint8Array> {
    const out = await this.excel.xlsx.writeBuffer();
    return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
  }

  async sheetNames(): Promise<string[]> {
    return this.excel.worksheets.map((ws) => ws.name);
  }

  async readSheet(name: string): Promise<Grid> {
    const ws = this.findSheet(name);
    if (!ws) throw new Error(`There is no sheet named "${name}" in this workbook.`);
    return readGrid(ws);
  }

  async write(output: WorkbookOutput): Promise<void> {
    // Every check comes before the first change, so a refused write leaves the workbook as it was.
    for (const sheet of output.sheets) assertOwnedSheetName(sheet.name);
    const roster = output.rosterColumns ? this.rosterTarget(output.rosterColumns) : null;
    // An earlier run's columns go wherever they are (even beside another sheet, if the roster moved),
    // so a second run replaces the first rather than adding to it. Output without roster columns
    // (saving the settings sheet alone) leaves them as they are.
    if (roster) {
      this.clearOwnedColumns({ known: new Map([[roster.ws, roster.earlier]]) });
      this.writeRosterColumns(roster);
    }
    for (const sheet of output.sheets) this.writeOwnedSheet(sheet);
  }

  async removeOutput(): Promise<{ removedSheets: string[]; clearedColumns: number }> {
    const removedSheets = this.removeOwnedSheets();
    const clearedColumns = this.clearOwnedColumns({ resetWidths: true });
    this.setOwnedName(null);
    return { removedSheets, clearedColumns };
  }

  /**
   * Clears the tool's columns on every sheet but its own; returns how many columns. `known`: blocks
   * already found on a sheet (finding them reads every cell of the sheet).
   */
  private clearOwnedColumns(options: { resetWidths?: boolean; known?: Map<ExcelJS.Worksheet, OwnedBlock[]> } = {}): number {
    let cleared = 0;
    for (const ws of this.excel.worksheets) {
      if (isOwnedSheetName(ws.name)) continue;
      for (const block of options.known?.get(ws) ?? findOwnedBlocks(ws)) {
        clearBlock(ws, block);
        if (options.resetWidths) resetWidths(ws, block);
        cleared += block.lastColumn - block.firstColumn + 1;
      }
    }
    return cleared;
  }

  /** Excel sheet names are unique regardless of case, so look them up that way too. */
  private findSheet(name: string): ExcelJS.Worksheet | undefined {
    const sheets = this.excel.worksheets;
    return sheets.find((ws) => ws.name === name) ?? sheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
  }

  /** The roster sheet and the block the columns go in, once it is known to be free or already ours. */
  private rosterTarget(output: RosterColumnsOutput): RosterTarget {
    const ws = this.findSheet(output.sheetName);
    if (!ws) throw new WorkbookWriteError(`There is no sheet named "${output.sheetName}" to write the ARRS columns beside.`);
    if (isOwnedSheetName(ws.name)) throw new WorkbookWriteError(`"${ws.name}" is one of the tool's own sheets, not a roster.`);
    const target: OwnedBlock = {
      headerRow: output.headerRowNumber,
      firstColumn: output.firstColumn,
      lastColumn: output.firstColumn + output.headers.length - 1,
    };
    const earlier = findOwnedBlocks(ws);
    assertColumnsFree(ws, target, earlier);
    assertNotMerged(ws, target, [output.headerRowNumber, ...output.rows.map((row) => row.rowNumber)]);
    return { ws, target, output, earlier };
  }

  private writeRosterColumns({ ws, target, output }: RosterTarget): void {
    // Down to the sheet's last row even where no earlier run's header marks the columns as ours.
    clearBlock(ws, target);

    const styles = excelStyles();
    writeRow(ws, output.headerRowNumber, output.firstColumn, output.headers, styles);
    for (const row of output.rows) writeRow(ws, row.rowNumber, output.firstColumn, row.cells, styles);
    output.columnWidths.forEach((width, i) => { ws.getColumn(output.firstColumn + i).width = width; });

    const lastRow = output.rows.reduce((last, row) => Math.max(last, row.rowNumber), output.clearThroughRow);
    this.addStatusHighlights(ws, output, lastRow);
    this.setOwnedName({ sheetName: ws.name, top: target.headerRow, left: target.firstColumn, bottom: Math.max(lastRow, target.headerRow), right: target.lastColumn });
  }

  private addStatusHighlights(ws: ExcelJS.Worksheet, output: RosterColumnsOutput, lastRow: number): void {
    if (lastRow <= output.headerRowNumber || output.statusHighlights.length === 0) return;
    const column = columnLetter(output.firstColumn);
    const priority = maxPriority(ws);
    ws.addConditionalFormatting({
      ref: `${column}${output.headerRowNumber + 1}:${column}${lastRow}`,
      rules: output.statusHighlights.map((highlight, i) => statusRule(highlight, priority + i + 1)),
    });
  }

  /**
   * Replaces the workbook-level name over the owned columns. ExcelJS writes back exactly what its
   * defined-names model holds, so filtering the model leaves every other name as it was.
   */
  private setOwnedName(location: { sheetName: string; top: number; left: number; bottom: number; right: number } | null): void {
    const names = this.excel.definedNames;
    names.model = names.model.filter((entry) => entry.name !== OWNED_RANGE_NAME);
    if (location) names.addEx(location as unknown as ExcelJS.Location, OWNED_RANGE_NAME);
  }

  /** Rewritten in place, never deleted and re-created (which in Excel would clear the undo stack). */
  private writeOwnedSheet(sheet: OwnedSheet): void {
    const existing = this.findSheet(sheet.name);
    const ws = existing ?? this.excel.addWorksheet(sheet.name);
    if (existing) clearSheet(ws);
    const styles = excelStyles();
    sheet.rows.forEach((cells, i) => writeRow(ws, i + 1, 1, cells, styles));
    sheet.columnWidths.forEach((width, i) => { ws.getColumn(i + 1).width = width; });
    setFrozenRows(ws, sheet.freezeRows ?? 0);
    if (sheet.autoFilter) ws.autoFilter = rangeAddress(sheet.autoFilter);
    const bars = [...(sheet.dataBars ?? []).map((bar) => bar.range), ...(sheet.chart ? [sheet.chart.values] : [])];
    bars.forEach((range, i) => ws.addConditionalFormatting({ ref: rangeAddress(range), rules: [dataBarRule(i + 1)] }));
  }

  private removeOwnedSheets(): string[] {
    const activeName = this.activeSheetName();
    const removed: string[] = [];
    for (const name of OWNED_SHEET_NAMES) {
      const ws = this.findSheet(name);
      if (!ws) continue;
      this.excel.removeWorksheet(ws.id);
      removed.push(ws.name);
    }
    this.setActiveSheet(activeName);
    return removed;
  }

  private activeSheetName(): string | null {
    const index = this.excel.views?.[0]?.activeTab;
    return index === undefined ? null : this.excel.worksheets[index]?.name ?? null;
  }

  /** Keeps the same sheet active after others were removed; the first sheet if it was removed itself. */
  private setActiveSheet(name: string | null): void {
    const view = this.excel.views?.[0];
    if (!view || view.activeTab === undefined) return;
    const index = this.excel.worksheets.findIndex((ws) => ws.name === name);
    view.activeTab = Math.max(0, index);
    if (view.firstSheet !== undefined && view.firstSheet >= this.excel.worksheets.length) view.firstSheet = 0;
  }
}

interface RosterTarget {
  ws: ExcelJS.Worksheet;
  target: OwnedBlock;
  output: RosterColumnsOutput;
  /** An earlier run's blocks on this sheet. */
  earlier: OwnedBlock[];
}

function isOwnedSheetName(name: string): boolean {
  return OWNED_SHEET_NAMES.some((owned) => owned.toLowerCase() === name.toLowerCase());
}

function assertOwnedSheetName(name: string): void {
  if (!isOwnedSheetName(name)) {
    throw new WorkbookWriteError(`"${name}" is not one of the tool's own sheets; the tool writes only ${OWNED_SHEET_NAMES.join(", ")}.`);
  }
}

/**
 * The target columns must be empty from the header row down, or be an earlier run's columns: the
 * tool never writes over the user's data, even if the roster reader placed the columns wrongly.
 */
function assertColumnsFree(ws: ExcelJS.Worksheet, target: OwnedBlock, earlier: OwnedBlock[]): void {
  const ours = (r: number, c: number) => earlier.some((b) => b.firstColumn <= c && c <= b.lastColumn && r >= b.headerRow);
  for (let c = target.firstColumn; c <= target.lastColumn; c++) {
    for (let r = target.headerRow; r <= ws.rowCount; r++) {
      if (ours(r, c)) continue;
      const cell = ws.findCell(r, c);
      const value = cell ? shownValue(cell) : null;
      if (value !== null && value !== "") {
        throw new WorkbookWriteError(`Cell ${columnLetter(c)}${r} on "${ws.name}" holds your own data, where the ARRS columns would go. Nothing was written; move that data or tell the tool which columns the roster uses.`);
      }
    }
  }
}

/**
 * A row the tool writes must not have the user's merged cells reaching into its columns: ExcelJS
 * would put the tool's value into the merged range's first cell, over the user's text.
 */
function assertNotMerged(ws: ExcelJS.Worksheet, target: OwnedBlock, rows: number[]): void {
  for (const r of rows) {
    for (let c = target.firstColumn; c <= target.lastColumn; c++) {
      const cell = ws.findCell(r, c);
      if (cell && mergedFromOutside(cell, target)) {
        throw new WorkbookWriteError(`Cell ${columnLetter(c)}${r} on "${ws.name}" is part of merged cells starting at ${cell.master.address}, where the ARRS columns would go. Nothing was written; unmerge those cells and run the check again.`);
      }
    }
  }
}

function writeRow(ws: ExcelJS.Worksheet, rowNumber: number, firstColumn: number, cells: OutputCell[], styles: (cell: OutputCell) => Partial<ExcelJS.Style>): void {
  cells.forEach((cell, i) => {
    // A gap in the layout stays a missing cell rather than an empty one.
    if (cell.value === null && !cell.style && !cell.format) return;
    const target = ws.getCell(rowNumber, firstColumn + i);
    target.value = excelValue(cell);
    target.style = styles(cell);
  });
}

/** Every cell's value and style, merges, filter and conditional formats: the sheet is ours. */
function clearSheet(ws: ExcelJS.Worksheet): void {
  if (ws.hasMerges) for (const range of ws.model.merges) ws.unMergeCells(range);
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.value = null;
      cell.style = {};
    });
  });
  ws.columns?.forEach((column) => { column.width = undefined; });
  ws.autoFilter = undefined;
  ws.removeConditionalFormatting(() => false);
}

function setFrozenRows(ws: ExcelJS.Worksheet, rows: number): void {
  // Keep whether the tab is selected and its zoom, which are the user's, and set only the panes.
  // (ExcelJS reads tabSelected but leaves it out of its typings.)
  const previous = (ws.views?.[0] ?? {}) as { tabSelected?: boolean; zoomScale?: number };
  const keep: Record<string, unknown> = {};
  if (previous.tabSelected !== undefined) keep.tabSelected = previous.tabSelected;
  if (previous.zoomScale !== undefined) keep.zoomScale = previous.zoomScale;
  const panes = rows > 0 ? { state: "frozen", xSplit: 0, ySplit: rows, topLeftCell: `A${rows + 1}` } : { state: "normal" };
  ws.views = [{ ...keep, ...panes } as Partial<ExcelJS.WorksheetView>];
}

function resetWidths(ws: ExcelJS.Worksheet, block: OwnedBlock): void {
  for (let c = block.firstColumn; c <= block.lastColumn; c++) ws.getColumn(c).width = undefined;
}

/** The used range, trimmed to the cells that show a value. */
export function readGrid(ws: ExcelJS.Worksheet): Grid {
  // Row, column and value in three flat lists rather than an object per cell: a roster has millions.
  const rowNumbers: number[] = [];
  const columns: number[] = [];
  const values: CellValue[] = [];
  // Loops rather than Math.min(...cells): a spread of a large sheet can overflow the stack.
  let [firstRow, lastRow, firstColumn, lastColumn] = [Infinity, 0, Infinity, 0];
  ws.eachRow((row, rowNumber) => {
    row.eachCell((cell, column) => {
      const value = shownValue(cell);
      if (value === null || value === "") return;
      rowNumbers.push(rowNumber);
      columns.push(column);
      values.push(value);
      if (rowNumber < firstRow) firstRow = rowNumber;
      if (rowNumber > lastRow) lastRow = rowNumber;
      if (column < firstColumn) firstColumn = column;
      if (column > lastColumn) lastColumn = column;
    });
  });
  if (values.length === 0) return { sheetName: ws.name, firstRow: 1, firstColumn: 1, values: [] };
  const grid: CellValue[][] = Array.from({ length: lastRow - firstRow + 1 }, () => new Array<CellValue>(lastColumn - firstColumn + 1).fill(null));
  for (let i = 0; i < values.length; i++) grid[rowNumbers[i] - firstRow][columns[i] - firstColumn] = values[i];
  return { sheetName: ws.name, firstRow, firstColumn, values: grid };
}
