// The observer of the glue (observe.rs): what the page adds after the first pass, and when it
// shows another page. esbuild bundles this module into the glue (scripts/build.sh).

import { markStaged, stageMarks } from "./collect.js";
import { linksLeftPage } from "./sidebar.js";

// How long one frame's work on additions may take, and how many added subtrees cross at once.
const SLICE_MS = 12;
const CHUNK = 32;
// How many of the observer's records are read at once (each a few DOM calls).
const READ = 256;
// The longest the marks of a backlog wait for its end (`stageMarks`).
const STAGED_MS = 250;
// While the page loads: the most elements that cross at once, and the biggest subtree handed whole.
const GROUP = 100;
// the ops of a watcher's control (as `Op` in the Rust)
const STOP = 0, HOLD = 1, GO_ON = 2;

// Watches `target` for added elements (a text node counts as its parent, unless that is `target`)
// and, once per animation frame, reads the records and hands the outermost of those still in the
// page to `onBatch` in chunks until the frame's slice is spent; the rest wait for the next frame
// (found outermost once: a feed's ten thousand items, found again in every frame, took most of
// each slice). `onBatch([])` says the
// page shows another page, to be planned again whole: a new <body> in place of `target` (which
// becomes the target), or paragraphs the sidebar links its quotations to taken out of the page (a
// single-page app navigating from the article to its index). Gathered here, where each DOM call
// is cheap: a feed appending ten thousand paragraphs one by one is ten thousand
// records. Returns its control, `control(op)`: STOP stops it for good; HOLD holds it (a full pass
// is about to walk the page: what was added so far is dropped, what comes next waits); GO_ON
// lets it go on; every op returns how long ago (ms) the page last added something, and any
// other op (`Op::Quiet` in the Rust) only asks that.
export function watchAdded(target, onBatch) {
  // The observer's records, read from `readAt` on in the frames' slices, not in the callback, which
  // runs in the page's own task (ten thousand records of a feed's append took 33 ms there).
  let records = [];
  let readAt = 0;
  // The outermost added elements not yet handed, in order, from `head` on; `queued` holds them.
  let queue = [];
  let head = 0;
  const queued = new Set();
  // The marks of what was handed while more waited, made when nothing does (or after STAGED_MS).
  const staged = [];
  let stagedSince = 0;
  let scheduled = false;
  let stopped = false;
  let held = false;
  // The page took something out since the last frame (or since the pass that holds us began).
  let removed = false;
  // A new <body> came while a pass held us: the page is planned again once that pass is done.
  let swappedWhileHeld = false;
  let lastAdded = -Infinity;
  const doc = target.ownerDocument;
  const hand = (roots) => {
    try {
      onBatch(roots);
    } catch (e) {
      console.warn("newsclean:", e); // never into the page
    }
  };
  const planAgain = () => hand([]);
  const drop = () => {
    records = [];
    readAt = 0;
    queue = [];
    head = 0;
    queued.clear();
    staged.length = 0;
    removed = false;
  };
  // Reads up to READ records: their added elements that are inside no other added element still
  // waiting go to the queue.
  const read = () => {
    const end = Math.min(readAt + READ, records.length);
    const added = [];
    for (; readAt < end; readAt++) {
      const record = records[readAt];
      if (record.removedNodes.length) removed = true;
      for (const node of record.addedNodes) {
        // (a text node straight under `target` would make all of it the added root, walked whole
        // in one frame each time; nothing in it could be hidden but `target` itself)
        const element = node.nodeType === 1 ? node : node.nodeType === 3 && node.parentNode !== target ? node.parentElement : null;
        if (element) added.push(element);
      }
    }
    if (readAt === records.length) {
      records = [];
      readAt = 0;
    }
    for (const element of outermost(added, queued)) {
      queue.push(element);
      queued.add(element);
    }
  };
  // A watcher of <html> while the page loads (`Engine.watchEarly`) follows the parser frame by
  // frame (`followParser`) and observes additions only once it has parsed the page.
  let following = target === doc.documentElement && doc.readyState === "loading" ? followParser(doc) : null;
  const frame = () => {
    scheduled = false;
    if (stopped || held) return;
    if (following) {
      const start = performance.now();
      const loading = doc.readyState === "loading";
      const [handed, styleMs] = following(start + SLICE_MS, hand, loading);
      if (loading) schedule();
      else {
        // the frame that finds the page parsed is the follower's last: what scripts add from now on
        following = null;
        observer.observe(target, options);
      }
      if (performance.now() - start >= 2) performance.measure("newsclean:added", { start, detail: { roots: handed, styleMs } });
      return;
    }
    const start = performance.now();
    const deadline = start + SLICE_MS;
    let handed = 0;
    while (!stopped && !held && performance.now() < deadline) {
      // (records first: what was added inside an element still waiting is walked with it)
      if (readAt < records.length) {
        read();
        continue;
      }
      if (head === queue.length) {
        queue = [];
        head = 0;
        break;
      }
      const chunk = [];
      while (chunk.length < CHUNK && head < queue.length) {
        const element = queue[head++];
        queued.delete(element);
        if (element.isConnected) chunk.push(element);
      }
      if (chunk.length) {
        if (!staged.length) stagedSince = start;
        stageMarks(staged);
        try {
          hand(chunk);
        } finally {
          stageMarks(null);
        }
      }
      handed += chunk.length;
    }
    const more = head < queue.length || readAt < records.length;
    if (staged.length && !stopped && !held && (!more || performance.now() - stagedSince >= STAGED_MS)) {
      try {
        markStaged(staged);
      } catch (e) {
        console.warn("newsclean:", e); // never into the page
      }
    }
    // Once a frame at most, and only after removals: a sidebar listing what left the page would
    // link to nothing, and an app leaving its article for a page without one adds no article
    // that would have it listed again.
    if (removed && !stopped && !held) {
      removed = false;
      if (linksLeftPage(doc)) planAgain();
    }
    if (more && !stopped && !held) schedule();
    // As the loader's "newsclean:pass": in DevTools' Performance panel, and read by `make bench`.
    // Only frames of some weight: a page that changes every second (a ticker, rotating ads) would
    // otherwise fill its own performance timeline with ours, which it never clears.
    if (performance.now() - start >= 2) {
      performance.measure("newsclean:added", { start, detail: { roots: handed, left: queue.length - head, unread: records.length - readAt } });
    }
  };
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(frame);
    }
  };
  const observer = new MutationObserver((batch) => {
    // (a push each: a page adding one element per task while a long backlog waits would make
    // copying the backlog for each of them quadratic)
    for (const record of batch) records.push(record);
    lastAdded = performance.now();
    if (!held) schedule();
  });
  const options = { childList: true, subtree: true };
  if (following) schedule();
  else observer.observe(target, options);
  // A site that navigates by swapping its whole <body> (Turbo Drive, pjax) leaves `target` out of
  // the page: watch the new body instead, and say so with an empty batch. A new page gets a full
  // pass, in slices, as a loaded one does; not a walk of the whole body here in one frame.
  const swaps = new MutationObserver(() => {
    const body = doc.body;
    if (!body || body === target) return;
    target = body;
    observer.disconnect();
    observer.observe(target, options);
    drop(); // (what the old body had added left with it; the pass reads the new one)
    lastAdded = performance.now();
    // (a pass that holds us is told when it is done: dropped after its hides, it would leave the
    // page with neither its marks nor the session it was replacing)
    if (held) swappedWhileHeld = true;
    else planAgain();
  });
  // (not for a watcher of <html> while the page loads, which sees any new body as added)
  if (target === doc.body) swaps.observe(doc.documentElement, { childList: true });
  return (op) => {
    // (the pass about to walk the page reads it as it is now)
    if (op === STOP || op === HOLD) drop();
    if (op === STOP) {
      stopped = true;
      observer.disconnect();
      swaps.disconnect();
    }
    if (op === HOLD) held = true;
    if (op === GO_ON) {
      held = false;
      if (swappedWhileHeld) {
        swappedWhileHeld = false;
        planAgain();
      }
      if (readAt < records.length || head < queue.length || removed) schedule();
    }
    return performance.now() - lastAdded;
  };
}

