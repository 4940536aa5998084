//! The BERT uncased WordPiece tokenizer the static model's vocabulary was made for: clean the
//! text, put spaces around CJK ideographs, split on whitespace and punctuation, lowercase and
//! strip accents, then cut each word into the longest vocabulary pieces from its start
//! (continuations carry a `##` prefix). A word no sequence of pieces covers, or one longer
//! than [`MAX_WORD_CHARS`], is the unknown token.
//!
//! Written here rather than taken from the `tokenizers` crate: this is the whole of what the
//! model needs (about a hundred lines against a large dependency tree), and the tests hold it
//! to the token ids the Python tokenizer gives.

use rustc_hash::FxHashMap as HashMap;
use unicode_general_category::{get_general_category, GeneralCategory};
use unicode_normalization::UnicodeNormalization;

/// Words longer than this many characters are one unknown token, as in BERT.
pub const MAX_WORD_CHARS: usize = 100;

/// A WordPiece vocabulary: token text to id.
#[derive(Debug, Clone)]
pub struct WordPiece {
    ids: HashMap<Box<str>, u32>,
    unk: u32,
    lowercase: bool,
    strip_accents: bool,
}

impl WordPiece {
    /// A tokenizer over `tokens` (in id order), with `unk` as the unknown token's id.
    pub fn new(tokens: &[String], unk: u32, lowercase: bool, strip_accents: bool) -> WordPiece {
        let mut ids = HashMap::default();
        ids.reserve(tokens.len());
        for (id, token) in tokens.iter().enumerate() {
            // The first of duplicate tokens wins, as in a vocabulary file read top to bottom.
            ids.entry(token.as_str().into()).or_insert(id as u32);
        }
        WordPiece {
            ids,
            unk,
            lowercase,
            strip_accents,
        }
    }

    /// The unknown token's id.
    pub fn unk(&self) -> u32 {
        self.unk
    }

    /// Appends the token ids of `text` to `out` (no special tokens).
    pub fn tokenize(&self, text: &str, out: &mut Vec<u32>) {
        let mut word = String::new();
        let mut piece = String::new();
        for_each_word(text, |raw| {
            word.clear();
            self.normalise(raw, &mut word);
            // Accent stripping can leave punctuation behind ("´" alone is a modifier letter,
            // but a combining mark over a quote is not): split again after normalising.
            for part in split_punctuation(&word) {
                self.word_pieces(part, &mut piece, out);
            }
        });
    }

    fn normalise(&self, raw: &str, out: &mut String) {
        if raw.is_ascii() {
            if self.lowercase {
                out.extend(raw.chars().map(|c| c.to_ascii_lowercase()));
            } else {
                out.push_str(raw);
            }
            return;
        }
        let lowered: String = if self.lowercase {
            raw.to_lowercase()
        } else {
            raw.to_string()
        };
        if self.strip_accents {
            out.extend(
                lowered
                    .nfd()
                    .filter(|&c| get_general_category(c) != GeneralCategory::NonspacingMark),
            );
        } else {
            out.push_str(&lowered);
        }
    }

    /// Greedy longest-match-first pieces of one word.
    fn word_pieces(&self, word: &str, piece: &mut String, out: &mut Vec<u32>) {
        if word.is_empty() {
            return;
        }
        if word.chars().count() > MAX_WORD_CHARS {
            out.push(self.unk);
            return;
        }
        let mark = out.len();
        let mut start = 0;
        while start < word.len() {
            let mut end = word.len();
            let mut found = None;
            while end > start {
                piece.clear();
                if start > 0 {
                    piece.push_str("##");
                }
                piece.push_str(&word[start..end]);
                if let Some(&id) = self.ids.get(piece.as_str()) {
                    found = Some(id);
                    break;
                }
                end = prev_boundary(word, end);
            }
            match found {
                Some(id) => {
                    out.push(id);
                    start = end;
                }
                None => {
                    out.truncate(mark);
                    out.push(self.unk);
                    return;
                }
            }
        }
    }
}

