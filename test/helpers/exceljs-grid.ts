/**
 * How the tool read a sheet when the file door was built on ExcelJS: the reference the xlsx reader
 * is compared with (every cell turned into the value Excel shows), and ExcelJS's conditional formats.
 */
import ExcelJS from "exceljs";
import type { CellValue, Grid } from "../../src/common/grid";

/** The value Excel shows in a cell: formula → its cached result, rich text → its text, error → "#N/A". */
export function shownValue(cell: ExcelJS.Cell): CellValue {
  // The other cells of a merged block show nothing; ExcelJS would repeat the top-left value.
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return plainValue(cell.value);
}

export function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "object") return null;
  const rich = value as Record<string, unknown>;
  if ("formula" in rich || "sharedFormula" in rich) return plainValue(rich.result);
  if (Array.isArray(rich.richText)) return rich.richText.map((run: { text?: unknown }) => String(run.text ?? "")).join("");
  if ("hyperlink" in rich || "text" in rich) return plainValue(rich.text);
  if (typeof rich.error === "string") return rich.error;
  return null;
}

/** The used range, trimmed to the cells that show a value. */
export function readGrid(ws: ExcelJS.Worksheet): Grid {
  const cells: { r: number; c: number; value: CellValue }[] = [];
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      const value = shownValue(cell);
      if (value !== null && value !== "") cells.push({ r, c, value });
    });
  });
  if (cells.length === 0) return { sheetName: ws.name, firstRow: 1, firstColumn: 1, values: [] };
  let [firstRow, lastRow, firstColumn, lastColumn] = [Infinity, 0, Infinity, 0];
  for (const { r, c } of cells) {
    firstRow = Math.min(firstRow, r);
    lastRow = Math.max(lastRow, r);
    firstColumn = Math.min(firstColumn, c);
    lastColumn = Math.max(lastColumn, c);
  }
  const values: CellValue[][] = Array.from({ length: lastRow - firstRow + 1 }, () => new Array<CellValue>(lastColumn - firstColumn + 1).fill(null));
  for (const { r, c, value } of cells) values[r - firstRow][c - firstColumn] = value;
  return { sheetName: ws.name, firstRow, firstColumn, values };
}

/** ExcelJS keeps a sheet's conditional formats in a public but untyped array. */
export function conditionalFormats(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
}
