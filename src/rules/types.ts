/**
 * Types for the ARRS rule data. Every figure the engine uses is a dated value that carries its own
 * provenance, so that a result can always say where its numbers came from and how sure we are.
 */

/** A calendar date as `YYYY-MM-DD`. Compared as strings, which sorts correctly for this format. */
export type IsoDate = string;

/**
 * How sure we are of a figure (docs/rules.md says the same to users):
 * - published: quoted by at least one source that names the DES;
 * - inferred: arithmetic or a band pattern from published figures (the note gives the reasoning);
 * - third-party: only a calculator or tool gives it;
 * - user: the workbook's own "ARRS max reimb" sheet gives it.
 */
export type Confidence = "published" | "inferred" | "third-party" | "user";

export interface Source {
  /** The document, e.g. "Network Contract DES Contract specification 2025/26". */
  title: string;
  /** Section or table, e.g. "Table 2". */
  section?: string;
  href?: string;
  /**
   * Where the figure was actually read, when that was a page quoting the document rather than the
   * document itself (a trade-press article, an ICB or LMC page, a calculator).
   */
  readAt?: string;
}

export interface Provenance {
  confidence: Confidence;
  source: Source;
  /** The reasoning behind an inferred figure, or a caveat. */
  note?: string;
}

export type Region = "national" | "outer-london" | "inner-london";
export const REGIONS: readonly Region[] = ["national", "outer-london", "inner-london"];

/** The regions as a sentence names them: "the inner London maximum". */
export const REGION_WORDS: Readonly<Record<Region, string>> = { national: "national", "outer-london": "outer London", "inner-london": "inner London" };

export type RoleId =
  | "clinical-pharmacist"
  | "social-prescribing-link-worker"
  | "physician-associate"
  | "first-contact-physiotherapist"
  | "pharmacy-technician"
  | "care-coordinator"
  | "health-and-wellbeing-coach"
  | "dietitian"
  | "podiatrist"
  | "occupational-therapist"
  | "nursing-associate"
  | "trainee-nursing-associate"
  | "paramedic"
  | "advanced-practitioner"
  | "mental-health-practitioner"
  | "general-practice-assistant"
  | "digital-transformation-lead"
  | "apprentice-physician-associate"
  | "enhanced-practice-nurse"
  | "general-practitioner"
  | "new-to-general-practice-nurse"
  | "experienced-general-practice-nurse"
  | "consultant-nurse"
  | "healthcare-support-worker";

export interface RoleDefinition extends Provenance {
  id: RoleId;
  /** The scheme's own name for the role, as a practice manager would write it. */
  name: string;
  /** Names seen on rosters. Matched case-insensitively, ignoring punctuation and "(ARRS)". */
  aliases: string[];
  /** Agenda for Change band(s) in the DES, as text ("7-8a", "up to 5"). */
  band: string;
  /** First day the role could be claimed. */
  claimableFrom: IsoDate;
}

/**
 * The two tables of mental health practitioner amounts from 2025/26: the first MHP in each Agenda for
 * Change band at 50% (the provider funds the rest; DES Table 3a), and further MHPs in the same band up
 * to 100% where a written agreement with the mental health provider is in place (Table 3b).
 */
export type MhpTable = "first-in-band" | "with-agreement";

/** A maximum reimbursable amount: annual, per 1.0 WTE, including employer NI and pension. */
export interface MaxAmount extends Provenance {
  role: RoleId;
  region: Region;
  from: IsoDate;
  /** Last day (inclusive) the amount is known to hold. Never open-ended: rates change every year. */
  to: IsoDate;
  amount: number;
  /** The Agenda for Change band the amount is for, where the role's amount depends on it ("4" … "8a"). */
  band?: string;
  /** Which mental health practitioner table the amount is from (mental health practitioners from 2025/26). */
  mhpTable?: MhpTable;
}

/** Which of a role's amounts is meant, where the role has several at once (mental health practitioners). */
export interface AmountKey {
  band?: string | null;
  mhpTable?: MhpTable | null;
}

