/**
 * A sheet's grid → typed roster rows. Finds the header row (header-row.ts), applies the user's
 * column mapping (column-mapping.ts), marks off the tool's own columns (table-extent.ts), and reads
 * each row below the header as a person (read-row.ts) unless it is blank, a totals row, a repeated
 * header or a heading (skipped-rows.ts), or a post not yet filled (planned-posts.ts). Every cell that cannot be used becomes a finding on its row;
 * nothing throws. Whether a blank value matters (a missing start date, say) is left to the engine,
 * which knows what each role needs.
 */
import type { Grid } from "../common/grid";
import type { Finding } from "../rules/types";
import type { RuleSet } from "../rules/ruleset";
import { applyMapping } from "./column-mapping";
import type { HeaderField } from "./columns";
import { findHeaderRow, HEADER_SEARCH_ROWS, rosterFieldOf, rowsOf, type AssignedColumn, type HeaderRowCandidate } from "./header-row";
import { isPlannedRow, plannedRowOf, type PlannedRosterRow } from "./planned-posts";
import { readRow } from "./read-row";
import { rolesResolvedOnce } from "./role-text";
import { skipReason, tableLayout } from "./skipped-rows";
import { ROSTER_SOURCES } from "./sources";
import { lastColumnOf, lastFilledRowIndex, tableWidth, userColumns } from "./table-extent";
import type { ColumnMapping, RosterColumn, RosterReadResult, RosterRow, UnusedColumn } from "./types";
import { addMissingColumnFindings, monthlyNotes, NOT_RECOGNISED, unusedColumnsOf } from "./unused-columns";

// What this module exported before it was split up, kept here so that imports of it still work.
export { findRosterSheet, NAME_THE_SHEET_ON_THE_COMMAND_LINE } from "./find-roster-sheet";
export { findHeaderRow, HEADER_SEARCH_ROWS } from "./header-row";
export type { HeaderRowCandidate } from "./header-row";
export { resolveRoleText } from "./role-text";
export { LOWEST_PLAUSIBLE_SALARY } from "./row-cells";
export { ROSTER_SOURCES } from "./sources";
export { HOURS_PER_WTE, SESSIONS_PER_WTE } from "./wte";

export interface ReadRosterOptions {
  rules: RuleSet;
  /** The user's columns: per field, a header as written, a column letter or a column number. */
  mapping?: ColumnMapping;
}

function emptyResult(grid: Grid, findings: Finding[]): RosterReadResult {
  return {
    sheetName: grid?.sheetName ?? "",
    headerRowNumber: grid?.firstRow ?? 1,
    columns: [],
    lastColumn: Math.max(0, (grid?.firstColumn ?? 1) - 1),
    ownedColumn: null,
    rows: [],
    skippedRows: [],
    unusedColumns: [],
    notes: [],
    findings,
  };
}

/**
 * Reads a roster sheet. The user's mapping (a header as written, a column letter or a column number per
 * field) overrides what the headers suggest. Rows below the header become RosterRows, except blank
 * rows, totals rows, repeated header rows and one-cell heading rows, which are listed in skippedRows
 * (blank rows after the last filled row are not listed: they are not part of the table).
 */
export function readRoster(grid: Grid, options: ReadRosterOptions): RosterReadResult {
  try {
    return readRosterUnsafe(grid, options);
  } catch (error) {
    // A last resort: the reader is written not to throw, but a user's workbook must never crash the run.
    return emptyResult(grid, [{
      code: "MISSING_VALUE",
      severity: "error",
      message: `Sheet "${grid?.sheetName ?? ""}" could not be read as a roster (${String(error).slice(0, 80)}). `
        + "Check the sheet for unusual content, or name another sheet.",
      source: ROSTER_SOURCES.sheet,
    }]);
  }
}

function noHeaderRowFinding(grid: Grid): Finding {
  return {
    code: "MISSING_VALUE",
    severity: "error",
    message: `No header row was found on sheet "${grid?.sheetName ?? ""}": none of the first ${HEADER_SEARCH_ROWS} rows has `
      + "column headers such as Name, Role, WTE, Start date or Salary. Add a header row above the staff list.",
    source: ROSTER_SOURCES.sheet,
  };
}

