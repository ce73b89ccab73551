//! Word lists packed at compile time.
//!
//! A `&[&str]` table spends 8 bytes of wasm data per entry on a pointer and a length — more than
//! most of its words. A [`Words`] list is written as one `|`-separated string of sorted entries
//! and stored front-coded, as search engines store their sorted terms: each entry is one byte
//! telling how many leading bytes it shares with the entry before (below 0x20, so that byte also
//! marks where an entry starts), then the rest of its bytes. Sorted words share their starts
//! ("advert", "advertisement", "advertising"): a fifth of the lists' bytes go. Every
//! [`RESTART`]th entry (or every `n`th: `words!(static X = "…"; every n)`) shares nothing and
//! its offset is kept, so a lookup binary-searches those and reads at most that many entries
//! on; an entry's index comes free. The offsets and the entries are one byte array, and the
//! counts fit 4 bytes: each list's static is 12 bytes (it was 24 with two slices and two
//! `usize`s; 48 lists, 576 bytes).

use core::cmp::Ordering;

/// A sorted list of words or phrases, front-coded (see the module's documentation).
///
/// # Example
///
/// ```
/// newsclean::words!(static FRUIT = "apple|banana|cherry");
/// assert!(FRUIT.contains_sorted("banana"));
/// assert_eq!(FRUIT.find_sorted("cherry"), Some(2));
/// assert_eq!(FRUIT.find_sorted_any_case("Apple"), Some(0));
/// assert_eq!(FRUIT.entries()[1], b"banana");
/// ```
pub struct Words {
    /// The offsets of the entries that share nothing (two bytes each, little-endian), then the
    /// packed entries.
    bytes: &'static [u8],
    len: u16,
    every: u8,
    /// Where the packed entries start in `bytes`: two bytes for each restart. (Kept, though
    /// `len` and `every` give it: it costs the static no byte, and no lookup divides.)
    packed_at: u8,
    /// Native builds only (the CLI, the tests): each entry's index by its bytes, built at the
    /// list's first lookup. Natively the packed search was 37 % of `newsclean quotes`' time
    /// (`perf`, PolNeAR dev), many lookups a token; the CLI has a speed budget and no size one.
    /// The wasm keeps the packed search: an index would cost its memory and its code on every
    /// page, and in V8's baseline tier lookups were never where the time went (`benches/ab.mjs`).
    #[cfg(not(target_arch = "wasm32"))]
    index: &'static IndexCell,
}

/// Where a native list keeps its hash index ([`Words::index`]); nothing in the wasm (a static
/// of no bytes that [`Words::new`] ignores), so that one [`words!`] serves both.
#[cfg(not(target_arch = "wasm32"))]
pub type IndexCell = std::sync::OnceLock<index::Index>;

/// Where a native list keeps its hash index: nothing, in the wasm.
#[cfg(target_arch = "wasm32")]
#[derive(Default)]
pub struct IndexCell;

#[cfg(target_arch = "wasm32")]
impl IndexCell {
    /// Nothing.
    pub const fn new() -> IndexCell {
        IndexCell
    }
}

/// Every this many entries, one shares no bytes with the entry before and its offset is kept
/// (unless a list says otherwise: fewer make lookups shorter and the list longer).
pub const RESTART: usize = 16;

/// The most leading bytes an entry is stored as sharing: its first byte must stay below 0x20.
const MAX_SHARED: usize = 0x1F;

/// A set of three-byte word prefixes, hashed into 1024 bits: most words can be ruled out of a
/// list by one lookup here instead of a binary search. Built at compile time.
///
/// # Example
///
/// ```
/// use newsclean::words::Prefixes;
/// newsclean::words!(static FRUIT = "apple|banana|fig");
/// static FRUIT_PREFIXES: Prefixes = Prefixes::EMPTY.with_words(&FRUIT);
/// assert!(FRUIT_PREFIXES.may_start(b"bananas"));
/// assert!(FRUIT_PREFIXES.may_start(b"fig"));
/// assert!(!FRUIT_PREFIXES.may_start(b"cherry"));
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

    /// Adds the prefixes of every entry of a [`Words`] list.
    pub const fn with_words(self, words: &Words) -> Prefixes {
        let mut set = self;
        let (mut at, mut first) = (0, [0u8; 3]);
        while at < words.packed_len() {
            let (next, this, _) = words.step(at, first);
            set = set.with(&this);
            (at, first) = (next, this);
        }
        set
    }

    /// Returns false if `word` starts with no prefix of the set (true: it may).
    pub fn may_start(&self, word: &[u8]) -> bool {
        let h = Self::slot(word);
        self.bits[h / 32] & (1 << (h % 32)) != 0
    }
}

