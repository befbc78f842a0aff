/**
 * Step 1 of a check: each row on its own, before anything that looks across rows. The row is
 * validated, its role recognised, and each month of the year worked out as a plain record: days in
 * post, cost, the maximum in force, and the claim (ARRS reference, section 5).
 */
import { addYears, dayNumber } from "../common/dates";
import { GP_YEARS_AFTER_CCT } from "../rules/data/eligibility";
import type { EligibilityCondition, Finding, MaxAmount, RoleDefinition } from "../rules/types";
import { annualCostWith } from "./costs";
import { ENGINE_SOURCE, finding } from "./findings";
import { daysInPostIn, type MonthSpan } from "./months";
import type { MonthClaim, MonthLimit, StaffInput } from "./types";
import { isBlankText, validateRow } from "./validate";
import type { YearRules } from "./year-rules";

/** A row as the later steps (caps, people on several rows) work on it, before it is described. */
export interface AssessedRow {
  input: StaffInput;
  /** The row's role, when the tool knows it (even on a row that cannot be claimed). */
  role: RoleDefinition | null;
  /** Valid enough to claim: role known, WTE, start and salary usable, dates in order. */
  usable: boolean;
  /** Twelve months, April first. The caps step may lower a month's WTE and claim. */
  months: MonthClaim[];
  findings: Finding[];
}

/**
 * A month's cost: its share of the annual cost (salary + employer NI + pension) for the days in post
 * (ARRS reference, section 5).
 */
export function monthCost(daysInPost: number, daysInMonth: number, annualCost: number): number {
  return ((daysInPost / daysInMonth) * annualCost) / 12;
}

/** A month's maximum: days-in-post fraction × the annual maximum per WTE × WTE / 12. */
export function monthMaximum(daysInPost: number, daysInMonth: number, maximumAnnual: number, wte: number): number {
  return ((daysInPost / daysInMonth) * maximumAnnual * wte) / 12;
}

/** A month with nothing claimed, for the reason given. */
function unclaimedMonth(span: MonthSpan, daysInPost: number, daysInMonth: number, limit: MonthLimit, wte = 0, cost = 0): MonthClaim {
  return { month: span.month, daysInPost, daysInMonth, wte, cost, maximumAnnual: null, maximumForMonth: null, claimable: 0, limit, rate: null };
}

/**
 * The month's claim: the reimbursable share of the cost, up to the maximum in force on the 1st of the
 * month for the row's WTE, both pro rata for days in post:
 * claim = f × min(share × annual cost, maximum × WTE) / 12, f = days in post / days in month.
 */
export function claimForMonth(options: {
  span: MonthSpan; daysInPost: number; daysInMonth: number; wte: number; cost: number; rate: MaxAmount; share: number;
}): MonthClaim {
  const { span, daysInPost, daysInMonth, wte, cost, rate, share } = options;
  const maximumForMonth = monthMaximum(daysInPost, daysInMonth, rate.amount, wte);
  const claimableCost = share * cost;
  return {
    month: span.month, daysInPost, daysInMonth, wte, cost,
    maximumAnnual: rate.amount, maximumForMonth,
    claimable: Math.min(claimableCost, maximumForMonth),
    limit: claimableCost > maximumForMonth ? "over-max" : null,
    rate,
  };
}

/**
 * Whether the person may not be claimed for in the role this month, beyond the role itself: a GP who
 * started more than GP_YEARS_AFTER_CCT years after their CCT, or a nurse employed by the PCN in the
 * previous 12 months (ARRS reference, section 2).
 */
function personNotEligible(row: StaffInput, conditions: readonly EligibilityCondition[]): boolean {
  return conditions.some((condition) => {
    switch (condition.kind) {
      case "gp-within-two-years-of-cct":
        return row.cctDate !== null && row.start !== null && row.start > addYears(row.cctDate, GP_YEARS_AFTER_CCT);
      case "nurse-not-employed-in-previous-12-months":
        return row.employedInLast12Months === "yes";
    }
  });
}

function truncate(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

export function assessRow(row: StaffInput, year: YearRules): AssessedRow {
  const findings = [...row.findings];
  const valid = validateRow(row, findings);
  const role = row.role ? year.rules.role(row.role) : null;
  // A blank role is MISSING_VALUE (validateRow), not also a role the tool does not know.
  if (!role && !isBlankText(row.roleText)) {
    findings.push(finding({
      code: "UNKNOWN_ROLE",
      message: `"${truncate(row.roleText!)}" is not a role the tool recognises as an ARRS role: rename it to a scheme role (for example Clinical Pharmacist, Social Prescribing Link Worker, First Contact Physiotherapist).`,
      source: ENGINE_SOURCE.roles, rowNumber: row.rowNumber, field: "role",
    }));
  }
  const usable = valid && role !== null;

  const roleMonths = usable ? year.roleMonths(role) : [];
  /** A month in post on a row that can be claimed: its cost, and what the rules allow of it. */
  const monthInPost = (span: MonthSpan, i: number, daysInPost: number): MonthClaim => {
    const rules = roleMonths[i];
    const wte = row.wte!;
    const cost = monthCost(daysInPost, span.days, annualCostWith(row.annualSalary!, row, year.onCostRates[i]));
    if (!rules.claimable) return unclaimedMonth(span, daysInPost, span.days, "role-not-claimable", wte, cost);
    if (personNotEligible(row, rules.conditions)) return unclaimedMonth(span, daysInPost, span.days, "not-eligible", wte, cost);
    if (!rules.rate) return unclaimedMonth(span, daysInPost, span.days, "no-rate", wte, cost);
    return claimForMonth({ span, daysInPost, daysInMonth: span.days, wte, cost, rate: rules.rate, share: rules.fundedShare?.share ?? 1 });
  };

  // Days in post in each month (start and end both count); with no start date, no month has any.
  const from = row.start === null ? null : dayNumber(row.start);
  const to = row.end === null ? Number.POSITIVE_INFINITY : dayNumber(row.end);
  const months = year.spans.map((span, i) => {
    if (from === null) return year.noStartDate[i];
    const daysInPost = daysInPostIn(span, from, to);
    if (daysInPost === 0) return year.notInPost[i];
    if (!usable) return unclaimedMonth(span, daysInPost, span.days, "invalid-row");
    return monthInPost(span, i, daysInPost);
  });
  return { input: row, role, usable, months, findings };
}
