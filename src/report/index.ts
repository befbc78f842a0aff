export * from "./types";
export { buildWorkbookOutput } from "./build";
export { buildRosterColumns, buildRosterColumnBlocks, ownedFirstColumn, rosterColumnBlocks } from "./roster-columns";
export { buildSummarySheet } from "./summary-sheet";
export { buildClaimLinesSheet, costParts, CLAIM_LINES_SHEET_LIMIT } from "./claim-lines-sheet";
export { claimLinesCsvChunks } from "./claim-lines-csv";
export { buildSettingsSheet } from "./settings-sheet";
export { rangeAddress } from "./cells";
