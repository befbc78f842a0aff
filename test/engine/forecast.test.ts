import { checkRoster } from "../../src/engine";
import { DEFAULT_UNSPENT_ROLE, forecastYear, monthsToDateOf } from "../../src/engine/forecast";
import type { PlannedPost } from "../../src/engine/forecast-types";
import type { PcnSettings } from "../../src/engine";
import { RuleSet } from "../../src/rules/ruleset";
import type { RoleId } from "../../src/rules/types";
import type { RosterRow } from "../../src/roster/types";
import { makeRow } from "../helpers/rows";

const rules = new RuleSet();

function settings(overrides: Partial<PcnSettings> = {}): PcnSettings {
  return { financialYear: "2025/26", listSize: 50000, weightedPopulation: 60000, region: "national", ...overrides };
}

/** A planned post: 1.0 WTE Clinical Pharmacist, no start, no cost (the maximum). */
function post(overrides: Partial<PlannedPost> = {}): PlannedPost {
  return {
    rowNumber: 20, label: "Vacancy", roleText: "Clinical Pharmacist", role: "clinical-pharmacist", band: null, wte: 1,
    start: null, end: null, annualSalary: null, employerNi: null, employerPension: null, ...overrides,
  };
}

function forecast(options: { rows?: RosterRow[]; planned?: PlannedPost[]; asOf: string; settings?: Partial<PcnSettings>; unspentAs?: string }) {
  const result = checkRoster({ rows: options.rows ?? [makeRow()], settings: settings(options.settings), rules });
  return { result, forecast: forecastYear({ result, planned: options.planned ?? [], rules, asOf: options.asOf, unspentAs: (options.unspentAs ?? null) as RoleId | null }) };
}

const pence = (pounds: number) => Math.round(pounds * 100);

describe("the as-of date splits the year into months to date and the rest", () => {
  test.each([
    ["before the year starts", "2025-03-31", 0],
    ["on 1 April", "2025-04-01", 1],
    ["on the last day of December", "2025-12-31", 9],
    ["in the middle of December: December is to date", "2025-12-15", 9],
    ["on 1 January: January is to date", "2026-01-01", 10],
    ["on 31 March", "2026-03-31", 12],
    ["after the year has ended", "2026-07-01", 12],
  ])("%s (%s): %i months to date", (_, asOf, months) => {
    const { result, forecast: f } = forecast({ asOf });
    expect(f.monthsToDate).toBe(months);
    expect(monthsToDateOf(result.financialYear.months, asOf)).toBe(months);
    expect(f.months.filter((m) => m.toDate)).toHaveLength(months);
    // To date and the rest add up to the year's claim exactly, in pence.
    expect(pence(f.toDate) + pence(f.restOfYear)).toBe(pence(result.totals.claimable));
    expect(pence(f.toDate)).toBe(result.totals.months.slice(0, months).reduce((total, m) => total + pence(m), 0));
  });

  test("a leaver and a starter: each counts in the months they are in post, on the side of the as-of date those months fall", () => {
    const rows = [
      makeRow({ rowNumber: 2, name: "Leaver", end: "2025-09-30" }),
      makeRow({ rowNumber: 3, name: "Starter", start: "2026-02-01" }),
    ];
    const { result, forecast: f } = forecast({ rows, asOf: "2025-12-31" });
    const [leaver, starter] = result.staff;
    expect(pence(f.toDate)).toBe(pence(leaver.claimable));
    expect(pence(f.restOfYear)).toBe(pence(starter.claimable));
  });
});

