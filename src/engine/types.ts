import type { FinancialYear } from "../common/dates";
import type { CapRule, EntitlementRate, Finding, IsoDate, MaxAmount, Region, RoleId, Severity } from "../rules/types";

/** Whether a nurse or HCSW worked for the PCN or a member practice in the previous 12 months. */
export type PreviousEmployment = "yes" | "no" | "promoted";

/**
 * One person's row as the engine takes it: what the roster reader makes of a roster row, or a row made
 * by hand (the worksheet functions, tests). Values the reader could not use are null, and its findings
 * about them come along, so the engine reports each problem once.
 */
export interface StaffInput {
  /** Sheet row number (1-based). */
  rowNumber: number;
  /** The roster sheet the row is on, where a PCN keeps one roster per member practice. */
  sheet?: string | null;
  /** The member practice: a Practice column, else the sheet's name where there is one per practice. */
  practice?: string | null;
  /**
   * For staff engaged through a supplier (a sub-contract): the fee the PCN pays, £ a year (a monthly
   * fee × 12). Claimed up to the maximum in place of salary and on-costs, with no on-costs estimated.
   */
  supplierFee?: number | null;
  name: string | null;
  staffId: string | null;
  /** The role as written, and the scheme role it names (null when not recognised). */
  roleText: string | null;
  role: RoleId | null;
  /** The Agenda for Change band as written ("6", "Band 7", "8a"), or null. */
  band: string | null;
  /** Whole-time equivalent: 37.5 hours a week, or 9 GP sessions, is 1.0. */
  wte: number | null;
  start: IsoDate | null;
  end: IsoDate | null;
  /** What the person is actually paid a year at their WTE. */
  annualSalary: number | null;
  /** Employer NI and pension a year, as given; null when blank (then estimated). */
  employerNi: number | null;
  employerPension: number | null;
  /** A GP's date of Certificate of Completion of Training. */
  cctDate: IsoDate | null;
  employedInLast12Months: PreviousEmployment | null;
  /**
   * A mental health practitioner's funding from 2025/26: "yes" where a written agreement with the
   * mental health provider is in place (further MHPs in a band claimed up to 100%), "no" where not
   * (50%); null when the roster does not say.
   */
  mhpAgreement?: "yes" | "no" | null;
  /** What the reader found wrong with this row's cells. */
  findings: Finding[];
}

export interface PcnSettings {
  /** "2025/26" */
  financialYear: string;
  /** Registered list size; decides caps (99,999 or fewer / 100,000 or more). */
  listSize: number | null;
  /** PCN Contractor Weighted Population at 1 January before the year; decides the ARRS sum. */
  weightedPopulation: number | null;
  region: Region;
  /**
   * When a month's maximum is not on record but an earlier period's is, claim up to the earlier one
   * (amounts have only ever risen): on unless turned off (false).
   */
  rateFloor?: boolean;
}

/** Why a month's claim is less than the cost, when it is. */
export type MonthLimit =
  | "not-in-post"
  | "role-not-claimable"
  | "no-rate"
  | "beyond-cap"
  | "not-eligible"
  | "invalid-row"
  | "over-max"
  /** Held to the national maximum in a London PCN with no London figure: a missing figure, not a cost the PCN funds. */
  | "london-rate-missing"
  /** Held to an earlier period's maximum, this month's not being on record (the rate floor). */
  | "earlier-maximum"
  /** Cut so that one person on several rows is claimed at no more than 1.0 WTE at once. */
  | "above-one-wte";

