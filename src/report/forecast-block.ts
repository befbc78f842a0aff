/**
 * "The year ahead" on the Claim Summary (docs/forecast.md): the forecast's sentence, its figures, the
 * year by month as running totals against the ARRS sum (claimed to date, then forecast, then with
 * planned posts) with a line chart of them, and the planned posts, which are forecast only.
 */
import { formatMonth, formatUkDate } from "../common/dates";
import type { Forecast, PlannedPostForecast } from "../engine/forecast-types";
import { blank, date, money, type SheetRows, text, wte } from "./cells";
import { forecastSentence } from "./forecast-words";
import type { ChartSpec, OutputCell } from "./types";

/** What the summary sheet passes on to the block: the forecast, where the pipeline made one. */
export interface WithForecast {
  forecast?: Forecast | null;
}

export const PLANNED_POST_STATUS = "Planned post";
export const FORECAST_ONLY = "forecast only, not claimed";

const head = (value: string): OutputCell => text(value, "header");

/** The rows the running-totals chart takes below its table. */
const CHART_ROWS = 18;

/** "Apr 2025 – Dec 2025", or "none" for no months. */
function monthsWords(forecast: Forecast, from: number, to: number): string {
  if (to < from) return "none";
  const months = forecast.months;
  return from === to ? formatMonth(months[from].month) : `${formatMonth(months[from].month)} – ${formatMonth(months[to].month)}`;
}

/** Row 14: Vacancy, with the sheet where a PCN's roster is on several. */
export function plannedPostLabel(post: PlannedPostForecast, severalSheets: boolean): string {
  const where = severalSheets && post.sheet ? `Row ${post.rowNumber} of ${post.sheet}` : `Row ${post.rowNumber}`;
  return post.label ? `${where}: ${post.label}` : where;
}

/**
 * The figures: to date, the rest of the year (the people in post), planned posts, the ARRS sum and
 * what would be unspent. Labels fit column A (52 characters), as the figures beside them need B.
 */
function addFigures(sheet: SheetRows, forecast: Forecast): void {
  const last = forecast.monthsToDate - 1;
  sheet.add(text(`Claimed to date (${monthsWords(forecast, 0, last)})`), money(forecast.toDate));
  sheet.add(text(`Forecast, rest of year (${monthsWords(forecast, last + 1, 11)})`), money(forecast.restOfYear));
  sheet.add(text(`Planned posts (${FORECAST_ONLY})`), money(forecast.plannedPosts));
  sheet.add(text("ARRS sum (the PCN's entitlement)"), forecast.entitlement === null ? text("not known — enter weighted population", "info") : money(forecast.entitlement));
  const unspent = forecast.unspent;
  sheet.add(text(`Unspent at ${formatUkDate(forecast.yearEnd)} (ARRS sum less all three)`),
    unspent === null ? text("not known", "info") : money(unspent, unspent < 0 ? "error" : "total"));
}

/**
 * Running totals by month: the ARRS sum (a flat line), claimed to date (up to the as-of month), the
 * forecast and the forecast with planned posts (from the as-of month on, so the lines join). Returns
 * the chart over them.
 */
function addByMonth(sheet: SheetRows, forecast: Forecast): ChartSpec {
  // Column C (the summary's WTE column) is too narrow for money: the running totals skip it.
  sheet.add(head("Month"), head("ARRS sum"), blank(), head("Claimed to date"), head("Forecast"), head("With planned posts"));
  const first = sheet.nextRow;
  // The forecast lines start at the last month to date (or April), where the claimed line ends.
  const forecastFrom = Math.max(0, forecast.monthsToDate - 1);
  forecast.months.forEach((m, i) => {
    sheet.add(
      text(formatMonth(m.month)),
      forecast.entitlement === null ? blank() : money(forecast.entitlement),
      blank(),
      m.toDate ? money(m.cumulativeClaimable) : blank(),
      i >= forecastFrom ? money(m.cumulativeClaimable) : blank(),
      i >= forecastFrom ? money(m.cumulative) : blank(),
    );
  });
  const last = sheet.nextRow - 1;
  const column = (left: number) => ({ top: first, left, bottom: last, right: left });
  // Below the table, across columns A to D, in rows kept empty for it: a chart beside the table would
  // widen the sheet past one landscape page, and every page would print smaller.
  sheet.gap();
  const top = sheet.nextRow;
  for (let i = 0; i < CHART_ROWS; i++) sheet.gap();
  return {
    type: "line",
    title: "ARRS sum against claims, running total",
    categories: column(1),
    series: [
      ...(forecast.entitlement === null ? [] : [{ name: "ARRS sum", values: column(2) }]),
      { name: "Claimed to date", values: column(4) },
      { name: "Forecast", values: column(5) },
      { name: "With planned posts", values: column(6) },
    ],
    anchor: { top, left: 1, bottom: top + CHART_ROWS - 1, right: 4 },
    valueAxisTitle: "£",
  };
}

function addPlannedPosts(sheet: SheetRows, forecast: Forecast): void {
  sheet.add(text(`Planned posts (${FORECAST_ONLY})`, "subtitle"));
  if (forecast.planned.length === 0) {
    sheet.add(text("None on the roster. A row with a role and no name (or \"Vacancy\", \"TBC\", \"Planned\"), a WTE and a planned start is a planned post.", "note"));
    return;
  }
  sheet.add(head("Row"), head("Role"), head("WTE"), head("Planned start"), head("Adds to the forecast"), head("Note"));
  const severalSheets = new Set(forecast.planned.map((p) => p.sheet ?? null)).size > 1;
  for (const post of forecast.planned) {
    sheet.add(
      text(plannedPostLabel(post, severalSheets)),
      text(post.roleName ?? post.roleText ?? ""),
      wte(post.wte),
      post.start === null ? text("not given") : date(post.start),
      money(post.amount),
      text(post.note ?? (post.annualCost === null ? `${FORECAST_ONLY}; no cost given: the maximum` : FORECAST_ONLY), post.note ? "warning" : "note"),
    );
  }
}

/** The block, from the sheet's next row; returns its chart. */
export function addForecastBlock(sheet: SheetRows, forecast: Forecast): ChartSpec {
  sheet.add(text(`The year ahead, as of ${formatUkDate(forecast.asOf)}`, "subtitle"));
  sheet.add(text(forecastSentence(forecast), forecast.unspent !== null && forecast.unspent < 0 ? "warning" : "info"));
  addFigures(sheet, forecast);
  sheet.gap();
  const chart = addByMonth(sheet, forecast);
  sheet.gap();
  addPlannedPosts(sheet, forecast);
  return chart;
}
