//! The page as the core sees it: text blocks with the structural evidence around them.
//!
//! Both front ends — the browser glue walking the live DOM and the CLI walking an html5ever tree —
//! feed the same [`OutlineBuilder`] with `open`/`text`/`close` events in document order, so the two
//! outlines of one page agree by construction. This module knows nothing of any DOM: an element is
//! a [`NodeIx`], its ordinal among the `open` events, which the front end maps back to its node.

use crate::prelude::*;

use serde::Serialize;

/// The ordinal of an element among the builder's `open` events (0 for the first element opened).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct NodeIx(pub u32);

/// The index of a block in [`Outline::blocks`], in document order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct BlockId(pub u32);

/// What kind of element a block's text belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// `h1`–`h6`, with its level.
    Heading(u8),
    /// `p`.
    Paragraph,
    /// `li`, `dt`, `dd`.
    ListItem,
    /// `figcaption`, or an element whose class or id names a caption or photo credit.
    Caption,
    /// `td`, `th`.
    Cell,
    /// `pre`, `code` blocks.
    Preformatted,
    /// Any other block-level element carrying text directly (often a `div` used as a paragraph).
    Other,
}

/// Structural evidence about a block, inherited from its ancestors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Context {
    /// Inside `nav`, or an element whose class/id/role names navigation or a menu.
    pub nav: bool,
    /// Inside `footer` or a footer-like container.
    pub footer: bool,
    /// Inside `aside` or a sidebar/related/teaser/most-read container, or a list of references
    /// or footnotes (whose quotation marks enclose the titles of the works cited).
    pub aside: bool,
    /// Inside a container that names comments.
    pub comments: bool,
    /// Inside an element whose class/id/aria-label/data attributes name an ad slot.
    pub ad_slot: bool,
    /// Inside a `figure` or an element naming a photo/media container.
    pub figure: bool,
    /// Inside a `blockquote`.
    pub blockquote: bool,
    /// The whole text sits inside one link (`a`).
    pub link: bool,
    /// Inside `header` (a page or article header).
    pub header: bool,
    /// Inside `article` or `main`.
    pub article: bool,
}

/// One run of text that renders as a unit, with the element that can be hidden for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Block {
    /// This block's position in [`Outline::blocks`].
    pub id: BlockId,
    /// The element that holds the text; hiding it hides the text.
    pub node: NodeIx,
    /// What kind of element holds the text.
    pub kind: BlockKind,
    /// The visible text with whitespace collapsed and trimmed.
    pub text: String,
    /// Returns true if and only if `node`'s entire visible text is `text`, so hiding `node` hides
    /// nothing else.
    pub whole: bool,
    /// Structural evidence from the ancestors.
    pub context: Context,
    /// The nearest photo container (figure or similar) around the block, if any.
    pub figure: Option<NodeIx>,
    /// The image nearest before this block (in its figure, else in the document), identified by
    /// the ordinal of its distinct source (0-based); `None` when no image precedes it.
    pub image: Option<u32>,
    /// The outermost ad-slot container whose only text is this block, if any: hiding it hides the
    /// label together with its empty slot.
    pub ad_slot: Option<NodeIx>,
    /// An empty ad-slot element standing right beside the element holding only this block
    /// (`<p>Advertisement</p><div class="ad-slot"></div>`): hidden along with a label.
    pub slot_beside: Option<NodeIx>,
    /// For short blocks made of several inline pieces (`<span>© Jane Roe</span> Jane Roe`,
    /// `<a>Ad</a> <a>Sponsor</a>`): each top-level piece in order; empty otherwise.
    pub runs: Vec<Run>,
}

/// One top-level inline piece of a block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Run {
    /// The element holding exactly this text, when there is one (text sitting directly in the
    /// block has none).
    pub node: Option<NodeIx>,
    /// The piece's text, whitespace collapsed.
    pub text: String,
}

/// Blocks longer than this (in bytes) keep no runs: runs serve labels and captions.
const MAX_RUNS_BLOCK_BYTES: usize = 600;

/// The page as a list of text blocks in document order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Outline {
    /// The text blocks in document order.
    pub blocks: Vec<Block>,
    /// How many elements were opened (the size of the front end's node table).
    pub nodes: u32,
}

/// What a front end must tell the builder about an element.
#[derive(Clone, Copy, Debug, Default)]
pub struct ElementInfo<'a> {
    /// The lowercase local name (`div`, `p`, ...).
    pub tag: &'a str,
    /// The `class` attribute.
    pub class: &'a str,
    /// The `id` attribute.
    pub id: &'a str,
    /// Other attributes that may name the element's purpose: `role`, `aria-label` and
    /// `data-*` values the front end chose to pass, space-separated.
    pub hints: &'a str,
    /// The `src` of an `img` (or `source`), else empty.
    pub src: &'a str,
    /// Returns true if and only if the element is hidden by markup: the `hidden` attribute,
    /// `aria-hidden="true"`, or an inline style with `display:none` / `visibility:hidden`.
    pub hidden: bool,
}

/// An element's facts as owned strings, read the same way by every front end.
///
/// Both the browser glue and the CLI build it with [`OwnedElementInfo::read`], so the attributes
/// they consult — and therefore their outlines — cannot drift apart.
#[derive(Clone, Debug, Default)]
pub struct OwnedElementInfo {
    tag: String,
    class: String,
    id: String,
    hints: String,
    src: String,
    hidden: bool,
}

/// Every attribute [`OwnedElementInfo::read`] consults, in the order the browser's bulk walk
/// reports them (see [`replay`]), separated by `|`: the glue hands the walk this one string
/// (a table of `&str` would cost the wasm 8 bytes of data per name, and a loop to convert it).
pub const READ_ATTRIBUTE_NAMES: &str =
    "class|id|role|aria-label|data-ad|data-testid|data-component|hidden|aria-hidden|style|src|data-src";

/// [`READ_ATTRIBUTE_NAMES`] one by one (as many as the word lists' [`packed_sizes`] counts).
///
/// [`packed_sizes`]: crate::words::packed_sizes
pub const READ_ATTRIBUTES: [&str; crate::words::packed_sizes(READ_ATTRIBUTE_NAMES, 1).2] =
    split_names(READ_ATTRIBUTE_NAMES);

/// The `|`-separated names of `joined`, at compile time.
const fn split_names<const N: usize>(joined: &'static str) -> [&'static str; N] {
    let mut names = [""; N];
    let mut rest = joined.as_bytes();
    let mut n = 0;
    while n < N {
        let mut end = 0;
        while end < rest.len() && rest[end] != b'|' {
            end += 1;
        }
        let (name, after) = rest.split_at(end);
        names[n] = match core::str::from_utf8(name) {
            Ok(name) => name,
            Err(_) => panic!("attribute names are ASCII"),
        };
        rest = if after.is_empty() {
            after
        } else {
            after.split_at(1).1
        };
        n += 1;
    }
    names
}

/// Event markers of the compact walk format [`replay`] reads.
pub mod event {
    /// Opens an element: tag, then a field for each attribute it has of
    /// [`READ_ATTRIBUTES`](super::READ_ATTRIBUTES) (most elements have none).
    pub const OPEN: char = '\u{1}';
    /// Closes the element opened last (every open has one, skipped subtrees included).
    pub const CLOSE: char = '\u{2}';
    /// A text node's data follows.
    pub const TEXT: char = '\u{3}';
    /// Precedes each attribute field of an open: the attribute's [`key`], then its value.
    pub const FIELD: char = '\u{4}';

    /// The one-char key of the `n`-th of [`READ_ATTRIBUTES`](super::READ_ATTRIBUTES) in a field.
    pub const fn key(n: usize) -> char {
        (b'0' + n as u8) as char
    }
}

/// Builds an outline from a compact walk: the browser glue walks the live DOM in JavaScript
/// (where each DOM call is cheap) and hands over one string of [`event`]s, instead of crossing
/// into JavaScript for every node and attribute.
///
/// Elements the builder skips are still reported by the walk (their children may be too); their
/// events are counted for [`NodeIx`] and otherwise ignored, so `NodeIx(n)` is the n-th open in
/// the string whatever the builder decided.
///
/// # Example
///
/// ```
/// use newsclean::outline::{event, replay, READ_ATTRIBUTES};
/// assert_eq!(READ_ATTRIBUTES[0], "class");
/// // <div class="ad-slot"><p>Advertisement</p></div>
/// let events = format!("\u{1}div\u{4}{}ad-slot\u{1}p\u{3}Advertisement\u{2}\u{2}", event::key(0));
/// let outline = replay(&events);
/// assert_eq!(outline.blocks[0].text, "Advertisement");
/// assert!(outline.blocks[0].context.ad_slot);
/// ```
pub fn replay(events: &str) -> Outline {
    let mut replayer = Replayer::default();
    replayer.feed(events);
    replayer.finish()
}

