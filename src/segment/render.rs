//! A sentence's text as a reader should see it, mapped back to the bytes it came from.
//!
//! The splitter answers with byte ranges and never rewrites anything, so a sentence's raw
//! slice still carries the layout of the page it came from: line breaks in mid-sentence,
//! runs of spaces, dot leaders and page numbers of a table of contents, separator rules,
//! markup that was pasted as text, line breaks escaped as `\n`. None of that is part of what
//! the sentence says, and some of it is harmful: the page number of a contents line would be
//! read as a quantity of the sentence. This module renders the slice without it.
//!
//! The rendering only removes things and turns line breaks (with the spaces around them)
//! and runs of three or more spaces into one space; one or two spaces stay as written. The only replacements are typewriter quotes (`` ` ``, ` `` ` and `''`), written as `'` and `"`.
//! Every kept character keeps its place through the returned [`SpanMap`], so findings still
//! point at the input, and the sentence's span still covers its original bytes.

use crate::span::SpanMap;
use std::ops::Range;

/// The rendered text of one range, and the map of its offsets back into the source string.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The text to show and compare.
    pub text: String,
    /// Offsets in `text` to offsets in the string the range was taken from.
    pub map: SpanMap,
}

/// A run of this many repeated dots or rule characters is layout, not punctuation.
const LAYOUT_RUN: usize = 5;

/// Bounds on how far a piece of markup is looked for, so that a stray `<` costs O(1).
const MAX_TAG: usize = 256;

/// Renders `src[range]` for display and comparison.
pub fn render(src: &str, range: Range<usize>) -> Rendered {
    render_in(src, range, &Markup::find(src))
}

/// [`render`], with the markup of `src` found beforehand (once for many ranges).
pub fn render_in(src: &str, range: Range<usize>, markup: &Markup) -> Rendered {
    // Most sentences of running text have nothing to render: checking that is a fraction of
    // the cost of rendering, which writes word by word.
    if renders_as_itself(src, range.clone()) {
        return Rendered {
            text: src[range.clone()].to_string(),
            map: SpanMap::contiguous(range.start),
        };
    }
    let mut r = Renderer {
        markup,
        src,
        bytes: src.as_bytes(),
        end: range.end,
        out: Rendered {
            text: String::with_capacity(range.len()),
            map: SpanMap::default(),
        },
        next_src: None,
        pending: Pending::None,
    };
    r.run(range.start);
    if r.out.text.is_empty() {
        r.out.map = SpanMap::contiguous(range.start);
    }
    r.out
}

/// [`render_in`] for the sentences of one block in order, told by the splitter's pre-pass
/// where the renderer may change something ([`change_at`]): a sentence clear of all of
/// those, and of runs of three spaces, renders as itself, answered `None` without looking at
/// its bytes again.
pub(super) fn render_noted(
    src: &str,
    range: Range<usize>,
    markup: &Markup,
    changes: &mut Changes,
) -> Option<Rendered> {
    let b = src.as_bytes();
    // A space at the end would be dropped; the splitter never leaves one, but `render_in`
    // answers for any range.
    let trailing_space = range.end > range.start && b[range.end - 1] == b' ';
    if !trailing_space && !changes.touch(range.clone()) {
        return None;
    }
    Some(render_in(src, range, markup))
}

/// Byte ranges of a text where the renderer may change something, sorted by start, asked
/// about by ranges that only move forward.
#[derive(Debug, Default)]
pub(super) struct Changes {
    spans: Vec<(usize, usize)>,
    next: usize,
}

impl Changes {
    pub(super) fn new(spans: Vec<(usize, usize)>) -> Changes {
        Changes { spans, next: 0 }
    }

    /// Whether any of the ranges overlaps `range`; `range` must not start before the one
    /// asked about last.
    fn touch(&mut self, range: Range<usize>) -> bool {
        while self
            .spans
            .get(self.next)
            .is_some_and(|s| s.1 <= range.start)
        {
            self.next += 1;
        }
        self.spans.get(self.next).is_some_and(|s| s.0 < range.end)
    }
}

