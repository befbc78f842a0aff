/**
 * Reads a user's "ARRS max reimb" sheet (ARRS reference, section 7) as people fill it: the tool's own
 * template typed into; a table with a "Role" header and national, outer and inner London columns; or
 * Table 2 and Tables 3a to 3c pasted from the DES PDF, where a line lands in one cell or is split over
 * a few cells, under headings and title rows. Its figures become rate overrides for the year the
 * sheet names (or the year being checked, when it names none). A row that cannot be used is a finding
 * that says why, never an exception and never dropped silently: the built-in figures still apply for
 * anything the sheet does not give.
 */
import { parseFinancialYear, type FinancialYear, type IsoDate } from "../common/dates";
import type { Grid } from "../common/grid";
import { isRateSheetName, rateSheetFinancialYear } from "../common/owned";
import type { RateOverride, RuleSet } from "../rules/ruleset";
import { REGION_WORDS, type AmountKey, type Finding, type MhpTable, type Region, type RoleId } from "../rules/types";
import { cellText, isBlankCell, parseMoney, quoteValue } from "./cells";
import { HEADER_SEARCH_ROWS } from "./header-row";
import { findRateColumns, type AmountColumn, type RateColumns } from "./rate-columns";
import { mhpTableIn, parseRateLine, roleAndBandOf, rowAsLine, singleBand, splitTrailingBand, tableHeading, type RateLine } from "./rate-line";

export const RATE_SHEET_SOURCE = "Your \"ARRS max reimb\" sheet (ARRS reference, section 7)";

/** From 2025/26 a mental health practitioner's maximum depends on the band and table (DES Tables 3a, 3b). */
const MHP_TABLES_FROM: IsoDate = "2025-04-01";
const MHP: RoleId = "mental-health-practitioner";

const TABLE_WORDS: Record<MhpTable, string> = { "first-in-band": "first MHP in band, 50%", "with-agreement": "with written agreement, 100%" };
const TOTAL_ROLE = /^(?:grand |sub ?)?totals?$|^sum$/;

/** Financial-year text in a sheet name or title: "22-23", "2025-26", "25/26", "2025/2026", "FY 2024". */
const YEAR_IN_TEXT = /(?:^|[^\d])(\d{2}|\d{4})\s*[/\-–_]\s*(\d{2}|\d{4})(?!\d)|(?:^|[^\d])(20\d{2})(?!\d)/;

/**
 * The financial year a rate sheet's name gives, or null when it gives none. "ARRS max reimb 22-23" is
 * 2022/23; "ARRS max reimb 2025" is the year starting in 2025.
 */
export function financialYearFromSheetName(name: string): FinancialYear | null {
  // The pipeline picks the year to check with the shared reader; use the same one so the two agree.
  return isRateSheetName(name) ? rateSheetFinancialYear(name) : yearIn(name);
}

function yearIn(text: string): FinancialYear | null {
  const match = YEAR_IN_TEXT.exec(text);
  if (!match) return null;
  if (match[3]) return parseFinancialYear(match[3]);
  return parseFinancialYear(`${match[1]}/${match[2]}`);
}

export interface RateSheetResult {
  financialYear: FinancialYear;
  overrides: RateOverride[];
  findings: Finding[];
}

/** What one read of a sheet keeps as it goes down the rows. */
interface Reading {
  rules: RuleSet;
  sheetName: string;
  year: FinancialYear;
  overrides: RateOverride[];
  findings: Finding[];
  /** The first row that gave each role, region, band and table. */
  seen: Map<string, number>;
  /** The MHP table the last heading named ("Table 3a: first MHP per band"), for rows that give only a band. */
  section: MhpTable | null;
  /** Rows that name a role but give no figure (a template not yet filled in). */
  unfilled: { rowNumber: number; role: RoleId }[];
  /** Whether any row looked like a rate row at all (used or not). */
  rateRows: number;
}

/** One row's figures, however the row was laid out. */
interface RateRow {
  rowNumber: number;
  roleText: string;
  bandText: string | null;
  /** Every word on the row that could name the MHP table. */
  tableText: string;
  amounts: { regions: Region[]; value: unknown; label: string }[];
  /** A pasted line, whose figures are placed by their count rather than by headers. */
  fromLine: boolean;
  /** A pasted line with more than three figures: which is which cannot be told. */
  tooMany?: boolean;
}

