//! The JSON reports against their published schemas (`schema/*.schema.json`, draft 2020-12).
//!
//! Runs the binary on the example articles (and the hostile fixture) for `compare`, `extract`
//! and `numbers` with `--format json`, validates the output with the `jsonschema` crate, and
//! adds the cross-checks a schema cannot express: ids that refer to listed documents, and
//! claims that quote the sentences `extract` lists.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

const INPUT_SETS: &[&[&str]] = &[&["examples/articles/"], &["tests/fixtures/hostile/"]];

fn factdiff_json(command: &str, inputs: &[&str]) -> Value {
    let out = Command::cargo_bin("factdiff")
        .expect("binary builds")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg(command)
        .args(inputs)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "factdiff {command} {inputs:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("output is JSON")
}

fn schema(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join(format!("{name}.schema.json"));
    let text = std::fs::read_to_string(&path).expect("schema file exists");
    serde_json::from_str(&text).expect("schema is JSON")
}

fn assert_valid(schema_name: &str, instance: &Value) {
    let schema = schema(schema_name);
    let validator = jsonschema::draft202012::new(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{schema_name} output does not match its schema:\n{}",
        errors.join("\n")
    );
}

fn assert_invalid(schema_name: &str, instance: &Value, why: &str) {
    let schema = schema(schema_name);
    let validator = jsonschema::draft202012::new(&schema).expect("schema compiles");
    assert!(!validator.is_valid(instance), "{schema_name} accepts {why}");
}

