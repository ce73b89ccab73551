// Corpus measurement in the browser, shared by tests/e2e/corpus.test.mjs and scripts/corpus.mjs
// (not a test file). A node port of ../shared/eval (browser.py, score.py, pages.py, run.py): each
// saved page is loaded once in a plain Chromium and once with the unpacked extension, and what a
// reader sees (`document.body.innerText`) is compared, with the DOM contract read in an isolated world.
//
// NOTE: the scoring functions below mirror score.py line for line (whitespace as Python's str.split()
// sees it, NFKC, quote-mark folding, `[\w']+` tokens); keep them in step with it, it is the yardstick.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join, resolve } from "node:path";
import { gunzip } from "node:zlib";
import { promisify } from "node:util";
import { collect, COLLECT_LIGHT, launch, missingBuild, ROOT, startServer } from "./harness.mjs";

const gunzipAsync = promisify(gunzip);

// The project's shared folder sits beside the repo (NEWSCLEAN_SHARED points elsewhere).
export const SHARED = resolve(process.env.NEWSCLEAN_SHARED ?? join(ROOT, "..", "shared"));
export const CORPUS = join(SHARED, "corpus");
export const PAGES = join(CORPUS, "pages");
export const TRUTH = join(CORPUS, "truth");
export const GOLD = join(CORPUS, "gold");
/** How long a page gets to load and to reach `data-newsclean-state="ready"` (as browser.py). */
export const TIMEOUT_MS = 15_000;

/** Returns what is missing to measure the corpus (build or shared data), or null. */
export function missingInputs() {
  if (!existsSync(PAGES) || !existsSync(TRUTH) || !existsSync(GOLD)) {
    return `missing the shared corpus at ${CORPUS} (set NEWSCLEAN_SHARED to the shared folder)`;
  }
  return missingBuild();
}

// ── the corpus on disk (pages.py) ────────────────────────────────────────────────────────────────

/** Every page id in corpus/pages, sorted. */
export function pageIds() {
  return readdirSync(PAGES).filter((f) => f.endsWith(".html.gz")).map((f) => f.slice(0, -".html.gz".length)).sort();
}

/** The gold annotations of the dev set (corpus/gold/*.json, sorted, the seed excluded as run.py does). */
export function golds() {
  return readdirSync(GOLD).filter((f) => f.endsWith(".json")).sort()
    .map((f) => JSON.parse(readFileSync(join(GOLD, f), "utf8")))
    .filter((g) => g.id.split("-")[0] !== "seed");
}

/** The seed article's gold annotation (its page is www/index.html). */
export function seedGold() {
  const f = readdirSync(GOLD).find((n) => n.startsWith("seed-") && n.endsWith(".json"));
  return f ? JSON.parse(readFileSync(join(GOLD, f), "utf8")) : null;
}

/** The article's paragraphs, one per non-blank line of truth/<id>.txt (Python's universal newlines). */
export function truthParagraphs(id) {
  const text = readFileSync(join(TRUTH, `${id}.txt`), "utf8");
  return text.replace(/\r\n?/g, "\n").split("\n").filter((l) => pyStrip(l) !== "");
}

// ── a deterministic rotation ─────────────────────────────────────────────────────────────────────

/** The rotation seed: NEWSCLEAN_CORPUS_SEED, else today's UTC date (so the sample changes daily). */
export function rotationSeed() {
  return process.env.NEWSCLEAN_CORPUS_SEED || new Date().toISOString().slice(0, 10);
}

/** `n` ids from `ids`, shuffled by a PRNG seeded with the string `seed` (same seed, same sample). */
export function rotation(ids, n, seed) {
  let h = 2166136261; // FNV-1a, then mulberry32
  for (const c of String(seed)) h = Math.imul(h ^ c.codePointAt(0), 16777619) >>> 0;
  const next = () => {
    h = (h + 0x6d2b79f5) >>> 0;
    let t = h;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...ids].sort();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out.slice(0, n);
}

