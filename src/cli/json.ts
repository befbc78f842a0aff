/**
 * The `--json` document: one object, stable field names, money unrounded (full precision) so that a
 * consumer can sum it exactly; round when showing.
 */
import type { Forecast } from "../engine/types";
import type { CheckResult } from "../engine/types";
import type { RosterReading } from "../pipeline/roster-reading";
import { forecastSentence, unspentWte } from "../report/forecast-words";
import type { Finding } from "../rules/types";

export interface JsonFlag { code: string; severity: string; message: string; source: string; row?: number }

function flag(f: Finding): JsonFlag {
  return { code: f.code, severity: f.severity, message: f.message, source: f.source, ...(f.rowNumber !== undefined ? { row: f.rowNumber } : {}) };
}

export function toJson(result: CheckResult, extra: {
  workbook: string; sheet: string; output: string | null; reading?: RosterReading;
  /** The sheets read as the roster, and those passed over with why. */
  sheets?: { read: string[]; passedOver: { sheet: string; reason: string }[] };
  /** The year ahead at the as-of date (docs/forecast.md). */
  forecast?: Forecast;
}) {
  return {
    financialYear: result.financialYear.label,
    workbook: extra.workbook,
    sheet: extra.sheet,
    output: extra.output,
    pcn: { listSize: result.settings.listSize, weightedPopulation: result.settings.weightedPopulation, region: result.settings.region },
    // Where a PCN keeps a roster sheet per member practice, every one read, as one PCN.
    sheets: extra.sheets ?? { read: [extra.sheet], passedOver: [] },
    staff: result.staff.map((s) => ({
      row: s.rowNumber,
      sheet: s.sheet ?? extra.sheet,
      practice: s.practice ?? null,
      name: s.name,
      role: s.role,
      roleText: s.roleText,
      wte: s.wte,
      start: s.start,
      end: s.end,
      // As read, on every row, a row whose role is not recognised too; the on-costs as used where claimable.
      salary: s.salary,
      supplierFee: s.supplierFee ?? null,
      employerNi: s.employerNi,
      employerPension: s.employerPension,
      annualCost: s.annualCost,
      onCostsEstimated: s.onCostsEstimated,
      claimable: s.claimable,
      onEarlierMaximum: s.onEarlierMaximum,
      backdatedUplift: s.backdatedUplift,
      overMaxGap: s.overMaxGap,
      months: s.months.map((m) => m.claimable),
      status: s.status,
      flags: s.findings.map(flag),
    })),
    byRole: result.byRole.map((r) => ({
      role: r.role, headcount: r.headcount, wte: r.wte, claimable: r.claimable, overMaxGap: r.overMaxGap, backdatedUplift: r.backdatedUplift,
      cap: r.cap ? { limit: r.cap.limit, peakWte: r.cap.peakWte } : null,
    })),
    totals: {
      claimable: result.totals.claimable,
      entitlement: result.totals.entitlement,
      entitlementConfidence: result.entitlement?.rate.confidence ?? null,
      headroom: result.totals.headroom,
      overMaxGap: result.totals.overMaxGap,
      onEarlierMaximums: result.totals.onEarlierMaximums,
      backdatedUplift: result.totals.backdatedUplift,
      months: result.totals.months,
    },
    ...(extra.forecast ? { forecast: forecastJson(extra.forecast) } : {}),
    flags: result.findings.map(flag),
    // What the roster reader did not use, and how it read the sheet (monthly figures × 12).
    unusedColumns: extra.reading?.unusedColumns ?? [],
    skippedRows: extra.reading?.skippedRows ?? [],
    readingNotes: extra.reading?.notes ?? [],
  };
}

/**
 * The forecast in pounds, as the rest of the JSON: toDate + restOfYear = totals.claimable, and
 * unspent = entitlement − (toDate + restOfYear + plannedPosts), null without an ARRS sum. `arrs rollup`
 * gives each PCN the same object.
 */
export function forecastJson(forecast: Forecast) {
  return {
    asOf: forecast.asOf,
    yearEnd: forecast.yearEnd,
    monthsToDate: forecast.monthsToDate,
    toDate: forecast.toDate,
    restOfYear: forecast.restOfYear,
    plannedPosts: forecast.plannedPosts,
    entitlement: forecast.entitlement,
    unspent: forecast.unspent,
    // What the unspent sum would pay for in the months left, in WTE of the role named.
    unspentWte: unspentWte(forecast),
    unspentAs: forecast.unspentAs ? { role: forecast.unspentAs.role, roleName: forecast.unspentAs.roleName, from: forecast.unspentAs.from } : null,
    sentence: forecastSentence(forecast),
    months: forecast.months.map((m) => ({ month: m.month, toDate: m.toDate, claimable: m.claimable, planned: m.planned, cumulative: m.cumulative })),
    planned: forecast.planned.map((p) => ({
      row: p.rowNumber, sheet: p.sheet ?? null, label: p.label, role: p.role, roleText: p.roleText, wte: p.wte, start: p.start, end: p.end,
      annualCost: p.annualCost, amount: p.amount, months: p.months, note: p.note,
    })),
  };
}
