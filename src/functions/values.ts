/**
 * The plain values of the =ARRS.* functions: a result is a value, a blank or a CellError, one per cell
 * of a range; and today's date from the computer's clock. Nothing here needs the rules, the roster
 * reader or the engine, so functions.ts imports it with the page (it is on the task pane's) and loads
 * the rest on the first call of a function. arguments.ts re-exports all of it.
 */
import { isoFromParts, type IsoDate } from "../common/dates";

/** An error for one cell (or, when a function returns it alone, for the whole call). */
export interface CellError {
  /** "value": the input is wrong (#VALUE!); "na": no figure is on record for it (#N/A). */
  error: "value" | "na";
  message: string;
}

/** A blank result: what a blank role gives, so a formula over a column with blank rows still works. */
export const BLANK = "";
export type Blank = typeof BLANK;

export type Cell<T> = T | Blank | CellError;
/** A single value when every argument was a single value, else a matrix (an array of rows). */
export type Result<T> = Cell<T> | Cell<T>[][];

export function isCellError(value: unknown): value is CellError {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    && ((value as CellError).error === "value" || (value as CellError).error === "na")
    && typeof (value as CellError).message === "string";
}

export const valueError = (message: string): CellError => ({ error: "value", message });
export const naError = (message: string): CellError => ({ error: "na", message });

/** Today as an ISO date, from a JavaScript date in the computer's own time zone. */
export function isoFromLocalDate(date: Date): IsoDate {
  return isoFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate());
}
