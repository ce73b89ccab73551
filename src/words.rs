//! Word lists packed into one string each.
//!
//! A `&[&str]` table spends 8 bytes of wasm data per entry on a pointer and a length — more than
//! most of its words. A [`Words`] list is one `|`-separated string and nothing else: a sorted
//! list is binary-searched byte by byte (probe a middle byte, widen to the entry around it). Only
//! a list whose lookups need the entry's index (to read a parallel table) is an [`IndexedWords`],
//! with 2 bytes per entry for where each ends, worked out at compile time.

use core::cmp::Ordering;

/// A list of words or phrases: one `|`-separated string.
///
/// # Example
///
/// ```
/// newsclean::words!(static FRUIT = "apple|banana|cherry");
/// assert!(FRUIT.contains_sorted("banana"));
/// assert_eq!(FRUIT.find_sorted("cherry"), Some(&b"cherry"[..]));
/// assert_eq!(FRUIT.iter().next(), Some(&b"apple"[..]));
/// ```
pub struct Words {
    text: &'static [u8],
}

/// A set of three-byte word prefixes, hashed into 1024 bits: most words can be ruled out of a
/// list by one lookup here instead of a binary search. Built at compile time.
///
/// # Example
///
/// ```
/// use newsclean::words::Prefixes;
/// static FRUIT: Prefixes = Prefixes::of_entries(b"apple|banana|fig");
/// assert!(FRUIT.may_start(b"bananas"));
/// assert!(FRUIT.may_start(b"fig"));
/// assert!(!FRUIT.may_start(b"cherry"));
/// ```
pub struct Prefixes {
    bits: [u32; 32],
}

impl Prefixes {
    /// No prefix.
    pub const EMPTY: Prefixes = Prefixes { bits: [0; 32] };

    /// Where a word falls: its first three bytes (0 past the end) hashed.
    const fn slot(word: &[u8]) -> usize {
        const fn byte(word: &[u8], i: usize) -> usize {
            if i < word.len() {
                word[i] as usize
            } else {
                0
            }
        }
        (byte(word, 0) * 961 + byte(word, 1) * 31 + byte(word, 2)) % 1024
    }

    /// Adds the prefix of `word`.
    pub const fn with(mut self, word: &[u8]) -> Prefixes {
        let h = Self::slot(word);
        self.bits[h / 32] |= 1 << (h % 32);
        self
    }

    /// The prefixes of every entry of a `|`-separated list.
    pub const fn of_entries(text: &[u8]) -> Prefixes {
        Prefixes::EMPTY.with_entries(text)
    }

    /// Adds the prefixes of every entry of a `|`-separated list.
    pub const fn with_entries(self, text: &[u8]) -> Prefixes {
        let mut set = self;
        let mut start = 0;
        let mut i = 0;
        while i <= text.len() {
            if i == text.len() || text[i] == b'|' {
                let (entry, _) = text.split_at(i);
                let (_, entry) = entry.split_at(start);
                set = set.with(entry);
                start = i + 1;
            }
            i += 1;
        }
        set
    }

    /// Returns false if `word` starts with no prefix of the set (true: it may).
    pub fn may_start(&self, word: &[u8]) -> bool {
        let h = Self::slot(word);
        self.bits[h / 32] & (1 << (h % 32)) != 0
    }
}

/// How many entries a `|`-separated list has (for [`IndexedWords`]' length).
pub const fn count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut n = 1;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'|' {
            n += 1;
        }
        i += 1;
    }
    n
}

impl Words {
    /// Wraps `text`, entries separated by `|`.
    pub const fn new(text: &'static str) -> Self {
        Self {
            text: text.as_bytes(),
        }
    }

    /// The packed text: the entries separated by `|`.
    pub const fn text(&self) -> &'static [u8] {
        self.text
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl Iterator<Item = &'static [u8]> {
        self.text.split(|&b| b == b'|')
    }

    /// Returns true if and only if `word` is an entry of a list written in sorted order (binary
    /// search).
    pub fn contains_sorted(&self, word: &str) -> bool {
        self.find_sorted(word).is_some()
    }

    /// The entry equal to `word` in a list written in sorted order (binary search).
    pub fn find_sorted(&self, word: &str) -> Option<&'static [u8]> {
        find_sorted(self.text, word.as_bytes(), false)
    }

    /// [`Words::find_sorted`] for bytes.
    pub fn find_sorted_bytes(&self, word: &[u8]) -> Option<&'static [u8]> {
        find_sorted(self.text, word, false)
    }

    /// [`Words::find_sorted`] for `word` in any case (the list being lowercase): ASCII words are
    /// compared folded byte by byte, without the allocation of a lowercase copy.
    pub fn find_sorted_any_case(&self, word: &str) -> Option<&'static [u8]> {
        if !word.is_ascii() {
            return self.find_sorted(&crate::text::fold_case(word));
        }
        find_sorted(self.text, word.as_bytes(), true)
    }
}

