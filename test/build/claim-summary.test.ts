/**
 * The ribbon's one-click Claim summary (src/commands/claim-summary.ts), with the ExcelJS workbook
 * standing in for the one open in Excel: the same pipeline, the same WorkbookPort.
 */
import { readFileSync } from "node:fs";
import { formatMoney } from "../../src/common/money";
import { OWNED_SHEETS } from "../../src/common/owned";
import { runClaimSummary, type Notice } from "../../src/commands/claim-summary";
import { checkWorkbook } from "../../src/pipeline/check-workbook";
import { RIBBON_WORDS } from "../../src/pipeline/door-words";
import { FileWorkbook } from "../helpers/file-workbook";
import { dumpWorkbook, fixture, SAMPLE } from "../helpers/workbooks";

const TODAY = "2025-10-01";

const load = (file: string) => FileWorkbook.fromBuffer(readFileSync(file));
const dump = async (workbook: FileWorkbook) => dumpWorkbook(Buffer.from(await workbook.toBuffer()));

function spies() {
  const notices: Notice[] = [];
  const showTaskpane = jest.fn(async () => undefined);
  return { notices, showTaskpane, deps: { today: TODAY, showTaskpane, notify: (notice: Notice) => { notices.push(notice); } } };
}

test("with stored settings: runs the pipeline, writes its output and notifies the total", async () => {
  const workbook = await load(SAMPLE);
  expect(await workbook.sheetNames()).not.toContain(OWNED_SHEETS.summary);
  const { notices, showTaskpane, deps } = spies();

  const outcome = await runClaimSummary(workbook, deps);

  // The same result and the same cells as the pipeline gives any other door.
  const expected = await checkWorkbook(await load(SAMPLE), { words: RIBBON_WORDS, today: TODAY });
  if (expected.kind !== "checked") throw new Error(expected.message);
  const direct = await load(SAMPLE);
  await direct.write(expected.output);
  expect(await dump(workbook)).toEqual(await dump(direct));
  expect(await workbook.sheetNames()).toEqual(expect.arrayContaining([OWNED_SHEETS.summary, OWNED_SHEETS.claimLines, OWNED_SHEETS.settings]));

  expect(outcome.kind).toBe("done");
  expect(showTaskpane).not.toHaveBeenCalled();
  expect(notices).toHaveLength(1);
  const [notice] = notices;
  // The sample has errors: the notice says so in its title and asks for attention.
  expect(expected.result.staff.some((p) => p.status === "error")).toBe(true);
  expect(notice.kind).toBe("attention");
  expect(notice.title).toMatch(/^Claim summary written: \d+ errors? to fix$/);
  const totals = expected.result.totals;
  expect(totals.claimable).toBeGreaterThan(0);
  expect(notice.message).toContain(`Claimable for 2025/26: ${formatMoney(totals.claimable)}`);
  expect(notice.message).toContain(`of an ARRS sum of ${formatMoney(totals.entitlement!)}`);
  // What is left of the sum, in words (never a bare "headroom", never a negative amount).
  expect(notice.message).toContain(`, which leaves ${formatMoney(totals.headroom!)} of it to claim.`);
  expect(notice.message).not.toMatch(/headroom|-£/);
  expect(notice.message).toMatch(/\d+ errors? and \d+ warnings? to look at/);
});

test("without an ARRS Settings sheet: opens the task pane and writes nothing", async () => {
  const workbook = await load(fixture("minimal-2024-25.xlsx"));
  const before = await dump(workbook);
  const write = jest.spyOn(workbook, "write");
  const { notices, showTaskpane, deps } = spies();

  const outcome = await runClaimSummary(workbook, deps);

  expect(outcome).toEqual({ kind: "needs-settings" });
  expect(showTaskpane).toHaveBeenCalledTimes(1);
  expect(notices).toEqual([]);
  expect(write).not.toHaveBeenCalled();
  expect(await dump(workbook)).toEqual(before);
});

test("settings but no roster: says what is wrong, writes nothing", async () => {
  const workbook = await load(SAMPLE);
  workbook.excel.removeWorksheet(workbook.excel.getWorksheet("Roster 2025-26")!.id);
  const write = jest.spyOn(workbook, "write");
  const { notices, showTaskpane, deps } = spies();

  const outcome = await runClaimSummary(workbook, deps);

  expect(outcome.kind).toBe("problem");
  expect(write).not.toHaveBeenCalled();
  expect(showTaskpane).not.toHaveBeenCalled();
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatchObject({ kind: "problem", title: "The claim summary was not written" });
  expect(notices[0].message.length).toBeGreaterThan(20);
  // In Excel's own words: the pane's sheet list, not the command line's --sheet.
  expect(notices[0].message).toContain("Open the ARRS checker and choose the roster's sheet");
  expect(notices[0].message).not.toContain("--sheet");
});

test("a write that fails ends in a notice, not an exception", async () => {
  const workbook = await load(SAMPLE);
  jest.spyOn(workbook, "write").mockRejectedValue(new Error("The workbook is protected"));
  const { notices, deps } = spies();

  const outcome = await runClaimSummary(workbook, deps);

  expect(outcome.kind).toBe("failed");
  expect(notices).toHaveLength(1);
  expect(notices[0].kind).toBe("failed");
  expect(notices[0].message).toContain("The claim summary could not be written (The workbook is protected)");
});

test("a notice that cannot be shown does not undo or hide the work", async () => {
  const workbook = await load(SAMPLE);
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  const outcome = await runClaimSummary(workbook, { today: TODAY, showTaskpane: async () => undefined, notify: async () => { throw new Error("dialog already open"); } });
  expect(outcome.kind).toBe("done");
  expect(await workbook.sheetNames()).toContain(OWNED_SHEETS.summary);
  expect(warn).toHaveBeenCalled();
  warn.mockRestore();
});
