//! The sidebar: one `<newsclean-sidebar>` host with an open shadow root, speakers in order of
//! first appearance, each quotation one click from its place in the article.
//!
//! Page text goes in with `textContent` only, never as HTML. Page CSS cannot reach into the
//! shadow root and ours cannot leak out.

use crate::prelude::*;

use alloc::rc::Rc;
use core::cell::{Cell, RefCell};

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, KeyboardEvent, ShadowRootInit, ShadowRootMode};

use super::apply::OFF_ATTR;
use super::highlight;
use super::js::{Context, GlueError};
use crate::plan::Plan;
use crate::text::{concat, decimal};

#[wasm_bindgen(inline_js = r#"
// Adds one section per speaker to `body` — `speakers` holds three values per section: name,
// number of quotations and role (or null) — and returns their lists; with no speakers, says so.
export function addSections(body, speakers) {
  const doc = body.ownerDocument;
  const lists = [];
  if (speakers.length === 0) {
    const empty = doc.createElement("p");
    empty.setAttribute("class", "empty");
    empty.textContent = "No direct quotes found on this page.";
    body.appendChild(empty);
  }
  for (let i = 0; i < speakers.length; i += 3) {
    const section = doc.createElement("section");
    section.setAttribute("class", "speaker");
    const h3 = doc.createElement("h3");
    h3.textContent = speakers[i];
    const count = doc.createElement("span");
    count.setAttribute("class", "count");
    count.textContent = " · " + speakers[i + 1];
    h3.appendChild(count);
    section.appendChild(h3);
    if (speakers[i + 2] !== null) {
      const role = doc.createElement("p");
      role.setAttribute("class", "role");
      // (page text: in its own direction, whatever the panel's; see listQuotes)
      role.setAttribute("dir", "auto");
      role.textContent = speakers[i + 2];
      section.appendChild(role);
    }
    const list = doc.createElement("ol");
    section.appendChild(list);
    body.appendChild(section);
    lists.push(list);
  }
  return lists;
}

// Saves `text` as a file named `name` through a temporary object URL.
export function download(doc, name, mime, text) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

// Lists a slice of the sidebar's quotations, the first numbered `first`: one crossing per slice
// instead of a dozen DOM calls per quotation from wasm. `rows` holds four values per quotation:
// the index of its list in `lists`, the speaker, the text and whether it is a fragment. Text goes
// in as textContent only.
export function listQuotes(lists, rows, first) {
  for (let k = 0; 4 * k < rows.length; k++) {
    const i = first + k;
    const list = lists[rows[4 * k]];
    const doc = list.ownerDocument;
    const li = doc.createElement("li");
    li.setAttribute("data-speaker", rows[4 * k + 1]);
    const goto = doc.createElement("button");
    goto.setAttribute("class", "goto");
    goto.setAttribute("data-action", "goto");
    goto.setAttribute("data-index", i);
    goto.setAttribute("title", "Show in the article");
    // (not a <q>: Blink places each <q>'s marks by its depth among all quotes before it, and ten
    // thousand of them took seconds of style; the marks come from the stylesheet instead)
    const q = doc.createElement("span");
    q.setAttribute("data-quote", "");
    // A quotation in Arabic or Hebrew on an English page reads right to left, and its
    // punctuation stays at its ends: dir="auto" takes the direction from its first strong letter
    // and isolates it from the panel's.
    q.setAttribute("dir", "auto");
    q.setAttribute("class", rows[4 * k + 3] ? "partial" : "full");
    q.textContent = rows[4 * k + 2];
    goto.appendChild(q);
    const copy = doc.createElement("button");
    copy.setAttribute("type", "button");
    copy.setAttribute("data-action", "copy");
    copy.setAttribute("data-index", i);
    copy.setAttribute("title", "Copy this quote with its attribution");
    copy.setAttribute("aria-label", "Copy this quote with its attribution");
    copy.textContent = "Copy";
    li.appendChild(goto);
    li.appendChild(copy);
    list.appendChild(li);
  }
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn download(doc: &Document, name: &str, mime: &str, text: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = addSections)]
    fn add_sections(body: &Element, speakers: &Array) -> Array;
    #[wasm_bindgen(js_name = listQuotes)]
    fn list_quotes(lists: &Array, rows: &Array, first: usize);
}

