//! End-to-end tests: run the `factdiff` binary over the example articles and fixtures.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

fn factdiff() -> Command {
    let mut cmd = Command::cargo_bin("factdiff").expect("binary builds");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    cmd
}

fn compare_json(args: &[&str]) -> Value {
    let out = factdiff()
        .arg("compare")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn claims(report: &Value) -> &Vec<Value> {
    report["claims"].as_array().expect("claims array")
}

/// The claim holding a statement that contains `needle`.
fn claim_with<'a>(report: &'a Value, needle: &str) -> &'a Value {
    claims(report)
        .iter()
        .find(|c| {
            c["statements"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["text"].as_str().unwrap().contains(needle))
        })
        .unwrap_or_else(|| panic!("no claim mentions {needle:?}"))
}

fn docs_of(claim: &Value) -> Vec<String> {
    claim["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["doc"].as_str().unwrap().to_string())
        .collect()
}

fn kinds_of(claim: &Value) -> Vec<String> {
    claim["differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn examples_date_and_place_agree_across_all_three_sources() {
    let report = compare_json(&["examples/articles"]);
    let claim = claim_with(&report, "will meet at Panmunjom on March 14");
    assert_eq!(docs_of(claim), ["d1", "d2", "d3"]);
    assert_eq!(claim["verdict"], "agreement");
}

#[test]
fn examples_food_aid_is_a_number_conflict() {
    let report = compare_json(&["examples/articles"]);
    let claim = claim_with(&report, "in food aid");
    assert_eq!(docs_of(claim), ["d1", "d2", "d3"]);
    assert_eq!(claim["verdict"], "difference");
    assert!(kinds_of(claim).contains(&"number".to_string()));
    let number = claim["differences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "number")
        .unwrap();
    assert_eq!(number["docs"], serde_json::json!(["d1", "d2", "d3"]));
    let row = report["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == "USD")
        .expect("a USD row");
    assert_eq!(row["conflict"], true);
}

#[test]
fn examples_overlapping_delegate_counts_agree() {
    let report = compare_json(&["examples/articles"]);
    let claim = claim_with(&report, "Between 300 and 400 delegates");
    assert!(docs_of(claim).len() >= 2, "{claim:#}");
    assert_eq!(claim["verdict"], "agreement", "{claim:#}");
}

#[test]
fn examples_alias_pairs_pyongyang_with_north_korea_and_flags_negation() {
    let report = compare_json(&["examples/articles"]);
    let claim = claim_with(&report, "Pyongyang has agreed to discuss");
    let texts: Vec<&str> = claim["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(texts
        .iter()
        .any(|t| t.contains("North Korea has not agreed")));
    assert_eq!(kinds_of(claim), ["negation"]);
}

#[test]
fn examples_hedged_statement_differs_from_the_plain_one() {
    let report = compare_json(&["examples/articles"]);
    let claim = claim_with(&report, "will reportedly reopen");
    assert_eq!(docs_of(claim).len(), 2);
    assert_eq!(kinds_of(claim), ["hedge"]);
}

#[test]
fn examples_statement_only_one_source_makes_stays_unique() {
    let report = compare_json(&["examples/articles"]);
    let claim = claim_with(&report, "broadcast live");
    assert_eq!(claim["verdict"], "unique");
    assert_eq!(docs_of(claim), ["d3"]);
}

#[test]
fn examples_page_chrome_never_becomes_a_statement() {
    let report = compare_json(&["examples/articles"]);
    for claim in claims(&report) {
        for s in claim["statements"].as_array().unwrap() {
            let text = s["text"].as_str().unwrap();
            for chrome in [
                "Leave a Comment",
                "Adblock",
                "You may also like",
                "Home »",
                "Share this",
                "Mara Quint",
            ] {
                assert!(!text.contains(chrome), "chrome in a claim: {text}");
            }
        }
    }
}

#[test]
fn statements_point_at_their_place_in_the_file() {
    let report = compare_json(&["examples/articles"]);
    for claim in claims(&report) {
        for s in claim["statements"].as_array().unwrap() {
            let doc = s["doc"].as_str().unwrap();
            let path = report["documents"]
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["id"] == doc)
                .unwrap()["path"]
                .as_str()
                .unwrap();
            let file =
                std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
            let line = s["line"].as_u64().unwrap() as usize;
            let column = s["column"].as_u64().unwrap() as usize;
            let at: String = file
                .lines()
                .nth(line - 1)
                .unwrap()
                .chars()
                .skip(column - 1)
                .collect();
            let first_word = s["text"]
                .as_str()
                .unwrap()
                .split_whitespace()
                .next()
                .unwrap();
            assert!(
                at.contains(first_word),
                "{path}:{line}:{column} does not hold {first_word:?}"
            );
        }
    }
}

#[test]
fn output_is_identical_across_runs() {
    let run = || {
        factdiff()
            .args(["compare", "examples/articles", "--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run(), run());
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    // Enough statements that reading and candidate search are split across threads.
    let dir = tempfile::tempdir().unwrap();
    let places = [
        "harbour", "bridge", "tunnel", "canal", "airport", "depot", "market",
    ];
    for d in 0..40 {
        let mut text = format!("Report {d}\n\n");
        for s in 0..12 {
            let place = places[(d + s) % places.len()];
            text.push_str(&format!(
                "The {place} reopened on day {} after {} workers finished repairs, officials said. ",
                (d * 7 + s) % 30 + 1,
                (s + 1) * 50 + d % 3 * 10
            ));
        }
        std::fs::write(dir.path().join(format!("r{d:02}.txt")), text).unwrap();
    }
    let run = |threads: &str| {
        let out = factdiff()
            .env("RAYON_NUM_THREADS", threads)
            .args(["compare", "--format", "json"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let one = run("1");
    assert!(one.len() > 10_000, "a real report");
    for threads in ["2", "3", "8"] {
        assert!(one == run(threads), "output differs with {threads} threads");
    }
}

#[test]
fn input_order_changes_only_document_ids() {
    let forward = compare_json(&[
        "examples/articles/harbor-daily.txt",
        "examples/articles/northern-post.txt",
    ]);
    let backward = compare_json(&[
        "examples/articles/northern-post.txt",
        "examples/articles/harbor-daily.txt",
    ]);
    let shape = |r: &Value, first: &str| -> Vec<(String, Vec<String>)> {
        let mut v: Vec<(String, Vec<String>)> = claims(r)
            .iter()
            .map(|c| {
                let mut texts: Vec<String> = c["statements"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| {
                        let side = if s["doc"] == first { "A" } else { "B" };
                        format!("{side}:{}", s["text"].as_str().unwrap())
                    })
                    .collect();
                texts.sort();
                (c["verdict"].as_str().unwrap().to_string(), texts)
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(shape(&forward, "d1"), shape(&backward, "d2"));
}

#[test]
fn table_report_ends_with_a_summary() {
    factdiff()
        .args(["compare", "examples/articles", "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Shared claims"))
        .stdout(predicate::str::contains("Said by one source only"))
        .stdout(predicate::str::contains("Numbers"))
        .stdout(
            predicate::str::is_match(r"\d+ claims: \d+ agree, \d+ differ, \d+ unique").unwrap(),
        );
}

#[test]
fn stdin_is_read_with_dash() {
    factdiff()
        .args([
            "compare",
            "-",
            "examples/articles/northern-post.txt",
            "--format",
            "json",
        ])
        .write_stdin("Officials confirmed that the leaders will meet at Panmunjom on March 14.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"factdiff.compare/1\""));
}

#[test]
fn extract_lists_every_sentence_with_spans_and_kind() {
    let out = factdiff()
        .args([
            "extract",
            "examples/articles/harbor-daily.txt",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "factdiff.extract/1");
    let doc = &v["documents"][0];
    assert_eq!(doc["id"], "d1");
    let file = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles/harbor-daily.txt"),
    )
    .unwrap();
    let sentences = doc["sentences"].as_array().unwrap();
    assert!(sentences.iter().any(|s| s["kind"] == "boilerplate"));
    assert!(sentences.iter().any(|s| s["kind"] == "heading"));
    for (n, s) in sentences.iter().enumerate() {
        assert_eq!(s["id"], format!("d1.s{}", n + 1));
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(start < end && end <= file.len());
    }
    let aid = sentences
        .iter()
        .find(|s| s["text"].as_str().unwrap().contains("food aid"))
        .unwrap();
    let q = &aid["quantities"][0];
    assert_eq!(q["unit"], "USD");
    assert_eq!(q["kind"], "money");
    assert_eq!(q["value"], 2.5e9);
    let (qs, qe) = (
        q["start"].as_u64().unwrap() as usize,
        q["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&file[qs..qe], q["text"].as_str().unwrap().as_bytes());
}

#[test]
fn check_fails_on_differences_and_passes_on_agreeing_files() {
    factdiff()
        .args(["check", "examples/articles", "--color", "never"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[number]"))
        .stdout(predicate::str::contains(
            "examples/articles/coastal-wire.md:",
        ));
    factdiff()
        .args([
            "check",
            "examples/articles/northern-post.txt",
            "examples/articles/northern-post.txt",
        ])
        .assert()
        .code(0);
}

#[test]
fn check_github_format_emits_workflow_commands() {
    factdiff()
        .args(["check", "examples/articles", "--format", "github"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("::error file="));
}

#[test]
fn diff_marks_changed_words() {
    factdiff()
        .args(["diff", "examples/articles", "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::contains("[-"))
        .stdout(predicate::str::contains("{+"))
        .stdout(predicate::str::contains(
            "--- d1 examples/articles/coastal-wire.md:",
        ));
}

#[test]
fn output_file_is_written_atomically_and_complete() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.json");
    factdiff()
        .args(["compare", "examples/articles", "--format", "json", "-o"])
        .arg(&target)
        .assert()
        .success()
        .stdout("");
    let v: Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(v["schema"], "factdiff.compare/1");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp file left"
    );
}

mod bad_input {
    use super::*;

    fn fails_with(args: &[&str], message: &str) {
        let out = factdiff().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message), "{stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "one-line error: {stderr}");
        assert!(!stderr.contains("panicked"));
    }

    #[test]
    fn missing_file_names_the_file() {
        fails_with(
            &["compare", "no/such/article.txt"],
            "no/such/article.txt: no such file",
        );
    }

    #[test]
    fn directory_without_articles_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.csv"), "a,b\n").unwrap();
        let path = dir.path().to_str().unwrap().to_string();
        fails_with(&["compare", &path], "contains no articles");
    }

    #[test]
    fn empty_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("empty.txt");
        std::fs::write(&file, "  \n\n").unwrap();
        fails_with(&["compare", file.to_str().unwrap()], "empty.txt: ");
    }

    #[test]
    fn binary_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("image.txt");
        std::fs::write(&file, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0]).unwrap();
        fails_with(&["extract", file.to_str().unwrap()], "image.txt: ");
    }

    #[test]
    fn invalid_utf8_noise_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("noise.txt");
        let bytes: Vec<u8> = (0..400u32).map(|i| 0x80 + (i * 37 % 0x7f) as u8).collect();
        std::fs::write(&file, bytes).unwrap();
        fails_with(&["compare", file.to_str().unwrap()], "noise.txt: ");
    }

    #[test]
    fn unknown_flag_is_a_usage_error() {
        factdiff()
            .args(["compare", "--frobnicate", "x.txt"])
            .assert()
            .code(2);
    }
}

/// `--explain` in the terminal: a line per matched pair after the claims, naming both
/// sentences and each part of the score; without the flag, no such section.
#[test]
fn explain_shows_why_each_pair_met() {
    factdiff()
        .args([
            "compare",
            "examples/articles",
            "--explain",
            "--color",
            "never",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Why statements met"))
        .stdout(
            predicate::str::is_match(
                r"c1 d\d\.s\d+ ~ d\d\.s\d+  score 0\.\d\d|c1 d\d\.s\d+ ~ d\d\.s\d+  score 1\.00",
            )
            .unwrap(),
        )
        .stdout(predicate::str::contains("meaning +"))
        .stdout(predicate::str::contains("names +"));
    factdiff()
        .args(["compare", "examples/articles", "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Why statements met").not());
}
