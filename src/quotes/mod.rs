//! Direct quotations and who said them.
//!
//! [`extract`] reads an article as a list of paragraphs and returns every quotation segment with
//! its kind, its place (paragraph and char offsets) and its speaker, resolved to one entity per
//! person. A quotation the rules cannot attribute has no speaker: never a guess.

use crate::prelude::*;

pub mod attribution;
pub mod lexicon;
pub mod marks;
pub mod speakers;

use serde::Serialize;

use crate::text::{tokenize, Token, TokenKind};
use attribution::{
    characterizing_subject, colon_subject, cue_after, cue_before, cue_later, is_dash,
    mention_after, mention_before, owner_of_words, role_around, says, subject_of_fragment, Cue,
    Mention,
};
use lexicon::{is_person_role_noun, is_title_word};
use speakers::{Position, Speakers};
pub use speakers::{Speaker, SpeakerId, SpeakerKind};

/// Whether a quotation is a sentence of its own or a fragment inside the writer's sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteKind {
    /// A sentence or more.
    Full,
    /// A quoted fragment inside the writer's own sentence.
    Partial,
}

impl QuoteKind {
    /// The report's name for the kind: `full` or `partial`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
        }
    }
}

/// One quotation segment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Index of the paragraph it stands in.
    pub paragraph: usize,
    /// Char offset of the first char inside the marks, within the paragraph.
    pub start: usize,
    /// Char offset just past the last char inside the marks.
    pub end: usize,
    /// The text inside the marks, whitespace collapsed.
    pub text: String,
    /// Full sentence or fragment.
    pub kind: QuoteKind,
    /// Who said it, if the rules could tell.
    pub speaker: Option<SpeakerId>,
    /// Segments of one quotation split by its attribution ("A," he said, "B.") share a group:
    /// the index of the group's first segment in [`Extraction::quotes`].
    pub group: usize,
}

/// The quotations of an article and their speakers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Extraction {
    /// Quotation segments in document order.
    pub quotes: Vec<Quote>,
    /// Speakers of at least one quotation, in order of first quotation; `SpeakerId(n)` is
    /// `speakers[n]`.
    pub speakers: Vec<Speaker>,
}

/// How many paragraphs back a role description ("the U.S. diplomat") may refer.
const ROLE_WINDOW: usize = 8;

/// Extracts quotations and speakers from an article given as paragraphs.
///
/// # Example
///
/// ```
/// let article = [
///     "Secretary of State Antony Blinken visited Kyiv on Thursday.",
///     "\"We are committed to Ukraine's independence,\" he said.",
/// ];
/// let found = newsclean::quotes::extract(&article);
/// assert_eq!(found.quotes.len(), 1);
/// let speaker = found.quotes[0].speaker.unwrap();
/// assert_eq!(found.speakers[speaker.0 as usize].name, "Antony Blinken");
/// ```
pub fn extract<S: AsRef<str>>(paragraphs: &[S]) -> Extraction {
    let mut extractor = Extractor::default();
    for paragraph in paragraphs {
        extractor.paragraph(paragraph.as_ref());
    }
    extractor.finish()
}

/// [`extract`] one paragraph at a time, so that a long article can be read in slices.
#[derive(Default)]
pub struct Extractor {
    speakers: Speakers,
    quotes: Vec<Quote>,
    /// Paragraphs read so far.
    read: usize,
    /// The speaker of the last attributed quotation and its paragraph, for continuations.
    last: Option<(usize, SpeakerId)>,
    previous_unclosed: bool,
    colon_speaker: Option<SpeakerId>,
    /// The subject of the last speech verb of the previous paragraph.
    previous_reporter: Option<SpeakerId>,
    /// The person who opened the last sentence of the previous paragraph.
    previous_topic: Option<SpeakerId>,
    /// Whether the previous paragraph held quotations and nothing else.
    previous_only_quotes: bool,
    /// Where the next aside's quotations may go in `quotes`: just past the last one placed.
    asides_at: usize,
}

impl Extractor {
    /// Reads the next paragraph of the article.
    pub fn paragraph(&mut self, paragraph: &str) {
        let Extractor {
            speakers,
            quotes,
            read,
            last,
            previous_unclosed,
            colon_speaker,
            previous_reporter,
            previous_topic,
            previous_only_quotes,
            asides_at: _,
        } = self;
        let pi = *read;
        *read += 1;
        let chars: Vec<char> = paragraph.chars().collect();
        let spans = marks::find_spans(&chars);
        let tokens = tokenize(&chars, &spans);
        let Mentioned { reported_by, topic } = note_mentions(&tokens, pi, speakers);
        // Quotations and nothing else: a pull quote, or a quote paragraph continuing the one
        // before.
        let only_quotes = !spans.is_empty() && tokens.iter().all(|t| t.kind != TokenKind::Word);
        // A pull quote alone in its paragraph, then "— Jane Doe, chief executive of X" on the
        // next line: the signature names whoever said the quotation(s) no one was given.
        if *previous_only_quotes && spans.is_empty() && tokens.first().is_some_and(is_dash) {
            let signer = mention_after(&tokens, 1)
                .filter(|c| matches!(c.mention, Mention::Name { .. }))
                .and_then(|c| resolve(&c, pi, speakers, false));
            for q in quotes
                .iter_mut()
                .rev()
                .take_while(|q| q.paragraph + 1 == pi)
            {
                q.speaker = q.speaker.or(signer);
            }
        }
        *previous_only_quotes = only_quotes;
        let mut in_paragraph: Vec<usize> = Vec::new();
        let mut previous_ends_with_comma = false;
        for (k, token) in tokens.iter().enumerate() {
            let TokenKind::Quote(s) = token.kind else {
                continue;
            };
            let span = spans[s];
            // "…," he said: the comma before the attribution is the writer's, not the speaker's.
            let end = trim_trailing_comma(&chars, span.start, span.end);
            let text = collapse(&chars[span.start..end]);
            let words = word_count(&text);
            let sentence_start = sentence_start(&tokens, k);
            let kind = if is_full(&tokens, k, &text) {
                QuoteKind::Full
            } else {
                QuoteKind::Partial
            };
            // A fragment closing the writer's sentence ("…had “come to terms.” The agreement
            // maintained …") has no cue after it: the next sentence is about something else; nor
            // has one closing a sentence with its cue before it, where a name after a dash signs
            // the writer's item ("Rajoy said … and insisted that his party was “still the No. 1
            // force in Spain.”--Kim Hjelmgaard.").
            let ends_with_stop = ends_with_any(&text, b".!?");
            let closes_sentence = kind == QuoteKind::Partial
                && ends_with_stop
                && tokens.get(k + 1).is_some_and(|next| {
                    next.is_capitalized()
                        || (is_dash(next)
                            && k > 0
                            && tokens[k - 1].kind == TokenKind::Word
                            && !tokens[k - 1].is_capitalized()
                            && cue_before(&tokens, sentence_start, k).is_some())
                });
            // ("Even as Trump claimed that “…,” one of the prosecutors said": words reported
            // after "that" are the claimant's, whoever speaks in the clause after them.)
            let reported = k > 0 && tokens[k - 1].text == "that";
            let cue_right_after = (!closes_sentence && !reported)
                .then(|| cue_after(&tokens, k + 1))
                .flatten();
            // "“… no place in a political campaign.” Ohio Gov. John Kasich said he would have
            // fired …": a whole quotation closed by its own period, then a name whose speech
            // verb takes a clause, is a new sentence about other words, not the quotation's cue.
            let new_sentence = kind == QuoteKind::Full
                && text.ends_with('.')
                && cue_right_after
                    .as_ref()
                    .is_some_and(|c| attribution::reports_a_clause(&tokens, c));
            let cue_right_after = cue_right_after.filter(|_| !new_sentence);
            // "“Like Oakland. Or Ferguson,” Trump said", "“Grizzly Adams?” Maddow repeated": words
            // in title case broken off by their speaker are an utterance, not a title.
            // (Opening its sentence: "On “Fox News Sunday,” Pence said" names a show.)
            let spoken = cue_right_after.is_some()
                && k == sentence_start
                && (chars.get(end) == Some(&',') || ends_with_any(&text, b"?!"));
            // "“We all miss Steve so much,” Benioff weighed in": a comma, then a capitalized word
            // that no attribution verb follows; the word is likely the speaker's name.
            let named_after = tokens
                .get(k + 1)
                .filter(|t| chars.get(end) == Some(&',') && t.is_capitalized());
            let cue_is_right_after = cue_right_after.is_some();
            let cue = cue_right_after
                .or_else(|| cue_before(&tokens, sentence_start, k))
                .or_else(|| {
                    (!new_sentence)
                        .then(|| cue_later(&tokens, k + 1, false))
                        .flatten()
                })
                // "Swift's rep told Fox News that this was not the whole truth. “Big Machine
                // is …”": a quotation standing alone after a speech sentence of the paragraph.
                // (When that sentence's quotation had its cue right after it, that one: "“…,”
                // Nelson, a fellow in Munich, Germany, and co-author, said. “…”".)
                .or_else(|| {
                    (kind == QuoteKind::Full && sentence_start > 0 && sentence_start == k)
                        .then(|| {
                            let previous = previous_sentence_start(&tokens, k);
                            (previous..k)
                                .rev()
                                .find(|&j| matches!(tokens[j].kind, TokenKind::Quote(_)))
                                .and_then(|j| cue_after(&tokens, j + 1))
                                .or_else(|| cue_before(&tokens, previous, k))
                        })
                        .flatten()
                })
                .or_else(|| {
                    colon_subject(&tokens, sentence_start, k)
                        .or_else(|| owner_of_words(&tokens, sentence_start, k))
                        .filter(|c| plainly_person(c, speakers))
                })
                // … and when it plainly names a person, theirs: "“…,” All Might gestured".
                .or_else(|| {
                    named_after
                        .filter(|_| kind == QuoteKind::Full)
                        .and_then(|_| mention_after(&tokens, k + 1))
                        .filter(|c| plainly_person(c, speakers))
                });
            // "… has gone after Trump as a “human leech”": the subject's words, a quotation even
            // where the subject is not plainly a person to name ("Conversely, PolitiFact rated …").
            let characterized = (cue.is_none() && kind == QuoteKind::Partial)
                .then(|| characterizing_subject(&tokens, sentence_start, k))
                .flatten();
            let characterized_only = characterized.is_some();
            let cue = cue
                .or_else(|| characterized.filter(|c| plainly_person(c, speakers)))
                .or_else(|| {
                    (kind == QuoteKind::Partial && !characterized_only && !ends_with_stop)
                        .then(|| cue_later(&tokens, k + 1, true))
                        .flatten()
                });
            let continues = k == 0 && (*previous_unclosed || colon_speaker.is_some());
            // "“Here comes Big Daddy,” she said, clapping. “The Donald. Big Daddy.”": the rest of
            // a quotation split by its attribution (when in a sentence of its own: "…,” he said
            // on “Meet the Press.”" names a show).
            let continued =
                split_group(&tokens, k, quotes, &in_paragraph, previous_ends_with_comma);
            // One word is a quotation only as a speaker's word in reported speech ("said he was
            // “appalled”"): with a cue, lowercase; a lone quoted term or nickname is not.
            let single_word_quote = words == 1
                && cue.is_some()
                && kind == QuoteKind::Partial
                && text
                    .trim_end_matches('.')
                    .chars()
                    .all(|c| crate::text::is_lower(c) || c == '-' || c == '\'' || c == '’');
            // One word said as a sentence of its own: "“Never,” she said", "She added: “No.”"
            let one_word_utterance = words == 1
                && kind == QuoteKind::Full
                && (spoken
                    || (k > 0
                        && tokens[k - 1].is_punct(':')
                        && ends_with_any(&text, b".!?")
                        && cue_before(&tokens, sentence_start, k).is_some()));
            if (words < 2 && !single_word_quote && !one_word_utterance)
                || (is_title_or_name(&text)
                    && !spoken
                    && !one_word_utterance
                    && (continued.is_none() || k != sentence_start))
                || (cue.is_none()
                    && !continues
                    && !characterized_only
                    && !is_quotation_not_term(&tokens, k, &text, kind))
            {
                continue;
            }
            // A transcript quotes its speakers by label: "WALLACE: Let's start…".
            let labelled = transcript_label(&text)
                .map(|name| speakers.person(&[name.as_str()], None, (pi, k)));
            // "“…,” said Bartleby", "„…“, sagte Scholz": one word right after the verb that
            // follows a quotation names a person, as organisations are seldom written so.
            let inverted = |c: &Cue| cue_is_right_after && c.at > 0 && says(&tokens[c.at - 1]);
            let mut speaker = labelled.or_else(|| {
                cue.as_ref()
                    .and_then(|c| resolve(c, pi, speakers, inverted(c)))
            });
            if speaker.is_none() && cue.is_none() {
                // A fragment quoted in a sentence about a person is the subject's words ("Paul
                // Ryan worried that … was becoming “a hammock …”"); not when a speech verb after
                // it names someone no cue rule could ("“…,” his childhood friend told CNN").
                let speech_follows = || {
                    chars.get(end) == Some(&',')
                        && tokens[k + 1..]
                            .iter()
                            .take(5)
                            .take_while(|t| {
                                !t.ends_sentence()
                                    && t.kind == TokenKind::Word
                                    && t.text != "to"
                                    && !t.text.ends_with("ing")
                            })
                            .any(says)
                };
                // Else the same speaker as the quotation before: a continuation paragraph, a
                // quote introduced by a colon, or a later quotation in the same paragraph.
                speaker = (kind == QuoteKind::Partial && !speech_follows())
                    .then(|| subject_of_fragment(&tokens, sentence_start, k))
                    .flatten()
                    .filter(|c| plainly_person(c, speakers))
                    .and_then(|c| resolve(&c, pi, speakers, false))
                    .or_else(|| colon_speaker.filter(|_| k == 0))
                    .or_else(|| in_paragraph.last().and_then(|&q| quotes[q].speaker))
                    .or_else(|| {
                        last.filter(|(p, _)| k == 0 && (*p + 1 == pi || *previous_unclosed))
                            .map(|(_, id)| id)
                            .filter(|_| !has_speech_verb(&tokens))
                    })
                    // a quote paragraph right after reported speech ("The president also
                    // admitted that …") continues it
                    .or_else(|| previous_reporter.filter(|_| k == 0 && !has_speech_verb(&tokens)))
                    // "Viguerie sees Cruz as a uniter." + "“Not only can Ted Cruz win …”": a
                    // quote paragraph after a sentence about a person is that person's
                    .or_else(|| {
                        previous_topic.filter(|_| k == 0 && kind == QuoteKind::Full && only_quotes)
                    })
                    // … unless that name is someone else's.
                    .filter(|&id| {
                        named_after.is_none_or(|t| {
                            speakers
                                .get(id)
                                .name
                                .split_ascii_whitespace()
                                .any(|w| w == t.text)
                        })
                    });
            }
            let group = continued.unwrap_or(quotes.len());
            if let Some(first) = (group != quotes.len()).then_some(group) {
                if speaker.is_none() {
                    speaker = quotes[first].speaker;
                } else if quotes[first].speaker.is_none() {
                    quotes[first].speaker = speaker;
                }
            }
            if let Some(id) = speaker {
                *last = Some((pi, id));
                speakers.note_source(id, (pi, k));
                // a quoted organisation stays "they"/"it" for the paragraphs after its quote
                speakers.note_speech_subject(id, (pi, k));
            }
            in_paragraph.push(quotes.len());
            previous_ends_with_comma = end < span.end;
            quotes.push(Quote {
                paragraph: pi,
                start: span.start,
                end,
                text,
                kind,
                speaker,
                group,
            });
        }
        *previous_unclosed = spans.last().is_some_and(|s| s.unclosed);
        *previous_reporter = reported_by;
        *previous_topic = topic;
        *colon_speaker = colon_intro(&tokens, pi, speakers);
    }

