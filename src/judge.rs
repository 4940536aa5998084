//! Judge: a verdict for every claim, typed differences, and the numbers each source gives.
//!
//! Owns the comparison of facts inside a claim. A claim with one statement is `unique`; one
//! whose statements disagree on a quantity, a year, polarity or hedging is a `difference`
//! naming the documents on each side; anything else is an `agreement`. Quantities are compared
//! as intervals: ranges that overlap, values within rounding, and approximations that cover
//! each other agree; a rate is never compared with a total.

use crate::align::{Cluster, StatementRef};
use crate::extract::quantity::{Bound, Quantity, QuantityKind};
use crate::extract::Facts;
use crate::Document;
use serde::Serialize;

/// The verdict on one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Several sources say the same thing.
    Agreement,
    /// Sources report the same fact differently.
    Difference,
    /// Only one source says it.
    Unique,
}

/// Why statements of one claim disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum DifferenceKind {
    /// Incompatible values for the same quantity.
    Number,
    /// Different years or dates.
    Date,
    /// A different actor or place in the same role.
    Entity,
    /// One source denies what another asserts.
    Negation,
    /// One source asserts what another only reports or speculates.
    Hedge,
    /// Different words attributed to the same speaker.
    Quote,
}

/// One typed disagreement inside a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// What kind of disagreement.
    pub kind: DifferenceKind,
    /// Indices of the documents involved, ascending.
    pub docs: Vec<usize>,
    /// What each side says, in words.
    pub detail: String,
}

/// A claim with its verdict.
#[derive(Debug, Clone)]
pub struct Judgement {
    /// The aligned statements.
    pub cluster: Cluster,
    /// Agreement, difference or unique.
    pub verdict: Verdict,
    /// Typed reasons when the verdict is a difference.
    pub differences: Vec<Difference>,
    /// Topic label.
    pub topic: String,
}

/// A topic label and the words that signal it: content words (matched by stem) or entity
/// names (matched whole, ignoring case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// The label claims get.
    pub label: String,
    /// Stems of the signal words.
    stems: Vec<String>,
    /// Lowercase signal words, for entity names.
    words: Vec<String>,
}

impl Topic {
    /// A topic from plain words, as users write them in configuration.
    pub fn new(label: &str, words: &[String]) -> Topic {
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        Topic {
            label: label.to_string(),
            stems: words.iter().map(|w| stemmer.stem(w).into_owned()).collect(),
            words,
        }
    }

    fn hits(&self, facts: &Facts) -> usize {
        let terms = facts
            .terms
            .iter()
            .filter(|t| self.stems.contains(t))
            .count();
        let entities = facts
            .entities
            .iter()
            .filter(|e| self.words.iter().any(|w| e.eq_ignore_ascii_case(w)))
            .count();
        terms + entities
    }
}

/// The built-in topics for news about diplomacy and security.
pub fn builtin_topics() -> Vec<Topic> {
    TOPICS
        .iter()
        .map(|(label, words)| {
            Topic::new(
                label,
                &words.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
            )
        })
        .collect()
}

/// Judges every cluster with the built-in topics.
pub fn judge(docs: &[Document], clusters: Vec<Cluster>) -> Vec<Judgement> {
    judge_with(docs, clusters, &[])
}

/// Judges every cluster. A claim takes the best-fitting of the user's `topics` when any fits,
/// else the best built-in topic; among equals, the earlier topic.
pub fn judge_with(docs: &[Document], clusters: Vec<Cluster>, topics: &[Topic]) -> Vec<Judgement> {
    let builtin = builtin_topics();
    clusters
        .into_iter()
        .map(|cluster| {
            let differences = differences(docs, &cluster.members);
            let verdict = if cluster.members.len() < 2 {
                Verdict::Unique
            } else if differences.is_empty() {
                Verdict::Agreement
            } else {
                Verdict::Difference
            };
            let topic = best_topic(docs, &cluster.members, topics)
                .or_else(|| best_topic(docs, &cluster.members, &builtin))
                .unwrap_or_else(|| "other".to_string());
            Judgement {
                cluster,
                verdict,
                differences,
                topic,
            }
        })
        .collect()
}

fn facts(docs: &[Document], r: StatementRef) -> &Facts {
    &docs[r.0].facts[r.1]
}

fn differences(docs: &[Document], members: &[StatementRef]) -> Vec<Difference> {
    let mut out: Vec<Difference> = Vec::new();
    let mut add = |kind: DifferenceKind, a: usize, b: usize, detail: String| {
        if let Some(d) = out.iter_mut().find(|d| d.kind == kind) {
            for doc in [a, b] {
                if !d.docs.contains(&doc) {
                    d.docs.push(doc);
                }
            }
            d.docs.sort_unstable();
            if !d.detail.contains(&detail) {
                d.detail.push_str("; ");
                d.detail.push_str(&detail);
            }
        } else {
            out.push(Difference {
                kind,
                docs: vec![a.min(b), a.max(b)],
                detail,
            });
        }
    };
    for (x, &a) in members.iter().enumerate() {
        for &b in &members[x + 1..] {
            let (fa, fb) = (facts(docs, a), facts(docs, b));
            let (ida, idb) = (&docs[a.0].id, &docs[b.0].id);
            for (kind, qa, qb) in quantity_conflicts(&fa.quantities, &fb.quantities) {
                add(
                    kind,
                    a.0,
                    b.0,
                    format!("{ida}: {} vs {idb}: {}", join_texts(&qa), join_texts(&qb)),
                );
            }
            match (&fa.negation, &fb.negation) {
                (Some(cue), None) => add(
                    DifferenceKind::Negation,
                    a.0,
                    b.0,
                    format!("{ida} denies (“{cue}”), {idb} asserts"),
                ),
                (None, Some(cue)) => add(
                    DifferenceKind::Negation,
                    a.0,
                    b.0,
                    format!("{idb} denies (“{cue}”), {ida} asserts"),
                ),
                _ => {}
            }
            match (&fa.hedge, &fb.hedge) {
                (Some(cue), None) => add(
                    DifferenceKind::Hedge,
                    a.0,
                    b.0,
                    format!("{ida} hedges (“{cue}”), {idb} asserts"),
                ),
                (None, Some(cue)) => add(
                    DifferenceKind::Hedge,
                    a.0,
                    b.0,
                    format!("{idb} hedges (“{cue}”), {ida} asserts"),
                ),
                _ => {}
            }
        }
    }
    out.sort_by_key(|d| d.kind);
    out
}

