//! The whole JS surface of the package: `cleanDocument`, `analyze`, `setEnabled`.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use super::apply::{self, OFF_ATTR, STATE_ATTR};
use super::collect::{collect, Collected, Collecting};
use super::js::{into_js, json_to_js, report_to_js, Context, GlueError};
use super::observe::Observer;
use super::sidebar::{Sidebar, SidebarBuild};
use crate::outline::PROSE_PARAGRAPH_BYTES;
use crate::plan::{is_article_text, plan, Plan, Planner, Settings};

/// What one page's session keeps: what we marked, the sidebar and the observer.
struct Session {
    marked: Vec<Element>,
    sidebar: Sidebar,
    observer: Observer,
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
}

/// Sets up panic reporting once, when the module is instantiated: a panic is a bug, and the
/// console says what and where. (A hook of our own: `console_error_panic_hook` weighs 2 KB.)
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let what = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("panic");
        let (file, line) = info
            .location()
            .map_or(("?", 0), |at| (at.file(), at.line()));
        web_sys::console::error_4(
            &"newsclean panicked:".into(),
            &what.into(),
            &file.into(),
            &line.into(),
        );
    }));
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
    abandon_running_pass()?;
    if let Some(session) = SESSION.with(|s| s.borrow_mut().take()) {
        session.observer.stop();
        session.sidebar.remove();
        apply::unhide(&session.marked)?;
    }
    Ok(())
}

fn document() -> Result<Document, GlueError> {
    super::js::window()
        .context("no window")?
        .document()
        .context("no document")
}

fn run() -> Result<JsValue, GlueError> {
    let mut pass = start_pass(true)?;
    while !pass.advance_or_undo(f64::INFINITY)? {}
    Ok(pass.report.take().unwrap_or(JsValue::NULL))
}

fn start_pass(full_report: bool) -> Result<Pass, GlueError> {
    let doc = document()?;
    let body = doc.body().context("document has no body")?;
    // The session of an earlier pass (extension re-injected, popup toggled, a new article
    // arrived) stays on the page until this pass applies its own plan, in the same task: no
    // moment with the page half cleaned.
    abandon_running_pass()?;
    Ok(Pass {
        collecting: Some(Collecting::start(&body)),
        doc,
        body: body.into(),
        collected: None,
        planner: None,
        plan: None,
        marked: Vec::new(),
        hidden: false,
        sidebar: None,
        full_report,
        report: None,
    })
}

thread_local! {
    /// The sliced pass `cleanStep` is running, if any.
    static PASS: RefCell<Option<Pass>> = const { RefCell::new(None) };
}

/// Does what `cleanDocument()` does in slices, so that even a very long page never holds the
/// main thread for long: each call works for about `budget_ms` milliseconds (starting a pass if
/// none is running) and returns `null` until the pass is done, then `{hidden, quotes, speakers}`
/// counts. Call it from separate tasks.
///
/// # Errors
///
/// When there is no document or body, or a DOM call fails; the page is left as it was.
#[wasm_bindgen(js_name = cleanStep)]
pub fn clean_step(budget_ms: f64) -> Result<JsValue, JsError> {
    into_js(step_pass(running_pass(), budget_ms))
}

/// The sliced pass that is running, if any (taken out while it works).
fn running_pass() -> Option<Pass> {
    PASS.with(|p| p.borrow_mut().take())
}

/// Drops the sliced pass that is running, if any, taking back the marks it made.
fn abandon_running_pass() -> Result<(), GlueError> {
    match running_pass() {
        Some(pass) => apply::unhide(&pass.marked),
        None => Ok(()),
    }
}

/// Runs `pass` (or a new one) for about `budget_ms`: the report when it is done, else `null`
/// with the pass put back for the next slice.
fn step_pass(pass: Option<Pass>, budget_ms: f64) -> Result<JsValue, GlueError> {
    let deadline = now() + budget_ms;
    let mut pass = pass.map_or_else(|| start_pass(false), Ok)?;
    if pass.advance_or_undo(deadline)? {
        Ok(pass.report.take().unwrap_or(JsValue::NULL))
    } else {
        PASS.with(|p| *p.borrow_mut() = Some(pass));
        Ok(JsValue::NULL)
    }
}

/// A cleaning pass in progress.
struct Pass {
    doc: Document,
    body: Element,
    collecting: Option<Collecting>,
    collected: Option<Collected>,
    planner: Option<Planner>,
    plan: Option<Plan>,
    marked: Vec<Element>,
    /// The plan's hides are applied (`marked` holds what they marked).
    hidden: bool,
    sidebar: Option<SidebarBuild>,
    /// Report everything (`cleanDocument`), or counts only (`cleanStep`).
    full_report: bool,
    report: Option<JsValue>,
}

/// Article paragraphs read for quotations, or quotations listed, between looks at the clock.
const SLICE: usize = 64;
/// How long each piece of the DOM walk runs before its events are replayed into the outline.
const WALK_SLICE_MS: f64 = 1.0;

impl Pass {
    /// [`Pass::advance`], unmarking what it marked when it fails: nothing is left half done.
    fn advance_or_undo(&mut self, deadline: f64) -> Result<bool, GlueError> {
        let done = self.advance(deadline);
        if done.is_err() {
            let _ = apply::unhide(&self.marked);
        }
        done
    }

