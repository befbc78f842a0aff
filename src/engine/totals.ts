/**
 * Per-role and PCN totals, summed from unrounded monthly parts; and the PCN's ARRS sum (entitlement):
 * £ per weighted patient × weighted population, or a fixed sum in 2019/20 (ARRS reference, section 6).
 */
import type { FinancialYear } from "../common/dates";
import { formatMoney } from "../common/money";
import { describeSource, type RuleSet } from "../rules/ruleset";
import type { Finding, RoleId } from "../rules/types";
import type { RowDraft } from "./draft";
import { capsInForce, countsTowardsCap, type CapInForce } from "./caps";
import { ENGINE_SOURCE, finding } from "./findings";
import type { StaffMonths } from "./month-table";
import type { CheckResult, Entitlement, PcnSettings, RoleSummary, StaffResult } from "./types";

export function summariseByRole(
  staff: StaffResult[], drafts: RowDraft[], rules: RuleSet, listSize: number | null, year: FinancialYear,
): RoleSummary[] {
  const summaries = new Map<RoleId, RoleSummary>();
  // Loops over every row are indexed: in a function run once per check, for…of makes an iterator
  // result object per row until V8 optimises the loop (19 MB at 100,000 rows across the engine).
  for (let i = 0; i < staff.length; i++) addToSummary(summaries, staff[i]);
  // The cap in force each month for each role summarised, and the WTE counting towards it: summed
  // in one pass over the rows (in row order, as a sum per role and month would be), not one per month.
  const caps = new Map<RoleId, (CapInForce | null)[]>();
  for (const summary of summaries.values()) {
    const months = capsInForce(rules, summary.role, year, listSize);
    if (months.some((m) => m !== null)) caps.set(summary.role, months);
  }
  if (caps.size === 0) return sortByRole(summaries, rules);
  const inPost = new Map<RoleId, number[]>([...caps.keys()].map((role) => [role, year.months.map(() => 0)]));
  for (let i = 0; i < drafts.length; i++) addWteTowardsCaps(inPost, caps, drafts[i]);
  for (const [role, months] of caps) {
    const summary = summaries.get(role)!;
    const sums = inPost.get(role)!;
    months.forEach((cap, index) => {
      if (!cap) return;
      if (!summary.cap || sums[index] > summary.cap.peakWte) summary.cap = { limit: cap.limit, rule: cap.rule, peakWte: sums[index] };
    });
  }
  return sortByRole(summaries, rules);
}

// The work for each row is in a small function of its own, called row by row, rather than in the body
// of one long loop: V8 optimises a small function as soon as it is hot, while a long loop in a
// function called once a check runs unoptimised until V8 replaces it mid-loop.

/** Adds a person in post during the year to their role's summary (made on the role's first person). */
function addToSummary(summaries: Map<RoleId, RoleSummary>, person: StaffResult): void {
  if (!person.role || !inPostInYear(person.months)) return;
  let summary = summaries.get(person.role);
  if (!summary) {
    summary = { role: person.role, roleName: person.roleName!, headcount: 0, wte: 0, claimable: 0, overMaxGap: 0, cap: null };
    summaries.set(person.role, summary);
  }
  summary.headcount += 1;
  summary.wte += person.wte ?? 0;
  summary.claimable += person.claimable;
  summary.overMaxGap += person.overMaxGap;
}

/** Adds a usable row's WTE to its role's WTE in post, in each month it counts towards a cap in force. */
function addWteTowardsCaps(inPost: Map<RoleId, number[]>, caps: Map<RoleId, (CapInForce | null)[]>, d: RowDraft): void {
  if (!d.usable || !d.role) return;
  const months = caps.get(d.role.id);
  if (!months) return;
  const sums = inPost.get(d.role.id)!;
  for (let index = 0; index < months.length; index++) {
    if (months[index] !== null && countsTowardsCap(d.months, index)) sums[index] += d.row.wte!;
  }
}

/** Adds a person's claim in each month to the PCN's month totals. */
function addMonthClaims(totals: number[], months: StaffMonths): void {
  for (let i = 0; i < months.length && i < totals.length; i++) totals[i] += months.claimable(i);
}

function inPostInYear(months: StaffMonths): boolean {
  for (let i = 0; i < months.length; i++) if (months.daysInPost(i) > 0) return true;
  return false;
}

function sortByRole(summaries: Map<RoleId, RoleSummary>, rules: RuleSet): RoleSummary[] {
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
  // One pass over the staff; each sum still adds in staff order, month by month, from 0.
  const months = year.months.map(() => 0);
  let cost = 0;
  let overMaxGap = 0;
  for (let i = 0; i < staff.length; i++) {
    const s = staff[i];
    addMonthClaims(months, s.months);
    cost += s.months.yearCost();
    overMaxGap += s.overMaxGap;
  }
  const claimable = months.reduce((a, b) => a + b, 0);
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
