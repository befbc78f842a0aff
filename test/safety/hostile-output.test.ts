/**
 * What the command line writes, and where it stops (docs/safety.md): a roster of thousands of rows
 * under one name, cells out at column XFD, roster text made to move a terminal, a macro-enabled
 * workbook, and files of the user's where the output would go. Every file is made here, in code;
 * each case checks the exit code, a one-line message, and that the input (and any file of the
 * user's) is unchanged.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { checkWorkbook } from "../../src/pipeline/check-workbook";
import { PANE_WORDS } from "../../src/pipeline/door-words";
import { OfficeWorkbook, toUserMessage, type ExcelRun } from "../../src/workbook/office-workbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { FakeExcel } from "../workbook/fake-excel";
import { run } from "../helpers/cli";
import { scratchFolders } from "../helpers/scratch";

const scratch = scratchFolders("arrs-hostile-output-");
const HEADER = ["Name", "Role", "WTE", "Start date", "Annual salary"];

/** A roster workbook: the header and `people`, and whatever else `dress` adds to the sheet. */
async function rosterXlsx(people: (string | number)[][], dress: (ws: ExcelJS.Worksheet) => void = () => {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Staff");
  ws.addRow(HEADER);
  for (const person of people) ws.addRow(person);
  dress(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const PHARMACIST = ["Asha Patel", "Clinical Pharmacist", 1, "01/04/2025", "45000"];

function put(dir: string, name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Refused: exit 2, one line on stderr matching `message`, nothing on stdout, no temporary file left. */
function expectRefused(result: { code: number; stdout: string; stderr: string }, message: RegExp, dir: string): void {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stdout).toBe("");
  expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
}

/** The parts of a package, as text, by name. */
async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out[name] = await zip.files[name].async("string");
  return out;
}

describe("many rows for one person", () => {
  test("5,000 rows named \"Locum TBC\" are checked in seconds, each finding naming three rows and counting the rest", async () => {
    // npm run bench times 20,000 such rows (docs/performance.md).
    const dir = scratch();
    const lines = [HEADER.join(","), ...Array.from({ length: 5000 }, () => "Locum TBC,Clinical Pharmacist,0.5,01/04/2025,45000")];
    const input = put(dir, "combined.csv", lines.join("\r\n"));
    const before = readFileSync(input);
    const started = Date.now();
    const result = await run(["check", input, "--year", "2025/26"]);
    expect(Date.now() - started).toBeLessThan(10000);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const duplicate = result.stdout.split("\n").filter((line) => line.includes("DUPLICATE_PERSON"));
    expect(duplicate.length).toBeGreaterThan(100);
    for (const line of duplicate) {
      expect(line).toContain("The same person is on rows 2, 3, 4 and 4,997 more at 2500 WTE in total on 01/04/2025");
      expect(line.length).toBeLessThan(500);
    }
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});

describe("never a cell past column XFD", () => {
  test.each([
    ["anything in column XFD", "XFD9"],
    ["anything in XFA, where the blank column before the ARRS columns would go", "XFA2"],
  ])("a roster with %s is refused before anything is written", async (_what, cell) => {
    const dir = scratch();
    const input = put(dir, "roster.xlsx", await rosterXlsx([PHARMACIST], (ws) => { ws.getCell(cell).value = "far right"; }));
    const before = readFileSync(input);
    const result = await run(["check", input, "--year", "2025/26"]);
    expectRefused(result, /has cells as far right as column X[A-Z]{2}, so the ARRS columns would go past column XFD, the last column Excel has\. Nothing was written; clear or move the cells in columns XFA to XFD of "Staff"/, dir);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(existsSync(path.join(dir, "roster.arrs.xlsx"))).toBe(false);
  });

  test("cells up to XEZ leave room: the columns go in XFB:XFD, and a rerun on the copy writes the same sheet", async () => {
    const dir = scratch();
    const input = put(dir, "roster.xlsx", await rosterXlsx([PHARMACIST], (ws) => { ws.getCell("XEZ2").value = "note"; }));
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    expect((await run(["check", input, "--year", "2025/26", "--out", first])).code).toBe(0);
    expect((await run(["check", first, "--year", "2025/26", "--out", second])).code).toBe(0);
    const [a, b] = [await parts(readFileSync(first)), await parts(readFileSync(second))];
    const sheet = "xl/worksheets/sheet1.xml";
    expect(a[sheet]).toContain('r="XFD1"');
    expect(a[sheet]).not.toMatch(/r="XF[E-Z]\d+"|r="X[G-Z][A-Z]\d+"/);
    expect(a[sheet].match(/<conditionalFormatting/g)).toHaveLength(1);
    expect(b[sheet]).toBe(a[sheet]);
    expect(b["xl/workbook.xml"]).toBe(a["xl/workbook.xml"]);
  });

  test("in Excel (the task pane's door), a roster with anything in XFD is refused before any change", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Staff");
    excel.setValues("Staff", "A1", [HEADER, ["Asha Patel", "Clinical Pharmacist", 1, new Date(Date.UTC(2025, 3, 1)), 45000]]);
    excel.setValues("Staff", "XFD4", [["far right"]]);
    const office = new OfficeWorkbook({ run: excel.run as unknown as ExcelRun, requirementSetSupported: (name) => name === "ExcelApi" });
    const checked = await checkWorkbook(office, { words: PANE_WORDS, settings: { financialYear: "2025/26" }, today: "2026-11-21" });
    if (checked.kind !== "checked") throw new Error(checked.message);
    const before = JSON.stringify(excel.snapshot());
    const error = await office.write(checked.output).catch((e: unknown) => e);
    expect(toUserMessage(error)).toMatch(/^The sheet "Staff" has cells as far right as column XFD, so the ARRS columns would go past column XFD.*Nothing was written; clear or move the cells in columns XFA to XFD of "Staff"/);
    expect(JSON.stringify(excel.snapshot())).toBe(before);
    expect(excel.syncs.filter((sync) => sync.writes > 0)).toEqual([]);
  });

  test("a CSV line of more than 16,384 fields is refused as Excel would; empty fields at the end take no column", async () => {
    const dir = scratch();
    const wide = put(dir, "wide.csv", `${[...HEADER, ...Array.from({ length: 16380 }, (_, i) => `Extra ${i}`)].join(",")}\r\n${PHARMACIST.join(",")}\r\n`);
    const before = readFileSync(wide);
    expectRefused(await run(["check", wide, "--year", "2025/26"]), /wide\.csv: record 1 of the CSV file has 16,385 fields, more than the 16,384 columns \(A to XFD\) a sheet can hold/, dir);
    expect(readFileSync(wide).equals(before)).toBe(true);
    expect(existsSync(path.join(dir, "wide.arrs.xlsx"))).toBe(false);
    const trailing = put(dir, "trailing.csv", `${HEADER.join(",")}${",".repeat(20000)}\r\n${PHARMACIST.join(",")}\r\n`);
    expect((await run(["check", trailing, "--year", "2025/26"])).code).toBe(0);
  });
});

describe("roster text on the terminal", () => {
  // Set the terminal's title, clear the screen, hide text; forge a finding line; reverse what follows.
  const NAME = "Asha\u001b]0;owned\u0007 Patel\u001b[2J\u001b[8m";
  const ROLE = "Clinical Pharmacist\n  Row 99  ERROR   FORGED: pay this row twice";
  // What JSON.stringify leaves raw: a bidi override, a line separator, a C1 control (CSI), DEL.
  const OTHER = "Ben \u202eyaP\u2028x\u009b31m\u007f";
  // eslint-disable-next-line no-control-regex
  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

  async function hostileCsv(dir: string): Promise<string> {
    const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const rows = [HEADER, [NAME, ROLE, "1", "01/04/2025", "45000"], [NAME, "Clinical Pharmacist", "1", "01/04/2025", "45000"], [OTHER, "Clinical Pharmacist", "1", "01/04/2025", "45000"]];
    // Through a CSV, each control character goes into the workbook as _xHHHH_, which the reader decodes.
    return put(dir, "hostile.csv", rows.map((row) => row.map(quote).join(",")).join("\r\n"));
  }

  test("the summary shows control characters escaped and line breaks as ⏎; no roster text starts a line", async () => {
    const dir = scratch();
    const input = await hostileCsv(dir);
    const result = await run(["check", input, "--year", "2025/26"]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(RAW);
    expect(result.stdout).not.toMatch(/^\s*Row 99/m);
    expect(result.stdout).toContain("Asha\\x1b]0;owned\\x07 Patel\\x1b[2J\\x1b[8m");
    expect(result.stdout).toContain("Clinical Pharmacist⏎  Row 99  ERROR   F");
    expect(result.stdout).toContain("Ben \\u202eyaP⏎x\\x9b31m\\x7f");
    // The copy keeps the text as typed: it is cells, not a terminal.
    const copy = await (await XlsxWorkbook.fromBuffer(readFileSync(path.join(dir, "hostile.arrs.xlsx")))).readSheet("hostile");
    expect(copy.values[1].slice(0, 2)).toEqual([NAME, ROLE]);
    expect(copy.values[3][0]).toBe(OTHER);
  });

  test("--json escapes what JSON.stringify leaves raw, and reads back as the text typed", async () => {
    const dir = scratch();
    const result = await run(["check", await hostileCsv(dir), "--year", "2025/26", "--json"]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(RAW);
    const json = JSON.parse(result.stdout);
    expect(json.staff[0].name).toBe(NAME);
    expect(json.staff[0].roleText).toBe(ROLE);
    expect(json.staff[2].name).toBe(OTHER);
  });

  test("an error quoting roster text is one line, escaped", async () => {
    const dir = scratch();
    const result = await run(["check", await hostileCsv(dir), "--sheet", "Staff\u001b[2J\nRow 2 OK"]);
    expectRefused(result, /no sheet named "Staff\\x1b\[2J⏎Row 2 OK"/, dir);
    expect(result.stderr).not.toMatch(RAW);
  });
});

describe("a macro-enabled workbook stays .xlsm", () => {
  async function xlsm(): Promise<Buffer> {
    const zip = await JSZip.loadAsync(await rosterXlsx([PHARMACIST]));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    const macro = types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    expect(macro).not.toBe(types);
    zip.file("[Content_Types].xml", macro);
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  }

  test(".xlsm in, .arrs.xlsm out, macro-enabled still", async () => {
    const dir = scratch();
    const input = put(dir, "roster.xlsm", await xlsm());
    const result = await run(["check", input, "--year", "2025/26"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Written to ${path.join(dir, "roster.arrs.xlsm")}`);
    expect((await parts(readFileSync(path.join(dir, "roster.arrs.xlsm"))))["[Content_Types].xml"]).toContain("macroEnabled.main+xml");
    expect(existsSync(path.join(dir, "roster.arrs.xlsx"))).toBe(false);
  });

  test.each([
    ["a macro-enabled workbook to .xlsx", "roster.xlsm", "copy.xlsx", /would hold a macro-enabled workbook \(its macros are kept\), which Excel opens only with the extension \.xlsm: use --out .*copy\.xlsm\./],
    ["an Excel Workbook to .xlsm", "plain.xlsx", "copy.xlsm", /would hold an Excel Workbook, which Excel opens only with the extension \.xlsx: use --out .*copy\.xlsx\./],
  ])("--out of the wrong kind is refused: %s", async (_what, name, out, message) => {
    const dir = scratch();
    const input = put(dir, name, name.endsWith(".xlsm") ? await xlsm() : await rosterXlsx([PHARMACIST]));
    expectRefused(await run(["check", input, "--year", "2025/26", "--out", path.join(dir, out)]), message, dir);
    expect(existsSync(path.join(dir, out))).toBe(false);
  });
});

describe("never replacing a file the tool did not write", () => {
  const MINE = "my own work\r\n";

  test.each([
    ["--out", (dir: string) => ["--out", path.join(dir, "mine.xlsx")], "mine.xlsx", /"[^"]*mine\.xlsx" already exists and is not a checked copy this tool wrote, so it was left alone\. Choose another name with --out, or add --force to replace it\./],
    ["--claim-lines", (dir: string) => ["--claim-lines", path.join(dir, "mine.csv")], "mine.csv", /"[^"]*mine\.csv" already exists and is not a claim lines file this tool wrote, so it was left alone\. Choose another name with --claim-lines, or add --force/],
    ["--month", (dir: string) => ["--out", path.join(dir, "s.xlsx"), "--month", "04/2025"], "s.claim-2025-04.csv", /"[^"]*s\.claim-2025-04\.csv" already exists and is not a month's claim this tool wrote.*add --force/],
  ])("%s: refused, nothing written; --force replaces it", async (_flag, flags, name, message) => {
    const dir = scratch();
    const input = put(dir, "roster.xlsx", await rosterXlsx([PHARMACIST]));
    const mine = put(dir, name, MINE);
    const args = ["check", input, "--year", "2025/26", ...flags(dir)];
    expectRefused(await run(args), message, dir);
    expect(readFileSync(mine, "utf8")).toBe(MINE);
    // Refused before the first file was written: no copy either.
    expect(readdirSync(dir).sort()).toEqual(["roster.xlsx", name].sort());
    const forced = await run([...args, "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(mine, "utf8")).not.toBe(MINE);
  });

  test("its own earlier output is replaced without asking: the copy and the claim lines", async () => {
    const dir = scratch();
    const input = put(dir, "roster.xlsx", await rosterXlsx([PHARMACIST]));
    const args = ["check", input, "--year", "2025/26", "--claim-lines", path.join(dir, "lines.csv")];
    expect((await run(args)).code).toBe(0);
    const again = await run(args);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe("");
  });

  test("a workbook of the user's at --out is refused even when it is a valid workbook", async () => {
    const dir = scratch();
    const input = put(dir, "roster.xlsx", await rosterXlsx([PHARMACIST]));
    const other = put(dir, "budget.xlsx", await rosterXlsx([["Someone else", "Paramedic", 1, "01/04/2025", "50000"]]));
    const before = readFileSync(other);
    expectRefused(await run(["check", input, "--year", "2025/26", "--out", other]), /budget\.xlsx" already exists and is not a checked copy/, dir);
    expect(readFileSync(other).equals(before)).toBe(true);
  });

  test("arrs rates --force replaces a file of the user's", async () => {
    const dir = scratch();
    const mine = put(dir, "rates.xlsx", MINE);
    expectRefused(await run(["rates", "--year", "2026/27", "--out", mine]), /is not a rates file this tool wrote, so it was left alone\. Choose another name with --out, or add --force/, dir);
    expect(readFileSync(mine, "utf8")).toBe(MINE);
    expect((await run(["rates", "--year", "2026/27", "--out", mine, "--force"])).code).toBe(0);
    expect(readFileSync(mine, "utf8")).not.toBe(MINE);
  });
});