/** A cap on the WTE of one role a PCN may claim for, by list size (<= 99,999 or >= 100,000). */
export interface CapRule extends Provenance {
  role: RoleId;
  from: IsoDate;
  /** Inclusive; null = until further notice. */
  to: IsoDate | null;
  /** WTE cap for a PCN with a list size of 99,999 or fewer; null = no cap. */
  smallPcn: number | null;
  /** WTE cap for a PCN with a list size of 100,000 or more; null = no cap. */
  largePcn: number | null;
}

/** The PCN's annual ceiling (ARRS sum) for one financial year. */
export interface EntitlementRate extends Provenance {
  financialYear: string;
  /** £ per weighted patient (PCN Contractor Weighted Population at 1 January before the year). */
  perWeightedPatient: number | null;
  /** A fixed sum per PCN (2019/20 only). */
  fixedPerPcn: number | null;
  /** Ring-fenced GP sum, £ per weighted patient (2024/25 only, for Oct 2024 to Mar 2025). */
  gpPerWeightedPatient: number | null;
}

/** An employer on-cost rate used only to estimate costs the roster does not give. */
export interface OnCostRate extends Provenance {
  kind: "employer-ni" | "employer-pension";
  from: IsoDate;
  to: IsoDate | null;
  /** Fraction, e.g. 0.138. */
  rate: number;
  /** Annual earnings threshold above which the rate applies (0 for pension). */
  annualThreshold: number;
}

/** Roles whose claim is a share of cost (clinical pharmacists 2019/20, mental health practitioners). */
export interface FundedShare extends Provenance {
  role: RoleId;
  from: IsoDate;
  to: IsoDate | null;
  share: number;
  /** Only for amounts from this MHP table (the first MHP in each band, from 2025/26). */
  mhpTable?: MhpTable;
}

/** A rule about who may be claimed for in a role, beyond the role itself (GP within 2 years of CCT...). */
export interface EligibilityCondition extends Provenance {
  kind: "gp-within-two-years-of-cct" | "nurse-not-employed-in-previous-12-months";
  roles: RoleId[];
  from: IsoDate;
  to: IsoDate | null;
  description: string;
}

export type Severity = "error" | "warning" | "info";

/**
 * A finding is data, written for a practice manager: what is wrong and what to do about it.
 * `source` names the rule and the document it comes from.
 */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  /** Sheet row number (1-based) the finding is about, when it is about a row. */
  rowNumber?: number;
  /** Header of the column the finding is about, when it is about a cell. */
  column?: string;
  /** The roster field concerned, so the engine does not report a field twice. */
  field?: string;
  source: string;
  /** The inputs that led to the finding, so a user can ask "why was this row flagged?". */
  details?: Record<string, string | number | boolean | null>;
}

export type FindingCode =
  | "UNKNOWN_ROLE"
  | "ROLE_NOT_ELIGIBLE"
  | "NO_RATE"
  | "RATE_UNCONFIRMED"
  | "RATE_FLOOR"
  | "MHP_AGREEMENT_UNKNOWN"
  | "RATE_BEFORE_UPLIFT"
  | "LONDON_RATE_MISSING"
  | "USER_RATE_USED"
  | "OVER_MAX"
  | "CAP_EXCEEDED"
  | "INVALID_WTE"
  | "INVALID_DATE"
  | "END_BEFORE_START"
  | "NOT_IN_YEAR"
  | "MISSING_VALUE"
  | "INVALID_AMOUNT"
  | "ONCOSTS_ESTIMATED"
  | "DUPLICATE_PERSON"
  | "GP_ELIGIBILITY"
  | "NURSE_12_MONTH_RULE"
  | "PART_FUNDED"
  | "ENTITLEMENT_EXCEEDED"
  | "ENTITLEMENT_UNKNOWN"
  | "SETTING_ASSUMED"
  | "RATE_SHEET_PROBLEM"
  | "RATE_SOURCES_DIFFER";
