/**
 * The rows of a sheet as the reader meets them, and the grid they make: the used range, the cells of
 * merged ranges cleared, and gaps between rows filled only within the limits (read-sheet.ts).
 */
import type { CellValue, Grid } from "../../common/grid";
import { WorkbookFileError } from "../file-errors";
import { cellLimitMessage, mergeLimitMessage, rowSpanMessage } from "../file-limits";

/** The column of a cell reference "AB12" (or "$AB$12") in xml[start, end); 0 if it has no letters. */
export function columnValue(xml: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const code = xml.charCodeAt(i) | 0x20; // lower case
    if (code >= 0x61 && code <= 0x7a) n = n * 26 + code - 0x60;
    else if (code !== 0x24 /* $ */) break;
  }
  return n;
}

/** Row and column (1-based) of "B7"; null for anything else. */
function cellAddress(ref: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!match) return null;
  return { row: Number(match[2]), column: columnValue(match[1], 0, match[1].length) };
}

/** The rows read so far, each an array indexed by column − 1, in the order the part gives them. */
export class SheetRows {
  private readonly numbers: number[] = [];
  private readonly cells: CellValue[][] = [];

  add(rowNumber: number): CellValue[] {
    const row: CellValue[] = [];
    this.numbers.push(rowNumber);
    this.cells.push(row);
    return row;
  }

  toGrid(sheetName: string, merges: readonly string[], limits: { rows: number; cells: number }): Grid {
    const { numbers, cells } = this.inRowOrder();
    if (merges.length > 0) clearMerged(sheetName, numbers, cells, merges);

    // The used range: rows and columns that hold a value.
    let [firstRow, lastRow, firstColumn, lastColumn] = [0, 0, Infinity, 0];
    for (let i = 0; i < cells.length; i++) {
      const row = cells[i];
      let first = 0;
      while (first < row.length && row[first] === null) first += 1;
      if (first === row.length) continue;
      let last = row.length - 1;
      while (row[last] === null) last -= 1;
      if (firstRow === 0) firstRow = numbers[i];
      lastRow = numbers[i];
      if (first + 1 < firstColumn) firstColumn = first + 1;
      if (last + 1 > lastColumn) lastColumn = last + 1;
    }
    if (firstRow === 0) return { sheetName, firstRow: 1, firstColumn: 1, values: [] };
    // The grid is dense: refused before it is made if the gaps would make it larger than the limits.
    const height = lastRow - firstRow + 1;
    if (height > limits.rows) throw new WorkbookFileError(rowSpanMessage(sheetName, lastRow, limits.rows));
    if (height * (lastColumn - firstColumn + 1) > limits.cells) {
      throw new WorkbookFileError(cellLimitMessage(sheetName, { rows: height, columns: lastColumn - firstColumn + 1 }, limits.cells));
    }

    // Each row's own array, trimmed or padded in place to the range's columns; null rows for gaps.
    const width = lastColumn - firstColumn + 1;
    const values: CellValue[][] = [];
    let i = 0;
    while (numbers[i] < firstRow) i += 1;
    for (let rowNumber = firstRow; rowNumber <= lastRow; rowNumber++) {
      if (numbers[i] !== rowNumber) {
        values.push(new Array<CellValue>(width).fill(null));
        continue;
      }
      const row = cells[i];
      i += 1;
      if (firstColumn > 1) row.splice(0, firstColumn - 1);
      if (row.length > width) row.length = width;
      while (row.length < width) row.push(null);
      values.push(row);
    }
    return { sheetName, firstRow, firstColumn, values };
  }

  /**
   * The rows sorted by number, a later row of the same number replacing an earlier one (as ExcelJS
   * does). Parts list rows in order (18.3.1.73), so this is nearly always the rows as they are.
   */
  private inRowOrder(): { numbers: number[]; cells: CellValue[][] } {
    const { numbers, cells } = this;
    let sorted = true;
    for (let i = 1; i < numbers.length && sorted; i++) sorted = numbers[i] > numbers[i - 1];
    if (sorted) return { numbers, cells };
    const last = new Map<number, number>();
    numbers.forEach((n, i) => last.set(n, i));
    const order = [...last.keys()].sort((a, b) => a - b);
    return { numbers: order, cells: order.map((n) => cells[last.get(n)!]) };
  }
}

/** Cells a sheet's merged ranges may clear, rows visited included: far more than any real sheet's. */
const MAX_MERGE_WORK = 50_000_000;

/**
 * Every cell of a merged range but its top-left shows nothing (ECMA-376 18.3.1.55), whatever the part
 * holds there; ExcelJS makes them "merge" cells, which readGrid reads as null.
 */
function clearMerged(sheetName: string, numbers: readonly number[], cells: CellValue[][], merges: readonly string[]): void {
  // Only the rows there are are visited (numbers is in order), and the visits are counted: a sheet
  // of many merged ranges each over a million rows would otherwise take hours.
  let work = 0;
  for (const ref of merges) {
    const [from, to = from] = ref.split(":");
    const a = cellAddress(from);
    const b = cellAddress(to);
    if (!a || !b) continue;
    const [top, bottom] = [Math.min(a.row, b.row), Math.max(a.row, b.row)];
    const [left, right] = [Math.min(a.column, b.column), Math.max(a.column, b.column)];
    for (let i = firstAtOrAfter(numbers, top); i < numbers.length && numbers[i] <= bottom; i++) {
      const row = cells[i];
      const first = numbers[i] === top ? left + 1 : left;
      // Plain comparisons, no calls: this loop may run MAX_MERGE_WORK times before it gives up.
      const last = right < row.length ? right : row.length;
      work += last >= first ? 1 + last - first + 1 : 1;
      if (work > MAX_MERGE_WORK) throw new WorkbookFileError(mergeLimitMessage(sheetName, merges.length));
      for (let c = first; c <= last; c++) row[c - 1] = null;
    }
  }
}

/** The index of the first of `numbers` (ascending) that is at least `value`. */
function firstAtOrAfter(numbers: readonly number[], value: number): number {
  let [low, high] = [0, numbers.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (numbers[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
