//! factdiff compares articles about the same story, fact by fact.
//!
//! Give it several texts about one subject and it finds the statements they share (even when
//! worded differently), where they differ and how (a number, a date, an entity, a negation, a
//! hedge, a quotation), what only one source says, and which numbers each source gives. The
//! `factdiff` command line is a thin layer over this library.
//!
//! # Quick start
//!
//! Read each text into a [`Document`] (or add many inputs to a [`Corpus`], which reads them in
//! parallel), compare them with [`Comparison`], and render or inspect the findings model,
//! [`CompareReport`]:
//!
//! ```
//! use factdiff::{Comparison, Document, Verdict};
//!
//! let a = Document::from_text("d1", "a.txt", "Officials said 12,000 troops were sent to the border.")?;
//! let b = Document::from_text("d2", "b.txt", "Officials said 10,000 troops were sent to the border.")?;
//! let report = Comparison::new(vec![a, b]).report();
//!
//! let claim = &report.claims[0];
//! assert_eq!(claim.verdict, Verdict::Difference);
//! assert_eq!(claim.differences[0].kind, factdiff::DifferenceKind::Number);
//! assert_eq!(report.summary.differences, 1);
//! # Ok::<(), factdiff::IngestError>(())
//! ```
//!
//! Every report format the command line offers renders the same model:
//!
//! ```
//! # use factdiff::{Comparison, Document};
//! # let a = Document::from_text("d1", "a.txt", "The bridge opened on 3 May after two years of work.")?;
//! # let b = Document::from_text("d2", "b.txt", "The bridge opened on 5 May after two years of work.")?;
//! let comparison = Comparison::new(vec![a, b]);
//! let report = comparison.report();
//! let json = factdiff::report::json::render(&report);
//! assert!(json.contains(r#""schema": "factdiff.compare/1""#));
//! let markdown = factdiff::report::markdown::render(&report);
//! assert!(markdown.contains("| claim |"));
//! let html = factdiff::report::html::render_comparison(&comparison);
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! # Ok::<(), factdiff::IngestError>(())
//! ```
//!
//! # Reading files
//!
//! [`Document::read`] takes the bytes of a file and its [`InputFormat`] (plain text, Markdown
//! or HTML; [`InputFormat::from_path`] guesses it from the extension). Ingest decodes the bytes
//! (UTF-8, UTF-16 or a legacy encoding), drops page chrome and keeps the title and byline:
//!
//! ```
//! use factdiff::{Document, InputFormat};
//!
//! let page = b"<html><head><title>Dam works finish early</title></head><body><article>\
//!     <h1>Dam works finish early</h1><p>The repairs to the Elm Creek dam finished on Monday, \
//!     two weeks ahead of plan, the water board said.</p><p>The work cost $4 million, \
//!     about half of the original estimate for the project.</p></article></body></html>";
//! let doc = Document::read("d1", "dam.html", page, InputFormat::Html)?;
//! assert_eq!(doc.ingested.title.as_deref(), Some("Dam works finish early"));
//! assert!(doc.sentences.iter().any(|s| s.text.contains("$4 million")));
//! # Ok::<(), factdiff::IngestError>(())
//! ```
//!
//! # The pipeline
//!
//! The stages run one way: [`ingest`] → [`segment`] → [`extract`] → [`align`] → [`judge`] →
//! [`report`]. Every stage but ingest is a pure function of its input, so the same inputs give
//! the same findings, byte for byte. [`Comparison::with_options`] adds user topics and
//! background word statistics; [`config`] and [`baseline`] hold what `factdiff check` reads.

#![deny(missing_docs)]

pub mod align;
pub mod baseline;
pub mod config;
pub mod embed;
pub mod extract;
pub mod ingest;
pub mod judge;
pub mod report;
pub mod segment;
pub mod span;

pub use ingest::{IngestError, InputFormat};
pub use judge::{DifferenceKind, Verdict};
pub use report::CompareReport;

use extract::{Extractor, Facts};
use ingest::Ingested;
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
        Self::read_with(id, path, bytes, format, Extractor::builtin())
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
    ///
    /// `path` is only a name: it labels findings and gives [`short_name`](Self::short_name).
    ///
    /// ```
    /// let doc = factdiff::Document::from_text("d1", "notes/wire.txt", "The port reopened on Monday.")?;
    /// assert_eq!(doc.sentences.len(), 1);
    /// assert_eq!(doc.short_name(), "wire");
    /// # Ok::<(), factdiff::IngestError>(())
    /// ```
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

