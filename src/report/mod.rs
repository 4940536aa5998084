//! Report: one findings model, rendered by one module per output format.
//!
//! [`CompareReport`] and [`ExtractReport`] are the serde models behind the JSON schema v1 of
//! DESIGN.md; the table, Markdown and diff renderers read the same models, so every format
//! shows the same findings.

pub mod check;
pub mod diff;
pub mod extract;
pub mod grid;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod table;

use crate::align::Contributions;
use crate::extract::quantity::{Quantity, QuantityKind};
use crate::judge::{DifferenceKind, Verdict};
use crate::segment::SentenceKind;
use crate::{Comparison, Document};
use rayon::prelude::*;
use serde::Serialize;

/// A document as reports name it.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentRef {
    /// `d1`, `d2`, …
    pub id: String,
    /// Path as given.
    pub path: String,
    /// Title, when known.
    pub title: Option<String>,
    /// Byline, when known.
    pub byline: Option<String>,
    /// Short column name for tables: the file stem.
    #[serde(skip)]
    pub short: String,
}

impl DocumentRef {
    fn new(doc: &Document) -> Self {
        DocumentRef {
            id: doc.id.clone(),
            path: doc.ingested.path.clone(),
            title: doc.ingested.title.clone(),
            byline: doc.ingested.byline.clone(),
            short: doc.short_name(),
        }
    }
}

/// One statement of a claim, located.
#[derive(Debug, Clone, Serialize)]
pub struct StatementOut {
    /// Document id.
    pub doc: String,
    /// Sentence id (`d1.s3`).
    pub sentence: String,
    /// The sentence.
    pub text: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// Byte offset of the start into the input.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
}

/// A typed difference, documents named by id.
#[derive(Debug, Clone, Serialize)]
pub struct DifferenceOut {
    /// What kind of disagreement.
    pub kind: DifferenceKind,
    /// The documents on the sides of it.
    pub docs: Vec<String>,
    /// What each side says.
    pub detail: String,
}

/// One claim in a report.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimOut {
    /// `c1`, `c2`, …
    pub id: String,
    /// Topic label.
    pub topic: String,
    /// Verdict.
    pub verdict: Verdict,
    /// Alignment confidence, 0..1, rounded to two decimals.
    pub score: f64,
    /// The statements, one per document.
    pub statements: Vec<StatementOut>,
    /// Reasons, when the verdict is a difference.
    pub differences: Vec<DifferenceOut>,
    /// Details only some sources give ("d2 adds: $26 billion"): not differences.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<String>,
    /// Why the statements met, pair by pair (only with `--explain`,
    /// [`CompareReport::explained`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub explain: Vec<PairExplanation>,
}

/// One matched pair of a claim and what its score came from.
#[derive(Debug, Clone, Serialize)]
pub struct PairExplanation {
    /// The two sentences, `d1.s3` and `d2.s5`.
    pub sentences: [String; 2],
    /// The pair's score, 0..1, rounded to two decimals.
    pub score: f64,
    /// Cosine of the two statements' meanings, rounded to two decimals.
    pub meaning: f64,
    /// Cosine of the meanings of the rest of the two articles, when both have more to say.
    pub articles: Option<f64>,
    /// What each kind of evidence added to the score's logit, rounded to two decimals: the
    /// pair met when the bias plus these came to 0 or more.
    pub contributions: Contributions,
    /// The bias those contributions are added to.
    pub bias: f64,
}

/// One value in the numbers table.
#[derive(Debug, Clone, Serialize)]
pub struct NumberValue {
    /// Document id.
    pub doc: String,
    /// Sentence id.
    pub sentence: String,
    /// The words as the source wrote them.
    pub text: String,
    /// Lower end, normalised.
    pub low: f64,
    /// Upper end, normalised.
    pub high: f64,
    /// ISO form of a date (`2019-02-27`, or `--03-14` without a year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub normalized: Option<String>,
}

/// A row of the numbers table: one measured thing, the values each source gives.
#[derive(Debug, Clone, Serialize)]
pub struct NumberRow {
    /// What the row measures.
    pub label: String,
    /// Normalised unit.
    pub unit: String,
    /// Kind of quantity.
    pub kind: QuantityKind,
    /// Whether the sources give incompatible values.
    pub conflict: bool,
    /// Claim the values come from.
    pub claim: String,
    /// The values, in document order.
    pub values: Vec<NumberValue>,
}

/// Totals for the summary line.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// All claims.
    pub claims: usize,
    /// Claims where sources agree.
    pub agreements: usize,
    /// Claims where sources differ.
    pub differences: usize,
    /// Claims made by one source only.
    pub unique: usize,
    /// Rows of the numbers table with a conflict.
    pub number_conflicts: usize,
}

