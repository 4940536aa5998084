//! HTML input: main-content extraction, then blocks anchored back into the page source.
//!
//! Owns two things. First, finding the article in a saved page: rs-trafilatura extracts
//! the main text and the title, author and date, and dom_smoothie (readability) extracts
//! the text once more; when readability's text is nearly all inside trafilatura's and
//! markedly shorter, it is taken instead (see [`cross_check`]; both chosen on measured
//! figures, see `Cargo.toml` and `examples/eval_extraction.rs`). The paragraph-per-line
//! text then goes through the plain-text rules (headings, chrome, bylines, labels) without
//! hard-wrap joining. When trafilatura finds nothing, all visible text of the body is used
//! instead, so a small hand-written page still reads.
//!
//! Second, offsets. Extracted text has lost its markup and entities, so it cannot be
//! mapped byte for byte. The page source is tokenised once into words outside tags,
//! scripts and styles (linear time), with an index from word to positions. Each block is
//! anchored at the first place after the previous block where its first words appear in
//! order; then every later word of the block that follows in the source gets its own
//! anchor. A block whose words cannot be found takes the previous block's offset.

use super::{chrome, text, BlockKind, Parsed};
use crate::span::SpanMap;
use std::collections::HashMap;

/// Deepest element nesting handed to the main-content extractor. It walks the tree
/// recursively, so a page nested thousands of levels deep (no real layout is; a trap or a
/// broken generator is) would overflow the stack, which no `catch_unwind` survives. Such a
/// page is read by [`visible_text`], which does not recurse.
const MAX_EXTRACT_DEPTH: usize = 512;

/// Stack for the thread that runs readability: its tree walks recurse, and a spawned
/// thread's default stack is smaller than the main thread's.
const READABILITY_STACK: usize = 64 << 20;

/// Reads a saved HTML page (already decoded).
pub(crate) fn read(source: &str) -> Parsed {
    // The two extractors and the source index are independent: readability and the index
    // run beside trafilatura, the slowest, so a large page costs about trafilatura's time.
    let shallow = nesting_depth(source) <= MAX_EXTRACT_DEPTH;
    let (extracted, core, words) = std::thread::scope(|scope| {
        let side = || {
            let core = shallow.then(|| readability(source)).flatten();
            (core, SourceWords::new(source))
        };
        let handle = std::thread::Builder::new()
            .stack_size(READABILITY_STACK)
            .spawn_scoped(scope, side);
        let extracted = shallow.then(|| trafilatura(source)).flatten();
        let (core, words) = match handle {
            Ok(h) => h
                .join()
                .unwrap_or_else(|_| (None, SourceWords::new(source))),
            // No thread to be had: the same work, one after the other.
            Err(_) => side(),
        };
        (extracted, core, words)
    });
    let (content, meta) = match extracted {
        Some(r) if !r.content_text.trim().is_empty() => {
            (cross_check(r.content_text, core), Some(r.metadata))
        }
        Some(r) => (visible_text(source), Some(r.metadata)),
        None => (visible_text(source), None),
    };
    let mut out = text::read_unwrapped(&content);
    if let Some(meta) = meta {
        if let Some(title) = meta.title.filter(|t| !t.trim().is_empty()) {
            set_title(&mut out, title.trim());
        }
        if let Some(author) = meta.author.filter(|a| !a.trim().is_empty()) {
            out.byline = Some(byline_name(author.trim()));
        }
        if let Some(date) = meta.date {
            out.date = Some(date.date_naive().to_string());
        }
    }
    let mut cursor = 0;
    let mut last_offset = words.body_start;
    for block in &mut out.blocks {
        let (map, next) = words.align(&block.text, cursor, last_offset);
        last_offset = map.to_original(0);
        cursor = next;
        block.map = map;
    }
    out
}

/// Fewest words readability's text must have to replace trafilatura's: less is a caption
/// or a teaser, not an article.
const MIN_CORE_WORDS: usize = 50;
/// Share of readability's word 4-grams that must stand in trafilatura's text: "nearly all",
/// allowing for the two joining inline elements differently.
const MIN_CONTAINED: f64 = 0.9;
/// Readability's text must be at most this share of trafilatura's length in words.
const MAX_CORE_SHARE: f64 = 0.8;

