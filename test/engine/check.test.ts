import { checkRoster } from "../../src/engine";
import type { PcnSettings } from "../../src/engine";
import { RuleSet } from "../../src/rules/ruleset";
import type { RosterRow } from "../../src/roster/types";
import { makeRow } from "../helpers/rows";

function settings(overrides: Partial<PcnSettings> = {}): PcnSettings {
  return { financialYear: "2025/26", listSize: 50000, weightedPopulation: 60000, region: "national", ...overrides };
}
function run(rows: RosterRow[], s: Partial<PcnSettings> = {}, rules?: RuleSet) {
  return checkRoster({ rows, settings: settings(s), rules });
}
function codes(result: ReturnType<typeof run>, index = 0) {
  return result.staff[index].findings.map((f) => f.code);
}
const pence = (n: number) => Math.round(n * 100) / 100;

describe("a month's claim: days-in-post fraction × min(cost, maximum × WTE) / 12", () => {
  test("cost below the maximum is claimed in full", () => {
    const r = run([makeRow({ annualSalary: 50000, employerNi: 6750, employerPension: 7190 })]);
    expect(r.staff[0].claimable).toBeCloseTo(63940, 6);
    // Whole pence: each month at the cost its line shows (salary, NI and pension each rounded by running
    // total), within two pence of 63,940 / 12; the year exact.
    expect(r.staff[0].months.every((m) => Math.abs(m.claimable - 63940 / 12) <= 0.02)).toBe(true);
    expect(r.staff[0].months.map((m) => m.claimable).reduce((a, b) => a + b, 0)).toBeCloseTo(63940, 9);
    expect(r.staff[0].status).toBe("ok");
  });
  test("cost above the maximum is limited to maximum × WTE and the gap is reported", () => {
    const r = run([makeRow({ wte: 0.8, annualSalary: 70000, employerNi: 9750, employerPension: 10066 })]);
    expect(r.staff[0].claimable).toBeCloseTo(66972 * 0.8, 6);
    expect(r.staff[0].overMaxGap).toBeCloseTo(89816 - 66972 * 0.8, 6);
    expect(codes(r)).toContain("OVER_MAX");
  });
  test("a start mid-month is pro rata by days in post (15 Sep: 16 of 30 days)", () => {
    const r = run([makeRow({ start: "2025-09-15" })]);
    const sep = r.staff[0].months[5];
    expect(sep.month).toBe("2025-09-01");
    expect(sep.daysInPost).toBe(16);
    expect(sep.claimable).toBe(2841.78); // (16 / 30) × 63,940 / 12 = 2,841.777…
    expect(r.staff[0].months.slice(0, 5).every((m) => m.claimable === 0)).toBe(true);
  });
  test("an end mid-month counts the last day (20 Nov: 20 of 30 days)", () => {
    const r = run([makeRow({ end: "2025-11-20" })]);
    expect(r.staff[0].months[7].daysInPost).toBe(20);
    expect(r.staff[0].months.slice(8).every((m) => m.claimable === 0)).toBe(true);
  });
  test("31 March is in the year, 1 April is the next one", () => {
    const last = run([makeRow({ start: "2026-03-31" })]).staff[0];
    expect(last.months[11].daysInPost).toBe(1);
    expect(Math.abs(last.claimable - 63940 / 12 / 31)).toBeLessThanOrEqual(0.01); // 63,940 / 12 / 31 = 171.8817…, in its rounded parts
    const next = run([makeRow({ start: "2026-04-01" })]);
    expect(next.staff[0].claimable).toBe(0);
    expect(codes(next)).toEqual(["NOT_IN_YEAR"]);
  });
  test("left before the year: not in year, info only", () => {
    const r = run([makeRow({ start: "2023-01-01", end: "2025-02-28" })]);
    expect(r.staff[0].status).toBe("info");
    expect(codes(r)).toEqual(["NOT_IN_YEAR"]);
  });
});

