/**
 * Findings: every problem or note is data, written for a practice manager, saying what to do, and
 * naming the rule and the document it comes from (`source`). The severity comes from the code
 * catalogue (rules/finding-codes.ts) unless the rule says otherwise.
 */
import { findingCodeInfo } from "../rules/finding-codes";
import type { Finding, FindingCode, Severity } from "../rules/types";
import type { RowStatus } from "./types";

export interface FindingOptions {
  code: FindingCode;
  message: string;
  /** The rule and the document it comes from. */
  source: string;
  /** When not the code's usual severity. */
  severity?: Severity;
  /** The sheet row the finding is about. */
  rowNumber?: number;
  /** The roster field concerned, so that one problem is reported once. */
  field?: string;
  /** The header of the column concerned. */
  column?: string;
  /** The inputs that led to the finding. */
  details?: Finding["details"];
}

export function finding(options: FindingOptions): Finding {
  const { code, message, source, rowNumber, column, field, details } = options;
  return { code, severity: options.severity ?? findingCodeInfo(code).severity, message, source, rowNumber, column, field, details };
}

const SEVERITY_RANK: Record<RowStatus, number> = { error: 3, warning: 2, info: 1, ok: 0 };

/** The worst severity among the findings, or "ok" when there are none. */
export function statusOf(findings: readonly Finding[]): RowStatus {
  let worst: RowStatus = "ok";
  for (const f of findings) if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

/** Errors first, then warnings, then information. Array.prototype.sort is stable, so order within each holds. */
export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
}

/** The rules the engine applies itself, as its findings cite them. */
export const ENGINE_SOURCE = {
  claimFormula: "Network Contract DES, ARRS section: actual cost (salary, employer NI and pension) up to the maximum per WTE, month by month, pro rata for days in post",
  requiredValues: "Network Contract DES, ARRS section: a claim needs the role, WTE, start date and pay",
  caps: "Network Contract DES, ARRS section: caps on the numbers of some roles by PCN list size",
  duplicates: "Network Contract DES, ARRS section: one person cannot be claimed above 1.0 WTE",
  onCosts: "HMRC employer NI rates and thresholds; NHS Pension Scheme employer contribution (estimates of blank on-costs)",
  entitlement: "Network Contract DES, ARRS section: the PCN's ARRS sum",
  roles: "Network Contract DES, Annex B: the roles and when each became claimable",
  mhpTables: "Network Contract DES 2025/26, Tables 3a and 3b: mental health practitioners by Agenda for Change band",
} as const;
