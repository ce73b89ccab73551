//! Word lists for attribution: speech verbs, titles, role nouns, organisation words.
//!
//! Kept as sorted static slices (binary search): small in the wasm binary, no start-up cost.

use crate::words::Prefixes;

crate::words!(
    /// Base forms of verbs that introduce reported speech or writing.
    static SPEECH_LEMMAS = concat!(
    "acclaim|accuse|acknowledge|add|admit|admonish|advise|affirm|agree|alert|allege|",
    "announce|answer|apologize|applaud|argue|ask|assert|assess|assure|attack|attest|",
    "aver|beg|bemoan|berate|blame|blast|blog|boast|boo|brag|brand|bristle|brush|call|",
    "caution|challenge|chant|charge|chastise|cheer|chide|chime|chuckle|cite|claim|",
    "clarify|command|comment|compare|complain|concede|conclude|concur|condemn|confess|",
    "confide|confirm|congratulate|contend|continue|convey|counter|criticise|criticize|",
    "cry|declare|decry|demand|denounce|deny|deplore|deride|describe|detail|dictate|",
    "direct|disagree|disclose|dismiss|dispute|divulge|downplay|dub|echo|editorialize|",
    "elaborate|email|emphasise|emphasize|encourage|enthuse|estimate|exclaim|exhort|",
    "explain|express|fret|fume|gloat|gripe|groan|grouse|growl|grumble|guarantee|gush|",
    "hail|highlight|hint|implore|indicate|inform|inquire|insinuate|insist|instruct|",
    "insult|interject|interrupt|intone|jest|joke|label|lambaste|lament|lash|laud|laugh|",
    "lecture|liken|maintain|marvel|mention|message|moan|mock|mourn|mumble|murmur|muse|",
    "mutter|narrate|nod|note|object|observe|offer|opine|order|outline|paraphrase|",
    "persist|plead|pledge|point|ponder|posit|post|praise|preach|predict|preface|",
    "proclaim|promise|pronounce|propose|protest|query|question|quip|quote|rage|rant|",
    "rap|rave|react|read|reaffirm|reason|reassure|rebuke|rebut|recall|recite|reckon|",
    "recollect|recommend|recount|refer|reflect|refute|reiterate|reject|rejoin|relate|",
    "remark|remember|remind|reminisce|remonstrate|repeat|reply|report|request|respond|retort|",
    "reveal|ridicule|sass|say|scoff|scold|scream|shout|shrug|sigh|signal|sing|slam|",
    "snap|snarl|sneer|snipe|speak|specify|speculate|spell|stammer|state|stress|stutter|",
    "suggest|summarize|suppose|surmise|swear|taunt|tease|tell|term|testify|text|thank|",
    "theorize|threaten|thunder|tout|tweet|underline|underscore|urge|vent|venture|voice|",
    "vouch|vow|warn|whimper|whine|whisper|wonder|write|yell",
));

crate::words!(
    /// Speech verbs with common non-speech senses ("Russia maintains forces", "continued to fight"):
    /// used as a cue only when no plain speech verb is nearer.
    static WEAK_LEMMAS = concat!(
    "attack|blame|boo|brand|call|cheer|cite|command|compare|continue|describe|detail|",
    "direct|dub|estimate|express|hail|indicate|insult|label|laud|maintain|mention|nod|",
    "object|offer|order|outline|point|post|praise|predict|query|question|quote|rap|",
    "react|read|refer|reflect|relate|remember|report|request|shrug|signal|sing|speak|spell|",
    "term|text|thank|voice",
));

