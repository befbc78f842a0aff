/**
 * `arrs check --month 2026-11`: the month's claim, header and lines, as a CSV file beside the checked
 * copy (NAME.claim-2026-11.csv) for the monthly submission. A month outside the year checked is a
 * problem in one line; so is a file of that name the tool did not write (without --force), which is left alone.
 */
import * as path from "node:path";
import type { FinancialYear, IsoDate } from "../common/dates";
import { formatMoney, toPence } from "../common/money";
import type { CheckResult } from "../engine/types";
import { longMonth, yearClaimPeriod } from "../report/claim-header";
import { claimLines } from "../report/claim-lines-sheet";
import { assertMayReplace, CliProblem, type ReplaceRule } from "./files";
import { inYear, monthClaimPath } from "./month";
import { ownsMonthClaim } from "./workbook-files";

export interface MonthClaimTarget {
  month: IsoDate;
  file: string;
}

/** Where the month's claim goes, once it is known to be in the year and free to write. */
export async function monthClaimTarget(
  month: IsoDate, year: FinancialYear, files: { input: string; output: string; claimLines?: string; force: boolean },
): Promise<MonthClaimTarget> {
  if (!inYear(month, year)) {
    throw new CliProblem(`--month ${longMonth(month)} is not in ${year.label}, the year checked (${yearClaimPeriod(year).replace(/ \(.*\)$/, "")}): give a month in it, or the year with --year.`);
  }
  const file = monthClaimPath(files.output, month);
  const clash = [files.input, files.output, files.claimLines].some((other) => other !== undefined && path.resolve(other) === path.resolve(file));
  if (clash) throw new CliProblem(`the month's claim goes to "${file}", which is also the input, the copy or --claim-lines: choose another --out or --claim-lines.`);
  await assertMayReplace(file, monthClaimRule(files.force));
  return { month, file };
}

/** A month's claim this tool wrote may be written over; any other file only with --force. */
export function monthClaimRule(force: boolean): ReplaceRule {
  return { flag: "--out", what: "a month's claim", force, owns: ownsMonthClaim };
}

/** "Claim for November 2026: 14 lines, £12,345.67 claimable, written to …" (the summary says what the header lacks). */
export function monthClaimSummary(result: CheckResult, target: MonthClaimTarget): string {
  let lines = 0;
  let pence = 0;
  for (const line of claimLines(result, { month: target.month })) {
    lines += 1;
    pence += Math.round(toPence(line.claim.claimable) * 100);
  }
  return `Claim for ${longMonth(target.month)}: ${lines} line${lines === 1 ? "" : "s"}, ${formatMoney(pence / 100)} claimable, written to ${target.file}`;
}