    /// Reads a caption or a heading that stands before article paragraph `before`, once all
    /// the article's paragraphs are read (so it is never the antecedent of a "he said" in
    /// them). Only the quotations it attributes to someone it names itself are kept ("Barack
    /// Obama: “Great Britain has always been our best partner”", "Obama admits gun laws are his
    /// ‘biggest frustration’"): a speaker carried over from the paragraph read before it does
    /// not count. Nor are those that repeat a quotation already read (a headline often quotes
    /// the article's own words).
    pub fn aside(&mut self, text: &str, before: usize) {
        let pi = self.read;
        let from = self.quotes.len();
        self.paragraph(text);
        // Its quotations go in document order: before the first quotation of paragraph
        // `before` (asides come in document order, so after those of the asides before it).
        let mut at = self.asides_at;
        while self.quotes.get(at).is_some_and(|q| q.paragraph < before) {
            at += 1;
        }
        // The group of the last segment placed, as read and as placed: a split quotation's
        // segments are read one after another, and its later ones point to its first.
        let mut previous: Option<(usize, usize)> = None;
        // The aside's first quotation not yet placed or dropped.
        let mut next = from;
        while next < self.quotes.len() {
            let mut quote = self.quotes.remove(next);
            let named = quote
                .speaker
                .is_some_and(|id| self.speakers.named_in(pi, id));
            if !named
                || self.quotes[..next]
                    .iter()
                    .any(|q| repeats(&quote.text, &q.text))
            {
                continue;
            }
            let group = quote.group;
            quote.group = previous
                .filter(|&(read_as, _)| read_as == group)
                .map_or(at, |(_, placed_as)| placed_as);
            previous = Some((group, quote.group));
            for later in &mut self.quotes[at..next] {
                if later.group >= at {
                    later.group += 1;
                }
            }
            self.quotes.insert(at, quote);
            at += 1;
            next += 1;
        }
        self.asides_at = at;
    }

    /// How many paragraphs have been read.
    pub fn read(&self) -> usize {
        self.read
    }

    /// The quotations and speakers of the paragraphs read.
    pub fn finish(self) -> Extraction {
        finish(self.quotes, &self.speakers)
    }
}

/// Returns true if and only if most of `quote`'s words (three in five) stand in `earlier`: a
/// headline's or caption's quotation that the article already quotes.
fn repeats(quote: &str, earlier: &str) -> bool {
    let (quote, earlier) = (
        crate::text::fold_case(quote),
        crate::text::fold_case(earlier),
    );
    let words =
        |t| str::split(t, |c: char| !crate::text::is_word_char(c)).filter(|w: &&str| !w.is_empty());
    let (mut mine, mut shared) = (0, 0);
    for word in words(&quote) {
        mine += 1;
        shared += usize::from(words(&earlier).any(|w| w == word));
    }
    mine > 0 && shared * 5 >= mine * 3
}

/// The gender of a German, French, Spanish, Italian, Portuguese or Russian third-person singular
/// pronoun ("sagte er", "a-t-elle déclaré", "dijo él", "сказала она"; `Some(true)`: she).
fn foreign_pronoun(word: &str) -> Option<bool> {
    match word {
        // (not French "il", Italian's "the"; nor "lui", French for "him": "lui a répondu X")
        "er" | "él" | "ele" | "он" => Some(false),
        // (German "sie" after a quotation is "she": "they" takes the plural, "sagten sie".)
        "elle" | "ella" | "lei" | "ela" | "sie" | "она" => Some(true),
        _ => None,
    }
}

/// What a paragraph tells about its people for the quotations of the next one.
struct Mentioned {
    /// The subject of its last speech verb.
    reported_by: Option<SpeakerId>,
    /// The person who opened its last sentence.
    topic: Option<SpeakerId>,
}

crate::words!(static HEADLINE_FUNCTION_WORDS = "and|are|as|at|by|for|from|had|has|in|into|is|of|on|or|to|was|were|with");

/// Registers the people named in a paragraph (outside quotations) and who spoke, so that
/// pronouns and role descriptions resolve to the right person.
fn note_mentions(tokens: &[Token], pi: usize, speakers: &mut Speakers) -> Mentioned {
    let mut last_subject = None;
    let mut topic = None;
    // "Neilson Barnard via Getty Images.", "Jim Urquhart / Reuters": a photo credit on a line of
    // its own names a photographer and an agency, not people the text is about.
    let credit_line = tokens.len() < 12
        && tokens
            .iter()
            .position(|t| t.text == "via" || t.is_punct('/'))
            .is_some_and(|at| {
                at > 0
                    && tokens[..at].iter().all(Token::is_capitalized)
                    && tokens.get(at + 1).is_some_and(Token::is_capitalized)
            });
    // The people named so far in the current sentence, and where it started: a pronoun tells
    // the gender of the sentence's subject when the subject is the only person named so far
    // ("Taylor Swift said her music…"; not "Big Machine says she will…", where "she" is
    // someone named earlier).
    let mut in_sentence: Vec<SpeakerId> = Vec::new();
    let mut subject_named_first = false;
    let mut spoke_in_sentence = false;
    let mut sentence_at = 0;
    let mut k = 0;
    while k < tokens.len() {
        let t = &tokens[k];
        if t.ends_sentence() {
            in_sentence.clear();
            sentence_at = k + 1;
            subject_named_first = false;
            spoke_in_sentence = false;
        }
        if k == sentence_at {
            topic = None;
        }
        // ("her" as the object of the subject's own verb — "Rothman reached out to her" — is
        // someone else; after a speech verb it may be the subject again: "Berg said the
        // speeches have led her to …".)
        let object_her = t.lower() == "her"
            && !spoke_in_sentence
            && tokens.get(k + 1).is_none_or(|n| {
                n.kind != TokenKind::Word || HEADLINE_FUNCTION_WORDS.contains_sorted(n.lower())
            });
        let female = match t.lower() {
            _ if t.kind != TokenKind::Word || object_her => None,
            "he" | "him" | "his" | "himself" => Some(false),
            "she" | "her" | "hers" | "herself" => Some(true),
            other => foreign_pronoun(other),
        };
        if let (Some(female), [only], true) = (female, in_sentence.as_slice(), subject_named_first)
        {
            speakers.note_gender(*only, female);
        }
        // "Said Ames, “…”", "Asserting Poe had lied, …", "Praising Poe, …": a speech verb or a
        // participle opening a sentence is no first name.
        let opening_verb = k == sentence_at
            && (lexicon::is_speech_verb(t.lower()) || t.text.ends_with("ing"))
            && tokens.get(k + 1).is_some_and(Token::is_capitalized);
        if t.is_capitalized() && !lexicon::is_not_name_token(t) && !opening_verb {
            let mut start = k;
            while tokens.get(k + 1).is_some_and(|n| {
                (n.is_capitalized() && !lexicon::is_not_name_token(n))
                    || (n.text == "of" && is_title_word(&tokens[k].text))
                    // "Bill de Blasio", "Ursula von der Leyen"
                    || attribution::particle_goes_on(tokens, k + 1)
            }) {
                k += 1;
            }
            // "envoy to Ukraine Kurt Volker": a place after "to" before a full name.
            if k > start + 1 && start > 0 && tokens[start - 1].text == "to" {
                start += 1;
            }
            let run: Vec<&str> = tokens[start..=k].iter().map(|t| t.text.as_str()).collect();
            // "on the National Mall", "at a Veterans United conference": a run after an article
            // names a place, a body or a thing, never a person; one with a possessive may still
            // name one after it ("the Post's Dana Milbank").
            let after_article = start > 0
                && tokens[start - 1].kind == TokenKind::Word
                && matches!(tokens[start - 1].lower(), "the" | "a" | "an")
                && !run.iter().any(|w| is_possessive_word(w));
            // "Cruz Apologizes To Ben Carson For Telling Supporters Carson Had Dropped Out": in
            // running text a capitalized function word opens a sentence; beside a run, it marks a
            // headline in title case, whose capitalized words need not be names.
            // (not "The", which opens names: "told The Atlantic's Jon Ames")
            let capitalized_function_word = |i: usize| {
                tokens.get(i).is_some_and(|t| {
                    t.is_capitalized() && HEADLINE_FUNCTION_WORDS.contains_sorted(t.lower())
                })
            };
            let in_headline = capitalized_function_word(k + 1)
                || (start > sentence_at + 1 && capitalized_function_word(start - 1));
            let speakers_before = speakers.list().len();
            let person = if after_article || in_headline || credit_line {
                None
            } else {
                note_person_run(&run, (pi, k), speakers)
            };
            if let Some(id) = person {
                speakers.note_role(id, role_around(tokens, start, k + 1).as_deref());
                // "At a rally in Portland, Maine, on Thursday, Trump …": a person named before,
                // first after an opening prepositional phrase's comma, opens the sentence too.
                // (Not someone new: "In that sense, Sandy Hook wasn't …")
                let after_opening_phrase = in_sentence.is_empty()
                    && (id.0 as usize) < speakers_before
                    && start > sentence_at + 1
                    && tokens[start - 1].is_punct(',')
                    && capitalized_function_word(sentence_at);
                // "Министр иностранных дел Сергей Лавров встретился …", "La Première ministre
                // Élisabeth Borne était …": so does one after a short description ending in a
                // lowercase word
                let after_description = in_sentence.is_empty()
                    && start > sentence_at + 1
                    && start <= sentence_at + 3
                    && !lexicon::is_not_name_word(&tokens[sentence_at].text)
                    && tokens[sentence_at..start]
                        .iter()
                        .all(|t| t.kind == TokenKind::Word)
                    && !tokens[start - 1].is_capitalized();
                // "The judge, Tanya Chutkan, was blunt.": and one set off by commas after the
                // sentence's first three words or fewer, with no one named before it
                let in_apposition = in_sentence.is_empty()
                    && start > sentence_at + 1
                    && start <= sentence_at + 4
                    && tokens[start - 1].is_punct(',')
                    && tokens.get(k + 1).is_some_and(|t| t.is_punct(','));
                let opens_sentence = start == sentence_at;
                if opens_sentence || after_opening_phrase || after_description || in_apposition {
                    speakers.note_sentence_subject(id, (pi, k));
                }
                // (The topic for the next paragraph's quotations only from a name that is the
                // sentence's first word: "Hillary Clinton:" labelling what follows is no
                // sentence about anyone.)
                if opens_sentence {
                    topic = tokens
                        .get(k + 1)
                        .is_some_and(|t| !t.is_punct(':'))
                        .then_some(id);
                }
                if in_sentence.is_empty() {
                    subject_named_first = start <= sentence_at + 3;
                }
                if !in_sentence.contains(&id) {
                    in_sentence.push(id);
                }
            }
        } else if says(t) {
            spoke_in_sentence = true;
            // "ScreamMyName told me that so far he had…": one unknown name that opens a sentence
            // by speaking, which then says "he" or "she", is a person, not an organisation.
            let pronoun_follows = k > 0
                && sentence_start(tokens, k) == k - 1
                && !tokens[k - 1].text.ends_with("ing")
                && tokens[k + 1..]
                    .iter()
                    .take_while(|t| !t.ends_sentence())
                    .any(|t| t.kind == TokenKind::Word && matches!(t.lower(), "he" | "she"));
            if let Some((id, at)) = subject_of(tokens, k, pi, speakers, pronoun_follows) {
                speakers.note_speech_subject(id, at);
                last_subject = Some(id);
            }
        } else if issues_document(tokens, k) {
            // "Big Machine Records issued a statement …": whoever issued it speaks when "the
            // statement said".
            if let Some((id, at)) = subject_of(tokens, k, pi, speakers, false) {
                speakers.note_source(id, at);
            }
        }
        k += 1;
    }
    Mentioned {
        reported_by: last_subject,
        topic,
    }
}

/// The speaker the subject of the verb at `k` names, and where that mention ends.
fn subject_of(
    tokens: &[Token],
    k: usize,
    pi: usize,
    speakers: &mut Speakers,
    person: bool,
) -> Option<(SpeakerId, Position)> {
    // ("…, said Wilcox, an Orlando Republican": after an inverting verb)
    let cue = mention_before(tokens, sentence_start(tokens, k), k)
        .or_else(|| attribution::inverted_subject(tokens, k))?;
    resolve(&cue, pi, speakers, person).map(|id| (id, (pi, cue.at)))
}

crate::words!(static PUBLISHING_VERBS = "issued|posted|published|put|released|sent");

/// Returns true if and only if token `k` is a verb of publishing followed closely by a written
/// source ("issued a statement", "released a joint statement").
fn issues_document(tokens: &[Token], k: usize) -> bool {
    let verb =
        tokens[k].kind == TokenKind::Word && PUBLISHING_VERBS.contains_sorted(tokens[k].lower());
    verb && tokens[k + 1..tokens.len().min(k + 5)]
        .iter()
        .any(|t| lexicon::is_document_noun(t.lower()))
}

