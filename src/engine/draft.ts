/**
 * What the engine works on for one row while the caps and duplicates are still to be applied: made by
 * check.ts row by row, changed by caps.ts and duplicates.ts, and finished into a StaffResult.
 */
import type { Finding, RoleDefinition } from "../rules/types";
import type { RosterRow } from "../roster/types";
import type { StaffMonths } from "./month-table";

export interface RowDraft {
  row: RosterRow;
  role: RoleDefinition | null;
  /** Valid enough to claim: role known, WTE, start and salary usable, dates in order. */
  usable: boolean;
  /** The row's months in the check's MonthTable: the same object becomes StaffResult.months. */
  months: StaffMonths;
  /**
   * The row's findings so far. Rows with none (most of them) share NO_FINDINGS, which is never
   * changed: add to a draft's findings with addDraftFinding.
   */
  findings: readonly Finding[];
}

/** The findings of every draft that has none yet: one frozen array rather than 100,000 empty ones. */
export const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/** Adds a finding to a draft (caps, duplicates): the first one gives the draft an array of its own. */
export function addDraftFinding(draft: RowDraft, f: Finding): void {
  if (draft.findings === NO_FINDINGS) draft.findings = [f];
  else (draft.findings as Finding[]).push(f);
}