#[wasm_bindgen(module = "/src/web/sidebar_style.js")]
extern "C" {
    /// Puts the sidebar's stylesheet into its shadow root.
    #[wasm_bindgen(js_name = addSidebarStyle)]
    fn add_sidebar_style(shadow: &web_sys::ShadowRoot);
}

type Attrs = &'static [(&'static str, &'static str)];

/// The panel's fixed controls, in document order: (parent: 0 for the panel, n for the n-th row
/// of this table; tag; attributes; label).
const CHROME: &[(usize, &str, Attrs, &str)] = &[
    (0, "header", &[], ""),
    (1, "h2", &[("id", "newsclean-title")], ""),
    (
        1,
        "button",
        &[
            ("type", "button"),
            ("data-action", "side"),
            ("title", "Move to the other side"),
            ("aria-label", "Move to the other side"),
        ],
        "⇆",
    ),
    (
        1,
        "button",
        &[
            ("type", "button"),
            ("data-action", "collapse"),
            ("title", "Collapse the quotes panel"),
            ("aria-label", "Collapse the quotes panel"),
            ("aria-expanded", "true"),
        ],
        "–",
    ),
    (0, "div", &[("class", "tools")], ""),
    (
        5,
        "button",
        &[
            ("type", "button"),
            ("data-action", "show-hidden"),
            (
                "title",
                "Show the ad labels and duplicate captions newsclean hid",
            ),
            (
                "aria-label",
                "Show the ad labels and duplicate captions newsclean hid",
            ),
            ("aria-pressed", "false"),
        ],
        "",
    ),
    (
        5,
        "button",
        &[
            ("type", "button"),
            ("data-action", "export-md"),
            ("title", "Download all quotes as Markdown"),
            ("aria-label", "Download all quotes as Markdown"),
        ],
        "Export Markdown",
    ),
    (
        5,
        "button",
        &[
            ("type", "button"),
            ("data-action", "export-json"),
            ("title", "Download all quotes as JSON"),
            ("aria-label", "Download all quotes as JSON"),
        ],
        "Export JSON",
    ),
];
/// The attribute that highlights the paragraph of the quotation clicked last.
const HIGHLIGHT_ATTR: &str = "data-newsclean-highlight";
/// What the reader chose in this page's sidebar: open or collapsed, which side. A sidebar rendered
/// again (a new article arrived, or cleaning was switched off and on) keeps it.
#[derive(Clone, Copy, Default)]
struct ReaderChoice {
    collapsed: Option<bool>,
    left: Option<bool>,
}

/// The reader's choices, shared by every sidebar one [`Engine`](super::api::Engine) renders.
#[derive(Clone, Default)]
pub struct ReaderChoices(Rc<Cell<ReaderChoice>>);

impl ReaderChoices {
    fn choose(&self, change: impl FnOnce(&mut ReaderChoice)) {
        let mut choice = self.0.get();
        change(&mut choice);
        self.0.set(choice);
    }
}

/// Windows narrower than this start with the sidebar collapsed, so it never covers the article.
const NARROW_WINDOW_PX: f64 = 1100.0;

/// One quotation as listed.
struct Entry {
    speaker: String,
    role: Option<String>,
    text: String,
    /// The quotation's segments (more than one when split by its attribution).
    pieces: Vec<String>,
    target: Element,
    /// A fragment inside the writer's sentence, not a sentence of its own.
    partial: bool,
}

struct State {
    doc: Document,
    panel: Element,
    listing: Listing,
    highlighted: Option<Element>,
}

