/**
 * "ARRS Claim Lines": the claim as the national portal asks for it (../shared/arrs-reference.md
 * §8.8). A header block (the claim period, the PCN's name and ODS code, its ICB, the lead or paying
 * practice, and which of them are not given yet), then one line per person per month with something
 * claimable, month by month as claims are made: practice, staff ID, name, role, band, hours and WTE,
 * dates, the month's pay, employer NI, employer pension or supplier's fee, total cost, the maximums and
 * the claim, to the penny, and the codes of the findings that affect the line. The table has no totals
 * or gaps inside it, so Excel's filter and sort work on it (the summary sheet holds the totals).
 */
import type { IsoDate } from "../common/dates";
import { toPence } from "../common/money";
import { OWNED_SHEETS } from "../common/owned";
import type { CheckResult, MonthClaim, StaffResult } from "../engine/types";
import { blank, date, integer, money, month, text, wte } from "./cells";
import { claimHeaderRows, missingClaimHeaderNote, yearClaimPeriod, type SettingsWithClaimHeader } from "./claim-header";
import { lineFindings } from "./claim-line-findings";
import type { OutputCell, OwnedSheet } from "./types";
import { claimLineNote } from "./words";

/** A month's cost in its parts (costParts). */
export interface CostParts {
  salary: number;
  employerNi: number;
  employerPension: number;
}

/**
 * A line's money in pounds to the penny, adding up to `total`. An employed person's line has pay,
 * employer NI and pension and no supplier's fee (null); a supplier's line has the fee alone. Parts
 * are null when not known.
 */
export interface LineMoney {
  salary: number | null;
  employerNi: number | null;
  employerPension: number | null;
  supplierFee: number | null;
  total: number;
}

/** One claim line: a person's month with something claimable, its money to the penny, and the codes that affect it. */
export interface ClaimLine {
  person: StaffResult;
  claim: MonthClaim;
  money: LineMoney;
  findings: string[];
}

/** Hours a week at 1.0 WTE (Agenda for Change); a GP's 1.0 WTE is 9 sessions. */
export const HOURS_AT_FULL_TIME = 37.5;
export const GP_SESSIONS_AT_FULL_TIME = 9;

/** Pounds to the penny, as a claim is made. */
const penny = (amount: number): number => toPence(amount);
const orNull = (amount: number | null): number | null => (amount === null ? null : penny(amount));

type ColumnValue<T> = (line: ClaimLine) => T;

/**
 * One claim-line column, for both doors: the sheet and the CSV file each turn `kind` into their own
 * cell or field format. Text, dates and money may be null (blank).
 */
export type ClaimLineColumn = { header: string; width: number } & (
  | { kind: "month"; value: ColumnValue<IsoDate> }
  | { kind: "date"; value: ColumnValue<IsoDate | null> }
  | { kind: "integer"; value: ColumnValue<number> }
  | { kind: "text"; value: ColumnValue<string | null> }
  | { kind: "wte"; value: ColumnValue<number> }
  | { kind: "money"; value: ColumnValue<number | null> }
);

/** The claim lines' columns, left to right: the sheet's and the CSV file's, in the portal's order. */
export const CLAIM_LINE_COLUMNS: readonly ClaimLineColumn[] = [
  // The first column is wide enough for the header block's labels above the table.
  { header: "Month", width: 23, kind: "month", value: ({ claim }) => claim.month },
  { header: "Practice", width: 22, kind: "text", value: ({ person }) => person.practice ?? null },
  { header: "Staff ID", width: 10, kind: "text", value: ({ person }) => person.staffId },
  { header: "Name", width: 24, kind: "text", value: ({ person }) => person.name },
  { header: "Role", width: 28, kind: "text", value: ({ person }) => person.roleName ?? person.roleText ?? "" },
  { header: "AfC band", width: 9, kind: "text", value: ({ person }) => person.band ?? null },
  { header: "Hours a week", width: 8, kind: "wte", value: ({ claim }) => claim.wte * HOURS_AT_FULL_TIME },
  { header: "WTE", width: 7, kind: "wte", value: ({ claim }) => claim.wte },
  { header: "Start date", width: 11, kind: "date", value: ({ person }) => person.start },
  { header: "End date", width: 11, kind: "date", value: ({ person }) => person.end },
  { header: "Monthly salary", width: 12, kind: "money", value: ({ money }) => money.salary },
  { header: "Employer NI", width: 11, kind: "money", value: ({ money }) => money.employerNi },
  { header: "Employer pension", width: 11, kind: "money", value: ({ money }) => money.employerPension },
  { header: "Supplier fee", width: 11, kind: "money", value: ({ money }) => money.supplierFee },
  { header: "Total cost", width: 12, kind: "money", value: ({ money }) => money.total },
  { header: "Maximum a month at 1.0 WTE", width: 13, kind: "money", value: ({ claim }) => (claim.maximumAnnual === null ? null : penny(claim.maximumAnnual / 12)) },
  { header: "Limit for the month", width: 12, kind: "money", value: ({ claim }) => orNull(claim.maximumForMonth) },
  { header: "Claimable", width: 12, kind: "money", value: ({ claim }) => penny(claim.claimable) },
  { header: "Findings", width: 24, kind: "text", value: ({ findings }) => (findings.length ? findings.join(", ") : null) },
  { header: "Note", width: 50, kind: "text", value: ({ person, claim }) => lineNote(person, claim) || null },
  { header: "Roster row", width: 8, kind: "integer", value: ({ person }) => person.rowNumber },
];

