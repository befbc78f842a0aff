/**
 * The file door when something fails part way: a write or a removal that fails at any step leaves
 * the workbook exactly as it was (in the browser tab the workbook stays open, and may be written
 * again or downloaded), a damaged sheet is named by its tab, and a sheet too large to read is
 * refused on its recorded size, without being inflated.
 */
import { buildWorkbookOutput } from "../../src/report/build";
import type { WorkbookOutput } from "../../src/report/types";
import { countRows, RowCounter } from "../../src/workbook/file-limits";
import { WorkbookFileError } from "../../src/workbook/file-errors";
import { PackageEdit, PackageError, withRelationship, XlsxPackage } from "../../src/workbook/xlsx/package";
import * as workbookPart from "../../src/workbook/xlsx/workbook-part";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { entryBytes, newEntry, readZip, writeZip, ZipLimitError, type ZipEntry } from "../../src/workbook/xlsx/zip";
import { longSheetXml, rawWorkbook } from "../safety/bad-files";
import { checkResult, person, rosterRead } from "../report/fixtures";
import { rosterWorkbookBytes } from "./workbooks";

const OWNED = ["ARRS Claim Summary", "ARRS Claim Lines", "ARRS Settings"];

function output(): WorkbookOutput {
  const result = checkResult({ staff: [person({ rowNumber: 4, name: "Asha Patel", salary: 45000 }), person({ rowNumber: 5, name: "Ben Jones", salary: 27000 })] });
  const roster = rosterRead({ sheetName: "Staff", headerRowNumber: 3, lastColumn: 7, ownedColumn: null, rowNumbers: [4, 5] });
  return buildWorkbookOutput(result, roster, { generatedOn: "2025-09-15", rosterSheet: "Staff", columnMapping: {} });
}

/** Each part's name and stored bytes, in order: equal when the package was copied unchanged. */
function entries(bytes: Uint8Array): { name: string; crc32: number; raw: number[] }[] {
  return readZip(bytes).map((e) => ({ name: e.name, crc32: e.crc32, raw: [...e.raw] }));
}

/** The zip path of a sheet's part. */
async function partOf(bytes: Uint8Array, sheetName: string): Promise<string> {
  const pkg = await XlsxPackage.open(bytes);
  const entry = workbookPart.listSheets((await pkg.text("xl/workbook.xml"))!).find((s) => s.name === sheetName)!;
  return (await pkg.relationships("xl/workbook.xml")).find((r) => r.id === entry.relationshipId)!.path;
}

/** The bytes with one part's stored data damaged (so it fails to decompress or fails its checksum). */
function damaged(bytes: Uint8Array, path: string): Uint8Array {
  return writeZip(readZip(bytes).map((e) => {
    if (e.name !== path) return e;
    const raw = e.raw.slice();
    raw[Math.floor(raw.length / 2)] ^= 0xff;
    return { ...e, raw };
  }));
}

/**
 * From now on, reading the content types part fails as a damaged part does. (The part is read as the
 * workbook is opened, to tell worksheets from other parts, and again only when writing.)
 */
function contentTypesDamagedFromNow(): void {
  const text = XlsxPackage.prototype.text;
  jest.spyOn(XlsxPackage.prototype, "text").mockImplementation(function (this: XlsxPackage, path: string, limit?: number) {
    if (path === "[Content_Types].xml") return Promise.reject(new PackageError('its part "[Content_Types].xml" is damaged'));
    return text.call(this, path, limit);
  });
}

/** The bytes with one part's text replaced. */
async function replaced(bytes: Uint8Array, path: string, text: string): Promise<Uint8Array> {
  const out: ZipEntry[] = [];
  for (const e of readZip(bytes)) out.push(e.name === path ? await newEntry(e.name, [text]) : e);
  return writeZip(out);
}

/** A written workbook without the summary sheet: writing again adds one (a new relationship) first. */
async function writtenWithoutSummary(): Promise<Uint8Array> {
  const wb = await XlsxWorkbook.fromBuffer(await rosterWorkbookBytes());
  const out = output();
  await wb.write({ ...out, sheets: out.sheets.filter((s) => s.name !== OWNED[0]) });
  return wb.toBuffer();
}