/** One month of a row's claim. */
export interface MonthClaim {
  /** The 1st of the month. */
  month: IsoDate;
  daysInPost: number;
  daysInMonth: number;
  /** WTE counted for the month (less than the row's WTE when a cap bites). */
  wte: number;
  /** The person's cost for the month: salary + employer NI + employer pension, pro rata for days in post. */
  cost: number;
  /**
   * The month's cost in its parts, as a monthly claim line shows them: the month's pay, employer NI and
   * employer pension (or a supplier's fee). Where set, they add up to `cost`.
   */
  parts?: { salary: number; employerNi: number; employerPension: number; supplierFee: number };
  /** The annual maximum per 1.0 WTE in force on the 1st of the month, or null if none is known. */
  maximumAnnual: number | null;
  /**
   * The month's maximum: days-in-post fraction × maximum × WTE / 12, or null where no maximum was used.
   * Where only a share of the cost is reimbursable (PART_FUNDED), the share is taken of the cost.
   */
  maximumForMonth: number | null;
  claimable: number;
  /** What held the claim below cost, if anything. */
  limit: MonthLimit | null;
  /** The maximum used: the one in force, or with `floor` the earlier one claimed up to. */
  rate: MaxAmount | null;
  /** The month's maximum is not on record, and the claim rests on an earlier period's (the rate floor). */
  floor: boolean;
  /**
   * Where the maximum is the user's own and replaces a built-in one: this claim less the claim at the
   * built-in amount (the backdated uplift, when the user's figure is the uplifted one). 0 otherwise.
   */
  upliftOverBuiltIn: number;
}

export type RowStatus = "ok" | Severity;

export interface StaffResult {
  rowNumber: number;
  /** The roster sheet and member practice of the row (see StaffInput). */
  sheet?: string | null;
  practice?: string | null;
  /** The Agenda for Change band as written. */
  band?: string | null;
  /** A supplier's fee, £ a year, for staff engaged through a supplier (see StaffInput). */
  supplierFee?: number | null;
  name: string | null;
  staffId: string | null;
  role: RoleId | null;
  roleName: string | null;
  roleText: string | null;
  wte: number | null;
  start: IsoDate | null;
  end: IsoDate | null;
  salary: number | null;
  /** Employer NI and pension as used: given, or estimated (see onCostsEstimated). */
  employerNi: number | null;
  employerPension: number | null;
  onCostsEstimated: boolean;
  /** Salary + employer NI + employer pension for a full year at the row's WTE, or null if unknown. */
  annualCost: number | null;
  /** The twelve months of the year, April first. */
  months: MonthClaim[];
  /** Sum of the months, unrounded. */
  claimable: number;
  /** The part of the claim in months that rest on an earlier period's maximum (the rate floor). */
  onEarlierMaximum: number;
  /** The months' upliftOverBuiltIn summed: what a one-off claim for a backdated uplift would add. */
  backdatedUplift: number;
  /** Cost above the maximum in months in post: funded by the PCN. */
  overMaxGap: number;
  findings: Finding[];
  status: RowStatus;
}

export interface RoleSummary {
  role: RoleId;
  roleName: string;
  headcount: number;
  wte: number;
  claimable: number;
  overMaxGap: number;
  /** See StaffResult.backdatedUplift. */
  backdatedUplift: number;
  /** The cap in force during the year for this PCN, and the most WTE in post in any month. */
  cap: { limit: number; rule: CapRule; peakWte: number } | null;
}

export interface Entitlement {
  amount: number;
  rate: EntitlementRate;
  /** The part ring-fenced for GPs, where the year has one (2024/25). */
  gpRingFenced: number | null;
}

export interface CheckResult {
  financialYear: FinancialYear;
  settings: PcnSettings;
  staff: StaffResult[];
  byRole: RoleSummary[];
  totals: {
    claimable: number;
    /** Twelve months, April first. */
    months: number[];
    cost: number;
    overMaxGap: number;
    /** The part of the claim that rests on earlier periods' maximums (the rate floor). */
    onEarlierMaximums: number;
    /** See StaffResult.backdatedUplift. */
    backdatedUplift: number;
    entitlement: number | null;
    headroom: number | null;
  };
  entitlement: Entitlement | null;
  /** PCN-level findings. */
  findings: Finding[];
}

export interface CheckInput {
  rows: StaffInput[];
  settings: PcnSettings;
}

/** The forecast's types (the year ahead: planned posts, to date, rest of year, unspent), for every door. */
export type * from "./forecast-types";
