//! Speech cues around a quotation: "X said", "said X", "X told reporters", "according to X",
//! appositions ("Jones, a spokeswoman, said") and the noun phrase that names the speaker.
//!
//! Reads only the tokens outside quotations, so a name inside the quote is never the speaker.

use crate::prelude::*;

use super::lexicon::{
    is_acronym, is_not_name_word, is_org_noun, is_org_word, is_role_noun, is_title_word,
};
use crate::text::{Speech, Token, TokenKind};

/// A reference to a speaker as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mention {
    /// "he" or "she".
    Pronoun {
        /// Returns true if and only if the pronoun is "she".
        female: bool,
    },
    /// "they" or "it": an organisation that spoke just before, if any.
    Group,
    /// A capitalized name run, split into title and name ("NATO Secretary General" + "Jens
    /// Stoltenberg"); `name` is empty for organisations ("the White House").
    Name {
        /// Title words before the name ("NATO Secretary General").
        title: Vec<String>,
        /// The personal name's words; empty for an organisation.
        name: Vec<String>,
        /// The whole phrase as written.
        text: String,
        /// An apposition describing the speaker ("an oversight panel member").
        role: Option<String>,
    },
    /// A description: "the spokeswoman", "a CBP spokesperson", "officials".
    Description {
        /// The phrase as written.
        text: String,
        /// Its head noun, lowercase.
        head: String,
        /// Returns true if and only if it starts with "the".
        definite: bool,
    },
}

/// A mention and the token index where it ends (its position for recency).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Who, as written.
    pub mention: Mention,
    /// Token index of the mention's last word.
    pub at: usize,
}

crate::words!(static DETERMINERS = "a|an|another|many|one|several|some|the|three|two");
crate::words!(static SKIPPABLE = concat!(
    "again|already|also|angrily|are|be|been|being|bluntly|calmly|can|could|did|does|earlier|",
    "firmly|flatly|frankly|further|had|happily|has|have|herself|himself|is|itself|jokingly|",
    "later|loudly|may|might|must|never|now|often|once|previously|privately|proudly|publicly|",
    "quickly|quietly|recently|repeatedly|should|simply|since|softly|sternly|tearfully|themselves|",
    "then|twice|was|were|will|would",
));
crate::words!(static CONJUNCTIONS = concat!(
    "after|although|amid|as|because|before|despite|during|following|if|once|since|though|",
    "until|when|while",
));
crate::words!(static TIME_NOUNS = "afternoon|day|evening|hour|month|morning|night|time|week|weekend|year");
crate::words!(static NAME_PARTICLES = "al|bin|da|de|del|den|der|di|dos|du|la|le|ten|ter|van|von");

/// Returns true if and only if the word is a lowercase particle of a name ("de Blasio", "Ursula
/// von der Leyen", "Mohammed bin Salman").
pub(super) fn is_particle(word: &str) -> bool {
    NAME_PARTICLES.contains_sorted(word)
}

/// Returns true if and only if token `at` is a particle that goes on with a name: a capitalized
/// word or another particle follows ("Ursula von der Leyen", "Bill de Blasio").
pub(super) fn particle_goes_on(tokens: &[Token], at: usize) -> bool {
    tokens
        .get(at + 1)
        .is_some_and(|next| particle_before(&tokens[at], next))
}

/// Returns true if and only if `particle` is a particle of the name going on with `next`: a
/// capitalized word or another particle. ("ten" is also a number: "Erik ten Hag", not "ten
/// Republicans".)
fn particle_before(particle: &Token, next: &Token) -> bool {
    is_particle(&particle.text)
        && (next.is_capitalized() || is_particle(&next.text))
        && !(particle.text == "ten" && next.text.ends_with('s'))
}

crate::words!(static LY_NOUNS = "ally|assembly|family|rally|supply");

/// Returns true if and only if the word may stand between a subject and its verb: an auxiliary
/// or an adverb ("Clinton emphatically proclaimed").
fn is_adverb_or_auxiliary(t: &Token) -> bool {
    let lower = t.lower();
    SKIPPABLE.contains_sorted(lower)
        || (lower.len() > 4
            && lower.ends_with("ly")
            && t.text == lower
            && !says(t)
            && !LY_NOUNS.contains_sorted(lower))
}

/// Returns true if and only if the token is a speech verb as written in running text: lowercase
/// ("States" in "the United States" is no verb).
pub fn says(t: &Token) -> bool {
    t.speech != Speech::None
}

crate::words!(static INVERTED_VERBS = "Added|Adds|Asked|Said|Says|Wrote");

/// Returns true if and only if the token is "Said"/"Says"/"Added" opening a sentence with the
/// speaker after it ("Said Ellis: …").
fn says_inverted(tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    INVERTED_VERBS.contains_sorted(&t.text) && (k == 0 || tokens[k - 1].ends_sentence())
}

fn starts_with_digit(t: &Token) -> bool {
    t.text.starts_with(|c: char| c.is_ascii_digit())
}

crate::words!(static WEEKDAYS = "friday|monday|saturday|sunday|thursday|tuesday|wednesday");

fn is_word(t: &Token) -> bool {
    t.kind == TokenKind::Word
}

crate::words!(static PRONOUNS = "he|it|she|they");

// (out of line: inlined into its callers it weighed 188 B of the wasm's budget)
#[inline(never)]
fn is_pronoun(t: &Token) -> bool {
    PRONOUNS.contains_sorted(t.lower()) || super::foreign_pronoun(t.lower()).is_some()
}

fn pronoun(t: &Token) -> Mention {
    match t.lower() {
        "he" => Mention::Pronoun { female: false },
        "she" => Mention::Pronoun { female: true },
        other => super::foreign_pronoun(other)
            .map_or(Mention::Group, |female| Mention::Pronoun { female }),
    }
}

fn is_nameish(t: &Token) -> bool {
    is_word(t)
        && (t.is_capitalized() || t.text.chars().all(|c| crate::text::is_upper(c) || c == '.'))
        && !super::lexicon::is_not_name_token(t)
}

/// Finds a cue right after a quotation: "…," he said / said Blinken / Blinken, a diplomat, said /
/// according to X. `from` is the first token after the quote.
pub fn cue_after(tokens: &[Token], from: usize) -> Option<Cue> {
    let mut j = from;
    let mut dashed = false;
    while let Some(t) = tokens.get(j).filter(|t| t.kind == TokenKind::Punct) {
        if is_dash(t) {
            dashed = true;
        } else if !t.is_punct(',') {
            break;
        }
        j += 1;
    }
    let first = tokens.get(j)?;
    if !is_word(first) {
        return None;
    }
    let lower = first.lower();
    if is_finite(first) {
        return mention_after(tokens, j + 1);
    }
    // "« … », a déclaré Marine Le Pen", "…, ha detto Meloni": the auxiliary of a compound past.
    if is_foreign_auxiliary(&first.text, tokens.get(j + 1)) {
        return mention_after(tokens, j + 2);
    }
    // "« … », explique-t-elle", "a-t-il déclaré": French inversion, the pronoun joined on.
    for (pronoun, female) in [("-il", false), ("-elle", true)] {
        let Some(verb) = lower.strip_suffix(pronoun) else {
            continue;
        };
        let verb = verb.strip_suffix("-t").unwrap_or(verb);
        if super::lexicon::is_foreign_speech_form(verb)
            || is_foreign_auxiliary(verb, tokens.get(j + 1))
        {
            return Some(Cue {
                mention: Mention::Pronoun { female },
                at: j,
            });
        }
    }
    if let Some(source) = according_to(tokens, j) {
        return mention_after(tokens, source);
    }
    let (cue, end) = mention_forward(tokens, j, false)?;
    // "“…” Editor’s note: …", "“…” Smith’s reply came later": the word after a possessive name
    // is a noun, so the name is no speaker.
    if matches!(cue.mention, Mention::Name { .. }) && is_possessive(&tokens[cue.at]) {
        return None;
    }
    // "“…” ― Sonya Herridge": a name set off by a dash and ending the line (or followed by the
    // next signed quotation, in a list of them) is the signature.
    if dashed
        && matches!(cue.mention, Mention::Name { .. })
        && tokens.get(end).is_none_or(|t| {
            (t.kind == TokenKind::Punct && !t.is_punct('('))
                || matches!(t.kind, TokenKind::Quote(_))
        })
    {
        return Some(cue);
    }
    let mut v = end;
    // "“…,” Mitch McConnell, R-Ky., said" / "Scott Pruitt, the attorney general of Oklahoma,
    // one of the states suing, said": skip appositions (comma-led, same sentence) before the verb.
    // The name's own reading may have taken the first apposition and its comma already
    // ("Scott Pruitt, the attorney general of Oklahoma," + "one of the states suing, said").
    let after_apposition = v > from && tokens[v - 1].is_punct(',');
    if tokens.get(v).is_some_and(|t| t.is_punct(','))
        || (after_apposition && !tokens.get(v).is_some_and(says))
    {
        let verb_after_comma = (v..tokens.len().min(v + 30))
            .take_while(|&k| {
                !tokens[k].ends_sentence() && !matches!(tokens[k].kind, TokenKind::Quote(_))
            })
            .find(|&k| tokens[k].is_punct(',') && tokens.get(k + 1).is_some_and(says));
        if let Some(comma) = verb_after_comma {
            v = comma + 1;
        }
    }
    while tokens
        .get(v)
        .is_some_and(|t| is_adverb_or_auxiliary(t) && !says(t))
    {
        v += 1;
    }
    // "“…” a Democratic staffer in the room wondered": a short place or time phrase may stand
    // between the speaker and the verb.
    if tokens
        .get(v)
        .is_some_and(|t| matches!(t.text.as_str(), "in" | "at" | "on" | "from"))
    {
        if let Some(verb) = (v + 1..tokens.len().min(v + 6))
            .take_while(|&k| is_word(&tokens[k]))
            .find(|&k| says(&tokens[k]))
        {
            v = verb;
        }
    }
    // "“… the [censored] is going on.” The crowd enthusiastically cheers": after a quotation
    // that ends its sentence, a verb with a non-speech sense opens a new one.
    let closed = from > 0 && tokens[from - 1].quote_ends_sentence();
    // "“Why now?” Mills then writes back, “You look cute.”": after a closed quotation, a verb
    // that introduces the next one is that one's.
    if closed {
        let mut k = v + 1;
        while k < v + 3 && tokens.get(k).is_some_and(is_word) {
            k += 1;
        }
        if tokens
            .get(k)
            .is_some_and(|t| t.is_punct(',') || t.is_punct(':'))
            && tokens
                .get(k + 1)
                .is_some_and(|t| matches!(t.kind, TokenKind::Quote(_)))
        {
            return None;
        }
    }
    // (A participle right after the words is no verb of theirs: "“…” A very accurate saying
    // loved by ontologists".)
    if tokens.get(v).is_some_and(|t| {
        says(t) && (!closed || t.speech == Speech::Strong) && (v > end || !t.text.ends_with("ing"))
    }) {
        return Some(cue);
    }
    // "“Would it be negotiable?” Hannity pressed.": a past-tense verb outside the lexicon, alone
    // between a name and the end of the clause, still attributes.
    let lone_past_verb = tokens.get(v).is_some_and(|t| {
        is_word(t) && !t.is_capitalized() && t.text.ends_with("ed") && !is_not_name_word(&t.text)
    }) && tokens.get(v + 1).is_none_or(|t| {
        t.is_punct('.') || t.is_punct(',') || matches!(t.kind, TokenKind::Quote(_))
    });
    (lone_past_verb
        && v == end
        && matches!(cue.mention, Mention::Name { .. } | Mention::Pronoun { .. }))
    .then_some(cue)
}

