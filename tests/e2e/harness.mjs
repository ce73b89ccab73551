// Shared by the e2e tests and scripts/demo.mjs: serve www/, launch Debian's Chromium with the
// unpacked extension, and read the DOM contract (shadow root included) the way ../shared/eval does.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export { startServer, WWW } from "./server.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
// NEWSCLEAN_EXTENSION points the tests and the demo at another unpacked build (e.g. a packaged copy).
export const EXTENSION = resolve(process.env.NEWSCLEAN_EXTENSION ?? join(ROOT, "extension"));
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const FLAGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
];
// The seed article www/index.html is built from (the project's shared folder sits beside the repo).
export const SEED = resolve(process.env.NEWSCLEAN_SEED ?? join(ROOT, "..", "shared", "seed", "000_9a6e5357df07f2d3.txt"));

/** Returns what is missing for the extension to load, or null when `make build` has run. */
export function missingBuild(ext = EXTENSION) {
  const need = ["pkg/newsclean.classic.js", "pkg/newsclean_bg.wasm", "pkg-fallback/newsclean.mjs"];
  const missing = need.filter((f) => !existsSync(join(ext, f)));
  return missing.length ? `missing ${missing.map((f) => join(ext, f)).join(", ")}: run \`make build\`` : null;
}

/** True for a request the tests let through: the local server, the extension itself, inline data. */
export function isLocal(url) {
  return /^(chrome-extension:|data:|blob:|about:)/.test(url) || /^https?:\/\/127\.0\.0\.1(:\d+)?\//.test(url);
}

/**
 * A fresh Chromium profile, optionally with the unpacked extension loaded. Every request that is not
 * local is aborted and recorded in `blocked` (the machine has no network; a leak must fail, not hang).
 */
