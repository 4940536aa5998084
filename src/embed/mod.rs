//! Embed: what a sentence means, as a vector.
//!
//! Owns the built-in static sentence-embedding model and its use: a vector per WordPiece token
//! (distilled from all-MiniLM-L6-v2 by `scripts/model/build.sh`, int8 with one scale per
//! token), the tokenizer it was made for ([`tokenize`]), and mean pooling into one unit
//! vector per sentence, [`Meaning`]. Sentences that say the same thing in other words get
//! close vectors, which is what lets the aligner pair them. Pure and deterministic: a
//! sentence's vector is summed in token order, so it does not depend on the thread count.

pub mod tokenize;

use std::sync::OnceLock;
use tokenize::WordPiece;

/// The model file compiled into the binary (about 8 MB; `scripts/model/build.sh` makes it).
const BUILTIN: &[u8] = include_bytes!("../../models/minilm-static-256.fdsm");

/// The file format's magic bytes and version.
const MAGIC: &[u8; 8] = b"FDSM\x01\x00\x00\x00";

/// Tokens pooled per sentence, as the model was used when it was distilled (later ones are
/// cut off).
pub const MAX_TOKENS: usize = 512;

/// Characters of a sentence read, as when the model was distilled (512 tokens of a median
/// length of 6).
pub const MAX_CHARS: usize = 3072;

/// Scale of a [`Meaning`]'s components: a unit vector times this, rounded to `i8`.
const UNIT: f32 = 127.0;

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a factdiff static model, or a version this build does not read.
    #[error(
        "not a factdiff static model (bad magic bytes); rebuild it with scripts/model/build.sh"
    )]
    Magic,
    /// The file ends before the sizes in its header say it should.
    #[error("model file truncated while reading {0}")]
    Truncated(&'static str),
    /// A vocabulary entry is not UTF-8.
    #[error("vocabulary token {0} is not UTF-8")]
    Token(usize),
    /// A size or id in the header is out of range.
    #[error("model header out of range: {0}")]
    Header(&'static str),
}

/// A static embedding model: one int8 vector (with its scale) per vocabulary token.
#[derive(Debug, Clone)]
pub struct Model {
    dims: usize,
    tokenizer: WordPiece,
    /// Special tokens of the vocabulary (`[PAD]`, `[UNK]`: capitals in brackets), which the
    /// model's tokenizer matches as literals in the text before anything else.
    specials: Vec<(String, u32)>,
    scales: Vec<f32>,
    weights: Vec<i8>,
}

/// A sentence's meaning: its pooled vector scaled to unit length, as `i8` components. Empty
/// when the sentence has no token the model knows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meaning {
    components: Box<[i8]>,
    /// Squared length of `components`, kept so a cosine costs one dot product.
    norm2: i32,
}

impl Meaning {
    /// Whether the sentence had no known token.
    pub fn is_empty(&self) -> bool {
        self.norm2 == 0
    }

    /// The components, a unit vector times 127.
    pub fn components(&self) -> &[i8] {
        &self.components
    }

    /// Length of [`components`](Self::components) (about 127; 0 when empty).
    pub fn length(&self) -> f32 {
        (self.norm2 as f32).sqrt()
    }

    /// Cosine similarity, 0 when either side is empty (nothing known is nothing shared).
    pub fn cosine(&self, other: &Meaning) -> f64 {
        if self.is_empty() || other.is_empty() || self.components.len() != other.components.len() {
            return 0.0;
        }
        let dot = dot(&self.components, &other.components);
        f64::from(dot) / (f64::from(self.norm2) * f64::from(other.norm2)).sqrt()
    }

    /// The unit-length mean of several meanings (a whole article's), empty ones left out.
    pub fn mean<'a>(meanings: impl IntoIterator<Item = &'a Meaning>) -> Meaning {
        let mut sum: Vec<f32> = Vec::new();
        for m in meanings.into_iter().filter(|m| !m.is_empty()) {
            if sum.is_empty() {
                sum = vec![0.0; m.components.len()];
            }
            if sum.len() == m.components.len() {
                let scale = 1.0 / (m.norm2 as f32).sqrt();
                for (s, &c) in sum.iter_mut().zip(m.components.iter()) {
                    *s += f32::from(c) * scale;
                }
            }
        }
        Meaning::from_f32(&sum)
    }

    fn from_f32(v: &[f32]) -> Meaning {
        let length = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        // Also rules out NaN, which a damaged model's scales could give.
        if length.is_nan() || length <= 0.0 {
            return Meaning::default();
        }
        let components: Box<[i8]> = v
            .iter()
            .map(|x| (x / length * UNIT).round().clamp(-UNIT, UNIT) as i8)
            .collect();
        let norm2 = dot(&components, &components);
        Meaning { components, norm2 }
    }
}

