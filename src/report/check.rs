//! `check` reports: each difference as a diagnostic pointing at every source, rustc-style
//! for people and as workflow commands for GitHub Actions.

use super::grid::kind_name;
use super::table::sanitize;
use super::{diff::word_diff, ClaimOut, CompareReport};
use crate::judge::Verdict;

fn path_of<'a>(report: &'a CompareReport, doc: &str) -> &'a str {
    report
        .documents
        .iter()
        .find(|d| d.id == doc)
        .map_or("?", |d| d.path.as_str())
}

fn differing(report: &CompareReport) -> impl Iterator<Item = &ClaimOut> {
    report
        .claims
        .iter()
        .filter(|c| c.verdict == Verdict::Difference)
}

/// Human diagnostics: one block per differing claim, then a summary line.
pub fn human(report: &CompareReport, color: bool) -> String {
    let mut out = String::new();
    let (red, bold, reset) = if color {
        ("\x1b[31m", "\x1b[1m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    for claim in differing(report) {
        let kinds: Vec<&str> = claim
            .differences
            .iter()
            .map(|d| kind_name(d.kind))
            .collect();
        out.push_str(&format!(
            "{red}{bold}error[{}]{reset}{bold}: sources differ on claim {} ({}){reset}\n",
            kinds.join(","),
            claim.id,
            sanitize(&claim.topic)
        ));
        for s in &claim.statements {
            out.push_str(&format!(
                "  --> {}:{}:{}\n   | {}\n",
                sanitize(path_of(report, &s.doc)),
                s.line,
                s.column,
                sanitize(&s.text)
            ));
        }
        if let [first, second, ..] = claim.statements.as_slice() {
            out.push_str(&format!(
                "   = diff: {}\n",
                word_diff(&first.text, &second.text, color)
            ));
        }
        for d in &claim.differences {
            out.push_str(&format!(
                "   = {}: {}\n",
                kind_name(d.kind),
                sanitize(&d.detail)
            ));
        }
        out.push('\n');
    }
    let n = report.summary.differences;
    if n == 0 {
        out.push_str(&format!(
            "ok: {} documents consistent ({} shared claims, no differences)\n",
            report.documents.len(),
            report.summary.agreements
        ));
    } else {
        out.push_str(&format!(
            "{red}{bold}error{reset}: {n} claim{} differ across {} documents\n",
            if n == 1 { "" } else { "s" },
            report.documents.len()
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

/// One `::error` workflow command per statement of each differing claim.
pub fn github(report: &CompareReport) -> String {
    let mut out = String::new();
    for claim in differing(report) {
        let kinds: Vec<&str> = claim
            .differences
            .iter()
            .map(|d| kind_name(d.kind))
            .collect();
        let detail = claim
            .differences
            .iter()
            .map(|d| d.detail.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        for s in &claim.statements {
            out.push_str(&format!(
                "::error file={},line={},col={},title={}::{}\n",
                escape(path_of(report, &s.doc), true),
                s.line,
                s.column,
                escape(
                    &format!("factdiff {} difference ({})", kinds.join("+"), claim.id),
                    true
                ),
                escape(&sanitize(&detail), false)
            ));
        }
    }
    out
}
