/**
 * Reads back the "ARRS Settings" sheet the tool writes (layout in src/common/settings-keys.ts): a
 * label in one column and its value in the next. Users may edit it, so labels are matched
 * case-insensitively wherever they are on the sheet, numbers may be text with commas, and a value
 * that cannot be read is ignored with a warning (the command line or a default then decides).
 * A blank value is simply not given.
 */
import { parseFinancialYear } from "../common/dates";
import type { Grid } from "../common/grid";
import { OWNED_SHEETS } from "../common/owned";
import { COLUMN_MAPPING_LABEL_PREFIX, SETTINGS_LABELS } from "../common/settings-keys";
import type { Finding, Region } from "../rules/types";
import { cellText, parseYesNo, quoteValue } from "./cells";
import { ROSTER_FIELDS } from "./columns";
import type { ColumnMapping, RosterField, StoredSettings } from "./types";

export const SETTINGS_SOURCE = `The "${OWNED_SHEETS.settings}" sheet in this workbook`;

type SettingKey = keyof typeof SETTINGS_LABELS;

const labelKey = (text: string): string => text.toLowerCase().replace(/\s+/g, " ").replace(/\s*:\s*$/, "").trim();

const LABELS = new Map<string, SettingKey>(
  (Object.entries(SETTINGS_LABELS) as [SettingKey, string][]).map(([key, label]) => [labelKey(label), key]),
);
const MAPPING_PREFIX = labelKey(COLUMN_MAPPING_LABEL_PREFIX);

/** "national", "Outer London", "outer-london", "London (inner)" → the region id. */
export function parseRegion(value: unknown): Region | null {
  const text = cellText(value)?.toLowerCase().replace(/[^a-z]+/g, "");
  if (!text) return null;
  if (text === "national" || text === "england" || text === "restofengland") return "national";
  if (text === "outerlondon" || text === "londonouter") return "outer-london";
  if (text === "innerlondon" || text === "londoninner") return "inner-london";
  return null;
}

/** A positive count such as a list size: 12345, "12,345", " 12 345 ". */
export function parsePositiveNumber(value: unknown): number | null {
  let number: number;
  if (typeof value === "number") number = value;
  else {
    const text = cellText(value);
    if (text === null || typeof value === "boolean" || value instanceof Date) return null;
    const compact = text.replace(/[\s,]/g, "");
    if (!/^\d+(?:\.\d+)?$/.test(compact)) return null;
    number = Number(compact);
  }
  return Number.isFinite(number) && number > 0 ? number : null;
}

/** The roster field a "Column: <field>" label names: "wte", "hoursPerWeek", "Hours per week". */
function fieldFromLabel(text: string): RosterField | null {
  const compact = text.toLowerCase().replace(/[^a-z0-9]+/g, "");
  return ROSTER_FIELDS.find((field) => field.toLowerCase() === compact) ?? null;
}

export function readSettingsSheet(grid: Grid): { settings: StoredSettings; findings: Finding[] } {
  const settings: StoredSettings = {};
  const findings: Finding[] = [];
  const columnMapping: ColumnMapping = {};
  const seen = new Set<string>();
  const ignore = (rowNumber: number, label: string, value: unknown, expected: string) => {
    findings.push({
      code: "MISSING_VALUE",
      severity: "warning",
      rowNumber,
      message: `The "${label}" setting in the ${OWNED_SHEETS.settings} sheet (row ${rowNumber}) is ${quoteValue(value)}, `
        + `which could not be read, so it was ignored. Enter ${expected}.`,
      source: SETTINGS_SOURCE,
      details: { setting: label, value: quoteValue(value).slice(1, -1) },
    });
  };
  const duplicate = (rowNumber: number, label: string) => {
    findings.push({
      code: "MISSING_VALUE",
      severity: "warning",
      rowNumber,
      message: `The "${label}" setting appears more than once in the ${OWNED_SHEETS.settings} sheet; row ${rowNumber} `
        + "was ignored and the first one used. Delete the extra row.",
      source: SETTINGS_SOURCE,
    });
  };

  const rows = Array.isArray(grid?.values) ? grid.values : [];
  const firstRow = grid?.firstRow ?? 1;
  rows.forEach((row, rowIndex) => {
    if (!Array.isArray(row)) return;
    const rowNumber = firstRow + rowIndex;
    for (let index = 0; index < row.length; index++) {
      const cell = row[index];
      if (typeof cell !== "string") continue;
      const key = labelKey(cell);
      const value = row[index + 1] ?? null;
      const setting = LABELS.get(key);
      if (setting) {
        readSetting(setting, cell.trim(), value, rowNumber);
        break;
      }
      if (key.startsWith(MAPPING_PREFIX)) {
        readMapping(cell.trim(), key.slice(MAPPING_PREFIX.length), value, rowNumber);
        break;
      }
    }
  });
  if (Object.keys(columnMapping).length) settings.columnMapping = columnMapping;
  return { settings, findings };

  function readSetting(setting: SettingKey, label: string, value: unknown, rowNumber: number): void {
    if (cellText(value) === null) return;
    if (seen.has(setting)) return duplicate(rowNumber, label);
    seen.add(setting);
    switch (setting) {
      case "financialYear": {
        const year = parseFinancialYear(cellText(value) ?? "");
        if (year) settings.financialYear = year.label;
        else ignore(rowNumber, label, value, "the financial year as 2025/26");
        return;
      }
      case "listSize":
      case "weightedPopulation": {
        const number = parsePositiveNumber(value);
        if (number !== null) settings[setting] = number;
        else ignore(rowNumber, label, value, "a number above 0, for example 45,000");
        return;
      }
      case "region": {
        const region = parseRegion(value);
        if (region) settings.region = region;
        else ignore(rowNumber, label, value, "national, outer London or inner London");
        return;
      }
      case "rateFloor": {
        const answer = parseYesNo(value);
        if (answer?.ok && answer.value !== "promoted") settings.rateFloor = answer.value === "yes";
        else ignore(rowNumber, label, value, "Yes or No");
        return;
      }
      case "rosterSheet":
      case "unspentAs":
        settings[setting] = cellText(value) ?? undefined;
        return;
      case "pcnName":
      case "odsCode":
      case "icb":
      case "payingPractice":
        settings[setting] = cellText(value) ?? undefined;
        return;
    }
  }

  function readMapping(label: string, fieldText: string, value: unknown, rowNumber: number): void {
    const field = fieldFromLabel(fieldText);
    if (!field) {
      findings.push({
        code: "MISSING_VALUE",
        severity: "warning",
        rowNumber,
        message: `The "${label}" setting in the ${OWNED_SHEETS.settings} sheet (row ${rowNumber}) names no roster field, `
          + `so it was ignored. After "${COLUMN_MAPPING_LABEL_PREFIX}" write one of: ${ROSTER_FIELDS.join(", ")}.`,
        source: SETTINGS_SOURCE,
      });
      return;
    }
    const text = cellText(value);
    if (text === null) return;
    if (seen.has(`column:${field}`)) return duplicate(rowNumber, label);
    seen.add(`column:${field}`);
    if (typeof value === "number" && Number.isInteger(value) && value >= 1) columnMapping[field] = value;
    else if (typeof value === "string") columnMapping[field] = text;
    else ignore(rowNumber, label, value, "the column's header as written, or its letter (for example C)");
  }
}
