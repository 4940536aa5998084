//! Matcher evaluation over public paraphrase and event-coreference sets in `../shared/data`,
//! through what users run: [`Comparison`] over documents read by [`Document::read`], with no
//! background statistics (the command line has none), so the figures are those of
//! `factdiff compare`.
//!
//! - **MRPC training pairs**: each pair compared as two one-sentence documents; "same
//!   meaning" is predicted when both sentences end in one claim with verdict `agreement`.
//! - **ECB+ pairs**: each development pair compared as two one-sentence documents; "same
//!   event" is predicted when both sentences sit in one claim of any verdict. Every pair
//!   counts, hard negatives (same topic, different real event) included.
//! - **ECB+ topics, as a user meets them**: for each topic, one comparison over the articles
//!   of both its subtopics (two real events of one kind), scored on every annotated pair of
//!   the topic: "same event" when both sentences sit in one claim. Beside F1, the share of
//!   cross-event pairs (hard negatives) put in one claim.
//!
//! Every set is split once (`support/split.rs`): MRPC pairs by position, ECB+ by topic
//! (topics in numeric order, by position), so no topic's articles are in both parts. Weights
//! and rules are fitted on the tuning part (`fit_matcher`); floors hold the check part.
//!
//! Run with `cargo run --release --example eval_matching [-- -v]`; exits 1 below the floors.
//! `FACTDIFF_SHARED` overrides the location of the shared directory.

use ecb_pairs::{ecb_pairs, topic_parts, EcbPair};
use factdiff::judge::Verdict;
use factdiff::{Comparison, Document, InputFormat};
use split::Part;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

#[path = "support/ecb_pairs.rs"]
mod ecb_pairs;
#[path = "support/shared.rs"]
mod shared;
#[path = "support/split.rs"]
mod split;

/// Floors on the check part, at the figures measured (they only ever go up). Measured
/// through this user path with meaning in the matcher: MRPC 0.710 / 0.808, ECB+ pairs F1
/// 0.346 at 5.7% cross-event, topics 0.307 at 7.9% (the lexical matcher alone measured
/// 0.707 / 0.795, 0.245 at 1.2%, 0.271 at 2.7% on the same parts). Issue #22's targets
/// (0.76 / 0.83; 0.62 at ≤ 20%; 0.60 at ≤ 10%) are not reached.
const MRPC_ACCURACY_FLOOR: f64 = 0.705;
const MRPC_F1_FLOOR: f64 = 0.805;
const ECB_PAIRS_F1_FLOOR: f64 = 0.34;
const ECB_PAIRS_HARD_CEILING: f64 = 0.10;
const ECB_TOPICS_F1_FLOOR: f64 = 0.30;
const ECB_TOPICS_HARD_CEILING: f64 = 0.10;

#[derive(Default, Debug, Clone, Copy)]
struct Confusion {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
    hard: usize,
    hard_matched: usize,
}

impl Confusion {
    fn add(&mut self, gold: bool, predicted: bool, hard: bool) {
        match (gold, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
        if hard {
            self.hard += 1;
            self.hard_matched += usize::from(predicted);
        }
    }
    fn total(&self) -> usize {
        self.tp + self.fp + self.fn_ + self.tn
    }
    fn accuracy(&self) -> f64 {
        (self.tp + self.tn) as f64 / self.total().max(1) as f64
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
    fn hard_rate(&self) -> f64 {
        self.hard_matched as f64 / self.hard.max(1) as f64
    }
}

fn fail(msg: String) -> ! {
    eprintln!("error: {msg} (set FACTDIFF_SHARED)");
    std::process::exit(2)
}

fn read_text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| fail(format!("{}: {e}", path.display())))
}

fn document(id: &str, path: &str, text: &str) -> Option<Document> {
    Document::read(id, path, text.as_bytes(), InputFormat::Text).ok()
}

/// Whether the two one-sentence documents end in one claim (of verdict `agreement` only,
/// when asked).
fn paired(a: &str, b: &str, agreement_only: bool) -> bool {
    let (Some(da), Some(db)) = (document("d1", "a.txt", a), document("d2", "b.txt", b)) else {
        return false;
    };
    let cmp = Comparison::new(vec![da, db]);
    cmp.judgements.iter().any(|j| {
        let on = |d: usize| j.cluster.members.iter().any(|&(doc, _)| doc == d);
        (!agreement_only || j.verdict == Verdict::Agreement) && on(0) && on(1)
    })
}

fn mrpc(shared: &Path, verbose: bool) -> [Confusion; 2] {
    let text = read_text(&shared.join("data/mrpc/train.tsv"));
    let mut out = [Confusion::default(); 2];
    for (i, line) in text.lines().skip(1).enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 5 {
            continue;
        }
        let (gold, predicted) = (f[0] == "1", paired(f[3], f[4], true));
        if verbose && gold != predicted {
            println!(
                "mrpc {}: {}\n      {}",
                if gold { "FN" } else { "FP" },
                f[3],
                f[4]
            );
        }
        out[Part::of(i) as usize].add(gold, predicted, false);
    }
    out
}

fn ecb_sentence_pairs(pairs: &[EcbPair], parts: &HashMap<String, Part>) -> [Confusion; 2] {
    let mut out = [Confusion::default(); 2];
    for p in pairs {
        let predicted = paired(&p.text_a, &p.text_b, false);
        out[parts[&p.topic] as usize].add(p.same, predicted, p.hard);
    }
    out
}

