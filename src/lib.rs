//! factdiff compares articles about the same story, fact by fact.
//!
//! Give it several texts about one subject and it finds the statements they share (even when
//! worded differently), where they differ and how (a number, a date, an entity, a negation, a
//! hedge, a quotation), what only one source says, and which numbers each source gives. The
//! `factdiff` command line is a thin layer over this library.
//!
//! # Quick start
//!
//! Read each text into a [`Document`], compare them with [`Comparison`], and render or inspect
//! the findings model, [`CompareReport`]:
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
