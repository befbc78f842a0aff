/**
 * `arrs check --month 2026-11`: that month's claim, header and lines, in NAME.claim-2026-11.csv beside
 * the checked copy; the claim header flags, kept in ARRS Settings; and the month and file refused in
 * one line (exit 2) where they cannot be used.
 */
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { parseClaimMonth, monthClaimPath } from "../../src/cli/month";
import { parseArgs } from "../../src/cli/args";
import { parseCsv } from "../../src/workbook/csv";
import { run } from "../helpers/cli";
import { scratchFolders } from "../helpers/scratch";
import { SAMPLE } from "../helpers/workbooks";

const tmp = scratchFolders("arrs-claim-month-");

async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow({ includeEmpty: true }, (row) => { rows.push((row.values as unknown[]).slice(1)); });
  return rows;
}

/** The CSV file's rows as fields (without the byte-order mark). */
function csvRows(file: string): string[][] {
  return parseCsv(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
}

describe("--month as a practice manager writes it", () => {
  it.each([
    ["2026-11", "2026-11-01"], ["2026-1", "2026-01-01"], ["11/2026", "2026-11-01"], ["1/2027", "2027-01-01"],
    ["Nov 2026", "2026-11-01"], ["november 2026", "2026-11-01"], ["Sept 2025", "2025-09-01"], ["Nov. 2026", "2026-11-01"],
  ])("%p is %p", (text, month) => {
    expect(parseClaimMonth(text)).toBe(month);
  });

  it.each(["2026-13", "13/2026", "Novem 2027x", "No 2026", "2026", "next month", "2026/27"])("%p is not a month", (text) => {
    expect(parseClaimMonth(text)).toBeNull();
  });

  it("names the file after the copy, beside it", () => {
    expect(monthClaimPath(path.join("out", "roster.arrs.xlsx"), "2026-11-01")).toBe(path.join("out", "roster.claim-2026-11.csv"));
    expect(monthClaimPath("checked.xlsx", "2025-04-01")).toBe("checked.claim-2025-04.csv");
  });

  it("takes the claim header flags as settings, and refuses a blank one", () => {
    const args = parseArgs(["check", "r.xlsx", "--pcn-name", " North Town PCN ", "--ods-code=U12345", "--icb", "NHS Somewhere ICB", "--paying-practice", "Riverside Surgery", "--month", "Nov 2025"]);
    expect(args).toMatchObject({ month: "2025-11-01", settings: { pcnName: "North Town PCN", odsCode: "U12345", icb: "NHS Somewhere ICB", payingPractice: "Riverside Surgery" } });
    expect(() => parseArgs(["check", "r.xlsx", "--icb", " "])).toThrow(/--icb needs a value/);
    expect(() => parseArgs(["check", "r.xlsx", "--month", "Smarch 2026"])).toThrow(/--month needs a month, for example --month 2026-11/);
  });
});

describe("arrs check --month", () => {
  it("writes exactly that month's lines, under the claim header, with the year's columns", async () => {
    const dir = tmp();
    const out = path.join(dir, "sample.arrs.xlsx");
    const yearFile = path.join(dir, "year.csv");
    const result = await run(["check", SAMPLE, "--out", out, "--month", "Nov 2025", "--claim-lines", yearFile, "--pcn-name", "North Town PCN", "--icb", "NHS Somewhere ICB"]);
    expect(result.code).toBe(0);
    const monthFile = path.join(dir, "sample.claim-2025-11.csv");
    expect(readFileSync(monthFile, "utf8").startsWith('\uFEFF"Claim period","November 2025"\r\n')).toBe(true);

    const rows = csvRows(monthFile);
    expect(rows.slice(0, 7)).toEqual([
      ["Claim period", "November 2025"],
      ["PCN name", "North Town PCN"],
      ["PCN ODS code", ""],
      ["ICB", "NHS Somewhere ICB"],
      ["Lead or paying practice", ""],
      ["Not given yet: PCN ODS code and Lead or paying practice. The claim needs them: enter them in the ARRS Settings sheet (Value column) and check again."],
      [expect.stringMatching(/^Hours a week are WTE × 37.5/)],
    ]);
    const headerAt = rows.findIndex((r) => r[0] === "Month");
    const year = csvRows(yearFile);
    expect(rows[headerAt]).toEqual(year[0]);
    // The month's lines are the year file's November lines, field for field, and nothing else.
    const lines = rows.slice(headerAt + 1).filter((r) => r.length > 1);
    const november = year.slice(1).filter((r) => r[0] === "01/11/2025");
    expect(lines.length).toBeGreaterThan(5);
    expect(lines).toEqual(november);
    const claimed = lines.reduce((sum, r) => sum + Math.round(Number(r[year[0].indexOf("Claimable")]) * 100), 0);
    expect(result.stdout).toContain(`Claim for November 2025: ${lines.length} lines, £${(claimed / 100).toLocaleString("en-GB", { minimumFractionDigits: 2 })} claimable, written to ${monthFile}`);
    expect(result.stdout).toContain("Claim header not given yet: PCN ODS code, Lead or paying practice. Give --ods-code, --paying-practice once (kept in ARRS Settings).");
  });

  it("keeps the claim header in ARRS Settings and shows it above the Claim Lines, so it is given once", async () => {
    const dir = tmp();
    const first = path.join(dir, "first.xlsx");
    expect((await run(["check", SAMPLE, "--out", first, "--pcn-name", "North Town PCN", "--ods-code", "U12345", "--icb", "NHS Somewhere ICB", "--paying-practice", "Riverside Surgery"])).code).toBe(0);
    const settings = await sheetRows(first, "ARRS Settings");
    expect(settings).toEqual(expect.arrayContaining([["PCN name", "North Town PCN"], ["PCN ODS code", "U12345"], ["ICB", "NHS Somewhere ICB"], ["Lead or paying practice", "Riverside Surgery"]]));
    // A second run on the checked copy, with no flags, reads them back.
    const second = path.join(dir, "second.xlsx");
    const result = await run(["check", first, "--out", second, "--month", "2025-06"]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("Claim header not given yet");
    const lines = await sheetRows(second, "ARRS Claim Lines");
    expect(lines.slice(0, 5).map((r) => r.slice(0, 2))).toEqual([
      ["Claim period", "April 2025 to March 2026 (2025/26)"],
      ["PCN name", "North Town PCN"],
      ["PCN ODS code", "U12345"],
      ["ICB", "NHS Somewhere ICB"],
      ["Lead or paying practice", "Riverside Surgery"],
    ]);
    expect(csvRows(path.join(dir, "second.claim-2025-06.csv")).slice(1, 5).map((r) => r[1])).toEqual(["North Town PCN", "U12345", "NHS Somewhere ICB", "Riverside Surgery"]);
  });

  it("writes over its own month file, and leaves any other file of that name alone", async () => {
    const dir = tmp();
    const out = path.join(dir, "s.xlsx");
    expect((await run(["check", SAMPLE, "--out", out, "--month", "04/2025"])).code).toBe(0);
    const monthFile = path.join(dir, "s.claim-2025-04.csv");
    expect((await run(["check", SAMPLE, "--out", out, "--month", "04/2025"])).code).toBe(0);

    writeFileSync(monthFile, "my own notes\r\n");
    const refused = await run(["check", SAMPLE, "--out", out, "--month", "04/2025"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/s\.claim-2025-04\.csv" already exists and is not a month's claim this tool wrote, so it was left alone/);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(monthFile, "utf8")).toBe("my own notes\r\n");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses a month outside the year checked in one line, writing nothing", async () => {
    const dir = tmp();
    const input = path.join(dir, "r.xlsx");
    copyFileSync(SAMPLE, input);
    const result = await run(["check", input, "--month", "2026-11"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("arrs: --month November 2026 is not in 2025/26, the year checked (April 2025 to March 2026): give a month in it, or the year with --year.\n");
    expect(result.stdout).toBe("");
    expect(existsSync(path.join(dir, "r.arrs.xlsx"))).toBe(false);
    expect(existsSync(path.join(dir, "r.claim-2026-11.csv"))).toBe(false);
  });
});
