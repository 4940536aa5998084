//! Segment: an ingested article to located sentences.
//!
//! Owns sentence boundaries ([`split`]) and the `kind` of each sentence. Headings and page
//! chrome are kept as sentences of their own kind so that every line of the input is
//! accounted for, but only statements and questions take part in comparison.

pub mod render;
pub mod split;

use crate::ingest::{Block, BlockKind, Ingested, Positions};
use crate::span::{Span, SpanMap};
use rayon::prelude::*;
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
    let mut out = Vec::new();
    each_piece(text, breaks, |p| out.push(p.into_piece()));
    out
}

/// A [`Piece`] whose map is only made when its text is not a verbatim copy.
struct Found {
    range: Range<usize>,
    text: String,
    /// `None` when `text` is `range` of the block, as it stands.
    map: Option<SpanMap>,
    kind: SentenceKind,
}

impl Found {
    fn into_piece(self) -> Piece {
        Piece {
            map: self
                .map
                .unwrap_or_else(|| SpanMap::contiguous(self.range.start)),
            range: self.range,
            text: self.text,
            kind: self.kind,
        }
    }
}

/// Calls `f` with the pieces of `text` that [`pieces`] collects, in order.
fn each_piece(text: &str, breaks: LineBreaks, mut f: impl FnMut(Found)) {
    let split = split::split_noted(text, breaks);
    let markup = if split.markup {
        render::Markup::find(text)
    } else {
        render::Markup::default()
    };
    let mut changes = render::Changes::new(split.changes);
    for range in split.ranges {
        let found = piece(text, range, None, |r| {
            render::render_noted(text, r, &markup, &mut changes)
        });
        if let Some(found) = found {
            f(found);
        }
    }
}

