/**
 * Changes to a user's worksheet part, made on its text: the tool's columns emptied (an earlier
 * run's, or the target block), its new cells put into their rows in column order, their widths and
 * the status colours set. Every other byte of every row, and every other element of the sheet
 * (the user's cells, formulas, styles, merges, validations, drawings, extensions), is copied as it
 * was. Rows and cells are in ascending order in SpreadsheetML (ECMA-376 Part 1, 18.3.1.73 and
 * 18.3.1.4), and a row or cell may leave out its r attribute, meaning "the one after the last".
 */
import { columnLetter, columnNumber } from "../../common/grid";
import type { OwnedBlock } from "../owned-block";
import { patchColumns } from "./columns";
import { childElements, findChild, insertChild, rootElement, tagEnd, WORKSHEET_ORDER } from "./elements";
import { attribute, eachStartTag, TagScanner } from "./tag-scanner";

export interface SheetPatch {
  /** Blocks emptied from their header row down: cells and conditional formats wholly inside them. */
  clear: OwnedBlock[];
  /**
   * New cells, already as XML, by row number: each row's cells are one run of adjacent columns from
   * `first` to `last`, inside a block that `clear` empties, so they go in as one piece.
   */
  cells: Map<number, NewCells>;
  /** Column widths to set (null: back to the sheet's default). */
  widths: Map<number, number | null>;
  /** Conditional formats to add, each a whole <conditionalFormatting> element (no prefix). */
  conditionalFormats: string[];
}

export interface NewCells {
  first: number;
  last: number;
  xml: string;
}

export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The parts of a worksheet around its <sheetData>, which holds nearly all of its bytes. */
interface SplitSheet {
  /** Namespace prefix of the sheet's elements ("" or "x:"). */
  prefix: string;
  /** Everything before the <sheetData> start tag, then the part after it ends. */
  head: string;
  tail: string;
  /** The rows: everything between <sheetData> and </sheetData>. */
  rows: string;
}

function splitSheet(xml: string): SplitSheet {
  const prefix = rootElement(xml).prefix;
  // The <sheetData> start tag, found by the scanner (so not one in a comment); what comes before it is small.
  const scan = new TagScanner(xml);
  let open: { index: number } | null = null;
  while (scan.next()) {
    if (!scan.closing && scan.is("sheetData")) {
      open = { index: scan.tagStart };
      break;
    }
  }
  if (!open) {
    // A sheet with no <sheetData> at all (allowed only loosely; Excel always writes one).
    const marker = `<${prefix}sheetData/>`;
    const withData = insertChild(xml, marker, "sheetData", WORKSHEET_ORDER);
    const at = withData.indexOf(marker);
    return { prefix, head: withData.slice(0, at), tail: withData.slice(at + marker.length), rows: "" };
  }
  const startTagEnd = tagEnd(xml, open.index);
  if (xml[startTagEnd - 1] === "/") return { prefix, head: xml.slice(0, open.index), tail: xml.slice(startTagEnd + 1), rows: "" };
  // The end tag is near the end: searched from there, so no text in a row can be taken for it.
  const close = xml.lastIndexOf(`</${prefix}sheetData>`);
  return {
    prefix,
    head: xml.slice(0, open.index),
    tail: xml.slice(close + `</${prefix}sheetData>`.length),
    rows: xml.slice(startTagEnd + 1, close),
  };
}

/** The merged ranges of a worksheet part (<mergeCells>, after the sheet data). */
export function mergedRanges(xml: string): MergedRange[] {
  return mergedRangesIn(splitSheet(xml).tail);
}

/** The merged ranges in the part of a worksheet after its <sheetData>. */
function mergedRangesIn(tail: string): MergedRange[] {
  const out: MergedRange[] = [];
  eachStartTag(tail, "mergeCell", (scan) => {
    const range = decodeRange(scan.attribute("ref") ?? "");
    if (range) out.push(range);
  });
  return out;
}

/** The highest conditional-format priority on the sheet, so the tool's rules are added after the user's. */
function maxPriority(tail: string): number {
  let max = 0;
  eachStartTag(tail, "cfRule", (scan) => {
    const p = Number(scan.attribute("priority"));
    if (Number.isFinite(p) && p > max) max = p;
  });
  return max;
}

