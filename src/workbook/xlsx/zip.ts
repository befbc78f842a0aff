/**
 * The zip container of an .xlsx file (PKWARE APPNOTE 6.3.x, as restricted by ECMA-376 Part 2,
 * annex C: stored or deflated entries, no encryption, no multi-disk). Reading finds each entry from
 * the central directory and keeps its compressed bytes as they are; writing copies an unchanged
 * entry's compressed bytes back verbatim and deflates only new or changed ones. Compression uses the
 * platform's own CompressionStream ("deflate-raw"), native code in browsers and in Node, rather than
 * a JavaScript deflate, which was the slowest part of saving a large roster.
 */

export class ZipError extends Error {
  override name = "ZipError";
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
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
const STORED = 0;
const DEFLATED = 8;

export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(bytes, view);
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    // Zip64 (over 4 GB or 65,535 parts): no workbook is that big.
    throw new ZipError("it is saved in a form this tool cannot read (a very large zip format)");
  }
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) throw new ZipError("its table of contents is damaged");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const compressedSize = view.getUint32(at + 20, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) throw new ZipError(`its part "${name}" is encrypted`);
    if (method !== STORED && method !== DEFLATED) throw new ZipError(`it is saved in a form this tool cannot read (a compression method Excel does not use, in "${name}")`);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_HEADER) throw new ZipError(`its part "${name}" is damaged`);
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.length) throw new ZipError(`it is cut short (part "${name}" is incomplete)`);
    entries.push({
      name,
      method,
      crc32: view.getUint32(at + 16, true),
      uncompressedSize: view.getUint32(at + 24, true),
      raw: bytes.subarray(dataStart, dataStart + compressedSize),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The end-of-central-directory record: the last 22 bytes, or up to 64 KiB earlier with a comment. */
function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new ZipError(bytes.length < 22 ? "it is too short to be a zip" : "it is cut short or damaged (its table of contents is missing)");
}

/** An entry's uncompressed bytes, checked against its CRC. */
export async function entryBytes(entry: ZipEntry): Promise<Uint8Array> {
  let data: Uint8Array;
  try {
    data = entry.method === STORED ? entry.raw : await transform(entry.raw, new DecompressionStream("deflate-raw"));
  } catch {
    throw new ZipError(`its part "${entry.name}" is damaged`);
  }
  if (data.length !== entry.uncompressedSize || crc32(data) !== entry.crc32) throw new ZipError(`its part "${entry.name}" is damaged`);
  return data;
}

/**
 * An entry's uncompressed bytes handed to `use` piece by piece as they are decompressed, never
 * joined, so a part of hundreds of megabytes is looked through without being held. The length and
 * CRC are checked as for entryBytes; decompressing stops as soon as it runs past the recorded size.
 */
export async function eachEntryPiece(entry: ZipEntry, use: (piece: Uint8Array) => void): Promise<void> {
  const damaged = () => new ZipError(`its part "${entry.name}" is damaged`);
  let crc = CRC_START;
  let size = 0;
  let tooLong = false;
  // A failure of `use` is its own, not the part's: kept apart from the stream's.
  let failed: { error: unknown } | null = null;
  const take = (piece: Uint8Array): boolean => {
    size += piece.length;
    if (size > entry.uncompressedSize) {
      tooLong = true;
      return false;
    }
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
  if (tooLong || size !== entry.uncompressedSize || crc32Finish(crc) !== entry.crc32) throw damaged();
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
  const names = entries.map((e) => new TextEncoder().encode(e.name));
  // Bit 11: the name is UTF-8 (APPNOTE 4.4.4), set only where it is not plain ASCII.
  const flags = entries.map((e) => (/[^\x20-\x7e]/.test(e.name) ? 0x0800 : 0));
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i].length + e.raw.length, 0);
  const centralSize = entries.reduce((n, _, i) => n + 46 + names[i].length, 0);
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

/** Runs bytes (all at once, or in pieces) through a compression or decompression stream. */
async function transform(input: Uint8Array | AsyncIterable<Uint8Array>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  await pump(input, stream, (chunk) => {
    chunks.push(chunk);
    length += chunk.length;
    return true;
  });
  return joinBytes(chunks, length);
}

/** Pieces of bytes, `length` in all, as one array (the piece itself when there is only one). */
export function joinBytes(pieces: readonly Uint8Array[], length: number): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/**
 * Runs bytes through a stream, handing each piece of its output to `take` as it comes; `take`
 * returning false stops the stream there.
 */
async function pump(input: Uint8Array | AsyncIterable<Uint8Array>, stream: CompressionStream | DecompressionStream, take: (chunk: Uint8Array) => boolean): Promise<void> {
  const writer = stream.writable.getWriter();
  // Written while the output is read: the stream only takes more once its output is read.
  const written = (async () => {
    if (input instanceof Uint8Array) await writer.write(input as Uint8Array<ArrayBuffer>);
    else for await (const piece of input) await writer.write(piece as Uint8Array<ArrayBuffer>);
    await writer.close();
  })();
  // If reading fails the writing fails too: that second failure is the same one, not another.
  written.catch(() => undefined);
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!take(value)) {
      // Stopped early: cancelling the output makes the writing fail, which is not waited for.
      await reader.cancel();
      return;
    }
  }
  await written;
}

function dosDateTime(when: Date): { time: number; date: number } {
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2),
    date: ((Math.max(1980, when.getFullYear()) - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

let table: Uint32Array | null = null;

const CRC_START = 0xffffffff;

function crcTable(): Uint32Array {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  return table;
}

function crc32Update(crc: number, data: Uint8Array): number {
  const t = crcTable();
  for (let i = 0; i < data.length; i++) crc = t[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return crc;
}

const crc32Finish = (crc: number) => (crc ^ 0xffffffff) >>> 0;

/** CRC-32 (ISO 3309, the polynomial zip uses). */
export function crc32(data: Uint8Array): number {
  return crc32Finish(crc32Update(CRC_START, data));
}
