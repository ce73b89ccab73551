//! The native command-line tool: the same core as the extension, over saved pages and texts.
//!
//! ```text
//! newsclean report PAGE.html...   one JSON object per page: hidden items, quotes, speakers
//! newsclean quotes FILE...        JSON Lines: quotes of .txt (one paragraph per line) or .html
//! newsclean outline PAGE.html     the outline the core sees (for debugging rules)
//! ```
//! A file that cannot be read gets an `error` field; the others are still processed.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use newsclean::plan::{is_article_text, plan, Settings};
use serde_json::{json, Value};

const USAGE: &str = "\
newsclean — hides leftover ad labels and duplicated captions, lists who is quoted.

Usage:
  newsclean report PAGE.html...   one JSON object per page: {file, hidden, quotes, speakers}
  newsclean quotes FILE...        JSON Lines, one object per file: {file, quotes: [{quote, speaker,
                                  role, kind, start, end}]}; FILE is .txt (UTF-8, one paragraph
                                  per line, blank lines skipped; offsets in Unicode scalar values
                                  of the file) or .html
                                  (offsets into the article text, paragraphs joined by newlines)
  newsclean outline PAGE.html     the page's outline as the core sees it (JSON)
  newsclean --help | --version

A file that cannot be read gets an \"error\" field; the others are still processed.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let files = &args[1..];
    let run = match command.as_str() {
        "--help" | "-h" | "help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        "--version" | "-V" => {
            println!("newsclean {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        "report" => report,
        "quotes" => quotes,
        "outline" => outline,
        other => {
            eprintln!("newsclean: unknown command {other:?}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if files.is_empty() {
        eprintln!("newsclean {command}: no input files\n\n{USAGE}");
        return ExitCode::from(2);
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    for file in files {
        let value = match std::fs::read(file) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                run(file, &text)
            }
            Err(e) => {
                failed = true;
                json!({"file": file, "error": format!("cannot read {file}: {e}")}).to_string()
            }
        };
        if writeln!(out, "{value}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() || failed {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// The same JSON text `analyze()` returns in the browser, with the file name first.
fn report(file: &str, html: &str) -> String {
    let outline = newsclean::html::outline(html);
    let plan = plan(&outline, &Settings::default());
    let body = plan.report(&outline).to_json();
    let mut out = String::from("{\"file\":");
    newsclean::json::push_str(&mut out, file);
    out.push(',');
    out.push_str(&body[1..]);
    out
}

fn outline(file: &str, html: &str) -> String {
    json!({"file": file, "outline": newsclean::html::outline(html)}).to_string()
}

fn quotes(file: &str, text: &str) -> String {
    let is_html = file.ends_with(".html") || file.ends_with(".htm");
    // Each paragraph, and the char offset of its start in the text the offsets refer to (the
    // blocks' texts joined by newlines; the file's own text for a .txt).
    let mut paragraphs: Vec<String> = Vec::new();
    let mut starts = Vec::new();
    let mut at = 0;
    let outline;
    let lines: Vec<&str> = if is_html {
        outline = newsclean::html::outline(text);
        outline
            .blocks
            .iter()
            .filter(|b| is_article_text(b))
            .map(|b| b.text.as_str())
            .collect()
    } else {
        text.split('\n').collect()
    };
    for line in lines {
        let length = line.chars().count() + 1;
        // A blank line between paragraphs, as many texts are written, is no paragraph: the
        // rules read "the paragraph before" (a continued quotation, a colon's speaker).
        if !line.trim().is_empty() {
            starts.push(at);
            paragraphs.push(line.trim_end_matches('\r').to_owned());
        }
        at += length;
    }
    let found = newsclean::quotes::extract(&paragraphs);
    let quotes: Vec<Value> = found
        .quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.map(|s| &found.speakers[s.0 as usize]);
            json!({
                "quote": q.text,
                "speaker": speaker.map(|s| &s.name),
                "role": speaker.and_then(|s| s.role.as_ref()),
                "kind": q.kind,
                "start": starts[q.paragraph] + q.start,
                "end": starts[q.paragraph] + q.end,
            })
        })
        .collect();
    json!({"file": file, "quotes": quotes}).to_string()
}