/// The sidebar's entries and how far they are listed: the build lists the first ones, "Show
/// more" the rest.
struct Listing {
    entries: Vec<Entry>,
    /// The `<ol>` of each speaker's section.
    lists: Array,
    /// Per entry: the index of its list in `lists`.
    places: Vec<u32>,
    /// Entries listed so far.
    listed: usize,
}

impl Listing {
    /// Lists the entries up to `to` (exclusive) not listed yet, in their speakers' lists, in one
    /// crossing.
    fn list_to(&mut self, to: usize) {
        let rows = Array::new();
        for (entry, list) in self.entries[self.listed..to]
            .iter()
            .zip(&self.places[self.listed..to])
        {
            rows.push(&JsValue::from(*list));
            rows.push(&JsValue::from_str(&entry.speaker));
            rows.push(&JsValue::from_str(&entry.text));
            rows.push(&JsValue::from_bool(entry.partial));
        }
        list_quotes(&self.lists, &rows, self.listed);
        self.listed = to;
    }

    /// Entries not listed yet.
    fn left(&self) -> usize {
        self.entries.len() - self.listed
    }
}

/// Quotations listed when the sidebar opens, and at each "Show more": a page may hold thousands
/// (a feed scrolled for long), and the sidebar's style and layout grow with every entry (10,000
/// entries blocked a frame for 67-77 ms; listed 300 at a time, none).
const LISTED_AT_ONCE: usize = 300;

/// A rendered sidebar; dropping it does not remove it (call [`Sidebar::remove`]).
pub struct Sidebar {
    host: Element,
    /// Handles the shadow root's clicks and key presses.
    _on_event: Closure<dyn FnMut(JsValue)>,
}

/// A sidebar being built off the page, a slice of its quotations at a time.
pub struct SidebarBuild {
    doc: Document,
    host: Element,
    shadow: web_sys::ShadowRoot,
    panel: Element,
    listing: Listing,
    /// The panel's scrolling body, where "Show more" goes.
    body: Element,
    choices: ReaderChoices,
}

impl Sidebar {
    /// Starts the sidebar of the plan's quotations (`targets[n]` is the element of the plan's n-th
    /// quotation): its controls and one section per speaker, entries still to list; it opens as
    /// the reader last chose in `choices`, and records what they choose there.
    pub fn start(
        doc: &Document,
        plan: &Plan,
        targets: Vec<Element>,
        hidden: usize,
        choices: &ReaderChoices,
    ) -> Result<SidebarBuild, GlueError> {
        let host = doc
            .create_element("newsclean-sidebar")
            .context("building the sidebar")?;
        let shadow = host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .context("building the sidebar")?;
        add_sidebar_style(&shadow);

        let panel = el(
            doc,
            "aside",
            &[
                ("class", "panel"),
                ("role", "complementary"),
                ("aria-label", "Quotes on this page (newsclean)"),
            ],
        )?;
        // The fixed controls, built from one table (a call per element costs wasm size).
        let mut chrome = vec![panel.clone()];
        for (parent, tag, attrs, label) in CHROME {
            let e = el(doc, tag, attrs)?;
            e.set_text_content(Some(label));
            chrome[*parent]
                .append_child(&e)
                .context("building the sidebar")?;
            chrome.push(e);
        }
        let (title, show) = (&chrome[2], &chrome[6]);
        show.set_text_content(Some(&concat(&["Show hidden (", &decimal(hidden), ")"])));

        let body = el(doc, "div", &[("class", "body")])?;
        let (entries, lists, places) = sections(&body, plan, targets);
        title.set_text_content(Some(&concat(&[
            "Who’s quoted (",
            &decimal(entries.len()),
            ")",
        ])));
        panel.append_child(&body).context("building the sidebar")?;
        shadow
            .append_child(&panel)
            .context("building the sidebar")?;
        Ok(SidebarBuild {
            doc: doc.clone(),
            host,
            shadow,
            panel,
            listing: Listing {
                entries,
                lists,
                places,
                listed: 0,
            },
            body,
            choices: choices.clone(),
        })
    }

