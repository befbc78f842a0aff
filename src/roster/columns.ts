/**
 * Recognising roster column headers. Rosters come from payroll exports, HR systems and hand-made
 * spreadsheets, so the same field goes by many names. The rules are data (HEADER_RULES below), read
 * in two passes:
 *   1. exact: the normalised header equals one of a rule's names (any rule, first match wins);
 *   2. patterns: the first rule, in table order, with a pattern that matches.
 * Order matters in the second pass: rules for things we must NOT read (the employee's own NI, an NI
 * number, hourly figures) come first, and specific rules ("FTE salary") come before general ones
 * ("FTE", "salary"). A monthly salary, employer NI, employer pension or supplier's fee is read × 12
 * (its own field, below, so that an annual column for the same thing wins). A header that matches
 * nothing is not used, and listed as such (RosterReadResult.unusedColumns).
 */
import { columnNumber as lettersToColumn } from "../common/grid";
import { isOwnedColumnHeader } from "../common/owned";
import type { RosterField } from "./types";

/** A column of monthly amounts, read × 12 into the annual field it names. */
export type MonthlyField = "monthlySalary" | "monthlyEmployerNi" | "monthlyEmployerPension" | "monthlySupplierFee";

/** The annual field each monthly column gives (× 12). */
export const ANNUAL_FIELD_OF: Readonly<Record<MonthlyField, RosterField>> = {
  monthlySalary: "annualSalary",
  monthlyEmployerNi: "employerNi",
  monthlyEmployerPension: "employerPension",
  monthlySupplierFee: "supplierFee",
};

/** A roster field, one half of a name split over two columns (combined into `name`), or a monthly amount. */
export type HeaderField = RosterField | "firstName" | "lastName" | MonthlyField;

/** Whether a column holds monthly amounts (read × 12). */
export const isMonthlyField = (field: HeaderField): field is MonthlyField => field in ANNUAL_FIELD_OF;

/** The roster field a header field gives: first name and surname give the name, a monthly amount its annual field. */
export function rosterFieldOf(field: HeaderField): RosterField {
  if (field === "firstName" || field === "lastName") return "name";
  return isMonthlyField(field) ? ANNUAL_FIELD_OF[field] : field;
}

/** A header's words for a monthly amount. */
const MONTHLY = String.raw`(?:monthly|per month|pcm|a month|per calendar month)`;
/** The employer's side (not the employee's own), as a header writes it. */
const EMPLOYER = String.raw`(?:employer|employers|er|ers)`;
/** Monthly words and `words`, in either order. */
const monthlyWith = (words: string, not = ""): RegExp[] => [
  new RegExp(String.raw`^${not}.*\b${MONTHLY}\b.*\b${words}\b`), new RegExp(String.raw`^${not}.*\b${words}\b.*\b${MONTHLY}\b`),
];
/** Not a rate or a percentage: "Employer NI % (monthly)" is not an amount. */
const NOT_A_RATE = String.raw`(?!.*(?:%|\brate\b|\bpercent))`;

export interface HeaderRule {
  /** The field the header holds, or null for headers recognised on purpose and left unread. */
  field: HeaderField | null;
  /** Normalised header texts (see normaliseHeader) that name the field exactly. */
  exact: readonly string[];
  /** Tried in table order after no rule matched exactly. */
  patterns: readonly RegExp[];
  /** Why the rule is there, for a reader of this table (and for ignored headers, for the user). */
  why: string;
}

