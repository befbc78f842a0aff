/**
 * Figures for `npm run bench`: the whole pipeline over the Office.js adapter, against the strict
 * fake Excel, on the benchmark's 50,000-row roster: how many context.sync() calls, and the largest
 * request. Skipped in `npm test` (it is a benchmark, and slow); bench/run.js runs it with
 * ARRS_BENCH=1 and reads test-output/office-figures.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { excelSerialFromIso, isoFromParts } from "../../src/common/dates";
import { checkWorkbook } from "../../src/pipeline/check-workbook";
import { COMMAND_LINE_WORDS } from "../../src/pipeline/door-words";
import type { RequestedSettings } from "../../src/pipeline/settings";
import { OfficeWorkbook, type ExcelRun } from "../../src/workbook/office-workbook";
import { REQUEST_LIMIT_BYTES } from "../../src/workbook/office-requests";
import { FakeExcel } from "../workbook/fake-excel";
// The benchmark's own generator, so the fake holds the same roster as the .xlsx files.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rosterGrid, SETTINGS } = require("../../bench/generate") as {
  rosterGrid: (rows: number) => { sheetName: string; values: unknown[][] };
  SETTINGS: RequestedSettings;
};

const ROWS = Number(process.env.ARRS_BENCH_OFFICE_ROWS ?? 50000);
const OUTPUT = path.join(__dirname, "..", "..", "test-output", "office-figures.json");
const DATE_COLUMNS = new Set([7, 8, 12]);
const MONEY_COLUMNS = new Set([9, 10, 11]);

/** The roster as Excel holds it: dates as serial numbers with a date format, money with a money format. */
function rosterExcel(rows: number): FakeExcel {
  const excel = new FakeExcel();
  const grid = rosterGrid(rows);
  const sheet = excel.addSheet(grid.sheetName);
  grid.values.forEach((values, r) => {
    values.forEach((value, c) => {
      if (value === null || value === undefined) return;
      const cell = sheet.ensure(r, c);
      if (value instanceof Date) {
        cell.value = excelSerialFromIso(isoFromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()));
        cell.format = "dd/mm/yyyy";
      } else {
        cell.value = value as string | number | boolean;
        if (DATE_COLUMNS.has(c) && typeof value === "number") cell.format = "dd/mm/yyyy";
        if (MONEY_COLUMNS.has(c) && typeof value === "number") cell.format = "£#,##0.00";
      }
    });
  });
  return excel;
}

const bench = process.env.ARRS_BENCH ? describe : describe.skip;

bench("Office.js adapter figures", () => {
  it(`checks a ${ROWS.toLocaleString("en-GB")}-row roster inside Excel in few syncs, no request over 4 MB`, async () => {
    const excel = rosterExcel(ROWS);
    const workbook = new OfficeWorkbook({ run: excel.run as unknown as ExcelRun, requirementSetSupported: () => true });
    const started = performance.now();
    const checked = await checkWorkbook(workbook, { words: COMMAND_LINE_WORDS, today: "2026-11-21", settings: SETTINGS });
    if (checked.kind !== "checked") throw new Error(checked.message);
    const reads = excel.syncs.length;
    await workbook.write(checked.output);
    const ms = performance.now() - started;
    const claimLines = checked.output.sheets.find((s) => s.name === "ARRS Claim Lines")!;
    const figures = {
      rows: ROWS,
      staff: checked.result.staff.length,
      syncs: excel.syncs.length,
      readSyncs: reads,
      largestRequestBytes: Math.max(...excel.syncs.map((s) => s.requestBytes)),
      largestResponseBytes: Math.max(...excel.syncs.map((s) => s.responseBytes)),
      writtenBytes: excel.syncs.slice(reads).reduce((sum, s) => sum + s.requestBytes, 0),
      claimLinesSheetRows: claimLines.rows.length,
      claimLinesNote: claimLines.rows.length === 1 ? claimLines.rows[0][0].value : null,
      ms,
    };
    mkdirSync(path.dirname(OUTPUT), { recursive: true });
    writeFileSync(OUTPUT, `${JSON.stringify(figures, null, 2)}\n`);
    expect(figures.syncs).toBeLessThanOrEqual(20);
    expect(figures.largestRequestBytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    expect(figures.largestResponseBytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
  }, 600_000);
});
