// Shared by benches/browser.mjs and benches/profile.mjs: paths, statistics, the 127.0.0.1 server,
// and opening pages in Chromium behind the route gate.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM, FLAGS, isLocal, newscleanMeasures, ROOT } from "../tests/e2e/harness.mjs";

export { ROOT };
// The project's shared folder sits beside the repo (NEWSCLEAN_SHARED points elsewhere).
export const SHARED = resolve(process.env.NEWSCLEAN_SHARED ?? join(ROOT, "..", "shared"));
export const PAGES = join(SHARED, "corpus", "pages");
export const OUT = join(ROOT, "target", "bench");
export const READABILITY = join(ROOT, "node_modules", "@mozilla", "readability", "Readability.js");

export const log = (...a) => console.error("[bench]", ...a);

/** Every corpus page id, sorted. */
export function pageIds() {
  return readdirSync(PAGES).filter((f) => f.endsWith(".html.gz")).map((f) => f.slice(0, -".html.gz".length)).sort();
}

/** A corpus page's HTML bytes. */
export const pageBytes = (id) => gunzipSync(readFileSync(join(PAGES, `${id}.html.gz`)));

/** `n` corpus page ids spread over the size range: every k-th page by HTML size. */
export function pagesAcrossSizes(n) {
  const all = pageIds().map((id) => [id, pageBytes(id).length]).sort((a, b) => a[1] - b[1]);
  const step = Math.max(1, Math.floor(all.length / n));
  return all.filter((_, i) => i % step === 0).slice(0, n).map(([id]) => id);
}

/** The command line's value after `name` (a string), or `dflt` when `name` is not there. */
export function option(name, dflt) {
  const i = process.argv.indexOf(name, 2);
  return i >= 0 ? process.argv[i + 1] : dflt;
}

// ── statistics ───────────────────────────────────────────────────────────────────────────────────

export const finite = (v) => v.filter((x) => typeof x === "number" && Number.isFinite(x));
const sorted = (v) => finite(v).sort((a, b) => a - b);
export function median(v) {
  const s = sorted(v);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** Nearest-rank percentile. */
export function pct(v, p) {
  const s = sorted(v);
  return s.length ? s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1] : null;
}
export const max = (v) => (finite(v).length ? Math.max(...finite(v)) : null);
export const stats = (v) => ({ n: finite(v).length, median: median(v), p95: pct(v, 95), max: max(v) });
export const round = (x, d = 3) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

// ── the server ───────────────────────────────────────────────────────────────────────────────────

const BLANK = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body><p>blank</p></body></html>';
const JS = "text/javascript; charset=utf-8";

/**
 * Serves on 127.0.0.1: `/page/<id>.html` (corpus page, gunzipped, UTF-8), `/blank.html`,
 * `/lib/readability.mjs` (Readability.js as an ES module), and `files` (`{"/path": [type, bytes]}`,
 * e.g. the package). Resolves to `{url, close()}`.
 */
export function startServer(files = {}) {
  const readability = Buffer.from(`${readFileSync(READABILITY, "utf8")}\nexport default Readability;\n`);
  const statics = new Map([
    ["/blank.html", ["text/html; charset=utf-8", Buffer.from(BLANK)]],
    ["/lib/readability.mjs", [JS, readability]],
    ...Object.entries(files),
  ]);
  const server = createServer((req, res) => {
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs. The saved
    // pages load nothing from elsewhere (the route gate aborts it anyway), so it changes nothing else.
    const headers = {
      "Cache-Control": "no-store",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
      "Cross-Origin-Resource-Policy": "same-origin",
    };
    const path = new URL(req.url, "http://x").pathname;
    let hit = statics.get(path);
    const m = /^\/page\/([A-Za-z0-9][A-Za-z0-9._-]*)\.html$/.exec(path);
    if (!hit && m && existsSync(join(PAGES, `${m[1]}.html.gz`))) hit = ["text/html; charset=utf-8", pageBytes(m[1])];
    if (!hit) {
      res.writeHead(404, { ...headers, "Content-Type": "text/plain" });
      return res.end("not found\n");
    }
    res.writeHead(200, { ...headers, "Content-Type": hit[0] });
    res.end(req.method === "HEAD" ? undefined : hit[1]);
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => {
    const url = `http://127.0.0.1:${server.address().port}`;
    done({ url, close: () => new Promise((c) => { server.closeAllConnections?.(); server.close(() => c()); }) });
  }));
}

