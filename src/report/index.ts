export * from "./types";
export { buildWorkbookOutput } from "./build";
export { buildRosterColumns, ownedFirstColumn } from "./roster-columns";
export { buildSummarySheet } from "./summary-sheet";
export { buildClaimLinesSheet, costParts } from "./claim-lines-sheet";
export { buildSettingsSheet } from "./settings-sheet";
export { rangeAddress } from "./cells";