/// Returns true if and only if `word`, followed by `next`, is the auxiliary of a French or
/// Italian compound past of speech ("a déclaré", "ha detto"); not English "a noted author".
fn is_foreign_auxiliary(word: &str, next: Option<&Token>) -> bool {
    matches!(word, "a" | "ha")
        && next.is_some_and(|t| super::lexicon::is_foreign_speech_form(&t.text))
}

/// Returns true if and only if the token is a speech verb that may stand before its subject
/// ("said Blinken"): not an "-ing" form.
// (out of line: inlined into its callers it weighed 22 B more of the wasm's budget)
#[inline(never)]
fn is_finite(t: &Token) -> bool {
    t.speech != Speech::None && !t.text.ends_with("ing")
}

/// Returns true if and only if the token is a dash or a hyphen standing alone.
pub fn is_dash(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.text.chars().next(), Some('—' | '–' | '―' | '-' | '‒'))
}

/// Finds the cue of a quotation from the sentence before it: "Blinken said:" / "X told reporters
/// that … " / "according to X, …". `lo..quote` is the stretch of the sentence before the quote.
pub fn cue_before(tokens: &[Token], lo: usize, quote: usize) -> Option<Cue> {
    // "Mark Blumenthal and Jon Cohen: “…”", a paragraph "Former secretary of state Hillary
    // Rodham Clinton:": a name alone before a colon labels what follows. One word alone is
    // rather a heading ("Example: “That was so funny I literally cried.”"), except after a
    // dash, where a digest's item names its source ("Iowa poll overhype - HuffPollster: “…”").
    if let Some(colon) = colon_at(tokens, lo, quote) {
        let dash = (lo..colon).rev().find(|&d| is_dash(&tokens[d]));
        let lo = dash.map_or(lo, |d| d + 1);
        let label = &tokens[lo..colon];
        if label.len() >= 2 - usize::from(dash.is_some())
            && label.len() <= 8
            && label.iter().all(|t| is_word(t) && !says(t))
            && is_nameish(&label[label.len() - 1])
        {
            if let Some(cue) = mention_before(tokens, lo, colon) {
                return Some(cue);
            }
        }
    }
    // The nearest plain speech verb wins over a nearer verb with a non-speech sense ("the
    // diplomat confirmed that Russia maintains forces … watching "very carefully"").
    for strong_only in [true, false] {
        for v in (lo..quote).rev() {
            let t = &tokens[v];
            // "Ryan saying he was “very encouraged” and Trump calling it a “great meeting”": a
            // plain speech verb before another quotation is that one's.
            if strong_only && matches!(t.kind, TokenKind::Quote(_)) {
                break;
            }
            if !is_word(t) {
                continue;
            }
            let lower = t.lower();
            // "According to X, “…”", "Selon X, « … »"
            if let Some(cue) =
                according_to(tokens, v).and_then(|source| mention_after(tokens, source))
            {
                return Some(cue);
            }
            if says_inverted(tokens, v) {
                if let Some(cue) = mention_after(tokens, v + 1).filter(|c| c.at < quote) {
                    return Some(cue);
                }
            }
            // (", calling him a “talented guy”": a participle after a comma is speech, whatever
            // the verb may mean alone)
            let verb = if strong_only {
                t.speech == Speech::Strong
                    || says(t) && lower.ends_with("ing") && v > lo && tokens[v - 1].is_punct(',')
            } else {
                t.speech != Speech::None
            };
            // "Trump attacked Clinton for …, saying, "…"", "Lewandowski quashed rumors by
            // tweeting that “…”", "Sondland was known for telling others “…”": a participle
            // after a comma, "by", "after", "while", "before", "upon" or "for" speaks for the
            // subject of its sentence.
            if verb && lower.ends_with("ing") && v > lo {
                // (the comma may close a quotation: "needled the “reporter,” saying")
                // (or a dash: "denounced the “pessimistic” vision - saying it …")
                let after_comma = tokens[v - 1].text == "," || is_dash(&tokens[v - 1]);
                // "…, Nefzi said, adding, “…”": after a comma it goes on from the speech verb
                // just before it, whose subject need not be the sentence's.
                let said_before =
                    after_comma && v >= lo + 3 && tokens[v - 2].speech == Speech::Strong;
                if let Some(cue) = said_before
                    .then(|| mention_before(tokens, lo, v - 2))
                    .flatten()
                {
                    return Some(cue);
                }
                let adverbial =
                    after_comma || ADVERBIAL_PREPOSITIONS.contains_sorted(&tokens[v - 1].text);
                if let Some(cue) = adverbial.then(|| sentence_subject(tokens, lo, v)).flatten() {
                    return Some(cue);
                }
            }
            // "Politifact checked Donald Trump’s claim that there have been “thousands of
            // shootings”": the owner of a noun of speech said what it says (not "called
            // Clinton's remarks a “new low”").
            if !strong_only
                && v > lo
                && is_possessive(&tokens[v - 1])
                && super::is_speech_noun(lower)
                && tokens.get(v + 1).is_some_and(|t| t.text == "that")
            {
                let owner = (lo..v).rev().take_while(|&k| is_nameish(&tokens[k])).last();
                if let Some(start) = owner {
                    return Some(Cue {
                        mention: name_mention(&tokens[start..v], false, None),
                        at: v - 1,
                    });
                }
            }
            // "Trump issued a statement, “…”": who issued it speaks.
            if !strong_only && super::issues_document(tokens, v) {
                if let Some(cue) = mention_before(tokens, lo, v) {
                    return Some(cue);
                }
            }
            if verb {
                if let Some(cue) = mention_before(tokens, lo, v) {
                    return Some(cue);
                }
                if let Some(cue) = inverted_subject(tokens, v).filter(|c| c.at < quote) {
                    return Some(cue);
                }
            }
        }
    }
    None
}

/// The colon that introduces the quotation at `quote`: the token itself (a paragraph ending in
/// "Blinken said:") or the one right before it, within the sentence from `lo`.
fn colon_at(tokens: &[Token], lo: usize, quote: usize) -> Option<usize> {
    if tokens.get(quote).is_some_and(|t| t.is_punct(':')) {
        Some(quote)
    } else {
        quote
            .checked_sub(1)
            .filter(|&c| c >= lo && tokens[c].is_punct(':'))
    }
}

/// The subject of a clause that characterizes something in the speaker's own words: "Reid has
/// gone after Trump as a “human leech”", "PolitiFact rated the claim as “pants on fire”", "Trump
/// admires Putin as a “strong leader”". Not in a passive clause ("Trump was described as a
/// “bully” by Cruz" is Cruz's).
pub fn characterizing_subject(tokens: &[Token], lo: usize, quote: usize) -> Option<Cue> {
    let before = |back: usize| quote.checked_sub(back).map(|at| &tokens[at]);
    let as_at = match (before(1), before(2)) {
        (Some(t), _) if t.text == "as" => quote - 1,
        (Some(article), Some(t))
            if t.text == "as" && DETERMINERS.contains_sorted(&article.text) =>
        {
            quote - 2
        }
        _ => return None,
    };
    // "headlines such as “…”" gives examples; ", as the “autopsy” recommended," is a clause.
    let introduces_example_or_clause = as_at == lo
        || tokens[as_at - 1].kind == TokenKind::Punct
        || matches!(tokens[as_at - 1].text.as_str(), "such" | "known");
    if introduces_example_or_clause {
        return None;
    }
    // "Trump was branded as a “…”" is passive; "Reid has been steadily pounding Trump as a
    // “…”" is not: a form of "be" before an -ing verb (adverbs between) is progressive.
    let passive = (lo..as_at).any(|i| {
        BE_FORMS.contains_sorted(&tokens[i].text)
            && !tokens[i + 1..as_at]
                .iter()
                .find(|t| !(t.text.len() > 4 && t.text.ends_with("ly")))
                .is_some_and(|t| t.text.len() > 4 && t.text.ends_with("ing"))
    });
    if passive {
        return None;
    }
    fragment_owner(tokens, lo, as_at)
}

/// The sentence's subject as the one whose words are quoted: a name or a pronoun, not an owner
/// ("Trump's “47 percent” comment").
fn fragment_owner(tokens: &[Token], lo: usize, quote: usize) -> Option<Cue> {
    sentence_subject(tokens, lo, quote).filter(|c| match &c.mention {
        Mention::Name { name, .. } => !name.is_empty() && !is_possessive(&tokens[c.at]),
        Mention::Pronoun { .. } => true,
        _ => false,
    })
}

crate::words!(static CLAUSE_OPENERS = "although|because|if|though|unless|what|when|whereas|which|while|who|whom|whose");

