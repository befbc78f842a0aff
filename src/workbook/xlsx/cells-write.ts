/**
 * One output cell as SpreadsheetML (ECMA-376 Part 1, 18.3.1.4 <c>). Text is always an inline
 * string, never a formula, so a roster name such as "=HYPERLINK(...)" lands as typed; inline
 * strings also leave the user's shared-string table untouched.
 */
import { excelSerialFromIso } from "../../common/dates";
import { columnLetter } from "../../common/grid";
import type { OutputCell } from "../../report/types";
import { escapeXml } from "./xml";

/** Days between the 1900 and 1904 date systems' day 0 (ECMA-376 Part 1, 18.17.4.1). */
const DAYS_1900_TO_1904 = 1462;

/** The cell's XML, or "" for a gap in the layout (no value and no look), which stays a missing cell. */
export function cellXml(row: number, column: number, cell: OutputCell, styleIndex: number, date1904: boolean): string {
  if (cell.value === null && !cell.style && !cell.format) return "";
  const ref = `${columnLetter(column)}${row}`;
  const s = styleIndex ? ` s="${styleIndex}"` : "";
  const value = cell.value;
  if (value === null) return `<c r="${ref}"${s}/>`;
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s}/>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === "object") {
    const serial = excelSerialFromIso(value.date) - (date1904 ? DAYS_1900_TO_1904 : 0);
    return `<c r="${ref}"${s}><v>${serial}</v></c>`;
  }
  if (value === "") return `<c r="${ref}"${s}/>`;
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}
