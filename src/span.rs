//! Source positions: mapping cleaned text back to the bytes of the input file, and byte
//! offsets to 1-based line and character column.
//!
//! Every later stage works on cleaned text (Markdown markers removed, chrome dropped), yet
//! every finding must point at `file:line:col` in the file the user gave. A [`SpanMap`] keeps
//! that link as a short list of piecewise-contiguous segments instead of a per-byte table.

use serde::Serialize;

/// A located piece of the input: byte range into the original file plus line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Span {
    /// Byte offset of the first byte, into the input as given.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

/// Maps byte offsets in a cleaned string to byte offsets in the original input.
///
/// Stored as sorted `(clean_offset, original_offset)` anchors; between two anchors the text
/// is a verbatim copy, so offsets advance together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanMap {
    anchors: Vec<(usize, usize)>,
}

impl SpanMap {
    /// A map for text copied verbatim from `original_start`.
    pub fn contiguous(original_start: usize) -> Self {
        SpanMap {
            anchors: vec![(0, original_start)],
        }
    }

    /// Records that cleaned offset `clean` corresponds to original offset `original`.
    /// Anchors must be pushed in increasing order of `clean`.
    pub fn push(&mut self, clean: usize, original: usize) {
        if let Some(last) = self.anchors.last_mut() {
            if last.0 == clean {
                *last = (clean, original);
                return;
            }
        }
        self.anchors.push((clean, original));
    }

    /// The original offset of cleaned offset `clean`.
    pub fn to_original(&self, clean: usize) -> usize {
        let idx = self.anchors.partition_point(|&(c, _)| c <= clean);
        match idx.checked_sub(1).and_then(|i| self.anchors.get(i)) {
            Some(&(c, o)) => o + (clean - c),
            None => self.anchors.first().map_or(clean, |&(_, o)| o),
        }
    }

    /// The sub-map for the cleaned range `from..to`, re-based so `from` becomes 0. Costs the
    /// number of anchors in the range, not in the whole map, so cutting a block into many
    /// sentences stays linear.
    pub fn window(&self, from: usize, to: usize) -> SpanMap {
        let mut out = SpanMap::contiguous(self.to_original(from));
        let first = self.anchors.partition_point(|&(c, _)| c <= from);
        for &(c, o) in &self.anchors[first..] {
            if c > to {
                break;
            }
            out.push(c - from, o);
        }
        out
    }

    /// The map of text cleaned a second time: `inner` maps it to the text this map cleans,
    /// and the result maps it straight to the original. Costs the anchors of both maps.
    pub fn compose(&self, inner: &SpanMap) -> SpanMap {
        let mut out = SpanMap::default();
        for (n, &(c, mid)) in inner.anchors.iter().enumerate() {
            out.push(c, self.to_original(mid));
            // The verbatim run of `inner` from this anchor to the next may cross anchors of
            // `self`; each of them starts a new verbatim run of the result.
            let run_end = inner.anchors.get(n + 1).map(|&(next, _)| mid + (next - c));
            let first = self.anchors.partition_point(|&(m, _)| m <= mid);
            for &(m, o) in &self.anchors[first..] {
                if run_end.is_some_and(|e| m >= e) {
                    break;
                }
                out.push(c + (m - mid), o);
            }
        }
        if out.anchors.is_empty() {
            return SpanMap::contiguous(self.to_original(0));
        }
        out
    }

    /// The sub-map for the cleaned range starting at `from`, re-based so `from` becomes 0.
    pub fn slice(&self, from: usize) -> SpanMap {
        let mut out = SpanMap::contiguous(self.to_original(from));
        for &(c, o) in &self.anchors {
            if c > from {
                out.push(c - from, o);
            }
        }
        out
    }
}

/// Turns byte offsets of a text into 1-based line and character-column positions.
///
/// A column is a count of characters, which a byte offset cannot give without counting.
/// Counting from the line start would make every lookup on a long line cost the line's
/// length (a 20 MB single-line file has 200,000 sentences on line 1), so character counts
/// are also recorded every few kilobytes and each lookup counts at most that far.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// `(byte offset, characters before it)`, ascending, starting with `(0, 0)`.
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between two recorded character counts.
const CHECKPOINT: usize = 4096;

