/**
 * Workbooks made to break the file door (issue 19), through the command line (main() in-process, as
 * test/cli does): each is refused with one line on stderr and exit code 2, no stack trace, nothing
 * written and the input unchanged, or (where the file is sound) read as Excel shows it. Every file is
 * made in code (hostile-door-files.ts). The zip bombs, run in a child process with a memory limit,
 * are in hostile-door-bombs.test.ts.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { inflateRawSync } from "node:zlib";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { readZip } from "../../src/workbook/xlsx/zip";
import { run } from "../helpers/cli";
import { scratchFolders } from "../helpers/scratch";
import { encryptedXlsx, legacyXls } from "./bad-files";
import { MAIN_NS, rosterSheetXml, workbookOf, workbookParts, zip64Of, zipOf, type Part } from "./hostile-door-files";

const folder = scratchFolders("arrs-hostile-");
let dir = "";
beforeAll(() => { dir = folder(); });

let fileCount = 0;
const put = (bytes: Uint8Array, extension = ".xlsx") => {
  fileCount += 1;
  const file = path.join(dir, `hostile-${fileCount}${extension}`);
  writeFileSync(file, bytes);
  return file;
};
const outputOf = (file: string) => path.join(path.dirname(file), `${path.parse(file).name}.arrs.xlsx`);
const STACK = /\bat .*\.(ts|js):\d+|Error:|something went wrong inside|node:internal/;

/** Exit 2, one line on stderr matching `message`, nothing on stdout, nothing written, the input as it was. */
async function expectRefused(bytes: Uint8Array, message: RegExp, options: { seconds?: number } = {}): Promise<string> {
  const file = put(bytes);
  const before = readdirSync(dir).sort();
  const started = Date.now();
  const result = await run(["check", file]);
  const seconds = (Date.now() - started) / 1000;
  expect(result.stderr).toMatch(message);
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr).not.toMatch(STACK);
  expect(result.stdout).toBe("");
  expect(existsSync(outputOf(file))).toBe(false);
  expect(readdirSync(dir).sort()).toEqual(before);
  expect(Buffer.compare(readFileSync(file), Buffer.from(bytes))).toBe(0);
  expect(seconds).toBeLessThan(options.seconds ?? 10);
  return result.stderr;
}

/** A clean run: exit 0, the input unchanged, the output written. */
async function expectChecked(bytes: Uint8Array): Promise<{ stdout: string; output: Uint8Array }> {
  const file = put(bytes);
  const result = await run(["check", file]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(Buffer.compare(readFileSync(file), Buffer.from(bytes))).toBe(0);
  return { stdout: result.stdout, output: readFileSync(outputOf(file)) };
}

const readStaff = async (bytes: Uint8Array) => (await XlsxWorkbook.fromBuffer(bytes)).readSheet("Staff");
const DAMAGED = /damaged/;

describe("the row limit holds however the sheet's XML is written (issue 19, point 2)", () => {
  test("an x: prefix and a long <x:cols> list before <x:sheetData> do not hide 250,000 rows", async () => {
    const cols = Array.from({ length: 5000 }, (_, i) => `<x:col min="${i + 1}" max="${i + 1}" width="9"/>`).join("");
    const rows: string[] = ['<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Role</x:t></x:is></x:c></x:row>'];
    for (let r = 2; r <= 250_000; r++) rows.push(`<x:row r="${r}"><x:c r="A${r}" t="inlineStr"><x:is><x:t>P${r}</x:t></x:is></x:c></x:row>`);
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN_NS}"><x:cols>${cols}</x:cols><x:sheetData>${rows.join("")}</x:sheetData></x:worksheet>`;
    await expectRefused(workbookOf({ sheet }), /The sheet "Staff" has 250,000 rows; the checker reads at most 200,000\./, { seconds: 20 });
  });
});

