//! Content that arrives later (lazy ad slots, infinite scroll, SPA navigation): a
//! MutationObserver gathers the added subtrees, and once per animation frame the outermost of
//! them go to the page, a few dozen per crossing, for as long as the frame's slice lasts; the
//! rest wait for the next frame. Our own changes (attributes, the sidebar outside `<body>`) never
//! trigger it: it watches child lists under `<body>` only, and which element is `<body>` (a site
//! that navigates by swapping it gets its new one watched, and a full pass, as does one that
//! takes out what the sidebar's quotations link to). While the page loads, the watcher of
//! `<html>` (`Engine.watchEarly`) follows the parser instead, a frame's slice of the complete
//! subtrees at a time, in document order, and observes only once the page is parsed. The script
//! is `observe.js`, a module of the glue.

use js_sys::{Array, Function};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::js::{Context, GlueError};

#[wasm_bindgen(module = "/src/web/observe.js")]
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