    /// Renders the plan's quotations at once (see [`Sidebar::start`]).
    ///
    /// # Errors
    ///
    /// When a DOM call fails.
    pub fn render(
        doc: &Document,
        plan: &Plan,
        targets: Vec<Element>,
        hidden: usize,
        choices: &ReaderChoices,
    ) -> Result<Sidebar, GlueError> {
        let mut build = Sidebar::start(doc, plan, targets, hidden, choices)?;
        while !build.list(usize::MAX)? {}
        build.finish()
    }

    /// Takes the sidebar (and its highlight) off the page.
    pub fn remove(&self) {
        highlight::clear();
        self.host.remove();
    }
}

impl SidebarBuild {
    /// Lists up to `count` more quotations; returns true when all those listed at first (up to
    /// [`LISTED_AT_ONCE`]) are.
    pub fn list(&mut self, count: usize) -> Result<bool, GlueError> {
        let first = self.listing.entries.len().min(LISTED_AT_ONCE);
        let to = first.min(self.listing.listed.saturating_add(count));
        self.listing.list_to(to);
        Ok(to == first)
    }

    /// Puts the sidebar on the page and makes it respond.
    pub fn finish(self) -> Result<Sidebar, GlueError> {
        let SidebarBuild {
            doc,
            host,
            shadow,
            panel,
            listing,
            body,
            choices,
        } = self;
        let doc = &doc;
        let narrow = super::js::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w < NARROW_WINDOW_PX);
        let choice = choices.0.get();
        if choice
            .collapsed
            .unwrap_or(narrow || listing.entries.is_empty())
        {
            set_collapsed(&panel, true)?;
        }
        if choice.left == Some(true) {
            panel
                .set_attribute("data-side", "left")
                .context("building the sidebar")?;
        }

        if listing.left() > 0 {
            let more = el(
                doc,
                "button",
                &[
                    ("type", "button"),
                    ("class", "more"),
                    ("data-action", "more"),
                ],
            )?;
            more.set_text_content(Some(&more_label(listing.left())));
            body.append_child(&more).context("building the sidebar")?;
        }
        let state = RefCell::new(State {
            doc: doc.clone(),
            panel: panel.clone(),
            listing,
            highlighted: None,
        });
        // One listener for clicks and keys, typed JsValue as the observer's is: each distinct
        // closure signature adds its own cast intrinsic and export to the wasm.
        let on_event = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let event: Event = event.unchecked_into();
            if event.type_() == "keydown" {
                on_key(&state, &choices, event.unchecked_ref());
            } else if let Err(e) = on_click(&state, &choices, &event) {
                web_sys::console::warn_1(&e.message().into());
            }
        });
        shadow
            .add_event_listener_with_callback("click", on_event.as_ref().unchecked_ref())
            .context("listening for clicks")?;
        shadow
            .add_event_listener_with_callback("keydown", on_event.as_ref().unchecked_ref())
            .context("listening for keys")?;

        let root = doc
            .document_element()
            .context("document has no root element")?;
        root.append_child(&host)
            .context("adding the sidebar to the page")?;
        Ok(Sidebar {
            host,
            _on_event: on_event,
        })
    }
}

