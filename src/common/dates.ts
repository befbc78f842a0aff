/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in whole days, with no time zones and no clock.
 * Shared by every layer; imports nothing.
 */

export type IsoDate = string;

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const match = ISO_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isoFromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function partsOf(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Days since 1970-01-01 for a date, so that differences are whole days. */
export function dayNumber(date: IsoDate): number {
  const { year, month, day } = partsOf(date);
  return Math.round(Date.UTC(year, month - 1, day) / 86400000);
}

export function fromDayNumber(days: number): IsoDate {
  const d = new Date(days * 86400000);
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

export function addYears(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = partsOf(date);
  return isoFromParts(year + years, month, Math.min(day, daysInMonth(year + years, month)));
}

export function lastDayOfMonth(date: IsoDate): IsoDate {
  const { year, month } = partsOf(date);
  return isoFromParts(year, month, daysInMonth(year, month));
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** Excel's 1900 date system: serial 1 is 1900-01-01, and Excel counts a 29 Feb 1900 that never was. */
const EXCEL_EPOCH_DAY = dayNumber("1899-12-30");

export function isoFromExcelSerial(serial: number): IsoDate {
  return fromDayNumber(EXCEL_EPOCH_DAY + Math.floor(serial));
}

export function excelSerialFromIso(date: IsoDate): number {
  return dayNumber(date) - EXCEL_EPOCH_DAY;
}

/**
 * A serial number (days, with the time as a fraction) as a Date, as ExcelJS 4.4 turns it into one
 * (exceljs/lib/utils/utils.js excelToDate), operation for operation so the rounding is the same:
 * UTC, whole milliseconds. Both file doors (the .xlsx adapter and Excel's own) use it, so they give
 * the same Date. Serial 25569 is 1970-01-01; the 1904 system counts 1462 days later. Like ExcelJS,
 * no allowance for Excel's phantom 29 February 1900, so serials below 61 come out a day later than
 * Excel shows them.
 */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** A date as a practice manager writes it: 01/04/2025. */
export function formatUkDate(date: IsoDate): string {
  const { year, month, day } = partsOf(date);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Apr 2025" for the month containing a date. */
export function formatMonth(date: IsoDate): string {
  const { year, month } = partsOf(date);
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

export interface FinancialYear {
  /** "2025/26" */
  label: string;
  startYear: number;
  /** 1 April */
  start: IsoDate;
  /** 31 March of the next year */
  end: IsoDate;
  /** The 1st of each month, April first. */
  months: IsoDate[];
}

export function financialYearStarting(startYear: number): FinancialYear {
  const months: IsoDate[] = [];
  for (let i = 0; i < 12; i++) {
    const month = ((3 + i) % 12) + 1;
    months.push(isoFromParts(month >= 4 ? startYear : startYear + 1, month, 1));
  }
  return {
    label: `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`,
    startYear,
    start: isoFromParts(startYear, 4, 1),
    end: isoFromParts(startYear + 1, 3, 31),
    months,
  };
}

/** The financial year containing a date. */
export function financialYearOf(date: IsoDate): FinancialYear {
  const { year, month } = partsOf(date);
  return financialYearStarting(month >= 4 ? year : year - 1);
}

/**
 * Reads "2025/26", "2025-26", "2025/2026", "25/26", "25-26" or "2025" (the year it starts).
 * Returns null for anything else, including a second year that does not follow the first.
 */
export function parseFinancialYear(text: string): FinancialYear | null {
  const trimmed = text.trim().replace(/^fy\s*/i, "");
  let match = /^(\d{2}|\d{4})\s*[/\-–]\s*(\d{2}|\d{4})$/.exec(trimmed);
  if (match) {
    const first = expandYear(match[1]);
    const second = expandYear(match[2]);
    if (second !== first + 1) return null;
    return financialYearStarting(first);
  }
  match = /^(\d{4})$/.exec(trimmed);
  if (match) return financialYearStarting(Number(match[1]));
  return null;
}

function expandYear(text: string): number {
  const value = Number(text);
  return text.length === 2 ? 2000 + value : value;
}

/**
 * The financial year a name gives, such as "Roster 2025-26", "ARRS staff 23-24" or "2025/2026":
 * two years in a row separated by a dash, slash, underscore or space. Null when it gives none.
 */
export function financialYearInText(text: string): FinancialYear | null {
  for (const match of text.matchAll(/(?<!\d)(\d{2}|\d{4})\s*[-/–_ ]\s*(\d{2}|\d{4})(?!\d)/g)) {
    const year = parseFinancialYear(`${match[1]}/${match[2]}`);
    if (year) return year;
  }
  return null;
}
