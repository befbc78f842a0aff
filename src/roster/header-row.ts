/**
 * Finding a roster's header row. Rosters often have title rows, notes or totals above the staff
 * list, so the reader looks down the first HEADER_SEARCH_ROWS rows for the row whose cells name the
 * most roster fields (columns.ts says which header names which field). A header the user's mapping
 * names (by its text) holds the field the user gave it, whatever columns.ts would have made of it.
 */
import type { Grid } from "../common/grid";
import { ANNUAL_FIELD_OF, matchHeader, normaliseHeader, rosterFieldOf, type HeaderField, type HeaderMatch, type MonthlyField } from "./columns";
import type { ColumnMapping, RosterField } from "./types";

/** The header row is looked for in this many rows from the top of the used range. */
export const HEADER_SEARCH_ROWS = 30;

/** Priority of a column the user's mapping named by its header text: above any match columns.ts makes. */
export const MAPPED_PRIORITY = 3;
const EXACT_PRIORITY = 2;
const PATTERN_PRIORITY = 1;

/** A column of the roster and the field it holds. */
export interface AssignedColumn {
  field: HeaderField;
  /** Grid index (0-based from grid.firstColumn). */
  index: number;
  header: string;
  /** 3 = the user's mapping named this header (or column), 2 = exact alias, 1 = pattern. */
  priority: number;
}

/** What one row would give as a header row. */
export interface HeaderRowCandidate {
  /** Index into grid.values. */
  rowIndex: number;
  rowNumber: number;
  columns: AssignedColumn[];
  /** Grid index of the tool's own first column on this row, or null. */
  ownedIndex: number | null;
  /** Distinct roster fields recognised (first name + surname count once, as name). */
  score: number;
  /** A role column and at least two other recognised fields. */
  qualifies: boolean;
}

/** The grid's rows, each an array, whatever the adapter gave: a missing grid or row reads as empty. */
export function rowsOf(grid: Grid): unknown[][] {
  const values = Array.isArray(grid?.values) ? grid.values : [];
  return values.map((row) => (Array.isArray(row) ? row : []));
}

export { rosterFieldOf };

/** Header text in a user's mapping, normalised, by field. */
function mappedHeaderTexts(mapping: ColumnMapping | undefined): Map<string, HeaderField> {
  const texts = new Map<string, HeaderField>();
  for (const [field, value] of Object.entries(mapping ?? {})) {
    if (typeof value === "string" && normaliseHeader(value)) texts.set(normaliseHeader(value), field as RosterField);
  }
  return texts;
}

/** The field a header cell gives, and how surely: the user's mapping first, then columns.ts. */
function columnFor(
  cell: string, index: number, match: HeaderMatch, mappedTexts: ReadonlyMap<string, HeaderField>,
): AssignedColumn | null {
  const header = cell.trim();
  const mapped = mappedTexts.get(normaliseHeader(cell));
  if (mapped) return { field: mapped, index, header, priority: MAPPED_PRIORITY };
  if (match.kind !== "field") return null;
  return { field: match.field, index, header, priority: match.exact ? EXACT_PRIORITY : PATTERN_PRIORITY };
}

/**
 * The chosen columns in sheet order, less those another field has a better claim on: a column the
 * user mapped by name holds only that field, and a name column makes separate first name and
 * surname columns unnecessary.
 */
function withoutOverlaps(best: Map<HeaderField, AssignedColumn>): AssignedColumn[] {
  for (const [field, column] of [...best]) {
    const mappedHere = [...best.values()].some((other) => other.priority === MAPPED_PRIORITY && other.index === column.index);
    if (column.priority < MAPPED_PRIORITY && mappedHere) best.delete(field);
  }
  if (best.has("name")) {
    best.delete("firstName");
    best.delete("lastName");
  }
  // An annual column wins over a monthly one for the same amount.
  for (const [monthly, annual] of Object.entries(ANNUAL_FIELD_OF) as [MonthlyField, RosterField][]) {
    if (best.has(annual) && best.has(monthly)) best.delete(monthly);
  }
  return [...best.values()].sort((a, b) => a.index - b.index);
}

interface HeaderColumns {
  columns: AssignedColumn[];
  ownedIndex: number | null;
  score: number;
  qualifies: boolean;
}

/**
 * The columns a row names if read as the header row. The tool's own columns (written by an earlier
 * run) are noted, never read as the user's; between two cells naming the same field, a better kind
 * of match wins, and between equals the leftmost column.
 */
function headerColumnsOf(row: unknown[], mappedTexts: ReadonlyMap<string, HeaderField>): HeaderColumns {
  const best = new Map<HeaderField, AssignedColumn>();
  let ownedIndex: number | null = null;
  row.forEach((cell, index) => {
    if (typeof cell !== "string" || !cell.trim()) return;
    const match = matchHeader(cell);
    if (match.kind === "owned") {
      if (ownedIndex === null) ownedIndex = index;
      return;
    }
    const candidate = columnFor(cell, index, match, mappedTexts);
    if (!candidate) return;
    const current = best.get(candidate.field);
    if (!current || candidate.priority > current.priority) best.set(candidate.field, candidate);
  });
  const columns = withoutOverlaps(best);
  const fields = new Set(columns.map((c) => rosterFieldOf(c.field)));
  return { columns, ownedIndex, score: fields.size, qualifies: fields.has("role") && fields.size >= 3 };
}

/** Whether a row, on its own, reads as a header row (a role column and two more fields). */
export function readsAsHeaderRow(row: unknown[]): boolean {
  return headerColumnsOf(row, new Map()).qualifies;
}

/**
 * The most likely header row in the first 30 rows: one that qualifies (role + two more fields) over
 * one that does not, then the most fields recognised, then the highest on the sheet. Null when no row
 * has a single recognised header.
 */
export function findHeaderRow(grid: Grid, mapping?: ColumnMapping): HeaderRowCandidate | null {
  const mappedTexts = mappedHeaderTexts(mapping);
  let best: HeaderRowCandidate | null = null;
  rowsOf(grid).slice(0, HEADER_SEARCH_ROWS).forEach((row, rowIndex) => {
    const candidate: HeaderRowCandidate = {
      rowIndex,
      rowNumber: (grid.firstRow ?? 1) + rowIndex,
      ...headerColumnsOf(row, mappedTexts),
    };
    if (candidate.score === 0) return;
    if (!best || Number(candidate.qualifies) > Number(best.qualifies)
      || (candidate.qualifies === best.qualifies && candidate.score > best.score)) {
      best = candidate;
    }
  });
  return best;
}
