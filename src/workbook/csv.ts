/**
 * A roster saved as CSV, read into a one-sheet workbook so that the rest of the pipeline is the same
 * as for an .xlsx file. RFC 4180: fields separated by commas (or semicolons, as Excel writes them
 * where the decimal mark is a comma, or tabs), fields in double quotes may hold separators, line
 * breaks and doubled quotes (""), lines end in CRLF, LF or CR. The text is UTF-8, with or without a
 * byte-order mark ("CSV UTF-8" in Excel); a file that is not valid UTF-8 is read as Windows-1252,
 * which is what Excel's plain "CSV (Comma delimited)" writes on a UK PC ("£" is byte A3).
 *
 * Every field stays text: the roster reader reads UK dates ("01/04/2025"), amounts ("£24,000.00")
 * and numbers from text already, and text that starts with "=" stays text, never a formula.
 */
import { isOwnedSheetName, isRateSheetName } from "../common/owned";
import { MAX_SHEET_ROWS, rowLimitMessage } from "./file-limits";
import { newWorkbookBytes } from "./xlsx/new-workbook";

export type CsvDelimiter = "," | ";" | "\t";

/** The text of a CSV file's bytes: UTF-8 (a BOM is dropped), else Windows-1252. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/**
 * The separator: Excel's "sep=;" first line if there is one, else whichever of comma, semicolon and
 * tab appears most often outside quotes on the first line that has any (comma on a tie).
 */
export function detectDelimiter(text: string): { delimiter: CsvDelimiter; skipFirstLine: boolean } {
  const hint = /^sep=([,;\t])\r?(?:\n|$)/i.exec(text);
  if (hint) return { delimiter: hint[1] as CsvDelimiter, skipFirstLine: true };
  const counts: Record<CsvDelimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (counts[","] + counts[";"] + counts["\t"] > 0) break;
    } else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch] += 1;
  }
  const delimiter = (["\t", ";", ","] as const).reduce<CsvDelimiter>((best, d) => (counts[d] > counts[best] ? d : best), ",");
  return { delimiter, skipFirstLine: false };
}

/** Rows of fields. A quote inside an unquoted field is kept as it is (as Excel reads it). */
export function parseCsv(text: string, delimiter: CsvDelimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  const endField = () => { row.push(field); field = ""; fieldStarted = false; };
  const endRow = () => { endField(); rows.push(row); row = []; };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && !fieldStarted) { quoted = true; fieldStarted = true; continue; }
    if (ch === delimiter) { endField(); continue; }
    if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      continue;
    }
    field += ch;
    fieldStarted = true;
  }
  // The last line, unless the file ended with its line break.
  if (field !== "" || fieldStarted || row.length > 0) endRow();
  return rows;
}

/** A sheet name Excel accepts, from a file name: no : \ / ? * [ ], at most 31 characters, not blank. */
export function sheetNameFor(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.csv$/i, "");
  // Nor may it start or end with an apostrophe: strip those and spaces, after cutting to length too.
  const edges = (text: string) => text.replace(/^['\s]+|['\s]+$/g, "");
  const cleaned = edges(edges(base.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ")).slice(0, 31));
  // Not a name Excel reserves, nor one of the tool's own sheets or a rate sheet, which are never read as a roster.
  const taken = cleaned.toLowerCase() === "history" || isOwnedSheetName(cleaned) || isRateSheetName(cleaned);
  return cleaned === "" || taken ? "Roster" : cleaned;
}

/** Excel's widest sheet: 16,384 columns, A to XFD. */
const MAX_CSV_FIELDS = 16384;

/**
 * The first line with a field past column XFD (fields left empty at the end of a line take no
 * column), or null. Excel could not hold such a line either, and the tool's columns would go past it.
 */
function lineTooWide(rows: readonly (readonly string[])[]): { line: number; fields: number } | null {
  for (let r = 0; r < rows.length; r++) {
    if (rows[r].length <= MAX_CSV_FIELDS) continue;
    let fields = rows[r].length;
    while (fields > MAX_CSV_FIELDS && rows[r][fields - 1] === "") fields -= 1;
    if (fields > MAX_CSV_FIELDS) return { line: r + 1, fields };
  }
  return null;
}

/** Thrown when the CSV cannot be taken in (too many rows, or too many fields on a line). */
export class CsvFileError extends Error {
  override name = "CsvFileError";
}

/** The CSV as an .xlsx workbook of one sheet named after the file, every field as text. */
export async function csvToWorkbookBytes(bytes: Uint8Array, fileName: string): Promise<Uint8Array> {
  let text = decodeCsv(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const { delimiter, skipFirstLine } = detectDelimiter(text);
  if (skipFirstLine) text = text.replace(/^[^\r\n]*(?:\r\n|\r|\n)?/, "");
  const rows = parseCsv(text, delimiter);
  const sheetName = sheetNameFor(fileName);
  if (rows.length > MAX_SHEET_ROWS) throw new CsvFileError(rowLimitMessage(sheetName, rows.length));
  const wide = lineTooWide(rows);
  if (wide) {
    throw new CsvFileError(`record ${wide.line.toLocaleString("en-GB")} of the CSV file has ${wide.fields.toLocaleString("en-GB")} fields, more than the 16,384 columns (A to XFD) a sheet can hold, so Excel could not open it either. `
      + "Check that the file is a roster with one person per line, and that its separator is a comma or semicolon.");
  }
  return newWorkbookBytes(sheetName, rows);
}
