//! Quantities in a sentence: numbers with their unit, ranges, money, percentages, years, dates.
//!
//! This module owns every decision about what a number in news text *means*: "$150 billion" is
//! money in US dollars, "10,000 to 12,000 troops" is a range of troops, "in 2018" is a year and
//! not a count, "Nov. 3" is a date. Later stages (align, judge) compare quantities between
//! articles, so two reports of the same figure must normalise to the same value and unit, and
//! noise (model names, scores, identifiers) must stay out because every spurious number is a
//! spurious "difference" downstream.
//!
//! The scanner is hand written: text is cut once into word / number / symbol tokens, then a
//! small recursive-descent reader tries to read a quantity at each token. Every lookahead is
//! bounded by a small constant, so the whole pass is linear in the input and cannot blow up the
//! way a backtracking regex can; token access goes through `get` and byte loops check their
//! bounds, so no input can panic it. Two things keep it fast: readers only start within a few
//! tokens before an *anchor* (a digit, number word, currency sign or code), found through a
//! three-letter prefix table, and long texts are read in cache-sized pieces cut at line or
//! sentence ends.
//!
//! Conventions worth knowing downstream:
//! - Four plain digits between 1000 and 2199 are a `Year` unless a plural noun follows right
//!   after with nothing possessive before ("2018 troops" is a count, "its 2018 sales" a year).
//! - Ranges keep `low <= high` even for changes written "from 5.1 to 4.9"; "more than 40 and
//!   less than 60" is one range; "dozens of" / "tens of thousands of" are order-of-magnitude
//!   ranges ([12, 120], [10 000, 100 000]) marked `approx`.
//! - Numbers that are parts of names are dropped: digits glued to letters ("CO2", "COVID-19",
//!   "5G"), a bare integer after or before a capitalised name ("Galaxy S9", "747 Jumbo"),
//!   tied scores ("2-2"). "one" is dropped as a pronoun ("the one", "each one") and as a name
//!   ("Formula One").
//! - "pounds" is money (GBP) only with a scale word or "sterling" ("5 million pounds");
//!   otherwise it is weight (`lb`). "won" is money only after a scaled number.
//! - Money units are ISO 4217 codes; minor units are `cent`, `pence`, `sen`. Counted nouns
//!   are singular lowercase lemmas; measures use short symbols (`km`, `kg`, `mph`, `°C`).

use serde::Serialize;

#[cfg(test)]
mod tests;
mod words;

use words::*;

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    /// A count of things ("12,000 troops").
    Count,
    /// An amount of money ("$150 billion").
    Money,
    /// A percentage.
    Percent,
    /// A physical measure with a unit ("300 km").
    Measure,
    /// A calendar year ("in 2018").
    Year,
    /// A calendar date.
    Date,
    /// An ordinal ("third").
    Ordinal,
    /// A span of time ("three years").
    Duration,
    /// An amount per period ("10 to 20 weapons annually").
    Rate,
    /// A clock time ("10:30 p.m."); kept apart so it is never read as a count.
    Time,
}

/// How a value bounds the true figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// The figure is the value (or lies in the range).
    #[default]
    Exact,
    /// "at least", "more than", "over": the figure is at or above `low`.
    AtLeast,
    /// "up to", "less than", "under": the figure is at or below `high`.
    AtMost,
}

/// One quantity found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// The words as written ("10,000 to 12,000 troops").
    pub text: String,
    /// Byte offset of `text` in the searched string.
    pub start: usize,
    /// Byte offset one past the end of `text`.
    pub end: usize,
    /// The single value; `None` for a range, and for dates and clock times, whose value is
    /// the ISO string in `normalized` (their `low`/`high` are 0).
    pub value: Option<f64>,
    /// Lower end (equal to `value` for a single number).
    pub low: f64,
    /// Upper end (equal to `value` for a single number).
    pub high: f64,
    /// Normalised unit: `USD`, `percent`, `km`, or the counted noun's lemma (`troop`).
    pub unit: String,
    /// What the quantity measures.
    pub kind: QuantityKind,
    /// Hedged by "about", "nearly", "roughly"…
    pub approx: bool,
    /// Open-ended bound ("at least", "up to").
    pub bound: Bound,
    /// For rates, the period or denominator ("year", "day").
    pub per: Option<String>,
    /// ISO 8601 form for dates ("2019-03-03", "--11-03" without a year, "2019-03") and
    /// "HH:MM" for clock times; `None` for other kinds. Such quantities also carry the same
    /// moment as one number in `value`/`low`/`high` (20190303, 1103, 201903 × 100, 730).
    pub normalized: Option<String>,
}

/// Every quantity in `text`, in order of appearance, non-overlapping.
pub fn quantities(text: &str) -> Vec<Quantity> {
    // Long texts are read in pieces cut at line or sentence ends, so the token buffer stays
    // small and in cache; a quantity never spans such a cut.
    const CHUNK: usize = 32 * 1024;
    // A text read as one piece (see `chunk_end`) with no anchor yields nothing; longer texts
    // may be cut inside a run of letters, so they are always read.
    if text.len() <= 2 * CHUNK && !may_hold_quantity(text) {
        return Vec::new();
    }
    // News text holds a quantity every few hundred bytes; reserving avoids regrowth.
    let mut out = Vec::with_capacity((text.len() / 256).min(1 << 16));
    let mut start = 0;
    thread_local! {
        static BUFS: std::cell::Cell<Bufs> = Default::default();
    }
    // Token and lowercase buffers are reused from piece to piece, and from call to call on
    // one thread: the pipeline calls this once per sentence.
    let mut bufs = BUFS.with(std::cell::Cell::take);
    while start < text.len() {
        let end = chunk_end(text, start, CHUNK);
        let piece = text.get(start..end).unwrap_or("");
        let before = out.len();
        quantities_in(piece, &mut out, &mut bufs);
        if start > 0 {
            for q in &mut out[before..] {
                q.start += start;
                q.end += start;
            }
        }
        start = end;
    }
    // A huge text's buffers are not kept for the many sentences after it.
    if bufs.0.capacity() <= 1 << 12 {
        let _ = BUFS.try_with(|b| b.set(bufs));
    }
    for q in &mut out {
        if let Some(v) = q.normalized.as_deref().and_then(calendar_number) {
            q.value = Some(v);
            q.low = v;
            q.high = v;
        }
    }
    out
}

/// A date or time as one sortable number, so it is a single value like any other:
/// `2019-03-14` → 20190314, `2019-03` → 20190300, `--03-14` (no year) → 314, `07:30` → 730.
fn calendar_number(iso: &str) -> Option<f64> {
    let digits: String = iso.chars().filter(char::is_ascii_digit).collect();
    let n: f64 = digits.parse().ok()?;
    Some(match (iso.starts_with("--"), iso.len()) {
        (false, 7) => n * 100.0,
        _ => n,
    })
}

/// Where the piece of `text` starting at `start` ends: the first line end after `chunk`
/// bytes, else the first ". " before a capital, else the first space, else (a text without
/// spaces) the first character boundary after `2 * chunk` bytes. Pieces never exceed about
/// `2 * chunk` bytes, which the 32-bit token offsets rely on.
fn chunk_end(text: &str, start: usize, chunk: usize) -> usize {
    let b = text.as_bytes();
    let lo = start + chunk;
    if lo + chunk >= b.len() {
        return b.len();
    }
    let hi = (lo + chunk).min(b.len());
    let window = &b[lo..hi];
    if let Some(p) = window.iter().position(|&c| c == b'\n') {
        return lo + p + 1;
    }
    if let Some(p) = window
        .windows(3)
        .position(|w| w[0] == b'.' && w[1] == b' ' && w[2].is_ascii_uppercase())
    {
        return lo + p + 2;
    }
    if let Some(p) = window.iter().position(|&c| c == b' ') {
        return lo + p + 1;
    }
    // No space at all: cut at a character boundary so every piece stays small.
    let mut cut = hi;
    while cut < b.len() && !text.is_char_boundary(cut) {
        cut += 1;
    }
    cut
}

/// The scanner's buffers, kept from piece to piece: tokens, lowercase arena, anchor indices.
type Bufs = (Vec<Tok>, String, Vec<u32>);

fn quantities_in(text: &str, out: &mut Vec<Quantity>, bufs: &mut Bufs) {
    let (mut toks, mut arena, mut anchors) = std::mem::take(bufs);
    toks.clear();
    arena.clear();
    anchors.clear();
    let mut sc = Scanner::new(text, toks, arena, anchors);
    let n = sc.toks.len();
    let first = out.len();
    let mut i = 0;
    // Every quantity contains an anchor (a digit, number word, currency sign…) no more than
    // WINDOW tokens after its first token, so stretches of plain words are skipped whole.
    const WINDOW: usize = 6;
    let mut anchor = 0;
    // The next of the anchors, listed in order while tokenizing.
    let mut next_anchor = 0;
    while i < n {
        anchor = anchor.max(i);
        while sc
            .anchors
            .get(next_anchor)
            .is_some_and(|&a| (a as usize) < anchor)
        {
            next_anchor += 1;
        }
        anchor = sc.anchors.get(next_anchor).map_or(n, |&a| a as usize);
        if anchor >= n {
            break;
        }
        if anchor > i + WINDOW {
            i = anchor - WINDOW;
        }
        match sc.read_at(i) {
            Some((mut q, next)) => {
                // "from about 14-18 mpg to 24": the figure after "to" shares the unit.
                if q.unit.is_empty()
                    && q.kind == QuantityKind::Count
                    && i >= 2
                    && sc.w(i - 1) == "to"
                {
                    let prev = out[first..].last();
                    let touches =
                        |p: &Quantity| sc.tok(i - 2).is_some_and(|t| t.e as usize == p.end);
                    if let Some(p) = prev.filter(|p| {
                        touches(p)
                            && p.text.starts_with("from ")
                            && matches!(
                                p.kind,
                                QuantityKind::Measure | QuantityKind::Percent | QuantityKind::Money
                            )
                    }) {
                        q.unit = p.unit.clone();
                        q.kind = p.kind;
                        q.per = p.per.clone();
                    }
                }
                out.push(q);
                i = next.max(i + 1);
            }
            None => i = (i + 1).max(sc.skip.get()),
        }
    }
    *bufs = (sc.toks, sc.arena, sc.anchors);
}

/// Whether a word token is an anchor (see `Scanner::is_anchor`), from its text `raw`, its
/// lowercase form `w` and whether a "$" token follows it: the test `word_is_anchor` ends
/// with comes first, inline, because most words fail it.
#[inline(always)]
fn word_token_is_anchor(raw: &str, w: &str, dollar_follows: bool) -> bool {
    let code_like = raw.len() <= 4 && raw.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    if !code_like && (w.len() < 3 || !may_be(&ANCHOR_PREFIX, w)) {
        return false;
    }
    word_is_anchor(raw, w, dollar_follows)
}

/// [`word_token_is_anchor`] without its first filter.
fn word_is_anchor(raw: &str, w: &str, dollar_follows: bool) -> bool {
    let b = raw.as_bytes();
    // Currency prefixes and codes are short ("US", "HK", "RM", "MUSD") and, unless a "$"
    // follows, all capitals or "Rs": a capitalised word ("The", "In") skips the code tests.
    let code_like = b.len() <= 4
        && b.first().is_some_and(u8::is_ascii_uppercase)
        && (dollar_follows || b.iter().all(u8::is_ascii_uppercase) || raw == "Rs");
    if code_like
        && (currency_prefix_word(raw, w, dollar_follows) || million_code_of(raw, w).is_some())
    {
        return true;
    }
    // Most words are ruled out by their first three letters and length, inline.
    if w.len() < 3 || !may_be(&ANCHOR_PREFIX, w) {
        return false;
    }
    is_anchor_word(w)
}

/// Whether a word (text `raw`, lowercase `w`, "" for a non-word) is a currency prefix.
#[inline(never)]
fn currency_prefix_word(raw: &str, w: &str, dollar_follows: bool) -> bool {
    if w.is_empty() {
        return false;
    }
    // Only uppercase codes count ("USD25m", "RM7.80", "Y=120"): lowercase "us" is a pronoun.
    let upper = raw.chars().all(|c| c.is_ascii_uppercase());
    // Lowercased wire text writes "c $ 45", "hk $ 60".
    let before_dollar = dollar_follows && !matches!(w, "a" | "s" | "r");
    (upper && (iso_code(w).is_some() || dollar_prefix(w).is_some() || w == "y"))
        || (before_dollar && dollar_prefix(w).is_some())
        || raw == "Rs"
        || raw == "PS"
}

/// "MUSD 12", "MAUD 40": finance shorthand for millions (text `raw`, lowercase `w`).
fn million_code_of(raw: &str, w: &str) -> Option<&'static str> {
    if raw.len() == 4 && raw.starts_with('M') && raw.chars().all(|c| c.is_ascii_uppercase()) {
        iso_code(&w[1..])
    } else {
        None
    }
}

/// False only when `text` certainly holds no anchor, so no quantity: it is ASCII without a
/// digit or an anchor symbol, and none of its words (runs of letters, as `Scanner::tokenize`
/// reads them) is an anchor. Most news sentences state no figure; this one pass over their
/// bytes costs a fraction of tokenising them.
fn may_hold_quantity(text: &str) -> bool {
    let b = text.as_bytes();
    let class = byte_classes();
    // Most sentences that state a figure hold a digit: eight bytes per branch find it
    // before any word is looked at.
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(c);
        if anchor_bytes(u64::from_le_bytes(bytes)) != 0 {
            return true;
        }
    }
    if chunks
        .remainder()
        .iter()
        .any(|&x| class[usize::from(x)] == ANCHOR)
    {
        return true;
    }
    // No anchor byte, so the text is ASCII: only an anchor word can start a quantity.
    let mut i = 0;
    while i < b.len() {
        match class[usize::from(b[i])] {
            LETTER => {
                let s = i;
                i = ascii_letters_end(b, i + 1).0;
                let len = i - s;
                // Most words are ruled out here, from their bytes, before `word_may_anchor`
                // looks at them: by their first three letters and length, and as codes by
                // their first letter.
                let prefix_may = len >= 3 && {
                    let l = |k: usize| usize::from((b[s + k] | 0x20) - b'a');
                    ANCHOR_PREFIX[(l(0) * 26 + l(1)) * 26 + l(2)] & (1 << len.min(15)) != 0
                };
                let code_may = len <= 4 && b[s].is_ascii_uppercase();
                if (prefix_may || code_may) && word_may_anchor(&text[s..i]) {
                    return true;
                }
            }
            ANCHOR => return true,
            _ => i += 1,
        }
    }
    false
}

