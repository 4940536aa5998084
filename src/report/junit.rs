//! JUnit XML for CI test dashboards: one test suite per group, one test case per shared claim
//! (a claim more than one document makes: the only kind that can pass or fail), failing with
//! one `<failure>` per unaccepted difference. Stale baseline entries are skipped test cases in
//! a `baseline` suite, so they show without failing.
//!
//! Everything from the input is escaped, and characters XML 1.0 cannot carry at all are
//! dropped, so hostile article text cannot break the document.

use super::check::{CheckReport, Status};
use super::grid::kind_name;
use crate::judge::Verdict;

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Attribute values normalise raw newlines and tabs away; keep them as references.
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// The XML 1.0 `Char` production.
fn allowed(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// The JUnit XML report.
pub fn render(report: &CheckReport) -> String {
    let mut suites = String::new();
    let (mut total, mut total_failures, mut total_skipped) = (0, 0, 0);
    for group in &report.groups {
        let mut cases = String::new();
        let (mut tests, mut failures) = (0, 0);
        for claim in group
            .compare
            .claims
            .iter()
            .filter(|c| c.verdict != Verdict::Unique)
        {
            tests += 1;
            let sources = claim
                .statements
                .iter()
                .map(|s| {
                    let path = group
                        .documents
                        .iter()
                        .find(|d| d.id == s.doc)
                        .map_or("?", |d| d.path.as_str());
                    format!("{path}:{}:{}", s.line, s.column)
                })
                .collect::<Vec<_>>()
                .join(", ");
            let findings: Vec<_> = group
                .findings
                .iter()
                .filter(|f| f.claim == claim.id)
                .collect();
            let mut body = String::new();
            let mut notes = Vec::new();
            for f in &findings {
                let locations = f
                    .locations
                    .iter()
                    .map(|l| format!("{}:{}:{}: {}", l.path, l.line, l.column, l.text))
                    .collect::<Vec<_>>()
                    .join("\n");
                match f.status {
                    Status::Fail => body.push_str(&format!(
                        "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                        kind_name(f.kind),
                        escape(&format!("{} difference: {}", kind_name(f.kind), f.message)),
                        escape(&locations)
                    )),
                    Status::Warn => notes.push(format!(
                        "warning ({} is not in fail-on): {}\n{locations}",
                        kind_name(f.kind),
                        f.message
                    )),
                    Status::Accepted => notes.push(format!(
                        "accepted by the baseline ({}): {}\n{locations}",
                        kind_name(f.kind),
                        f.message
                    )),
                }
            }
            if findings.iter().any(|f| f.status == Status::Fail) {
                failures += 1;
            }
            if !notes.is_empty() {
                body.push_str(&format!(
                    "      <system-out>{}</system-out>\n",
                    escape(&notes.join("\n\n"))
                ));
            }
            let open = format!(
                "    <testcase classname=\"factdiff.{}\" name=\"{}\" file=\"{}\"",
                escape(&group.name),
                escape(&format!("{} ({}): {sources}", claim.id, claim.topic)),
                escape(
                    claim
                        .statements
                        .first()
                        .and_then(|s| group.documents.iter().find(|d| d.id == s.doc))
                        .map_or("", |d| d.path.as_str())
                ),
            );
            if body.is_empty() {
                cases.push_str(&format!("{open}/>\n"));
            } else {
                cases.push_str(&format!("{open}>\n{body}    </testcase>\n"));
            }
        }
        total += tests;
        total_failures += failures;
        suites.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n{cases}  </testsuite>\n",
            escape(&group.name)
        ));
    }
    if !report.stale.is_empty() {
        let mut cases = String::new();
        for e in &report.stale {
            cases.push_str(&format!(
                "    <testcase classname=\"factdiff.baseline\" name=\"{}\">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                escape(&format!("{} ({}: {})", e.fingerprint, e.kind, e.files.join(", "))),
                escape("stale baseline entry: this difference no longer occurs")
            ));
        }
        let n = report.stale.len();
        total += n;
        total_skipped += n;
        suites.push_str(&format!(
            "  <testsuite name=\"baseline\" tests=\"{n}\" failures=\"0\" errors=\"0\" skipped=\"{n}\">\n{cases}  </testsuite>\n"
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"factdiff check\" tests=\"{total}\" failures=\"{total_failures}\" errors=\"0\" skipped=\"{total_skipped}\">\n{suites}</testsuites>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_forbidden_chars() {
        assert_eq!(
            escape("a<b>&\"c'\u{1}\u{FFFE}\n"),
            "a&lt;b&gt;&amp;&quot;c&apos;&#10;"
        );
    }
}
