/**
 * What the tool writes into a workbook, as plain data: cells with a format and a style, laid out on
 * the tool's own sheets and in its own columns beside the roster. No file format and no Office here, so
 * the layout is tested without Excel and every adapter writes the same thing.
 */
import type { IsoDate } from "../common/dates";

/** How a number or date is shown. "month" shows a date as "Apr 2025" (and still sorts as a date). */
export type CellFormat = "money" | "date" | "month" | "wte" | "integer" | "percent" | "text";

export type CellStyle = "title" | "subtitle" | "header" | "total" | "note" | "error" | "warning" | "info" | "ok";

/**
 * A cell's value. Strings are always literal text, never formulas: a roster name such as
 * "=HYPERLINK(...)" or "@foo" must land in the cell as typed, so an adapter whose API would evaluate
 * it (Office.js) has to write such text as text.
 */
export type OutputValue = string | number | boolean | null | { date: IsoDate };

export interface OutputCell {
  value: OutputValue;
  format?: CellFormat;
  style?: CellStyle;
  /** Wrap the text in the cell (findings joined by newlines). */
  wrap?: boolean;
}

/** A block of cells on one sheet: 1-based sheet rows and columns, inclusive. */
export interface SheetRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ChartSeries {
  name: string;
  /** One column of numbers, the same height as the chart's categories; blank cells are gaps. */
  values: SheetRange;
}

/**
 * A chart drawn over cells of the same sheet, from the sheet's own cells (so it follows them if the
 * user edits one). Both adapters draw it: Office.js with its chart API, the file adapter as DrawingML.
 */
export interface ChartSpec {
  /** "column": clustered columns; "stackedColumn": stacked columns; "line": lines with markers. */
  type: "column" | "stackedColumn" | "line";
  title: string;
  /** One column of labels (months, PCN names). */
  categories: SheetRange;
  series: ChartSeries[];
  /** The cells the chart covers (top-left to bottom-right), on the same sheet. */
  anchor: SheetRange;
  /** Axis title for the values, e.g. "£". */
  valueAxisTitle?: string;
}

/** One of the tool's own sheets, written from A1. */
export interface OwnedSheet {
  name: string;
  rows: OutputCell[][];
  /** Widths in characters, column A first. */
  columnWidths: number[];
  /** Rows kept in view when scrolling (1 = the header row). */
  freezeRows?: number;
  dataBars?: { range: SheetRange }[];
  charts?: ChartSpec[];
  /** A table the user can filter (header row included). */
  autoFilter?: SheetRange;
  /** How the sheet prints; printSettingsOf (report/print.ts) gives the default every adapter writes. */
  print?: PrintSettings;
}

/**
 * How one of the tool's sheets prints: landscape, one page wide (as many pages down as it takes), the
 * first `repeatRows` rows on every page, and a footer with the sheet's name and the page number.
 */
export interface PrintSettings {
  landscape: boolean;
  /** Pages wide: 1. */
  fitToWidth: 1;
  /** Rows 1 to this repeated at the top of every printed page; none when absent or 0. */
  repeatRows?: number;
}

/** Status words, so status is never shown in colour alone. */
export type StatusText = "Error" | "Warning" | "Note" | "OK";

/** Conditional formatting: colour a status cell whose text is `text`. */
export interface StatusHighlight {
  text: StatusText;
  style: "error" | "warning" | "info";
}

/** The tool's own columns at the right of the roster. */
export interface RosterColumnsOutput {
  sheetName: string;
  headerRowNumber: number;
  /** Sheet column (1-based) of the first owned column, the status column. */
  firstColumn: number;
  headers: OutputCell[];
  /** One entry per roster row; cells line up with `headers`. */
  rows: { rowNumber: number; cells: OutputCell[] }[];
  /**
   * The owned columns are cleared from the header row down to at least this row before writing,
   * so rows a previous run flagged and the user has since deleted do not keep stale flags. Adapters
   * also clear down to the sheet's own last row.
   */
  clearThroughRow: number;
  /** Widths in characters, one per owned column. */
  columnWidths: number[];
  /** Conditional formats on the status column, below the header. */
  statusHighlights: StatusHighlight[];
}

export interface WorkbookOutput {
  /** The columns beside the roster; where a PCN keeps a roster sheet per practice, beside the first. */
  rosterColumns: RosterColumnsOutput | null;
  /** The columns beside each further roster sheet, one block per sheet (absent with one roster). */
  moreRosterColumns?: RosterColumnsOutput[];
  sheets: OwnedSheet[];
}

/** What the reader passed over and how it read, over every roster sheet read (see RosterReadResult). */
export interface RosterReading {
  unusedColumns: { sheet: string; column: string; header: string; reason: string }[];
  /** Rows that are not people (totals, headings, repeated headers); blank rows are not listed. */
  skippedRows: { sheet: string; row: number; reason: string }[];
  notes: string[];
}

/** Options for building the output; the date is an input (no clock in the report). */
export interface BuildOptions {
  generatedOn: IsoDate;
  /** The roster sheet's name; several are joined with "; ", as the settings sheet keeps them. */
  rosterSheet: string;
  /** The sheets read as the roster, and those that could have held one, passed over with why. */
  sheets?: { read: string[]; passedOver: { sheet: string; reason: string }[] };
  /** A line for the summary's notes, e.g. which settings came from the command line. */
  settingsNote?: string;
  /** What the roster reader did not use (columns, rows) and how it read the sheet, for the summary. */
  reading?: RosterReading;
  /** Roster field → header (or column letter) that holds it, as stored on the settings sheet. */
  columnMapping?: Record<string, string>;
}
