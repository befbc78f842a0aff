/**
 * "ICB Summary": the roll-up's first sheet, one row per PCN, for an ICB analyst comparing 20 to 40
 * PCNs. Each row: who the PCN is, its staff, its ARRS sum, what it can claim for the year, what is
 * claimed to date and forecast for the rest of the year, what planned posts would add, what would go
 * unspent, and its errors, warnings and figures not confirmed; then the totals, the workbooks that
 * could not be checked (with why), notes, and a chart of the year by PCN.
 */
import { formatUkDate } from "../common/dates";
import { longMonth } from "./claim-header";
import { blank, integer, money, SheetRows, text, wte } from "./cells";
import { fileName, pcnFigures, pcnIdentity, sumsKnownForSome, totalFigures, type PcnFigures, type PcnIdentity } from "./icb-figures";
import type { CheckedPcn, Rollup } from "./icb-types";
import { textLines } from "./summary-sheet";
import type { ChartSpec, OutputCell, OwnedSheet } from "./types";

export const ICB_SUMMARY_SHEET = "ICB Summary";

/** The table's columns, left to right; the money columns' letters are used by the chart. */
const COLUMNS = [
  "PCN", "ODS code", "File", "Practices", "Staff", "WTE", "ARRS sum", "Claimable, whole year", "Claimed to date",
  "Forecast, rest of year", "Planned posts", "Forecast unspent", "Errors", "Warnings", "Figures not confirmed",
] as const;

/** Wide enough for each header on one line (headers do not wrap: row heights are the user's). */
const WIDTHS = [30, 10, 30, 10, 8, 8, 14, 21, 15, 21, 14, 17, 8, 10, 44];

const column = (name: (typeof COLUMNS)[number]): number => COLUMNS.indexOf(name) + 1;

/** Characters of a note on one line, across the table's width. */
const NOTE_WIDTH = 170;

export function buildIcbSummarySheet(rollup: Rollup): OwnedSheet {
  const checked = rollup.pcns.filter((pcn): pcn is CheckedPcn => pcn.kind === "checked");
  const failed = rollup.pcns.filter((pcn) => pcn.kind === "failed");
  const figures = checked.map(pcnFigures);
  const sheet = new SheetRows();
  const year = rollup.financialYear ?? "";
  sheet.add(text(`ARRS roll-up ${year}: ${checked.length} ${checked.length === 1 ? "PCN" : "PCNs"}`.trim(), "title"));
  sheet.add(text(`Made on ${formatUkDate(rollup.generatedOn)}. ${asOfWords(rollup, checked)} `
    + `${failed.length > 0 ? `${failed.length} ${failed.length === 1 ? "workbook" : "workbooks"} could not be checked: see below the totals.` : "Every workbook was checked."}`, "note"));
  sheet.gap();
  const headerRow = sheet.add(...COLUMNS.map((name) => text(name, "header")));
  const first = sheet.nextRow;
  checked.forEach((pcn, i) => sheet.add(...pcnRow(pcn, figures[i])));
  const last = sheet.nextRow - 1;
  if (checked.length === 0) sheet.add(text("No workbook could be checked.", "warning"));
  sheet.add(...totalRow(figures));
  if (failed.length > 0) {
    sheet.gap();
    sheet.add(text("Workbooks not checked", "subtitle"));
    sheet.add(text("File", "header"), text("Why", "header"));
    // The reason runs on across the empty cells to its right; the file's cell carries the colour.
    for (const pcn of failed) sheet.add(text(fileName(pcn.file), "error"), text(pcn.error));
  }
  sheet.gap();
  sheet.add(text("Notes", "subtitle"));
  for (const note of notes(rollup)) for (const line of textLines(note, NOTE_WIDTH)) sheet.add(text(line, "note"));
  sheet.gap();
  const charts = checked.length > 0 ? [yearByPcnChart({ year, first, last, top: sheet.nextRow, forecast: figures.some((f) => f.toDate !== null) })] : [];
  return {
    name: ICB_SUMMARY_SHEET,
    rows: sheet.rows,
    columnWidths: WIDTHS,
    freezeRows: headerRow,
    autoFilter: { top: headerRow, left: 1, bottom: Math.max(headerRow, last), right: COLUMNS.length },
    charts,
    print: { landscape: true, fitToWidth: 1, repeatRows: headerRow },
  };
}

/** How the year splits at the as-of date: "Claimed to date: April to November 2026, as of 30/11/2026; December to March is forecast." */
function asOfWords(rollup: Rollup, checked: readonly CheckedPcn[]): string {
  const forecast = checked.find((pcn) => pcn.forecast)?.forecast;
  const asOf = formatUkDate(rollup.asOf);
  if (!forecast) return `As of ${asOf}.`;
  const months = forecast.months.map((m) => longMonth(m.month));
  if (forecast.monthsToDate >= months.length) return `As of ${asOf} the year has ended: every month is to date, none forecast.`;
  if (forecast.monthsToDate <= 0) return `As of ${asOf} the year has not begun: every month is forecast.`;
  return `Claimed to date: ${months[0]} to ${months[forecast.monthsToDate - 1]}, as of ${asOf}; ${months[forecast.monthsToDate]} to ${months[months.length - 1]} is forecast.`;
}

