/**
 * The file adapter (XlsxWorkbook) with an ExcelJS model of the same workbook beside it, for tests
 * that build or change a workbook with ExcelJS and look into the result with it. Every operation
 * saves the model to bytes, runs the real adapter on them, and loads its output back into the model;
 * toBuffer gives the adapter's own bytes unless the model was touched since.
 */
import ExcelJS from "exceljs";
import type { Grid } from "../../src/common/grid";
import type { WorkbookOutput } from "../../src/report/types";
import type { WorkbookPort } from "../../src/workbook/types";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

export class FileWorkbook implements WorkbookPort {
  private model: ExcelJS.Workbook;
  /** The adapter's bytes after the last operation, while the model has not been handed out since. */
  private bytes: Uint8Array | null;

  private constructor(model: ExcelJS.Workbook, bytes: Uint8Array | null) {
    this.model = model;
    this.bytes = bytes;
  }

  /** Opens bytes with the real adapter (so its errors are the real ones). */
  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<FileWorkbook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    await XlsxWorkbook.fromBuffer(bytes);
    return new FileWorkbook(await loadModel(bytes), bytes);
  }

  static fromExcelJs(model: ExcelJS.Workbook): FileWorkbook {
    return new FileWorkbook(model, null);
  }

  /** The ExcelJS model; changes to it are saved before the next operation. */
  get excel(): ExcelJS.Workbook {
    this.bytes = null;
    return this.model;
  }

  async toBuffer(): Promise<Uint8Array> {
    return this.bytes ?? toBytes(this.model);
  }

  async sheetNames(): Promise<string[]> {
    return (await this.adapter()).sheetNames();
  }

  async readSheet(name: string): Promise<Grid> {
    return (await this.adapter()).readSheet(name);
  }

  async write(output: WorkbookOutput): Promise<void> {
    const adapter = await this.adapter();
    await adapter.write(output);
    await this.keep(adapter);
  }

  async removeOutput(): Promise<{ removedSheets: string[]; clearedColumns: number }> {
    const adapter = await this.adapter();
    const removed = await adapter.removeOutput();
    await this.keep(adapter);
    return removed;
  }

  private async adapter(): Promise<XlsxWorkbook> {
    return XlsxWorkbook.fromBuffer(await this.toBuffer());
  }

  private async keep(adapter: XlsxWorkbook): Promise<void> {
    const bytes = await adapter.toBuffer();
    this.model = await loadModel(bytes);
    this.bytes = bytes;
  }
}

async function loadModel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const model = new ExcelJS.Workbook();
  await model.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return model;
}

async function toBytes(model: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = await model.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
