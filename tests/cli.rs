//! The command-line tool as people run it: the built binary, real files, its JSON Lines output.
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A directory of its own under the target dir, emptied first, so parallel tests never share files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `text` to `dir/name` and returns its path.
fn file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn newsclean(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsclean"))
        .args(args)
        .output()
        .unwrap()
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect()
}

/// The JSON lines of a run that must have succeeded.
fn succeeded(out: &Output) -> Vec<Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(out)
}

/// Asserts that each quotation's offsets point at its text in `text`.
fn assert_offsets_point_at_quotes(text: &str, quotes: &[Value]) {
    for q in quotes {
        assert_eq!(
            chars_between(text, &q["start"], &q["end"]),
            q["quote"].as_str().unwrap(),
            "{q}"
        );
    }
}

/// The text between two offsets counted in Unicode scalar values, as the issue defines them.
fn chars_between(text: &str, start: &Value, end: &Value) -> String {
    let (start, end) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn blank_lines_between_paragraphs_are_no_paragraphs_and_crlf_keeps_offsets() {
    let dir = scratch("cli-blank-lines");
    // A quotation running over two paragraphs, attributed in its second: with the blank line
    // read as a paragraph of its own, the first had no speaker.
    let text = "Jane Doe, a nurse, described the scene.\r\n\r\n\
                “When we arrived, there were people everywhere.\r\n\r\n\
                “Then the lights went out,” she said.\r\n";
    let article = file(&dir, "article.txt", text);
    let lines = succeeded(&newsclean(&[Path::new("quotes"), &article]));
    let quotes = lines[0]["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    assert_offsets_point_at_quotes(text, quotes);
    for q in quotes {
        assert_eq!(q["speaker"], "Jane Doe", "{q}");
    }
}

#[test]
fn quotes_of_a_text_file_carry_offsets_in_unicode_scalar_values() {
    let dir = scratch("cli-offsets");
    // multi-byte characters before each quote: byte offsets would point elsewhere
    let text = "Café owners in Zürich were angry. “We will not pay,” said Marie Dupont, the café’s owner.\n\
                Then “the tax is a scandal,” Dupont said — “a scandal for everyone.”\n";
    let article = file(&dir, "article.txt", text);
    let lines = succeeded(&newsclean(&[Path::new("quotes"), &article]));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["file"], article.to_str().unwrap());
    let quotes = lines[0]["quotes"].as_array().unwrap();
    assert!(quotes.len() >= 2, "{quotes:?}");
    assert_offsets_point_at_quotes(text, quotes);
    for q in quotes {
        assert!(q["kind"] == "full" || q["kind"] == "partial", "{q}");
        assert!(
            q.get("role").is_some(),
            "role is always there, null when unknown: {q}"
        );
    }
    assert_eq!(quotes[0]["quote"], "We will not pay");
    assert_eq!(quotes[0]["kind"], "full");
    assert_eq!(quotes[0]["speaker"], "Marie Dupont");
    assert_eq!(quotes[0]["role"], "the café’s owner");
    assert_eq!(quotes[1]["quote"], "the tax is a scandal");
    assert_eq!(
        quotes[1]["speaker"], "Marie Dupont",
        "the surname alone is the same person"
    );
}

#[test]
fn a_file_that_cannot_be_read_gets_an_error_and_the_others_are_still_processed() {
    let dir = scratch("cli-errors");
    let page = file(
        &dir,
        "page.html",
        "<html><body><nav><a href=/>“Home”</a></nav><article>\
         <p>“We will defend every inch,” said Jens Stoltenberg, the NATO secretary general.</p>\
         <p>Advertisement</p></article></body></html>",
    );
    let text = file(
        &dir,
        "notes.txt",
        "“Nothing here is final,” the spokeswoman said.\r\n",
    );
    let missing = dir.join("missing.txt");
    let out = newsclean(&[Path::new("quotes"), &page, &missing, &text]);
    assert!(
        !out.status.success(),
        "a failed file makes the exit status non-zero"
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3, "one line per file, in order");

    assert_eq!(lines[0]["file"], page.to_str().unwrap());
    let from_html = lines[0]["quotes"].as_array().unwrap();
    assert_eq!(
        from_html.len(),
        1,
        "the menu's “Home” is no quote: {from_html:?}"
    );
    assert_eq!(from_html[0]["speaker"], "Jens Stoltenberg");

    assert_eq!(lines[1]["file"], missing.to_str().unwrap());
    let error = lines[1]["error"].as_str().unwrap();
    assert!(
        error.contains("missing.txt"),
        "the error names the file: {error}"
    );
    assert!(lines[1].get("quotes").is_none());

    let from_text = lines[2]["quotes"].as_array().unwrap();
    assert_eq!(from_text.len(), 1, "{from_text:?}");
    assert_eq!(
        from_text[0]["quote"], "Nothing here is final",
        "the CR of a CRLF line is no part of the text"
    );
    assert_eq!(
        from_text[0]["speaker"], "the spokeswoman",
        "an unnamed source is shown as such"
    );
}

#[test]
fn report_prints_the_hidden_labels_and_the_speakers() {
    let dir = scratch("cli-report");
    let page = file(
        &dir,
        "page.html",
        "<html><body><article>\
         <p>The talks went on for a third day in Brussels, officials said on Tuesday.</p>\
         <p>Advertisement</p>\
         <p>“We are not there yet,” said Antony Blinken, the U.S. secretary of state.</p>\
         </article></body></html>",
    );
    let lines = succeeded(&newsclean(&[Path::new("report"), &page]));
    assert_eq!(lines.len(), 1);
    let hidden = lines[0]["hidden"].as_array().unwrap();
    assert_eq!(hidden.len(), 1, "{hidden:?}");
    assert_eq!(hidden[0]["text"], "Advertisement");
    assert_eq!(hidden[0]["kind"], "ad-marker");
    assert_eq!(lines[0]["speakers"][0]["name"], "Antony Blinken");
    assert_eq!(lines[0]["speakers"][0]["quotes"], 1);
}

#[test]
fn no_input_file_is_a_usage_error() {
    let out = newsclean(&[Path::new("quotes")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no input files"));
}
