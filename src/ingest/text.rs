//! Plain text: lines to titled, typed blocks.
//!
//! Owns the layout rules of plain text, which has no markup to say what a line is:
//!
//! * Paragraphs are separated by blank lines, or are one line each (text copied from a web
//!   page). A document is treated as *hard-wrapped* only when its long lines mostly stop
//!   mid-sentence; then a line joins the paragraph above it if that one filled the wrap
//!   width. Each join records a [`SpanMap`] anchor so offsets stay exact.
//! * A heading is a short line that starts with a capital, is no list item and does not
//!   end like a sentence (a closing `?` is allowed when the line is in title case).
//! * The title is the first heading-like line before any prose, or the line that repeats a
//!   breadcrumb's last element; later copies of it are boilerplate.
//! * List items start with `- `, `* `, `• `, `1. ` or `1) `; the marker is not kept.
//! * The chrome rules of [`super::chrome`] turn page furniture into boilerplate, bylines
//!   into metadata, and strip labels such as "Key Takeaway:" from the front of sentences.

use super::chrome::{self, LineClass};
use super::{Block, BlockKind, Parsed};
use crate::span::SpanMap;

/// One line of the input, trimmed, with the offset of its first kept byte.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    start: usize,
    text: &'a str,
}

/// Reads plain text starting at byte `from` (past a BOM).
pub(crate) fn read(text: &str, from: usize) -> Parsed {
    read_with(text, from, true)
}

/// Reads text whose lines are known to be whole paragraphs (an extractor's output).
pub(crate) fn read_unwrapped(text: &str) -> Parsed {
    read_with(text, 0, false)
}

fn read_with(text: &str, from: usize, may_wrap: bool) -> Parsed {
    let lines = split_lines(text, from);
    let wrap = if may_wrap { wrap_width(&lines) } else { None };
    let mut out = Parsed::default();
    let mut open: Option<Open> = None;
    let mut breadcrumb: Option<String> = None;
    let mut seen_prose = false;

    for (i, line) in lines.iter().enumerate() {
        if line.text.is_empty() {
            close(&mut open, &mut out);
            continue;
        }
        if let (Some(o), Some(width)) = (open.as_mut(), wrap) {
            if o.last_len * 10 >= width * 6 && !starts_block(line.text) {
                o.join(line);
                continue;
            }
        }
        close(&mut open, &mut out);

        let class = chrome::classify(line.text);
        match class {
            LineClass::Byline(name) => {
                out.byline.get_or_insert(name);
                out.push(BlockKind::Boilerplate, line.text, line.start);
                continue;
            }
            LineClass::Chrome(rule) => {
                if rule == "breadcrumb" {
                    breadcrumb = chrome::breadcrumb_tail(line.text).map(str::to_string);
                } else if rule == "date line" && out.date.is_none() {
                    out.date = Some(date_of(line.text).to_string());
                }
                out.push(BlockKind::Boilerplate, line.text, line.start);
                continue;
            }
            _ => {}
        }
        if let Some(title) = &out.title {
            if same_text(title, line.text) {
                out.push(BlockKind::Boilerplate, line.text, line.start);
                continue;
            }
        } else if breadcrumb
            .as_deref()
            .is_some_and(|tail| same_text(tail, line.text))
        {
            out.title = Some(line.text.to_string());
            out.push(BlockKind::Title, line.text, line.start);
            continue;
        }
        if let Some(marker) = list_marker(line.text) {
            seen_prose = true;
            open = Some(Open::new(BlockKind::ListItem, line, marker));
            continue;
        }
        if let LineClass::Labelled(skip) = class {
            seen_prose = true;
            open = Some(Open::new(BlockKind::Paragraph, line, skip));
            continue;
        }
        // In wrapped text a full-width line followed by more text opens a paragraph, however
        // much it looks like a heading.
        let opens_paragraph = wrap.is_some_and(|width| {
            line.text.chars().count() * 10 >= width * 6
                && lines
                    .get(i + 1)
                    .is_some_and(|next| !next.text.is_empty() && !starts_block(next.text))
        });
        if !opens_paragraph && is_heading(line.text) {
            if out.title.is_none() && !seen_prose {
                out.title = Some(line.text.to_string());
                out.push(BlockKind::Title, line.text, line.start);
            } else {
                out.push(BlockKind::Heading, line.text, line.start);
            }
            continue;
        }
        seen_prose = true;
        open = Some(Open::new(BlockKind::Paragraph, line, 0));
    }
    close(&mut open, &mut out);
    out
}