/// [`replay`] in pieces: a walk handed over in several strings, each ending between events.
#[derive(Default)]
pub struct Replayer {
    builder: OutlineBuilder,
    /// Depth inside a subtree the builder skips (0: not skipping).
    skipping: usize,
    hints: String,
}

impl Replayer {
    /// Replays the next piece of the walk.
    pub fn feed(&mut self, events: &str) {
        let builder = &mut self.builder;
        let skipping = &mut self.skipping;
        let bytes = events.as_bytes();
        let mut at = next_marker(bytes, 0);
        // NOTE: markers are ASCII, so every cut is a char boundary; `get` keeps the slicing free
        // of panic paths (they weigh ≈5 KB in the wasm build).
        while at < bytes.len() {
            let marker = bytes[at];
            let end = next_marker(bytes, at + 1);
            let body = events.get(at + 1..end).unwrap_or_default();
            at = end;
            match (marker, *skipping) {
                (1, 0) => {
                    let mut fields = body.split(event::FIELD);
                    let tag = fields.next().unwrap_or_default();
                    let mut values = [None; READ_ATTRIBUTES.len()];
                    for field in fields {
                        // the key is one ASCII char: `get` cuts at a char boundary
                        let at = field
                            .bytes()
                            .next()
                            .map_or(usize::MAX, |k| usize::from(k.wrapping_sub(b'0')));
                        if let Some(slot) = values.get_mut(at) {
                            *slot = field.get(1..);
                        }
                    }
                    let info = element_info(tag, &values, &mut self.hints);
                    if builder.open(info) == Visit::Skip {
                        *skipping = 1;
                    }
                }
                (1, _) => {
                    builder.nodes += 1;
                    *skipping += 1;
                }
                (2, 0) => builder.close(),
                (2, _) => *skipping -= 1,
                (3, 0) => builder.text(body),
                _ => {}
            }
        }
    }

    /// The outline of the walk replayed so far (elements still open are closed).
    pub fn finish(self) -> Outline {
        self.builder.finish()
    }
}

impl OwnedElementInfo {
    /// Reads an element given its lowercase tag and an attribute getter.
    pub fn read(tag: String, attr: impl Fn(&str) -> Option<String>) -> Self {
        let owned: Vec<Option<String>> = READ_ATTRIBUTES.iter().map(|name| attr(name)).collect();
        let values: Vec<Option<&str>> = owned.iter().map(Option::as_deref).collect();
        let mut hints = String::new();
        let info = element_info(&tag, &values, &mut hints);
        Self {
            class: info.class.to_owned(),
            id: info.id.to_owned(),
            hints: info.hints.to_owned(),
            src: info.src.to_owned(),
            hidden: info.hidden,
            tag: tag.clone(),
        }
    }

    /// The borrowed view the builder takes.
    pub fn as_info(&self) -> ElementInfo<'_> {
        ElementInfo {
            tag: &self.tag,
            class: &self.class,
            id: &self.id,
            hints: &self.hints,
            src: &self.src,
            hidden: self.hidden,
        }
    }
}

/// An element's facts from its attribute values, given in [`READ_ATTRIBUTES`] order (`None`:
/// absent). The one place that decides what the attributes mean, for every front end; `hints`
/// is a buffer the caller may reuse between elements.
pub fn element_info<'a>(
    tag: &'a str,
    values: &[Option<&'a str>],
    hints: &'a mut String,
) -> ElementInfo<'a> {
    let value = |at: usize| values.get(at).copied().flatten();
    // indices into READ_ATTRIBUTES
    const CLASS: usize = 0;
    const ID: usize = 1;
    const HINTS: core::ops::Range<usize> = 2..7;
    const HIDDEN: usize = 7;
    const ARIA_HIDDEN: usize = 8;
    const STYLE: usize = 9;
    const SRC: usize = 10;
    const DATA_SRC: usize = 11;
    hints.clear();
    for at in HINTS {
        if let Some(v) = value(at) {
            hints.push_str(v);
            hints.push(' ');
        }
    }
    let hidden = value(HIDDEN).is_some()
        || value(ARIA_HIDDEN).is_some_and(|v| v.trim_ascii().eq_ignore_ascii_case("true"))
        || value(STYLE).is_some_and(is_hidden_by_style);
    let src = if tag == "img" {
        value(SRC).or(value(DATA_SRC)).unwrap_or_default()
    } else {
        ""
    };
    ElementInfo {
        tag,
        class: value(CLASS).unwrap_or_default(),
        id: value(ID).unwrap_or_default(),
        hints: hints.as_str(),
        src,
        hidden,
    }
}

/// Returns true if and only if an inline style hides the element: `display:none` or
/// `visibility:hidden`, in any case and spacing.
fn is_hidden_by_style(style: &str) -> bool {
    let style = style.as_bytes();
    contains_spaced(style, b"display:none") || contains_spaced(style, b"visibility:hidden")
}

/// Returns true if and only if `needle` (lowercase ASCII without spaces) occurs in `haystack`
/// with ASCII case ignored and CSS whitespace anywhere between its bytes.
/// NOTE: no lowercase copy without the spaces to search in: this runs for every element that has
/// a style attribute, and many pages give most of theirs one.
fn contains_spaced(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, needle_rest)) = needle.split_first() else {
        return true;
    };
    let mut from = haystack;
    while let Some((&b, rest)) = from.split_first() {
        if b.to_ascii_lowercase() == first {
            let mut after = rest
                .iter()
                .filter(|b| !b.is_ascii_whitespace())
                .map(u8::to_ascii_lowercase);
            if needle_rest.iter().all(|&n| after.next() == Some(n)) {
                return true;
            }
        }
        from = rest;
    }
    false
}

/// Whether the front end should walk an element's children.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visit {
    /// Walk the children, then call [`OutlineBuilder::close`].
    Enter,
    /// Do not walk the children and do not call `close` for this element: it renders no text
    /// (script, style, template, hidden markup, ...).
    Skip,
}

/// A structural role that only a class/id/attribute name asserts. Names are weak evidence: a
/// site may call the wrapper of its whole article "main-nav-wrapper" or "ad-container-story".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Claim {
    Nav,
    Footer,
    Aside,
    AdSlot,
    /// A photo or media container ("image", "gallery"), which its blocks' `figure` points at
    /// from the start: "article-body__grid--container-no-main-image" names the whole article.
    Figure,
}

/// A container that holds at least this many prose paragraphs of this much text in all is the
/// article, whatever its name claims (comments excepted: they are prose by nature).
const ARTICLE_PROSE_PARAGRAPHS: u32 = 4;
const ARTICLE_PROSE_CHARS: usize = 800;
/// A paragraph this long (in bytes) counts as prose.
pub const PROSE_PARAGRAPH_BYTES: usize = 80;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Block(BlockKind),
    Inline,
}

struct Frame {
    node: NodeIx,
    role: Role,
    /// Context from tags (and names that are never revoked); claims add to it at the end.
    context: Context,
    /// Where the name-based claims of this element and its ancestors end in the builder's
    /// `claims` (they are `claims[..claims_end]`).
    claims_end: usize,
    /// Prose paragraphs (count, bytes) finished inside this element.
    prose: (u32, usize),
    figure: Option<NodeIx>,
    /// An ad-slot container of its own (not just inside one).
    names_ad_slot: bool,
    /// Blocks (segments) emitted inside this element so far, and the first of them.
    blocks_inside: u32,
    first_block: Option<BlockId>,
    /// For block frames: the text segment being collected.
    segment: Option<Segment>,
    /// For block frames: nested blocks with text have appeared since the frame opened.
    nested_text: bool,
    /// For block frames: the direct children whose subtree holds nested block text.
    tainted_children: Vec<NodeIx>,
    /// For block frames: segments already closed, waiting for the frame to close.
    segments: Vec<Segment>,
    /// Image seen most recently inside this frame (for figures).
    image: Option<u32>,
    /// Holds script, style or hidden markup (text a reader never sees but `textContent` has).
    unrendered_text: bool,
    /// An inline element whose name says caption or credit (`<span class="caption">`).
    names_caption: bool,
    /// Shows an image, frame, video or other media (an ad slot holding one is not empty).
    shows_media: bool,
    /// What the child element closed most recently was, for labels beside empty ad slots;
    /// visible text or media in between resets it.
    last_child: Sibling,
}

/// A child element as its next sibling sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sibling {
    Other,
    /// An ad-slot element that shows nothing.
    EmptyAdSlot(NodeIx),
    /// An element whose only text is this one block.
    LoneBlock(BlockId),
}

