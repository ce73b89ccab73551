//! Golden fixtures: each `tests/fixtures/<case>/page.html` has the outline the core must see
//! (`outline.txt`, also checked in real browsers by tests/web.rs) and the plan it must make
//! (`plan.json`). Set `NEWSCLEAN_BLESS=1` to rewrite them after a deliberate change, then review
//! the diff.
#![cfg(feature = "cli")]

use std::fs;
use std::path::Path;

use newsclean::plan::{plan, Settings};

fn check(case: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case);
    let html = fs::read_to_string(dir.join("page.html")).unwrap();
    let outline = newsclean::html::outline(&html);
    let report = plan(&outline, &Settings::default()).report(&outline);
    let got_plan = serde_json::to_string_pretty(&report).unwrap() + "\n";
    // The hand-written JSON the browser and the CLI emit says the same as the serde form.
    let written: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(
        written,
        serde_json::to_value(&report).unwrap(),
        "{case}: to_json"
    );
    let got_outline = outline.summary();
    if std::env::var_os("NEWSCLEAN_BLESS").is_some() {
        fs::write(dir.join("outline.txt"), &got_outline).unwrap();
        fs::write(dir.join("plan.json"), &got_plan).unwrap();
    }
    let want_outline = fs::read_to_string(dir.join("outline.txt")).unwrap();
    let want_plan = fs::read_to_string(dir.join("plan.json")).unwrap();
    assert_eq!(got_outline, want_outline, "{case}: outline");
    assert_eq!(got_plan, want_plan, "{case}: plan");
}

#[test]
fn ad_labels_in_many_forms() {
    check("ad-labels-in-many-forms");
}

#[test]
fn caption_printed_twice() {
    check("caption-printed-twice");
}

#[test]
fn quotes_split_and_pronoun() {
    check("quotes-split-and-pronoun");
}