async function worksheetRelationships(wb: XlsxWorkbook): Promise<{ ids: string[]; listed: string[] }> {
  const pkg = await XlsxPackage.open(await wb.toBuffer());
  const rels = await pkg.relationships("xl/workbook.xml");
  return {
    ids: rels.filter((r) => r.type.endsWith("/worksheet")).map((r) => r.id).sort(),
    listed: workbookPart.listSheets((await pkg.text("xl/workbook.xml"))!).map((s) => s.relationshipId).sort(),
  };
}

describe("a write that fails part way changes nothing", () => {
  afterEach(() => jest.restoreAllMocks());

  it("when an owned sheet to be rewritten is damaged, after a new sheet's relationship was worked out", async () => {
    const before = await writtenWithoutSummary();
    const bytes = damaged(before, await partOf(before, OWNED[1]));
    const wb = await XlsxWorkbook.fromBuffer(bytes);
    const error = await wb.write(output()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as Error).message).toMatch(/^The sheet "ARRS Claim Lines" in this workbook is damaged: open the workbook in Excel and save it again, then try again/);
    expect(entries(await wb.toBuffer())).toEqual(entries(bytes));
  });

  it("when the content types part is damaged, the last thing read before the changes are made", async () => {
    const bytes = await writtenWithoutSummary();
    const wb = await XlsxWorkbook.fromBuffer(bytes);
    contentTypesDamagedFromNow();
    await expect(wb.write(output())).rejects.toThrow(/^This workbook is damaged: open it in Excel and save it again/);
    jest.restoreAllMocks();
    expect(entries(await wb.toBuffer())).toEqual(entries(bytes));
  });

  it("a damaged content types part is refused as the workbook is opened (it says which parts are worksheets)", async () => {
    await expect(XlsxWorkbook.fromBuffer(damaged(await rosterWorkbookBytes(), "[Content_Types].xml"))).rejects.toThrow(/^This workbook is damaged/);
  });

  it("when a later step fails, and a retry on the same open workbook leaves no dangling or doubled relationship", async () => {
    const bytes = await rosterWorkbookBytes();
    const wb = await XlsxWorkbook.fromBuffer(bytes);
    const addSheet = workbookPart.addSheet;
    jest.spyOn(workbookPart, "addSheet").mockImplementationOnce((xml, name, id) => addSheet(xml, name, id)).mockImplementationOnce(() => { throw new Error("a step that fails"); });
    await expect(wb.write(output())).rejects.toThrow("a step that fails");
    expect(entries(await wb.toBuffer())).toEqual(entries(bytes));

    await wb.write(output());
    expect(await wb.sheetNames()).toEqual(["Cover", "Staff", "ARRS max reimb 25-26", ...OWNED]);
    const { ids, listed } = await worksheetRelationships(wb);
    expect(ids).toEqual(listed);
    expect(ids).toHaveLength(6);
  });
});

describe("a removal that fails part way changes nothing", () => {
  it("when a sheet after the roster is damaged, once the roster's columns were worked out", async () => {
    const wb = await XlsxWorkbook.fromBuffer(await rosterWorkbookBytes());
    await wb.write(output());
    const written = await wb.toBuffer();
    const bytes = damaged(written, await partOf(written, "ARRS max reimb 25-26"));
    const copy = await XlsxWorkbook.fromBuffer(bytes);
    await expect(copy.removeOutput()).rejects.toThrow(/^The sheet "ARRS max reimb 25-26" in this workbook is damaged: open the workbook in Excel and save it again/);
    expect(entries(await copy.toBuffer())).toEqual(entries(bytes));
  });

  it("when the content types part is damaged", async () => {
    const wb = await XlsxWorkbook.fromBuffer(await rosterWorkbookBytes());
    await wb.write(output());
    const bytes = await wb.toBuffer();
    const copy = await XlsxWorkbook.fromBuffer(bytes);
    contentTypesDamagedFromNow();
    await expect(copy.removeOutput()).rejects.toThrow(/This workbook is damaged/);
    jest.restoreAllMocks();
    expect(entries(await copy.toBuffer())).toEqual(entries(bytes));
  });
});

