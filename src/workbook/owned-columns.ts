/**
 * Finding and clearing the tool's own columns on an ExcelJS worksheet. A block is recognised by its
 * headers ("ARRS status" with another of its headers right beside it, then any further ones), so a
 * user's own column that happens to be called "ARRS status" on its own is never taken for ours.
 */
import type ExcelJS from "exceljs";
import { OWNED_COLUMN_HEADERS, isOwnedColumnHeader } from "../common/owned";
import { shownValue } from "./excel-cells";
import { columnNumber } from "../common/grid";
import type { OwnedBlock } from "./owned-block";

export type { OwnedBlock } from "./owned-block";

const sameHeader = (value: unknown, header: string): boolean => {
  if (typeof value !== "string" || value.length < header.length) return false;
  // Every text cell of every sheet comes here: one starting with another printable ASCII character
  // (lower-cased by hand) is not the header, without trimming and lower-casing it.
  const first = value.charCodeAt(0);
  if (first > 32 && first < 127 && (first >= 65 && first <= 90 ? first + 32 : first) !== header.toLowerCase().charCodeAt(0)) return false;
  return value.trim().toLowerCase() === header.toLowerCase();
};

// findCell, not getCell: looking must not create cells in the user's sheet.
const cellShown = (cell: ExcelJS.Cell | undefined) => (cell ? shownValue(cell) : null);

/** Cell types that never show a header's text (ExcelJS ValueType: Null, Merge, Number, Date, Boolean). */
const NOT_TEXT = new Set<number>([0, 1, 2, 4, 9]);

export function findOwnedBlocks(ws: ExcelJS.Worksheet): OwnedBlock[] {
  const blocks: OwnedBlock[] = [];
  ws.eachRow((row, rowNumber) => {
    row.eachCell((cell, column) => {
      // Every cell of every sheet is looked at: numbers and dates are passed over without reading them.
      if (NOT_TEXT.has(cell.type as number)) return;
      if (!sameHeader(shownValue(cell), OWNED_COLUMN_HEADERS.status)) return;
      if (!isOwnedColumnHeader(cellShown(row.findCell(column + 1)))) return;
      let last = column + 1;
      while (isOwnedColumnHeader(cellShown(row.findCell(last + 1)))) last += 1;
      blocks.push({ headerRow: rowNumber, firstColumn: column, lastColumn: last });
    });
  });
  return blocks;
}

/**
 * Empties the block's columns from its header row down to the sheet's last row: values and styles
 * both, so a cell a previous run coloured does not stay coloured. Cells that do not exist are not
 * created. Conditional formats lying wholly inside the columns (below the header) go too.
 */
export function clearBlock(ws: ExcelJS.Worksheet, block: OwnedBlock): void {
  for (let r = block.headerRow; r <= ws.rowCount; r++) {
    for (let c = block.firstColumn; c <= block.lastColumn; c++) {
      const cell = ws.findCell(r, c);
      if (!cell) continue;
      // Part of the user's merged cells reaching into the columns (a footnote across the page): in
      // ExcelJS, setting such a cell's value sets its master's, which would wipe the user's text.
      if (mergedFromOutside(cell, block)) continue;
      cell.value = null;
      cell.style = {};
    }
  }
  ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => !refInside(cf.ref, block));
}

/** A cell of a merged range whose first cell lies outside the block's columns (or above them). */
export function mergedFromOutside(cell: ExcelJS.Cell, block: OwnedBlock): boolean {
  if (!cell.isMerged) return false;
  // (ExcelJS's typings call row and column strings; they are numbers.)
  const row = Number(cell.master.row);
  const column = Number(cell.master.col);
  return column < block.firstColumn || column > block.lastColumn || row < block.headerRow;
}

/** True when every range of a conditional-format reference ("A2:A9 C2:C9") lies inside the block. */
export function refInside(ref: string, block: OwnedBlock): boolean {
  const ranges = ref.trim().split(/\s+/).map(decodeRange);
  return ranges.every((r) => r !== null && r.left >= block.firstColumn && r.right <= block.lastColumn && r.top >= block.headerRow);
}

function decodeRange(text: string): { top: number; left: number; bottom: number; right: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(text.replace(/^.*!/, ""));
  if (!match) return null;
  const c1 = columnNumber(match[1]);
  const r1 = Number(match[2]);
  const c2 = match[3] ? columnNumber(match[3]) : c1;
  const r2 = match[4] ? Number(match[4]) : r1;
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}


/** The highest priority number among the sheet's conditional formats, so ours are added after them. */
export function maxPriority(ws: ExcelJS.Worksheet): number {
  return conditionalFormats(ws).reduce((p, cf) => Math.max(p, ...cf.rules.map((rule) => rule.priority ?? 0)), 0);
}

/** ExcelJS keeps a sheet's conditional formats in a public but untyped array. */
export function conditionalFormats(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
}
