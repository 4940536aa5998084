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
use std::borrow::Cow;
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
    /// The content terms the negation cue governs: those after it in its clause. The judge
    /// ignores a negation whose scope the other statement does not share (it negates a detail
    /// only one source gives). Empty when the cue ends its clause.
    pub negation_scope: Vec<String>,
    /// The content terms the hedge cue governs, as for `negation_scope`.
    pub hedge_scope: Vec<String>,
    /// A word that denies without being a negation cue ("without", "failure", "declined",
    /// "unless"): a statement with one does not plainly assert, so it never stands against a
    /// negated one.
    pub negative_word: Option<String>,
    /// Words that qualify the statement without being hedge cues, lowercase: conditionals
    /// and other modals, estimates and beliefs ([`lexicon::MODAL_QUALIFIERS`]) and
    /// attributions to an accuser or a report ([`lexicon::ATTRIBUTIONS`]). A statement with
    /// the matching kind does not plainly assert, so it never stands against a hedged one.
    pub qualifiers: Vec<String>,
    /// Canonical names given as the speaker: named outside quotation marks, right before or
    /// after a verb of saying ("Ruiz said", "said Hannah Price"), and not a description
    /// ("the Connecticut Democrat said" names a role, not a person).
    pub speakers: Vec<String>,
    /// Content words inside quotation marks, stemmed and synonym-folded like `terms`, with
    /// the words of names quoted (lowercase, stemmed), so quoted wording can be compared.
    pub quote_terms: Vec<String>,
    /// Each entity mention with the lowercase words just before and after it, the slot it
    /// fills ("met in _ next"), so the judge can tell a different place in the same role
    /// from an added detail. Mentions joined by a lowercase particle ("Dar es Salaam") fill
    /// one slot.
    pub entity_slots: Vec<EntitySlot>,
    /// Days of the week the statement puts its event on ("Monday"), in order, without
    /// repeats. A day named just after a verb of saying ("said on Monday", "told reporters
    /// Tuesday") dates the report, which outlets publishing on different days give
    /// differently, so it is left out.
    pub weekdays: Vec<String>,
    /// The moment of a trading day the statement reads its figures at ("in early trading",
    /// "at midday", "closing high", "around 0335 GMT"), if it names one: a price at midday
    /// and one at the close are two readings, not one figure given twice.
    pub moment: Option<Moment>,
    /// What the sentence means, as a vector of the built-in model ([`crate::embed`]): the
    /// aligner's evidence that two statements say the same thing in other words.
    pub meaning: crate::embed::Meaning,
}

/// A moment of a trading day, as market reports time their figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// The opening or early trading.
    Open,
    /// Morning trading.
    Morning,
    /// Midday.
    Midday,
    /// Afternoon trading.
    Afternoon,
    /// The close: closing prices, "ended at", "closed up".
    Close,
    /// A clock time, in minutes after midnight of the zone given.
    Clock(u16),
}

/// An entity mention and the words around it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntitySlot {
    /// Canonical name.
    pub name: String,
    /// The word before the mention, lowercase; empty at the start of the sentence.
    pub before: String,
    /// The word after the mention, lowercase; empty at the end of the sentence.
    pub after: String,
    /// Whether the mention opens the sentence (only "the", "a" or "an" before it): the
    /// subject slot.
    pub opens: bool,
}

/// A word of a sentence with its byte range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// All ASCII and no capital: the token is its own lowercase form (most words of running
    /// text), told while tokenising so no later pass reads its bytes again.
    pub lowercase: bool,
}

/// [`BYTE_CLASS`] bit: an ASCII letter or digit.
const ALNUM: u8 = 1;
/// [`BYTE_CLASS`] bit: an ASCII capital or any byte of a non-ASCII character, so a word
/// holding one is not its own lowercase form.
const NOT_LOWER: u8 = 2;

/// What the tokeniser needs to know of each byte, one table read instead of range tests.
const BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() || c.is_ascii_digit() {
            ALNUM
        } else if c.is_ascii_uppercase() {
            ALNUM | NOT_LOWER
        } else if c >= 0x80 {
            NOT_LOWER
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Splits text into words: letters and digits, keeping inner apostrophes, inner dots
/// (`U.S.`, `2.5`) and inner hyphens out (so `U.S.-North Korea` yields both names).
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let b = text.as_bytes();
    // The length of the non-ASCII character at byte `at` if it is a letter or digit, else 0.
    let wide_alnum = |at: usize| -> usize {
        text[at..]
            .chars()
            .next()
            .filter(|c| c.is_alphanumeric())
            .map_or(0, char::len_utf8)
    };
    // The same for any character; ASCII, nearly all of news text, is read off the byte.
    let alnum = |at: usize| -> usize {
        match b.get(at) {
            None => 0,
            Some(&c) if c.is_ascii() => usize::from(BYTE_CLASS[usize::from(c)] & ALNUM),
            Some(_) => wide_alnum(at),
        }
    };
    let mut out = Vec::with_capacity(b.len() / 5);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let len = if c.is_ascii() {
            usize::from(BYTE_CLASS[usize::from(c)] & ALNUM)
        } else {
            wide_alnum(i)
        };
        if len == 0 {
            // Skip the whole character: its UTF-8 length is told by its lead byte.
            i += match c {
                0..0x80 => 1,
                0x80..0xE0 => 2,
                0xE0..0xF0 => 3,
                _ => 4,
            };
            continue;
        }
        let start = i;
        let mut end = i + len;
        let mut dotted = false;
        // Non-ASCII lead bytes carry NOT_LOWER too, so one OR per character tells `lowercase`.
        let mut class = BYTE_CLASS[usize::from(c)];
        loop {
            while let Some(&x) = b.get(end) {
                let k = BYTE_CLASS[usize::from(x)];
                if k & ALNUM == 0 {
                    break;
                }
                class |= k;
                end += 1;
            }
            let Some(&d) = b.get(end) else {
                break;
            };
            if !d.is_ascii() {
                let dl = wide_alnum(end);
                if dl > 0 {
                    class |= NOT_LOWER;
                    end += dl;
                    continue;
                }
            }
            // An inner joiner belongs to the word only with the character after it.
            let joiner = match d {
                b'\'' | b'.' => 1,
                0xE2 if b[end..].starts_with("’".as_bytes()) => 3,
                _ => 0,
            };
            if joiner == 0 {
                break;
            }
            let nl = alnum(end + joiner);
            if nl == 0 {
                break;
            }
            dotted |= d == b'.';
            class |= BYTE_CLASS[usize::from(d)] | BYTE_CLASS[usize::from(b[end + joiner])];
            end += joiner + nl;
        }
        // Initials such as "U.S." keep their final dot.
        if dotted && b.get(end) == Some(&b'.') && end - start <= 6 {
            end += 1;
        }
        out.push(Token {
            text: &text[start..end],
            start,
            end,
            lowercase: class & NOT_LOWER == 0,
        });
        i = end;
    }
    out
}

