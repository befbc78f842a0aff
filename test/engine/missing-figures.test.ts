/**
 * Figures not on record (the rate floor, London), mental health practitioners' tables from 2025/26,
 * a user's figure over a built-in one (the backdated uplift), and the 2026/27 ARRS sum: worked by hand.
 */
import { checkRoster } from "../../src/engine";
import type { PcnSettings } from "../../src/engine";
import { RuleSet } from "../../src/rules/ruleset";
import type { RosterRow } from "../../src/roster/types";
import { makeRow } from "../helpers/rows";

function run(rows: RosterRow[], s: Partial<PcnSettings> = {}, rules?: RuleSet) {
  return checkRoster({ rows, settings: { financialYear: "2026/27", listSize: 50000, weightedPopulation: 60000, region: "national", ...s }, rules });
}
const finding = (r: ReturnType<typeof run>, code: string, index = 0) => r.staff[index].findings.find((f) => f.code === code);

describe("the rate floor: a maximum not on record cannot be below the latest earlier one", () => {
  test("a cost within the 2025/26 maximum is claimed at cost, with RATE_FLOOR saying why", () => {
    const r = run([makeRow({ start: "2025-04-01", annualSalary: 50000, employerNi: 6750, employerPension: 7190 })]);
    expect(r.staff[0].claimable).toBeCloseTo(63940, 6);
    expect(r.staff[0].onEarlierMaximum).toBeCloseTo(63940, 6);
    expect(r.totals.onEarlierMaximums).toBeCloseTo(63940, 6);
    expect(finding(r, "RATE_FLOOR")!.message).toBe("The 2026/27 maximum for Clinical Pharmacist is not on record. It cannot be lower than the 2025/26 one (£66,972), which this cost is within, so the claim is at cost.");
    expect(finding(r, "RATE_FLOOR")!.severity).toBe("warning");
    expect(finding(r, "NO_RATE")).toBeUndefined();
  });

  test("a cost above it is claimed up to it, and the rest is a missing figure, not a cost the PCN funds", () => {
    const r = run([makeRow({ start: "2025-04-01", wte: 0.8, annualSalary: 70000, employerNi: 9750, employerPension: 10066 })]);
    expect(r.staff[0].claimable).toBeCloseTo(66972 * 0.8, 6);
    expect(r.staff[0].overMaxGap).toBe(0);
    expect(finding(r, "OVER_MAX")).toBeUndefined();
    expect(r.staff[0].months.every((m) => m.limit === "earlier-maximum" && m.floor)).toBe(true);
    expect(finding(r, "RATE_FLOOR")!.message).toBe("The 2026/27 maximum for Clinical Pharmacist is not on record. It cannot be lower than the 2025/26 one (£66,972), so £66,972 × 0.8 WTE a year is claimed; add the 2026/27 figure to claim the rest.");
  });

  test("turned off, the month claims £0 with NO_RATE", () => {
    const r = run([makeRow({ start: "2025-04-01" })], { rateFloor: false });
    expect(r.staff[0].claimable).toBe(0);
    expect(finding(r, "NO_RATE")).toBeDefined();
    expect(finding(r, "RATE_FLOOR")).toBeUndefined();
  });

  test("a user's figure for the year wins over the floor", () => {
    const rules = new RuleSet().withRateOverrides([{ role: "clinical-pharmacist", region: "national", amount: 69383, from: "2026-04-01", to: "2027-03-31", sheetName: "ARRS max reimb 26-27", rowNumber: 5 }]);
    const r = run([makeRow({ start: "2025-04-01", annualSalary: 90000, employerNi: 0, employerPension: 0 })], {}, rules);
    expect(r.staff[0].claimable).toBeCloseTo(69383, 6);
    expect(finding(r, "RATE_FLOOR")).toBeUndefined();
    expect(r.staff[0].backdatedUplift).toBe(0); // no built-in 2026/27 figure to compare with
  });
});

describe("London", () => {
  test("with no London figure, the cost above the national maximum is a missing figure, not a cost the PCN funds", () => {
    const rules = new RuleSet().withRateOverrides([{ role: "clinical-pharmacist", region: "national", amount: 69383, from: "2026-04-01", to: "2027-03-31", sheetName: "ARRS max reimb 26-27", rowNumber: 5 }]);
    const r = run([makeRow({ start: "2025-04-01", annualSalary: 81383, employerNi: 0, employerPension: 0 })], { region: "inner-london" }, rules);
    expect(r.staff[0].claimable).toBeCloseTo(69383, 6);
    expect(r.staff[0].months.every((m) => m.limit === "london-rate-missing")).toBe(true);
    expect(r.staff[0].overMaxGap).toBe(0);
    expect(r.totals.overMaxGap).toBe(0);
    expect(finding(r, "OVER_MAX")).toBeUndefined();
    expect(finding(r, "LONDON_RATE_MISSING")!.message).toBe("No inner London maximum is on record for Clinical Pharmacist: the claim is held to the national maximum (£69,383), and the cost above it (£12,000.00 this year) is not claimed. That is a missing figure, not a cost the PCN funds: add the London figure to an \"ARRS max reimb\" sheet to claim it.");
  });
});

