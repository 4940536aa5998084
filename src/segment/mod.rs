//! Segment: an ingested article to located sentences.
//!
//! Owns sentence boundaries ([`split`]) and the `kind` of each sentence. Headings and page
//! chrome are kept as sentences of their own kind so that every line of the input is
//! accounted for, but only statements and questions take part in comparison.

pub mod render;
pub mod split;

use crate::ingest::{Block, BlockKind, Ingested, Positions};
use crate::span::{Span, SpanMap};
use serde::Serialize;
use split::LineBreaks;
use std::ops::Range;

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
    /// The sentence as a reader should see it: see [`render`]. `map` ties it to the input.
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

/// A sentence of one block of text, before it is placed in the input file.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Byte range of the sentence in the block, without surrounding whitespace.
    pub range: Range<usize>,
    /// The text as [`render::render`] gives it; the raw slice for chrome that renders empty.
    pub text: String,
    /// Maps offsets in `text` to offsets in the block.
    pub map: SpanMap,
    /// Its role, as far as the sentence alone tells.
    pub kind: SentenceKind,
}

/// The sentences of one block of running text, in order, with their kinds.
///
/// Together their ranges cover every non-whitespace character of `text`. A sentence with no
/// letter in it (a page number, a separator rule, a lone figure, stray markup) says nothing
/// that could be compared and is [`SentenceKind::Boilerplate`].
pub fn pieces(text: &str, breaks: LineBreaks) -> Vec<Piece> {
    let markup = render::Markup::find(text);
    split::split_with(text, breaks)
        .into_iter()
        .filter_map(|range| piece(text, range, &markup, None))
        .collect()
}

fn piece(
    text: &str,
    range: Range<usize>,
    markup: &render::Markup,
    kind: Option<SentenceKind>,
) -> Option<Piece> {
    let raw = &text[range.clone()];
    let from = range.start + (raw.len() - raw.trim_start().len());
    let to = range.start + raw.trim_end().len();
    if from >= to {
        return None;
    }
    let rendered = render::render_in(text, from..to, markup);
    let (text, map, kind) = if rendered.text.is_empty() {
        // Only layout: kept, verbatim, so that every line of the input is accounted for.
        let raw = text[from..to].to_string();
        (raw, SpanMap::contiguous(from), SentenceKind::Boilerplate)
    } else {
        let kind = kind.unwrap_or_else(|| kind_of(&rendered.text));
        (rendered.text, rendered.map, kind)
    };
    Some(Piece {
        range: from..to,
        text,
        map,
        kind,
    })
}

fn kind_of(text: &str) -> SentenceKind {
    if !text.chars().any(char::is_alphabetic) {
        SentenceKind::Boilerplate
    } else if text.ends_with('?') {
        SentenceKind::Question
    } else {
        SentenceKind::Statement
    }
}

/// Splits every block of `doc` into sentences, in reading order.
pub fn segment(doc: &Ingested) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut positions = Positions::new(doc);
    for block in &doc.blocks {
        let whole = 0..block.text.len();
        match block.kind {
            // A heading or a chrome line is one item, whatever punctuation it holds.
            BlockKind::Title | BlockKind::Heading | BlockKind::Boilerplate => {
                let kind = if block.kind == BlockKind::Boilerplate {
                    SentenceKind::Boilerplate
                } else {
                    SentenceKind::Heading
                };
                let markup = render::Markup::find(&block.text);
                push(
                    doc,
                    block,
                    piece(&block.text, whole, &markup, Some(kind)),
                    &mut positions,
                    &mut out,
                );
            }
            BlockKind::Paragraph | BlockKind::ListItem => {
                for p in pieces(&block.text, LineBreaks::Significant) {
                    push(doc, block, Some(p), &mut positions, &mut out);
                }
            }
        }
    }
    out
}

fn push(
    doc: &Ingested,
    block: &Block,
    piece: Option<Piece>,
    positions: &mut Positions<'_>,
    out: &mut Vec<Sentence>,
) {
    let Some(piece) = piece else {
        return;
    };
    let Range {
        start: from,
        end: to,
    } = piece.range;
    // The end maps through the last byte so a sentence never reaches past its block's anchor.
    // HTML maps are anchored by searching the markup, so both ends are also kept inside the
    // input and on character boundaries: a span must always slice it.
    let source = &doc.text;
    let start = floor_char(source, block.map.to_original(from));
    let end = ceil_char(source, block.map.to_original(to - 1) + 1).max(start);
    let (line, column) = positions.position(start);
    out.push(Sentence {
        text: piece.text,
        span: Span {
            start,
            end,
            line,
            column,
        },
        kind: piece.kind,
        map: block.map.compose(&piece.map),
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