function pcnRow(pcn: CheckedPcn, f: PcnFigures): OutputCell[] {
  const who = pcnIdentity(pcn);
  return [
    ...identityCells(who),
    integer(f.practices),
    integer(f.staff),
    wte(f.wte),
    f.entitlement === null ? text("not known", "info") : money(f.entitlement),
    money(f.claimable),
    money(f.toDate),
    money(f.restOfYear),
    money(f.plannedPosts),
    // Claims beyond the ARRS sum are not paid: an overspend shows as an error.
    money(f.unspent, f.unspent !== null && f.unspent < 0 ? "error" : undefined),
    integer(f.errors, f.errors > 0 ? "error" : undefined),
    integer(f.warnings, f.warnings > 0 ? "warning" : undefined),
    f.unconfirmed.length > 0 ? text(f.unconfirmed.join("; "), "warning") : text("none"),
  ];
}

/** PCN, ODS code and file: the first three columns of every ICB sheet's rows. */
export function identityCells(who: PcnIdentity): OutputCell[] {
  return [text(who.pcn), who.odsCode === null ? blank() : text(who.odsCode), text(who.file)];
}

function totalRow(figures: readonly PcnFigures[]): OutputCell[] {
  const t = totalFigures(figures);
  const total = (cell: OutputCell): OutputCell => ({ ...cell, style: "total" });
  return [
    text("Total", "total"), total(blank()), total(blank()),
    total(integer(t.practices)), total(integer(t.staff)), total(wte(t.wte)),
    total(money(t.entitlement)), total(money(t.claimable)), total(money(t.toDate)), total(money(t.restOfYear)),
    total(money(t.plannedPosts)), total(money(t.unspent)), total(integer(t.errors)), total(integer(t.warnings)), total(blank()),
  ];
}

function notes(rollup: Rollup): string[] {
  return [
    "Each PCN is checked with its own settings (list size, weighted population, region, PCN name and ODS code) from its workbook's ARRS Settings sheet; "
      + "a PCN with no name there is shown by its file's name. Each PCN's own checked copy (NAME.arrs.xlsx) has its Claim Summary, claim lines and findings in full.",
    "ARRS sum: the PCN's entitlement, from its weighted population; \"not known\" until that is given. Claimable, whole year: what the roster can claim from April to March. "
      + "Claimed to date and Forecast, rest of year split it at the as-of month; people in post carry on to their end date or the year end.",
    "Planned posts: posts on the rosters not yet filled (no name, or Vacancy, TBC, Planned), counted in the forecast only, never in claims. "
      + "Forecast unspent: the ARRS sum less the whole year's claims and the planned posts; money not claimed by 31 March is lost, and a negative figure is claimed beyond the ARRS sum, which is not paid.",
    "Figures not confirmed: what the claim rests on that is not confirmed against the DES (an inferred ARRS sum rate or maximum, an earlier year's maximum). "
      + `Errors and warnings count every finding; the ICB Findings sheet lists them by PCN, file, sheet and row. Money is in pounds and pence; totals add the PCNs' figures exactly.`,
    ...(sumsKnownForSome(rollup.pcns.filter((pcn): pcn is CheckedPcn => pcn.kind === "checked").map(pcnFigures)) ? ["The totals of ARRS sum and Forecast unspent add only the PCNs whose ARRS sum is known: give the others their weighted population."] : []),
    ...(rollup.financialYear ? [] : ["No financial year: no workbook could be checked."]),
  ];
}

/**
 * The year by PCN as stacked columns: claimed to date, forecast for the rest of the year and planned
 * posts, so each column's height is what the PCN would claim; without a forecast, the year's claim.
 */
function yearByPcnChart(options: { year: string; first: number; last: number; top: number; forecast: boolean }): ChartSpec {
  const { first, last, top } = options;
  const range = (name: (typeof COLUMNS)[number]) => ({ top: first, left: column(name), bottom: last, right: column(name) });
  const series = options.forecast
    ? [
      { name: "Claimed to date", values: range("Claimed to date") },
      { name: "Forecast, rest of year", values: range("Forecast, rest of year") },
      { name: "Planned posts", values: range("Planned posts") },
    ]
    : [{ name: "Claimable, whole year", values: range("Claimable, whole year") }];
  // Below the notes, across the first columns; taller for more PCNs so their names stay readable.
  return {
    type: "stackedColumn",
    title: `The year by PCN, ${options.year}`,
    categories: { top: first, left: column("PCN"), bottom: last, right: column("PCN") },
    series,
    anchor: { top, left: 1, bottom: top + 22, right: 7 },
    valueAxisTitle: "£",
  };
}
