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
/// terminal; newlines are kept for multi-line cells. Whole sequences go, not just their
/// ESC, so no `[31m` debris is left: CSI (`ESC [` or U+009B, up to its final byte), OSC
/// (`ESC ]`, up to BEL or `ESC \`), other two-character escapes. Bidirectional overrides go
/// too: they reorder what the terminal shows, so a cell could display other words than it
/// holds.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push(c),
            '\u{1b}' => match chars.next() {
                Some('[') => skip_csi(&mut chars),
                Some(']' | 'P' | '_' | '^' | 'X') => skip_string(&mut chars),
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{9e}' | '\u{9f}' | '\u{98}' => skip_string(&mut chars),
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Skips a CSI sequence's parameter and intermediate bytes and its final byte.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        if ('\u{20}'..='\u{3f}').contains(&c) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                chars.next();
            }
            return;
        }
    }
}

/// Skips an OSC, DCS, APC, PM or SOS string up to its terminator (BEL, `ESC \\` or ST). A
/// string left open ends at the next line break, which is kept, so a stray ESC ] cannot
/// swallow the rest of a report.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\n' => return,
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {
                chars.next();
            }
        }
    }
}

/// Columns below this width cannot hold a readable word.
const MIN_COLUMN_WIDTH: usize = 10;

/// A grid with more columns than the width can show (a comparison of hundreds of sources)
/// as a list: each row's non-empty cells under their headers. A table would wrap every cell
/// to a sliver of a column and grow with columns times rows, hundreds of megabytes for a
/// few thousand sources.
fn draw_as_list(grid: &Grid, style: Style) -> String {
    let mut out = format!("{}\n", sanitize(&grid.title));
    for row in &grid.rows {
        for (i, (header, cell)) in grid.headers.iter().zip(row).enumerate() {
            let text = sanitize(&cell.text);
            if text.trim().is_empty() {
                continue;
            }
            let text = text.replace('\n', " ");
            let line = if i == 0 {
                format!("{}: {text}", sanitize(header))
            } else {
                format!("  {}: {text}", sanitize(header))
            };
            match (style.color, cell.tone) {
                (true, Tone::Good) => out.push_str(&format!("\x1b[32m{line}\x1b[0m")),
                (true, Tone::Bad) => out.push_str(&format!("\x1b[31m{line}\x1b[0m")),
                (true, Tone::Dim) => out.push_str(&format!("\x1b[90m{line}\x1b[0m")),
                _ => out.push_str(&line),
            }
            out.push('\n');
        }
    }
    out
}

fn draw(grid: &Grid, style: Style) -> String {
    if grid.headers.len() * MIN_COLUMN_WIDTH > usize::from(style.width).max(40) {
        return draw_as_list(grid, style);
    }
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
    format!("{}\n{table}\n", sanitize(&grid.title))
}

/// Renders titled grids one after another, then the footer line.
pub fn render_grids(grids: &[Grid], footer: &str, style: Style) -> String {
    let mut out = String::new();
    for g in grids {
        out.push_str(&draw(g, style));
        out.push('\n');
    }
    out.push_str(&sanitize(footer));
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
        + &explanations(report)
}

/// With `--explain`: each matched pair's score and what it came from, one line a pair.
fn explanations(report: &CompareReport) -> String {
    let mut out = String::new();
    for claim in report.claims.iter().filter(|c| !c.explain.is_empty()) {
        for e in &claim.explain {
            if out.is_empty() {
                out.push_str("\nWhy statements met (logit parts; a pair meets at 0 or more)\n");
            }
            let c = &e.contributions;
            let articles = e.articles.map_or("-".to_string(), |a| format!("{a:.2}"));
            out.push_str(&format!(
                "{} {} ~ {}  score {:.2} = bias {:+.2} wording {:+.2} names {:+.2} numbers {:+.2} meaning {:+.2} (cosine {:.2}) articles {:+.2} (cosine {articles})\n",
                claim.id,
                e.sentences[0],
                e.sentences[1],
                e.score,
                e.bias,
                c.wording,
                c.names,
                c.numbers,
                c.meaning,
                e.meaning,
                c.articles,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::grid::Cell;

    fn grid(columns: usize) -> Grid {
        let cell = |t: &str| Cell {
            text: t.to_string(),
            tone: Tone::Bad,
        };
        Grid {
            title: "Claims \x1b[2J".into(),
            headers: (0..columns).map(|i| format!("d{i}")).collect(),
            rows: vec![(0..columns)
                .map(|i| cell(if i % 2 == 0 { "said \x07so" } else { "" }))
                .collect()],
        }
    }

    #[test]
    fn escape_sequences_are_removed_whole() {
        assert_eq!(sanitize("a\x1b[31mred\x1b[0m b"), "ared b");
        assert_eq!(
            sanitize("see \x1b]8;;https://x.example\x07link\x1b]8;;\x1b\\ now"),
            "see link now"
        );
        assert_eq!(sanitize("x\u{9b}2Jy\x08\x07z\r\t"), "xyz");
        assert_eq!(sanitize("\x1b]0;title\nnext"), "\nnext");
        assert_eq!(sanitize("abc\u{202e}fed\u{2066}"), "abcfed");
        assert_eq!(sanitize("trailing \x1b"), "trailing ");
        assert_eq!(sanitize("Größe 日本 👍🏽"), "Größe 日本 👍🏽");
    }

    #[test]
    fn too_many_columns_become_a_list() {
        let style = Style {
            width: 120,
            color: false,
        };
        let out = draw(&grid(2000), style);
        assert!(
            out.starts_with("Claims \nd0: said so\n  d2: said so\n"),
            "{out}"
        );
        assert_eq!(out.lines().count(), 1001);
        assert!(draw(&grid(4), style).contains('┌'));
        let coloured = draw(
            &grid(2000),
            Style {
                width: 120,
                color: true,
            },
        );
        assert!(coloured.contains("\x1b[31m  d2: said so\x1b[0m"));
    }
}
