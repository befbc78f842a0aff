import { RuleSet, describeSource } from "../../src/rules/ruleset";
import { FINDING_CODES } from "../../src/rules/finding-codes";
import type { Region, RoleId } from "../../src/rules/types";
import { MAX_AMOUNTS, ROLES } from "../../src/rules/load";

const rules = new RuleSet();

describe("maximum amount in force on a date (national unless stated)", () => {
  const cases: [string, RoleId, string, Region, number | null][] = [
    ["scheme start", "clinical-pharmacist", "2019-07-01", "national", 37810],
    ["before the scheme", "clinical-pharmacist", "2019-06-30", "national", null],
    ["2020/21 pharmacist", "clinical-pharmacist", "2020-04-01", "national", 55670],
    ["2021/22 pharmacist not found: no borrowing", "clinical-pharmacist", "2021-06-01", "national", null],
    ["30 Sep 2022", "clinical-pharmacist", "2022-09-30", "national", 57318],
    ["1 Oct 2022", "clinical-pharmacist", "2022-10-01", "national", 59312],
    ["31 Mar 2023: October 2022 amount", "clinical-pharmacist", "2023-03-31", "national", 59312],
    ["1 Apr 2023: October 2022 amount still applies", "clinical-pharmacist", "2023-04-01", "national", 59312],
    ["30 Jun 2023", "first-contact-physiotherapist", "2023-06-30", "national", 59312],
    ["1 Jul 2023 uplift", "first-contact-physiotherapist", "2023-07-01", "national", 62340],
    ["30 Sep 2024: July 2023 amount ran on", "clinical-pharmacist", "2024-09-30", "national", 62340],
    ["1 Oct 2024 uplift", "clinical-pharmacist", "2024-10-01", "national", 65838],
    ["31 Mar 2025", "clinical-pharmacist", "2025-03-31", "national", 65838],
    ["1 Apr 2025", "clinical-pharmacist", "2025-04-01", "national", 66972],
    ["31 Mar 2026", "clinical-pharmacist", "2026-03-31", "national", 66972],
    ["1 Apr 2026: no 2026/27 amount", "clinical-pharmacist", "2026-04-01", "national", null],
    ["GP Oct 2024", "general-practitioner", "2024-10-01", "national", 92462],
    ["GP London Oct 2024", "general-practitioner", "2024-10-01", "inner-london", 95233],
    ["GP 2025/26", "general-practitioner", "2025-04-01", "national", 105882],
    ["care co-ordinator 2025/26 (third-party)", "care-coordinator", "2025-06-01", "national", 36150],
    ["care co-ordinator 2024/25 after September: band 4 not found", "care-coordinator", "2024-11-01", "national", null],
    ["care co-ordinator outer London 2025/26 (third-party)", "care-coordinator", "2025-06-01", "outer-london", 42038],
    ["band 7 Oct 2024 not found", "paramedic", "2024-11-01", "national", null],
    ["mental health practitioner without band or table", "mental-health-practitioner", "2025-04-01", "national", null],
    ["EPN April 2024", "enhanced-practice-nurse", "2024-04-01", "national", 60401],
    ["EPN outer London April 2024", "enhanced-practice-nurse", "2024-04-01", "outer-london", 67369],
    ["pharmacy technician inner London 2025/26", "pharmacy-technician", "2025-04-01", "inner-london", 52172],
    ["consultant nurse 2025/26", "consultant-nurse", "2025-04-01", "national", 102683],
  ];
  test.each(cases)("%s", (_label, role, date, region, expected) => {
    expect(rules.maxAmount(role, date, region)?.amount ?? null).toBe(expected);
  });
});

describe("caps by list size", () => {
  const cases: [string, RoleId, string, number, number | null][] = [
    ["AP 2023/24 small PCN (99,999)", "advanced-practitioner", "2023-06-01", 99999, 3],
    ["AP 2023/24 large PCN (100,000)", "advanced-practitioner", "2023-06-01", 100000, 6],
    ["AP 2022/23 small", "advanced-practitioner", "2022-06-01", 50000, 2],
    ["AP 2022/23 large", "advanced-practitioner", "2022-06-01", 150000, 3],
    ["MHP 2021/22 small", "mental-health-practitioner", "2021-04-01", 99999, 1],
    ["MHP 2022/23 large", "mental-health-practitioner", "2023-03-31", 100000, 4],
    ["EPN 2024/25 small", "enhanced-practice-nurse", "2025-03-31", 80000, 1],
    ["DTL one per PCN", "digital-transformation-lead", "2023-01-01", 200000, 1],
  ];
  test.each(cases)("%s", (_label, role, date, listSize, expected) => {
    const rule = rules.cap(role, date);
    expect(rule && RuleSet.capFor(rule, listSize)).toBe(expected);
  });
  test.each([["advanced-practitioner", "2024-04-01"], ["mental-health-practitioner", "2023-04-01"], ["enhanced-practice-nurse", "2025-04-01"], ["digital-transformation-lead", "2025-04-01"]] as [RoleId, string][])(
    "no cap for %s from %s", (role, date) => expect(rules.cap(role, date)).toBeNull());
});