/// The entry of the sorted `|`-separated `text` equal to `word` (`fold`: to `word` with its ASCII
/// letters lowercased).
fn find_sorted(text: &'static [u8], word: &[u8], fold: bool) -> Option<&'static [u8]> {
    // The entries left are those of text[lo..hi]: `lo` starts an entry, `hi` ends one.
    let (mut lo, mut hi) = (0, text.len());
    while lo < hi {
        // The entry around the middle byte, compared as it is read.
        let mut start = lo + (hi - lo) / 2;
        while start > lo && text[start - 1] != b'|' {
            start -= 1;
        }
        let mut i = start;
        let mut k = 0;
        let ord = loop {
            // 0 past the entry's end: below every byte of a word
            let e = if i < hi { text[i] } else { b'|' };
            let e = if e == b'|' { 0 } else { e };
            let Some(&w) = word.get(k) else {
                break if e == 0 {
                    Ordering::Equal
                } else {
                    Ordering::Greater
                };
            };
            let w = if fold { w.to_ascii_lowercase() } else { w };
            if e != w || e == 0 {
                // (a word's NUL byte is not the entry's end)
                break e.cmp(&w).then(Ordering::Less);
            }
            i += 1;
            k += 1;
        };
        match ord {
            Ordering::Less => {
                while i < hi && text[i] != b'|' {
                    i += 1;
                }
                lo = i + 1;
            }
            // `start - 1` is the `|` that ends the entry before (none if `start == lo`).
            Ordering::Greater => hi = start.saturating_sub(1).max(lo),
            Ordering::Equal => return Some(&text[start..i]),
        }
    }
    None
}

/// A [`Words`] list that also knows where each entry ends, for lookups that need the entry's
/// index.
pub struct IndexedWords<const N: usize> {
    text: &'static [u8],
    ends: [u16; N],
}

impl<const N: usize> IndexedWords<N> {
    /// Packs `text`, entries separated by `|`. Evaluated at compile time by [`indexed_words!`].
    pub const fn new(text: &'static str) -> Self {
        let bytes = text.as_bytes();
        assert!(bytes.len() < u16::MAX as usize, "word list too long");
        let mut ends = [0u16; N];
        let mut n = 0;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'|' {
                ends[n] = i as u16;
                n += 1;
            }
            i += 1;
        }
        ends[n] = bytes.len() as u16;
        Self { text: bytes, ends }
    }

    /// The packed text: the entries separated by `|`.
    pub const fn text(&self) -> &'static [u8] {
        self.text
    }

    /// The number of entries.
    pub const fn len(&self) -> usize {
        N
    }

    /// Returns true if and only if the list has no entries (never: a list has at least one).
    pub const fn is_empty(&self) -> bool {
        N == 0
    }

    /// The `i`-th entry's bytes.
    pub fn get(&self, i: usize) -> &'static [u8] {
        entry(self.text, &self.ends, i)
    }

    /// The index of `word` in a list written in sorted order (binary search).
    pub fn find_sorted(&self, word: &str) -> Option<usize> {
        find_sorted_index(self.text, &self.ends, word.as_bytes())
    }
}

// NOTE: the lookups are free functions over the list's parts, not methods of the generic
// `IndexedWords<N>`: one copy of each in the wasm instead of one per list length.

