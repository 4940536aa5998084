//! Ingest: bytes of one input file to clean article text with metadata.
//!
//! Owns decoding (UTF-8, BOM, legacy encodings), format handling (plain text, Markdown,
//! HTML) and page-chrome removal. Everything downstream sees [`Block`]s of cleaned text whose
//! [`SpanMap`] still points into the original bytes, so findings keep their `file:line:col`.
//!
//! Submodules: `decode` (bytes to text), `chrome` (the line rules for page furniture,
//! bylines and labels, shared by all formats), `text`, `markdown` and `html` (one reader
//! per format).
//!
//! # Offsets
//!
//! Block maps give byte offsets into the original file for UTF-8 input, with or without a
//! BOM (the BOM's three bytes count; columns on line 1 do not count it). Input transcoded
//! from UTF-16 or a legacy encoding cannot have that: its maps point into
//! [`Ingested::text`], and [`Ingested::encoding`] names the source encoding.
//!
//! HTML text is assembled from markup, so its offsets cannot be exact byte for byte: each
//! block is anchored where its first words stand in the source (searched after the previous
//! block, falling back to the previous block's offset), and each later word that can be
//! found in order gets an anchor of its own.

mod chrome;
mod decode;
mod html;
mod markdown;
mod text;

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
    /// Byline (author), when the input names one: the person's name(s), without the lead-in
    /// ("By", "Author:"), role ("Senior Editor") or outlet ("Reuters").
    pub byline: Option<String>,
    /// Publication date as the input writes it, when it names one.
    pub date: Option<String>,
    /// The encoding the input was transcoded from; `None` for UTF-8, whose offsets are
    /// file offsets.
    pub encoding: Option<&'static str>,
    /// The article's blocks in reading order.
    pub blocks: Vec<Block>,
    lines: LineIndex,
    bom: usize,
}

impl Ingested {
    /// 1-based line and character column of a byte offset into the input.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let (line, column) = self.lines.position(&self.text, offset);
        // A BOM is invisible: the first character after it is column 1.
        if line == 1 && self.bom > 0 && offset >= self.bom {
            (line, column - 1)
        } else {
            (line, column)
        }
    }
}

/// [`Ingested::position`] of offsets that mostly increase, as sentences are found in reading
/// order: each answer walks on from the last one, so a document's positions cost one pass
/// over its text rather than a count from a checkpoint for every sentence.
pub(crate) struct Positions<'a> {
    doc: &'a Ingested,
    /// Whether the text holds a `\r` at all; without one, only `\n` ends a line.
    has_cr: bool,
    /// Offset of the last answer (a character boundary), its 1-based line, the start of that
    /// line and the characters from there to it.
    at: usize,
    line: usize,
    line_start: usize,
    chars: usize,
}

impl<'a> Positions<'a> {
    pub(crate) fn new(doc: &'a Ingested) -> Self {
        Positions {
            doc,
            has_cr: memchr::memchr(b'\r', doc.text.as_bytes()).is_some(),
            at: 0,
            line: 1,
            line_start: 0,
            chars: 0,
        }
    }

    /// Same answer as [`Ingested::position`].
    pub(crate) fn position(&mut self, offset: usize) -> (usize, usize) {
        let text = &self.doc.text;
        let offset = offset.min(text.len());
        // Backwards or inside a character: the index answers.
        if offset < self.at || !text.is_char_boundary(offset) {
            return self.doc.position(offset);
        }
        let b = text.as_bytes();
        let seg = &b[self.at..offset];
        if self.has_cr && memchr::memchr(b'\r', seg).is_some() {
            // The line rules of `LineIndex`: `\n`, and `\r` not followed by `\n`, end a line.
            for p in self.at..offset {
                let c = b[p];
                if c == b'\n' || (c == b'\r' && b.get(p + 1) != Some(&b'\n')) {
                    self.line += 1;
                    self.line_start = p + 1;
                    self.chars = 0;
                } else if c & 0xC0 != 0x80 {
                    self.chars += 1;
                }
            }
        } else if let Some(last) = memchr::memrchr(b'\n', seg) {
            self.line += memchr::memchr_iter(b'\n', seg).count();
            self.line_start = self.at + last + 1;
            self.chars = count_chars(&b[self.line_start..offset]);
        } else {
            self.chars += count_chars(seg);
        }
        self.at = offset;
        let column = self.chars + 1;
        // A BOM is invisible: the first character after it is column 1.
        if self.line == 1 && self.doc.bom > 0 && offset >= self.doc.bom {
            (self.line, column - 1)
        } else {
            (self.line, column)
        }
    }
}

