//! `check`: the findings model of the CI gate ([`CheckReport`]: every difference of every
//! group, with its status against `fail-on` and the baseline) and its human and GitHub
//! renderers. SARIF and JUnit renderers live in their own modules and read the same model.

use super::grid::kind_name;
use super::{CompareReport, DocumentRef};
use crate::baseline::{self, Baseline};
use crate::judge::{DifferenceKind, Verdict};
use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// What a difference means for the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Fails the build: a `fail-on` kind not in the baseline.
    Fail,
    /// Reported, but its kind is not in `fail-on`.
    Warn,
    /// In the baseline.
    Accepted,
}

/// One statement a finding points at.
#[derive(Debug, Clone, Serialize)]
pub struct Location {
    /// Document id within the group.
    pub doc: String,
    /// Path as given.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset of the start in the input.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
    /// The statement.
    pub text: String,
}

/// One typed difference of one claim.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Claim id within the group's comparison.
    pub claim: String,
    /// Claim topic.
    pub topic: String,
    /// Difference kind.
    pub kind: DifferenceKind,
    /// What each side says, documents named by id.
    pub detail: String,
    /// `detail` with document ids replaced by file paths, for people and annotations.
    pub message: String,
    /// Fail, warn or accepted.
    pub status: Status,
    /// Stable id, see [`crate::baseline`].
    pub fingerprint: String,
    /// The statements on the sides of the difference.
    pub locations: Vec<Location>,
}

/// One group's comparison and findings.
#[derive(Debug, Clone, Serialize)]
pub struct GroupOutcome {
    /// Group name (`inputs` when the command line gave the files).
    pub name: String,
    /// Whether the group comes from `factdiff.toml` (reports name it then).
    #[serde(skip)]
    pub configured: bool,
    /// The documents compared.
    pub documents: Vec<DocumentRef>,
    /// Every difference found, in claim order.
    pub findings: Vec<Finding>,
    /// The full comparison, for per-claim reports (JUnit).
    #[serde(skip)]
    pub compare: CompareReport,
}

/// Totals across groups.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckSummary {
    /// Groups compared.
    pub groups: usize,
    /// Documents compared, over all groups.
    pub documents: usize,
    /// Claims that more than one document makes.
    pub shared_claims: usize,
    /// Differences that fail the build.
    pub failed: usize,
    /// Differences of kinds outside `fail-on`.
    pub warned: usize,
    /// Differences in the baseline.
    pub accepted: usize,
    /// Baseline entries that no longer occur.
    pub stale: usize,
}

/// The findings of `factdiff check`: schema `factdiff.check/1`.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// Schema name and version.
    pub schema: &'static str,
    /// Whether the check passes (no failing difference).
    pub ok: bool,
    /// Each group compared.
    pub groups: Vec<GroupOutcome>,
    /// Baseline entries that matched nothing.
    pub stale: Vec<baseline::Entry>,
    /// Totals.
    pub summary: CheckSummary,
}

/// A group as handed to [`CheckReport::build`].
#[derive(Debug, Clone)]
pub struct GroupInput {
    /// Group name.
    pub name: String,
    /// Whether it comes from the configuration file.
    pub configured: bool,
    /// Its comparison.
    pub compare: CompareReport,
    /// Each document's path relative to the project root, index for index with
    /// `compare.documents`: what fingerprints are made of.
    pub keys: Vec<String>,
}

