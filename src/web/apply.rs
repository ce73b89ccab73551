//! Applies a plan: marks elements with `data-newsclean`; the extension's stylesheet hides them.
//!
//! Hiding is one attribute per element and one stylesheet rule, never a removed or rewritten
//! node, so switching off (removing the attributes) restores the page exactly.

use crate::prelude::*;

use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::Document;

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
/// is, so that it never leaves the rendering in between. The marks of `earlier` that none of these
/// hides makes again are taken back first: one on an element around a hide would make that hide
/// look not rendered (a label's slot marked as the page loaded, where the first pass hides the
/// label alone: the label was left shown). One crossing: `markAll` in collect.js.
pub fn hide(
    hides: &[Hide],
    nodes: &Nodes,
    marked: &Array,
    earlier: &Array,
) -> Result<(), GlueError> {
    let mut ixs = Vec::with_capacity(hides.len());
    let mut kinds = String::new();
    for h in hides {
        ixs.push(h.node.0);
        kinds.push_str(h.kind.as_str());
        kinds.push(' ');
    }
    mark_all(nodes.all(), &ixs, &kinds, marked, earlier).context("marking elements hidden")
}

#[wasm_bindgen(module = "/src/web/collect.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = markAll)]
    fn mark_all(
        nodes: &Array,
        ixs: &[u32],
        kinds: &str,
        marked: &Array,
        earlier: &Array,
    ) -> Result<(), JsValue>;
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
