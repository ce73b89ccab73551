//! `plan(&Outline, &Settings) -> Plan`: the core's one entry point.
//!
//! The plan says which elements to hide and why, and which quotations to list under which
//! speakers. Applying it is the front end's job; nothing here touches a page.

use crate::prelude::*;

use serde::Serialize;

use crate::clean::ad_marker::{AdMarker, MarkerReason};
use crate::clean::caption::{duplicate_captions, is_caption_like, repeated_credits};
use crate::json::Object;
use crate::outline::{Block, BlockId, BlockKind, NodeIx, Outline};
use crate::quotes::{self, QuoteKind, Speaker};

/// What a plan should do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Hide standalone ad labels.
    pub hide_ad_markers: bool,
    /// Hide the extra copies of duplicated captions.
    pub hide_duplicate_captions: bool,
    /// Find quotations and speakers.
    pub quotes: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            hide_ad_markers: true,
            hide_duplicate_captions: true,
            quotes: true,
        }
    }
}

/// Why an element is hidden; the value of its `data-newsclean` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HideKind {
    /// A leftover ad label such as "Advertisement".
    AdMarker,
    /// An extra copy of a caption or credit shown elsewhere on the page.
    DuplicateCaption,
}

impl HideKind {
    /// The `data-newsclean` attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            HideKind::AdMarker => "ad-marker",
            HideKind::DuplicateCaption => "duplicate-caption",
        }
    }
}

/// One element to hide.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hide {
    /// The element to hide.
    pub node: NodeIx,
    /// The block that decided it.
    pub block: BlockId,
    /// What it is.
    pub kind: HideKind,
    /// Why, in a few words.
    pub reason: &'static str,
}

/// One quotation placed in the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlacedQuote {
    /// The block it stands in.
    pub block: BlockId,
    /// Char offsets of the quoted text within the block's text.
    pub start: usize,
    /// Char offset just past the quoted text.
    pub end: usize,
    /// The quoted text, without marks.
    pub text: String,
    /// Full sentence or fragment.
    pub kind: QuoteKind,
    /// Index into [`Plan::speakers`], if attributed.
    pub speaker: Option<u32>,
    /// Index of the first segment of a quotation split by its attribution.
    pub group: usize,
}

/// What to do to a page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// Elements to hide, in document order.
    pub hide: Vec<Hide>,
    /// Quotations in document order.
    pub quotes: Vec<PlacedQuote>,
    /// Speakers of the quotations, in order of first quotation.
    pub speakers: Vec<Speaker>,
}

/// Decides what to hide and which quotations to list.
///
/// # Example
///
/// ```
/// use newsclean::outline::{ElementInfo, OutlineBuilder};
/// use newsclean::plan::{plan, HideKind, Settings};
/// let mut b = OutlineBuilder::new();
/// b.open(ElementInfo { tag: "div", ..Default::default() });
/// b.text("Advertisement");
/// b.close();
/// let p = plan(&b.finish(), &Settings::default());
/// assert_eq!(p.hide[0].kind, HideKind::AdMarker);
/// ```
pub fn plan(outline: &Outline, settings: &Settings) -> Plan {
    let mut planner = Planner::new(*settings);
    while !planner.advance(outline, usize::MAX) {}
    planner.finish()
}

/// [`plan`] in slices, so that a very long page never blocks its tab for long: the caption rules
/// (they compare the page's captions with each other), then the other cleanup rules a few
/// thousand blocks at a time, then the article's quotations a few paragraphs at a time.
pub struct Planner {
    settings: Settings,
    plan: Plan,
    /// What the caption rules found, once decided (the first step).
    captions: Option<Captions>,
    /// The blocks the cleanup rules have gone through.
    cleaned: usize,
    /// Whether the article's paragraphs cleaned so far hold a quotation mark.
    quoted: bool,
    /// The blocks to read for quotations: the article's paragraphs, then (from `asides_from`,
    /// once the cleanup rules are done) its captions and headings, each in document order.
    article: Vec<BlockId>,
    asides: Vec<BlockId>,
    asides_from: Option<usize>,
    extractor: quotes::Extractor,
}