/// Bytes where the renderer may change something other than a run of spaces: every byte
/// [`SPECIAL`] holds but the space. The splitter's pre-pass stops at each of them.
pub(super) static CHANGES: [bool; 256] = {
    let mut set = SPECIAL;
    set[b' ' as usize] = false;
    set
};

/// At byte `i` of `src`, one of [`CHANGES`]: the end of the bytes from `i` that the renderer
/// may change, or `None` if it copies them as they are. Together with the runs of three
/// spaces these are the only places where [`renders_as_itself`] can answer `false`: any
/// other whitespace after a space is itself one of them. A run of dots or rule characters
/// is answered at its first byte.
pub(super) fn change_at(src: &str, i: usize) -> Option<usize> {
    let b = src.as_bytes();
    let c = b[i];
    match c {
        b'.' | b'/' | b'=' | b'_' | b'~' | b'*' | b'#' | b'-' => {
            if i > 0 && b[i - 1] == c {
                return None;
            }
            let len = b[i..].iter().take_while(|&&x| x == c).count();
            (len >= LAYOUT_RUN).then_some(i + len)
        }
        b'\'' => (b.get(i + 1) == Some(&b'\'')).then_some(i + 2),
        0xC2 | 0xE1 | 0xE2 | 0xE3 => {
            let ch = src[i..].chars().next()?;
            ch.is_whitespace().then_some(i + ch.len_utf8())
        }
        _ => Some(i + 1),
    }
}

/// Whitespace seen but not yet written: it is only written between two visible characters.
#[derive(Debug, Clone, Copy)]
enum Pending {
    None,
    /// Spaces within a line, kept as they are: `src[from..to]`.
    Spaces(usize, usize),
    /// Whitespace across a line break, or removed layout between words: one space.
    Space(usize),
}

struct Renderer<'a> {
    markup: &'a Markup,
    src: &'a str,
    bytes: &'a [u8],
    end: usize,
    out: Rendered,
    /// Source offset that continues the current verbatim run, if one is open.
    next_src: Option<usize>,
    pending: Pending,
}

