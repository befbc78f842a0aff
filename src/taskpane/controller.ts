/**
 * The task pane's one way into the checker: plain TypeScript over the pipeline and a WorkbookPort, so
 * that the React components hold no ARRS logic. Every method returns plain view data (strings,
 * numbers, lists) that a component can show as it is; every error is turned into a sentence by
 * `userMessageOf`, never a stack trace.
 *
 * The same controller serves both doors: inside Excel over the Office adapter, and in a browser tab
 * over the file adapter (workbook/xlsx) holding a file the user opened.
 */
import { financialYearInText, isoFromParts, type IsoDate } from "../common/dates";
import { formatMoney, formatWte } from "../common/money";
import { isOwnedColumnHeader, isOwnedSheetName, isRateSheetName, OWNED_SHEETS, rateSheetFinancialYear } from "../common/owned";
import type { CheckResult } from "../engine/types";
// The engine, the pipeline and the report builders load on the first action that needs them, not with
// the pane: they are a third of its JavaScript, and the pane's first download has a budget.
import type { CheckedWorkbook } from "../pipeline/check-workbook";
import { checkedFinancialYear, resolveSettings, SettingsError, type RequestedSettings } from "../pipeline/settings";
import { PANE_WORDS } from "../pipeline/door-words";
import type { WorkbookOutput } from "../report/types";
import { cellText, findRosterSheet, parsePositiveNumber, readRoster, readSettingsSheet, ROSTER_FIELDS } from "../roster";
import type { ColumnMapping, RosterField, RosterReadResult, StoredSettings } from "../roster/types";
import { RuleSet } from "../rules/ruleset";
import { REGIONS, type Finding, type Region, type Severity } from "../rules/types";
import type { WorkbookPort } from "../workbook/types";
import { SAMPLE_SHEET_NAME, sampleRosterValues } from "./sample-roster";

/** What the pane calls each roster field. */
export const FIELD_LABELS: Record<RosterField, string> = {
  name: "Name",
  staffId: "Staff ID",
  role: "Role or job title",
  band: "Band",
  wte: "WTE",
  hoursPerWeek: "Hours per week",
  sessionsPerWeek: "Sessions per week",
  start: "Start date",
  end: "End date",
  annualSalary: "Annual salary",
  fullTimeSalary: "Full-time salary",
  employerNi: "Employer NI",
  employerPension: "Employer pension",
  cctDate: "Date of CCT",
  employedInLast12Months: "Employed in PCN in last 12 months",
};

export const ROSTER_FIELD_ORDER: readonly RosterField[] = ROSTER_FIELDS;

export const REGION_LABELS: Record<Region, string> = {
  national: "National (outside London)",
  "outer-london": "Outer London",
  "inner-london": "Inner London",
};

export const REGION_ORDER: readonly Region[] = REGIONS;

export const SEVERITY_LABELS: Record<Severity, { group: string; one: string; many: string }> = {
  error: { group: "Errors", one: "error", many: "errors" },
  warning: { group: "Warnings", one: "warning", many: "warnings" },
  info: { group: "Notes", one: "note", many: "notes" },
};

/** The settings form's values, as typed. */
export interface SettingsForm {
  financialYear: string;
  listSize: string;
  weightedPopulation: string;
  region: Region | "";
}

export type SettingsErrors = Partial<Record<keyof SettingsForm, string>>;

export interface RosterView {
  sheetName: string;
  /** 0 when no header row was found. */
  headerRowNumber: number;
  /** The headers on the header row, as written (the tool's own columns left out). */
  headers: string[];
  /** Field → header for every column recognised (or set by the user). */
  columns: { field: RosterField; header: string }[];
  staffRows: number;
  /** Why the sheet cannot be read as a roster, if it cannot. */
  problem: string | null;
}

export interface PaneSnapshot {
  /** Sheets that could hold a roster (not the tool's own, not rate sheets), in tab order. */
  sheetNames: string[];
  roster: RosterView | null;
  /** Why no roster was found, when none was. */
  rosterProblem: string | null;
  /** The stored settings, as the form shows them. */
  settings: SettingsForm;
  /** True when the workbook's ARRS Settings sheet gives a financial year: the form was answered. */
  hasStoredSettings: boolean;
  /** The user's stored column corrections. */
  mapping: ColumnMapping;
  /** No settings and no roster: the pane explains itself and offers the sample. */
  firstRun: boolean;
}

export interface FindingView {
  id: string;
  severity: Severity;
  code: string;
  message: string;
  source: string;
  /** The roster row, for findings about a person. */
  rowNumber: number | null;
  person: string | null;
  /** The sheet the row is on, so a click can select it. */
  sheetName: string | null;
}

export interface FindingGroup {
  severity: Severity;
  label: string;
  findings: FindingView[];
}

