/**
 * Reading a sheet's used range in blocks of rows. Values and number formats are both loaded (the
 * formats say which numbers are dates); a 50,000-row roster is read in a handful of syncs, each
 * response kept under the request budget by measuring the rows already read.
 */
import type { CellValue, Grid } from "../common/grid";
import { gridValue } from "./office-cells";
import { OfficeWorkbookError, officeErrorCode } from "./office-errors";
import { REQUEST_BUDGET_BYTES, jsonBytes } from "./office-requests";

/** A first guess at one cell's value and format in a response, before any row has been measured. */
const GUESS_BYTES_PER_CELL = 64;
/** The first block is kept small, in case the guess is far too low (long text in every cell). */
const FIRST_RESPONSE_BYTES = 1_000_000;
/** Measured sizes vary down a sheet (comments near the end); plan with this much to spare. */
const SAFETY = 1.25;

interface Block {
  count: number;
  range: Excel.Range;
}

interface UsedArea {
  /** Found once by name; Excel then follows the same sheet, so later reads need no name lookup. */
  ws: Excel.Worksheet;
  sheetName: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export async function readUsedRange(context: Excel.RequestContext, name: string): Promise<Grid> {
  const area = await usedArea(context, name);
  const values: CellValue[][] = [];
  let bytesPerRow = area.columnCount * GUESS_BYTES_PER_CELL;
  let budget = FIRST_RESPONSE_BYTES;
  while (values.length < area.rowCount) {
    const block = planBlock(area, values.length, bytesPerRow, budget);
    try {
      await context.sync();
    } catch (error) {
      if (officeErrorCode(error) !== "ResponsePayloadSizeLimitExceeded" || block.count === 1) throw error;
      // Reads change nothing, so the same rows are asked for again in blocks of half the size.
      bytesPerRow = Math.max(bytesPerRow * 2, (2 * budget) / block.count);
      continue;
    }
    bytesPerRow = measuredBytesPerRow(block) * SAFETY;
    for (const row of gridRows(block.range)) values.push(row); // no spread: 10,000 arguments can overflow the stack
    budget = REQUEST_BUDGET_BYTES;
  }
  return trimmed(area, values);
}

/** The sheet's real name and where its values are; a missing sheet says so in plain words. */
async function usedArea(context: Excel.RequestContext, name: string): Promise<UsedArea> {
  const ws = context.workbook.worksheets.getItem(name);
  ws.load("name");
  // getUsedRange, not ...OrNullObject: on an empty sheet it gives A1 rather than a null object.
  const used = ws.getUsedRange(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  try {
    await context.sync();
  } catch (error) {
    if (officeErrorCode(error) === "ItemNotFound") {
      throw new OfficeWorkbookError("sheet-missing", `There is no sheet named "${name}" in this workbook.`, "ItemNotFound", { cause: error });
    }
    throw error;
  }
  return { ws, sheetName: ws.name, rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount };
}

/** Queues the load of as many of the next rows as fit the response budget. */
function planBlock(area: UsedArea, from: number, bytesPerRow: number, budget: number): Block {
  const rows = Math.max(1, Math.floor(budget / Math.max(1, bytesPerRow)));
  const count = Math.min(rows, area.rowCount - from);
  const range = area.ws.getRangeByIndexes(area.rowIndex + from, area.columnIndex, count, area.columnCount);
  range.load("values,numberFormat");
  return { count, range };
}

function measuredBytesPerRow(block: Block): number {
  return (jsonBytes(block.range.values) + jsonBytes(block.range.numberFormat)) / block.count;
}

function gridRows(range: Excel.Range): CellValue[][] {
  const formats = range.numberFormat;
  return range.values.map((row, r) => row.map((value, c) => gridValue(value, formats[r]?.[c])));
}

/** The used range trimmed to the cells that show a value, as the file adapter gives it. */
function trimmed(area: UsedArea, values: CellValue[][]): Grid {
  const filled = (v: CellValue) => v !== null;
  let top = 0;
  while (top < values.length && !values[top].some(filled)) top++;
  if (top === values.length) return { sheetName: area.sheetName, firstRow: 1, firstColumn: 1, values: [] };
  let bottom = values.length - 1;
  while (!values[bottom].some(filled)) bottom--;
  const rows = values.slice(top, bottom + 1);
  let left = Infinity;
  let right = -1;
  for (const row of rows) {
    const first = row.findIndex(filled);
    if (first < 0) continue;
    left = Math.min(left, first);
    for (let c = row.length - 1; c > right; c--) if (row[c] !== null) { right = c; break; }
  }
  return {
    sheetName: area.sheetName,
    firstRow: area.rowIndex + top + 1,
    firstColumn: area.columnIndex + left + 1,
    values: rows.map((row) => row.slice(left, right + 1)),
  };
}