/**
 * Returns the patched part (in pieces, never joined: a long roster's part is tens of megabytes), and
 * whether a formula was among the cells removed (the calculation chain must then go). `merges`, if
 * given, are mergedRanges(xml), already worked out by the caller.
 */
export function patchSheet(xml: string, patch: SheetPatch, merges?: MergedRange[]): { xml: string[]; removedFormula: boolean } {
  const sheet = splitSheet(xml);
  merges ??= mergedRangesIn(sheet.tail);
  const { rows, removedFormula, bounds } = patchRows(sheet, patch, merges);

  // The rest of the sheet is small: edit it with sheetData as an empty placeholder.
  const marker = `<${sheet.prefix}sheetData/>`;
  let outer = sheet.head + marker + sheet.tail;
  outer = removeConditionalFormats(outer, patch.clear);
  const priority = maxPriority(outer);
  for (const element of patch.conditionalFormats) {
    const numbered = element.replace(/priority="(\d+)"/g, (_, n: string) => `priority="${priority + Number(n)}"`);
    outer = insertChild(outer, withPrefix(numbered, sheet.prefix), "conditionalFormatting", WORKSHEET_ORDER);
  }
  outer = setColumns(outer, patch.widths, sheet.prefix);
  if (bounds) outer = widenDimension(outer, bounds);
  const at = outer.indexOf(marker);
  const sheetDataTag = `<${sheet.prefix}sheetData>`;
  rows.unshift(outer.slice(0, at), sheetDataTag);
  rows.push(`</${sheet.prefix}sheetData>`, outer.slice(at + marker.length));
  return { xml: rows, removedFormula };
}

interface Bounds { top: number; left: number; bottom: number; right: number }

function patchRows(sheet: SplitSheet, patch: SheetPatch, merges: MergedRange[]): { rows: string[]; removedFormula: boolean; bounds: Bounds | null } {
  const p = sheet.prefix;
  const text = sheet.rows;
  const rowOpen = `<${p}row`;
  const rowClose = `</${p}row>`;
  const pending = [...patch.cells.keys()].sort((a, b) => a - b);
  let next = 0;
  const clearFrom = patch.clear.length ? Math.min(...patch.clear.map((b) => b.headerRow)) : Infinity;
  const out: string[] = [];
  let removedFormula = false;
  let bounds: Bounds | null = null;
  const grow = (row: number, column: number) => {
    if (!bounds) bounds = { top: row, left: column, bottom: row, right: column };
    else {
      if (row < bounds.top) bounds.top = row;
      if (row > bounds.bottom) bounds.bottom = row;
      if (column < bounds.left) bounds.left = column;
      if (column > bounds.right) bounds.right = column;
    }
  };
  const newRow = (rowNumber: number) => {
    const cells = patch.cells.get(rowNumber)!;
    grow(rowNumber, cells.first);
    grow(rowNumber, cells.last);
    return `<${p}row r="${rowNumber}">${withPrefix(cells.xml, p)}</${p}row>`;
  };

  let last = 0;
  let rowNumber = 0;
  let at = findTag(text, rowOpen, 0);
  while (at !== -1) {
    const startEnd = tagEnd(text, at);
    const startTag = text.slice(at, startEnd + 1);
    const selfClosing = text[startEnd - 1] === "/";
    const end = selfClosing ? startEnd + 1 : text.indexOf(rowClose, startEnd) + rowClose.length;
    const r = attribute(startTag, "r");
    rowNumber = r !== null ? Number(r) : rowNumber + 1;

    // New rows that come before this one.
    while (next < pending.length && pending[next] < rowNumber) {
      out.push(text.slice(last, at), newRow(pending[next]));
      last = at;
      next += 1;
    }
    const adding = next < pending.length && pending[next] === rowNumber ? patch.cells.get(rowNumber)! : null;
    if (adding) next += 1;
    const clearing = rowNumber >= clearFrom ? patch.clear.filter((b) => rowNumber >= b.headerRow) : [];
    if (adding || clearing.length) {
      const body = selfClosing ? "" : text.slice(startEnd + 1, end - rowClose.length);
      const rebuilt = rebuildRow(body, rowNumber, { p, adding, clearing, merges });
      if (rebuilt.removedFormula) removedFormula = true;
      if (adding) {
        grow(rowNumber, adding.first);
        grow(rowNumber, adding.last);
      }
      if (rebuilt.body !== body || selfClosing) {
        // A spans hint (18.3.1.73) is only an optimisation and would now be wrong: drop it.
        const tag = startTag.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, "").replace(/\s*\/>$/, ">");
        out.push(text.slice(last, at), rebuilt.body ? `${tag}${rebuilt.body}${rowClose}` : `${tag.slice(0, -1)}/>`);
        last = end;
      }
    }
    at = findTag(text, rowOpen, end);
  }
  out.push(text.slice(last));
  while (next < pending.length) out.push(newRow(pending[next++]));
  return { rows: out, removedFormula, bounds };
}

