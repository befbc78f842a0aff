/**
 * Both adapters with a roster sheet per member practice: the tool's columns are written beside each
 * roster, with a name over each (ARRS_Output, ARRS_Output_2, ...); a second run replaces them, a run
 * on fewer sheets clears the others, and removing the output removes every block and every name.
 */
import { readFileSync } from "node:fs";
import { checkWorkbook, type CheckedWorkbook } from "../../src/pipeline/check-workbook";
import { COMMAND_LINE_WORDS, PANE_WORDS } from "../../src/pipeline/door-words";
import type { WorkbookPort } from "../../src/workbook/types";
import { OfficeWorkbook, type ExcelRun } from "../../src/workbook/office-workbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { dumpWorkbook, fixture } from "../helpers/workbooks";
import { FakeExcel } from "./fake-excel";
import ExcelJS from "exceljs";

const SETTINGS = { financialYear: "2025/26", listSize: 40000, weightedPopulation: 42000 };
const TODAY = "2026-11-21";
const ROSTERS = ["Oakwood", "Elm Grove", "Birch Lane"];

async function check(workbook: WorkbookPort, sheets?: string[]): Promise<CheckedWorkbook> {
  const checked = await checkWorkbook(workbook, { words: COMMAND_LINE_WORDS, settings: SETTINGS, today: TODAY, sheets });
  if (checked.kind !== "checked") throw new Error(checked.message);
  return checked;
}

async function definedNames(bytes: Uint8Array): Promise<{ name: string; ranges: string[] }[]> {
  const model = new ExcelJS.Workbook();
  await model.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return model.definedNames.model as { name: string; ranges: string[] }[];
}

describe("the file adapter", () => {
  test("writes the columns beside each roster sheet with a name over each, and removes them all", async () => {
    const original = readFileSync(fixture("three-practices-2025-26.xlsx"));
    const workbook = await XlsxWorkbook.fromBuffer(original);
    await workbook.write((await check(workbook)).output);
    const written = await workbook.toBuffer();
    const cells = await dumpWorkbook(Buffer.from(written), (sheet) => ROSTERS.includes(sheet));
    expect(cells.Oakwood).toEqual(expect.arrayContaining([expect.stringMatching(/^J1="ARRS status"/), expect.stringMatching(/^J2="Warning"/)]));
    expect(cells["Elm Grove"]).toEqual(expect.arrayContaining([expect.stringMatching(/^K1="ARRS status"/), expect.stringMatching(/^K2="Warning"/)]));
    expect(cells["Birch Lane"]).toEqual(expect.arrayContaining([expect.stringMatching(/^J2="Error"/), expect.stringMatching(/^L2=".*DUPLICATE_PERSON/)]));
    expect(await definedNames(written)).toEqual([
      { name: "ARRS_Output", ranges: ["Oakwood!$J$1:$L$3"] },
      { name: "ARRS_Output_2", ranges: ["'Elm Grove'!$K$1:$M$3"] },
      { name: "ARRS_Output_3", ranges: ["'Birch Lane'!$J$1:$L$3"] },
    ]);

    // A second run on two of the sheets: the third sheet's columns and name go.
    const again = await XlsxWorkbook.fromBuffer(written);
    await again.write((await check(again, ["Oakwood", "Birch Lane"])).output);
    const twice = await again.toBuffer();
    expect((await definedNames(twice)).map((n) => n.name)).toEqual(["ARRS_Output", "ARRS_Output_2"]);
    const elm = await dumpWorkbook(Buffer.from(twice), (sheet) => sheet === "Elm Grove");
    expect(elm["Elm Grove"].some((line) => line.includes("ARRS"))).toBe(false);

    const removed = await XlsxWorkbook.fromBuffer(twice);
    expect(await removed.removeOutput()).toEqual({ removedSheets: ["ARRS Claim Summary", "ARRS Claim Lines", "ARRS Settings"], clearedColumns: 6 });
    const after = await removed.toBuffer();
    expect(await definedNames(after)).toEqual([]);
    expect(await dumpWorkbook(Buffer.from(after))).toEqual(await dumpWorkbook(original));
  });
});

describe("the Office adapter", () => {
  const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
  function practicesInExcel(): FakeExcel {
    const excel = new FakeExcel();
    excel.addSheet("Front");
    excel.setValues("Front", "A1", [["Riverside PCN"]]);
    for (const [sheet, name] of [["Oakwood", "Sam Okafor"], ["Birch Lane", "Ana Silva"]]) {
      excel.addSheet(sheet);
      excel.setValues(sheet, "A1", [
        ["Name", "Role", "WTE", "Start date", "Annual salary", "Employer NI", "Employer pension"],
        [name, "Clinical Pharmacist", 0.6, utc(2025, 4, 1), 30000, 3750, 4314],
      ]);
    }
    return excel;
  }
  const office = (excel: FakeExcel) => new OfficeWorkbook({ run: excel.run as unknown as ExcelRun, requirementSetSupported: (name) => name === "ExcelApi" });

  test("writes the columns beside each roster sheet with a name over each, and removes them all", async () => {
    const excel = practicesInExcel();
    const before = JSON.stringify(excel.snapshot());
    const checked = await checkWorkbook(office(excel), { words: PANE_WORDS, settings: SETTINGS, today: TODAY });
    if (checked.kind !== "checked") throw new Error(checked.message);
    expect(checked.sheets.read).toEqual(["Oakwood", "Birch Lane"]);
    await office(excel).write(checked.output);
    for (const sheet of ["Oakwood", "Birch Lane"]) {
      expect(excel.cell(sheet, "I1")!.value).toBe("ARRS status");
      expect(excel.cell(sheet, "I2")!.value).toBe("OK");
    }
    expect([...excel.names.values()].map((n) => [n.name, excel.sheets.find((s) => s.id === n.sheetId)!.name, n.rect])).toEqual([
      ["ARRS_Output", "Oakwood", { row: 0, col: 8, rows: 2, cols: 3 }],
      ["ARRS_Output_2", "Birch Lane", { row: 0, col: 8, rows: 2, cols: 3 }],
    ]);

    // A second run replaces the first: the same two names, nothing added.
    await office(excel).write(checked.output);
    expect([...excel.names.values()].map((n) => n.name)).toEqual(["ARRS_Output", "ARRS_Output_2"]);

    expect(await office(excel).removeOutput()).toEqual({ removedSheets: ["ARRS Claim Summary", "ARRS Claim Lines", "ARRS Settings"], clearedColumns: 6 });
    expect(excel.names.size).toBe(0);
    expect(JSON.stringify(excel.snapshot())).toBe(before);
  });
});
