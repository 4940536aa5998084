//! JSON: the findings models serialised as DESIGN.md's schema v1, pretty-printed.
//!
//! `compare` over thousands of articles writes tens of megabytes, so its report is written
//! claim by claim on all cores ([`render_compare`]) and stitched together exactly as
//! serde_json's pretty printer would have written it whole.

use super::CompareReport;
use rayon::prelude::*;
use serde::Serialize;

/// Serialises any findings model as pretty JSON with a final newline.
pub fn render<T: Serialize>(model: &T) -> String {
    let mut s = pretty_at(model, 0);
    s.push('\n');
    s
}

/// [`render`] for the report of `compare`, byte for byte, with claims and number rows
/// serialised in parallel.
pub fn render_compare(report: &CompareReport) -> String {
    // The field names and order of `CompareReport`, which derives `Serialize` without
    // renaming; `tests::parallel_rendering_matches_serde` holds the two writers together.
    let CompareReport {
        schema,
        documents,
        claims,
        numbers,
        summary,
    } = report;
    let fields = [
        ("schema", pretty_at(schema, 1)),
        ("documents", pretty_at(documents, 1)),
        ("claims", array_at(claims, 1)),
        ("numbers", array_at(numbers, 1)),
        ("summary", pretty_at(summary, 1)),
    ];
    let mut out = String::from("{");
    for (k, (name, value)) in fields.iter().enumerate() {
        out.push_str(if k == 0 { "\n  \"" } else { ",\n  \"" });
        out.push_str(name);
        out.push_str("\": ");
        out.push_str(value);
    }
    out.push_str("\n}\n");
    out
}

/// Pretty JSON of `value` as it reads nested `depth` levels deep: every line after the first
/// indented by two spaces a level.
fn pretty_at<T: Serialize + ?Sized>(value: &T, depth: usize) -> String {
    let mut bytes = Vec::new();
    let formatter = Nested {
        level: depth,
        has_value: false,
    };
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, formatter);
    // Serialising plain structs of strings and numbers cannot fail; NaN would become null.
    if let Err(e) = value.serialize(&mut serializer) {
        return format!("{{\"error\": \"{e}\"}}");
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into())
}

/// serde_json's pretty layout (two spaces a level, `[]` and `{}` when empty), starting
/// `level` levels deep, so a value serialised alone can be placed inside a larger document.
struct Nested {
    level: usize,
    /// Whether the innermost open array or object has a value yet.
    has_value: bool,
}

impl Nested {
    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.newline(w)?;
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline(w)
    }

    fn newline<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.level {
            w.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// A pretty JSON array at `depth`, its elements serialised in parallel.
fn array_at<T: Serialize + Sync>(items: &[T], depth: usize) -> String {
    if items.is_empty() {
        return "[]".to_string();
    }
    let inner = "  ".repeat(depth + 1);
    let parts: Vec<String> = items.par_iter().map(|x| pretty_at(x, depth + 1)).collect();
    let mut out = String::with_capacity(parts.iter().map(|p| p.len() + inner.len() + 2).sum());
    out.push('[');
    // Each part is dropped once copied, so the report is held about once, not twice.
    for (k, part) in parts.into_iter().enumerate() {
        out.push_str(if k == 0 { "\n" } else { ",\n" });
        out.push_str(&inner);
        out.push_str(&part);
    }
    out.push('\n');
    out.push_str(&"  ".repeat(depth));
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Comparison, Document};

    fn report(texts: &[&str]) -> CompareReport {
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(&format!("d{}", i + 1), "x.txt", t).unwrap())
            .collect();
        Comparison::new(docs).report()
    }

    #[test]
    fn parallel_rendering_matches_serde() {
        for texts in [
            &[
                "About 12,000 troops crossed the border on Monday, officials said. The talks \
                 \"went well\", he said.\nA second line.",
                "Officials said 10,000 troops crossed the border on Monday. Only this one says \
                 that prices rose 3%.",
            ][..],
            &["One document, one sentence."][..],
        ] {
            let mut r = report(texts);
            assert_eq!(render_compare(&r), render(&r));
            r.claims.clear();
            r.numbers.clear();
            assert_eq!(render_compare(&r), render(&r), "empty arrays");
        }
    }
}