/// rs-trafilatura's extraction, or `None` when it fails.
fn trafilatura(source: &str) -> Option<rs_trafilatura::ExtractResult> {
    let options = rs_trafilatura::Options {
        // No length cap: the crate's default cuts text at a million bytes (a long article
        // would silently lose its end, and a cut inside a character panics); input size is
        // limited by --max-file-size instead.
        max_extracted_len: usize::MAX,
        // factdiff reads articles: the crate's page-type classifier (forum, product,
        // listing...) costs time, and fixing the type changed one benchmark page, for the
        // better.
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        ..rs_trafilatura::Options::default()
    };
    // A third-party parser must not take the whole run down with it.
    std::panic::catch_unwind(|| rs_trafilatura::extract_with_options(source, &options))
        .ok()
        .and_then(Result::ok)
}

/// dom_smoothie's (readability's) article text, paragraph per line, as trafilatura gives
/// it and the line rules expect.
fn readability(source: &str) -> Option<String> {
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    std::panic::catch_unwind(|| {
        dom_smoothie::Readability::new(source, None, Some(config))
            .and_then(|mut r| r.parse())
            .map(|a| a.text_content.to_string())
    })
    .ok()
    .and_then(Result::ok)
}

/// Checks trafilatura's text against readability's `core` from the same page.
///
/// Trafilatura errs towards taking too much: a related-stories list under a short item, a
/// comment thread, a JSON-LD body that repeats the article. Readability keeps to the
/// densest block of prose. When readability's text is nearly all inside trafilatura's and
/// markedly shorter, the two agree on the article and the rest is what trafilatura added
/// around it, so readability's text is used; otherwise trafilatura's (the better of the two
/// alone, see `Cargo.toml`). Measured with `examples/eval_extraction.rs`.
fn cross_check(trafilatura: String, core: Option<String>) -> String {
    let Some(core) = core else {
        return trafilatura;
    };
    let core_words = word_spans(&core).count();
    let words = word_spans(&trafilatura).count();
    // Lengths first: the shingle comparison is the costly part.
    if core_words >= MIN_CORE_WORDS
        && (core_words as f64) <= MAX_CORE_SHARE * words as f64
        && containment(&core, &trafilatura) >= MIN_CONTAINED
    {
        core
    } else {
        trafilatura
    }
}

/// The share of `part`'s word 4-grams (with multiplicity, case kept) that `whole` also has.
fn containment(part: &str, whole: &str) -> f64 {
    fn shingles(text: &str) -> HashMap<[&str; 4], usize> {
        let words: Vec<&str> = word_spans(text).map(|(s, e)| &text[s..e]).collect();
        let mut out = HashMap::new();
        for w in words.windows(4) {
            *out.entry([w[0], w[1], w[2], w[3]]).or_insert(0) += 1;
        }
        out
    }
    let ours = shingles(part);
    let theirs = shingles(whole);
    let total: usize = ours.values().sum();
    if total == 0 {
        return 0.0;
    }
    let shared: usize = ours
        .iter()
        .map(|(k, &c)| c.min(theirs.get(k).copied().unwrap_or(0)))
        .sum();
    shared as f64 / total as f64
}

/// Makes the block that repeats the page's title the title; later copies are chrome.
fn set_title(out: &mut Parsed, title: &str) {
    let mut found = false;
    for b in &mut out.blocks {
        let same = text::same_text(title, &b.text);
        match (b.kind, same) {
            (_, true) if !found => {
                b.kind = BlockKind::Title;
                found = true;
            }
            (_, true) => b.kind = BlockKind::Boilerplate,
            (BlockKind::Title, false) => b.kind = BlockKind::Heading,
            _ => {}
        }
    }
    out.title = Some(title.to_string());
}

/// Page metadata writes authors in many ways ("By A, Staff Writer", "A"): keep the name.
fn byline_name(author: &str) -> String {
    let probe = if author.to_lowercase().starts_with("by ") {
        author.to_string()
    } else {
        format!("By {author}")
    };
    match chrome::classify(&probe) {
        chrome::LineClass::Byline(name) => name,
        _ => author.to_string(),
    }
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "title", "iframe", "object",
];

/// Elements that end a run of text: their edges separate paragraphs.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "blockquote",
    "figure",
    "figcaption",
    "main",
    "pre",
    "hr",
    "dd",
    "dt",
];