/// The subject of a sentence without a speech verb, whose words a fragment quoted in its own
/// clause are: "Paul Ryan worried that the safety net was becoming “a hammock …”", "West landed
/// a sharp dig at “my dear sister”". Not when a clause of someone else's stands between: "Obama
/// has had a frosty relationship with McConnell, who in 2010 said …", "Walter Hewlett led the
/// charge, and the opposition effort placed ads calling the deal a “$25 billion mistake”".
pub fn subject_of_fragment(tokens: &[Token], lo: usize, quote: usize) -> Option<Cue> {
    let cue = fragment_owner(tokens, lo, quote)?;
    let between = &tokens[cue.at + 1..quote];
    // (A clause closed by a comma before the quotation describes the subject: "Trump, who has
    // been feuding with Republican leaders, on Friday described his intent to lead a “big tent”".)
    let other_clause = between.iter().enumerate().any(|(i, t)| {
        let open_to_quote = || !between[i + 1..].iter().any(|t| t.is_punct(','));
        (CLAUSE_OPENERS.contains_sorted(t.lower()) && open_to_quote())
            // "… chose not to respond to claims that her backers wage “profane” attacks": words
            // not the subject's own ("her remark that “…”", "a message reading “…”" are)
            || (super::is_speech_noun(t.lower())
                && !i.checked_sub(1).is_some_and(|p| {
                    matches!(between[p].text.as_str(), "a" | "an" | "her" | "his" | "their")
                }))
            || (t.is_punct(',')
                && between
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.text.as_str(), "and" | "but")))
            || t.is_punct(';')
    });
    // ("Biden “kind of misspoke”": a quotation that is the predicate describes the subject in
    // someone else's words.)
    (!between.is_empty() && !other_clause).then_some(cue)
}

/// The subject of a sentence that introduces the quotation at `quote` with a colon and no speech
/// verb: "Sanders made the following comment:", "Trump offered a blunt assessment: “…”". A
/// name or a pronoun only; the caller checks that the name is a person's.
pub fn colon_subject(tokens: &[Token], lo: usize, quote: usize) -> Option<Cue> {
    let colon = colon_at(tokens, lo, quote)?;
    // "Hoff's letter makes the case:" is Hoff's; "Obama's first five questioners ranged from
    // skeptical to hostile:" is not Obama's.
    let owner_speaks = |at: usize| {
        !is_possessive(&tokens[at])
            || tokens
                .get(at + 1)
                .is_some_and(|n| super::lexicon::is_document_noun(n.lower()))
    };
    sentence_subject(tokens, lo, colon).filter(|c| match &c.mention {
        Mention::Name { name, .. } => !name.is_empty() && owner_speaks(c.at),
        Mention::Pronoun { .. } => true,
        _ => false,
    })
}

/// The owner of the words the sentence quotes, named by its subject: "Rubio’s catch phrase … was
/// that Crist “would say or do anything”", "Clinton’s response was: “…”", "Mitt Romney’s “47
/// percent” comment". A name or a pronoun only; the caller checks that the name is a person's.
pub fn owner_of_words(tokens: &[Token], lo: usize, quote: usize) -> Option<Cue> {
    let cue = sentence_subject(tokens, lo, quote)?;
    // the owner's noun comes next, after lowercase modifiers or the quotation itself
    let owns_words = is_possessive(&tokens[cue.at])
        && tokens[cue.at + 1..]
            .iter()
            .take(4)
            .take_while(|t| t.text == t.lower() || matches!(t.kind, TokenKind::Quote(_)))
            .any(|t| {
                super::is_speech_noun(&t.text) || super::OWNED_WORDS_NOUNS.contains_sorted(&t.text)
            });
    owns_words.then_some(cue)
}

/// Returns true if and only if `cue` is a name right before a speech verb that opens a clause
/// ("Kasich said he would have fired …", "Sanders added that …"): the verb reports words of its
/// own.
pub fn reports_a_clause(tokens: &[Token], cue: &Cue) -> bool {
    matches!(cue.mention, Mention::Name { .. })
        && tokens.get(cue.at + 1).is_some_and(says)
        && tokens
            .get(cue.at + 2)
            .is_some_and(|t| t.text == "that" || is_pronoun(t))
}

/// Finds the cue in the rest of the sentence after a quotation when it is not adjacent ("…" is
/// what Blinken, who visited Kyiv, said). With `past_quotes`, also the attribution after a later
/// quotation of the sentence: "The outages have been “terribly disruptive” and … “we won’t roll
/// the dice …,” company CEO Andy Vesey said" — the attribution that ends a sentence covers the
/// fragments quoted before it.
pub fn cue_later(tokens: &[Token], from: usize, past_quotes: bool) -> Option<Cue> {
    for v in from..tokens.len() {
        let t = &tokens[v];
        let quote = matches!(t.kind, TokenKind::Quote(_));
        if t.ends_sentence() || (quote && !past_quotes) {
            return None;
        }
        if quote {
            let cue = cue_after(tokens, v + 1).or_else(|| cue_later(tokens, v + 1, false));
            if cue.is_some() || t.quote_ends_sentence() {
                return cue;
            }
        } else if says(t) && !past_quotes {
            // "“…” for Clinton, said Kunin.": the verb may invert after a comma.
            let after_comma = v > from && tokens[v - 1].is_punct(',');
            return mention_before(tokens, from, v)
                .or_else(|| after_comma.then(|| inverted_subject(tokens, v)).flatten());
        }
    }
    None
}

/// The subject after an inverting speech verb at `verb` ("said Jane Doe, a nurse"), when it ends
/// the clause: in "said Sanders has pushed" the name opens reported speech and is no speaker.
pub fn inverted_subject(tokens: &[Token], verb: usize) -> Option<Cue> {
    let t = &tokens[verb];
    if !is_finite(t) || !super::lexicon::is_inverting_speech_verb(t.lower()) {
        return None;
    }
    // (a word straight after the name is no subject's end, "said Trump supporters", unless it
    // opens a phrase of place or time, "said Donna Lages of Fort Pierce", "… on Tuesday"; after
    // an apposition any may follow: "said Donna Lages, a waitress at the Golden Bear
    // restaurant, which serves breakfast")
    mention_forward(tokens, verb + 1, true)
        .filter(|&(_, end)| {
            !tokens.get(end).is_some_and(|n| {
                is_word(n)
                    && !matches!(n.text.as_str(), "of" | "to")
                    && !PLACE_PREPOSITIONS.contains_sorted(&n.text)
            }) || tokens[end - 1].is_punct(',')
        })
        .map(|(cue, _)| cue)
}

/// The subject that opens the sentence `lo..end`: a name, a pronoun or a description.
fn sentence_subject(tokens: &[Token], lo: usize, end: usize) -> Option<Cue> {
    // "“…,” said Ed Rendell, a former governor, referring to …": the sentence's speaker.
    if tokens
        .get(lo)
        .is_some_and(|t| matches!(t.kind, TokenKind::Quote(_)))
    {
        return cue_after(tokens, lo + 1).filter(|c| c.at < end);
    }
    let mut from = lo;
    // skip an opening adverbial ("During a speech earlier, Trump …")
    // A clause opened by a conjunction or a preposition may run long before its comma ("When
    // told Perez was in President Obama's Cabinet and in the running for …, Bush thought …",
    // "On the eve of his election to a fourth term as prime minister in March, Netanyahu …").
    // ("Filling in for Sanders at the same event where Clinton and O'Malley appeared Sunday,
    // West …": so may a participle's.)
    let opens_with_participle = tokens
        .get(lo)
        .is_some_and(|t| t.text.ends_with("ing") || t.text.ends_with("ed"))
        && tokens
            .get(lo + 1)
            .is_some_and(|n| is_word(n) && !n.is_capitalized());
    let window = if opens_with_participle
        || tokens.get(lo).is_some_and(|t| {
            t.is_capitalized()
                && (CONJUNCTIONS.contains_sorted(t.lower())
                    || PLACE_PREPOSITIONS.contains_sorted(t.lower()))
        }) {
        30
    } else {
        12
    };
    if let Some(comma) = (lo..end.min(lo + window)).find(|&k| tokens[k].is_punct(',')) {
        // ("He urged Mr. Trump to act, saying …": a pronoun opening it is the subject.)
        // ("Hours later, Trump …": so does a phrase ending in a lowercase adverb.)
        let ends_adverbially = comma > lo
            && !tokens[comma - 1].is_capitalized()
            && is_not_name_word(&tokens[comma - 1].text);
        // ("Appearing before supporters, Suu Kyi …": so does a participle; "Reached by phone,
        // Bennett …", a past participle too.)
        let opens_with_adverbial = !tokens[lo].is_capitalized()
            || (is_not_name_word(&tokens[lo].text) && !is_pronoun(&tokens[lo]))
            || ends_adverbially
            || opens_with_participle;
        // ("The Florida senator sought to calm his supporters, …, saying": an article opens the
        // subject, unless it opens a time, "The next day, …", "A few weeks later, …", or a name
        // follows in apposition, "The group, WeWorkers Coalition, …".)
        let opens_with_subject = matches!(tokens[lo].text.as_str(), "The" | "A" | "An")
            && !tokens.get(comma + 1).is_some_and(Token::is_capitalized)
            && !tokens[lo..comma].iter().any(|t| {
                let lower = t.lower();
                TIME_NOUNS.contains_sorted(lower.strip_suffix('s').unwrap_or(lower))
            });
        if opens_with_adverbial && !opens_with_subject {
            from = comma + 1;
            // "On July 6, 2015, Sanders …": a date's own comma is inside the adverbial.
            while tokens.get(from).is_some_and(starts_with_digit)
                && tokens.get(from + 1).is_some_and(|t| t.is_punct(','))
            {
                from += 2;
            }
            // "On Thursday, after remaining neutral …, Warren …": a second adverbial, opened
            // by a lowercase conjunction or preposition, runs to the next comma; so does the
            // state after a town ("At a rally in Ames, Iowa, on Sunday, Clinton …").
            while let Some(next) = (from..end.min(from + window))
                .find(|&k| tokens[k].is_punct(','))
                .filter(|&next| {
                    let t = &tokens[from];
                    (t.text.starts_with(crate::text::is_lower)
                        && (CONJUNCTIONS.contains_sorted(&t.text)
                            || OBJECT_PREPOSITIONS.contains_sorted(&t.text)))
                        || (next <= from + 2
                            && from >= lo + 3
                            && tokens[from - 2].is_capitalized()
                            && OBJECT_PREPOSITIONS.contains_sorted(&tokens[from - 3].text)
                            && tokens[from..next].iter().all(is_nameish))
                })
            {
                from = next + 1;
            }
        }
    }
    // "But Podliska’s most explosive claim is …": a conjunction opening it is no subject
    if tokens
        .get(from)
        .is_some_and(|t| matches!(t.text.as_str(), "And" | "But" | "Yet"))
    {
        from += 1;
    }
    mention_forward(tokens, from, false)
        .filter(|(cue, _)| cue.at < end)
        .map(|(cue, _)| cue)
}