impl Renderer<'_> {
    fn run(&mut self, mut i: usize) {
        while i < self.end {
            let b = self.bytes[i];
            if !SPECIAL[usize::from(b)] {
                let stop = self.bytes[i..self.end]
                    .iter()
                    .position(|&c| SPECIAL[usize::from(c)])
                    .map_or(self.end, |k| i + k);
                self.verbatim(i, stop);
                i = stop;
                continue;
            }
            i = match b {
                b'.' => self.on_dots(i),
                b'<' | b'&' => self.on_markup(i),
                b'`' => self.on_backtick(i),
                b'\'' => self.on_apostrophes(i),
                b'\\' => self.on_escape(i),
                b'/' | b'=' | b'_' | b'~' | b'*' | b'#' | b'-' => self.on_rule(i),
                _ => self.on_other(i),
            };
        }
    }

    /// Copies `src[from..to]`, which holds no whitespace.
    fn verbatim(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        self.flush();
        if self.next_src != Some(from) {
            self.out.map.push(self.out.text.len(), from);
        }
        self.out.text.push_str(&self.src[from..to]);
        self.next_src = Some(to);
    }

    /// Writes `s` in place of the source at `at`.
    fn replaced(&mut self, s: &str, at: usize) {
        self.flush();
        self.out.map.push(self.out.text.len(), at);
        self.out.text.push_str(s);
        self.next_src = None;
    }

    fn flush(&mut self) {
        let pending = std::mem::replace(&mut self.pending, Pending::None);
        if self.out.text.is_empty() {
            return;
        }
        match pending {
            Pending::None => {}
            Pending::Spaces(from, to) => {
                if self.next_src != Some(from) {
                    self.out.map.push(self.out.text.len(), from);
                }
                self.out.text.push_str(&self.src[from..to]);
                self.next_src = Some(to);
            }
            Pending::Space(at) => {
                self.out.map.push(self.out.text.len(), at);
                self.out.text.push(' ');
                self.next_src = None;
            }
        }
    }

    /// Removed layout that separated two words stands for a space.
    fn gap(&mut self, at: usize) {
        self.pending = Pending::Space(self.pending_start().unwrap_or(at));
    }

    fn pending_start(&self) -> Option<usize> {
        match self.pending {
            Pending::None => None,
            Pending::Spaces(p, _) | Pending::Space(p) => Some(p),
        }
    }

    fn on_other(&mut self, i: usize) -> usize {
        let Some(c) = self.src[i..self.end].chars().next() else {
            return self.end;
        };
        if !c.is_whitespace() {
            let j = i + c.len_utf8();
            self.verbatim(i, j);
            return j;
        }
        let mut j = i;
        let mut line_break = false;
        let mut count = 0;
        for c in self.src[i..self.end].chars() {
            if !c.is_whitespace() {
                break;
            }
            line_break |= is_vertical(c);
            j += c.len_utf8();
            count += 1;
        }
        let next = self.src[j..self.end].chars().next();
        if line_break && next.is_some_and(super::split::attaches_left) {
            // "pricing\n.": the line was broken before its own punctuation.
            return j;
        }
        // One or two spaces within a line are the writer's (two after a full stop or a colon
        // is a typing habit) and stay as written. A longer run pads or aligns, and a line
        // break inside a sentence is layout: either reads as one space.
        self.pending = match self.pending {
            Pending::None if !line_break && count <= 2 => Pending::Spaces(i, j),
            _ => Pending::Space(self.pending_start().unwrap_or(i)),
        };
        j
    }

    /// Dot leaders: `Contents ........ 12` loses the leader and the page number, and a long
    /// run of dots between two words is a space. Shorter runs are punctuation and stay.
    fn on_dots(&mut self, i: usize) -> usize {
        let b = self.bytes;
        let mut j = i;
        while j < self.end && b[j] == b'.' {
            j += 1;
        }
        if j - i < LAYOUT_RUN {
            self.verbatim(i, j);
            return j;
        }
        if page_number_to_end(&b[j..self.end]) {
            self.pending = Pending::None;
            return self.end;
        }
        let after_word = self
            .out
            .text
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let before_word = self.src[j..self.end]
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if after_word && before_word {
            self.gap(i);
        } else {
            self.verbatim(i, j);
        }
        j
    }

    /// A separator rule (`/////`, `=====`, `-----`) is layout; a shorter run is text.
    fn on_rule(&mut self, i: usize) -> usize {
        let b = self.bytes;
        let c = b[i];
        let mut j = i;
        while j < self.end && b[j] == c {
            j += 1;
        }
        if j - i >= LAYOUT_RUN {
            self.gap(i);
        } else {
            self.verbatim(i, j);
        }
        j
    }

    /// Markup pasted as text: inline elements vanish, block elements separate words.
    fn on_markup(&mut self, i: usize) -> usize {
        match self.markup.at(i) {
            Some((end, block)) if end <= self.end => {
                if block {
                    self.gap(i);
                }
                end
            }
            _ => {
                self.verbatim(i, i + 1);
                i + 1
            }
        }
    }

    fn on_backtick(&mut self, i: usize) -> usize {
        if self.bytes.get(i + 1) == Some(&b'`') && i + 1 < self.end {
            self.replaced("\"", i);
            i + 2
        } else {
            self.replaced("'", i);
            i + 1
        }
    }

    /// `''` closes what ` `` ` opened.
    fn on_apostrophes(&mut self, i: usize) -> usize {
        if self.bytes.get(i + 1) == Some(&b'\'') && i + 1 < self.end {
            self.replaced("\"", i);
            i + 2
        } else {
            self.verbatim(i, i + 1);
            i + 1
        }
    }

    /// `\n`, `\r\n`, `\t` written out as escapes, as in text lifted from JSON or a log, are
    /// whitespace. A letter or digit right after (`C:\new`) means a path, not an escape.
    fn on_escape(&mut self, i: usize) -> usize {
        let b = self.bytes;
        let escape = matches!(b.get(i + 1), Some(b'n' | b'r' | b't'))
            && i + 2 <= self.end
            && !b
                .get(i + 2)
                .filter(|_| i + 2 < self.end)
                .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        if escape {
            self.gap(i);
            i + 2
        } else {
            self.verbatim(i, i + 1);
            i + 1
        }
    }
}