fn join_texts(qs: &[&Quantity]) -> String {
    qs.iter()
        .map(|q| q.text.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which quantities are comparable: same kind family, unit and period.
fn comparable(a: &Quantity, b: &Quantity) -> bool {
    let family = |k: QuantityKind| match k {
        QuantityKind::Year | QuantityKind::Date => 0,
        QuantityKind::Rate => 1,
        QuantityKind::Ordinal => 2,
        _ => 3,
    };
    family(a.kind) == family(b.kind)
        && a.kind != QuantityKind::Ordinal
        && a.unit.eq_ignore_ascii_case(&b.unit)
        && a.per == b.per
}

/// The interval a quantity admits, widened for rounding and for hedges such as "about".
pub fn interval(q: &Quantity) -> (f64, f64) {
    let slack = if q.approx { 0.10 } else { 0.03 };
    let (mut low, mut high) = (q.low.min(q.high), q.low.max(q.high));
    if matches!(q.kind, QuantityKind::Year | QuantityKind::Date) {
        return (low, high);
    }
    low -= low.abs() * slack;
    high += high.abs() * slack;
    match q.bound {
        Bound::Exact => (low, high),
        Bound::AtLeast => (low, f64::INFINITY),
        Bound::AtMost => (f64::NEG_INFINITY.max(0.0_f64.min(low)), high),
    }
}

fn overlaps(a: &Quantity, b: &Quantity) -> bool {
    let (al, ah) = interval(a);
    let (bl, bh) = interval(b);
    al <= bh && bl <= ah
}

/// Conflicts between the quantities of two statements: for each unit both give, the values
/// that find no compatible partner on the other side. Extra values on one side only are
/// detail, not conflict.
fn quantity_conflicts<'a>(
    a: &'a [Quantity],
    b: &'a [Quantity],
) -> Vec<(DifferenceKind, Vec<&'a Quantity>, Vec<&'a Quantity>)> {
    let mut out = Vec::new();
    let mut done: Vec<usize> = Vec::new();
    for (i, qa) in a.iter().enumerate() {
        if done.contains(&i) {
            continue;
        }
        let same_a: Vec<usize> = (i..a.len()).filter(|&k| comparable(qa, &a[k])).collect();
        done.extend(&same_a);
        let same_b: Vec<&Quantity> = b.iter().filter(|qb| comparable(qa, qb)).collect();
        if same_b.is_empty() {
            continue;
        }
        let lonely_a: Vec<&Quantity> = same_a
            .iter()
            .map(|&k| &a[k])
            .filter(|x| !same_b.iter().any(|y| overlaps(x, y)))
            .collect();
        let lonely_b: Vec<&Quantity> = same_b
            .iter()
            .copied()
            .filter(|y| !same_a.iter().any(|&k| overlaps(&a[k], y)))
            .collect();
        if !lonely_a.is_empty() && !lonely_b.is_empty() {
            let kind = if matches!(qa.kind, QuantityKind::Year | QuantityKind::Date) {
                DifferenceKind::Date
            } else {
                DifferenceKind::Number
            };
            out.push((kind, lonely_a, lonely_b));
        }
    }
    out
}

/// Built-in topics: a label and the words that signal it.
const TOPICS: &[(&str, &[&str])] = &[
    (
        "summits and diplomacy",
        &[
            "summit",
            "diplomacy",
            "diplomatic",
            "negotiations",
            "dialogue",
            "engagement",
            "talks",
        ],
    ),
    (
        "Russia ties",
        &["Russia", "Ukraine", "deployed", "troops", "war"],
    ),
    (
        "weapons programme",
        &[
            "nuclear",
            "missile",
            "weapon",
            "ICBM",
            "arsenal",
            "enrichment",
            "denuclearization",
            "fired",
            "test",
        ],
    ),
    (
        "military drills",
        &["exercises", "provocations", "invasion"],
    ),
    (
        "economy and investment",
        &[
            "investment",
            "billion",
            "economic",
            "trade",
            "buy",
            "tariffs",
            "sanctions",
        ],
    ),
    ("China", &["China"]),
];

fn best_topic(docs: &[Document], members: &[StatementRef], topics: &[Topic]) -> Option<String> {
    let scores: Vec<usize> = topics
        .iter()
        .map(|t| members.iter().map(|&r| t.hits(facts(docs, r))).sum())
        .collect();
    // Highest score wins; among equals, the earlier topic.
    match scores
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
    {
        Some((k, &s)) if s > 0 => Some(topics[k].label.clone()),
        _ => None,
    }
}
