/** What the pane's controller finds in a workbook, checked in Node: the figures the pane must show. */
import { readFileSync } from "node:fs";

export async function expectedCheck(file: string) {
  const { TaskpaneController } = await import("../../src/taskpane/controller");
  const { XlsxWorkbook } = await import("../../src/workbook/xlsx/xlsx-workbook");
  const workbook = await XlsxWorkbook.fromBuffer(new Uint8Array(readFileSync(file)));
  return new TaskpaneController(workbook).check();
}
