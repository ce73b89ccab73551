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

/// Stands in the text map for a punctuation mark the page shows misread as three chars (`â€œ`
/// for `“`; see the walk in collect.rs, which put the mark back in the core's text): matches any
/// mark of U+2000–U+203F. U+FFFF is a noncharacter, never page text.
const MISREAD_MARK: char = '\u{FFFF}';

/// The whitespace-collapsed text under an element (as the core saw it), with each char's place
/// in the DOM: text node, UTF-16 offset and length, the units `Range` counts in.
struct TextMap {
    text: Vec<char>,
    places: Vec<(usize, u32, u32)>,
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
        let mut chars = data.chars();
        while let Some(c) = chars.next() {
            let mut len = c.len_utf16() as u32;
            if c.is_whitespace() {
                if self.text.last().is_some_and(|last| *last != ' ') {
                    self.text.push(' ');
                    self.places.push((at, offset, len));
                }
            } else if let Some(rest) = chars.as_str().strip_prefix('€').filter(|_| c == 'â') {
                // "â€" and the char after it: one mark in the core's text, put back by the walk
                chars = rest.chars();
                len = 2 + chars.next().map_or(0, |third| third.len_utf16() as u32);
                self.text.push(MISREAD_MARK);
                self.places.push((at, offset, len));
            } else {
                self.text.push(c);
                self.places.push((at, offset, len));
            }
            offset += len;
        }
    }

    fn range_of(&self, doc: &Document, piece: &str) -> Option<Range> {
        let needle: Vec<char> = piece.chars().collect();
        if needle.is_empty() {
            return None;
        }
        let matches = |(&have, &want): (&char, &char)| {
            have == want || (have == MISREAD_MARK && ('\u{2000}'..='\u{203F}').contains(&want))
        };
        let start = self
            .text
            .windows(needle.len())
            .position(|w| w.iter().zip(&needle).all(matches))?;
        let end = start + needle.len() - 1;
        let (start_node, start_offset, _) = self.places[start];
        let (end_node, end_offset, last_len) = self.places[end];
        let range = doc.create_range().ok()?;
        range
            .set_start(&self.nodes[start_node], start_offset)
            .ok()?;
        range
            .set_end(&self.nodes[end_node], end_offset + last_len)
            .ok()?;
        Some(range)
    }
}