crate::words!(
    /// Speech verb forms of German, French, Spanish, Italian, Portuguese, Russian, Czech and
    /// Indonesian news copy, as they stand after a quotation before their subject ("„…“, sagte
    /// Scholz", "« … », a déclaré Marine Le Pen", "“…”, dijo Sánchez", "…, ha detto Meloni",
    /// "«…», — заявил Песков", "\"…,\" přidává se Emile Heskey", "“…,” kata Joko Widodo")
    /// or after their subject before a colon ("Merz fügte hinzu: „…“"). Read as "say". Sorted by
    /// bytes.
    static FOREIGN_SPEECH_FORMS = concat!(
    "acrescentou|advirtió|affermato|affirme|affirmé|afirmou|afirmó|aggiunto|agregó|ajoute|ajouté|",
    "aseguró|assure|assuré|añadió|betonte|confié|declarou|declaró|detto|dichiarato|dijo|disse|",
    "dit|diz|dodal|dodala|déclaré|dénoncé|ergänzte|erklärte|estime|estimé|explicou|explicó|",
    "explique|expliqué|forderte|fügte|hodnotí|indicó|indiqué|insiste|insisté|kata|kritisierte|",
    "martelé|meinte|mengatakan|napsal|napsala|précise|précisé|píše|přidává|přirovnává|raconte|",
    "rappelé|réagi|répondu|sagt|sagte|schrieb|señaló|sostuvo|sottolineato|souligne|souligné|",
    "spiega|spiegato|subrayó|teilte|ujar|uvedl|uvedla|versicherte|warnte|řekl|řekla|добавил|",
    "добавила|заявил|заявила|отметил|отметила|подчеркнул|подчеркнула|сказал|сказала",
));

/// Returns true if and only if the lowercase word is one of [`FOREIGN_SPEECH_FORMS`].
pub fn is_foreign_speech_form(word: &str) -> bool {
    FOREIGN_SPEECH_FORMS.find_sorted(word).is_some()
}

crate::words!(
    /// Irregular surface forms of speech verbs, sorted; [`IRREGULAR_LEMMAS`] holds their base
    /// forms in the same order.
    static IRREGULAR = "said|says|spoke|spoken|swore|sworn|told|written|wrote"
);
const IRREGULAR_LEMMAS: [&str; IRREGULAR.len()] = [
    "say", "say", "speak", "speak", "swear", "swear", "tell", "write", "write",
];

/// Returns true if and only if the lowercase word is a form of a speech verb ("said", "tells",
/// "warned", "insisting").
pub fn is_speech_verb(word: &str) -> bool {
    speech_lemma_is_weak(word).is_some()
}

/// Returns true if and only if the word is a speech verb without a common non-speech sense.
pub fn is_strong_speech_verb(word: &str) -> bool {
    speech_lemma_is_weak(word) == Some(false)
}

/// Returns true if and only if the lowercase word is a speech verb form whose subject may follow
/// it before the quotation ("said Blinken: …"); after others a name is the object ("accused U.S.
/// forces of …", "told CNN").
pub fn is_inverting_speech_verb(word: &str) -> bool {
    INVERTING_FORMS.contains_sorted(word)
}

crate::words!(static INVERTING_FORMS = "added|adds|asked|explained|noted|replied|said|says|writes|wrote");

/// The first three letters of every speech verb form: most words are ruled out by one lookup
/// instead of the dozen lookups of [`speech_lemma_is_weak`].
static SPEECH_PREFIXES: Prefixes = speech_prefixes();

const fn speech_prefixes() -> Prefixes {
    let mut set = Prefixes::EMPTY.with_words(&SPEECH_LEMMAS);
    // "cry" -> "cried"
    let (mut at, mut first) = (0, [0u8; 3]);
    while at < SPEECH_LEMMAS.packed_len() {
        let (next, this, len) = SPEECH_LEMMAS.step(at, first);
        if len == 3 && this[2] == b'y' {
            set = set.with(&[this[0], this[1], b'i']);
        }
        (at, first) = (next, this);
    }
    set.with_words(&IRREGULAR).with_words(&FOREIGN_SPEECH_FORMS)
}

/// Whether a speech verb's base form is weak ([`WEAK_LEMMAS`]); `None` if it is no speech verb.
// (out of line: inlined for each form tried, it weighed 267 B of the wasm's budget)
#[inline(never)]
fn lemma_is_weak(lemma: &str) -> Option<bool> {
    SPEECH_LEMMAS
        .contains_sorted(lemma)
        .then(|| WEAK_LEMMAS.contains_sorted(lemma))
}

