/**
 * Reads a user's "ARRS max reimb" sheet (ARRS reference, section 7): a table of roles, sometimes with a
 * band, against an annual maximum, sometimes with outer/inner London columns, usually under a title
 * row or two. Its figures become rate overrides for the year the sheet names (or the year being
 * checked, when it names none). Rows that cannot be used are warnings, never exceptions: the built-in
 * figures still apply for anything the sheet does not give.
 */
import { parseFinancialYear, type FinancialYear } from "../common/dates";
import type { Grid } from "../common/grid";
import { isRateSheetName, rateSheetFinancialYear } from "../common/owned";
import type { RateOverride, RuleSet } from "../rules/ruleset";
import type { Finding, Region, RoleId } from "../rules/types";
import { cellText, isBlankCell, parseMoney, quoteValue } from "./cells";
import { normaliseHeader } from "./columns";
import { HEADER_SEARCH_ROWS } from "./header-row";
import { resolveRoleText } from "./role-text";

export const RATE_SHEET_SOURCE = "Your \"ARRS max reimb\" sheet (ARRS reference, section 7)";

const REGION_WORDS: Record<Region, string> = {
  national: "national",
  "outer-london": "outer London",
  "inner-london": "inner London",
};

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

interface RateColumns {
  rowIndex: number;
  role: number;
  band: number | null;
  amounts: { index: number; region: Region; header: string }[];
}

const ROLE_HEADERS = new Set(["role", "roles", "job role", "staff role", "role title", "job title"]);
const BAND_HEADERS = /^(?:afc )?(?:band|banding|grade|pay band)$/;
/** A generic amount header; with no region word it means the national rate. */
const AMOUNT_WORDS = /\b(?:max|maximum|reimb|reimbursement|reimbursable|amount|annual max|rate)\b/;
/** Headers that hold parts of the cost, or monthly figures, never the annual maximum. */
const MONTHLY = /\b(?:monthly|per month|pcm|a month)\b/;
const NOT_AMOUNT = /\b(?:monthly|per month|pcm|salary|ni|nic|national insurance|pension|superannuation|on ?costs?|wte|hours|band|grade)\b/;

function regionOf(header: string): Region | null {
  if (/\binner\b/.test(header)) return "inner-london";
  if (/\bouter\b/.test(header)) return "outer-london";
  if (/\bnational\b|\bengland\b|\brest of england\b/.test(header)) return "national";
  return null;
}

function findRateColumns(rows: unknown[][]): RateColumns | null {
  for (let rowIndex = 0; rowIndex < Math.min(rows.length, HEADER_SEARCH_ROWS); rowIndex++) {
    const row = rows[rowIndex];
    let role = -1;
    let band: number | null = null;
    const regional: RateColumns["amounts"] = [];
    const generic: RateColumns["amounts"] = [];
    const totals: RateColumns["amounts"] = [];
    row.forEach((cell, index) => {
      if (typeof cell !== "string") return;
      const header = normaliseHeader(cell);
      if (!header) return;
      if (role < 0 && (ROLE_HEADERS.has(header) || /\broles?$/.test(header))) {
        role = index;
        return;
      }
      if (band === null && BAND_HEADERS.test(header)) {
        band = index;
        return;
      }
      if (MONTHLY.test(header)) return;
      // "Max reimbursement inc NI and pension" is the maximum; "Max salary" or "Outer London NI" is not.
      const isMaximum = /\b(?:reimb\w*|max|maximum)\b/.test(header);
      const region = regionOf(header);
      if (region && (isMaximum || !NOT_AMOUNT.test(header))) regional.push({ index, region, header: cell.trim() });
      else if (AMOUNT_WORDS.test(header) && (/\breimb/.test(header) || !NOT_AMOUNT.test(header))) {
        generic.push({ index, region: "national", header: cell.trim() });
      } else if (/\btotal\b/.test(header) && !NOT_AMOUNT.test(header.replace(/\btotal\b/, ""))) {
        totals.push({ index, region: "national", header: cell.trim() });
      }
    });
    if (role < 0) continue;
    // Region columns say which rate they hold; a generic "Max reimbursement" column is the national
    // rate only when no column says "national"; a bare "Total" is the last resort.
    const amounts = [...regional];
    if (!amounts.some((a) => a.region === "national")) {
      const fallback = generic.find((g) => /\breimb/.test(normaliseHeader(g.header))) ?? generic[0] ?? totals[0];
      if (fallback) amounts.push(fallback);
    }
    if (amounts.length) return { rowIndex, role, band, amounts };
  }
  return null;
}

const TOTAL_ROLE = /^(?:grand |sub ?)?totals?$|^sum$/;

/**
 * Reads an "ARRS max reimb" sheet. Each usable amount becomes an override for the whole financial
 * year; a role given twice for the same region keeps the first figure (a later row, perhaps another
 * band, is reported rather than silently winning).
 */