impl Words {
    /// Wraps a list of `len` entries packed by [`pack`] with a restart every `every` entries,
    /// and the cell of its native index; [`words!`] builds one at compile time.
    pub const fn new(
        bytes: &'static [u8],
        len: usize,
        every: usize,
        #[cfg_attr(target_arch = "wasm32", allow(unused_variables))] index: &'static IndexCell,
    ) -> Self {
        let packed_at = 2 * len.div_ceil(every);
        assert!(len <= u16::MAX as usize && every <= u8::MAX as usize);
        assert!(
            packed_at <= u8::MAX as usize,
            "too many restarts: make `every` larger"
        );
        Self {
            bytes,
            len: len as u16,
            every: every as u8,
            packed_at: packed_at as u8,
            #[cfg(not(target_arch = "wasm32"))]
            index,
        }
    }

    /// The offset in [`Words::packed`] of restart `i`.
    fn restart(&self, i: usize) -> usize {
        match self.bytes.get(2 * i..2 * i + 2) {
            Some(&[low, high]) => usize::from(u16::from_le_bytes([low, high])),
            _ => 0,
        }
    }

    /// The packed entries.
    const fn packed(&self) -> &'static [u8] {
        self.bytes.split_at(self.packed_at as usize).1
    }

    /// The number of entries.
    pub const fn len(&self) -> usize {
        self.len as usize
    }

    /// Returns true if and only if the list has no entries (never: a list has at least one).
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The size of the packed form in bytes: [`Words::step`] ends there.
    pub const fn packed_len(&self) -> usize {
        self.packed().len()
    }

    /// Reads the entry at offset `at` at compile time, given the first three bytes of the entry
    /// before (`prev`): returns where the next entry starts, this one's first three bytes (0
    /// past its end) and its length.
    pub const fn step(&self, at: usize, prev: [u8; 3]) -> (usize, [u8; 3], usize) {
        let packed = self.packed();
        let shared = packed[at] as usize;
        let mut first = [0u8; 3];
        let mut k = 0;
        while k < 3 && k < shared {
            first[k] = prev[k];
            k += 1;
        }
        let mut i = at + 1;
        while i < packed.len() && packed[i] >= 0x20 {
            if shared + (i - at - 1) < 3 {
                first[shared + (i - at - 1)] = packed[i];
            }
            i += 1;
        }
        (i, first, shared + (i - at - 1))
    }

    /// The entries, decoded, in order.
    pub fn entries(&self) -> alloc::vec::Vec<alloc::vec::Vec<u8>> {
        let mut out: alloc::vec::Vec<alloc::vec::Vec<u8>> = alloc::vec::Vec::new();
        for &b in self.packed() {
            if b < 0x20 {
                let mut entry = out.last().cloned().unwrap_or_default();
                entry.truncate(b as usize);
                out.push(entry);
            } else if let Some(entry) = out.last_mut() {
                entry.push(b);
            }
        }
        out
    }

    /// Returns true if and only if `word` is an entry.
    pub fn contains_sorted(&self, word: &str) -> bool {
        self.find_sorted(word).is_some()
    }

    /// The index of the entry equal to `word`.
    pub fn find_sorted(&self, word: &str) -> Option<usize> {
        find(self, word.as_bytes(), false)
    }

    /// [`Words::find_sorted`] for `word` in any case (the list being lowercase): ASCII words are
    /// compared folded byte by byte, without the allocation of a lowercase copy.
    pub fn find_sorted_any_case(&self, word: &str) -> Option<usize> {
        if !word.is_ascii() {
            return self.find_sorted(&crate::text::fold_case(word));
        }
        find(self, word.as_bytes(), true)
    }
}

