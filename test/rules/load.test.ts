/**
 * The rule tables (src/rules/data/*.json) and their loader: a table that breaks a rule is refused with
 * the entry named, and the figures of the 2025/26 band table, the mental health practitioner tables
 * and 2020/21 are found by the look-ups the engine uses.
 */
import { BUILT_IN_TABLES, loadRuleTables, RuleDataError, type RuleTables } from "../../src/rules/load";
import { RuleSet, describeSource } from "../../src/rules/ruleset";
import type { MhpTable, Region, RoleId } from "../../src/rules/types";

const rules = new RuleSet();

/** The built-in tables with one table changed by `edit` (on a deep copy). */
function withEdit(table: keyof RuleTables, edit: (copy: any) => void): RuleTables { // eslint-disable-line @typescript-eslint/no-explicit-any
  const copy = JSON.parse(JSON.stringify(BUILT_IN_TABLES[table]));
  edit(copy);
  return { ...BUILT_IN_TABLES, [table]: copy };
}

function refusal(tables: RuleTables): string {
  try {
    loadRuleTables(tables);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleDataError);
    return (error as Error).message;
  }
  throw new Error("the tables were accepted");
}

describe("the loader refuses a bad table and names the entry", () => {
  test("the built-in tables load", () => {
    expect(() => loadRuleTables(BUILT_IN_TABLES)).not.toThrow();
  });

  test.each<[string, keyof RuleTables, (t: any) => void, RegExp]>([ // eslint-disable-line @typescript-eslint/no-explicit-any
    ["an amount that overlaps another for the same role and region", "maxAmounts",
      (t) => t.amounts.push({ ...t.amounts[0], from: "2019-10-01", to: "2019-12-31" }),
      /max-amounts\.json amounts\[\d+\] \(clinical-pharmacist, national, 2019-10-01 to 2019-12-31\): its period overlaps max-amounts\.json amounts\[0\] for clinical-pharmacist \(national\)/],
    ["an MHP amount that overlaps another of the same band and table", "maxAmounts",
      (t) => t.amounts.push({ ...t.amounts.find((a: { band?: string }) => a.band === "6"), amount: 1 }),
      /overlaps max-amounts\.json amounts\[\d+\] for mental-health-practitioner \(national, band 6, first-in-band\)/],
    ["an amount for every band that overlaps a banded one", "maxAmounts",
      (t) => t.amounts.push({ ...t.amounts.find((a: { band?: string }) => a.band === "6"), band: undefined, mhpTable: undefined }),
      /overlaps .* for mental-health-practitioner \(national/],
    ["a period that ends before it starts", "maxAmounts",
      (t) => { t.amounts[3].to = "2020-03-31"; t.amounts[3].from = "2020-04-01"; },
      /amounts\[3\] \(social-prescribing-link-worker, national\): the period ends \(2020-03-31\) before it starts \(2020-04-01\)/],
    ["a date that is not a date", "maxAmounts", (t) => { t.amounts[2].to = "2021-02-30"; }, /amounts\[2\] \(clinical-pharmacist, national\): "to" must be a date written YYYY-MM-DD, not "2021-02-30"/],
    ["an amount of 0", "maxAmounts", (t) => { t.amounts[1].amount = 0; }, /amounts\[1\] \(social-prescribing-link-worker, national, 2019-07-01 to 2020-03-31\): "amount" must be above 0/],
    ["an amount given as text", "maxAmounts", (t) => { t.amounts[1].amount = "£34,113"; }, /amounts\[1\] .*: "amount" must be a number/],
    ["a value with no source", "maxAmounts", (t) => { delete t.amounts[0].source; }, /amounts\[0\] .*: every value needs a source/],
    ["a value with no confidence", "caps", (t) => { delete t.caps[1].confidence; }, /caps\.json caps\[1\] \(advanced-practitioner, 2023-04-01 to 2024-03-31\): "confidence" must be a non-empty text/],
    ["an unknown confidence", "maxAmounts", (t) => { t.amounts[0].confidence = "probably"; }, /"confidence" must be one of published, inferred, third-party/],
    ["an inferred value without its reasoning", "maxAmounts",
      (t) => { const a = t.amounts.find((x: { confidence: string }) => x.confidence === "inferred"); delete a.note; },
      /amounts\[\d+\] \(health-and-wellbeing-coach, national, 2022-10-01 to 2023-06-30\): an inferred value must give its reasoning in a note/],
    ["a published value that names no section", "entitlement", (t) => { delete t.rates[1].source.section; },
      /entitlement\.json rates\[1\] \(2020\/21\): a published value must name the section or table it is in/],
    ["a published figure whose document is not the DES", "maxAmounts", (t) => { t.amounts[0].source.document = "hmrc-employer-rates"; },
      /amounts\[0\] .*: a published figure must name a section of the Network Contract DES/],
    ["a source document not in sources.json", "fundedShares", (t) => { t.shares[0].source.document = "des-2018-19"; },
      /funded-shares\.json shares\[0\] \(clinical-pharmacist, 2019-07-01 to 2020-03-31\): source document "des-2018-19" is not listed in sources\.json/],
    ["an unknown role", "maxAmounts", (t) => { t.amounts[0].roles = ["clinical-pharmacist", "receptionist"]; }, /amounts\[0\] .*: "receptionist" is not a role in roles\.json/],
    ["an amount before its role was claimable", "maxAmounts", (t) => { t.amounts[0].roles = ["general-practitioner"]; },
      /amounts\[0\] .*: general-practitioner was not claimable until 2024-10-01/],
    ["an unknown region", "maxAmounts", (t) => { t.amounts[0].region = "london"; }, /"region" must be one of national, outer-london, inner-london/],
    ["an unknown MHP table", "maxAmounts", (t) => { t.amounts.find((a: { band?: string }) => a.band).mhpTable = "50%"; }, /"mhpTable" must be one of first-in-band, with-agreement/],
    ["overlapping caps for one role", "caps", (t) => { t.caps[1].from = "2023-03-01"; }, /caps\.json caps\[1\] \(advanced-practitioner, 2023-03-01 to 2024-03-31\): its period overlaps caps\.json caps\[0\]/],
    ["two rates for one year", "entitlement", (t) => { t.rates[2].financialYear = "2020/21"; }, /rates\[2\] \(2020\/21\): this year already has a rate/],
    ["an on-cost rate above 100%", "onCosts", (t) => { t.rates[0].rate = 13.8; }, /on-costs\.json rates\[0\] \(employer-ni, 2022-04-06 to 2022-11-05\): "rate" must be above 0 and at most 1/],
    ["overlapping funded shares for the same MHP table", "fundedShares", (t) => { t.shares[2].from = "2024-01-01"; },
      /shares\[2\] .*: its period overlaps funded-shares\.json shares\[1\] for mental-health-practitioner/],
    ["a roster name given to two roles", "roles", (t) => { t.roles[1].aliases.push("cp"); }, /roles\.json roles\[1\] \(social-prescribing-link-worker\): the name "cp" is already a name of clinical-pharmacist/],
    ["a missing list size for caps", "caps", (t) => { delete t.largePcnListSize; }, /caps\.json: "largePcnListSize" must be a whole number above 0/],
  ])("%s", (_label, table, edit, message) => {
    expect(refusal(withEdit(table, edit))).toMatch(message);
  });
});

describe("2025/26: the band table by region", () => {
  const cases: [RoleId, Region, number, string][] = [
    ["care-coordinator", "national", 36150, "third-party"],
    ["nursing-associate", "national", 36150, "third-party"],
    ["general-practice-assistant", "national", 36150, "third-party"],
    ["healthcare-support-worker", "inner-london", 39164, "third-party"],
    ["trainee-nursing-associate", "inner-london", 39164, "third-party"],
    ["care-coordinator", "inner-london", 43529, "third-party"],
    ["experienced-general-practice-nurse", "inner-london", 63892, "third-party"],
    ["paramedic", "inner-london", 75480, "third-party"],
    ["enhanced-practice-nurse", "inner-london", 75480, "third-party"],
    ["consultant-nurse", "inner-london", 113256, "third-party"],
    ["general-practitioner", "inner-london", 108680, "third-party"],
    ["general-practitioner", "outer-london", 108680, "third-party"],
    ["general-practitioner", "national", 105882, "published"],
    ["clinical-pharmacist", "inner-london", 77545, "published"],
    ["pharmacy-technician", "outer-london", 49967, "published"],
    ["social-prescribing-link-worker", "national", 43352, "inferred"],
  ];
  test.each(cases)("%s, %s: £%d (%s)", (role, region, amount, confidence) => {
    for (const date of ["2025-04-01", "2026-03-31"]) {
      expect(rules.maxAmount(role, date, region)).toMatchObject({ amount, confidence, from: "2025-04-01", to: "2026-03-31" });
    }
  });

  test("every role claimable in 2025/26 except mental health practitioners has a figure in every region", () => {
    for (const role of rules.rolesClaimableOn("2025-04-01")) {
      if (role.id === "mental-health-practitioner") continue;
      for (const region of ["national", "outer-london", "inner-london"] as Region[]) {
        expect({ role: role.id, region, found: rules.maxAmount(role.id, "2025-09-01", region) !== null }).toEqual({ role: role.id, region, found: true });
      }
    }
  });

  test("third-party figures name the calculator they were read in, and say they match the published ones", () => {
    const amount = rules.maxAmount("care-coordinator", "2025-06-01", "national")!;
    expect(amount.source).toMatchObject({
      title: "Network Contract DES Contract specification 2025/26 – PCN Requirements and Entitlements",
      section: "Table 2",
      readAt: "THC Primary Care PCN ARRS Workforce Planning Calculator 2025-26 (published code)",
    });
    expect(amount.note).toMatch(/^Band 4 amount from a third-party calculator's 2025\/26 table, which matches every published 2025\/26 figure/);
    expect(amount.note).toContain("Published before the August 2025 pay uplift");
    expect(describeSource(amount)).toBe(
      "Network Contract DES Contract specification 2025/26 – PCN Requirements and Entitlements, Table 2 (from a third party, not yet confirmed)");
  });
});

describe("2025/26: mental health practitioners by band and table", () => {
  const cases: [string, MhpTable, Region, number][] = [
    ["4", "first-in-band", "national", 18075], ["4", "with-agreement", "national", 36150],
    ["5", "first-in-band", "outer-london", 24984], ["5", "with-agreement", "inner-london", 52172],
    ["6", "first-in-band", "inner-london", 31946], ["6", "with-agreement", "outer-london", 60739],
    ["7", "first-in-band", "national", 32454], ["7", "with-agreement", "inner-london", 75480],
    ["8a", "first-in-band", "outer-london", 40377], ["8a", "with-agreement", "national", 73334],
  ];
  test.each(cases)("band %s, %s, %s: £%d", (band, mhpTable, region, amount) => {
    expect(rules.maxAmount("mental-health-practitioner", "2025-10-01", region, { band, mhpTable })).toMatchObject({ amount, band, mhpTable, confidence: "third-party" });
  });

  test("the 50% table is half the 100% table, rounded to the pound", () => {
    for (const band of ["4", "5", "6", "7", "8a"]) {
      for (const region of ["national", "outer-london", "inner-london"] as Region[]) {
        const half = rules.maxAmount("mental-health-practitioner", "2025-10-01", region, { band, mhpTable: "first-in-band" })!.amount;
        const full = rules.maxAmount("mental-health-practitioner", "2025-10-01", region, { band, mhpTable: "with-agreement" })!.amount;
        expect(Math.abs(half - full / 2)).toBeLessThanOrEqual(0.5);
      }
    }
  });

  test("no amount without band and table, none for band 3, none for 2024/25 or 2026/27", () => {
    expect(rules.maxAmount("mental-health-practitioner", "2025-10-01", "national")).toBeNull();
    expect(rules.maxAmount("mental-health-practitioner", "2025-10-01", "national", { band: "3", mhpTable: "first-in-band" })).toBeNull();
    expect(rules.maxAmount("mental-health-practitioner", "2024-10-01", "national", { band: "5", mhpTable: "first-in-band" })).toBeNull();
    expect(rules.maxAmount("mental-health-practitioner", "2026-04-01", "national", { band: "5", mhpTable: "first-in-band" })).toBeNull();
  });

  test("the first in each band is funded at 50% from 2025/26; the earlier 50% share stays as it was", () => {
    expect(rules.fundedShare("mental-health-practitioner", "2025-04-01", { mhpTable: "first-in-band" })).toMatchObject({ share: 0.5, to: null, mhpTable: "first-in-band" });
    expect(rules.fundedShare("mental-health-practitioner", "2026-12-01", { mhpTable: "first-in-band" })?.share).toBe(0.5);
    expect(rules.fundedShare("mental-health-practitioner", "2025-04-01", { mhpTable: "with-agreement" })).toBeNull();
    expect(rules.fundedShare("mental-health-practitioner", "2021-04-01")).toMatchObject({ share: 0.5, from: "2021-04-01", to: "2024-03-31" });
    expect(rules.fundedShare("mental-health-practitioner", "2024-10-01", { mhpTable: "first-in-band" })).toBeNull();
  });
});

describe("2020/21 additions and 2026/27", () => {
  test("pharmacy technician £35,389 (published, read in The Pharmacist) and first contact physiotherapist £55,670 (third-party)", () => {
    expect(rules.maxAmount("pharmacy-technician", "2020-04-01", "national")).toMatchObject({
      amount: 35389, confidence: "published", source: { section: "Table 2", readAt: "The Pharmacist, 11 February 2020" },
    });
    const physio = rules.maxAmount("first-contact-physiotherapist", "2021-03-31", "national")!;
    expect(physio).toMatchObject({ amount: 55670, confidence: "third-party" });
    expect(physio.note).toBeTruthy();
  });

  test("no 2026/27 amount for any role; the ARRS sum per weighted patient is third-party and says why it is unconfirmed", () => {
    for (const role of rules.roles) expect(rules.builtInAmount(role.id, "2026-04-01", "national")).toBeNull();
    const rate = rules.entitlementRate("2026/27")!;
    expect(rate).toMatchObject({ perWeightedPatient: 27.668, confidence: "third-party" });
    expect(rate.note).toMatch(/27\.3 to £27\.5/);
  });

  test("the GP 2-years-after-CCT condition ends on 31 March 2026", () => {
    expect(rules.eligibilityConditions("general-practitioner", "2026-03-31").map((c) => c.kind)).toEqual(["gp-within-two-years-of-cct"]);
    expect(rules.eligibilityConditions("general-practitioner", "2026-04-01")).toEqual([]);
  });
});

describe("every source is a document a user can find", () => {
  const all = [
    ...rules.data.roles, ...rules.data.maxAmounts, ...rules.data.caps, ...rules.data.entitlement, ...rules.data.onCosts,
    ...rules.data.fundedShares, ...rules.data.eligibility,
  ];
  test("no source or note points at project files or notes", () => {
    for (const value of all) {
      expect(JSON.stringify(value)).not.toMatch(/ARRS reference|arrs-reference|shared\/|\.md\b/);
    }
  });
  test("published values name a section of the Network Contract DES (on-costs: of HMRC's or the NHS Pension Scheme's rates)", () => {
    for (const value of all) {
      if (value.confidence !== "published") continue;
      expect(value.source.section).toBeTruthy();
      if (!("kind" in value && (value.kind === "employer-ni" || value.kind === "employer-pension"))) expect(value.source.title).toMatch(/^Network Contract DES /);
    }
  });
});