/// `word.to_lowercase()`, borrowed when that would not change it.
fn lowered(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Appends `word` lowercased to `buf` and returns its range there; `None`, leaving `buf`
/// alone, when the word already is lowercase (most words of running text).
fn lowercase_into(word: &str, buf: &mut String) -> Option<(usize, usize)> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return None;
    }
    let from = buf.len();
    if word.is_ascii() {
        buf.push_str(word);
        buf[from..].make_ascii_lowercase();
    } else {
        buf.push_str(&word.to_lowercase());
    }
    Some((from, buf.len()))
}

/// What the lexicon says of one lowercase word; one table lookup per token answers every
/// list a sentence is checked against.
#[derive(Debug, Clone, Copy, Default)]
struct WordInfo {
    stop: bool,
    synonym: Option<&'static str>,
    /// In [`lexicon::NEGATION_CUES`].
    negation: bool,
    /// In [`lexicon::NEGATIVE_WORDS`].
    negative: bool,
    /// In [`lexicon::MODAL_QUALIFIERS`] or [`lexicon::ATTRIBUTIONS`].
    qualifier: bool,
    /// In [`lexicon::HEDGE_CUES`].
    hedge: bool,
    /// One of the words [`negation_cue`] reads with its neighbours; any other word negates
    /// only through `negation` or an "n't" ending.
    negation_context: bool,
    /// One of the words [`hedge_cue`] reads with its neighbours; any other word hedges only
    /// through `hedge`.
    hedge_context: bool,
    /// In [`INDEX_NAME_WORDS`].
    index_word: bool,
    /// In [`SPEECH_VERBS`].
    speech_verb: bool,
    /// In [`SESSION_NOUNS`].
    session_noun: bool,
    /// One of the words [`trading_moment`] reads (its `MOMENT_WORDS`); four-digit clock
    /// times are told by their digits.
    moment: bool,
}

/// The words `negation_cue` treats by their context.
const NEGATION_CONTEXT: &[&str] = &["not", "nothing", "no", "failed"];

/// The words `hedge_cue` treats by their context.
const HEDGE_CONTEXT: &[&str] = &[
    "may",
    "could",
    "believed",
    "said",
    "thought",
    "rumored",
    "reported",
    "suspected",
    "understood",
];

/// A word list and the flag of [`WordInfo`] it sets on its words.
type WordListFlag = (&'static [&'static str], fn(&mut WordInfo));

/// A word's cell in `Extractor::word_shapes` (its first and last byte, six bits of each) and
/// its length bit there (lengths from 31 on share one); `None` for the empty word.
#[inline]
fn word_shape(word: &str) -> Option<(usize, u32)> {
    let b = word.as_bytes();
    let (first, last) = (*b.first()?, *b.last()?);
    let cell = usize::from(first & 63) << 6 | usize::from(last & 63);
    Some((cell, 1 << b.len().min(31)))
}

