/**
 * The words a practice manager reads in the output: statuses, severities, why a month's claim is
 * held below cost, regions, cap use. Kept in one place so every sheet says the same thing.
 */
import type { MonthClaim, MonthLimit, RowStatus } from "../engine/types";
import type { Finding, Region, Severity } from "../rules/types";
import type { StatusText } from "./types";

export const STATUS_TEXT: Record<RowStatus, StatusText> = {
  error: "Error",
  warning: "Warning",
  info: "Note",
  ok: "OK",
};

export const SEVERITY_TEXT: Record<Severity, string> = {
  error: "Error",
  warning: "Warning",
  info: "Note",
};

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The worst severity among findings, or "ok" when there are none. */
export function worstStatus(findings: readonly Finding[]): RowStatus {
  let worst: RowStatus = "ok";
  for (const finding of findings) {
    if (worst === "ok" || SEVERITY_RANK[finding.severity] < SEVERITY_RANK[worst]) worst = finding.severity;
  }
  return worst;
}

export const REGION_TEXT: Record<Region, string> = {
  national: "National",
  "outer-london": "Outer London",
  "inner-london": "Inner London",
};

export const LIMIT_TEXT: Record<MonthLimit, string> = {
  "not-in-post": "not in post",
  "role-not-claimable": "role not claimable this month",
  "no-rate": "no maximum known for this role and month: add it to an \"ARRS max reimb\" sheet",
  "beyond-cap": "beyond the cap for the PCN's list size",
  "not-eligible": "not eligible this month (see the row's findings)",
  "invalid-row": "not claimed: the roster row has errors (see its findings)",
  "over-max": "limited to the maximum; the PCN funds the cost above it",
  "london-rate-missing": "limited to the national maximum: no London figure is on record (add it to claim the rest)",
  "earlier-maximum": "limited to an earlier year's maximum: this year's is not on record (add it to claim the rest)",
  "above-one-wte": "cut: the same person is on another row, and no one is claimed above 1.0 WTE",
};

/** "0.8", "2.75", "3.0": at least one decimal so a WTE reads as a WTE, at most two. */
export function wteText(wte: number): string {
  const rounded = Math.round(wte * 100) / 100;
  return Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded);
}

/** "3.0 of 6 WTE", "6.5 of 6 WTE (over the cap)" or "no cap". */
export function capUseText(cap: { limit: number; peakWte: number } | null): string {
  if (cap === null) return "no cap";
  const over = cap.peakWte > cap.limit + 1e-9 ? " (over the cap)" : "";
  return `${wteText(cap.peakWte)} of ${cap.limit} WTE${over}`;
}

/** "CODE: message", one line per finding, duplicates dropped (the same finding can reach a row twice). */
export function findingsText(findings: readonly Finding[]): string {
  const lines = [...new Set(findings.map((f) => `${f.code}: ${f.message}`))];
  return truncateForCell(lines.join("  •  "));
}

/** Excel refuses more than 32,767 characters in a cell. */
export const MAX_CELL_TEXT = 32767;

export function truncateForCell(value: string): string {
  return value.length <= MAX_CELL_TEXT ? value : `${value.slice(0, MAX_CELL_TEXT - 1)}…`;
}

/** The note on a claim line: why the claim is below cost, and anything else worth knowing. */
export function claimLineNote(month: MonthClaim, onCostsEstimated: boolean): string {
  const parts: string[] = [];
  if (month.limit !== null) parts.push(LIMIT_TEXT[month.limit]);
  if (month.daysInPost < month.daysInMonth) parts.push(`part month: ${month.daysInPost} of ${month.daysInMonth} days`);
  if (onCostsEstimated) parts.push("estimated on-costs");
  if (month.rate?.confidence === "user") parts.push("maximum from this workbook's own sheet");
  else if (month.rate?.confidence === "inferred") parts.push("maximum inferred, unconfirmed");
  else if (month.rate?.confidence === "third-party") parts.push("maximum from a third party, unconfirmed");
  return parts.join("; ");
}
