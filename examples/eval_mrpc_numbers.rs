//! `number` differences on 60 MRPC training pairs that contain numbers, against the labels in
//! `tests/differences/mrpc_numbers.tsv` (ids and hand labels only; the sentences are read from
//! `../shared/data/mrpc/train.tsv`, or `$FACTDIFF_SHARED/data/mrpc/train.tsv`).
//!
//! The pairs are the first 60 in file order whose two sentences both contain a digit; the
//! example re-derives that selection and refuses to score if the label file has drifted from it.
//! Each pair is judged as two one-sentence documents, alignment included: a pair the matcher
//! leaves apart predicts no difference.
//!
//! Run with `cargo run --example eval_mrpc_numbers`; exits 1 below the floors.

use factdiff::judge::DifferenceKind;
use factdiff::{Comparison, Document};
use std::path::PathBuf;

/// Floors at the figures measured when the labels were written (never loosened later). The
/// issue's targets are precision 0.9 and recall 0.8. Since the matcher weighs quantities as
/// features, six of the fourteen positives are pairs it does not align (the judge finds the
/// difference in five of them when they are put in one claim), which caps recall at 0.57
/// until matching improves.
const PRECISION_FLOOR: f64 = 0.8;
const RECALL_FLOOR: f64 = 0.75;

fn shared() -> PathBuf {
    std::env::var_os("FACTDIFF_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn fail(msg: String) -> ! {
    eprintln!("error: {msg}");
    std::process::exit(2);
}

fn main() {
    let tsv = shared().join("data/mrpc/train.tsv");
    let text = std::fs::read_to_string(&tsv).unwrap_or_else(|e| {
        fail(format!(
            "{}: {e}; set FACTDIFF_SHARED to the shared directory",
            tsv.display()
        ))
    });
    let with_digits: Vec<(String, String, String, String)> = text
        .lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 5 {
                return None;
            }
            let digit = |s: &str| s.chars().any(|c| c.is_ascii_digit());
            (digit(cols[3]) && digit(cols[4])).then(|| {
                (
                    cols[1].to_string(),
                    cols[2].to_string(),
                    cols[3].to_string(),
                    cols[4].to_string(),
                )
            })
        })
        .take(60)
        .collect();

    let labels_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/differences/mrpc_numbers.tsv"
    );
    let labels_text = std::fs::read_to_string(labels_path)
        .unwrap_or_else(|e| fail(format!("{labels_path}: {e}")));
    let labels: Vec<(String, String, bool, String)> = labels_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("id1"))
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            if cols.len() < 3 {
                fail(format!("{labels_path}: malformed line {l:?}"));
            }
            (
                cols[0].to_string(),
                cols[1].to_string(),
                cols[2] == "1",
                cols.get(3).unwrap_or(&"").to_string(),
            )
        })
        .collect();
    if labels.len() != with_digits.len()
        || labels
            .iter()
            .zip(&with_digits)
            .any(|(l, p)| l.0 != p.0 || l.1 != p.1)
    {
        fail(format!(
            "{labels_path} does not list the first {} pairs with digits of {}",
            with_digits.len(),
            tsv.display()
        ));
    }

    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut confusions = Vec::new();
    for ((id1, id2, s1, s2), (_, _, gold, note)) in with_digits.iter().zip(&labels) {
        let docs = match (
            Document::from_text("d1", "a.txt", s1),
            Document::from_text("d2", "b.txt", s2),
        ) {
            (Ok(a), Ok(b)) => vec![a, b],
            _ => fail(format!("pair {id1} {id2} could not be read")),
        };
        let cmp = Comparison::new(docs);
        let claim = cmp.judgements.iter().find(|j| {
            j.cluster.members.iter().any(|m| m.0 == 0) && j.cluster.members.iter().any(|m| m.0 == 1)
        });
        let number = claim.and_then(|j| {
            j.differences
                .iter()
                .find(|d| d.kind == DifferenceKind::Number)
                .map(|d| d.detail.clone())
        });
        let got = number.is_some();
        match (gold, got) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            (false, false) => {}
        }
        if *gold != got {
            let why = match (&number, claim.is_some()) {
                (Some(d), _) => format!("flagged: {d}"),
                (None, true) => "aligned, no number difference".to_string(),
                (None, false) => {
                    // For the matcher's owners: what the judge would say were the pair aligned.
                    let forced = factdiff::align::Cluster {
                        members: vec![(0, 0), (1, 0)],
                        score: 0.0,
                        pairs: Vec::new(),
                    };
                    let j = factdiff::judge::judge(&cmp.documents, vec![forced]);
                    let would = j.first().and_then(|j| {
                        j.differences
                            .iter()
                            .find(|d| d.kind == DifferenceKind::Number)
                            .map(|d| d.detail.clone())
                    });
                    match would {
                        Some(d) => format!("not aligned by the matcher (if aligned: {d})"),
                        None => "not aligned by the matcher".to_string(),
                    }
                }
            };
            confusions.push(format!(
                "{} {id1} {id2} ({note}): {why}",
                if *gold { "missed" } else { "false alarm" }
            ));
        }
    }
    let precision = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let recall = if tp + fn_ == 0 {
        1.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    println!(
        "MRPC number pairs: {} labelled, {} with a number difference",
        labels.len(),
        labels.iter().filter(|l| l.2).count()
    );
    println!("number: tp {tp} fp {fp} fn {fn_}  precision {precision:.3}  recall {recall:.3}");
    for c in &confusions {
        println!("  {c}");
    }
    if precision < PRECISION_FLOOR || recall < RECALL_FLOOR {
        println!("below floor (precision {PRECISION_FLOOR}, recall {RECALL_FLOOR})");
        std::process::exit(1);
    }
}
