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
    // Pairwise comparison decides which kinds of disagreement exist and who is involved; the
    // detail then states each involved document's side once.
    let mut involved: Vec<(DifferenceKind, String, Vec<usize>)> = Vec::new();
    let mut involve = |kind: DifferenceKind, unit: &str, a: usize, b: usize| {
        let slot = match involved
            .iter()
            .position(|(k, u, _)| *k == kind && u == unit)
        {
            Some(i) => i,
            None => {
                involved.push((kind, unit.to_string(), Vec::new()));
                involved.len() - 1
            }
        };
        for m in [a, b] {
            if !involved[slot].2.contains(&m) {
                involved[slot].2.push(m);
            }
        }
    };
    for (x, &a) in members.iter().enumerate() {
        for (y, &b) in members.iter().enumerate().skip(x + 1) {
            let (fa, fb) = (facts(docs, a), facts(docs, b));
            for (kind, qa, _) in quantity_conflicts(&fa.quantities, &fb.quantities) {
                involve(kind, &qa[0].unit, x, y);
            }
            if fa.negation.is_some() != fb.negation.is_some() {
                involve(DifferenceKind::Negation, "", x, y);
            }
            if fa.hedge.is_some() != fb.hedge.is_some() {
                involve(DifferenceKind::Hedge, "", x, y);
            }
        }
    }
    let mut out: Vec<Difference> = Vec::new();
    for (kind, unit, mut who) in involved {
        who.sort_unstable();
        let sides: Vec<String> = who
            .iter()
            .map(|&m| {
                let r = members[m];
                let f = facts(docs, r);
                let id = &docs[r.0].id;
                match kind {
                    DifferenceKind::Negation => match &f.negation {
                        Some(cue) => format!("{id} denies (“{cue}”)"),
                        None => format!("{id} asserts"),
                    },
                    DifferenceKind::Hedge => match &f.hedge {
                        Some(cue) => format!("{id} hedges (“{cue}”)"),
                        None => format!("{id} asserts"),
                    },
                    _ => {
                        let qs: Vec<&Quantity> = f
                            .quantities
                            .iter()
                            .filter(|q| {
                                q.unit.eq_ignore_ascii_case(&unit)
                                    && q.kind != QuantityKind::Ordinal
                            })
                            .collect();
                        format!("{id} {}", join_texts(&qs))
                    }
                }
            })
            .collect();
        let mut doc_ids: Vec<usize> = who.iter().map(|&m| members[m].0).collect();
        doc_ids.dedup();
        let detail = sides.join(" · ");
        match out.iter_mut().find(|d| d.kind == kind) {
            Some(d) => {
                d.detail.push_str("; ");
                d.detail.push_str(&detail);
                d.docs.extend(doc_ids);
                d.docs.sort_unstable();
                d.docs.dedup();
            }
            None => out.push(Difference {
                kind,
                docs: doc_ids,
                detail,
            }),
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
