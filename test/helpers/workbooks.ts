import { readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";

export const ROOT = path.join(__dirname, "..", "..");
export const SAMPLE = path.join(ROOT, "examples", "sample-pcn-2025-26.xlsx");
export const fixture = (name: string) => path.join(ROOT, "test", "fixtures", name);

/** Every sheet's cells as "A1=value" lines, for comparing whole workbooks in tests. */
export async function dumpWorkbook(source: string | Buffer, only?: (sheet: string) => boolean): Promise<Record<string, string[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((typeof source === "string" ? readFileSync(source) : source) as unknown as ExcelJS.Buffer);
  const out: Record<string, string[]> = {};
  workbook.eachSheet((sheet) => {
    if (only && !only(sheet.name)) return;
    const lines: string[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        lines.push(`${cell.address}=${JSON.stringify(cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.value)}|${cell.numFmt ?? ""}`);
      });
    });
    out[sheet.name] = lines;
  });
  return out;
}