/**
 * Reads an "ARRS max reimb" sheet. Each usable amount becomes an override for the whole financial
 * year; a role given twice for the same region (and band and table) keeps the first figure (a later
 * row is reported rather than silently winning).
 */
export function readRateSheet(grid: Grid, options: { rules: RuleSet; checkedYear: FinancialYear }): RateSheetResult {
  const sheetName = typeof grid?.sheetName === "string" ? grid.sheetName : "";
  const named = financialYearFromSheetName(sheetName);
  const reading: Reading = {
    rules: options.rules, sheetName, year: named ?? options.checkedYear, overrides: [], findings: [],
    seen: new Map(), section: null, unfilled: [], rateRows: 0,
  };
  const rows = (Array.isArray(grid?.values) ? grid.values : []).map((row) => (Array.isArray(row) ? row : []));
  const firstRow = grid?.firstRow ?? 1;
  try {
    const columns = findRateColumns(rows, reading.year);
    if (!named) warnOfTitleYear(reading, rows.slice(0, columns?.rowIndex ?? 3), { checkedYear: options.checkedYear, firstRow });
    const start = columns ? columns.rowIndex + 1 : 0;
    for (let index = start; index < rows.length; index++) readRow(reading, rows[index], { rowNumber: firstRow + index, columns });
    if (!columns && reading.rateRows === 0) warnNoTable(reading);
    else noteUnfilled(reading);
  } catch (error) {
    warn(reading, `Sheet "${sheetName}" could not be read (${String(error).slice(0, 80)}); the built-in figures were used.`);
  }
  return { financialYear: reading.year, overrides: reading.overrides, findings: reading.findings };
}

function warn(reading: Reading, message: string, rowNumber?: number, details?: Finding["details"], severity: Finding["severity"] = "warning"): void {
  reading.findings.push({
    code: "RATE_SHEET_PROBLEM", severity, message, source: RATE_SHEET_SOURCE,
    ...(rowNumber !== undefined ? { rowNumber } : {}), ...(details ? { details } : {}),
  });
}

/** A title may name a year the sheet name does not; using the figures for another year would be wrong. */
function warnOfTitleYear(reading: Reading, titleRows: unknown[][], options: { checkedYear: FinancialYear; firstRow: number }): void {
  const titleYear = titleRows.flat().map((cell) => cellText(cell)).filter(Boolean)
    .map((text) => yearIn(text as string)).find((year) => year !== null);
  if (titleYear && titleYear.startYear !== options.checkedYear.startYear) {
    warn(reading, `Sheet "${reading.sheetName}" names no year, so its figures were used for ${options.checkedYear.label}, `
      + `but its title mentions ${titleYear.label}. If they are ${titleYear.label} figures, rename the sheet `
      + `"ARRS max reimb ${titleYear.label.replace("/", "-")}".`, options.firstRow);
  }
}

function warnNoTable(reading: Reading): void {
  warn(reading, `Sheet "${reading.sheetName}" was not used: none of its first ${HEADER_SEARCH_ROWS} rows has a "Role" column `
    + "header next to an amount column (for example \"Max reimbursement\", or \"National\", \"Outer London\", "
    + "\"Inner London\"), and no row ends with amounts as the DES prints them (\"Clinical Pharmacist 7-8a £69,383 "
    + "£76,803 £79,956\"). Add those headers above the table, or paste the DES table's lines, so its figures can be used.");
}

/** One note for the roles the sheet names without a figure, so that none is passed over silently. */
function noteUnfilled(reading: Reading): void {
  const unfilled = reading.unfilled.filter(({ role }) => !reading.overrides.some((o) => o.role === role));
  if (unfilled.length === 0) return;
  const shown = unfilled.slice(0, 6).map(({ rowNumber, role }) => `${reading.rules.role(role).name} (row ${rowNumber})`);
  const more = unfilled.length > shown.length ? ` and ${unfilled.length - shown.length} more` : "";
  warn(reading, `Sheet "${reading.sheetName}" gives no ${reading.year.label} figure for ${shown.join(", ")}${more}: `
    + "the built-in figures, if any, are used for them. Fill in the blank cells from the DES to use your own.",
  undefined, { rows: unfilled.map((u) => u.rowNumber).join(", ") }, "info");
}

