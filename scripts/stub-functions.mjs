// Replaces with `unreachable` the bodies of the functions whose (mangled) names match PATTERN, so
// that wasm-opt drops what only they called. Run by scripts/build.sh on cargo's output, which
// still has its name section, before wasm-bindgen:
//
//   node scripts/stub-functions.mjs IN.wasm OUT.wasm PATTERN
//
// What for: js-sys 0.3.107 compiles its JSPI task poller into every module (the exported
// `__wbg_jspi_task_poll`). In a module without JSPI exports wasm-bindgen deletes that export and
// wasm-opt drops the poller, but not the four functions of its waker's vtable: the linker put
// them in the function table, and wasm-opt keeps every function a table holds. Those four and the
// task's `wake` they call were 424 B raw and 131 B brotli of the shipped wasm. Nothing of ours
// makes a waker (the shipped code has no futures), so they never run; stubbed, a call would trap.
// Stubbing nothing is no error: a later js-sys may not leave them.
import { readFileSync, writeFileSync } from "node:fs";
import { Reader, rewriteSection, sections, uleb } from "./wasm-sections.mjs";

const UNREACHABLE_BODY = [0x00 /* no locals */, 0x00 /* unreachable */, 0x0b /* end */];

/** How many functions `wasm` imports: the defined functions' indices come after them. */
function importedFunctions(wasm, imports) {
  if (!imports) return 0;
  const r = new Reader(wasm, imports.at);
  let functions = 0;
  for (let count = r.u32(); count > 0; count--) {
    r.name();
    r.name();
    if (r.skipDescription() === 0) functions++;
  }
  return functions;
}

/** Function index -> name, from the "name" custom section's function names. */
function functionNames(wasm, customs) {
  const names = new Map();
  for (const section of customs) {
    const r = new Reader(wasm, section.at);
    if (r.name() !== "name") continue;
    while (r.at < section.end) {
      const sub = wasm[r.at++];
      const end = r.u32() + r.at;
      if (sub === 1) {
        for (let count = r.u32(); count > 0; count--) names.set(r.u32(), r.name());
      }
      r.at = end;
    }
  }
  return names;
}

const [input, output, pattern] = process.argv.slice(2);
if (!pattern) {
  console.error("usage: node scripts/stub-functions.mjs IN.wasm OUT.wasm PATTERN");
  process.exit(2);
}
const wasm = readFileSync(input);
const all = sections(wasm);
const names = functionNames(wasm, all.filter((s) => s.id === 0));
if (names.size === 0) {
  // (a build whose profile strips symbols: nothing can be found by name, nothing is stubbed)
  console.error(`[build] stub-functions: ${input} has no function names; left as it is`);
}
const first = importedFunctions(wasm, all.find((s) => s.id === 2));
const matching = new RegExp(pattern);
const stubbed = [];
const out = rewriteSection(wasm, 10, (r) => {
  const count = r.u32();
  const code = [...uleb(count)];
  for (let i = 0; i < count; i++) {
    const size = r.u32();
    const fnName = names.get(first + i) ?? "";
    const body = matching.test(fnName) ? UNREACHABLE_BODY : wasm.subarray(r.at, r.at + size);
    if (body === UNREACHABLE_BODY) stubbed.push(fnName);
    code.push(...uleb(body.length), ...body);
    r.at += size;
  }
  return code;
});
writeFileSync(output, out);
console.error(`[build] stubbed ${stubbed.length} function(s) matching ${pattern}`);