describe("rates change on the 1st of a month", () => {
  test("1 October 2024: £62,340 to September (inferred), £65,838 from October", () => {
    const r = run([makeRow({ annualSalary: 90000, employerNi: 0, employerPension: 0, start: "2024-04-01" })], { financialYear: "2024/25" });
    const months = r.staff[0].months;
    expect(months[5].maximumAnnual).toBe(62340);
    expect(months[6].maximumAnnual).toBe(65838);
    expect(r.staff[0].claimable).toBeCloseTo((62340 * 6 + 65838 * 6) / 12, 6);
    expect(codes(r)).toContain("RATE_UNCONFIRMED");
  });
  test("1 July 2023: £59,312 to June, £62,340 from July", () => {
    const r = run([makeRow({ annualSalary: 90000, employerNi: 0, employerPension: 0, start: "2020-01-01" })], { financialYear: "2023/24" });
    expect(r.staff[0].months.map((m) => m.maximumAnnual)).toEqual([59312, 59312, 59312, ...Array(9).fill(62340)]);
  });
  test("no figure for the period and the floor turned off: NO_RATE and nothing claimed, never another year's figure", () => {
    const r = run([makeRow({ start: "2021-04-01" })], { financialYear: "2021/22", rateFloor: false });
    expect(r.staff[0].claimable).toBe(0);
    expect(codes(r)).toContain("NO_RATE");
    expect(r.staff[0].status).toBe("error");
  });
  test("2026/27 has no amounts yet: with the floor turned off, NO_RATE", () => {
    const r = run([makeRow({ start: "2025-04-01" })], { financialYear: "2026/27", rateFloor: false });
    expect(r.staff[0].claimable).toBe(0);
    expect(codes(r)).toContain("NO_RATE");
  });
  test("the workbook's own figure is used and cited", () => {
    const rules = new RuleSet().withRateOverrides([{ role: "care-coordinator", region: "national", amount: 36000, from: "2025-04-01", to: "2026-03-31", sheetName: "ARRS max reimb 25-26", rowNumber: 9 }]);
    const r = run([makeRow({ role: "care-coordinator", roleText: "Care Co-ordinator", annualSalary: 40000, employerNi: 5250, employerPension: 5752 })], {}, rules);
    expect(r.staff[0].claimable).toBeCloseTo(36000, 6);
    const used = r.staff[0].findings.find((f) => f.code === "USER_RATE_USED")!;
    expect(used.source).toContain('"ARRS max reimb 25-26" sheet');
    expect(used.message).toContain("row 9");
  });
  test("London PCN with no London figure: national used, with a warning", () => {
    // Link workers in October 2024 to March 2025: a national figure (inferred), no London one.
    const r = run([makeRow({ role: "social-prescribing-link-worker", roleText: "SPLW", start: "2024-10-01", annualSalary: 70000, employerNi: 0, employerPension: 0 })],
      { region: "inner-london", financialYear: "2024/25" });
    expect(r.staff[0].claimable).toBeCloseTo(42437 / 2, 6);
    expect(codes(r)).toContain("LONDON_RATE_MISSING");
    expect(codes(r)).not.toContain("OVER_MAX");
  });
  test("2025/26 built-in figures predate the August 2025 uplift: said once for the PCN", () => {
    expect(run([makeRow()]).findings.map((f) => f.code)).toContain("RATE_BEFORE_UPLIFT");
  });
});

