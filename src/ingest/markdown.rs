//! Markdown (CommonMark) input.

use super::Parsed;

/// Reads Markdown starting at byte `from` (past a BOM).
pub(crate) fn read(text: &str, from: usize) -> Parsed {
    super::text::read(text, from)
}
