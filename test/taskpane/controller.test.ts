/**
 * The task pane's controller without React: settings validation, what is stored with the workbook,
 * messages from errors, and the sample roster's deliberate problems.
 */
import { readSettingsSheet } from "../../src/roster";
import { TaskpaneController } from "../../src/taskpane/controller";
import { userMessageOf } from "../../src/taskpane/messages";
import type { SettingsForm } from "../../src/taskpane/settings-form";
import { SAMPLE_HEADERS, SAMPLE_SHEET_NAME, sampleRosterValues } from "../../src/taskpane/sample-roster";
import { WorkbookFileError } from "../../src/workbook/file-errors";
import { emptyWorkbook, sampleWithoutSettings, sampleWorkbook, spyPort } from "./port";

const today = () => "2025-11-21";
const form = (values: Partial<SettingsForm>): SettingsForm => ({ financialYear: "2025/26", listSize: "", weightedPopulation: "", region: "national", rateFloor: true, ...values });

describe("validateSettings", () => {
  const controller = new TaskpaneController(spyPort(emptyWorkbook()), { today });
  test.each([
    [{ financialYear: "" }, "financialYear", "Enter the financial year to check, for example 2025/26."],
    [{ financialYear: "2025/2027" }, "financialYear", "\"2025/2027\" is not a financial year: write it as 2025/26. A financial year runs from 1 April to 31 March."],
    [{ financialYear: "2018/19" }, "financialYear", "ARRS began on 1 July 2019; 2018/19 is before the scheme. A financial year runs from 1 April to 31 March."],
    [{ listSize: "58.5" }, "listSize", "Enter the list size as a whole number of patients, for example 58,214, or leave it blank."],
    [{ listSize: "-3" }, "listSize", "Enter the list size as a whole number of patients, for example 58,214, or leave it blank."],
    [{ weightedPopulation: "lots" }, "weightedPopulation", "Enter the weighted population as a number, for example 61,532.4, or leave it blank."],
    [{ region: "" as const }, "region", "Choose the region whose maximum amounts the PCN is paid at."],
  ])("%j → %s: %s", (values, field, message) => {
    const result = controller.validateSettings(form(values));
    expect(result).toEqual({ ok: false, errors: { [field]: message } });
  });

  test("good values, written as people write them", () => {
    expect(controller.validateSettings(form({ financialYear: "25-26", listSize: " 58,214 ", weightedPopulation: "61532.4", region: "inner-london" }))).toEqual({
      ok: true,
      settings: { financialYear: "2025/26", listSize: 58214, weightedPopulation: 61532.4, region: "inner-london", rateFloor: true },
    });
    expect(controller.validateSettings(form({}))).toEqual({
      ok: true,
      settings: { financialYear: "2025/26", listSize: null, weightedPopulation: null, region: "national", rateFloor: true },
    });
  });
});

test("load: the roster found, its header row and columns, and the stored settings", async () => {
  const snapshot = await new TaskpaneController(spyPort(await sampleWorkbook()), { today }).load();
  expect(snapshot.sheetNames).toEqual(["Notes", "Roster 2025-26"]);
  expect(snapshot.roster).toMatchObject({ sheetName: "Roster 2025-26", headerRowNumber: 4, staffRows: 21, problem: null });
  expect(snapshot.roster!.columns).toContainEqual({ field: "role", header: "Job title" });
  expect(snapshot.roster!.headers).toContain("Comments");
  expect(snapshot.settings).toEqual({ financialYear: "2025/26", listSize: "58214", weightedPopulation: "61532", region: "national", rateFloor: true });
  expect(snapshot.hasStoredSettings).toBe(true);
  expect(snapshot.firstRun).toBe(false);
});

test("load: a sheet that is not a roster says why", async () => {
  const snapshot = await new TaskpaneController(spyPort(await sampleWorkbook()), { today }).load("Notes");
  expect(snapshot.roster?.sheetName).toBe("Notes");
  expect(snapshot.roster?.problem).toMatch(/header row|role/i);
});