/// The caption rules' findings, each in document order.
#[derive(Default)]
struct Captions {
    /// Copies of a caption shown elsewhere.
    copies: Vec<BlockId>,
    /// Credits that repeat their own caption, with their block.
    credits: Vec<(BlockId, NodeIx)>,
}

/// Blocks the cleanup rules go through for each paragraph [`Planner::advance`] may read: a
/// block's rules cost about a hundredth of a paragraph's reading.
const BLOCKS_PER_PARAGRAPH: usize = 64;

impl Planner {
    /// A plan not started.
    pub fn new(settings: Settings) -> Planner {
        Planner {
            settings,
            plan: Plan::default(),
            captions: None,
            cleaned: 0,
            quoted: false,
            article: Vec::new(),
            asides: Vec::new(),
            asides_from: None,
            extractor: quotes::Extractor::default(),
        }
    }

    /// Does the next piece of the plan, about as long as reading `paragraphs` paragraphs for
    /// quotations; returns true when the plan is complete.
    pub fn advance(&mut self, outline: &Outline, paragraphs: usize) -> bool {
        let Some(Captions { copies, credits }) = &self.captions else {
            self.captions = Some(if self.settings.hide_duplicate_captions {
                let copies = duplicate_captions(outline)
                    .into_iter()
                    .map(|(copy, _)| copy);
                Captions {
                    copies: copies.collect(),
                    credits: repeated_credits(outline),
                }
            } else {
                Captions::default()
            });
            return false;
        };
        let Some(asides_from) = self.asides_from else {
            let to = outline.blocks.len().min(
                paragraphs
                    .saturating_mul(BLOCKS_PER_PARAGRAPH)
                    .saturating_add(self.cleaned),
            );
            for block in &outline.blocks[self.cleaned..to] {
                let credit = credits
                    .binary_search_by_key(&block.id, |c| c.0)
                    .ok()
                    .map(|at| credits[at].1);
                let copy = copies.binary_search(&block.id).is_ok();
                let hidden = cleanup(block, copy, credit, &self.settings, &mut self.plan.hide);
                if hidden || !self.settings.quotes {
                    continue;
                }
                // The blocks to read for quotations: the article's paragraphs, and its captions
                // and headings that hold a quotation mark.
                let prose = is_article_text(block);
                if !prose && !is_aside(block) {
                    continue;
                }
                let marks = (prose && self.quoted) || quotes::marks::has_quotation(&block.text);
                if prose {
                    self.quoted |= marks;
                    self.article.push(block.id);
                } else if marks {
                    self.asides.push(block.id);
                }
            }
            self.cleaned = to;
            if to == outline.blocks.len() {
                // An article without a single quotation mark has no quotations to list: reading
                // it for the people it names would be wasted (about half the corpus pages have
                // none).
                if !self.quoted && self.asides.is_empty() {
                    self.article.clear();
                }
                // After the article's last paragraph come teasers of other articles, not its
                // own captions and headings.
                let last = self.article.last();
                self.asides
                    .truncate(self.asides.partition_point(|id| Some(id) < last));
                self.asides_from = Some(self.article.len());
                self.article.append(&mut self.asides);
            }
            return false;
        };
        let from = self.extractor.read();
        let to = self.article.len().min(from.saturating_add(paragraphs));
        for (at, id) in self.article.iter().enumerate().take(to).skip(from) {
            let text = &outline.block(*id).text;
            if at < asides_from {
                self.extractor.paragraph(text);
            } else {
                let body = &self.article[..asides_from];
                self.extractor.aside(text, body.partition_point(|b| b < id));
            }
        }
        to == self.article.len()
    }

    /// The plan's hides, once the cleanup rules are through (before the quotations are read):
    /// they are final then.
    pub fn hides(&self) -> Option<&[Hide]> {
        self.asides_from.map(|_| &self.plan.hide[..])
    }

    /// The plan, with the quotations of the paragraphs read.
    pub fn finish(self) -> Plan {
        let mut out = self.plan;
        let article = self.article;
        let found = self.extractor.finish();
        out.quotes = found
            .quotes
            .into_iter()
            .map(|q| PlacedQuote {
                block: article[q.paragraph],
                start: q.start,
                end: q.end,
                text: q.text,
                kind: q.kind,
                speaker: q.speaker.map(|s| s.0),
                group: q.group,
            })
            .collect();
        out.speakers = found.speakers;
        out
    }
}