/// The sidebar's entries (segments of one quotation split by its attribution joined), and one
/// section per speaker in order of first appearance, "Unattributed" last: their lists, and for
/// each entry the list it goes in.
fn sections(body: &Element, plan: &Plan, targets: Vec<Element>) -> (Vec<Entry>, Array, Vec<u32>) {
    // each entry with the index of the quotation that starts it (its group)
    let mut entries: Vec<(usize, Entry)> = Vec::new();
    for (n, (q, target)) in plan.quotes.iter().zip(targets).enumerate() {
        if q.group != n {
            if let Some((_, e)) = entries.iter_mut().rev().find(|(g, _)| *g == q.group) {
                e.text = concat(&[&e.text, " … ", &q.text]);
                e.pieces.push(q.text.clone());
                continue;
            }
        }
        let speaker = q.speaker.map(|s| &plan.speakers[s as usize]);
        entries.push((
            n,
            Entry {
                speaker: speaker.map_or_else(|| "Unattributed".to_owned(), |s| s.name.clone()),
                role: speaker.and_then(|s| s.role.clone()),
                text: q.text.clone(),
                pieces: vec![q.text.clone()],
                target,
                partial: q.kind == crate::quotes::QuoteKind::Partial,
            },
        ));
    }
    let mut order: Vec<&str> = Vec::new();
    for (_, e) in &entries {
        if !order.contains(&e.speaker.as_str()) && e.speaker != "Unattributed" {
            order.push(&e.speaker);
        }
    }
    if entries.iter().any(|(_, e)| e.speaker == "Unattributed") {
        order.push("Unattributed");
    }
    let speakers = Array::new();
    for name in &order {
        let mine = entries.iter().filter(|(_, e)| e.speaker == *name);
        speakers.push(&JsValue::from_str(name));
        speakers.push(&JsValue::from(mine.clone().count() as u32));
        let role = mine.clone().find_map(|(_, e)| e.role.as_deref());
        speakers.push(&role.map_or(JsValue::NULL, JsValue::from_str));
    }
    let lists = add_sections(body, &speakers);
    let places = entries
        .iter()
        .map(|(_, e)| {
            order
                .iter()
                .position(|name| *name == e.speaker)
                .unwrap_or(0) as u32
        })
        .collect();
    (entries.into_iter().map(|(_, e)| e).collect(), lists, places)
}

/// Escape collapses the panel and puts the focus on its expand button.
fn on_key(state: &RefCell<State>, choices: &ReaderChoices, event: &KeyboardEvent) {
    if event.key() == "Escape" {
        let panel = state.borrow().panel.clone();
        let _ = set_collapsed(&panel, true);
        choices.choose(|c| c.collapsed = Some(true));
        if let Some(b) = panel
            .query_selector("[data-action=collapse]")
            .ok()
            .flatten()
        {
            if let Some(b) = b.dyn_ref::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        }
    }
}

fn on_click(
    state: &RefCell<State>,
    choices: &ReaderChoices,
    event: &Event,
) -> Result<(), GlueError> {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return Ok(());
    };
    let Some(button) = target
        .closest("[data-action]")
        .context("finding the clicked control")?
    else {
        return Ok(());
    };
    let action = button.get_attribute("data-action").unwrap_or_default();
    let index: Option<usize> = button
        .get_attribute("data-index")
        .and_then(|i| i.parse().ok());
    let mut state = state.borrow_mut();
    match action.as_str() {
        "goto" => {
            let entry = index
                .and_then(|i| state.listing.entries.get(i))
                .context("quote entry")?;
            let target = entry.target.clone();
            let pieces: Vec<&str> = entry.pieces.iter().map(String::as_str).collect();
            let shown = highlight::show(&target, &pieces);
            if let Some(old) = state.highlighted.take() {
                old.remove_attribute(HIGHLIGHT_ATTR)
                    .context("highlighting the quote")?;
            }
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_behavior(web_sys::ScrollBehavior::Smooth);
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            target.scroll_into_view_with_scroll_into_view_options(&options);
            if !shown {
                // No Custom Highlight API (or the text moved): outline the paragraph instead.
                target
                    .set_attribute(HIGHLIGHT_ATTR, "")
                    .context("highlighting the quote")?;
                state.highlighted = Some(target);
            }
        }
        "copy" => {
            let entry = index
                .and_then(|i| state.listing.entries.get(i))
                .context("quote entry")?;
            let text = concat(&["“", &entry.text, "” — ", &attribution(entry)]);
            let window = super::js::window().context("window")?;
            let _ = window.navigator().clipboard().write_text(&text);
            button.set_text_content(Some("Copied"));
        }
        "more" => {
            let listing = &mut state.listing;
            listing.list_to(listing.listed + listing.left().min(LISTED_AT_ONCE));
            if listing.left() == 0 {
                button.remove();
            } else {
                button.set_text_content(Some(&more_label(listing.left())));
            }
        }
        "collapse" => {
            let collapsed = state.panel.has_attribute("data-collapsed");
            set_collapsed(&state.panel, !collapsed)?;
            choices.choose(|c| c.collapsed = Some(!collapsed));
        }
        "side" => {
            let left = state.panel.get_attribute("data-side").as_deref() == Some("left");
            state
                .panel
                .set_attribute("data-side", if left { "right" } else { "left" })
                .context("moving the sidebar")?;
            choices.choose(|c| c.left = Some(!left));
        }
        "show-hidden" => {
            let root = state
                .doc
                .document_element()
                .context("document has no root element")?;
            let showing = root.has_attribute(OFF_ATTR);
            if showing {
                root.remove_attribute(OFF_ATTR).context("hiding again")?;
            } else {
                root.set_attribute(OFF_ATTR, "")
                    .context("showing hidden items")?;
            }
            button
                .set_attribute("aria-pressed", if showing { "false" } else { "true" })
                .context("updating the control")?;
        }
        "export-md" => download(
            &state.doc,
            "quotes.md",
            "text/markdown",
            &markdown(&state.doc, &state.listing.entries),
        )
        .context("saving the export")?,
        "export-json" => download(
            &state.doc,
            "quotes.json",
            "application/json",
            &json(&state.listing.entries),
        )
        .context("saving the export")?,
        _ => {}
    }
    Ok(())
}

