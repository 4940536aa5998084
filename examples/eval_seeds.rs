//! Acceptance checks on the two founding seed articles in `../shared/seeds` (not shipped with
//! the crate, so this is an example CI runs rather than a `cargo test`).
//!
//! Run with `cargo run --release --example eval_seeds`; exits 1 when a check fails.
//! `FACTDIFF_SHARED` overrides the location of the shared directory.

use factdiff::report::CompareReport;
use factdiff::{Comparison, Document, InputFormat};
use std::path::PathBuf;

#[path = "support/shared.rs"]
mod shared;

struct Checks {
    failed: usize,
    total: usize,
}

impl Checks {
    fn check(&mut self, name: &str, ok: bool, detail: String) {
        self.total += 1;
        if ok {
            println!("  ok    {name}");
        } else {
            self.failed += 1;
            println!("  FAIL  {name}\n        {detail}");
        }
    }
}

/// Ids of the claims whose statements contain `needle` in document `doc`.
fn claim_holding<'a>(
    report: &'a CompareReport,
    doc: &str,
    needle: &str,
) -> Option<&'a factdiff::report::ClaimOut> {
    report.claims.iter().find(|c| {
        c.statements
            .iter()
            .any(|s| s.doc == doc && s.text.contains(needle))
    })
}

fn pairs(report: &CompareReport, a: (&str, &str), b: (&str, &str)) -> (bool, String) {
    match claim_holding(report, a.0, a.1) {
        Some(c) => {
            let ok = c
                .statements
                .iter()
                .any(|s| s.doc == b.0 && s.text.contains(b.1));
            let got: Vec<String> = c
                .statements
                .iter()
                .map(|s| format!("{}: {}", s.doc, s.text))
                .collect();
            (ok, format!("claim {} holds {:?}", c.id, got))
        }
        None => (false, format!("no claim holds {:?}", a.1)),
    }
}

fn main() {
    let dir = shared::dir().join("seeds");
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!(
                "error: {}: {e}; set FACTDIFF_SHARED to the shared directory",
                dir.display()
            );
            std::process::exit(2);
        }
    };
    paths.sort();
    let docs: Vec<Document> = paths
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let bytes = std::fs::read(p).expect("seed readable");
            Document::read(
                &format!("d{}", i + 1),
                &p.to_string_lossy(),
                &bytes,
                InputFormat::Text,
            )
            .expect("seed ingests")
        })
        .collect();
    let report = Comparison::new(docs.clone()).report();
    let mut c = Checks {
        failed: 0,
        total: 0,
    };
    println!(
        "seed acceptance ({} documents, {} claims)",
        docs.len(),
        report.claims.len()
    );

    let (ok, d) = pairs(
        &report,
        ("d1", "10,000 to 12,000 troops"),
        ("d2", "North Korean troops to fight in Ukraine"),
    );
    c.check(
        "troops sent to Russia pair with troops fighting in Ukraine",
        ok,
        d,
    );
    let (ok, d) = pairs(
        &report,
        ("d1", "joint military exercises"),
        ("d2", "military drills"),
    );
    c.check("condemned exercises pair with condemned drills", ok, d);

    let troops = report.numbers.iter().find(|r| {
        r.unit == "troop"
            && r.values
                .iter()
                .any(|v| v.doc == "d1" && v.low == 10_000.0 && v.high == 12_000.0)
    });
    c.check(
        "numbers table lists 10,000–12,000 troops for d1",
        troops.is_some(),
        format!(
            "troop rows: {:?}",
            report
                .numbers
                .iter()
                .filter(|r| r.unit == "troop")
                .collect::<Vec<_>>()
        ),
    );
    for (amount, text) in [
        (150e9, "$150 billion"),
        (50e9, "$50 billion"),
        (26e9, "$26 billion"),
    ] {
        let found = report
            .numbers
            .iter()
            .any(|r| r.unit == "USD" && r.values.iter().any(|v| v.doc == "d2" && v.low == amount));
        c.check(
            &format!("numbers table lists {text} for d2"),
            found,
            "missing".into(),
        );
    }
    let rate = report.numbers.iter().any(|r| {
        r.unit == "weapon"
            && r.values
                .iter()
                .any(|v| v.doc == "d2" && v.low == 10.0 && v.high == 20.0)
    });
    c.check(
        "numbers table lists 10 to 20 weapons a year for d2",
        rate,
        "missing".into(),
    );
    let false_number = report
        .claims
        .iter()
        .filter(|cl| {
            cl.differences
                .iter()
                .any(|d| d.kind == factdiff::judge::DifferenceKind::Number)
        })
        .map(|cl| cl.id.clone())
        .collect::<Vec<_>>();
    c.check(
        "no number difference between the seeds",
        false_number.is_empty(),
        format!("{false_number:?}"),
    );

    let chrome = [
        "Leave a Comment",
        "Adblock Detected",
        "You may also like",
        "Home »",
        "Akismet",
        "disabling your AdBlocker",
        "Share your thoughts",
    ];
    let leaked: Vec<&str> = report
        .claims
        .iter()
        .flat_map(|cl| cl.statements.iter())
        .filter(|s| chrome.iter().any(|ch| s.text.contains(ch)))
        .map(|s| s.text.as_str())
        .collect();
    c.check(
        "no page chrome in any claim",
        leaked.is_empty(),
        format!("{leaked:?}"),
    );

    let headings_ok = docs.iter().all(|d| {
        d.sentences.iter().all(|s| {
            let heading_like = !s.text.ends_with(['.', '?', '!', '”', '"'])
                && s.text.split_whitespace().count() <= 12;
            !heading_like || s.kind != factdiff::segment::SentenceKind::Statement
        })
    });
    c.check(
        "short unpunctuated lines are headings or chrome, never statements",
        headings_ok,
        "a heading-like line is a statement".into(),
    );
    let bylines: Vec<Option<String>> = docs.iter().map(|d| d.ingested.byline.clone()).collect();
    c.check(
        "both bylines land in metadata",
        bylines.iter().all(Option::is_some),
        format!("{bylines:?}"),
    );
    let split_abbrev: Vec<&str> = docs
        .iter()
        .flat_map(|d| d.sentences.iter())
        .filter(|s| s.text.ends_with("U.S.") || s.text.ends_with(" Dr."))
        .map(|s| s.text.as_str())
        .collect();
    c.check(
        "no sentence split inside U.S. or Dr.",
        split_abbrev.is_empty(),
        format!("{split_abbrev:?}"),
    );

    println!("{} of {} checks passed", c.total - c.failed, c.total);
    if c.failed > 0 {
        std::process::exit(1);
    }
}
