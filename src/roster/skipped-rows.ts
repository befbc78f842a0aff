/**
 * Rows below the header that are not people: blank rows, totals rows, the header repeated (as when
 * a roster is pasted together from several lists) and one-cell headings or notes ("Practice B",
 * "Leavers"). Each is listed in skippedRows with its reason, so no row vanishes unexplained.
 */
import { cellText, isBlankCell, quoteValue } from "./cells";
import { normaliseHeader, type HeaderField } from "./columns";
import { readsAsHeaderRow, type AssignedColumn } from "./header-row";

/** Cells that mark a totals row, which is not a person. */
const TOTAL_WORDS = new Set(["total", "totals", "grand total", "sub total", "subtotal", "sum", "overall total",
  "total cost", "total wte", "total costs"]);

/** Fields whose cell holds data about the person's post (not merely who they are). */
const DATA_FIELDS: ReadonlySet<HeaderField> = new Set<HeaderField>(["role", "band", "wte", "hoursPerWeek",
  "sessionsPerWeek", "start", "end", "annualSalary", "fullTimeSalary", "employerNi", "employerPension", "cctDate",
  "employedInLast12Months", "mhpAgreement"]);

/** Most cell texts normalised on one read and remembered; past this, texts are normalised each time. */
const NORMALISED_CELLS_KEPT = 20_000;

/** What the skip rules need to know about the table, worked out once per read. */
export interface TableLayout {
  columns: AssignedColumn[];
  /** Grid indexes of the user's columns (not the tool's own). */
  userIndexes: number[];
  /** Columns where a totals row says "Total". */
  labelIndexes: number[];
  /** Each column's header as normaliseHeader gives it, in the order of `columns`. */
  headers: string[];
  /** normaliseHeader for a cell's text: a roster repeats the same texts (dates as text, job titles) down its rows. */
  normalise: (text: string) => string;
}

/**
 * A totals row says "Total" where a person's name, ID or role would be (or in the table's first
 * column). Other columns are not looked at: a comment such as "Total cost £48,735" beside a real
 * person must not hide that person.
 */
function totalsLabelIndexes(columns: AssignedColumn[], userIndexes: number[]): number[] {
  const labelFields: HeaderField[] = ["name", "staffId", "role", "firstName", "lastName"];
  return [...new Set([
    ...columns.filter((c) => labelFields.includes(c.field)).map((c) => c.index),
    // The first user column (Infinity, which no cell has, when there is none).
    userIndexes.reduce((min, i) => Math.min(min, i), Infinity),
  ])];
}

/** normaliseHeader, remembering the texts it has seen, up to NORMALISED_CELLS_KEPT of them. */
function rememberingNormaliser(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let normalised = seen.get(text);
    if (normalised === undefined) {
      normalised = normaliseHeader(text);
      if (seen.size < NORMALISED_CELLS_KEPT) seen.set(text, normalised);
    }
    return normalised;
  };
}

export function tableLayout(columns: AssignedColumn[], userIndexes: number[]): TableLayout {
  return {
    columns,
    userIndexes,
    labelIndexes: totalsLabelIndexes(columns, userIndexes),
    headers: columns.map((c) => normaliseHeader(c.header)),
    normalise: rememberingNormaliser(),
  };
}

function isTotalsRow(row: unknown[], labelIndexes: number[]): boolean {
  return labelIndexes.some((index) => {
    const text = cellText(row[index]);
    if (!text || text.length > 20) return false;
    // Every total word has "total" or "sum" in it, and the clean-up below only turns other characters into spaces.
    const lower = text.toLowerCase();
    if (!lower.includes("total") && !lower.includes("sum")) return false;
    return TOTAL_WORDS.has(lower.replace(/[^a-z ]+/g, " ").replace(/\s+/g, " ").trim());
  });
}

function isRepeatedHeader(row: unknown[], { columns, headers, normalise }: TableLayout): boolean {
  let same = 0;
  columns.forEach((column, i) => {
    const cell = row[column.index];
    if (typeof cell === "string" && headers[i] !== "" && normalise(cell) === headers[i]) same += 1;
  });
  if (same >= 2 || (same === 1 && columns.length === 1)) return true;
  // One cell equal to its header may be chance; a row that reads as a header row on its own is not.
  return same === 1 && readsAsHeaderRow(row);
}

/** How many of the user's cells on a row have something in them, and the first that does (-1 if none). */
function filledCells(row: unknown[], userIndexes: number[]): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (const i of userIndexes) {
    if (isBlankCell(row[i])) continue;
    if (count === 0) first = i;
    count += 1;
  }
  return { count, first };
}

/**
 * Why a row below the header is not a person, or null when it is one. The checks run in this order,
 * and the first that fits gives the reason.
 */
export function skipReason(row: unknown[], table: TableLayout): string | null {
  const filled = filledCells(row, table.userIndexes);
  if (filled.count === 0) return "blank row";
  if (isTotalsRow(row, table.labelIndexes)) return "totals row";
  if (isRepeatedHeader(row, table)) return "repeated header row";
  // A lone text in a column that holds no data about a post (a name column, say) is a heading or a note.
  if (filled.count === 1 && typeof row[filled.first] === "string"
    && !table.columns.some((c) => c.index === filled.first && DATA_FIELDS.has(c.field))) {
    return `only one cell filled (${quoteValue(row[filled.first])}): read as a heading or note, not a person`;
  }
  return null;
}
