#!/usr/bin/env node
"use strict";
/**
 * Draws the add-in's icon (a white tick on a teal rounded square) at every size the manifest names and
 * writes them as PNGs to assets/icon-<size>.png.
 *
 *   node scripts/make-icons.js
 *
 * No image library: each pixel's coverage comes from signed distance functions (a rounded square, and
 * a tick made of two round-capped strokes), sampled 4 × 4 times per pixel for smooth edges, and the
 * PNG is written by hand (RGBA, 8 bits per channel, zlib from Node). Output is deterministic, so
 * running it twice gives byte-identical files.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { Buffer } = require("buffer");

const SIZES = [16, 32, 64, 80];
const OUT = path.join(__dirname, "..", "assets");

/** Teal #00796B: white on it has a contrast ratio of about 5.3:1. */
const TEAL = [0x00, 0x79, 0x6b];
const WHITE = [0xff, 0xff, 0xff];

// ---------------------------------------------------------------------------------------------------
// Shapes, in a unit square (0..1, y down)

/** Signed distance to a rounded square inset by `inset`, with corner radius `radius`. */
function roundedSquare(x, y, inset, radius) {
  const half = 0.5 - inset;
  const qx = Math.abs(x - 0.5) - (half - radius);
  const qy = Math.abs(y - 0.5) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Signed distance to a stroke from a to b with round caps, of the given half-width. */
function stroke(x, y, a, b, halfWidth) {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) - halfWidth;
}

/** The tick: short stroke down to the elbow, long stroke up to the right. Thicker at small sizes. */
function tick(x, y, size) {
  const halfWidth = size <= 16 ? 0.085 : size <= 32 ? 0.07 : 0.06;
  const start = [0.27, 0.52];
  const elbow = [0.43, 0.68];
  const end = [0.74, 0.33];
  return Math.min(stroke(x, y, start, elbow, halfWidth), stroke(x, y, elbow, end, halfWidth));
}

// ---------------------------------------------------------------------------------------------------
// Rasterising

function draw(size) {
  const SAMPLES = 4;
  // Small icons use more of their square, as Office's own 16 px icons do.
  const inset = size <= 16 ? 0 : size <= 32 ? 0.02 : 0.04;
  const radius = 0.2;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let mark = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (roundedSquare(x, y, inset, radius) <= 0) {
            square++;
            if (tick(x, y, size) <= 0) mark++;
          }
        }
      }
      const n = SAMPLES * SAMPLES;
      const alpha = square / n;
      // Colour of the covered part: teal mixed with white in proportion to the tick's share of it.
      const white = square === 0 ? 0 : mark / square;
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) pixels[offset + c] = Math.round(TEAL[c] * (1 - white) + WHITE[c] * white);
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

// ---------------------------------------------------------------------------------------------------
// PNG

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method 0
  header[12] = 0; // no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT, `icon-${size}.png`);
  fs.writeFileSync(file, png(size, draw(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)} (${size} × ${size})`);
}