/// Where the run of ASCII letters in `b` going on at `i` ends, and whether it holds a
/// capital; any other byte, ASCII or not, ends it. Eight bytes are tested at once, as words
/// are seldom longer.
fn ascii_letters_end(b: &[u8], mut i: usize) -> (usize, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let mut upper = false;
    while let Some(c) = b.get(i..i + 8) {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(c);
        let x = u64::from_le_bytes(bytes);
        // High bits cleared, no byte carries into its neighbour; OR 0x20 turns exactly the
        // ASCII letters into lowercase letters, whose high bit adding 0x1f then sets and
        // adding 0x05 does not. Bytes above 0x7f are never letters.
        let y = (x & !HIGH) | (ONES * 0x20);
        let letters = y.wrapping_add(ONES * 0x1f) & !y.wrapping_add(ONES * 0x05) & !x & HIGH;
        // Capitals are the letters with bit 0x20 clear.
        let caps = letters & !(x << 2);
        let other = !letters & HIGH;
        if other != 0 {
            let before = (other & other.wrapping_neg()) - 1;
            return (
                i + (other.trailing_zeros() / 8) as usize,
                upper || caps & before != 0,
            );
        }
        upper |= caps != 0;
        i += 8;
    }
    while let Some(c) = b.get(i).filter(|c| c.is_ascii_alphabetic()) {
        upper |= c.is_ascii_uppercase();
        i += 1;
    }
    (i, upper)
}

/// The high bit of every byte of `x` that [`byte_classes`] calls `ANCHOR`: a byte above
/// 0x7f, an ASCII digit or "$" (the only ASCII currency sign or fraction), eight at once.
fn anchor_bytes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // High bits cleared, no byte carries into its neighbour: adding 0x50 sets a byte's high
    // bit from '0' on and adding 0x46 from past '9'; a byte equal to '$' is the one whose
    // XOR with it stays zero after adding 0x7f.
    let y = x & !HIGH;
    let digits = y.wrapping_add(ONES * 0x50) & !y.wrapping_add(ONES * 0x46);
    let dollar = !(y ^ (ONES * u64::from(b'$'))).wrapping_add(ONES * 0x7f);
    (x | digits | dollar) & HIGH
}

/// [`byte_classes`]: an ASCII letter.
const LETTER: u8 = 1;
/// [`byte_classes`]: a digit, an anchor symbol, or a byte of a non-ASCII character (which the
/// pre-scan leaves to the scanner).
const ANCHOR: u8 = 2;

/// The class of every byte for [`may_hold_quantity`]; anchor symbols are asked of the same
/// functions `Scanner::tokenize` asks for symbol tokens.
fn byte_classes() -> &'static [u8; 256] {
    static CLASSES: std::sync::OnceLock<[u8; 256]> = std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut t = [0u8; 256];
        for (b, class) in (0u8..=255).zip(t.iter_mut()) {
            let c = char::from(b);
            *class = if b.is_ascii_alphabetic() {
                LETTER
            } else if !b.is_ascii()
                || b.is_ascii_digit()
                || symbol_currency(c).is_some()
                || vulgar(c).is_some()
            {
                ANCHOR
            } else {
                0
            };
        }
        t
    })
}

