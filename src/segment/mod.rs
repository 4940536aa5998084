//! Segment: an ingested article to located sentences.
//!
//! Owns sentence boundaries ([`split`]) and the `kind` of each sentence. Headings and page
//! chrome are kept as sentences of their own kind so that every line of the input is
//! accounted for, but only statements and questions take part in comparison.

pub mod split;

use crate::ingest::{BlockKind, Ingested};
use crate::span::{Span, SpanMap};
use serde::Serialize;

/// What role a sentence plays in its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    /// A claim about the world: compared.
    Statement,
    /// A title or section heading.
    Heading,
    /// A question; its answer is usually the next statement.
    Question,
    /// Page chrome, bylines, credits.
    Boilerplate,
}

/// One sentence with its place in the input.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Cleaned text of the sentence.
    pub text: String,
    /// Where it stands in the input file.
    pub span: Span,
    /// Its role.
    pub kind: SentenceKind,
    /// Maps offsets in `text` back to the input file.
    pub map: SpanMap,
}

impl Sentence {
    /// Whether the sentence takes part in comparison.
    pub fn is_comparable(&self) -> bool {
        matches!(self.kind, SentenceKind::Statement)
    }
}

/// Splits every block of `doc` into sentences, in reading order.
pub fn segment(doc: &Ingested) -> Vec<Sentence> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        match block.kind {
            BlockKind::Title | BlockKind::Heading => push(
                doc,
                block,
                0..block.text.len(),
                SentenceKind::Heading,
                &mut out,
            ),
            BlockKind::Boilerplate => push(
                doc,
                block,
                0..block.text.len(),
                SentenceKind::Boilerplate,
                &mut out,
            ),
            BlockKind::Paragraph | BlockKind::ListItem => {
                for range in split::split(&block.text) {
                    let kind = if block.text[range.clone()].trim_end().ends_with('?') {
                        SentenceKind::Question
                    } else {
                        SentenceKind::Statement
                    };
                    push(doc, block, range, kind, &mut out);
                }
            }
        }
    }
    out
}

fn push(
    doc: &Ingested,
    block: &crate::ingest::Block,
    range: std::ops::Range<usize>,
    kind: SentenceKind,
    out: &mut Vec<Sentence>,
) {
    let raw = &block.text[range.clone()];
    let lead = raw.len() - raw.trim_start().len();
    let text = raw.trim();
    if text.is_empty() {
        return;
    }
    let from = range.start + lead;
    let to = from + text.len();
    // The end maps through the last byte so a sentence never reaches past its block's anchor.
    // HTML maps are anchored by searching the markup, so both ends are also kept inside the
    // input and on character boundaries: a span must always slice it.
    let source = &doc.text;
    let start = floor_char(source, block.map.to_original(from));
    let end = ceil_char(source, block.map.to_original(to - 1) + 1).max(start);
    let (line, column) = doc.position(start);
    out.push(Sentence {
        text: text.to_string(),
        span: Span {
            start,
            end,
            line,
            column,
        },
        kind,
        map: block.map.window(from, to),
    });
}

fn floor_char(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}
