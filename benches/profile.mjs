// Where newsclean's time and bytes go (a diagnostic beside `make bench`, not part of it):
//
//   node benches/profile.mjs [--pages N | --ids id,id,...] [--runs N] [--top N] [--callers REGEX]
//
// 1. A copy of the package with function names kept: the build's own unoptimised module
//    (target/wasm32-unknown-unknown/release/newsclean.wasm) through the same wasm-bindgen and
//    wasm-opt passes as scripts/build.sh, plus `-g` (keep the name section). Written to
//    target/bench/named/; the code is the shipped code (the code section sizes are compared).
// 2. Size by function and by crate/module (a small twiggy: code-section bodies and the data section).
// 3. V8 CPU profiles (CDP Profiler, 50 µs sampling) of analyze(document.body) and of
//    cleanDocument() + setEnabled(false) on N corpus pages spread over the size range, in the page's
//    main world: self time by function (wasm names demangled) and by kind (DOM calls through the
//    glue, string conversion, wasm by module, GC), and the inclusive time of the passes' phases.
// Writes target/bench/profile.json and prints tables.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  closePage, exitOnSignals, firstLine, launchPlain, log, open, option, OUT, pagesAcrossSizes, readTree, ROOT, serveTree,
  startServer, withTimeout,
} from "./common.mjs";

const PAGES_N = Number(option("--pages", 40));
const RUNS = Number(option("--runs", 10));
const TOP = Number(option("--top", 25));
// --first: the first cleanDocument() after analyze() alone has run (what the extension's first
// pass pays after its warm-up), one call per page, instead of warm calls.
const FIRST = process.argv.includes("--first");
// --callers REGEX: the self time of the functions whose name matches, split by their callers
// (which of a shared helper's callers pays for it: `--callers 'words::find$'`).
const CALLERS_PATTERN = option("--callers", null);
const CALLERS = CALLERS_PATTERN && new RegExp(CALLERS_PATTERN);
const NAMED = join(OUT, "named");
const SHIPPED = join(ROOT, "extension", "pkg", "newsclean_bg.wasm");
// (the module scripts/build.sh hands wasm-bindgen: cargo's, with js-sys's unreachable waker stubbed)
const INPUT = join(ROOT, "target", "wasm-stubbed", "newsclean.wasm");
const FEATURES = ["--enable-bulk-memory", "--enable-sign-ext", "--enable-nontrapping-float-to-int", "--enable-mutable-globals",
  "--enable-reference-types", "--enable-multivalue"];

// ── 1. the named build ───────────────────────────────────────────────────────────────────────────

