//! Applies a plan: marks elements with `data-newsclean`; the extension's stylesheet hides them.
//!
//! Hiding is one attribute per element and one stylesheet rule, never a removed or rewritten
//! node, so switching off (removing the attributes) restores the page exactly.

use crate::prelude::*;

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use super::collect::Nodes;
use super::js::{Context, GlueError};
use crate::plan::Hide;

/// The attribute that marks hidden elements; its value is the kind.
pub const HIDDEN_ATTR: &str = "data-newsclean";
/// The `<html>` attribute that reports progress (`ready`).
pub const STATE_ATTR: &str = "data-newsclean-state";
/// The `<html>` attribute that shows everything hidden again, without touching page nodes.
pub const OFF_ATTR: &str = "data-newsclean-off";

/// Marks the elements of these hides (all or a slice of a plan's) and adds them to `marked`;
/// one marked already (before the first pass, or by the session this pass replaces) is added as it
/// is, so that it never leaves the rendering in between.
///
/// NOTE: all layout reads come before all writes. Each mark hides its element through the
/// extension's stylesheet, so a read after a write forces a fresh layout: interleaved, a page
/// with thousands of labels took minutes (measured: 281 s on a 10 MB page); batched, one layout.
pub fn hide(hides: &[Hide], nodes: &Nodes, marked: &Array) -> Result<(), GlueError> {
    let mut targets = Vec::with_capacity(hides.len());
    for h in hides {
        let el = nodes
            .get(h.node.0)
            .context("plan names an element that was not collected")?;
        if el.has_attribute(HIDDEN_ATTR) {
            marked.push(&el);
        // Not rendered at all (hidden by the page's own CSS or script): hiding what nobody sees
        // changes nothing and would only add risk.
        } else if is_rendered(&el) {
            targets.push((el, h.kind));
        }
    }
    for (el, kind) in targets {
        // the same element may be named twice (a label and its slot): mark it once
        if el.has_attribute(HIDDEN_ATTR) {
            continue;
        }
        el.set_attribute(HIDDEN_ATTR, kind.as_str())
            .context("marking an element hidden")?;
        marked.push(&el);
    }
    Ok(())
}

#[wasm_bindgen]
extern "C" {
    /// An element as `checkVisibility()` sees it (web-sys has no binding for it yet).
    type Rendered;
    /// Whether the element is rendered: no `display: none` on it or above, nor inside skipped
    /// `content-visibility` content. It brings style up to date, not layout: after marks just
    /// set, asking for boxes (`getClientRects`) laid the whole page out again, 8-14 ms a time
    /// on a feed of 10,000 items, once per chunk the observer handed over.
    #[wasm_bindgen(method, js_name = checkVisibility)]
    fn check_visibility(this: &Rendered) -> bool;
}

fn is_rendered(el: &Element) -> bool {
    el.unchecked_ref::<Rendered>().check_visibility()
}

#[wasm_bindgen(module = "/src/web/collect.js")]
extern "C" {
    /// Unmarks the elements of `marked` that are not in `kept`, and empties `marked`.
    #[wasm_bindgen(js_name = unmarkAllBut)]
    pub fn unhide_all_but(marked: &Array, kept: &Array);
}

/// Unmarks the elements of `marked`, and empties it.
pub fn unhide(marked: &Array) {
    unhide_all_but(marked, &Array::new());
}

/// Sets an attribute on `<html>`.
// (cold and called from many places: inlined, each caller held a copy)
#[inline(never)]
pub fn set_root_attr(doc: &Document, name: &str, value: Option<&str>) -> Result<(), GlueError> {
    let root = doc
        .document_element()
        .context("document has no root element")?;
    match value {
        Some(v) => root
            .set_attribute(name, v)
            .context("setting a root attribute"),
        None => root
            .remove_attribute(name)
            .context("setting a root attribute"),
    }
}