/// Characters of UTF-8 bytes: the bytes that do not continue one. Sentences are short, so
/// eight bytes are taken at a time (all ASCII, as most are, in one test) rather than left to
/// a vector loop whose scalar tail would cover most of each sentence.
fn count_chars(s: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = s.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        if w & HIGH == 0 {
            n += 8;
        } else {
            // A continuation byte is 10xxxxxx: its high bit set and the next one clear.
            let cont = w & !(w << 1) & HIGH;
            n += 8 - ((cont >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
        }
    }
    n + chunks
        .remainder()
        .iter()
        .filter(|&&c| (c as i8) >= -0x40)
        .count()
}

/// What a format reader produces, before it is wrapped into [`Ingested`].
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub blocks: Vec<Block>,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
}

impl Parsed {
    /// Adds a block copied verbatim from `start`.
    pub(crate) fn push(&mut self, kind: BlockKind, text: &str, start: usize) {
        self.blocks.push(Block {
            kind,
            text: text.to_string(),
            map: SpanMap::contiguous(start),
        });
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
    /// Decodes to mostly control characters or undecodable bytes.
    #[error("the file does not look like text in any known encoding (too many control or undecodable characters); give a text, Markdown or HTML file, converted to UTF-8")]
    NotText,
    /// Readable, but all markup, code, scripts or styles: nothing to compare.
    #[error("no article text found (the file holds only markup, code, scripts or styles)")]
    NoText,
}

/// Reads one input.
///
/// Never panics, whatever the bytes; time is linear in the input size.
pub fn ingest(path: &str, bytes: &[u8], format: InputFormat) -> Result<Ingested, IngestError> {
    let decoded = decode::decode(bytes, format)?;
    let text = decoded.text;
    let parsed = match format {
        InputFormat::Text => text::read(&text, decoded.bom),
        InputFormat::Markdown => markdown::read(&text, decoded.bom),
        InputFormat::Html => html::read(&text),
    };
    if parsed.blocks.is_empty() {
        return Err(IngestError::NoText);
    }
    Ok(Ingested {
        path: path.to_string(),
        format,
        lines: LineIndex::new(&text),
        text,
        title: parsed.title,
        byline: parsed.byline,
        date: parsed.date,
        encoding: decoded.encoding,
        blocks: parsed.blocks,
        bom: decoded.bom,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_counted_eight_bytes_at_a_time() {
        let text =
            "Caf\u{e9} \u{20ac}5, \u{1F600} ok: na\u{ef}ve r\u{e9}sum\u{e9}s, plain ASCII words.";
        for from in 0..text.len() {
            for to in from..=text.len() {
                let s = &text.as_bytes()[from..to];
                let naive = s.iter().filter(|&&c| (c as i8) >= -0x40).count();
                assert_eq!(count_chars(s), naive, "{from}..{to}");
            }
        }
    }

    /// A page copied from a news site: breadcrumb, repeated title, byline, labels, Q&A and
    /// the page's closing chrome.
    const COPIED_PAGE: &str = "Home » europe » Port Strike Ends as Unions Accept Offer\n\
\n\
Port Strike Ends as Unions Accept Offer\n\
\n\
by Clara Mendes Senior Business Reporter\n\
\n\
Will the Deal Hold? What the Agreement Means for Shipping\n\
\n\
Dock workers in three cities returned to work on Thursday after a nine-day strike. The unions accepted a 7 percent raise over two years.\n\
\n\
Key Takeaway: The agreement ends the longest stoppage at the ports since 2009.\n\
\n\
Did you know? The ports handle about a third of the country's container traffic.\n\
\n\
Questions and Answers\n\
\n\
Q: When will the backlog clear?\n\
A: Port officials expect normal traffic within two weeks.\n\
\n\
Port Strike Ends as Unions Accept Offer\n\
\n\
How do you think the deal will affect prices? Share your thoughts in the comments below!\n\
\n\
You may also like\n\
\n\
Leave a Comment\n\
\n\
This site uses Akismet to reduce spam. Learn how your comment data is processed.\n\
\n\
Adblock Detected\n\
\n\
Please support us by disabling your AdBlocker extension from your browsers for our website.\n";

    fn kinds(doc: &Ingested) -> Vec<BlockKind> {
        doc.blocks.iter().map(|b| b.kind).collect()
    }

    fn block<'a>(doc: &'a Ingested, starts: &str) -> &'a Block {
        doc.blocks
            .iter()
            .find(|b| b.text.starts_with(starts))
            .unwrap_or_else(|| panic!("no block starting {starts:?}"))
    }

    #[test]
    fn copied_page_chrome_is_boilerplate() {
        use BlockKind::*;
        let doc = ingest("page.txt", COPIED_PAGE.as_bytes(), InputFormat::Text).unwrap();
        assert_eq!(
            kinds(&doc),
            [
                Boilerplate,
                Title,
                Boilerplate,
                Heading,
                Paragraph,
                Paragraph,
                Paragraph,
                Heading,
                Paragraph,
                Paragraph,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate
            ]
        );
        assert_eq!(
            doc.title.as_deref(),
            Some("Port Strike Ends as Unions Accept Offer")
        );
        assert_eq!(doc.byline.as_deref(), Some("Clara Mendes"));
    }

    #[test]
    fn labels_are_stripped_with_exact_offsets() {
        let doc = ingest("page.txt", COPIED_PAGE.as_bytes(), InputFormat::Text).unwrap();
        for (text, kept) in [
            ("The agreement ends", "The agreement ends the longest"),
            ("The ports handle", "The ports handle about"),
            ("When will", "When will the backlog clear?"),
            ("Port officials", "Port officials expect"),
        ] {
            let b = block(&doc, text);
            assert_eq!(b.kind, BlockKind::Paragraph);
            assert!(COPIED_PAGE[b.map.to_original(0)..].starts_with(kept));
        }
    }

    #[test]
    fn title_first_line_and_trailing_author() {
        let text = "\nA Shifting Balance in the Region\nThe two governments have moved closer since the summit, officials said on Monday.\nThe Early Years: A Look Back\nTheir first meetings drew wide attention and few results.\nAuthor: Samir Haddad";
        let doc = ingest("a.txt", text.as_bytes(), InputFormat::Text).unwrap();
        use BlockKind::*;
        assert_eq!(
            kinds(&doc),
            [Title, Paragraph, Heading, Paragraph, Boilerplate]
        );
        assert_eq!(doc.byline.as_deref(), Some("Samir Haddad"));
        assert_eq!(doc.position(doc.blocks[0].map.to_original(0)), (2, 1));
    }

    #[test]
    fn crlf_and_lone_cr_lines() {
        let text = "Rail Fares Rise\r\n\r\nFares rise by 4 percent in May.\r\nSeason tickets are exempt.\rThe change was approved.";
        let doc = ingest("a.txt", text.as_bytes(), InputFormat::Text).unwrap();
        assert_eq!(doc.blocks.len(), 4);
        assert!(doc.blocks.iter().all(|b| !b.text.contains('\r')));
        let b = block(&doc, "Season");
        assert_eq!(doc.position(b.map.to_original(0)), (4, 1));
        let b = block(&doc, "The change");
        assert_eq!(doc.position(b.map.to_original(0)), (5, 1));
    }

    #[test]
    fn bom_counts_in_offsets_not_columns() {
        let text = "\u{FEFF}Mayor Opens Bridge\n\nThe bridge opened today.";
        let doc = ingest("a.txt", text.as_bytes(), InputFormat::Text).unwrap();
        let title = &doc.blocks[0];
        assert_eq!(title.kind, BlockKind::Title);
        assert_eq!(title.map.to_original(0), 3);
        assert_eq!(doc.position(3), (1, 1));
        assert_eq!(doc.title.as_deref(), Some("Mayor Opens Bridge"));
        assert_eq!(doc.encoding, None);
    }

    #[test]
    fn utf16_input_is_transcoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Zoll auf Stahl\n\nDie Regierung erhöht den Zoll.".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let doc = ingest("a.txt", &bytes, InputFormat::Text).unwrap();
        assert_eq!(doc.encoding, Some("UTF-16LE"));
        let b = block(&doc, "Die Regierung");
        assert!(doc.text[b.map.to_original(0)..].starts_with("Die Regierung erhöht"));
    }

