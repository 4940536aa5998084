//! Baselines: differences a project has looked at and accepted, so `factdiff check` fails only
//! on new ones.
//!
//! This module owns the fingerprint scheme and the file model (`factdiff.baseline/1`); it is
//! pure, the CLI reads and writes the file.
//!
//! # Fingerprints
//!
//! A baseline is only useful if an accepted difference stays accepted while people edit the
//! files around it, so the fingerprint leaves out everything that editing moves:
//! line and column numbers, byte offsets, claim ids (`c7` shifts when a claim is added above),
//! document ids (`d2` shifts when a file is added), whitespace, line wrapping, punctuation and
//! letter case. What is left is what makes the difference *this* difference:
//!
//! 1. the difference kind (`number`, `negation`, …);
//! 2. for each statement on the sides of the difference, the file path relative to the
//!    project root (the directory of `factdiff.toml`, else the working directory), `/`-separated
//!    without a leading `./`, and the statement's words: maximal runs of alphanumeric characters,
//!    lowercased, in order, joined by one space;
//! 3. the statements sorted by (path, words), so input order does not matter.
//!
//! These are joined as `factdiff.baseline/1\n<kind>\n` then `<path>\t<words>\n` per statement,
//! hashed with SHA-256, and the first 32 hex digits kept. Rewrapping a paragraph, moving a
//! sentence, or adding a file keeps the fingerprint; changing a word of either statement (a
//! number, say) or renaming a file makes a new one, which is then reported as new.
//!
//! Identical fingerprints are counted: a baseline entry accepts one occurrence.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt;

/// Schema name and version of baseline files.
pub const SCHEMA: &str = "factdiff.baseline/1";

/// The normalised words of a statement: lowercased alphanumeric runs.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A path as fingerprints see it: `/`-separated, no leading `./`.
pub fn normalise_path(path: &str) -> String {
    let mut p = path.replace('\\', "/");
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.to_string();
    }
    p
}

/// The fingerprint of a difference of `kind` (its config name) between `sides`, each a
/// (path relative to the project root, statement text) pair.
pub fn fingerprint(kind: &str, sides: &[(&str, &str)]) -> String {
    let mut lines: Vec<String> = sides
        .iter()
        .map(|(path, text)| format!("{}\t{}\n", normalise_path(path), words(text).join(" ")))
        .collect();
    lines.sort();
    let mut hasher = Sha256::new();
    hasher.update(format!("{SCHEMA}\n{kind}\n"));
    for line in &lines {
        hasher.update(line.as_bytes());
    }
    let digest = hasher.finalize();
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// One accepted difference. Only `fingerprint` is matched; the rest is for people reviewing
/// the baseline file in a pull request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// See the module documentation.
    pub fingerprint: String,
    /// Difference kind.
    pub kind: String,
    /// Group the difference was found in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Files on the sides of the difference.
    #[serde(default)]
    pub files: Vec<String>,
    /// What each side said when the entry was written.
    #[serde(default)]
    pub detail: String,
}

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Accepted differences, in report order.
    pub entries: Vec<Entry>,
}

/// Why a baseline file was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineError {
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for BaselineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for BaselineError {}

impl Baseline {
    /// A baseline holding `entries`.
    pub fn new(entries: Vec<Entry>) -> Baseline {
        Baseline {
            schema: SCHEMA.to_string(),
            entries,
        }
    }

    /// Parses and validates a baseline file.
    pub fn parse(text: &str) -> Result<Baseline, BaselineError> {
        let baseline: Baseline = serde_json::from_str(text).map_err(|e| BaselineError {
            line: (e.line() > 0).then_some(e.line()),
            message: format!(
                "not a factdiff baseline: {}",
                strip_position(&e.to_string())
            ),
        })?;
        if baseline.schema != SCHEMA {
            return Err(BaselineError {
                line: None,
                message: format!(
                    "unsupported schema `{}` (this factdiff reads `{SCHEMA}`)",
                    baseline.schema
                ),
            });
        }
        for (i, e) in baseline.entries.iter().enumerate() {
            let valid = e.fingerprint.len() == 32
                && e.fingerprint
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
            if !valid {
                return Err(BaselineError {
                    line: None,
                    message: format!(
                        "entry {}: fingerprint `{}` is not 32 lowercase hex digits",
                        i + 1,
                        e.fingerprint
                    ),
                });
            }
        }
        Ok(baseline)
    }

