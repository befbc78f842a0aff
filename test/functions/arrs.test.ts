/**
 * The =ARRS.* functions as plain functions (src/functions/arrs.ts): each on single values and on
 * ranges (columns, a 2-D range, broadcasting), their errors, and the date boundaries of the ARRS
 * reference (1 July 2023, 1 October 2024, 31 March / 1 April).
 */
import { excelSerialFromIso } from "../../src/common/dates";
import { checkRoster } from "../../src/engine/check";
import * as arrs from "../../src/functions/arrs";
import { isCellError, type CellError } from "../../src/functions/arguments";
import { CAP_RULES } from "../../src/rules/data/caps";
import { RuleSet } from "../../src/rules/ruleset";

const ctx = { today: "2025-06-01" };

function expectError(value: unknown, kind: CellError["error"], message?: string | RegExp): void {
  expect(isCellError(value)).toBe(true);
  const error = value as CellError;
  expect(error.error).toBe(kind);
  if (typeof message === "string") expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
}

describe("MAXREIMB", () => {
  test.each([
    ["Clin Pharm", "30/06/2023", 59312],
    ["Clin Pharm", "01/07/2023", 62340],
    ["Clin Pharm", "30/09/2024", 62340],
    ["Clin Pharm", "01/10/2024", 65838],
    ["Clinical Pharmacist", "31/03/2025", 65838],
    ["CP", "01/04/2025", 66972],
    ["SPLW", "01/07/2023", 40159],
    ["FCP physio", "01/10/2024", 65838],
    ["ANP", "01/04/2025", 73334],
    ["Salaried GP", "1 Oct 2024", 92462],
  ])("%s on %s is %d", (role, date, amount) => {
    expect(arrs.maxReimb(ctx, role, date)).toBe(amount);
  });

  test("an Excel date (serial number) is read as a date", () => {
    expect(arrs.maxReimb(ctx, "Clin Pharm", excelSerialFromIso("2024-09-30"))).toBe(62340);
    expect(arrs.maxReimb(ctx, "Clin Pharm", excelSerialFromIso("2024-10-01"))).toBe(65838);
    expect(arrs.maxReimb(ctx, "Clin Pharm", excelSerialFromIso("2024-10-01") + 0.75)).toBe(65838);
  });

  test("a missing or blank date means today", () => {
    expect(arrs.maxReimb({ today: "2024-09-30" }, "Clin Pharm")).toBe(62340);
    expect(arrs.maxReimb({ today: "2024-10-01" }, "Clin Pharm")).toBe(65838);
    expect(arrs.maxReimb({ today: "2024-10-01" }, "Clin Pharm", null)).toBe(65838);
    expect(arrs.maxReimb({ today: "2024-10-01" }, "Clin Pharm", "")).toBe(65838);
  });

  test("regions: London figures where on record, else the national one (as the engine)", () => {
    expect(arrs.maxReimb(ctx, "Clin Pharm", "01/04/2025", "outer London")).toBe(74392);
    expect(arrs.maxReimb(ctx, "Clin Pharm", "01/04/2025", "inner-london")).toBe(77545);
    expect(arrs.maxReimb(ctx, "Clin Pharm", "01/04/2025", "National")).toBe(66972);
    // Social prescribing link workers have a national figure for October 2024 to March 2025 but no London one.
    expect(arrs.maxReimb(ctx, "SPLW", "01/10/2024", "National")).toBe(42437);
    expect(arrs.maxReimb(ctx, "SPLW", "01/10/2024", "inner london")).toBe(42437);
    expect(arrs.maxReimb(ctx, "SPLW", "01/10/2024", "outer london")).toBe(42437);
    expectError(arrs.maxReimb(ctx, "Clin Pharm", "01/04/2025", "London"), "value", "region: 'London' is not a region; write national, outer London or inner London.");
  });

  test("no figure on record is #N/A with why; a role not yet claimable says when it was", () => {
    // Not known (docs/rules.md): care co-ordinators nationally October 2024 to March 2025, mental health
    // practitioners April 2021 to March 2025, every role in 2026/27.
    expectError(arrs.maxReimb(ctx, "Care Co-ordinator", "01/01/2025"), "na",
      "No maximum is on record for Care Co-ordinator on 01/01/2025 (national); add it to an ARRS max reimb sheet.");
    expectError(arrs.maxReimb(ctx, "MHP", "01/06/2024", "outer london"), "na", /Mental Health Practitioner on 01\/06\/2024 \(outer London, nor national\)/);
    expectError(arrs.maxReimb(ctx, "Clin Pharm", "01/04/2026"), "na",
      "No maximum is on record for Clinical Pharmacist on 01/04/2026 (national); add it to an ARRS max reimb sheet.");
    expectError(arrs.maxReimb(ctx, "GP", "30/09/2024"), "na", "General Practitioner was not claimable under ARRS on 30/09/2024; it was from 01/10/2024.");
  });

  test("bad input is #VALUE! with a message", () => {
    expectError(arrs.maxReimb(ctx, "Clin Pharmacy", "01/04/2025"), "value", "'Clin Pharmacy' is not an ARRS role; see =ARRS.ROLES()");
    expectError(arrs.maxReimb(ctx, "Clin Pharm", "31/02/2025"), "value", /^date: "31\/02\/2025" is not a real date: February 2025 has no day 31\. Give an Excel date/);
    expectError(arrs.maxReimb(ctx, "Clin Pharm", "10/31/2025"), "value", /month-first/);
    expectError(arrs.maxReimb(ctx, "Clin Pharm", true), "value", /not a date/);
    expectError(arrs.maxReimb(ctx, 42, "01/04/2025"), "value", "'42' is not an ARRS role; see =ARRS.ROLES()");
    expectError(arrs.maxReimb(ctx, "Practice Nurse", "01/04/2025"), "value", /band 5.*band 6/);
    expect(arrs.maxReimb(ctx, "Practice Nurse band 6", "01/04/2025")).toBe(53319);
  });

  test("a column of roles is one call; errors are per cell; a blank role is blank", () => {
    const roles = [["Clin Pharm"], ["SPLW"], ["Clin Pharmacy"], [""], ["Care Co-ordinator"], ["ANP"]];
    // 01/01/2025: no national care co-ordinator figure is on record for October 2024 to March 2025.
    const result = arrs.maxReimb(ctx, roles, [["01/01/2025"]]) as unknown[][];
    expect(result).toHaveLength(6);
    expect(result[0]).toEqual([65838]);
    expect(result[1]).toEqual([arrs.maxReimb(ctx, "SPLW", "01/01/2025")]);
    expectError(result[2][0], "value");
    expect(result[3]).toEqual([""]);
    expectError(result[4][0], "na", /Care Co-ordinator on 01\/01\/2025/);
    expect(result[5]).toEqual([72141]);
  });

  test("a 2-D range of roles against a 2-D range of dates of the same shape", () => {
    const result = arrs.maxReimb(ctx, [["Clin Pharm", "Clin Pharm"], ["ANP", "Pharmacy Technician"]], [["30/09/2024", "01/10/2024"], ["01/04/2025", "01/10/2024"]]);
    expect(result).toEqual([[62340, 65838], [73334, 42437]]);
  });

  test("a single value and a 1×1 range broadcast against a range; a row of dates works as well as a column", () => {
    expect(arrs.maxReimb(ctx, [["Clin Pharm"]], [["30/09/2024", "01/10/2024", "01/04/2025"]])).toEqual([[62340, 65838, 66972]]);
    expect(arrs.maxReimb(ctx, "Clin Pharm", [["30/09/2024"], ["01/10/2024"]], "national")).toEqual([[62340], [65838]]);
    expect(arrs.maxReimb(ctx, [["Clin Pharm"]], [["01/04/2025"]], [["outer london"]])).toEqual([[74392]]);
  });

  test("ranges of different shapes are one #VALUE! for the call, naming both", () => {
    expectError(arrs.maxReimb(ctx, [["Clin Pharm"], ["ANP"]], [["01/04/2025"], ["01/04/2025"], ["01/04/2025"]]), "value",
      "The ranges are different sizes: role is 2 rows × 1 column and date is 3 rows × 1 column. Give ranges of the same size, or single values.");
    expectError(arrs.maxReimb(ctx, [["Clin Pharm"], ["ANP"]], [["01/04/2025", "01/04/2025"]]), "value", /different sizes/);
  });
});

