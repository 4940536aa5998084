//! Quantities in a sentence: numbers with their unit, ranges, money, percentages, years.

use serde::Serialize;

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    /// A count of things ("12,000 troops").
    Count,
    /// An amount of money ("$150 billion").
    Money,
    /// A percentage.
    Percent,
    /// A physical measure with a unit ("300 km").
    Measure,
    /// A calendar year ("in 2018").
    Year,
    /// A calendar date.
    Date,
    /// An ordinal ("third").
    Ordinal,
    /// A span of time ("three years").
    Duration,
    /// An amount per period ("10 to 20 weapons annually").
    Rate,
}

/// How a value bounds the true figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// The figure is the value (or lies in the range).
    #[default]
    Exact,
    /// "at least", "more than", "over": the figure is at or above `low`.
    AtLeast,
    /// "up to", "less than", "under": the figure is at or below `high`.
    AtMost,
}

/// One quantity found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// The words as written ("10,000 to 12,000 troops").
    pub text: String,
    /// Byte offset of `text` in the searched string.
    pub start: usize,
    /// Byte offset one past the end of `text`.
    pub end: usize,
    /// The single value; `None` for a range.
    pub value: Option<f64>,
    /// Lower end (equal to `value` for a single number).
    pub low: f64,
    /// Upper end (equal to `value` for a single number).
    pub high: f64,
    /// Normalised unit: `USD`, `percent`, `km`, or the counted noun's lemma (`troop`).
    pub unit: String,
    /// What the quantity measures.
    pub kind: QuantityKind,
    /// Hedged by "about", "nearly", "roughly"…
    pub approx: bool,
    /// Open-ended bound ("at least", "up to").
    pub bound: Bound,
    /// For rates, the period or denominator ("year", "day").
    pub per: Option<String>,
}

/// Every quantity in `text`, in order of appearance, non-overlapping.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let _ = text;
    Vec::new()
}