/// Registers a capitalized run as a person when it plainly names one: a first and last name, a
/// titled surname ("Mr. Smith"), or the surname of someone already known.
fn note_person_run(run: &[&str], at: Position, speakers: &mut Speakers) -> Option<SpeakerId> {
    // "Media Research Center’s Brent Bozell", "the Herald's Tom Poe": the words up to a
    // possessive name the owner; the person, if any, follows.
    let run = match run[..run.len() - 1]
        .iter()
        .rposition(|w| is_possessive_word(w))
    {
        Some(owner) => &run[owner + 1..],
        None => run,
    };
    if run.iter().any(|w| lexicon::is_org_word(w))
        || run.last().is_some_and(|w| lexicon::is_abstract_noun(w))
    {
        return None;
    }
    let name_start = run
        .iter()
        .enumerate()
        .rposition(|(i, w)| {
            is_title_word(w)
                || (i + 1 < run.len() && lexicon::is_plural_title(w))
                || lexicon::is_acronym(w)
                || is_office_connector(w)
        })
        .map_or(0, |p| p + 1)
        .max(office_name_start(run))
        .max(usize::from(lexicon::opens_with_description(run)));
    let name = &run[name_start..];
    let title = &run[..name_start];
    // "Sen. Chris Coons, Democrat of Delaware": one word after "of" names a place.
    if name.is_empty()
        || name.len() > 4
        || is_place_prefix(name[0])
        || title.last() == Some(&"of") && name.len() == 1
    {
        return None;
    }
    // "POLITICO Florida", "CIA Langley": an acronym is no title, and one word after it names a
    // branch or a place; "Sen. Smith" is a person.
    // ("Former Pennsylvania governor Ed Rendell": "Former" only qualifies a title)
    let titled = title.iter().any(|w| {
        (is_title_word(w)
            && !matches!(
                crate::text::fold_case(w).as_str(),
                "ex" | "first" | "former"
            ))
            || lexicon::is_plural_title(w)
            || w.contains('.')
    });
    let plainly_person = name.len() >= 2 || titled || speakers.is_known_surname(name[0], false);
    plainly_person.then(|| {
        let role = (!title.is_empty()).then(|| crate::text::join_words(title));
        speakers.person(name, role.as_deref(), at)
    })
}

/// Returns true if and only if the word is a possessive ("Obama's", "agency’s", "Sanders’").
// (out of line: inlined into its callers it weighed 160 B of the wasm's budget)
#[inline(never)]
fn is_possessive_word(word: &str) -> bool {
    ["'s", "’s", "s'", "s’"]
        .iter()
        .any(|end| word.ends_with(end))
}

crate::words!(
    /// Words that start place names looking like personal names ("New Jersey", "San Diego");
    /// sorted by bytes.
    static PLACE_PREFIXES = "Central|Costa|East|Eastern|El|Fort|Great|Hong|La|Las|Le|Los|Middle|Mount|New|North|Northern|Puerto|Saint|San|Santa|South|Southern|Sri|St.|West|Western"
);

/// Returns true if and only if the word starts place names that look like personal names.
// (out of line: inlined into its callers it weighed 55 B of the wasm's budget)
#[inline(never)]
pub(super) fn is_place_prefix(word: &str) -> bool {
    PLACE_PREFIXES.contains_sorted(word)
}

/// Returns true if and only if the word joins a title or a body to what it is of ("Secretary
/// of State", "Minister for Health", "Council on Foreign Relations").
pub(super) fn is_office_connector(word: &str) -> bool {
    matches!(word, "of" | "for" | "on")
}

/// Where the person's name starts in a titled run with a connector: three words or more after
/// a title's "of", "for" or "on" name the office up to the person's first and last name
/// ("Minister for Foreign Affairs Simon Coveney", "Chief of Staff John F. Kelly"). Two may be a
/// name ("CEO of Donald Trump's campaign"). 0 when the run has no such connector.
pub(super) fn office_name_start(words: &[&str]) -> usize {
    let Some(connector) = words.iter().rposition(|w| is_office_connector(w)) else {
        return 0;
    };
    // (not "the Centre for Economic Policy Research": an office is a title's)
    if words.len() - connector < 4 || connector == 0 || !is_title_word(words[connector - 1]) {
        return 0;
    }
    let mut start = words.len() - 2;
    // "John F. Kelly", "George H. W. Bush": a first name before the initials
    while start > connector + 2 && lexicon::is_initial(words[start]) {
        start -= 1;
    }
    start
}

/// Resolves a cue's mention to a speaker; a single unknown name is a person only when `person`
/// says so.
fn resolve(cue: &Cue, pi: usize, speakers: &mut Speakers, person: bool) -> Option<SpeakerId> {
    let at = (pi, cue.at);
    match &cue.mention {
        Mention::Pronoun { female } => speakers.last_person_before(at, Some(*female)),
        Mention::Group => speakers.last_group_before(at, 2),
        Mention::Name {
            title,
            name,
            text,
            role,
        } => {
            if name.is_empty() {
                return Some(speakers.named_group(text, SpeakerKind::Organization));
            }
            let is_single_unknown =
                name.len() == 1 && title.is_empty() && !speakers.is_known_surname(&name[0], true);
            let described = role.as_deref().is_some_and(lexicon::describes_person);
            if is_single_unknown && !described && !person {
                // "Russia said" / "Reuters reported": a named source we cannot tell is a person
                // (nor "Growing Up Weightless, a story of political intrigue, is told").
                return Some(speakers.named_group(text, SpeakerKind::Organization));
            }
            let title = (!title.is_empty()).then(|| crate::text::join_words(title));
            let names: Vec<&str> = name.iter().map(String::as_str).collect();
            let id = speakers.person(&names, title.as_deref().or(role.as_deref()), at);
            // "Dr. Anthony Fauci, the nation's top infectious disease expert": the apposition
            // says more than the title before the name (the longer role is kept)
            if title.is_some() {
                speakers.note_role(id, role.as_deref());
            }
            Some(id)
        }
        Mention::Description {
            text,
            head,
            definite,
        } => {
            if *definite && lexicon::is_document_noun(head) {
                if let Some(id) = speakers.last_source_before(at, ROLE_WINDOW) {
                    return Some(id);
                }
            }
            // "Jose Mourinho has agreed a deal … The 56-year-old said: “…”": a definite age
            // refers back to the person the text is about, as a pronoun does.
            if *definite && lexicon::is_age(head) {
                if let Some(id) = speakers.last_person_before(at, None) {
                    return Some(id);
                }
            }
            if *definite && is_person_role_noun(head) {
                // "Swift's rep", "the victim's mother" are someone new, not the last speaker;
                // "the spokeswoman", "the United States' top diplomat" may be.
                // ("his childhood friend" is not "his friend Mahamat", a friend of someone else.)
                let kin = matches!(head.as_str(), "father" | "friend" | "husband" | "mother");
                let the = text.starts_with("the ") || text.starts_with("The ");
                let owned = !the || text.split(' ').any(is_possessive_word);
                // "Starmer's spokesman" is someone whose role names Starmer ("Cruz spokesman
                // Rick Tyler" for "Cruz's spokesman"), not the last spokesman of anyone.
                let owner = text.split(' ').find(|w| !the && is_possessive_word(w));
                if !(kin && owned) {
                    if let Some(id) = speakers.person_in_role(head, owner, at, ROLE_WINDOW, the) {
                        return Some(id);
                    }
                }
            }
            Some(speakers.named_group(text, SpeakerKind::Unnamed))
        }
    }
}

/// The speaker introduced at the end of a paragraph ending in a colon ("Blinken said:").
fn colon_intro(tokens: &[Token], pi: usize, speakers: &mut Speakers) -> Option<SpeakerId> {
    let last = tokens.last()?;
    if !last.is_punct(':') {
        return None;
    }
    let (lo, colon) = (sentence_start(tokens, tokens.len() - 1), tokens.len() - 1);
    let cue = cue_before(tokens, lo, colon)
        .or_else(|| colon_subject(tokens, lo, colon).filter(|c| plainly_person(c, speakers)))?;
    // A name alone before the colon is a label or a heading ("Stay Connected:" over a list of
    // links), not a sentence introducing the next paragraph ("Blinken said:", "Stated Stone:").
    if cue.at + 1 == colon && cue.at == lo + 1 && !lexicon::is_speech_verb(tokens[lo].lower()) {
        return None;
    }
    resolve(&cue, pi, speakers, false)
}

/// Returns true if and only if the mention is a pronoun or plainly names a person: a first and
/// last name, a titled name, or the surname of someone already known ("Wait, it gets better:"
/// and "Estimates show:" name no one).
// (out of line: inlined into its callers it weighed 261 B of the wasm's budget)
#[inline(never)]
fn plainly_person(cue: &Cue, speakers: &Speakers) -> bool {
    match &cue.mention {
        Mention::Pronoun { .. } => true,
        Mention::Name { title, name, .. } => match name.as_slice() {
            [] => false,
            [surname] => !title.is_empty() || speakers.is_known_surname(surname, true),
            _ => true,
        },
        _ => false,
    }
}

/// Index of the first token of the sentence containing token `k` (a quotation that ends a
/// sentence inside its marks does not end the writer's sentence: "…," he said).
fn sentence_start(tokens: &[Token], k: usize) -> usize {
    // A period followed by a lowercase word ("Jr. said", "a.m. on") ends no sentence.
    // So does a quotation ending in a stop before a capitalized word ("“… without delay.”
    // Donald Trump said").
    // "WASHINGTON (AP) — Sen. Jane Doe said", "POLLS WERE EARLY - Jane Doe: “…”": a dateline
    // or headline opening the paragraph (no lowercase word) ends at its dash.
    let dateline = (0..tokens.len().min(14))
        .take_while(|&i| !tokens[i].text.starts_with(crate::text::is_lower))
        .find(|&i| i > 0 && attribution::is_dash(&tokens[i]))
        .filter(|&i| {
            tokens[0].text.chars().take(2).all(crate::text::is_upper) || tokens[i - 1].is_punct(')')
        });
    let is_boundary = |i: usize| {
        Some(i) == dateline
            || ((tokens[i].ends_sentence() || tokens[i].quote_ends_sentence())
                && tokens.get(i + 1).is_none_or(|n| {
                    n.kind != TokenKind::Word || !n.text.starts_with(crate::text::is_lower)
                }))
    };
    (0..k).rev().find(|&i| is_boundary(i)).map_or(0, |i| i + 1)
}

/// Index of the first token of the sentence before the one starting at `k`.
fn previous_sentence_start(tokens: &[Token], k: usize) -> usize {
    sentence_start(tokens, k.saturating_sub(1))
}

/// Returns true if and only if the quotation at `k` reads as a sentence of its own.
fn is_full(tokens: &[Token], k: usize, text: &str) -> bool {
    let starts_upper = text
        .chars()
        .find(|c| crate::text::is_word_char(*c))
        .is_some_and(|c| crate::text::is_upper(c) || !crate::text::is_letter(c));
    let after_boundary = k == 0
        || tokens[k - 1].ends_sentence()
        || tokens[k - 1].is_punct(':')
        || tokens[k - 1].is_punct(',')
        || tokens[k - 1].is_punct('—')
        || matches!(tokens[k - 1].kind, TokenKind::Quote(_));
    starts_upper && after_boundary
}

/// Returns true if and only if an unattributed quotation still reads as someone's words rather
/// than a scare-quoted term, a title or a nickname.
fn is_quotation_not_term(tokens: &[Token], k: usize, text: &str, kind: QuoteKind) -> bool {
    let words = word_count(text);
    if kind == QuoteKind::Full && words >= 4 {
        return true;
    }
    // the words of its own sentence only: "…found there had been “3,210 shooting victims”
    // between January 1 and September 26. Politifact then pointed out …" has no speech verb
    let closes_sentence =
        tokens[k].quote_ends_sentence() && tokens.get(k + 1).is_some_and(Token::is_capitalized);
    let mut end = k + 1;
    if !closes_sentence {
        while end < tokens.len().min(k + 12) && !tokens[end].ends_sentence() {
            end += 1;
        }
    }
    let sentence = &tokens[sentence_start(tokens, k)..end];
    let in_sentence_verb =
        has_speech_verb(sentence) || sentence.iter().any(|t| is_speech_noun(t.lower()));
    words >= 5 || (in_sentence_verb && words >= 2)
}

/// The speaker label opening a transcript line ("WALLACE: …", "PENCE: …"), in title case.
fn transcript_label(text: &str) -> Option<String> {
    let (label, rest) = text.split_once(':')?;
    let is_label = label.len() >= 3
        && label.len() <= 24
        && label
            .chars()
            .all(|c| crate::text::is_upper(c) || matches!(c, ' ' | '-' | '\'' | '.'))
        && label.chars().filter(|c| crate::text::is_letter(*c)).count() >= 3
        && rest.starts_with(' ');
    is_label.then(|| {
        let mut name = String::with_capacity(label.len());
        let mut start = true;
        for c in label.chars() {
            name.push(if start { c } else { crate::text::fold_char(c) });
            start = matches!(c, ' ' | '-');
        }
        name
    })
}

crate::words!(static FUNCTION_WORDS = "a|an|and|as|at|by|de|for|in|of|on|or|the|to|with");

/// Returns true if and only if the quoted text reads as a title, a name or a nickname ("Fox News
/// Sunday", "Make Your Kid a Millionaire", "Lyin' Ted."): at most eight words, every word other
/// than short function words capitalized. Such text is never a quotation, cue or not.
fn is_title_or_name(text: &str) -> bool {
    let (mut words, mut content) = (0, 0);
    for w in text.split(' ') {
        words += 1;
        // "Fox & Friends": a sign or a dash is no content word either
        let word = w.trim_matches(|c: char| !crate::text::is_word_char(c));
        if word.is_empty() || FUNCTION_WORDS.contains_sorted(word) {
            continue;
        }
        if !word
            .chars()
            .next()
            .is_some_and(|c| crate::text::is_upper(c) || c.is_ascii_digit())
        {
            return false;
        }
        content += 1;
    }
    words <= 8 && content > 0
}

// Nouns of speech whose words a sentence may quote in part ("Trump’s claim that there have been
// “thousands of shootings”", "a new campaign message: “It’s about me.”").
crate::words!(static SPEECH_NOUNS = concat!(
    "assertion|claim|claims|comment|comments|message|pledge|promise|remark|remarks|slogan|",
    "statement|tweet|vow|warning|words",
));
// … and more that say whose words follow, though not that a quoted term is someone's words
// ("a type of “hypersensitive pneumonitis” in which the body's immune response", "caught the
// phrase “liquid body”").
crate::words!(static OWNED_WORDS_NOUNS = "answer|dictum|motto|phrase|quip|reply|response");

/// Returns true if and only if the lowercase word is one of [`SPEECH_NOUNS`].
fn is_speech_noun(word: &str) -> bool {
    SPEECH_NOUNS.contains_sorted(word)
}

