/**
 * Excel number formats and colours for the output's formats and styles, shared by both workbook
 * adapters. Plain data, so the add-in's bundle pulls in no file-format code.
 */
import type { CellFormat, CellStyle } from "./types";

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

/** Thin border lines under headers and over totals (ARGB). */
export const BORDER_COLOUR = "FF8EA9DB";

/** How each cell style looks, whatever the adapter: colours are ARGB, sizes in points. */
export interface StyleLook {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColour?: string;
  fill?: string;
  border?: "top" | "bottom";
}

export const STYLE_LOOKS: Record<CellStyle, StyleLook> = {
  title: { bold: true, size: 14 },
  subtitle: { bold: true, size: 12 },
  header: { bold: true, fill: STYLE_COLOURS.header.fill, border: "bottom" },
  total: { bold: true, border: "top" },
  note: { italic: true, fontColour: STYLE_COLOURS.note.font },
  error: { fontColour: STYLE_COLOURS.error.font, fill: STYLE_COLOURS.error.fill },
  warning: { fontColour: STYLE_COLOURS.warning.font, fill: STYLE_COLOURS.warning.fill },
  info: { fontColour: STYLE_COLOURS.info.font, fill: STYLE_COLOURS.info.fill },
  ok: { fontColour: STYLE_COLOURS.ok.font, fill: STYLE_COLOURS.ok.fill },
};
