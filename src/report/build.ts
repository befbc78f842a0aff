/**
 * CheckResult → everything the tool writes into the workbook, as data. Pure: the date is an option.
 */
import type { CheckResult } from "../engine/types";
import type { RosterReadResult } from "../roster/types";
import { buildClaimLinesSheet, type ClaimLinesSheetOptions } from "./claim-lines-sheet";
import type { WithForecast } from "./forecast-block";
import { buildRosterColumnBlocks } from "./roster-columns";
import { rosterReadingOf } from "./roster-reading";
import { buildSettingsSheet } from "./settings-sheet";
import { buildSummarySheet } from "./summary-sheet";
import type { BuildOptions, WorkbookOutput } from "./types";

export function buildWorkbookOutput(
  result: CheckResult, roster: RosterReadResult | readonly RosterReadResult[], options: BuildOptions & Pick<ClaimLinesSheetOptions, "tooManyClaimLines"> & WithForecast,
): WorkbookOutput {
  // One block of columns per roster sheet, where a PCN keeps one per member practice.
  const rosters = Array.isArray(roster) ? roster : [roster as RosterReadResult];
  const [rosterColumns = null, ...moreRosterColumns] = buildRosterColumnBlocks(result, rosters, options.forecast ?? null);
  return {
    rosterColumns,
    ...(moreRosterColumns.length > 0 ? { moreRosterColumns } : {}),
    sheets: [
      buildSummarySheet(result, { ...options, reading: options.reading ?? rosterReadingOf(roster) }),
      buildClaimLinesSheet(result, { tooManyClaimLines: options.tooManyClaimLines }),
      buildSettingsSheet(result, options),
    ],
  };
}