export const CLAIM_LINE_HEADERS: readonly string[] = CLAIM_LINE_COLUMNS.map((c) => c.header);

export const CLAIM_LINE_WIDTHS: number[] = CLAIM_LINE_COLUMNS.map((c) => c.width);

/** What the hours column means, said once above the table. */
export const HOURS_NOTE = `Hours a week are WTE × ${HOURS_AT_FULL_TIME}; a GP's sessions a week (WTE × ${GP_SESSIONS_AT_FULL_TIME}) are in the Note. Money is in pounds and pence.`;

/** The note on a line: why the claim is below cost, a part month, and a GP's sessions. */
function lineNote(person: StaffResult, claim: MonthClaim): string {
  const note = claimLineNote(claim, person.onCostsEstimated);
  if (person.role !== "general-practitioner") return note;
  const sessions = `${Math.round(claim.wte * GP_SESSIONS_AT_FULL_TIME * 100) / 100} GP sessions a week`;
  return note ? `${sessions}; ${note}` : sessions;
}

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

export interface ClaimLinesChoice {
  /** Only this month's lines (the 1st of a month of the year), for a monthly submission. */
  month?: IsoDate;
}

/**
 * Every claim line in order, month first, then roster order: a claim is made for a month, for everyone
 * with something claimable that month. A month in post with nothing claimable is not a line.
 */
export function* claimLines(result: CheckResult, choice: ClaimLinesChoice = {}): Generator<ClaimLine> {
  const staff = inRosterOrder(result.staff);
  const codesFor = lineFindings(staff, result.settings.region);
  for (let monthIndex = 0; monthIndex < result.financialYear.months.length; monthIndex++) {
    if (choice.month !== undefined && result.financialYear.months[monthIndex] !== choice.month) continue;
    for (const person of staff) {
      // A hand-made result may have fewer months than the year; they have no lines.
      const claim = person.months[monthIndex];
      if (claim && isLine(claim)) yield { person, claim, money: lineMoney(person, claim), findings: codesFor(person, monthIndex) };
    }
  }
}

/** Roster order: sheet by sheet as the rows were read (their first row), then row by row. */
/** Sheet by sheet, in the order the sheets were read, then row by row within each sheet. */
function inRosterOrder(staff: readonly StaffResult[]): StaffResult[] {
  const sheetOrder = new Map<string, number>();
  for (const person of staff) if (!sheetOrder.has(person.sheet ?? "")) sheetOrder.set(person.sheet ?? "", sheetOrder.size);
  const sheetOf = (person: StaffResult) => sheetOrder.get(person.sheet ?? "")!;
  return [...staff].sort((a, b) => sheetOf(a) - sheetOf(b) || a.rowNumber - b.rowNumber);
}

/** A line is a month with at least a penny claimable. */
function isLine(claim: MonthClaim): boolean {
  return claim.daysInPost > 0 && penny(claim.claimable) > 0;
}

/** How many claim lines a result has (of one month, if chosen). */
export function countClaimLines(result: CheckResult, choice: ClaimLinesChoice = {}): number {
  const index = choice.month === undefined ? -1 : result.financialYear.months.indexOf(choice.month);
  let count = 0;
  for (const person of result.staff) {
    person.months.forEach((claim, i) => {
      if ((index < 0 || i === index) && isLine(claim)) count++;
    });
  }
  return count;
}

export interface ClaimLinesSheetOptions {
  limit?: number;
  /** How this door says where to find lines too many for the sheet, after their number (see tooManyClaimLinesNote). */
  tooManyClaimLines?: string;
}

/**
 * The header block above the table: label and value rows, then a note of what is not given yet (or,
 * with everything given, what the hours mean). Labels in the first column, values in the second.
 */
