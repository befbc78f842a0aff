/**
 * A claim is money in pounds and pence. Each row's monthly claims are whole pence, rounded so that
 * they add up exactly to the row's year rounded to the penny: the running total is rounded, not each
 * month on its own (twelve months at £73,334 a year make £73,334.00, not £73,334.04). Totals are sums
 * of those amounts, added in whole pence so that every total adds up exactly.
 */
import type { MonthClaim } from "./types";

/** Whole pence in an amount of pounds, half a penny rounded away from zero (after binary noise). */
export function toPenceCount(pounds: number): number {
  const cleaned = Math.round(pounds * 1e6) / 1e6;
  return Math.sign(cleaned) * Math.round(Math.abs(cleaned) * 100 + 1e-9);
}

/** Amounts that are whole pence, added exactly. */
export function sumPounds(amounts: readonly number[]): number {
  return amounts.reduce((pence, amount) => pence + toPenceCount(amount), 0) / 100;
}

/** Each amount in whole pence, the running total rounded, so that the parts add up to the whole rounded. */
export function splitInPence(amounts: readonly number[]): number[] {
  let total = 0;
  let shown = 0;
  return amounts.map((amount) => {
    total += amount;
    const next = toPenceCount(total);
    const part = next - shown;
    shown = next;
    return part / 100;
  });
}

/**
 * A row's months with their claims, costs and the costs' parts in whole pence, each rounded by running
 * total; a month's cost is the sum of its rounded parts, so a claim line's salary, NI and pension add
 * up to its total cost. Months not in post (shared, frozen, all 0) are kept as they are.
 */
export function monthsInPence(months: readonly MonthClaim[]): MonthClaim[] {
  const uplift = splitInPence(months.map((m) => m.upliftOverBuiltIn));
  const partsOf = (key: "salary" | "employerNi" | "employerPension" | "supplierFee") => splitInPence(months.map((m) => m.parts?.[key] ?? 0));
  const [salary, employerNi, employerPension, supplierFee] = [partsOf("salary"), partsOf("employerNi"), partsOf("employerPension"), partsOf("supplierFee")];
  const costs = months.map((_, i) => sumPounds([salary[i], employerNi[i], employerPension[i], supplierFee[i]]));
  const claimable = claimsInPence(months, costs);
  return months.map((m, i) => {
    if (m.daysInPost === 0) return m;
    return {
      ...m,
      cost: costs[i],
      parts: { salary: salary[i], employerNi: employerNi[i], employerPension: employerPension[i], supplierFee: supplierFee[i] },
      claimable: claimable[i],
      upliftOverBuiltIn: uplift[i],
    };
  });
}

/**
 * The month claims in whole pence. A month claimed at its cost is claimed at the cost its line shows
 * (its rounded parts); the others by running total, so that the year adds up to its rounded figure.
 */
function claimsInPence(months: readonly MonthClaim[], costs: readonly number[]): number[] {
  let total = 0;
  let shown = 0;
  return months.map((m, i) => {
    total += m.claimable;
    const atCost = m.claimable > 0 && m.claimable === m.cost;
    const part = atCost ? toPenceCount(costs[i]) : Math.max(0, Math.min(toPenceCount(total) - shown, toPenceCount(costs[i])));
    shown += part;
    return part / 100;
  });
}
