//! HTML: the comparison as one self-contained page.
//!
//! Owns the `--format html` report: inline CSS (`html.css`), no scripts, no network, and a
//! Content-Security-Policy that forbids both, so a report built from hostile articles can be
//! opened safely. Every piece of article text goes through [`escape`].
//!
//! The page reads the same [`CompareReport`] as the other formats. [`render_comparison`] adds
//! the full text of every source (each sentence anchored by its id, `d1.s3`) and exact
//! source-by-source verdicts, both of which need the [`Comparison`] behind the report;
//! [`render`] works from the report alone and shows only the sentences the findings cite.

use super::diff::WordChange;
use super::grid::{kind_name, summary_line};
use super::{format_interval, ClaimOut, CompareReport, DocumentRef, NumberRow, NumberValue};
use crate::align::Cluster;
use crate::extract::quantity::QuantityKind;
use crate::judge::{self, Verdict};
use crate::segment::SentenceKind;
use crate::Comparison;
use std::collections::{BTreeMap, HashMap};

const CSS: &str = include_str!("html.css");

/// The page's Content-Security-Policy: nothing may load or run; inline styles and data
/// images are the only exceptions.
pub const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// Escapes text for HTML element content and quoted attribute values alike.
///
/// Control characters other than tab and newline are dropped: they are parse errors in HTML
/// and have no business in a report.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The comparison report as an HTML page, from the findings alone: the "Sources" section
/// lists only the sentences the claims cite.
pub fn render(report: &CompareReport) -> String {
    let view = View {
        report,
        texts: cited_texts(report, true),
        pairs: None,
        claims: true,
    };
    page(&view)
}

/// The comparison as an HTML page with the full text of every source (headings and
/// boilerplate included) and source-by-source verdicts judged pair by pair.
pub fn render_comparison(cmp: &Comparison) -> String {
    let report = cmp.report();
    let view = View {
        report: &report,
        texts: full_texts(cmp),
        pairs: Some(pair_verdicts(cmp, &report)),
        claims: true,
    };
    page(&view)
}

/// The numbers table alone (`factdiff numbers --format html`), with the cited sentences.
pub fn render_numbers(report: &CompareReport) -> String {
    let view = View {
        report,
        texts: cited_texts(report, false),
        pairs: None,
        claims: false,
    };
    page(&view)
}

/// Everything a page is drawn from.
struct View<'a> {
    report: &'a CompareReport,
    texts: Vec<DocText>,
    /// Exact verdicts per claim and pair of documents, when the comparison is at hand.
    pairs: Option<PairVerdicts>,
    /// Whether the page shows the claims (the numbers page does not), so links to them land.
    claims: bool,
}

/// The sentences of one document that the page shows.
struct DocText {
    sentences: Vec<SentenceView>,
    /// Whether every sentence of the document is present.
    complete: bool,
}

struct SentenceView {
    id: String,
    text: String,
    kind: SentenceKind,
    line: usize,
    column: usize,
    /// Sentences with the same paragraph number are drawn as one paragraph.
    paragraph: usize,
}

/// `(claim id, doc id, doc id)` (the two ids in document order) → whether the two agree.
type PairVerdicts = HashMap<(String, String, String), bool>;

fn full_texts(cmp: &Comparison) -> Vec<DocText> {
    cmp.documents
        .iter()
        .map(|doc| {
            let blocks: Vec<(usize, usize)> = doc
                .ingested
                .blocks
                .iter()
                .map(|b| {
                    let start = b.map.to_original(0);
                    let end = b.map.to_original(b.text.len().saturating_sub(1)) + 1;
                    (start, end)
                })
                .collect();
            let mut cursor = 0;
            let sentences = doc
                .sentences
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    // Sentences come block by block, so one forward walk finds each block.
                    while blocks
                        .get(cursor)
                        .is_some_and(|&(_, end)| end <= s.span.start)
                    {
                        cursor += 1;
                    }
                    let paragraph = match blocks.get(cursor) {
                        Some(&(start, _)) if start <= s.span.start => cursor,
                        _ => blocks.len() + i,
                    };
                    SentenceView {
                        id: format!("{}.s{}", doc.id, i + 1),
                        text: s.text.clone(),
                        kind: s.kind,
                        line: s.span.line,
                        column: s.span.column,
                        paragraph,
                    }
                })
                .collect();
            DocText {
                sentences,
                complete: true,
            }
        })
        .collect()
}

