/**
 * Building findings: the severity comes from the code catalogue unless the rule says otherwise, and
 * every finding names its source. Messages are for a practice manager and say what to do.
 */
import { findingCodeInfo } from "../rules/finding-codes";
import type { Finding, FindingCode, Severity } from "../rules/types";
import type { RowStatus } from "./types";

/**
 * Every finding is made with the same properties in the same order, those not given left undefined
 * (JSON leaves them out): one shape for all, made in one step. Adding the optional ones afterwards
 * gave nearly every finding a second block of memory for them (146,000 at 100,000 rows).
 */
export function finding(
  code: FindingCode,
  message: string,
  source: string,
  extra: { severity?: Severity; rowNumber?: number; field?: string; column?: string; details?: Finding["details"] } = {},
): Finding {
  return shaped(code, extra.severity ?? findingCodeInfo(code).severity, message, source, extra.rowNumber, extra.column, extra.field, extra.details);
}

/**
 * A finding about a roster row, as `finding` makes it, with the rest given one by one rather than in
 * an object: the engine makes one or two for most rows, and their option objects, which V8 did not
 * optimise away, were 6 MB of garbage a check at 100,000 rows.
 */
export function rowFinding(
  code: FindingCode, message: string, source: string, rowNumber: number,
  field?: string, severity?: Severity, details?: Finding["details"],
): Finding {
  return shaped(code, severity ?? findingCodeInfo(code).severity, message, source, rowNumber, undefined, field, details);
}

/** The one place a finding's properties are laid out, so every finding has the same shape. */
function shaped(
  code: FindingCode, severity: Severity, message: string, source: string,
  rowNumber: number | undefined, column: string | undefined, field: string | undefined, details: Finding["details"],
): Finding {
  return { code, severity, message, source, rowNumber, column, field, details };
}

/**
 * A finding's words as one flat string: flat`Costs ${amount} a year`. An untagged template literal is
 * joined part by part into a tree of string pieces, a dozen or so small objects a message, which live
 * as long as the message does. For the messages made row by row (about 50,000 at 100,000 rows),
 * copying those pieces was about a third of the garbage collector's work in a check; `join` writes
 * the text once, into one string. Values are strings or numbers only: `join` would write null as "",
 * where a template literal writes "null".
 */
export function flat(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  const parts: (string | number)[] = [strings[0]];
  for (let i = 0; i < values.length; i++) parts.push(values[i], strings[i + 1]);
  return parts.join("");
}

/**
 * How serious a severity is: errors 3, warnings 2, information 1 ("ok" 0). Compared one by one rather
 * than looked up in an object by name: a look-up that sees three names is "megamorphic" in V8, a
 * search of a global cache each time, and it ran twice for each of 146,000 findings at 100,000 rows.
 */
function rank(severity: RowStatus): number {
  return severity === "error" ? 3 : severity === "warning" ? 2 : severity === "info" ? 1 : 0;
}

/** The worst severity among the findings, or "ok". */
export function statusOf(findings: readonly Finding[]): RowStatus {
  let worst: RowStatus = "ok";
  for (let i = 0; i < findings.length; i++) {
    const severity = findings[i].severity;
    if (rank(severity) > rank(worst)) worst = severity;
  }
  return worst;
}

/** Errors first, then warnings, then information; stable within each. */
export function bySeverity(a: Finding, b: Finding): number {
  return rank(b.severity) - rank(a.severity);
}

/**
 * Sorts findings in place by bySeverity, keeping their order within each severity, as the built-in
 * (stable) sort would. An insertion sort: a row has a few findings, and at 100,000 rows the built-in
 * sort's working storage was nearly a tenth of all the engine allocated.
 */
export function sortBySeverity(findings: Finding[]): void {
  for (let i = 1; i < findings.length; i++) {
    const f = findings[i];
    let j = i - 1;
    while (j >= 0 && bySeverity(findings[j], f) > 0) {
      findings[j + 1] = findings[j];
      j--;
    }
    findings[j + 1] = f;
  }
}

export const ENGINE_SOURCE = {
  claimFormula: "ARRS reference section 5: claim = days-in-post fraction × min(cost, maximum × WTE) / 12, maximum in force on the 1st of the month",
  requiredValues: "ARRS reference section 5: the claim needs role, WTE, start date and salary",
  caps: "DES specification, ARRS section: caps on numbers by PCN list size (ARRS reference section 4)",
  duplicates: "ARRS reference section 5: one person cannot be claimed above 1.0 WTE",
  onCosts: "ARRS reference section 5: on-cost estimates (employer NI above the secondary threshold, NHS pension 14.38%)",
  entitlement: "DES specification, ARRS section: the PCN's ARRS sum (ARRS reference section 6)",
  roles: "DES specification Annex B: roles and the dates they became claimable (ARRS reference section 2)",
} as const;