/// Lanes of the floating-point dot products: eight running sums added in a fixed order, so
/// the compiler can vectorise them (one running sum would pin the order of every addition)
/// and the result is the same on every machine and thread count.
const LANES: usize = 8;

/// Runs `$portable` compiled for AVX2 when the processor has it. The code is the same
/// and Rust never fuses or reorders floating-point operations, so the result is identical
/// bit for bit either way; AVX2 only does more lanes per instruction (the aligner spends
/// most of its time in these dot products).
macro_rules! dispatch {
    ($name:ident, $portable:ident, ($($arg:ident: $ty:ty),*) -> $ret:ty) => {
        pub(crate) fn $name($($arg: $ty),*) -> $ret {
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx2")]
                unsafe fn avx2($($arg: $ty),*) -> $ret {
                    $portable($($arg),*)
                }
                if std::arch::is_x86_feature_detected!("avx2") {
                    // SAFETY: the processor was just found to support AVX2, the only
                    // requirement of `avx2`.
                    return unsafe { avx2($($arg),*) };
                }
            }
            $portable($($arg),*)
        }
    };
}

dispatch!(dot, dot_portable, (a: &[i8], b: &[i8]) -> i32);
dispatch!(pool, pool_portable, (ids: &[u32], weights: &[i8], scales: &[f32], dims: usize) -> Vec<f32>);

/// The sum of the token vectors of `ids`, in token order.
#[inline(always)]
fn pool_portable(ids: &[u32], weights: &[i8], scales: &[f32], dims: usize) -> Vec<f32> {
    let mut sum = vec![0.0f32; dims];
    for &t in ids {
        let t = t as usize;
        let scale = scales[t];
        let row = &weights[t * dims..(t + 1) * dims];
        for (s, &w) in sum.iter_mut().zip(row) {
            *s += scale * f32::from(w);
        }
    }
    sum
}
dispatch!(dot_f32, dot_f32_portable, (a: &[f32], b: &[f32]) -> f32);
dispatch!(dot_f32_i8, dot_f32_i8_portable, (a: &[f32], q: &[i8]) -> f32);

/// Integer dot product; written as a plain zip so the compiler vectorises it.
#[inline(always)]
fn dot_portable(a: &[i8], b: &[i8]) -> i32 {
    a.iter()
        .zip(b)
        .map(|(&x, &y)| i32::from(x) * i32::from(y))
        .sum()
}

/// Dot product of two float vectors (the shorter length).
#[inline(always)]
fn dot_f32_portable(a: &[f32], b: &[f32]) -> f32 {
    lanes(a, b, |x| x)
}

/// Dot product of a float vector and a meaning's integer components.
#[inline(always)]
fn dot_f32_i8_portable(a: &[f32], q: &[i8]) -> f32 {
    lanes(a, q, f32::from)
}

/// `Σ a[i] · f(b[i])` in [`LANES`] running sums over whole chunks (fixed-size arrays, so no
/// bounds checks stand in the way of vectorising), then the rest, then the sums in order.
#[inline(always)]
fn lanes<T: Copy>(a: &[f32], b: &[T], f: impl Fn(T) -> f32) -> f32 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut acc = [0.0f32; LANES];
    let (ac, bc) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    let (ar, br) = (ac.remainder(), bc.remainder());
    for (x, y) in ac.zip(bc) {
        let x: &[f32; LANES] = x.try_into().expect("chunks_exact gives whole chunks");
        let y: &[T; LANES] = y.try_into().expect("chunks_exact gives whole chunks");
        for k in 0..LANES {
            acc[k] += x[k] * f(y[k]);
        }
    }
    for (k, (&x, &y)) in ar.iter().zip(br).enumerate() {
        acc[k] += x * f(y);
    }
    acc.iter().sum()
}

/// Reads little-endian fields from the model file, naming what was cut short.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], ModelError> {
        if self.bytes.len() < n {
            return Err(ModelError::Truncated(what));
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Ok(head)
    }
    fn u32(&mut self, what: &'static str) -> Result<u32, ModelError> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u16(&mut self, what: &'static str) -> Result<u16, ModelError> {
        let b = self.take(2, what)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
}

