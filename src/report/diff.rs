//! Word-level diffs of every matched statement pair (the `similar` crate), as unified text
//! in the style of `git diff --word-diff`: `[-removed-]{+added+}`.

use super::{CompareReport, StatementOut};
use crate::judge::Verdict;
use similar::{ChangeTag, TextDiff};

/// One stretch of a word diff: text both sentences share, or a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordChange<'a> {
    /// Text both sentences have.
    Same(&'a str),
    /// Words replaced; either side may be empty (a pure removal or addition).
    Changed {
        /// Spaces before the change, kept outside the marks so a mark hugs the words.
        lead: String,
        /// The old sentence's words.
        removed: String,
        /// The new sentence's words.
        added: String,
        /// Spaces after the change.
        tail: String,
    },
}

/// The word diff of two sentences (the `similar` crate), grouped for reading: a change that
/// spans several words with only spaces between is one removal followed by one addition,
/// rather than alternating single words and spaces.
pub fn word_changes<'a>(old: &'a str, new: &'a str) -> Vec<WordChange<'a>> {
    let diff = TextDiff::from_words(old, new);
    let changes: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&(tag, value)) = changes.get(i) {
        if tag == ChangeTag::Equal {
            out.push(WordChange::Same(value));
            i += 1;
            continue;
        }
        let (mut del, mut ins) = (String::new(), String::new());
        let (mut del_gap, mut ins_gap) = (String::new(), String::new());
        while let Some(&(tag, value)) = changes.get(i) {
            match tag {
                ChangeTag::Delete => {
                    if !del.is_empty() {
                        del.push_str(&del_gap);
                    }
                    del_gap.clear();
                    del.push_str(value);
                }
                ChangeTag::Insert => {
                    if !ins.is_empty() {
                        ins.push_str(&ins_gap);
                    }
                    ins_gap.clear();
                    ins.push_str(value);
                }
                ChangeTag::Equal => {
                    let bridges = value.trim().is_empty()
                        && changes
                            .get(i + 1)
                            .is_some_and(|&(t, _)| t != ChangeTag::Equal);
                    if !bridges {
                        break;
                    }
                    del_gap.push_str(value);
                    ins_gap.push_str(value);
                }
            }
            i += 1;
        }
        // One side's spacing is enough, the new text's when both have some.
        let (del_lead, del_text, del_tail) = split_space(&del);
        let (ins_lead, ins_text, ins_tail) = split_space(&ins);
        let lead = if ins_lead.is_empty() {
            del_lead
        } else {
            ins_lead
        };
        let tail = if ins_tail.is_empty() {
            del_tail
        } else {
            ins_tail
        };
        out.push(WordChange::Changed {
            lead: lead.to_string(),
            removed: del_text.to_string(),
            added: ins_text.to_string(),
            tail: tail.to_string(),
        });
    }
    out
}

/// `s` as (leading whitespace, text, trailing whitespace).
fn split_space(s: &str) -> (&str, &str, &str) {
    let text = s.trim();
    let lead = s.len() - s.trim_start().len();
    (&s[..lead], text, &s[lead + text.len()..])
}

/// The word diff of two sentences, marked inline as `git diff --word-diff` does.
pub fn word_diff(old: &str, new: &str, color: bool) -> String {
    let sanitize = super::table::sanitize;
    let mut out = String::new();
    for change in word_changes(old, new) {
        match change {
            WordChange::Same(text) => out.push_str(&sanitize(text)),
            WordChange::Changed {
                lead,
                removed,
                added,
                tail,
            } => {
                out.push_str(&sanitize(&lead));
                let (removed, added) = (sanitize(&removed), sanitize(&added));
                match (removed.is_empty(), color) {
                    (true, _) => {}
                    (false, false) => out.push_str(&format!("[-{removed}-]")),
                    (false, true) => out.push_str(&format!("\x1b[31m[-{removed}-]\x1b[0m")),
                }
                match (added.is_empty(), color) {
                    (true, _) => {}
                    (false, false) => out.push_str(&format!("{{+{added}+}}")),
                    (false, true) => out.push_str(&format!("\x1b[32m{{+{added}+}}\x1b[0m")),
                }
                out.push_str(&sanitize(&tail));
            }
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

#[cfg(test)]
mod tests {
    use super::word_diff;

    /// Regression: spaces between changed words were marked as inserted tokens of their own
    /// (`{+meet+}{+ +}{+on+}`).
    #[test]
    fn spaces_between_changed_words_are_not_marked_alone() {
        insta::assert_snapshot!(
            word_diff(
                "The leaders will meet on Monday in Hanoi.",
                "The two leaders are expected to meet on Tuesday in Hanoi.",
                false
            ),
            @"The {+two+} leaders [-will-]{+are expected to+} meet on [-Monday-]{+Tuesday+} in Hanoi."
        );
    }

    #[test]
    fn equal_sentences_have_no_marks() {
        let text = "Officials said 120 people were evacuated.";
        assert_eq!(word_diff(text, text, false), text);
    }
}
