/**
 * Claim lines beyond what a sheet should hold: the sheet gets a note, and every line goes to CSV
 * (`arrs check --claim-lines FILE.csv`) with text quoted and formula-looking text defused.
 */
import { CLAIM_LINE_HEADERS, CLAIM_LINES_SHEET_LIMIT, buildClaimLinesSheet, countClaimLines, costParts } from "../../src/report/claim-lines-sheet";
import { claimLinesCsv, claimLinesCsvChunks, csvMoney, csvText } from "../../src/report/claim-lines-csv";
import { buildWorkbookOutput } from "../../src/report/build";
import { PANE_WORDS } from "../../src/pipeline/door-words";

const TOO_MANY_CLAIM_LINES_IN_THE_PANE = PANE_WORDS.tooManyClaimLines;
import { parseCsv } from "../../src/workbook/csv";
import { checkResult, person, rosterRead, samplePcn } from "./fixtures";

/** Splits one CSV line into fields (RFC 4180 quoting). */
const fields = (line: string): string[] => parseCsv(line)[0];

describe("the claim lines sheet when the lines are too many", () => {
  it("holds a note saying how many and how to get them all, instead of the lines", () => {
    const result = samplePcn();
    const count = countClaimLines(result);
    // A line per month with something claimable (row 6, an unknown role, claims nothing).
    expect(count).toBe(result.staff.reduce((n, s) => n + s.months.filter((m) => m.claimable > 0).length, 0));
    const sheet = buildClaimLinesSheet(result, { limit: count - 1 });
    expect(sheet.name).toBe("ARRS Claim Lines");
    // The claim header block stays above the note.
    expect(sheet.rows[0].map((c) => c.value)).toEqual(["Claim period", "April 2025 to March 2026 (2025/26)"]);
    expect(sheet.rows.at(-1)).toHaveLength(1);
    expect(sheet.rows.at(-1)![0].value).toBe(`${count} claim lines are too many for a sheet here: run "arrs check --claim-lines FILE.csv" to get them all as a CSV file, or use =ARRS.MONTHLY.`);
    expect(sheet.autoFilter).toBeUndefined();
    expect(sheet.freezeRows).toBeUndefined();
    // At the limit itself the lines are all there, under the header block and the header row.
    const all = buildClaimLinesSheet(result, { limit: count });
    expect(all.rows).toHaveLength(all.freezeRows! + count);
  });

  it("switches to the note above 50,000 lines", () => {
    expect(CLAIM_LINES_SHEET_LIMIT).toBe(50_000);
    // 4,167 people in post all year: 50,004 lines.
    const template = person({ rowNumber: 2 });
    const staff = Array.from({ length: 4167 }, (_, i) => ({ ...template, rowNumber: i + 2 }));
    const sheet = buildClaimLinesSheet(checkResult({ staff }));
    expect(sheet.rows.at(-1)![0].value).toMatch(/^50,004 claim lines are too many for a sheet here/);
    const fewer = buildClaimLinesSheet(checkResult({ staff: staff.slice(0, 4166) }));
    expect(fewer.rows).toHaveLength(fewer.freezeRows! + 49_992);
    // The add-in's words reach the sheet through the whole output.
    const output = buildWorkbookOutput(checkResult({ staff }), rosterRead({ lastColumn: 8, rowNumbers: [2] }), { generatedOn: "2025-09-15", rosterSheet: "Staff", tooManyClaimLines: TOO_MANY_CLAIM_LINES_IN_THE_PANE });
    expect(output.sheets.find((s) => s.name === "ARRS Claim Lines")!.rows.at(-1)![0].value).toBe(`50,004 ${TOO_MANY_CLAIM_LINES_IN_THE_PANE}`);
  });

  it("says in the add-in's own words where else to look, naming no command-line option", () => {
    const result = samplePcn();
    const count = countClaimLines(result);
    const note = buildClaimLinesSheet(result, { limit: count - 1, tooManyClaimLines: TOO_MANY_CLAIM_LINES_IN_THE_PANE }).rows.at(-1)![0].value as string;
    expect(note).toBe(`${count} claim lines are too many to list on this sheet. The totals are on the ARRS Claim Summary sheet; `
      + "=ARRS.MONTHLY(role, annual cost, WTE, start date, end date) gives one person's twelve months.");
    expect(note).not.toMatch(/--|arrs check|csv|command line/i);
  });
});