describe("cell references past Excel's grid, and gaps between rows (issue 19, point 3)", () => {
  test.each([
    ["a cell past column XFD (ZZZZZZ2)", rosterSheetXml({ firstRowCells: '<c r="ZZZZZZ1"><v>1</v></c>' })],
    ["a cell in column XFE, one past the last", rosterSheetXml({ firstRowCells: '<c r="XFE1"><v>1</v></c>' })],
    ["a row numbered 500,000,000", rosterSheetXml({ rows: '<row r="500000000"><c r="A500000000"><v>1</v></c></row>' })],
    ["a row numbered 1,048,577, one past the last", rosterSheetXml({ rows: '<row r="1048577"><c r="A1048577"><v>1</v></c></row>' })],
    ["a row numbered 0, before the first", rosterSheetXml().replace('<row r="1">', '<row r="0">')],
    ["rows without numbers running on past row 1,048,576", rosterSheetXml({ rows: '<row r="1048576"><c><v>1</v></c></row><row><c><v>1</v></c></row>' })],
  ])("%s is a damaged sheet, refused in words", async (_, sheet) => {
    await expectRefused(workbookOf({ sheet }), /The sheet "Staff" in this workbook is damaged: .*(past the last (column|row)|before the first row)/, { seconds: 5 });
  });

  test("a cell in column XFD, the last, is read", async () => {
    const grid = await readStaff(workbookOf({ sheet: rosterSheetXml({ firstRowCells: '<c r="XFD1"><v>7</v></c>' }) }));
    expect(grid.values[0]).toHaveLength(16_384);
    expect(grid.values[0][16_383]).toBe(7);
  });

  test("rows 1 and 1,000,000: refused in words without a million empty rows made in between", async () => {
    const sheet = rosterSheetXml({ rows: '<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>note</t></is></c></row>' });
    await expectRefused(workbookOf({ sheet }), /The sheet "Staff" has data down to row 1,000,000; the checker reads at most 200,000 rows\. Delete the unused rows/, { seconds: 5 });
  });

  test("a cell far right on a far row: the grid it would need (rows × columns) is refused before it is made", async () => {
    const sheet = rosterSheetXml({ firstRowCells: '<c r="XFD1"><v>1</v></c>', rows: '<row r="150000"><c r="A150000"><v>1</v></c></row>' });
    await expectRefused(workbookOf({ sheet }), /The sheet "Staff" has data across 150,000 rows and 16,384 columns/, { seconds: 5 });
  });

  test("many merged ranges each over a million rows are refused in seconds, not worked through for hours", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 4}"><c r="A${i + 4}"><v>1</v></c><c r="B${i + 4}"><v>2</v></c></row>`).join("");
    const merges = Array.from({ length: 20_000 }, (_, i) => `<mergeCell ref="A${i + 1}:B1048576"/>`).join("");
    const sheet = rosterSheetXml({ rows }).replace("</worksheet>", `<mergeCells count="20000">${merges}</mergeCells></worksheet>`);
    await expectRefused(workbookOf({ sheet }), /The sheet "Staff" has more merged cells than the checker reads \(20,000 merged ranges/, { seconds: 5 });
  });

  test("many rows each with a cell in column XFD are refused as they are read, not after", async () => {
    const rows: string[] = [];
    for (let r = 4; r <= 20_000; r++) rows.push(`<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`);
    await expectRefused(workbookOf({ sheet: rosterSheetXml({ rows: rows.join("") }) }), /The sheet "Staff" has data across .* columns/, { seconds: 5 });
  });
});

describe("many sheets, each within the limits", () => {
  test("are bounded together: the grids kept at once hold at most twice a sheet's XML", async () => {
    const sheetXml = rosterSheetXml();
    const names = ["Staff", "Staff 2", "Staff 3"];
    const rel = (i: number) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`;
    const parts = workbookParts({
      parts: [
        { name: "xl/workbook.xml", text: `<workbook xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>` },
        { name: "xl/_rels/workbook.xml.rels", text: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => rel(i)).join("")}</Relationships>` },
        { name: "xl/worksheets/sheet2.xml", text: sheetXml },
        { name: "xl/worksheets/sheet3.xml", text: sheetXml },
      ],
    });
    const wb = await XlsxWorkbook.fromBuffer(zipOf(parts), { rows: 1000, bytes: Math.ceil(sheetXml.length * 1.2) });
    await wb.readSheet("Staff");
    await wb.readSheet("Staff 2");
    await expect(wb.readSheet("Staff 3")).rejects.toThrow(/^The sheets of this workbook hold more data together than the checker reads at once/);
  });
});

