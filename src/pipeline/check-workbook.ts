/**
 * The one pipeline every door runs: read the workbook through its adapter, find the roster and the
 * user's rate sheet, resolve the settings, run the engine, and build the output. Writing is left to
 * the caller, so that a door can show results first or write to a copy.
 */
import type { IsoDate } from "../common/dates";
import { RuleSet, type RateOverride } from "../rules/ruleset";
import type { Finding } from "../rules/types";
import { bySeverity } from "../engine/findings";
import { checkRoster } from "../engine/check";
import type { CheckResult } from "../engine/types";
import { readRateSheet, readRoster } from "../roster";
import type { ColumnMapping, RosterReadResult } from "../roster/types";
import { buildWorkbookOutput } from "../report";
import type { WorkbookOutput } from "../report/types";
import type { WorkbookPort } from "../workbook/types";
import { findRoster, mappingAsText, openWorkbook, settingsFor, type OpenedWorkbook } from "./open-workbook";
import type { RequestedSettings } from "./settings";
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
  /** What the door has already read with openWorkbook, so that it is not read twice. */
  opened?: OpenedWorkbook;
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

  // The rate sheet's year is only known once the checked year is; a sheet that names none is for it.
  const rules = new RuleSet();
  const { settings, year: checkedYear, findings: settingsFindings } = settingsFor(opened, { rosterSheet: found.grid.sheetName, requested: options.settings, today: options.today });

  const overrides: RateOverride[] = [];
  const rateFindings: Finding[] = [];
  for (const grid of rateGrids) {
    const sheet = readRateSheet(grid, { rules, checkedYear });
    overrides.push(...sheet.overrides);
    rateFindings.push(...sheet.findings);
  }
  const rulesWithSheet = rules.withRateOverrides(overrides);
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
