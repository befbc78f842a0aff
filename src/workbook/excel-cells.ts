/**
 * ExcelJS cells ↔ plain values and output cells. Reading turns every rich cell into what Excel
 * shows; writing turns an OutputCell into a value and a fresh style object.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../common/grid";
import { partsOf } from "../common/dates";
import type { CellStyle, OutputCell, StatusHighlight } from "../report/types";
import { NUMBER_FORMATS, STYLE_COLOURS } from "../report/formats";

export { NUMBER_FORMATS, STYLE_COLOURS };

/** The value Excel shows in a cell: formula → its cached result, rich text → its text, error → "#N/A". */
export function shownValue(cell: ExcelJS.Cell): CellValue {
  // The other cells of a merged block show nothing; ExcelJS would repeat the top-left value.
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return plainValue(cell.value);
}

export function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "object") return null;
  const rich = value as Record<string, unknown>;
  // Formulas and shared formulas: a file saved by Excel carries the last result; one that never was calculated has none.
  if ("formula" in rich || "sharedFormula" in rich) return plainValue(rich.result);
  if (Array.isArray(rich.richText)) return rich.richText.map((run: { text?: unknown }) => String(run.text ?? "")).join("");
  // A hyperlink's text may itself be rich text.
  if ("hyperlink" in rich || "text" in rich) return plainValue(rich.text);
  // Error values keep their text, so a reader can say "#REF! in the salary column" rather than "blank".
  if (typeof rich.error === "string") return rich.error;
  return null;
}

/** A calendar date as the UTC midnight ExcelJS turns into the right Excel serial. */
export function isoToExcelDate(iso: string): Date {
  const { year, month, day } = partsOf(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

/** Strings stay strings: ExcelJS only writes a formula for a { formula } value, so "=X" lands as text. */
export function excelValue(cell: OutputCell): ExcelJS.CellValue {
  const value = cell.value;
  if (value === null) return null;
  if (typeof value === "object") return isoToExcelDate(value.date);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return value;
}

const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF8EA9DB" } };

function styleParts(style: CellStyle | undefined): Partial<ExcelJS.Style> {
  switch (style) {
    case "title": return { font: { bold: true, size: 14 } };
    case "subtitle": return { font: { bold: true, size: 12 } };
    case "header": return { font: { bold: true }, fill: solid(STYLE_COLOURS.header.fill), border: { bottom: thin } };
    case "total": return { font: { bold: true }, border: { top: thin } };
    case "note": return { font: { italic: true, color: { argb: STYLE_COLOURS.note.font } } };
    case "error": case "warning": case "info": case "ok":
      return { font: { color: { argb: STYLE_COLOURS[style].font } }, fill: solid(STYLE_COLOURS[style].fill) };
    default: return {};
  }
}

/**
 * A new style object, never one of the user's: ExcelJS shares style objects between cells loaded
 * from a file, so changing one in place (cell.font = ...) can restyle the user's own cells too.
 */
export function excelStyle(cell: OutputCell): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = { ...styleParts(cell.style) };
  if (cell.format) style.numFmt = NUMBER_FORMATS[cell.format];
  if (cell.wrap) style.alignment = { wrapText: true, vertical: "top" };
  return style;
}

/**
 * Styles for one write, one object per kind of cell (style, format, wrap) shared by all the cells of
 * that kind that the write makes. ExcelJS works out a style's XML once per object it has not seen, so
 * a fresh object per cell cost that work on every cell of a long roster. The objects are the tool's
 * own (never a user's cell's) and nothing changes them in place once written.
 */
export function excelStyles(): (cell: OutputCell) => Partial<ExcelJS.Style> {
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  return (cell) => {
    const key = `${cell.style ?? ""}|${cell.format ?? ""}|${cell.wrap ? "wrap" : ""}`;
    let style = styles.get(key);
    if (!style) {
      style = excelStyle(cell);
      styles.set(key, style);
    }
    return style;
  };
}

/** Conditional-format rule colouring a status cell by its text, with an explicit priority. */
export function statusRule(highlight: StatusHighlight, priority: number): ExcelJS.ConditionalFormattingRule {
  const colours = STYLE_COLOURS[highlight.style];
  return {
    type: "cellIs",
    operator: "equal",
    formulae: [`"${highlight.text}"`],
    priority,
    style: {
      fill: { type: "pattern", pattern: "solid", bgColor: { argb: colours.fill } },
      font: { color: { argb: colours.font } },
    },
  };
}

/**
 * Solid bars from zero. Not gradient: ExcelJS 4.4 writes a gradient bar's Excel 2010 extension
 * reference with an empty id and no matching extension, which Excel may "repair" away
 * (exceljs/exceljs#3015); a solid bar gets both halves written, as Excel itself writes them.
 */
export function dataBarRule(priority: number): ExcelJS.ConditionalFormattingRule {
  return {
    type: "dataBar",
    priority,
    gradient: false,
    cfvo: [{ type: "num", value: 0 }, { type: "max" }],
    color: { argb: STYLE_COLOURS.dataBar },
  } as ExcelJS.ConditionalFormattingRule;
}
