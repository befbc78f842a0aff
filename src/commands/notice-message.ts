/**
 * What passes between the Write claim summary command and its notice dialog (commands.html): the notice in
 * the page's query string, and the dialog's answer through Office.context.ui.messageParent.
 */
import type { Notice } from "./claim-summary";

/** The dialog's answers. */
export const NOTICE_CLOSE = "close";
export const NOTICE_OPEN_PANE = "open-pane";

export type NoticeKind = Notice["kind"];

const KINDS: readonly NoticeKind[] = ["done", "attention", "problem", "failed"];

export function noticeQuery(notice: Notice): string {
  return new URLSearchParams({ kind: notice.kind, title: notice.title, message: notice.message }).toString();
}

/** The notice in a query string; null when it holds none (the page opened by itself). */
export function readNoticeQuery(search: string): Notice | null {
  const params = new URLSearchParams(search);
  const kind = params.get("kind");
  const title = params.get("title");
  const message = params.get("message");
  if (!kind || !KINDS.includes(kind as Notice["kind"]) || title === null || message === null) return null;
  return { kind: kind as Notice["kind"], title, message };
}