    #[test]
    fn latin1_input_is_detected() {
        let bytes = b"Le maire a inaugur\xe9 le pont. Les travaux ont dur\xe9 huit mois et co\xfbt\xe9 deux millions.";
        let doc = ingest("a.txt", bytes, InputFormat::Text).unwrap();
        assert!(doc.blocks[0].text.contains("inauguré"));
        assert!(doc.encoding.is_some());
    }

    #[test]
    fn errors_name_the_cause() {
        assert_eq!(
            ingest("a.txt", b" \n ", InputFormat::Text).unwrap_err(),
            IngestError::Empty
        );
        assert_eq!(
            ingest("a.txt", b"abc\x00def", InputFormat::Text).unwrap_err(),
            IngestError::Binary
        );
        let msg = IngestError::NotText.to_string();
        assert!(msg.contains("give a text"));
    }

    #[test]
    fn junk_bytes_never_panic() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for len in [0usize, 1, 2, 3, 7, 64, 1000, 5000] {
            for _ in 0..20 {
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        (seed >> 24) as u8
                    })
                    .collect();
                for format in [InputFormat::Text, InputFormat::Markdown, InputFormat::Html] {
                    if let Ok(doc) = ingest("j", &bytes, format) {
                        for b in &doc.blocks {
                            let _ = doc.position(b.map.to_original(b.text.len()));
                        }
                    }
                }
            }
        }
        for odd in [
            "\u{FEFF}",
            "\r",
            "\r\n\r\n-",
            "- ",
            "1.",
            "Q: ",
            "Key Takeaway:",
            "By",
            "Home »",
            "»»»",
            "<",
            "<!--",
            "---\ntitle: x",
            "```",
            "# ",
        ] {
            for format in [InputFormat::Text, InputFormat::Markdown, InputFormat::Html] {
                let _ = ingest("o", odd.as_bytes(), format);
            }
        }
    }
}