/// A set of inputs read together: documents get the ids `d1`, `d2`, … in the order they were
/// added, and are read (ingest, segmentation, extraction) in parallel.
///
/// ```
/// use factdiff::{Corpus, InputFormat};
///
/// let mut corpus = Corpus::new();
/// corpus.add_text("wire.txt", "The ferry to the island resumes on Friday, the operator said.");
/// corpus.add("page.html", b"<p>Ferry service to the island resumes on Friday.</p>", InputFormat::Html);
/// let comparison = corpus.compare(&factdiff::Options::default())?;
/// assert_eq!(comparison.documents[1].id, "d2");
/// assert_eq!(comparison.report().summary.agreements, 1);
/// # Ok::<(), factdiff::ReadError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    inputs: Vec<(String, Vec<u8>, InputFormat)>,
}

/// An input of a [`Corpus`] that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct ReadError {
    /// The input's path, as it was added.
    pub path: String,
    /// Why it could not be read.
    #[source]
    pub source: IngestError,
}

impl Corpus {
    /// An empty corpus with the built-in lexicon.
    pub fn new() -> Corpus {
        Corpus::default()
    }

    /// Adds one input: its path (a label in findings) and its bytes, in the given format.
    pub fn add(&mut self, path: &str, bytes: &[u8], format: InputFormat) -> &mut Corpus {
        self.add_owned(path.to_string(), bytes.to_vec(), format)
    }

    /// Adds one input without copying its bytes.
    pub fn add_owned(&mut self, path: String, bytes: Vec<u8>, format: InputFormat) -> &mut Corpus {
        self.inputs.push((path, bytes, format));
        self
    }

    /// Adds plain text held in memory.
    pub fn add_text(&mut self, path: &str, text: &str) -> &mut Corpus {
        self.add(path, text.as_bytes(), InputFormat::Text)
    }

    /// Number of inputs added.
    pub fn len(&self) -> usize {
        self.inputs.len()
    }

    /// Whether no input was added.
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
    }

    /// Reads every input. Inputs are independent, so they are read in parallel; the documents
    /// come back in the order they were added, and when several inputs fail, the error names
    /// the first of them, so the outcome never depends on the number of threads.
    pub fn read(&self) -> Result<Vec<Document>, ReadError> {
        self.read_with(Extractor::builtin())
    }

    /// [`read`](Self::read) with a configured extractor (extra aliases from `factdiff.toml`).
    pub fn read_with(&self, extractor: &Extractor) -> Result<Vec<Document>, ReadError> {
        use rayon::prelude::*;
        let read: Vec<Result<Document, ReadError>> = self
            .inputs
            .par_iter()
            .enumerate()
            .map(|(i, (path, bytes, format))| {
                Document::read_with(&format!("d{}", i + 1), path, bytes, *format, extractor)
                    .map_err(|source| ReadError {
                        path: path.clone(),
                        source,
                    })
            })
            .collect();
        read.into_iter().collect()
    }

    /// Reads every input, then aligns and judges them.
    pub fn compare(&self, options: &Options<'_>) -> Result<Comparison, ReadError> {
        Ok(Comparison::with_options(self.read()?, options))
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
    ///
    /// User topics are tried before the built-in ones, so claims can be labelled in the terms
    /// of the story at hand:
    ///
    /// ```
    /// use factdiff::{judge::Topic, Comparison, Document, Options};
    ///
    /// let docs = vec![
    ///     Document::from_text("d1", "a.txt", "The ferry to the island will resume on Friday.")?,
    ///     Document::from_text("d2", "b.txt", "Ferry services to the island resume on Friday.")?,
    /// ];
    /// let options = Options {
    ///     topics: vec![Topic::new("island transport", &["ferry".to_string()])],
    ///     ..Options::default()
    /// };
    /// let report = Comparison::with_options(docs, &options).report();
    /// assert_eq!(report.claims[0].topic, "island transport");
    /// # Ok::<(), factdiff::IngestError>(())
    /// ```
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
