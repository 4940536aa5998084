//! Turning INPUT arguments into read documents: files, directories (recursive, sorted by
//! path, symlink loops detected) and `-` for standard input.

use anyhow::{anyhow, bail, Context, Result};
use factdiff::extract::Extractor;
use factdiff::{Document, InputFormat};
use std::io::Read;
use std::path::Path;

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
                let entry = entry.with_context(|| format!("{input}: cannot walk the directory"))?;
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
    let mut docs = Vec::with_capacity(paths.len());
    for (i, path) in paths.iter().enumerate() {
        let bytes = if path == "-" {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .context("<stdin>: cannot read standard input")?;
            buf
        } else {
            std::fs::read(path).with_context(|| format!("{path}: cannot read the file"))?
        };
        let format = format
            .or_else(|| InputFormat::from_path(path))
            .unwrap_or(InputFormat::Text);
        let id = format!("d{}", i + 1);
        let doc = Document::read_with(&id, path, &bytes, format, extractor).with_context(|| {
            if path == "-" {
                "<stdin>".to_string()
            } else {
                path.clone()
            }
        })?;
        docs.push(doc);
    }
    Ok(docs)
}
