//! Page cleanup decisions: which blocks are leftover ad labels or extra copies of a caption.
//!
//! Each rule reads the [`Outline`](crate::outline::Outline) only and returns what to hide and
//! why; nothing here touches a page.

pub mod ad_marker;
pub mod caption;

pub use ad_marker::AdMarker;