/// The sentence of `doc` that holds line `line` (0-based) of its file: the last one that
/// starts on or before it.
fn sentence_at(doc: &Document, line: usize) -> Option<usize> {
    doc.sentences.iter().rposition(|s| s.span.line <= line + 1)
}

fn ecb_topics(
    shared: &Path,
    pairs: &[EcbPair],
    parts: &HashMap<String, Part>,
    verbose: bool,
) -> [Confusion; 2] {
    let mut by_topic: BTreeMap<&str, Vec<&EcbPair>> = BTreeMap::new();
    for p in pairs {
        by_topic.entry(&p.topic).or_default().push(p);
    }
    let mut out = [Confusion::default(); 2];
    for (topic, pairs) in by_topic {
        let dir = shared.join("data/ecbplus/val_docs").join(topic);
        let mut files: Vec<_> = shared::ecb_articles(shared)
            .unwrap_or_else(|e| fail(e))
            .into_iter()
            .filter(|p| p.starts_with(&dir))
            .collect();
        files.sort();
        let docs: Vec<Document> = files
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let bytes =
                    std::fs::read(f).unwrap_or_else(|e| fail(format!("{}: {e}", f.display())));
                Document::read(
                    &format!("d{}", i + 1),
                    &f.display().to_string(),
                    &bytes,
                    InputFormat::Text,
                )
                .unwrap_or_else(|e| fail(format!("{}: {e}", f.display())))
            })
            .collect();
        let name_of: HashMap<String, usize> = files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.file_stem().unwrap().to_string_lossy().to_string(), i))
            .collect();
        let cmp = Comparison::new(docs);
        let mut claim_of: HashMap<(usize, usize), usize> = HashMap::new();
        for (c, j) in cmp.judgements.iter().enumerate() {
            for &m in &j.cluster.members {
                claim_of.insert(m, c);
            }
        }
        let part = parts[topic];
        let (mut tc, mut matched) = (Confusion::default(), 0);
        for p in pairs {
            let locate = |(name, line): &(String, usize)| -> Option<(usize, usize)> {
                let d = *name_of.get(name)?;
                Some((d, sentence_at(&cmp.documents[d], *line)?))
            };
            let predicted = match (locate(&p.a), locate(&p.b)) {
                (Some(a), Some(b)) => {
                    a != b
                        && claim_of
                            .get(&a)
                            .is_some_and(|c| claim_of.get(&b) == Some(c))
                }
                _ => false,
            };
            matched += usize::from(predicted);
            tc.add(p.same, predicted, p.hard);
            out[part as usize].add(p.same, predicted, p.hard);
        }
        if verbose {
            println!(
                "  topic {topic} ({}): {} articles, {} claims, F1 {:.3}, cross-event {:.1}%, pairs matched {matched}",
                part.name(),
                cmp.documents.len(),
                cmp.judgements.len(),
                tc.f1(),
                100.0 * tc.hard_rate()
            );
        }
    }
    out
}

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let shared = shared::dir();
    let m = mrpc(&shared, verbose);
    let pairs = ecb_pairs(&shared);
    let parts = topic_parts(&pairs);
    let e = ecb_sentence_pairs(&pairs, &parts);
    let t = ecb_topics(&shared, &pairs, &parts, verbose);
    for part in Part::BOTH {
        let (m, e, t) = (m[part as usize], e[part as usize], t[part as usize]);
        let name = part.name();
        println!(
            "MRPC {name} ({} pairs): accuracy {:.3}  precision {:.3}  recall {:.3}  F1 {:.3}",
            m.total(),
            m.accuracy(),
            m.precision(),
            m.recall(),
            m.f1()
        );
        println!(
            "ECB+ pairs {name} ({} pairs): precision {:.3}  recall {:.3}  F1 {:.3}  cross-event matched {}/{} ({:.1}%)",
            e.total(),
            e.precision(),
            e.recall(),
            e.f1(),
            e.hard_matched,
            e.hard,
            100.0 * e.hard_rate()
        );
        println!(
            "ECB+ topics {name} ({} pairs): precision {:.3}  recall {:.3}  F1 {:.3}  cross-event in one claim {}/{} ({:.1}%)",
            t.total(),
            t.precision(),
            t.recall(),
            t.f1(),
            t.hard_matched,
            t.hard,
            100.0 * t.hard_rate()
        );
    }
    let (m, e, t) = (m[1], e[1], t[1]);
    let mut failed = false;
    for (name, value, limit, above) in [
        (
            "MRPC check accuracy",
            m.accuracy(),
            MRPC_ACCURACY_FLOOR,
            true,
        ),
        ("MRPC check F1", m.f1(), MRPC_F1_FLOOR, true),
        ("ECB+ pairs check F1", e.f1(), ECB_PAIRS_F1_FLOOR, true),
        (
            "ECB+ pairs check cross-event",
            e.hard_rate(),
            ECB_PAIRS_HARD_CEILING,
            false,
        ),
        ("ECB+ topics check F1", t.f1(), ECB_TOPICS_F1_FLOOR, true),
        (
            "ECB+ topics check cross-event",
            t.hard_rate(),
            ECB_TOPICS_HARD_CEILING,
            false,
        ),
    ] {
        let ok = if above {
            value >= limit
        } else {
            value <= limit
        };
        if !ok {
            println!("FAIL {name}: {value:.3} (limit {limit:.3})");
            failed = true;
        }
    }
    if failed {
        std::process::exit(1);
    }
}