/// The cleanup rules' hides of one block, appended to `hides` in document order; `copy`: the
/// caption rules found it a copy of a caption shown elsewhere; `credit`: its credit that repeats
/// its caption. Returns true if the whole block is hidden.
fn cleanup(
    block: &Block,
    copy: bool,
    credit: Option<NodeIx>,
    settings: &Settings,
    hides: &mut Vec<Hide>,
) -> bool {
    let hide = |node, kind, reason| Hide {
        node,
        block: block.id,
        kind,
        reason,
    };
    if settings.hide_ad_markers {
        let markers = AdMarker::default();
        if let Some(reason) = markers.classify(block) {
            let target = match (block.ad_slot, reason) {
                (Some(slot), _) => Some((slot, "ad label with its empty ad slot")),
                (None, _) if !block.whole => None,
                (None, MarkerReason::Label) => Some((block.node, "whole text is an ad label")),
                (None, MarkerReason::SlotLabel) => Some((block.node, "label inside an ad slot")),
            };
            if let Some((node, reason)) = target {
                hides.push(hide(node, HideKind::AdMarker, reason));
                if let Some(slot) = block.slot_beside {
                    let reason = "empty ad slot beside its label";
                    hides.push(hide(slot, HideKind::AdMarker, reason));
                    // Hides stay in document order: the slot may stand before its label.
                    let n = hides.len();
                    if slot < node {
                        hides.swap(n - 2, n - 1);
                    }
                }
                return true;
            }
        }
        for run in markers.marker_runs(block) {
            // (marker runs have an element: no panic's code for what cannot happen)
            let Some(node) = run.node else {
                continue;
            };
            let reason = "ad label beside other text in an ad slot";
            hides.push(hide(node, HideKind::AdMarker, reason));
        }
    }
    if let Some(node) = credit {
        let reason = "credit repeats its own caption";
        hides.push(hide(node, HideKind::DuplicateCaption, reason));
    }
    if copy {
        let reason = "another copy of this caption is shown";
        hides.push(hide(block.node, HideKind::DuplicateCaption, reason));
    }
    copy
}

/// Returns true if and only if the block is a caption (`figcaption` or named so) or a heading,
/// outside navigation, links, comments and ads: its quotations are listed when it names their
/// speaker. (Other text in a figure is as often a teaser card's excerpt as a caption.)
fn is_aside(block: &Block) -> bool {
    let c = &block.context;
    !(c.nav || c.footer || c.aside || c.comments || c.ad_slot || c.link)
        && matches!(block.kind, BlockKind::Caption | BlockKind::Heading(_))
}

/// Returns true if and only if the block may carry the article's own prose (and so its quotes):
/// not navigation, teasers, comments, ads, captions or headings.
pub fn is_article_text(block: &Block) -> bool {
    let c = &block.context;
    if c.nav || c.footer || c.aside || c.comments || c.ad_slot || c.link {
        return false;
    }
    if is_caption_like(block) {
        return false;
    }
    match block.kind {
        BlockKind::Paragraph | BlockKind::Other => true,
        BlockKind::ListItem => block.text.len() > 80,
        _ => false,
    }
}

/// The text a hide takes off the page: one inline run of its block, or the whole block.
fn hidden_text(block: &Block, node: NodeIx) -> &str {
    block
        .runs
        .iter()
        .find(|r| r.node == Some(node) && node != block.node)
        .map_or(&block.text, |r| &r.text)
}

/// What a page's plan amounts to, in terms a person (or a test) reads: the same JSON the CLI
/// prints and `analyze()` returns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The hidden items.
    pub hidden: Vec<HiddenItem>,
    /// The quotations with their speakers' names.
    pub quotes: Vec<ReportQuote>,
    /// The speakers with their roles and quotation counts.
    pub speakers: Vec<ReportSpeaker>,
}

/// One hidden item in a [`Report`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HiddenItem {
    /// `ad-marker` or `duplicate-caption`.
    pub kind: HideKind,
    /// The text that decided it.
    pub text: String,
    /// Why.
    pub reason: &'static str,
}