    /// Advances through the stages — collect, quotations, hide, sidebar — until `deadline`
    /// (`performance.now()` time); returns true when done.
    fn advance(&mut self, deadline: f64) -> Result<bool, GlueError> {
        let late = || now() >= deadline;
        if let Some(collecting) = self.collecting.as_mut() {
            // Replaying a piece costs several times walking it: walk in short pieces.
            while !collecting.step(deadline.min(now() + WALK_SLICE_MS)) {
                if late() {
                    return Ok(false);
                }
            }
            self.collected = Some(self.collecting.take().context("collecting")?.finish());
            if late() {
                return Ok(false);
            }
        }
        let collected = self.collected.as_ref().context("collected")?;
        if self.plan.is_none() {
            let planner = self
                .planner
                .get_or_insert_with(|| Planner::new(&collected.outline, &Settings::default()));
            while !planner.read_quotes(&collected.outline, SLICE) {
                if late() {
                    return Ok(false);
                }
            }
            self.plan = Some(self.planner.take().context("planning")?.finish());
        }
        let plan = self.plan.as_ref().context("plan")?;
        if !self.hidden {
            end_session()?;
            // Hides are few (labels and captions): one slice, so all layout reads come first.
            self.marked = apply::hide(&plan.hide, &collected.nodes)?;
            self.hidden = true;
            if late() {
                return Ok(false);
            }
        }
        if self.sidebar.is_none() {
            let targets = plan
                .quotes
                .iter()
                .map(|q| collected.nodes.get(collected.outline.block(q.block).node.0))
                .collect::<Option<Vec<Element>>>()
                .context("a quote's paragraph was not collected")?;
            self.sidebar = Some(Sidebar::start(&self.doc, plan, targets, plan.hide.len())?);
            if late() {
                return Ok(false);
            }
        }
        let sidebar = self.sidebar.as_mut().context("sidebar")?;
        while !sidebar.list(SLICE)? {
            if late() {
                return Ok(false);
            }
        }
        let sidebar = self.sidebar.take().context("sidebar")?.finish()?;
        // The whole report for `cleanDocument()`; counts for `cleanStep()`, whose caller (the
        // extension) shows no more, and whose pages may be huge (a 10 MB page: 3.9 MB of JSON).
        let report = if self.full_report {
            plan.report(&collected.outline).to_json()
        } else {
            let mut out = String::new();
            crate::json::Object::open(&mut out)
                .num("hidden", plan.hide.len())
                .num("quotes", plan.quotes.len())
                .num("speakers", plan.speakers.len())
                .close();
            out
        };
        let observer = Observer::start(&self.body, on_added)?;
        let marked = std::mem::take(&mut self.marked);
        SESSION.with(|s| {
            *s.borrow_mut() = Some(Session {
                marked,
                sidebar,
                observer,
            })
        });
        apply::set_root_attr(&self.doc, STATE_ATTR, Some("ready"))?;
        self.report = Some(json_to_js(&report)?);
        Ok(true)
    }
}

/// `performance.now()`, the clock of the walk's deadlines.
fn now() -> f64 {
    super::js::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Prose paragraphs an addition must bring to count as a new article (infinite scroll, a
/// single-page app navigating): then the whole page is planned again, so the sidebar lists it.
const NEW_ARTICLE_PARAGRAPHS: usize = 3;
/// How long a full pass waits after the addition that asked for it, gathering any that follow.
const REFRESH_DELAY_MS: i32 = 400;
/// How long each slice of that pass may run (as the loader's first pass).
const REFRESH_SLICE_MS: f64 = 12.0;

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
            .filter(|b| is_article_text(b) && b.text.len() >= PROSE_PARAGRAPH_BYTES)
            .count();
        let p = plan(&collected.outline, &settings);
        match apply::hide(&p.hide, &collected.nodes) {
            Ok(marked) => SESSION.with(|s| {
                if let Some(session) = s.borrow_mut().as_mut() {
                    session.marked.extend(marked);
                }
            }),
            Err(e) => web_sys::console::warn_1(&e.message().into()),
        }
    }
    if prose >= NEW_ARTICLE_PARAGRAPHS {
        schedule_refresh(REFRESH_DELAY_MS);
    }
}

/// Schedules the full pass (or its next slice) in `delay_ms`, unless one is already waiting.
fn schedule_refresh(delay_ms: i32) {
    if REFRESH_PENDING.with(|p| p.replace(true)) {
        return;
    }
    let scheduled = REFRESH.with(|callback| {
        super::js::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                delay_ms,
            )
            .ok()
        })
    });
    if scheduled.is_none() {
        REFRESH_PENDING.with(|p| p.set(false));
    }
}

/// One slice of the full pass a new article asked for; the next slice is a task of its own.
fn refresh() {
    REFRESH_PENDING.with(|p| p.set(false));
    let running = running_pass();
    // Only while cleaning is on: switched off in between means the page stays as it is.
    if running.is_none() && SESSION.with(|s| s.borrow().is_none()) {
        return;
    }
    match step_pass(running, REFRESH_SLICE_MS) {
        Ok(report) if report.is_null() => schedule_refresh(0),
        Ok(_) => {}
        Err(e) => web_sys::console::warn_1(&e.message().into()),
    }
}
