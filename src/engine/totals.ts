/**
 * Per-role and PCN totals, summed from unrounded monthly parts; and the PCN's ARRS sum (entitlement):
 * £ per weighted patient × weighted population, or a fixed sum in 2019/20 (ARRS reference, section 6).
 */
import type { FinancialYear } from "../common/dates";
import { formatMoney } from "../common/money";
import { describeSource, type RuleSet } from "../rules/ruleset";
import type { Finding, RoleId } from "../rules/types";
import type { RowDraft } from "./check";
import { capLimit, countsTowardsCap } from "./caps";
import { ENGINE_SOURCE, finding } from "./findings";
import type { CheckResult, Entitlement, PcnSettings, RoleSummary, StaffResult } from "./types";

export function summariseByRole(staff: StaffResult[], drafts: RowDraft[], rules: RuleSet, listSize: number | null, year: FinancialYear): RoleSummary[] {
  const summaries = new Map<RoleId, RoleSummary>();
  for (const person of staff) {
    if (!person.role || !person.months.some((m) => m.daysInPost > 0)) continue;
    const summary = summaries.get(person.role) ?? { role: person.role, roleName: rules.role(person.role).name, headcount: 0, wte: 0, claimable: 0, overMaxGap: 0, cap: null };
    summary.headcount += 1;
    summary.wte += person.wte ?? 0;
    summary.claimable += person.claimable;
    summary.overMaxGap += person.overMaxGap;
    summaries.set(person.role, summary);
  }
  for (const summary of summaries.values()) {
    year.months.forEach((month, index) => {
      const rule = rules.cap(summary.role, month);
      const limit = rule ? capLimit(rule, listSize) : null;
      if (!rule || limit === null) return;
      const inPost = drafts.filter((d) => d.usable && d.role?.id === summary.role && countsTowardsCap(d.months[index])).reduce((sum, d) => sum + d.row.wte!, 0);
      if (!summary.cap || inPost > summary.cap.peakWte) summary.cap = { limit, rule, peakWte: inPost };
    });
  }
  const order = rules.roles.map((r) => r.id);
  return [...summaries.values()].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}

export function entitlementFor(settings: PcnSettings, year: FinancialYear, rules: RuleSet): { entitlement: Entitlement | null; problem: string | null } {
  const rate = rules.entitlementRate(year.label);
  if (!rate) return { entitlement: null, problem: `No ARRS sum rate (£ per weighted patient) is on record for ${year.label}, so headroom cannot be worked out. Check your ICB's confirmation of the PCN's ARRS sum.` };
  if (rate.fixedPerPcn !== null) return { entitlement: { amount: rate.fixedPerPcn, rate, gpRingFenced: null }, problem: null };
  if (settings.weightedPopulation === null) return { entitlement: null, problem: `The PCN's weighted population is not given, so the ARRS sum for ${year.label} cannot be worked out. Enter the PCN Contractor Weighted Population at 1 January before the year.` };
  const gpRingFenced = rate.gpPerWeightedPatient !== null ? rate.gpPerWeightedPatient * settings.weightedPopulation : null;
  return { entitlement: { amount: (rate.perWeightedPatient ?? 0) * settings.weightedPopulation + (gpRingFenced ?? 0), rate, gpRingFenced }, problem: null };
}

export function pcnTotals(
  staff: StaffResult[], settings: PcnSettings, year: FinancialYear, rules: RuleSet, pcnFindings: Finding[],
): { totals: CheckResult["totals"]; entitlement: Entitlement | null } {
  const months = year.months.map((_, i) => staff.reduce((sum, s) => sum + s.months[i].claimable, 0));
  const claimable = months.reduce((a, b) => a + b, 0);
  const cost = staff.reduce((sum, s) => sum + s.months.reduce((t, m) => t + m.cost, 0), 0);
  const overMaxGap = staff.reduce((sum, s) => sum + s.overMaxGap, 0);
  const { entitlement, problem } = entitlementFor(settings, year, rules);
  if (problem) pcnFindings.push(finding("ENTITLEMENT_UNKNOWN", problem, ENGINE_SOURCE.entitlement, { field: "weightedPopulation" }));
  if (entitlement && claimable > entitlement.amount) {
    pcnFindings.push(finding("ENTITLEMENT_EXCEEDED",
      `Claims for ${year.label} add up to ${formatMoney(claimable)}, ${formatMoney(claimable - entitlement.amount)} more than the PCN's ARRS sum of ${formatMoney(entitlement.amount)}: the excess will not be paid. Review planned claims with your ICB.`,
      describeSource(entitlement.rate)));
  }
  return {
    totals: { claimable, months, cost, overMaxGap, entitlement: entitlement?.amount ?? null, headroom: entitlement ? entitlement.amount - claimable : null },
    entitlement,
  };
}
