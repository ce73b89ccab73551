//! Words, punctuation and quotations of one paragraph as tokens, for attribution.
//!
//! Quoted text is folded into a single [`TokenKind::Quote`] token, so nothing inside a quotation
//! can ever be read as the speaker ("Mr. President", "he asked me").

use crate::prelude::*;

use crate::quotes::lexicon::is_abbreviation;
use crate::quotes::marks::Span;

/// Lowercases a char of the scripts whose labels and names we match: ASCII, Latin-1, Latin
/// Extended-A, Greek and Cyrillic (CJK has no case).
///
/// NOTE: `char::to_lowercase` would pull the whole Unicode case table (≈15 KB) into the wasm
/// build, a tenth of its budget; this covers every language the ad labels list.
pub fn fold_char(c: char) -> char {
    let u = c as u32;
    let folded = match u {
        0x41..=0x5A => u + 0x20,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x100..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        0x391..=0x3AB if u != 0x3A2 => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        _ => u,
    };
    char::from_u32(folded).unwrap_or(c)
}

/// Returns true if and only if the char is an uppercase letter of the Latin, Greek or Cyrillic
/// alphabets (the ones [`fold_char`] folds).
///
/// NOTE: not `char::is_uppercase`/`is_lowercase`, whose Unicode tables cost the wasm about
/// 1 KB; capitals matter here only to the English rules for names.
pub fn is_upper(c: char) -> bool {
    fold_char(c) != c
}

/// Returns true if and only if the char is a lowercase letter of the Latin, Greek or Cyrillic
/// alphabets.
pub fn is_lower(c: char) -> bool {
    let u = c as u32;
    match u {
        0x61..=0x7A | 0xAA | 0xB5 | 0xBA | 0xDF..=0xFF => u != 0xF7,
        0x100..=0x17F => {
            fold_char(char::from_u32(u - 1).unwrap_or(c)) == c || matches!(u, 0x138 | 0x149 | 0x17F)
        }
        0x3AC..=0x3CE | 0x430..=0x45F => true,
        _ => false,
    }
}

/// Returns true if and only if the char is a letter or an ASCII digit: a word's char.
///
/// NOTE: not `char::is_alphanumeric`, whose table of the world's digits and numerals costs the
/// wasm about 0.6 KB; the rules here read only ASCII digits ("2015", "R-Ky.").
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c)
}

/// Returns true if and only if the char is a letter, or a mark or digit written within a word of
/// a script other than Latin's ASCII: every char outside ASCII but for the punctuation, symbols,
/// spaces and emoji of the blocks that hold them (U+0080–U+00BF, U+2000–U+2BFF, U+3000–U+303F,
/// the fullwidth forms, …) and the punctuation of Greek, Hebrew, Arabic and Devanagari (that of
/// scripts the rules never read, Armenian or Thai, counts as letters).
///
/// NOTE: not `char::is_alphabetic`, whose table costs the wasm about 2 KB, and whose search,
/// asked for every char of a Russian article, was 30 % of the page's whole plan (aeb-3c6d3381ef,
/// natively). The rules need to tell words from the punctuation around them, and quotation
/// marks, dashes and spaces of every script are in the ranges left out.
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    !matches!(c as u32,
        0x80..=0xA9 | 0xAB..=0xB4 | 0xB6..=0xB9 | 0xBB..=0xBF | 0xD7 | 0xF7 // Latin-1 signs
        | 0x37E | 0x387 // Greek question mark, ano teleia
        | 0x5BE | 0x5C0 | 0x5C3 | 0x5C6 | 0x5F3..=0x5F4 // Hebrew punctuation
        | 0x600..=0x60F | 0x61B..=0x61F | 0x66A..=0x66D | 0x6D4 // Arabic punctuation and signs
        | 0x964..=0x965 | 0x970 // Devanagari danda, double danda, abbreviation sign
        | 0x1680 | 0x180E // Ogham space, Mongolian vowel separator
        | 0x2000..=0x2BFF // spaces, punctuation, symbols, arrows, shapes, dingbats
        | 0x2E00..=0x2E7F | 0x3000..=0x3004 | 0x3008..=0x3020 | 0x3030 | 0x303D..=0x303F // CJK
        | 0x30FB | 0xFE10..=0xFE1F | 0xFE30..=0xFE6F // more punctuation
        | 0xFEFF..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 // fullwidth punctuation and digits
        | 0xD800..=0xF8FF | 0xFFF0..=0xFFFF // surrogates, private use, specials
        | 0x1F000..=0x1FAFF | 0xE0000.. // emoji and symbols, tags
    )
}

