/**
 * The files `arrs check` writes: the checked copy's name, which follows the input's content (a
 * macro-enabled workbook stays .xlsm, for Excel opens a file only when its extension matches what
 * it holds), and how the command knows its own earlier output, which a new run may replace.
 *
 * Its own output is known by its content, not its name:
 * - a workbook (the checked copy) carries the workbook-level name ARRS_Output, which only this tool
 *   writes (over its columns beside the roster); a workbook the add-in has checked carries it too;
 * - the --claim-lines CSV starts with the byte-order mark and the claim lines' header row;
 * - the --month CSV starts with its "Claim period" line and holds the claim lines' header row.
 * A file saved again by a spreadsheet app, or any other file, is not the tool's; --force replaces it.
 */
import * as path from "node:path";
import { OWNED_RANGE_NAME } from "../common/owned";
import { isClaimLinesCsv, isMonthClaimCsv } from "../report/claim-lines-csv";
import { workbookHasMark } from "../workbook/xlsx/new-workbook";
import { overriddenContentType, XlsxPackage } from "../workbook/xlsx/package";
import { CliProblem } from "./files";

/**
 * The workbook part's content type (ECMA-376 Part 1, 12.3.23 and [MS-OFFMACRO2]), in lower case as
 * content types compare, and the extension Excel needs for it.
 */
const EXTENSIONS: Record<string, string> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": ".xlsx",
  "application/vnd.ms-excel.sheet.macroenabled.main+xml": ".xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": ".xltx",
  "application/vnd.ms-excel.template.macroenabled.main+xml": ".xltm",
};

const KIND_WORDS: Record<string, string> = {
  ".xlsx": "an Excel Workbook",
  ".xlsm": "a macro-enabled workbook (its macros are kept)",
  ".xltx": "an Excel template",
  ".xltm": "a macro-enabled template (its macros are kept)",
};

/**
 * The extension a copy of this workbook must have: from the content type [Content_Types].xml gives
 * the workbook part. A workbook that names none Excel knows is taken as .xlsx. Call it on bytes the
 * file adapter has already opened.
 */
export async function workbookExtension(bytes: Uint8Array): Promise<string> {
  const pkg = await XlsxPackage.open(bytes);
  const types = (await pkg.text("[Content_Types].xml")) ?? "";
  return EXTENSIONS[overriddenContentType(types, await pkg.workbookPath()) ?? ""] ?? ".xlsx";
}

/** roster.xlsx → roster.arrs.xlsx beside it; roster.xlsm → roster.arrs.xlsm; roster.csv → roster.arrs.xlsx. */
export function defaultOutputPath(input: string, extension = ".xlsx"): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}.arrs${extension}`);
}

/** An --out whose extension is not the one the content needs is refused: Excel would not open the file. */
export function assertOutputExtension(output: string, extension: string): void {
  if (path.extname(output).toLowerCase() === extension) return;
  const fixed = path.join(path.dirname(output), `${path.parse(output).name}${extension}`);
  throw new CliProblem(`--out "${output}" would hold ${KIND_WORDS[extension]}, which Excel opens only with the extension ${extension}: use --out ${fixed}.`);
}

/** The checked copy of an earlier run (or a workbook the add-in has checked): it carries ARRS_Output. */
export function ownsWorkbook(bytes: Uint8Array): Promise<boolean> {
  return workbookHasMark(bytes, OWNED_RANGE_NAME);
}

export function ownsClaimLines(bytes: Buffer): boolean {
  return isClaimLinesCsv(bytes.toString("utf8"));
}

export function ownsMonthClaim(bytes: Buffer): boolean {
  return isMonthClaimCsv(bytes.toString("utf8"));
}
