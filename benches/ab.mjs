// Two builds of the package compared in the same pages (a diagnostic beside `make bench`, not part
// of it):
//
//   cp -r extension/pkg target/ab/base        # the build before a change
//   (make the change; scripts/build.sh)
//   node benches/ab.mjs [--base DIR] [--pages N] [--rounds N] [--warm N] [--fn analyze|analyzeCleanupOnly]
//
// Both builds' ES-module glue (extension/pkg/newsclean.js) are imported into each corpus page, so
// one page holds two instances, A (--base, default target/ab/base) and B (extension/pkg). Their
// calls alternate A B, B A, ..., a forced layout before each: --warm rounds untimed (default 4, while
// V8 tiers the code up), then --rounds timed (default 24). Per page: the ratio B ÷ A of the median
// times and of the fastest calls.
// Printed: the median, quartiles and geometric mean of the per-page ratios over N pages (default
// 40, spread over the size range). Paired in one page and one moment, the comparison is free of
// the page-to-page and run-to-run noise that hides a 5 % change in `make bench` (its 60-page
// medians move that much between identical builds). Both instances tier up alike, call for call.
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  closePage, exitOnSignals, launchPlain, log, median, open, option, pagesAcrossSizes, pct, readTree, ROOT, serveTree,
  startServer,
} from "./common.mjs";

const BASE = option("--base", join(ROOT, "target", "ab", "base"));
const PAGES_N = Number(option("--pages", 40));
const ROUNDS = Number(option("--rounds", 24));
const FN = option("--fn", "analyze");
const WARM = Number(option("--warm", 4));
const NEW = join(ROOT, "extension", "pkg");
for (const dir of [BASE, NEW]) {
  if (!existsSync(join(dir, "newsclean.js"))) throw new Error(`no package in ${dir} (see the header comment)`);
}

/** In the page: imports both packages, alternates their calls; returns the times. */
async function measureInPage({ fn, rounds, warm }) {
  const now = () => performance.now();
  const settle = () => document.documentElement.getBoundingClientRect().height;
  const load = async (dir) => {
    const pkg = await import(`${location.origin}/${dir}/newsclean.js`);
    await pkg.default({ module_or_path: `${location.origin}/${dir}/newsclean_bg.wasm` });
    return pkg;
  };
  const pkgs = { a: await load("a"), b: await load("b") };
  const body = document.body;
  if (!body) throw new Error("the page has no body");
  const time = (which) => {
    settle();
    const t = now();
    pkgs[which][fn](body);
    return now() - t;
  };
  const out = { a: [], b: [] };
  for (let r = -warm; r < rounds; r++) {
    const order = r % 2 ? ["b", "a"] : ["a", "b"];
    for (const which of order) {
      const ms = time(which);
      if (r >= 0) out[which].push(ms);
    }
  }
  return out;
}

exitOnSignals();
const server = await startServer({ ...serveTree(readTree(BASE), "/a"), ...serveTree(readTree(NEW), "/b") });
const ids = pagesAcrossSizes(PAGES_N);
const { browser, context } = await launchPlain();
const rows = [];
for (const id of ids) {
  let page;
  try {
    page = await open(context, `${server.url}/page/${id}.html`, 15_000);
    const t = await page.evaluate(measureInPage, { fn: FN, rounds: ROUNDS, warm: WARM });
    const a = median(t.a);
    const b = median(t.b);
    rows.push({ id, a, b, ratio: b / a, minRatio: Math.min(...t.b) / Math.min(...t.a) });
  } catch (e) {
    log(`${id}: skipped (${String(e.message ?? e).split("\n")[0].slice(0, 80)})`);
  } finally {
    if (page) await closePage(page);
  }
}
await browser.close();
server.close();

const ratios = rows.map((r) => r.ratio);
const geo = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
const f = (x, d = 3) => x.toFixed(d);
console.log(`${FN}(document.body), ${rows.length} pages × ${ROUNDS} calls of each (A ${BASE}, B ${NEW})`);
console.log(`  A median ${f(median(rows.map((r) => r.a)))} ms, B median ${f(median(rows.map((r) => r.b)))} ms`);
console.log(`  B ÷ A per page: median ${f(median(ratios))}, quartiles ${f(pct(ratios, 25))}–${f(pct(ratios, 75))}, `
  + `geometric mean ${f(geo)} (below 1: B is faster)`);
const mins = rows.map((r) => r.minRatio);
console.log(`  fastest call, B ÷ A per page: median ${f(median(mins))}, quartiles ${f(pct(mins, 25))}–${f(pct(mins, 75))}`);
