// Zeroes the line and column of every panic location in a wasm's data, keeping the file name
// (run by scripts/build.sh after wasm-opt, on the shipped wasm and on the fallback's):
//
//   node scripts/panic-lines.mjs FILE.wasm    rewrites FILE.wasm in place
//
// What for: every `tokens[i]`, `&s[a..b]` or `unwrap()` that can panic passes the panic a
// `core::panic::Location` built by rustc: the file as a `&str` (pointer, length), then its line
// and column, 16 bytes of static data each. The shipped wasm had 248 of them, and their lines
// and columns, which brotli cannot predict, were 673 B of its 60,000 B brotli budget. They also
// made the brotli size move by 50-170 B with the source's line layout alone: a comment added to
// src/quotes/attribution.rs (124 of the locations) changed the shipped size. This is what
// nightly rustc's `-Zlocation-detail=file` does, on stable: a panic in the shipped wasm still
// names its file (src/web/api.rs's panic handler prints it); the line is found by running the
// same page through the native CLI or the browser tests' build, which keep every location.
//
// A location is recognised by its shape, not by symbol (the shipped wasm has no names): at a
// 4-aligned address, a pointer and a length that designate printable text ending in ".rs" inside
// the data, then a line and a column in a source file's range. Finding none stops the build: the
// layout of `Location` changed and this step no longer does what the budget counts on.
import { readFileSync, writeFileSync } from "node:fs";
import { Reader, sections } from "./wasm-sections.mjs";

const I32_CONST = 0x41;
const END = 0x0b;

/** The data segments that are placed in memory: {address, at (in the wasm), length}. */
function placedSegments(wasm) {
  const data = sections(wasm).find((s) => s.id === 11);
  if (!data) return [];
  const r = new Reader(wasm, data.at);
  const placed = [];
  for (let count = r.u32(); count > 0; count--) {
    const flags = r.u32();
    if (flags === 1) {
      // passive: copied where `memory.init` says at run time; its address is not known here
      r.at += r.u32();
      continue;
    }
    if (flags === 2) r.u32(); // memory index
    if (flags > 2 || wasm[r.at++] !== I32_CONST) throw new Error(`data segment ${flags}: offset not understood`);
    const address = r.i32();
    if (wasm[r.at++] !== END) throw new Error("data segment: offset is not a constant");
    const length = r.u32();
    placed.push({ address, at: r.at, length });
    r.at += length;
  }
  return placed;
}

/** The offset in `wasm` of `length` bytes at memory `address`, if one segment holds them all. */
function locate(segments, address, length) {
  const segment = segments.find((s) => address >= s.address && address + length <= s.address + s.length);
  return segment ? segment.at + (address - segment.address) : -1;
}

/** Whether `wasm[at..at + length]` is printable ASCII ending in ".rs": a source file's path. */
function isSourcePath(wasm, at, length) {
  if (length < 4 || length > 400) return false;
  for (let i = at; i < at + length; i++) if (wasm[i] < 0x20 || wasm[i] > 0x7e) return false;
  return wasm.toString("latin1", at + length - 3, at + length) === ".rs";
}

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/panic-lines.mjs FILE.wasm");
  process.exit(2);
}
const wasm = readFileSync(file);
const segments = placedSegments(wasm);
const paths = new Set();
let zeroed = 0;
for (const segment of segments) {
  const firstAligned = (4 - (segment.address % 4)) % 4;
  for (let offset = firstAligned; offset + 16 <= segment.length; offset += 4) {
    const at = segment.at + offset;
    const pointer = wasm.readUInt32LE(at);
    const length = wasm.readUInt32LE(at + 4);
    const line = wasm.readUInt32LE(at + 8);
    const column = wasm.readUInt32LE(at + 12);
    if (line < 1 || line > 1_000_000 || column < 1 || column > 10_000) continue;
    const path = locate(segments, pointer, length);
    if (path < 0 || !isSourcePath(wasm, path, length)) continue;
    wasm.writeUInt32LE(0, at + 8);
    wasm.writeUInt32LE(0, at + 12);
    paths.add(wasm.toString("latin1", path, path + length));
    zeroed++;
  }
}
if (zeroed === 0) throw new Error(`panic-lines: no panic location found in ${file}`);
writeFileSync(file, wasm);
console.error(`[build] panic-lines: ${zeroed} locations in ${paths.size} files, lines and columns zeroed`);