export interface CheckView {
  sheetName: string;
  headerRowNumber: number;
  financialYear: string;
  staffRows: number;
  counts: Record<Severity, number>;
  groups: FindingGroup[];
  /** One sentence: what was found (read out by the live region). */
  headline: string;
  /** Money lines: claimable, ARRS sum, headroom. */
  totals: { label: string; value: string }[];
  worst: Severity | "ok";
}

export interface WriteReport {
  check: CheckView;
  /** One sentence saying what was written. */
  message: string;
  sheets: string[];
}

export interface RemoveReport {
  message: string;
  removedSheets: string[];
  clearedColumns: number;
}

export interface ControllerOptions {
  /** Today's date (the pipeline has no clock). */
  today?: () => IsoDate;
}

/** A problem the pane can show as it is (the workbook has no roster, a setting is wrong). */
export class PaneError extends Error {
  override name = "PaneError";
  readonly userMessage: string;
  constructor(message: string) {
    super(message);
    this.userMessage = message;
  }
}

/** A sentence for the user from anything thrown: never a stack trace. */
export function userMessageOf(error: unknown): string {
  if (error && typeof error === "object") {
    const userMessage = (error as { userMessage?: unknown }).userMessage;
    if (typeof userMessage === "string" && userMessage.trim()) return userMessage;
    const { name, message } = error as { name?: unknown; message?: unknown };
    if (typeof message === "string" && message.trim()) {
      const known = error instanceof SettingsError || name === "WorkbookFileError" || name === "WorkbookWriteError";
      const firstLine = message.split("\n")[0].trim();
      return known ? firstLine : `Something went wrong: ${firstLine} Try again; if it keeps happening, close and reopen the add-in.`;
    }
  }
  return "Something went wrong. Try again; if it keeps happening, close and reopen the add-in.";
}

