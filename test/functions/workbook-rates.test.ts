/**
 * The workbook's own maximum amounts for the functions (src/functions/workbook-rates.ts): a rate sheet
 * changes MAXREIMB's result, and a change to that sheet refreshes it. The workbook is a fake source of
 * sheets and events (no Excel): what matters is when the cache reads, and what it gives.
 */
import { parseFinancialYear } from "../../src/common/dates";
import type { CellValue, Grid } from "../../src/common/grid";
import * as arrs from "../../src/functions/arrs";
import { RateSheetCache, WorkbookRates, type RateSheetSource, type SheetEvent } from "../../src/functions/workbook-rates";

const TODAY = "2025-06-01";

/**
 * The built-in 2025/26 national care co-ordinator (band 4) maximum (docs/rules.md): what MAXREIMB gives
 * with no rate sheet. Every sheet below gives a different figure, so which one is in use shows.
 */
const BUILT_IN_CARE_COORDINATOR = 36150;

function rateSheet(name: string, rows: [string, number][]): Grid {
  const values: CellValue[][] = [["Maximum reimbursable amounts", null], ["Role", "National"], ...rows];
  return { sheetName: name, firstRow: 1, firstColumn: 1, values };
}

/** A workbook of named sheets, some of them rate sheets, that reports changes as Excel would. */
class FakeWorkbook implements RateSheetSource {
  sheets: { id: string; name: string; grid: Grid }[] = [];
  reads = 0;
  listener: ((event: SheetEvent) => void) | null = null;
  subscribeFails = false;
  readFails = false;
  /** Runs during the next read, before it returns (a user editing while the add-in reads). */
  duringRead: (() => void) | null = null;
  private nextId = 1;

  add(name: string, grid?: Grid): string {
    const id = `{sheet-${this.nextId++}}`;
    this.sheets.push({ id, name, grid: grid ? { ...grid, sheetName: name } : { sheetName: name, firstRow: 1, firstColumn: 1, values: [["Staff"]] } });
    this.listener?.({ type: "added", worksheetId: id });
    return id;
  }

  edit(id: string, grid: Grid): void {
    const sheet = this.sheets.find((s) => s.id === id)!;
    sheet.grid = { ...grid, sheetName: sheet.name };
    this.listener?.({ type: "changed", worksheetId: id });
  }

  rename(id: string, name: string, options: { event?: boolean } = {}): void {
    const sheet = this.sheets.find((s) => s.id === id)!;
    const before = sheet.name;
    sheet.name = name;
    sheet.grid = { ...sheet.grid, sheetName: name };
    if (options.event !== false) this.listener?.({ type: "renamed", worksheetId: id, nameBefore: before, nameAfter: name });
  }

  remove(id: string): void {
    this.sheets = this.sheets.filter((s) => s.id !== id);
    this.listener?.({ type: "deleted", worksheetId: id });
  }

  async read() {
    this.reads += 1;
    await Promise.resolve();
    if (this.readFails) throw new Error("The workbook is busy");
    const snapshot = {
      sheets: this.sheets.map(({ id, name }) => ({ id, name })),
      rateGrids: this.sheets.filter((s) => s.name.toLowerCase().startsWith("arrs max reimb")).map((s) => s.grid),
    };
    const during = this.duringRead;
    this.duringRead = null;
    during?.();
    await Promise.resolve();
    return snapshot;
  }

  async subscribe(listener: (event: SheetEvent) => void) {
    if (this.subscribeFails) throw new Error("This version of Excel cannot report changes to sheets (ExcelApi 1.9).");
    this.listener = listener;
  }
}

