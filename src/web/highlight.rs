//! Highlights a quotation's own text in the article with the CSS Custom Highlight API: a
//! `Range` over the page's text nodes registered as `CSS.highlights["newsclean-quote"]`, styled
//! by `::highlight(newsclean-quote)` in the extension's stylesheet. The page's DOM is not touched.
//! The ranges come from the walk's script (collect.rs), which reads the page's text as the core
//! does.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::collect::ranges_of;

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
pub fn show(root: &Element, pieces: &[&str]) -> bool {
    REGISTRY.with(|registry| {
        let Some(registry) = registry else {
            return false;
        };
        let pieces: Array = pieces.iter().map(|p| JsValue::from_str(p)).collect();
        let ranges = ranges_of(root, &pieces);
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
