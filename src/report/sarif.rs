//! SARIF 2.1.0 for code-scanning tools: one result per difference, located at every statement
//! on its sides, with one rule per difference kind (`factdiff/number`, …).
//!
//! Plain serde structs rather than a SARIF crate: the subset written here is small, and the
//! generated full-schema crates would dwarf the rest of the dependency tree.

use super::check::{CheckReport, Finding, Status};
use super::grid::kind_name;
use crate::config::ALL_KINDS;
use crate::judge::DifferenceKind;
use serde::Serialize;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    invocations: Vec<Invocation>,
    /// Statement columns count characters, not UTF-16 units.
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: String,
    name: String,
    short_description: Text,
    full_description: Text,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<SarifLocation>,
    partial_fingerprints: PartialFingerprints,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_state: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
    properties: Properties,
}

#[derive(Serialize)]
struct PartialFingerprints {
    #[serde(rename = "factdiff/v1")]
    factdiff: String,
}

#[derive(Serialize)]
struct Suppression {
    kind: &'static str,
    justification: &'static str,
}

#[derive(Serialize)]
struct Properties {
    group: String,
    claim: String,
    topic: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    byte_offset: usize,
    byte_length: usize,
    snippet: Text,
}

fn rule_id(kind: DifferenceKind) -> String {
    format!("factdiff/{}", kind_name(kind))
}

fn describe(kind: DifferenceKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        DifferenceKind::Number => (
            "NumberDifference",
            "Sources give different numbers",
            "Statements that make the same claim give incompatible values for the same quantity.",
        ),
        DifferenceKind::Date => (
            "DateDifference",
            "Sources give different dates",
            "Statements that make the same claim name different years or dates.",
        ),
        DifferenceKind::Entity => (
            "EntityDifference",
            "Sources name a different actor or place",
            "Statements that make the same claim put a different person, organisation or place in the same role.",
        ),
        DifferenceKind::Negation => (
            "NegationDifference",
            "One source denies what another asserts",
            "One statement negates the claim another statement makes.",
        ),
        DifferenceKind::Hedge => (
            "HedgeDifference",
            "One source hedges what another asserts",
            "One statement asserts as fact what another only reports, attributes or speculates.",
        ),
        DifferenceKind::Quote => (
            "QuoteDifference",
            "Sources quote different words",
            "Statements attribute different words to the same speaker.",
        ),
    }
}

/// A relative path as a URI reference: `/`-separated, with bytes outside the unreserved set
/// percent-encoded; absolute paths become `file://` URIs.
pub fn path_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn result(group: &str, f: &Finding, with_baseline: bool) -> SarifResult {
    let index = ALL_KINDS.iter().position(|&k| k == f.kind).unwrap_or(0);
    SarifResult {
        rule_id: rule_id(f.kind),
        rule_index: index,
        level: match f.status {
            Status::Fail => "error",
            Status::Warn | Status::Accepted => "warning",
        },
        message: Text {
            text: format!(
                "Sources differ ({}) on claim {} ({}): {}",
                kind_name(f.kind),
                f.claim,
                f.topic,
                f.message
            ),
        },
        locations: f
            .locations
            .iter()
            .map(|l| SarifLocation {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: path_uri(&l.path),
                    },
                    region: Region {
                        start_line: l.line.max(1),
                        start_column: l.column.max(1),
                        byte_offset: l.start,
                        byte_length: l.end.saturating_sub(l.start),
                        snippet: Text {
                            text: l.text.clone(),
                        },
                    },
                },
            })
            .collect(),
        partial_fingerprints: PartialFingerprints {
            factdiff: f.fingerprint.clone(),
        },
        baseline_state: with_baseline.then_some(match f.status {
            Status::Accepted => "unchanged",
            _ => "new",
        }),
        suppressions: if f.status == Status::Accepted {
            vec![Suppression {
                kind: "external",
                justification: "accepted in the factdiff baseline",
            }]
        } else {
            Vec::new()
        },
        properties: Properties {
            group: group.to_string(),
            claim: f.claim.clone(),
            topic: f.topic.clone(),
        },
    }
}

/// The SARIF log. `fail_on` sets each rule's default level; `with_baseline` adds
/// `baselineState` to every result.
pub fn render(report: &CheckReport, fail_on: &[DifferenceKind], with_baseline: bool) -> String {
    let rules = ALL_KINDS
        .iter()
        .map(|&k| {
            let (name, short, full) = describe(k);
            Rule {
                id: rule_id(k),
                name: name.to_string(),
                short_description: Text {
                    text: short.to_string(),
                },
                full_description: Text {
                    text: full.to_string(),
                },
                default_configuration: Configuration {
                    level: if fail_on.contains(&k) {
                        "error"
                    } else {
                        "warning"
                    },
                },
            }
        })
        .collect();
    let notifications = report
        .stale
        .iter()
        .map(|e| Notification {
            level: "note",
            message: Text {
                text: format!(
                    "stale baseline entry {} ({}: {}) no longer occurs",
                    e.fingerprint,
                    e.kind,
                    e.files.join(", ")
                ),
            },
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "factdiff",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: env!("CARGO_PKG_REPOSITORY"),
                    rules,
                },
            },
            invocations: vec![Invocation {
                execution_successful: true,
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
            results: report
                .findings()
                .map(|(g, f)| result(&g.name, f, with_baseline))
                .collect(),
        }],
    };
    super::json::render(&log)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(path_uri("docs/a b.md"), "docs/a%20b.md");
        assert_eq!(path_uri("/tmp/x.md"), "file:///tmp/x.md");
        assert_eq!(path_uri("é.md"), "%C3%A9.md");
    }
}
