/**
 * Writing a block of output cells (an owned sheet, or the roster columns) in pieces that fit Excel's
 * requests. For each piece: number formats first ("@" before any text, so "=1+2" lands as text and
 * not as a formula), then the values, then the styles. Formats and styles go by rectangles of cells
 * that share one, so a column of money is one call however long it is.
 *
 * What a failed sync leaves. Excel runs a request's calls in order and does not roll back those
 * already run when one fails; the calls that could fail inside Excel (a protected sheet, a sheet
 * that is not there) are checked before the first change, so what remains is a request lost on the
 * way (a dropped connection, a timeout) or a sheet changed by the user meanwhile. The guarantee:
 *   - An area is cleared in the same request as its first piece, never in an earlier one, so a
 *     request lost on the way leaves the area as it was.
 *   - An area that fits in one request is sent in one request (a new one is started for it if the
 *     current one is too full), so it is either as it was or complete.
 *   - An area too big for one request (a 50,000-row roster) spans several. From its first request to
 *     its last, its last header reads "... (INCOMPLETE: ... Run it again.)", so a half-written area
 *     says so; the next run finds it by its headers and replaces it. On ExcelApi 1.20 the whole
 *     write is one undo step, so one Ctrl+Z also takes it back.
 * office-write.ts writes the roster columns and the defined name after the owned sheets, so a write
 * that stops early leaves the previous run's roster columns and name in place.
 */
import type { OutputCell } from "../report/types";
import {
  type OfficeStyle,
  type Rect,
  TEXT_FORMAT,
  officeNumberFormat,
  officeStyle,
  officeValue,
  rectangles,
  styleKey,
} from "./office-cells";
import { CALL_BYTES, type RequestQueue, utf8Length } from "./office-requests";

/** Pieces are a small fraction of a request, so that requests fill up well before they are sent. */
const PIECE_BYTES = 400_000;

export const INCOMPLETE_NOTE = "INCOMPLETE: the ARRS check stopped before it finished writing here. Run it again.";

export interface Area {
  /** The sheet; for a new sheet, created by prepare(). */
  ws(): Excel.Worksheet;
  /** Sheet row and column (1-based) of rows[0][0]. */
  top: number;
  left: number;
  /** Rows of cells from `top` down; an undefined row has nothing to write. */
  rows: (OutputCell[] | undefined)[];
  /** Clears the area (or adds the sheet); queued in the same request as the first piece. */
  prepare(): void;
  prepareCalls: number;
  /** Widths, filters, conditional formats, charts, names: queued after the last piece. */
  finish(): void;
  finishCalls: number;
}

interface Piece {
  from: number;
  values: OfficeValue[][];
  formats: Rect[];
  styles: Rect[];
  bytes: number;
}

export async function writeArea(queue: RequestQueue, area: Area): Promise<void> {
  const width = area.rows.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  const pieces = planPieces(area.rows, width);
  const prepareBytes = area.prepareCalls * CALL_BYTES;
  const finishBytes = area.finishCalls * CALL_BYTES;
  const total = pieces.reduce((sum, p) => sum + p.bytes, prepareBytes + finishBytes);
  if (total <= queue.budget && total > queue.room) await queue.send();
  const marker = total > queue.budget ? markerCell(area.rows) : null;

  for (const [i, piece] of pieces.entries()) {
    await queue.reserve(piece.bytes + (i === 0 ? prepareBytes + 2 * CALL_BYTES : 0));
    if (i === 0) area.prepare();
    queuePiece(area, piece, width);
    if (i === 0 && marker) queueCell(area, marker, { value: `${String(marker.cell.value ?? "")} (${INCOMPLETE_NOTE})`, format: "text" });
  }
  if (pieces.length === 0) {
    await queue.reserve(prepareBytes);
    area.prepare();
  }
  await queue.reserve(finishBytes + (marker ? 2 * CALL_BYTES : 0));
  area.finish();
  if (marker) queueCell(area, marker, marker.cell);
}

type OfficeValue = string | number | boolean | null;

/** Rows in pieces of about PIECE_BYTES; each row converted and measured once. */
function planPieces(rows: (OutputCell[] | undefined)[], width: number): Piece[] {
  const pieces: Piece[] = [];
  let values: OfficeValue[][] = [];
  let bytes = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = new Array<OfficeValue>(width);
    for (let c = 0; c < width; c++) row[c] = officeValue(rows[r]?.[c]);
    values.push(row);
    bytes += utf8Length(JSON.stringify(row)) + 1;
    if (bytes >= PIECE_BYTES || r === rows.length - 1) {
      pieces.push(piece(rows, r + 1 - values.length, values, bytes));
      values = [];
      bytes = 0;
    }
  }
  return pieces;
}

