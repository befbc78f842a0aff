/**
 * A worksheet part (xl/worksheets/sheetN.xml, ECMA-376 Part 1, 18.3) → the Grid the pipeline reads,
 * the same grid ExcelJS gave when it was the file door (test/helpers/exceljs-grid.ts readGrid), without ExcelJS:
 * the used range trimmed to the cells that show a value, each cell as the value Excel shows.
 *
 * A roster of 100,000 rows is a part of some 40 MB, so this walks the text once, keeps positions
 * rather than substrings where it can, and puts each value straight into its row's array: no object
 * per cell, no DOM. Places where it reads a part differently from ExcelJS on purpose are marked
 * "Unlike ExcelJS".
 */
import { excelSerialToDate } from "../../common/dates";
import type { CellValue, Grid } from "../../common/grid";
import { WorkbookFileError } from "../file-errors";
import { cellLimitMessage, MAX_GRID_CELLS, MAX_SHEET_ROWS, rowLimitMessage } from "../file-limits";
import { PackageError } from "./part-error";
import { columnValue, SheetRows } from "./sheet-rows";
import { TagScanner, xmlPlainText, xmlText } from "./tag-scanner";

export interface ReadSheetOptions {
  sheetName: string;
  /** parseSharedStrings of xl/sharedStrings.xml; empty if the workbook has none. */
  sharedStrings: readonly string[];
  /** dateStyles of xl/styles.xml. */
  dateStyles: readonly boolean[];
  /** workbookDate1904 of xl/workbook.xml. */
  date1904: boolean;
  /** The most rows (<row> elements) and grid cells (rows × columns) read; MAX_SHEET_ROWS and MAX_GRID_CELLS unless given. */
  limits?: { rows: number; cells: number };
}

/** Excel's grid (ECMA-376 Part 1, 18.3.1.4; Excel's specifications and limits): XFD1048576 is the last cell. */
export const LAST_COLUMN = 16_384;
export const LAST_ROW = 1_048_576;

/** Whether the workbook counts its serial dates from 1904 (ECMA-376 18.2.28 workbookPr, date1904). */
export function workbookDate1904(workbookXml: string): boolean {
  const scan = new TagScanner(workbookXml);
  while (scan.next()) {
    if (scan.closing || !scan.is("workbookPr")) continue;
    // xsd:boolean: "1" or "true". (Unlike ExcelJS, which takes only "1".)
    const value = scan.attribute("date1904");
    return value === "1" || value === "true";
  }
  return false;
}

/** The cell types of ECMA-376 18.18.11 ST_CellType, as small numbers for the inner loop. */
const CellType = { Number: 0, SharedString: 1, FormulaString: 2, InlineString: 3, Boolean: 4, Error: 5, Date: 6 } as const;
type CellType = (typeof CellType)[keyof typeof CellType];

/**
 * The sheet's grid. Refused (WorkbookFileError) when it has more rows than the limit, counted here
 * as they are read whatever comes before them, or its values span more rows, or more cells, than the
 * limits; a cell or row past Excel's last is a damaged part (PackageError). Gaps between rows are
 * never filled beyond the limits.
 */
export function readSheetXml(xml: string, options: ReadSheetOptions): Grid {
  const limits = options.limits ?? { rows: MAX_SHEET_ROWS, cells: MAX_GRID_CELLS };
  const rows = new SheetRows();
  const scan = new TagScanner(xml);
  while (scan.next()) {
    if (scan.is("sheetData") && !scan.closing) {
      if (!scan.selfClosing) readSheetData(scan, rows, options, limits);
      break;
    }
  }
  // <mergeCells> follows <sheetData> (18.3.1.55); reading on from here never rescans the rows.
  const merges: string[] = [];
  while (scan.next()) {
    if (!scan.closing && scan.is("mergeCell")) {
      const ref = scan.attribute("ref");
      if (ref) merges.push(ref);
    }
  }
  return rows.toGrid(options.sheetName, merges, limits);
}