describe("roles and people", () => {
  test("unknown role: error, nothing claimed", () => {
    const r = run([makeRow({ role: null, roleText: "Receptionist" })]);
    expect(codes(r)).toEqual(["UNKNOWN_ROLE"]);
    expect(r.staff[0].claimable).toBe(0);
  });
  test.each([[""], ["   "], ["\u00a0"], ["\t\u2003 "]])("a role of nothing but spaces (%j) is blank: MISSING_VALUE, nothing claimed", (roleText) => {
    const r = run([makeRow({ role: null, roleText })]);
    expect(r.staff[0].findings.map((f) => [f.code, f.field])).toEqual([["MISSING_VALUE", "role"]]);
    expect(r.staff[0].findings[0].message).toContain("The role is blank");
    expect(r.staff[0].claimable).toBe(0);
  });
  test("a role with a space before it is not blank", () => {
    expect(codes(run([makeRow({ roleText: " Clinical Pharmacist" })]))).not.toContain("MISSING_VALUE");
  });
  test("GP in post before 1 October 2024: claimable from that date only", () => {
    const r = run([makeRow({ role: "general-practitioner", roleText: "Salaried GP", start: "2024-06-01", cctDate: "2024-03-01", annualSalary: 80000, employerNi: 10000, employerPension: 11000 })], { financialYear: "2024/25" });
    const f = r.staff[0].findings.find((x) => x.code === "ROLE_NOT_ELIGIBLE")!;
    expect(f.severity).toBe("warning");
    expect(r.staff[0].months.slice(0, 6).every((m) => m.claimable === 0)).toBe(true);
    expect(r.staff[0].months[6].claimable).toBeGreaterThan(0);
  });
  test("role not yet claimable at all in the year: error", () => {
    const r = run([makeRow({ role: "healthcare-support-worker", roleText: "HCSW", start: "2024-05-01" })], { financialYear: "2024/25" });
    expect(r.staff[0].findings.find((x) => x.code === "ROLE_NOT_ELIGIBLE")!.severity).toBe("error");
    expect(r.staff[0].claimable).toBe(0);
  });
  test.each([
    ["CCT more than 2 years before start", "2021-01-01", "error", 0],
    ["CCT within 2 years", "2024-08-01", undefined, 1],
    ["no CCT date", null, "warning", 1],
  ] as const)("GP: %s", (_label, cct, severity, claimed) => {
    const r = run([makeRow({ role: "general-practitioner", roleText: "GP", cctDate: cct, annualSalary: 80000, employerNi: 11250, employerPension: 11504 })]);
    expect(r.staff[0].findings.find((f) => f.code === "GP_ELIGIBILITY")?.severity).toBe(severity);
    expect(r.staff[0].claimable > 0 ? 1 : 0).toBe(claimed);
  });
  test.each([
    ["yes", "error", 0], ["promoted", "info", 1], ["no", undefined, 1], [null, "warning", 1],
  ] as const)("nurse 12-month rule, employed in last 12 months = %s", (answer, severity, claimed) => {
    const r = run([makeRow({ role: "new-to-general-practice-nurse", roleText: "Practice nurse", annualSalary: 31000, employerNi: 3900, employerPension: 4458, employedInLast12Months: answer })]);
    expect(r.staff[0].findings.find((f) => f.code === "NURSE_12_MONTH_RULE")?.severity).toBe(severity);
    expect(r.staff[0].claimable > 0 ? 1 : 0).toBe(claimed);
  });
  test("the same person above 1.0 WTE at once: warning on both rows", () => {
    const r = run([makeRow({ rowNumber: 5, staffId: "E1", wte: 0.8 }), makeRow({ rowNumber: 9, staffId: "e1", wte: 0.6, start: "2025-06-01" })]);
    expect(codes(r, 0)).toContain("DUPLICATE_PERSON");
    expect(codes(r, 1)).toContain("DUPLICATE_PERSON");
    expect(r.staff[0].findings.find((f) => f.code === "DUPLICATE_PERSON")!.message).toContain("rows 5 and 9");
  });
  test("consecutive rows for one person are not duplicates", () => {
    const r = run([makeRow({ staffId: "E1", end: "2025-06-30" }), makeRow({ rowNumber: 3, staffId: "E1", start: "2025-07-01" })]);
    expect(codes(r, 0)).not.toContain("DUPLICATE_PERSON");
  });
  test("clinical pharmacists in 2019/20: 70% of cost, up to £37,810", () => {
    const r = run([makeRow({ start: "2019-07-01", annualSalary: 40000, employerNi: 0, employerPension: 0 })], { financialYear: "2019/20" });
    expect(r.staff[0].claimable).toBeCloseTo(0.7 * 40000 * 9 / 12, 6);
    expect(codes(r)).toContain("PART_FUNDED");
    expect(run([makeRow({ start: "2019-04-01" })], { financialYear: "2019/20" }).staff[0].months[2].limit).toBe("role-not-claimable");
  });
});

