/**
 * A sheet's grid → typed roster rows. Finds the header row (rosters often have title rows above it),
 * matches columns by name (see columns.ts) or by the user's own mapping, and reads each row below.
 * Every cell that cannot be used becomes a finding on its row; nothing throws. Whether a blank value
 * matters (a missing start date, say) is left to the engine, which knows what each role needs.
 */
import { isOwnedSheetName, isRateSheetName } from "../common/owned";
import { columnLetter, type Grid } from "../common/grid";
import type { Finding, FindingCode, RoleId, Severity } from "../rules/types";
import type { RuleSet } from "../rules/ruleset";
import { cellText, isBlankCell, parseDate, parseMoney, parseQuantity, parseYesNo, quoteValue, type Parsed } from "./cells";
import { columnNumber, matchHeader, normaliseHeader, type HeaderField } from "./columns";
import type { ColumnMapping, RosterColumn, RosterField, RosterReadResult, RosterRow } from "./types";

/** The header row is looked for in this many rows from the top of the used range. */
export const HEADER_SEARCH_ROWS = 30;
/** Hours a week that make 1.0 WTE for Agenda for Change staff (ARRS reference, section 5). */
export const HOURS_PER_WTE = 37.5;
/** GP sessions a week that make 1.0 WTE (ARRS reference, section 5). */
export const SESSIONS_PER_WTE = 9;
/** An annual salary below this is an hourly rate, a monthly figure or a placeholder, not a salary. */
export const LOWEST_PLAUSIBLE_SALARY = 1000;

export const ROSTER_SOURCES = {
  date: "Roster reader: dates are read in UK order (DD/MM/YYYY)",
  amount: "Roster reader: amounts are annual, in pounds",
  wte: "Roster reader: 37.5 hours a week, or 9 GP sessions a week, is 1.0 WTE (ARRS reference, section 5)",
  answer: "Roster reader: yes, no or promoted (2025/26 nurse and HCSW 12-month rule)",
  sheet: "Roster reader: header row and columns",
} as const;

/** Cells that mark a totals row, which is not a person. */
const TOTAL_WORDS = new Set(["total", "totals", "grand total", "sub total", "subtotal", "sum", "overall total",
  "total cost", "total wte", "total costs"]);

/** Fields whose cell holds data about the person's post (not merely who they are). */
const DATA_FIELDS: ReadonlySet<HeaderField> = new Set<HeaderField>(["role", "band", "wte", "hoursPerWeek",
  "sessionsPerWeek", "start", "end", "annualSalary", "fullTimeSalary", "employerNi", "employerPension", "cctDate",
  "employedInLast12Months"]);

interface AssignedColumn {
  field: HeaderField;
  /** Grid index (0-based from grid.firstColumn). */
  index: number;
  header: string;
  /** 3 = the user's mapping named this header, 2 = exact alias, 1 = pattern. */
  priority: number;
}

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

function rowsOf(grid: Grid): unknown[][] {
  const values = Array.isArray(grid?.values) ? grid.values : [];
  return values.map((row) => (Array.isArray(row) ? row : []));
}

const rosterFieldOf = (field: HeaderField): RosterField =>
  field === "firstName" || field === "lastName" ? "name" : field;

/** Header text in a user's mapping, normalised, by field. */
function mappedHeaderTexts(mapping: ColumnMapping | undefined): Map<string, HeaderField> {
  const texts = new Map<string, HeaderField>();
  for (const [field, value] of Object.entries(mapping ?? {})) {
    if (typeof value === "string" && normaliseHeader(value)) texts.set(normaliseHeader(value), field as RosterField);
  }
  return texts;
}

