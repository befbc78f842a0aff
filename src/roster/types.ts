import type { PreviousEmployment, StaffInput } from "../engine/types";
import type { Finding, Region } from "../rules/types";
import type { PlannedPost } from "../engine/types";

export type { PreviousEmployment };

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
  | "employedInLast12Months"
  | "mhpAgreement"
  /** The member practice, where a PCN keeps one roster for all its practices. */
  | "practice"
  /** A supplier's fee, £ a year, for staff engaged through a supplier (a monthly fee column is × 12). */
  | "supplierFee";

export interface RosterColumn {
  field: RosterField;
  /** The header as written on the sheet. */
  header: string;
  /** Sheet column number (1-based). */
  column: number;
}

/** A user's correction: this header (or column number) holds this field. */
export type ColumnMapping = Partial<Record<RosterField, string | number>>;

/** A roster row as read: what the engine takes (StaffInput), and how the sheet gave some of it. */
export interface RosterRow extends StaffInput {
  /** Where the WTE came from: a WTE/FTE column, hours (37.5 = 1.0) or GP sessions (9 = 1.0). */
  wteBasis: "wte" | "hours" | "sessions" | null;
  /** Whether the salary was the actual one or a full-time (1.0 WTE) one scaled by WTE. */
  salaryBasis: "actual" | "full-time" | null;
  /**
   * The full-time (1.0 WTE) salary as written, when the roster gives one; kept so that a row whose WTE
   * could not be read still shows the salary it was given.
   */
  fullTimeSalary?: number | null;
}

/** A planned post as read (planned-posts.ts), with what the reader found on its row; `post` is null when it lacks a WTE. */
export interface PlannedRosterRow {
  rowNumber: number;
  post: PlannedPost | null;
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
  /**
   * Rows for posts not yet filled (planned-posts.ts): a role and no person. They are not in `rows`, so
   * they are never claimed; the forecast counts them. Absent where a result was made by hand.
   */
  plannedPosts?: PlannedRosterRow[];
  /** Rows passed over on purpose (blank, totals, repeated headers), so none vanishes unexplained. */
  skippedRows: { rowNumber: number; reason: string }[];
  /**
   * The user's columns the reader did not use, so none is passed over unexplained: a header it does
   * not recognise, one it leaves unread on purpose (an hourly rate, a total), or a second column for
   * a field another column already gives. `column` is the sheet's column letter.
   */
  unusedColumns: UnusedColumn[];
  /** How the reader read the sheet, where that is worth knowing and not a problem (monthly figures × 12). */
  notes: string[];
  /** Sheet-level findings (e.g. a required column not found). */
  findings: Finding[];
}

export interface UnusedColumn {
  sheet: string;
  /** Column letter, as the sheet shows it ("N"). */
  column: string;
  /** The header as written ("" for a column with data but no header). */
  header: string;
  /** Why it was not used, in words for the user. */
  reason: string;
}

/** Settings the workbook's own settings sheet holds (flags on the command line win). */
export interface StoredSettings {
  financialYear?: string;
  listSize?: number | null;
  weightedPopulation?: number | null;
  region?: Region;
  /** See PcnSettings.rateFloor. */
  rateFloor?: boolean;
  rosterSheet?: string;
  /** The role the forecast measures an unspent sum in, as written (a role's name or id). */
  unspentAs?: string;
  columnMapping?: ColumnMapping;
  /** The claim header (src/common/settings-keys.ts CLAIM_HEADER_FIELDS): text as given. */
  pcnName?: string;
  odsCode?: string;
  icb?: string;
  payingPractice?: string;
}
