//! Align: group statements from all documents into claims, each claim one fact.
//!
//! Owns candidate search and pairing. Statements meet the partners an inverted index over
//! their content terms, entities and quantities proposes, through a bounded number of their
//! rarest features, and the statements closest in meaning ([`crate::embed`]) in the articles
//! closest in meaning, within a scan budget; so the cost grows with the number of statements
//! rather than its square. Each candidate pair is scored from several signals ([`Signals`])
//! combined by a logistic function ([`WEIGHTS`]): the lexical weights are hand-set, meaning
//! and the articles' similarity are fitted on the tuning parts of the evaluation sets by
//! `examples/fit_matcher.rs`. Pairs that are each other's best match across two documents are
//! joined, strongest first, into claims that hold at most one statement per document.

use crate::embed::{dot_f32, dot_f32_i8, Meaning};
use crate::extract::Facts;
use crate::Document;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

/// A statement's address: document index and sentence index within it.
pub type StatementRef = (usize, usize);

/// Statements that say the same thing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cluster {
    /// Members ordered by document, then sentence.
    pub members: Vec<StatementRef>,
    /// Mean score of the pairs that joined the members (1.0 for a single statement).
    pub score: f64,
    /// Scored pairs inside the cluster, strongest first.
    pub pairs: Vec<(StatementRef, StatementRef, f64)>,
    /// The signals of each pair in `pairs`, index for index (empty where the cluster was not
    /// made by the matcher): what `--explain` shows.
    pub evidence: Vec<Signals>,
}

/// The evidence that two statements say the same thing, each in 0..=1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Signals {
    /// Cosine of IDF-weighted content terms and entities.
    pub cosine: f64,
    /// IDF-weighted share of the lighter statement's terms found in the other.
    pub cover_min: f64,
    /// IDF-weighted share of the heavier statement's terms found in the other.
    pub cover_max: f64,
    /// IDF-weighted overlap of canonical entities (Dice); names within a small edit distance
    /// count as equal.
    pub entities: f64,
    /// Share of adjacent term pairs (bigrams) in common (Dice).
    pub bigrams: f64,
    /// Share of quantities with equal value and unit (Dice).
    pub numbers: f64,
    /// 1 when both give quantities and none of them is shared.
    pub number_clash: f64,
    /// Shorter statement's term count over the longer's.
    pub length_ratio: f64,
    /// Cosine of the two statements' meanings ([`crate::embed`]), negative values as 0: how
    /// close they are in sense, whatever their words.
    pub meaning: f64,
    /// Cosine of the meanings of the rest of the two articles (every other statement of
    /// each): statements about one event mostly come from articles about that event, and two
    /// earthquakes reported in the same words come from articles that differ elsewhere.
    /// `None` when either article has nothing else to say (a one-sentence text).
    pub article: Option<f64>,
}

/// What each kind of evidence adds to a pair's logit ([`Signals::contributions`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Contributions {
    /// Shared content words and word pairs, and how alike the lengths are.
    pub wording: f64,
    /// Shared names.
    pub names: f64,
    /// Shared figures (or figures that all differ).
    pub numbers: f64,
    /// Closeness in meaning beyond what any two sentences on one subject have.
    pub meaning: f64,
    /// How unlike the rest of the two articles are (0 or less).
    pub articles: f64,
}

/// Names of the signals, in the order of [`Signals::as_array`].
pub const SIGNAL_NAMES: [&str; SIGNALS] = [
    "cosine",
    "cover_min",
    "cover_max",
    "entities",
    "bigrams",
    "numbers",
    "number_clash",
    "length_ratio",
    "meaning_excess",
    "article_gap",
];

/// Number of signals.
pub const SIGNALS: usize = 10;

impl Signals {
    /// The signals as a vector, for fitting.
    pub fn as_array(&self) -> [f64; SIGNALS] {
        [
            self.cosine,
            self.cover_min,
            self.cover_max,
            self.entities,
            self.bigrams,
            self.numbers,
            self.number_clash,
            self.length_ratio,
            self.meaning_excess(),
            self.article_gap(),
        ]
    }

    /// How far the statements' meanings are closer than [`MEANING_FLOOR`], as a share of
    /// the way to identical: 0 at or below it. The static model puts any two sentences on one
    /// subject at a cosine of 0.5–0.7, so only closeness beyond that is evidence; and below
    /// it the lexical evidence is left to decide alone, as it did before meaning was added.
    ///
    /// Nothing when both give figures: two statements close in sense whose figures differ
    /// are as often about different quantities (two banks' rates, a private and a public
    /// college's fees, today's move and yesterday's) as about one, and pairing them on
    /// meaning alone would report their figures as a conflict. Such a pair still meets on
    /// shared words, names and figures, as before meaning was added.
    pub fn meaning_excess(&self) -> f64 {
        if self.numbers > 0.0 || self.number_clash > 0.0 {
            return 0.0;
        }
        ((self.meaning - MEANING_FLOOR) / (1.0 - MEANING_FLOOR)).max(0.0)
    }

    /// What each kind of evidence adds to the pair's logit under [`WEIGHTS`], for
    /// `--explain`; with the bias ([`WEIGHTS`]`[0]`) they sum to the logit of
    /// [`score`](Self::score).
    pub fn contributions(&self) -> Contributions {
        let x = self.as_array();
        let part = |names: &[&str]| -> f64 {
            SIGNAL_NAMES
                .iter()
                .zip(&x)
                .zip(&WEIGHTS[1..])
                .filter(|((n, _), _)| names.contains(n))
                .map(|((_, v), w)| v * w)
                .sum()
        };
        Contributions {
            wording: part(&[
                "cosine",
                "cover_min",
                "cover_max",
                "bigrams",
                "length_ratio",
            ]),
            names: part(&["entities"]),
            numbers: part(&["numbers", "number_clash"]),
            meaning: part(&["meaning_excess"]),
            articles: part(&["article_gap"]),
        }
    }

    /// How far the two articles' similarity falls short of [`ARTICLE_FLOOR`], as a share of
    /// it: 0 for articles about one story, growing as they part. A hinge rather than the
    /// cosine itself, because articles on one event differ a great deal in their other
    /// paragraphs, and only a clearly unrelated pair of articles tells against a match.
    pub fn article_gap(&self) -> f64 {
        self.article
            .map_or(0.0, |a| ((ARTICLE_FLOOR - a) / ARTICLE_FLOOR).max(0.0))
    }