describe("damaged parts are the user's file, not the tool's bug", () => {
  it("a workbook part that is not XML is refused in words", async () => {
    const good = await rawWorkbook({ name: "Staff", xml: longSheetXml(3) });
    for (const text of ["", "not xml", "<>"]) {
      const error = await XlsxWorkbook.fromBuffer(await replaced(good, "xl/workbook.xml", text)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkbookFileError);
      expect((error as Error).message).toMatch(/^This workbook is damaged: open it in Excel and save it again as an Excel Workbook \(\.xlsx\), then try again \(.*\)\.$/);
    }
  });

  it("a fault in the tool itself is not dressed up as a damaged file", async () => {
    jest.spyOn(XlsxPackage.prototype, "workbookPath").mockRejectedValueOnce(new TypeError("a bug"));
    await expect(XlsxWorkbook.fromBuffer(await rosterWorkbookBytes())).rejects.toThrow(new TypeError("a bug"));
    jest.restoreAllMocks();
  });
});

describe("a sheet over the size limit", () => {
  afterEach(() => jest.restoreAllMocks());

  it("is refused on the size its zip entry records, before it is inflated", async () => {
    const bytes = await rawWorkbook({ name: "Staff", xml: longSheetXml(2000) });
    const byBytes = await XlsxWorkbook.fromBuffer(bytes, { rows: 1e6, bytes: 10_000 });
    await expect(byBytes.readSheet("Staff")).rejects.toThrow(/^The sheet "Staff" holds 0 MB of data; the checker reads at most 0 MB a sheet\./);
  });

  it("over the row limit is refused with its rows counted, as it is read", async () => {
    const bytes = await rawWorkbook({ name: "Staff", xml: longSheetXml(2000) });
    const wb = await XlsxWorkbook.fromBuffer(bytes, { rows: 1000, bytes: 1e9 });
    await expect(wb.readSheet("Staff")).rejects.toThrow('The sheet "Staff" has 2,000 rows; the checker reads at most 1,000.');
  });

  it("that is damaged is named as damaged", async () => {
    const bytes = damaged(await rawWorkbook({ name: "Staff", xml: longSheetXml(2000) }), "xl/worksheets/sheet1.xml");
    const wb = await XlsxWorkbook.fromBuffer(bytes, { rows: 10_000, bytes: 1e9 });
    await expect(wb.readSheet("Staff")).rejects.toThrow(/^The sheet "Staff" in this workbook is damaged/);
  });
});

