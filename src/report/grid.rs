//! The one table template every tabular format renders: the findings of a comparison laid
//! out as titled grids of plain-text cells. Terminal and Markdown differ only in drawing.

use super::{format_interval, CompareReport, NumberRow};
use crate::extract::quantity::QuantityKind;
use crate::judge::Verdict;

/// What a cell means, so renderers can colour it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Nothing to stress.
    Plain,
    /// Sources agree.
    Good,
    /// Sources disagree.
    Bad,
    /// Secondary information.
    Dim,
}

/// One cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Text, single or multi-line.
    pub text: String,
    /// Meaning for colouring.
    pub tone: Tone,
}

impl Cell {
    fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            tone: Tone::Plain,
        }
    }
    fn toned(text: impl Into<String>, tone: Tone) -> Cell {
        Cell {
            text: text.into(),
            tone,
        }
    }
}

/// A titled table.
#[derive(Debug, Clone)]
pub struct Grid {
    /// Section title.
    pub title: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows of cells, as many as headers.
    pub rows: Vec<Vec<Cell>>,
}

/// The sections of a comparison report, in reading order. Empty sections are left out.
pub fn compare_grids(report: &CompareReport) -> Vec<Grid> {
    let doc_headers: Vec<String> = report
        .documents
        .iter()
        .map(|d| format!("{} {}", d.id, d.short))
        .collect();
    let mut shared = Grid {
        title: "Shared claims".into(),
        headers: ["claim", "topic", "verdict"]
            .into_iter()
            .map(String::from)
            .chain(doc_headers.iter().cloned())
            .collect(),
        rows: Vec::new(),
    };
    let mut unique = Grid {
        title: "Said by one source only".into(),
        headers: ["claim", "topic", "source", "statement"]
            .into_iter()
            .map(String::from)
            .collect(),
        rows: Vec::new(),
    };
    for claim in &report.claims {
        if claim.verdict == Verdict::Unique {
            let s = &claim.statements[0];
            unique.rows.push(vec![
                Cell::plain(&claim.id),
                Cell::toned(&claim.topic, Tone::Dim),
                Cell::plain(format!("{}:{}:{}", s.doc, s.line, s.column)),
                Cell::plain(&s.text),
            ]);
            continue;
        }
        let verdict = match claim.verdict {
            Verdict::Agreement if claim.extra.is_empty() => Cell::toned("agree", Tone::Good),
            Verdict::Agreement => {
                Cell::toned(format!("agree\n{}", claim.extra.join("\n")), Tone::Good)
            }
            _ => Cell::toned(
                claim
                    .differences
                    .iter()
                    .map(|d| format!("differ: {}\n{}", kind_name(d.kind), d.detail))
                    .collect::<Vec<_>>()
                    .join("\n"),
                Tone::Bad,
            ),
        };
        let mut row = vec![
            Cell::plain(&claim.id),
            Cell::toned(&claim.topic, Tone::Dim),
            verdict,
        ];
        for doc in &report.documents {
            // A contradiction inside one document puts two of its statements in one claim.
            let texts: Vec<String> = claim
                .statements
                .iter()
                .filter(|s| s.doc == doc.id)
                .map(|s| format!("{}:{} {}", s.line, s.column, s.text))
                .collect();
            let text = if texts.is_empty() {
                "—".to_string()
            } else {
                texts.join("\n")
            };
            row.push(Cell::plain(text));
        }
        shared.rows.push(row);
    }
    let numbers = numbers_grid(report, &report.numbers);
    [shared, unique, numbers]
        .into_iter()
        .filter(|g| !g.rows.is_empty())
        .collect()
}

/// The numbers table: one row per measured thing, one column per source.
pub fn numbers_grid(report: &CompareReport, rows: &[NumberRow]) -> Grid {
    let mut grid = Grid {
        title: "Numbers".into(),
        headers: ["claim", "what", "unit"]
            .into_iter()
            .map(String::from)
            .chain(
                report
                    .documents
                    .iter()
                    .map(|d| format!("{} {}", d.id, d.short)),
            )
            .chain(["conflict".to_string()])
            .collect(),
        rows: Vec::new(),
    };
    for row in rows {
        let mut cells = vec![
            Cell::plain(&row.claim),
            Cell::plain(&row.label),
            Cell::toned(&row.unit, Tone::Dim),
        ];
        for doc in &report.documents {
            let values: Vec<String> = row
                .values
                .iter()
                .filter(|v| v.doc == doc.id)
                .map(|v| {
                    let normal = match (row.kind, &v.normalized) {
                        (_, Some(iso)) => iso.clone(),
                        (QuantityKind::Year, None) => format!("{}", v.low),
                        _ => format_interval(v.low, v.high),
                    };
                    if normal == v.text {
                        v.text.clone()
                    } else {
                        format!("{} ({normal})", v.text)
                    }
                })
                .collect();
            cells.push(if values.is_empty() {
                Cell::toned("—", Tone::Dim)
            } else {
                Cell::plain(values.join("\n"))
            });
        }
        cells.push(if row.conflict {
            Cell::toned("conflict", Tone::Bad)
        } else {
            Cell::plain("")
        });
        grid.rows.push(cells);
    }
    grid
}

/// The one-line summary that ends human-readable reports.
pub fn summary_line(report: &CompareReport) -> String {
    let s = &report.summary;
    format!(
        "{} claims: {} agree, {} differ, {} unique · {} number conflict{}",
        s.claims,
        s.agreements,
        s.differences,
        s.unique,
        s.number_conflicts,
        if s.number_conflicts == 1 { "" } else { "s" }
    )
}

/// The lowercase name of a difference kind, as in JSON.
pub fn kind_name(kind: crate::judge::DifferenceKind) -> &'static str {
    use crate::judge::DifferenceKind::*;
    match kind {
        Number => "number",
        Date => "date",
        Entity => "entity",
        Negation => "negation",
        Hedge => "hedge",
        Quote => "quote",
    }
}
