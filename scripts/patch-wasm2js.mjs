// Patches a runtime bug in binaryen wasm2js output (checked with binaryen 132): its memory grow
// copies linear memory into a new ArrayBuffer but leaves the old one attached, so wasm-bindgen's
// cached views keep pointing at the stale buffer and every string passed after the first growth is
// garbage. Detaching the old buffer (transfer) right before the new one is installed makes the
// cached views notice (byteLength 0) and re-create themselves.
import { readFileSync, writeFileSync } from "node:fs";

const file = process.argv[2];
let js = readFileSync(file, "utf8");
const marker = "newsclean: detach old buffer";
if (!js.includes(marker)) {
  const pattern = /var newBuffer = new ArrayBuffer\([^;]*\);/;
  if (!pattern.test(js)) {
    console.error(`patch-wasm2js: memory grow not found in ${file}; wasm2js output changed`);
    process.exit(1);
  }
  js = js.replace(pattern, (m) => `${m} /* ${marker} */`);
  // After the copy into the new buffer, transfer (detach) the old one before switching over.
  js = js.replace(/(\n\s*)(buffer = newBuffer;)/, (m, indent, assign) =>
    `${indent}if (buffer.transfer) { buffer.transfer(); } else { structuredClone(buffer, { transfer: [buffer] }); }${indent}${assign}`);
  if (!/buffer\.transfer\(\)/.test(js)) {
    console.error(`patch-wasm2js: could not place the detach in ${file}`);
    process.exit(1);
  }
}
writeFileSync(file, js);
