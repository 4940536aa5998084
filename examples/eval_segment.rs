//! Scores the sentence segmenter against the English Golden Rules kept in `../shared`.
//!
//! Usage: `cargo run --release --example eval_segment [-- -v]`
//!
//! The data lives outside the repository (it is third-party text), so it is read at run
//! time from `$FACTDIFF_SHARED/data/golden_rules/`, by default `<crate>/../shared/...`
//! (or `<crate>/../../shared/...` when only that exists, as from a git worktree).
//!
//! A case passes when the sentences factdiff produces for its text are exactly the expected
//! list, string for string. "The sentences factdiff produces" are those of
//! `segment::pieces`, which is what the pipeline does to a block of running text: split it
//! (`segment::split`), render each sentence's text (`segment::render`: a line break or a run of
//! three or more spaces inside a sentence becomes one space, dot leaders with their page numbers, separator rules and pasted markup are
//! dropped, typewriter quotes are straightened), and leave out sentences with no letter in
//! them, which the pipeline marks as boilerplate and never compares. The rendered text is the
//! `text` of each sentence in factdiff's output, so the comparison checks what a user sees;
//! it is not loosened in any other way.
//!
//! For reference the output also gives the *raw* score: the same comparison on the trimmed
//! byte slices of `split`, before rendering and without leaving anything out.
//!
//! A case whose options ask for `doc_type: pdf` is split with `LineBreaks::Layout`, which is
//! what that option means (line breaks are layout); every other case uses the default.
//!
//! Exits non-zero when a file falls below its floor.

use factdiff::segment::split::{split_with, LineBreaks};
use factdiff::segment::{pieces, SentenceKind};
use serde_json::Value;
use std::path::PathBuf;
use std::process::ExitCode;

#[path = "support/shared.rs"]
mod shared;

/// Floors, set to what the segmenter measures; they must only ever go up.
const FLOOR_EN: usize = 52;
const FLOOR_EXTRA_PERCENT: f64 = 95.0;
const FLOOR_EXTRA_CASES: usize = 124;
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
    passed: usize,
    raw: usize,
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
        let breaks = if case.layout {
            LineBreaks::Layout
        } else {
            LineBreaks::Significant
        };
        let got: Vec<String> = pieces(&case.text, breaks)
            .into_iter()
            .filter(|p| p.kind != SentenceKind::Boilerplate)
            .map(|p| p.text)
            .collect();
        let raw: Vec<&str> = split_with(&case.text, breaks)
            .into_iter()
            .map(|r| case.text[r].trim())
            .collect();
        let passed = got == case.expected;
        score.total += 1;
        score.passed += usize::from(passed);
        score.raw += usize::from(raw == case.expected);
        if !passed {
            failures.push((case, got));
        }
    }
    println!(
        "{name}: {}/{} ({:.1}%) exact on rendered sentences; raw slices {}/{} ({:.1}%)",
        score.passed,
        score.total,
        percent(score.passed, score.total),
        score.raw,
        score.total,
        percent(score.raw, score.total),
    );
    for (case, got) in &failures {
        // Whether the reference's sentences hold other characters than the input does: it
        // rewrote the text rather than only deciding where sentences end.
        let joined: String = case.expected.iter().map(|e| squeeze(e)).collect();
        let tag = if joined != squeeze(&case.text) {
            " (reference rewrites the text)"
        } else {
            ""
        };
        println!("  FAIL {}{tag}", case.id);
        if verbose {
            let width = case.expected.len().max(got.len());
            for k in 0..width {
                let e = case.expected.get(k).map(String::as_str).unwrap_or("");
                let g = got.get(k).map(String::as_str).unwrap_or("");
                if e != g {
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
    let dir = shared::dir().join("data/golden_rules");
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
        (s.passed >= FLOOR_EN)
            .then_some(())
            .ok_or(format!("{} < {FLOOR_EN}", s.passed))
    });
    run("en_ps_extra.json", &|s| {
        let pct = percent(s.passed, s.total);
        if pct < FLOOR_EXTRA_PERCENT {
            Err(format!("{pct:.1}% < {FLOOR_EXTRA_PERCENT}% of all cases"))
        } else if s.passed < FLOOR_EXTRA_CASES {
            Err(format!("{} < {FLOOR_EXTRA_CASES} cases", s.passed))
        } else {
            Ok(())
        }
    });
    run("en_pysbd48.json", &|s| {
        (s.passed >= FLOOR_PYSBD)
            .then_some(())
            .ok_or(format!("{} < {FLOOR_PYSBD}", s.passed))
    });
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
