/**
 * Path helpers for the command line. Kept apart from file-workbook.ts so the adapter itself has no
 * node:fs and can go into a browser bundle.
 */
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { FileWorkbook } from "./file-workbook";

export async function openWorkbookFile(path: string): Promise<FileWorkbook> {
  return FileWorkbook.fromBuffer(await readFile(path));
}

/**
 * Writes to a temporary file beside the target and renames it into place, so a failure half-way
 * (disk full, Excel holding the file open) never leaves a truncated workbook where the old one was.
 */
export async function saveWorkbookFile(workbook: FileWorkbook, path: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, await workbook.toBuffer());
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
