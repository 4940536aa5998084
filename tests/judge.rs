//! The difference suite (`tests/differences/suite.toml`) run through the whole pipeline, with
//! per-kind precision and recall held to the floors of issue #7.

#[path = "differences/score.rs"]
mod score;

fn suite() -> score::Suite {
    let text = include_str!("differences/suite.toml");
    toml::from_str(text).expect("suite.toml parses")
}

#[test]
fn difference_suite_meets_floors() {
    let suite = suite();
    assert!(
        suite.pair.len() >= 120,
        "the suite needs at least 120 pairs"
    );
    let report = score::run(&suite);
    score::print(&report);
    let failures = score::failures(&report);
    assert!(failures.is_empty(), "below floor: {failures:#?}");
}

#[test]
fn suite_labels_are_well_formed() {
    for (n, pair) in suite().pair.iter().enumerate() {
        assert!(
            matches!(pair.verdict.as_str(), "agreement" | "difference"),
            "pair {}: verdict {}",
            n + 1,
            pair.verdict
        );
        assert_eq!(
            pair.verdict == "difference",
            !pair.kinds.is_empty(),
            "pair {}: a difference needs kinds and an agreement none",
            n + 1
        );
        for k in &pair.kinds {
            assert!(
                score::KINDS.iter().any(|&x| score::kind_name(x) == k),
                "pair {}: unknown kind {k}",
                n + 1
            );
        }
    }
}
