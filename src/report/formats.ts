/**
 * Excel number formats and colours for the output's formats and styles, shared by both workbook
 * adapters. Plain data with no ExcelJS in it, so the add-in's bundle does not pull ExcelJS in.
 */
import type { CellFormat } from "./types";

export const NUMBER_FORMATS: Record<CellFormat, string> = {
  money: "£#,##0.00",
  date: "dd/mm/yyyy",
  month: "mmm yyyy",
  wte: "0.00",
  integer: "#,##0",
  percent: "0.0%",
  text: "@",
};

/** Fill and font colours (ARGB) for each style, after Excel's own "Bad / Neutral / Good" cell styles. */
export const STYLE_COLOURS = {
  header: { fill: "FFD9E1F2" },
  error: { fill: "FFFFC7CE", font: "FF9C0006" },
  warning: { fill: "FFFFEB9C", font: "FF9C5700" },
  info: { fill: "FFDDEBF7", font: "FF1F4E78" },
  ok: { fill: "FFC6EFCE", font: "FF006100" },
  note: { font: "FF595959" },
  dataBar: "FF638EC6",
} as const;
