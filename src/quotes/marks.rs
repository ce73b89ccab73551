//! Quotation-mark spans in one paragraph, in every common style.
//!
//! Outer-level pairing only: marks of another kind inside an open quote (‘single quotes inside
//! double’) belong to the quote. Apostrophes and possessives ("the States' top diplomat") never
//! open a quote. A quote still open at the end of the paragraph runs to its end, which is how a
//! quote continued in the next paragraph is written.

use crate::prelude::*;

/// One quotation, as char offsets into the paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// Offset of the opening mark.
    pub open: usize,
    /// Offset of the first char inside the marks.
    pub start: usize,
    /// Offset just past the last char inside the marks.
    pub end: usize,
    /// Offset just past the closing mark (`end` when the quote is unclosed).
    pub after: usize,
    /// Returns true if and only if no closing mark was found before the paragraph ended.
    pub unclosed: bool,
}

/// Finds the outer quotation spans of a paragraph.
///
/// # Example
///
/// ```
/// use newsclean::quotes::marks::find_spans;
/// let text: Vec<char> = "“We stand,” he said. «Oui»".chars().collect();
/// let spans = find_spans(&text);
/// assert_eq!(spans.len(), 2);
/// let first: String = text[spans[0].start..spans[0].end].iter().collect();
/// assert_eq!(first, "We stand,");
/// ```
pub fn find_spans(text: &[char]) -> Vec<Span> {
    let has_double = text
        .iter()
        .enumerate()
        .any(|(i, c)| !is_plain(*c) && (is_double_mark(*c) || is_two_apostrophes(text, i)));
    let mut spans = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if is_plain(text[i]) {
            i += 1;
            continue;
        }
        // ''Typewriter quotes,'' two apostrophes for a double mark (news archives, wiki text):
        // opened at a word start, closed by the next pair.
        let paired = is_two_apostrophes(text, i)
            && i.checked_sub(1).is_none_or(|p| !is_word_or_stop(text[p]));
        let Some(closers) = (if paired {
            Some(&[][..])
        } else {
            opener_at(text, i, has_double)
        }) else {
            i += 1;
            continue;
        };
        let mark = if paired { 2 } else { 1 };
        let start = i + mark;
        let mut j = start;
        let mut close = None;
        // A line that opens with the same mark again ends an unclosed quote at its line break:
        // "“… first paragraph\n“Second paragraph …”", the convention for a quote running over
        // paragraphs (text with line breaks in one block, a `.txt` paragraph with several lines).
        let mut line_end = None;
        // Quotes nested in the same marks ("“… what he calls “hell” than …”"): an opening mark
        // that starts a word inside the quote opens a level its next closing mark ends.
        let mut nested = 0;
        while j < text.len() {
            if is_plain(text[j]) {
                j += 1;
                continue;
            }
            if text[j] == '\n' && next_line_opens_with(text, j, text[i]) {
                line_end = Some(j);
                break;
            }
            let closes = if paired {
                // the last two of three close it: "''She said, 'Not in line.'''"
                j > start
                    && text[j] == '\''
                    && text.get(j + 1) == Some(&'\'')
                    && text.get(j + 2) != Some(&'\'')
            } else {
                closers.contains(&text[j]) && is_closer_at(text, j, start)
            };
            if !paired && text[j] == text[i] && text[i] == '“' && opens_word(text, j) {
                nested += 1;
            } else if closes && nested > 0 {
                nested -= 1;
            } else if closes {
                close = Some(j);
                break;
            }
            j += 1;
        }
        match close {
            Some(c) => {
                spans.push(Span {
                    open: i,
                    start,
                    end: c,
                    after: c + mark,
                    unclosed: false,
                });
                i = c + mark;
            }
            None => {
                let end = line_end.unwrap_or(text.len());
                spans.push(Span {
                    open: i,
                    start,
                    end,
                    after: end,
                    unclosed: true,
                });
                if line_end.is_none() {
                    break;
                }
                i = end + 1;
            }
        }
    }
    spans.retain(|s| {
        text[s.start..s.end]
            .iter()
            .any(|c| crate::text::is_word_char(*c))
    });
    spans
}

/// Returns true if and only if `c` is an ASCII letter, digit or space: no mark, no line break.
/// NOTE: the scans skip such chars (most of any text) before asking anything else of them.
fn is_plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == ' '
}

/// Returns true if and only if the mark at `j` stands before a word and after a space.
fn opens_word(text: &[char], j: usize) -> bool {
    j.checked_sub(1).is_some_and(|p| text[p].is_whitespace())
        && text
            .get(j + 1)
            .is_some_and(|c| crate::text::is_word_char(*c))
}

/// Returns true if and only if the line after the line break at `at` starts (after spaces) with
/// `mark`.
fn next_line_opens_with(text: &[char], at: usize, mark: char) -> bool {
    text[at + 1..]
        .iter()
        .find(|c| !c.is_whitespace())
        .is_some_and(|&c| c == mark)
}