    /// The file text: pretty JSON, one entry per few lines, so baseline changes diff well.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// A matcher that accepts each entry once.
    pub fn matcher(&self) -> Matcher<'_> {
        let mut remaining: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate().rev() {
            remaining.entry(e.fingerprint.as_str()).or_default().push(i);
        }
        Matcher {
            baseline: self,
            remaining,
        }
    }
}

/// serde_json appends "at line L column C"; the line is reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Consumes baseline entries as current differences match them.
#[derive(Debug)]
pub struct Matcher<'a> {
    baseline: &'a Baseline,
    /// Unused entry indices per fingerprint, the earliest last so `pop` takes it.
    remaining: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Matcher<'a> {
    /// Whether a difference with `fingerprint` is accepted (using up one entry).
    pub fn accept(&mut self, fingerprint: &str) -> bool {
        self.remaining
            .get_mut(fingerprint)
            .and_then(Vec::pop)
            .is_some()
    }

    /// Entries no current difference matched, in file order.
    pub fn stale(self) -> Vec<&'a Entry> {
        let mut left: Vec<usize> = self.remaining.into_values().flatten().collect();
        left.sort_unstable();
        left.into_iter()
            .map(|i| &self.baseline.entries[i])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_layout_and_order() {
        let a = fingerprint(
            "number",
            &[
                ("./docs/a.md", "Officials said 12,000 troops\nwere sent."),
                ("docs/b.md", "Officials said 10,000 troops were sent."),
            ],
        );
        let b = fingerprint(
            "number",
            &[
                ("docs/b.md", "officials  said 10,000 troops were *sent*"),
                ("docs/a.md", "Officials said 12,000 troops were sent."),
            ],
        );
        assert_eq!(a, b);
        assert_eq!(a.len(), 32);
        let c = fingerprint(
            "number",
            &[
                ("docs/a.md", "Officials said 13,000 troops were sent."),
                ("docs/b.md", "Officials said 10,000 troops were sent."),
            ],
        );
        assert_ne!(a, c);
        assert_ne!(a, fingerprint("date", &[("docs/a.md", "x")]));
    }

    #[test]
    fn matcher_counts_duplicates_and_reports_stale() {
        let entry = |fp: &str| Entry {
            fingerprint: fp.to_string(),
            kind: "number".into(),
            group: None,
            files: vec![],
            detail: String::new(),
        };
        let fa = "a".repeat(32);
        let fb = "b".repeat(32);
        let base = Baseline::new(vec![entry(&fa), entry(&fb), entry(&fa)]);
        let again = Baseline::parse(&base.to_json()).unwrap();
        assert_eq!(again, base);
        let mut m = again.matcher();
        assert!(m.accept(&fa));
        assert!(m.accept(&fa));
        assert!(!m.accept(&fa));
        let stale = m.stale();
        assert_eq!(stale.len(), 1);
        assert_eq!(stale[0].fingerprint, fb);
    }

    #[test]
    fn bad_files_are_explained() {
        let e = Baseline::parse("{\n  \"schema\": 3\n}").unwrap_err();
        assert_eq!(e.line, Some(2));
        let e = Baseline::parse("{\"schema\": \"other/1\", \"entries\": []}").unwrap_err();
        assert!(e.message.contains("unsupported schema"));
        let e = Baseline::parse(
            "{\"schema\": \"factdiff.baseline/1\", \"entries\": [{\"fingerprint\": \"zz\", \"kind\": \"number\"}]}",
        )
        .unwrap_err();
        assert!(e.message.contains("fingerprint"));
    }
}