/// The subject of the speech verb at `verb`, reading backwards no further than `lo`.
pub fn mention_before(tokens: &[Token], lo: usize, verb: usize) -> Option<Cue> {
    subject_before(tokens, lo, verb).or_else(|| {
        // "Pence went on to say", "Sanders used this question to demand", "Protesters
        // (marching) through the streets chanted": the sentence's subject, when a few words
        // stand between it and the verb that lead into an infinitive (lowercase; not "declined
        // to specify", "chose not to respond") or make a place phrase.
        let subject = sentence_subject(tokens, lo, verb)?;
        let between = tokens.get(subject.at + 1..verb)?;
        let short = between.len() <= 5 && between.iter().all(is_word);
        let infinitive = between.last().is_some_and(|t| t.text == "to")
            && !between.iter().any(|t| {
                t.is_capitalized()
                    || t.text == "not"
                    || t.text.starts_with("declin")
                    || t.text.starts_with("refus")
            });
        let place = between
            .iter()
            .position(|t| PLACE_PREPOSITIONS.contains_sorted(&t.text))
            .is_some_and(|p| p == 0 || (p == 1 && between[0].text.ends_with("ing")));
        (short && (infinitive || place)).then_some(subject)
    })
}

crate::words!(static FOREIGN_ACCORDING = "laut|secondo|segundo|según|selon");

/// Where the source begins if token `at` opens "according to" (of English, or of German,
/// French, Spanish, Italian or Portuguese copy: "laut", "selon", "según", …).
fn according_to(tokens: &[Token], at: usize) -> Option<usize> {
    let lower = tokens[at].lower();
    if lower == "according" {
        return tokens
            .get(at + 1)
            .is_some_and(|t| t.lower() == "to")
            .then_some(at + 2);
    }
    FOREIGN_ACCORDING.contains_sorted(lower).then_some(at + 1)
}

crate::words!(static ADVERBIAL_PREPOSITIONS = "after|before|by|for|upon|while");
crate::words!(static BE_FORMS = "are|be|been|being|is|was|were");
crate::words!(static AUTHORING_VERBS = "filed|issued|published|released|sent|signed|written");
crate::words!(static OWNER_WORDS = "her|his|its|of|our|their");
crate::words!(static OBJECT_PREPOSITIONS = "against|at|in|inside|into|near|on|outside|through|to|via");
crate::words!(static PLACE_PREPOSITIONS = "across|at|from|in|inside|near|on|outside|through");

/// [`mention_before`] with the subject right before the verb.
fn subject_before(tokens: &[Token], lo: usize, verb: usize) -> Option<Cue> {
    let mut i = verb;
    // A name agreeing with a plural auxiliary is a group ("Big Machine have twice denied").
    let mut plural = false;
    // "Élisabeth Borne a affirmé", "Meloni ha detto": a compound past's auxiliary.
    if i > lo && is_foreign_auxiliary(&tokens[i - 1].text, tokens.get(i)) {
        i -= 1;
    }
    // skip adverbs and auxiliaries between subject and verb ("Blinken also told", "Priebus
    // later Thursday told")
    while i > lo
        && is_word(&tokens[i - 1])
        && (is_adverb_or_auxiliary(&tokens[i - 1])
            || WEEKDAYS.contains_sorted(tokens[i - 1].lower()))
    {
        plural |= matches!(tokens[i - 1].text.as_str(), "have" | "are" | "were");
        i -= 1;
    }
    // A second predicate shares the first one's subject: "Donald Trump bemoaned the unrest and
    // said", "Carson did not name them, but told" (not ", and said" after a list or a clause).
    if i > lo + 1
        && matches!(tokens[i - 1].text.as_str(), "and" | "but")
        && (tokens[i - 1].text == "but" || !tokens[i - 2].is_punct(','))
    {
        return sentence_subject(tokens, lo, i - 1);
    }
    // "Gov. John Kasich (R-OH), said": a comma right after a parenthetical closes nothing.
    if i > lo + 1 && tokens[i - 1].is_punct(',') && tokens[i - 2].is_punct(')') {
        i -= 1;
    }
    // parenthetical "(R-Ohio)"
    if i > lo && tokens[i - 1].is_punct(')') {
        let open = (lo..i - 1).rev().find(|&k| tokens[k].is_punct('('))?;
        i = open;
    }
    let mut role = None;
    // "Jason Sims — a teacher from Mount Pleasant — says": an apposition between dashes.
    if i > lo + 1 && is_dash(&tokens[i - 1]) {
        let close = i - 1;
        let open = (lo.max(close.saturating_sub(40))..close)
            .rev()
            .find(|&k| is_dash(&tokens[k]))?;
        role = role_of(&tokens[open + 1..close]);
        i = open;
    }
    if role.is_none() && i > lo && tokens[i - 1].is_punct(',') {
        // apposition: "Jones, a spokeswoman for the agency, said"
        let close = i - 1;
        let open = (lo.max(close.saturating_sub(40))..close)
            .rev()
            .find(|&k| tokens[k].is_punct(','))?;
        if open + 1 >= close {
            return None;
        }
        // "The group that owns her music, Big Machine, says": the name is the apposition.
        let inner = &tokens[open + 1..close];
        // …but only after a lowercase description: "in Tulsa, Oklahoma, saying" names a place.
        // (or after a description ending in a place or a body: "His partner at Lenox, Lawrence
        // B. Cummings, called", "the director of the Federal Bureau of Investigation, James
        // B. Comey, said")
        // ("The leader of the Anti-Defamation League, Jonathan Greenblatt, warned": the body's
        // name may run to several words after "the".)
        let after_body = || {
            let mut body = open - 1;
            while body > lo && is_nameish(&tokens[body - 1]) {
                body -= 1;
            }
            if body > lo && tokens[body - 1].text == "the" {
                body -= 1;
            }
            body > lo
                && (OBJECT_PREPOSITIONS.contains_sorted(&tokens[body - 1].text)
                    || tokens[body - 1].text == "of")
        };
        // ("The Home Secretary, Yvette Cooper, said": so may a capitalized title.)
        let after_description = open > lo + 1
            && is_word(&tokens[open - 1])
            && (!tokens[open - 1].is_capitalized()
                || is_title_word(&tokens[open - 1].text)
                || (inner.len() > 1 && !super::is_place_prefix(&inner[0].text) && after_body()));
        if inner.len() <= 5
            && inner.iter().all(|t| is_nameish(t) || is_particle(&t.text))
            && after_description
        {
            let description = (lo..open).rev().take_while(|&k| is_word(&tokens[k])).last();
            let role = description.map(|d| join(&tokens[d..open]));
            return Some(Cue {
                mention: name_mention(inner, false, role),
                at: close - 1,
            });
        }
        // ("“…,” Maria Gonzalez, 42, said": an age is no role)
        if !inner.first().is_some_and(starts_with_digit) {
            role = role_of(inner);
        }
        i = open;
        // "Jean-Marc Ayrault, the foreign minister of France, a member of …, said": a second
        // apposition before the first. The one next to the name is the person's role; the
        // later one may say what its last words are ("Sean Robertson, a spokesperson for
        // Inherent Resolve, the U.S. military operation against …, told").
        if let Some(second) = (lo.max(i.saturating_sub(20))..i)
            .rev()
            .find(|&k| !is_word(&tokens[k]))
            .filter(|&k| {
                // (or an age or a party and state: "Jane Doe, 34, who lives nearby, said",
                // "Sen. Chris Murphy, D-Conn., who leads the panel, said")
                k > lo
                    && tokens[k].is_punct(',')
                    && is_nameish(&tokens[k - 1])
                    && (DETERMINERS.contains_sorted(tokens[k + 1].lower())
                        || starts_with_digit(&tokens[k + 1])
                        || matches!(tokens[k + 1].text.as_bytes(), [_, b'-', ..]))
            })
        {
            role = role_of(&tokens[second + 1..i]).or(role);
            i = second;
        }
        if i > lo && tokens[i - 1].is_punct(')') {
            i = (lo..i - 1).rev().find(|&k| tokens[k].is_punct('('))?;
        }
    }
    // "Paul D. Ryan of Wisconsin said", "a woman in Worcester, Massachusetts, told": a name
    // after a preposition says where the speaker before it is from. It is no subject itself ("a
    // message on Twitter reading"), but after "of" it may be: "footage of Clinton asking".
    let mut moved = false;
    loop {
        let mut f = i;
        let place_word = |k: usize| is_nameish(&tokens[k]) && !is_title_word(&tokens[k].text);
        while f > lo && place_word(f - 1) {
            f -= 1;
        }
        // "of Ashton, Md., who …": a town and its state after "of" or "from" are one place,
        // set off by commas ("at the Grille, Trump said" is no place).
        if f < i
            && f > lo + 2
            && tokens[i].is_punct(',')
            && tokens[f - 1].is_punct(',')
            && place_word(f - 2)
        {
            let mut town = f - 2;
            while town > lo && place_word(town - 1) {
                town -= 1;
            }
            let p = tokens[town.saturating_sub(1)].text.as_str();
            // (not "in Washington, Marc Morial, the chief executive, told")
            if town > lo + 1 && matches!(p, "of" | "from") {
                f = town;
            }
        }
        if f == i || f < lo + 2 {
            break;
        }
        // "John Smith of the Heritage Foundation said": an article may open the body's name.
        if f > lo + 2
            && tokens[f - 1].text == "the"
            && matches!(tokens[f - 2].text.as_str(), "of" | "from")
        {
            f -= 1;
        }
        let p = tokens[f - 1].text.as_str();
        let of = matches!(p, "of" | "from");
        // "Cory James, 22, of Flint, Mich., said": a place set off by commas (after an age, if
        // any) says where the person before it is from.
        if of && tokens[f - 2].is_punct(',') && !tokens[verb].text.ends_with("ing") {
            let mut comma = f - 2;
            if comma >= lo + 2
                && starts_with_digit(&tokens[comma - 1])
                && tokens[comma - 2].is_punct(',')
            {
                comma -= 2;
            }
            i = comma;
            role = None;
            break;
        }
        if (of && !moved && tokens[verb].text.ends_with("ing"))
            || !(of || OBJECT_PREPOSITIONS.contains_sorted(p))
        {
            break;
        }
        let before = &tokens[f - 2];
        let lower = before.lower();
        let owner = if before.is_capitalized() {
            !is_title_word(&before.text)
                && !is_org_word(&before.text)
                && (!of || (f > lo + 2 && is_nameish(&tokens[f - 3])))
        } else {
            is_role_noun(lower) && !super::lexicon::is_document_noun(lower)
        };
        if !owner {
            if of && !moved {
                break;
            }
            return None;
        }
        i = f - 1;
        moved = true;
    }
    if i == lo || i == 0 {
        return None;
    }
    let last = i - 1;
    let t = &tokens[last];
    if !is_word(t) {
        return None;
    }
    if is_pronoun(t) {
        return Some(Cue {
            mention: pronoun(t),
            at: last,
        });
    }
    // "Trump's comments": a possessive is no subject; the word after it is a noun. Neither is a
    // party's adjective alone ("32% of Republican claims").
    let party_adjective = matches!(t.text.as_str(), "Republican" | "Democratic" | "Democrat")
        && (last == lo || !tokens[last - 1].is_capitalized());
    if party_adjective {
        return None;
    }
    if is_nameish(t) && !is_possessive(t) && !is_role_acronym(t) {
        let mut first = last;
        while first > lo {
            let p = &tokens[first - 1];
            // "Secretary of State", "Minister for Health", "Office of Emergency Services"
            let joins = is_nameish(p)
                || (is_word(p)
                    && super::is_office_connector(&p.text)
                    && first >= 2
                    && first - 2 >= lo
                    && tokens[first - 2].is_capitalized()
                    && (is_title_word(&tokens[first - 2].text)
                        || is_org_word(&tokens[first - 2].text)))
                // (a particle may start the name: "von der Leyen said", "de Blasio tweeted")
                || particle_before(p, &tokens[first])
                || (p.text == "and" && first >= lo + 2 && and_joins_body(tokens, first - 1));
            if !joins {
                break;
            }
            first -= 1;
        }
        let definite = first > lo && tokens[first - 1].lower() == "the";
        let mut mention = name_mention(&tokens[first..=last], definite, role);
        if let (true, Mention::Name { name, .. }) = (plural, &mut mention) {
            name.clear();
        }
        return Some(Cue { mention, at: last });
    }
    // a description ending in a role noun: "the U.S. diplomat", "a CBP spokesperson", "officials";
    // or in an organisation's noun: "the Russian and Syrian defense ministries", "the campaign"
    let head = t.lower();
    let org_head = !t.is_capitalized() && is_org_noun(head);
    // ("The 56-year-old said": an age describes a person too; "Another tweeted" is someone
    // unnamed, as "one user" is)
    if !is_role_noun(head) && !org_head && !super::lexicon::is_age(head) && head != "another" {
        return None;
    }
    let mut first = last;
    while first > lo && last - first < 7 {
        let p = &tokens[first - 1];
        if !is_word(p) {
            break;
        }
        first -= 1;
        if is_determiner(p) {
            break;
        }
    }
    let det = tokens[first].lower();
    // "Obama's former campaign strategist", "her spokesman": a possessive determines like "the".
    let has_det = is_determiner(&tokens[first]);
    if !has_det && (!head.ends_with('s') || !is_role_noun(head)) {
        // a bare singular noun ("spokesman said") is too weak to name anyone; so is a bare
        // plural organisation noun ("organizations say")
        return None;
    }
    // "Paganini and his team wrote": the owner named first speaks for both.
    if POSSESSIVE_PRONOUNS.contains_sorted(det) && first > lo && tokens[first - 1].text == "and" {
        return None;
    }
    let first = if has_det { first } else { last };
    // "Trump issued a statement saying …", "the campaign sent out a fundraising email
    // stressing …": a document speaks for whoever issued it.
    if det != "the" && super::lexicon::is_document_noun(head) {
        if let Some(verb) = (lo..first)
            .rev()
            .take(2)
            .find(|&k| super::issues_document(tokens, k))
        {
            return mention_before(tokens, lo, verb);
        }
    }
    Some(Cue {
        mention: Mention::Description {
            text: join(&tokens[first..=last]),
            head: head.to_owned(),
            definite: det == "the" || (has_det && !DETERMINERS.contains_sorted(det)),
        },
        at: last,
    })
}