describe("XML written in ways Excel does not, but may (issue 19, point 9)", () => {
  test("text after a comment, and text in a CDATA section, are kept in inline and shared strings", async () => {
    const sheet = rosterSheetXml({
      rows: '<row r="4"><c r="A4" t="inlineStr"><is><t>Cy<!-- a note -->ra Moss</t></is></c><c r="B4" t="inlineStr"><is><t><![CDATA[Para & <medic>]]></t></is></c>'
        + '<c r="C4" t="s"><v>0</v></c><c r="D4" t="s"><v>1</v></c><c r="E4"><v>1<!-- one -->2</v></c></row>',
    });
    const sharedStrings = `<sst xmlns="${MAIN_NS}"><si><t>Di<!-- x -->ana</t></si><si><r><t><![CDATA[a]]>b</t></r><r><t>&amp;<![CDATA[&amp;]]></t></r></si></sst>`;
    const grid = await readStaff(workbookOf({ sheet, sharedStrings }));
    expect(grid.values[3].slice(0, 5)).toEqual(["Cyra Moss", "Para & <medic>", "Diana", "ab&&amp;", 12]);
  });

  test.each([
    ["the sheet", { sheet: rosterSheetXml().replace("<worksheet", '<!DOCTYPE worksheet [<!ENTITY a "Ann">]><worksheet') }],
    ["the workbook part", { parts: [{ name: "xl/workbook.xml", text: `<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY x "y">]><workbook xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>` }] }],
    ["the shared strings", { sharedStrings: `<!DOCTYPE sst [<!ENTITY n "Ann">]><sst xmlns="${MAIN_NS}"><si><t>x</t></si></sst>` }],
  ])("a DOCTYPE with an internal subset in %s is refused, not misread", async (_, options) => {
    await expectRefused(workbookOf(options), /damaged.*DOCTYPE/);
  });

  test("a sheet whose relationship points at the shared-strings part is refused before anything is written", async () => {
    await expectRefused(workbookOf({ sharedStrings: `<sst xmlns="${MAIN_NS}"><si><t>x</t></si></sst>`, sheetTarget: "sharedStrings.xml" }), /damaged.*"Staff".*not a worksheet/);
  });

  test("a sheet whose relationship points at the workbook part itself is refused", async () => {
    await expectRefused(workbookOf({ sheetTarget: "workbook.xml" }), /damaged.*"Staff".*not a worksheet/);
  });
});

describe("the zip itself (issue 19, zip layer)", () => {
  test("two entries of the same name are refused as damaged, not one silently chosen", async () => {
    const parts = workbookParts();
    await expectRefused(zipOf([...parts, { name: "xl/worksheets/sheet1.xml", text: rosterSheetXml({ rows: '<row r="9"><c r="A9"><v>9</v></c></row>' }) }]), /damaged.*"xl\/worksheets\/sheet1\.xml".*twice/);
  });

  test("two names that differ only in case (part names are case-insensitive) are refused too", async () => {
    await expectRefused(zipOf([...workbookParts(), { name: "XL/Worksheets/Sheet1.xml", text: rosterSheetXml() }]), /damaged.*twice/);
  });

  test("a ZIP64 zip (sizes and offsets in its ZIP64 records) is read, and its output written", async () => {
    const { output } = await expectChecked(zip64Of(workbookParts()));
    expect(readZip(output).map((e) => e.name)).toContain("xl/worksheets/sheet1.xml");
  });

  test("a zip of 70,000 parts is refused before any is looked at", async () => {
    const empties = Array.from({ length: 70_000 }, (_, i): Part => ({ name: `x/${i}.xml`, text: "", method: 0 }));
    await expectRefused(zip64Of([...workbookParts(), ...empties]), /70,005 parts/);
  });

  test("a part that inflates past the size its entry records is damaged, and found so in the first piece past it", async () => {
    const text = rosterSheetXml();
    const parts = workbookParts({ parts: [{ name: "xl/worksheets/sheet1.xml", text, declared: 100 }] });
    await expectRefused(zipOf(parts), DAMAGED);
  });
});