struct Segment {
    id: BlockId,
    raw: String,
    /// The block's direct child every text of this segment came through; `Some(None)` when text
    /// sat directly in the block element; `None` before the first text.
    top: Option<Option<NodeIx>>,
    mixed_tops: bool,
    /// All text came through a link.
    all_link: bool,
    /// Name claims of the innermost element the first text came through.
    claims: Vec<(Claim, NodeIx)>,
    /// Some text came through an inline element named as a caption or credit.
    through_caption: bool,
    /// Text pieces with the path of inline elements they came through (below the block).
    runs: Vec<(Vec<NodeIx>, String)>,
}

/// Builds an [`Outline`] from element and text events in document order.
///
/// # Example
///
/// ```
/// use newsclean::outline::{ElementInfo, OutlineBuilder};
/// let mut b = OutlineBuilder::new();
/// b.open(ElementInfo { tag: "body", ..Default::default() });
/// b.open(ElementInfo { tag: "p", ..Default::default() });
/// b.text("Hello,  ");
/// b.open(ElementInfo { tag: "em", ..Default::default() });
/// b.text("world");
/// b.close();
/// b.close();
/// b.close();
/// let outline = b.finish();
/// assert_eq!(outline.blocks[0].text, "Hello, world");
/// assert!(outline.blocks[0].whole);
/// ```
#[derive(Default)]
pub struct OutlineBuilder {
    stack: Vec<Frame>,
    /// Blocks by id; `None` while the segment is still open.
    blocks: Vec<Option<Block>>,
    nodes: u32,
    /// Distinct image sources seen, by first appearance.
    images: Vec<String>,
    last_image: Option<u32>,
    /// Claims of each block by id, resolved in `finish`.
    block_claims: Vec<Vec<(Claim, NodeIx)>>,
    /// The name-based claims of the open elements, outermost first, with the element making each:
    /// a frame's are a prefix (shared, not copied for every element inside a claimed container).
    claims: Vec<(Claim, NodeIx)>,
    /// Elements whose claims the prose inside them disproved.
    revoked: Vec<NodeIx>,
}

impl OutlineBuilder {
    /// Creates an empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reports an element opening; returns whether to walk its children.
    ///
    /// Every call takes the next [`NodeIx`], whether it returns `Enter` or `Skip`.
    pub fn open(&mut self, el: ElementInfo<'_>) -> Visit {
        let node = NodeIx(self.nodes);
        self.nodes += 1;
        let facts = tag::facts(el.tag);
        let has = |bits: u32| facts & bits != 0;
        if el.hidden || has(tag::NO_TEXT) {
            // Its text is still in the parent's textContent: a slot holding it is not "empty".
            if el.hidden || has(tag::SOURCE) {
                if let Some(parent) = self.stack.last_mut() {
                    parent.unrendered_text = true;
                }
            }
            if !el.hidden && has(tag::MEDIA) {
                self.note_media();
            }
            return Visit::Skip;
        }
        if has(tag::IMAGE) {
            if !el.src.is_empty() {
                self.note_image(el.src);
            }
            self.note_media();
            return Visit::Skip;
        }
        if has(tag::BREAK) {
            if has(tag::LINE_BREAK) {
                self.text(" ");
            }
            return Visit::Skip;
        }
        let parent = self.stack.last();
        let mut context = parent.map(|f| f.context).unwrap_or_default();
        let claims = &mut self.claims;
        claims.truncate(parent.map_or(0, |f| f.claims_end));
        let mut figure = parent.and_then(|f| f.figure);
        let names = if has(tag::BODY) {
            Names::default()
        } else {
            Names::of(&el)
        };
        context.nav |= has(tag::NAV);
        context.footer |= has(tag::FOOTER);
        context.aside |= has(tag::ASIDE);
        context.header |= has(tag::HEADER);
        context.blockquote |= has(tag::BLOCKQUOTE);
        context.article |= has(tag::ARTICLE);
        context.link |= has(tag::LINK);
        if has(tag::FIGURE) {
            figure = Some(node);
        }
        for (named, claim) in [
            (names.nav, Claim::Nav),
            (names.footer, Claim::Footer),
            (names.aside, Claim::Aside),
            (names.ad_slot, Claim::AdSlot),
        ] {
            if named {
                claims.push((claim, node));
            }
        }
        context.comments |= names.comments;
        if names.figure && figure.is_none() {
            figure = Some(node);
            claims.push((Claim::Figure, node));
        }
        context.figure |= figure.is_some();
        let role = if has(tag::BLOCK | tag::BODY) {
            Role::Block(block_kind(facts, names.caption))
        } else {
            Role::Inline
        };
        self.stack.push(Frame {
            node,
            role,
            context,
            claims_end: self.claims.len(),
            prose: (0, 0),
            figure,
            names_ad_slot: names.ad_slot,
            blocks_inside: 0,
            first_block: None,
            segment: None,
            nested_text: false,
            tainted_children: Vec::new(),
            segments: Vec::new(),
            image: None,
            unrendered_text: false,
            names_caption: names.caption && role == Role::Inline,
            shows_media: false,
            last_child: Sibling::Other,
        });
        Visit::Enter
    }

    /// Reports a text node inside the element most recently opened and not closed.
    pub fn text(&mut self, text: &str) {
        if self.stack.is_empty() {
            return;
        }
        let has_visible = has_visible_text(text);
        if has_visible {
            if let Some(frame) = self.stack.last_mut() {
                frame.last_child = Sibling::Other;
            }
        }
        let Some(block_at) = self
            .stack
            .iter()
            .rposition(|f| matches!(f.role, Role::Block(_)))
        else {
            return;
        };
        let top = self.stack.get(block_at + 1).map(|f| f.node);
        let innermost_claims = || {
            self.stack
                .last()
                .and_then(|f| self.claims.get(..f.claims_end))
                .map(<[_]>::to_vec)
                .unwrap_or_default()
        };
        let claims = if self.stack[block_at].segment.is_none() && has_visible {
            innermost_claims()
        } else {
            Vec::new()
        };
        let in_link = self.stack.last().is_some_and(|f| f.context.link);
        let through_caption = self.stack[block_at + 1..].iter().any(|f| f.names_caption);
        // Runs are kept for short blocks only: no path bookkeeping for long prose.
        let short = self.stack[block_at]
            .segment
            .as_ref()
            .map_or(0, |s| s.raw.len())
            + text.len()
            <= MAX_RUNS_BLOCK_BYTES;
        let path: Vec<NodeIx> = if short {
            self.stack[block_at + 1..].iter().map(|f| f.node).collect()
        } else {
            Vec::new()
        };
        let frame = &mut self.stack[block_at];
        if frame.segment.is_none() {
            if !has_visible {
                return;
            }
            let id = BlockId(self.blocks.len() as u32);
            self.blocks.push(None);
            frame.segment = Some(Segment {
                id,
                raw: String::new(),
                top: None,
                mixed_tops: false,
                all_link: true,
                claims,
                through_caption: false,
                runs: Vec::new(),
            });
        }
        // (just ensured: no panic's code for what cannot happen)
        let Some(segment) = frame.segment.as_mut() else {
            return;
        };
        segment.raw.push_str(text);
        if segment.raw.len() <= MAX_RUNS_BLOCK_BYTES {
            match segment.runs.last_mut() {
                Some((seen, run)) if *seen == path => run.push_str(text),
                _ => segment.runs.push((path, text.to_owned())),
            }
        }
        if has_visible {
            match segment.top {
                None => segment.top = Some(top),
                Some(seen) if seen != top => segment.mixed_tops = true,
                _ => {}
            }
            segment.all_link &= in_link;
            segment.through_caption |= through_caption;
        }
    }

