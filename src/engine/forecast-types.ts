/**
 * The year ahead: what has been claimed to date, what the people in post will bring in for the rest of
 * the year, what planned posts would add, and what of the ARRS sum would be left unspent at 31 March.
 * Unclaimed money is lost at the year's end, so a PCN needs this before the last quarter.
 */
import type { IsoDate, RoleId } from "../rules/types";

/**
 * A post not yet filled: a roster row with a role but no person (no name, or "Vacancy", "TBC",
 * "Planned"). It counts in the forecast only, never in claims or claim lines.
 */
export interface PlannedPost {
  /** Sheet row number (1-based), and the roster sheet it is on. */
  rowNumber: number;
  sheet?: string | null;
  practice?: string | null;
  /** The name cell as written ("Vacancy"), or null when blank. */
  label: string | null;
  roleText: string | null;
  role: RoleId | null;
  band: string | null;
  wte: number;
  /** The planned start (the row's start date); null means from the month after the as-of date. */
  start: IsoDate | null;
  end: IsoDate | null;
  /**
   * The expected pay a year at that WTE, and its on-costs as given (null: estimated as for a person).
   * A blank salary (and no supplier fee) means the post is expected to cost the maximum for the role.
   */
  annualSalary: number | null;
  employerNi: number | null;
  employerPension: number | null;
  supplierFee?: number | null;
}

/** A planned post with what it would add to the year's claims. */
export interface PlannedPostForecast extends PlannedPost {
  /** The role's name, where the role is recognised. */
  roleName: string | null;
  /**
   * The expected annual cost at that WTE: salary + employer NI + pension (on-costs estimated where
   * blank), or the supplier's fee; null means the maximum for the role.
   */
  annualCost: number | null;
  /** Pounds, in whole pence, over the months of the year it would be in post after the as-of month. */
  amount: number;
  /** Twelve months, April first: what it would add in each (0 in months to date). */
  months: number[];
  /** Why it adds nothing, where it adds nothing (no role recognised, starts after the year). */
  note: string | null;
}

export interface ForecastMonth {
  /** First day of the month. */
  month: IsoDate;
  /** Claimable in this month by people in post: actual up to the as-of month, forecast after it. */
  claimable: number;
  /** True for months up to and including the as-of month. */
  toDate: boolean;
  /** What planned posts would add in this month. */
  planned: number;
  /** Running total of claimable from April to this month. */
  cumulativeClaimable: number;
  /** Running total of claimable + planned from April to this month. */
  cumulative: number;
}

/**
 * The role the unspent sum is measured in ("enough for about 4.9 WTE of a band 5 role"): the user's
 * choice, or a band 5 role by default.
 */
export interface UnspentAs {
  role: RoleId;
  roleName: string;
  /** True for the default role (then it is described as "a band 5 role"). */
  isDefault: boolean;
  /**
   * The maximum for 1.0 WTE over the months left after the as-of month (the sum of each month's
   * maximum / 12); null when no month is left or no maximum is on record.
   */
  maximumForMonthsLeft: number | null;
  /** The first month left (the month after the as-of month), or null when none is left. */
  from: IsoDate | null;
}

export interface Forecast {
  asOf: IsoDate;
  /** The last day of the financial year (31 March). */
  yearEnd: IsoDate;
  /** Months of the year up to and including the as-of month (0 before April, 12 after March). */
  monthsToDate: number;
  /** Claimable in the months to date. toDate + restOfYear = totals.claimable. */
  toDate: number;
  /** Claimable in the months after the as-of month by the people on the roster. */
  restOfYear: number;
  /** What the planned posts would add in the months after the as-of month. */
  plannedPosts: number;
  /** The PCN's ARRS sum (its entitlement); null when the weighted population is not known. */
  entitlement: number | null;
  /** entitlement − (toDate + restOfYear + plannedPosts); null without an entitlement. Negative: over. */
  unspent: number | null;
  /** Twelve months, April first. */
  months: ForecastMonth[];
  planned: PlannedPostForecast[];
  /** The role the unspent sum is measured in, for the sentence (forecast-words.ts). */
  unspentAs: UnspentAs | null;
}
