/**
 * The engine on random valid rosters: any role, WTE in (0, 1], dates 2019–2027, salaries and
 * on-costs given or blank, any financial year of the scheme, list size and region. Whatever the
 * roster, a claim never exceeds the cost, nor the maximum × WTE × time in post; totals add up; a
 * claim never falls when WTE or cost rises; and nothing is claimed outside the year, before a person
 * started, after they left, or before their role was claimable.
 */
import fc from "fast-check";
import { dayNumber, financialYearStarting, fromDayNumber, lastDayOfMonth, type IsoDate } from "../../src/common/dates";
import { checkRoster } from "../../src/engine/check";
import type { CheckResult, PcnSettings } from "../../src/engine/types";
import type { RosterRow } from "../../src/roster/types";
import { RuleSet } from "../../src/rules/ruleset";
import type { Region, RoleId } from "../../src/rules/types";
import { makeRow } from "../helpers/rows";
import { runs } from "./settings";

const rules = new RuleSet();
const ROLE_IDS = rules.roles.map((r) => r.id);
const EPS = 1e-6;
/** Claims are whole pence, the running total rounded: a month, or a year, may be a penny off the unrounded figure. */
const PENNY = 0.01 + EPS;

const FIRST_DAY = dayNumber("2019-01-01");
const LAST_DAY = dayNumber("2027-12-31");
const isoDate: fc.Arbitrary<IsoDate> = fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(fromDayNumber);

const wte = fc.oneof(
  fc.integer({ min: 1, max: 1000 }).map((n) => n / 1000),
  fc.double({ min: 1e-6, max: 1, noNaN: true }),
  fc.constantFrom(1, 0.5, 0.8, 1 / 3),
);
const money = (min: number, max: number) => fc.oneof(fc.integer({ min, max }), fc.double({ min, max, noNaN: true }));

const rosterRow: fc.Arbitrary<RosterRow> = fc.record({
  role: fc.constantFrom(...ROLE_IDS),
  wte,
  start: isoDate,
  end: fc.option(isoDate, { nil: null }),
  salary: money(1000, 200_000),
  ni: fc.option(money(0, 30_000), { nil: null }),
  pension: fc.option(money(0, 30_000), { nil: null }),
  cct: fc.option(isoDate, { nil: null }),
  employed: fc.constantFrom(null, "yes", "no", "promoted") as fc.Arbitrary<RosterRow["employedInLast12Months"]>,
}).map(({ role, wte, start, end, salary, ni, pension, cct, employed }) => makeRow({
  role, roleText: rules.role(role).name, wte, start, end: end !== null && end < start ? null : end,
  annualSalary: salary, employerNi: ni, employerPension: pension, cctDate: cct, employedInLast12Months: employed,
}));

const settings: fc.Arbitrary<PcnSettings> = fc.record({
  year: fc.integer({ min: 2019, max: 2026 }),
  listSize: fc.option(fc.integer({ min: 1, max: 250_000 }), { nil: null }),
  weightedPopulation: fc.option(fc.integer({ min: 1, max: 250_000 }), { nil: null }),
  region: fc.constantFrom<Region>("national", "outer-london", "inner-london"),
}).map(({ year, listSize, weightedPopulation, region }) => ({ financialYear: financialYearStarting(year).label, listSize, weightedPopulation, region }));

// Each row a different person: one person on several rows is cut to 1.0 WTE (people.ts), tested on its own.
const roster = fc.array(rosterRow, { minLength: 1, maxLength: 12 }).map((rows) => rows.map((row, i) => ({ ...row, rowNumber: i + 2, staffId: `P${i}`, name: `Person ${i}` })));

