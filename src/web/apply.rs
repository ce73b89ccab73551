//! Applies a plan: marks elements with `data-newsclean`; the extension's stylesheet hides them.
//!
//! Hiding is one attribute per element and one stylesheet rule, never a removed or rewritten
//! node, so switching off (removing the attributes) restores the page exactly.

use crate::prelude::*;

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

/// Marks the elements of these hides (all or a slice of a plan's); returns those newly marked.
///
/// NOTE: all layout reads come before all writes. Each mark hides its element through the
/// extension's stylesheet, so a read after a write forces a fresh layout: interleaved, a page
/// with thousands of labels took minutes (measured: 281 s on a 10 MB page); batched, one layout.
pub fn hide(hides: &[Hide], nodes: &Nodes) -> Result<Vec<Element>, GlueError> {
    let mut targets = Vec::with_capacity(hides.len());
    for h in hides {
        let el = nodes
            .get(h.node.0)
            .context("plan names an element that was not collected")?;
        // Already marked, or not rendered at all (hidden by the page's own CSS or script):
        // hiding what nobody sees changes nothing and would only add risk.
        if !el.has_attribute(HIDDEN_ATTR) && is_rendered(&el) {
            targets.push((el, h.kind));
        }
    }
    let mut marked = Vec::with_capacity(targets.len());
    for (el, kind) in targets {
        // the same element may be named twice (a label and its slot): mark it once
        if el.has_attribute(HIDDEN_ATTR) {
            continue;
        }
        el.set_attribute(HIDDEN_ATTR, kind.as_str())
            .context("marking an element hidden")?;
        marked.push(el);
    }
    Ok(marked)
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

/// Removes our marks from these elements.
pub fn unhide(marked: &[Element]) -> Result<(), GlueError> {
    for el in marked {
        el.remove_attribute(HIDDEN_ATTR)
            .context("unmarking an element")?;
    }
    Ok(())
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
