//! The whole JS surface of the package: an [`Engine`] per page (`cleanDocument`, `cleanStep`,
//! `setEnabled`), and `analyze`, which reads a page and changes nothing.

use crate::prelude::*;

use alloc::rc::{Rc, Weak};
use core::cell::{Cell, RefCell};
use core::mem::ManuallyDrop;

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use super::apply::{self, OFF_ATTR, STATE_ATTR};
use super::collect::{collect, collect_all, Collected, Collecting};
use super::js::{into_js, json_to_js, report_to_js, Context, GlueError};
use super::observe::Observer;
use super::sidebar::{ReaderChoices, Sidebar, SidebarBuild};
use crate::outline::PROSE_PARAGRAPH_BYTES;
use crate::plan::{is_article_text, plan, Plan, Planner, Settings};

/// What one page's session keeps: what we marked, the sidebar and the observer.
struct Session {
    marked: Array,
    sidebar: Sidebar,
    observer: Observer,
}

/// newsclean on one page: the page's state lives here, behind this handle, for as long as JS
/// keeps it (the extension: one per frame, for the page's lifetime). Dropping it (`free()`) puts
/// the page back as it was, as `setEnabled(false)` does.
///
/// ```js
/// const engine = new Engine();
/// while (engine.cleanStep(12) === null) await nextTask();
/// ```
#[wasm_bindgen]
pub struct Engine(Rc<Page>);

/// What an [`Engine`] keeps for its page.
struct Page {
    /// What the last finished pass left on the page, while cleaning is on.
    session: RefCell<Option<Session>>,
    /// The sliced pass `cleanStep` (or a refresh) is running, if any.
    pass: RefCell<Option<Pass>>,
    /// The full pass the observer schedules: made with the page and never dropped, so that it
    /// is not dropped while it runs (the pass takes over the observer that asked for it) and a
    /// timer still holding it after the page is gone finds no page and does nothing.
    refresh: ManuallyDrop<Closure<dyn FnMut()>>,
    refresh_pending: Cell<bool>,
    /// When the full pass the observer asked for first waited for the page to stop adding,
    /// while it waits (`performance.now()` time).
    refresh_waiting_since: Cell<Option<f64>>,
    /// Open or collapsed, which side: every sidebar of this page keeps the reader's choice.
    choices: ReaderChoices,
    /// Until the first pass starts: the observer that hides labels as the page's parser inserts
    /// them (`watchEarly`).
    early: RefCell<Option<Observer>>,
    /// Marks no session holds: made before the first pass, or left by the session a pass
    /// replaces, until that pass applies its plan (keeping those it makes again) or cleaning is
    /// switched off.
    unclaimed: RefCell<Array>,
}

/// A panic is a bug: the console says what and in which file, then the wasm traps, as std's
/// `panic = "abort"` did. Our own handler because the wasm has no std (see lib.rs); a message with
/// arguments (an index out of bounds) shows as "panic". The shipped wasm keeps no line numbers
/// (scripts/panic-lines.mjs); the native CLI on the same page, or the browser tests, which link
/// std through their harness, leave the feature off and use std's, say the line.
#[cfg(feature = "panic-handler")]
#[panic_handler]
fn on_panic(info: &core::panic::PanicInfo<'_>) -> ! {
    let what = info.message().as_str().unwrap_or("panic");
    let file = info.location().map_or("?", |at| at.file());
    web_sys::console::error_3(&"newsclean panicked:".into(), &what.into(), &file.into());
    core::arch::wasm32::unreachable()
}

