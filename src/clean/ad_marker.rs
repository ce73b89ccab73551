//! Whole-block ad labels in many languages; never a sentence that merely mentions ads.

use crate::prelude::*;

use crate::outline::{Block, Run};

crate::words!(
    /// Labels that mark an ad slot wherever they stand as an element's whole text (normalized
    /// with [`label_key`]): English, German, French, Spanish, Italian, Portuguese, Dutch, Polish
    /// (Czech, Slovak), Swedish (Danish, Norwegian, Finnish), Russian (Ukrainian), Turkish, Greek,
    /// Arabic, Hebrew, Hindi, Japanese, Chinese and Korean; sorted by bytes (a binary search:
    /// looked up for every short block).
    static LABELS = concat!(
    "ad|ad feedback|ads|advert|advertentie|advertisement|",
    "advertisement article continues below|advertisement continue reading below|",
    "advertisement continue reading the main story|advertisement scroll to continue|",
    "advertisement scroll to continue with content|advertisement story continues below|",
    "advertisements|advertisment|advertorial|adverts|annons|annonse|annonser|anuncio|anzeige|",
    "anzeigen|anúncio|article continues below advertisement|article sponsorisé|",
    "artikel wird nach der anzeige fortgesetzt|artykuł sponsorowany|contenido patrocinado|",
    "content continues below advertisement|contenu sponsorisé|contenuto sponsorizzato|",
    "conteúdo patrocinado|continua após a publicidade|continua depois da publicidade|",
    "continue reading the main story advertisement|continues below advertisement|",
    "dalsza część artykułu pod reklamą|gesponsert|gesponsord|gesponsorde inhoud|",
    "la suite apres la publicite|la suite après la publicité|",
    "lesen sie nach der anzeige weiter|mainos|paid content|paid partnership|paid post|",
    "partner content|patrocinado|promoted|promoted content|pub|pubblicita|pubblicità|",
    "publicidad|publicidade|publicite|publicité|reklam|reklama|reklame|report this ad|",
    "sigue leyendo después de la publicidad|skip advertisement|sponsored|",
    "sponsored content|sponsored links|sponsored post|sponsored stories|sponsorisé|",
    "sponsorizzato|sponsorlu|sponsorowane|sponsrad|story continues below advertisement|",
    "suite après la publicité|text continues below advertisement|weiter nach der anzeige|",
    "werbung|διαφήμιση|продолжение после рекламы|реклама|פרסומת|إعلان|विज्ञापन|スポンサーリンク|",
    "广告|広告|廣告|赞助|광고",
));

crate::words!(
    /// Labels that mark an ad only when they stand inside an ad-slot container: elsewhere they
    /// are ordinary page furniture ("Continue reading", "Supported by" above a real sponsor logo,
    /// ...). In a footer or menu "Advertising" is the sales page; inside an ad slot it labels
    /// the ad. Sorted by bytes.
    static SLOT_LABELS = concat!(
    "advertising|article continues below|click to skip ad|continue reading|",
    "continue reading below|pr|presented by|promotion|scroll to continue with content|skip ad|",
    "sponsored by|",
    "story continues after advertisement|story continues below|supported by|スポンサー|推广|스폰서",
));

/// Recognizes labels that mark an ad slot, such as "Advertisement".
///
/// A block is a marker only if its *whole* normalized text is one of the labels;
/// a paragraph that merely mentions an advertisement is not.
///
/// # Example
///
/// ```
/// let markers = newsclean::clean::AdMarker::default();
/// assert!(markers.is_marker("  ADVERTISEMENT\n"));
/// assert!(markers.is_marker("— Anzeige —"));
/// assert!(!markers.is_marker("The advertisement ran for a week."));
/// ```
#[derive(Clone, Debug, Default)]
pub struct AdMarker {
    _private: (),
}

/// Why a block is an ad marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerReason {
    /// The whole text is an ad label.
    Label,
    /// The whole text is a label that counts only inside an ad slot, and it is inside one.
    SlotLabel,
}

impl AdMarker {
    /// Returns true if and only if `text`, taken as an element's whole text, is an ad label that
    /// counts anywhere.
    pub fn is_marker(&self, text: &str) -> bool {
        let key = label_key(text);
        LABELS.contains_sorted(&key)
    }