/** The next start tag `<name` (followed by whitespace, ">" or "/") at or after `from`; -1 if none. */
function findTag(text: string, open: string, from: number): number {
  let at = text.indexOf(open, from);
  while (at !== -1) {
    const after = text.charCodeAt(at + open.length);
    // space, tab, newline, carriage return, ">", "/"
    if (after === 32 || after === 9 || after === 10 || after === 13 || after === 62 || after === 47) return at;
    at = text.indexOf(open, at + open.length);
  }
  return -1;
}

function rebuildRow(body: string, rowNumber: number, options: { p: string; adding: NewCells | null; clearing: OwnedBlock[]; merges: MergedRange[] }): { body: string; removedFormula: boolean } {
  const { p, adding, clearing } = options;
  const cellOpen = `<${p}c`;
  const cellClose = `</${p}c>`;
  const adds = adding ? withPrefix(adding.xml, p) : "";
  const firstTouched = Math.min(adding ? adding.first : Infinity, ...clearing.map((b) => b.firstColumn));

  // Nearly always the tool's columns are right of every cell of the row: then the new cells go
  // after the last one, and nothing else in the row needs looking at.
  const lastCell = lastTagAt(body, cellOpen);
  if (lastCell !== -1) {
    const ref = attribute(body.slice(lastCell, tagEnd(body, lastCell) + 1), "r");
    if (ref !== null && columnNumber(/^[A-Za-z]+/.exec(ref)?.[0] ?? "") < firstTouched) {
      const startEnd = tagEnd(body, lastCell);
      const end = body[startEnd - 1] === "/" ? startEnd + 1 : body.indexOf(cellClose, startEnd) + cellClose.length;
      return { body: body.slice(0, end) + adds + body.slice(end), removedFormula: false };
    }
  } else if (adding) {
    // No cells at all: the new ones go before anything else the row holds (an <extLst>).
    return { body: adds + body, removedFormula: false };
  }
  return rebuildCells(body, rowNumber, { ...options, adds });
}

/** The cell-by-cell way: each cell's column decides whether it is kept, cleared or written over. */
function rebuildCells(body: string, rowNumber: number, options: { p: string; adding: NewCells | null; adds: string; clearing: OwnedBlock[]; merges: MergedRange[] }): { body: string; removedFormula: boolean } {
  const { p, adding, adds, clearing, merges } = options;
  const cellOpen = `<${p}c`;
  const cellClose = `</${p}c>`;
  const parts: string[] = [];
  let removedFormula = false;
  let column = 0;
  let added = false;
  let last = 0;
  let at = findTag(body, cellOpen, 0);
  while (at !== -1) {
    const startEnd = tagEnd(body, at);
    const startTag = body.slice(at, startEnd + 1);
    const end = body[startEnd - 1] === "/" ? startEnd + 1 : body.indexOf(cellClose, startEnd) + cellClose.length;
    const ref = attribute(startTag, "r");
    column = ref !== null ? columnNumber(/^[A-Za-z]+/.exec(ref)?.[0] ?? "") : column + 1;
    parts.push(body.slice(last, at));
    last = end;
    if (adding && !added && column >= adding.first) {
      parts.push(adds);
      added = true;
    }
    const written = adding !== null && column >= adding.first && column <= adding.last;
    const cleared = written || clearing.some((b) => column >= b.firstColumn && column <= b.lastColumn && !mergedFromOutside(rowNumber, column, b, merges));
    if (cleared) {
      if (body.slice(at, end).includes(`<${p}f`)) removedFormula = true;
    } else {
      parts.push(body.slice(at, end));
    }
    at = findTag(body, cellOpen, end);
  }
  // Cells still to add go after the last cell, before anything else the row holds (an <extLst>).
  if (adding && !added) parts.push(adds);
  parts.push(body.slice(last));
  return { body: parts.join(""), removedFormula };
}

