//! Fits the matcher's weights ([`WEIGHTS`], [`ARTICLE_FLOOR`]) on the tuning parts of the
//! evaluation sets, and prints what the fitted and the shipped weights reach on both parts.
//!
//! Pairs are taken as the matcher meets them, with no background statistics (as the command
//! line runs): every MRPC pair and every ECB+ pair aligned as two one-sentence documents,
//! keeping the signals of the best candidate pair ([`Signals`]); and for every ECB+ topic, the
//! candidate pairs of one comparison over all its articles ([`candidate_pairs`]) that the
//! data set annotates, which is where the whole articles' similarity tells two events of one
//! kind apart.
//!
//! The model: the hand-set lexical logit ([`LEXICAL`]) plus `c · meaning + g · article_gap +
//! b`, searched on a grid. A free logistic fit on MRPC's labels learns that a clash of numbers
//! or a less similar wording means "not a paraphrase", which is right for MRPC and wrong for
//! factdiff, whose claims must hold exactly those pairs so the judge can report the
//! difference; and the labels of the three sets mean different things (same meaning, same
//! event). So the grid maximises what the evaluations measure, on the tuning parts only:
//! MRPC accuracy, plus ECB+ pair F1 while matching at most 20% of cross-event pairs, plus
//! ECB+ topic-candidate F1 while matching at most 10% of them.
//!
//! The split is the evaluations' (`support/split.rs`): MRPC pairs by position, ECB+ by topic.
//! The fitted weights are printed ready to paste into `src/align.rs`.
//!
//! Run with `cargo run --release --example fit_matcher`. `FACTDIFF_SHARED` overrides the
//! location of the shared directory.

use ecb_pairs::{ecb_pairs, topic_parts};
use factdiff::align::{
    candidate_pairs, score_with, Signals, StatementRef, SIGNALS, SIGNAL_NAMES, WEIGHTS,
};
use factdiff::{Document, InputFormat};
use split::Part;
use std::collections::HashMap;
use std::path::Path;

#[path = "support/ecb_pairs.rs"]
mod ecb_pairs;
#[path = "support/shared.rs"]
mod shared;
#[path = "support/split.rs"]
mod split;

/// The hand-set weights of the lexical signals (bias first, then the first eight signals),
/// kept as one feature: the fit adds meaning and the articles' similarity to their logit.
const LEXICAL: [f64; 9] = [-4.0, 7.0, 0.0, 0.0, 2.5, 2.0, 1.5, 0.0, 0.0];

/// The grid's meaning weights go up to 8 (in steps of 0.5). Beyond that, meaning outweighs
/// shared names and figures when two statements compete for one partner, and the seed
/// articles' pinned pairings (`eval_seeds`) fail: "10,000 to 12,000 troops" loses its partner
/// to a vaguer sentence about ties with Russia that is merely closer in overall sense.
const MAX_MEANING_STEPS: u32 = 16;

/// Highest share of cross-event pairs matched, for ECB+ pairs and for topic candidates.
const PAIRS_CAP: f64 = 0.20;
const TOPICS_CAP: f64 = 0.10;

#[derive(Clone, Copy)]
struct Pair {
    label: bool,
    /// ECB+ only: same topic, different real event.
    hard: bool,
    signals: Signals,
}

/// One point of the grid: the weight of meaning above its floor, that floor, the weight of
/// the articles' gap below their floor, and that floor.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Model {
    meaning: f64,
    meaning_floor: f64,
    gap: f64,
    floor: f64,
}

impl Model {
    fn logit(&self, s: &Signals) -> f64 {
        let x = s.as_array();
        let lexical = LEXICAL[0] + LEXICAL[1..].iter().zip(&x).map(|(w, x)| w * x).sum::<f64>();
        let excess = if s.numbers > 0.0 || s.number_clash > 0.0 {
            0.0
        } else {
            ((s.meaning - self.meaning_floor) / (1.0 - self.meaning_floor)).max(0.0)
        };
        let gap = s
            .article
            .map_or(0.0, |a| ((self.floor - a) / self.floor).max(0.0));
        lexical + self.meaning * excess + self.gap * gap
    }