impl CheckReport {
    /// Classifies every difference of every group: accepted when the baseline has it, else
    /// failing when its kind is in `fail_on`, else a warning.
    pub fn build(
        groups: Vec<GroupInput>,
        fail_on: &[DifferenceKind],
        baseline: Option<&Baseline>,
    ) -> CheckReport {
        let mut matcher = baseline.map(Baseline::matcher);
        let mut outcomes = Vec::with_capacity(groups.len());
        let mut summary = CheckSummary {
            groups: groups.len(),
            ..CheckSummary::default()
        };
        for group in groups {
            let report = &group.compare;
            summary.documents += report.documents.len();
            summary.shared_claims += report
                .claims
                .iter()
                .filter(|c| c.verdict != Verdict::Unique)
                .count();
            let key_of = |doc: &str| -> String {
                report
                    .documents
                    .iter()
                    .position(|d| d.id == doc)
                    .and_then(|i| group.keys.get(i))
                    .map_or_else(|| doc.to_string(), Clone::clone)
            };
            let mut findings = Vec::new();
            for claim in report
                .claims
                .iter()
                .filter(|c| c.verdict == Verdict::Difference)
            {
                for d in &claim.differences {
                    let involved: Vec<_> = claim
                        .statements
                        .iter()
                        .filter(|s| d.docs.is_empty() || d.docs.contains(&s.doc))
                        .collect();
                    let keys: Vec<String> = involved.iter().map(|s| key_of(&s.doc)).collect();
                    let sides: Vec<(&str, &str)> = keys
                        .iter()
                        .zip(&involved)
                        .map(|(k, s)| (k.as_str(), s.text.as_str()))
                        .collect();
                    let fingerprint = baseline::fingerprint(kind_name(d.kind), &sides);
                    let status = if matcher.as_mut().is_some_and(|m| m.accept(&fingerprint)) {
                        summary.accepted += 1;
                        Status::Accepted
                    } else if fail_on.contains(&d.kind) {
                        summary.failed += 1;
                        Status::Fail
                    } else {
                        summary.warned += 1;
                        Status::Warn
                    };
                    findings.push(Finding {
                        claim: claim.id.clone(),
                        topic: claim.topic.clone(),
                        kind: d.kind,
                        detail: d.detail.clone(),
                        message: name_documents(&d.detail, &report.documents),
                        status,
                        fingerprint,
                        locations: involved
                            .iter()
                            .map(|s| Location {
                                doc: s.doc.clone(),
                                path: path_of(report, &s.doc).to_string(),
                                line: s.line,
                                column: s.column,
                                start: s.start,
                                end: s.end,
                                text: s.text.clone(),
                            })
                            .collect(),
                    });
                }
            }
            outcomes.push(GroupOutcome {
                name: group.name,
                configured: group.configured,
                documents: report.documents.clone(),
                findings,
                compare: group.compare,
            });
        }
        let stale: Vec<baseline::Entry> = matcher
            .map(|m| m.stale().into_iter().cloned().collect())
            .unwrap_or_default();
        summary.stale = stale.len();
        CheckReport {
            schema: "factdiff.check/1",
            ok: summary.failed == 0,
            groups: outcomes,
            stale,
            summary,
        }
    }

    /// Every finding with its group, in report order.
    pub fn findings(&self) -> impl Iterator<Item = (&GroupOutcome, &Finding)> {
        self.groups
            .iter()
            .flat_map(|g| g.findings.iter().map(move |f| (g, f)))
    }

    /// The current differences as a baseline that accepts all of them.
    pub fn to_baseline(&self) -> Baseline {
        Baseline::new(
            self.findings()
                .map(|(g, f)| {
                    let mut files: Vec<String> =
                        f.locations.iter().map(|l| l.path.clone()).collect();
                    files.dedup();
                    baseline::Entry {
                        fingerprint: f.fingerprint.clone(),
                        kind: kind_name(f.kind).to_string(),
                        group: Some(g.name.clone()),
                        files,
                        detail: f.message.clone(),
                    }
                })
                .collect(),
        )
    }
}

/// Replaces document ids (`d2`) in judge details by the documents' paths: ids mean nothing
/// in an annotation on one file.
fn name_documents(detail: &str, documents: &[DocumentRef]) -> String {
    let mut out = String::with_capacity(detail.len());
    let mut rest = detail;
    while let Some(i) = rest.find(|c: char| c.is_alphanumeric()) {
        out.push_str(&rest[..i]);
        let word_len = rest[i..]
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len() - i);
        let word = &rest[i..i + word_len];
        match documents.iter().find(|d| d.id == word) {
            Some(d) => out.push_str(&d.path),
            None => out.push_str(word),
        }
        rest = &rest[i + word_len..];
    }
    out.push_str(rest);
    out
}

fn path_of<'a>(report: &'a CompareReport, doc: &str) -> &'a str {
    report
        .documents
        .iter()
        .find(|d| d.id == doc)
        .map_or("?", |d| d.path.as_str())
}