/** The cells of <sheetData> into `rows`, up to its end tag. */
function readSheetData(scan: TagScanner, rows: SheetRows, options: ReadSheetOptions, limits: { rows: number; cells: number }): void {
  const xml = scan.xml;
  let rowNumber = 0;
  let row: CellValue[] | null = null;
  let column = 0;
  let rowCount = 0;
  // Cells held in the rows' arrays so far, gaps before a row's cells included.
  let held = 0;
  while (scan.next()) {
    if (scan.closing) {
      if (scan.is("sheetData")) return;
      continue;
    }
    if (scan.is("row")) {
      rowCount += 1;
      if (rowCount > limits.rows) throw new WorkbookFileError(rowLimitMessage(options.sheetName, rowCount + rowsAfter(scan), limits.rows));
      // A row without r follows the one before (18.3.1.73). (Unlike ExcelJS, which drops it.)
      const number = scan.r === -1 ? NaN : digitsValue(xml, scan.r, scan.rEnd);
      rowNumber = Number.isNaN(number) ? rowNumber + 1 : number;
      if (rowNumber > LAST_ROW) throw new PackageError(`row ${rowNumber.toLocaleString("en-GB")} is past the last row, ${LAST_ROW.toLocaleString("en-GB")}`);
      if (rowNumber < 1) throw new PackageError("a row is numbered 0, before the first row");
      row = rows.add(rowNumber);
      column = 0;
      continue;
    }
    if (!scan.is("c") || row === null) continue;

    // A cell without r is the one after the previous cell of its row (18.3.1.4). The row is the
    // <row>'s, as in ExcelJS, whatever row the r names.
    const named = scan.r === -1 ? 0 : columnValue(xml, scan.r, scan.rEnd);
    column = named > 0 ? named : column + 1;
    if (column > LAST_COLUMN) {
      const where = scan.r === -1 ? `a cell of row ${rowNumber}` : `cell "${xml.slice(scan.r, Math.min(scan.rEnd, scan.r + 20))}"`;
      throw new PackageError(`${where} is past the last column, XFD`);
    }

    const style = scan.s === -1 ? 0 : digitsValue(xml, scan.s, scan.sEnd);
    const type = scan.t === -1 ? CellType.Number : cellType(xml, scan.t, scan.tEnd);

    // The cell's children: <f> (the formula; only its cached <v> matters here), <v>, <is>.
    let vStart = -1;
    let vEnd = -1;
    // The <v> text when it is not read in place from the part (vStart and vEnd are then within it).
    let vText: string | null = null;
    let inline: string | null = null;
    // Most cells are "<c ...><v>123</v></c>" exactly: read those without walking their tags.
    const simpleEnd = scan.selfClosing ? -1 : simpleValueEnd(xml, scan.tagEnd);
    if (simpleEnd !== -1) {
      vStart = scan.tagEnd + 3;
      vEnd = simpleEnd;
      scan.pos = simpleEnd + 8;
    } else if (!scan.selfClosing) {
      while (scan.next()) {
        if (scan.closing) {
          if (scan.is("c")) break;
        } else if (scan.is("v")) {
          // Text split by a comment, or in CDATA, read as one.
          vText = scan.rawText();
          vStart = 0;
          vEnd = vText.length;
        } else if (scan.is("is")) {
          inline = inlineString(scan);
        } else {
          scan.skipElement();
        }
      }
    }
    // An empty <v></v> is no value, as in ExcelJS (its parser sees no text).
    const hasValue = vStart !== -1 && vEnd > vStart;
    const value = cellValue(vText ?? xml, type, hasValue ? vStart : -1, vEnd, inline, style, options);
    if (value !== null && value !== "") {
      if (column > row.length) {
        held += column - row.length;
        if (held > limits.cells) throw new WorkbookFileError(cellLimitMessage(options.sheetName, null, limits.cells));
      }
      while (row.length < column - 1) row.push(null);
      row[column - 1] = value;
    } else if (column - 1 < row.length) {
      // A second cell with the same reference replaces the first, as in ExcelJS.
      row[column - 1] = null;
    }
  }
}

/** The rows left in <sheetData> after the current one, counted without reading them, for the refusal's message. */
function rowsAfter(scan: TagScanner): number {
  let rows = 0;
  while (scan.next()) {
    if (scan.closing) {
      if (scan.is("sheetData")) break;
    } else if (scan.is("row")) {
      rows += 1;
    }
  }
  return rows;
}

/** Where the text ends in "<v>text</v></c>" at `at`; -1 if the cell is written any other way. */
function simpleValueEnd(xml: string, at: number): number {
  if (!xml.startsWith("<v>", at)) return -1;
  const end = xml.indexOf("<", at + 3);
  return end !== -1 && xml.startsWith("</v></c>", end) ? end : -1;
}

/**
 * The value a cell shows. A formula cell's value is its cached result, held in <v> with the type
 * in t exactly like a constant's (18.3.1.40); a formula with no cached result shows nothing.
 */
