//! Walks the live DOM once, in document order, into the core's outline.
//!
//! The walk itself runs in JavaScript, where each DOM call is cheap, and crosses into wasm once:
//! one string of [`event`](crate::outline::event)s (tags, the attributes the core reads, text)
//! and one array of the elements opened. Crossing per node and per attribute instead cost ten
//! times a plain JavaScript walk. The script is `collect.js`, a module of the glue.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::outline::{Outline, Replayer, READ_ATTRIBUTE_NAMES};

#[wasm_bindgen(module = "/src/web/collect.js")]
extern "C" {
    /// A walk in progress (the object `startWalk` returns).
    pub type Walker;
    #[wasm_bindgen(js_name = startWalk)]
    fn start_walk(roots: &Array, names: &str) -> Walker;
    #[wasm_bindgen(method)]
    fn step(this: &Walker, deadline: f64) -> Array;
    #[wasm_bindgen(method, getter)]
    fn nodes(this: &Walker) -> Array;
}

/// The elements a walk opened, in order: `NodeIx(n)` is the n-th.
pub struct Nodes(Array);

impl Nodes {
    /// The element opened as `NodeIx(ix)`.
    pub fn get(&self, ix: u32) -> Option<Element> {
        self.0.get(ix).dyn_into().ok()
    }

    /// All of them, as the walk's script made them (the n-th is `NodeIx(n)`): for a script that
    /// looks up many, one crossing.
    pub fn all(&self) -> &Array {
        &self.0
    }
}

/// An outline and the elements its [`NodeIx`](crate::outline::NodeIx) values point at.
pub struct Collected {
    /// The page as the core sees it.
    pub outline: Outline,
    /// The elements opened, by `NodeIx`.
    pub nodes: Nodes,
}

/// Collecting subtrees in slices: the JS walk hands over events, the core replays them. Each
/// root's ancestors are reported around it (without their other children; opened once for roots
/// that follow each other inside them) so that structure around the subtree — a nav, an ad slot,
/// a figure — counts.
pub struct Collecting {
    walker: Walker,
    replayer: Replayer,
}

impl Collecting {
    /// Starts collecting the subtrees of `roots` (elements), one after the other.
    pub fn start(roots: &Array) -> Collecting {
        Collecting {
            walker: start_walk(roots, READ_ATTRIBUTE_NAMES),
            replayer: Replayer::default(),
        }
    }

    /// Walks and replays until `deadline` (`performance.now()` time); returns true when the
    /// whole subtree is in.
    pub fn step(&mut self, deadline: f64) -> bool {
        let walked = self.walker.step(deadline);
        self.replayer
            .feed(&walked.get(0).as_string().unwrap_or_default());
        walked.get(1).is_truthy()
    }

    /// The outline and its elements.
    pub fn finish(self) -> Collected {
        Collected {
            outline: self.replayer.finish(),
            nodes: Nodes(self.walker.nodes()),
        }
    }
}

/// Collects the outline of `root`'s subtree at once.
pub fn collect(root: &Element) -> Collected {
    collect_all(&Array::of1(root))
}

/// Collects the outline of the subtrees of `roots` (elements), one after the other, at once.
pub fn collect_all(roots: &Array) -> Collected {
    let mut collecting = Collecting::start(roots);
    while !collecting.step(f64::INFINITY) {}
    collecting.finish()
}
