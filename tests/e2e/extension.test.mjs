// The built extension, unpacked into headless Debian Chromium, on pages served from 127.0.0.1.
// Run: node --test tests/e2e/   (after `make build`; about 15 s)
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  assertDemoCleaned, assertFeedCleaned, collect, FEED_SUMMARY, launch, missingBuild, newscleanMeasures, startServer, summaryRow,
  switchViaPopup, visit, WWW,
} from "./harness.mjs";

let server, ext, plain;
const requests = []; // every request any page of the extension's browser made, in order
const rows = [];

before(async () => {
  const missing = missingBuild();
  if (missing) throw new Error(missing);
  server = await startServer();
  [ext, plain] = await Promise.all([launch(), launch({ extension: null })]);
  ext.context.on("request", (r) => requests.push(r.url()));
});

after(async () => {
  await Promise.all([ext?.close(), plain?.close(), server?.close()]);
  if (rows.length) {
    console.log("newsclean e2e summary:");
    for (const r of rows) console.log("  " + r);
  }
});

/** Loads `path` with the extension and checks the whole contract on the demo article. */
async function checkDemo(path, engine) {
  const first = requests.length;
  const { page, errors, ms } = await visit(ext.context, server.url + path);
  const loaded = () => requests.slice(first);
  try {
    const s = await collect(page);
    rows.push(summaryRow(path, s, ms));
    assert.equal(s.state, "ready", "data-newsclean-state after the first pass");
    assert.equal(s.engine, engine, "which build ran (data-newsclean-engine)");
    assert.deepEqual(errors, [], "page errors");
    assertDemoCleaned(s);
    // the loader's User Timing entries, as DevTools and `make bench` read them from the page
    const timing = await newscleanMeasures(page);
    // (and preload.js's warm-up, when it ran before the loader)
    const warmedUp = timing["start-up"].detail.warmUp === "done";
    // (and perhaps "added": a frame of 2 ms or more of the engine hiding labels as the page loaded)
    assert.deepEqual(Object.keys(timing).filter((name) => name !== "added").sort(), ["pass", "start-up", ...(warmedUp ? ["warm-up"] : [])],
      "the loader's performance.measure entries");
    assert.equal(timing["start-up"].detail.engine, engine, "start-up measure names the engine");
    assert.ok(["done", "skipped"].includes(timing["start-up"].detail.warmUp), `warm-up ${timing["start-up"].detail.warmUp}`);
    const pass = timing.pass;
    assert.ok(pass.detail.slices >= 1 && pass.detail.busyMs > 0 && pass.detail.busyMs <= pass.ms + 0.01,
      `pass measure: time in slices within the pass (${JSON.stringify(pass)})`);
    return { ...s, timing, requests: loaded() };
  } finally {
    await page.close();
  }
}

test("demo page: cleaned by the wasm build", async () => {
  const s = await checkDemo("/index.html", "wasm");
  assert.ok(s.timing["start-up"].detail.preloadMs > 0 && s.timing["start-up"].detail.initMs > 0,
    "the engine came from preload.js (document_start)");
  assert.ok(s.requests.some((u) => u.endsWith("/pkg/newsclean_bg.wasm")), "the wasm was requested");
  assert.deepEqual(s.requests.filter((u) => u.endsWith("/pkg/newsclean.js")), [], "no glue module is fetched: the manifest injects it");
  assert.deepEqual(s.requests.filter((u) => u.includes("/pkg-fallback/")), [], "the wasm2js fallback is not loaded where wasm works");
});

test("a page still loading: the engine is instantiated and warmed up before the pass, on a document of its own", async () => {
  const s = await checkDemo("/slow/index.html", "wasm");
  const startUp = s.timing["start-up"].detail;
  assert.equal(startUp.warmUp, "done", "the warm-up ran while the page loaded, before the loader");
  assert.equal(s.timing["warm-up"].detail.state, "done");
  assert.ok(s.timing["warm-up"].ms > 0);
  // the sample it analyzed is not the page's: nothing of it reached the page or the sidebar
  const speakers = s.quotes.map((q) => q.speaker);
  assert.ok(!speakers.some((sp) => /Ann Smith|Tom Poe/.test(sp)), `speakers ${[...new Set(speakers)]}`);
  assert.ok(!s.marked.some((m) => /bridge/.test(m.text ?? "")), "nothing of the sample is marked on the page");
  assert.equal(s.sidebars, 1, "one sidebar on the page: the loader's");
});