/// Returns true if and only if `text[i..]` starts with exactly two straight apostrophes.
fn is_two_apostrophes(text: &[char], i: usize) -> bool {
    text.get(i) == Some(&'\'')
        && text.get(i + 1) == Some(&'\'')
        && text.get(i + 2) != Some(&'\'')
        && i.checked_sub(1).is_none_or(|p| text[p] != '\'')
}

fn is_word_or_stop(c: char) -> bool {
    crate::text::is_word_char(c) || c == '.'
}

/// Every char [`opener_at`] (or a pair of apostrophes) can open a quotation with.
const OPENING_MARKS: &[char] = &[
    '"', '“', '”', '„', '‟', '«', '»', '「', '『', '‘', '‚', '\'',
];

/// Returns true if and only if `text` holds at least one quotation span. A text without any
/// opening mark (most paragraphs) is answered without collecting its chars.
pub fn has_quotation(text: &str) -> bool {
    text.contains(OPENING_MARKS) && {
        let chars: Vec<char> = text.chars().collect();
        !find_spans(&chars).is_empty()
    }
}

fn is_double_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '„' | '"' | '«' | '»' | '「' | '」' | '『' | '』' | '‟'
    )
}

/// The closing marks that may end a quote opened at `i`, if a quote opens there.
fn opener_at(text: &[char], i: usize, has_double: bool) -> Option<&'static [char]> {
    let c = text[i];
    let prev = i.checked_sub(1).map(|p| text[p]);
    let next = text.get(i + 1).copied();
    let at_word_start = prev.is_none_or(|p| !crate::text::is_word_char(p));
    match c {
        // (two right single marks close it where typeset so: "“…voters,’’ Will Moy said")
        '“' => Some(&['”', '"', '“', '’']),
        // A closing mark typed where a quote opens ("”Mr. Trump embodies …”"): outside any
        // quote, at a word start and before a word, it can only open one.
        '”' if at_word_start && next.is_some_and(crate::text::is_word_char) => {
            Some(&['”', '"', '“'])
        }
        // … and at a line's start before an ellipsis ("” … what I learned …,” he said").
        '”' if prev.is_none_or(|p| p == '\n')
            && text[i + 1..]
                .iter()
                .find(|c| **c != ' ')
                .is_some_and(|&c| c == '…') =>
        {
            Some(&['”', '"', '“'])
        }
        '‟' => Some(&['”', '"']),
        '„' => Some(&['“', '”', '"']),
        '«' => Some(&['»']),
        // German style »…« when it opens before any «.
        '»' if next.is_some_and(|n| !n.is_whitespace()) && text[i..].contains(&'«') => {
            Some(&['«'])
        }
        '「' => Some(&['」']),
        '『' => Some(&['』']),
        '"' if at_word_start || prev.is_some_and(|p| p == '(' || p == '[') => Some(&['"', '”']),
        // Single quotes quote at the outer level only where the paragraph uses no double marks
        // (British style); they must open a word, which rules out apostrophes and possessives.
        '‘' | '‚'
            if !has_double && next.is_some_and(|n| crate::text::is_word_char(n) || n == '.') =>
        {
            Some(&['’', '‘', '\''])
        }
        // Not after a stop: "the U.N.'s record" is a possessive.
        '\'' if !has_double
            && at_word_start
            && prev != Some('.')
            && next.is_some_and(crate::text::is_letter) =>
        {
            Some(&['\'', '’'])
        }
        _ => None,
    }
}

/// Returns true if and only if the mark at `j` can close a quote whose text started at `start`.
fn is_closer_at(text: &[char], j: usize, start: usize) -> bool {
    let c = text[j];
    let prev = j.checked_sub(1).map(|p| text[p]);
    let next = text.get(j + 1).copied();
    match c {
        // An apostrophe between letters ("don’t", "O'Brien") closes nothing.
        '’' | '\'' => {
            j > start
                && prev.is_some_and(|p| !p.is_whitespace())
                && next.is_none_or(|n| !crate::text::is_word_char(n))
                && (text[start - 1] != '“' || next == Some('’'))
        }
        '"' => j > start && !is_inch_mark(text, j, c),
        '”' => !is_inch_mark(text, j, c),
        _ => true,
    }
}

