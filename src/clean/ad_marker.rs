//! Whole-block ad labels in many languages; never a sentence that merely mentions ads.

use crate::outline::{Block, Run};

crate::words!(
    /// Labels that mark an ad slot wherever they stand as an element's whole text (normalized
    /// with [`label_key`]): English, German, French, Spanish, Italian, Portuguese, Dutch, Polish
    /// (Czech, Slovak), Swedish (Danish, Norwegian, Finnish), Russian (Ukrainian), Turkish, Greek,
    /// Arabic, Hebrew, Hindi, Japanese, Chinese and Korean, in that order.
    static LABELS = concat!(
    "advertisement|advertisements|advertisment|advert|adverts|ad|ads|sponsored|",
    "sponsored content|sponsored post|sponsored links|sponsored stories|paid content|",
    "paid post|paid partnership|promoted|promoted content|partner content|",
    "story continues below advertisement|article continues below advertisement|",
    "continues below advertisement|content continues below advertisement|",
    "text continues below advertisement|advertisement scroll to continue|",
    "advertisement scroll to continue with content|",
    "advertisement continue reading below|advertisement story continues below|",
    "advertisement article continues below|",
    "advertisement continue reading the main story|",
    "continue reading the main story advertisement|skip advertisement|ad feedback|",
    "anzeige|anzeigen|werbung|gesponsert|weiter nach der anzeige|",
    "lesen sie nach der anzeige weiter|artikel wird nach der anzeige fortgesetzt|",
    "publicité|publicite|pub|la suite après la publicité|la suite apres la publicite|",
    "suite après la publicité|contenu sponsorisé|sponsorisé|article sponsorisé|",
    "publicidad|anuncio|patrocinado|contenido patrocinado|",
    "sigue leyendo después de la publicidad|pubblicità|pubblicita|",
    "contenuto sponsorizzato|sponsorizzato|publicidade|anúncio|",
    "continua depois da publicidade|continua após a publicidade|conteúdo patrocinado|",
    "advertentie|gesponsord|gesponsorde inhoud|reklama|sponsorowane|",
    "artykuł sponsorowany|dalsza część artykułu pod reklamą|annons|annonser|sponsrad|",
    "annonse|reklame|mainos|реклама|продолжение после рекламы|reklam|sponsorlu|",
    "διαφήμιση|إعلان|פרסומת|विज्ञापन|広告|スポンサーリンク|广告|廣告|赞助|광고",
));

crate::words!(
    /// Labels that mark an ad only when they stand inside an ad-slot container: elsewhere they
    /// are ordinary page furniture ("Continue reading", "Supported by" above a real sponsor logo,
    /// ...). In a footer or menu "Advertising" is the sales page; inside an ad slot it labels
    /// the ad.
    static SLOT_LABELS = concat!(
    "advertising|continue reading below|continue reading|",
    "story continues below|article continues below|",
    "story continues after advertisement|supported by|presented by|sponsored by|pr|",
    "promotion|scroll to continue with content|スポンサー|推广|스폰서",
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
        LABELS.contains(&key)
    }

    /// The inline pieces of a block that are ad labels on their own (`<a>Ad</a> <a>Sponsor</a>`),
    /// counted only inside an ad slot: elsewhere a label beside other text is just a word.
    pub fn marker_runs<'a>(&self, block: &'a Block) -> impl Iterator<Item = &'a Run> + 'a {
        let in_slot = block.context.ad_slot && !block.context.nav && !block.context.footer;
        block.runs.iter().filter(move |run| {
            in_slot && run.node.is_some() && {
                let key = label_key(&run.text);
                LABELS.contains(&key) || SLOT_LABELS.contains(&key)
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
        if LABELS.contains(&key) {
            Some(MarkerReason::Label)
        } else if block.context.ad_slot && SLOT_LABELS.contains(&key) {
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
        ("sentence", "The advertisement ran for a week.", false),
        ("sales page", "Advertising", false),
        ("sales link", "Advertise with us", false),
        ("ad choices", "Ad Choices", false),
        ("german classifieds", "Anzeige aufgeben", false),
        ("slot-only outside a slot", "Continue reading", false),
        ("supported by outside a slot", "Supported by", false),
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