impl Model {
    /// The model compiled into factdiff, read once.
    pub fn builtin() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            Model::from_bytes(BUILTIN).expect("the built-in model is checked by the test suite")
        })
    }

    /// Reads a model file: magic, dimensions, vocabulary size, flags (bit 0 lowercase, bit 1
    /// strip accents), the tokens in id order (u16 length, UTF-8), the unknown token's id, one
    /// f32 scale per token, then the int8 vectors row by row. Little-endian throughout.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes };
        if r.take(MAGIC.len(), "magic")? != MAGIC {
            return Err(ModelError::Magic);
        }
        let dims = r.u32("dimensions")? as usize;
        let vocab = r.u32("vocabulary size")? as usize;
        let flags = r.u32("flags")?;
        if dims == 0 || dims > 4096 {
            return Err(ModelError::Header("dimensions"));
        }
        if vocab == 0 || vocab > 10_000_000 {
            return Err(ModelError::Header("vocabulary size"));
        }
        let mut tokens = Vec::with_capacity(vocab);
        for i in 0..vocab {
            let len = r.u16("vocabulary")? as usize;
            let text = r.take(len, "vocabulary")?;
            tokens.push(
                std::str::from_utf8(text)
                    .map_err(|_| ModelError::Token(i))?
                    .to_string(),
            );
        }
        let unk = r.u32("unknown token id")?;
        if unk as usize >= vocab {
            return Err(ModelError::Header("unknown token id"));
        }
        let scales: Vec<f32> = r
            .take(4 * vocab, "scales")?
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let weights: Vec<i8> = r
            .take(dims * vocab, "vectors")?
            .iter()
            .map(|&b| b as i8)
            .collect();
        if !r.bytes.is_empty() {
            return Err(ModelError::Header("bytes after the vectors"));
        }
        let specials = tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                t.len() > 2
                    && t.starts_with('[')
                    && t.ends_with(']')
                    && t[1..t.len() - 1].bytes().all(|b| b.is_ascii_uppercase())
            })
            .map(|(id, t)| (t.clone(), id as u32))
            .collect();
        Ok(Model {
            dims,
            specials,
            tokenizer: WordPiece::new(&tokens, unk, flags & 1 != 0, flags & 2 != 0),
            scales,
            weights,
        })
    }

    /// Number of dimensions of a sentence vector.
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// The token ids pooled for `text`, as the model was used when distilled: the text cut
    /// to its first [`MAX_CHARS`] characters, its WordPiece tokens (the literal special
    /// tokens `[PAD]` and `[UNK]` taken whole), the first [`MAX_TOKENS`] of them, then the
    /// unknown token left out (it says nothing of meaning).
    pub fn tokens(&self, text: &str) -> Vec<u32> {
        let text = match text.char_indices().nth(MAX_CHARS) {
            Some((end, _)) => &text[..end],
            None => text,
        };
        let mut ids = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            let special = self
                .specials
                .iter()
                .filter_map(|(literal, id)| {
                    rest.find(literal.as_str()).map(|at| (at, literal, *id))
                })
                .min();
            match special {
                Some((at, literal, id)) => {
                    self.tokenizer.tokenize(&rest[..at], &mut ids);
                    ids.push(id);
                    rest = &rest[at + literal.len()..];
                }
                None => {
                    self.tokenizer.tokenize(rest, &mut ids);
                    rest = "";
                }
            }
        }
        ids.truncate(MAX_TOKENS);
        let unk = self.tokenizer.unk();
        ids.retain(|&t| t != unk);
        ids
    }

    /// The pooled vector of `text` before it is scaled to unit length (the mean of its
    /// tokens' vectors), empty when no token is known.
    pub fn pooled(&self, text: &str) -> Vec<f32> {
        let ids = self.tokens(text);
        if ids.is_empty() {
            return Vec::new();
        }
        let mut sum = pool(&ids, &self.weights, &self.scales, self.dims);
        let n = ids.len() as f32;
        sum.iter_mut().for_each(|s| *s /= n);
        sum
    }

    /// What `text` means, as a unit vector.
    pub fn embed(&self, text: &str) -> Meaning {
        Meaning::from_f32(&self.pooled(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A model file with the given tokens and rows, in the format [`Model::from_bytes`] reads.
    pub(crate) fn model_bytes(tokens: &[&str], rows: &[Vec<i8>], scale: f32) -> Vec<u8> {
        let dims = rows[0].len();
        let mut out = MAGIC.to_vec();
        out.extend((dims as u32).to_le_bytes());
        out.extend((tokens.len() as u32).to_le_bytes());
        out.extend(3u32.to_le_bytes());
        for t in tokens {
            out.extend((t.len() as u16).to_le_bytes());
            out.extend(t.as_bytes());
        }
        out.extend(0u32.to_le_bytes());
        for _ in tokens {
            out.extend(scale.to_le_bytes());
        }
        for row in rows {
            out.extend(row.iter().map(|&v| v as u8));
        }
        out
    }

    fn tiny() -> Model {
        let tokens = ["[UNK]", "ferry", "boat", "tax", "##es", "."];
        let rows = vec![
            vec![0, 0, 0],
            vec![100, 10, 0],
            vec![90, 20, 0],
            vec![0, 0, 120],
            vec![0, 10, 100],
            vec![1, 1, 1],
        ];
        Model::from_bytes(&model_bytes(&tokens, &rows, 0.01)).unwrap()
    }

    #[test]
    fn a_tiny_model_reads_and_pools_its_tokens() {
        let m = tiny();
        assert_eq!(m.dims(), 3);
        // "Taxes" is two pieces; the unknown word is left out of the mean.
        assert_eq!(m.tokens("Ferry taxes zzz."), vec![1, 3, 4, 5]);
        let pooled = m.pooled("ferry boat");
        assert!((pooled[0] - 0.95).abs() < 1e-6 && (pooled[1] - 0.15).abs() < 1e-6);
    }

    #[test]
    fn similar_words_give_close_meanings() {
        let m = tiny();
        let (ferry, boat, taxes) = (m.embed("ferry"), m.embed("boat"), m.embed("taxes"));
        assert!(ferry.cosine(&boat) > 0.95);
        assert!(ferry.cosine(&taxes) < 0.2);
        assert!((ferry.cosine(&ferry) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn nothing_known_is_an_empty_meaning_that_matches_nothing() {
        let m = tiny();
        let none = m.embed("zzz qqq");
        assert!(none.is_empty());
        assert_eq!(none.cosine(&m.embed("ferry")), 0.0);
        assert!(Meaning::mean([&none]).is_empty());
    }

    #[test]
    fn an_article_meaning_is_the_mean_of_its_sentences() {
        let m = tiny();
        let article = Meaning::mean([&m.embed("ferry"), &m.embed("taxes")]);
        assert!(article.cosine(&m.embed("ferry")) > 0.5);
        assert!(article.cosine(&m.embed("taxes")) > 0.5);
    }

    /// The built-in model against the ids and vectors the Python model gives for sentences
    /// written for this test (`scripts/model/reference.py` makes the file).
    #[test]
    fn the_builtin_model_reproduces_the_python_reference() {
        let reference: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/embed/reference.json"))
                .unwrap();
        let model = Model::builtin();
        assert_eq!(model.dims(), reference["dims"].as_u64().unwrap() as usize);
        let tolerance = reference["tolerance"].as_f64().unwrap();
        let cases = reference["cases"].as_array().unwrap();
        assert!(cases.len() >= 20);
        for case in cases {
            let text = case["text"].as_str().unwrap();
            let ids: Vec<u32> = case["ids"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_u64().unwrap() as u32)
                .collect();
            assert_eq!(model.tokens(text), ids, "{}", case["label"]);
            let expected: Vec<f64> = case["vector"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_f64().unwrap())
                .collect();
            let pooled = model.pooled(text);
            let length = pooled.iter().map(|x| x * x).sum::<f32>().sqrt();
            if expected.iter().all(|&x| x == 0.0) {
                assert!(pooled.is_empty() || length == 0.0, "{}", case["label"]);
                continue;
            }
            for (got, want) in pooled.iter().zip(&expected) {
                let got = f64::from(got / length);
                assert!(
                    (got - want).abs() <= tolerance,
                    "{}: {got} vs {want}",
                    case["label"]
                );
            }
        }
    }

    #[test]
    fn damaged_model_files_are_errors_not_panics() {
        let good = model_bytes(&["[UNK]", "a"], &[vec![0, 0], vec![1, 2]], 1.0);
        for cut in 0..good.len() {
            assert!(Model::from_bytes(&good[..cut]).is_err(), "cut at {cut}");
        }
        let mut bad = good.clone();
        bad[0] = b'X';
        assert!(matches!(Model::from_bytes(&bad), Err(ModelError::Magic)));
        let mut extra = good;
        extra.push(0);
        assert!(Model::from_bytes(&extra).is_err());
    }
}
