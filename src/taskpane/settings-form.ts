/**
 * The settings form: the stored settings as the form shows them, and the form's text checked into the
 * settings the pipeline takes, with a sentence for each value that cannot be used.
 */
import { checkedFinancialYear, SettingsError, type RequestedSettings } from "../pipeline/settings";
import { parsePositiveNumber } from "../roster/settings-sheet";
import type { StoredSettings } from "../roster/types";
import { REGIONS, type Region } from "../rules/types";

/** The settings form's values, as typed. */
export interface SettingsForm {
  financialYear: string;
  listSize: string;
  weightedPopulation: string;
  region: Region | "";
  /** Claim up to earlier years' maximums while this year's are missing (the rate floor): on unless turned off. */
  rateFloor: boolean;
}

export type SettingsErrors = Partial<Record<Exclude<keyof SettingsForm, "rateFloor">, string>>;

export type SettingsFormCheck = { ok: true; settings: RequestedSettings } | { ok: false; errors: SettingsErrors };

export function settingsFormOf(stored: StoredSettings): SettingsForm {
  return {
    financialYear: stored.financialYear ?? "",
    listSize: stored.listSize != null ? String(stored.listSize) : "",
    weightedPopulation: stored.weightedPopulation != null ? String(stored.weightedPopulation) : "",
    region: stored.region ?? "",
    rateFloor: stored.rateFloor !== false,
  };
}

/** The requested settings when every value can be used; otherwise what is wrong with each. */
export function checkSettingsForm(form: SettingsForm): SettingsFormCheck {
  const errors: SettingsErrors = {};
  const settings: RequestedSettings = {};
  const year = form.financialYear.trim();
  if (!year) errors.financialYear = "Enter the financial year to check, for example 2025/26.";
  else {
    try {
      settings.financialYear = checkedFinancialYear(year).label;
    } catch (error) {
      errors.financialYear = error instanceof SettingsError ? `${error.message} A financial year runs from 1 April to 31 March.` : "Write the financial year as 2025/26.";
    }
  }
  const listSize = form.listSize.trim();
  if (!listSize) settings.listSize = null;
  else {
    const n = parsePositiveNumber(listSize);
    if (n === null || !Number.isInteger(n)) errors.listSize = "Enter the list size as a whole number of patients, for example 58,214, or leave it blank.";
    else settings.listSize = n;
  }
  const weighted = form.weightedPopulation.trim();
  if (!weighted) settings.weightedPopulation = null;
  else {
    const n = parsePositiveNumber(weighted);
    if (n === null) errors.weightedPopulation = "Enter the weighted population as a number, for example 61,532.4, or leave it blank.";
    else settings.weightedPopulation = n;
  }
  if (!form.region || !REGIONS.includes(form.region)) errors.region = "Choose the region whose maximum amounts the PCN is paid at.";
  else settings.region = form.region;
  settings.rateFloor = form.rateFloor;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, settings };
}
