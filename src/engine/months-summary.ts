/**
 * What a claimable row's findings need to know about its twelve months, once caps are applied: how
 * many months were in post, held back and why, which maximums were used, and the year's figures.
 */
import type { EligibilityCondition, FundedShare, MaxAmount } from "../rules/types";
import type { AssessedRow } from "./assess-row";
import { onCostUnknown } from "./costs";
import { sumPounds } from "./pence";
import type { MonthClaim } from "./types";
import type { RoleMonth, YearRules } from "./year-rules";

export interface MonthsSummary {
  /** Months with days in post, and the first of them (-1: none). */
  inPost: number;
  firstInPost: number;
  /** Months in post when the role was not yet claimable. */
  notClaimable: number;
  /** Months in post when the person was not eligible (GP CCT, nurse 12 months). */
  notEligible: number;
  /** The condition of each kind in force in the last month in post that has one. */
  gpCondition: EligibilityCondition | null;
  nurseCondition: EligibilityCondition | null;
  /** Months without a maximum, and the first of them (-1: none). */
  noRate: number;
  firstNoRate: number;
  /** The first maximum used from another region (a London PCN on the national figure). */
  fallback: MaxAmount | null;
  /** The first maximum used that is inferred or a third party's; the first that is the user's own. */
  unconfirmed: MaxAmount | null;
  own: MaxAmount | null;
  /** The first funded share in force in a month with a maximum. */
  share: FundedShare | null;
  /** Months held to the maximum, the first of them (-1: none), and the cost above it in those months. */
  overMax: number;
  firstOverMax: number;
  overMaxMonthsGap: number;
  /** Months claimed on an earlier period's maximum (the floor), the first of them, and whether any was held to it. */
  floorMonths: number;
  firstFloor: number;
  heldToFloor: boolean;
  /** Months held to the national maximum for want of a London one, and the cost above it in them. */
  heldToNational: number;
  aboveNational: number;
  /** The claim in floor months, and the backdated uplift, summed April first. */
  onEarlierMaximum: number;
  backdatedUplift: number;
  /** Some month in post had a blank on-cost and no statutory rate to estimate it with. */
  onCostUnknown: boolean;
  /** The year's claim, and the cost above the maximum in every month, summed April first. */
  claimable: number;
  overMaxGap: number;
}

/**
 * Cost above the maximum in a month held to it (OVER_MAX), or held lower since by a cap (BEYOND_CAP),
 * on the reimbursable share of the cost: the PCN funds it.
 */
function gapAboveMaximum(month: MonthClaim, rules: RoleMonth): number {
  if (month.limit !== "over-max" && month.limit !== "beyond-cap") return 0;
  if (month.daysInPost === 0 || month.maximumForMonth === null) return 0;
  const share = rules.fundedShare?.share ?? 1;
  return Math.max(0, share * month.cost - month.maximumForMonth);
}

export function summariseMonths(options: { assessed: AssessedRow; roleMonths: RoleMonth[]; year: YearRules }): MonthsSummary {
  const { assessed, roleMonths, year } = options;
  const row = assessed.input;
  const summary: MonthsSummary = {
    inPost: 0, firstInPost: -1, notClaimable: 0, notEligible: 0, gpCondition: null, nurseCondition: null,
    noRate: 0, firstNoRate: -1, fallback: null, unconfirmed: null, own: null, share: null,
    overMax: 0, firstOverMax: -1, overMaxMonthsGap: 0, floorMonths: 0, firstFloor: -1, heldToFloor: false,
    heldToNational: 0, aboveNational: 0, onEarlierMaximum: 0, backdatedUplift: 0, onCostUnknown: false, claimable: 0, overMaxGap: 0,
  };
  assessed.months.forEach((month, i) => {
    const rules = roleMonths[i];
    const gap = gapAboveMaximum(month, rules);
    summary.overMaxGap += gap;
    if (month.limit === "no-rate") {
      summary.noRate += 1;
      if (summary.firstNoRate < 0) summary.firstNoRate = i;
    }
    if (month.floor) {
      summary.floorMonths += 1;
      if (summary.firstFloor < 0) summary.firstFloor = i;
      // Whether the cost is above the earlier maximum, whatever a cap then did to the month.
      if ((rules.fundedShare?.share ?? 1) * month.cost > month.maximumForMonth!) summary.heldToFloor = true;
    }
    if (month.limit === "london-rate-missing") {
      summary.heldToNational += 1;
      summary.aboveNational += Math.max(0, (rules.fundedShare?.share ?? 1) * month.cost - month.maximumForMonth!);
    }
    if (month.limit === "over-max") {
      summary.overMax += 1;
      if (summary.firstOverMax < 0) summary.firstOverMax = i;
      summary.overMaxMonthsGap += gap;
    }
    const { rate } = month;
    if (rate && !summary.fallback && rate.region !== year.region) summary.fallback = rate;
    if (month.daysInPost === 0) return;

    summary.inPost += 1;
    if (summary.firstInPost < 0) summary.firstInPost = i;
    if (month.limit === "role-not-claimable") summary.notClaimable += 1;
    if (month.limit === "not-eligible") summary.notEligible += 1;
    for (const condition of rules.conditions) {
      if (condition.kind === "gp-within-two-years-of-cct") summary.gpCondition = condition;
      else summary.nurseCondition = condition;
    }
    if (rate) {
      if (!summary.unconfirmed && (rate.confidence === "inferred" || rate.confidence === "third-party")) summary.unconfirmed = rate;
      if (!summary.own && rate.confidence === "user") summary.own = rate;
      if (!summary.share && rules.fundedShare) summary.share = rules.fundedShare;
    }
    if (!summary.onCostUnknown && (row.employerNi === null || row.employerPension === null)) {
      summary.onCostUnknown = onCostUnknown(row, year.onCostRates[i]);
    }
  });
  // The year's figures in whole pence, the sums of the months' (monthsInPence), so that they add up exactly.
  summary.claimable = sumPounds(assessed.months.map((m) => m.claimable));
  summary.onEarlierMaximum = sumPounds(assessed.months.filter((m) => m.floor).map((m) => m.claimable));
  summary.backdatedUplift = sumPounds(assessed.months.map((m) => m.upliftOverBuiltIn));
  return summary;
}