/// Bytes that may start something the renderer changes; everything else is copied in bulk.
static SPECIAL: [bool; 256] = {
    let mut set = [false; 256];
    let list = b" \t\n\x0B\x0C\r.<&`'\\/=_~*#-\xC2\xE1\xE2\xE3";
    let mut k = 0;
    while k < list.len() {
        set[list[k] as usize] = true;
        k += 1;
    }
    set
};

/// Whether the renderer would copy `src[range]` unchanged: every byte it treats specially is
/// one it copies (one or two spaces within a line, a short run of dots or rule characters,
/// a lone apostrophe, a character that is not whitespace). Anything else, including markup
/// and escapes, which depend on more context, answers `false` and is rendered.
fn renders_as_itself(src: &str, range: Range<usize>) -> bool {
    let b = src.as_bytes();
    let end = range.end;
    let is_space_at = |at: usize| -> bool {
        match b.get(at) {
            Some(&c) if c.is_ascii() => c.is_ascii_whitespace() || c == b'\x0B',
            Some(_) => src[at..].chars().next().is_some_and(char::is_whitespace),
            None => false,
        }
    };
    let mut i = range.start;
    while i < end {
        let c = b[i];
        if !SPECIAL[usize::from(c)] {
            i += 1;
            continue;
        }
        match c {
            b' ' => {
                let mut j = i + 1;
                if j < end && b[j] == b' ' {
                    j += 1;
                }
                if j >= end || is_space_at(j) {
                    return false;
                }
                i = j;
            }
            b'.' | b'/' | b'=' | b'_' | b'~' | b'*' | b'#' | b'-' => {
                let mut j = i;
                while j < end && b[j] == c {
                    j += 1;
                }
                if j - i >= LAYOUT_RUN {
                    return false;
                }
                i = j;
            }
            b'\'' => {
                if i + 1 < end && b[i + 1] == b'\'' {
                    return false;
                }
                i += 1;
            }
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                let Some(ch) = src[i..end].chars().next() else {
                    return false;
                };
                if ch.is_whitespace() {
                    return false;
                }
                i += ch.len_utf8();
            }
            _ => return false,
        }
    }
    true
}

