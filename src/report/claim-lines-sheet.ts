/**
 * "ARRS Claim Lines": one row per person per month in post, month by month as claims are made.
 * A plain table under one frozen header row, with no totals or gaps inside it, so Excel's filter and
 * sort work on it (the summary sheet holds the totals).
 */
import type { IsoDate } from "../common/dates";
import { OWNED_SHEETS } from "../common/owned";
import type { CheckResult, MonthClaim, StaffResult } from "../engine/types";
import { blank, integer, money, month, text, wte } from "./cells";
import type { OutputCell, OwnedSheet } from "./types";
import { claimLineNote } from "./words";

/** A month's cost in its parts (costParts). */
export interface CostParts {
  salary: number;
  employerNi: number;
  employerPension: number;
}

/** A column's value on one line; `parts` is costParts for the line, worked out once per line. */
type ColumnValue<T> = (person: StaffResult, claim: MonthClaim, parts: CostParts | null) => T;

/**
 * One claim-line column, for both doors: the sheet and the CSV file each turn `kind` into their own
 * cell or field format. Text may be null (blank).
 */
export type ClaimLineColumn = { header: string; width: number } & (
  | { kind: "month"; value: ColumnValue<IsoDate> }
  | { kind: "integer"; value: ColumnValue<number> }
  | { kind: "text"; value: ColumnValue<string | null> }
  | { kind: "wte"; value: ColumnValue<number> }
  | { kind: "money"; value: ColumnValue<number | null> }
);

/** The claim lines' columns, left to right: the sheet's and the CSV file's. */
export const CLAIM_LINE_COLUMNS: readonly ClaimLineColumn[] = [
  { header: "Month", width: 11, kind: "month", value: (_, claim) => claim.month },
  { header: "Roster row", width: 11, kind: "integer", value: (person) => person.rowNumber },
  { header: "Name", width: 26, kind: "text", value: (person) => person.name },
  { header: "Role", width: 30, kind: "text", value: (person) => person.roleName ?? person.roleText ?? "" },
  { header: "WTE", width: 8, kind: "wte", value: (_, claim) => claim.wte },
  { header: "Salary", width: 13, kind: "money", value: (_, __, parts) => parts?.salary ?? null },
  { header: "Employer NI", width: 13, kind: "money", value: (_, __, parts) => parts?.employerNi ?? null },
  { header: "Employer pension", width: 16, kind: "money", value: (_, __, parts) => parts?.employerPension ?? null },
  { header: "Total cost", width: 13, kind: "money", value: (_, claim) => claim.cost },
  { header: "Maximum for the month", width: 22, kind: "money", value: (_, claim) => claim.maximumForMonth },
  { header: "Claimable", width: 13, kind: "money", value: (_, claim) => claim.claimable },
  { header: "Note", width: 60, kind: "text", value: (person, claim) => claimLineNote(claim, person.onCostsEstimated) },
];

export const CLAIM_LINE_HEADERS: readonly string[] = CLAIM_LINE_COLUMNS.map((c) => c.header);

export const CLAIM_LINE_WIDTHS: number[] = CLAIM_LINE_COLUMNS.map((c) => c.width);

/**
 * The most claim lines the sheet holds. No PCN has more than a few hundred ARRS staff (a few thousand
 * lines a year); a roster far longer than that would make a sheet of hundreds of thousands of rows,
 * slow to write and to open, so above this the sheet holds a note saying how to get them all instead.
 */
export const CLAIM_LINES_SHEET_LIMIT = 50_000;

/**
 * How the command line says where to find claim lines too many for the sheet, after their number.
 * Each door says it in its own terms (`tooManyClaimLines`): inside Excel there is no command line.
 */
export const TOO_MANY_CLAIM_LINES_ON_THE_COMMAND_LINE = 'claim lines are too many for a sheet here: run "arrs check --claim-lines FILE.csv" to get them all as a CSV file, or use =ARRS.MONTHLY.';

/** What the sheet says when the lines are too many for it, in the door's words (the command line's by default). */
export function tooManyClaimLinesNote(count: number, tooManyClaimLines = TOO_MANY_CLAIM_LINES_ON_THE_COMMAND_LINE): string {
  return `${count.toLocaleString("en-GB")} ${tooManyClaimLines}`;
}

/** Every claim line in order, month first, then roster order: a claim is made for a month, for everyone in post that month. */
export function* claimLines(result: CheckResult): Generator<{ person: StaffResult; claim: MonthClaim }> {
  const staff = [...result.staff].sort((a, b) => a.rowNumber - b.rowNumber);
  for (let monthIndex = 0; monthIndex < result.financialYear.months.length; monthIndex++) {
    for (const person of staff) {
      // A hand-made result may have fewer months than the year; they have no lines.
      const claim = person.months[monthIndex];
      if (claim && claim.daysInPost > 0) yield { person, claim };
    }
  }
}

/** How many claim lines a result has: one per person per month in post. */
export function countClaimLines(result: CheckResult): number {
  let count = 0;
  for (const person of result.staff) count += person.months.filter((m) => m.daysInPost > 0).length;
  return count;
}

export interface ClaimLinesSheetOptions {
  limit?: number;
  /** How this door says where to find lines too many for the sheet, after their number (see tooManyClaimLinesNote). */
  tooManyClaimLines?: string;
}

export function buildClaimLinesSheet(result: CheckResult, options: ClaimLinesSheetOptions = {}): OwnedSheet {
  const count = countClaimLines(result);
  if (count > (options.limit ?? CLAIM_LINES_SHEET_LIMIT)) {
    return { name: OWNED_SHEETS.claimLines, rows: [[text(tooManyClaimLinesNote(count, options.tooManyClaimLines), "subtitle")]], columnWidths: [CLAIM_LINE_WIDTHS[0]] };
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
  return CLAIM_LINE_COLUMNS.map((column) => claimLineCell(column, person, claim, parts));
}

/** A column's value as a sheet cell: formatted by its kind, and blank for missing text. */
function claimLineCell(column: ClaimLineColumn, person: StaffResult, claim: MonthClaim, parts: CostParts | null): OutputCell {
  switch (column.kind) {
    case "month": return month(column.value(person, claim, parts));
    case "integer": return integer(column.value(person, claim, parts));
    case "text": {
      const value = column.value(person, claim, parts);
      return value === null ? blank() : text(value);
    }
    case "wte": return wte(column.value(person, claim, parts));
    case "money": return money(column.value(person, claim, parts));
  }
}

/**
 * The month's cost split in the proportions of the person's annual salary, NI and pension, so the
 * three parts always add up to the month's total cost the engine used (even where an estimated NI
 * rate changed during the year). Null when the parts are not known.
 */
export function costParts(person: Pick<StaffResult, "salary" | "employerNi" | "employerPension">, monthCost: number): CostParts | null {
  const { salary, employerNi, employerPension } = person;
  if (salary === null || employerNi === null || employerPension === null) return null;
  const annual = salary + employerNi + employerPension;
  if (!(annual > 0)) return { salary: 0, employerNi: 0, employerPension: 0 };
  const share = monthCost / annual;
  return { salary: salary * share, employerNi: employerNi * share, employerPension: employerPension * share };
}