    /// Reports that the element most recently opened (and entered) has closed.
    pub fn close(&mut self) {
        let Some(mut frame) = self.stack.pop() else {
            return;
        };
        if let Some(segment) = frame.segment.take() {
            frame.segments.push(segment);
        }
        let segment_count = frame.segments.len() as u32;
        let had_text = segment_count > 0 || frame.nested_text;
        if let Role::Block(kind) = frame.role {
            let single = segment_count == 1 && !frame.nested_text;
            for segment in core::mem::take(&mut frame.segments) {
                let block = self.finish_segment(&frame, kind, segment, single);
                // (just finished: no panic's code for what cannot happen)
                if let Some(b) = &self.blocks[block.0 as usize] {
                    if matches!(b.kind, BlockKind::Paragraph | BlockKind::Other)
                        && !b.context.link
                        && b.text.len() >= PROSE_PARAGRAPH_BYTES
                    {
                        frame.prose.0 += 1;
                        frame.prose.1 += b.text.len();
                    }
                }
                frame.blocks_inside += 1;
                frame.first_block.get_or_insert(block);
            }
        }
        if frame.names_ad_slot && frame.blocks_inside == 1 && !frame.unrendered_text {
            // Closes run inner to outer, so the outermost such slot wins.
            if let Some(Some(block)) = frame
                .first_block
                .map(|b| self.blocks[b.0 as usize].as_mut())
            {
                block.ad_slot = Some(frame.node);
                // An empty slot beside the label inside this container goes with it.
                if block.slot_beside.is_some_and(|slot| slot > frame.node) {
                    block.slot_beside = None;
                }
            }
        }
        self.pair_with_sibling(&frame);
        if let Some(image) = frame.image {
            if let Some(parent) = self.stack.last_mut() {
                parent.image = Some(image);
            }
        }
        let (paragraphs, bytes) = frame.prose;
        let makes_claims = frame
            .claims_end
            .checked_sub(1)
            .and_then(|last| self.claims.get(last))
            .is_some_and(|(_, by)| *by == frame.node);
        if makes_claims && paragraphs >= ARTICLE_PROSE_PARAGRAPHS && bytes >= ARTICLE_PROSE_CHARS {
            self.revoked.push(frame.node);
        }
        if let Some(parent) = self.stack.last_mut() {
            parent.unrendered_text |= frame.unrendered_text;
            parent.shows_media |= frame.shows_media;
            parent.prose.0 += paragraphs;
            parent.prose.1 += bytes;
            parent.blocks_inside += frame.blocks_inside;
            if parent.first_block.is_none() {
                parent.first_block = frame.first_block;
            }
        }
        if had_text {
            // Text of a nested block ends the enclosing block's current segment, and taints the
            // enclosing block's child it came through (that child no longer holds only its segment).
            let child_of_block = self
                .stack
                .iter()
                .rposition(|f| matches!(f.role, Role::Block(_)))
                .map(|at| {
                    (
                        at,
                        self.stack.get(at + 1).map(|f| f.node).unwrap_or(frame.node),
                    )
                });
            if let Some((at, child)) = child_of_block {
                let is_block = matches!(frame.role, Role::Block(_));
                let enclosing = &mut self.stack[at];
                if is_block || frame.nested_text {
                    enclosing.nested_text = true;
                    if let Some(segment) = enclosing.segment.take() {
                        enclosing.segments.push(segment);
                    }
                    enclosing.tainted_children.push(child);
                }
            }
        }
    }

    /// Finishes the outline. Elements still open are closed first.
    pub fn finish(mut self) -> Outline {
        while !self.stack.is_empty() {
            self.close();
        }
        for (block, claims) in self.blocks.iter_mut().zip(&self.block_claims) {
            let Some(block) = block else { continue };
            for (claim, by) in claims {
                if self.revoked.contains(by) {
                    // (a figure by name with an article's prose in it is no figure)
                    if *claim == Claim::Figure && block.figure == Some(*by) {
                        block.figure = None;
                        block.context.figure = false;
                    }
                    continue;
                }
                let c = &mut block.context;
                match claim {
                    Claim::Nav => c.nav = true,
                    Claim::Footer => c.footer = true,
                    Claim::Aside => c.aside = true,
                    Claim::AdSlot => c.ad_slot = true,
                    Claim::Figure => {}
                }
            }
        }
        Outline {
            blocks: self.blocks.into_iter().flatten().collect(),
            nodes: self.nodes,
        }
        .renumbered()
    }

    /// Records what a closing element is for its next sibling, and pairs an ad label with an
    /// empty ad slot standing right before or after it.
    fn pair_with_sibling(&mut self, frame: &Frame) {
        let Some(parent) = self.stack.last() else {
            return;
        };
        let this = if frame.names_ad_slot
            && frame.blocks_inside == 0
            && !frame.nested_text
            && !frame.unrendered_text
            && !frame.shows_media
        {
            Sibling::EmptyAdSlot(frame.node)
        } else if frame.blocks_inside == 1 {
            frame.first_block.map_or(Sibling::Other, Sibling::LoneBlock)
        } else {
            Sibling::Other
        };
        let pair = match (parent.last_child, this) {
            (Sibling::LoneBlock(block), Sibling::EmptyAdSlot(slot))
            | (Sibling::EmptyAdSlot(slot), Sibling::LoneBlock(block)) => Some((block, slot)),
            _ => None,
        };
        if let Some((block, slot)) = pair {
            if let Some(Some(block)) = self.blocks.get_mut(block.0 as usize) {
                block.slot_beside.get_or_insert(slot);
            }
        }
        if let Some(parent) = self.stack.last_mut() {
            parent.last_child = this;
        }
    }

    fn note_media(&mut self) {
        if let Some(frame) = self.stack.last_mut() {
            frame.shows_media = true;
            frame.last_child = Sibling::Other;
        }
    }

    fn note_image(&mut self, src: &str) {
        let key = src.split(['?', '#']).next().unwrap_or(src);
        let ordinal = match self.images.iter().position(|s| s == key) {
            Some(at) => at,
            None => {
                self.images.push(key.to_owned());
                self.images.len() - 1
            }
        } as u32;
        self.last_image = Some(ordinal);
        if let Some(frame) = self.stack.last_mut() {
            frame.image = Some(ordinal);
        }
    }

    fn finish_segment(
        &mut self,
        frame: &Frame,
        kind: BlockKind,
        segment: Segment,
        single: bool,
    ) -> BlockId {
        let text = collapse_whitespace(&segment.raw);
        let (node, whole) = if single {
            match segment.top {
                // `<div><a>Anzeige</a><script>…</script></div>`: the element that holds just the
                // text, not the one whose script may still fill it (and whose textContent has it).
                Some(Some(child)) if frame.unrendered_text && !segment.mixed_tops => (child, true),
                _ => (frame.node, true),
            }
        } else {
            match segment.top {
                Some(Some(child)) if !segment.mixed_tops => {
                    (child, !frame.tainted_children.contains(&child))
                }
                _ => (frame.node, false),
            }
        };
        let mut context = frame.context;
        context.link = segment.all_link;
        // `<p><span class="caption">…</span></p>`: the block reads as a caption line.
        let kind =
            if segment.through_caption && matches!(kind, BlockKind::Paragraph | BlockKind::Other) {
                BlockKind::Caption
            } else {
                kind
            };
        // In a figure, its own image (searching only the frames inside the figure); elsewhere the
        // image most recently seen in the document.
        let image = match frame.figure {
            Some(figure) => frame
                .image
                .or_else(|| {
                    self.stack
                        .iter()
                        .rev()
                        .take_while(|f| f.node >= figure)
                        .find_map(|f| f.image)
                })
                .or(self.last_image),
            None => self.last_image,
        };
        let block = Block {
            id: segment.id,
            node,
            kind,
            text,
            whole,
            context,
            figure: frame.figure,
            image,
            ad_slot: None,
            slot_beside: None,
            runs: Vec::new(),
        };
        let mut block = block;
        // (one piece makes one run at most, and a lone run is none: most blocks stop here)
        if segment.raw.len() <= MAX_RUNS_BLOCK_BYTES && segment.runs.len() > 1 {
            block.runs = runs_below_common_ancestor(&segment.runs, &frame.tainted_children);
        }
        self.blocks[segment.id.0 as usize] = Some(block);
        if self.block_claims.len() <= segment.id.0 as usize {
            self.block_claims
                .resize(segment.id.0 as usize + 1, Vec::new());
        }
        self.block_claims[segment.id.0 as usize] = segment.claims;
        segment.id
    }
}

impl Outline {
    /// Renumbers block ids after dropping empty reservations, keeping document order.
    fn renumbered(mut self) -> Self {
        for (at, block) in self.blocks.iter_mut().enumerate() {
            block.id = BlockId(at as u32);
        }
        self
    }

    /// The block with this id.
    ///
    /// # Panics
    ///
    /// If the id does not come from this outline.
    pub fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id.0 as usize]
    }

    /// One line per block — `kind whole|part [context] text` — the form fixtures pin down, so
    /// the browser's and the CLI's outlines of the same page can be compared line by line.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            let kind = match b.kind {
                BlockKind::Heading(level) => {
                    crate::text::concat(&["h", &crate::text::decimal(level.into())])
                }
                BlockKind::Paragraph => "p".into(),
                BlockKind::ListItem => "li".into(),
                BlockKind::Caption => "caption".into(),
                BlockKind::Cell => "cell".into(),
                BlockKind::Preformatted => "pre".into(),
                BlockKind::Other => "block".into(),
            };
            let c = &b.context;
            let flags: Vec<&str> = [
                (c.nav, "nav"),
                (c.footer, "footer"),
                (c.aside, "aside"),
                (c.comments, "comments"),
                (c.ad_slot, "ad-slot"),
                (c.figure, "figure"),
                (c.blockquote, "blockquote"),
                (c.link, "link"),
                (c.header, "header"),
                (c.article, "article"),
                (b.ad_slot.is_some(), "alone-in-slot"),
                (b.slot_beside.is_some(), "slot-beside"),
            ]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, name)| *name)
            .collect();
            let whole = if b.whole { "whole" } else { "part" };
            for part in [
                &kind,
                " ",
                whole,
                " [",
                &flags.join(","),
                "] ",
                &b.text,
                "\n",
            ] {
                out.push_str(part);
            }
        }
        out
    }
}

