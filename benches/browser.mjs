// newsclean's performance benchmark in headless Chromium (`make bench`; see benches/README.md).
//
//   node benches/browser.mjs [--strict] [--reps N] [--limit N] [--pages id,id] [--loads N] [--no-longtask]
//
// 1. Sizes: extension/pkg/newsclean_bg.wasm raw, gzip, brotli (and the glue and wasm2js fallback).
// 2. Start-up, on fresh tabs of a blank page, as the extension starts: the glue (the content script
//    pkg/newsclean.classic.js) runs, then the loader fetches and compiles the wasm (compileStreaming)
//    and init() instantiates it; the same split into fetch / compile / instantiate; and the import
//    of the wasm2js fallback.
// 3. Every corpus page, one tab each, in ONE Chromium: the package runs in the page's main world
//    (the glue run from an inline script, as the extension injects it; Readability.js by dynamic
//    import()). After one untimed warm-up of each, REPS timed runs of (a) analyze(document.body)
//    and (c) Readability's parse() on document.cloneNode(true) (clone timed separately), newsclean first on even pages and
//    Readability first on odd ones; then (b) cleanDocument() on the same load (after (a) and (c),
//    which change nothing), each run followed by a forced layout (timed as "clean+layout") and
//    setEnabled(false). A layout is forced before every timed run, so no contender pays for another's
//    changes. Plus a pure-JS walk doing the DOM reads collect does (a floor for any DOM pass).
// 4. The long-task check: the real unpacked extension (a snapshot of extension/) on the 5 largest
//    corpus pages and a generated ~10 MB page; `longtask` entries observed from before load.
// 5. target/bench/summary.json, target/bench/pages.csv, a table, PASS/FAIL per budget (exit 1 on a
//    failed budget only with --strict). target/bench/native.json (cargo bench --bench core), when
//    present, is merged in.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants as zc, gzipSync } from "node:zlib";
import { launch } from "../tests/e2e/harness.mjs";
import { bigPage } from "./bigpage.mjs";
import {
  closePage, exitOnSignals, extensionLoad, finite, firstLine, launchPlain, log, max, median, open, option, OUT, pageBytes, pageIds, readTree,
  round, ROOT, serveTree, sleep, startServer, stats, withTimeout,
} from "./common.mjs";

// ── options and inputs ───────────────────────────────────────────────────────────────────────────

const argv = process.argv.slice(2);
const STRICT = argv.includes("--strict");
const REPS = Number(option("--reps", 3));
const LIMIT = Number(option("--limit", Infinity));
const ONLY = option("--pages", null)?.split(",");
const LOADS = Number(option("--loads", 3));
const LONGTASK = !argv.includes("--no-longtask");
// every n-th measured page is loaded once more with the real unpacked extension (0: none)
const EXTENSION_EVERY = Number(option("--extension-every", 10));
const STARTUP_TABS = 12;

const SNAPSHOT = join(OUT, "extension");
const PAGE_TIMEOUT_MS = 15_000;
const BIG_TIMEOUT_MS = 600_000;
// Items the generated feed appends one by one after load (the observer's long-task check).
const FEED_ITEMS = 10_000;

/** The budgets of the issue. KB = 1,000 bytes. */
const BUDGET = {
  ratio: 10, // Readability ÷ analyze, per page, median
  cleanMedianMs: 2,
  cleanP95Ms: 10,
  cleanupOnlyMedianMs: 0.5,
  wasmRawBytes: 150_000,
  wasmBrotliBytes: 60_000,
  startupMs: 10,
  longTaskMs: 50,
};

// ── the package, snapshotted so a rebuild during the run cannot mix versions ─────────────────────

const REQUIRED = ["pkg/newsclean.classic.js", "pkg/newsclean_bg.wasm", "pkg-fallback/newsclean.mjs"];

/**
 * Reads the built package, extension/pkg and extension/pkg-fallback (waiting out a rebuild in
 * progress, building it if it stays missing), and copies extension/ to target/bench/extension.
 * Returns `{files: {"pkg/…": bytes, "pkg-fallback/…": bytes}, sha256}`.
 */
async function snapshotPackage() {
  const ext = join(ROOT, "extension");
  const read = (dir) => {
    const files = {};
    for (const sub of ["pkg", "pkg-fallback"]) {
      for (const [rel, bytes] of Object.entries(readTree(join(dir, sub)))) files[`${sub}/${rel}`] = bytes;
    }
    for (const f of REQUIRED) if (!files[f]) throw new Error(`missing ${f}`);
    return files;
  };
  const digest = (files) => {
    const h = createHash("sha256");
    for (const [name, bytes] of Object.entries(files)) h.update(name).update(bytes);
    return h.digest("hex");
  };
  for (let attempt = 0; attempt < 90; attempt++) {
    if (attempt === 30 && !REQUIRED.every((f) => existsSync(join(ext, f)))) {
      log("extension/pkg is missing: bash scripts/build.sh");
      const r = spawnSync("bash", ["scripts/build.sh"], { cwd: ROOT, stdio: "inherit" });
      if (r.status !== 0) throw new Error("scripts/build.sh failed");
    }
    try {
      const a = read(ext);
      await sleep(1000);
      const b = read(ext);
      if (digest(a) !== digest(b)) continue; // being rebuilt
      rmSync(SNAPSHOT, { recursive: true, force: true });
      cpSync(ext, SNAPSHOT, { recursive: true });
      if (digest(read(SNAPSHOT)) !== digest(b)) continue;
      return { files: b, sha256: digest(b).slice(0, 16) };
    } catch {
      await sleep(2000); // a file is missing: a build is probably running
    }
  }
  throw new Error("could not read a stable extension/pkg build (run `make build`)");
}

function sizes(files) {
  const one = (buf) => ({
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  });
  return {
    wasm: one(files["pkg/newsclean_bg.wasm"]),
    // the glue the extension injects (pkg/newsclean.js, the same as an ES module, is not loaded)
    glue: one(files["pkg/newsclean.classic.js"]),
    fallback: one(files["pkg-fallback/newsclean.mjs"]),
  };
}

// ── the server: corpus pages, the generated page, the package, Readability ───────────────────────

// ── in-page code (serialized by page.evaluate: self-contained) ───────────────────────────────────

/**
 * Start-up in a fresh tab, as the extension starts: the browser injects the glue
 * (pkg/newsclean.classic.js, a content script listed before the loader), then the loader fetches
 * and compiles the wasm (compileStreaming) and init() instantiates it. `mode` "init" times those
 * two steps; "split" times fetch / compile / instantiate apart; "fallback" imports the wasm2js
 * module. The glue runs from an inline script (its text fetched untimed: content scripts are read
 * from the extension package, not fetched); the wasm comes from a blob: URL (copied untimed:
 * blob: requests bypass the route gate, whose interception of every 127.0.0.1 request adds ~10
 * ms each and is no part of an extension's start-up).
 */
