/**
 * `arrs check`: the whole pipeline on an .xlsx (or .csv) file, over the file adapter (workbook/xlsx). It never modifies its
 * input: the result goes to a copy, written to a temporary file first and renamed into place, so a
 * failure never leaves a half-written workbook. Problems the user can fix end with exit code 2 and a
 * one-line message on stderr; there is never a stack trace.
 */
import * as path from "node:path";
import { isoFromParts } from "../common/dates";
import { checkWorkbook, type RatesWorkbook } from "../pipeline/check-workbook";
import { COMMAND_LINE_WORDS } from "../pipeline/door-words";
import { joinSheetNames } from "../pipeline/open-workbook";
import { rosterReadingOf } from "../pipeline/roster-reading";
import { requestedUnspentRole } from "../pipeline/forecast";
import { SettingsError } from "../pipeline/settings";
import { claimLinesCsvChunks, monthClaimCsv } from "../report/claim-lines-csv";
import { countClaimLines } from "../report/claim-lines-sheet";
import { HELP, parseArgs, UsageError, type CheckArgs } from "./args";
import { checkedCopyRule, fileProblems, openInputWorkbook, openRatesWorkbook, writeCheckedCopy } from "./check-file";
import { assertMayReplace, CliProblem, writeOutputFile } from "./files";
import { monthClaimRule, monthClaimSummary, monthClaimTarget } from "./month-claim";
import { runRates } from "./rates";
import { runRollup } from "./rollup";
import { toJson } from "./json";
import { formatSummary } from "./summary";
import { forTerminal, jsonForTerminal } from "./terminal-text";
import { assertOutputExtension, defaultOutputPath, ownsClaimLines } from "./workbook-files";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  today: () => string;
}

export { defaultOutputPath };

/**
 * `arrs check roster.xlsx | head`: once the reader of the output has gone, writing gives EPIPE, which
 * would end the command with a stack trace. The output is simply no longer wanted: stop quietly.
 */
function stopQuietlyWhenOutputCloses(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (stream.listenerCount("error") === 0) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
  return stream;
}

const realIo: Io = {
  stdout: (text) => stopQuietlyWhenOutputCloses(process.stdout).write(text),
  stderr: (text) => stopQuietlyWhenOutputCloses(process.stderr).write(text),
  today: () => {
    const now = new Date();
    return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
  },
};

/** The --rates workbook for a check: never the checked copy, and not the roster workbook itself. */
async function openRates(file: string, options: { input: string; output: string }): Promise<RatesWorkbook> {
  if (path.resolve(file) === path.resolve(options.output)) {
    throw new CliProblem("--rates must be a different file from --out: the checked copy would replace the rates file.");
  }
  if (path.resolve(file) === path.resolve(options.input)) {
    throw new CliProblem("--rates names the roster workbook itself; its own \"ARRS max reimb\" sheets are read anyway. Leave out --rates.");
  }
  return openRatesWorkbook(file);
}

async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  if (args.out && path.resolve(args.out) === path.resolve(args.file)) {
    throw new CliProblem("--out must be a different file from the input: the tool never modifies its input workbook.");
  }
  const { workbook, extension } = await openInputWorkbook(args.file);
  const output = args.out ?? defaultOutputPath(args.file, extension);
  const claimLinesFile = args.claimLines;
  if (claimLinesFile && [args.file, output].some((file) => path.resolve(file) === path.resolve(claimLinesFile))) {
    throw new CliProblem("--claim-lines must be a different file from the input workbook and the checked copy.");
  }
  if (args.out) assertOutputExtension(args.out, extension);
  const rates = args.rates ? await openRates(args.rates, { input: args.file, output }) : undefined;
  // Files of the user's are refused before the work, and every file before the first is written.
  const claimLinesRule = { flag: "--claim-lines", what: "a claim lines file", force: args.force, owns: ownsClaimLines };
  await assertMayReplace(output, checkedCopyRule(args.force));
  if (claimLinesFile) await assertMayReplace(claimLinesFile, claimLinesRule);
  const unspentAs = args.unspentAs ? requestedUnspentRole(args.unspentAs, "--unspent-as") : undefined;
  const checked = await fileProblems(args.file, () => checkWorkbook(workbook, {
    sheets: args.sheets, settings: args.settings, words: COMMAND_LINE_WORDS, today: io.today(), rates, asOf: args.asOf, unspentAs,
  }));
  if (checked.kind === "problem") throw new CliProblem(`${args.file}: ${checked.message}`);
  // The month's claim is refused, like every problem, before anything is written.
  const monthClaim = args.month ? await monthClaimTarget(args.month, checked.result.financialYear, { input: args.file, output, claimLines: claimLinesFile, force: args.force }) : null;

  await writeCheckedCopy(workbook, checked, { file: args.file, output, force: args.force });
  if (claimLinesFile) await writeOutputFile(claimLinesFile, claimLinesCsvChunks(checked.result), claimLinesRule);
  if (monthClaim) await writeOutputFile(monthClaim.file, [monthClaimCsv(checked.result, monthClaim.month)], monthClaimRule(args.force));

  // "warnings" stays in the JSON for scripts that read it; the copy now keeps every part of the
  // workbook the tool does not write (charts, pivot tables, macros), so there is nothing to warn of.
  const warnings: string[] = [];
  const where = { workbook: args.file, sheet: joinSheetNames(checked.sheets.read), sheets: checked.sheets, headerRow: checked.roster.headerRowNumber, output, reading: rosterReadingOf(checked.rosters), forecast: checked.forecast };
  if (args.json) io.stdout(`${jsonForTerminal(JSON.stringify({ ...toJson(checked.result, where), warnings }, null, 2))}\n`);
  else {
    const lines = claimLinesFile ? `Claim lines: ${countClaimLines(checked.result).toLocaleString("en-GB")} written to ${forTerminal(claimLinesFile)}\n` : "";
    const month = monthClaim ? `${forTerminal(monthClaimSummary(checked.result, monthClaim))}\n` : "";
    io.stdout(`${formatSummary(checked.result, where)}\n${lines}${month}`);
  }
  return 0;
}

export async function main(argv: readonly string[], io: Io = realIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === "help") { io.stdout(`${HELP}\n`); return 0; }
    if (args.command === "version") { io.stdout(`arrs ${VERSION}\n`); return 0; }
    if (args.command === "rates") return await runRates(args, io);
    if (args.command === "rollup") return await runRollup(args, io);
    return await runCheck(args, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof CliProblem || error instanceof SettingsError) {
      io.stderr(`arrs: ${forTerminal(error.message)}\n`);
      return 2;
    }
    // Anything else is our bug: say so plainly, without a stack trace, and keep the user's data safe.
    io.stderr(`arrs: something went wrong inside the tool (${forTerminal((error as Error)?.message ?? String(error))}). Your workbook was not changed. Please report this.\n`);
    return 1;
  }
}

const VERSION = "0.1.0";
