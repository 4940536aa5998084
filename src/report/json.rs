//! JSON: the findings models serialised as DESIGN.md's schema v1, pretty-printed.

use super::{CompareReport, DocumentRef, Summary};
use rayon::prelude::*;
use serde::Serialize;

/// Serialises any findings model as pretty JSON with a final newline.
pub fn render<T: Serialize>(model: &T) -> String {
    // Serialising plain structs of strings and numbers cannot fail; NaN would become null.
    let mut s =
        serde_json::to_string_pretty(model).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// [`render`] of a comparison, byte for byte, with its claims and numbers serialised on all
/// cores: over thousands of articles the report is tens of megabytes, and serialising it on
/// one thread took as long as judging every claim.
pub fn render_compare(report: &CompareReport) -> String {
    render_compare_parts(report).concat()
}

/// [`render_compare`] in pieces that make the rendering when written one after the other, so
/// a large report is written out without first being copied into one string.
pub fn render_compare_parts(report: &CompareReport) -> Vec<String> {
    /// The report with its two long lists left empty; the lists are rendered apart and put
    /// in their place. Fields in [`CompareReport`]'s order (a test holds the two equal).
    #[derive(Serialize)]
    struct Skeleton<'a> {
        schema: &'a str,
        documents: &'a [DocumentRef],
        claims: [(); 0],
        numbers: [(); 0],
        summary: &'a Summary,
    }
    let skeleton = render(&Skeleton {
        schema: report.schema,
        documents: &report.documents,
        claims: [],
        numbers: [],
        summary: &report.summary,
    });
    let mut parts = Vec::new();
    let mut rest = skeleton.as_str();
    for (key, list) in [
        ("claims", pretty_list(&report.claims)),
        ("numbers", pretty_list(&report.numbers)),
    ] {
        // A key of the top-level object starts a line, two spaces in; a string value cannot
        // hold a line break, so this text occurs nowhere else.
        let empty = format!("\n  \"{key}\": []");
        let Some(at) = rest.find(&empty) else {
            return vec![render(report)];
        };
        let (before, after) = rest.split_at(at + empty.len() - 2);
        parts.push(before.to_string());
        parts.extend(list);
        rest = &after[2..];
    }
    parts.push(rest.to_string());
    parts
}

/// A list that is the value of a top-level key, as the pretty printer writes it there, in
/// pieces: `[]`, or each item on its own lines four spaces in, the closing bracket two.
fn pretty_list<T: Serialize + Sync>(items: &[T]) -> Vec<String> {
    /// A run of items in an object of one key: the pretty printer then writes them exactly
    /// as it does under a key of the report, so only the wrapping has to be cut off.
    #[derive(Serialize)]
    struct Run<'a, T> {
        items: &'a [T],
    }
    const OPEN: &str = "{\n  \"items\": [";
    const CLOSE: &str = "\n  ]\n}";
    if items.is_empty() {
        return vec!["[]".to_string()];
    }
    // Runs long enough that one buffer per run stays cheap, many enough to share the cores.
    // Each run's wrapping becomes the bracket or comma before its items.
    let mut parts: Vec<String> = items
        .par_chunks(256)
        .enumerate()
        .map(|(k, run)| {
            let mut text = serde_json::to_string_pretty(&Run { items: run })
                .unwrap_or_else(|e| format!("{OPEN}\n    \"{e}\"{CLOSE}"));
            text.truncate(text.len() - CLOSE.len());
            text.replace_range(..OPEN.len(), if k == 0 { "[" } else { "," });
            text
        })
        .collect();
    parts.push("\n  ]".to_string());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Comparison, Document, InputFormat};

    fn report(texts: &[&str]) -> CompareReport {
        let docs = texts
            .iter()
            .enumerate()
            .map(|(k, text)| {
                let (id, path) = (format!("d{}", k + 1), format!("{k}.txt"));
                Document::read(&id, &path, text.as_bytes(), InputFormat::Text).expect("reads")
            })
            .collect();
        Comparison::new(docs).report()
    }

    #[test]
    fn comparison_json_rendered_in_parallel_is_the_plain_rendering() {
        let reports = [
            // Claims that agree and differ, numbers, a title with quotes and a line break.
            report(&[
                "# A \"summit\" report\n\nSome 12,000 troops were sent in 2024.\n\
                 The talks in Hanoi ended early.\n\nOfficials said the deal was close.",
                "Some 10,000 troops were sent in 2024. The talks in Hanoi ended early.",
            ]),
            // No numbers at all.
            report(&["The talks ended early.", "The talks ended early."]),
            // No claims: nothing comparable.
            report(&["Latest Updates"]),
        ];
        for report in &reports {
            assert_eq!(render_compare(report), render(report));
        }
        assert!(!reports[0].claims.is_empty(), "claims");
        assert!(!reports[0].numbers.is_empty(), "numbers");
        assert!(reports[1].numbers.is_empty(), "no numbers");
        assert!(reports[2].claims.is_empty(), "no claims");
    }

    #[test]
    fn long_lists_rendered_in_runs_join_as_one() {
        #[derive(Serialize)]
        struct Item {
            n: usize,
            list: Vec<usize>,
            empty: Vec<usize>,
        }
        #[derive(Serialize)]
        struct Model<'a> {
            items: &'a [Item],
        }
        for len in [1, 255, 256, 257, 1000] {
            let items: Vec<Item> = (0..len)
                .map(|n| Item {
                    n,
                    list: vec![n; n % 3],
                    empty: Vec::new(),
                })
                .collect();
            let by_hand = format!("{{\n  \"items\": {}\n}}\n", pretty_list(&items).concat());
            assert_eq!(by_hand, render(&Model { items: &items }), "{len} items");
        }
    }
}
