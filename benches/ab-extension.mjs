// Two builds of the whole extension compared as a person's browser runs them (a diagnostic beside
// `make bench`, not part of it):
//
//   cp -r extension target/ab/extension-base     # the extension before a change (built)
//   (make the change; scripts/build.sh)
//   node benches/ab-extension.mjs [--base DIR] [--pages N] [--loads N]
//
// The unpacked extension A (--base, default target/ab/extension-base) and B (extension/), each in
// its own headless Chromium, both open for the whole run. Each corpus page (N spread over the size
// range, default 30) is loaded --loads times (default 4) in each, the loads alternating A B, B A,
// ..., one at a time. Read from each load: the loader's and preload's User Timing measures, as
// `make bench` reads them (its "the real extension" rows): the time in the first pass's slices and
// the warm-up's (and the two together: both are our time on the page's main thread). One load each is noisy (the page's own scripts, the other core); paired per page
// and repeated, a change in what the first pass costs shows. Printed: per-page medians of A and B,
// the median and quartiles of the per-page ratios B ÷ A, and the medians over pages.

import { join, resolve } from "node:path";
import { launch } from "../tests/e2e/harness.mjs";
import { extensionLoad, firstLine, log, median, option, pagesAcrossSizes, pct, ROOT, round, startServer } from "./common.mjs";

const BASE = resolve(option("--base", join(ROOT, "target", "ab", "extension-base")));
const PAGES_N = Number(option("--pages", 30));
const LOADS = Number(option("--loads", 4));
const TIMEOUT_MS = 15_000;

/** One load of `url` in `browser`: the first pass's time in its slices, and the warm-up's. */
async function load(browser, url) {
  const m = await extensionLoad(browser, url, TIMEOUT_MS);
  if (!m.pass || m["start-up"]?.detail?.engine !== "wasm") throw new Error("no wasm pass measured");
  return { busyMs: m.pass.detail.busyMs, warmUpMs: m["warm-up"]?.ms ?? null, warmUp: m["start-up"].detail.warmUp };
}

async function main() {
  const ids = pagesAcrossSizes(PAGES_N);
  const server = await startServer();
  const browsers = { A: await launch({ extension: BASE }), B: await launch({ extension: join(ROOT, "extension") }) };
  const rows = [];
  try {
    for (const b of Object.values(browsers)) await b.worker().catch(() => {});
    for (const [i, id] of ids.entries()) {
      const url = `${server.url}/page/${id}.html`;
      const got = { A: [], B: [] };
      try {
        for (let k = 0; k < LOADS; k++) {
          for (const which of (i + k) % 2 ? ["B", "A"] : ["A", "B"]) got[which].push(await load(browsers[which], url));
        }
      } catch (e) {
        log(`${id}: skipped (${firstLine(e)})`);
        continue;
      }
      const of = (which, key) => median(got[which].map((r) => r[key]));
      const row = { id, A: of("A", "busyMs"), B: of("B", "busyMs"), warmA: of("A", "warmUpMs"), warmB: of("B", "warmUpMs"),
        warmedUp: [...got.A, ...got.B].filter((r) => r.warmUp === "done").length };
      rows.push(row);
      log(`${id}: first pass A ${round(row.A, 2)} ms, B ${round(row.B, 2)} ms; warm-up A ${round(row.warmA, 2)}, B ${round(row.warmB, 2)} ms`);
    }
  } finally {
    for (const b of Object.values(browsers)) await b.close();
    await server.close();
  }
  const ratios = rows.map((r) => r.B / r.A);
  const med = (key) => round(median(rows.map((r) => r[key])), 2);
  console.log(`\nthe real extension's first pass, ${rows.length} pages × ${LOADS} loads of each (A ${BASE}, B extension/)`);
  console.log(`  time in its slices: A median ${med("A")} ms, B median ${med("B")} ms`);
  console.log(`  B ÷ A per page: median ${round(median(ratios))}, quartiles ${round(pct(ratios, 25))}–${round(pct(ratios, 75))} (below 1: B is faster)`);
  console.log(`  warm-up while the page loads: A median ${med("warmA")} ms, B median ${med("warmB")} ms`);
  // (what both cost the page's main thread in all; the warm-up is 0 where it did not run)
  const total = rows.map((r) => ((r.B + (r.warmB ?? 0)) / (r.A + (r.warmA ?? 0))));
  console.log(`  warm-up + first pass, B ÷ A per page: median ${round(median(total))}, quartiles ${round(pct(total, 25))}–${round(pct(total, 75))}`);
  console.log(`  loads whose warm-up ran before the pass: ${rows.reduce((s, r) => s + r.warmedUp, 0)} of ${rows.length * LOADS * 2}`);
}

await main();
