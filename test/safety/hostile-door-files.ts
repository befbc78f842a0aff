/**
 * Hostile workbooks for test/safety/hostile-door*.test.ts, each made in code in milliseconds: zips
 * whose parts lie about their sizes, zip bombs, ZIP64 zips, duplicate names, sheets written to break
 * a reader. Nothing here is a committed binary.
 *
 * A zip bomb is cheap to make: deflating 1 MiB of zeros with a full flush gives a short, byte-aligned,
 * non-final run of deflate blocks (about 1 KiB); that run repeated N times and closed with an empty
 * final block is a valid deflate stream of N MiB of zeros. So a 10 MB file inflating to 10 GB takes
 * a few milliseconds to make and no memory to speak of.
 */
import { constants, deflateRawSync } from "node:zlib";
import { crc32, writeZip, type ZipEntry } from "../../src/workbook/xlsx/zip";

/** One part of a crafted zip. */
export interface Part {
  name: string;
  /** The part's text (or bytes); deflated unless `raw` is given. */
  text?: string | Uint8Array;
  /** Compressed bytes as stored, instead of `text` (a bomb). */
  raw?: Uint8Array;
  /** The size the zip records for the part once inflated; the true size unless given. */
  declared?: number;
  /** Stored (0) rather than deflated (8). */
  method?: 0 | 8;
  /** The general-purpose flags (bit 0: encrypted). */
  flags?: number;
}

const encoder = new TextEncoder();

/** A zip of `parts`, in the order given, made as Excel would (or as told to lie). */
export function zipOf(parts: readonly Part[]): Uint8Array {
  const entries: ZipEntry[] = parts.map(toEntry);
  const zip = writeZip(entries);
  parts.forEach((part, i) => {
    if (part.flags) setFlags(zip, entries, i, part.flags);
  });
  return zip;
}

function toEntry(part: Part): ZipEntry {
  const data = typeof part.text === "string" ? encoder.encode(part.text) : (part.text ?? new Uint8Array(0));
  const method = part.method ?? 8;
  const raw = part.raw ?? (method === 8 ? new Uint8Array(deflateRawSync(data)) : data);
  return { name: part.name, method, crc32: crc32(data), uncompressedSize: part.declared ?? data.length, raw, time: 0, date: 0x21 };
}

/** Sets an entry's flags in both its local and its central header. */
function setFlags(zip: Uint8Array, entries: readonly ZipEntry[], index: number, flags: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let local = 0;
  for (let i = 0; i < index; i++) local += 30 + encoder.encode(entries[i].name).length + entries[i].raw.length;
  view.setUint16(local + 6, flags, true);
  let central = entries.reduce((n, e) => n + 30 + encoder.encode(e.name).length + e.raw.length, 0);
  for (let i = 0; i < index; i++) central += 46 + encoder.encode(entries[i].name).length;
  view.setUint16(central + 8, flags, true);
}

/**
 * The same zip with ZIP64 records (APPNOTE 4.3.14–4.3.15, 4.5.3): every size and offset in the
 * headers is 0xFFFFFFFF with the true values in each entry's ZIP64 extra field, and the end of the
 * central directory is found through the ZIP64 locator, as some writers do for every zip they make.
 */
export function zip64Of(parts: readonly Part[]): Uint8Array {
  const entries = parts.map(toEntry);
  const names = entries.map((e) => encoder.encode(e.name));
  const chunks: Uint8Array[] = [];
  let at = 0;
  const offsets: number[] = [];
  const push = (bytes: Uint8Array) => {
    chunks.push(bytes);
    at += bytes.length;
  };
  entries.forEach((e, i) => {
    offsets.push(at);
    const header = new Uint8Array(30 + names[i].length + 20);
    const v = new DataView(header.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 45, true);
    v.setUint16(8, e.method, true);
    v.setUint16(12, e.date, true);
    v.setUint32(14, e.crc32, true);
    v.setUint32(18, 0xffffffff, true);
    v.setUint32(22, 0xffffffff, true);
    v.setUint16(26, names[i].length, true);
    v.setUint16(28, 20, true);
    header.set(names[i], 30);
    const x = 30 + names[i].length;
    v.setUint16(x, 0x0001, true);
    v.setUint16(x + 2, 16, true);
    v.setBigUint64(x + 4, BigInt(e.uncompressedSize), true);
    v.setBigUint64(x + 12, BigInt(e.raw.length), true);
    push(header);
    push(e.raw);
  });
  const directoryStart = at;
  entries.forEach((e, i) => {
    const header = new Uint8Array(46 + names[i].length + 28);
    const v = new DataView(header.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, 45, true);
    v.setUint16(6, 45, true);
    v.setUint16(10, e.method, true);
    v.setUint16(14, e.date, true);
    v.setUint32(16, e.crc32, true);
    v.setUint32(20, 0xffffffff, true);
    v.setUint32(24, 0xffffffff, true);
    v.setUint16(28, names[i].length, true);
    v.setUint16(30, 28, true);
    v.setUint32(42, 0xffffffff, true);
    header.set(names[i], 46);
    const x = 46 + names[i].length;
    v.setUint16(x, 0x0001, true);
    v.setUint16(x + 2, 24, true);
    v.setBigUint64(x + 4, BigInt(e.uncompressedSize), true);
    v.setBigUint64(x + 12, BigInt(e.raw.length), true);
    v.setBigUint64(x + 20, BigInt(offsets[i]), true);
    push(header);
  });
  const directorySize = at - directoryStart;
  const record = new Uint8Array(56);
  const r = new DataView(record.buffer);
  r.setUint32(0, 0x06064b50, true);
  r.setBigUint64(4, 44n, true);
  r.setUint16(12, 45, true);
  r.setUint16(14, 45, true);
  r.setBigUint64(24, BigInt(entries.length), true);
  r.setBigUint64(32, BigInt(entries.length), true);
  r.setBigUint64(40, BigInt(directorySize), true);
  r.setBigUint64(48, BigInt(directoryStart), true);
  const recordAt = at;
  push(record);
  const locator = new Uint8Array(20);
  const l = new DataView(locator.buffer);
  l.setUint32(0, 0x07064b50, true);
  l.setBigUint64(8, BigInt(recordAt), true);
  l.setUint32(16, 1, true);
  push(locator);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, 0xffff, true);
  e.setUint16(10, 0xffff, true);
  e.setUint32(12, 0xffffffff, true);
  e.setUint32(16, 0xffffffff, true);
  push(end);
  return Buffer.concat(chunks);
}