#[wasm_bindgen]
impl Engine {
    /// An engine for the current page; it does nothing until asked.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Engine {
        Engine(Rc::new_cyclic(|page: &Weak<Page>| {
            let page = page.clone();
            Page {
                session: RefCell::default(),
                pass: RefCell::default(),
                refresh: ManuallyDrop::new(Closure::new(move || {
                    if let Some(page) = page.upgrade() {
                        page.refresh();
                    }
                })),
                refresh_pending: Cell::default(),
                refresh_waiting_since: Cell::default(),
                choices: ReaderChoices::default(),
                early: RefCell::default(),
                unclaimed: RefCell::default(),
            }
        }))
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
    pub fn clean_document(&self) -> Result<JsValue, JsError> {
        into_js(self.0.run())
    }

    /// Does what `cleanDocument()` does in slices, so that even a very long page never holds the
    /// main thread for long: each call works for about `budget_ms` milliseconds (starting a pass
    /// if none is running) and returns `null` until the pass is done, then `{hidden, quotes,
    /// speakers}` counts. Call it from separate tasks.
    ///
    /// # Errors
    ///
    /// When there is no document or body, or a DOM call fails; the page is left as it was.
    #[wasm_bindgen(js_name = cleanStep)]
    pub fn clean_step(&self, budget_ms: f64) -> Result<JsValue, JsError> {
        into_js(self.0.step_pass(self.0.running_pass(), budget_ms))
    }

    /// Hides ad labels and duplicated captions as the page's parser inserts them, a frame at a
    /// time, before they are first laid out: no label shows while a slow page loads, and the
    /// first pass finds them hidden already. Until that pass (`cleanStep`, `cleanDocument`), which
    /// keeps the marks its plan makes too and takes back the others; call it before. Where it
    /// cannot watch (no document), the first pass does it all, as without it.
    #[wasm_bindgen(js_name = watchEarly)]
    pub fn watch_early(&self) {
        let page = &self.0;
        if let Some(root) = document().ok().and_then(|doc| doc.document_element()) {
            *page.early.borrow_mut() = page
                .observe(&root, |page, roots| {
                    page.clean_added(&roots);
                })
                .ok();
        }
    }

    /// Switches cleaning off (everything shown exactly as the page had it, sidebar removed) or
    /// back on.
    ///
    /// # Errors
    ///
    /// When a DOM call fails.
    #[wasm_bindgen(js_name = setEnabled)]
    pub fn set_enabled(&self, enabled: bool) -> Result<(), JsError> {
        into_js(if enabled {
            self.0.enable()
        } else {
            self.0.disable()
        })
    }
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        // The page as it was, saying cleaning is off, and no observer left to call into a
        // dropped engine.
        let _ = self.disable();
    }
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

impl Page {
    fn enable(self: &Rc<Self>) -> Result<(), GlueError> {
        if self.session.borrow().is_none() {
            self.run()?;
        }
        Ok(())
    }

    fn disable(&self) -> Result<(), GlueError> {
        self.end_session();
        let doc = document()?;
        apply::set_root_attr(&doc, OFF_ATTR, None)?;
        apply::set_root_attr(&doc, STATE_ATTR, Some("off"))
    }

    /// Stops watching, removes the sidebar and our marks: the page as it was.
    fn end_session(&self) {
        self.abandon_running_pass();
        drop(self.early.take());
        if let Some((_, sidebar)) = self.close_session() {
            sidebar.remove();
        }
        apply::unhide(&self.unclaimed.borrow());
    }

    /// Ends the session, leaving its marks unclaimed; returns its observer, still watching
    /// (dropping it stops it), and its sidebar, still shown.
    fn close_session(&self) -> Option<(Observer, Sidebar)> {
        let session = self.session.borrow_mut().take()?;
        let unclaimed = self.unclaimed.borrow().concat(&session.marked);
        *self.unclaimed.borrow_mut() = unclaimed;
        Some((session.observer, session.sidebar))
    }

    /// An observer of `target` that hands what is added under it to `on_added`, with this page
    /// while there is one.
    // (one closure type for both observers: each type is another copy of the glue's code)
    fn observe(
        self: &Rc<Self>,
        target: &Element,
        on_added: fn(&Rc<Page>, Array),
    ) -> Result<Observer, GlueError> {
        let page = Rc::downgrade(self);
        Observer::start(target, move |roots| {
            if let Some(page) = page.upgrade() {
                on_added(&page, roots);
            }
        })
    }