function run(cmd, args) {
  const env = { ...process.env, PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
  const r = spawnSync(cmd, args, { cwd: ROOT, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: ${r.stderr || r.error}`);
}

function namedBuild() {
  if (!existsSync(INPUT)) throw new Error(`missing ${INPUT}: run \`make build\``);
  rmSync(NAMED, { recursive: true, force: true });
  mkdirSync(NAMED, { recursive: true });
  run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", NAMED, INPUT]);
  // the shipped build's passes (scripts/build.sh's SHRINK)
  const shrink = ["-Oz", "-Oz", "--flatten", "--rereloop", "-Oz", "-Oz", "--flatten", "--rereloop", "-Oz", "-Oz", "--reorder-functions"];
  run("wasm-opt", [...shrink, "-g", ...FEATURES, join(NAMED, "newsclean_bg.wasm"), "-o", join(NAMED, "newsclean_bg.wasm")]);
  return { tree: readTree(NAMED), wasm: readFileSync(join(NAMED, "newsclean_bg.wasm")) };
}

// ── 2. sizes (a minimal wasm reader) ─────────────────────────────────────────────────────────────

function sections(b) {
  let p = 8;
  const u32 = () => {
    let r = 0, s = 0, x;
    do { x = b[p++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
    return r;
  };
  const out = [];
  while (p < b.length) {
    const id = b[p++];
    const len = u32();
    const start = p;
    let name = "";
    if (id === 0) { const n = u32(); name = b.subarray(p, p + n).toString(); }
    out.push({ id, len, start, name });
    p = start + len;
  }
  const at = (pos) => { p = pos; };
  return { list: out, u32, at, pos: () => p };
}

const SECTION_NAMES = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element",
  "code", "data", "datacount"];

/** Per-function body sizes (with names), section sizes. */
function wasmSizes(bytes) {
  const r = sections(bytes);
  const bySection = {};
  for (const s of r.list) {
    const k = s.id === 0 ? `custom:${s.name}` : SECTION_NAMES[s.id] ?? `#${s.id}`;
    bySection[k] = (bySection[k] ?? 0) + s.len;
  }
  const imported = (() => {
    const s = r.list.find((x) => x.id === 2);
    if (!s) return 0;
    r.at(s.start);
    const n = r.u32();
    let funcs = 0;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < 2; k++) { const l = r.u32(); r.at(r.pos() + l); }
      const kind = bytes[r.pos()]; r.at(r.pos() + 1);
      if (kind === 0) { r.u32(); funcs++; }
      else if (kind === 1) { r.at(r.pos() + 1); const f = bytes[r.pos()]; r.at(r.pos() + 1); r.u32(); if (f & 1) r.u32(); }
      else if (kind === 2) { const f = bytes[r.pos()]; r.at(r.pos() + 1); r.u32(); if (f & 1) r.u32(); }
      else if (kind === 3) { r.at(r.pos() + 2); }
      else throw new Error(`import kind ${kind}`);
    }
    return funcs;
  })();
  const names = new Map();
  const ns = r.list.find((x) => x.name === "name");
  if (ns) {
    r.at(ns.start);
    const nl = r.u32();
    r.at(r.pos() + nl);
    while (r.pos() < ns.start + ns.len) {
      const sub = bytes[r.pos()]; r.at(r.pos() + 1);
      const sl = r.u32();
      const end = r.pos() + sl;
      if (sub === 1) {
        const n = r.u32();
        for (let i = 0; i < n; i++) {
          const idx = r.u32();
          const l = r.u32();
          names.set(idx, bytes.subarray(r.pos(), r.pos() + l).toString());
          r.at(r.pos() + l);
        }
      }
      r.at(end);
    }
  }
  const funcs = [];
  const code = r.list.find((x) => x.id === 10);
  if (code) {
    r.at(code.start);
    const n = r.u32();
    for (let i = 0; i < n; i++) {
      const size = r.u32();
      const idx = imported + i;
      funcs.push({ name: demangle(names.get(idx) ?? `func[${idx}]`), size });
      r.at(r.pos() + size);
    }
  }
  return { bySection, funcs };
}

/** A Rust symbol (legacy `_ZN…E`, or already demangled) as a readable path without hashes. */
export function demangle(sym) {
  const tidy = (s) => s.replace(/\[[0-9a-f]{16}\]/g, "").replace(/::h[0-9a-f]{16}$/, "");
  const m = /^_ZN(.*)E$/.exec(sym);
  if (!m) return tidy(sym);
  const parts = [];
  let s = m[1];
  while (s.length) {
    const n = /^(\d+)/.exec(s);
    if (!n) break;
    const len = Number(n[1]);
    parts.push(s.slice(n[1].length, n[1].length + len));
    s = s.slice(n[1].length + len);
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? "")) parts.pop();
  const unescape = (p) => p.replace(/^_\$/, "$")
    .replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">").replace(/\$RF\$/g, "&").replace(/\$BP\$/g, "*")
    .replace(/\$C\$/g, ",").replace(/\$SP\$/g, "@").replace(/\$LP\$/g, "(").replace(/\$RP\$/g, ")")
    .replace(/\$u([0-9a-f]+)\$/g, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/\.\./g, "::");
  return tidy(parts.map(unescape).join("::"));
}

