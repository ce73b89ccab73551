// The same unpacked extension in headless Firefox (ESR, as a temporary add-on via geckodriver):
// one manifest for both browsers. Skipped when Firefox or geckodriver is missing.
// Firefox compiles the .wasm in content scripts whatever the page's CSP, so "wasm" runs everywhere.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  assertDemoCleaned, assertFeedCleaned, COLLECT, EXTENSION, FEED_SUMMARY, missingBuild, startServer, summaryRow,
} from "./harness.mjs";
import { launchFirefox, missingFirefox } from "./firefox.mjs";

const skip = missingFirefox() ?? false;
let server, ff;
const rows = [];

before(async () => {
  if (skip) return;
  const missing = missingBuild();
  if (missing) throw new Error(missing);
  [server, ff] = await Promise.all([startServer(), launchFirefox()]);
  await ff.installAddon(EXTENSION);
});

after(async () => {
  await Promise.all([ff?.close(), server?.close()]);
  if (rows.length) console.log(`newsclean e2e summary (Firefox ${ff.version}):\n${rows.map((r) => "  " + r).join("\n")}`);
});

/** Navigates, waits for the first pass (≤ 10 s), and reads the contract as the Chromium tests do. */
async function visit(path, extraWait) {
  await ff.goto(server.url + path);
  return ff.evaluate(async (collect, extraWait) => {
    const state = () => document.documentElement.getAttribute("data-newsclean-state");
    for (let i = 0; i < 200 && !["ready", "error"].includes(state()); i++) await new Promise((r) => setTimeout(r, 50));
    const ms = Math.round(performance.now());
    if (extraWait) await new Promise((r) => setTimeout(r, extraWait));
    return { ...(0, eval)(collect), ms };
  }, COLLECT, extraWait ?? 0);
}

for (const path of ["/index.html", "/strict/index.html"]) {
  test(`Firefox: demo page ${path} cleaned by the wasm build`, { skip }, async () => {
    const s = await visit(path);
    rows.push(summaryRow(path, s, s.ms));
    assert.equal(s.state, "ready");
    assert.equal(s.engine, "wasm");
    assertDemoCleaned(s);
  });
}

test("Firefox: a label inserted 500 ms after load is hidden too", { skip }, async () => {
  const s = await visit("/tests/late-ad.html", 1500);
  const late = s.labels.find((l) => l.id === "ad-slot-late");
  assert.ok(late, "the late label is in the page");
  assert.equal(late.kind, "ad-marker");
  assert.equal(late.rendered, false);
});

test("Firefox: a page that loads slowly: the ad labels that arrive while it loads are never laid out", { skip }, async () => {
  // (served in three parts 800 ms apart; loading-probe.js reports what was laid out)
  const s = await visit("/slow/tests/loading.html");
  const probe = await ff.evaluate(() => ({
    laidOut: window.__laidOut,
    probed: window.__probed,
    rendered: ["label-1", "label-2"].map((id) => document.getElementById(id).checkVisibility()),
  }));
  assert.equal(s.state, "ready");
  assert.deepEqual([...probe.probed].sort(), ["control", "label-1", "label-2"], "the probe saw each element inserted");
  assert.deepEqual(probe.laidOut, ["control"], "only the paragraph between the labels was laid out (the probe works)");
  assert.deepEqual(probe.rendered, [false, false], "the labels stay hidden after the pass");
});

test("Firefox: a site that swaps its whole <body>: the new page is cleaned and the sidebar lists its quotes", { skip }, async () => {
  // the swap 500 ms after load, then the new body's full pass (REFRESH_DELAY_MS, a quiet page)
  const s = await visit("/tests/swap-body.html", 2500);
  assert.equal(s.state, "ready");
  const next = s.labels.find((l) => l.id === "ad-slot-next");
  assert.ok(next, "the new page's label is in the page");
  assert.equal(next.kind, "ad-marker");
  assert.equal(next.rendered, false);
  assert.deepEqual([...new Set(s.quotes.map((q) => q.speaker))].sort(), ["Henrik Dahl", "Maria Kovacs"]);
  assert.equal(s.sidebars, 1);
});