    fn run(self: &Rc<Self>) -> Result<JsValue, GlueError> {
        let mut pass = self.start_pass(true)?;
        while !pass.advance_or_undo(self, f64::INFINITY)? {}
        Ok(pass.report.take().unwrap_or(JsValue::NULL))
    }

    fn start_pass(self: &Rc<Self>, full_report: bool) -> Result<Pass, GlueError> {
        let doc = document()?;
        let body = doc.body().context("document has no body")?;
        // What the parser inserts from now on is this pass's to read.
        drop(self.early.take());
        // The session of an earlier pass (extension re-injected, popup toggled, a new article
        // arrived) stays on the page until this pass applies its own plan, in the same task: no
        // moment with the page half cleaned.
        self.abandon_running_pass();
        // The session's observer waits while this pass reads the page (which has what it held);
        // without one (the first pass), an observer from now on, waiting too: what the page adds
        // behind the walk, which the walk does not see, is cleaned once the pass is done.
        let watching = match self.session.borrow().as_ref() {
            Some(session) => {
                session.observer.hold();
                None
            }
            None => self
                .observe(&body, Page::on_added)
                .ok()
                .inspect(Observer::hold),
        };
        Ok(Pass {
            collecting: Some(Collecting::start(&Array::of1(&body))),
            doc,
            body: body.into(),
            collected: None,
            planner: None,
            plan: None,
            marked: Array::new(),
            watching,
            replacing: None,
            hidden: false,
            sidebar: None,
            full_report,
            report: None,
        })
    }

    /// The sliced pass that is running, if any (taken out while it works).
    fn running_pass(&self) -> Option<Pass> {
        self.pass.borrow_mut().take()
    }

    /// Drops the sliced pass that is running, if any, taking back the marks it made.
    fn abandon_running_pass(&self) {
        if let Some(pass) = self.running_pass() {
            pass.undo(self);
        }
    }

    /// Runs `pass` (or a new one) for about `budget_ms`: the report when it is done, else `null`
    /// with the pass put back for the next slice.
    fn step_pass(
        self: &Rc<Self>,
        pass: Option<Pass>,
        budget_ms: f64,
    ) -> Result<JsValue, GlueError> {
        let deadline = now() + budget_ms;
        let mut pass = pass.map_or_else(|| self.start_pass(false), Ok)?;
        if pass.advance_or_undo(self, deadline)? {
            Ok(pass.report.take().unwrap_or(JsValue::NULL))
        } else {
            *self.pass.borrow_mut() = Some(pass);
            Ok(JsValue::NULL)
        }
    }
}

fn document() -> Result<Document, GlueError> {
    super::js::window()
        .context("no window")?
        .document()
        .context("no document")
}

/// A cleaning pass in progress.
struct Pass {
    doc: Document,
    body: Element,
    collecting: Option<Collecting>,
    collected: Option<Collected>,
    planner: Option<Planner>,
    plan: Option<Plan>,
    marked: Array,
    /// The observer of the session this pass replaces, held, from its hides on.
    watching: Option<Observer>,
    /// The sidebar of the session this pass replaces, from its hides until its own sidebar.
    replacing: Option<Sidebar>,
    /// The plan's hides are applied (`marked` holds what they marked).
    hidden: bool,
    sidebar: Option<SidebarBuild>,
    /// Report everything (`cleanDocument`), or counts only (`cleanStep`).
    full_report: bool,
    report: Option<JsValue>,
}

/// Article paragraphs read for quotations, or the sidebar's entries handed over, between looks at
/// the clock.
const SLICE: usize = 64;
/// How long each piece of the DOM walk runs before its events are replayed into the outline.
const WALK_SLICE_MS: f64 = 1.0;

