//! Quote extraction scored on shared data, printed by `cargo test -- --nocapture` (and by
//! `make test`): PolNeAR dev (761 quotes) and train (6,301), and the seed article, with the
//! matching and speaker rules of `../shared/corpus/quotes/README.md`.
//!
//! The floors asserted here are regression guards at today's level; the targets of the quotes
//! issue (detection F1 ≥ 0.97, speaker accuracy ≥ 0.90, end-to-end F1 ≥ 0.85) are printed beside.

use std::path::PathBuf;

use serde_json::Value;

/// Today's level, minus a little: a change that lowers a score below these fails the build.
///
/// NOTE: PolNeAR's gold keeps only segments of two words or more (its README), so every one-word
/// partial quote we report ("said he was “appalled”", which the corpus gold counts) is a false
/// positive here: about 30 on dev, −0.014 detection F1 and −0.016 end-to-end F1.
const FLOOR_DETECTION_F1: f64 = 0.85;
const FLOOR_SPEAKER_ACCURACY: f64 = 0.845;
const FLOOR_END_TO_END_F1: f64 = 0.70;

fn shared(path: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    assert!(
        dir.is_dir(),
        "the shared data is missing: expected {} (the team's ../shared beside this repository)",
        dir.display()
    );
    dir.join(path)
}

/// Lowercase words of `[a-z0-9']`, accents folded, `’` read as `'`.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            '’' | '‘' => '\'',
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            other => other,
        };
        if c.is_ascii_alphanumeric() || c == '\'' {
            word.push(c);
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// How much of the gold quote a prediction covers.
fn coverage(gold: &[String], pred: &[String]) -> f64 {
    if gold.is_empty() || pred.is_empty() {
        return 0.0;
    }
    let (g, p) = (gold.join(" "), pred.join(" "));
    if g.contains(&p) || p.contains(&g) {
        return gold.len().min(pred.len()) as f64 / gold.len() as f64;
    }
    let mut rest: Vec<&String> = pred.iter().collect();
    let mut shared = 0;
    for w in gold {
        if let Some(at) = rest.iter().position(|r| *r == w) {
            rest.swap_remove(at);
            shared += 1;
        }
    }
    shared as f64 / gold.len().max(pred.len()) as f64
}

const TITLE_WORDS: &[&str] = &[
    "president",
    "secretary",
    "minister",
    "senator",
    "gov",
    "sen",
    "rep",
    "former",
    "vice",
    "nominee",
    "candidate",
    "presidential",
    "republican",
    "democratic",
    "democrat",
    "chairman",
    "chief",
    "spokesman",
    "spokeswoman",
    "campaign",
    "manager",
    "the",
    "house",
    "white",
    "press",
    "state",
    "of",
    "new",
    "york",
    "times",
];
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "you", "him", "her", "them",
];

/// PolNeAR speakers are mentions: scored only when the mention is a name.
fn polnear_speaker_ok(mention: &str, predicted: Option<&str>) -> Option<bool> {
    let m = mention.trim();
    if m.is_empty() || PRONOUNS.contains(&m.to_lowercase().as_str()) {
        return None;
    }
    let names: Vec<String> = m
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter(|w| w.chars().count() > 2 && !TITLE_WORDS.contains(&w.to_lowercase().as_str()))
        .map(str::to_lowercase)
        .collect();
    if !m
        .split_whitespace()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    let predicted = predicted.unwrap_or_default().to_lowercase();
    Some(names.iter().any(|n| predicted.contains(n.as_str())))
}

/// The seed's speakers are canonical names: the surname or the whole name must appear.
fn canonical_speaker_ok(gold: &str, predicted: Option<&str>) -> Option<bool> {
    let p = predicted.unwrap_or_default().to_lowercase();
    let g = gold.to_lowercase();
    let surname = g.split_whitespace().last().unwrap_or_default();
    Some(!p.is_empty() && (p.contains(surname) || p.contains(&g)))
}

#[derive(Default, Debug)]
struct Score {
    gold: usize,
    pred: usize,
    matched: usize,
    scored: usize,
    right: usize,
    e2e_gold: usize,
    e2e_pred: usize,
    e2e_tp: usize,
}

impl Score {
    /// Adds one article: gold (quote, speaker) pairs, predictions (quote, speaker).
    fn add(
        &mut self,
        gold: &[(String, String)],
        pred: &[(String, Option<String>)],
        speaker_ok: fn(&str, Option<&str>) -> Option<bool>,
    ) {
        let pred_words: Vec<Vec<String>> = pred.iter().map(|(q, _)| words(q)).collect();
        let mut used = vec![false; pred.len()];
        let mut unscored_matches = 0;
        let mut unscored_gold = 0;
        self.gold += gold.len();
        self.pred += pred.len();
        for (quote, speaker) in gold {
            let g = words(quote);
            let best = (0..pred.len())
                .filter(|&i| !used[i])
                .map(|i| (i, coverage(&g, &pred_words[i])))
                .filter(|&(_, c)| c >= 0.5)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            let verdict = |i: usize| speaker_ok(speaker, pred[i].1.as_deref());
            match best {
                Some((i, _)) => {
                    used[i] = true;
                    self.matched += 1;
                    match verdict(i) {
                        Some(ok) => {
                            self.scored += 1;
                            self.right += usize::from(ok);
                            self.e2e_tp += usize::from(ok);
                        }
                        None => {
                            unscored_matches += 1;
                            unscored_gold += 1;
                        }
                    }
                }
                None => {
                    if speaker_ok(speaker, Some("")).is_none() {
                        unscored_gold += 1;
                    }
                }
            }
        }
        self.e2e_gold += gold.len() - unscored_gold;
        self.e2e_pred += pred.len() - unscored_matches;
    }

