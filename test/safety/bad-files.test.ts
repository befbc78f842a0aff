/**
 * Bad files through the command line (main() in-process, as test/cli does): each gives a clear
 * one-line message and exit code 2, or a clean run; nothing is written for a failure; never a crash
 * or a stack trace. Also CSV rosters, which are read: `arrs check roster.csv` writes roster.arrs.xlsx.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { countRows, MAX_SHEET_ROWS } from "../../src/workbook/file-limits";
import { newEntry, readZip, writeZip } from "../../src/workbook/xlsx/zip";
import { run } from "../helpers/cli";
import { scratchFolders } from "../helpers/scratch";
import { SAMPLE } from "../helpers/workbooks";
import { encryptedXlsx, legacyXls, longSheetXml, rawWorkbook } from "./bad-files";

const dir = scratchFolders("arrs-safety-")();
const put = (name: string, bytes: Uint8Array | string) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const outputOf = (file: string) => path.join(path.dirname(file), `${path.parse(file).name}.arrs.xlsx`);

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Exit 2, one line on stderr that matches, nothing on stdout, no output file, no stack trace. */
async function expectRefused(file: string, message: RegExp, extra: string[] = []) {
  const before = readdirSync(path.dirname(file)).sort();
  const result = await run(["check", file, ...extra]);
  expect(result.stderr).toMatch(message);
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\bat .*\.(ts|js):\d+|Error:|something went wrong inside/);
  expect(result.stdout).toBe("");
  expect(existsSync(outputOf(file))).toBe(false);
  expect(readdirSync(path.dirname(file)).sort()).toEqual(before); // not even a temporary file left
}

describe("files that are not workbooks", () => {
  test("random bytes named .xlsx", async () => {
    await expectRefused(put("noise.xlsx", new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 251))), /^arrs: .*noise\.xlsx: This file is not an \.xlsx workbook\. Save the roster from Excel as an Excel Workbook \(\.xlsx\)/);
  });

  test("an empty file", async () => {
    await expectRefused(put("empty.xlsx", new Uint8Array(0)), /not an \.xlsx workbook/);
  });

  test("a zip that is not a workbook", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("notes.txt", "not a spreadsheet");
    await expectRefused(put("zip.xlsx", await zip.generateAsync({ type: "uint8array" })), /not an \.xlsx workbook: it holds no worksheets/);
  });

  test("a Word document renamed .xlsx", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("word/document.xml", "<w:document/>");
    await expectRefused(put("letter.xlsx", await zip.generateAsync({ type: "uint8array" })), /not an \.xlsx workbook/);
  });

  test("a zip cut short (a download that stopped part way)", async () => {
    const bytes = readFileSync(SAMPLE);
    await expectRefused(put("truncated.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2))), /not an \.xlsx workbook, or it is damaged/);
  });

  test("a workbook whose sheet is damaged inside an intact zip (it fails its checksum)", async () => {
    const entries = readZip(new Uint8Array(readFileSync(SAMPLE)));
    const roster = entries.find((e) => e.name === "xl/worksheets/sheet2.xml")!;
    const raw = roster.raw.slice();
    raw[Math.floor(raw.length / 2)] ^= 0xff;
    const damaged = writeZip(entries.map((e) => (e === roster ? { ...e, raw } : e)));
    await expectRefused(put("damaged.xlsx", damaged), /damaged\.xlsx: The sheet "Roster 2025-26" in this workbook is damaged: open the workbook in Excel and save it again, then try again/);
  });

  test("a workbook whose workbook part (xl/workbook.xml) is damaged: empty, or not XML", async () => {
    const entries = readZip(new Uint8Array(readFileSync(SAMPLE)));
    for (const [name, text] of [["empty-part.xlsx", ""], ["not-xml-part.xlsx", "PK this is not XML"], ["broken-tag.xlsx", "<>"]]) {
      const broken = await Promise.all(entries.map((e) => (e.name === "xl/workbook.xml" ? newEntry(e.name, [text]) : e)));
      await expectRefused(put(name, writeZip(broken)), new RegExp(`${name.replace(".", "\\.")}: This workbook is damaged: open it in Excel and save it again as an Excel Workbook \\(\\.xlsx\\), then try again`));
    }
  });

  test("a zip in a form no workbook is saved in says so plainly", async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Zip64: the end record's entry count set to 0xffff.
    const end = bytes.length - 22;
    const zip64 = bytes.slice();
    new DataView(zip64.buffer).setUint16(end + 10, 0xffff, true);
    await expectRefused(put("zip64.xlsx", zip64), /zip64\.xlsx: This file is not an \.xlsx workbook, or it is damaged: it is saved in a form this tool cannot read \(a very large zip format\)\. Open it in Excel and save it again/);
    // A compression method Excel never uses (9, Deflate64) on the first entry in the central directory.
    const method = bytes.slice();
    new DataView(method.buffer).setUint16(view.getUint32(end + 16, true) + 10, 9, true);
    await expectRefused(put("deflate64.xlsx", method), /deflate64\.xlsx: This file is not an \.xlsx workbook, or it is damaged: it is saved in a form this tool cannot read \(a compression method Excel does not use/);
  });

  test("a password-protected workbook says so, and to save an unprotected copy", async () => {
    await expectRefused(put("locked.xlsx", encryptedXlsx()), /locked\.xlsx: This workbook is password-protected, so it cannot be read\. .*save an unprotected copy/);
  });

  test("an old .xls workbook named .xlsx", async () => {
    await expectRefused(put("old-inside.xlsx", legacyXls()), /not an \.xlsx workbook: it is an older \.xls workbook.*save it as an Excel Workbook \(\.xlsx\)/);
  });

  test("an .xls file", async () => {
    await expectRefused(put("old.xls", legacyXls()), /old-style \.xls workbook\. Open it in Excel and save it as \.xlsx/);
  });
});

