/**
 * The zip container of an .xlsx file (PKWARE APPNOTE 6.3.x, as restricted by ECMA-376 Part 2,
 * annex C: stored or deflated entries, no encryption, no multi-disk). Reading finds each entry from
 * the central directory (ZIP64 records too) and keeps its compressed bytes as they are, inflating a
 * part only when asked and only within limits (entryBytes); writing copies an unchanged
 * entry's compressed bytes back verbatim and deflates only new or changed ones. Compression uses the
 * platform's own CompressionStream ("deflate-raw"), native code in browsers and in Node, rather than
 * a JavaScript deflate, which was the slowest part of saving a large roster.
 */

import { CRC_START, crc32, crc32Finish, crc32Update, joinBytes, pump, transform } from "./zip-streams";

export { crc32, joinBytes };

export class ZipError extends Error {
  override name = "ZipError";
}

/**
 * A part the reader will not inflate, whatever it holds: it records a size larger than the caller
 * reads, or it is compressed far more than any real part is (a zip bomb). Not a damaged part: the
 * caller says what the limit is and what to do.
 */
export class ZipLimitError extends Error {
  override name = "ZipLimitError";
  constructor(readonly part: string, readonly reason: "size" | "ratio", readonly size: number, readonly limit: number) {
    super(`its part "${part}" is ${reason === "size" ? `${size} bytes, over the ${limit} read` : `compressed more than ${limit} to 1`}`);
  }
}

/**
 * At most this many bytes out for each byte stored, once a part is past RATIO_GRACE_BYTES: Apache
 * POI's ZipSecureFile defaults (MIN_INFLATE_RATIO 0.01, GRACE_ENTRY_SIZE 100 KiB). Real parts
 * compress 5 to 30 times; a run of zeros, a bomb's usual stuffing, 1,000 times.
 */
export const MAX_INFLATE_RATIO = 100;
export const RATIO_GRACE_BYTES = 100 * 1024;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  /** As the zip records it: checked against the bytes that come out, never trusted before. */
  uncompressedSize: number;
  /** The entry's data as stored in the file (compressed when method is 8). */
  raw: Uint8Array;
  /** MS-DOS time and date fields, kept so an unchanged entry keeps its timestamp. */
  time: number;
  date: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EXTRA = 0x0001;
const STORED = 0;
const DEFLATED = 8;
/** A 16- or 32-bit field that says "see the ZIP64 record" (APPNOTE 4.4.1.4). */
const IN_ZIP64_16 = 0xffff;
const IN_ZIP64_32 = 0xffffffff;

/**
 * The entries of a zip, from its central directory (with ZIP64 records where the zip has them),
 * each checked before any is used: every offset and length inside the file, each local header
 * naming the same part as the directory, no two entries overlapping, no two parts of one name
 * (part names are case-insensitive, ECMA-376 Part 2, 9.1.1.1), and no name a package part cannot
 * have (".." or "." segments, a leading "/", backslashes: Part 2, 6.2.2.2), which is also what a
 * "zip slip" name is. Nothing is inflated here.
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { count, directoryOffset } = centralDirectory(bytes, view);
  // What the writer can save again without ZIP64 records; a workbook has hundreds of parts at most.
  if (count >= IN_ZIP64_16) throw new ZipError(`it is saved in a form this tool cannot read (${count.toLocaleString("en-GB")} parts)`);
  const entries: ZipEntry[] = [];
  const extents: { start: number; end: number; name: string }[] = [];
  const seen = new Set<string>();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) throw new ZipError("its table of contents is damaged");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > bytes.length) throw new ZipError("its table of contents is damaged");
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder().decode(nameBytes);
    const sizes = zip64Sizes(view, at, at + 46 + nameLength, extraLength, name);
    if (flags & 1) throw new ZipError(`its part "${name}" is encrypted`);
    if (method !== STORED && method !== DEFLATED) throw new ZipError(`it is saved in a form this tool cannot read (a compression method Excel does not use, in "${name}")`);
    checkPartName(name);
    const key = name.toLowerCase();
    if (seen.has(key)) throw new ZipError(`it holds the part "${name}" twice`);
    seen.add(key);
    const local = sizes.localOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER) throw new ZipError(`its part "${name}" is damaged`);
    const localNameLength = view.getUint16(local + 26, true);
    if (!sameBytes(bytes.subarray(local + 30, local + 30 + localNameLength), nameBytes)) throw new ZipError(`its part "${name}" is damaged (its two headers name different parts)`);
    const dataStart = local + 30 + localNameLength + view.getUint16(local + 28, true);
    if (dataStart + sizes.compressed > directoryOffset) throw new ZipError(`it is cut short (part "${name}" is incomplete)`);
    extents.push({ start: local, end: dataStart + sizes.compressed, name });
    entries.push({
      name,
      method,
      crc32: view.getUint32(at + 16, true),
      uncompressedSize: sizes.uncompressed,
      raw: bytes.subarray(dataStart, dataStart + sizes.compressed),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  // Entries that share bytes are how a small zip is made to inflate to terabytes; no writer makes them.
  extents.sort((a, b) => a.start - b.start);
  for (let i = 1; i < extents.length; i++) {
    if (extents[i].start < extents[i - 1].end) throw new ZipError(`its parts "${extents[i - 1].name}" and "${extents[i].name}" overlap`);
  }
  return entries;
}

/** Where the central directory starts and how many entries it lists, from the ZIP64 record if the zip has one. */
function centralDirectory(bytes: Uint8Array, view: DataView): { count: number; directoryOffset: number } {
  const end = findEndOfCentralDirectory(bytes, view);
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  const locator = end - 20;
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
    const record = bigToNumber(view.getBigUint64(locator + 8, true));
    if (record + 56 > locator || view.getUint32(record, true) !== ZIP64_END_OF_CENTRAL_DIRECTORY) throw new ZipError("its table of contents is damaged");
    return { count: bigToNumber(view.getBigUint64(record + 32, true)), directoryOffset: bigToNumber(view.getBigUint64(record + 48, true)) };
  }
  // Marked as ZIP64 with no ZIP64 record to be found.
  if (count === IN_ZIP64_16 || directoryOffset === IN_ZIP64_32) throw new ZipError("it is saved in a form this tool cannot read (a very large zip format)");
  if (directoryOffset > end) throw new ZipError("its table of contents is damaged");
  return { count, directoryOffset };
}

