//! Word lists packed into one string each.
//!
//! A `&[&str]` table spends 8 bytes of wasm data per entry on a pointer and a length — more than
//! most of its words. A [`Words`] list keeps the words in one `|`-separated string and 2 bytes
//! per entry for where each ends, worked out at compile time.

/// A list of words or phrases: one `|`-separated string and the end of each entry.
///
/// # Example
///
/// ```
/// newsclean::words!(static FRUIT = "apple|banana|cherry");
/// assert!(FRUIT.contains("banana"));
/// assert_eq!(FRUIT.find_sorted("cherry"), Some(2));
/// assert_eq!(FRUIT.get(0), b"apple");
/// ```
pub struct Words<const N: usize> {
    text: &'static [u8],
    ends: [u16; N],
}

/// How many entries a `|`-separated list has (for [`Words`]' length).
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

impl<const N: usize> Words<N> {
    /// Packs `text`, entries separated by `|`. Evaluated at compile time by [`words!`].
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

    /// Returns true if and only if `word` is an entry (a scan: for short or rarely used lists).
    pub fn contains(&self, word: &str) -> bool {
        contains(self.text, &self.ends, word.as_bytes())
    }

    /// The index of `word` in a list written in sorted order (binary search).
    pub fn find_sorted(&self, word: &str) -> Option<usize> {
        self.find_sorted_bytes(word.as_bytes())
    }

    /// [`Words::find_sorted`] for bytes.
    pub fn find_sorted_bytes(&self, word: &[u8]) -> Option<usize> {
        find_sorted(self.text, &self.ends, |e| e.cmp(word))
    }

    /// [`Words::find_sorted`] for `word` in any case (the list being lowercase): ASCII words are
    /// compared folded byte by byte, without the allocation of a lowercase copy.
    pub fn find_sorted_any_case(&self, word: &str) -> Option<usize> {
        if !word.is_ascii() {
            return self.find_sorted(&crate::text::fold_case(word));
        }
        let folded = || word.bytes().map(|b| b.to_ascii_lowercase());
        find_sorted(self.text, &self.ends, |e| e.iter().copied().cmp(folded()))
    }

    /// Returns true if and only if the entries are in strictly increasing order.
    pub fn is_sorted(&self) -> bool {
        (1..N).all(|i| self.get(i - 1) < self.get(i))
    }
}

// NOTE: the lookups are free functions over the list's parts, not methods of the generic
// `Words<N>`: one copy of each in the wasm instead of one per list length.

fn entry(text: &'static [u8], ends: &[u16], i: usize) -> &'static [u8] {
    let start = if i == 0 { 0 } else { ends[i - 1] as usize + 1 };
    &text[start..ends[i] as usize]
}

fn contains(text: &'static [u8], ends: &[u16], word: &[u8]) -> bool {
    (0..ends.len()).any(|i| entry(text, ends, i) == word)
}

fn find_sorted(
    text: &'static [u8],
    ends: &[u16],
    cmp: impl Fn(&[u8]) -> core::cmp::Ordering,
) -> Option<usize> {
    let (mut lo, mut hi) = (0, ends.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        match cmp(entry(text, ends, mid)) {
            core::cmp::Ordering::Less => lo = mid + 1,
            core::cmp::Ordering::Greater => hi = mid,
            core::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// Declares a packed word list: `words!(static NAME = "a|b|c");` (the text may be a `concat!`).
#[macro_export]
macro_rules! words {
    ($(#[$meta:meta])* $vis:vis static $name:ident = $text:expr) => {
        $(#[$meta])*
        $vis static $name: $crate::words::Words<{ $crate::words::count($text) }> =
            $crate::words::Words::new($text);
    };
}

#[cfg(test)]
mod tests {
    words!(static LIST = concat!("ad|advert|", "anzeige|sponsored content"));

    #[test]
    fn entries_and_lookups() {
        assert_eq!(LIST.len(), 4);
        assert_eq!(LIST.get(3), b"sponsored content");
        assert!(LIST.contains("advert"));
        assert!(!LIST.contains("adv"));
        assert!(LIST.is_sorted());
        for (i, w) in ["ad", "advert", "anzeige", "sponsored content"]
            .iter()
            .enumerate()
        {
            assert_eq!(LIST.find_sorted(w), Some(i));
        }
        assert_eq!(LIST.find_sorted("b"), None);
        assert_eq!(LIST.find_sorted_any_case("AnZeige"), Some(2));
        assert_eq!(LIST.find_sorted_any_case("ADVERTS"), None);
        assert_eq!(LIST.find_sorted(""), None);
    }
}
