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
import { findRosterSheet, findRosterSheets, readRoster, readSettingsSheet } from "../roster";
import type { RosterSheets } from "../roster";
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
  const { sheetNames, rosterSheets } = opened;
  const storedSheet = storedRosterSheets(opened)[0];
  const wanted = options.sheet ?? storedSheet;
  const candidates = wanted ? sheetNames.filter((name) => name.toLowerCase() === wanted.toLowerCase()) : rosterSheets;
  if (wanted && candidates.length === 0) {
    return { problem: `There is no sheet named "${wanted}". The sheets are: ${sheetNames.map((n) => `"${n}"`).join(", ")}.` };
  }
  const grids: Grid[] = [];
  for (const name of candidates) grids.push(await workbook.readSheet(name));
  return findRosterSheet(grids, { sheetName: wanted, nameTheSheet: options.words.nameTheSheet });
}

/** The sheet names the ARRS Settings sheet's "Roster sheet" row gives (several separated by "; "), those that are still there. */
export function storedRosterSheets(opened: Pick<OpenedWorkbook, "rosterSheets" | "stored">): string[] {
  const text = opened.stored.rosterSheet?.trim();
  if (!text) return [];
  // A sheet's own name may hold a semicolon: the whole text naming a sheet is that sheet.
  const whole = sameName(opened.rosterSheets, text);
  if (whole) return [whole];
  const names = text.split(";").map((name) => sameName(opened.rosterSheets, name.trim())).filter((name): name is string => name !== undefined);
  return [...new Set(names)];
}

/** Sheet names as the ARRS Settings sheet's "Roster sheet" row holds them. */
export const joinSheetNames = (names: readonly string[]): string => names.join("; ");

export interface FindRostersOptions {
  /** The roster sheets the user named (--sheet, once or more); otherwise the stored ones, otherwise every sheet that looks like a roster. */
  sheets?: readonly string[];
  /** The door's own words for what the user should do (door-words.ts). */
  words: DoorWords;
}

/**
 * The roster sheets, read: those the user names (each read even if it is not a roster: the reader then
 * says why), else those stored (while they name sheets that could hold one), else every sheet that
 * looks like a roster, as a PCN with a roster sheet per member practice keeps them. Every other sheet
 * that could hold a roster is passed over with why; the tool's own sheets and the rate sheets are not listed.
 */
export async function findRosters(workbook: WorkbookPort, opened: OpenedWorkbook, options: FindRostersOptions): Promise<RosterSheets | { problem: string }> {
  const { sheetNames, rosterSheets } = opened;
  const asked = (options.sheets ?? []).map((name) => name.trim()).filter(Boolean);
  const wanted = asked.length > 0 ? asked : storedRosterSheets(opened);
  if (wanted.length === 0) {
    const grids: Grid[] = [];
    for (const name of rosterSheets) grids.push(await workbook.readSheet(name));
    return findRosterSheets(grids, { nameTheSheet: options.words.nameTheSheet });
  }
  const chosen: string[] = [];
  for (const name of wanted) {
    const sheet = sameName(sheetNames, name);
    if (!sheet) return { problem: `There is no sheet named "${name}". The sheets are: ${sheetNames.map((n) => `"${n}"`).join(", ")}.` };
    if (!chosen.includes(sheet)) chosen.push(sheet);
  }
  const read: Grid[] = [];
  for (const name of chosen) read.push(await workbook.readSheet(name));
  const why = asked.length > 0 ? "not one of the sheets named to check" : `not one of the roster sheets the ${OWNED_SHEETS.settings} sheet names`;
  return { read, passedOver: rosterSheets.filter((name) => !chosen.includes(name)).map((sheet) => ({ sheet, reason: why })) };
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
