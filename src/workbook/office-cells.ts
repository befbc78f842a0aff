/**
 * Cells between the Excel JavaScript API and plain data: what a read returns (values plus number
 * formats) turned into grid values, and an OutputCell turned into what a write sends (a value, a
 * number format and a style). No Office calls here, so all of it is tested without Excel.
 */
import type { CellValue } from "../common/grid";
import { excelSerialToDate, partsOf } from "../common/dates";
import type { CellStyle, OutputCell, SheetRange } from "../report/types";
import { BORDER_COLOUR, NUMBER_FORMATS, STYLE_LOOKS, type StyleLook } from "../report/formats";

const DAY_MS = 86400000;
/** Excel's 1900 date system counts days from 30 December 1899 (so serial 1 is 1 January 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The General format, and the one that makes Excel keep a cell's text as typed ("=1+2" stays text). */
export const GENERAL = "General";
export const TEXT_FORMAT = "@";

// ---------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------

/**
 * A value as Excel's `Range.values` gives it, with the cell's number format, as the grid holds it:
 * "" (an empty cell) becomes null, and a number shown as a date becomes a Date at UTC midnight, as
 * the ExcelJS adapter gives dates. Error values already arrive as their text ("#N/A").
 */
export function gridValue(value: unknown, numberFormat: unknown): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value !== "number" || !Number.isFinite(value)) return null;
  return typeof numberFormat === "string" && isDateFormat(numberFormat) ? excelSerialToDate(value) : value;
}

/**
 * True for a number format that shows a date or a time ("dd/mm/yyyy", "mmm yyyy", "[$-809]d mmmm
 * yyyy", "h:mm"). Quoted text, escaped characters, colours and locales are dropped first, so "£"
 * formats, "0.00" and General are not taken for dates.
 */
export function isDateFormat(format: string): boolean {
  const code = format
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, "");
  if (/^general$/i.test(code.trim())) return false;
  return /[dmyhs]/i.test(code);
}

// ---------------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------------

const serials = new Map<string, number>();

/** An Excel serial for a calendar date: days since 30 December 1899 (remembered: months repeat a lot). */
export function serialFromIso(iso: string): number {
  let serial = serials.get(iso);
  if (serial === undefined) {
    const { year, month, day } = partsOf(iso);
    serial = Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH_MS) / DAY_MS);
    if (serials.size < 100_000) serials.set(iso, serial);
  }
  return serial;
}

/**
 * What `Range.values` is sent for a cell. null means "leave the cell as it is": the adapter always
 * clears an area before writing it, so a null cell stays empty, and nulls cost 4 bytes a cell.
 */
export function officeValue(cell: OutputCell | undefined): string | number | boolean | null {
  const value = cell?.value ?? null;
  if (value === null) return null;
  if (typeof value === "object") return serialFromIso(value.date);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return value;
}

/**
 * A cell's number format, or null when it does not matter (an empty cell with no format), so that
 * blank cells do not break a column's run of one format into many. Every string is text ("@"),
 * whatever its format says: Excel would otherwise read "=1+2" as a formula and "1/4" as a date.
 */
export function officeNumberFormat(cell: OutputCell | undefined): string | null {
  if (!cell) return null;
  if (typeof cell.value === "string") return TEXT_FORMAT;
  if (cell.format) return NUMBER_FORMATS[cell.format];
  return cell.value === null ? null : GENERAL;
}

/** A style as a key for grouping cells; "" for a plain cell, which needs nothing after a clear. */
export function styleKey(cell: OutputCell | undefined): string {
  if (!cell || (!cell.style && !cell.wrap)) return "";
  return `${cell.style ?? ""}${cell.wrap ? "|wrap" : ""}`;
}

/** The format properties a style sets, in Office's terms (colours as "#RRGGBB"). */
export interface OfficeStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  borderTop?: string;
  borderBottom?: string;
  wrap?: boolean;
}

/** "FFD9E1F2" (ExcelJS's ARGB) → "#D9E1F2" (Office's RGB). */
export const rgb = (argb: string): string => `#${argb.slice(-6)}`;

/** The same look (report/formats.ts STYLE_LOOKS) the file adapter gives each style, so both doors write the same workbook. */
export function officeStyle(key: string): OfficeStyle {
  const [style, wrap] = key.split("|") as [CellStyle | "", string | undefined];
  const parts = style ? officeLook(STYLE_LOOKS[style]) : {};
  return wrap ? { ...parts, wrap: true } : parts;
}

function officeLook(look: StyleLook): OfficeStyle {
  const out: OfficeStyle = {};
  if (look.bold) out.bold = true;
  if (look.italic) out.italic = true;
  if (look.size !== undefined) out.size = look.size;
  if (look.fontColour) out.fontColor = rgb(look.fontColour);
  if (look.fill) out.fill = rgb(look.fill);
  if (look.border === "top") out.borderTop = rgb(BORDER_COLOUR);
  if (look.border === "bottom") out.borderBottom = rgb(BORDER_COLOUR);
  return out;
}

/**
 * Excel's column width in points for a width in characters of the default font (Calibri 11: a
 * 7-pixel digit plus 5 pixels of padding, at 0.75 points a pixel). ExcelJS takes characters;
 * Office's `format.columnWidth` takes points.
 */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

// ---------------------------------------------------------------------------------------------------
// Grouping cells into rectangles
// ---------------------------------------------------------------------------------------------------

/** A block of cells sharing one key; rows and columns 0-based within the area being written. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
  key: string;
}

/**
 * Splits a grid of keys into rectangles of one key each: runs down each column, then runs of the
 * same rows merged across neighbouring columns. A null key is a wildcard (it joins the run it is
 * in); an empty-string key is skipped. A column of one number format is one rectangle, so a
 * 50,000-row sheet needs a handful of format calls rather than one per cell.
 */
export function rectangles(keys: (string | null)[][], width: number): Rect[] {
  const columns: Rect[][] = [];
  for (let c = 0; c < width; c++) columns.push(columnRuns(keys, c));
  const merged: Rect[] = [];
  let open = new Map<string, Rect>();
  for (const runs of columns) {
    const next = new Map<string, Rect>();
    for (const run of runs) {
      const id = `${run.top}:${run.bottom}:${run.key}`;
      const previous = open.get(id);
      if (previous && previous.right === run.left - 1) {
        previous.right = run.left;
        next.set(id, previous);
      } else {
        merged.push(run);
        next.set(id, run);
      }
    }
    open = next;
  }
  return merged;
}

function columnRuns(keys: (string | null)[][], column: number): Rect[] {
  const runs: Rect[] = [];
  let current: Rect | null = null;
  let pendingTop = 0; // wildcards before the first real key join the first run
  for (let r = 0; r < keys.length; r++) {
    const key = keys[r][column] ?? null;
    if (key === null) {
      if (current) current.bottom = r;
      continue;
    }
    if (current && current.key === key) {
      current.bottom = r;
      continue;
    }
    current = { top: current ? r : pendingTop, left: column, bottom: r, right: column, key };
    runs.push(current);
    pendingTop = r + 1;
  }
  return runs.filter((run) => run.key !== "");
}

/** A sheet range (1-based, inclusive) for a rectangle of an area whose top-left cell is given. */
export function sheetRect(rect: Rect, top: number, left: number): SheetRange {
  return { top: top + rect.top, left: left + rect.left, bottom: top + rect.bottom, right: left + rect.right };
}
