/**
 * The rules as they stand in each month of the year being checked, for this PCN's region: the
 * maximum amount, whether the role is claimable yet, who is eligible, the funded share, and the
 * on-cost rates. Rules change only on the first of a month (docs/rules.md), so a month
 * is the unit; each role's twelve months are looked up once per check.
 */
import type { FinancialYear, IsoDate } from "../common/dates";
import type { RuleSet } from "../rules/ruleset";
import type { AmountKey, EligibilityCondition, FundedShare, MaxAmount, Region, RoleDefinition, RoleId } from "../rules/types";
import { onCostRatesForMonth, type OnCostRates } from "./costs";
import { monthSpans, type MonthSpan } from "./months";
import type { MonthClaim } from "./types";

/** What the rules say for one role in one month. */
export interface RoleMonth {
  month: IsoDate;
  /** The role had become claimable under ARRS by the 1st of the month. */
  claimable: boolean;
  /** Who may be claimed for in the role, beyond the role itself (GP CCT, nurses' 12 months). */
  conditions: EligibilityCondition[];
  /**
   * The maximum amount per 1.0 WTE in force on the 1st of the month, or null if none is known. For a
   * London PCN with no London figure, the national one (LONDON_RATE_MISSING).
   */
  rate: MaxAmount | null;
  /**
   * With no amount on record for the month and the rate floor on: the latest earlier amount for the
   * same role, band and region, which the unknown one cannot be below (amounts have only ever risen).
   */
  floor: MaxAmount | null;
  /** Where the rate is the user's own: the built-in amount it replaces, if there is one. */
  builtIn: MaxAmount | null;
  /** The share of cost that is reimbursable, where only a share is (PART_FUNDED). */
  fundedShare: FundedShare | null;
}

export interface YearRules {
  year: FinancialYear;
  region: Region;
  rules: RuleSet;
  /** The months of the year as day numbers, April first. */
  spans: MonthSpan[];
  /** The rates for estimating blank on-costs, month by month, April first. */
  onCostRates: OnCostRates[];
  /**
   * A month not in post is the same record for every row: nothing to claim. Shared, and frozen so that
   * nothing changes it for one row (the caps step replaces the months it holds down, never edits them).
   */
  notInPost: readonly MonthClaim[];
  /** The same for a row with no start date, whose months have no days at all. */
  noStartDate: readonly MonthClaim[];
  /** Claim up to an earlier amount when a month's is not on record (PcnSettings.rateFloor). */
  rateFloor: boolean;
  /** A role's twelve months of rules, April first, for the band and MHP table given where they matter. */
  roleMonths(role: RoleDefinition, key?: AmountKey): RoleMonth[];
}

const NOTHING = Object.freeze({ salary: 0, employerNi: 0, employerPension: 0, supplierFee: 0 });

function nothingClaimed(span: MonthSpan, daysInMonth: number): MonthClaim {
  return Object.freeze({
    month: span.month, daysInPost: 0, daysInMonth, wte: 0, cost: 0,
    parts: NOTHING, maximumAnnual: null, maximumForMonth: null, claimable: 0, limit: "not-in-post" as const, rate: null,
    floor: false, upliftOverBuiltIn: 0,
  });
}

export function yearRules(options: { year: FinancialYear; region: Region; rules: RuleSet; rateFloor: boolean }): YearRules {
  const { year, region, rules, rateFloor } = options;
  const byRoleAndKey = new Map<string, RoleMonth[]>();
  const spans = monthSpans(year);
  return {
    year,
    region,
    rules,
    spans,
    notInPost: spans.map((span) => nothingClaimed(span, span.days)),
    noStartDate: spans.map((span) => nothingClaimed(span, 0)),
    onCostRates: year.months.map((month) => onCostRatesForMonth(month, rules)),
    rateFloor,
    roleMonths(role, key = {}) {
      const cacheKey = `${role.id}|${key.band ?? ""}|${key.mhpTable ?? ""}`;
      let months = byRoleAndKey.get(cacheKey);
      if (!months) {
        months = year.months.map((month) => roleMonth({ rules, role: role.id, month, region, key, rateFloor }));
        byRoleAndKey.set(cacheKey, months);
      }
      return months;
    },
  };
}

/**
 * A London PCN with no London figure for a role falls back to the national one (the finding
 * LONDON_RATE_MISSING says so): it can only under-claim, never over-claim. The same holds for the
 * floor. The built-in amount a user's figure replaces is the one for the same region.
 */
function roleMonth(options: { rules: RuleSet; role: RoleId; month: IsoDate; region: Region; key: AmountKey; rateFloor: boolean }): RoleMonth {
  const { rules, role, month, region, key, rateFloor } = options;
  const inRegionOrNational = (find: (where: Region) => MaxAmount | null) => find(region) ?? (region !== "national" ? find("national") : null);
  const rate = inRegionOrNational((where) => rules.maxAmount(role, month, where, key));
  return {
    month,
    claimable: rules.isClaimable(role, month),
    conditions: rules.eligibilityConditions(role, month),
    rate,
    floor: rate || !rateFloor ? null : inRegionOrNational((where) => rules.earlierAmount(role, month, where, key)),
    builtIn: rate?.confidence === "user" ? rules.builtInAmount(role, month, rate.region, key) : null,
    fundedShare: rules.fundedShare(role, month, key),
  };
}