/// Whether the base form of a speech verb form is weak ([`WEAK_LEMMAS`]); `None` if the word is
/// no speech verb form.
fn speech_lemma_is_weak(word: &str) -> Option<bool> {
    // NOTE: no allocation here: it runs for every token, many times per quote.
    if word.len() < 3 || word.len() > 16 {
        return None;
    }
    if !SPEECH_PREFIXES.may_start(word.as_bytes()) {
        return None;
    }
    if let Some(lemma) = IRREGULAR
        .find_sorted(word)
        .and_then(|at| IRREGULAR_LEMMAS.get(at))
    {
        return lemma_is_weak(lemma);
    }
    if is_foreign_speech_form(word) {
        return lemma_is_weak("say");
    }
    if let Some(weak) = lemma_is_weak(word) {
        return Some(weak);
    }
    // "denied", "replies" -> "deny", "reply"
    if let Some(stem) = word
        .strip_suffix("ied")
        .or_else(|| word.strip_suffix("ies"))
    {
        return lemma_is_weak(&crate::text::concat(&[stem, "y"]));
    }
    for suffix in ["s", "es", "ed", "d", "ing"] {
        let Some(stem) = word.strip_suffix(suffix) else {
            continue;
        };
        if let Some(weak) = lemma_is_weak(stem) {
            return Some(weak);
        }
        // "noting" -> "note", "admitted" -> "admit", "replied" -> "reply"
        if suffix == "ing" || suffix == "ed" {
            // (allocates, but only for "-ing"/"-ed" words)
            if let Some(weak) = lemma_is_weak(&crate::text::concat(&[stem, "e"])) {
                return Some(weak);
            }
            let bytes = stem.as_bytes();
            if bytes.len() > 2 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2] {
                if let Some(weak) = stem.get(..stem.len() - 1).and_then(lemma_is_weak) {
                    return Some(weak);
                }
            }
        }
    }
    None
}

crate::words!(
    /// Words of titles and offices that precede a name ("Secretary of State Antony Blinken",
    /// "Bundeskanzler Olaf Scholz", "CDU-Chef Friedrich Merz").
    static TITLE_WORDS = concat!(
    "abgeordnete|abgeordneter|acting|activist|actor|adm|administrator|admiral|adviser|advisor|",
    "ambassador|analyst|anwalt|anwältin|assemblyman|assemblywoman|associate|attorney|author|",
    "bishop|bürgermeister|bürgermeisterin|candidate|capt|captain|cardinal|ceo|chair|chairman|",
    "chairwoman|challenger|chancellor|chef|chefin|chief|coach|col|colonel|commander|commissioner|",
    "congressman|congresswoman|councilman|councilmember|councilwoman|counsel|cpl|defence|defense|",
    "democrat|democratic|deputy|detective|director|doctor|dr|economist|editor|emperor|envoy|ex|",
    "executive|experte|expertin|father|first|foreign|former|forscherin|founder|gen|general|gop|",
    "gov|governor|head|historian|incumbent|independent|interior|judge|justice|kanzler|kanzlerin|",
    "king|lady|lawyer|leader|libertarian|lieutenant|lord|lt|maj|major|manager|mayor|minister|",
    "ministerin|ministra|ministre|ministro|miss|mr|mrs|ms|nominee|officer|pastor|politiker|",
    "politikerin|pope|portavoz|premier|president|presidente|presidential|press|prime|prince|",
    "princess|principal|prof|professor|prosecutor|präsident|präsidentin|président|présidente|",
    "queen|rabbi|rep|representative|republican|researcher|rev|reverend|rival|scientist|secretary|",
    "sen|senator|sergeant|sgt|sheriff|sir|speaker|spokesman|spokesperson|spokeswoman|sprecher|",
    "sprecherin|state|superintendent|supreme|teacher|top|treasurer|trooper|veteran|vice|",
    "vorsitzende|vorsitzender|writer|ökonom|ökonomin",
));