fn is_vertical(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Whether `rest` is only a page number or page range (`12`, `16-17`), between spaces.
fn page_number_to_end(rest: &[u8]) -> bool {
    let s = match std::str::from_utf8(rest) {
        Ok(s) => s.trim(),
        Err(_) => return false,
    };
    let mut parts = s.splitn(2, ['-', '–']);
    let first = parts.next().unwrap_or("");
    let digits = |p: &str| !p.is_empty() && p.len() <= 5 && p.bytes().all(|c| c.is_ascii_digit());
    digits(first)
        && parts
            .next()
            .is_none_or(|p| digits(p.trim_start_matches('-')))
}

/// The tags of a text that are certainly markup, pasted in raw (`<em>`) or escaped
/// (`&lt;b&gt;`), as sorted `(start, end, block element)`.
///
/// A tag in prose may be what the prose is about ("the `<blink>` tag"), so a tag only counts
/// as markup when nothing else explains it: it has a closing partner later in the text, it
/// carries attribute values, it closes itself (`<x/>`), or it is a line break or rule.
#[derive(Debug, Clone, Default)]
pub struct Markup(Vec<(usize, usize, bool)>);

impl Markup {
    /// Scans `src` once; the pairing stack is bounded, so the cost is linear.
    pub fn find(src: &str) -> Markup {
        let b = src.as_bytes();
        if !b.contains(&b'<') && !contains(b, b"&lt;") {
            return Markup::default();
        }
        let mut found = Vec::new();
        // Escaped markup is text inside the raw markup, so the two nest independently.
        let mut stacks: [Vec<Tag>; 2] = [Vec::new(), Vec::new()];
        let mut i = 0;
        while let Some(k) = b[i..].iter().position(|&c| c == b'<' || c == b'&') {
            i += k;
            let Some(t) = tag(b, i) else {
                i += 1;
                continue;
            };
            i = t.end;
            let open = &mut stacks[usize::from(t.escaped)];
            let name = &b[t.name.clone()];
            if t.closing {
                let partner = open
                    .iter()
                    .rposition(|o| b[o.name.clone()].eq_ignore_ascii_case(name));
                if let Some(d) = partner {
                    let o = &open[d];
                    found.push((o.start, o.end, o.block));
                    found.push((t.start, t.end, t.block));
                    open.truncate(d);
                }
                continue;
            }
            if t.attributes || t.self_closing || is_void(name) {
                found.push((t.start, t.end, t.block));
            }
            if !t.self_closing && open.len() < 64 {
                open.push(t);
            }
        }
        found.sort_unstable();
        found.dedup();
        Markup(found)
    }

    /// The end of the markup starting at `i` and whether it is a block element.
    fn at(&self, i: usize) -> Option<(usize, bool)> {
        let k = self.0.partition_point(|m| m.0 < i);
        self.0.get(k).filter(|m| m.0 == i).map(|m| (m.1, m.2))
    }
}

#[derive(Debug, Clone)]
struct Tag {
    start: usize,
    end: usize,
    name: Range<usize>,
    closing: bool,
    escaped: bool,
    attributes: bool,
    self_closing: bool,
    block: bool,
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    // A memchr for the first byte rules out most texts before any window is compared.
    let Some(first) = needle.first() else {
        return true;
    };
    hay.contains(first) && hay.windows(needle.len()).any(|w| w == needle)
}

fn is_void(name: &[u8]) -> bool {
    [&b"br"[..], b"hr", b"wbr"]
        .iter()
        .any(|v| v.eq_ignore_ascii_case(name))
}

/// A tag at `at`: `<name>`, `</name>`, `<name attr="v" …>`, `<name/>`, or the same written
/// with `&lt;` and `&gt;`. Attributes must carry values, so "x <y and z> w" is no tag.
fn tag(bytes: &[u8], at: usize) -> Option<Tag> {
    let (open, close): (&[u8], &[u8]) = if bytes[at] == b'<' {
        (b"<", b">")
    } else {
        (b"&lt;", b"&gt;")
    };
    let s = &bytes[at..bytes.len().min(at + MAX_TAG)];
    let (len, name, closing, attributes, self_closing) = tag_parts(s, open, close)?;
    let name = at + name.start..at + name.end;
    Some(Tag {
        start: at,
        end: at + len,
        block: is_block(&bytes[name.clone()]),
        name,
        closing,
        escaped: open.len() > 1,
        attributes,
        self_closing,
    })
}

/// Parses a tag at the start of `s`: length, name range, closing, attributes, self-closing.
fn tag_parts(
    s: &[u8],
    open: &[u8],
    close: &[u8],
) -> Option<(usize, Range<usize>, bool, bool, bool)> {
    let mut j = open.len();
    if !s.starts_with(open) {
        return None;
    }
    let closing = s.get(j) == Some(&b'/');
    if closing {
        j += 1;
    }
    let mut attributes = false;
    let name_start = j;
    if !s.get(j).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    while s
        .get(j)
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':'))
    {
        j += 1;
    }
    let name = name_start..j;
    loop {
        while s.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        if s[j.min(s.len())..].starts_with(close) {
            return Some((j + close.len(), name, closing, attributes, false));
        }
        if s.get(j) == Some(&b'/') && s[(j + 1).min(s.len())..].starts_with(close) {
            return Some((j + 1 + close.len(), name, closing, attributes, true));
        }
        if closing {
            return None;
        }
        // An attribute: a name, `=`, and a quoted or bare value.
        let attr = j;
        while s
            .get(j)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_'))
        {
            j += 1;
        }
        if j == attr || !s[..attr].last().is_some_and(u8::is_ascii_whitespace) {
            return None;
        }
        while s.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        if s.get(j) != Some(&b'=') {
            return None;
        }
        j += 1;
        while s.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        match s.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                let len = s[j + 1..].iter().position(|&c| c == q)?;
                j += len + 2;
            }
            Some(_) => {
                let v = j;
                while s.get(j).is_some_and(|&c| {
                    !c.is_ascii_whitespace() && c != b'>' && c != b'&' && c != b'<'
                }) {
                    j += 1;
                }
                if j == v {
                    return None;
                }
            }
            None => return None,
        }
        attributes = true;
    }
}

