/**
 * "It never damages a workbook", inside Excel: the Office adapter through the strict fake, with the
 * whole pipeline reading the roster first, as the task pane does, and writing when asked.
 *
 * Already covered in test/workbook/office-workbook.test.ts, and not repeated here:
 *   - a protected roster sheet (or a protected sheet of the tool's own) is named, before anything
 *     changes ("Excel's errors in plain English");
 *   - a sheet deleted between two syncs of a write gives the "renamed or deleted" message;
 *   - the first write request lost on the way leaves the workbook as it was, and an area too big for
 *     one request says INCOMPLETE in its header until its last request, and a rerun completes it
 *     ("a sync that fails part way");
 *   - writing refuses the user's data in the target columns and sheets that are not its own.
 * Added here: a request lost (or answered too late) at every point of a write, on a first and on a
 * second run; a sheet renamed or deleted between the read and the write, and during the write.
 */
import { checkWorkbook, type CheckedWorkbook } from "../../src/pipeline/check-workbook";
import { PANE_WORDS } from "../../src/pipeline/door-words";
import { OfficeWorkbook, toUserMessage, type ExcelRun } from "../../src/workbook/office-workbook";
import { FakeExcel } from "../workbook/fake-excel";

const TODAY = "2026-11-21";
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A cover sheet with a formula and a name, a roster with a title above its header, and a rate sheet. */
function workbookInExcel(): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet("Cover");
  excel.setValues("Cover", "A1", [["Oakwood PCN"], ["Roster owner", "J Brown"]]);
  excel.cell("Cover", "A1")!.style = { bold: true, size: 14 };
  excel.sheet("Cover").ensure(2, 1).formula = "=COUNTA(Staff!A3:A9)";
  const staff = excel.addSheet("Staff");
  excel.setValues("Staff", "A1", [["ARRS staff 2025/26"]]);
  staff.merges.push({ row: 0, col: 0, rows: 1, cols: 4 });
  excel.setValues("Staff", "A2", [
    ["Name", "Role", "WTE", "Start date", "End date", "Annual salary", "Employer NI", "Employer pension"],
    ["Asha Patel", "Clinical Pharmacist", 1, utc(2025, 4, 1), null, 45000, 5000, 6471],
    ["Ben Jones", "SPLW", 0.8, utc(2025, 6, 16), utc(2026, 3, 31), 24000, 2000, 3451],
    ["=1+2", "FCP Physio", 0.5, utc(2024, 10, 1), null, 40000, 4000, 5752],
    ["Dee Smith", "Receptionist", 1, utc(2025, 1, 6), null, 21000, 1500, 3000],
  ]);
  excel.cell("Staff", "A5")!.format = "@";
  staff.widths.set(1, 160);
  excel.names.set("salaries", { name: "Salaries", sheetId: staff.id, rect: { row: 2, col: 5, rows: 4, cols: 1 } });
  return excel;
}

function office(excel: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook({ run: excel.run as unknown as ExcelRun, requirementSetSupported: (name) => name === "ExcelApi" });
}

async function check(excel: FakeExcel): Promise<CheckedWorkbook> {
  const checked = await checkWorkbook(office(excel), { words: PANE_WORDS, settings: { financialYear: "2025/26", region: "national", listSize: 60000, weightedPopulation: 62000 }, today: TODAY });
  if (checked.kind !== "checked") throw new Error(checked.message);
  return checked;
}

const json = (value: unknown) => JSON.stringify(value);

/** Messages a user may see when a write stops: each says what happened and what to do. */
const STOPPED = /connection to Excel was lost|took too long|renamed or deleted|run the check again/i;

