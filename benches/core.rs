//! Native benchmark of the core (`cargo bench --features cli --bench core`; `-- --strict` exits
//! non-zero when a budget fails).
//!
//! - `plan()` on the outlines of every corpus page (parsed once, outside the timing), with all
//!   rules and with the clean-up rules only (no quotes), so the quote pass's share shows;
//! - the CLI's throughput: `newsclean report` over all corpus pages, `newsclean quotes` over the
//!   PolNeAR dev articles written as `.txt` files (budget: ≥ 1,000 articles/s);
//! - `quotes::extract` in-process over the same articles (no process start, no file reads).
//!
//! Prints a table and writes `target/bench/native.json` (merged into `summary.json` by
//! `benches/browser.mjs`). Plain `std::time` timing: no benchmark framework to build.
//!
//! NOTE: `make bench` runs it as `CARGO_TARGET_DIR=target/bench-build cargo bench …`: its own
//! target dir keeps it from racing or replacing the build's. (Until 2026-11-30 the release
//! profile's `panic = "abort"` made cargo build the library twice under one file name, cargo#6313,
//! and the CLI's link failed now and then; see Cargo.toml.) The CLI timed is `$NEWSCLEAN_CLI` when
//! set (`make bench`: the shipped `target/cli/newsclean`).

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use newsclean::plan::{plan, Settings};
use serde_json::json;

/// `newsclean quotes` must handle at least this many PolNeAR articles per second.
const QUOTES_BUDGET_ARTICLES_PER_S: f64 = 1_000.0;
/// Each page's `plan()` is repeated until this much time has passed (and at least `MIN_REPS`).
const TARGET_MS_PER_PAGE: f64 = 20.0;
const MIN_REPS: usize = 5;
const MAX_REPS: usize = 500;
/// CLI runs per measurement (the median is reported).
const CLI_RUNS: usize = 5;