/// Applies the chrome rules to one paragraph-like block from a structured format
/// (Markdown, HTML): chrome and bylines become boilerplate, labels are cut off.
pub(crate) fn refine(kind: BlockKind, text: String, map: SpanMap, out: &mut Parsed) {
    let trimmed = text.trim_end();
    match chrome::classify(trimmed) {
        LineClass::Byline(name) => {
            out.byline.get_or_insert(name);
            out.blocks.push(Block {
                kind: BlockKind::Boilerplate,
                text,
                map,
            });
        }
        LineClass::Chrome(rule) => {
            if rule == "date line" && out.date.is_none() {
                out.date = Some(date_of(trimmed).to_string());
            }
            out.blocks.push(Block {
                kind: BlockKind::Boilerplate,
                text,
                map,
            });
        }
        LineClass::Labelled(skip) => out.blocks.push(Block {
            kind,
            text: text[skip..].to_string(),
            map: map.slice(skip),
        }),
        LineClass::Text => out.blocks.push(Block { kind, text, map }),
    }
}

/// A paragraph or list item being assembled from one or more lines.
struct Open {
    kind: BlockKind,
    text: String,
    map: SpanMap,
    last_len: usize,
}

impl Open {
    fn new(kind: BlockKind, line: &Line, skip: usize) -> Open {
        let body = line.text[skip..].trim_start();
        let start = line.start + (line.text.len() - body.len());
        Open {
            kind,
            text: body.to_string(),
            map: SpanMap::contiguous(start),
            last_len: line.text.chars().count(),
        }
    }

    fn join(&mut self, line: &Line) {
        self.text.push(' ');
        self.map.push(self.text.len(), line.start);
        self.text.push_str(line.text);
        self.last_len = line.text.chars().count();
    }
}

fn close(open: &mut Option<Open>, out: &mut Parsed) {
    if let Some(o) = open.take() {
        out.blocks.push(Block {
            kind: o.kind,
            text: o.text,
            map: o.map,
        });
    }
}

/// Splits on `\n`, `\r\n` and lone `\r`, trimming each line and keeping its start offset.
fn split_lines(text: &str, from: usize) -> Vec<Line<'_>> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = from;
    let mut i = from;
    while i <= bytes.len() {
        let end_here = i == bytes.len() || bytes[i] == b'\n' || bytes[i] == b'\r';
        if end_here {
            let raw = &text[start..i];
            let body = raw.trim();
            let lead = raw.len() - raw.trim_start().len();
            lines.push(Line {
                start: start + lead,
                text: body,
            });
            if i + 1 < bytes.len() && bytes[i] == b'\r' && bytes[i + 1] == b'\n' {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    lines
}

/// The wrap width of a hard-wrapped document, `None` when lines are paragraphs.
///
/// Hard-wrapped text has a narrow 90th-percentile line length and most of its long lines
/// stop mid-sentence; text with one paragraph per line ends its long lines with punctuation.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    const CAP: usize = 201;
    let mut hist = [0usize; CAP];
    let mut total = 0;
    for l in lines.iter().filter(|l| !l.text.is_empty()) {
        hist[l.text.chars().count().min(CAP - 1)] += 1;
        total += 1;
    }
    if total < 3 {
        return None;
    }
    let mut seen = 0;
    let mut width = CAP - 1;
    for (len, n) in hist.iter().enumerate() {
        seen += n;
        if seen * 10 >= total * 9 {
            width = len;
            break;
        }
    }
    if !(30..=100).contains(&width) {
        return None;
    }
    let long = lines
        .iter()
        .filter(|l| l.text.chars().count() * 10 >= width * 6);
    let (mut n, mut open_ended) = (0, 0);
    for l in long {
        n += 1;
        if !ends_sentence(l.text) {
            open_ended += 1;
        }
    }
    (n >= 2 && open_ended * 10 >= n * 4).then_some(width)
}

/// Whether a line must start a new block even inside a wrapped paragraph.
fn starts_block(line: &str) -> bool {
    if list_marker(line).is_some() {
        return true;
    }
    let upper = line.chars().next().is_some_and(|c| !c.is_lowercase());
    upper && chrome::classify(line) != LineClass::Text
}

/// Byte length of a list marker and the space after it.
fn list_marker(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    for m in ["- ", "* ", "• ", "– ", "+ "] {
        if line.starts_with(m) {
            return Some(m.len());
        }
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&digits)
        && matches!(b.get(digits), Some(b'.' | b')'))
        && b.get(digits + 1) == Some(&b' ')
    {
        return Some(digits + 2);
    }
    None
}

/// The line without closing quotes and brackets, so `…said.”` ends with its period.
fn core_end(line: &str) -> Option<char> {
    line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '*', '_'])
        .chars()
        .next_back()
}

