//! Align: group statements from all documents into claims, each claim one fact.
//!
//! Owns candidate search and pairing. Statements meet only the partners an inverted index over
//! their content terms and entities proposes, so the cost follows the number of shared rare
//! features rather than the square of the number of statements. Each candidate pair is scored
//! from several signals ([`Signals`]); pairs that are each other's best match across two
//! documents are joined, strongest first, into claims that hold at most one statement per
//! document.

use crate::extract::Facts;
use crate::Document;
use std::collections::HashMap;

/// A statement's address: document index and sentence index within it.
pub type StatementRef = (usize, usize);

/// Statements that say the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Members ordered by document, then sentence.
    pub members: Vec<StatementRef>,
    /// Mean score of the pairs that joined the members (1.0 for a single statement).
    pub score: f64,
    /// Scored pairs inside the cluster, strongest first.
    pub pairs: Vec<(StatementRef, StatementRef, f64)>,
}

/// The evidence that two statements say the same thing.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Signals {
    /// Cosine of IDF-weighted content terms.
    pub terms: f64,
    /// IDF-weighted overlap of canonical entities (Dice).
    pub entities: f64,
    /// Share of adjacent term pairs (bigrams) in common (Dice).
    pub bigrams: f64,
    /// Share of quantities with equal value and unit (Dice).
    pub numbers: f64,
}

impl Signals {
    /// Probability-like score in 0..1 from a logistic combination of the signals.
    pub fn score(&self) -> f64 {
        let z = WEIGHTS.bias
            + WEIGHTS.terms * self.terms
            + WEIGHTS.entities * self.entities
            + WEIGHTS.bigrams * self.bigrams
            + WEIGHTS.numbers * self.numbers;
        1.0 / (1.0 + (-z).exp())
    }
}

struct Weights {
    bias: f64,
    terms: f64,
    entities: f64,
    bigrams: f64,
    numbers: f64,
}

/// Logistic weights. Set by hand on the example articles; a calibration on paraphrase pairs
/// replaces them when the matcher evaluation lands.
const WEIGHTS: Weights = Weights {
    bias: -4.0,
    terms: 7.0,
    entities: 2.5,
    bigrams: 2.0,
    numbers: 1.5,
};

/// Size of the imaginary background corpus in the IDF formula.
const IDF_PRIOR: f64 = 50.0;

/// Pairs scoring below this never join a claim.
pub const MIN_SCORE: f64 = 0.5;

/// Features shared by more statements than this are too common to propose candidates (they
/// still count when a proposed pair is scored).
fn posting_cap(statements: usize) -> usize {
    (statements / 10).max(64)
}

#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
    keys: Vec<String>,
}

impl Interner {
    fn id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.keys.len() as u32;
        self.ids.insert(key.to_string(), id);
        self.keys.push(key.to_string());
        id
    }
}

/// The features a statement is matched on, as strings: stems, `@entity`, `stem stem`
/// bigrams and `#low:high:unit` quantities.
struct FeatureKeys {
    terms: Vec<String>,
    entities: Vec<String>,
    bigrams: Vec<String>,
    numbers: Vec<String>,
}

impl FeatureKeys {
    fn of(facts: &Facts) -> FeatureKeys {
        FeatureKeys {
            terms: facts.terms.clone(),
            entities: facts.entities.iter().map(|e| format!("@{e}")).collect(),
            bigrams: facts
                .terms
                .windows(2)
                .map(|w| format!("{} {}", w[0], w[1]))
                .collect(),
            numbers: facts
                .quantities
                .iter()
                .map(|q| format!("#{}:{}:{}", q.low, q.high, q.unit))
                .collect(),
        }
    }

