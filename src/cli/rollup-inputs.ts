/**
 * Which files `arrs rollup` checks: each file named, and the workbooks in each folder named (its own
 * files, not those in folders inside it), in a stable order: the arguments' order, each folder's files
 * sorted by name. Left out of folders: Excel's lock files (~$NAME.xlsx), the tool's own checked
 * copies (NAME.arrs.xlsx, NAME.arrs.xlsm), earlier roll-ups by their default name, and the files the
 * command writes or reads as rates (leaveOut).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";

const WORKBOOK_EXTENSIONS = [".xlsx", ".xlsm", ".csv"];

/** A file in a folder that is a PCN's workbook, by its name. */
export function isPcnWorkbookName(name: string): boolean {
  const lower = name.toLowerCase();
  if (!WORKBOOK_EXTENSIONS.includes(path.extname(lower))) return false;
  if (lower.startsWith("~$") || lower.startsWith(".")) return false;
  if (/\.arrs\.xls[xm]$/.test(lower)) return false;
  return !/^arrs-rollup-.*\.xlsx$/.test(lower);
}

/**
 * The files to check, as paths the user can read back (a folder's files joined to the folder as
 * typed). A file named that does not exist is kept: the roll-up's row for it says it cannot be found.
 */
export async function findRollupInputs(inputs: readonly string[], options: { leaveOut: readonly string[] }): Promise<string[]> {
  const leaveOut = new Set(options.leaveOut.map((file) => path.resolve(file)));
  const found: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const resolved = path.resolve(file);
    if (seen.has(resolved) || leaveOut.has(resolved)) return;
    seen.add(resolved);
    found.push(file);
  };
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (!stat?.isDirectory()) {
      add(input);
      continue;
    }
    const entries = await fs.readdir(input, { withFileTypes: true });
    const names = entries.filter((entry) => entry.isFile() && isPcnWorkbookName(entry.name)).map((entry) => entry.name);
    for (const name of names.sort(byName)) add(path.join(input, name));
  }
  return found;
}

/** Names in the order a person expects: case aside, numbers by value ("PCN 2" before "PCN 10"). */
function byName(a: string, b: string): number {
  return a.localeCompare(b, "en-GB", { numeric: true, sensitivity: "base" }) || (a < b ? -1 : a > b ? 1 : 0);
}
