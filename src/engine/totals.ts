/**
 * Per-role and PCN totals, summed from unrounded monthly parts; and the PCN's ARRS sum (entitlement):
 * £ per weighted patient × weighted population, or a fixed sum in 2019/20 (ARRS reference, section 6).
 */
import type { FinancialYear, IsoDate } from "../common/dates";
import { formatMoney } from "../common/money";
import { describeSource, type RuleSet } from "../rules/ruleset";
import type { Finding, RoleId } from "../rules/types";
import type { StaffRow } from "./staff-row";
import { capsInForce, countsTowardsCap, type CapInForce } from "./caps";
import { ENGINE_SOURCE, finding } from "./findings";
import { keepHiddenClassOf } from "./keep-alive";
import type { CheckResult, Entitlement, PcnSettings, RoleSummary } from "./types";

/**
 * The PCN's sums, added to row by row as each row is finished (check.ts), in row order: the claims
 * month by month, the cost and the cost above the maximum; per role, headcount, WTE, claim and the
 * WTE counting towards each cap in force. One pass over the rows, in the same pass that finishes
 * them, rather than a pass of its own for each kind of sum: at 100,000 rows every pass over the rows
 * reads them from main memory again. Each sum still adds in row order from 0, as before.
 */
export class ClaimTotals {
  /** The claim in each month, April first. */
  readonly months: number[];
  cost = 0;
  overMaxGap = 0;
  private readonly summaries = new Map<RoleId, RoleSummary>();
  /**
   * Per role seen on a row that can be claimed: the caps in force month by month and the WTE in post
   * counting towards them, or null when no cap is in force for it this year.
   */
  private readonly caps = new Map<RoleId, { months: (CapInForce | null)[]; inPost: number[] } | null>();
  private readonly rules: RuleSet;
  private readonly listSize: number | null;
  private readonly year: FinancialYear;

  constructor(rules: RuleSet, listSize: number | null, year: FinancialYear) {
    this.rules = rules;
    this.listSize = listSize;
    this.year = year;
    this.months = year.months.map(() => 0);
  }

  /** Adds a finished row. */
  add(person: StaffRow): void {
    addMonthClaims(this.months, person);
    this.cost += person.table.yearCostOf(person.index);
    this.overMaxGap += person.overMaxGap;
    addToSummary(this.summaries, person);
    if (person.usable) this.addWteTowardsCaps(person);
  }

  /** Adds a usable row's WTE to its role's WTE in post, in each month it counts towards a cap in force. */
  private addWteTowardsCaps(person: StaffRow): void {
    const caps = this.capsOf(person.roleDefinition!.id);
    if (caps === null) return;
    for (let index = 0; index < caps.months.length; index++) {
      if (caps.months[index] !== null && countsTowardsCap(person.table, person.firstSlot + index)) caps.inPost[index] += person.row.wte!;
    }
  }

  /** A role's caps in force and WTE in post so far, looked up the first time the role is seen. */
  private capsOf(role: RoleId): { months: (CapInForce | null)[]; inPost: number[] } | null {
    let caps = this.caps.get(role);
    if (caps === undefined) {
      const months = capsInForce(this.rules, role, this.year, this.listSize);
      caps = months.some((m) => m !== null) ? { months, inPost: months.map(() => 0) } : null;
      this.caps.set(role, caps);
    }
    return caps;
  }

  /**
   * Per role with someone in post during the year, in the rule set's order of roles; with the cap in
   * force and the most WTE in post in any month, where a cap is in force.
   */
  byRole(): RoleSummary[] {
    for (const [role, summary] of this.summaries) {
      // A role whose rows in post cannot be claimed still shows its cap, with no WTE towards it.
      const caps = this.capsOf(role);
      if (caps === null) continue;
      caps.months.forEach((cap, index) => {
        if (!cap) return;
        const inPost = caps.inPost[index];
        if (!summary.cap || inPost > summary.cap.peakWte) summary.cap = { limit: cap.limit, rule: cap.rule, peakWte: inPost };
      });
    }
    return sortByRole(this.summaries, this.rules);
  }
}
// See keep-alive.ts. The example's sums are given fractions of a pound, as every check's are: a field
// that goes from whole numbers to fractions moves its object to a new hidden class, and it is that one
// which must be kept (V8 threw away `add` and the functions it calls after every check until it was).
const exampleTotals = new ClaimTotals({} as RuleSet, null, { months: [] as IsoDate[] } as FinancialYear);
exampleTotals.cost = 0.5;
exampleTotals.overMaxGap = 0.5;
keepHiddenClassOf(exampleTotals);

// The work for each row is in a small function of its own, called row by row, rather than in the body
// of one long loop: V8 optimises a small function as soon as it is hot, while a long loop in a
// function called once a check runs unoptimised until V8 replaces it mid-loop.

/** Adds a person in post during the year to their role's summary (made on the role's first person). */
function addToSummary(summaries: Map<RoleId, RoleSummary>, person: StaffRow): void {
  if (!person.role || !inPostInYear(person)) return;
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

/** Adds a person's claim in each month to the PCN's month totals. */
function addMonthClaims(totals: number[], person: StaffRow): void {
  const { table } = person;
  const first = person.firstSlot;
  for (let i = 0; i < totals.length; i++) totals[i] += table.claimable[first + i];
}

function inPostInYear(person: StaffRow): boolean {
  const { table } = person;
  const first = person.firstSlot;
  for (let i = 0; i < table.months.length; i++) if (table.daysInPost[first + i] > 0) return true;
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

/** The PCN's totals from its rows' sums, and its ARRS sum (entitlement), with findings about them. */
export function pcnTotals(
  sums: ClaimTotals, settings: PcnSettings, year: FinancialYear, rules: RuleSet, pcnFindings: Finding[],
): { totals: CheckResult["totals"]; entitlement: Entitlement | null } {
  const { months, cost, overMaxGap } = sums;
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
