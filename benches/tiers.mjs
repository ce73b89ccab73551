// How much of a fresh page's first newsclean call is V8 compiling our wasm (a diagnostic beside
// `make bench`, not part of it):
//
//   node benches/tiers.mjs [--pages N]
//
// On every 7th corpus page (N at most, default 30), in a fresh Chromium per setting: instantiate
// the package (init), then time the first analyze(document.body) on the fresh instance (cold) and
// a warm one (median of 3 after 2 more). Settings: V8's defaults (wasm compiled lazily by Liftoff,
// then tiered up to TurboFan while it runs), every function compiled by Liftoff at instantiation
// (--no-wasm-lazy-compilation), and TurboFan only, at instantiation (--no-liftoff as well). The
// differences show what lazy compilation and the baseline tier cost the call the extension makes
// once per page (its pass always runs on a fresh instance). Prints one line per setting.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM, FLAGS } from "../tests/e2e/harness.mjs";
import { median, option, pageIds, ROOT, startServer } from "./common.mjs";

const PAGES_N = Number(option("--pages", 30));
const SETTINGS = ["", "--no-wasm-lazy-compilation", "--no-liftoff --no-wasm-lazy-compilation"];

const pkg = (f) => readFileSync(`${ROOT}/extension/pkg/${f}`);
const server = await startServer({
  "/pkg/newsclean.classic.js": ["text/javascript", pkg("newsclean.classic.js")],
  "/pkg/newsclean_bg.wasm": ["application/wasm", pkg("newsclean_bg.wasm")],
});
const ids = pageIds().filter((_, i) => i % 7 === 0).slice(0, PAGES_N);

for (const jsFlags of SETTINGS) {
  const args = jsFlags ? [...FLAGS, `--js-flags=${jsFlags}`] : FLAGS;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args });
  const context = await browser.newContext({ bypassCSP: true });
  const rows = [];
  for (const id of ids) {
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/page/${id}.html`, { waitUntil: "load", timeout: 15_000 });
      rows.push(await page.evaluate(async () => {
        const now = () => performance.now();
        const glue = await (await fetch("/pkg/newsclean.classic.js")).text();
        const bytes = await (await fetch("/pkg/newsclean_bg.wasm")).arrayBuffer();
        const script = document.createElement("script");
        script.textContent = glue;
        document.documentElement.append(script);
        let t = now();
        await globalThis.newsclean.default({ module_or_path: await WebAssembly.compile(bytes) });
        const init = now() - t;
        t = now();
        globalThis.newsclean.analyze(document.body);
        const cold = now() - t;
        for (let i = 0; i < 2; i++) globalThis.newsclean.analyze(document.body);
        const warm = [];
        for (let i = 0; i < 3; i++) {
          t = now();
          globalThis.newsclean.analyze(document.body);
          warm.push(now() - t);
        }
        return { init, cold, warm: warm.sort((a, b) => a - b)[1] };
      }));
    } catch {
      // a page that navigates away or times out offline: left out
    } finally {
      await page.close();
    }
  }
  await browser.close();
  const m = (k) => median(rows.map((r) => r[k])).toFixed(2);
  console.log(`js-flags [${jsFlags || "V8 defaults"}], ${rows.length} pages: init ${m("init")} ms, ` +
    `first analyze ${m("cold")} ms, warm analyze ${m("warm")} ms (medians)`);
}
server.close();
