/**
 * The ribbon's one-click "Write claim summary", without Office: check the roster with the settings stored in
 * the workbook, write the output, and say what came of it. commands.ts supplies the Excel workbook and
 * the Office calls; the tests supply a workbook file and spies.
 */
import type { IsoDate } from "../common/dates";
import { formatMoney } from "../common/money";
import { OWNED_SHEETS } from "../common/owned";
import type { CheckResult } from "../engine/types";
import { checkWorkbook } from "../pipeline/check-workbook";
import { RIBBON_WORDS } from "../pipeline/door-words";
import { openWorkbook } from "../pipeline/open-workbook";
import { summariseResult } from "../pipeline/result-summary";
import type { WorkbookPort } from "../workbook/types";

export { CLAIM_SUMMARY_ACTION, WORKBOOK_WRITTEN_EVENT } from "./names";

/** What the user is told when the command ends, in words a practice manager can act on. */
export interface Notice {
  /**
   * done: written, nothing to fix; attention: written, with errors to fix before claiming; problem:
   * the workbook cannot be checked as it is; failed: something went wrong.
   */
  kind: "done" | "attention" | "problem" | "failed";
  title: string;
  message: string;
}

export interface ClaimSummaryDeps {
  today: IsoDate;
  /** Opens the task pane (the first run, when there are no settings to use yet). */
  showTaskpane: () => Promise<void>;
  notify: (notice: Notice) => Promise<void> | void;
}

export type ClaimSummaryOutcome =
  | { kind: "needs-settings" }
  | { kind: "done"; notice: Notice; result: CheckResult }
  | { kind: "problem" | "failed"; notice: Notice };

/**
 * Runs the whole pipeline with the stored settings and writes its output. With no ARRS Settings sheet
 * yet, it writes nothing and opens the task pane instead, so the user enters the settings there first.
 * It never throws: whatever happens ends in a notice (or the task pane).
 */
export async function runClaimSummary(workbook: WorkbookPort, deps: ClaimSummaryDeps): Promise<ClaimSummaryOutcome> {
  let stage: "read" | "write" = "read";
  let outcome: ClaimSummaryOutcome;
  try {
    const opened = await openWorkbook(workbook);
    if (!opened.hasSettingsSheet) {
      await deps.showTaskpane();
      return { kind: "needs-settings" };
    }
    const checked = await checkWorkbook(workbook, { opened, words: RIBBON_WORDS, today: deps.today });
    if (checked.kind === "problem") {
      outcome = { kind: "problem", notice: { kind: "problem", title: "The claim summary was not written", message: checked.message } };
    } else {
      stage = "write";
      await workbook.write(checked.output);
      // Bring the summary into view where the adapter can (inside Excel); not worth failing over.
      await workbook.selectRow?.(OWNED_SHEETS.summary, 1).catch(() => undefined);
      outcome = { kind: "done", notice: doneNotice(checked.result), result: checked.result };
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = stage === "read"
      ? `The workbook could not be read (${reason}). Nothing was written. Try again, or open the ARRS checker.`
      : `The claim summary could not be written (${reason}). Try again; if it happens again, open the ARRS checker and choose "Check roster" there.`;
    outcome = { kind: "failed", notice: { kind: "failed", title: "Something went wrong", message } };
  }
  try {
    await deps.notify(outcome.notice);
  } catch (error) {
    // The work is done or reported either way; a notice that cannot be shown must not hide that.
    // Only the error: the notice holds the PCN's figures, which stay out of logs.
    console.warn("ARRS checker: could not show the notice", error);
  }
  return outcome;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "Claimable for 2025/26: £612,345.67 of an ARRS sum of £700,000.00, which leaves £87,654.33 of it to claim. ..." */
export function doneNotice(result: CheckResult): Notice {
  const { totals: t, counts: { error: errors, warning: warnings } } = summariseResult(result);
  const money = t.entitlement !== null && t.headroom !== null
    ? `Claimable for ${result.settings.financialYear}: ${formatMoney(t.claimable)} of an ARRS sum of ${formatMoney(t.entitlement)}${t.headroom >= 0
      ? `, which leaves ${formatMoney(t.headroom)} of it to claim.`
      : `: ${formatMoney(-t.headroom)} over it, which the PCN would fund itself.`}`
    : `Claimable for ${result.settings.financialYear}: ${formatMoney(t.claimable)}. The ARRS sum is not known: enter the PCN's weighted population in the ARRS checker.`;
  const findings = errors + warnings === 0
    ? "No errors or warnings."
    : `${count(errors, "error")} and ${count(warnings, "warning")} to look at: open the ARRS checker to see them, or read the ARRS columns beside the roster.`;
  return {
    kind: errors ? "attention" : "done",
    title: errors ? `Claim summary written: ${count(errors, "error")} to fix` : "Claim summary written",
    message: `${money} ${findings} The ${OWNED_SHEETS.summary} and ${OWNED_SHEETS.claimLines} sheets are up to date.`,
  };
}
