//! Judge: a verdict for every claim, typed differences, and the numbers each source gives.
//!
//! Owns the comparison of facts inside a claim. A claim with one statement is `unique`; one
//! whose statements disagree on a quantity, a date, an actor or place, polarity, hedging or a
//! quotation is a `difference` naming the documents on each side; anything else is an
//! `agreement`, with notes on the details only some sources give. Quantities are compared as
//! intervals in a common unit: ranges that overlap, values within the rounding their writing
//! implies, and approximations that cover each other agree; a rate is never compared with a
//! total. Statements of one document that contradict each other are found by a separate,
//! index-based pass and reported as claims of their own.

use crate::align::{Cluster, StatementRef};
use crate::extract::quantity::{Bound, Quantity, QuantityKind};
use crate::extract::{lexicon, Facts};
use crate::Document;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
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
    /// Details only some of the statements give ("d2 adds: $26 billion"): not a difference.
    pub notes: Vec<String>,
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
}

/// Topics looked up by word, so a claim's topic costs one lookup per term and name rather
/// than a scan of every topic's word list.
struct TopicIndex<'t> {
    topics: &'t [Topic],
    /// For each stem, the topics (by position, each once) that list it.
    by_stem: HashMap<&'t str, Vec<usize>>,
    /// For each lowercase signal word, the topics that list it: names match it ignoring case.
    by_word: HashMap<&'t str, Vec<usize>>,
}

impl<'t> TopicIndex<'t> {
    fn new(topics: &'t [Topic]) -> Self {
        let mut by_stem: HashMap<&str, Vec<usize>> = HashMap::default();
        let mut by_word: HashMap<&str, Vec<usize>> = HashMap::default();
        for (k, topic) in topics.iter().enumerate() {
            for (list, index) in [(&topic.stems, &mut by_stem), (&topic.words, &mut by_word)] {
                for word in list {
                    let signalled = index.entry(word.as_str()).or_default();
                    // A topic counts a word once however many of its words share the stem.
                    if signalled.last() != Some(&k) {
                        signalled.push(k);
                    }
                }
            }
        }
        TopicIndex {
            topics,
            by_stem,
            by_word,
        }
    }

