#!/usr/bin/env node
// Draws the extension's icons (a folded newspaper on a dark-blue tile) as PNGs into
// extension/icons/icon-{16,32,48,128}.png. No dependencies: shapes are signed-distance
// functions sampled 4×4 per pixel, the PNG is written with node:zlib.
//
// Usage: node scripts/make-icons.mjs [outdir]   (the PNGs are committed; rerun only to change them)
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = process.argv[2] ?? join(ROOT, "extension", "icons");
const SIZES = [16, 32, 48, 128];

// Signed distance (in units of the 0..1 icon square) to a rounded rectangle.
function roundRect(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r, hy = (y1 - y0) / 2 - r;
  const qx = Math.abs(x - cx) - hx, qy = Math.abs(y - cy) - hy;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

// Layers, back to front: [colour RGBA, inside(x, y) -> bool]. Small sizes drop detail.
function layers(size) {
  const tile = [0x1d, 0x3a, 0x5f, 255];
  const paper = [0xfa, 0xf7, 0xf0, 255];
  const ink = [0x2b, 0x2f, 0x36, 255];
  const grey = [0x9a, 0xa3, 0xad, 255];
  const accent = [0xd9, 0x48, 0x2b, 255];
  const L = [
    [tile, (x, y) => roundRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2) <= 0],
    [paper, (x, y) => roundRect(x, y, 0.17, 0.15, 0.83, 0.85, 0.05) <= 0],
  ];
  if (size <= 16) {
    // At 16 px only a headline bar and three lines survive.
    L.push([ink, (x, y) => roundRect(x, y, 0.27, 0.25, 0.73, 0.37, 0.02) <= 0]);
    for (const y0 of [0.47, 0.59, 0.71]) L.push([grey, (x, y) => roundRect(x, y, 0.27, y0, 0.73, y0 + 0.07, 0.02) <= 0]);
    return L;
  }
  // Masthead, a photo block with a red accent, and text columns.
  L.push([ink, (x, y) => roundRect(x, y, 0.26, 0.23, 0.74, 0.31, 0.02) <= 0]);
  L.push([accent, (x, y) => roundRect(x, y, 0.26, 0.38, 0.47, 0.56, 0.02) <= 0]);
  for (const y0 of [0.38, 0.45, 0.52]) L.push([grey, (x, y) => roundRect(x, y, 0.52, y0, 0.74, y0 + 0.04, 0.015) <= 0]);
  for (const y0 of [0.62, 0.69, 0.76]) L.push([grey, (x, y) => roundRect(x, y, 0.26, y0, y0 === 0.76 ? 0.6 : 0.74, y0 + 0.04, 0.015) <= 0]);
  return L;
}

function render(size) {
  const S = 4; // supersamples per axis
  const L = layers(size);
  const px = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sj = 0; sj < S; sj++) {
        for (let si = 0; si < S; si++) {
          const x = (i + (si + 0.5) / S) / size, y = (j + (sj + 0.5) / S) / size;
          let c = null;
          for (const [colour, inside] of L) if (inside(x, y)) c = colour;
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 255; }
        }
      }
      const n = S * S, o = (j * size + i) * 4;
      // Straight (non-premultiplied) alpha: average colour over covered samples only.
      const covered = a / 255;
      px[o] = covered ? Math.round(r / covered) : 0;
      px[o + 1] = covered ? Math.round(g / covered) : 0;
      px[o + 2] = covered ? Math.round(b / covered) : 0;
      px[o + 3] = Math.round(a / n);
    }
  }
  return png(size, size, px);
}

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4), crc = Buffer.alloc(4), body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  len.writeUInt32BE(data.length);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(w, h, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(h * (w * 4 + 1));
  for (let y = 0; y < h; y++) rgba.copy(raw, y * (w * 4 + 1) + 1, y * w * 4, (y + 1) * w * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = join(OUT, `icon-${size}.png`);
  writeFileSync(file, render(size));
  console.log(file);
}
