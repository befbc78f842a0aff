/**
 * The year's maximum amounts in the pane, without React: the sentence that opens the results when
 * roles have none on record for the year, adding the rates sheet (never over a sheet that is there),
 * the check once it is filled, and what the money rests on (earlier maximums, an unconfirmed ARRS sum,
 * the backdated uplift).
 */
import { readFileSync } from "node:fs";
import { TaskpaneController } from "../../src/taskpane/controller";
import { describeRatesSheet } from "../../src/taskpane/rates-view";
import { FileWorkbook } from "../helpers/file-workbook";
import { fixture } from "../helpers/workbooks";
import { sampleWorkbook, spyPort, type SpyPort } from "./port";

const today = () => "2026-12-01";
const RATES = "ARRS max reimb 26-27";

async function sampleFor(year: string, options: { excel?: boolean; rateFloor?: boolean } = {}) {
  const port = spyPort(await sampleWorkbook(), { excel: options.excel ?? true });
  const controller = new TaskpaneController(port, { today });
  await controller.saveSettings({ financialYear: year, rateFloor: options.rateFloor }, "Roster 2025-26");
  return { port, controller };
}

/** Types a figure into every blank amount cell of the rates sheet (as a practice manager would from the DES). */
function fillBlanks(port: SpyPort): number {
  const ws = port.workbook.excel.getWorksheet(RATES)!;
  let filled = 0;
  ws.eachRow((row, rowNumber) => {
    if (rowNumber <= 6) return;
    for (let c = 3; c <= 5; c++) {
      if (row.getCell(c).value !== null && row.getCell(c).value !== undefined) continue;
      const lastYear = Number(row.getCell(c + 4).value) || 50000;
      row.getCell(c).value = Math.round(lastYear * 1.03);
      filled += 1;
    }
  });
  return filled;
}

