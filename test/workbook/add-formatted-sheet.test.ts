/**
 * Adding the rates sheet (a new sheet with the tool's formats, its first blank cell selected) through
 * both adapters: the Office.js one against the fake Excel, and the file one on .xlsx bytes. Neither
 * writes over a sheet that is there, whatever the case of its name.
 */
import ExcelJS from "exceljs";
import { financialYearStarting } from "../../src/common/dates";
import { buildRatesTemplate } from "../../src/report/rates-template";
import { RuleSet } from "../../src/rules/ruleset";
import { OfficeWorkbook, type ExcelRun } from "../../src/workbook/office-workbook";
import { XlsxPackage } from "../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { FakeExcel } from "./fake-excel";
import { rosterWorkbookBytes } from "./workbooks";

const template = buildRatesTemplate(new RuleSet(), financialYearStarting(2026));
const NAME = "ARRS max reimb 26-27";

function office(excel: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook({ run: excel.run as unknown as ExcelRun, requirementSetSupported: () => true });
}

describe("Office.js adapter", () => {
  function excelWithRoster(): FakeExcel {
    const excel = new FakeExcel();
    excel.addSheet("Staff");
    excel.setValues("Staff", "A1", [["Name", "Role"], ["Asha", "Clinical Pharmacist"]]);
    return excel;
  }

  it("adds the sheet with its values, formats, widths and frozen header, activates it and selects the first blank, in one undo step", async () => {
    const excel = excelWithRoster();
    const before = excel.snapshot();
    await office(excel).addFormattedSheet(template.sheet, { select: template.firstBlank });
    expect(template.firstBlank).toBe("C7");
    const sheet = excel.sheet(NAME);
    expect(excel.values(NAME)[0][0]).toBe("ARRS maximum reimbursable amounts 2026/27");
    expect(excel.values(NAME)[5].slice(0, 3)).toEqual(["Role", "AfC band", "National"]);
    expect(sheet.frozenRows).toBe(6);
    expect(sheet.widths.size).toBe(template.sheet.columnWidths.length);
    // The blank to fill is shaded (the template's "warning" style), and a money format is set.
    expect(excel.cell(NAME, "C7")?.value).toBeUndefined();
    expect(excel.cell(NAME, "C7")?.style?.fill).toBeTruthy();
    expect(excel.cell(NAME, "G7")?.format).toMatch(/£/);
    expect(excel.activeSheetId).toBe(sheet.id);
    expect(excel.selection).toEqual({ sheetId: sheet.id, rect: { row: 6, col: 2, rows: 1, cols: 1 } });
    expect(excel.runs).toEqual([{ mergeUndoGroup: true }]);
    // The roster is as it was.
    const after = excel.snapshot() as { sheets: { name: string }[] };
    expect(after.sheets[0]).toEqual((before as { sheets: unknown[] }).sheets[0]);
  });

  it("refuses a name in use, in any case, and changes nothing", async () => {
    const excel = excelWithRoster();
    excel.addSheet("arrs max REIMB 26-27");
    excel.setValues("arrs max REIMB 26-27", "A1", [["Clinical Pharmacist", 70000]]);
    const before = excel.snapshot();
    await expect(office(excel).addFormattedSheet(template.sheet, { select: "C7" })).rejects.toThrow(`A sheet named "${NAME}" already exists. Rename or delete it, then try again.`);
    expect(excel.snapshot()).toEqual(before);
  });

  it("selects a cell on a sheet that is there", async () => {
    const excel = excelWithRoster();
    await office(excel).selectCell("Staff", "B2");
    expect(excel.selection).toEqual({ sheetId: excel.sheet("Staff").id, rect: { row: 1, col: 1, rows: 1, cols: 1 } });
    await expect(office(excel).selectCell("Gone", "A1")).rejects.toThrow('There is no sheet named "Gone" in this workbook.');
  });
});

describe("file adapter", () => {
  it("adds the sheet last, with its first blank as the selected cell, and leaves every other sheet's part as it was", async () => {
    const bytes = await rosterWorkbookBytes();
    const wb = await XlsxWorkbook.fromBuffer(bytes);
    const names = await wb.sheetNames();
    await wb.addFormattedSheet(template.sheet, { select: template.firstBlank });
    expect(await wb.sheetNames()).toEqual([...names, NAME]);
    const saved = await wb.toBuffer();

    const model = new ExcelJS.Workbook();
    await model.xlsx.load(saved as unknown as ExcelJS.Buffer);
    const ws = model.getWorksheet(NAME)!;
    expect(ws.getCell("A1").value).toBe("ARRS maximum reimbursable amounts 2026/27");
    expect(ws.getCell("A7").value).toBe("Clinical Pharmacist");
    expect(ws.getCell("C7").value).toBeNull();
    expect(ws.getCell("C7").fill).toMatchObject({ type: "pattern" });
    expect(ws.getCell("G7").numFmt).toMatch(/£/);

    const pkgBefore = await XlsxPackage.open(bytes);
    const pkgAfter = await XlsxPackage.open(saved);
    const added = pkgAfter.paths().filter((p) => !pkgBefore.has(p));
    expect(added).toHaveLength(1);
    const sheetXml = (await pkgAfter.text(added[0]))!;
    expect(sheetXml).toContain('<selection pane="bottomLeft" activeCell="C7" sqref="C7"/>');
    for (const path of pkgBefore.paths().filter((p) => p.startsWith("xl/worksheets/"))) {
      expect({ path, text: await pkgAfter.text(path) }).toEqual({ path, text: await pkgBefore.text(path) });
    }
  });

  it("refuses a name in use, in any case, and changes nothing", async () => {
    const model = new ExcelJS.Workbook();
    model.addWorksheet("Staff").addRow(["Name", "Role"]);
    model.addWorksheet("ARRS MAX reimb 26-27").addRow(["Clinical Pharmacist", 70000]);
    const bytes = new Uint8Array(await model.xlsx.writeBuffer());
    const wb = await XlsxWorkbook.fromBuffer(bytes);
    await expect(wb.addFormattedSheet(template.sheet, { select: "C7" })).rejects.toThrow(`A sheet named "${NAME}" already exists.`);
    const [before, after] = [await XlsxPackage.open(bytes), await XlsxPackage.open(await wb.toBuffer())];
    expect(after.paths()).toEqual(before.paths());
    for (const path of before.paths()) expect({ path, text: await after.text(path) }).toEqual({ path, text: await before.text(path) });
  });
});