/// The index of the entry of a list equal to `word` (`fold`: to `word` with its ASCII letters
/// lowercased): natively from the list's hash index ([`Words::index`]).
#[cfg(not(target_arch = "wasm32"))]
fn find(list: &Words, word: &[u8], fold: bool) -> Option<usize> {
    let index = list.index.get_or_init(|| index::Index::of(list.entries()));
    if !fold {
        return index.get(word);
    }
    let mut folded = [0u8; LONGEST_FOLDED];
    let Some(key) = folded.get_mut(..word.len()) else {
        // (longer than any entry: the packed search, which folds without a copy)
        return find_packed(list, word, fold);
    };
    key.copy_from_slice(word);
    key.make_ascii_lowercase();
    index.get(key)
}

/// A word longer than this is looked up in any case by the packed search, natively too (no
/// entry is; the hash index needs a lowercase copy).
#[cfg_attr(all(target_arch = "wasm32", not(test)), allow(dead_code))]
const LONGEST_FOLDED: usize = 64;

#[cfg(target_arch = "wasm32")]
use find_packed as find;

/// The index of the entry of a packed list equal to `word` (`fold`: to `word` with its ASCII
/// letters lowercased), by the packed bytes themselves.
fn find_packed(list: &Words, word: &[u8], fold: bool) -> Option<usize> {
    // (not `packed()`, whose slicing may panic: no panic's code for what cannot happen)
    let packed = list
        .bytes
        .get(list.packed_at as usize..)
        .unwrap_or_default();
    // The entry whose shared-count byte is at `at`, from its byte `from` on (the bytes before
    // being equal to the word's), against the word: how they order, and how many of their
    // leading bytes are equal.
    let compare = |at: usize, from: usize| {
        let (mut i, mut k) = (at + 1, from);
        loop {
            // (below 0x20: the next entry's count, or past the end: this entry has ended)
            let e = packed.get(i).copied().unwrap_or(0);
            let Some(&w) = word.get(k) else {
                let ord = if e < 0x20 {
                    Ordering::Equal
                } else {
                    Ordering::Greater
                };
                return (ord, k);
            };
            let w = if fold { w.to_ascii_lowercase() } else { w };
            // (a word's byte below 0x20 orders below every entry byte)
            if e < 0x20 || e != w {
                return (if e < 0x20 { Ordering::Less } else { e.cmp(&w) }, k);
            }
            i += 1;
            k += 1;
        }
    };
    // the last block whose first entry is not above the word
    let (mut lo, mut hi) = (0, list.packed_at as usize / 2);
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        match compare(list.restart(mid), 0).0 {
            Ordering::Less => lo = mid,
            Ordering::Greater => hi = mid,
            Ordering::Equal => return Some(mid * list.every as usize),
        }
    }
    // Then entry by entry: `matched` leading bytes of the entry before equal the word's, and it
    // is below the word. An entry sharing fewer bytes with it is above the word; one sharing
    // more, below; only one sharing exactly as many is compared.
    // (the first entry starts the packed bytes: most lists have no other restart)
    let mut at = if lo == 0 { 0 } else { list.restart(lo) };
    let (mut index, mut matched) = (lo * list.every as usize, 0);
    while let Some(&shared) = packed.get(at) {
        let shared = shared as usize;
        // (a count of MAX_SHARED means that many or more: the bytes after it are stored)
        let at_least = shared == MAX_SHARED && matched >= MAX_SHARED;
        if shared < matched && !at_least {
            return None;
        }
        if shared == matched || at_least {
            match compare(at, shared) {
                (Ordering::Equal, _) => return Some(index),
                (Ordering::Greater, _) => return None,
                (Ordering::Less, k) => matched = k,
            }
        }
        at += 1;
        while packed.get(at).is_some_and(|&b| b >= 0x20) {
            at += 1;
        }
        index += 1;
    }
    None
}

/// A native list's hash index.
#[cfg(not(target_arch = "wasm32"))]
mod index {
    use std::collections::HashMap;
    use std::hash::{BuildHasherDefault, Hasher};

    /// Each entry's index by its bytes.
    #[derive(Debug)]
    pub struct Index(HashMap<Box<[u8]>, u32, BuildHasherDefault<Fnv>>);

    impl Index {
        pub fn of(entries: Vec<Vec<u8>>) -> Index {
            Index(
                entries
                    .into_iter()
                    .map(Vec::into_boxed_slice)
                    .zip(0..)
                    .collect(),
            )
        }

        pub fn get(&self, word: &[u8]) -> Option<usize> {
            self.0.get(word).map(|&i| i as usize)
        }
    }

