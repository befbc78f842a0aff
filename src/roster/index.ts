/**
 * The roster reader's public face: sheet grids in, typed rows, rate overrides and stored settings out.
 * Pure functions over plain data; nothing here touches Office, ExcelJS or the file system.
 */
export { readRoster } from "./read-roster";
export { findRosterSheet, findRosterSheets, notARosterBecause } from "./find-roster-sheet";
export type { PassedOverSheet, RosterSheets } from "./find-roster-sheet";
export { findHeaderRow } from "./header-row";
export { resolveRoleText } from "./role-text";
export { HOURS_PER_WTE, SESSIONS_PER_WTE } from "./wte";
export { readRateSheet, financialYearFromSheetName } from "./rate-sheet";
export { readSettingsSheet, parseRegion, parsePositiveNumber } from "./settings-sheet";
export { HEADER_RULES, matchHeader, headerField, normaliseHeader, columnNumber, ROSTER_FIELDS } from "./columns";
export type { HeaderField, HeaderMatch, HeaderRule } from "./columns";
export { cellText, isBlankCell, parseDate, parseMoney, parseQuantity, parseYesNo, quoteValue, NO_END_WORDS } from "./cells";
export type { Parsed, QuantityUnit } from "./cells";
export { isPlaceholderName, isPlannedRow, PLACEHOLDER_NAMES } from "./planned-posts";
export type { PlannedRosterRow } from "./planned-posts";
export type * from "./types";
