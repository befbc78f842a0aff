/**
 * The ICB workbook `arrs rollup` writes: four sheets, as plain data, for the file door to write as a
 * new workbook. It is the tool's own file, marked by a workbook-level name, so a later roll-up can
 * replace it and no roll-up reads it as a PCN's roster.
 */
import { buildIcbClaimLinesSheet } from "./icb-claim-lines";
import { buildIcbFindingsSheet, ICB_FINDINGS_SHEET } from "./icb-findings";
import { buildIcbRolesSheet, ICB_ROLES_SHEET } from "./icb-roles";
import { buildIcbSummarySheet, ICB_SUMMARY_SHEET } from "./icb-summary";
import { ICB_CLAIM_LINES_SHEET } from "./icb-claim-lines";
import type { Rollup } from "./icb-types";
import type { OwnedSheet } from "./types";

export const ICB_SHEETS = [ICB_SUMMARY_SHEET, ICB_ROLES_SHEET, ICB_CLAIM_LINES_SHEET, ICB_FINDINGS_SHEET] as const;

/** The workbook-level name that marks a roll-up the tool wrote. */
export const ROLLUP_MARK = "ARRS_Rollup";

export function buildIcbSheets(rollup: Rollup, options: { claimLinesLimit?: number } = {}): OwnedSheet[] {
  return [
    buildIcbSummarySheet(rollup),
    buildIcbRolesSheet(rollup),
    buildIcbClaimLinesSheet(rollup, { limit: options.claimLinesLimit }),
    buildIcbFindingsSheet(rollup),
  ];
}
