// What a clean-up pass that reads only candidate blocks would cost, and what it would miss (a
// diagnostic beside `make bench`, for the architecture question in benches/HISTORY.md "Why three budgets stay
// out of reach"):
//
//   node benches/candidates.mjs [--every K]
//
// On every K-th corpus page (default 3) in one headless Chromium, in the page:
//   shipped    `analyzeCleanupOnly(document.body)` of extension/pkg: what the clean-up rules hide
//              today (the reference), and its time (first call on the page; median of 5 more);
//   finder     candidates found with native reads only: a `TreeWalker` over text nodes keeping
//              each short one (at most 60 chars, trimmed) with its parent's text when that is short
//              too, and `querySelectorAll` of caption-like elements (`figcaption`, a class or id
//              naming a caption or credit) with their text; then each candidate's ancestors' tag,
//              class and id, read once per page (what the core's rules would classify: nav, footer,
//              ad slot, figure). Its time with and without that context, the candidates' count
//              and text against the whole page's text.
// Recall: the share of today's hides whose text (whitespace collapsed) is some candidate's text.
// Such a finder plus the core's rules on its few candidates is the pass benches/HISTORY.md describes; the
// rules' own cost on candidates is small (native clean-up rules alone: 0.02 ms a page).
import { launchPlain, median, onEveryKthPage, option, readTree, ROOT, serveTree, startServer } from "./common.mjs";
import { join } from "node:path";

const EVERY = Number(option("--every", 3));
const server = await startServer(serveTree(readTree(join(ROOT, "extension", "pkg")), "/pkg"));
const { browser, context } = await launchPlain();
const rows = await onEveryKthPage(context, server, EVERY, async () => {
  const pkg = await import(`${location.origin}/pkg/newsclean.js`);
  await pkg.default({ module_or_path: `${location.origin}/pkg/newsclean_bg.wasm` });
  const body = document.body;
  const collapse = (s) => s.replace(/\s+/g, " ").trim();
  const CAPTIONS = "figcaption, [class*=caption i], [id*=caption i], [class*=credit i], [class*=cutline i]";
  // Each candidate's ancestors, read once per page (a Map shared by the candidates): tag, class
  // and id — what the core's rules would classify (the core's name words, not this regex).
  const NAMES = /nav|menu|footer|sidebar|aside|related|promo|\bads?\b|advert|sponsor|banner|figure|gallery|caption|credit/i;
  const contextOf = new Map();
  const ancestry = (el) => {
    const chain = [];
    let ctx = 0;
    for (let e = el; e && e !== body; e = e.parentElement) {
      const known = contextOf.get(e);
      if (known !== undefined) {
        ctx = known;
        break;
      }
      chain.push(e);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const e = chain[i];
      const named = NAMES.test(e.getAttribute("class") ?? "") || NAMES.test(e.id);
      ctx = ctx | (named ? 1 : 0) | (e.localName === "nav" || e.localName === "footer" ? 2 : 0);
      contextOf.set(e, ctx);
    }
    return ctx;
  };
  const finder = (withContext) => {
    contextOf.clear();
    const found = [];
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const data = n.data;
      if (data.length > 200) continue;
      const text = data.trim();
      if (text === "" || text.length > 60) continue;
      const parent = n.parentElement;
      if (!parent) continue;
      const name = parent.localName;
      if (name === "script" || name === "style" || name === "noscript" || name === "title") continue;
      const whole = parent.textContent;
      found.push([parent, whole.length <= 120 ? whole : text, withContext ? ancestry(parent) : 0]);
    }
    for (const el of body.querySelectorAll(CAPTIONS)) {
      found.push([el, el.textContent, withContext ? ancestry(el) : 0]);
    }
    return found;
  };
  const time = (f) => {
    const t = performance.now();
    const out = f();
    return [performance.now() - t, out];
  };
  const [shippedFirst, report] = time(() => pkg.analyzeCleanupOnly(body));
  const [finderFirst, candidates] = time(() => finder(true));
  const ancestors = contextOf.size;
  const shipped = [];
  const found = [];
  const bare = [];
  for (let i = 0; i < 5; i++) {
    shipped.push(time(() => pkg.analyzeCleanupOnly(body))[0]);
    found.push(time(() => finder(true))[0]);
    bare.push(time(() => finder(false))[0]);
  }
  const mid = (v) => v.sort((a, b) => a - b)[2];
  const texts = new Set(candidates.map(([, text]) => collapse(text)));
  const hidden = report.hidden.map((h) => collapse(h.text));
  return {
    shippedFirst, shipped: mid(shipped), finderFirst, finder: mid(found), bare: mid(bare),
    ancestors,
    candidates: candidates.length, candidateBytes: [...texts].reduce((s, t) => s + t.length, 0),
    pageBytes: body.textContent.length,
    hidden: hidden.length, missed: hidden.filter((t) => !texts.has(t)),
  };
});
const misses = rows.flatMap((r) => r.missed.map((text) => `${r.id}: ${JSON.stringify(text.slice(0, 70))}`));
await browser.close();
await server.close();

const over = (f, d = 3) => median(rows.map(f)).toFixed(d);
const hidden = rows.reduce((s, r) => s + r.hidden, 0);
const missed = rows.reduce((s, r) => s + r.missed.length, 0);
console.log(`${rows.length} pages; medians over pages (ms: first call / median of 5 more)`);
console.log(`shipped analyzeCleanupOnly  ${over((r) => r.shippedFirst)} / ${over((r) => r.shipped)}`);
console.log(`candidate finder            ${over((r) => r.finderFirst)} / ${over((r) => r.finder)} `
  + `(without the ancestors' context: median ${over((r) => r.bare)}; ancestors read: ${over((r) => r.ancestors, 0)})`);
console.log(`candidates per page         ${over((r) => r.candidates, 0)} (text ${over((r) => r.candidateBytes, 0)} chars `
  + `of the page's ${over((r) => r.pageBytes, 0)})`);
console.log(`today's hides among the candidates: ${hidden - missed} of ${hidden}`);
for (const m of misses.slice(0, 20)) console.log(`  missed ${m}`);
