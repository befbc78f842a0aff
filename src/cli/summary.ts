/**
 * The readable summary `arrs check` prints: what was checked, the money, and every finding by row,
 * worst first, in words a practice manager can act on. Roster text in it is shown as forTerminal shows it.
 */
import { formatUkDate } from "../common/dates";
import { formatMoney, formatWte } from "../common/money";
import type { Forecast } from "../engine/types";
import type { CheckResult } from "../engine/types";
import { summariseResult } from "../pipeline/result-summary";
import type { RosterReading } from "../pipeline/roster-reading";
import { missingClaimHeader } from "../report/claim-header";
import { forecastSentence } from "../report/forecast-words";
import type { Finding } from "../rules/types";
import { forTerminal } from "./terminal-text";

const LABEL: Record<Finding["severity"], string> = { error: "ERROR  ", warning: "WARNING", info: "NOTE   " };
const NOUN: Record<Finding["severity"], string> = { error: "error", warning: "warning", info: "note" };

/**
 * Findings printed per severity. A roster of a few hundred rows shows them all; a national-scale
 * file would print hundreds of thousands of lines nobody reads (and hold them all in memory), so the
 * rest are counted and the reader is pointed to the copy's findings column and to --json.
 */
export const MAX_PRINTED_PER_SEVERITY = 200;

/** The flag that gives each claim header setting, by its label in ARRS Settings. */
const CLAIM_HEADER_FLAGS: Record<string, string> = {
  "PCN name": "--pcn-name",
  "PCN ODS code": "--ods-code",
  ICB: "--icb",
  "Lead or paying practice": "--paying-practice",
};

/** What the claim header lacks, and the flags that give it once; null when nothing is missing. */
export function claimHeaderLine(result: CheckResult): string | null {
  const missing = missingClaimHeader(result.settings);
  if (missing.length === 0) return null;
  return `Claim header not given yet: ${missing.join(", ")}. Give ${missing.map((label) => CLAIM_HEADER_FLAGS[label]).join(", ")} once (kept in ARRS Settings).`;
}