/// Returns true if and only if the double mark at `j` follows feet and inches ("he’s like
/// 6’2”,” Rubio said", "a 5'10" guard") and the same mark comes again later in the paragraph
/// to close the quotation: the inch sign, not its end.
fn is_inch_mark(text: &[char], j: usize, mark: char) -> bool {
    let digit = |k: usize| matches!(text.get(k), Some('0'..='9'));
    // (an index below 0 wraps to one past any text: `get` finds nothing there)
    let feet = j.wrapping_sub(2 + usize::from(digit(j.wrapping_sub(2))));
    digit(j.wrapping_sub(1))
        && matches!(text.get(feet), Some('’' | '\'' | '′'))
        && digit(feet.wrapping_sub(1))
        && text.iter().skip(j + 1).any(|&c| c == mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        find_spans(&chars)
            .iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect()
    }

    /// (name, paragraph, quoted texts)
    const CASES: &[(&str, &str, &[&str])] = &[
        (
            "inch marks inside a quotation",
            "“He’s taller than me; he’s like 6’2”,” Rubio said. \"A 5'10\" guard,\" he added.",
            &["He’s taller than me; he’s like 6’2”,", "A 5'10\" guard,"],
        ),
        (
            "feet and inches ending a quotation",
            "“He is 6’2”",
            &["He is 6’2"],
        ),
        (
            "curly",
            "“We are committed,” he said.",
            &["We are committed,"],
        ),
        (
            "straight",
            "\"Yes,\" she said, \"we will.\"",
            &["Yes,", "we will."],
        ),
        (
            "closed by two right single marks",
            "“The players’ union misled voters,’’ Will Moy said. “And I think not.”",
            &["The players’ union misled voters,", "And I think not."],
        ),
        (
            "single inside double",
            "“He told me ‘never again’ today,” she said.",
            &["He told me ‘never again’ today,"],
        ),
        (
            "french spaced",
            "Il a dit « Nous restons » hier.",
            &[" Nous restons "],
        ),
        (
            "german low-high",
            "Er sagte: „Wir bleiben.“",
            &["Wir bleiben."],
        ),
        (
            "german chevrons",
            "Er sagte: »Wir bleiben.«",
            &["Wir bleiben."],
        ),
        ("polish", "Powiedział: „Zostajemy”.", &["Zostajemy"]),
        (
            "closing mark typed as the opener",
            "”He represents our greatest shame.” ― Sonya Herridge",
            &["He represents our greatest shame."],
        ),
        ("japanese", "彼は「行きます」と言った。", &["行きます"]),
        ("japanese double", "『本の題名』です", &["本の題名"]),
        (
            "british single",
            "‘We are ready,’ the minister said.",
            &["We are ready,"],
        ),
        (
            "possessive is no quote",
            "the United States' top diplomat said it was fine",
            &[],
        ),
        (
            "apostrophes",
            "It’s the players’ union’s call, don’t you think",
            &[],
        ),
        (
            "unclosed runs to the end",
            "“We will stay and fight",
            &["We will stay and fight"],
        ),
        (
            "possessive after an abbreviation",
            "Examining the U.N.'s record on refugees, and the group's",
            &[],
        ),
        (
            "two apostrophes for a double mark",
            "She said ''I had to think, 'This is their lives.' '' and left.",
            &["I had to think, 'This is their lives.' "],
        ),
        (
            "an inner single quote closing with the pair",
            "''She said, 'You weren't in line,''' Ms. Compton recalled.",
            &["She said, 'You weren't in line,'"],
        ),
        (
            "a quote nested in the same marks",
            "“I’d rather live in what he calls “hell” than here.” ― Ann Roe",
            &["I’d rather live in what he calls “hell” than here."],
        ),
        (
            "an opening mark typed as the closer still closes",
            "“We are ready,“ she said. “Really.”",
            &["We are ready,", "Really."],
        ),
        (
            "a line opening with the same mark ends an unclosed quote",
            "“We will stay and fight.\n“And we will win,” she said.",
            &["We will stay and fight.", "And we will win,"],
        ),
        (
            "a closing mark typed as the opener before an ellipsis",
            "” … what I learned is that words matter,” he said.",
            &[" … what I learned is that words matter,"],
        ),
        (
            "two apostrophes around a single-quoted word",
            "The rule ''only requires that companies report all 'significant' units,'' he said.",
            &["only requires that companies report all 'significant' units,"],
        ),
        (
            "possessive inside a double-quoted paragraph",
            "The States' diplomat watched \"very, very carefully.\"",
            &["very, very carefully."],
        ),
    ];

    #[test]
    fn every_mark_that_opens_a_quotation_is_an_opening_mark() {
        // Each mark in each position `opener_at` looks at: alone, at a word start, at a line
        // start before an ellipsis, before a later guillemet.
        let marks = [
            '"', '“', '”', '„', '‟', '«', '»', '「', '『', '‘', '‚', '\'', '’', '′', '`', '‹',
        ];
        for mark in marks {
            for shape in ["{m}word«", " {m}word", "{m} … word"] {
                let text: Vec<char> = shape.replace("{m}", &mark.to_string()).chars().collect();
                let at = text.iter().position(|&c| c == mark).unwrap();
                for has_double in [false, true] {
                    if opener_at(&text, at, has_double).is_some() {
                        assert!(OPENING_MARKS.contains(&mark), "{mark:?} opens in {shape:?}");
                    }
                }
            }
        }
        assert!(has_quotation("“We stand,” he said."));
        assert!(!has_quotation(
            "It’s the players’ union’s call, don't you think"
        ));
    }

    #[test]
    fn spans() {
        for (name, text, want) in CASES {
            assert_eq!(quoted(text), *want, "{name}");
        }
    }
}
