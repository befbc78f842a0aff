/**
 * How big a sheet the file door takes. A sheet of 1,000,000 rows would need 12,000,000 claim lines
 * and gigabytes to check. So before a sheet is parsed, its rows are counted in its XML (a byte scan
 * of the decompressed part), and a sheet with more than MAX_SHEET_ROWS rows, or more than
 * MAX_SHEET_BYTES of XML, is refused with a message that says so.
 * A roster is a few hundred rows; 200,000 leaves room for anything real.
 */
import { joinBytes } from "./xlsx/zip";
export const MAX_SHEET_ROWS = 200_000;
/**
 * And at most this much XML in one sheet, whatever its rows hold: a sheet within the row limit but
 * thousands of columns wide would exhaust memory just as surely (and a crash for want of memory
 * cannot be caught). 200,000 rows of a 14-column roster are about 120 MB.
 */
export const MAX_SHEET_BYTES = 150_000_000;

/** Parts larger than this are not decompressed to count their rows: their size alone refuses them. */
export const COUNTABLE_BYTES = 600_000_000;

export interface SheetLimits {
  rows: number;
  bytes: number;
}

const sheetWords = (sheetName: string | null) => (sheetName === null ? "A sheet of this workbook" : `The sheet "${sheetName}"`);

export function rowLimitMessage(sheetName: string | null, rows: number, limit = MAX_SHEET_ROWS): string {
  return `${sheetWords(sheetName)} has ${rows.toLocaleString("en-GB")} rows; the checker reads at most ${limit.toLocaleString("en-GB")}. `
    + "Delete the unused rows below the data, or copy the roster into a workbook of its own, and try again.";
}

export function sizeLimitMessage(sheetName: string | null, bytes: number, limit: number): string {
  const mb = (n: number) => `${Math.round(n / 1_000_000).toLocaleString("en-GB")} MB`;
  return `${sheetWords(sheetName)} holds ${mb(bytes)} of data; the checker reads at most ${mb(limit)} a sheet. `
    + "Delete the unused rows and columns around the data, or copy the roster into a workbook of its own, and try again.";
}

/** Rows (<row> elements, with any namespace prefix) in a worksheet part. Plain loops: no Buffer in a browser. */
export function countRows(xml: Uint8Array): number {
  const counter = new RowCounter();
  counter.add(xml);
  return counter.finish();
}

/**
 * countRows for a part that comes in pieces (as it is decompressed), none of which is kept: the
 * count is the same as countRows gives for the pieces joined.
 */
export class RowCounter {
  /** The first bytes, held until there are enough to find the namespace prefix. */
  private head: Uint8Array[] = [];
  private headLength = 0;
  /** "<row" (with the prefix) as bytes, once the prefix is known. */
  private tag: number[] | null = null;
  /** The last bytes of the pieces so far, too few to tell whether a tag starts there. */
  private carry = new Uint8Array(0);
  private count = 0;

  add(piece: Uint8Array): void {
    if (this.tag) {
      this.scan(piece);
      return;
    }
    this.head.push(piece);
    this.headLength += piece.length;
    if (this.headLength >= 4096) this.start();
  }

  finish(): number {
    if (!this.tag) this.start();
    return this.count;
  }

  private start(): void {
    const first = joinBytes(this.head, this.headLength);
    this.head = [];
    let head = "";
    for (let i = 0; i < Math.min(first.length, 4096); i++) head += String.fromCharCode(first[i]);
    const prefix = /<(\w+:)?sheetData[\s>/]/.exec(head)?.[1] ?? "";
    this.tag = Array.from(`<${prefix}row`, (ch) => ch.charCodeAt(0));
    this.scan(first);
  }

  /** Counts the tags that start in the carry or in `piece`, where the byte after the tag is known. */
  private scan(piece: Uint8Array): void {
    const tag = this.tag!;
    const xml = this.carry.length === 0 ? piece : joinBytes([this.carry, piece], this.carry.length + piece.length);
    const last = xml.length - tag.length;
    for (let i = xml.indexOf(0x3c); i !== -1 && i < last; i = xml.indexOf(0x3c, i + 1)) {
      let match = true;
      for (let k = 1; k < tag.length; k++) if (xml[i + k] !== tag[k]) { match = false; break; }
      if (!match) continue;
      const next = xml[i + tag.length];
      // "<row " or "<row>", not "<rowBreaks" or "<rowPr".
      if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x2f) this.count += 1;
    }
    // Where a tag could start but its end is not here yet, look again with the next piece.
    this.carry = xml.slice(Math.max(0, last));
  }
}