/** The crate and first module of a demangled name: `newsclean::outline`, `core::fmt`, `dlmalloc`. */
function moduleOf(name) {
  // `<char as core::fmt::Debug>::fmt`: a path-less self type counts under its trait's module
  const impl = /^<([^ ]+) as ([^>]+)>/.exec(name);
  if (impl) name = impl[1].includes("::") ? impl[1] : impl[2];
  const m = /([A-Za-z_][A-Za-z0-9_]*)(?:::([a-z_][a-z0-9_]*))?/.exec(name.replace(/^[<&*]+/, ""));
  if (!m) return name;
  return m[2] && !/^[A-Z]/.test(m[2]) ? `${m[1]}::${m[2]}` : m[1];
}

function groupBy(items, key, value) {
  const out = new Map();
  for (const it of items) out.set(key(it), (out.get(key(it)) ?? 0) + value(it));
  return [...out].sort((a, b) => b[1] - a[1]);
}

// ── 3. CPU profiles ──────────────────────────────────────────────────────────────────────────────

const isWasm = (frame) => frame.url.startsWith("wasm://") || frame.url.endsWith(".wasm");

/** What kind of work a profile frame is. */
function kindOf(frame) {
  const f = frame.functionName, url = frame.url;
  if (f === "(garbage collector)") return "GC";
  if (f === "(program)" || f === "(root)") return "(program): V8/Blink outside JS and wasm";
  if (isWasm(frame)) return `wasm ${moduleOf(demangle(f))}`;
  if (url.includes("/pkg/snippets/")) return `glue snippet (inline_js): ${f || "(anonymous)"}`;
  if (url.includes("/pkg/newsclean.js")) {
    if (/^(passStringToWasm0|getStringFromWasm0|decodeText|getUint8ArrayMemory0|getDataViewMemory0|encode|encodeInto)$/.test(f)) {
      return "glue: strings JS⇄wasm (encode/decode, memory views)";
    }
    if (/^(addToExternrefTable0|takeFromExternrefTable0)$/.test(f)) return "glue: externref table";
    if (f.startsWith("__wbg_")) return "glue: DOM/JS calls from wasm (incl. the DOM work itself)";
    return `glue: ${f || "(anonymous)"}`;
  }
  if (!url) return `native: ${f}`; // DOM bindings and builtins V8 shows by name (getAttribute, …)
  return "page / bench script";
}

/** Self time (µs) by frame, and inclusive time of named phases, for one CPU profile. */
function digest(profile, acc, phases) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(profile.samples[i]);
    const cf = node.callFrame;
    const name = isWasm(cf) ? demangle(cf.functionName) : cf.functionName || "(anonymous)";
    if (cf.functionName === "(idle)") continue; // between our calls
    const key = `${name}\t${kindOf(cf)}`;
    acc.self.set(key, (acc.self.get(key) ?? 0) + dt);
    if (CALLERS?.test(name)) {
      const up = parent.has(node.id) ? byId.get(parent.get(node.id)).callFrame : null;
      const caller = `${name} ← ${up ? (isWasm(up) ? demangle(up.functionName) : up.functionName || "(anonymous)") : "(none)"}`;
      acc.callers.set(caller, (acc.callers.get(caller) ?? 0) + dt);
    }
    acc.total += dt;
    const seen = new Set();
    for (let id = node.id; id != null; id = parent.get(id)) {
      const f = byId.get(id).callFrame;
      const n = isWasm(f) ? demangle(f.functionName) : f.functionName;
      for (const [phase, re] of phases) if (!seen.has(phase) && re.test(n)) seen.add(phase);
    }
    for (const phase of seen) acc.phases.set(phase, (acc.phases.get(phase) ?? 0) + dt);
  }
}

