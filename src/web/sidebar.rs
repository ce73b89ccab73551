//! The sidebar: one `<newsclean-sidebar>` host with an open shadow root, speakers in order of
//! first appearance, each quotation one click from its place in the article.
//!
//! Page text goes in with `textContent` only, never as HTML. Page CSS cannot reach into the
//! shadow root and ours cannot leak out.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, KeyboardEvent, ShadowRootInit, ShadowRootMode};

use super::apply::OFF_ATTR;
use super::highlight;
use super::js::{Context, GlueError};
use crate::plan::Plan;

const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/sidebar.min.css"));

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
}

struct State {
    doc: Document,
    panel: Element,
    entries: Vec<Entry>,
    highlighted: Option<Element>,
}

/// A rendered sidebar; dropping it does not remove it (call [`Sidebar::remove`]).
pub struct Sidebar {
    host: Element,
    _on_click: Closure<dyn FnMut(Event)>,
    _on_key: Closure<dyn FnMut(KeyboardEvent)>,
}

impl Sidebar {
    /// Renders the plan's quotations; `targets[n]` is the element of the plan's n-th quotation.
    pub fn render(
        doc: &Document,
        plan: &Plan,
        targets: Vec<Element>,
        hidden: usize,
    ) -> Result<Sidebar, GlueError> {
        let host = doc
            .create_element("newsclean-sidebar")
            .context("creating the sidebar host")?;
        let shadow = host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .context("attaching the sidebar's shadow root")?;
        let style = doc
            .create_element("style")
            .context("creating the sidebar style")?;
        style.set_text_content(Some(STYLE));
        shadow
            .append_child(&style)
            .context("adding the sidebar style")?;

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
        show.set_text_content(Some(&format!("Show hidden ({hidden})")));

        let body = el(doc, "div", &[("class", "body")])?;
        let entries = render_groups(doc, &body, plan, targets)?;
        title.set_text_content(Some(&format!("Who’s quoted ({})", entries.len())));
        panel.append_child(&body).context("building the sidebar")?;
        shadow
            .append_child(&panel)
            .context("building the sidebar")?;

        let narrow = web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w < NARROW_WINDOW_PX);
        if narrow || entries.is_empty() {
            set_collapsed(&panel, true)?;
        }

        let state = Rc::new(RefCell::new(State {
            doc: doc.clone(),
            panel: panel.clone(),
            entries,
            highlighted: None,
        }));
        let click_state = Rc::clone(&state);
        let on_click = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            if let Err(e) = on_click(&click_state, &event) {
                web_sys::console::warn_1(&e.to_string().into());
            }
        });
        shadow
            .add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())
            .context("listening for clicks")?;
        let key_state = Rc::clone(&state);
        let on_key = Closure::<dyn FnMut(KeyboardEvent)>::new(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                let panel = key_state.borrow().panel.clone();
                let _ = set_collapsed(&panel, true);
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
        });
        shadow
            .add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref())
            .context("listening for keys")?;

        let root = doc
            .document_element()
            .context("document has no root element")?;
        root.append_child(&host)
            .context("adding the sidebar to the page")?;
        Ok(Sidebar {
            host,
            _on_click: on_click,
            _on_key: on_key,
        })
    }

    /// Takes the sidebar (and its highlight) off the page.
    pub fn remove(&self) {
        highlight::clear();
        self.host.remove();
    }
}

