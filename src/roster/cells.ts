/**
 * Cell parsers for roster and settings sheets. Each takes whatever an adapter put in a cell (text,
 * number, boolean, Date, or something odd) and returns:
 *   - null when the cell is blank (the engine, not the reader, decides whether a blank matters);
 *   - { ok: true, value } when the cell can be used;
 *   - { ok: false, problem } when it cannot, with a problem written for a practice manager that quotes
 *     the cell, so the caller can add what to do and turn it into a finding.
 * None of them throws, whatever the input: a roster is user data and may hold anything.
 */
import { daysInMonth, isoFromExcelSerial, isoFromParts, type IsoDate } from "../common/dates";
import type { PreviousEmployment } from "./types";

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

/** Quotes are cut to this many characters so a pasted essay does not swamp a message. */
export const QUOTE_LIMIT = 40;

/**
 * Text a cell shows, or null when it is blank. Numbers keep their digits ("12345", not "12,345");
 * dates become ISO; objects an adapter failed to flatten (rich text, formula results) are read for
 * their text rather than shown as "[object Object]".
 */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    const text = (value.includes("\u00a0") ? value.replace(/\u00a0/g, " ") : value).trim();
    return text === "" ? null : text;
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) {
    // A date outside the plausible years (or an invalid one) is still something in the cell: never
    // blank, or a row holding only that would vanish without a word.
    const parsed = parseDate(value);
    if (parsed && parsed.ok) return parsed.value;
    return Number.isNaN(value.getTime()) ? "invalid date" : value.toISOString().slice(0, 10);
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.text === "string") return cellText(record.text);
    if ("result" in record) return cellText(record.result);
    if (Array.isArray(record.richText)) {
      return cellText(record.richText.map((part) => (part && typeof part.text === "string" ? part.text : "")).join(""));
    }
  }
  return null;
}

/** True for an empty cell, or one holding only spaces. */
export function isBlankCell(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") {
    // Called for every cell of a roster, so without making new strings: a printable first character
    // settles it, and trim() drops the same spaces (no-break ones too) as cellText does.
    const first = value.charCodeAt(0);
    if (first > 32 && first < 127) return false;
    return value.trim() === "";
  }
  if (typeof value === "number") return !Number.isFinite(value);
  return cellText(value) === null;
}

/** `"31/02/2025"`, with long or multi-line text folded and cut, for quoting in a message. */
export function quoteValue(value: unknown, limit: number = QUOTE_LIMIT): string {
  let text: string;
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? "an invalid date" : value.toISOString().slice(0, 10);
  else if (typeof value === "string") text = value;
  else if (value === null || value === undefined) text = "";
  else if (typeof value === "number" || typeof value === "boolean") text = String(value);
  else text = cellText(value) ?? "an unreadable value";
  text = text.replace(/\s+/g, " ").trim();
  if (text.length > limit) text = `${text.slice(0, limit - 1)}…`;
  return `"${text}"`;
}

/**
 * A dash on its own is how many people write "nothing here" in a table. A number formatted as
 * accounting zero reaches us as 0, not as "-", so a text dash is a placeholder and counts as blank.
 */
const DASHES = new Set(["-", "--", "–", "—", "−"]);

function textOf(value: unknown): string | null {
  const text = cellText(value);
  if (text === null || DASHES.has(text)) return null;
  return text;
}

// ---------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------

/** Dates before or after these years are typing slips (or not dates at all), not real employment. */
export const EARLIEST_YEAR = 1950;
export const LATEST_YEAR = 2100;
const EARLIEST_SERIAL = 18264; // 1950-01-01
const LATEST_SERIAL = 73415; // 2100-12-31

/** Words that, in an end-date column, mean the person has no end date (still in post). */
export const NO_END_WORDS: readonly string[] = [
  "ongoing", "on going", "permanent", "perm", "current", "currently", "present", "n a", "na", "none", "nil",
  "tbc", "tba", "tbd", "open", "open ended", "no end", "no end date", "not applicable", "indefinite",
  "continuing", "still in post", "in post", "not known", "unknown", "no",
];

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];

/**
 * Two-digit years: 00–49 are 2000–2049 and 50–99 are 1950–1999, matching the plausible range
 * (Excel's own pivot, 29/30, would turn "1/4/35" into 1935 and then reject it).
 */
