//! Throughput of `factdiff::extract::quantity::quantities` on news-like text.
//!
//! Builds at least 10 MB by repeating the NewsQuant sentences read at run time from
//! `<shared>/data/newsquant/dev.json` (`<shared>` is `$FACTDIFF_SHARED`, else `../shared` or
//! `../../shared` next to the crate), falling back to a few sentences written here when the
//! data is missing. Run with `cargo run --release --example bench_extract`.

use factdiff::extract::quantity::quantities;
use std::path::PathBuf;
use std::time::Instant;

const FALLBACK: &[&str] = &[
    "Officials said between 10,000 and 12,000 troops had crossed the border by March 3, 2019.",
    "The package, worth about $150 billion, was announced in 2018 after two years of talks.",
    "Exports fell 3.5 per cent to 1.2m tonnes, while prices rose nearly 12% in the third quarter.",
    "The plant can build 10 to 20 missiles annually, according to an estimate by analysts.",
    "Nobody at the meeting, which ran for three hours, mentioned the treaty signed in 1953.",
];

fn sentences() -> Vec<String> {
    let dir = match std::env::var("FACTDIFF_SHARED") {
        Ok(s) => PathBuf::from(s),
        Err(_) => {
            let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
            ["../shared", "../../shared"]
                .iter()
                .map(|u| root.join(u))
                .find(|p| p.exists())
                .unwrap_or_else(|| root.join("../shared"))
        }
    };
    let path = dir.join("data/newsquant/dev.json");
    let parsed: Option<Vec<String>> = std::fs::read_to_string(&path)
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| {
            v.as_array().map(|a| {
                a.iter()
                    .filter_map(|x| x["text"].as_str().map(str::to_string))
                    .collect()
            })
        });
    match parsed {
        Some(v) if !v.is_empty() => v,
        _ => {
            eprintln!("{} not readable; using built-in sentences", path.display());
            FALLBACK.iter().map(|s| s.to_string()).collect()
        }
    }
}

/// CPU time of this thread in seconds (Linux), so a busy shared machine does not distort the
/// figure; `None` elsewhere.
fn cpu_time() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() {
    let sents = sentences();
    let mut text = String::with_capacity(11 << 20);
    while text.len() < 10 << 20 {
        for s in &sents {
            text.push_str(s);
            text.push(' ');
        }
    }
    let mb = text.len() as f64 / 1e6;
    // One call on the whole text, then per-sentence calls as the pipeline makes them.
    let mut best_whole = f64::MAX;
    let mut cpu_whole = f64::MAX;
    let mut found = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let c = cpu_time();
        found = quantities(&text).len();
        best_whole = best_whole.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c, cpu_time()) {
            cpu_whole = cpu_whole.min(b - a);
        }
    }
    let mut best_sent = f64::MAX;
    let mut cpu_sent = f64::MAX;
    let mut found_s = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let c = cpu_time();
        let mut n = 0;
        let mut done = 0;
        while done < text.len() {
            for s in &sents {
                n += quantities(s).len();
                done += s.len() + 1;
            }
        }
        found_s = n;
        best_sent = best_sent.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c, cpu_time()) {
            cpu_sent = cpu_sent.min(b - a);
        }
    }
    println!(
        "whole text:   {mb:.1} MB in {best_whole:.3} s wall = {:.1} MB/s; on-CPU {:.1} MB/s ({found} quantities)",
        mb / best_whole,
        mb / cpu_whole
    );
    println!(
        "per sentence: {mb:.1} MB in {best_sent:.3} s wall = {:.1} MB/s; on-CPU {:.1} MB/s ({found_s} quantities)",
        mb / best_sent,
        mb / cpu_sent
    );
}