export function claimHeaderBlock(settings: SettingsWithClaimHeader, period: string): OutputCell[][] {
  const rows = claimHeaderRows(settings, period).map(({ label, value }) => [text(label, "header"), value === null ? blank() : text(value)]);
  const missing = missingClaimHeaderNote(settings);
  return [...rows, ...(missing ? [[text(missing, "warning")]] : []), [text(HOURS_NOTE, "note")], []];
}

export function buildClaimLinesSheet(result: CheckResult, options: ClaimLinesSheetOptions = {}): OwnedSheet {
  const block = claimHeaderBlock(result.settings, yearClaimPeriod(result.financialYear));
  const count = countClaimLines(result);
  if (count > (options.limit ?? CLAIM_LINES_SHEET_LIMIT)) {
    return { name: OWNED_SHEETS.claimLines, rows: [...block, [text(tooManyClaimLinesNote(count, options.tooManyClaimLines), "subtitle")]], columnWidths: CLAIM_LINE_WIDTHS };
  }
  const lines: OutputCell[][] = [];
  for (const line of claimLines(result)) lines.push(CLAIM_LINE_COLUMNS.map((column) => claimLineCell(column, line)));
  const headerRow = block.length + 1;
  return {
    name: OWNED_SHEETS.claimLines,
    rows: [...block, CLAIM_LINE_HEADERS.map((h) => text(h, "header")), ...lines],
    columnWidths: CLAIM_LINE_WIDTHS,
    freezeRows: headerRow,
    autoFilter: { top: headerRow, left: 1, bottom: headerRow + lines.length, right: CLAIM_LINE_HEADERS.length },
  };
}

/** A column's value as a sheet cell: formatted by its kind, and blank for missing text or dates. */
export function claimLineCell(column: ClaimLineColumn, line: ClaimLine): OutputCell {
  switch (column.kind) {
    case "month": return month(column.value(line));
    case "date": return date(column.value(line));
    case "integer": return integer(column.value(line));
    case "text": {
      const value = column.value(line);
      return value === null ? blank() : text(value);
    }
    case "wte": return wte(column.value(line));
    case "money": return money(column.value(line));
  }
}

/** Whole pence, so the parts and their total add up exactly. */
const pence = (amount: number): number => Math.round(penny(amount) * 100);

/**
 * A line's money to the penny. The engine's own parts of the month's cost (MonthClaim.parts) where it
 * gives them; otherwise the month's cost split in the person's proportions (costParts), the pay
 * taking whatever penny the rounding of NI and pension leaves, so the parts add up to the total.
 * A supplier's line (the row has a supplier's fee) shows the fee alone.
 */
export function lineMoney(person: StaffResult, claim: MonthClaim): LineMoney {
  const supplier = person.supplierFee !== null && person.supplierFee !== undefined;
  const parts = claim.parts;
  if (parts) {
    const employed = [parts.salary, parts.employerNi, parts.employerPension].map(pence);
    const fee = pence(parts.supplierFee);
    if (supplier || (fee !== 0 && employed.every((p) => p === 0))) return { salary: null, employerNi: null, employerPension: null, supplierFee: fee / 100, total: (fee + employed[0] + employed[1] + employed[2]) / 100 };
    const total = employed[0] + employed[1] + employed[2] + fee;
    return { salary: employed[0] / 100, employerNi: employed[1] / 100, employerPension: employed[2] / 100, supplierFee: fee === 0 ? null : fee / 100, total: total / 100 };
  }
  const total = pence(claim.cost);
  if (supplier) return { salary: null, employerNi: null, employerPension: null, supplierFee: total / 100, total: total / 100 };
  const split = costParts(person, claim.cost);
  if (split === null) return { salary: null, employerNi: null, employerPension: null, supplierFee: null, total: total / 100 };
  const ni = pence(split.employerNi);
  const pension = pence(split.employerPension);
  return { salary: (total - ni - pension) / 100, employerNi: ni / 100, employerPension: pension / 100, supplierFee: null, total: total / 100 };
}

/**
 * The month's cost split in the proportions of the person's annual salary, NI and pension, so the
 * three parts always add up to the month's total cost the engine used (even where an estimated NI
 * rate changed during the year). Null when the parts are not known. Used only where the engine gives
 * no parts of its own (MonthClaim.parts).
 */
export function costParts(person: Pick<StaffResult, "salary" | "employerNi" | "employerPension">, monthCost: number): CostParts | null {
  const { salary, employerNi, employerPension } = person;
  if (salary === null || employerNi === null || employerPension === null) return null;
  const annual = salary + employerNi + employerPension;
  if (!(annual > 0)) return { salary: 0, employerNi: 0, employerPension: 0 };
  const share = monthCost / annual;
  return { salary: salary * share, employerNi: employerNi * share, employerPension: employerPension * share };
}