/// A piece of the page source seen by [`scan`].
enum Piece<'a> {
    /// Character data at a byte offset.
    Text(usize, &'a str),
    /// A tag, by lower-cased name.
    Tag(&'a str),
}

/// Calls `visit` for each run of character data and each tag, skipping comments and the
/// content of [`SKIPPED`] elements. One pass, linear in the source.
fn scan(source: &str, mut visit: impl FnMut(Piece)) {
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let end = memchr(b'<', bytes, i).unwrap_or(bytes.len());
            visit(Piece::Text(i, &source[i..end]));
            i = end;
            continue;
        }
        if source[i..].starts_with("<!--") {
            i = find_from(source, "-->", i + 4).map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let close = memchr(b'>', bytes, i).unwrap_or(bytes.len());
        let inner = &source[i + 1..close];
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        i = (close + 1).min(bytes.len());
        if SKIPPED.contains(&name.as_str()) && !inner.starts_with('/') && !inner.ends_with('/') {
            // Skip to the matching end tag; case-insensitive search without allocating.
            let end = find_end_tag(source, &name, i);
            i = end;
            visit(Piece::Tag(&name));
            continue;
        }
        visit(Piece::Tag(&name));
    }
}

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements a parser closes when a sibling of the same kind opens, so unclosed runs of them
/// (old pages write `<p>` as a separator) do not nest.
const SELF_CLOSING_RUNS: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
    "colgroup", "rb", "rt", "rp",
];

/// Elements whose content a parser reads as text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// An upper bound on the element nesting depth of a page, in one linear pass: open tags
/// count, end tags uncount, void elements, `/>` and sibling-closing elements do not count.
fn nesting_depth(source: &str) -> usize {
    let bytes = source.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(lt) = memchr(b'<', bytes, i) {
        if source[lt..].starts_with("<!--") {
            i = find_from(source, "-->", lt + 4).map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let close = memchr(b'>', bytes, lt).unwrap_or(bytes.len());
        let inner = &source[lt + 1..close];
        i = close;
        let end_tag = inner.starts_with('/');
        let name = inner.trim_start_matches('/');
        let len = name.bytes().take_while(u8::is_ascii_alphanumeric).count();
        if len == 0 || !name.as_bytes()[0].is_ascii_alphabetic() {
            continue;
        }
        let name = name[..len].to_ascii_lowercase();
        if VOID.contains(&name.as_str()) || SELF_CLOSING_RUNS.contains(&name.as_str()) {
            continue;
        }
        if end_tag {
            depth = depth.saturating_sub(1);
        } else if !inner.ends_with('/') {
            depth += 1;
            max = max.max(depth);
            if RAW_TEXT.contains(&name.as_str()) {
                // Their content is text to a parser, whatever it looks like.
                i = find_end_tag(source, &name, i);
                depth -= 1;
            }
        }
    }
    max
}

fn memchr(needle: u8, bytes: &[u8], from: usize) -> Option<usize> {
    bytes[from..]
        .iter()
        .position(|&b| b == needle)
        .map(|p| p + from)
}

fn find_from(hay: &str, needle: &str, from: usize) -> Option<usize> {
    hay.get(from..)?.find(needle).map(|p| p + from)
}

/// Offset just past `</name ...>` from `from`, or the end of the source.
fn find_end_tag(source: &str, name: &str, from: usize) -> usize {
    let bytes = source.as_bytes();
    let mut i = from;
    while let Some(lt) = memchr(b'<', bytes, i) {
        let rest = &bytes[lt + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len()
            && rest[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return memchr(b'>', bytes, lt).map_or(bytes.len(), |e| e + 1);
        }
        i = lt + 1;
    }
    bytes.len()
}

/// All visible text of a page, one paragraph per line: the fallback when the extractor
/// finds no article.
fn visible_text(source: &str) -> String {
    let mut out = String::new();
    let mut pending_break = false;
    let mut runs: Vec<(bool, String)> = Vec::new();
    scan(source, |piece| match piece {
        Piece::Text(_, t) => runs.push((false, decode_entities(t))),
        Piece::Tag(name) if BLOCK_TAGS.contains(&name) => runs.push((true, String::new())),
        Piece::Tag(_) => {}
    });
    for (brk, t) in runs {
        if brk {
            pending_break = true;
            continue;
        }
        let squeezed = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if squeezed.is_empty() {
            if !t.is_empty() && !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
            continue;
        }
        if pending_break && !out.is_empty() {
            while out.ends_with(' ') {
                out.pop();
            }
            out.push('\n');
        } else if t.starts_with(char::is_whitespace)
            && !out.is_empty()
            && !out.ends_with([' ', '\n'])
        {
            out.push(' ');
        }
        pending_break = false;
        out.push_str(&squeezed);
        if t.ends_with(char::is_whitespace) {
            out.push(' ');
        }
    }
    out
}

/// Decodes the entities that matter for reading text; others are kept as written.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let semi = tail[..tail.len().min(12)].find(';');
        let decoded = semi.and_then(|e| entity(&tail[1..e]));
        match (decoded, semi) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "euro" => '€',
        "pound" => '£',
        "copy" => '©',
        "eacute" => 'é',
        _ => return None,
    })
}

