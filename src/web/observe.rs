//! Content that arrives later (lazy ad slots, infinite scroll, SPA navigation): a
//! MutationObserver gathers the added subtrees, and once per animation frame the outermost of
//! them go to the page, a few dozen per crossing, for as long as the frame's slice lasts; the
//! rest wait for the next frame. Our own changes (attributes, the sidebar outside `<body>`) never
//! trigger it: it watches child lists under `<body>` only.

use js_sys::{Array, Function};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::js::{Context, GlueError};

#[wasm_bindgen(inline_js = r#"
// How long one frame's work on additions may take, and how many added subtrees cross at once.
const SLICE_MS = 12;
const CHUNK = 32;

// Watches `target` for added elements (a text node counts as its parent, unless that is `target`)
// and, once per animation frame, hands the outermost of those still in the page to `onBatch` in
// chunks until the frame's slice is spent; the rest wait for the next frame. Gathered here, where each DOM call is cheap:
// a feed appending ten thousand paragraphs one by one is ten thousand records. Returns the
// function that stops it for good.
export function watchAdded(target, onBatch) {
  let pending = [];
  let scheduled = false;
  let stopped = false;
  const frame = () => {
    scheduled = false;
    if (stopped) return;
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
    if (done < batch.length && !stopped) {
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
    if (pending.length) schedule();
  });
  observer.observe(target, { childList: true, subtree: true });
  return () => {
    stopped = true;
    pending = [];
    observer.disconnect();
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
    stop: Function,
    _on_batch: Closure<dyn FnMut(JsValue)>,
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
        let stop = watch_added(target, on_batch.as_ref().unchecked_ref())
            .context("starting the observer")?;
        Ok(Observer {
            stop,
            _on_batch: on_batch,
        })
    }

    /// Stops observing: no batch reaches `on_batch` after this, not even one already gathered.
    pub fn stop(&self) {
        let _ = self.stop.call0(&JsValue::UNDEFINED);
    }
}

impl Drop for Observer {
    /// A dropped observer stops: its `on_batch` is gone, and a frame must not call it.
    fn drop(&mut self) {
        self.stop();
    }
}