test("strict-CSP page (script-src 'self'): falls back to wasm2js by itself", async () => {
  const s = await checkDemo("/strict/index.html", "wasm2js");
  assert.ok(s.requests.some((u) => u.includes("/pkg-fallback/")), "the fallback module was requested");
});

test("default-src 'none' page: still cleaned by wasm2js", async () => {
  await checkDemo("/none/index.html", "wasm2js");
});

test("switching off restores the page exactly, switching on hides again", async () => {
  const original = await visit(plain.context, server.url + "/index.html", { waitForState: false });
  const want = await original.page.evaluate(() => document.body.innerText);
  await original.page.close();

  const { page } = await visit(ext.context, server.url + "/index.html");
  try {
    const cleaned = await collect(page);
    assert.equal(cleaned.state, "ready");
    assert.notEqual(cleaned.text, want, "the extension changed what is shown");

    await switchViaPopup(ext, page, false);
    const off = await collect(page);
    assert.equal(off.text, want, "innerText with newsclean off equals the page without the extension");
    assert.ok(off.marked.every((m) => m.rendered), "nothing hidden while off");
    assert.equal(off.sidebarRendered, false, "sidebar hidden while off");

    await switchViaPopup(ext, page, true);
    const on = await collect(page);
    assert.equal(on.text, cleaned.text, "switching back on shows the cleaned page again");
    assert.ok(on.labels.every((l) => !l.rendered), "labels hidden again");
    assert.equal(on.sidebarRendered, cleaned.sidebarRendered, "sidebar back as it was");
  } finally {
    await page.close();
  }
});

test("a page that loads slowly: the ad labels that arrive while it loads are never laid out, not even for a frame", async () => {
  // (the wasm engine's early observer; under strict CSP the wasm2js engine starts only with the
  // loader, at document_idle)
  const page = await ext.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  try {
    await page.goto(`${server.url}/slow/tests/loading.html`, { waitUntil: "load", timeout: 15_000 });
    await page.waitForFunction(() => document.documentElement.dataset.newscleanState === "ready", null, { timeout: 10_000, polling: 50 });
    const probe = await page.evaluate(() => ({
      laidOut: window.__laidOut,
      probed: window.__probed,
      rendered: ["label-1", "label-2"].map((id) => document.getElementById(id).checkVisibility()),
    }));
    const s = await collect(page);
    assert.deepEqual(probe.probed.sort(), ["control", "label-1", "label-2"], "the probe saw each element inserted");
    assert.deepEqual(probe.laidOut, ["control"], "only the paragraph between the labels was laid out (the probe works)");
    assert.deepEqual(probe.rendered, [false, false], "the labels stay hidden after the pass");
    assert.deepEqual([...new Set(s.quotes.map((q) => q.speaker))].sort(), ["Ingrid Holm", "Paul Brandt"]);
    assert.deepEqual(errors, [], "page errors");
  } finally {
    await page.close();
  }
});

test("a long page that loads slowly: labels deep in a section too long for one crossing and in a list still open are hidden before the first pass", async () => {
  // The early watcher follows the parser a slice at a time, handing the children of a subtree too
  // big for one crossing (100 elements) and the finished children of an element still open; every
  // label of the page must be marked before the loader's pass starts (800 ms or more after the
  // labels arrived).
  const root = mkdtempSync(join(tmpdir(), "newsclean-long-"));
  copyFileSync(join(WWW, "tests", "loading-probe.js"), join(root, "loading-probe.js"));
  writeFileSync(join(root, "long.html"), longLoadingPage());
  const long = await startServer({ root });
  const page = await ext.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  try {
    await page.goto(`${long.url}/slow/long.html`, { waitUntil: "load", timeout: 15_000 });
    await page.waitForFunction(() => document.documentElement.dataset.newscleanState === "ready", null, { timeout: 15_000, polling: 50 });
    const probe = await page.evaluate(() => ({
      laidOut: window.__laidOut,
      probed: window.__probed,
      markedAt: window.__markedAt,
      insertedAt: window.__insertedAt,
      passStart: performance.getEntriesByName("newsclean:pass")[0]?.startTime,
      rendered: ["label-top", "label-deep", "label-open"].map((id) => document.getElementById(id).checkVisibility()),
    }));
    assert.deepEqual(probe.probed.sort(), ["control", "label-deep", "label-open", "label-top", "last-part"], "the probe saw each element inserted");
    assert.ok(probe.laidOut.includes("control"), "the paragraph before the labels was laid out (the probe works)");
    assert.ok(!probe.laidOut.includes("label-top"), "the first label of the long section was never laid out");
    assert.ok(probe.passStart > 0, "the loader's pass measure");
    for (const id of ["label-top", "label-deep", "label-open"]) {
      assert.ok(probe.markedAt[id] < probe.passStart, `${id} marked before the first pass (${probe.markedAt[id]} < ${probe.passStart})`);
    }
    assert.ok(probe.markedAt["label-open"] < probe.insertedAt["last-part"], "the list's label marked while the list was still open");
    assert.deepEqual(probe.rendered, [false, false, false], "the labels stay hidden after the pass");
    assert.deepEqual(errors, [], "page errors");
  } finally {
    await page.close();
    await long.close();
    rmSync(root, { recursive: true, force: true });
  }
});