    /// The inline pieces of a block that are ad labels on their own (`<a>Ad</a> <a>Sponsor</a>`),
    /// counted only inside an ad slot: elsewhere a label beside other text is just a word.
    pub fn marker_runs<'a>(&self, block: &'a Block) -> impl Iterator<Item = &'a Run> + 'a {
        let in_slot = block.context.ad_slot && !block.context.nav && !block.context.footer;
        block.runs.iter().filter(move |run| {
            in_slot && run.node.is_some() && {
                let key = label_key(&run.text);
                LABELS.contains_sorted(&key) || SLOT_LABELS.contains_sorted(&key)
            }
        })
    }

    /// Decides whether a block is an ad marker, and why.
    pub fn classify(&self, block: &Block) -> Option<MarkerReason> {
        // A label is short; checking the length first keeps the common case (prose) cheap.
        if block.text.len() > 80 {
            return None;
        }
        // "Advertising" or "Advertise with us" links in a footer are the sales page, not a label;
        // a label that is itself a link in navigation is the same kind of thing.
        if block.context.link && (block.context.nav || block.context.footer) {
            return None;
        }
        let key = label_key(&block.text);
        if LABELS.contains_sorted(&key) {
            Some(MarkerReason::Label)
        } else if block.context.ad_slot && SLOT_LABELS.contains_sorted(&key) {
            Some(MarkerReason::SlotLabel)
        } else {
            None
        }
    }
}

/// Normalizes a label for lookup: lowercase, every run of characters other than letters and
/// digits becomes one space, ends trimmed. Decoration (dashes, brackets, colons, icon glyphs)
/// therefore never prevents a match.
pub fn label_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        // Enclosed alphanumerics (ⓘ, ①) are icon glyphs, not words.
        if crate::text::is_word_char(c) && !('\u{2460}'..='\u{24FF}').contains(&c) {
            if gap && !key.is_empty() {
                key.push(' ');
            }
            gap = false;
            key.push(crate::text::fold_char(c));
        } else {
            gap = true;
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::{BlockId, BlockKind, Context, NodeIx};

    fn block(text: &str, context: Context) -> Block {
        Block {
            id: BlockId(0),
            node: NodeIx(0),
            kind: BlockKind::Other,
            text: text.into(),
            whole: true,
            context,
            figure: None,
            image: None,
            ad_slot: None,
            slot_beside: None,
            runs: Vec::new(),
        }
    }

    /// (name, text, is it a marker anywhere?)
    const CASES: &[(&str, &str, bool)] = &[
        ("plain", "Advertisement", true),
        ("shouting", "ADVERTISEMENT", true),
        ("plural", "Advertisements", true),
        ("dashes", "— Advertisement —", true),
        ("brackets", "[Anzeige]", true),
        ("colon", "Anzeige:", true),
        ("icon glyph", "Advertisement ⓘ", true),
        (
            "story continues",
            "Story continues below advertisement",
            true,
        ),
        (
            "scroll to continue",
            "Advertisement - Scroll to continue",
            true,
        ),
        ("french", "Publicité", true),
        ("spanish", "Publicidad", true),
        ("italian", "Pubblicità", true),
        ("portuguese", "Publicidade", true),
        ("dutch", "Advertentie", true),
        ("polish", "Reklama", true),
        ("swedish", "Annons", true),
        ("russian", "Реклама", true),
        ("turkish", "Reklam", true),
        ("japanese", "広告", true),
        ("chinese", "广告", true),
        ("korean", "광고", true),
        // what an ad network leaves where its ad did not load (WordPress, pubnation)
        ("report this ad", "report this ad", true),
        ("advertorial", "ADVERTORIAL", true),
        ("sentence", "The advertisement ran for a week.", false),
        ("sales page", "Advertising", false),
        ("sales link", "Advertise with us", false),
        ("ad choices", "Ad Choices", false),
        ("german classifieds", "Anzeige aufgeben", false),
        ("slot-only outside a slot", "Continue reading", false),
        ("supported by outside a slot", "Supported by", false),
        ("skip ad outside a slot", "Click to Skip Ad", false),
    ];

    #[test]
    fn labels() {
        let m = AdMarker::default();
        for (name, text, want) in CASES {
            assert_eq!(
                m.classify(&block(text, Context::default())).is_some(),
                *want,
                "{name}: {text:?}"
            );
        }
    }

    #[test]
    fn slot_labels_count_inside_ad_slots() {
        let m = AdMarker::default();
        let slot = Context {
            ad_slot: true,
            ..Context::default()
        };
        assert_eq!(
            m.classify(&block("Continue reading below", slot)),
            Some(MarkerReason::SlotLabel)
        );
        assert_eq!(
            m.classify(&block("Supported by", slot)),
            Some(MarkerReason::SlotLabel)
        );
        assert_eq!(
            m.classify(&block("Click to Skip Ad", slot)),
            Some(MarkerReason::SlotLabel)
        );
    }

    #[test]
    fn footer_link_is_never_a_marker() {
        let m = AdMarker::default();
        let footer_link = Context {
            footer: true,
            link: true,
            ..Context::default()
        };
        assert_eq!(m.classify(&block("Advertisement", footer_link)), None);
    }
}