/// The piece of `text` at `range`, trimmed; `render` answers `None` for a range it would copy
/// as it stands.
fn piece(
    text: &str,
    range: Range<usize>,
    kind: Option<SentenceKind>,
    render: impl FnOnce(Range<usize>) -> Option<render::Rendered>,
) -> Option<Found> {
    let raw = &text[range.clone()];
    let from = range.start + (raw.len() - raw.trim_start().len());
    let to = range.start + raw.trim_end().len();
    if from >= to {
        return None;
    }
    let (text, map, kind) = match render(from..to) {
        None => {
            let raw = &text[from..to];
            (raw.to_string(), None, kind.unwrap_or_else(|| kind_of(raw)))
        }
        // Only layout: kept, verbatim, so that every line of the input is accounted for.
        Some(rendered) if rendered.text.is_empty() => {
            (text[from..to].to_string(), None, SentenceKind::Boilerplate)
        }
        Some(rendered) => {
            let kind = kind.unwrap_or_else(|| kind_of(&rendered.text));
            (rendered.text, Some(rendered.map), kind)
        }
    };
    Some(Found {
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
    let mut positions = Positions::new(doc);
    if doc.blocks.len() < PARALLEL_BLOCKS {
        // Each sentence is placed as it is found, with no list per block in between.
        let mut out = Vec::new();
        for block in &doc.blocks {
            sentences_of(doc, block, |mut sentence| {
                (sentence.span.line, sentence.span.column) =
                    positions.position(sentence.span.start);
                out.push(sentence);
            });
        }
        return out;
    }
    // Blocks are split independently; a long page (one document, thousands of blocks) is
    // split on every core. Lines and columns are then counted in one pass, in order.
    let per_block: Vec<Vec<Sentence>> = doc
        .blocks
        .par_iter()
        .map(|block| {
            let mut v = Vec::new();
            sentences_of(doc, block, |s| v.push(s));
            v
        })
        .collect();
    let mut out = Vec::with_capacity(per_block.iter().map(Vec::len).sum());
    for mut sentence in per_block.into_iter().flatten() {
        (sentence.span.line, sentence.span.column) = positions.position(sentence.span.start);
        out.push(sentence);
    }
    out
}

/// Calls `f` with the sentences of `block`, in order, their lines and columns not yet known.
fn sentences_of(doc: &Ingested, block: &Block, mut f: impl FnMut(Sentence)) {
    // The map of a verbatim piece, reused: a piece copied as it stands needs no map of its own.
    let mut verbatim = SpanMap::default();
    match block.kind {
        // A heading or a chrome line is one item, whatever punctuation it holds.
        BlockKind::Title | BlockKind::Heading | BlockKind::Boilerplate => {
            let kind = if block.kind == BlockKind::Boilerplate {
                SentenceKind::Boilerplate
            } else {
                SentenceKind::Heading
            };
            let markup = render::Markup::find(&block.text);
            let whole = 0..block.text.len();
            let found = piece(&block.text, whole, Some(kind), |r| {
                Some(render::render_in(&block.text, r, &markup))
            });
            if let Some(found) = found {
                f(place(doc, block, found, &mut verbatim));
            }
        }
        BlockKind::Paragraph | BlockKind::ListItem => {
            each_piece(&block.text, LineBreaks::Significant, |found| {
                f(place(doc, block, found, &mut verbatim));
            });
        }
    }
}

/// Blocks in a document from which they are split on every core.
const PARALLEL_BLOCKS: usize = 256;

/// A piece of `block` placed in the input file; its line and column are filled in by the
/// caller, which counts them in reading order. `verbatim` is scratch space for the map of a
/// piece copied as it stands.
fn place(doc: &Ingested, block: &Block, piece: Found, verbatim: &mut SpanMap) -> Sentence {
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
    let map = match &piece.map {
        Some(map) => block.map.compose(map),
        None => {
            // A map of one anchor: pushing at offset 0 replaces it.
            verbatim.push(0, from);
            block.map.compose(verbatim)
        }
    };
    Sentence {
        text: piece.text,
        span: Span {
            start,
            end,
            line: 0,
            column: 0,
        },
        kind: piece.kind,
        map,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::InputFormat;

    #[test]
    fn sentences_copied_unrendered_are_exactly_those_with_nothing_to_render() {
        // Every trigger of the renderer, and near misses, in random order: what the pre-pass
        // notes must send to the renderer every sentence that `render_in` would change.
        let fragments = [
            "The ferry ran late.",
            " ",
            "  ",
            "   ",
            "\n",
            "\r\n",
            "\t",
            "\u{0B}",
            "\u{a0}",
            "\u{2003}",
            "\u{3000}",
            "caf\u{e9}",
            "\u{2014}",
            "\u{201c}Yes,\u{201d} she said.",
            "Contents ........ 12",
            "Wait....",
            ".....",
            "a -- b",
            "-----",
            "=====",
            "and/or",
            "`Go,' he said. ``Now.''",
            "it's",
            "''",
            "<b>Late</b>",
            "a < b",
            "&lt;i&gt;x&lt;/i&gt;",
            "C:\\new",
            "One.\\n Two.",
            "Mr. Smith? Yes! 1. First 2. Second",
            "U.S. officials",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..12 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(fragments[(state % fragments.len() as u64) as usize]);
            }
            for breaks in [LineBreaks::Significant, LineBreaks::Layout] {
                let markup = render::Markup::find(&text);
                let full: Vec<Piece> = split::split_with(&text, breaks)
                    .into_iter()
                    .filter_map(|r| {
                        piece(&text, r, None, |r| {
                            Some(render::render_in(&text, r, &markup))
                        })
                    })
                    .map(Found::into_piece)
                    .collect();
                let got = pieces(&text, breaks);
                assert_eq!(got.len(), full.len(), "{text:?}");
                for (g, f) in got.iter().zip(&full) {
                    assert_eq!(
                        (&g.range, &g.text, &g.map, g.kind),
                        (&f.range, &f.text, &f.map, f.kind),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_long_page_split_on_every_core_keeps_its_lines_and_columns() {
        // Enough blocks for the parallel path; each sentence's place is recounted by hand.
        let text: String = (0..PARALLEL_BLOCKS + 40)
            .map(|k| {
                format!("Caf\u{e9} n\u{b0}{k} opened.  It sold {k} cups \u{2014} a record.\n\n")
            })
            .collect();
        let doc = crate::ingest::ingest("page.txt", text.as_bytes(), InputFormat::Text)
            .expect("plain text reads");
        let sentences = segment(&doc);
        assert_eq!(sentences.len(), 2 * (PARALLEL_BLOCKS + 40));
        for s in &sentences {
            let before = &text[..s.span.start];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            assert_eq!((s.span.line, s.span.column), (line, column), "{:?}", s.text);
            assert_eq!(&text[s.span.start..s.span.end], s.text);
        }
    }
}