    /// Probability-like score in 0..1 from the logistic combination of the signals.
    pub fn score(&self) -> f64 {
        score_with(&WEIGHTS, &self.as_array())
    }
}

/// Logistic combination: `weights[0]` is the bias, the rest pair with the signals.
pub fn score_with(weights: &[f64; SIGNALS + 1], x: &[f64; SIGNALS]) -> f64 {
    let z = weights[0] + weights[1..].iter().zip(x).map(|(w, v)| w * v).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// Bias, then one weight per signal in [`SIGNAL_NAMES`] order.
pub const WEIGHTS: [f64; SIGNALS + 1] = [
    -4.00, 7.00, 0.00, 0.00, 2.50, 2.00, 1.50, 0.00, 0.00, 8.00, 0.00,
];

/// Above this cosine of two statements' meanings, their closeness counts as evidence that
/// they say the same thing ([`Signals::meaning_excess`]); fitted with [`WEIGHTS`] by
/// `fit_matcher`.
pub const MEANING_FLOOR: f64 = 0.55;

/// Below this cosine of two articles' meanings, the articles count as being about different
/// things ([`Signals::article_gap`]); fitted with [`WEIGHTS`] by `fit_matcher`.
pub const ARTICLE_FLOOR: f64 = 0.50;

/// Size of the imaginary background corpus in the IDF formula.
const IDF_PRIOR: f64 = 50.0;

/// Pairs scoring below this never join a claim.
pub const MIN_SCORE: f64 = 0.5;

/// Features shared by more statements than this are too common to propose candidates (they
/// still count when a proposed pair is scored). The ceiling keeps the work per statement
/// bounded however large the corpus grows, so alignment stays linear in the statements.
fn posting_cap(statements: usize) -> usize {
    (statements / 10).clamp(64, MAX_POSTING)
}

/// Fewest statements interned together on one core before the chunks' features are merged.
const MIN_INTERN_CHUNK: usize = 4096;

/// Ceiling of [`posting_cap`].
const MAX_POSTING: usize = 512;

/// A statement proposes candidates through this many of its rarest features: a pair that says
/// the same thing shares at least one rare word, name or figure.
const PROPOSING_FEATURES: usize = 8;

/// Candidates per statement that are scored in full, the best by the IDF mass of the rare
/// features they share. Ranking first keeps a statement repeated in thousands of articles
/// from making its own cost quadratic.
const SCORED_CANDIDATES: usize = 16;

/// Postings a statement may walk to find its candidates (the rarest feature's always).
const POSTING_BUDGET: usize = 256;

/// A feature as the index sees it, borrowed from the statements' facts (the interner keeps
/// one copy of each distinct term and name for its lookups). Each kind has its own variant
/// and map, so equal text of different kinds stays apart, as the prefixes of
/// [`Interner::key`] keep it apart there.
#[derive(Clone, Copy)]
enum Feature<'a> {
    Term(&'a str),
    Entity(&'a str),
    /// Two adjacent terms, by their feature ids.
    Bigram(u32, u32),
    /// A quantity's low and high ends (as bits) and its unit.
    Number(u64, u64, &'a str),
}

/// A statement's feature ids by kind: terms, entities, bigrams of adjacent terms, quantities.
type FeatureIds = [Vec<u32>; 4];

/// Gives each distinct feature an id, in order of first appearance.
#[derive(Default)]
struct Interner<'a> {
    /// One map per kind of feature, with owned strings: a map's keys then sit together in
    /// memory, where the statements' own strings lie scattered over the heap, and every hit
    /// compares against a key (interning was a tenth of a 3,200-article run, bound by those
    /// reads).
    terms: HashMap<Box<str>, u32>,
    entities: HashMap<Box<str>, u32>,
    bigrams: HashMap<(u32, u32), u32>,
    numbers: HashMap<(u64, u64, &'a str), u32>,
    features: Vec<Feature<'a>>,
}

impl<'a> Interner<'a> {
    fn id(&mut self, feature: Feature<'a>) -> u32 {
        let next = self.features.len() as u32;
        let known = match feature {
            Feature::Term(t) => self.terms.get(t).copied(),
            Feature::Entity(e) => self.entities.get(e).copied(),
            Feature::Bigram(a, b) => self.bigrams.get(&(a, b)).copied(),
            Feature::Number(low, high, unit) => self.numbers.get(&(low, high, unit)).copied(),
        };
        if let Some(id) = known {
            return id;
        }
        match feature {
            Feature::Term(t) => self.terms.insert(t.into(), next),
            Feature::Entity(e) => self.entities.insert(e.into(), next),
            Feature::Bigram(a, b) => self.bigrams.insert((a, b), next),
            Feature::Number(low, high, unit) => self.numbers.insert((low, high, unit), next),
        };
        self.features.push(feature);
        next
    }

    /// A statement's features as ids: terms, entities, bigrams of adjacent terms, quantities.
    fn statement(&mut self, facts: &'a Facts) -> [Vec<u32>; 4] {
        let terms: Vec<u32> = facts
            .terms
            .iter()
            .map(|t| self.id(Feature::Term(t)))
            .collect();
        let entities = facts
            .entities
            .iter()
            .map(|e| self.id(Feature::Entity(e)))
            .collect();
        let bigrams = terms
            .windows(2)
            .map(|w| self.id(Feature::Bigram(w[0], w[1])))
            .collect();
        let numbers = facts
            .quantities
            .iter()
            .map(|q| self.id(Feature::Number(q.low.to_bits(), q.high.to_bits(), &q.unit)))
            .collect();
        [terms, entities, bigrams, numbers]
    }

    /// Renumbers the features by their content: terms, names and quantities in order of
    /// their text and values, then bigrams by their terms' new ids. Ids given in order of
    /// first appearance follow the order the documents came in, and so would every sum and
    /// tie-break taken in id order; content order does not. Returns each old id's new id.
    /// The lookup maps are dropped: they hold the old ids.
    fn renumber_by_content(&mut self) -> Vec<u32> {
        fn rank(feature: &Feature<'_>) -> u8 {
            match feature {
                Feature::Term(_) => 0,
                Feature::Entity(_) => 1,
                Feature::Number(..) => 2,
                Feature::Bigram(..) => 3,
            }
        }
        let features = std::mem::take(&mut self.features);
        *self = Interner::default();
        let mut order: Vec<u32> = (0..features.len() as u32)
            .filter(|&i| !matches!(features[i as usize], Feature::Bigram(..)))
            .collect();
        order.par_sort_unstable_by(|&a, &b| {
            let (fa, fb) = (&features[a as usize], &features[b as usize]);
            rank(fa).cmp(&rank(fb)).then_with(|| match (fa, fb) {
                (Feature::Term(x), Feature::Term(y)) | (Feature::Entity(x), Feature::Entity(y)) => {
                    x.cmp(y)
                }
                (Feature::Number(l1, h1, u1), Feature::Number(l2, h2, u2)) => {
                    (l1, h1, u1).cmp(&(l2, h2, u2))
                }
                _ => std::cmp::Ordering::Equal,
            })
        });
        let mut new_id = vec![0u32; features.len()];
        for (k, &old) in order.iter().enumerate() {
            new_id[old as usize] = k as u32;
        }
        let mut bigrams: Vec<(u32, u32, u32)> = features
            .iter()
            .enumerate()
            .filter_map(|(old, feature)| match *feature {
                Feature::Bigram(a, b) => Some((new_id[a as usize], new_id[b as usize], old as u32)),
                _ => None,
            })
            .collect();
        bigrams.sort_unstable();
        for (k, &(_, _, old)) in bigrams.iter().enumerate() {
            new_id[old as usize] = (order.len() + k) as u32;
        }
        self.features = order
            .iter()
            .map(|&old| features[old as usize])
            .chain(bigrams.iter().map(|&(a, b, _)| Feature::Bigram(a, b)))
            .collect();
        new_id
    }

    /// The feature's key in a [`Background`]: stems, `@entity`, `stem stem` bigrams and
    /// `#low:high:unit` quantities.
    fn key(&self, feature: Feature<'_>) -> String {
        match feature {
            Feature::Term(t) => t.to_string(),
            Feature::Entity(e) => format!("@{e}"),
            Feature::Bigram(a, b) => format!(
                "{} {}",
                self.key(self.features[a as usize]),
                self.key(self.features[b as usize])
            ),
            Feature::Number(low, high, unit) => {
                format!("#{}:{}:{unit}", f64::from_bits(low), f64::from_bits(high))
            }
        }
    }
}

/// The distinct feature ids of a statement, sorted.
fn distinct(ids: &[Vec<u32>; 4]) -> Vec<u32> {
    sorted_unique(ids.iter().flatten().copied().collect())
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
        let mut interner = Interner::default();
        let mut counts: Vec<u32> = Vec::new();
        let mut n = 0;
        for facts in statements {
            n += 1;
            let ids = distinct(&interner.statement(facts));
            counts.resize(interner.features.len(), 0);
            for id in ids {
                counts[id as usize] += 1;
            }
        }
        let mut df: HashMap<String, u32> = HashMap::default();
        for (&feature, count) in interner.features.iter().zip(counts) {
            *df.entry(interner.key(feature)).or_default() += count;
        }
        Background { statements: n, df }
    }

    fn df(&self, key: &str) -> u32 {
        self.df.get(key).copied().unwrap_or(0)
    }
}

/// One statement reduced to weighted feature ids.
struct Profile {
    doc: usize,
    sentence: usize,
    /// The statement's unit meaning against its document's sum of them ([`Index`]'s
    /// `sums`): what [`context_cosine`] takes out to leave the statement's context.
    own: f32,
    /// Equal for statements with the same features (a sentence copied from article to
    /// article), whose signals against any third statement are therefore equal too.
    form: u32,
    /// (feature id, IDF weight), sorted by id; terms, entities and quantities share the id
    /// space, so a shared rare figure ("2018", "12,000 troops") counts like a shared rare word.
    features: Vec<(u32, f64)>,
    norm: f64,
    /// Sum of the feature weights.
    mass: f64,
    terms: usize,
    entities: Vec<u32>,
    bigrams: Vec<u32>,
    numbers: Vec<u32>,
}

/// Every comparable statement of a set of documents, profiled, with IDF per feature.
struct Index<'a> {
    docs: &'a [Document],
    profiles: Vec<Profile>,
    /// Each document's meaning: the mean of its comparable statements' ([`Meaning::mean`]).
    articles: Vec<Meaning>,
    /// Each document's sum of its comparable statements' unit meanings, and its squared
    /// length: a statement's context is its document's sum less its own meaning.
    sums: Vec<(Vec<f32>, f32)>,
    /// The profiles of document `d` are `doc_start[d]..doc_start[d + 1]` (profiles are in
    /// document order).
    doc_start: Vec<usize>,
    df: Vec<u32>,
    idf: Vec<f64>,
    /// For each entity feature, the id of its letters and digits lowercased: equal for
    /// spellings of one name (`u32::MAX` for other features, which are never compared so).
    name_key: Vec<u32>,
    /// For each entity feature, its words folded like `name_key`, as ids (empty for other
    /// features): "Nasdaq" and "Nasdaq Composite Index" name one thing, once written short.
    name_words: Vec<Vec<u32>>,
    /// Each document's place when the documents are ordered by path: ties between equally
    /// strong pairs are broken by it, not by the order the documents were given in.
    doc_rank: Vec<u32>,
}

impl<'a> Index<'a> {
    fn build(docs: &'a [Document], background: Option<&Background>) -> Index<'a> {
        Self::build_in_chunks(docs, background, None)
    }

    /// [`Index::build`], interning `chunk` statements at a time. By default two chunks per
    /// core: every chunk's interner keeps its own copy of the common words until it is
    /// merged, so fewer, larger chunks hold less memory.
    fn build_in_chunks(
        docs: &'a [Document],
        background: Option<&Background>,
        chunk: Option<usize>,
    ) -> Index<'a> {
        let statements: Vec<StatementRef> = comparable(docs).collect();
        let chunk = chunk.unwrap_or_else(|| {
            statements
                .len()
                .div_ceil(2 * rayon::current_num_threads())
                .max(MIN_INTERN_CHUNK)
        });
        // Ids are renumbered by content once every feature is known, so they depend neither
        // on how the statements were split for interning nor on the input order.
        // Chunks of statements are interned on every core, each into its own interner; their
        // distinct features, far fewer than their occurrences, are then merged into one.
        let chunks: Vec<(Interner<'_>, Vec<FeatureIds>)> = statements
            .par_chunks(chunk.max(1))
            .map(|statements| {
                let mut local = Interner::default();
                let raw = statements
                    .iter()
                    .map(|&(d, s)| local.statement(&docs[d].facts[s]))
                    .collect();
                (local, raw)
            })
            .collect();
        let mut interner = Interner::default();
        // Each chunk's interner is dropped as soon as it is merged: together they hold many
        // copies of the common words.
        let merged: Vec<(Vec<FeatureIds>, Vec<u32>)> = chunks
            .into_iter()
            .map(|(local, raw)| {
                let mut map: Vec<u32> = Vec::with_capacity(local.features.len());
                for &feature in &local.features {
                    // A statement's terms are interned before its bigrams, so a bigram's
                    // terms are already mapped.
                    let merged = match feature {
                        Feature::Bigram(a, b) => Feature::Bigram(map[a as usize], map[b as usize]),
                        other => other,
                    };
                    map.push(interner.id(merged));
                }
                (raw, map)
            })
            .collect();
        let new_id = interner.renumber_by_content();
        let raw: Vec<FeatureIds> = merged
            .into_par_iter()
            .flat_map_iter(|(mut raw, map)| {
                for ids in raw.iter_mut().flatten() {
                    for id in ids.iter_mut() {
                        *id = new_id[map[*id as usize] as usize];
                    }
                }
                raw
            })
            .collect();
        drop(new_id);
        let mut forms: HashMap<&[Vec<u32>; 4], u32> = HashMap::default();
        let form: Vec<u32> = raw
            .iter()
            .map(|ids| {
                let next = forms.len() as u32;
                *forms.entry(ids).or_insert(next)
            })
            .collect();
        drop(forms);
        let mut df = vec![0u32; interner.features.len()];
        let distinct_ids: Vec<Vec<u32>> = raw.par_iter().map(distinct).collect();
        for ids in distinct_ids {
            for id in ids {
                df[id as usize] += 1;
            }
        }
        let total = (statements.len() + background.map_or(0, |b| b.statements)) as f64;
        // A background of IDF_PRIOR imaginary statements lacking every feature keeps IDF
        // meaningful for two short texts, where every shared word would otherwise look common.
        let idf: Vec<f64> = interner
            .features
            .par_iter()
            .zip(&df)
            .map(|(&feature, &n)| {
                let extra = background.map_or(0, |b| b.df(&interner.key(feature)));
                let n = (n + extra) as f64;
                ((total + IDF_PRIOR) / (n + 0.5)).ln().max(0.0)
            })
            .collect();
        let profiles: Vec<Profile> = statements
            .par_iter()
            .zip(form)
            .zip(raw)
            .map(
                |((&(doc, sentence), form), [terms, entities, bigrams, numbers])| {
                    let mut features: Vec<(u32, f64)> = terms
                        .iter()
                        .chain(&entities)
                        .chain(&numbers)
                        .map(|&t| (t, idf[t as usize]))
                        .collect();
                    features.sort_unstable_by_key(|&(id, _)| id);
                    // Repeated words add their weight once per occurrence.
                    features.dedup_by(|b, a| {
                        if a.0 == b.0 {
                            a.1 += b.1;
                            true
                        } else {
                            false
                        }
                    });
                    Profile {
                        doc,
                        sentence,
                        own: 0.0,
                        form,
                        norm: features.iter().map(|(_, w)| w * w).sum::<f64>().sqrt(),
                        mass: features.iter().map(|(_, w)| w).sum(),
                        features,
                        terms: terms.len(),
                        entities: sorted_unique(entities),
                        bigrams: sorted_unique(bigrams),
                        numbers: sorted_unique(numbers),
                    }
                },
            )
            .collect();
        // Only entities are compared by spelling; other features get a key no name has.
        let mut spellings: HashMap<String, u32> = HashMap::default();
        let mut fold = |text: &str| -> u32 {
            let folded: String = text
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            let next = spellings.len() as u32;
            *spellings.entry(folded).or_insert(next)
        };
        let (name_key, name_words) = interner
            .features
            .iter()
            .map(|feature| match feature {
                Feature::Entity(e) => (
                    fold(e),
                    e.split(|c: char| c.is_whitespace() || c == '-')
                        .filter(|w| w.chars().any(char::is_alphanumeric))
                        .map(&mut fold)
                        .collect(),
                ),
                _ => (u32::MAX, Vec::new()),
            })
            .unzip();
        let mut by_path: Vec<usize> = (0..docs.len()).collect();
        by_path.sort_by(|&a, &b| docs[a].ingested.path.cmp(&docs[b].ingested.path));
        let mut doc_rank = vec![0u32; docs.len()];
        for (rank, &d) in by_path.iter().enumerate() {
            doc_rank[d] = rank as u32;
        }
        let mut doc_start = vec![0usize; docs.len() + 1];
        for p in &profiles {
            doc_start[p.doc + 1] += 1;
        }
        for d in 0..docs.len() {
            doc_start[d + 1] += doc_start[d];
        }
        let articles = (0..docs.len())
            .into_par_iter()
            .map(|d| {
                Meaning::mean(
                    profiles[doc_start[d]..doc_start[d + 1]]
                        .iter()
                        .map(|p| &docs[p.doc].facts[p.sentence].meaning),
                )
            })
            .collect();
        let sums = (0..docs.len())
            .into_par_iter()
            .map(|d| {
                let mut sum: Vec<f32> = Vec::new();
                for p in &profiles[doc_start[d]..doc_start[d + 1]] {
                    let m = &docs[p.doc].facts[p.sentence].meaning;
                    if m.is_empty() {
                        continue;
                    }
                    sum.resize(m.components().len(), 0.0);
                    let scale = 1.0 / m.length();
                    for (s, &c) in sum.iter_mut().zip(m.components()) {
                        *s += f32::from(c) * scale;
                    }
                }
                let norm2 = dot_f32(&sum, &sum);
                (sum, norm2)
            })
            .collect();
        let sums: Vec<(Vec<f32>, f32)> = sums;
        let mut profiles = profiles;
        profiles.par_iter_mut().for_each(|p| {
            let m = &docs[p.doc].facts[p.sentence].meaning;
            if !m.is_empty() {
                p.own = dot_f32_i8(&sums[p.doc].0, m.components()) / m.length();
            }
        });
        Index {
            docs,
            profiles,
            articles,
            sums,
            doc_start,
            df,
            idf,
            name_key,
            name_words,
            doc_rank,
        }
    }

    fn address(&self, i: usize) -> StatementRef {
        (self.profiles[i].doc, self.profiles[i].sentence)
    }

    fn meaning(&self, p: &Profile) -> &'a Meaning {
        &self.docs[p.doc].facts[p.sentence].meaning
    }
}

/// Groups the comparable statements of `docs` into clusters. Every comparable statement ends
/// up in exactly one cluster; clusters are ordered by their first member.
pub fn align(docs: &[Document]) -> Vec<Cluster> {
    align_with(docs, None)
}

/// [`align`] with IDF drawn from `background` as well as from the documents themselves.
pub fn align_with(docs: &[Document], background: Option<&Background>) -> Vec<Cluster> {
    let mut owners = comparable(docs).map(|(d, _)| d);
    let first = owners.next();
    if owners.all(|d| Some(d) == first) {
        // Claims pair statements of different documents, so one document's statements each
        // stand alone: a single long page needs no index.
        return comparable(docs)
            .map(|statement| Cluster {
                members: vec![statement],
                score: 1.0,
                ..Cluster::default()
            })
            .collect();
    }
    let index = Index::build(docs, background);
    let best = best_partners(&index);
    cluster(&index, best)
}

/// The comparable statements of `docs`, in document order.
fn comparable(docs: &[Document]) -> impl Iterator<Item = StatementRef> + '_ {
    docs.iter().enumerate().flat_map(|(d, doc)| {
        doc.sentences
            .iter()
            .enumerate()
            .filter(|(_, sentence)| sentence.is_comparable())
            .map(move |(s, _)| (d, s))
    })
}

