/**
 * How much the file door reads, whatever a file holds or claims to hold. Every part of a workbook is
 * inflated within a cap (xlsx/zip.ts entryBytes: its recorded size checked first, a compression
 * ratio no real part has refused, and inflating stopped the moment a part runs past what it
 * records), and a sheet's rows and cells are counted by the reader as it meets them. A sheet of
 * 1,000,000 rows would need 12,000,000 claim lines and gigabytes to check; a roster is a few hundred
 * rows, so these limits leave room for anything real. Each refusal says what to do.
 */
import { PackageError } from "./xlsx/part-error";
import { TagScanner } from "./xlsx/tag-scanner";

export const MAX_SHEET_ROWS = 200_000;
/**
 * And at most this much XML in one sheet, whatever its rows hold: a sheet within the row limit but
 * thousands of columns wide would exhaust memory just as surely (and a crash for want of memory
 * cannot be caught). 200,000 rows of a 14-column roster are about 120 MB. The shared-string table,
 * which holds a sheet's text, has the same limit.
 */
export const MAX_SHEET_BYTES = 150_000_000;

/**
 * At most this many cells (rows × columns) in the grid a sheet is read into: a sheet with a value in
 * A1 and another in XFD150000 is two cells in its XML but 2.4 billion in a grid. 200,000 rows of a
 * 100-column roster fit.
 */
export const MAX_GRID_CELLS = 20_000_000;

/**
 * A sheet part recorded as larger than MAX_SHEET_BYTES but no larger than this is looked through
 * piece by piece, never held, to count its rows, since a count says more than a size; a larger one
 * is refused on its size alone.
 */
export const COUNTABLE_BYTES = 600_000_000;

/** Every other part (the workbook, its styles, relationships, content types): real ones are a few megabytes. */
export const MAX_PART_BYTES = 50_000_000;

export interface SheetLimits {
  rows: number;
  bytes: number;
  /** MAX_GRID_CELLS unless given. */
  cells?: number;
}

const sheetWords = (sheetName: string | null) => (sheetName === null ? "A sheet of this workbook" : `The sheet "${sheetName}"`);
const count = (n: number) => n.toLocaleString("en-GB");
const mb = (n: number) => `${count(Math.round(n / 1_000_000))} MB`;
const OWN_WORKBOOK = "or copy the roster into a workbook of its own, and try again.";

export function rowLimitMessage(sheetName: string | null, rows: number, limit = MAX_SHEET_ROWS): string {
  return `${sheetWords(sheetName)} has ${count(rows)} rows; the checker reads at most ${count(limit)}. Delete the unused rows below the data, ${OWN_WORKBOOK}`;
}

/** The rows from the first value to the last span more than the limit, however few of them hold anything. */
export function rowSpanMessage(sheetName: string, lastRow: number, limit: number): string {
  return `${sheetWords(sheetName)} has data down to row ${count(lastRow)}; the checker reads at most ${count(limit)} rows. Delete the unused rows below the data, ${OWN_WORKBOOK}`;
}

export function cellLimitMessage(sheetName: string, size: { rows: number; columns: number } | null, limit: number): string {
  const across = size ? `${count(size.rows)} rows and ${count(size.columns)} columns` : `more than ${count(limit)} cells (rows × columns)`;
  return `${sheetWords(sheetName)} has data across ${across}; the checker reads at most ${count(limit)} cells a sheet. Delete the unused rows and columns around the data, ${OWN_WORKBOOK}`;
}

/** Sheets each within the limits that together hold more than the checker reads at once. */
export function workbookLimitMessage(limit: { bytes: number; cells: number }): string {
  return `The sheets of this workbook hold more data together than the checker reads at once (${mb(limit.bytes)} of sheets, or ${count(limit.cells)} cells). `
    + `Delete the sheets and rows the roster does not need, ${OWN_WORKBOOK}`;
}

export function mergeLimitMessage(sheetName: string, ranges: number): string {
  return `${sheetWords(sheetName)} has more merged cells than the checker reads (${count(ranges)} merged ranges over its rows). Unmerge the cells around the data, ${OWN_WORKBOOK}`;
}

export function sizeLimitMessage(sheetName: string | null, bytes: number, limit: number): string {
  return `${sheetWords(sheetName)} holds ${mb(bytes)} of data; the checker reads at most ${mb(limit)} a sheet. Delete the unused rows and columns around the data, ${OWN_WORKBOOK}`;
}

export function sharedStringsLimitMessage(part: string, bytes: number, limit: number): string {
  return `This workbook's shared text (the table of the text in its cells, ${part}) holds ${mb(bytes)}; the checker reads at most ${mb(limit)}. Delete the unused rows and columns around the data, ${OWN_WORKBOOK}`;
}

export function partLimitMessage(part: string, bytes: number, limit: number): string {
  return `This workbook's part "${part}" holds ${mb(bytes)}; the checker reads at most ${mb(limit)} of such a part. Open the workbook in Excel and save it again as an Excel Workbook (.xlsx), ${OWN_WORKBOOK}`;
}

/** A part compressed as only a zip bomb is: refused before it is inflated. */
export function bombMessage(part: string, ratio: number): string {
  return `This file is not an .xlsx workbook the checker can read safely: its part "${part}" would expand to more than ${ratio} times its stored size, as a file built to exhaust memory (a zip bomb) does. Open it in Excel and save it again as an Excel Workbook (.xlsx), then try again.`;
}

/**
 * Rows (<row> start tags inside <sheetData>, with any namespace prefix) in a worksheet part, counted
 * by the same scanner that reads the sheet, so the count holds however the XML is written.
 */
export function countRows(xml: Uint8Array | string): number {
  const scan = new TagScanner(typeof xml === "string" ? xml : new TextDecoder().decode(xml));
  let rows = 0;
  let inSheetData = false;
  while (scan.next()) {
    if (scan.is("sheetData")) inSheetData = !scan.closing && !scan.selfClosing;
    else if (inSheetData && !scan.closing && scan.is("row")) rows += 1;
  }
  return rows;
}

/**
 * countRows for a part that comes in pieces (as it is inflated), none of which is kept: the same
 * scanner, run over each piece's text with whatever tag or comment was cut off at its end carried
 * into the next. The count is the one countRows gives for the pieces joined.
 */
export class RowCounter {
  private readonly decoder = new TextDecoder();
  private carry = "";
  private inSheetData = false;
  private rows = 0;

  add(piece: Uint8Array): void {
    this.scan(this.carry + this.decoder.decode(piece, { stream: true }), false);
  }

  finish(): number {
    this.scan(this.carry + this.decoder.decode(), true);
    return this.rows;
  }

  private scan(text: string, last: boolean): void {
    const scan = new TagScanner(text);
    // Just past the last tag seen whole; what follows it is looked at again with the next piece.
    let done = 0;
    while (scan.next()) {
      if (!scan.complete && !last) break;
      done = scan.tagEnd;
      if (scan.is("sheetData")) this.inSheetData = !scan.closing && !scan.selfClosing;
      else if (this.inSheetData && !scan.closing && scan.is("row")) this.rows += 1;
    }
    this.carry = last ? "" : text.slice(done);
    // Nothing Excel writes runs this long without a tag; a part that does is not counted forever.
    if (this.carry.length > MAX_CARRY) throw new PackageError("one of its parts is not XML as Excel writes it (over a million characters with no tag)");
  }
}

const MAX_CARRY = 1_000_000;
