/**
 * A claim is money in pounds and pence. Each row's monthly claims are whole pence, rounded so that
 * they add up exactly to the row's year rounded to the penny: the running total is rounded, not each
 * month on its own (twelve months at £73,334 a year make £73,334.00, not £73,334.04). Totals are sums
 * of those amounts, added in whole pence so that every total adds up exactly.
 */
import { toPence } from "../common/money";
import type { MonthClaim } from "./types";

/** Whole pence in an amount of pounds, rounded as money is shown (toPence: half a penny up, after binary noise). */
export function toPenceCount(pounds: number): number {
  return Math.round(toPence(pounds) * 100);
}

/** Whole pence in an amount that is already whole pence (a claim, a month, a total). */
export function pennies(pounds: number): number {
  return Math.round(pounds * 100);
}

/** Amounts that are whole pence, added exactly. */
export function sumPounds(amounts: readonly number[]): number {
  return amounts.reduce((pence, amount) => pence + pennies(amount), 0) / 100;
}

/** Running totals, unrounded, and what has been shown of each in whole pence. */
class RunningPence {
  private total = 0;
  private shown = 0;

  /** Adds an amount; returns the whole pence to show for it (the running total rounded, less what was shown). */
  next(amount: number): number {
    this.total += amount;
    const pence = toPenceCount(this.total) - this.shown;
    this.shown += pence;
    return pence;
  }

  /** Adds an amount and shows `pence` for it, however the running total rounds (see claim below). */
  show(amount: number, pence: number): number {
    this.total += amount;
    this.shown += pence;
    return pence;
  }

  /** The running total rounded, less what was shown: the pence the next amount would show. */
  due(amount: number): number {
    return toPenceCount(this.total + amount) - this.shown;
  }
}

/**
 * Rounds a row's months to whole pence, in place: the assessed months are the describing step's to
 * finish (months not in post, shared and frozen, are all 0 and left alone). Each part of a month's
 * cost (salary, NI, pension, supplier fee) is rounded by its own running total, and the month's cost
 * is the sum of its rounded parts, so a claim line's parts add up to its total cost. A month claimed at
 * its cost is claimed at that rounded cost; other months by running total, none above its cost.
 */
export function roundMonthsToPence(months: MonthClaim[]): void {
  const [salary, employerNi, employerPension, supplierFee, claim, uplift] =
    [new RunningPence(), new RunningPence(), new RunningPence(), new RunningPence(), new RunningPence(), new RunningPence()];
  for (const m of months) {
    if (m.daysInPost === 0) continue;
    // The engine gives every month in post parts of its own, rounded here in place; a month made by
    // hand without them is all salary.
    const parts = m.parts ?? { salary: m.cost, employerNi: 0, employerPension: 0, supplierFee: 0 };
    parts.salary = salary.next(parts.salary) / 100;
    parts.employerNi = employerNi.next(parts.employerNi) / 100;
    parts.employerPension = employerPension.next(parts.employerPension) / 100;
    parts.supplierFee = supplierFee.next(parts.supplierFee) / 100;
    const costPence = toPenceCount(parts.salary) + toPenceCount(parts.employerNi) + toPenceCount(parts.employerPension) + toPenceCount(parts.supplierFee);
    const atCost = m.claimable > 0 && m.claimable === m.cost;
    const claimPence = atCost ? costPence : Math.max(0, Math.min(claim.due(m.claimable), costPence));
    m.claimable = claim.show(m.claimable, claimPence) / 100;
    m.upliftOverBuiltIn = uplift.next(m.upliftOverBuiltIn) / 100;
    m.cost = costPence / 100;
    m.parts = parts;
  }
}
