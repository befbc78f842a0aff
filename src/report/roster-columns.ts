/**
 * The tool's own columns beside the roster: status (in words, so it is not shown in colour alone),
 * the row's findings, and what the row can claim in the year.
 */
import type { CheckResult, RowStatus, StaffResult } from "../engine/types";
import { columnLetter } from "../common/grid";
import { OWNED_COLUMN_HEADERS } from "../common/owned";
import type { RosterReadResult, RosterRow } from "../roster/types";
import type { Finding } from "../rules/types";
import type { Forecast } from "../engine/forecast-types";
import { plannedPostCells } from "./forecast-rows";
import { blank, money, text } from "./cells";
import type { OutputCell, RosterColumnsOutput, StatusHighlight, WorkbookOutput } from "./types";
import { findingsText, STATUS_TEXT, worstStatus } from "./words";

/** One blank column between the user's table and the tool's, so Excel does not treat them as one table. */
export const GAP_COLUMNS = 1;

export const ROSTER_COLUMN_WIDTHS = [11, 20, 100];

export const STATUS_HIGHLIGHTS: StatusHighlight[] = [
  { text: "Error", style: "error" },
  { text: "Warning", style: "warning" },
  { text: "Note", style: "info" },
];

/** Excel's last column, XFD: no cell may be written beyond it (a sheet is 16,384 columns wide). */
export const LAST_COLUMN = 16384;

/**
 * Why the tool's columns cannot go beside this roster, or null when they can: the user's cells reach
 * so far right that the columns (after the blank one) would pass column XFD. Both doors refuse the
 * write with this sentence before changing anything, as for the user's data where the columns would go.
 */
export function pastLastColumn(block: Pick<RosterColumnsOutput, "sheetName" | "firstColumn" | "headers">): string | null {
  const width = block.headers.length;
  if (block.firstColumn + width - 1 <= LAST_COLUMN) return null;
  const mustBeFree = columnLetter(LAST_COLUMN - width - GAP_COLUMNS + 1);
  return `The sheet "${block.sheetName}" has cells as far right as column ${columnLetter(Math.min(block.firstColumn - 1 - GAP_COLUMNS, LAST_COLUMN))}, so the ARRS columns would go past column XFD, the last column Excel has. `
    + `Nothing was written; clear or move the cells in columns ${mustBeFree} to XFD of "${block.sheetName}", then run the check again.`;
}

/** Where the owned columns go: where an earlier run put them, else after the user's last column and a gap. */
export function ownedFirstColumn(roster: Pick<RosterReadResult, "lastColumn" | "ownedColumn">): number {
  return roster.ownedColumn ?? roster.lastColumn + 1 + GAP_COLUMNS;
}

/**
 * The columns beside each roster sheet, one block per sheet (a sheet without a header row gets none).
 * Rows are matched to results by sheet and row, since each sheet numbers its own rows.
 */
export function buildRosterColumnBlocks(result: CheckResult, rosters: readonly RosterReadResult[], forecast: Forecast | null = null): RosterColumnsOutput[] {
  return rosters.map((roster) => buildRosterColumns(result, roster, forecast)).filter((block): block is RosterColumnsOutput => block !== null);
}

/** Every block of the tool's columns an output writes, one per roster sheet. */
export function rosterColumnBlocks(output: Pick<WorkbookOutput, "rosterColumns" | "moreRosterColumns">): RosterColumnsOutput[] {
  return output.rosterColumns ? [output.rosterColumns, ...(output.moreRosterColumns ?? [])] : [];
}

export function buildRosterColumns(result: CheckResult, roster: RosterReadResult, forecast: Forecast | null = null): RosterColumnsOutput | null {
  // Without a header row there is nowhere to put the columns that a user would recognise.
  if (roster.headerRowNumber < 1) return null;
  // A result without a sheet (rows made by hand) belongs to the one roster there is.
  const staff = result.staff.filter((s) => !s.sheet || s.sheet === roster.sheetName);
  const staffByRow = new Map(staff.map((s) => [s.rowNumber, s]));
  const rosterByRow = new Map(roster.rows.map((r) => [r.rowNumber, r]));
  const planned = plannedCellsByRow(roster, forecast);
  const rowNumbers = [...new Set([...rosterByRow.keys(), ...staffByRow.keys(), ...planned.keys()])].sort((a, b) => a - b);
  const rows = rowNumbers.map((rowNumber) => ({
    rowNumber,
    cells: planned.get(rowNumber) ?? rowCells(staffByRow.get(rowNumber), rosterByRow.get(rowNumber)),
  }));
  return {
    sheetName: roster.sheetName,
    headerRowNumber: roster.headerRowNumber,
    firstColumn: ownedFirstColumn(roster),
    headers: [
      text(OWNED_COLUMN_HEADERS.status, "header"),
      text(`${OWNED_COLUMN_HEADERS.claimable} ${result.financialYear.label}`, "header"),
      text(OWNED_COLUMN_HEADERS.findings, "header"),
    ],
    rows,
    clearThroughRow: lastRosterRow(roster, rowNumbers),
    columnWidths: ROSTER_COLUMN_WIDTHS,
    statusHighlights: STATUS_HIGHLIGHTS,
  };
}

/**
 * A row the engine checked shows its own findings; a row it did not (it should not happen, but the
 * roster reader may know a row the engine skipped) still shows what the reader found.
 */
function rowCells(staff: StaffResult | undefined, rosterRow: RosterRow | undefined): OutputCell[] {
  const findings: Finding[] = staff?.findings ?? rosterRow?.findings ?? [];
  const status: RowStatus = staff?.status ?? worstStatus(findings);
  return [
    text(STATUS_TEXT[status]),
    staff ? money(staff.claimable) : blank(),
    findings.length > 0 ? text(findingsText(findings)) : blank(),
  ];
}

/** The cells beside each planned post of the sheet (forecast-rows.ts), by row. */
function plannedCellsByRow(roster: RosterReadResult, forecast: Forecast | null): Map<number, OutputCell[]> {
  const forecastByRow = new Map((forecast?.planned ?? []).filter((p) => !p.sheet || p.sheet === roster.sheetName).map((p) => [p.rowNumber, p]));
  return new Map((roster.plannedPosts ?? []).map((row) => [row.rowNumber, plannedPostCells(row, forecastByRow.get(row.rowNumber) ?? null, forecast)]));
}

function lastRosterRow(roster: RosterReadResult, rowNumbers: number[]): number {
  // reduce rather than Math.max(...rows): a spread of a very long roster can overflow the stack.
  return [...rowNumbers, ...roster.skippedRows.map((s) => s.rowNumber)].reduce((a, b) => Math.max(a, b), roster.headerRowNumber);
}