/// Groups a block's text pieces by the element they came through just below the innermost element
/// holding all of them (`<span class="caption"><span>© X</span> X</span>` gives "© X" and "X").
fn runs_below_common_ancestor(pieces: &[(Vec<NodeIx>, String)], tainted: &[NodeIx]) -> Vec<Run> {
    let visible: Vec<&(Vec<NodeIx>, String)> = pieces
        .iter()
        .filter(|(_, t)| t.chars().any(|c| !c.is_whitespace()))
        .collect();
    let Some((first, _)) = visible.first() else {
        return Vec::new();
    };
    let common = visible.iter().fold(first.len(), |n, (path, _)| {
        n.min(
            path.iter()
                .zip(first.iter())
                .take_while(|(a, b)| a == b)
                .count(),
        )
    });
    // An element that also holds text of a nested block is not "exactly this run".
    let hideable = !first
        .iter()
        .take(common.max(1))
        .any(|n| tainted.contains(n));
    let mut runs: Vec<Run> = Vec::new();
    let mut last_key: Option<Option<NodeIx>> = None;
    for (path, text) in pieces {
        let key = path.get(common).copied();
        match runs.last_mut() {
            Some(run) if last_key == Some(key) => run.text.push_str(text),
            _ => runs.push(Run {
                node: key.filter(|_| hideable),
                text: text.clone(),
            }),
        }
        last_key = Some(key);
    }
    for run in &mut runs {
        run.text = collapse_whitespace(&run.text);
    }
    runs.retain(|r| !r.text.is_empty());
    if runs.len() < 2 {
        runs.clear();
    }
    runs
}

/// What the outline reads from a tag name, looked up once per element: one binary search in a
/// sorted table instead of a hundred string comparisons in `matches!` chains (the wasm build
/// compiles each arm to an out-of-line `str::eq` call).
mod tag {
    /// Never renders its text as page text (script, style, media, form controls, ...).
    pub const NO_TEXT: u32 = 1;
    /// Holds source text that is still in its parent's textContent (script, style, ...).
    pub const SOURCE: u32 = 1 << 1;
    /// Shows a picture, frame or player (of the elements that render no text).
    pub const MEDIA: u32 = 1 << 2;
    /// Renders as a block box by default.
    pub const BLOCK: u32 = 1 << 3;
    pub const IMAGE: u32 = 1 << 4;
    /// br, hr, wbr.
    pub const BREAK: u32 = 1 << 5;
    /// br: a break that separates words.
    pub const LINE_BREAK: u32 = 1 << 6;
    /// html, body: the whole page. Their class names describe the page (its type, a site's
    /// feature flags: "f_avoid_index_replies_on f_caption_muted_videos_on"), never a part of it.
    pub const BODY: u32 = 1 << 7;
    pub const NAV: u32 = 1 << 8;
    pub const FOOTER: u32 = 1 << 9;
    pub const ASIDE: u32 = 1 << 10;
    pub const HEADER: u32 = 1 << 11;
    pub const FIGURE: u32 = 1 << 12;
    pub const BLOCKQUOTE: u32 = 1 << 13;
    pub const ARTICLE: u32 = 1 << 14;
    pub const LINK: u32 = 1 << 15;
    /// The block kind its tag gives, in the bits from `KIND_SHIFT` (0: other).
    pub const KIND_SHIFT: u32 = 16;
    pub const KIND_H1: u32 = 1 << KIND_SHIFT;
    pub const KIND_H2: u32 = 2 << KIND_SHIFT;
    pub const KIND_H3: u32 = 3 << KIND_SHIFT;
    pub const KIND_H4: u32 = 4 << KIND_SHIFT;
    pub const KIND_H5: u32 = 5 << KIND_SHIFT;
    pub const KIND_H6: u32 = 6 << KIND_SHIFT;
    pub const KIND_CAPTION: u32 = 7 << KIND_SHIFT;
    pub const KIND_PARAGRAPH: u32 = 8 << KIND_SHIFT;
    pub const KIND_LIST_ITEM: u32 = 9 << KIND_SHIFT;
    pub const KIND_CELL: u32 = 10 << KIND_SHIFT;
    pub const KIND_PRE: u32 = 11 << KIND_SHIFT;

    crate::words!(
        /// The tags the outline treats apart from a plain inline element, sorted (looked up for
        /// every element: a restart every 4 entries keeps the lookup short).
        pub(super) static KNOWN_TAGS = concat!(
        "a|address|article|aside|audio|blockquote|body|br|canvas|caption|center|dd|",
        "details|dialog|dir|div|dl|dt|embed|fieldset|figcaption|figure|footer|form|",
        "h1|h2|h3|h4|h5|h6|head|header|hgroup|hr|html|iframe|img|input|legend|li|",
        "link|main|math|menu|meta|nav|newsclean-sidebar|noscript|object|ol|option|p|",
        "picture|pre|script|section|select|style|summary|svg|table|tbody|td|template|",
        "textarea|tfoot|th|thead|title|tr|ul|video|wbr",
        ); every 4
    );

    /// The facts of each of [`KNOWN_TAGS`], in its order.
    const KNOWN_TAG_FACTS: [u32; KNOWN_TAGS.len()] = [
        /* a */ LINK,
        /* address */ BLOCK,
        /* article */ BLOCK | ARTICLE,
        /* aside */ BLOCK | ASIDE,
        /* audio */ NO_TEXT | MEDIA,
        /* blockquote */ BLOCK | BLOCKQUOTE,
        /* body */ BODY,
        /* br */ BREAK | LINE_BREAK,
        /* canvas */ NO_TEXT | MEDIA,
        /* caption */ BLOCK,
        /* center */ BLOCK,
        /* dd */ BLOCK | KIND_LIST_ITEM,
        /* details */ BLOCK,
        /* dialog */ BLOCK,
        /* dir */ BLOCK,
        /* div */ BLOCK,
        /* dl */ BLOCK,
        /* dt */ BLOCK | KIND_LIST_ITEM,
        /* embed */ NO_TEXT | MEDIA,
        /* fieldset */ BLOCK,
        /* figcaption */ BLOCK | KIND_CAPTION,
        /* figure */ BLOCK | FIGURE,
        /* footer */ BLOCK | FOOTER,
        /* form */ BLOCK,
        /* h1 */ BLOCK | KIND_H1,
        /* h2 */ BLOCK | KIND_H2,
        /* h3 */ BLOCK | KIND_H3,
        /* h4 */ BLOCK | KIND_H4,
        /* h5 */ BLOCK | KIND_H5,
        /* h6 */ BLOCK | KIND_H6,
        /* head */ NO_TEXT,
        /* header */ BLOCK | HEADER,
        /* hgroup */ BLOCK,
        /* hr */ BREAK,
        /* html */ BLOCK | BODY,
        /* iframe */ NO_TEXT | MEDIA,
        /* img */ IMAGE,
        /* input */ NO_TEXT,
        /* legend */ BLOCK,
        /* li */ BLOCK | KIND_LIST_ITEM,
        /* link */ NO_TEXT,
        /* main */ BLOCK | ARTICLE,
        /* math */ NO_TEXT,
        /* menu */ BLOCK | NAV,
        /* meta */ NO_TEXT,
        /* nav */ BLOCK | NAV,
        /* newsclean-sidebar */ NO_TEXT,
        /* noscript */ NO_TEXT | SOURCE,
        /* object */ NO_TEXT | MEDIA,
        /* ol */ BLOCK,
        /* option */ NO_TEXT,
        /* p */ BLOCK | KIND_PARAGRAPH,
        /* picture */ IMAGE,
        /* pre */ BLOCK | KIND_PRE,
        /* script */ NO_TEXT | SOURCE,
        /* section */ BLOCK,
        /* select */ NO_TEXT | SOURCE,
        /* style */ NO_TEXT | SOURCE,
        /* summary */ BLOCK,
        /* svg */ NO_TEXT | MEDIA,
        /* table */ BLOCK,
        /* tbody */ BLOCK,
        /* td */ BLOCK | KIND_CELL,
        /* template */ NO_TEXT | SOURCE,
        /* textarea */ NO_TEXT | SOURCE,
        /* tfoot */ BLOCK,
        /* th */ BLOCK | KIND_CELL,
        /* thead */ BLOCK,
        /* title */ NO_TEXT,
        /* tr */ BLOCK,
        /* ul */ BLOCK,
        /* video */ NO_TEXT | MEDIA,
        /* wbr */ BREAK,
    ];

