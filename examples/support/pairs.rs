//! The labelled sentence pairs of `<shared>/data` that the matcher is measured on, and the word
//! statistics each set is compared against. Included by the examples with `#[path]`, next to
//! `shared.rs`.
#![allow(dead_code)]

use factdiff::align::Background;
use factdiff::{Document, InputFormat};
use std::path::Path;

/// Two sentences and what the data set says of them.
pub struct LabelledPair {
    /// Same meaning (MRPC) or same event (ECB+).
    pub same: bool,
    /// ECB+ only: same topic, different real event (a hard negative).
    pub hard: bool,
    pub a: String,
    pub b: String,
}

/// One sentence (or article) as a plain-text document.
pub fn document(id: &str, path: &str, text: &str) -> Option<Document> {
    Document::read(id, path, text.as_bytes(), InputFormat::Text).ok()
}

/// The MRPC training pairs, `data/mrpc/train.tsv`.
pub fn mrpc(shared: &Path) -> Result<Vec<LabelledPair>, String> {
    let path = shared.join("data/mrpc/train.tsv");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() >= 5).then(|| LabelledPair {
                same: f[0] == "1",
                hard: false,
                a: f[3].to_string(),
                b: f[4].to_string(),
            })
        })
        .collect())
}

/// Word statistics of every sentence of the MRPC pairs.
pub fn mrpc_background(pairs: &[LabelledPair]) -> Background {
    let all: Vec<Document> = pairs
        .iter()
        .flat_map(|p| [&p.a, &p.b])
        .filter_map(|t| document("bg", "bg.txt", t))
        .collect();
    Background::from_facts(all.iter().flat_map(|d| d.facts.iter()))
}

/// The ECB+ development pairs, `data/ecbplus/val_pairs.jsonl`.
pub fn ecb(shared: &Path) -> Result<Vec<LabelledPair>, String> {
    let path = shared.join("data/ecbplus/val_pairs.jsonl");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let same = v["label"] == 1;
            LabelledPair {
                same,
                hard: !same && v["same_subtopic"] == false,
                a: v["text_a"].as_str().unwrap_or_default().to_string(),
                b: v["text_b"].as_str().unwrap_or_default().to_string(),
            }
        })
        .collect())
}

/// Word statistics of every ECB+ development article.
pub fn ecb_background(shared: &Path) -> Result<Background, String> {
    let all: Vec<Document> = crate::shared::ecb_articles(shared)?
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|b| Document::read("bg", "bg.txt", &b, InputFormat::Text).ok())
        .collect();
    Ok(Background::from_facts(
        all.iter().flat_map(|d| d.facts.iter()),
    ))
}
