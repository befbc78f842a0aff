/**
 * Step 5 of a check: the totals. Per role and for the PCN, summed from the rows' unrounded months;
 * and the PCN's ARRS sum (entitlement): £ per weighted patient × weighted population, or a fixed sum
 * in 2019/20 (docs/rules.md).
 */
import type { FinancialYear } from "../common/dates";
import { formatMoney } from "../common/money";
import { describeSource, type RuleSet } from "../rules/ruleset";
import type { Finding, RoleId } from "../rules/types";
import { capsInForce, countsTowardsCap } from "./caps";
import { ENGINE_SOURCE, finding } from "./findings";
import { pennies, sumPounds } from "./pence";
import { personOf } from "./people";
import type { CheckResult, Entitlement, PcnSettings, RoleSummary, StaffResult } from "./types";

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function inPostInYear(person: StaffResult): boolean {
  return person.months.some((m) => m.daysInPost > 0);
}

/**
 * Per role with someone in post during the year, in the rule set's order of roles; where a cap is in
 * force, with its limit and the most WTE counting towards it in any month.
 */
export function roleSummaries(staff: readonly StaffResult[], options: { rules: RuleSet; listSize: number | null; year: FinancialYear }): RoleSummary[] {
  const { rules } = options;
  const summaries = new Map<RoleId, RoleSummary>();
  const staffByRole = new Map<RoleId, StaffResult[]>();
  for (const person of staff) {
    if (!person.role || !inPostInYear(person)) continue;
    let summary = summaries.get(person.role);
    if (!summary) {
      summary = { role: person.role, roleName: person.roleName!, headcount: 0, wte: 0, claimable: 0, overMaxGap: 0, backdatedUplift: 0, cap: null };
      summaries.set(person.role, summary);
      staffByRole.set(person.role, []);
    }
    summary.wte += person.wte ?? 0;
    summary.overMaxGap += person.overMaxGap;
    staffByRole.get(person.role)!.push(person);
  }
  for (const summary of summaries.values()) {
    const people = staffByRole.get(summary.role)!;
    // Headcount counts people, not rows: one person on two rows (a change of hours, two practices) is one.
    summary.headcount = new Set(people.map((person, i) => personOf(person) ?? `row:${i}`)).size;
    summary.claimable = sumPounds(people.map((person) => person.claimable));
    summary.backdatedUplift = sumPounds(people.map((person) => person.backdatedUplift));
    summary.cap = peakUnderCap(people, summary.role, options);
  }
  const order = rules.roles.map((r) => r.id);
  return [...summaries.values()].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}

/**
 * The cap on a role during the year, with the most WTE of the role's staff counting towards it in a
 * month (the first such month's cap, on a tie). A role whose rows cannot be claimed still shows its
 * cap, with no WTE.
 */
function peakUnderCap(staff: readonly StaffResult[], role: RoleId, options: { rules: RuleSet; listSize: number | null; year: FinancialYear }): RoleSummary["cap"] {
  const caps = capsInForce({ ...options, role });
  let peak: RoleSummary["cap"] = null;
  caps.forEach((cap, index) => {
    if (!cap) return;
    let inPost = 0;
    // A row that cannot be claimed has no month that counts (its months are "invalid-row").
    for (const person of staff) if (countsTowardsCap(person.months[index])) inPost += person.wte!;
    if (!peak || inPost > peak.peakWte) peak = { limit: cap.limit, rule: cap.rule, peakWte: inPost };
  });
  return peak;
}

export function entitlementFor(settings: PcnSettings, year: FinancialYear, rules: RuleSet): { entitlement: Entitlement | null; problem: string | null } {
  const rate = rules.entitlementRate(year.label);
  if (!rate) return { entitlement: null, problem: `No ARRS sum rate (£ per weighted patient) is on record for ${year.label}, so headroom cannot be worked out. Check your ICB's confirmation of the PCN's ARRS sum.` };
  if (rate.fixedPerPcn !== null) return { entitlement: { amount: rate.fixedPerPcn, rate, gpRingFenced: null }, problem: null };
  if (settings.weightedPopulation === null) return { entitlement: null, problem: `The PCN's weighted population is not given, so the ARRS sum for ${year.label} cannot be worked out. Enter the PCN Contractor Weighted Population at 1 January before the year.` };
  const gpRingFenced = rate.gpPerWeightedPatient !== null ? rate.gpPerWeightedPatient * settings.weightedPopulation : null;
  return { entitlement: { amount: (rate.perWeightedPatient ?? 0) * settings.weightedPopulation + (gpRingFenced ?? 0), rate, gpRingFenced }, problem: null };
}

/** The PCN's totals from its rows, and its ARRS sum, with findings about them. */
export function pcnTotals(staff: readonly StaffResult[], options: { settings: PcnSettings; year: FinancialYear; rules: RuleSet }): {
  totals: CheckResult["totals"]; entitlement: Entitlement | null; findings: Finding[];
} {
  const { settings, year, rules } = options;
  const findings: Finding[] = [];
  // Money in whole pence, so that the months add up to the year and the rows to the PCN exactly.
  const monthsPence = year.months.map(() => 0);
  let costPence = 0;
  for (const person of staff) {
    person.months.forEach((m, i) => {
      monthsPence[i] += pennies(m.claimable);
      costPence += pennies(m.cost);
    });
  }
  const months = monthsPence.map((pence) => pence / 100);
  const claimable = sumPounds(months);
  const cost = costPence / 100;
  const overMaxGap = sum(staff.map((person) => person.overMaxGap));
  const onEarlierMaximums = sumPounds(staff.map((person) => person.onEarlierMaximum));
  const backdatedUplift = sumPounds(staff.map((person) => person.backdatedUplift));
  const { entitlement, problem } = entitlementFor(settings, year, rules);
  if (problem) findings.push(finding({ code: "ENTITLEMENT_UNKNOWN", message: problem, source: ENGINE_SOURCE.entitlement, field: "weightedPopulation" }));
  const unconfirmed = entitlement && (entitlement.rate.confidence === "inferred" || entitlement.rate.confidence === "third-party");
  if (unconfirmed && entitlement.rate.perWeightedPatient !== null) {
    findings.push(finding({
      code: "RATE_UNCONFIRMED", source: describeSource(entitlement.rate), severity: "warning",
      details: { perWeightedPatient: entitlement.rate.perWeightedPatient, confidence: entitlement.rate.confidence },
      message: `The PCN's ARRS sum for ${year.label} (${formatMoney(entitlement.amount)}) is worked out at £${entitlement.rate.perWeightedPatient} per weighted patient, a figure not confirmed against the DES. The ARRS sum and the headroom rest on it: check them against your ICB's confirmation of the PCN's ARRS sum.`,
    }));
  }
  if (entitlement && claimable > entitlement.amount) {
    findings.push(finding({
      code: "ENTITLEMENT_EXCEEDED", source: describeSource(entitlement.rate),
      message: `Claims for ${year.label} add up to ${formatMoney(claimable)}, ${formatMoney(claimable - entitlement.amount)} more than the PCN's ARRS sum of ${formatMoney(entitlement.amount)}: the excess will not be paid. Review planned claims with your ICB.`,
    }));
  }
  return {
    totals: { claimable, months, cost, overMaxGap, onEarlierMaximums, backdatedUplift, entitlement: entitlement?.amount ?? null, headroom: entitlement ? entitlement.amount - claimable : null },
    entitlement,
    findings,
  };
}
