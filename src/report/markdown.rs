//! Markdown: GitHub-flavoured tables of the same grids the terminal shows.

use super::grid::{self, Grid};
use super::CompareReport;

/// Escapes text for a GFM table cell: pipes, line breaks and HTML-significant characters.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Renders grids as Markdown sections.
pub fn render_grids(title: &str, grids: &[Grid], footer: &str) -> String {
    let mut out = format!("# {title}\n\n");
    for g in grids {
        out.push_str(&format!("## {}\n\n", g.title));
        out.push_str(&format!(
            "| {} |\n",
            g.headers
                .iter()
                .map(|h| cell(h))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
        out.push_str(&format!("|{}\n", "---|".repeat(g.headers.len())));
        for row in &g.rows {
            out.push_str(&format!(
                "| {} |\n",
                row.iter()
                    .map(|c| cell(&c.text))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ));
        }
        out.push('\n');
    }
    out.push_str(footer);
    out.push('\n');
    out
}

/// The comparison report in Markdown.
pub fn render(report: &CompareReport) -> String {
    let mut sources = String::from("Sources: ");
    sources.push_str(
        &report
            .documents
            .iter()
            .map(|d| format!("{} `{}`", d.id, d.path))
            .collect::<Vec<_>>()
            .join(", "),
    );
    let grids = grid::compare_grids(report);
    render_grids(
        "factdiff comparison",
        &grids,
        &format!("{sources}\n\n{}", grid::summary_line(report)),
    )
}
