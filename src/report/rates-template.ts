/**
 * The rates sheet a PCN completes once a year ("ARRS max reimb 26-27"): one row per role claimable in
 * the year (and, for mental health practitioners from 2025/26, one row per Agenda for Change band and
 * DES table), with the national, outer London and inner London maximums. The figures the tool knows
 * are filled in and cited; the rest are blank and shaded, to be copied from the DES. Last year's
 * figures sit beside them for comparison, under headers the rates reader does not take as this year's.
 * Pure data: the command line writes it as a new workbook, and the task pane inserts it.
 */
import { financialYearStarting, type FinancialYear, type IsoDate } from "../common/dates";
import { columnLetter } from "../common/grid";
import { describeSource, type RuleSet } from "../rules/ruleset";
import type { MaxAmount, MhpTable, Region, RoleDefinition } from "../rules/types";
import { REGION_TEXT } from "./words";
import { blank, money, SheetRows, text } from "./cells";
import type { OutputCell, OwnedSheet } from "./types";

/** A workbook-level name that marks a workbook (or sheet) the tool wrote as a rates template. */
export const RATES_TEMPLATE_NAME = "ARRS_RatesTemplate";

/** From 2025/26 a mental health practitioner's maximum depends on the band and table (DES Tables 3a, 3b). */
const MHP_TABLES_FROM: IsoDate = "2025-04-01";
/** From 2026/27 GPs have a table of their own (DES Table 3c). */
const GP_TABLE_FROM: IsoDate = "2026-04-01";
const MHP_BANDS = ["4", "5", "6", "7", "8a"] as const;
const REGIONS: readonly Region[] = ["national", "outer-london", "inner-london"];

const MHP_ROWS: { table: MhpTable; words: string; section: string }[] = [
  { table: "first-in-band", words: "first MHP in band (50%, Table 3a)", section: "Table 3a" },
  { table: "with-agreement", words: "further MHPs with written agreement (100%, Table 3b)", section: "Table 3b" },
];

export interface RatesTemplate {
  sheet: OwnedSheet;
  /** The first cell to fill in ("C8"), for the pane to select; null when every figure is known. */
  firstBlank: string | null;
  /** How many amount cells are blank, to be filled from the DES. */
  blanks: number;
  /** How many rows of roles (and MHP bands and tables) the table has. */
  lines: number;
}

/** "ARRS max reimb 26-27": the name the rates reader takes the year from. */
export function ratesSheetName(year: FinancialYear): string {
  const twoDigits = (n: number) => String(n % 100).padStart(2, "0");
  return `ARRS max reimb ${twoDigits(year.startYear)}-${twoDigits(year.startYear + 1)}`;
}

/** One row of the template: a role (with a band and table for MHPs) and what to look up. */
interface TemplateLine {
  role: RoleDefinition;
  label: string;
  band: string;
  /** The DES table to copy a blank from. */
  section: string;
  key: { band?: string; mhpTable?: MhpTable };
}

function templateLines(rules: RuleSet, year: FinancialYear): TemplateLine[] {
  const lines: TemplateLine[] = [];
  // A role that becomes claimable during the year is on the sheet too: its months in the year need a figure.
  for (const role of rules.rolesClaimableOn(year.end)) {
    if (role.id === "mental-health-practitioner" && year.start >= MHP_TABLES_FROM) {
      for (const { table, words, section } of MHP_ROWS) {
        for (const band of MHP_BANDS) lines.push({ role, label: `${role.name}: ${words}`, band, section, key: { band, mhpTable: table } });
      }
      continue;
    }
    const section = role.id === "general-practitioner" && year.start >= GP_TABLE_FROM ? "Table 3c" : "Table 2";
    lines.push({ role, label: role.name, band: role.band, section, key: {} });
  }
  return lines;
}

function title(year: FinancialYear): string {
  const tables = year.start >= GP_TABLE_FROM
    ? "Table 2 (roles), Tables 3a and 3b (mental health practitioners) and Table 3c (GPs)"
    : year.start >= MHP_TABLES_FROM ? "Table 2 (roles) and Tables 3a and 3b (mental health practitioners)" : "Table 2";
  return `Copy the figures from the Network Contract DES Contract specification ${year.label} - PCN Requirements and Entitlements, ${tables}.`;
}

