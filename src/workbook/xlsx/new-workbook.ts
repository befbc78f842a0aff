/**
 * A new .xlsx workbook of one sheet of text cells: how a CSV roster becomes a workbook, so that the
 * rest of the pipeline is the same as for an .xlsx file. The smallest package Excel opens without
 * complaint (ECMA-376 Part 1, 12.2): content types, the package and workbook relationships, the
 * workbook, one worksheet, a styles part.
 */
import { cellXml } from "./cells-write";
import { MAIN_NS, REL_NS, RELATIONSHIP_TYPES, STYLES_CONTENT_TYPE, WORKSHEET_CONTENT_TYPE } from "./package";
import { MINIMAL_STYLES } from "./styles-write";
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
    + `<bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`]);
  parts.push(["xl/_rels/workbook.xml.rels", `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELS_NS}">`
    + `<Relationship Id="rId1" Type="${RELATIONSHIP_TYPES.worksheet}" Target="worksheets/sheet1.xml"/>`
    + `<Relationship Id="rId2" Type="${RELATIONSHIP_TYPES.styles}" Target="styles.xml"/></Relationships>`]);
  parts.push(["xl/worksheets/sheet1.xml", `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${sheetRows}</sheetData></worksheet>`]);
  parts.push(["xl/styles.xml", MINIMAL_STYLES]);
  return writeZip(await Promise.all(parts.map(([name, text]) => newEntry(name, [text]))));
}