impl LineIndex {
    /// Indexes `text`; `\n`, `\r\n` and a lone `\r` all end a line.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                line_starts.push(i + 1);
            }
        }
        // A checkpoint at the first character starting at or after every CHECKPOINT bytes
        // past the previous one. Characters are counted as the bytes that start one (all but
        // UTF-8 continuation bytes), which the compiler turns into wide loads.
        let mut checkpoints = vec![(0, 0)];
        let (mut at, mut chars) = (0, 0);
        let mut next = CHECKPOINT;
        while next < bytes.len() {
            let mut boundary = next;
            while !text.is_char_boundary(boundary) {
                boundary += 1;
            }
            if boundary >= bytes.len() {
                break;
            }
            chars += bytes[at..boundary]
                .iter()
                .filter(|&&b| (b as i8) >= -0x40)
                .count();
            checkpoints.push((boundary, chars));
            at = boundary;
            next = boundary + CHECKPOINT;
        }
        LineIndex {
            line_starts,
            checkpoints,
        }
    }

    /// Characters of `text` before byte `offset`, which must be a char boundary.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let k = self.checkpoints.partition_point(|&(b, _)| b <= offset);
        let (at, count) = self.checkpoints[k.saturating_sub(1)];
        count + text[at..offset].chars().count()
    }

    /// Line and column (both 1-based; column in characters) of byte `offset` in `text`.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let line_start = self.line_starts[line - 1];
        let column = if text.is_char_boundary(offset) {
            self.chars_before(text, offset) - self.chars_before(text, line_start)
        } else {
            offset - line_start
        } + 1;
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_across_checkpoints() {
        // Two- to four-byte characters straddle the checkpoint spacing, and every kind of line
        // end occurs: each position must equal the one found by walking the characters.
        let unit = "ab\u{e9}c\r\nd\u{20ac}\re\u{1F600}f\ng";
        let text = unit.repeat(CHECKPOINT / unit.len() * 3 + 7);
        let index = LineIndex::new(&text);
        let (mut line, mut column) = (1, 1);
        let mut chars = text.char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            assert_eq!(index.position(&text, offset), (line, column), "at {offset}");
            let crlf = c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n');
            if (c == '\n' || c == '\r') && !crlf {
                (line, column) = (line + 1, 1);
            } else {
                column += 1;
            }
        }
    }

    #[test]
    fn compose_crosses_anchors_of_both_maps() {
        // Outer: "ab" at 10, then "cd" at 20 (clean offsets 0..2 and 2..4).
        let mut outer = SpanMap::contiguous(10);
        outer.push(2, 20);
        // Inner keeps clean 1..4 ("bcd"), dropping "a".
        let inner = SpanMap::contiguous(1);
        let m = outer.compose(&inner);
        assert_eq!(m.to_original(0), 11);
        assert_eq!(m.to_original(1), 20);
        assert_eq!(m.to_original(2), 21);
        // Inner jumps: rendered 0..1 is clean 0, rendered 1.. is clean 3.
        let mut inner = SpanMap::contiguous(0);
        inner.push(1, 3);
        let m = outer.compose(&inner);
        assert_eq!(m.to_original(0), 10);
        assert_eq!(m.to_original(1), 21);
    }

    #[test]
    fn map_follows_anchors() {
        let mut m = SpanMap::contiguous(10);
        m.push(5, 20);
        assert_eq!(m.to_original(0), 10);
        assert_eq!(m.to_original(4), 14);
        assert_eq!(m.to_original(5), 20);
        assert_eq!(m.to_original(7), 22);
        let s = m.slice(3);
        assert_eq!(s.to_original(0), 13);
        assert_eq!(s.to_original(2), 20);
        m.push(9, 40);
        let w = m.window(3, 6);
        assert_eq!(
            w,
            SpanMap {
                anchors: vec![(0, 13), (2, 20)]
            }
        );
        assert_eq!(m.window(5, 9).to_original(4), 40);
    }

    #[test]
    fn line_index_handles_crlf_and_lone_cr() {
        let t = "ab\r\ncd\ref\nλx";
        let ix = LineIndex::new(t);
        assert_eq!(ix.position(t, 0), (1, 1));
        assert_eq!(ix.position(t, 4), (2, 1));
        assert_eq!(ix.position(t, 7), (3, 1));
        assert_eq!(ix.position(t, t.len() - 1), (4, 2));
    }

    #[test]
    fn columns_on_a_long_line_count_characters() {
        let t = "é".repeat(5000) + "x\n" + &"ü".repeat(3000) + "y";
        let ix = LineIndex::new(&t);
        assert_eq!(ix.position(&t, 10_000), (1, 5001));
        assert_eq!(ix.position(&t, 10_002 + 6000), (2, 3001));
        for offset in (0..t.len()).step_by(997) {
            let line_start = t.as_bytes()[..offset]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let expected = t
                .get(line_start..offset)
                .map_or(offset - line_start, |s| s.chars().count())
                + 1;
            assert_eq!(ix.position(&t, offset).1, expected, "{offset}");
        }
    }
}
