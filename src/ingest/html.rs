//! HTML input.

use super::Parsed;

/// Reads a saved HTML page.
pub(crate) fn read(text: &str) -> Parsed {
    super::text::read(text, 0)
}