    /// The label of the topic whose words the members use most (each term and each name
    /// counts once per topic it signals); among equals, the earlier topic. `None` when no
    /// member uses any topic's words.
    fn best(&self, docs: &[Document], members: &[StatementRef]) -> Option<String> {
        if self.topics.is_empty() {
            return None;
        }
        let mut scores = vec![0usize; self.topics.len()];
        let mut lowered = String::new();
        for &r in members {
            let f = facts(docs, r);
            for term in &f.terms {
                for &k in self.by_stem.get(term.as_str()).into_iter().flatten() {
                    scores[k] += 1;
                }
            }
            for entity in &f.entities {
                lowered.clear();
                lowered.extend(entity.chars().map(|c| c.to_ascii_lowercase()));
                for &k in self.by_word.get(lowered.as_str()).into_iter().flatten() {
                    scores[k] += 1;
                }
            }
        }
        match scores
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
        {
            Some((k, &s)) if s > 0 => Some(self.topics[k].label.clone()),
            _ => None,
        }
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
///
/// The first judgements are those of `clusters`, in the same order; after them come the
/// contradictions found inside single documents, each a two-statement claim of one document.
pub fn judge_with(docs: &[Document], clusters: Vec<Cluster>, topics: &[Topic]) -> Vec<Judgement> {
    let builtin = builtin_topics();
    let (users, builtin) = (TopicIndex::new(topics), TopicIndex::new(&builtin));
    let topic_of = |members: &[StatementRef]| {
        users
            .best(docs, members)
            .or_else(|| builtin.best(docs, members))
            .unwrap_or_else(|| "other".to_string())
    };
    // Claims are judged independently; collecting keeps their order at any thread count.
    let mut out: Vec<Judgement> = clusters
        .into_par_iter()
        .map(|cluster| {
            let (differences, notes) = differences(docs, &cluster.members);
            let verdict = if cluster.members.len() < 2 {
                Verdict::Unique
            } else if differences.is_empty() {
                Verdict::Agreement
            } else {
                Verdict::Difference
            };
            let topic = topic_of(&cluster.members);
            Judgement {
                cluster,
                verdict,
                differences,
                topic,
                notes,
            }
        })
        .collect();
    for cluster in internal_contradictions(docs) {
        let (differences, _) = differences(docs, &cluster.members);
        let topic = topic_of(&cluster.members);
        out.push(Judgement {
            cluster,
            verdict: Verdict::Difference,
            differences,
            topic,
            notes: Vec::new(),
        });
    }
    out
}

fn facts(docs: &[Document], r: StatementRef) -> &Facts {
    &docs[r.0].facts[r.1]
}

/// One side of a typed disagreement between two statements: the words it turns on.
struct Side {
    kind: DifferenceKind,
    /// Separates independent disagreements of one kind (numbers of different units).
    key: String,
    a: String,
    b: String,
}

/// What the pairwise comparison of two statements found.
#[derive(Default)]
struct PairFindings {
    sides: Vec<Side>,
    /// Indices of quantities (of a, of b) that take part in a conflict.
    conflicting_a: Vec<usize>,
    conflicting_b: Vec<usize>,
    /// Entity names that stand for each other in an entity difference.
    swapped_entities: Vec<String>,
}

fn compare_pair(fa: &Facts, fb: &Facts) -> PairFindings {
    let mut f = PairFindings::default();
    let conflicts = if read_apart(fa, fb) {
        Vec::new()
    } else {
        quantity_conflicts(&fa.quantities, &fb.quantities)
    };
    for c in conflicts {
        let texts = |qs: &[Quantity], idx: &[usize]| {
            idx.iter()
                .map(|&i| qs[i].text.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        f.sides.push(Side {
            kind: c.kind,
            key: c.key.clone(),
            a: texts(&fa.quantities, &c.a),
            b: texts(&fb.quantities, &c.b),
        });
        f.conflicting_a.extend(&c.a);
        f.conflicting_b.extend(&c.b);
    }
    if let Some((a, b)) = weekday_difference(fa, fb) {
        f.sides.push(Side {
            kind: DifferenceKind::Date,
            key: "weekday".into(),
            a,
            b,
        });
    }
    if let Some(side) = negation_side(fa, fb) {
        f.sides.push(Side {
            kind: DifferenceKind::Negation,
            key: String::new(),
            a: side.0,
            b: side.1,
        });
    }
    if let Some(side) = polarity(
        &fa.hedge,
        &fa.hedge_scope,
        &fb.hedge,
        &fb.hedge_scope,
        fa,
        fb,
        "hedges",
        |cue, f| {
            // Hearsay is matched by an attribution, a guess by a modal or an estimate.
            let hearsay = lexicon::HEARSAY_CUES.contains(&cue.to_lowercase().as_str());
            let list = if hearsay {
                lexicon::ATTRIBUTIONS
            } else {
                lexicon::MODAL_QUALIFIERS
            };
            f.qualifiers.iter().any(|w| list.contains(&w.as_str()))
        },
    ) {
        f.sides.push(Side {
            kind: DifferenceKind::Hedge,
            key: String::new(),
            a: side.0,
            b: side.1,
        });
    }
    let quote = quote_difference(fa, fb);
    let quoted_speakers = quote.is_some();
    if let Some((a, b)) = quote {
        f.sides.push(Side {
            kind: DifferenceKind::Quote,
            key: String::new(),
            a,
            b,
        });
    }
    if let Some((a, b, subject)) = entity_difference(fa, fb) {
        // Statements about different actors give figures and dates of different things:
        // "Norhaven cut 300 jobs" and "Castellan cut 450 jobs" differ in who, not in how many.
        if subject {
            f.sides
                .retain(|s| !matches!(s.kind, DifferenceKind::Number | DifferenceKind::Date));
        }
        // A quotation given to another speaker is already the finding; the different name
        // is how it shows, not a second disagreement.
        if !quoted_speakers {
            f.swapped_entities.push(a.clone());
            f.swapped_entities.push(b.clone());
            f.sides.push(Side {
                kind: DifferenceKind::Entity,
                key: String::new(),
                a,
                b,
            });
        }
    }
    f
}

/// Whether [`compare_pair`] would find a `negation` or `number` difference, computed without
/// the other kinds: name comparisons cost most of `compare_pair`, and a long page checks tens
/// of thousands of restatements. Names matter only to drop figures of different subjects.
fn contradicts(fa: &Facts, fb: &Facts) -> bool {
    if negation_side(fa, fb).is_some() {
        return true;
    }
    let numbers = !read_apart(fa, fb)
        && quantity_conflicts(&fa.quantities, &fb.quantities)
            .iter()
            .any(|c| c.kind == DifferenceKind::Number);
    numbers && !matches!(entity_difference(fa, fb), Some((_, _, true)))
}

/// Figures read at two moments of a trading day are two readings, and both can hold.
fn read_apart(fa: &Facts, fb: &Facts) -> bool {
    matches!((fa.moment, fb.moment), (Some(a), Some(b)) if a != b)
}

fn negation_side(fa: &Facts, fb: &Facts) -> Option<(String, String)> {
    polarity(
        &fa.negation,
        &fa.negation_scope,
        &fb.negation,
        &fb.negation_scope,
        fa,
        fb,
        "denies",
        |_, f| f.negative_word.is_some(),
    )
}

/// Both statements put their event on a day of the week and no day is common to both
/// ("meet on Monday" / "meet on Tuesday"). A day of the week against a calendar date is not
/// compared: which weekday a date falls on needs its year.
fn weekday_difference(fa: &Facts, fb: &Facts) -> Option<(String, String)> {
    let disjoint = !fa.weekdays.is_empty()
        && !fb.weekdays.is_empty()
        && !fa.weekdays.iter().any(|d| fb.weekdays.contains(d));
    disjoint.then(|| (fa.weekdays.join(", "), fb.weekdays.join(", ")))
}

/// A polarity-like mismatch (negation, hedge): one statement carries a cue whose scope the
/// other shares, and the other plainly asserts: no cue, and nothing that says the same in
/// other words (`plain` is false for it). A cue governing words the other statement lacks
/// qualifies an extra detail, not the shared fact.
#[allow(clippy::too_many_arguments)]
fn polarity(
    cue_a: &Option<String>,
    scope_a: &[String],
    cue_b: &Option<String>,
    scope_b: &[String],
    fa: &Facts,
    fb: &Facts,
    verb: &str,
    qualified: impl Fn(&str, &Facts) -> bool,
) -> Option<(String, String)> {
    let governs = |scope: &[String], other: &Facts| {
        scope.is_empty() || scope.iter().any(|t| other.terms.contains(t))
    };
    match (cue_a, cue_b) {
        (Some(cue), None) if governs(scope_a, fb) && !qualified(cue, fb) => {
            Some((format!("{verb} (“{cue}”)"), "asserts".to_string()))
        }
        (None, Some(cue)) if governs(scope_b, fa) && !qualified(cue, fa) => {
            Some(("asserts".to_string(), format!("{verb} (“{cue}”)")))
        }
        _ => None,
    }
}

/// Whether two canonical names can mean the same one: equal, or the shorter is the end of the
/// longer ("Ruiz", "Mayor Ruiz"), since a title or first name is often dropped in one source.
fn same_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.strip_suffix(short)
        .is_some_and(|head| head.ends_with(' '))
}

/// Name words too common to show that two names mean the same thing ("New York", "New
/// Delhi"; "Riverside Park", "Hillcrest Park").
const GENERIC_NAME_WORDS: &[&str] = &[
    "new",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "great",
    "san",
    "santa",
    "saint",
    "st",
    "united",
    "the",
    "of",
    "and",
    "de",
    "del",
    "la",
    "le",
    "los",
    "las",
    "el",
    "al",
    "von",
    "van",
    "city",
    "county",
    "state",
    "river",
    "lake",
    "mount",
    "port",
    "fort",
    "park",
    "island",
    "islands",
    "street",
    "avenue",
    "road",
    "square",
    "bay",
    "inc",
    "corp",
    "co",
    "ltd",
    "plc",
    "group",
    "company",
    "bank",
    "university",
    "national",
    "international",
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "prime",
    "governor",
    "senator",
    "general",
    "mayor",
    "chief",
    "secretary",
    "writer",
    "press",
    "news",
    "financial",
    "holdings",
    "capital",
    "partners",
    "industries",
    "systems",
    "technologies",
    "communications",
    "energy",
    "motor",
    "motors",
    "airlines",
    "insurance",
    "securities",
    "services",
    "resources",
    "trust",
    "fund",
    "association",
    "council",
    "committee",
    "department",
    "ministry",
    "agency",
    "office",
    "institute",
    "center",
    "centre",
    "foundation",
    "party",
    "court",
    "federal",
    "royal",
    "republic",
];

/// Letters and digits of a name, lowercase ("F.T.C." → "ftc", "Visual Basic" → "visualbasic").
fn squashed(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `short` is an acronym that can stand for `long`: all capitals, and the initials
/// of `long`'s capitalised words appear in it in order ("IAEA", "International Atomic
/// Energy Agency"; "UCLA", "Los Angeles"; "SEC", "Securities").
fn acronym_of(short: &str, long: &str) -> bool {
    // Most names are no acronym: that is settled before anything is collected.
    let alphanumeric = || short.chars().filter(|c| c.is_alphanumeric());
    if !alphanumeric().all(char::is_uppercase) || !(2..=6).contains(&alphanumeric().count()) {
        return false;
    }
    let letters: Vec<char> = alphanumeric().collect();
    let initials: Vec<char> = long
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    let long_is_acronym = long
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    if initials.is_empty() || long_is_acronym {
        // Two acronyms are the same name only when equal ("US", "UK").
        return false;
    }
    // "GE" for "General Electric Co": the leading initials, a suffix such as "Co" dropped.
    if letters.len() >= 2 && initials.starts_with(&letters) {
        return true;
    }
    let mut rest = letters.iter();
    initials.iter().all(|c| rest.any(|l| l == c))
}

/// Edit distance between two short strings (names), by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Whether two names may well refer to the same actor or place, so that using one where the
/// other source uses the other is no difference: the same name, a name with a word in common
/// ("Skagit River", "Skagit"; "Tim Muris", "Timothy Muris"), an acronym ("IAEA"), or another
/// spelling ("Guangdong", "Guandong": one edit in eight letters; "Iran" and "Iraq", or
/// "Poland" and "Roland", stay apart).
fn related_names(a: &str, b: &str) -> bool {
    if same_name(a, b) {
        return true;
    }
    let (sa, sb) = (squashed(a), squashed(b));
    if sa.is_empty() || sb.is_empty() || sa == sb {
        return true;
    }
    if shares_telling_word(a, b) {
        return true;
    }
    if acronym_of(a, b) || acronym_of(b, a) {
        return true;
    }
    if inflected(&sa, &sb) || inflected(&sb, &sa) || abbreviation(&sa, &sb) {
        return true;
    }
    // Transliterations vary in vowels: "Qaeda" / "Qaida", "Muqtada" / "Moqtada".
    fn skeleton(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().filter(|c| !"aeiouy".contains(*c))
    }
    if sa.chars().next() == sb.chars().next()
        && skeleton(&sa).map(char::len_utf8).sum::<usize>() >= 2
        && skeleton(&sa).eq(skeleton(&sb))
    {
        return true;
    }
    let (na, nb) = (sa.chars().count(), sb.chars().count());
    let allowed = na.min(nb).saturating_sub(4) / 4;
    // The distance is at least the difference in length.
    allowed > 0 && na.abs_diff(nb) <= allowed && edit_distance(&sa, &sb) <= allowed
}

/// Whether the two names have a word in common (lowercase) that is long and rare enough to
/// show they are one name: "Skagit River" / "Skagit", but not "New York" / "New Delhi".
/// Names are compared word by word in place; this runs for every pair of names in every
/// compared pair of statements.
fn shares_telling_word(a: &str, b: &str) -> bool {
    if !(a.is_ascii() && b.is_ascii()) {
        // Lowercasing can change the length of other scripts' words; take the plain way.
        let (wa, wb) = (crate::extract::name_words(a), crate::extract::name_words(b));
        let telling =
            |w: &String| w.chars().count() >= 3 && !GENERIC_NAME_WORDS.contains(&w.as_str());
        return wa.iter().filter(|w| telling(w)).any(|w| wb.contains(w));
    }
    // The other name's few words first: the generic list is long, and most words are not
    // shared at all.
    name_words_ascii(a).any(|w| {
        w.len() >= 3
            && name_words_ascii(b).any(|v| v.eq_ignore_ascii_case(w))
            && !GENERIC_NAME_WORDS.iter().any(|g| g.eq_ignore_ascii_case(w))
    })
}

/// The runs of letters and digits of an ASCII name, as `extract::name_words` splits it.
fn name_words_ascii(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether `long` is `short` with a plural, possessive or people's ending ("Turks",
/// "Crohns", "Fijian", "Iraqi").
fn inflected(short: &str, long: &str) -> bool {
    short.chars().count() >= 4
        && long.strip_prefix(short).is_some_and(|rest| {
            matches!(rest, "s" | "es" | "n" | "an" | "ian" | "i" | "ns" | "ans")
        })
}

/// Whether one squashed name is a short abbreviation of the other: at most three letters,
/// the same first and last letter, the rest in order ("st" / "street", "lt" / "lieut").
fn abbreviation(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if !(2..=3).contains(&short.len()) || long.len() <= short.len() {
        return false;
    }
    if short.chars().next() != long.chars().next() || short.chars().last() != long.chars().last() {
        return false;
    }
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c))
}

fn names(list: &[String], name: &str) -> bool {
    list.iter().any(|n| same_name(n, name))
}

fn related_to_any(list: &[String], name: &str) -> bool {
    list.iter().any(|n| related_names(n, name))
}

/// Share of the distinct quoted words of one side found nowhere in the other statement:
/// 0 when the other statement has every quoted word (quoted or not), 1 when it has none.
fn unmatched_share(quoted: &[String], other: &Facts) -> f64 {
    let mut distinct: Vec<&String> = quoted.iter().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.is_empty() {
        return 0.0;
    }
    let unseen: Vec<&&String> = distinct
        .iter()
        .filter(|w| !other.terms.contains(w) && !other.quote_terms.contains(w))
        .collect();
    // The other side's names are stemmed only when some quoted word is still unaccounted
    // for: usually none is, and stemming was most of this function's cost.
    let missing = if unseen.is_empty() {
        0
    } else {
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let other_names: Vec<String> = other
            .entities
            .iter()
            .flat_map(|e| crate::extract::name_words(e))
            .map(|w| stemmer.stem(&w).into_owned())
            .collect();
        unseen.iter().filter(|w| !other_names.contains(w)).count()
    };
    missing as f64 / distinct.len() as f64
}

/// Quoted wording counts as different when at least this share of each side's quoted words
/// is missing from the other statement: a changed key word in a short quotation ("protects"
/// / "punishes" in five words), not a transcription variant of a long one ("public's" /
/// "nation's" in twelve).
const QUOTE_MIN_CHANGED: f64 = 0.25;
/// Quoted wording counts as the same when at most this share of either side's quoted words
/// is missing from the other.
const QUOTE_MAX_SAME: f64 = 0.2;

/// Same speaker with substantially different words, or the same words from a different
/// named speaker. Both statements must quote; a paraphrase of a quotation is no quote
/// difference, nor is a quotation transcribed with small changes, nor one speaker named by
/// a title in one source and by name in the other.
fn quote_difference(fa: &Facts, fb: &Facts) -> Option<(String, String)> {
    if fa.quotes.is_empty() || fb.quotes.is_empty() {
        return None;
    }
    let show = |x: &Facts| {
        x.quotes
            .iter()
            .map(|q| format!("“{}”", q.text))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (gone_a, gone_b) = (
        unmatched_share(&fa.quote_terms, fb),
        unmatched_share(&fb.quote_terms, fa),
    );
    // Speakers are different only when each side names one and no name of the other side
    // could be the same person.
    let only = |x: &Facts, y: &Facts| -> Vec<String> {
        x.speakers
            .iter()
            .filter(|s| !related_to_any(&y.entities, s))
            .cloned()
            .collect()
    };
    let (only_a, only_b) = (only(fa, fb), only(fb, fa));
    let other_speaker = !fa.speakers.is_empty()
        && !fb.speakers.is_empty()
        && only_a.len() == fa.speakers.len()
        && only_b.len() == fb.speakers.len();
    let same_words = gone_a <= QUOTE_MAX_SAME && gone_b <= QUOTE_MAX_SAME;
    let changed = gone_a >= QUOTE_MIN_CHANGED && gone_b >= QUOTE_MIN_CHANGED;
    if other_speaker && same_words {
        Some((
            format!("{} quoted as {}", show(fa), only_a.join(", ")),
            format!("quoted as {}", only_b.join(", ")),
        ))
    } else if !other_speaker && changed {
        Some((show(fa), show(fb)))
    } else {
        None
    }
}

/// Terms both statements use, as a share of the shorter statement's terms.
fn term_containment(a: &[String], b: &[String]) -> f64 {
    let mut ua: Vec<&String> = a.iter().collect();
    ua.sort_unstable();
    ua.dedup();
    let mut ub: Vec<&String> = b.iter().collect();
    ub.sort_unstable();
    ub.dedup();
    let shared = ua.iter().filter(|t| ub.binary_search(t).is_ok()).count();
    let smaller = ua.len().min(ub.len());
    if smaller == 0 {
        0.0
    } else {
        shared as f64 / smaller as f64
    }
}

/// Entities in the same slot need statements that otherwise say nearly the same thing.
const ENTITY_MIN_CONTAINMENT: f64 = 0.6;

/// A different actor or place in the same role: each statement names someone the other does
/// not (nor anyone who could be the same: an alias, acronym, spelling or shorter form), in
/// the same slot (the same word before and the same word after it), and the rest of the
/// wording is largely shared. A name only one side gives, with nothing in its place on the
/// other, is an added detail. The flag tells whether the names are the subjects (both open
/// their sentences, "The Norhaven mill" / "The Castellan mill").
fn entity_difference(fa: &Facts, fb: &Facts) -> Option<(String, String, bool)> {
    if term_containment(&fa.terms, &fb.terms) < ENTITY_MIN_CONTAINMENT {
        return None;
    }
    // Same slot first: it is cheap and rarely holds, while name relatedness is costly.
    for x in &fa.entity_slots {
        if x.before.is_empty() && x.after.is_empty() {
            continue;
        }
        let mut slot_mates = fb
            .entity_slots
            .iter()
            .filter(|y| x.before == y.before && x.after == y.after)
            .peekable();
        if slot_mates.peek().is_none() || related_to_any(&fb.entities, &x.name) {
            continue;
        }
        if let Some(y) = slot_mates.find(|y| !related_to_any(&fa.entities, &y.name)) {
            let subject = x.opens && y.opens;
            return Some((x.name.clone(), y.name.clone(), subject));
        }
    }
    None
}

fn side_label(docs: &[Document], members: &[StatementRef], m: usize) -> String {
    let (d, s) = members[m];
    let one_doc_twice = members.iter().filter(|r| r.0 == d).count() > 1;
    if one_doc_twice {
        format!("{}.s{}", docs[d].id, s + 1)
    } else {
        docs[d].id.clone()
    }
}

/// A kind of disagreement, its key, and each involved member with the words of its side.
type Involved = (DifferenceKind, String, Vec<(usize, String)>);

fn differences(docs: &[Document], members: &[StatementRef]) -> (Vec<Difference>, Vec<String>) {
    // Pairwise comparison decides which kinds of disagreement exist and who is involved; the
    // detail then states each involved statement's side once.
    let mut involved: Vec<Involved> = Vec::new();
    let mut conflicting: Vec<Vec<usize>> = vec![Vec::new(); members.len()];
    let mut swapped: Vec<String> = Vec::new();
    // A story retold by many outlets puts the same wire sentence in dozens of documents;
    // members with the same facts give the same findings, so each pair of distinct facts is
    // compared once.
    let (group, distinct) = content_groups(docs, members);
    let mut findings: HashMap<(usize, usize), PairFindings> = HashMap::default();
    for (x, &a) in members.iter().enumerate() {
        for (y, &b) in members.iter().enumerate().skip(x + 1) {
            let found = findings
                .entry((group[x], group[y]))
                .or_insert_with(|| compare_pair(facts(docs, a), facts(docs, b)));
            conflicting[x].extend(&found.conflicting_a);
            conflicting[y].extend(&found.conflicting_b);
            swapped.extend(found.swapped_entities.iter().cloned());
            for side in &found.sides {
                let slot = match involved
                    .iter()
                    .position(|(k, key, _)| *k == side.kind && *key == side.key)
                {
                    Some(i) => i,
                    None => {
                        involved.push((side.kind, side.key.clone(), Vec::new()));
                        involved.len() - 1
                    }
                };
                for (m, text) in [(x, &side.a), (y, &side.b)] {
                    if !involved[slot].2.iter().any(|(n, _)| *n == m) {
                        involved[slot].2.push((m, text.clone()));
                    }
                }
            }
        }
    }
    let mut out: Vec<Difference> = Vec::new();
    for (kind, _, mut who) in involved {
        who.sort_by_key(|(m, _)| *m);
        let detail = who
            .iter()
            .map(|(m, text)| format!("{} {text}", side_label(docs, members, *m)))
            .collect::<Vec<_>>()
            .join(" · ");
        let mut doc_ids: Vec<usize> = who.iter().map(|&(m, _)| members[m].0).collect();
        doc_ids.dedup();
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
    let notes = extra_notes(docs, members, &conflicting, &swapped, &group, distinct);
    (out, notes)
}

/// For each member, the index of the first member whose facts are the same as its own
/// (file offsets of quantities aside), and the number of such groups.
fn content_groups(docs: &[Document], members: &[StatementRef]) -> (Vec<usize>, usize) {
    let mut firsts: Vec<usize> = Vec::new();
    let mut group = Vec::with_capacity(members.len());
    for (m, &r) in members.iter().enumerate() {
        let f = facts(docs, r);
        match firsts
            .iter()
            .find(|&&k| same_content(facts(docs, members[k]), f))
        {
            Some(&k) => group.push(k),
            None => {
                firsts.push(m);
                group.push(m);
            }
        }
    }
    (group, firsts.len())
}

/// Whether two statements carry the same facts, wherever they stand in their files.
fn same_content(a: &Facts, b: &Facts) -> bool {
    // Destructured so that a new field of `Facts` cannot be forgotten here.
    let Facts {
        quantities,
        entities,
        negation,
        hedge,
        quotes,
        terms,
        negation_scope,
        hedge_scope,
        negative_word,
        qualifiers,
        speakers,
        quote_terms,
        entity_slots,
        weekdays,
        moment,
        meaning,
    } = a;
    let same_quantity = |p: &Quantity, q: &Quantity| {
        p.text == q.text
            && p.value.map(f64::to_bits) == q.value.map(f64::to_bits)
            && p.low.to_bits() == q.low.to_bits()
            && p.high.to_bits() == q.high.to_bits()
            && p.unit == q.unit
            && p.kind == q.kind
            && p.approx == q.approx
            && p.bound == q.bound
            && p.per == q.per
            && p.normalized == q.normalized
    };
    terms == &b.terms
        && entities == &b.entities
        && quantities.len() == b.quantities.len()
        && quantities
            .iter()
            .zip(&b.quantities)
            .all(|(p, q)| same_quantity(p, q))
        && negation == &b.negation
        && hedge == &b.hedge
        && quotes == &b.quotes
        && negation_scope == &b.negation_scope
        && hedge_scope == &b.hedge_scope
        && negative_word == &b.negative_word
        && qualifiers == &b.qualifiers
        && speakers == &b.speakers
        && quote_terms == &b.quote_terms
        && entity_slots == &b.entity_slots
        && weekdays == &b.weekdays
        && moment == &b.moment
        && meaning == &b.meaning
}

/// For each statement, the quantities and names no other statement of the claim gives (and
/// that are not part of a disagreement): "d2 adds: $26 billion, Lisbon".
fn extra_notes(
    docs: &[Document],
    members: &[StatementRef],
    conflicting: &[Vec<usize>],
    swapped: &[String],
    group: &[usize],
    distinct: usize,
) -> Vec<String> {
    if members.len() < 2 {
        return Vec::new();
    }
    let mut notes = Vec::new();
    let mut group_size = vec![0usize; members.len()];
    for &g in group {
        group_size[g] += 1;
    }
    for (m, &r) in members.iter().enumerate() {
        let f = facts(docs, r);
        // One member per group of equal facts is enough to ask whether another gives a detail.
        let mut others: Vec<&Facts> = Vec::with_capacity(distinct);
        for (n, &o) in members.iter().enumerate() {
            let first_of_group = group[n] == n;
            let own_group = group[n] == group[m];
            if first_of_group && (!own_group || group_size[n] > 1) {
                others.push(facts(docs, o));
            }
        }
        let mut added: Vec<String> = Vec::new();
        for (i, q) in f.quantities.iter().enumerate() {
            if family(q) == 2 || conflicting[m].contains(&i) {
                continue;
            }
            let elsewhere = others
                .iter()
                .any(|o| o.quantities.iter().any(|p| compatible(q, p)));
            if !elsewhere && !added.contains(&q.text) {
                added.push(q.text.clone());
            }
        }
        for e in &f.entities {
            // Part of a swapped name ("Dar" of "Dar es Salaam") is that name.
            let in_swapped = swapped.iter().any(|s| {
                let words = crate::extract::name_words(s);
                crate::extract::name_words(e)
                    .iter()
                    .all(|w| words.contains(w))
            });
            if in_swapped || others.iter().any(|o| names(&o.entities, e)) {
                continue;
            }
            if !added.contains(e) {
                added.push(e.clone());
            }
        }
        if !added.is_empty() {
            notes.push(format!(
                "{} adds: {}",
                side_label(docs, members, m),
                added.join(", ")
            ));
        }
    }
    notes
}

// ---------------------------------------------------------------------------------------------
// Quantities

/// Which family of comparison a quantity belongs to: calendar positions, amounts per period,
/// things never compared (ordinals; bare fractions such as "half", which are shares of
/// something else rather than amounts), clock times and plain amounts.
fn family(q: &Quantity) -> u8 {
    match q.kind {
        QuantityKind::Year | QuantityKind::Date => 0,
        QuantityKind::Ordinal => 2,
        QuantityKind::Count if q.unit.is_empty() && q.high < 1.0 && q.low > 0.0 => 2,
        QuantityKind::Time => 4,
        _ if q.kind == QuantityKind::Rate || q.per.is_some() => 1,
        _ => 3,
    }
}

/// A unit converted to a common one where the conversion is exact and well known, so that
/// "100 miles" and "161 km" meet: (common unit, factor to multiply by).
fn base_unit(unit: &str) -> (&str, f64) {
    match unit {
        "mile" => ("km", 1.609_344),
        "nautical mile" => ("km", 1.852),
        "m" => ("km", 1e-3),
        "cm" => ("km", 1e-5),
        "mm" => ("km", 1e-6),
        "ft" => ("km", 3.048e-4),
        "yard" => ("km", 9.144e-4),
        "inch" => ("km", 2.54e-5),
        "g" => ("kg", 1e-3),
        "mg" => ("kg", 1e-6),
        "lb" => ("kg", 0.453_592_37),
        "oz" => ("kg", 0.028_349_523),
        "tonne" => ("kg", 1e3),
        "ton" => ("kg", 907.184_74),
        "m²" => ("km²", 1e-6),
        "mile²" => ("km²", 2.589_988),
        "ft²" => ("km²", 9.290_304e-8),
        "acre" => ("km²", 4.046_856e-3),
        "hectare" => ("km²", 1e-2),
        "ml" => ("l", 1e-3),
        "m³" => ("l", 1e3),
        "gallon" => ("l", 3.785_411_8),
        "pint" => ("l", 0.473_176_5),
        "quart" => ("l", 0.946_352_9),
        "barrel" => ("l", 158.987_3),
        "mph" => ("km/h", 1.609_344),
        "knot" => ("km/h", 1.852),
        "per cent" => ("percent", 1.0),
        other => (other, 1.0),
    }
}

/// Whether two quantities measure the same kind of thing in convertible units over the same
/// period, so that their values can be compared at all.
pub fn same_measure(a: &Quantity, b: &Quantity) -> bool {
    let (fa, fb) = (family(a), family(b));
    if fa != fb || fa == 2 {
        return false;
    }
    if fa == 0 {
        return true;
    }
    let (ua, _) = base_unit(&a.unit);
    let (ub, _) = base_unit(&b.unit);
    ua.eq_ignore_ascii_case(ub) && a.per == b.per
}

/// The leading number as written ("1.8" in "$1.8 billion", "12,000" in "12,000 troops").
fn written_number(text: &str) -> Option<&str> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    Some(rest[..end].trim_end_matches(['.', ',']))
}

/// Largest share of a value that rounding can explain: "$1.8 billion" for $1.75 billion is
/// within it, 10,000 for 12,000 is not.
const ROUNDING_SHARE: f64 = 0.03;
/// Extra slack for "about", "some", "nearly".
const APPROX_SHARE: f64 = 0.10;
/// Extra slack when one unit was converted into another: writers round the converted figure.
const CONVERSION_SHARE: f64 = 0.05;

/// How far from its written value a quantity may lie through rounding alone, in its own unit:
/// half a step of its last written digit ("1.8" → 0.05; "12,000" → 500), never more than
/// [`ROUNDING_SHARE`] of the value.
fn rounding(q: &Quantity) -> f64 {
    let magnitude = q.low.abs().max(q.high.abs());
    let share = magnitude * ROUNDING_SHARE;
    let Some(num) = written_number(&q.text) else {
        return share.min(0.5);
    };
    let plain: String = num.chars().filter(|&c| c != ',').collect();
    let value: f64 = match plain.parse() {
        Ok(v) if v > 0.0 => v,
        _ => return share.min(0.5),
    };
    // What the written mantissa was multiplied by ("billion" → 1e9).
    let scale = if q.low > 0.0 { q.low / value } else { 1.0 };
    let scale = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    };
    let step = match plain.split_once('.') {
        Some((_, decimals)) => 10f64.powi(-(decimals.len() as i32)),
        None => {
            let zeros = plain.len() - plain.trim_end_matches('0').len();
            10f64.powi(zeros.min(plain.len().saturating_sub(1)) as i32)
        }
    };
    (step * scale / 2.0).min(share)
}

/// The interval a quantity admits in its common unit, widened for rounding, approximation
/// and (when `converted`) unit conversion, and opened for "at least" / "up to".
fn admitted(q: &Quantity, converted: bool) -> (f64, f64) {
    let (_, factor) = base_unit(&q.unit);
    let (low, high) = (q.low.min(q.high), q.low.max(q.high));
    let mut slack = rounding(q);
    let magnitude = low.abs().max(high.abs());
    if q.approx {
        slack += magnitude * APPROX_SHARE;
    }
    if converted {
        slack += magnitude * CONVERSION_SHARE;
    }
    let (mut lo, mut hi) = ((low - slack) * factor, (high + slack) * factor);
    match q.bound {
        Bound::Exact => {}
        Bound::AtLeast => hi = f64::INFINITY,
        Bound::AtMost => lo = f64::NEG_INFINITY,
    }
    // Keep exact touching points equal despite the float arithmetic above.
    let eps = 1e-9 * magnitude.max(1.0) * factor;
    (lo - eps, hi + eps)
}

/// Calendar parts of a date-like quantity: years (a span for "2000 through 2002"), month, day.
fn calendar(q: &Quantity) -> (Option<(i64, i64)>, Option<u32>, Option<u32>) {
    if q.kind == QuantityKind::Year {
        return (Some((q.low as i64, q.high as i64)), None, None);
    }
    let Some(iso) = q.normalized.as_deref() else {
        return (Some((q.low as i64, q.high as i64)), None, None);
    };
    let (year, rest) = match iso.strip_prefix("--") {
        Some(rest) => (None, rest),
        None => match iso.split_once('-') {
            Some((y, rest)) => (y.parse::<i64>().ok().map(|y| (y, y)), rest),
            None => (iso.parse::<i64>().ok().map(|y| (y, y)), ""),
        },
    };
    let mut parts = rest.split('-');
    let month = parts.next().and_then(|m| m.parse().ok());
    let day = parts.next().and_then(|d| d.parse().ok());
    (year, month, day)
}

fn dates_compatible(a: &Quantity, b: &Quantity) -> bool {
    let (ya, ma, da) = calendar(a);
    let (yb, mb, db) = calendar(b);
    let years = match (ya, yb) {
        (Some((al, ah)), Some((bl, bh))) => al <= bh && bl <= ah,
        _ => true,
    };
    let agree = |x: Option<u32>, y: Option<u32>| x.is_none() || y.is_none() || x == y;
    years && agree(ma, mb) && agree(da, db)
}

/// Whether two quantities could report the same figure: ranges that overlap, values within
/// rounding, approximations that cover each other, bounds that admit the other value. Two
/// bounds in the same direction ("up to 20", "as many as 45") each name the figure they
/// expect, so their values are compared as approximations. Quantities of different measures
/// are never compatible.
pub fn compatible(a: &Quantity, b: &Quantity) -> bool {
    if !same_measure(a, b) {
        return false;
    }
    if family(a) == 0 {
        return dates_compatible(a, b);
    }
    let converted = a.unit != b.unit;
    let same_direction = a.bound != Bound::Exact && a.bound == b.bound;
    let (al, ah, bl, bh) = if same_direction {
        let as_approx = |q: &Quantity| Quantity {
            bound: Bound::Exact,
            approx: true,
            ..q.clone()
        };
        let (al, ah) = admitted(&as_approx(a), converted);
        let (bl, bh) = admitted(&as_approx(b), converted);
        (al, ah, bl, bh)
    } else {
        let (al, ah) = admitted(a, converted);
        let (bl, bh) = admitted(b, converted);
        (al, ah, bl, bh)
    };
    al <= bh && bl <= ah
}

/// The interval a quantity admits, in its own unit: kept for callers that show bounds.
pub fn interval(q: &Quantity) -> (f64, f64) {
    let (_, factor) = base_unit(&q.unit);
    let (lo, hi) = admitted(q, false);
    (lo / factor, hi / factor)
}

/// One disagreement over quantities between two statements.
struct QuantityConflict {
    kind: DifferenceKind,
    /// The measure ("km", "USD per year", "date").
    key: String,
    /// Indices of the values on each side that find no compatible partner.
    a: Vec<usize>,
    b: Vec<usize>,
}

/// Conflicts between the quantities of two statements: for each measure both give, the
/// values that find no compatible partner on the other side, when both sides have such
/// values. A value one side adds while the other side's values all find partners is detail.
fn quantity_conflicts(a: &[Quantity], b: &[Quantity]) -> Vec<QuantityConflict> {
    let mut out = Vec::new();
    let mut done: Vec<usize> = Vec::new();
    for (i, qa) in a.iter().enumerate() {
        if done.contains(&i) || family(qa) == 2 {
            continue;
        }
        let same_a: Vec<usize> = (i..a.len()).filter(|&k| same_measure(qa, &a[k])).collect();
        done.extend(&same_a);
        let same_b: Vec<usize> = (0..b.len()).filter(|&k| same_measure(qa, &b[k])).collect();
        if same_b.is_empty() {
            continue;
        }
        // Each pair is judged once; both sides' lonely values are read off the same answers.
        let fits: Vec<bool> = same_a
            .iter()
            .flat_map(|&x| same_b.iter().map(move |&y| compatible(&a[x], &b[y])))
            .collect();
        let fit = |i: usize, j: usize| fits[i * same_b.len() + j];
        let lonely_a: Vec<usize> = (0..same_a.len())
            .filter(|&i| !(0..same_b.len()).any(|j| fit(i, j)))
            .map(|i| same_a[i])
            .collect();
        let lonely_b: Vec<usize> = (0..same_b.len())
            .filter(|&j| !(0..same_a.len()).any(|i| fit(i, j)))
            .map(|j| same_b[j])
            .collect();
        if !lonely_a.is_empty() && !lonely_b.is_empty() {
            let (kind, key) = if family(qa) == 0 {
                (DifferenceKind::Date, "date".to_string())
            } else {
                let (unit, _) = base_unit(&qa.unit);
                let key = match &qa.per {
                    Some(per) => format!("{unit} per {per}"),
                    None => unit.to_string(),
                };
                (DifferenceKind::Number, key)
            };
            out.push(QuantityConflict {
                kind,
                key,
                a: lonely_a,
                b: lonely_b,
            });
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Contradictions inside one document

/// Postings a statement may walk to find restatements in its own document, rarest terms
/// first; a term used more often than this proposes nothing. This keeps a very long
/// document (a 5 MB page of 30,000 sentences, 200,000 one-word lines) linear, and a
/// restatement shares its rarest words with its original.
const INTERNAL_POSTING_BUDGET: usize = 256;

/// Statements of one document must share at least this many terms to be compared.
const INTERNAL_MIN_SHARED: usize = 3;
/// And this share of their distinct terms (Dice), so only restatements of one fact meet.
const INTERNAL_MIN_DICE: f64 = 0.7;

/// Pairs of statements of one document that restate one fact with a typed contradiction
/// (a negation or an incompatible number). Candidates come from an inverted index over each
/// document's terms, so the cost follows shared rare terms, not the square of the statements.
pub fn internal_contradictions(docs: &[Document]) -> Vec<Cluster> {
    let per_doc: Vec<Vec<Cluster>> = docs
        .par_iter()
        .enumerate()
        .map(|(d, doc)| internal_contradictions_of(d, doc))
        .collect();
    per_doc.into_iter().flatten().collect()
}

fn internal_contradictions_of(d: usize, doc: &Document) -> Vec<Cluster> {
    // Terms as ids, so statements compare as sorted integer lists.
    let mut ids: HashMap<&str, u32> = HashMap::default();
    let statements: Vec<(usize, Vec<u32>)> = doc
        .sentences
        .iter()
        .zip(&doc.facts)
        .enumerate()
        .filter(|(_, (s, _))| s.is_comparable())
        .map(|(i, (_, f))| {
            let mut t: Vec<u32> = f
                .terms
                .iter()
                .map(|term| {
                    let next = ids.len() as u32;
                    *ids.entry(term.as_str()).or_insert(next)
                })
                .collect();
            t.sort_unstable();
            t.dedup();
            (i, t)
        })
        .collect();
    // A sentence repeated word for word cannot contradict itself (its facts are the same, see
    // `same_content`), so copies are told apart before they are paired: a live blog that
    // repeats its sentences would otherwise propose every copy to every other.
    let mut first_of_text: HashMap<&str, u32> = HashMap::default();
    let text_id: Vec<u32> = statements
        .iter()
        .enumerate()
        .map(|(k, &(i, _))| {
            *first_of_text
                .entry(doc.sentences[i].text.as_str())
                .or_insert(k as u32)
        })
        .collect();
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); ids.len()];
    for (k, (_, terms)) in statements.iter().enumerate() {
        for &t in terms {
            postings[t as usize].push(k);
        }
    }
    // Candidate pairs, each proposed by the rarer terms of either side, then deduplicated.
    // A long page is one document, so the work inside it is spread over the cores; short
    // documents stay in one piece.
    // Pairs are packed in one word (lower index high) to keep this list small: a long page
    // proposes millions.
    let mut candidates: Vec<u64> = statements
        .par_iter()
        .with_min_len(256)
        .enumerate()
        .flat_map_iter(|(k, (_, terms))| {
            let mut rarest: Vec<&Vec<usize>> =
                terms.iter().map(|&t| &postings[t as usize]).collect();
            // Ties keep term order (the lists are sorted by id), so the walk is deterministic.
            rarest.sort_by_key(|list| list.len());
            let mut partners: Vec<usize> = Vec::new();
            let mut walked = 0;
            for list in rarest {
                if walked + list.len() > INTERNAL_POSTING_BUDGET {
                    break;
                }
                walked += list.len();
                // Pairs that could not reach INTERNAL_MIN_DICE even sharing every term of the
                // shorter statement are left out here rather than after the sort.
                partners.extend(list.iter().filter(|&&j| {
                    let other = statements[j].1.len();
                    let bound = 2.0 * terms.len().min(other) as f64 / (terms.len() + other) as f64;
                    text_id[j] != text_id[k] && bound >= INTERNAL_MIN_DICE
                }));
            }
            partners.sort_unstable();
            partners.dedup();
            partners
                .into_iter()
                .map(move |j| ((k.min(j) as u64) << 32) | k.max(j) as u64)
        })
        .collect();
    candidates.par_sort_unstable();
    candidates.dedup();
    candidates
        .par_iter()
        .with_min_len(256)
        .filter_map(|&pair| {
            let (k, j) = ((pair >> 32) as usize, (pair & u64::from(u32::MAX)) as usize);
            let ((i, terms), (i2, other)) = (&statements[k], &statements[j]);
            let n = common_sorted(terms, other);
            let dice = 2.0 * n as f64 / (terms.len() + other.len()) as f64;
            if n < INTERNAL_MIN_SHARED || dice < INTERNAL_MIN_DICE {
                return None;
            }
            let (fa, fb) = (&doc.facts[*i], &doc.facts[*i2]);
            // A sentence repeated word for word cannot contradict itself.
            if same_content(fa, fb) {
                return None;
            }
            let contradicts = contradicts(fa, fb);
            let (a, b) = ((d, *i), (d, *i2));
            contradicts.then(|| Cluster {
                members: vec![a, b],
                score: dice,
                pairs: vec![(a, b, dice)],
                evidence: Vec::new(),
            })
        })
        .collect()
}

/// How many items two sorted, deduplicated lists have in common.
fn common_sorted(a: &[u32], b: &[u32]) -> usize {
    let (mut x, mut y, mut n) = (0, 0, 0);
    while x < a.len() && y < b.len() {
        match a[x].cmp(&b[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                x += 1;
                y += 1;
            }
        }
    }
    n
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

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(label: &str, words: &[&str]) -> Topic {
        Topic::new(
            label,
            &words.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
        )
    }

    fn topic_of(text: &str, topics: &[Topic]) -> Option<String> {
        let doc = Document::read("d1", "d.txt", text.as_bytes(), crate::InputFormat::Text)
            .expect("plain text reads");
        let members: Vec<StatementRef> = (0..doc.sentences.len()).map(|s| (0, s)).collect();
        TopicIndex::new(topics).best(&[doc], &members)
    }

    #[test]
    fn a_topic_counts_a_word_once_however_many_of_its_words_share_the_stem() {
        // "tests" and "test" are one stem: the first topic scores 1, the second 2 (a stem and
        // a place name, matched ignoring case), so the second wins although it comes later.
        let topics = [
            topic("trials", &["tests", "test"]),
            topic("weapons", &["missile", "HANOI"]),
        ];
        let text = "The test of a missile took place near Hanoi.";
        assert_eq!(topic_of(text, &topics).as_deref(), Some("weapons"));
    }

    #[test]
    fn equal_topic_scores_go_to_the_earlier_topic_and_no_hit_to_none() {
        let topics = [topic("summits", &["summit"]), topic("talks", &["talks"])];
        let text = "The summit talks ended early.";
        assert_eq!(topic_of(text, &topics).as_deref(), Some("summits"));
        assert_eq!(topic_of("Rain fell all day.", &topics), None);
    }

    /// The shortcut the long-page pass takes must say what the full comparison says, on every
    /// pair of the difference suite, both ways round.
    #[test]
    fn contradicts_agrees_with_compare_pair_on_the_suite() {
        let suite: toml::Value =
            toml::from_str(include_str!("../tests/differences/suite.toml")).expect("suite parses");
        let pairs = suite["pair"].as_array().expect("pairs");
        assert!(pairs.len() > 100);
        let facts_of = |text: &str| {
            let doc = Document::from_text("d", "d.txt", text).expect("reads");
            doc.facts.into_iter().next().expect("one statement")
        };
        let mut contradictions = 0;
        for pair in pairs {
            let (a, b) = (
                facts_of(pair["a"].as_str().unwrap()),
                facts_of(pair["b"].as_str().unwrap()),
            );
            for (x, y) in [(&a, &b), (&b, &a)] {
                let full = compare_pair(x, y)
                    .sides
                    .iter()
                    .any(|s| matches!(s.kind, DifferenceKind::Negation | DifferenceKind::Number));
                assert_eq!(contradicts(x, y), full, "{pair:?}");
                contradictions += usize::from(full);
            }
        }
        assert!(contradictions > 20, "the suite exercises both answers");
    }
}
