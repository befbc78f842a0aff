/**
 * Ribbon commands, loaded into the shared runtime (taskpane.html) beside the task pane and the custom
 * functions. "Write claim summary" (the manifest's ExecuteFunction `claimSummary`) runs the whole pipeline
 * on the open workbook with its stored settings; claim-summary.ts holds the logic, this file only
 * wires Office to it.
 *
 * The outcome is shown in a small Office dialog (commands.html, filled in by notice.ts), since Excel
 * has no notification bar for add-ins. Outside Office (a plain browser tab), nothing is registered.
 *
 * After a run that wrote the sheets, a WORKBOOK_WRITTEN_EVENT is dispatched on window, so that the task
 * pane (same runtime, same window) can refresh what it shows if it listens for it.
 */
import { isoFromParts } from "../common/dates";
import { OfficeWorkbook } from "../workbook/office-workbook";
import type { Notice } from "./claim-summary";
import { CLAIM_SUMMARY_ACTION, WORKBOOK_WRITTEN_EVENT } from "./names";
import { NOTICE_CLOSE, NOTICE_OPEN_PANE, noticeQuery } from "./notice-message";

function today(): string {
  const now = new Date();
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

async function claimSummary(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // The pipeline loads when the button is first pressed, not with the page.
    const { runClaimSummary } = await import("./claim-summary");
    const outcome = await runClaimSummary(new OfficeWorkbook(), {
      today: today(),
      showTaskpane: () => Office.addin.showAsTaskpane(),
      notify: showNotice,
    });
    if (outcome.kind === "done") window.dispatchEvent(new CustomEvent(WORKBOOK_WRITTEN_EVENT, { detail: outcome }));
  } catch (error) {
    // runClaimSummary reports its own failures; this is the last guard (e.g. OfficeWorkbook's constructor).
    console.error("ARRS checker: Write claim summary failed", error);
  } finally {
    // Excel shows the button as busy until this is called, so it is called whatever happened.
    event.completed();
  }
}

/** Opens commands.html as a dialog showing the notice. Resolves once it is open (or could not be). */
export function showNotice(notice: Notice): Promise<void> {
  const url = new URL("commands.html", window.location.href);
  url.search = noticeQuery(notice);
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url.href, { height: 40, width: 35, displayInIframe: true, promptBeforeOpen: false }, (result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        // For example 12007, a dialog already open. The sheets are written either way.
        console.warn(`ARRS checker: could not open the notice (${result.error.code} ${result.error.message})`);
        resolve();
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        if ("message" in arg && arg.message === NOTICE_OPEN_PANE) {
          Office.addin.showAsTaskpane().catch((error) => console.warn("ARRS checker: could not open the task pane", error));
        } else if ("message" in arg && arg.message !== NOTICE_CLOSE) {
          console.warn("ARRS checker: unexpected message from the notice");
        }
      });
      resolve();
    });
  });
}

Office.onReady(() => {
  // Office.actions exists only inside an Office host that supports add-in commands.
  if (typeof Office.actions?.associate === "function") Office.actions.associate(CLAIM_SUMMARY_ACTION, claimSummary);
});
