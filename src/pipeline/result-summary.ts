/**
 * A checked result in the few figures every door shows first: how many rows and WTE were checked, how
 * many findings of each severity (the PCN's and every row's), and the money. Each door words them its
 * own way (the pane's headline, the ribbon's notice, the command line's summary).
 */
import type { CheckResult } from "../engine/types";
import type { Severity } from "../rules/types";

export interface ResultSummary {
  financialYear: string;
  staffRows: number;
  /** The WTE of every row, summed (rows whose WTE could not be read count as none). */
  wte: number;
  counts: Record<Severity, number>;
  totals: Pick<CheckResult["totals"], "claimable" | "entitlement" | "headroom" | "overMaxGap">;
}

export function summariseResult(result: CheckResult): ResultSummary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity] += 1;
  for (const person of result.staff) for (const f of person.findings) counts[f.severity] += 1;
  const { claimable, entitlement, headroom, overMaxGap } = result.totals;
  return {
    financialYear: result.financialYear.label,
    staffRows: result.staff.length,
    wte: result.staff.reduce((sum, person) => sum + (person.wte ?? 0), 0),
    counts,
    totals: { claimable, entitlement, headroom, overMaxGap },
  };
}