/// For every comparable statement, its best candidate in each other document with the
/// signals of the pair: what the matcher decides on, exposed for fitting its weights.
pub fn candidate_pairs(
    docs: &[Document],
    background: Option<&Background>,
) -> Vec<(StatementRef, StatementRef, Signals)> {
    let index = Index::build(docs, background);
    best_partners(&index)
        .into_iter()
        .enumerate()
        .flat_map(|(i, partners)| {
            let index = &index;
            partners.into_iter().map(move |(j, _)| {
                let s = signals(index, &index.profiles[i], &index.profiles[j]);
                (index.address(i), index.address(j), s)
            })
        })
        .collect()
}

fn sorted_unique(mut v: Vec<u32>) -> Vec<u32> {
    v.sort_unstable();
    v.dedup();
    v
}

/// For every statement, its best-scoring candidate in each other document, with the score.
fn best_partners(index: &Index) -> Vec<Vec<(usize, f64)>> {
    let profiles = &index.profiles;
    let cap = posting_cap(profiles.len());
    // Each posting carries its statement's document, so the walk reads memory in order.
    let mut postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); index.df.len()];
    for (i, p) in profiles.iter().enumerate() {
        for &(id, _) in &p.features {
            if (index.df[id as usize] as usize) <= cap {
                postings[id as usize].push((i as u32, p.doc as u32));
            }
        }
    }
    let docs = profiles.iter().map(|p| p.doc + 1).max().unwrap_or(0);
    // Each statement is independent of the others; rayon keeps the results in index order, so
    // the output does not depend on the number of threads.
    // Working memory is as large as the corpus, so it is made once per chunk of statements,
    // not once per rayon split (which would make its cost quadratic).
    let chunks = 16 * rayon::current_num_threads();
    let chunk = profiles.len().div_ceil(chunks).max(256);
    let starts: Vec<usize> = (0..profiles.len()).step_by(chunk).collect();
    let per_chunk: Vec<Vec<Vec<(usize, f64)>>> = starts
        .par_iter()
        .map(|&start| {
            let mut scratch = Scratch::new(profiles.len(), docs);
            (start..(start + chunk).min(profiles.len()))
                .map(|i| partners_of(index, &postings, cap, i, &mut scratch))
                .collect()
        })
        .collect();
    let mut best: Vec<Vec<(usize, f64)>> = per_chunk.into_iter().flatten().collect();
    // Then by meaning: statements that share no rare word still meet when they say the same
    // thing, among the statements of the articles closest in meaning.
    let neighbours = neighbour_docs(index, &best);
    best.par_iter_mut()
        .enumerate()
        .for_each(|(i, partners)| meaning_partners(index, &neighbours, i, partners));
    best
}

