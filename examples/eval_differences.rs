//! Prints per-kind precision and recall on the difference suite (`tests/differences/`), the
//! same figures `cargo test --test judge` asserts, with every pair judged wrongly.
//!
//! Run with `cargo run --example eval_differences`; exits 1 when a kind is below its floor.

#[path = "../tests/differences/score.rs"]
mod score;

fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/differences/suite.toml");
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            std::process::exit(2);
        }
    };
    let suite: score::Suite = match toml::from_str(&text) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            std::process::exit(2);
        }
    };
    let report = score::run(&suite);
    score::print(&report);
    let failures = score::failures(&report);
    if !failures.is_empty() {
        for f in failures {
            println!("below floor: {f}");
        }
        std::process::exit(1);
    }
}
