/**
 * What the roster reader passed over (columns not used, rows that are not people) and its notes, for
 * every door to show the same: the Claim Summary has it already; the command line prints it and puts
 * it in --json; the task pane can show it from a CheckedWorkbook's roster.
 */
export { rosterReadingOf } from "../report/roster-reading";
export type { RosterReading } from "../report/types";
