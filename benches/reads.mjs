// What one read of a page costs, by the way it is read (a diagnostic beside `make bench`, for the
// architecture question in benches/HISTORY.md "Why three budgets stay out of reach"):
//
//   node benches/reads.mjs [--every K]
//
// On every K-th corpus page (default 5) in one headless Chromium, in the page: the first call of
// each read (the page fresh: JavaScript wrappers for its nodes not yet made) and the median of 5
// more, of
//   innerText    `body.innerText` (the rendered text, block breaks included: native, no wrappers)
//   textContent  `body.textContent` (every text node, script and style included: native)
//   textWalker   a `TreeWalker` over text nodes only (a wrapper per text node)
//   blocks       `querySelectorAll` of block elements and each one's `textContent`
//   xpath        one XPath query for text nodes holding an ad label
//   elementWalk  firstChild/nextSibling over every node, each element's class and id read (the
//                reads collect's walk makes, without its events)
//   readability  Readability.js `parse()` on a clone (the peer, for scale)
// and prints the medians over pages. Reads run in that order, so a later read's first call finds
// wrappers an earlier one made (the element walk's first call is its own JIT and element wrappers).
import { launchPlain, median, onEveryKthPage, option, startServer } from "./common.mjs";

const EVERY = Number(option("--every", 5));
const server = await startServer();
const { browser, context } = await launchPlain();
const rows = await onEveryKthPage(context, server, EVERY, async () => {
  const { default: Readability } = await import("/lib/readability.mjs");
  const body = document.body;
  const OPAQUE = new Set(["script", "style", "noscript", "template", "svg", "iframe", "textarea", "select", "math",
    "canvas", "object", "embed", "video", "audio", "img", "picture", "br", "hr", "wbr"]);
  const BLOCKS = "p,h1,h2,h3,h4,h5,h6,li,blockquote,figcaption,dd,dt,pre,td";
  const reads = {
    innerText: () => body.innerText.length,
    textContent: () => body.textContent.length,
    textWalker: () => {
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      let chars = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += n.data.length;
      return chars;
    },
    blocks: () => {
      let chars = 0;
      for (const e of body.querySelectorAll(BLOCKS)) chars += e.textContent.length;
      return chars;
    },
    xpath: () => document.evaluate("//body//text()[contains(., 'Advertisement') or contains(., 'Anzeige')]",
      document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null).snapshotLength,
    elementWalk: () => {
      const visit = (el) => {
        let chars = (el.getAttribute("class") ?? "").length + (el.getAttribute("id") ?? "").length;
        for (let n = el.firstChild; n; n = n.nextSibling) {
          if (n.nodeType === Node.TEXT_NODE) chars += n.data.length;
          else if (n.nodeType === Node.ELEMENT_NODE && !OPAQUE.has(n.localName)) chars += visit(n);
        }
        return chars;
      };
      return visit(body);
    },
    readability: () => new Readability(document.cloneNode(true)).parse(),
  };
  const time = (read) => {
    const t = performance.now();
    read();
    return performance.now() - t;
  };
  const first = {};
  for (const [name, read] of Object.entries(reads)) first[name] = time(read);
  const runs = Object.fromEntries(Object.keys(reads).map((name) => [name, []]));
  for (let i = 0; i < 5; i++) for (const [name, read] of Object.entries(reads)) runs[name].push(time(read));
  const mid = (v) => v.sort((a, b) => a - b)[2];
  return { first, median: Object.fromEntries(Object.entries(runs).map(([name, v]) => [name, mid(v)])) };
});
await browser.close();
await server.close();

const over = (f) => median(rows.map(f)).toFixed(3);
console.log(`${rows.length} pages; ms, median over pages (first call / median of 5 more)`);
for (const name of Object.keys(rows[0]?.first ?? {})) {
  console.log(`${name.padEnd(12)} ${over((r) => r.first[name]).padStart(7)} / ${over((r) => r.median[name]).padStart(7)}`);
}
