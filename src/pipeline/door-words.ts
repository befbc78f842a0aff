/**
 * The words that differ by door: how the user names the roster sheet when none looks like one, and
 * where to find claim lines too many for their sheet (after their number). Each door passes its own
 * to checkWorkbook, which has no default: telling a practice manager inside Excel to run a
 * command-line option is no help to them.
 */
import { OWNED_SHEETS } from "../common/owned";
import { TOO_MANY_CLAIM_LINES_ON_THE_COMMAND_LINE } from "../report/claim-lines-sheet";
import { NAME_THE_SHEET_ON_THE_COMMAND_LINE } from "../roster/read-roster";

export interface DoorWords {
  nameTheSheet: string;
  tooManyClaimLines: string;
}

export const COMMAND_LINE_WORDS: DoorWords = {
  nameTheSheet: NAME_THE_SHEET_ON_THE_COMMAND_LINE,
  tooManyClaimLines: TOO_MANY_CLAIM_LINES_ON_THE_COMMAND_LINE,
};

/** Inside Excel (or the browser tab) there is no command line: the summary and the MONTHLY function instead. */
const TOO_MANY_CLAIM_LINES_IN_EXCEL = `claim lines are too many to list on this sheet. The totals are on the ${OWNED_SHEETS.summary} sheet; `
  + "=ARRS.MONTHLY(role, annual cost, WTE, start date, end date) gives one person's twelve months.";

/** The task pane, in Excel and in the browser tab: it has a list of the workbook's sheets. */
export const PANE_WORDS: DoorWords = {
  nameTheSheet: "Choose the roster's sheet in the Roster sheet list",
  tooManyClaimLines: TOO_MANY_CLAIM_LINES_IN_EXCEL,
};

/** The ribbon's one-click claim summary: the sheet list is in the task pane, which it can open. */
export const RIBBON_WORDS: DoorWords = {
  nameTheSheet: "Open the ARRS checker and choose the roster's sheet in its Roster sheet list",
  tooManyClaimLines: TOO_MANY_CLAIM_LINES_IN_EXCEL,
};
