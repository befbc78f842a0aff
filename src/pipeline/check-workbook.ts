/**
 * The one pipeline every door runs: read the workbook through its adapter, find the roster and the
 * user's rate sheet, resolve the settings, run the engine, and build the output. Writing is left to
 * the caller, so that a door can show results first or write to a copy.
 */
import { financialYearInText, type IsoDate } from "../common/dates";
import type { Grid } from "../common/grid";
import { isRateSheetName } from "../common/owned";
import { RuleSet } from "../rules/ruleset";
import { bySeverity } from "../engine/findings";
import { checkRoster } from "../engine/check";
import type { CheckResult } from "../engine/types";
import { readRoster, type PassedOverSheet } from "../roster";
import type { ColumnMapping, RosterReadResult, RosterRow } from "../roster/types";
import { buildWorkbookOutput } from "../report";
import type { WorkbookOutput } from "../report/types";
import type { WorkbookPort } from "../workbook/types";
import type { Forecast } from "../engine/forecast-types";
import type { RoleId } from "../rules/types";
import { forecastStep } from "./forecast";
import { findRosters, joinSheetNames, mappingAsText, openWorkbook, settingsFor, type OpenedWorkbook } from "./open-workbook";
import type { RequestedSettings } from "./settings";
import type { DoorWords } from "./door-words";
import { rulesWithRateSheets } from "./rate-sources";

/** A separate workbook of maximum amounts (`arrs check --rates FILE`), and the name to cite it by. */
export interface RatesWorkbook {
  workbook: WorkbookPort;
  name: string;
}

export interface CheckWorkbookOptions {
  /**
   * The roster sheet's name (or `sheets`, several of them); otherwise the stored ones, otherwise every
   * sheet that looks like a roster, checked as one PCN.
   */
  sheet?: string;
  sheets?: readonly string[];
  /** The door's own words for what the user should do (door-words.ts). */
  words: DoorWords;
  settings?: RequestedSettings;
  mapping?: ColumnMapping;
  /** Today's date: used for the generated-on note, and as the year to check when nothing else says. */
  today: IsoDate;
  /** What the door has already read with openWorkbook, so that it is not read twice. */
  opened?: OpenedWorkbook;
  /** Maximum amounts from another workbook: they win over the roster workbook's own rate sheets. */
  rates?: RatesWorkbook;
  /** The date the forecast splits the year at (docs/forecast.md); `today` when not given. */
  asOf?: IsoDate;
  /** The role to measure a forecast unspent sum in (requestedUnspentRole); else the stored one, else band 5. */
  unspentAs?: RoleId;
}

export interface CheckedWorkbook {
  kind: "checked";
  result: CheckResult;
  /** The first roster sheet read (the only one, in a workbook with one roster). */
  roster: RosterReadResult;
  /** Every roster sheet read, in tab order (the order asked for, when named): one PCN's rows. */
  rosters: RosterReadResult[];
  /** The sheets read as the roster, and the other sheets that could have held one, with why they were not read. */
  sheets: { read: string[]; passedOver: PassedOverSheet[] };
  output: WorkbookOutput;
  rateSheets: string[];
  /** The year ahead at the as-of date: to date, rest of year, planned posts, unspent. */
  forecast: Forecast;
}

/** A workbook the pipeline cannot check, with a message saying what to do. */
export interface UncheckableWorkbook {
  kind: "problem";
  message: string;
}

