/**
 * The readable summary `arrs check` prints: what was checked, the money, and every finding by row,
 * worst first, in words a practice manager can act on.
 */
import { formatMoney, formatWte } from "../common/money";
import type { CheckResult } from "../engine/types";
import type { Finding } from "../rules/types";

const LABEL: Record<Finding["severity"], string> = { error: "ERROR  ", warning: "WARNING", info: "NOTE   " };

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

function padStart(text: string, width: number): string {
  return text.length >= width ? text : " ".repeat(width - text.length) + text;
}

export function formatSummary(result: CheckResult, where: { workbook: string; sheet: string; headerRow: number; output: string | null }): string {
  const s = result.settings;
  const lines: string[] = [];
  lines.push(`ARRS check of ${where.workbook}, sheet "${where.sheet}" (header on row ${where.headerRow}, ${count(result.staff.length, "staff row")})`);
  lines.push(`Financial year ${s.financialYear} · list size ${s.listSize?.toLocaleString("en-GB") ?? "not given"} · weighted population ${s.weightedPopulation?.toLocaleString("en-GB") ?? "not given"} · ${s.region.replace("-", " ")} rates`);
  lines.push("");
  const t = result.totals;
  lines.push(`Claimable for the year: ${formatMoney(t.claimable)}` + (t.entitlement !== null ? ` of an ARRS sum of ${formatMoney(t.entitlement)} (headroom ${formatMoney(t.headroom!)})` : " (ARRS sum not known)"));
  if (t.overMaxGap > 0) lines.push(`Cost above the maximum amounts, funded by the PCN: ${formatMoney(t.overMaxGap)}`);
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
  const rowFindings = result.staff.flatMap((p) => p.findings.map((f) => ({ f, row: p.rowNumber, name: p.name })));
  const all = [...result.findings.map((f) => ({ f, row: null as number | null, name: null as string | null })), ...rowFindings];
  const tally = (sev: Finding["severity"]) => all.filter((x) => x.f.severity === sev).length;
  lines.push(`Findings: ${count(tally("error"), "error")}, ${count(tally("warning"), "warning")}, ${count(tally("info"), "note")}`);
  for (const severity of ["error", "warning", "info"] as const) {
    for (const { f, row, name } of all.filter((x) => x.f.severity === severity)) {
      const where = row === null ? "PCN    " : pad(`Row ${row}`, 7);
      lines.push(`  ${where} ${LABEL[severity]} ${f.code}${name ? ` (${name})` : ""}: ${f.message}`);
    }
  }
  lines.push("");
  lines.push(where.output ? `Written to ${where.output} (your workbook is unchanged).` : "Nothing written.");
  return lines.join("\n");
}