// While the page loads, the parser inserts it in document order: the elements it still has open
// are the chain of last children from <html>, and every element before the last of them in
// document order is complete. Returns `follow(deadline, hand, loading)`, which hands the complete
// subtrees after the last one it handed, in order, until `deadline`: at most GROUP elements per
// crossing, and the children of a bigger subtree instead of it (which would be one long task);
// returns [roots handed, the page's style time in it].
// Followed rather than observed: a mutation record per node the parser inserts, handed to a
// script, took longer than the parsing (800 ms in one task on a generated 10 MB page), and the
// outermost of a frame's additions could be most of the page, one crossing (400-1,800 ms there).
// What it could not hand before the deadline is laid out in this frame; marked in later frames,
// it would be laid out again in each of them (400 ms each on that page), so it is left to the first
// pass, whose marks are one relayout: the next frame goes on from what the parser adds next. Once
// the page is parsed (`loading` false), that frame is the last.
function followParser(doc) {
  let last = null;
  let skipTo = null;
  return (deadline, hand, loading) => {
    const open = new Set();
    if (loading) for (let e = doc.documentElement; e; e = e.lastElementChild) open.add(e);
    let next = skipTo ?? (last ? after(last) : doc.documentElement);
    skipTo = null;
    let group = [], size = 0, handed = 0, styleMs = 0, late = false;
    const flush = () => {
      // The style of what the parser inserted since the last frame, which this frame's rendering
      // would compute next anyway, computed here at once (the marks ask whether an element is
      // rendered): timed apart, as the page's work, not ours, and not out of our slice (it took
      // all of it on a 10 MB page, one crossing a frame where the parser added thousands).
      if (!handed) {
        const styling = performance.now();
        doc.documentElement.checkVisibility();
        styleMs = performance.now() - styling;
        deadline += styleMs;
      }
      hand(group);
      handed += group.length;
      group = [];
      size = 0;
    };
    while (next) {
      if (next.localName === "head") {
        // (nothing in it is shown)
        if (open.has(next)) break;
        next = after((last = next));
        continue;
      }
      const count = open.has(next) ? GROUP : elementsIn(next, GROUP);
      if (count >= GROUP) {
        if (next.firstElementChild) {
          next = next.firstElementChild;
          continue;
        }
        if (open.has(next)) break;
      }
      if (group.length && size + count > GROUP) {
        flush();
        if ((late = performance.now() >= deadline)) break;
      }
      group.push(next);
      size += count;
      next = after((last = next));
    }
    if (group.length) flush();
    // (the innermost element still open, a leaf: what the parser adds from now on comes after it)
    if (late && loading) skipTo = [...open].pop();
    return [handed, styleMs];
  };
}

