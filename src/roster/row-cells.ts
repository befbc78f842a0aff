/**
 * Reading one typed value from a roster row's cell. A cell that cannot be used becomes a finding on
 * the row (with the fix, in the user's terms) and reads as blank; nothing throws. Whether a blank
 * value matters is left to the engine, which knows what each role needs.
 */
import type { Finding, FindingCode, Severity } from "../rules/types";
import { parseDate, parseMoney, quoteValue, type Parsed } from "./cells";
import type { HeaderField } from "./columns";
import { rosterFieldOf, type AssignedColumn } from "./header-row";
import { ROSTER_SOURCES } from "./sources";

/** An annual salary below this is an hourly rate, a monthly figure or a placeholder, not a salary. */
export const LOWEST_PLAUSIBLE_SALARY = 1000;

/** A monthly salary or fee above this (£240,000 a year) is an annual figure in a monthly column. */
export const HIGHEST_PLAUSIBLE_MONTHLY = 20000;

/** One row being read: its cells, where each field is, and the findings made on it so far. */
export interface RowCells {
  row: unknown[];
  rowNumber: number;
  columns: Map<HeaderField, AssignedColumn>;
  findings: Finding[];
}

export interface CellProblem {
  code: FindingCode;
  severity: Severity;
  column: AssignedColumn;
  message: string;
  source: string;
  /** The cell's value as read, quoted in the finding's details. */
  value: unknown;
}

/** Records a finding on the row's cell in `column`. */
export function cellFinding(cells: RowCells, { code, severity, column, message, source, value }: CellProblem): void {
  cells.findings.push({
    code,
    severity,
    message,
    rowNumber: cells.rowNumber,
    column: column.header,
    field: rosterFieldOf(column.field),
    source,
    details: { value: quoteValue(value).slice(1, -1) },
  });
}

const DATE_FIX = "Enter it as DD/MM/YYYY, for example 01/04/2025, or as a date cell.";
const END_DATE_FIX = `${DATE_FIX} Leave it blank, or write "ongoing", if the person is still in post.`;
const AMOUNT_FIX = "Enter the annual amount in pounds, for example 24,000 or £24,000.00.";
const MONTHLY_AMOUNT_FIX = "Enter the monthly amount in pounds, for example 2,000 or £2,000.00; if the column holds annual amounts, take \"monthly\" out of its header.";

/**
 * The date in a field's cell, as an ISO date, or null. An end date may be open ("ongoing", "n/a"):
 * the person is still in post.
 */
export function readDate(cells: RowCells, field: HeaderField, { openEnded = false } = {}): string | null {
  const column = cells.columns.get(field);
  if (!column) return null;
  const value = cells.row[column.index];
  const parsed = parseDate(value, { openEnded });
  if (!parsed) return null;
  if (parsed.ok) return parsed.value;
  cellFinding(cells, {
    code: "INVALID_DATE",
    severity: "error",
    column,
    message: `${column.header}: ${parsed.problem}. ${openEnded ? END_DATE_FIX : DATE_FIX}`,
    source: ROSTER_SOURCES.date,
    value,
  });
  return null;
}

/** A salary too small to be annual is a problem; a small on-cost (employer NI, pension) is not. */
function checkPlausibleSalary(parsed: Parsed<number>, value: unknown): Parsed<number> {
  if (parsed.ok && parsed.value < LOWEST_PLAUSIBLE_SALARY) {
    return {
      ok: false,
      problem: `${quoteValue(value)} is less than £${LOWEST_PLAUSIBLE_SALARY.toLocaleString("en-GB")} a year; `
        + "it looks like an hourly rate, a monthly amount or a placeholder",
    };
  }
  return parsed;
}

/** A monthly salary or fee: twelve of it must be a plausible salary, and one not a year's. */
function checkPlausibleMonthly(parsed: Parsed<number>, value: unknown): Parsed<number> {
  if (parsed.ok && parsed.value * 12 < LOWEST_PLAUSIBLE_SALARY) {
    return { ok: false, problem: `${quoteValue(value)} a month is less than £${LOWEST_PLAUSIBLE_SALARY.toLocaleString("en-GB")} a year; it looks like an hourly rate or a placeholder` };
  }
  if (parsed.ok && parsed.value > HIGHEST_PLAUSIBLE_MONTHLY) {
    return { ok: false, problem: `${quoteValue(value)} is more than £${HIGHEST_PLAUSIBLE_MONTHLY.toLocaleString("en-GB")} a month; it looks like an annual amount` };
  }
  return parsed;
}

/**
 * The amount in pounds in a field's cell, or null: as written, or × 12 for a monthly column
 * (`monthly`), so that what comes back is always a year's. `salary` holds it to a plausible salary
 * (or supplier's fee).
 */
export function readMoney(cells: RowCells, field: HeaderField, { salary, monthly = false }: { salary: boolean; monthly?: boolean }): number | null {
  const column = cells.columns.get(field);
  if (!column) return null;
  const value = cells.row[column.index];
  let parsed = parseMoney(value);
  if (!parsed) return null;
  if (salary) parsed = monthly ? checkPlausibleMonthly(parsed, value) : checkPlausibleSalary(parsed, value);
  if (parsed.ok) return monthly ? parsed.value * 12 : parsed.value;
  cellFinding(cells, {
    code: "INVALID_AMOUNT",
    severity: "error",
    column,
    message: `${column.header}: ${parsed.problem}. ${monthly ? MONTHLY_AMOUNT_FIX : AMOUNT_FIX}`,
    source: ROSTER_SOURCES.amount,
    value,
  });
  return null;
}
