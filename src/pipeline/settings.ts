/**
 * Which PCN settings a run uses, and where each came from: what the user asked for (command-line
 * flags, the task pane) wins over what the workbook stores, which wins over a stated assumption.
 * Nothing is defaulted silently: every assumption becomes a SETTING_ASSUMED finding.
 */
import { CLAIM_HEADER_FIELDS, type ClaimHeaderSettings } from "../common/settings-keys";
import { financialYearOf, parseFinancialYear, type FinancialYear, type IsoDate } from "../common/dates";
// From scheme.ts, not ruleset.ts: the task pane imports this module, and ruleset.ts loads the rule tables.
import { SCHEME_START } from "../rules/scheme";
import type { Finding, Region } from "../rules/types";
import type { StoredSettings } from "../roster/types";
import type { PcnSettings } from "../engine/types";
import { finding } from "../engine/findings";

export interface RequestedSettings {
  financialYear?: string;
  listSize?: number | null;
  weightedPopulation?: number | null;
  region?: Region;
  /** False: claim £0 for a month whose maximum is not on record, rather than up to an earlier one. */
  rateFloor?: boolean;
  /** The claim header (PCN name, ODS code, ICB, lead or paying practice): given once, then kept in ARRS Settings. */
  pcnName?: string;
  odsCode?: string;
  icb?: string;
  payingPractice?: string;
}

/**
 * The settings a run uses: the engine's, and the claim header, which rides along on the same object
 * (the engine keeps every field of its settings, so the report reads it from CheckResult.settings;
 * see claimHeaderOf in src/report/claim-header.ts). Each header field is null until given.
 */
export type ResolvedSettings = PcnSettings & Required<ClaimHeaderSettings>;

export class SettingsError extends Error {}

const SETTINGS_SOURCE = "ARRS checker settings: flags or task pane first, then the ARRS Settings sheet";

/** One reader of region names for every door: the settings sheet's ("Outer London", "London (inner)"). */
export { parseRegion } from "../roster/settings-sheet";

/** A financial year the scheme covers, or a SettingsError saying what to write instead. */
export function checkedFinancialYear(text: string): FinancialYear {
  const year = parseFinancialYear(text);
  if (!year) throw new SettingsError(`"${text}" is not a financial year: write it as 2025/26.`);
  if (year.end < SCHEME_START) throw new SettingsError(`ARRS began on 1 July 2019; ${year.label} is before the scheme.`);
  return year;
}

export function resolveSettings(options: {
  requested: RequestedSettings;
  stored: StoredSettings;
  /** The year the roster sheet's name gives ("Roster 2025-26"), if any. */
  rosterSheetYear: FinancialYear | null;
  /** The year named by an "ARRS max reimb" sheet, if any. */
  rateSheetYear: FinancialYear | null;
  today: IsoDate;
}): { settings: ResolvedSettings; findings: Finding[] } {
  const { requested, stored, rosterSheetYear, rateSheetYear, today } = options;
  const findings: Finding[] = [];
  const assumed = (message: string, field: string) => findings.push(finding({ code: "SETTING_ASSUMED", message, source: SETTINGS_SOURCE, field }));

  let yearText = requested.financialYear ?? stored.financialYear;
  if (!yearText) {
    if (rosterSheetYear) {
      yearText = rosterSheetYear.label;
      assumed(`No financial year was given: checked ${yearText}, the year the roster sheet's name gives. Set the year to check another.`, "financialYear");
    } else if (rateSheetYear) {
      yearText = rateSheetYear.label;
      assumed(`No financial year was given: checked ${yearText}, the year the "ARRS max reimb" sheet names. Set the year to check another.`, "financialYear");
    } else {
      yearText = financialYearOf(today).label;
      assumed(`No financial year was given: checked ${yearText}, the current financial year. Set the year to check another.`, "financialYear");
    }
  }
  const year = checkedFinancialYear(yearText);

  const region = requested.region ?? stored.region;
  if (!region) assumed("No region was given: national rates were used. Set outer or inner London if the PCN is paid London rates.", "region");

  return {
    settings: {
      financialYear: year.label,
      listSize: requested.listSize !== undefined ? requested.listSize : stored.listSize ?? null,
      weightedPopulation: requested.weightedPopulation !== undefined ? requested.weightedPopulation : stored.weightedPopulation ?? null,
      region: region ?? "national",
      rateFloor: requested.rateFloor ?? stored.rateFloor ?? true,
      ...claimHeader(requested, stored),
    },
    findings,
  };
}

/** Each claim header field as asked for, else as stored; null (not assumed, not a finding) until given. */
function claimHeader(requested: RequestedSettings, stored: StoredSettings): Required<ClaimHeaderSettings> {
  const given = (text: string | undefined): string | null => (text !== undefined && text.trim() !== "" ? text.trim() : null);
  const header = {} as Required<ClaimHeaderSettings>;
  for (const field of CLAIM_HEADER_FIELDS) header[field] = given(requested[field]) ?? given(stored[field]);
  return header;
}
