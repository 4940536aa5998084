//! JSON: the findings models serialised as DESIGN.md's schema v1, pretty-printed.

use serde::Serialize;

/// Serialises any findings model as pretty JSON with a final newline.
pub fn render<T: Serialize>(model: &T) -> String {
    // Serialising plain structs of strings and numbers cannot fail; NaN would become null.
    let mut s =
        serde_json::to_string_pretty(model).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