    /// As weights over every signal, for `score_with` and `src/align.rs`.
    fn weights(&self) -> [f64; SIGNALS + 1] {
        let mut w = [0.0; SIGNALS + 1];
        w[..LEXICAL.len()].copy_from_slice(&LEXICAL);
        let at = |name: &str| 1 + SIGNAL_NAMES.iter().position(|n| *n == name).unwrap();
        w[at("meaning_excess")] = self.meaning;
        w[at("article_gap")] = self.gap;
        w
    }
}

fn fail(msg: String) -> ! {
    eprintln!("error: {msg} (set FACTDIFF_SHARED)");
    std::process::exit(2)
}

fn document(id: &str, text: &str) -> Option<Document> {
    Document::read(id, "d.txt", text.as_bytes(), InputFormat::Text).ok()
}

/// The signals of the best-scoring candidate pair between two sentences.
fn pair_signals(a: &str, b: &str) -> Signals {
    let docs: Vec<Document> = [("d1", a), ("d2", b)]
        .into_iter()
        .filter_map(|(id, t)| document(id, t))
        .collect();
    candidate_pairs(&docs, None)
        .into_iter()
        .map(|(_, _, s)| s)
        .max_by(|x, y| x.score().total_cmp(&y.score()))
        .unwrap_or_default()
}

fn mrpc(shared: &Path) -> [Vec<Pair>; 2] {
    let path = shared.join("data/mrpc/train.tsv");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
    let mut out = [Vec::new(), Vec::new()];
    for (i, line) in text.lines().skip(1).enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() >= 5 {
            out[Part::of(i) as usize].push(Pair {
                label: f[0] == "1",
                hard: false,
                signals: pair_signals(f[3], f[4]),
            });
        }
    }
    out
}

/// ECB+ pairs as one-sentence documents, and the annotated candidate pairs of each topic's
/// comparison over all its articles.
fn ecb(shared: &Path) -> ([Vec<Pair>; 2], [Vec<Pair>; 2]) {
    let pairs = ecb_pairs(shared);
    let parts = topic_parts(&pairs);
    let mut sentences = [Vec::new(), Vec::new()];
    for p in &pairs {
        sentences[parts[&p.topic] as usize].push(Pair {
            label: p.same,
            hard: p.hard,
            signals: pair_signals(&p.text_a, &p.text_b),
        });
    }
    let mut topics = [Vec::new(), Vec::new()];
    let articles = shared::ecb_articles(shared).unwrap_or_else(|e| fail(e));
    let mut names: Vec<&String> = parts.keys().collect();
    names.sort();
    for topic in names {
        let dir = shared.join("data/ecbplus/val_docs").join(topic);
        let files: Vec<_> = articles.iter().filter(|p| p.starts_with(&dir)).collect();
        let docs: Vec<Document> = files
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                let bytes = std::fs::read(f).ok()?;
                Document::read(
                    &format!("d{}", i + 1),
                    &f.display().to_string(),
                    &bytes,
                    InputFormat::Text,
                )
                .ok()
            })
            .collect();
        let doc_of: HashMap<String, usize> = files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.file_stem().unwrap().to_string_lossy().to_string(), i))
            .collect();
        // Annotated pairs by the sentences they join (line → sentence as eval_matching does).
        let sentence_at = |d: usize, line: usize| {
            docs[d]
                .sentences
                .iter()
                .rposition(|s| s.span.line <= line + 1)
        };
        let mut label: HashMap<(StatementRef, StatementRef), (bool, bool)> = HashMap::new();
        for p in pairs.iter().filter(|p| &p.topic == topic) {
            let locate = |(name, line): &(String, usize)| {
                let d = *doc_of.get(name)?;
                Some((d, sentence_at(d, *line)?))
            };
            if let (Some(a), Some(b)) = (locate(&p.a), locate(&p.b)) {
                label.insert((a.min(b), a.max(b)), (p.same, p.hard));
            }
        }
        for (a, b, s) in candidate_pairs(&docs, None) {
            if let Some(&(same, hard)) = label.get(&(a.min(b), a.max(b))) {
                topics[parts[topic] as usize].push(Pair {
                    label: same,
                    hard,
                    signals: s,
                });
            }
        }
    }
    (sentences, topics)
}

