// The per-page comparison of `make bench` in Firefox (a diagnostic beside it, not part of it: the
// budgets are judged in Chromium):
//
//   node benches/firefox.mjs [--pages N] [--reps N] [--wait MS]
//
// Headless Firefox ESR through geckodriver (tests/e2e/firefox.mjs), N corpus pages spread over the
// size range (default 40), the package in each page's main world as in benches/browser.mjs: one
// untimed call of each, then REPS rounds (default 3) of analyze(document.body),
// analyzeCleanupOnly(document.body) and Readability.js parse() on a clone, alternating which goes
// first, a forced layout before each. SpiderMonkey compiles a wasm module with its baseline
// compiler and then optimises all of it in the background at once; V8 optimises a function only
// after it has run for a while (benches/HISTORY.md, "Why three budgets stay out of reach"). The same code
// under the other engine's tiering shows how much of the gap to the budgets is the engine.
import { join } from "node:path";
import { launchFirefox, missingFirefox } from "../tests/e2e/firefox.mjs";
import { log, median, option, pagesAcrossSizes, pct, readTree, ROOT, serveTree, startServer } from "./common.mjs";

const PAGES_N = Number(option("--pages", 40));
const REPS = Number(option("--reps", 3));
// milliseconds to wait after instantiating, before the first call (SpiderMonkey's background
// optimisation of the module finishes meanwhile); 0: call at once, as a page's pass does
const WAIT_MS = Number(option("--wait", 0));

/** In the page: loads the package and Readability, times the contenders; returns medians. */
async function measureInPage(reps, waitMs) {
  const now = () => performance.now();
  const settle = () => document.documentElement.getBoundingClientRect().height;
  const pkg = await import(`${location.origin}/pkg/newsclean.js`);
  await pkg.default({ module_or_path: `${location.origin}/pkg/newsclean_bg.wasm` });
  const { default: Readability } = await import(`${location.origin}/lib/readability.mjs`);
  if (waitMs) await new Promise((r) => setTimeout(r, waitMs));
  const body = document.body;
  // each returns [ms] or, for Readability, [parse ms, clone ms]: the ratio is of parse() alone, as
  // in `make bench`
  const contenders = {
    analyze: () => {
      settle();
      const t = now();
      pkg.analyze(body);
      return [now() - t];
    },
    cleanupOnly: () => {
      settle();
      const t = now();
      pkg.analyzeCleanupOnly(body);
      return [now() - t];
    },
    readability: () => {
      settle();
      let t = now();
      const clone = document.cloneNode(true);
      const cloneMs = now() - t;
      t = now();
      new Readability(clone).parse();
      return [now() - t, cloneMs];
    },
  };
  const [first] = contenders.analyze();
  for (const f of Object.values(contenders)) f();
  const times = { analyze: [], cleanupOnly: [], readability: [], clone: [] };
  for (let r = 0; r < reps; r++) {
    const order = Object.keys(contenders);
    if (r % 2) order.reverse();
    for (const k of order) {
      const [ms, cloneMs] = contenders[k]();
      times[k].push(ms);
      if (cloneMs !== undefined) times.clone.push(cloneMs);
    }
  }
  const mid = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
  return { first, ...Object.fromEntries(Object.entries(times).map(([k, v]) => [k, mid(v)])) };
}

const missing = missingFirefox();
if (missing) {
  console.log(`skipped: ${missing}`);
  process.exit(0);
}
const server = await startServer(serveTree(readTree(join(ROOT, "extension", "pkg")), "/pkg"));
const firefox = await launchFirefox();
const rows = [];
for (const id of pagesAcrossSizes(PAGES_N)) {
  try {
    await firefox.goto(`${server.url}/page/${id}.html`);
    const r = await firefox.evaluate(measureInPage, REPS, WAIT_MS);
    if (r?.error) throw new Error(r.error);
    rows.push({ id, ...r, ratio: r.readability / r.analyze });
  } catch (e) {
    log(`${id}: skipped (${String(e.message ?? e).split("\n")[0].slice(0, 100)})`);
  }
}
await firefox.close();
await server.close();

const f = (x) => x.toFixed(3);
const line = (name, v) => console.log(`${name.padEnd(44)} median ${f(median(v))}  p95 ${f(pct(v, 95))}`);
console.log(`Firefox ${firefox.version}, ${rows.length} pages, ${REPS} timed rounds each (median per page), first call ${WAIT_MS} ms after instantiating; ms`);
line("analyze(body), first call on the instance", rows.map((r) => r.first));
line("analyze(body)", rows.map((r) => r.analyze));
line("analyzeCleanupOnly(body)", rows.map((r) => r.cleanupOnly));
line("Readability parse() on a clone", rows.map((r) => r.readability));
line("document.cloneNode(true)", rows.map((r) => r.clone));
line("ratio Readability ÷ analyze, per page (×)", rows.map((r) => r.ratio));
