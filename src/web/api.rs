//! The whole JS surface of the package: `cleanDocument`, `analyze`, `setEnabled`.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use super::apply::{self, OFF_ATTR, STATE_ATTR};
use super::collect::collect;
use super::js::{into_js, report_to_js, Context, GlueError};
use super::observe::Observer;
use super::sidebar::Sidebar;
use crate::plan::{plan, Settings};

/// What one page's session keeps: what we marked, the sidebar and the observer.
struct Session {
    marked: Vec<Element>,
    sidebar: Option<Sidebar>,
    observer: Option<Observer>,
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
}

/// Sets up panic reporting once, when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Cleans the current document: hides ad labels and duplicate captions, renders the sidebar,
/// sets `<html data-newsclean-state="ready">` and watches for content added later.
///
/// Returns `{hidden: [{kind, text, reason}], quotes: [...], speakers: [...]}`.
///
/// # Errors
///
/// When there is no document or body, or a DOM call fails; the page is left as it was.
#[wasm_bindgen(js_name = cleanDocument)]
pub fn clean_document() -> Result<JsValue, JsError> {
    into_js(run())
}

/// Reads the DOM under `root` and returns the same report the CLI prints, changing nothing.
///
/// # Errors
///
/// When the report cannot be converted to a JS value.
#[wasm_bindgen]
pub fn analyze(root: &Element) -> Result<JsValue, JsError> {
    let collected = collect(root);
    let p = plan(&collected.outline, &Settings::default());
    into_js(report_to_js(&p.report(&collected.outline)))
}

/// Switches cleaning off (everything shown exactly as the page had it, sidebar removed) or back on.
///
/// # Errors
///
/// When a DOM call fails.
#[wasm_bindgen(js_name = setEnabled)]
pub fn set_enabled(enabled: bool) -> Result<(), JsError> {
    into_js(if enabled { enable() } else { disable() })
}

fn enable() -> Result<(), GlueError> {
    if SESSION.with(|s| s.borrow().is_none()) {
        run()?;
    }
    Ok(())
}

fn disable() -> Result<(), GlueError> {
    end_session()?;
    let doc = document()?;
    apply::set_root_attr(&doc, OFF_ATTR, None)?;
    apply::set_root_attr(&doc, STATE_ATTR, Some("off"))
}

/// Stops watching, removes the sidebar and our marks: the page as it was.
fn end_session() -> Result<(), GlueError> {
    if let Some(session) = SESSION.with(|s| s.borrow_mut().take()) {
        if let Some(observer) = &session.observer {
            observer.stop();
        }
        if let Some(sidebar) = &session.sidebar {
            sidebar.remove();
        }
        apply::unhide(&session.marked)?;
    }
    Ok(())
}

fn document() -> Result<Document, GlueError> {
    web_sys::window()
        .context("no window")?
        .document()
        .context("no document")
}

fn run() -> Result<JsValue, GlueError> {
    let doc = document()?;
    let body = doc.body().context("document has no body")?;
    // A second call (extension re-injected, popup toggled) starts from a clean page.
    end_session()?;
    let collected = collect(&body);
    let p = plan(&collected.outline, &Settings::default());
    let marked = apply::hide(&p, &collected.nodes)?;
    let targets: Vec<Element> = p
        .quotes
        .iter()
        .map(|q| collected.nodes[collected.outline.block(q.block).node.0 as usize].clone())
        .collect();
    let sidebar = Sidebar::render(&doc, &p, targets, p.hide.len())?;
    let report = p.report(&collected.outline);
    let observer = Observer::start(&body, on_added)?;
    SESSION.with(|s| {
        *s.borrow_mut() = Some(Session {
            marked,
            sidebar: Some(sidebar),
            observer: Some(observer),
        })
    });
    apply::set_root_attr(&doc, STATE_ATTR, Some("ready"))?;
    report_to_js(&report)
}

/// Cleans subtrees added after the first pass: ad labels only, since captions and quotes need
/// the whole page and the first pass already read it.
fn on_added(roots: Vec<Element>) {
    let settings = Settings {
        hide_ad_markers: true,
        hide_duplicate_captions: false,
        quotes: false,
    };
    for root in roots {
        let collected = collect(&root);
        let p = plan(&collected.outline, &settings);
        match apply::hide(&p, &collected.nodes) {
            Ok(marked) => SESSION.with(|s| {
                if let Some(session) = s.borrow_mut().as_mut() {
                    session.marked.extend(marked);
                }
            }),
            Err(e) => web_sys::console::warn_1(&e.to_string().into()),
        }
    }
}
