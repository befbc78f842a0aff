/**
 * Finding the tool's own roster columns in a sheet's grid. A block is recognised by its headers
 * ("ARRS status" with another of its headers right beside it, then any further ones), so a user's own
 * column that happens to be called "ARRS status" on its own is never taken for the tool's.
 */
import type { Grid } from "../common/grid";
import { OWNED_COLUMN_HEADERS, isOwnedColumnHeader } from "../common/owned";
import type { OwnedBlock } from "./owned-block";

const STATUS = OWNED_COLUMN_HEADERS.status.toLowerCase();

export function findOwnedBlocksInGrid(grid: Grid): OwnedBlock[] {
  const blocks: OwnedBlock[] = [];
  grid.values.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      // Every cell of every sheet comes here: most are not text, or are far too short or long.
      if (typeof value !== "string" || value.length < STATUS.length || value.length > STATUS.length + 40) continue;
      if (value.trim().toLowerCase() !== STATUS) continue;
      if (!isOwnedColumnHeader(row[c + 1])) continue;
      let last = c + 1;
      while (isOwnedColumnHeader(row[last + 1])) last += 1;
      blocks.push({ headerRow: grid.firstRow + r, firstColumn: grid.firstColumn + c, lastColumn: grid.firstColumn + last });
    }
  });
  return blocks;
}

/** The grid's value at a sheet row and column (1-based), null outside it. */
export function valueAt(grid: Grid, row: number, column: number): unknown {
  return grid.values[row - grid.firstRow]?.[column - grid.firstColumn] ?? null;
}
