//! Where the examples find `../shared` (the evaluation data, never shipped), and the ECB+
//! articles in it. Included by the examples with `#[path]`; each uses only some of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// `$FACTDIFF_SHARED`, else `<crate>/../shared`, or `<crate>/../../shared` when only that
/// exists (as from a git worktree).
pub fn dir() -> PathBuf {
    if let Some(p) = std::env::var_os("FACTDIFF_SHARED") {
        return PathBuf::from(p);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared", "../../shared"]
        .iter()
        .map(|up| root.join(up))
        .find(|p| p.exists())
        .unwrap_or_else(|| root.join("../shared"))
}

/// The ECB+ development articles (`data/ecbplus/val_docs/<topic>/<subtopic>/<doc>.txt`, one
/// sentence per line), sorted by path.
pub fn ecb_articles(shared: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let mut stack = vec![shared.join("data/ecbplus/val_docs")];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e} (set FACTDIFF_SHARED)", dir.display()))?;
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// The sentences of the ECB+ articles longer than 20 bytes, trimmed, in file order.
pub fn ecb_sentences(shared: &Path) -> Result<Vec<String>, String> {
    let mut pool = Vec::new();
    for f in ecb_articles(shared)? {
        let text = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        pool.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| l.len() > 20)
                .map(str::to_string),
        );
    }
    Ok(pool)
}