/** A PCN's roster on several sheets (one per member practice): each sheet read, its rows and claim, and the sheets passed over with why. */
function sheetsReadLines(result: CheckResult, workbook: string, sheets: { read: string[]; passedOver: { sheet: string; reason: string }[] }): string[] {
  const lines = [`ARRS check of ${workbook}: ${sheets.read.length} roster sheets checked as one PCN (${count(result.staff.length, "staff row")})`];
  for (const name of sheets.read) {
    const staff = result.staff.filter((p) => p.sheet === name);
    lines.push(`  Sheet "${name}": ${count(staff.length, "staff row")}, claimable ${formatMoney(staff.reduce((sum, p) => sum + p.claimable, 0))}`);
  }
  for (const { sheet, reason } of sheets.passedOver) lines.push(`  Not read: "${sheet}": ${reason}`);
  return lines;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

function padStart(text: string, width: number): string {
  return text.length >= width ? text : " ".repeat(width - text.length) + text;
}

export function formatSummary(result: CheckResult, where: {
  workbook: string; sheet: string; headerRow: number; output: string | null; reading?: RosterReading;
  sheets?: { read: string[]; passedOver: { sheet: string; reason: string }[] };
  forecast?: Forecast;
}): string {
  const s = result.settings;
  const lines: string[] = [];
  const several = (where.sheets?.read.length ?? 1) > 1;
  if (several) lines.push(...sheetsReadLines(result, where.workbook, where.sheets!));
  else lines.push(`ARRS check of ${where.workbook}, sheet "${where.sheet}" (header on row ${where.headerRow}, ${count(result.staff.length, "staff row")})`);
  lines.push(`Financial year ${s.financialYear} · list size ${s.listSize?.toLocaleString("en-GB") ?? "not given"} · weighted population ${s.weightedPopulation?.toLocaleString("en-GB") ?? "not given"} · ${s.region.replace("-", " ")} rates`);
  const header = claimHeaderLine(result);
  if (header) lines.push(header);
  lines.push("");
  if (result.staff.length === 0) {
    // A header with no one under it (a new roster, or a template) is checked, not refused: say so plainly.
    lines.push(`No staff rows: the roster has a header on row ${where.headerRow} of sheet "${where.sheet}" but no one below it, so there is nothing to claim. Add one row per person under the header and run the check again.`);
    lines.push("");
  }
  const { totals: t, counts } = summariseResult(result);
  const rate = result.entitlement?.rate;
  const unconfirmed = rate && (rate.confidence === "inferred" || rate.confidence === "third-party") ? ", not confirmed: see RATE_UNCONFIRMED" : "";
  lines.push(`Claimable for the year: ${formatMoney(t.claimable)}` + (t.entitlement !== null ? ` of an ARRS sum of ${formatMoney(t.entitlement)} (headroom ${formatMoney(t.headroom!)}${unconfirmed})` : " (ARRS sum not known)"));
  if (result.totals.onEarlierMaximums > 0) {
    lines.push(`  of which ${formatMoney(result.totals.onEarlierMaximums)} rests on earlier years' maximums, this year's not being on record (RATE_FLOOR): add them with an "ARRS max reimb" sheet or --rates`);
  }
  if (result.totals.backdatedUplift !== 0) lines.push(`Backdated uplift to claim (your figures over the built-in ones): ${formatMoney(result.totals.backdatedUplift)}`);
  if (t.overMaxGap > 0) lines.push(`Cost above the maximum amounts, funded by the PCN: ${formatMoney(t.overMaxGap)}`);
  if (where.forecast) lines.push(...forecastLines(where.forecast));
  lines.push("");
  if (result.byRole.length > 0) {
    const width = Math.max(4, ...result.byRole.map((r) => r.roleName.length));
    lines.push(`${pad("Role", width)}  Staff    WTE     Claimable  Cap`);
    for (const r of result.byRole) {
      const cap = r.cap ? `${formatWte(r.cap.peakWte)} of ${formatWte(r.cap.limit)} WTE` : "no cap";
      lines.push(`${pad(r.roleName, width)}  ${padStart(String(r.headcount), 5)}  ${padStart(formatWte(r.wte), 5)}  ${padStart(formatMoney(r.claimable), 12)}  ${cap}`);
    }
    lines.push("");
  }
  // Each finding's line, by severity (PCN findings first, then rows in order), up to the limit.
  const bySeverity: Record<Finding["severity"], string[]> = { error: [], warning: [], info: [] };
  const add = (f: Finding, row: string | null, name: string | null) => {
    if (bySeverity[f.severity].length >= MAX_PRINTED_PER_SEVERITY) return;
    const where = row === null ? "PCN    " : pad(row, 7);
    bySeverity[f.severity].push(`  ${where} ${LABEL[f.severity]} ${f.code}${name ? ` (${name})` : ""}: ${f.message}`);
  };
  for (const f of result.findings) add(f, null, null);
  for (const p of result.staff) for (const f of p.findings) add(f, several ? `Row ${p.rowNumber} of ${p.sheet}` : `Row ${p.rowNumber}`, p.name);
  lines.push(`Findings: ${count(counts.error, "error")}, ${count(counts.warning, "warning")}, ${count(counts.info, "note")}`);
  for (const severity of ["error", "warning", "info"] as const) {
    for (const line of bySeverity[severity]) lines.push(line);
    const unprinted = counts[severity] - bySeverity[severity].length;
    if (unprinted > 0) lines.push(`  … and ${count(unprinted, `more ${NOUN[severity]}`)}: every finding is in the ARRS findings column of the copy, and in --json.`);
  }
  lines.push("");
  if (where.reading) lines.push(...readingLines(where.reading));
  lines.push(where.output ? `Written to ${where.output} (your workbook is unchanged).` : "Nothing written.");
  // Each line is one line: roster text (names, roles, sheets, files, messages quoting cells) cannot start another.
  return lines.map(forTerminal).join("\n");
}

/** The forecast's figures on one line, and its sentence on the next. */
function forecastLines(forecast: Forecast): string[] {
  const planned = forecast.planned.length === 0 ? "no planned posts"
    : `${count(forecast.planned.length, "planned post")} ${formatMoney(forecast.plannedPosts)} (forecast only, not claimed)`;
  return [
    `As of ${formatUkDate(forecast.asOf)}: claimed to date ${formatMoney(forecast.toDate)}, rest of the year ${formatMoney(forecast.restOfYear)}, ${planned}`,
    forecastSentence(forecast),
  ];
}

/** The columns not used, the rows skipped and the reader's notes, each on a line; nothing when there are none. */
function readingLines(reading: RosterReading): string[] {
  const several = new Set([...reading.unusedColumns.map((u) => u.sheet), ...reading.skippedRows.map((r) => r.sheet)]).size > 1;
  const onSheet = (sheet: string) => (several ? ` on "${sheet}"` : "");
  const lines: string[] = [...reading.notes];
  if (reading.unusedColumns.length > 0) {
    lines.push(`Columns not used: ${reading.unusedColumns.length}`);
    for (const u of reading.unusedColumns) lines.push(`  Column ${u.column}${onSheet(u.sheet)}${u.header ? ` "${u.header}"` : ""}: ${u.reason}`);
  }
  if (reading.skippedRows.length > 0) {
    lines.push(`Rows skipped (not people): ${reading.skippedRows.length}`);
    for (const r of reading.skippedRows) lines.push(`  Row ${r.row}${onSheet(r.sheet)}: ${r.reason}`);
  }
  return lines.length > 0 ? [...lines, ""] : [];
}