    /// The facts of `name` (a lowercase tag name); 0 for a plain inline element.
    pub fn facts(name: &str) -> u32 {
        KNOWN_TAGS
            .find_sorted(name)
            .and_then(|at| KNOWN_TAG_FACTS.get(at))
            .copied()
            .unwrap_or(0)
    }
}

/// The block kind of an element with tag facts `facts`; `names_caption`: its class names it a
/// caption.
fn block_kind(facts: u32, names_caption: bool) -> BlockKind {
    match facts >> tag::KIND_SHIFT {
        level @ 1..=6 => BlockKind::Heading(level as u8),
        7 => BlockKind::Caption,
        _ if names_caption => BlockKind::Caption,
        8 => BlockKind::Paragraph,
        9 => BlockKind::ListItem,
        10 => BlockKind::Cell,
        11 => BlockKind::Preformatted,
        _ => BlockKind::Other,
    }
}

/// What a word of a class, id or hint attribute names (bits of [`Names`]).
const NAMES_NAV: u8 = 1;
const NAMES_FOOTER: u8 = 1 << 1;
const NAMES_ASIDE: u8 = 1 << 2;
const NAMES_COMMENTS: u8 = 1 << 3;
const NAMES_AD_SLOT: u8 = 1 << 4;
const NAMES_FIGURE: u8 = 1 << 5;
const NAMES_CAPTION: u8 = 1 << 6;

crate::words!(
    /// Words of class, id and hint attributes that name a part of the page, sorted (looked up
    /// for every word of every element: a binary search, not a `match` of 75 string arms).
    static NAME_WORDS = concat!(
    "ad|adblock|adbox|adcontainer|ads|adsbygoogle|adsense|adslot|adunit|adv|advert|advertisement|",
    "advertisements|advertising|adverts|adwrapper|anzeige|banner|bibliography|billboard|",
    "breadcrumb|breadcrumbs|caption|captiontext|colophon|comment|comments|",
    "complementary|copyright|credit|credits|cutline|dfp|disqus|doubleclick|",
    "figcaption|figure|footer|footnotes|gallery|gpt|image|imagecaption|img|leaderboard|",
    "lightbox|masthead|media|menu|mostread|mpu|nav|navbar|navigation|newsletter|",
    "outbrain|photo|photocredit|picture|popular|promo|pubblicita|publicidad|",
    "publicite|rail|recommendations|recommended|refbegin|references|reflist|reklama|related|replies|sidebar|",
    "skyscraper|slideshow|sponsor|sponsored|sponsorship|taboola|teads|teaser|teasers|",
    "topbar|trending|werbung|widget",
    ); every 4
);

/// The first three letters of [`NAME_WORDS`]: most words of class names ("col", "row",
/// "container", hashed names) are ruled out without a binary search.
static NAME_WORD_PREFIXES: crate::words::Prefixes =
    crate::words::Prefixes::EMPTY.with_words(&NAME_WORDS);

/// What each of [`NAME_WORDS`] names, in its order.
const NAME_WORD_FACTS: [u8; NAME_WORDS.len()] = [
    /* ad */ NAMES_AD_SLOT,
    /* adblock */ NAMES_AD_SLOT,
    /* adbox */ NAMES_AD_SLOT,
    /* adcontainer */ NAMES_AD_SLOT,
    /* ads */ NAMES_AD_SLOT,
    /* adsbygoogle */ NAMES_AD_SLOT,
    /* adsense */ NAMES_AD_SLOT,
    /* adslot */ NAMES_AD_SLOT,
    /* adunit */ NAMES_AD_SLOT,
    /* adv */ NAMES_AD_SLOT,
    /* advert */ NAMES_AD_SLOT,
    /* advertisement */ NAMES_AD_SLOT,
    /* advertisements */ NAMES_AD_SLOT,
    /* advertising */ NAMES_AD_SLOT,
    /* adverts */ NAMES_AD_SLOT,
    /* adwrapper */ NAMES_AD_SLOT,
    /* anzeige */ NAMES_AD_SLOT,
    /* banner */ NAMES_AD_SLOT,
    /* bibliography */ NAMES_ASIDE,
    /* billboard */ NAMES_AD_SLOT,
    /* breadcrumb */ NAMES_NAV,
    /* breadcrumbs */ NAMES_NAV,
    /* caption */ NAMES_CAPTION,
    /* captiontext */ NAMES_CAPTION,
    /* colophon */ NAMES_FOOTER,
    /* comment */ NAMES_COMMENTS,
    /* comments */ NAMES_COMMENTS,
    /* complementary */ NAMES_ASIDE,
    /* copyright */ NAMES_FOOTER,
    /* credit */ NAMES_CAPTION,
    /* credits */ NAMES_CAPTION,
    /* cutline */ NAMES_CAPTION,
    /* dfp */ NAMES_AD_SLOT,
    /* disqus */ NAMES_COMMENTS,
    /* doubleclick */ NAMES_AD_SLOT,
    /* figcaption */ NAMES_CAPTION,
    /* figure */ NAMES_FIGURE,
    /* footer */ NAMES_FOOTER,
    /* footnotes */ NAMES_ASIDE,
    /* gallery */ NAMES_FIGURE,
    /* gpt */ NAMES_AD_SLOT,
    /* image */ NAMES_FIGURE,
    /* imagecaption */ NAMES_CAPTION,
    /* img */ NAMES_FIGURE,
    /* leaderboard */ NAMES_AD_SLOT,
    /* lightbox */ NAMES_FIGURE,
    /* masthead */ NAMES_NAV,
    /* media */ NAMES_FIGURE,
    /* menu */ NAMES_NAV,
    /* mostread */ NAMES_ASIDE,
    /* mpu */ NAMES_AD_SLOT,
    /* nav */ NAMES_NAV,
    /* navbar */ NAMES_NAV,
    /* navigation */ NAMES_NAV,
    /* newsletter */ NAMES_ASIDE,
    /* outbrain */ NAMES_ASIDE,
    /* photo */ NAMES_FIGURE,
    /* photocredit */ NAMES_CAPTION,
    /* picture */ NAMES_FIGURE,
    /* popular */ NAMES_ASIDE,
    /* promo */ NAMES_ASIDE,
    /* pubblicita */ NAMES_AD_SLOT,
    /* publicidad */ NAMES_AD_SLOT,
    /* publicite */ NAMES_AD_SLOT,
    /* rail */ NAMES_ASIDE,
    /* recommendations */ NAMES_ASIDE,
    /* recommended */ NAMES_ASIDE,
    /* refbegin */ NAMES_ASIDE,
    /* references */ NAMES_ASIDE,
    /* reflist */ NAMES_ASIDE,
    /* reklama */ NAMES_AD_SLOT,
    /* related */ NAMES_ASIDE,
    /* replies */ NAMES_COMMENTS,
    /* sidebar */ NAMES_ASIDE,
    /* skyscraper */ NAMES_AD_SLOT,
    /* slideshow */ NAMES_FIGURE,
    /* sponsor */ NAMES_AD_SLOT,
    /* sponsored */ NAMES_AD_SLOT,
    /* sponsorship */ NAMES_AD_SLOT,
    /* taboola */ NAMES_ASIDE,
    /* teads */ NAMES_AD_SLOT,
    /* teaser */ NAMES_ASIDE,
    /* teasers */ NAMES_ASIDE,
    /* topbar */ NAMES_NAV,
    /* trending */ NAMES_ASIDE,
    /* werbung */ NAMES_AD_SLOT,
    /* widget */ NAMES_ASIDE,
];

/// What an element's class, id and hint attributes name.
#[derive(Default)]
struct Names {
    nav: bool,
    footer: bool,
    aside: bool,
    comments: bool,
    ad_slot: bool,
    figure: bool,
    caption: bool,
}

impl Names {
    fn of(el: &ElementInfo<'_>) -> Self {
        let mut names = Names::default();
        for source in [el.class, el.id, el.hints] {
            if source.is_empty() {
                continue;
            }
            // NOTE: lowercase copies only for the rare names that have capitals (this runs for
            // every element of the page).
            let lower;
            let source = if source.bytes().any(|b| b.is_ascii_uppercase()) {
                lower = source.to_ascii_lowercase();
                lower.as_str()
            } else {
                source
            };
            // Compound class names ("adSlot", "ad-slot", "advert_container") are split into words
            // on punctuation; camelCase needs one more look at the whole token.
            for token in ascii_runs(source, |b| !b.is_ascii_whitespace()) {
                for word in ascii_runs(token, |b| b.is_ascii_alphanumeric()) {
                    names.note(word);
                }
                names.note_compound(token);
            }
        }
        names
    }