describe("the pieces underneath", () => {
  it("adding a relationship is pure: the new text and id, nothing changed", () => {
    const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="t" Target="styles.xml"/></Relationships>';
    const added = withRelationship(rels, "xl/workbook.xml", "t", "xl/worksheets/sheet2.xml");
    expect(added.id).toBe("rId4");
    expect(added.xml).toBe(rels.replace("</Relationships>", '<Relationship Id="rId4" Type="t" Target="worksheets/sheet2.xml"/></Relationships>'));
    expect(withRelationship(null, "xl/workbook.xml", "t", "xl/styles.xml").xml).toContain('<Relationship Id="rId1" Type="t" Target="styles.xml"/></Relationships>');
  });

  it("a package edit changes the package only when applied", async () => {
    const pkg = await XlsxPackage.open(await rosterWorkbookBytes());
    const rels = await pkg.text("xl/_rels/workbook.xml.rels");
    const edit = new PackageEdit(pkg);
    const id = await edit.addRelationship("xl/workbook.xml", "t", "xl/worksheets/sheet9.xml");
    await edit.setContentType("xl/worksheets/sheet9.xml", "c");
    edit.set("xl/worksheets/sheet9.xml", "<worksheet/>");
    edit.remove("xl/worksheets/sheet1.xml");
    expect(await edit.text("xl/_rels/workbook.xml.rels")).toContain(`Id="${id}"`);
    expect(await edit.text("xl/worksheets/sheet1.xml")).toBeNull();
    expect(await pkg.text("xl/_rels/workbook.xml.rels")).toBe(rels);
    expect(pkg.has("xl/worksheets/sheet9.xml")).toBe(false);
    expect(pkg.has("xl/worksheets/sheet1.xml")).toBe(true);
    edit.apply();
    expect(await pkg.text("xl/_rels/workbook.xml.rels")).toContain(`Id="${id}"`);
    expect(await pkg.text("[Content_Types].xml")).toContain('<Override PartName="/xl/worksheets/sheet9.xml" ContentType="c"/>');
    expect(pkg.has("xl/worksheets/sheet9.xml")).toBe(true);
    expect(pkg.has("xl/worksheets/sheet1.xml")).toBe(false);
  });

  it("rows are counted by the scanner that reads the sheet: any prefix, only inside <sheetData>", () => {
    const cols = Array.from({ length: 3000 }, (_, i) => `<x:col min="${i + 1}" max="${i + 1}"/>`).join("");
    expect(countRows(`<x:worksheet xmlns:x="m"><x:cols>${cols}</x:cols><x:sheetData><x:row r="1"/><x:row r="2"><x:c/></x:row><x:rowBreaks/></x:sheetData></x:worksheet>`)).toBe(2);
    expect(countRows("<worksheet><!-- <row/> --><sheetData><row><c/></row><row/><rowPr/></sheetData><row/></worksheet>")).toBe(2);
    expect(countRows(new TextEncoder().encode(longSheetXml(300)))).toBe(300);
  });

  it("rows counted in pieces, split anywhere, are the rows counted at once", () => {
    const samples = [
      longSheetXml(300),
      '<x:worksheet xmlns:x="m"><!-- <x:row/> --><x:sheetData><x:row r="1"/><x:row r="2"><x:c/></x:row><x:rowBreaks/></x:sheetData></x:worksheet>',
      '<worksheet><sheetData><row><c t="inlineStr"><is><t><![CDATA[<row>]]></t></is></c></row><row a=">"/><rowPr/></sheetData></worksheet>',
    ].map((xml) => new TextEncoder().encode(xml));
    for (const xml of samples) {
      const expected = countRows(xml);
      for (const size of [1, 2, 3, 5, 7, 64, 4095, 5000]) {
        const counter = new RowCounter();
        for (let at = 0; at < xml.length; at += size) counter.add(xml.subarray(at, at + size));
        expect([size, counter.finish()]).toEqual([size, expected]);
      }
    }
    expect(countRows(samples[2])).toBe(2);
  });

  it("a part is inflated within bounds: its recorded size, a cap, and a ratio no real part has", async () => {
    const text = longSheetXml(500);
    const entry = await newEntry("a.xml", [text]);
    expect(new TextDecoder().decode(await entryBytes(entry, 1e9))).toBe(text);
    const raw = entry.raw.slice();
    raw[Math.floor(raw.length / 2)] ^= 0xff;
    await expect(entryBytes({ ...entry, raw }, 1e9)).rejects.toThrow('its part "a.xml" is damaged');
    // Inflating past what the entry records: damaged, found in the first piece past it.
    await expect(entryBytes({ ...entry, uncompressedSize: 100 }, 1e9)).rejects.toThrow('its part "a.xml" is damaged');
    await expect(entryBytes(entry, 1000)).rejects.toThrow(new ZipLimitError("a.xml", "size", entry.uncompressedSize, 1000));
    const bomb = { ...entry, uncompressedSize: 200 * entry.raw.length };
    await expect(entryBytes(bomb, 1e9)).rejects.toMatchObject({ reason: "ratio", limit: 100 });
  });
});

describe("reading again after a write on the same open workbook (the browser tab's second check)", () => {
  it("reads the dates the write just added as dates, not as their serial numbers", async () => {
    const wb = await XlsxWorkbook.fromBuffer(await rosterWorkbookBytes());
    const roster = rosterRead({ sheetName: "Staff", headerRowNumber: 3, lastColumn: 7, rowNumbers: [4] });
    const result = checkResult({ staff: [person({ rowNumber: 4, name: "Asha Patel" })] });
    await wb.write(buildWorkbookOutput(result, roster, { generatedOn: "2025-09-15", rosterSheet: "Staff" }));
    const lines = await wb.readSheet("ARRS Claim Lines");
    // The table below the claim header block, found by its header row; its date columns by their headers.
    const header = lines.values.findIndex((row) => row[0] === "Month");
    expect(header).toBeGreaterThan(0);
    const rows = lines.values.slice(header + 1);
    expect(rows.length).toBeGreaterThan(0);
    for (const name of ["Month", "Start date"]) {
      const column = lines.values[header].indexOf(name);
      expect([name, column >= 0]).toEqual([name, true]);
      const dates = rows.map((row) => row[column]).filter((v) => v !== null);
      expect([name, dates.length]).toEqual([name, rows.length]);
      expect([name, dates.every((v) => v instanceof Date)]).toEqual([name, true]);
    }
  });
});
