/**
 * What the reader did not use, said rather than passed over: the user's columns it did not read (a
 * header it does not recognise, one it leaves unread on purpose, a second column for the same field),
 * and, on each row, a value the claim needs whose column was not found, which is not a blank cell and
 * is not reported as one. Also the note that monthly columns were read × 12.
 */
import { columnLetter } from "../common/grid";
import type { Finding } from "../rules/types";
import { cellText, isBlankCell, quoteValue } from "./cells";
import { isMonthlyField, matchHeader, rosterFieldOf, type HeaderField } from "./columns";
import type { AssignedColumn } from "./header-row";
import { ROSTER_SOURCES } from "./sources";
import type { RosterRow, UnusedColumn } from "./types";

/** A column the reader did not recognise at all. */
export const NOT_RECOGNISED = "header not recognised";

export interface TableColumns {
  sheet: string;
  rows: unknown[][];
  headerIndex: number;
  /** Grid indexes of the user's own columns (not the tool's). */
  userIndexes: number[];
  columns: AssignedColumn[];
  firstColumn: number;
}

/** Why a header names nothing the reader used. */
function unusedReason(header: string, columns: AssignedColumn[]): string {
  const match = matchHeader(header);
  if (match.kind === "ignored") return `left unread on purpose: ${match.why}`;
  if (match.kind !== "field") return NOT_RECOGNISED;
  const field = rosterFieldOf(match.field);
  const used = columns.find((c) => rosterFieldOf(c.field) === field);
  return used ? `"${used.header}" is read for the same thing` : NOT_RECOGNISED;
}

function hasData(rows: unknown[][], headerIndex: number, index: number): boolean {
  for (let i = headerIndex + 1; i < rows.length; i++) if (!isBlankCell(rows[i][index])) return true;
  return false;
}

/** The user's columns the reader did not use, left to right, each with why. */
export function unusedColumnsOf({ sheet, rows, headerIndex, userIndexes, columns, firstColumn }: TableColumns): UnusedColumn[] {
  const used = new Set(columns.map((c) => c.index));
  const headerRow = rows[headerIndex] ?? [];
  const unused: UnusedColumn[] = [];
  for (const index of userIndexes) {
    if (used.has(index)) continue;
    const header = cellText(headerRow[index]) ?? "";
    if (header === "" && !hasData(rows, headerIndex, index)) continue;
    unused.push({
      sheet,
      column: columnLetter(firstColumn + index),
      header: header.slice(0, 100),
      reason: header === "" ? "no header" : unusedReason(header, columns),
    });
  }
  return unused;
}

/** The note that monthly columns were read × 12, or none. */
export function monthlyNotes(columns: AssignedColumn[], firstColumn: number): string[] {
  const monthly = columns.filter((c) => isMonthlyField(c.field));
  if (monthly.length === 0) return [];
  const named = monthly.map((c) => `"${c.header}" (column ${columnLetter(firstColumn + c.index)})`).join(", ");
  return [`Monthly amounts were read × 12 as a year's: ${named}.`];
}

/** Values a claim needs, the columns that can give each, and how the finding names it. */
const NEEDED: readonly { field: "annualSalary" | "wte" | "start"; from: HeaderField[]; words: string; heading: string; missing: (row: RosterRow) => boolean }[] = [
  {
    field: "wte", from: ["wte", "hoursPerWeek", "sessionsPerWeek"], words: "WTE, hours or sessions", heading: "\"WTE\" or \"Hours per week\"",
    missing: (row) => row.wte === null,
  },
  { field: "start", from: ["start"], words: "start date", heading: "\"Start date\"", missing: (row) => row.start === null },
  {
    field: "annualSalary", from: ["annualSalary", "monthlySalary", "fullTimeSalary"], words: "salary", heading: "\"Annual salary\"",
    // Staff engaged through a supplier have a fee in place of a salary.
    missing: (row) => row.annualSalary === null && (row.supplierFee ?? null) === null,
  },
];

/**
 * On each row missing a value the claim needs because no column for it was recognised while some
 * column was not, a finding that says so, naming the columns not recognised and the ARRS Settings
 * row that maps one. The engine then makes no "is blank" finding of its own for it. (With every
 * column recognised, the engine's own finding stands.)
 */
export function addMissingColumnFindings(
  rows: RosterRow[], options: { sheet: string; headerRowNumber: number; columns: AssignedColumn[]; unused: UnusedColumn[] },
): void {
  const present = new Set(options.columns.map((c) => c.field));
  const notRecognised = options.unused.filter((u) => u.reason === NOT_RECOGNISED || u.reason === "no header");
  if (notRecognised.length === 0) return;
  for (const needed of NEEDED) {
    if (needed.from.some((field) => present.has(field))) continue;
    const message = missingColumnMessage(needed, options.sheet, options.headerRowNumber, notRecognised);
    for (const row of rows) {
      if (!needed.missing(row)) continue;
      row.findings.push({
        code: "MISSING_VALUE",
        severity: "error",
        field: needed.field,
        rowNumber: row.rowNumber,
        message,
        source: ROSTER_SOURCES.sheet,
      } satisfies Finding);
    }
  }
}

function missingColumnMessage(needed: (typeof NEEDED)[number], sheet: string, headerRowNumber: number, notRecognised: UnusedColumn[]): string {
  const start = `No ${needed.words} column was recognised in the header row (row ${headerRowNumber}) of sheet "${sheet}", so the ${needed.words} could not be read (it is not blank).`;
  const setting = `"Column: ${needed.field}" row of the ARRS Settings sheet`;
  const listed = notRecognised.slice(0, 6).map((u) => (u.header ? `${quoteValue(u.header)} (${u.column})` : `column ${u.column}`)).join(", ");
  const more = notRecognised.length > 6 ? ` and ${notRecognised.length - 6} more` : "";
  return `${start} Columns not recognised: ${listed}${more}. If one of them holds it, write its header or letter in the ${setting}; else head it ${needed.heading}.`;
}
