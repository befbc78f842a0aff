/**
 * Files that are not what they claim, made cheaply in memory for the safety tests.
 */
import JSZip from "jszip";

/**
 * An OLE compound file (MS-CFB) whose directory names the given streams: the container both an old
 * .xls workbook ("Workbook") and a password-protected .xlsx ("EncryptionInfo", "EncryptedPackage",
 * MS-OFFCRYPTO) are. A 512-byte header, one FAT sector and one directory sector; the streams
 * themselves are empty, which is all a reader that gives up at the directory needs.
 */
export function oleFile(streams: string[]): Uint8Array {
  const sector = 512;
  const bytes = new Uint8Array(sector * 3);
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x003e, true); // minor version
  view.setUint16(0x1a, 0x0003, true); // major version 3 (512-byte sectors)
  view.setUint16(0x1c, 0xfffe, true); // little-endian
  view.setUint16(0x1e, 9, true); // sector shift: 2^9 = 512
  view.setUint16(0x20, 6, true); // mini sector shift
  view.setUint32(0x2c, 1, true); // one FAT sector
  view.setUint32(0x30, 1, true); // directory starts at sector 1
  view.setUint32(0x38, 0x1000, true); // mini stream cutoff
  view.setUint32(0x3c, 0xfffffffe, true); // no mini FAT
  view.setUint32(0x44, 0xfffffffe, true); // no DIFAT sectors
  view.setUint32(0x4c, 0, true); // the FAT is sector 0
  for (let i = 1; i < 109; i++) view.setUint32(0x4c + i * 4, 0xffffffff, true);
  // FAT: sector 0 is the FAT itself, sector 1 the directory (end of chain).
  const fat = sector;
  view.setUint32(fat, 0xfffffffd, true);
  view.setUint32(fat + 4, 0xfffffffe, true);
  for (let i = 2; i < 128; i++) view.setUint32(fat + i * 4, 0xffffffff, true);
  // Directory: the root, then one entry per stream.
  const names = ["Root Entry", ...streams];
  names.slice(0, 4).forEach((name, i) => {
    const at = sector * 2 + i * 128;
    for (let c = 0; c < name.length; c++) view.setUint16(at + c * 2, name.charCodeAt(c), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    bytes[at + 66] = i === 0 ? 5 : 2; // root storage, or stream
    bytes[at + 67] = 1; // black
    view.setUint32(at + 68, 0xffffffff, true);
    view.setUint32(at + 72, i + 1 < Math.min(names.length, 4) && i > 0 ? i + 1 : 0xffffffff, true);
    view.setUint32(at + 76, i === 0 && names.length > 1 ? 1 : 0xffffffff, true);
    view.setUint32(at + 116, 0xfffffffe, true);
  });
  return bytes;
}

export const encryptedXlsx = () => oleFile(["EncryptionInfo", "EncryptedPackage"]);
export const legacyXls = () => oleFile(["Workbook"]);

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

/** The smallest .xlsx around one worksheet's XML, or with no sheet at all. */
export async function rawWorkbook(sheet: { name: string; xml: string } | null): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", CONTENT_TYPES);
  zip.file("_rels/.rels", ROOT_RELS);
  const sheets = sheet ? `<sheets><sheet name="${sheet.name}" sheetId="1" r:id="rId1"/></sheets>` : "<sheets/>";
  zip.file("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${sheets}</workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheet ? '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' : ""}</Relationships>`);
  if (sheet) zip.file("xl/worksheets/sheet1.xml", sheet.xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * A sheet of `rows` rows (a roster header, then people) as raw XML with inline strings: built as a
 * string in pieces, so a million rows take a second, not the minutes ExcelJS would need to write it.
 */
export function longSheetXml(rows: number): string {
  const parts = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C${rows}"/><sheetData>`,
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Role</t></is></c><c r="C1" t="inlineStr"><is><t>WTE</t></is></c></row>'];
  for (let r = 2; r <= rows; r++) parts.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>P${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>SPLW</t></is></c><c r="C${r}"><v>1</v></c></row>`);
  parts.push("</sheetData></worksheet>");
  return parts.join("");
}