function expandYear(text: string): number {
  const year = Number(text);
  if (text.length !== 2) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

function checkedDate(day: number, month: number, year: number, quoted: () => string): Parsed<IsoDate> {
  if (month < 1 || month > 12) {
    const hint = day >= 1 && day <= 12 && month <= 31
      ? " It looks like month-first (US) order; dates are read day first"
      : "";
    return bad(`${quoted()} is not a date: there is no month ${month}.${hint}`.trim());
  }
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
    return bad(`${quoted()} has the year ${year}, which is not a plausible date for this roster`);
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    const leap = month === 2 && day === 29 ? ` (${year} is not a leap year)` : "";
    return bad(`${quoted()} is not a real date: ${MONTH_NAMES[month - 1]} ${year} has no day ${day}${leap}`);
  }
  return ok(isoFromParts(year, month, day));
}

function fromSerial(serial: number, quoted: () => string): Parsed<IsoDate> {
  const whole = Math.floor(serial);
  if (whole >= EARLIEST_SERIAL && whole <= LATEST_SERIAL) return ok(isoFromExcelSerial(whole));
  if (Number.isInteger(serial) && serial >= EARLIEST_YEAR && serial <= LATEST_YEAR) {
    return bad(`${quoted()} looks like a year on its own, not a date`);
  }
  return bad(`${quoted()} is a number, not a date`);
}

const DAY_MS = 86400000;

/**
 * Reads a date cell in UK order. Date objects are read in UTC (ExcelJS gives dates as UTC midnight);
 * one within an hour of midnight is snapped to the nearest midnight, so an adapter that produced local
 * (BST) midnight or a rounding error does not move the date by a day. Numbers are Excel 1900-system
 * serials. With `openEnded`, words such as "ongoing" or "tbc" mean "no end date" and read as blank.
 */
export function parseDate(value: unknown, options: { openEnded?: boolean } = {}): Parsed<IsoDate> | null {
  try {
    return parseDateUnsafe(value, options);
  } catch {
    return bad(`${quoteValue(value)} could not be read as a date`);
  }
}

function parseDateUnsafe(value: unknown, options: { openEnded?: boolean }): Parsed<IsoDate> | null {
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) return bad("The cell holds an invalid date");
    const nearest = Math.round(time / DAY_MS) * DAY_MS;
    const day = new Date(Math.abs(time - nearest) <= 3600000 ? nearest : time);
    return checkedDate(day.getUTCDate(), day.getUTCMonth() + 1, day.getUTCFullYear(), () => quoteValue(day));
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return bad(`${quoteValue(value)} is not a date`);
    return fromSerial(value, () => quoteValue(value));
  }
  if (typeof value === "boolean") return bad(`${quoteValue(value ? "TRUE" : "FALSE")} is not a date`);
  const raw = textOf(value);
  if (raw === null) return null;
  const quoted = () => quoteValue(raw);

  let text = raw.toLowerCase().replace(/\s+/g, " ");
  if (options.openEnded) {
    const words = text.replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim();
    if (NO_END_WORDS.includes(words)) return null;
  }
  // Drop a time of day ("01/04/2025 00:00:00", "2025-04-01T00:00:00Z") and a leading weekday.
  text = text
    .replace(/(?:t|\s)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:am|pm|z|[+-]\d{2}:?\d{2})?$/, "")
    .replace(/^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+/, "")
    .replace(/\s*([/.-])\s*/g, "$1")
    .trim();

  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (match) return checkedDate(Number(match[1]), Number(match[2]), expandYear(match[3]), quoted);
  match = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(text);
  if (match) return checkedDate(Number(match[3]), Number(match[2]), Number(match[1]), quoted);

  match = /^(\d{1,2})(?:st|nd|rd|th)?[\s./-]*([a-z]+)\.?[\s.,/-]*(\d{2}|\d{4})$/.exec(text);
  if (match) {
    const month = MONTHS[match[2]];
    if (!month) return bad(`${quoted()} is not a date: "${match[2]}" is not a month`);
    return checkedDate(Number(match[1]), month, expandYear(match[3]), quoted);
  }
  match = /^([a-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})$/.exec(text);
  if (match && MONTHS[match[1]]) {
    return bad(`${quoted()} puts the month first; dates are read in UK order, day first`);
  }
  match = /^([a-z]+)\.?[\s/-]*(\d{2}|\d{4})$/.exec(text);
  if (match && MONTHS[match[1]]) return bad(`${quoted()} gives a month but no day`);

  if (/^\d+(?:\.\d+)?$/.test(text)) return fromSerial(Number(text), quoted);
  return bad(`${quoted()} is not a date`);
}

