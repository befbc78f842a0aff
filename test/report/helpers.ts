import type { OutputCell, OwnedSheet } from "../../src/report/types";

/** The value of a sheet cell by 1-based row and column (null where the layout leaves a gap). */
export function valueAt(sheet: OwnedSheet, row: number, column: number): OutputCell["value"] {
  return sheet.rows[row - 1]?.[column - 1]?.value ?? null;
}

export function cellAt(sheet: OwnedSheet, row: number, column: number): OutputCell | undefined {
  return sheet.rows[row - 1]?.[column - 1];
}

/** The 1-based row whose first cell is this text; throws if there is none, so tests read plainly. */
export function rowOf(sheet: OwnedSheet, firstCell: string, from = 1): number {
  for (let r = from; r <= sheet.rows.length; r++) if (valueAt(sheet, r, 1) === firstCell) return r;
  throw new Error(`No row starting "${firstCell}" on ${sheet.name}`);
}

/** The first-column texts of the rows from `from` until the next blank row. */
export function blockBelow(sheet: OwnedSheet, from: number): OutputCell[][] {
  const rows: OutputCell[][] = [];
  for (let r = from; r <= sheet.rows.length && sheet.rows[r - 1].length > 0; r++) rows.push(sheet.rows[r - 1]);
  return rows;
}

export function allCells(sheet: OwnedSheet): OutputCell[] {
  return sheet.rows.flat();
}