/// Returns true if and only if [`fold_case`] would return the text unchanged.
fn is_folded(text: &str) -> bool {
    !text.bytes().any(|b| b.is_ascii_uppercase())
        && (text.is_ascii() || text.chars().all(|c| fold_char(c) == c))
}

/// Lowercases a string with [`fold_char`].
///
/// # Example
///
/// ```
/// assert_eq!(newsclean::text::fold_case("РЕКЛАМА Publicité ÉTÉ"), "реклама publicité été");
/// ```
pub fn fold_case(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(fold_char).collect()
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A word (letters, digits, inner apostrophes, hyphens and abbreviation periods).
    Word,
    /// One punctuation char.
    Punct,
    /// A whole quotation, marks included: the index of its [`Span`].
    Quote(usize),
}

/// A token with its char offsets in the paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// The token's text as written (for a quotation: its final stop, `.`, `!` or `?`, or its
    /// final comma, if it ends with one; else empty).
    pub text: String,
    /// Offset of the first char.
    pub start: usize,
    /// Offset just past the last char.
    pub end: usize,
    /// What the word is as a speech verb, worked out once (lookups run many times per token).
    pub speech: Speech,
    /// A capitalized word that is otherwise no name ("May", "From", "Early") standing as a
    /// surname: after a first name ("Theresa May, the prime minister"), or right before a plain
    /// speech verb ("“…,” May said").
    pub surname: bool,
    /// The word in lowercase, folded once (the rules compare it many times per token); `None`
    /// when the text is lowercase already, as most words are.
    folded: Option<String>,
}

/// A word's standing as a speech verb.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Speech {
    /// Not a speech verb (or not a lowercase word).
    #[default]
    None,
    /// A speech verb with common other senses ("maintains", "called").
    Weak,
    /// A plain speech verb ("said", "told").
    Strong,
}

/// The char as a string.
// (not `String::from(c)`: its own copy of the UTF-8 encoding cost 0.3 KB of the wasm, where
// `String::push` is compiled in anyway)
fn one_char(c: char) -> String {
    let mut s = String::new();
    s.push(c);
    s
}

impl Token {
    /// Returns true if and only if the token is a word starting with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(is_upper)
    }

    /// Returns true if and only if the token is the punctuation char `c`.
    // (out of line: inlined into its callers, each with the char's UTF-8 encoding, it weighed
    // 0.95 KB of the wasm's budget)
    #[inline(never)]
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(c)
    }

    /// Returns true if and only if the token ends a sentence (`.`, `!`, `?`).
    // (Out of line: inlined into its many callers it weighed 0.6 KB of the wasm's budget.)
    #[inline(never)]
    pub fn ends_sentence(&self) -> bool {
        self.kind == TokenKind::Punct && matches!(self.text.as_str(), "." | "!" | "?" | "…")
    }

    /// Returns true if and only if the token is a quotation whose text ends a sentence.
    // (out of line: inlined into its callers it weighed 109 B of the wasm's budget)
    #[inline(never)]
    pub fn quote_ends_sentence(&self) -> bool {
        matches!(self.kind, TokenKind::Quote(_)) && matches!(self.text.as_str(), "." | "!" | "?")
    }

    /// The lowercase text.
    // (out of line: inlined into its callers it weighed 777 B of the wasm's budget)
    #[inline(never)]
    pub fn lower(&self) -> &str {
        self.folded.as_deref().unwrap_or(&self.text)
    }
}

