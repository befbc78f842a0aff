/**
 * The one pipeline every door runs: read the workbook through its adapter, find the roster and the
 * user's rate sheet, resolve the settings, run the engine, and build the output. Writing is left to
 * the caller, so that a door can show results first or write to a copy.
 */
import type { IsoDate } from "../common/dates";
import type { Grid } from "../common/grid";
import { isRateSheetName } from "../common/owned";
import { RuleSet } from "../rules/ruleset";
import { bySeverity } from "../engine/findings";
import { checkRoster } from "../engine/check";
import type { CheckResult } from "../engine/types";
import { readRoster } from "../roster";
import type { ColumnMapping, RosterReadResult } from "../roster/types";
import { buildWorkbookOutput } from "../report";
import type { WorkbookOutput } from "../report/types";
import type { WorkbookPort } from "../workbook/types";
import { findRoster, mappingAsText, openWorkbook, settingsFor, type OpenedWorkbook } from "./open-workbook";
import type { RequestedSettings } from "./settings";
import type { DoorWords } from "./door-words";
import { rulesWithRateSheets } from "./rate-sources";

/** A separate workbook of maximum amounts (`arrs check --rates FILE`), and the name to cite it by. */
export interface RatesWorkbook {
  workbook: WorkbookPort;
  name: string;
}

export interface CheckWorkbookOptions {
  /** The roster sheet's name; otherwise the stored one, otherwise the sheet that looks most like a roster. */
  sheet?: string;
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
  const opened = options.opened ?? await openWorkbook(workbook);
  const rateGrids = await Promise.all(opened.rateSheets.map((name) => workbook.readSheet(name)));
  const found = await findRoster(workbook, opened, { sheet: options.sheet, words: options.words });
  if ("problem" in found) return { kind: "problem", message: found.problem };
  const external = options.rates ? await readRatesWorkbook(options.rates) : null;
  if (external && "problem" in external) return { kind: "problem", message: external.problem };

  // The rate sheet's year is only known once the checked year is; a sheet that names none is for it.
  // The rates file's sheets come first, as its figures do.
  const withExternal = external ? { ...opened, rateSheets: [...external.grids.map((g) => g.sheetName), ...opened.rateSheets] } : opened;
  const { settings, year: checkedYear, findings: settingsFindings } = settingsFor(withExternal, { rosterSheet: found.grid.sheetName, requested: options.settings, today: options.today });

  const sources = [...(external && options.rates ? [{ grids: external.grids, workbook: options.rates.name }] : []), { grids: rateGrids }];
  const { rules: rulesWithSheet, findings: rateFindings } = rulesWithRateSheets(new RuleSet(), { sources, checkedYear });
  const mapping = { ...opened.stored.columnMapping, ...options.mapping };
  const roster = readRoster(found.grid, { rules: rulesWithSheet, mapping });
  const result = checkRoster({ rows: roster.rows, settings, rules: rulesWithSheet });
  result.findings = [...result.findings, ...settingsFindings, ...opened.storedFindings, ...rateFindings, ...roster.findings].sort(bySeverity);

  const output = buildWorkbookOutput(result, roster, {
    generatedOn: options.today,
    rosterSheet: roster.sheetName,
    columnMapping: mappingAsText(mapping),
    tooManyClaimLines: options.words.tooManyClaimLines,
  });
  return { kind: "checked", result, roster, output, rateSheets: opened.rateSheets };
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
