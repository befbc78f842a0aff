/**
 * Every claim line as CSV, for `arrs check --claim-lines FILE.csv`: the same columns and order as the
 * "ARRS Claim Lines" sheet, with no limit on their number. UTF-8 with a byte-order mark (so Excel
 * reads "£" and accented names right), CRLF line ends (RFC 4180), UK dates, money to the penny
 * without "£" or commas (so it stays a number), and text always quoted. Text that a spreadsheet app
 * would run as a formula (starting =, +, -, @, tab or carriage return) gets a leading apostrophe.
 */
import { formatUkDate } from "../common/dates";
import { formatWte, toPence } from "../common/money";
import type { CheckResult, MonthClaim, StaffResult } from "../engine/types";
import { CLAIM_LINE_COLUMNS, CLAIM_LINE_HEADERS, claimLines, costParts, type ClaimLineColumn, type CostParts } from "./claim-lines-sheet";

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

function csvLine(person: StaffResult, claim: MonthClaim): string {
  const parts = costParts(person, claim.cost);
  return CLAIM_LINE_COLUMNS.map((column) => csvField(column, person, claim, parts)).join(",") + LINE_END;
}

/** A column's value as a CSV field, formatted by its kind. */
function csvField(column: ClaimLineColumn, person: StaffResult, claim: MonthClaim, parts: CostParts | null): string {
  switch (column.kind) {
    case "month": return formatUkDate(column.value(person, claim, parts));
    case "integer": return String(column.value(person, claim, parts));
    case "text": return csvText(column.value(person, claim, parts));
    case "wte": {
      const value = column.value(person, claim, parts);
      return Number.isFinite(value) ? formatWte(value) : "";
    }
    case "money": return csvMoney(column.value(person, claim, parts));
  }
}

/**
 * The CSV file in pieces of `chunkLines` lines (the first starts with the byte-order mark and the
 * header), made as they are asked for, so a very long file is never held whole in memory.
 */
export function* claimLinesCsvChunks(result: CheckResult, chunkLines = 10_000): Generator<string> {
  let lines: string[] = [CSV_BYTE_ORDER_MARK + CLAIM_LINE_HEADERS.map(csvText).join(",") + LINE_END];
  for (const { person, claim } of claimLines(result)) {
    lines.push(csvLine(person, claim));
    if (lines.length >= chunkLines) {
      yield lines.join("");
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join("");
}

/** The whole CSV file as one string (tests, small results). */
export function claimLinesCsv(result: CheckResult): string {
  return [...claimLinesCsvChunks(result)].join("");
}
