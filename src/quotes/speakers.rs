//! One entity per speaker: "Antony Blinken", "Blinken", "Secretary of State Antony Blinken" and
//! "he" are one person, named by the fullest form seen and the best title seen.

use crate::prelude::*;

use crate::text::fold_case;
use serde::Serialize;

/// An index into [`Speakers::list`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SpeakerId(pub u32);

/// What kind of source a speaker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// An organisation, government body or publication ("the White House").
    Organization,
    /// An unnamed source shown as described ("a CBP spokesperson", "officials").
    Unnamed,
}

/// A source of quotes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// This speaker's index.
    pub id: SpeakerId,
    /// The canonical name: the fullest form the article uses, or the description for unnamed.
    pub name: String,
    /// The best title or role seen ("Secretary of State").
    pub role: Option<String>,
    /// What kind of source this is.
    pub kind: SpeakerKind,
}

/// A position in the text: (paragraph, token), ordered.
pub type Position = (usize, usize);

/// The entities of one article and where each was mentioned.
#[derive(Clone, Debug, Default)]
pub struct Speakers {
    list: Vec<Speaker>,
    /// Surname (lowercase) and first name (lowercase) of each person, parallel to `list`.
    keys: Vec<(String, Option<String>)>,
    /// Person mentions in text order.
    person_mentions: Vec<(Position, SpeakerId)>,
    /// People who were the subject of a speech verb, in text order.
    speech_subjects: Vec<(Position, SpeakerId)>,
    /// People named first in a sentence (its subject, the topic a "he" that follows takes up),
    /// in text order.
    sentence_subjects: Vec<(Position, SpeakerId)>,
    /// What the text says of each person's gender (`Some(true)`: she), parallel to `list`.
    female: Vec<Option<bool>>,
    /// What each person's first name says of their gender, parallel to `list`.
    named_female: Vec<Option<bool>>,
    /// Organisations that were the subject of a speech verb, in text order.
    group_subjects: Vec<(Position, SpeakerId)>,
    /// The speaker of the latest attributed quotation, for "the statement said".
    last_source: Option<(Position, SpeakerId)>,
}

impl Speakers {
    /// All speakers in order of creation.
    pub fn list(&self) -> &[Speaker] {
        &self.list
    }

    /// The speaker with this id.
    ///
    /// # Panics
    ///
    /// If the id does not come from this registry.
    pub fn get(&self, id: SpeakerId) -> &Speaker {
        &self.list[id.0 as usize]
    }