/// Returns true if and only if the word (any case, trailing period ignored) is a title word, ends
/// in one after a hyphen ("Secretary-General", "Vice-President", "CDU-Chef"; not "Jean-Pierre"),
/// or is a compound ending in a long one, as German writes titles ("Außenministerin Annalena
/// Baerbock").
pub fn is_title_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    let last = word
        .bytes()
        .rposition(|b| b == b'-')
        .and_then(|hyphen| word.get(hyphen + 1..))
        .unwrap_or(word);
    TITLE_WORDS.find_sorted_any_case(last).is_some()
        // a compound's head of seven letters or more: "Außenministerin", "Regierungssprecher"
        || (1..last.len().saturating_sub(6)).any(|at| {
            last.get(at..)
                .is_some_and(|head| TITLE_WORDS.find_sorted(head).is_some())
        })
}

/// Returns true if and only if the word is the plural of a title word ("Senators Rubio and
/// Cruz", "Professors Foner and Alba"): a title before a name, never part of it.
// (out of line: inlined into its callers it weighed 55 B of the wasm's budget)
#[inline(never)]
pub fn is_plural_title(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(is_title_word)
}

crate::words!(
    /// Words that make a capitalized phrase an organisation, place or thing rather than a person.
    static ORG_WORDS = concat!(
    "administration|agency|airlines|airport|alliance|arena|army|assembly|associated|",
    "association|authority|bank|board|bureau|cabinet|campaign|canyon|center|centre|church|",
    "city|club|coalition|college|commission|committee|company|congress|corp|corporation|",
    "council|county|court|department|embassy|entertainment|federation|force|forces|",
    "foundation|fund|government|group|guard|harbor|harbour|holdings|hospital|house|inc|",
    "industries|institute|island|islands|journal|kingdom|kremlin|league|ltd|magazine|media|",
    "ministry|motors|navy|network|news|office|organisation|organization|parliament|partners|",
    "party|pentagon|plaza|police|post|press|productions|records|republic|reuters|rights|",
    "river|school|senate|service|services|society|stadium|states|street|studios|system|",
    "systems|team|times|tribune|union|united|university|valley",
));

/// Returns true if and only if the word marks an organisation or place phrase.
// (out of line: inlined into its callers it weighed 283 B of the wasm's budget)
#[inline(never)]
pub fn is_org_word(word: &str) -> bool {
    ORG_WORDS
        .find_sorted_any_case(word.trim_end_matches('.'))
        .is_some()
}

/// Returns true if and only if the word has the ending of an abstract or collective noun, which
/// no surname has: "Professional Responsibility", "Impact Movement", "Crosscut Strategies" and
/// "Muslim Americans" are no people. (Not "-ity": Hannity; not "-ries": Jeffries, Humphries;
/// "-ment" only in long words: Clement.)
pub fn is_abstract_noun(word: &str) -> bool {
    [
        "bility", "tion", "sion", "ship", "ians", "icans", "dies", "gies", "ties", "cies",
    ]
    .iter()
    .any(|end| word.ends_with(end))
        || (word.len() > 7 && word.ends_with("ment"))
}

crate::words!(
    /// Organisation words that, lowercase, name places and things ("the streets", "the house",
    /// "many times").
    static THING_NOUNS = "force|house|new|post|state|street|time"
);

/// Returns true if and only if the lowercase noun, singular or plural, names an organisation
/// ("the campaign", "the defense ministries").
pub fn is_org_noun(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    if THING_NOUNS.contains_sorted(singular) {
        return false;
    }
    is_org_word(word)
        || word
            .strip_suffix("ies")
            .is_some_and(|stem| is_org_word(&crate::text::concat(&[stem, "y"])))
        || (singular != word && is_org_word(singular))
}

