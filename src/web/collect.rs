//! Walks the live DOM once, in document order, into the core's outline.
//!
//! The walk itself runs in JavaScript, where each DOM call is cheap, and crosses into wasm once:
//! one string of [`event`](crate::outline::event)s (tags, the attributes the core reads, text)
//! and one array of the elements opened. Crossing per node and per attribute instead cost ten
//! times a plain JavaScript walk.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::outline::{replay, Outline, READ_ATTRIBUTES};

#[wasm_bindgen(inline_js = r#"
// Tags whose children never render as page text: not descended into (the core skips them too).
const OPAQUE = new Set(["script", "style", "noscript", "template", "svg", "math", "iframe",
  "object", "embed", "canvas", "video", "audio", "select", "textarea", "head", "title",
  "newsclean-sidebar"]);
// Markers of the event format (outline::event) and anything resembling them in page text.
const OPEN = "\x01", CLOSE = "\x02", TEXT = "\x03", FIELD = "\x04", ABSENT = "\x05";
const HAS_MARKER = /[\x01-\x05]/; // not /g: test() on a global regex is stateful
const MARKERS = /[\x01-\x05]/g;
const clean = (s) => (HAS_MARKER.test(s) ? s.replace(MARKERS, " ") : s);

export function walkDom(root, names) {
  const out = [];
  const nodes = [];
  const absent = (FIELD + ABSENT).repeat(names.length);
  const index = new Map(names.map((n, i) => [n, i]));
  const values = new Array(names.length);
  const open = (el) => {
    nodes.push(el);
    let rec = OPEN + el.localName;
    const attrs = el.attributes;
    if (attrs.length === 0) {
      rec += absent;
    } else {
      // the element's own attributes (usually one or two), not one lookup per name
      values.fill(ABSENT);
      for (let i = 0; i < attrs.length; i++) {
        const at = index.get(attrs[i].name);
        if (at !== undefined) values[at] = clean(attrs[i].value);
      }
      for (let i = 0; i < values.length; i++) rec += FIELD + values[i];
    }
    out.push(rec);
  };
  const ancestors = [];
  for (let p = root.parentElement; p; p = p.parentElement) ancestors.push(p);
  for (let i = ancestors.length - 1; i >= 0; i--) open(ancestors[i]);
  // iterative depth-first walk: pages nest deep enough to overflow recursion
  open(root);
  let node = OPAQUE.has(root.localName) ? null : root.firstChild;
  let parent = root;
  while (parent) {
    if (node === null) {
      out.push(CLOSE);
      if (parent === root) break;
      node = parent.nextSibling;
      parent = parent.parentNode;
      continue;
    }
    const type = node.nodeType;
    if (type === 1) {
      open(node);
      if (!OPAQUE.has(node.localName) && node.firstChild) {
        parent = node;
        node = node.firstChild;
        continue;
      }
      out.push(CLOSE);
    } else if (type === 3 || type === 4) {
      out.push(TEXT + clean(node.data));
    }
    node = node.nextSibling;
  }
  for (let i = 0; i < ancestors.length; i++) out.push(CLOSE);
  return [out.join(""), nodes];
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = walkDom)]
    fn walk_dom(root: &Element, names: &Array) -> Array;
}

/// The elements a walk opened, in order: `NodeIx(n)` is the n-th.
pub struct Nodes(Array);

impl Nodes {
    /// The element opened as `NodeIx(ix)`.
    pub fn get(&self, ix: u32) -> Option<Element> {
        self.0.get(ix).dyn_into().ok()
    }
}

/// An outline and the elements its [`NodeIx`](crate::outline::NodeIx) values point at.
pub struct Collected {
    /// The page as the core sees it.
    pub outline: Outline,
    /// The elements opened, by `NodeIx`.
    pub nodes: Nodes,
}

/// Collects the outline of `root`'s subtree. Its ancestors are reported first (without their
/// other children) so that structure around the subtree — a nav, an ad slot, a figure — counts.
pub fn collect(root: &Element) -> Collected {
    let names: Array = READ_ATTRIBUTES
        .iter()
        .map(|n| JsValue::from_str(n))
        .collect();
    let walked = walk_dom(root, &names);
    let events = walked.get(0).as_string().unwrap_or_default();
    Collected {
        outline: replay(&events),
        nodes: Nodes(walked.get(1).unchecked_into()),
    }
}
