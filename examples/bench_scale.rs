//! Scaling benchmark: N articles of 30 real news sentences, every pipeline stage timed.
//!
//! The articles are built at run time from sentences in `<shared>/data/` (MRPC training pairs
//! and the ECB+ development articles; `<shared>` is `$FACTDIFF_SHARED`, else `../shared`), so
//! nothing from the data sets is stored in the repository. Sentences are dealt out in a fixed
//! order, first halves of MRPC pairs, then ECB+, then second halves, so a paraphrase pair lands in
//! different articles and the corpus repeats itself as N grows, like a day of coverage of one
//! story.
//!
//! ```sh
//! cargo run --release --example bench_scale                        # N = 200, 800, 3200, 12800
//! cargo run --release --example bench_scale -- 200 3200            # chosen sizes
//! cargo run --release --example bench_scale -- --write 3200 DIR    # only write the articles
//! ```
//!
//! Each N runs in a fresh child process so that its peak memory is its own. Per stage the child
//! prints wall time, MB/s over the article text (wall), CPU seconds over all threads, and the
//! peak resident memory reached during the stage (the kernel's high-water mark is reset before
//! each stage).

use factdiff::extract::Extractor;
use factdiff::{align, ingest, judge, report, segment, Comparison, Document, InputFormat};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

#[path = "support/cpu.rs"]
mod cpu;
#[path = "support/shared.rs"]
mod shared;

/// The allocator the `factdiff` binary uses, so the stages cost what they cost there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SENTENCES_PER_ARTICLE: usize = 30;
const DEFAULT_SIZES: &[usize] = &[200, 800, 3200, 12800];

/// Every sentence of the pool, in dealing order.
fn sentence_pool(shared: &Path) -> Result<Vec<String>, String> {
    let mrpc_path = shared.join("data/mrpc/train.tsv");
    let mrpc = std::fs::read_to_string(&mrpc_path)
        .map_err(|e| format!("{}: {e} (set FACTDIFF_SHARED)", mrpc_path.display()))?;
    let (mut firsts, mut seconds) = (Vec::new(), Vec::new());
    for line in mrpc.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() == 5 {
            firsts.push(cols[3].trim().to_string());
            seconds.push(cols[4].trim().to_string());
        }
    }
    let ecb = shared::ecb_sentences(shared)?;
    let pool: Vec<String> = firsts.into_iter().chain(ecb).chain(seconds).collect();
    if pool.is_empty() {
        return Err("no sentences in the data sets".into());
    }
    Ok(pool)
}

/// Article `i`: a headline-free block of prose, sentences wrapped into paragraphs of five.
fn article(pool: &[String], i: usize) -> String {
    let mut text = String::new();
    for k in 0..SENTENCES_PER_ARTICLE {
        let s = &pool[(i * SENTENCES_PER_ARTICLE + k) % pool.len()];
        text.push_str(s);
        text.push(if k % 5 == 4 { '\n' } else { ' ' });
        if k % 5 == 4 {
            text.push('\n');
        }
    }
    text
}

fn write_articles(pool: &[String], n: usize, dir: &Path) -> Result<u64, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut bytes = 0;
    for i in 0..n {
        let text = article(pool, i);
        bytes += text.len() as u64;
        let path = dir.join(format!("a{i:05}.txt"));
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(bytes)
}