crate::words!(static POSSESSIVE_PRONOUNS = "her|his|its|our|their");

/// Returns true if and only if the "and" at `and_at` joins two parts of one body's name: after a
/// body's word and its connector ("the Department of Health and Human Services", "the Joint
/// Committee on Intelligence and Security"), or in a name after "the" that ends in a body's word
/// ("the Food and Drug Administration"). Not "Clinton and Sanders", nor "Trump and Fox News".
#[inline(never)]
fn and_joins_body(tokens: &[Token], and_at: usize) -> bool {
    let after = tokens[and_at + 1..]
        .iter()
        .take_while(|t| is_nameish(t))
        .count();
    let mut k = and_at;
    while k > 0 && and_at - k < 6 {
        let p = &tokens[k - 1];
        if super::is_office_connector(&p.text) {
            if k >= 2 && is_org_word(&tokens[k - 2].text) {
                return after > 0;
            }
        } else if !is_nameish(p) {
            break;
        }
        k -= 1;
    }
    after >= 2
        && k < and_at
        && k > 0
        && tokens[k - 1].text == "the"
        && is_org_word(&tokens[and_at + after].text)
}

/// Returns true if and only if the word is a role written as an acronym ("the CEO said", "one
/// neo-bank CEO told me"): a description's head, not a name.
fn is_role_acronym(t: &Token) -> bool {
    is_acronym(&t.text) && is_role_noun(t.lower())
}

/// Returns true if and only if the word opens a description: an article, a number or a
/// possessive ("the spokesman", "Obama's adviser", "her attorney").
fn is_determiner(t: &Token) -> bool {
    let lower = t.lower();
    DETERMINERS.contains_sorted(lower)
        || POSSESSIVE_PRONOUNS.contains_sorted(lower)
        || is_possessive(t)
}

/// Returns true if and only if the token is a singular possessive ("Obama's", "the agency’s").
// NOTE: singular only, unlike `is_possessive_word` (quotes/mod.rs), which the mention notes
// use: taking "States’" as a possessive here makes "the United States’ top diplomat" a speaker
// of its own ("States’ top diplomat") instead of the role of the person named before (the seed).
// (Out of line: inlined into its many callers it weighed 0.7 KB of the wasm's budget.)
#[inline(never)]
fn is_possessive(t: &Token) -> bool {
    is_word(t) && (t.text.ends_with("'s") || t.text.ends_with("’s"))
}

/// The speaker named after a speech verb: "said Blinken", "said the spokeswoman", "said Jane
/// Doe, a spokeswoman for X".
// (out of line: inlined into its callers it weighed 197 B of the wasm's budget)
#[inline(never)]
pub fn mention_after(tokens: &[Token], from: usize) -> Option<Cue> {
    mention_forward(tokens, from, true).map(|(cue, _)| cue)
}

/// The named author after a document noun at `head`: "a complaint filed by the Securities and
/// Exchange Commission", "a report released by the Pentagon", "a statement from the Department
/// of Justice".
fn document_author(tokens: &[Token], head: usize) -> Option<(Cue, usize)> {
    if !super::lexicon::is_document_noun(tokens[head].lower()) {
        return None;
    }
    let verb = tokens.get(head + 1)?;
    let first = if verb.text == "from" {
        head + 2
    } else if AUTHORING_VERBS.contains_sorted(&verb.text)
        && tokens.get(head + 2).is_some_and(|t| t.text == "by")
    {
        head + 3
    } else {
        return None;
    };
    let definite = tokens.get(first).is_some_and(|t| t.text == "the");
    let mut start = first;
    // "the federal Securities and Exchange Commission"
    while tokens
        .get(start)
        .is_some_and(|t| is_word(t) && !t.is_capitalized() && start < head + 6)
    {
        start += 1;
    }
    let mut end = start;
    while tokens.get(end).is_some_and(|t| {
        is_nameish(t)
            || (matches!(t.text.as_str(), "and" | "of")
                && end > start
                && tokens.get(end + 1).is_some_and(is_nameish))
    }) {
        end += 1;
    }
    (end > start).then(|| {
        (
            Cue {
                mention: name_mention(&tokens[start..end], definite, None),
                at: end - 1,
            },
            end,
        )
    })
}

