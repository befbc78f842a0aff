/**
 * `--month`: the month of a monthly claim, as a practice manager writes it: 2026-11, 11/2026,
 * "Nov 2026" or "November 2026". It is the 1st of the month; whether it lies in the year checked is
 * known only once the year is (runCheck).
 */
import { isoFromParts, type FinancialYear, type IsoDate } from "../common/dates";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** The 1st of the month the text names, or null when it names none. */
export function parseClaimMonth(text: string): IsoDate | null {
  const compact = text.trim().toLowerCase().replace(/\s+/g, " ");
  let year: number;
  let month: number;
  let match: RegExpMatchArray | null;
  if ((match = compact.match(/^(\d{4})-(\d{1,2})$/))) [year, month] = [Number(match[1]), Number(match[2])];
  else if ((match = compact.match(/^(\d{1,2})\/(\d{4})$/))) [year, month] = [Number(match[2]), Number(match[1])];
  else if ((match = compact.match(/^([a-z]+)\.? (\d{4})$/))) {
    const name = match[1];
    // "Nov", "November", "Sept": a month's name or the start of it, at least three letters.
    const index = name.length >= 3 ? MONTHS.findIndex((m) => name.startsWith(m) && fullName(m).startsWith(name)) : -1;
    if (index < 0) return null;
    [year, month] = [Number(match[2]), index + 1];
  } else return null;
  if (month < 1 || month > 12 || year < 2000 || year > 2100) return null;
  return isoFromParts(year, month, 1);
}

const FULL_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function fullName(short: string): string {
  return FULL_NAMES[MONTHS.indexOf(short)];
}

/** The month's file beside the checked copy: roster.arrs.xlsx (or .xlsm) → roster.claim-2026-11.csv. */
export function monthClaimPath(output: string, month: IsoDate): string {
  const base = output.replace(/\.(?:xlsx|xlsm|xltx|xltm)$/i, "").replace(/\.arrs$/i, "");
  return `${base}.claim-${month.slice(0, 7)}.csv`;
}

/** Whether a month lies in the year checked. */
export function inYear(month: IsoDate, year: FinancialYear): boolean {
  return year.months.includes(month);
}
