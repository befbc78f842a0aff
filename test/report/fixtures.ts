/**
 * Hand-made CheckResults for the report and workbook tests, so they do not depend on the engine.
 * The month arithmetic here is the reference's formula (claim = f × min(cost, max × WTE) / 12),
 * good enough to give realistic, unrounded figures.
 */
import { daysInMonth, financialYearStarting, lastDayOfMonth, maxDate, minDate, partsOf, dayNumber, type IsoDate } from "../../src/common/dates";
import type { CheckResult, MonthClaim, MonthLimit, RoleSummary, StaffResult } from "../../src/engine/types";
import type { RosterReadResult } from "../../src/roster/types";
import type { Confidence, Finding, FindingCode, MaxAmount, RoleId, Severity } from "../../src/rules/types";

export const YEAR = financialYearStarting(2025);

export function finding(code: FindingCode, severity: Severity, message: string, rowNumber?: number): Finding {
  return { code, severity, message, source: "test", ...(rowNumber === undefined ? {} : { rowNumber }) };
}

export function rate(role: RoleId, amount: number, confidence: Confidence = "published", title = "Network Contract DES Contract specification 2025/26"): MaxAmount {
  return { role, region: "national", from: "2025-04-01", to: "2026-03-31", amount, confidence, source: { title, section: "Table 2" } };
}

export interface PersonSpec {
  rowNumber: number;
  name?: string | null;
  role?: RoleId | null;
  roleName?: string | null;
  roleText?: string | null;
  wte?: number;
  start?: IsoDate;
  end?: IsoDate | null;
  salary?: number;
  employerNi?: number;
  employerPension?: number;
  maximum?: number | null;
  rateConfidence?: Confidence;
  rateTitle?: string;
  onCostsEstimated?: boolean;
  findings?: Finding[];
  /** Forces a limit on every month in post (e.g. "beyond-cap" → nothing claimed). */
  limit?: MonthLimit;
}

export function person(spec: PersonSpec): StaffResult {
  const wte = spec.wte ?? 1;
  const salary = spec.salary ?? 45000;
  const employerNi = spec.employerNi ?? 0.15 * (salary - 5000);
  const employerPension = spec.employerPension ?? 0.1438 * salary;
  const annualCost = salary + employerNi + employerPension;
  const start = spec.start ?? "2025-04-01";
  const end = spec.end ?? null;
  const role = spec.role === undefined ? "clinical-pharmacist" : spec.role;
  const maximum = spec.maximum === undefined ? 66972 : spec.maximum;
  const maxAmount = role && maximum !== null ? rate(role, maximum, spec.rateConfidence, spec.rateTitle) : null;

  const months: MonthClaim[] = YEAR.months.map((monthStart) => {
    const { year, month } = partsOf(monthStart);
    const days = daysInMonth(year, month);
    const from = maxDate(start, monthStart);
    const to = minDate(end ?? "9999-12-31", lastDayOfMonth(monthStart));
    const daysInPost = from <= to ? dayNumber(to) - dayNumber(from) + 1 : 0;
    const f = daysInPost / days;
    const cost = (f * annualCost) / 12;
    const maximumForMonth = maximum === null ? null : (f * maximum * wte) / 12;
    let claimable = maximumForMonth === null ? 0 : Math.min(cost, maximumForMonth);
    let limit: MonthLimit | null = daysInPost === 0 ? "not-in-post" : maximumForMonth === null ? "no-rate" : cost > maximumForMonth ? "over-max" : null;
    if (spec.limit && daysInPost > 0) {
      limit = spec.limit;
      claimable = 0;
    }
    if (daysInPost === 0) claimable = 0;
    return { month: monthStart, daysInPost, daysInMonth: days, wte, cost, maximumAnnual: maximum, maximumForMonth, claimable, limit, rate: maxAmount, floor: false, upliftOverBuiltIn: 0 };
  });
  const claimable = months.reduce((s, m) => s + m.claimable, 0);
  const overMaxGap = months.reduce((s, m) => s + (m.limit === "over-max" ? m.cost - m.claimable : 0), 0);
  const findings = spec.findings ?? [];
  return {
    rowNumber: spec.rowNumber,
    name: spec.name === undefined ? `Person ${spec.rowNumber}` : spec.name,
    staffId: null,
    role,
    roleName: spec.roleName === undefined ? (role ? roleNameOf(role) : null) : spec.roleName,
    roleText: spec.roleText === undefined ? (role ? roleNameOf(role) : "Receptionist") : spec.roleText,
    wte,
    start,
    end,
    salary,
    employerNi,
    employerPension,
    onCostsEstimated: spec.onCostsEstimated ?? false,
    annualCost,
    months,
    claimable,
    onEarlierMaximum: 0,
    backdatedUplift: 0,
    overMaxGap,
    findings,
    status: worst(findings),
  };
}

function worst(findings: Finding[]): StaffResult["status"] {
  for (const severity of ["error", "warning", "info"] as const) if (findings.some((f) => f.severity === severity)) return severity;
  return "ok";
}

function roleNameOf(role: RoleId): string {
  return role.split("-").map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w)).join(" ");
}

