//! factdiff compares articles about the same story, fact by fact.
//!
//! The pipeline runs one way: [`ingest`] → [`segment`] → [`extract`] → [`align`] → [`judge`]
//! → [`report`]. Every stage but ingest is a pure function of its input, so the same inputs
//! give the same findings, byte for byte.
//!
//! ```
//! use factdiff::{Comparison, Document, InputFormat};
//!
//! let a = Document::from_text("d1", "a.txt", "Officials said 12,000 troops were sent to the border.")?;
//! let b = Document::from_text("d2", "b.txt", "Officials said 10,000 troops were sent to the border.")?;
//! let comparison = Comparison::new(vec![a, b]);
//! let claim = &comparison.report().claims[0];
//! assert_eq!(claim.verdict, factdiff::judge::Verdict::Difference);
//! # Ok::<(), factdiff::ingest::IngestError>(())
//! ```

pub mod align;
pub mod baseline;
pub mod config;
pub mod extract;
pub mod ingest;
pub mod judge;
pub mod report;
pub mod segment;
pub mod span;

pub use ingest::InputFormat;

use extract::{Extractor, Facts};
use ingest::{IngestError, Ingested};
use segment::Sentence;

/// One article after ingest, segmentation and extraction.
#[derive(Debug, Clone)]
pub struct Document {
    /// Stable id in input order: `d1`, `d2`, …
    pub id: String,
    /// Cleaned text and metadata.
    pub ingested: Ingested,
    /// Every sentence, chrome and headings included.
    pub sentences: Vec<Sentence>,
    /// The facts of each sentence, index for index.
    pub facts: Vec<Facts>,
}

impl Document {
    /// Reads one input with the built-in lexicon.
    pub fn read(
        id: &str,
        path: &str,
        bytes: &[u8],
        format: InputFormat,
    ) -> Result<Document, IngestError> {
        Self::read_with(id, path, bytes, format, &Extractor::default())
    }

    /// Reads one input with a configured extractor (extra aliases).
    pub fn read_with(
        id: &str,
        path: &str,
        bytes: &[u8],
        format: InputFormat,
        extractor: &Extractor,
    ) -> Result<Document, IngestError> {
        let ingested = ingest::ingest(path, bytes, format)?;
        let sentences = segment::segment(&ingested);
        let facts = extractor.extract_document(&sentences);
        Ok(Document {
            id: id.to_string(),
            ingested,
            sentences,
            facts,
        })
    }

    /// Reads plain text held in memory.
    pub fn from_text(id: &str, path: &str, text: &str) -> Result<Document, IngestError> {
        Self::read(id, path, text.as_bytes(), InputFormat::Text)
    }

    /// The title, falling back to the file stem.
    pub fn short_name(&self) -> String {
        std::path::Path::new(&self.ingested.path)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(&self.id)
            .to_string()
    }
}

/// How a comparison is run beyond the defaults.
#[derive(Debug, Clone, Default)]
pub struct Options<'a> {
    /// Word statistics from a larger corpus.
    pub background: Option<&'a align::Background>,
    /// User topics, tried before the built-in ones.
    pub topics: Vec<judge::Topic>,
}

/// The comparison of a set of documents: aligned claims with verdicts.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The documents, in input order.
    pub documents: Vec<Document>,
    /// Every claim with its verdict.
    pub judgements: Vec<judge::Judgement>,
}

impl Comparison {
    /// Aligns and judges `documents`.
    pub fn new(documents: Vec<Document>) -> Comparison {
        Self::with_background(documents, None)
    }

    /// Aligns and judges `documents`, with word statistics from a larger background corpus.
    pub fn with_background(
        documents: Vec<Document>,
        background: Option<&align::Background>,
    ) -> Comparison {
        Self::with_options(
            documents,
            &Options {
                background,
                ..Options::default()
            },
        )
    }

    /// Aligns and judges `documents` as configured.
    pub fn with_options(documents: Vec<Document>, options: &Options<'_>) -> Comparison {
        let clusters = align::align_with(&documents, options.background);
        let judgements = judge::judge_with(&documents, clusters, &options.topics);
        Comparison {
            documents,
            judgements,
        }
    }

    /// The findings model every report format renders.
    pub fn report(&self) -> report::CompareReport {
        report::CompareReport::build(self)
    }
}