export async function launch({ extension = EXTENSION, viewport = { width: 1280, height: 900 } } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "newsclean-e2e-"));
  const args = [...FLAGS];
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args, viewport,
  });
  const blocked = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  let worker = null;
  return {
    context,
    blocked,
    /** The extension's background service worker (waits for it to start). */
    async worker() {
      if (!extension) throw new Error("no extension loaded");
      worker ??= context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://"))
        ?? (await context.waitForEvent("serviceworker", { timeout: 10_000 }));
      return worker;
    },
    async extensionId() {
      return new URL((await this.worker()).url()).host;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Stamps, in the page, when <html data-newsclean-state> first reaches "ready" or "error"
// (a CDP-injected observer: no page CSP applies to it, and it changes nothing in the DOM).
const TIMING = `new MutationObserver((_, obs) => {
  const s = document.documentElement && document.documentElement.getAttribute("data-newsclean-state");
  if (s === "ready" || s === "error") { obs.disconnect(); performance.mark("newsclean-" + s); }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-newsclean-state"] });`;

/**
 * Opens `url` in a new tab, waits for the page's load event and (by default) for newsclean to
 * finish its first pass (state "ready" or "error"). Returns `{page, errors, ms, dcl}`: `ms` is the
 * time from navigation start to that state, `dcl` to DOMContentLoaded (content scripts start after it).
 */
export async function visit(context, url, { waitForState = true, timeout = 15_000 } = {}) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.addInitScript(TIMING);
  await page.goto(url, { waitUntil: "load", timeout });
  let ms = null, dcl = null;
  if (waitForState) {
    await page.waitForFunction(
      () => ["ready", "error"].includes(document.documentElement.getAttribute("data-newsclean-state")),
      null, { timeout, polling: 20 },
    ).catch(() => {});
    [ms, dcl] = await page.evaluate(() => [
      performance.getEntriesByType("mark").find((m) => m.name.startsWith("newsclean-"))?.startTime,
      performance.getEntriesByType("navigation")[0]?.domContentLoadedEventStart,
    ].map((t) => (t == null ? null : Math.round(t))));
  }
  return { page, errors, ms, dcl };
}

// Runs in a fresh isolated world (see collect()): plain loops only, the page may poison prototypes.
// `withLabels` adds a scan of every element for "Advertisement" labels (costly on large pages).
const collectSource = (withLabels) => String.raw`(() => {
  const norm = (s) => String(s || "").replace(/\s+/g, " ").trim();
  const html = document.documentElement;
  const marked = [];
  const all = document.querySelectorAll("[data-newsclean]");
  for (let i = 0; i < all.length; i++) {
    const e = all[i];
    if (e === html) continue;
    marked[marked.length] = { kind: e.getAttribute("data-newsclean"), text: norm(e.textContent).slice(0, 300),
                              rendered: e.getClientRects().length > 0 };
  }
  const host = document.querySelector("newsclean-sidebar");
  const root = host && host.shadowRoot;
  const quotes = [];
  if (root) {
    const items = root.querySelectorAll("[data-speaker]");
    for (let i = 0; i < items.length; i++) {
      const q = items[i].querySelector("[data-quote]");
      const text = norm(q ? q.textContent : "");
      if (text) quotes[quotes.length] = { speaker: items[i].getAttribute("data-speaker"), quote: text };
    }
  }
${withLabels ? LABELS_SCAN : "  const labels = [];\n"}  return { state: html.getAttribute("data-newsclean-state"), engine: html.getAttribute("data-newsclean-engine"),
           off: html.hasAttribute("data-newsclean-off"), text: document.body ? document.body.innerText : "",
           domText: document.body ? document.body.textContent : "",
           marked, labels, quotes, sidebar: !!host, shadow: !!root,
           sidebars: document.querySelectorAll("newsclean-sidebar").length,
           sidebarRendered: !!host && host.getClientRects().length > 0 };
})()`;

const LABELS_SCAN = String.raw`  // Every element whose own whole text is the ad label, and whether it or an ancestor is marked.
  const labels = [];
  const els = document.body ? document.body.getElementsByTagName("*") : [];
  for (let i = 0; i < els.length; i++) {
    const e = els[i];
    if (norm(e.textContent) !== "Advertisement") continue;
    let inner = false;
    for (let c = e.firstElementChild; c; c = c.nextElementSibling) if (norm(c.textContent) === "Advertisement") inner = true;
    if (inner) continue; // report the innermost element carrying the label
    const m = e.closest("[data-newsclean]");
    labels[labels.length] = { id: e.id || (e.parentElement && e.parentElement.id) || "", kind: m ? m.getAttribute("data-newsclean") : null,
                              rendered: e.getClientRects().length > 0 };
  }
`;

/**
 * The extension's User Timing measures on `page` (the loader's "newsclean:start-up" and
 * "newsclean:pass", the preload's "newsclean:warm-up"), by name without the prefix:
 * `{name: {ms, detail}}`. As DevTools shows them; `make bench` reads them the same way.
 */
export async function newscleanMeasures(page) {
  return page.evaluate(() => Object.fromEntries(performance.getEntriesByType("measure")
    .filter((m) => m.name.startsWith("newsclean:"))
    .map((m) => [m.name.slice("newsclean:".length), { ms: m.duration, detail: m.detail }])));
}

/** What the e2e tests read of the DOM contract, with the label scan. */
export const COLLECT = collectSource(true);
/** The same without the label scan, for the corpus runs over large pages. */
export const COLLECT_LIGHT = collectSource(false);

/**
 * Reads the contract state in a fresh isolated world (as ../shared/eval/browser.py does), so neither
 * the page's scripts nor ours can tamper with the reading. `expression` (default COLLECT) is any
 * self-contained expression whose value is returned by value (tests/e2e/corpus.mjs passes a lighter one).
 */
export async function collect(page, expression = COLLECT) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send("Page.getFrameTree");
    const { executionContextId } = await cdp.send("Page.createIsolatedWorld", {
      frameId: frameTree.frame.id, worldName: "newsclean-e2e-collect",
    });
    const r = await cdp.send("Runtime.evaluate", { expression, contextId: executionContextId, returnByValue: true });
    if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
    return r.result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The tab id Chromium gave `page`, asked through the extension's worker and content script. */
export async function tabIdOf(browser, page) {
  const sw = await browser.worker();
  const href = page.url();
  return sw.evaluate(async (href) => {
    for (const tab of await chrome.tabs.query({})) {
      const state = await chrome.tabs.sendMessage(tab.id, { type: "newsclean:get-state" }).catch(() => null);
      if (state?.url === href) return tab.id;
    }
    return null;
  }, href);
}

/**
 * Flips the on/off switch the user would: opens the extension's popup (ui/popup.html?tab=ID) in a
 * tab, clicks the switch, and waits for the content script's answer. Returns the popup's status text.
 */
export async function switchViaPopup(browser, page, enabled) {
  const tab = await tabIdOf(browser, page);
  if (tab == null) throw new Error(`no newsclean content script answers in ${page.url()}`);
  const popup = await browser.context.newPage();
  try {
    await popup.goto(`chrome-extension://${await browser.extensionId()}/ui/popup.html?tab=${tab}`);
    await popup.waitForSelector("body[data-ready]");
    const toggle = popup.locator("#enabled");
    if ((await toggle.isChecked()) !== enabled) {
      await toggle.click();
      await popup.waitForFunction((want) => {
        const t = document.getElementById("enabled");
        return !t.disabled && t.checked === want;
      }, enabled, { timeout: 5_000 });
    }
    return await popup.locator("#status").textContent();
  } finally {
    await popup.close();
  }
}

/** The seed article as the reader should see it: non-empty lines, whitespace-normalized. */
export function normalize(s) {
  return String(s).replace(/\s+/g, " ").trim();
}

/** innerText lines, whitespace-normalized, empty ones dropped. */
export function lines(text) {
  return text.split("\n").map(normalize).filter(Boolean);
}

const seedLines = () => readFileSync(SEED, "utf8").split("\n").map(normalize).filter(Boolean);
const occurrences = (haystack, needle) => haystack.split(needle).length - 1;

/**
 * What the feed page (`www/tests/feed.html`) shows once its items are in, as an expression to
 * evaluate in the page: how many labels it appended, how many of them are marked, what else is
 * marked, its items and how many of them are still rendered.
 */
export const FEED_SUMMARY = `(() => {
  const items = [...document.querySelectorAll(".feed-item")];
  const marked = [...document.querySelectorAll("[data-newsclean]")];
  const label = (e) => e.textContent.trim() === "Advertisement";
  return {
    labels: Number(document.documentElement.dataset.feedLabels),
    marked: marked.filter((e) => e.dataset.newsclean === "ad-marker" && label(e)).length,
    otherMarks: marked.filter((e) => !label(e)).length,
    items: items.length,
    itemsShown: items.filter((e) => e.getClientRects().length > 0).length,
  };
})()`;

/** The feed's contract: every label it appended marked, nothing else, every item still rendered. */
export function assertFeedCleaned(s) {
  assert.equal(s.labels, 40, "the feed's labels");
  assert.equal(s.marked, s.labels, "every label the feed appended is marked");
  assert.equal(s.otherMarks, 0, "nothing else is marked");
  assert.equal(s.items, 2000, "the feed's items");
  assert.equal(s.itemsShown, s.items, "every item is still rendered");
}

/**
 * Asserts the DOM contract on the demo article (www/index.html) from a collect() reading: ready,
 * the five ad labels and one caption copy hidden, nothing else hidden, every other line of the
 * seed still visible, the sidebar's speakers.
 */
export function assertDemoCleaned(s) {
  const seed = seedLines();
  const caption = seed[2];
  assert.equal(s.state, "ready", "data-newsclean-state after the first pass");
  assert.equal(s.labels.length, 5, "the demo page has five Advertisement labels");
  for (const l of s.labels) {
    assert.equal(l.kind, "ad-marker", `label in #${l.id} (or its container) marked ad-marker`);
    assert.equal(l.rendered, false, `label in #${l.id} not rendered`);
  }
  assert.deepEqual(lines(s.text).filter((l) => /^advertisement$/i.test(l)), [], "no visible Advertisement line");
  const flat = normalize(s.text);
  assert.equal(occurrences(flat, caption), 1, "the photo caption is visible exactly once");
  const article = seed.filter((l) => l !== "Advertisement" && l !== caption);
  assert.deepEqual(article.filter((p) => !flat.includes(p)), [], "article paragraphs missing from innerText");

  for (const m of s.marked) {
    assert.equal(m.rendered, false, `marked ${m.kind} "${m.text.slice(0, 40)}" is not rendered`);
    const want = m.kind === "ad-marker" ? "Advertisement" : m.kind === "duplicate-caption" ? caption : null;
    assert.equal(m.text, want, `marked ${m.kind} holds only what it should (no false hide)`);
  }
  assert.ok(s.marked.some((m) => m.kind === "duplicate-caption"), "one caption copy marked duplicate-caption");

  assert.ok(s.sidebar, "<newsclean-sidebar> exists");
  assert.ok(s.shadow, "its shadow root is open");
  const speakers = s.quotes.map((q) => q.speaker);
  for (const name of ["Blinken", "Stoltenberg", "Jean-Pierre"]) {
    assert.ok(speakers.some((sp) => sp.includes(name)), `a quote by ${name} (got ${[...new Set(speakers)]})`);
  }
  assert.deepEqual(speakers.filter((sp) => /Zelensky/.test(sp)), [], "Zelensky is never quoted directly");
  for (const q of s.quotes) assert.doesNotMatch(q.quote, /^["“”„«»]|["“”„«»]$/, `quote text without its quotation marks: ${q.quote}`);
}

/** One line of the e2e summary. */
export function summaryRow(label, s, ms) {
  return `${label.padEnd(28)} ${String(s.engine).padEnd(8)} ${String(s.state).padEnd(6)} ${String(ms ?? "?").padStart(5)} ms`
    + `  hidden ${s.marked.length}  quotes ${s.quotes.length}  speakers ${[...new Set(s.quotes.map((q) => q.speaker))].join("; ")}`;
}
