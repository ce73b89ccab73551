// Shortens the names of the wasm's imports and exports, in the wasm and in the JS glue alike (run
// by scripts/build.sh after wasm-opt, before esbuild):
//
//   node scripts/minify-names.mjs PKG_DIR    rewrites PKG_DIR/newsclean_bg.wasm and newsclean.js
//
// Imports: wasm-bindgen names each import `__wbg_<method>_<16 hex digits>` in module
// "./newsclean_bg.js": with ~95 imports, the names were ~4.3 KB of the wasm's 150 KB budget. Here
// each import of that module gets a one- or two-letter name, and each module a one-letter name.
// The glue's import object (`__wbg_get_imports()`) is the only place that names them; it is
// rewritten by exact text, and any name not found exactly once stops the build (a wasm-bindgen
// upgrade that changes the glue's shape must not ship a package whose imports do not resolve).
// The snippet modules' fields keep their names: they are the snippets' own export names.
//
// Exports: the glue reads every export it uses as `wasm.<name>` (`wasm.__wbindgen_malloc`,
// `wasm.wasm_bindgen__convert__closures_____invoke__h<16 hex digits>`, `wasm.analyze`: the JS
// API keeps its names, only its wasm functions are renamed), about 400 bytes of names. Each such
// export but `memory` gets a short name, and each `wasm.<name>` in the glue the same; an export the
// glue does not name keeps its name, and a glue that names an export in any other way stops the
// build.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { name, rewriteSection, uleb } from "./wasm-sections.mjs";

const GLUE_MODULE = "./newsclean_bg.js";
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The n-th short name: a, b, …, Z, aa, ba, … */
function shortName(n) {
  let s = "";
  do {
    s += LETTERS[n % LETTERS.length];
    n = Math.floor(n / LETTERS.length);
  } while (n > 0);
  return s;
}

/** The wasm with its import section renamed, and the renaming: [[module, field, newModule, newField]]. */
function renameImports(wasm) {
  const renames = [];
  const renamed = rewriteSection(wasm, 2, (r) => {
    const modules = new Map();
    let fields = 0;
    const count = r.u32();
    const section = [...uleb(count)];
    for (let i = 0; i < count; i++) {
      const module = r.name();
      const field = r.name();
      const description = r.at;
      r.skipDescription();
      if (!modules.has(module)) modules.set(module, shortName(modules.size));
      const newField = module === GLUE_MODULE ? shortName(fields++) : field;
      renames.push([module, field, modules.get(module), newField]);
      section.push(...name(modules.get(module)), ...name(newField), ...wasm.subarray(description, r.at));
    }
    return section;
  });
  return { wasm: renamed, renames };
}

/** The wasm with each export named in `renamed` (old name -> new name) renamed. */
function renameExports(wasm, renamed) {
  return rewriteSection(wasm, 7, (r) => {
    const count = r.u32();
    const section = [...uleb(count)];
    for (let i = 0; i < count; i++) {
      const field = r.name();
      const description = r.at;
      r.at++; // kind
      r.u32(); // index
      section.push(...name(renamed.get(field) ?? field), ...wasm.subarray(description, r.at));
    }
    return section;
  });
}

/** The export names of `wasm`. */
function exportNames(wasm) {
  return WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces the one match of `pattern` in `text` by `replacement(groups)`, or throws. */
function replaceOnce(text, pattern, replacement, what) {
  const matches = text.match(new RegExp(pattern.source, `${pattern.flags}g`));
  if (matches?.length !== 1) {
    throw new Error(`minify-names: ${what} found ${matches?.length ?? 0} times in the glue, not once`);
  }
  return text.replace(pattern, (...groups) => replacement(groups));
}

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node scripts/minify-names.mjs PKG_DIR");
  process.exit(2);
}
const wasmPath = join(dir, "newsclean_bg.wasm");
const gluePath = join(dir, "newsclean.js");
const { wasm, renames } = renameImports(readFileSync(wasmPath));
let glue = readFileSync(gluePath, "utf8");
const modules = new Map();
for (const [module, field, newModule, newField] of renames) {
  modules.set(module, newModule);
  if (field !== newField) {
    // a key of the import object: `        __wbg_foo_0123456789abcdef: function(…`
    glue = replaceOnce(glue, new RegExp(`^(\\s+)${escape(field)}(: function)`, "m"), (g) => g[1] + newField + g[2], `import ${field}`);
  }
}
for (const [module, newModule] of modules) {
  // the import object's module keys: `        "./newsclean_bg.js": import0,` — a snippet module
  // whose functions the wasm imports directly has one key (and one `import * as`) per function
  // (the same namespace object each time): renamed, and the key kept once
  const key = new RegExp(`^\\s+"${escape(module)}": import\\d+,\\n`, "gm");
  const keys = glue.match(key);
  if (!keys) throw new Error(`minify-names: module ${module} not found in the glue`);
  let seen = false;
  glue = glue.replace(key, (line) => (seen ? "" : ((seen = true), line.replace(`"${module}"`, `"${newModule}"`))));
}
// Export names: `wasm.<name>` in the glue, the name followed by no identifier char. The new names
// start with "_" so that none can equal an export kept as it was.
const exportsRenamed = new Map();
for (const field of exportNames(wasm)) {
  // `init()` returns the exports: their `memory` is read beside the JS API (`make bench` does)
  if (field === "memory") continue;
  const uses = new RegExp(`\\bwasm\\.${escape(field)}(?![\\w$])`, "g");
  if (!uses.test(glue)) continue;
  // (the JS API's own functions share the names of their exports: `function analyze(root)`)
  const otherwise = new RegExp(`\\[\\s*(["'])${escape(field)}\\1\\s*\\]|exports\\.${escape(field)}(?![\\w$])`);
  if (otherwise.test(glue)) {
    throw new Error(`minify-names: export ${field} is named in the glue other than as wasm.${field}`);
  }
  const short = `_${shortName(exportsRenamed.size)}`;
  exportsRenamed.set(field, short);
  glue = glue.replace(uses, `wasm.${short}`);
}
const renamedWasm = renameExports(wasm, exportsRenamed);
// the renamed module still compiles and exports what the glue now reads
const after = new Set(exportNames(renamedWasm));
for (const short of exportsRenamed.values()) {
  if (!after.has(short)) throw new Error(`minify-names: export ${short} missing after renaming`);
}
writeFileSync(wasmPath, renamedWasm);
writeFileSync(gluePath, glue);
