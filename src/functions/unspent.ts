/**
 * =ARRS.UNSPENT(entitlement, claims, [asOf], [financialYear]): for an analyst's own model of a PCN's
 * year, what has been claimed to date, what the rest of the year brings at this rate, and what of the
 * ARRS sum would be left unspent at 31 March (docs/forecast.md, docs/functions.md).
 *
 * `claims` is the year's twelve monthly claims, April first, in one row or one column. Months up to
 * and including the as-of month are to date; a later month counts as given, or, left blank, at the
 * rate of the last month to date ("at this rate"). Returns one row: to date, rest of year, unspent.
 * See arrs.ts for the conventions.
 */
import { financialYearOf, type FinancialYear, type IsoDate } from "../common/dates";
import { monthsToDateOf } from "../engine/forecast";
import { toPenceCount } from "../engine/pence";
import { dateReader, isBlank, isCellError, numberReader, valueError, yearReader, type Cell, type CellError } from "./arguments";
import type { FunctionContext } from "./lookups";

/** The cells of a range (or a single value), row by row. */
function cellsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value.flatMap((row) => (Array.isArray(row) ? row : [row])) : [value];
}

/** A range that is one cell, or a single value: its value; else a #VALUE! naming the argument. */
function single(name: string, value: unknown): unknown {
  const cells = cellsOf(value);
  return cells.length === 1 ? cells[0] : valueError(`${name} must be one cell, not a range of ${cells.length}.`);
}

/** The twelve months' claims in whole pence, null where blank; or a #VALUE! saying what is wrong. */
function monthsOf(claims: unknown): (number | null)[] | CellError {
  const rows = Array.isArray(claims) ? claims.length : 1;
  const columns = Array.isArray(claims) && Array.isArray(claims[0]) ? claims[0].length : 1;
  const cells = cellsOf(claims);
  if (cells.length !== 12 || (rows > 1 && columns > 1)) {
    return valueError(`claims must be the year's twelve monthly claims, April first, in one row or one column (not ${rows} × ${columns}).`);
  }
  const read = numberReader("claims", "money", Number.NaN);
  const months: (number | null)[] = [];
  for (const cell of cells) {
    if (isBlank(cell)) { months.push(null); continue; }
    const amount = read(cell);
    if (isCellError(amount)) return amount;
    months.push(Number.isNaN(amount) ? null : toPenceCount(amount));
  }
  return months;
}

export function unspent(context: FunctionContext, entitlement: unknown, claims: unknown, asOf?: unknown, financialYear?: unknown): Cell<number>[][] | CellError {
  const sumCell = single("entitlement", entitlement);
  if (isCellError(sumCell)) return sumCell;
  const sum = numberReader("entitlement", "money", valueError("entitlement is blank: give the PCN's ARRS sum for the year (=ARRS.ENTITLEMENT gives it)."))(sumCell);
  if (isCellError(sum)) return sum;
  const asOfCell = single("asOf", asOf ?? null);
  if (isCellError(asOfCell)) return asOfCell;
  const date = dateReader("asOf", { blank: context.today })(asOfCell);
  if (isCellError(date)) return date;
  const yearCell = single("financialYear", financialYear ?? null);
  if (isCellError(yearCell)) return yearCell;
  const year = yearReader("financialYear", financialYearOf(date as IsoDate))(yearCell);
  if (isCellError(year)) return year;
  const months = monthsOf(claims);
  if (isCellError(months)) return months;

  const monthsToDate = monthsToDateOf((year as FinancialYear).months, date as IsoDate);
  const toDate = months.slice(0, monthsToDate).reduce<number>((total, pence) => total + (pence ?? 0), 0);
  // At this rate: a later month left blank is claimed as the last month to date was.
  const rate = monthsToDate > 0 ? months[monthsToDate - 1] ?? 0 : 0;
  const rest = months.slice(monthsToDate).reduce<number>((total, pence) => total + (pence ?? rate), 0);
  return [[toDate / 100, rest / 100, sum - (toDate + rest) / 100]];
}
