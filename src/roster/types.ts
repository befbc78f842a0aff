import type { Finding, IsoDate, Region, RoleId } from "../rules/types";

/** The fields a roster column can hold. */
export type RosterField =
  | "name"
  | "staffId"
  | "role"
  | "band"
  | "wte"
  | "hoursPerWeek"
  | "sessionsPerWeek"
  | "start"
  | "end"
  | "annualSalary"
  | "fullTimeSalary"
  | "employerNi"
  | "employerPension"
  | "cctDate"
  | "employedInLast12Months";

export interface RosterColumn {
  field: RosterField;
  /** The header as written on the sheet. */
  header: string;
  /** Sheet column number (1-based). */
  column: number;
}

/** A user's correction: this header (or column number) holds this field. */
export type ColumnMapping = Partial<Record<RosterField, string | number>>;

/** Whether a nurse or HCSW worked for the PCN or a member practice in the previous 12 months. */
export type PreviousEmployment = "yes" | "no" | "promoted";

export interface RosterRow {
  /** Sheet row number (1-based). */
  rowNumber: number;
  name: string | null;
  staffId: string | null;
  /** The role as written, and the scheme role it names (null when not recognised). */
  roleText: string | null;
  role: RoleId | null;
  band: string | null;
  /** Whole-time equivalent, from WTE/FTE, hours (37.5 = 1.0) or GP sessions (9 = 1.0). */
  wte: number | null;
  wteBasis: "wte" | "hours" | "sessions" | null;
  start: IsoDate | null;
  end: IsoDate | null;
  /** What the person is actually paid a year at their WTE (a full-time salary is scaled by WTE). */
  annualSalary: number | null;
  salaryBasis: "actual" | "full-time" | null;
  /**
   * The full-time (1.0 WTE) salary as written, when the roster gives one; kept so that a row whose WTE
   * could not be read still shows the salary it was given.
   */
  fullTimeSalary?: number | null;
  employerNi: number | null;
  employerPension: number | null;
  cctDate: IsoDate | null;
  employedInLast12Months: PreviousEmployment | null;
  /** Cells on this row that could not be used. Never thrown. */
  findings: Finding[];
}

export interface RosterReadResult {
  sheetName: string;
  headerRowNumber: number;
  columns: RosterColumn[];
  /** Last column of the user's own table (the tool's columns go to its right). */
  lastColumn: number;
  /** Column number of the tool's own first column if an earlier run wrote one, else null. */
  ownedColumn: number | null;
  rows: RosterRow[];
  /** Rows passed over on purpose (blank, totals, repeated headers), so none vanishes unexplained. */
  skippedRows: { rowNumber: number; reason: string }[];
  /** Sheet-level findings (e.g. a required column not found). */
  findings: Finding[];
}

/** Settings the workbook's own settings sheet holds (flags on the command line win). */
export interface StoredSettings {
  financialYear?: string;
  listSize?: number | null;
  weightedPopulation?: number | null;
  region?: Region;
  rosterSheet?: string;
  columnMapping?: ColumnMapping;
}