/** An entry's sizes and local header offset, each from its ZIP64 extra field where the header says so. */
function zip64Sizes(view: DataView, header: number, extra: number, extraLength: number, name: string): { compressed: number; uncompressed: number; localOffset: number } {
  let uncompressed = view.getUint32(header + 24, true);
  let compressed = view.getUint32(header + 20, true);
  let localOffset = view.getUint32(header + 42, true);
  if (uncompressed !== IN_ZIP64_32 && compressed !== IN_ZIP64_32 && localOffset !== IN_ZIP64_32) return { compressed, uncompressed, localOffset };
  for (let at = extra; at + 4 <= extra + extraLength;) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA) {
      // The values present are those whose header field is 0xFFFFFFFF, in this order (APPNOTE 4.5.3).
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw new ZipError(`its part "${name}" is damaged`);
        const value = bigToNumber(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (uncompressed === IN_ZIP64_32) uncompressed = next();
      if (compressed === IN_ZIP64_32) compressed = next();
      if (localOffset === IN_ZIP64_32) localOffset = next();
      return { compressed, uncompressed, localOffset };
    }
    at += 4 + length;
  }
  throw new ZipError(`its part "${name}" is damaged`);
}

function bigToNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError("its table of contents is damaged");
  return Number(value);
}

/** Refuses a name no package part can have (ECMA-376 Part 2, 6.2.2.2); a folder entry ("xl/") is allowed. */
function checkPartName(name: string): void {
  const segments = name.replace(/\/$/, "").split("/");
  // eslint-disable-next-line no-control-regex
  const bad = name === "" || name.includes("\\") || /[\u0000-\u001f]/.test(name) || segments.some((s) => s === "" || s === "." || s === "..");
  if (bad) throw new ZipError(`it holds a part named "${name}", which no workbook part can be`);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The end-of-central-directory record: the last 22 bytes, or up to 64 KiB earlier with a comment. */
function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new ZipError(bytes.length < 22 ? "it is too short to be a zip" : "it is cut short or damaged (its table of contents is missing)");
}

/**
 * An entry's uncompressed bytes, read within bounds (see eachEntryPiece) and joined.
 */
export async function entryBytes(entry: ZipEntry, limit: number): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  let size = 0;
  await eachEntryPiece(entry, limit, (piece) => {
    pieces.push(piece);
    size += piece.length;
  });
  return joinBytes(pieces, size);
}

/**
 * An entry's uncompressed bytes handed to `use` piece by piece as they are inflated, within bounds:
 * refused unread (ZipLimitError) when its recorded size is over `limit`, or when it is compressed
 * more than MAX_INFLATE_RATIO to 1; inflating stops at the first piece that runs past its recorded
 * size (damaged: the record is never trusted, only checked); then its length and CRC are checked.
 * So no part ever takes more than its recorded size, and never more than `limit`, however it was made.
 */
