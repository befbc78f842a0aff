/**
 * How big a sheet the file door takes. ExcelJS holds a whole workbook in memory: measured on a
 * sheet of 1,000,000 rows of 3 cells, loading alone took 35 seconds and 2 GB (100,000 rows: 2 s and
 * 290 MB), and checking and writing would then need its 12,000,000 claim lines. So before ExcelJS
 * parses anything, each worksheet's rows are counted in its XML (a byte scan of the decompressed
 * part), and a sheet with more than MAX_SHEET_ROWS rows, or more than MAX_SHEET_BYTES of XML, is
 * refused with a message that says so.
 * A roster is a few hundred rows; 200,000 leaves room for anything real.
 */
import JSZip from "jszip";

export const MAX_SHEET_ROWS = 200_000;
/**
 * And at most this much XML in one sheet, whatever its rows hold: a sheet within the row limit but
 * thousands of columns wide would exhaust memory just as surely (and a crash for want of memory
 * cannot be caught). 200,000 rows of a 14-column roster are about 120 MB.
 */
export const MAX_SHEET_BYTES = 150_000_000;

/** Parts larger than this are not decompressed to count their rows: their size alone refuses them. */
const COUNTABLE_BYTES = 600_000_000;

export interface SheetLimits {
  rows: number;
  bytes: number;
}

const sheetWords = (sheetName: string | null) => (sheetName === null ? "A sheet of this workbook" : `The sheet "${sheetName}"`);

export function rowLimitMessage(sheetName: string | null, rows: number, limit = MAX_SHEET_ROWS): string {
  return `${sheetWords(sheetName)} has ${rows.toLocaleString("en-GB")} rows; the checker reads at most ${limit.toLocaleString("en-GB")}. `
    + "Delete the unused rows below the data, or copy the roster into a workbook of its own, and try again.";
}

function sizeLimitMessage(sheetName: string | null, bytes: number, limit: number): string {
  const mb = (n: number) => `${Math.round(n / 1_000_000).toLocaleString("en-GB")} MB`;
  return `${sheetWords(sheetName)} holds ${mb(bytes)} of data; the checker reads at most ${mb(limit)} a sheet. `
    + "Delete the unused rows and columns around the data, or copy the roster into a workbook of its own, and try again.";
}

/** Rows (<row> elements, with any namespace prefix) in a worksheet part. Plain loops: no Buffer in a browser. */
export function countRows(xml: Uint8Array): number {
  let head = "";
  for (let i = 0; i < Math.min(xml.length, 4096); i++) head += String.fromCharCode(xml[i]);
  const prefix = /<(\w+:)?sheetData[\s>/]/.exec(head)?.[1] ?? "";
  const tag = Array.from(`<${prefix}row`, (ch) => ch.charCodeAt(0));
  const last = xml.length - tag.length;
  let count = 0;
  for (let i = xml.indexOf(0x3c); i !== -1 && i < last; i = xml.indexOf(0x3c, i + 1)) {
    let match = true;
    for (let k = 1; k < tag.length; k++) if (xml[i + k] !== tag[k]) { match = false; break; }
    if (!match) continue;
    const next = xml[i + tag.length];
    // "<row " or "<row>", not "<rowBreaks" or "<rowPr".
    if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x2f) count += 1;
  }
  return count;
}

/** Worksheet part → sheet name, from workbook.xml and its relationships; empty if they cannot be read. */
async function sheetNames(zip: JSZip): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    const workbook = await zip.file("xl/workbook.xml")?.async("string");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
    if (!workbook || !rels) return names;
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
      const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
      if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, "xl/"));
    }
    for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
      const id = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]+)"/.exec(m[0])?.[1];
      const target = id ? targets.get(id) : undefined;
      if (name !== undefined && target) names.set(target, decodeXml(name));
    }
  } catch {
    // Names only make the message nicer; the count does not depend on them.
  }
  return names;
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/**
 * A message when a worksheet of the .xlsx bytes has more rows than the checker reads; null when all
 * are within the limit, or when the bytes are not a zip (ExcelJS then says what is wrong).
 */
export async function sheetTooLong(bytes: Uint8Array, limits: SheetLimits = { rows: MAX_SHEET_ROWS, bytes: MAX_SHEET_BYTES }): Promise<string | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
  const parts = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name));
  let names: Map<string, string> | null = null;
  for (const part of parts) {
    // JSZip knows each part's size without decompressing it. A row takes at least 6 bytes
    // ("<row/>"), so a part smaller than that many rows needs no count.
    const size = (zip.files[part] as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
    const tooSmallForTooManyRows = typeof size === "number" && size <= 6 * limits.rows;
    // Rows are counted where the part can be decompressed safely, since a count says more than a size.
    const countable = !tooSmallForTooManyRows && (typeof size !== "number" || size <= COUNTABLE_BYTES);
    const rows = countable ? countRows(await zip.file(part)!.async("uint8array")) : 0;
    if (rows > limits.rows) {
      names ??= await sheetNames(zip);
      return rowLimitMessage(names.get(part) ?? null, rows, limits.rows);
    }
    if (typeof size === "number" && size > limits.bytes) {
      names ??= await sheetNames(zip);
      return sizeLimitMessage(names.get(part) ?? null, size, limits.bytes);
    }
  }
  return null;
}