/** What one row would give as a header row. */
function analyseHeaderRow(row: unknown[], rowIndex: number, grid: Grid, mapping?: ColumnMapping): HeaderRowCandidate {
  const mappedTexts = mappedHeaderTexts(mapping);
  const best = new Map<HeaderField, AssignedColumn>();
  let ownedIndex: number | null = null;
  row.forEach((cell, index) => {
    if (typeof cell !== "string" || !cell.trim()) return;
    const match = matchHeader(cell);
    if (match.kind === "owned") {
      if (ownedIndex === null) ownedIndex = index;
      return;
    }
    let candidate: AssignedColumn | null = null;
    const mapped = mappedTexts.get(normaliseHeader(cell));
    if (mapped) candidate = { field: mapped, index, header: cell.trim(), priority: 3 };
    else if (match.kind === "field") {
      candidate = { field: match.field, index, header: cell.trim(), priority: match.exact ? 2 : 1 };
    }
    if (!candidate) return;
    const current = best.get(candidate.field);
    // A better kind of match wins; between equals, the leftmost column.
    if (!current || candidate.priority > current.priority) best.set(candidate.field, candidate);
  });
  // A column the user mapped by name holds only that field.
  for (const [field, column] of [...best]) {
    if (column.priority < 3 && [...best.values()].some((other) => other.priority === 3 && other.index === column.index)) {
      best.delete(field);
    }
  }
  if (best.has("name")) {
    best.delete("firstName");
    best.delete("lastName");
  }
  const columns = [...best.values()].sort((a, b) => a.index - b.index);
  const fields = new Set(columns.map((c) => rosterFieldOf(c.field)));
  const score = fields.size;
  return {
    rowIndex,
    rowNumber: (grid.firstRow ?? 1) + rowIndex,
    columns,
    ownedIndex,
    score,
    qualifies: fields.has("role") && score >= 3,
  };
}

/**
 * The most likely header row in the first 30 rows: one that qualifies (role + two more fields) over
 * one that does not, then the most fields recognised, then the highest on the sheet. Null when no row
 * has a single recognised header.
 */
export function findHeaderRow(grid: Grid, mapping?: ColumnMapping): HeaderRowCandidate | null {
  let best: HeaderRowCandidate | null = null;
  rowsOf(grid).slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const candidate = analyseHeaderRow(row, index, grid, mapping);
    if (candidate.score === 0) return;
    if (!best || Number(candidate.qualifies) > Number(best.qualifies)
      || (candidate.qualifies === best.qualifies && candidate.score > best.score)) {
      best = candidate;
    }
  });
  return best;
}

const sheetNamesList = (grids: Grid[]): string => grids.map((g) => `"${g.sheetName}"`).join(", ");

/**
 * How the command line asks the user to name the roster sheet. Each door says it in its own terms
 * (`nameTheSheet`): the task pane points at its sheet list instead.
 */
export const NAME_THE_SHEET_ON_THE_COMMAND_LINE = 'Name the sheet with --sheet "<sheet name>"';

/**
 * The sheet holding the roster: the one named (case-insensitively), or else the sheet whose best header
 * row scores highest (the first such sheet on a tie). The tool's own sheets and "ARRS max reimb" rate
 * sheets are never guessed as rosters, though a user may still name one.
 */
export function findRosterSheet(
  grids: Grid[],
  options: { sheetName?: string; nameTheSheet?: string } = {},
): { grid: Grid } | { problem: string } {
  const list = Array.isArray(grids) ? grids.filter((g) => g && typeof g.sheetName === "string") : [];
  const wanted = options.sheetName?.trim();
  if (wanted) {
    const grid = list.find((g) => g.sheetName.trim().toLowerCase() === wanted.toLowerCase());
    if (grid) return { grid };
    return {
      problem: list.length
        ? `No sheet is named "${wanted}". The workbook's sheets are: ${sheetNamesList(list)}.`
        : `No sheet is named "${wanted}": the workbook has no sheets.`,
    };
  }
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

/**
 * The scheme role a roster's text names. Tries the text as written, then without anything in
 * brackets or after "band" ("Clinical Pharmacist (Band 7-8a)"), since the band is its own column.
 */
export function resolveRoleText(rules: RuleSet, text: string | null, band: string | null): RoleId | null {
  if (!text) return null;
  const attempts = [text, text.replace(/\([^)]*\)|\[[^\]]*\]/g, " "), text.replace(/\bband\b.*$/i, " ")];
  for (const attempt of attempts) {
    if (!attempt.trim()) continue;
    try {
      const role = rules.resolveRole(attempt.slice(0, 500), band);
      if (role) return role.id;
    } catch {
      return null;
    }
  }
  return null;
}