    /// Records a named person ("Jens Stoltenberg", "Stoltenberg") with an optional title, merging
    /// with a person of the same surname and a compatible first name.
    pub fn person(&mut self, name: &[&str], role: Option<&str>, at: Position) -> SpeakerId {
        // "According to RedMonk’s Stephens": an owner's possessive is no first name.
        let name = match name {
            [owner, rest @ ..] if !rest.is_empty() && super::is_possessive_word(owner) => rest,
            _ => name,
        };
        let name = &name[descriptor_len(name)..];
        let surname = fold_case(strip_possessive(name.last().copied().unwrap_or_default()));
        // ("de Blasio": a particle is no first name)
        let first = (name.len() > 1 && !super::attribution::is_particle(name[0]))
            .then(|| fold_case(name[0].trim_end_matches('.')));
        // "Mr. Trump" is none of the women named Trump; "Ms. Trump" none of the men.
        // (a role is words joined by single spaces)
        let honorific = role.and_then(|r| match r.split(' ').next()?.trim_end_matches('.') {
            "Mr" => Some(false),
            "Ms" | "Mrs" | "Miss" => Some(true),
            _ => None,
        });
        // (Only a choice between people of that surname: the gender noted may be wrong.)
        let find = |by_gender: bool| {
            let gender_ok =
                |id: usize| !by_gender || self.gender_agrees(SpeakerId(id as u32), honorific);
            // "Bill Clinton spoke next. “…,” Clinton said": a surname alone is the person of
            // that name mentioned last, not the one first seen last.
            // (before this mention: "Clinton, 35, the daughter of … Hillary Clinton, said" is
            // the Chelsea Clinton named before)
            let mentioned_last = first.is_none().then(|| {
                self.person_mentions
                    .iter()
                    .rev()
                    .filter(|(p, _)| *p < at)
                    .map(|(_, id)| *id)
                    .find(|id| self.keys[id.0 as usize].0 == surname && gender_ok(id.0 as usize))
            });
            mentioned_last.flatten().or_else(|| {
                self.keys.iter().enumerate().rev().find_map(|(at, (s, f))| {
                    let first_ok = match (&first, f) {
                        (Some(a), Some(b)) => a == b || is_initial_of(a, b) || is_initial_of(b, a),
                        // "Mr. Obama … Michelle Obama": a first name of the other gender is
                        // someone else
                        (Some(a), None) => {
                            self.gender_agrees(SpeakerId(at as u32), first_name_gender(a))
                        }
                        _ => true,
                    };
                    (*s == surname
                        && first_ok
                        && gender_ok(at)
                        && self.list[at].kind == SpeakerKind::Person)
                        .then_some(SpeakerId(at as u32))
                })
            })
        };
        // "Xi Jinping … “…,” Xi said": failing a surname, the titled person whose first name it
        // is, mentioned last.
        let existing = find(true).or_else(|| find(false)).or_else(|| {
            self.person_mentions
                .iter()
                .rev()
                .map(|(_, id)| *id)
                .find(|id| first.is_none() && self.is_titled_first_name(id.0 as usize, &surname))
        });
        let full =
            crate::text::join_words(&name.iter().map(|w| strip_possessive(w)).collect::<Vec<_>>());
        let id = match existing {
            Some(id) => {
                let entry = &mut self.list[id.0 as usize];
                if full.split(' ').count() > entry.name.split(' ').count() {
                    entry.name = full;
                    self.keys[id.0 as usize].1 = first;
                }
                id
            }
            // "“…,” Lexi asked. … “…,” said Lexi", "“…,” Clarke said. … Steve Clarke said": the
            // one word first read as an organisation was this person all along, not a second
            // source of the same name. (A first name must be a common one: "Six Trump
            // supporters" or "Maybe Trump will" at a sentence's start is no name of Trump.)
            None => match (self.keys.iter().zip(&self.list)).position(|((k, _), s)| {
                s.kind == SpeakerKind::Organization
                    && *k == surname
                    && first
                        .as_deref()
                        .is_none_or(|f| first_name_gender(f).is_some())
            }) {
                Some(at) => {
                    self.list[at].kind = SpeakerKind::Person;
                    self.list[at].name = full;
                    self.keys[at].1 = first;
                    SpeakerId(at as u32)
                }
                None => self.push(full, SpeakerKind::Person, (surname, first)),
            },
        };
        // "Mr." of "Mr. Trump" says how the paper names him, not what he is (his gender is
        // noted below)
        self.note_role(
            id,
            role.filter(|r| honorific.is_none() || r.trim_ascii().contains(' ')),
        );
        if let Some(female) = honorific {
            self.note_gender(id, female);
        }
        // "Mary Steenburgen … he said": a common first name tells a gender pronouns must agree
        // with, though not one that makes the person a pronoun's likelier referent
        self.named_female[id.0 as usize] = self.keys[id.0 as usize]
            .1
            .as_deref()
            .and_then(first_name_gender);
        self.person_mentions.push((at, id));
        id
    }

    /// Records an organisation or an unnamed source, merged by its lowercase text.
    pub fn named_group(&mut self, text: &str, kind: SpeakerKind) -> SpeakerId {
        // "according to Mozilla's manifesto": the owner speaks, as "Mozilla"
        let text = strip_possessive(text);
        // ("The victim's mother" is the "victim's mother" named before)
        let folded = fold_case(text);
        let key = folded.strip_prefix("the ").unwrap_or(&folded).to_owned();
        let found =
            (self.list.iter().zip(&self.keys)).position(|(s, k)| s.kind == kind && k.0 == key);
        match found {
            Some(at) => SpeakerId(at as u32),
            None => self.push(text.to_owned(), kind, (key, None)),
        }
    }

    /// Returns true if and only if paragraph `paragraph` names person `id` outside its
    /// quotations.
    pub fn named_in(&self, paragraph: usize, id: SpeakerId) -> bool {
        self.person_mentions
            .iter()
            .any(|&((p, _), who)| p == paragraph && who == id)
    }