/** A live page in four parts (see /slow/): a section of 110 paragraphs (more elements than one
 * crossing takes), then a list whose first 20 entries arrive 800 ms before its last ones; ad
 * labels near the section's start and end (both within the first crossing of that frame: what a
 * frame's slice does not reach is left to the first pass by design) and in the list's first part. */
function longLoadingPage() {
  const reading = (i) => `gauge ${(i % 7) + 1} read ${(4 + (i % 23) / 10).toFixed(1)} metres at ${8 + Math.floor(i / 60)}:${String(i % 60).padStart(2, "0")}`;
  const label = (id) => `<div class="ad-slot ad-in-article"><div class="ad-label" id="${id}" data-probe="label">Advertisement</div></div>`;
  const section = Array.from({ length: 110 }, (_, i) =>
    (i === 3 ? label("label-top") : i === 85 ? label("label-deep") : "") + `<p>The river ${reading(i)}, the authority said.</p>`);
  const entries = (from, to) => Array.from({ length: to - from }, (_, k) => {
    const i = from + k;
    return i === 10 ? `<li class="ad-slot">${label("label-open")}</li>` : `<li>Update: ${reading(i)}.</li>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Live: the river peaks - newsclean test page</title>
<script src="loading-probe.js"></script></head>
<body><main><article class="story"><h1>Live: the river peaks</h1><div class="article-body">
<p id="control" data-probe="control">The river crested at more than six metres on Sunday night, and the readings below come in as the gauges report them.</p>
<!-- pause -->
<section class="readings">${section.join("\n")}</section>
<!-- pause -->
<ol class="updates">${entries(0, 20).join("\n")}
<!-- pause -->
<li id="last-part" data-probe="control">Update: the last readings arrive.</li>
${entries(20, 30).join("\n")}</ol>
<p>The river is expected to fall below its warning level by Wednesday.</p>
</div></article></main></body></html>
`;
}

for (const prefix of ["", "/strict"]) {
  test(`a label inserted 500 ms after load is hidden too (${prefix || "no CSP"})`, async () => {
    const { page } = await visit(ext.context, `${server.url}${prefix}/tests/late-ad.html`);
    try {
      assert.equal((await collect(page)).state, "ready");
      await page.waitForSelector("html[data-late-ad=inserted]", { timeout: 5_000 });
      await page.waitForFunction(() => {
        const label = document.querySelector("#ad-slot-late .ad-label");
        return label && label.getClientRects().length === 0;
      }, null, { timeout: 3_000, polling: 50 }).catch(() => {});
      const s = await collect(page);
      const late = s.labels.find((l) => l.id === "ad-slot-late");
      assert.ok(late, "the late label is in the page");
      assert.equal(late.kind, "ad-marker", "the late label is marked");
      assert.equal(late.rendered, false, "the late label is not rendered");
      assert.ok(s.labels.every((l) => !l.rendered), "the early label stays hidden");
    } finally {
      await page.close();
    }
  });
}

for (const prefix of ["", "/strict"]) {
  test(`a site that swaps its whole <body> (Turbo Drive): the new page is cleaned and the sidebar lists its quotes, not the last page's (${prefix || "no CSP"})`, async () => {
    const { page, errors } = await visit(ext.context, `${server.url}${prefix}/tests/swap-body.html`);
    try {
      const before = await collect(page);
      assert.equal(before.state, "ready");
      assert.deepEqual([...new Set(before.quotes.map((q) => q.speaker))].sort(), ["Ann Whitaker", "Peter Lund"],
        "the first page's speakers");
      await page.waitForSelector("html[data-swapped=body]", { timeout: 5_000 });
      // the new body's full pass waits for the page to stop adding (REFRESH_DELAY_MS and after)
      await page.waitForFunction(() => {
        const root = document.querySelector("newsclean-sidebar")?.shadowRoot;
        return [...(root?.querySelectorAll("[data-speaker]") ?? [])].some((e) => e.dataset.speaker === "Maria Kovacs");
      }, null, { timeout: 5_000, polling: 50 }).catch(() => {});
      const after = await collect(page);
      const next = after.labels.find((l) => l.id === "ad-slot-next");
      assert.ok(next, "the new page's label is in the page");
      assert.equal(next.kind, "ad-marker", "the new page's label is marked");
      assert.equal(next.rendered, false, "the new page's label is not rendered");
      assert.deepEqual([...new Set(after.quotes.map((q) => q.speaker))].sort(), ["Henrik Dahl", "Maria Kovacs"],
        "the sidebar lists the new page's speakers only");
      for (const q of after.quotes) assert.ok(after.domText.includes(q.quote), `quote in the new page: ${q.quote}`);
      assert.equal(after.sidebars, 1, "one sidebar");
      assert.equal(after.state, "ready");
      assert.deepEqual(errors, [], "page errors");
    } finally {
      await page.close();
    }
  });
}

for (const prefix of ["", "/strict"]) {
  test(`an app that navigates in place (pushState): its index page leaves no quotes in the sidebar, its next article gets its own (${prefix || "no CSP"})`, async () => {
    const { page, errors } = await visit(ext.context, `${server.url}${prefix}/tests/spa.html`);
    // the sidebar's speakers, once they are `want` (or the time is up)
    const speakersOnceThey = async (want) => {
      await page.waitForFunction((want) => {
        const root = document.querySelector("newsclean-sidebar")?.shadowRoot;
        const speakers = [...new Set([...(root?.querySelectorAll("[data-speaker]") ?? [])].map((e) => e.dataset.speaker))];
        return JSON.stringify(speakers.sort()) === JSON.stringify(want);
      }, want, { timeout: 3_000, polling: 50 }).catch(() => {});
      const s = await collect(page);
      return { s, speakers: [...new Set(s.quotes.map((q) => q.speaker))].sort() };
    };
    try {
      const article = await speakersOnceThey(["Laura Chen", "Tomas Ruiz"]);
      assert.equal(article.s.state, "ready");
      assert.deepEqual(article.speakers, ["Laura Chen", "Tomas Ruiz"], "the first article's speakers");

      await page.waitForSelector("html[data-app-page=index]", { timeout: 5_000 });
      const index = await speakersOnceThey([]);
      assert.deepEqual(index.speakers, [], "the index page's sidebar lists none of the article it left");
      assert.equal(index.s.sidebars, 1, "one sidebar");

      await page.waitForSelector("html[data-app-page=article]", { timeout: 5_000 });
      const next = await speakersOnceThey(["Grace Mbeki", "Omar Farouk"]);
      assert.deepEqual(next.speakers, ["Grace Mbeki", "Omar Farouk"], "the next article's speakers");
      for (const q of next.s.quotes) assert.ok(next.s.domText.includes(q.quote), `quote in the page: ${q.quote}`);
      const label = next.s.labels.find((l) => l.id === "ad-slot-next");
      assert.ok(label, "the next article's label is in the page");
      assert.equal(label.rendered, false, "the next article's label is not rendered");
      assert.equal(next.s.sidebars, 1, "one sidebar");
      assert.deepEqual(errors, [], "page errors");
    } finally {
      await page.close();
    }
  });
}

for (const prefix of ["", "/strict"]) {
  test(`a feed appending 2,000 items one by one after load: every label hidden, every item shown (${prefix || "no CSP"})`, async () => {
    const { page, errors } = await visit(ext.context, `${server.url}${prefix}/tests/feed.html`);
    try {
      await page.waitForSelector("html[data-feed-hidden-ms]", { timeout: 30_000 });
      assertFeedCleaned(await page.evaluate(FEED_SUMMARY));
      assert.deepEqual(errors, [], "page errors");
    } finally {
      await page.close();
    }
  });
}

test("no request left 127.0.0.1 (route gate)", () => {
  assert.ok(requests.length > 0, "requests were observed");
  assert.deepEqual(ext.blocked, [], "requests the gate aborted in the extension's browser");
  assert.deepEqual(plain.blocked, [], "requests the gate aborted in the plain browser");
});
