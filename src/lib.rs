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
// The wasm has no std: std's panic path (its hook, message formatting with `core::fmt`) was
// 6.2 KB raw / 2.5 KB brotli of the 150 / 60 KB budget. The shipped build (`scripts/build.sh`)
// turns on the `panic-handler` feature, our own handler (`web::api`); without it (the browser
// tests, whose harness brings its own panic handling, or a plain `cargo build`), std is linked
// for its handler. No std also means no `thread_local!`: the page's state lives in `web::api::Engine`.
#![cfg_attr(all(target_arch = "wasm32", not(test)), no_std)]

extern crate alloc;
#[cfg(all(target_arch = "wasm32", not(test), not(feature = "panic-handler")))]
extern crate std;

/// What std's prelude gives the code that the wasm build, which has no std, must name itself.
mod prelude {
    pub use alloc::borrow::ToOwned;
    pub use alloc::string::{String, ToString};
    pub use alloc::vec;
    pub use alloc::vec::Vec;
}

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
