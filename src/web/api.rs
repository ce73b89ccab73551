//! The whole JS surface of the package: `cleanDocument`, `analyze`, `setEnabled`.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use super::apply::{self, OFF_ATTR, STATE_ATTR};
use super::collect::collect;
use super::js::{into_js, report_to_js, Context, GlueError};
use super::observe::Observer;
use super::sidebar::Sidebar;
use crate::plan::{is_article_text, plan, Settings};

/// What one page's session keeps: what we marked, the sidebar and the observer.
struct Session {
    marked: Vec<Element>,
    sidebar: Sidebar,
    observer: Observer,
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
    into_js(report_of(root, &Settings::default()))
}

/// Like [`analyze`] with the cleanup rules only (no quotes): what cleaning alone costs, for the
/// benchmark. Changes nothing.
///
/// # Errors
///
/// When the report cannot be handed to JS.
#[wasm_bindgen(js_name = analyzeCleanupOnly)]
pub fn analyze_cleanup_only(root: &Element) -> Result<JsValue, JsError> {
    let settings = Settings {
        quotes: false,
        ..Settings::default()
    };
    into_js(report_of(root, &settings))
}

/// The report of the subtree under `root`, changing nothing.
fn report_of(root: &Element, settings: &Settings) -> Result<JsValue, GlueError> {
    let collected = collect(root);
    let p = plan(&collected.outline, settings);
    report_to_js(&p.report(&collected.outline))
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
        session.observer.stop();
        session.sidebar.remove();
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
    let targets = p
        .quotes
        .iter()
        .map(|q| collected.nodes.get(collected.outline.block(q.block).node.0))
        .collect::<Option<Vec<Element>>>()
        .context("a quote's paragraph was not collected")?;
    let sidebar = Sidebar::render(&doc, &p, targets, p.hide.len())?;
    let report = p.report(&collected.outline);
    let observer = Observer::start(&body, on_added)?;
    SESSION.with(|s| {
        *s.borrow_mut() = Some(Session {
            marked,
            sidebar,
            observer,
        })
    });
    apply::set_root_attr(&doc, STATE_ATTR, Some("ready"))?;
    report_to_js(&report)
}

/// Prose paragraphs an addition must bring to count as a new article (infinite scroll, a
/// single-page app navigating): then the whole page is planned again, so the sidebar lists it.
const NEW_ARTICLE_PARAGRAPHS: usize = 3;
/// How long a full pass waits after the addition that asked for it, gathering any that follow.
const REFRESH_DELAY_MS: i32 = 400;

thread_local! {
    /// The full pass the observer schedules: made once and kept for the page's lifetime, so it
    /// is never dropped while it runs (the pass replaces the observer that asked for it).
    static REFRESH: Closure<dyn FnMut()> = Closure::new(refresh);
    static REFRESH_PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Cleans subtrees added after the first pass: ad labels and duplicated captions within the
/// addition — work in proportion to what changed. A whole new article schedules one full pass.
fn on_added(roots: Vec<Element>) {
    let settings = Settings {
        hide_ad_markers: true,
        hide_duplicate_captions: true,
        quotes: false,
    };
    let mut prose = 0;
    for root in roots {
        let collected = collect(&root);
        prose += collected
            .outline
            .blocks
            .iter()
            .filter(|b| is_article_text(b) && b.text.len() >= 80)
            .count();
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
    if prose >= NEW_ARTICLE_PARAGRAPHS {
        schedule_refresh();
    }
}

/// Schedules one full pass, unless one is already waiting.
fn schedule_refresh() {
    if REFRESH_PENDING.with(|p| p.replace(true)) {
        return;
    }
    let scheduled = REFRESH.with(|callback| {
        web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                REFRESH_DELAY_MS,
            )
            .ok()
        })
    });
    if scheduled.is_none() {
        REFRESH_PENDING.with(|p| p.set(false));
    }
}

fn refresh() {
    REFRESH_PENDING.with(|p| p.set(false));
    // Only while cleaning is on: switched off in between means the page stays as it is.
    if SESSION.with(|s| s.borrow().is_some()) {
        if let Err(e) = run() {
            web_sys::console::warn_1(&e.to_string().into());
        }
    }
}
