/**
 * What the pane shows, as plain view data made from what the pipeline returns: the workbook before a
 * check (its roster sheets, the roster found, the stored settings), a check's findings and money, and
 * a sentence for each thing written or removed. Pure functions, so components hold no ARRS logic.
 */
import { isOwnedColumnHeader } from "../common/owned";
import type { OpenedWorkbook, RosterPreview } from "../pipeline/open-workbook";
import type { ColumnChanges } from "../pipeline/store-settings";
import type { WorkbookOutput } from "../report/types";
import { cellText } from "../roster/cells";
import type { ColumnMapping, RosterField, RosterReadResult } from "../roster/types";
import type { Forecast } from "../engine/forecast-types";
import type { Severity } from "../rules/types";
import type { FindingCard } from "./finding-groups";
import { FIELD_LABELS } from "./labels";
import type { MissingRatesView, TotalLine } from "./rates-view";
import { settingsFormOf, type SettingsForm } from "./settings-form";

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

export interface CheckView {
  sheetName: string;
  headerRowNumber: number;
  financialYear: string;
  staffRows: number;
  counts: Record<Severity, number>;
  /** The findings as the pane lists them: identical ones on many rows are one card (finding-groups.ts). */
  cards: FindingCard[];
  /** What the check assumed because the settings did not say (the year, the region): said at the top. */
  assumptions: string[];
  /**
   * The year ahead (issue 20's forecast) and its sentence on what would be left unspent, shown after
   * the money when the pipeline gives them; null until then.
   */
  forecast: { forecast: Forecast; sentence: string } | null;
  /** One sentence: what was found (read out by the live region). */
  headline: string;
  /** Money lines: claimable, ARRS sum, headroom, backdated uplift; each may have a note beside it. */
  totals: TotalLine[];
  /** Roles with no maximum on record for the year (the results open with it), else null. */
  missingRates: MissingRatesView | null;
  /** How the roster was read: the columns not used, the rows that are not people, and notes (× 12). */
  reading: string[];
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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A workbook with no sheet to choose: why, and what to do. */
export const NO_ROSTER_SHEET = "This workbook has no sheet that could hold a roster. The checker needs a sheet with a header row naming each person's role or job title, and at least two of: name, WTE or hours, start date, salary. Add those headers above your staff list.";

export function paneSnapshot(opened: OpenedWorkbook, preview: RosterPreview): PaneSnapshot {
  const roster = "problem" in preview ? null : rosterView(preview.roster, preview.grid);
  const rosterProblem = !("problem" in preview) ? null
    : opened.rosterSheets.length ? preview.problem : NO_ROSTER_SHEET;
  const hasStoredSettings = Boolean(opened.stored.financialYear);
  return {
    sheetNames: opened.rosterSheets,
    roster,
    rosterProblem,
    settings: settingsFormOf(opened.stored),
    hasStoredSettings,
    mapping: { ...opened.stored.columnMapping },
    firstRun: !hasStoredSettings && !opened.hasSettingsSheet && roster === null,
  };
}

function rosterView(roster: RosterReadResult, grid: { firstRow: number; values: unknown[][] }): RosterView {
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

export function describeWrite(output: WorkbookOutput): string {
  const sheets = output.sheets.map((s) => `"${s.name}"`);
  const sheetText = sheets.length > 1 ? `${sheets.slice(0, -1).join(", ")} and ${sheets[sheets.length - 1]}` : sheets.join("");
  const columns = output.rosterColumns;
  if (!columns) return `Wrote the ${sheetText} ${sheets.length === 1 ? "sheet" : "sheets"}.`;
  const headers = columns.headers.map((h) => String(h.value ?? "")).filter(Boolean);
  const rows = columns.rows.map((r) => r.rowNumber);
  const rowText = rows.length ? ` (rows ${Math.min(...rows)} to ${Math.max(...rows)})` : "";
  return `Wrote the columns ${headers.map((h) => `"${h}"`).join(", ")} beside "${columns.sheetName}"${rowText}, and the ${sheetText} sheets. Nothing else was changed.`;
}

export function describeRemoval(removed: { removedSheets: string[]; clearedColumns: number }): string {
  const { removedSheets, clearedColumns } = removed;
  const parts: string[] = [];
  if (removedSheets.length) parts.push(`the ${removedSheets.map((s) => `"${s}"`).join(", ")} ${removedSheets.length === 1 ? "sheet" : "sheets"}`);
  if (clearedColumns) parts.push(`${plural(clearedColumns, "column", "columns")} beside the roster`);
  return parts.length ? `Removed ${parts.join(" and ")}. Your own data is as it was.` : "There was no ARRS output to remove.";
}

/** One phrase per column changed, in the order given ("Staff ID from "Practice""); none when nothing changes. */
export function describeColumnChanges(changes: ColumnChanges): string[] {
  const said: string[] = [];
  for (const [field, header] of Object.entries(changes) as [RosterField, string | null | undefined][]) {
    if (header === null) said.push(`${FIELD_LABELS[field]} from the headers`);
    else if (header !== undefined) said.push(`${FIELD_LABELS[field]} from "${header}"`);
  }
  return said;
}