    /// Notes that a person opened a sentence (named first in it) at `at`.
    pub fn note_sentence_subject(&mut self, id: SpeakerId, at: Position) {
        self.sentence_subjects.push((at, id));
    }

    /// Notes a person or organisation as the subject of a speech verb at `at`.
    pub fn note_speech_subject(&mut self, id: SpeakerId, at: Position) {
        match self.get(id).kind {
            SpeakerKind::Person => self.speech_subjects.push((at, id)),
            SpeakerKind::Organization => self.group_subjects.push((at, id)),
            SpeakerKind::Unnamed => {}
        }
    }

    /// The organisation that spoke most recently, within the previous `window` paragraphs
    /// (for "they said", "it says").
    pub fn last_group_before(&self, at: Position, window: usize) -> Option<SpeakerId> {
        self.group_subjects
            .iter()
            .rev()
            .find(|(p, _)| *p < at && p.0 + window >= at.0)
            .map(|(_, id)| *id)
    }

    /// The person most recently mentioned before `at` whose gender, where the text told it,
    /// agrees with the pronoun (for "he said" / "she said").
    pub fn last_person_before<'a>(
        &'a self,
        at: Position,
        female: Option<bool>,
    ) -> Option<SpeakerId> {
        let candidates = || self.person_mentions.iter().rev().filter(|(p, _)| *p < at);
        let agrees = |id: &SpeakerId| self.gender_agrees(*id, female);
        // Someone the text already showed to be "she" (or "he"), mentioned in this paragraph
        // or the two before, beats a more recent person of unknown gender ...
        // (Of the paragraph that named them last, one who was a sentence's subject beats one
        // merely named: "Mr. Cruz has sharpened his language … amid attacks from Senator Marco
        // Rubio. ¶ He has coined a new phrase" is Cruz.)
        let known = female.and_then(|want| {
            let named = candidates()
                .take_while(|(p, _)| p.0 + 2 >= at.0)
                .find(|(_, id)| self.female[id.0 as usize] == Some(want))?;
            let mut subject = named;
            for s in self.speech_subjects.iter().chain(&self.sentence_subjects) {
                if s.0 < at
                    && s.0 .0 == named.0 .0
                    && (subject == named || subject.0 < s.0)
                    && self.female[s.1 .0 as usize] == Some(want)
                {
                    subject = s;
                }
            }
            Some(subject)
        });
        // ... unless someone else spoke in this paragraph after that person last spoke or
        // opened a sentence ("Eswar Prasad, a professor, said … “…,” he said", with Mr. Trump
        // named before; "Cruz spokesman Rick Tyler said … Cruz and Trump … he said"), or opened
        // a sentence of it ("Morrison was the third witness … He said", with Volker's "he"
        // before): the later of the two. Being named as an object is no claim on "he".
        let known_acted = known.and_then(|(_, known)| {
            self.speech_subjects
                .iter()
                .chain(&self.sentence_subjects)
                .filter(|(p, id)| id == known && *p < at)
                .map(|(p, _)| *p)
                .max()
        });
        let in_paragraph = |mentions: &'a [(Position, SpeakerId)]| {
            mentions
                .iter()
                .rev()
                .find(|(p, id)| *p < at && p.0 == at.0 && agrees(id))
                .filter(|(p, _)| known_acted.is_none_or(|k| *p > k))
        };
        let speaking = in_paragraph(&self.speech_subjects);
        let topic = in_paragraph(&self.sentence_subjects);
        // (the later of the two; on a tie, the speaker: `max_by_key` keeps the last maximum)
        topic
            .into_iter()
            .chain(speaking)
            .max_by_key(|(p, _)| *p)
            .or(known)
            // "Clinton says at a campaign stop that it means Trump never … ¶ She says": failing
            // those, the latest who spoke or opened a sentence in this paragraph or the two
            // before, over someone merely named since
            .or_else(|| {
                let mut latest: Option<&(Position, SpeakerId)> = None;
                for subject in self.speech_subjects.iter().chain(&self.sentence_subjects) {
                    let (p, id) = subject;
                    if *p < at && p.0 + 2 >= at.0 && agrees(id) && latest.is_none_or(|l| l.0 < *p) {
                        latest = Some(subject);
                    }
                }
                latest
            })
            .or_else(|| candidates().find(|(_, id)| agrees(id)))
            .map(|(_, id)| *id)
    }

    /// Returns true unless both the gender asked for (`female`) and the person's, as the text
    /// told it, are known and differ.
    fn gender_agrees(&self, id: SpeakerId, female: Option<bool>) -> bool {
        let at = id.0 as usize;
        female.is_none_or(|f| self.female[at].or(self.named_female[at]) != Some(!f))
    }

    /// Records what a pronoun or an honorific says of a person's gender (first word wins).
    pub fn note_gender(&mut self, id: SpeakerId, female: bool) {
        let at = id.0 as usize;
        let slot = &mut self.female[at];
        // ("Jeremy Hunt said she was wrong": a pronoun against the first name's gender is
        // someone else)
        if slot.is_none()
            && self.list[at].kind == SpeakerKind::Person
            && self.named_female[at] != Some(!female)
        {
            *slot = Some(female);
        }
    }

    /// Notes the speaker of an attributed quotation.
    pub fn note_source(&mut self, id: SpeakerId, at: Position) {
        self.last_source = Some((at, id));
    }

    /// Who a written source speaks for ("the statement said"): the speaker of the latest
    /// quotation within the previous `window` paragraphs.
    pub fn last_source_before(&self, at: Position, window: usize) -> Option<SpeakerId> {
        self.last_source
            .filter(|(p, _)| *p < at && p.0 + window >= at.0)
            .map(|(_, id)| id)
    }

    /// The person a definite role description refers back to ("the spokeswoman", "the U.S.
    /// diplomat"): one whose title names that role, else the last person who spoke within the
    /// previous `window` paragraphs.
    /// With an `owner` ("Starmer's" of "Starmer's spokesman"), only someone whose title names the
    /// owner. `last_speaker` allows the fallback to whoever spoke last.
    // (out of line: the same raw size, 144 B less brotli than inlined into `resolve`)
    #[inline(never)]
    pub fn person_in_role(
        &self,
        head: &str,
        owner: Option<&str>,
        at: Position,
        window: usize,
        last_speaker: bool,
    ) -> Option<SpeakerId> {
        let by_title = self.person_mentions.iter().rev().find(|(p, id)| {
            *p < at
                && self.get(*id).role.as_deref().is_some_and(|r| {
                    let role = fold_case(r);
                    let has = |word: &str| role.split(' ').any(|w| w == word);
                    has(head) && owner.is_none_or(|o| has(&fold_case(strip_possessive(o))))
                })
        });
        if let Some((_, id)) = by_title {
            return Some(*id);
        }
        if !last_speaker {
            return None;
        }
        // "the spokeswoman" is no man the text has called "he" or "Mr."
        let head_female = if head.ends_with("woman") || head.ends_with("women") {
            Some(true)
        } else if head.ends_with("man") || head.ends_with("men") {
            Some(false)
        } else {
            None
        };
        self.speech_subjects
            .iter()
            .rev()
            .find(|(p, _)| *p < at && p.0 + window >= at.0)
            .map(|(_, id)| *id)
            .filter(|id| self.gender_agrees(*id, head_female))
    }

    /// Returns true if and only if `surname` (any case) is the surname of a known person, or
    /// with `by_first` the first name of a titled one (see [`Self::is_titled_first_name`]).
    pub fn is_known_surname(&self, surname: &str, by_first: bool) -> bool {
        let s = fold_case(strip_possessive(surname));
        (0..self.list.len()).any(|at| {
            self.keys[at].0 == s && self.list[at].kind == SpeakerKind::Person
                || by_first && self.is_titled_first_name(at, &s)
        })
    }

    /// Returns true if and only if person `at` has a title and `word` (lowercase) for first
    /// name: family names come first in "Xi Jinping", "Lee Jae-myung", "President Yoon Suk
    /// Yeol", and a title tells a person from a product ("Google Stadia").
    fn is_titled_first_name(&self, at: usize, word: &str) -> bool {
        let entry = &self.list[at];
        entry.kind == SpeakerKind::Person
            && entry.role.is_some()
            && self.keys[at].1.as_deref() == Some(word)
    }

    fn push(
        &mut self,
        name: String,
        kind: SpeakerKind,
        key: (String, Option<String>),
    ) -> SpeakerId {
        let id = SpeakerId(self.list.len() as u32);
        self.list.push(Speaker {
            id,
            name,
            role: None,
            kind,
        });
        self.keys.push(key);
        self.female.push(None);
        self.named_female.push(None);
        id
    }

    /// Notes a role of a person: the longest one read is kept.
    pub fn note_role(&mut self, id: SpeakerId, role: Option<&str>) {
        // (a role is words joined by spaces: ASCII trimming is the same, and the Unicode `trim`
        // inlined here weighed 573 B of the wasm)
        let Some(role) = role.map(str::trim_ascii).filter(|r| !r.is_empty()) else {
            return;
        };
        let entry = &mut self.list[id.0 as usize];
        if entry.role.as_ref().is_none_or(|r| role.len() > r.len()) {
            entry.role = Some(role.to_owned());
        }
    }
}