/** Role summaries as the engine would make them: one per role, in the order roles first appear. */
export function summarise(staff: StaffResult[], caps: Partial<Record<RoleId, { limit: number; peakWte: number }>> = {}): RoleSummary[] {
  const roles = [...new Set(staff.map((s) => s.role).filter((r): r is RoleId => r !== null))];
  return roles.map((role) => {
    const rows = staff.filter((s) => s.role === role);
    const cap = caps[role];
    return {
      role,
      roleName: rows[0].roleName ?? role,
      headcount: rows.length,
      wte: rows.reduce((s, r) => s + (r.wte ?? 0), 0),
      claimable: rows.reduce((s, r) => s + r.claimable, 0),
      overMaxGap: rows.reduce((s, r) => s + r.overMaxGap, 0),
      backdatedUplift: rows.reduce((s, r) => s + r.backdatedUplift, 0),
      cap: cap
        ? { limit: cap.limit, peakWte: cap.peakWte, rule: { role, from: "2025-04-01", to: null, smallPcn: cap.limit, largePcn: cap.limit, confidence: "published", source: { title: "test" } } }
        : null,
    };
  });
}

export interface ResultSpec {
  staff: StaffResult[];
  listSize?: number | null;
  weightedPopulation?: number | null;
  region?: CheckResult["settings"]["region"];
  findings?: Finding[];
  caps?: Partial<Record<RoleId, { limit: number; peakWte: number }>>;
  /** £ per weighted patient; null = no rate on record. */
  entitlementRate?: number | null;
  gpRingFenced?: number | null;
}

export function checkResult(spec: ResultSpec): CheckResult {
  const weightedPopulation = spec.weightedPopulation === undefined ? 50000 : spec.weightedPopulation;
  const perPatient = spec.entitlementRate === undefined ? 26.631 : spec.entitlementRate;
  const months = YEAR.months.map((_, i) => spec.staff.reduce((s, p) => s + p.months[i].claimable, 0));
  const claimable = spec.staff.reduce((s, p) => s + p.claimable, 0);
  const entitlementAmount = weightedPopulation !== null && perPatient !== null ? weightedPopulation * perPatient : null;
  return {
    financialYear: YEAR,
    settings: {
      financialYear: YEAR.label,
      listSize: spec.listSize === undefined ? 60000 : spec.listSize,
      weightedPopulation,
      region: spec.region ?? "national",
    },
    staff: spec.staff,
    byRole: summarise(spec.staff, spec.caps),
    totals: {
      claimable,
      months,
      cost: spec.staff.reduce((s, p) => s + p.months.reduce((t, m) => t + m.cost, 0), 0),
      overMaxGap: spec.staff.reduce((s, p) => s + p.overMaxGap, 0),
      onEarlierMaximums: spec.staff.reduce((s, p) => s + p.onEarlierMaximum, 0),
      backdatedUplift: spec.staff.reduce((s, p) => s + p.backdatedUplift, 0),
      entitlement: entitlementAmount,
      headroom: entitlementAmount === null ? null : entitlementAmount - claimable,
    },
    entitlement: entitlementAmount === null
      ? null
      : {
          amount: entitlementAmount,
          gpRingFenced: spec.gpRingFenced ?? null,
          rate: { financialYear: YEAR.label, perWeightedPatient: perPatient, fixedPerPcn: null, gpPerWeightedPatient: null, confidence: "published", source: { title: "test" } },
        },
    findings: spec.findings ?? [],
  };
}

export interface RosterSpec {
  sheetName?: string;
  headerRowNumber?: number;
  lastColumn?: number;
  ownedColumn?: number | null;
  rowNumbers: number[];
  skipped?: number[];
  rowFindings?: Record<number, Finding[]>;
}

export function rosterRead(spec: RosterSpec): RosterReadResult {
  return {
    sheetName: spec.sheetName ?? "Staff",
    headerRowNumber: spec.headerRowNumber ?? 1,
    columns: [],
    lastColumn: spec.lastColumn ?? 6,
    ownedColumn: spec.ownedColumn ?? null,
    rows: spec.rowNumbers.map((rowNumber) => ({
      rowNumber, name: null, staffId: null, roleText: null, role: null, band: null, wte: null, wteBasis: null,
      start: null, end: null, annualSalary: null, salaryBasis: null, employerNi: null, employerPension: null,
      cctDate: null, employedInLast12Months: null, findings: spec.rowFindings?.[rowNumber] ?? [],
    })),
    skippedRows: (spec.skipped ?? []).map((rowNumber) => ({ rowNumber, reason: "blank" })),
    unusedColumns: [],
    notes: [],
    findings: [],
  };
}

/** A small PCN: two pharmacists (one over the maximum, one part-year), a link worker, an unknown role. */
export function samplePcn(): CheckResult {
  return checkResult({
    staff: [
      person({ rowNumber: 2, name: "Asha Patel", salary: 60000, findings: [finding("OVER_MAX", "warning", "Costs more than the maximum.", 2)] }),
      person({ rowNumber: 3, name: "=HYPERLINK(\"http://evil\",\"x\")", wte: 0.6, start: "2025-06-16", salary: 30000 }),
      person({ rowNumber: 4, name: "@Ben Jones", role: "social-prescribing-link-worker", roleName: "Social prescribing link worker", maximum: 43352, rateConfidence: "user", rateTitle: "\"ARRS max reimb 25-26\" sheet in this workbook", salary: 28000, end: "2025-12-31", onCostsEstimated: true }),
      person({ rowNumber: 6, name: "Carl Ode", role: null, roleName: null, roleText: "Receptionist", maximum: null, limit: "invalid-row", findings: [finding("UNKNOWN_ROLE", "error", "\"Receptionist\" is not an ARRS role.", 6)] }),
    ],
    findings: [finding("RATE_BEFORE_UPLIFT", "info", "Built-in 2025/26 maxima predate the August 2025 uplift."), finding("SETTING_ASSUMED", "info", "List size taken from the settings sheet.")],
  });
}