/// Text safe for one terminal or annotation line: control characters (newlines, tabs,
/// escapes from hostile input) become spaces, one for one, so columns stay put.
pub(crate) fn flat(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Character ranges of the words in `text` that `reference` does not have: what a reader
/// should look at. Adjacent changed words are joined into one range.
pub fn changed_ranges(reference: &str, text: &str) -> Vec<(usize, usize)> {
    let diff = TextDiff::from_words(reference, text);
    // (start char, length, inserted, whitespace) for each token of `text`.
    let mut tokens = Vec::new();
    let mut at = 0;
    for change in diff.iter_all_changes() {
        if change.tag() == ChangeTag::Delete {
            continue;
        }
        let len = change.value().chars().count();
        let ws = change.value().chars().all(char::is_whitespace);
        tokens.push((at, len, change.tag() == ChangeTag::Insert, ws));
        at += len;
    }
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (i, &(start, len, inserted, ws)) in tokens.iter().enumerate() {
        let word = inserted && !ws;
        // Spaces between two changed words join them into one underline, whether or not the
        // diff matched those spaces.
        let bridge = ws
            && i > 0
            && tokens[i - 1].2
            && !tokens[i - 1].3
            && tokens.get(i + 1).is_some_and(|t| t.2 && !t.3);
        if !(word || bridge) {
            continue;
        }
        match ranges.last_mut() {
            Some(last) if last.1 == start => last.1 = start + len,
            _ => ranges.push((start, start + len)),
        }
    }
    ranges
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// Human diagnostics, rustc-style: each failing or warned difference with `file:line:col`
/// and the snippet of every source, differing words underlined; then notes and a summary.
pub fn human(report: &CheckReport, color: bool) -> String {
    let p = Paint { on: color };
    let mut out = String::new();
    for (group, f) in report.findings() {
        let (level, code) = match f.status {
            Status::Fail => ("error", "1;31"),
            Status::Warn => ("warning", "1;33"),
            Status::Accepted => continue,
        };
        let where_ = if group.configured {
            format!(", group {}", flat(&group.name))
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{}{}\n",
            p.wrap(code, &format!("{level}[{}]", kind_name(f.kind))),
            p.wrap(
                "1",
                &format!(
                    ": sources differ on claim {} ({}){where_}",
                    f.claim,
                    flat(&f.topic)
                )
            )
        ));
        let gutter = f
            .locations
            .iter()
            .map(|l| l.line.to_string().len())
            .max()
            .unwrap_or(1);
        let pad = " ".repeat(gutter);
        let bar = p.wrap("1;34", "|");
        for (i, loc) in f.locations.iter().enumerate() {
            let text = flat(&loc.text);
            let reference = match i {
                0 => f.locations.get(1),
                _ => f.locations.first(),
            }
            .map(|r| flat(&r.text))
            .unwrap_or_default();
            out.push_str(&format!(
                "{pad}{} {}:{}:{}\n",
                p.wrap("1;34", "-->"),
                flat(&loc.path),
                loc.line,
                loc.column
            ));
            out.push_str(&format!("{pad} {bar}\n"));
            out.push_str(&format!(
                "{} {bar} {text}\n",
                p.wrap("1;34", &format!("{:>gutter$}", loc.line))
            ));
            let ranges = changed_ranges(&reference, &text);
            if !ranges.is_empty() {
                let mut marks = String::new();
                let mut at = 0;
                for (s, e) in ranges {
                    marks.push_str(&" ".repeat(s - at));
                    marks.push_str(&p.wrap(code, &"^".repeat(e - s)));
                    at = e;
                }
                out.push_str(&format!("{pad} {bar} {marks}\n"));
            }
        }
        out.push_str(&format!(
            "{pad} = {}: {}\n",
            p.wrap("1", kind_name(f.kind)),
            flat(&f.message)
        ));
        if f.status == Status::Warn {
            out.push_str(&format!(
                "{pad} = note: `{}` is not in fail-on, so this does not fail the check\n",
                kind_name(f.kind)
            ));
        }
        out.push('\n');
    }
    let s = &report.summary;
    let note = p.wrap("1;36", "note");
    if s.accepted > 0 {
        out.push_str(&format!(
            "{note}: {} accepted by the baseline\n",
            plural(s.accepted, "difference", "differences")
        ));
    }
    for e in &report.stale {
        out.push_str(&format!(
            "{note}: stale baseline entry {} ({}: {}) no longer occurs; rewrite the baseline with --write-baseline\n",
            e.fingerprint,
            flat(&e.kind),
            flat(&e.files.join(", "))
        ));
    }
    let scope = format!(
        "{} in {}",
        plural(s.documents, "document", "documents"),
        plural(s.groups, "group", "groups")
    );
    if s.failed > 0 {
        out.push_str(&format!(
            "{}: {} ({scope})\n",
            p.wrap("1;31", "error"),
            plural(s.failed, "unaccepted difference", "unaccepted differences")
        ));
    } else {
        out.push_str(&format!(
            "{}: consistent, {scope} ({}, {} accepted, {} warned)\n",
            p.wrap("1;32", "ok"),
            plural(s.shared_claims, "shared claim", "shared claims"),
            s.accepted,
            s.warned
        ));
    }
    out
}

/// Escapes a workflow-command property or message as GitHub Actions expects.
fn escape(text: &str, property: bool) -> String {
    let mut s = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        s = s.replace(':', "%3A").replace(',', "%2C");
    }
    s
}