/// Every other document is searched by meaning while there are at most this many documents.
const ALL_DOCS: usize = 24;

/// Beyond [`ALL_DOCS`], a statement is searched by meaning among the statements of this many
/// documents, those whose articles are closest in meaning to its own.
const NEIGHBOUR_DOCS: usize = 6;

/// Up to this many documents, the closest articles are found by comparing every pair of
/// article meanings (one dot product each, a few million at most); beyond, among the articles
/// the lexical index already linked the document to, so the cost stays linear.
const DOC_EXACT: usize = 2048;

/// Candidates per neighbouring document taken by meaning, the closest first.
const MEANING_CANDIDATES: usize = 2;

/// For each document, the documents whose statements its statements are searched among by
/// meaning, closest in meaning first.
fn neighbour_docs(index: &Index, lexical: &[Vec<(usize, f64)>]) -> Vec<Vec<u32>> {
    let docs = index.docs.len();
    let has_statements = |d: usize| index.doc_start[d + 1] > index.doc_start[d];
    let linked: Vec<Vec<u32>> = if docs <= DOC_EXACT {
        Vec::new()
    } else {
        let mut linked: Vec<Vec<u32>> = vec![Vec::new(); docs];
        for (i, partners) in lexical.iter().enumerate() {
            let d = index.profiles[i].doc;
            linked[d].extend(partners.iter().map(|&(j, _)| index.profiles[j].doc as u32));
        }
        linked.into_par_iter().map(sorted_unique).collect()
    };
    (0..docs)
        .into_par_iter()
        .map(|d| {
            let article = &index.articles[d];
            let mut ranked: Vec<(f64, u32)> = if docs <= DOC_EXACT {
                (0..docs)
                    .filter(|&e| e != d && has_statements(e))
                    .map(|e| (article.cosine(&index.articles[e]), e as u32))
                    .collect()
            } else {
                linked[d]
                    .iter()
                    .map(|&e| (article.cosine(&index.articles[e as usize]), e))
                    .collect()
            };
            // Closest first; the documents' order by path breaks ties, so the choice depends
            // neither on the thread count nor on the input order.
            ranked.sort_by(|a, b| {
                b.0.total_cmp(&a.0)
                    .then(index.doc_rank[a.1 as usize].cmp(&index.doc_rank[b.1 as usize]))
            });
            let keep = if docs <= ALL_DOCS + 1 {
                ALL_DOCS
            } else {
                NEIGHBOUR_DOCS
            };
            ranked.into_iter().take(keep).map(|(_, e)| e).collect()
        })
        .collect()
}