fn main() {
    let strict = std::env::args().any(|a| a == "--strict");
    let shared = std::env::var_os("NEWSCLEAN_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    // The repository's target/bench, even when the bench itself builds in another target dir.
    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench");
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("newsclean-bench");
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir_all(tmp.join("pages")).expect("creating the bench temp dir");
    fs::create_dir_all(tmp.join("polnear")).expect("creating the bench temp dir");

    // ── inputs ─────────────────────────────────────────────────────────────────────────────
    let pages = read_pages(&shared.join("corpus/pages"));
    let html_bytes: usize = pages.iter().map(|(_, h)| h.len()).sum();
    let articles = read_polnear(&shared.join("corpus/quotes/polnear-dev.jsonl"));
    let article_bytes: usize = articles
        .iter()
        .map(|a| a.iter().map(|p| p.len() + 1).sum::<usize>())
        .sum();

    // ── parse (html5ever + outline), once per page: informational ─────────────────────────
    let t = Instant::now();
    let outlines: Vec<_> = pages
        .iter()
        .map(|(_, html)| newsclean::html::outline(html))
        .collect();
    let parse_ms = ms(t);
    let blocks: usize = outlines.iter().map(|o| o.blocks.len()).sum();

    // ── plan() per page ───────────────────────────────────────────────────────────────────
    let full = Settings::default();
    let cleanup = Settings {
        quotes: false,
        ..Settings::default()
    };
    let plan_full: Vec<f64> = outlines
        .iter()
        .map(|o| per_call_ms(|| plan(o, &full)))
        .collect();
    let plan_cleanup: Vec<f64> = outlines
        .iter()
        .map(|o| per_call_ms(|| plan(o, &cleanup)))
        .collect();

    // ── outline::replay per page: what the browser's wasm does with the DOM walk's events ─
    let events: Vec<String> = pages
        .iter()
        .map(|(_, html)| newsclean::html::events(html))
        .collect();
    let replay_ms: Vec<f64> = events
        .iter()
        .map(|e| per_call_ms(|| newsclean::outline::replay(e)))
        .collect();

    // ── quotes::extract in-process over PolNeAR dev ──────────────────────────────────────
    let extract_ms: Vec<f64> = articles
        .iter()
        .map(|a| per_call_ms(|| newsclean::quotes::extract(a)))
        .collect();
    let extract_total: f64 = extract_ms.iter().sum();
    let quotes_found: usize = articles
        .iter()
        .map(|a| newsclean::quotes::extract(a).quotes.len())
        .sum();

    // ── the CLI ──────────────────────────────────────────────────────────────────────────
    // The shipped CLI (`make bench` passes `NEWSCLEAN_CLI=target/cli/newsclean`, built for speed
    // by `scripts/build.sh`), else the one cargo built for this bench (the release profile's
    // opt-level "z", the wasm's).
    let cli_path = std::env::var("NEWSCLEAN_CLI")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_newsclean").to_owned());
    let cli = cli_path.as_str();
    let mut page_files = Vec::new();
    for (id, html) in &pages {
        let f = tmp.join("pages").join(format!("{id}.html"));
        fs::write(&f, html).expect("writing a corpus page");
        page_files.push(f);
    }
    let mut txt_files = Vec::new();
    for (n, paragraphs) in articles.iter().enumerate() {
        let f = tmp.join("polnear").join(format!("{n:03}.txt"));
        fs::write(&f, paragraphs.join("\n")).expect("writing an article");
        txt_files.push(f);
    }
    let report_s = median(
        &(0..CLI_RUNS)
            .map(|_| run_cli(cli, "report", &page_files))
            .collect::<Vec<_>>(),
    );
    let quotes_s = median(
        &(0..CLI_RUNS)
            .map(|_| run_cli(cli, "quotes", &txt_files))
            .collect::<Vec<_>>(),
    );
    // One process per article: what a caller looping over files pays (process start dominates).
    let one_by_one_s = {
        let t = Instant::now();
        for f in &txt_files {
            run_cli(cli, "quotes", std::slice::from_ref(f));
        }
        t.elapsed().as_secs_f64()
    };
    let _ = fs::remove_dir_all(&tmp);

    // ── report ───────────────────────────────────────────────────────────────────────────
    let n = pages.len() as f64;
    let total_full: f64 = plan_full.iter().sum();
    let total_cleanup: f64 = plan_cleanup.iter().sum();
    let quotes_rate = articles.len() as f64 / quotes_s;
    let quotes_pass = quotes_rate >= QUOTES_BUDGET_ARTICLES_PER_S;
    let mb = |b: usize| b as f64 / 1e6;

    println!("\nnewsclean native core ({} pages, {:.1} MB HTML, {} blocks; {} PolNeAR dev articles, {:.2} MB text)",
        pages.len(), mb(html_bytes), blocks, articles.len(), mb(article_bytes));
    println!(
        "{:<44} {:>10} {:>10} {:>10} {:>10} {:>14}",
        "measure", "total ms", "median ms", "p95 ms", "max ms", "throughput"
    );
    let row = |name: &str, v: &[f64], tput: String| {
        println!(
            "{:<44} {:>10.2} {:>10.4} {:>10.4} {:>10.4} {:>14}",
            name,
            v.iter().sum::<f64>(),
            median(v),
            p95(v),
            max(v),
            tput
        );
    };
    row(
        "plan(), all rules, per page",
        &plan_full,
        format!("{:.0} pages/s", n / (total_full / 1e3)),
    );
    row(
        "plan(), clean-up rules only, per page",
        &plan_cleanup,
        format!("{:.0} pages/s", n / (total_cleanup / 1e3)),
    );
    row(
        "outline::replay of the walk's events, per page",
        &replay_ms,
        format!("{:.0} pages/s", n / (replay_ms.iter().sum::<f64>() / 1e3)),
    );
    row(
        "quotes::extract, per PolNeAR article",
        &extract_ms,
        format!("{:.0} art/s", articles.len() as f64 / (extract_total / 1e3)),
    );
    println!(
        "{:<44} {:>10.1} {:>10} {:>10} {:>10} {:>14}",
        "html::outline (html5ever), all pages once",
        parse_ms,
        "",
        "",
        "",
        format!("{:.1} MB/s", mb(html_bytes) / (parse_ms / 1e3))
    );
    println!(
        "{:<44} {:>10.1} {:>10} {:>10} {:>10} {:>14}",
        "CLI `newsclean report`, 290 pages, 1 process",
        report_s * 1e3,
        "",
        "",
        "",
        format!("{:.0} pages/s", n / report_s)
    );
    println!(
        "{:<44} {:>10.1} {:>10} {:>10} {:>10} {:>14}",
        "CLI `newsclean quotes`, 84 .txt, 1 process",
        quotes_s * 1e3,
        "",
        "",
        "",
        format!("{:.0} art/s", quotes_rate)
    );
    println!(
        "{:<44} {:>10.1} {:>10} {:>10} {:>10} {:>14}",
        "CLI `newsclean quotes`, 1 process per file",
        one_by_one_s * 1e3,
        "",
        "",
        "",
        format!("{:.0} art/s", articles.len() as f64 / one_by_one_s)
    );
    println!("(quotes found in PolNeAR dev: {quotes_found}; CLI figures are the median of {CLI_RUNS} runs, wall clock incl. process start)");
    println!(
        "\nbudget  CLI quotes ≥ {:.0} articles/s: {} ({:.0} articles/s, {:.1}× the budget)",
        QUOTES_BUDGET_ARTICLES_PER_S,
        if quotes_pass { "PASS" } else { "FAIL" },
        quotes_rate,
        quotes_rate / QUOTES_BUDGET_ARTICLES_PER_S
    );

    let stats = |v: &[f64]| json!({"total_ms": v.iter().sum::<f64>(), "median_ms": median(v), "p95_ms": p95(v), "max_ms": max(v)});
    let out = json!({
        "pages": pages.len(), "html_bytes": html_bytes, "blocks": blocks,
        "parse_ms_total": parse_ms,
        "plan_full": stats(&plan_full), "plan_full_pages_per_s": n / (total_full / 1e3),
        "plan_cleanup_only": stats(&plan_cleanup), "plan_cleanup_pages_per_s": n / (total_cleanup / 1e3),
        "replay": stats(&replay_ms),
        "extract_per_article": stats(&extract_ms), "extract_articles_per_s": articles.len() as f64 / (extract_total / 1e3),
        "cli": cli,
        "cli_report_s": report_s, "cli_report_pages_per_s": n / report_s,
        "cli_quotes_s": quotes_s, "cli_quotes_articles_per_s": quotes_rate, "articles": articles.len(),
        "cli_quotes_one_process_per_file_articles_per_s": articles.len() as f64 / one_by_one_s,
        "budgets": [{"name": "CLI quotes ≥ 1,000 PolNeAR articles/s", "value": quotes_rate,
                     "limit": QUOTES_BUDGET_ARTICLES_PER_S, "pass": quotes_pass}],
    });
    fs::create_dir_all(&out_dir).expect("creating target/bench");
    fs::write(
        out_dir.join("native.json"),
        serde_json::to_string_pretty(&out).expect("json"),
    )
    .expect("writing native.json");
    println!("wrote {}", out_dir.join("native.json").display());
    if strict && !quotes_pass {
        std::process::exit(1);
    }
}

/// Every corpus page, gunzipped, sorted by id.
fn read_pages(dir: &Path) -> Vec<(String, String)> {
    let mut names: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e} (set NEWSCLEAN_SHARED)", dir.display()))
        .map(|e| e.expect("listing the corpus").path())
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let mut html = Vec::new();
            flate2::read::GzDecoder::new(fs::File::open(&p).expect("opening a page"))
                .read_to_end(&mut html)
                .expect("gunzipping a page");
            let id = p
                .file_name()
                .unwrap()
                .to_string_lossy()
                .trim_end_matches(".html.gz")
                .to_owned();
            (id, String::from_utf8_lossy(&html).into_owned())
        })
        .collect()
}

