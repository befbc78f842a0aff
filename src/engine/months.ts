/**
 * Days in post in each month of a financial year. A claim is pro rata by days in post in the month
 * (docs/rules.md): start and end dates both count as days in post.
 */
import { dayNumber, daysInMonth, partsOf, type FinancialYear, type IsoDate } from "../common/dates";

/** One month of the year as day numbers: its first and last day, and how many days it has. */
export interface MonthSpan { month: IsoDate; first: number; last: number; days: number }

export function monthSpans(year: FinancialYear): MonthSpan[] {
  return year.months.map((month) => {
    const { year: y, month: m } = partsOf(month);
    const days = daysInMonth(y, m);
    const first = dayNumber(month);
    return { month, first, last: first + days - 1, days };
  });
}

/** Days in post in a month for a post held from day number `from` to `to` (both count; Infinity: still in post). */
export function daysInPostIn(span: MonthSpan, from: number, to: number): number {
  return Math.max(0, Math.min(to, span.last) - Math.max(from, span.first) + 1);
}
