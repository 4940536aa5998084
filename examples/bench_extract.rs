//! Throughput of `factdiff::extract::quantity::quantities` on news-like text.
//!
//! Two corpora of at least 10 MB each are built at run time from `<shared>/data/`
//! (`<shared>` is `$FACTDIFF_SHARED`, else `../shared` or `../../shared` next to the crate):
//! the NewsQuant sentences repeated (every sentence there holds a quantity, so this is the
//! dense worst case), and the ECB+ news articles repeated (ordinary news density). Without
//! the data a few built-in sentences are used. Each corpus is read once whole and once
//! sentence by sentence (as the pipeline calls it); the best of three runs is printed, as
//! wall-clock MB/s and as on-CPU MB/s (thread CPU time, so a busy shared machine distorts it
//! less). Run with `cargo run --release --example bench_extract`.

use factdiff::extract::quantity::quantities;
use std::path::{Path, PathBuf};
use std::time::Instant;

const FALLBACK: &[&str] = &[
    "Officials said between 10,000 and 12,000 troops had crossed the border by March 3, 2019.",
    "The package, worth about $150 billion, was announced in 2018 after two years of talks.",
    "Exports fell 3.5 per cent to 1.2m tonnes, while prices rose nearly 12% in the third quarter.",
    "The plant can build 10 to 20 missiles annually, according to an estimate by analysts.",
    "Nobody at the meeting, which ran for three hours, mentioned the treaty signed in 1953.",
];

fn shared_dir() -> PathBuf {
    if let Ok(s) = std::env::var("FACTDIFF_SHARED") {
        return PathBuf::from(s);
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    ["../shared", "../../shared"]
        .iter()
        .map(|u| root.join(u))
        .find(|p| p.exists())
        .unwrap_or_else(|| root.join("../shared"))
}

fn newsquant(dir: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(dir.join("data/newsquant/dev.json")).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    let s: Vec<String> = v
        .as_array()?
        .iter()
        .filter_map(|x| x["text"].as_str().map(str::to_string))
        .collect();
    (!s.is_empty()).then_some(s)
}

/// ECB+ articles are stored one sentence per line.
fn ecbplus(dir: &Path) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.join("data/ecbplus/val_docs")];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).ok()?.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "txt") {
                if let Ok(t) = std::fs::read_to_string(&p) {
                    out.extend(
                        t.lines()
                            .filter(|l| !l.trim().is_empty())
                            .map(str::to_string),
                    );
                }
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Thread CPU time in seconds (Linux); `None` elsewhere.
fn cpu_time() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn best_of_three(mut f: impl FnMut() -> usize) -> (f64, f64, usize) {
    let (mut wall, mut cpu, mut n) = (f64::MAX, f64::MAX, 0);
    for _ in 0..3 {
        let t = Instant::now();
        let c = cpu_time();
        n = f();
        wall = wall.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c, cpu_time()) {
            cpu = cpu.min(b - a);
        }
    }
    (wall, cpu, n)
}

fn run(name: &str, sents: &[String]) {
    let mut text = String::with_capacity(11 << 20);
    while text.len() < 10 << 20 {
        for s in sents {
            text.push_str(s);
            text.push(' ');
        }
    }
    let mb = text.len() as f64 / 1e6;
    let (w, c, n) = best_of_three(|| quantities(&text).len());
    println!(
        "{name:<10} whole text:   {mb:.1} MB, {w:.3} s = {:.1} MB/s wall, {:.1} MB/s on-CPU ({n} quantities)",
        mb / w,
        mb / c
    );
    let (w, c, n) = best_of_three(|| {
        let (mut n, mut done) = (0, 0);
        while done < text.len() {
            for s in sents {
                n += quantities(s).len();
                done += s.len() + 1;
            }
        }
        n
    });
    println!(
        "{name:<10} per sentence: {mb:.1} MB, {w:.3} s = {:.1} MB/s wall, {:.1} MB/s on-CPU ({n} quantities)",
        mb / w,
        mb / c
    );
}

fn main() {
    let dir = shared_dir();
    let fallback: Vec<String> = FALLBACK.iter().map(|s| s.to_string()).collect();
    match newsquant(&dir) {
        Some(s) => run("NewsQuant", &s),
        None => {
            eprintln!(
                "NewsQuant data not found under {}; built-in sentences",
                dir.display()
            );
            run("built-in", &fallback);
        }
    }
    if let Some(s) = ecbplus(&dir) {
        run("ECB+", &s);
    }
}
