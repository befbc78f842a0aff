/**
 * Every finding code the tool can raise: its usual severity, what it means, and what the user should do.
 * The table of finding codes in docs/findings.md is this list; a test keeps them in step.
 */
import type { FindingCode, Severity } from "./types";

export interface FindingCodeInfo {
  code: FindingCode;
  severity: Severity;
  /** Whether the row, or the PCN, is affected. */
  level: "row" | "pcn" | "row or pcn";
  meaning: string;
}

export const FINDING_CODES: readonly FindingCodeInfo[] = [
  { code: "UNKNOWN_ROLE", severity: "error", level: "row", meaning: "The role is not one the tool recognises as an ARRS role. Nothing is claimed until it is renamed to a scheme role." },
  { code: "ROLE_NOT_ELIGIBLE", severity: "error", level: "row", meaning: "The role was not claimable on the dates in post (a warning when it became claimable part-way: claimable from that date only)." },
  { code: "NO_RATE", severity: "error", level: "row", meaning: "No maximum amount is known for the role on that date, and no earlier one to rest on (or the rate floor is off), so 0 is claimed for those months. Add the figure to an \"ARRS max reimb\" sheet." },
  { code: "RATE_UNCONFIRMED", severity: "warning", level: "row or pcn", meaning: "The claim rests on an inferred or third-party maximum (or, for the PCN, the ARRS sum on an unconfirmed rate per weighted patient). Check it against the DES, or give your own figure in an \"ARRS max reimb\" sheet." },
  { code: "RATE_FLOOR", severity: "warning", level: "row", meaning: "The maximum for the month is not on record, so the claim rests on the latest earlier one, which it cannot be below: at cost when the cost is within it, else up to it. Add the figure to claim the rest." },
  { code: "RATE_BEFORE_UPLIFT", severity: "info", level: "pcn", meaning: "A built-in 2025/26 maximum predates the August 2025 pay uplift; the uplifted amounts will be higher." },
  { code: "LONDON_RATE_MISSING", severity: "warning", level: "row", meaning: "No London maximum is known for the role; the national one was used, which may under-claim. Cost above it is a missing figure, not a cost the PCN funds." },
  { code: "USER_RATE_USED", severity: "info", level: "row", meaning: "The maximum came from the workbook's own \"ARRS max reimb\" sheet." },
  { code: "OVER_MAX", severity: "warning", level: "row", meaning: "The person costs more than the maximum × WTE. The claim is limited to the maximum; the PCN funds the gap." },
  { code: "CAP_EXCEEDED", severity: "warning", level: "row", meaning: "The PCN has more WTE in this role than the cap for its list size; this row (latest start first) is beyond the cap for some months." },
  { code: "INVALID_WTE", severity: "error", level: "row", meaning: "The WTE (or hours or sessions) is not a usable number between 0 and 1.0 WTE." },
  { code: "INVALID_DATE", severity: "error", level: "row", meaning: "A date could not be read. Use a date cell or DD/MM/YYYY." },
  { code: "END_BEFORE_START", severity: "error", level: "row", meaning: "The end date is before the start date." },
  { code: "NOT_IN_YEAR", severity: "info", level: "row", meaning: "The person was not in post during the financial year checked." },
  { code: "MISSING_VALUE", severity: "error", level: "row or pcn", meaning: "A value needed for the claim is blank (a warning for PCN settings such as list size)." },
  { code: "INVALID_AMOUNT", severity: "error", level: "row", meaning: "A money amount could not be read or is negative." },
  { code: "ONCOSTS_ESTIMATED", severity: "warning", level: "row", meaning: "Employer NI or pension was not given and has been estimated from the statutory rates. Enter the actual figures." },
  { code: "DUPLICATE_PERSON", severity: "warning", level: "row", meaning: "The same person appears on more than one row at more than 1.0 WTE in total at the same time; the excess is cut from the row that started latest (an error there, naming the amount removed)." },
  { code: "GP_ELIGIBILITY", severity: "warning", level: "row", meaning: "A GP is claimable in 2024/25 and 2025/26 only within 2 years of CCT; an error when the CCT date shows they are not." },
  { code: "NURSE_12_MONTH_RULE", severity: "warning", level: "row", meaning: "2025/26 nurse and HCSW roles are not claimable for someone employed by the PCN or a member practice in the previous 12 months (an error when the roster says they were)." },
  { code: "PART_FUNDED", severity: "info", level: "row", meaning: "Only a share of cost is reimbursable for this role in this period (clinical pharmacists in 2019/20; mental health practitioners to 2023/24, and from 2025/26 the first in each band)." },
  { code: "MHP_AGREEMENT_UNKNOWN", severity: "warning", level: "row", meaning: "A further mental health practitioner in an Agenda for Change band (from 2025/26) is claimed at 50% because the roster does not say whether a written agreement with the provider allows up to 100%." },
  { code: "ENTITLEMENT_EXCEEDED", severity: "warning", level: "pcn", meaning: "The PCN's claims add up to more than its ARRS sum for the year: the excess will not be paid." },
  { code: "ENTITLEMENT_UNKNOWN", severity: "info", level: "pcn", meaning: "The ARRS sum could not be worked out (no weighted population, or no rate on record for the year)." },
  { code: "SETTING_ASSUMED", severity: "info", level: "pcn", meaning: "A PCN setting was not given and was taken from elsewhere (the workbook or a default); the message says which." },
  { code: "RATE_SHEET_PROBLEM", severity: "warning", level: "pcn", meaning: "A row of the \"ARRS max reimb\" sheet could not be used (unknown role or unreadable amount)." },
  { code: "RATE_SOURCES_DIFFER", severity: "info", level: "pcn", meaning: "Two places give different maximums for the same role, region and year (a --rates file, the workbook's own \"ARRS max reimb\" sheet, the built-in figures): the first of them in that order was used; a warning when two of your own sheets disagree." },
];

const BY_CODE = new Map<FindingCode, FindingCodeInfo>(FINDING_CODES.map((entry) => [entry.code, entry]));

export function findingCodeInfo(code: FindingCode): FindingCodeInfo {
  const info = BY_CODE.get(code);
  if (!info) throw new Error(`Finding code ${code} is missing from FINDING_CODES`);
  return info;
}
