//! Turning INPUT arguments into read documents: files, directories (recursive, sorted by
//! path, symlink loops skipped) and `-` for standard input, within the size limits.

use anyhow::{anyhow, bail, Context, Result};
use factdiff::extract::Extractor;
use factdiff::{Corpus, Document, InputFormat};
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

const MIB: u64 = 1024 * 1024;

/// How much input one run reads at most. Ingest is linear, but later stages hold several
/// copies of the text and their index, so memory is a small multiple of what is read.
#[derive(Debug, Clone, Copy, clap::Args)]
pub(crate) struct Limits {
    /// Refuse an input file larger than SIZE (bytes, or with a K, M or G suffix).
    #[arg(long, global = true, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_file_size: u64,
    /// Refuse to read more than SIZE of input in all.
    #[arg(long, global = true, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    pub max_total_size: u64,
}

// Set once from the command line before any input is read; a process-wide value keeps every
// reader (compare, check's groups, extract) under the same limits without threading them
// through each call.
static MAX_FILE_SIZE: AtomicU64 = AtomicU64::new(64 * MIB);
static MAX_TOTAL_SIZE: AtomicU64 = AtomicU64::new(256 * MIB);

impl Limits {
    /// Makes these the limits for the rest of the run.
    pub(crate) fn apply(self) {
        MAX_FILE_SIZE.store(self.max_file_size, Ordering::Relaxed);
        MAX_TOTAL_SIZE.store(self.max_total_size, Ordering::Relaxed);
    }
}

/// `1000`, `64K`, `64M`, `1G` (powers of 1024; `KB`, `MiB` and lower case are accepted).
pub(crate) fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(digits);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size; write e.g. 64M, 500K or 1G"))?;
    let scale = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1024,
        "m" | "mb" | "mib" => MIB,
        "g" | "gb" | "gib" => 1024 * MIB,
        _ => return Err(format!("`{s}`: unknown size unit; use K, M or G")),
    };
    n.checked_mul(scale)
        .ok_or_else(|| format!("`{s}` is too large"))
}

fn human_size(n: u64) -> String {
    match n {
        n if n >= 1024 * MIB && n % (1024 * MIB) == 0 => format!("{}G", n / (1024 * MIB)),
        n if n >= MIB && n % MIB == 0 => format!("{}M", n / MIB),
        n if n >= 1024 && n % 1024 == 0 => format!("{}K", n / 1024),
        n => format!("{n} bytes"),
    }
}

/// Reads at most the file limit (and what is left of the total) from `source`.
fn read_limited(mut source: impl Read, name: &str, budget: &mut u64) -> Result<Vec<u8>> {
    let per_file = MAX_FILE_SIZE.load(Ordering::Relaxed);
    let cap = per_file.min(*budget);
    let mut buf = Vec::new();
    source
        .by_ref()
        .take(cap.saturating_add(1))
        .read_to_end(&mut buf)
        .with_context(|| format!("{name}: cannot read the file"))?;
    if buf.len() as u64 > cap {
        if cap == per_file {
            bail!(
                "{name}: the file is larger than --max-file-size ({}); raise the limit to read it",
                human_size(per_file)
            );
        }
        bail!(
            "{name}: the inputs together are larger than --max-total-size ({}); raise the limit or give fewer files",
            human_size(MAX_TOTAL_SIZE.load(Ordering::Relaxed))
        );
    }
    *budget -= buf.len() as u64;
    Ok(buf)
}

/// Extensions a directory walk picks up.
pub(crate) const ARTICLE_EXTENSIONS: &[&str] =
    &["txt", "text", "md", "markdown", "html", "htm", "xhtml"];

/// Expands the arguments to a list of paths in input order.
pub(crate) fn expand(inputs: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for input in inputs {
        if input == "-" {
            out.push(input.clone());
            continue;
        }
        let path = Path::new(input);
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound if std::fs::symlink_metadata(path).is_ok() => {
                anyhow!("{input}: broken symbolic link")
            }
            std::io::ErrorKind::NotFound => anyhow!("{input}: no such file or directory"),
            _ => anyhow!("{input}: cannot read ({e})"),
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            for entry in walkdir::WalkDir::new(path).follow_links(true) {
                let entry = match entry {
                    // A link back to an ancestor only leads to files already on the list.
                    Err(e) if e.loop_ancestor().is_some() => continue,
                    other => {
                        other.with_context(|| format!("{input}: cannot walk the directory"))?
                    }
                };
                let p = entry.path();
                let wanted = entry.file_type().is_file()
                    && p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                        ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
                    });
                if wanted {
                    found.push(p.to_string_lossy().into_owned());
                }
            }
            if found.is_empty() {
                bail!(
                    "{input}: directory contains no articles (looked for {} files)",
                    ARTICLE_EXTENSIONS
                        .iter()
                        .map(|e| format!(".{e}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

/// Reads every input; the first unreadable one ends the run with its path and cause.
pub fn read_all(inputs: &[String], format: Option<InputFormat>) -> Result<Vec<Document>> {
    read_all_with(inputs, format, &Extractor::default())
}

/// [`read_all`] with a configured extractor (aliases from `factdiff.toml`).
pub fn read_all_with(
    inputs: &[String],
    format: Option<InputFormat>,
    extractor: &Extractor,
) -> Result<Vec<Document>> {
    let paths = expand(inputs)?;
    // Files are read one after another (the size budget applies in input order); the
    // documents are then parsed in parallel.
    let mut corpus = Corpus::new();
    let mut budget = MAX_TOTAL_SIZE.load(Ordering::Relaxed);
    for path in &paths {
        let bytes = if path == "-" {
            read_limited(std::io::stdin().lock(), "<stdin>", &mut budget)?
        } else {
            let file = std::fs::File::open(path)
                .with_context(|| format!("{path}: cannot read the file"))?;
            read_limited(file, path, &mut budget)?
        };
        let format = format
            .or_else(|| InputFormat::from_path(path))
            .unwrap_or(InputFormat::Text);
        corpus.add_owned(path.clone(), bytes, format);
    }
    corpus.read_with(extractor).map_err(|e| {
        let shown = if e.path == "-" {
            "<stdin>".to_string()
        } else {
            e.path
        };
        anyhow::Error::new(e.source).context(shown)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_units() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("64M"), Ok(64 * MIB));
        assert_eq!(parse_size("64mib"), Ok(64 * MIB));
        assert_eq!(parse_size("2k"), Ok(2048));
        assert_eq!(parse_size("1G"), Ok(1024 * MIB));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5T").is_err());
        assert!(parse_size("99999999999999G").is_err());
        assert_eq!(human_size(64 * MIB), "64M");
        assert_eq!(human_size(1500), "1500 bytes");
    }

    #[test]
    fn reads_stop_at_the_limits() {
        let mut budget = 10;
        let err = read_limited(&b"0123456789ab"[..], "x.txt", &mut budget).unwrap_err();
        assert!(err.to_string().contains("--max-total-size"), "{err}");
        let mut budget = 100;
        assert_eq!(
            read_limited(&b"0123"[..], "x.txt", &mut budget)
                .unwrap()
                .len(),
            4
        );
        assert_eq!(budget, 96);
    }
}