test("load: with no roster found, the reader's reason in the pane's words", async () => {
  const snapshot = await new TaskpaneController(spyPort(emptyWorkbook()), { today }).load();
  expect(snapshot.roster).toBeNull();
  expect(snapshot.rosterProblem).toMatch(/^No roster found: .*Choose the roster's sheet in the Roster sheet list, or add those headers.*Sheets looked at: "Sheet1"\.$/);
  expect(snapshot.rosterProblem).not.toMatch(/--sheet/);
});

test("saving settings in a new workbook writes only the settings sheet, read back as given", async () => {
  const port = spyPort(await sampleWithoutSettings());
  const controller = new TaskpaneController(port, { today });
  expect((await controller.load()).hasStoredSettings).toBe(false);
  await controller.saveSettings({ financialYear: "2024/25", listSize: 101000, weightedPopulation: null, region: "outer-london", rateFloor: false }, "Roster 2025-26");
  expect(port.write).toHaveBeenCalledTimes(1);
  expect(port.write.mock.calls[0][0].rosterColumns).toBeNull();
  const stored = readSettingsSheet(await port.workbook.readSheet("ARRS Settings")).settings;
  expect(stored).toEqual({ financialYear: "2024/25", listSize: 101000, region: "outer-london", rosterSheet: "Roster 2025-26", rateFloor: false });
  expect((await controller.load()).settings.rateFloor).toBe(false);
  // A column saved later keeps the settings, and the next check uses both.
  await controller.saveColumns({ staffId: "Practice" }, "Roster 2025-26");
  const again = readSettingsSheet(await port.workbook.readSheet("ARRS Settings")).settings;
  expect(again).toMatchObject({ financialYear: "2024/25", listSize: 101000, rateFloor: false, columnMapping: { staffId: "Practice" } });
  const view = await controller.check("Roster 2025-26");
  expect(view.financialYear).toBe("2024/25");
});

test("a column saved back to automatic is removed from the settings sheet", async () => {
  const port = spyPort(await sampleWorkbook());
  const controller = new TaskpaneController(port, { today });
  await controller.saveColumns({ employerNi: "Comments" }, "Roster 2025-26");
  expect((await controller.load()).roster!.columns).toContainEqual({ field: "employerNi", header: "Comments" });
  const message = await controller.saveColumns({ employerNi: null }, "Roster 2025-26");
  expect(message).toMatch(/Employer NI from the headers/);
  expect(readSettingsSheet(await port.workbook.readSheet("ARRS Settings")).settings.columnMapping).toBeUndefined();
});

test("userMessageOf: the adapter's userMessage, a file error's message, never a stack", () => {
  expect(userMessageOf(Object.assign(new Error("RichApi.Error"), { userMessage: "Excel is busy: finish editing the cell, then try again." })))
    .toBe("Excel is busy: finish editing the cell, then try again.");
  expect(userMessageOf(new WorkbookFileError("This file is not an .xlsx workbook."))).toBe("This file is not an .xlsx workbook.");
  const unknown = new TypeError("Cannot read properties of undefined (reading 'x')\n    at foo (bar.ts:1:2)");
  const text = userMessageOf(unknown);
  expect(text).toMatch(/^Something went wrong: Cannot read properties of undefined/);
  expect(text).not.toMatch(/bar\.ts|\n/);
  expect(userMessageOf("boom")).toMatch(/^Something went wrong\./);
});

test("the sample roster: a dozen staff for 2025/26 with UK text dates and two deliberate problems", async () => {
  const values = sampleRosterValues();
  expect(values[2]).toEqual(SAMPLE_HEADERS);
  const staff = values.slice(3);
  expect(staff).toHaveLength(12);
  expect(new Set(staff.map((r) => r[1])).size).toBeGreaterThanOrEqual(10);
  for (const row of staff) expect(row[4]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  expect(values.every((row) => row.length === SAMPLE_HEADERS.length)).toBe(true);

  const port = spyPort(emptyWorkbook());
  const controller = new TaskpaneController(port, { today });
  expect((await controller.load()).firstRun).toBe(true);
  expect(await controller.insertSample()).toBe(SAMPLE_SHEET_NAME);
  // A second insert does not clash with the first.
  expect(await controller.insertSample()).toBe(`${SAMPLE_SHEET_NAME} (2)`);
  const view = await controller.check(SAMPLE_SHEET_NAME);
  expect(view.financialYear).toBe("2025/26");
  expect(view.staffRows).toBe(12);
  const errors = view.cards.filter((c) => c.severity === "error").flatMap((c) => c.rows.map((r) => `${r.rowNumber} ${c.code}`));
  expect(errors).toEqual(["14 UNKNOWN_ROLE", "15 INVALID_DATE"]);
});

test("check: how the roster was read, line by line: the columns not used and the rows passed over", async () => {
  const controller = new TaskpaneController(spyPort(await sampleWorkbook()), { today });
  const view = await controller.check("Roster 2025-26");
  expect(view.reading).toEqual(expect.arrayContaining([
    'Column N "Comments" not used: header not recognised.',
    "Row 27 passed over: totals row.",
  ]));
});
