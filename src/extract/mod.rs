//! Extract: the facts inside each sentence.
//!
//! Owns what a sentence states beyond its words: quantities ([`quantity`]), canonical entities
//! (with the alias table in [`lexicon`] and short names resolved inside a document), quotes,
//! negation and hedging, plus the normalised content terms the aligner indexes. Extraction is
//! per document because a short name ("Kim") is resolved against the names that document
//! spelled out in full.

pub mod lexicon;
pub mod quantity;

use crate::segment::Sentence;
use quantity::Quantity;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;
use std::cell::RefCell;

/// A quoted passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The words inside the quotation marks.
    pub text: String,
}

/// The facts of one sentence.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Quantities; `start`/`end` are byte offsets into the input file.
    pub quantities: Vec<Quantity>,
    /// Canonical entity names, in order of first mention, without repeats.
    pub entities: Vec<String>,
    /// The cue that negates the sentence, if any.
    pub negation: Option<String>,
    /// The cue that hedges the sentence, if any.
    pub hedge: Option<String>,
    /// Quoted passages.
    pub quotes: Vec<Quote>,
    /// Stemmed content words (synonyms folded, entity words left out), in order.
    pub terms: Vec<String>,
}

/// A word of a sentence with its byte range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Splits text into words: letters and digits, keeping inner apostrophes, inner dots
/// (`U.S.`, `2.5`) and inner hyphens out (so `U.S.-North Korea` yields both names).
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                chars.next();
            } else if matches!(d, '\'' | '’' | '.') {
                let next = text[j + d.len_utf8()..].chars().next();
                if next.is_some_and(char::is_alphanumeric) {
                    chars.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        // Initials such as "U.S." keep their final dot.
        let word = &text[i..end];
        if word.contains('.') && text[end..].starts_with('.') && word.len() <= 6 {
            end += 1;
            chars.next();
        }
        out.push(Token {
            text: &text[i..end],
            start: i,
            end,
        });
    }
    out
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Extracts the facts of every sentence of one document.
pub struct Extractor {
    stemmer: Stemmer,
    stop: HashSet<&'static str>,
    non_entity: HashSet<&'static str>,
    synonyms: HashMap<&'static str, &'static str>,
    /// Surface form (tokens joined by one space) → canonical name.
    aliases: HashMap<String, String>,
    /// First word of every alias key.
    alias_starts: HashSet<String>,
    longest_alias: usize,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new(&[])
    }
}

