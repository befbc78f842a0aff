/**
 * Planned posts: roster rows for posts not yet filled. A row with a role and no person (its name
 * blank, or only a placeholder such as "Vacancy", "TBC" or "Planned") is a post the PCN means to fill.
 * It is read for the forecast only (docs/forecast.md), never as a person: no claim, no claim line, no
 * place under a cap. A blank-name row without a role is read as it always was (the engine says what
 * is missing), and so is every row of a roster with no name column, or with a staff ID on the row.
 */
import { ROSTER_SOURCES } from "./sources";
import type { PlannedRosterRow, RosterRow } from "./types";

export type { PlannedRosterRow };


/**
 * Names that say nobody is in post yet, compared after lower-casing and turning punctuation into
 * spaces ("T.B.C." and "tbc" alike). A name with any other word ("Locum TBC", "Vacancy - J Smith")
 * is a person's row.
 */
export const PLACEHOLDER_NAMES: ReadonlySet<string> = new Set([
  "vacancy", "vacant", "tbc", "tba", "planned", "planned post", "new post", "to be recruited", "recruiting",
]);

/** The name as the placeholder check compares it: lower case, letters and digits, single spaces; "T.B.C." → "tbc". */
function comparable(name: string): string {
  const words = name.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  // Initials written with stops ("t b c") read as one word.
  return /^([a-z] )+[a-z]$/.test(words) ? words.replace(/ /g, "") : words;
}

export function isPlaceholderName(name: string | null): boolean {
  return name === null || name.trim() === "" || PLACEHOLDER_NAMES.has(comparable(name));
}

/**
 * Whether a row read from the roster is a planned post: a role is written, and the name (where the
 * roster has a name column) is blank or a placeholder, with no staff ID on the row.
 */
export function isPlannedRow(row: RosterRow, options: { hasNameColumn: boolean }): boolean {
  if (!options.hasNameColumn) return false;
  if (row.roleText === null || row.roleText.trim() === "") return false;
  if (row.staffId !== null && row.staffId.trim() !== "") return false;
  return isPlaceholderName(row.name);
}

/** The planned post a row gives, or, without a WTE, a finding saying what to add. */
export function plannedRowOf(row: RosterRow): PlannedRosterRow {
  const findings = [...row.findings];
  if (row.wte === null) {
    // A WTE the reader could not read has its own finding already; a blank one is said here.
    if (!findings.some((f) => f.field === "wte")) {
      findings.push({
        code: "MISSING_VALUE",
        severity: "warning",
        rowNumber: row.rowNumber,
        field: "wte",
        message: `Row ${row.rowNumber} is a planned post (a role and no name) with no WTE, so it is left out of the forecast: `
          + "enter the WTE it is planned at (37.5 hours a week = 1.0) and its planned start date.",
        source: ROSTER_SOURCES.planned,
      });
    }
    return { rowNumber: row.rowNumber, post: null, findings };
  }
  return {
    rowNumber: row.rowNumber,
    findings,
    post: {
      rowNumber: row.rowNumber,
      ...(row.practice !== undefined ? { practice: row.practice } : {}),
      label: row.name,
      roleText: row.roleText,
      role: row.role,
      band: row.band,
      wte: row.wte,
      start: row.start,
      end: row.end,
      annualSalary: row.annualSalary,
      employerNi: row.employerNi,
      employerPension: row.employerPension,
      ...(row.supplierFee != null ? { supplierFee: row.supplierFee } : {}),
    },
  };
}
