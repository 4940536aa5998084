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
use factdiff::Comparison;
use pairs::{document, LabelledPair};

#[path = "support/pairs.rs"]
mod pairs;
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

/// The pairs of a set, or the reason they cannot be read (exit code 2).
fn read<T>(read: Result<T, String>) -> T {
    read.unwrap_or_else(|e| {
        eprintln!("error: {e} (set FACTDIFF_SHARED)");
        std::process::exit(2)
    })
}

/// Whether the two sentences, compared as two one-sentence documents, end in one claim.
fn predicted(p: &LabelledPair, background: &Background, agreement_only: bool) -> bool {
    match (document("d1", "a.txt", &p.a), document("d2", "b.txt", &p.b)) {
        (Some(da), Some(db)) => {
            let cmp = Comparison::with_background(vec![da, db], Some(background));
            together(&cmp, agreement_only)
        }
        _ => false,
    }
}

fn mrpc(verbose: bool) -> Confusion {
    let pairs = read(pairs::mrpc(&shared::dir()));
    let background = pairs::mrpc_background(&pairs);
    let mut c = Confusion::default();
    for p in &pairs {
        let predicted = predicted(p, &background, true);
        if verbose && p.same != predicted {
            println!(
                "mrpc {}: {}\n      {}",
                if p.same { "FN" } else { "FP" },
                p.a,
                p.b
            );
        }
        c.add(p.same, predicted);
    }
    c
}

fn ecb(verbose: bool) -> (Confusion, usize, usize) {
    let pairs = read(pairs::ecb(&shared::dir()));
    let background = read(pairs::ecb_background(&shared::dir()));
    let mut c = Confusion::default();
    let (mut hard_total, mut hard_matched) = (0, 0);
    for p in &pairs {
        let predicted = predicted(p, &background, false);
        if p.hard {
            hard_total += 1;
            hard_matched += predicted as usize;
        }
        if verbose && p.same != predicted {
            println!(
                "ecb {}{}: {}\n      {}",
                if p.same { "FN" } else { "FP" },
                if p.hard { " (hard)" } else { "" },
                p.a,
                p.b
            );
        }
        c.add(p.same, predicted);
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
