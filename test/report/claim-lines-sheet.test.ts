import { buildClaimLinesSheet, CLAIM_LINE_HEADERS, costParts } from "../../src/report/claim-lines-sheet";
import { checkResult, person, samplePcn } from "./fixtures";

describe("claim lines sheet", () => {
  const result = samplePcn();
  const sheet = buildClaimLinesSheet(result);
  const lines = sheet.rows.slice(1);
  const column = (header: (typeof CLAIM_LINE_HEADERS)[number]) => CLAIM_LINE_HEADERS.indexOf(header);

  it("has one frozen header row and a filter over the whole table", () => {
    expect(sheet.name).toBe("ARRS Claim Lines");
    expect(sheet.rows[0].map((c) => c.value)).toEqual([
      "Month", "Roster row", "Name", "Role", "WTE", "Salary", "Employer NI", "Employer pension", "Total cost", "Maximum for the month", "Claimable", "Note",
    ]);
    expect(sheet.rows[0].every((c) => c.style === "header")).toBe(true);
    expect(sheet.freezeRows).toBe(1);
    expect(sheet.autoFilter).toEqual({ top: 1, left: 1, bottom: sheet.rows.length, right: 12 });
    expect(sheet.columnWidths).toHaveLength(12);
  });

  it("has a line per person per month in post, month by month, skipping months out of post", () => {
    const inPost = result.staff.reduce((n, s) => n + s.months.filter((m) => m.daysInPost > 0).length, 0);
    expect(lines).toHaveLength(inPost);
    // Row 3 starts in June, row 4 leaves at the end of December.
    const april = lines.filter((l) => (l[0].value as { date: string }).date === "2025-04-01");
    expect(april.map((l) => l[1].value)).toEqual([2, 4, 6]);
    const june = lines.filter((l) => (l[0].value as { date: string }).date === "2025-06-01");
    expect(june.map((l) => l[1].value)).toEqual([2, 3, 4, 6]);
    const january = lines.filter((l) => (l[0].value as { date: string }).date === "2026-01-01");
    expect(january.map((l) => l[1].value)).toEqual([2, 3, 6]);
    expect(lines[0][0]).toEqual({ value: { date: "2025-04-01" }, format: "month" });
  });

  it("writes names that look like formulas as literal text", () => {
    const names = lines.map((l) => l[column("Name")]);
    expect(names).toContainEqual({ value: '=HYPERLINK("http://evil","x")', format: "text" });
    expect(names).toContainEqual({ value: "@Ben Jones", format: "text" });
  });

  it("splits the month's cost into parts that add up to it, and claims the engine's figure", () => {
    for (const line of lines) {
      const parts = [column("Salary"), column("Employer NI"), column("Employer pension")].map((i) => line[i].value as number);
      expect(parts[0] + parts[1] + parts[2]).toBeCloseTo(line[column("Total cost")].value as number, 9);
    }
    const june3 = lines.find((l) => l[1].value === 3 && (l[0].value as { date: string }).date === "2025-06-01")!;
    const month = result.staff[1].months[2];
    expect(june3[column("Claimable")]).toEqual({ value: month.claimable, format: "money" });
    expect(june3[column("Maximum for the month")].value).toBe(month.maximumForMonth);
    expect(june3[column("WTE")]).toEqual({ value: 0.6, format: "wte" });
    expect(june3[column("Note")].value).toBe("part month: 15 of 30 days");
  });

  it("explains in words why a month is held below cost", () => {
    const note = (row: number) => lines.find((l) => l[1].value === row)![column("Note")].value;
    expect(note(2)).toBe("limited to the maximum; the PCN funds the cost above it");
    expect(note(4)).toBe("estimated on-costs; maximum from this workbook's own sheet");
    expect(note(6)).toBe("not claimed: the roster row has errors (see its findings)");
    const capped = buildClaimLinesSheet(checkResult({ staff: [person({ rowNumber: 2, limit: "beyond-cap", rateConfidence: "third-party" })] }));
    expect(capped.rows[1][column("Note")].value).toBe("beyond the cap for the PCN's list size; maximum from a third party, unconfirmed");
    expect(capped.rows[1][column("Claimable")].value).toBe(0);
  });

  it("leaves the maximum blank when none is known", () => {
    const line = lines.find((l) => l[1].value === 6)!;
    expect(line[column("Maximum for the month")]).toEqual({ value: null, format: "money" });
    expect(line[column("Role")].value).toBe("Receptionist");
  });

  it("has only the header when nobody is in post", () => {
    const empty = buildClaimLinesSheet(checkResult({ staff: [person({ rowNumber: 2, start: "2026-06-01" })] }));
    expect(empty.rows).toHaveLength(1);
    expect(empty.autoFilter).toEqual({ top: 1, left: 1, bottom: 1, right: 12 });
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
