/**
 * Issue 18 point 8: every sheet the tool writes prints landscape, one page wide, with its header rows
 * repeated and a footer naming the sheet and the page, from both adapters.
 */
import JSZip from "jszip";
import { buildWorkbookOutput } from "../../src/report/build";
import { printSettingsOf } from "../../src/report/print";
import type { WorkbookOutput } from "../../src/report/types";
import { OfficeWorkbook, type ExcelRun } from "../../src/workbook/office-workbook";
import { printXml } from "../../src/workbook/xlsx/owned-sheet";
import { setPrintTitles } from "../../src/workbook/xlsx/workbook-part";
import { checkResult, person, rosterRead } from "../report/fixtures";
import { FakeExcel } from "./fake-excel";
import { load, rosterWorkbookBytes } from "./workbooks";

function output(): WorkbookOutput {
  const result = checkResult({ staff: [person({ rowNumber: 4, name: "Asha Patel", salary: 45000 })] });
  const roster = rosterRead({ sheetName: "Staff", headerRowNumber: 3, lastColumn: 7, rowNumbers: [4] });
  return buildWorkbookOutput(result, roster, { generatedOn: "2025-09-15", rosterSheet: "Staff" });
}

describe("print settings as data", () => {
  test("the summary repeats its title; other sheets their frozen header rows; all landscape, one page wide", () => {
    const out = output();
    for (const sheet of out.sheets) {
      const print = printSettingsOf(sheet);
      expect(print).toMatchObject({ landscape: true, fitToWidth: 1 });
      expect(print.repeatRows ?? 0).toBe(sheet.name === "ARRS Claim Summary" ? 1 : (sheet.freezeRows ?? 0));
    }
  });

  test("the worksheet part's print elements, in schema order", () => {
    const xml = printXml({ name: "ARRS Claim Lines", rows: [], columnWidths: [], freezeRows: 1 });
    expect(xml).toBe('<printOptions horizontalCentered="1"/>'
      + '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>'
      + '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
      + "<headerFooter><oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>");
  });

  test("Print_Titles is scoped to the sheet by position, replaced not added, and removed with null", () => {
    const book = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets>'
      + '<sheet name="Staff" sheetId="1" r:id="rId1"/><sheet name="ARRS Claim Lines" sheetId="2" r:id="rId2"/></sheets>'
      + '<definedNames><definedName name="Payroll">Staff!$E$4:$E$7</definedName></definedNames></workbook>';
    const once = setPrintTitles(book, "ARRS Claim Lines", "'ARRS Claim Lines'!$1:$1");
    const twice = setPrintTitles(once, "ARRS Claim Lines", "'ARRS Claim Lines'!$1:$2");
    expect(twice).toContain('<definedName name="Payroll">Staff!$E$4:$E$7</definedName>');
    expect(twice.match(/_xlnm\.Print_Titles/g)).toHaveLength(1);
    expect(twice).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'ARRS Claim Lines'!$1:$2</definedName>`);
    expect(setPrintTitles(twice, "ARRS Claim Lines", null)).not.toContain("Print_Titles");
    expect(setPrintTitles(book, "No such sheet", "x")).toBe(book);
  });
});

describe("the file adapter writes them", () => {
  test("each owned sheet part has the page setup and footer; the workbook part a Print_Titles per sheet with header rows", async () => {
    const wb = await load(await rosterWorkbookBytes());
    const out = output();
    await wb.write(out);
    await wb.write(out); // a second run replaces the names, never doubles them
    const zip = await JSZip.loadAsync(await wb.toBuffer());
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    const sheetNames = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const titles = [...workbookXml.matchAll(/<definedName name="_xlnm\.Print_Titles" localSheetId="(\d+)">([^<]*)</g)]
      .map((m) => [sheetNames[Number(m[1])], m[2].replace(/&apos;/g, "'")]);
    const expected = out.sheets.filter((s) => (printSettingsOf(s).repeatRows ?? 0) > 0)
      .map((s) => [s.name, `'${s.name}'!$1:$${printSettingsOf(s).repeatRows}`]);
    expect(titles.sort()).toEqual(expected.sort());
    expect(titles.map(([name]) => name)).toContain("ARRS Claim Summary");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    for (const sheet of out.sheets) {
      const id = new RegExp(`<sheet [^>]*name="${sheet.name}"[^>]*r:id="([^"]+)"`).exec(workbookXml)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
      const part = await zip.file(`xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`)!.async("string");
      expect(part).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
      expect(part).toContain('orientation="landscape" fitToWidth="1" fitToHeight="0"');
      expect(part).toContain("<oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter>");
    }
  });
});

describe("the Office adapter writes them", () => {
  test("orientation, one page wide, title rows and footers on each owned sheet", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Staff");
    excel.setValues("Staff", "A3", [["Name", "Role", "WTE", "Start", "Salary", "Link", "Note"], ["Asha Patel", "Clinical Pharmacist", 1, 45748, 45000, null, null]]);
    const wb = new OfficeWorkbook({ run: excel.run as unknown as ExcelRun, requirementSetSupported: () => true });
    const out = output();
    await wb.write(out);
    for (const sheet of out.sheets) {
      const repeat = printSettingsOf(sheet).repeatRows ?? 0;
      expect(excel.sheet(sheet.name).print).toEqual({
        orientation: "Landscape",
        zoom: { horizontalFitToPages: 1 },
        ...(repeat > 0 ? { titleRows: `$1:$${repeat}` } : {}),
        leftFooter: "&A",
        rightFooter: "Page &P of &N",
      });
    }
    // The roster sheet is the user's: its print settings are left alone.
    expect(excel.sheet("Staff").print).toEqual({});
  });
});