impl Extractor {
    /// An extractor with the built-in lexicon plus `extra_aliases` (canonical, surface forms).
    pub fn new(extra_aliases: &[(String, Vec<String>)]) -> Self {
        let mut aliases = HashMap::default();
        let mut add = |canonical: &str, surface: &str| {
            let key = tokenize(surface)
                .iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" ");
            aliases.insert(key, canonical.to_string());
        };
        for (canonical, forms) in lexicon::ALIASES {
            add(canonical, canonical);
            for form in *forms {
                add(canonical, form);
            }
        }
        for (canonical, forms) in extra_aliases {
            add(canonical, canonical);
            for form in forms {
                add(canonical, form);
            }
        }
        let alias_starts = aliases
            .keys()
            .filter_map(|k| k.split(' ').next())
            .map(str::to_string)
            .collect();
        let longest_alias = aliases
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        Extractor {
            stemmer: Stemmer::create(Algorithm::English),
            stop: lexicon::STOP_WORDS.iter().copied().collect(),
            non_entity: lexicon::NON_ENTITY_CAPS.iter().copied().collect(),
            synonyms: lexicon::SYNONYMS.iter().copied().collect(),
            aliases,
            alias_starts,
            longest_alias,
        }
    }

    /// The facts of each sentence of one document, in the same order.
    pub fn extract_document(&self, sentences: &[Sentence]) -> Vec<Facts> {
        let tokenised: Vec<Vec<Token<'_>>> = sentences.iter().map(|s| tokenize(&s.text)).collect();
        // Words written capitalised in mid-sentence are names in this document; a capitalised
        // sentence-initial word counts only if the document also uses it that way.
        let mut mid_caps: HashSet<&str> = HashSet::default();
        for tokens in &tokenised {
            for t in tokens.iter().skip(1) {
                if is_capitalised(t.text) {
                    mid_caps.insert(strip_possessive(t.text));
                }
            }
        }
        let mut mentions: Vec<Vec<(String, usize, usize)>> = sentences
            .iter()
            .zip(&tokenised)
            .map(|(s, tokens)| self.entity_mentions(&s.text, tokens, &mid_caps))
            .collect();
        resolve_short_names(&mut mentions);

        sentences
            .iter()
            .zip(&tokenised)
            .zip(mentions)
            .map(|((sentence, tokens), mentions)| self.facts(sentence, tokens, mentions))
            .collect()
    }

    fn facts(
        &self,
        sentence: &Sentence,
        tokens: &[Token<'_>],
        mentions: Vec<(String, usize, usize)>,
    ) -> Facts {
        let text = sentence.text.as_str();
        let mut quantities = quantity::quantities(text);
        for q in &mut quantities {
            q.start = sentence.map.to_original(q.start);
            q.end = sentence.map.to_original(q.end.saturating_sub(1)) + 1;
        }
        let mut entities: Vec<String> = Vec::new();
        for (name, _, _) in &mentions {
            if !entities.contains(name) {
                entities.push(name.clone());
            }
        }
        let in_entity =
            |t: &Token<'_>| mentions.iter().any(|&(_, s, e)| t.start >= s && t.end <= e);
        let lower: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
        let mut terms = Vec::new();
        for (t, word) in tokens.iter().zip(&lower) {
            if in_entity(t)
                || word
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            {
                continue;
            }
            let word = strip_possessive(word);
            if self.stop.contains(word) || word.chars().count() < 2 {
                continue;
            }
            let folded = self.synonyms.get(word).copied().unwrap_or(word);
            terms.push(self.stem(folded));
        }
        Facts {
            quantities,
            entities,
            negation: negation_cue(tokens, &lower),
            hedge: hedge_cue(tokens, &lower),
            quotes: quotes(text),
            terms,
        }
    }

    /// Entity mentions as (canonical name, start, end) within the sentence.
    fn entity_mentions(
        &self,
        text: &str,
        tokens: &[Token<'_>],
        mid_caps: &HashSet<&str>,
    ) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            // Longest alias first, so "North Korean" wins over "North".
            if let Some((canonical, n)) = self.alias_at(text, tokens, i) {
                out.push((canonical, tokens[i].start, tokens[i + n - 1].end));
                i += n;
                continue;
            }
            let word = strip_possessive(tokens[i].text);
            let starts_name = is_capitalised(word)
                && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !self.non_entity.contains(word.trim_end_matches('.'))
                && (i > 0 || mid_caps.contains(word));
            if !starts_name {
                i += 1;
                continue;
            }
            // Extend over following capitalised words separated only by a space.
            let mut j = i + 1;
            // A possessive ends the name: "Trump's Call" is not one name.
            while j < tokens.len()
                && is_capitalised(tokens[j].text)
                && &text[tokens[j - 1].end..tokens[j].start] == " "
                && tokens[j - 1].text == strip_possessive(tokens[j - 1].text)
                && self.alias_at(text, tokens, j).is_none()
            {
                j += 1;
            }
            let start = tokens[i].start;
            let end = tokens[j - 1].start + strip_possessive(tokens[j - 1].text).len();
            let name = text[start..end].to_string();
            let canonical = self.aliases.get(&name).cloned().unwrap_or(name);
            out.push((canonical, start, end));
            i = j;
        }
        out
    }

    /// The Snowball stem of `word`. News repeats its vocabulary, so stems are remembered per
    /// thread: stemming was the largest single cost of extraction.
    fn stem(&self, word: &str) -> String {
        thread_local! {
            static STEMS: RefCell<HashMap<String, String>> = RefCell::default();
        }
        // Bounded: a stream of distinct words (a 20 MB line of noise) must not grow it forever.
        const REMEMBERED: usize = 1 << 16;
        STEMS.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(stem) = cache.get(word) {
                return stem.clone();
            }
            let stem = self.stemmer.stem(word).into_owned();
            if cache.len() >= REMEMBERED {
                cache.clear();
            }
            cache.insert(word.to_string(), stem.clone());
            stem
        })
    }

    fn alias_at(&self, text: &str, tokens: &[Token<'_>], i: usize) -> Option<(String, usize)> {
        // Most words start no alias: one set lookup instead of building every window's key.
        let first = tokens[i].text;
        if !self.alias_starts.contains(first)
            && !self.alias_starts.contains(strip_possessive(first))
        {
            return None;
        }
        let max = self.longest_alias.min(tokens.len() - i);
        for n in (1..=max).rev() {
            let window = &tokens[i..i + n];
            // An alias never spans punctuation: its words are separated by single spaces.
            if window
                .windows(2)
                .any(|w| !matches!(&text[w[0].end..w[1].start], " " | "-"))
            {
                continue;
            }
            let mut key = String::new();
            for (k, t) in window.iter().enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.push_str(if k + 1 == n {
                    strip_possessive(t.text)
                } else {
                    t.text
                });
            }
            if let Some(c) = self.aliases.get(&key) {
                return Some((c.clone(), n));
            }
        }
        None
    }
}