/** MAXREIMB as functions.ts calls it: today, and the rules with the workbook's own figures. */
async function maxReimb(cache: RateSheetCache, role: unknown, date?: unknown): Promise<unknown> {
  const rates = await cache.rates();
  return arrs.maxReimb({ today: TODAY, rules: (year) => rates.rulesFor(year) }, role, date);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("a rate sheet in the workbook", () => {
  test("changes MAXREIMB's result, for the year it names, and says so in SOURCE", () => {
    const sheet = rateSheet("ARRS max reimb 25-26", [["Care co-ordinator", 36000], ["Clinical pharmacist", 70000]]);
    const rates = new WorkbookRates([sheet]);
    const context = { today: TODAY, rules: (year: Parameters<WorkbookRates["rulesFor"]>[0]) => rates.rulesFor(year) };
    expect(arrs.maxReimb({ today: TODAY }, "Care Co-ordinator", "01/06/2025")).toBe(BUILT_IN_CARE_COORDINATOR);
    expect(arrs.maxReimb(context, "Care Co-ordinator", "01/06/2025")).toBe(36000);
    expect(arrs.maxReimb(context, [["Clin Pharm"], ["Clin Pharm"], ["SPLW"]], [["01/04/2025"], ["31/03/2025"], ["01/04/2025"]])).toEqual([[70000], [65838], [43352]]);
    expect(arrs.source(context, "Clin Pharm", "01/04/2025")).toBe('"ARRS max reimb 25-26" sheet in this workbook, row 4 (your own figure)');
    expect(arrs.source(context, "Clin Pharm", "31/03/2025")).toMatch(/Table 2/);
  });

  test("a sheet that names no year gives figures for the year asked about, as the task pane applies it to the year it checks", () => {
    const rates = new WorkbookRates([rateSheet("ARRS max reimb", [["Care co-ordinator", 35000]])]);
    const context = { today: TODAY, rules: (year: Parameters<WorkbookRates["rulesFor"]>[0]) => rates.rulesFor(year) };
    expect(arrs.maxReimb(context, "Care Co-ordinator", [["01/06/2024"], ["01/06/2025"]])).toEqual([[35000], [35000]]);
    expect(arrs.claim(context, "Care Co-ordinator", 40000, 1, "01/04/2024", null, "2024/25")).toBeCloseTo(35000, 8);
  });

  test("rows the sheet cannot use are reported as the task pane reports them", () => {
    const rates = new WorkbookRates([rateSheet("ARRS max reimb 25-26", [["Receptionist", 20000]])]);
    expect(rates.problemsFor(parseFinancialYear("2025/26")!).map((f) => f.code)).toEqual(["RATE_SHEET_PROBLEM"]);
  });
});

describe("the cache of the workbook's rates", () => {
  let workbook: FakeWorkbook;
  let recalculations: number;
  let cache: RateSheetCache;
  let rateId: string;
  let rosterId: string;

  beforeEach(() => {
    workbook = new FakeWorkbook();
    rosterId = workbook.add("Roster 2025-26");
    rateId = workbook.add("ARRS max reimb 25-26", rateSheet("", [["Care co-ordinator", 36000]]));
    recalculations = 0;
    cache = new RateSheetCache(workbook, { onRatesChanged: () => { recalculations += 1; } });
  });

  test("reads the workbook once, however many cells ask at once, and keeps what it read", async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => maxReimb(cache, "Care Co-ordinator", "01/06/2025")));
    expect(new Set(results)).toEqual(new Set([36000]));
    expect(await maxReimb(cache, "Care Co-ordinator", "01/06/2025")).toBe(36000);
    expect(workbook.reads).toBe(1);
    expect(workbook.listener).not.toBeNull();
  });

  test("an edit to the rate sheet refreshes it, and asks for one recalculation", async () => {
    expect(await maxReimb(cache, "Care Co-ordinator", "01/06/2025")).toBe(36000);
    workbook.edit(rateId, rateSheet("", [["Care co-ordinator", 37250]]));
    await settle();
    expect(recalculations).toBe(1);
    expect(await maxReimb(cache, "Care Co-ordinator", "01/06/2025")).toBe(37250);
    expect(workbook.reads).toBe(2);
  });

  test("an edit to another sheet reads nothing; an edit that leaves the rate sheet as it was recalculates nothing", async () => {
    await cache.rates();
    workbook.edit(rosterId, { sheetName: "", firstRow: 1, firstColumn: 1, values: [["Staff", "Role"]] });
    await settle();
    expect(workbook.reads).toBe(1);
    workbook.edit(rateId, rateSheet("", [["Care co-ordinator", 36000]]));
    await settle();
    expect(workbook.reads).toBe(2);
    expect(recalculations).toBe(0);
  });

  test("without a recalculation listener, the refresh waits for the next call", async () => {
    const lazy = new RateSheetCache(workbook);
    expect(await maxReimb(lazy, "Care Co-ordinator", "01/06/2025")).toBe(36000);
    workbook.edit(rateId, rateSheet("", [["Care co-ordinator", 38000]]));
    await settle();
    expect(workbook.reads).toBe(1);
    expect(await maxReimb(lazy, "Care Co-ordinator", "01/06/2025")).toBe(38000);
    expect(workbook.reads).toBe(2);
  });

  test("a rate sheet added, renamed to or from \"ARRS max reimb\", or deleted, is followed", async () => {
    workbook.remove(rateId);
    expect(await maxReimb(cache, "Care Co-ordinator", "01/06/2025")).toBe(BUILT_IN_CARE_COORDINATOR);

    const added = workbook.add("Sheet3", rateSheet("", [["Care co-ordinator", 34000]]));
    await settle();
    expect(await maxReimb(cache, "Care Co-ordinator", "01/06/2025")).toBe(BUILT_IN_CARE_COORDINATOR);

    workbook.rename(added, "ARRS max reimb 2025-26");
    await settle();
    expect(recalculations).toBe(1);
    expect(await maxReimb(cache, "Care Co-ordinator", "01/06/2025")).toBe(34000);

    workbook.rename(added, "Old rates");
    await settle();
    expect(await maxReimb(cache, "Care Co-ordinator", "01/06/2025")).toBe(BUILT_IN_CARE_COORDINATOR);

    workbook.rename(added, "ARRS max reimb 25-26");
    await settle();
    expect(await maxReimb(cache, "Care Co-ordinator", "01/06/2025")).toBe(34000);
    workbook.remove(added);
    await settle();
    expect(await maxReimb(cache, "Care Co-ordinator", "01/06/2025")).toBe(BUILT_IN_CARE_COORDINATOR);
    expect(recalculations).toBe(4);
  });

  test("a change that arrives while the workbook is being read is not lost", async () => {
    await cache.rates();
    workbook.duringRead = () => workbook.edit(rateId, rateSheet("", [["Care co-ordinator", 39000]]));
    workbook.edit(rateId, rateSheet("", [["Care co-ordinator", 38000]]));
    await settle();
    await settle();
    expect(await maxReimb(cache, "Care Co-ordinator", "01/06/2025")).toBe(39000);
    expect(workbook.reads).toBe(3);
  });

  test("a change before the first read completes is not lost either", async () => {
    const lazy = new RateSheetCache(workbook);
    workbook.duringRead = () => workbook.edit(rateId, rateSheet("", [["Care co-ordinator", 41000]]));
    expect(await maxReimb(lazy, "Care Co-ordinator", "01/06/2025")).toBe(41000);
  });

  test("a sheet renamed where Excel cannot report renames is noticed at its next edit, when the change names the sheet", async () => {
    const id = workbook.add("Sheet9", rateSheet("", [["Care co-ordinator", 33000]]));
    await cache.rates();
    const reads = workbook.reads;
    workbook.rename(id, "ARRS max reimb 2024-25", { event: false });
    workbook.listener!({ type: "changed", worksheetId: id });
    await settle();
    expect(workbook.reads).toBe(reads); // a sheet that was not a rate sheet, edited: nothing to read
    workbook.listener!({ type: "changed", worksheetId: id, name: "ARRS max reimb 2024-25" });
    await settle();
    expect(workbook.reads).toBe(reads + 1);
    expect(await maxReimb(cache, "Care Co-ordinator", "01/06/2024")).toBe(33000);
    // A sheet the last read did not see at all is read too.
    workbook.listener!({ type: "changed", worksheetId: "{unknown}" });
    await settle();
    expect(workbook.reads).toBe(reads + 2);
  });

  test("when Excel cannot report changes, every call reads the workbook: slower, never stale", async () => {
    workbook.subscribeFails = true;
    const unwatched = new RateSheetCache(workbook);
    expect(await maxReimb(unwatched, "Care Co-ordinator", "01/06/2025")).toBe(36000);
    expect(unwatched.watchProblem).toMatch(/ExcelApi 1\.9/);
    workbook.sheets.find((s) => s.id === rateId)!.grid = rateSheet("ARRS max reimb 25-26", [["Care co-ordinator", 36500]]);
    expect(await maxReimb(unwatched, "Care Co-ordinator", "01/06/2025")).toBe(36500);
    expect(workbook.reads).toBe(2);
  });

  test("a failed read is reported to the caller and tried again on the next call", async () => {
    workbook.readFails = true;
    await expect(cache.rates()).rejects.toThrow("busy");
    workbook.readFails = false;
    expect(await maxReimb(cache, "Care Co-ordinator", "01/06/2025")).toBe(36000);
  });
});
