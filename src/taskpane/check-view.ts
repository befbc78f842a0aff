/**
 * A check's result as the pane shows it (CheckView): the findings as views and as grouped cards, the
 * money lines, the roles missing maximums, what was assumed, and how the roster was read. Made where
 * the check runs (check-job.ts, in the Web Worker), so that the pipeline and the rule data are not
 * part of the pane's first download.
 */
import { formatWte } from "../common/money";
import type { CheckedWorkbook } from "../pipeline/check-workbook";
import { summariseResult } from "../pipeline/result-summary";
import { rosterReadingOf } from "../pipeline/roster-reading";
import { forecastSentence } from "../report/forecast-words";
import type { Finding, Severity } from "../rules/types";
import { groupFindings } from "./finding-groups";
import { SEVERITY_LABELS } from "./labels";
import { missingRatesView, totalLines } from "./rates-view";
import type { CheckView, FindingView } from "./views";

const SEVERITIES: Severity[] = ["error", "warning", "info"];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function checkView(checked: CheckedWorkbook): CheckView {
  const { result, roster } = checked;
  const sheetName = roster.sheetName;
  const summary = summariseResult(result);
  const views: FindingView[] = [];
  result.findings.forEach((f, i) => views.push(findingView(f, `pcn-${i}`, null, null)));
  for (const person of result.staff) {
    person.findings.forEach((f, i) => views.push(findingView(f, `row-${person.rowNumber}-${i}`, person.name ?? person.staffId, person.sheet ?? sheetName, person.rowNumber)));
  }
  const { counts, financialYear } = summary;
  const countText = SEVERITIES.map((s) => plural(counts[s], SEVERITY_LABELS[s].one, SEVERITY_LABELS[s].many)).join(", ");
  return {
    sheetName,
    headerRowNumber: roster.headerRowNumber,
    financialYear,
    staffRows: summary.staffRows,
    counts,
    cards: groupFindings(views),
    assumptions: result.findings.filter((f) => f.code === "SETTING_ASSUMED").map((f) => f.message),
    forecast: { forecast: checked.forecast, sentence: forecastSentence(checked.forecast) },
    headline: `Checked ${plural(summary.staffRows, "staff row", "staff rows")} (${formatWte(summary.wte)} WTE) on "${sheetName}" for ${financialYear}: ${countText}.`,
    totals: totalLines(result),
    missingRates: missingRatesView(result),
    reading: readingLines(checked),
    worst: counts.error ? "error" : counts.warning ? "warning" : counts.info ? "info" : "ok",
  };
}

/** The reader's account of the roster, one line each, the sheet named where several were read. */
function readingLines(checked: CheckedWorkbook): string[] {
  const rosters = checked.rosters ?? [checked.roster];
  const reading = rosterReadingOf(rosters);
  const where = (sheet: string) => (rosters.length > 1 ? ` of ${sheet}` : "");
  return [
    ...reading.unusedColumns.map((c) => `Column ${c.column}${where(c.sheet)} "${c.header}" not used: ${c.reason}.`),
    ...reading.skippedRows.map((r) => `Row ${r.row}${where(r.sheet)} passed over: ${r.reason}.`),
    ...reading.notes,
  ];
}

function findingView(f: Finding, id: string, person: string | null, sheetName: string | null, rowNumber?: number): FindingView {
  return {
    id,
    severity: f.severity,
    code: f.code,
    message: f.message,
    source: f.source,
    rowNumber: rowNumber ?? null,
    person,
    sheetName: rowNumber !== undefined ? sheetName : null,
  };
}
