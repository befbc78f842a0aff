/** What the pane calls the roster fields, the regions and the severities. */
import { ROSTER_FIELDS } from "../roster/columns";
import type { RosterField } from "../roster/types";
import { REGIONS, type Region, type Severity } from "../rules/types";

export const FIELD_LABELS: Record<RosterField, string> = {
  name: "Name",
  staffId: "Staff ID",
  role: "Role or job title",
  band: "Band",
  wte: "WTE",
  hoursPerWeek: "Hours per week",
  sessionsPerWeek: "Sessions per week",
  start: "Start date",
  end: "End date",
  annualSalary: "Annual salary",
  fullTimeSalary: "Full-time salary",
  employerNi: "Employer NI",
  employerPension: "Employer pension",
  cctDate: "Date of CCT",
  employedInLast12Months: "Employed in PCN in last 12 months",
  mhpAgreement: "MHP written agreement",
  practice: "Practice",
  supplierFee: "Supplier's fee (a year)",
};

export const ROSTER_FIELD_ORDER: readonly RosterField[] = ROSTER_FIELDS;

export const REGION_LABELS: Record<Region, string> = {
  national: "National (outside London)",
  "outer-london": "Outer London",
  "inner-london": "Inner London",
};

export const REGION_ORDER: readonly Region[] = REGIONS;

export const SEVERITY_LABELS: Record<Severity, { group: string; one: string; many: string }> = {
  error: { group: "Errors", one: "error", many: "errors" },
  warning: { group: "Warnings", one: "warning", many: "warnings" },
  info: { group: "Notes", one: "note", many: "notes" },
};