/// Splits a paragraph into tokens, with each quotation span as one token.
pub fn tokenize(text: &[char], spans: &[Span]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut next_span = 0;
    let mut i = 0;
    while i < text.len() {
        if let Some(span) = spans.get(next_span).filter(|s| s.open == i) {
            // The quotation's own final stop, if any: a sentence may end inside the marks. So
            // may a clause: "needled the “reporter,” saying".
            let stop = text[span.start..span.end]
                .iter()
                .rev()
                .find(|c| !c.is_whitespace())
                .filter(|c| matches!(c, '.' | '!' | '?' | ','));
            tokens.push(Token {
                kind: TokenKind::Quote(next_span),
                text: stop.map(|&c| one_char(c)).unwrap_or_default(),
                start: i,
                end: span.after,
                speech: Speech::None,
                surname: false,
                folded: None,
            });
            i = span.after;
            next_span += 1;
            continue;
        }
        let c = text[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        // "#Franceisstrong Mr. Trump": a hashtag is one word, and no part of a name.
        let hashtag = c == '#' && text.get(i + 1).is_some_and(|&n| is_letter(n));
        if !is_word_char(c) && !hashtag {
            // "as Cornyn put it: “…”", "As Milbank puts it, …", "as The New Yorker put it in a
            // lengthy expose, “…”": an idiom of speech.
            if matches!(c, ',' | ':') {
                let clause = tokens
                    .iter()
                    .rev()
                    .take(7)
                    .take_while(|t| t.kind == TokenKind::Word)
                    .count();
                let at = tokens.len() - clause;
                if let Some(v) = (at..tokens.len().saturating_sub(1)).find(|&v| {
                    matches!(tokens[v].text.as_str(), "put" | "puts") && tokens[v + 1].text == "it"
                }) {
                    tokens[v].speech = Speech::Strong;
                }
            }
            if matches!(c, ',' | ':' | '.') {
                mark_going_on(&mut tokens, false);
            }
            tokens.push(Token {
                kind: TokenKind::Punct,
                text: one_char(c),
                start: i,
                end: i + 1,
                speech: Speech::None,
                surname: false,
                folded: None,
            });
            i += 1;
            continue;
        }
        let start = i;
        i += usize::from(hashtag);
        while i < text.len() {
            let c = text[i];
            let next = text.get(i + 1).copied();
            let inner_joiner = matches!(c, '\'' | '’' | '-' | '‐' | '&')
                && next.is_some_and(is_word_char)
                && spans.get(next_span).is_none_or(|s| s.open != i);
            // "9/11", "24/7": a slash between digits joins one word.
            let digit_slash = c == '/'
                && i > start
                && text[i - 1].is_ascii_digit()
                && next.is_some_and(|n| n.is_ascii_digit());
            // "U.S." / "U.N.": letter-dot-letter-dot.
            let acronym_dot = c == '.'
                && next.is_some_and(is_letter)
                && text.get(i + 2).is_some_and(|n| *n == '.');
            if is_word_char(c) || inner_joiner || acronym_dot || digit_slash {
                i += 1;
            } else {
                break;
            }
        }
        let mut word = String::with_capacity(i - start + 1);
        word.extend(&text[start..i]);
        // Keep the period of an abbreviation, an initial ("J.") or a dotted acronym ("U.S.").
        if text.get(i) == Some(&'.') {
            // "“…,” said I." is the narrator: after a speech verb, "I." is the pronoun ending a
            // sentence, unless another initial follows ("said I. M. Pei").
            let narrator = word == "I"
                && tokens.last().is_some_and(|t| t.speech != Speech::None)
                && text.get(i + 3) != Some(&'.');
            let is_initial = char_count(&word) == 1 && word.chars().all(is_upper) && !narrator;
            // "R-Ky.," / "Calif.," / "(D-Mo.)": a period right before a comma or a closing
            // parenthesis abbreviates.
            let before_comma = matches!(text.get(i + 1), Some(',' | ')'));
            if is_initial || is_abbreviation(&word) || word.contains('.') || before_comma {
                word.push('.');
                i += 1;
            }
        }
        // A plural possessive ("States'") keeps its apostrophe.
        if matches!(text.get(i), Some('\'' | '’'))
            && word.ends_with('s')
            && text.get(i + 1).is_none_or(|n| n.is_whitespace())
            && spans.get(next_span).is_none_or(|s| s.open != i)
        {
            word.push(text[i]);
            i += 1;
        }
        if word == "about" {
            mark_going_on(&mut tokens, true);
        }
        // "shot back", "fired back": a retort, whatever the verb means alone.
        if word == "back" {
            if let Some(verb) = tokens
                .last_mut()
                .filter(|t| matches!(t.text.as_str(), "shot" | "fired" | "hit" | "pushed"))
            {
                verb.speech = Speech::Strong;
            }
        }
        let mut speech = speech_of(&word);
        if speech != Speech::None && reads_as_noun(&word, &tokens) {
            speech = Speech::None;
        }
        tokens.push(Token {
            kind: TokenKind::Word,
            folded: (!is_folded(&word)).then(|| fold_case(&word)),
            text: word,
            start,
            end: i,
            speech,
            surname: false,
        });
    }
    mark_surnames(&mut tokens);
    tokens
}

crate::words!(static SURNAME_WORDS = "Early|From|May");

/// Marks the [`Token::surname`] words.
fn mark_surnames(tokens: &mut [Token]) {
    for k in 1..tokens.len() {
        // (capitalized first: this runs for every token)
        if !(tokens[k].is_capitalized() && SURNAME_WORDS.contains_sorted(&tokens[k].text)) {
            continue;
        }
        let next = tokens.get(k + 1);
        // (not before another capitalized word or a determiner, as in a title: "Obama May Visit
        // Cuba", "Letter From the Editor"; nor before a number, in a date: "Updated May 5")
        let after_first_name = tokens[k - 1].is_capitalized()
            && !crate::quotes::lexicon::is_not_name_word(&tokens[k - 1].text)
            && !next.is_some_and(|n| {
                n.is_capitalized()
                    || NOUN_DETERMINERS.contains_sorted(&n.text)
                    || n.text.as_bytes().first().is_some_and(u8::is_ascii_digit)
            });
        let before_verb = next.is_some_and(|n| n.speech == Speech::Strong);
        tokens[k].surname = after_first_name || before_verb;
    }
}

/// A lowercase word's standing as a speech verb ("States" in "the United States" is none).
fn speech_of(word: &str) -> Speech {
    use crate::quotes::lexicon::{is_speech_verb, is_strong_speech_verb};
    if word.starts_with(is_upper) || !is_speech_verb(word) {
        Speech::None
    } else if is_strong_speech_verb(word) {
        Speech::Strong
    } else {
        Speech::Weak
    }
}

crate::words!(static NOUN_TOO = concat!(
    "answer|attack|blame|call|challenge|charge|claim|comment|cry|demand|groan|insult|message|moan|",
    "note|object|offer|order|pledge|post|praise|promise|query|question|quote|remark|reply|report|",
    "request|shout|state|statement|term|text|tweet|vow|whisper",
));
crate::words!(static NOUN_DETERMINERS = "a|an|each|every|her|his|its|my|no|our|that|the|their|this|your");
crate::words!(static BEFORE_A_VERB = concat!(
    "also|and|can|could|did|do|does|he|i|it|may|might|must|not|often|or|shall|she|should|",
    "that|they|to|we|which|who|will|would|you",
));

/// Marks "went on" / "goes on" at the end of `tokens` as speech going on, after a name or "he" /
/// "she": "“…,” Trump went on", "She went on: “…”" when `about` is false and "on" ends the clause
/// ("As the day went on," is time going on, and "As Trump went on, …" a time too);
/// "as Trump went on about “how the system is rigged”" when it is true.
fn mark_going_on(tokens: &mut [Token], about: bool) {
    let n = tokens.len();
    if let [.., subject, verb, on] = &*tokens {
        if on.text == "on"
            && matches!(verb.text.as_str(), "went" | "goes")
            && (subject.is_capitalized() || matches!(subject.text.as_str(), "he" | "she"))
            && (about || n < 4 || !matches!(tokens[n - 4].lower(), "as" | "while"))
        {
            tokens[n - 2].speech = Speech::Strong;
        }
    }
}

/// Returns true if and only if a speech verb's base form (or its -s form) reads as a noun after
/// the words before it (`before`): "a new campaign message:", "the call", "his promise", "a
/// Reuters report", "a Headers object", "the notes" (not "they promise", "to call", "officials
/// say", "The Times report", "she notes").
fn reads_as_noun(word: &str, before: &[Token]) -> bool {
    let Some(p) = before.last().filter(|p| p.kind == TokenKind::Word) else {
        return false;
    };
    let lower = p.lower();
    // "the notes", "his remarks": a plural after a determiner (not "a report that notes")
    if word
        .strip_suffix('s')
        .is_some_and(|base| NOUN_TOO.find_sorted(base).is_some())
    {
        return lower != "that" && NOUN_DETERMINERS.contains_sorted(lower);
    }
    if NOUN_TOO.find_sorted(word).is_none() {
        return false;
    }
    // (a singular article, then a name: a base form cannot be the name's verb)
    let after_article = before
        .len()
        .checked_sub(2)
        .is_some_and(|at| matches!(before[at].text.as_str(), "a" | "an"));
    after_article
        || NOUN_DETERMINERS.contains_sorted(lower)
        || !(p.text.starts_with(is_upper)
            || lower.ends_with('s')
            || lower.ends_with("ly")
            || BEFORE_A_VERB.contains_sorted(lower))
}

/// The number of chars in `s`. NOTE: counts the bytes that start a UTF-8 sequence; the same
/// as `s.chars().count()`, whose vectorised version costs ≈800 bytes of wasm.
pub fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

/// The parts one after another. Used instead of `format!`, whose machinery costs the wasm about
/// 2 KB (`Formatter::pad`, integer `Display`).
pub fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

/// A count in decimal, without `format!`.
pub fn decimal(value: usize) -> String {
    let mut out = String::new();
    crate::json::push_number(&mut out, value);
    out
}

/// Joins words with single spaces (one small loop instead of a `join` copy per slice type).
pub fn join_words<S: AsRef<str>>(words: &[S]) -> String {
    let mut out = String::new();
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word.as_ref());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn may_from_and_early_are_surnames_only_where_a_surname_stands() {
        let surnames = |text: &str| -> Vec<String> {
            let chars: Vec<char> = text.chars().collect();
            let spans = crate::quotes::marks::find_spans(&chars);
            tokenize(&chars, &spans)
                .into_iter()
                .filter(|t| t.surname)
                .map(|t| t.text)
                .collect()
        };
        assert_eq!(
            surnames("Prime Minister Theresa May met Macron in May."),
            ["May"]
        );
        assert_eq!(
            surnames("\"It was a different time,\" From said."),
            ["From"]
        );
        assert_eq!(
            surnames("Al From, who founded the council, and Jon Early spoke."),
            ["From", "Early"]
        );
        // a title in title case; a sentence's first word; a date
        assert!(
            surnames("Ames May Visit Cuba. Letter From the Editor. Early on, Ames left.")
                .is_empty()
        );
        assert!(surnames("Updated May 5, 2019, at 10 a.m.").is_empty());
    }

    #[test]
    fn letters_are_the_alphabetic_chars_but_for_symbols() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            // Every letter of a script is one ...
            if c.is_alphabetic() && !is_letter(c) {
                let u = c as u32;
                let symbol_block =
                    matches!(u, 0x2000..=0x2BFF | 0x2E00..=0x303F | 0x1F000..=0x1FAFF);
                assert!(symbol_block, "{c:?} U+{u:04X} is alphabetic");
            }
            // ... and whatever else is one is a mark or digit of a script, or a letter by name.
            if is_letter(c) && !c.is_alphabetic() {
                assert!(
                    !c.is_ascii() && !c.is_whitespace(),
                    "{c:?} U+{:04X}",
                    c as u32
                );
            }
        }
        for c in
            "«»‹›„“”‚‘’「」『』〈〉《》、。・，！？：；（）—–…·×÷¡¿،؛؟۔।॥\u{a0}\u{3000}".chars()
        {
            assert!(
                !is_letter(c) && !is_word_char(c),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
        assert!(is_word_char('ж') && is_word_char('é') && is_word_char('中') && is_word_char('한'));
        assert!(is_word_char('7') && !is_letter('7') && is_letter('ß') && is_letter('ע'));
    }

    #[test]
    fn case_agrees_with_unicode_on_the_alphabets_it_covers() {
        let covered = (0x20..0x180).chain(0x391..0x3CF).chain(0x400..0x460);
        for c in covered.filter_map(char::from_u32) {
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?} upper");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?} lower");
        }
        assert!(is_word_char('7') && is_word_char('é') && !is_word_char('-'));
    }
    use crate::quotes::marks::find_spans;

    #[test]
    fn char_count_counts_chars_not_bytes() {
        for s in ["", "abc", "Publicité", "広告 광고", "“Yes,” 🙂"] {
            assert_eq!(char_count(s), s.chars().count(), "{s}");
        }
    }

    fn words(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let spans = find_spans(&chars);
        tokenize(&chars, &spans)
            .into_iter()
            .map(|t| match t.kind {
                TokenKind::Quote(_) => "Q".to_owned(),
                _ => t.text,
            })
            .collect()
    }

    #[test]
    fn abbreviations_initials_and_possessives_stay_whole() {
        assert_eq!(
            words("U.S. Sen. J. Smith's aide, the States' envoy, said \"no.\" Then"),
            [
                "U.S.", "Sen.", "J.", "Smith's", "aide", ",", "the", "States'", "envoy", ",",
                "said", "Q", "Then"
            ]
        );
    }

    #[test]
    fn i_ends_a_sentence_after_a_speech_verb_unless_an_initial_follows() {
        assert_eq!(
            words("“Yes,” said I. Then Mary I. Smith, “no,” said I. M. Pei"),
            [
                "Q", "said", "I", ".", "Then", "Mary", "I.", "Smith", ",", "Q", "said", "I.", "M.",
                "Pei"
            ]
        );
    }

    #[test]
    fn sentence_period_is_its_own_token() {
        assert_eq!(
            words("Blinken said. Next"),
            ["Blinken", "said", ".", "Next"]
        );
    }
}