/// Statements a statement is compared with by meaning, at most: the search is exact (one
/// dot product per statement of each neighbouring document, closest documents first), and
/// a neighbouring document with more statements than the budget has left is searched only
/// through the lexical index.
const MEANING_SCAN_MAX: usize = 2048;

/// Meaning comparisons of a whole alignment, at most: the per-statement budget shrinks as
/// the statements grow, so a corpus of many or very long documents stays linear (at 96,000
/// statements each one scans about 200, six articles of 30 sentences).
const MEANING_SCAN_TOTAL: usize = 20_000_000;

/// Adds to statement `i`'s best partner per document those found by meaning: in each
/// neighbouring document, the [`MEANING_CANDIDATES`] statements closest in meaning are
/// scored, and one that scores higher than the lexical choice replaces it.
fn meaning_partners(
    index: &Index,
    neighbours: &[Vec<u32>],
    i: usize,
    partners: &mut Vec<(usize, f64)>,
) {
    let p = &index.profiles[i];
    let meaning = index.meaning(p);
    if meaning.is_empty() {
        return;
    }
    let mut budget = (MEANING_SCAN_TOTAL / index.profiles.len().max(1)).min(MEANING_SCAN_MAX);
    for &e in &neighbours[p.doc] {
        let range = index.doc_start[e as usize]..index.doc_start[e as usize + 1];
        if range.len() > budget {
            continue;
        }
        budget -= range.len();
        let mut closest: [(f64, usize); MEANING_CANDIDATES] =
            [(f64::NEG_INFINITY, usize::MAX); MEANING_CANDIDATES];
        for j in range {
            let c = meaning.cosine(index.meaning(&index.profiles[j]));
            // Strictly greater: of equally close statements the earlier one stays.
            if c > closest[MEANING_CANDIDATES - 1].0 {
                closest[MEANING_CANDIDATES - 1] = (c, j);
                closest.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            }
        }
        let mut slot = partners
            .iter()
            .position(|&(j, _)| index.profiles[j].doc == e as usize);
        for &(_, j) in closest.iter().filter(|c| c.1 != usize::MAX) {
            if slot.is_some_and(|s| partners[s].0 == j) {
                continue;
            }
            let score = signals(index, p, &index.profiles[j]).score();
            match slot {
                Some(s) => {
                    let best = &mut partners[s];
                    // Ties go to the earlier statement, as in the lexical search.
                    if score > best.1 || (score == best.1 && j < best.0) {
                        *best = (j, score);
                    }
                }
                None => {
                    slot = Some(partners.len());
                    partners.push((j, score));
                }
            }
        }
    }
}

