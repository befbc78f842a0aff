/**
 * What the file door says about bytes it cannot open, and about a write it refuses. Kept apart from
 * the adapter so the command line and the browser tab can tell these errors from the tool's own bugs.
 */

/** The bytes given are not an .xlsx workbook the tool can open. */
export class WorkbookFileError extends Error {
  override name = "WorkbookFileError";
}

/** The tool was asked to write somewhere it does not own; nothing was written. */
export class WorkbookWriteError extends Error {
  override name = "WorkbookWriteError";
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Old binary .xls files and password-protected .xlsx files are both OLE compound files. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * An encrypted .xlsx is an OLE compound file holding the streams "EncryptionInfo" and
 * "EncryptedPackage" (MS-OFFCRYPTO); their names are in the file's directory in UTF-16.
 */
function isEncryptedOoxml(bytes: Uint8Array): boolean {
  const name = Array.from("EncryptedPackage", (ch) => ch.charCodeAt(0)).flatMap((code) => [code, 0]);
  outer: for (let i = bytes.indexOf(name[0]); i !== -1; i = bytes.indexOf(name[0], i + 1)) {
    for (let k = 1; k < name.length; k++) if (bytes[i + k] !== name[k]) continue outer;
    return true;
  }
  return false;
}

/** Throws a WorkbookFileError saying what the file is when it is plainly not an .xlsx zip. */
export function assertLooksLikeXlsx(bytes: Uint8Array): void {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new WorkbookFileError(isEncryptedOoxml(bytes)
      ? "This workbook is password-protected, so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, and clear it) and save an unprotected copy, then check that copy."
      : "This file is not an .xlsx workbook: it is an older .xls workbook (or another Office file). Open it in Excel and save it as an Excel Workbook (.xlsx), then try again.");
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new WorkbookFileError("This file is not an .xlsx workbook. Save the roster from Excel as an Excel Workbook (.xlsx) and try again.");
  }
}
