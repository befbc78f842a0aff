/**
 * Which sheet of a workbook holds the roster: the one the user names, or else the one that looks
 * most like a roster. A workbook may hold budgets, rotas and the tool's own output beside the staff
 * list, so a sheet is guessed only when its header row qualifies (a role column and two more fields).
 */
import { isOwnedSheetName, isRateSheetName } from "../common/owned";
import type { Grid } from "../common/grid";
import { findHeaderRow } from "./header-row";

const sheetNamesList = (grids: Grid[]): string => grids.map((g) => `"${g.sheetName}"`).join(", ");

/**
 * How the command line asks the user to name the roster sheet. Each door says it in its own terms
 * (`nameTheSheet`): the task pane points at its sheet list instead.
 */
export const NAME_THE_SHEET_ON_THE_COMMAND_LINE = 'Name the sheet with --sheet "<sheet name>"';

export interface FindRosterSheetOptions {
  /** The sheet the user named, matched case-insensitively. */
  sheetName?: string;
  /** How this door asks the user to name the sheet, when none looks like a roster. */
  nameTheSheet?: string;
}

/** The sheet the user named, or why there is none. */
function namedSheet(list: Grid[], wanted: string): { grid: Grid } | { problem: string } {
  const grid = list.find((g) => g.sheetName.trim().toLowerCase() === wanted.toLowerCase());
  if (grid) return { grid };
  return {
    problem: list.length
      ? `No sheet is named "${wanted}". The workbook's sheets are: ${sheetNamesList(list)}.`
      : `No sheet is named "${wanted}": the workbook has no sheets.`,
  };
}

/**
 * The sheet holding the roster: the one named (case-insensitively), or else the sheet whose best header
 * row scores highest (the first such sheet on a tie). The tool's own sheets and "ARRS max reimb" rate
 * sheets are never guessed as rosters, though a user may still name one.
 */
export function findRosterSheet(grids: Grid[], options: FindRosterSheetOptions = {}): { grid: Grid } | { problem: string } {
  const list = Array.isArray(grids) ? grids.filter((g) => g && typeof g.sheetName === "string") : [];
  const wanted = options.sheetName?.trim();
  if (wanted) return namedSheet(list, wanted);
  const candidates = list.filter((g) => !isOwnedSheetName(g.sheetName.trim()) && !isRateSheetName(g.sheetName));
  let best: { grid: Grid; score: number } | null = null;
  for (const grid of candidates) {
    const header = findHeaderRow(grid);
    if (!header?.qualifies) continue;
    if (!best || header.score > best.score) best = { grid, score: header.score };
  }
  if (best) return { grid: best.grid };
  const looked = candidates.length ? ` Sheets looked at: ${sheetNamesList(candidates)}.` : "";
  return {
    problem: "No roster found: no sheet has a header row with a role or job title column and at least two of "
      + `name, WTE/hours, start date, salary. ${options.nameTheSheet ?? NAME_THE_SHEET_ON_THE_COMMAND_LINE}, or add those `
      + `headers above the staff list.${looked}`,
  };
}

/** A sheet not read as a roster, and why, for the summary. */
export interface PassedOverSheet {
  sheet: string;
  reason: string;
}

/** The sheets a check reads as one PCN's roster, and those it passes over with why. */
export interface RosterSheets {
  read: Grid[];
  passedOver: PassedOverSheet[];
}

/**
 * Why a sheet that is not the tool's own is not a roster, or null when it is one (its header row has
 * a role column and two more recognised columns).
 */
export function notARosterBecause(grid: Grid): string | null {
  if (isOwnedSheetName(grid.sheetName.trim())) return "the checker's own sheet";
  if (isRateSheetName(grid.sheetName)) return "maximum amounts (an \"ARRS max reimb\" sheet), read as rates";
  const header = findHeaderRow(grid);
  if (header?.qualifies) return null;
  if (!header) return "no header row with a role or job title column";
  const named = [...new Set(header.columns.map((c) => c.header))].map((h) => `"${h}"`).join(", ");
  if (!header.columns.some((c) => c.field === "role")) return `no role or job title column (row ${header.rowNumber} has ${named})`;
  return `row ${header.rowNumber} has a role column but not two of name, WTE/hours, start date, salary (it has ${named})`;
}

/**
 * The sheets of a PCN's roster when none is named: every sheet that looks like a roster (as a PCN
 * with a roster sheet per member practice keeps them), in tab order; each other sheet is passed over
 * with why. When none looks like a roster, the problem findRosterSheet states.
 */
export function findRosterSheets(grids: Grid[], options: { nameTheSheet?: string } = {}): RosterSheets | { problem: string } {
  const list = Array.isArray(grids) ? grids.filter((g) => g && typeof g.sheetName === "string") : [];
  const read: Grid[] = [];
  const passedOver: PassedOverSheet[] = [];
  for (const grid of list) {
    const reason = notARosterBecause(grid);
    if (reason === null) read.push(grid);
    else passedOver.push({ sheet: grid.sheetName, reason });
  }
  if (read.length > 0) return { read, passedOver };
  const found = findRosterSheet(list, { nameTheSheet: options.nameTheSheet });
  return "problem" in found ? found : { read: [found.grid], passedOver: passedOver.filter((p) => p.sheet !== found.grid.sheetName) };
}