/** The last start tag `<name` in the text; -1 if none. */
function lastTagAt(text: string, open: string): number {
  let at = text.lastIndexOf(open);
  while (at !== -1) {
    const after = text.charCodeAt(at + open.length);
    if (after === 32 || after === 9 || after === 10 || after === 13 || after === 62 || after === 47) return at;
    at = at === 0 ? -1 : text.lastIndexOf(open, at - 1);
  }
  return -1;
}

/**
 * A cell of a merged range whose first cell lies outside the block's columns or above its header:
 * it shows the user's text, so it is not the tool's to clear.
 */
export function mergedFromOutside(row: number, column: number, block: OwnedBlock, merges: MergedRange[]): boolean {
  for (const m of merges) {
    if (row < m.top || row > m.bottom || column < m.left || column > m.right) continue;
    return m.left < block.firstColumn || m.left > block.lastColumn || m.top < block.headerRow;
  }
  return false;
}

function withPrefix(xml: string, prefix: string): string {
  return prefix ? xml.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`) : xml;
}

/** Drops the top-level conditional formats whose every range lies inside one of the blocks. */
function removeConditionalFormats(outer: string, blocks: OwnedBlock[]): string {
  if (blocks.length === 0) return outer;
  const root = rootElement(outer);
  const children = childElements(outer, root.contentStart, root.contentEnd);
  let out = "";
  let last = 0;
  for (const child of children) {
    if (child.name !== "conditionalFormatting") continue;
    const sqref = attribute(outer.slice(child.start, tagEnd(outer, child.start) + 1), "sqref") ?? "";
    if (!blocks.some((block) => refInside(sqref, block))) continue;
    out += outer.slice(last, child.start);
    last = child.end;
  }
  return out + outer.slice(last);
}

/** True when every range of a reference ("A2:A9 C2:C9") lies inside the block, from its header row down. */
function refInside(ref: string, block: OwnedBlock): boolean {
  const ranges = ref.trim().split(/\s+/).map(decodeRange);
  return ranges.length > 0 && ranges.every((r) => r !== null && r.left >= block.firstColumn && r.right <= block.lastColumn && r.top >= block.headerRow);
}

function decodeRange(text: string): MergedRange | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(text.replace(/^.*!/, ""));
  if (!match) return null;
  const c1 = columnNumber(match[1]);
  const r1 = Number(match[2]);
  const c2 = match[3] ? columnNumber(match[3]) : c1;
  const r2 = match[4] ? Number(match[4]) : r1;
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

function setColumns(outer: string, widths: Map<number, number | null>, prefix: string): string {
  if (widths.size === 0) return outer;
  const span = findChild(outer, "cols");
  const existing = span ? outer.slice(span.start, span.end) : "";
  const cols = patchColumns(existing, widths, prefix);
  if (span) return outer.slice(0, span.start) + cols + outer.slice(span.end);
  return cols ? insertChild(outer, cols, "cols", WORKSHEET_ORDER) : outer;
}

/** The <dimension> (the used range, a hint for readers) grown to take in the new cells. */
function widenDimension(outer: string, bounds: Bounds): string {
  const span = findChild(outer, "dimension");
  if (!span) return outer;
  const tag = outer.slice(span.start, span.end);
  const current = decodeRange(attribute(tag, "ref") ?? "");
  if (!current) return outer;
  const top = Math.min(current.top, bounds.top);
  const left = Math.min(current.left, bounds.left);
  const bottom = Math.max(current.bottom, bounds.bottom);
  const right = Math.max(current.right, bounds.right);
  const ref = `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
  return outer.slice(0, span.start) + tag.replace(/ref\s*=\s*("[^"]*"|'[^']*')/, `ref="${ref}"`) + outer.slice(span.end);
}
