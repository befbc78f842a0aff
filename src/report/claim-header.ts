/**
 * The header a monthly claim carries on the national portal (docs: ../shared/arrs-reference.md §8.8):
 * the claim period, the PCN's name and ODS code, its ICB, and the lead or paying practice. The four
 * settings are asked once and kept in the ARRS Settings sheet; each is blank until given, and every
 * place that shows the claim says which are missing (missingClaimHeader).
 */
import { partsOf, type FinancialYear, type IsoDate } from "../common/dates";
import { OWNED_SHEETS } from "../common/owned";
import { CLAIM_HEADER_FIELDS, SETTINGS_LABELS, type ClaimHeaderField, type ClaimHeaderSettings } from "../common/settings-keys";
import type { PcnSettings } from "../engine/types";

/** The claim header's four settings, each its text or null until given. */
export type ClaimHeader = Record<ClaimHeaderField, string | null>;

/** Settings that may carry the claim header: the run's (CheckResult.settings), or stored or asked-for ones. */
export type SettingsWithClaimHeader = PcnSettings | ClaimHeaderSettings;

/**
 * The claim header from settings. The run's settings carry it beside the engine's own fields
 * (pipeline/settings.ts ResolvedSettings), so it is read here by name; blank text is not given.
 */
export function claimHeaderOf(settings: SettingsWithClaimHeader): ClaimHeader {
  const carried = settings as ClaimHeaderSettings;
  const header = {} as ClaimHeader;
  for (const field of CLAIM_HEADER_FIELDS) {
    const value = carried[field];
    header[field] = typeof value === "string" && value.trim() !== "" ? value.trim() : null;
  }
  return header;
}

/**
 * The claim header's settings not yet given, as their labels in the ARRS Settings sheet, in the
 * order a claim shows them: ["PCN name", "ICB"]. Empty when all are given.
 */
export function missingClaimHeader(settings: SettingsWithClaimHeader): string[] {
  const header = claimHeaderOf(settings);
  return CLAIM_HEADER_FIELDS.filter((field) => header[field] === null).map((field) => SETTINGS_LABELS[field]);
}

/** "PCN name", "PCN name and ICB", "PCN name, ICB and PCN ODS code". */
function listWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * What to say when some of the claim header is missing, in words for every door (the ARRS Settings
 * sheet is read back by each of them); null when nothing is missing.
 */
export function missingClaimHeaderNote(settings: SettingsWithClaimHeader): string | null {
  const missing = missingClaimHeader(settings);
  if (missing.length === 0) return null;
  return `Not given yet: ${listWords(missing)}. The claim needs ${missing.length === 1 ? "it" : "them"}: `
    + `enter ${missing.length === 1 ? "it" : "them"} in the ${OWNED_SHEETS.settings} sheet (Value column) and check again.`;
}

/** The claim period of a year's claim lines: "April 2025 to March 2026 (2025/26)". */
export function yearClaimPeriod(year: FinancialYear): string {
  return `${longMonth(year.start)} to ${longMonth(year.end)} (${year.label})`;
}

const LONG_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "November 2026" for the month containing a date. */
export function longMonth(date: IsoDate): string {
  const { year, month } = partsOf(date);
  return `${LONG_MONTH_NAMES[month - 1]} ${year}`;
}

/** The header block's rows as label and value, the claim period first. Null values are not given. */
export function claimHeaderRows(settings: SettingsWithClaimHeader, period: string): { label: string; value: string | null }[] {
  const header = claimHeaderOf(settings);
  return [
    { label: "Claim period", value: period },
    ...CLAIM_HEADER_FIELDS.map((field) => ({ label: SETTINGS_LABELS[field], value: header[field] })),
  ];
}
