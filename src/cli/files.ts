/**
 * Reading and writing the user's files for `arrs`. Writing goes to a temporary file first and is
 * renamed into place, so a failure never leaves a half-written file. Every problem the user can fix
 * is a CliProblem: one line on stderr and exit code 2.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";

/** A problem the user can fix: reported in one line, exit code 2. */
export class CliProblem extends Error {}

export async function readInput(file: string): Promise<Buffer> {
  const extension = path.extname(file).toLowerCase();
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new CliProblem(`cannot find "${file}". Check the path and try again.`);
  }
  if (stat.isDirectory()) throw new CliProblem(`"${file}" is a folder, not a workbook.`);
  if (extension === ".xls") throw new CliProblem(`"${file}" is an old-style .xls workbook. Open it in Excel and save it as .xlsx (Excel Workbook), then run again.`);
  try {
    return await fs.readFile(file);
  } catch (error) {
    throw new CliProblem(`cannot read "${file}": ${(error as NodeJS.ErrnoException).code ?? "read failed"}.`);
  }
}

/** The file's bytes, or null when there is no such file (a folder is a problem). */
export async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    await fs.stat(file);
  } catch {
    return null;
  }
  return readInput(file);
}

/** Bytes, or text in pieces (a long CSV file is written as it is made, never held whole). */
export async function writeAtomically(target: string, data: Uint8Array | Iterable<string>, flag = "--out"): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    if (data instanceof Uint8Array) await fs.writeFile(temporary, data);
    else {
      const handle = await fs.open(temporary, "w");
      try {
        for (const chunk of data) await handle.write(chunk, null, "utf8");
      } finally {
        await handle.close();
      }
    }
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliProblem(code === "EBUSY" || code === "EPERM" || code === "EACCES"
      ? `cannot write "${target}": it is open in another program or the folder is read-only. Close it, or choose another file with ${flag}.`
      : `cannot write "${target}" (${code ?? "write failed"}).`);
  }
}
