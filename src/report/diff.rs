//! Word-level diffs of every matched statement pair (the `similar` crate), as unified text
//! in the style of `git diff --word-diff`: `[-removed-]{+added+}`.

use super::{CompareReport, StatementOut};
use crate::judge::Verdict;
use similar::{ChangeTag, TextDiff};

/// The word diff of two sentences, marked inline.
pub fn word_diff(old: &str, new: &str, color: bool) -> String {
    let diff = TextDiff::from_words(old, new);
    let mut out = String::new();
    for change in diff.iter_all_changes() {
        let text = super::table::sanitize(change.value());
        match (change.tag(), color) {
            (ChangeTag::Equal, _) => out.push_str(&text),
            (ChangeTag::Delete, false) => out.push_str(&format!("[-{text}-]")),
            (ChangeTag::Insert, false) => out.push_str(&format!("{{+{text}+}}")),
            (ChangeTag::Delete, true) => out.push_str(&format!("\x1b[31m[-{text}-]\x1b[0m")),
            (ChangeTag::Insert, true) => out.push_str(&format!("\x1b[32m{{+{text}+}}\x1b[0m")),
        }
    }
    out
}

fn location(report: &CompareReport, s: &StatementOut) -> String {
    let path = report
        .documents
        .iter()
        .find(|d| d.id == s.doc)
        .map_or("?", |d| d.path.as_str());
    format!("{}:{}:{}", super::table::sanitize(path), s.line, s.column)
}

/// Every claim with two or more statements: the first statement against each other one.
pub fn render(report: &CompareReport, color: bool) -> String {
    let mut out = String::new();
    for claim in report
        .claims
        .iter()
        .filter(|c| c.verdict != Verdict::Unique)
    {
        let verdict = match claim.verdict {
            Verdict::Agreement => "agreement".to_string(),
            _ => format!(
                "difference: {}",
                claim
                    .differences
                    .iter()
                    .map(|d| super::grid::kind_name(d.kind))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let first = &claim.statements[0];
        for other in &claim.statements[1..] {
            out.push_str(&format!("{} [{}] {}\n", claim.id, claim.topic, verdict));
            out.push_str(&format!("--- {} {}\n", first.doc, location(report, first)));
            out.push_str(&format!("+++ {} {}\n", other.doc, location(report, other)));
            out.push_str(&word_diff(&first.text, &other.text, color));
            out.push_str("\n\n");
        }
    }
    out
}
