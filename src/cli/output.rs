//! Writing a report: to standard output, or atomically to a file (temporary file in the same
//! directory, then rename), so a failed run never leaves a truncated report behind.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// Writes `text` to `path`, or to standard output when `path` is `None` or `-`.
pub fn emit(path: Option<&str>, text: &str) -> Result<()> {
    emit_parts(path, &[text])
}

/// [`emit`] of the pieces one after the other, as one output: a large report need not be
/// copied into one string first.
pub fn emit_parts(path: Option<&str>, parts: &[&str]) -> Result<()> {
    match path {
        None | Some("-") => {
            let mut out = std::io::stdout().lock();
            let written = parts
                .iter()
                .try_for_each(|part| out.write_all(part.as_bytes()))
                .and_then(|_| out.flush());
            // A closed pipe (`factdiff … | head`) is not an error worth a message.
            match written {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context("cannot write to standard output"),
            }
        }
        Some(path) => write_atomic(Path::new(path), parts)
            .with_context(|| format!("{path}: cannot write the report")),
    }
}

fn write_atomic(path: &Path, parts: &[&str]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    for part in parts {
        tmp.write_all(part.as_bytes())?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
