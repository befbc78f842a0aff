import type { RosterRow } from "../../src/roster/types";

/** A valid roster row for tests: a full-time clinical pharmacist in post all of 2025/26. */
export function makeRow(overrides: Partial<RosterRow> = {}): RosterRow {
  return {
    rowNumber: 2, name: "Test Person", staffId: null, roleText: "Clinical Pharmacist", role: "clinical-pharmacist",
    band: null, wte: 1, wteBasis: "wte", start: "2025-04-01", end: null, annualSalary: 50000, salaryBasis: "actual",
    employerNi: 6750, employerPension: 7190, cctDate: null, employedInLast12Months: null, findings: [],
    ...overrides,
  };
}