fn has_speech_verb(tokens: &[Token]) -> bool {
    tokens.iter().any(says)
}

/// The group of an earlier quotation in this paragraph that the quotation at `k` continues
/// after an interrupting attribution ("A," he said, "B.").
fn split_group(
    tokens: &[Token],
    k: usize,
    quotes: &[Quote],
    in_paragraph: &[usize],
    previous_ends_with_comma: bool,
) -> Option<usize> {
    let &prev = in_paragraph.last()?;
    let prev_tok = (0..k)
        .rev()
        .find(|&i| matches!(tokens[i].kind, TokenKind::Quote(_)))?;
    let between = &tokens[prev_tok + 1..k];
    let ends_open = previous_ends_with_comma || between.first().is_some_and(|t| t.is_punct(','));
    let short_cue = between.len() <= 12 && has_speech_verb(between);
    (ends_open && short_cue).then_some(quotes[prev].group)
}

fn trim_trailing_comma(chars: &[char], start: usize, mut end: usize) -> usize {
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if end > start && chars[end - 1] == ',' {
        end -= 1;
    }
    end
}

fn collapse(chars: &[char]) -> String {
    let s: String = chars.iter().collect();
    crate::outline::collapse_whitespace(&s)
}

/// Returns true if and only if `text` ends with one of the ASCII characters `stops` (a byte test:
/// `ends_with` with an array of chars decodes the last char, in a function of its own).
fn ends_with_any(text: &str, stops: &[u8]) -> bool {
    text.as_bytes().last().is_some_and(|b| stops.contains(b))
}

/// The number of words of a [`collapse`]d text: its spaces and one, none if it is empty.
fn word_count(collapsed: &str) -> usize {
    let spaces = collapsed.bytes().filter(|&b| b == b' ').count();
    if collapsed.is_empty() {
        0
    } else {
        spaces + 1
    }
}