describe("role names from rosters", () => {
  const cases: [string, string | null, RoleId | null][] = [
    ["Clin Pharm", null, "clinical-pharmacist"],
    ["Pharmacist (ARRS)", null, "clinical-pharmacist"],
    ["CP", null, "clinical-pharmacist"],
    ["FCP Physio", null, "first-contact-physiotherapist"],
    ["SPLW", null, "social-prescribing-link-worker"],
    ["Social Prescriber", null, "social-prescribing-link-worker"],
    ["ANP", null, "advanced-practitioner"],
    ["Care Co-ordinator", null, "care-coordinator"],
    ["Health & Wellbeing Coach", null, "health-and-wellbeing-coach"],
    ["Salaried GP", null, "general-practitioner"],
    ["Clinical Pharmacist - Band 8a", null, "clinical-pharmacist"],
    ["Practice Nurse", "6", "experienced-general-practice-nurse"],
    ["Practice Nurse", "Band 5", "new-to-general-practice-nurse"],
    ["Practice Nurse", null, null],
    ["Receptionist", null, null],
    ["Clin Pharmacy", null, null],
    ["", null, null],
  ];
  test.each(cases)("%s (band %s)", (text, band, expected) => {
    expect(rules.resolveRole(text, band)?.id ?? null).toBe(expected);
  });

  test("a role by its id is the one in the list; an unknown id is an error", () => {
    for (const role of ROLES) expect(rules.role(role.id)).toBe(role);
    expect(() => rules.role("no-such-role" as RoleId)).toThrow("Unknown role id no-such-role");
  });
});

describe("claimable dates and entitlement", () => {
  test.each([
    ["general-practitioner", "2024-09-30", false], ["general-practitioner", "2024-10-01", true],
    ["general-practice-assistant", "2022-09-30", false], ["general-practice-assistant", "2022-10-01", true],
    ["healthcare-support-worker", "2025-03-31", false], ["healthcare-support-worker", "2025-04-01", true],
  ] as [RoleId, string, boolean][])("%s on %s: %s", (role, date, expected) => expect(rules.isClaimable(role, date)).toBe(expected));

  test("entitlement rates by year, none for 2021/22 and 2022/23", () => {
    expect(rules.entitlementRate("2025/26")?.perWeightedPatient).toBe(26.631);
    expect(rules.entitlementRate("2024/25")?.gpPerWeightedPatient).toBe(1.303);
    expect(rules.entitlementRate("2019/20")?.fixedPerPcn).toBe(53942);
    expect(rules.entitlementRate("2021/22")).toBeNull();
    expect(rules.entitlementRate("2022/23")).toBeNull();
  });
});

describe("the rule data itself", () => {
  test("no amount starts before its role was claimable", () => {
    for (const m of MAX_AMOUNTS) expect(m.from >= ROLES.find((r) => r.id === m.role)!.claimableFrom).toBe(true);
  });
  test("every finding code is catalogued once", () => {
    const codes = FINDING_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
  test("sources read as a citation with their confidence in words", () => {
    expect(describeSource(rules.maxAmount("clinical-pharmacist", "2025-04-01", "national")!)).toBe(
      "Network Contract DES Contract specification 2025/26 – PCN Requirements and Entitlements, Table 2 (published)");
    expect(describeSource(rules.maxAmount("care-coordinator", "2025-04-01", "inner-london")!)).toBe(
      "Network Contract DES Contract specification 2025/26 – PCN Requirements and Entitlements, Table 2, London amounts (from a third party, not yet confirmed)");
    expect(describeSource(rules.maxAmount("paramedic", "2025-04-01", "national")!)).toBe(
      "Network Contract DES Contract specification 2025/26 – PCN Requirements and Entitlements, Table 2 (inferred from published figures, not yet confirmed)");
  });
});

describe("the workbook's own figures", () => {
  const withSheet = rules.withRateOverrides([{ role: "care-coordinator", region: "national", amount: 36000, from: "2025-04-01", to: "2026-03-31", sheetName: "ARRS max reimb 25-26", rowNumber: 7 }]);
  test("take precedence for their year only", () => {
    expect(withSheet.maxAmount("care-coordinator", "2025-04-01", "national")).toMatchObject({ amount: 36000, confidence: "user" });
    expect(withSheet.maxAmount("care-coordinator", "2024-01-01", "national")?.amount).toBe(33396);
    expect(withSheet.maxAmount("care-coordinator", "2026-04-01", "national")).toBeNull();
  });
  test("say where they came from", () => {
    expect(describeSource(withSheet.maxAmount("care-coordinator", "2025-09-01", "national")!)).toBe('"ARRS max reimb 25-26" sheet in this workbook, row 7 (your own figure)');
  });
});
