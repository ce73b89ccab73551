//! Highlights a quotation's own text in the article with the CSS Custom Highlight API: a
//! `Range` over the page's text nodes registered as `CSS.highlights["newsclean-quote"]`, styled
//! by `::highlight(newsclean-quote)` in the extension's stylesheet. The page's DOM is not touched.

use crate::prelude::*;

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, Range};

/// The highlight's name in the registry and in `::highlight()`.
const NAME: &str = "newsclean-quote";

// NOTE: web-sys has these behind `web_sys_unstable_apis`; the few calls we need are declared
// here instead (Chromium 105+, Firefox 140+; elsewhere `CSS.highlights` is undefined).
#[wasm_bindgen]
extern "C" {
    type Highlight;
    #[wasm_bindgen(constructor, variadic, catch)]
    fn new(ranges: &Array) -> Result<Highlight, JsValue>;

    type HighlightRegistry;
    #[wasm_bindgen(thread_local_v2, js_namespace = CSS, js_name = highlights)]
    static REGISTRY: Option<HighlightRegistry>;
    #[wasm_bindgen(method, catch)]
    fn set(this: &HighlightRegistry, name: &str, highlight: &Highlight)
        -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method)]
    fn delete(this: &HighlightRegistry, name: &str) -> bool;
}

/// Highlights the first occurrence of each piece of text under `root` (the pieces of a quote
/// split by its attribution); returns false when nothing could be highlighted.
pub fn show(doc: &Document, root: &Element, pieces: &[&str]) -> bool {
    REGISTRY.with(|registry| {
        let Some(registry) = registry else {
            return false;
        };
        let text = TextMap::of(root);
        let ranges = Array::new();
        for piece in pieces {
            if let Some(range) = text.range_of(doc, piece) {
                ranges.push(&range);
            }
        }
        ranges.length() > 0 && Highlight::new(&ranges).is_ok_and(|h| registry.set(NAME, &h).is_ok())
    })
}

/// Removes our highlight, if any.
pub fn clear() {
    REGISTRY.with(|registry| {
        if let Some(registry) = registry {
            registry.delete(NAME);
        }
    });
}

/// The whitespace-collapsed text under an element (as the core saw it), with each char's place
/// in the DOM: text node and UTF-16 offset, the units `Range` counts in.
struct TextMap {
    text: Vec<char>,
    places: Vec<(usize, u32)>,
    nodes: Vec<Node>,
}

impl TextMap {
    fn of(root: &Element) -> Self {
        let mut map = TextMap {
            text: Vec::new(),
            places: Vec::new(),
            nodes: Vec::new(),
        };
        let mut stack: Vec<Node> = vec![root.clone().into()];
        while let Some(node) = stack.pop() {
            if node.node_type() == Node::TEXT_NODE {
                map.push_text(node);
                continue;
            }
            let skip = node.dyn_ref::<Element>().is_some_and(|e| {
                matches!(e.local_name().as_str(), "script" | "style" | "noscript")
            });
            if skip {
                continue;
            }
            // children pushed in reverse so they pop in document order
            let children = node.child_nodes();
            for i in (0..children.length()).rev() {
                if let Some(child) = children.item(i) {
                    stack.push(child);
                }
            }
        }
        map
    }

    fn push_text(&mut self, node: Node) {
        let data = node.node_value().unwrap_or_default();
        let at = self.nodes.len();
        self.nodes.push(node);
        let mut offset = 0u32;
        for c in data.chars() {
            if c.is_whitespace() {
                if self.text.last().is_some_and(|last| *last != ' ') {
                    self.text.push(' ');
                    self.places.push((at, offset));
                }
            } else {
                self.text.push(c);
                self.places.push((at, offset));
            }
            offset += c.len_utf16() as u32;
        }
    }

    fn range_of(&self, doc: &Document, piece: &str) -> Option<Range> {
        let needle: Vec<char> = piece.chars().collect();
        if needle.is_empty() {
            return None;
        }
        let start = self
            .text
            .windows(needle.len())
            .position(|w| w == needle.as_slice())?;
        let end = start + needle.len() - 1;
        let (start_node, start_offset) = self.places[start];
        let (end_node, end_offset) = self.places[end];
        let range = doc.create_range().ok()?;
        range
            .set_start(&self.nodes[start_node], start_offset)
            .ok()?;
        let last_len = self.text[end].len_utf16() as u32;
        range
            .set_end(&self.nodes[end_node], end_offset + last_len)
            .ok()?;
        Some(range)
    }
}