test("2026/27 on the 2025/26 roster: the results open with the roles that have no maximum, and say what the money rests on", async () => {
  const { controller } = await sampleFor("2026/27");
  const view = await controller.check();
  expect(view.missingRates).not.toBeNull();
  const { roles, sentence, button } = view.missingRates!;
  expect(roles).toBeGreaterThan(1);
  expect(sentence).toBe(`No 2026/27 maximum amounts are built in for ${roles} roles on this roster: until you add them, their claims rest on earlier years' figures.`);
  expect(button).toBe("Add the 2026/27 rates sheet");
  const claimable = view.totals.find((t) => t.label === "Claimable for 2026/27")!;
  expect(claimable.note).toMatch(/^(All|£[\d,]+\.\d\d) of this rests on earlier years' maximums$/);
  // The 2026/27 ARRS sum per weighted patient is not confirmed: said beside the sum and the headroom.
  expect(view.totals.find((t) => t.label === "ARRS sum")?.note).toBe("not confirmed");
  expect(view.totals.find((t) => /^(Left in|Over) the ARRS sum$/.test(t.label))?.note).toBe("not confirmed");
  expect(view.totals.some((t) => t.label.startsWith("Backdated uplift"))).toBe(false);
});

test("2025/26 with its figures built in: no sentence, no floor, and the sum is not marked", async () => {
  const view = await new TaskpaneController(spyPort(await sampleWorkbook()), { today: () => "2025-11-21" }).check();
  expect(view.missingRates).toBeNull();
  expect(view.totals[0].note).toBeUndefined();
  expect(view.totals.find((t) => t.label === "ARRS sum")?.note).toBeUndefined();
});

test("with the floor turned off, the sentence says nothing is claimed and no money rests on earlier maximums", async () => {
  const { controller } = await sampleFor("2026/27", { rateFloor: false });
  expect((await controller.load()).settings.rateFloor).toBe(false);
  const view = await controller.check();
  expect(view.missingRates!.sentence).toMatch(/^No 2026\/27 maximum amounts are built in for \d+ roles on this roster: until you add them, nothing is claimed for those roles\.$/);
  expect(view.totals[0].note).toBeUndefined();
  expect(view.cards.some((c) => c.code === "RATE_FLOOR")).toBe(false);
});

test("adding the rates sheet inside Excel: added once with its first blank selected; asked again, the sheet is selected, never written over", async () => {
  const { port, controller } = await sampleFor("2026/27");
  const message = await controller.insertRatesSheet("2026/27");
  expect(port.addFormattedSheet).toHaveBeenCalledTimes(1);
  const [sheet, options] = port.addFormattedSheet.mock.calls[0];
  expect(sheet.name).toBe(RATES);
  expect(options).toEqual({ select: "C7" });
  expect(message).toMatch(new RegExp(`^Added the sheet "${RATES}" and selected C7, its first blank cell\\. Fill in the \\d+ shaded cells from the 2026/27 Network Contract DES, then choose "Check roster"\\.$`));

  const again = await controller.insertRatesSheet("2026/27");
  expect(port.addFormattedSheet).toHaveBeenCalledTimes(1);
  expect(port.selectCell).toHaveBeenCalledWith(RATES, "A1");
  expect(again).toBe(`This workbook already has a sheet "${RATES}", so nothing was added: it is selected now. Fill in its shaded cells, then choose "Check roster".`);

  // Filled in, the next check claims every role on this year's figures: no sentence, nothing on the floor.
  expect(fillBlanks(port)).toBeGreaterThan(0);
  const view = await controller.check();
  expect(view.missingRates).toBeNull();
  expect(view.totals[0].note).toBeUndefined();
  expect(view.cards.some((c) => c.code === "RATE_FLOOR" || c.code === "NO_RATE")).toBe(false);
});

test("a sheet of that name in another case is the same sheet", async () => {
  const { port, controller } = await sampleFor("2026/27");
  port.workbook.excel.addWorksheet("arrs MAX reimb 26-27");
  expect(await controller.insertRatesSheet("2026/27")).toMatch(/^This workbook already has a sheet "arrs MAX reimb 26-27", so nothing was added/);
  expect(port.addFormattedSheet).not.toHaveBeenCalled();
});

test("in a browser tab the sheet goes into the copy to download, and the words say so", async () => {
  const { port, controller } = await sampleFor("2026/27", { excel: false });
  expect(controller.canInsertRates).toBe(true);
  const message = await controller.insertRatesSheet("2026/27");
  expect(port.addFormattedSheet).toHaveBeenCalledTimes(1);
  expect(message).toMatch(/^Added the sheet "ARRS max reimb 26-27" at the end of the workbook\. Download the workbook, fill in the \d+ shaded cells from the 2026\/27 Network Contract DES in Excel \(the first is C7\), then open it here again and choose "Check roster"\.$/);
  expect(await controller.insertRatesSheet("2026/27")).toMatch(/so nothing was added\. Download the workbook, fill in its shaded cells in Excel/);
});

test("a port that cannot add sheets offers no button", async () => {
  const port = spyPort(await sampleWorkbook());
  delete (port as Partial<SpyPort>).addFormattedSheet;
  const controller = new TaskpaneController(port, { today });
  expect(controller.canInsertRates).toBe(false);
  await expect(controller.insertRatesSheet("2026/27")).rejects.toThrow("This workbook cannot take a new sheet here.");
});

test("the backdated uplift is a line of its own when there is one", async () => {
  const workbook = await FileWorkbook.fromBuffer(readFileSync(fixture("uplift-2025-26.xlsx")));
  const controller = new TaskpaneController(spyPort(workbook), { today });
  await controller.saveSettings({ financialYear: "2025/26" });
  const view = await controller.check();
  expect(view.totals).toContainEqual({ label: "Backdated uplift to claim", value: "£5,303.50", note: "your figures over the built-in ones" });
});

test.each([
  [{ existed: false, inExcel: true, firstBlank: null, blanks: 0 }, 'Added the sheet "S" with every 2026/27 figure the checker knows. Check them against the DES, then choose "Check roster".'],
  [{ existed: false, inExcel: true, firstBlank: "C7", blanks: 1 }, 'Added the sheet "S" and selected C7, its first blank cell. Fill in the 1 shaded cell from the 2026/27 Network Contract DES, then choose "Check roster".'],
])("describeRatesSheet %j", (options, words) => {
  expect(describeRatesSheet({ sheetName: "S", financialYear: "2026/27", ...options })).toBe(words);
});