export async function checkWorkbook(workbook: WorkbookPort, options: CheckWorkbookOptions): Promise<CheckedWorkbook | UncheckableWorkbook> {
  const opened = options.opened ?? await openWorkbook(workbook);
  const rateGrids = await Promise.all(opened.rateSheets.map((name) => workbook.readSheet(name)));
  const named = [...(options.sheet ? [options.sheet] : []), ...(options.sheets ?? [])];
  const found = await findRosters(workbook, opened, { sheets: named, words: options.words });
  if ("problem" in found) return { kind: "problem", message: found.problem };
  const chosen = named.length > 0 ? found : ofOneYear(found, options.settings?.financialYear ?? opened.stored.financialYear);
  const sheetNames = chosen.read.map((grid) => grid.sheetName);
  const external = options.rates ? await readRatesWorkbook(options.rates) : null;
  if (external && "problem" in external) return { kind: "problem", message: external.problem };

  // The rate sheet's year is only known once the checked year is; a sheet that names none is for it.
  // The rates file's sheets come first, as its figures do.
  const withExternal = external ? { ...opened, rateSheets: [...external.grids.map((g) => g.sheetName), ...opened.rateSheets] } : opened;
  const { settings, year: checkedYear, findings: settingsFindings } = settingsFor(withExternal, { rosterSheet: joinSheetNames(sheetNames), requested: options.settings, today: options.today });

  const sources = [...(external && options.rates ? [{ grids: external.grids, workbook: options.rates.name }] : []), { grids: rateGrids }];
  const { rules: rulesWithSheet, findings: rateFindings } = rulesWithRateSheets(new RuleSet(), { sources, checkedYear });
  const mapping = { ...opened.stored.columnMapping, ...options.mapping };
  const rosters = chosen.read.map((grid) => readRoster(grid, { rules: rulesWithSheet, mapping }));
  const rows = rosters.flatMap((roster) => rowsOfSheet(roster, rosters.length > 1));
  const result = checkRoster({ rows, settings, rules: rulesWithSheet });
  const { forecast, findings: forecastFindings } = forecastStep({
    result, rosters, rules: rulesWithSheet, asOf: options.asOf ?? options.today, requestedRole: options.unspentAs, storedRole: opened.stored.unspentAs,
  });
  result.findings = [...result.findings, ...settingsFindings, ...opened.storedFindings, ...rateFindings, ...rosters.flatMap((r) => r.findings), ...forecastFindings,
    // A planned post's own findings (no WTE, a cell it could not read): no staff row carries them.
    ...rosters.flatMap((r) => (r.plannedPosts ?? []).flatMap((p) => p.findings))].sort(bySeverity);

  const sheets = { read: sheetNames, passedOver: chosen.passedOver };
  const output = buildWorkbookOutput(result, rosters, {
    generatedOn: options.today,
    rosterSheet: joinSheetNames(sheetNames),
    sheets,
    columnMapping: mappingAsText(mapping),
    tooManyClaimLines: options.words.tooManyClaimLines,
    forecast,
  });
  return { kind: "checked", result, roster: rosters[0], rosters, sheets, output, rateSheets: opened.rateSheets, forecast };
}

/**
 * Each row knows its sheet, and its member practice: the Practice column's, else (where the PCN keeps
 * a roster sheet per practice) the sheet's name.
 */
function rowsOfSheet(roster: RosterReadResult, several: boolean): RosterRow[] {
  return roster.rows.map((row) => ({ ...row, sheet: roster.sheetName, practice: row.practice ?? (several ? roster.sheetName : null) }));
}

/**
 * Sheets found by their looks whose names give different financial years ("Roster 2024-25" beside
 * "Roster 2025-26") are not one PCN's year: those of the year asked for are read, else those of the
 * latest year named; a sheet whose name gives no year is read either way.
 */
function ofOneYear(found: { read: Grid[]; passedOver: PassedOverSheet[] }, yearAsked: string | undefined): { read: Grid[]; passedOver: PassedOverSheet[] } {
  const yearOf = (grid: Grid) => financialYearInText(grid.sheetName)?.label ?? null;
  const years = [...new Set(found.read.map(yearOf).filter((year): year is string => year !== null))].sort();
  if (years.length < 2) return found;
  const askedLabel = yearAsked ? financialYearInText(yearAsked)?.label : undefined;
  const year = askedLabel && years.includes(askedLabel) ? askedLabel : years[years.length - 1];
  const read = found.read.filter((grid) => yearOf(grid) === null || yearOf(grid) === year);
  const passedOver = found.read.filter((grid) => !read.includes(grid)).map((grid) => ({
    sheet: grid.sheetName, reason: `its name gives ${yearOf(grid)!}, another year than the roster's ${year}`,
  }));
  return { read, passedOver: [...found.passedOver, ...passedOver] };
}

/** The "ARRS max reimb" sheets of a rates workbook; a workbook with none is a problem to report, not to ignore. */
async function readRatesWorkbook(rates: RatesWorkbook): Promise<{ grids: Grid[] } | { problem: string }> {
  const names = (await rates.workbook.sheetNames()).filter(isRateSheetName);
  if (names.length === 0) {
    return { problem: `${rates.name} has no sheet whose name starts "ARRS max reimb", so it gives no maximum amounts. `
      + 'Make one with "arrs rates", or rename the sheet that holds the figures.' };
  }
  return { grids: await Promise.all(names.map((name) => rates.workbook.readSheet(name))) };
}