/// The sentences the page cites: every statement of a claim, or with `claims` false only
/// those that give a number.
fn cited_texts(report: &CompareReport, claims: bool) -> Vec<DocText> {
    report
        .documents
        .iter()
        .map(|doc| {
            let mut cited: Vec<&super::StatementOut> = report
                .claims
                .iter()
                .filter(|_| claims)
                .flat_map(|c| &c.statements)
                .filter(|s| s.doc == doc.id)
                .chain(
                    report
                        .numbers
                        .iter()
                        .flat_map(|r| &r.values)
                        .filter(|v| v.doc == doc.id)
                        .filter_map(|v| statement_of(report, v)),
                )
                .collect();
            cited.sort_by_key(|s| (s.start, s.sentence.clone()));
            cited.dedup_by(|a, b| a.sentence == b.sentence);
            DocText {
                sentences: cited
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| SentenceView {
                        id: s.sentence.clone(),
                        text: s.text.clone(),
                        kind: SentenceKind::Statement,
                        line: s.line,
                        column: s.column,
                        paragraph: i,
                    })
                    .collect(),
                complete: false,
            }
        })
        .collect()
}

fn statement_of<'a>(report: &'a CompareReport, v: &NumberValue) -> Option<&'a super::StatementOut> {
    report
        .claims
        .iter()
        .flat_map(|c| &c.statements)
        .find(|s| s.sentence == v.sentence)
}

/// Judges every pair of statements of every shared claim on its own, so that a claim where
/// one source denies what two others assert shows the two as agreeing with each other.
fn pair_verdicts(cmp: &Comparison, report: &CompareReport) -> PairVerdicts {
    let docs = &cmp.documents;
    let sentence_id = |(d, s): (usize, usize)| format!("{}.s{}", docs[d].id, s + 1);
    // A sentence belongs to one claim, so the first member names the claim.
    let claim_of: HashMap<&str, &str> = report
        .claims
        .iter()
        .filter_map(|c| Some((c.statements.first()?.sentence.as_str(), c.id.as_str())))
        .collect();
    let mut keys = Vec::new();
    let mut clusters = Vec::new();
    for j in &cmp.judgements {
        let Some(&first) = j.cluster.members.first() else {
            continue;
        };
        let Some(&claim) = claim_of.get(sentence_id(first).as_str()) else {
            continue;
        };
        for (x, &a) in j.cluster.members.iter().enumerate() {
            for &b in &j.cluster.members[x + 1..] {
                if a.0 == b.0 {
                    continue;
                }
                let (lo, hi) = (a.0.min(b.0), a.0.max(b.0));
                keys.push((claim.to_string(), docs[lo].id.clone(), docs[hi].id.clone()));
                clusters.push(Cluster {
                    members: vec![a, b],
                    score: j.cluster.score,
                    ..Cluster::default()
                });
            }
        }
    }
    let mut out = PairVerdicts::new();
    for (key, verdict) in keys
        .into_iter()
        .zip(judge::judge(docs, clusters).into_iter().map(|j| j.verdict))
    {
        let agree = verdict == Verdict::Agreement;
        *out.entry(key).or_insert(true) &= agree;
    }
    out
}

impl View<'_> {
    fn doc_index(&self, id: &str) -> Option<usize> {
        self.report.documents.iter().position(|d| d.id == id)
    }

    fn path_of<'s>(&'s self, id: &'s str) -> &'s str {
        self.report
            .documents
            .iter()
            .find(|d| d.id == id)
            .map_or(id, |d| d.path.as_str())
    }

    /// Whether documents `a` and `b` agree on `claim`; `None` when one of them is silent.
    fn pair_agrees(&self, claim: &ClaimOut, a: &str, b: &str) -> Option<bool> {
        let speaks = |d: &str| claim.statements.iter().any(|s| s.doc == d);
        if a == b || !speaks(a) || !speaks(b) || claim.verdict == Verdict::Unique {
            return None;
        }
        if let Some(pairs) = &self.pairs {
            let (ia, ib) = (self.doc_index(a), self.doc_index(b));
            let (lo, hi) = if ia <= ib { (a, b) } else { (b, a) };
            if let Some(&agree) = pairs.get(&(claim.id.clone(), lo.to_string(), hi.to_string())) {
                return Some(agree);
            }
        }
        Some(match claim.verdict {
            Verdict::Difference => !claim
                .differences
                .iter()
                .any(|d| d.docs.iter().any(|x| x == a) && d.docs.iter().any(|x| x == b)),
            _ => true,
        })
    }
}

/// Where a document stands on a claim.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stance {
    Agrees,
    Differs,
    Silent,
}

fn stance(claim: &ClaimOut, doc: &str) -> Stance {
    if !claim.statements.iter().any(|s| s.doc == doc) {
        Stance::Silent
    } else if claim
        .differences
        .iter()
        .any(|d| d.docs.iter().any(|x| x == doc))
    {
        Stance::Differs
    } else {
        Stance::Agrees
    }
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Agreement => "agreement",
        Verdict::Difference => "difference",
        Verdict::Unique => "unique",
    }
}

