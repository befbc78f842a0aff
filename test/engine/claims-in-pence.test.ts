/**
 * Claims as money is paid (issue "claims an ICB accepts"): whole pence that add up, on-costs per pay
 * period, and staff engaged through a supplier. Figures worked by hand beside each test.
 */
import { checkRoster } from "../../src/engine";
import type { PcnSettings } from "../../src/engine";
import type { RosterRow } from "../../src/roster/types";
import { makeRow } from "../helpers/rows";

function run(rows: RosterRow[], s: Partial<PcnSettings> = {}) {
  return checkRoster({ rows, settings: { financialYear: "2025/26", listSize: 50000, weightedPopulation: 60000, region: "national", ...s } });
}

describe("pounds and pence", () => {
  test("twelve months at £73,334 a year make £73,334.00, not £73,334.04", () => {
    // An advanced practitioner costing more than the 2025/26 maximum: held to £73,334 a year.
    const r = run([makeRow({ role: "advanced-practitioner", roleText: "ANP", annualSalary: 90000, employerNi: 0, employerPension: 0 })]);
    const months = r.staff[0].months.map((m) => m.claimable);
    // 73,334 / 12 = 6,111.1666…: the running total rounded gives 6,111.17 then 6,111.16 / 6,111.17 in turn.
    expect(months.slice(0, 3)).toEqual([6111.17, 6111.16, 6111.17]);
    expect(months.every((m) => Math.round(m * 100) === m * 100 || Math.abs(Math.round(m * 100) - m * 100) < 1e-6)).toBe(true);
    expect(r.staff[0].claimable).toBe(73334);
    expect(r.totals.claimable).toBe(73334);
    expect(r.totals.months.reduce((a, b) => a + Math.round(b * 100), 0)).toBe(7333400);
  });

  test("a month's salary, NI and pension add up to its cost", () => {
    const r = run([makeRow({ start: "2025-06-17", annualSalary: 41234.56, employerNi: null, employerPension: null })]);
    for (const m of r.staff[0].months.filter((month) => month.daysInPost > 0)) {
      const { salary, employerNi, employerPension, supplierFee } = m.parts!;
      expect(Math.round((salary + employerNi + employerPension + supplierFee) * 100)).toBe(Math.round(m.cost * 100));
    }
  });
});

describe("on-costs per pay period", () => {
  test("a £27,000 salary in 2022/23 is £2,250.00 every full month, and NI changes only after 6 November 2022", () => {
    const r = run([makeRow({ start: "2022-04-01", annualSalary: 27000, employerNi: null, employerPension: null })], { financialYear: "2022/23" });
    const months = r.staff[0].months;
    expect(months.map((m) => m.parts!.salary)).toEqual(new Array(12).fill(2250));
    // NI: 15.05% of (2,250 - 9,100 / 12) = 15.05% × 1,491.67 = £224.496 to October (£224.49 or £224.50
    // as the running total rounds); 13.8% after: £205.85.
    expect(Math.abs(months[6].parts!.employerNi - 224.5)).toBeLessThanOrEqual(0.01);
    expect(months[7].parts!.employerNi).toBeCloseTo(205.85, 1);
    // Pension 14.38% of 2,250 = £323.55.
    expect(months[0].parts!.employerPension).toBe(323.55);
    // The finding's estimate is the sum of the months.
    const niSum = months.reduce((a, m) => a + Math.round(m.parts!.employerNi * 100), 0) / 100;
    expect(r.staff[0].findings.find((f) => f.code === "ONCOSTS_ESTIMATED")!.message).toContain(`£${niSum.toLocaleString("en-GB", { minimumFractionDigits: 2 })} NI`);
  });

  test("someone who starts mid-month pays NI on the part pay above the full monthly threshold", () => {
    // Starts 16 June 2025: 15 of 30 days. Pay 36,000 / 12 × 15/30 = £1,500.00;
    // NI 15% × (1,500 - 5,000 / 12) = 15% × 1,083.33 = £162.50 (not half of a full month's £387.50).
    const r = run([makeRow({ start: "2025-06-16", annualSalary: 36000, employerNi: null, employerPension: 0 })]);
    const june = r.staff[0].months[2];
    expect(june.parts!.salary).toBe(1500);
    expect(june.parts!.employerNi).toBe(162.5);
    expect(r.staff[0].months[3].parts!.employerNi).toBe(387.5);
  });
});

describe("staff engaged through a supplier", () => {
  test("claimed at the fee up to the maximum, with no on-costs estimated", () => {
    // A pharmacist bought in at £5,000 a month (£60,000 a year): below £66,972, so the fee is claimed.
    const r = run([makeRow({ annualSalary: null, employerNi: null, employerPension: null, supplierFee: 60000 })]);
    expect(r.staff[0].claimable).toBe(60000);
    expect(r.staff[0].months[0].parts).toEqual({ salary: 0, employerNi: 0, employerPension: 0, supplierFee: 5000 });
    expect(r.staff[0].findings.map((f) => f.code)).not.toContain("ONCOSTS_ESTIMATED");
    expect(r.staff[0].findings.map((f) => f.code)).not.toContain("MISSING_VALUE");
    expect(r.staff[0].onCostsEstimated).toBe(false);
  });

  test("a fee above the maximum is claimed up to it", () => {
    const r = run([makeRow({ annualSalary: null, employerNi: null, employerPension: null, supplierFee: 84000 })]);
    expect(r.staff[0].claimable).toBe(66972);
  });
});
