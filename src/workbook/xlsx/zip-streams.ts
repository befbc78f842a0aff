/**
 * What the zip reader and writer (zip.ts) run on: bytes through the platform's own compression
 * streams, piece by piece, and the CRC-32 every zip entry carries.
 */

/** Runs bytes (all at once, or in pieces) through a compression or decompression stream. */
export async function transform(input: Uint8Array | AsyncIterable<Uint8Array>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
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
export async function pump(input: Uint8Array | AsyncIterable<Uint8Array>, stream: CompressionStream | DecompressionStream, take: (chunk: Uint8Array) => boolean): Promise<void> {
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

let table: Uint32Array | null = null;

export const CRC_START = 0xffffffff;

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

export function crc32Update(crc: number, data: Uint8Array): number {
  const t = crcTable();
  for (let i = 0; i < data.length; i++) crc = t[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return crc;
}

export const crc32Finish = (crc: number) => (crc ^ 0xffffffff) >>> 0;

/** CRC-32 (ISO 3309, the polynomial zip uses). */
export function crc32(data: Uint8Array): number {
  return crc32Finish(crc32Update(CRC_START, data));
}
