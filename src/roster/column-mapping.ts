/**
 * The user's column mapping by column letter or number ("Column: role" = C, or 3, in the ARRS
 * Settings sheet or the task pane). A mapping by header text is matched with the header row itself
 * (header-row.ts); this applies the rest, after it. A mapped column holds only its field, and the
 * field only that column: the user's word beats what the headers suggest.
 */
import { columnLetter, type Grid } from "../common/grid";
import type { Finding } from "../rules/types";
import { cellText, quoteValue } from "./cells";
import { columnNumber, matchHeader } from "./columns";
import { MAPPED_PRIORITY, rosterFieldOf, type AssignedColumn, type HeaderRowCandidate } from "./header-row";
import { ROSTER_SOURCES } from "./sources";
import type { ColumnMapping, RosterField } from "./types";

export interface MappingInput {
  header: HeaderRowCandidate;
  /** The header row's cells. */
  headerRow: unknown[];
  grid: Grid;
  mapping: ColumnMapping | undefined;
  /** How many columns the table has (the longest row from the header down). */
  width: number;
}

export interface MappedColumns {
  columns: AssignedColumn[];
  /** One warning per mapping that names no column of the roster. */
  findings: Finding[];
}

/** The column number a mapping value names: a number, digits as text, or column letters; else null. */
function mappedColumnNumber(value: string | number): number | null {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1) return value;
  if (typeof value === "string") return /^\s*\d+\s*$/.test(value) ? Number(value) : columnNumber(value);
  return null;
}

function unusedMappingFinding(field: RosterField, value: string | number, header: HeaderRowCandidate, grid: Grid): Finding {
  return {
    code: "MISSING_VALUE",
    severity: "warning",
    field,
    message: `The column setting for ${field} (${quoteValue(String(value))}) matches no header in row ${header.rowNumber} `
      + `of sheet "${grid.sheetName}" and no column of the roster, so it was ignored. Correct it to the header `
      + "as written, or to a column letter such as C.",
    source: ROSTER_SOURCES.sheet,
    details: { field, mapping: String(value).slice(0, 40) },
  };
}

/** Takes out, in place, the columns for which `drop` is true. */
function removeColumns(columns: AssignedColumn[], drop: (column: AssignedColumn) => boolean): void {
  for (let i = columns.length - 1; i >= 0; i--) {
    if (drop(columns[i])) columns.splice(i, 1);
  }
}

/**
 * The header row's columns with the user's mapping by letter or number applied. A mapping that
 * names no column of the table, or one of the tool's own columns, is ignored with a warning.
 */
export function applyMapping({ header, headerRow, grid, mapping, width }: MappingInput): MappedColumns {
  const columns = [...header.columns];
  const findings: Finding[] = [];
  const firstColumn = grid.firstColumn ?? 1;
  for (const [key, value] of Object.entries(mapping ?? {})) {
    const field = key as RosterField;
    if (value === undefined || value === null || value === "") continue;
    // Already matched by its header text.
    if (typeof value === "string" && columns.some((c) => c.field === field && c.priority === MAPPED_PRIORITY)) continue;
    const column = mappedColumnNumber(value);
    const index = column === null ? -1 : column - firstColumn;
    if (column === null || index < 0 || index >= width || matchHeader(headerRow[index]).kind === "owned") {
      findings.push(unusedMappingFinding(field, value, header, grid));
      continue;
    }
    removeColumns(columns, (c) => c.index === index || rosterFieldOf(c.field) === field);
    const text = cellText(headerRow[index]);
    columns.push({ field, index, header: text ?? `column ${columnLetter(column)}`, priority: MAPPED_PRIORITY });
  }
  if (columns.some((c) => c.field === "name")) {
    removeColumns(columns, (c) => c.field === "firstName" || c.field === "lastName");
  }
  columns.sort((a, b) => a.index - b.index);
  return { columns, findings };
}