/// Per-thread working memory of [`partners_of`], reused from statement to statement.
struct Scratch {
    /// Accumulated shared IDF mass per statement, valid where `touched` lists it (single
    /// precision: it only ranks candidates, and half the memory is walked).
    mass: Vec<f32>,
    touched: Vec<u32>,
    /// Slot of each document in the result for the statement being scored, stamped with it.
    slot_of_doc: Vec<(u32, usize)>,
    /// The best candidates found so far, worst on top.
    best: std::collections::BinaryHeap<(u64, u32)>,
}

impl Scratch {
    fn new(statements: usize, docs: usize) -> Scratch {
        Scratch {
            mass: vec![0.0; statements],
            touched: Vec::new(),
            slot_of_doc: vec![(u32::MAX, 0); docs],
            best: std::collections::BinaryHeap::with_capacity(SCORED_CANDIDATES),
        }
    }
}

/// Statement `i`'s best-scoring candidate in each other document.
fn partners_of(
    index: &Index,
    postings: &[Vec<(u32, u32)>],
    cap: usize,
    i: usize,
    scratch: &mut Scratch,
) -> Vec<(usize, f64)> {
    let profiles = &index.profiles;
    let p = &profiles[i];
    let mut proposing: Vec<(u32, f64)> = p
        .features
        .iter()
        .copied()
        // A feature only this statement has proposes nobody.
        .filter(|&(id, _)| (2..=cap).contains(&(index.df[id as usize] as usize)))
        .collect();
    // Rarest first; the feature id breaks ties so the choice never depends on input order.
    proposing.sort_by(|a, b| {
        index.df[a.0 as usize]
            .cmp(&index.df[b.0 as usize])
            .then(a.0.cmp(&b.0))
    });
    proposing.truncate(PROPOSING_FEATURES);
    let mut walked = 0;
    for &(id, w) in &proposing {
        // The rarest features come first and say the most; commoner ones are walked only while
        // the budget lasts, so no statement costs more than a fixed amount.
        let posting = &postings[id as usize];
        if walked > 0 && walked + posting.len() > POSTING_BUDGET {
            break;
        }
        walked += posting.len();
        let w = w.max(f64::from(f32::MIN_POSITIVE)) as f32;
        for &(j, doc) in posting {
            if doc == p.doc as u32 {
                continue;
            }
            let mass = &mut scratch.mass[j as usize];
            if *mass == 0.0 {
                scratch.touched.push(j);
            }
            // Rare features have positive IDF, so a touched entry never stays at zero.
            *mass += w;
        }
    }
    // One sortable word per candidate: more shared mass first, then the statement nearest
    // in corpus order (so copies of one sentence across many articles link up in a chain
    // rather than all choosing the same few), then the earlier one. Positive floats order
    // like their bit patterns, so the mass is inverted into the high half.
    let key = |mass: f32, j: u32| -> u64 {
        let distance = (j as usize).abs_diff(i) as u64;
        (u64::from(!mass.to_bits()) << 32)
            | (distance.min(u64::from(u32::MAX >> 1)) << 1)
            | u64::from(j as usize > i)
    };
    // The keys are distinct, so the best few are one set however they are found: a max-heap
    // of the best so far, which most touched statements fall short of at one comparison
    // (collecting and partitioning every touched statement cost more than the scoring).
    let Scratch {
        mass,
        touched,
        best,
        ..
    } = scratch;
    best.clear();
    for j in touched.drain(..) {
        let entry = (key(std::mem::take(&mut mass[j as usize]), j), j);
        if best.len() < SCORED_CANDIDATES {
            best.push(entry);
        } else if let Some(mut worst) = best.peek_mut() {
            if entry < *worst {
                *worst = entry;
            }
        }
    }
    let mut candidates: Vec<usize> = best.drain().map(|(_, j)| j as usize).collect();
    candidates.sort_unstable();
    let stamp = i as u32;
    let mut per_doc: Vec<(usize, f64)> = Vec::new();
    // Copies of one sentence in several articles are often candidates together; their score
    // against this statement is one score.
    // Copies are candidates with equal features and an equal meaning (equal features with
    // other stop words between them can mean a little else).
    let mut scored_forms: Vec<(u32, usize, Signals)> = Vec::with_capacity(SCORED_CANDIDATES);
    for j in candidates {
        let form = profiles[j].form;
        let copy = scored_forms.iter().find(|&&(f, k, _)| {
            f == form && index.meaning(&profiles[k]) == index.meaning(&profiles[j])
        });
        let mut pair = match copy {
            Some(&(_, _, pair)) => pair,
            None => {
                let pair = signals(index, p, &profiles[j]);
                scored_forms.push((form, j, pair));
                pair
            }
        };
        // The copies sit in different articles, so only the article signal is their own.
        pair.article = context_cosine(index, p, &profiles[j]);
        let score = pair.score();
        let doc = profiles[j].doc;
        if scratch.slot_of_doc[doc].0 != stamp {
            scratch.slot_of_doc[doc] = (stamp, per_doc.len());
            per_doc.push((j, score));
        } else {
            let slot = &mut per_doc[scratch.slot_of_doc[doc].1];
            // Ties go to the earlier statement, since candidates are visited in order.
            if score > slot.1 {
                *slot = (j, score);
            }
        }
    }
    per_doc
}

