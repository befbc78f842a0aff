/**
 * The header row of an "ARRS max reimb" sheet, when it has one: which column holds the role, the band,
 * the MHP table, and which hold the national, outer London and inner London maximums. Columns that hold
 * other things (salary, on-costs, monthly figures, last year's figures, the source) are not amounts.
 */
import type { FinancialYear } from "../common/dates";
import type { Region } from "../rules/types";
import { normaliseHeader } from "./columns";
import { HEADER_SEARCH_ROWS } from "./header-row";

export interface AmountColumn {
  index: number;
  /** The regions the column's figure is for: a "London" column serves outer and inner London alike. */
  regions: Region[];
  header: string;
}

export interface RateColumns {
  rowIndex: number;
  role: number;
  band: number | null;
  /** A column naming the MHP table ("Table", "MHP table"), if there is one. */
  table: number | null;
  amounts: AmountColumn[];
}

const ROLE_HEADERS = new Set(["role", "roles", "job role", "staff role", "role title", "job title"]);
const BAND_HEADERS = /^(?:afc )?(?:band|banding|grade|pay band|agenda for change band)$/;
const TABLE_HEADERS = /^(?:mhp )?(?:table|des table|funding|mhp funding)$/;
/** A generic amount header; with no region word it means the national rate. */
const AMOUNT_WORDS = /\b(?:max|maximum|reimb|reimbursement|reimbursable|amount|annual max|rate)\b/;
/** Headers that hold parts of the cost, or monthly figures, never the annual maximum. */
const MONTHLY = /\b(?:monthly|per month|pcm|a month)\b/;
const NOT_AMOUNT = /\b(?:monthly|per month|pcm|salary|ni|nic|national insurance|pension|superannuation|on ?costs?|wte|hours|band|grade)\b/;
/** Figures shown for orientation only (the rates template puts last year's beside this year's). */
const FOR_REFERENCE = /\b(?:previous|last year|prior year|for reference|orientation)\b/;
const YEAR_WORDS = /\b(20\d{2})\s*[/\-–]\s*(?:20)?\d{2}\b/;

function regionsOf(header: string): Region[] | null {
  if (/\binner\b/.test(header)) return ["inner-london"];
  if (/\bouter\b/.test(header)) return ["outer-london"];
  if (/\bnational\b|\bengland\b|\brest of england\b/.test(header)) return ["national"];
  if (/\blondon\b/.test(header)) return ["outer-london", "inner-london"];
  return null;
}

/** A header naming another year than the sheet's is that year's figure, shown for comparison. */
function isOtherYear(header: string, year: FinancialYear): boolean {
  const named = YEAR_WORDS.exec(header);
  return FOR_REFERENCE.test(header) || (named !== null && Number(named[1]) !== year.startYear);
}

interface HeaderCells {
  role: number;
  band: number | null;
  table: number | null;
  regional: AmountColumn[];
  generic: AmountColumn[];
  totals: AmountColumn[];
}

function readHeaderRow(row: readonly unknown[], year: FinancialYear): HeaderCells {
  const found: HeaderCells = { role: -1, band: null, table: null, regional: [], generic: [], totals: [] };
  row.forEach((cell, index) => {
    if (typeof cell !== "string") return;
    const header = normaliseHeader(cell);
    if (!header) return;
    if (found.role < 0 && (ROLE_HEADERS.has(header) || /\broles?$/.test(header))) {
      found.role = index;
      return;
    }
    if (found.band === null && BAND_HEADERS.test(header)) {
      found.band = index;
      return;
    }
    if (found.table === null && TABLE_HEADERS.test(header)) {
      found.table = index;
      return;
    }
    if (MONTHLY.test(header) || isOtherYear(header, year)) return;
    // "Max reimbursement inc NI and pension" is the maximum; "Max salary" or "Outer London NI" is not.
    const isMaximum = /\b(?:reimb\w*|max|maximum)\b/.test(header);
    const regions = regionsOf(header);
    const column = { index, header: cell.trim() };
    if (regions && (isMaximum || !NOT_AMOUNT.test(header))) {
      // The first column for a region is the one used; a second is most likely a copy for comparison.
      if (!found.regional.some((a) => a.regions.some((r) => regions.includes(r)))) found.regional.push({ ...column, regions });
    } else if (AMOUNT_WORDS.test(header) && (/\breimb/.test(header) || !NOT_AMOUNT.test(header))) {
      found.generic.push({ ...column, regions: ["national"] });
    } else if (/\btotal\b/.test(header) && !NOT_AMOUNT.test(header.replace(/\btotal\b/, ""))) {
      found.totals.push({ ...column, regions: ["national"] });
    }
  });
  return found;
}

/**
 * The first of the sheet's top rows that has a role column and at least one amount column, or null
 * when none has (a sheet of pasted DES lines often has no header row at all).
 */
export function findRateColumns(rows: readonly (readonly unknown[])[], year: FinancialYear): RateColumns | null {
  for (let rowIndex = 0; rowIndex < Math.min(rows.length, HEADER_SEARCH_ROWS); rowIndex++) {
    const { role, band, table, regional, generic, totals } = readHeaderRow(rows[rowIndex], year);
    if (role < 0) continue;
    // Region columns say which rate they hold; a generic "Max reimbursement" column is the national
    // rate only when no column says "national"; a bare "Total" is the last resort.
    const amounts = [...regional];
    if (!amounts.some((a) => a.regions.includes("national"))) {
      const fallback = generic.find((g) => /\breimb/.test(normaliseHeader(g.header))) ?? generic[0] ?? totals[0];
      if (fallback) amounts.push(fallback);
    }
    if (amounts.length) return { rowIndex, role, band, table, amounts };
  }
  return null;
}
