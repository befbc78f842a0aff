/**
 * `arrs rollup`: every PCN's workbook at once, for an ICB analyst. Finds the workbooks in the files
 * and folders named, checks each with its own stored settings through the pipeline's roll-up
 * (pipeline/rollup.ts), writes each checked copy beside its workbook as `arrs check` does (not with
 * --no-copies), and writes one ICB workbook of four sheets. A workbook that cannot be checked is a row
 * saying why; exit code 2 only when nothing could be written (no workbooks found, the output in the way).
 */
import * as path from "node:path";
import { financialYearOf } from "../common/dates";
import { COMMAND_LINE_WORDS } from "../pipeline/door-words";
import { rollUp, type RollupSource } from "../pipeline/rollup";
import { SettingsError } from "../pipeline/settings";
import type { CheckedWorkbook } from "../pipeline/check-workbook";
import { CsvFileError } from "../workbook/csv";
import { WorkbookFileError, WorkbookWriteError } from "../workbook/file-errors";
import type { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import type { RollupArgs } from "./args";
import { fileProblems, openInputWorkbook, openRatesWorkbook, writeCheckedCopy } from "./check-file";
import { CliProblem } from "./files";
import type { Io } from "./main";
import { findRollupInputs } from "./rollup-inputs";
import { rollupJson } from "./rollup-json";
import { formatRollupSummary } from "./rollup-summary";
import { assertOutputFree, writeRollupWorkbook } from "./rollup-workbook";
import { forTerminal } from "./terminal-text";
import { defaultOutputPath } from "./workbook-files";

/** A PCN's file, and (once opened) the extension its checked copy needs: .xlsm for a macro-enabled workbook. */
interface PcnSource extends RollupSource<XlsxWorkbook> {
  copyExtension: string;
}

/** "arrs-rollup-2025-26.xlsx", in the current folder. */
export function defaultRollupPath(year: string): string {
  return path.resolve(`arrs-rollup-${year.replace("/", "-")}.xlsx`);
}

export async function runRollup(args: RollupArgs, io: Io): Promise<number> {
  const today = io.today();
  // Where the ICB workbook goes is checked first when it is known, so a batch is not run for nothing.
  const knownOut = args.out ?? (args.year ? defaultRollupPath(args.year) : null);
  if (knownOut) await assertOutputFree(knownOut, args.force);
  const rates = args.rates ? await openRatesWorkbook(args.rates) : undefined;
  const inputs = await findRollupInputs(args.inputs, { leaveOut: [knownOut, args.rates].filter((file): file is string => Boolean(file)) });
  if (inputs.length === 0) {
    throw new CliProblem(`no PCN workbooks (.xlsx, .xlsm or .csv) found in ${args.inputs.map((input) => `"${input}"`).join(", ")}. Name the files, or the folder that holds them.`);
  }
  const rollup = await rollUp(inputs.map(sourceOf), {
    financialYear: args.year,
    rates,
    today,
    asOf: args.asOf,
    words: COMMAND_LINE_WORDS,
    keep: args.copies ? (source, workbook, checked) => keepCopy(source as PcnSource, workbook, checked, { io, force: args.force }) : undefined,
    progress: ({ index, count, file }) => io.stderr(`${index} of ${count}: ${forTerminal(path.basename(file))}\n`),
    describeError,
  });
  const out = args.out ?? defaultRollupPath(rollup.financialYear ?? financialYearOf(today).label);
  if (!knownOut) await assertOutputFree(out, args.force);
  await writeRollupWorkbook(out, rollup, { force: args.force });
  if (args.json) io.stdout(`${JSON.stringify(rollupJson(rollup, { output: out }), null, 2)}\n`);
  else io.stdout(`${formatRollupSummary(rollup, { output: out })}\n`);
  return 0;
}

function sourceOf(file: string): PcnSource {
  const source: PcnSource = {
    file,
    copyExtension: ".xlsx",
    open: async () => {
      const opened = await openInputWorkbook(file);
      source.copyExtension = opened.extension;
      return opened.workbook;
    },
  };
  return source;
}

/**
 * The checked copy beside the workbook (NAME.arrs.xlsx), as `arrs check` writes it. A copy that cannot
 * be written (a read-only folder, the copy open in Excel, a file of that name the tool did not write
 * and no --force) is said on stderr; the PCN's figures still count in the roll-up, which does not
 * depend on the copy.
 */
async function keepCopy(source: PcnSource, workbook: XlsxWorkbook, checked: CheckedWorkbook, options: { io: Io; force: boolean }): Promise<string | null> {
  const output = defaultOutputPath(source.file, source.copyExtension);
  const io = options.io;
  try {
    await fileProblems(source.file, () => writeCheckedCopy(workbook, checked, { file: source.file, output, force: options.force }));
    return output;
  } catch (error) {
    if (!(error instanceof CliProblem)) throw error;
    io.stderr(`  checked copy not written: ${forTerminal(describeError(error, source.file))}\n`);
    return null;
  }
}

/**
 * What went wrong with one workbook, in one line without the file's name (the row names it). A
 * problem the user can fix says what to do; anything else is the tool's bug and says so.
 */
function describeError(error: unknown, file: string): string {
  // A sheet is read as the check needs it, so a damaged or too-long sheet is found inside the check.
  if (error instanceof WorkbookFileError || error instanceof CsvFileError || error instanceof WorkbookWriteError) return error.message;
  if (error instanceof CliProblem || error instanceof SettingsError) {
    // The file's own problems start with its name ("roster.xlsx: ..."), which the row already shows.
    return error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message;
  }
  return `something went wrong inside the tool (${(error as Error)?.message ?? String(error)}); this workbook was left out. Please report this.`;
}
