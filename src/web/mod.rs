//! Browser glue (wasm32 only): the only code that sees a DOM.
//!
//! One crossing per pass: [`collect`] walks the live DOM once into an
//! [`Outline`](crate::outline::Outline), the core's [`plan`](crate::plan::plan) decides, and
//! [`apply`] sets attributes and renders the sidebar. Page nodes are never removed or rewritten.

pub mod api;
pub mod apply;
pub mod collect;
pub mod js;
pub mod observe;
pub mod sidebar;