export function readRateSheet(
  grid: Grid, options: { rules: RuleSet; checkedYear: FinancialYear },
): { financialYear: FinancialYear; overrides: RateOverride[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const sheetName = typeof grid?.sheetName === "string" ? grid.sheetName : "";
  const warn = (message: string, rowNumber?: number, details?: Finding["details"]) => {
    findings.push({
      code: "RATE_SHEET_PROBLEM", severity: "warning", message, source: RATE_SHEET_SOURCE,
      ...(rowNumber !== undefined ? { rowNumber } : {}), ...(details ? { details } : {}),
    });
  };
  const named = financialYearFromSheetName(sheetName);
  const financialYear = named ?? options.checkedYear;
  const rows = (Array.isArray(grid?.values) ? grid.values : []).map((row) => (Array.isArray(row) ? row : []));
  const firstRow = grid?.firstRow ?? 1;
  const overrides: RateOverride[] = [];

  try {
    const columns = findRateColumns(rows);
    if (!columns) {
      warn(`Sheet "${sheetName}" was not used: none of its first ${HEADER_SEARCH_ROWS} rows has a "Role" column `
        + "header next to an amount column (for example \"Max reimbursement\", or \"National\", \"Outer London\", "
        + "\"Inner London\"). Add those headers above the table so its figures can be used.");
      return { financialYear, overrides, findings };
    }

    if (!named) {
      // A title may name a year the sheet name does not; using it for another year would be wrong.
      const titleYear = rows.slice(0, columns.rowIndex).flat().map((cell) => cellText(cell)).filter(Boolean)
        .map((text) => yearIn(text as string)).find((year) => year !== null);
      if (titleYear && titleYear.startYear !== options.checkedYear.startYear) {
        warn(`Sheet "${sheetName}" names no year, so its figures were used for ${options.checkedYear.label}, `
          + `but its title mentions ${titleYear.label}. If they are ${titleYear.label} figures, rename the sheet `
          + `"ARRS max reimb ${titleYear.label.replace("/", "-")}".`, firstRow);
      }
    }

    const seen = new Map<string, number>();
    for (let index = columns.rowIndex + 1; index < rows.length; index++) {
      const row = rows[index];
      const rowNumber = firstRow + index;
      const roleText = cellText(row[columns.role]);
      const amountCells = columns.amounts.filter((a) => !isBlankCell(row[a.index]));
      if (!roleText) {
        if (amountCells.length) {
          warn(`Row ${rowNumber} of "${sheetName}" has an amount but no role, so it was not used. Enter the role `
            + "in the Role column.", rowNumber);
        }
        continue;
      }
      if (TOTAL_ROLE.test(roleText.toLowerCase().replace(/[^a-z ]+/g, "").trim())) continue;
      // Headings and notes in the role column, with no amounts beside them, are not rates.
      if (!amountCells.length) continue;
      const band = columns.band === null ? null : cellText(row[columns.band]);
      const role: RoleId | null = resolveRoleText(options.rules, roleText, band);
      if (!role) {
        warn(`Row ${rowNumber} of "${sheetName}": the role ${quoteValue(roleText)} is not one the tool recognises, so `
          + "its figures were not used. Rename it to the scheme's name for the role (for example \"Clinical Pharmacist\").",
        rowNumber, { role: quoteValue(roleText).slice(1, -1) });
        continue;
      }
      for (const amountColumn of amountCells) {
        const value = row[amountColumn.index];
        const parsed = parseMoney(value);
        if (!parsed) continue;
        if (!parsed.ok || parsed.value === 0) {
          const problem = parsed.ok ? `${quoteValue(value)} is zero` : parsed.problem;
          warn(`Row ${rowNumber} of "${sheetName}", ${amountColumn.header}: ${problem}, so it was not used. Enter the `
            + "annual maximum in pounds, for example 55,670.", rowNumber, { value: quoteValue(value).slice(1, -1) });
          continue;
        }
        const key = `${role}|${amountColumn.region}`;
        const firstRowNumber = seen.get(key);
        if (firstRowNumber !== undefined) {
          warn(`Row ${rowNumber} of "${sheetName}" gives a second ${REGION_WORDS[amountColumn.region]} maximum for `
            + `${options.rules.role(role).name}; the one on row ${firstRowNumber} was used. Keep one row per role `
            + "(the DES gives one maximum per role).", rowNumber, { role, region: amountColumn.region });
          continue;
        }
        seen.set(key, rowNumber);
        overrides.push({
          role, region: amountColumn.region, amount: parsed.value, from: financialYear.start, to: financialYear.end,
          sheetName, rowNumber,
        });
      }
    }
  } catch (error) {
    warn(`Sheet "${sheetName}" could not be read (${String(error).slice(0, 80)}); the built-in figures were used.`);
  }
  return { financialYear, overrides, findings };
}