/** The highest maximum for the role in force in any month of the year (the national one standing in for a missing London one). */
function highestMaximum(role: RoleId, year: ReturnType<typeof financialYearStarting>, region: Region): number {
  let highest = 0;
  for (const month of year.months) {
    // As the engine finds it: the region's, else the national one, else (the rate floor) the latest earlier one.
    const inRegionOrNational = (find: (where: Region) => ReturnType<RuleSet["maxAmount"]>) => find(region) ?? (region !== "national" ? find("national") : null);
    const rate = inRegionOrNational((where) => rules.maxAmount(role, month, where)) ?? inRegionOrNational((where) => rules.earlierAmount(role, month, where));
    if (rate) highest = Math.max(highest, rate.amount);
  }
  return highest;
}

const close = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b)) || Math.abs(a - b) <= PENNY;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function claimOf(rows: RosterRow[], pcn: PcnSettings): number {
  return checkRoster({ rows, settings: pcn, rules }).totals.claimable;
}

describe("the engine on random valid rosters", () => {
  test("a row's claim never exceeds its cost, nor maximum × WTE × time in post", () => {
    fc.assert(fc.property(roster, settings, (rows, pcn) => {
      const result = checkRoster({ rows, settings: pcn, rules });
      const year = result.financialYear;
      result.staff.forEach((person, i) => {
        const row = rows[i];
        const cost = sum(person.months.map((m) => m.cost));
        expect(person.claimable).toBeLessThanOrEqual(cost + PENNY);
        const yearsInPost = sum(person.months.map((m) => m.daysInPost / m.daysInMonth)) / 12;
        const bound = highestMaximum(row.role!, year, pcn.region) * row.wte! * yearsInPost;
        expect(person.claimable).toBeLessThanOrEqual(bound + PENNY);
        for (const m of person.months) {
          expect(m.claimable).toBeGreaterThanOrEqual(0);
          expect(m.claimable).toBeLessThanOrEqual(m.cost + PENNY);
          if (m.maximumForMonth !== null) expect(m.claimable).toBeLessThanOrEqual(m.maximumForMonth + PENNY);
        }
      });
    }), runs(400));
  });

  test("totals are the sum of the rows, of the roles and of the months", () => {
    fc.assert(fc.property(roster, settings, (rows, pcn) => {
      const result: CheckResult = checkRoster({ rows, settings: pcn, rules });
      for (const person of result.staff) expect(close(person.claimable, sum(person.months.map((m) => m.claimable)))).toBe(true);
      expect(close(result.totals.claimable, sum(result.staff.map((s) => s.claimable)))).toBe(true);
      expect(close(result.totals.claimable, sum(result.totals.months))).toBe(true);
      expect(result.totals.months).toHaveLength(12);
      result.totals.months.forEach((total, i) => expect(close(total, sum(result.staff.map((s) => s.months[i].claimable)))).toBe(true));
      expect(close(result.totals.claimable, sum(result.byRole.map((r) => r.claimable)))).toBe(true);
      expect(close(result.totals.overMaxGap, sum(result.staff.map((s) => s.overMaxGap)))).toBe(true);
      if (result.totals.entitlement !== null) expect(close(result.totals.headroom!, result.totals.entitlement - result.totals.claimable)).toBe(true);
    }), runs(400));
  });

  test("nothing is claimed outside the year, outside the time in post, or before the role was claimable", () => {
    fc.assert(fc.property(roster, settings, (rows, pcn) => {
      const result = checkRoster({ rows, settings: pcn, rules });
      const year = result.financialYear;
      result.staff.forEach((person, i) => {
        const row = rows[i];
        const claimableFrom = rules.role(row.role!).claimableFrom;
        expect(person.months.map((m) => m.month)).toEqual(year.months);
        for (const m of person.months) {
          if (m.claimable === 0) continue;
          const last = lastDayOfMonth(m.month);
          expect(m.month >= year.start && last <= year.end).toBe(true);
          expect(m.daysInPost).toBeGreaterThan(0);
          expect(last >= row.start!).toBe(true);
          if (row.end) expect(m.month <= row.end).toBe(true);
          expect(last >= claimableFrom).toBe(true);
        }
        // Someone who left before the year began, or starts after it ends, claims nothing.
        if ((row.end && row.end < year.start) || row.start! > year.end) expect(person.claimable).toBe(0);
      });
    }), runs(400));
  });

  test("a claim never falls when WTE rises (one row, so no cap shares it out)", () => {
    fc.assert(fc.property(rosterRow, settings, fc.double({ min: 0, max: 1, noNaN: true }), (row, pcn, t) => {
      const higher = row.wte! + (1 - row.wte!) * t;
      expect(claimOf([{ ...row, wte: higher }], pcn)).toBeGreaterThanOrEqual(claimOf([row], pcn) - PENNY);
    }), runs(400));
  });

  test("a claim never falls when salary, employer NI or employer pension rises (one row)", () => {
    fc.assert(fc.property(rosterRow, settings, fc.constantFrom("annualSalary", "employerNi", "employerPension") as fc.Arbitrary<"annualSalary">, fc.double({ min: 0, max: 100_000, noNaN: true }), (row, pcn, field, rise) => {
      const before = row[field];
      if (before === null) return; // a blank on-cost is estimated; rising from blank is not "more cost"
      expect(claimOf([{ ...row, [field]: before + rise }], pcn)).toBeGreaterThanOrEqual(claimOf([row], pcn) - PENNY);
    }), runs(400));
  });

  test("below the maximum, the claim is the cost: a rise in salary is claimed in full", () => {
    let checked = 0;
    fc.assert(fc.property(rosterRow, settings, fc.double({ min: 0.01, max: 1000, noNaN: true }), (row, pcn, rise) => {
      const first = checkRoster({ rows: [row], settings: pcn, rules }).staff[0];
      const claimed = first.months.filter((m) => m.claimable > 0);
      // Only where every month in post is claimed at cost (on-costs given, so they do not move with the
      // salary), with room under its maximum for the rise.
      if (row.employerNi === null || row.employerPension === null) return;
      if (claimed.length === 0 || first.months.some((m) => m.daysInPost > 0 && m.limit !== null)) return;
      const added = (m: { daysInPost: number; daysInMonth: number }) => (m.daysInPost / m.daysInMonth) * rise / 12;
      if (claimed.some((m) => m.claimable + added(m) > m.maximumForMonth! - EPS)) return;
      checked++;
      const second = checkRoster({ rows: [{ ...row, annualSalary: row.annualSalary! + rise }], settings: pcn, rules }).staff[0];
      const expected = sum(claimed.map((m) => m.claimable + (m.claimable / m.cost) * added(m)));
      expect(close(second.claimable, expected)).toBe(true);
    }), runs(400));
    expect(checked).toBeGreaterThan(0);
  });

  test("with no caps in force (2025/26 on), a row's claim does not depend on the other rows, and rises never lower the total", () => {
    const uncapped = settings.map((s) => ({ ...s, financialYear: s.financialYear < "2025/26" ? "2025/26" : s.financialYear }));
    fc.assert(fc.property(roster, uncapped, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 50_000, noNaN: true }), (rows, pcn, pick, t, rise) => {
      const whole = checkRoster({ rows, settings: pcn, rules });
      whole.staff.forEach((person, i) => expect(close(person.claimable, claimOf([rows[i]], pcn))).toBe(true));
      const i = pick % rows.length;
      const raised = rows.map((row, j) => (j === i ? { ...row, wte: row.wte! + (1 - row.wte!) * t, annualSalary: row.annualSalary! + rise } : row));
      expect(claimOf(raised, pcn)).toBeGreaterThanOrEqual(whole.totals.claimable - PENNY);
    }), runs(300));
  });

  test("a role claimable only from part-way through the year claims nothing for the months before", () => {
    fc.assert(fc.property(rosterRow, settings, (row, pcn) => {
      const result = checkRoster({ rows: [{ ...row, start: "2019-04-01", end: null }], settings: pcn, rules });
      const from = rules.role(row.role!).claimableFrom;
      for (const m of result.staff[0].months) if (lastDayOfMonth(m.month) < from) expect(m.claimable).toBe(0);
    }), runs(200));
  });
});