fn doc_ids(report: &Value) -> Vec<&str> {
    report["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["id"].as_str().expect("id"))
        .collect()
}

fn arr(v: &Value) -> &Vec<Value> {
    v.as_array().expect("array")
}

#[test]
fn schema_files_are_valid_draft_2020_12() {
    for name in ["compare", "extract", "numbers"] {
        let s = schema(name);
        assert_eq!(
            s["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{name}"
        );
        if let Err(e) = jsonschema::meta::validate(&s) {
            panic!("{name}.schema.json is not a valid schema: {e}");
        }
    }
}

#[test]
fn numbers_schema_shares_compare_definitions() {
    let compare = schema("compare");
    let numbers = schema("numbers");
    for def in arr_keys(&numbers["$defs"]) {
        assert_eq!(
            numbers["$defs"][def], compare["$defs"][def],
            "$defs/{def} differs between numbers and compare schemas"
        );
    }
}

fn arr_keys(v: &Value) -> Vec<&str> {
    v.as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect()
}

/// `--explain` adds each shared claim's pairs with their score and its parts, and the parts
/// add up to the score.
#[test]
fn compare_explain_matches_schema_and_adds_up() {
    let out = Command::cargo_bin("factdiff")
        .expect("binary builds")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "compare",
            "examples/articles/",
            "--explain",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_valid("compare", &report);
    let mut explained = 0;
    for claim in arr(&report["claims"]) {
        let statements = arr(&claim["statements"]).len();
        let pairs = claim.get("explain").map_or(0, |e| arr(e).len());
        // A claim of n statements was joined by n - 1 pairs; a unique one has none.
        assert_eq!(pairs, statements.saturating_sub(1), "{claim}");
        for pair in claim.get("explain").map(arr).into_iter().flatten() {
            explained += 1;
            let c = &pair["contributions"];
            let logit: f64 = pair["bias"].as_f64().unwrap()
                + ["wording", "names", "numbers", "meaning", "articles"]
                    .iter()
                    .map(|k| c[k].as_f64().unwrap())
                    .sum::<f64>();
            let score = 1.0 / (1.0 + (-logit).exp());
            assert!(
                (score - pair["score"].as_f64().unwrap()).abs() < 0.02,
                "{pair}"
            );
        }
    }
    assert!(explained >= 6, "every shared claim is explained");
    // Without the flag, no claim carries the field.
    let plain = factdiff_json("compare", &["examples/articles/"]);
    assert!(arr(&plain["claims"])
        .iter()
        .all(|c| c.get("explain").is_none()));
}

#[test]
fn compare_json_matches_schema() {
    for inputs in INPUT_SETS {
        let report = factdiff_json("compare", inputs);
        assert_valid("compare", &report);
        let ids = doc_ids(&report);
        for claim in arr(&report["claims"]) {
            for s in arr(&claim["statements"]) {
                let doc = s["doc"].as_str().expect("doc");
                assert!(ids.contains(&doc), "statement of unknown document {doc}");
                let sentence = s["sentence"].as_str().expect("sentence");
                assert!(
                    sentence.starts_with(&format!("{doc}.s")),
                    "{sentence} is not a sentence of {doc}"
                );
            }
            for d in arr(&claim["differences"]) {
                for doc in arr(&d["docs"]) {
                    let doc = doc.as_str().expect("doc id");
                    let speaks = arr(&claim["statements"]).iter().any(|s| s["doc"] == doc);
                    assert!(
                        speaks,
                        "difference names {doc}, which says nothing in the claim"
                    );
                }
            }
        }
    }
}

#[test]
fn numbers_json_matches_schema() {
    for inputs in INPUT_SETS {
        let report = factdiff_json("numbers", inputs);
        assert_valid("numbers", &report);
        let ids = doc_ids(&report);
        for row in arr(&report["numbers"]) {
            for v in arr(&row["values"]) {
                assert!(ids.contains(&v["doc"].as_str().expect("doc")));
                assert!(v["low"].as_f64() <= v["high"].as_f64(), "low > high: {v}");
            }
        }
    }
}

#[test]
fn extract_json_matches_schema_and_design_rules() {
    for inputs in INPUT_SETS {
        let report = factdiff_json("extract", inputs);
        assert_valid("extract", &report);
        for (n, doc) in arr(&report["documents"]).iter().enumerate() {
            let id = format!("d{}", n + 1);
            assert_eq!(doc["id"], id.as_str(), "documents follow input order");
            for (k, s) in arr(&doc["sentences"]).iter().enumerate() {
                assert_eq!(s["id"], format!("{id}.s{}", k + 1).as_str());
                assert!(s["start"].as_u64() <= s["end"].as_u64(), "{s}");
                // Quantities are stubbed on some branches; these hold vacuously there.
                for q in arr(&s["quantities"]) {
                    let (low, high) = (q["low"].as_f64(), q["high"].as_f64());
                    match q["value"].as_f64() {
                        Some(v) => assert!(low == Some(v) && high == Some(v), "{q}"),
                        None => assert!(low < high, "a range needs low < high: {q}"),
                    }
                    assert!(q["start"].as_u64() >= s["start"].as_u64(), "{q}");
                    assert!(q["end"].as_u64() <= s["end"].as_u64(), "{q}");
                }
            }
        }
    }
}

#[test]
fn compare_quotes_the_sentences_extract_lists() {
    for inputs in INPUT_SETS {
        let compare = factdiff_json("compare", inputs);
        let extract = factdiff_json("extract", inputs);
        let sentences: HashMap<&str, &Value> = arr(&extract["documents"])
            .iter()
            .flat_map(|d| arr(&d["sentences"]))
            .map(|s| (s["id"].as_str().expect("id"), s))
            .collect();
        for claim in arr(&compare["claims"]) {
            for st in arr(&claim["statements"]) {
                let id = st["sentence"].as_str().expect("sentence");
                let s = sentences
                    .get(id)
                    .unwrap_or_else(|| panic!("{id} is not listed by extract"));
                for field in ["text", "line", "column"] {
                    assert_eq!(st[field], s[field], "{id}: {field}");
                }
            }
        }
    }
}

#[test]
fn schemas_reject_broken_reports() {
    let report = factdiff_json("compare", &["examples/articles/"]);
    let mut missing_title = report.clone();
    missing_title["documents"][0]
        .as_object_mut()
        .expect("object")
        .remove("title");
    assert_invalid("compare", &missing_title, "a document without a title");
    let mut bad_verdict = report.clone();
    bad_verdict["claims"][0]["verdict"] = "maybe".into();
    assert_invalid("compare", &bad_verdict, "an unknown verdict");
    let mut bad_line = report.clone();
    bad_line["claims"][0]["statements"][0]["line"] = 0.into();
    assert_invalid("compare", &bad_line, "line 0");
    let mut wrong_schema = report;
    wrong_schema["schema"] = "factdiff.compare/2".into();
    assert_invalid("compare", &wrong_schema, "another schema version");

    let extract = factdiff_json("extract", &["examples/articles/"]);
    let mut bad_kind = extract.clone();
    bad_kind["documents"][0]["sentences"][0]["kind"] = "paragraph".into();
    assert_invalid("extract", &bad_kind, "an unknown sentence kind");
    let mut quantity = extract;
    quantity["documents"][0]["sentences"][0]["quantities"] = serde_json::json!([{
        "text": "12 boats", "start": 0, "end": 8, "value": "12", "low": 12, "high": 12,
        "unit": "boat", "kind": "count", "approx": false
    }]);
    assert_invalid("extract", &quantity, "a quantity value given as a string");
}
