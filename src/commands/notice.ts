/**
 * The notice dialog (commands.html) that the ribbon's Claim summary opens: shows the notice from the
 * query string, and answers with Close or Open the ARRS checker. Text is set with textContent only.
 */
import { NOTICE_CLOSE, NOTICE_OPEN_PANE, readNoticeQuery } from "./notice-message";

export function renderNotice(doc: Document, search: string): void {
  const notice = readNoticeQuery(search) ?? { kind: "problem" as const, title: "ARRS checker", message: "There is nothing to show here. Use the Claim summary button on the Home tab." };
  doc.title = notice.title;
  doc.body.dataset.kind = notice.kind;
  doc.getElementById("notice-title")!.textContent = notice.title;
  doc.getElementById("notice-message")!.textContent = notice.message;
}

/** Office must be ready before messageParent; outside a dialog (the page opened by itself) just close. */
async function answer(message: string): Promise<void> {
  if (typeof Office !== "undefined") {
    await Office.onReady();
    if (typeof Office.context?.ui?.messageParent === "function") {
      Office.context.ui.messageParent(message);
      return;
    }
  }
  window.close();
}

renderNotice(document, window.location.search);
document.getElementById("notice-close")!.addEventListener("click", () => void answer(NOTICE_CLOSE));
document.getElementById("notice-open-pane")!.addEventListener("click", () => void answer(NOTICE_OPEN_PANE));
document.getElementById("notice-close")!.focus();
