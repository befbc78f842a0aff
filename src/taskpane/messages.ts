/** Errors as the pane shows them: a sentence for the user, never a stack trace. */
import { SettingsError } from "../pipeline/settings";

/** A problem the pane can show as it is (the workbook has no roster, a setting is wrong). */
export class PaneError extends Error {
  override name = "PaneError";
  readonly userMessage: string;
  constructor(message: string) {
    super(message);
    this.userMessage = message;
  }
}

/** A sentence for the user from anything thrown: never a stack trace. */
export function userMessageOf(error: unknown): string {
  if (error && typeof error === "object") {
    const userMessage = (error as { userMessage?: unknown }).userMessage;
    if (typeof userMessage === "string" && userMessage.trim()) return userMessage;
    const { name, message } = error as { name?: unknown; message?: unknown };
    if (typeof message === "string" && message.trim()) {
      const known = error instanceof SettingsError || name === "WorkbookFileError" || name === "WorkbookWriteError";
      const firstLine = message.split("\n")[0].trim();
      return known ? firstLine : `Something went wrong: ${firstLine} Try again; if it keeps happening, close and reopen the add-in.`;
    }
  }
  return "Something went wrong. Try again; if it keeps happening, close and reopen the add-in.";
}
