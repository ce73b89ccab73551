#!/usr/bin/env node
// `make demo` (after `make build`): opens the demo article with the unpacked extension in headless
// Chromium, prints what newsclean did, saves screenshots, and says how to try it yourself.
//
// Usage: node scripts/demo.mjs          (NEWSCLEAN_EXTENSION=DIR to load another unpacked build)
import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import {
  collect, EXTENSION, launch, missingBuild, ROOT, startServer, visit,
} from "../tests/e2e/harness.mjs";

const OUT = join(ROOT, "target", "demo");
const rel = (p) => relative(process.cwd(), p) || ".";

const missing = missingBuild();
if (missing) {
  console.error(`demo: ${missing}`);
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });

const server = await startServer();
const browser = await launch({ viewport: { width: 1280, height: 900 } });
let ok = true;
try {
  const version = browser.context.browser()?.version() ?? "";
  console.log(`newsclean demo: headless Chromium ${version} with ${rel(EXTENSION)}/ loaded unpacked\n`);

  const shots = [];
  for (const [path, file, label] of [
    ["/index.html", "demo.png", "demo article"],
    ["/strict/index.html", "demo-strict-csp.png", "same page, CSP script-src 'self'; style-src 'self'"],
  ]) {
    const url = server.url + path;
    const { page, errors, ms, dcl } = await visit(browser.context, url);
    const s = await collect(page);
    await page.screenshot({ path: join(OUT, file), fullPage: true });
    shots.push(join(OUT, file));
    await page.close();

    console.log(`${label}\n  ${url}`);
    console.log(`  state ${s.state ?? "(none)"}, engine ${s.engine ?? "(none)"}, ready ${ms ?? "?"} ms after navigation start`
      + ` (DOMContentLoaded at ${dcl ?? "?"} ms; the content script starts after it)`);
    for (const e of errors) console.log(`  page error: ${e}`);
    if (path === "/index.html" || s.state !== "ready") {
      console.log(`  hidden ${s.marked.length}:`);
      for (const m of s.marked) console.log(`    ${m.kind.padEnd(18)} ${m.rendered ? "(still rendered!) " : ""}${clip(m.text, 100)}`);
      const bySpeaker = new Map();
      for (const q of s.quotes) bySpeaker.set(q.speaker, [...(bySpeaker.get(q.speaker) ?? []), q.quote]);
      console.log(`  sidebar: ${s.sidebar ? (s.shadow ? "open shadow root" : "NO open shadow root") : "missing"};`
        + ` ${s.quotes.length} quotes by ${bySpeaker.size} speakers:`);
      for (const [speaker, quotes] of bySpeaker) {
        console.log(`    ${speaker}`);
        for (const q of quotes) console.log(`      “${clip(q, 110)}”`);
      }
    } else {
      console.log(`  hidden ${s.marked.length}, ${s.quotes.length} quotes`);
    }
    console.log();
    ok &&= s.state === "ready";
  }
  console.log(`screenshots (1280×900 viewport, full page):\n${shots.map((f) => "  " + rel(f)).join("\n")}\n`);
  console.log(`Try it yourself:
  serve the pages:   node tests/e2e/server.mjs --port 8080
                     then http://127.0.0.1:8080/index.html, /strict/index.html (strict CSP), /playground.html
  Chrome/Chromium:   chrome://extensions → Developer mode (top right) → Load unpacked → select ${EXTENSION}
  Firefox 142+:      about:debugging#/runtime/this-firefox → Load Temporary Add-on… → pick ${join(EXTENSION, "manifest.json")}
  The toolbar button's popup switches newsclean off and on for the current tab.`);
} finally {
  await browser.close();
  await server.close();
}
if (!ok) {
  console.error("\ndemo: newsclean did not reach data-newsclean-state=\"ready\"");
  process.exit(1);
}

function clip(s, n) {
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}
