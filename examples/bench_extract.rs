//! Single-core throughput of extraction: segment + extract over news articles, then the
//! quantity reader alone.
//!
//! *Pipeline*: at least 10 MB of articles of 30 real news sentences (the ECB+ development
//! articles, then the first sentences of the MRPC training pairs, dealt out in a fixed order
//! and wrapped into paragraphs of five, as `bench_scale` builds them) are ingested as plain
//! text untimed, then `segment::segment` and `Extractor::extract_document` run over every
//! article on this one thread; the best of three runs is printed as on-CPU MB/s (thread CPU
//! time) for segment, extract and both. MB counts the article text.
//!
//! *Reference passes*: over the pipeline's sentences, the quantity reader alone and a bare word
//! pass (see `word_floor`), and their sum with segmentation: a yardstick for how fast any
//! extraction that reads each sentence's figures and words could be on this core.
//!
//! *Quantities* (`factdiff::extract::quantity::quantities`):
//! Two corpora of at least 10 MB each are built at run time from `<shared>/data/`
//! (`<shared>` is `$FACTDIFF_SHARED`, else `../shared` or `../../shared` next to the crate):
//! the NewsQuant sentences repeated (every sentence there holds a quantity, so this is the
//! dense worst case), and the ECB+ news articles repeated (ordinary news density). Without
//! the data a few built-in sentences are used. Each corpus is read once whole and once
//! sentence by sentence (as the pipeline calls it); the best of three runs is printed, as
//! wall-clock MB/s and as on-CPU MB/s (thread CPU time, so a busy shared machine distorts it
//! less).
//!
//! Run with `cargo run --release --example bench_extract [-- --pipeline [MB]]` (`--pipeline`:
//! only the first part, over MB megabytes, default 10).

use factdiff::extract::quantity::quantities;
use factdiff::extract::Extractor;
use factdiff::{ingest, segment, InputFormat};
use std::path::Path;
use std::time::Instant;

/// The allocator the `factdiff` binary uses, so the stages cost what they cost there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/shared.rs"]
mod shared;

const FALLBACK: &[&str] = &[
    "Officials said between 10,000 and 12,000 troops had crossed the border by March 3, 2019.",
    "The package, worth about $150 billion, was announced in 2018 after two years of talks.",
    "Exports fell 3.5 per cent to 1.2m tonnes, while prices rose nearly 12% in the third quarter.",
    "The plant can build 10 to 20 missiles annually, according to an estimate by analysts.",
    "Nobody at the meeting, which ran for three hours, mentioned the treaty signed in 1953.",
];

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

/// ECB+ articles are stored one sentence per line; files are read in name order.
fn ecbplus(dir: &Path) -> Option<Vec<String>> {
    let files = shared::ecb_articles(dir).ok()?;
    let mut out = Vec::new();
    for p in files {
        if let Ok(t) = std::fs::read_to_string(&p) {
            out.extend(
                t.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(str::to_string),
            );
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

fn best_of_three(f: impl FnMut() -> usize) -> (f64, f64, usize) {
    best_of_three_with(f)
}

/// Best wall and thread-CPU seconds of three runs, and the last run's result.
fn best_of_three_with<T>(mut f: impl FnMut() -> T) -> (f64, f64, T) {
    let (mut wall, mut cpu, mut out) = (f64::MAX, f64::MAX, None);
    for _ in 0..3 {
        // The previous run's result is dropped untimed.
        drop(out.take());
        let t = Instant::now();
        let c = cpu_time();
        out = Some(f());
        wall = wall.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c, cpu_time()) {
            cpu = cpu.min(b - a);
        }
    }
    (wall, cpu, out.expect("three runs"))
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

/// First sentences of the MRPC training pairs.
fn mrpc(dir: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(dir.join("data/mrpc/train.tsv")).ok()?;
    let out: Vec<String> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(3))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    (!out.is_empty()).then_some(out)
}

/// Segment + extract, article by article, on this thread.
fn pipeline(pool: &[String], megabytes: usize) {
    const PER_ARTICLE: usize = 30;
    let mut articles = Vec::new();
    let (mut bytes, mut next) = (0, 0);
    while bytes < megabytes << 20 {
        let mut text = String::new();
        for k in 0..PER_ARTICLE {
            text.push_str(&pool[next % pool.len()]);
            next += 1;
            text.push_str(if k % 5 == 4 { "\n\n" } else { " " });
        }
        bytes += text.len();
        articles.push(text);
    }
    let ingested: Vec<_> = articles
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            ingest::ingest(&format!("a{i}.txt"), t.as_bytes(), InputFormat::Text).ok()
        })
        .collect();
    let mb = bytes as f64 / 1e6;
    let (_, seg, sentences) =
        best_of_three_with(|| ingested.iter().map(segment::segment).collect::<Vec<_>>());
    let extractor = Extractor::default();
    let (_, ext, facts) = best_of_three_with(|| {
        sentences
            .iter()
            .map(|s| extractor.extract_document(s))
            .collect::<Vec<_>>()
    });
    let n: usize = sentences.iter().map(Vec::len).sum();
    let q: usize = facts.iter().flatten().map(|f| f.quantities.len()).sum();
    drop(facts);
    let texts: Vec<&str> = sentences
        .iter()
        .flatten()
        .map(|s| s.text.as_str())
        .collect();
    let (_, quant, _) =
        best_of_three_with(|| texts.iter().map(|t| quantities(t).len()).sum::<usize>());
    let (_, floor, _) = best_of_three_with(|| word_floor(&texts));
    println!(
        "pipeline   {mb:.1} MB, {} articles, {n} sentences, {q} quantities, one thread, on-CPU:",
        articles.len()
    );
    println!("  segment  {seg:.3} s = {:>6.1} MB/s", mb / seg);
    println!("  extract  {ext:.3} s = {:>6.1} MB/s", mb / ext);
    println!(
        "  both     {:.3} s = {:>6.1} MB/s",
        seg + ext,
        mb / (seg + ext)
    );
    println!("reference passes over the same sentences, one thread, on-CPU:");
    println!(
        "  quantities alone       {quant:.3} s = {:>6.1} MB/s",
        mb / quant
    );
    println!(
        "  bare word pass         {floor:.3} s = {:>6.1} MB/s",
        mb / floor
    );
    let least = seg + quant + floor;
    println!(
        "  segment + quantities + bare word pass: {least:.3} s = {:>6.1} MB/s",
        mb / least
    );
}