/** Without a role no row can be checked: the scheme's rules are per role. */
function noRoleColumnFinding(grid: Grid, header: HeaderRowCandidate, unused: UnusedColumn[]): Finding {
  const notRecognised = unused.filter((u) => u.reason === NOT_RECOGNISED).slice(0, 6).map((u) => `"${u.header}" (${u.column})`);
  return {
    code: "MISSING_VALUE",
    severity: "error",
    field: "role",
    rowNumber: header.rowNumber,
    message: `No role or job title column was found in the header row (row ${header.rowNumber}) of sheet "${grid.sheetName}", `
      + "so no one's role can be checked. Head the column \"Role\" or \"Job title\", or set \"Column: role\" "
      + "in the ARRS Settings sheet to the header or column letter that holds it."
      + (notRecognised.length ? ` Columns not recognised: ${notRecognised.join(", ")}.` : ""),
    source: ROSTER_SOURCES.sheet,
  };
}

function rosterColumnsOf(columns: AssignedColumn[], firstColumn: number): RosterColumn[] {
  return columns.map((c) => ({ field: rosterFieldOf(c.field), header: c.header, column: firstColumn + c.index }));
}

function readRosterUnsafe(grid: Grid, options: ReadRosterOptions): RosterReadResult {
  const rows = rowsOf(grid);
  const header = findHeaderRow(grid, options.mapping);
  if (!header) return emptyResult(grid, [noHeaderRowFinding(grid)]);
  const firstColumn = grid.firstColumn ?? 1;
  const firstRow = grid.firstRow ?? 1;
  const headerIndex = header.rowIndex;
  const headerRow = rows[headerIndex];
  const width = tableWidth(rows, headerIndex);
  const { columns, findings } = applyMapping({ header, headerRow, grid, mapping: options.mapping, width });
  const byField = new Map<HeaderField, AssignedColumn>(columns.map((c) => [c.field, c]));
  // The tool's own columns (from an earlier run) are never read; lastColumn stops before them.
  const user = userColumns(headerRow, width);
  const unusedColumns = unusedColumnsOf({ sheet: grid.sheetName, rows, headerIndex, userIndexes: user.userIndexes, columns, firstColumn });
  if (!byField.has("role")) findings.push(noRoleColumnFinding(grid, header, unusedColumns));

  const lastFilled = lastFilledRowIndex(rows, headerIndex, user.userIndexes);
  const table = tableLayout(columns, user.userIndexes);
  const roleOf = rolesResolvedOnce(options.rules);
  const hasNameColumn = byField.has("name") || byField.has("firstName") || byField.has("lastName");
  const rosterRows: RosterRow[] = [];
  const plannedPosts: PlannedRosterRow[] = [];
  const skippedRows: RosterReadResult["skippedRows"] = [];
  for (let index = headerIndex + 1; index <= lastFilled; index++) {
    const row = rows[index];
    const rowNumber = firstRow + index;
    const reason = skipReason(row, table);
    if (reason !== null) {
      skippedRows.push({ rowNumber, reason });
      continue;
    }
    const read = readRow(row, { rowNumber, columns: byField, roleOf });
    if (isPlannedRow(read, { hasNameColumn })) plannedPosts.push(plannedRowOf(read));
    else rosterRows.push(read);
  }
  addMissingColumnFindings(rosterRows, { sheet: grid.sheetName, headerRowNumber: header.rowNumber, columns, unused: unusedColumns });

  return {
    sheetName: grid.sheetName,
    headerRowNumber: header.rowNumber,
    columns: rosterColumnsOf(columns, firstColumn),
    lastColumn: lastColumnOf({ rows, headerIndex, user, columns, firstColumn }),
    ownedColumn: user.ownedIndex === null ? null : firstColumn + user.ownedIndex,
    rows: rosterRows,
    plannedPosts,
    skippedRows,
    unusedColumns,
    notes: monthlyNotes(columns, firstColumn),
    findings,
  };
}
