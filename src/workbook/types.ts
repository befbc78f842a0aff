/**
 * The one small interface the pipeline talks to. Each door has its adapter: the Office.js one inside
 * Excel, the file one (xlsx/xlsx-workbook.ts) for the command line and a file opened in a browser tab.
 */
import type { Grid } from "../common/grid";
import type { OwnedSheet, WorkbookOutput } from "../report/types";

export interface WorkbookPort {
  /** Every sheet's name, in tab order. */
  sheetNames(): Promise<string[]>;
  /** The used range, rich cells (formulas, rich text, hyperlinks) turned into their shown values. */
  readSheet(name: string): Promise<Grid>;
  /**
   * The owned columns and the owned sheets, nothing else. A second write replaces the first. With
   * `rosterColumns: null` (saving the settings sheet alone) the roster columns are left as they are.
   */
  write(output: WorkbookOutput): Promise<void>;
  /** Removes exactly what the tool wrote: its sheets, its roster columns and its defined name. */
  removeOutput(): Promise<{ removedSheets: string[]; clearedColumns: number }>;
  /** Inside Excel: select a row of a sheet and bring it into view (a finding clicked in the pane). */
  selectRow?(sheetName: string, rowNumber: number): Promise<void>;
  /** Adds a new sheet holding these values (the first-run "Insert sample roster"); fails if it exists. */
  addSheet?(name: string, values: (string | number | null)[][]): Promise<void>;
  /**
   * Adds a new sheet laid out and formatted as given (the rates template), with `select` (an address
   * such as "C7") as its selected cell; inside Excel it becomes the active sheet. Fails if a sheet of
   * that name exists, whatever its case: it never writes over one.
   */
  addFormattedSheet?(sheet: OwnedSheet, options?: { select?: string | null }): Promise<void>;
  /** Inside Excel: activate a sheet and select a cell or range on it ("C7"). */
  selectCell?(sheetName: string, address: string): Promise<void>;
}