const PHASES = [
  ["analyze (whole call)", /^analyze$/],
  ["cleanDocument (whole call)", /^cleanDocument$/],
  ["setEnabled(false)", /^setEnabled$/],
  ["collect (wasm side + DOM reads)", /newsclean::web::collect::/],
  ["walkDom (JS collect snippet)", /^walkDom$/],
  ["OutlineBuilder (core)", /newsclean::outline::/],
  ["plan (core)", /newsclean::plan::plan$|newsclean::(clean|quotes)::/],
  ["quotes (core)", /newsclean::quotes::/],
  ["report + serde_wasm_bindgen", /Plan::report|serde_wasm_bindgen|to_js_value/],
  ["apply (hide)", /newsclean::web::apply::/],
  ["sidebar render", /newsclean::web::sidebar::/],
  ["observer", /newsclean::web::observe::/],
  ["getAttribute glue", /^__wbg_getAttribute_/],
  ["string passing glue", /^(passStringToWasm0|getStringFromWasm0|decodeText)$/],
];

function inPage({ runs, what, css }) {
  return import(location.origin + "/pkg/newsclean.js").then(async (pkg) => {
    if (!window.__nc) {
      const sheet = new CSSStyleSheet(); // the extension's stylesheet, as benches/browser.mjs adopts it
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      await pkg.default({ module_or_path: location.origin + "/pkg/newsclean_bg.wasm" });
      window.__nc = pkg;
      window.__engine = new pkg.Engine();
      for (let i = 0; i < 2; i++) {
        pkg.analyze(document.body);
        if (what !== "first") { window.__engine.cleanDocument(); window.__engine.setEnabled(false); }
      }
      return 0;
    }
    const t = performance.now();
    for (let i = 0; i < runs; i++) {
      document.body.offsetHeight;
      if (what === "analyze") pkg.analyze(document.body);
      else { window.__engine.cleanDocument(); window.__engine.setEnabled(false); }
    }
    return performance.now() - t;
  });
}

