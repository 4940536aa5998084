//! `extract` as a table: every sentence with its location, kind and facts.

use super::grid::{Cell, Grid, Tone};
use super::table::{render_grids, Style};
use super::ExtractReport;
use crate::segment::SentenceKind;

/// One grid per document.
pub fn render(report: &ExtractReport, style: Style) -> String {
    let mut grids = Vec::new();
    let mut total = 0;
    for doc in &report.documents {
        let mut title = format!("{} {}", doc.id, doc.path);
        if let Some(t) = &doc.title {
            title.push_str(&format!(" · title: {t}"));
        }
        if let Some(b) = &doc.byline {
            title.push_str(&format!(" · byline: {b}"));
        }
        let mut grid = Grid {
            title,
            headers: ["id", "at", "kind", "sentence", "facts"]
                .into_iter()
                .map(String::from)
                .collect(),
            rows: Vec::new(),
        };
        for s in &doc.sentences {
            let kind = match s.kind {
                SentenceKind::Statement => "statement",
                SentenceKind::Heading => "heading",
                SentenceKind::Question => "question",
                SentenceKind::Boilerplate => "boilerplate",
            };
            let mut facts: Vec<String> = s
                .quantities
                .iter()
                .map(|q| format!("{} [{}]", q.text, q.unit))
                .collect();
            if !s.entities.is_empty() {
                facts.push(format!("entities: {}", s.entities.join(", ")));
            }
            if let Some(n) = &s.negation {
                facts.push(format!("negation: {n}"));
            }
            if let Some(h) = &s.hedge {
                facts.push(format!("hedge: {h}"));
            }
            let tone = if s.kind == SentenceKind::Statement {
                Tone::Plain
            } else {
                Tone::Dim
            };
            grid.rows.push(vec![
                Cell {
                    text: s.id.clone(),
                    tone: Tone::Dim,
                },
                Cell {
                    text: format!("{}:{}", s.line, s.column),
                    tone: Tone::Dim,
                },
                Cell {
                    text: kind.to_string(),
                    tone,
                },
                Cell {
                    text: s.text.clone(),
                    tone,
                },
                Cell {
                    text: facts.join("\n"),
                    tone: Tone::Plain,
                },
            ]);
        }
        total += doc.sentences.len();
        grids.push(grid);
    }
    render_grids(
        &grids,
        &format!("{} documents · {total} sentences", report.documents.len()),
        style,
    )
}
