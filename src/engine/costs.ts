/**
 * A person's claimable cost: actual salary + employer NI + employer pension, nothing else
 * (docs/rules.md). When the roster leaves NI or pension blank they are estimated from
 * the statutory rates, and the row says so.
 */
import { addDays, type IsoDate } from "../common/dates";
import type { RuleSet } from "../rules/ruleset";
import type { OnCostRate } from "../rules/types";

/** The statutory rates used to estimate blank on-costs in one month (null: none on record). */
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

/**
 * Employer NI for a year: the figure given, or estimated from the month's rate. NI is charged per pay
 * period, so the annual threshold is applied as twelve monthly ones (which gives the same annual sum).
 * 0 when it is blank and no rate is on record (onCostUnknown says so).
 */
export function employerNiFor(salary: number, given: number | null, rates: OnCostRates): number {
  if (given !== null) return given;
  return rates.ni ? rates.ni.rate * Math.max(0, salary - rates.ni.annualThreshold) : 0;
}

/** Employer pension for a year: the figure given, or estimated from the month's rate (0 without one). */
export function employerPensionFor(salary: number, given: number | null, rates: OnCostRates): number {
  if (given !== null) return given;
  return rates.pension ? rates.pension.rate * salary : 0;
}

/** Salary + employer NI + employer pension for a year, each on-cost given or estimated with `rates`. */
export function annualCostWith(salary: number, given: { employerNi: number | null; employerPension: number | null }, rates: OnCostRates): number {
  return salary + employerNiFor(salary, given.employerNi, rates) + employerPensionFor(salary, given.employerPension, rates);
}

/** True when an on-cost is blank and the month has no rate to estimate it with (it counts as 0). */
export function onCostUnknown(given: { employerNi: number | null; employerPension: number | null }, rates: OnCostRates): boolean {
  return (given.employerNi === null && rates.ni === null) || (given.employerPension === null && rates.pension === null);
}

/** A month's cost in its parts, as a claim line shows them; they add up to the month's cost. */
export interface MonthCostParts {
  salary: number;
  employerNi: number;
  employerPension: number;
  supplierFee: number;
}

/**
 * A month's cost, worked out per pay period (HMRC: employer NI is charged per pay period): the month's
 * pay is the annual salary / 12 for the days in post; employer NI is the figure given pro rata, or the
 * month's rate on the month's pay above the monthly threshold (annual / 12: in a part month the pay is
 * smaller but the threshold is not); pension is the figure given pro rata, or the rate on the month's
 * pay. Staff engaged through a supplier cost the fee for the days, with no on-costs.
 */
export function monthCostParts(options: {
  row: { annualSalary: number | null; employerNi: number | null; employerPension: number | null; supplierFee?: number | null };
  daysInPost: number; daysInMonth: number; rates: OnCostRates;
}): MonthCostParts {
  const { row, rates } = options;
  const share = options.daysInPost / options.daysInMonth;
  if (row.supplierFee !== null && row.supplierFee !== undefined) {
    return { salary: 0, employerNi: 0, employerPension: 0, supplierFee: (share * row.supplierFee) / 12 };
  }
  const salary = (share * row.annualSalary!) / 12;
  const employerNi = row.employerNi !== null ? (share * row.employerNi) / 12
    : rates.ni ? rates.ni.rate * Math.max(0, salary - rates.ni.annualThreshold / 12) : 0;
  const employerPension = row.employerPension !== null ? (share * row.employerPension) / 12
    : rates.pension ? rates.pension.rate * salary : 0;
  return { salary, employerNi, employerPension, supplierFee: 0 };
}

export function partsTotal(parts: MonthCostParts): number {
  return parts.salary + parts.employerNi + parts.employerPension + parts.supplierFee;
}
