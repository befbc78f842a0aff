/**
 * The Office.js adapter: the workbook open in Excel (desktop, Mac or the web), through the Excel
 * JavaScript API. Each method is one Excel.run; reads and writes go in blocks sized to keep every
 * request well under Excel on the web's 5 MB limit, with a handful of context.sync() calls however
 * long the roster. Every error reaches the caller as an OfficeWorkbookError with a userMessage.
 *
 * Requirement sets used: ExcelApi 1.9 (findAllOrNullObject, autoFilter, ConditionalFormat.getRanges,
 * suspendScreenUpdatingUntilNextSync), 1.7 (getRangeByIndexes, freezePanes, setXAxisValues), 1.6
 * (conditional formats, suspendApiCalculationUntilNextSync), 1.4 (*OrNullObject, names.add); and
 * ExcelApi 1.20 for RunOptions.mergeUndoGroup, when the host has it.
 */
import type { Grid } from "../common/grid";
import type { OutputCell, OwnedSheet, WorkbookOutput } from "../report/types";
import type { WorkbookPort } from "./types";
import { writeArea } from "./office-area";
import { OfficeWorkbookError, officeErrorCode, toOfficeWorkbookError } from "./office-errors";
import { readUsedRange } from "./office-read";
import { RequestQueue } from "./office-requests";
import { finishCallCount, finishOwnedSheet, removeOutput, writeOutput } from "./office-write";

export { OfficeWorkbookError, toUserMessage } from "./office-errors";

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** Excel.run, or a stand-in with the same two forms (tests pass a fake). */
export interface ExcelRun {
  <T>(batch: Batch<T>): Promise<T>;
  <T>(options: Excel.RunOptions, batch: Batch<T>): Promise<T>;
}

export interface OfficeWorkbookOptions {
  run?: ExcelRun;
  /** Office.context.requirements.isSetSupported, or a stand-in. */
  requirementSetSupported?: (name: string, version: string) => boolean;
}

/**
 * RunOptions.mergeUndoGroup turns every sync of one Excel.run into a single undo step. The typings
 * (@types/office-js) and the "ExcelApi 1.20 requirement set" page both list it under ExcelApi 1.20,
 * not 1.19; on an older host the option is left out rather than sent and ignored.
 */
export const UNDO_GROUP_SET = { name: "ExcelApi", version: "1.20" } as const;

export class OfficeWorkbook implements WorkbookPort {
  private readonly excelRun: ExcelRun;
  private readonly supports: (name: string, version: string) => boolean;

  constructor(options: OfficeWorkbookOptions = {}) {
    // The globals are looked up when first used, so constructing one outside Excel does not throw.
    this.excelRun = options.run ?? (((...args: unknown[]) => (Excel.run as (...a: unknown[]) => Promise<unknown>)(...args)) as ExcelRun);
    this.supports = options.requirementSetSupported ?? ((name, version) => Office.context.requirements.isSetSupported(name, version));
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      return worksheets.items.map((ws) => ws.name);
    });
  }

  async readSheet(name: string): Promise<Grid> {
    return this.run((context) => readUsedRange(context, name));
  }

  async write(output: WorkbookOutput): Promise<void> {
    await this.run((context) => writeOutput(context, output, { suspendScreen: this.screenSuspension() }), { undoGroup: true });
  }

  async removeOutput(): Promise<{ removedSheets: string[]; clearedColumns: number }> {
    // No undo group: deleting a sheet cannot be undone, and inside a group Excel would refuse it.
    return this.run((context) => removeOutput(context, { suspendScreen: this.screenSuspension() }));
  }

  async selectRow(sheetName: string, rowNumber: number): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      ws.activate();
      ws.getRange(`${rowNumber}:${rowNumber}`).select();
      await syncNamingSheet(context, sheetName);
    });
  }

  async selectCell(sheetName: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      ws.activate();
      ws.getRange(address).select();
      await syncNamingSheet(context, sheetName);
    });
  }

  async addSheet(name: string, values: (string | number | null)[][]): Promise<void> {
    const rows: OutputCell[][] = values.map((row) => row.map((value) => ({ value })));
    await this.addNewSheet({ name, rows, columnWidths: [] }, { select: null });
  }

  async addFormattedSheet(sheet: OwnedSheet, options: { select?: string | null } = {}): Promise<void> {
    await this.addNewSheet(sheet, { select: options.select ?? null, formatted: true });
  }

  /** A new sheet, refused if one of that name exists; activated, with `select` selected. One undo step. */
  private async addNewSheet(sheet: OwnedSheet, options: { select: string | null; formatted?: boolean }): Promise<void> {
    const { name } = sheet;
    await this.run(async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (!existing.isNullObject) throw new OfficeWorkbookError("exists", `A sheet named "${name}" already exists. Rename or delete it, then try again.`);
      const queue = new RequestQueue(context, { suspend: null });
      let ws: Excel.Worksheet | null = null;
      await writeArea(queue, {
        ws: () => ws!,
        top: 1,
        left: 1,
        rows: sheet.rows,
        prepare: () => { ws = context.workbook.worksheets.add(name); },
        prepareCalls: 1,
        finish: () => {
          if (options.formatted) finishOwnedSheet(ws!, sheet);
          ws!.activate();
          if (options.select) ws!.getRange(options.select).select();
        },
        finishCalls: (options.formatted ? finishCallCount(sheet) : 0) + 2,
      });
      await queue.send();
    }, { undoGroup: true });
  }

  private screenSuspension(): boolean {
    return this.supports("ExcelApi", "1.9");
  }

  /** One Excel.run, grouped into one undo step where the host can; every error made plain. */
  private async run<T>(batch: Batch<T>, options: { undoGroup?: boolean } = {}): Promise<T> {
    try {
      if (options.undoGroup && this.supports(UNDO_GROUP_SET.name, UNDO_GROUP_SET.version)) {
        return await this.excelRun({ mergeUndoGroup: true }, batch);
      }
      return await this.excelRun(batch);
    } catch (error) {
      throw toOfficeWorkbookError(error);
    }
  }
}

/** A sync whose ItemNotFound means the sheet the caller named is not there. */
async function syncNamingSheet(context: Excel.RequestContext, sheetName: string): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    if (officeErrorCode(error) !== "ItemNotFound") throw error;
    throw new OfficeWorkbookError("sheet-missing", `There is no sheet named "${sheetName}" in this workbook.`, "ItemNotFound", { cause: error });
  }
}
