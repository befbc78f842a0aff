/**
 * The roll-up of many PCNs' workbooks for an ICB (`arrs rollup`), as the report layer takes it: each
 * PCN's checked result (and its forecast), or the reason its workbook could not be checked. Plain
 * data; the pipeline (pipeline/rollup.ts) fills it, the ICB sheets (icb-*.ts) and the JSON read it.
 */
import type { IsoDate } from "../common/dates";
import type { Forecast } from "../engine/forecast-types";
import type { CheckResult } from "../engine/types";

/** One PCN's workbook, checked with its own stored settings. */
export interface CheckedPcn {
  kind: "checked";
  /** The file as the user named it (or as found in a folder). */
  file: string;
  result: CheckResult;
  /** The year ahead, where the pipeline worked it out. */
  forecast: Forecast | null;
  /** Where the checked copy was written; null when none was (--no-copies). */
  copy: string | null;
}

/** A workbook that could not be checked, and why, in words the analyst can act on. */
export interface FailedPcn {
  kind: "failed";
  file: string;
  error: string;
}

export type RolledUpPcn = CheckedPcn | FailedPcn;

export interface Rollup {
  /** The year every PCN was checked for ("2025/26"); null when no workbook could be checked. */
  financialYear: string | null;
  /** The date the year splits at: months up to and including its month are to date. */
  asOf: IsoDate;
  /** The day the roll-up was made. */
  generatedOn: IsoDate;
  /** In the order the files were given (folders' files sorted by name). */
  pcns: RolledUpPcn[];
}