describe("claim lines as CSV", () => {
  const result = samplePcn();
  const csv = claimLinesCsv(result);
  const lines = csv.split("\r\n");

  it("is UTF-8 text with a byte-order mark, a header and CRLF line ends", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(fields(lines[0].slice(1))).toEqual([...CLAIM_LINE_HEADERS]);
    expect(lines.slice(1, -1)).toHaveLength(countClaimLines(result));
    expect(lines.at(-1)).toBe("");
  });

  it("has the sheet's lines in the sheet's order, with UK dates and money to the penny", () => {
    const built = buildClaimLinesSheet(result);
    const sheet = built.rows.slice(built.freezeRows);
    const rows = lines.slice(1, -1).map(fields);
    const at = (header: string) => CLAIM_LINE_HEADERS.indexOf(header);
    const ukDate = (cell: { value: unknown }) => {
      const [y, m, d] = (cell.value as { date: string }).date.split("-");
      return `${d}/${m}/${y}`;
    };
    expect(rows.map((r) => [r[0], r[at("Roster row")]])).toEqual(sheet.map((l) => [ukDate(l[0]), String(l[at("Roster row")].value)]));
    // Row 3: 0.6 WTE from 16 June 2025, a part month.
    const june3 = rows.find((r) => r[0] === "01/06/2025" && r[at("Roster row")] === "3")!;
    const month = result.staff[1].months[2];
    expect(june3[at("WTE")]).toBe("0.6");
    expect(june3[at("Hours a week")]).toBe("22.5");
    expect(june3[at("Start date")]).toBe("16/06/2025");
    expect(june3[at("End date")]).toBe("");
    expect(june3[at("Total cost")]).toBe((Math.round(month.cost * 100) / 100).toFixed(2));
    expect(june3[at("Claimable")]).toMatch(/^\d+\.\d\d$/);
    expect(Number(june3[at("Claimable")])).toBeCloseTo(month.claimable, 2);
    const parts = costParts(result.staff[1], month.cost)!;
    expect(june3[at("Employer NI")]).toBe(csvMoney(parts.employerNi));
    expect(june3[at("Supplier fee")]).toBe("");
    expect(june3[at("Note")]).toBe("part month: 15 of 30 days");
    // Row 6 (an unknown role) claims nothing, so has no lines.
    expect(rows.some((r) => r[at("Roster row")] === "6")).toBe(false);
  });

  it("quotes text and defuses text a spreadsheet app would run as a formula", () => {
    expect(lines.some((l) => l.includes(`,"'=HYPERLINK(""http://evil"",""x"")",`))).toBe(true);
    expect(lines.some((l) => l.includes(`,"'@Ben Jones",`))).toBe(true);
    expect(csvText("=1+2")).toBe(`"'=1+2"`);
    expect(csvText("+44 1632 960123")).toBe(`"'+44 1632 960123"`);
    expect(csvText("-5")).toBe(`"'-5"`);
    expect(csvText("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvText("\t=cmd")).toBe(`"'\t=cmd"`);
    expect(csvText("O'Neill, \"Sam\"\nline two")).toBe(`"O'Neill, ""Sam""\nline two"`);
    expect(csvText("Ní Bhriain £")).toBe(`"Ní Bhriain £"`);
    expect(csvText(null)).toBe("");
  });

  it("rounds money half a penny up, never shows -0.00, and leaves unknown amounts blank", () => {
    expect(csvMoney(16375.174999999999)).toBe("16375.18");
    expect(csvMoney(1234.5)).toBe("1234.50");
    expect(csvMoney(-0.001)).toBe("0.00");
    expect(csvMoney(0)).toBe("0.00");
    expect(csvMoney(null)).toBe("");
    expect(csvMoney(Number.NaN)).toBe("");
  });

  it("comes in pieces that join to the whole file", () => {
    const chunks = [...claimLinesCsvChunks(result, 5)];
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.join("")).toBe(csv);
  });
});