describe("values the claim needs", () => {
  test.each([
    ["no WTE", { wte: null }, "MISSING_VALUE"],
    ["no start date", { start: null }, "MISSING_VALUE"],
    ["no salary", { annualSalary: null }, "MISSING_VALUE"],
    ["no role", { roleText: null, role: null }, "MISSING_VALUE"],
    ["WTE above 1.0", { wte: 1.2 }, "INVALID_WTE"],
    ["WTE zero", { wte: 0 }, "INVALID_WTE"],
    ["negative salary", { annualSalary: -5 }, "INVALID_AMOUNT"],
    ["end before start", { start: "2025-06-01", end: "2025-05-01" }, "END_BEFORE_START"],
  ] as [string, Partial<RosterRow>, string][])("%s: %s, nothing claimed", (_label, overrides, code) => {
    const r = run([makeRow(overrides)]);
    expect(codes(r)).toContain(code);
    expect(r.staff[0].claimable).toBe(0);
    expect(r.staff[0].status).toBe("error");
  });
  test("a reader's finding on a field is not repeated as missing", () => {
    const r = run([makeRow({ start: null, findings: [{ code: "INVALID_DATE", severity: "error", message: "x", field: "start", source: "s", rowNumber: 2 }] })]);
    expect(codes(r)).toEqual(["INVALID_DATE"]);
  });
  test("blank NI and pension are estimated at 2025/26 rates and marked", () => {
    const r = run([makeRow({ annualSalary: 30000, employerNi: null, employerPension: null })]);
    expect(r.staff[0].employerNi).toBeCloseTo(0.15 * 25000, 6);
    expect(r.staff[0].employerPension).toBeCloseTo(0.1438 * 30000, 6);
    expect(r.staff[0].onCostsEstimated).toBe(true);
    expect(codes(r)).toContain("ONCOSTS_ESTIMATED");
  });
  test("NI estimate follows the tax year: 13.8% above £9,100 in 2024/25", () => {
    const r = run([makeRow({ start: "2024-04-01", annualSalary: 30000, employerNi: null, employerPension: 0 })], { financialYear: "2024/25" });
    expect(r.staff[0].months[0].cost).toBeCloseTo((30000 + 0.138 * 20900) / 12, 6);
  });
});

describe("caps by list size", () => {
  // No national band 8a figure is on record for 2023/24, so the tests give one as a workbook would.
  const rules = new RuleSet().withRateOverrides([{ role: "advanced-practitioner", region: "national", amount: 70000, from: "2023-04-01", to: "2024-03-31", sheetName: "ARRS max reimb 23-24", rowNumber: 5 }]);
  const aps = (n: number) => Array.from({ length: n }, (_, i) => makeRow({
    rowNumber: 10 + i, name: `AP ${i + 1}`, role: "advanced-practitioner", roleText: "ANP",
    start: `2023-0${4 + Math.min(i, 5)}-01`, annualSalary: 50000, employerNi: 6000, employerPension: 7000,
  }));
  test.each([[99999, 3], [100000, 6]])("list size %d: cap %d WTE of advanced practitioners in 2023/24", (listSize, cap) => {
    const r = run(aps(8), { financialYear: "2023/24", listSize }, rules);
    const march = r.staff.map((s) => s.months[11]);
    expect(march.filter((m) => m.claimable > 0)).toHaveLength(cap);
    expect(r.staff.filter((s) => s.findings.some((f) => f.code === "CAP_EXCEEDED"))).toHaveLength(8 - cap);
    // The latest starters are the ones beyond the cap.
    expect(r.staff.slice(0, cap).every((s) => !s.findings.some((f) => f.code === "CAP_EXCEEDED"))).toBe(true);
    expect(r.byRole[0].cap).toMatchObject({ limit: cap, peakWte: 8 });
  });
  test("a capped role whose only rows cannot be claimed still shows its cap, with no WTE towards it", () => {
    const rows = aps(2).map((r) => ({ ...r, wte: 1.5 }));
    const r = run(rows, { financialYear: "2023/24", listSize: 50000 }, rules);
    expect(r.staff.map((s) => s.status)).toEqual(["error", "error"]);
    expect(r.byRole).toHaveLength(1);
    expect(r.byRole[0]).toMatchObject({ headcount: 2, claimable: 0, cap: { limit: 3, peakWte: 0 } });
  });
  test("the cap's WTE in post counts only rows that can be claimed", () => {
    const rows = [...aps(2), { ...aps(3)[2], wte: 1.5 }];
    const r = run(rows, { financialYear: "2023/24", listSize: 50000 }, rules);
    expect(r.byRole[0]).toMatchObject({ headcount: 3, cap: { limit: 3, peakWte: 2 } });
  });
  test("a row partly beyond the cap keeps the part within it", () => {
    const rows = aps(4).map((r, i) => ({ ...r, wte: i === 3 ? 0.5 : 1, start: "2023-04-01" }));
    rows[2].wte = 0.6;
    const r = run(rows, { financialYear: "2023/24", listSize: 50000 }, rules);
    expect(r.staff[2].months[0].wte).toBeCloseTo(0.6);
    expect(r.staff[3].months[0].wte).toBeCloseTo(0.4);
  });
  test("no list size: the lower cap, and the PCN is told", () => {
    const r = run(aps(5), { financialYear: "2023/24", listSize: null }, rules);
    expect(r.staff.filter((s) => s.months[11].claimable > 0)).toHaveLength(3);
    expect(r.findings.map((f) => f.code)).toContain("MISSING_VALUE");
  });
  test("no caps from 2025/26", () => {
    const r = run(aps(8).map((x) => ({ ...x, start: "2025-04-01" })), { financialYear: "2025/26", listSize: 10000 });
    expect(r.staff.every((s) => !s.findings.some((f) => f.code === "CAP_EXCEEDED"))).toBe(true);
  });
});

