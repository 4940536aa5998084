//! Markdown (CommonMark) input, parsed with pulldown-cmark.
//!
//! Owns the mapping from Markdown structure to blocks: headings become headings (the first
//! level-1 heading is the title), paragraphs and block quotes paragraphs, list items list
//! items. Emphasis, links (their text is kept) and inline code are reduced to their text;
//! every piece of text records a [`SpanMap`] anchor at its exact source offset (from
//! `into_offset_iter`), so markup removed in between never shifts an offset. Code blocks,
//! HTML blocks, inline HTML and images are skipped. YAML (`---`) or TOML (`+++`) front
//! matter is skipped too, after taking `title`, `author` and `date` from it. The chrome
//! rules of [`super::chrome`] apply to every paragraph and list item, as for plain text.

use super::{text, Block, BlockKind, Parsed};
use crate::span::SpanMap;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A block being assembled from inline events.
struct Open {
    kind: BlockKind,
    text: String,
    map: SpanMap,
}

/// Reads Markdown starting at byte `from` (past a BOM).
pub(crate) fn read(source: &str, from: usize) -> Parsed {
    let src = &source[from..];
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH;
    let mut out = Parsed::default();
    let mut open: Option<Open> = None;
    let mut skip = 0usize;
    let mut in_meta = false;
    let mut items = 0usize;
    let mut meta_title: Option<String> = None;
    let mut has_title = false;

    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        let at = from + range.start;
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_meta = false,
            Event::Text(t) if in_meta => {
                front_matter(&t, &mut meta_title, &mut out);
            }
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Image { .. }) => skip += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image) => {
                skip = skip.saturating_sub(1)
            }
            _ if skip > 0 => {}
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut open, &mut out);
                let kind = if level == pulldown_cmark::HeadingLevel::H1 && !has_title {
                    has_title = true;
                    BlockKind::Title
                } else {
                    BlockKind::Heading
                };
                open = Some(Open::new(kind, at));
            }
            Event::Start(Tag::Item) => {
                flush(&mut open, &mut out);
                items += 1;
                open = Some(Open::new(BlockKind::ListItem, at));
            }
            Event::End(TagEnd::Item) => {
                flush(&mut open, &mut out);
                items = items.saturating_sub(1);
            }
            Event::Start(Tag::Paragraph) => {
                let continues_item = open
                    .as_ref()
                    .is_some_and(|o| o.kind == BlockKind::ListItem && o.text.trim().is_empty());
                if !continues_item {
                    flush(&mut open, &mut out);
                    let kind = if items > 0 {
                        BlockKind::ListItem
                    } else {
                        BlockKind::Paragraph
                    };
                    open = Some(Open::new(kind, at));
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) => flush(&mut open, &mut out),
            Event::Text(t) => {
                let kind = if items > 0 {
                    BlockKind::ListItem
                } else {
                    BlockKind::Paragraph
                };
                let o = open.get_or_insert_with(|| Open::new(kind, at));
                // Escapes and entities make the text differ from its source; the anchor
                // still marks where the source piece starts.
                o.push(&t, at);
            }
            Event::Code(t) => {
                let kind = if items > 0 {
                    BlockKind::ListItem
                } else {
                    BlockKind::Paragraph
                };
                let inner = code_start(&src[range.clone()], &t);
                open.get_or_insert_with(|| Open::new(kind, at))
                    .push(&t, at + inner);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(o) = open.as_mut() {
                    o.text.push(' ');
                }
            }
            _ => {}
        }
    }
    flush(&mut open, &mut out);
    let first_title = out
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Title)
        .map(|b| b.text.clone());
    out.title = meta_title.or(first_title);
    out
}

/// Where a code span's text starts in its source `span` (backticks included). The parser
/// turns each line-ending byte inside a code span into a space, then drops one space from
/// each end when both ends have one, so with a line break inside, the text is no substring
/// of the source, though it still lines up with it byte for byte. Text that cannot be traced
/// starts at the span.
fn code_start(span: &str, code: &str) -> usize {
    let ticks = span.len() - span.trim_start_matches('`').len();
    let inner_end = span.trim_end_matches('`').len().max(ticks);
    let inner: String = span[ticks..inner_end]
        .chars()
        .map(|c| if c == '\r' || c == '\n' { ' ' } else { c })
        .collect();
    let stripped = inner.len() >= 2
        && inner.starts_with(' ')
        && inner.ends_with(' ')
        && !inner.bytes().all(|b| b == b' ');
    let skip = usize::from(stripped);
    if inner.get(skip..inner.len() - skip) == Some(code) {
        ticks + skip
    } else {
        span.find(code).unwrap_or(0)
    }
}

