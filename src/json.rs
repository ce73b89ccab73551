//! A tiny JSON writer for the core's reports.
//!
//! The report crosses to JavaScript as one JSON string (parsed there with `JSON.parse`) and the CLI
//! prints the same text, so both front ends emit byte-identical reports.
//!
//! NOTE: serde-wasm-bindgen did the same job for 8.6 KB of the wasm budget (150 KB); this writer
//! costs about 1 KB.

use crate::prelude::*;

/// Builds one JSON object, field by field.
pub struct Object<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Object<'a> {
    /// Opens an object at the end of `out`.
    pub fn open(out: &'a mut String) -> Self {
        out.push('{');
        Object { out, first: true }
    }

    fn key(&mut self, key: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        push_str(self.out, key);
        self.out.push(':');
    }

    /// Adds a string field.
    // (cold and called from many places: inlined, each caller held a copy)
    #[inline(never)]
    pub fn str(&mut self, key: &str, value: &str) -> &mut Self {
        self.key(key);
        push_str(self.out, value);
        self
    }

    /// Adds a string field that may be `null`.
    // (cold and called from many places: inlined, each caller held a copy)
    #[inline(never)]
    pub fn opt_str(&mut self, key: &str, value: Option<&str>) -> &mut Self {
        self.key(key);
        match value {
            Some(v) => push_str(self.out, v),
            None => self.out.push_str("null"),
        }
        self
    }

    /// Adds a number field.
    // (cold and called from many places: inlined, each caller held a copy)
    #[inline(never)]
    pub fn num(&mut self, key: &str, value: usize) -> &mut Self {
        self.key(key);
        push_number(self.out, value);
        self
    }

    /// Adds an array field whose items `item` writes.
    pub fn array<T>(
        &mut self,
        key: &str,
        items: &[T],
        item: impl Fn(&mut String, &T),
    ) -> &mut Self {
        self.key(key);
        self.out.push('[');
        for (n, x) in items.iter().enumerate() {
            if n > 0 {
                self.out.push(',');
            }
            item(self.out, x);
        }
        self.out.push(']');
        self
    }

    /// Closes the object.
    pub fn close(&mut self) {
        self.out.push('}');
    }
}

/// Appends `value` as a JSON string literal.
pub fn push_str(out: &mut String, value: &str) {
    out.push('"');
    // What needs no escape is copied a run at a time, not a char at a time: most text is one run,
    // and the sidebar hands over all of a page's quotations (2 MB on a 10 MB page). The escaped
    // chars are ASCII, which never occurs inside a UTF-8 sequence, so each run is whole chars.
    // (`get`, not `[..]`: indexing a str would bring its panic's formatting into the wasm.)
    let mut run = 0;
    for (i, byte) in value.bytes().enumerate() {
        if byte == b'"' || byte == b'\\' || byte < 0x20 {
            out.push_str(value.get(run..i).unwrap_or_default());
            run = i + 1;
            // (control chars all as \u00XX: page text reaches here with its whitespace collapsed)
            if byte < 0x20 {
                out.push_str("\\u00");
                out.push(hex_digit(u32::from(byte) >> 4));
                out.push(hex_digit(u32::from(byte) & 0xF));
            } else {
                out.push('\\');
                out.push(char::from(byte));
            }
        }
    }
    out.push_str(value.get(run..).unwrap_or_default());
    out.push('"');
}

pub(crate) fn push_number(out: &mut String, mut value: usize) {
    let mut digits = [0u8; 20];
    let mut n = digits.len();
    loop {
        n -= 1;
        digits[n] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    for d in &digits[n..] {
        out.push(*d as char);
    }
}

fn hex_digit(n: u32) -> char {
    char::from_digit(n, 16).unwrap_or('0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_nests() {
        let mut out = String::new();
        Object::open(&mut out)
            .str("text", "say \"hi\"\n\u{1}")
            .opt_str("none", None)
            .num("n", 1207)
            .array("list", &[1usize, 20], |o, x| push_number(o, *x))
            .close();
        assert_eq!(
            out,
            r#"{"text":"say \"hi\"\u000a\u0001","none":null,"n":1207,"list":[1,20]}"#
        );
    }

    /// (input, its JSON literal): runs of plain text, and escapes at either end and between
    /// multi-byte chars, as a char at a time wrote them
    const STRINGS: &[(&str, &str)] = &[
        ("", r#""""#),
        ("plain “text” … ünïcödé", r#""plain “text” … ünïcödé""#),
        ("\"", r#""\"""#),
        ("é\\ü\"ö\u{1f}", r#""é\\ü\"ö\u001f""#),
        ("\"«quoted»\"", r#""\"«quoted»\"""#),
    ];

    #[test]
    fn strings_escape_only_what_json_needs() {
        for (input, want) in STRINGS {
            let mut out = String::new();
            push_str(&mut out, input);
            assert_eq!(out, *want, "{input:?}");
        }
    }
}