/// The least a term pass can do per word, as a yardstick for `extract`: cut each sentence
/// into runs of letters and digits, lowercase a run holding a capital, look it up once in
/// the stop-word and synonym lists and once in a stem cache (stemming it on a miss), and
/// keep one id per word. No names, quotes, cues or figures are read. Returns the count of
/// words plus distinct stems, so nothing is optimised away.
fn word_floor(texts: &[&str]) -> usize {
    use factdiff::extract::lexicon::{STOP_WORDS, SYNONYMS};
    use rustc_hash::FxHashMap;
    let lexicon: FxHashMap<&str, u32> = STOP_WORDS
        .iter()
        .copied()
        .chain(SYNONYMS.iter().map(|p| p.0))
        .zip(0..)
        .collect();
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut stems: FxHashMap<Box<str>, u32> = FxHashMap::default();
    let mut stemmed: Vec<String> = Vec::new();
    let mut lower = String::new();
    let mut words = 0;
    for text in texts {
        let b = text.as_bytes();
        let mut ids: Vec<u32> = Vec::with_capacity(b.len() / 5);
        let mut i = 0;
        while i < b.len() {
            if !(b[i].is_ascii_alphanumeric() || b[i] >= 0x80) {
                i += 1;
                continue;
            }
            let (start, mut capital) = (i, false);
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] >= 0x80) {
                capital |= b[i].is_ascii_uppercase();
                i += 1;
            }
            let mut word = &text[start..i];
            if capital {
                lower.clear();
                lower.push_str(word);
                lower.make_ascii_lowercase();
                word = &lower;
            }
            let listed = lexicon.get(word).copied().unwrap_or(u32::MAX);
            let stem = match stems.get(word) {
                Some(&id) => id,
                None => {
                    let id = stemmed.len() as u32;
                    stemmed.push(stemmer.stem(word).into_owned());
                    stems.insert(word.into(), id);
                    id
                }
            };
            ids.push(stem ^ listed);
        }
        words += ids.len();
    }
    words + stemmed.len()
}

fn main() {
    let dir = shared::dir();
    let mut pool = ecbplus(&dir).unwrap_or_default();
    pool.extend(mrpc(&dir).unwrap_or_default());
    if pool.is_empty() {
        eprintln!(
            "ECB+ and MRPC data not found under {}; built-in sentences",
            dir.display()
        );
        pool = FALLBACK.iter().map(|s| s.to_string()).collect();
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only = args.first().is_some_and(|a| a == "--pipeline");
    let megabytes = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    pipeline(&pool, if only { megabytes } else { 10 });
    if only {
        return;
    }
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