function readRow(reading: Reading, row: unknown[], options: { rowNumber: number; columns: RateColumns | null }): void {
  const { rowNumber, columns } = options;
  const fromColumns = columns ? rowFromColumns(row, columns, rowNumber) : null;
  if (fromColumns && fromColumns.amounts.length > 0) {
    useRow(reading, fromColumns);
    return;
  }
  // No figure in the amount columns (or no header at all): a pasted DES line, a heading, or a blank.
  // Under a header, only the cells from the role to the last amount column: the others (the source,
  // last year's figures) are not this year's figures.
  const line = rowAsLine(columns ? row.slice(Math.min(columns.role, ...amountIndexes(columns)), Math.max(columns.role, ...amountIndexes(columns)) + 1) : row);
  if (!line) return;
  const parsed = parseRateLine(line);
  if (parsed) {
    useRow(reading, rowFromLine(parsed, rowNumber));
    return;
  }
  const heading = tableHeading(line);
  if (heading) reading.section = heading === "other" ? null : heading;
  const roleText = columns ? cellText(row[columns.role]) : line;
  const bandText = columns && columns.band !== null ? cellText(row[columns.band]) : null;
  const { role } = roleText ? roleAndBandOf(reading.rules, roleText, bandText) : { role: null };
  if (role && !heading) reading.unfilled.push({ rowNumber, role });
}

function amountIndexes(columns: RateColumns): number[] {
  return columns.amounts.map((a) => a.index);
}

function rowFromColumns(row: unknown[], columns: RateColumns, rowNumber: number): RateRow {
  const roleText = cellText(row[columns.role]) ?? "";
  const bandText = columns.band === null ? null : cellText(row[columns.band]);
  const tableCell = columns.table === null ? null : cellText(row[columns.table]);
  const amounts = columns.amounts.filter((a: AmountColumn) => !isBlankCell(row[a.index]))
    .map((a) => ({ regions: a.regions, value: row[a.index], label: a.header }));
  return { rowNumber, roleText, bandText, tableText: [roleText, bandText, tableCell].filter(Boolean).join(" "), amounts, fromLine: false };
}

/**
 * A pasted line's figures: one is the national amount; three are national, outer and inner London, in
 * the DES's order; two are a GP's national and London rate (Table 3c has one London rate for GPs).
 */
function rowFromLine(line: RateLine, rowNumber: number): RateRow {
  const regions: Region[][] = line.amounts.length === 3
    ? [["national"], ["outer-london"], ["inner-london"]]
    : line.amounts.length === 2 ? [["national"], ["outer-london", "inner-london"]] : [["national"]];
  const labels = line.amounts.length === 3 ? ["national", "outer London", "inner London"] : ["national", "London"];
  const tooMany = line.amounts.length > 3;
  return {
    rowNumber, roleText: line.prefix, bandText: null, tableText: line.prefix, fromLine: true, tooMany,
    amounts: tooMany ? [] : line.amounts.map((value, i) => ({ regions: regions[i], value, label: `the ${labels[i]} figure` })),
  };
}

function useRow(reading: Reading, row: RateRow): void {
  const { rowNumber, roleText } = row;
  const where = `Row ${rowNumber} of "${reading.sheetName}"`;
  if (TOTAL_ROLE.test(roleText.toLowerCase().replace(/[^a-z ]+/g, "").trim())) return;
  reading.rateRows += 1;
  if (row.tooMany) {
    warn(reading, `${where} has more than three amounts, so it was not used. Give one row per role with the national, `
      + "outer London and inner London amounts, in that order.", rowNumber);
    return;
  }
  const role = roleOfRow(reading, row);
  if (!role) return;
  // Two figures on a pasted line are a national and a London rate only for a GP (DES Table 3c).
  if (row.fromLine && row.amounts.length === 2 && role.id !== "general-practitioner") {
    warn(reading, `${where} gives two amounts for ${reading.rules.role(role.id).name}, so it was not used: it is not clear which `
      + "regions they are for. Give the national, outer London and inner London amounts, in that order, or put them "
      + "under \"National\", \"Outer London\" and \"Inner London\" headers.", rowNumber);
    return;
  }
  const key = amountKey(reading, row, role);
  if (key === null) return;
  for (const amount of row.amounts) addAmount(reading, { row, role: role.id, key, amount });
}

