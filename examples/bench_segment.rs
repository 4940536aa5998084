//! Throughput of `segment::split` (and of `segment::pieces`, splitting plus rendering) on
//! one core.
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
//! one single block, which exercises the worst case for look-arounds. The paragraphs are
//! also run through `pieces`, which adds the rendering of every sentence's text.

use factdiff::segment::pieces;
use factdiff::segment::split::{split, LineBreaks};
use std::hint::black_box;
use std::time::Instant;

#[path = "support/shared.rs"]
mod shared;

fn golden_texts() -> Vec<String> {
    let dir = shared::dir().join("data/golden_rules");
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

/// CPU time of this thread in seconds, from `/proc/thread-self/schedstat` (Linux), so that
/// other processes on a shared machine do not deflate the figure; wall time elsewhere.
struct Clock {
    wall: Instant,
    cpu: Option<u64>,
}

fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

impl Clock {
    fn start() -> Clock {
        Clock {
            cpu: thread_cpu_ns(),
            wall: Instant::now(),
        }
    }

    /// (CPU seconds if known, wall seconds).
    fn stop(&self) -> (Option<f64>, f64) {
        let wall = self.wall.elapsed().as_secs_f64();
        let cpu = match (self.cpu, thread_cpu_ns()) {
            (Some(a), Some(b)) if b > a => Some((b - a) as f64 / 1e9),
            _ => None,
        };
        (cpu, wall)
    }
}

/// Best (smallest) CPU and wall times over several rounds, after one warm-up round.
fn best_of(rounds: usize, mut work: impl FnMut() -> usize) -> (Option<f64>, f64, usize) {
    let (mut cpu_best, mut wall_best, mut out) = (None::<f64>, f64::MAX, 0);
    for round in 0..=rounds {
        let clock = Clock::start();
        out = black_box(work());
        let (cpu, wall) = clock.stop();
        if round > 0 {
            wall_best = wall_best.min(wall);
            cpu_best = match (cpu_best, cpu) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
    }
    (cpu_best, wall_best, out)
}

fn rates(mb: f64, cpu: Option<f64>, wall: f64) -> String {
    match cpu {
        Some(c) => format!("{:8.1} MB/s CPU time, {:8.1} MB/s wall", mb / c, mb / wall),
        None => format!("{:8.1} MB/s wall", mb / wall),
    }
}

fn measure(name: &str, paragraphs: &[&str]) {
    let bytes: usize = paragraphs.iter().map(|p| p.len()).sum();
    let mb = bytes as f64 / 1_000_000.0;

    let (cpu, wall, sentences) = best_of(3, || {
        paragraphs
            .iter()
            .map(|p| black_box(split(black_box(p))).len())
            .sum()
    });
    println!(
        "{name:<10} per paragraph: {mb:6.1} MB, {:>7} paragraphs, {sentences:>8} sentences: {}",
        paragraphs.len(),
        rates(mb, cpu, wall)
    );

    let (cpu, wall, _) = best_of(3, || {
        paragraphs
            .iter()
            .map(|p| black_box(pieces(black_box(p), LineBreaks::Significant)).len())
            .sum()
    });
    println!(
        "{name:<10} + rendering:   {mb:6.1} MB: {}",
        rates(mb, cpu, wall)
    );

    let joined = paragraphs.join("\n");
    let mb = joined.len() as f64 / 1_000_000.0;
    let (cpu, wall, _) = best_of(3, || black_box(split(black_box(&joined))).len());
    println!(
        "{name:<10} one block:     {mb:6.1} MB: {}",
        rates(mb, cpu, wall)
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
            shared::dir().display()
        );
    } else {
        measure("golden", &fill(&golden, bytes));
    }
    let synthetic = synthetic_texts(2_000);
    measure("synthetic", &fill(&synthetic, bytes));
}
