/**
 * The notice dialog (commands.html) that the ribbon's Write claim summary opens: shows the notice from
 * the query string, and answers with Close or Open the ARRS checker. When something needs the user
 * (errors to fix, a problem, a failure), opening the checker is the main action, first and focused;
 * when all is well, Close is. Text is set with textContent only.
 */
import { NOTICE_CLOSE, NOTICE_OPEN_PANE, readNoticeQuery, type NoticeKind } from "./notice-message";

/** The button the notice leads with, by its kind. */
export function mainAction(kind: NoticeKind): "notice-open-pane" | "notice-close" {
  return kind === "done" ? "notice-close" : "notice-open-pane";
}

export function renderNotice(doc: Document, search: string): HTMLButtonElement {
  const notice = readNoticeQuery(search) ?? { kind: "problem" as const, title: "ARRS checker", message: "There is nothing to show here. Use the Write claim summary button on the Home tab." };
  doc.title = notice.title;
  doc.body.dataset.kind = notice.kind;
  doc.getElementById("notice-title")!.textContent = notice.title;
  doc.getElementById("notice-message")!.textContent = notice.message;
  const main = doc.getElementById(mainAction(notice.kind)) as HTMLButtonElement;
  main.classList.add("primary");
  main.parentElement!.prepend(main);
  return main;
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

if (typeof document !== "undefined" && document.getElementById("notice-title")) {
  const main = renderNotice(document, window.location.search);
  document.getElementById("notice-close")!.addEventListener("click", () => void answer(NOTICE_CLOSE));
  document.getElementById("notice-open-pane")!.addEventListener("click", () => void answer(NOTICE_OPEN_PANE));
  main.focus();
}