    fn report(&self, name: &str) -> (f64, f64, f64) {
        let prf = |tp: usize, np: usize, tr: usize, nr: usize| {
            let p = if np > 0 { tp as f64 / np as f64 } else { 0.0 };
            let r = if nr > 0 { tr as f64 / nr as f64 } else { 0.0 };
            let f = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            (p, r, f)
        };
        let (p, r, f) = prf(self.matched, self.pred, self.matched, self.gold);
        let acc = if self.scored > 0 {
            self.right as f64 / self.scored as f64
        } else {
            0.0
        };
        let (ep, er, ef) = prf(self.e2e_tp, self.e2e_pred, self.e2e_tp, self.e2e_gold);
        println!(
            "{name}: detection P {p:.3} R {r:.3} F1 {f:.3} (gold {}, predicted {}, matched {}) | \
             speaker accuracy {acc:.3} ({}/{}) | end-to-end P {ep:.3} R {er:.3} F1 {ef:.3} \
             [targets: F1 0.97, speaker 0.90, end-to-end 0.85]",
            self.gold, self.pred, self.matched, self.right, self.scored
        );
        (f, acc, ef)
    }
}

fn predictions(paragraphs: &[&str]) -> Vec<(String, Option<String>)> {
    let found = newsclean::quotes::extract(paragraphs);
    found
        .quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.map(|s| found.speakers[s.0 as usize].name.clone());
            (q.text.clone(), speaker)
        })
        .collect()
}

/// Scores the PolNeAR articles of `file` (one JSON object a line) and prints the figures.
fn score_polnear(file: &str, name: &str) -> (f64, f64, f64) {
    let path = shared(file);
    let data = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut score = Score::default();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let article: Value = serde_json::from_str(line).expect("jsonl");
        let text = article["text"].as_str().unwrap();
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        let gold: Vec<(String, String)> = article["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                let s = q["speaker"].as_str().unwrap_or_default().to_owned();
                (q["quote"].as_str().unwrap().to_owned(), s)
            })
            .collect();
        score.add(&gold, &predictions(&paragraphs), polnear_speaker_ok);
    }
    score.report(name)
}

/// Asserts the figures `(detection F1, speaker accuracy, end-to-end F1)` are at least `floors`.
fn assert_floors((f1, acc, e2e): (f64, f64, f64), floors: (f64, f64, f64)) {
    assert!(
        f1 >= floors.0,
        "detection F1 {f1:.3} fell below {}",
        floors.0
    );
    assert!(
        acc >= floors.1,
        "speaker accuracy {acc:.3} fell below {}",
        floors.1
    );
    assert!(
        e2e >= floors.2,
        "end-to-end F1 {e2e:.3} fell below {}",
        floors.2
    );
}

#[test]
fn polnear_dev() {
    assert_floors(
        score_polnear("corpus/quotes/polnear-dev.jsonl", "PolNeAR dev"),
        (
            FLOOR_DETECTION_F1,
            FLOOR_SPEAKER_ACCURACY,
            FLOOR_END_TO_END_F1,
        ),
    );
}

/// PolNeAR train (840 articles, 6,301 quotes): rules are written from dev and checked here, that
/// they do not break what they were not written for. Its annotation is sparser than dev's (more
/// real quotes without a gold entry), hence lower detection precision and its own floors under
/// today's figures (detection F1 0.831, speaker 0.876, end-to-end 0.685 on 2026-11-28, session
/// 9; 0.832 / 0.857 / 0.671 at its start).
#[test]
fn polnear_train_untuned() {
    assert_floors(
        score_polnear("corpus/quotes/polnear-train.jsonl", "PolNeAR train"),
        (0.82, 0.865, 0.675),
    );
}

#[test]
fn seed_scores_perfectly() {
    let seed: Value =
        serde_json::from_str(&std::fs::read_to_string(shared("corpus/quotes/seed.json")).unwrap())
            .unwrap();
    let text = seed["text"].as_str().unwrap();
    let paragraphs: Vec<&str> = text.split('\n').filter(|l| !l.trim().is_empty()).collect();
    let gold: Vec<(String, String)> = seed["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["quote"].as_str().unwrap().to_owned(),
                q["speaker"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut score = Score::default();
    score.add(&gold, &predictions(&paragraphs), canonical_speaker_ok);
    let (f1, acc, e2e) = score.report("seed");
    assert_eq!((f1, acc, e2e), (1.0, 1.0, 1.0));
}