    /// FNV-1a: keys are words of a few bytes, where std's SipHash costs more than the search it
    /// replaces; nothing here is keyed by an adversary (the lists are ours).
    pub struct Fnv(u64);

    impl Default for Fnv {
        fn default() -> Fnv {
            Fnv(0xcbf2_9ce4_8422_2325)
        }
    }

    impl Hasher for Fnv {
        fn write(&mut self, bytes: &[u8]) {
            for &b in bytes {
                self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }

        fn finish(&self) -> u64 {
            self.0
        }
    }
}

/// The sizes of the packed form of a sorted `|`-separated list with a restart every `every`
/// entries: (bytes, restart offsets, entries). Evaluated at compile time by [`words!`].
pub const fn packed_sizes(text: &str, every: usize) -> (usize, usize, usize) {
    let b = text.as_bytes();
    let (mut bytes, mut n) = (0, 0);
    let (mut prev, mut prev_end, mut start) = (0, 0, 0);
    let mut i = 0;
    while i <= b.len() {
        if i == b.len() || b[i] == b'|' {
            let shared = if n % every == 0 {
                0
            } else {
                shared_len(b, prev, prev_end, start, i)
            };
            bytes += 1 + (i - start - shared);
            (prev, prev_end, start, n) = (start, i, i + 1, n + 1);
        }
        i += 1;
    }
    (bytes, n.div_ceil(every), n)
}

/// How many leading bytes `b[a..a_end]` and `b[c..c_end]` share (at most [`MAX_SHARED`]).
const fn shared_len(b: &[u8], a: usize, a_end: usize, c: usize, c_end: usize) -> usize {
    let mut k = 0;
    while k < MAX_SHARED && a + k < a_end && c + k < c_end && b[a + k] == b[c + k] {
        k += 1;
    }
    k
}

/// Packs a sorted `|`-separated list (sizes from [`packed_sizes`]: `restarts` of them, and
/// `SIZE` two bytes each of those and the packed bytes): the offsets of every `every`th entry,
/// little-endian, then the entries. Evaluated at compile time by [`words!`].
pub const fn pack<const SIZE: usize>(text: &str, every: usize, restarts: usize) -> [u8; SIZE] {
    let b = text.as_bytes();
    let mut bytes = [0u8; SIZE];
    assert!(
        SIZE - 2 * restarts < u16::MAX as usize,
        "word list too long"
    );
    // `out`: where the next packed byte goes, after the restarts
    let (mut out, mut n) = (0, 0);
    let (mut prev, mut prev_end, mut start) = (0, 0, 0);
    let mut i = 0;
    while i <= b.len() {
        if i == b.len() || b[i] == b'|' {
            assert!(i > start, "empty entry");
            let shared = if n % every == 0 {
                let offset = (out as u16).to_le_bytes();
                bytes[2 * (n / every)] = offset[0];
                bytes[2 * (n / every) + 1] = offset[1];
                0
            } else {
                shared_len(b, prev, prev_end, start, i)
            };
            bytes[2 * restarts + out] = shared as u8;
            out += 1;
            let mut k = start + shared;
            while k < i {
                assert!(b[k] >= 0x20, "control byte in an entry");
                bytes[2 * restarts + out] = b[k];
                out += 1;
                k += 1;
            }
            (prev, prev_end, start, n) = (start, i, i + 1, n + 1);
        }
        i += 1;
    }
    bytes
}

/// Returns true if and only if the `|`-separated entries are in strictly increasing byte order.
/// Evaluated at compile time by [`words!`]: the lookups need it.
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
/// The entries must be in sorted byte order: the build fails otherwise. Only the packed form is
/// in the binary.
#[macro_export]
macro_rules! words {
    ($(#[$meta:meta])* $vis:vis static $name:ident = $text:expr) => {
        $crate::words!($(#[$meta])* $vis static $name = $text; every $crate::words::RESTART);
    };
    ($(#[$meta:meta])* $vis:vis static $name:ident = $text:expr; every $every:expr) => {
        $(#[$meta])*
        $vis static $name: $crate::words::Words = {
            const SIZES: (usize, usize, usize) = $crate::words::packed_sizes($text, $every);
            static PACKED: [u8; 2 * SIZES.1 + SIZES.0] =
                $crate::words::pack($text, $every, SIZES.1);
            static INDEX: $crate::words::IndexCell = $crate::words::IndexCell::new();
            $crate::words::Words::new(&PACKED, SIZES.2, $every, &INDEX)
        };
        const _: () = assert!(
            $crate::words::entries_sorted($text),
            concat!(stringify!($name), ": entries must be in sorted byte order")
        );
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;
    use alloc::vec::Vec;

    words!(static LIST = concat!("ad|advert|", "anzeige|sponsored content"));

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
        assert_eq!(LIST.len(), 4);
        assert_eq!(
            LIST.entries(),
            [&b"ad"[..], b"advert", b"anzeige", b"sponsored content"]
        );
        assert!(LIST.contains_sorted("advert"));
        assert!(!LIST.contains_sorted("adv"));
        assert!(!LIST.contains_sorted("ad|advert"));
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
        // front-coded: "advert" is stored as 2 shared bytes and "vert"
        assert_eq!(LIST.packed(), b"\0ad\x02vert\x01nzeige\0sponsored content");
        // (one restart, at 0)
        assert_eq!(&LIST.bytes[..2], [0, 0]);
    }

    /// The lookup finds every entry of lists of every length (blocks of 1, 4 and [`RESTART`]
    /// entries, shared starts of every length), and nothing else; natively the hash index and
    /// the packed search (the wasm's) agree on every word asked.
    #[test]
    fn lookups_in_lists_of_every_length() {
        let all: Vec<String> = (0..80)
            .map(|i| "x".repeat(1 + i % 5) + &format!("{i:02}") + &"y".repeat(i % 3))
            .chain((1..40).map(|n| "a".repeat(n)))
            .collect::<alloc::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        for n in 1..=all.len() {
            let text: &'static str = Box::leak(all[..n].join("|").into_boxed_str());
            let every = [RESTART, 4, 1][n % 3];
            let (bytes, restarts, len) = packed_sizes(text, every);
            let packed = pack_dynamic(text, every, bytes, restarts);
            let list = Words::new(packed.leak(), len, every, Box::leak(Box::default()));
            let find = |word: &str, fold: bool| {
                let found = find(&list, word.as_bytes(), fold);
                assert_eq!(found, find_packed(&list, word.as_bytes(), fold), "{word:?}");
                found
            };
            assert!(entries_sorted(text));
            assert_eq!(list.len(), n);
            let decoded: Vec<&[u8]> = all[..n].iter().map(|w| w.as_bytes()).collect();
            assert_eq!(list.entries(), decoded);
            for (i, w) in all[..n].iter().enumerate() {
                assert_eq!(find(w, false), Some(i), "{w} in {text}");
                assert_eq!(find(&w.to_uppercase(), true), Some(i));
                assert_eq!(find(&w.to_uppercase(), false), None);
                for miss in [&w[..w.len() - 1], &format!("{w}a"), &format!("{w}|")] {
                    if !all[..n].iter().any(|w| w == miss) {
                        assert_eq!(find(miss, false), None, "{miss} in {text}");
                        assert_eq!(find(miss, true), None, "{miss} in {text}");
                    }
                }
            }
            let long = "a".repeat(LONGEST_FOLDED + 1);
            for miss in ["", "0", "z", "x00|", "|", "x00\0", "x00\0x01", "\0", &long] {
                assert_eq!(find(miss, false), None, "{miss} in {text}");
                assert_eq!(find(miss, true), None, "{miss} in {text}");
            }
            // a NUL or `|` in the word is not an entry's end
            for pair in all[..n].windows(2) {
                for sep in ["\0", "|", "\x01"] {
                    let miss = pair.join(sep);
                    assert_eq!(find(&miss, false), None, "{miss:?} in {text}");
                    assert_eq!(find(&miss, true), None, "{miss:?}");
                }
            }
            for w in &all[n..] {
                assert_eq!(find(w, false), None, "{w} in {text}");
            }
        }
    }

    /// [`pack`] with sizes known only at run time (the lists of the test above).
    fn pack_dynamic(text: &str, every: usize, bytes: usize, restarts: usize) -> Vec<u8> {
        const MAX: usize = 8192;
        let size = 2 * restarts + bytes;
        assert!(size <= MAX);
        let packed: [u8; MAX] = pack(text, every, restarts);
        packed[..size].to_vec()
    }
}