/// The words of the page source outside markup, with an index for finding them.
///
/// Words are compared lower-cased, as small integers: a page of several megabytes has
/// hundreds of thousands of words but a vocabulary of thousands, so one string per distinct
/// word is kept, not one per occurrence.
struct SourceWords {
    /// `(start, end)` byte offsets of each word in the source.
    spans: Vec<(usize, usize)>,
    /// Vocabulary id of each word, parallel to `spans`.
    ids: Vec<u32>,
    /// Lower-cased word to its id.
    vocab: HashMap<String, u32>,
    /// Indices in `ids` of each vocabulary id, ascending.
    index: Vec<Vec<usize>>,
    /// Where `<body` starts, the fallback anchor for the first block.
    body_start: usize,
}

impl SourceWords {
    fn new(source: &str) -> SourceWords {
        let mut words = SourceWords {
            spans: Vec::new(),
            ids: Vec::new(),
            vocab: HashMap::new(),
            index: Vec::new(),
            body_start: find_ci(source, "<body").unwrap_or(0),
        };
        let mut buf = String::new();
        scan(source, |piece| {
            if let Piece::Text(at, t) = piece {
                for (s, e) in word_spans(t) {
                    // Entity names ("&rsquo;") are markup, not words.
                    if s > 0 && t.as_bytes()[s - 1] == b'&' && t[e..].starts_with(';') {
                        continue;
                    }
                    if s > 1 && t[..s].ends_with("&#") {
                        continue;
                    }
                    let key = lower(&t[s..e], &mut buf);
                    let id = match words.vocab.get(key) {
                        Some(&id) => id,
                        None => {
                            let id = words.index.len() as u32;
                            words.vocab.insert(key.to_string(), id);
                            words.index.push(Vec::new());
                            id
                        }
                    };
                    words.index[id as usize].push(words.ids.len());
                    words.spans.push((at + s, at + e));
                    words.ids.push(id);
                }
            }
        });
        words
    }

    /// The map of block `text`, searching from word `cursor`; returns the word index to
    /// search the next block from.
    fn align(&self, text: &str, cursor: usize, fallback: usize) -> (SpanMap, usize) {
        let tokens: Vec<(usize, usize)> = word_spans(text).collect();
        let mut buf = String::new();
        // A word the page source does not have can never match: `None`.
        let ids: Vec<Option<u32>> = tokens
            .iter()
            .map(|&(s, e)| self.vocab.get(lower(&text[s..e], &mut buf)).copied())
            .collect();
        let Some(start) = self.find_run(&ids, cursor) else {
            return (SpanMap::contiguous(fallback), cursor);
        };
        let mut map = SpanMap::contiguous(self.spans[start].0);
        let mut j = start;
        for (k, id) in ids.iter().enumerate() {
            let Some(id) = *id else { continue };
            // Look a few words ahead: the extractor may have dropped a word or two.
            if let Some(hit) = (j..(j + 4).min(self.ids.len())).find(|&i| self.ids[i] == id) {
                if k > 0 {
                    map.push(tokens[k].0, self.spans[hit].0);
                }
                j = hit + 1;
            }
        }
        (map, j)
    }

