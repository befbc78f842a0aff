/**
 * `arrs check`: the whole pipeline on an .xlsx (or .csv) file, over the file adapter (workbook/xlsx). It never modifies its
 * input: the result goes to a copy, written to a temporary file first and renamed into place, so a
 * failure never leaves a half-written workbook. Problems the user can fix end with exit code 2 and a
 * one-line message on stderr; there is never a stack trace.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { isoFromParts } from "../common/dates";
import { checkWorkbook } from "../pipeline/check-workbook";
import { COMMAND_LINE_WORDS } from "../pipeline/door-words";
import { SettingsError } from "../pipeline/settings";
import { claimLinesCsvChunks } from "../report/claim-lines-csv";
import { countClaimLines } from "../report/claim-lines-sheet";
import { csvToWorkbookBytes, CsvFileError } from "../workbook/csv";
import { WorkbookFileError, WorkbookWriteError } from "../workbook/file-errors";
import { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import { HELP, parseArgs, UsageError, type CheckArgs } from "./args";
import { toJson } from "./json";
import { formatSummary } from "./summary";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  today: () => string;
}

const realIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  today: () => {
    const now = new Date();
    return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
  },
};

/** A problem the user can fix: reported in one line, exit code 2. */
class CliProblem extends Error {}

export function defaultOutputPath(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}.arrs.xlsx`);
}

async function readInput(file: string): Promise<Buffer> {
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

/** Bytes, or text in pieces (a long CSV file is written as it is made, never held whole). */
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

async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  const input = await readInput(args.file);
  const output = args.out ?? defaultOutputPath(args.file);
  if (path.resolve(output) === path.resolve(args.file)) {
    throw new CliProblem("--out must be a different file from the input: the tool never modifies its input workbook.");
  }
  const claimLinesFile = args.claimLines;
  if (claimLinesFile && [args.file, output].some((file) => path.resolve(file) === path.resolve(claimLinesFile))) {
    throw new CliProblem("--claim-lines must be a different file from the input workbook and the checked copy.");
  }
  let workbook: XlsxWorkbook;
  let checked: Awaited<ReturnType<typeof checkWorkbook>>;
  try {
    // A CSV roster becomes a workbook of one sheet named after the file; the rest is the same.
    workbook = await XlsxWorkbook.fromBuffer(path.extname(args.file).toLowerCase() === ".csv" ? await csvToWorkbookBytes(input, args.file) : input);
    // Sheets are read as the pipeline needs them, so a sheet too long to read is refused here.
    checked = await checkWorkbook(workbook, { sheet: args.sheet, settings: args.settings, words: COMMAND_LINE_WORDS, today: io.today() });
  } catch (error) {
    if (error instanceof WorkbookFileError || error instanceof CsvFileError) throw new CliProblem(`${args.file}: ${error.message}`);
    throw error;
  }
  if (checked.kind === "problem") throw new CliProblem(`${args.file}: ${checked.message}`);

  try {
    await workbook.write(checked.output);
  } catch (error) {
    // Refused before anything changed (the user's data, or merged cells, where the columns would go).
    if (error instanceof WorkbookWriteError) throw new CliProblem(`${args.file}: ${error.message}`);
    throw error;
  }
  await writeAtomically(output, await workbook.toBuffer());
  if (claimLinesFile) await writeAtomically(claimLinesFile, claimLinesCsvChunks(checked.result), "--claim-lines");

  // "warnings" stays in the JSON for scripts that read it; the copy now keeps every part of the
  // workbook the tool does not write (charts, pivot tables, macros), so there is nothing to warn of.
  const warnings: string[] = [];
  const where = { workbook: args.file, sheet: checked.roster.sheetName, headerRow: checked.roster.headerRowNumber, output };
  if (args.json) io.stdout(`${JSON.stringify({ ...toJson(checked.result, where), warnings }, null, 2)}\n`);
  else {
    const csv = claimLinesFile ? `Claim lines: ${countClaimLines(checked.result).toLocaleString("en-GB")} written to ${claimLinesFile}\n` : "";
    io.stdout(`${formatSummary(checked.result, where)}\n${csv}`);
  }
  return 0;
}

export async function main(argv: readonly string[], io: Io = realIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === "help") { io.stdout(`${HELP}\n`); return 0; }
    if (args.command === "version") { io.stdout(`arrs ${VERSION}\n`); return 0; }
    return await runCheck(args, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof CliProblem || error instanceof SettingsError) {
      io.stderr(`arrs: ${error.message}\n`);
      return 2;
    }
    // Anything else is our bug: say so plainly, without a stack trace, and keep the user's data safe.
    io.stderr(`arrs: something went wrong inside the tool (${(error as Error)?.message ?? String(error)}). Your workbook was not changed. Please report this.\n`);
    return 1;
  }
}

const VERSION = "0.1.0";