/** The sources of a row's known figures, each named once: "National and Outer London: …; Inner London: …". */
function sourceText(known: (MaxAmount | null)[], line: TemplateLine, year: FinancialYear): string {
  const byText = new Map<string, string[]>();
  known.forEach((amount, i) => {
    if (!amount) return;
    const words = describeSource(amount);
    byText.set(words, [...(byText.get(words) ?? []), REGION_TEXT[REGIONS[i]]]);
  });
  const blankCount = known.filter((amount) => amount === null).length;
  const toFill = blankCount > 0 ? `To fill in from the DES ${year.label}, ${line.section}.` : "";
  if (byText.size === 0) return toFill;
  const cited = byText.size === 1 && blankCount === 0
    ? [...byText.keys()][0]
    : [...byText].map(([words, regions]) => `${joinWords(regions)}: ${words}`).join("; ");
  return toFill ? `${cited}. ${toFill}` : cited;
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** The column numbers of the amounts: National is column C. */
const FIRST_AMOUNT_COLUMN = 3;

/**
 * The rates template for a year: its sheet, and where the first blank is. `rules` gives the built-in
 * figures (a user's own sheet does not change what the template offers).
 */
export function buildRatesTemplate(rules: RuleSet, year: FinancialYear): RatesTemplate {
  const previous = financialYearStarting(year.startYear - 1);
  const sheet = new SheetRows();
  sheet.add(text(`ARRS maximum reimbursable amounts ${year.label}`, "title"));
  sheet.add(text(title(year), "subtitle"));
  sheet.add(text("Annual amounts per 1.0 WTE, including employer NI and pension. Shaded cells are figures the tool does not have: "
    + "type them in from the DES. Filled cells are the tool's own figures, with their "
    + "source; type over any you have a newer figure for.", "note"));
  sheet.add(text(`The ${previous.label} columns on the right are the tool's figures for last year, for comparison only: they are not read. `
    + `Check with: arrs check roster.xlsx --rates this-file.xlsx, or keep this sheet in the roster workbook.`, "note"));
  sheet.gap();
  sheet.add(...[
    "Role", "AfC band", "National", "Outer London", "Inner London", "Source",
    ...REGIONS.map((region) => `${previous.label} ${REGION_TEXT[region]} (for reference)`),
  ].map((header) => text(header, "header")));
  const headerRow = sheet.nextRow - 1;

  let firstBlank: string | null = null;
  let blanks = 0;
  const lines = templateLines(rules, year);
  for (const line of lines) {
    const known = REGIONS.map((region) => rules.builtInAmount(line.role.id, year.start, region, line.key));
    const before = REGIONS.map((region) => latestIn(rules, line, { year: previous, region }));
    const amountCells: OutputCell[] = known.map((amount) => (amount ? money(amount.amount) : money(null, "warning")));
    const rowNumber = sheet.add(
      text(line.label), text(line.band), ...amountCells, text(sourceText(known, line, year)),
      ...before.map((amount) => (amount ? money(amount.amount, "note") : blank())),
    );
    known.forEach((amount, i) => {
      if (amount) return;
      blanks += 1;
      firstBlank ??= `${columnLetter(FIRST_AMOUNT_COLUMN + i)}${rowNumber}`;
    });
  }
  return {
    sheet: {
      name: ratesSheetName(year),
      rows: sheet.rows,
      columnWidths: [58, 12, 14, 14, 14, 70, 16, 16, 16],
      freezeRows: headerRow,
    },
    firstBlank,
    blanks,
    lines: lines.length,
  };
}

/** Last year's figure as it stood at the end of the year (after any in-year uplift), else at its start. */
function latestIn(rules: RuleSet, line: TemplateLine, options: { year: FinancialYear; region: Region }): MaxAmount | null {
  const { year, region } = options;
  return rules.builtInAmount(line.role.id, year.end, region, line.key) ?? rules.builtInAmount(line.role.id, year.start, region, line.key);
}
