//! `number` differences on 60 MRPC training pairs that contain numbers, against the labels in
//! `tests/differences/mrpc_numbers.tsv` (ids and hand labels only; the sentences are read from
//! `../shared/data/mrpc/train.tsv`, or `$FACTDIFF_SHARED/data/mrpc/train.tsv`).
//!
//! The pairs are the first 60 in file order whose two sentences both contain a digit; the
//! example re-derives that selection and refuses to score if the label file has drifted from it.
//!
//! The scored figure is end to end: each pair is compared as two one-sentence documents,
//! alignment included, so a pair the matcher leaves apart predicts no difference. Beside it,
//! for diagnosis, every pair is also forced into one claim and judged: that shows what the
//! judge would say of pairs the matcher keeps apart, and how often it would wrongly compare
//! figures of different things were the matcher to pair everything.
//!
//! Run with `cargo run --example eval_mrpc_numbers`; exits 1 below the floors.

use factdiff::align::Cluster;
use factdiff::judge::{DifferenceKind, Judgement};
use factdiff::{Comparison, Document};

#[path = "support/shared.rs"]
mod shared;

/// Floors at the figures measured last (raised as they improve, never loosened); issue #7's
/// targets are precision 0.9 and recall 0.8. The one positive still missed (58747) is paired,
/// but one source gives the index's change as a bare number and the other in points.
const PRECISION_FLOOR: f64 = 0.95;
const RECALL_FLOOR: f64 = 0.92;

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    confusions: Vec<String>,
}

impl Score {
    fn add(&mut self, gold: bool, got: Option<String>, pair: &str, unflagged_why: &str) {
        match (gold, &got) {
            (true, Some(_)) => self.tp += 1,
            (false, Some(_)) => self.fp += 1,
            (true, None) => self.fn_ += 1,
            (false, None) => {}
        }
        if gold != got.is_some() {
            let why = match got {
                Some(d) => format!("flagged: {d}"),
                None => unflagged_why.to_string(),
            };
            let what = if gold { "missed" } else { "false alarm" };
            self.confusions.push(format!("{what} {pair}: {why}"));
        }
    }
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    /// Prints the figure and its confusions.
    fn report(&self, name: &str) {
        println!(
            "{name}: tp {} fp {} fn {}  precision {:.3}  recall {:.3}",
            self.tp,
            self.fp,
            self.fn_,
            self.precision(),
            self.recall(),
        );
        for c in &self.confusions {
            println!("  {c}");
        }
    }
}

fn number_difference(j: Option<&Judgement>) -> Option<String> {
    j?.differences
        .iter()
        .find(|d| d.kind == DifferenceKind::Number)
        .map(|d| d.detail.clone())
}

fn fail(msg: String) -> ! {
    eprintln!("error: {msg}");
    std::process::exit(2);
}

fn main() {
    let tsv = shared::dir().join("data/mrpc/train.tsv");
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

    let (mut judged, mut end_to_end) = (Score::default(), Score::default());
    for ((id1, id2, s1, s2), (_, _, gold, note)) in with_digits.iter().zip(&labels) {
        let docs = match (
            Document::from_text("d1", "a.txt", s1),
            Document::from_text("d2", "b.txt", s2),
        ) {
            (Ok(a), Ok(b)) => vec![a, b],
            _ => fail(format!("pair {id1} {id2} could not be read")),
        };
        let pair = format!("{id1} {id2} ({note})");

        let paired = Cluster {
            members: vec![(0, 0), (1, 0)],
            score: 1.0,
            ..Cluster::default()
        };
        let verdicts = factdiff::judge::judge(&docs, vec![paired]);
        judged.add(
            *gold,
            number_difference(verdicts.first()),
            &pair,
            "judged, no number difference",
        );

        let cmp = Comparison::new(docs);
        let claim = cmp.judgements.iter().find(|j| {
            j.cluster.members.iter().any(|m| m.0 == 0) && j.cluster.members.iter().any(|m| m.0 == 1)
        });
        let why = if claim.is_some() {
            "aligned, no number difference"
        } else {
            "not aligned by the matcher"
        };
        end_to_end.add(*gold, number_difference(claim), &pair, why);
    }
    println!(
        "MRPC number pairs: {} labelled, {} with a number difference",
        labels.len(),
        labels.iter().filter(|l| l.2).count()
    );
    end_to_end.report("number differences, compare end to end");
    judged.report("diagnosis only, every pair forced into one claim");
    let (p, r) = (end_to_end.precision(), end_to_end.recall());
    if p < PRECISION_FLOOR || r < RECALL_FLOOR {
        println!("below floor: precision {p:.3} (floor {PRECISION_FLOOR}), recall {r:.3} (floor {RECALL_FLOOR})");
        std::process::exit(1);
    }
}
