//! Matcher evaluation over public paraphrase and event-coreference pairs in `../shared/data`.
//!
//! - MRPC training pairs: each pair is compared as two one-sentence documents (word
//!   statistics from all MRPC sentences as background); "same meaning" is predicted when
//!   both sentences end in one claim with verdict `agreement`.
//! - ECB+ development pairs: each pair is compared as two one-sentence documents (background
//!   from every sentence of the development articles), and "same event" is predicted when the
//!   two sentences sit in one claim of any verdict. Pairwise, because a claim holds one
//!   statement per document: comparing whole articles caps recall at 52% on this set (a
//!   sentence often shares its event with several sentences of the other article).
//!
//! Run with `cargo run --release --example eval_matching [-- -v]`; exits 1 below the floors.
//! `FACTDIFF_SHARED` overrides the location of the shared directory.

use factdiff::align::Background;
use factdiff::judge::Verdict;
use factdiff::{Comparison, Document, InputFormat};

#[path = "support/shared.rs"]
mod shared;

const MRPC_ACCURACY_FLOOR: f64 = 0.70;
const MRPC_F1_FLOOR: f64 = 0.79;
const ECB_F1_FLOOR: f64 = 0.22;
const ECB_HARD_NEGATIVE_CEILING: f64 = 0.02;

#[derive(Default, Debug)]
struct Confusion {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Confusion {
    fn add(&mut self, gold: bool, predicted: bool) {
        match (gold, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn accuracy(&self) -> f64 {
        (self.tp + self.tn) as f64 / (self.tp + self.fp + self.fn_ + self.tn).max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn doc(id: &str, path: &str, text: &str) -> Option<Document> {
    Document::read(id, path, text.as_bytes(), InputFormat::Text).ok()
}

/// Whether some claim holds statements of both documents.
fn together(cmp: &Comparison, agreement_only: bool) -> bool {
    cmp.judgements.iter().any(|j| {
        if agreement_only && j.verdict != Verdict::Agreement {
            return false;
        }
        let on = |d: usize| j.cluster.members.iter().any(|&(doc, _)| doc == d);
        on(0) && on(1)
    })
}

fn mrpc(verbose: bool) -> Confusion {
    let path = shared::dir().join("data/mrpc/train.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("error: {}: {e}", path.display());
        std::process::exit(2)
    });
    let pairs: Vec<(bool, &str, &str)> = text
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() >= 5).then(|| (f[0] == "1", f[3], f[4]))
        })
        .collect();
    let all: Vec<Document> = pairs
        .iter()
        .flat_map(|(_, a, b)| [*a, *b])
        .filter_map(|t| doc("bg", "bg.txt", t))
        .collect();
    let background = Background::from_facts(all.iter().flat_map(|d| d.facts.iter()));
    let mut c = Confusion::default();
    for (gold, a, b) in &pairs {
        let (Some(da), Some(db)) = (doc("d1", "a.txt", a), doc("d2", "b.txt", b)) else {
            c.add(*gold, false);
            continue;
        };
        let cmp = Comparison::with_background(vec![da, db], Some(&background));
        let predicted = together(&cmp, true);
        if verbose && *gold != predicted {
            println!("mrpc {}: {a}\n      {b}", if *gold { "FN" } else { "FP" });
        }
        c.add(*gold, predicted);
    }
    c
}

struct EcbPair {
    label: bool,
    hard: bool,
    text_a: String,
    text_b: String,
}

fn ecb(verbose: bool) -> (Confusion, usize, usize) {
    let root = shared::dir().join("data/ecbplus");
    let text = std::fs::read_to_string(root.join("val_pairs.jsonl")).unwrap_or_else(|e| {
        eprintln!("error: {}: {e}", root.display());
        std::process::exit(2)
    });
    let paths = shared::ecb_articles(&shared::dir()).unwrap_or_else(|e| {
        eprintln!("error: {e}");
        std::process::exit(2)
    });
    let pairs: Vec<EcbPair> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| EcbPair {
            label: v["label"] == 1,
            hard: v["label"] == 0 && v["same_subtopic"] == false,
            text_a: v["text_a"].as_str().unwrap_or_default().to_string(),
            text_b: v["text_b"].as_str().unwrap_or_default().to_string(),
        })
        .collect();
    let mut all = Vec::new();
    for path in &paths {
        if let Some(d) = std::fs::read(path)
            .ok()
            .and_then(|b| Document::read("bg", "bg.txt", &b, InputFormat::Text).ok())
        {
            all.push(d);
        }
    }
    let background = Background::from_facts(all.iter().flat_map(|d| d.facts.iter()));
    let mut c = Confusion::default();
    let (mut hard_total, mut hard_matched) = (0, 0);
    for p in &pairs {
        let predicted = match (doc("d1", "a.txt", &p.text_a), doc("d2", "b.txt", &p.text_b)) {
            (Some(da), Some(db)) => {
                let cmp = Comparison::with_background(vec![da, db], Some(&background));
                together(&cmp, false)
            }
            _ => false,
        };
        if p.hard {
            hard_total += 1;
            hard_matched += predicted as usize;
        }
        if verbose && p.label != predicted {
            println!(
                "ecb {}{}: {}\n      {}",
                if p.label { "FN" } else { "FP" },
                if p.hard { " (hard)" } else { "" },
                p.text_a,
                p.text_b
            );
        }
        c.add(p.label, predicted);
    }
    (c, hard_matched, hard_total)
}

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let m = mrpc(verbose);
    println!(
        "MRPC train ({} pairs): accuracy {:.3}  precision {:.3}  recall {:.3}  F1 {:.3}",
        m.tp + m.fp + m.fn_ + m.tn,
        m.accuracy(),
        m.precision(),
        m.recall(),
        m.f1()
    );
    let (e, hard_matched, hard_total) = ecb(verbose);
    let hard_rate = hard_matched as f64 / hard_total.max(1) as f64;
    println!(
        "ECB+ dev ({} pairs): precision {:.3}  recall {:.3}  F1 {:.3}  hard negatives matched {hard_matched}/{hard_total} ({:.1}%)",
        e.tp + e.fp + e.fn_ + e.tn,
        e.precision(),
        e.recall(),
        e.f1(),
        100.0 * hard_rate
    );
    let mut failed = false;
    for (name, value, floor, above) in [
        ("MRPC accuracy", m.accuracy(), MRPC_ACCURACY_FLOOR, true),
        ("MRPC F1", m.f1(), MRPC_F1_FLOOR, true),
        ("ECB+ F1", e.f1(), ECB_F1_FLOOR, true),
        (
            "ECB+ hard negatives matched",
            hard_rate,
            ECB_HARD_NEGATIVE_CEILING,
            false,
        ),
    ] {
        let ok = if above {
            value >= floor
        } else {
            value <= floor
        };
        if !ok {
            println!("FAIL {name}: {value:.3} (limit {floor:.3})");
            failed = true;
        }
    }
    if failed {
        std::process::exit(1);
    }
}