    fn distinct(&self) -> Vec<&String> {
        let mut all: Vec<&String> = self
            .terms
            .iter()
            .chain(&self.entities)
            .chain(&self.bigrams)
            .chain(&self.numbers)
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// Statement frequencies from a larger body of text, so that IDF is meaningful when only a
/// few short documents are compared (and comparable across runs).
#[derive(Debug, Clone, Default)]
pub struct Background {
    statements: usize,
    df: HashMap<String, u32>,
}

impl Background {
    /// Counts, for every feature, how many of the given statements carry it.
    pub fn from_facts<'a>(statements: impl IntoIterator<Item = &'a Facts>) -> Background {
        let mut bg = Background::default();
        for facts in statements {
            bg.statements += 1;
            for key in FeatureKeys::of(facts).distinct() {
                *bg.df.entry(key.clone()).or_default() += 1;
            }
        }
        bg
    }

    fn df(&self, key: &str) -> u32 {
        self.df.get(key).copied().unwrap_or(0)
    }
}

/// Interned terms, entities, bigrams and numbers of one statement.
type FeatureIds = (Vec<u32>, Vec<u32>, Vec<u32>, Vec<u32>);

/// One statement reduced to weighted feature ids.
struct Profile {
    doc: usize,
    sentence: usize,
    /// (feature id, weight), sorted by id; terms and entities share the id space.
    features: Vec<(u32, f64)>,
    norm: f64,
    entities: Vec<u32>,
    bigrams: Vec<u32>,
    numbers: Vec<u32>,
}

/// Groups the comparable statements of `docs` into clusters. Every comparable statement ends
/// up in exactly one cluster; clusters are ordered by their first member.
pub fn align(docs: &[Document]) -> Vec<Cluster> {
    align_with(docs, None)
}

/// [`align`] with IDF drawn from `background` as well as from the documents themselves.
pub fn align_with(docs: &[Document], background: Option<&Background>) -> Vec<Cluster> {
    let mut interner = Interner::default();
    let mut profiles = Vec::new();
    let mut raw: Vec<FeatureIds> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (s, (sentence, facts)) in doc.sentences.iter().zip(&doc.facts).enumerate() {
            if !sentence.is_comparable() {
                continue;
            }
            let keys = FeatureKeys::of(facts);
            let mut ids = |v: &[String]| v.iter().map(|k| interner.id(k)).collect::<Vec<u32>>();
            let ids = (
                ids(&keys.terms),
                ids(&keys.entities),
                ids(&keys.bigrams),
                ids(&keys.numbers),
            );
            profiles.push(Profile {
                doc: d,
                sentence: s,
                features: Vec::new(),
                norm: 0.0,
                entities: Vec::new(),
                bigrams: Vec::new(),
                numbers: Vec::new(),
            });
            raw.push(ids);
        }
    }
    let n = profiles.len();
    let mut df = vec![0u32; interner.keys.len()];
    for (terms, entities, bigrams, numbers) in &raw {
        let mut seen: Vec<u32> = terms
            .iter()
            .chain(entities)
            .chain(bigrams)
            .chain(numbers)
            .copied()
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for id in seen {
            df[id as usize] += 1;
        }
    }
    let bg_n = background.map_or(0, |b| b.statements);
    let bg_df: Vec<u32> = interner
        .keys
        .iter()
        .map(|k| background.map_or(0, |b| b.df(k)))
        .collect();
    // A background of IDF_PRIOR imaginary statements lacking every feature keeps IDF
    // meaningful for two short texts, where every shared word would otherwise look common.
    let idf = |id: u32| {
        let df = (df[id as usize] + bg_df[id as usize]) as f64;
        ((n + bg_n) as f64 + IDF_PRIOR) / (df + 0.5)
    };
    let idf = |id: u32| idf(id).ln().max(0.0);
    for (p, (terms, entities, bigrams, numbers)) in profiles.iter_mut().zip(raw) {
        let mut weights: HashMap<u32, f64> = HashMap::new();
        for &t in terms.iter().chain(&entities) {
            *weights.entry(t).or_default() += idf(t);
        }
        let mut features: Vec<(u32, f64)> = weights.into_iter().collect();
        features.sort_unstable_by_key(|&(id, _)| id);
        p.norm = features.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        p.features = features;
        p.entities = sorted_unique(entities);
        p.bigrams = sorted_unique(bigrams);
        p.numbers = sorted_unique(numbers);
    }

    let best = best_partners(&profiles, &df, &idf);
    cluster(&profiles, best)
}

fn sorted_unique(mut v: Vec<u32>) -> Vec<u32> {
    v.sort_unstable();
    v.dedup();
    v
}

/// For every statement, its best-scoring candidate in each other document.
fn best_partners(
    profiles: &[Profile],
    df: &[u32],
    idf: &dyn Fn(u32) -> f64,
) -> Vec<Vec<(usize, f64, Signals)>> {
    let cap = posting_cap(profiles.len());
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); df.len()];
    for (i, p) in profiles.iter().enumerate() {
        for &(id, _) in &p.features {
            if (df[id as usize] as usize) <= cap {
                postings[id as usize].push(i as u32);
            }
        }
    }
    let docs = profiles.iter().map(|p| p.doc + 1).max().unwrap_or(0);
    let mut seen = vec![u32::MAX; profiles.len()];
    // Slot of each document in `per_doc` for the statement being scored, stamped with it.
    let mut slot_of_doc: Vec<(u32, usize)> = vec![(u32::MAX, 0); docs];
    let mut candidates: Vec<usize> = Vec::new();
    let mut best: Vec<Vec<(usize, f64, Signals)>> = Vec::with_capacity(profiles.len());
    for (i, p) in profiles.iter().enumerate() {
        let stamp = i as u32;
        candidates.clear();
        for &(id, _) in &p.features {
            for &j in &postings[id as usize] {
                let j = j as usize;
                if seen[j] != stamp && profiles[j].doc != p.doc {
                    seen[j] = stamp;
                    candidates.push(j);
                }
            }
        }
        candidates.sort_unstable();
        let mut per_doc: Vec<(usize, f64, Signals)> = Vec::new();
        for &j in &candidates {
            let signals = signals(p, &profiles[j], idf);
            let score = signals.score();
            let doc = profiles[j].doc;
            if slot_of_doc[doc].0 != stamp {
                slot_of_doc[doc] = (stamp, per_doc.len());
                per_doc.push((j, score, signals));
            } else {
                let slot = &mut per_doc[slot_of_doc[doc].1];
                // Ties go to the earlier statement, since candidates are visited in order.
                if score > slot.1 {
                    *slot = (j, score, signals);
                }
            }
        }
        best.push(per_doc);
    }
    best
}