/// One quotation in a [`Report`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportQuote {
    /// The quoted text.
    pub quote: String,
    /// The canonical speaker name, if attributed.
    pub speaker: Option<String>,
    /// The speaker's role, if known.
    pub role: Option<String>,
    /// Full sentence or fragment.
    pub kind: QuoteKind,
}

/// One speaker in a [`Report`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportSpeaker {
    /// Canonical name.
    pub name: String,
    /// Best role seen.
    pub role: Option<String>,
    /// Number of quotation segments.
    pub quotes: usize,
}

impl Report {
    /// The report as JSON text: what `analyze()` hands to JavaScript and `newsclean report`
    /// prints (field names and order as the serde form).
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(256);
        Object::open(&mut out)
            .array("hidden", &self.hidden, |o, h| {
                Object::open(o)
                    .str("kind", h.kind.as_str())
                    .str("text", &h.text)
                    .str("reason", h.reason)
                    .close()
            })
            .array("quotes", &self.quotes, |o, q| {
                Object::open(o)
                    .str("quote", &q.quote)
                    .opt_str("speaker", q.speaker.as_deref())
                    .opt_str("role", q.role.as_deref())
                    .str("kind", q.kind.as_str())
                    .close()
            })
            .array("speakers", &self.speakers, |o, s| {
                Object::open(o)
                    .str("name", &s.name)
                    .opt_str("role", s.role.as_deref())
                    .num("quotes", s.quotes)
                    .close()
            })
            .close();
        out
    }
}