/// A noun phrase read forwards from `from`; returns it and the index just past it. `after_verb`:
/// its verb came first ("said …", "according to …"), so a speech verb's form ending in "s" in
/// it is a plural noun ("according to the explanatory notes").
fn mention_forward(tokens: &[Token], from: usize, after_verb: bool) -> Option<(Cue, usize)> {
    let mut from = from;
    // "wrote 43-year-old Martin Taylor", "said former Secretary of State Colin Powell": an age
    // or "former" before the name is no part of it; nor is a German article before a title
    // ("sagte der Ökonom Marcel Fratzscher").
    while tokens.get(from).is_some_and(|t| {
        is_word(t)
            && (super::lexicon::is_age(&t.text)
                || t.lower() == "former"
                || matches!(t.text.as_str(), "der" | "die" | "ein" | "eine")
                    && tokens.get(from + 1).is_some_and(|n| is_title_word(&n.text))
                    && tokens.get(from + 2).is_some_and(is_nameish))
    }) {
        from += 1;
    }
    // "Here’s Clinton in 1992: …": a contraction presents the name after it.
    if tokens.get(from).is_some_and(|t| {
        t.text.contains(['\'', '’']) && is_not_name_word(&t.text) && !is_pronoun(t)
    }) && tokens.get(from + 1).is_some_and(is_nameish)
    {
        from += 1;
    }
    let t = tokens.get(from)?;
    if !is_word(t) {
        return None;
    }
    if is_pronoun(t) {
        return Some((
            Cue {
                mention: pronoun(t),
                at: from,
            },
            from + 1,
        ));
    }
    let lower = t.lower();
    // A description, then the name it describes: where the name starts and the description ends.
    let possessive_pronoun = POSSESSIVE_PRONOUNS.contains_sorted(lower);
    let described_name = 'described: {
        if DETERMINERS.contains_sorted(lower) || possessive_pronoun {
            // "the White House", "the spokeswoman", "a senior official"
            let mut j = from + 1;
            while tokens
                .get(j)
                .is_some_and(|n| is_word(n) && (!says(n) || after_verb && n.text.ends_with('s')))
                && j - from < 7
            {
                j += 1;
            }
            let words = &tokens[from + 1..j];
            if words.is_empty() {
                return None;
            }
            // "The Blaze’s Matt Walsh provided …": a full name after a possessive is the person's.
            let n = words.iter().take_while(|t| is_nameish(t)).count();
            if let Some(p) = words[..n]
                .iter()
                .position(is_possessive)
                .filter(|&p| n >= p + 3)
            {
                let role = Some(join(&tokens[from..from + p + 2]));
                return Some((
                    Cue {
                        mention: name_mention(&words[p + 1..n], false, role),
                        at: from + n,
                    },
                    from + n + 1,
                ));
            }
            // "said the actor Brad Pitt", "said the prime minister, Boris Johnson.": a description
            // ending in a lowercase role noun, then a full name (after a comma, one that ends the
            // clause), is that person's role. (Not "a reporter Nisan Ahmado's source".)
            let comma = usize::from(tokens.get(j).is_some_and(|t| t.is_punct(',')));
            if let Some(name_at) = (from + 2..=j + comma).find(|&k| {
                let noun = &tokens[k - 1 - usize::from(k > j)];
                let name = tokens[k..]
                    .iter()
                    .take_while(|t| is_nameish(t) || is_particle(&t.text))
                    .count();
                // ("her mother, Fiona, said": a first name alone after a kin's description; a
                // capitalized title only before a comma: "the Mayor, Bill de Blasio, said")
                (!noun.is_capitalized() || k > j)
                    && is_role_noun(noun.lower())
                    && (name >= 2 || (possessive_pronoun && k > j))
                    && !is_possessive(&tokens[k + name - 1])
                    && (k < j || !tokens.get(k + name).is_some_and(is_word))
            }) {
                break 'described Some((name_at, name_at.min(j)));
            }
            let in_name = |(k, t): (usize, &Token)| {
                is_nameish(t) || t.text == "and" && and_joins_body(tokens, from + 1 + k)
            };
            if words.iter().enumerate().all(in_name) && !words.last().is_some_and(is_role_acronym) {
                return Some((
                    Cue {
                        mention: name_mention(words, true, None),
                        at: j - 1,
                    },
                    j,
                ));
            }
            // End the description at its last role noun; a short phrase right before a speech verb
            // ("the city council said") is a description whatever its head noun.
            let before_verb = tokens.get(j).is_some_and(says) && j - from <= 4;
            // "…,” said one Trump confidant." / "said the designer, who works for …": a short
            // phrase that ends the clause is the speaker whatever its head noun.
            let ends_clause = j - from <= 5
                && tokens
                    .get(j)
                    .is_none_or(|t| t.is_punct(',') || t.is_punct('.') || t.is_punct(';'))
                && !tokens[j - 1].is_capitalized()
                && !TIME_NOUNS.contains_sorted(tokens[j - 1].lower());
            // (its last word before any adverb: "the editorial board recently wrote")
            let last = (from + 1..j)
                .rev()
                .find(|&k| !is_adverb_or_auxiliary(&tokens[k]))
                .unwrap_or(j - 1);
            let head_at = (from + 1..j)
                .rev()
                .find(|&k| is_role_noun(tokens[k].lower()))
                .or_else(|| (before_verb || ends_clause).then_some(last))?;
            // "according to a civil complaint filed by the Securities and Exchange Commission": a
            // document speaks for whoever filed or issued it.
            if let Some(author) = document_author(tokens, head_at) {
                return Some(author);
            }
            // "her attorney", "his campaign"; but "said that according to its analysis, …": a
            // thing of an owner named before is no speaker.
            let head_lower = tokens[head_at].lower();
            if possessive_pronoun && !is_role_noun(head_lower) && !is_org_noun(head_lower) {
                return None;
            }
            let head = &tokens[head_at];
            // "the 14th-ranked Schwartzman said", "a defiant Clinton told": a name with a word
            // about them before it (a role noun is not, nor is its head found as one).
            let mut end = head_at + 1;
            let mention = if is_nameish(head)
                && !is_nameish(&tokens[head_at - 1])
                && !is_role_noun(head.lower())
            {
                name_mention(&tokens[head_at..=head_at], false, None)
            } else {
                // "a longtime adviser to Bill Clinton", "a spokeswoman for the House Armed
                // Services Committee": whose, named after it, is part of the description.
                if tokens
                    .get(end)
                    .is_some_and(|t| matches!(t.text.as_str(), "for" | "of" | "to"))
                {
                    let name =
                        end + 1 + usize::from(tokens.get(end + 1).is_some_and(|t| t.text == "the"));
                    let n = tokens[name.min(tokens.len())..]
                        .iter()
                        .take_while(|t| is_nameish(t) && !is_possessive(t))
                        .count();
                    if n > 0 && !tokens.get(name + n).is_some_and(is_possessive) {
                        end = name + n;
                    }
                }
                Mention::Description {
                    text: join(&tokens[from..end]),
                    head: head.lower().to_owned(),
                    definite: lower == "the" || possessive_pronoun,
                }
            };
            return Some((
                Cue {
                    mention,
                    at: head_at,
                },
                end,
            ));
        }
        // "said campaign spokeswoman Jen Psaki", "former Obama adviser David Axelrod said": a short
        // description ending in a lowercase role noun right before a name is that person's role.
        // So is any short lowercase description before a full name that ends the clause ("said
        // retired neurosurgeon Ben Carson, …", "said master of ceremonies Asab Al-Tabchi.").
        let full_name_ends_clause = |at: usize| {
            let n = tokens[at..].iter().take_while(|t| is_nameish(t)).count();
            n >= 2 && !tokens.get(at + n).is_some_and(is_word)
        };
        (from..tokens.len().min(from + 5))
            .take_while(|&k| {
                let t = &tokens[k];
                // a description, not a clause: "after Clinton spokesman Brian Fallon expressed"
                let function_word = !t.is_capitalized()
                    && is_not_name_word(&t.text)
                    && !OWNER_WORDS.contains_sorted(&t.text);
                is_word(t) && !says(t) && !function_word
            })
            .find_map(|k| {
                // ("Trump’s campaign manager, Kellyanne Conway, said": the name may follow a
                // singular role set off by a comma; not "said Clinton supporters, Mary Jones
                // among them".)
                let name_at = k
                    + 1
                    + usize::from(
                        !tokens[k].text.ends_with('s')
                            && tokens.get(k + 1).is_some_and(|c| c.is_punct(',')),
                    );
                // ("Sen. Tom Udall of New Mexico": "of" before a name is no description.)
                (!tokens[k].is_capitalized()
                    && tokens[k].text != "of"
                    && tokens.get(name_at).is_some_and(is_nameish)
                    // (or a title: "dijo el presidente Pedro Sánchez en Madrid")
                    && (is_role_noun(tokens[k].lower())
                        || is_title_word(&tokens[k].text)
                        || full_name_ends_clause(k + 1)))
                .then_some((name_at, k + 1))
            })
    };
    if let Some((name_at, description_end)) = described_name {
        let (mut cue, end) = mention_forward(tokens, name_at, false)?;
        // (no role in a little word of another language: "přidává se Emile Heskey")
        let description = &tokens[from..description_end];
        if let Mention::Name { role, name, .. } = &mut cue.mention {
            if !name.is_empty() && role.is_none() && description.iter().any(|t| t.text.len() > 2) {
                *role = Some(join(description));
            }
        }
        return Some((cue, end));
    }
    // "Small groups of protesters chanted", "Nuclear policy experts have warned": one
    // capitalized word before lowercase words that end in a role noun opens a description
    // (a sentence's first word is capitalized whatever it is).
    let opens_sentence = from == 0 || tokens[from - 1].ends_sentence();
    let description_end = (from + 1..tokens.len().min(from + 5))
        .take_while(|&k| is_word(&tokens[k]) && !tokens[k].is_capitalized() && !says(&tokens[k]))
        .find(|&k| {
            let lower = tokens[k].lower();
            is_role_noun(lower) && !super::lexicon::is_document_noun(lower)
        })
        .filter(|&end| !tokens.get(end + 1).is_some_and(Token::is_capitalized));
    // (not a participle: "Casting himself as her prosecutor, …")
    let adjective = opens_sentence
        && is_nameish(t)
        && !is_possessive(t)
        && !t.text.ends_with("ing")
        && !t.text.ends_with("ed");
    if let Some(end) = description_end.filter(|_| adjective) {
        return Some((
            Cue {
                mention: Mention::Description {
                    text: join(&tokens[from..=end]),
                    head: tokens[end].lower().to_owned(),
                    definite: false,
                },
                at: end,
            },
            end + 1,
        ));
    }
    if is_nameish(t) {
        let mut j = from + 1;
        while let Some(n) = tokens.get(j) {
            // "Secretary of State …", "Pennsylvania Gov. and Democratic National Committee
            // Chairman Ed Rendell": a title goes on through "of" and "and".
            let joins = is_nameish(n)
                || (matches!(n.text.as_str(), "of" | "and")
                    && tokens.get(j + 1).is_some_and(|m| m.is_capitalized())
                    && is_title_word(&tokens[j - 1].text))
                || particle_goes_on(tokens, j);
            if !joins {
                break;
            }
            j += 1;
        }
        // "New signs in stores …": the first word of a place's name alone names nobody.
        if j == from + 1 && super::is_place_prefix(&t.text) {
            return None;
        }
        // "Obama's former campaign strategist said": a possessive name opens a description.
        // After the verb, so does a plural role noun after a name that ends the clause: "…,”
        // said Clinton aides.", "said Trump’s lawyers on Tuesday", "said Obama administration
        // officials": the name's people speak, not the person named.
        let mut k = j;
        let mut plural_end = false;
        while !plural_end
            && tokens
                .get(k)
                .is_some_and(|n| is_word(n) && !n.is_capitalized() && !says(n))
            && k - j < 5
        {
            k += 1;
            plural_end = after_verb && is_plural_role(tokens[k - 1].lower());
        }
        // (not "said Donna Lages to reporters")
        let people = plural_end
            && !tokens[j..k - 1].iter().any(|t| is_not_name_word(&t.text))
            && tokens
                .get(k)
                .is_none_or(|n| !is_word(n) || PLACE_PREPOSITIONS.contains_sorted(&n.text));
        let possessive = is_possessive(&tokens[j - 1]);
        if people || k > j && possessive && tokens.get(k).is_some_and(says) {
            return Some((
                Cue {
                    mention: Mention::Description {
                        text: join(&tokens[from..k]),
                        head: tokens[k - 1].lower().to_owned(),
                        definite: possessive,
                    },
                    at: k - 1,
                },
                k,
            ));
        }
        let mut end = j;
        let mut role = None;
        if tokens.get(end).is_some_and(|n| n.is_punct('(')) {
            if let Some(close) = (end..tokens.len().min(end + 8)).find(|&k| tokens[k].is_punct(')'))
            {
                end = close + 1;
            }
        }
        // "Jason Sims — a teacher from Mount Pleasant — says"
        if tokens.get(end).is_some_and(is_dash) {
            if let Some(close) =
                (end + 1..tokens.len().min(end + 20)).find(|&k| is_dash(&tokens[k]))
            {
                role = role_of(&tokens[end + 1..close]);
                end = close + 1;
            }
        }
        // trailing apposition: "Jane Doe, a spokeswoman for the agency, said" / "… said Jane Doe, a spokeswoman."
        // (after an age, if any: "said Maria Gonzalez, 42, a nurse from Phoenix.")
        let mut comma = end;
        if tokens.get(comma + 1).is_some_and(starts_with_digit)
            && tokens.get(comma + 2).is_some_and(|n| n.is_punct(','))
        {
            comma += 2;
        }
        if tokens.get(comma).is_some_and(|n| n.is_punct(',')) {
            let stop = (comma + 1..tokens.len().min(comma + 20)).find(|&k| !is_word(&tokens[k]));
            if let Some(stop) = stop {
                let first = &tokens[comma + 1];
                let first_word = first.lower();
                // (or a possessive: "said Michael Cohen, Trump's former lawyer.", "Robby Mook,
                // her campaign manager,")
                let described = DETERMINERS.contains_sorted(first_word)
                    || POSSESSIVE_PRONOUNS.contains_sorted(first_word)
                    || first_word == "who"
                    || is_possessive(first);
                // ("said Paul Johnson, director of the IFS.": a role noun needs no article, but
                // it is not skipped as one with an article is: "says Carl Anthony, historian at
                // the Library, is that she was …" reads on)
                if stop > comma + 1 && (described || is_role_noun(first_word)) {
                    role = role_of(&tokens[comma + 1..stop]);
                }
                if stop > comma + 1 && described {
                    end = if tokens[stop].is_punct(',') {
                        stop + 1
                    } else {
                        stop
                    };
                }
            }
        }
        return Some((
            Cue {
                mention: name_mention(&tokens[from..j], false, role),
                at: j - 1,
            },
            end,
        ));
    }
    // "…,” lawmakers said", "…,” economists at Goldman Sachs wrote": a bare plural of a role
    if is_plural_role(lower) {
        return Some((
            Cue {
                mention: Mention::Description {
                    text: t.text.clone(),
                    head: lower.to_owned(),
                    definite: false,
                },
                at: from,
            },
            from + 1,
        ));
    }
    None
}

