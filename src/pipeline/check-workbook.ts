/**
 * The one pipeline every door runs: read the workbook through its adapter, find the roster and the
 * user's rate sheet, resolve the settings, run the engine, and build the output. Writing is left to
 * the caller, so that a door can show results first or write to a copy.
 */
import { financialYearInText, type IsoDate } from "../common/dates";
import { isOwnedSheetName, isRateSheetName, OWNED_SHEETS, rateSheetFinancialYear } from "../common/owned";
import type { Grid } from "../common/grid";
import { RuleSet, type RateOverride } from "../rules/ruleset";
import type { Finding } from "../rules/types";
import { bySeverity } from "../engine/findings";
import { checkRoster } from "../engine/check";
import type { CheckResult } from "../engine/types";
import { findRosterSheet, readRateSheet, readRoster, readSettingsSheet } from "../roster";
import type { ColumnMapping, RosterReadResult, StoredSettings } from "../roster/types";
import { buildWorkbookOutput } from "../report";
import type { WorkbookOutput } from "../report/types";
import type { WorkbookPort } from "../workbook/types";
import { checkedFinancialYear, resolveSettings, type RequestedSettings } from "./settings";
import type { DoorWords } from "./door-words";

export interface CheckWorkbookOptions {
  /** The roster sheet's name; otherwise the stored one, otherwise the sheet that looks most like a roster. */
  sheet?: string;
  /** The door's own words for what the user should do (door-words.ts). */
  words: DoorWords;
  settings?: RequestedSettings;
  mapping?: ColumnMapping;
  /** Today's date: used for the generated-on note, and as the year to check when nothing else says. */
  today: IsoDate;
}

export interface CheckedWorkbook {
  kind: "checked";
  result: CheckResult;
  roster: RosterReadResult;
  output: WorkbookOutput;
  rateSheets: string[];
}

/** A workbook the pipeline cannot check, with a message saying what to do. */
export interface UncheckableWorkbook {
  kind: "problem";
  message: string;
}

export async function checkWorkbook(workbook: WorkbookPort, options: CheckWorkbookOptions): Promise<CheckedWorkbook | UncheckableWorkbook> {
  const sheetNames = await workbook.sheetNames();
  const stored = await readStoredSettings(workbook, sheetNames);
  const rateSheetNames = sheetNames.filter(isRateSheetName);
  const rateGrids = await Promise.all(rateSheetNames.map((name) => workbook.readSheet(name)));

  const wanted = options.sheet ?? (stored.settings.rosterSheet && sheetNames.includes(stored.settings.rosterSheet) ? stored.settings.rosterSheet : undefined);
  const candidates = wanted
    ? sheetNames.filter((name) => name.toLowerCase() === wanted.toLowerCase())
    : sheetNames.filter((name) => !isOwnedSheetName(name) && !isRateSheetName(name));
  if (wanted && candidates.length === 0) {
    return { kind: "problem", message: `There is no sheet named "${wanted}". The sheets are: ${sheetNames.map((n) => `"${n}"`).join(", ")}.` };
  }
  const grids: Grid[] = [];
  for (const name of candidates) grids.push(await workbook.readSheet(name));
  const found = findRosterSheet(grids, { sheetName: wanted, nameTheSheet: options.words.nameTheSheet });
  if ("problem" in found) return { kind: "problem", message: found.problem };

  // The rate sheet's year is only known once the checked year is; a sheet that names none is for it.
  const rules = new RuleSet();
  const namedYear = rateSheetNames.map(rateSheetFinancialYear).find((year) => year !== null) ?? null;
  const { settings, findings: settingsFindings } = resolveSettings({ requested: options.settings ?? {}, stored: stored.settings, rosterSheetYear: financialYearInText(found.grid.sheetName), rateSheetYear: namedYear, today: options.today });
  const checkedYear = checkedFinancialYear(settings.financialYear);

  const overrides: RateOverride[] = [];
  const rateFindings: Finding[] = [];
  for (const grid of rateGrids) {
    const sheet = readRateSheet(grid, { rules, checkedYear });
    overrides.push(...sheet.overrides);
    rateFindings.push(...sheet.findings);
  }
  const rulesWithSheet = rules.withRateOverrides(overrides);
  const mapping = { ...stored.settings.columnMapping, ...options.mapping };
  const roster = readRoster(found.grid, { rules: rulesWithSheet, mapping });
  const result = checkRoster({ rows: roster.rows, settings, rules: rulesWithSheet });
  result.findings = [...result.findings, ...settingsFindings, ...stored.findings, ...rateFindings, ...roster.findings].sort(bySeverity);

  const output = buildWorkbookOutput(result, roster, {
    generatedOn: options.today,
    rosterSheet: roster.sheetName,
    columnMapping: stringMapping(mapping),
    tooManyClaimLines: options.words.tooManyClaimLines,
  });
  return { kind: "checked", result, roster, output, rateSheets: rateSheetNames };
}

async function readStoredSettings(workbook: WorkbookPort, sheetNames: string[]): Promise<{ settings: StoredSettings; findings: Finding[] }> {
  if (!sheetNames.includes(OWNED_SHEETS.settings)) return { settings: {}, findings: [] };
  return readSettingsSheet(await workbook.readSheet(OWNED_SHEETS.settings));
}

function stringMapping(mapping: ColumnMapping): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(mapping)) if (value !== undefined) out[field] = String(value);
  return out;
}