/// Each article as its paragraphs (blank-line separated in the file; a single newline inside a
/// paragraph becomes a space, so that the `.txt` form has one paragraph per line).
fn read_polnear(file: &Path) -> Vec<Vec<String>> {
    fs::read_to_string(file)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a PolNeAR line is JSON");
            v["text"]
                .as_str()
                .expect("a PolNeAR article has text")
                .split("\n\n")
                .map(|p| p.replace('\n', " "))
                .filter(|p| !p.trim().is_empty())
                .collect()
        })
        .collect()
}

/// Milliseconds per call of `f`: one warm-up call, then the median of repeated timed calls.
fn per_call_ms<T>(mut f: impl FnMut() -> T) -> f64 {
    std::hint::black_box(f());
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < MIN_REPS || (ms(start) < TARGET_MS_PER_PAGE && times.len() < MAX_REPS) {
        let t = Instant::now();
        std::hint::black_box(f());
        times.push(ms(t));
    }
    median(&times)
}

/// Runs the CLI once over `files`; returns the wall time in seconds. Panics if it fails.
fn run_cli(cli: &str, command: &str, files: &[PathBuf]) -> f64 {
    let t = Instant::now();
    let out = Command::new(cli)
        .arg(command)
        .args(files)
        .output()
        .expect("running the CLI");
    let secs = t.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "newsclean {command} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = out.stdout.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(
        lines,
        files.len(),
        "newsclean {command}: one JSON line per file"
    );
    secs
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1e3
}

fn sorted(v: &[f64]) -> Vec<f64> {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    s
}

fn median(v: &[f64]) -> f64 {
    let s = sorted(v);
    match s.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => s[n / 2],
        n => (s[n / 2 - 1] + s[n / 2]) / 2.0,
    }
}

/// Nearest-rank 95th percentile.
fn p95(v: &[f64]) -> f64 {
    let s = sorted(v);
    if s.is_empty() {
        return f64::NAN;
    }
    s[((0.95 * s.len() as f64).ceil() as usize).clamp(1, s.len()) - 1]
}

fn max(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::NAN, f64::max)
}