interface ResolvedColumns {
  columns: AssignedColumn[];
  findings: Finding[];
}

/** Applies the user's mapping by column letter or number, after header-text mappings were matched. */
function applyMapping(
  header: HeaderRowCandidate, headerRow: unknown[], grid: Grid, mapping: ColumnMapping | undefined, width: number,
): ResolvedColumns {
  const columns = [...header.columns];
  const findings: Finding[] = [];
  const firstColumn = grid.firstColumn ?? 1;
  for (const [key, value] of Object.entries(mapping ?? {})) {
    const field = key as RosterField;
    if (value === undefined || value === null || value === "") continue;
    if (typeof value === "string" && columns.some((c) => c.field === field && c.priority === 3)) continue;
    let column: number | null = null;
    if (typeof value === "number" && Number.isInteger(value) && value >= 1) column = value;
    else if (typeof value === "string") column = /^\s*\d+\s*$/.test(value) ? Number(value) : columnNumber(value);
    const index = column === null ? -1 : column - firstColumn;
    if (column === null || index < 0 || index >= width || matchHeader(headerRow[index]).kind === "owned") {
      findings.push({
        code: "MISSING_VALUE",
        severity: "warning",
        field,
        message: `The column setting for ${field} (${quoteValue(String(value))}) matches no header in row ${header.rowNumber} `
          + `of sheet "${grid.sheetName}" and no column of the roster, so it was ignored. Correct it to the header `
          + "as written, or to a column letter such as C.",
        source: ROSTER_SOURCES.sheet,
        details: { field, mapping: String(value).slice(0, 40) },
      });
      continue;
    }
    // The mapped column holds only this field, and this field only that column.
    for (let i = columns.length - 1; i >= 0; i--) {
      const c = columns[i];
      const sameField = rosterFieldOf(c.field) === field;
      if (c.index === index || sameField) columns.splice(i, 1);
    }
    const text = cellText(headerRow[index]);
    columns.push({ field, index, header: text ?? `column ${columnLetter(column)}`, priority: 3 });
  }
  if (columns.some((c) => c.field === "name")) {
    for (let i = columns.length - 1; i >= 0; i--) {
      if (columns[i].field === "firstName" || columns[i].field === "lastName") columns.splice(i, 1);
    }
  }
  columns.sort((a, b) => a.index - b.index);
  return { columns, findings };
}

/**
 * A totals row says "Total" where a person's name, ID or role would be (or in the table's first
 * column). Other columns are not looked at: a comment such as "Total cost £48,735" beside a real
 * person must not hide that person.
 */