impl Pass {
    /// [`Pass::advance`], unmarking what it marked when it fails: nothing is left half done.
    fn advance_or_undo(&mut self, page: &Rc<Page>, deadline: f64) -> Result<bool, GlueError> {
        let done = self.advance(page, deadline);
        if done.is_err() {
            self.undo(page);
        }
        done
    }

    /// Takes back what this pass marked; the session it was to replace, if still there, goes on
    /// watching.
    fn undo(&self, page: &Page) {
        if let Some(session) = page.session.borrow().as_ref() {
            session.observer.go_on();
        }
        // (its session is over: its marks are unclaimed, its observer goes with this pass)
        if let Some(sidebar) = &self.replacing {
            sidebar.remove();
        }
        apply::unhide(&self.marked);
    }

    /// Advances through the stages — collect, cleanup rules, hide, quotations, sidebar — until
    /// `deadline` (`performance.now()` time); returns true when done.
    fn advance(&mut self, page: &Rc<Page>, deadline: f64) -> Result<bool, GlueError> {
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
                .get_or_insert_with(|| Planner::new(Settings::default()));
            loop {
                // The hides as soon as the cleanup rules are through, before the quotations are
                // read: labels go while the sidebar is still being made (a long page's quotations
                // took hundreds of milliseconds of slices).
                if let (false, Some(hides)) = (self.hidden, planner.hides()) {
                    // The session's observer, held, goes to the session this pass makes: what is
                    // added until then is cleaned after all. Its sidebar stays until ours.
                    if let Some((observer, sidebar)) = page.close_session() {
                        self.watching = Some(observer);
                        self.replacing = Some(sidebar);
                    }
                    // Hides are few (labels and captions): one slice, so all layout reads come
                    // first. The marks before it that this plan makes again stay as they are;
                    // the others go.
                    apply::hide(
                        hides,
                        &collected.nodes,
                        &self.marked,
                        &page.unclaimed.borrow(),
                    )?;
                    self.hidden = true;
                    if late() {
                        return Ok(false);
                    }
                }
                if planner.advance(&collected.outline, SLICE) {
                    break;
                }
                if late() {
                    return Ok(false);
                }
            }
            self.plan = Some(self.planner.take().context("planning")?.finish());
        }
        let plan = self.plan.as_ref().context("plan")?;
        if self.sidebar.is_none() {
            self.sidebar = Some(Sidebar::start(
                &self.doc,
                plan,
                collected,
                plan.hide.len(),
                &page.choices,
            )?);
            if late() {
                return Ok(false);
            }
        }
        let sidebar = self.sidebar.as_mut().context("sidebar")?;
        while !sidebar.list(plan, SLICE)? {
            if late() {
                return Ok(false);
            }
        }
        // (the sidebar is made off the page: the one it replaces goes as it comes)
        if let Some(sidebar) = self.replacing.take() {
            sidebar.remove();
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
        let observer = match self.watching.take() {
            Some(observer) => {
                observer.go_on();
                observer
            }
            None => page.observe(&self.body, Page::on_added)?,
        };
        *page.session.borrow_mut() = Some(Session {
            marked: core::mem::replace(&mut self.marked, Array::new()),
            sidebar,
            observer,
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
/// How long the page must have added nothing before a slice of that pass runs: longer than the
/// gaps of a page adding content frame after frame, short enough that a page adding some every
/// second is read between its additions.
const ADDITIONS_QUIET_MS: f64 = 100.0;
/// The longest that pass waits for them in all, from its first wait: then it runs to the end.
const REFRESH_MAX_WAIT_MS: f64 = 2000.0;
/// How long each slice of that pass may run (as the loader's first pass).
const REFRESH_SLICE_MS: f64 = 12.0;

impl Page {
    /// Cleans subtrees added after the first pass (`roots`, elements): ad labels and duplicated
    /// captions within the addition — work in proportion to what changed. A whole new article,
    /// or another page (no roots), schedules one full pass.
    fn on_added(self: &Rc<Self>, roots: Array) {
        // No roots: the page shows another page, whose quotations the sidebar must list instead
        // of the last page's, article or not: it swapped its whole `<body>` (Turbo Drive, pjax),
        // or took out paragraphs the sidebar links to (an app gone from its article to its
        // index). The new pass starts once the page has stopped adding (`refresh`); a full pass
        // that is running holds the observer, which says so only once that pass is done
        // (observe.js: dropped after its hides, it left the page with neither its marks nor the
        // session it was replacing, until reloaded).
        if roots.length() == 0 {
            self.schedule_refresh(0);
            return;
        }
        if self.clean_added(&roots) >= NEW_ARTICLE_PARAGRAPHS {
            self.schedule_refresh(REFRESH_DELAY_MS);
        }
    }

    /// Hides the ad labels and duplicated captions within `roots` (elements); returns how many
    /// prose paragraphs they hold.
    fn clean_added(&self, roots: &Array) -> usize {
        let settings = Settings {
            hide_ad_markers: true,
            hide_duplicate_captions: true,
            quotes: false,
        };
        let collected = collect_all(roots);
        let prose = collected
            .outline
            .blocks
            .iter()
            .filter(|b| is_article_text(b) && b.text.len() >= PROSE_PARAGRAPH_BYTES)
            .count();
        let p = plan(&collected.outline, &settings);
        let marked = match self.session.borrow().as_ref() {
            Some(session) => session.marked.clone(),
            // (before the first pass, which takes them over)
            None => self.unclaimed.borrow().clone(),
        };
        if let Err(e) = apply::hide(&p.hide, &collected.nodes, &marked, &Array::new()) {
            web_sys::console::warn_1(&e.message().into());
        }
        prose
    }

    /// Schedules the full pass (or its next slice) in `delay_ms`, unless one is already waiting.
    fn schedule_refresh(self: &Rc<Self>, delay_ms: i32) {
        if self.refresh_pending.replace(true) {
            return;
        }
        let scheduled = super::js::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                self.refresh.as_ref().unchecked_ref(),
                delay_ms,
            )
            .ok()
        });
        if scheduled.is_none() {
            self.refresh_pending.set(false);
        }
    }

    /// One slice of the full pass a new article asked for; the next slice is a task of its own.
    fn refresh(self: &Rc<Self>) {
        self.refresh_pending.set(false);
        // Not before the page has stopped adding content (a feed, an app rendering): read now, it
        // would be read again after the next addition. The pass waits until the additions pause,
        // or for so long at most: a page that changes every frame (an animated counter) must not
        // hold it off. Once under way it runs to its end: the observer holds meanwhile, and what
        // the page adds must not wait long to be cleaned.
        if self.pass.borrow().is_none() {
            let at = now();
            let quiet_for = self
                .session
                .borrow()
                .as_ref()
                .map_or(f64::INFINITY, |s| s.observer.quiet_for());
            let waiting_since = self.refresh_waiting_since.get().unwrap_or(at);
            if quiet_for < ADDITIONS_QUIET_MS && at - waiting_since < REFRESH_MAX_WAIT_MS {
                self.refresh_waiting_since.set(Some(waiting_since));
                self.schedule_refresh((ADDITIONS_QUIET_MS - quiet_for) as i32 + 1);
                return;
            }
            self.refresh_waiting_since.set(None);
        }
        let running = self.running_pass();
        // Only while cleaning is on: switched off in between means the page stays as it is.
        if running.is_none() && self.session.borrow().is_none() {
            return;
        }
        match self.step_pass(running, REFRESH_SLICE_MS) {
            Ok(report) if report.is_null() => self.schedule_refresh(0),
            Ok(_) => {}
            Err(e) => web_sys::console::warn_1(&e.message().into()),
        }
    }
}