describe("the cases that already held (issue 19)", () => {
  test("entity expansion (a billion laughs) is refused, never expanded", async () => {
    const laughs = '<!DOCTYPE worksheet [<!ENTITY l0 "ha">' + Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join("") + "]>";
    await expectRefused(workbookOf({ sheet: rosterSheetXml({ rows: '<row r="4"><c r="A4" t="inlineStr"><is><t>&l9;</t></is></c></row>' }).replace("<worksheet", `${laughs}<worksheet`) }), /damaged/);
  });

  test("an external entity (XXE) is refused, never fetched", async () => {
    await expectRefused(workbookOf({ sheet: rosterSheetXml({ rows: '<row r="4"><c r="A4" t="inlineStr"><is><t>&x;</t></is></c></row>' }).replace("<worksheet", '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet') }), /damaged/);
  });

  test.each(["../../evil.txt", "/etc/evil.txt", "xl\\..\\..\\evil.txt", "xl/./x.xml"])("an entry named %s (zip slip) is refused: no part of a package has such a name", async (name) => {
    await expectRefused(zipOf([...workbookParts(), { name, text: "x" }]), /damaged|not an \.xlsx/);
  });

  test("a zip cut short", async () => {
    const whole = workbookOf();
    await expectRefused(whole.subarray(0, Math.floor(whole.length * 0.6)), /not an \.xlsx workbook|damaged|cut short/);
  });

  test("an encrypted zip entry", async () => {
    await expectRefused(zipOf(workbookParts().map((p): Part => (p.name === "xl/worksheets/sheet1.xml" ? { ...p, flags: 1 } : p))), /encrypted/);
  });

  test("not a zip, an old .xls, and a password-protected workbook", async () => {
    await expectRefused(new TextEncoder().encode("Name,Role\nAnn,SPLW\n"), /not an \.xlsx workbook/);
    await expectRefused(legacyXls(), /older \.xls workbook/);
    await expectRefused(encryptedXlsx(), /password-protected/);
  });

  test("Strict Open XML is read as the transitional form is", async () => {
    const strict = (text: string) => text
      .replaceAll("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
      .replaceAll("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships");
    const parts = workbookParts().map((p): Part => ({ ...p, text: strict(p.text as string) }));
    const { stdout } = await expectChecked(zipOf(parts));
    expect(stdout).toMatch(/Staff/);
  });

  test("roster text that looks like a formula is written as text, never as a formula", async () => {
    const sheet = rosterSheetXml({ rows: '<row r="4"><c r="A4" t="inlineStr"><is><t>=HYPERLINK("http://x","y")</t></is></c><c r="B4" t="inlineStr"><is><t>Clinical Pharmacist</t></is></c><c r="C4"><v>1</v></c><c r="D4" t="inlineStr"><is><t>01/04/2026</t></is></c><c r="E4"><v>50000</v></c></row>' });
    const { output } = await expectChecked(workbookOf({ sheet }));
    const grid = await (await XlsxWorkbook.fromBuffer(output)).readSheet("ARRS Claim Lines");
    expect(grid.values.flat()).toContain('=HYPERLINK("http://x","y")');
    const sheets = readZip(output).filter((e) => e.name.startsWith("xl/worksheets/"));
    for (const sheet of sheets) expect(inflateRawSync(sheet.raw).toString("utf8")).not.toMatch(/<(\w+:)?f[ >]/);
  });
});
