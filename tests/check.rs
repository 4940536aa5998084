//! `factdiff check` end to end: configuration, output formats, fail-on, baselines and exit
//! codes. Every test copies a fixture project from `tests/fixtures/check/` into a temporary
//! directory, so tests can edit files and never see each other's baselines.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/check");

/// A copy of fixture directory `name` in a fresh temporary directory.
fn project(name: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let src = Path::new(FIXTURES).join(name);
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.expect("fixture readable");
        let to = tmp.path().join(entry.path().strip_prefix(&src).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    let root = tmp.path().to_path_buf();
    (tmp, root)
}

fn check(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("factdiff").expect("binary builds");
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .args(["check", "--color", "never"]);
    cmd
}

fn json(dir: &Path, args: &[&str], code: i32) -> Value {
    let out = check(dir)
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn findings(report: &Value) -> Vec<&Value> {
    report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["findings"].as_array().unwrap())
        .collect()
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

const MAYOR_DENIES: &str = "Mayor Dana Okafor has not approved";
const ENGINEER: &str = "the work would be finished";
const ENGINEER_DENIES: &str = "the work would not be finished";

// ---------------------------------------------------------------- output formats

#[test]
fn human_format_points_at_every_source_and_marks_the_words() {
    let (_tmp, dir) = project("project");
    check(&dir)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[negation]"))
        .stdout(predicate::str::contains("--> press/a.md:5:1"))
        .stdout(predicate::str::contains("--> press/b.txt:5:1"))
        .stdout(predicate::str::contains("^^^"))
        .stdout(predicate::str::contains("group press"))
        .stdout(predicate::str::contains("1 unaccepted difference"));
}

#[test]
fn json_format_lists_findings_with_status_and_fingerprint() {
    let (_tmp, dir) = project("project");
    let report = json(&dir, &[], 1);
    assert_eq!(report["schema"], "factdiff.check/1");
    assert_eq!(report["ok"], false);
    assert_eq!(report["groups"][0]["name"], "press");
    let f = findings(&report);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["kind"], "negation");
    assert_eq!(f[0]["status"], "fail");
    assert_eq!(f[0]["fingerprint"].as_str().unwrap().len(), 32);
    assert_eq!(f[0]["locations"].as_array().unwrap().len(), 2);
}

#[test]
fn sarif_format_is_structurally_valid() {
    let (_tmp, dir) = project("project");
    let out = check(&dir).args(["--format", "sarif"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "factdiff");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for kind in ["number", "date", "entity", "negation", "hedge", "quote"] {
        assert!(
            ids.contains(&format!("factdiff/{kind}").as_str()),
            "{ids:?}"
        );
    }
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let rule = r["ruleId"].as_str().unwrap();
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], rule, "ruleIndex points at the rule");
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let locations = r["locations"].as_array().unwrap();
        assert!(!locations.is_empty());
        for l in locations {
            let p = &l["physicalLocation"];
            assert!(p["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .starts_with("press/"));
            assert!(p["region"]["startLine"].as_u64().unwrap() >= 1);
            assert!(p["region"]["startColumn"].as_u64().unwrap() >= 1);
        }
    }
    assert_eq!(results[0]["ruleId"], "factdiff/negation");
    assert_eq!(results[0]["level"], "error");
}

/// Parses `xml` to the end, returning the number of each element name seen.
fn xml_elements(xml: &str) -> std::collections::BTreeMap<String, usize> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut seen = std::collections::BTreeMap::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                for a in e.attributes() {
                    let a = a.expect("well-formed attribute");
                    a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                        .expect("attribute escapes resolve");
                }
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                *seen.entry(name).or_insert(0) += 1;
            }
            Ok(Event::Text(t)) => {
                t.decode().expect("text decodes");
            }
            Ok(Event::GeneralRef(r)) => {
                let name = r.decode().expect("reference decodes");
                let known = ["amp", "lt", "gt", "quot", "apos"].contains(&name.as_ref());
                let char_ref = r.resolve_char_ref().expect("valid character reference");
                assert!(known || char_ref.is_some(), "undefined entity &{name};");
            }
            Ok(_) => {}
            Err(e) => panic!("malformed XML at {}: {e}\n{xml}", reader.buffer_position()),
        }
    }
    seen
}