/// GitHub Actions workflow commands: `::error` (or `::warning` for kinds outside `fail-on`)
/// at every statement of each unaccepted difference, so the annotation shows on each file;
/// `::notice` for stale baseline entries.
pub fn github(report: &CheckReport) -> String {
    let mut out = String::new();
    for (_, f) in report.findings() {
        let level = match f.status {
            Status::Fail => "error",
            Status::Warn => "warning",
            Status::Accepted => continue,
        };
        let others = |me: usize| {
            f.locations
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != me)
                .map(|(_, l)| format!("{}:{}:{}", l.path, l.line, l.column))
                .collect::<Vec<_>>()
                .join(", ")
        };
        for (i, loc) in f.locations.iter().enumerate() {
            let message = format!("{} (differs from {})", flat(&f.message), others(i));
            out.push_str(&format!(
                "::{level} file={},line={},col={},title={}::{}\n",
                escape(&loc.path, true),
                loc.line,
                loc.column,
                escape(
                    &format!("factdiff {} difference ({})", kind_name(f.kind), f.claim),
                    true
                ),
                escape(&message, false)
            ));
        }
    }
    for e in &report.stale {
        out.push_str(&format!(
            "::notice title={}::{}\n",
            escape("factdiff stale baseline entry", true),
            escape(
                &format!(
                    "{} ({}: {}) no longer occurs; rewrite the baseline with --write-baseline",
                    e.fingerprint,
                    e.kind,
                    e.files.join(", ")
                ),
                false
            )
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_ranges_mark_only_new_words() {
        let a = "The council has agreed to the plan.";
        let b = "The council has not agreed to the plan.";
        assert_eq!(changed_ranges(a, b), vec![(16, 19)]);
        assert!(changed_ranges(b, a).is_empty());
        let c = "Officials said 12,000 troops were sent.";
        let d = "Officials said 10,000 troops were sent.";
        let r = changed_ranges(c, d);
        assert_eq!(r.len(), 1);
        assert!(d
            .chars()
            .skip(r[0].0)
            .take(r[0].1 - r[0].0)
            .collect::<String>()
            .contains("10"));
    }

    #[test]
    fn document_ids_become_paths() {
        let doc = |id: &str, path: &str| DocumentRef {
            id: id.into(),
            path: path.into(),
            title: None,
            byline: None,
            short: String::new(),
        };
        let docs = [doc("d1", "a.md"), doc("d12", "b.txt")];
        assert_eq!(
            name_documents("d12 denies (“not”), d1 asserts; d3 and dd1", &docs),
            "b.txt denies (“not”), a.md asserts; d3 and dd1"
        );
    }

    #[test]
    fn flat_keeps_columns() {
        assert_eq!(flat("a\tb\nc\x1b"), "a b c ");
    }
}
