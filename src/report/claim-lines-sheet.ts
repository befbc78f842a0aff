/**
 * "ARRS Claim Lines": one row per person per month in post, month by month as claims are made.
 * A plain table under one frozen header row, with no totals or gaps inside it, so Excel's filter and
 * sort work on it (the summary sheet holds the totals).
 */
import { OWNED_SHEETS } from "../common/owned";
import type { CheckResult, MonthClaim, StaffResult } from "../engine/types";
import { blank, integer, money, month, text, wte } from "./cells";
import type { OutputCell, OwnedSheet } from "./types";
import { claimLineNote } from "./words";

export const CLAIM_LINE_HEADERS = [
  "Month",
  "Roster row",
  "Name",
  "Role",
  "WTE",
  "Salary",
  "Employer NI",
  "Employer pension",
  "Total cost",
  "Maximum for the month",
  "Claimable",
  "Note",
] as const;

export const CLAIM_LINE_WIDTHS = [11, 11, 26, 30, 8, 13, 13, 16, 13, 22, 13, 60];

/**
 * The most claim lines the sheet holds. No PCN has more than a few hundred ARRS staff (a few thousand
 * lines a year); a roster far longer than that would make a sheet of hundreds of thousands of rows,
 * slow to write and to open, so above this the sheet holds a note saying how to get them all instead.
 */
export const CLAIM_LINES_SHEET_LIMIT = 50_000;

/** What the sheet says when the lines are too many for it. */
export function tooManyClaimLinesNote(count: number): string {
  return `${count.toLocaleString("en-GB")} claim lines are too many for a sheet here: run "arrs check --claim-lines FILE.csv" to get them all as a CSV file, or use =ARRS.MONTHLY.`;
}

/** Every claim line in order, month first, then roster order: a claim is made for a month, for everyone in post that month. */
export function* claimLines(result: CheckResult): Generator<{ person: StaffResult; claim: MonthClaim }> {
  const staff = [...result.staff].sort((a, b) => a.rowNumber - b.rowNumber);
  for (let monthIndex = 0; monthIndex < result.financialYear.months.length; monthIndex++) {
    for (const person of staff) {
      // A hand-made result may have fewer months than the year; they have no lines.
      if (monthIndex < person.months.length && person.months.daysInPost(monthIndex) > 0) yield { person, claim: person.months.claim(monthIndex) };
    }
  }
}

/** How many claim lines a result has: one per person per month in post. */
export function countClaimLines(result: CheckResult): number {
  let count = 0;
  for (const person of result.staff) for (let i = 0; i < person.months.length; i++) if (person.months.daysInPost(i) > 0) count += 1;
  return count;
}

export function buildClaimLinesSheet(result: CheckResult, options: { limit?: number } = {}): OwnedSheet {
  const count = countClaimLines(result);
  if (count > (options.limit ?? CLAIM_LINES_SHEET_LIMIT)) {
    return { name: OWNED_SHEETS.claimLines, rows: [[text(tooManyClaimLinesNote(count), "subtitle")]], columnWidths: [CLAIM_LINE_WIDTHS[0]] };
  }
  const lines: OutputCell[][] = [];
  for (const { person, claim } of claimLines(result)) lines.push(claimLine(person, claim));
  return {
    name: OWNED_SHEETS.claimLines,
    rows: [CLAIM_LINE_HEADERS.map((h) => text(h, "header")), ...lines],
    columnWidths: CLAIM_LINE_WIDTHS,
    freezeRows: 1,
    autoFilter: { top: 1, left: 1, bottom: lines.length + 1, right: CLAIM_LINE_HEADERS.length },
  };
}

function claimLine(person: StaffResult, claim: MonthClaim): OutputCell[] {
  const parts = costParts(person, claim.cost);
  return [
    month(claim.month),
    integer(person.rowNumber),
    person.name === null ? blank() : text(person.name),
    text(person.roleName ?? person.roleText ?? ""),
    wte(claim.wte),
    money(parts?.salary ?? null),
    money(parts?.employerNi ?? null),
    money(parts?.employerPension ?? null),
    money(claim.cost),
    money(claim.maximumForMonth),
    money(claim.claimable),
    text(claimLineNote(claim, person.onCostsEstimated)),
  ];
}

/**
 * The month's cost split in the proportions of the person's annual salary, NI and pension, so the
 * three parts always add up to the month's total cost the engine used (even where an estimated NI
 * rate changed during the year). Null when the parts are not known.
 */
export function costParts(person: Pick<StaffResult, "salary" | "employerNi" | "employerPension">, monthCost: number): { salary: number; employerNi: number; employerPension: number } | null {
  const { salary, employerNi, employerPension } = person;
  if (salary === null || employerNi === null || employerPension === null) return null;
  const annual = salary + employerNi + employerPension;
  if (!(annual > 0)) return { salary: 0, employerNi: 0, employerPension: 0 };
  const share = monthCost / annual;
  return { salary: salary * share, employerNi: employerNi * share, employerPension: employerPension * share };
}