fn render_groups(
    doc: &Document,
    body: &Element,
    plan: &Plan,
    targets: Vec<Element>,
) -> Result<Vec<Entry>, GlueError> {
    // Segments of one quotation split by its attribution show as one entry.
    let mut entries: Vec<(usize, Entry, bool)> = Vec::new();
    for (n, (q, target)) in plan.quotes.iter().zip(targets).enumerate() {
        if q.group != n {
            if let Some((_, e, _)) = entries.iter_mut().find(|(g, _, _)| *g == q.group) {
                e.text = format!("{} … {}", e.text, q.text);
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
            },
            q.kind == crate::quotes::QuoteKind::Partial,
        ));
    }
    if entries.is_empty() {
        let empty = el(doc, "p", &[("class", "empty")])?;
        empty.set_text_content(Some("No direct quotes found on this page."));
        body.append_child(&empty).context("building the sidebar")?;
    }
    // speakers in order of first appearance; unattributed last
    let mut order: Vec<String> = Vec::new();
    for (_, e, _) in &entries {
        if !order.contains(&e.speaker) && e.speaker != "Unattributed" {
            order.push(e.speaker.clone());
        }
    }
    if entries.iter().any(|(_, e, _)| e.speaker == "Unattributed") {
        order.push("Unattributed".into());
    }
    for name in &order {
        let mine: Vec<usize> = (0..entries.len())
            .filter(|&i| entries[i].1.speaker == *name)
            .collect();
        let section = el(doc, "section", &[("class", "speaker")])?;
        let h3 = el(doc, "h3", &[])?;
        h3.set_text_content(Some(name));
        let count = el(doc, "span", &[("class", "count")])?;
        count.set_text_content(Some(&format!(" · {}", mine.len())));
        h3.append_child(&count).context("building the sidebar")?;
        section.append_child(&h3).context("building the sidebar")?;
        if let Some(role) = &entries[mine[0]].1.role {
            let p = el(doc, "p", &[("class", "role")])?;
            p.set_text_content(Some(role));
            section.append_child(&p).context("building the sidebar")?;
        }
        let list = el(doc, "ol", &[])?;
        for &i in &mine {
            let (_, entry, partial) = &entries[i];
            let li = el(doc, "li", &[("data-speaker", &entry.speaker)])?;
            let goto = el(
                doc,
                "button",
                &[
                    ("class", "goto"),
                    ("data-action", "goto"),
                    ("data-index", &i.to_string()),
                    ("title", "Show in the article"),
                ],
            )?;
            let q = el(
                doc,
                "q",
                &[
                    ("data-quote", ""),
                    ("class", if *partial { "partial" } else { "full" }),
                ],
            )?;
            q.set_text_content(Some(&entry.text));
            goto.append_child(&q).context("building the sidebar")?;
            li.append_child(&goto).context("building the sidebar")?;
            let copy = button(doc, "copy", "Copy", "Copy this quote with its attribution")?;
            copy.set_attribute("data-index", &i.to_string())
                .context("building the sidebar")?;
            li.append_child(&copy).context("building the sidebar")?;
            list.append_child(&li).context("building the sidebar")?;
        }
        section
            .append_child(&list)
            .context("building the sidebar")?;
        body.append_child(&section)
            .context("building the sidebar")?;
    }
    Ok(entries.into_iter().map(|(_, e, _)| e).collect())
}

fn on_click(state: &Rc<RefCell<State>>, event: &Event) -> Result<(), GlueError> {
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
                .and_then(|i| state.entries.get(i))
                .context("quote entry")?;
            let target = entry.target.clone();
            let pieces: Vec<&str> = entry.pieces.iter().map(String::as_str).collect();
            let shown = highlight::show(&state.doc, &target, &pieces);
            if let Some(old) = state.highlighted.take() {
                old.remove_attribute(HIGHLIGHT_ATTR)
                    .context("clearing the highlight")?;
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
                .and_then(|i| state.entries.get(i))
                .context("quote entry")?;
            let text = format!("“{}” — {}", entry.text, attribution(entry));
            let window = web_sys::window().context("window")?;
            let _ = window.navigator().clipboard().write_text(&text);
            button.set_text_content(Some("Copied"));
        }
        "collapse" => {
            let collapsed = state.panel.has_attribute("data-collapsed");
            set_collapsed(&state.panel, !collapsed)?;
        }
        "side" => {
            let left = state.panel.get_attribute("data-side").as_deref() == Some("left");
            state
                .panel
                .set_attribute("data-side", if left { "right" } else { "left" })
                .context("moving the sidebar")?;
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
            &markdown(&state.doc, &state.entries),
        )?,
        "export-json" => download(
            &state.doc,
            "quotes.json",
            "application/json",
            &json(&state.entries),
        )?,
        _ => {}
    }
    Ok(())
}

fn attribution(entry: &Entry) -> String {
    match &entry.role {
        Some(role) => format!("{}, {}", entry.speaker, role),
        None => entry.speaker.clone(),
    }
}

fn markdown(doc: &Document, entries: &[Entry]) -> String {
    let mut out = format!("# Quotes: {}\n\n", doc.title());
    if let Ok(url) = doc.url() {
        out.push_str(&format!("<{url}>\n\n"));
    }
    for e in entries {
        out.push_str(&format!(
            "> {}\n>\n> — {}\n\n",
            e.text.replace('\n', " "),
            attribution(e)
        ));
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

fn download(doc: &Document, name: &str, mime: &str, text: &str) -> Result<(), GlueError> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .context("creating the export")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).context("creating the export")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .context("creating the export link")?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url).context("releasing the export")?;
    Ok(())
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

fn el(doc: &Document, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, GlueError> {
    let e = doc
        .create_element(tag)
        .context("creating a sidebar element")?;
    for (k, v) in attrs {
        e.set_attribute(k, v)
            .context("setting a sidebar attribute")?;
    }
    Ok(e)
}

fn button(doc: &Document, action: &str, label: &str, title: &str) -> Result<Element, GlueError> {
    let b = el(
        doc,
        "button",
        &[
            ("type", "button"),
            ("data-action", action),
            ("title", title),
            ("aria-label", title),
        ],
    )?;
    b.set_text_content(Some(label));
    Ok(b)
}