describe("CAP", () => {
  test.each([
    ["ANP", 99999, "01/06/2023", 3],
    ["ANP", 100000, "01/06/2023", 6],
    ["ANP", 99999, "31/03/2023", 2],
    ["ANP", 100000, "31/03/2023", 3],
    ["ANP", 100000, "31/03/2024", 6],
    ["ANP", 100000, "01/04/2024", "no cap"],
    ["ANP", 100000, "01/04/2025", "no cap"],
    ["EPN", 58214, "31/03/2025", 1],
    ["EPN", 120000, "31/03/2025", 2],
    ["EPN", 58214, "01/04/2025", "no cap"],
    ["DTL", 150000, "01/10/2024", 1],
    ["Clin Pharm", 50000, "01/07/2023", "no cap"],
  ])("%s, list size %d, on %s: %s", (role, size, date, expected) => {
    expect(arrs.cap(ctx, role, size, date)).toBe(expected);
  });

  test("list sizes as text; ranges of list sizes; a missing date is today", () => {
    expect(arrs.cap(ctx, "ANP", "99,999", "01/06/2023")).toBe(3);
    expect(arrs.cap(ctx, "ANP", [[99999], [100000]], "01/06/2023")).toEqual([[3], [6]]);
    expect(arrs.cap({ today: "2023-06-01" }, "ANP", 100000)).toBe(6);
  });

  test("errors", () => {
    expectError(arrs.cap(ctx, "ANP", "", "01/06/2023"), "value", /listSize is blank/);
    expectError(arrs.cap(ctx, "ANP", "lots", "01/06/2023"), "value", /listSize: 'lots' is not a number/);
    expectError(arrs.cap(ctx, "Nurse", 1000, "01/06/2023"), "value", /not an ARRS role/);
    expectError(arrs.cap(ctx, "GP", 1000, "01/06/2023"), "na", /not claimable under ARRS on 01\/06\/2023/);
  });

  test("no cap is below 1.0 WTE, so one row (at most 1.0 WTE) is never beyond a cap: CLAIM may leave caps out", () => {
    for (const rule of CAP_RULES) {
      for (const limit of [rule.smallPcn, rule.largePcn]) if (limit !== null) expect(limit).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("ELIGIBLE", () => {
  test.each([
    ["GP", "30/09/2024", false],
    ["GP", "01/10/2024", true],
    ["Consultant Nurse", "31/03/2025", false],
    ["Consultant Nurse", "01/04/2025", true],
    ["HCSW", "01/04/2025", true],
    ["Clin Pharm", "30/06/2019", false],
    ["Clin Pharm", "01/07/2019", true],
    ["Apprentice PA", "31/03/2023", false],
  ])("%s on %s: %s", (role, date, expected) => {
    expect(arrs.eligible(ctx, role, date)).toBe(expected);
  });

  test("ranges, today, errors", () => {
    expect(arrs.eligible(ctx, [["GP", "Clin Pharm"], ["HCSW", "EPN"]], "30/09/2024")).toEqual([[false, true], [false, true]]);
    expect(arrs.eligible({ today: "2024-10-01" }, "GP")).toBe(true);
    expectError(arrs.eligible(ctx, "Receptionist", "01/04/2025"), "value", "'Receptionist' is not an ARRS role; see =ARRS.ROLES()");
  });
});

describe("ENTITLEMENT", () => {
  test("£ per weighted patient × weighted population", () => {
    expect(arrs.entitlement(ctx, 61532, "2025/26")).toBe(26.631 * 61532);
    expect(arrs.entitlement(ctx, "61,532", "2025-26")).toBe(26.631 * 61532);
    expect(arrs.entitlement(ctx, 61532, 2025)).toBe(26.631 * 61532);
    expect(arrs.entitlement(ctx, 61532.4, "2023/24")).toBe(22.671 * 61532.4);
  });

  test("2024/25 adds the ring-fenced GP sum; 2019/20 is a fixed sum per PCN", () => {
    expect(arrs.entitlement(ctx, 50000, "2024/25")).toBeCloseTo(22.894 * 50000 + 1.303 * 50000, 6);
    expect(arrs.entitlement(ctx, 50000, "2019/20")).toBe(53942);
  });

  test("a range of PCNs against one year, and against a range of years", () => {
    expect(arrs.entitlement(ctx, [[10000], [20000]], "2025/26")).toEqual([[26.631 * 10000], [26.631 * 20000]]);
    expect(arrs.entitlement(ctx, [[10000, 10000]], [["2023/24", "2025/26"]])).toEqual([[22.671 * 10000, 26.631 * 10000]]);
  });

  test("no rate on record is #N/A; a missing population or year is #VALUE!", () => {
    expectError(arrs.entitlement(ctx, 50000, "2021/22"), "na", "No ARRS sum rate (£ per weighted patient) is on record for 2021/22; check your ICB's confirmation of the PCN's ARRS sum.");
    expectError(arrs.entitlement(ctx, "", "2025/26"), "value", "weightedPopulation is blank: give the PCN Contractor Weighted Population at 1 January before 2025/26.");
    expect(arrs.entitlement(ctx, "", "2019/20")).toBe(53942);
    expectError(arrs.entitlement(ctx, 50000, ""), "value", "financialYear is blank; write it as 2025/26.");
    expectError(arrs.entitlement(ctx, 50000, "2025/27"), "value", "financialYear: '2025/27' is not a financial year; write it as 2025/26.");
  });
});

describe("ROLES", () => {
  const names = (result: unknown) => (result as string[][]).map((row) => row[0]);
  const nurses2025 = ["Practice Nurse (new to general practice)", "Practice Nurse (experienced)", "Consultant Nurse", "Healthcare Support Worker"];

  test("the 2025 nurse roles from 1 April 2025, not before", () => {
    expect(names(arrs.roles(ctx, "01/04/2025"))).toEqual(expect.arrayContaining(nurses2025));
    for (const date of ["01/04/2024", "31/03/2025"]) {
      const list = names(arrs.roles(ctx, date));
      for (const nurse of nurses2025) expect(list).not.toContain(nurse);
    }
    expect(names(arrs.roles(ctx, "01/04/2025"))).toHaveLength(24);
  });

  test("a column, in the order the scheme added the roles; the scheme's first day; today", () => {
    expect(arrs.roles(ctx, "01/07/2019")).toEqual([["Clinical Pharmacist"], ["Social Prescribing Link Worker"]]);
    expect(arrs.roles(ctx, [["01/07/2019"]])).toEqual([["Clinical Pharmacist"], ["Social Prescribing Link Worker"]]);
    expect(names(arrs.roles({ today: "2024-09-30" }))).not.toContain("General Practitioner");
    expect(names(arrs.roles({ today: "2024-10-01" }))).toContain("General Practitioner");
  });

  test("errors", () => {
    expectError(arrs.roles(ctx, "30/06/2019"), "na", /began on 01\/07\/2019/);
    expectError(arrs.roles(ctx, "soon"), "value", /not a date/);
    expectError(arrs.roles(ctx, [["01/04/2025"], ["01/04/2024"]]), "value", /one date/);
  });
});

describe("ROLE", () => {
  test.each([
    ["FCP physio", "First Contact Physiotherapist"],
    ["Clin Pharm", "Clinical Pharmacist"],
    ["SPLW", "Social Prescribing Link Worker"],
    ["Pharmacist (ARRS)", "Clinical Pharmacist"],
    ["ANP", "Advanced Practitioner"],
    ["care co-ordinator", "Care Co-ordinator"],
    ["Practice Nurse band 5", "Practice Nurse (new to general practice)"],
  ])("%s → %s", (text, name) => {
    expect(arrs.role(ctx, text)).toBe(name);
  });

  test("a range in, a range out, errors per cell", () => {
    const result = arrs.role(ctx, [["Clin Pharm", "SPLW"], ["Clin Pharmacy", ""]]) as unknown[][];
    expect(result[0]).toEqual(["Clinical Pharmacist", "Social Prescribing Link Worker"]);
    expectError(result[1][0], "value", "'Clin Pharmacy' is not an ARRS role; see =ARRS.ROLES()");
    expect(result[1][1]).toBe("");
  });
});

describe("SOURCE", () => {
  test("names the document and table, and the confidence", () => {
    const text = arrs.source(ctx, "Clin Pharm", "01/04/2025") as string;
    expect(text).toContain("Table 2");
    expect(text).toContain("published");
    expect(arrs.source(ctx, "Paramedic", "01/04/2025")).toMatch(/inferred/);
  });

  test("says when a London PCN is paid against the national figure", () => {
    expect(arrs.source(ctx, "SPLW", "01/10/2024", "inner london")).toMatch(/^National maximum \(no inner London figure is on record\): .*Table 2/);
    expect(arrs.source(ctx, "SPLW", "01/10/2024", "outer london")).toMatch(/^National maximum \(no outer London figure is on record\): /);
    expect(arrs.source(ctx, "SPLW", "01/10/2024", "inner london")).toContain(arrs.source(ctx, "SPLW", "01/10/2024") as string);
  });

  test("ranges and errors as MAXREIMB", () => {
    const result = arrs.source(ctx, [["Clin Pharm"], ["Care Co-ordinator"]], "01/01/2025") as unknown[][];
    expect(result[0][0]).toMatch(/published/);
    expectError(result[1][0], "na", /No maximum is on record for Care Co-ordinator/);
  });
});

describe("CLAIM and MONTHLY", () => {
  test("a full year below the maximum is the cost; above it, the maximum × WTE", () => {
    expect(arrs.claim(ctx, "Clin Pharm", 60000, 1, "01/04/2025", null, "2025/26")).toBeCloseTo(60000, 8);
    expect(arrs.claim(ctx, "Clin Pharm", 80000, 1, "01/04/2025", null, "2025/26")).toBeCloseTo(66972, 8);
    expect(arrs.claim(ctx, "Clin Pharm", 80000, 0.5, "01/04/2025", "", "2025/26")).toBeCloseTo(33486, 8);
  });

  test("a year across 1 October 2024 mixes two maximums", () => {
    expect(arrs.claim(ctx, "Clin Pharm", 100000, 1, "01/01/2024", null, "2024/25")).toBeCloseTo((6 * 62340 + 6 * 65838) / 12, 8);
    const months = arrs.monthly(ctx, "Clin Pharm", 100000, 1, "01/01/2024", null, "2024/25") as number[][];
    expect(months).toHaveLength(1);
    expect(months[0][5]).toBeCloseTo(62340 / 12, 8); // September
    expect(months[0][6]).toBeCloseTo(65838 / 12, 8); // October
  });

  test("pro rata for days in post; the end date counts; MONTHLY sums to CLAIM", () => {
    const args = ["SPLW", 36000, 1, "15/04/2025", "10/07/2025", "2025/26"] as const;
    const months = (arrs.monthly(ctx, ...args) as number[][])[0];
    // Whole pence, the running total rounded, so the months add up to CLAIM exactly.
    expect(months[0]).toBeCloseTo((16 / 30) * 3000, 2);
    expect(months[3]).toBeCloseTo((10 / 31) * 3000, 2);
    expect(months.slice(4)).toEqual(new Array(8).fill(0));
    expect(months.reduce((a, b) => a + b, 0)).toBeCloseTo(arrs.claim(ctx, ...args) as number, 9);
  });

  test("equals checkRoster on the same roster row", () => {
    const result = checkRoster({
      rows: [{ rowNumber: 1, name: null, staffId: null, roleText: "Paramedic", role: "paramedic", band: null, wte: 0.8,
        start: "2024-11-18", end: "2025-12-03", annualSalary: 52000, employerNi: 0, employerPension: 0, cctDate: null,
        employedInLast12Months: null, findings: [] }],
      settings: { financialYear: "2025/26", listSize: null, weightedPopulation: null, region: "national" },
    });
    expect(arrs.claim(ctx, "Paramedic", 52000, 0.8, "18/11/2024", "03/12/2025", "2025/26")).toBe(result.staff[0].claimable);
    expect((arrs.monthly(ctx, "Paramedic", 52000, 0.8, "18/11/2024", "03/12/2025", "2025/26") as number[][])[0]).toEqual(result.staff[0].months.map((m) => m.claimable));
  });

  test("a missing financial year is the one containing today; text, serial dates and money text are read", () => {
    expect(arrs.claim({ today: "2025-06-01" }, "Clin Pharm", 80000, 1, "01/04/2025")).toBeCloseTo(66972, 8);
    expect(arrs.claim({ today: "2025-03-31" }, "Clin Pharm", 80000, 1, "01/04/2024")).toBeCloseTo((6 * 62340 + 6 * 65838) / 12, 8);
    expect(arrs.claim(ctx, "Clin Pharm", "£80,000.00", "100%", excelSerialFromIso("2025-04-01"), "ongoing", "25/26")).toBeCloseTo(66972, 8);
  });

  test("not in post in the year, or not yet claimable, is 0; part-claimable years claim from the role's first day", () => {
    expect(arrs.claim(ctx, "Clin Pharm", 50000, 1, "01/04/2020", "31/03/2025", "2025/26")).toBe(0);
    expect(arrs.claim(ctx, "GP", 90000, 1, "01/04/2024", null, "2024/25")).toBeCloseTo(6 * 90000 / 12, 8);
  });

  test("from 2025/26 a mental health practitioner's maximum needs a band and table the functions do not take: #N/A saying so", () => {
    expectError(arrs.claim(ctx, "MHP", 45000, 1, "01/04/2025", null, "2025/26"), "na", /depends on the Agenda for Change band and on DES Table 3a or 3b/);
    expectError(arrs.maxReimb(ctx, "MHP", "01/06/2025"), "na", /which the ARRS functions do not take/);
  });

  test("a month without a maximum on record is #N/A (CLAIM) or #N/A in that month (MONTHLY)", () => {
    // Not known (docs/rules.md): mental health practitioners April 2021 to March 2025, care co-ordinators
    // nationally October 2024 to March 2025.
    expectError(arrs.claim(ctx, "MHP", 45000, 1, "01/04/2024", null, "2024/25"), "na",
      "No maximum is on record for Mental Health Practitioner on 01/04/2024 (national); add it to an ARRS max reimb sheet.");
    const months = (arrs.monthly(ctx, "Care Co-ordinator", 30000, 1, "01/03/2025", null, "2024/25") as unknown[][])[0];
    expect(months.slice(0, 11)).toEqual(new Array(11).fill(0));
    expectError(months[11], "na", /Care Co-ordinator on 01\/03\/2025/);
  });

  test("input the engine cannot use is #VALUE! with the engine's message", () => {
    expectError(arrs.claim(ctx, "Clin Pharm", 50000, 1.5, "01/04/2025"), "value", /WTE 1\.5 is outside 0 to 1\.0/);
    expectError(arrs.claim(ctx, "Clin Pharm", 50000, 0, "01/04/2025"), "value", /WTE 0 is outside/);
    expectError(arrs.claim(ctx, "Clin Pharm", 50000, 1, "01/10/2025", "30/06/2025"), "value", /end date 30\/06\/2025 is before the start date 01\/10\/2025/);
    expectError(arrs.claim(ctx, "Clin Pharm", -5, 1, "01/04/2025"), "value", /annualCost: .*negative/i);
    expectError(arrs.claim(ctx, "Clin Pharm", "", 1, "01/04/2025"), "value", /annualCost is blank/);
    expectError(arrs.claim(ctx, "Clin Pharm", 50000, "", "01/04/2025"), "value", /wte is blank/);
    expectError(arrs.claim(ctx, "Clin Pharm", 50000, 1, ""), "value", /start is blank/);
    expectError(arrs.claim(ctx, "Clin Pharm", 50000, 1, "31/02/2025"), "value", /^start: "31\/02\/2025" is not a real date/);
    expect(arrs.claim(ctx, "Clin Pharm", 50000, 1, "01/04/2025", null, "2025")).toBeCloseTo(50000, 8);
    expectError(arrs.claim(ctx, "Clin Pharm", 50000, 1, "01/04/2025", null, "next year"), "value", "financialYear: 'next year' is not a financial year; write it as 2025/26.");
    expectError(arrs.claim(ctx, "Clin Pharmacy", 50000, 1, "01/04/2025"), "value", "'Clin Pharmacy' is not an ARRS role; see =ARRS.ROLES()");
  });

  test("a column of people is one call, each row as if alone: rows in a capped role do not limit each other", () => {
    const roles = [["ANP"], ["ANP"], ["ANP"], ["ANP"], ["Clin Pharm"], [""], ["Clinical Pharmacist"], ["ANP"]];
    const costs = [[70000], [70000], [40000], [70000], [50000], [""], [50000], [1]];
    const wte = [[1], [1], [0.6], [1], [1], [""], [1.2], [1]];
    const starts = [["01/04/2023"], ["01/05/2023"], ["01/06/2023"], ["01/07/2023"], ["01/04/2023"], [""], ["01/04/2023"], ["01/08/2023"]];
    const result = arrs.claim(ctx, roles, costs, wte, starts, null, "2023/24", "national") as unknown[][];
    expect(result).toHaveLength(8);
    roles.forEach(([role], i) => {
      const alone = arrs.claim(ctx, role, costs[i][0], wte[i][0], starts[i][0], null, "2023/24", "national");
      if (isCellError(alone)) expect(result[i][0]).toEqual(alone);
      else expect({ row: i, claim: result[i][0] }).toEqual({ row: i, claim: alone });
    });
    expect(result[5][0]).toBe("");
    expectError(result[6][0], "value", /WTE 1\.2/);
  });

  test("financial years and regions may differ row by row", () => {
    const result = arrs.claim(ctx, "Clin Pharm", 100000, 1, "01/01/2020", null, [["2023/24"], ["2025/26"], ["2025/26"]], [["national"], ["national"], ["outer london"]]) as number[][];
    expect(result[0][0]).toBeCloseTo((3 * 59312 + 9 * 62340) / 12, 8);
    expect(result[1][0]).toBeCloseTo(66972, 8);
    expect(result[2][0]).toBeCloseTo(74392, 8);
  });

  test("MONTHLY spills twelve columns per person; a row the engine cannot use is #VALUE! in all twelve", () => {
    const result = arrs.monthly(ctx, [["Clin Pharm"], ["Clin Pharm"], [""]], [[60000], [60000], [""]], [[1], [2], [""]], "01/04/2025", null, "2025/26") as unknown[][];
    expect(result).toHaveLength(3);
    expect(result[0]).toHaveLength(12);
    for (const month of result[0]) expect(month).toBeCloseTo(5000, 8);
    for (const month of result[1]) expectError(month, "value", /WTE 2/);
    expect(result[2]).toEqual(new Array(12).fill(""));
  });

  test("MONTHLY needs one person per row: a 2-D range is #VALUE!", () => {
    expectError(arrs.monthly(ctx, [["Clin Pharm", "SPLW"]], 50000, 1, "01/04/2025"), "value", /one column/);
  });

  test("CLAIM and MONTHLY take the rules given (the workbook's own figures)", () => {
    const rules = new RuleSet().withRateOverrides([{ role: "care-coordinator", region: "national", amount: 36000, from: "2025-04-01", to: "2026-03-31", sheetName: "ARRS max reimb 25-26", rowNumber: 9 }]);
    expect(arrs.claim({ today: "2025-06-01", rules }, "Care Co-ordinator", 40000, 1, "01/04/2025", null, "2025/26")).toBeCloseTo(36000, 8);
    expect(arrs.maxReimb({ today: "2025-06-01", rules }, "Care Co-ordinator", "01/06/2025")).toBe(36000);
    expect(arrs.source({ today: "2025-06-01", rules }, "Care Co-ordinator", "01/06/2025")).toBe('"ARRS max reimb 25-26" sheet in this workbook, row 9 (your own figure)');
  });
});