async function startupInPage({ mode }) {
  const now = () => performance.now();
  const blob = async (path, type) => URL.createObjectURL(new Blob([await (await fetch(location.origin + path)).arrayBuffer()], { type }));
  if (mode === "fallback") {
    const fb = await blob("/pkg-fallback/newsclean.mjs", "text/javascript");
    const t = now();
    await import(fb);
    return { importMs: now() - t };
  }
  const glueText = await (await fetch(location.origin + "/pkg/newsclean.classic.js")).text();
  const wasmUrl = await blob("/pkg/newsclean_bg.wasm", "application/wasm");
  const t0 = now();
  const script = document.createElement("script");
  script.textContent = glueText; // runs as it is added
  document.documentElement.append(script);
  const pkg = globalThis.newsclean;
  const importMs = now() - t0;
  if (mode === "init") {
    const t = now();
    const wasm = await pkg.default({ module_or_path: await WebAssembly.compileStreaming(fetch(wasmUrl)) });
    return { importMs, initMs: now() - t, memory: wasm.memory.buffer.byteLength };
  }
  let t = now();
  const bytes = await (await fetch(wasmUrl)).arrayBuffer();
  const fetchMs = now() - t;
  t = now();
  const module = await WebAssembly.compile(bytes);
  const compileMs = now() - t;
  t = now();
  await pkg.default({ module_or_path: module });
  return { importMs, fetchMs, compileMs, instantiateMs: now() - t };
}