/**
 * Deflated bytes that inflate to `mebibytes` MiB of zeros (see the top of this file): about a
 * thousandth of that in size, made in milliseconds.
 */
export function zeroBomb(mebibytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_FULL_FLUSH });
  const finalEmptyBlock = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
  const out = Buffer.alloc(block.length * mebibytes + finalEmptyBlock.length);
  for (let i = 0; i < mebibytes; i++) block.copy(out, i * block.length);
  finalEmptyBlock.copy(out, block.length * mebibytes);
  return out;
}

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A roster sheet's XML: a header and two people, with more cells in its first row, or more rows, if given. */
export function rosterSheetXml(options: { firstRowCells?: string; beforeSheetData?: string; rows?: string } = {}): string {
  const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}">${options.beforeSheetData ?? ""}<sheetData>`
    + `<row r="1">${text("A1", "Name")}${text("B1", "Role")}${text("C1", "WTE")}${text("D1", "Start")}${text("E1", "Salary")}${options.firstRowCells ?? ""}</row>`
    + `<row r="2">${text("A2", "Ann Lee")}${text("B2", "Social Prescribing Link Worker")}<c r="C2"><v>1</v></c>${text("D2", "01/04/2026")}<c r="E2"><v>28000</v></c></row>`
    + `<row r="3">${text("A3", "Bo Ray")}${text("B3", "Clinical Pharmacist")}<c r="C3"><v>0.5</v></c>${text("D3", "01/06/2026")}<c r="E3"><v>50000</v></c></row>`
    + `${options.rows ?? ""}</sheetData></worksheet>`;
}

export interface WorkbookOptions {
  /** The roster sheet's XML (rosterSheetXml() unless given). */
  sheet?: string;
  /** A shared-strings part, related from the workbook. */
  sharedStrings?: string;
  /** A styles part, related from the workbook. */
  styles?: string;
  /** Where the sheet's relationship points, instead of its own part (relative to xl/). */
  sheetTarget?: string;
  /** Replaces or adds parts by name (after the standard ones are made). */
  parts?: Part[];
}

/** The parts of a small, valid workbook with one roster sheet "Staff". */
export function workbookParts(options: WorkbookOptions = {}): Part[] {
  const overrides = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
  ];
  const rels = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="${options.sheetTarget ?? "worksheets/sheet1.xml"}"/>`];
  const parts: Part[] = [];
  if (options.sharedStrings !== undefined) {
    overrides.push('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
    rels.push(`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts.push({ name: "xl/sharedStrings.xml", text: options.sharedStrings });
  }
  if (options.styles !== undefined) {
    overrides.push('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
    rels.push(`<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>`);
    parts.push({ name: "xl/styles.xml", text: options.styles });
  }
  const standard: Part[] = [
    { name: "[Content_Types].xml", text: `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>` },
    { name: "_rels/.rels", text: `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: "xl/workbook.xml", text: `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL}"><sheets><sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", text: `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>` },
    { name: "xl/worksheets/sheet1.xml", text: options.sheet ?? rosterSheetXml() },
    ...parts,
  ];
  for (const part of options.parts ?? []) {
    const at = standard.findIndex((p) => p.name === part.name);
    if (at === -1) standard.push(part);
    else standard[at] = part;
  }
  return standard;
}

export const workbookOf = (options: WorkbookOptions = {}) => zipOf(workbookParts(options));