crate::words!(
    /// First names that name women in English-language news; lowercase, sorted by bytes.
    static FEMALE_FIRST_NAMES = "abigail|ada|alice|alicia|alison|amanda|amy|ana|andrea|angela|angelina|ann|anna|anne|annie|barbara|beth|betsy|betty|beverly|brenda|bridget|carly|carmen|carol|caroline|catherine|cathy|charlotte|cheryl|christina|christine|claire|claudia|cynthia|debbie|deborah|denise|diana|diane|donna|dorothy|elaine|eleanor|elena|elisabeth|elizabeth|ellen|emily|emma|erin|eva|evelyn|fiona|frances|gabriela|gina|gloria|grace|hannah|heather|heidi|helen|holly|irene|jacqueline|jane|janet|janice|jennifer|jessica|jill|joan|joanna|joyce|judith|judy|julia|julie|karen|kate|katherine|kathleen|kathy|katie|kirsten|kristen|kristi|laura|lauren|linda|lisa|liz|loretta|lori|louise|lucy|lynn|margaret|maria|marie|martha|mary|megan|melissa|michelle|monica|nancy|natalie|nicole|nikki|olivia|pamela|patricia|paula|peggy|penny|rachel|rebecca|rita|rose|ruth|sally|samantha|sandra|sara|sarah|sharon|sheila|shirley|sophie|stephanie|susan|suzanne|sylvia|tammy|teresa|theresa|tina|valerie|vanessa|victoria|virginia|wendy|yvonne|zoe"
);
crate::words!(
    /// First names that name men in English-language news; lowercase, sorted by bytes.
    static MALE_FIRST_NAMES = "aaron|adam|alan|albert|alexander|alfred|andrew|angus|anthony|antonio|arnold|arthur|barry|ben|benjamin|bernard|bill|bob|brad|bradley|brandon|brett|brian|bruce|bryan|carl|carlos|chad|charles|charlie|christopher|chuck|colin|craig|dan|daniel|darren|dave|david|dean|dennis|derek|dick|don|donald|doug|douglas|dwight|earl|ed|eddie|edward|elijah|eric|ernest|eugene|evan|frank|franklin|fred|frederick|gary|gavin|george|gerald|gordon|greg|gregory|harold|harry|henry|herbert|howard|hugh|ian|isaac|jack|jacob|jake|james|jared|jason|jeff|jeffrey|jeremy|jerome|jerry|jesse|jim|jimmy|joe|joel|john|johnny|jon|jonathan|jorge|jose|joseph|josh|joshua|juan|justin|keith|ken|kenneth|kevin|kurt|larry|lawrence|leon|luis|marco|marcus|mario|mark|martin|matt|matthew|michael|mike|mitch|mohammed|muhammad|nathan|neil|nicholas|nick|nigel|noah|oliver|omar|oscar|patrick|paul|peter|phil|philip|pierre|ralph|randy|raymond|richard|rick|rob|robert|rod|roger|ron|ronald|roy|rudy|russell|ryan|sam|samuel|scott|sean|sergei|seth|shawn|simon|stephen|steve|steven|stuart|ted|thomas|tim|timothy|todd|tom|tony|travis|walter|wayne|william|zach"
);

