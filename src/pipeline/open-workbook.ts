/**
 * The first steps of every door, before any checking: what the workbook holds (its sheets, the
 * settings it stores), which sheet is the roster, and which PCN settings a run would use. The task
 * pane runs them to show the workbook before a check; checkWorkbook runs them to check it; storing
 * the settings runs them to write what a check would assume.
 */
import { financialYearInText, type FinancialYear, type IsoDate } from "../common/dates";
import type { Grid } from "../common/grid";
import { isOwnedSheetName, isRateSheetName, OWNED_SHEETS, rateSheetFinancialYear } from "../common/owned";
import type { PcnSettings } from "../engine/types";
import { findRosterSheet, readRoster, readSettingsSheet } from "../roster";
import type { ColumnMapping, RosterReadResult, StoredSettings } from "../roster/types";
import { RuleSet } from "../rules/ruleset";
import type { Finding } from "../rules/types";
import type { WorkbookPort } from "../workbook/types";
import type { DoorWords } from "./door-words";
import { checkedFinancialYear, resolveSettings, type RequestedSettings } from "./settings";

/** What a workbook holds, as the pipeline sees it before reading the roster. */
export interface OpenedWorkbook {
  /** Every sheet, in tab order. */
  sheetNames: string[];
  /** Sheets that could hold a roster: not the tool's own, not rate sheets. */
  rosterSheets: string[];
  /** "ARRS max reimb" sheets: the user's own maximum amounts. */
  rateSheets: string[];
  /** Whether the workbook has an ARRS Settings sheet: the settings were given once. */
  hasSettingsSheet: boolean;
  /** What the ARRS Settings sheet holds (nothing when there is none). */
  stored: StoredSettings;
  /** What could not be read on that sheet. */
  storedFindings: Finding[];
}

export async function openWorkbook(workbook: WorkbookPort): Promise<OpenedWorkbook> {
  const sheetNames = await workbook.sheetNames();
  const hasSettingsSheet = sheetNames.includes(OWNED_SHEETS.settings);
  const { settings, findings } = hasSettingsSheet
    ? readSettingsSheet(await workbook.readSheet(OWNED_SHEETS.settings))
    : { settings: {}, findings: [] };
  return {
    sheetNames,
    rosterSheets: sheetNames.filter((name) => !isOwnedSheetName(name) && !isRateSheetName(name)),
    rateSheets: sheetNames.filter(isRateSheetName),
    hasSettingsSheet,
    stored: settings,
    storedFindings: findings,
  };
}

export interface FindRosterOptions {
  /** The roster sheet the user named; otherwise the stored one, otherwise the sheet that looks most like a roster. */
  sheet?: string;
  /** The door's own words for what the user should do (door-words.ts). */
  words: DoorWords;
}

/**
 * The roster's sheet, read. A sheet the user names is read even if it is not a roster (the reader
 * then says why); a stored name counts only while it names a sheet that could hold one, since the
 * user may have renamed or deleted it since.
 */
export async function findRoster(workbook: WorkbookPort, opened: OpenedWorkbook, options: FindRosterOptions): Promise<{ grid: Grid } | { problem: string }> {
  const { sheetNames, rosterSheets, stored } = opened;
  const storedSheet = stored.rosterSheet ? sameName(rosterSheets, stored.rosterSheet) : undefined;
  const wanted = options.sheet ?? storedSheet;
  const candidates = wanted ? sheetNames.filter((name) => name.toLowerCase() === wanted.toLowerCase()) : rosterSheets;
  if (wanted && candidates.length === 0) {
    return { problem: `There is no sheet named "${wanted}". The sheets are: ${sheetNames.map((n) => `"${n}"`).join(", ")}.` };
  }
  const grids: Grid[] = [];
  for (const name of candidates) grids.push(await workbook.readSheet(name));
  return findRosterSheet(grids, { sheetName: wanted, nameTheSheet: options.words.nameTheSheet });
}

export type RosterPreview = { roster: RosterReadResult; grid: Grid } | { problem: string };

/**
 * The roster as the pane shows it before a check: its header row, columns and staff rows, read with
 * the stored column corrections and the published rules (the user's rate sheets change amounts only,
 * which a preview does not show).
 */
export async function previewRoster(workbook: WorkbookPort, opened: OpenedWorkbook, options: FindRosterOptions): Promise<RosterPreview> {
  const found = await findRoster(workbook, opened, options);
  if ("problem" in found) return found;
  return { roster: readRoster(found.grid, { rules: new RuleSet(), mapping: opened.stored.columnMapping }), grid: found.grid };
}

/**
 * The settings a run uses: what the door asks for, then what the workbook stores, then a stated
 * assumption (the year the roster sheet's name gives, then the year a rate sheet names, then today's).
 */
export function settingsFor(opened: OpenedWorkbook, options: { rosterSheet: string; requested?: RequestedSettings; today: IsoDate }): { settings: PcnSettings; year: FinancialYear; findings: Finding[] } {
  const rateSheetYear = opened.rateSheets.map(rateSheetFinancialYear).find((year) => year !== null) ?? null;
  const { settings, findings } = resolveSettings({
    requested: options.requested ?? {},
    stored: opened.stored,
    rosterSheetYear: financialYearInText(options.rosterSheet),
    rateSheetYear,
    today: options.today,
  });
  return { settings, year: checkedFinancialYear(settings.financialYear), findings };
}

/** A column mapping as the settings sheet writes it: header text (or column number as text) by field. */
export function mappingAsText(mapping: ColumnMapping): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(mapping)) if (value !== undefined) out[field] = String(value);
  return out;
}

function sameName(names: string[], wanted: string): string | undefined {
  return names.find((name) => name.toLowerCase() === wanted.toLowerCase());
}