export const HEADER_RULES: readonly HeaderRule[] = [
  // --- Headers that look like ours but are not: never read. ---------------------------------------
  {
    field: null,
    exact: ["employee ni", "employees ni", "ee ni", "ees ni", "employee pension", "employees pension",
      "ee pension", "employee national insurance", "employee nic"],
    patterns: [
      /^(?:employee|employees|ee|ees)\s+(?:ni|nic|nics|national insurance|pension|superannuation)\b/,
      /\b(?:ni|nic|nics|national insurance|pension|superannuation)\s+(?:employee|employees|ee|ees)\b/,
    ],
    why: "The employee's own NI and pension are deducted from salary; they are not a cost to the PCN.",
  },
  {
    field: null,
    exact: ["ni number", "ni no", "national insurance number", "national insurance no", "nino"],
    patterns: [/\b(?:ni|national insurance)\s+(?:number|no|num)\b/],
    why: "A National Insurance number identifies a person; it is not an amount.",
  },
  // --- Monthly amounts, read × 12 (before the rule that leaves other monthly figures unread). -------
  {
    field: "monthlySupplierFee",
    exact: ["monthly fee", "fee per month", "monthly invoice", "invoice amount", "monthly invoice amount", "invoice value",
      "monthly supplier fee", "supplier fee monthly", "supplier fee per month", "monthly contract cost", "fee pcm",
      "monthly agency fee", "agency fee monthly", "monthly charge"],
    patterns: [
      ...monthlyWith(String.raw`(?:fees?|invoiced?|contract (?:cost|value|fee)|supplier|agency)`, NOT_A_RATE),
      /^(?:supplier |agency )?invoiced? (?:amount|value)\b/,
    ],
    why: "A supplier's fee a month, for staff engaged through a supplier: read × 12.",
  },
  {
    field: "monthlySalary",
    exact: ["monthly salary", "salary monthly", "salary per month", "monthly pay", "monthly basic salary",
      "basic monthly salary", "salary pcm", "monthly gross salary", "gross monthly salary", "monthly basic pay",
      "pay per month", "gross pay per month", "monthly gross pay"],
    // Not a full-time (1.0 WTE) monthly salary, an hourly rate or a pay rate: those are left unread, below.
    patterns: monthlyWith(String.raw`(?:salary|pay)`, String.raw`(?!.*\b(?:fte|wte|full time|whole time|hourly|per hour|rate|sacrifice|total)\b)`),
    why: "The salary actually paid a month: read × 12.",
  },
  {
    field: "monthlyEmployerNi",
    exact: ["er ni monthly", "employer ni monthly", "monthly employer ni", "monthly er ni", "employers ni monthly",
      "er ni per month", "employer ni per month", "er nic monthly", "employer nic monthly"],
    patterns: [new RegExp(String.raw`^${NOT_A_RATE}(?=.*\b${MONTHLY}\b)(?=.*\b${EMPLOYER}\b).*\b(?:ni|nic|nics|national insurance)\b`)],
    why: "Employer National Insurance a month: read × 12.",
  },
  {
    field: "monthlyEmployerPension",
    exact: ["er pension monthly", "employer pension monthly", "monthly employer pension", "monthly er pension",
      "employers pension monthly", "er pension per month", "employer pension per month", "er super monthly"],
    patterns: [new RegExp(String.raw`^${NOT_A_RATE}(?=.*\b${MONTHLY}\b)(?=.*\b${EMPLOYER}\b).*\b(?:pension|superannuation|super)\b`)],
    why: "Employer pension a month: read × 12.",
  },
  {
    field: null,
    exact: [],
    patterns: [
      /\b(?:monthly|per month|pcm|a month|hourly|per hour)\b/,
      /\b(?:ni|nic|national insurance|pension|superannuation)\b.*(?:(?:^|\s)%$|\brate\b|\bpercent)/, // "Employer NI %" is a rate; "(14.38%)" only labels an amount
      /\bsacrifice\b/,
      /\bon ?costs?\b/,
      /\btotal\b/,
    ],
    why: "Hourly figures, other monthly figures, rates, salary sacrifice and totals including on-costs would be misread as annual costs.",
  },
  {
    field: null,
    exact: ["supplier", "agency", "supplier name", "agency name", "contractor", "provider", "provider name"],
    patterns: [],
    why: "The supplier's name, not its fee.",
  },
  {
    field: null,
    exact: ["date of birth", "dob"],
    patterns: [
      /\b(?:practice|pcn|surgery|site|manager|supervisor|employer)\s+name\b/,
      /\b(?:maternity|paternity|parental|adoption|sick|sickness|study|annual) leave\b/,
      /\bcareer break\b/,
      /\b(?:probation|dbs|training|appraisal|review|registration|revalidation|induction|birth|dob)\b/,
    ],
    why: "Other names and dates (practice, manager, leave, probation, training) are not the person's name or dates in post.",
  },

  // --- Specific rules before general ones. ----------------------------------------------------------
  {
    field: "supplierFee",
    exact: ["supplier fee", "annual fee", "contract cost", "contract value", "supplier cost", "annual supplier fee",
      "agency fee", "sub contract cost", "subcontract cost", "annual contract cost", "supplier fee annual",
      "supplier charge", "annual contract value", "supplier fee per year", "fee per year"],
    patterns: [/\b(?:supplier|agency|sub ?contract(?:or|ed)?|contract)\b.*\b(?:fees?|costs?|charges?|value)\b/, /\b(?:annual|yearly) fees?\b/],
    why: "For staff engaged through a supplier: the fee the PCN pays a year, claimed up to the maximum with no on-costs.",
  },
  {
    field: "cctDate",
    exact: ["cct date", "date of cct", "cct", "cct completion date", "date cct awarded"],
    patterns: [/\bcct\b/, /\bcertificate of completion of training\b/],
    why: "GPs are claimable in 2024/25 and 2025/26 only within 2 years of their CCT.",
  },
  {
    field: "employedInLast12Months",
    exact: ["employed in pcn in last 12 months", "worked in pcn in last 12 months",
      "previously employed by pcn or member practice", "employed by pcn in previous 12 months"],
    patterns: [
      /\b(?:employed|worked|employment)\b.*\b(?:12|twelve) months\b/,
      /\bpreviously (?:employed|worked)\b/,
      /\b(?:employed|worked)\b.*\b(?:previous|last|past) year\b/,
      /\bmore senior role\b/,
    ],
    why: "2025/26 nurse and HCSW roles are not claimable for someone employed by the PCN or a member practice in the previous 12 months.",
  },
  {
    field: "mhpAgreement",
    exact: ["mhp funding", "written agreement", "mhp agreement", "mental health provider agreement", "mhp funded at",
      "funding agreement", "mhp table"],
    patterns: [/\bwritten agreement\b/, /\bmhp\b.*\b(?:funding|funded|agreement|table)\b/, /\bmental health\b.*\bagreement\b/],
    why: "From 2025/26 further mental health practitioners in a band are claimed up to 100% only with a written agreement with the mental health provider.",
  },
  {
    field: "annualSalary",
    exact: ["pro rata salary", "salary pro rata", "pro rata pay"],
    patterns: [/\bpro ?rata\b/],
    why: "A pro-rata salary is what the person is actually paid, even when the header mentions WTE.",
  },
  {
    field: "fullTimeSalary",
    exact: ["fte salary", "full time salary", "whole time salary", "salary fte", "salary at 1.0 wte",
      "pay scale salary", "wte salary", "salary wte", "full time equivalent salary", "salary full time",
      "salary at 1 wte", "full time annual salary", "scale salary"],
    patterns: [
      /\b(?:salary|pay)\b.*\b(?:fte|wte|full time|whole time|1\.0|1 wte)\b/,
      /\b(?:fte|wte|full time|whole time)\b.*\b(?:salary|pay)\b/,
      /\bpay ?scale\b/,
    ],
    why: "A salary for 1.0 WTE, scaled by the person's WTE to give what they are paid.",
  },
  {
    field: "annualSalary",
    exact: ["annual salary", "salary", "actual salary", "basic salary", "gross annual salary", "salary actual",
      "annual pay", "gross salary", "basic pay", "gross pay", "annual basic salary", "actual annual salary"],
    patterns: [/\bsalary\b/, /^(?:annual|basic|gross|actual) pay\b/],
    why: "What the person is paid a year at their WTE.",
  },
  {
    field: "employerNi",
    exact: ["employer ni", "employers ni", "er ni", "ers ni", "employer national insurance", "ni employer",
      "employers national insurance", "employer nic", "employers nic", "er nic", "ers nic", "employer nics"],
    patterns: [
      /\b(?:employer|employers|er|ers)\b.*\b(?:ni|nic|nics|national insurance)\b/,
      /\b(?:ni|nic|nics|national insurance)\b.*\b(?:employer|employers|er|ers)\b/,
    ],
    why: "Employer National Insurance is part of the claimable cost. A bare \"NI\" is left unread: it may be the employee's.",
  },
  {
    field: "employerPension",
    exact: ["employer pension", "employers pension", "er pension", "ers pension", "employer superannuation",
      "pension employer", "employer pension contribution", "employers superannuation", "er super",
      "employer nhs pension", "employers pension contribution"],
    patterns: [
      /\b(?:employer|employers|er|ers)\b.*\b(?:pension|superannuation|super)\b/,
      /\b(?:pension|superannuation|super)\b.*\b(?:employer|employers|er|ers)\b/,
    ],
    why: "Employer pension is part of the claimable cost. A bare \"Pension\" is left unread: it may be the employee's.",
  },
  {
    field: "wte",
    exact: ["wte", "fte", "whole time equivalent", "full time equivalent", "wte fte", "fte wte", "contracted wte"],
    patterns: [/^(?:wte|fte)\b/, /\b(?:wte|fte)$/, /\b(?:whole|full) time equivalent\b/],
    why: "Whole-time equivalent: 1.0 is 37.5 hours a week.",
  },
  {
    field: "hoursPerWeek",
    exact: ["hours", "hours per week", "contracted hours", "hrs wk", "weekly hours", "hrs", "hours pw",
      "hrs pw", "hours week", "hrs per week", "contracted hours per week", "weekly contracted hours"],
    patterns: [/\b(?:hours|hrs)\b/],
    why: "Hours a week; 37.5 hours is 1.0 WTE.",
  },
  {
    field: "sessionsPerWeek",
    exact: ["sessions", "sessions per week", "gp sessions", "weekly sessions", "no of sessions",
      "number of sessions", "sessions pw"],
    patterns: [/\bsessions?\b/],
    why: "GP sessions a week; 9 sessions is 1.0 WTE.",
  },
  {
    field: "start",
    exact: ["start date", "start", "date started", "contract start", "in post from", "date of appointment",
      "employment start date", "start of employment", "commenced", "date commenced", "date joined",
      "contract start date", "start date in post", "joined", "appointment date"],
    patterns: [/^start\b/, /\bstart date\b/, /^date (?:started|commenced|joined)\b/, /^contract start\b/,
      /^in post (?:from|since)\b/, /^employment start\b/],
    why: "First day in post. \"Start\" matches whole words only, so \"Restart\" is not a start date.",
  },
  {
    field: "end",
    exact: ["end date", "leaving date", "leave date", "contract end", "end", "date left", "left", "finish date",
      "date of leaving", "leaver date", "contract end date", "end of contract", "in post to", "in post until",
      "end date if applicable"],
    patterns: [/^end\b/, /\bend date\b/, /\bleav(?:ing|e|er) date\b/, /^date (?:left|of leaving|ended)\b/,
      /^contract end\b/, /^in post (?:to|until)\b/],
    why: "Last day in post; blank or \"ongoing\" when still in post.",
  },
  {
    field: "firstName",
    exact: ["first name", "forename", "forenames", "given name", "first names", "christian name"],
    patterns: [/^(?:first|given|fore) ?names?\b/],
    why: "Combined with the surname column into one name.",
  },
  {
    field: "lastName",
    exact: ["surname", "last name", "family name", "second name"],
    patterns: [/^(?:sur|last|family) ?names?\b/],
    why: "Combined with the first-name column into one name.",
  },
  {
    field: "name",
    exact: ["name", "staff name", "employee", "employee name", "full name", "staff member", "member of staff",
      "staff", "person", "clinician", "clinician name", "colleague", "colleague name", "name of employee",
      "name of staff member", "names"],
    patterns: [/^(?:staff|employee|full|person|colleague|clinician)\s+(?:full\s+)?name\b/],
    why: "The person's name, to tell rows apart and spot duplicates.",
  },
  {
    field: "practice",
    exact: ["practice", "practice name", "member practice", "gp practice", "surgery", "surgery name", "site",
      "site name", "practice site", "base practice", "base site"],
    patterns: [],
    why: "The member practice the person works for, where a PCN keeps one roster for all its practices.",
  },
  {
    field: "staffId",
    exact: ["staff id", "employee number", "payroll no", "payroll number", "assignment number", "id", "employee id",
      "staff number", "employee no", "staff no", "payroll id", "assignment no", "esr number", "payroll",
      "person number", "employee ref", "staff ref"],
    patterns: [/\b(?:payroll|assignment|esr)\s+(?:no|number|id|num|ref)\b/,
      /^(?:staff|employee|person)\s+(?:id|no|number|ref|reference)\b/],
    why: "A payroll or staff number, to tell people with the same name apart.",
  },
  {
    field: "role",
    exact: ["role", "job title", "post", "position", "role title", "job role", "staff role", "designation",
      "job", "post title", "roles", "post held", "position held", "job title role"],
    patterns: [/\bjob title\b/, /^roles?\b/, /\broles?$/, /^post (?:title|held)\b/, /^position (?:title|held)\b/],
    why: "The job, matched to an ARRS role by name.",
  },
  {
    field: "band",
    exact: ["band", "afc band", "agenda for change band", "grade", "pay band", "afc grade", "banding", "afc",
      "afc pay band"],
    patterns: [/\bband(?:ing)?\b/, /\bgrade\b/],
    why: "Agenda for Change band; settles roles such as \"Practice nurse\" that depend on it.",
  },
];

