/**
 * The ICB workbook on disk: a new .xlsx file written through the file door, its first sheet (ICB
 * Summary) carrying the roll-up's mark, the other three added after it; saved through a temporary
 * file. An existing file is replaced only when it is an earlier roll-up, or with --force: the tool
 * never overwrites a file it did not write.
 */
import { rollupSheets } from "../pipeline/rollup";
import type { Rollup } from "../report/icb-types";
import { ROLLUP_MARK } from "../report/icb-workbook";
import { newOwnedSheetWorkbookBytes, workbookHasMark } from "../workbook/xlsx/new-workbook";
import { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import { assertMayReplace, writeOutputFile, type ReplaceRule } from "./files";

/** An existing file may be replaced only when it is a roll-up the tool wrote (it carries the mark), or with --force. */
function rollupRule(force: boolean): ReplaceRule {
  return { flag: "--out", what: "a roll-up", force, owns: (bytes) => workbookHasMark(bytes, ROLLUP_MARK) };
}

/** Refuses a file in the way of the roll-up (one the tool did not write) unless --force, before any work. */
export async function assertOutputFree(file: string, force: boolean): Promise<void> {
  await assertMayReplace(file, rollupRule(force));
}

export async function writeRollupWorkbook(file: string, rollup: Rollup, options: { force: boolean }): Promise<void> {
  const [first, ...rest] = rollupSheets(rollup);
  const workbook = await XlsxWorkbook.fromBuffer(await newOwnedSheetWorkbookBytes(first, { markName: ROLLUP_MARK }));
  for (const sheet of rest) await workbook.addFormattedSheet(sheet);
  await writeOutputFile(file, await workbook.toBuffer(), rollupRule(options.force));
}