    fn note(&mut self, word: &str) {
        if !NAME_WORD_PREFIXES.may_start(word.as_bytes()) {
            return;
        }
        let facts = NAME_WORDS
            .find_sorted(word)
            .and_then(|at| NAME_WORD_FACTS.get(at))
            .copied()
            .unwrap_or(0);
        if facts != 0 {
            self.nav |= facts & NAMES_NAV != 0;
            self.footer |= facts & NAMES_FOOTER != 0;
            self.aside |= facts & NAMES_ASIDE != 0;
            self.comments |= facts & NAMES_COMMENTS != 0;
            self.ad_slot |= facts & NAMES_AD_SLOT != 0;
            self.figure |= facts & NAMES_FIGURE != 0;
            self.caption |= facts & NAMES_CAPTION != 0;
        }
    }

    fn note_compound(&mut self, token: &str) {
        const AD_PREFIXES: &[&str] =
            &["adslot", "adunit", "adcontainer", "adwrapper", "ad-", "ad_"];
        if AD_PREFIXES.iter().any(|p| token.starts_with(p)) && !token.starts_with("ad-free") {
            self.ad_slot = true;
        }
        if has_word(token, "caption") || has_word(token, "cutline") {
            self.caption = true;
        }
    }
}

/// The longest runs of bytes that `keep` takes, in order.
///
/// NOTE: bytes, not chars (`str::split` with a char predicate decodes every char). `keep` must
/// answer alike for every byte from 0x80 up, the bytes of multi-byte chars: then every cut falls
/// at a char boundary, where a test of the chars would cut.
fn ascii_runs(text: &str, keep: impl Fn(u8) -> bool) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    core::iter::from_fn(move || {
        while at < bytes.len() && !keep(bytes[at]) {
            at += 1;
        }
        let start = at;
        while at < bytes.len() && keep(bytes[at]) {
            at += 1;
        }
        (start < at).then(|| text.get(start..at).unwrap_or_default())
    })
}

/// Returns true if and only if `needle` occurs in `haystack`.
///
/// NOTE: a byte-window scan instead of `str::contains(&str)`, whose two-way searcher drags the
/// string-slicing panic path and its char formatting into the wasm build (≈5 KB).
fn has_word(haystack: &str, needle: &str) -> bool {
    let needle = needle.as_bytes();
    // the first byte decides most windows without a call to compare the rest
    let first = needle.first().copied();
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w.first().copied() == first && w == needle)
}

/// The index of the first event marker (bytes 1 to 3) at or after `from`, or the length.
/// NOTE: eight bytes at a time ("has a byte below 4", Hacker's Delight): the scan runs over all
/// the page's text, where markers are a few bytes in a hundred.
fn next_marker(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let is_marker = |b: u8| (1..=3).contains(&b);
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        if x.wrapping_sub(ONES * 4) & !x & HIGHS != 0 {
            break;
        }
        at += 8;
    }
    bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| is_marker(b)))
        .map_or(bytes.len(), |n| at + n)
}

/// Returns true if and only if the text has a char that is not whitespace. NOTE: a byte loop
/// that decodes only from the first non-ASCII byte on: most text nodes settle within a byte or two.
fn has_visible_text(text: &str) -> bool {
    for (at, b) in text.bytes().enumerate() {
        if !b.is_ascii() {
            return text
                .get(at..)
                .is_some_and(|rest| rest.chars().any(|c| !c.is_whitespace()));
        }
        if !matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            return true;
        }
    }
    false
}

