//! The annotated ECB+ development pairs and the split of their topics, shared by
//! `eval_matching` and `fit_matcher`. Included with `#[path]`, next to `shared.rs`.
#![allow(dead_code)]

use crate::split::Part;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

fn fail(msg: String) -> ! {
    eprintln!("error: {msg} (set FACTDIFF_SHARED)");
    std::process::exit(2)
}

/// One annotated ECB+ pair: topic, the two sentences (document name and line), the label.
pub struct EcbPair {
    pub topic: String,
    pub a: (String, usize),
    pub b: (String, usize),
    pub text_a: String,
    pub text_b: String,
    pub same: bool,
    pub hard: bool,
}

pub fn ecb_pairs(shared: &Path) -> Vec<EcbPair> {
    let path = shared.join("data/ecbplus/val_pairs.jsonl");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| fail(format!("{}: {e}", path.display())))
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .map(|v| {
            let same = v["label"] == 1;
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            let n = |k: &str| v[k].as_u64().unwrap_or(0) as usize;
            EcbPair {
                topic: s("topic"),
                a: (s("doc_a"), n("sent_a")),
                b: (s("doc_b"), n("sent_b")),
                text_a: s("text_a"),
                text_b: s("text_b"),
                same,
                hard: !same && v["same_subtopic"] == false,
            }
        })
        .collect()
}

/// Each topic's part: topics in numeric order, by position.
pub fn topic_parts(pairs: &[EcbPair]) -> HashMap<String, Part> {
    let mut topics: Vec<&str> = pairs.iter().map(|p| p.topic.as_str()).collect();
    topics.sort_by_key(|t| (t.parse::<u64>().unwrap_or(u64::MAX), t.to_string()));
    topics.dedup();
    topics
        .iter()
        .enumerate()
        .map(|(i, t)| (t.to_string(), Part::of(i)))
        .collect()
}