// ---------------------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------------------

/**
 * Reads an amount in pounds: a number, or text such as "£24,000.00", "24,000", " £ 24,000 ", "24k",
 * "£24,000 p.a.". Thousands separators must be in the right places ("24,00" is refused: it may be a
 * continental decimal comma). Negative amounts, including accounting brackets "(1,000)", are problems:
 * a cost is never negative. Zero is returned as zero; whether it is usable is the caller's call.
 */
export function parseMoney(value: unknown): Parsed<number> | null {
  try {
    return parseMoneyUnsafe(value);
  } catch {
    return bad(`${quoteValue(value)} could not be read as an amount`);
  }
}

function parseMoneyUnsafe(value: unknown): Parsed<number> | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return bad(`${quoteValue(value)} is not an amount`);
    if (value < 0) return bad(`${quoteValue(value)} is negative`);
    return ok(value === 0 ? 0 : value);
  }
  if (typeof value === "boolean") return bad(`${quoteValue(value ? "TRUE" : "FALSE")} is not an amount`);
  if (value instanceof Date) return bad(`${quoteValue(value)} is a date, not an amount`);
  const raw = textOf(value);
  if (raw === null) return null;
  const quoted = () => quoteValue(raw);

  let text = raw.toLowerCase().replace(/\s+/g, " ").trim();
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) {
    negative = true;
    text = bracketed[1];
  }
  text = text
    .replace(/\b(?:p\.?\s?a\.?|per annum|per year|a year|annual(?:ly)?)$|\/\s*(?:yr|year|annum)$/, "")
    .replace(/£|\bgbp\b/g, "")
    .replace(/\s+/g, "")
    .replace(/\.$/, "");
  if (/^[-−]/.test(text) || /[-−]$/.test(text)) {
    negative = true;
    text = text.replace(/^[-−]|[-−]$/g, "");
  }
  let multiplier = 1;
  if (/k$/.test(text)) {
    multiplier = 1000;
    text = text.slice(0, -1);
  }
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/.test(text)) return bad(`${quoted()} is not an amount`);
  const amount = Number(text.replace(/,/g, "")) * multiplier;
  if (!Number.isFinite(amount)) return bad(`${quoted()} is not an amount`);
  if (negative && amount !== 0) return bad(`${quoted()} is negative`);
  return ok(amount);
}

// ---------------------------------------------------------------------------------------------------
// WTE, hours and sessions
// ---------------------------------------------------------------------------------------------------

export type QuantityUnit = "wte" | "hours" | "sessions";

const UNIT_SUFFIX: Record<QuantityUnit, RegExp> = {
  wte: /\s*(?:wte|fte)$/,
  hours: /\s*(?:hours?|hrs?|h)?\.?\s*(?:(?:per|\/|a|p)\s*(?:week|wk|w)|pw)?\.?$/,
  sessions: /\s*(?:sessions?|sess)?\.?\s*(?:(?:per|\/|a|p)\s*(?:week|wk|w)|pw)?\.?$/,
};
const HOURS_WORD = /\d\s*(?:hours?|hrs?|h)\b/;

/**
 * Reads a WTE, hours-per-week or sessions-per-week cell: a number or numeric text, with an optional
 * unit ("30 hrs", "30 hours per week", "6 sessions", "0.8 WTE"). For WTE a percentage reads as a
 * fraction ("80%" = 0.8). For hours, "37:30" is 37.5. The range is not checked here: what counts as
 * too much depends on the unit and is the caller's to judge.
 */
export function parseQuantity(value: unknown, unit: QuantityUnit = "wte"): Parsed<number> | null {
  try {
    return parseQuantityUnsafe(value, unit);
  } catch {
    return bad(`${quoteValue(value)} could not be read as a number`);
  }
}

