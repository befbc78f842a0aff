/**
 * Which part of the sheet is the user's table. The tool writes its own columns to the right of a
 * roster (ARRS status, findings, claimable amounts); on a second run those must never be read as the
 * user's data, and the user's table ends before them, so the new output replaces the old.
 */
import { isBlankCell } from "./cells";
import { matchHeader } from "./columns";
import type { AssignedColumn } from "./header-row";

/** The table's width: the longest row from the header row down (rows above it are not the table). */
export function tableWidth(rows: unknown[][], headerIndex: number): number {
  let width = 0;
  for (let i = headerIndex; i < rows.length; i++) width = Math.max(width, rows[i].length);
  return width;
}

export interface UserColumns {
  /** Grid index of the tool's own first column, or null when no earlier run wrote one. */
  ownedIndex: number | null;
  /** Grid indexes of every other column, in order: the user's own. */
  userIndexes: number[];
}

/** The user's columns and the tool's own, told apart by the header row. */
export function userColumns(headerRow: unknown[], width: number): UserColumns {
  const ownedIndexes = new Set<number>();
  headerRow.forEach((cell, index) => {
    if (matchHeader(cell).kind === "owned") ownedIndexes.add(index);
  });
  const ownedIndex = ownedIndexes.size ? Math.min(...ownedIndexes) : null;
  const userIndexes: number[] = [];
  for (let i = 0; i < width; i++) if (!ownedIndexes.has(i)) userIndexes.push(i);
  return { ownedIndex, userIndexes };
}

const beforeOwned = (index: number, ownedIndex: number | null): boolean => ownedIndex === null || index < ownedIndex;

/** The rightmost user column left of the tool's own that has anything in it, from the header down; -1 if none. */
function lastUsedIndex(rows: unknown[][], headerIndex: number, { ownedIndex, userIndexes }: UserColumns): number {
  let lastIndex = -1;
  for (const row of rows.slice(headerIndex)) {
    for (const i of userIndexes) {
      if (i > lastIndex && beforeOwned(i, ownedIndex) && !isBlankCell(row[i])) lastIndex = i;
    }
  }
  return lastIndex;
}

export interface LastColumnInput {
  rows: unknown[][];
  headerIndex: number;
  user: UserColumns;
  columns: AssignedColumn[];
  firstColumn: number;
}

/**
 * The sheet column number of the table's last column: the rightmost that holds anything or was read
 * as a field, left of the tool's own columns. With nothing at all, the column before the grid.
 */
export function lastColumnOf({ rows, headerIndex, user, columns, firstColumn }: LastColumnInput): number {
  const lastUserIndex = columns.reduce(
    (last, c) => (beforeOwned(c.index, user.ownedIndex) ? Math.max(last, c.index) : last),
    lastUsedIndex(rows, headerIndex, user),
  );
  return lastUserIndex >= 0 ? firstColumn + lastUserIndex : Math.max(0, firstColumn - 1);
}

/**
 * Index of the last row below the header with anything in the user's columns (the header row's own
 * index if none). Blank rows after it are not part of the table, so they are not listed as skipped.
 */
export function lastFilledRowIndex(rows: unknown[][], headerIndex: number, userIndexes: number[]): number {
  let lastFilled = headerIndex;
  rows.forEach((row, index) => {
    if (index > headerIndex && userIndexes.some((i) => !isBlankCell(row[i]))) lastFilled = index;
  });
  return lastFilled;
}