fn signals(index: &Index, a: &Profile, b: &Profile) -> Signals {
    let (mut dot, mut shared) = (0.0, 0.0);
    let (mut x, mut y) = (0, 0);
    // Branch-free merge: which list advances is unpredictable, and this loop is the hottest
    // of alignment; the sums add zero for unequal ids instead of branching around them.
    while x < a.features.len() && y < b.features.len() {
        let ((ia, wa), (ib, wb)) = (a.features[x], b.features[y]);
        let same = f64::from(u8::from(ia == ib));
        dot += same * (wa * wb);
        shared += same * wa.min(wb);
        x += usize::from(ia <= ib);
        y += usize::from(ib <= ia);
    }
    let ratio = |num: f64, den: f64| if den > 0.0 { (num / den).min(1.0) } else { 0.0 };
    let dice = |p: &[u32], q: &[u32]| {
        if p.is_empty() || q.is_empty() {
            return 0.0;
        }
        2.0 * common_count(p, q) as f64 / (p.len() + q.len()) as f64
    };
    let numbers = dice(&a.numbers, &b.numbers);
    Signals {
        cosine: ratio(dot, a.norm * b.norm),
        cover_min: ratio(shared, a.mass.min(b.mass)),
        cover_max: ratio(shared, a.mass.max(b.mass)),
        entities: entity_overlap(index, &a.entities, &b.entities),
        bigrams: dice(&a.bigrams, &b.bigrams),
        numbers,
        number_clash: f64::from(!a.numbers.is_empty() && !b.numbers.is_empty() && numbers == 0.0),
        length_ratio: ratio(a.terms.min(b.terms) as f64, a.terms.max(b.terms) as f64),
        meaning: index.meaning(a).cosine(index.meaning(b)).max(0.0),
        article: context_cosine(index, a, b),
    }
}

/// Cosine, negative values as 0, of the meanings of the two statements' contexts: each
/// document's sum of statement meanings less the statement's own. `None` when a statement's
/// meaning is empty or its document has less than about one other statement's worth of
/// meaning besides it.
fn context_cosine(index: &Index, a: &Profile, b: &Profile) -> Option<f64> {
    let (ma, mb) = (index.meaning(a), index.meaning(b));
    if ma.is_empty() || mb.is_empty() {
        return None;
    }
    let (sa, na) = &index.sums[a.doc];
    let (sb, nb) = &index.sums[b.doc];
    // |S - u|² = |S|² - 2 S·u + 1 for a unit vector u.
    let (own_a, own_b) = (a.own, b.own);
    let rest_a = na - 2.0 * own_a + 1.0;
    let rest_b = nb - 2.0 * own_b + 1.0;
    if rest_a < 0.5 || rest_b < 0.5 {
        return None;
    }
    let sa_ub = dot_f32_i8(sa, mb.components()) / mb.length();
    let ua_sb = dot_f32_i8(sb, ma.components()) / ma.length();
    let between = dot_f32(sa, sb) - sa_ub - ua_sb + ma.cosine(mb) as f32;
    Some((f64::from(between) / f64::from(rest_a * rest_b).sqrt()).max(0.0))
}

/// How many ids two sorted lists of distinct ids share: one merge, branch-free like the
/// feature merge of [`signals`].
fn common_count(p: &[u32], q: &[u32]) -> usize {
    let (mut x, mut y, mut common) = (0, 0, 0);
    while x < p.len() && y < q.len() {
        let (a, b) = (p[x], q[y]);
        common += usize::from(a == b);
        x += usize::from(a <= b);
        y += usize::from(b <= a);
    }
    common
}

/// IDF-weighted Dice over entities, where two names that differ only in case, spacing,
/// hyphens or dots ("Kim Jong-un" / "Kim Jong Un" when no alias covers them) count as one,
/// and so does a name and a longer form that starts with it ("Nasdaq" / "Nasdaq Composite
/// Index": one source capitalises the rest of the name, the other does not).
fn entity_overlap(index: &Index, a: &[u32], b: &[u32]) -> f64 {
    let total: f64 = a.iter().chain(b).map(|&id| index.idf[id as usize]).sum();
    if total == 0.0 {
        return 0.0;
    }
    let same = |x: u32, y: u32| {
        let (x, y) = (x as usize, y as usize);
        let (p, q) = (&index.name_words[x], &index.name_words[y]);
        x == y
            || index.name_key[x] == index.name_key[y]
            || (!p.is_empty() && !q.is_empty() && (p.starts_with(q) || q.starts_with(p)))
    };
    let matched = |p: &[u32], q: &[u32]| -> f64 {
        p.iter()
            .filter(|&&x| q.iter().any(|&y| same(x, y)))
            .map(|&x| index.idf[x as usize])
            .sum()
    };
    ((matched(a, b) + matched(b, a)) / total).min(1.0)
}

