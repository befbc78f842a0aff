/**
 * The task pane's one way into the checker: plain TypeScript over the pipeline and a WorkbookPort, so
 * that the React components hold no ARRS logic. Each method calls the pipeline and returns plain view
 * data (views.ts) that a component can show as it is; every error is turned into a sentence by
 * `userMessageOf` (messages.ts), never a stack trace.
 *
 * The same controller serves both doors: inside Excel over the Office adapter, and in a browser tab
 * over the file adapter (workbook/xlsx) holding a file the user opened.
 */
import { isoFromParts, parseFinancialYear, type IsoDate } from "../common/dates";
import { OWNED_SHEETS } from "../common/owned";
// The engine, the checking pipeline, the roster reader, the rule tables and the report builders load
// on the first action that needs them (opening the workbook is the first), not with the pane: they are
// a third of its JavaScript, and the pane's first download has a budget. Only types come from them here.
import type { RequestedSettings } from "../pipeline/settings";
import type { ColumnChanges } from "../pipeline/store-settings";
import type { WorkbookPort } from "../workbook/types";
import { runCheckJob, type CheckRun, type CheckRunner } from "./check-job";
import { PaneError } from "./messages";
import { describeRatesSheet } from "./rates-view";
import { SAMPLE_SHEET_NAME, sampleRosterValues } from "./sample-roster";
import { checkSettingsForm, type SettingsForm, type SettingsFormCheck } from "./settings-form";
import {
  describeColumnChanges, describeRemoval, describeWrite, paneSnapshot,
  type CheckView, type FindingView, type PaneSnapshot, type RemoveReport, type WriteReport,
} from "./views";

export interface ControllerOptions {
  /** Today's date (the pipeline has no clock). */
  today?: () => IsoDate;
  /** Where checks run: a Web Worker in the pane (worker-runner.ts), this thread by default. */
  runner?: CheckRunner;
}

/** Hears what a running check is doing ("Checking the roster…"). */
export type Progress = (text: string) => void;

/** The pane's words for the pipeline (door-words.ts reaches the roster reader and the report for the command line's). */
const paneWords = () => import("../pipeline/door-words");

