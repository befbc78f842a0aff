/**
 * Step 1 of a check: each row on its own, before anything that looks across rows. The row is
 * validated, its role recognised, and each month of the year worked out as a plain record: days in
 * post, cost, the maximum in force, and the claim (docs/rules.md).
 */
import { addYears, dayNumber } from "../common/dates";
import { GP_YEARS_AFTER_CCT } from "../rules/data/eligibility";
import type { EligibilityCondition, Finding, MaxAmount, RoleDefinition } from "../rules/types";
import { monthCostParts, partsTotal, type MonthCostParts } from "./costs";
import { ENGINE_SOURCE, finding } from "./findings";
import { daysInPostIn, type MonthSpan } from "./months";
import type { MonthClaim, MonthLimit, StaffInput } from "./types";
import { isBlankText, validateRow } from "./validate";
import type { MhpPlace } from "./mhp";
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
  /** A mental health practitioner's place in their band from 2025/26, and so the table claimed on. */
  mhp: MhpPlace | null;
}

/** A month's maximum: days-in-post fraction × the annual maximum per WTE × WTE / 12. */
export function monthMaximum(daysInPost: number, daysInMonth: number, maximumAnnual: number, wte: number): number {
  return ((daysInPost / daysInMonth) * maximumAnnual * wte) / 12;
}

/** A month in post with nothing claimed, for the reason given (with its WTE and cost, where known). */
function unclaimedMonth(options: { span: MonthSpan; daysInPost: number; limit: MonthLimit; wte?: number; parts?: MonthCostParts }): MonthClaim {
  // A month whose cost is not known (the row cannot be claimed) costs nothing in any part.
  const { span, daysInPost, limit, wte = 0, parts = { salary: 0, employerNi: 0, employerPension: 0, supplierFee: 0 } } = options;
  return {
    month: span.month, daysInPost, daysInMonth: span.days, wte, cost: partsTotal(parts), parts,
    maximumAnnual: null, maximumForMonth: null, claimable: 0, limit, rate: null, floor: false, upliftOverBuiltIn: 0,
  };
}

/**
 * What a month is claimed against: the maximum in force for the PCN's region; the national one for a
 * London PCN with no London figure; or, with neither on record, an earlier period's (the floor). Held
 * to the first, the cost above it is the PCN's to fund (over-max); held to either of the others, it is
 * a figure not yet on record (london-rate-missing, earlier-maximum), not a cost the PCN funds.
 */
export type RateBasis = "in-force" | "national-fallback" | "floor";

const LIMIT_WHEN_HELD: Record<RateBasis, MonthLimit> = {
  "in-force": "over-max",
  "national-fallback": "london-rate-missing",
  floor: "earlier-maximum",
};

/**
 * The month's claim: the reimbursable share of the cost, up to the maximum for the row's WTE, both pro
 * rata for days in post: claim = f × min(share × annual cost, maximum × WTE) / 12, f = days in post /
 * days in month. The maximum is the one in force on the 1st of the month (or see RateBasis).
 */
export function claimForMonth(options: {
  span: MonthSpan; daysInPost: number; daysInMonth: number; wte: number; cost: number; rate: MaxAmount; share: number; basis?: RateBasis;
  parts?: MonthCostParts;
}): MonthClaim {
  const { span, daysInPost, daysInMonth, wte, cost, rate, share, basis = "in-force", parts = { salary: cost, employerNi: 0, employerPension: 0, supplierFee: 0 } } = options;
  const maximumForMonth = monthMaximum(daysInPost, daysInMonth, rate.amount, wte);
  const claimableCost = share * cost;
  return {
    month: span.month, daysInPost, daysInMonth, wte, cost, parts,
    maximumAnnual: rate.amount, maximumForMonth,
    claimable: Math.min(claimableCost, maximumForMonth),
    limit: claimableCost > maximumForMonth ? LIMIT_WHEN_HELD[basis] : null,
    rate,
    floor: basis === "floor",
    upliftOverBuiltIn: 0,
  };
}

/**
 * Whether the person may not be claimed for in the role this month, beyond the role itself: a GP who
 * started more than GP_YEARS_AFTER_CCT years after their CCT, or a nurse employed by the PCN in the
 * previous 12 months (docs/rules.md).
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

export function assessRow(row: StaffInput, year: YearRules, mhp: MhpPlace | null = null): AssessedRow {
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

  const roleMonths = usable ? year.roleMonths(role, mhp ? { band: mhp.band, mhpTable: mhp.table } : {}) : [];
  /** A month in post on a row that can be claimed: its cost, and what the rules allow of it. */
  const monthInPost = (span: MonthSpan, i: number, daysInPost: number): MonthClaim => {
    const rules = roleMonths[i];
    const wte = row.wte!;
    const parts = monthCostParts({ row, daysInPost, daysInMonth: span.days, rates: year.onCostRates[i] });
    if (!rules.claimable) return unclaimedMonth({ span, daysInPost, limit: "role-not-claimable", wte, parts });
    if (personNotEligible(row, rules.conditions)) return unclaimedMonth({ span, daysInPost, limit: "not-eligible", wte, parts });
    const rate = rules.rate ?? rules.floor;
    if (!rate) return unclaimedMonth({ span, daysInPost, limit: "no-rate", wte, parts });
    const basis: RateBasis = !rules.rate ? "floor" : rate.region !== year.region ? "national-fallback" : "in-force";
    const cost = partsTotal(parts);
    const share = rules.fundedShare?.share ?? 1;
    const claim = claimForMonth({ span, daysInPost, daysInMonth: span.days, wte, cost, parts, share, rate, basis });
    if (!rules.builtIn) return claim;
    const atBuiltIn = claimForMonth({ span, daysInPost, daysInMonth: span.days, wte, cost, parts, share, rate: rules.builtIn, basis });
    claim.upliftOverBuiltIn = claim.claimable - atBuiltIn.claimable;
    return claim;
  };

  // Days in post in each month (start and end both count); with no start date, no month has any.
  const from = row.start === null ? null : dayNumber(row.start);
  const to = row.end === null ? Number.POSITIVE_INFINITY : dayNumber(row.end);
  const months = year.spans.map((span, i) => {
    if (from === null) return year.noStartDate[i];
    const daysInPost = daysInPostIn(span, from, to);
    if (daysInPost === 0) return year.notInPost[i];
    if (!usable) return unclaimedMonth({ span, daysInPost, limit: "invalid-row" });
    return monthInPost(span, i, daysInPost);
  });
  return { input: row, role, usable, months, findings, mhp };
}