/// Keeps the speakers that have quotations, renumbered in order of first quotation.
fn finish(mut quotes: Vec<Quote>, speakers: &Speakers) -> Extraction {
    let mut order: Vec<SpeakerId> = Vec::new();
    for q in &quotes {
        if let Some(id) = q.speaker {
            if !order.contains(&id) {
                order.push(id);
            }
        }
    }
    for q in &mut quotes {
        q.speaker = q
            .speaker
            .and_then(|id| order.iter().position(|&o| o == id))
            .map(|n| SpeakerId(n as u32));
    }
    let list = order
        .iter()
        .enumerate()
        .map(|(n, id)| Speaker {
            id: SpeakerId(n as u32),
            ..speakers.get(*id).clone()
        })
        .collect();
    Extraction {
        quotes,
        speakers: list,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(article: &[&str]) -> Vec<(String, String)> {
        let x = extract(article);
        x.quotes
            .iter()
            .map(|q| {
                let who = q
                    .speaker
                    .map_or("-".to_owned(), |s| x.speakers[s.0 as usize].name.clone());
                (who, q.text.clone())
            })
            .collect()
    }

    /// The speaker of each quotation of `article`, in order ("-" for none).
    fn speakers_of(article: &[&str]) -> Vec<String> {
        said(article).into_iter().map(|(who, _)| who).collect()
    }

    /// Each speaker's name and role, in the order first met.
    fn names_and_roles(article: &[&str]) -> Vec<(String, Option<String>)> {
        let x = extract(article);
        x.speakers.into_iter().map(|s| (s.name, s.role)).collect()
    }

    #[test]
    fn a_lowercase_particle_is_part_of_the_name() {
        assert_eq!(
            speakers_of(&["“Europe stands united,” said Ursula von der Leyen."]),
            ["Ursula von der Leyen"]
        );
        assert_eq!(
            speakers_of(&["“We are not going anywhere,” the mayor, Bill de Blasio, said."]),
            ["Bill de Blasio"]
        );
        // a name that starts with its particle is the person named in full before
        assert_eq!(
            speakers_of(&[
                "Mayor Bill de Blasio intervened on Monday.",
                "Later, de Blasio tweeted, “I will help you secure any permit.”",
                "“We will respond,” von der Leyen said.",
            ]),
            ["Bill de Blasio", "von der Leyen"]
        );
        // ("ten" is a particle too, but not before a plural: a number)
        assert_eq!(
            speakers_of(&[
                "“We played well,” said Erik ten Hag, the Manchester United manager.",
                "“We need more time,” ten Republicans said.",
            ]),
            ["Erik ten Hag", "Republicans"]
        );
    }

    #[test]
    fn an_age_or_a_party_before_a_who_clause_is_skipped_to_the_name() {
        let who = speakers_of(&[
            "Sen. Chris Murphy, D-Conn., who leads the panel, said the bill was “a start.”",
            "Jane Doe, 34, who lives nearby, said the fire was “terrifying.”",
        ]);
        assert_eq!(who, ["Chris Murphy", "Jane Doe"]);
    }

    #[test]
    fn an_age_after_a_name_is_no_role() {
        let roles = names_and_roles(&[
            "“We lost everything,” Maria Gonzalez, 42, said on Tuesday.",
            "“The water came in so fast,” said Tom Reyes, 61, a nurse from Phoenix.",
        ]);
        assert_eq!(
            roles,
            [
                ("Maria Gonzalez".into(), None),
                ("Tom Reyes".into(), Some("a nurse from Phoenix".into()))
            ]
        );
    }

    #[test]
    fn an_inverted_speaker_with_an_apposition_is_the_subject_he_refers_to() {
        // (the clause after the apposition had made "says Richard Locksley" no subject)
        let who = speakers_of(&[
            "“We are not sure yet,” said Tom Baker, a biologist.",
            "The system, says Richard Locksley, an immunologist at the University of California, \
             helps direct a response. He called the results “exciting.”",
        ]);
        assert_eq!(who, ["Tom Baker", "Richard Locksley"]);
    }

    #[test]
    fn an_inverted_speaker_before_a_phrase_of_place_or_time_is_the_subject_she_refers_to() {
        // ("on Tuesday" after the name had made "said Donna Lages" no subject, so the "She"
        // of the sentence after it went to the speaker before, and so did the next "she")
        for after_name in ["of Fort Pierce", "on Tuesday", "to reporters"] {
            let middle = format!(
                "“This is home,” said Donna Lages {after_name}. She said the town prides itself \
                 on its mix."
            );
            let who = speakers_of(&[
                "“We are ready,” said Linda Hudson, the mayor.",
                &middle,
                "“Too much hate,” she said.",
            ]);
            assert_eq!(
                who,
                ["Linda Hudson", "Donna Lages", "Donna Lages"],
                "{after_name}"
            );
        }
    }

    #[test]
    fn a_role_given_where_someone_is_only_mentioned_is_theirs() {
        // ("the campaign manager said" went to whoever spoke last, and the sidebar showed no
        // role for him)
        for mention in [
            "campaign manager Robby Mook met reporters",
            "Robby Mook, the campaign manager, met reporters",
            "Robby Mook, her campaign manager, met reporters",
        ] {
            let middle = format!("On Monday, {mention}.");
            let who = speakers_of(&[
                "Hillary Clinton spoke in Ohio. “We will win,” she said.",
                &middle,
                "“It is over,” the campaign manager said.",
            ]);
            assert_eq!(who, ["Hillary Clinton", "Robby Mook"], "{mention}");
        }
        // (a clause after a name describes no one)
        let roles = names_and_roles(&[
            "Tom Bartleby, the silent procession filed its way through the noise.",
            "“I would prefer not to,” said Tom Bartleby.",
        ]);
        assert_eq!(roles, [("Tom Bartleby".to_owned(), None)]);
    }

    #[test]
    fn a_names_people_after_the_verb_speak_not_the_person_named() {
        // ("said Clinton aides" gave Clinton the aides' words)
        for (after_verb, speaker) in [
            ("Clinton aides on Tuesday", "Clinton aides"),
            ("Sanders supporters at the rally", "Sanders supporters"),
            (
                "Obama administration officials",
                "Obama administration officials",
            ),
            ("Biden allies", "Biden allies"),
            ("Trump’s lawyers", "Trump’s lawyers"),
        ] {
            let paragraph = format!("“We are not worried,” said {after_verb}.");
            assert_eq!(speakers_of(&[&paragraph]), [speaker], "{after_verb}");
        }
        // (the person named, with a phrase of time or with a role before a name of its own)
        let who = speakers_of(&[
            "“We won,” said Clinton on Tuesday.",
            "“We won again,” said Clinton supporter Mary Jones.",
        ]);
        assert_eq!(who, ["Clinton", "Mary Jones"]);
    }

    #[test]
    fn an_apposition_says_more_than_a_title_before_the_name() {
        let roles = names_and_roles(&[
            "“We are not out of the woods,” said Dr. Anthony Fauci, the nation’s top infectious \
             disease expert.",
            "“I think it is a mistake,” Senate Majority Leader Chuck Schumer, D-N.Y., said.",
        ]);
        assert_eq!(
            roles,
            [
                (
                    "Anthony Fauci".into(),
                    Some("the nation’s top infectious disease expert".into())
                ),
                (
                    "Chuck Schumer".into(),
                    Some("Senate Majority Leader".into())
                )
            ]
        );
    }

    #[test]
    fn a_possessive_opens_an_apposition_after_an_inverted_speaker() {
        let roles = names_and_roles(&[
            "“There is no evidence of fraud,” said Brad Raffensperger, Georgia’s secretary of \
             state, a Republican.",
        ]);
        assert_eq!(
            roles,
            [(
                "Brad Raffensperger".into(),
                Some("Georgia’s secretary of state".into())
            )]
        );
    }

    #[test]
    fn a_pronoun_against_a_first_names_gender_is_someone_else() {
        // ("she" had made Jeremy Hunt a woman, so the "he" after it found no one)
        let who = speakers_of(&[
            "The minister, Rachel Reeves, said: “We will fix the foundations.”",
            "Jeremy Hunt said she was wrong. “This budget is a disaster,” he said.",
        ]);
        assert_eq!(who, ["Rachel Reeves", "Jeremy Hunt"]);
    }

    #[test]
    fn a_capitalized_title_before_a_name_set_off_by_commas_is_its_role() {
        // (British copy capitalizes the office: "The Chancellor" had been the speaker)
        let who = names_and_roles(&[
            "The Chancellor, Rachel Reeves, said the Budget would “fix the foundations”.",
            "“We will act,” the Home Secretary, Yvette Cooper, said.",
        ]);
        assert_eq!(
            who,
            [
                ("Rachel Reeves".into(), Some("The Chancellor".into())),
                ("Yvette Cooper".into(), Some("the Home Secretary".into()))
            ]
        );
    }

    #[test]
    fn a_surname_alone_is_the_person_named_before_it_not_in_its_own_apposition() {
        let who = speakers_of(&[
            "Chelsea Clinton announced she is expecting her second child.",
            "Clinton, 35, the daughter of Bill Clinton and Hillary Clinton, said on Twitter, \
             “Feeling very blessed this holiday season.”",
        ]);
        assert_eq!(who, ["Chelsea Clinton"]);
    }

    #[test]
    fn a_player_s_position_is_a_role_not_a_first_name() {
        let x = extract(&[
            "Quarterback Patrick Mahomes, who threw two interceptions, said: “That's on me.”",
        ]);
        let s = &x.speakers[0];
        assert_eq!(
            (s.name.as_str(), s.role.as_deref()),
            ("Patrick Mahomes", Some("Quarterback"))
        );
    }

    #[test]
    fn said_i_is_the_narrator_not_a_person_named_i() {
        // "I." had been read as an initial, a person, whom the next "he" resolved to as well.
        let who = speakers_of(&[
            "“What are you doing here, Bartleby?” said I.",
            "“Sitting upon the banister,” he mildly replied.",
        ]);
        assert_eq!(who, ["-", "-"]);
    }

    #[test]
    fn split_quote_shares_one_speaker_and_group() {
        let x = extract(&["\"I can tell you, Mr. President, that we stand with you,\" Blinken said. \"Partners do as well.\""]);
        assert_eq!(x.quotes.len(), 2);
        assert_eq!(x.quotes[1].group, 0);
        assert_eq!(x.quotes[0].speaker, x.quotes[1].speaker);
    }

    #[test]
    fn signed_quotations_in_one_block_are_each_their_signers() {
        let who = speakers_of(&[
            "“He is ignorant of our culture and lives.” ― Pamela Padilla\n\
             “I’m so ashamed to be an American today.” ― Jacklyn Ashley",
        ]);
        assert_eq!(who, ["Pamela Padilla", "Jacklyn Ashley"]);
    }

    #[test]
    fn a_signature_on_the_line_after_a_pull_quote_names_its_speaker() {
        let who = speakers_of(&[
            "“We will never give up on this city.”",
            "— Jane Doe, chief executive of Acme",
            "Marie Dupont said the plan would work.",
            "“Nobody expected this to go so well for the city.”",
            "— a caption credit by John Smith",
        ]);
        // (a quotation already given to someone keeps its speaker)
        assert_eq!(who, ["Jane Doe", "Marie Dupont"]);
    }

    #[test]
    fn a_bare_plural_of_a_role_after_a_quotation_speaks() {
        let who = speakers_of(&[
            "“Prices will rise,” economists at Goldman Sachs wrote in a note to clients.",
            "“We are watching,” diplomats in Brussels said.",
        ]);
        assert_eq!(who, ["economists", "diplomats"]);
    }

    #[test]
    fn places_and_systems_are_nobody() {
        let who = speakers_of(&[
            "Rep. Brian Babin chaired the hearing.",
            "NASA wants to fly its Human Landing System by 2024.",
            "“Switching horses midstream is not a wise move,” he continued.",
        ]);
        assert_eq!(who, ["Brian Babin"]);
    }

    #[test]
    fn a_middle_initial_a_is_part_of_the_name() {
        let got = said(&["“We woke up from our long slumber today,” said Julie A. Diaz, a nurse."]);
        assert_eq!(got[0].0, "Julie A. Diaz");
    }

    #[test]
    fn a_name_after_a_quotation_s_comma_is_its_speaker_whatever_the_verb() {
        let who = speakers_of(&[
            "Salesforce chief Marc Benioff interviewed Tim Cook on stage.",
            "“We need more data,” said analyst John Smith.",
            "“We all miss Steve so much,” Benioff weighed in.",
            "“Nope. We have no idea what he can do,” Kacchan gestured with a finger.",
        ]);
        // (Kacchan, never introduced, is no one the rules can name; but not the speaker before)
        assert_eq!(who, ["John Smith", "Marc Benioff", "-"]);
    }

    #[test]
    fn the_words_after_an_office_s_of_or_for_are_the_office_not_the_name() {
        let who = speakers_of(&[
            "“We will act,” Minister for Foreign Affairs Simon Coveney said on Monday.",
            "“The evidence is weak,” Director of Public Prosecution Eva-Marie Persson said.",
            "“It is over,” said Chief of Staff John F. Kelly.",
            "“I have no comment,” Governor of Texas Greg Abbott said.",
            "“It is a dictatorship,” the Council on American-Islamic Relations National Executive Director Nihad Awad said.",
            "“We will respond,” Secretary of Defense Austin said.",
        ]);
        assert_eq!(
            who,
            [
                "Simon Coveney",
                "Eva-Marie Persson",
                "John F. Kelly",
                "Greg Abbott",
                "Nihad Awad",
                "Austin"
            ]
        );
    }

    #[test]
    fn a_capitalized_description_before_a_full_name_is_no_part_of_it() {
        let who = speakers_of(&[
            "Singer Tom Johnston was there. “We loved it,” Johnston said.",
            "“We loved it,” Singer-songwriter Tom Johnston said.",
            "Comedian Sarah Silverman took the stage. “It was fun,” Silverman said.",
            // one word after it: a first name as likely ("Ally" is a role noun too)
            "“We made it,” Ally Brooke said.",
        ]);
        assert_eq!(
            who,
            [
                "Tom Johnston",
                "Tom Johnston",
                "Sarah Silverman",
                "Ally Brooke"
            ]
        );
    }

    #[test]
    fn one_name_that_speaks_and_is_then_he_or_she_is_a_person() {
        let who = speakers_of(&[
            "PlutoPete, a vendor from the original Silk Road, sent packaging.",
            "ScreamMyName told me that so far he had raised enough. “It is young,” he says.",
            // an organisation says "it"
            "Reuters reported that it had seen the files. “We saw them,” Silk Road said.",
        ]);
        assert_eq!(who, ["ScreamMyName", "Silk Road"]);
    }

    #[test]
    fn an_owner_s_possessive_before_a_surname_is_no_first_name() {
        let who = speakers_of(&[
            "Rachel Stephens, senior analyst at RedMonk, shared her view.",
            "According to RedMonk’s Stephens, “We are in a cash-constrained environment.”",
        ]);
        assert_eq!(who, ["Rachel Stephens"]);
    }

    #[test]
    fn a_body_named_with_what_it_is_of_speaks_as_a_whole() {
        let who = speakers_of(&[
            "“The decision does not modify existing law,” the United Nations High Commissioner for Human Rights said.",
            "The Governor's Office of Emergency Services said the response was “unacceptable”.",
            "“We need more time,” the Council on Foreign Relations said.",
            "“Go,” the Democratic National Convention said.",
        ]);
        assert_eq!(
            who,
            [
                "the United Nations High Commissioner for Human Rights",
                "Office of Emergency Services",
                "the Council on Foreign Relations",
                "the Democratic National Convention"
            ]
        );
    }

    #[test]
    fn one_name_after_the_verb_that_follows_a_quotation_is_a_person() {
        let who = speakers_of(&[
            "“I would prefer to be left alone here,” said Bartleby, as if offended.",
            "“I prefer not to,” he replied.",
            "„Wir schaffen das“, sagte Scholz.",
            "“We are cooperating,” Google said.",
        ]);
        assert_eq!(who, ["Bartleby", "Bartleby", "Scholz", "Google"]);
    }

    #[test]
    fn the_owner_of_a_document_speaks_without_its_possessive() {
        let got = said(&[
            "According to Mozilla's manifesto, \"The Mozilla project uses a community-based approach to create software\".",
        ]);
        assert_eq!(got[0].0, "Mozilla");
    }

    #[test]
    fn a_description_may_open_with_a_date() {
        let got = said(&["“They are wrong about all of it,” said 9/11 widow Terry Strada."]);
        assert_eq!(got[0].0, "Terry Strada");
    }

    #[test]
    fn a_characterization_in_quotes_is_the_subjects() {
        let who = speakers_of(&[
            "In recent weeks, Harry Reid has gone after Trump as a “human leech who will bleed the country.”",
            "Donald Trump openly admires Vladimir Putin as a “strong leader,” comparing him favorably.",
        ]);
        assert_eq!(who, ["Harry Reid", "Donald Trump"]);
    }

    #[test]
    fn mr_with_a_surname_is_no_woman_of_that_name() {
        let got = said(&[
            "Donald Trump spoke first. Ivana Trump said she had left New York.",
            "Back in 1999, Mr. Trump said: “We will build the tower next year.”",
        ]);
        assert_eq!(got[0].0, "Donald Trump");
    }

    #[test]
    fn a_document_speaks_for_whoever_filed_it() {
        let got = said(&[
            "According to a civil complaint filed by the federal Securities and Exchange Commission, the developers engaged in a “massive fraudulent scheme.”",
            "“The defendant lied repeatedly,” according to a statement from the Department of Justice.",
            "“Sales will fall,” according to a statement from Jane Doe.",
        ]);
        let who: Vec<&str> = got.iter().map(|(who, _)| who.as_str()).collect();
        assert_eq!(
            who,
            [
                "the Securities and Exchange Commission",
                "the Department of Justice",
                "Jane Doe"
            ]
        );
    }

    #[test]
    fn name_inside_the_quote_is_never_the_speaker() {
        let got = said(&["\"Mr. President Joe Biden asked me to come here today,\" he said."]);
        assert_eq!(got[0].0, "-");
    }

    #[test]
    fn continuation_paragraph_keeps_the_speaker() {
        let got = said(&[
            "\"We will win this fight and nobody will stop us,\" said Jane Doe, a spokeswoman.",
            "\"And we will do it together, with all our partners.\"",
        ]);
        assert_eq!(got[1].0, "Jane Doe");
    }

    #[test]
    fn a_plain_speech_verb_before_another_quotation_is_that_ones() {
        let got = said(&[
            "Both men issued a statement, Jane Doe saying she was “very pleased” and Tom Poe calling it a “great day for the town.”",
            "Ann Lee repeated accusations that Tom Poe recites the same campaign points, calling him a “nice guy” when asked to “read a script.”",
            "Mayor Al Fox denounced what he called the “gloomy” plan - saying it fanned “fear and anger.”",
        ]);
        assert_eq!(got[1].0, "Tom Poe");
        assert_eq!(got[3].0, "Ann Lee");
        assert_eq!(got[5].0, "Al Fox");
    }

    #[test]
    fn a_word_opening_a_sentence_is_no_first_name() {
        let speaker_after = |opening: &str| {
            let got = said(&[
                "Jon Ames runs the club.",
                opening,
                "“We are ready for the season,” Ames said.",
            ]);
            got.last().unwrap().0.clone()
        };
        assert_eq!(speaker_after("Does Ames care? Nobody knows."), "Jon Ames");
        assert_eq!(speaker_after("Would Ames care? Nobody knows."), "Jon Ames");
        assert_eq!(speaker_after("Enter Ames, a graduate of Yale."), "Jon Ames");
        assert_eq!(speaker_after("Outside Ames's club, fans wait."), "Jon Ames");
        assert_eq!(
            speaker_after("Said Ames, “Thanks to all of you.”"),
            "Jon Ames"
        );
        assert_eq!(speaker_after("Praising Ames, the mayor spoke."), "Jon Ames");
        assert_eq!(speaker_after("Top Ames aides left."), "Jon Ames");
        // a headline in title case
        assert_eq!(
            speaker_after("Poe Sorry For Telling Fans Ames Had Quit"),
            "Jon Ames"
        );
    }

    #[test]
    fn a_surname_alone_is_the_person_of_that_name_mentioned_last() {
        let got = said(&[
            "Jon Ames opened the fair on Friday.",
            "His daughter, Ann Ames, spoke on Saturday.",
            "On Sunday Jon Ames came back. “We will be here again next year,” Ames said.",
        ]);
        assert_eq!(got[0].0, "Jon Ames");
    }

    #[test]
    fn a_plural_title_is_no_first_name() {
        let got = said(&[
            "Ann Foner teaches history at the college.",
            "Professors Foner and Alba wrote the study. “It was a long road,” Foner said.",
        ]);
        assert_eq!(got[0].0, "Ann Foner");
    }

    #[test]
    fn one_word_after_title_of_is_a_place_not_a_person() {
        let got = said(&[
            "''We are ready to go on,'' said Senator John Holt, Democrat of Vermont. He predicted the campaign would ''work for everyone in the state.''",
        ]);
        assert_eq!(got[1].0, "John Holt");
    }

    #[test]
    fn he_said_is_the_person_who_just_spoke_not_one_known_to_be_he() {
        let got = said(&[
            "Mr. Trump raised his demands again, officials said.",
            "Eswar Prasad, a trade professor, said the talks were fragile. \"Hyping up expectations makes any deal less likely,\" he said.",
        ]);
        assert_eq!(got[0].0, "Eswar Prasad");
    }

    #[test]
    fn one_word_is_a_quote_only_as_a_speakers_word() {
        let got = said(&[
            "Eric Reeves said he was “appalled” that the sanctions were lifted.",
            "The so-called “experts” never came. Fans call him “Mustang”.",
            "Kremlin spokesman Dmitry Peskov said the talks were “constructive.”",
        ]);
        assert_eq!(
            got,
            [
                ("Eric Reeves".to_owned(), "appalled".to_owned()),
                ("Dmitry Peskov".to_owned(), "constructive.".to_owned())
            ]
        );
    }

    #[test]
    fn one_word_said_as_a_sentence_of_its_own_is_a_quote() {
        let got = said(&[
            "“No,” Marie Dupont said. She added: “Never.”",
            "His favourite film: “Jaws.” He called the plan “Godzilla,” a nickname.",
        ]);
        assert_eq!(
            got,
            [
                ("Marie Dupont".to_owned(), "No".to_owned()),
                ("Marie Dupont".to_owned(), "Never.".to_owned())
            ]
        );
    }

    #[test]
    fn he_said_is_the_speaker_of_the_sentence_not_a_person_named_after_him() {
        let got = said(&[
            "Ted Cruz said he was glad the fight with Donald Trump was over.",
            "Cruz spokesman Rick Tyler said the campaign will contrast Cruz and Trump, as Cruz has \"guiding principles to make critical decisions,\" he said.",
        ]);
        assert_eq!(got[0].0, "Rick Tyler");
    }

    #[test]
    fn a_sentence_ends_inside_the_quotation_marks() {
        let got = said(&[
            "Hillary Clinton wrote on Twitter that the videos should come out \"without delay.\" Donald Trump bemoaned the unrest and said drugs were a \"very, very big factor\" in it.",
        ]);
        assert_eq!(got[1].0, "Donald Trump");
    }

    #[test]
    fn he_said_takes_up_the_person_who_opened_the_sentence_before() {
        let got = said(&[
            "Kurt Volker and Tim Morrison testified. Volker said he knew nothing of it.",
            "Morrison was the third witness on the call. He said he worried about \"political consequences\" of the summary.",
        ]);
        assert_eq!(got[0].0, "Tim Morrison");
    }

    #[test]
    fn he_is_the_subject_of_the_paragraph_before_not_a_man_merely_named_in_it() {
        let got = said(&[
            "“We will win Iowa,” Ted Cruz said on Monday.",
            "“He is wrong,” said Marco Rubio. Mr. Rubio spoke in Iowa.",
            "Mr. Cruz has sharpened his language amid attacks from Senator Marco Rubio over immigration.",
            "He has coined a new phrase, “undocumented Democrats,” to describe those in the country illegally.",
        ]);
        assert_eq!(got[2].0, "Ted Cruz", "{got:?}");
    }

    #[test]
    fn a_sentence_opening_pronoun_is_the_subject_of_its_participle() {
        let got = said(&[
            "Zippy Duvall, the president of the Farm Bureau, wrote to the White House.",
            "He urged Mr. Trump to make a deal as soon as possible, saying \"time is running out for many in agriculture.\"",
        ]);
        assert_eq!(got[0].0, "Zippy Duvall");
    }

    #[test]
    fn a_statement_speaks_for_whoever_issued_it() {
        let got = said(&[
            "On Monday, Big Machine Records issued a statement about the awards.",
            "The statement claimed that the companies had \"come to terms on a licensing agreement for the show.\" The agreement maintained that it covered other artists.",
        ]);
        assert_eq!(got[0].0, "Big Machine Records");
    }

    #[test]
    fn a_name_signed_after_a_fragment_that_ends_the_sentence_is_the_writers() {
        let got = speakers_of(&[
            "Rajoy said Monday that he will \"try to form a stable government\" and insisted that his party was \"still the No. 1 force in Spain.\"--Kim Hjelmgaard.",
        ]);
        assert_eq!(got, ["Rajoy", "Rajoy"]);
        // … but with no cue before it, the signer's: a signed comment
        let got =
            speakers_of(&["And that is all he has, \"the root of all evil.\" ― Christina Lastra"]);
        assert_eq!(got, ["Christina Lastra"]);
        // a whole quotation signed so is the signer's
        let got =
            speakers_of(&["\"We will build it, and we will build it on time.\" — Kim Hjelmgaard"]);
        assert_eq!(got, ["Kim Hjelmgaard"]);
    }

    #[test]
    fn a_name_reporting_a_clause_after_a_closed_quotation_opens_a_new_sentence() {
        let got = speakers_of(&[
            "\"It's a very sad development,\" Cruz told reporters. \"This is the consequence of the culture of the Trump campaign.\" Ohio Gov. John Kasich said he would have fired Lewandowski.",
        ]);
        assert_eq!(got, ["Cruz", "Cruz"]);
        // a name and its verb alone after it, or a pronoun, still say it
        assert_eq!(
            speakers_of(&["\"We will win this state.\" Trump said."]),
            ["Trump"]
        );
        let got = speakers_of(&[
            "Ted Cruz spoke first.",
            "\"We will win this state.\" He said that the race was over.",
        ]);
        assert_eq!(got, ["Ted Cruz"]);
    }

    #[test]
    fn a_number_opening_a_sentence_is_no_name() {
        let got = speakers_of(&[
            "Al Sharpton left no doubt that he would endorse.",
            "Eight years ago, he supported Barack Obama and said, \"Hillary Clinton has never done nothing for us.\"",
        ]);
        assert_eq!(got, ["Al Sharpton"]);
    }

    #[test]
    fn a_quote_paragraph_after_a_sentence_about_a_person_is_theirs() {
        let got = said(&[
            "Richard Viguerie is upbeat about the race, in part because he sees Cruz as a uniter.",
            "\"Not only can Ted Cruz win in November, he's the one with the best chance.\"",
            "\"Would it be negotiable?\" Hannity pressed.",
        ]);
        assert_eq!(got[0].0, "Richard Viguerie");
        assert_eq!(got[1].0, "Hannity");
        // a paragraph with words of its own beside the quotation is not a lone quotation
        let got = said(&[
            "Richard Viguerie is upbeat about the race.",
            "\"Cruz can win,\" the crowd chanted all night long.",
        ]);
        assert_ne!(got.first().map(|q| q.0.as_str()), Some("Richard Viguerie"));
    }

    #[test]
    fn a_colon_after_a_sentence_about_a_person_introduces_their_words() {
        let got = said(&[
            "On July 6, 2015, Bernie Sanders made the following comment:",
            "\"For young people who have graduated high school, the rate is 33 percent.\"",
            "Sanders offered a blunt assessment: \"We need change.\"",
            "Wait, it gets better:",
            "\"By law, the president sets the maximum number of refugees.\"",
            "Stay Connected:",
            "\"$53 million a week is coming across the border in drugs.\"",
            "Stated Stone:",
            "\"The stakes are so high.\"",
        ]);
        assert_eq!(got[0].0, "Bernie Sanders");
        assert_eq!(got[1].0, "Bernie Sanders");
        // "Wait" names no one, nor does a label over a list of links
        assert_eq!(got[2].0, "-");
        assert_eq!(got[3].0, "-");
        assert!(got[4].0.ends_with("Stone"), "{got:?}");
    }

    #[test]
    fn a_sentence_about_someones_words_quotes_them() {
        let got = said(&[
            "Marco Rubio’s catch phrase in that race was that Crist “would say or do anything to win an election.”",
            "Mitt Romney’s “47 percent” comment was nearly as dismissive.",
            "Hillary Clinton’s response was: “Is Dalton Brody off Conn or Wisconsin?”",
            // (a conjunction opening the sentence is no subject)
            "But Bradley Podliska’s most explosive claim is that the panel is a “witch hunt.”",
            // no noun of words: the owner's feelings are not quoted
            "Marco Rubio’s mood was “pretty good,” by all accounts.",
            // a term, not words: nobody is quoted
            "Izuku caught the phrase “liquid body” from the reporter.",
        ]);
        assert_eq!(got[0].0, "Marco Rubio");
        assert_eq!(got[1].0, "Mitt Romney");
        assert_eq!(got[2].0, "Hillary Clinton");
        assert_eq!(got[3].0, "Bradley Podliska");
        assert!(got[4..]
            .iter()
            .all(|(who, text)| who == "-" && text != "liquid body"));
    }

    #[test]
    fn a_single_word_before_a_colon_labels_an_example_not_a_speaker() {
        let got = speakers_of(&[
            "So you should only use literally when you mean it. Example: “That was so funny I literally cried.”",
            "When everyone approaches the website with that intention, they all start to ask “what is possible?”",
        ]);
        assert_eq!(got, ["-", "-"]);
    }

    #[test]
    fn a_verb_after_a_closed_quotation_that_introduces_the_next_one_is_that_ones() {
        let got = speakers_of(&[
            "Hillary Clinton wrote to her aide Cheryl Mills.",
            "Clinton responds to Mills with, “Why now? That was on my way to Libya?” Mills then writes back, “You look cute.”",
        ]);
        assert_eq!(got, ["Hillary Clinton", "Cheryl Mills"]);
    }

    #[test]
    fn a_person_of_a_named_body_speaks_for_it() {
        let got = speakers_of(&[
            "John Smith of the Heritage Foundation said, “We have suffered the same fate.”",
            "The leader of the Anti-Defamation League, Jonathan Greenblatt, warned that such a ban would be “unacceptable and antithetical to American values.”",
        ]);
        assert_eq!(got, ["John Smith", "Jonathan Greenblatt"]);
    }

    #[test]
    fn a_role_written_as_an_acronym_describes_a_person() {
        let got = speakers_of(&[
            "Apple CEO Tim Cook spoke on Monday.",
            "“We are growing,” the CEO said.",
            "Customers want “financial health,” as one neo-bank CEO told me.",
        ]);
        assert_eq!(got, ["Tim Cook", "one neo-bank CEO"]);
    }

    #[test]
    fn and_inside_a_bodys_name_is_part_of_it() {
        let got = speakers_of(&[
            "The Department of Health and Human Services said, “We object.”",
            "“We object,” said the Securities and Exchange Commission.",
            "“We object,” the Food and Drug Administration said.",
            "But, as the Joint Committee on Intelligence and Security has pointed out, it would be used “for the purpose of determining the identity of a journalist’s sources”.",
            // two speakers, or a person and a body, stay apart
            "Trump and Fox News said, “We object.”",
        ]);
        assert_eq!(
            got,
            [
                "the Department of Health and Human Services",
                "the Securities and Exchange Commission",
                "the Food and Drug Administration",
                "the Joint Committee on Intelligence and Security",
                "Fox News",
            ]
        );
    }

    #[test]
    fn a_long_participle_phrase_before_the_subject_is_skipped() {
        let got = speakers_of(&[
            "Bernie Sanders spoke in Ohio.",
            "Responding to the publication of part of the Republican presidential nominee’s 1995 state tax return, Sanders on Tuesday said he wants to “close the loopholes.”",
        ]);
        assert_eq!(got, ["Bernie Sanders"]);
    }

    #[test]
    fn a_fragment_quoted_in_a_sentence_about_a_person_is_theirs() {
        let got = said(&[
            "In the depths of the recession, Paul Ryan worried that the safety net was becoming “a hammock that lulls people.”",
            "Filling in for Sanders at the event, Cornel West landed a sharp dig at “my dear sister Hillary Clinton.”",
            // someone else's clause stands between the subject and the quotation
            "Barack Obama has had a frosty relationship with Mitch McConnell, who in 2010 said the goal was to make Obama a “one-term president.”",
            // the quotation is the predicate: someone else's words about the subject
            "Joe Biden “kind of misspoke about the constitution today.”",
            // a speech verb right after the quotation names its speaker
            "Tim Kaine had “wanted to be a pilot since he was five,” his childhood friend told CNN.",
        ]);
        assert_eq!(got[0].0, "Paul Ryan");
        assert_eq!(got[1].0, "Cornel West");
        assert!(got[2..4].iter().all(|(who, _)| who == "-"), "{got:?}");
        assert_eq!(got[4].0, "his childhood friend");
    }

    #[test]
    fn a_description_opened_by_a_possessive_pronoun_speaks() {
        let got = said(&[
            "Hillary Clinton spoke in Iowa on Monday.",
            "Her campaign said: “We will win this state in November.”",
            "“We are very happy with the result today,” their lawyer told reporters.",
            // a thing of an owner named before is no speaker
            "Win Htein said that according to its analysis, the party had won, but “we are still counting the seats.”",
            // a first name after a kin's description is theirs; an owner named first speaks
            "“The drug was in her system, there was no antidote,” her mother, Fiona, said.",
            "“We suggest that the outgassing occurs at lower levels,” Lucas Paganini and his team wrote.",
        ]);
        assert_eq!(got[0].0, "Her campaign");
        assert_eq!(got[1].0, "their lawyer");
        assert_eq!(got[2].0, "Win Htein");
        assert_eq!(got[3].0, "Fiona");
        assert_eq!(got[4].0, "Lucas Paganini");
    }

    #[test]
    fn whose_a_description_is_named_after_it_belongs_to_it() {
        let got = said(&[
            "“We are not going to comment on that,” said a longtime adviser to Bill Clinton.",
            "“The text says nothing of the kind,” a spokeswoman for the House Armed Services Committee said.",
            // (not a possessive's owner alone)
            "“We have a ton of work to do,” said a spokesman for Trump’s campaign.",
        ]);
        assert_eq!(got[0].0, "a longtime adviser to Bill Clinton");
        assert_eq!(
            got[1].0,
            "a spokeswoman for the House Armed Services Committee"
        );
        assert_eq!(got[2].0, "a spokesman");
    }

    #[test]
    fn words_reported_after_that_are_the_claimants() {
        let got = said(&["But even as Donald Trump claimed on Tuesday that “General Petraeus got in trouble for far less,” one of the former prosecutors for David Petraeus said the cases differ."]);
        assert_eq!(got[0].0, "Donald Trump");
    }

    #[test]
    fn a_participle_after_an_inverted_attribution_is_the_speakers() {
        let got = said(&["\"It is good strategy,\" said Ed Rendell, a former Pennsylvania governor, referring to the endorsements. \"In a general election, cities can be crucial.\""]);
        assert_eq!(got[1].0, "Ed Rendell");
    }

    #[test]
    fn a_place_phrase_may_stand_between_speaker_and_verb() {
        let got = said(&[
            "Protesters marching through the streets chanted \"What curfew?\" and kept going.",
        ]);
        assert_eq!(got[0].0, "Protesters");
    }

    #[test]
    fn a_speech_word_read_as_a_noun_is_no_cue() {
        // "message" is a noun here: the campaign does not speak, Obama does (colon rule)
        let got = said(&[
            "President Barack Obama is rolling out a new campaign message: \"It's about me.\"",
        ]);
        assert_eq!(got[0].0, "Barack Obama");
        let got = said(&["\"It's about me,\" officials message."]);
        assert_eq!(got[0].0, "officials");
    }

    #[test]
    fn a_speech_word_after_a_singular_article_and_a_word_is_a_noun() {
        // "a Headers object", "a press call": no subject and its verb, whatever the word between
        let got = said(&["Possible values for a Headers object are \"request\" and \"none\"."]);
        assert!(got.is_empty(), "{got:?}");
        let got = said(&["Her campaign's leaders, on a press call Friday, accused Sanders of \"misrepresenting what had occurred.\""]);
        assert!(got.iter().all(|(who, _)| who != "a press"), "{got:?}");
        // a plural subject keeps its verb
        assert_eq!(
            speakers_of(&["Protesters object that \"the new rules favor the landlords.\""]),
            ["Protesters"]
        );
        // "the term" names a term, and a term is no quotation ("termed the deal “…”" is a verb)
        let got = said(&["The term \"quiet quitting\" went viral on TikTok last year."]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_speech_word_s_plural_after_a_determiner_is_a_noun() {
        // "the notes" is no verb whose subject "Looking" would be a group for "they"; nor is a
        // gerund opening a sentence a name ("Being pushed to repeat …")
        for (opener, not_a_group) in [
            ("Looking at the notes now, they scream of fear.", "Looking"),
            (
                "Being pushed to repeat old, failing strategies scared us.",
                "Being",
            ),
        ] {
            let got = said(&[
                opener,
                "They reported similar fears but followed with \"print advertising is keeping us afloat.\"",
            ]);
            assert!(got.iter().all(|(who, _)| who != not_a_group), "{got:?}");
        }
        assert_eq!(
            speakers_of(&["Elizabeth Warren notes that \"the rules have changed since then.\""]),
            ["Elizabeth Warren"]
        );
    }

    #[test]
    fn another_before_a_speech_verb_is_someone_unnamed() {
        let got = speakers_of(&[
            "\"Trump is very cute with a big mouth,\" one user wrote.",
            "Another tweeted, \"Clinton thinks she is above the rules and the law.\"",
        ]);
        assert_eq!(got, ["one user", "Another"]);
    }

    #[test]
    fn a_word_otherwise_no_name_is_a_surname_after_a_first_name_or_before_said() {
        let got = speakers_of(&[
            "Prime Minister Theresa May met European leaders in Brussels on Tuesday.",
            "\"We will leave on time,\" May said. \"There is no other option.\"",
            "Al From, who founded the council, spoke to reporters.",
            "\"We needed Wall Street,\" From said.",
        ]);
        assert_eq!(got, ["Theresa May", "Theresa May", "Al From"]);
        // A month, or a word of a title-case headline, stays no name.
        let got = speakers_of(&[
            "Jon Ames met voters on Monday.",
            "Ames May Visit Cuba Next Week, Says Trip Is \"a great honor for all of us\"",
            "In May, Ames said the plan was \"a total disgrace.\"",
        ]);
        assert_eq!(got, ["Jon Ames", "Jon Ames"]);
    }

    #[test]
    fn a_lone_quotation_after_a_speech_sentence_is_its_subjects() {
        let got = said(&["Swift's rep told Fox News that this was not the whole truth. \"Big Machine is trying to deflect and make this about money.\""]);
        assert_eq!(got[0].0, "Swift's rep");
    }

    #[test]
    fn a_role_of_a_named_owner_is_someone_whose_role_names_the_owner() {
        let who = speakers_of(&[
            "“We have been clear,” State Department spokesman Matthew Miller told reporters.",
            "Prime Minister Keir Starmer's spokesman said: “The government will not comment.”",
            "“Ready,” said Cruz spokesman Rick Tyler.",
            "“We are confident,” Cruz's spokesman said.",
        ]);
        assert_eq!(
            who,
            [
                "Matthew Miller",
                "Starmer's spokesman",
                "Rick Tyler",
                "Rick Tyler"
            ]
        );
    }

    #[test]
    fn a_name_with_a_plural_verb_is_a_group_for_they() {
        let got = said(&[
            "Big Machine have twice denied doing anything wrong.",
            "\"At no point did we say she could not perform on the show,\" they said in a statement.",
        ]);
        assert_eq!(got[0].0, "Big Machine");
    }

    #[test]
    fn the_object_of_a_transitive_speech_verb_is_not_the_speaker() {
        let got = said(&["The ministries accused U.S. forces of controlling \"bandit formations that attack the camp\" in the south."]);
        assert_ne!(got[0].0, "U.S.");
        let got = said(&["The senator told CNN \"we will not back down on this bill\" on Sunday."]);
        assert_ne!(got[0].0, "CNN");
    }

    #[test]
    fn scare_quotes_and_titles_are_not_quotes() {
        assert!(
            said(&["The so-called \"experts\" watched \"Saturday Night Live\" again."]).is_empty()
        );
    }

    #[test]
    fn the_first_word_of_a_place_alone_names_nobody() {
        let got = said(&["New signs in stores appeared this month, spelling out the value proposition: “New lower prices. Same high standards,” reads one."]);
        assert_eq!(got.len(), 1);
        assert!(got.iter().all(|(who, _)| who != "New"), "{got:?}");
    }

    #[test]
    fn a_title_with_an_ampersand_is_still_a_title() {
        let got = said(&["Wednesday on Fox News Channel’s “Fox & Friends,” Rep. Michael McCaul discussed a bill against “extreme carelessness” with classified information, he said."]);
        assert!(got.iter().all(|(_, q)| q != "Fox & Friends"), "{got:?}");
    }

    #[test]
    fn the_attribution_ending_a_sentence_covers_its_earlier_fragments() {
        let vesey = || "Andy Vesey".to_owned();
        assert_eq!(
            said(&["The outages have been “terribly disruptive” and PG&E is taking steps, but “we won’t roll the dice on public safety,” company CEO Andy Vesey said."]),
            [
                (vesey(), "terribly disruptive".to_owned()),
                (vesey(), "we won’t roll the dice on public safety".to_owned()),
            ]
        );
        // not past the end of the writer's sentence, nor past a quotation that ends one
        for text in [
            "The outages were “terribly disruptive” for days. “We will not do it again,” Andy Vesey said.",
            "The outages were “terribly disruptive” by the “old rules.” “We will not do it again,” Andy Vesey said.",
        ] {
            let got = said(&[text]);
            assert!(
                !got.contains(&(vesey(), "terribly disruptive".to_owned())),
                "{got:?}"
            );
        }
    }

    #[test]
    fn asked_inverts_like_said() {
        // not the subject of "denies" earlier in the writer's sentence
        let got = said(&["If the plan fails, as critics fear but the ministry strongly denies, \"why not try again?\" asked Jane Dunn, now a partner at a law firm. \"It is only prudent to raise that.\""]);
        assert_eq!(got[1].0, "Jane Dunn");
    }

    #[test]
    fn a_participle_after_a_comma_inside_the_marks_is_the_subjects() {
        let got = said(&[
            "Jane Kerpen needled the TV “reporter,” saying, “A reporter who tweets on request!”",
        ]);
        assert_eq!(got[0].0, "Jane Kerpen");
        // a capitalized "Former" opening a description is no name
        let got = said(&["Former prosecutor and city mayor Rudy Giuliani trashed Comey on “Morning Joe,” calling it a “no-brainer” to prosecute."]);
        assert!(got.iter().all(|q| q.0 != "Former"), "{got:?}");
    }

    #[test]
    fn two_opening_adverbials_before_the_subject() {
        let got = said(&["On Thursday, after staying neutral for months, Jane Warren endorsed the mayor, saying, “She is the fighter this city needs.”"]);
        assert_eq!(got[0].0, "Jane Warren");
        // a determiner after the first adverbial opens the subject itself
        let got = said(&["Jane Warren spoke first. In December, the prince called for a recount, calling it “a disgrace to the whole country.”"]);
        assert_ne!(got[0].0, "Jane Warren");
    }

    #[test]
    fn an_opening_preposition_is_no_name() {
        let got = said(&["Like Corker, Bob Menendez also rejected the notion, arguing that there is “flexibility for the administration” in the regime."]);
        assert_eq!(got[0].0, "Bob Menendez");
    }

    #[test]
    fn state_after_of_is_a_noun_not_a_speech_verb() {
        let got = said(&["Former secretary of state Hillary Rodham Clinton: \"We learned that from the department and its analysis of the e-mails.\""]);
        assert_eq!(got[0].0, "Hillary Rodham Clinton");
    }

    #[test]
    fn went_on_to_say_is_the_subjects() {
        let got = said(&[
            "Jane Bryne went on to say, “From the bottom of my soul, I know this to be true.”",
        ]);
        assert_eq!(got[0].0, "Jane Bryne");
        let got = said(&["Jane Bryne chose not to respond to claims that her backers wage “profane and sexist” attacks."]);
        assert_ne!(got[0].0, "Jane Bryne");
    }

    #[test]
    fn a_dateline_or_headline_ends_at_its_dash() {
        let got = said(&[
            "BOSTON, Mass. (AP) — Mayor Jane Doe has attacked the plan, saying that \"short cuts\" cost more.",
            "POLLS WERE NOT WRONG, JUST EARLY - Mark Smith and Ann Lee: \"The polls failed to predict the result.\"",
        ]);
        assert_eq!(got[0].0, "Jane Doe");
        assert_eq!(got[1].0, "Ann Lee");
        // a name before a dash in running text is no dateline
        let got =
            said(&["Jason Sims — a teacher from Mount Pleasant — says \"we will stay here.\""]);
        assert_eq!(got[0].0, "Jason Sims");
    }

    #[test]
    fn a_name_after_an_article_is_a_place_not_a_person() {
        let got = said(&[
            "Jane Roe watched the parade from the Grand Plaza.",
            "\"It was a day to remember,\" she said.",
        ]);
        assert_eq!(got[0].0, "Jane Roe");
    }

    #[test]
    fn a_contraction_is_no_name_and_presents_the_name_after_it() {
        let got = said(&["Here’s Jane Doe in 1992: \"We will win this race in the fall.\""]);
        assert_eq!(got[0].0, "Jane Doe");
        let got = said(&["It’s become a habit: \"We will win this race in the fall.\""]);
        assert_eq!(got[0].0, "-");
    }

    #[test]
    fn one_word_after_an_acronym_is_no_person() {
        let got = said(&[
            "Jane Roe spoke to NBC Boston on Friday.",
            "\"We are ready,\" she said.",
        ]);
        assert_eq!(got[0].0, "Jane Roe");
    }

    #[test]
    fn the_words_before_a_possessive_name_the_owner_not_the_person() {
        let got = said(&[
            "The Herald's Tom Poe wrote about the parade.",
            "\"It was a day to remember,\" he said.",
        ]);
        assert_eq!(got[0].0, "Tom Poe");
    }

    #[test]
    fn organisation_and_unnamed_sources() {
        let got = said(&[
            "\"We support Ukraine in this fight,\" the White House said in a statement.",
            "\"Nothing has changed at the border,\" a CBP spokesperson said.",
        ]);
        assert_eq!(got[0].0, "the White House");
        assert_eq!(got[1].0, "a CBP spokesperson");
    }

    #[test]
    fn the_spokeswoman_is_no_man_who_spoke_before() {
        let got = said(&[
            "Mr. Smith spoke on Monday. “We are ready,” he said.",
            "The spokeswoman said the plan was “dead on arrival.”",
        ]);
        assert_eq!(got[1].0, "The spokeswoman");
        // nothing known of the gender: the description may still be the last speaker
        let got = said(&[
            "Jane Roe spoke on Monday. “We are ready,” Roe said.",
            "The spokeswoman said the plan was “dead on arrival.”",
        ]);
        assert_eq!(got[1].0, "Jane Roe");
    }

    #[test]
    fn an_auxiliary_stands_between_speaker_and_verb() {
        let got = said(&["Sheldon Rowe did say he found the candidate “very charming and nice.”"]);
        assert_eq!(got[0].0, "Sheldon Rowe");
        // "since" after an auxiliary is an adverb of time
        let got = said(&["Mr. Trump has since said that a signing would take place in “farm country,” but the Chinese balked."]);
        assert_eq!(got[0].0, "Trump");
    }

    #[test]
    fn two_words_of_a_speech_sentence_are_a_partial_quote() {
        // no cue of its own ("who … said"), but a speech verb in its sentence
        let got = said(&["Jane Roe, who in 2010 said the party's main goal was to make him a “one-term mayor,” spoke again."]);
        assert!(got.iter().any(|q| q.1 == "one-term mayor"), "{got:?}");
        // the speech verb of the next sentence does not count
        let got = said(&["The paper counted and found there had been “3,210 shooting victims” by May. The council then pointed out the gap."]);
        assert!(got.is_empty(), "{got:?}");
        // a noun of speech counts too
        let got = said(&["Jane Roe spoke. The site fact-checked her claim that there have been “thousands of shootings” this year."]);
        assert!(
            got.iter().any(|q| q.1 == "thousands of shootings"),
            "{got:?}"
        );
    }

    #[test]
    fn a_hyphenated_title_is_a_title_not_part_of_the_name() {
        let x = extract(&[
            "NATO Secretary-General Jens Stoltenberg met the ministers.",
            "“Our defense is strong,” Stoltenberg said.",
        ]);
        let s = &x.speakers[0];
        assert_eq!(
            (s.name.as_str(), s.role.as_deref()),
            ("Jens Stoltenberg", Some("NATO Secretary-General"))
        );
        assert!(!crate::quotes::lexicon::is_title_word("Jean-Pierre"));
    }

    #[test]
    fn a_role_is_the_apposition_next_to_the_name_not_an_adverbial_one() {
        let x = extract(&[
            "Sean Robertson, a spokesperson for Inherent Resolve, the U.S. military operation against Islamic State, told VOA that the claim “is patently false.”",
        ]);
        let s = &x.speakers[0];
        assert_eq!(
            (s.name.as_str(), s.role.as_deref()),
            (
                "Sean Robertson",
                Some("a spokesperson for Inherent Resolve")
            )
        );
        // after the name that follows the verb, a role noun needs no article
        let x = extract(&[
            "“The markets have reacted calmly,” said Paul Johnson, director of the IFS.",
        ]);
        let s = &x.speakers[0];
        assert_eq!(
            (s.name.as_str(), s.role.as_deref()),
            ("Paul Johnson", Some("director of the IFS"))
        );
        // an adverbial apposition, or a little word of another language, is no role
        for article in [
            "Ellen Fetter, for her part, said it was “a fine machine.”",
            "\"Je fér říct, že vypadají fantasticky,\" přidává se Ellen Fetter.",
        ] {
            let x = extract(&[article]);
            let s = &x.speakers[0];
            assert_eq!((s.name.as_str(), s.role.as_deref()), ("Ellen Fetter", None));
        }
    }

    #[test]
    fn russian_attributions_name_their_speakers() {
        let who = speakers_of(&[
            "«Мы не будем отступать», — заявил Дмитрий Песков.",
            "«Это решение окончательное», — сказала Мария Захарова журналистам.",
            "Министр иностранных дел Сергей Лавров встретился с коллегами.",
            "«Мы готовы к диалогу», — сказал он.",
        ]);
        assert_eq!(who, ["Дмитрий Песков", "Мария Захарова", "Сергей Лавров"]);
    }

    #[test]
    fn czech_and_indonesian_attributions_name_their_speakers() {
        let who = speakers_of(&[
            "Hana Kordová Marvanová představila plán.",
            "\"Praha chce tímto reagovat na situaci s bydlením,\" řekla Marvanová.",
            "\"Nenapadá mě jediný důvod,\" přidává se Emile Heskey.",
            "“Kami akan bekerja keras,” kata Joko Widodo.",
        ]);
        assert_eq!(
            who,
            ["Hana Kordová Marvanová", "Emile Heskey", "Joko Widodo"]
        );
    }

    #[test]
    fn german_french_spanish_and_italian_attributions_name_their_speakers() {
        let who = speakers_of(&[
            "Bundeskanzler Olaf Scholz verteidigte die Pläne.",
            "„Wir werden die Ukraine weiter unterstützen“, sagte Scholz vor Journalisten.",
            "CDU-Chef Friedrich Merz fügte hinzu: „Die Regierung hat keinen Plan.“",
            "« C'est une erreur historique », a réagi Marine Le Pen sur France Inter.",
            "La Première ministre Élisabeth Borne a affirmé : « Nous irons jusqu'au bout. »",
            "\"Vamos a seguir apoyando a Ucrania\", dijo Pedro Sánchez ante los periodistas.",
            "\"Es una decisión equivocada\", según Alberto Núñez Feijóo.",
            "\"Sosterremo l'Ucraina fino alla fine\", ha detto Giorgia Meloni.",
            // a title of another language before the name, and the clause going on after it
            "\"Estamos preocupados\", afirmó la portavoz Pilar Alegría en Madrid.",
            // "according to" opening the sentence, as in English
            "Selon Roland Lescure, « la croissance sera au rendez-vous ».",
            "Laut Marcel Fratzscher, „die Schuldenbremse muss reformiert werden“.",
            // a German title noun after its article; verbs of criticism and insistence
            "„Sie muss weg“, sagte der Ökonom Marcel Fratzscher.",
            "„Ein schwerer Fehler“, kritisierte die Grünen-Vorsitzende Franziska Brantner.",
            "« Nous attendons des actes », a martelé Sophie Binet.",
            "\"No vamos a ceder\", advirtió Yolanda Díaz.",
        ]);
        assert_eq!(
            who,
            [
                "Olaf Scholz",
                "Friedrich Merz",
                "Marine Le Pen",
                "Élisabeth Borne",
                "Pedro Sánchez",
                "Alberto Núñez Feijóo",
                "Giorgia Meloni",
                "Pilar Alegría",
                "Roland Lescure",
                "Marcel Fratzscher",
                "Marcel Fratzscher",
                "Franziska Brantner",
                "Sophie Binet",
                "Yolanda Díaz"
            ]
        );
        // pronouns, French inversion included
        let who = speakers_of(&[
            "Bundeskanzler Olaf Scholz verteidigte die Pläne.",
            "„Wir werden die Ukraine weiter unterstützen“, sagte er.",
            "Außenministerin Annalena Baerbock war ebenfalls dort. „Das ist wichtig“, sagte sie.",
            "La Première ministre Élisabeth Borne était à Matignon.",
            "« Nous irons jusqu'au bout », a-t-elle déclaré.",
            "« C'est clair », explique-t-elle.",
        ]);
        assert_eq!(
            who,
            [
                "Olaf Scholz",
                "Annalena Baerbock",
                "Élisabeth Borne",
                "Élisabeth Borne"
            ]
        );
    }

    #[test]
    fn title_case_broken_off_by_its_speaker_is_an_utterance() {
        let got = said(&["“Like Oakland. Or Ferguson,” Jane Roe said. “The numbers are worse.”"]);
        assert_eq!(
            got[0],
            (
                "Jane Roe".to_owned(),
                "Like Oakland. Or Ferguson".to_owned()
            )
        );
        let got =
            said(&["“Here comes Big Daddy,” Jane Roe said, clapping. “The Donald. Big Daddy.”"]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, "Jane Roe");
        // a show named inside the writer's sentence stays a title
        let got = said(&["On “Fox News Sunday,” Jane Roe said the race was close."]);
        assert!(got.is_empty(), "{got:?}");
        let got = said(&["“We will win,” Jane Roe said on “Meet the Press.”"]);
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn more_speech_verbs_and_idioms() {
        let got = said(&["Gov. Earl Doe lauded Mr. Poe in his address for helping develop “new and innovative ideas.”"]);
        assert_eq!(got[0].0, "Earl Doe");
        let got = said(&["Jane Roe blamed the law on “careless city politicians.”"]);
        assert_eq!(got[0].0, "Jane Roe");
        // "put it" a few words before the comma
        let got = said(&[
            "He is seen, as The New Yorker put it in a lengthy profile, as “the operator.”",
        ]);
        assert_eq!(got[0].0, "the New Yorker");
    }

    #[test]
    fn going_on_after_a_quotation_is_speech_going_on() {
        let got = speakers_of(&[
            "Donald Roe spoke to Megyn Poe.",
            "Poe answered: “Can happen when you’re 45.” She is 45.",
            "“You know, it happens, right?” Roe went on, as if he didn’t hear her.",
        ]);
        assert_eq!(got, ["Megyn Poe", "Donald Roe"]);
        let got = speakers_of(&[
            "Donald Roe spoke. Jane Poe spoke.",
            "As Roe went on about “how the system is rigged,” Poe sat still.",
        ]);
        assert_eq!(got, ["Donald Roe"]);
        // time going on is no one speaking
        let got = speakers_of(&[
            "Megyn Poe spoke.",
            "As Roe went on, the crowd chanted “Lock her up.”",
        ]);
        assert_eq!(got, ["the crowd"]);
    }

    #[test]
    fn a_participle_after_a_comma_speaks_for_the_subject_whatever_it_means_alone() {
        // ("recites" nearer the quotation is a plain speech verb; "calling" has other senses)
        let got = speakers_of(&["Chris Roe, the governor, repeated accusations that Marco Poe recites the same points, calling him a “talented guy” when required."]);
        assert_eq!(got, ["Chris Roe"]);
    }

    #[test]
    fn a_name_set_off_after_a_singular_role_is_that_persons() {
        let got = names_and_roles(&["In early October, Roe’s campaign manager, Kellyanne Poe, reached out to voters, writing in an email: “We want to use this.”"]);
        assert_eq!(
            got[0],
            (
                "Kellyanne Poe".to_owned(),
                Some("Roe’s campaign manager".to_owned())
            )
        );
        // a plural role is the people speaking
        let got = speakers_of(&["“We won,” said Roe supporters, Mary Poe among them."]);
        assert_eq!(got, ["Roe supporters"]);
    }

    #[test]
    fn the_owner_of_a_claim_that_said_what_it_claims() {
        let got = speakers_of(&["Donald Roe spoke.", "Politifact checked Donald Roe’s claim that there have been “thousands of shootings” in Chicago."]);
        assert_eq!(got, ["Donald Roe"]);
        // a characterization of someone's remarks is the characterizer's
        let got = speakers_of(&["Chairman Reince Poe called Jane Roe's remarks a “new low.”"]);
        assert_eq!(got, ["Reince Poe"]);
    }

    #[test]
    fn a_hashtag_is_no_part_of_a_name() {
        let got = names_and_roles(&["#Franceisstrong Mr. Roe. “It is over,” Roe said."]);
        assert_eq!(got, [("Roe".to_owned(), None)]);
    }

    #[test]
    fn a_day_between_the_subject_and_its_verb_is_when_it_spoke() {
        let got = speakers_of(&["Roe later Thursday told Fox News: “Both are meeting next week.”"]);
        assert_eq!(got, ["Roe"]);
    }

    #[test]
    fn a_progressive_verb_characterizes_like_a_simple_one() {
        let got = said(&["Senate leader Harry Roe (D-Nev.), in particular, has been steadily pounding the mayor as a “con artist” for months."]);
        assert_eq!(got[0].0, "Harry Roe");
        // a passive one does not: the subject is the one characterized
        let got = said(&["Harry Roe was seen by his critics as a “con artist” for months."]);
        assert!(got.iter().all(|q| q.0 != "Harry Roe"), "{got:?}");
    }

    #[test]
    fn a_quotation_after_an_attributed_one_goes_on_with_its_speaker() {
        // the speaker's apposition names a place last: the place is nobody's subject
        let got = speakers_of(&["\"We got out more than we put in,\" Dylan Nelson, a fellow at the institute in Munich, Germany, and co-author of the study, said in a statement. \"In our simulation, we see new things.\""]);
        assert_eq!(got, ["Dylan Nelson", "Dylan Nelson"]);
    }

    #[test]
    fn an_adverb_before_the_verb_is_no_part_of_a_description() {
        let got = speakers_of(&["\"It is pandering,\" the editorial board recently wrote."]);
        assert_eq!(got, ["the editorial board"]);
    }

    #[test]
    fn a_name_with_a_word_about_them_before_it_is_theirs() {
        let got = speakers_of(&[
            "Diego Schwartzman beat Cristian Garin 6-2, 6-2.",
            "\"I played one of my best matches,\" the 14th-ranked Schwartzman said.",
            // a role noun in capitals stays the description's head
            "\"It is about the facts,\" said one senior Democrat.",
        ]);
        assert_eq!(got, ["Diego Schwartzman", "one senior Democrat"]);
    }

    #[test]
    fn a_participle_right_after_the_words_is_no_verb_of_theirs() {
        let got = speakers_of(&["“A topic is defined by the company it keeps.” A very accurate saying loved by ontologists."]);
        assert_eq!(got, ["-"]);
    }

    #[test]
    fn her_as_the_subjects_object_tells_nothing_of_the_subject() {
        // Rothman, who reached out to her, is not the "she" who said it
        let got = speakers_of(&[
            "Margaret Hamilton joined the lab in 1959.",
            "Daniel Rothman reached out to her and learned the story.",
            "For Hamilton, these were formative years. “I’d poke holes for ones,” she said.",
        ]);
        assert_eq!(got, ["Margaret Hamilton"]);
    }

    #[test]
    fn a_place_after_to_is_no_part_of_the_name_after_it() {
        let got = speakers_of(&[
            "Another diplomat, former special envoy to Ukraine Kurt Volker, changed his account.",
            "“I think all of us thought it was inappropriate,” Volker said.",
            "Kurt Volker testified for hours. “It was fine,” Volker said.",
        ]);
        assert_eq!(got, ["Kurt Volker", "Kurt Volker"]);
    }

    #[test]
    fn a_surname_after_its_owners_possessive_is_the_person() {
        let got = speakers_of(&[
            "Brent Bozell founded the Media Research Center.",
            "“It is time,” Media Research Center’s Bozell said.",
            // an acronym after the possessive is a title; a name with "the", a body's
            "“Not a complete solution,” Mozilla’s CTO said.",
            "“No room for compromise,” the People’s Daily said.",
        ]);
        assert_eq!(got, ["Brent Bozell", "Mozilla’s CTO", "the People’s Daily"]);
    }

    #[test]
    fn a_one_word_source_first_read_as_an_organisation_is_one_speaker_with_the_person() {
        let x = extract(&[
            "“It seems pretty strong,” Haoyu said.",
            "“Pretty strong?” Lexi asked, staring at a fork. “We aren’t letting him wash knives.”",
            "“Anesidoran social dynamic,” said Lexi. “Spit goes in the sink.”",
        ]);
        let names: Vec<&str> = x.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Haoyu", "Lexi"]);
        assert_eq!(x.speakers[1].kind, SpeakerKind::Person);
        // named in full only later, by a common first name ...
        let who = speakers_of(&[
            "“All of them bring different strengths,” Clarke said in a telecon.",
            "“It enables NASA to do much more,” NASA’s Steve Clarke said in the statement.",
            // ... which a word opening a sentence is not
            "“Look at what happened in Wyoming,” Trump told supporters.",
            "Maybe Trump will win. Six Trump supporters cheered.",
        ]);
        assert_eq!(who, ["Steve Clarke", "Steve Clarke", "Trump"]);
    }

    #[test]
    fn an_article_opens_the_subject_a_participle_speaks_for() {
        let who = speakers_of(&[
            "Marco Rubio, a senator, spoke in Miami on Tuesday.",
            "The Florida senator sought to calm his supporters, many of them angry, saying “we will win this.”",
            // (not a time, nor a noun with a name in apposition)
            "The next day, Marco Rubio left, saying “we will be back.”",
            "The group, WeWorkers Coalition, sent a letter stating that they “want to be heard.”",
        ]);
        assert_eq!(who, ["Marco Rubio", "Marco Rubio", "WeWorkers Coalition"]);
    }

    #[test]
    fn a_description_with_a_possessive_is_someone_new_and_one_speaker_whatever_its_case() {
        let who = speakers_of(&[
            "“He confessed,” Sheriff Tom Cole said.",
            "The victim's mother testified, describing the “physical fight” for her daughter.",
            "“She was brave,” the victim's mother said.",
        ]);
        assert_eq!(who, ["Tom Cole", "victim's mother", "victim's mother"]);
    }

    #[test]
    fn a_pronoun_without_a_nearer_claim_is_whoever_spoke_or_led_a_sentence_last() {
        let who = speakers_of(&[
            "Hillary Clinton is seizing upon a report on Donald Trump's taxes.",
            "Clinton says at a campaign stop that it means Trump never paid for Pell Grants.",
            "She says Trump represents the “same rigged system that he claims he’s going to change.”",
            // after an opening phrase, someone named before leads the sentence too ...
            "At a rally in Portland, Maine, on Thursday, Trump included the Philippines on a list.",
            "“We're letting people come in,” he said.",
            // ... and so does the subject after an inverted verb
            "Federal mandates distract from teaching, said Todd Wilcox, an Orlando Republican.",
            "“There is more time spent on compliance,” he said.",
            // ("Former" qualifies a title and makes no place a person)
            "Former Pennsylvania governor Ed Rendell, a supporter, was even more resolute.",
            "“Absolutely not,” he said.",
            // ... and one in an apposition after a description that opens the sentence
            "“We are not worried,” said Satya Nadella.",
            "The judge, Tanya Chutkan, was blunt. “Rights are no license,” she wrote.",
            "“We are not worried,” said Satya Nadella.",
            "On Monday, Chutkan, 62, was blunt again. “No,” she wrote.",
        ]);
        assert_eq!(
            who,
            [
                "Hillary Clinton",
                "Donald Trump",
                "Todd Wilcox",
                "Ed Rendell",
                "Satya Nadella",
                "Tanya Chutkan",
                "Satya Nadella",
                "Tanya Chutkan"
            ]
        );
    }

    #[test]
    fn interface_words_are_no_people() {
        let who = speakers_of(&[
            "Ilhan Omar spoke on Monday.",
            "Sign Up",
            "During the call, she asked about the “delay”, the office said.",
        ]);
        assert_eq!(who, ["the office"]);
    }

    #[test]
    fn a_capitalized_pair_ending_in_an_abstract_or_collective_noun_is_no_person() {
        let who = speakers_of(&[
            "The Ohio governor, John Kasich, spoke on Saturday.",
            "Many Muslim Americans and the Center for Professional Responsibility were there.",
            "“It is not who we are,” he said.",
        ]);
        assert_eq!(who, ["John Kasich"]);
    }

    #[test]
    fn a_descriptor_before_a_common_first_name_is_no_part_of_the_name() {
        let who = speakers_of(&[
            "Majority Whip John Cornyn spoke first. “We will vote,” Cornyn said.",
            "“It was a disgrace,” Journalist Jorge Ramos said.",
            "“We're at a moment,” said Cornell William Brooks, president of the NAACP.",
        ]);
        // (one word alone before the name may be a first name of its own)
        assert_eq!(
            who,
            ["John Cornyn", "Jorge Ramos", "Cornell William Brooks"]
        );
    }

    #[test]
    fn a_common_first_name_tells_whom_a_pronoun_can_name() {
        let who = speakers_of(&[
            "Mary Smith met John Doe at the station on Monday.",
            "“It went well,” she said.",
            "Alex Ortiz, who organised the meeting, was there too. “We agreed on a date,” she said.",
        ]);
        // (a first name that tells nothing leaves the latest person the referent)
        assert_eq!(who, ["Mary Smith", "Alex Ortiz"]);
    }

    #[test]
    fn a_family_name_written_first_names_the_titled_person() {
        let who = speakers_of(&[
            "“I deeply regret this,” South Korean President Yoon Suk Yeol said in a speech.",
            "“It was unconstitutional,” Yoon said on Friday.",
            "Google Stadia arrives with a litany of missing features.",
            "“We are listening to players,” Google said in a statement.",
        ]);
        // (a product named like a person, with no title, does not take its maker's quotation)
        assert_eq!(who, ["Yoon Suk Yeol", "Yoon Suk Yeol", "Google"]);
    }

    #[test]
    fn a_surname_comes_before_a_first_name_of_the_same_word() {
        let who = speakers_of(&[
            "“He does not represent us,” said Tom John, chairman of the 7th District.",
            "The state’s committeeman, John Hammond, has called to reject him as well.",
            "“A handful of people were unknown to the local party,” John said.",
        ]);
        assert_eq!(who, ["Tom John", "Tom John"]);
    }

    #[test]
    fn a_single_unknown_word_is_a_person_only_when_its_apposition_describes_one() {
        // a book's title with what it is about is nobody, and "she" no pronoun of it
        let who = speakers_of(&[
            "Growing Up Weightless, a story of political intrigue on the moon, is told by the children of diplomats.",
            "When Ford visited his editor Teresa Nielsen Hayden at her office, he left poems on her desk. “Life was not long enough,” she recalled.",
        ]);
        assert_eq!(who, ["Teresa Nielsen Hayden"]);
        let x = extract(&["“We will appeal,” said Mellody, a spokeswoman for the convention."]);
        assert_eq!(x.speakers[0].kind, SpeakerKind::Person);
        let x = extract(&["Xinhua, the official Chinese news agency, said: “We deny it.”"]);
        assert_eq!(x.speakers[0].kind, SpeakerKind::Organization);
    }

    #[test]
    fn a_definite_age_refers_back_to_the_person_the_text_is_about_not_a_photo_credit() {
        let who = speakers_of(&[
            "Jose Mourinho has agreed a deal to replace Mauricio Pochettino as manager.",
            "The 56-year-old said after his appointment: “I am excited to be joining a club with such a great heritage.”",
            "“Working with these players is what has attracted me,” said the 56-year-old.",
        ]);
        assert_eq!(who, ["Jose Mourinho", "Jose Mourinho"]);
        // a photo credit on a line of its own is nobody the text is about
        let who = speakers_of(&[
            "The actor Peter Serafinowicz dubbed himself over footage of Trump.",
            "Serafinowicz, who starred in “Parks and Recreation,” posted the clip on Thursday.",
            "Neilson Barnard via Getty Images.",
            "“What if Donald Trump had elocution lessons?” the 43-year-old asked.",
        ]);
        assert_eq!(who, ["Peter Serafinowicz"]);
    }
}
