//! Throughput of `segment::split` on one core.
//!
//! Usage: `cargo run --release --example bench_segment [-- MEGABYTES]` (default 16)
//!
//! Two corpora are measured, each at least the requested size:
//! - *golden*: the texts of the Golden Rules files in `$FACTDIFF_SHARED/data/golden_rules/`
//!   (default `<crate>/../shared`, or `<crate>/../../shared` from a git worktree), repeated;
//!   skipped if the files are missing;
//! - *synthetic*: generated news-like paragraphs (abbreviations, numbers, quotes, lists), so
//!   the figure does not depend on data outside the repository.
//!
//! Each corpus is split paragraph by paragraph, the way `segment` calls `split`, and also as
//! one single block, which exercises the worst case for look-arounds.

use factdiff::segment::split::split;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

fn shared_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("FACTDIFF_SHARED") {
        return PathBuf::from(p);
    }
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let beside = crate_dir.join("../shared");
    let above = crate_dir.join("../../shared");
    if !beside.exists() && above.exists() {
        above
    } else {
        beside
    }
}

fn golden_texts() -> Vec<String> {
    let dir = shared_dir().join("data/golden_rules");
    let mut out = Vec::new();
    for file in ["en.json", "en_ps_extra.json", "en_pysbd48.json"] {
        let Ok(raw) = std::fs::read_to_string(dir.join(file)) else {
            continue;
        };
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&raw) else {
            continue;
        };
        let cases = json
            .get("cases")
            .and_then(|c| c.as_array())
            .or_else(|| json.as_array());
        for case in cases.into_iter().flatten() {
            if let Some(t) = case["text"].as_str() {
                out.push(t.to_string());
            }
        }
    }
    out
}

/// News-like paragraphs built from fixed fragments by a small deterministic generator.
fn synthetic_texts(count: usize) -> Vec<String> {
    let fragments = [
        "The U.S. Treasury said on Tuesday that revenue rose 3.5% to $2.75 billion.",
        "“We are not done yet,” Gen. Maria Okafor told reporters at 9 a.m. local time.",
        "Officials in Washington D.C. declined to comment.",
        "Shares of Acme Corp. fell after the report (the third drop this week.)",
        "Was the deal worth it? Analysts at Jones & Co. were split!",
        "The plan lists three steps: 1. Freeze rates 2. Review costs 3. Report back",
        "Prices climbed... Nobody expected that, said Dr. Lee of the Univ. of Leeds.",
        "Mr. Tanaka, 58, will step down on Jan. 31, according to No. 2 official Ana Ruiz.",
        "See www.example.org or write to desk@example.org for details.",
        "Exports to the E.U. slowed; imports from the U.K. grew 1.2 per cent",
        "Café owners in Zürich — “ça suffit!” — protested near St. Peter’s church.",
        "Growth could slow to 2.1% in 2025, the I.M.F. warned.",
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let n = 2 + (next() % 6) as usize;
            let mut p = String::new();
            for k in 0..n {
                if k > 0 {
                    p.push(' ');
                }
                p.push_str(fragments[(next() % fragments.len() as u64) as usize]);
            }
            p
        })
        .collect()
}

/// Repeats `texts` until they hold at least `bytes` bytes.
fn fill(texts: &[String], bytes: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        for t in texts {
            out.push(t.as_str());
            total += t.len();
        }
    }
    out
}

fn measure(name: &str, paragraphs: &[&str]) {
    let bytes: usize = paragraphs.iter().map(|p| p.len()).sum();
    let mb = bytes as f64 / 1_000_000.0;

    // One warm-up pass, then the best of three, to keep noise from other processes out.
    let mut best = f64::MAX;
    let mut sentences = 0;
    for round in 0..4 {
        let started = Instant::now();
        let mut count = 0;
        for p in paragraphs {
            count += black_box(split(black_box(p))).len();
        }
        let secs = started.elapsed().as_secs_f64();
        if round > 0 {
            best = best.min(secs);
        }
        sentences = count;
    }
    println!(
        "{name:<10} per paragraph: {mb:7.1} MB, {:>8} paragraphs, {sentences:>9} sentences, {:8.1} MB/s",
        paragraphs.len(),
        mb / best
    );

    let joined = paragraphs.join("\n");
    let mut best = f64::MAX;
    for round in 0..3 {
        let started = Instant::now();
        let count = black_box(split(black_box(&joined))).len();
        let secs = started.elapsed().as_secs_f64();
        black_box(count);
        if round > 0 {
            best = best.min(secs);
        }
    }
    println!(
        "{name:<10} one block:     {:7.1} MB, {:8.1} MB/s",
        joined.len() as f64 / 1_000_000.0,
        joined.len() as f64 / 1_000_000.0 / best
    );
}

fn main() {
    let megabytes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(16)
        .max(10);
    let bytes = megabytes * 1_000_000;

    let golden = golden_texts();
    if golden.is_empty() {
        println!(
            "golden     skipped: no data under {}",
            shared_dir().display()
        );
    } else {
        measure("golden", &fill(&golden, bytes));
    }
    let synthetic = synthetic_texts(2_000);
    measure("synthetic", &fill(&synthetic, bytes));
}
