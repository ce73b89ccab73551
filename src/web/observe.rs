//! Content that arrives later (lazy ad slots, infinite scroll, SPA navigation): a
//! MutationObserver gathers the added subtrees, and once per animation frame the outermost of
//! them go to the page, a few dozen per crossing, for as long as the frame's slice lasts; the
//! rest wait for the next frame. Our own changes (attributes, the sidebar outside `<body>`) never
//! trigger it: it watches child lists under `<body>` only, and which element is `<body>` (a site
//! that navigates by swapping it gets its new one watched, and a full pass).

use js_sys::{Array, Function};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::js::{Context, GlueError};

#[wasm_bindgen(inline_js = r#"
// How long one frame's work on additions may take, and how many added subtrees cross at once.
const SLICE_MS = 12;
const CHUNK = 32;
// the ops of a watcher's control (as `Op` in the Rust)
const STOP = 0, HOLD = 1, GO_ON = 2;

// Watches `target` for added elements (a text node counts as its parent, unless that is `target`)
// and, once per animation frame, hands the outermost of those still in the page to `onBatch` in
// chunks until the frame's slice is spent; the rest wait for the next frame. A new <body> in place
// of `target` becomes the target, and `onBatch([])` says so. Gathered here, where
// each DOM call is cheap: a feed appending ten thousand paragraphs one by one is ten thousand
// records. Returns its control, `control(op)`: STOP stops it for good; HOLD holds it (a full pass
// is about to walk the page: what was added so far is dropped, what comes next waits); GO_ON
// lets it go on; every op returns how long ago (ms) the page last added something, and any
// other op (`Op::Quiet` in the Rust) only asks that.
export function watchAdded(target, onBatch) {
  let pending = [];
  let scheduled = false;
  let stopped = false;
  let held = false;
  let lastAdded = -Infinity;
  const frame = () => {
    scheduled = false;
    if (stopped || held) return;
    const start = performance.now();
    const batch = outermost(pending);
    pending = [];
    const deadline = start + SLICE_MS;
    let done = 0;
    while (done < batch.length && !stopped && performance.now() < deadline) {
      try {
        onBatch(batch.slice(done, done + CHUNK));
      } catch (e) {
        console.warn("newsclean:", e); // never into the page
      }
      done += CHUNK;
    }
    if (done < batch.length && !stopped && !held) {
      pending = batch.slice(done).concat(pending);
      schedule();
    }
    // As the loader's "newsclean:pass": in DevTools' Performance panel, and read by `make bench`.
    // Only frames of some weight: a page that changes every second (a ticker, rotating ads) would
    // otherwise fill its own performance timeline with ours, which it never clears.
    if (performance.now() - start >= 2) {
      performance.measure("newsclean:added", { start, detail: { roots: Math.min(done, batch.length), left: pending.length } });
    }
  };
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(frame);
    }
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        // (a text node straight under `target` would make all of it the added root, walked whole
        // in one frame each time; nothing in it could be hidden but `target` itself)
        const element = node.nodeType === 1 ? node : node.nodeType === 3 && node.parentNode !== target ? node.parentElement : null;
        if (element) pending.push(element);
      }
    }
    lastAdded = performance.now();
    if (pending.length && !held) schedule();
  });
  const options = { childList: true, subtree: true };
  observer.observe(target, options);
  // A site that navigates by swapping its whole <body> (Turbo Drive, pjax) leaves `target` out of
  // the page: watch the new body instead, and say so with an empty batch. A new page gets a full
  // pass, in slices, as a loaded one does; not a walk of the whole body here in one frame.
  const doc = target.ownerDocument;
  const swaps = new MutationObserver(() => {
    const body = doc.body;
    if (!body || body === target) return;
    target = body;
    observer.disconnect();
    observer.observe(target, options);
    pending = []; // (what the old body had added left with it; the pass reads the new one)
    lastAdded = performance.now();
    try {
      onBatch([]);
    } catch (e) {
      console.warn("newsclean:", e); // never into the page
    }
  });
  if (target.parentNode) swaps.observe(target.parentNode, { childList: true });
  return (op) => {
    if (op === STOP || op === HOLD) pending = [];
    if (op === STOP) {
      stopped = true;
      observer.disconnect();
      swaps.disconnect();
    }
    if (op === HOLD) held = true;
    if (op === GO_ON) {
      held = false;
      if (pending.length) schedule();
    }
    return performance.now() - lastAdded;
  };
}

// The elements of `added` still in the page and inside none of the others, each once, in order:
// one walk up from each to the first of the others above it (a Set, not every pair: ten thousand
// siblings added in one frame took seconds compared pairwise).
function outermost(added) {
  const all = new Set(added);
  const out = [];
  for (const element of all) {
    if (!element.isConnected || element.localName === "newsclean-sidebar") continue;
    let above = element.parentNode;
    while (above && !all.has(above)) above = above.parentNode;
    if (!above) out.push(element);
  }
  return out;
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = watchAdded)]
    fn watch_added(target: &Element, on_batch: &Function) -> Result<Function, JsValue>;
}

/// Watches `<body>` for added elements and hands them to `on_batch`, a chunk at a time.
pub struct Observer {
    control: Function,
    _on_batch: Closure<dyn FnMut(JsValue)>,
}

/// What a watcher's control does (`watchAdded`'s STOP, HOLD, GO_ON; any other only asks).
#[derive(Clone, Copy)]
enum Op {
    Stop = 0,
    Hold = 1,
    GoOn = 2,
    Quiet = 3,
}

impl Observer {
    /// Starts observing `target`; `on_batch` gets an `Array` of added top-level elements.
    pub fn start(
        target: &Element,
        mut on_batch: impl FnMut(Array) + 'static,
    ) -> Result<Observer, GlueError> {
        // NOTE: typed JsValue as the sidebar's listener is: each distinct closure signature adds
        // its own cast intrinsic and export to the wasm.
        let on_batch = Closure::<dyn FnMut(JsValue)>::new(move |batch: JsValue| {
            on_batch(batch.unchecked_into())
        });
        let control = watch_added(target, on_batch.as_ref().unchecked_ref())
            .context("starting the observer")?;
        Ok(Observer {
            control,
            _on_batch: on_batch,
        })
    }

    /// Stops observing: no batch reaches `on_batch` after this, not even one already gathered.
    pub fn stop(&self) {
        self.control(Op::Stop);
    }

    /// Holds the batches while a full pass walks the page: what was added so far is dropped
    /// (the pass reads it), what is added from now on waits for [`Observer::go_on`].
    pub fn hold(&self) {
        self.control(Op::Hold);
    }

    /// Hands over what was added while held, and goes on.
    pub fn go_on(&self) {
        self.control(Op::GoOn);
    }

    /// How long ago (ms) the page last added something under the target.
    pub fn quiet_for(&self) -> f64 {
        self.control(Op::Quiet)
    }

    fn control(&self, op: Op) -> f64 {
        self.control
            .call1(&JsValue::UNDEFINED, &JsValue::from(op as u32))
            .ok()
            .and_then(|ms| ms.as_f64())
            .unwrap_or(f64::INFINITY)
    }
}

impl Drop for Observer {
    /// A dropped observer stops: its `on_batch` is gone, and a frame must not call it.
    fn drop(&mut self) {
        self.stop();
    }
}