/// The role the text gives someone it names from `start` to `end` without quoting them: a
/// lowercase description right before the name ("coach Bruce Boudreau said after the game that
/// …") or an apposition after it ("Dr. Owen Dempsey, a pulmonologist at the Aberdeen Royal
/// Infirmary, explained …"), so that the sidebar shows it and "the coach said" finds that person
/// later rather than whoever spoke last.
pub fn role_around(tokens: &[Token], start: usize, end: usize) -> Option<String> {
    let mut from = start;
    while from > 0 && start - from < 3 && {
        let t = &tokens[from - 1];
        is_word(t) && !t.is_capitalized() && !is_not_name_word(&t.text) && !says(t)
    } {
        from -= 1;
    }
    // (not "told reporters Robby Mook had …": a plural is no one's role)
    if from < start && {
        let head = tokens[start - 1].lower();
        is_role_noun(head) && !is_plural_role(head)
    } {
        return Some(join(&tokens[from..start]));
    }
    // (the apposition read as after a speech verb, if it describes a person: not "Bartleby,
    // the silent procession filed its way …", nor a clause between dashes: "John M. Ford — Ford
    // visited his editor …"; and only after a comma, which most names in running text lack: the
    // reading costs time, and without one it took "John Gille, a physicist" for the role of
    // "Ellen Fetter had married John Gille, a physicist")
    if !tokens.get(end).is_some_and(|t| t.is_punct(',')) {
        return None;
    }
    match mention_forward(tokens, start, true)?.0.mention {
        Mention::Name { role, .. } => role.filter(|role| {
            role.starts_with(crate::text::is_lower) && super::lexicon::describes_person(role)
        }),
        _ => None,
    }
}

/// Returns true if and only if the lowercase word is the plural of a role noun ("aides",
/// "officials") or a role noun ending in "s".
#[inline(never)]
fn is_plural_role(lower: &str) -> bool {
    lower
        .strip_suffix('s')
        .is_some_and(|one| is_role_noun(lower) || is_role_noun(one))
}

/// Splits a capitalized run into title and personal name. The name is the last run of words that
/// are neither titles, acronyms nor organisation words; none when the phrase names an organisation.
fn name_mention(words: &[Token], definite: bool, role: Option<String>) -> Mention {
    // "CNBC's Becky Quick said", "Commentary’s Noah Rothman tweeted": the words up to a
    // possessive name the owner (an outlet, a body); the person is the name after it. So is a
    // surname alone ("Media Research Center’s Bozell"), but not an acronym ("Mozilla’s CTO"), nor
    // the last word of a name with "the" ("the People’s Daily").
    if let Some(owner) = words[..words.len().saturating_sub(1)]
        .iter()
        .rposition(is_possessive)
        .filter(|&o| o + 2 < words.len() || !(definite || is_acronym(&words[o + 1].text)))
    {
        let role = role.or_else(|| Some(join(&words[..=owner])));
        return name_mention(&words[owner + 1..], false, role);
    }
    let text: Vec<&str> = words.iter().map(|t| t.text.as_str()).collect();
    // The name is the trailing run of words that are neither titles, acronyms nor organisation
    // words, or the person's names after an office ("Minister for Foreign Affairs Simon
    // Coveney").
    let mut name_start = text.len();
    while name_start > 0 {
        let w = text[name_start - 1];
        // ("Senators Jon Ames": a plural title before the name, not as its last word)
        if is_title_word(w)
            || (name_start < text.len() && super::lexicon::is_plural_title(w))
            || is_acronym(w)
            || is_org_word(w)
            || super::is_office_connector(w)
            || text.len() - name_start >= 4
        {
            break;
        }
        name_start -= 1;
    }
    let office = super::office_name_start(&text);
    name_start = name_start
        .max(office)
        .max(usize::from(super::lexicon::opens_with_description(&text)));
    // A name after an office or a title that heads one is a person, whatever comes before ("the
    // Council on American-Islamic Relations National Executive Director Nihad Awad", "the
    // Secretary of State Antony Blinken", "the Rev. Peter Wherry"; not "the Democratic National
    // Convention": "Democratic" heads nothing).
    let named = name_start < text.len()
        && (office > 0
            || name_start > 0 && {
                let w = text[name_start - 1];
                super::lexicon::is_role_noun_any_case(w) || w.ends_with('.') && is_title_word(w)
            });
    // An organisation when it ends in an organisation word or acronym ("the White House",
    // "NATO"), or is a definite phrase or a body's word with what it is of ("Office of
    // Emergency Services", "Council on Foreign Relations") and names no one after a title.
    let last = text.last().copied().unwrap_or_default();
    let body = text
        .windows(2)
        .any(|w| is_org_word(w[0]) && super::is_office_connector(w[1]));
    if is_org_word(last) || is_acronym(last) || !named && (definite || body) {
        name_start = text.len();
    }
    // "POLITICO Florida reported": one word after acronyms and organisation words alone names a
    // branch or an edition of the organisation, not a person ("NATO Secretary General Jens
    // Stoltenberg", "Sen. Smith" have titles).
    // ("J.J. MacNab": initials are no acronym here.)
    if name_start > 0
        && text.len() - name_start == 1
        && !text[..name_start]
            .iter()
            .any(|w| is_title_word(w) || super::lexicon::is_plural_title(w) || w.contains('.'))
    {
        name_start = text.len();
    }
    let name: Vec<String> = text[name_start..].iter().map(|w| (*w).to_owned()).collect();
    let title: Vec<String> = text[..name_start].iter().map(|w| (*w).to_owned()).collect();
    let mut full = crate::text::join_words(&text);
    if definite {
        full.insert_str(0, "the ");
    }
    Mention::Name {
        title,
        name,
        text: full,
        role,
    }
}

/// The role an apposition gives, without its relative clause: "a top GOP operative who played
/// a major role in …" is "a top GOP operative"; "who has endorsed Clinton" gives none.
/// An apposition opening with a conjunction or an adverbial preposition gives none ("Fetter,
/// for her part, said", "NPR, and Reuters, reported", "Richardson, via USA Today, said").
fn role_of(apposition: &[Token]) -> Option<String> {
    let end = apposition
        .iter()
        .position(|t| matches!(t.text.as_str(), "who" | "which" | "whose"))
        .unwrap_or(apposition.len());
    let adverbial = apposition
        .first()
        .is_some_and(|t| NO_ROLE_OPENERS.contains_sorted(t.lower()));
    (end > 0 && !adverbial).then(|| join(&apposition[..end]))
}

crate::words!(static NO_ROLE_OPENERS = "and|but|for|in|including|or|via");

