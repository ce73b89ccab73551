//! Conversions between JS values and Rust, and the one place errors become `JsError`.

use crate::prelude::*;

use core::fmt;

use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsError, JsValue};

use crate::plan::Report;

#[wasm_bindgen(module = "/src/web/collect.js")]
extern "C" {
    /// The page's window, or None where there is none (a worker).
    ///
    /// NOTE: the same answer as `web_sys::window()`, which probes `globalThis`, `self`, `window`
    /// and `global` in turn and then checks `instanceof Window`: reading `window` alone saves
    /// ~1 KB. Asked of JS on each call rather than kept in a `thread_local_v2` static, whose lazy
    /// cell brought its own panic path (612 B).
    #[wasm_bindgen(js_name = pageWindow)]
    pub fn window() -> Option<web_sys::Window>;
}

/// A failed DOM operation, with what the glue was doing.
pub struct GlueError {
    what: &'static str,
    detail: String,
}

impl GlueError {
    /// Wraps a JS exception thrown while doing `what`.
    // (cold and called from many places: inlined, each caller held a copy)
    #[inline(never)]
    pub fn dom(what: &'static str, err: JsValue) -> Self {
        let detail = err
            .as_string()
            .or_else(|| js_sys::Error::from(err).message().as_string())
            .unwrap_or_default();
        Self { what, detail }
    }

    /// A failure with no JS exception behind it.
    // (cold and called from many places: inlined, each caller held a copy)
    #[inline(never)]
    pub fn missing(what: &'static str) -> Self {
        Self {
            what,
            detail: "not available".into(),
        }
    }
}

impl GlueError {
    /// "newsclean: what failed: why", as the console and `JsError` show it.
    // (cold and called from many places: inlined, each caller held a copy)
    #[inline(never)]
    pub fn message(&self) -> String {
        crate::text::concat(&["newsclean: ", self.what, ": ", &self.detail])
    }
}

impl fmt::Display for GlueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

// NOTE: Debug as Display, not derived: a derived Debug pulls char-escaping code into the wasm.
impl fmt::Debug for GlueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl core::error::Error for GlueError {}

/// Adds "while doing X" context to DOM results.
pub trait Context<T> {
    /// Maps a JS exception to a [`GlueError`] saying what failed.
    fn context(self, what: &'static str) -> Result<T, GlueError>;
}

impl<T> Context<T> for Result<T, JsValue> {
    fn context(self, what: &'static str) -> Result<T, GlueError> {
        self.map_err(|e| GlueError::dom(what, e))
    }
}

impl<T> Context<T> for Option<T> {
    fn context(self, what: &'static str) -> Result<T, GlueError> {
        self.ok_or_else(|| GlueError::missing(what))
    }
}

/// The one place a glue error becomes a `JsError` for the caller.
pub fn into_js<T>(result: Result<T, GlueError>) -> Result<T, JsError> {
    result.map_err(|e| JsError::new(&e.message()))
}

/// Hands a report to JS as plain objects: one string across, one `JSON.parse`.
pub fn report_to_js(report: &Report) -> Result<JsValue, GlueError> {
    json_to_js(&report.to_json())
}

/// Hands JSON text written by the core to JS as plain objects.
// (cold and called from many places: inlined, each caller held a copy)
#[inline(never)]
pub fn json_to_js(json: &str) -> Result<JsValue, GlueError> {
    js_sys::JSON::parse(json).context("reading the report as JSON")
}