fn ends_sentence(line: &str) -> bool {
    matches!(core_end(line), Some('.' | '!' | '?' | ':' | ';' | '…'))
}

/// Whether a line reads as a heading: short, capitalised, not ending like a sentence.
pub(crate) fn is_heading(line: &str) -> bool {
    if !(2..=150).contains(&line.chars().count()) {
        return false;
    }
    // Only "more than 20" and "at most 10" matter below.
    let words = line.split_whitespace().take(21).count();
    if words > 20 || list_marker(line).is_some() {
        return false;
    }
    let first = line
        .chars()
        .find(|c| !matches!(c, '"' | '“' | '‘' | '\'' | '(' | '['));
    if !first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    if !line.chars().any(char::is_alphabetic) {
        return false;
    }
    match core_end(line) {
        Some('.' | ',' | ';' | ':' | '!' | '…') => false,
        Some('?') => title_case(line),
        _ => words <= 10 || title_case(line),
    }
}

/// Most words of four letters or more start with a capital.
fn title_case(line: &str) -> bool {
    let (mut long, mut caps) = (0, 0);
    for w in line.split_whitespace() {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 4 {
            continue;
        }
        long += 1;
        if w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
        {
            caps += 1;
        }
    }
    long > 0 && caps * 4 >= long * 3
}

/// Lines that repeat the title may differ in case, spacing or by being cut short.
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        same_ascii_text(a, b)
    } else {
        same_normalised_text(a, b)
    }
}

/// [`same_text`] by building each side's normalised form.
fn same_normalised_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.trim_end_matches(['…', '.'])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    // Only a shortened copy ("Talks resume after…") may match by prefix.
    let truncated = a.trim_end().ends_with(['…', '.']);
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && (a == b || (truncated && a.len() >= 20 && b.starts_with(&a)))
}

/// [`same_text`] for ASCII text, without building the normalised strings: this runs for
/// every line of a document once a title is known, and the two streams of words part within a
/// few characters on nearly every line.
fn same_ascii_text(a: &str, b: &str) -> bool {
    fn words(s: &str) -> impl Iterator<Item = u8> + '_ {
        let mut words = s.trim_end_matches('.').split_whitespace();
        let first = words.next();
        first
            .into_iter()
            .flat_map(str::bytes)
            .chain(words.flat_map(|w| std::iter::once(b' ').chain(w.bytes())))
            .map(|c| c.to_ascii_lowercase())
    }
    let truncated = a.trim_end().ends_with('.');
    let (mut left, mut right) = (words(a), words(b));
    let mut length = 0;
    loop {
        match (left.next(), right.next()) {
            (Some(x), Some(y)) if x == y => length += 1,
            (Some(_), _) => return false,
            (None, None) => return length > 0,
            (None, Some(_)) => return truncated && length >= 20,
        }
    }
}