function localToday(): IsoDate {
  const now = new Date();
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export class TaskpaneController {
  private readonly today: () => IsoDate;
  private readonly runner: CheckRunner;

  constructor(readonly port: WorkbookPort, options: ControllerOptions = {}) {
    this.today = options.today ?? localToday;
    this.runner = options.runner ?? runCheckJob;
  }

  /** Inside Excel a finding can select its row; in a browser tab it cannot. */
  get canSelectRows(): boolean {
    return typeof this.port.selectRow === "function";
  }

  get canInsertSample(): boolean {
    return typeof this.port.addSheet === "function";
  }

  /** The rates sheet can be added: inside Excel, and to a file opened in a browser tab. */
  get canInsertRates(): boolean {
    return typeof this.port.addFormattedSheet === "function";
  }

  /** What the pane opens on: the roster found (or the sheet asked for), its columns, the stored settings. */
  async load(sheet?: string): Promise<PaneSnapshot> {
    const [{ openWorkbook, previewRoster }, { PANE_WORDS }] = await Promise.all([import("../pipeline/open-workbook"), paneWords()]);
    const opened = await openWorkbook(this.port);
    // The pane's list of sheets may be older than the workbook: a sheet since renamed or deleted is
    // not asked for, and the stored or found roster is shown instead.
    const asked = sheet && opened.rosterSheets.includes(sheet) ? sheet : undefined;
    return paneSnapshot(opened, await previewRoster(this.port, opened, { sheet: asked, words: PANE_WORDS }));
  }

  /** Checks the settings form; the requested settings when every value can be used. */
  validateSettings(form: SettingsForm): SettingsFormCheck {
    return checkSettingsForm(form);
  }

  /** Stores the PCN settings in the workbook's ARRS Settings sheet (and nothing else). */
  async saveSettings(settings: RequestedSettings, rosterSheet?: string): Promise<string> {
    const { storeSettings } = await import("../pipeline/store-settings");
    await storeSettings(this.port, { requested: settings, rosterSheet, today: this.today() });
    return `Saved the PCN settings in the "${OWNED_SHEETS.settings}" sheet.`;
  }

  /**
   * Stores the user's corrections (this field is in the column headed so; null goes back to reading
   * the headers) in the ARRS Settings sheet, so that every later check uses them.
   */
  async saveColumns(changes: ColumnChanges, rosterSheet: string): Promise<string> {
    const said = describeColumnChanges(changes);
    if (said.length === 0) return "No column was changed.";
    const { storeSettings } = await import("../pipeline/store-settings");
    await storeSettings(this.port, { columns: changes, rosterSheet, today: this.today() });
    return `Saved: ${said.join("; ")}. The columns are remembered in the "${OWNED_SHEETS.settings}" sheet.`;
  }

  /** Runs the whole check and returns what the pane shows; writes nothing. */
  async check(sheet?: string, progress?: Progress): Promise<CheckView> {
    return (await this.run(sheet, progress)).view;
  }

  /** Checks, then writes the roster columns and the summary, claim-lines and settings sheets. */
  async writeSummary(sheet?: string, progress?: Progress): Promise<WriteReport> {
    const { view, output } = await this.run(sheet, progress, true);
    if (!output) throw new Error("The check gave no output to write.");
    progress?.("Writing the claim summary…");
    await this.port.write(output);
    return { check: view, message: describeWrite(output), sheets: output.sheets.map((s) => s.name) };
  }

  /** Removes exactly what the tool wrote. */
  async removeOutput(): Promise<RemoveReport> {
    const removed = await this.port.removeOutput();
    return { message: describeRemoval(removed), ...removed };
  }

  async selectRow(finding: FindingView): Promise<void> {
    if (!this.port.selectRow || finding.rowNumber === null || !finding.sheetName) return;
    await this.port.selectRow(finding.sheetName, finding.rowNumber);
  }

  /** Adds the sample roster sheet (first run); returns its name. */
  async insertSample(): Promise<string> {
    if (!this.port.addSheet) throw new PaneError("This workbook cannot take a new sheet here.");
    const names = await this.port.sheetNames();
    let name = SAMPLE_SHEET_NAME;
    for (let i = 2; names.some((n) => n.toLowerCase() === name.toLowerCase()); i++) name = `${SAMPLE_SHEET_NAME} (${i})`;
    await this.port.addSheet(name, sampleRosterValues());
    return name;
  }

  /**
   * Adds the year's rates sheet ("ARRS max reimb 26-27": the figures the checker knows filled in, the
   * rest blank and shaded) and selects its first blank cell. Never writes over a sheet: if one of that
   * name is there, it is selected instead. Returns what was done, in a sentence.
   */
  async insertRatesSheet(financialYear: string): Promise<string> {
    if (!this.port.addFormattedSheet) throw new PaneError("This workbook cannot take a new sheet here.");
    const year = parseFinancialYear(financialYear);
    if (!year) throw new PaneError(`"${financialYear}" is not a financial year: write it as 2026/27.`);
    const { ratesTemplate } = await import("../pipeline/rates-template");
    const template = ratesTemplate(year);
    const name = template.sheet.name;
    const existing = (await this.port.sheetNames()).find((n) => n.toLowerCase() === name.toLowerCase());
    const inExcel = typeof this.port.selectCell === "function";
    const said = { financialYear: year.label, inExcel, firstBlank: template.firstBlank, blanks: template.blanks };
    if (existing !== undefined) {
      await this.port.selectCell?.(existing, "A1");
      return describeRatesSheet({ ...said, sheetName: existing, existed: true });
    }
    await this.port.addFormattedSheet(template.sheet, { select: template.firstBlank });
    return describeRatesSheet({ ...said, sheetName: name, existed: false });
  }

  private run(sheet?: string, progress?: Progress, output = false): Promise<CheckRun> {
    return this.runner(this.port, { sheet, today: this.today(), output }, progress);
  }
}