// The first element after `element` and its subtree in document order.
function after(element) {
  for (let e = element; e; e = e.parentElement) if (e.nextElementSibling) return e.nextElementSibling;
  return null;
}

// How many elements `root`'s subtree has, itself included, counting up to `limit` at most.
function elementsIn(root, limit) {
  let count = 1;
  let e = root.firstElementChild;
  while (e && count < limit) {
    count++;
    if (e.firstElementChild) {
      e = e.firstElementChild;
      continue;
    }
    while (e !== root && !e.nextElementSibling) e = e.parentElement;
    e = e === root ? null : e.nextElementSibling;
  }
  return count;
}

// The elements of `added` still in the page and inside none of the others nor of `queued`, each
// once, in order: one walk up from each to the first of the others above it (a Set, not every
// pair: ten thousand siblings added in one frame took seconds compared pairwise), stopping at an
// ancestor already found inside none of them (siblings share the walk: a feed's ten thousand
// items cost one walk up each from their parent, not one each to <html>).
function outermost(added, queued) {
  const all = new Set(added);
  const clear = new Set();
  const out = [];
  for (const element of all) {
    if (queued.has(element) || !element.isConnected || element.localName === "newsclean-sidebar") continue;
    const path = [];
    let above = element.parentNode;
    while (above && !clear.has(above) && !all.has(above) && !queued.has(above)) {
      path.push(above);
      above = above.parentNode;
    }
    if (above && !clear.has(above)) continue;
    out.push(element);
    for (const ancestor of path) clear.add(ancestor);
  }
  return out;
}