/// [`word_is_anchor`] for a run of ASCII letters with no "$" after it; most words are ruled
/// out by their first three letters and length before they are lowercased.
fn word_may_anchor(raw: &str) -> bool {
    let b = raw.as_bytes();
    // Only these can be currency prefixes or codes: all capitals ("US", "MUSD") or "Rs".
    let code_like = b.len() <= 4
        && b.first().is_some_and(u8::is_ascii_uppercase)
        && (b.iter().all(u8::is_ascii_uppercase) || raw == "Rs");
    if !code_like {
        if b.len() < 3 {
            return false;
        }
        // ASCII letters OR 0x20 are lowercase letters, as `prefix_index` wants them.
        let head = [b[0] | 0x20, b[1] | 0x20, b[2] | 0x20];
        if prefix_index(&head).is_some_and(|ix| ANCHOR_PREFIX[ix] & (1 << b.len().min(15)) == 0) {
            return false;
        }
    }
    let mut buf = [0u8; 16];
    match buf.get_mut(..b.len()) {
        Some(lower) => {
            lower.copy_from_slice(b);
            lower.make_ascii_lowercase();
            // Lowercased ASCII letters are valid UTF-8.
            word_is_anchor(raw, std::str::from_utf8(lower).unwrap_or(""), false)
        }
        None => word_is_anchor(raw, &raw.to_ascii_lowercase(), false),
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens

/// Marks a word whose lowercase form is the text itself.
const IN_TEXT: u32 = u32::MAX;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Tk {
    Word,
    Num,
    Sym(char),
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    /// Byte span in the piece being read; pieces are far below 4 GiB (see `chunk_end`), so
    /// 32 bits keep the token small and the buffer in cache.
    s: u32,
    e: u32,
    kind: Tk,
    /// Whitespace (or the start of the text) precedes this token.
    sp: bool,
    /// Lowercased form in the scanner's arena (words only).
    ls: u32,
    le: u32,
    /// Numbers: value, integer-part digit count, and whether written without separators or
    /// decimals (years and day-of-month numbers must be).
    val: f64,
    ndig: u32,
    plain: bool,
    /// Set while tokenizing: see `Scanner::is_anchor`.
    anchor: bool,
}

struct Scanner<'a> {
    text: &'a str,
    /// Set when a reader recognised something that is not a quantity (a tied score "2-2"):
    /// scanning resumes after it instead of re-reading its parts.
    skip: std::cell::Cell<usize>,
    /// Guards the one level of look-ahead used to join "more than X and less than Y".
    nested: std::cell::Cell<bool>,
    toks: Vec<Tok>,
    arena: String,
    /// Indices of the anchor tokens, in order.
    anchors: Vec<u32>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, mut toks: Vec<Tok>, mut arena: String, anchors: Vec<u32>) -> Self {
        toks.reserve(text.len() / 5 + 4);
        arena.reserve(text.len() / 4 + 16);
        let mut sc = Scanner {
            text,
            skip: std::cell::Cell::new(0),
            nested: std::cell::Cell::new(false),
            toks,
            arena,
            anchors,
        };
        sc.tokenize();
        sc
    }

    fn tokenize(&mut self) {
        let text = self.text;
        let b = text.as_bytes();
        let classes = byte_classes();
        let mut i = 0;
        let mut sp = true;
        let mut numbuf = String::new();
        while i < b.len() {
            let c = b[i];
            // Most tokens are ASCII words: they skip the tests for the others.
            if c.is_ascii_alphabetic() {
                i = self.push_word(i, sp);
                sp = false;
                continue;
            }
            if c.is_ascii_whitespace() {
                sp = true;
                i += 1;
                continue;
            }
            let lead_dot = c == b'.'
                && b.get(i + 1).is_some_and(|d| d.is_ascii_digit())
                && (i == 0 || !b[i - 1].is_ascii_digit());
            if c.is_ascii_digit() || lead_dot {
                let s = i;
                let mut plain = true;
                let mut ndig = 0u32;
                while i < b.len() && b[i].is_ascii_digit() {
                    ndig = ndig.saturating_add(1);
                    i += 1;
                }
                // Most numbers are short integers followed by none of the bytes that could
                // go on with them (separators, decimals, exponents, spaced groups): their
                // value is read from the digits at once.
                let goes_on = match b.get(i) {
                    Some(b',' | b'.' | b'e' | b'E') => true,
                    Some(b' ') => ndig <= 3 && b.get(i + 1).is_some_and(u8::is_ascii_digit),
                    Some(0xc2 | 0xe2) => ndig <= 3,
                    _ => false,
                };
                if !goes_on && (1..=15).contains(&ndig) {
                    self.push_num(s..i, sp, digits_value(&b[s..i]), ndig, plain);
                    sp = false;
                    continue;
                }
                numbuf.clear();
                numbuf.push_str(&text[s..i]);
                // Indian grouping "14,52,309": pairs of digits, then a final group of three.
                if (1..=2).contains(&ndig) && b.get(i) == Some(&b',') {
                    let mut k = i;
                    let mut pairs = 0;
                    while b.get(k) == Some(&b',')
                        && b.get(k + 1..k + 3)
                            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                        && b.get(k + 3) == Some(&b',')
                    {
                        k += 3;
                        pairs += 1;
                    }
                    let last = b.get(k) == Some(&b',')
                        && b.get(k + 1..k + 4)
                            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                        && !b.get(k + 4).is_some_and(|d| d.is_ascii_digit());
                    if pairs > 0 && last {
                        for c in text[i..k + 4].chars().filter(char::is_ascii_digit) {
                            numbuf.push(c);
                        }
                        ndig = ndig.saturating_add(2 * pairs + 3);
                        plain = false;
                        i = k + 4;
                    }
                }
                // Thousands groups: exactly three digits after each comma.
                while i + 3 < b.len()
                    && b[i] == b','
                    && ndig > 0
                    && b[i + 1].is_ascii_digit()
                    && b[i + 2].is_ascii_digit()
                    && b[i + 3].is_ascii_digit()
                    && !b.get(i + 4).is_some_and(|d| d.is_ascii_digit())
                {
                    numbuf.push_str(&text[i + 1..i + 4]);
                    ndig = ndig.saturating_add(3);
                    plain = false;
                    i += 4;
                }
                // Thousands grouped with spaces ("52 000", "2 718 281 828"): only after a lead
                // group of one to three digits, and only whole groups of three.
                if plain && (1..=3).contains(&ndig) {
                    loop {
                        let sep = if b.get(i) == Some(&b' ') {
                            1
                        } else if text[i..].starts_with('\u{a0}') {
                            2
                        } else if text[i..].starts_with('\u{202f}')
                            || text[i..].starts_with('\u{2009}')
                        {
                            3
                        } else {
                            0
                        };
                        let g = i + sep;
                        let group = sep > 0
                            && b.get(g..g + 3)
                                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                            && !b.get(g + 3).is_some_and(|c| c.is_ascii_alphanumeric());
                        if !group {
                            break;
                        }
                        numbuf.push_str(&text[g..g + 3]);
                        ndig = ndig.saturating_add(3);
                        plain = false;
                        i = g + 3;
                    }
                }
                if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
                    plain = false;
                    numbuf.push('.');
                    i += 1;
                    while i < b.len() && b[i].is_ascii_digit() {
                        numbuf.push(b[i] as char);
                        i += 1;
                    }
                }
                // Scientific notation "3e8", "6.67e-11".
                if matches!(b.get(i), Some(b'e' | b'E')) {
                    let mut k = i + 1;
                    if matches!(b.get(k), Some(b'-' | b'+')) {
                        k += 1;
                    }
                    let ds = k;
                    while b.get(k).is_some_and(|c| c.is_ascii_digit()) {
                        k += 1;
                    }
                    if k > ds && k - ds <= 3 && !b.get(k).is_some_and(|c| c.is_ascii_alphabetic()) {
                        numbuf.push_str(&text[i..k]);
                        plain = false;
                        i = k;
                    }
                }
                if numbuf.starts_with('.') {
                    numbuf.insert(0, '0');
                }
                // Short plain integers (most numbers) need no float parsing.
                let val = if plain && ndig <= 15 {
                    digits_value(numbuf.as_bytes())
                } else {
                    numbuf.parse::<f64>().unwrap_or(f64::NAN)
                };
                self.push_num(s..i, sp, val, ndig, plain);
                sp = false;
                continue;
            }
            // An ASCII byte is its own character: no slicing or decoding for most tokens.
            let ch = if c.is_ascii() {
                char::from(c)
            } else {
                match text[i..].chars().next() {
                    Some(ch) => ch,
                    None => break,
                }
            };
            if is_word_char(ch) {
                i = self.push_word(i, sp);
                sp = false;
                continue;
            }
            i += ch.len_utf8();
            if ch.is_whitespace() {
                sp = true;
                continue;
            }
            // A "$" after a word may make that word a currency prefix ("HK $").
            if ch == '$' {
                if let Some(t) = self
                    .toks
                    .last_mut()
                    .filter(|t| t.kind == Tk::Word && !t.anchor)
                {
                    let raw = &text[t.s as usize..t.e as usize];
                    let w = if t.ls == IN_TEXT {
                        raw
                    } else {
                        &self.arena[t.ls as usize..t.le as usize]
                    };
                    t.anchor = word_token_is_anchor(raw, w, true);
                    if t.anchor {
                        self.anchors.push((self.toks.len() - 1) as u32);
                    }
                }
            }
            let anchor = if c.is_ascii() {
                classes[usize::from(c)] == ANCHOR
            } else {
                symbol_currency(ch).is_some() || vulgar(ch).is_some()
            };
            self.push_tok(Tok {
                s: (i - ch.len_utf8()) as u32,
                e: i as u32,
                kind: Tk::Sym(ch),
                sp,
                ls: 0,
                le: 0,
                val: 0.0,
                ndig: 0,
                plain: false,
                anchor,
            });
            sp = false;
        }
    }

    /// Pushes the word starting at byte `s` (a letter), `sp` telling whether whitespace
    /// precedes it; returns where it ends.
    fn push_word(&mut self, s: usize, sp: bool) -> usize {
        let text = self.text;
        let b = text.as_bytes();
        let mut i = s;
        let mut upper = false;
        let mut ascii = true;
        loop {
            let (end, caps) = ascii_letters_end(b, i);
            i = end;
            upper |= caps;
            if b.get(i).is_none_or(u8::is_ascii) {
                break;
            }
            match text[i..].chars().next() {
                Some(ch2) if is_word_char(ch2) => {
                    ascii = false;
                    i += ch2.len_utf8();
                }
                _ => break,
            }
        }
        // Lowercase ASCII words are read straight from the text; only the others
        // get a lowercased copy in the arena.
        let (ls, le) = if ascii && !upper {
            (IN_TEXT as usize, IN_TEXT as usize)
        } else if ascii {
            let ls = self.arena.len();
            self.arena.push_str(&text[s..i]);
            self.arena[ls..].make_ascii_lowercase();
            (ls, self.arena.len())
        } else {
            let ls = self.arena.len();
            for ch2 in text[s..i].chars() {
                for lc in ch2.to_lowercase() {
                    self.arena.push(lc);
                }
            }
            (ls, self.arena.len())
        };
        let raw = &text[s..i];
        let w = if ls == IN_TEXT as usize {
            raw
        } else {
            &self.arena[ls..le]
        };
        self.push_tok(Tok {
            s: s as u32,
            e: i as u32,
            kind: Tk::Word,
            sp,
            ls: ls as u32,
            le: le as u32,
            val: 0.0,
            ndig: 0,
            plain: false,
            anchor: word_token_is_anchor(raw, w, false),
        });
        i
    }

    /// A number token over `span`: every number is an anchor.
    fn push_num(
        &mut self,
        span: std::ops::Range<usize>,
        sp: bool,
        val: f64,
        ndig: u32,
        plain: bool,
    ) {
        self.push_tok(Tok {
            s: span.start as u32,
            e: span.end as u32,
            kind: Tk::Num,
            sp,
            ls: 0,
            le: 0,
            val,
            ndig,
            plain,
            anchor: true,
        });
    }

    fn push_tok(&mut self, t: Tok) {
        if t.anchor {
            self.anchors.push(self.toks.len() as u32);
        }
        self.toks.push(t);
    }

    /// Tokens every quantity must contain: digits, number words, currency signs and codes.
    fn is_anchor(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.anchor)
    }

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// Lowercased word at `i`, or "" when `i` is not a word.
    #[inline]
    fn w(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.kind == Tk::Word => {
                if t.ls == IN_TEXT {
                    self.text.get(t.s as usize..t.e as usize).unwrap_or("")
                } else {
                    self.arena.get(t.ls as usize..t.le as usize).unwrap_or("")
                }
            }
            _ => "",
        }
    }

    fn raw(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self.text.get(t.s as usize..t.e as usize).unwrap_or(""),
            None => "",
        }
    }

    fn is_sym(&self, i: usize, c: char) -> bool {
        matches!(self.toks.get(i), Some(t) if t.kind == Tk::Sym(c))
    }

    fn is_num(&self, i: usize) -> bool {
        matches!(self.toks.get(i), Some(t) if t.kind == Tk::Num && t.val.is_finite())
    }

    /// Token `i` directly touches the previous one (no whitespace between).
    fn attached(&self, i: usize) -> bool {
        matches!(self.toks.get(i), Some(t) if !t.sp) && i > 0
    }

    fn is_capitalized(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(|c| c.is_uppercase())
    }

    /// Any capital letter: names like "iPhone" or "DAX".
    fn has_capital(&self, i: usize) -> bool {
        self.raw(i).chars().any(|c| c.is_uppercase())
    }

    /// Token `i` starts a sentence (or the text).
    fn sentence_start(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        matches!(self.toks.get(i - 1), Some(t) if matches!(t.kind, Tk::Sym('.' | '!' | '?' | ':' | '"' | '“' | '(' | '\n')))
    }

    // -----------------------------------------------------------------------------------------
    // Reading one quantity

    fn read_at(&mut self, i: usize) -> Option<(Quantity, usize)> {
        let t = *self.tok(i)?;
        match t.kind {
            Tk::Num => {}
            Tk::Word => {
                let w = self.w(i);
                // Lowercased wire text ("c $ 45") puts a currency prefix before "$".
                let currency_word = self.is_sym(i + 1, '$') && self.is_currency_prefix_word(i);
                if !(could_start(w) || self.is_anchor(i) || currency_word) {
                    return None;
                }
                // Frequent short words start a quantity only in fixed phrases; checking the
                // next word here keeps them off the slow path.
                let ok = match w {
                    "a" | "an" => self.is_anchor(i + 1) || self.w(i + 1) == "estimated",
                    "in" => self.w(i + 1) == "excess",
                    "at" => matches!(self.w(i + 1), "least" | "most" | "minimum" | "maximum"),
                    "up" => self.w(i + 1) == "to",
                    "as" => matches!(self.w(i + 1), "many" | "much" | "high"),
                    _ => true,
                };
                if !ok {
                    return None;
                }
            }
            Tk::Sym(c) => {
                if symbol_currency(c).is_none()
                    && vulgar(c).is_none()
                    && !matches!(c, '>' | '<' | '≥' | '≤')
                    && !matches!(
                        c,
                        '$' | '€'
                            | '£'
                            | '¥'
                            | '₩'
                            | '₹'
                            | '₽'
                            | '₪'
                            | '₺'
                            | '-'
                            | '−'
                            | '+'
                            | '~'
                            | '≈'
                            | '½'
                            | '¼'
                            | '¾'
                            | '⅓'
                            | '⅔'
                    )
                {
                    return None;
                }
            }
        }
        if let Some(r) = self.read_date(i) {
            return Some(r);
        }
        if let Some(r) = self.read_time(i) {
            return Some(r);
        }
        // "the twenty-first century" is an ordinal, not twenty and a first.
        if tens(self.w(i)).is_some()
            && self.is_sym(i + 1, '-')
            && self.attached(i + 1)
            && ordinal_word(self.w(i + 2)).is_some()
        {
            return self.read_ordinal(i);
        }
        if let Some(r) = self.read_quantity(i) {
            return Some(r);
        }
        self.read_ordinal(i)
    }

    /// A date over tokens `s..e` with its ISO form, and where reading resumes.
    fn date(&self, s: usize, e: usize, iso: String) -> (Quantity, usize) {
        let mut q = self.make(s, e);
        q.kind = QuantityKind::Date;
        q.unit = "date".into();
        q.normalized = Some(iso);
        (q, e)
    }

    fn make(&self, s: usize, e: usize) -> Quantity {
        let start = self.toks.get(s).map_or(0, |t| t.s as usize);
        let end = self
            .toks
            .get(e.saturating_sub(1))
            .map_or(start, |t| t.e as usize)
            .max(start);
        Quantity {
            text: self.text.get(start..end).unwrap_or("").to_string(),
            start,
            end,
            value: None,
            low: 0.0,
            high: 0.0,
            unit: String::new(),
            kind: QuantityKind::Count,
            approx: false,
            bound: Bound::Exact,
            per: None,
            normalized: None,
        }
    }

    /// An integer number token between `lo` and `hi` written without separators.
    fn small_int(&self, i: usize, lo: f64, hi: f64) -> Option<u32> {
        let t = self.tok(i)?;
        if t.kind == Tk::Num && t.plain && t.val >= lo && t.val <= hi && t.val.fract() == 0.0 {
            Some(t.val as u32)
        } else {
            None
        }
    }

    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let d = self.small_int(i, 1.0, 31.0)?;
        let mut j = i + 1;
        if self.attached(j) && matches!(self.w(j), "st" | "nd" | "rd" | "th") {
            j += 1;
        }
        Some((d, j))
    }

    fn year_at(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        if t.ndig == 4 {
            self.small_int(i, 1000.0, 2199.0)
        } else {
            None
        }
    }

    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let m = month_num(self.w(i))?;
        let full = self.w(i).len() > 3 || self.w(i) == "may";
        let mut j = i + 1;
        if self.is_sym(j, '.') && !full {
            j += 1;
        }
        // "may" and "march" are also verbs; the caller always requires a number next to it.
        Some((m, j))
    }

    fn read_date(&self, i: usize) -> Option<(Quantity, usize)> {
        // 2019-03-03
        if let Some(y) = self.year_at(i) {
            if self.is_sym(i + 1, '-') && self.attached(i + 1) && self.attached(i + 2) {
                let m = self.small_int(i + 2, 1.0, 12.0);
                let d = self.small_int(i + 4, 1.0, 31.0);
                if let (Some(m), Some(d)) = (m, d) {
                    if self.is_sym(i + 3, '-') && self.attached(i + 3) && self.attached(i + 4) {
                        return Some(self.date(i, i + 5, format!("{y:04}-{m:02}-{d:02}")));
                    }
                }
            }
        }
        // March 3, 2019 / Nov. 3 / March 2019 / June of 2018
        if let Some((m, j)) = self.month_at(i) {
            if let Some((d, k)) = self.day_at(j) {
                {
                    let mut k2 = k;
                    if self.is_sym(k2, ',') {
                        k2 += 1;
                    }
                    let (y, end) = match self.year_at(k2) {
                        Some(y) => (Some(y), k2 + 1),
                        None => (None, k),
                    };
                    if self.unit_after(k).is_none() {
                        return Some(self.date(
                            i,
                            end,
                            match y {
                                Some(y) => format!("{y:04}-{m:02}-{d:02}"),
                                None => format!("--{m:02}-{d:02}"),
                            },
                        ));
                    }
                }
            }
            let mut j2 = j;
            if self.is_sym(j2, ',') || self.w(j2) == "of" {
                j2 += 1;
            }
            if let Some(y) = self.year_at(j2) {
                if self.is_capitalized(i) {
                    return Some(self.date(i, j2 + 1, format!("{y:04}-{m:02}")));
                }
            }
            return None;
        }
        // 3 March 2019 / 3rd of March
        if let Some((d, j)) = self.day_at(i) {
            let j2 = if self.w(j) == "of" { j + 1 } else { j };
            if let Some((m, k)) = self.month_at(j2) {
                if self.is_capitalized(j2) {
                    let (y, end) = match self.year_at(k) {
                        Some(y) => (Some(y), k + 1),
                        None => (None, k),
                    };
                    return Some(self.date(
                        i,
                        end,
                        match y {
                            Some(y) => format!("{y:04}-{m:02}-{d:02}"),
                            None => format!("--{m:02}-{d:02}"),
                        },
                    ));
                }
            }
        }
        None
    }

    fn read_time(&self, i: usize) -> Option<(Quantity, usize)> {
        // "11.20pm", "6.05 am"
        if let Some(t) = self.tok(i).filter(|t| t.kind == Tk::Num && !t.plain) {
            let raw = self.raw(i);
            if let Some((h, m)) = raw.split_once('.') {
                let (ampm, k) = self.ampm_at(i + 1);
                if let (Some(pm), Ok(h), Ok(m), 2) =
                    (ampm, h.parse::<u32>(), m.parse::<u32>(), m.len())
                {
                    if (1..=12).contains(&h) && m < 60 && t.val.is_finite() {
                        let hh = if pm && h < 12 {
                            h + 12
                        } else if !pm && h == 12 {
                            0
                        } else {
                            h
                        };
                        let mut q = self.make(i, k);
                        q.kind = QuantityKind::Time;
                        q.unit = "time".into();
                        q.normalized = Some(format!("{hh:02}:{m:02}"));
                        return Some((q, k));
                    }
                }
            }
        }
        let h = self.small_int(i, 0.0, 24.0)?;
        if self.attached(i) && matches!(self.toks.get(i - 1), Some(t) if t.kind == Tk::Word) {
            return None;
        }
        let mut j = i + 1;
        let mut min = 0u32;
        let mut clock = false;
        if self.is_sym(j, ':') && self.attached(j) && self.attached(j + 1) {
            let t = self.tok(j + 1)?;
            if t.kind == Tk::Num && t.plain && t.ndig == 2 && t.val < 60.0 {
                min = t.val as u32;
                j += 2;
                clock = true;
            } else {
                return None;
            }
        }
        // "11.20pm": the tokenizer read 11.20 as one decimal number.
        let t = self.tok(i)?;
        let _ = t;
        let (ampm, k) = self.ampm_at(j);
        if !clock && ampm.is_none() {
            return None;
        }
        let mut hh = h;
        match ampm {
            Some(true) if hh < 12 => hh += 12,
            Some(false) if hh == 12 => hh = 0,
            _ => {}
        }
        let mut q = self.make(i, k);
        q.kind = QuantityKind::Time;
        q.unit = "time".into();
        q.normalized = Some(format!("{:02}:{:02}", hh % 24, min));
        Some((q, k))
    }

    /// "pm", "p.m.", "PM", "a.m." at `j`: Some(true) for afternoon.
    fn ampm_at(&self, j: usize) -> (Option<bool>, usize) {
        match self.w(j) {
            "am" => (Some(false), j + 1),
            "pm" => (Some(true), j + 1),
            w @ ("a" | "p") if self.is_sym(j + 1, '.') && self.w(j + 2) == "m" => {
                let k = if self.is_sym(j + 3, '.') {
                    j + 4
                } else {
                    j + 3
                };
                (Some(w == "p"), k)
            }
            _ => (None, j),
        }
    }

    fn read_ordinal(&self, i: usize) -> Option<(Quantity, usize)> {
        let t = self.tok(i)?;
        let (v, end) = if t.kind == Tk::Num {
            if !(t.plain && self.attached(i + 1)) {
                return None;
            }
            let suf = self.w(i + 1);
            if !matches!(suf, "st" | "nd" | "rd" | "th") {
                return None;
            }
            (t.val, i + 2)
        } else if let (Some(t), true) = (
            tens(self.w(i)),
            self.is_sym(i + 1, '-') && self.attached(i + 1),
        ) {
            // "twenty-first"
            let o = ordinal_word(self.w(i + 2)).filter(|o| *o < 10.0)?;
            (t + o, i + 3)
        } else {
            let v = ordinal_word(self.w(i))?;
            // "second" is also a unit of time and a verb; only read it before a noun-like word.
            if v == 2.0 && self.w(i + 1).is_empty() {
                return None;
            }
            (v, i + 1)
        };
        let mut q = self.make(i, end);
        q.kind = QuantityKind::Ordinal;
        q.value = Some(v);
        q.low = v;
        q.high = v;
        Some((q, end))
    }

    fn is_currency_prefix_word(&self, i: usize) -> bool {
        currency_prefix_word(self.raw(i), self.w(i), self.is_sym(i + 1, '$'))
    }

    /// Currency written before the number: "$", "US$", "US $", "$US", "HK $", "€", "USD", "RM",
    /// "Y=". Returns (ISO code, index after it).
    fn currency_prefix(&self, i: usize) -> Option<(&'static str, usize, f64)> {
        let (c, k) = self.currency_prefix_code(i)?;
        Some((c, k, 1.0))
    }

    /// "MUSD 12", "MAUD 40": finance shorthand for millions.
    fn million_code(&self, i: usize) -> Option<&'static str> {
        // Four letters or nothing: most tokens are ruled out before they are sliced.
        if !self
            .tok(i)
            .is_some_and(|t| t.e - t.s == 4 && t.kind == Tk::Word)
        {
            return None;
        }
        million_code_of(self.raw(i), self.w(i))
    }

    fn currency_prefix_code(&self, i: usize) -> Option<(&'static str, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            Tk::Sym('$') => {
                // "$US12", "$A30"
                if self.attached(i + 1) {
                    let raw = self.raw(i + 1);
                    if raw.chars().all(|c| c.is_ascii_uppercase()) {
                        if let Some(code) = dollar_prefix(self.w(i + 1)) {
                            if self.is_num(i + 2) {
                                return Some((code, i + 2));
                            }
                        }
                    }
                }
                Some(("USD", i + 1))
            }
            Tk::Sym(c) => symbol_currency(c).map(|code| (code, i + 1)),
            Tk::Word => {
                let raw = self.raw(i);
                let upper = raw.chars().all(|c| c.is_ascii_uppercase());
                let w = self.w(i);
                // "US$", "US $", "HK $", "A$", "C$"; lowercased wire text writes "hk $", but
                // a lone "a", "s" or "r" before "$" is a word ("a $5 bill").
                if (upper || !matches!(w, "a" | "s" | "r")) && self.is_sym(i + 1, '$') {
                    if let Some(code) = dollar_prefix(w) {
                        return Some((code, i + 2));
                    }
                }
                // "U.S. $"
                if w == "u" && self.is_sym(i + 1, '.') && self.w(i + 2) == "s" {
                    let mut j = i + 3;
                    if self.is_sym(j, '.') {
                        j += 1;
                    }
                    if self.is_sym(j, '$') {
                        return Some(("USD", j + 1));
                    }
                }
                if upper && w == "y" && self.is_sym(i + 1, '=') && self.attached(i + 1) {
                    return Some(("JPY", i + 2));
                }
                // ASCII folding of news wires turns "£" into "PS" ("PS4.6m"); a plain small
                // number after "PS" is a console model ("PS5"), so only a figure with
                // separators, decimals or a scale suffix is read as pounds.
                if raw == "PS" && self.attached(i + 1) && self.is_num(i + 1) {
                    let t = self.tok(i + 1)?;
                    let scale_next = self.attached(i + 2)
                        && matches!(self.w(i + 2), "m" | "bn" | "k" | "mn" | "b");
                    if !t.plain || scale_next {
                        return Some(("GBP", i + 1));
                    }
                }
                if (upper && (iso_code(w).is_some())) || raw == "Rs" {
                    let code = if raw == "Rs" {
                        Some("INR")
                    } else {
                        iso_code(w)
                    };
                    let mut j = i + 1;
                    if raw == "Rs" && self.is_sym(j, '.') {
                        j += 1;
                    }
                    if self.is_num(j) || self.number_word_start(j) {
                        return code.map(|c| (c, j));
                    }
                }
                None
            }
            _ => None,
        }
    }

    fn number_word_start(&self, i: usize) -> bool {
        let w = self.w(i);
        ones(w).is_some() || tens(w).is_some()
    }

    /// Bounded modifiers before a number. Returns (approx, bound, from/between flag, next).
    fn modifiers(&self, i: usize) -> (bool, Bound, Option<&'static str>, usize) {
        let mut j = i;
        let mut approx = false;
        let mut bound = Bound::Exact;
        let mut intro = None;
        for _ in 0..4 {
            // A number is never a modifier: most reads start at one.
            if self.tok(j).is_some_and(|t| t.kind == Tk::Num) {
                break;
            }
            let w = self.w(j);
            let w1 = self.w(j + 1);
            let w2 = self.w(j + 2);
            if let Some((b, k)) = self.comparative(j) {
                j = k;
                bound = b;
                continue;
            }
            let (n, a, b, f): (usize, bool, Bound, Option<&'static str>) = match (w, w1, w2) {
                ("up", "to", _) => (2, false, Bound::AtMost, None),
                ("at", "least", _) | ("at", "minimum", _) => {
                    // "at least or equal to"
                    let n = if self.w(j + 2) == "or" && self.w(j + 3) == "equal" {
                        if self.w(j + 4) == "to" {
                            5
                        } else {
                            4
                        }
                    } else {
                        2
                    };
                    (n, false, Bound::AtLeast, None)
                }
                ("at", "most", _) | ("at", "maximum", _) => (2, false, Bound::AtMost, None),
                ("more", "than", _) | ("greater", "than", _) | ("higher", "than", _) => {
                    (2, false, Bound::AtLeast, None)
                }
                ("fewer", "than", _) | ("less", "than", _) | ("lower", "than", _) => {
                    (2, false, Bound::AtMost, None)
                }
                ("as", "many", "as") | ("as", "much", "as") | ("as", "high", "as") => {
                    (3, true, Bound::AtMost, None)
                }
                ("in", "excess", "of") => (3, false, Bound::AtLeast, None),
                ("close", "to", _) => (2, true, Bound::Exact, None),
                ("an", "estimated", _) => (2, true, Bound::Exact, None),
                ("just", "under", _) | ("just", "below", _) => (2, true, Bound::AtMost, None),
                ("just", "over", _) | ("just", "above", _) => (2, true, Bound::AtLeast, None),
                ("well", "over", _) | ("well", "above", _) => (2, false, Bound::AtLeast, None),
                ("about", _, _)
                | ("around", _, _)
                | ("roughly", _, _)
                | ("approximately", _, _)
                | ("approx", _, _)
                | ("circa", _, _)
                | ("some", _, _)
                | ("estimated", _, _)
                | ("almost", _, _)
                | ("nearly", _, _) => {
                    let b = if matches!(w, "almost" | "nearly") {
                        Bound::AtMost
                    } else {
                        Bound::Exact
                    };
                    (1, true, b, None)
                }
                ("over", _, _) | ("above", _, _) | ("exceeding", _, _) | ("exceed", _, _) => {
                    (1, false, Bound::AtLeast, None)
                }
                ("under", _, _) | ("below", _, _) => (1, false, Bound::AtMost, None),
                ("between", _, _) => (1, false, Bound::Exact, Some("between")),
                ("from", _, _) => (1, false, Bound::Exact, Some("from")),
                _ => {
                    if self.is_sym(j, '~') || self.is_sym(j, '≈') {
                        (1, true, Bound::Exact, None)
                    } else {
                        (0, false, Bound::Exact, None)
                    }
                }
            };
            if n == 0 {
                break;
            }
            j += n;
            approx |= a;
            if b != Bound::Exact {
                bound = b;
            }
            if f.is_some() {
                intro = f;
            }
        }
        (approx, bound, intro, j)
    }

    /// Comparatives before a number: "more than", "no less than", "smaller or equal than",
    /// "greater than or equal to", ">", "<=", "exceeding".
    fn comparative(&self, i: usize) -> Option<(Bound, usize)> {
        let mut j = i;
        if let Some(Tk::Sym(c)) = self.tok(j).map(|t| t.kind) {
            let b = match c {
                '>' | '≥' => Bound::AtLeast,
                '<' | '≤' => Bound::AtMost,
                _ => return None,
            };
            j += 1;
            if self.is_sym(j, '=') {
                j += 1;
            }
            return Some((b, j));
        }
        let neg = matches!(self.w(j), "no" | "not");
        if neg {
            j += 1;
        }
        let up = match self.w(j) {
            "more" | "greater" | "higher" | "larger" | "bigger" => true,
            "less" | "fewer" | "lower" | "smaller" => false,
            "exceed" | "exceeds" | "exceeding" | "surpass" | "surpasses" | "surpassing" if !neg => {
                return Some((Bound::AtLeast, j + 1));
            }
            _ => return None,
        };
        j += 1;
        let or_equal = |k: usize| self.w(k) == "or" && self.w(k + 1) == "equal";
        if or_equal(j) {
            j += 2;
        }
        if !matches!(self.w(j), "than" | "to") {
            return None;
        }
        j += 1;
        if or_equal(j) {
            j += 2;
            if matches!(self.w(j), "to" | "than") {
                j += 1;
            }
        }
        let b = if up != neg {
            Bound::AtLeast
        } else {
            Bound::AtMost
        };
        Some((b, j))
    }

    /// Number words: "twelve thousand", "a hundred and nine", "two-thirds", "half a million",
    /// "six and a half million". Returns (value, next, is_fraction).
    fn number_words(&self, i: usize) -> Option<(f64, usize)> {
        let w0 = self.w(i);
        // "a dozen", "a hundred", "a third of", "half a million"
        if matches!(w0, "a" | "an") {
            let w1 = self.w(i + 1);
            if matches!(
                w1,
                "dozen"
                    | "hundred"
                    | "thousand"
                    | "million"
                    | "billion"
                    | "trillion"
                    | "lakh"
                    | "crore"
            ) {
                return self.number_words_core(i + 1, 1.0);
            }
            // "a quarter million", "a half million"
            if matches!(w1, "quarter" | "half") {
                if let Some(s) = scale_word(self.w(i + 2)).filter(|s| *s >= 1e3) {
                    let f = if w1 == "half" { 0.5 } else { 0.25 };
                    return Some((f * s, i + 3));
                }
            }
            // "a sixth." at the end of a clause; "a third term" stays an ordinal.
            if let Some(den) = denominator(w1) {
                // "a third-party review" is an ordinal in a compound.
                let compound = self.is_sym(i + 2, '-') && self.attached(i + 2);
                if !compound
                    && !self
                        .tok(i + 2)
                        .is_some_and(|t| t.kind == Tk::Word || t.kind == Tk::Num)
                {
                    return Some((1.0 / den, i + 2));
                }
            }
            // "a thirty-second." at the end of a clause.
            if tens(w1).is_some() {
                if let Some((den, false, k)) = self.denominator_at(i + 1) {
                    if !self
                        .tok(k)
                        .is_some_and(|t| matches!(t.kind, Tk::Word | Tk::Num | Tk::Sym('-')))
                    {
                        return Some((1.0 / den, k));
                    }
                }
            }
            // "a hundredth", "a millionth": never ordinals in running text.
            if let Some(den) = denominator(w1).filter(|d| *d >= 100.0) {
                return Some((1.0 / den, i + 2));
            }
            if let Some(den) = denominator(w1) {
                if self.w(i + 2) == "of" {
                    return Some((1.0 / den, i + 2));
                }
            }
            if w1 == "half" && self.w(i + 2) == "of" {
                return Some((0.5, i + 2));
            }
            return None;
        }
        if w0 == "half" || w0 == "quarter" {
            let f = if w0 == "half" { 0.5 } else { 0.25 };
            if matches!(self.w(i + 1), "a" | "an") {
                if let Some(s) = scale_word(self.w(i + 2)) {
                    return Some((f * s, i + 3));
                }
                if self.w(i + 2) == "dozen" {
                    return Some((f * 12.0, i + 3));
                }
            }
            // "half million", "quarter million"
            if let Some(s) = scale_word(self.w(i + 1)).filter(|s| *s >= 1e3) {
                return Some((f * s, i + 2));
            }
            if w0 == "half" && self.w(i + 1) == "of" {
                return Some((0.5, i + 1));
            }
            return None;
        }
        self.number_words_core(i, 0.0)
    }

    fn number_words_core(&self, i: usize, seed: f64) -> Option<(f64, usize)> {
        let mut total = 0.0;
        let mut cur = seed;
        let mut j = i;
        let mut any = seed > 0.0;
        let mut last = 0u8; // 1 ones, 2 tens, 3 hundred, 4 scale
        let mut big = false;
        let mut last_scale = 1.0;
        // Ones and tens read since the last "hundred" or scale: "dozen" multiplies only these
        // ("three hundred and two dozen" is 324).
        let mut tail = 0.0;
        // What the last scale word added, so a stacked scale ("three lakh crore") multiplies it.
        let mut scaled_part = 0.0;
        for _ in 0..24 {
            let w = self.w(j);
            if let Some(v) = ones(w) {
                if last == 1 || (last == 2 && v >= 10.0) {
                    // "one one hundred fifth": a lone "one" before an ordinal phrase is its
                    // reciprocal.
                    if total == 0.0 && cur == 1.0 && j == i + 1 && seed == 0.0 {
                        if let Some((den, k)) = self.ordinal_phrase(j) {
                            return Some((1.0 / den, k));
                        }
                    }
                    break;
                }
                // Fractions: "two-thirds", "one third", "seven eighths"
                let (k, hy) =
                    if self.is_sym(j + 1, '-') && self.attached(j + 1) == self.attached(j + 2) {
                        (j + 2, true)
                    } else {
                        (j + 1, false)
                    };
                if !any && (1.0..=10.0).contains(&v) {
                    if let Some(den) = denominator(self.w(k)) {
                        let plural = self.w(k).ends_with('s');
                        if (plural && v > 1.0) || (!plural && v == 1.0) || hy {
                            return Some((v / den, k + 1));
                        }
                    }
                }
                cur += v;
                tail += v;
                last = 1;
                any = true;
                j += 1;
                continue;
            }
            if let Some(v) = tens(w) {
                // A tens word right before an ordinal forms one compound ordinal, so after a
                // numerator it is the denominator: "one hundred thirty-fifths" is 100/35 and
                // "twenty twenty-fifths" 20/25 ("one hundred and thirty fifths" stays 130/5).
                if any && j > i && self.w(j - 1) != "and" {
                    if let Some((den, plural, k)) = self.denominator_at(j).filter(|d| d.2 > j + 1) {
                        let n = total + cur;
                        if (plural && n > 1.0) || (!plural && n == 1.0) {
                            return Some((n / den, k));
                        }
                    }
                }
                if last == 1 || last == 2 {
                    break;
                }
                cur += v;
                tail += v;
                any = true;
                last = 2;
                j += 1;
                if self.is_sym(j, '-') && self.attached(j) == self.attached(j + 1) {
                    if let Some(o) = ones(self.w(j + 1)) {
                        if o < 10.0 && o > 0.0 {
                            cur += o;
                            tail += o;
                            last = 1;
                            j += 2;
                        }
                    }
                }
                continue;
            }
            // "five hundreds" after a number word; "hundreds of" alone is a magnitude phrase.
            let hundred = w == "hundred" || (w == "hundreds" && cur > 1.0 && last != 3);
            if hundred && any && last != 3 {
                cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
                tail = 0.0;
                last = 3;
                big = true;
                j += 1;
                continue;
            }
            if (w == "dozen" || (w == "dozens" && cur > 1.0)) && any {
                cur = if cur == 0.0 {
                    12.0
                } else if tail > 0.0 && tail < cur {
                    cur + tail * 11.0
                } else {
                    cur * 12.0
                };
                tail = 0.0;
                last = 4;
                j += 1;
                continue;
            }
            if let Some(s) = scale_word(w) {
                if !any || s < 1000.0 {
                    break;
                }
                // "three lakh crore", "one thousand crore": scales written together multiply.
                if last == 4 && cur == 0.0 && s > last_scale && scaled_part > 0.0 {
                    total += scaled_part * (s - 1.0);
                    scaled_part *= s;
                    last_scale *= s;
                    j += 1;
                    continue;
                }
                scaled_part = if cur == 0.0 { s } else { cur * s };
                total += scaled_part;
                cur = 0.0;
                tail = 0.0;
                last = 4;
                last_scale = s;
                big = true;
                j += 1;
                continue;
            }
            if w == "and" && any {
                // "six and a half million", "two million and a half", "thirty and two sevenths"
                let w1 = self.w(j + 1);
                // Numerator: "a", a unit word, or up to ninety-nine ("sixty-two hundredths").
                let (num, dj) = if matches!(w1, "a" | "an") {
                    (Some(1.0), j + 2)
                } else {
                    match self.small_number(j + 1) {
                        Some((n, k)) => (Some(n), k),
                        None => (None, j + 2),
                    }
                };
                if let (Some(n), Some(den)) = (num, denominator(self.w(dj))) {
                    if n >= 1.0 && n < den {
                        // "two billion and a half million": the fraction is of the next scale.
                        if let Some(s) = scale_word(self.w(dj + 1)).filter(|s| *s < last_scale) {
                            total += n / den * s;
                            j = dj + 2;
                        } else if last == 4 {
                            total += n / den * last_scale;
                            j = dj + 1;
                        } else {
                            cur += n / den;
                            j = dj + 1;
                        }
                        last = 1;
                        continue;
                    }
                }
                if big && (ones(self.w(j + 1)).is_some() || tens(self.w(j + 1)).is_some()) {
                    j += 1;
                    last = 0;
                    tail = 0.0;
                    continue;
                }
            }
            break;
        }
        if !any {
            return None;
        }
        let mut v = total + cur;
        // "three hundred point zero seven", "four point two"
        if self.w(j) == "point" {
            let mut digits = String::new();
            let mut k = j + 1;
            for _ in 0..12 {
                let w = self.w(k);
                if let Some(d) = ones(w).filter(|d| *d < 10.0) {
                    digits.push(char::from(b'0' + d as u8));
                    k += 1;
                } else if let Some(t) = tens(w) {
                    let mut d = t as u32;
                    k += 1;
                    if self.is_sym(k, '-') && self.attached(k) {
                        if let Some(o) = ones(self.w(k + 1)).filter(|o| *o < 10.0) {
                            d += o as u32;
                            k += 2;
                        }
                    } else if let Some(o) = ones(self.w(k)).filter(|o| *o < 10.0 && *o > 0.0) {
                        d += o as u32;
                        k += 1;
                    }
                    digits.push_str(&d.to_string());
                } else if let Some(t) = ones(w) {
                    digits.push_str(&(t as u32).to_string());
                    k += 1;
                } else {
                    break;
                }
            }
            if let Ok(f) = format!("0.{digits}").parse::<f64>() {
                if !digits.is_empty() {
                    v += f;
                    j = k;
                }
            }
        }
        // "forty sixths", "seven hundredths", "one thirty-second": a count of fractions;
        // "five hundred-fifths" joins the denominator with a hyphen.
        let dj = if self.is_sym(j, '-') && self.attached(j) && self.attached(j + 1) {
            j + 1
        } else {
            j
        };
        if let Some((den, plural, k)) = self.denominator_at(dj) {
            if (plural && v > 1.0) || (!plural && v == 1.0) {
                return Some((v / den, k));
            }
        }
        Some((v, j))
    }

    /// An ordinal written with a hundred or thousand: "hundred fifth", "one hundred and
    /// fifth", "two thousand twenty-first". Returns (value, next). Bounded and not recursive.
    fn ordinal_phrase(&self, j: usize) -> Option<(f64, usize)> {
        let (mut total, mut cur, mut big) = (0.0, 0.0, false);
        for k in j..j + 8 {
            let w = self.w(k);
            if let Some(o) = ordinal_word(w) {
                return big.then_some((total + cur + o, k + 1));
            }
            if let Some(t) = tens(w) {
                if self.is_sym(k + 1, '-') && self.attached(k + 1) {
                    if let Some(o) = ordinal_word(self.w(k + 2)).filter(|o| *o < 10.0) {
                        return big.then_some((total + cur + t + o, k + 3));
                    }
                }
                cur += t;
            } else if let Some(v) = ones(w) {
                cur += v;
            } else if w == "hundred" {
                cur = cur.max(1.0) * 100.0;
                big = true;
            } else if w == "thousand" {
                total += cur.max(1.0) * 1000.0;
                cur = 0.0;
                big = true;
            } else if w != "and" || !big {
                return None;
            }
        }
        None
    }

    /// A number below a hundred in words: "seven", "fifty-four", "fifty four".
    fn small_number(&self, j: usize) -> Option<(f64, usize)> {
        if let Some(v) = ones(self.w(j)) {
            return Some((v, j + 1));
        }
        let t = tens(self.w(j))?;
        let k = if self.is_sym(j + 1, '-') {
            j + 2
        } else {
            j + 1
        };
        match ones(self.w(k)).filter(|o| *o > 0.0 && *o < 10.0) {
            Some(o) => Some((t + o, k + 1)),
            None => Some((t, j + 1)),
        }
    }

    /// A fraction's denominator: "fifths", "third", or compound "twenty-fifth", "twenty
    /// firsts". Returns (denominator, plural, next).
    fn denominator_at(&self, j: usize) -> Option<(f64, bool, usize)> {
        let w = self.w(j);
        if let Some(den) = denominator(w) {
            return Some((den, w.ends_with('s'), j + 1));
        }
        let t = tens(w)?;
        let k = if self.is_sym(j + 1, '-') && self.attached(j + 1) {
            j + 2
        } else {
            j + 1
        };
        let o = self.w(k);
        let unit = match o.trim_end_matches('s') {
            "first" => 1.0,
            "second" => 2.0,
            other => ordinal_word(other).filter(|v| *v < 10.0)?,
        };
        Some((t + unit, o.ends_with('s'), k + 1))
    }

    /// One number with its currency prefix and scale: "$150 billion", "1.2m", "US$ 3bn",
    /// "twelve thousand", "-5". Does not read units after it.
    fn amount(&self, i: usize) -> Option<Amount> {
        let mut j = i;
        let mut neg = false;
        let mut cur = None;
        let mut pre_scale = 1.0;
        if let Some((c, k, s)) = self.currency_prefix(j) {
            cur = Some(c);
            j = k;
            pre_scale = s;
        } else if let Some(c) = self.million_code(j) {
            if self.is_num(j + 1) {
                cur = Some(c);
                j += 1;
                pre_scale = 1e6;
            }
        }
        // Signs: "-5", "−5", "+1.4%", "minus 5", "minus-5", "$-12.3bn"
        if matches!(self.w(j), "minus" | "negative")
            && (self.is_num(j + 1) || self.is_num(j + 2) || self.number_word_start(j + 1))
        {
            neg = true;
            j += 1;
            if self.is_sym(j, '-') {
                j += 1;
            }
        } else if (self.is_sym(j, '-') || self.is_sym(j, '−') || self.is_sym(j, '+'))
            && self.attached(j + 1)
            && self.is_num(j + 1)
        {
            // A hyphen glued to a number before it joins a pair ("3-1"), never a sign.
            if j > 0 && self.attached(j) && self.tok(j - 1).is_some_and(|t| t.kind == Tk::Num) {
                return None;
            }
            // A hyphen glued to a word before it is a name ("COVID-19", "F-150"), not a sign.
            let glued = j > 0
                && self.attached(j)
                && !matches!(
                    self.tok(j - 1).map(|t| t.kind),
                    Some(Tk::Sym('$' | '(' | '<' | '>' | '=' | '≤' | '≥'))
                );
            if glued && cur.is_none() {
                return None;
            }
            neg = !self.is_sym(j, '+');
            j += 1;
        }
        let t = *self.tok(j)?;
        let num_start = j;
        let mut from_words = false;
        let (mut v, mut k) = if t.kind == Tk::Num {
            if !t.val.is_finite() {
                return None;
            }
            let mut v = t.val;
            let mut k = j + 1;
            // "6.1×10−4", "7.2x10^5"; "2.5^3"
            let times = self.is_sym(k, '×') || (self.w(k) == "x" && self.raw(k) == "x");
            if times
                && self
                    .tok(k + 1)
                    .is_some_and(|t| t.kind == Tk::Num && t.val == 10.0 && t.plain)
            {
                if let Some((e, m)) = self.exponent(k + 2, true) {
                    v *= 10f64.powf(e);
                    k = m;
                }
            } else if self.is_sym(k, '^') && self.attached(k) {
                if let Some((e, m)) = self.exponent(k, true) {
                    let p = v.powf(e);
                    if p.is_finite() {
                        v = p;
                        k = m;
                    }
                }
            }
            // "3½", "3 1/4"
            if self.attached(k) {
                if let Some(f) = self.tok(k).and_then(|t| match t.kind {
                    Tk::Sym(c) => vulgar(c),
                    _ => None,
                }) {
                    v += f;
                    k += 1;
                }
            }
            // "3/8", "5⁄64": a proper fraction written with a slash.
            if (self.is_sym(k, '/') || self.is_sym(k, '⁄'))
                && self.attached(k)
                && self.attached(k + 1)
            {
                if let Some(den) = self.tok(k + 1).filter(|d| d.kind == Tk::Num && d.plain) {
                    let slash_is_fraction = self.is_sym(k, '⁄');
                    // Under 32, a denominator other than the usual ones makes a month and
                    // day ("3/14") or a name ("9/11"), unless "of" follows: "1/7 of".
                    let usual = den.val > 31.0
                        || SLASH_DENOMINATORS.contains(&den.val)
                        || self.w(k + 2) == "of";
                    if den.val > 0.0
                        && t.plain
                        && v < den.val
                        && (slash_is_fraction || (den.val <= 128.0 && usual))
                        && !self.is_sym(k + 2, '/')
                    {
                        v /= den.val;
                        k += 2;
                    }
                }
            } else if t.plain && !self.attached(k) && self.is_num(k) {
                // Mixed number "3 1/4"
                if let (Some(n), true, Some(d)) = (
                    self.tok(k).filter(|n| n.plain),
                    self.is_sym(k + 1, '/') && self.attached(k + 1),
                    self.tok(k + 2)
                        .filter(|d| d.kind == Tk::Num && d.plain && self.attached(k + 2)),
                ) {
                    if d.val > 0.0 && n.val < d.val && d.val <= 16.0 {
                        v += n.val / d.val;
                        k += 3;
                    }
                }
            }
            (v, k)
        } else if let Tk::Sym(c) = t.kind {
            (vulgar(c)?, j + 1)
        } else {
            from_words = true;
            self.number_words(j)?
        };
        // Scales: "150 billion", "1.2m", "3bn", "6 hundred million", "$7B".
        let mut scale = 1.0;
        let mut scaled = false;
        for _ in 0..3 {
            let w = self.w(k);
            if w.is_empty() {
                break;
            }
            let glued = self.attached(k);
            let s = if let Some(s) = scale_word(w) {
                if from_words && !scaled && s >= 1000.0 && k == num_start {
                    None
                } else {
                    Some(s)
                }
            } else if glued && !from_words {
                let raw = self.raw(k);
                match raw {
                    "k" => Some(1e3),
                    // "a 10K run" is a distance; "$50K" and "50K followers" are thousands.
                    "K" if cur.is_some() || looks_plural(self.w(k + 1)) => Some(1e3),
                    "M" => Some(1e6),
                    // "1.2m jobs" counts millions; "45m" alone is a length.
                    "m" if cur.is_some() || looks_plural(self.w(k + 1)) => Some(1e6),
                    "B" => Some(1e9),
                    "b" if cur.is_some() || !self.tok(num_start).is_some_and(|t| t.plain) => {
                        Some(1e9)
                    }
                    "T" | "t" if cur.is_some() => Some(1e12),
                    _ => match w {
                        "mn" | "mln" | "mio" | "mil" => Some(1e6),
                        "mm" if raw == "MM" => Some(1e6),
                        "bn" | "bln" => Some(1e9),
                        "tn" | "trn" => Some(1e12),
                        _ => None,
                    },
                }
            } else {
                match w {
                    "mn" | "mln" | "bn" | "bln" | "tn" | "trn" => scale_word(w),
                    "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs" => Some(12.0),
                    // "2.33 k" closing a clause; "10 k run" names a race distance.
                    "k" if !from_words
                        && self.raw(k) == "k"
                        && !self
                            .tok(k + 1)
                            .is_some_and(|t| matches!(t.kind, Tk::Word | Tk::Num)) =>
                    {
                        Some(1e3)
                    }
                    _ => None,
                }
            };
            match s {
                Some(s) => {
                    // "two-thirds of a million" is not handled; "100 million-year-old" is.
                    scale *= s;
                    scaled = true;
                    k += 1;
                }
                None => break,
            }
        }
        v *= scale;
        // "7 million and a half": a fraction of the scale.
        let mut fraction_done = false;
        if scaled && !from_words && self.w(k) == "and" {
            let num = match self.w(k + 1) {
                "a" | "an" | "one" => Some(1.0),
                w => ones(w),
            };
            if let (Some(n), Some(den)) = (num, denominator(self.w(k + 2))) {
                if n < den {
                    v += n / den * scale;
                    k += 3;
                    fraction_done = true;
                }
            }
        }
        // "6 hundred and 45", "8 thousand 2 hundred": a smaller part after a spelled scale.
        // Large scales stop here so "$3 billion and 500 jobs" stays two quantities.
        if scaled && !fraction_done && !from_words && (100.0..=1e7).contains(&scale) {
            let mut m = k;
            if self.w(m) == "and" {
                m += 1;
            }
            if let Some(b) = self.amount(m) {
                if b.cur.is_none() && b.value < scale && b.value > 0.0 && !self.glued_to_word(b.num)
                {
                    v += b.value;
                    k = b.next;
                }
            }
        }
        // "three quarters of a million"
        if from_words && v < 1.0 && self.w(k) == "of" && matches!(self.w(k + 1), "a" | "an") {
            if let Some(s) = scale_word(self.w(k + 2)).filter(|s| *s >= 1e3) {
                v *= s;
                scale = s;
                scaled = true;
                k += 3;
            }
        }
        if pre_scale != 1.0 {
            scale *= pre_scale;
            scaled = true;
            v *= pre_scale;
        }
        if neg {
            v = -v;
        }
        if !v.is_finite() {
            return None;
        }
        Some(Amount {
            start: i,
            num: num_start,
            next: k,
            value: v,
            raw: if scale != 0.0 { v / scale } else { v },
            scale,
            scaled,
            cur,
            words: from_words,
        })
    }

    /// Unit written after a number (measure, percent, currency word, duration), longest match.
    fn unit_after(&self, k: usize) -> Option<UnitHit> {
        // "a 40-ton truck", "6.7-inch screen", "a five-year term"
        let k = if self.is_sym(k, '-') && self.attached(k) && self.attached(k + 1) {
            k + 1
        } else {
            k
        };
        // Most words after a number are nouns, not units: one table read rules them out.
        if self.tok(k).is_some_and(|t| t.kind == Tk::Word) {
            let w = self.w(k);
            if let Some(ix) = prefix_index(w.as_bytes()) {
                if UNIT_PREFIX[ix] & (1 << w.len().min(15)) == 0
                    && case_sensitive_unit(self.raw(k)).is_none()
                {
                    return None;
                }
            }
        }
        let mut key = KeyBuf::default();
        let mut best: Option<UnitHit> = None;
        for n in 0..4 {
            let t = match self.tok(k + n) {
                Some(t) => *t,
                None => break,
            };
            if n > 0 && t.sp {
                key.push(' ');
            }
            match t.kind {
                Tk::Word => key.push_str(self.w(k + n)),
                Tk::Num => key.push_str(self.raw(k + n)),
                Tk::Sym(c) => key.push(c),
            }
            if key.full {
                break;
            }
            // "5G" and "4K" name technologies, not grams or kelvins.
            if n == 0 && matches!(self.raw(k), "G" | "K" | "B") {
                break;
            }
            if n == 0 {
                if let Some(h) = case_sensitive_unit(self.raw(k)) {
                    best = Some(UnitHit { end: k + 1, ..h });
                    continue;
                }
            }
            let (hit, longer) = unit_lookup(key.as_bytes());
            // A unit ends where the word ends: the "F" of "07F3" is no unit.
            let cut = self
                .tok(k + n + 1)
                .is_some_and(|t| !t.sp && matches!(t.kind, Tk::Word | Tk::Num));
            if let Some((unit, kind)) = hit.filter(|_| !cut) {
                best = Some(UnitHit {
                    unit,
                    kind,
                    end: k + n + 1,
                });
            }
            // Every longer key starts with this one.
            if !longer {
                break;
            }
        }
        // A unit must end at a word boundary: "5 min" yes, "5 m" + "illion" impossible here.
        best
    }

    fn currency_after(&self, k: usize, scaled: bool) -> Option<(&'static str, usize)> {
        // "a 9-cent-a-share dividend", "a one-yen offer"
        let k = if self.is_sym(k, '-') && self.attached(k) && self.attached(k + 1) {
            k + 1
        } else {
            k
        };
        // Only a currency sign names a currency without a word.
        match self.tok(k).map(|t| t.kind) {
            Some(Tk::Word) => {}
            Some(Tk::Sym(c)) => return symbol_currency(c).map(|code| (code, k + 1)),
            _ => return None,
        }
        let w = self.w(k);
        let w1 = self.w(k + 1);
        // "$64 US", "$12.40 U.S."
        let (adj, n) = match (w, w1) {
            ("hong", "kong") => (Some("HKD"), 2),
            ("new", "zealand") => (Some("NZD"), 2),
            ("us", _) | ("american", _) => (Some("USD"), 1),
            ("u", "s") => {
                let mut n = 2;
                if self.is_sym(k + 1, '.') {
                    n = 3;
                    if self.w(k + 2) != "s" {
                        return None;
                    }
                    if self.is_sym(k + 3, '.') {
                        n = 4;
                    }
                }
                (Some("USD"), n)
            }
            ("australian", _) => (Some("AUD"), 1),
            ("canadian", _) => (Some("CAD"), 1),
            ("singapore", _) => (Some("SGD"), 1),
            ("taiwan", _) | ("taiwanese", _) => (Some("TWD"), 1),
            ("mexican", _) => (Some("MXN"), 1),
            ("swiss", _) => (Some("CHF"), 1),
            ("danish", _) => (Some("DKK"), 1),
            ("swedish", _) => (Some("SEK"), 1),
            ("norwegian", _) => (Some("NOK"), 1),
            ("indian", _) => (Some("INR"), 1),
            ("pakistani", _) => (Some("PKR"), 1),
            ("chinese", _) => (Some("CNY"), 1),
            ("japanese", _) => (Some("JPY"), 1),
            ("south", "korean") => (Some("KRW"), 2),
            ("british", _) => (Some("GBP"), 1),
            ("russian", _) => (Some("RUB"), 1),
            ("turkish", _) => (Some("TRY"), 1),
            ("brazilian", _) => (Some("BRL"), 1),
            ("egyptian", _) => (Some("EGP"), 1),
            ("philippine", _) => (Some("PHP"), 1),
            ("israeli", _) | ("new", "israeli") => (Some("ILS"), if w == "new" { 2 } else { 1 }),
            _ => (None, 0),
        };
        let base = k + n;
        let noun = self.w(base);
        let code = match noun {
            "dollar" | "dollars" => Some(adj.unwrap_or("USD")),
            "euro" | "euros" => Some("EUR"),
            "pound" | "pounds" => {
                if self.w(base + 1) == "sterling" {
                    return Some(("GBP", base + 2));
                }
                if adj.is_some() || scaled {
                    Some("GBP")
                } else {
                    None
                }
            }
            "sterling" => Some("GBP"),
            "yen" => Some("JPY"),
            "won" => {
                // "won" is usually the verb; only read it after a number that could be money.
                if adj == Some("KRW") || scaled {
                    Some("KRW")
                } else {
                    None
                }
            }
            "yuan" | "renminbi" | "rmb" => Some("CNY"),
            "ruble" | "rubles" | "rouble" | "roubles" => Some("RUB"),
            "rupee" | "rupees" => Some(if adj == Some("PKR") { "PKR" } else { "INR" }),
            "shekel" | "shekels" => Some("ILS"),
            "crown" | "crowns" | "krone" | "kroner" | "krona" | "kronor" => Some(
                adj.filter(|a| matches!(*a, "DKK" | "SEK" | "NOK"))
                    .unwrap_or("SEK"),
            ),
            "franc" | "francs" => Some("CHF"),
            "peso" | "pesos" => Some(adj.unwrap_or("MXN")),
            "ringgit" => Some("MYR"),
            "rand" => Some("ZAR"),
            "lira" | "liras" | "lire" => Some("TRY"),
            "real" | "reais" if adj.is_some() => Some("BRL"),
            "baht" => Some("THB"),
            "rupiah" => Some("IDR"),
            "naira" => Some("NGN"),
            "dirham" | "dirhams" => Some("AED"),
            "riyal" | "riyals" => Some("SAR"),
            "hryvnia" | "hryvnias" => Some("UAH"),
            "zloty" | "zlotys" => Some("PLN"),
            "bitcoin" | "bitcoins" => Some("BTC"),
            "cent" | "cents" => Some("cent"),
            "pence" | "penny" | "pennies" => Some("pence"),
            // "241.5p", "37 p at": pence after share prices; a spaced "p" only before punctuation.
            "p" if self.raw(k) == "p"
                && (self.attached(k) || !self.tok(k + 1).is_some_and(|t| t.kind == Tk::Word)) =>
            {
                Some("pence")
            }
            "sen" if self.raw(k) == "sen" => Some("sen"),
            "元" => Some("CNY"),
            "円" => Some("JPY"),
            _ => None,
        };
        if let Some(c) = code {
            return Some((c, base + 1));
        }
        // "20 USD", "20 usd" ("try" is a verb far more often than the lira's code).
        if w.len() == 3 && w != "try" {
            if let Some(c) = iso_code(w) {
                return Some((c, k + 1));
            }
        }
        if let Some(c) = self.tok(k).and_then(|t| match t.kind {
            Tk::Sym(c) => symbol_currency(c),
            _ => None,
        }) {
            return Some((c, k + 1));
        }
        None
    }

    /// "per year", "a month", "annually", "/hour", "each day". Returns (period, next).
    fn per_after(&self, k: usize, money: bool) -> Option<(String, usize)> {
        let w = self.w(k);
        match w {
            "annually" | "yearly" | "annual" if w != "annual" => {
                return Some(("year".into(), k + 1))
            }
            "daily" => return Some(("day".into(), k + 1)),
            "monthly" => return Some(("month".into(), k + 1)),
            "weekly" => return Some(("week".into(), k + 1)),
            "hourly" => return Some(("hour".into(), k + 1)),
            _ => {}
        }
        let (j, strong) = match w {
            "per" | "each" | "every" => (k + 1, true),
            "a" | "an" => (k + 1, false),
            _ if self.is_sym(k, '/') && self.attached(k + 1) => (k + 1, true),
            _ => {
                // "barrel-a-day"
                if self.is_sym(k, '-')
                    && matches!(self.w(k + 1), "a" | "an" | "per")
                    && self.is_sym(k + 2, '-')
                {
                    (k + 3, false)
                } else {
                    return None;
                }
            }
        };
        let p = self.w(j);
        let period = match p {
            "year" | "yr" | "annum" => Some("year"),
            "month" | "mo" => Some("month"),
            "week" | "wk" => Some("week"),
            "day" => Some("day"),
            "hour" | "hr" | "h" => Some("hour"),
            "minute" | "min" => Some("minute"),
            "second" | "sec" | "s" => Some("second"),
            "quarter" => Some("quarter"),
            "decade" => Some("decade"),
            "century" => Some("century"),
            _ => None,
        };
        if let Some(p) = period {
            // "a year earlier", "a day ago": a point in time, not a rate.
            if !strong
                && matches!(
                    self.w(j + 1),
                    "earlier"
                        | "ago"
                        | "before"
                        | "later"
                        | "after"
                        | "prior"
                        | "back"
                        | "previously"
                )
            {
                return None;
            }
            return Some((p.to_string(), j + 1));
        }
        if money || strong {
            if let Some(u) = self.unit_after(j) {
                if u.kind == QuantityKind::Measure || u.kind == QuantityKind::Duration {
                    return Some((u.unit.to_string(), u.end));
                }
            }
            if !p.is_empty() && (money || w == "per") && !is_stop(p) {
                return Some((lemma(p), j + 1));
            }
        }
        None
    }

    /// The counted noun after a number, skipping adjectives: "10,000 North Korean troops".
    /// Returns (lemma, index after the noun).
    fn counted_noun(&self, k: usize, singular: bool) -> Option<(String, usize)> {
        let mut j = k;
        // "one of the tallest towers": the noun follows "of the" and adjectives.
        let mut singular = singular;
        if singular && self.w(j) == "of" {
            singular = false;
            j += 1;
            if matches!(
                self.w(j),
                "the" | "its" | "their" | "his" | "her" | "our" | "my" | "these" | "those"
            ) {
                j += 1;
            } else {
                return None;
            }
        }
        let mut first: Option<usize> = None;
        let mut last: Option<usize> = None;
        for n in 0..4 {
            let idx = j + n;
            let t = match self.tok(idx) {
                Some(t) => *t,
                None => break,
            };
            // Hyphenated compounds ("first-round picks") stay inside the run.
            if t.kind == Tk::Sym('-') && self.attached(idx) && self.attached(idx + 1) && n > 0 {
                continue;
            }
            if t.kind != Tk::Word {
                break;
            }
            if n > 0 && !t.sp && !self.is_sym(idx - 1, '-') {
                break;
            }
            let w = self.w(idx);
            // "2.1M print and digital copies": adjectives joined by "and" before the noun.
            if matches!(w, "and" | "or")
                && n > 0
                && !singular
                && !is_stop(self.w(idx + 1))
                && self.tok(idx + 1).is_some_and(|t| t.kind == Tk::Word)
            {
                continue;
            }
            if is_stop(w) || month_num(w).is_some() && self.is_capitalized(idx) {
                break;
            }
            if first.is_none() {
                first = Some(idx);
            }
            if looks_plural(w) {
                if singular {
                    break;
                }
                return Some((lemma(w), idx + 1));
            }
            last = Some(idx);
            if singular {
                // A singular noun heads the run; adjectives before it are rare after "one".
                if !self.is_sym(idx + 1, '-') {
                    let next = self.w(idx + 1);
                    if next.is_empty() || is_stop(next) || looks_plural(next) {
                        break;
                    }
                }
            }
        }
        let _ = first;
        if singular {
            let idx = last?;
            let w = self.w(idx);
            if w.len() < 3 || is_adverb_like(w) {
                return None;
            }
            return Some((w.to_string(), idx + 1));
        }
        None
    }

    fn read_quantity(&self, i: usize) -> Option<(Quantity, usize)> {
        let (approx, mut bound, intro, j) = self.modifiers(i);
        // "dozens of", "tens of thousands of", "millions of" → an order-of-magnitude range.
        if let Some((lo, hi, k)) = self.magnitude_phrase(j) {
            let (u, kd, next) = self.unit_for_of(k);
            let next = next.max(k);
            let mut q = self.make(i, next);
            q.low = lo;
            q.high = hi;
            q.approx = true;
            q.unit = u;
            q.kind = kd;
            q.bound = bound;
            return Some((q, next));
        }
        let mut a = match self.amount(j) {
            Some(a) => a,
            // "more than half", "nearly half the staff": a bare "half" needs a bound or hedge
            // before it ("half time", "half a century" and "half-price" stay out).
            None if j > i
                && self.w(j) == "half"
                && (bound != Bound::Exact || approx)
                && !matches!(self.w(j + 1), "a" | "an")
                && !(self.is_sym(j + 1, '-') && self.attached(j + 1)) =>
            {
                Amount {
                    start: j,
                    num: j,
                    next: j + 1,
                    value: 0.5,
                    raw: 0.5,
                    scale: 1.0,
                    scaled: false,
                    cur: None,
                    words: true,
                }
            }
            None => return None,
        };
        // Digits glued to letters are identifiers ("B12", "X5", "CO2", "F-16").
        if self.glued_to_word(a.num) && a.cur.is_none() {
            return None;
        }
        // Three or more numbers joined by "." "-" "/" without spaces are codes, not
        // quantities: IP addresses, phone numbers, all-numeric dates, version numbers.
        if let Some(end) = self.code_chain(a.num) {
            self.skip.set(end);
            return None;
        }
        // Two whole numbers joined by "/" that `amount` did not read as a fraction name
        // something else: "24/7", "50/50", "9/11", a score "6/4", a date "3/14". Neither
        // number is a quantity. A season or budget year ("2018/19") still is.
        if a.next == a.num + 1
            && self.is_sym(a.num + 1, '/')
            && self.attached(a.num + 1)
            && self.attached(a.num + 2)
            && self
                .tok(a.num + 2)
                .is_some_and(|t| t.kind == Tk::Num && t.plain)
            && self
                .tok(a.num)
                .is_some_and(|t| t.kind == Tk::Num && t.plain)
            && a.cur.is_none()
            && !year_like(self, &a)
        {
            self.skip.set(a.num + 3);
            return None;
        }
        // "One" mid-sentence as a name ("Formula One") or "one" as a pronoun ("the one", "each one").
        if a.words && a.value == 1.0 && a.next == a.num + 1 {
            if self.is_capitalized(a.num) && !self.sentence_start(a.num) {
                return None;
            }
            let prev = if a.num > 0 { self.w(a.num - 1) } else { "" };
            if matches!(
                prev,
                "the"
                    | "this"
                    | "that"
                    | "each"
                    | "every"
                    | "no"
                    | "any"
                    | "which"
                    | "same"
                    | "another"
                    | "only"
                    | "other"
            ) || matches!(
                self.w(a.num + 1),
                "another" | "or" | "day" | "way" | "thing"
            ) || self.is_num(a.num + 1)
            {
                return None;
            }
        }
        // "one in three", "2 out of 5", "1 over 3": a ratio, kept as a fraction.
        if a.cur.is_none() && a.scale == 1.0 {
            let (k, strong) = match (self.w(a.next), self.w(a.next + 1)) {
                ("out", "of") => (a.next + 2, true),
                ("over" | "in", _) => (a.next + 1, false),
                _ => (0, false),
            };
            if k > 0 && self.unit_after(a.next).is_none() {
                if let Some(b) = self.amount(k) {
                    let bare = self.unit_after(b.next).is_none()
                        && self.currency_after(b.next, b.scaled).is_none();
                    // "12 out of 10" is two numbers, not a share above one.
                    let ok = b.cur.is_none()
                        && b.value != 0.0
                        && !year_like(self, &b)
                        && ((strong && a.value <= b.value)
                            || (bare
                                && (self.w(a.next) == "over"
                                    || (a.value < b.value && b.value <= 1000.0)))
                                && (self.w(a.next) == "over" || a.value <= b.value));
                    let r = a.value / b.value;
                    if ok && r.is_finite() {
                        a.value = r;
                        a.next = b.next;
                        a.scaled = true;
                    }
                }
            }
        }
        let mut q_start = i;
        if j > i && a.start == j {
            q_start = i;
        }
        let mut low;
        let mut high;
        let mut is_range = false;
        let mut end = a.next;
        let mut cur = a.cur;
        let mut unit: Option<UnitHit> = None;
        let mut cur_after = None;
        // Unit or currency directly after the first number ("2 per cent to 2.5 per cent").
        let u1 = self.unit_after(end);
        let mut c1 = if cur.is_none() {
            self.currency_after(end, a.scaled)
        } else {
            None
        };
        // "45 MUSD": finance shorthand for millions.
        if c1.is_none() && cur.is_none() && !a.scaled {
            if let Some(code) = self.million_code(end) {
                c1 = Some((code, end + 1));
                a.value *= 1e6;
                a.scaled = true;
            }
        }
        // "20 USD million": the scale may follow the currency code.
        if let Some((code, e)) = c1 {
            if !a.scaled && code.len() == 3 {
                if let Some(s) = scale_word(self.w(e)).filter(|s| *s >= 1e6) {
                    a.value *= s;
                    a.scaled = true;
                    c1 = Some((code, e + 1));
                }
            }
        }
        low = a.value;
        high = a.value;
        let after_first = match (&u1, &c1) {
            (_, Some((_, e))) => *e,
            (Some(u), None) => u.end,
            _ => end,
        };
        // Digits glued to an unknown suffix are identifiers ("5G", "7QX2"); "1960s" is a decade.
        if u1.is_none()
            && c1.is_none()
            && cur.is_none()
            && self.attached(a.next)
            && self.tok(a.next).is_some_and(|t| t.kind == Tk::Word)
            && !(self.w(a.next) == "s" && year_like(self, &a))
        {
            return None;
        }
        // "4.2 ± 0.3", "52% +/- 3": a value with its margin, kept as the range it spans.
        let pm_at = if u1.is_some() || c1.is_some() {
            after_first
        } else {
            end
        };
        let pm_len = if self.is_sym(pm_at, '±') {
            1
        } else if self.is_sym(pm_at, '+')
            && self.is_sym(pm_at + 1, '/')
            && self.is_sym(pm_at + 2, '-')
        {
            3
        } else {
            0
        };
        if pm_len > 0 {
            if let Some(m) = self
                .amount(pm_at + pm_len)
                .filter(|m| m.cur.is_none() && m.value > 0.0)
            {
                let mut q = self.make(i, m.next);
                let mut e = m.next;
                let (unit_s, kind) = match (&u1, &c1, self.unit_after(m.next)) {
                    (Some(u), _, _) => (u.unit.to_string(), u.kind),
                    (_, Some((c, _)), _) => (c.to_string(), QuantityKind::Money),
                    (_, _, Some(u)) => {
                        e = u.end;
                        (u.unit.to_string(), u.kind)
                    }
                    _ => match cur {
                        Some(c) => (c.to_string(), QuantityKind::Money),
                        None => (String::new(), QuantityKind::Count),
                    },
                };
                if e != m.next {
                    q = self.make(i, e);
                }
                q.low = a.value - m.value;
                q.high = a.value + m.value;
                q.unit = unit_s;
                q.kind = kind;
                q.approx = true;
                return Some((q, e));
            }
        }
        // Range connector.
        let conn_at = if u1.is_some() || c1.is_some() {
            after_first
        } else if self.is_sym(end, '-') && self.attached(end) && self.w(end + 1) == "to" {
            // "5- to 9-metre"
            end + 1
        } else {
            end
        };
        let conn = self.w(conn_at);
        let dash =
            self.is_sym(conn_at, '-') || self.is_sym(conn_at, '–') || self.is_sym(conn_at, '—');
        let dash_ok = dash && {
            let a_sp = self.tok(conn_at).is_some_and(|t| t.sp);
            let b_sp = self.tok(conn_at + 1).is_some_and(|t| t.sp);
            a_sp == b_sp
        };
        let tilde = self.is_sym(conn_at, '~') && self.attached(conn_at);
        let connector = dash_ok
            || tilde
            || conn == "to"
            || conn == "through"
            || conn == "thru"
            || (conn == "and" && intro == Some("between"))
            || (conn == "or" && u1.is_none() && c1.is_none() && cur.is_none());
        if connector {
            let mut bstart = conn_at + 1;
            if conn == "to" && self.is_sym(bstart, '-') && self.attached(bstart) {
                bstart += 1;
            }
            if let Some(mut b) = self
                .amount(bstart)
                .filter(|b| !self.glued_to_word(b.num) || b.cur.is_some())
            {
                // "the 2021-22 season": a two-digit end year takes the century of the first.
                if dash && year_like(self, &a) && self.attached(bstart) {
                    if let Some(t) = self.tok(b.num).filter(|t| t.plain && t.ndig == 2) {
                        let century = (a.value / 100.0).floor() * 100.0;
                        let mut y = century + t.val;
                        if y <= a.value {
                            y += 100.0;
                        }
                        if y - a.value < 100.0 {
                            b.value = y;
                            b.raw = y;
                        }
                    }
                }
                let prev_word = if i > 0 { self.w(i - 1) } else { "" };
                // "rose by $4bn to $9bn" is a change and a level, not a range.
                let explicit = a.cur.is_some() || u1.is_some() || c1.is_some();
                let by_change = conn == "to"
                    && intro.is_none()
                    && explicit
                    && matches!(prev_word, "by" | "to" | "at");
                // "from 30 mpg in 2015 to 41 mpg": a year never pairs with a non-year.
                let year_mix = year_like(self, &a) != year_like(self, &b) && b.value < a.value;
                let cur_ok = match (cur, b.cur) {
                    (Some(x), Some(y)) => x == y,
                    (None, Some(_)) => u1.is_none() && c1.is_none(),
                    _ => true,
                };
                let u2 = self.unit_after(b.next);
                let c2 = if b.cur.is_none() && cur.is_none() {
                    self.currency_after(b.next, b.scaled || a.scaled)
                } else {
                    None
                };
                let unit_ok = match (&u1, &u2) {
                    (Some(x), Some(y)) => x.unit == y.unit,
                    (Some(_), None) => intro.is_some() || dash,
                    _ => true,
                } && match (&c1, &c2) {
                    (Some(x), Some(y)) => x.0 == y.0,
                    (Some(_), None) => intro.is_some() || dash || c1.is_some(),
                    (None, Some(_)) => u1.is_none(),
                    _ => true,
                };
                // Years on both sides read as a span of years ("2016-2019").
                // "77-77", "53-47", "3-1": scores and tallies, not ranges (ranges are written
                // low to high); both numbers are left out rather than misread.
                let integers = self.tok(a.num).is_some_and(|t| t.plain)
                    && self.tok(b.num).is_some_and(|t| t.plain);
                if dash
                    && integers
                    && a.value >= b.value
                    && cur.is_none()
                    && u1.is_none()
                    && u2.is_none()
                    && c2.is_none()
                    && !year_like(self, &a)
                {
                    self.skip.set(b.next);
                    return None;
                }
                if cur_ok
                    && unit_ok
                    && !by_change
                    && !year_mix
                    && !(conn == "or" && b.cur.is_some())
                {
                    let mut av = a.value;
                    if !a.scaled && b.scaled && a.raw < b.raw {
                        av *= b.scale;
                    }
                    low = av.min(b.value);
                    high = av.max(b.value);
                    is_range = true;
                    end = b.next;
                    if cur.is_none() {
                        cur = b.cur;
                    }
                    match (&u2, &c2) {
                        (_, Some((c, e))) => {
                            cur_after = Some(*c);
                            end = *e;
                        }
                        (Some(u), None) => {
                            unit = Some(*u);
                            end = u.end;
                        }
                        _ => {
                            if let Some((c, e)) = c1 {
                                cur_after = Some(c);
                                let _ = e;
                            } else if let Some(u) = u1 {
                                unit = Some(u);
                            }
                        }
                    }
                }
            }
        }
        if !is_range {
            match (c1, u1) {
                (Some((c, e)), _) => {
                    cur_after = Some(c);
                    end = e;
                }
                (None, Some(u)) => {
                    unit = Some(u);
                    end = u.end;
                }
                _ => {}
            }
        }
        if cur.is_none() {
            cur = cur_after;
        }
        // "$64 US", "$58 U.S."
        if cur.is_some() && !is_range {
            if self.raw(end) == "US" {
                end += 1;
            } else if self.raw(end) == "U" && self.is_sym(end + 1, '.') && self.raw(end + 2) == "S"
            {
                end += if self.is_sym(end + 3, '.') { 4 } else { 3 };
            }
        }
        // "from $41,200 at 9.30pm to $39,800": a span written around a time or
        // year. Only numbers that are plainly years or clock times may stand in between.
        // "from $75 a barrel to $45.88": the rate written once, after the first figure.
        let mut range_per = None;
        if !is_range && intro == Some("from") && (cur.is_some() || unit.is_some()) {
            let first_per = self.per_after(end, cur.is_some());
            let from = first_per.as_ref().map_or(end, |p| p.1);
            let to_now = first_per.is_some();
            if let Some((b, bend)) = self.far_to(from, to_now, cur, unit.map(|u| u.unit)) {
                low = a.value.min(b);
                high = a.value.max(b);
                is_range = true;
                end = bend;
                range_per = first_per.map(|p| p.0);
            }
        }
        // Trailing "or more" / "or less" / "plus".
        if matches!(self.w(end), "or" | "and") {
            let b = match self.w(end + 1) {
                "more" | "higher" | "above" | "over" | "greater" | "larger" | "bigger" => {
                    Some(Bound::AtLeast)
                }
                "less" | "fewer" | "lower" | "below" | "under" | "smaller" => Some(Bound::AtMost),
                _ => None,
            };
            // "150 or more", "400 and more", but not "150 or more than 250".
            // "and below 900", "and less or equal than 70" begin the next quantity.
            if let Some(b) = b {
                let than = self.w(end + 2) == "than";
                let k = if than { end + 3 } else { end + 2 };
                let next_starts = self.is_num(k)
                    || self.number_word_start(k)
                    || self.is_anchor(k)
                    || (matches!(self.w(k), "a" | "an") && self.is_anchor(k + 1))
                    || matches!(self.w(k), "or" | "equal" | "to");
                if !next_starts {
                    bound = b;
                    end = k;
                }
            }
        } else if self.is_sym(end, '-') && self.attached(end) && self.w(end + 1) == "plus" {
            // "3,000-plus complaints"
            bound = Bound::AtLeast;
            end += 2;
        } else if self.w(end) == "plus" && !self.is_num(end + 1) && !self.is_anchor(end + 1) {
            // "10,000 plus" closing a clause; "5 plus 3" is arithmetic.
            let closing = !self.tok(end + 1).is_some_and(|t| t.kind == Tk::Word);
            if closing {
                bound = Bound::AtLeast;
                end += 1;
            }
        }
        // "4 dollars 20 cents", "eleven dollars and thirty cents", "19 USD 40."
        let mut value = a.value;
        if let (Some(c), false) = (cur, is_range) {
            if c.len() == 3 && a.value.fract() == 0.0 && !a.scaled {
                if let Some((minor, e)) = self.minor_units(end) {
                    value += minor / 100.0;
                    low = value;
                    high = value;
                    end = e;
                }
            }
        }
        // The text is cut once, at the end, when the span is final.
        let mut q = self.make(q_start, q_start);
        let mut kind;
        let mut unit_s = String::new();
        if let Some(c) = cur {
            kind = QuantityKind::Money;
            unit_s.push_str(c);
        } else if let Some(u) = unit {
            kind = u.kind;
            unit_s.push_str(u.unit);
        } else {
            kind = QuantityKind::Count;
        }
        // Per / rate.
        let mut per = range_per;
        if let Some((p, e)) = self.per_after(
            end,
            kind == QuantityKind::Money || kind == QuantityKind::Measure,
        ) {
            per = Some(p);
            end = e;
        }
        // "3/8 of a US cup": a fraction of one unit.
        if kind == QuantityKind::Count
            && unit.is_none()
            && !is_range
            && value > 0.0
            && value < 1.0
            && self.w(end) == "of"
            && matches!(self.w(end + 1), "a" | "an")
        {
            let hit = self.unit_after(end + 2).or_else(|| {
                self.unit_after(end + 3)
                    .filter(|_| self.has_capital(end + 2))
            });
            if let Some(u) = hit.filter(|u| u.kind == QuantityKind::Measure) {
                unit = Some(u);
                kind = u.kind;
                unit_s = u.unit.to_string();
                end = u.end;
            }
        }
        // "a six-cylinder engine", "four-, five- and six-cylinder engines".
        if kind == QuantityKind::Count
            && unit.is_none()
            && unit_s.is_empty()
            && cur.is_none()
            && !year_like(self, &a)
        {
            if let Some((u, kd, e)) = self.hyphen_noun(end) {
                unit_s = u;
                kind = kd;
                end = e;
            }
        }
        // Counted noun.
        if kind == QuantityKind::Count && unit.is_none() && unit_s.is_empty() {
            let singular = !is_range && a.value == 1.0;
            // "2018 troops" counts troops, but "Russia's 2022 invasion" and "its 2018 sales" are
            // years: a year-like number takes only a plural noun right after it, and only
            // when no possessive or name stands before it.
            let noun = self.counted_noun(end, singular).filter(|(_, e)| {
                if !year_like(self, &a) {
                    return true;
                }
                let before = j.checked_sub(1);
                let possessive = before.is_some_and(|b| {
                    matches!(
                        self.w(b),
                        "the"
                            | "its"
                            | "their"
                            | "his"
                            | "her"
                            | "our"
                            | "this"
                            | "that"
                            | "s"
                            | "in"
                    ) || self.has_capital(b)
                        || self.is_sym(b, '\'')
                        || self.is_sym(b, '’')
                });
                *e == end + 1 && !possessive
            });
            if let Some((n, e)) = noun {
                unit_s = n;
                end = e;
                if per.is_none() {
                    if let Some((p, e2)) = self.per_after(end, false) {
                        per = Some(p);
                        end = e2;
                    }
                }
            }
        }
        if kind == QuantityKind::Count && unit_s.is_empty() && year_like(self, &a) {
            if is_range {
                let b_is_year = high <= 2199.0 && low >= 1000.0;
                if b_is_year {
                    kind = QuantityKind::Year;
                }
            } else {
                kind = QuantityKind::Year;
            }
            if kind == QuantityKind::Year {
                unit_s = "year".into();
                // "the 1960s"
                if self.attached(end) && self.w(end) == "s" {
                    end += 1;
                }
            }
        }
        // A bare number right after a capitalised name is part of the name ("Galaxy S9", "Nikkei 225").
        if kind == QuantityKind::Count && unit.is_none() && cur.is_none() && j == i && !a.words {
            // "Model -3": look past a sign glued to the number.
            let p0 = if j > 0 && self.is_sym(j - 1, '-') && self.attached(j) {
                j.checked_sub(2)
            } else {
                j.checked_sub(1)
            };
            if let Some(p) = p0 {
                if self.tok(p).is_some_and(|t| t.kind == Tk::Word)
                    && self.has_capital(p)
                    && !is_stop(self.w(p))
                    && month_num(self.w(p)).is_none()
                {
                    return None;
                }
            }
            // "60614 ZIP Code", "15 Pro", "747 Jumbo": a bare number before a name.
            // Decimals are measurements ("2.3 WAR"), not model numbers.
            let integer = self.tok(a.num).is_some_and(|t| t.plain);
            if unit_s.is_empty()
                && integer
                && (!is_range || dash)
                && self.tok(end).is_some_and(|t| t.kind == Tk::Word && t.sp)
                && self.has_capital(end)
                && month_num(self.w(end)).is_none()
                && !is_stop(self.w(end))
            {
                return None;
            }
        }
        // Digits glued to an unknown suffix are identifiers ("5G", "4K", "7QX2").
        if kind == QuantityKind::Count && unit_s.is_empty() && !is_range && self.attached(a.next) {
            if let Some(t) = self.tok(a.next) {
                if t.kind == Tk::Word {
                    return None;
                }
            }
        }
        if per.as_ref().is_some_and(|p| is_period(p)) && kind != QuantityKind::Measure {
            kind = QuantityKind::Rate;
        }
        if kind == QuantityKind::Duration
            && unit_s == "year"
            && !is_range
            && self.w(a.next) != "year"
        {
            // keep: "years" and "year-old" both land here
        }
        let qq = self.make(q_start, end);
        q.text = qq.text;
        q.end = qq.end;
        if is_range {
            q.value = None;
        } else {
            q.value = Some(value);
        }
        q.low = low;
        q.high = high;
        q.kind = kind;
        q.unit = unit_s;
        q.approx = approx;
        // "over five years" is a span of time, not "more than five years".
        if kind == QuantityKind::Duration && self.w(i) == "over" && self.w(end - 1) != "old" {
            bound = Bound::Exact;
        }
        q.bound = bound;
        q.per = per;
        // "more than 120 and less than 480" → one range.
        if q.bound != Bound::Exact && !self.nested.get() {
            let mut k = end;
            if self.is_sym(k, ',') {
                k += 1;
            }
            if matches!(self.w(k), "and" | "but") {
                k += 1;
            }
            if k > end && self.comparative_or_bound_start(k) {
                self.nested.set(true);
                let other = self.read_quantity(k);
                self.nested.set(false);
                if let Some((r, e2)) = other {
                    let opposite = r.bound != Bound::Exact && r.bound != q.bound;
                    let (lo, hi) = if q.bound == Bound::AtLeast {
                        (q.low, r.high)
                    } else {
                        (r.low, q.high)
                    };
                    // "more than 40 and less than 60 percent": the unit may come once, at the end.
                    let same_unit = r.unit == q.unit || q.unit.is_empty();
                    if opposite && same_unit && lo < hi {
                        let mut m = self.make(q_start, e2);
                        m.value = None;
                        m.low = lo;
                        m.high = hi;
                        m.unit = r.unit.clone();
                        m.kind = r.kind;
                        m.approx = q.approx || r.approx;
                        m.per = q.per.clone();
                        return Some((m, e2));
                    }
                }
            }
        }
        Some((q, end))
    }

    fn comparative_or_bound_start(&self, k: usize) -> bool {
        self.comparative(k).is_some()
            || matches!(
                (self.w(k), self.w(k + 1)),
                ("at", "least" | "most")
                    | ("up", "to")
                    | ("above" | "below" | "over" | "under", _)
                    | ("no", "more" | "less" | "fewer")
            )
    }

    /// "^-2", "−7", "^12" after a base: returns (exponent, end).
    fn exponent(&self, k: usize, _glued: bool) -> Option<(f64, usize)> {
        let mut m = k;
        if self.is_sym(m, '^') {
            m += 1;
        }
        let mut neg = false;
        for _ in 0..2 {
            if self.is_sym(m, '-') || self.is_sym(m, '−') {
                neg = !neg;
                m += 1;
            } else if self.is_sym(m, '+') {
                m += 1;
            }
        }
        let t = self.tok(m)?;
        if m == k || t.kind != Tk::Num || !t.plain || t.val > 400.0 || !self.attached(m) {
            return None;
        }
        Some((if neg { -t.val } else { t.val }, m + 1))
    }

    /// Cents after a whole amount of a major currency: "[and] 50 cents", or a bare "[and] 50"
    /// closing the clause. Returns (cents, end).
    fn minor_units(&self, k: usize) -> Option<(f64, usize)> {
        let k = if self.w(k) == "and" { k + 1 } else { k };
        let b = self.amount(k)?;
        if b.cur.is_some()
            || b.scaled
            || b.value < 1.0
            || b.value >= 100.0
            || b.value.fract() != 0.0
        {
            return None;
        }
        match self.w(b.next) {
            "cent" | "cents" | "pence" | "p" => return Some((b.value, b.next + 1)),
            "" => {}
            _ => return None,
        }
        match self.tok(b.next).map(|t| t.kind) {
            None | Some(Tk::Sym('.' | ',' | '!' | '?' | ';')) => Some((b.value, b.next)),
            _ => None,
        }
    }

    /// The "to Y" that closes "from X … to Y" within a few words; returns (Y, end). A "to"
    /// right at `from` counts only when `to_now`: a rate read in between ("$75 a barrel to
    /// $46") kept the range reader from seeing it; otherwise that reader already declined it.
    fn far_to(
        &self,
        from: usize,
        to_now: bool,
        cur: Option<&'static str>,
        unit: Option<&'static str>,
    ) -> Option<(f64, usize)> {
        for k in from..from + 10 {
            let t = self.tok(k)?;
            match t.kind {
                Tk::Sym('.' | ';' | '!' | '?' | '(' | ')') => return None,
                Tk::Num => {
                    let year = t.plain && t.ndig == 4;
                    let clock = self.is_sym(k + 1, ':')
                        || self.is_sym(k.wrapping_sub(1), ':')
                        || matches!(self.w(k + 1), "am" | "pm");
                    if !(year || clock) {
                        return None;
                    }
                }
                Tk::Word if self.w(k) == "to" && (k > from || to_now) => {
                    let b = self.amount(k + 1)?;
                    let b_cur = b
                        .cur
                        .or_else(|| self.currency_after(b.next, b.scaled).map(|c| c.0));
                    let b_unit = self.unit_after(b.next);
                    if b_cur.is_some() && b_cur != cur {
                        return None;
                    }
                    if cur.is_some() && b_cur.is_none() && b_unit.is_some() {
                        return None;
                    }
                    if let (Some(u), Some(bu)) = (unit, b_unit) {
                        if u != bu.unit {
                            return None;
                        }
                    }
                    if unit.is_some() && b_unit.is_none() && b.cur.is_some() {
                        return None;
                    }
                    let mut end = b.next;
                    if let Some(bu) = b_unit.filter(|_| unit.is_some()) {
                        end = bu.end;
                    }
                    return Some((b.value, end));
                }
                _ => {}
            }
        }
        None
    }

    /// End of a run of three or more numbers joined by ".", "-" or "/" with no spaces
    /// ("192.168.1.2", "+1-222-2222/2222", "5/17/2018"), starting at number `num`.
    fn code_chain(&self, num: usize) -> Option<usize> {
        let mut k = num;
        let mut groups = 1;
        // Decimal points inside the numbers: "192.168.1.2" reads as "192.168" "." "1.2".
        let mut points = self.raw(k).bytes().filter(|&c| c == b'.').count();
        let mut dot_joined = false;
        while self
            .tok(k + 1)
            .is_some_and(|t| matches!(t.kind, Tk::Sym('.' | '-' | '/')))
            && self.attached(k + 1)
            && self.attached(k + 2)
            && self.tok(k + 2).is_some_and(|t| t.kind == Tk::Num)
        {
            dot_joined |= self.is_sym(k + 1, '.');
            groups += 1;
            points += self.raw(k + 2).bytes().filter(|&c| c == b'.').count();
            k += 2;
        }
        // Only a dotted code splits its decimals into groups; "2.5-3.5" is a range.
        if dot_joined {
            groups += points;
        }
        (groups >= 3).then_some(k + 1)
    }

    /// The noun or unit of a hyphenated compound after a number: "a six-cylinder engine",
    /// and the shared one of a suspended hyphen, "four-, five- and six-cylinder engines".
    /// `h` is the hyphen glued to the number. Returns (unit, kind, end of the quantity).
    fn hyphen_noun(&self, h: usize) -> Option<(String, QuantityKind, usize)> {
        if !(self.is_sym(h, '-') && self.attached(h)) {
            return None;
        }
        if self.attached(h + 1) && self.tok(h + 1).is_some_and(|t| t.kind == Tk::Word) {
            if let Some(u) = self.unit_after(h) {
                return Some((u.unit.to_string(), u.kind, u.end));
            }
            let w = self.w(h + 1);
            let plain_noun = w.len() >= 3
                && !self.has_capital(h + 1)
                && !is_stop(w)
                && !is_adverb_like(w)
                && ones(w).is_none()
                && tens(w).is_none()
                && scale_word(w).is_none()
                && ordinal_word(w).is_none()
                && denominator(w).is_none()
                && !looks_plural(w)
                // "a 5,000-strong force", "40-odd", "a 12-high stack": adjectives, not nouns.
                && !matches!(
                    w,
                    "strong" | "odd" | "plus" | "old" | "long" | "wide" | "high" | "deep"
                        | "tall" | "thick" | "heavy" | "large" | "big" | "small" | "sized"
                        | "based" | "ish"
                )
                // "a 10-year-old", "two-and-a-half": the next part goes on.
                && !(self.is_sym(h + 2, '-') && self.attached(h + 2));
            return plain_noun.then(|| (w.to_string(), QuantityKind::Count, h + 2));
        }
        // Suspended hyphen: the compound that closes the list names the unit.
        if !(self.is_sym(h + 1, ',') || matches!(self.w(h + 1), "and" | "or" | "to")) {
            return None;
        }
        for k in h + 2..h + 10 {
            match self.tok(k).map(|t| t.kind) {
                None | Some(Tk::Sym('.' | ';' | ':' | '(' | ')')) => return None,
                Some(Tk::Sym('-')) if self.attached(k) && self.attached(k + 1) => {
                    let number_before = self.is_num(k - 1) || self.number_word_start(k - 1);
                    if !number_before {
                        return None;
                    }
                    return self.hyphen_noun(k).map(|(u, kind, _)| (u, kind, h + 1));
                }
                _ => {}
            }
        }
        None
    }

    fn glued_to_word(&self, num: usize) -> bool {
        if num == 0 || !self.attached(num) {
            return false;
        }
        match self.tok(num - 1).map(|t| t.kind) {
            Some(Tk::Word) => true,
            // "km^3", "NGC4414+12", "24/7": parts of a formula or code.
            Some(Tk::Sym('^')) => true,
            Some(Tk::Sym('+' | '/' | '.')) => {
                num >= 2
                    && self.attached(num - 1)
                    && self
                        .tok(num - 2)
                        .is_some_and(|t| matches!(t.kind, Tk::Num | Tk::Word))
            }
            Some(Tk::Sym('-' | '−')) => {
                num >= 2
                    && self.attached(num - 1)
                    && self.tok(num - 2).is_some_and(|t| t.kind == Tk::Word)
                    && !matches!(
                        self.w(num - 2),
                        "minus" | "sub" | "mid" | "now" | "to" | "and" | "or"
                    )
                    && !(num >= 3 && self.attached(num - 2) && self.is_num(num - 3))
            }
            _ => false,
        }
    }

    /// "dozens of", "hundreds of", "tens of thousands of", "millions of".
    fn magnitude_phrase(&self, i: usize) -> Option<(f64, f64, usize)> {
        let base = |w: &str| match w {
            "dozens" => Some(12.0),
            "tens" => Some(10.0),
            "hundreds" => Some(100.0),
            "thousands" => Some(1e3),
            "millions" => Some(1e6),
            "billions" => Some(1e9),
            "trillions" => Some(1e12),
            _ => None,
        };
        let b = base(self.w(i))?;
        if self.w(i + 1) != "of" {
            return None;
        }
        if let Some(b2) = base(self.w(i + 2)) {
            if self.w(i + 3) == "of" && b2 >= 100.0 {
                return Some((b * b2, b * b2 * 10.0, i + 4));
            }
            if self.w(i + 3) != "of" {
                return Some((b * b2, b * b2 * 10.0, i + 3));
            }
        }
        Some((b, b * 10.0, i + 2))
    }

    /// The unit after "millions of": a currency word, a unit, or a counted noun.
    fn unit_for_of(&self, k: usize) -> (String, QuantityKind, usize) {
        if let Some((c, e)) = self.currency_after(k, true) {
            return (c.to_string(), QuantityKind::Money, e);
        }
        if let Some(u) = self.unit_after(k) {
            return (u.unit.to_string(), u.kind, u.end);
        }
        if let Some((n, e)) = self.counted_noun(k, false) {
            return (n, QuantityKind::Count, e);
        }
        (String::new(), QuantityKind::Count, k)
    }
}