/// The date part of a "Published …" line.
fn date_of(line: &str) -> &str {
    let start = line.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    // Month names precede the day number ("March 3, 2024"): back up over one word.
    let head = line[..start].trim_end();
    let month_start = head
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1)
        .min(start);
    let word = &head[month_start..];
    if word.len() >= 3 && word.chars().all(char::is_alphabetic) && !word.ends_with(':') {
        let lw = word.to_lowercase();
        if ![
            "published",
            "updated",
            "posted",
            "on",
            "date",
            "modified",
            "first",
        ]
        .contains(&lw.as_str())
        {
            return line[month_start..].trim();
        }
    }
    line[start..].trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_title_comparison_agrees_with_the_normalised_one() {
        let titles = [
            "Talks resume after the summit in Hanoi",
            "Talks resume after the summit...",
            "Talks resume after.",
            "Talks  Resume\tafter the SUMMIT in Hanoi.",
            "",
            ".",
            "Short.",
        ];
        let lines = [
            "Talks resume after the summit in Hanoi",
            "talks resume after the summit in hanoi.",
            "Talks resume after the summit in Hanoi, officials said.",
            "Talks resume after the summit",
            "Talks resume after",
            "Talks\x0bresume after the summit in Hanoi",
            "Short",
            "",
        ];
        for a in titles {
            for b in lines {
                assert_eq!(
                    same_ascii_text(a, b),
                    same_normalised_text(a, b),
                    "{a:?} / {b:?}"
                );
            }
        }
        assert!(
            same_ascii_text(titles[1], lines[2]),
            "a shortened title matches by prefix"
        );
    }

    fn kinds(p: &Parsed) -> Vec<(BlockKind, &str)> {
        p.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect()
    }

    #[test]
    fn headings_and_titles() {
        for h in [
            "The Harbour Deal: A Look Back",
            "Lisbon’s Quiet Realignment",
            "Is a Third Round of Talks Coming? The Changing Mood in the Capital",
            "The Future of the Treaty: A Sober Outlook?",
            "Frequently Asked Questions",
            "A $40 Million Loan and the Politics Behind It",
        ] {
            assert!(is_heading(h), "{h}");
        }
        for p in [
            "The minister resigned on Friday.",
            "Is this the end of the coalition?",
            "and then the talks collapsed",
            "- first point",
        ] {
            assert!(!is_heading(p), "{p}");
        }
    }

    #[test]
    fn hard_wrapped_paragraphs_join_with_exact_offsets() {
        let text = "Bridge Reopens After Repairs\n\nThe old bridge over the river reopened on\nMonday after eight months of repairs, the city\nsaid in a statement.\n\nTraffic was light in the first hours, and\nofficials expect it to rise during the week\nas schools open again.\n";
        let p = read(text, 0);
        let k = kinds(&p);
        assert_eq!(k[0].0, BlockKind::Title);
        assert_eq!(k.len(), 3, "{k:?}");
        let b = &p.blocks[1];
        assert!(b
            .text
            .starts_with("The old bridge over the river reopened on Monday after"));
        let at = b.text.find("Monday").unwrap();
        assert!(text[b.map.to_original(at)..].starts_with("Monday after"));
        let at = b.text.find("said in").unwrap();
        assert!(text[b.map.to_original(at)..].starts_with("said in"));
    }

    #[test]
    fn one_paragraph_per_line_is_not_joined() {
        let text = "The council approved the budget on Tuesday after a long debate among members.\nIt includes new money for schools and roads, and a small cut in the tax on homes.\nThe opposition said the plan was rushed and would vote against it next year.\n";
        let p = read(text, 0);
        assert_eq!(p.blocks.len(), 3);
        assert!(p.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    }

    #[test]
    fn list_items_drop_their_marker() {
        let text = "What changed:\n\n- Fares rise by 5 percent.\n2. Night buses return.\n";
        let p = read(text, 0);
        let items: Vec<_> = p
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::ListItem)
            .collect();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].text, "Fares rise by 5 percent.");
        assert!(text[items[1].map.to_original(0)..].starts_with("Night buses"));
    }

    #[test]
    fn date_lines_give_the_date() {
        assert_eq!(date_of("Published March 3, 2024"), "March 3, 2024");
        assert_eq!(date_of("Updated: 2024-03-03 10:00"), "2024-03-03 10:00");
    }
}
