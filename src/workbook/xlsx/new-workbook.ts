/**
 * New .xlsx workbooks of one sheet: a CSV roster as a workbook of text cells, so that the rest of the
 * pipeline is the same as for an .xlsx file; and one of the tool's sheets (the rates template) with its
 * formats and styles, marked by a workbook-level name so the tool can recognise its own file later.
 * The smallest package Excel opens without complaint (ECMA-376 Part 1, 12.2): content types, the
 * package and workbook relationships, the workbook, one worksheet, a styles part.
 */
import type { OwnedSheet } from "../../report/types";
import { cellXml } from "./cells-write";
import { ownedSheetXml, printTitlesFormula } from "./owned-sheet";
import { replaceToolCharts } from "./drawing-part";
import { MAIN_NS, PackageEdit, REL_NS, RELATIONSHIP_TYPES, STYLES_CONTENT_TYPE, WORKSHEET_CONTENT_TYPE, XlsxPackage } from "./package";
import { MINIMAL_STYLES, StyleBook } from "./styles-write";
import { definedName, quotedSheetName } from "./workbook-part";
import { escapeXml } from "./xml";
import { newEntry, writeZip } from "./zip";

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Every value is written as text, exactly as given; empty strings leave the cell out. */
export async function newWorkbookBytes(sheetName: string, rows: readonly (readonly string[])[]): Promise<Uint8Array> {
  const sheetRows = rows.map((fields, r) => {
    const cells = fields.map((value, c) => (value === "" ? "" : cellXml(r + 1, c + 1, { value }, 0, false))).join("");
    return cells ? `<row r="${r + 1}">${cells}</row>` : "";
  }).join("");
  const sheetXml = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${sheetRows}</sheetData></worksheet>`;
  return packageOf({ sheetName, sheetXml, stylesXml: MINIMAL_STYLES, definedNames: "" });
}

/**
 * A new workbook holding one of the tool's sheets, styled as the adapters style it, with a
 * workbook-level name `markName` pointing at its A1: the mark by which the tool knows the file is its own.
 */
export async function newOwnedSheetWorkbookBytes(sheet: OwnedSheet, options: { markName: string }): Promise<Uint8Array> {
  const styles = new StyleBook(MINIMAL_STYLES);
  const sheetXml = ownedSheetXml(sheet, styles, { date1904: false, keptView: ' tabSelected="1"' });
  // The header rows repeated on each printed page, as the adapters write them.
  const titles = printTitlesFormula(sheet, quotedSheetName(sheet.name));
  const mark = `<definedNames><definedName name="${escapeXml(options.markName)}">${escapeXml(`${quotedSheetName(sheet.name)}!$A$1`)}</definedName>`
    + (titles ? `<definedName name="_xlnm.Print_Titles" localSheetId="0">${escapeXml(titles)}</definedName>` : "")
    + "</definedNames>";
  const bytes = await packageOf({ sheetName: sheet.name, sheetXml, stylesXml: styles.result() ?? MINIMAL_STYLES, definedNames: mark });
  return (sheet.charts ?? []).length > 0 ? withCharts(bytes, sheet, (drawingId) => ownedSheetXml(sheet, styles, { date1904: false, keptView: ' tabSelected="1"', drawingId })) : bytes;
}

/** The new workbook's one sheet with its charts drawn (drawing-part.ts), as the adapter draws them on the tool's sheets. */
async function withCharts(bytes: Uint8Array, sheet: OwnedSheet, sheetXml: (drawingId: string | null) => string): Promise<Uint8Array> {
  const pkg = await XlsxPackage.open(bytes);
  const edit = new PackageEdit(pkg);
  const charts = await replaceToolCharts(edit, { sheetPath: SHEET_PATH, quotedSheet: quotedSheetName(sheet.name), sheet });
  for (const part of charts.parts) await edit.setContentType(part.path, part.contentType);
  edit.set(SHEET_PATH, sheetXml(charts.drawingId));
  edit.apply();
  return pkg.toBytes();
}

const SHEET_PATH = "xl/worksheets/sheet1.xml";

/**
 * Whether the bytes are an .xlsx workbook carrying the workbook-level name `markName`; false for
 * anything else, including files that are not workbooks at all.
 */
export async function workbookHasMark(bytes: Uint8Array, markName: string): Promise<boolean> {
  try {
    const pkg = await XlsxPackage.open(bytes);
    const xml = await pkg.text(await pkg.workbookPath());
    return xml !== null && definedName(xml, markName) !== null;
  } catch {
    return false;
  }
}

async function packageOf(options: { sheetName: string; sheetXml: string; stylesXml: string; definedNames: string }): Promise<Uint8Array> {
  const { sheetName, sheetXml, stylesXml, definedNames } = options;
  const parts: [string, string][] = [];
  parts.push(["[Content_Types].xml", `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${WORKSHEET_CONTENT_TYPE}"/>`
    + `<Override PartName="/xl/styles.xml" ContentType="${STYLES_CONTENT_TYPE}"/>`
    + "</Types>"]);
  parts.push(["_rels/.rels", `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELS_NS}">`
    + `<Relationship Id="rId1" Type="${RELATIONSHIP_TYPES.officeDocument}" Target="xl/workbook.xml"/></Relationships>`]);
  parts.push(["xl/workbook.xml", `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`
    + `<bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets>${definedNames}</workbook>`]);
  parts.push(["xl/_rels/workbook.xml.rels", `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELS_NS}">`
    + `<Relationship Id="rId1" Type="${RELATIONSHIP_TYPES.worksheet}" Target="worksheets/sheet1.xml"/>`
    + `<Relationship Id="rId2" Type="${RELATIONSHIP_TYPES.styles}" Target="styles.xml"/></Relationships>`]);
  parts.push(["xl/worksheets/sheet1.xml", sheetXml]);
  parts.push(["xl/styles.xml", stylesXml]);
  return writeZip(await Promise.all(parts.map(([name, text]) => newEntry(name, [text]))));
}