crate::words!(
    /// Capitalized words that start sentences or name times, never people; and prepositions of
    /// other languages that may follow a name ("a réagi Marine Le Pen sur France Inter").
    static NOT_NAME_WORDS = concat!(
    "a|about|according|after|again|against|all|alongside|also|although|amid|among|an|and|another|",
    "any|april|as|asked|at|auf|august|because|before|being|both|but|by|dans|december|despite|",
    "during|each|earlier|early|eight|either|even|every|february|few|five|following|for|four|",
    "friday|from|für|having|he|her|here|his|however|i|if|in|instead|it|its|january|july|june|",
    "just|last|later|laut|like|many|march|may|meanwhile|monday|moreover|most|my|nach|neither|",
    "next|nine|no|not|november|now|october|of|on|once|one|only|or|other|our|pour|recently|",
    "saturday|secondo|segundo|según|selon|september|seven|several|she|since|six|so|some|",
    "speaking|still|sunday|sur|talk|that|the|their|then|there|these|they|this|those|though|",
    "three|through|thursday|to|today|tuesday|two|under|unlike|until|up|upon|vor|we|wednesday|",
    "what|when|where|while|who|why|with|within|without|yes|yet|you|à",
));

crate::words!(
    /// Words that open sentences, never names: "Does Rubio care?", "Would Adam Schiff …",
    /// "Enter Stuart R. Kaplan, a graduate of …", "Outside Carrier's plant". Lowercase they may
    /// close an adverbial phrase ("gathered outside, chanting"), so they count only capitalized.
    static SENTENCE_OPENERS = concat!(
    "accordingly|ah|are|back|besides|beyond|could|did|does|enter|ever|given|had|has|have|how|",
    "indeed|is|might|must|never|oh|outside|over|perhaps|see|should|thus|was|were|whatever|",
    "whether|which|would",
));

/// Returns true if and only if the word is an initial with its period ("A." of "Julie A. Diaz").
pub fn is_initial(word: &str) -> bool {
    matches!(word.as_bytes(), [letter, b'.'] if letter.is_ascii_uppercase())
}

/// Returns true if and only if the word is an acronym: two letters or more, none lowercase
/// ("NATO", "U.S."), which is no part of a person's name.
pub fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| crate::text::is_letter(*c)).count() >= 2
        && word.chars().all(|c| !crate::text::is_lower(c))
}

/// Returns true if and only if the token is no part of a person's name where it stands: a word
/// of [`is_not_name_word`], unless it stands as a surname there ("Theresa May": see
/// [`Token::surname`](crate::text::Token::surname)).
// (out of line: inlined into its three callers it weighed 39 B more of the wasm's budget)
#[inline(never)]
pub fn is_not_name_token(t: &crate::text::Token) -> bool {
    !t.surname && is_not_name_word(&t.text)
}

/// Returns true if and only if the word can never be part of a person's name.
pub fn is_not_name_word(word: &str) -> bool {
    // An initial keeps its period ("Julie A. Diaz"): "A." is no article.
    if is_initial(word) {
        return false;
    }
    // "Don’t say “…”": a verb's negation is no name ...
    if word.ends_with("n't") || word.ends_with("n’t") {
        return true;
    }
    // ... and "I'm", "It’s", "They’re": a contraction of such a word is no name either.
    let word = word.split(['\'', '’']).next().unwrap_or(word);
    let word = word.trim_end_matches('.');
    NOT_NAME_WORDS.find_sorted_any_case(word).is_some()
        || (word.starts_with(crate::text::is_upper)
            && SENTENCE_OPENERS.find_sorted_any_case(word).is_some())
}

