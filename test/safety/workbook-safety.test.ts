/**
 * "It never damages a workbook", for the file door (ExcelJS). For the sample, every fixture that can
 * be checked, and a copy of the sample dressed with everything a real workbook has (merges, formulas,
 * names, conditional formats, validations, a hidden sheet, notes, links, rich text, widths, heights):
 *   1. after a run, everything outside what the tool owns (its three sheets; its roster columns, from
 *      their header down) is exactly as before;
 *   2. a second run, on the first run's output, leaves every cell of every sheet exactly as the first;
 *   3. "Remove ARRS output" gives back the original: everything, except that a pre-existing ARRS
 *      Settings sheet goes too. That sheet is the tool's own (it writes it on every run, and reads it
 *      back); removal takes every trace of the tool, so it is compared with the original without it.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { OWNED_SHEET_NAMES } from "../../src/common/owned";
import { checkWorkbook } from "../../src/pipeline/check-workbook";
import { COMMAND_LINE_WORDS } from "../../src/pipeline/door-words";
import type { RequestedSettings } from "../../src/pipeline/settings";
import { FileWorkbook } from "../helpers/file-workbook";
import { fixture, SAMPLE } from "../helpers/workbooks";
import { differences, loadWorkbook, snapshotOf, type OwnedColumns } from "./snapshot";

const TODAY = "2026-11-21";

/** The sample, with everything a hand-kept workbook may hold, in and around the roster. */
async function dressedSample(): Promise<Buffer> {
  const wb = await loadWorkbook(readFileSync(SAMPLE));
  const roster = wb.getWorksheet("Roster 2025-26")!;
  const notes = wb.getWorksheet("Notes")!;
  // A title merged across the page above the header, over where the tool's columns go (P:R).
  roster.mergeCells("A1:T1");
  roster.getCell("A1").alignment = { horizontal: "center" };
  // A footnote below the roster, merged across the tool's columns.
  roster.getCell("B30").value = "Footnote: salaries are as at 1 April; see payroll for changes.";
  roster.mergeCells("B30:T30");
  // The user's own things to the right of where the tool's columns go (above the header, or values
  // there would make them part of the table and move the tool's columns further right).
  roster.getCell("T2").value = "checked by JB";
  roster.getCell("U8").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  roster.getColumn(20).width = 25;
  roster.getColumn(21).hidden = true;
  // Formulas, a hyperlink, rich text, a note, a row height, formats, a validation, a conditional format.
  roster.getCell("A29").value = { formula: "SUM(I5:I27)", result: 1234567 } as ExcelJS.CellFormulaValue;
  roster.getCell("A29").numFmt = "£#,##0.00";
  roster.getCell("C5").note = "Moved from Oakwood in May";
  roster.getRow(5).height = 30;
  roster.getCell("N5").value = { text: "HR record", hyperlink: "https://example.org/hr/1" };
  roster.getCell("N6").value = { richText: [{ text: "Bold", font: { bold: true } }, { text: " and plain" }] };
  roster.getCell("E6").dataValidation = { type: "decimal", operator: "between", allowBlank: true, formulae: [0, 1], showErrorMessage: true };
  roster.addConditionalFormatting({ ref: "E5:E27", rules: [{ type: "cellIs", operator: "greaterThan", formulae: ["1"], priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } } }] });
  roster.properties.tabColor = { argb: "FF00B050" };
  notes.getCell("B10").value = { formula: "COUNTA('Roster 2025-26'!B5:B27)", result: 21 } as ExcelJS.CellFormulaValue;
  notes.getCell("B11").value = { sharedFormula: "B10", result: 21 } as unknown as ExcelJS.CellValue;
  // Names, a hidden sheet, a sheet after the rate sheet.
  wb.definedNames.add("'Roster 2025-26'!$I$5:$I$27", "Salaries");
  const lookups = wb.addWorksheet("Lookups", { state: "hidden" });
  lookups.addRows([["Band", "Rate"], ["5", 0.1438], ["=not a formula", "@also text"]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Case {
  name: string;
  bytes: () => Promise<Buffer>;
  settings: RequestedSettings;
}

const file = (path: string) => async () => readFileSync(path);
// Every setting given (or stored, in the sample's ARRS Settings sheet), so that nothing is assumed:
// see "settings assumed on a first run" below for what changes when something is.
const CASES: Case[] = [
  { name: "sample-pcn-2025-26", bytes: file(SAMPLE), settings: {} },
  { name: "dressed sample", bytes: dressedSample, settings: {} },
  { name: "minimal-2024-25", bytes: file(fixture("minimal-2024-25.xlsx")), settings: { financialYear: "2024/25", listSize: 45000, weightedPopulation: 48000, region: "national" } },
  { name: "caps-2023-24", bytes: file(fixture("caps-2023-24.xlsx")), settings: { financialYear: "2023/24", listSize: 99999, weightedPopulation: 90000, region: "national" } },
  { name: "london-2025-26", bytes: file(fixture("london-2025-26.xlsx")), settings: { financialYear: "2025/26", region: "outer-london", listSize: 70000, weightedPopulation: 76000 } },
  { name: "messy", bytes: file(fixture("messy.xlsx")), settings: { financialYear: "2025/26", region: "national", listSize: 50000, weightedPopulation: 52000 } },
];

/** One run of the file door: read, check, write, save; and where the tool's roster columns went. */
async function run(bytes: Uint8Array, settings: RequestedSettings): Promise<{ bytes: Uint8Array; owned: OwnedColumns; json: unknown }> {
  const workbook = await FileWorkbook.fromBuffer(bytes);
  const checked = await checkWorkbook(workbook, { words: COMMAND_LINE_WORDS, settings, today: TODAY });
  if (checked.kind !== "checked") throw new Error(checked.message);
  await workbook.write(checked.output);
  const columns = checked.output.rosterColumns!;
  const owned = { sheet: columns.sheetName, headerRow: columns.headerRowNumber, firstColumn: columns.firstColumn, lastColumn: columns.firstColumn + columns.headers.length - 1 };
  return { bytes: await workbook.toBuffer(), owned, json: JSON.parse(JSON.stringify(checked.result)) };
}

function expectSame(before: unknown, after: unknown): void {
  expect(differences(before, after)).toEqual([]);
}

describe.each(CASES)("$name", ({ bytes, settings }) => {
  let first: Awaited<ReturnType<typeof run>>;
  // Each workbook loaded into ExcelJS once, for all the tests below (a snapshot only reads it).
  let originalBook: ExcelJS.Workbook;
  let firstBook: ExcelJS.Workbook;
  beforeAll(async () => {
    const original = await bytes();
    first = await run(original, settings);
    [originalBook, firstBook] = await Promise.all([loadWorkbook(original), loadWorkbook(first.bytes)]);
  });

  test("after a run, everything outside the tool's sheets and columns is exactly as before", () => {
    const options = { skipSheets: OWNED_SHEET_NAMES, ownedColumns: [first.owned], skipOwnedName: true };
    expectSame(snapshotOf(originalBook, options), snapshotOf(firstBook, options));
  });

  test("the tool's sheets come after the user's, which keep their order", () => {
    const before = originalBook.worksheets.map((ws) => ws.name);
    const after = firstBook.worksheets.map((ws) => ws.name);
    expect(after.filter((n) => !OWNED_SHEET_NAMES.includes(n))).toEqual(before.filter((n) => !OWNED_SHEET_NAMES.includes(n)));
    expect(after).toEqual(expect.arrayContaining([...OWNED_SHEET_NAMES]));
  });

  test("a second run leaves every cell of every sheet exactly as the first did", async () => {
    const second = await run(first.bytes, settings);
    expect(second.owned).toEqual(first.owned);
    expectSame(snapshotOf(firstBook), snapshotOf(await loadWorkbook(second.bytes)));
    expect(second.json).toEqual(first.json);
  });

  test("Remove ARRS output gives back the original (without an ARRS Settings sheet it had)", async () => {
    const workbook = await FileWorkbook.fromBuffer(first.bytes);
    const removed = await workbook.removeOutput();
    expect(removed.removedSheets).toEqual([...OWNED_SHEET_NAMES]);
    expect(removed.clearedColumns).toBe(first.owned.lastColumn - first.owned.firstColumn + 1);
    const after = snapshotOf(await loadWorkbook(await workbook.toBuffer()));
    expectSame(snapshotOf(originalBook, { skipSheets: ["ARRS Settings"] }), after);
  });
});

describe("settings assumed on a first run", () => {
  test("are stored in ARRS Settings, so the second run no longer notes them; from then on every run is identical", async () => {
    const original = readFileSync(fixture("caps-2023-24.xlsx"));
    const first = await run(original, { listSize: 99999 });
    const second = await run(first.bytes, { listSize: 99999 });
    const third = await run(second.bytes, { listSize: 99999 });
    const codes = (json: unknown) => (json as { findings: { code: string }[] }).findings.map((f) => f.code);
    expect(codes(first.json).filter((c) => c === "SETTING_ASSUMED")).toHaveLength(2); // the year (from the sheet's name) and the region
    expect(codes(second.json)).toEqual(codes(first.json).filter((c) => c !== "SETTING_ASSUMED"));
    const withoutFindings = (json: unknown) => ({ ...(json as object), findings: undefined });
    expect(withoutFindings(second.json)).toEqual(withoutFindings(first.json));
    expectSame(snapshotOf(await loadWorkbook(second.bytes)), snapshotOf(await loadWorkbook(third.bytes)));
  });
});

describe("merged cells of the user's reaching into the tool's columns", () => {
  async function withMerge(cells: string, row: number): Promise<Buffer> {
    const wb = await loadWorkbook(readFileSync(SAMPLE));
    const roster = wb.getWorksheet("Roster 2025-26")!;
    if (!roster.getCell(`B${row}`).value) roster.getCell(`B${row}`).value = "Footnote across the page";
    roster.mergeCells(cells);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  test("a footnote merged across them below the roster keeps its text, and removal keeps it too", async () => {
    const original = await withMerge("B30:T30", 30);
    const first = await run(original, {});
    const after = await loadWorkbook(first.bytes);
    expect(after.getWorksheet("Roster 2025-26")!.getCell("B30").value).toBe("Footnote across the page");
    const workbook = await FileWorkbook.fromBuffer(first.bytes);
    await workbook.removeOutput();
    expectSame(snapshotOf(await loadWorkbook(original), { skipSheets: ["ARRS Settings"] }), snapshotOf(await loadWorkbook(await workbook.toBuffer())));
  });

  test("on a staff row, where the tool must write, the write is refused before anything changes", async () => {
    // Row 5 is a person; merging C5:R5 would put "OK" over the practice name.
    const workbook = await FileWorkbook.fromBuffer(await withMerge("C5:R5", 5));
    const checked = await checkWorkbook(workbook, { words: COMMAND_LINE_WORDS, settings: {}, today: TODAY });
    if (checked.kind !== "checked") throw new Error(checked.message);
    const before = snapshotOf(await loadWorkbook(await workbook.toBuffer()));
    await expect(workbook.write(checked.output)).rejects.toThrow(/^Cell P5 on "Roster 2025-26" is part of merged cells starting at C5, where the ARRS columns would go\. Nothing was written; unmerge those cells/);
    expectSame(before, snapshotOf(await loadWorkbook(await workbook.toBuffer())));
  });
});

describe("the comparison itself", () => {
  test("notices a change to a user's cell, style, width, merge, name or sheet order", async () => {
    const original = await loadWorkbook(await dressedSample());
    const base = snapshotOf(original);
    expect((base as { definedNames: unknown[] }).definedNames).toEqual([{ name: "Salaries", ranges: ["'Roster 2025-26'!$I$5:$I$27"] }]);
    const changes: ((wb: ExcelJS.Workbook) => void)[] = [
      (wb) => { wb.getWorksheet("Notes")!.getCell("A3").value = "changed"; },
      (wb) => { wb.getWorksheet("Notes")!.getCell("A1").font = { bold: false }; },
      (wb) => { wb.getWorksheet("Roster 2025-26")!.getCell("I5").numFmt = "0"; },
      (wb) => { wb.getWorksheet("Roster 2025-26")!.getColumn(2).width = 5; },
      (wb) => { wb.getWorksheet("Roster 2025-26")!.unMergeCells("B30:T30"); },
      (wb) => { wb.definedNames.model = wb.definedNames.model.filter((n) => n.name !== "Salaries"); },
      (wb) => { wb.getWorksheet("Notes")!.getCell("B10").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue; },
      (wb) => { wb.getWorksheet("Lookups")!.state = "visible"; },
      (wb) => { wb.removeWorksheet(wb.getWorksheet("Notes")!.id); },
    ];
    for (const [i, change] of changes.entries()) {
      const copy = await loadWorkbook(Buffer.from(await original.xlsx.writeBuffer()));
      change(copy);
      const found = differences(base, snapshotOf(await loadWorkbook(Buffer.from(await copy.xlsx.writeBuffer()))));
      expect({ change: i, noticed: found.length > 0 }).toEqual({ change: i, noticed: true });
    }
    // And an unchanged round trip through ExcelJS is no change.
    expectSame(base, snapshotOf(await loadWorkbook(Buffer.from(await original.xlsx.writeBuffer()))));
  });
});