function localToday(): IsoDate {
  const now = new Date();
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export class TaskpaneController {
  private readonly today: () => IsoDate;
  private readonly rules = new RuleSet();

  constructor(readonly port: WorkbookPort, options: ControllerOptions = {}) {
    this.today = options.today ?? localToday;
  }

  /** Inside Excel a finding can select its row; in a browser tab it cannot. */
  get canSelectRows(): boolean {
    return typeof this.port.selectRow === "function";
  }

  get canInsertSample(): boolean {
    return typeof this.port.addSheet === "function";
  }

  /** What the pane opens on: the roster found (or the sheet asked for), its columns, the stored settings. */
  async load(sheet?: string): Promise<PaneSnapshot> {
    const sheetNames = await this.port.sheetNames();
    const stored = await this.storedSettings(sheetNames);
    const rosterSheets = sheetNames.filter((name) => !isOwnedSheetName(name) && !isRateSheetName(name));

    let rosterSheet = sheet && rosterSheets.includes(sheet) ? sheet : undefined;
    if (!rosterSheet && stored.rosterSheet) rosterSheet = rosterSheets.find((n) => n.toLowerCase() === stored.rosterSheet!.toLowerCase());
    let rosterProblem: string | null = null;
    let roster: RosterView | null = null;
    if (rosterSheet) {
      const grid = await this.port.readSheet(rosterSheet);
      roster = this.rosterView(readRoster(grid, { rules: this.rules, mapping: stored.columnMapping }), grid);
    } else {
      const grids = [];
      for (const name of rosterSheets) grids.push(await this.port.readSheet(name));
      const found = findRosterSheet(grids, { nameTheSheet: PANE_WORDS.nameTheSheet });
      if ("problem" in found) {
        rosterProblem = rosterSheets.length ? found.problem : "This workbook has no sheet that could hold a roster.";
      } else {
        roster = this.rosterView(readRoster(found.grid, { rules: this.rules, mapping: stored.columnMapping }), found.grid);
      }
    }
    const hasStoredSettings = Boolean(stored.financialYear);
    return {
      sheetNames: rosterSheets,
      roster,
      rosterProblem,
      settings: {
        financialYear: stored.financialYear ?? "",
        listSize: stored.listSize != null ? String(stored.listSize) : "",
        weightedPopulation: stored.weightedPopulation != null ? String(stored.weightedPopulation) : "",
        region: stored.region ?? "",
      },
      hasStoredSettings,
      mapping: { ...stored.columnMapping },
      firstRun: !hasStoredSettings && !sheetNames.includes(OWNED_SHEETS.settings) && roster === null,
    };
  }

  /** Checks the settings form; the requested settings when every value can be used. */
  validateSettings(form: SettingsForm): { ok: true; settings: RequestedSettings } | { ok: false; errors: SettingsErrors } {
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
    return Object.keys(errors).length ? { ok: false, errors } : { ok: true, settings };
  }

  /** Stores the PCN settings in the workbook's ARRS Settings sheet (and nothing else). */
  async saveSettings(settings: RequestedSettings, rosterSheet?: string): Promise<string> {
    const sheetNames = await this.port.sheetNames();
    const stored = await this.storedSettings(sheetNames);
    const next: StoredSettings = { ...stored };
    if (settings.financialYear !== undefined) next.financialYear = settings.financialYear;
    if (settings.listSize !== undefined) next.listSize = settings.listSize;
    if (settings.weightedPopulation !== undefined) next.weightedPopulation = settings.weightedPopulation;
    if (settings.region !== undefined) next.region = settings.region;
    await this.writeSettingsSheet(next, sheetNames, rosterSheet);
    return `Saved the PCN settings in the "${OWNED_SHEETS.settings}" sheet.`;
  }

  /**
   * Stores the user's corrections (this field is in the column headed so; null goes back to reading
   * the headers) in the ARRS Settings sheet, so that every later check uses them.
   */
  async saveColumns(changes: Partial<Record<RosterField, string | null>>, rosterSheet: string): Promise<string> {
    const sheetNames = await this.port.sheetNames();
    const stored = await this.storedSettings(sheetNames);
    const mapping: ColumnMapping = { ...stored.columnMapping };
    const said: string[] = [];
    for (const [key, header] of Object.entries(changes) as [RosterField, string | null | undefined][]) {
      if (header === undefined) continue;
      if (header === null) {
        delete mapping[key];
        said.push(`${FIELD_LABELS[key]} from the headers`);
      } else {
        mapping[key] = header;
        said.push(`${FIELD_LABELS[key]} from "${header}"`);
      }
    }
    if (said.length === 0) return "No column was changed.";
    await this.writeSettingsSheet({ ...stored, columnMapping: mapping }, sheetNames, rosterSheet);
    return `Saved: ${said.join("; ")}. The columns are remembered in the "${OWNED_SHEETS.settings}" sheet.`;
  }

  /** Runs the whole check and returns what the pane shows; writes nothing. */
  async check(sheet?: string): Promise<CheckView> {
    return this.view(await this.run(sheet));
  }

  /** Checks, then writes the roster columns and the summary, claim-lines and settings sheets. */
  async writeSummary(sheet?: string): Promise<WriteReport> {
    const checked = await this.run(sheet);
    await this.port.write(checked.output);
    return { check: this.view(checked), message: describeWrite(checked.output), sheets: checked.output.sheets.map((s) => s.name) };
  }

  /** Removes exactly what the tool wrote. */
  async removeOutput(): Promise<RemoveReport> {
    const { removedSheets, clearedColumns } = await this.port.removeOutput();
    const parts: string[] = [];
    if (removedSheets.length) parts.push(`the ${removedSheets.map((s) => `"${s}"`).join(", ")} ${removedSheets.length === 1 ? "sheet" : "sheets"}`);
    if (clearedColumns) parts.push(`${plural(clearedColumns, "column", "columns")} beside the roster`);
    const message = parts.length ? `Removed ${parts.join(" and ")}. Your own data is as it was.` : "There was no ARRS output to remove.";
    return { message, removedSheets, clearedColumns };
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

  private async run(sheet?: string): Promise<CheckedWorkbook> {
    const { checkWorkbook } = await import("../pipeline/check-workbook");
    const checked = await checkWorkbook(this.port, { sheet, words: PANE_WORDS, today: this.today() });
    if (checked.kind === "problem") throw new PaneError(checked.message);
    return checked;
  }

  private async storedSettings(sheetNames: string[]): Promise<StoredSettings> {
    if (!sheetNames.includes(OWNED_SHEETS.settings)) return {};
    return readSettingsSheet(await this.port.readSheet(OWNED_SHEETS.settings)).settings;
  }

  /**
   * Writes the ARRS Settings sheet alone (`rosterColumns: null` leaves the roster as it is), built by
   * the report's own builder so that the pipeline reads it back. A year or region not yet stored is
   * the one a check would assume (the roster sheet's name, a rate sheet, or today).
   */
  private async writeSettingsSheet(stored: StoredSettings, sheetNames: string[], rosterSheet?: string): Promise<void> {
    const sheet = rosterSheet ?? stored.rosterSheet ?? "";
    const namedYear = sheetNames.filter(isRateSheetName).map(rateSheetFinancialYear).find((y) => y !== null) ?? null;
    const { settings } = resolveSettings({
      requested: {},
      stored,
      rosterSheetYear: financialYearInText(sheet),
      rateSheetYear: namedYear,
      today: this.today(),
    });
    const result = { financialYear: checkedFinancialYear(settings.financialYear), settings } as Pick<CheckResult, "financialYear" | "settings">;
    const columnMapping: Record<string, string> = {};
    for (const [field, value] of Object.entries(stored.columnMapping ?? {})) if (value !== undefined) columnMapping[field] = String(value);
    const { buildSettingsSheet } = await import("../report/settings-sheet");
    const output: WorkbookOutput = {
      rosterColumns: null,
      // The builder reads only the settings and the year from a result.
      sheets: [buildSettingsSheet(result as CheckResult, { rosterSheet: sheet, columnMapping })],
    };
    await this.port.write(output);
  }

  private rosterView(roster: RosterReadResult, grid: { firstRow: number; values: unknown[][] }): RosterView {
    const headerRow = roster.headerRowNumber > 0 ? grid.values[roster.headerRowNumber - (grid.firstRow ?? 1)] ?? [] : [];
    const headers: string[] = [];
    for (const cell of headerRow) {
      const text = cellText(cell);
      if (text && !isOwnedColumnHeader(text) && !headers.includes(text)) headers.push(text);
    }
    const problem = roster.headerRowNumber > 0 && roster.columns.some((c) => c.field === "role")
      ? null
      : roster.findings.find((f) => f.severity === "error")?.message ?? "This sheet does not look like a roster.";
    return {
      sheetName: roster.sheetName,
      headerRowNumber: roster.headerRowNumber,
      headers,
      columns: roster.columns.map((c) => ({ field: c.field, header: c.header })),
      staffRows: roster.rows.length,
      problem,
    };
  }

  private view(checked: CheckedWorkbook): CheckView {
    const { result, roster } = checked;
    const sheetName = roster.sheetName;
    const views: FindingView[] = [];
    result.findings.forEach((f, i) => views.push(findingView(f, `pcn-${i}`, null, null)));
    for (const person of result.staff) {
      person.findings.forEach((f, i) => views.push(findingView(f, `row-${person.rowNumber}-${i}`, person.name ?? person.staffId, sheetName, person.rowNumber)));
    }
    const severities: Severity[] = ["error", "warning", "info"];
    const groups = severities.map((severity) => ({
      severity,
      label: SEVERITY_LABELS[severity].group,
      findings: views.filter((v) => v.severity === severity).sort((a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0)),
    }));
    const counts = { error: groups[0].findings.length, warning: groups[1].findings.length, info: groups[2].findings.length };
    const countText = severities.map((s) => plural(counts[s], SEVERITY_LABELS[s].one, SEVERITY_LABELS[s].many)).join(", ");
    const t = result.totals;
    const totals = [{ label: `Claimable for ${result.financialYear.label}`, value: formatMoney(t.claimable) }];
    if (t.entitlement !== null) totals.push({ label: "ARRS sum (entitlement)", value: formatMoney(t.entitlement) });
    if (t.headroom !== null) totals.push({ label: "Headroom", value: formatMoney(t.headroom) });
    if (t.overMaxGap > 0) totals.push({ label: "Cost above the maximums (PCN funds)", value: formatMoney(t.overMaxGap) });
    const wte = result.staff.reduce((sum, s) => sum + (s.wte ?? 0), 0);
    return {
      sheetName,
      headerRowNumber: roster.headerRowNumber,
      financialYear: result.financialYear.label,
      staffRows: result.staff.length,
      counts,
      groups,
      headline: `Checked ${plural(result.staff.length, "staff row", "staff rows")} (${formatWte(wte)} WTE) on "${sheetName}" for ${result.financialYear.label}: ${countText}.`,
      totals,
      worst: counts.error ? "error" : counts.warning ? "warning" : counts.info ? "info" : "ok",
    };
  }
}

function findingView(f: Finding, id: string, person: string | null, sheetName: string | null, rowNumber?: number): FindingView {
  return {
    id,
    severity: f.severity,
    code: f.code,
    message: f.message,
    source: f.source,
    rowNumber: rowNumber ?? null,
    person,
    sheetName: rowNumber !== undefined ? sheetName : null,
  };
}

function describeWrite(output: WorkbookOutput): string {
  const sheets = output.sheets.map((s) => `"${s.name}"`);
  const sheetText = sheets.length > 1 ? `${sheets.slice(0, -1).join(", ")} and ${sheets[sheets.length - 1]}` : sheets.join("");
  const columns = output.rosterColumns;
  if (!columns) return `Wrote the ${sheetText} ${sheets.length === 1 ? "sheet" : "sheets"}.`;
  const headers = columns.headers.map((h) => String(h.value ?? "")).filter(Boolean);
  const rows = columns.rows.map((r) => r.rowNumber);
  const rowText = rows.length ? ` (rows ${Math.min(...rows)} to ${Math.max(...rows)})` : "";
  return `Wrote the columns ${headers.map((h) => `"${h}"`).join(", ")} beside "${columns.sheetName}"${rowText}, and the ${sheetText} sheets. Nothing else was changed.`;
}