/// Four plain digits in the span of modern years, without currency or scale.
/// The value of a run of at most 15 ASCII digits, exact in an `f64`, without float parsing.
fn digits_value(digits: &[u8]) -> f64 {
    digits
        .iter()
        .fold(0u64, |acc, d| acc * 10 + u64::from(d - b'0')) as f64
}

/// Denominators under 32 that a fraction written with "/" is read with: halves to twelfths
/// and the sixteenths, twentieths and twenty-fifths of measures and odds.
const SLASH_DENOMINATORS: &[f64] = &[2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 16.0, 20.0, 25.0];

fn year_like(sc: &Scanner, x: &Amount) -> bool {
    sc.tok(x.num)
        .is_some_and(|t| t.kind == Tk::Num && t.plain && t.ndig == 4)
        && !x.scaled
        && !x.words
        && x.cur.is_none()
        && x.value >= 1000.0
        && x.value <= 2199.0
}

#[derive(Clone, Copy, Debug)]
struct Amount {
    start: usize,
    num: usize,
    next: usize,
    value: f64,
    raw: f64,
    scale: f64,
    scaled: bool,
    cur: Option<&'static str>,
    words: bool,
}

/// A small stack buffer for unit look-up keys: no allocation on the hot path.
struct KeyBuf {
    buf: [u8; 40],
    len: usize,
    full: bool,
}

impl Default for KeyBuf {
    fn default() -> Self {
        KeyBuf {
            buf: [0; 40],
            len: 0,
            full: false,
        }
    }
}

impl KeyBuf {
    fn push_str(&mut self, s: &str) {
        let end = self.len + s.len();
        if end > self.buf.len() {
            self.full = true;
            return;
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
    }

    fn push(&mut self, c: char) {
        let mut tmp = [0u8; 4];
        self.push_str(c.encode_utf8(&mut tmp));
    }

    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

#[derive(Clone, Copy, Debug)]
struct UnitHit {
    unit: &'static str,
    kind: QuantityKind,
    end: usize,
}
