/**
 * A row's whole-time equivalent. Rosters give it as a WTE (or FTE), as contracted hours a week or as
 * GP sessions a week; the scheme counts 37.5 hours, or 9 sessions, as 1.0 WTE.
 * One row claims at most 1.0 WTE, so a larger figure is a mistake, and the finding says which one
 * it most likely is (hours or a percentage typed as a WTE).
 */
import { isBlankCell, parseQuantity, quoteValue, type Parsed, type QuantityUnit } from "./cells";
import type { HeaderField } from "./columns";
import type { AssignedColumn } from "./header-row";
import { cellFinding, type RowCells } from "./row-cells";
import { ROSTER_SOURCES } from "./sources";
import type { RosterRow } from "./types";

/** Hours a week that make 1.0 WTE for Agenda for Change staff (Agenda for Change full time; 9 sessions for GPs). */
export const HOURS_PER_WTE = 37.5;
/** GP sessions a week that make 1.0 WTE (Agenda for Change full time; 9 sessions for GPs). */
export const SESSIONS_PER_WTE = 9;
/** Room for rounding in a figure typed as exactly the most allowed (1.0, 37.5 hours, 9 sessions). */
const TOLERANCE = 1e-9;

export interface WteReading {
  wte: number | null;
  basis: RosterRow["wteBasis"];
}

/** The WTE columns in the order they are tried: a WTE as written beats one worked out from hours. */
const WTE_COLUMNS: readonly { field: HeaderField; unit: QuantityUnit }[] = [
  { field: "wte", unit: "wte" },
  { field: "hoursPerWeek", unit: "hours" },
  { field: "sessionsPerWeek", unit: "sessions" },
];

/** The cell a WTE is read from. */
interface WteCell {
  cells: RowCells;
  column: AssignedColumn;
  value: unknown;
  /** The value quoted as findings show it. */
  quoted: string;
}

const round2 = (n: number): string => String(Math.round(n * 100) / 100);

/** Records why the cell gives no WTE; the row then has none. */
function invalidWte({ cells, column, value }: WteCell, problem: string, fix: string): WteReading {
  cellFinding(cells, {
    code: "INVALID_WTE",
    severity: "error",
    column,
    message: `${column.header}: ${problem}. ${fix}`,
    source: ROSTER_SOURCES.wte,
    value,
  });
  return { wte: null, basis: null };
}

function fromWte(cell: WteCell, parsed: Parsed<number>): WteReading {
  const fix = "Enter the WTE as a number above 0 and at most 1.0 (37.5 hours a week = 1.0).";
  if (!parsed.ok) return invalidWte(cell, parsed.problem, fix);
  const wte = parsed.value;
  const { quoted } = cell;
  if (wte <= 0) return invalidWte(cell, `${quoted} is not above 0`, fix);
  if (wte > 1 + TOLERANCE) {
    if (wte >= 1.5 && wte <= 60) {
      return invalidWte(cell, `${quoted} is more than 1.0 and looks like hours per week (${quoted.slice(1, -1)} hours = `
        + `${round2(wte / HOURS_PER_WTE)} WTE)`, "Enter the WTE, or head the column \"Hours per week\" if it holds hours.");
    }
    if (wte > 60 && wte <= 100) {
      return invalidWte(cell, `${quoted} is more than 1.0 and looks like a percentage`, `Enter ${round2(wte / 100)} or ${round2(wte)}%.`);
    }
    return invalidWte(cell, `${quoted} is more than 1.0 WTE, the most one row can claim`, fix);
  }
  return { wte, basis: "wte" };
}

function fromHours(cell: WteCell, parsed: Parsed<number>): WteReading {
  const fix = `Enter the contracted hours a week, above 0 and at most ${HOURS_PER_WTE} (${HOURS_PER_WTE} hours = 1.0 WTE).`;
  if (!parsed.ok) return invalidWte(cell, parsed.problem, fix);
  const { quoted } = cell;
  if (parsed.value <= 0) return invalidWte(cell, `${quoted} is not above 0`, fix);
  if (parsed.value > HOURS_PER_WTE + TOLERANCE) {
    return invalidWte(cell, `${quoted} is more than ${HOURS_PER_WTE} hours a week (1.0 WTE)`, fix);
  }
  if (parsed.value <= 1) {
    // Still used, since it is a valid number, but it is far more likely a WTE typed in the hours column.
    cellFinding(cell.cells, {
      code: "INVALID_WTE",
      severity: "warning",
      column: cell.column,
      message: `${cell.column.header}: ${quoted} hours a week is ${round2(parsed.value / HOURS_PER_WTE)} WTE; it looks like a WTE `
        + "entered as hours. Check it, and enter the hours a week (37.5 = 1.0 WTE).",
      source: ROSTER_SOURCES.wte,
      value: cell.value,
    });
  }
  return { wte: parsed.value / HOURS_PER_WTE, basis: "hours" };
}

function fromSessions(cell: WteCell, parsed: Parsed<number>): WteReading {
  const fix = `Enter the GP sessions a week, above 0 and at most ${SESSIONS_PER_WTE} (${SESSIONS_PER_WTE} sessions = 1.0 WTE).`;
  if (!parsed.ok) return invalidWte(cell, parsed.problem, fix);
  const { quoted } = cell;
  if (parsed.value <= 0) return invalidWte(cell, `${quoted} is not above 0`, fix);
  if (parsed.value > SESSIONS_PER_WTE + TOLERANCE) {
    return invalidWte(cell, `${quoted} is more than ${SESSIONS_PER_WTE} sessions a week (1.0 WTE)`, fix);
  }
  return { wte: parsed.value / SESSIONS_PER_WTE, basis: "sessions" };
}

/** WTE from the first of the WTE, hours and sessions columns that has a value. */
export function readWte(cells: RowCells): WteReading {
  for (const { field, unit } of WTE_COLUMNS) {
    const column = cells.columns.get(field);
    if (!column || isBlankCell(cells.row[column.index])) continue;
    const value = cells.row[column.index];
    const parsed = parseQuantity(value, unit);
    if (!parsed) continue;
    const cell: WteCell = { cells, column, value, quoted: quoteValue(value) };
    if (unit === "wte") return fromWte(cell, parsed);
    if (unit === "hours") return fromHours(cell, parsed);
    return fromSessions(cell, parsed);
  }
  return { wte: null, basis: null };
}