// ── serving and visiting (browser.py) ────────────────────────────────────────────────────────────

// The charset the pages are sent with. They are UTF-8 (pages.py decodes them so), but
// ../shared/eval serves them as bare `text/html`, so Chromium reads the pages without a <meta>
// charset as windows-1252 (curly quotes become "â€œ", and quotes and paragraphs with them go unseen).
// NEWSCLEAN_CORPUS_CHARSET=none reproduces that, to compare figures with run.py exactly.
const CHARSET = process.env.NEWSCLEAN_CORPUS_CHARSET ?? "utf-8";

/**
 * Serves corpus pages on 127.0.0.1: `/page/<id>.html` is pages/<id>.html.gz gunzipped, sent as UTF-8
 * (see CHARSET). Everything else is 404: the saved pages carry none of their own subresources.
 * Resolves to `{url, pageUrl(id), close()}`.
 */
export function startCorpusServer({ pages = PAGES, port = 0, charset = CHARSET } = {}) {
  const type = charset && charset !== "none" ? `text/html; charset=${charset}` : "text/html";
  const server = createServer(async (req, res) => {
    const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
    const m = /^\/page\/([A-Za-z0-9][A-Za-z0-9._-]*)\.html$/.exec(new URL(req.url, "http://x").pathname);
    const file = m && join(pages, `${m[1]}.html.gz`);
    try {
      if (!file) throw new Error("not a page");
      const body = await gunzipAsync(readFileSync(file));
      res.writeHead(200, { ...headers, "Content-Type": type });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" });
      res.end("not found\n");
    }
  });
  return new Promise((done, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}`;
      done({
        url,
        pageUrl: (id) => `${url}/page/${id}.html`,
        close: () => new Promise((closed) => { server.closeAllConnections?.(); server.close(() => closed()); }),
      });
    });
  });
}

// An error's message plus, for an AggregateError (the loader's "neither wasm nor wasm2js could
// start"), the errors it aggregates.
const DESCRIBE = `function () {
  const e = this, causes = e && e.errors;
  return String(e && e.stack || e) + (causes && causes.length ? " | caused by: " + Array.from(causes, String).join(" | ") : "");
}`;

/**
 * Records exceptions and console errors raised in the extension's own worlds in `page` (its content
 * script runs in an isolated world, which Playwright's `pageerror` does not see). Returns a function
 * that resolves once the records still being read are in.
 */
async function watchExtension(page, out) {
  const cdp = await page.context().newCDPSession(page);
  const ours = new Set();
  const pending = [];
  const describe = (a) => (a.subtype === "error" && a.objectId
    ? cdp.send("Runtime.callFunctionOn", { objectId: a.objectId, functionDeclaration: DESCRIBE, returnByValue: true })
      .then((r) => r.result.value, () => a.description)
    : Promise.resolve(a.value ?? a.description ?? ""));
  cdp.on("Runtime.executionContextCreated", ({ context }) => {
    if (String(context.origin).startsWith("chrome-extension://")) ours.add(context.id);
  });
  cdp.on("Runtime.exceptionThrown", ({ exceptionDetails: d }) => {
    if (ours.has(d.executionContextId)) out.push(`${d.text} ${d.exception?.description ?? ""}`.trim().slice(0, 500));
  });
  cdp.on("Runtime.consoleAPICalled", ({ type, args, executionContextId }) => {
    if (type === "error" && ours.has(executionContextId)) {
      pending.push(Promise.all(args.map(describe)).then((parts) => { out.push(parts.join(" ").slice(0, 1000)); }));
    }
  });
  await cdp.send("Runtime.enable");
  return () => Promise.all(pending);
}

/**
 * Opens `url` in a new tab of `context`, waits for its load event and, with `waitReady`, for
 * `data-newsclean-state` "ready" (or "error", or the page navigating away), then reads it as
 * browser.py's visit() does. Returns `{state, engine, text, marked, quotes, sidebar, shadow, errors,
 * extErrors, left}`: `left` when the page's own script navigated away from `url`.
 */
export async function visitPage(context, url, { waitReady = true, timeout = TIMEOUT_MS } = {}) {
  const page = await context.newPage();
  const errors = [];
  const extErrors = [];
  const away = () => page.url().split("#")[0] !== url;
  page.on("pageerror", (e) => errors.push(String(e?.message ?? e)));
  try {
    const settled = waitReady ? await watchExtension(page, extErrors) : async () => {};
    try {
      await page.goto(url, { waitUntil: "load", timeout });
    } catch (e) { // a page whose load event never fires still gets measured
      errors.push(`goto: ${String(e?.message ?? e).split("\n")[0]}`);
    }
    if (waitReady && !away()) {
      const main = page.mainFrame();
      await Promise.race([
        page.waitForFunction(
          () => ["ready", "error"].includes(document.documentElement.getAttribute("data-newsclean-state")),
          null, { timeout, polling: 50 },
        ),
        page.waitForEvent("framenavigated", { predicate: (f) => f === main && away(), timeout }),
      ]).catch(() => {});
    }
    let out;
    try {
      out = await collect(page, COLLECT_LIGHT);
    } catch (e) { // the page navigated (or crashed) under the reading
      out = { state: null, engine: null, text: "", marked: [], quotes: [], sidebar: false, shadow: false };
      errors.push(`collect: ${String(e?.message ?? e).split("\n")[0]}`);
    }
    await settled();
    return { ...out, errors, extErrors, left: away() };
  } finally {
    await page.close().catch(() => {});
  }
}

// The text of a saved page as the gold annotators saw it (SCHEMA.md: "an element with `hidden`,
// `aria-hidden="true"` or inline `display:none` is not visible"; no scripts, styles, <head>): the
// HTML parsed by DOMParser, where no page script runs. Text nodes are joined as textContent joins
// them, so any element's text is a substring of it.
const STATIC_TEXT = `(html) => {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const skip = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD"]);
  const hidden = (e) => e.hasAttribute("hidden") || e.getAttribute("aria-hidden") === "true"
    || /display\\s*:\\s*none/i.test(e.getAttribute("style") || "");
  const parts = [];
  const walk = (node) => {
    for (const c of node.childNodes) {
      if (c.nodeType === 3) parts.push(c.data);
      else if (c.nodeType === 1 && !skip.has(c.tagName) && !hidden(c)) walk(c);
    }
  };
  walk(doc.body || doc.documentElement);
  return parts.join("");
}`;

/** The saved page's HTML as the corpus server sends it (UTF-8). */
async function savedHtml(id) {
  return (await gunzipAsync(readFileSync(join(PAGES, `${id}.html.gz`)))).toString("utf8");
}

/**
 * One plain Chromium and one with the extension, plus the corpus server and the www/ server (for the
 * seed). `measure(id)` visits a corpus page in both (once per id: results are cached) and returns
 * `{id, before, after, secs}`; `measureSeed()` does the same for www/index.html.
 */
export async function openCorpus() {
  const [server, www, plain, ext] = await Promise.all([
    startCorpusServer(), startServer(), launch({ extension: null }), launch(),
  ]);
  const cache = new Map();
  const parser = await plain.context.newPage();
  // Only the gold report judges false hides, so only its pages need the saved page's own view.
  const goldIds = new Set(golds().map((g) => g.id));
  const measureUrl = async (id, url, html) => {
    const t0 = performance.now();
    const before = await visitPage(plain.context, url, { waitReady: false });
    const after = await visitPage(ext.context, url);
    if (html) before.staticText = await parser.evaluate(`(${STATIC_TEXT})(${JSON.stringify(await html())})`);
    plain.blocked.length = 0; // the gate's log of aborted requests: thousands over the corpus, not needed
    ext.blocked.length = 0;
    return { id, url, before, after, secs: (performance.now() - t0) / 1000 };
  };
  const memo = (id, url, html) => {
    if (!cache.has(id)) cache.set(id, measureUrl(id, url, html));
    return cache.get(id);
  };
  return {
    measure: (id) => memo(id, server.pageUrl(id), goldIds.has(id) ? () => savedHtml(id) : null),
    measureSeed: () => memo("seed", `${www.url}/index.html`, async () => readFileSync(join(ROOT, "www", "index.html"), "utf8")),
    async close() {
      await Promise.all([plain.close(), ext.close(), server.close(), www.close()]);
    },
  };
}

// ── scoring (score.py) ───────────────────────────────────────────────────────────────────────────

// Python's str.isspace() set, which str.split() and `\s` in a str pattern use (JS `\s` differs: it has
// U+FEFF and lacks U+001C–U+001F and U+0085).
const PY_WS = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const WS_RUN = new RegExp(`[${PY_WS}]+`, "gu");
const WS_EDGE = new RegExp(`^[${PY_WS}]+|[${PY_WS}]+$`, "gu");
const pyStrip = (s) => s.replace(WS_EDGE, "");
const pyLen = (s) => [...s].length; // Python counts code points

/** score.norm_text: NFKC, curly/angle quotes folded to ASCII, whitespace collapsed. */
export function normText(s) {
  s = String(s ?? "").normalize("NFKC").replace(/[“”„«»]/g, '"').replace(/[‘’‚‹›]/g, "'");
  return pyStrip(s.replace(WS_RUN, " "));
}

/** score.tokens: lower-cased `[\w']+` runs (Python's Unicode \w: letters, digits, numerics, `_`). */
export function tokens(s) {
  return normText(s).toLowerCase().match(/[\p{L}\p{N}_']+/gu) ?? [];
}

/** score.lines: the non-empty normalized lines of innerText. */
export function lines(text) {
  return String(text ?? "").split("\n").map(normText).filter(Boolean);
}

export function countLines(text, label) {
  const l = normText(label);
  return lines(text).filter((x) => x === l).length;
}

/** Non-overlapping occurrences, as Python's str.count. */
export function countSub(text, needle) {
  const n = normText(needle);
  return n ? normText(text).split(n).length - 1 : pyLen(normText(text)) + 1;
}

/** Standalone ad-label lines visible before and after cleanup. */
export function markers(gold, before, after) {
  let b = 0, a = 0;
  for (const m of gold.ad_markers ?? []) {
    b += countLines(before.text, m.text);
    a += countLines(after.text, m.text);
  }
  return { before: b, after: a, removed: b - a };
}

/**
 * Each duplicated caption must be visible `expect_after` (1) times afterwards, its variants too. A
 * caption the page itself took out of the DOM meanwhile (see lost()) says nothing of cleanup.
 */
export function captions(gold, before, after) {
  const res = [];
  for (const c of gold.duplicate_captions ?? []) {
    const b = countSub(before.text, c.text), a = countSub(after.text, c.text);
    const want = c.expect_after ?? 1;
    const removedByPage = after.domText != null && !normText(after.domText).includes(normText(c.text));
    if (b >= want + 1 && !removedByPage) {
      const ok = a === want && (c.variants ?? []).every((v) => countSub(after.text, v) === want);
      res.push({ text: c.text.slice(0, 80), before: b, after: a, ok });
    }
  }
  return res;
}

/**
 * Article paragraphs visible before cleanup but gone after it. A paragraph the page itself took out
 * of the DOM in the meantime does not count (newsclean never removes nodes; some saved pages replace
 * their body with an error page a while after load when offline, e.g. aeb-9eef8162bb): it counts
 * only while its text is still in the document (`domText`, the body's textContent) yet not shown.
 */
export function lost(paragraphs, before, after) {
  const nb = normText(before.text), na = normText(after.text);
  const inDom = after.domText == null ? null : normText(after.domText);
  const seen = paragraphs.filter((p) => nb.includes(normText(p)));
  const missing = seen.filter((p) => !na.includes(normText(p)));
  const gone = missing.filter((p) => inDom == null || inDom.includes(normText(p)));
  return { checked: seen.length, lost: gone, removedByPage: missing.length - gone.length };
}

/**
 * Elements marked data-newsclean whose text is not a gold ad marker or duplicated caption, split by
 * what the gold could judge. `false`: text the saved page shows (`staticText`, the annotators' view),
 * so gold had it in sight and did not list it — a false hide. `unjudged`: text the saved page does not
 * show, which the page's own scripts revealed or wrote (aeb-42aad16bde moves its hidden
 * "Advertisement" slots into view); gold, annotated on the static page, says nothing of it. Article
 * text among those is still caught by the lost-paragraph check, which compares live renderings.
 * Without `staticText` every unlisted hide is false.
 */
export function falseHides(gold, after, staticText = null) {
  // Unlike run.py, a caption's truncated `variants` count too: gold lists them as copies to hide.
  const ok = [...(gold.ad_markers ?? []), ...(gold.duplicate_captions ?? [])]
    .flatMap((x) => [x.text, ...(x.variants ?? [])]).map((t) => normText(t));
  const seen = staticText == null ? null : normText(staticText);
  const unlisted = after.marked.filter((e) => {
    const t = normText(e.text);
    return !ok.some((k) => t === k || (k && t.includes(k) && pyLen(t) <= pyLen(k) + 40));
  });
  const inSight = (e) => seen == null || seen.includes(normText(e.text));
  return { false: unlisted.filter(inSight), unjudged: unlisted.filter((e) => !inSight(e)) };
}

const NAME_DROP = new Set(["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "prime", "minister",
  "secretary", "the", "of", "state", "u", "s", "us", "former", "senator", "representative", "governor", "chief"]);
const NOT_NAME_CHAR = new RegExp(`[^\\p{L}\\p{N}_${PY_WS}'-]`, "gu");

function nameWords(s) {
  return normText(s).toLowerCase().replace(NOT_NAME_CHAR, " ").split(WS_RUN).filter((w) => w && !NAME_DROP.has(w));
}

const subset = (a, b) => a.every((x) => b.includes(x));

/** score.speaker_ok: null for an UNKNOWN gold speaker, else surname/alias/word-set match. */
export function speakerOk(pred, g) {
  if (g.speaker === "UNKNOWN") return null;
  const p = nameWords(pred);
  if (!p.length) return false;
  for (const n of [g.speaker, ...(g.aliases ?? [])]) {
    const t = nameWords(n);
    if (!t.length) continue;
    if ((p.length === t.length && p.every((w, i) => w === t[i])) || p.at(-1) === t.at(-1) || subset(p, t) || subset(t, p)) {
      return true;
    }
  }
  return false;
}

/** Size of the multiset intersection of two token lists. */
function overlap(a, b) {
  const count = new Map();
  for (const x of a) count.set(x, (count.get(x) ?? 0) + 1);
  let n = 0;
  for (const x of b) {
    const c = count.get(x);
    if (c) { n++; count.set(x, c - 1); }
  }
  return n;
}

/**
 * score.quotes: a gold quote is found when one entry covers ≥ 60 % of its words (or is a ≥ 60 % piece
 * of it covering ≥ 40 %); an entry is valid when it matches some gold quote. Besides score.py's counts,
 * returns the cases behind them: `missed` gold quotes, `wrong` speakers, `invalid` entries.
 */
export function quotes(gold, pred) {
  const G = (gold.quotes ?? []).map((g) => [g, tokens(g.quote.replaceAll(" ... ", " "))]);
  const P = pred.map((p) => [p, tokens(p.quote)]).filter(([, t]) => t.length);
  let found = 0, attributed = 0, scored = 0;
  const missed = [], wrong = [], invalid = [];
  for (const [g, gt] of G) {
    let best = null, bestS = 0;
    for (const [p, pt] of P) {
      const o = overlap(gt, pt);
      if (o >= 0.6 * gt.length || (o >= 0.6 * pt.length && o >= 0.4 * gt.length)) {
        const s = o / Math.max(gt.length, pt.length);
        if (s > bestS) { best = p; bestS = s; }
      }
    }
    if (best === null) { missed.push({ speaker: g.speaker, quote: g.quote }); continue; }
    found++;
    const ok = speakerOk(best.speaker, g);
    if (ok !== null) {
      scored++;
      if (ok) attributed++;
      else wrong.push({ gold: g.speaker, got: best.speaker, quote: g.quote });
    }
  }
  let valid = 0;
  for (const [p, pt] of P) {
    if (G.some(([, gt]) => overlap(gt, pt) >= 0.6 * pt.length || overlap(gt, pt) >= 0.6 * gt.length)) valid++;
    else invalid.push(p);
  }
  return { gold: G.length, pred: P.length, found, valid, attr_scored: scored, attr_ok: attributed, missed, wrong, invalid };
}

export function prf(tpP, nP, tpR, nR) {
  const p = nP ? tpP / nP : 0, r = nR ? tpR / nR : 0;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
}

const round3 = (x) => Number(x.toFixed(3));

// ── the reports (run.py) ─────────────────────────────────────────────────────────────────────────

/** run.py quality's row for one gold page, from a measure() result (paragraphs: null for the seed). */
export function goldRow(g, m, paragraphs = truthParagraphs(g.id)) {
  const { before, after } = m;
  const hides = falseHides(g, after, before.staticText);
  return {
    id: g.id, markers: markers(g, before, after), captions: captions(g, before, after),
    lost: paragraphs ? lost(paragraphs, before, after) : { checked: 0, lost: [] },
    false_hides: hides.false, unjudged_hides: hides.unjudged, quotes: quotes(g, after.quotes), state: after.state, engine: after.engine,
    sidebar: after.sidebar, errors: after.errors.length, ext_errors: after.extErrors, secs: Math.round(m.secs * 10) / 10,
  };
}

/** run.py quality's summary line over `rows`. */
export function goldSummary(rows, set = "dev") {
  const t = { mb: 0, ma: 0, cap: 0, capOk: 0, lost: 0, checked: 0, fh: 0, unjudged: 0, gold: 0, pred: 0, found: 0, valid: 0,
    attr_scored: 0, attr_ok: 0, notReady: 0 };
  for (const r of rows) {
    t.mb += r.markers.before; t.ma += r.markers.after;
    t.cap += r.captions.length; t.capOk += r.captions.filter((c) => c.ok).length;
    t.lost += r.lost.lost.length; t.checked += r.lost.checked; t.fh += r.false_hides.length; t.unjudged += r.unjudged_hides.length;
    for (const k of ["gold", "pred", "found", "valid", "attr_scored", "attr_ok"]) t[k] += r.quotes[k];
    t.notReady += r.state !== "ready";
  }
  const [qp, qr, qf] = prf(t.valid, t.pred, t.found, t.gold);
  return {
    set, pages: rows.length, marker_recall: round3(t.mb ? (t.mb - t.ma) / t.mb : 0), markers_before: t.mb,
    captions_ok: `${t.capOk}/${t.cap}`, false_hides: t.fh, unjudged_hides: t.unjudged, lost_paragraphs: t.lost, paragraphs_checked: t.checked,
    quote_p: round3(qp), quote_r: round3(qr), quote_f1: round3(qf),
    speaker_acc: round3(t.attr_scored ? t.attr_ok / t.attr_scored : 0), not_ready: t.notReady,
  };
}

/**
 * What the gold report must meet (asserted by corpus.test.mjs, the exit status of scripts/corpus.mjs).
 * Targets of the cleanup and quotes issues; on 2026-11-28 (pages sent as UTF-8) the dev pages gave
 * quote F1 0.899, speaker accuracy 0.938, 0 false hides (2 unjudged).
 */
export const LIMITS = {
  /** Issue target: ad-marker labels hidden, over the dev pages and the seed. */
  markerRecallMin: 0.98,
  /** The issue's target for the sidebar on the dev pages. */
  quoteF1Min: 0.85,
  /** The issue's target for the sidebar on the dev pages. */
  speakerAccMin: 0.90,
  // Elements hidden that are no gold marker or caption though the saved page shows their text (dev
  // pages + seed): the issue's target, 0. Hides of text only the page's scripts bring into view are
  // counted apart (`unjudged_hides`, printed; today the two "Advertisement" labels aeb-42aad16bde's
  // script moves out of its display:none stores). run.py counts both, and also the truncated caption
  // copies gold lists as `variants` on aeb-05844573ca and aeb-ecb46e3e48 (4 more).
  falseHidesMax: 0,
};

/** The gold report's failures against LIMITS (empty when it passes); `summary` is the dev set's. */
export function goldFailures(summary, withSeed, rows) {
  const out = [];
  if (summary.not_ready) out.push(`${summary.not_ready} gold page(s) never reached data-newsclean-state=ready`);
  if (withSeed.marker_recall < LIMITS.markerRecallMin) out.push(`ad-marker recall ${withSeed.marker_recall} < ${LIMITS.markerRecallMin}`);
  for (const r of rows) {
    for (const c of r.captions.filter((x) => !x.ok)) out.push(`caption not down to one copy on ${r.id} (${c.before}→${c.after}): ${c.text}`);
    for (const p of r.lost.lost) out.push(`paragraph lost on ${r.id}: ${p.slice(0, 100)}`);
    for (const e of r.ext_errors) out.push(`newsclean error on ${r.id}: ${e.slice(0, 200)}`);
  }
  if (withSeed.false_hides > LIMITS.falseHidesMax) out.push(`false hides ${withSeed.false_hides} > ${LIMITS.falseHidesMax}`);
  if (summary.quote_f1 < LIMITS.quoteF1Min) out.push(`quote F1 ${summary.quote_f1} < floor ${LIMITS.quoteF1Min} (target 0.85)`);
  if (summary.speaker_acc < LIMITS.speakerAccMin) out.push(`speaker accuracy ${summary.speaker_acc} < floor ${LIMITS.speakerAccMin} (target 0.90)`);
  return out;
}

/** The lost-text check's failures (empty when it passes): paragraphs lost, newsclean failing or throwing. */
export function lostFailures(r) {
  return [
    ...r.cases.map((c) => `paragraph lost on ${c.id}: ${c.paragraph.slice(0, 100)}`),
    ...r.notReady.filter((c) => c.state === "error").map((c) => `newsclean could not run on ${c.id} (state=error)`),
    ...r.errors.map((c) => `newsclean error on ${c.id}: ${c.errors[0].slice(0, 200)}`),
  ];
}

/** One line of the per-page table, as run.py quality prints it. */
export function goldLine(r) {
  const q = r.quotes;
  return `${r.id.padEnd(18)} markers ${r.markers.removed}/${r.markers.before}  captions `
    + `${r.captions.filter((c) => c.ok).length}/${r.captions.length}  lost ${r.lost.lost.length}  false-hides ${r.false_hides.length}  `
    + `quotes found ${q.found}/${q.gold} valid ${q.valid}/${q.pred} speaker ${q.attr_ok}/${q.attr_scored}  state=${r.state}`
    + `${r.ext_errors.length ? `  EXTENSION ERRORS ${r.ext_errors.length}` : ""}  ${r.secs}s`;
}

/** The lost-text check over measured pages: totals plus the cases (run.py lost). */
export function lostReport(measured) {
  const out = { pages: 0, navigated_away: 0, paragraphs_checked: 0, lost: 0, removed_by_page: 0, not_ready: 0,
    extension_errors: 0, cases: [], left: [], notReady: [], errors: [] };
  for (const { id, before, after } of measured) {
    if (before.left || after.left) { out.navigated_away++; out.left.push(id); continue; }
    out.pages++;
    const l = lost(truthParagraphs(id), before, after);
    out.paragraphs_checked += l.checked;
    out.lost += l.lost.length;
    out.removed_by_page += l.removedByPage;
    for (const p of l.lost) out.cases.push({ id, paragraph: p });
    if (after.state !== "ready") { out.not_ready++; out.notReady.push({ id, state: after.state }); }
    if (after.extErrors.length) { out.extension_errors++; out.errors.push({ id, errors: after.extErrors }); }
  }
  return out;
}

/** The lost-text figures as one JSON line (the cases are printed separately). */
export const lostFigures = ({ pages, navigated_away, paragraphs_checked, lost: n, removed_by_page, not_ready,
  extension_errors }) => ({ pages, navigated_away, paragraphs_checked, lost: n, removed_by_page, not_ready, extension_errors });

/** Prints the cases behind the lost-text figures (each a bug): lost paragraphs, not ready, errors. */
export function printLostCases(r, log = console.log) {
  for (const c of r.cases) log(`LOST ${c.id}: ${c.paragraph.slice(0, 160)}`);
  for (const c of r.notReady) log(`NOT READY ${c.id}: state=${c.state}`);
  for (const c of r.errors) log(`EXTENSION ERROR ${c.id}: ${c.errors.slice(0, 3).join(" | ")}`);
  if (r.left.length) log(`navigated away (skipped): ${r.left.join(" ")}`);
}

/** Prints the cases behind the gold figures: false hides, captions, missed/misattributed quotes. */
export function printGoldCases(rows, log = console.log, { perPage = 3 } = {}) {
  for (const r of rows) {
    for (const f of r.false_hides.slice(0, perPage)) log(`  FALSE HIDE ${r.id} [${f.kind}] ${f.text.slice(0, 100)}`);
    for (const f of r.unjudged_hides.slice(0, perPage)) {
      log(`  HIDDEN, NOT IN THE SAVED PAGE'S VISIBLE TEXT (gold cannot judge) ${r.id} [${f.kind}] ${f.text.slice(0, 80)}`);
    }
    for (const c of r.captions.filter((x) => !x.ok)) log(`  CAPTION ${r.id} ${c.before}→${c.after}: ${c.text}`);
    for (const p of r.lost.lost) log(`  LOST ${r.id}: ${p.slice(0, 120)}`);
    for (const q of r.quotes.missed.slice(0, perPage)) log(`  MISSED QUOTE ${r.id} (${q.speaker}): ${q.quote.slice(0, 90)}`);
    for (const q of r.quotes.wrong.slice(0, perPage)) log(`  WRONG SPEAKER ${r.id} got "${q.got}", gold "${q.gold}": ${q.quote.slice(0, 70)}`);
    for (const q of r.quotes.invalid.slice(0, perPage)) log(`  NOT A GOLD QUOTE ${r.id} (${q.speaker}): ${q.quote.slice(0, 90)}`);
    for (const e of r.ext_errors.slice(0, perPage)) log(`  EXTENSION ERROR ${r.id}: ${e}`);
  }
}

/**
 * The gold report: every dev page (measured through `corpus`) and the seed (www/index.html), scored
 * as run.py quality does. `summary` covers the dev pages only, as run.py's last line; `withSeed` all.
 */
export async function goldReport(corpus) {
  const rows = [];
  for (const g of golds()) rows.push(goldRow(g, await corpus.measure(g.id)));
  const seed = seedGold();
  const all = seed ? [...rows, goldRow(seed, await corpus.measureSeed(), null)] : rows;
  return { rows: all, summary: goldSummary(rows), withSeed: goldSummary(all, "dev+seed") };
}

/** Prints the gold report: per-page table, the cases behind it, the two JSON summary lines. */
export function printGold({ rows, summary, withSeed }, log = console.log) {
  log("gold quality (as ../shared/eval/run.py quality --set dev, plus the seed):");
  for (const r of rows) log("  " + goldLine(r));
  printGoldCases(rows, log);
  log(JSON.stringify(summary));
  log(JSON.stringify(withSeed));
}