/**
 * Lower case; newlines, "(£)", "£" and "(ARRS)" dropped; "&" read as "and"; apostrophes removed
 * ("Employer's" = "Employers"); other punctuation to spaces, except a decimal point inside a number
 * and "%"; spaces folded.
 */
export function normaliseHeader(text: string): string {
  // Most cells a roster reader compares (names, IDs, job titles) are plain words, which the rules
  // below change only to lower case: said without nine regular expressions.
  if (isPlainWords(text)) {
    const lower = text.toLowerCase();
    if (!lower.includes("arrs")) return lower;
  }
  return text
    .toLowerCase()
    .replace(/[\r\n\t\u00a0]+/g, " ")
    .replace(/&/g, " and ")
    .replace(/\(\s*£\s*\)|£/g, " ")
    .replace(/['’`]/g, "")
    .replace(/\barrs\b/g, " ")
    .replace(/[^a-z0-9.%]+/g, " ")
    .replace(/\.(?!\d)|(?<!\d)\./g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Letters and digits (ASCII), with single spaces between words and none at either end. */
function isPlainWords(text: string): boolean {
  let afterSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (afterSpace) return false;
      afterSpace = true;
    } else if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) afterSpace = false;
    else return false;
  }
  return text.length > 0 && !afterSpace;
}

export type HeaderMatch =
  | { kind: "field"; field: HeaderField; exact: boolean }
  /** Recognised, and deliberately not read (see the rule's `why`). */
  | { kind: "ignored"; why: string }
  /** A column the tool itself wrote on an earlier run. */
  | { kind: "owned" }
  | { kind: "none" };

/** What a header cell names. Only text headers are considered; numbers and dates are not headers. */
export function matchHeader(header: unknown): HeaderMatch {
  if (typeof header !== "string") return { kind: "none" };
  if (isOwnedColumnHeader(header)) return { kind: "owned" };
  const text = normaliseHeader(header.slice(0, 200));
  if (!text) return { kind: "none" };
  for (const rule of HEADER_RULES) {
    if (rule.exact.includes(text)) return asMatch(rule, true);
  }
  for (const rule of HEADER_RULES) {
    if (rule.patterns.some((pattern) => pattern.test(text))) return asMatch(rule, false);
  }
  return { kind: "none" };
}

function asMatch(rule: HeaderRule, exact: boolean): HeaderMatch {
  return rule.field === null ? { kind: "ignored", why: rule.why } : { kind: "field", field: rule.field, exact };
}

/** The RosterField a header names, or null (first/last name columns count as `name`). */
export function headerField(header: unknown): RosterField | null {
  const match = matchHeader(header);
  return match.kind === "field" ? rosterFieldOf(match.field) : null;
}

/** Column number for a letter reference: "A" = 1, "AA" = 27. Null if it is not letters. */
export function columnNumber(letters: string): number | null {
  const text = letters.trim().toUpperCase();
  return /^[A-Z]{1,3}$/.test(text) ? lettersToColumn(text) : null;
}

export const ROSTER_FIELDS: readonly RosterField[] = [
  "name", "staffId", "role", "band", "wte", "hoursPerWeek", "sessionsPerWeek", "start", "end", "annualSalary",
  "fullTimeSalary", "employerNi", "employerPension", "cctDate", "employedInLast12Months", "mhpAgreement", "practice",
  "supplierFee",
];