describe("workbooks with nothing to check", () => {
  test("no sheets at all", async () => {
    await expectRefused(put("no-sheets.xlsx", await rawWorkbook(null)), /holds no worksheets/);
  });

  test("one empty sheet", async () => {
    await expectRefused(put("blank.xlsx", await workbookBytes((wb) => { wb.addWorksheet("Sheet1"); })), /No roster found.*Sheets looked at: "Sheet1"/);
  });

  test("a roster with only its header runs, and says plainly there are no staff rows", async () => {
    const file = put("header-only.xlsx", await workbookBytes((wb) => { wb.addWorksheet("Staff").addRow(["Name", "Role", "WTE", "Start date", "Annual salary"]); }));
    const result = await run(["check", file, "--year", "2025/26"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain('No staff rows: the roster has a header on row 1 of sheet "Staff" but no one below it, so there is nothing to claim.');
    expect(result.stdout).toContain("Claimable for the year: £0.00");
    expect(existsSync(outputOf(file))).toBe(true);
    const json = JSON.parse((await run(["check", file, "--year", "2025/26", "--json", "--out", path.join(dir, "header-only.json.xlsx")])).stdout);
    expect(json.staff).toEqual([]);
    expect(json.totals.claimable).toBe(0);
  });
});

describe("a sheet of 1,000,000 rows", () => {
  test(`is refused in seconds, before it is parsed, with the count and the limit (${MAX_SHEET_ROWS.toLocaleString("en-GB")})`, async () => {
    const file = put("million.xlsx", await rawWorkbook({ name: "Staff", xml: longSheetXml(1_000_000) }));
    const started = Date.now();
    await expectRefused(file, /million\.xlsx: The sheet "Staff" has 1,000,000 rows; the checker reads at most 200,000\. Delete the unused rows/);
    const seconds = (Date.now() - started) / 1000;
    console.log(`1,000,000-row sheet refused in ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(20);
  });

  test("one row over the limit is refused; at the limit, the sheet is read", async () => {
    await expectRefused(put("over.xlsx", await rawWorkbook({ name: "Staff", xml: longSheetXml(MAX_SHEET_ROWS + 1) })), /has 200,001 rows; the checker reads at most 200,000/);
  });
});

describe("the limits, counted before a sheet is parsed", () => {
  test("rows are <row> elements with any namespace prefix; a sheet's XML is bounded in size too", async () => {
    expect(countRows(new TextEncoder().encode('<x:worksheet><x:sheetData><x:row r="1"/><x:row r="2"><x:c/></x:row><x:rowBreaks/></x:sheetData></x:worksheet>'))).toBe(2);
    expect(countRows(new TextEncoder().encode("<worksheet><sheetData><row><c/></row><row/><rowPr/></sheetData></worksheet>"))).toBe(2);
    const small = await rawWorkbook({ name: "Wide & tall", xml: longSheetXml(50) });
    const read = async (limits?: { rows: number; bytes: number }) => (await XlsxWorkbook.fromBuffer(small, limits)).readSheet("Wide & tall");
    expect((await read()).values).toHaveLength(50);
    await expect(read({ rows: 49, bytes: 1e9 })).rejects.toThrow('The sheet "Wide & tall" has 50 rows; the checker reads at most 49. Delete the unused rows below the data, or copy the roster into a workbook of its own, and try again.');
    await expect(read({ rows: 1e9, bytes: 1000 })).rejects.toThrow(/^The sheet "Wide & tall" holds 0 MB of data; the checker reads at most 0 MB a sheet\./);
  });
});

describe("the user's data where the tool's columns would go", () => {
  test("the user's data far below the roster moves the tool's columns right of it, and is kept", async () => {
    const file = put("busy.xlsx", await workbookBytes((wb) => {
      const ws = wb.addWorksheet("Staff");
      ws.addRow(["Name", "Role", "WTE", "Start date", "Annual salary"]);
      ws.addRow(["Asha Patel", "Clinical Pharmacist", 1, "01/04/2025", 45000]);
      ws.getCell("G40").value = "my note, far below"; // column G is where "ARRS status" would go
    }));
    const result = await run(["check", file, "--year", "2025/26"]);
    expect(result.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(outputOf(file)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Staff")!;
    expect(ws.getCell("G40").value).toBe("my note, far below");
    expect(ws.getCell("I1").value).toBe("ARRS status");
  });

  test("the user's merged cells on a staff row, where the tool's columns would go", async () => {
    const file = put("merged.xlsx", await workbookBytes((wb) => {
      const ws = wb.addWorksheet("Staff");
      ws.addRow(["Name", "Role", "WTE", "Start date", "Annual salary"]);
      ws.addRow(["Asha Patel", "Clinical Pharmacist", 1, "01/04/2025", 45000]);
      ws.addRow(["Ben Jones", "SPLW", 0.8, "01/04/2025", 24000, null, null, null]);
      ws.mergeCells("E3:J3");
    }));
    await expectRefused(file, /merged\.xlsx: Cell G3 on "Staff" is part of merged cells starting at E3, where the ARRS columns would go\. Nothing was written; unmerge/, ["--year", "2025/26"]);
  });
});

describe("CSV rosters are read", () => {
  const CSV_ROWS = [
    "Name,Role,WTE,Start date,End date,Annual salary,Employer NI,Employer pension",
    '"Patel, Asha",Clinical Pharmacist,1.0,01/04/2025,,"£45,000.00","£5,000",£6471',
    '"Jones, ""Ben""",SPLW,0.8,16/06/2025,31/03/2026,"24,000",2000,3451.00',
    "=1+2,FCP Physio,0.5,1 October 2025,ongoing,£40000,4000,5752",
  ];

  async function checkCsv(name: string, bytes: Uint8Array | string, extra: string[] = []) {
    const file = put(name, bytes);
    const result = await run(["check", file, "--json", "--year", "2025/26", ...extra]);
    return { file, result, json: result.code === 0 ? JSON.parse(result.stdout) : null };
  }

  function expectTheRoster(json: { staff: { row: number; name: string; role: string; wte: number; start: string; end: string | null; annualCost: number }[] }) {
    expect(json.staff.map((p) => [p.row, p.name, p.role, p.wte, p.start, p.end, p.annualCost])).toEqual([
      [2, "Patel, Asha", "clinical-pharmacist", 1, "2025-04-01", null, 56471],
      [3, 'Jones, "Ben"', "social-prescribing-link-worker", 0.8, "2025-06-16", "2026-03-31", 29451],
      [4, "=1+2", "first-contact-physiotherapist", 0.5, "2025-10-01", null, 49752],
    ]);
  }

  test("UTF-8 with commas, quotes, UK dates and £ amounts: roster.csv gives roster.arrs.xlsx", async () => {
    const { file, result, json } = await checkCsv("roster.csv", `${CSV_ROWS.join("\n")}\n`);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expectTheRoster(json);
    expect(json.sheet).toBe("roster");
    expect(existsSync(path.join(dir, "roster.arrs.xlsx"))).toBe(true);
    expect(readFileSync(file, "utf8")).toBe(`${CSV_ROWS.join("\n")}\n`); // the input is untouched
    // The copy is a real workbook: one sheet named after the file, text as text (never a formula), and the tool's own sheets.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(dir, "roster.arrs.xlsx")) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["roster", "ARRS Claim Summary", "ARRS Claim Lines", "ARRS Settings"]);
    expect(wb.getWorksheet("roster")!.getCell("A4").value).toBe("=1+2");
    expect(wb.getWorksheet("roster")!.getCell("J1").value).toBe("ARRS status");
  });

  test("Excel's CSV UTF-8 (a byte-order mark), semicolons and CRLF line ends", async () => {
    const text = `\ufeff${CSV_ROWS.map((line) => toSemicolons(line)).join("\r\n")}\r\n`;
    const { json } = await checkCsv("semicolons.csv", text);
    expectTheRoster(json);
  });

  test("Excel's plain CSV on a UK PC (Windows-1252: £ is one byte, A3)", async () => {
    const bytes = Uint8Array.from(CSV_ROWS.join("\r\n"), (ch) => (ch === "£" ? 0xa3 : ch.charCodeAt(0)));
    expect([...bytes].includes(0xa3)).toBe(true);
    const { json } = await checkCsv("ansi.csv", bytes);
    expectTheRoster(json);
  });

  test("a CSV with a title line above the header, a year in its name, and no line break at the end", async () => {
    const { json } = await checkCsv("ARRS staff 2024-25.csv", `Oakwood PCN staff,,,,,,,\n${CSV_ROWS.join("\n")}`, ["--year", "2025/26"]);
    expect(json.staff).toHaveLength(3);
    expect(json.staff[0].row).toBe(3);
  });

  test("a CSV with no roster, an empty CSV, and one with too many rows are refused, nothing written", async () => {
    await expectRefused(put("data.csv", "Name,Role\n"), /data\.csv: No roster found/);
    await expectRefused(put("nothing.csv", ""), /nothing\.csv: No roster found/);
    const header = "Name,Role,WTE,Start date,Annual salary\n";
    await expectRefused(put("huge.csv", header + "x,SPLW,1,01/04/2025,24000\n".repeat(MAX_SHEET_ROWS)), /huge\.csv: The sheet "huge" has 200,001 rows; the checker reads at most 200,000/);
  });

  test("a CSV roster with only its header runs and says there are no staff rows", async () => {
    const file = put("empty-roster.csv", "Name,Role,WTE,Start date,Annual salary\r\n");
    const result = await run(["check", file, "--year", "2025/26"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("No staff rows");
    expect(existsSync(path.join(dir, "empty-roster.arrs.xlsx"))).toBe(true);
  });
});

/** A CSV line with semicolons for separators (quoted fields keep their commas). */
function toSemicolons(line: string): string {
  let out = "";
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    out += !quoted && ch === "," ? ";" : ch;
  }
  return out;
}
