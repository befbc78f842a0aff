/**
 * A person's claimable cost: actual salary + employer NI + employer pension, nothing else
 * (ARRS reference, section 5). When the roster leaves NI or pension blank they are estimated from
 * the statutory rates, and the row says so.
 */
import { addDays, type IsoDate } from "../common/dates";
import type { RuleSet } from "../rules/ruleset";
import type { OnCostRate } from "../rules/types";

export interface OnCostRates {
  ni: OnCostRate | null;
  pension: OnCostRate | null;
}

/**
 * The rates used to estimate on-costs for the month starting `monthStart`. NI rates change on
 * 6 April and 6 November, so the rate in force in the middle of the month is used.
 */
export function onCostRatesForMonth(monthStart: IsoDate, rules: RuleSet): OnCostRates {
  const midMonth = addDays(monthStart, 14);
  return { ni: rules.onCostRate("employer-ni", midMonth), pension: rules.onCostRate("employer-pension", midMonth) };
}

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
 * The annual cost in force for a month, given that month's on-cost rates. NI is charged per pay
 * period, so the annual threshold is applied as twelve monthly ones (which gives the same annual sum).
 */
export function annualCostForMonth(options: {
  salary: number;
  employerNi: number | null;
  employerPension: number | null;
  rates: OnCostRates;
}): AnnualCost {
  const { salary, rates } = options;
  let onCostUnknown = false;

  let employerNi = options.employerNi;
  const niEstimated = employerNi === null;
  if (employerNi === null) {
    const rate = rates.ni;
    if (rate) employerNi = rate.rate * Math.max(0, salary - rate.annualThreshold);
    else { employerNi = 0; onCostUnknown = true; }
  }

  let employerPension = options.employerPension;
  const pensionEstimated = employerPension === null;
  if (employerPension === null) {
    const rate = rates.pension;
    if (rate) employerPension = rate.rate * salary;
    else { employerPension = 0; onCostUnknown = true; }
  }

  return {
    salary, employerNi, employerPension, total: salary + employerNi + employerPension,
    niEstimated, pensionEstimated, onCostUnknown,
  };
}
