/**
 * Names the ribbon command shares with the manifest and the task pane. Kept apart from
 * claim-summary.ts so that registering the command does not load the pipeline with the page.
 */

/** The FunctionName of the manifest's ExecuteFunction button; commands.ts associates it. */
export const CLAIM_SUMMARY_ACTION = "claimSummary";

/**
 * Dispatched on window (commands.ts) after Write claim summary has written the workbook, with the
 * ClaimSummaryOutcome as `detail`: the task pane shares the runtime and can refresh on it.
 */
export const WORKBOOK_WRITTEN_EVENT = "arrs:workbook-written";