/** Every file under `dir`, as `{"relative/path": bytes}` (sorted). */
export function readTree(dir, base = dir) {
  const out = {};
  for (const name of readdirSync(dir).sort()) {
    const f = join(dir, name);
    if (statSync(f).isDirectory()) Object.assign(out, readTree(f, base));
    else out[f.slice(base.length + 1)] = readFileSync(f);
  }
  return out;
}

const TYPES = { js: JS, mjs: JS, wasm: "application/wasm", css: "text/css; charset=utf-8", json: "application/json" };

/** `tree` (from readTree) served under `prefix`: `{"/prefix/relative/path": [type, bytes]}`. */
export function serveTree(tree, prefix) {
  return Object.fromEntries(Object.entries(tree).map(([rel, bytes]) => [
    `${prefix}/${rel}`, [TYPES[rel.split(".").pop()] ?? "application/octet-stream", bytes],
  ]));
}

// ── Chromium ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Debian's Chromium, headless, no extension; one context that may run our code on any page
 * (bypassCSP) and aborts every request that is not local.
 */
export async function launchPlain() {
  // BENCH_JS_FLAGS: V8 flags for a diagnostic run (e.g. "--no-liftoff --no-wasm-lazy-compilation":
  // what the same code costs in V8's optimising tier); never set by `make bench`.
  const jsFlags = process.env.BENCH_JS_FLAGS ? [`--js-flags=${process.env.BENCH_JS_FLAGS}`] : [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...FLAGS, ...jsFlags] });
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  await context.route("**/*", (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));
  return { browser, context };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `p`, or a rejection after `ms` (the timer does not keep node alive). */
export function withTimeout(p, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export const firstLine = (e) => String(e?.message ?? e).split("\n")[0].slice(0, 200);

export async function closePage(page) {
  await withTimeout(page.close({ runBeforeUnload: false }), 10_000, "close").catch(() => {});
}

/** Opens `url` in a new tab and waits for load; returns the page, or throws with a skip reason. */
export async function open(context, url, timeout) {
  const page = await context.newPage();
  page.on("dialog", (d) => d.dismiss().catch(() => {}));
  try {
    await page.goto(url, { waitUntil: "load", timeout });
  } catch (e) {
    await closePage(page);
    throw new Error(`load: ${firstLine(e)}`);
  }
  if (page.url().split("#")[0] !== url) {
    await closePage(page);
    throw new Error(`navigated away to ${page.url().slice(0, 80)}`);
  }
  return page;
}

/**
 * One load of `url` in `browser` (the real extension, `launch()` of tests/e2e/harness.mjs): waits
 * until the pass is done (`data-newsclean-state` ready or error) and returns the page's newsclean
 * User Timing measures (`newscleanMeasures`); the tab is closed and the route gate's record of
 * blocked requests cleared.
 */
export async function extensionLoad(browser, url, timeout) {
  const page = await open(browser.context, url, timeout);
  try {
    await page.waitForFunction(() => /^(ready|error)$/.test(document.documentElement.dataset.newscleanState ?? ""),
      null, { timeout, polling: 50 });
    return await newscleanMeasures(page);
  } finally {
    await closePage(page);
    browser.blocked.length = 0;
  }
}

/**
 * Evaluates `inPage` (with `arg`) in every `every`-th corpus page served by `server`, one tab at a
 * time; returns `{ id, ...result }` rows. Pages that navigate away, time out offline or throw are
 * left out (the last with a line on stderr).
 */
export async function onEveryKthPage(context, server, every, inPage, arg) {
  const rows = [];
  for (const id of pageIds().filter((_, i) => i % every === 0)) {
    let page;
    try {
      page = await open(context, `${server.url}/page/${id}.html`, 15_000);
    } catch {
      continue; // navigated away or timed out offline: left out
    }
    try {
      rows.push({ id, ...(await page.evaluate(inPage, arg)) });
    } catch (e) {
      console.error(id, firstLine(e));
    }
    await closePage(page);
  }
  return rows;
}

/** Exit (closing the browsers Playwright started) on Ctrl-C or kill, instead of carrying on without them. */
export function exitOnSignals() {
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => process.exit(130));
}