fn join(tokens: &[Token]) -> String {
    let mut out = String::new();
    for t in tokens {
        if !out.is_empty() && t.kind == TokenKind::Word {
            out.push(' ');
        }
        out.push_str(&t.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::find_spans;
    use crate::text::tokenize;

    fn toks(s: &str) -> Vec<Token> {
        let chars: Vec<char> = s.chars().collect();
        tokenize(&chars, &find_spans(&chars))
    }

    fn name_of(c: Option<Cue>) -> String {
        match c.map(|c| c.mention) {
            Some(Mention::Name { name, text, .. }) => {
                if name.is_empty() {
                    text
                } else {
                    crate::text::join_words(&name)
                }
            }
            Some(Mention::Pronoun { .. } | Mention::Group) => "<pronoun>".into(),
            Some(Mention::Description { text, .. }) => text,
            None => "<none>".into(),
        }
    }

    #[test]
    fn cues_after_a_quote() {
        let cases = [
            ("\"Yes,\" he said.", "<pronoun>"),
            ("\"Yes,\" Blinken said.", "Blinken"),
            (
                "\"Yes,\" said Antony Blinken, the secretary of state.",
                "Antony Blinken",
            ),
            (
                "\"Yes,\" Rep. Jim Jordan (R-Ohio), an oversight panel member, said.",
                "Jim Jordan",
            ),
            (
                "\"Yes,\" the White House said in a statement.",
                "the White House",
            ),
            ("\"Yes,\" a CBP spokesperson said.", "a CBP spokesperson"),
            ("\"Yes,\" according to Jane Doe.", "Jane Doe"),
            (
                "\"Yes,\" according to the explanatory notes.",
                "the explanatory notes",
            ),
            ("\"Yes,\" officials said.", "officials"),
            ("\"Why?\" a Democratic staffer in the room wondered.", "a Democratic staffer"),
            (
                "\"Yes,\" Scott Pruitt, the attorney general of Oklahoma, one of the states suing the EPA, said at an event.",
                "Scott Pruitt",
            ),
            ("\"Yes,\" Jane Doe, a nurse, hoping for more.", "<none>"),
            ("\"Yes,\" said campaign spokeswoman Jen Psaki.", "Jen Psaki"),
            ("\"Yes,\" said geologist Rosaly Lopes of NASA.", "Rosaly Lopes"),
            ("\"Yes,\" Founder Beverly Bond said.", "Beverly Bond"),
            ("\"Yes,\" campaign manager Robby Mook said.", "Robby Mook"),
            ("\"Yes,\" said former Secretary of State Colin Powell.", "Colin Powell"),
            ("\"Yes,\" said former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell.", "Ed Rendell"),
            ("\"Yes,\" said about Jane Doe.", "<none>"),
            ("\"Yes,\" former Obama adviser David Axelrod said.", "David Axelrod"),
            ("\"Yes,\" Republican political consultant Chris Wilson said.", "Chris Wilson"),
            ("\"Yes,\" after Clinton spokesman Brian Fallon spoke.", "<none>"),
            ("\"Yes,\" said one Trump confidant.", "one Trump confidant"),
            ("\"Yes,\" said the designer, who works for another brand.", "the designer"),
            ("\"Yes,\" he said the next day.", "<pronoun>"),
            ("\"Yes?\" Hannity pressed.", "Hannity"),
            ("\"Yes,\" Cruz himself said.", "Cruz"),
            ("\"Yes,\" Clinton emphatically proclaimed.", "Clinton"),
            ("\"Yes,\" Jason Sims — a teacher from Mount Pleasant — says.", "Jason Sims"),
            ("\"Yes?\" Hannity pressed the point.", "<none>"),
            ("\"Yes?\" The crowd roared wildly.", "<none>"),
            ("\"Yes,\" said retired neurosurgeon Ben Carson, asked about it.", "Ben Carson"),
            ("\"Yes,\" said master of ceremonies Asab Al-Tabchi.", "Asab Al-Tabchi"),
            ("\"Yes,\" said Sen. Tom Udall of New Mexico.", "Tom Udall"),
            ("\"Yes,\" said the Post's Dana Milbank.", "Dana Milbank"),
            ("\"Yes,\" NBC Boston reported.", "NBC Boston"),
            ("\"Yes.\" Publisher’s note: we are sorry.", "<none>"),
            ("\"Yes,\" J.R. Smith said.", "Smith"),
            ("\"Yes,\" CNBC's Becky Quick said.", "Becky Quick"),
            ("\"Yes,\" said Acme Weekly’s Jon Ames.", "Jon Ames"),
            ("\"Yes,\" said the actor Brad Pitt.", "Brad Pitt"),
            ("\"Yes,\" said the prime minister, Boris Johnson.", "Boris Johnson"),
            ("\"Yes,\" the head coach Bill Belichick said after the game.", "Bill Belichick"),
            ("\"Yes,\" said the spokesman, Johnson.", "the spokesman"),
            ("\"Yes,\" said the spokesman, Jane Doe said.", "the spokesman"),
            ("\"Yes,\" a reporter Nisan Ahmado's source said.", "a reporter Nisan Ahmado's source"),
            ("\"Yes,\" said the former aide to President George W. Bush.", "the former aide to President"),
        ];
        for (text, want) in cases {
            let t = toks(text);
            assert_eq!(name_of(cue_after(&t, 1)), want, "{text}");
        }
    }

    #[test]
    fn a_description_before_a_name_is_its_role() {
        for (text, want) in [
            ("\"Yes,\" said the actor Brad Pitt.", "the actor"),
            (
                "\"Yes,\" said the company’s chief executive, Tim Cook.",
                "the company’s chief executive",
            ),
        ] {
            let role = match cue_after(&toks(text), 1).map(|c| c.mention) {
                Some(Mention::Name { role, .. }) => role,
                _ => None,
            };
            assert_eq!(role.as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn cues_before_a_quote() {
        let cases = [
            ("NATO Secretary General Jens Stoltenberg said: \"Yes.\"", "Jens Stoltenberg"),
            ("White House Principal Deputy Press Secretary Karine Jean-Pierre told reporters that it is committed to \"ensuring NATO's door remains open\"", "Karine Jean-Pierre"),
            ("the United States' top diplomat confirmed that they watch \"very, very carefully.\"", "the United States' top diplomat"),
            ("Donald Trump bemoaned the unrest and said he thought drugs were a \"big factor\"", "Donald Trump"),
            ("In a joint statement, the Russian and Syrian defense ministries accused U.S. forces of controlling \"bandit formations\"", "the Russian and Syrian defense ministries"),
            ("After winning Ohio, Gov. John Kasich (R-OH), said, \"We are going on.\"", "John Kasich"),
            ("Mark Blumenthal and Jon Cohen: \"The polls were not wrong.\"", "Jon Cohen"),
            ("Media shares blame in Iowa poll overhype - Philip Bump: \"Pollsters take heat.\"", "Philip Bump"),
            ("But polls did predict the Democratic caucus - HuffPollster: \"It was close.\"", "HuffPollster"),
            ("Lewandowski quashed rumors of a book by tweeting that \"I will never write one.\"", "Lewandowski"),
            ("After the attacks, Trump issued a statement, \"It was the worst attack.\"", "Trump"),
            ("Mateen left as soon as prayers were finished, Nefzi said, adding, \"He was not very religious.\"", "Nefzi"),
            ("Early in his campaign, Trump attacked Romney, calling him \"a failed candidate.\"", "Trump"),
            ("Ryan's campaign shrugged off Trump's comments, telling reporters, \"Neither Speaker Ryan nor anyone asked.\"", "Ryan's campaign"),
            ("Hours later, Trump returned the compliment, telling Reuters, \"He is an amazing man.\"", "Trump"),
            ("Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said Sanders has pushed her to be \"more aggressive\"", "Claire McCaskill"),
            ("After Jerry Brown criticized him, Hillary Clinton shot back, \"I suppose I could have stayed home.\"", "Hillary Clinton"),
            ("As Ruth Marcus puts it, the president makes them \"an offer they can't refuse.\"", "Ruth Marcus"),
            ("Jane Silverman, herself a supporter, drew boos upon saying, \"She heard the people.\"", "Jane Silverman"),
            ("Reached by phone, Bennett denied it, saying he was \"taking a day off.\"", "Bennett"),
            ("Sondland was known for telling others \"he was in charge of Ukraine\"", "Sondland"),
            ("On the eve of his election to a fourth term as prime minister in March, Netanyahu rallied supporters by warning that \"the rule of the right is in danger.\"", "Netanyahu"),
            ("Carson did not name his rivals, but told supporters, \"Our nation is in trouble.\"", "Carson"),
            ("House Speaker Mary Ellen Stone of Ohio lamented the \"sorry\" state of the race.", "Mary Ellen Stone"),
            ("The senator from Maine said the bill was \"a disgrace.\"", "The senator"),
            ("Tom Reyes posted a note on Twitter reading \"Thank you Ohio\"", "Tom Reyes"),
            ("The ad shows footage of Jane Doe asking \"Why not me?\"", "Jane Doe"),
            ("He left after a woman in Dayton, Ohio, told him he was \"too soft\"", "a woman"),
            ("Lena Marsh, a teacher in Akron, who runs a book club, recalled that \"we never gave up.\"", "Lena Marsh"),
            ("Jon Ames, the mayor of Dover, a port town, said it was \"over.\"", "Jon Ames"),
            ("His former partner at Acme, Lawrence B. Cole, called him \"a genius.\"", "Lawrence B. Cole"),
            ("The head of the Acme Bureau of Records, Jon B. Ames, said it was \"a disgrace.\"", "Jon B. Ames"),
            ("Jon Ames, a pastor at a rally in Salem, New Hampshire, said it was \"a disgrace.\"", "Jon Ames"),
            ("Speaking at a diner in Salem, New Hampshire, Jane Doe went after Smith, calling him \"a total bore.\"", "Jane Doe"),
            ("At a rally in Ames, Iowa, on Sunday, Mrs. Doe tried again, saying \"we can win.\"", "Doe"),
            ("Tom Poe, of Dover, Del., said he was \"very happy.\"", "Tom Poe"),
            ("Ann Lee, 61, of Bath, Maine, who came by bus, said it was \"a long day.\"", "Ann Lee"),
            ("In a talk in Salem, Jon Ames, the mayor, told a student that \"we are proud.\"", "Jon Ames"),
            ("Small groups of students gathered outside, while chanting \"We want answers.\"", "Small groups of students"),
            ("Casting himself as the prosecutor, Tom Poe led the crowd, shouting \"Lock her up!\"", "Tom Poe"),
            ("The city council issued a statement calling the plan \"a disgrace.\"", "The city council"),
            ("Later, the campaign sent out an email saying he was \"very proud.\"", "the campaign"),
        ];
        for (text, want) in cases {
            let t = toks(text);
            let q = t
                .iter()
                .position(|t| matches!(t.kind, TokenKind::Quote(_)))
                .unwrap();
            assert_eq!(name_of(cue_before(&t, 0, q)), want, "{text}");
        }
    }
}
