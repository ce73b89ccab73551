// The walk's script (collect.rs): reads the live DOM in document order into the core's events,
// and finds a quotation's text in the page again for the highlight (`rangesOf`, imported by the
// sidebar's script, sidebar.js); also takes marks back (`unmarkAllBut`, apply.rs). A module of
// the glue rather than an inline snippet so that the sidebar's module can import from it; esbuild
// bundles both into the glue (scripts/build.sh).
//
// NOTE: the glue has three modules (this one, observe.js, sidebar.js) and should keep to that.
// wasm-bindgen-test-runner's server (tiny_http 0.12) serves each connection on one of four
// threads, and a burst of connections can leave a fifth queued behind four kept-alive ones for
// good: the browser tier's page then never starts ("Loading scripts..."). Chromium fetches the
// glue's modules at once, a connection each; with five (apply.js and a test's `inline_js` were
// modules of their own) the tier hung in 2 of 5 Chromium runs, with three in none of 40.
// tests/e2e/static.test.mjs holds the count.

// Tags whose children never render as page text: not descended into (the core skips them too).
const OPAQUE = new Set(["script", "style", "noscript", "template", "svg", "math", "iframe",
  "object", "embed", "canvas", "video", "audio", "select", "textarea", "head", "title",
  "newsclean-sidebar"]);
// Markers of the event format (outline::event) and anything resembling them in page text.
const OPEN = "\x01", CLOSE = "\x02", TEXT = "\x03", FIELD = "\x04";
const MARKERS = /[\x01-\x05]/g;
// Punctuation misread: a page that declares no charset and is served without one (common for
// saved pages) is read as windows-1252, and each UTF-8 mark of U+2000-U+203F (bytes E2 80 xx:
// quotation marks, dashes, ellipsis) shows as "â€" + the char of byte xx: "“" as "â€œ". No
// quotation mark would be left to find. Put back here, where the page's text is read (and by
// `rangesOf`, which finds the repaired text in the page again for the highlight).
const WINDOWS_1252_80_9F = "€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ";
const CONTINUATION = `[\xa0-\xbf${WINDOWS_1252_80_9F}]`; // what windows-1252 reads bytes 80-BF as
const byteOf = (c) => {
  const high = WINDOWS_1252_80_9F.indexOf(c);
  return high >= 0 ? 0x80 + high : c.charCodeAt(0);
};
const MISREAD = new RegExp(`â€(${CONTINUATION})`, "g");
const unmisread = (_, third) => String.fromCharCode(0x2000 + (byteOf(third) & 0x3f));
// Letters of two UTF-8 bytes are misread alike ("é" as "Ã©", "ñ" as "Ã±": a char of U+00C2-U+00DF
// and one of a continuation byte), but such a pair is also real windows-1252 text („Fuß“ has ß
// then “): put back only in a document that was read as windows-1252 and shows misread
// punctuation, or a misread Latin-1 letter or sign (Ã or Â, then a continuation: "Ã©", "Â«"),
// somewhere in its text, which no page written in windows-1252 does.
const MISREAD_LETTER = new RegExp(`([\xc2-\xdf])(${CONTINUATION})`, "g");
const unmisreadLetter = (_, lead, next) =>
  String.fromCharCode(((lead.charCodeAt(0) & 0x1f) << 6) | (byteOf(next) & 0x3f));
const HAS_LEAD = /[\xc2-\xdf]/;
const MISREAD_SIGN = new RegExp(`â€|[\xc2\xc3]${CONTINUATION}`);
const misreadDocuments = new WeakMap(); // document -> whether its letters are misread (asked once)
const lettersMisreadIn = (doc) => {
  let misread = misreadDocuments.get(doc);
  if (misread === undefined) {
    misread = doc.characterSet === "windows-1252" && MISREAD_SIGN.test(doc.body?.textContent ?? "");
    misreadDocuments.set(doc, misread);
  }
  return misread;
};
const SUSPECT = /[\x01-\x05]|â€/; // not /g: test() on a global regex is stateful
const clean = (s) => (SUSPECT.test(s) ? s.replace(MARKERS, " ").replace(MISREAD, unmisread) : s);
const cleanLetters = (s) => {
  s = clean(s);
  return HAS_LEAD.test(s) ? s.replace(MISREAD_LETTER, unmisreadLetter) : s;
};
// Indentation between tags is most of many pages' text nodes; the core collapses whitespace, so one
// space says the same in fewer bytes to copy and scan.
const NOT_ASCII_SPACE = /[^ \t\n\r\f]/;

// The page's window for the glue (js.rs `window()`): undefined in a worker.
export const pageWindow = () => globalThis.window;

