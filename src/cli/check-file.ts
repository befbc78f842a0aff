/**
 * The steps `arrs check` and `arrs rollup` share for one PCN's file: open it (a CSV roster as a
 * workbook of one sheet), say what is wrong with it in one line, and write the checked copy beside it.
 * The check itself is the pipeline's (checkWorkbook); so a PCN's figures in a roll-up are exactly
 * what `arrs check` gives for its file alone.
 */
import * as path from "node:path";
import type { CheckedWorkbook, RatesWorkbook } from "../pipeline/check-workbook";
import { csvToWorkbookBytes, CsvFileError } from "../workbook/csv";
import { WorkbookFileError, WorkbookWriteError } from "../workbook/file-errors";
import { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import { CliProblem, readInput, writeOutputFile, type ReplaceRule } from "./files";
import { ownsWorkbook, workbookExtension } from "./workbook-files";

/** A user's file, opened: the workbook, and the extension its checked copy needs (.xlsm for a macro-enabled one). */
export interface InputWorkbook {
  workbook: XlsxWorkbook;
  extension: string;
}

/** The input file as a workbook: an .xlsx or .xlsm file as it is, a CSV roster as a workbook of one sheet named after the file. */
export async function openInputWorkbook(file: string): Promise<InputWorkbook> {
  const input = await readInput(file);
  const csv = path.extname(file).toLowerCase() === ".csv";
  return fileProblems(file, async () => ({
    workbook: await XlsxWorkbook.fromBuffer(csv ? await csvToWorkbookBytes(input, file) : input),
    // The copy keeps what the workbook is (macros and all), so it needs the same kind of name.
    extension: csv ? ".xlsx" : await workbookExtension(input),
  }));
}

/** How the checked copy may replace a file already there: only the tool's own earlier copy, unless --force. */
export function checkedCopyRule(force: boolean): ReplaceRule {
  return { flag: "--out", what: "a checked copy", force, owns: ownsWorkbook };
}

/**
 * Runs `work` on the user's file, turning what is wrong with the file into a one-line CliProblem
 * that names it. Sheets are read as the pipeline needs them, so a sheet too long to read is refused
 * inside a check, not on opening.
 */
export async function fileProblems<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WorkbookFileError || error instanceof CsvFileError) throw new CliProblem(`${file}: ${error.message}`);
    throw error;
  }
}

/**
 * The checked copy: the tool's sheets and columns written into the opened workbook, then saved to
 * `output` through a temporary file, so a failure never leaves a half-written workbook. The input
 * itself is never modified.
 */
export async function writeCheckedCopy(workbook: XlsxWorkbook, checked: CheckedWorkbook, options: { file: string; output: string; force: boolean }): Promise<void> {
  try {
    await workbook.write(checked.output);
  } catch (error) {
    // Refused before anything changed (the user's data, or merged cells, where the columns would go).
    if (error instanceof WorkbookWriteError) throw new CliProblem(`${options.file}: ${error.message}`);
    throw error;
  }
  await writeOutputFile(options.output, await workbook.toBuffer(), checkedCopyRule(options.force));
}

/** The --rates workbook, opened; the name it is cited by is the one the user typed. */
export async function openRatesWorkbook(file: string): Promise<RatesWorkbook> {
  const bytes = await readInput(file);
  return fileProblems(file, async () => ({ workbook: await XlsxWorkbook.fromBuffer(bytes), name: file }));
}