/// The start of the character that ends at `end`.
fn prev_boundary(s: &str, end: usize) -> usize {
    let mut i = end - 1;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Calls `f` with each whitespace-separated run of `text` after BERT's cleaning: control
/// characters and U+FFFD dropped, CJK ideographs standing alone, and punctuation split off
/// as single characters.
fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut cleaned = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\0' || c == '\u{FFFD}' || is_control(c) {
            continue;
        }
        if is_whitespace(c) {
            cleaned.push(' ');
        } else if is_cjk(c) {
            cleaned.push(' ');
            cleaned.push(c);
            cleaned.push(' ');
        } else {
            cleaned.push(c);
        }
    }
    for run in cleaned.split(' ').filter(|r| !r.is_empty()) {
        for part in split_punctuation(run) {
            f(part);
        }
    }
}

/// A run cut before and after every punctuation character.
fn split_punctuation(run: &str) -> impl Iterator<Item = &str> {
    let mut rest = run;
    std::iter::from_fn(move || {
        let (i, c) = rest.char_indices().next()?;
        debug_assert_eq!(i, 0);
        let end = if is_punctuation(c) {
            c.len_utf8()
        } else {
            rest.char_indices()
                .find(|&(_, c)| is_punctuation(c))
                .map_or(rest.len(), |(j, _)| j)
        };
        let (head, tail) = rest.split_at(end);
        rest = tail;
        Some(head)
    })
}

fn is_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
        || get_general_category(c) == GeneralCategory::SpaceSeparator
}

fn is_control(c: char) -> bool {
    if matches!(c, '\t' | '\n' | '\r') {
        return false;
    }
    matches!(
        get_general_category(c),
        GeneralCategory::Control | GeneralCategory::Format
    )
}

/// BERT's punctuation: every non-alphanumeric ASCII symbol, and Unicode's punctuation classes.
fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(
        get_general_category(c),
        GeneralCategory::ConnectorPunctuation
            | GeneralCategory::DashPunctuation
            | GeneralCategory::OpenPunctuation
            | GeneralCategory::ClosePunctuation
            | GeneralCategory::InitialPunctuation
            | GeneralCategory::FinalPunctuation
            | GeneralCategory::OtherPunctuation
    )
}

/// The CJK ideograph blocks BERT tokenizes one character at a time.
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F
        | 0x2B820..=0x2CEAF
        | 0xF900..=0xFAFF
        | 0x2F800..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(words: &[&str]) -> WordPiece {
        let tokens: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        WordPiece::new(&tokens, 0, true, true)
    }

    fn ids(wp: &WordPiece, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        wp.tokenize(text, &mut out);
        out
    }

    #[test]
    fn longest_pieces_from_the_start_with_continuations() {
        let wp = vocab(&[
            "[UNK]", "un", "##aff", "##able", "unaff", "run", "##ning", ".",
        ]);
        assert_eq!(ids(&wp, "Unaffable running."), vec![4, 3, 5, 6, 7]);
    }

    #[test]
    fn a_word_no_pieces_cover_is_one_unknown() {
        let wp = vocab(&["[UNK]", "ab", "##c"]);
        assert_eq!(ids(&wp, "abd ab"), vec![0, 1]);
    }

    #[test]
    fn accents_are_stripped_and_punctuation_split() {
        let wp = vocab(&["[UNK]", "cafe", "'", "s", "$", "2", ".", "5"]);
        assert_eq!(ids(&wp, "Café's $2.5"), vec![1, 2, 3, 4, 5, 6, 7]);
    }

    #[test]
    fn control_characters_vanish_and_cjk_stands_alone() {
        let wp = vocab(&["[UNK]", "a", "中", "b"]);
        assert_eq!(ids(&wp, "a\u{0007}中b"), vec![1, 2, 3]);
    }

    #[test]
    fn very_long_words_are_unknown() {
        let wp = vocab(&["[UNK]", "a", "##a"]);
        assert_eq!(ids(&wp, &"a".repeat(MAX_WORD_CHARS + 1)), vec![0]);
        assert_eq!(ids(&wp, &"a".repeat(3)), vec![1, 2, 2]);
    }
}
