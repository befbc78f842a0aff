/**
 * Reading and writing the user's files for `arrs`. Every file the command writes goes through
 * `writeOutputFile`: it never replaces a file the tool did not write (unless `--force`), and it
 * writes to a temporary file first and renames it into place, so a failure never leaves a
 * half-written file. Every problem the user can fix is a CliProblem: one line on stderr and exit code 2.
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

/** How a file about to be written may replace one already there. */
export interface ReplaceRule {
  /** The flag that names the file, for the message ("--out", "--claim-lines"). */
  flag: string;
  /** What the tool writes there, for the message: "a checked copy", "a month's claim". */
  what: string;
  /** --force: replace whatever is there (never a folder). */
  force: boolean;
  /**
   * Whether a file's bytes are the tool's own earlier output of this kind, which a new run may
   * replace (the checks are in cli/owned-files.ts).
   */
  owns: (bytes: Buffer) => boolean | Promise<boolean>;
}

/**
 * Throws a CliProblem, before anything is written, when `target` is a folder, or a file the tool did
 * not write and --force was not given. Call it for every file a command will write before writing
 * the first, so that a refusal leaves nothing half done.
 */
export async function assertMayReplace(target: string, rule: ReplaceRule): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(target);
  } catch {
    return;
  }
  if (stat.isDirectory()) throw new CliProblem(`"${target}" is a folder, so nothing can be written there. Choose a file name with ${rule.flag}.`);
  if (rule.force) return;
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(target);
  } catch (error) {
    throw new CliProblem(`"${target}" already exists and cannot be read (${(error as NodeJS.ErrnoException).code ?? "read failed"}), so it was left alone. Choose another name with ${rule.flag}, or add --force to replace it.`);
  }
  if (!(await rule.owns(bytes))) {
    throw new CliProblem(`"${target}" already exists and is not ${rule.what} this tool wrote, so it was left alone. Choose another name with ${rule.flag}, or add --force to replace it.`);
  }
}

/**
 * Writes a file the command makes: refused (CliProblem) where assertMayReplace refuses, else written
 * through a temporary file. Bytes, or text in pieces (a long CSV file is written as it is made, never
 * held whole).
 */
export async function writeOutputFile(target: string, data: Uint8Array | Iterable<string>, rule: ReplaceRule): Promise<void> {
  await assertMayReplace(target, rule);
  await writeAtomically(target, data, rule.flag);
}

/** Bytes, or text in pieces, through a temporary file renamed into place; use writeOutputFile. */
async function writeAtomically(target: string, data: Uint8Array | Iterable<string>, flag = "--out"): Promise<void> {
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