impl Plan {
    /// Summarizes the plan against the outline it was made from.
    pub fn report(&self, outline: &Outline) -> Report {
        Report {
            hidden: self
                .hide
                .iter()
                .map(|h| HiddenItem {
                    kind: h.kind,
                    text: hidden_text(outline.block(h.block), h.node).to_owned(),
                    reason: h.reason,
                })
                .collect(),
            quotes: self
                .quotes
                .iter()
                .map(|q| {
                    let speaker = q.speaker.map(|s| &self.speakers[s as usize]);
                    ReportQuote {
                        quote: q.text.clone(),
                        speaker: speaker.map(|s| s.name.clone()),
                        role: speaker.and_then(|s| s.role.clone()),
                        kind: q.kind,
                    }
                })
                .collect(),
            speakers: self
                .speakers
                .iter()
                .enumerate()
                .map(|(n, s)| ReportSpeaker {
                    name: s.name.clone(),
                    role: s.role.clone(),
                    quotes: self
                        .quotes
                        .iter()
                        .filter(|q| q.speaker == Some(n as u32))
                        .count(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::{ElementInfo, OutlineBuilder};

    fn article(paragraphs: &[&str]) -> Outline {
        let mut b = OutlineBuilder::new();
        b.open(ElementInfo {
            tag: "article",
            ..Default::default()
        });
        for text in paragraphs {
            b.open(ElementInfo {
                tag: "p",
                ..Default::default()
            });
            b.text(text);
            b.close();
        }
        b.close();
        b.finish()
    }

    /// A page of (tag, text) blocks.
    fn page(blocks: &[(&'static str, &str)]) -> Outline {
        let mut b = OutlineBuilder::new();
        for (tag, text) in blocks {
            b.open(ElementInfo {
                tag,
                ..Default::default()
            });
            b.text(text);
            b.close();
        }
        b.finish()
    }

    fn listed(p: &Plan) -> Vec<(u32, &str, &str)> {
        p.quotes
            .iter()
            .map(|q| {
                let who = q
                    .speaker
                    .map_or("-", |s| p.speakers[s as usize].name.as_str());
                (q.block.0, who, q.text.as_str())
            })
            .collect()
    }

    #[test]
    fn captions_and_headlines_list_the_quotations_they_attribute_in_document_order() {
        let outline = page(&[
            ("h1", "Obama admits gun laws are his ‘biggest frustration’"),
            ("p", "President Barack Obama spoke to the BBC on Friday."),
            (
                "figcaption",
                "Media caption Barack Obama: “Great Britain has always been our best partner”",
            ),
            ("p", "“We have to do better,” he said."),
        ]);
        let p = plan(&outline, &Settings::default());
        assert_eq!(
            listed(&p),
            [
                (0, "Barack Obama", "biggest frustration"),
                (
                    2,
                    "Barack Obama",
                    "Great Britain has always been our best partner"
                ),
                (3, "Barack Obama", "We have to do better"),
            ]
        );
        assert_eq!(p.speakers.len(), 1);
    }

    #[test]
    fn a_caption_keeps_a_quotation_split_by_its_attribution_in_one_group() {
        let outline = page(&[
            (
                "figcaption",
                "“We came early,” Jane Roe said, “and we will stay late.”",
            ),
            ("p", "Jane Roe led the march on Friday."),
            ("p", "“It is not over,” Roe said. “Not yet,” she added."),
        ]);
        let p = plan(&outline, &Settings::default());
        let groups: Vec<usize> = p.quotes.iter().map(|q| q.group).collect();
        assert_eq!(listed(&p)[0], (0, "Jane Roe", "We came early"));
        assert_eq!(groups, [0, 0, 2, 2]);
    }

    #[test]
    fn a_caption_quotation_is_not_listed_unless_the_caption_names_its_new_speaker() {
        let outline = page(&[
            ("h1", "Roe: “It is not over for the union”"),
            ("p", "Jane Roe spoke to strikers on Friday."),
            (
                "figcaption",
                "“Look at this crowd,” she said, pointing at the square.",
            ),
            ("p", "“It is not over for the union,” Roe said."),
            ("p", "The strike enters its third week on Monday."),
            ("h2", "John Doe: “Another story entirely, on another page”"),
        ]);
        // The caption names nobody; the headline repeats the article's own quotation; the
        // heading after the article's last paragraph heads a teaser.
        let p = plan(&outline, &Settings::default());
        assert_eq!(
            listed(&p),
            [(3, "Jane Roe", "It is not over for the union")]
        );
    }

    #[test]
    fn the_titles_in_a_list_of_references_are_not_quotations() {
        let mut b = OutlineBuilder::new();
        let open = |b: &mut OutlineBuilder, tag, class| {
            b.open(ElementInfo {
                tag,
                class,
                ..Default::default()
            });
        };
        open(&mut b, "p", "");
        b.text("“The harbour was full of ships,” Abel Tasman wrote in 1642.");
        b.close();
        for container in ["reflist", "footnotes"] {
            open(&mut b, "div", container);
            open(&mut b, "ol", "references");
            open(&mut b, "li", "");
            b.text(
                "^ Phillips, Jock (March 2009). “Rural mythologies – The cult of the pioneer”. \
                 Te Ara: The Encyclopedia of New Zealand. Retrieved 21 January 2011.",
            );
            b.close();
            b.close();
            b.close();
        }
        let p = plan(&b.finish(), &Settings::default());
        assert_eq!(
            listed(&p),
            [(0, "Abel Tasman", "The harbour was full of ships")]
        );
    }

    #[test]
    fn a_plan_begun_in_small_slices_can_be_finished_in_one() {
        let lines: Vec<String> = (0..100)
            .map(|i| format!("“Figure {i} is out,” said Jane Roe."))
            .collect();
        let outline = article(&lines.iter().map(String::as_str).collect::<Vec<_>>());
        let mut planner = Planner::new(Settings::default());
        // the caption rules, then the first 64 blocks
        assert!(!planner.advance(&outline, 1));
        assert!(!planner.advance(&outline, 1));
        while !planner.advance(&outline, usize::MAX) {}
        let p = planner.finish();
        assert_eq!(p.quotes.len(), 100);
        assert_eq!(p, plan(&outline, &Settings::default()));
    }

    #[test]
    fn an_article_without_quotation_marks_is_not_read_for_quotes() {
        let plain = article(&["Jane Roe said it was n't over.", "Roe's team didn't agree."]);
        let mut planner = Planner::new(Settings::default());
        while planner.asides_from.is_none() {
            assert!(!planner.advance(&plain, 1));
        }
        assert!(planner.article.is_empty());
        assert!(planner.advance(&plain, 1));
        let quoted = article(&["Jane Roe spoke.", "“It is not over,” Roe said."]);
        let p = plan(&quoted, &Settings::default());
        assert_eq!(p.quotes.len(), 1);
        assert_eq!(p.speakers[0].name, "Jane Roe");
    }
}