// A walk of the subtrees of `roots`, one after the other and each inside its ancestors, in slices:
// each `step(deadline)` walks until `performance.now()` passes `deadline` and returns [events so
// far, done]. `nodes` holds every element opened. `names`: the attributes to read, `|`-separated
// (outline::READ_ATTRIBUTE_NAMES).
export function startWalk(roots, names) {
  const doc = roots[0]?.ownerDocument ?? document;
  // (while the parser still inserts it, what is there would decide for the whole page: the walks
  // of that time, which look for ad labels as they arrive, repair the punctuation only)
  const repair = doc.readyState !== "loading" && lettersMisreadIn(doc) ? cleanLetters : clean;
  const text = (s) => (NOT_ASCII_SPACE.test(s) ? TEXT + repair(s) : TEXT + " ");
  // the events so far: one string grown by `+=` (V8 keeps it as a rope until it crosses)
  let out = "";
  const nodes = [];
  // attribute name -> FIELD + its one-char key (outline::event::key)
  const field = new Map(names.split("|").map((n, i) => [n, FIELD + String.fromCharCode(48 + i)]));
  const open = (el) => {
    nodes.push(el);
    const name = el.localName;
    let rec = OPEN + name;
    // the element's own attributes (usually none, one or two), not one lookup per name; most
    // elements have none, and asking spares the list. By name, not through `el.attributes`:
    // that creates an Attr node per attribute, which the element then keeps (a walk of a fresh
    // page took 15 % longer, measured on 30 corpus pages in Chromium 156).
    if (el.hasAttributes()) {
      const attrs = el.getAttributeNames();
      for (let i = 0; i < attrs.length; i++) {
        const key = field.get(attrs[i]);
        if (key !== undefined) rec += key + repair(el.getAttribute(attrs[i]));
      }
    }
    out += rec;
    return name;
  };
  // the root being walked (null between roots), the ancestors open around it (outermost first),
  // where the walk is
  let next = 0, root = null, around = [], node = null, parent = null;
  const begin = (r) => {
    const ancestors = [];
    for (let p = r.parentElement; p; p = p.parentElement) ancestors.push(p);
    ancestors.reverse();
    // Those it shares with the root before stay open: the items a feed appends to one list, or
    // the paragraphs the early watcher hands, open their ancestors once, not once each.
    let shared = 0;
    while (shared < around.length && around[shared] === ancestors[shared]) shared++;
    for (let i = around.length; i > shared; i--) out += CLOSE;
    for (let i = shared; i < ancestors.length; i++) open(ancestors[i]);
    around = ancestors;
    root = parent = r;
    // iterative depth-first walk: pages nest deep enough to overflow recursion
    node = OPAQUE.has(open(r)) ? null : r.firstChild;
  };
  let done = false;
  // hands over the events walked since the last slice
  const slice = (finished) => {
    const events = out;
    out = "";
    return [events, finished];
  };
  const step = (deadline) => {
    if (done) return ["", true];
    let budget = 0;
    while (root || next < roots.length) {
      if (!root) begin(roots[next++]);
      // A page script may detach the walk's branch between slices: then `parent` runs out
      // before `root`, and the walk ends there.
      while (parent) {
        if (++budget === 512) {
          budget = 0;
          if (performance.now() >= deadline) return slice(false);
        }
        if (node === null) {
          out += CLOSE;
          if (parent === root) break;
          node = parent.nextSibling;
          parent = parent.parentNode;
          continue;
        }
        const type = node.nodeType;
        if (type === 1) {
          if (!OPAQUE.has(open(node)) && node.firstChild) {
            if (node.firstElementChild) {
              parent = node;
              node = node.firstChild;
              continue;
            }
            // An element with text only (most paragraphs, labels, captions): its text in one
            // read, the same text the core would join from its text nodes, without a wrapper
            // for each of them, which the content script's world keeps through a weak handle
            // for the garbage collector to clear (HISTORY.md, session 40).
            const data = node.textContent;
            if (data) out += text(data);
          }
          out += CLOSE;
        } else if (type === 3 || type === 4) {
          out += text(node.data);
        }
        node = node.nextSibling;
      }
      if (!parent) break;
      root = null;
    }
    for (let i = 0; i < around.length; i++) out += CLOSE;
    done = true;
    return slice(true);
  };
  return { step, nodes };
}

