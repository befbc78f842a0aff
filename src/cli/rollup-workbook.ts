/**
 * The ICB workbook on disk: a new .xlsx file written through the file door, its first sheet (ICB
 * Summary) carrying the roll-up's mark, the other three added after it; saved through a temporary
 * file. An existing file is replaced only when it is an earlier roll-up, or with --force: the tool
 * never overwrites a file it did not write.
 */
import { rollupSheets } from "../pipeline/rollup";
import type { Rollup } from "../report/icb-types";
import { ICB_SHEETS, ROLLUP_MARK } from "../report/icb-workbook";
import { newOwnedSheetWorkbookBytes, workbookHasMark } from "../workbook/xlsx/new-workbook";
import { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import { CliProblem, readIfExists, writeAtomically } from "./files";

/** Whether these bytes are a roll-up the tool wrote: its mark, or (from before the mark) an ICB Summary sheet. */
async function isEarlierRollup(bytes: Uint8Array): Promise<boolean> {
  if (await workbookHasMark(bytes, ROLLUP_MARK)) return true;
  try {
    return (await (await XlsxWorkbook.fromBuffer(bytes)).sheetNames()).includes(ICB_SHEETS[0]);
  } catch {
    return false;
  }
}

/** Refuses a file in the way of the roll-up (one the tool did not write) unless --force. */
export async function assertOutputFree(file: string, force: boolean): Promise<void> {
  const bytes = await readIfExists(file);
  if (bytes === null || force || await isEarlierRollup(bytes)) return;
  throw new CliProblem(`"${file}" exists and is not a roll-up this tool wrote, so it is left as it is. Choose another file with --out, or add --force to replace it.`);
}

export async function writeRollupWorkbook(file: string, rollup: Rollup): Promise<void> {
  const [first, ...rest] = rollupSheets(rollup);
  const workbook = await XlsxWorkbook.fromBuffer(await newOwnedSheetWorkbookBytes(first, { markName: ROLLUP_MARK }));
  for (const sheet of rest) await workbook.addFormattedSheet(sheet);
  await writeAtomically(file, await workbook.toBuffer());
}