test("Firefox: an app that navigates in place: its index page leaves no quotes in the sidebar, its next article gets its own", { skip }, async () => {
  await ff.goto(server.url + "/tests/spa.html");
  // at each of the app's pages, the sidebar's speakers once they are the wanted ones (≤ 3 s each)
  const seen = await ff.evaluate(async (collect) => {
    const pause = () => new Promise((r) => setTimeout(r, 50));
    const speakers = () => {
      const root = document.querySelector("newsclean-sidebar")?.shadowRoot;
      return [...new Set([...(root?.querySelectorAll("[data-speaker]") ?? [])].map((e) => e.dataset.speaker))].sort();
    };
    const out = {};
    for (const [name, want] of [["article0", "Laura Chen,Tomas Ruiz"], ["index", ""], ["article", "Grace Mbeki,Omar Farouk"]]) {
      const at = name === "article0" ? undefined : name;
      for (let i = 0; i < 100 && document.documentElement.dataset.appPage !== at; i++) await pause();
      for (let i = 0; i < 60 && String(speakers()) !== want; i++) await pause();
      out[name] = (0, eval)(collect);
    }
    return out;
  }, COLLECT);
  const speakers = (s) => [...new Set(s.quotes.map((q) => q.speaker))].sort();
  assert.deepEqual(speakers(seen.article0), ["Laura Chen", "Tomas Ruiz"], "the first article's speakers");
  assert.deepEqual(speakers(seen.index), [], "the index page's sidebar lists none of the article it left");
  assert.deepEqual(speakers(seen.article), ["Grace Mbeki", "Omar Farouk"], "the next article's speakers");
  assert.equal(seen.article.labels.find((l) => l.id === "ad-slot-next")?.rendered, false, "the next article's label hidden");
  assert.equal(seen.article.sidebars, 1);
});

test("Firefox: a feed appending 2,000 items one by one after load: every label hidden, every item shown", { skip }, async () => {
  await ff.goto(server.url + "/tests/feed.html");
  const s = await ff.evaluate(async (summary) => {
    const root = document.documentElement;
    for (let i = 0; i < 600 && root.dataset.feedHiddenMs === undefined; i++) await new Promise((r) => setTimeout(r, 50));
    return { hiddenMs: root.dataset.feedHiddenMs, ...(0, eval)(summary) };
  }, FEED_SUMMARY);
  assert.ok(s.hiddenMs !== undefined, "every label stopped rendering within 30 s");
  assertFeedCleaned(s);
});

test("Firefox: a page read as windows-1252 (no charset declared) lists the quotes it lists read right", { skip }, async () => {
  const right = await visit("/tests/unlabeled.html");
  const misread = await visit("/unlabeled/tests/unlabeled.html");
  // the premise: Firefox misread the page's UTF-8 punctuation too (it guesses UTF-8 only for files)
  assert.match(misread.text, /â€œI can tell you/);
  assert.ok(right.quotes.length >= 3, `quotes read right: ${JSON.stringify(right.quotes)}`);
  assert.deepEqual(misread.quotes, right.quotes);
});

test("Firefox: a French page misread only in its letters and guillemets lists the quotes it lists read right", { skip }, async () => {
  const right = await visit("/tests/unlabeled-fr.html");
  const misread = await visit("/unlabeled/tests/unlabeled-fr.html");
  assert.match(misread.text, /Â« Nous sommes attachÃ©s/);
  assert.ok(right.quotes.length >= 2, `quotes read right: ${JSON.stringify(right.quotes)}`);
  assert.deepEqual(misread.quotes, right.quotes);
});

test("Firefox: the titles in a list of references or footnotes are not listed as quotes", { skip }, async () => {
  const s = await visit("/tests/references.html");
  assert.equal(s.state, "ready");
  assert.deepEqual(s.quotes, [{ speaker: "Antony Blinken", quote: "We will stand with Ukraine for as long as it takes" }]);
  assert.deepEqual(s.marked, []);
});
