/**
 * CheckResult → everything the tool writes into the workbook, as data. Pure: the date is an option.
 */
import type { CheckResult } from "../engine/types";
import type { RosterReadResult } from "../roster/types";
import { buildClaimLinesSheet, type ClaimLinesSheetOptions } from "./claim-lines-sheet";
import { buildRosterColumns } from "./roster-columns";
import { buildSettingsSheet } from "./settings-sheet";
import { buildSummarySheet } from "./summary-sheet";
import type { BuildOptions, WorkbookOutput } from "./types";

export function buildWorkbookOutput(
  result: CheckResult, roster: RosterReadResult, options: BuildOptions & Pick<ClaimLinesSheetOptions, "tooManyClaimLines">,
): WorkbookOutput {
  return {
    rosterColumns: buildRosterColumns(result, roster),
    sheets: [
      buildSummarySheet(result, options),
      buildClaimLinesSheet(result, { tooManyClaimLines: options.tooManyClaimLines }),
      buildSettingsSheet(result, options),
    ],
  };
}
