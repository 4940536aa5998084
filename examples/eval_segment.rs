//! Scores `segment::split` against the English Golden Rules kept in `../shared`.
//!
//! Usage: `cargo run --release --example eval_segment [-- -v]`
//!
//! The data lives outside the repository (it is third-party text), so it is read at run
//! time from `$FACTDIFF_SHARED/data/golden_rules/`, by default `<crate>/../shared/...`
//! (or `<crate>/../../shared/...` when only that exists, as from a git worktree).
//!
//! Two comparisons are reported for each case:
//! - *strict*: the trimmed sentence strings equal the expected ones byte for byte;
//! - *boundary*: they are equal once whitespace is removed. `split` returns byte ranges and
//!   never rewrites text, while the reference segmenter replaces line breaks inside a
//!   sentence with spaces. Because sentences are contiguous slices that cover all
//!   non-whitespace text, comparing them without whitespace is exactly comparing where the
//!   boundaries fall, which is what the splitter decides.
//!
//! Some reference cases expect text to be rewritten (HTML stripped, dot leaders removed,
//! page numbers dropped, backticks turned into quotes). No splitter that returns ranges can
//! produce those, so they are counted separately as "needs cleaning": a case is in that group
//! when its expected sentences, without whitespace, do not concatenate to the input without
//! whitespace. The percentage floor applies to the remaining cases; the overall figure is
//! printed too.
//!
//! A case whose options ask for `doc_type: pdf` is split with `LineBreaks::Layout`, which is
//! what that option means (line breaks are layout); every other case uses `split`.
//!
//! Exits non-zero when a file falls below its floor.

use factdiff::segment::split::{split, split_with, LineBreaks};
use serde_json::Value;
use std::path::PathBuf;
use std::process::ExitCode;

/// Floors, set to what the splitter measures; they must only ever go up.
const FLOOR_EN: usize = 52;
const FLOOR_EXTRA_PERCENT: f64 = 95.0;
const FLOOR_EXTRA_CASES: usize = 115;
const FLOOR_PYSBD: usize = 48;

struct Case {
    id: String,
    text: String,
    expected: Vec<String>,
    layout: bool,
}

#[derive(Default)]
struct Score {
    total: usize,
    strict: usize,
    boundary: usize,
    needs_cleaning: usize,
    splittable_passed: usize,
}

impl Score {
    fn splittable(&self) -> usize {
        self.total - self.needs_cleaning
    }

    fn splittable_percent(&self) -> f64 {
        percent(self.splittable_passed, self.splittable())
    }
}

fn percent(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn load(path: &PathBuf) -> Result<Vec<Case>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let json: Value = serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
    let cases = match &json {
        Value::Array(a) => a,
        Value::Object(o) => o
            .get("cases")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("{}: no `cases` array", path.display()))?,
        _ => return Err(format!("{}: unexpected JSON shape", path.display())),
    };
    cases
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let text = c["text"]
                .as_str()
                .ok_or_else(|| format!("case {n}: no text"))?
                .to_string();
            let expected = c["expected"]
                .as_array()
                .ok_or_else(|| format!("case {n}: no expected"))?
                .iter()
                .map(|e| e.as_str().map(str::to_string).ok_or("non-string sentence"))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| format!("case {n}: {e}"))?;
            let id = match &c["id"] {
                Value::String(s) => format!("[{n}] {s}"),
                Value::Number(x) => format!("[{n}] #{x:0>3}"),
                _ => format!("[{n}]"),
            };
            let layout = c["options"]["doc_type"].as_str() == Some("pdf");
            Ok(Case {
                id,
                text,
                expected,
                layout,
            })
        })
        .collect()
}

fn evaluate(name: &str, cases: &[Case], verbose: bool) -> Score {
    let mut score = Score::default();
    let mut failures = Vec::new();
    for case in cases {
        let ranges = if case.layout {
            split_with(&case.text, LineBreaks::Layout)
        } else {
            split(&case.text)
        };
        let got: Vec<&str> = ranges.into_iter().map(|r| case.text[r].trim()).collect();
        let expected_joined: String = case.expected.iter().map(|e| squeeze(e)).collect();
        let cleaning = expected_joined != squeeze(&case.text);
        let strict =
            got.len() == case.expected.len() && got.iter().zip(&case.expected).all(|(g, e)| g == e);
        let boundary = got.len() == case.expected.len()
            && got
                .iter()
                .zip(&case.expected)
                .all(|(g, e)| squeeze(g) == squeeze(e));
        score.total += 1;
        score.strict += usize::from(strict);
        score.boundary += usize::from(boundary);
        score.needs_cleaning += usize::from(cleaning);
        score.splittable_passed += usize::from(boundary && !cleaning);
        if !boundary {
            failures.push((case, got, cleaning));
        }
    }
    println!(
        "{name}: boundary {}/{} ({:.1}%), strict {}/{} ({:.1}%); \
         needs cleaning {}; splittable {}/{} ({:.1}%)",
        score.boundary,
        score.total,
        percent(score.boundary, score.total),
        score.strict,
        score.total,
        percent(score.strict, score.total),
        score.needs_cleaning,
        score.splittable_passed,
        score.splittable(),
        score.splittable_percent(),
    );
    for (case, got, cleaning) in &failures {
        let tag = if *cleaning { " (needs cleaning)" } else { "" };
        println!("  FAIL {}{tag}", case.id);
        if verbose {
            let width = case.expected.len().max(got.len());
            for k in 0..width {
                let e = case.expected.get(k).map(String::as_str).unwrap_or("");
                let g = got.get(k).copied().unwrap_or("");
                if squeeze(e) != squeeze(g) {
                    println!("    expected[{k}]: {e:?}");
                    println!("    got     [{k}]: {g:?}");
                }
            }
        }
    }
    score
}

fn main() -> ExitCode {
    let verbose = std::env::args()
        .skip(1)
        .any(|a| a == "-v" || a == "--verbose");
    // Git worktrees sit one level deeper than the main checkout, hence the second guess.
    let shared = std::env::var_os("FACTDIFF_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
            let beside = crate_dir.join("../shared");
            let above = crate_dir.join("../../shared");
            if !beside.exists() && above.exists() {
                above
            } else {
                beside
            }
        });
    let dir = shared.join("data/golden_rules");
    let mut ok = true;
    let mut run =
        |file: &str, check: &dyn Fn(&Score) -> Result<(), String>| match load(&dir.join(file)) {
            Ok(cases) => {
                let score = evaluate(file, &cases, verbose);
                if let Err(why) = check(&score) {
                    println!("  BELOW FLOOR: {why}");
                    ok = false;
                }
            }
            Err(e) => {
                println!("{file}: cannot load: {e}");
                ok = false;
            }
        };
    run("en.json", &|s| {
        (s.boundary >= FLOOR_EN)
            .then_some(())
            .ok_or(format!("{} < {FLOOR_EN}", s.boundary))
    });
    run("en_ps_extra.json", &|s| {
        if s.splittable_percent() < FLOOR_EXTRA_PERCENT {
            Err(format!(
                "splittable {:.1}% < {FLOOR_EXTRA_PERCENT}%",
                s.splittable_percent()
            ))
        } else if s.boundary < FLOOR_EXTRA_CASES {
            Err(format!("{} < {FLOOR_EXTRA_CASES} cases", s.boundary))
        } else {
            Ok(())
        }
    });
    run("en_pysbd48.json", &|s| {
        (s.boundary >= FLOOR_PYSBD)
            .then_some(())
            .ok_or(format!("{} < {FLOOR_PYSBD}", s.boundary))
    });
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