crate::words!(
    /// Nouns that head a description of a speaker ("the spokeswoman", "a senior official").
    static ROLE_NOUNS = concat!(
    "activist|admiral|adviser|advisor|agent|aide|allies|ally|ambassador|analyst|analysts|",
    "attorney|author|authorities|billionaire|boss|businessman|businesswoman|candidate|",
    "captain|ceo|chair|chairman|chairwoman|chancellor|chief|coach|colonel|columnist|",
    "commander|commentator|congressman|congresswoman|consultant|critic|critics|crowds|",
    "democrat|democrats|demonstrators|diplomat|director|doctor|economist|envoy|executive|",
    "expert|experts|families|fans|father|founder|friend|general|goalkeeper|governor|head|",
    "historian|husband|investigator|judge|lawmaker|lawmakers|lawyer|leader|leaders|",
    "lieutenant|linebacker|lobbyist|manager|mayor|member|members|midfielder|minister|mother|",
    "neighbor|nominee|officer|official|officials|operative|organizer|owner|parents|pitcher|",
    "pollster|premier|president|professor|prosecutor|prosecutors|protesters|publicist|",
    "quarterback|rep|reporter|representative|republican|republicans|researcher|resident|",
    "residents|scientist|secretary|senator|sergeant|sheriff|sources|spokesman|spokesperson|",
    "spokeswoman|staffer|strategist|striker|students|supporters|surrogate|voters|wife|",
    "witnesses|workers",
));

crate::words!(
    /// Speakers described as one of many, not by an office: "the Christie supporter" or "a
    /// witness" is someone new, never the person quoted before.
    static MEMBER_NOUNS = concat!(
    "actor|actress|anchor|astronomer|bishop|comedian|commenter|crowd|delegate|designer|donor|",
    "editor|engineer|geologist|host|imam|man|nurse|pastor|physician|player|priest|rabbi|singer|",
    "soldier|source|star|supporter|surgeon|teacher|veteran|voter|widow|witness|woman|writer",
));

crate::words!(
    /// Nouns of written sources ("the statement said"): they speak for whoever issued them.
    static DOCUMENT_NOUNS = concat!(
    "announcement|brief|complaint|document|email|filing|letter|memo|post|release|report|",
    "statement|tweet",
));

/// Returns true if and only if the lowercase word heads a description of a speaker.
pub fn is_role_noun(word: &str) -> bool {
    ROLE_NOUNS.contains_sorted(word)
        || MEMBER_NOUNS.contains_sorted(word)
        || DOCUMENT_NOUNS.contains_sorted(word)
}

crate::words!(
    /// Words after the head of a description: a preposition, a relative pronoun, "and".
    static DESCRIPTION_ENDS = "and|at|for|from|in|of|on|that|to|which|who|whose|with"
);

/// Returns true if and only if an apposition describes a person: its head (its last word before
/// a preposition or a relative clause) is a role, an agent noun or an age ("Mellody, a
/// spokeswoman for the convention", "Flea, Band member", "Marquez, 24", "Lee, a 45-year-old").
/// Not a work, a body or a clause read as an apposition ("Growing Up Weightless, a story of
/// political intrigue", "Xinhua, the official Chinese news agency", "Virginia, endorsed Cruz
/// last week").
pub fn describes_person(apposition: &str) -> bool {
    // (its words joined by single spaces, punctuation attached to the word before)
    let mut head = "";
    for word in apposition.split(' ') {
        if DESCRIPTION_ENDS.contains_sorted(word) {
            break;
        }
        head = word;
    }
    is_role_noun(head)
        || is_agent_noun(head)
        || is_age(head)
        || !head.is_empty() && head.bytes().all(|b| b.is_ascii_digit())
}

/// Returns true if and only if the word is an age ("56-year-old"), as a noun or before a name.
// (out of line: inlined into its callers it weighed 68 B of the wasm's budget)
#[inline(never)]
pub fn is_age(word: &str) -> bool {
    word.ends_with("-year-old")
}

/// Returns true if and only if a lowercase word ends as agent nouns do ("journalist",
/// "strategist", "blogger", "anchorman"; also "border" or "color": a hint, not a test).
pub fn is_agent_noun(word: &str) -> bool {
    ["ist", "er", "or", "man"]
        .iter()
        .any(|end| word.ends_with(end))
}