fn signals(a: &Profile, b: &Profile, idf: &dyn Fn(u32) -> f64) -> Signals {
    let mut dot = 0.0;
    let (mut x, mut y) = (0, 0);
    while x < a.features.len() && y < b.features.len() {
        match a.features[x].0.cmp(&b.features[y].0) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                dot += a.features[x].1 * b.features[y].1;
                x += 1;
                y += 1;
            }
        }
    }
    let terms = if a.norm > 0.0 && b.norm > 0.0 {
        dot / (a.norm * b.norm)
    } else {
        0.0
    };
    let weighted_dice = |p: &[u32], q: &[u32]| {
        let total: f64 = p.iter().chain(q).map(|&id| idf(id)).sum();
        if total == 0.0 {
            return 0.0;
        }
        let shared: f64 = p
            .iter()
            .filter(|id| q.binary_search(id).is_ok())
            .map(|&id| idf(id))
            .sum();
        2.0 * shared / total
    };
    let dice = |p: &[u32], q: &[u32]| {
        if p.is_empty() || q.is_empty() {
            return 0.0;
        }
        let shared = p.iter().filter(|id| q.binary_search(id).is_ok()).count();
        2.0 * shared as f64 / (p.len() + q.len()) as f64
    };
    Signals {
        terms,
        entities: weighted_dice(&a.entities, &b.entities),
        bigrams: dice(&a.bigrams, &b.bigrams),
        numbers: dice(&a.numbers, &b.numbers),
    }
}

/// Joins mutual best pairs, strongest first, never putting two statements of one document
/// into one claim.
fn cluster(profiles: &[Profile], best: Vec<Vec<(usize, f64, Signals)>>) -> Vec<Cluster> {
    let mut edges: Vec<(usize, usize, f64)> = Vec::new();
    for (i, partners) in best.iter().enumerate() {
        for &(j, score, _) in partners {
            if i < j && score >= MIN_SCORE && best[j].iter().any(|&(k, _, _)| k == i) {
                edges.push((i, j, score));
            }
        }
    }
    edges.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));

    let mut parent: Vec<usize> = (0..profiles.len()).collect();
    let mut docs: Vec<Vec<usize>> = profiles.iter().map(|p| vec![p.doc]).collect();
    let mut joined: Vec<Vec<(usize, usize, f64)>> = vec![Vec::new(); profiles.len()];
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (i, j, score) in edges {
        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
        if ri == rj || docs[ri].iter().any(|d| docs[rj].contains(d)) {
            continue;
        }
        let (keep, gone) = if ri < rj { (ri, rj) } else { (rj, ri) };
        parent[gone] = keep;
        let moved = std::mem::take(&mut docs[gone]);
        docs[keep].extend(moved);
        let mut moved = std::mem::take(&mut joined[gone]);
        joined[keep].append(&mut moved);
        joined[keep].push((i, j, score));
    }

    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); profiles.len()];
    for i in 0..profiles.len() {
        let r = root(&mut parent, i);
        groups[r].push(i);
    }
    let address = |i: usize| (profiles[i].doc, profiles[i].sentence);
    let mut out: Vec<Cluster> = groups
        .into_iter()
        .enumerate()
        .filter(|(_, g)| !g.is_empty())
        .map(|(r, g)| {
            let mut pairs: Vec<(StatementRef, StatementRef, f64)> = joined[r]
                .iter()
                .map(|&(i, j, s)| (address(i), address(j), s))
                .collect();
            pairs.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
            let score = if pairs.is_empty() {
                1.0
            } else {
                pairs.iter().map(|p| p.2).sum::<f64>() / pairs.len() as f64
            };
            let mut members: Vec<StatementRef> = g.into_iter().map(address).collect();
            members.sort_unstable();
            Cluster {
                members,
                score,
                pairs,
            }
        })
        .collect();
    out.sort_by_key(|c| c.members[0]);
    out
}