/// Replaces a one-word name by the longer name of the same document that ends or begins with
/// it ("Kim" → "Kim Jong Un"). When several fit, the one the document names most often wins,
/// provided it is named at least twice as often as the next.
fn resolve_short_names(mentions: &mut [Vec<(String, usize, usize)>]) {
    let mut counts: HashMap<String, usize> = HashMap::default();
    for (name, _, _) in mentions.iter().flatten() {
        if name.contains(' ') {
            *counts.entry(name.clone()).or_default() += 1;
        }
    }
    let resolve = |short: &str| -> Option<String> {
        let mut fits: Vec<(usize, &String)> = counts
            .iter()
            .filter(|(long, _)| {
                long.split(' ').next_back() == Some(short) || long.split(' ').next() == Some(short)
            })
            .map(|(long, &n)| (n, long))
            .collect();
        // Highest count first; ties broken by name so the choice never depends on hashing.
        fits.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        match fits.as_slice() {
            [] => None,
            [(_, only)] => Some((*only).clone()),
            [(n, best), (m, _), ..] if *n >= 2 * *m => Some((*best).clone()),
            _ => None,
        }
    };
    for sentence in mentions.iter_mut() {
        for (name, _, _) in sentence.iter_mut() {
            if !name.contains(' ') {
                if let Some(long) = resolve(name) {
                    *name = long;
                }
            }
        }
    }
}

fn negation_cue(tokens: &[Token<'_>], lower: &[String]) -> Option<String> {
    for (i, word) in lower.iter().enumerate() {
        let next = lower.get(i + 1).map(String::as_str);
        // "not only … but also" adds, it does not deny.
        if word == "not" && next == Some("only") {
            continue;
        }
        if lexicon::NEGATION_CUES.contains(&word.as_str())
            || word.ends_with("n't")
            || word.ends_with("n’t")
            || (word == "failed" && next == Some("to"))
            || (word == "no" && next == Some("longer"))
        {
            return Some(tokens[i].text.to_string());
        }
    }
    None
}

fn hedge_cue(tokens: &[Token<'_>], lower: &[String]) -> Option<String> {
    for (i, word) in lower.iter().enumerate() {
        // "May" capitalised mid-sentence is the month.
        if word == "may" && tokens[i].text != "may" && i > 0 {
            continue;
        }
        let next = lower.get(i + 1).map(String::as_str);
        if lexicon::HEDGE_CUES.contains(&word.as_str())
            || (matches!(word.as_str(), "believed" | "said" | "thought" | "rumored")
                && next == Some("to"))
        {
            return Some(tokens[i].text.to_string());
        }
    }
    None
}

/// Passages in straight or curly double quotes of at least two words.
fn quotes(text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('“', _) => open = Some(i + c.len_utf8()),
            ('"', None) => open = Some(i + 1),
            ('”' | '"', Some(s)) => {
                let inner = text[s..i].trim();
                if inner.split_whitespace().count() >= 2 {
                    out.push(Quote {
                        text: inner.to_string(),
                    });
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}