/// Collapses every run of whitespace to one space and trims the ends.
pub fn collapse_whitespace(raw: &str) -> String {
    // NOTE: a byte loop that decodes only non-ASCII chars (to test them for Unicode whitespace)
    // instead of `split_whitespace`, which decodes every char: this runs over all the page's
    // text. Whitespace is `char::is_whitespace`, as there.
    let bytes = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut word_start = None;
    let mut at = 0;
    let push_word = |from: usize, to: usize, out: &mut String| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(raw.get(from..to).unwrap_or_default());
    };
    while at < bytes.len() {
        let (space, len) = match bytes[at] {
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => (true, 1),
            b if b < 0x80 => (false, 1),
            _ => raw
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        };
        match (space, word_start) {
            (true, Some(from)) => {
                push_word(from, at, &mut out);
                word_start = None;
            }
            (false, None) => word_start = Some(at),
            _ => {}
        }
        at += len;
    }
    if let Some(from) = word_start {
        push_word(from, bytes.len(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_attributes_are_the_names_of_the_joined_string() {
        assert_eq!(READ_ATTRIBUTES.len(), 12);
        assert_eq!(READ_ATTRIBUTES[1], "id");
        assert_eq!(READ_ATTRIBUTES[11], "data-src");
        assert_eq!(READ_ATTRIBUTES.join("|"), READ_ATTRIBUTE_NAMES);
    }

    #[test]
    fn collapse_whitespace_agrees_with_split_whitespace_on_every_short_string() {
        // every string of up to five of these chars: ASCII and Unicode spaces, words, multi-byte
        let alphabet = ['a', ' ', '\t', '\n', '\u{a0}', 'é', '\u{3000}'];
        let mut strings = vec![String::new()];
        let mut longest = vec![String::new()];
        for _ in 0..5 {
            longest = longest
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(longest.iter().cloned());
        }
        assert_eq!(strings.len(), (0..=5).map(|n| 7usize.pow(n)).sum::<usize>());
        for s in &strings {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_whitespace(s), want, "{s:?}");
        }
    }

    #[test]
    fn inline_styles_that_hide() {
        for hiding in [
            "display:none",
            "DISPLAY: None;",
            "color:red; visibility : hidden",
            "display :\tnone !important",
        ] {
            assert!(is_hidden_by_style(hiding), "{hiding}");
        }
        for showing in [
            "display:block",
            "display: inline; none",
            "visibility:visible",
            "",
            "display:",
        ] {
            assert!(!is_hidden_by_style(showing), "{showing}");
        }
    }

    #[test]
    fn collapse_whitespace_is_split_whitespace_joined() {
        for s in [
            "",
            "  ",
            "a",
            " a  b\t\nc ",
            "\u{a0}Publicité\u{2009}–\u{3000}広告 \u{b}x\u{c}",
            "“Yes,”\r\n he said.\u{85}",
            "one two three",
            " one two three",
            "one two three ",
            "one  two three",
            "one two\u{a0}three four five",
            "one two \u{2009}three",
            "日本 語\u{3000}\u{3000}テキスト x",
            "x\u{2028}",
        ] {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_whitespace(s), want, "{s:?}");
        }
    }

    #[test]
    fn every_known_tag_has_its_facts_and_no_other_tag_has_any() {
        assert_eq!(tag::facts("div"), tag::BLOCK);
        assert_eq!(tag::facts("span"), 0);
        assert_eq!(tag::facts("br"), tag::BREAK | tag::LINE_BREAK);
        for (i, name) in tag::KNOWN_TAGS.entries().iter().enumerate() {
            let name = core::str::from_utf8(name).unwrap();
            assert_ne!(tag::facts(name), 0, "{name}");
            assert_eq!(tag::KNOWN_TAGS.find_sorted(name), Some(i), "{name}");
        }
        for name in [
            "span",
            "em",
            "strong",
            "b",
            "i",
            "custom-element",
            "h7",
            "divx",
            "",
        ] {
            assert_eq!(tag::facts(name), 0, "{name}");
        }
    }

    /// A tiny tree notation for tests: (tag, class, children), text as ("#", text, []).
    enum T {
        El(&'static str, &'static str, Vec<T>),
        Text(&'static str),
    }

    fn feed(b: &mut OutlineBuilder, t: &T) {
        match t {
            T::Text(s) => b.text(s),
            T::El(tag, class, kids) => {
                if b.open(ElementInfo {
                    tag,
                    class,
                    ..Default::default()
                }) == Visit::Enter
                {
                    for k in kids {
                        feed(b, k);
                    }
                    b.close();
                }
            }
        }
    }

    fn outline(t: T) -> Outline {
        let mut b = OutlineBuilder::new();
        feed(&mut b, &t);
        b.finish()
    }

    use T::{El, Text};

    #[test]
    fn inline_text_joins_its_block() {
        let o = outline(El(
            "div",
            "",
            vec![El(
                "p",
                "",
                vec![Text("A "), El("b", "", vec![Text("bold")]), Text(" move.")],
            )],
        ));
        assert_eq!(o.blocks.len(), 1);
        assert_eq!(o.blocks[0].text, "A bold move.");
        assert_eq!(o.blocks[0].node, NodeIx(1));
        assert!(o.blocks[0].whole);
    }

    #[test]
    fn the_page_roots_class_names_name_no_part_of_it() {
        // feature flags on <body> ("f_avoid_index_replies_on", "pmc-gallery__") do not make the
        // whole page a comments section or a photo; the same names on a div still count
        let page = |root_class: &'static str| {
            outline(El(
                "html",
                root_class,
                vec![El(
                    "body",
                    root_class,
                    vec![El("div", "", vec![El("p", "", vec![Text("Body text.")])])],
                )],
            ))
        };
        let o = page("f_avoid_index_replies_on pmc-gallery__ sidebar");
        assert_eq!(o.blocks[0].context, Context::default());
        let o = outline(El(
            "div",
            "f_avoid_index_replies_on",
            vec![El("p", "", vec![Text("Body text.")])],
        ));
        assert!(o.blocks[0].context.comments);
    }

    #[test]
    fn a_figure_by_name_holding_the_article_is_no_figure() {
        const PROSE: &str = "The council met on Monday evening to vote on the new bridge, \
                             which has divided the town for a decade and cost twice as much.";
        // (eight of 124 bytes: past the 800 an article's prose needs)
        let paragraphs = || (0..8).map(|_| El("p", "", vec![Text(PROSE)])).collect();
        let o = outline(El("div", "article-body no-main-image", paragraphs()));
        assert_eq!(o.blocks.len(), 8);
        assert!(o
            .blocks
            .iter()
            .all(|b| b.figure.is_none() && !b.context.figure));
        // a photo container keeps its caption, and a real <figure> is one whatever it holds
        let o = outline(El(
            "div",
            "image",
            vec![El("p", "", vec![Text("The bridge.")])],
        ));
        assert_eq!(o.blocks[0].figure, Some(NodeIx(0)));
        let o = outline(El("figure", "", paragraphs()));
        assert!(o.blocks.iter().all(|b| b.figure == Some(NodeIx(0))));
    }

    #[test]
    fn mixed_block_splits_into_segments_around_nested_blocks() {
        // <div><span>Advertisement</span><p>Body text.</p>tail</div>
        let o = outline(El(
            "div",
            "",
            vec![
                El("span", "", vec![Text("Advertisement")]),
                El("p", "", vec![Text("Body text.")]),
                Text("tail"),
            ],
        ));
        let texts: Vec<_> = o.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Advertisement", "Body text.", "tail"]);
        // The label is hideable through its span (node 1), the tail is not hideable alone.
        assert_eq!((o.blocks[0].node, o.blocks[0].whole), (NodeIx(1), true));
        assert_eq!((o.blocks[2].node, o.blocks[2].whole), (NodeIx(0), false));
    }

    #[test]
    fn skipped_elements_render_no_text() {
        let o = outline(El(
            "div",
            "",
            vec![
                El("script", "", vec![Text("var x;")]),
                El("p", "", vec![Text("Hi")]),
            ],
        ));
        assert_eq!(o.blocks.len(), 1);
        assert_eq!(o.blocks[0].node, NodeIx(2));
    }

    #[test]
    fn empty_ad_slot_is_hidden_with_its_label() {
        let o = outline(El(
            "div",
            "",
            vec![
                El(
                    "div",
                    "ad-slot",
                    vec![
                        El("p", "", vec![Text("Advertisement")]),
                        El("div", "", vec![]),
                    ],
                ),
                El("p", "", vec![Text("Story")]),
            ],
        ));
        assert_eq!(o.blocks[0].ad_slot, Some(NodeIx(1)));
        assert!(o.blocks[0].context.ad_slot);
        assert_eq!(o.blocks[1].ad_slot, None);
    }

    #[test]
    fn a_wrapper_holding_the_article_is_not_what_its_name_claims() {
        let para = "This paragraph is long enough to count as real article prose, not a teaser or a menu \
                    entry. It goes on for a while, the way the paragraphs of a real news story do, with \
                    a second and a third sentence that carry the reporting forward.";
        let story = El(
            "div",
            "main-nav-wrapper sidebar ad-container",
            vec![
                El("p", "", vec![Text(para)]),
                El("p", "", vec![Text(para)]),
                El("p", "", vec![Text(para)]),
                El("p", "", vec![Text(para)]),
                El(
                    "div",
                    "ad-slot",
                    vec![El("p", "", vec![Text("Advertisement")])],
                ),
            ],
        );
        let menu = El("div", "nav", vec![El("p", "", vec![Text("Home")])]);
        let o = outline(El("body", "", vec![story, menu]));
        let c = o.blocks[0].context;
        assert!(!c.nav && !c.aside && !c.ad_slot, "{c:?}");
        assert!(
            o.blocks[4].context.ad_slot,
            "the inner slot keeps its claim"
        );
        assert!(o.blocks[5].context.nav, "a real menu keeps its claim");
    }

    #[test]
    fn label_pairs_with_the_empty_ad_slot_beside_it() {
        // <div><p>Advertisement</p> <div class="ad-slot"></div><p>Story</p></div>
        let after = outline(El(
            "div",
            "",
            vec![
                El("p", "", vec![Text("Advertisement")]),
                Text(" \n "),
                El("div", "ad-slot", vec![]),
                El("p", "", vec![Text("Story")]),
            ],
        ));
        assert_eq!(after.blocks[0].slot_beside, Some(NodeIx(2)));
        // The slot may come first, and a script in between changes nothing.
        let before = outline(El(
            "div",
            "",
            vec![
                El("div", "ad-slot", vec![]),
                El("script", "", vec![Text("load()")]),
                El("div", "", vec![El("span", "", vec![Text("Anzeige")])]),
            ],
        ));
        assert_eq!(before.blocks[0].slot_beside, Some(NodeIx(1)));
    }

    #[test]
    fn a_slot_that_shows_something_or_stands_apart_is_not_paired() {
        let cases = [
            // the ad has loaded: a frame in the slot
            vec![
                El("p", "", vec![Text("Advertisement")]),
                El("div", "ad-slot", vec![El("iframe", "", vec![])]),
            ],
            // the slot's script would count as its text
            vec![
                El("p", "", vec![Text("Advertisement")]),
                El("div", "ad-slot", vec![El("script", "", vec![Text("x()")])]),
            ],
            // visible text between them
            vec![
                El("p", "", vec![Text("Advertisement")]),
                Text("Story text"),
                El("div", "ad-slot", vec![]),
            ],
            // an element with text between them
            vec![
                El("p", "", vec![Text("Advertisement")]),
                El("p", "", vec![Text("Story")]),
                El("div", "ad-slot", vec![]),
            ],
        ];
        for kids in cases {
            let o = outline(El("div", "", kids));
            assert_eq!(o.blocks[0].slot_beside, None, "{o:?}");
        }
    }

    #[test]
    fn a_label_beside_a_script_is_its_own_element() {
        // <div><a>Anzeige</a><script>…</script></div>: hiding the div would take the script's
        // slot (and its text) with it.
        let o = outline(El(
            "div",
            "",
            vec![
                El("a", "", vec![Text("Anzeige")]),
                El("script", "", vec![Text("fill()")]),
            ],
        ));
        assert_eq!((o.blocks[0].node, o.blocks[0].whole), (NodeIx(1), true));
    }

    #[test]
    fn header_class_is_not_an_ad_slot() {
        let o = outline(El("div", "header shadow-head", vec![Text("Hi")]));
        assert!(!o.blocks[0].context.ad_slot);
    }

    #[test]
    fn an_ad_vendors_unit_is_an_ad_slot() {
        // Teads' in-article video unit, labelled "ADVERTISING" (a label only inside a slot)
        let o = outline(El(
            "div",
            "teads-inread",
            vec![El(
                "div",
                "teads-ui-components-label",
                vec![Text("ADVERTISING")],
            )],
        ));
        assert!(o.blocks[0].context.ad_slot);
    }

    #[test]
    fn figure_caption_knows_its_image() {
        let mut b = OutlineBuilder::new();
        b.open(ElementInfo {
            tag: "figure",
            ..Default::default()
        });
        b.open(ElementInfo {
            tag: "img",
            src: "a.jpg?w=100",
            ..Default::default()
        });
        b.open(ElementInfo {
            tag: "figcaption",
            ..Default::default()
        });
        b.text("A caption");
        b.close();
        b.close();
        let o = b.finish();
        assert_eq!(o.blocks[0].kind, BlockKind::Caption);
        assert_eq!(o.blocks[0].image, Some(0));
        assert_eq!(o.blocks[0].figure, Some(NodeIx(0)));
    }
}