/// Peak resident set size in MiB since the last reset (Linux only; 0 elsewhere).
fn peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn reset_peak() {
    // "5" resets the high-water mark to the current resident size (Linux >= 4.0).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

struct Stage {
    name: &'static str,
    time: Duration,
    cpu: f64,
    peak: f64,
}

fn timed<T>(stages: &mut Vec<Stage>, name: &'static str, f: impl FnOnce() -> T) -> T {
    reset_peak();
    let start = Instant::now();
    let cpu_start = cpu::seconds().0;
    let out = f();
    stages.push(Stage {
        name,
        time: start.elapsed(),
        cpu: cpu::seconds().0 - cpu_start,
        peak: peak_mib(),
    });
    out
}

/// The child: the whole `compare --format json` pipeline on one directory, stage by stage.
fn run_stages(dir: &Path) -> Result<(), String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    let mut stages = Vec::new();
    let texts: Vec<(String, Vec<u8>)> = timed(&mut stages, "read files", || {
        paths
            .iter()
            .map(|p| {
                (
                    p.display().to_string(),
                    std::fs::read(p).unwrap_or_default(),
                )
            })
            .collect()
    });
    let bytes: usize = texts.iter().map(|(_, b)| b.len()).sum();
    let ingested = timed(&mut stages, "ingest", || {
        texts
            .par_iter()
            .map(|(path, b)| ingest::ingest(path, b, InputFormat::Text))
            .collect::<Result<Vec<_>, _>>()
    })
    .map_err(|e| e.to_string())?;
    let sentences: Vec<_> = timed(&mut stages, "segment", || {
        ingested.par_iter().map(segment::segment).collect()
    });
    let extractor = Extractor::default();
    let facts: Vec<_> = timed(&mut stages, "extract", || {
        sentences
            .par_iter()
            .map(|s| extractor.extract_document(s))
            .collect()
    });
    let docs: Vec<Document> = ingested
        .into_iter()
        .zip(sentences)
        .zip(facts)
        .enumerate()
        .map(|(i, ((ingested, sentences), facts))| Document {
            id: format!("d{}", i + 1),
            ingested,
            sentences,
            facts,
        })
        .collect();
    let clusters = timed(&mut stages, "align", || align::align_with(&docs, None));
    let judgements = timed(&mut stages, "judge", || {
        judge::judge_with(&docs, clusters, &[])
    });
    let cmp = Comparison {
        documents: docs,
        judgements,
    };
    let json = timed(&mut stages, "report json", || {
        report::json::render_compare(&cmp.report())
    });
    let mb = bytes as f64 / 1e6;
    let total: Duration = stages.iter().map(|s| s.time).sum();
    let cpu: f64 = stages.iter().map(|s| s.cpu).sum();
    let peak = stages.iter().map(|s| s.peak).fold(0.0, f64::max);
    for s in &stages {
        println!(
            "  {:<12} {:>8.3} s {:>9.1} MB/s {:>7.2} s CPU {:>8.0} MiB",
            s.name,
            s.time.as_secs_f64(),
            mb / s.time.as_secs_f64().max(1e-9),
            s.cpu,
            s.peak
        );
    }
    println!(
        "  {:<12} {:>8.3} s {:>9.1} MB/s {:>7.2} s CPU {:>8.0} MiB   ({} claims, {:.1} MB of JSON)",
        "total",
        total.as_secs_f64(),
        mb / total.as_secs_f64().max(1e-9),
        cpu,
        peak,
        cmp.judgements.len(),
        json.len() as f64 / 1e6
    );
    Ok(())
}

fn main() {
    if let Err(e) = real_main() {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
}

fn real_main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--stages") => {
            let dir = args.get(1).ok_or("--stages needs a directory")?;
            return run_stages(Path::new(dir));
        }
        Some("--write") => {
            let n: usize = args
                .get(1)
                .and_then(|s| s.parse().ok())
                .ok_or("--write needs N")?;
            let dir = args.get(2).ok_or("--write needs N and a directory")?;
            let pool = sentence_pool(&shared::dir())?;
            let bytes = write_articles(&pool, n, Path::new(dir))?;
            println!("{n} articles, {:.1} MB, in {dir}", bytes as f64 / 1e6);
            return Ok(());
        }
        _ => {}
    }
    let sizes: Vec<usize> = if args.is_empty() {
        DEFAULT_SIZES.to_vec()
    } else {
        args.iter()
            .map(|a| a.parse().map_err(|_| format!("not a size: {a}")))
            .collect::<Result<_, _>>()?
    };
    let pool = sentence_pool(&shared::dir())?;
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    println!(
        "{} sentences in the pool; {} threads",
        pool.len(),
        rayon::current_num_threads()
    );
    for n in sizes {
        let dir = std::env::temp_dir().join(format!("factdiff-scale-{}-{n}", std::process::id()));
        let bytes = write_articles(&pool, n, &dir)?;
        println!(
            "N = {n}: {:.1} MB, {} sentences",
            bytes as f64 / 1e6,
            n * SENTENCES_PER_ARTICLE
        );
        let status = Command::new(&me)
            .arg("--stages")
            .arg(&dir)
            .status()
            .map_err(|e| e.to_string())?;
        let _ = std::fs::remove_dir_all(&dir);
        if !status.success() {
            return Err(format!("N = {n} failed"));
        }
    }
    Ok(())
}