async function profilePages(base, ids) {
  const css = readFileSync(join(ROOT, "extension", "content", "newsclean.css"), "utf8");
  const { browser, context } = await launchPlain();
  const fresh = () => ({ self: new Map(), phases: new Map(), callers: new Map(), total: 0, wall: 0 });
  const acc = { analyze: fresh(), clean: fresh() };
  let done = 0;
  try {
    for (const id of ids) {
      let page;
      try {
        page = await open(context, `${base}/page/${id}.html`, 15_000);
        const cdp = await context.newCDPSession(page);
        await withTimeout(page.evaluate(inPage, { runs: 0, what: FIRST ? "first" : "warm", css }), 60_000, "warm-up");
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
        for (const what of FIRST ? ["clean"] : ["analyze", "clean"]) {
          await cdp.send("Profiler.start");
          acc[what].wall += await withTimeout(page.evaluate(inPage, { runs: FIRST ? 1 : RUNS, what, css }), 120_000, what);
          const { profile } = await cdp.send("Profiler.stop");
          digest(profile, acc[what], PHASES);
        }
        done++;
      } catch (e) {
        log(`profile ${id}: skipped (${firstLine(e)})`);
      } finally {
        if (page) await closePage(page);
      }
    }
  } finally {
    await browser.close();
  }
  return { acc, done };
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────

async function main() {
  mkdirSync(OUT, { recursive: true });
  log("named build (wasm-bindgen + wasm-opt, the shipped passes + -g)");
  const named = namedBuild();
  const shipped = wasmSizes(readFileSync(SHIPPED));
  const sizes = wasmSizes(named.wasm);
  const pct = (x, t) => `${((100 * x) / t).toFixed(1)}%`;
  const codeTotal = sizes.funcs.reduce((s, f) => s + f.size, 0);
  console.log(`\nwasm size: shipped ${readFileSync(SHIPPED).length} B (code ${shipped.bySection.code} B, data ${shipped.bySection.data} B); `
    + `named copy code ${sizes.bySection.code} B${sizes.bySection.code === shipped.bySection.code ? " (identical size)" : ""}`);
  console.log("sections (shipped):", Object.entries(shipped.bySection).map(([k, v]) => `${k} ${v}`).join(", "));
  console.log(`\ncode by crate/module (${sizes.funcs.length} functions, ${codeTotal} B)`);
  const modules = groupBy(sizes.funcs, (f) => moduleOf(f.name), (f) => f.size);
  for (const [m, b] of modules.slice(0, TOP)) console.log(`${String(b).padStart(8)}  ${pct(b, codeTotal).padStart(6)}  ${m}`);
  console.log(`\nlargest functions`);
  const biggest = [...sizes.funcs].sort((a, b) => b.size - a.size).slice(0, TOP);
  for (const f of biggest) console.log(`${String(f.size).padStart(8)}  ${pct(f.size, codeTotal).padStart(6)}  ${f.name.slice(0, 140)}`);

  // the pages named, else pages spread over the size range
  const ids = option("--ids", null)?.split(",") ?? pagesAcrossSizes(PAGES_N);
  const server = await startServer(serveTree(named.tree, "/pkg"));
  log(`CPU profiles on ${ids.length} pages, ${RUNS} runs each`);
  const { acc, done } = await profilePages(server.url, ids);
  await server.close();

  const report = {};
  for (const what of FIRST ? ["clean"] : ["analyze", "clean"]) {
    const a = acc[what];
    const self = [...a.self].map(([k, us]) => { const [name, kind] = k.split("\t"); return { name, kind, us }; }).sort((x, y) => y.us - x.us);
    const kinds = groupBy(self, (s) => s.kind, (s) => s.us);
    const call = what === "analyze" ? "analyze (whole call)" : "cleanDocument (whole call)";
    const callUs = a.phases.get(call) ?? 0;
    const runs = FIRST ? 1 : RUNS;
    console.log(`\n${what === "analyze" ? "analyze(document.body)" : "cleanDocument() + setEnabled(false)"}${FIRST ? ", the first call" : ""}: `
      + `${done} pages × ${runs} runs, ${(a.wall / done / runs).toFixed(2)} ms per run (wall, profiler on); sampled ${(a.total / 1000).toFixed(0)} ms`);
    console.log("phases (inclusive, % of the sampled time in the call)");
    for (const [phase] of PHASES) {
      const us = a.phases.get(phase);
      if (us) console.log(`${(us / 1000).toFixed(1).padStart(10)} ms  ${pct(us, callUs || a.total).padStart(6)}  ${phase}`);
    }
    console.log("self time by kind");
    for (const [k, us] of kinds.slice(0, TOP)) console.log(`${(us / 1000).toFixed(1).padStart(10)} ms  ${pct(us, a.total).padStart(6)}  ${k}`);
    console.log("self time by function");
    for (const s of self.slice(0, TOP)) console.log(`${(s.us / 1000).toFixed(1).padStart(10)} ms  ${pct(s.us, a.total).padStart(6)}  ${s.name.slice(0, 100)}  [${s.kind}]`);
    const callers = [...a.callers].sort((x, y) => y[1] - x[1]);
    if (CALLERS) console.log(`self time of ${CALLERS.source}, by caller`);
    for (const [k, us] of callers.slice(0, TOP)) console.log(`${(us / 1000).toFixed(1).padStart(10)} ms  ${pct(us, a.total).padStart(6)}  ${k.slice(0, 160)}`);
    report[what] = { pages: done, runs: FIRST ? 1 : RUNS, first: FIRST, msPerRun: a.wall / done / (FIRST ? 1 : RUNS), sampledMs: a.total / 1000,
      phasesMs: Object.fromEntries([...a.phases].map(([k, v]) => [k, v / 1000])),
      kindsMs: Object.fromEntries(kinds.map(([k, v]) => [k, v / 1000])),
      functions: self.slice(0, 60).map((s) => ({ ...s, ms: s.us / 1000, us: undefined })),
      ...(CALLERS && { callers: callers.map(([k, us]) => ({ call: k, ms: us / 1000 })) }) };
  }
  writeFileSync(join(OUT, "profile.json"), JSON.stringify({
    generated: new Date().toISOString(), pages: ids,
    size: { shipped: shipped.bySection, modules: modules.map(([m, b]) => ({ module: m, bytes: b })), functions: biggest },
    ...report,
  }, null, 2) + "\n");
  console.log(`\nwrote ${join(OUT, "profile.json")}`);
}

exitOnSignals();
await main();
