//! The seed article (../shared/seed): every quotation segment found, exactly its three speakers,
//! and no quote for Zelensky, whose words there are reported speech.

use std::path::PathBuf;

fn shared(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(path)
}

fn seed_paragraphs() -> Vec<String> {
    let path = shared("seed/000_9a6e5357df07f2d3.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read the seed article {}: {e}", path.display()));
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn seed_quotes_and_speakers() {
    let found = newsclean::quotes::extract(&seed_paragraphs());
    let names: Vec<&str> = found.speakers.iter().map(|s| s.name.as_str()).collect();
    for q in &found.quotes {
        let who = q.speaker.map(|s| names[s.0 as usize]).unwrap_or("-");
        println!("{:?} {who:20} {}", q.kind, q.text);
    }
    assert_eq!(
        names,
        ["Antony Blinken", "Jens Stoltenberg", "Karine Jean-Pierre"]
    );
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(shared("corpus/quotes/seed.json")).unwrap())
            .unwrap();
    let gold = gold["quotes"].as_array().unwrap();
    assert_eq!(
        found.quotes.len(),
        gold.len(),
        "one entry per quotation segment"
    );
    for (got, want) in found.quotes.iter().zip(gold) {
        let want_text = want["quote"].as_str().unwrap();
        assert_eq!(got.text, want_text.trim_end_matches(','));
        let speaker = &found.speakers[got.speaker.expect("attributed").0 as usize];
        assert_eq!(
            speaker.name,
            want["speaker"].as_str().unwrap(),
            "{want_text}"
        );
        assert_eq!(
            format!("{:?}", got.kind).to_lowercase(),
            want["kind"].as_str().unwrap(),
            "{want_text}"
        );
    }
}
