/**
 * A month's claim (assess-row.ts), as a table: claim = f × min(share × annual cost, maximum × WTE) / 12,
 * f = days in post / days in month; the maximum is the one in force on the 1st of the month.
 */
import { claimForMonth, monthMaximum } from "../../src/engine/assess-row";
import type { MaxAmount } from "../../src/rules/types";

const RATE: MaxAmount = {
  role: "clinical-pharmacist", region: "national", from: "2025-04-01", to: "2026-03-31", amount: 66972,
  confidence: "published", source: { title: "Network Contract DES Contract specification 2025/26", section: "Table 2" },
};
const JUNE = { month: "2025-06-01", first: 0, last: 29, days: 30 };

describe("claimForMonth", () => {
  test.each([
    // what, days in post, WTE, annual cost, share, claimable, limit
    ["a full month below the maximum: the cost", 30, 1, 60000, 1, 5000, null],
    ["a full month above the maximum: the maximum", 30, 1, 72000, 1, 66972 / 12, "over-max"],
    ["part-time: the maximum scales with WTE", 30, 0.5, 36000, 1, (66972 * 0.5) / 12, "over-max"],
    ["half a month in post: both pro rata", 15, 1, 60000, 1, 2500, null],
    ["a 50% funded share: half the cost, up to the maximum", 30, 1, 60000, 0.5, 2500, null],
    ["a share of a cost above the maximum: still held to the maximum", 30, 1, 150000, 0.5, 66972 / 12, "over-max"],
    ["cost exactly at the maximum: not over it", 30, 1, 66972, 1, 66972 / 12, null],
  ])("%s", (_what, daysInPost, wte, annualCost, share, claimable, limit) => {
    const cost = ((daysInPost / JUNE.days) * annualCost) / 12;
    const month = claimForMonth({ span: JUNE, daysInPost, daysInMonth: JUNE.days, wte, cost, rate: RATE, share });
    expect(month.claimable).toBeCloseTo(claimable, 9);
    expect(month.limit).toBe(limit);
    expect(month.maximumForMonth).toBeCloseTo(monthMaximum(daysInPost, JUNE.days, RATE.amount, wte), 9);
    expect(month).toMatchObject({ month: "2025-06-01", daysInPost, daysInMonth: 30, wte, cost, maximumAnnual: 66972, rate: RATE });
  });
});
