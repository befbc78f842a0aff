/**
 * The "ARRS Claim Lines" sheet as the portal asks for a claim (../shared/arrs-reference.md §8.8): the
 * header block, and a line's columns for a hand-worked person (the arithmetic is beside each case).
 */
import { buildClaimLinesSheet, CLAIM_LINE_HEADERS, claimLines, costParts, countClaimLines, lineMoney } from "../../src/report/claim-lines-sheet";
import { claimHeaderOf, missingClaimHeader, missingClaimHeaderNote } from "../../src/report/claim-header";
import type { CheckResult, MonthClaim, StaffResult } from "../../src/engine/types";
import type { OutputCell } from "../../src/report/types";
import { checkResult, finding, person, samplePcn } from "./fixtures";

const HEADER = { pcnName: "North Town PCN", odsCode: "U12345", icb: "NHS Somewhere ICB", payingPractice: "Riverside Surgery" };

/** A result whose settings carry the claim header, as the pipeline's resolved settings do. */
function withHeader(result: CheckResult, header: Partial<typeof HEADER> = HEADER): CheckResult {
  return { ...result, settings: { ...result.settings, ...header } };
}

/** The table's rows (header row first) and each line as { header: value }. */
function table(sheet: ReturnType<typeof buildClaimLinesSheet>) {
  const at = sheet.rows.findIndex((r) => r[0]?.value === "Month");
  const lines = sheet.rows.slice(at + 1).map((row) => Object.fromEntries(CLAIM_LINE_HEADERS.map((h, i) => [h, value(row[i])])));
  return { at, lines };
}

const value = (cell: OutputCell | undefined): unknown => {
  const v = cell?.value ?? null;
  return v !== null && typeof v === "object" ? v.date : v;
};

/**
 * The hand-worked person: a clinical pharmacist at Oakwood Surgery, staff ID OV001, band 7, 0.8 WTE
 * from Monday 16 June 2025, £45,000 a year, employer NI £6,000 (15% of £45,000 − £5,000), employer
 * pension £6,471 (14.38% of £45,000): £57,471 a year. Maximum £66,972 a year at 1.0 WTE.
 */
function pharmacist(extra: Partial<StaffResult> = {}): StaffResult {
  return {
    ...person({
      rowNumber: 5, name: "Hannah Whitcombe", wte: 0.8, start: "2025-06-16", salary: 45000, employerNi: 6000, employerPension: 6471, onCostsEstimated: true,
      findings: [finding("OVER_MAX", "warning", "Costs more than the maximum.", 5), finding("ONCOSTS_ESTIMATED", "warning", "Estimated.", 5), finding("INVALID_DATE", "info", "Not about money.", 5)],
    }),
    practice: "Oakwood Surgery", staffId: "OV001", band: "7", ...extra,
  };
}

