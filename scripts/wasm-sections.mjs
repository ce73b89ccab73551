// Reading and rewriting a wasm module's sections, for the build's post-link steps
// (scripts/minify-names.mjs, scripts/stub-functions.mjs, scripts/panic-lines.mjs).

/** `n` as unsigned LEB128 bytes. */
export function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

/** `s` as a wasm name: its UTF-8 length, then its bytes. */
export const name = (s) => {
  const bytes = Buffer.from(s, "utf8");
  return [...uleb(bytes.length), ...bytes];
};

/** Reads LEB128 numbers and names from `bytes`, starting at `at`. */
export class Reader {
  constructor(bytes, at) {
    this.bytes = bytes;
    this.at = at;
  }
  u32() {
    let result = 0, shift = 0, byte;
    do {
      byte = this.bytes[this.at++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  }
  /** An i32.const's operand (signed LEB128), as the unsigned 32-bit number it is (an address). */
  i32() {
    let result = 0, shift = 0, byte;
    do {
      byte = this.bytes[this.at++];
      result |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    if (shift < 32 && byte & 0x40) result |= -1 << shift;
    return result >>> 0;
  }
  name() {
    const len = this.u32();
    const s = this.bytes.subarray(this.at, this.at + len).toString("utf8");
    this.at += len;
    return s;
  }
  /** Skips an import's description (function, table, memory or global); returns its kind. */
  skipDescription() {
    const kind = this.bytes[this.at++];
    const limits = () => {
      const flags = this.u32();
      this.u32();
      if (flags & 1) this.u32();
    };
    if (kind === 0) this.u32(); // function: type index
    else if (kind === 1) { this.at++; limits(); } // table: reftype, limits
    else if (kind === 2) limits(); // memory
    else if (kind === 3) this.at += 2; // global: valtype, mutability
    else throw new Error(`import kind ${kind} not understood`);
    return kind;
  }
}

/**
 * `wasm` with the body of its section `id` replaced by what `rewrite(reader)` returns (an array
 * of bytes), the reader at the start of the body, which it must read to its end; other sections
 * as they were.
 */
export function rewriteSection(wasm, id, rewrite) {
  const parts = [wasm.subarray(0, 8)];
  for (const section of sections(wasm)) {
    if (section.id !== id) {
      parts.push(wasm.subarray(section.start, section.end));
      continue;
    }
    const r = new Reader(wasm, section.at);
    const body = rewrite(r);
    if (r.at !== section.end) throw new Error(`section ${id} not read to its end`);
    parts.push(Buffer.from([id, ...uleb(body.length), ...body]));
  }
  return Buffer.concat(parts);
}

/** The sections of `wasm`, in order: {id, start (of its id byte), at (of its body), end}. */
export function sections(wasm) {
  const r = new Reader(wasm, 8);
  const found = [];
  while (r.at < wasm.length) {
    const start = r.at;
    const id = wasm[r.at++];
    const size = r.u32();
    found.push({ id, start, at: r.at, end: r.at + size });
    r.at += size;
  }
  return found;
}
