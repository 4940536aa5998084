//! Per-stage micro-benchmarks: `cargo bench` (or `cargo bench -- extract` for one stage).
//!
//! Every stage of the pipeline runs over the same small corpus, built at start-up from the
//! articles shipped in `examples/articles/` so the benchmarks need nothing beside the
//! repository: their paragraphs are dealt out into 120 articles of 12 paragraphs, and every
//! third article has its digits shifted, so the corpus holds agreements, number differences
//! and statements only one article makes. Throughput is counted in bytes of article text.
//! The scaling benchmark over real news sentences, with memory, is `examples/bench_scale`.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use factdiff::extract::quantity::quantities;
use factdiff::extract::Extractor;
use factdiff::report::table::Style;
use factdiff::segment::Sentence;
use factdiff::{
    align, ingest, judge, report, segment, CompareReport, Comparison, Document, InputFormat,
};
use std::sync::OnceLock;

/// The binary's allocator, so each stage costs what it costs there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ARTICLES: usize = 120;
const PARAGRAPHS_PER_ARTICLE: usize = 12;

fn main() {
    divan::main();
}

/// The shipped articles' paragraphs, title lines left out.
fn paragraphs() -> Vec<String> {
    let mut out = Vec::new();
    for text in [
        include_str!("../examples/articles/harbor-daily.txt"),
        include_str!("../examples/articles/northern-post.txt"),
        include_str!("../examples/articles/coastal-wire.md"),
    ] {
        out.extend(
            text.split("\n\n")
                .skip(1)
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string),
        );
    }
    out
}

/// The corpus: plain-text articles, in a fixed order.
fn articles() -> &'static [String] {
    static CORPUS: OnceLock<Vec<String>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let pool = paragraphs();
        (0..ARTICLES)
            .map(|a| {
                let mut text = format!("Report {a}\n\n");
                for k in 0..PARAGRAPHS_PER_ARTICLE {
                    text.push_str(&pool[(a * 5 + k * 7) % pool.len()]);
                    text.push_str("\n\n");
                }
                if a % 3 == 2 {
                    text = text
                        .chars()
                        .map(|c| match c.to_digit(10) {
                            Some(d) => char::from_digit((d + 1) % 10, 10).unwrap_or(c),
                            None => c,
                        })
                        .collect();
                }
                text
            })
            .collect()
    })
}

fn bytes() -> BytesCount {
    BytesCount::new(articles().iter().map(String::len).sum::<usize>())
}

fn ingested() -> Vec<ingest::Ingested> {
    articles()
        .iter()
        .enumerate()
        .map(|(i, t)| ingest::ingest(&format!("a{i}.txt"), t.as_bytes(), InputFormat::Text))
        .collect::<Result<_, _>>()
        .expect("the shipped articles ingest")
}

fn segmented() -> Vec<Vec<Sentence>> {
    ingested().iter().map(segment::segment).collect()
}

/// The corpus read through the whole of `Document::from_text`.
fn read_documents() -> Vec<Document> {
    articles()
        .iter()
        .enumerate()
        .map(|(i, t)| {
            Document::from_text(&format!("d{}", i + 1), &format!("a{i}.txt"), t)
                .expect("the shipped articles read")
        })
        .collect()
}

fn documents() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(read_documents)
}

fn comparison() -> &'static Comparison {
    static CMP: OnceLock<Comparison> = OnceLock::new();
    CMP.get_or_init(|| Comparison::new(documents().to_vec()))
}

#[divan::bench]
fn ingest_text(bencher: Bencher) {
    bencher.counter(bytes()).bench_local(ingested);
}

#[divan::bench]
fn ingest_html(bencher: Bencher) {
    // The same articles as saved pages: a menu, the article, a comment form and a footer.
    let pages: Vec<String> = articles()
        .iter()
        .map(|t| {
            let body: String = t
                .split("\n\n")
                .filter(|p| !p.is_empty())
                .map(|p| format!("<p>{}</p>\n", report::html::escape(p)))
                .collect();
            format!(
                "<html><head><title>Report</title></head><body><nav><a href=\"/\">Home</a> \
                 <a href=\"/world\">World</a></nav><article>{body}</article><section>\
                 <h3>Leave a Comment</h3><form><textarea></textarea></form></section>\
                 <footer>All rights reserved.</footer></body></html>"
            )
        })
        .collect();
    let size = pages.iter().map(String::len).sum::<usize>();
    bencher.counter(BytesCount::new(size)).bench_local(|| {
        for (i, page) in pages.iter().enumerate() {
            let doc = ingest::ingest(&format!("a{i}.html"), page.as_bytes(), InputFormat::Html);
            black_box(doc.expect("a well-formed page ingests"));
        }
    });
}

#[divan::bench]
fn segment(bencher: Bencher) {
    let docs = ingested();
    bencher
        .counter(bytes())
        .bench_local(|| docs.iter().map(segment::segment).collect::<Vec<_>>());
}

#[divan::bench]
fn extract(bencher: Bencher) {
    let sentences = segmented();
    let extractor = Extractor::default();
    bencher.counter(bytes()).bench_local(|| {
        sentences
            .iter()
            .map(|s| extractor.extract_document(s))
            .collect::<Vec<_>>()
    });
}

#[divan::bench]
fn extract_quantities(bencher: Bencher) {
    let sentences = segmented();
    bencher.counter(bytes()).bench_local(|| {
        sentences
            .iter()
            .flatten()
            .map(|s| quantities(&s.text).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn align(bencher: Bencher) {
    let docs = documents();
    bencher
        .counter(bytes())
        .bench_local(|| align::align_with(docs, None));
}

#[divan::bench]
fn judge(bencher: Bencher) {
    let docs = documents();
    let clusters = align::align_with(docs, None);
    bencher
        .counter(bytes())
        .with_inputs(|| clusters.clone())
        .bench_local_values(|clusters| judge::judge_with(docs, clusters, &[]));
}

#[divan::bench]
fn report_model(bencher: Bencher) {
    let cmp = comparison();
    bencher.counter(bytes()).bench_local(|| cmp.report());
}

/// Times one report format over the corpus's findings model.
fn bench_format(bencher: Bencher, render: impl Fn(&CompareReport) -> String) {
    let model = comparison().report();
    bencher.counter(bytes()).bench_local(|| render(&model));
}

#[divan::bench]
fn report_json(bencher: Bencher) {
    bench_format(bencher, report::json::render_compare);
}

#[divan::bench]
fn report_markdown(bencher: Bencher) {
    bench_format(bencher, report::markdown::render);
}

#[divan::bench]
fn report_html(bencher: Bencher) {
    bench_format(bencher, report::html::render);
}

#[divan::bench]
fn report_table(bencher: Bencher) {
    let style = Style {
        width: 120,
        color: false,
    };
    bench_format(bencher, |model| report::table::render(model, style));
}

#[divan::bench]
fn compare_end_to_end(bencher: Bencher) {
    bencher
        .counter(bytes())
        .bench_local(|| report::json::render_compare(&Comparison::new(read_documents()).report()));
}
