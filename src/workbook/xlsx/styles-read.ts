/**
 * xl/styles.xml → which cell formats show a date. A cell's s attribute indexes <cellXfs> (ECMA-376
 * Part 1, 18.8.10); each <xf> names a number format by numFmtId, either a custom <numFmt> in
 * <numFmts> (18.8.30, 18.8.31) or a built-in one (the table in 18.8.30).
 *
 * The point is to read the grid ExcelJS 4.4 reads, so this follows its rules
 * (exceljs/lib/xlsx/xform/style/styles-xform.js getStyleModel, utils.isDateFmt), not Excel's:
 * - a custom code wins over the built-in code of the same id; an empty custom code does not;
 * - the built-in codes are those ExcelJS knows (defaultnumformats.js). Of the date ones it knows only
 *   14–22 and 45–47: ids 27–36 and 50–58 have locale-dependent codes it has no single code for,
 *   so it reads such a cell as a number (a serial), and so does this;
 * - ExcelJS drops every backslash escape ("\d" → "d") when it reads a code, then looks for one of
 *   y m d h M s b outside [...] and "..." — case-sensitive, so "DD/MM/YYYY" is a date (for its "M")
 *   but "YYYY" alone is not, and "0\h" counts as a date.
 * Callers also need ExcelJS's rule that style 0 never converts (read-sheet.ts applies it).
 */
import { TagScanner } from "./tag-scanner";

/** Built-in number formats (ECMA-376 18.8.30) that ExcelJS reads as dates; see above. */
const BUILT_IN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** ExcelJS's utils.isDateFmt on a code whose backslash escapes numfmt-xform.js already removed. */
export function isDateFormatCode(code: string): boolean {
  const unescaped = code.replace(/[\\](.)/g, "$1");
  const bare = unescaped.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}

/** For each <xf> in <cellXfs>, in order: whether a number in a cell with that style is a date. */
export function dateStyles(stylesXml: string | null): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  const dates: boolean[] = [];
  const scan = new TagScanner(stylesXml);
  // Only <numFmt> inside <numFmts> and <xf> inside <cellXfs>: <dxfs> (conditional formats) also hold
  // <numFmt>, and <cellStyleXfs> also holds <xf>, and neither applies to a cell's s.
  let inNumFmts = false;
  let inCellXfs = false;
  const xfIds: number[] = [];
  while (scan.next()) {
    if (scan.is("numFmts")) inNumFmts = !scan.closing && !scan.selfClosing;
    else if (scan.is("cellXfs")) inCellXfs = !scan.closing && !scan.selfClosing;
    else if (scan.closing) continue;
    else if (inNumFmts && scan.is("numFmt")) {
      const id = parseInt(scan.attribute("numFmtId") ?? "", 10);
      const code = scan.attribute("formatCode");
      if (!Number.isNaN(id) && code !== null) custom.set(id, code);
    } else if (inCellXfs && scan.is("xf")) {
      xfIds.push(parseInt(scan.attribute("numFmtId") ?? "", 10));
      // An <xf> may hold <alignment> and <protection>; none of them is another xf.
      scan.skipElement();
    }
  }
  for (const id of xfIds) {
    // ExcelJS: "if (style.numFmtId)", so 0 (General) and a missing id give no format at all.
    if (!id) {
      dates.push(false);
      continue;
    }
    const code = custom.get(id);
    dates.push(code ? isDateFormatCode(code) : BUILT_IN_DATE_IDS.has(id));
  }
  return dates;
}