/** All timings of one page; see the header comment. */
async function measureInPage({ newscleanFirst, reps, css, warm, withClean }) {
  const now = () => performance.now();
  const html = document.documentElement;
  // The extension's stylesheet (its manifest `css`), adopted rather than inserted: no DOM node is
  // added, yet marking an element hides it, as in the extension (so apply pays the layout it causes).
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  // Forces style and layout, so that the next timed call starts from a clean layout.
  const settle = () => html.getBoundingClientRect().height + (document.body ? document.body.offsetHeight : 0);
  const out = { coi: self.crossOriginIsolated === true };
  // Start-up as in startupInPage's "init" mode (see there), on a loaded page.
  const blob = async (path, type) => URL.createObjectURL(new Blob([await (await fetch(location.origin + path)).arrayBuffer()], { type }));
  const glueText = await (await fetch(location.origin + "/pkg/newsclean.classic.js")).text();
  const wasmUrl = await blob("/pkg/newsclean_bg.wasm", "application/wasm");
  let t = now();
  const script = document.createElement("script");
  script.textContent = glueText;
  document.documentElement.append(script);
  const pkg = globalThis.newsclean;
  out.importMs = now() - t;
  t = now();
  const wasm = await pkg.default({ module_or_path: await WebAssembly.compileStreaming(fetch(wasmUrl)) });
  out.initMs = now() - t;
  const engine = new pkg.Engine(); // the page's state for (b), as the extension keeps one per frame
  const { default: Readability } = await import(location.origin + "/lib/readability.mjs");
  const body = document.body;
  if (!body) throw new Error("the page has no body");
  out.elements = document.getElementsByTagName("*").length;

  // What collect must read, in plain JS and nothing more: the same walk and skipped subtrees, each
  // element's tag and own attributes (those the core asks for kept), the text; nothing built.
  const SKIP = new Set(["script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math",
    "iframe", "object", "embed", "canvas", "video", "audio", "select", "option", "textarea", "input",
    "newsclean-sidebar", "img", "picture", "br", "hr", "wbr"]);
  const WANTED = new Set(["role", "aria-label", "data-ad", "data-testid", "data-component", "hidden", "aria-hidden",
    "style", "class", "id", "src", "data-src"]);
  const jsWalk = (root) => {
    let acc = 0;
    const open = (el) => {
      const tag = el.localName;
      const attrs = el.hasAttributes() ? el.getAttributeNames() : [];
      let hidden = false;
      for (let i = 0; i < attrs.length; i++) {
        const name = attrs[i];
        if (!WANTED.has(name)) continue;
        const v = el.getAttribute(name);
        acc += v.length;
        if (name === "hidden" || (name === "aria-hidden" && v.trim().toLowerCase() === "true")) hidden = true;
      }
      return !hidden && !SKIP.has(tag);
    };
    for (let up = root.parentElement; up; up = up.parentElement) open(up);
    if (!open(root)) return acc;
    const stack = [root];
    let next = root.firstChild;
    while (stack.length) {
      if (!next) {
        const parent = stack.pop();
        next = stack.length ? parent.nextSibling : null;
        continue;
      }
      const node = next;
      const type = node.nodeType;
      if (type === 1) {
        if (open(node)) {
          if (node.firstElementChild) {
            stack.push(node);
            next = node.firstChild;
            continue;
          }
          // (an element with text only: read whole, as collect does)
          acc += node.textContent.length;
        }
      } else if (type === 3 || type === 4) {
        acc += node.nodeValue.length;
      }
      next = node.nextSibling;
    }
    return acc;
  };

  const analyze = () => {
    settle();
    const t = now();
    const report = pkg.analyze(body);
    return [now() - t, report];
  };
  const cleanupOnly = () => {
    settle();
    const t = now();
    pkg.analyzeCleanupOnly(body);
    return now() - t;
  };
  const readability = () => {
    settle();
    let t = now();
    const clone = document.cloneNode(true);
    const cloneMs = now() - t;
    t = now();
    let article = null;
    try {
      article = new Readability(clone).parse();
    } catch (e) {
      out.readabilityError = String(e).slice(0, 200);
    }
    return [cloneMs, now() - t, article];
  };
  const clean = () => {
    settle();
    let t = now();
    engine.cleanDocument();
    const cleanMs = now() - t;
    settle();
    const cleanLayoutMs = now() - t;
    const marked = document.querySelectorAll("[data-newsclean]").length;
    t = now();
    engine.setEnabled(false);
    const offMs = now() - t;
    settle();
    return [cleanMs, cleanLayoutMs, offMs, marked];
  };
  const walk = () => {
    settle();
    const t = now();
    jsWalk(body);
    return now() - t;
  };

  // Warm-up, once per page (timed apart: a fresh instance's first call is what the extension pays).
  const [a0, report] = analyze();
  out.analyzeFirstMs = a0;
  out.hidden = report.hidden.length;
  out.quotes = report.quotes.length;
  out.speakers = report.speakers.length;
  if (warm) {
    const [, r0, article] = readability();
    out.readabilityFirstMs = r0;
    out.readabilityChars = article?.length ?? 0;
    if (withClean) out.cleanFirstMs = clean()[0];
    walk();
    if (typeof pkg.analyzeCleanupOnly === "function") cleanupOnly();
  }

  // Each round: (a) and (c) in this page's order, then (b), the JS walk and (if exported) the
  // clean-up-only analysis; so every contender runs equally warm (V8 tiers wasm up as it runs).
  const A = [], R = [], K = [], C = [], CL = [], OFF = [], W = [], U = [];
  let marked = 0;
  for (let r = 0; r < reps; r++) {
    const rd = () => { const [k, p] = readability(); K.push(k); R.push(p); };
    if (newscleanFirst) { A.push(analyze()[0]); rd(); } else { rd(); A.push(analyze()[0]); }
    if (withClean) {
      const [c, cl, off, m] = clean();
      C.push(c); CL.push(cl); OFF.push(off); marked = m;
    }
    W.push(walk());
    if (typeof pkg.analyzeCleanupOnly === "function") U.push(cleanupOnly());
  }
  out.marked = marked;
  out.memoryBytes = wasm.memory.buffer.byteLength;
  const med = (v) => {
    if (!v.length) return null;
    const s = [...v].sort((x, y) => x - y);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  Object.assign(out, {
    analyzeMs: med(A), readabilityMs: med(R), cloneMs: med(K), cleanMs: med(C), cleanLayoutMs: med(CL),
    offMs: med(OFF), jsWalkMs: med(W), cleanupOnlyMs: med(U),
    raw: { A, R, K, C, CL, OFF, W, U },
  });
  return out;
}

// ── driving the browser ──────────────────────────────────────────────────────────────────────────

async function measureStartup(context, base) {
  const runs = { init: [], split: [], fallback: [] };
  for (let i = 0; i < STARTUP_TABS; i++) {
    for (const mode of Object.keys(runs)) {
      const page = await open(context, `${base}/blank.html`, PAGE_TIMEOUT_MS);
      try {
        runs[mode].push(await withTimeout(page.evaluate(startupInPage, { mode }), 30_000, "start-up"));
      } finally {
        await closePage(page);
      }
    }
  }
  const col = (mode, key) => runs[mode].map((r) => r[key]);
  const total = runs.init.map((r) => r.importMs + r.initMs);
  return {
    tabs: STARTUP_TABS,
    first: { importMs: runs.init[0].importMs, initMs: runs.init[0].initMs, totalMs: total[0] },
    glueImport: stats(col("init", "importMs")),
    init: stats(col("init", "initMs")),
    total: stats(total),
    fetch: stats(col("split", "fetchMs")),
    compile: stats(col("split", "compileMs")),
    instantiate: stats(col("split", "instantiateMs")),
    fallbackImport: stats(col("fallback", "importMs")),
    fallbackFirstMs: runs.fallback[0].importMs,
    memoryAfterInit: runs.init[0].memory,
  };
}

async function measurePage(context, id, url, i, { timeout = PAGE_TIMEOUT_MS, reps = REPS, bytes, css, warm = true, withClean = true } = {}) {
  const row = { id, bytes, order: i % 2 === 0 ? "newsclean-first" : "readability-first", status: "ok" };
  let page;
  try {
    page = await open(context, url, timeout);
  } catch (e) {
    return { ...row, status: "skipped", reason: firstLine(e) };
  }
  try {
    const r = await withTimeout(page.evaluate(measureInPage, { newscleanFirst: i % 2 === 0, reps, css, warm, withClean }), Math.max(120_000, timeout), "measure");
    if (page.url().split("#")[0] !== url) return { ...row, status: "skipped", reason: "navigated away during the measurement" };
    return { ...row, ...r };
  } catch (e) {
    return { ...row, status: "skipped", reason: firstLine(e) };
  } finally {
    await closePage(page);
  }
}

// Registered before the page's own scripts (addInitScript): long tasks and long animation frames
// from the start, and the moment newsclean reports `data-newsclean-state` ready/error.
const LONGTASK_INIT = `(() => {
  const b = { longtasks: [], loafs: [], ready: null, state: null };
  Object.defineProperty(window, "__newscleanBench", { value: b });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longtasks.push([e.startTime, e.duration]); })
      .observe({ type: "longtask", buffered: true });
  } catch {}
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.loafs.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration ?? 0,
      scripts: (e.scripts || []).map((s) => ({ url: String(s.sourceURL || ""), fn: String(s.sourceFunctionName || ""),
        invoker: String(s.invoker || ""), start: s.startTime, duration: s.duration })) }); })
      .observe({ type: "long-animation-frame", buffered: true });
  } catch {}
  new MutationObserver((_, obs) => {
    const s = document.documentElement && document.documentElement.getAttribute("data-newsclean-state");
    if (s === "ready" || s === "error") { b.ready = performance.now(); b.state = s; obs.disconnect(); }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-newsclean-state"] });
})()`;

/** One load of `url` with the extension; the long tasks around newsclean's pass. */
async function longTaskLoad(context, url, timeout) {
  const page = await context.newPage();
  page.on("dialog", (d) => d.dismiss().catch(() => {}));
  try {
    await page.goto(url, { waitUntil: "load", timeout }).catch(() => {});
    await page.waitForFunction(() => window.__newscleanBench?.state, null, { timeout, polling: 50 }).catch(() => {});
    await sleep(500); // the frame that renders the marks and the sidebar
    const r = await page.evaluate(() => {
      const b = window.__newscleanBench;
      const nav = performance.getEntriesByType("navigation")[0];
      const pass = performance.getEntriesByName("newsclean:pass")[0];
      return { ...b, dcl: nav?.domContentLoadedEventEnd ?? null, load: nav?.loadEventEnd ?? null,
               engine: document.documentElement.getAttribute("data-newsclean-engine"),
               passStart: pass?.startTime ?? null,
               longestSliceMs: pass?.detail?.longestSliceMs ?? null,
               passStyleMs: pass?.detail?.pageStyleMs ?? null,
               // the frames of ours while the page loads (watchEarly), from navigation start on
               early: performance.getEntriesByName("newsclean:added")
                 .filter((e) => b.ready == null || e.startTime < b.ready)
                 .map((e) => ({ ms: e.duration, styleMs: e.detail?.styleMs ?? 0 })) };
    });
    const end = (t) => t[0] + t[1];
    const ready = r.ready;
    // The window newsclean works in: content scripts start at document_idle (after DOMContentLoaded).
    const inWindow = ready == null ? [] : r.longtasks.filter((t) => end(t) >= r.dcl && t[0] <= ready);
    const passTask = ready == null ? null : r.longtasks.find((t) => t[0] <= ready && ready <= end(t) + 1) ?? null;
    const next = ready == null ? [] : r.longtasks.filter((t) => t[0] > ready && t[0] < ready + 500);
    const ours = r.loafs.flatMap((f) => f.scripts).filter((s) => s.url.startsWith("chrome-extension://"));
    // The pass runs in slices with the page's own work in between, so a long task between
    // DOMContentLoaded and ready may be the page's: ours are those in which the long-animation-frame
    // entries name a script of the extension.
    const oursInWindow = inWindow.filter((t) => ours.some((s) => s.start >= t[0] - 1 && s.start <= end(t)));
    // The rendering update that shows the marks and the sidebar is no task: long-animation-frame
    // entries see it (the Long Tasks API does not). The frame of the task that ended the pass (or
    // the next one), when it was long; the page's own work in that frame is in it too.
    const atReady = ready == null ? [] : r.loafs.filter((f) => f.start <= ready + 20 && f.start + f.duration >= ready);
    // The frames before it, from the pass's first slice on: a slice's marks may be rendered in one
    // of them, before the frame at ready (the page's own frames in that window count too).
    const inPass = ready == null || r.passStart == null ? []
      : r.loafs.filter((f) => f.start + f.duration >= r.passStart && f.start + f.duration < ready);
    return {
      state: r.state, engine: r.engine, dclMs: r.dcl, loadMs: r.load, readyMs: ready,
      longestInPassMs: max(inWindow.map((t) => t[1])) ?? 0,
      longestOursMs: max(oursInWindow.map((t) => t[1])) ?? 0,
      passTaskMs: passTask ? passTask[1] : 0, // 0: the task that ran cleanDocument() was under 50 ms
      nextLongTaskMs: max(next.map((t) => t[1])) ?? 0, // e.g. style/layout of the marks and the sidebar
      extensionScriptMs: max(ours.map((s) => s.duration)) ?? 0, // LoAF attribution to chrome-extension:// scripts
      // The loader's longest slice of the pass (its own measure: LoAF entries do not name an
      // extension's scripts), and the early frames before it: their time less the page's style
      // computed in them (what the frame's rendering would compute next anyway), and that style.
      passSliceMs: r.longestSliceMs ?? 0,
      passStyleMs: r.passStyleMs ?? 0,
      earlyMs: max(r.early.map((e) => e.ms - e.styleMs)) ?? 0,
      earlyStyleMs: max(r.early.map((e) => e.styleMs)) ?? 0,
      earlyFrames: r.early.length,
      frameAfterReadyMs: max(atReady.map((f) => f.duration)) ?? 0,
      // Its blocking duration: how much of its tasks and its rendering update ran past 50 ms each
      // (a frame may be long with nothing long in it: the page's tasks and ours taking turns).
      frameBlockingAtReadyMs: max(atReady.map((f) => f.blocking)) ?? 0,
      frameInPassMs: max(inPass.map((f) => f.duration)) ?? 0,
      frameBlockingInPassMs: max(inPass.map((f) => f.blocking)) ?? 0,
      longtasks: r.longtasks.length,
    };
  } finally {
    await closePage(page);
  }
}

async function longTaskCheck(base, targets) {
  const browser = await launch({ extension: SNAPSHOT });
  await browser.context.addInitScript(LONGTASK_INIT);
  const out = [];
  try {
    await browser.worker().catch(() => {});
    for (const { id, url, bytes, timeout, loads: times = LOADS } of targets) {
      const loads = [];
      for (let n = 0; n < times; n++) {
        try {
          loads.push(await longTaskLoad(browser.context, url, timeout));
        } catch (e) {
          loads.push({ error: firstLine(e) });
        }
        browser.blocked.length = 0;
      }
      const ok = loads.filter((l) => l.state === "ready");
      const col = (k) => ok.map((l) => l[k]);
      const row = {
        id, bytes, loads: loads.length, ready: ok.length,
        readyMs: median(col("readyMs")), dclMs: median(col("dclMs")),
        longestInPassMs: { median: median(col("longestInPassMs")), max: max(col("longestInPassMs")) },
        longestOursMs: { median: median(col("longestOursMs")), max: max(col("longestOursMs")) },
        passTaskMs: { median: median(col("passTaskMs")), max: max(col("passTaskMs")) },
        nextLongTaskMs: { median: median(col("nextLongTaskMs")), max: max(col("nextLongTaskMs")) },
        extensionScriptMs: { median: median(col("extensionScriptMs")), max: max(col("extensionScriptMs")) },
        passSliceMs: { median: median(col("passSliceMs")), max: max(col("passSliceMs")) },
        passStyleMs: { median: median(col("passStyleMs")), max: max(col("passStyleMs")) },
        earlyMs: { median: median(col("earlyMs")), max: max(col("earlyMs")) },
        earlyStyleMs: { median: median(col("earlyStyleMs")), max: max(col("earlyStyleMs")) },
        earlyFrames: { median: median(col("earlyFrames")), max: max(col("earlyFrames")) },
        frameAfterReadyMs: { median: median(col("frameAfterReadyMs")), max: max(col("frameAfterReadyMs")) },
        frameBlockingAtReadyMs: { median: median(col("frameBlockingAtReadyMs")), max: max(col("frameBlockingAtReadyMs")) },
        frameInPassMs: { median: median(col("frameInPassMs")), max: max(col("frameInPassMs")) },
        frameBlockingInPassMs: { median: median(col("frameBlockingInPassMs")), max: max(col("frameBlockingInPassMs")) },
        states: loads.map((l) => l.state ?? l.error ?? null),
      };
      // Ours: long tasks in the window that run an extension script, the task that ended the pass,
      // the extension's own script time in long frames, the frame after the pass (style and
      // layout of the marks and the sidebar), the pass's longest slice and the early frames while
      // the page loads. A page's own long task during the pass does not count.
      row.worstMs = Math.max(row.longestOursMs.max ?? 0, row.passTaskMs.max ?? 0, row.extensionScriptMs.max ?? 0,
        row.nextLongTaskMs.max ?? 0, row.passSliceMs.max ?? 0, row.earlyMs.max ?? 0);
      row.exceeds = row.worstMs > BUDGET.longTaskMs;
      log(`long tasks ${id}: early frames ${round(row.earlyFrames.max, 0)}, longest ${round(row.earlyMs.max, 0)} ms of ours `
        + `(+ ${round(row.earlyStyleMs.max, 0)} ms of the page's style), pass slices up to ${round(row.passSliceMs.max, 0)} ms `
        + `(+ ${round(row.passStyleMs.max, 0)} ms of the page's style before one), `
        + `ready ${round(row.readyMs, 0)} ms, longest in pass ${round(row.longestInPassMs.max, 0)} ms `
        + `(ours ${round(row.longestOursMs.max, 0)} ms), last task ${round(row.passTaskMs.max, 0)} ms, next ${round(row.nextLongTaskMs.max, 0)} ms, `
        + `frame at ready ${round(row.frameAfterReadyMs.max, 0)} ms (blocking ${round(row.frameBlockingAtReadyMs.max, 0)} ms), `
        + `before it in the pass ${round(row.frameInPassMs.max, 0)} ms (blocking ${round(row.frameBlockingInPassMs.max, 0)} ms)`);
      out.push(row);
    }
  } finally {
    await browser.close();
  }
  return out;
}

/**
 * Content added after the pass, the observer's work: `www/tests/feed.html` appends its items one
 * by one in one task of its own, an "Advertisement" slot every 50. With the extension, until every
 * label has stopped rendering: how long that took, the page's own append task, and the slices of
 * ours (the glue's "newsclean:added" User Timing measures: the frame callback that hands the
 * additions to the wasm), which must stay under 50 ms each. Long-animation-frame entries give the
 * longest frame after the append, with and without the extension (the page's own layout of its
 * items is in both; a page does not see an extension's scripts in those entries).
 */
async function feedCheck(url) {
  const one = async (extension) => {
    const browser = await launch({ extension });
    await browser.context.addInitScript(LONGTASK_INIT);
    const page = await browser.context.newPage();
    try {
      if (extension) await browser.worker().catch(() => {});
      await page.goto(url, { waitUntil: "load", timeout: 30_000 });
      if (extension) await page.waitForSelector("html[data-feed-hidden-ms]", { timeout: 120_000 });
      else await page.waitForSelector("html[data-feed=appended]", { timeout: 30_000 });
      await sleep(extension ? 500 : 3000);
      const r = await page.evaluate(() => {
        const root = document.documentElement;
        return {
          ...window.__newscleanBench, hiddenMs: Number(root.dataset.feedHiddenMs), labels: Number(root.dataset.feedLabels),
          marked: document.querySelectorAll("[data-newsclean=ad-marker]").length,
          slices: performance.getEntriesByName("newsclean:added").map((m) => m.duration),
        };
      });
      // the append's frame: the longest with feed.js in it (the frame that loaded the script
      // may hold it too, and be long enough to be reported)
      const appendFrame = r.loafs
        .filter((f) => f.scripts.some((x) => x.url.endsWith("/feed.js")))
        .reduce((longest, f) => (longest && longest.duration >= f.duration ? longest : f), null);
      const after = r.loafs.filter((f) => appendFrame && f.start > appendFrame.start);
      return { ...r, appendFrameMs: appendFrame?.duration ?? null, longestFrameAfterMs: max(after.map((f) => f.duration)) ?? 0,
        blockingAfterMs: max(after.map((f) => f.blocking)) ?? 0 };
    } finally {
      await closePage(page);
      await browser.close();
    }
  };
  try {
    const ext = await one(SNAPSHOT);
    const plain = await one(null);
    const row = {
      id: "generated-feed", items: FEED_ITEMS, labels: ext.labels, marked: ext.marked, hiddenMs: ext.hiddenMs,
      slices: ext.slices.length, longestSliceMs: max(ext.slices) ?? 0,
      appendFrameMs: ext.appendFrameMs, plainAppendFrameMs: plain.appendFrameMs,
      longestFrameAfterMs: ext.longestFrameAfterMs, plainLongestFrameAfterMs: plain.longestFrameAfterMs,
      blockingAfterMs: ext.blockingAfterMs, plainBlockingAfterMs: plain.blockingAfterMs,
    };
    row.worstMs = row.longestSliceMs;
    row.exceeds = row.worstMs > BUDGET.longTaskMs || row.marked < row.labels;
    log(`feed: ${row.marked}/${row.labels} labels hidden ${round(row.hiddenMs, 0)} ms after the append, in ${row.slices} slices `
      + `(longest ${round(row.longestSliceMs, 1)} ms); longest frame after the append ${round(row.longestFrameAfterMs, 0)} ms `
      + `(blocking ${round(row.blockingAfterMs, 0)} ms), without the extension ${round(row.plainLongestFrameAfterMs, 0)} ms`);
    return row;
  } catch (e) {
    return { id: "generated-feed", items: FEED_ITEMS, error: firstLine(e), exceeds: true, worstMs: null };
  }
}

/**
 * The real unpacked extension, one load of each of `targets`: the loader's own User Timing
 * entries ("newsclean:start-up" from the loader's first line until the engine is ready, with the
 * wasm fetched from the package, compiled and instantiated; "newsclean:pass" until the pass is
 * done, its detail the time spent in our slices). What a person's browser pays, unlike the
 * main-world mirror above.
 */
async function extensionTimings(targets) {
  const browser = await launch({ extension: SNAPSHOT });
  const out = [];
  try {
    await browser.worker().catch(() => {});
    for (const { id, url } of targets) {
      try {
        const m = await extensionLoad(browser, url, PAGE_TIMEOUT_MS);
        if (!m["start-up"] || !m.pass) throw new Error("no newsclean measures on the page");
        out.push({ id, engine: m["start-up"].detail?.engine ?? null, startUpMs: m["start-up"].ms, passMs: m.pass.ms,
                   engineReadyMs: m["start-up"].detail?.engineReadyMs ?? null, initMs: m["start-up"].detail?.initMs ?? null,
                   preloadMs: m["start-up"].detail?.preloadMs ?? null,
                   warmUp: m["start-up"].detail?.warmUp ?? null, warmUpMs: m["warm-up"]?.ms ?? null,
                   busyMs: m.pass.detail?.busyMs ?? null, slices: m.pass.detail?.slices ?? null });
      } catch (e) {
        out.push({ id, error: firstLine(e) });
      }
    }
  } finally {
    await browser.close();
  }
  const ok = out.filter((r) => r.error === undefined && r.engine === "wasm");
  return {
    pages: out.length, measured: ok.length, skipped: out.filter((r) => !ok.includes(r)).map((r) => ({ id: r.id, reason: r.error ?? r.engine })),
    startUp: stats(ok.map((r) => r.startUpMs)), engineReady: stats(ok.map((r) => r.engineReadyMs)), init: stats(ok.map((r) => r.initMs)),
    preload: stats(ok.map((r) => r.preloadMs)),
    warmedUp: ok.filter((r) => r.warmUp === "done").length, warmUp: stats(ok.map((r) => r.warmUpMs)),
    pass: stats(ok.map((r) => r.passMs)), busy: stats(ok.map((r) => r.busyMs)),
    busyWarmedUp: stats(ok.filter((r) => r.warmUp === "done").map((r) => r.busyMs)),
    busyNotWarmedUp: stats(ok.filter((r) => r.warmUp !== "done").map((r) => r.busyMs)),
    rows: out,
  };
}

// ── output ───────────────────────────────────────────────────────────────────────────────────────

const CSV_COLUMNS = ["id", "status", "reason", "bytes", "elements", "order", "hidden", "marked", "quotes", "speakers",
  "importMs", "initMs", "analyzeFirstMs", "analyzeMs", "cleanupOnlyMs", "cleanFirstMs", "cleanMs", "cleanLayoutMs", "offMs",
  "cloneMs", "readabilityFirstMs", "readabilityMs", "ratio", "jsWalkMs", "memoryBytes", "readabilityChars", "coi"];

function csv(rows) {
  const cell = (v) => {
    if (v == null) return "";
    if (typeof v === "number") return String(round(v, 4));
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [CSV_COLUMNS.join(","), ...rows.map((r) => CSV_COLUMNS.map((c) => cell(r[c])).join(","))].join("\n") + "\n";
}

function quotePart(rows) {
  const over = rows.map((r) => r.analyzeMs - r.cleanupOnlyMs - r.readabilityMs / BUDGET.ratio);
  return {
    pages: rows.length,
    ms: stats(rows.map((r) => r.analyzeMs - r.cleanupOnlyMs)),
    overMs: stats(over),
    overAllowance: over.filter((ms) => ms > 0).length,
  };
}

function budget(name, value, limit, pass, unit, note) {
  return { name, value: round(value, 4), limit, unit, pass, note };
}

function git() {
  const run = (...a) => spawnSync("git", a, { cwd: ROOT, encoding: "utf8" }).stdout?.trim() ?? "";
  return { commit: run("rev-parse", "--short", "HEAD"), dirty: run("status", "--porcelain", "--", "src", "Cargo.toml", "Cargo.lock") !== "" };
}

function printTable(s) {
  const f = (x, d = 3) => (x == null ? "—" : x.toFixed(d));
  const line = (name, st, extra = "") => console.log(`${name.padEnd(46)} ${f(st.median).padStart(9)} ${f(st.p95).padStart(9)} ${f(st.max).padStart(9)}  ${extra}`);
  console.log(`\nnewsclean browser benchmark — ${s.pages.measured}/${s.pages.total} corpus pages (${s.pages.skipped.length} skipped), `
    + `${s.reps} timed runs each (median per page), Chromium ${s.env.chromium}, ${s.env.cpus} CPUs, timer ${s.env.timer}`);
  console.log(`${"per page, ms".padEnd(46)} ${"median".padStart(9)} ${"p95".padStart(9)} ${"max".padStart(9)}`);
  const c = s.contenders;
  line("(a) newsclean analyze(body)", c.analyze);
  line("    first call on a fresh instance (cold)", c.analyzeFirst);
  if (c.cleanupOnly.n) line("    analyzeCleanupOnly(body)", c.cleanupOnly);
  line("(b) newsclean cleanDocument() (full pass)", c.clean);
  line("    + the forced style/layout after it", c.cleanLayout);
  line("    first call (after warm-up of analyze)", c.cleanFirst);
  line("    cleanDocument − analyze (apply+sidebar)", c.cleanMinusAnalyze);
  line("    setEnabled(false)", c.off);
  line("(c) Readability parse() on a clone", c.readability);
  line("    document.cloneNode(true)", c.clone);
  line("    first parse (cold)", c.readabilityFirst);
  line("pure-JS walk with collect's DOM reads (floor)", c.jsWalk);
  line("ratio Readability ÷ analyze, per page", s.ratio, "(×)");
  line("    ceiling: Readability ÷ the pure-JS walk", s.ratioCeiling, "(×)");
  line(`    at ${BUDGET.ratio}×, left after the walk (ms)`, s.leftAfterWalk);
  if (s.quotePart.pages) {
    const q = s.quotePart;
    line(`analyze − cleaning alone, ${q.pages} pages with quotes`, q.ms);
    line(`    minus Readability ÷ ${BUDGET.ratio} (> 0 on ${q.overAllowance} of ${q.pages})`, q.overMs);
  }
  console.log(`analyze median by timed round: ${s.analyzeByRound.join(" / ")} ms (V8 tier-up shows as a falling series)`);
  const st = s.startup;
  console.log(`\nstart-up (blank page, ${st.tabs} fresh tabs)            median       p95       max`);
  line("(d) glue script, then wasm fetch+compile+init", st.total, `first ${f(st.first.totalMs)}`);
  line("    run newsclean.classic.js (the glue)", st.glueImport);
  line("    compileStreaming + init({module_or_path})", st.init);
  line("    fetch .wasm", st.fetch);
  line("    WebAssembly.compile", st.compile);
  line("    instantiate (init with a Module)", st.instantiate);
  line("    import pkg-fallback/newsclean.mjs (wasm2js)", st.fallbackImport, `first ${f(st.fallbackFirstMs)}`);
  line("    on corpus pages: glue + wasm", s.startupOnPages);
  const x = s.extension;
  if (x) {
    console.log(`\nthe real extension, one load of ${x.pages} pages (${x.measured} measured with wasm; the loader's performance.measure entries)`);
    line("(d) start-up: loader start until the engine is ready", x.startUp);
    line("    until the preload's engine is there (wall)", x.engineReady);
    line("    init() with the module (this thread)", x.init);
    line("    preload.js: fetch + compile from document_start", x.preload);
    line(`    preload.js: warm-up while the page loads (${x.warmedUp} of ${x.measured} pages)`, x.warmUp);
    line("    its pass: engine ready until done (wall)", x.pass);
    line("    time in its slices (cleanStep)", x.busy);
    line("      on the pages warmed up first", x.busyWarmedUp);
    line("      on the others (the loader came first)", x.busyNotWarmedUp);
  }
  const z = s.sizes;
  console.log(`\nsize (bytes)          raw      gzip    brotli`);
  for (const [k, v] of Object.entries(z)) console.log(`${k.padEnd(14)} ${String(v.raw).padStart(9)} ${String(v.gzip).padStart(9)} ${String(v.brotli).padStart(9)}`);
  const mem = s.memory;
  console.log(`\nwasm linear memory after the run: median ${mem.median} B, max ${mem.max} B (${mem.maxId}); after init ${st.memoryAfterInit} B`
    + (s.bigPage?.memoryBytes ? `; generated ${(s.bigPage.bytes / 1e6).toFixed(1)} MB page ${s.bigPage.memoryBytes} B` : ""));
  if (s.bigPage) {
    const b = s.bigPage;
    console.log(b.status === "ok"
      ? `generated ${(b.bytes / 1e6).toFixed(1)} MB page (${b.elements} elements, ${b.hidden} to hide, ${b.quotes} quotes), cold, one run: `
        + `analyze ${f(b.analyzeMs, 1)} ms, Readability ${f(b.readabilityMs, 1)} ms, JS walk ${f(b.jsWalkMs, 1)} ms (cleanDocument: see the long-task check)`
      : `generated page: ${b.status} (${b.reason})`);
  }
  if (s.longtasks) {
    console.log(`\nlong tasks with the extension (ms; worst of the loads)        ready  in pass     ours  last task  next task  > 50 ms  frame at ready (blocking)  frames before it in the pass (blocking)`);
    for (const r of s.longtasks) {
      console.log(`${`${r.id} (${(r.bytes / 1e6).toFixed(1)} MB)`.padEnd(50)} ${f(r.readyMs, 0).padStart(7)} ${f(r.longestInPassMs.max, 0).padStart(8)} `
        + `${f(r.longestOursMs?.max ?? 0, 0).padStart(8)} ${f(r.passTaskMs.max, 0).padStart(10)} ${f(r.nextLongTaskMs.max, 0).padStart(10)}  `
        + `${(r.exceeds ? "YES" : "no").padEnd(7)}  ${`${f(r.frameAfterReadyMs?.max ?? 0, 0)} (${f(r.frameBlockingAtReadyMs?.max ?? 0, 0)})`.padStart(14)}  `
        + `${`${f(r.frameInPassMs?.max ?? 0, 0)} (${f(r.frameBlockingInPassMs?.max ?? 0, 0)})`.padStart(14)}  `
        + `${r.ready}/${r.loads} ready`);
      console.log(`    while it loads: ${f(r.earlyFrames?.max ?? 0, 0)} early frames, the longest ${f(r.earlyMs?.max ?? 0, 1)} ms of ours `
        + `(+ ${f(r.earlyStyleMs?.max ?? 0, 1)} ms of the page's style in one); the pass's longest slice ${f(r.passSliceMs?.max ?? 0, 1)} ms `
        + `(+ ${f(r.passStyleMs?.max ?? 0, 1)} ms of the page's style before one)`);
    }
    console.log("(frame at ready: the animation frame of the task that ended the pass, which renders the marks and the sidebar, "
      + "when over 50 ms, and its blocking duration: what its tasks and its rendering update ran past 50 ms each; a rendering "
      + "update is no task, and the page's own work in that frame is in it; frames before it in the pass: those that ended "
      + "between the pass's first slice and ready, where an earlier slice's marks may have been rendered, the page's own "
      + "frames of that time included)");
  }
  if (s.feed) {
    const d = s.feed;
    console.log(d.error
      ? `generated feed: ${d.error}`
      : `generated feed, ${d.items} items appended one by one after the pass (the frame of its own task ${f(d.appendFrameMs, 0)} ms, `
        + `${f(d.plainAppendFrameMs, 0)} ms without the extension): `
        + `${d.marked} of ${d.labels} labels hidden ${f(d.hiddenMs, 0)} ms later in ${d.slices} slices of ours, the longest ${f(d.longestSliceMs, 1)} ms; `
        + `longest frame after the append ${f(d.longestFrameAfterMs, 0)} ms, blocking ${f(d.blockingAfterMs, 0)} ms `
        + `(${f(d.plainLongestFrameAfterMs, 0)} / ${f(d.plainBlockingAfterMs, 0)} ms without the extension)`);
  }
  if (s.native) {
    const n = s.native;
    console.log(`\nnative (target/bench/native.json, ${n.generated}): plan() median ${f(n.plan_full.median_ms, 4)} ms, p95 ${f(n.plan_full.p95_ms, 3)} ms, `
      + `${Math.round(n.plan_full_pages_per_s)} pages/s; clean-up rules only median ${f(n.plan_cleanup_only.median_ms, 4)} ms; `
      + `CLI report ${Math.round(n.cli_report_pages_per_s)} pages/s; CLI quotes ${Math.round(n.cli_quotes_articles_per_s)} articles/s`);
  }
  console.log("\nbudgets");
  for (const b of s.budgets) {
    const status = b.pass === true ? "PASS" : b.pass === false ? "FAIL" : "N/A ";
    console.log(`  ${status}  ${b.name.padEnd(52)} ${String(b.value).padStart(10)} ${b.unit} (limit ${b.limit})${b.note ? `  ${b.note}` : ""}`);
  }
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────

async function main() {
  const started = Date.now();
  mkdirSync(OUT, { recursive: true });
  const { files, sha256 } = await snapshotPackage();
  const css = readFileSync(join(SNAPSHOT, "content", "newsclean.css"), "utf8");
  const size = sizes(files);
  log(`wasm ${size.wasm.raw} B raw, ${size.wasm.gzip} B gzip, ${size.wasm.brotli} B brotli (build ${sha256})`);

  let ids = pageIds();
  const total = ids.length;
  if (ONLY) ids = ids.filter((id) => ONLY.includes(id));
  ids = ids.slice(0, LIMIT);
  const bytesOf = new Map(ids.map((id) => [id, pageBytes(id).length]));
  const big = bigPage(10_000_000);
  const server = await startServer({
    ...serveTree(files, ""),
    "/gen/big.html": ["text/html; charset=utf-8", Buffer.from(big)],
    "/gen/feed.html": ["text/html; charset=utf-8", readFileSync(join(ROOT, "www", "tests", "feed.html"))],
    "/gen/feed.js": ["text/javascript; charset=utf-8", readFileSync(join(ROOT, "www", "tests", "feed.js"))],
  });

  const { browser, context } = await launchPlain();
  const chromiumVersion = browser.version();
  let startup, rows = [], bigRow = null;
  try {
    log("start-up");
    startup = await measureStartup(context, server.url);
    for (const [i, id] of ids.entries()) {
      const row = await measurePage(context, id, `${server.url}/page/${id}.html`, i, { bytes: bytesOf.get(id), css });
      if (row.status === "ok") row.ratio = row.readabilityMs / row.analyzeMs;
      rows.push(row);
      if (i % 20 === 0 || row.status !== "ok") {
        log(`${i + 1}/${ids.length} ${id}: ${row.status === "ok" ? `analyze ${round(row.analyzeMs)} ms, clean ${round(row.cleanMs)} ms, `
          + `Readability ${round(row.readabilityMs)} ms` : `skipped (${row.reason})`}`);
      }
    }
    log("generated 10 MB page");
    // Cold, one run, and no cleanDocument(): with the stylesheet its apply step takes minutes on this
    // page (see the long-task check, which times it with the real extension).
    bigRow = await measurePage(context, "generated-10mb", `${server.url}/gen/big.html`, 0,
      { timeout: BIG_TIMEOUT_MS, reps: 1, bytes: Buffer.byteLength(big), css, warm: false, withClean: false });
    delete bigRow.raw;
  } finally {
    await browser.close();
  }

  let longtasks = null;
  if (LONGTASK) {
    log("long-task check with the extension");
    const largest = [...bytesOf].sort((a, b) => b[1] - a[1]).slice(0, 5);
    longtasks = await longTaskCheck(server.url, [
      ...largest.map(([id, bytes]) => ({ id, bytes, url: `${server.url}/page/${id}.html`, timeout: 30_000 })),
      // One load: with the current apply step it is one task of minutes.
      { id: "generated-10mb", bytes: Buffer.byteLength(big), url: `${server.url}/gen/big.html`, timeout: BIG_TIMEOUT_MS, loads: 1 },
    ]);
  }
  let feed = null;
  if (LONGTASK) {
    log(`a feed appending ${FEED_ITEMS} items one by one after load, with the extension`);
    feed = await feedCheck(`${server.url}/gen/feed.html?n=${FEED_ITEMS}`);
  }
  let extension = null;
  if (EXTENSION_EVERY > 0) {
    const sample = rows.filter((r, i) => r.status === "ok" && i % EXTENSION_EVERY === 0);
    log(`the real extension on ${sample.length} pages (its start-up and pass, as the loader measures them)`);
    extension = await extensionTimings(sample.map((r) => ({ id: r.id, url: `${server.url}/page/${r.id}.html` })));
  }
  await server.close();

  const ok = rows.filter((r) => r.status === "ok");
  const col = (k) => ok.map((r) => r[k]);
  const nativeFile = join(OUT, "native.json");
  const native = existsSync(nativeFile)
    ? { ...JSON.parse(readFileSync(nativeFile, "utf8")), generated: statSync(nativeFile).mtime.toISOString() }
    : null;
  const memMax = ok.reduce((m, r) => (r.memoryBytes > (m?.memoryBytes ?? -1) ? r : m), null);
  const s = {
    generated: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    env: { chromium: chromiumVersion, node: process.version, cpus: cpus().length, git: git(), build: sha256,
           timer: ok.every((r) => r.coi) ? "5 µs (cross-origin isolated)" : "100 µs (not isolated on some pages)" },
    reps: REPS,
    pages: { total, requested: ids.length, measured: ok.length,
             skipped: rows.filter((r) => r.status !== "ok").map((r) => ({ id: r.id, reason: r.reason })) },
    contenders: {
      analyze: stats(col("analyzeMs")),
      analyzeFirst: stats(col("analyzeFirstMs")),
      cleanupOnly: stats(col("cleanupOnlyMs")),
      clean: stats(col("cleanMs")),
      cleanLayout: stats(col("cleanLayoutMs")),
      cleanFirst: stats(col("cleanFirstMs")),
      cleanMinusAnalyze: stats(ok.map((r) => r.cleanMs - r.analyzeMs)),
      off: stats(col("offMs")),
      readability: stats(col("readabilityMs")),
      readabilityFirst: stats(col("readabilityFirstMs")),
      clone: stats(col("cloneMs")),
      jsWalk: stats(col("jsWalkMs")),
    },
    // analyze's per-page value by timed round (1st, 2nd, 3rd after the warm-up): V8 tiers wasm up
    // while it runs, so a falling series means the later rounds ran faster code.
    analyzeByRound: Array.from({ length: REPS }, (_, r) => round(median(ok.map((x) => x.raw?.A?.[r])), 3)),
    ratio: { ...stats(col("ratio")), min: Math.min(...finite(col("ratio"))), below10: ok.filter((r) => r.ratio < BUDGET.ratio).length },
    // What the ratio budget leaves: Readability ÷ the pure-JS walk is the ratio a pass making
    // collect's DOM reads would reach if everything else cost nothing; Readability ÷ 10 − the walk
    // is the time such a pass has per page for the rest (crossing, outline, rules, quotes).
    ratioCeiling: stats(ok.map((r) => r.readabilityMs / r.jsWalkMs)),
    leftAfterWalk: stats(ok.map((r) => r.readabilityMs / BUDGET.ratio - r.jsWalkMs)),
    // The quote extraction's own share, analyze − cleaning alone, on the pages with quotes (on the
    // others it is next to nothing): where it alone exceeds Readability ÷ 10, no way of reading
    // the page, however cheap, brings that page to the ratio budget.
    quotePart: quotePart(ok.filter((r) => r.quotes > 0 && Number.isFinite(r.cleanupOnlyMs))),
    startup,
    startupOnPages: stats(ok.map((r) => r.importMs + r.initMs)),
    sizes: size,
    memory: { median: median(col("memoryBytes")), max: memMax?.memoryBytes ?? null, maxId: memMax?.id ?? null },
    bigPage: bigRow,
    longtasks,
    feed,
    extension,
    native,
  };
  const c = s.contenders;
  const walkFloor = c.jsWalk.median;
  s.budgets = [
    budget("analysis ≥ 10× faster than Readability (median ratio)", s.ratio.median, `≥ ${BUDGET.ratio}`, s.ratio.median >= BUDGET.ratio, "×"),
    budget("full pass cleanDocument() median", c.clean.median, `≤ ${BUDGET.cleanMedianMs}`, c.clean.median <= BUDGET.cleanMedianMs, "ms"),
    budget("full pass cleanDocument() p95", c.clean.p95, `≤ ${BUDGET.cleanP95Ms}`, c.clean.p95 <= BUDGET.cleanP95Ms, "ms"),
    c.cleanupOnly.n
      ? budget("cleaning alone (analyzeCleanupOnly) median", c.cleanupOnly.median, `≤ ${BUDGET.cleanupOnlyMedianMs}`, c.cleanupOnly.median <= BUDGET.cleanupOnlyMedianMs, "ms")
      : budget("cleaning alone median (no export to isolate it)", walkFloor, `≤ ${BUDGET.cleanupOnlyMedianMs}`,
        walkFloor > BUDGET.cleanupOnlyMedianMs ? false : null, "ms",
        walkFloor > BUDGET.cleanupOnlyMedianMs ? "FAIL is certain: the value is the pure-JS DOM-read floor" : "value is only the DOM-read floor; needs analyzeCleanupOnly"),
    budget("wasm size raw", size.wasm.raw / 1000, `≤ ${BUDGET.wasmRawBytes / 1000}`, size.wasm.raw <= BUDGET.wasmRawBytes, "KB"),
    budget("wasm size brotli", size.wasm.brotli / 1000, `≤ ${BUDGET.wasmBrotliBytes / 1000}`, size.wasm.brotli <= BUDGET.wasmBrotliBytes, "KB"),
    budget("start-up: glue + wasm compile + init() on corpus pages (median)", s.startupOnPages.median, `≤ ${BUDGET.startupMs}`, s.startupOnPages.median <= BUDGET.startupMs, "ms"),
    ...(s.extension?.startUp.n
      ? [budget("start-up in the real extension (loader's measure, median)", s.extension.startUp.median, `≤ ${BUDGET.startupMs}`,
        s.extension.startUp.median <= BUDGET.startupMs, "ms")]
      : []),
  ];
  if (longtasks) {
    const worst = longtasks.reduce((m, r) => (r.worstMs > (m?.worstMs ?? -1) ? r : m), null);
    s.budgets.push(budget("long tasks during newsclean's pass ≤ 50 ms (worst page)", worst?.worstMs ?? 0, `≤ ${BUDGET.longTaskMs}`,
      !longtasks.some((r) => r.exceeds), "ms", longtasks.filter((r) => r.exceeds).map((r) => r.id).join(", ")));
    // Not a task, but the page cannot respond while it runs: the frames that render our marks and
    // sidebar, held to the same 50 ms: no blocking duration (the page's own work in them counts
    // too). The marks may be rendered before the frame at ready, after the slice that set them.
    const blocking = (r) => Math.max(r.frameBlockingAtReadyMs?.max ?? 0, r.frameBlockingInPassMs?.max ?? 0);
    const worstFrame = longtasks.reduce((m, r) => (blocking(r) > blocking(m ?? {}) ? r : m), null);
    s.budgets.push(budget("the frames rendering the pass: no task or rendering update in them over 50 ms (blocking duration, worst page)",
      worstFrame ? blocking(worstFrame) : 0, "= 0", !longtasks.some((r) => blocking(r) > 0), "ms",
      longtasks.filter((r) => blocking(r) > 0).map((r) => `${r.id} ${round(blocking(r), 0)} ms`).join(", ")));
  }
  if (feed) {
    s.budgets.push(budget(`slices of ours while a feed appends ${FEED_ITEMS} items one by one`, feed.worstMs ?? 0, `≤ ${BUDGET.longTaskMs}`,
      !feed.exceeds, "ms", feed.error ?? `${feed.marked}/${feed.labels} labels hidden`));
    if (!feed.error) {
      s.budgets.push(budget("frames after the feed's append: no task or rendering update over 50 ms (blocking duration)", feed.blockingAfterMs,
        "= 0", feed.blockingAfterMs === 0, "ms", `${round(feed.plainBlockingAfterMs, 0)} ms without the extension`));
    }
  }
  for (const b of native?.budgets ?? []) s.budgets.push(budget(`native: ${b.name}`, b.value, `≥ ${b.limit}`, b.pass, "articles/s"));

  writeFileSync(join(OUT, "pages.csv"), csv(bigRow ? [...rows, bigRow] : rows));
  const rounded = JSON.parse(JSON.stringify(s, (k, v) => (typeof v === "number" ? round(v, 4) : v)));
  writeFileSync(join(OUT, "summary.json"), JSON.stringify(rounded, null, 2) + "\n");
  printTable(s);
  console.log(`\nwrote ${join(OUT, "summary.json")} and ${join(OUT, "pages.csv")} (${s.seconds} s)`);
  const failed = s.budgets.filter((b) => b.pass === false);
  if (STRICT && failed.length) {
    console.error(`--strict: ${failed.length} budget(s) failed`);
    process.exitCode = 1;
  }
}

exitOnSignals();
await main();
