/**
 * Excel's errors in words a practice manager can act on. Office.js rejects with an
 * OfficeExtension.Error whose `code` is one of Excel.ErrorCodes or OfficeExtension.ErrorCodes
 * ("AccessDenied", "ItemNotFound", "ConnectionFailure", ...); its `message` is Excel's own, meant for
 * developers (docs: "Error handling with the Excel JavaScript API"). Codes are matched as strings,
 * so nothing here needs Office loaded.
 */

export type OfficeProblem =
  | "protected"
  | "sheet-missing"
  | "sheet-changed"
  | "own-data"
  | "not-owned"
  | "connection"
  | "too-large"
  | "busy"
  | "cell-edit"
  | "exists"
  | "not-supported"
  | "unknown";

/** An error from the Office adapter, with the sentence to show the user. */
export class OfficeWorkbookError extends Error {
  override name = "OfficeWorkbookError";
  constructor(
    readonly problem: OfficeProblem,
    readonly userMessage: string,
    /** Excel's own error code, when the error came from Excel. */
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
  }
}

export const protectedSheetMessage = (sheet: string) =>
  `The sheet "${sheet}" is protected. Unprotect it (Review > Unprotect Sheet) and try again.`;

const MESSAGES: Record<string, [OfficeProblem, string]> = {
  AccessDenied: ["protected", "A sheet the ARRS checker writes to is protected, or the workbook is read-only. Unprotect it (Review > Unprotect Sheet) or open an editable copy, and try again."],
  ItemNotFound: ["sheet-changed", "A sheet was renamed or deleted while the ARRS checker was using it. Check the sheet names and run the check again."],
  InvalidReference: ["sheet-changed", "A sheet or range changed while the ARRS checker was using it. Run the check again."],
  ConnectionFailure: ["connection", "The connection to Excel was lost before the ARRS checker finished. Check your internet connection, then run the check again."],
  ServiceNotAvailable: ["connection", "Excel's service is not available at the moment. Wait a minute and run the check again."],
  RequestAborted: ["connection", "Excel stopped the request before the ARRS checker finished. Run the check again."],
  Timeout: ["busy", "Excel took too long to answer. Close other large workbooks or wait a moment, then run the check again."],
  ActivityLimitReached: ["busy", "Excel is busy with too many requests. Wait a moment and run the check again."],
  MemoryLimitReached: ["busy", "Excel ran out of memory for this request. Close other workbooks and run the check again."],
  RequestPayloadSizeLimitExceeded: ["too-large", "The roster is too large for Excel on the web to take in one go. Try Excel on Windows or Mac, or split the roster across two sheets."],
  ResponsePayloadSizeLimitExceeded: ["too-large", "The roster is too large for Excel on the web to send in one go. Try Excel on Windows or Mac, or split the roster across two sheets."],
  InvalidOperationInCellEditMode: ["cell-edit", "Excel is waiting for you to finish editing a cell. Press Enter or Esc, then try again."],
  ItemAlreadyExists: ["exists", "A sheet with that name already exists."],
  ApiNotFound: ["not-supported", "This version of Excel cannot do what the ARRS checker asked. Update Excel, or use Excel on the web."],
  UndoNotSupported: ["not-supported", "Excel could not group the ARRS checker's changes into one undo step. Run the check again."],
};

/** The code of an Office.js error ("ItemNotFound"), or undefined for anything else. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** Turns anything thrown inside Excel.run into an OfficeWorkbookError (unchanged if it is one). */
export function toOfficeWorkbookError(error: unknown): OfficeWorkbookError {
  if (error instanceof OfficeWorkbookError) return error;
  const code = officeErrorCode(error);
  const known = code ? MESSAGES[code] : undefined;
  if (known) return new OfficeWorkbookError(known[0], known[1], code, { cause: error });
  const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
  return new OfficeWorkbookError("unknown", `Excel could not finish the ARRS checker's request${detail}. Run it again; if it keeps failing, save the workbook, reopen it and try once more.`, code, { cause: error });
}

/** The sentence to show the user for any error the adapter (or Excel) threw. */
export function toUserMessage(error: unknown): string {
  return toOfficeWorkbookError(error).userMessage;
}
