//! `rust-version` in Cargo.toml is a promise: every package in Cargo.lock must build with it.
//! A merge or a `cargo update` run without the MSRV-aware resolver can quietly pull in a
//! dependency that needs a newer compiler; this catches it where CI only has the newest one.

use serde_json::Value;
use std::process::Command;

fn version(v: &str) -> Vec<u64> {
    let mut parts: Vec<u64> = v.split('.').map(|p| p.parse().unwrap_or(0)).collect();
    parts.resize(3, 0);
    parts
}

/// The triple this test runs on: other platforms' dependencies are never downloaded here, and
/// `cargo metadata` would need them to read their rust-version offline.
fn host() -> String {
    let out = Command::new("rustc")
        .arg("-vV")
        .output()
        .expect("rustc runs");
    let info = String::from_utf8(out.stdout).expect("UTF-8");
    info.lines()
        .find_map(|l| l.strip_prefix("host: "))
        .expect("rustc -vV names the host")
        .to_string()
}

#[test]
fn every_locked_dependency_builds_with_our_rust_version() {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .args(["--filter-platform", &host()])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata is JSON");
    let ours = version(env!("CARGO_PKG_RUST_VERSION"));
    let too_new: Vec<String> = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .filter_map(|p| {
            let needs = p["rust_version"].as_str()?;
            let (name, v) = (p["name"].as_str()?, p["version"].as_str()?);
            (version(needs) > ours).then(|| format!("{name} {v} needs {needs}"))
        })
        .collect();
    assert!(
        too_new.is_empty(),
        "Cargo.lock needs a newer compiler than rust-version {}: {too_new:?}\n\
         fix: `cargo update` (resolver 3 picks compatible versions) or raise rust-version",
        env!("CARGO_PKG_RUST_VERSION")
    );
}