/// The findings of `compare`: schema `factdiff.compare/1`.
#[derive(Debug, Clone, Serialize)]
pub struct CompareReport {
    /// Schema name and version.
    pub schema: &'static str,
    /// Inputs in order.
    pub documents: Vec<DocumentRef>,
    /// Claims: agreements and differences first, in the order of their first statement, then
    /// unique statements.
    pub claims: Vec<ClaimOut>,
    /// The numbers table.
    pub numbers: Vec<NumberRow>,
    /// Totals.
    pub summary: Summary,
}

/// The judgements in the order claims are reported: shared claims first (they are what the
/// comparison is about), then unique ones; inside each group, reading order.
fn claim_order(cmp: &Comparison) -> Vec<usize> {
    let mut order: Vec<usize> = (0..cmp.judgements.len()).collect();
    order.sort_by_key(|&k| {
        let j = &cmp.judgements[k];
        (j.verdict == Verdict::Unique, j.cluster.members[0])
    });
    order
}

fn sentence_id(doc: &Document, s: usize) -> String {
    format!("{}.s{}", doc.id, s + 1)
}

impl CompareReport {
    /// [`build`](Self::build), with each shared claim's pairs explained: the score of every
    /// matched pair and what it came from (`--explain`).
    pub fn explained(cmp: &Comparison) -> CompareReport {
        let mut report = Self::build(cmp);
        let round = |x: f64| (x * 100.0).round() / 100.0;
        for (claim, k) in report.claims.iter_mut().zip(claim_order(cmp)) {
            let cluster = &cmp.judgements[k].cluster;
            claim.explain = cluster
                .pairs
                .iter()
                .zip(&cluster.evidence)
                .map(|(&(a, b, score), signals)| {
                    let c = signals.contributions();
                    PairExplanation {
                        sentences: [
                            sentence_id(&cmp.documents[a.0], a.1),
                            sentence_id(&cmp.documents[b.0], b.1),
                        ],
                        score: round(score),
                        meaning: round(signals.meaning),
                        articles: signals.article.map(round),
                        contributions: Contributions {
                            wording: round(c.wording),
                            names: round(c.names),
                            numbers: round(c.numbers),
                            meaning: round(c.meaning),
                            articles: round(c.articles),
                        },
                        bias: round(crate::align::WEIGHTS[0]),
                    }
                })
                .collect();
        }
        report
    }

    /// Builds the findings model of a comparison.
    pub fn build(cmp: &Comparison) -> CompareReport {
        let docs = &cmp.documents;
        let order = claim_order(cmp);
        // Each claim is built on its own; rayon keeps them in order.
        let built: Vec<(ClaimOut, Vec<NumberRow>)> = order
            .par_iter()
            .enumerate()
            .map(|(n, &k)| {
                let j = &cmp.judgements[k];
                let id = format!("c{}", n + 1);
                let statements = j
                    .cluster
                    .members
                    .iter()
                    .map(|&(d, s)| {
                        let sent = &docs[d].sentences[s];
                        StatementOut {
                            doc: docs[d].id.clone(),
                            sentence: sentence_id(&docs[d], s),
                            text: sent.text.clone(),
                            line: sent.span.line,
                            column: sent.span.column,
                            start: sent.span.start,
                            end: sent.span.end,
                        }
                    })
                    .collect();
                let differences = j
                    .differences
                    .iter()
                    .map(|d| DifferenceOut {
                        kind: d.kind,
                        docs: d.docs.iter().map(|&i| docs[i].id.clone()).collect(),
                        detail: d.detail.clone(),
                    })
                    .collect();
                let conflict = j
                    .differences
                    .iter()
                    .any(|d| matches!(d.kind, DifferenceKind::Number | DifferenceKind::Date));
                let rows = number_rows(docs, &j.cluster.members, &id, conflict);
                let claim = ClaimOut {
                    id,
                    topic: j.topic.clone(),
                    verdict: j.verdict,
                    score: (j.cluster.score * 100.0).round() / 100.0,
                    statements,
                    differences,
                    extra: j.notes.clone(),
                    explain: Vec::new(),
                };
                (claim, rows)
            })
            .collect();
        let mut claims = Vec::with_capacity(built.len());
        let mut numbers = Vec::new();
        for (claim, rows) in built {
            claims.push(claim);
            numbers.extend(rows);
        }
        let summary = Summary {
            claims: claims.len(),
            agreements: count(&claims, Verdict::Agreement),
            differences: count(&claims, Verdict::Difference),
            unique: count(&claims, Verdict::Unique),
            number_conflicts: numbers.iter().filter(|r| r.conflict).count(),
        };
        CompareReport {
            schema: "factdiff.compare/1",
            documents: docs.iter().map(DocumentRef::new).collect(),
            claims,
            numbers,
            summary,
        }
    }
}