describe("the claim header block", () => {
  it("shows the claim period, PCN name, ODS code, ICB and paying practice, then what the hours mean", () => {
    const sheet = buildClaimLinesSheet(withHeader(checkResult({ staff: [pharmacist()] })));
    expect(sheet.rows.slice(0, 5).map((r) => r.map(value))).toEqual([
      ["Claim period", "April 2025 to March 2026 (2025/26)"],
      ["PCN name", "North Town PCN"],
      ["PCN ODS code", "U12345"],
      ["ICB", "NHS Somewhere ICB"],
      ["Lead or paying practice", "Riverside Surgery"],
    ]);
    expect(sheet.rows[5][0].value).toMatch(/^Hours a week are WTE × 37.5; a GP's sessions a week \(WTE × 9\) are in the Note/);
    expect(sheet.rows[6]).toEqual([]);
    expect(sheet.rows[7][0]).toEqual({ value: "Month", format: "text", style: "header" });
    // The header row stays in view and the filter starts at it.
    expect(sheet.freezeRows).toBe(8);
    expect(sheet.autoFilter).toEqual({ top: 8, left: 1, bottom: sheet.rows.length, right: CLAIM_LINE_HEADERS.length });
  });

  it("leaves what is not given blank, and says which, and where to give it", () => {
    const sheet = buildClaimLinesSheet(withHeader(checkResult({ staff: [] }), { pcnName: "North Town PCN", icb: "  " }));
    expect(sheet.rows.slice(1, 5).map((r) => r.map(value))).toEqual([["PCN name", "North Town PCN"], ["PCN ODS code", null], ["ICB", null], ["Lead or paying practice", null]]);
    expect(sheet.rows[5][0]).toEqual({
      value: "Not given yet: PCN ODS code, ICB and Lead or paying practice. The claim needs them: enter them in the ARRS Settings sheet (Value column) and check again.",
      format: "text", style: "warning",
    });
    // Nobody with anything claimable: the header row alone, under the block.
    expect(table(sheet).lines).toEqual([]);
  });

  it("missingClaimHeader names what is missing, for the summary too", () => {
    const settings = checkResult({ staff: [] }).settings;
    expect(missingClaimHeader(settings)).toEqual(["PCN name", "PCN ODS code", "ICB", "Lead or paying practice"]);
    expect(missingClaimHeader({ ...settings, ...HEADER })).toEqual([]);
    expect(missingClaimHeader({ odsCode: "U12345", icb: null })).toEqual(["PCN name", "ICB", "Lead or paying practice"]);
    expect(missingClaimHeaderNote({ ...HEADER, icb: undefined })).toBe("Not given yet: ICB. The claim needs it: enter it in the ARRS Settings sheet (Value column) and check again.");
    expect(missingClaimHeaderNote(HEADER)).toBeNull();
    expect(claimHeaderOf({ pcnName: " North Town PCN " })).toEqual({ pcnName: "North Town PCN", odsCode: null, icb: null, payingPractice: null });
  });
});

describe("a claim line's columns, for the hand-worked person", () => {
  const result = withHeader(checkResult({ staff: [pharmacist()] }));
  const { lines } = table(buildClaimLinesSheet(result));

  it("has the portal's columns, in order", () => {
    expect(CLAIM_LINE_HEADERS).toEqual([
      "Month", "Practice", "Staff ID", "Name", "Role", "AfC band", "Hours a week", "WTE", "Start date", "End date",
      "Monthly salary", "Employer NI", "Employer pension", "Supplier fee", "Total cost",
      "Maximum a month at 1.0 WTE", "Limit for the month", "Claimable", "Findings", "Note", "Roster row",
    ]);
  });

  // June: 15 of 30 days in post (f = 0.5). Cost 0.5 × £57,471 / 12 = £2,394.625 → £2,394.63; NI 0.5 × £6,000 / 12
  // = £250.00; pension 0.5 × £6,471 / 12 = £269.625 → £269.63; pay £2,394.63 − £250.00 − £269.63 = £1,875.00
  // (0.5 × £45,000 / 12). Maximum a month at 1.0 WTE £66,972 / 12 = £5,581.00; the month's limit
  // 0.5 × £66,972 × 0.8 / 12 = £2,232.40, below the cost, so £2,232.40 is claimed (OVER_MAX). Hours 0.8 × 37.5 = 30.
  // July, a full month: cost £57,471 / 12 = £4,789.25 (NI £500.00, pension £539.25, pay £3,750.00); limit
  // £66,972 × 0.8 / 12 = £4,464.80, claimed.
  it.each([
    ["June, a part month", 0, {
      Month: "2025-06-01", "Monthly salary": 1875, "Employer NI": 250, "Employer pension": 269.63, "Total cost": 2394.63,
      "Limit for the month": 2232.4, Claimable: 2232.4,
      Note: "limited to the maximum; the PCN funds the cost above it; part month: 15 of 30 days; estimated on-costs",
    }],
    ["July, a full month", 1, {
      Month: "2025-07-01", "Monthly salary": 3750, "Employer NI": 500, "Employer pension": 539.25, "Total cost": 4789.25,
      "Limit for the month": 4464.8, Claimable: 4464.8,
      Note: "limited to the maximum; the PCN funds the cost above it; estimated on-costs",
    }],
  ])("%s", (_label, index, expected) => {
    expect(lines[index]).toEqual({
      Practice: "Oakwood Surgery", "Staff ID": "OV001", Name: "Hannah Whitcombe", Role: "Clinical pharmacist", "AfC band": "7",
      "Hours a week": 30, WTE: 0.8, "Start date": "2025-06-16", "End date": null, "Supplier fee": null,
      "Maximum a month at 1.0 WTE": 5581, Findings: "OVER_MAX, ONCOSTS_ESTIMATED", "Roster row": 5,
      ...expected,
    });
  });

  it("has no lines before the start: months with nothing claimable are not lines", () => {
    expect(lines.map((l) => l.Month)).toEqual(["2025-06-01", "2025-07-01", "2025-08-01", "2025-09-01", "2025-10-01", "2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01"]);
    expect(countClaimLines(result)).toBe(10);
    expect(countClaimLines(result, { month: "2025-05-01" })).toBe(0);
    expect([...claimLines(result, { month: "2025-11-01" })].map((l) => l.claim.month)).toEqual(["2025-11-01"]);
  });

  it("formats the cells: month, dates, money and WTE", () => {
    const row = buildClaimLinesSheet(result).rows[8];
    expect(row[0]).toEqual({ value: { date: "2025-06-01" }, format: "month" });
    expect(row[8]).toEqual({ value: { date: "2025-06-16" }, format: "date" });
    expect(row[9]).toEqual({ value: null, format: "date" });
    expect(row[10]).toEqual({ value: 1875, format: "money" });
    expect(row[13]).toEqual({ value: null, format: "money" });
    expect(row[7]).toEqual({ value: 0.8, format: "wte" });
  });
});

describe("a line's money", () => {
  const july = (extra: Partial<StaffResult> = {}, claim: Partial<MonthClaim> = {}) => {
    const p = pharmacist(extra);
    return lineMoney(p, { ...p.months[3], ...claim });
  };

  it("is the engine's own parts where it gives them, to the penny, adding up to the total", () => {
    expect(july({}, { parts: { salary: 3750, employerNi: 499.99, employerPension: 539.26, supplierFee: 0 } }))
      .toEqual({ salary: 3750, employerNi: 499.99, employerPension: 539.26, supplierFee: null, total: 4789.25 });
  });

  it("is the supplier's fee alone for staff engaged through a supplier: £48,000 a year is £4,000.00 a month", () => {
    const supplier = { supplierFee: 48000, salary: 48000, employerNi: 0, employerPension: 0 };
    const expected = { salary: null, employerNi: null, employerPension: null, supplierFee: 4000, total: 4000 };
    expect(july(supplier, { cost: 4000, parts: { salary: 0, employerNi: 0, employerPension: 0, supplierFee: 4000 } })).toEqual(expected);
    // Without the engine's parts, the month's cost is the fee.
    expect(july(supplier, { cost: 4000 })).toEqual(expected);
  });

  it("splits the cost in the person's proportions only without the engine's parts, the pay taking the rounding's penny", () => {
    // £100 over £45,000 + £6,000 + £6,471: NI £10.44 (10.4400…), pension £11.26 (11.2596…), pay £78.30.
    expect(july({}, { cost: 100 })).toEqual({ salary: 78.3, employerNi: 10.44, employerPension: 11.26, supplierFee: null, total: 100 });
    expect(july({ salary: null }, { cost: 100 })).toEqual({ salary: null, employerNi: null, employerPension: null, supplierFee: null, total: 100 });
  });

  it("always adds up to the total on the sample's lines", () => {
    for (const { money } of claimLines(samplePcn())) {
      const parts = [money.salary, money.employerNi, money.employerPension, money.supplierFee].reduce<number>((s, p) => s + Math.round((p ?? 0) * 100), 0);
      expect(parts).toBe(Math.round(money.total * 100));
    }
  });
});

describe("which lines there are, and the findings that affect each", () => {
  it("has no line for a month with nothing claimable: beyond the cap, an invalid row, not in post", () => {
    const result = checkResult({
      staff: [
        person({ rowNumber: 2, limit: "beyond-cap" }),
        person({ rowNumber: 3, role: null, roleText: "Receptionist", maximum: null, limit: "invalid-row" }),
        person({ rowNumber: 4, start: "2026-06-01" }),
        person({ rowNumber: 7, end: "2025-04-30" }),
      ],
    });
    expect([...claimLines(result)].map((l) => [l.person.rowNumber, l.claim.month])).toEqual([[7, "2025-04-01"]]);
    expect(table(buildClaimLinesSheet(result)).lines).toHaveLength(1);
  });

  it("lists in month order, then roster order", () => {
    const lines = [...claimLines(samplePcn())].slice(0, 4).map((l) => [l.claim.month, l.person.rowNumber]);
    expect(lines).toEqual([["2025-04-01", 2], ["2025-04-01", 4], ["2025-05-01", 2], ["2025-05-01", 4]]);
  });

  it("puts each code only on the months it concerns, and only codes the row carries", () => {
    const capped = person({ rowNumber: 2, name: "Sam Lee", wte: 1, findings: [finding("CAP_EXCEEDED", "warning", "Beyond the cap.", 2), finding("DUPLICATE_PERSON", "warning", "Two rows.", 2)] });
    // Capped to 0.5 WTE in May only; the same person's other row is in post in April only.
    capped.months[1] = { ...capped.months[1], wte: 0.5 };
    const other = person({ rowNumber: 3, name: "sam  LEE", wte: 0.5, end: "2025-04-30", findings: [finding("DUPLICATE_PERSON", "warning", "Two rows.", 3)] });
    const floor = person({ rowNumber: 4, rateConfidence: "inferred", findings: [finding("RATE_FLOOR", "warning", "Earlier maximum.", 4)] });
    floor.months[0] = { ...floor.months[0], floor: true };
    const codes = new Map([...claimLines(checkResult({ staff: [capped, other, floor] }))].map((l) => [`${l.person.rowNumber} ${l.claim.month}`, l.findings.join(", ")]));
    expect(codes.get("2 2025-04-01")).toBe("DUPLICATE_PERSON");
    expect(codes.get("3 2025-04-01")).toBe("DUPLICATE_PERSON");
    expect(codes.get("2 2025-05-01")).toBe("CAP_EXCEEDED");
    expect(codes.get("2 2025-06-01")).toBe("");
    expect(codes.get("4 2025-04-01")).toBe("RATE_FLOOR");
    // The maximum is inferred, but the row carries no RATE_UNCONFIRMED: the line names none.
    expect(codes.get("4 2025-05-01")).toBe("");
  });

  it("gives a GP's sessions in the Note: 0.6 WTE is 22.5 hours, 5.4 sessions", () => {
    const gp = person({ rowNumber: 9, role: "general-practitioner", roleName: "General Practitioner", wte: 0.6, maximum: 105882, salary: 40000 });
    const [line] = table(buildClaimLinesSheet(checkResult({ staff: [gp] }))).lines;
    expect(line["Hours a week"]).toBe(22.5);
    expect(line.Note).toBe("5.4 GP sessions a week");
  });

  it("writes names that look like formulas as literal text", () => {
    const sheet = buildClaimLinesSheet(samplePcn());
    const names = sheet.rows.map((r) => r[3]);
    expect(names).toContainEqual({ value: '=HYPERLINK("http://evil","x")', format: "text" });
    expect(names).toContainEqual({ value: "@Ben Jones", format: "text" });
  });
});

describe("costParts", () => {
  it("shares the month's cost in the proportions of the annual figures", () => {
    const parts = costParts({ salary: 30000, employerNi: 3750, employerPension: 4314 }, 3172.33)!;
    expect(parts.salary).toBeCloseTo((3172.33 * 30000) / 38064, 9);
    expect(parts.salary + parts.employerNi + parts.employerPension).toBeCloseTo(3172.33, 9);
  });

  it("is null when a part is not known, and zero when the cost is", () => {
    expect(costParts({ salary: null, employerNi: 1, employerPension: 1 }, 100)).toBeNull();
    expect(costParts({ salary: 0, employerNi: 0, employerPension: 0 }, 0)).toEqual({ salary: 0, employerNi: 0, employerPension: 0 });
  });
});