fn is_block(name: &[u8]) -> bool {
    let mut buf = [0u8; 12];
    if name.len() > buf.len() {
        return false;
    }
    for (d, s) in buf.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &buf[..name.len()],
        b"p" | b"br"
            | b"div"
            | b"li"
            | b"ul"
            | b"ol"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"tr"
            | b"td"
            | b"th"
            | b"table"
            | b"hr"
            | b"img"
            | b"blockquote"
            | b"section"
            | b"article"
            | b"header"
            | b"footer"
            | b"figure"
            | b"figcaption"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        render(s, 0..s.len()).text
    }

    /// Every visible character of the rendering maps to the same character of the source.
    fn maps_back(s: &str) {
        let r = render(s, 0..s.len());
        for (at, c) in r.text.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            let o = r.map.to_original(at);
            let here = &s[o..];
            assert!(
                here.starts_with(c)
                    || (matches!(c, '\'' | '"') && here.starts_with('`'))
                    || (c == '"' && here.starts_with("''")),
                "{s:?}: {c:?} at {at} maps to {o}"
            );
        }
    }

    #[test]
    fn whitespace_becomes_single_spaces() {
        assert_eq!(
            text("The ferry  ran\nlate again."),
            "The ferry  ran late again."
        );
        assert_eq!(text("The ferry    ran."), "The ferry ran.");
        assert_eq!(text("The ferry \n\t ran."), "The ferry ran.");
        assert_eq!(text("A bridge\u{a0}closed."), "A bridge\u{a0}closed.");
        assert_eq!(text("prices rose\n."), "prices rose.");
        assert_eq!(text("prices rose ."), "prices rose .");
    }

    #[test]
    fn contents_lines_lose_leaders_and_page_numbers() {
        assert_eq!(text("Getting There.................. 4"), "Getting There");
        assert_eq!(text("Timetables ........ 12-14"), "Timetables");
        assert_eq!(text("Wait for it....."), "Wait for it.....");
        assert_eq!(text("Not a leader.... 3"), "Not a leader.... 3");
        assert_eq!(text("Read the fine.......print."), "Read the fine print.");
    }

    #[test]
    fn rules_and_markup_vanish() {
        assert_eq!(text("=========Ferry Times"), "Ferry Times");
        assert_eq!(text("and/or a -- b"), "and/or a -- b");
        assert_eq!(text("<b>Late</b> again<br>today."), "Late again today.");
        assert_eq!(text("<p class=\"x\">Rain.</p>"), "Rain.");
        assert_eq!(text("&lt;i&gt;Rain&lt;/i&gt; fell."), "Rain fell.");
        assert_eq!(text("if x <y and z> w"), "if x <y and z> w");
        assert_eq!(text("Avoid the <blink> tag."), "Avoid the <blink> tag.");
        assert_eq!(text("Use </p> to close."), "Use </p> to close.");
        assert_eq!(text("a < b"), "a < b");
    }

    #[test]
    fn escapes_and_typewriter_quotes() {
        assert_eq!(text("One.\\r\\n Two."), "One. Two.");
        assert_eq!(text("Saved to C:\\new\\tmp"), "Saved to C:\\new\\tmp");
        assert_eq!(text("`Go,' he said. ``Now.''"), "'Go,' he said. \"Now.\"");
    }

    #[test]
    fn maps_point_at_the_source() {
        for s in [
            "The ferry  ran\nlate again.",
            "Getting There.................. 4",
            "<b>Late</b> again<br>today.",
            "`Go,' he said\n\n  twice.",
            "=========Ferry Times \\n next",
            "日本  語\u{3000}テキスト",
        ] {
            maps_back(s);
        }
    }

    #[test]
    fn empty_when_nothing_is_visible() {
        assert_eq!(text("<div><p></p></div>"), "");
        assert_eq!(text("<div><p>"), "<div><p>");
        assert_eq!(text("  \n "), "");
        assert_eq!(text("//////////"), "");
    }
}
