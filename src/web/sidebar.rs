//! The sidebar: one `<newsclean-sidebar>` host with an open shadow root, speakers in order of
//! first appearance, each quotation one click from its place in the article.
//!
//! Rust builds what needs the core's data — the entries (a quotation split by its attribution is
//! one) and one section per speaker — and hands them to the sidebar's script, `sidebar.js`, one
//! crossing per slice of the pass. The script builds the panel, lists the entries and handles
//! everything the reader does with it, where each DOM call is cheap: in Rust, that took 13.3 KB
//! of the wasm (4.5 KB brotli), the event handling alone 6.5 KB.
//!
//! Page text goes in with `textContent` only, never as HTML. Page CSS cannot reach into the
//! shadow root and ours cannot leak out.

use crate::prelude::*;

use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::Document;

use super::collect::Collected;
use super::js::{Context, GlueError};
use crate::json::{push_number, push_str};
use crate::plan::{PlacedQuote, Plan};
use crate::quotes::QuoteKind;

#[wasm_bindgen(module = "/src/web/sidebar.js")]
extern "C" {
    /// A sidebar as its script builds and runs it (the object `startSidebar` returns).
    type View;
    #[wasm_bindgen(js_name = startSidebar, catch)]
    fn start_sidebar(
        doc: &Document,
        listing: &str,
        nodes: &Array,
        hidden: usize,
        choices: &js_sys::Object,
    ) -> Result<View, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn add(this: &View, entries: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    fn finish(this: &View) -> Result<(), JsValue>;
    #[wasm_bindgen(method)]
    fn remove(this: &View);
}

/// The reader's choices in a page's sidebar, open or collapsed and which side, shared by every
/// sidebar one [`Engine`](super::api::Engine) renders: a sidebar rendered again (a new article
/// arrived, or cleaning was switched off and on) keeps them.
///
/// NOTE: a plain JS object (`{collapsed, left}`, each unset until the reader chooses), which the
/// sidebar's script reads and writes: the choices are made there.
#[derive(Clone, Default)]
pub struct ReaderChoices(js_sys::Object);

/// A rendered sidebar; dropping it does not remove it (call [`Sidebar::remove`]).
pub struct Sidebar(View);

/// A sidebar being built off the page, its entries handed over a slice at a time.
pub struct SidebarBuild {
    view: View,
    /// Per entry, in the sidebar's order: its paragraph's `NodeIx`, and the plan's quotations it
    /// joins (more than one when split by its attribution), first first.
    entries: Vec<(u32, Vec<usize>)>,
    /// The section of each speaker: the plan's speakers by index, then the unattributed.
    section_of: Vec<usize>,
    /// Entries handed over so far.
    handed: usize,
}

impl Sidebar {
    /// Starts the sidebar of the quotations `plan` found in `page`: its controls and one section
    /// per speaker, entries still to hand over; it opens as the reader last chose in `choices`,
    /// and records what they choose there.
    ///
    /// # Errors
    ///
    /// When a DOM call fails.
    pub fn start(
        doc: &Document,
        plan: &Plan,
        page: &Collected,
        hidden: usize,
        choices: &ReaderChoices,
    ) -> Result<SidebarBuild, GlueError> {
        // A quotation split by its attribution ("A," he said, "B.") is one entry: its later
        // segments join the entry of its first.
        let mut entries: Vec<(u32, Vec<usize>)> = Vec::new();
        for (n, q) in plan.quotes.iter().enumerate() {
            if q.group != n {
                if let Some((_, joined)) = entries.iter_mut().rev().find(|(_, j)| j[0] == q.group) {
                    joined.push(n);
                    continue;
                }
            }
            entries.push((page.outline.block(q.block).node.0, vec![n]));
        }
        let (listing, section_of) = sections(plan, &entries);
        let view = start_sidebar(doc, &listing, page.nodes.all(), hidden, &choices.0)
            .context("building the sidebar")?;
        Ok(SidebarBuild {
            view,
            entries,
            section_of,
            handed: 0,
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
        page: &Collected,
        hidden: usize,
        choices: &ReaderChoices,
    ) -> Result<Sidebar, GlueError> {
        let mut build = Sidebar::start(doc, plan, page, hidden, choices)?;
        while !build.list(plan, usize::MAX)? {}
        build.finish()
    }

    /// Takes the sidebar (and its highlight) off the page.
    pub fn remove(&self) {
        self.0.remove();
    }
}

impl SidebarBuild {
    /// Hands up to `count` more entries to the sidebar, in one crossing, which lists them if they
    /// are among the first 300 ("Show more" lists the rest); returns true when all are handed
    /// over. `plan` is the plan the sidebar was started with.
    ///
    /// # Errors
    ///
    /// When a DOM call fails.
    pub fn list(&mut self, plan: &Plan, count: usize) -> Result<bool, GlueError> {
        let to = self.entries.len().min(self.handed.saturating_add(count));
        // [[section, speaker, 1 if a fragment else 0, its paragraph's NodeIx, segments...], ...]
        let mut out = String::from("[");
        for (i, (node, joined)) in self.entries[self.handed..to].iter().enumerate() {
            let first = &plan.quotes[joined[0]];
            let speaker = speaker_of(plan, first);
            out.push_str(if i > 0 { ",[" } else { "[" });
            push_number(&mut out, self.section_of[speaker]);
            out.push(',');
            push_number(&mut out, speaker);
            out.push_str(if first.kind == QuoteKind::Partial {
                ",1,"
            } else {
                ",0,"
            });
            push_number(&mut out, *node as usize);
            for n in joined {
                out.push(',');
                push_str(&mut out, &plan.quotes[*n].text);
            }
            out.push(']');
        }
        out.push(']');
        self.view.add(&out).context("listing the quotes")?;
        self.handed = to;
        Ok(to == self.entries.len())
    }

    /// Puts the sidebar on the page and makes it respond.
    ///
    /// # Errors
    ///
    /// When a DOM call fails.
    pub fn finish(self) -> Result<Sidebar, GlueError> {
        self.view
            .finish()
            .context("adding the sidebar to the page")?;
        Ok(Sidebar(self.view))
    }
}

/// The speaker of a quotation by index: the plan's speakers, then the unattributed.
fn speaker_of(plan: &Plan, quote: &PlacedQuote) -> usize {
    quote.speaker.map_or(plan.speakers.len(), |s| s as usize)
}

/// The sidebar's sections, one per speaker's name in order of first appearance, "Unattributed"
/// last, as the JSON its script reads first (`startSidebar` in sidebar.js): `[sections, roles,
/// number of entries]`, each section `[name, number of entries, role or null]`, `roles[s]` the
/// role (or null) of speaker s (see [`speaker_of`]); and the section of each speaker.
fn sections(plan: &Plan, entries: &[(u32, Vec<usize>)]) -> (String, Vec<usize>) {
    let speaker_count = plan.speakers.len() + 1;
    let speaker = |joined: &[usize]| speaker_of(plan, &plan.quotes[joined[0]]);
    let name = |s: usize| {
        plan.speakers
            .get(s)
            .map_or("Unattributed", |s| s.name.as_str())
    };
    let role = |s: usize| plan.speakers.get(s).and_then(|s| s.role.as_deref());
    let mut seen = vec![false; speaker_count];
    let mut names: Vec<&str> = Vec::new();
    for (_, joined) in entries {
        let s = speaker(joined);
        if !seen[s] && name(s) != "Unattributed" && !names.contains(&name(s)) {
            names.push(name(s));
        }
        seen[s] = true;
    }
    if (0..speaker_count).any(|s| seen[s] && name(s) == "Unattributed") {
        names.push("Unattributed");
    }
    let section_of: Vec<usize> = (0..speaker_count)
        .map(|s| names.iter().position(|x| *x == name(s)).unwrap_or(0))
        .collect();
    let mut counts = vec![0; names.len()];
    // (a section's role: the first its entries' speakers have)
    let mut roles = vec![None; names.len()];
    for (_, joined) in entries {
        let s = speaker(joined);
        counts[section_of[s]] += 1;
        roles[section_of[s]] = roles[section_of[s]].or(role(s));
    }

    let mut out = String::from("[[");
    for (i, name) in names.iter().enumerate() {
        out.push_str(if i > 0 { ",[" } else { "[" });
        push_str(&mut out, name);
        out.push(',');
        push_number(&mut out, counts[i]);
        out.push(',');
        push_role(&mut out, roles[i]);
        out.push(']');
    }
    out.push_str("],[");
    for s in 0..speaker_count {
        if s > 0 {
            out.push(',');
        }
        push_role(&mut out, role(s));
    }
    out.push_str("],");
    push_number(&mut out, entries.len());
    out.push(']');
    (out, section_of)
}

fn push_role(out: &mut String, role: Option<&str>) {
    match role {
        Some(role) => push_str(out, role),
        None => out.push_str("null"),
    }
}