#[test]
fn junit_format_is_well_formed_xml_with_a_case_per_claim() {
    let (_tmp, dir) = project("project");
    let out = check(&dir).args(["--format", "junit"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let xml = String::from_utf8(out.stdout).unwrap();
    assert!(xml.starts_with("<?xml"));
    let seen = xml_elements(&xml);
    assert_eq!(seen["testsuites"], 1);
    assert!(seen["testcase"] >= 2, "{seen:?}");
    assert_eq!(seen["failure"], 1, "{xml}");
}

#[test]
fn junit_escapes_hostile_text() {
    let (_tmp, dir) = project("hedge");
    for f in ["a.txt", "b.txt"] {
        edit(
            &dir.join(f),
            "Volunteers have moved",
            "Volunteers <b>&amp;</b> \"friends\" ]]> have\u{1} moved",
        );
    }
    let out = check(&dir)
        .args(["a.txt", "b.txt", "--format", "junit"])
        .output()
        .unwrap();
    let xml = String::from_utf8(out.stdout).unwrap();
    xml_elements(&xml);
    assert!(!xml.contains('\u{1}'));
}

#[test]
fn github_format_emits_workflow_commands_per_source() {
    let (_tmp, dir) = project("project");
    let out = check(&dir).args(["--format", "github"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0]
        .starts_with("::error file=press/a.md,line=5,col=1,title=factdiff negation difference"));
    assert!(lines[1].starts_with("::error file=press/b.txt,line=5,col=1,"));
}

#[test]
fn output_file_is_written() {
    let (_tmp, dir) = project("project");
    check(&dir)
        .args(["--format", "sarif", "-o", "out.sarif"])
        .assert()
        .code(1)
        .stdout("");
    let log: Value =
        serde_json::from_slice(&std::fs::read(dir.join("out.sarif")).unwrap()).unwrap();
    assert_eq!(log["version"], "2.1.0");
}

// ---------------------------------------------------------------- configuration

#[test]
fn config_is_found_in_a_parent_directory() {
    let (_tmp, dir) = project("project");
    check(&dir.join("press"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("--> ../press/a.md:5:1"));
    check(&dir.join("notes"))
        .arg("--print-config")
        .assert()
        .success()
        .stdout(predicate::str::contains("from ../factdiff.toml"));
}

#[test]
fn config_flag_overrides_discovery_and_anchors_globs() {
    let (_tmp, dir) = project("project");
    std::fs::create_dir(dir.join("ci")).unwrap();
    std::fs::write(
        dir.join("ci/strict.toml"),
        "[[group]]\nname = \"drafts-too\"\nfiles = [\"../press/a.md\", \"../drafts/*.md\"]\n",
    )
    .unwrap();
    // Globs are relative to the configuration file, and `..` is not something globs
    // resolve; a group matching nothing is a config error, named.
    check(&dir)
        .args(["--config", "ci/strict.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "ci/strict.toml: group `drafts-too` matches no file",
        ));
    std::fs::write(
        dir.join("strict.toml"),
        "[[group]]\nname = \"drafts-too\"\nfiles = [\"press/a.md\", \"drafts/*.md\"]\n",
    )
    .unwrap();
    let report = json(&dir, &["--config", "strict.toml"], 1);
    assert_eq!(report["groups"][0]["name"], "drafts-too");
    assert_eq!(
        report["groups"][0]["documents"].as_array().unwrap().len(),
        2
    );
    check(&dir)
        .args(["--config", "missing.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: missing.toml: cannot read",
        ));
}

#[test]
fn unknown_key_names_the_line_and_suggests_the_key() {
    let (_tmp, dir) = project("project");
    std::fs::write(
        dir.join("factdiff.toml"),
        "# gate settings\nignore = []\nfail_on = [\"number\"]\n",
    )
    .unwrap();
    let out = check(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("factdiff.toml:3:"), "{err}");
    assert!(err.contains("did you mean `fail-on`?"), "{err}");

    std::fs::write(
        dir.join("factdiff.toml"),
        "[[group]]\nname = \"press\"\nfile = [\"press/*.md\"]\n",
    )
    .unwrap();
    check(&dir)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("factdiff.toml:3:"))
        .stderr(predicate::str::contains("did you mean `files`?"));
}

#[test]
fn bad_config_files_are_one_line_errors() {
    let (_tmp, dir) = project("project");
    for (text, needle) in [
        (&b"fail-on = [\"numbers\"]\n"[..], "did you mean `number`?"),
        (b"fail-on = \"number\"\n", "must be an array"),
        (
            b"[[group]]\nname = \"x\"\nfiles = [\"[\"]\n",
            "bad file pattern",
        ),
        (b"ignore = [\n", "factdiff.toml:"),
        (b"\xff\xfe\x00garbage", "factdiff.toml: cannot read"),
    ] {
        std::fs::write(dir.join("factdiff.toml"), text).unwrap();
        let out = check(&dir).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{needle:?} not in {err}");
    }
}

#[test]
fn print_config_shows_the_effective_configuration() {
    let (_tmp, dir) = project("project");
    let out = check(&dir).arg("--print-config").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("# effective configuration, from factdiff.toml"));
    let parsed: toml::Table = toml::from_str(&text).expect("valid TOML");
    let fail_on = parsed["fail-on"].as_array().unwrap();
    assert_eq!(fail_on.len(), 6, "defaults spelled out: {text}");
    assert_eq!(parsed["group"][0]["name"].as_str(), Some("press"));
    assert_eq!(parsed["ignore"][0].as_str(), Some("drafts/**"));
    assert!(parsed["aliases"]["Dana Okafor"].is_array());
    // Command-line overrides show too.
    check(&dir)
        .args(["--print-config", "--fail-on", "number,date"])
        .assert()
        .success()
        .stdout(predicate::str::contains("fail-on = [\"number\", \"date\"]"));
}

#[test]
fn ignored_files_are_not_read() {
    let (_tmp, dir) = project("project");
    // drafts/c.md contradicts press/ twice; with it ignored only the mayor finding remains.
    std::fs::write(
        dir.join("factdiff.toml"),
        "ignore = [\"drafts/**\"]\n[[group]]\nname = \"all\"\nfiles = [\"**/*.md\", \"**/*.txt\"]\n",
    )
    .unwrap();
    let report = json(&dir, &[], 1);
    let docs = report["groups"][0]["documents"].as_array().unwrap();
    assert!(docs
        .iter()
        .all(|d| !d["path"].as_str().unwrap().contains("drafts")));
    // Without a group, ignore applies to directory inputs too.
    std::fs::write(
        dir.join("factdiff.toml"),
        "ignore = [\"drafts/**\", \"notes/*\"]\n",
    )
    .unwrap();
    let report = json(&dir, &["."], 1);
    assert_eq!(
        report["groups"][0]["documents"].as_array().unwrap().len(),
        2
    );
}

#[test]
fn inputs_select_the_groups_they_belong_to() {
    let (_tmp, dir) = project("project");
    // A pre-commit hook hands over the changed file: its whole group is checked.
    let report = json(&dir, &["press/b.txt"], 1);
    assert_eq!(
        report["groups"][0]["documents"].as_array().unwrap().len(),
        2
    );
    // A file in no group is named and skipped.
    check(&dir)
        .arg("notes/minutes.md")
        .assert()
        .code(0)
        .stderr(predicate::str::contains("notes/minutes.md is in no group"));
}

// ---------------------------------------------------------------- fail-on

#[test]
fn fail_on_decides_which_kinds_fail() {
    let (_tmp, dir) = project("hedge");
    check(&dir)
        .args(["a.txt", "b.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[hedge]"));
    std::fs::write(dir.join("factdiff.toml"), "fail-on = [\"number\"]\n").unwrap();
    check(&dir)
        .args(["a.txt", "b.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning[hedge]"))
        .stdout(predicate::str::contains("ok: consistent"));
    check(&dir)
        .args(["a.txt", "b.txt", "--format", "github"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("::warning file=a.txt"));
    // The command line overrides the file.
    check(&dir)
        .args(["a.txt", "b.txt", "--fail-on", "hedge"])
        .assert()
        .code(1);
    check(&dir)
        .args(["a.txt", "b.txt", "--fail-on", "hedges"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `hedge`?"));
}

/// Number differences come from quantity extraction, which lands from another branch; until
/// then the extractor finds no quantities and this test says so instead of failing.
#[test]
fn number_difference_fails_the_check() {
    let (_tmp, dir) = project("numbers");
    check(&dir)
        .args(["a.txt", "b.txt", "--fail-on", "number"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[number]"));
}

// ---------------------------------------------------------------- baselines

#[test]
fn written_baseline_makes_the_check_pass() {
    let (_tmp, dir) = project("project");
    check(&dir)
        .args(["--write-baseline", "baseline.json"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "wrote 1 difference to baseline.json",
        ));
    let file: Value =
        serde_json::from_slice(&std::fs::read(dir.join("baseline.json")).unwrap()).unwrap();
    assert_eq!(file["schema"], "factdiff.baseline/1");
    assert_eq!(file["entries"][0]["kind"], "negation");
    check(&dir)
        .args(["--baseline", "baseline.json"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "1 difference accepted by the baseline",
        ));
    let report = json(&dir, &["--baseline", "baseline.json"], 0);
    assert_eq!(findings(&report)[0]["status"], "accepted");
    // SARIF marks it suppressed rather than hiding it.
    let out = check(&dir)
        .args(["--baseline", "baseline.json", "--format", "sarif"])
        .output()
        .unwrap();
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = &log["runs"][0]["results"][0];
    assert_eq!(r["baselineState"], "unchanged");
    assert_eq!(r["suppressions"][0]["kind"], "external");
}

#[test]
fn a_new_difference_fails_past_the_baseline_alone() {
    let (_tmp, dir) = project("project");
    check(&dir)
        .args(["--write-baseline", "baseline.json"])
        .assert()
        .code(0);
    edit(&dir.join("press/b.txt"), ENGINEER, ENGINEER_DENIES);
    let report = json(&dir, &["--baseline", "baseline.json"], 1);
    let f = findings(&report);
    let failing: Vec<_> = f.iter().filter(|f| f["status"] == "fail").collect();
    assert_eq!(failing.len(), 1, "{report:#}");
    let text = failing[0]["locations"].to_string();
    assert!(text.contains("not be finished"), "{text}");
    assert!(f.iter().any(|f| f["status"] == "accepted"));
    check(&dir)
        .args(["--baseline", "baseline.json", "--format", "github"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("line=11"))
        .stdout(predicate::str::contains("line=5").not());
}

/// Greedy word wrap at `width` columns, the way editors hard-wrap prose.
fn wrap(paragraph: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in paragraph.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.len() + 1 + word.len() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.join("\n")
}

#[test]
fn baseline_survives_rewrapping_and_moving_sentences() {
    let (_tmp, dir) = project("project");
    check(&dir)
        .args(["--write-baseline", "baseline.json"])
        .assert()
        .code(0);
    // Markdown: move the disputed sentence to the end, then hard-wrap every paragraph.
    let a = dir.join("press/a.md");
    let said = "Mayor Dana Okafor has approved the repair contract with Harlow Construction.\n\n";
    let text = std::fs::read_to_string(&a).unwrap();
    assert!(text.contains(said));
    let moved = format!("{}\n\n{said}", text.replace(said, "").trim_end());
    let wrapped: Vec<String> = moved.trim().split("\n\n").map(|p| wrap(p, 50)).collect();
    std::fs::write(&a, wrapped.join("\n\n") + "\n").unwrap();
    assert!(std::fs::read_to_string(&a)
        .unwrap()
        .contains("repair contract\nwith Harlow"));
    // Plain text: move it up above the headline's first paragraph.
    let b = dir.join("press/b.txt");
    let denied =
        "Mayor Dana Okafor has not approved the repair contract with Harlow Construction.\n\n";
    let text = std::fs::read_to_string(&b).unwrap();
    assert!(text.contains(denied));
    let moved = text.replace(denied, "").replacen(
        "The Elm Street bridge",
        &format!("{denied}The Elm Street bridge"),
        1,
    );
    std::fs::write(&b, moved).unwrap();
    let report = json(&dir, &["--baseline", "baseline.json"], 0);
    let f = findings(&report);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["status"], "accepted");
    assert_ne!(f[0]["locations"][0]["line"], 5, "the sentence did move");
    assert_ne!(f[0]["locations"][1]["line"], 5, "the sentence did move");
    assert_eq!(report["summary"]["stale"], 0);
}

#[test]
fn stale_baseline_entries_are_notes_not_failures() {
    let (_tmp, dir) = project("project");
    check(&dir)
        .args(["--write-baseline", "baseline.json"])
        .assert()
        .code(0);
    edit(
        &dir.join("press/b.txt"),
        MAYOR_DENIES,
        "Mayor Dana Okafor has approved",
    );
    check(&dir)
        .args(["--baseline", "baseline.json"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("note: stale baseline entry"))
        .stdout(predicate::str::contains("ok: consistent"));
    let report = json(&dir, &["--baseline", "baseline.json"], 0);
    assert_eq!(report["summary"]["stale"], 1);
    assert_eq!(report["stale"][0]["kind"], "negation");
    let out = check(&dir)
        .args(["--baseline", "baseline.json", "--format", "junit"])
        .output()
        .unwrap();
    let seen = xml_elements(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(seen["skipped"], 1);
    check(&dir)
        .args(["--baseline", "baseline.json", "--format", "github"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("::notice"));
}

#[test]
fn bad_baseline_files_are_one_line_errors() {
    let (_tmp, dir) = project("project");
    for (text, needle) in [
        ("", "base.json:"),
        ("{\n \"schema\": \"factdiff.baseline/9\", \"entries\": []}", "unsupported schema"),
        ("{\n\n \"entries\": 3}", "base.json:3:"),
        (
            "{\"schema\": \"factdiff.baseline/1\", \"entries\": [{\"fingerprint\": \"x\", \"kind\": \"number\"}]}",
            "fingerprint",
        ),
    ] {
        std::fs::write(dir.join("base.json"), text).unwrap();
        let out = check(&dir).args(["--baseline", "base.json"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{text}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{needle:?} not in {err}");
    }
    check(&dir)
        .args(["--baseline", "nowhere.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "nowhere.json: cannot read the baseline",
        ));
    check(&dir)
        .args(["--baseline", "a.json", "--write-baseline", "b.json"])
        .assert()
        .code(2);
}

// ---------------------------------------------------------------- exit codes, help

#[test]
fn help_documents_exit_codes() {
    let (_tmp, dir) = project("hedge");
    check(&dir)
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes:"))
        .stdout(predicate::str::contains("1  unaccepted differences"));
}

#[test]
fn consistent_inputs_pass_and_missing_inputs_are_errors() {
    let (_tmp, dir) = project("hedge");
    check(&dir).args(["a.txt", "a.txt"]).assert().code(0);
    check(&dir)
        .args(["a.txt", "gone.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("gone.txt"));
}
