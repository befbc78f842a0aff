/**
 * What the roster reader passed over, over every roster sheet read, as the Claim Summary, the command
 * line and the task pane show it: the columns not used, the rows that are not people (blank rows are
 * not listed: they hide nothing), and the reader's notes (monthly figures read × 12).
 */
import type { RosterReadResult } from "../roster/types";
import type { RosterReading } from "./types";

export function rosterReadingOf(rosters: RosterReadResult | readonly RosterReadResult[]): RosterReading {
  const list: readonly RosterReadResult[] = Array.isArray(rosters) ? rosters : [rosters as RosterReadResult];
  const several = list.length > 1;
  return {
    unusedColumns: list.flatMap((r) => (r.unusedColumns ?? []).map(({ sheet, column, header, reason }) => ({ sheet, column, header, reason }))),
    skippedRows: list.flatMap((r) => r.skippedRows
      .filter((row) => row.reason !== "blank row")
      .map((row) => ({ sheet: r.sheetName, row: row.rowNumber, reason: row.reason }))),
    notes: list.flatMap((r) => (r.notes ?? []).map((note) => (several ? `Sheet "${r.sheetName}": ${note}` : note))),
  };
}
