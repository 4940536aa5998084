// Scoring of the difference suite, shared by `tests/judge.rs` and
// `examples/eval_differences.rs` so that CI and the printed figures can never disagree.

use factdiff::judge::{DifferenceKind, Verdict};
use factdiff::{Comparison, Document};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Suite {
    pub pair: Vec<Pair>,
}

#[derive(Debug, Deserialize)]
pub struct Pair {
    pub group: String,
    pub a: String,
    pub b: String,
    pub verdict: String,
    pub kinds: Vec<String>,
}

pub const KINDS: [DifferenceKind; 6] = [
    DifferenceKind::Number,
    DifferenceKind::Date,
    DifferenceKind::Entity,
    DifferenceKind::Negation,
    DifferenceKind::Hedge,
    DifferenceKind::Quote,
];

pub fn kind_name(k: DifferenceKind) -> &'static str {
    match k {
        DifferenceKind::Number => "number",
        DifferenceKind::Date => "date",
        DifferenceKind::Entity => "entity",
        DifferenceKind::Negation => "negation",
        DifferenceKind::Hedge => "hedge",
        DifferenceKind::Quote => "quote",
    }
}

/// What the library made of one pair.
pub struct Outcome {
    /// Whether the matcher put both sentences into one claim.
    pub aligned: bool,
    pub verdict: Option<Verdict>,
    pub kinds: Vec<DifferenceKind>,
    pub details: Vec<String>,
}

pub fn judge_pair(a: &str, b: &str) -> Outcome {
    let (da, db) = match (
        Document::from_text("d1", "a.txt", a),
        Document::from_text("d2", "b.txt", b),
    ) {
        (Ok(da), Ok(db)) => (da, db),
        _ => {
            return Outcome {
                aligned: false,
                verdict: None,
                kinds: Vec::new(),
                details: vec!["could not read".into()],
            }
        }
    };
    let cmp = Comparison::new(vec![da, db]);
    let shared = cmp.judgements.iter().find(|j| {
        j.cluster.members.iter().any(|m| m.0 == 0) && j.cluster.members.iter().any(|m| m.0 == 1)
    });
    match shared {
        Some(j) => Outcome {
            aligned: true,
            verdict: Some(j.verdict),
            kinds: j.differences.iter().map(|d| d.kind).collect(),
            details: j
                .differences
                .iter()
                .map(|d| format!("{}: {}", kind_name(d.kind), d.detail))
                .collect(),
        },
        None => Outcome {
            aligned: false,
            verdict: None,
            kinds: Vec::new(),
            details: Vec::new(),
        },
    }
}

#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
}

pub struct Report {
    pub per_kind: Vec<(DifferenceKind, Counts)>,
    pub pairs: usize,
    pub verdicts_right: usize,
    pub unaligned: Vec<usize>,
    pub lines: Vec<String>,
}

/// Judges every pair; a pair the matcher leaves apart predicts nothing (a miss for every kind
/// it expects), since the suite measures the whole pipeline, alignment included.
pub fn run(suite: &Suite) -> Report {
    let mut per_kind: Vec<(DifferenceKind, Counts)> =
        KINDS.iter().map(|&k| (k, Counts::default())).collect();
    let mut verdicts_right = 0;
    let mut unaligned = Vec::new();
    let mut lines = Vec::new();
    for (n, pair) in suite.pair.iter().enumerate() {
        let out = judge_pair(&pair.a, &pair.b);
        let expected: Vec<DifferenceKind> = KINDS
            .iter()
            .copied()
            .filter(|&k| pair.kinds.iter().any(|s| s == kind_name(k)))
            .collect();
        for (k, c) in per_kind.iter_mut() {
            match (expected.contains(k), out.kinds.contains(k)) {
                (true, true) => c.tp += 1,
                (false, true) => c.fp += 1,
                (true, false) => c.fn_ += 1,
                (false, false) => {}
            }
        }
        let got_verdict = match out.verdict {
            Some(Verdict::Agreement) => "agreement",
            Some(Verdict::Difference) => "difference",
            Some(Verdict::Unique) => "unique",
            None => "unaligned",
        };
        let kinds_ok =
            expected.len() == out.kinds.len() && expected.iter().all(|k| out.kinds.contains(k));
        if got_verdict == pair.verdict && kinds_ok {
            verdicts_right += 1;
        } else {
            let got: Vec<&str> = out.kinds.iter().map(|&k| kind_name(k)).collect();
            lines.push(format!(
                "pair {} ({}): expected {} {:?}, got {} {:?}\n    a: {}\n    b: {}{}",
                n + 1,
                pair.group,
                pair.verdict,
                pair.kinds,
                got_verdict,
                got,
                pair.a,
                pair.b,
                out.details
                    .iter()
                    .map(|d| format!("\n    {d}"))
                    .collect::<String>()
            ));
        }
        if !out.aligned {
            unaligned.push(n + 1);
        }
    }
    Report {
        per_kind,
        pairs: suite.pair.len(),
        verdicts_right,
        unaligned,
        lines,
    }
}

pub fn print(report: &Report) {
    println!("difference suite: {} pairs", report.pairs);
    println!(
        "{:<9} {:>4} {:>4} {:>4} {:>9} {:>7}",
        "kind", "tp", "fp", "fn", "precision", "recall"
    );
    for (k, c) in &report.per_kind {
        println!(
            "{:<9} {:>4} {:>4} {:>4} {:>9.3} {:>7.3}",
            kind_name(*k),
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall()
        );
    }
    println!(
        "verdict and kinds exactly right: {}/{}; not aligned by the matcher: {:?}",
        report.verdicts_right, report.pairs, report.unaligned
    );
    for line in &report.lines {
        println!("{line}");
    }
}

pub const PRECISION_FLOOR: f64 = 0.95;
pub const RECALL_FLOOR: f64 = 0.90;

/// The kinds below their floors, as messages.
pub fn failures(report: &Report) -> Vec<String> {
    report
        .per_kind
        .iter()
        .filter(|(_, c)| c.precision() < PRECISION_FLOOR || c.recall() < RECALL_FLOOR)
        .map(|(k, c)| {
            format!(
                "{}: precision {:.3} (floor {PRECISION_FLOOR}), recall {:.3} (floor {RECALL_FLOOR})",
                kind_name(*k),
                c.precision(),
                c.recall()
            )
        })
        .collect()
}