fn count(claims: &[ClaimOut], v: Verdict) -> usize {
    claims.iter().filter(|c| c.verdict == v).count()
}

/// Rows for the quantities of one claim: one row per unit (and period), values from every
/// statement that gives one. A conflict is marked on the rows whose values disagree.
///
/// A row's unit, kind and label do not depend on the order the documents were given in: they
/// are those most of its values share, worded from the value that comes first by document path
/// and place in the document.
fn number_rows(
    docs: &[Document],
    members: &[(usize, usize)],
    claim: &str,
    claim_conflict: bool,
) -> Vec<NumberRow> {
    // One row per measure: units that convert into each other ("miles", "km") share a row, so
    // the conversion the judge made is visible side by side. `same_measure` compares kind
    // family, base unit and period, so the rows do not depend on which value came first.
    let mut groups: Vec<Vec<(usize, usize, &Quantity)>> = Vec::new();
    for &(d, s) in members {
        for q in &docs[d].facts[s].quantities {
            if q.kind == QuantityKind::Ordinal {
                continue;
            }
            match groups
                .iter_mut()
                .find(|g| crate::judge::same_measure(g[0].2, q))
            {
                Some(group) => group.push((d, s, q)),
                None => groups.push(vec![(d, s, q)]),
            }
        }
    }
    groups
        .into_iter()
        .map(|group| {
            let (d, s, shown) = representative(docs, &group);
            let values: Vec<NumberValue> = group
                .iter()
                .map(|&(d, s, q)| NumberValue {
                    doc: docs[d].id.clone(),
                    sentence: sentence_id(&docs[d], s),
                    text: q.text.clone(),
                    low: q.low,
                    high: q.high,
                    normalized: q.normalized.clone(),
                })
                .collect();
            let mut row = NumberRow {
                label: label(&docs[d], s, shown),
                unit: shown.unit.clone(),
                kind: shown.kind,
                conflict: false,
                claim: claim.to_string(),
                values,
            };
            let qs: Vec<&Quantity> = group.iter().map(|&(_, _, q)| q).collect();
            row.conflict = claim_conflict && values_disagree(&row, &qs);
            row
        })
        .collect()
}

