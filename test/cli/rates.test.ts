/**
 * `arrs rates` and `arrs check --rates` as a user runs them: write the template, fill its blanks (here
 * with ExcelJS, as Excel would), check a 2026/27 roster with it, and every eligible person is claimed
 * on the file's figures, citing the file. Also: never writing over a file the tool did not write (or
 * one the user has filled), --no-rate-floor, and the one-line messages for bad input.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { run } from "../helpers/cli";
import { scratchFolders } from "../helpers/scratch";
import { fixture, ROOT, SAMPLE } from "../helpers/workbooks";

const tmp = scratchFolders("arrs-rates-");
const HEADER_ROW = 6;

/** Fills every blank amount of the template: national, outer and inner London, rising down the sheet. */
async function fillBlanks(file: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("ARRS max reimb 26-27")!;
  let filled = 0;
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber <= HEADER_ROW) return;
    [3, 4, 5].forEach((column, i) => {
      const cell = row.getCell(column);
      if (cell.value !== null && cell.value !== undefined) return;
      cell.value = 40000 + rowNumber * 1000 + i * 5000;
      filled += 1;
    });
  });
  await workbook.xlsx.writeFile(file);
  return filled;
}

async function checkJson(args: string[]) {
  const result = await run(["check", ...args, "--json"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

type Flag = { code: string; severity: string; message: string };
type Person = { row: number; status: string; claimable: number; flags: Flag[] };

describe("arrs rates, filled in, then arrs check --rates", () => {
  test("every eligible person on a 2026/27 roster is claimed on the file's figures, citing the file", async () => {
    const dir = tmp();
    const rates = path.join(dir, "r.xlsx");
    const written = await run(["rates", "--year", "2026/27", "--out", rates]);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/Wrote .*r\.xlsx: the sheet "ARRS max reimb 26-27" for 2026\/27/);
    expect(written.stdout).toMatch(/amounts are blank and shaded.*starting at C7/);
    expect(await fillBlanks(rates)).toBeGreaterThan(90);

    const doc = await checkJson([SAMPLE, "--year", "2026/27", "--rates", rates, "--out", path.join(dir, "out.xlsx")]);
    expect(doc.financialYear).toBe("2026/27");
    const eligible = (doc.staff as Person[]).filter((p) => !p.flags.some((f) => f.severity === "error" || f.code === "NOT_IN_YEAR"));
    expect(eligible.length).toBeGreaterThan(10);
    for (const person of eligible) {
      expect({ row: person.row, claimed: person.claimable > 0 }).toEqual({ row: person.row, claimed: true });
      const used = person.flags.find((f) => f.code === "USER_RATE_USED");
      expect({ row: person.row, message: used?.message }).toEqual({ row: person.row, message: expect.stringContaining(rates) });
      expect(person.flags.map((f) => f.code)).not.toEqual(expect.arrayContaining(["NO_RATE"]));
      expect(person.flags.map((f) => f.code)).not.toEqual(expect.arrayContaining(["RATE_FLOOR"]));
    }
    // The file is the user's now: the tool will not write over it.
    const again = await run(["rates", "--year", "2026/27", "--out", rates]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/left alone/);
    expect(again.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("--rates wins over the roster's own sheet, and a figure the two give differently is reported once", async () => {
    const dir = tmp();
    const rates = path.join(dir, "icb-rates.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("ARRS max reimb 25-26");
    sheet.addRows([["Role", "Band", "National"], ["Care co-ordinator", "4", 37000], ["Clinical pharmacist", "7-8a", 66972]]);
    await workbook.xlsx.writeFile(rates);
    const doc = await checkJson([SAMPLE, "--year", "2025/26", "--rates", rates, "--out", path.join(dir, "out.xlsx")]);
    const coordinator = (doc.staff as Person[]).find((p) => p.row === 11)!;
    expect(coordinator.flags.find((f) => f.code === "USER_RATE_USED")!.message).toMatch(/£37,000 .*icb-rates\.xlsx \(row 2\)/);
    const differ = (doc.flags as Flag[]).filter((f) => f.code === "RATE_SOURCES_DIFFER");
    expect(differ).toHaveLength(1);
    expect(differ[0].severity).toBe("warning");
    expect(differ[0].message).toMatch(/Care Co-ordinator.*£37,000 from the "ARRS max reimb 25-26" sheet of .*icb-rates\.xlsx \(row 2\) was used; the "ARRS max reimb 25-26" sheet in this workbook \(row 13\) gives £36,000/);
  });

  test("without --out it writes arrs-rates-2026-27.xlsx in the current folder, for the current year", () => {
    const dir = tmp();
    const result = spawnSync(process.execPath, [path.join(ROOT, "bin", "arrs.js"), "rates"], { cwd: dir, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(existsSync(path.join(dir, `arrs-rates-${currentYearLabel()}.xlsx`))).toBe(true);
    expect(result.stdout).toMatch(/the current financial year; use --year for another/);
  });

  test("an unchanged file it wrote is written again; any other file is left alone", async () => {
    const dir = tmp();
    const rates = path.join(dir, "r.xlsx");
    expect((await run(["rates", "--year", "2026/27", "--out", rates])).code).toBe(0);
    expect((await run(["rates", "--year", "2026/27", "--out", rates])).code).toBe(0);
    const other = path.join(dir, "roster.xlsx");
    copyFileSync(SAMPLE, other);
    const before = readFileSync(other);
    const refused = await run(["rates", "--year", "2026/27", "--out", other]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not a rates file this tool wrote, so it was left alone/);
    expect(readFileSync(other).equals(before)).toBe(true);
    const text = path.join(dir, "notes.xlsx");
    writeFileSync(text, "not a workbook");
    expect((await run(["rates", "--out", text])).code).toBe(2);
    expect(readFileSync(text, "utf8")).toBe("not a workbook");
  });
});

function currentYearLabel(): string {
  const now = new Date();
  const start = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

describe("--no-rate-floor", () => {
  test("a 2026/27 check claims nothing where the maximum is not on record: NO_RATE, not RATE_FLOOR", async () => {
    const dir = tmp();
    const withFloor = await checkJson([SAMPLE, "--year", "2026/27", "--out", path.join(dir, "a.xlsx")]);
    const without = await checkJson([SAMPLE, "--year", "2026/27", "--no-rate-floor", "--out", path.join(dir, "b.xlsx")]);
    const codes = (doc: { staff: Person[] }) => doc.staff.flatMap((p) => p.flags.map((f) => f.code));
    expect(codes(withFloor)).toContain("RATE_FLOOR");
    expect(codes(without)).not.toContain("RATE_FLOOR");
    expect(codes(without)).toContain("NO_RATE");
    expect(without.totals.claimable).toBeLessThan(withFloor.totals.claimable);
  });
});

describe("bad input: exit 2 and one line", () => {
  const dir = tmp();
  test.each([
    ["--rates file missing", ["check", SAMPLE, "--rates", path.join(dir, "nope.xlsx"), "--out", path.join(dir, "o.xlsx")], /cannot find/],
    ["--rates file with no rates sheet", ["check", SAMPLE, "--rates", fixture("minimal-2024-25.xlsx"), "--out", path.join(dir, "o.xlsx")], /has no sheet whose name starts "ARRS max reimb"/],
    ["--rates not a workbook", ["check", SAMPLE, "--rates", fixture("not-a-workbook.xlsx"), "--out", path.join(dir, "o.xlsx")], /not-a-workbook\.xlsx: .*not an \.xlsx workbook/],
    ["--rates the same as --out", ["check", SAMPLE, "--rates", path.join(dir, "o.xlsx"), "--out", path.join(dir, "o.xlsx")], /different file from --out/],
    ["--rates not .xlsx", ["check", SAMPLE, "--rates", "rates.csv"], /--rates needs a file name ending \.xlsx/],
    ["rates with a bad year", ["rates", "--year", "2026/28"], /not a financial year: write it as 2025\/26/],
    ["rates with an unknown option", ["rates", "--sheet", "x"], /Unknown option --sheet for arrs rates/],
    ["rates --out not .xlsx", ["rates", "--out", "rates.csv"], /ending \.xlsx/],
  ])("%s", async (_label, args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
  });

  test("--help lists the new command and flags", async () => {
    const result = await run(["--help"]);
    expect(result.stdout).toMatch(/arrs rates --year 2026\/27 \[--out FILE\.xlsx\]/);
    expect(result.stdout).toMatch(/--rates FILE\.xlsx/);
    expect(result.stdout).toMatch(/--no-rate-floor/);
  });
});