function totalsLabelIndexes(columns: AssignedColumn[], userIndexes: number[]): number[] {
  return [...new Set([
    ...columns.filter((c) => c.field === "name" || c.field === "staffId" || c.field === "role" || c.field === "firstName" || c.field === "lastName").map((c) => c.index),
    // A loop, not Math.min(...): the first user column.
    userIndexes.reduce((min, i) => Math.min(min, i), Infinity),
  ])];
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

/** Each column's header as normaliseHeader gives it, worked out once per roster rather than once per row. */
function normalisedHeaders(columns: AssignedColumn[]): string[] {
  return columns.map((c) => normaliseHeader(c.header));
}

/**
 * A cell's text normalised as a header is, remembered in `seen` for the read: the texts repeat down a
 * roster (dates as text, job titles). A plain function given its map, not a closure made per read:
 * V8's optimised code for a caller keeps the closure it called as a constant, and was thrown away
 * when the read's closure was collected, so the next read began unoptimised.
 */
function normalisedCell(seen: Map<string, string>, text: string): string {
  let normalised = seen.get(text);
  if (normalised === undefined) {
    normalised = normaliseHeader(text);
    if (seen.size < 20_000) seen.set(text, normalised);
  }
  return normalised;
}

function isRepeatedHeader(row: unknown[], columns: AssignedColumn[], headers: string[], seen: Map<string, string>, rowIndex: number, grid: Grid): boolean {
  let same = 0;
  for (let i = 0; i < columns.length; i++) {
    const cell = row[columns[i].index];
    if (typeof cell === "string" && headers[i] !== "" && normalisedCell(seen, cell) === headers[i]) same += 1;
  }
  if (same >= 2 || (same === 1 && columns.length === 1)) return true;
  // One cell equal to its header may be chance; a row that reads as a header row on its own is not.
  return same === 1 && analyseHeaderRow(row, rowIndex, grid).qualifies;
}

interface CellContext {
  rowNumber: number;
  findings: Finding[];
}

function cellFinding(
  context: CellContext, code: FindingCode, severity: Severity, column: AssignedColumn, message: string,
  source: string, value: unknown,
): void {
  context.findings.push({
    code,
    severity,
    message,
    rowNumber: context.rowNumber,
    column: column.header,
    field: rosterFieldOf(column.field),
    source,
    details: { value: quoteValue(value).slice(1, -1) },
  });
}

const DATE_FIX = "Enter it as DD/MM/YYYY, for example 01/04/2025, or as a date cell.";
const END_DATE_FIX = `${DATE_FIX} Leave it blank, or write "ongoing", if the person is still in post.`;
const AMOUNT_FIX = "Enter the annual amount in pounds, for example 24,000 or £24,000.00.";

function readDate(context: CellContext, column: AssignedColumn | undefined, row: unknown[], openEnded = false): string | null {
  if (!column) return null;
  const value = row[column.index];
  const parsed = parseDate(value, { openEnded });
  if (!parsed) return null;
  if (parsed.ok) return parsed.value;
  cellFinding(context, "INVALID_DATE", "error", column, `${column.header}: ${parsed.problem}. ${openEnded ? END_DATE_FIX : DATE_FIX}`,
    ROSTER_SOURCES.date, value);
  return null;
}

function readMoney(context: CellContext, column: AssignedColumn | undefined, row: unknown[], salary: boolean): number | null {
  if (!column) return null;
  const value = row[column.index];
  let parsed: Parsed<number> | null = parseMoney(value);
  if (!parsed) return null;
  if (parsed.ok && salary && parsed.value < LOWEST_PLAUSIBLE_SALARY) {
    parsed = {
      ok: false,
      problem: `${quoteValue(value)} is less than £${LOWEST_PLAUSIBLE_SALARY.toLocaleString("en-GB")} a year; `
        + "it looks like an hourly rate, a monthly amount or a placeholder",
    };
  }
  if (parsed.ok) return parsed.value;
  cellFinding(context, "INVALID_AMOUNT", "error", column, `${column.header}: ${parsed.problem}. ${AMOUNT_FIX}`,
    ROSTER_SOURCES.amount, value);
  return null;
}

const round2 = (n: number): string => String(Math.round(n * 100) / 100);

/** WTE from the first of the WTE, hours and sessions columns that has a value. */
function readWte(context: CellContext, columns: Map<HeaderField, AssignedColumn>, row: unknown[]): { wte: number | null; basis: RosterRow["wteBasis"] } {
  const order: [HeaderField, "wte" | "hours" | "sessions"][] = [["wte", "wte"], ["hoursPerWeek", "hours"], ["sessionsPerWeek", "sessions"]];
  for (const [field, unit] of order) {
    const column = columns.get(field);
    if (!column || isBlankCell(row[column.index])) continue;
    const value = row[column.index];
    const parsed = parseQuantity(value, unit);
    if (!parsed) continue;
    const fail = (problem: string, fix: string) => {
      cellFinding(context, "INVALID_WTE", "error", column, `${column.header}: ${problem}. ${fix}`, ROSTER_SOURCES.wte, value);
      return { wte: null, basis: null };
    };
    const quoted = quoteValue(value);
    if (unit === "wte") {
      const fix = "Enter the WTE as a number above 0 and at most 1.0 (37.5 hours a week = 1.0).";
      if (!parsed.ok) return fail(parsed.problem, fix);
      const wte = parsed.value;
      if (wte <= 0) return fail(`${quoted} is not above 0`, fix);
      if (wte > 1 + 1e-9) {
        if (wte >= 1.5 && wte <= 60) {
          return fail(`${quoted} is more than 1.0 and looks like hours per week (${quoted.slice(1, -1)} hours = `
            + `${round2(wte / HOURS_PER_WTE)} WTE)`, "Enter the WTE, or head the column \"Hours per week\" if it holds hours.");
        }
        if (wte > 60 && wte <= 100) {
          return fail(`${quoted} is more than 1.0 and looks like a percentage`, `Enter ${round2(wte / 100)} or ${round2(wte)}%.`);
        }
        return fail(`${quoted} is more than 1.0 WTE, the most one row can claim`, fix);
      }
      return { wte, basis: "wte" };
    }
    if (unit === "hours") {
      const fix = `Enter the contracted hours a week, above 0 and at most ${HOURS_PER_WTE} (${HOURS_PER_WTE} hours = 1.0 WTE).`;
      if (!parsed.ok) return fail(parsed.problem, fix);
      if (parsed.value <= 0) return fail(`${quoted} is not above 0`, fix);
      if (parsed.value > HOURS_PER_WTE + 1e-9) return fail(`${quoted} is more than ${HOURS_PER_WTE} hours a week (1.0 WTE)`, fix);
      if (parsed.value <= 1) {
        // Still used, since it is a valid number, but it is far more likely a WTE typed in the hours column.
        cellFinding(context, "INVALID_WTE", "warning", column,
          `${column.header}: ${quoted} hours a week is ${round2(parsed.value / HOURS_PER_WTE)} WTE; it looks like a WTE `
          + "entered as hours. Check it, and enter the hours a week (37.5 = 1.0 WTE).", ROSTER_SOURCES.wte, value);
      }
      return { wte: parsed.value / HOURS_PER_WTE, basis: "hours" };
    }
    const fix = `Enter the GP sessions a week, above 0 and at most ${SESSIONS_PER_WTE} (${SESSIONS_PER_WTE} sessions = 1.0 WTE).`;
    if (!parsed.ok) return fail(parsed.problem, fix);
    if (parsed.value <= 0) return fail(`${quoted} is not above 0`, fix);
    if (parsed.value > SESSIONS_PER_WTE + 1e-9) return fail(`${quoted} is more than ${SESSIONS_PER_WTE} sessions a week (1.0 WTE)`, fix);
    return { wte: parsed.value / SESSIONS_PER_WTE, basis: "sessions" };
  }
  return { wte: null, basis: null };
}

/**
 * The role of a role text and band. A roster names a few dozen roles many times over, so each is
 * resolved once per read and remembered in `known` (a plain function for the reason given at
 * normalisedCell).
 */
function roleOf(known: Map<string, RoleId | null>, rules: RuleSet, text: string | null, band: string | null): RoleId | null {
  if (text === null) return null;
  const key = `${band ?? ""}\u0000${text}`;
  let role = known.get(key);
  if (role === undefined) {
    role = resolveRoleText(rules, text, band);
    known.set(key, role);
  }
  return role;
}

function readRow(row: unknown[], rowNumber: number, columns: Map<HeaderField, AssignedColumn>, rules: RuleSet, knownRoles: Map<string, RoleId | null>): RosterRow {
  const context: CellContext = { rowNumber, findings: [] };
  const text = (field: HeaderField): string | null => {
    const column = columns.get(field);
    return column ? cellText(row[column.index]) : null;
  };
  const name = text("name") ?? ([text("firstName"), text("lastName")].filter(Boolean).join(" ") || null);
  const band = text("band");
  const roleText = text("role");
  const { wte, basis } = readWte(context, columns, row);
  const start = readDate(context, columns.get("start"), row);
  const end = readDate(context, columns.get("end"), row, true);
  const cctDate = readDate(context, columns.get("cctDate"), row);
  const actual = readMoney(context, columns.get("annualSalary"), row, true);
  const actualGiven = columns.has("annualSalary") && !isBlankCell(row[columns.get("annualSalary")!.index]);
  const fullTime = readMoney(context, columns.get("fullTimeSalary"), row, true);
  let annualSalary: number | null = null;
  let salaryBasis: RosterRow["salaryBasis"] = null;
  if (actual !== null) {
    annualSalary = actual;
    salaryBasis = "actual";
  } else if (!actualGiven && fullTime !== null) {
    // A full-time salary is what 1.0 WTE would be paid; the person is paid that times their WTE.
    annualSalary = wte === null ? null : fullTime * wte;
    salaryBasis = "full-time";
  }
  const employerNi = readMoney(context, columns.get("employerNi"), row, false);
  const employerPension = readMoney(context, columns.get("employerPension"), row, false);

  let employedInLast12Months: RosterRow["employedInLast12Months"] = null;
  const answerColumn = columns.get("employedInLast12Months");
  if (answerColumn) {
    const value = row[answerColumn.index];
    const parsed = parseYesNo(value);
    if (parsed?.ok) employedInLast12Months = parsed.value;
    else if (parsed) {
      cellFinding(context, "MISSING_VALUE", "warning", answerColumn,
        `${answerColumn.header}: ${parsed.problem}, so it was treated as blank. Enter yes, no, or promoted (recruited to a more senior role).`,
        ROSTER_SOURCES.answer, value);
    }
  }

  return {
    rowNumber,
    name,
    staffId: text("staffId"),
    roleText,
    role: roleOf(knownRoles, rules, roleText, band),
    band,
    wte,
    wteBasis: basis,
    start,
    end,
    annualSalary,
    salaryBasis,
    fullTimeSalary: fullTime,
    employerNi,
    employerPension,
    cctDate,
    employedInLast12Months,
    findings: context.findings,
  };
}

function emptyResult(grid: Grid, findings: Finding[]): RosterReadResult {
  return {
    sheetName: grid?.sheetName ?? "",
    headerRowNumber: grid?.firstRow ?? 1,
    columns: [],
    lastColumn: Math.max(0, (grid?.firstColumn ?? 1) - 1),
    ownedColumn: null,
    rows: [],
    skippedRows: [],
    findings,
  };
}

/**
 * Reads a roster sheet. The user's mapping (a header as written, a column letter or a column number per
 * field) overrides what the headers suggest. Rows below the header become RosterRows, except blank
 * rows, totals rows, repeated header rows and one-cell heading rows, which are listed in skippedRows
 * (blank rows after the last filled row are not listed: they are not part of the table).
 */
export function readRoster(grid: Grid, options: { rules: RuleSet; mapping?: ColumnMapping }): RosterReadResult {
  try {
    return readRosterUnsafe(grid, options);
  } catch (error) {
    // A last resort: the reader is written not to throw, but a user's workbook must never crash the run.
    return emptyResult(grid, [{
      code: "MISSING_VALUE",
      severity: "error",
      message: `Sheet "${grid?.sheetName ?? ""}" could not be read as a roster (${String(error).slice(0, 80)}). `
        + "Check the sheet for unusual content, or name another sheet.",
      source: ROSTER_SOURCES.sheet,
    }]);
  }
}

function readRosterUnsafe(grid: Grid, options: { rules: RuleSet; mapping?: ColumnMapping }): RosterReadResult {
  const rows = rowsOf(grid);
  const header = findHeaderRow(grid, options.mapping);
  if (!header) {
    return emptyResult(grid, [{
      code: "MISSING_VALUE",
      severity: "error",
      message: `No header row was found on sheet "${grid?.sheetName ?? ""}": none of the first ${HEADER_SEARCH_ROWS} rows has `
        + "column headers such as Name, Role, WTE, Start date or Salary. Add a header row above the staff list.",
      source: ROSTER_SOURCES.sheet,
    }]);
  }
  const firstColumn = grid.firstColumn ?? 1;
  const firstRow = grid.firstRow ?? 1;
  const headerRow = rows[header.rowIndex];
  let width = 0;
  for (let i = header.rowIndex; i < rows.length; i++) width = Math.max(width, rows[i].length);
  const { columns, findings } = applyMapping(header, headerRow, grid, options.mapping, width);
  const byField = new Map<HeaderField, AssignedColumn>(columns.map((c) => [c.field, c]));

  // The tool's own columns (from an earlier run) are never read; lastColumn stops before them.
  const ownedIndexes = new Set<number>();
  headerRow.forEach((cell, index) => {
    if (matchHeader(cell).kind === "owned") ownedIndexes.add(index);
  });
  const ownedIndex = ownedIndexes.size ? Math.min(...ownedIndexes) : null;
  const userIndexes: number[] = [];
  for (let i = 0; i < width; i++) if (!ownedIndexes.has(i)) userIndexes.push(i);
  let lastIndex = -1;
  for (const row of rows.slice(header.rowIndex)) {
    for (const i of userIndexes) {
      if (i > lastIndex && (ownedIndex === null || i < ownedIndex) && !isBlankCell(row[i])) lastIndex = i;
    }
  }

  if (!byField.has("role")) {
    findings.push({
      code: "MISSING_VALUE",
      severity: "error",
      field: "role",
      rowNumber: header.rowNumber,
      message: `No role or job title column was found in the header row (row ${header.rowNumber}) of sheet "${grid.sheetName}", `
        + "so no one's role can be checked. Head the column \"Role\" or \"Job title\", or set \"Column: role\" "
        + "in the ARRS Settings sheet to the header or column letter that holds it.",
      source: ROSTER_SOURCES.sheet,
    });
  }

  let lastFilled = header.rowIndex;
  rows.forEach((row, index) => {
    if (index > header.rowIndex && userIndexes.some((i) => !isBlankCell(row[i]))) lastFilled = index;
  });

  const rosterRows: RosterRow[] = [];
  const skippedRows: RosterReadResult["skippedRows"] = [];
  const labelIndexes = totalsLabelIndexes(columns, userIndexes);
  const headers = normalisedHeaders(columns);
  const normalisedCells = new Map<string, string>();
  const knownRoles = new Map<string, RoleId | null>();
  for (let index = header.rowIndex + 1; index <= lastFilled; index++) {
    const row = rows[index];
    const rowNumber = firstRow + index;
    // How many of the user's cells are filled, and the first one (without a new array for every row).
    let filledCount = 0;
    let firstFilled = -1;
    for (const i of userIndexes) {
      if (isBlankCell(row[i])) continue;
      if (filledCount === 0) firstFilled = i;
      filledCount += 1;
    }
    if (filledCount === 0) {
      skippedRows.push({ rowNumber, reason: "blank row" });
      continue;
    }
    if (isTotalsRow(row, labelIndexes)) {
      skippedRows.push({ rowNumber, reason: "totals row" });
      continue;
    }
    if (isRepeatedHeader(row, columns, headers, normalisedCells, index, grid)) {
      skippedRows.push({ rowNumber, reason: "repeated header row" });
      continue;
    }
    if (filledCount === 1 && typeof row[firstFilled] === "string"
      && !columns.some((c) => c.index === firstFilled && DATA_FIELDS.has(c.field))) {
      skippedRows.push({
        rowNumber,
        reason: `only one cell filled (${quoteValue(row[firstFilled])}): read as a heading or note, not a person`,
      });
      continue;
    }
    rosterRows.push(readRow(row, rowNumber, byField, options.rules, knownRoles));
  }

  const rosterColumns: RosterColumn[] = columns.map((c) => ({
    field: rosterFieldOf(c.field),
    header: c.header,
    column: firstColumn + c.index,
  }));
  const lastUserIndex = columns.reduce(
    (last, c) => (ownedIndex === null || c.index < ownedIndex ? Math.max(last, c.index) : last), lastIndex);
  return {
    sheetName: grid.sheetName,
    headerRowNumber: header.rowNumber,
    columns: rosterColumns,
    lastColumn: lastUserIndex >= 0 ? firstColumn + lastUserIndex : Math.max(0, firstColumn - 1),
    ownedColumn: ownedIndex === null ? null : firstColumn + ownedIndex,
    rows: rosterRows,
    skippedRows,
    findings,
  };
}