function roleOfRow(reading: Reading, row: RateRow): { id: RoleId; band: string | null } | null {
  const where = `Row ${row.rowNumber} of "${reading.sheetName}"`;
  const { role, band } = roleAndBandOf(reading.rules, row.roleText, row.bandText);
  if (role) return { id: role, band };
  // Under a "Table 3a" or "Table 3b" heading, a row may give only its band: the table is of MHPs.
  const { rest, band: bandOnly } = splitTrailingBand(row.roleText);
  if (reading.section && rest === "" && bandOnly) return { id: MHP, band: row.bandText ?? bandOnly };
  if (!row.roleText || (rest === "" && bandOnly)) {
    warn(reading, `${where} has an amount but no role, so it was not used. Enter the role in the Role column (a row that gives `
      + "only a band is read as a mental health practitioner's under a \"Table 3a\" or \"Table 3b\" heading).", row.rowNumber);
    return null;
  }
  warn(reading, `${where}: the role ${quoteValue(row.roleText)} is not one the tool recognises, so its figures were not used. `
    + "Rename it to the scheme's name for the role (for example \"Clinical Pharmacist\").",
  row.rowNumber, { role: quoteValue(row.roleText).slice(1, -1) });
  return null;
}

/**
 * Which of a role's amounts the row gives. Only a mental health practitioner's depend on the band and
 * table, and only from 2025/26; every other amount is for the role whatever the band.
 */
function amountKey(reading: Reading, row: RateRow, role: { id: RoleId; band: string | null }): AmountKey | null {
  if (role.id !== MHP || reading.year.end < MHP_TABLES_FROM) return {};
  const where = `Row ${row.rowNumber} of "${reading.sheetName}"`;
  const band = singleBand(role.band);
  const table = mhpTableIn(row.tableText) ?? reading.section;
  if (band === null) {
    warn(reading, `${where}: from 2025/26 a mental health practitioner's maximum depends on the Agenda for Change band, and `
      + `${role.band ? `${quoteValue(role.band)} is not one band` : "no band is given"}, so it was not used. Give one band: 4, 5, 6, 7 or 8a.`, row.rowNumber);
    return null;
  }
  if (table === null) {
    warn(reading, `${where}: from 2025/26 a mental health practitioner's maximum depends on the DES table, and the row does `
      + "not say which, so it was not used. Add \"Table 3a\" (first MHP in the band, 50%) or \"Table 3b\" (further MHPs "
      + "with a written agreement, 100%) to the role.", row.rowNumber);
    return null;
  }
  return { band, mhpTable: table };
}

function addAmount(reading: Reading, options: { row: RateRow; role: RoleId; key: AmountKey; amount: RateRow["amounts"][number] }): void {
  const { row, role, key, amount } = options;
  const parsed = parseMoney(amount.value);
  if (!parsed) return;
  if (!parsed.ok || parsed.value === 0) {
    const problem = parsed.ok ? `${quoteValue(amount.value)} is zero` : parsed.problem;
    warn(reading, `Row ${row.rowNumber} of "${reading.sheetName}", ${amount.label}: ${problem}, so it was not used. Enter the `
      + "annual maximum in pounds, for example 55,670.", row.rowNumber, { value: quoteValue(amount.value).slice(1, -1) });
    return;
  }
  for (const region of amount.regions) {
    const seenKey = `${role}|${region}|${key.band ?? ""}|${key.mhpTable ?? ""}`;
    const firstRowNumber = reading.seen.get(seenKey);
    if (firstRowNumber !== undefined) {
      const which = key.mhpTable ? ` (band ${key.band}, ${TABLE_WORDS[key.mhpTable]})` : "";
      warn(reading, `Row ${row.rowNumber} of "${reading.sheetName}" gives a second ${REGION_WORDS[region]} maximum for `
        + `${reading.rules.role(role).name}${which}; the one on row ${firstRowNumber} was used. Keep one row per role `
        + "(the DES gives one maximum per role).", row.rowNumber, { role, region });
      continue;
    }
    reading.seen.set(seenKey, row.rowNumber);
    reading.overrides.push({
      role, region, amount: parsed.value, from: reading.year.start, to: reading.year.end, sheetName: reading.sheetName,
      rowNumber: row.rowNumber,
      ...(key.band ? { band: key.band } : {}), ...(key.mhpTable ? { mhpTable: key.mhpTable } : {}),
    });
  }
}
