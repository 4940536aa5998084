//! Terminal tables (comfy-table) of the same grids Markdown renders, wrapped to the width
//! of the terminal, coloured only when asked.

use super::grid::{self, Grid, Tone};
use super::CompareReport;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table};

/// How to draw.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Total width in columns.
    pub width: u16,
    /// Use ANSI colours.
    pub color: bool,
}

/// Removes control characters and escape sequences that article text must not smuggle into a
/// terminal; newlines are kept for multi-line cells.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\n' || !c.is_control())
        .collect()
}

fn draw(grid: &Grid, style: Style) -> String {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_header(grid.headers.iter().map(|h| {
        let cell = Cell::new(sanitize(h));
        if style.color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }));
    for row in &grid.rows {
        table.add_row(row.iter().map(|c| {
            let cell = Cell::new(sanitize(&c.text));
            match (style.color, c.tone) {
                (true, Tone::Good) => cell.fg(Color::Green),
                (true, Tone::Bad) => cell.fg(Color::Red),
                (true, Tone::Dim) => cell.fg(Color::DarkGrey),
                _ => cell,
            }
        }));
    }
    format!("{}\n{table}\n", grid.title)
}

/// Renders titled grids one after another, then the footer line.
pub fn render_grids(grids: &[Grid], footer: &str, style: Style) -> String {
    let mut out = String::new();
    for g in grids {
        out.push_str(&draw(g, style));
        out.push('\n');
    }
    out.push_str(footer);
    out.push('\n');
    out
}

/// The comparison report as terminal tables.
pub fn render(report: &CompareReport, style: Style) -> String {
    let mut header = String::new();
    for d in &report.documents {
        header.push_str(&format!("{}  {}", d.id, sanitize(&d.path)));
        if let Some(t) = &d.title {
            header.push_str(&format!("  “{}”", sanitize(t)));
        }
        header.push('\n');
    }
    header.push('\n');
    header
        + &render_grids(
            &grid::compare_grids(report),
            &grid::summary_line(report),
            style,
        )
}