export async function eachEntryPiece(entry: ZipEntry, limit: number, use: (piece: Uint8Array) => void): Promise<void> {
  if (entry.uncompressedSize > limit) throw new ZipLimitError(entry.name, "size", entry.uncompressedSize, limit);
  if (entry.uncompressedSize > RATIO_GRACE_BYTES && entry.uncompressedSize > MAX_INFLATE_RATIO * entry.raw.length) {
    throw new ZipLimitError(entry.name, "ratio", entry.uncompressedSize, MAX_INFLATE_RATIO);
  }
  const damaged = () => new ZipError(`its part "${entry.name}" is damaged`);
  let crc = CRC_START;
  let size = 0;
  // A failure of `use` is its own, not the part's: kept apart from the stream's.
  let failed: { error: unknown } | null = null;
  const take = (piece: Uint8Array): boolean => {
    size += piece.length;
    if (size > entry.uncompressedSize) return false;
    crc = crc32Update(crc, piece);
    try {
      use(piece);
    } catch (error) {
      failed = { error };
      return false;
    }
    return true;
  };
  if (entry.method === STORED) take(entry.raw);
  else {
    try {
      await pump(entry.raw, new DecompressionStream("deflate-raw"), take);
    } catch {
      if (!failed) throw damaged();
    }
  }
  if (failed) throw (failed as { error: unknown }).error;
  if (size !== entry.uncompressedSize || crc32Finish(crc) !== entry.crc32) throw damaged();
}

/**
 * A new entry from its text, deflated. The text may come in many pieces (a large sheet's rows): they
 * are encoded and compressed about a megabyte at a time, so neither the whole text nor its bytes are
 * ever held at once.
 */
export async function newEntry(name: string, text: readonly string[]): Promise<ZipEntry> {
  const { time, date } = dosDateTime(new Date());
  const encoder = new TextEncoder();
  let crc = CRC_START;
  let size = 0;
  async function* batches(): AsyncGenerator<Uint8Array> {
    let batch = "";
    const flush = () => {
      const bytes = encoder.encode(batch);
      batch = "";
      crc = crc32Update(crc, bytes);
      size += bytes.length;
      return bytes;
    };
    for (const piece of text) {
      batch += piece;
      if (batch.length >= 1 << 20) yield flush();
    }
    if (batch.length > 0 || size === 0) yield flush();
  }
  const raw = await transform(batches(), new CompressionStream("deflate-raw"));
  return { name, method: DEFLATED, crc32: crc32Finish(crc), uncompressedSize: size, raw, time, date };
}

export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  // Written without ZIP64 records: a part, or the whole, past 4 GiB cannot be saved (none is read).
  const tooBig = entries.find((e) => e.uncompressedSize >= IN_ZIP64_32 || e.raw.length >= IN_ZIP64_32);
  if (tooBig || entries.length >= IN_ZIP64_16) throw new ZipError(`it is too large to save (${tooBig ? `its part "${tooBig.name}"` : "its number of parts"})`);
  const names = entries.map((e) => new TextEncoder().encode(e.name));
  // Bit 11: the name is UTF-8 (APPNOTE 4.4.4), set only where it is not plain ASCII.
  const flags = entries.map((e) => (/[^\x20-\x7e]/.test(e.name) ? 0x0800 : 0));
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i].length + e.raw.length, 0);
  const centralSize = entries.reduce((n, _, i) => n + 46 + names[i].length, 0);
  if (localSize + centralSize >= IN_ZIP64_32) throw new ZipError("it is too large to save");
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((e, i) => {
    offsets.push(at);
    view.setUint32(at, LOCAL_HEADER, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, flags[i], true);
    view.setUint16(at + 8, e.method, true);
    view.setUint16(at + 10, e.time, true);
    view.setUint16(at + 12, e.date, true);
    view.setUint32(at + 14, e.crc32, true);
    view.setUint32(at + 18, e.raw.length, true);
    view.setUint32(at + 22, e.uncompressedSize, true);
    view.setUint16(at + 26, names[i].length, true);
    view.setUint16(at + 28, 0, true);
    out.set(names[i], at + 30);
    out.set(e.raw, at + 30 + names[i].length);
    at += 30 + names[i].length + e.raw.length;
  });
  const directoryOffset = at;
  entries.forEach((e, i) => {
    view.setUint32(at, CENTRAL_HEADER, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, flags[i], true);
    view.setUint16(at + 10, e.method, true);
    view.setUint16(at + 12, e.time, true);
    view.setUint16(at + 14, e.date, true);
    view.setUint32(at + 16, e.crc32, true);
    view.setUint32(at + 20, e.raw.length, true);
    view.setUint32(at + 24, e.uncompressedSize, true);
    view.setUint16(at + 28, names[i].length, true);
    // extra, comment, disk, internal and external attributes: all zero
    view.setUint32(at + 42, offsets[i], true);
    out.set(names[i], at + 46);
    at += 46 + names[i].length;
  });
  view.setUint32(at, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directoryOffset, true);
  view.setUint32(at + 16, directoryOffset, true);
  return out;
}

function dosDateTime(when: Date): { time: number; date: number } {
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2),
    date: ((Math.max(1980, when.getFullYear()) - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}