fn entry(text: &'static [u8], ends: &[u16], i: usize) -> &'static [u8] {
    let start = if i == 0 { 0 } else { ends[i - 1] as usize + 1 };
    &text[start..ends[i] as usize]
}

fn find_sorted_index(text: &'static [u8], ends: &[u16], word: &[u8]) -> Option<usize> {
    let (mut lo, mut hi) = (0, ends.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        match entry(text, ends, mid).cmp(word) {
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
            Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// Returns true if and only if the `|`-separated entries are in strictly increasing byte order.
/// Evaluated at compile time by [`words!`] and [`indexed_words!`]: the binary searches need it.
pub const fn entries_sorted(text: &str) -> bool {
    let bytes = text.as_bytes();
    // the previous entry is bytes[prev..prev_end]; compare it with the one starting at `start`
    let (mut prev, mut prev_end, mut start) = (0, usize::MAX, 0);
    let mut i = 0;
    while i <= bytes.len() {
        if i == bytes.len() || bytes[i] == b'|' {
            if prev_end != usize::MAX {
                // lexicographic comparison of bytes[prev..prev_end] and bytes[start..i]
                let mut k = 0;
                loop {
                    let (a, b) = (prev + k, start + k);
                    if a == prev_end {
                        if b == i {
                            return false; // equal entries
                        }
                        break; // a prefix of the next: smaller
                    }
                    if b == i || bytes[a] > bytes[b] {
                        return false;
                    }
                    if bytes[a] < bytes[b] {
                        break;
                    }
                    k += 1;
                }
            }
            prev = start;
            prev_end = i;
            start = i + 1;
        }
        i += 1;
    }
    true
}

/// Declares a packed word list: `words!(static NAME = "a|b|c");` (the text may be a `concat!`).
/// The entries must be in sorted byte order: the build fails otherwise.
#[macro_export]
macro_rules! words {
    ($(#[$meta:meta])* $vis:vis static $name:ident = $text:expr) => {
        $(#[$meta])*
        $vis static $name: $crate::words::Words = $crate::words::Words::new($text);
        const _: () = assert!(
            $crate::words::entries_sorted($text),
            concat!(stringify!($name), ": entries must be in sorted byte order")
        );
    };
}

/// Declares a packed word list with its entries' ends: `indexed_words!(static NAME = "a|b|c");`.
/// The entries must be in sorted byte order: the build fails otherwise.
#[macro_export]
macro_rules! indexed_words {
    ($(#[$meta:meta])* $vis:vis static $name:ident = $text:expr) => {
        $(#[$meta])*
        $vis static $name: $crate::words::IndexedWords<{ $crate::words::count($text) }> =
            $crate::words::IndexedWords::new($text);
        const _: () = assert!(
            $crate::words::entries_sorted($text),
            concat!(stringify!($name), ": entries must be in sorted byte order")
        );
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    words!(static LIST = concat!("ad|advert|", "anzeige|sponsored content"));
    indexed_words!(static INDEXED = concat!("ad|advert|", "anzeige|sponsored content"));

    #[test]
    fn sortedness_is_checked_entry_by_entry() {
        assert!(entries_sorted("a|ab|b|ba"));
        assert!(entries_sorted("only"));
        assert!(!entries_sorted("b|a"));
        assert!(!entries_sorted("ab|a"));
        assert!(!entries_sorted("a|a"));
        assert!(!entries_sorted("a||b"));
    }

    #[test]
    fn entries_and_lookups() {
        assert_eq!(LIST.iter().count(), 4);
        assert!(LIST.contains_sorted("advert"));
        assert!(!LIST.contains_sorted("adv"));
        assert!(!LIST.contains_sorted("ad|advert"));
        for w in ["ad", "advert", "anzeige", "sponsored content"] {
            assert_eq!(LIST.find_sorted(w), Some(w.as_bytes()));
        }
        assert_eq!(LIST.find_sorted("b"), None);
        assert_eq!(LIST.find_sorted_any_case("AnZeige"), Some(&b"anzeige"[..]));
        assert_eq!(LIST.find_sorted_any_case("ADVERTS"), None);
        assert_eq!(LIST.find_sorted(""), None);

        assert_eq!(INDEXED.len(), 4);
        assert_eq!(INDEXED.get(3), b"sponsored content");
        for (i, w) in LIST.iter().enumerate() {
            assert_eq!(
                INDEXED.find_sorted(core::str::from_utf8(w).unwrap()),
                Some(i)
            );
        }
        assert_eq!(INDEXED.find_sorted("adv"), None);
    }

    /// The byte-level binary search finds every entry of lists of every length, and nothing else.
    #[test]
    fn binary_search_of_every_length() {
        let all: Vec<String> = (0..40)
            .map(|i| "x".repeat(1 + i % 5) + &format!("{i:02}") + &"y".repeat(i % 3))
            .collect::<alloc::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        for n in 1..=all.len() {
            let text: &'static str = Box::leak(all[..n].join("|").into_boxed_str());
            let list = Words::new(text);
            assert!(entries_sorted(text));
            for w in &all[..n] {
                assert_eq!(list.find_sorted(w), Some(w.as_bytes()), "{w} in {text}");
                assert_eq!(
                    list.find_sorted_any_case(&w.to_uppercase()),
                    Some(w.as_bytes())
                );
                assert!(list.contains_sorted(w));
                for miss in [&w[..w.len() - 1], &format!("{w}a"), &format!("{w}|")] {
                    assert_eq!(list.find_sorted(miss), None, "{miss} in {text}");
                }
            }
            for miss in ["", "a", "z", "x", "x00|", "|", "x00\0", "x00\0x01", "\0"] {
                assert_eq!(list.find_sorted(miss), None, "{miss} in {text}");
            }
            // a NUL or `|` in the word is not an entry's end
            for pair in all[..n].windows(2) {
                for sep in ["\0", "|"] {
                    let miss = pair.join(sep);
                    assert_eq!(list.find_sorted(&miss), None, "{miss:?} in {text}");
                    assert_eq!(list.find_sorted_any_case(&miss), None, "{miss:?}");
                }
            }
            for w in &all[n..] {
                assert_eq!(list.find_sorted(w), None, "{w} in {text}");
                assert!(!list.contains_sorted(w));
            }
        }
    }
}
