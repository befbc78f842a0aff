/**
 * What `arrs rollup` prints when it has written the ICB workbook: the year, a line per PCN (its claim,
 * forecast unspent and counts of errors and warnings) or why its workbook was not checked, the totals,
 * and where the workbook is. Names come from the user's files and settings, so they are printed escaped.
 */
import * as path from "node:path";
import { formatUkDate } from "../common/dates";
import { formatMoney, formatWte } from "../common/money";
import { pcnFigures, pcnIdentity, sumsKnownForSome, totalFigures } from "../report/icb-figures";
import type { CheckedPcn, Rollup } from "../report/icb-types";
import { forTerminal } from "./terminal-text";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const moneyOrUnknown = (amount: number | null) => (amount === null ? "not known" : formatMoney(amount));


export function formatRollupSummary(rollup: Rollup, options: { output: string }): string {
  const checked = rollup.pcns.filter((pcn): pcn is CheckedPcn => pcn.kind === "checked");
  const failed = rollup.pcns.length - checked.length;
  const lines = [`ARRS roll-up ${rollup.financialYear ?? ""}: ${plural(checked.length, "PCN")} checked${failed > 0 ? `, ${failed} not` : ""} (as of ${formatUkDate(rollup.asOf)})`];
  for (const pcn of rollup.pcns) {
    if (pcn.kind === "failed") {
      lines.push(`  NOT CHECKED  ${forTerminal(path.basename(pcn.file))}: ${forTerminal(pcn.error)}`);
      continue;
    }
    const f = pcnFigures(pcn);
    const unspent = f.unspent === null ? "" : `, unspent ${formatMoney(f.unspent)}`;
    lines.push(`  ${forTerminal(pcnIdentity(pcn).pcn)}: claimable ${formatMoney(f.claimable)} of ARRS sum ${moneyOrUnknown(f.entitlement)}${unspent}; ${plural(f.errors, "error")}, ${plural(f.warnings, "warning")}`);
  }
  const figures = checked.map(pcnFigures);
  const t = totalFigures(figures);
  // A total over only some PCNs says so, so it is not read as the ICB's whole.
  const some = sumsKnownForSome(figures);
  const someKnown = some ? ` (known for ${some.known} of ${some.of} PCNs)` : "";
  lines.push(`Total: ${t.staff} staff (${formatWte(t.wte)} WTE), claimable ${formatMoney(t.claimable)} of ARRS sums ${moneyOrUnknown(t.entitlement)}${someKnown}${t.unspent === null ? "" : `, forecast unspent ${formatMoney(t.unspent)}${someKnown}`}`);
  lines.push(`Written to ${forTerminal(options.output)}${checked.some((pcn) => pcn.copy) ? "; each PCN's checked copy is beside its workbook (NAME.arrs.xlsx)" : ""}`);
  return lines.join("\n");
}