function parseQuantityUnsafe(value: unknown, unit: QuantityUnit): Parsed<number> | null {
  if (typeof value === "number") {
    return Number.isFinite(value) ? ok(value) : bad(`${quoteValue(value)} is not a number`);
  }
  if (typeof value === "boolean") return bad(`${quoteValue(value ? "TRUE" : "FALSE")} is not a number`);
  if (value instanceof Date) return bad(`${quoteValue(value)} is a date, not a number`);
  const raw = textOf(value);
  if (raw === null) return null;
  const quoted = () => quoteValue(raw);
  let text = raw.toLowerCase().replace(/\s+/g, " ").trim();

  const percent = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/.exec(text);
  if (percent) {
    if (unit !== "wte") return bad(`${quoted()} is a percentage, not a number of ${unit}`);
    return ok(Number(percent[1]) / 100);
  }
  if (unit === "wte" && HOURS_WORD.test(text)) {
    return bad(`${quoted()} looks like hours per week, not WTE`);
  }
  if (unit === "hours") {
    const clock = /^(\d{1,2}):([0-5]\d)$/.exec(text);
    if (clock) return ok(Number(clock[1]) + Number(clock[2]) / 60);
  }
  text = text.replace(UNIT_SUFFIX[unit], "").trim();
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) {
    const comma = /^\d+,\d+$/.test(text) ? " (use a decimal point, not a comma)" : "";
    return bad(`${quoted()} is not a number${comma}`);
  }
  const number = Number(text);
  return Number.isFinite(number) ? ok(number) : bad(`${quoted()} is not a usable number`);
}

// ---------------------------------------------------------------------------------------------------
// Yes / no / promoted
// ---------------------------------------------------------------------------------------------------

/**
 * "Employed by the PCN or a member practice in the last 12 months?" The 2025/26 nurse and HCSW rule
 * has an exception for someone recruited to a more senior or specialist role, so besides yes and no
 * the answer may be "promoted". A leading "no"/"not" wins ("not promoted" is no), then any mention of
 * promotion or a more senior/specialist role, then yes.
 */
export function parseYesNo(value: unknown): Parsed<PreviousEmployment> | null {
  if (typeof value === "boolean") return ok(value ? "yes" : "no");
  if (typeof value === "number") {
    if (value === 1) return ok("yes");
    if (value === 0) return ok("no");
    return bad(`${quoteValue(value)} is not yes or no`);
  }
  if (value instanceof Date) return bad(`${quoteValue(value)} is a date, not yes or no`);
  const raw = textOf(value);
  if (raw === null) return null;
  const text = raw.toLowerCase().replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim();
  if (/^(?:no|n|false|0|not)\b/.test(text)) return ok("no");
  if (/\b(?:promot\w*|more senior|senior role|specialist role|more specialist)\b/.test(text)) return ok("promoted");
  if (/^(?:yes|y|true|1)\b/.test(text)) return ok("yes");
  return bad(`${quoteValue(raw)} is not yes, no or promoted`);
}

/** A mental health practitioner's funding: "yes"/"100%"/"Table 3b" is a written agreement, "no"/"50%"/"Table 3a" is not. */
export function parseMhpAgreement(value: unknown): Parsed<"yes" | "no"> | null {
  if (typeof value === "boolean") return ok(value ? "yes" : "no");
  if (typeof value === "number") {
    // A percentage cell holds 1 for 100% and 0.5 for 50%.
    if (value === 1 || value === 100) return ok("yes");
    if (value === 0.5 || value === 50 || value === 0) return ok("no");
    return bad(`${quoteValue(value)} is not 50% or 100%`);
  }
  const raw = textOf(value);
  if (raw === null) return null;
  const text = raw.toLowerCase().replace(/\s+/g, " ").trim();
  if (/^(?:no|n|false|none|not)\b/.test(text) || /^50 ?%?$/.test(text) || /\b3a\b/.test(text)) return ok("no");
  if (/^(?:yes|y|true|agreed|in place)\b/.test(text) || /^100 ?%?$/.test(text) || /\b3b\b/.test(text)) return ok("yes");
  return bad(`${quoteValue(raw)} is not yes, no, 50% or 100%`);
}