function cellValue(xml: string, type: CellType, vStart: number, vEnd: number, inline: string | null, style: number, options: ReadSheetOptions): CellValue {
  if (type === CellType.InlineString) return inline ?? (vStart === -1 ? null : xmlText(xml.slice(vStart, vEnd)));
  if (vStart === -1) return null;
  switch (type) {
    case CellType.SharedString:
      return options.sharedStrings[digitsValue(xml, vStart, vEnd)] ?? null;
    case CellType.FormulaString:
      // Unlike ExcelJS, which decodes entities twice here ("&amp;lt;" → "<"), and not _xHHHH_.
      return xmlText(xml.slice(vStart, vEnd));
    case CellType.Boolean:
      // ExcelJS: parseInt(v) !== 0, so "1" and "TRUE" are both true.
      return parseInt(xml.slice(vStart, vEnd), 10) !== 0;
    case CellType.Error:
      // "#N/A", "#REF!"...: kept as text so a reader can say where the error is.
      return xmlPlainText(xml.slice(vStart, vEnd));
    case CellType.Date:
      // Unlike ExcelJS (which reads the ISO text with parseFloat): an ISO 8601 date-time (18.17.4.1).
      return isoDate(xmlPlainText(xml.slice(vStart, vEnd)));
    default: {
      const number = numberValue(xml, vStart, vEnd);
      if (!Number.isFinite(number)) return null;
      // ExcelJS: style 0 never converts ("model.styleId && ..."), whatever cellXfs[0] says.
      if (style > 0 && options.dateStyles[style] === true) {
        const date = excelSerialToDate(number, options.date1904);
        return Number.isNaN(date.getTime()) ? null : date;
      }
      return number;
    }
  }
}

/** The text of an inline string <is> (18.3.1.53): its <t>, or its runs' <t>s; not phonetic runs. */
function inlineString(scan: TagScanner): string {
  let text = "";
  if (scan.selfClosing) return text;
  while (scan.next()) {
    if (scan.closing) {
      if (scan.is("is")) break;
    } else if (scan.is("rPh")) {
      scan.skipElement();
    } else if (scan.is("t")) {
      // Unlike ExcelJS, which decodes _xHHHH_ only inside runs and keeps phonetic text.
      text += xmlText(scan.rawText());
    }
  }
  return text;
}

function cellType(xml: string, start: number, end: number): CellType {
  const is = (name: string) => end - start === name.length && xml.startsWith(name, start);
  if (is("s")) return CellType.SharedString;
  if (is("str")) return CellType.FormulaString;
  if (is("inlineStr")) return CellType.InlineString;
  if (is("b")) return CellType.Boolean;
  if (is("e")) return CellType.Error;
  if (is("d")) return CellType.Date;
  return CellType.Number;
}

/** A non-negative decimal integer written in xml[start, end); NaN if there is none. */
function digitsValue(xml: string, start: number, end: number): number {
  let n = 0;
  let i = start;
  while (i < end && xml.charCodeAt(i) === 0x20) i += 1;
  const first = i;
  for (; i < end; i++) {
    const digit = xml.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    n = n * 10 + digit;
  }
  return i === first ? NaN : n;
}

/** Exact powers of ten: every one up to 1e22 is a double. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * parseFloat(xml.slice(start, end)), without the substring for the usual "123" or "-45.67": a
 * decimal of at most 15 digits is an exact integer divided by an exact power of ten, and IEEE
 * division rounds that correctly, to the same double parseFloat gives. Anything else (exponents,
 * more digits, spaces) goes to parseFloat itself.
 */
function numberValue(xml: string, start: number, end: number): number {
  let i = start;
  const negative = xml.charCodeAt(i) === 0x2d;
  if (negative) i += 1;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const code = xml.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      mantissa = mantissa * 10 + (code - 0x30);
      digits += 1;
      if (decimals >= 0) decimals += 1;
    } else if (code === 0x2e && decimals === -1) {
      decimals = 0;
    } else {
      break;
    }
  }
  if (i < end || digits === 0 || digits > 15) return parseFloat(xml.slice(start, end));
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
  return negative ? -value : value;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A t="d" value. Without a zone it is the wall-clock date Excel shows, and is read as UTC like every
 * other date here; with one it is that instant. Text that is not such a date is kept as text, so the
 * roster reader reports it rather than it vanishing.
 */
function isoDate(text: string): CellValue {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return text === "" ? null : text;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), fraction ? Math.round(Number(fraction) * 1000) : 0);
  if (zone && zone !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
    date.setTime(date.getTime() - sign * minutes * 60000);
  }
  return Number.isNaN(date.getTime()) ? text : date;
}