function piece(rows: (OutputCell[] | undefined)[], from: number, values: OfficeValue[][], valueBytes: number): Piece {
  const width = values[0]?.length ?? 0;
  const formatKeys: (string | null)[][] = [];
  const styleKeys: string[][] = [];
  // Plain loops, not slice().map(): the roster's rows are a sparse array, and map skips the holes.
  for (let r = 0; r < values.length; r++) {
    const row = rows[from + r];
    const formats = new Array<string | null>(width);
    const styles = new Array<string>(width);
    for (let c = 0; c < width; c++) {
      formats[c] = officeNumberFormat(row?.[c]);
      styles[c] = styleKey(row?.[c]);
    }
    formatKeys.push(formats);
    styleKeys.push(styles);
  }
  const formats = rectangles(formatKeys, width);
  const styles = rectangles(styleKeys, width);
  const styleCalls = styles.reduce((n, rect) => n + styleCallCount(officeStyle(rect.key)), 0);
  const bytes = valueBytes + (1 + formats.length + styleCalls) * CALL_BYTES;
  return { from, values, formats, styles, bytes };
}

/** Number formats, then values, then styles, all in the request being filled. */
function queuePiece(area: Area, piece: Piece, width: number): void {
  const ws = area.ws();
  const top = area.top - 1 + piece.from;
  const left = area.left - 1;
  for (const rect of piece.formats) setNumberFormat(rangeOf(ws, top, left, rect), rect.key);
  if (width > 0) ws.getRangeByIndexes(top, left, piece.values.length, width).values = piece.values;
  for (const rect of piece.styles) applyStyle(rangeOf(ws, top, left, rect), officeStyle(rect.key));
}

function rangeOf(ws: Excel.Worksheet, top: number, left: number, rect: Rect): Excel.Range {
  return ws.getRangeByIndexes(top + rect.top, left + rect.left, rect.bottom - rect.top + 1, rect.right - rect.left + 1);
}

/**
 * One format for every cell of a range. The docs ("Update all cells in a range") say to set the
 * property to a single value rather than a 2-D array of repeats; the typings only allow any[][].
 */
export function setNumberFormat(range: Excel.Range, format: string): void {
  (range as unknown as { numberFormat: string }).numberFormat = format;
}

export function applyStyle(range: Excel.Range, style: OfficeStyle): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.size !== undefined) format.font.size = style.size;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.borderTop !== undefined) setBorder(format.borders.getItem("EdgeTop"), style.borderTop);
  if (style.borderBottom !== undefined) setBorder(format.borders.getItem("EdgeBottom"), style.borderBottom);
  if (style.wrap) {
    format.wrapText = true;
    format.verticalAlignment = "Top";
  }
}

function setBorder(border: Excel.RangeBorder, color: string): void {
  border.style = "Continuous";
  border.color = color;
}

function styleCallCount(style: OfficeStyle): number {
  const { borderTop, borderBottom, wrap, ...single } = style;
  return Object.keys(single).length + (borderTop ? 2 : 0) + (borderBottom ? 2 : 0) + (wrap ? 2 : 0);
}

interface MarkerCell {
  row: number;
  column: number;
  cell: OutputCell;
}

/** The last cell of the first row that holds a value: the header that says "incomplete". */
function markerCell(rows: (OutputCell[] | undefined)[]): MarkerCell | null {
  const first = rows[0] ?? [];
  for (let c = first.length - 1; c >= 0; c--) {
    if (first[c] && first[c].value !== null) return { row: 0, column: c, cell: first[c] };
  }
  return null;
}

/** One cell, written whole: its format (text first), value and style. */
function queueCell(area: Area, at: { row: number; column: number }, cell: OutputCell): void {
  const range = area.ws().getRangeByIndexes(area.top - 1 + at.row, area.left - 1 + at.column, 1, 1);
  setNumberFormat(range, officeNumberFormat(cell) ?? TEXT_FORMAT);
  range.values = [[officeValue(cell)]];
  const key = styleKey(cell);
  if (key) applyStyle(range, officeStyle(key));
}