/// How many words of a name are a descriptor before a common first name: "Majority Whip John
/// Cornyn", "Journalist Jorge Ramos", "Texas-based Matt Mackowiak". One word alone before it may
/// be a first name of its own ("Cornell William Brooks", "Lee Ann Womack"), unless it reads as a
/// description: an agent noun or a hyphenated adjective.
fn descriptor_len(name: &[&str]) -> usize {
    let Some(first) = name
        .iter()
        .position(|w| first_name_gender(&fold_case(w)).is_some())
    else {
        return 0;
    };
    let described = |before: &str| {
        super::lexicon::is_agent_noun(before)
            // "Texas-based", "Chicago-born" (not "Jean-Marc")
            || before
                .split_once('-')
                .is_some_and(|(_, rest)| rest.starts_with(crate::text::is_lower))
    };
    if first > 0 && first + 1 < name.len() && (first > 1 || described(name[0])) {
        first
    } else {
        0
    }
}

/// What a common first name (lowercase) says of its bearer's gender (`Some(true)`: a woman).
fn first_name_gender(first: &str) -> Option<bool> {
    if FEMALE_FIRST_NAMES.contains_sorted(first) {
        Some(true)
    } else {
        MALE_FIRST_NAMES.contains_sorted(first).then_some(false)
    }
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Returns true if and only if `a` is an initial ("j", "j.") of `b`.
fn is_initial_of(a: &str, b: &str) -> bool {
    let a = a.trim_end_matches('.');
    crate::text::char_count(a) == 1 && b.starts_with(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surname_mentions_merge_into_the_fullest_name() {
        let mut s = Speakers::default();
        let a = s.person(&["Blinken"], None, (0, 0));
        let b = s.person(&["Antony", "Blinken"], Some("Secretary of State"), (1, 0));
        let c = s.person(&["Blinken"], None, (2, 0));
        assert_eq!((a, b), (b, c));
        assert_eq!(s.get(a).name, "Antony Blinken");
        assert_eq!(s.get(a).role.as_deref(), Some("Secretary of State"));
    }

    #[test]
    fn a_group_is_one_speaker_with_or_without_its_article_in_any_case() {
        let mut s = Speakers::default();
        let a = s.named_group("the crowd", SpeakerKind::Unnamed);
        assert_eq!(s.named_group("The crowd", SpeakerKind::Unnamed), a);
        assert_eq!(s.named_group("crowd", SpeakerKind::Unnamed), a);
    }

    #[test]
    fn an_honorific_is_no_role() {
        let mut s = Speakers::default();
        let a = s.person(&["Trump"], Some("Mr."), (0, 0));
        assert_eq!(s.get(a).role, None);
        s.person(&["Trump"], Some("President"), (1, 0));
        assert_eq!(s.get(a).role.as_deref(), Some("President"));
    }

    #[test]
    fn conflicting_first_names_stay_apart() {
        let mut s = Speakers::default();
        let a = s.person(&["Joe", "Biden"], None, (0, 0));
        let b = s.person(&["Hunter", "Biden"], None, (1, 0));
        assert_ne!(a, b);
        // a first name against the gender known of a surname alone
        let mr = s.person(&["Obama"], Some("Mr."), (2, 0));
        let michelle = s.person(&["Michelle", "Obama"], None, (3, 0));
        assert_ne!(mr, michelle);
        assert_eq!(s.get(mr).name, "Obama");
        assert_eq!(s.person(&["Barack", "Obama"], None, (4, 0)), mr);
    }

    #[test]
    fn pronoun_takes_the_latest_person_before_it() {
        let mut s = Speakers::default();
        let z = s.person(&["Volodymyr", "Zelensky"], None, (0, 3));
        let b = s.person(&["Blinken"], None, (0, 9));
        assert_eq!(s.last_person_before((0, 5), None), Some(z));
        assert_eq!(s.last_person_before((1, 0), None), Some(b));
        s.note_gender(b, false);
        s.note_gender(z, false);
        let t = s.person(&["Taylor", "Swift"], None, (2, 0));
        s.note_gender(t, true);
        let braun = s.person(&["Scooter", "Braun"], None, (2, 5));
        s.note_gender(braun, false);
        assert_eq!(
            s.last_person_before((3, 0), Some(true)),
            Some(t),
            "she skips a known he"
        );
        assert_eq!(s.last_person_before((3, 0), Some(false)), Some(braun));
    }
}