describe("mental health practitioners from 2025/26: the first in each band at 50%, further ones at 100% with a written agreement", () => {
  const mhp = (rowNumber: number, band: string, start: string, mhpAgreement: "yes" | "no" | null = null) => makeRow({
    rowNumber, name: `MHP ${rowNumber}`, role: "mental-health-practitioner", roleText: "Mental Health Practitioner", band, start,
    annualSalary: 100000, employerNi: 0, employerPension: 0, mhpAgreement,
  });
  const rules = new RuleSet().withRateOverrides([
    { role: "mental-health-practitioner", region: "national", band: "6", mhpTable: "first-in-band", amount: 26660, from: "2025-04-01", to: "2026-03-31", sheetName: "ARRS max reimb 25-26", rowNumber: 3 },
    { role: "mental-health-practitioner", region: "national", band: "6", mhpTable: "with-agreement", amount: 53319, from: "2025-04-01", to: "2026-03-31", sheetName: "ARRS max reimb 25-26", rowNumber: 4 },
  ]);

  test("first in band: half the cost, up to the 50% table; a further one with an agreement: the 100% table", () => {
    const r = run([mhp(2, "Band 6", "2025-06-01", "yes"), mhp(3, "6", "2025-04-01"), mhp(4, "6", "2025-05-01", "yes")], { financialYear: "2025/26" }, rules);
    // Row 3 started first: the 50% table, whatever its agreement.
    expect(r.staff[1].months[0].maximumAnnual).toBe(26660);
    expect(r.staff[1].claimable).toBeCloseTo(26660, 6);
    // Rows 2 and 4 have agreements: the 100% table.
    expect(r.staff[2].months[1].maximumAnnual).toBe(53319);
    expect(r.staff[0].months[2].maximumAnnual).toBe(53319);
    expect(finding(r, "MHP_AGREEMENT_UNKNOWN", 0)).toBeUndefined();
  });

  test("a further one without a word on the agreement: the 50% table, and a finding saying what to add", () => {
    const r = run([mhp(2, "6", "2025-04-01"), mhp(3, "6", "2025-05-01")], { financialYear: "2025/26" }, rules);
    expect(r.staff[1].months[1].maximumAnnual).toBe(26660);
    expect(finding(r, "MHP_AGREEMENT_UNKNOWN", 1)!.message).toBe("This is mental health practitioner number 2 at band 6 (the first is on row 2), claimed on the 50% table. With a written agreement with the mental health provider it can be claimed up to 100% (DES Table 3b): add a \"Written agreement\" column with Yes or No.");
    expect(finding(r, "MHP_AGREEMENT_UNKNOWN", 0)).toBeUndefined();
  });

  test("an MHP with no band cannot be placed on a table: NO_RATE says to add the band", () => {
    const r = run([mhp(2, "", "2025-04-01")].map((row) => ({ ...row, band: null })), { financialYear: "2025/26", rateFloor: false }, rules);
    expect(finding(r, "NO_RATE")!.message).toContain("Add the person's band");
  });
});

describe("a user's figure over a built-in one: the backdated uplift", () => {
  test("the claim uses the user's figure; the difference from the built-in claim is the uplift to claim", () => {
    // 2025/26: built in £66,972 (before the August 2025 uplift); the user's uplifted figure £69,383.
    const rules = new RuleSet().withRateOverrides([{ role: "clinical-pharmacist", region: "national", amount: 69383, from: "2025-04-01", to: "2026-03-31", sheetName: "ARRS max reimb 25-26", rowNumber: 5 }]);
    const r = run([makeRow({ start: "2024-04-01", annualSalary: 90000, employerNi: 0, employerPension: 0 })], { financialYear: "2025/26" }, rules);
    expect(r.staff[0].claimable).toBeCloseTo(69383, 6);
    expect(r.staff[0].backdatedUplift).toBeCloseTo(69383 - 66972, 6);
    expect(r.totals.backdatedUplift).toBeCloseTo(2411, 6);
    expect(r.byRole[0].backdatedUplift).toBeCloseTo(2411, 6);
  });

  test("a cost within both figures has no uplift to claim", () => {
    const rules = new RuleSet().withRateOverrides([{ role: "clinical-pharmacist", region: "national", amount: 69383, from: "2025-04-01", to: "2026-03-31", sheetName: "ARRS max reimb 25-26", rowNumber: 5 }]);
    const r = run([makeRow({ start: "2024-04-01", annualSalary: 50000, employerNi: 0, employerPension: 0 })], { financialYear: "2025/26" }, rules);
    expect(r.staff[0].backdatedUplift).toBe(0);
  });
});

describe("the ARRS sum for 2026/27", () => {
  test("rests on an unconfirmed rate per weighted patient, and the PCN's findings say so", () => {
    const r = run([makeRow({ start: "2025-04-01" })]);
    const note = r.findings.find((f) => f.code === "RATE_UNCONFIRMED");
    expect(note!.message).toContain("27.668 per weighted patient");
    expect(note!.message).toContain("headroom");
  });
});