/// Joins mutual best pairs, strongest first, never putting two statements of one document
/// into one claim.
fn cluster(index: &Index, best: Vec<Vec<(usize, f64)>>) -> Vec<Cluster> {
    let profiles = &index.profiles;
    // Each statement's place in documents ordered by path: equally strong pairs join in that
    // order, which does not follow the input order.
    let mut by_place: Vec<u32> = (0..profiles.len() as u32).collect();
    by_place.par_sort_unstable_by_key(|&i| {
        let p = &profiles[i as usize];
        (index.doc_rank[p.doc], p.sentence)
    });
    let mut place = vec![0u32; profiles.len()];
    for (rank, &i) in by_place.iter().enumerate() {
        place[i as usize] = rank as u32;
    }
    // One packed word per edge: strongest first (scores are positive, so their inverted bit
    // patterns order like the numbers, reversed), then by the two statements' places. The
    // pairs are distinct, so an unstable sort gives one order at any number of threads.
    let mut edges: Vec<u128> = best
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, partners)| {
            let (best, place) = (&best, &place);
            partners.iter().filter_map(move |&(j, score)| {
                let mutual = i < j && score >= MIN_SCORE && best[j].iter().any(|&(k, _)| k == i);
                mutual.then(|| {
                    let (a, b) = (place[i].min(place[j]), place[i].max(place[j]));
                    (u128::from(!score.to_bits()) << 64) | (u128::from(a) << 32) | u128::from(b)
                })
            })
        })
        .collect();
    edges.par_sort_unstable();
    drop(place);
    let edges = edges.into_iter().map(|key| {
        let statement = |shift: u32| by_place[((key >> shift) as u32) as usize] as usize;
        let (a, b) = (statement(32), statement(0));
        (a.min(b), a.max(b), f64::from_bits(!((key >> 64) as u64)))
    });

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
    let address = |i: usize| index.address(i);
    let mut out: Vec<Cluster> = groups
        .into_iter()
        .enumerate()
        .filter(|(_, g)| !g.is_empty())
        .map(|(r, g)| {
            let mut scored: Vec<((StatementRef, StatementRef, f64), Signals)> = joined[r]
                .iter()
                .map(|&(i, j, s)| {
                    let evidence = signals(index, &profiles[i], &profiles[j]);
                    ((address(i), address(j), s), evidence)
                })
                .collect();
            scored.sort_by(|(a, _), (b, _)| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
            let (pairs, evidence): (Vec<_>, Vec<_>) = scored.into_iter().unzip();
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
                evidence,
            }
        })
        .collect();
    out.sort_by_key(|c| c.members[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::InputFormat;

    fn document(id: &str, text: &str) -> Document {
        Document::read(id, "t.txt", text.as_bytes(), InputFormat::Text).expect("plain text reads")
    }

    /// One document per text, `d1`, `d2`, … in order.
    fn documents(texts: &[&str]) -> Vec<Document> {
        texts
            .iter()
            .enumerate()
            .map(|(k, t)| document(&format!("d{}", k + 1), t))
            .collect()
    }

    #[test]
    fn one_document_skips_the_index_with_the_same_claims() {
        // Repeated and near-repeated statements: the index path proposes them to each other,
        // and only the one-statement-per-document rule keeps them apart.
        let page = document(
            "d1",
            "Troops numbered 12,000 in the north. Troops numbered 12,000 in the north.\n\n\
             The summit was held in Hanoi in February. Talks in Hanoi ended early.",
        );
        let docs = [page];
        let index = Index::build(&docs, None);
        let through_index = cluster(&index, best_partners(&index));
        assert_eq!(through_index.len(), 4);
        assert_eq!(align(&docs), through_index);
    }

    #[test]
    fn interning_in_chunks_gives_the_ids_of_one_pass() {
        let texts = [
            "Some 12,000 troops were sent to the border in March. Rain fell on Hanoi.",
            "Officials in Hanoi met. Some 10,000 troops were sent to the border in March.",
            "The summit in Singapore was held in 2018. Rain fell.",
        ];
        let docs = documents(&texts);
        let whole = Index::build_in_chunks(&docs, None, Some(usize::MAX));
        for chunk in [1, 2, 3] {
            let chunked = Index::build_in_chunks(&docs, None, Some(chunk));
            assert_eq!(chunked.df, whole.df, "chunk {chunk}");
            assert_eq!(chunked.name_key, whole.name_key, "chunk {chunk}");
            for (p, q) in chunked.profiles.iter().zip(&whole.profiles) {
                assert_eq!(p.features, q.features, "chunk {chunk}");
                assert_eq!(p.bigrams, q.bigrams, "chunk {chunk}");
                assert_eq!(p.numbers, q.numbers, "chunk {chunk}");
                assert_eq!(p.entities, q.entities, "chunk {chunk}");
                assert_eq!(p.form, q.form, "chunk {chunk}");
            }
        }
    }

    #[test]
    fn copies_share_one_score_and_it_is_each_pairs_own() {
        // The same sentence in three articles, and a fourth article changing its figure:
        // candidates of one form are scored once, and that score must be every copy's.
        let texts = [
            "Some 12,000 troops were sent to the border in March. Rain fell.",
            "Some 12,000 troops were sent to the border in March.",
            "Officials met. Some 12,000 troops were sent to the border in March.",
            "Some 10,000 troops were sent to the border in March.",
        ];
        let docs = documents(&texts);
        let index = Index::build(&docs, None);
        let forms: std::collections::BTreeSet<u32> =
            index.profiles.iter().map(|p| p.form).collect();
        assert!(
            forms.len() < index.profiles.len(),
            "the copies share a form"
        );
        let best = best_partners(&index);
        assert!(best.iter().map(Vec::len).sum::<usize>() >= 6);
        for (i, partners) in best.iter().enumerate() {
            for &(j, score) in partners {
                let own = signals(&index, &index.profiles[i], &index.profiles[j]).score();
                assert_eq!(score, own, "statement {i} against {j}");
            }
        }
    }
}