/// Returns true if and only if the word (any case) heads a description of a person, as
/// "Director" does in "National Executive Director Nihad Awad" ("Foreign" and "State" are
/// title words that head nothing).
pub fn is_role_noun_any_case(word: &str) -> bool {
    ROLE_NOUNS.find_sorted_any_case(word).is_some()
}

/// Returns true if and only if `run` opens with a word that describes the person rather than
/// names them — a role or member noun, singular or plural, alone or first in a compound — and
/// two words or more follow ("Singer Tom Johnston", "Singer-guitarists Tom Johnston", "Analyst
/// Rachel Stephens"). With one word after it, the run is more likely a name ("Ally Brooke",
/// "Star Jones").
pub fn opens_with_description(run: &[&str]) -> bool {
    let [first, _, _, ..] = run else {
        return false;
    };
    // the word, or a compound's first part, singular or plural
    let first = first
        .bytes()
        .position(|b| b == b'-')
        .and_then(|hyphen| first.get(..hyphen))
        .unwrap_or(first);
    let singular = first.strip_suffix('s').unwrap_or(first);
    [first, singular]
        .iter()
        .any(|w| is_role_noun_any_case(w) || MEMBER_NOUNS.find_sorted_any_case(w).is_some())
}

/// Returns true if and only if the lowercase word names a written source.
// (out of line: inlined into its callers it weighed 66 B of the wasm's budget)
#[inline(never)]
pub fn is_document_noun(word: &str) -> bool {
    DOCUMENT_NOUNS.contains_sorted(word)
}

/// Role nouns that describe one office-holder and may refer back to the person quoted before.
pub fn is_person_role_noun(word: &str) -> bool {
    (ROLE_NOUNS.contains_sorted(word) || DOCUMENT_NOUNS.contains_sorted(word))
        && !word.ends_with('s')
        && word != "statement"
}

crate::words!(
    /// Abbreviations whose period does not end a sentence.
    static ABBREVIATIONS = concat!(
    "adm|ave|capt|cmdr|co|col|corp|cpl|dr|etc|feb|gen|gov|inc|jan|jr|lt|ltd|maj|mr|",
    "mrs|ms|mt|no|nov|oct|prof|rep|rev|sen|sep|sept|sgt|sr|st|vs",
));

/// Returns true if and only if `word` (without its period) is an abbreviation.
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.find_sorted_any_case(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_forms_have_speech_lemmas_and_the_lemma_list_is_full() {
        // (the word lists' own order is checked when they are compiled: `words!`)
        for lemma in IRREGULAR_LEMMAS {
            assert!(SPEECH_LEMMAS.contains_sorted(lemma), "{lemma}");
        }
        let lemmas = SPEECH_LEMMAS.len();
        assert!(lemmas >= 180, "{lemmas}");
    }

    #[test]
    fn speech_verb_forms() {
        for w in [
            "said",
            "says",
            "told",
            "added",
            "noting",
            "admitted",
            "replied",
            "warned",
            "vowed",
            "wrote",
            "tweeted",
            "explained",
            "cried",
            "denied",
        ] {
            assert!(is_speech_verb(w), "{w}");
        }
        // the prefix filter lets every lemma through
        for lemma in SPEECH_LEMMAS.entries() {
            let lemma = core::str::from_utf8(&lemma).unwrap();
            assert!(is_speech_verb(lemma), "{lemma}");
        }
        for w in ["table", "house", "sad", "the"] {
            assert!(!is_speech_verb(w), "{w}");
        }
    }

    #[test]
    fn contractions_of_function_words_are_no_names() {
        for w in [
            "I'm",
            "It’s",
            "They’re",
            "Here's",
            "Don’t",
            "Can't",
            "Won’t",
        ] {
            assert!(is_not_name_word(w), "{w}");
        }
        for w in ["O'Brien", "D’Souza", "Obama's", "Don", "Dan’s"] {
            assert!(!is_not_name_word(w), "{w}");
        }
    }
}