// What char::is_whitespace is, which the core collapses (not /\s/: it has U+FEFF, lacks U+0085).
const WHITESPACE = /[\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

// The ranges of `pieces` (the first occurrence of each) in the text under `root` as the walk hands
// it to the core — whitespace collapsed, misread punctuation put back, opaque elements left out —
// for the highlight to show: [] when none is found. Never throws.
export function rangesOf(root, pieces) {
  const letters = lettersMisreadIn(root.ownerDocument);
  let text = "";
  const places = []; // for each UTF-16 unit of `text`: [text node, offset, length in the DOM]
  const add = (s, node, offset, length) => {
    text += s;
    places.push([node, offset, length]);
  };
  const skipOpaque = { acceptNode: (n) => (n.nodeType === 1 && OPAQUE.has(n.localName) ? 2 : 1) };
  const walker = root.ownerDocument.createTreeWalker(root, 5, skipOpaque); // elements and text
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== 3) continue;
    const data = node.data;
    for (let i = 0, length = 1; i < data.length; i += length) {
      // the char as the walk gave it to the core, and how many it was in the page
      let c = data[i];
      length = 1;
      const mark = c === "â" ? data.slice(i, i + 3).replace(MISREAD, unmisread) : "";
      const letter = letters && HAS_LEAD.test(c) ? data.slice(i, i + 2).replace(MISREAD_LETTER, unmisreadLetter) : "";
      if (mark.length === 1) [c, length] = [mark, 3];
      else if (letter.length === 1) [c, length] = [letter, 2];
      if (!WHITESPACE.test(c)) add(c, node, i, length);
      else if (text !== "" && !text.endsWith(" ")) add(" ", node, i, length);
    }
  }
  const ranges = [];
  for (const piece of pieces) {
    const start = piece ? text.indexOf(piece) : -1;
    if (start < 0) continue;
    try {
      const [first, from] = places[start];
      const [last, to, length] = places[start + piece.length - 1];
      const range = root.ownerDocument.createRange();
      range.setStart(first, from);
      range.setEnd(last, to + length);
      ranges.push(range);
    } catch {
      // the page changed under us: this piece is not highlighted
    }
  }
  return ranges;
}

// apply.rs HIDDEN_ATTR
const HIDDEN_ATTR = "data-newsclean";

// Marks `nodes[ixs[i]]` hidden as the i-th of `kinds` (space-separated) and adds it to `marked`,
// as apply.rs `hide` says: one marked already is added as it is; the marks of `earlier` that none
// of these makes again are taken back first; one not rendered (hidden by the page's own CSS or
// script: hiding what nobody sees changes nothing and would only add risk) is left alone.
// NOTE: all reads come before all writes: a read after a mark brings style up to date again.
// (`checkVisibility`: style, not layout; asking for boxes laid the whole page out again, 8-14 ms a
// time on a feed of 10,000 items.)
// While `staging` is set (`stageMarks`), the marks wait there instead, to be judged and made by
// `markStaged`.
export function markAll(nodes, ixs, kinds, marked, earlier) {
  const kindOf = kinds.split(" ");
  const targets = [];
  for (let i = 0; i < ixs.length; i++) {
    const element = nodes[ixs[i]];
    if (!element) throw new Error("the plan names an element that was not collected");
    if (element.hasAttribute(HIDDEN_ATTR)) marked.push(element);
    else targets.push([element, kindOf[i], marked]);
  }
  unmarkAllBut(earlier, marked);
  if (staging) staging.push(...targets);
  else markStaged(targets);
}

let staging = null;

// Until called again with null, `markAll` adds its marks to `staged` ([element, kind, marked]
// each) instead of making them: the observer making its way through a long backlog of additions
// marks once at its end, one relayout, instead of once a frame (on a feed of 10,000 items each
// frame that marked laid them out again: 40-60 ms frames instead of 15).
export function stageMarks(staged) {
  staging = staged;
}

// Makes the marks of `staged` ([element, kind, marked] each; emptied), as `markAll` says.
export function markStaged(staged) {
  // (an element taken out of the page meanwhile has no box: not rendered)
  const shown = staged.filter(([element]) => element.checkVisibility());
  staged.length = 0;
  for (const [element, kind, marked] of shown) {
    // (named twice, a label and its slot: marked once)
    if (element.hasAttribute(HIDDEN_ATTR)) continue;
    element.setAttribute(HIDDEN_ATTR, kind);
    marked.push(element);
  }
}

// Unmarks every element of `marked` that is not in `kept`, and empties `marked`: one crossing for
// a list of any length. A pass that makes most of the marks before it again (the first pass after
// those made as the page loaded, a feed planned again) keeps them as they are: taken off and put
// back, each would leave the rendering and come back, and the browser lay the page out again.
export function unmarkAllBut(marked, kept) {
  const keep = new Set(kept);
  for (const element of marked) if (!keep.has(element)) element.removeAttribute(HIDDEN_ATTR);
  marked.length = 0;
}
