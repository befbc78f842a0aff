/**
 * A person's claimable cost: actual salary + employer NI + employer pension, nothing else
 * (ARRS reference, section 5). When the roster leaves NI or pension blank they are estimated from
 * the statutory rates, and the row says so.
 */
import { addDays, type IsoDate } from "../common/dates";
import type { RuleSet } from "../rules/ruleset";

export interface AnnualCost {
  salary: number;
  employerNi: number;
  employerPension: number;
  total: number;
  niEstimated: boolean;
  pensionEstimated: boolean;
  /** True when an on-cost was blank and no rate was on record to estimate it (counted as 0). */
  onCostUnknown: boolean;
}

/**
 * The annual cost in force for the month starting `monthStart`. NI rates change on 6 April and
 * 6 November, so an estimate uses the rate in force in the middle of the month; NI is charged per pay
 * period, so the annual threshold is applied as twelve monthly ones (which gives the same annual sum).
 */
export function annualCostForMonth(options: {
  monthStart: IsoDate;
  salary: number;
  employerNi: number | null;
  employerPension: number | null;
  rules: RuleSet;
}): AnnualCost {
  const { monthStart, salary, rules } = options;
  const midMonth = addDays(monthStart, 14);
  let onCostUnknown = false;

  let employerNi = options.employerNi;
  const niEstimated = employerNi === null;
  if (employerNi === null) {
    const rate = rules.onCostRate("employer-ni", midMonth);
    if (rate) employerNi = rate.rate * Math.max(0, salary - rate.annualThreshold);
    else { employerNi = 0; onCostUnknown = true; }
  }

  let employerPension = options.employerPension;
  const pensionEstimated = employerPension === null;
  if (employerPension === null) {
    const rate = rules.onCostRate("employer-pension", midMonth);
    if (rate) employerPension = rate.rate * salary;
    else { employerPension = 0; onCostUnknown = true; }
  }

  return {
    salary, employerNi, employerPension, total: salary + employerNi + employerPension,
    niEstimated, pensionEstimated, onCostUnknown,
  };
}
