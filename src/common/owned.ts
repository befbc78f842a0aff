import { financialYearInText, parseFinancialYear, type FinancialYear } from "./dates";

/**
 * What the tool owns in a workbook, and nothing else: these sheets, and its columns at the right of
 * the roster. Readers skip them; writers rewrite only them; "Remove ARRS output" removes only them.
 */
export const OWNED_SHEETS = {
  summary: "ARRS Claim Summary",
  claimLines: "ARRS Claim Lines",
  settings: "ARRS Settings",
} as const;

export const OWNED_SHEET_NAMES: readonly string[] = Object.values(OWNED_SHEETS);

/** True for one of the tool's own sheets. Excel's sheet names are unique regardless of case, so this is too. */
export function isOwnedSheetName(name: string): boolean {
  const lower = name.toLowerCase();
  return OWNED_SHEET_NAMES.some((owned) => owned.toLowerCase() === lower);
}

/**
 * Headers of the tool's own roster columns, left to right. The claimable header adds the year.
 * Findings come last, on one line, so that long text runs on into the empty cells to its right
 * (wrapping would need taller rows, and row heights are the user's).
 */
export const OWNED_COLUMN_HEADERS = {
  status: "ARRS status",
  claimable: "ARRS claimable",
  findings: "ARRS findings",
} as const;

/** True for a header the tool wrote ("ARRS status", "ARRS claimable 2025/26", ...). */
export function isOwnedColumnHeader(header: unknown): boolean {
  if (typeof header !== "string") return false;
  const text = header.trim().toLowerCase();
  return Object.values(OWNED_COLUMN_HEADERS).some((h) => text === h.toLowerCase() || text.startsWith(`${h.toLowerCase()} `));
}

/** Workbook-level name marking the tool's roster columns (a defined name where the format allows). */
export const OWNED_RANGE_NAME = "ARRS_Output";

/**
 * The name over the columns beside the roster's `index`th sheet (0 first): "ARRS_Output", then
 * "ARRS_Output_2", "ARRS_Output_3" beside further sheets, where a PCN keeps one roster per practice.
 */
export function ownedRangeName(index: number): string {
  return index === 0 ? OWNED_RANGE_NAME : `${OWNED_RANGE_NAME}_${index + 1}`;
}

/** True for a name the tool gives its roster columns (any case, as Excel's names are). */
export function isOwnedRangeName(name: string): boolean {
  return new RegExp(`^${OWNED_RANGE_NAME}(?:_[1-9]\\d{0,3})?$`, "i").test(name);
}

/** Sheets whose name starts so hold the user's own maximum amounts (docs/rules.md, your own figures). */
export const RATE_SHEET_PREFIX = "arrs max reimb";

export function isRateSheetName(name: string): boolean {
  return name.trim().toLowerCase().startsWith(RATE_SHEET_PREFIX);
}

/**
 * The financial year an "ARRS max reimb" sheet names ("ARRS max reimb 22-23" is 2022/23), or null
 * when its name gives none (its figures are then for the year being checked).
 */
export function rateSheetFinancialYear(sheetName: string): FinancialYear | null {
  const rest = sheetName.trim().slice(RATE_SHEET_PREFIX.length);
  return financialYearInText(rest) ?? (/(?<!\d)(\d{4})(?!\d)/.test(rest) ? parseFinancialYear(/(\d{4})/.exec(rest)![1]) : null);
}