describe("PCN totals and the ARRS sum", () => {
  test("totals are the sum of rows and of months", () => {
    const r = run([makeRow(), makeRow({ rowNumber: 3, start: "2025-10-10", wte: 0.5, annualSalary: 25000 }), makeRow({ rowNumber: 4, role: null, roleText: "Receptionist" })]);
    const byRows = r.staff.reduce((s, x) => s + x.claimable, 0);
    const byMonths = r.totals.months.reduce((s, x) => s + x, 0);
    expect(r.totals.claimable).toBeCloseTo(byRows, 9);
    expect(r.totals.claimable).toBeCloseTo(byMonths, 9);
    expect(r.totals.entitlement).toBeCloseTo(26.631 * 60000, 6);
    expect(r.totals.headroom).toBeCloseTo(26.631 * 60000 - r.totals.claimable, 6);
  });
  test("claims above the ARRS sum are flagged", () => {
    const r = run([makeRow()], { weightedPopulation: 1000 });
    expect(r.findings.map((f) => f.code)).toContain("ENTITLEMENT_EXCEEDED");
    expect(r.totals.headroom!).toBeLessThan(0);
  });
  test.each([
    ["2019/20", 20000, 53942],
    ["2020/21", 20000, pence(7.131 * 20000)],
    ["2023/24", 20000, pence(22.671 * 20000)],
    ["2024/25 with the GP sum", 20000, pence((22.894 + 1.303) * 20000)],
  ])("%s entitlement", (year, wp, expected) => {
    const r = run([], { financialYear: year.slice(0, 7), weightedPopulation: wp });
    expect(pence(r.totals.entitlement!)).toBe(expected);
  });
  test.each([["2021/22", 20000], ["2025/26", null]] as const)("%s with weighted population %s: entitlement unknown, said so", (year, wp) => {
    const r = run([], { financialYear: year, weightedPopulation: wp });
    expect(r.totals.entitlement).toBeNull();
    expect(r.findings.map((f) => f.code)).toContain("ENTITLEMENT_UNKNOWN");
  });
});

describe("one claim in every financial year of the scheme", () => {
  // A full-time clinical pharmacist costing more than any maximum, in post all year: the claim is
  // the sum of the maximums in force on the 1st of each month, or 0 where none is on record.
  const cases: [string, number][] = [
    ["2019/20", (37810 * 9) / 12], // from 1 July 2019; 70% of cost, capped at £37,810
    ["2020/21", 55670],
    ["2021/22", 55670], // no pharmacist figure on record: the 2020/21 one is the floor
    ["2022/23", (57318 * 6 + 59312 * 6) / 12], // 1 October 2022 uplift
    ["2023/24", (59312 * 3 + 62340 * 9) / 12], // 1 July 2023 uplift
    ["2024/25", (62340 * 6 + 65838 * 6) / 12], // 1 October 2024 uplift
    ["2025/26", 66972],
    ["2026/27", 66972], // no amounts yet: the 2025/26 one is the floor
  ];
  test.each(cases)("%s", (year, expected) => {
    const r = run([makeRow({ start: "2019-07-01", annualSalary: 120000, employerNi: 0, employerPension: 0 })], { financialYear: year });
    expect(r.staff[0].claimable).toBeCloseTo(expected, 6);
  });
  test("2022/23 NI estimate: 15.05% above £9,100 to 5 November 2022, 13.8% after", () => {
    const r = run([makeRow({ start: "2022-04-01", annualSalary: 30000, employerNi: null, employerPension: 0 })], { financialYear: "2022/23" });
    expect(r.staff[0].months[6].cost).toBeCloseTo((30000 + 0.1505 * 20900) / 12, 2); // October
    expect(r.staff[0].months[7].cost).toBeCloseTo((30000 + 0.138 * 20900) / 12, 2); // November (mid-month rate)
  });
});
