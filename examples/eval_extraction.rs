//! HTML article-extraction quality on the shared benchmark (issue #9).
//!
//! Reads `html/<id>.html.gz` and `ground-truth.json` (`articleBody` per id) from
//! `$FACTDIFF_SHARED/data/article_extraction`, where `FACTDIFF_SHARED` defaults to the
//! `shared` directory beside the checkout. Scores with the benchmark's own metric: per
//! page, true/false positives and false negatives over word 4-gram shingles (words are
//! `\w+` runs), normalised by their sum; precision and recall are averaged over pages and
//! F1 is their harmonic mean.
//!
//! Three figures are printed: the raw text of each extractor crate (rs-trafilatura, and
//! dom_smoothie's formatted text), and factdiff's own ingest, which cross-checks the two
//! (non-boilerplate blocks, title excluded, since the benchmark's article body has none).
//! The run fails when ingest scores below [`FLOOR`], the last figure reached; the floor is
//! never lowered.
//!
//! One known difference from the benchmark's Python: its `\w` leaves out combining marks
//! that Rust's `char::is_alphanumeric` counts as letters (Arabic vowel signs, for one), so
//! a few non-Latin pages tokenise slightly differently; on this half the two agree to
//! within 0.0003 F1.
//!
//! Run: `cargo run --release --example eval_extraction` (add `-- --pages` for per-page F1)

use factdiff::ingest::{ingest, BlockKind, InputFormat};
use std::collections::HashMap;
use std::io::Read;
use std::process::ExitCode;

#[path = "support/shared.rs"]
mod shared;

/// Just below the ingest F1 measured when readability's cross-check was added (0.9724;
/// 0.9571 with rs-trafilatura alone).
const FLOOR: f64 = 0.972;

fn main() -> ExitCode {
    let dir = shared::dir().join("data/article_extraction");
    let truth = match std::fs::read_to_string(dir.join("ground-truth.json")) {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "cannot read {}: {e}; set FACTDIFF_SHARED to the shared directory",
                dir.join("ground-truth.json").display()
            );
            return ExitCode::from(2);
        }
    };
    let truth: serde_json::Value = match serde_json::from_str(&truth) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("ground-truth.json is not valid JSON: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(pages) = truth.as_object() else {
        eprintln!("ground-truth.json is not an object of pages");
        return ExitCode::from(2);
    };
    let mut ids: Vec<&String> = pages.keys().collect();
    ids.sort();
    // `--pages` lists every page's F1, worst first: where to look when the figure moves.
    let per_page = std::env::args().any(|a| a == "--pages");
    let mut rows = Vec::new();

    let mut crate_scores = Vec::new();
    let mut readability_scores = Vec::new();
    let mut ingest_scores = Vec::new();
    for id in ids {
        let expected = pages[id]["articleBody"].as_str().unwrap_or("");
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let mut bytes = Vec::new();
        let read = std::fs::File::open(&path)
            .and_then(|f| flate2::read::GzDecoder::new(f).read_to_end(&mut bytes));
        if let Err(e) = read {
            eprintln!("cannot read {}: {e}", path.display());
            return ExitCode::from(2);
        }
        let raw = rs_trafilatura::extract(&String::from_utf8_lossy(&bytes))
            .map(|r| r.content_text)
            .unwrap_or_default();
        crate_scores.push(tp_fp_fn(expected, &raw));
        let config = dom_smoothie::Config {
            text_mode: dom_smoothie::TextMode::Formatted,
            ..dom_smoothie::Config::default()
        };
        let readable =
            dom_smoothie::Readability::new(&*String::from_utf8_lossy(&bytes), None, Some(config))
                .and_then(|mut r| r.parse())
                .map(|a| a.text_content.to_string())
                .unwrap_or_default();
        readability_scores.push(tp_fp_fn(expected, &readable));
        let ours = ingest(id, &bytes, InputFormat::Html)
            .map(|doc| {
                doc.blocks
                    .iter()
                    .filter(|b| !matches!(b.kind, BlockKind::Boilerplate | BlockKind::Title))
                    .map(|b| b.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default();
        ingest_scores.push(tp_fp_fn(expected, &ours));
        if per_page {
            let last = |s: &[(f64, f64, f64)]| s.last().copied().map_or(0.0, page_f1);
            rows.push((last(&ingest_scores), last(&crate_scores), id.clone()));
        }
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (ours, theirs, id) in &rows {
        println!("{ours:.3} (crate {theirs:.3}) {id}");
    }
    let pages = ingest_scores.len();
    let (p, r, f1) = summary(&crate_scores);
    println!("rs-trafilatura text   pages={pages} precision={p:.3} recall={r:.3} F1={f1:.4}");
    let (p, r, f1) = summary(&readability_scores);
    println!("dom_smoothie text     pages={pages} precision={p:.3} recall={r:.3} F1={f1:.4}");
    let (p, r, f1) = summary(&ingest_scores);
    println!("factdiff ingest       pages={pages} precision={p:.3} recall={r:.3} F1={f1:.4}");
    if f1 < FLOOR {
        eprintln!("ingest F1 {f1:.3} is below the floor {FLOOR:.3}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Word 4-gram shingles with their counts; texts shorter than four words give one shingle.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = HashMap::new();
    if words.is_empty() {
        return out;
    }
    let n = 4.min(words.len());
    for w in words.windows(n) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// Normalised true positives, false positives and false negatives of one page.
fn tp_fp_fn(expected: &str, got: &str) -> (f64, f64, f64) {
    let want = shingles(expected);
    let have = shingles(got);
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &w) in &want {
        let h = have.get(k).copied().unwrap_or(0);
        tp += w.min(h) as f64;
        fn_ += w.saturating_sub(h) as f64;
    }
    for (k, &h) in &have {
        fp += h.saturating_sub(want.get(k).copied().unwrap_or(0)) as f64;
    }
    let sum = tp + fp + fn_;
    if sum > 0.0 {
        (tp / sum, fp / sum, fn_ / sum)
    } else {
        (0.0, 0.0, 0.0)
    }
}

/// One page's F1 from its normalised counts, for the per-page listing.
fn page_f1((tp, fp, fn_): (f64, f64, f64)) -> f64 {
    if tp + fp + fn_ == 0.0 {
        return 1.0;
    }
    2.0 * tp / (2.0 * tp + fp + fn_)
}

/// Mean precision and recall over the pages where each is defined, and their F1.
fn summary(pages: &[(f64, f64, f64)]) -> (f64, f64, f64) {
    let score = |part: fn(&(f64, f64, f64)) -> f64, defined: fn(&(f64, f64, f64)) -> bool| {
        let vals: Vec<f64> = pages
            .iter()
            .filter(|p| defined(p))
            .map(|p| {
                if p.1 == 0.0 && p.2 == 0.0 {
                    1.0
                } else {
                    part(p)
                }
            })
            .collect();
        vals.iter().sum::<f64>() / vals.len().max(1) as f64
    };
    let precision = score(|&(tp, fp, _)| tp / (tp + fp), |&(tp, fp, _)| tp + fp > 0.0);
    let recall = score(
        |&(tp, _, fn_)| tp / (tp + fn_),
        |&(tp, _, fn_)| tp + fn_ > 0.0,
    );
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (precision, recall, f1)
}