fn page(view: &View<'_>) -> String {
    let report = view.report;
    let full = view.claims;
    let heading = if full {
        "factdiff comparison"
    } else {
        "factdiff numbers"
    };
    let mut body = String::new();
    body.push_str(&header(view, heading, full));
    if full {
        body.push_str(&shared_section(view));
        body.push_str(&unique_section(view));
    }
    body.push_str(&numbers_section(view));
    if full {
        body.push_str(&coverage_section(view));
        body.push_str(&heatmap_section(view));
    }
    body.push_str(&sources_section(view));
    body.push_str(&format!(
        "<footer>{} · generated by factdiff from {} source{}</footer>\n",
        escape(&summary_line(report)),
        report.documents.len(),
        plural(report.documents.len())
    ));
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>{heading} · {n} sources</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n\
         {body}</body>\n</html>\n",
        n = report.documents.len(),
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn header(view: &View<'_>, heading: &str, full: bool) -> String {
    let report = view.report;
    let s = &report.summary;
    let mut out = format!("<header id=\"summary\">\n<h1>{heading}</h1>\n");
    out.push_str(&format!(
        "<p class=\"lead summary-line\">{}</p>\n",
        escape(&summary_line(report))
    ));
    if full {
        out.push_str("<ul class=\"summary\">\n");
        for (class, n, what) in [
            ("", s.claims, "claims"),
            ("agree", s.agreements, "agree"),
            ("differ", s.differences, "differ"),
            ("", s.unique, "one source only"),
            ("differ", s.number_conflicts, "number conflicts"),
        ] {
            // Colour only what is there: a red zero reads as an alarm.
            let class = if n == 0 { "" } else { class };
            out.push_str(&format!("<li class=\"{class}\"><b>{n}</b>{what}</li>\n"));
        }
        out.push_str("</ul>\n");
        let differing: Vec<String> = report
            .claims
            .iter()
            .filter(|c| c.verdict == Verdict::Difference)
            .map(|c| {
                let kinds: Vec<&str> = c.differences.iter().map(|d| kind_name(d.kind)).collect();
                format!(
                    "<a href=\"#{id}\">{id}</a> {}",
                    kinds.join(", "),
                    id = escape(&c.id)
                )
            })
            .collect();
        if !differing.is_empty() {
            out.push_str(&format!("<p>Differences: {}</p>\n", differing.join(" · ")));
        }
        out.push_str(
            "<nav class=\"toc\"><a href=\"#shared\">Shared claims</a><a href=\"#unique\">One \
             source only</a><a href=\"#numbers\">Numbers</a><a href=\"#coverage\">Coverage</a>\
             <a href=\"#agreement\">Agreement</a><a href=\"#sources\">Sources</a></nav>\n",
        );
    }
    out.push_str("<h2 id=\"documents\">Sources compared</h2>\n<table>\n<thead><tr><th>id</th><th>path</th><th>title</th><th>byline</th></tr></thead>\n<tbody>\n");
    for d in &report.documents {
        out.push_str(&format!(
            "<tr><td class=\"mono\"><a href=\"#{id}\">{id}</a></td><td class=\"mono\">{}</td><td>{}</td><td>{}</td></tr>\n",
            escape(&d.path),
            opt(&d.title),
            opt(&d.byline),
            id = escape(&d.id),
        ));
    }
    out.push_str("</tbody>\n</table>\n</header>\n");
    out
}

fn opt(text: &Option<String>) -> String {
    match text {
        Some(t) => escape(t),
        None => "<span class=\"muted\">—</span>".to_string(),
    }
}

/// A link from a finding to its sentence in the Sources section.
fn location_link(view: &View<'_>, doc: &str, sentence: &str, line: usize, column: usize) -> String {
    format!(
        "<a class=\"loc\" href=\"#{}\">{}:{line}:{column}</a>",
        escape(sentence),
        escape(view.path_of(doc))
    )
}

fn shared_section(view: &View<'_>) -> String {
    let shared: Vec<&ClaimOut> = view
        .report
        .claims
        .iter()
        .filter(|c| c.verdict != Verdict::Unique)
        .collect();
    let mut out = format!(
        "<section id=\"shared\">\n<h2>Shared claims <span class=\"count\">· {}</span></h2>\n",
        shared.len()
    );
    if shared.is_empty() {
        out.push_str("<p class=\"empty\">No two sources make the same claim.</p>\n");
    }
    // Topics in order of their first claim, so the page reads like the articles.
    let mut topics: Vec<&str> = Vec::new();
    for c in &shared {
        if !topics.contains(&c.topic.as_str()) {
            topics.push(&c.topic);
        }
    }
    for topic in topics {
        let claims: Vec<&&ClaimOut> = shared.iter().filter(|c| c.topic == topic).collect();
        out.push_str(&format!(
            "<h3>{} <span class=\"count\">· {} claim{}</span></h3>\n",
            escape(topic),
            claims.len(),
            plural(claims.len())
        ));
        for claim in claims {
            out.push_str(&claim_card(view, claim));
        }
    }
    out.push_str("</section>\n");
    out
}

fn claim_card(view: &View<'_>, claim: &ClaimOut) -> String {
    let class = verdict_class(claim.verdict);
    let badge = match claim.verdict {
        Verdict::Agreement => "agree".to_string(),
        _ => {
            let kinds: Vec<&str> = claim
                .differences
                .iter()
                .map(|d| kind_name(d.kind))
                .collect();
            format!("differ · {}", kinds.join(", "))
        }
    };
    let id = escape(&claim.id);
    let mut out = format!(
        "<article class=\"claim {class}\" id=\"{id}\">\n<div class=\"claim-head\"><a class=\"id\" href=\"#{id}\">{id}</a><span class=\"badge {class}\">{badge}</span><span class=\"score\">match {:.2}</span></div>\n",
        claim.score
    );
    if !claim.differences.is_empty() {
        out.push_str("<ul class=\"differences\">\n");
        for d in &claim.differences {
            out.push_str(&format!(
                "<li><span class=\"kind\">{}</span><span class=\"muted mono\">{}</span> — {}</li>\n",
                kind_name(d.kind),
                escape(&d.docs.join(" ↔ ")),
                escape(&d.detail)
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<ol class=\"statements\">\n");
    for s in &claim.statements {
        out.push_str(&format!(
            "<li><span class=\"doc\">{}</span><div>{}<span class=\"text\">{}</span></div></li>\n",
            escape(&s.doc),
            location_link(view, &s.doc, &s.sentence, s.line, s.column),
            escape(&s.text)
        ));
    }
    out.push_str("</ol>\n");
    if let Some((first, others)) = claim.statements.split_first() {
        if !others.is_empty() {
            let mut diffs = String::new();
            for other in others {
                diffs.push_str(&format!(
                    "<div class=\"wdiff\"><div class=\"head\">{} → {}</div>{}</div>\n",
                    escape(&first.doc),
                    escape(&other.doc),
                    word_diff(&first.text, &other.text)
                ));
            }
            // Differences are what a reader came for; agreeing wording stays folded away.
            if claim.verdict == Verdict::Difference {
                out.push_str(&format!("<div class=\"wdiffs\">\n{diffs}</div>\n"));
            } else {
                out.push_str(&format!(
                    "<details class=\"wdiffs\"><summary>word diff</summary>\n{diffs}</details>\n"
                ));
            }
        }
    }
    out.push_str("</article>\n");
    out
}

/// The word diff of two sentences, removed words in `<del>`, added ones in `<ins>`
/// (grouped as [`super::diff::word_changes`] groups them).
pub fn word_diff(old: &str, new: &str) -> String {
    let mut out = String::new();
    for change in super::diff::word_changes(old, new) {
        match change {
            WordChange::Same(text) => out.push_str(&escape(text)),
            WordChange::Changed {
                lead,
                removed,
                added,
                tail,
            } => {
                out.push_str(&escape(&lead));
                if !removed.is_empty() {
                    out.push_str(&format!("<del>{}</del>", escape(&removed)));
                }
                if !added.is_empty() {
                    out.push_str(&format!("<ins>{}</ins>", escape(&added)));
                }
                out.push_str(&escape(&tail));
            }
        }
    }
    out
}

fn unique_section(view: &View<'_>) -> String {
    let report = view.report;
    let unique: Vec<&ClaimOut> = report
        .claims
        .iter()
        .filter(|c| c.verdict == Verdict::Unique)
        .collect();
    let mut out = format!(
        "<section id=\"unique\">\n<h2>Said by one source only <span class=\"count\">· {}</span></h2>\n",
        unique.len()
    );
    if unique.is_empty() {
        out.push_str("<p class=\"empty\">Every statement is shared by another source.</p>\n");
    }
    for doc in &report.documents {
        let mine: Vec<&&ClaimOut> = unique
            .iter()
            .filter(|c| c.statements.first().is_some_and(|s| s.doc == doc.id))
            .collect();
        if mine.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "<h3>{} {} <span class=\"count\">· {}</span></h3>\n<ul class=\"unique\">\n",
            escape(&doc.id),
            escape(&doc.short),
            mine.len()
        ));
        for claim in mine {
            let Some(s) = claim.statements.first() else {
                continue;
            };
            out.push_str(&format!(
                "<li id=\"{id}\"><div class=\"meta\"><a href=\"#{id}\">{id}</a> · {} · {}</div>{}</li>\n",
                location_link(view, &s.doc, &s.sentence, s.line, s.column),
                escape(&claim.topic),
                escape(&s.text),
                id = escape(&claim.id),
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    out
}

fn number_value(row: &NumberRow, v: &NumberValue) -> String {
    let normal = if matches!(row.kind, QuantityKind::Year | QuantityKind::Date) {
        format!("{}", v.low)
    } else {
        format_interval(v.low, v.high)
    };
    if normal == v.text {
        escape(&v.text)
    } else {
        format!(
            "{} <span class=\"muted\">({})</span>",
            escape(&v.text),
            escape(&normal)
        )
    }
}

fn numbers_section(view: &View<'_>) -> String {
    let report = view.report;
    let mut out = format!(
        "<section id=\"numbers\">\n<h2>Numbers <span class=\"count\">· {} row{}, {} conflict{}</span></h2>\n",
        report.numbers.len(),
        plural(report.numbers.len()),
        report.summary.number_conflicts,
        plural(report.summary.number_conflicts)
    );
    if report.numbers.is_empty() {
        out.push_str("<p class=\"empty\">No numbers were found in the claims.</p>\n</section>\n");
        return out;
    }
    out.push_str("<table>\n<thead><tr><th>claim</th><th>what</th><th>unit</th>");
    for d in &report.documents {
        out.push_str(&format!("<th>{} {}</th>", escape(&d.id), escape(&d.short)));
    }
    out.push_str("<th>conflict</th></tr></thead>\n<tbody>\n");
    for row in &report.numbers {
        let claim = if view.claims {
            format!("<a href=\"#{c}\">{c}</a>", c = escape(&row.claim))
        } else {
            escape(&row.claim)
        };
        out.push_str(&format!(
            "<tr{}><td class=\"mono\">{claim}</td><td>{}</td><td class=\"muted\">{}</td>",
            if row.conflict {
                " class=\"conflict\""
            } else {
                ""
            },
            escape(&row.label),
            escape(&row.unit),
        ));
        for d in &report.documents {
            let values: Vec<String> = row
                .values
                .iter()
                .filter(|v| v.doc == d.id)
                .map(|v| {
                    format!(
                        "<a href=\"#{}\">{}</a>",
                        escape(&v.sentence),
                        number_value(row, v)
                    )
                })
                .collect();
            if values.is_empty() {
                out.push_str("<td class=\"muted\">—</td>");
            } else {
                out.push_str(&format!("<td>{}</td>", values.join("<br>")));
            }
        }
        out.push_str(if row.conflict {
            "<td><span class=\"badge difference\">conflict</span></td></tr>\n"
        } else {
            "<td></td></tr>\n"
        });
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    out
}

fn coverage_section(view: &View<'_>) -> String {
    let report = view.report;
    let shared: Vec<&ClaimOut> = report
        .claims
        .iter()
        .filter(|c| c.verdict != Verdict::Unique)
        .collect();
    let mut out = String::from(
        "<section id=\"coverage\">\n<h2>Coverage</h2>\n<p class=\"lead\">Which source speaks to each shared claim, and whether it sides with the others.</p>\n",
    );
    if shared.is_empty() {
        out.push_str("<p class=\"empty\">No shared claims.</p>\n</section>\n");
        return out;
    }
    out.push_str("<table>\n<thead><tr><th>claim</th><th>topic</th>");
    for d in &report.documents {
        out.push_str(&format!(
            "<th class=\"cov\">{} {}</th>",
            escape(&d.id),
            escape(&d.short)
        ));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let mut totals = vec![(0usize, 0usize); report.documents.len()];
    for claim in &shared {
        out.push_str(&format!(
            "<tr><td class=\"mono\"><a href=\"#{id}\">{id}</a></td><td class=\"muted\">{}</td>",
            escape(&claim.topic),
            id = escape(&claim.id)
        ));
        for (k, d) in report.documents.iter().enumerate() {
            let cell = match stance(claim, &d.id) {
                Stance::Agrees => {
                    totals[k].0 += 1;
                    "<td class=\"cov agrees\">✓ agrees</td>"
                }
                Stance::Differs => {
                    totals[k].1 += 1;
                    "<td class=\"cov differs\">≠ differs</td>"
                }
                Stance::Silent => "<td class=\"cov silent\">· silent</td>",
            };
            out.push_str(cell);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n<tfoot>\n");
    let only: Vec<usize> = report
        .documents
        .iter()
        .map(|d| {
            report
                .claims
                .iter()
                .filter(|c| c.verdict == Verdict::Unique)
                .filter(|c| c.statements.first().is_some_and(|s| s.doc == d.id))
                .count()
        })
        .collect();
    let agrees: Vec<usize> = totals.iter().map(|t| t.0).collect();
    let differs: Vec<usize> = totals.iter().map(|t| t.1).collect();
    for (label, counts) in [
        ("agrees", agrees),
        ("differs", differs),
        ("said by this source only", only),
    ] {
        out.push_str(&format!("<tr><th colspan=\"2\">{label}</th>"));
        for n in counts {
            out.push_str(&format!("<td class=\"num\">{n}</td>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tfoot>\n</table>\n</section>\n");
    out
}

/// Above this many sources the heatmap is drawn by colour only.
const DENSE_SOURCES: usize = 30;

fn heatmap_section(view: &View<'_>) -> String {
    let docs: &[DocumentRef] = &view.report.documents;
    let mut out = String::from(
        "<section id=\"agreement\">\n<h2>Agreement between sources</h2>\n<p class=\"lead\">Each cell: of the claims both sources speak to, the share on which they agree.</p>\n",
    );
    if docs.len() < 2 {
        out.push_str("<p class=\"empty\">Agreement needs two sources or more.</p>\n</section>\n");
        return out;
    }
    let shared: Vec<&ClaimOut> = view
        .report
        .claims
        .iter()
        .filter(|c| c.verdict != Verdict::Unique)
        .collect();
    const CELL: usize = 92;
    const LEFT: usize = 190;
    const TOP: usize = 34;
    let n = docs.len();
    const LEGEND: usize = 44;
    let (width, height) = (LEFT + CELL * n.max(4) + 2, TOP + CELL * n + LEGEND);
    let mut svg = format!(
        "<svg role=\"img\" aria-labelledby=\"heatmap-title\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">\n<title id=\"heatmap-title\">Share of shared claims on which each pair of sources agrees</title>\n"
    );
    for (k, d) in docs.iter().enumerate() {
        let x = LEFT + CELL * k + CELL / 2;
        svg.push_str(&format!(
            "<text class=\"axis\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"600\">{}</text>\n",
            TOP - 12,
            escape(&d.id)
        ));
        let y = TOP + CELL * k + CELL / 2 + 5;
        let short: String = d.short.chars().take(18).collect();
        svg.push_str(&format!(
            "<text class=\"axis\" x=\"{}\" y=\"{y}\" text-anchor=\"end\"><tspan font-weight=\"600\">{}</tspan> {}</text>\n",
            LEFT - 10,
            escape(&d.id),
            escape(&short)
        ));
    }
    // Counts per source pair, gathered claim by claim: the work follows the claims' sizes,
    // not sources² × claims.
    let position: std::collections::HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(k, d)| (d.id.as_str(), k))
        .collect();
    let mut counts: std::collections::HashMap<(usize, usize), (usize, usize)> =
        std::collections::HashMap::new();
    for claim in &shared {
        let mut speakers: Vec<usize> = claim
            .statements
            .iter()
            .filter_map(|s| position.get(s.doc.as_str()).copied())
            .collect();
        speakers.sort_unstable();
        speakers.dedup();
        for (k, &a) in speakers.iter().enumerate() {
            for &b in &speakers[k + 1..] {
                if let Some(agrees) = view.pair_agrees(claim, &docs[a].id, &docs[b].id) {
                    let entry = counts.entry((a, b)).or_default();
                    entry.0 += usize::from(agrees);
                    entry.1 += 1;
                }
            }
        }
    }
    // Past a few dozen sources the grid is read by colour alone: cells drop their printed
    // figures (the tooltip keeps them) and pairs with nothing in common stay blank, which
    // keeps the report small when hundreds of sources are compared.
    let dense = n > DENSE_SOURCES;
    for (r, a) in docs.iter().enumerate() {
        for (c, b) in docs.iter().enumerate() {
            let (x, y) = (LEFT + CELL * c + 1, TOP + CELL * r + 1);
            let (cx, cy) = (x + CELL / 2 - 1, y + CELL / 2 - 1);
            let rect = |class: &str, fill: &str, tip: &str| {
                format!(
                    "<g><title>{}</title><rect {class}{fill}x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{w}\" rx=\"6\"/>",
                    escape(tip),
                    w = CELL - 4
                )
            };
            if r == c {
                let speaks = shared
                    .iter()
                    .filter(|cl| cl.statements.iter().any(|s| s.doc == a.id))
                    .count();
                svg.push_str(&rect(
                    "class=\"self\" ",
                    "",
                    &format!(
                        "{}: speaks to {speaks} shared claim{}",
                        a.id,
                        plural(speaks)
                    ),
                ));
                svg.push_str(&format!(
                    "<text class=\"figure-dark\" x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\">{speaks} claim{}</text></g>\n",
                    cy + 4,
                    plural(speaks)
                ));
                continue;
            }
            let (agree, both) = counts.get(&(r.min(c), r.max(c))).copied().unwrap_or((0, 0));
            if both == 0 && dense {
                continue;
            }
            if both == 0 {
                svg.push_str(&rect(
                    "class=\"none\" ",
                    "",
                    &format!("{} and {}: no claim in common", a.id, b.id),
                ));
                svg.push_str(&format!(
                    "<text class=\"figure-dark\" x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\">no overlap</text></g>\n",
                    cy + 4
                ));
                continue;
            }
            let share = agree as f64 / both as f64;
            svg.push_str(&rect(
                "",
                &format!("fill=\"{}\" ", share_colour(share)),
                &format!(
                    "{} and {}: agree on {agree} of {both} claim{} both speak to",
                    a.id,
                    b.id,
                    plural(both)
                ),
            ));
            if dense {
                svg.push_str("</g>\n");
                continue;
            }
            svg.push_str(&format!(
                "<text x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" fill=\"#fff\" font-size=\"22\" font-weight=\"700\">{:.0}%</text>\
                 <text x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" fill=\"#fff\" font-size=\"12\">{agree} of {both}</text></g>\n",
                cy + 2,
                share * 100.0,
                cy + 22
            ));
        }
    }
    // A five-step key under the grid, drawn with the same colour scale as the cells.
    let y = TOP + CELL * n + 16;
    svg.push_str(&format!(
        "<text class=\"legend\" x=\"{}\" y=\"{}\" text-anchor=\"end\">agree on</text>\n",
        LEFT - 10,
        y + 12
    ));
    for step in 0..5 {
        let share = step as f64 / 4.0;
        let x = LEFT + step * 56;
        svg.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"18\" height=\"16\" rx=\"3\" fill=\"{}\"/><text class=\"legend\" x=\"{}\" y=\"{}\">{:.0}%</text>\n",
            share_colour(share),
            x + 23,
            y + 12,
            share * 100.0
        ));
    }
    svg.push_str("</svg>");
    let how = if view.pairs.is_some() {
        "Each pair of statements is judged on its own."
    } else {
        "Two sources differ on a claim when a difference names both."
    };
    out.push_str(&format!(
        "<figure class=\"heatmap\">\n{svg}\n<figcaption>Rows and columns are sources; the diagonal counts the shared claims each source speaks to. {how}</figcaption>\n</figure>\n</section>\n"
    ));
    out
}

/// The heatmap's colour for a share of agreement: red through amber to green, dark enough
/// at every step for white figures.
fn share_colour(share: f64) -> String {
    let hue = 4.0 + share.clamp(0.0, 1.0) * 138.0;
    format!("hsl({hue:.0}, 58%, 36%)")
}

fn sources_section(view: &View<'_>) -> String {
    let report = view.report;
    // Sentence id → the claim it belongs to, for the little back-links.
    let claim_of: BTreeMap<&str, &ClaimOut> = report
        .claims
        .iter()
        .flat_map(|c| c.statements.iter().map(move |s| (s.sentence.as_str(), c)))
        .collect();
    let mut out = String::from("<section id=\"sources\">\n<h2>Sources</h2>\n");
    if view.texts.iter().any(|t| !t.complete) {
        out.push_str("<p class=\"lead\">Only the sentences the findings cite are shown.</p>\n");
    }
    for (doc, text) in report.documents.iter().zip(&view.texts) {
        out.push_str(&format!(
            "<article class=\"source-text\" id=\"{}\">\n<header><h3>{} <span class=\"mono\">{}</span></h3>",
            escape(&doc.id),
            escape(&doc.id),
            escape(&doc.path)
        ));
        let mut meta = Vec::new();
        if let Some(t) = &doc.title {
            meta.push(format!("<b>{}</b>", escape(t)));
        }
        if let Some(b) = &doc.byline {
            meta.push(format!("by {}", escape(b)));
        }
        meta.push(format!(
            "{} sentence{}",
            text.sentences.len(),
            plural(text.sentences.len())
        ));
        out.push_str(&format!(
            "<div class=\"muted\">{}</div></header>\n",
            meta.join(" · ")
        ));
        let mut open: Option<usize> = None;
        for s in &text.sentences {
            if open != Some(s.paragraph) {
                if open.is_some() {
                    out.push_str("</p>\n");
                }
                let class = match s.kind {
                    SentenceKind::Heading => " class=\"heading\"",
                    SentenceKind::Boilerplate => " class=\"boilerplate\"",
                    _ => "",
                };
                out.push_str(&format!("<p{class}><span class=\"ln\">{}</span>", s.line));
                open = Some(s.paragraph);
            } else {
                out.push(' ');
            }
            let id = escape(&s.id);
            out.push_str(&format!(
                "<span class=\"sent\" id=\"{id}\" title=\"{id} · line {}, column {}\">{}",
                s.line,
                s.column,
                escape(&s.text)
            ));
            if let Some(claim) = claim_of.get(s.id.as_str()).filter(|_| view.claims) {
                out.push_str(&format!(
                    "<a class=\"ref {}\" href=\"#{c}\">{c}</a>",
                    verdict_class(claim.verdict),
                    c = escape(&claim.id)
                ));
            }
            out.push_str("</span>");
        }
        if open.is_some() {
            out.push_str("</p>\n");
        }
        if text.sentences.is_empty() {
            out.push_str("<p class=\"empty\">No sentences.</p>\n");
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Comparison, Document};

    #[test]
    fn escape_neutralises_markup_and_controls() {
        let hostile =
            "<script>alert(1)</script> \"onmouseover=x' </style> & \u{0}\u{7}\u{1b}[31m\u{85}ok\n";
        let out = escape(hostile);
        assert_eq!(
            out,
            "&lt;script&gt;alert(1)&lt;/script&gt; &quot;onmouseover=x&#39; &lt;/style&gt; &amp; [31mok\n"
        );
    }

    #[test]
    fn word_diff_marks_removed_and_added_words() {
        let out = word_diff(
            "North Korea has not agreed to talks.",
            "Pyongyang has agreed to <b>talks</b>.",
        );
        assert!(out.contains("<del>North Korea</del><ins>Pyongyang</ins> has "));
        assert!(out.contains("<del>not</del> agreed"));
        assert!(out.contains("&lt;b&gt;"));
        assert!(!out.contains("<b>"));
    }

    #[test]
    fn word_diff_keeps_spaces_outside_the_marks() {
        let out = word_diff("they said 'yes' <b> today", "they said \"no\" x today");
        assert!(out.starts_with("they said <del>"), "{out}");
        assert!(!out.contains("<del> ") && !out.contains(" </del>"), "{out}");
        assert!(!out.contains("<ins> ") && !out.contains(" </ins>"), "{out}");
    }

    #[test]
    fn word_diff_of_equal_text_is_the_text() {
        assert_eq!(word_diff("a & b", "a & b"), "a &amp; b");
    }

    fn comparison() -> Comparison {
        let a = Document::from_text(
            "d1",
            "a.txt",
            "Headline <here>\n\nThe council has approved the new bridge on Monday.\n\nThe mayor will not attend the opening ceremony.",
        )
        .expect("reads");
        let b = Document::from_text(
            "d2",
            "b.txt",
            "The council approved the new bridge on Monday.\n\nThe mayor will attend the opening ceremony.",
        )
        .expect("reads");
        Comparison::new(vec![a, b])
    }

    #[test]
    fn every_statement_link_has_a_target_in_both_entry_points() {
        let cmp = comparison();
        for html in [render_comparison(&cmp), render(&cmp.report())] {
            for claim in &cmp.report().claims {
                for s in &claim.statements {
                    assert!(html.contains(&format!("href=\"#{}\"", s.sentence)));
                    assert!(html.contains(&format!("id=\"{}\"", s.sentence)));
                }
            }
            assert!(html.contains(CSP));
            assert!(!html.contains("<script"));
        }
    }

    #[test]
    fn numbers_table_marks_conflicts_and_links_values() {
        let cmp = comparison();
        let mut report = cmp.report();
        let s = report.claims[0].statements.clone();
        report.numbers.push(NumberRow {
            label: "bridges".into(),
            unit: "bridge".into(),
            kind: QuantityKind::Count,
            conflict: true,
            claim: report.claims[0].id.clone(),
            values: s
                .iter()
                .enumerate()
                .map(|(i, st)| NumberValue {
                    doc: st.doc.clone(),
                    sentence: st.sentence.clone(),
                    text: format!("{} <bridges>", i + 1),
                    low: (i + 1) as f64,
                    high: (i + 1) as f64,
                    normalized: None,
                })
                .collect(),
        });
        let html = render(&report);
        assert!(html.contains("<tr class=\"conflict\">"));
        assert!(html.contains("1 &lt;bridges&gt;"));
        assert!(html.contains(&format!("href=\"#{}\"", s[0].sentence)));
        let numbers = render_numbers(&report);
        assert!(numbers.contains("conflict"));
        assert!(!numbers.contains("id=\"coverage\""));
        assert!(numbers.contains(&format!("id=\"{}\"", s[0].sentence)));
        assert!(!numbers.contains(&format!("href=\"#{}\"", report.claims[0].id)));
    }

    #[test]
    fn output_is_deterministic() {
        let cmp = comparison();
        assert_eq!(render_comparison(&cmp), render_comparison(&cmp));
    }
}