fn strip_possessive(word: &str) -> &str {
    // Every possessive ending ends in 's' or in the last byte of '’' (E2 80 99).
    if !matches!(word.as_bytes().last(), Some(b's' | 0x99)) {
        return word;
    }
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

fn is_capitalised(word: &str) -> bool {
    // ASCII, nearly every word, is told by its first byte without decoding a character.
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Extracts the facts of every sentence of one document.
pub struct Extractor {
    stemmer: Stemmer,
    non_entity: HashSet<&'static str>,
    /// Every word of the lexicon's word lists, with what the lists say of it.
    words: HashMap<&'static str, WordInfo>,
    /// The lengths of those words by their first and last byte (see [`word_shape`]): a word
    /// whose length is missing from its cell is in no list, told without hashing it.
    word_shapes: Box<[u32]>,
    /// Surface form (tokens joined by one space) → canonical name.
    aliases: HashMap<String, String>,
    /// First word of every alias key.
    alias_starts: HashSet<String>,
    /// Whether some alias key starts with this byte: most words are ruled out without
    /// hashing them.
    alias_first_bytes: [bool; 256],
    longest_alias: usize,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new(&[])
    }
}

impl Extractor {
    /// The extractor with only the built-in lexicon, built once per process and shared:
    /// building one (the alias and word tables) costs about as much as extracting a short
    /// article, too much to pay again for every document [`Document::read`](crate::Document::read)
    /// reads.
    pub fn builtin() -> &'static Extractor {
        static BUILTIN: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(Extractor::default)
    }

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
        let alias_starts: HashSet<String> = aliases
            .keys()
            .filter_map(|k| k.split(' ').next())
            .map(str::to_string)
            .collect();
        let mut alias_first_bytes = [false; 256];
        for first in &alias_starts {
            if let Some(&b) = first.as_bytes().first() {
                alias_first_bytes[usize::from(b)] = true;
            }
        }
        let mut words: HashMap<&'static str, WordInfo> = HashMap::default();
        for &w in lexicon::STOP_WORDS {
            words.entry(w).or_default().stop = true;
        }
        // Later entries win, as they did when the pairs were collected into a map.
        for &(w, to) in lexicon::SYNONYMS {
            words.entry(w).or_default().synonym = Some(to);
        }
        // Each word list sets one flag of its words' entries.
        let flags: [WordListFlag; 11] = [
            (lexicon::NEGATION_CUES, |i| i.negation = true),
            (lexicon::NEGATIVE_WORDS, |i| i.negative = true),
            (lexicon::MODAL_QUALIFIERS, |i| i.qualifier = true),
            (lexicon::ATTRIBUTIONS, |i| i.qualifier = true),
            (lexicon::HEDGE_CUES, |i| i.hedge = true),
            (NEGATION_CONTEXT, |i| i.negation_context = true),
            (HEDGE_CONTEXT, |i| i.hedge_context = true),
            (INDEX_NAME_WORDS, |i| i.index_word = true),
            (SPEECH_VERBS, |i| i.speech_verb = true),
            (SESSION_NOUNS, |i| i.session_noun = true),
            (MOMENT_WORDS, |i| i.moment = true),
        ];
        for (list, set) in flags {
            for &w in list {
                set(words.entry(w).or_default());
            }
        }
        let mut word_shapes = vec![0u32; 1 << 12].into_boxed_slice();
        for w in words.keys() {
            if let Some((cell, bit)) = word_shape(w) {
                word_shapes[cell] |= bit;
            }
        }
        let longest_alias = aliases
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        Extractor {
            stemmer: Stemmer::create(Algorithm::English),
            non_entity: lexicon::NON_ENTITY_CAPS
                .iter()
                .chain(&lexicon::WEEKDAYS)
                .copied()
                .collect(),
            words,
            word_shapes,
            aliases,
            alias_starts,
            alias_first_bytes,
            longest_alias,
        }
    }

    /// The facts of each sentence of one document, in the same order.
    ///
    /// A long document (a saved page of tens of thousands of sentences) is worked on in
    /// chunks on the rayon pool: each sentence's tokens, mentions and facts depend only on the
    /// sentence and on what the whole document says of names, which is gathered between the
    /// parallel steps, so the result is the same at any thread count.
    pub fn extract_document(&self, sentences: &[Sentence]) -> Vec<Facts> {
        let parallel = sentences.len() >= PARALLEL_SENTENCES;
        let tokenised: Vec<Vec<Token<'_>>> =
            each(parallel, sentences, |_, s: &Sentence| tokenize(&s.text));
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
        let mut mentions: Vec<Vec<(String, usize, usize)>> =
            each(parallel, sentences, |k, s: &Sentence| {
                self.entity_mentions(&s.text, &tokenised[k], &mid_caps)
            });
        resolve_short_names(&mut mentions);
        // Each sentence's mentions are handed over, so their names move into the facts.
        each_owned(parallel, mentions, |k, mentions| {
            self.facts(&sentences[k], &tokenised[k], mentions)
        })
    }

    fn facts(
        &self,
        sentence: &Sentence,
        tokens: &[Token<'_>],
        mentions: Vec<(String, usize, usize)>,
    ) -> Facts {
        let text = sentence.text.as_str();
        let mut quantities = repair_quantities(text, quantity::quantities(text));
        let mut previous: Option<(usize, Option<String>)> = None;
        for q in &mut quantities {
            if q.per.is_none() {
                q.per = period_after(text.get(q.end..).unwrap_or(""))
                    .or_else(|| period_before(text.get(..q.start).unwrap_or("")));
            }
            // "a weekly gain of 17.27, or 1.2 percent": the figure after ", or" restates the
            // one before it, over the same period.
            if let Some((end, per)) = &previous {
                if q.per.is_none() && text.get(*end..q.start) == Some(", or ") {
                    q.per.clone_from(per);
                }
            }
            previous = Some((q.end, q.per.clone()));
        }
        for q in &mut quantities {
            q.start = sentence.map.to_original(q.start);
            q.end = sentence.map.to_original(q.end.saturating_sub(1)) + 1;
        }
        let mut entities: Vec<String> = Vec::with_capacity(mentions.len());
        for (name, _, _) in &mentions {
            if !entities.contains(name) {
                entities.push(name.clone());
            }
        }
        // Tokens and mentions are both in order and tokens do not overlap, so the tokens
        // inside a mention are one run, found by binary search.
        let mut scratch = Scratch::take();
        let Scratch {
            stems,
            in_entity,
            at,
            info,
            term_at,
            arena,
        } = &mut scratch;
        in_entity.clear();
        in_entity.resize(tokens.len(), false);
        for &(_, s, e) in &mentions {
            let from = tokens.partition_point(|t| t.start < s);
            let to = tokens.partition_point(|t| t.end <= e);
            for flag in in_entity.iter_mut().take(to).skip(from) {
                *flag = true;
            }
        }
        // Capitalised words are lowercased into one buffer instead of one string each; the
        // rest borrow the sentence.
        arena.clear();
        at.clear();
        at.extend(tokens.iter().map(|t| {
            if t.lowercase {
                None
            } else {
                lowercase_into(t.text, arena)
            }
        }));
        let arena = &*arena;
        let lower: Vec<&str> = tokens
            .iter()
            .zip(at.iter())
            .map(|(t, r)| match *r {
                None => t.text,
                Some((a, b)) => &arena[a..b],
            })
            .collect();
        info.clear();
        info.extend(lower.iter().map(|w| self.word_info(w)));
        let info: &[WordInfo] = info;
        let mut terms = Vec::with_capacity(tokens.len());
        // The term each token contributes, so a cue's scope can be read off by position.
        term_at.clear();
        term_at.resize(tokens.len(), None);
        for (k, &word) in lower.iter().enumerate() {
            // "Nasdaq Composite Index" and "Nasdaq composite index": the words that say what
            // kind of index a name is are words either way, capitalised or not.
            // The lists a token is checked against are read off its `info`, looked up once.
            let index_word = info[k].index_word;
            if (in_entity[k] && !index_word)
                || instrument_code(text, tokens[k].start, tokens[k].end)
                || word
                    .bytes()
                    .all(|c| c.is_ascii_digit() || c == b'.' || c == b',')
            {
                continue;
            }
            let stripped = strip_possessive(word);
            let lex = if stripped.len() == word.len() {
                info[k]
            } else {
                self.word_info(stripped)
            };
            // "were up $2.28", "was off 24.44 points": a stop word that moves a figure says
            // what "rose" and "fell" say.
            let moved = match stripped {
                "up" => Some("rise"),
                "down" | "off" => Some("fall"),
                _ => None,
            }
            .filter(|_| figure_follows(&lower, k + 1));
            // Fewer than two characters: no second one.
            if (lex.stop && moved.is_none()) || stripped.chars().nth(1).is_none() {
                continue;
            }
            let folded = moved.or(lex.synonym).unwrap_or(stripped);
            term_at[k] = Some(terms.len());
            terms.push(stem_cached(&self.stemmer, stems, folded));
        }
        let (in_entity, term_at) = (&*in_entity, &*term_at);
        let scope = |cue: Option<usize>| -> Vec<String> {
            let Some(i) = cue else { return Vec::new() };
            let mut out = Vec::new();
            for k in i + 1..tokens.len() {
                let gap = &text[tokens[k - 1].end..tokens[k].start];
                if gap.contains([',', ';', ':', '—', '–', '(', ')']) {
                    break;
                }
                if let Some(t) = term_at[k] {
                    out.push(terms[t].clone());
                    if out.len() == SCOPE_TERMS {
                        break;
                    }
                }
            }
            out
        };
        let negation = negation_cue(text, tokens, &lower, info);
        let hedge = hedge_cue(tokens, &lower, info);
        let negative_word = lower
            .iter()
            .zip(info)
            .find(|(_, i)| i.negative)
            .map(|(w, _)| w.to_string());
        let qualifiers: Vec<String> = lower
            .iter()
            .zip(info)
            .filter(|(_, i)| i.qualifier)
            .map(|(w, _)| w.to_string())
            .collect();
        let quoted = quotes(text);
        let outside_quotes = |s: usize, e: usize| !quoted.iter().any(|q| s < q.1 && e > q.0);
        let mut speakers: Vec<String> = Vec::new();
        for (name, s, e) in &mentions {
            if !outside_quotes(*s, *e) || speakers.contains(name) {
                continue;
            }
            // Tokens are in order, so the neighbours are found by binary search.
            let before = tokens.partition_point(|t| t.end <= *s).checked_sub(1);
            let after =
                Some(tokens.partition_point(|t| t.start < *e)).filter(|&k| k < tokens.len());
            let word = |k: Option<usize>| k.map(|k| lower[k]).unwrap_or("");
            let speech = |k: Option<usize>| k.is_some_and(|k| info[k].speech_verb);
            let described = matches!(word(before), "the" | "a" | "an");
            // "Ruiz said", "said Ruiz"; but "told Ruiz" names the listener.
            let speaking =
                speech(after) || (speech(before) && !matches!(word(before), "told" | "tells"));
            if speaking && !described {
                speakers.push(name.clone());
            }
        }
        let inside_quotes = |s: usize, e: usize| quoted.iter().any(|q| s >= q.0 && e <= q.1);
        let mut quote_terms: Vec<String> = Vec::new();
        for (k, t) in tokens.iter().enumerate() {
            if !inside_quotes(t.start, t.end) {
                continue;
            }
            if let Some(i) = term_at[k] {
                quote_terms.push(terms[i].clone());
            }
        }
        for (k, t) in tokens.iter().enumerate() {
            if inside_quotes(t.start, t.end) && term_at[k].is_none() && in_entity[k] {
                let word = strip_possessive(lower[k]);
                quote_terms.push(stem_cached(&self.stemmer, stems, word));
            }
        }
        // A name joined by a lowercase particle ("Dar es Salaam", "Osama bin Laden") is read
        // as two mentions; for its slot it is one.
        let mut joined: Vec<(String, usize, usize)> = Vec::with_capacity(mentions.len());
        // The last use of the mentions: their names are moved, not copied.
        for (name, s, e) in mentions {
            if let Some(last) = joined.last_mut() {
                let gap = text.get(last.2..s).unwrap_or("");
                let particle = gap
                    .strip_prefix(' ')
                    .and_then(|g| g.strip_suffix(' '))
                    .is_some_and(|w| NAME_PARTICLES.contains(&w));
                if particle {
                    last.0 = format!("{}{gap}{name}", last.0);
                    last.2 = e;
                    continue;
                }
            }
            joined.push((name, s, e));
        }
        let entity_slots = joined
            .into_iter()
            .map(|(name, s, e)| {
                let before_at = tokens.partition_point(|t| t.end <= s).checked_sub(1);
                let before = before_at.map(|k| lower[k].to_string()).unwrap_or_default();
                let opens = before_at
                    .is_none_or(|k| k == 0 && matches!(before.as_str(), "the" | "a" | "an"));
                let after = lower
                    .get(tokens.partition_point(|t| t.start < e))
                    .map(|w| w.to_string())
                    .unwrap_or_default();
                EntitySlot {
                    name,
                    before,
                    after,
                    opens,
                }
            })
            .collect();
        let mut weekdays: Vec<String> = Vec::new();
        for (k, token) in tokens.iter().enumerate() {
            let word = strip_possessive(lower[k]);
            // Every weekday name ends in "day": one test keeps ordinary words off the scan.
            if !word.ends_with("day") {
                continue;
            }
            let Some(day) = lexicon::WEEKDAYS
                .iter()
                .find(|d| d.eq_ignore_ascii_case(word))
            else {
                continue;
            };
            let reported = info[k.saturating_sub(REPORT_DATE_REACH)..k]
                .iter()
                .any(|i| i.speech_verb);
            if is_capitalised(token.text) && !reported && !weekdays.iter().any(|w| w == day) {
                weekdays.push(day.to_string());
            }
        }
        let moment = trading_moment(&lower, info);
        let facts = Facts {
            quantities,
            entities,
            negation_scope: scope(negation),
            hedge_scope: scope(hedge),
            negation: negation.map(|i| tokens[i].text.to_string()),
            hedge: hedge.map(|i| tokens[i].text.to_string()),
            negative_word,
            qualifiers,
            quotes: quoted.into_iter().map(|q| q.2).collect(),
            terms,
            speakers,
            quote_terms,
            entity_slots,
            weekdays,
            moment,
            meaning: crate::embed::Model::builtin().embed(text),
        };
        drop(lower);
        scratch.put_back();
        facts
    }

    /// Entity mentions as (canonical name, start, end) within the sentence.
    fn entity_mentions(
        &self,
        text: &str,
        tokens: &[Token<'_>],
        mid_caps: &HashSet<&str>,
    ) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        // The lookup key of an alias window, built in one buffer for the whole sentence.
        let mut key = String::new();
        let mut i = 0;
        while i < tokens.len() {
            // Longest alias first, so "North Korean" wins over "North".
            if let Some((canonical, n)) = self.alias_at(text, tokens, i, &mut key) {
                out.push((
                    canonical.to_string(),
                    tokens[i].start,
                    tokens[i + n - 1].end,
                ));
                i += n;
                continue;
            }
            let word = strip_possessive(tokens[i].text);
            let starts_name = is_capitalised(word)
                && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !self.non_entity.contains(word.trim_end_matches('.'))
                && (i > 0 || mid_caps.contains(word));
            if !starts_name || instrument_code(text, tokens[i].start, tokens[i].end) {
                i += 1;
                continue;
            }
            // Extend over following capitalised words separated only by a space.
            let mut j = i + 1;
            let joined = |k: usize| {
                k < tokens.len()
                    && is_capitalised(tokens[k].text)
                    && &text[tokens[k - 1].end..tokens[k].start] == " "
                    // A possessive ends the name: "Trump's Call" is not one name.
                    && tokens[k - 1].text == strip_possessive(tokens[k - 1].text)
            };
            while joined(j) {
                // A known name ends this one ("Chairman Kim"), unless the name goes on after
                // it: "Mitsubishi Tokyo Financial" is a bank, not Japan between two names.
                if let Some((_, n)) = self.alias_at(text, tokens, j, &mut key) {
                    if !joined(j + n) {
                        break;
                    }
                    j += n;
                    continue;
                }
                j += 1;
            }
            let start = tokens[i].start;
            let mut end = tokens[j - 1].start + strip_possessive(tokens[j - 1].text).len();
            // A ticker is one name, and the symbol is what tells two companies apart.
            if j == i + 1 && text[end..].starts_with(':') {
                let symbol = text[end + 1..]
                    .bytes()
                    .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                    .count();
                if symbol > 0 && ticker_exchange(&text[..end + 1]).is_some() {
                    end += 1 + symbol;
                    while j < tokens.len() && tokens[j].start < end {
                        j += 1;
                    }
                }
            }
            let name = text[start..end].to_string();
            let canonical = self.aliases.get(&name).cloned().unwrap_or(name);
            out.push((canonical, start, end));
            i = j;
        }
        out
    }

    #[inline]
    fn word_info(&self, word: &str) -> WordInfo {
        if let Some((cell, bit)) = word_shape(word) {
            if self.word_shapes[cell] & bit == 0 {
                return WordInfo::default();
            }
        }
        self.word_info_lookup(word)
    }

    #[inline(never)]
    fn word_info_lookup(&self, word: &str) -> WordInfo {
        self.words.get(word).copied().unwrap_or_default()
    }

    /// The alias starting at token `i`, if any, as (canonical name, tokens spanned).
    #[inline]
    fn alias_at(
        &self,
        text: &str,
        tokens: &[Token<'_>],
        i: usize,
        key: &mut String,
    ) -> Option<(&str, usize)> {
        // Most words start no alias, and none does when no alias starts with the word's first
        // byte (stripping a possessive leaves the first byte alone): that test is inlined at
        // every call, the rest is not.
        let first = tokens[i].text.as_bytes().first()?;
        if !self.alias_first_bytes[usize::from(*first)] {
            return None;
        }
        self.alias_from(text, tokens, i, key)
    }

    #[inline(never)]
    fn alias_from(
        &self,
        text: &str,
        tokens: &[Token<'_>],
        i: usize,
        key: &mut String,
    ) -> Option<(&str, usize)> {
        // One set lookup instead of building every window's key.
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
            key.clear();
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
            if let Some(c) = self.aliases.get(key.as_str()) {
                return Some((c, n));
            }
        }
        None
    }
}

/// Per-thread state of the facts pass, taken for one sentence and put back: the stem cache
/// and the per-token tables, which would otherwise be allocated for every sentence.
#[derive(Default)]
struct Scratch {
    /// News repeats its vocabulary, so stems are remembered: stemming was the largest single
    /// cost of extraction.
    stems: HashMap<Box<str>, Box<str>>,
    in_entity: Vec<bool>,
    /// Where each token's lowercase form lies in `arena`; `None` when it is the token.
    at: Vec<Option<(usize, usize)>>,
    info: Vec<WordInfo>,
    term_at: Vec<Option<usize>>,
    arena: String,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

impl Scratch {
    fn take() -> Scratch {
        SCRATCH.with(RefCell::take)
    }

    fn put_back(mut self) {
        // A huge sentence's tables are not kept for the many small ones after it.
        if self.at.capacity() > 1 << 14 {
            self = Scratch {
                stems: std::mem::take(&mut self.stems),
                ..Scratch::default()
            };
        }
        // During thread teardown the slot may be gone; the state is then simply dropped.
        let _ = SCRATCH.try_with(|c| c.replace(self));
    }
}

/// The Snowball stem of `word`, remembered in `cache`.
fn stem_cached(stemmer: &Stemmer, cache: &mut HashMap<Box<str>, Box<str>>, word: &str) -> String {
    // Bounded: a stream of distinct words (a 20 MB line of noise) must not grow it forever.
    const REMEMBERED: usize = 1 << 16;
    if let Some(stem) = cache.get(word) {
        return String::from(&**stem);
    }
    let stem = stemmer.stem(word).into_owned();
    if cache.len() >= REMEMBERED {
        cache.clear();
    }
    cache.insert(word.into(), stem.as_str().into());
    stem
}

/// Replaces a one-word name by the longer name of the same document that ends or begins with
/// it ("Kim" → "Kim Jong Un"). When several fit, the one the document names most often wins,
/// provided it is named at least twice as often as the next.
fn resolve_short_names(mentions: &mut [Vec<(String, usize, usize)>]) {
    // Every short name's answer is worked out while the mentions are only read, with the
    // names borrowed; only the names that resolve are copied, then written back.
    let resolved: HashMap<String, String> = {
        let mut counts: HashMap<&str, usize> = HashMap::default();
        for (name, _, _) in mentions.iter().flatten() {
            if name.contains(' ') {
                *counts.entry(name.as_str()).or_default() += 1;
            }
        }
        // Long names by their first and by their last word, so each short name looks at the
        // few names it could stand for; scanning every long name for every short mention
        // made a long page quadratic.
        let mut by_end: HashMap<&str, Vec<(usize, &str)>> = HashMap::default();
        for (&long, &n) in &counts {
            let first = long.split(' ').next().unwrap_or(long);
            let last = long.split(' ').next_back().unwrap_or(long);
            by_end.entry(first).or_default().push((n, long));
            if last != first {
                by_end.entry(last).or_default().push((n, long));
            }
        }
        let resolve = |short: &str| -> Option<&str> {
            let mut fits: Vec<(usize, &str)> = by_end.get(short).cloned().unwrap_or_default();
            // Highest count first; ties broken by name so the choice never depends on hashing.
            fits.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
            match fits.as_slice() {
                [] => None,
                [(_, only)] => Some(only),
                [(n, best), (m, _), ..] if *n >= 2 * *m => Some(best),
                _ => None,
            }
        };
        let mut seen: HashSet<&str> = HashSet::default();
        let mut resolved = HashMap::default();
        for (name, _, _) in mentions.iter().flatten() {
            if !name.contains(' ') && seen.insert(name.as_str()) {
                if let Some(long) = resolve(name) {
                    resolved.insert(name.clone(), long.to_string());
                }
            }
        }
        resolved
    };
    if resolved.is_empty() {
        return;
    }
    for (name, _, _) in mentions.iter_mut().flatten() {
        if !name.contains(' ') {
            if let Some(long) = resolved.get(name.as_str()) {
                name.clone_from(long);
            }
        }
    }
}

/// Verbs that report a change: after them "X to Y" is a change of X reaching level Y, not a
/// range from X to Y.
/// Whether `text[start..end]` is a wire service's instrument code set after the name it
/// codes (".IXIC" after "Nasdaq Composite Index", "JPY=" after "yen"): it names nothing the
/// name has not, and only some sources print it.
#[inline]
fn instrument_code(text: &str, start: usize, end: usize) -> bool {
    // Nearly every word fails on its length or first byte; only the rest pay for a call.
    (2..=6).contains(&end.wrapping_sub(start))
        && text
            .as_bytes()
            .get(start)
            .is_some_and(u8::is_ascii_uppercase)
        && instrument_code_full(text, start, end)
}

#[inline(never)]
fn instrument_code_full(text: &str, start: usize, end: usize) -> bool {
    let Some(word) = text.get(start..end) else {
        return false;
    };
    let bytes = text.as_bytes();
    if !(2..=6).contains(&word.len())
        || !word
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        || !word.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
    {
        return false;
    }
    let dotted = start >= 1
        && bytes[start - 1] == b'.'
        && (start == 1 || matches!(bytes[start - 2], b' ' | b'<' | b'(' | b'\t'));
    let priced = bytes.get(end) == Some(&b'=');
    dotted || priced
}

/// Words that say what kind of market index a name is, written capitalised in some
/// sources and lowercase in others ("Nasdaq composite index", "Dow Jones industrial average").
const INDEX_NAME_WORDS: &[&str] = &["composite", "industrial", "industrials", "index", "average"];

/// The first moment of a trading day the words name. Only phrases that time a market
/// reading count: "morning" alone could date anything, "morning trading" times a price.
fn trading_moment(lower: &[&str], info: &[WordInfo]) -> Option<Moment> {
    const ZONES: &[&str] = &["gmt", "utc", "et", "est", "edt", "bst", "cet", "jst"];
    let direction = |w: Option<&&str>| {
        w.is_some_and(|w| {
            matches!(
                *w,
                "at" | "up" | "down" | "higher" | "lower" | "flat" | "unchanged"
            ) || w.bytes().next().is_some_and(|b| b.is_ascii_digit())
        })
    };
    for (k, &word) in lower.iter().enumerate() {
        // Only the listed words and four-character clock times can name a moment; one flag
        // and a length test pass over every other word.
        if !info[k].moment && word.len() != 4 {
            continue;
        }
        let next = lower.get(k + 1);
        let session_follows = info.get(k + 1).is_some_and(|i| i.session_noun);
        let moment = match word {
            "midday" | "noon" | "lunchtime" => Some(Moment::Midday),
            "midafternoon" | "mid-afternoon" => Some(Moment::Afternoon),
            "afternoon" if session_follows => Some(Moment::Afternoon),
            "morning" | "midmorning" | "mid-morning" if session_follows => Some(Moment::Morning),
            "early" | "opening" if session_follows => Some(Moment::Open),
            "closing" => Some(Moment::Close),
            "opened" if direction(next) => Some(Moment::Open),
            "closed" | "ended" | "finished" | "settled" if direction(next) => Some(Moment::Close),
            "close" | "open" if k > 0 && matches!(lower[k - 1], "the" | "to") => {
                Some(if word == "close" {
                    Moment::Close
                } else {
                    Moment::Open
                })
            }
            _ if word.len() == 4
                && word.bytes().all(|b| b.is_ascii_digit())
                && next.is_some_and(|w| ZONES.contains(w)) =>
            {
                let hours: u16 = word[..2].parse().ok()?;
                let minutes: u16 = word[2..].parse().ok()?;
                (hours < 24 && minutes < 60).then_some(Moment::Clock(hours * 60 + minutes))
            }
            _ => None,
        };
        if moment.is_some() {
            return moment;
        }
    }
    None
}

/// The nouns after which "morning", "afternoon", "early" and "opening" time a market reading.
const SESSION_NOUNS: &[&str] = &["trading", "trade", "deals", "dealings", "session"];

/// Every word `trading_moment` matches on (besides clock times).
const MOMENT_WORDS: &[&str] = &[
    "midday",
    "noon",
    "lunchtime",
    "midafternoon",
    "mid-afternoon",
    "afternoon",
    "morning",
    "midmorning",
    "mid-morning",
    "early",
    "opening",
    "closing",
    "opened",
    "closed",
    "ended",
    "finished",
    "settled",
    "close",
    "open",
];

/// Whether a figure starts at token `k`, perhaps after one word of approximation ("up
/// around 18 points").
fn figure_follows(lower: &[&str], k: usize) -> bool {
    let figure = |w: &&str| {
        w.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit() || b == b'$' || !b.is_ascii())
            && w.bytes().any(|b| b.is_ascii_digit())
    };
    match lower.get(k) {
        Some(w) if figure(w) => true,
        Some(&("about" | "around" | "nearly" | "almost" | "roughly" | "some")) => {
            lower.get(k + 1).is_some_and(figure)
        }
        _ => false,
    }
}

const CHANGE_WORDS: &[&str] = &[
    "rose",
    "fell",
    "gained",
    "lost",
    "jumped",
    "climbed",
    "dropped",
    "declined",
    "slipped",
    "added",
    "increased",
    "decreased",
    "eased",
    "dipped",
    "rallied",
    "surged",
    "slid",
    "tumbled",
    "sank",
    "soared",
    "plunged",
    "up",
    "down",
    "off",
    "grew",
    "shed",
    "advanced",
    "retreated",
];

/// The exchange code of a ticker whose symbol starts where `before` ends ("JP:" of
/// "JP:8306", "NYSE:" of "NYSE:IBM"): one to six capitals and a colon, after no letter.
fn ticker_exchange(before: &str) -> Option<&str> {
    let code = before.strip_suffix(':')?;
    let letters = code
        .bytes()
        .rev()
        .take_while(u8::is_ascii_uppercase)
        .count();
    let start = code.len() - letters;
    let after_word = code[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    ((1..=6).contains(&letters) && !after_word).then(|| &code[start..])
}

/// Corrects readings of the quantity scanner that would make the judge compare the wrong
/// things: a change and a level read as one range ("rose $2.88 to $46.50"), the second half
/// of a year span read as a count ("1974-75"), and a whole number with a vulgar fraction read
/// as two numbers ("2 ½"). Each repair applies only to the exact shape it names.
fn repair_quantities(text: &str, quantities: Vec<Quantity>) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::with_capacity(quantities.len());
    for q in quantities {
        let before = text.get(..q.start.min(text.len())).unwrap_or("");
        // "JP:8306": the number of a stock ticker names a company, it measures nothing.
        if ticker_exchange(before).is_some() {
            continue;
        }
        let gap_from = |p: &Quantity| text.get(p.end..q.start).unwrap_or("");
        // "1974-75": a two-digit count right after a year and a hyphen ends the year's span.
        if let Some(prev) = out.last_mut() {
            let gap = gap_from(prev);
            if prev.kind == quantity::QuantityKind::Year
                && prev.low == prev.high
                && matches!(gap, "-" | "–" | "/")
                && q.kind == quantity::QuantityKind::Count
                && q.unit.is_empty()
                && q.text.len() == 2
            {
                let century = (prev.low / 100.0).floor() * 100.0;
                let end = century + q.low;
                if end > prev.low && end - prev.low < 10.0 {
                    prev.high = end;
                    prev.value = None;
                    prev.end = q.end;
                    prev.text = text
                        .get(prev.start..q.end)
                        .unwrap_or(&prev.text)
                        .to_string();
                    continue;
                }
            }
            // "2 ½": a whole count followed by a bare fraction sign.
            if prev.kind == quantity::QuantityKind::Count
                && prev.unit.is_empty()
                && prev.low == prev.high
                && prev.low.fract() == 0.0
                && gap.trim().is_empty()
                && q.unit.is_empty()
                && q.low == q.high
                && q.low > 0.0
                && q.low < 1.0
                && q.text.chars().count() == 1
            {
                prev.low += q.low;
                prev.high = prev.low;
                prev.value = Some(prev.low);
                prev.end = q.end;
                prev.text = text
                    .get(prev.start..q.end)
                    .unwrap_or(&prev.text)
                    .to_string();
                continue;
            }
        }
        let after_change = before
            .split_whitespace()
            .next_back()
            .map(|w| lowered(w.trim_matches(|c: char| !c.is_alphanumeric())))
            .is_some_and(|w| CHANGE_WORDS.contains(&w.as_ref()));
        if after_change && q.value.is_none() && q.bound == quantity::Bound::Exact {
            if let Some(split) = split_change(&q) {
                out.extend(split);
                continue;
            }
        }
        out.push(q);
    }
    out
}

/// "$2.88 to $46.50" → "$2.88" and "$46.50", when the written range joins its ends by "to".
fn split_change(q: &Quantity) -> Option<[Quantity; 2]> {
    let at = q.text.find(" to ")?;
    let (first, second) = (&q.text[..at], &q.text[at + 4..]);
    if !first.chars().any(|c| c.is_ascii_digit()) || !second.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let low = Quantity {
        text: first.to_string(),
        end: q.start + at,
        value: Some(q.low),
        high: q.low,
        ..q.clone()
    };
    let high = Quantity {
        text: second.to_string(),
        start: q.start + at + 4,
        value: Some(q.high),
        low: q.high,
        ..q.clone()
    };
    Some([low, high])
}

/// The period of an amount stated a few words after it ("3 million tonnes of ore per year",
/// "40 cars at the plant each day"), which the quantity reader leaves out when other words
/// come between. A rate and a total must never be compared, so the period matters more than
/// the exact phrase. Stops at the end of the clause; "a year ago" and "in a year" are not rates.
/// The period of a change named just before its figure: "a weekly gain of", "annual growth
/// of about". A week's gain and a day's move are different figures, as a rate per year and
/// a total are.
fn period_before(before: &str) -> Option<String> {
    let mut words = before.split_whitespace().rev().map(lowered);
    let mut word = words.next()?;
    if matches!(
        word.as_ref(),
        "about" | "around" | "nearly" | "almost" | "some"
    ) {
        word = words.next()?;
    }
    if word != "of" {
        return None;
    }
    let change = words.next()?;
    if !matches!(
        change.as_ref(),
        "gain"
            | "loss"
            | "rise"
            | "fall"
            | "increase"
            | "decrease"
            | "decline"
            | "drop"
            | "growth"
            | "advance"
            | "win"
            | "jump"
            | "slide"
    ) {
        return None;
    }
    let period = match words.next()?.as_ref() {
        "weekly" => "week",
        "monthly" => "month",
        "quarterly" => "quarter",
        "annual" | "yearly" => "year",
        "daily" => "day",
        _ => return None,
    };
    Some(period.to_string())
}

fn period_after(rest: &str) -> Option<String> {
    // Only the next few words matter; looking no further keeps a sentence with thousands of
    // quantities and no punctuation linear.
    let mut window = rest.len().min(160);
    while !rest.is_char_boundary(window) {
        window -= 1;
    }
    // The clause ends at the first stop; '—' and '–' are E2 80 94 and E2 80 93.
    let w = &rest.as_bytes()[..window];
    let stop = (0..w.len())
        .find(|&k| match w[k] {
            b',' | b';' | b':' | b'.' | b'(' | b')' => true,
            0xE2 => w.get(k + 1) == Some(&0x80) && matches!(w.get(k + 2), Some(0x93 | 0x94)),
            _ => false,
        })
        .unwrap_or(window);
    let clause = &rest[..stop];
    // At most six words: kept on the stack, not in a vector allocated per quantity.
    let mut kept: [Cow<'_, str>; 6] = Default::default();
    let mut n = 0;
    for (slot, w) in kept.iter_mut().zip(clause.split_whitespace()) {
        *slot = lowered(w);
        n += 1;
    }
    let words = &kept[..n];
    let period = |w: &str| match w {
        "year" | "annum" => Some("year"),
        "month" => Some("month"),
        "week" => Some("week"),
        "day" => Some("day"),
        "hour" => Some("hour"),
        _ => None,
    };
    for (i, w) in words.iter().enumerate() {
        let adverb = match w.as_ref() {
            "annually" | "yearly" => Some("year"),
            "monthly" => Some("month"),
            "weekly" => Some("week"),
            "daily" => Some("day"),
            "hourly" => Some("hour"),
            _ => None,
        };
        if let Some(p) = adverb {
            return Some(p.to_string());
        }
        if !matches!(w.as_ref(), "per" | "a" | "an" | "each" | "every") {
            continue;
        }
        let Some(p) = words.get(i + 1).and_then(|n| period(n)) else {
            continue;
        };
        let before = i.checked_sub(1).map(|k| words[k].as_ref());
        let after = words.get(i + 2).map(Cow::as_ref);
        let duration = matches!(
            before,
            Some("in" | "within" | "for" | "over" | "than" | "half" | "once" | "twice")
        );
        let when = matches!(
            after,
            Some("ago" | "earlier" | "later" | "before" | "after")
        );
        if !duration && !when {
            return Some(p.to_string());
        }
    }
    None
}

/// Documents with at least this many sentences are extracted on the rayon pool; below it,
/// the cost of handing out the work is more than it saves.
const PARALLEL_SENTENCES: usize = 512;

/// Sentences handed to one rayon task at a time.
const CHUNK: usize = 128;

/// `f(index, item)` for every item, in order; on the rayon pool when `parallel`.
fn each<'a, T: Sync, R: Send>(
    parallel: bool,
    items: &'a [T],
    f: impl Fn(usize, &'a T) -> R + Sync,
) -> Vec<R> {
    // A pointer per sentence is all this costs beside the work done for each, and it keeps
    // the parallel loop in one place.
    each_owned(parallel, items.iter().collect(), f)
}

/// `f(index, item)` for every item, taking the items by value, in order; on the rayon pool
/// when `parallel`.
fn each_owned<T: Send, R: Send>(
    parallel: bool,
    items: Vec<T>,
    f: impl Fn(usize, T) -> R + Sync,
) -> Vec<R> {
    if parallel {
        use rayon::prelude::*;
        items
            .into_par_iter()
            .with_min_len(CHUNK)
            .enumerate()
            .map(|(k, x)| f(k, x))
            .collect()
    } else {
        items
            .into_iter()
            .enumerate()
            .map(|(k, x)| f(k, x))
            .collect()
    }
}

/// How many content terms after a cue make up its scope.
const SCOPE_TERMS: usize = 4;

/// Lowercase words inside names ("Dar es Salaam", "Osama bin Laden", "Vincent van Gogh").
const NAME_PARTICLES: &[&str] = &[
    "es", "de", "del", "della", "da", "das", "do", "dos", "di", "du", "la", "le", "bin", "ibn",
    "al", "van", "von", "der", "den", "ter", "y",
];

/// How many words before a day of the week a verb of saying makes it the report's date:
/// "said on Monday", "said late on Monday", "told reporters on Monday".
const REPORT_DATE_REACH: usize = 4;

/// Verbs that introduce what someone said; a name right next to one is the speaker.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "declared",
    "announced",
    "warned",
    "wrote",
    "writes",
    "explained",
    "insisted",
    "argued",
    "asked",
    "replied",
    "testified",
    "recalled",
    "noted",
];

/// The lowercase words of a name ("Dar es Salaam" → dar, es, salaam), letters and digits only.
pub fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `word` ends in "n't" or "n’t"; both end in 't', which one byte test checks first.
#[inline]
fn ends_in_nt(word: &str) -> bool {
    word.as_bytes().last() == Some(&b't') && (word.ends_with("n't") || word.ends_with("n’t"))
}

/// The index of the token that negates the sentence, if any.
fn negation_cue(
    text: &str,
    tokens: &[Token<'_>],
    lower: &[&str],
    info: &[WordInfo],
) -> Option<usize> {
    for (i, &word) in lower.iter().enumerate() {
        if !info[i].negation_context {
            if info[i].negation || ends_in_nt(word) {
                return Some(i);
            }
            continue;
        }
        let next = lower.get(i + 1).copied();
        // "not only … but also" adds, it does not deny; "nothing but praise" praises.
        if (word == "not" && next == Some("only")) || (word == "nothing" && next == Some("but")) {
            continue;
        }
        // "No. 1" is a number sign.
        if word == "no"
            && text[tokens[i].end..].starts_with('.')
            && next.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        if info[i].negation
            || ends_in_nt(word)
            || (word == "failed" && next == Some("to"))
            || (word == "no" && next == Some("longer"))
        {
            return Some(i);
        }
    }
    None
}

/// The index of the token that hedges the sentence, if any.
fn hedge_cue(tokens: &[Token<'_>], lower: &[&str], info: &[WordInfo]) -> Option<usize> {
    for (i, &word) in lower.iter().enumerate() {
        if !info[i].hedge_context {
            if info[i].hedge {
                return Some(i);
            }
            continue;
        }
        // "May" capitalised mid-sentence is the month.
        if word == "may" && tokens[i].text != "may" && i > 0 {
            continue;
        }
        let next = lower.get(i + 1).copied();
        let prev = i.checked_sub(1).map(|p| lower[p]);
        let passive = matches!(
            prev,
            Some("is" | "are" | "was" | "were" | "be" | "been" | "being" | "widely")
        );
        // "Could not" is inability, a negation; "so a witness could identify him" and "fled
        // before they could take anything" state what was possible, not a guess.
        if word == "could"
            && (next == Some("not")
                || lower[i.saturating_sub(3)..i]
                    .iter()
                    .any(|w| matches!(*w, "so" | "before" | "until")))
        {
            continue;
        }
        if info[i].hedge
            || (matches!(word, "believed" | "said" | "thought" | "rumored")
                && next == Some("to"))
            // "is reported to", "is understood to": hearsay, not a fact; the active "officials
            // reported" states a report, so it needs the passive. "Is expected to" stays out:
            // news uses it for plans on the calendar ("delegates are expected to attend").
            || (matches!(word, "reported" | "suspected" | "understood")
                && next == Some("to")
                && passive)
        {
            return Some(i);
        }
    }
    None
}

/// Passages in straight or curly double quotes of at least two words, with the byte range
/// inside the marks.
fn quotes(text: &str) -> Vec<(usize, usize, Quote)> {
    let mut out = Vec::new();
    // Most sentences quote nothing; each test is a memchr, and the curly marks are only
    // looked for when their lead byte (E2) is there at all.
    if !text.contains('"')
        && (!text.as_bytes().contains(&0xE2) || (!text.contains('“') && !text.contains('”')))
    {
        return Vec::new();
    }
    let mut open: Option<usize> = None;
    // The marks are found by their bytes: '"' is one byte, '“' and '”' are E2 80 9C and
    // E2 80 9D, and no other character's encoding contains either sequence.
    let b = text.as_bytes();
    // Between marks only the two lead bytes are looked for, in one tight scan.
    let mut at = 0;
    let marks = std::iter::from_fn(|| {
        while let Some(p) = b[at..].iter().position(|&x| x == b'"' || x == 0xE2) {
            let i = at + p;
            at = i + 1;
            match (b[i], b.get(i + 1), b.get(i + 2)) {
                (b'"', _, _) => return Some((i, '"')),
                (_, Some(0x80), Some(0x9C)) => return Some((i, '“')),
                (_, Some(0x80), Some(0x9D)) => return Some((i, '”')),
                _ => {}
            }
        }
        None
    });
    for (i, c) in marks {
        match (c, open) {
            ('“', _) => open = Some(i + c.len_utf8()),
            ('"', None) => open = Some(i + 1),
            ('”' | '"', Some(s)) => {
                let inner = text[s..i].trim();
                if inner.split_whitespace().count() >= 2 {
                    out.push((
                        s,
                        i,
                        Quote {
                            text: inner.to_string(),
                        },
                    ));
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}
