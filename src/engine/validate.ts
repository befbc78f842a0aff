/**
 * Whether a row can be claimed at all: a claim needs the role, WTE, start date and salary, each
 * usable (docs/rules.md). Rows made by hand (the worksheet functions, tests) are held to
 * the same checks as rows from a roster. Where the roster reader has already said why a cell is
 * unusable, the engine does not say it again.
 */
import { formatUkDate } from "../common/dates";
import type { Finding } from "../rules/types";
import { ENGINE_SOURCE, finding } from "./findings";
import type { StaffInput } from "./types";

/** Fields whose unreadable cell makes a row unusable. */
const VALUE_FIELDS: ReadonlySet<string> = new Set(["wte", "start", "end", "annualSalary", "fullTimeSalary", "hoursPerWeek", "sessionsPerWeek", "employerNi", "employerPension"]);

/** The reader has a finding about the field. */
function readerReported(row: StaffInput, field: string): boolean {
  return row.findings.some((f) => f.field === field);
}

/** The reader could not read a value the claim needs (it said so in an error of its own). */
function hasUnreadableValue(row: StaffInput): boolean {
  return row.findings.some((f) => f.severity === "error" && VALUE_FIELDS.has(f.field ?? ""));
}

/** Blank or nothing but spaces. */
export function isBlankText(text: string | null): boolean {
  return text === null || text.trim() === "";
}

/** A salary or on-cost the claim can use: blank (reported or estimated elsewhere), or a number of 0 or more. */
function usableAmount(value: number | null): boolean {
  return value === null || (Number.isFinite(value) && value >= 0);
}

interface RequiredValue {
  field: string;
  blank: (row: StaffInput) => boolean;
  message: string;
}

const REQUIRED_VALUES: readonly RequiredValue[] = [
  { field: "role", blank: (row) => isBlankText(row.roleText), message: "The role is blank: enter the person's ARRS role (for example Clinical Pharmacist)." },
  { field: "wte", blank: (row) => row.wte === null, message: "The WTE is blank: enter WTE, hours per week (37.5 = 1.0) or GP sessions (9 = 1.0)." },
  { field: "start", blank: (row) => row.start === null, message: "The start date is blank: enter the date the person started in post (DD/MM/YYYY)." },
  // Staff engaged through a supplier have a fee in place of a salary.
  { field: "annualSalary", blank: (row) => row.annualSalary === null && (row.supplierFee ?? null) === null, message: "The salary is blank: enter the annual salary actually paid at their WTE." },
];

const AMOUNTS = [
  { field: "annualSalary", label: "salary", value: (row: StaffInput) => row.annualSalary },
  { field: "employerNi", label: "employer NI", value: (row: StaffInput) => row.employerNi },
  { field: "employerPension", label: "employer pension", value: (row: StaffInput) => row.employerPension },
  { field: "supplierFee", label: "supplier fee", value: (row: StaffInput) => row.supplierFee ?? null },
] as const;

/**
 * The row's required values and their sanity: adds a finding for each thing wrong, and says whether
 * the row can be claimed. A problem the reader has already reported (an unreadable cell) makes no
 * second finding.
 */
export function validateRow(row: StaffInput, findings: Finding[]): boolean {
  let usable = !hasUnreadableValue(row);
  const rowFinding = (code: Finding["code"], field: string, message: string) => {
    findings.push(finding({ code, message, source: code === "MISSING_VALUE" ? ENGINE_SOURCE.requiredValues : ENGINE_SOURCE.claimFormula, rowNumber: row.rowNumber, field }));
    usable = false;
  };

  for (const required of REQUIRED_VALUES) {
    if (required.blank(row) && !readerReported(row, required.field)) rowFinding("MISSING_VALUE", required.field, required.message);
  }
  if (row.wte !== null && !readerReported(row, "wte") && !(row.wte > 0 && row.wte <= 1)) {
    rowFinding("INVALID_WTE", "wte", `WTE ${row.wte} is outside 0 to 1.0: correct the WTE (37.5 hours a week = 1.0).`);
  }
  for (const amount of AMOUNTS) {
    const value = amount.value(row);
    if (!usableAmount(value) && !readerReported(row, amount.field)) {
      rowFinding("INVALID_AMOUNT", amount.field, `The ${amount.label} ${value} is not a usable amount: enter a positive annual figure in pounds.`);
    }
  }
  if (row.start !== null && row.end !== null && row.end < row.start) {
    rowFinding("END_BEFORE_START", "end", `The end date ${formatUkDate(row.end)} is before the start date ${formatUkDate(row.start)}: correct one of them.`);
  }
  return usable;
}
