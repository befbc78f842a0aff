/**
 * `arrs check --claim-lines FILE.csv`: every claim line as CSV, whatever the number; and the claim
 * lines sheet's note when they are too many for it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { run } from "../helpers/cli";
import { scratchFolders } from "../helpers/scratch";
import { SAMPLE } from "../helpers/workbooks";

const tmp = scratchFolders("arrs-claim-lines-");

async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => { rows.push((row.values as unknown[]).slice(1)); });
  return rows;
}

describe("--claim-lines", () => {
  it("writes every claim line as CSV, the same lines as the sheet, and says so", async () => {
    const dir = tmp();
    const csvFile = path.join(dir, "lines.csv");
    const result = await run(["check", SAMPLE, "--out", path.join(dir, "out.xlsx"), "--claim-lines", csvFile]);
    expect(result.code).toBe(0);
    const csv = readFileSync(csvFile, "utf8");
    // The year's file is the table alone (no claim header block), for filters and scripts.
    expect(csv.startsWith("\uFEFF\"Month\",\"Practice\",\"Staff ID\",\"Name\",\"Role\",\"AfC band\",\"Hours a week\",\"WTE\"")).toBe(true);
    const lines = csv.split("\r\n").slice(1, -1);
    const rows = await sheetRows(path.join(dir, "out.xlsx"), "ARRS Claim Lines");
    const sheet = rows.slice(rows.findIndex((r) => r[0] === "Month") + 1);
    expect(lines).toHaveLength(sheet.length);
    // Month, practice, staff ID, name, role, band, hours, WTE, start date, end date, pay.
    expect(lines[0]).toMatch(/^01\/04\/2025,"[^"]*","[^"]*","[^"]+","[^"]+","[^"]*",[\d.]+,[\d.]+,\d\d\/\d\d\/\d{4},(\d\d\/\d\d\/\d{4})?,\d+\.\d\d,/);
    expect(result.stdout).toContain(`Claim lines: ${sheet.length} written to ${csvFile}`);
    // No temporary file is left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("goes with --json too, leaving the JSON document as it is", async () => {
    const dir = tmp();
    const result = await run(["check", SAMPLE, "--json", "--out", path.join(dir, "out.xlsx"), "--claim-lines", path.join(dir, "l.csv")]);
    expect(result.code).toBe(0);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(existsSync(path.join(dir, "l.csv"))).toBe(true);
  });

  it.each([
    ["a file that is not .csv", (dir: string) => ["--claim-lines", path.join(dir, "lines.xlsx")], /--claim-lines needs a file name ending \.csv/],
    ["no file", () => ["--claim-lines"], /--claim-lines needs a value/],
    ["the checked copy itself", (dir: string) => ["--out", path.join(dir, "same.csv"), "--claim-lines", path.join(dir, "same.csv")], /--claim-lines must be a different file/],
  ])("refuses %s with exit 2 and one line", async (_label, extra, message) => {
    const dir = tmp();
    const args = ["check", SAMPLE, ...(extra(dir).includes("--out") ? [] : ["--out", path.join(dir, "o.xlsx")]), ...extra(dir)];
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("a roster with more claim lines than a sheet holds", () => {
  it("gets a note on the claim lines sheet, and all its lines in the CSV file", async () => {
    const dir = tmp();
    const input = path.join(dir, "big.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Roster 2025-26");
    ws.addRow(["Name", "Job title", "WTE", "Start date", "Annual salary", "Employer NI", "Employer pension"]);
    // 4,200 people in post all year: 50,400 lines, just over the sheet's 50,000.
    for (let i = 1; i <= 4200; i++) ws.addRow([`Person ${i}`, i % 2 ? "Clinical Pharmacist" : "SPLW", 1, new Date(Date.UTC(2024, 0, 1)), 40000, 4800, 5752]);
    await wb.xlsx.writeFile(input);

    const out = path.join(dir, "big.arrs.xlsx");
    const csvFile = path.join(dir, "big-lines.csv");
    const result = await run(["check", input, "--out", out, "--claim-lines", csvFile, "--year", "2025/26", "--list-size", "60000", "--weighted-population", "60000"]);
    expect(result.code).toBe(0);
    const sheet = await sheetRows(out, "ARRS Claim Lines");
    expect(sheet[0]).toEqual(["Claim period", "April 2025 to March 2026 (2025/26)"]);
    expect(sheet.slice(-1)).toEqual([[`50,400 claim lines are too many for a sheet here: run "arrs check --claim-lines FILE.csv" to get them all as a CSV file, or use =ARRS.MONTHLY.`]]);
    const lines = readFileSync(csvFile, "utf8").split("\r\n").slice(1, -1);
    expect(lines).toHaveLength(50_400);
    expect(lines[0]).toMatch(/^01\/04\/2025,("[^"]*")?,,"Person 1","Clinical Pharmacist",,37.5,1,01\/01\/2024,,/);
    expect(lines[0]).toMatch(/,2\r?$/);
    expect(lines.at(-1)).toMatch(/^01\/03\/2026,("[^"]*")?,,"Person 4200","Social Prescribing Link Worker",,37.5,1,.*,4201$/);
  }, 120_000);
});
