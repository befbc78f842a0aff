/**
 * Claim lines as CSV: every line for `arrs check --claim-lines FILE.csv`, and one month's claim with
 * its header for `--month`; the same columns and order as the "ARRS Claim Lines" sheet, with no limit
 * on their number. UTF-8 with a byte-order mark (so Excel
 * reads "£" and accented names right), CRLF line ends (RFC 4180), UK dates, money to the penny
 * without "£" or commas (so it stays a number), and text always quoted. Text that a spreadsheet app
 * would run as a formula (starting =, +, -, @, tab or carriage return) gets a leading apostrophe.
 */
import { formatUkDate, type IsoDate } from "../common/dates";
import { formatWte, toPence } from "../common/money";
import type { CheckResult } from "../engine/types";
import { claimHeaderRows, longMonth, missingClaimHeaderNote } from "./claim-header";
import { CLAIM_LINE_COLUMNS, CLAIM_LINE_HEADERS, claimLines, HOURS_NOTE, type ClaimLine, type ClaimLineColumn } from "./claim-lines-sheet";

const CSV_BYTE_ORDER_MARK = "\uFEFF";
const LINE_END = "\r\n";

/** A text field: quoted, quotes doubled, and defused if a spreadsheet app would read it as a formula. */
export function csvText(value: string | null): string {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Pounds to the penny (half a penny up), as a plain number: 1234.5 → "1234.50"; blank when unknown. */
export function csvMoney(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "";
  const pence = toPence(value);
  return (pence === 0 ? 0 : pence).toFixed(2);
}

function csvLine(line: ClaimLine): string {
  return CLAIM_LINE_COLUMNS.map((column) => csvField(column, line)).join(",") + LINE_END;
}

/** A column's value as a CSV field, formatted by its kind. */
function csvField(column: ClaimLineColumn, line: ClaimLine): string {
  switch (column.kind) {
    case "month": return formatUkDate(column.value(line));
    case "date": {
      const value = column.value(line);
      return value === null ? "" : formatUkDate(value);
    }
    case "integer": return String(column.value(line));
    case "text": return csvText(column.value(line));
    case "wte": {
      const value = column.value(line);
      return Number.isFinite(value) ? formatWte(value) : "";
    }
    case "money": return csvMoney(column.value(line));
  }
}

const HEADER_LINE = CLAIM_LINE_HEADERS.map(csvText).join(",") + LINE_END;

/**
 * The CSV file in pieces of `chunkLines` lines (the first starts with the byte-order mark and the
 * header), made as they are asked for, so a very long file is never held whole in memory. The year's
 * file (--claim-lines) is the table alone, for filters and scripts.
 */
export function* claimLinesCsvChunks(result: CheckResult, chunkLines = 10_000): Generator<string> {
  yield* linesInChunks(CSV_BYTE_ORDER_MARK + HEADER_LINE, claimLines(result), chunkLines);
}

function* linesInChunks(first: string, lines: Iterable<ClaimLine>, chunkLines: number): Generator<string> {
  let chunk: string[] = [first];
  for (const line of lines) {
    chunk.push(csvLine(line));
    if (chunk.length >= chunkLines) {
      yield chunk.join("");
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join("");
}

/** The whole CSV file as one string (tests, small results). */
export function claimLinesCsv(result: CheckResult): string {
  return [...claimLinesCsvChunks(result)].join("");
}

/**
 * One month's claim as CSV, for the monthly submission (`arrs check --month 2026-11`): the claim
 * header (the month, PCN name, ODS code, ICB, lead or paying practice, and what is not given yet) as
 * label and value lines, a blank line, then the month's lines under the same header row and columns
 * as the year's file.
 */
export function monthClaimCsv(result: CheckResult, monthStart: IsoDate): string {
  const rows = claimHeaderRows(result.settings, longMonth(monthStart));
  const missing = missingClaimHeaderNote(result.settings);
  const head = [
    ...rows.map(({ label, value }) => `${csvText(label)},${csvText(value)}`),
    ...(missing ? [csvText(missing)] : []),
    csvText(HOURS_NOTE),
    "",
  ].join(LINE_END) + LINE_END;
  return [...linesInChunks(CSV_BYTE_ORDER_MARK + head + HEADER_LINE, claimLines(result, { month: monthStart }), Infinity)].join("");
}

/**
 * Whether a file's text is a month's claim as this tool writes it (its first line, and the claim
 * lines' header row), so a later run may replace it. A file saved again by a spreadsheet app, or any
 * other file, is not.
 */
export function isMonthClaimCsv(text: string): boolean {
  return text.startsWith(`${CSV_BYTE_ORDER_MARK}${csvText("Claim period")},`) && text.includes(`${LINE_END}${HEADER_LINE}`);
}

/**
 * Whether a file's text is the year's claim lines as this tool writes them (--claim-lines): it starts
 * with the byte-order mark and the header row, so a later run may replace it.
 */
export function isClaimLinesCsv(text: string): boolean {
  return text.startsWith(`${CSV_BYTE_ORDER_MARK}${HEADER_LINE}`);
}
