//! newsclean: hides leftover ad markers and duplicated photo captions on news pages, and lists
//! who is quoted and what they said.
//!
//! The crate is one pure core and a thin browser glue:
//!
//! ```text
//! DOM ──collect──▶ Outline ──plan──▶ Plan ──apply──▶ DOM (hidden, never removed) + sidebar
//!                  (blocks)  (core)  (what to hide, quotes, speakers)
//! ```
//!
//! - [`outline`]: the page as text blocks with structural evidence, built from DOM events by
//!   [`outline::OutlineBuilder`] (shared by the browser glue and the native CLI);
//! - [`plan`]: the core's one entry point, [`plan::plan`];
//! - [`clean`]: ad-marker labels and duplicated captions;
//! - [`quotes`]: quotation spans, attribution and speaker entities;
//! - [`text`]: tokens for attribution, case folding;
//! - [`json`]: the report's JSON text, shared by the CLI and the browser;
//! - `web` (wasm32 only): collect, apply, sidebar, observe — the only code that sees a DOM.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod clean;
#[cfg(feature = "cli")]
pub mod html;
pub mod json;
pub mod outline;
pub mod plan;
pub mod quotes;
pub mod text;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// A TLSF allocator instead of the default dlmalloc: constant-time and about 5 KB less wasm
/// (the size budget is 150 KB raw, 60 KB brotli).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();

pub use outline::{Outline, OutlineBuilder};
pub use plan::{plan, Plan, Settings};