impl Open {
    fn new(kind: BlockKind, at: usize) -> Open {
        Open {
            kind,
            text: String::new(),
            map: SpanMap::contiguous(at),
        }
    }

    fn push(&mut self, piece: &str, at: usize) {
        self.map.push(self.text.len(), at);
        self.text.push_str(piece);
    }
}

fn flush(open: &mut Option<Open>, out: &mut Parsed) {
    let Some(o) = open.take() else { return };
    let lead = o.text.len() - o.text.trim_start().len();
    let body = o.text.trim();
    if body.is_empty() {
        return;
    }
    let text = body.to_string();
    let map = o.map.slice(lead);
    match o.kind {
        BlockKind::Title | BlockKind::Heading => {
            let kind = match super::chrome::classify(&text) {
                super::chrome::LineClass::Chrome(_) => BlockKind::Boilerplate,
                _ => o.kind,
            };
            out.blocks.push(Block { kind, text, map });
        }
        kind => text::refine(kind, text, map, out),
    }
}

/// Takes `title`, `author` and `date` from YAML or TOML front matter.
fn front_matter(meta: &str, title: &mut Option<String>, out: &mut Parsed) {
    for line in meta.lines() {
        let Some((key, value)) = line.split_once([':', '=']) else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => *title = Some(value.to_string()),
            "author" | "byline" => out.byline = Some(value.to_string()),
            "date" | "published" => out.date = Some(value.to_string()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::ingest::{ingest, BlockKind, InputFormat};

    const DOC: &str = "---\ntitle: \"Ferry Service Resumes\"\nauthor: Ruth Adeyemi\ndate: 2024-05-02\n---\n\n# Ferry Service Resumes\n\nThe *island* ferry runs **again** from [Monday](https://example.org/x), after `repairs` to the pier.\nIts timetable is unchanged.\n\n## What Travellers Need\n\n- Tickets cost &euro;4.\n- Bikes travel free.\n\n> Key Takeaway: The pier was rebuilt in six weeks.\n\n```\nlet code = \"not an article\";\n```\n\n<div class=\"ad\">Advertisement</div>\n\nShare this article\n";

    #[test]
    fn markdown_structure_and_offsets() {
        let doc = ingest("a.md", DOC.as_bytes(), InputFormat::Markdown).unwrap();
        let kinds: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        use BlockKind::*;
        assert_eq!(
            kinds,
            [
                (Title, "Ferry Service Resumes"),
                (
                    Paragraph,
                    "The island ferry runs again from Monday, after repairs to the pier. Its timetable is unchanged."
                ),
                (Heading, "What Travellers Need"),
                (ListItem, "Tickets cost €4."),
                (ListItem, "Bikes travel free."),
                (Paragraph, "The pier was rebuilt in six weeks."),
                (Boilerplate, "Share this article"),
            ]
        );
        assert_eq!(doc.title.as_deref(), Some("Ferry Service Resumes"));
        assert_eq!(doc.byline.as_deref(), Some("Ruth Adeyemi"));
        assert_eq!(doc.date.as_deref(), Some("2024-05-02"));
        let p = &doc.blocks[1];
        for word in ["island", "again", "Monday", "repairs", "to the pier", "Its"] {
            let at = p.text.find(word).unwrap();
            assert!(DOC[p.map.to_original(at)..].starts_with(word), "{word}");
        }
        let quote = &doc.blocks[5];
        assert!(DOC[quote.map.to_original(0)..].starts_with("The pier was"));
        assert!(DOC[doc.blocks[0].map.to_original(0)..].starts_with("Ferry Service Resumes\n\nThe"));
    }

    /// A line break inside a code span becomes spaces in the text, so the span's text is no
    /// longer found in the source: it used to be placed at the opening backtick, one byte
    /// early, and everything in it mapped to the character before.
    #[test]
    fn code_span_with_a_line_break_maps_to_its_source() {
        for src in [
            "Run `make all\r\n` now, then stop.\r\n",
            "Run `make\nall` now, then stop.\n",
            "Run `` a`b\r\nc `` now, then stop.\n",
        ] {
            let doc = ingest("a.md", src.as_bytes(), InputFormat::Markdown).unwrap();
            let p = &doc.blocks[0];
            for (at, c) in p.text.char_indices().filter(|(_, c)| !c.is_whitespace()) {
                let o = p.map.to_original(at);
                assert!(
                    src[o..].starts_with(c),
                    "{src:?}: {c:?} at {at} maps to {o}"
                );
            }
        }
    }
}