describe("a request lost at any point of a write", () => {
  /** The workbook before the write, after it, and how many requests the write takes. */
  async function plan(prepare: (excel: FakeExcel) => Promise<void>) {
    const excel = workbookInExcel();
    await prepare(excel);
    const checked = await check(excel);
    const before = json(excel.snapshot());
    const start = excel.syncs.length;
    await office(excel).write(checked.output);
    return { before, complete: json(excel.snapshot()), requests: excel.syncs.length - start };
  }

  const firstRun = async () => {};
  const secondRunAfterAnEdit = async (excel: FakeExcel) => {
    await office(excel).write((await check(excel)).output);
    excel.setValues("Staff", "F4", [[26000]]); // Ben's salary goes up; then the user checks again
    excel.setValues("Staff", "A7", [["Eve Long", "Care coordinator", 1, utc(2025, 9, 1), null, 26000, 2500, 3700]]);
  };

  describe.each([
    ["on a first run", firstRun],
    ["on a second run, after the user edited the roster", secondRunAfterAnEdit],
  ])("%s", (_label, prepare) => {
    test.each([
      ["never reaching Excel", 0],
      ["reaching Excel, its answer lost", Number.MAX_SAFE_INTEGER],
    ])("a request %s leaves the workbook as it was or complete, and a rerun completes it", async (_how, afterCalls) => {
      const { before, complete, requests } = await plan(prepare);
      expect(complete).not.toBe(before);
      for (let failing = 1; failing <= requests; failing++) {
        const excel = workbookInExcel();
        await prepare(excel);
        const checked = await check(excel);
        excel.failSync(excel.syncs.length + failing, "ConnectionFailure", afterCalls);
        const error = await office(excel).write(checked.output).then(() => null, (e: unknown) => e);
        const state = json(excel.snapshot());
        expect({ failing, state: state === before ? "as it was" : state === complete ? "complete" : "half-written" })
          .toEqual({ failing, state: expect.stringMatching(/^(as it was|complete)$/) });
        if (error !== null) expect(toUserMessage(error)).toMatch(STOPPED);
        await office(excel).write(checked.output);
        expect(json(excel.snapshot())).toBe(complete);
      }
    });
  });
});

describe("a sheet renamed or deleted while the task pane is open", () => {
  test("the roster renamed between the read and the write: nothing is written, and the message says why", async () => {
    const excel = workbookInExcel();
    const checked = await check(excel);
    excel.sheet("Staff").name = "Staff 2025-26";
    const before = json(excel.snapshot());
    const error = await office(excel).write(checked.output).then(() => null, (e: unknown) => e);
    expect(toUserMessage(error)).toBe('The sheet "Staff" is no longer in the workbook: it was renamed or deleted after the roster was read. Run the check again.');
    expect(json(excel.snapshot())).toBe(before);
    expect(excel.syncs.filter((s) => s.writes > 0)).toEqual([]);
  });

  test("the roster deleted between the read and the write: nothing is written", async () => {
    const excel = workbookInExcel();
    const checked = await check(excel);
    excel.deleteSheet("Staff");
    const before = json(excel.snapshot());
    const error = await office(excel).write(checked.output).then(() => null, (e: unknown) => e);
    expect(toUserMessage(error)).toMatch(/^The sheet "Staff" is no longer in the workbook/);
    expect(json(excel.snapshot())).toBe(before);
  });

  test("another sheet given the roster's name meanwhile: the write goes beside it only if its columns are free", async () => {
    const excel = workbookInExcel();
    const checked = await check(excel);
    excel.sheet("Staff").name = "Old staff";
    excel.sheet("Cover").name = "Staff"; // the cover sheet now holds the name, and has data where the columns go
    excel.setValues("Staff", "J2", [["my notes"]]);
    const before = json(excel.snapshot());
    const error = await office(excel).write(checked.output).then(() => null, (e: unknown) => e);
    expect(toUserMessage(error)).toMatch(/^Cell J2 on "Staff" holds your own data, where the ARRS columns would go\. Nothing was written/);
    expect(json(excel.snapshot())).toBe(before);
  });

  test("the roster renamed during the write (between its reads and its first change): the write completes on it", async () => {
    const excel = workbookInExcel();
    const checked = await check(excel);
    const reference = workbookInExcel();
    await office(reference).write((await check(reference)).output);
    reference.sheet("Staff").name = "Renamed";
    // The write reads twice (the sheets; their details), then sends its first change: rename before that.
    excel.beforeSync(excel.syncs.length + 3, () => { excel.sheet("Staff").name = "Renamed"; });
    await office(excel).write(checked.output);
    expect(json(excel.snapshot())).toBe(json(reference.snapshot()));
  });

  test("the roster deleted during the write: a clear message; the sheets that remain are as they were or complete", async () => {
    const excel = workbookInExcel();
    const wb = office(excel);
    await wb.write((await check(excel)).output);
    const firstRun = excel.snapshot() as { sheets: { name: string }[]; names: unknown[] };
    const checked = await check(excel);
    excel.beforeSync(excel.syncs.length + 4, () => excel.deleteSheet("Staff"));
    const error = await wb.write(checked.output).then(() => null, (e: unknown) => e);
    expect(toUserMessage(error)).toBe("A sheet was renamed or deleted while the ARRS checker was using it. Check the sheet names and run the check again.");
    const after = excel.snapshot() as typeof firstRun;
    // The same output again: the tool's sheets, rewritten in full before the roster's columns, are as the first run left them.
    expect(json(after.sheets)).toBe(json(firstRun.sheets.filter((s) => s.name !== "Staff")));
  });
});