fn more_label(left: usize) -> String {
    concat(&["Show more (", &decimal(left), " not listed yet)"])
}

fn attribution(entry: &Entry) -> String {
    match &entry.role {
        Some(role) => concat(&[&entry.speaker, ", ", role]),
        None => entry.speaker.clone(),
    }
}

fn markdown(doc: &Document, entries: &[Entry]) -> String {
    let mut out = concat(&["# Quotes: ", &doc.title(), "\n\n"]);
    if let Ok(url) = doc.url() {
        out.push_str(&concat(&["<", &url, ">\n\n"]));
    }
    for e in entries {
        let text = e.text.replace('\n', " ");
        out.push_str(&concat(&[
            "> ",
            &text,
            "\n>\n> — ",
            &attribution(e),
            "\n\n",
        ]));
    }
    out
}

/// All quotes as a JSON array of `{speaker, role, quote}`, in sidebar order.
fn json(entries: &[Entry]) -> String {
    let mut out = String::new();
    let mut top = crate::json::Object::open(&mut out);
    top.array("quotes", entries, |o, e| {
        crate::json::Object::open(o)
            .str("speaker", &e.speaker)
            .opt_str("role", e.role.as_deref())
            .str("quote", &e.text)
            .close()
    });
    top.close();
    out
}

fn set_collapsed(panel: &Element, collapsed: bool) -> Result<(), GlueError> {
    if collapsed {
        panel
            .set_attribute("data-collapsed", "")
            .context("collapsing")?;
    } else {
        panel
            .remove_attribute("data-collapsed")
            .context("expanding")?;
    }
    if let Some(b) = panel
        .query_selector("[data-action=collapse]")
        .context("collapsing")?
    {
        b.set_attribute("aria-expanded", if collapsed { "false" } else { "true" })
            .context("collapsing")?;
        b.set_text_content(Some(if collapsed { "+" } else { "–" }));
    }
    Ok(())
}

// (cold and called from many places: inlined, each caller held a copy)
#[inline(never)]
fn el(doc: &Document, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, GlueError> {
    let e = doc.create_element(tag).context("building the sidebar")?;
    for (k, v) in attrs {
        e.set_attribute(k, v).context("building the sidebar")?;
    }
    Ok(e)
}