/// The value a row is named after: of the (kind, unit) most of the row's values share, the one
/// first by document path, then place in the document. Ties between (kind, unit) pairs go the
/// same way, so input order never decides.
fn representative<'a>(
    docs: &[Document],
    group: &[(usize, usize, &'a Quantity)],
) -> (usize, usize, &'a Quantity) {
    let place = |&(d, s, q): &(usize, usize, &Quantity)| {
        (
            docs[d].ingested.path.as_str(),
            s,
            q.start,
            docs[d].sentences[s].text.as_str(),
        )
    };
    // A row holds few distinct units, however many values: count them in a short list.
    let mut shares: Vec<(QuantityKind, &str, usize)> = Vec::new();
    for (_, _, q) in group {
        match shares
            .iter_mut()
            .find(|(kind, unit, _)| *kind == q.kind && *unit == q.unit)
        {
            Some(share) => share.2 += 1,
            None => shares.push((q.kind, &q.unit, 1)),
        }
    }
    let share = |q: &Quantity| {
        shares
            .iter()
            .find(|(kind, unit, _)| *kind == q.kind && *unit == q.unit)
            .map_or(0, |share| share.2)
    };
    let mut best = group[0];
    for &entry in &group[1..] {
        let by_share = share(entry.2).cmp(&share(best.2));
        if by_share.then_with(|| place(&best).cmp(&place(&entry))) == std::cmp::Ordering::Greater {
            best = entry;
        }
    }
    best
}

/// Whether the row holds a value from one statement that no value of another statement in
/// the row is compatible with, while that statement's values are likewise unmatched: the
/// judge's rule, so the table marks exactly the conflicts the verdict names.
fn values_disagree(row: &NumberRow, qs: &[&Quantity]) -> bool {
    // Values arrive grouped by statement, so neighbours with the same sentence are one side.
    let mut sentences: Vec<&String> = row.values.iter().map(|v| &v.sentence).collect();
    sentences.dedup();
    let side = |s: &String| -> Vec<&Quantity> {
        row.values
            .iter()
            .zip(qs)
            .filter(|(v, _)| &v.sentence == s)
            .map(|(_, q)| *q)
            .collect()
    };
    let lonely = |p: &[&Quantity], o: &[&Quantity]| {
        p.iter()
            .any(|x| !o.iter().any(|y| crate::judge::compatible(x, y)))
    };
    for (i, sa) in sentences.iter().enumerate() {
        for sb in sentences.iter().skip(i + 1) {
            let (xs, ys) = (side(sa), side(sb));
            if lonely(&xs, &ys) && lonely(&ys, &xs) {
                return true;
            }
        }
    }
    false
}

/// A short description of what a quantity measures: the words that come after it in its
/// clause, or those before it when nothing follows.
fn label(doc: &Document, s: usize, q: &Quantity) -> String {
    let sentence = &doc.sentences[s];
    let text = &sentence.text;
    let start = text.find(q.text.as_str()).unwrap_or(0);
    let end = start + q.text.len();
    let clause_after: String = text[end..]
        .split([',', ';', '.', '–', '—', ':', '(', ')'])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    let context = if clause_after.split_whitespace().count() >= 2 {
        clause_after
    } else {
        let before = &text[..start];
        let clause = before
            .rsplit([',', ';', '–', '—', ':', '(', ')'])
            .next()
            .unwrap_or("");
        let words: Vec<&str> = clause.split_whitespace().collect();
        words[words.len().saturating_sub(5)..].join(" ")
    };
    context
}

/// One sentence of `extract`'s report.
#[derive(Debug, Clone, Serialize)]
pub struct SentenceOut {
    /// `d1.s3`.
    pub id: String,
    /// The sentence.
    pub text: String,
    /// Byte offset of the start into the input.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// statement, heading, question or boilerplate.
    pub kind: SentenceKind,
    /// Quantities, with byte offsets into the input.
    pub quantities: Vec<Quantity>,
    /// Canonical entities.
    pub entities: Vec<String>,
    /// The negation cue, if any.
    pub negation: Option<String>,
    /// The hedge cue, if any.
    pub hedge: Option<String>,
    /// Quoted passages.
    pub quotes: Vec<String>,
}

/// One document of `extract`'s report.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentOut {
    /// `d1`.
    pub id: String,
    /// Path as given.
    pub path: String,
    /// Title, when known.
    pub title: Option<String>,
    /// Byline, when known.
    pub byline: Option<String>,
    /// Every sentence.
    pub sentences: Vec<SentenceOut>,
}

/// The findings of `extract`: schema `factdiff.extract/1`.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractReport {
    /// Schema name and version.
    pub schema: &'static str,
    /// Documents in input order.
    pub documents: Vec<DocumentOut>,
}

impl ExtractReport {
    /// Builds the model from read documents.
    pub fn build(docs: &[Document]) -> ExtractReport {
        ExtractReport {
            schema: "factdiff.extract/1",
            documents: docs
                .iter()
                .map(|doc| DocumentOut {
                    id: doc.id.clone(),
                    path: doc.ingested.path.clone(),
                    title: doc.ingested.title.clone(),
                    byline: doc.ingested.byline.clone(),
                    sentences: doc
                        .sentences
                        .iter()
                        .zip(&doc.facts)
                        .enumerate()
                        .map(|(s, (sent, facts))| SentenceOut {
                            id: sentence_id(doc, s),
                            text: sent.text.clone(),
                            start: sent.span.start,
                            end: sent.span.end,
                            line: sent.span.line,
                            column: sent.span.column,
                            kind: sent.kind,
                            quantities: facts.quantities.clone(),
                            entities: facts.entities.clone(),
                            negation: facts.negation.clone(),
                            hedge: facts.hedge.clone(),
                            quotes: facts.quotes.iter().map(|q| q.text.clone()).collect(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// Formats a normalised interval compactly: `10,000–12,000`, `150,000,000,000`.
pub fn format_interval(low: f64, high: f64) -> String {
    if low == high {
        format_number(low)
    } else {
        format!("{}–{}", format_number(low), format_number(high))
    }
}

/// Formats a number with thousands separators and at most three decimals.
pub fn format_number(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let abs = v.abs();
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if abs >= scale {
            let x = v / scale;
            let s = format!("{x:.3}");
            let s = s.trim_end_matches('0').trim_end_matches('.');
            return format!("{s} {word}");
        }
    }
    let rounded = (v * 1000.0).round() / 1000.0;
    let int = rounded.trunc() as i64;
    let frac = (rounded - int as f64).abs();
    let digits = int.abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if v < 0.0 { "-" } else { "" };
    if frac > 0.0 {
        let f = format!("{frac:.3}");
        format!(
            "{sign}{grouped}{}",
            f.trim_start_matches('0').trim_end_matches('0')
        )
    } else {
        format!("{sign}{grouped}")
    }
}