    /// The first index at or after `cursor` where the first words of `ids` stand in
    /// order; later occurrences are tried a bounded number of times.
    fn find_run(&self, ids: &[Option<u32>], cursor: usize) -> Option<usize> {
        let first = (*ids.first()?)?;
        let positions = &self.index[first as usize];
        let from = positions.partition_point(|&p| p < cursor);
        let need = ids.len().min(4);
        let fits = |p: usize| {
            (1..need).all(|k| ids[k].is_some() && self.ids.get(p + k) == ids[k].as_ref())
        };
        let mut loose = None;
        for &p in positions[from..].iter().take(64) {
            if fits(p) {
                return Some(p);
            }
            loose.get_or_insert(p);
        }
        // A single-word block, or one whose later words were rewritten: first occurrence.
        loose.filter(|_| need == 1)
    }
}

/// `word` lower-cased, borrowing it when it already is (the common case), else via `buf`.
fn lower<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return word;
    }
    buf.clear();
    buf.extend(word.chars().flat_map(char::to_lowercase));
    buf
}

/// Byte ranges of the alphanumeric runs of `s`.
fn word_spans(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = s.as_bytes();
    let mut i = 0;
    // Whether the character at byte `at` is alphanumeric, and where the next one starts.
    // ASCII, nearly all of most pages, is judged on the byte without decoding.
    let class = move |at: usize| -> (bool, usize) {
        let b = bytes[at];
        if b.is_ascii() {
            return (b.is_ascii_alphanumeric(), at + 1);
        }
        let c = s[at..].chars().next().unwrap_or(' ');
        (c.is_alphanumeric(), at + c.len_utf8())
    };
    std::iter::from_fn(move || {
        let start = loop {
            if i >= bytes.len() {
                return None;
            }
            let (word, next) = class(i);
            let at = i;
            i = next;
            if word {
                break at;
            }
        };
        while i < bytes.len() {
            let (word, next) = class(i);
            if !word {
                break;
            }
            i = next;
        }
        Some((start, i))
    })
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{ingest, InputFormat};

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Canal Reopens to Barges | The Valley Post</title>
<meta name="author" content="Pia Lund">
<meta property="article:published_time" content="2024-04-18T09:00:00Z">
<script>var articleBody = "The canal reopened";</script></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Canal Reopens to Barges</h1>
<p class="byline">By Pia Lund</p>
<p>The canal reopened to barges on Thursday after a dry summer left parts of it too shallow for cargo. Water levels rose by about 40 centimetres after a week of heavy rain, the waterways agency said.</p>
<h2>Traffic Expected to Rise</h2>
<p>Operators said they would resume their regular timetable next week. The agency&rsquo;s director said the channel would be dredged again in the autumn so that the closure is not repeated.</p>
<p>Shipping firms lost an estimated 12 million euros during the eleven weeks the canal was closed, according to the national transport association.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Mayor resigns</a></li><li><a href="/b">Storm warning issued</a></li></ul></aside>
<footer>&copy; 2024 The Valley Post. All rights reserved.</footer>
</body></html>"#;

    #[test]
    fn html_article_blocks_metadata_and_anchors() {
        let doc = ingest("p.html", PAGE.as_bytes(), InputFormat::Html).unwrap();
        let body: Vec<&str> = doc
            .blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Boilerplate)
            .map(|b| b.text.as_str())
            .collect();
        assert!(
            body.iter()
                .any(|t| t.starts_with("The canal reopened to barges")),
            "{body:?}"
        );
        assert!(body.iter().any(|t| t.contains("agency’s director")));
        assert!(
            !body.iter().any(|t| t.contains("Storm warning")),
            "{body:?}"
        );
        assert_eq!(doc.byline.as_deref(), Some("Pia Lund"));
        assert!(doc
            .title
            .as_deref()
            .unwrap()
            .starts_with("Canal Reopens to Barges"));
        for b in &doc.blocks {
            if b.text.starts_with("The canal reopened") {
                assert!(PAGE[b.map.to_original(0)..].starts_with("The canal reopened to barges"));
            }
            if b.text.starts_with("Operators") {
                let at = b.text.find("director").unwrap();
                assert!(PAGE[b.map.to_original(at)..].starts_with("director"));
            }
        }
    }

    /// The article of [`PAGE`] as a reader would copy it from the browser.
    const PAGE_AS_TEXT: &str = "Home » News » Canal Reopens to Barges\n\
Canal Reopens to Barges\n\
By Pia Lund\n\
\n\
The canal reopened to barges on Thursday after a dry summer left parts of it too shallow \
for cargo. Water levels rose by about 40 centimetres after a week of heavy rain, the \
waterways agency said.\n\
\n\
Traffic Expected to Rise\n\
\n\
Operators said they would resume their regular timetable next week. The agency’s \
director said the channel would be dredged again in the autumn so that the closure is \
not repeated.\n\
\n\
Shipping firms lost an estimated 12 million euros during the eleven weeks the canal was \
closed, according to the national transport association.\n\
\n\
Share this article\n\
© 2024 The Valley Post. All rights reserved.\n";

    #[test]
    fn html_and_text_of_one_article_give_the_same_statements() {
        use crate::segment::SentenceKind;
        use crate::Document;
        let statements = |bytes: &[u8], format| {
            let doc = Document::read("d1", "a", bytes, format).unwrap();
            let texts: Vec<String> = doc
                .sentences
                .iter()
                .filter(|s| s.kind == SentenceKind::Statement)
                .map(|s| s.text.clone())
                .collect();
            (doc, texts)
        };
        let (html, from_html) = statements(PAGE.as_bytes(), InputFormat::Html);
        let (_, from_text) = statements(PAGE_AS_TEXT.as_bytes(), InputFormat::Text);
        assert_eq!(from_html, from_text);
        assert_eq!(from_html.len(), 5, "{from_html:?}");
        // Each statement's span starts at its first word in the page source.
        for s in html
            .sentences
            .iter()
            .filter(|s| s.kind == SentenceKind::Statement)
        {
            let first = s.text.split_whitespace().next().unwrap();
            assert!(PAGE[s.span.start..].starts_with(first), "{s:?}");
        }
    }

    #[test]
    fn readability_replaces_trafilatura_only_inside_it() {
        let article = "The canal reopened to barges on Thursday after a dry summer. ".repeat(12);
        let with_links = format!(
            "{article}\nMayor resigns\nStorm warning issued\n{}",
            "Local team wins the cup final after extra time. ".repeat(10)
        );
        assert_eq!(
            cross_check(with_links.clone(), Some(article.clone())),
            article
        );
        // Too short to be the article, or not inside trafilatura's text: trafilatura's.
        assert_eq!(
            cross_check(with_links.clone(), Some("The canal reopened.".into())),
            with_links
        );
        let elsewhere = "Operators said they would resume their timetable next week. ".repeat(12);
        assert_eq!(cross_check(with_links.clone(), Some(elsewhere)), with_links);
        // About as long as trafilatura's: nothing gained by switching.
        assert_eq!(cross_check(article.clone(), Some(article.clone())), article);
        assert_eq!(cross_check(article.clone(), None), article);
    }

    #[test]
    fn tiny_page_falls_back_to_visible_text() {
        let page =
            "<html><body><p>Rain &amp; wind closed the pass.</p><script>x()</script></body></html>";
        let doc = ingest("t.html", page.as_bytes(), InputFormat::Html).unwrap();
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(texts.contains(&"Rain & wind closed the pass."), "{texts:?}");
        let b = &doc.blocks[0];
        assert!(page[b.map.to_original(0)..].starts_with("Rain"));
    }

    #[test]
    fn nesting_depth_counts_open_elements() {
        assert_eq!(
            nesting_depth("<html><body><div><p>a<p>b</div></body></html>"),
            3
        );
        assert_eq!(nesting_depth("<br><img src=x><hr/><x-y/>"), 0);
        assert_eq!(
            nesting_depth("<script>if (a<b) { <div><div> }</script><b>x</b>"),
            1
        );
        assert_eq!(nesting_depth(&"<div>".repeat(1000)), 1000);
        assert_eq!(nesting_depth("<!-- <div><div> --> 1 < 2 <"), 0);
    }

    #[test]
    fn deeply_nested_page_reads_without_the_extractor() {
        let depth = 20_000;
        let page = format!(
            "<html><body>{}<p>The pass closed after heavy snow on Sunday.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let doc = ingest("deep.html", page.as_bytes(), InputFormat::Html).unwrap();
        let b = &doc.blocks[0];
        assert_eq!(b.text, "The pass closed after heavy snow on Sunday.");
        assert!(page[b.map.to_original(0)..].starts_with("The pass closed"));
    }

    #[test]
    fn entities_decode() {
        assert_eq!(
            decode_entities("a &amp; b &#8217; &#x2014; &bogus; &"),
            "a & b ’ — &bogus; &"
        );
    }
}
