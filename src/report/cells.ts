/**
 * Small constructors for output cells, and a row-by-row sheet builder that knows which sheet row it
 * is on, so ranges for charts and data bars are computed rather than counted by hand.
 */
import { columnLetter } from "../common/grid";
import type { IsoDate } from "../common/dates";
import type { CellStyle, OutputCell, SheetRange } from "./types";

export const blank = (): OutputCell => ({ value: null });

export const text = (value: string, style?: CellStyle): OutputCell => (style ? { value, format: "text", style } : { value, format: "text" });

/** Money unrounded: the cell format shows pence, and any sum in Excel adds the full values. */
export const money = (value: number | null, style?: CellStyle): OutputCell => withStyle({ value: finiteOrNull(value), format: "money" }, style);

export const wte = (value: number | null, style?: CellStyle): OutputCell => withStyle({ value: finiteOrNull(value), format: "wte" }, style);

export const integer = (value: number | null, style?: CellStyle): OutputCell => withStyle({ value: finiteOrNull(value), format: "integer" }, style);

export const date = (value: IsoDate | null, style?: CellStyle): OutputCell => withStyle({ value: value === null ? null : { date: value }, format: "date" }, style);

export const month = (value: IsoDate): OutputCell => ({ value: { date: value }, format: "month" });

export const styled = (cell: OutputCell, style: CellStyle): OutputCell => ({ ...cell, style });

function withStyle(cell: OutputCell, style: CellStyle | undefined): OutputCell {
  return style ? { ...cell, style } : cell;
}

/** NaN or Infinity would write a broken cell; show blank instead. */
function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** "B5:B16" */
export function rangeAddress(range: SheetRange): string {
  const start = `${columnLetter(range.left)}${range.top}`;
  const end = `${columnLetter(range.right)}${range.bottom}`;
  return start === end ? start : `${start}:${end}`;
}

/** Collects rows from row 1 down; `nextRow` is the sheet row the next `add` lands on. */
export class SheetRows {
  readonly rows: OutputCell[][] = [];

  get nextRow(): number {
    return this.rows.length + 1;
  }

  /** Adds a row and returns its sheet row number. */
  add(...cells: OutputCell[]): number {
    this.rows.push(cells);
    return this.rows.length;
  }

  gap(): void {
    this.rows.push([]);
  }
}