describe("planned posts count from the later of their start and the month after the as-of month", () => {
  // 2025/26: Clinical Pharmacist £66,972, Pharmacy Technician £43,352 a year at 1.0 WTE (national).
  test.each<[string, Partial<PlannedPost>, string, number]>([
    ["no start, no cost: the maximum from January to March", {}, "2025-12-31", (66972 / 12) * 3],
    ["a start before the as-of date counts from the month after it", { start: "2025-06-01" }, "2025-12-31", (66972 / 12) * 3],
    ["a start in February: February and March", { start: "2026-02-01" }, "2025-12-31", (66972 / 12) * 2],
    ["a start mid-February: 14 of 28 days, then March", { start: "2026-02-15" }, "2025-12-31", (66972 / 12) * (14 / 28 + 1)],
    ["0.5 WTE", { wte: 0.5 }, "2025-12-31", (66972 / 12) * 3 * 0.5],
    ["an end in January: January only", { end: "2026-01-31" }, "2025-12-31", 66972 / 12],
    ["an expected cost below the maximum: the cost",
      { role: "pharmacy-technician", roleText: "Pharmacy Technician", annualSalary: 24000, employerNi: 2400, employerPension: 3600 }, "2025-12-31", (30000 / 12) * 3],
    ["an expected cost above the maximum: the maximum",
      { role: "pharmacy-technician", roleText: "Pharmacy Technician", annualSalary: 60000, employerNi: 6000, employerPension: 9000 }, "2025-12-31", (43352 / 12) * 3],
    ["as of before April: the whole year from its start", { start: "2025-10-01" }, "2025-03-01", (66972 / 12) * 6],
  ])("%s", (_, overrides, asOf, expected) => {
    const { forecast: f } = forecast({ asOf, planned: [post(overrides)] });
    expect(f.planned[0].amount).toBeCloseTo(expected, 1);
    // Whole pence, month by month, adding up to the post's amount and the forecast's planned total exactly.
    expect(f.planned[0].months.reduce((total, m) => total + pence(m), 0)).toBe(pence(f.planned[0].amount));
    expect(pence(f.plannedPosts)).toBe(pence(f.planned[0].amount));
    expect(f.planned[0].months.slice(0, f.monthsToDate).every((m) => m === 0)).toBe(true);
    expect(f.planned[0].note).toBeNull();
  });

  test("on-costs left blank are estimated as for a person", () => {
    const { forecast: f, result } = forecast({
      asOf: "2025-12-31",
      planned: [post({ role: "pharmacy-technician", roleText: "Pharmacy Technician", annualSalary: 24000 })],
      rows: [makeRow({ role: "pharmacy-technician", roleText: "Pharmacy Technician", annualSalary: 24000, employerNi: null, employerPension: null, start: "2026-01-01" })],
    });
    // The same post filled by a person from 1 January claims the same.
    expect(f.planned[0].amount).toBeCloseTo(result.staff[0].claimable, 2);
    expect(f.planned[0].annualCost).toBeGreaterThan(24000);
  });

  test.each<[string, Partial<PlannedPost>, string, RegExp]>([
    ["a role not recognised", { role: null, roleText: "Receptionist" }, "2025-12-31", /not recognised/],
    ["a start after the year", { start: "2026-05-01" }, "2025-12-31", /starts after 31\/03\/2026/],
    ["an end before the first month forecast", { end: "2025-11-30" }, "2025-12-31", /ends before 01\/01\/2026/],
    ["the year has ended", {}, "2026-04-15", /year ended/],
  ])("%s adds nothing, and says why", (_, overrides, asOf, note) => {
    const { forecast: f } = forecast({ asOf, planned: [post(overrides)] });
    expect(f.planned[0].amount).toBe(0);
    expect(f.planned[0].note).toMatch(note);
    expect(f.plannedPosts).toBe(0);
  });

  test("planned posts never touch the claim: totals and staff are those of the people", () => {
    const without = forecast({ asOf: "2025-12-31" });
    const withPosts = forecast({ asOf: "2025-12-31", planned: [post(), post({ rowNumber: 21 })] });
    expect(withPosts.result).toEqual(without.result);
    expect(withPosts.forecast.toDate + withPosts.forecast.restOfYear).toBeCloseTo(without.result.totals.claimable, 9);
  });
});

describe("unspent: the ARRS sum less everything forecast", () => {
  test("entitlement − (to date + rest of year + planned posts), and the months' running totals", () => {
    const { result, forecast: f } = forecast({ asOf: "2025-12-31", planned: [post()] });
    expect(f.entitlement).toBe(result.totals.entitlement);
    expect(f.unspent).toBeCloseTo(26.631 * 60000 - result.totals.claimable - (66972 / 12) * 3, 1);
    expect(f.months[11].cumulativeClaimable).toBeCloseTo(result.totals.claimable, 9);
    expect(f.months[11].cumulative).toBeCloseTo(result.totals.claimable + f.plannedPosts, 9);
    expect(f.yearEnd).toBe("2026-03-31");
  });

  test("no entitlement without the weighted population: unspent is null", () => {
    const { forecast: f } = forecast({ asOf: "2025-12-31", settings: { weightedPopulation: null } });
    expect(f.entitlement).toBeNull();
    expect(f.unspent).toBeNull();
  });

  test("over the ARRS sum: unspent is negative", () => {
    const { forecast: f } = forecast({ asOf: "2025-12-31", settings: { weightedPopulation: 1000 } });
    expect(f.unspent!).toBeLessThan(0);
  });

  test("measured in a band 5 role by default: its maximum over the months left", () => {
    const { forecast: f } = forecast({ asOf: "2025-12-31" });
    expect(f.unspentAs).toMatchObject({ role: DEFAULT_UNSPENT_ROLE, isDefault: true, from: "2026-01-01" });
    expect(f.unspentAs!.maximumForMonthsLeft).toBeCloseTo((43352 / 12) * 3, 6);
  });

  test("in the role chosen, and with no month left, no maximum", () => {
    expect(forecast({ asOf: "2025-12-31", unspentAs: "clinical-pharmacist" }).forecast.unspentAs)
      .toMatchObject({ role: "clinical-pharmacist", roleName: "Clinical Pharmacist", isDefault: false });
    expect(forecast({ asOf: "2026-03-31" }).forecast.unspentAs).toMatchObject({ maximumForMonthsLeft: null, from: null });
  });
});
