/**
 * The tool's columns beside the roster, in the roster sheet's XML: where they go, the checks that keep
 * them off the user's data and merged cells, and the patch that writes them (old blocks and the target
 * emptied, the new cells, widths and status colours).
 */
import type { Grid } from "../../common/grid";
import { columnLetter } from "../../common/grid";
import { isOwnedSheetName, OWNED_SHEET_NAMES } from "../../common/owned";
import { rangeAddress } from "../../report/cells";
import { pastLastColumn } from "../../report/roster-columns";
import type { RosterColumnsOutput } from "../../report/types";
import { WorkbookWriteError } from "../file-errors";
import type { OwnedBlock } from "../owned-block";
import { findOwnedBlocksInGrid, valueAt } from "../owned-grid";
import { cellXml } from "./cells-write";
import { mergedRanges, mergedFromOutside, type MergedRange, type NewCells, type SheetPatch } from "./patch-sheet";
import type { Sheet } from "./sheet-parts";
import type { StyleBook } from "./styles-write";
import * as workbookPart from "./workbook-part";

export interface RosterTarget {
  sheet: Sheet;
  xml: string;
  /** The sheet's merged cells, read once from `xml`. */
  merges: MergedRange[];
  target: OwnedBlock;
  output: RosterColumnsOutput;
  /** An earlier run's blocks on this sheet. */
  earlier: OwnedBlock[];
  lastRow: number;
  nameFormula: string;
}

/**
 * The block the columns go in, once it is known to be free or already ours; throws a
 * WorkbookWriteError saying what is in the way otherwise.
 */
export function rosterTarget(options: { sheet: Sheet; xml: string; grid: Grid; output: RosterColumnsOutput }): RosterTarget {
  const { sheet, xml, grid, output } = options;
  const target: OwnedBlock = {
    headerRow: output.headerRowNumber,
    firstColumn: output.firstColumn,
    lastColumn: output.firstColumn + output.headers.length - 1,
  };
  // Nothing past column XFD: a sheet whose cells reach that far leaves no room for the columns.
  const beyond = pastLastColumn(output);
  if (beyond) throw new WorkbookWriteError(beyond);
  const earlier = findOwnedBlocksInGrid(grid);
  assertColumnsFree(grid, target, earlier);
  const merges = mergedRanges(xml);
  assertNotMerged(sheet.name, merges, target, [output.headerRowNumber, ...output.rows.map((row) => row.rowNumber)]);
  const lastRow = output.rows.reduce((last, row) => Math.max(last, row.rowNumber), output.clearThroughRow);
  const nameFormula = `${workbookPart.quotedSheetName(sheet.name)}!${absolute(rangeAddress({ top: target.headerRow, left: target.firstColumn, bottom: Math.max(lastRow, target.headerRow), right: target.lastColumn }))}`;
  return { sheet, xml, merges, target, output, earlier, lastRow, nameFormula };
}

/** The roster sheet's changes: old blocks and the target emptied, the new cells, widths and colours. */
export function rosterPatch(roster: RosterTarget, styles: StyleBook, date1904: boolean): SheetPatch {
  const { output, target } = roster;
  const cells = new Map<number, NewCells>();
  const addRow = (rowNumber: number, row: RosterColumnsOutput["headers"]) => {
    let xml = "";
    row.forEach((cell, i) => { xml += cellXml(rowNumber, output.firstColumn + i, cell, styles.cellFormat(cell), date1904); });
    if (xml) cells.set(rowNumber, { first: output.firstColumn, last: output.firstColumn + row.length - 1, xml });
  };
  addRow(output.headerRowNumber, output.headers);
  for (const row of output.rows) addRow(row.rowNumber, row.cells);
  const widths = new Map<number, number | null>(output.columnWidths.map((width, i) => [output.firstColumn + i, width]));
  const conditionalFormats: string[] = [];
  if (roster.lastRow > output.headerRowNumber && output.statusHighlights.length > 0) {
    const column = columnLetter(output.firstColumn);
    const rules = output.statusHighlights.map((highlight, i) => `<cfRule type="cellIs" dxfId="${styles.statusFormat(highlight)}" priority="${i + 1}" operator="equal"><formula>"${highlight.text}"</formula></cfRule>`);
    conditionalFormats.push(`<conditionalFormatting sqref="${column}${output.headerRowNumber + 1}:${column}${roster.lastRow}">${rules.join("")}</conditionalFormatting>`);
  }
  return { clear: [...roster.earlier, target], cells, widths, conditionalFormats };
}

export function assertOwnedSheetName(name: string): void {
  if (!isOwnedSheetName(name)) {
    throw new WorkbookWriteError(`"${name}" is not one of the tool's own sheets; the tool writes only ${OWNED_SHEET_NAMES.join(", ")}.`);
  }
}

/**
 * The target columns must be empty from the header row down, or be an earlier run's columns: the
 * tool never writes over the user's data, even if the roster reader placed the columns wrongly.
 */
function assertColumnsFree(grid: Grid, target: OwnedBlock, earlier: OwnedBlock[]): void {
  const ours = (r: number, c: number) => earlier.some((b) => b.firstColumn <= c && c <= b.lastColumn && r >= b.headerRow);
  const lastRow = grid.firstRow + grid.values.length - 1;
  for (let c = target.firstColumn; c <= target.lastColumn; c++) {
    for (let r = target.headerRow; r <= lastRow; r++) {
      if (ours(r, c)) continue;
      const value = valueAt(grid, r, c);
      if (value !== null && value !== "") {
        throw new WorkbookWriteError(`Cell ${columnLetter(c)}${r} on "${grid.sheetName}" holds your own data, where the ARRS columns would go. Nothing was written; move that data or tell the tool which columns the roster uses.`);
      }
    }
  }
}

/** A row the tool writes must not have the user's merged cells reaching into its columns. */
function assertNotMerged(sheetName: string, merges: MergedRange[], target: OwnedBlock, rows: number[]): void {
  if (merges.length === 0) return;
  for (const r of rows) {
    for (let c = target.firstColumn; c <= target.lastColumn; c++) {
      if (!mergedFromOutside(r, c, target, merges)) continue;
      const m = merges.find((range) => r >= range.top && r <= range.bottom && c >= range.left && c <= range.right)!;
      throw new WorkbookWriteError(`Cell ${columnLetter(c)}${r} on "${sheetName}" is part of merged cells starting at ${columnLetter(m.left)}${m.top}, where the ARRS columns would go. Nothing was written; unmerge those cells and run the check again.`);
    }
  }
}

/** "P4:R9" → "$P$4:$R$9" */
function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}
