/**
 * Days in post in each month of a financial year. A claim is pro rata by days in post in the month
 * (ARRS reference, section 5): start and end dates both count as days in post.
 */
import { dayNumber, daysInMonth, lastDayOfMonth, maxDate, minDate, partsOf, type FinancialYear, type IsoDate } from "../common/dates";

export interface MonthInPost {
  /** The 1st of the month. */
  month: IsoDate;
  daysInPost: number;
  daysInMonth: number;
}

/** One entry per month of the year, April first; `end` null means still in post. */
export function monthsInPost(year: FinancialYear, start: IsoDate, end: IsoDate | null): MonthInPost[] {
  return year.months.map((first) => {
    const { year: y, month: m } = partsOf(first);
    const last = lastDayOfMonth(first);
    const from = maxDate(start, first);
    const to = end === null ? last : minDate(end, last);
    const days = from <= to ? dayNumber(to) - dayNumber(from) + 1 : 0;
    return { month: first, daysInPost: days, daysInMonth: daysInMonth(y, m) };
  });
}
