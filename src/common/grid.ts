/**
 * A sheet's used range as plain values, the form every workbook adapter reads into and the roster
 * reader takes. Adapters turn rich cells (formulas, rich text, hyperlinks) into their shown value.
 */
export type CellValue = string | number | boolean | Date | null;

export interface Grid {
  sheetName: string;
  /** Sheet row number (1-based) of values[0]. */
  firstRow: number;
  /** Sheet column number (1-based, A = 1) of values[r][0]. */
  firstColumn: number;
  values: CellValue[][];
}

/** 1 for "A", 27 for "AA". */
export function columnNumber(letters: string): number {
  return letters.toUpperCase().split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** "A" for 1, "AA" for 27. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