/// Accuracy, F1 and share of hard negatives matched when `matched` says which pairs match.
fn figures(pairs: &[Pair], matched: impl Fn(&Pair) -> bool) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fn_, mut tn, mut hard, mut hard_matched) = (0, 0, 0, 0, 0, 0);
    for p in pairs {
        let m = matched(p);
        match (p.label, m) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            (false, false) => tn += 1,
        }
        if p.hard {
            hard += 1;
            hard_matched += usize::from(m);
        }
    }
    let total = (tp + fp + fn_ + tn).max(1) as f64;
    (
        (tp + tn) as f64 / total,
        2.0 * tp as f64 / (2 * tp + fp + fn_).max(1) as f64,
        hard_matched as f64 / hard.max(1) as f64,
    )
}

/// What the grid maximises on one part: MRPC accuracy, plus each ECB+ set's F1 when it keeps
/// within its cross-event cap (a set over its cap adds nothing).
fn objective(model: &Model, m: &[Pair], e: &[Pair], t: &[Pair]) -> f64 {
    let matched = |p: &Pair| model.logit(&p.signals) >= 0.0;
    let (accuracy, _, _) = figures(m, matched);
    let capped = |pairs: &[Pair], cap: f64| {
        let (_, f1, hard) = figures(pairs, matched);
        if hard <= cap {
            f1
        } else {
            0.0
        }
    };
    accuracy + capped(e, PAIRS_CAP) + capped(t, TOPICS_CAP)
}

fn main() {
    let shared = shared::dir();
    let m = mrpc(&shared);
    let (e, t) = ecb(&shared);
    // The grid, searched in a fixed order; a later point wins only when strictly better.
    let mut best = (
        f64::NEG_INFINITY,
        Model {
            meaning: 0.0,
            meaning_floor: 0.7,
            gap: 0.0,
            floor: 0.8,
        },
    );
    for meaning in (0..=MAX_MEANING_STEPS).map(|k| f64::from(k) * 0.5) {
        for meaning_floor in (10..=18).map(|k| f64::from(k) * 0.05) {
            for gap in (0..=10).map(|k| -f64::from(k) * 2.0) {
                for floor in (10..=19).map(|k| f64::from(k) * 0.05) {
                    let model = Model {
                        meaning,
                        meaning_floor,
                        gap,
                        floor,
                    };
                    let j = objective(&model, &m[0], &e[0], &t[0]);
                    if j > best.0 {
                        best = (j, model);
                    }
                }
            }
        }
    }
    let fitted = best.1;
    let sets = [
        ("MRPC pairs", &m),
        ("ECB+ pairs", &e),
        ("ECB+ topic candidates", &t),
    ];
    let shipped = |p: &Pair| score_with(&WEIGHTS, &p.signals.as_array()) >= 0.5;
    let fit = |p: &Pair| fitted.logit(&p.signals) >= 0.0;
    for (name, matched) in [
        ("shipped", &shipped as &dyn Fn(&Pair) -> bool),
        ("fitted", &fit),
    ] {
        for (set, parts) in sets {
            for part in Part::BOTH {
                let pairs = &parts[part as usize];
                let (accuracy, f1, hard) = figures(pairs, matched);
                println!(
                    "{name:8} {set:22} {:5} ({:5} pairs): accuracy {accuracy:.3}  F1 {f1:.3}  cross-event matched {:.1}%",
                    part.name(),
                    pairs.len(),
                    100.0 * hard
                );
            }
        }
    }
    println!(
        "fitted on the tuning parts: {fitted:?} (objective {:.3})",
        best.0
    );
    let paste: Vec<String> = fitted.weights().iter().map(|w| format!("{w:.2}")).collect();
    println!(
        "pub const WEIGHTS: [f64; SIGNALS + 1] = [{}];",
        paste.join(", ")
    );
    println!(
        "pub const MEANING_FLOOR: f64 = {:.2};",
        fitted.meaning_floor
    );
    println!("pub const ARTICLE_FLOOR: f64 = {:.2};", fitted.floor);
}
